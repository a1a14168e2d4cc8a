"""Printing, checked in Chromium with print media: only the page's content goes on paper,
links are text with outside addresses written out, and headings stay with what follows."""

from __future__ import annotations

import re
import zipfile

import pytest
import yaml

from aixutra.model import Hub
from aixutra.pages import handouts
from aixutra.pages.handouts import replication_steps
from aixutra.pages.index import Index

from .browser import block_network, serve
from .hubs import ONLINE, make_hub


@pytest.fixture(scope="module")
def hub(offline_hub):
    """The offline fixture hub, its zip unpacked into copy/."""
    if not (offline_hub / "copy").exists():
        [archive] = (offline_hub / "dist").glob("*.zip")
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(offline_hub / "copy")
    return offline_hub


@pytest.fixture(scope="module")
def online(hub):
    with serve(hub / "site") as base:
        yield base


@pytest.fixture
def page(browser, online):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked = block_network(context, (online, "file://"))
    page = context.new_page()
    yield page
    context.close()
    assert blocked == []


def shown(page, selector: str) -> bool:
    """Whether any element matching selector would be drawn (print media has no viewport test)."""
    return page.evaluate("""s => [...document.querySelectorAll(s)].some(e => {
        for (let n = e; n; n = n.parentElement) if (getComputedStyle(n).display === "none") return false;
        return true; })""", selector)


def after(page, selector: str) -> str:
    return page.eval_on_selector(selector, "e => getComputedStyle(e, '::after').content")


def test_print_keeps_only_the_page_content(page, online):
    page.goto(online + "prompts/che-htx.html")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".md-select", "[role=search]", ".md-content__button", ".md-top"):
        if page.locator(chrome).count():
            assert shown(page, chrome), f"{chrome} is not on the screen page"
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".md-select", "[role=search]", ".md-content__button", ".md-top", ".md-typeset .headerlink",
                   ".md-typeset button"):
        assert not shown(page, chrome), f"{chrome} is printed"
    assert shown(page, "article h1") and shown(page, "article p")
    # The online site is not a copy: no offline notice, on screen or on paper.
    assert not shown(page, ".axt-copy")


def test_links_print_as_text_with_outside_addresses_written_out(page, online):
    page.goto(online + "prompts/che-htx.html")
    page.emulate_media(media="print")
    outside = 'article a[href="https://example.org/nghi-dinh-13"]'
    assert after(page, outside) == '" (https://example.org/nghi-dinh-13)"'
    text_colour = page.eval_on_selector("article p", "e => getComputedStyle(e).color")
    assert page.eval_on_selector(outside, "e => getComputedStyle(e).color") == text_colour
    # A link inside the hub prints as its text alone.
    page.goto(online + "guides/index.html")
    page.emulate_media(media="print")
    inside = 'article a[href$="guides/dao-duc.html"], article a[href="dao-duc.html"]'
    assert after(page, inside) in ("none", "normal")
    style = page.eval_on_selector(inside, "e => [getComputedStyle(e).color, getComputedStyle(e).textDecorationLine]")
    assert style == [page.eval_on_selector("article p", "e => getComputedStyle(e).color"), "none"]
    # On screen, links look like links and carry no address.
    page.emulate_media(media="screen")
    assert after(page, inside) in ("none", "normal")


def test_page_breaks_keep_headings_with_their_text(page, online):
    page.goto(online + "use_cases/mo-ta-che-a.html")
    page.emulate_media(media="print")
    assert page.eval_on_selector("article h2", "e => getComputedStyle(e).breakAfter") == "avoid"
    assert page.eval_on_selector("article ol li", "e => getComputedStyle(e).breakInside") == "avoid"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type/Page") >= 1


def test_a_page_printed_from_the_offline_copy_says_where_it_comes_from(browser, hub):
    context = browser.new_context()
    blocked = block_network(context, ("file://",))
    page = context.new_page()
    page.goto((hub / "copy" / "guides" / "dao-duc.html").as_uri())
    page.emulate_media(media="print")
    assert shown(page, ".axt-copy") and not shown(page, ".md-header")
    notice = page.locator(".axt-copy").inner_text()
    assert "Bản sao ngoại tuyến" in notice and ONLINE in notice
    context.close()
    assert blocked == []


# Sector handouts: handouts/<sector>.html, one page per sector for meetings on paper.

def article(hub, rel: str) -> str:
    html = (hub / "site" / rel).read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def test_every_sector_has_a_handout_listed_on_the_handouts_index(hub):
    sectors = yaml.safe_load((hub / "data" / "sectors.yml").read_text(encoding="utf-8"))
    for lang, prefix in (("vi", ""), ("en", "en/")):
        index = article(hub, f"{prefix}handouts/index.html")
        for sector in sectors:
            assert (hub / "site" / prefix / "handouts" / f"{sector['id']}.html").is_file()
            assert f'href="{sector["id"]}.html"' in index
        assert ("2 câu lệnh, 2 mô hình" if lang == "vi" else "2 prompts, 2 models") in index


