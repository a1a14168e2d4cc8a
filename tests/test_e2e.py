"""End to end in headless Chromium: the real site served on 127.0.0.1, and the offline zip
unpacked and opened from file:// with the network blocked (conftest.py, offline_copy).

Every test ends with the watch of tests/e2e.py empty: no script error, no blocked or failed
request, no Content-Security-Policy violation, whatever was clicked.
"""

from __future__ import annotations

import contextlib
import re

import pytest

from aixutra.text import fold

from .e2e import DESKTOP, PHONE, key_pages, offline, online, screenshot

WHERE = ["online", "offline"]


@pytest.fixture
def opened(request, real_site, offline_copy, browser):
    """opened(**context options): a context manager giving (base, context, watch, site) for
    the test's `where`: the real site online, or its offline copy from file://."""
    online_ = request.node.callspec.params["where"] == "online"

    @contextlib.contextmanager
    def open_(**options):
        site = real_site if online_ else offline_copy
        with (online if online_ else offline)(browser, site, **options) as (base, context, watch):
            yield base, context, watch, site
    return open_


def ready(page) -> None:
    page.wait_for_load_state("load")
    page.wait_for_function("() => typeof window.document$ === 'object'")


def h1(page) -> str:
    return page.locator("article h1").first.inner_text().strip()


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_navigation_from_home_to_an_item_and_back(opened, where, viewport):
    with opened(viewport=viewport) as (base, context, watch, site):
        page = context.new_page()
        page.goto(base + "index.html")
        ready(page)
        if viewport is PHONE:
            # On a phone the sections are in the drawer behind the menu button.
            page.locator('.md-header label[for="__drawer"]').click()
            page.locator('.md-nav--primary a[href$="guides/index.html"]').first.click()
        else:
            page.locator('.md-tabs a[href$="guides/index.html"]').first.click()
        ready(page)
        assert page.url == base + "guides/index.html"
        collection_title = h1(page)
        item = page.locator('article a[href$=".html"]:not([href*="index"])').filter(
            has_not=page.locator("img")).first
        href = item.get_attribute("href")
        item.click()
        ready(page)
        assert page.url.startswith(base + "guides/") and page.url.endswith(href.split("/")[-1])
        assert h1(page)
        page.go_back()
        ready(page)
        assert h1(page) == collection_title
        assert watch.problems == []
        # Nothing a reader does not need: Material no longer downloads the sitemaps on every page.
        assert not [url for url in watch.requested if "sitemap" in url]


@pytest.mark.parametrize("where", WHERE)
def test_language_switch_keeps_the_page(opened, where, real_site):
    with opened(viewport=DESKTOP) as (base, context, watch, site):
        page = context.new_page()
        guide = key_pages(site, "vi")["guide"]
        page.goto(base + guide)
        ready(page)
        for lang, target in (("en", "en/" + guide), ("vi", guide)):
            page.locator(".md-select").first.hover()
            with page.expect_navigation():
                page.locator(f'.md-select a[hreflang="{lang}"]').first.click()
            ready(page)
            assert page.url == base + target
            assert page.locator("html").get_attribute("lang") == lang
        assert watch.problems == []


def search(page, query: str) -> list[str]:
    """Type a query as a reader would; the result links (absolute URLs), best first."""
    box = page.locator("#axt-search-q")
    box.click()
    box.fill("")
    page.keyboard.type(query)
    page.wait_for_selector("#axt-search-results a")
    page.wait_for_timeout(200)  # results follow the last key
    return page.eval_on_selector_all("#axt-search-results a", "links => links.map(a => a.href)")


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_with_and_without_diacritics(opened, where, lang):
    with opened(viewport=DESKTOP) as (base, context, watch, site):
        page = context.new_page()
        pages = key_pages(site, lang)
        page.goto(base + pages["guide"])
        ready(page)
        title = h1(page)
        page.goto(base + pages["home"])
        ready(page)
        # The guide's own title, as typed with a Vietnamese keyboard and without marks.
        for query in (title, fold(title)):
            found = search(page, query)
            assert base + pages["guide"] in found[:3], (query, found[:5])
            # Only pages in the reader's language.
            assert all(url.startswith(base + "en/") == (lang == "en") for url in found), found
        # Vietnamese names in English text are found with or without their marks too.
        accented = search(page, "Thái Nguyên")
        assert accented and search(page, "thai nguyen")[:3] == accented[:3]
        # A result opens its page.
        found = search(page, fold(title))
        with page.expect_navigation():
            page.locator(f'#axt-search-results a[href="{found[0]}"], #axt-search-results a').first.click()
        ready(page)
        assert page.url == found[0]
        assert watch.problems == []


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_prompt_variable_form_and_copy(opened, where, lang):
    with opened(viewport=PHONE) as (base, context, watch, site):
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.goto(base + key_pages(site, lang)["prompts"])
        ready(page)
        card = page.locator(".axt-prompt:has(.axt-prompt__form)").first
        fields = card.locator(".axt-prompt__form input, .axt-prompt__form textarea")
        assert fields.count() >= 1
        values = {}
        for n in range(fields.count()):
            name = fields.nth(n).get_attribute("name")
            values[name] = f"Giá trị {n + 1} của {name}"
            fields.nth(n).fill(values[name])
        text = card.locator(".axt-prompt__text").inner_text()
        for name, value in values.items():
            assert value in text and "{{" + name + "}}" not in text.replace(" ", "")
        card.locator(".axt-prompt__copy").click()
        expect_status = card.locator(".axt-prompt__status")
        page.wait_for_function("(el) => el.textContent.trim() !== ''", arg=expect_status.element_handle())
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.strip() == text.strip()
        # Emptying a field puts the blank back for the reader to see.
        first = fields.nth(0)
        first.fill("")
        assert values[first.get_attribute("name")] not in card.locator(".axt-prompt__text").inner_text()
        assert watch.problems == []


