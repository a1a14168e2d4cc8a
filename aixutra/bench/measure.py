"""Measurements of one build: wall time and peak memory of its process, and what it wrote."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

GZIP_LEVEL = 6  # what web servers commonly use (nginx and Apache defaults are 1-6)


@dataclass
class BuildRun:
    ok: bool
    wall_s: float  # the whole process: interpreter start, imports, build, extra outputs
    site_s: float | None  # the site build alone, as timed inside the process
    cpu_s: float  # user + system CPU time: far less disturbed than wall time by other load
    peak_rss_mb: float
    log: str = ""
    offline_s: float | None = None  # writing the offline copies (ours only), wall clock
    offline_cpu_s: float | None = None  # the same in CPU time


def run_build(kind: str, target: Path, env: dict | None = None) -> BuildRun:
    """Run one build in a child process; wait4 gives that process's own peak memory."""
    cmd = [sys.executable, "-m", "aixutra.bench.child", kind, str(target)]
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=full_env, cwd=target.parent if kind == "bare" else target)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        log = out.read().decode("utf-8", "replace")
    result = {}
    lines = log.strip().splitlines()
    if lines and lines[-1].startswith("{"):
        result = json.loads(lines[-1])
    # ru_maxrss is in KiB on Linux.
    return BuildRun(proc.returncode == 0 and result.get("ok", False), wall, result.get("site_seconds"),
                    usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, log,
                    result.get("offline_seconds"), result.get("offline_cpu_seconds"))


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def lang_of(rel: str) -> str:
    """Which readers load a search file: "vi", "en", or "both" (one index for both languages)."""
    name = rel.rsplit("/", 1)[-1]
    if rel.startswith("en/") or re.search(r"(^|[._-])en([._-]|$)", name):
        return "en"
    if re.search(r"(^|[._-])vi([._-]|$)", name):
        return "vi"
    return "both"


def is_search_file(rel: str) -> bool:
    """Search data on disk: a `search/` folder at a language root (MkDocs' and Material's
    search/search_index.json, our search/index.<lang>.js), or a file named like an index."""
    parts = rel.split("/")
    if parts[0] == "en":
        parts = parts[1:]
    return (len(parts) > 1 and parts[0] == "search") or "search_index" in parts[-1]


def site_stats(site: Path) -> dict:
    """Size of the site, of its pages and of its search data per language (raw and gzip)."""
    total = files = 0
    html_sizes: list[int] = []
    search = {lang: {"files": 0, "bytes": 0, "gzip": 0} for lang in ("vi", "en", "both")}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        size = path.stat().st_size
        total += size
        files += 1
        if rel.endswith(".html"):
            html_sizes.append(size)
        if is_search_file(rel):
            entry = search[lang_of(rel)]
            entry["files"] += 1
            entry["bytes"] += size
            entry["gzip"] += gzip_size(path.read_bytes())
    # What a reader of each language loads: its own index and any shared one.
    for lang in ("vi", "en"):
        search[lang] = {k: search[lang][k] + search["both"][k] for k in search[lang]}
    return {
        "files": files,
        "site_bytes": total,
        "pages": len(html_sizes),
        "page_html_avg_bytes": sum(html_sizes) / len(html_sizes) if html_sizes else 0,
        "search": search,
    }


def zip_size(directory: Path) -> int:
    """Size of a directory as a deflate zip: the reference for a site with no zip of its own."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "site.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=GZIP_LEVEL) as zf:
            for path in sorted(directory.rglob("*")):
                if path.is_file():
                    zf.write(path, path.relative_to(directory).as_posix())
        return target.stat().st_size


def offline_zips(hub: Path) -> list[Path]:
    dist = hub / "dist"
    return sorted(dist.glob("*.zip")) if dist.is_dir() else []


def clean(*paths: Path) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def as_dict(run: BuildRun) -> dict:
    data = asdict(run)
    data.pop("log")
    return data
