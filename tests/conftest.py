"""Shared fixtures: the real hub's site, built once per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from aixutra.build import build_site

from .hubs import ROOT


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The site of the repository's own content, built once per test run."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = build_site(ROOT, site)
    assert result.ok, "\n".join(result.messages)
    return site


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run."""
    from playwright.sync_api import sync_playwright

    from .browser import launch

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
