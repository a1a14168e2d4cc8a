"""scripts/validate.py: its three formats, exit codes, path selection, repairs, and the
schema files and documentation it keeps in step with the content model.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import unicodedata

import pytest
from jsonschema import Draft7Validator

from .fixtures.broken import CASE_VI, GUIDE_EN, GUIDE_VI, ROOT, make

spec = importlib.util.spec_from_file_location("validate_script", ROOT / "scripts" / "validate.py")
cli = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cli)

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<vi>.+) / (?P<en>.+)$")
BROKEN = {
    "guides/mau.vi.md": GUIDE_VI.replace("level: co-ban", "level: gioi") + "\nGọi 0912 345 678.\n",
    "use_cases/mau.vi.md": CASE_VI.replace("tags: []", "tags: [Báo Cáo]"),
}


def run(capsys, hub, *argv) -> tuple[int, str, str]:
    code = cli.main([*argv, "--root", str(hub)])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_format(tmp_path, capsys):
    hub = make(tmp_path / "hub", BROKEN)
    code, out, err = run(capsys, hub)
    assert code == 1
    lines = out.splitlines()
    assert lines == [
        "guides/mau.vi.md:6:8: error: Giá trị 'gioi' của 'level' không có trong danh mục (data/levels.yml); chọn: "
        "co-ban, nang-cao, trung-cap / 'gioi' is not a valid value of 'level' (data/levels.yml); choose: co-ban, nang-cao, trung-cap",
        "guides/mau.vi.md:25:5: error: Có vẻ là số điện thoại di động cá nhân: không công bố (Nghị định 13/2023/NĐ-CP); "
        "hãy xóa hoặc thay bằng số đường dây nóng của cơ quan / looks like a personal mobile number: do not publish it "
        "(Decree 13/2023/NĐ-CP); remove it or use the agency's hotline",
        "use_cases/mau.vi.md:7:8: warning: Từ khóa 'Báo Cáo' nên viết chữ thường: 'báo cáo' / tag 'Báo Cáo' should be "
        "lowercase: 'báo cáo'",
    ]
    assert all(LINE.match(line) for line in lines)
    assert err.strip() == "2 lỗi, 1 cảnh báo / 2 error(s), 1 warning(s)"


def test_github_format(tmp_path, capsys, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    hub = make(tmp_path / "hub", BROKEN)
    code, out, _ = run(capsys, hub, "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("::error file=guides/mau.vi.md,line=6,col=8,title=schema-enum::Giá trị 'gioi'")
    assert lines[1].startswith("::error file=guides/mau.vi.md,line=25,col=5,title=personal-phone::")
    assert lines[2].startswith("::warning file=use_cases/mau.vi.md,line=7,col=8,title=tag-case::")
    # Every problem is also on the run's summary page (annotations show on changed lines only).
    text = summary.read_text(encoding="utf-8")
    assert "2 lỗi, 1 cảnh báo" in text and "`guides/mau.vi.md:25:5`" in text


def test_github_annotation_escapes():
    from aixutra.diagnostics import Diagnostic
    d = Diagnostic("guides/a,b:c.vi.md", 3, 1, "error", "x", "100% sai\ndòng hai", "100% wrong")
    assert d.format_github() == "::error file=guides/a%2Cb%3Ac.vi.md,line=3,col=1,title=x::100%25 sai dòng hai / 100%25 wrong"
    assert d.format_text() == "guides/a,b:c.vi.md:3:1: error: 100% sai dòng hai / 100% wrong"


def test_json_format(tmp_path, capsys):
    hub = make(tmp_path / "hub", BROKEN)
    code, out, err = run(capsys, hub, "--format", "json")
    assert code == 1 and err == ""
    data = json.loads(out)
    assert [(d["path"], d["line"], d["col"], d["severity"], d["code"]) for d in data] == [
        ("guides/mau.vi.md", 6, 8, "error", "schema-enum"),
        ("guides/mau.vi.md", 25, 5, "error", "personal-phone"),
        ("use_cases/mau.vi.md", 7, 8, "warning", "tag-case"),
    ]
    assert all(d["message"] == f"{d['vi']} / {d['en']}" for d in data)


def test_exit_codes(tmp_path, capsys):
    clean = make(tmp_path / "clean")
    assert run(capsys, clean)[0] == 0
    warned = make(tmp_path / "warned", {"use_cases/mau.vi.md": BROKEN["use_cases/mau.vi.md"]})
    code, out, _ = run(capsys, warned)
    assert code == 0 and "warning" in out  # warnings do not fail
    with pytest.raises(SystemExit) as usage:
        cli.main(["--format", "xml"])
    assert usage.value.code == 2
    capsys.readouterr()


def test_paths_select_items_in_both_languages(tmp_path, capsys):
    hub = make(tmp_path / "hub", BROKEN | {"guides/mau.en.md": GUIDE_EN.replace('"00000000"', '"12345678"')})
    code, out, _ = run(capsys, hub, str(hub / "guides" / "mau.vi.md"))
    paths = {line.split(":")[0] for line in out.splitlines()}
    assert code == 1 and paths == {"guides/mau.vi.md", "guides/mau.en.md"}  # its translation is outdated
    code, out, _ = run(capsys, hub, str(hub / "use_cases"))
    assert code == 0 and {line.split(":")[0] for line in out.splitlines()} == {"use_cases/mau.vi.md"}


def test_missing_and_outside_paths(tmp_path, capsys):
    hub = make(tmp_path / "hub")
    code, out, _ = run(capsys, hub, str(hub / "guides" / "khong-co.vi.md"), str(tmp_path))
    assert code == 1
    assert "guides/khong-co.vi.md:1:1: error: Không tìm thấy" in out
    assert f"{tmp_path}:1:1: error: '{tmp_path}' không nằm trong kho nội dung" in out


def test_broken_data_is_reported_whatever_the_selection(tmp_path, capsys):
    units = (ROOT / "data" / "units.yml").read_text(encoding="utf-8") + "- {id: [\n"
    hub = make(tmp_path / "hub", {"data/units.yml": units})
    code, out, _ = run(capsys, hub, str(hub / "guides" / "mau.vi.md"))
    assert code == 1 and out.startswith("data/units.yml:") and ": error: Lỗi cú pháp YAML" in out


def test_fix_repairs_the_text_form(tmp_path, capsys):
    nfd = unicodedata.normalize("NFD", GUIDE_VI)
    hub = make(tmp_path / "hub", {"guides/mau.vi.md": b"\xef\xbb\xbf" + nfd.replace("\n", "\r\n").encode()})
    code, out, _ = run(capsys, hub, "--format", "json")
    assert code == 1 and {d["code"] for d in json.loads(out)} == {"bom", "crlf", "not-nfc"}
    code, out, err = run(capsys, hub, "--fix")
    assert "đã sửa / fixed: guides/mau.vi.md" in err
    assert (hub / "guides" / "mau.vi.md").read_bytes() == GUIDE_VI.encode()
    # The version of a text does not depend on its form: the translation stays current.
    assert code == 0 and out == ""


def test_stamp_translation(tmp_path, capsys):
    hub = make(tmp_path / "hub", {"guides/mau.en.md": GUIDE_EN.replace('"00000000"', '"12345678"')})
    code, out, _ = run(capsys, hub)
    assert code == 0 and "warning: Bản dịch được làm từ phiên bản cũ" in out
    code, out, err = run(capsys, hub, "--stamp-translation", str(hub / "guides" / "mau.en.md"))
    assert code == 0 and out == "" and "đã sửa / fixed: guides/mau.en.md" in err


def test_cli_process_never_shows_a_traceback(tmp_path):
    """As contributors run it: a separate process, a console that is not UTF-8, hostile files."""
    hub = make(tmp_path / "hub", {"guides/mau.vi.md": b"\xff\xfe\x00\x00garbage", "prompts/mau.vi.md": b"---\n\x00\x01",
                                  "use_cases/mau.vi.md": "---\ntitle: &a [*a]\n---\n"})
    env = dict(os.environ, PYTHONIOENCODING="latin-1")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), "--root", str(hub)],
                            capture_output=True, env=env, timeout=120)
    out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    assert result.returncode == 1
    assert "Traceback" not in out + err
    assert "guides/mau.vi.md:1:1: error: Tệp được lưu dạng UTF-16" in out  # Vietnamese intact
    assert "prompts/mau.vi.md:1:1: error: Tệp nhị phân" in out


def test_schema_files_are_generated(tmp_path):
    spec_ = importlib.util.spec_from_file_location("schemas_script", ROOT / "scripts" / "schemas.py")
    schemas = importlib.util.module_from_spec(spec_)
    spec_.loader.exec_module(schemas)
    expected = schemas.render()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas").glob("*.json")}
    assert on_disk == expected, "run 'python scripts/schemas.py' / hãy chạy 'python scripts/schemas.py'"
    for name, text in expected.items():
        schema = json.loads(text)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#" and schema["title"].startswith("AI Xứ Trà")
        Draft7Validator.check_schema(schema)
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert schemas.with_tables(contributing) == contributing, "run 'python scripts/schemas.py'"


def test_contributing_worked_example_is_valid(tmp_path):
    """The example files in CONTRIBUTING.md pass the checker, English stamp included."""
    from aixutra.model import Source
    from aixutra.validate import check

    doc = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    files = dict(re.findall(r'```markdown title="([^"]+)"\n(.*?)```', doc, re.S))
    assert set(files) == {"guides/soan-giay-moi-hop.vi.md", "guides/soan-giay-moi-hop.en.md"}
    hub = make(tmp_path / "hub", {rel: text for rel, text in files.items()} | {
        # The pages the example links to, as they are in the repository.
        f"guides/{name}": (ROOT / "guides" / name).read_text(encoding="utf-8")
        for name in ("dung-ai-an-toan.vi.md", "dung-ai-an-toan.en.md",
                     "soan-van-ban-hanh-chinh.vi.md", "soan-van-ban-hanh-chinh.en.md")}, stamp=False)
    _, found = check(hub)
    assert [d.format_text() for d in found if d.path.startswith("guides/soan-giay-moi-hop")] == []
    digest = Source.read(hub / "guides" / "soan-giay-moi-hop.vi.md", "", "vi").digest
    assert f'translation_of: "{digest}"' in files["guides/soan-giay-moi-hop.en.md"]
