"""The offline zip of the hub's own content opened from file:// in Firefox ESR (Debian's),
with no network: pages, navigation, language switch, search and the prompt form.

Firefox is stricter than Chromium with file:// (each file is its own origin, fetch() of
another file is refused): what works here works on a commune's old PC with Firefox.
"""

from __future__ import annotations

import json
from urllib.parse import unquote, urlsplit

import pytest

from .firefox import Firefox


@pytest.fixture(scope="module")
def firefox():
    browser = Firefox()
    yield browser
    browser.close()


@pytest.fixture
def ff(firefox):
    """The browser, its records emptied; after the test: no request but file:// (and the
    data: icons inside Material's stylesheet), no error."""
    firefox.requests.clear()
    firefox.errors.clear()
    yield firefox
    assert [url for url in firefox.requests if not url.startswith(("file://", "data:"))] == []
    missing = [url for url in firefox.requests if url.startswith("file://") and not _exists(url)]
    assert missing == [], f"files the pages asked for and the copy does not have: {missing}"
    assert firefox.errors == []


def _exists(url: str) -> bool:
    from pathlib import Path
    return Path(unquote(urlsplit(url).path)).exists()


def test_home_opens_with_styles_scripts_and_the_offline_notice(offline_copy, ff):
    ff.goto((offline_copy / "index.html").as_uri())
    assert "%20" in ff.evaluate("location.href")  # the folder's spaces made it into the address
    assert ff.evaluate("document.documentElement.lang") == "vi"
    # Material's script ran and its stylesheet applied.
    ff.wait_for("document.documentElement.classList.contains('js')")
    assert ff.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") not in ("", "rgba(0, 0, 0, 0)")
    notice = ff.evaluate("(() => { const a = document.querySelector('aside.axt-copy');"
                         " return a && !a.hidden && a.offsetHeight > 0 ? a.innerText : null; })()")
    assert notice and "Bản sao ngoại tuyến" in notice
    assert ff.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")


def test_navigation_and_language_switch(offline_copy, ff):
    ff.goto((offline_copy / "index.html").as_uri())
    ff.follow('.md-tabs a[href="guides/index.html"]')
    assert ff.evaluate("location.pathname").endswith("/guides/index.html")
    assert ff.evaluate("document.querySelector('article h1').innerText")
    ff.follow('article a[href$=".html"]:not([href*="index"])')
    guide = ff.evaluate("location.pathname")
    assert "/guides/" in guide
    # The language menu's link to English, on the same page (a click on the hidden menu item
    # itself needs the menu open: follow its address as the click would).
    english = ff.evaluate("document.querySelector('.md-select a[hreflang=\"en\"]').href")
    ff.goto(english)
    assert ff.evaluate("document.documentElement.lang") == "en"
    assert ff.evaluate("location.pathname") == guide.replace("/guides/", "/en/guides/")


@pytest.mark.parametrize("lang, query", [("vi", "bao cao tuan"), ("vi", "trí tuệ nhân tạo"), ("en", "weekly report")])
def test_search_works_from_file(offline_copy, ff, lang, query):
    root = offline_copy / "en" if lang == "en" else offline_copy
    ff.goto((root / "guides" / "index.html").as_uri())
    ff.click("#axt-search-q")
    ff.wait_for("document.getElementById('axt-search').hasAttribute('data-ready')")
    ff.type(query)
    ff.wait_for(f"document.getElementById('axt-search-results').getAttribute('data-query') === {json.dumps(query)}")
    links = ff.evaluate("[...document.querySelectorAll('.axt-search__item a')].map(a => a.href)")
    assert links, f"no result for {query!r}"
    for url in links:  # pages of this language, inside the copy
        assert url.startswith(root.as_uri() + "/") and _exists(url), url
        assert lang == "en" or "/en/" not in url[len(offline_copy.as_uri()):]


def test_prompt_variables_fill_the_prompt(offline_copy, ff):
    ff.goto((offline_copy / "prompts" / "index.html").as_uri())
    ff.follow('article a[href$=".html"]:not([href*="index"])')
    # The first prompt with variables, its form shown by the script.
    assert ff.wait_for("(() => { const c = document.querySelector('[data-axt-prompt]:has(.axt-prompt__form:not([hidden]))');"
                       " if (c) c.id = 'axt-test-card'; return !!c; })()")
    card = "#axt-test-card"
    fields = ff.evaluate(f"document.querySelectorAll({json.dumps(card)} + ' .axt-prompt__form :is(input, textarea)').length")
    assert fields > 0
    for n in range(fields):
        ff.click(f"{card} .axt-prompt__form :is(input, textarea)", n)
        ff.type(f"Giá trị {n} ở Xứ Trà")
    text = ff.evaluate(f"document.querySelector({json.dumps(card)} + ' .axt-prompt__text').innerText")
    assert all(f"Giá trị {n} ở Xứ Trà" in text for n in range(fields)) and "{{" not in text
    ff.click(f"{card} .axt-prompt__copy")
    status = ff.wait_for(f"document.querySelector({json.dumps(card)} + ' .axt-prompt__status').textContent")
    assert status == ff.evaluate(f"document.querySelector({json.dumps(card)} + ' .axt-prompt__copy').dataset.copied")
