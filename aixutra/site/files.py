"""Put the collections and the generated pages into the MkDocs file list.

mkdocs-static-i18n rebuilds every File as if it came from docs_dir, so each file is
added under docs_dir's name and given back its real origin after i18n has run.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..model import COLLECTIONS, Hub


def add(files: Files, config: MkDocsConfig, hub: Hub, generated: dict[str, str]) -> dict[str, Path | str]:
    """Add collection files and generated pages; return each one's origin by src_uri."""
    origins: dict[str, Path | str] = {}
    for collection in COLLECTIONS:
        folder = hub.root / collection
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and not path.name.startswith((".", "_")):
                origins[path.relative_to(hub.root).as_posix()] = path
    origins.update(generated)
    for src_uri in origins:
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return origins


def restore(files: Files, origins: dict[str, Path | str]) -> None:
    """Point the i18n-rebuilt files back at their real source or generated content."""
    for file in files:
        origin = origins.get(file.src_uri)
        if isinstance(origin, Path):
            file.abs_src_path = str(origin)
        elif origin is not None:
            file.content_string = origin
