"""The offline zip: what it carries, its checksums and README, its notice on every page,
byte-identical rebuilds of one commit, and a failed export that keeps the previous dist/."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from aixutra.offline import export

from .fixtures import items
from .hubs import ONLINE, ROOT, build_with_copies, git, make_hub
from .sitescan import third_party_loads

@pytest.fixture(scope="module")
def hub(offline_hub) -> Path:
    return offline_hub


@pytest.fixture(scope="module")
def version(hub) -> str:
    return f"2026.11.20-{git(hub, 'rev-parse', '--short', 'HEAD')}"


@pytest.fixture(scope="module")
def copy(hub, version) -> zipfile.ZipFile:
    return zipfile.ZipFile(hub / "dist" / f"ai-xu-tra-offline-{version}.zip")


def test_dist_holds_the_zip_the_kiwix_files_and_their_checksums(hub, version):
    dist = hub / "dist"
    names = {f"ai-xu-tra-offline-{version}.zip", f"ai-xu-tra-vi-{version}.zim",
             f"ai-xu-tra-en-{version}.zim", "SHA256SUMS"}
    assert {p.name for p in dist.iterdir()} == names
    sums = dict(reversed(line.split("  ")) for line in (dist / "SHA256SUMS").read_text().splitlines())
    assert set(sums) == names - {"SHA256SUMS"}
    for name, hexdigest in sums.items():
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == hexdigest
    assert oct(dist.stat().st_mode & 0o777) == oct(0o755)


def test_zip_carries_the_site_and_leaves_out_what_is_not_needed_offline(hub, copy):
    names = set(copy.namelist())
    site = {p.relative_to(hub / "site").as_posix() for p in (hub / "site").rglob("*") if p.is_file()}
    assert {"index.html", "en/index.html", "guides/dao-duc.html", "en/guides/dao-duc.html",
            "prompts/che-htx.html", "use_cases/mo-ta-che-a.html", "assets/images/favicon.png",
            "assets/stylesheets/offline-print.css", "README.txt", "SHA256SUMS"} <= names
    # Search engines' sitemaps, web-server error pages and source maps are not needed offline,
    # nor Material's search engine when no page has Material's search box.
    unneeded = r"(^|/)(sitemap\.xml(\.gz)?|404\.html)$|\.map$"
    if 'data-md-component="search"' not in (hub / "site" / "index.html").read_text(encoding="utf-8"):
        unneeded += r"|^assets/javascripts/(workers|lunr)/"
    left_out = site - names
    assert left_out and [n for n in left_out if not re.search(unneeded, n)] == []
    assert {n for n in names - site if not n.startswith("assets/offline/")} == {"README.txt", "SHA256SUMS"}


def test_blocks_that_every_page_repeats_are_stored_once(hub, copy):
    """The search box's inline style and script go to one file each, loaded from the same spot."""
    online = (hub / "site" / "en" / "guides" / "dao-duc.html").read_text(encoding="utf-8")
    offline = copy.read("en/guides/dao-duc.html").decode("utf-8")
    blocks = re.findall(r"<(script|style)>(.*?)</\1>", online, re.S)
    moved = [(kind, body) for kind, body in blocks if body not in offline]
    assert {kind for kind, _ in moved} == {"script", "style"}
    restored = offline
    for kind, body in moved:
        name = next(n for n in copy.namelist() if n.startswith("assets/offline/")
                    and copy.read(n).decode("utf-8") == body)
        tag = f'<script src="../../{name}"></script>' if kind == "script" else \
            f'<link rel="stylesheet" href="../../{name}">'
        restored = restored.replace(tag, f"<{kind}>{body}</{kind}>", 1)
    # Each in its place: put back, the page is the online one with its notice shown.
    assert restored == online.replace('<aside class="axt-copy" hidden', '<aside class="axt-copy"', 1)
    assert len([n for n in copy.namelist() if n.startswith("assets/offline/")]) <= 6


def test_zip_entries_have_fixed_dates_and_permissions_in_order(copy):
    infos = copy.infolist()
    names = [i.filename for i in infos]
    assert names[-1] == "SHA256SUMS" and names[:-1] == sorted(names[:-1])
    for info in infos:
        assert info.date_time == (2026, 11, 20, 0, 0, 0), info.filename  # the commit's date
        assert info.external_attr >> 16 == 0o100644 and info.create_system == 3
    assert copy.getinfo("index.html").compress_type == zipfile.ZIP_DEFLATED
    assert copy.getinfo("assets/images/favicon.png").compress_type == zipfile.ZIP_STORED


def test_checksums_inside_the_zip_verify_with_sha256sum(copy, tmp_path):
    sums = copy.read("SHA256SUMS").decode("ascii")
    listed = [line.split("  ", 1)[1] for line in sums.splitlines()]
    assert listed == sorted(set(copy.namelist()) - {"SHA256SUMS"})
    where = tmp_path / "Bản sao AI Xứ Trà"
    copy.extractall(where)
    check = subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=where, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count(": OK") == len(listed)
    (where / "guides" / "dao-duc.html").write_bytes(b"tampered")
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=where, capture_output=True, text=True)
    assert check.returncode != 0 and "guides/dao-duc.html: FAILED" in check.stdout


