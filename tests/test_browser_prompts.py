"""Prompt cards, checklists and catalogue filters in real headless Chromium, online and from file://."""

from __future__ import annotations

import contextlib
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from .browser import block_network, serve

FILLED = "Bạn là chuyên viên của UBND xã Thử.\nHãy soạn công văn trả lời về: Sửa đường thôn 3\nGiữ văn phong hành chính."
# Hides the asynchronous clipboard (as old browsers and some file:// pages have it) but keeps
# a handle on it, so the test can read what the fallback really put on the clipboard.
NO_CLIPBOARD_API = """
window.__clipboard = navigator.clipboard;
Object.defineProperty(Navigator.prototype, "clipboard", {get: function () { return undefined; }});
"""


@pytest.fixture(scope="module")
def site(pages_site) -> Path:
    return pages_site


@contextlib.contextmanager
def opened(browser, site: Path, how: str, **options):
    """A browser context on the site over http (127.0.0.1) or from file://, other requests blocked."""
    with contextlib.ExitStack() as stack:
        base = stack.enter_context(serve(site)) if how == "http" else site.as_uri() + "/"
        context = browser.new_context(**options)
        stack.callback(context.close)
        blocked = block_network(context, (base,) if how == "http" else ("file://",))
        errors: list[str] = []
        context.on("weberror", lambda e: errors.append(str(e.error)))
        yield context, base
        assert blocked == [] and errors == []


def fill_first_card(page):
    card = page.locator("[data-axt-prompt]").first
    card.locator("input[name=ten_co_quan]").fill("UBND xã Thử")
    card.locator("input[name=noi_dung]").fill("Sửa đường thôn 3")
    return card


def test_variable_form_fills_the_prompt_and_copy_puts_it_on_the_clipboard(browser, site):
    with opened(browser, site, "http") as (context, base):
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
        page = context.new_page()
        page.goto(base + "prompts/soan-van-ban.html")
        card = page.locator("[data-axt-prompt]").first
        assert card.locator(".axt-prompt__form").is_visible()
        assert not card.locator("[data-axt-nojs]").is_visible()  # the form replaces the plain list
        card.locator("input[name=ten_co_quan]").fill("UBND xã Thử")
        # The prompt fills in as one types; an empty box keeps its slot.
        assert card.locator(".axt-prompt__text").inner_text().startswith("Bạn là chuyên viên của UBND xã Thử.")
        assert "{{noi_dung}}" in card.locator(".axt-prompt__text").inner_text()
        card.locator("input[name=noi_dung]").fill("Sửa đường thôn 3")
        card.locator(".axt-prompt__copy").click()
        assert card.locator(".axt-prompt__status").inner_text() == "Đã sao chép. Hãy dán vào công cụ AI."
        assert page.evaluate("navigator.clipboard.readText()") == FILLED


@pytest.mark.parametrize("lang, status", [("vi", "Đã sao chép"), ("en", "Copied")])
def test_copy_from_file_without_the_clipboard_api(browser, site, lang, status):
    with opened(browser, site, "file") as (context, base):
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        context.add_init_script(NO_CLIPBOARD_API)
        page = context.new_page()
        page.goto(base + ("en/" if lang == "en" else "") + "prompts/soan-van-ban.html")
        assert page.evaluate("navigator.clipboard") is None
        card = fill_first_card(page)
        card.locator(".axt-prompt__copy").click()
        assert card.locator(".axt-prompt__status").inner_text().startswith(status)
        expected = FILLED if lang == "vi" else \
            "You are an officer of UBND xã Thử.\nDraft a reply about: Sửa đường thôn 3\nKeep an administrative style."
        assert page.evaluate("window.__clipboard.readText()") == expected


def test_when_copying_fails_the_prompt_is_selected_for_the_reader(browser, site):
    with opened(browser, site, "file") as (context, base):
        context.add_init_script(NO_CLIPBOARD_API + "document.execCommand = function () { return false; };")
        page = context.new_page()
        page.goto(base + "prompts/soan-van-ban.html")
        card = fill_first_card(page)
        card.locator(".axt-prompt__copy").click()
        assert "Ctrl+C" in card.locator(".axt-prompt__status").inner_text()
        assert page.evaluate("String(window.getSelection())") == FILLED


def test_open_in_links_only_online_and_only_where_allowed(browser, site):
    with opened(browser, site, "http") as (context, base):
        page = context.new_page()
        page.goto(base + "prompts/soan-van-ban.html")
        first, secret = page.locator("[data-axt-prompt]").nth(0), page.locator("[data-axt-prompt]").nth(1)
        fill_first_card(page)
        link = first.locator(".axt-prompt__open")
        assert link.count() == 1 and link.is_visible() and link.inner_text() == "Mở trong ChatGPT"
        href = link.get_attribute("href")
        assert href.startswith("https://chatgpt.com/?q=") and unquote(href.split("?q=", 1)[1]) == FILLED
        assert secret.locator(".axt-prompt__open").count() == 0  # never with a public tool
        context.set_offline(True)
        expect(link).to_be_hidden()
        context.set_offline(False)
        expect(link).to_be_visible()
    with opened(browser, site, "file") as (context, base):
        page = context.new_page()
        page.goto(base + "prompts/soan-van-ban.html")
        assert page.locator(".axt-prompt__open").count() == 1
        assert not page.locator(".axt-prompt__open").is_visible()  # an offline copy never links out


