"""A page per contributing unit, the list of units, and the coverage of the 92 communes and wards."""

from __future__ import annotations

from dataclasses import dataclass

from ..strings import STRINGS, t
from ..taxonomy import Term
from . import paths
from .index import Index, by_type
from .render import page
from .svg import coverage_map

# Order of unit kinds on the units index (data/units.yml `kind`).
KINDS = ("so", "xa", "phuong", "truong", "y-te", "htx", "ho-kinh-doanh", "ban-bien-tap")


def kind_label(kind, lang: str, plural: bool = False) -> str:
    key = f"{'kinds' if plural else 'kind'}.{kind}"
    return t(key, lang) if key in STRINGS else t("kinds.other", lang) if plural else ""


@dataclass
class Replication:
    case: object  # the replicating case (Item)
    original: object  # the case it copied (Item)
    date: object  # replicated_on


@dataclass
class UnitRow:
    unit: Term
    counts: dict[str, int]
    replicated: int  # models this unit copied from others
    spread: int  # other units that copied this unit's models


def _copied(index: Index, items) -> list[Replication]:
    found = []
    for case in items:
        original = index.original(case)
        if original is not None and original.unit != case.unit:
            found.append(Replication(case, original, case.data.get("replicated_on")))
    return found


def _spread(index: Index, items) -> list[tuple]:
    """This unit's cases that others replicated: (case, [replicas])."""
    found = []
    for case in items:
        replicas = [r for r in index.replicas(case) if r.unit != case.unit]
        if replicas:
            found.append((case, replicas))
    return found


def unit_pages(index: Index, lang: str) -> dict[str, str]:
    pages, rows = {}, []
    units = index.hub.taxonomies.units
    for unit_id, items in index.by_unit.items():
        unit = units[unit_id]
        items = index.sorted(items, lang)
        groups = by_type(items)
        copied, spread = _copied(index, groups["use_cases"]), _spread(index, groups["use_cases"])
        path, markdown = page("unit.md.j2", paths.term("unit", unit_id), lang, index, unit=unit, groups=groups,
                              copied=copied, spread=spread, units=units,
                              kind=kind_label(unit.extra.get("kind"), lang),
                              sector=index.hub.taxonomies.sectors.get(unit.extra.get("sector") or ""))
        pages[path] = markdown
        rows.append(UnitRow(unit, {c: len(g) for c, g in groups.items()}, len(copied),
                            len({r.unit for _, replicas in spread for r in replicas})))
    kinds: dict[str, list[UnitRow]] = {kind: [] for kind in KINDS}
    for row in sorted(rows, key=lambda r: r.unit.label(lang).casefold()):
        kinds.setdefault(str(row.unit.extra.get("kind") or "other"), []).append(row)
    groups = [(kind, kind_label(kind, lang, plural=True), rows) for kind, rows in kinds.items() if rows]
    path, markdown = page("units.md.j2", paths.index("unit"), lang, index, groups=groups,
                          title=t("units", lang), intro=t("units.intro", lang))
    pages[path] = markdown
    return pages


@dataclass
class Commune:
    term: Term
    number: int  # place in the order of Resolution 1683/NQ-UBTVQH15 (its item 91 names two)
    contributed: int  # items
    replicated: int  # cases that copy another unit's model
    status: str  # replicated | contributed | none


def communes(index: Index) -> list[Commune]:
    """The 92 communes and wards in the resolution's order; illustrative units are not among them."""
    found = []
    for n, term in enumerate(index.hub.taxonomies.communes(), 1):
        items = index.by_unit.get(term.id, [])
        copied = len(_copied(index, [i for i in items if i.collection == "use_cases"]))
        status = "replicated" if copied else "contributed" if items else "none"
        found.append(Commune(term, n, len(items), copied, status))
    return found


def coverage_page(index: Index, lang: str) -> dict[str, str]:
    rows = communes(index)
    totals = {s: sum(1 for c in rows if c.status == s) for s in ("replicated", "contributed", "none")}
    svg = coverage_map(rows, totals, lang)
    path, markdown = page("coverage.md.j2", paths.COVERAGE, lang, index, rows=rows, totals=totals, svg=svg,
                          with_page=set(index.by_unit), kind_label=lambda k: kind_label(k, lang), title=t("coverage", lang))
    return {path: markdown}