def test_readme_explains_opening_and_checking_in_vietnamese_then_english(copy, version):
    raw = copy.read("README.txt")
    assert raw.startswith(b"\xef\xbb\xbf")  # old Windows Notepad needs the BOM for UTF-8
    text = raw[3:].decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert version in text and ONLINE in text and "20/11/2026" in text
    vi, en = text.index("=== TIẾNG VIỆT ==="), text.index("=== ENGLISH ===")
    assert vi < en
    for part in (text[vi:en], text[en:]):
        assert "index.html" in part and "en/index.html" in part
        assert "certutil -hashfile" in part and "Get-FileHash -Algorithm SHA256" in part
        assert "sha256sum -c SHA256SUMS" in part
    assert "Giải nén" in text[vi:en] and "Extract All" in text[en:]


def test_every_page_of_the_copy_shows_the_notice_the_online_site_hides_it(hub, copy, version):
    pages = [n for n in copy.namelist() if n.endswith(".html")]
    assert len(pages) >= 12
    for name in pages:
        html = copy.read(name).decode("utf-8")
        notice = re.search(r'<aside class="axt-copy"[^>]*>(.*?)</aside>', html, re.S)
        assert notice and " hidden" not in notice.group(0).split(">")[0], name
        text = notice.group(1)
        assert version in text and ONLINE in text, name
        assert ("01/01" not in text) and ("20/11/2026" in text or "20 November 2026" in text), name
    online = (hub / "site" / "guides" / "dao-duc.html").read_text(encoding="utf-8")
    assert '<aside class="axt-copy" hidden' in online
    assert "Offline copy" in copy.read("en/guides/dao-duc.html").decode()
    assert "Bản sao ngoại tuyến" in copy.read("guides/dao-duc.html").decode()


def test_the_copy_fetches_nothing_from_another_host(copy, tmp_path):
    copy.extractall(tmp_path / "copy")
    assert third_party_loads(tmp_path / "copy") == []


def test_two_builds_of_one_commit_give_byte_identical_zips(hub, version, tmp_path):
    """The build command again, in another process, time zone, hash seed and folder."""
    env = dict(os.environ, SITE_URL=ONLINE, TZ="Pacific/Kiritimati", PYTHONHASHSEED="4242",
               PYTHONPATH=str(ROOT))
    env.pop("SOURCE_DATE_EPOCH", None)
    run = subprocess.run([sys.executable, str(hub / "scripts" / "build.py"), "--site-dir", str(tmp_path / "site"),
                          "--dist-dir", str(tmp_path / "dist")], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    name = f"ai-xu-tra-offline-{version}.zip"
    assert (tmp_path / "dist" / name).read_bytes() == (hub / "dist" / name).read_bytes()


def test_failed_export_leaves_the_previous_dist_untouched(tmp_path):
    hub = make_hub(tmp_path / "hub", {"guides/dao-duc.vi.md": items.GUIDE_VI})
    assert build_with_copies(hub, hub / "site", hub / "dist").ok
    before = {p.name: p.read_bytes() for p in (hub / "dist").iterdir()}
    # A theme without the notice: the copies could not say they are copies.
    (hub / "overrides" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    result = build_with_copies(hub, hub / "site", hub / "dist")
    assert not result.ok
    assert any("thiếu thông báo bản sao ngoại tuyến" in m and "has no offline-copy notice" in m
               and "offline-banner.html" in m for m in result.messages), result.messages
    assert {p.name: p.read_bytes() for p in (hub / "dist").iterdir()} == before
    assert not list(hub.glob(".dist.new-*"))
    # A failed site build stops the build command before any copy is made.
    (hub / "guides" / "hong.vi.md").write_text("---\ntitle: [unclosed\n---\nx\n", encoding="utf-8")
    shutil.copytree(ROOT / "scripts", hub / "scripts")
    run = subprocess.run([sys.executable, str(hub / "scripts" / "build.py")], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 1 and "guides/hong.vi.md" in run.stderr
    assert {p.name: p.read_bytes() for p in (hub / "dist").iterdir()} == before


def test_export_of_no_site_is_a_clear_message(tmp_path):
    result = export(tmp_path / "nowhere", tmp_path / "out")
    assert not result.ok
    assert result.messages == [f"Không thấy trang đã xây dựng: {tmp_path / 'nowhere' / 'index.html'} / "
                               f"no built site at {tmp_path / 'nowhere' / 'index.html'}"]


def test_build_command_reports_the_sizes(tmp_path):
    """The README's build command writes the copies and says how big they are."""
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(tmp_path / "site"),
                          "--dist-dir", str(tmp_path / "dist")], capture_output=True, text=True, timeout=600,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})  # this checkout's code
    assert run.returncode == 0, run.stdout + run.stderr
    zips = list((tmp_path / "dist").glob("ai-xu-tra-offline-*.zip"))
    assert len(zips) == 1
    size = zips[0].stat().st_size
    assert re.search(rf"{re.escape(zips[0].name)}\s+{size / 1e6:.2f} MB \({size:,} bytes\)", run.stdout), run.stdout
    assert len(re.findall(r"ai-xu-tra-(vi|en)-.*\.zim\s+\d+\.\d\d MB", run.stdout)) == 2
    with zipfile.ZipFile(io.BytesIO(zips[0].read_bytes())) as zf:
        assert zf.testzip() is None
