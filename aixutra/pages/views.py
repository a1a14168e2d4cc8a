"""What templates show of an item: its results, unit, stage, translation state — checked values only.

The validator refuses bad content before a build, but these views never trust the shape of
front matter: a value of the wrong type is left out rather than crashing the build.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Item
from ..taxonomy import Term
from .index import Index, change, number, results


@dataclass
class Result:
    metric: str
    before: float | int | None
    after: float | int | None
    unit: str
    period: str
    evidence: str
    change: float | None


def case_results(item: Item, lang: str) -> list[Result]:
    found = []
    for r in results(item, lang):
        before, after = number(r.get("before")), number(r.get("after"))
        found.append(Result(str(r.get("metric") or ""), r.get("before") if before is not None else None,
                            r.get("after") if after is not None else None, str(r.get("unit") or ""),
                            str(r.get("period") or ""), str(r.get("evidence") or ""), change(r)))
    return found


def best_result(item: Item, lang: str) -> Result | None:
    """The result with the largest relative change."""
    measured = [r for r in case_results(item, lang) if r.change is not None]
    return max(measured, key=lambda r: abs(r.change), default=None)


def mapping(item: Item, lang: str, name: str) -> dict:
    value = item.meta(lang).get(name)
    return value if isinstance(value, dict) else {}


def texts(item: Item, lang: str, name: str) -> list[str]:
    value = item.meta(lang).get(name)
    return [str(v) for v in value if isinstance(v, (str, int, float))] if isinstance(value, list) else []


def translation(item: Item) -> str:
    """State of the English translation: translated, outdated or missing."""
    if not item.translated("en"):
        return "missing"
    return "outdated" if item.outdated() else "translated"


def content_lang(item: Item, lang: str) -> str:
    """Language the item's own text is in on a page of `lang` (Vietnamese when untranslated)."""
    return lang if item.translated(lang) else "vi"


@dataclass
class Model:
    """A case study as the "replicable models" lists show it."""

    item: Item
    unit: Term | None
    stage: Term | None
    replications: int
    best: Result | None


def term(terms: dict[str, Term], value) -> Term | None:
    return terms.get(value) if isinstance(value, str) else None


def model(index: Index, case: Item, lang: str) -> Model:
    tax = index.hub.taxonomies
    return Model(case, term(tax.units, case.unit), term(tax.stages, case.data.get("stage")),
                 len(index.replicating_units(case)), best_result(case, lang))
