"""Reproducible builds: the same commit gives the same bytes, whoever builds it and when.

The fixture hub (tests/fixtures/pages.py: every kind of item and generated page) is made a
git repository with one commit dated long ago. One build runs in this process, the other in
a fresh Python with another hash seed (set and dict order of strings), another time zone
(the local date differs from UTC's) and another working directory; the two site/ trees must
be byte for byte the same. No date from the clock may appear anywhere in the output.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from aixutra.build import build_site

from .fixtures import pages

COMMIT_DATE = "2025-03-26T08:00:00+07:00"  # the national "Bình dân học vụ số" launch


def commit(hub: Path) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Ban biên tập", GIT_AUTHOR_EMAIL="bbt@example.invalid",
               GIT_COMMITTER_NAME="Ban biên tập", GIT_COMMITTER_EMAIL="bbt@example.invalid",
               GIT_AUTHOR_DATE=COMMIT_DATE, GIT_COMMITTER_DATE=COMMIT_DATE)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Fixture hub"]):
        subprocess.run(["git", *args], cwd=hub, env=env, check=True, capture_output=True)


BUILD_ELSEWHERE = """
import sys
from pathlib import Path
from aixutra.build import build_site
result = build_site(Path(sys.argv[1]), Path(sys.argv[2]))
sys.exit(0 if result.ok else "\\n".join(result.messages))
"""


def build_in_another_process(hub: Path, site: Path, cwd: Path) -> None:
    env = dict(os.environ, PYTHONHASHSEED="4242", TZ="Pacific/Kiritimati", NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run([sys.executable, "-c", BUILD_ELSEWHERE, str(hub), str(site)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="module")
def hub(tmp_path_factory) -> Path:
    hub = pages.make(tmp_path_factory.mktemp("repro") / "hub")
    commit(hub)
    return hub


@pytest.fixture(scope="module")
def two_builds(hub, tmp_path_factory) -> tuple[Path, Path]:
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    first = hub.parent / "first"
    result = build_site(hub, first)
    assert result.ok, "\n".join(result.messages)
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    second = hub.parent / "second"
    build_in_another_process(hub, second, elsewhere)
    return first, second


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def first_difference(a: bytes, b: bytes) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at byte {at}: {a[max(0, at - 60):at + 60]!r} / {b[max(0, at - 60):at + 60]!r}"


def test_two_builds_of_one_commit_are_byte_identical(two_builds):
    first, second = (tree(site) for site in two_builds)
    assert sorted(first) == sorted(second)
    differ = [f"{rel}: {first_difference(first[rel], second[rel])}" for rel in first if first[rel] != second[rel]]
    assert not differ, "\n".join(differ)


def _dates_of(day: dt.date) -> list[str]:
    return [day.isoformat(), f"{day.day}/{day.month}/{day.year}", f"{day.day:02d}/{day.month:02d}/{day.year}",
            day.strftime("%d.%m.%Y")]


def test_no_date_comes_from_the_clock(two_builds, hub):
    site = two_builds[0]
    now = dt.datetime.now(dt.timezone.utc)
    # Today and the days around it (the other build ran at UTC+14), unless the content names them.
    sources = "".join(p.read_text(encoding="utf-8") for p in hub.rglob("*.md")) + \
        "".join(p.read_text(encoding="utf-8") for p in (hub / "data").glob("*.yml"))
    days = {(now + dt.timedelta(days=d)).date() for d in (-1, 0, 1)}
    clock = [s for day in days for s in _dates_of(day) if s not in sources]
    found = []
    for rel, data in tree(site).items():
        text = gzip.decompress(data).decode("utf-8") if rel.endswith(".gz") else data.decode("utf-8", "replace")
        found += [f"{rel}: {s}" for s in clock if s in text]
    assert not found, "\n".join(found)


def test_sitemap_dates_come_from_the_content(two_builds, hub):
    site = two_builds[0]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert dates, "the sitemap has no dates"
    sources = "".join(p.read_text(encoding="utf-8") for p in hub.rglob("*.md"))
    allowed = {COMMIT_DATE[:10]} | set(re.findall(r"^updated: (\d{4}-\d\d-\d\d)", sources, re.M))
    assert dates <= allowed
    # The compressed copy carries the newest of those dates as its time stamp.
    mtime = int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert dt.datetime.fromtimestamp(mtime, dt.timezone.utc).date().isoformat() == max(dates)


def test_build_version_names_the_commit(two_builds, hub):
    sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=hub, capture_output=True, text=True,
                         check=True).stdout.strip()
    home = (two_builds[0] / "index.html").read_text(encoding="utf-8")
    assert f"2025.03.26-{sha}" in home
