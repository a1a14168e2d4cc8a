"""The newest items, and the catalogue: every item, filterable in the browser."""

from __future__ import annotations

from ..model.item import TYPES
from ..strings import t
from . import format as fmt
from . import paths
from .index import FACETS, Index, by_type, newest, values
from .render import page

NEWEST = 30  # items on the "newest" page, per list


def newest_page(index: Index, lang: str) -> dict[str, str]:
    published = newest(index.items, NEWEST)
    updated = newest([i for i in index.items if i.updated and i.date("published") and i.updated > i.date("published")],
                     NEWEST, "updated")

    def when(item, attr):
        return f" · {t('type.' + item.type, lang)} · {fmt.date(item.date(attr) or item.updated, lang)}"

    path, markdown = page("newest.md.j2", paths.NEWEST, lang, index, published=published, updated=updated,
                          published_on=lambda i: when(i, "published"), updated_on=lambda i: when(i, "updated"),
                          title=t("newest", lang))
    return {path: markdown}


def catalogue_page(index: Index, lang: str) -> dict[str, str]:
    tax = index.hub.taxonomies
    groups = {c: index.sorted(items, lang) for c, items in by_type(index.items).items()}
    # Each item's facet values as the filters read them (data-* attributes).
    facets = {item.key: {facet: " ".join(v for v in values(item, facet) if v in index.terms(facet))
                         for facet in FACETS} for item in index.items}
    filters = [("type", t("facet.type", lang),
                [(TYPES[c], t(c, lang), len(items)) for c, items in groups.items() if items])]
    for facet in FACETS:
        terms = index.terms(facet)
        filters.append((facet, t(f"facet.{facet}", lang),
                        [(term.id, term.label(lang), len(index.items_of(facet, term.id)))
                         for term in terms.values() if index.items_of(facet, term.id)]))
    path, markdown = page("catalogue.md.j2", paths.CATALOGUE, lang, index, groups=groups, facets=facets,
                          title_of=lambda i: index.title(i, lang),
                          filters=filters, types=TYPES, sectors=tax.sectors, total=len(index.items),
                          data=[(name, paths.data_link(name, lang, paths.CATALOGUE)) for name in paths.DATA_FILES],
                          title=t("catalogue", lang))
    return {path: markdown}
