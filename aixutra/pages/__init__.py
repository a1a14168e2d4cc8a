"""Pages generated from the content alone, in both languages: nobody edits them by hand."""

from __future__ import annotations

from ..model import COLLECTIONS, Hub
from ..strings import t
from ..taxonomy import LANGUAGES
from .render import render


def generate(hub: Hub) -> dict[str, str]:
    """Markdown of every generated page, keyed by its source path with language suffix."""
    pages: dict[str, str] = {}
    for lang in LANGUAGES:
        for collection in COLLECTIONS:
            items = sorted(hub.collection(collection), key=lambda i: i.title(lang).casefold())
            pages[f"{collection}/index.{lang}.md"] = render(
                "collection.md.j2", lang, collection=collection, items=items,
                title=t(collection, lang), intro=t(f"{collection}.intro", lang))
    return pages
