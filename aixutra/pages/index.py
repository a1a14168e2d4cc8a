"""One pass over the hub: every item filed under its sectors, audiences, level, tools and unit.

Every generated page reads from this index, so that generating them all stays linear in
the number of items (no page scans the whole hub again).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import COLLECTIONS, Hub, Item
from ..text import fold
from .stash import Stash

# Facets a reader can browse and filter by: facet -> the taxonomy attribute that names its terms.
FACETS = {"sector": "sectors", "audience": "audiences", "level": "levels", "tool": "tools",
          "safety": "data_safety"}


def values(item: Item, facet: str) -> list[str]:
    """The term ids an item is filed under for one facet, in front matter order, once each."""
    if facet == "sector":
        found = item.sectors
    elif facet == "audience":
        found = item.audiences
    elif facet == "level":
        found = [item.level] if isinstance(item.level, str) else []
    elif facet == "tool":
        found = item.tools
    elif facet == "safety":
        found = item.safety_levels
    else:
        raise KeyError(facet)
    return list(dict.fromkeys(v for v in found if isinstance(v, str)))


def sort_key(item: Item, lang: str) -> tuple:
    return (fold(item.title(lang)).casefold(), item.key)


def number(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def change(result: dict) -> float | None:
    """Relative change of one result, after against before (0.6 = 60 %), or None."""
    before, after = number(result.get("before")), number(result.get("after"))
    if before is None or after is None or before == 0:
        return None
    return (after - before) / abs(before)


@dataclass
class Index:
    hub: Hub
    items: list[Item] = field(default_factory=list)  # every published item, by key
    # facet -> term id -> items (by key); only ids the taxonomies know.
    by: dict[str, dict[str, list[Item]]] = field(default_factory=dict)
    by_unit: dict[str, list[Item]] = field(default_factory=dict)
    referrers: dict[str, list[Item]] = field(default_factory=dict)  # key -> items naming it in `related`
    memo: dict = field(default_factory=dict)  # pieces made once and reused by many pages (listing.py)
    stash: Stash = field(default_factory=Stash)  # HTML blocks of the generated pages (render.py)

    @classmethod
    def of(cls, hub: Hub) -> "Index":
        index = cls(hub)
        tax = hub.taxonomies
        index.items = sorted(hub.published(), key=lambda i: i.key)
        index.by = {facet: defaultdict(list) for facet in FACETS}
        units: dict[str, list[Item]] = defaultdict(list)
        referrers: dict[str, list[Item]] = defaultdict(list)
        for item in index.items:
            for facet, attr in FACETS.items():
                known = getattr(tax, attr)
                for term in values(item, facet):
                    if term in known:
                        index.by[facet][term].append(item)
            if isinstance(item.unit, str) and item.unit in tax.units:
                units[item.unit].append(item)
            for key in related_keys(item):
                referrers[key].append(item)
        index.by_unit = dict(units)
        index.referrers = dict(referrers)
        return index

    # Titles and sort keys are asked for by many lists: Item.meta() overlays the translation
    # on every call, so they are worked out once per item and language.
    def title(self, item: Item, lang: str) -> str:
        memo = self.memo.setdefault(("title", lang), {})
        if item.key not in memo:
            memo[item.key] = item.title(lang)
        return memo[item.key]

    def summary(self, item: Item, lang: str) -> str:
        memo = self.memo.setdefault(("summary", lang), {})
        if item.key not in memo:
            memo[item.key] = item.summary(lang)
        return memo[item.key]

    def order(self, item: Item, lang: str) -> tuple:
        """Sort key: the title without marks, as readers look it up."""
        memo = self.memo.setdefault(("order", lang), {})
        if item.key not in memo:
            memo[item.key] = (fold(self.title(item, lang)).casefold(), item.key)
        return memo[item.key]

    def sorted(self, items: list[Item], lang: str) -> list[Item]:
        return sorted(items, key=lambda i: self.order(i, lang))

    def terms(self, facet: str) -> dict:
        return getattr(self.hub.taxonomies, FACETS[facet])

    def items_of(self, facet: str, term: str) -> list[Item]:
        return self.by[facet].get(term, [])

    def get(self, key: str) -> Item | None:
        item = self.hub.items.get(key)
        return item if item is not None and item.vi is not None and item.vi.text is not None else None

    # Replication: who copied whom.
    def original(self, case: Item) -> Item | None:
        return self.get(case.replicated_from or "")

    def replicas(self, case: Item) -> list[Item]:
        """Published cases that name this one as their original, oldest replication first."""
        return [r for r in case.replicated_in if r.vi is not None and r.vi.text is not None]

    def replicating_units(self, case: Item) -> list[str]:
        """Distinct other units that replicated a case."""
        return list(dict.fromkeys(r.unit for r in self.replicas(case)
                                  if isinstance(r.unit, str) and r.unit != case.unit))

    def ranked_models(self, cases: list[Item], lang: str) -> list[Item]:
        """Cases ranked by how many units replicated them, then by their best result."""
        def key(case: Item):
            best = max((abs(c) for c in (change(r) for r in results(case)) if c is not None), default=0.0)
            saved = number((case.data.get("time_saved") or {}).get("minutes")
                           if isinstance(case.data.get("time_saved"), dict) else None) or 0.0
            return (-len(self.replicating_units(case)), -best, -saved, self.order(case, lang))
        return sorted(cases, key=key)

    def related(self, item: Item) -> list[Item]:
        """Items named in `related`, then items that name this one, once each."""
        found = [self.get(k) for k in related_keys(item)] + self.referrers.get(item.key, [])
        once: dict[str, Item] = {}
        for other in found:
            if other is not None and other.key != item.key:
                once.setdefault(other.key, other)
        return list(once.values())


def related_keys(item: Item) -> list[str]:
    value = item.data.get("related")
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def results(item: Item, lang: str = "vi") -> list[dict]:
    value = item.meta(lang).get("results")
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def by_type(items: list[Item]) -> dict[str, list[Item]]:
    """Items grouped by collection, in the hub's collection order (empty groups kept)."""
    groups: dict[str, list[Item]] = {c: [] for c in COLLECTIONS}
    for item in items:
        groups[item.collection].append(item)
    return groups


def newest(items: list[Item], count: int, attr: str = "published") -> list[Item]:
    """The `count` latest items by a date, newest first (a heap would not beat sort at this size)."""
    dated = [(i.date(attr) or dt.date.min, i.key, i) for i in items]
    dated.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return [i for d, _, i in dated[:count] if d != dt.date.min]
