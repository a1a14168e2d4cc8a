"""The offline zip of the hub's own content, unzipped into a folder whose path has spaces and
Vietnamese letters, opened from file:// in Chromium with every other request blocked."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from aixutra.offline import export

FOLDER = "Bản sao AI Xứ Trà"  # as a commune might name it on a USB stick


@pytest.fixture(scope="module")
def bundle(real_site, tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    result = export(real_site, dist, kiwix=False)
    assert result.ok, result.messages
    where = tmp_path_factory.mktemp("usb") / FOLDER
    with zipfile.ZipFile(dist / result.artifacts[0].name) as zf:
        zf.extractall(where)
    return where


@pytest.fixture
def offline(browser):
    """A browser context that lets only file:// through, and records everything it asked for."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                  else route.abort())
    yield context, requested
    others = [url for url in requested if not url.startswith("file://")]
    context.close()
    assert others == [], f"requests to something other than file://: {others}"


def test_the_bundle_opens_from_its_index_with_styles_and_images(bundle, offline):
    context, requested = offline
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((bundle / "index.html").as_uri())
    assert " " in page.url or "%20" in page.url  # the folder's name made it into the address
    assert page.locator("html").get_attribute("lang") == "vi"
    # Material's script ran (the page's security policy lets it run from file://) ...
    assert page.evaluate("document.documentElement.classList.contains('js')")
    # ... and its stylesheet applied: the header bar is coloured, the drawer toggles are hidden.
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor") not in ("", "rgba(0, 0, 0, 0)")
    assert page.eval_on_selector("#__drawer", "e => getComputedStyle(e).display") == "none"
    for img in page.locator("article img").all():
        assert img.evaluate("i => i.complete && i.naturalWidth > 0"), img.get_attribute("src")
    assert errors == []
    failed = [url for url in requested if url.startswith("file://") and not _exists(url)]
    # Not even the sitemap.xml Material used to ask for (aixutra/site/alternates.py).
    assert failed == []
    assert not [url for url in requested if "sitemap" in url]


def test_navigation_and_generated_index_pages_work(bundle, offline):
    context, _ = offline
    page = context.new_page()
    page.goto((bundle / "index.html").as_uri())
    for collection in ("guides", "prompts", "use_cases"):
        page.goto((bundle / "index.html").as_uri())
        page.locator(f'.md-tabs a[href="{collection}/index.html"], .md-nav--primary a[href="{collection}/index.html"]').first.click()
        page.wait_for_load_state()
        assert page.url.endswith(f"/{collection}/index.html")
        items = page.locator(f'article a[href$=".html"]:not([href*="index"])')
        assert items.count() >= 3, collection
        first = items.first.get_attribute("href")
        items.first.click()
        page.wait_for_load_state()
        assert page.url.endswith(first.split("/")[-1]) and page.locator("article h1").count() == 1


def test_language_switch_keeps_the_page(bundle, offline):
    context, _ = offline
    page = context.new_page()
    page.goto((bundle / "guides" / "index.html").as_uri())
    page.locator(".md-select").first.hover()
    page.locator('.md-select a[hreflang="en"]').first.click()
    page.wait_for_load_state()
    assert page.url == (bundle / "en" / "guides" / "index.html").as_uri()
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-select").first.hover()
    page.locator('.md-select a[hreflang="vi"]').first.click()
    page.wait_for_load_state()
    assert page.url == (bundle / "guides" / "index.html").as_uri()


def test_every_page_says_it_is_an_offline_copy(bundle, offline):
    context, _ = offline
    page = context.new_page()
    readme = (bundle / "README.txt").read_text(encoding="utf-8-sig")
    version = re.search(r"Version: (\S+)", readme).group(1)
    online = re.search(r"Online hub: (\S+)", readme).group(1)
    for rel, words in (("index.html", "Bản sao ngoại tuyến"), ("en/index.html", "Offline copy"),
                       ("prompts/index.html", "Bản sao ngoại tuyến"), ("en/use_cases/index.html", "Offline copy")):
        page.goto((bundle / rel).as_uri())
        notice = page.locator("aside.axt-copy")
        assert notice.is_visible(), rel
        text = notice.inner_text()
        assert words in text and version in text and online in text, text
        assert re.search(r"\d{2}/\d{2}/\d{4}|\d{1,2} [A-Z][a-z]+ \d{4}", text), text  # the build date
        # Above the header, and not hiding it.
        assert notice.bounding_box()["y"] < page.locator(".md-header").bounding_box()["y"]


def _exists(url: str) -> bool:
    from urllib.parse import unquote, urlsplit
    return Path(unquote(urlsplit(url).path)).is_file()


@pytest.mark.parametrize("lang, query", [("vi", "bao cao tuan"), ("en", "weekly report")])
def test_search_works_from_file_in_each_language(bundle, offline, lang, query):
    context, _ = offline
    page = context.new_page()
    root = bundle / "en" if lang == "en" else bundle
    page.goto((root / "guides" / "index.html").as_uri())
    page.focus("#axt-search-q")
    page.wait_for_selector("#axt-search[data-ready]")
    page.keyboard.type(query)
    page.wait_for_function("q => document.getElementById('axt-search-results').getAttribute('data-query') === q",
                           arg=query)
    links = page.eval_on_selector_all(".axt-search__item a", "links => links.map(a => a.href)")
    assert links, f"no result for {query!r}"
    for url in links:  # results are pages of this language, inside the copy
        assert url.startswith(root.as_uri() + "/") and _exists(url), url
        assert lang == "en" or "/en/" not in url[len(bundle.as_uri()):]
    page.locator(".axt-search__item a").first.click()
    page.wait_for_load_state()
    assert page.url == links[0].split("#")[0] and page.locator("article h1").count() == 1


def test_prompts_can_be_filled_in_and_copied_from_file(bundle, offline):
    context, _ = offline
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto((bundle / "prompts" / "index.html").as_uri())
    page.locator('article a[href$=".html"]:not([href*="index"])').first.click()
    page.wait_for_load_state()
    card = page.locator("[data-axt-prompt]:has(.axt-prompt__form)").first
    assert card.locator(".axt-prompt__form").is_visible()
    fields = card.locator(".axt-prompt__form input, .axt-prompt__form textarea")
    values = [f"Giá trị {n} ở Xứ Trà" for n in range(fields.count())]
    for field, value in zip(fields.all(), values):
        field.fill(value)
    card.locator(".axt-prompt__copy").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert all(value in copied for value in values) and "{{" not in copied
    assert copied == card.locator(".axt-prompt__text").inner_text()
