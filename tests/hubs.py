"""Build real sites from fixture Markdown."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from aixutra.build import build_site

ROOT = Path(__file__).resolve().parent.parent
# What a hub needs besides its content: configuration, taxonomies, theme overrides.
SKELETON = ("mkdocs.yml", "data", "hooks", "overrides")
# The pages the menu names, instead of the real docs/ (whose links point at the real items).
DOCS = {
    "docs/index.vi.md": "# AI Xứ Trà\n\nTrang chủ thử nghiệm.\n",
    "docs/index.en.md": "# AI Xứ Trà\n\nTest home page.\n",
    "docs/gioi-thieu.vi.md": "# Giới thiệu\n\nGiới thiệu thử nghiệm.\n",
    "docs/dong-gop.vi.md": "# Đóng góp\n\nCách đóng góp.\n",
}


def make_hub(where: Path, files: dict[str, str]) -> Path:
    """A copy of the hub's skeleton with the given content files (path -> Markdown)."""
    where.mkdir(parents=True, exist_ok=True)
    for name in SKELETON:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, where / name)
        elif src.exists():
            shutil.copy2(src, where / name)
    for collection in ("guides", "prompts", "use_cases"):
        (where / collection).mkdir(exist_ok=True)
    for rel, text in {**DOCS, **files}.items():
        path = where / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return where


def build_hub(where: Path, files: dict[str, str]) -> Path:
    hub = make_hub(where, files)
    result = build_site(hub, hub / "site")
    assert result.ok, "\n".join(result.messages)
    return hub / "site"
