"""Index pages per collection, sector, audience, learning level and AI tool."""

from __future__ import annotations

from ..model import COLLECTIONS
from ..model.item import TYPES
from ..strings import t
from . import paths
from .index import Index, by_type, newest
from .render import page
from .views import model

# Facets with pages of their own (data-safety is a catalogue filter only).
PAGED = ("sector", "audience", "level", "tool")
# A collection index lists all its items up to this many; beyond, its newest and the catalogue.
COLLECTION_LIMIT = 60
# Audiences, levels and tools hold large shares of the hub (most items are for cadres): their
# pages list each type's newest items up to this many, then link to the catalogue, filtered.
# Sector pages list all their items: a sector is what a reader browses by.
FACET_LIMIT = 50


def counts(items) -> dict[str, int]:
    return {collection: len(group) for collection, group in by_type(items).items()}


def collection_pages(index: Index, lang: str, browse: bool = True) -> dict[str, str]:
    """The three collection indexes; `browse=False` (the benchmark's baseline) keeps them
    from linking to the other generated pages and lists every item, as before them."""
    pages = {}
    for collection in COLLECTIONS:
        items = [i for i in index.items if i.collection == collection]
        complete = len(items) <= COLLECTION_LIMIT or not browse
        shown = index.sorted(items, lang) if complete else newest(items, COLLECTION_LIMIT)
        sectors = []  # (sector, how many of this collection's items it has)
        for sector in index.terms("sector").values() if browse else ():
            n = sum(1 for i in index.items_of("sector", sector.id) if i.collection == collection)
            if n:
                sectors.append((sector, n))
        path, markdown = page("collection.md.j2", f"{collection}/index", lang, index, collection=collection,
                              type=TYPES[collection],
                              items=shown, total=len(items), complete=complete, sectors=sectors, browse=browse,
                              title=t(collection, lang), intro=t(f"{collection}.intro", lang))
        pages[path] = markdown
    return pages


def facet_pages(index: Index, lang: str) -> dict[str, str]:
    pages = {}
    for facet in PAGED:
        rows = []
        for term in index.terms(facet).values():
            items = index.sorted(index.items_of(facet, term.id), lang)
            groups = by_type(items)
            models = [model(index, c, lang) for c in index.ranked_models(groups["use_cases"], lang)] \
                if facet == "sector" else []
            shown = {c: g if facet == "sector" or len(g) <= FACET_LIMIT else newest(g, FACET_LIMIT)
                     for c, g in groups.items()}
            path, markdown = page("term.md.j2", paths.term(facet, term.id), lang, index, facet=facet, term=term,
                                  groups=groups, shown=shown, types=TYPES, models=models, counts=counts(items))
            pages[path] = markdown
            rows.append((term, counts(items)))
        path, markdown = page("facet_index.md.j2", paths.index(facet), lang, index, facet=facet, rows=rows,
                              title=t(paths.FOLDERS[facet], lang), intro=t(f"{paths.FOLDERS[facet]}.intro", lang))
        pages[path] = markdown
    return pages