def test_a_handout_holds_the_sectors_prompts_ready_to_fill_in_by_hand(hub):
    vi = article(hub, "handouts/che.html")
    assert "Tài liệu in: Ngành chè" in vi
    # The prompt reads as text, each variable shown by its label, then a blank per variable.
    assert "Bạn là người bán hàng của [Tên hợp tác xã]. Hãy viết mô tả ngắn, trung thực cho sản phẩm [Sản phẩm]." in vi
    assert "{{ten_htx}}" not in vi
    assert re.search(r'<strong>Tên hợp tác xã</strong>: <span class="axt-blank"></span> \(ví dụ: HTX chè A\)', vi)
    assert "Dữ liệu công khai" in vi and "Ẩn danh trước khi dùng" in vi and "ChatGPT (10/2026)" in vi
    en = article(hub, "en/handouts/che.html")
    assert "You sell for [Cooperative name]. Write a short, honest description of [Product]." in en
    assert "Public data" in en and "Anonymise first" in en and "ChatGPT (October 2026)" in en
    # Another sector's handout does not carry the tea prompts.
    assert "[Tên hợp tác xã]" not in article(hub, "handouts/y-te.html")


def test_a_handout_ranks_the_models_with_results_and_replication_steps(hub):
    vi = article(hub, "handouts/che.html")
    first, second = vi.index("HTX chè A viết mô tả sản phẩm bằng AI"), vi.index("HTX chè B làm theo HTX chè A")
    assert first < second  # replicated by another unit: first
    model = vi[first:second]
    assert "1 đơn vị đã làm theo" in model
    assert re.search(r"<td>Thời gian viết một mô tả sản phẩm</td>\s*<td>60 phút</td>\s*<td>20 phút</td>", model)
    assert "40 phút (một mô tả sản phẩm)" in model and "0 đ (Bản miễn phí)" in model
    assert "<li>Điện thoại có Internet</li>" in model
    assert "<li>Dùng câu lệnh <strong>mô tả sản phẩm</strong> và sửa lại từng câu trước khi đăng.</li>" in model
    en = article(hub, "en/handouts/che.html")
    assert "<li>Choose one member to run the online shop.</li>" in en
    # An untranslated case keeps its Vietnamese steps, marked as Vietnamese.
    assert '<div class="axt-handout-steps" lang="vi">' in en and "Học từ HTX chè A." in en


def test_replication_steps_are_sanitised_like_contributed_pages(tmp_path):
    body = ("## Cách nhân rộng\n\n1. Bước <script>alert(1)</script> một\n"
            "2. <img src=x onerror=alert(2)> [Xem](javascript:alert(3)) [trang](../guides/x.md)\n\n## Khác\n\nKhông lấy.\n")
    hub = make_hub(tmp_path / "hub", {"use_cases/x.vi.md": "---\ntitle: X\n---\n" + body})
    case = Hub.load(hub).items["use_cases/x"]
    steps = replication_steps(case, "vi")
    assert "<script" not in steps and "onerror" not in steps and "javascript:" not in steps
    assert "<li>Bước  một</li>" in steps and "Không lấy" not in steps
    assert "trang" in steps and "../guides/x.md" not in steps  # a link inside the hub is text on paper


def test_a_handout_prints_prompts_first_and_models_on_a_new_sheet(page, online):
    page.goto(online + "handouts/che.html")
    assert shown(page, ".axt-no-print")  # the "press Ctrl+P" hint, on screen only
    page.emulate_media(media="print")
    assert not shown(page, ".axt-no-print")
    assert page.eval_on_selector("#models", "e => getComputedStyle(e).breakBefore") == "page"
    prompt = ".axt-handout-prompt code"
    assert page.eval_on_selector(prompt, "e => getComputedStyle(e).whiteSpace") == "pre-wrap"
    assert page.eval_on_selector(".axt-handout-prompt pre", "e => getComputedStyle(e).breakInside") in ("avoid", "avoid-page")
    assert page.pdf(format="A4").startswith(b"%PDF-")


def test_a_long_handout_is_capped_and_sends_readers_to_the_sector_page(hub, monkeypatch):
    monkeypatch.setattr(handouts, "MAX_PROMPTS", 1)
    monkeypatch.setattr(handouts, "MAX_MODELS", 1)
    text = handouts.handout_pages(Index.of(Hub.load(hub)), "vi")["handouts/che.vi.md"]
    assert "Viết mô tả sản phẩm chè đặc sản" in text and "Trả lời khách hỏi giá" not in text
    assert "Tài liệu này in 1 trong số 2 câu lệnh mẫu" in text
    assert "HTX chè A viết mô tả" in text and "HTX chè B làm theo" not in text  # the most replicated stays
    assert "Tài liệu này in 1 mô hình đứng đầu trong số 2" in text
    assert text.count("(../sectors/che.md)") == 2
