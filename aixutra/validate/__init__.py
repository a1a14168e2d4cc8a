"""Checks of contributions: every problem of the hub, one diagnostic each."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..model import Hub
from . import content, safety, schema_check


def validate(hub: Hub) -> list[Diagnostic]:
    found: list[Diagnostic] = list(hub.problems)
    for item in hub.items.values():
        for src in (item.vi, item.en):
            if src is None:
                continue
            found += src.problems
            found += content.encoding(src)
            found += schema_check.check(item, src, hub.taxonomies)
            found += safety.check(src)
        if item.vi is None and item.en is not None:
            found.append(Diagnostic(item.en.rel, 1, 1, "error", "missing-source",
                f"Thiếu bản tiếng Việt gốc {item.key}.vi.md cho bản dịch này",
                f"the Vietnamese source {item.key}.vi.md of this translation is missing"))
        found += content.item_checks(hub, item)
    return sorted(set(found))


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity == "error"]
