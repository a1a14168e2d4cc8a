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
import zipfile
from pathlib import Path

import pytest
from libzim.reader import Archive

from aixutra.build import build_offline, build_site

from .fixtures import pages

COMMIT_DATE = "2025-03-26T08:00:00+07:00"  # the national "Bình dân học vụ số" launch
ONLINE = "https://ai-xu-tra.example.org/hub/"


def commit(hub: Path) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Ban biên tập", GIT_AUTHOR_EMAIL="bbt@example.invalid",
               GIT_COMMITTER_NAME="Ban biên tập", GIT_COMMITTER_EMAIL="bbt@example.invalid",
               GIT_AUTHOR_DATE=COMMIT_DATE, GIT_COMMITTER_DATE=COMMIT_DATE)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Fixture hub"]):
        subprocess.run(["git", *args], cwd=hub, env=env, check=True, capture_output=True)


# What scripts/build.py does (the site, then the offline copies), for a hub given by path.
BUILD_ELSEWHERE = """
import sys
from pathlib import Path
from aixutra.build import build_offline, build_site
result = build_site(Path(sys.argv[1]), Path(sys.argv[2]))
if not result.ok:
    sys.exit("\\n".join(result.messages))
copies = build_offline(Path(sys.argv[2]), Path(sys.argv[3]))
sys.exit(0 if copies.ok else "\\n".join(copies.messages))
"""


def build_in_another_process(hub: Path, site: Path, dist: Path, cwd: Path) -> None:
    env = dict(os.environ, PYTHONHASHSEED="4242", TZ="Pacific/Kiritimati", NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run([sys.executable, "-c", BUILD_ELSEWHERE, str(hub), str(site), str(dist)], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="module")
def hub(tmp_path_factory) -> Path:
    hub = pages.make(tmp_path_factory.mktemp("repro") / "hub")
    commit(hub)
    return hub


@pytest.fixture(scope="module")
def two_builds(hub, tmp_path_factory) -> tuple[Path, Path]:
    """Two site/ folders of the same commit, each with its offline copies in <site>.dist/."""
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SITE_URL", ONLINE)  # as when publishing: the sitemap is written
        first = hub.parent / "first"
        result = build_site(hub, first)
        assert result.ok, "\n".join(result.messages)
        copies = build_offline(first, dist_of(first))
        assert copies.ok, copies.messages
        elsewhere = tmp_path_factory.mktemp("elsewhere")
        second = hub.parent / "second"
        build_in_another_process(hub, second, dist_of(second), elsewhere)
    return first, second


def dist_of(site: Path) -> Path:
    return site.with_name(site.name + ".dist")


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
    assert set(re.findall(r"<loc>(https?://[^/]+/[^/]+/)", sitemap)) == {ONLINE}
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


def test_offline_zips_of_one_commit_are_byte_identical(two_builds):
    first, second = (sorted(dist_of(site).glob("*.zip")) for site in two_builds)
    assert [p.name for p in first] == [p.name for p in second] and len(first) == 1
    assert first[0].read_bytes() == second[0].read_bytes()
    # Every entry carries the commit's date, not the time it was written.
    with zipfile.ZipFile(first[0]) as zf:
        assert {info.date_time[:3] for info in zf.infolist()} == {(2025, 3, 26)}
        # What it holds comes from the built site (pages get their offline notice shown, and
        # the blocks every page repeats are stored once, in assets/offline/).
        site = tree(two_builds[0])
        names = {n for n in zf.namelist() if not n.startswith("assets/offline/")} - {"README.txt", "SHA256SUMS"}
        assert "index.html" in names and names <= set(site)
        assert all(zf.read(rel) == site[rel] for rel in names if not rel.endswith(".html"))


def test_kiwix_files_and_checksums_of_one_commit_are_byte_identical(two_builds):
    # libzim's and Xapian's random UUIDs are replaced by ones made from the content (zim_bytes.py).
    first, second = (dist_of(site) for site in two_builds)
    names = sorted(p.name for p in first.glob("*.zim"))
    assert len(names) == 2 and names == sorted(p.name for p in second.glob("*.zim"))
    for name in names + ["SHA256SUMS"]:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    archives = [Archive(first / name) for name in names]
    assert all(a.check() for a in archives) and len({a.uuid for a in archives}) == 2


def snapshot(*folders: Path) -> dict[str, bytes]:
    return {f"{folder.name}/{rel}": data for folder in folders for rel, data in tree(folder).items()}


def test_a_failed_build_leaves_site_and_dist_untouched(tmp_path):
    import shutil

    from .fixtures.items import GUIDE_VI
    from .hubs import ROOT, make_hub

    hub = make_hub(tmp_path / "hub", {"guides/dao-duc.vi.md": GUIDE_VI})
    shutil.copytree(ROOT / "scripts", hub / "scripts")  # the command contributors run
    commit(hub)
    run = [sys.executable, "scripts/build.py"]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(run, cwd=hub, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    site, dist = hub / "site", hub / "dist"
    before = snapshot(site, dist)
    assert any(name.endswith(".zip") for name in before)

    # A broken contribution: the build stops, says so, and replaces nothing.
    (hub / "guides" / "hong.vi.md").write_text("---\ntitle: [chưa đóng\n---\nx\n", encoding="utf-8")
    done = subprocess.run(run, cwd=hub, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 1
    assert "guides/hong.vi.md:" in done.stderr and "Traceback" not in done.stderr
    assert "left untouched" in done.stderr
    assert snapshot(site, dist) == before

    # The offline copies failing (here: a site without its home page) leave dist/ as it was.
    broken = tmp_path / "broken-site"
    shutil.copytree(site, broken)
    (broken / "index.html").unlink()
    copies = build_offline(broken, dist)
    assert not copies.ok and copies.messages
    assert snapshot(site, dist) == before
    # No half-written folder is left behind.
    assert sorted(p.name for p in hub.iterdir() if p.name.startswith(".")) == [".git"]
