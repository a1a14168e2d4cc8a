"""scripts/new.py: a new item from the templates, scripted or interactive, always valid."""

from __future__ import annotations

import builtins
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from aixutra.model import Source
from aixutra.validate import check, errors

from .hubs import ROOT

spec = importlib.util.spec_from_file_location("new_script", ROOT / "scripts" / "new.py")
new = importlib.util.module_from_spec(spec)
spec.loader.exec_module(new)

COMMON = ["--no-input", "--date", "2026-11-20", "--sector", "noi-vu,chinh-quyen-xa", "--audience", "can-bo",
          "--level", "co-ban"]
SCRIPTED = {
    "guide": COMMON + ["--title", "Dùng AI soạn giấy mời họp", "--title-en", "Drafting meeting invitations with AI",
                       "--summary", "Cách dùng AI soạn nhanh giấy mời họp.", "--summary-en", "How to draft invitations with AI.",
                       "--unit", "ban-bien-tap", "--tag", "giấy mời,Họp", "--tools", "chatgpt"],
    "prompts": COMMON + ["--title", "Câu lệnh soạn giấy mời", "--title-en", "Prompts for invitations",
                         "--summary", "Câu lệnh mẫu soạn giấy mời.", "--summary-en", "Prompts to draft invitations.",
                         "--unit", "ban-bien-tap", "--task", "Soạn giấy mời họp", "--task-en", "Draft a meeting invitation",
                         "--data-safety", "cong-khai", "--tested-with", "chatgpt", "--tested-with", "gemini",
                         "--tested-on", "2026-11"],
    "case": COMMON + ["--title", "Xã A soạn giấy mời bằng AI", "--title-en", "Commune A drafts invitations with AI",
                      "--summary", "Ví dụ minh họa: xã A soạn giấy mời nhanh hơn.", "--summary-en", "Illustrative example.",
                      "--unit", "vi-du-xa-a", "--illustrative", "--stage", "thi-diem", "--tools", "chatgpt",
                      "--metric", "Thời gian soạn một giấy mời", "--metric-en", "Time to draft an invitation",
                      "--before", "30", "--after", "10", "--measure-unit", "phút", "--measure-unit-en", "minutes",
                      "--period", "2 tháng (tháng 9–10/2026)", "--evidence", "Sổ theo dõi của văn phòng",
                      "--minutes", "20", "--per", "một giấy mời", "--per-en", "one invitation",
                      "--prerequisite", "Máy tính có Internet", "--prerequisite-en", "A computer with Internet"],
}
FOLDER = {"guide": "guides", "prompts": "prompts", "case": "use_cases"}


@pytest.fixture
def hub(tmp_path) -> Path:
    root = tmp_path / "hub"
    shutil.copytree(ROOT / "data", root / "data")
    return root


def run(hub: Path, *argv: str) -> int:
    return new.main([*argv, "--root", str(hub)])


@pytest.mark.parametrize("kind", SCRIPTED)
def test_scripted_item_is_valid(hub, kind, capsys):
    assert run(hub, kind, *SCRIPTED[kind]) == 0
    out = capsys.readouterr().out
    vi, en = sorted((hub / FOLDER[kind]).glob("*.md"))[::-1]
    assert vi.name.endswith(".vi.md") and en.name == vi.name.replace(".vi.md", ".en.md")
    assert f"{FOLDER[kind]}/{vi.name}" in out
    # The English file is stamped as the translation of the Vietnamese one as written.
    assert f'translation_of: "{Source.read(vi, "", "vi").digest}"' in en.read_text(encoding="utf-8")
    hub_, found = check(hub)
    assert hub_ is not None and errors(found) == []
    # Only the template's hints are left for the writer to replace.
    assert {d.code for d in found} == {"template-hint"}
    item = next(iter(hub_.items.values()))
    assert item.vi.meta["sectors"] == ["noi-vu", "chinh-quyen-xa"] and item.vi.meta["published"].isoformat() == "2026-11-20"
    assert item.title("en") != item.title("vi")


def test_scripted_values_land_in_the_front_matter(hub):
    assert run(hub, "case", *SCRIPTED["case"]) == 0
    item = next(iter(check(hub)[0].items.values()))
    assert item.slug == "xa-a-soan-giay-moi-bang-ai"
    data = item.vi.meta
    assert data["results"] == [{"metric": "Thời gian soạn một giấy mời", "before": 30, "after": 10, "unit": "phút",
                                "period": "2 tháng (tháng 9–10/2026)", "evidence": "Sổ theo dõi của văn phòng"}]
    assert data["time_saved"] == {"minutes": 20, "per": "một giấy mời"} and data["illustrative"] is True
    assert item.meta("en")["results"][0]["metric"] == "Time to draft an invitation"
    assert item.meta("en")["prerequisites"] == ["A computer with Internet"]


