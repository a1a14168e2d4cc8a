"""Shared fixtures: the real hub's site, built once per run."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from aixutra.build import build_site

from .hubs import ROOT


@pytest.fixture(scope="session", autouse=True)
def links_checked_after_every_build():
    """Every site a test builds has its internal links checked before it replaces the old one."""
    import aixutra.build

    from .linkcheck import broken_links

    swap = aixutra.build._swap

    def checked(new: Path, target: Path) -> None:
        # 404 pages link from the site's address down (its path when SITE_URL is set).
        problems = broken_links(new, urlsplit(os.environ.get("SITE_URL") or "/").path or "/")
        assert not problems, "Broken internal links / liên kết hỏng:\n" + "\n".join(problems)
        swap(new, target)

    aixutra.build._swap = checked
    yield
    aixutra.build._swap = swap


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The site of the repository's own content, built once per test run."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = build_site(ROOT, site)
    assert result.ok, "\n".join(result.messages)
    return site


@pytest.fixture(scope="session")
def offline_copy(real_site, tmp_path_factory) -> Path:
    """The offline zip of the real site, unpacked as a commune would from a USB stick."""
    import zipfile

    from aixutra.offline import export

    dist = tmp_path_factory.mktemp("dist")
    result = export(real_site, dist, kiwix=False)
    assert result.ok, result.messages
    [archive] = dist.glob("*.zip")
    copy = tmp_path_factory.mktemp("usb") / "Bản sao AI Xứ Trà"  # spaces and Vietnamese letters, as on a USB stick
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(copy)
    return copy


@pytest.fixture(scope="session")
def offline_hub(tmp_path_factory) -> Path:
    """The offline fixture hub in a git repository, built with its copies into dist/ as when
    publishing (SITE_URL set): shared by the offline, handout and Kiwix tests."""
    import shutil

    from .hubs import ONLINE, build_with_copies, fixture_files, git, make_hub

    hub = make_hub(tmp_path_factory.mktemp("offline") / "hub", fixture_files())
    shutil.copytree(ROOT / "scripts", hub / "scripts")  # the build command, as contributors run it
    git(hub, "init", "-q")
    git(hub, "add", ".")
    git(hub, "commit", "-q", "-m", "fixture")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SITE_URL", ONLINE)
        result = build_with_copies(hub, hub / "site", hub / "dist")
    assert result.ok, "\n".join(result.messages)
    for artifact in result.artifacts:
        assert (hub / "dist" / artifact.name).stat().st_size == artifact.size
    return hub


@pytest.fixture(scope="session")
def pages_site(tmp_path_factory) -> Path:
    """The site of the fixture hub of generated and item pages (tests/fixtures/pages.py)."""
    from .fixtures import pages

    return pages.build(tmp_path_factory.mktemp("pages") / "hub")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run."""
    from playwright.sync_api import sync_playwright

    from .browser import launch

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
