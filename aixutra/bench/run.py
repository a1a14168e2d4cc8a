"""The benchmark run: for each N, a synthetic hub built by our stack and by bare Material.

scripts/bench.py is the command line; this module does the work.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata as md
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from . import bare, browser, measure, synth

# The three builds of one hub, interleaved in every repeat so that the load of a shared
# machine falls on all three alike. "ours" comes last: the browser looks at its site.
VARIANTS = {
    "bare": ("bare", {}),
    "ours_no_generated": ("ours", {"HUB_GENERATED_PAGES": "collections"}),
    "ours": ("ours", {}),
}


# Builds whose failure is reported rather than fatal: the baseline without generated pages
# is only there to price those pages.
OPTIONAL = {"ours_no_generated"}


class BenchError(Exception):
    """A build of the synthetic hub failed: the benchmark cannot go on."""


def machine() -> dict:
    def first(path: str, key: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return ""
    mem_kb = first("/proc/meminfo", "MemTotal").split()
    return {"cpu": first("/proc/cpuinfo", "model name") or platform.processor() or platform.machine(),
            "cores": os.cpu_count(), "ram_gb": int(mem_kb[0]) / 1024 / 1024 if mem_kb else 0,
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version()}


def versions() -> dict:
    out = {"Python": platform.python_version()}
    for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "playwright"):
        try:
            out[name] = md.version(name)
        except md.PackageNotFoundError:
            out[name] = "?"
    return out


def commit() -> str:
    def git(*args):
        return subprocess.run(["git", *args], cwd=synth.REPO, capture_output=True, text=True).stdout.strip()
    sha = git("rev-parse", "--short", "HEAD") or "?"
    return sha + (" + working-tree changes" if git("status", "--porcelain") else "")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_variant(name: str, hub: Path, bare_config: Path) -> measure.BuildRun:
    """One build; a failure of a compared build stops the benchmark, with the build's words."""
    kind, env = VARIANTS[name]
    site = bare_config.parent / "site" if kind == "bare" else hub / "site"
    measure.clean(site, hub / "dist")
    run = measure.run_build(kind, bare_config if kind == "bare" else hub, env)
    if not run.ok and name in OPTIONAL:
        log(f"{name} build failed (reported, not fatal):\n{_tail(run.log, 8)}")
    elif not run.ok:
        raise BenchError(f"Bản xây dựng '{name}' của kho giả lập thất bại / the '{name}' build of the synthetic hub failed:\n{_tail(run.log, 30)}")
    return run


def _tail(text: str, lines: int) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def summarise(runs: list[measure.BuildRun]) -> dict:
    if not all(r.ok for r in runs):
        failed = next(r for r in runs if not r.ok)
        return {"ok": False, "wall_s": None, "site_s": None, "cpu_s": None, "peak_rss_mb": None,
                "error": _tail(failed.log, 12), "builds": [measure.as_dict(r) for r in runs]}
    def median(values):
        values = [v for v in values if v is not None]
        return statistics.median(values) if values else None

    # "build_*": the build without the offline copies, the work bare Material does too.
    return {"ok": True, "wall_s": median(r.wall_s for r in runs), "site_s": median(r.site_s for r in runs),
            "cpu_s": median(r.cpu_s for r in runs),
            "offline_s": median(r.offline_s for r in runs), "offline_cpu_s": median(r.offline_cpu_s for r in runs),
            "build_wall_s": median(r.wall_s - (r.offline_s or 0) for r in runs),
            "build_cpu_s": median(r.cpu_s - (r.offline_cpu_s or 0) for r in runs),
            "peak_rss_mb": median(r.peak_rss_mb for r in runs),
            "builds": [measure.as_dict(r) for r in runs]}


def bench_items(n: int, repeat: int, work: Path, chromium=None, seed: int = 7) -> dict:
    """Every measurement of one hub of n items per language."""
    log(f"[N={n}] generating the synthetic hub ...")
    hub = synth.generate(work / f"hub-{n}", n, seed)
    bare_config = bare.make_bare(hub.root, work / f"bare-{n}")
    ours_site, bare_site = hub.root / "site", bare_config.parent / "site"
    builds: dict[str, list[measure.BuildRun]] = {name: [] for name in VARIANTS}
    stats: dict[str, dict] = {}
    for r in range(repeat):
        for name in VARIANTS:
            run = build_variant(name, hub.root, bare_config)
            builds[name].append(run)
            log(f"[N={n}] repeat {r + 1}/{repeat} {name}: {run.wall_s:.2f} s wall, {run.cpu_s:.2f} s CPU, {run.peak_rss_mb:.0f} MB")
            if r == repeat - 1 and run.ok:  # what the last build of each variant wrote
                site = bare_site if name == "bare" else ours_site
                stats[name] = {"stats": measure.site_stats(site), "offline_zip": measure.offline_zips(hub.root)}
    result = {"items": hub.items, "requested_items": n, "counts": hub.counts, "words": hub.words}
    for name in VARIANTS:
        result[name] = summarise(builds[name])
        if name in stats:
            zips = stats[name]["offline_zip"]
            result[name]["stats"] = stats[name]["stats"]
            result[name]["offline_zip_bytes"] = sum(z.stat().st_size for z in zips) if zips else None
            result[name]["offline_zip_files"] = [z.name for z in zips]
    # Bare Material writes no zip: its site folder zipped is the reference.
    result["bare"]["offline_zip_bytes"] = measure.zip_size(bare_site)
    result["bare"]["offline_zip_files"] = ["(site folder, deflate)"]
    if chromium is not None:
        guide = next(p for p in sorted((hub.root / "guides").glob("*.vi.md")))
        item_path = f"guides/{guide.name.removesuffix('.vi.md')}.html"
        for name, site in (("ours", ours_site), ("bare", bare_site)):
            log(f"[N={n}] browser: {name}")
            with browser.serve(site) as url:
                result[name]["first_view"] = {"home": browser.first_view(chromium, url, ""),
                                              "item": browser.first_view(chromium, url, item_path)}
                result[name]["search"] = {lang: search_timing(chromium, site, url, lang, name, repeat)
                                          for lang in ("vi", "en")}
    return result