def test_tags_are_lowercase_and_values_are_quoted(hub):
    title = 'Dấu "ngoặc": thử # và [x]'
    args = [a if a != "Dùng AI soạn giấy mời họp" else title for a in SCRIPTED["guide"]]
    assert run(hub, "guide", *args, "--slug", "thu-dau-ngoac") == 0
    item = check(hub)[0].items["guides/thu-dau-ngoac"]
    assert item.vi.meta["title"] == title and item.vi.meta["tags"] == ["giấy mời", "họp"]


def test_never_overwrites(hub, capsys):
    assert run(hub, "guide", *SCRIPTED["guide"]) == 0
    vi = hub / "guides" / "dung-ai-soan-giay-moi-hop.vi.md"
    vi.write_text(vi.read_text(encoding="utf-8") + "\nNội dung đã viết.\n", encoding="utf-8")
    before = vi.read_bytes()
    capsys.readouterr()
    assert run(hub, "guide", *SCRIPTED["guide"]) == 1
    err = capsys.readouterr().err
    assert "không ghi đè" in err and "not overwritten" in err
    assert vi.read_bytes() == before


def test_missing_values_are_listed_and_nothing_is_written(hub, capsys):
    assert run(hub, "case", "--no-input", "--title", "Một mô hình") == 1
    err = capsys.readouterr().err
    for option in ("--title-en", "--sector", "--unit", "--stage", "--metric", "--illustrative | --real"):
        assert option in err
    assert not list(hub.rglob("*.md"))


def test_values_outside_the_taxonomies_are_refused(hub, capsys):
    args = [a if a != "noi-vu,chinh-quyen-xa" else "thien-van" for a in SCRIPTED["guide"]]
    assert run(hub, "guide", *args) == 1
    err = capsys.readouterr().err
    assert "thien-van" in err and "noi-vu" in err
    assert not list(hub.rglob("*.md"))


def test_real_case_needs_a_real_unit_and_sources(hub, capsys):
    args = [a for a in SCRIPTED["case"] if a != "--illustrative"] + ["--real"]
    assert run(hub, "case", *args) == 1  # vi-du-xa-a is a generic unit, and no sources
    err = capsys.readouterr().err
    assert "vi-du-*" in err and "--source-url" in err
    args = [a if a != "vi-du-xa-a" else "so-noi-vu" for a in args]
    args += ["--source-title", "Cổng thông tin điện tử Sở Nội vụ", "--source-url", "https://sonoivu.thainguyen.gov.vn/"]
    assert run(hub, "case", *args) == 0
    _, found = check(hub)
    assert errors(found) == []


def test_interactive(hub, monkeypatch, capsys):
    answers = iter([
        "Dùng AI trả lời câu hỏi thường gặp",  # title
        "",                                    # slug: the default made from the title
        "Answering frequent questions with AI",
        "Cách dùng AI soạn câu trả lời mẫu.",
        "How to draft model answers with AI.",
        "99",                                  # sectors: not a choice, asked again
        "1, chinh-quyen-xa",                   # sectors: a number and an id
        "can-bo",
        "2",                                   # level: the second (trung-cap)
        "tan cuong",                           # unit: searched without diacritics
        "1",
        "Hỏi đáp, một cửa",                    # tags
        "",                                    # author's role: the default
        "",                                    # AI tools: skipped (optional for guides)
    ])
    monkeypatch.setattr(builtins, "input", lambda prompt="": next(answers))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    assert run(hub, "guide") == 0
    out = capsys.readouterr().out
    assert "Lĩnh vực / Sectors" in out and "Lựa chọn không hợp lệ" in out and "Xã Tân Cương" in out
    item = check(hub)[0].items["guides/dung-ai-tra-loi-cau-hoi-thuong-gap"]
    data = item.vi.meta
    assert data["sectors"][1] == "chinh-quyen-xa" and data["level"] == "trung-cap"
    assert data["unit"] == "xa-tan-cuong" and data["tags"] == ["hỏi đáp", "một cửa"]
    assert data["authors"] == [{"role": "Người đóng góp"}] and "ai_tools" not in data


def test_interactive_cancel_writes_nothing(hub, monkeypatch, capsys):
    def interrupted(prompt=""):
        raise KeyboardInterrupt
    monkeypatch.setattr(builtins, "input", interrupted)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    assert run(hub, "prompts") == 130
    assert "Đã hủy" in capsys.readouterr().err
    assert not list(hub.rglob("*.md"))
