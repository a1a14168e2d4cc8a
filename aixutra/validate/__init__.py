"""Checks of contributions: every problem of the hub, one diagnostic each."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..model import Hub


def validate(hub: Hub) -> list[Diagnostic]:
    found: list[Diagnostic] = list(hub.problems)
    for src in hub.sources():
        found.extend(src.problems)
    for item in hub.items.values():
        if item.vi is None and item.en is not None:
            found.append(Diagnostic(item.en.rel, 1, 1, "error", "missing-source",
                f"Thiếu bản tiếng Việt gốc {item.key}.vi.md cho bản dịch này",
                f"the Vietnamese source {item.key}.vi.md of this translation is missing"))
    return sorted(set(found))


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity == "error"]