@pytest.mark.parametrize("where", WHERE)
def test_catalogue_filters(opened, where):
    with opened(viewport=PHONE) as (base, context, watch, site):
        page = context.new_page()
        page.goto(base + "catalogue.html")
        ready(page)
        rows = page.locator(".axt-catalogue__list > li")
        total = rows.count()
        sector = page.locator('.axt-filters select[name="sector"]')
        options = [v for v in sector.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
        assert options
        # A sector with fewer items than the whole catalogue.
        counts = {}
        for value in options:
            sector.select_option(value)
            counts[value] = page.locator(".axt-catalogue__list > li:not([hidden])").count()
            if 0 < counts[value] < total:
                break
        shown = page.locator(".axt-catalogue__list > li:not([hidden])")
        assert 0 < shown.count() < total, counts
        sectors = shown.evaluate_all("lis => lis.map(li => ' ' + li.dataset.sector + ' ')")
        assert all(f" {value} " in s for s in sectors)
        assert str(shown.count()) in page.locator(".axt-filters__status").inner_text()
        # Words typed without marks narrow the list further.
        word = fold(shown.first.locator("a").first.inner_text()).split()[-1]
        page.locator('.axt-filters [name="words"]').fill(word)
        narrowed = page.locator(".axt-catalogue__list > li:not([hidden])")
        assert 1 <= narrowed.count() <= shown.count()
        # A link with the filter in its address opens the filtered list (the sector pages link so).
        page.goto(base + f"catalogue.html?sector={value}")
        ready(page)
        assert sector.input_value() == value
        assert page.locator(".axt-catalogue__list > li:not([hidden])").count() == counts[value]
        assert watch.problems == []


@pytest.mark.parametrize("where", WHERE)
def test_untranslated_and_outdated_notices(where, pages_site, browser):
    """On the fixture hub, whose translation states are known (tests/fixtures/pages.py)."""
    opened = online(browser, pages_site) if where == "online" else offline(browser, pages_site)
    with opened as (base, context, watch):
        page = context.new_page()
        page.goto(base + "en/guides/khuyen-nong.html")
        notice = page.locator(".axt-notice--untranslated")
        assert notice.is_visible() and notice.get_attribute("lang") == "en"
        assert "Not yet translated" in notice.inner_text()
        assert page.locator('article div[lang="vi"]').count() == 1
        page.goto(base + "guides/khuyen-nong.html")
        assert page.locator(".axt-notice--untranslated").count() == 0
        page.goto(base + "en/prompts/soan-van-ban.html")
        assert page.locator(".axt-notice--outdated").is_visible()
        for current in ("en/guides/dung-ai.html", "en/use_cases/bao-cao-xa-a.html"):
            page.goto(base + current)
            assert page.locator(".axt-notice--outdated, .axt-notice--untranslated").count() == 0
        assert watch.problems == []


NOT_FOUND = {"vi": "Không tìm thấy trang", "en": "Page not found"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_404_page_in_each_language(real_site, browser, lang):
    prefix = "" if lang == "vi" else "en/"
    with online(browser, real_site, expected_status=(404,), viewport=PHONE) as (base, context, watch):
        page = context.new_page()
        for missing in ("khong-co-trang-nay.html", "guides/mot/hai/ba.html"):
            response = page.goto(base + prefix + missing)
            assert response.status == 404
            ready(page)
            assert page.locator("html").get_attribute("lang") == lang
            assert h1(page) == NOT_FOUND[lang]
            # Styles and scripts load from any depth: the header wears the hub's colours.
            assert page.eval_on_selector(".md-header", "h => getComputedStyle(h).backgroundColor") == "rgb(27, 94, 32)"
        # Search works from the 404 page.
        assert search(page, "AI")
        page.goto(base + prefix + "khong-co-trang-nay.html")
        ready(page)
        with page.expect_navigation():
            page.locator("article a", has_text=re.compile("trang chủ|home page")).click()
        assert page.url == base + prefix + "index.html"
        # The language menu of a 404 leads to the other language's home page.
        page.goto(base + prefix + "khong-co-trang-nay.html")
        ready(page)
        other = "en" if lang == "vi" else "vi"
        href = page.locator(f'.md-select a[hreflang="{other}"]').first.get_attribute("href")
        assert href == ("/en/index.html" if other == "en" else "/index.html")
        assert watch.problems == []


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_screenshots_and_nothing_wider_than_the_screen(real_site, browser, lang, viewport):
    """Screenshots for people to look at (test-artifacts/screenshots/); a phone never scrolls sideways."""
    width = "phone" if viewport is PHONE else "desktop"
    with online(browser, real_site, viewport=viewport) as (base, context, watch):
        page = context.new_page()
        for kind in ("home", "sector", "prompts", "case"):
            page.goto(base + key_pages(real_site, lang)[kind])
            ready(page)
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{kind} is {overflow}px wider than the {width} screen"
            for path in screenshot(page, f"{kind}-{lang}-{width}"):
                assert path.stat().st_size > 10_000
        assert watch.problems == []