# Search boxes and results: from aixutra.search.measure when it is there, else Material's.
MATERIAL_UI = ("input.md-search__input", ".md-search-result__item")
# Why aixutra.search.measure was given up for this run (each failure costs its timeout).
_search_measure_failed: list[str] = []


def _their_search(chromium, site: Path, url: str, lang: str, system: str) -> dict | None:
    try:
        from ..search import measure as search_measure
    except ImportError:
        return None
    if _search_measure_failed:
        return None
    ui = search_measure.OURS if system == "ours" else search_measure.MATERIAL
    page = "index.html" if lang == "vi" else f"{lang}/index.html"
    try:
        out = search_measure.measure(chromium, site, list(browser.QUERIES[lang]), base_url=url, ui=ui, page=page)
    except Exception as exc:  # noqa: BLE001 - reported in the results, then timed by the bench
        _search_measure_failed.append(f"{type(exc).__name__}: {exc}")
        log(f"aixutra.search.measure failed ({_search_measure_failed[0]}); the bench times search itself")
        return None
    later = out.get("later_query_ms")
    out["later_query_ms"] = (later[0] if later else None) if isinstance(later, list) else later
    out["method"] = "aixutra.search.measure"
    return out


def _search_boxes(system: str) -> tuple[str, str]:
    try:
        from ..search.measure import OURS
    except ImportError:
        return MATERIAL_UI
    return (OURS.box, OURS.result) if system == "ours" else MATERIAL_UI


def search_timing(chromium, site: Path, url: str, lang: str, system: str, repeat: int) -> dict:
    """Median over repeats of the time to the first search result, CPU throttled 4x.

    aixutra.search.measure (the search's own measurement, for our UI and Material's) does
    the timing; if it is missing or fails, the bench times the same boxes itself and says so.
    """
    runs = []
    for _ in range(repeat):
        out = _their_search(chromium, site, url, lang, system)
        if out is None:
            out = browser.page_search(chromium, url, "" if lang == "vi" else f"{lang}/", lang, *_search_boxes(system))
            out["method"] = "aixutra.bench.browser" + (
                f" (aixutra.search.measure failed: {_search_measure_failed[0]})" if _search_measure_failed else "")
        if not out.get("available"):
            return out
        runs.append(out)
    result = dict(runs[-1])
    for key in ("first_result_ms", "later_query_ms"):
        values = [r[key] for r in runs if r.get(key) is not None]
        result[key] = round(statistics.median(values)) if values else None
        result[key + "_runs"] = values
    return result


def _one(n: int, repeat: int, work: Path, chromium, seed: int, keep: bool) -> dict:
    try:
        return bench_items(n, repeat, work, chromium, seed)
    finally:
        if not keep:  # a hub of 2,000 items and its sites take a few hundred MB
            for folder in (work / f"hub-{n}", work / f"bare-{n}"):
                shutil.rmtree(folder, ignore_errors=True)


def run(items: list[int], repeat: int = 3, use_browser: bool = True, work_dir: Path | None = None,
        keep: bool = False, seed: int = 7, command: str = "", source: str | None = None) -> dict:
    results = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(), "versions": versions(), "commit": source or commit(),
        "command": command, "repeat": repeat, "load": {"start": _load()}, "runs": [],
    }
    work = Path(work_dir or tempfile.mkdtemp(prefix="aixutra-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if use_browser:
            from playwright.sync_api import sync_playwright
            with sync_playwright() as p:
                chromium = browser.launch(p)
                results["versions"]["Chromium"] = chromium.version
                try:
                    for n in items:
                        results["runs"].append(_one(n, repeat, work, chromium, seed, keep))
                finally:
                    chromium.close()
        else:
            for n in items:
                results["runs"].append(_one(n, repeat, work, None, seed, keep))
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    results["load"]["end"] = _load()
    for entry in results["runs"]:
        entry["run"] = stamp(results)
    return results


def stamp(results: dict) -> dict:
    """Where a run's figures come from, kept with them when runs are merged."""
    return {key: results.get(key) for key in ("date", "commit", "command", "repeat")}


def merge(results: dict, earlier: dict) -> dict:
    """Add the runs of an earlier results file for the N this run did not measure."""
    measured = {r["items"] for r in results["runs"]}
    for entry in earlier.get("runs", []):
        if entry["items"] not in measured:
            entry.setdefault("run", stamp(earlier))
            results["runs"].append(entry)
    results["runs"].sort(key=lambda r: r["items"])
    return results
