"""The benchmark's machinery at a tiny N: a functional test, never a timed one."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from aixutra.bench import bare, measure, report, run, snapshot, synth
from aixutra.model import Hub
from aixutra.validate import validate


@pytest.fixture(scope="module")
def tiny_hub(tmp_path_factory):
    return synth.generate(tmp_path_factory.mktemp("bench") / "hub", 5)


def test_synthetic_hub_is_valid_and_realistic(tiny_hub):
    hub = Hub.load(tiny_hub.root)
    problems = validate(hub)
    assert problems == [], "\n".join(d.format_text() for d in problems)
    items = list(hub.items.values())
    assert {i.collection for i in items} == {"guides", "prompts", "use_cases"}
    assert tiny_hub.items == len(items) >= 5
    # Every item in both languages, the English stamped with the source's digest.
    assert all(i.vi and i.en for i in items)
    assert not any(i.outdated() for i in items)
    cases = [i for i in items if i.collection == "use_cases"]
    assert any(not c.illustrative and c.data.get("sources") for c in cases)
    assert any(c.replicated_from for c in cases) and any(c.replicated_in for c in cases)
    assert all(5 <= len(i.data["prompts"]) <= 8 for i in items if i.collection == "prompts")
    # Real Vietnamese with diacritics, in the text people read.
    guide = next(i for i in items if i.collection == "guides")
    assert any(ch in guide.vi.body for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
    # The hand-written pages' links to items still lead somewhere.
    for key in synth.referenced_items(tiny_hub.root / "docs"):
        assert key in hub.items


def test_generation_is_deterministic(tmp_path):
    a = synth.generate(tmp_path / "a", 3)
    b = synth.generate(tmp_path / "b", 3)
    files = sorted(p.relative_to(a.root) for p in (a.root / "guides").glob("*.md"))
    assert files == sorted(p.relative_to(b.root) for p in (b.root / "guides").glob("*.md"))
    assert all((a.root / f).read_bytes() == (b.root / f).read_bytes() for f in files)


def test_search_files_are_told_apart_by_language():
    assert measure.is_search_file("search/search_index.json")
    assert measure.is_search_file("en/search/search_index.json")
    assert measure.is_search_file("search/index.vi.js")
    assert not measure.is_search_file("assets/javascripts/workers/search.abc.min.js")
    assert measure.lang_of("search/index.en.js") == "en"
    assert measure.lang_of("search/index.vi.js") == "vi"
    assert measure.lang_of("search/search_index.json") == "both"
    assert measure.lang_of("en/search/search_index.json") == "en"


def test_bench_builds_both_sites_and_reports_every_metric(tmp_path, browser):
    result = run.bench_items(5, 1, tmp_path, browser)
    for system in ("ours", "bare"):
        assert result[system]["ok"], result[system].get("error")
        assert result[system]["wall_s"] > 0 and result[system]["peak_rss_mb"] > 0
        stats = result[system]["stats"]
        assert stats["pages"] >= 2 * result["items"] and stats["site_bytes"] > 0
        home = result[system]["first_view"]["home"]
        assert home["gzip_bytes"] > 0 and home["by_kind"]["html"] > 0
    # The offline copies are timed apart: bare Material makes none, so the comparison leaves them out.
    assert result["ours"]["offline_s"] > 0 and 0 < result["ours"]["build_cpu_s"] < result["ours"]["cpu_s"]
    assert result["bare"]["offline_s"] is None and result["bare"]["build_cpu_s"] == result["bare"]["cpu_s"]
    # Stock Material makes its readers fetch a search index; its search answers.
    assert result["bare"]["stats"]["search"]["vi"]["gzip"] > 0
    assert result["bare"]["search"]["vi"]["first_result_ms"] >= 0
    assert result["bare"]["offline_zip_bytes"] > 0
    # The bare build really is the same Markdown without our hooks.
    config = (tmp_path / f"bare-{5}" / bare.CONFIG).read_text(encoding="utf-8")
    assert "navigation.prune" in config and "hooks" not in config

    results = {"date": "2026-11-25 00:00 UTC", "machine": run.machine(), "versions": run.versions(),
               "commit": "test", "command": "python scripts/bench.py --items 5", "repeat": 1,
               "load": {"start": "0", "end": "0"}, "runs": [result]}
    for lang in ("vi", "en"):
        table = report.comparison_table(result, lang)
        header, rows = table.splitlines()[0], table.splitlines()[2:]
        assert all(column in header for column in report.COLUMNS[lang])
        assert [row.split(" | ")[0].lstrip("| ") for row in rows] == [getattr(m, lang) for m in report.METRICS]
        assert all(row.count("|") == len(report.COLUMNS[lang]) + 1 for row in rows)
        page = report.markdown_page(results, lang)
        assert page.startswith("# ") and table in page and "python scripts/bench.py --items 5" in page
    # A run merged from an earlier results file keeps its own origin, and growth is shown.
    earlier = {"date": "2026-11-01 00:00 UTC", "commit": "abc1234", "command": "python scripts/bench.py --items 40",
               "repeat": 1, "runs": [dict(result, items=2 * result["items"])]}
    merged = run.merge(json.loads(json.dumps(results)), earlier)
    assert [r["items"] for r in merged["runs"]] == [result["items"], 2 * result["items"]]
    page = report.markdown_page(merged, "en")
    assert "Measured in another run: 2026-11-01 00:00 UTC, source `abc1234`" in page
    assert report.LINEAR["en"][0] in page and "python scripts/bench.py --items 40" in page
    docs = tmp_path / "docs"
    docs.mkdir()
    written = report.write(results, tmp_path / "latest.json", docs)
    assert {p.name for p in written} == {"latest.json", "benchmark.vi.md", "benchmark.en.md"}
    assert json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))["runs"][0]["items"] == result["items"]
    # The command line rewrites the pages from a results file without measuring anything.
    again = tmp_path / "again"
    again.mkdir()
    done = subprocess.run([sys.executable, str(synth.REPO / "scripts" / "bench.py"), "--report-only",
                           str(tmp_path / "latest.json"), "--docs-dir", str(again)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (again / "benchmark.en.md").read_text(encoding="utf-8") == (docs / "benchmark.en.md").read_text(encoding="utf-8")
    assert "Generated pages add ≤ 15 % to the build time (issue 4)" in done.stdout


def test_numbers_are_written_as_each_language_writes_them():
    assert report.num(1234.5, 1, "en") == "1,234.5"
    assert report.num(1234.5, 1, "vi") == "1.234,5"
    assert report.num(0.5, 2, "vi") == "0,50"


def test_snapshots_hold_the_code_and_the_skeleton(tmp_path):
    head = snapshot.extract(synth.REPO, "HEAD", tmp_path / "head")
    work = snapshot.extract(synth.REPO, snapshot.WORKTREE, tmp_path / "work")
    assert head.endswith("(HEAD)") and work.endswith("+ working tree")
    for root in (tmp_path / "head", tmp_path / "work"):
        assert (root / "aixutra" / "bench" / "run.py").is_file() and (root / "scripts" / "bench.py").is_file()
        assert all((root / name).exists() for name in synth.SKELETON)
    with pytest.raises(snapshot.SnapshotError):
        snapshot.extract(synth.REPO, "no-such-revision", tmp_path / "bad")
