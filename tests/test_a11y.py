"""Accessibility of the real site: axe-core on every kind of page, keyboard-only use.

axe-core comes from npm (package.json, pinned in package-lock.json; `python3 scripts/dev.py
test` runs `npm ci`). It is injected into each page of the site served on 127.0.0.1, in both
languages, at phone and desktop widths. No serious or critical violation is allowed, and
no colour contrast violation (WCAG 2.1 AA: axe's color-contrast rule) or duplicate
unnamed landmark at all.
"""

from __future__ import annotations

import pytest

from .e2e import DESKTOP, PHONE, key_pages, online
from .hubs import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# Rules held to whatever impact axe gives them: contrast (WCAG AA), and unnamed duplicate
# landmarks (the only moderate finding there was: Material's code-block copy bars).
STRICT = ("color-contrast", "landmark-unique")


def axe(page) -> list[str]:
    """The violations that matter on the page as it is now, one line per element."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", TAGS)
    found = []
    for violation in result["violations"]:
        if violation["impact"] in ("serious", "critical") or violation["id"] in STRICT:
            for node in violation["nodes"]:
                found.append(f"{violation['id']} ({violation['impact']}) {node['target']}: "
                             f"{node['failureSummary'].splitlines()[-1].strip()}")
    return found


@pytest.fixture(scope="module", autouse=True)
def axe_installed():
    assert AXE.exists(), "axe-core is missing: run `npm ci` (python3 scripts/dev.py test does)"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_serious_violation_on_any_kind_of_page(real_site, browser, lang, viewport):
    # The policy would refuse axe's inline script: bypass it for the audit only.
    with online(browser, real_site, viewport=viewport, bypass_csp=True) as (base, context, watch):
        page = context.new_page()
        found = []
        for kind, rel in key_pages(real_site, lang).items():
            page.goto(base + rel)
            page.wait_for_function("() => typeof window.document$ === 'object'")
            found += [f"{rel}: {line}" for line in axe(page)]
        assert not found, "\n".join(found)
        assert watch.problems == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_open_search_results_are_accessible(real_site, browser, lang):
    with online(browser, real_site, viewport=DESKTOP, bypass_csp=True) as (base, context, watch):
        page = context.new_page()
        page.goto(base + key_pages(real_site, lang)["home"])
        page.locator("#axt-search-q").click()
        page.keyboard.type("an toan")
        page.wait_for_selector("#axt-search-results a")
        found = axe(page)
        assert not found, "\n".join(found)


def _tab_until(page, selector: str, presses: int = 80) -> list[str]:
    """Press Tab until the focused element matches selector; returns what had focus on the way."""
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return seen
        seen.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)"))
    raise AssertionError(f"Tab never reached {selector}; focus went through:\n" + "\n".join(seen))


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_keyboard_reaches_search_and_language_switch(real_site, browser, viewport):
    with online(browser, real_site, viewport=viewport) as (base, context, watch):
        page = context.new_page()
        page.goto(base + key_pages(real_site, "vi")["guide"])
        page.wait_for_function("() => typeof window.document$ === 'object'")
        _tab_until(page, "#axt-search-q")
        page.keyboard.type("nong nghiep")
        page.wait_for_selector("#axt-search-results a")
        # Back to the top of the page, then on to the language menu and into it.
        page.goto(page.url)
        _tab_until(page, ".md-select button, .md-select [role=button]")
        _tab_until(page, '.md-select a[hreflang="en"]', presses=5)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.startswith(base + "en/")
        assert page.locator("html").get_attribute("lang") == "en"
        assert watch.problems == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_keyboard_reaches_the_copy_buttons(real_site, browser, lang):
    with online(browser, real_site, viewport=DESKTOP) as (base, context, watch):
        page = context.new_page()
        page.goto(base + key_pages(real_site, lang)["prompts"])
        page.wait_for_function("() => typeof window.document$ === 'object'")
        copies = page.locator(".axt-prompt__copy")
        assert copies.count() >= 1
        _tab_until(page, ".axt-prompt__copy", presses=200)
        focused = page.evaluate("() => [...document.querySelectorAll('.axt-prompt__copy')]"
                                ".indexOf(document.activeElement)")
        assert focused == 0  # the first prompt's button, not one further down
        assert watch.problems == []
