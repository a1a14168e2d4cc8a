"""Pages generated from the content alone, in both languages: nobody edits them by hand.

generate(hub) returns {"<path>.<lang>.md": markdown} for the collection indexes, a page per
sector, audience, level, AI tool and contributing unit with their indexes, the coverage of
the communes and wards, the newest items and the catalogue. Every page is built from one
Index of the hub, so the work grows linearly with the number of items.

HUB_GENERATED_PAGES=collections (environment) keeps only the three collection indexes and
drops the other generated pages from the menu: the baseline the benchmark compares with.
"""

from __future__ import annotations

from ..model import Hub
from ..taxonomy import LANGUAGES
from . import paths
from .paths import enabled
from .browse import collection_pages, facet_pages
from .handouts import handout_pages
from .index import Index
from .lists import catalogue_page, newest_page
from .units import coverage_page, unit_pages

KINDS = (collection_pages, facet_pages, unit_pages, coverage_page, newest_page, catalogue_page, handout_pages)
# Menu entries (mkdocs.yml nav) that point at generated pages other than the collection indexes.
NAV_PAGES = (paths.index("sector") + ".md", paths.CATALOGUE + ".md")

_last: tuple[Hub, Index, dict[str, str]] | None = None


def index_of(hub: Hub) -> Index:
    """The index of a hub, made once per build (each language build asks again)."""
    global _last
    if _last is None or _last[0] is not hub:
        _last = (hub, Index.of(hub), {})
    return _last[1]


def generate(hub: Hub) -> dict[str, str]:
    """Markdown of every generated page, keyed by its source path with language suffix."""
    index, pages = index_of(hub), _last[2]
    if not pages:
        for lang in LANGUAGES:
            if enabled():
                for kind in KINDS:
                    pages.update(kind(index, lang))
            else:
                pages.update(collection_pages(index, lang, browse=False))
    return pages


def restore(html: str, hub: Hub) -> str:
    """A generated page's HTML with the blocks its Markdown left out put back (stash.py)."""
    return index_of(hub).stash.restore(html)


def configure(config) -> None:
    """Without the generated pages, their menu entries go too (strict builds refuse dead entries)."""
    if enabled() or not config.nav:
        return
    config.nav = [entry for entry in config.nav
                  if not (isinstance(entry, dict) and any(v in NAV_PAGES for v in entry.values()))]
