"""The reference: the same Markdown built by stock Material + mkdocs-static-i18n.

No hooks, no generated pages, Material's own search plugin and MkDocs' automatic
navigation with `navigation.prune` (a full navigation on every page grows with the square
of the page count; see the stack notes). Plain .html links like ours, so both sites have
the same files and the same URLs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from ..model import COLLECTIONS

CONFIG = "mkdocs.bare.yml"

# Python-Markdown extensions of the hub, minus its own slugify: the same Markdown renders.
MARKDOWN_EXTENSIONS = [
    {"toc": {"permalink": True}}, "admonition", "pymdownx.details", "pymdownx.superfences",
    "attr_list", "tables", "def_list", "pymdownx.tasklist",
]


def make_bare(hub: Path, dest: Path) -> Path:
    """A bare MkDocs project at dest with the hub's pages and items; returns its config file."""
    hub, dest = Path(hub), Path(dest)
    docs = dest / "docs"
    shutil.copytree(hub / "docs", docs)
    for collection in COLLECTIONS:
        if (hub / collection).is_dir():
            shutil.copytree(hub / collection, docs / collection)
    config = {
        "site_name": "AI Xứ Trà (bare Material)",
        "docs_dir": "docs",
        "site_dir": "site",
        "use_directory_urls": False,
        "theme": {"name": "material", "language": "vi", "features": ["navigation.prune"]},
        "plugins": [
            "search",
            {"i18n": {
                "docs_structure": "suffix",
                "fallback_to_default": True,
                "reconfigure_material": True,
                "reconfigure_search": True,
                "languages": [
                    {"locale": "vi", "name": "Tiếng Việt", "default": True, "build": True},
                    {"locale": "en", "name": "English", "build": True},
                ],
            }},
        ],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
    }
    path = dest / CONFIG
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
