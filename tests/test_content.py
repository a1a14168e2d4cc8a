"""The starter content: enough of it, in both languages, valid and honest."""

from __future__ import annotations

import unicodedata

import pytest

from aixutra.model import Hub
from aixutra.validate import errors, validate

from .hubs import ROOT


@pytest.fixture(scope="module")
def hub() -> Hub:
    return Hub.load(ROOT)


def test_minimum_counts(hub):
    assert len(hub.collection("guides")) >= 12
    libraries = hub.collection("prompts")
    assert len(libraries) >= 8
    assert sum(len(i.data["prompts"]) for i in libraries) >= 60
    cases = hub.collection("use_cases")
    assert len(cases) >= 12
    assert len({s for c in cases for s in c.sectors}) >= 8


def test_every_item_has_both_languages_and_is_up_to_date(hub):
    for item in hub.items.values():
        assert item.vi is not None and item.en is not None, item.key
        assert not item.outdated(), f"{item.key}: English translation not stamped"


def test_starter_content_is_valid(hub):
    assert [d.format_text() for d in validate(hub)] == []


def test_text_is_nfc(hub):
    for src in hub.sources():
        assert src.text == unicodedata.normalize("NFC", src.text), src.rel
    for page in (ROOT / "docs").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert text == unicodedata.normalize("NFC", text), page


def test_case_studies_are_honest(hub):
    # A case naming a real unit cites public sources; otherwise it is marked illustrative
    # and uses a generic unit. Some are replications, so the replication pages show something.
    cases = hub.collection("use_cases")
    for case in cases:
        unit = hub.taxonomies.units[case.unit]
        if case.illustrative:
            assert unit.extra.get("illustrative"), case.key
        else:
            assert case.data.get("sources"), case.key
    assert sum(1 for c in cases if c.replicated_from) >= 3
    assert all(hub.items[c.replicated_from].replicated_in for c in cases if c.replicated_from)


def test_home_page_starts_by_role():
    home = (ROOT / "docs" / "index.vi.md").read_text(encoding="utf-8").lower()
    for role in ("cán bộ", "giáo viên", "hợp tác xã", "đóng góp"):
        assert role in home
    assert (ROOT / "docs" / "thuat-ngu.vi.md").exists() and (ROOT / "docs" / "thuat-ngu.en.md").exists()