def test_without_javascript_prompts_and_catalogue_still_work(browser, site):
    with opened(browser, site, "file", java_script_enabled=False) as (context, base):
        page = context.new_page()
        page.goto(base + "prompts/soan-van-ban.html")
        card = page.locator("[data-axt-prompt]").first
        text = card.locator(".axt-prompt__text")
        assert text.is_visible() and "Bạn là chuyên viên của {{ten_co_quan}}." in text.inner_text()
        assert card.locator("[data-axt-nojs]").is_visible() and "Tên cơ quan" in card.locator("[data-axt-nojs]").inner_text()
        assert not card.locator(".axt-prompt__form").is_visible()
        assert not card.locator(".axt-prompt__copy").is_visible()
        assert page.evaluate("getComputedStyle(document.querySelector('.axt-prompt__text')).userSelect") != "none"
        page.goto(base + "catalogue.html?sector=che")
        assert page.locator(".axt-catalogue__list > li:visible").count() == 8  # the plain list, unfiltered
        assert not page.locator(".axt-filters").is_visible()


def visible_items(page) -> list[str]:
    return page.eval_on_selector_all(".axt-catalogue__list > li:not([hidden]) > a",
                                     "links => links.map(a => a.getAttribute('href').replace('.html', ''))")


@pytest.mark.parametrize("how", ["http", "file"])
def test_catalogue_filters(browser, site, how):
    with opened(browser, site, how) as (context, base):
        page = context.new_page()
        # A sector page's link opens the catalogue filtered on that sector.
        page.goto(base + "catalogue.html?sector=chinh-quyen-xa")
        assert page.locator("select[name=sector]").input_value() == "chinh-quyen-xa"
        assert len(visible_items(page)) == 5
        assert page.locator(".axt-filters__status").inner_text() == "Đang hiện 5 trên 8 mục"
        page.select_option("select[name=type]", "case")
        assert sorted(visible_items(page)) == ["use_cases/bao-cao-phuong-c", "use_cases/bao-cao-xa-a",
                                               "use_cases/bao-cao-xa-thu"]
        assert "type=case" in page.url and "sector=chinh-quyen-xa" in page.url  # shareable
        assert not page.locator('[data-group="guide"]').is_visible()  # empty groups go
        # Words without diacritics find titles with them.
        page.select_option("select[name=type]", "")
        page.fill(".axt-filters input[name=words]", "bao cao XA A")
        assert visible_items(page) == ["use_cases/bao-cao-xa-a"]
        page.fill(".axt-filters input[name=words]", "")
        page.select_option("select[name=sector]", "")
        page.select_option("select[name=safety]", "khong-dung-ai-cong-cong")
        assert visible_items(page) == ["prompts/soan-van-ban"]
        page.select_option("select[name=safety]", "")
        page.select_option("select[name=level]", "trung-cap")
        page.select_option("select[name=tool]", "chatgpt")
        assert visible_items(page) == [] and page.locator(".axt-catalogue__empty").is_visible()
        page.locator(".axt-filters button[type=reset]").click()
        expect(page.locator(".axt-catalogue__list > li:visible")).to_have_count(8)
        assert not page.locator(".axt-catalogue__empty").is_visible()

        page.goto(base + "en/catalogue.html?type=guide&audience=doanh-nghiep")
        assert visible_items(page) == ["guides/khuyen-nong"]
        assert page.locator(".axt-filters__status").inner_text() == "Showing 1 of 8 items"


def test_checklist_prints_on_its_own(browser, site):
    with opened(browser, site, "file") as (context, base):
        # Record what would go to the printer instead of opening the print dialog.
        context.add_init_script("window.print = function () {"
                                " var copy = document.getElementById('axt-print-only');"
                                " window.__printed = copy ? copy.innerText : null;"
                                " window.__printing = document.documentElement.className; };")
        page = context.new_page()
        page.goto(base + "use_cases/bao-cao-xa-a.html")
        button = page.locator(".axt-checklist__print")
        assert button.is_visible() and button.inner_text() == "In danh sách này"
        button.click()
        printed = page.evaluate("window.__printed")
        assert "Báo cáo tuần của Xã A" in printed and "Máy tính có Internet" in printed
        assert "Đối chiếu từng con số." in printed and "Vấn đề" not in printed
        assert "axt-printing" in page.evaluate("window.__printing")
        expect(page.locator("#axt-print-only")).to_have_count(0)
        assert "axt-printing" not in page.evaluate("document.documentElement.className")
