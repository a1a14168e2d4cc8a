"""Item pages of the fixture hub: case summaries, replication both ways, checklists, prompt cards, footers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .test_pages import article, hrefs, read, text

EDIT = "https://github.com/ai-xu-tra/hub/edit/main/"


@pytest.fixture(scope="module")
def site(pages_site) -> Path:
    return pages_site


def part(fragment: str, start: str, end: str) -> str:
    i = fragment.index(start)
    return fragment[i:fragment.index(end, i)]


def test_case_summary_box_comes_first(site):
    vi = article(site, "use_cases/bao-cao-xa-a.html")
    # The illustrative notice (once, from aixutra/site/notices.py), then the box, then the body.
    assert vi.count("axt-notice--illustrative") == 1
    assert vi.index("axt-notice--illustrative") < vi.index('class="axt-summary"') < vi.index('id="van-de"')
    box = text(part(vi, '<aside class="axt-summary"', "</aside>"))
    for fact in ("Đơn vị Xã A (đơn vị minh họa)", "Lĩnh vực Chính quyền xã, phường", "Giai đoạn Đã đánh giá",
                 "Công cụ AI ChatGPT", "Thời gian tiết kiệm 110 phút (một báo cáo tuần)",
                 "Chi phí 150.000 đ mỗi tháng. Gói trả phí",
                 "Thời gian soạn báo cáo 3 tháng · Minh chứng: Sổ theo dõi 180 phút 70 phút −61%",
                 "Số lần bị trả lại 3 tháng · Minh chứng: Sổ theo dõi 6 lần 2 lần −67%"):
        assert fact in box, fact
    links = hrefs(part(vi, '<aside class="axt-summary"', "</aside>"))
    assert {"../units/vi-du-xa-a.html", "../sectors/chinh-quyen-xa.html", "../tools/chatgpt.html"} <= set(links)

    en = text(part(article(site, "en/use_cases/bao-cao-xa-a.html"), '<aside class="axt-summary"', "</aside>"))
    for fact in ("Unit Commune A (illustrative unit)", "Stage Evaluated", "Time saved 110 minutes (one weekly report)",
                 "Cost 150,000 VND a month. Paid plan", "Time to draft the report 3 months · Evidence: Log book "
                 "180 minutes 70 minutes −61%"):
        assert fact in en, fact


def test_replication_links_both_ways_with_dates(site):
    original = part(article(site, "use_cases/bao-cao-xa-a.html"), '<aside class="axt-summary"', "</aside>")
    replicas = part(original, 'class="axt-replicas"', "</ul>")
    assert re.search(r'href="\.\./units/xa-thu-nghiem-1\.html">Xã Thử Nghiệm Một</a>: <a href="bao-cao-xa-thu\.html">'
                     r'[^<]+</a>, <time datetime="2026-10-12">12/10/2026</time>', replicas)
    assert re.search(r'Phường C \(đơn vị minh họa\)</a>: <a href="bao-cao-phuong-c\.html">[^<]+</a>, '
                     r'<time datetime="2026-11-02">02/11/2026</time>', replicas)
    assert replicas.index("bao-cao-xa-thu") < replicas.index("bao-cao-phuong-c")  # oldest replication first

    copy = text(part(article(site, "use_cases/bao-cao-xa-thu.html"), '<aside class="axt-summary"', "</aside>"))
    assert "Làm theo mô hình Báo cáo tuần của Xã A · Xã A (đơn vị minh họa), 12/10/2026" in copy
    assert "Chưa có đơn vị nào báo đã làm theo" in copy
    assert 'href="bao-cao-xa-a.html"' in article(site, "use_cases/bao-cao-xa-thu.html")

    en_copy = text(part(article(site, "en/use_cases/bao-cao-xa-thu.html"), '<aside class="axt-summary"', "</aside>"))
    assert "Replicated from Commune A's weekly report · Commune A (illustrative unit), 12 October 2026" in en_copy
    en_original = text(part(article(site, "en/use_cases/bao-cao-xa-a.html"), 'class="axt-replicas"', "</ul>"))
    assert "Test Commune One: Xã Thử Nghiệm Một làm theo Xã A, 12 October 2026" in en_original


def test_how_to_replicate_is_a_printable_checklist(site):
    for rel, heading, before, steps in (
            ("use_cases/bao-cao-xa-a.html", 'id="cach-nhan-rong"', "Máy tính có Internet", "Xin ý kiến lãnh đạo."),
            ("en/use_cases/bao-cao-xa-a.html", 'id="how-to-replicate"', "A computer with Internet", "Ask the leadership."),
            ("en/use_cases/bao-cao-xa-thu.html", 'id="cach-nhan-rong"', "Máy tính có Internet", "Xin ý kiến lãnh đạo.")):
        page = article(site, rel)
        checklist = part(page, '<section class="axt-checklist"', "</section>")
        assert heading in checklist, rel
        assert re.search(r'<p class="axt-checklist__actions"[^>]*hidden><button type="button" '
                         r'class="md-button axt-checklist__print" data-axt-print>', checklist)
        prerequisites = part(checklist, 'class="axt-checklist__before"', "</ul>")
        assert prerequisites.count("<li>") == 2 and before in prerequisites
        ol = part(checklist, '<ol class="axt-checklist__steps"', "</ol>")
        assert ol.count("<li>") == 3 and steps in ol
    # On an untranslated page the labels speak English, the steps keep their Vietnamese.
    fallback = part(article(site, "en/use_cases/bao-cao-xa-thu.html"), '<section class="axt-checklist"', "</section>")
    assert '<p class="axt-checklist__label" lang="en">Before you start</p>' in fallback


def test_illustrative_notice_only_on_illustrative_cases(site):
    assert "axt-notice--illustrative" not in article(site, "use_cases/bao-cao-xa-thu.html")
    assert article(site, "en/use_cases/bao-cao-phuong-c.html").count("axt-notice--illustrative") == 1


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_prompt_cards(site, lang):
    page = article(site, ("en/" if lang == "en" else "") + "prompts/soan-van-ban.html")
    cards = re.findall(r'<section class="axt-prompt" [^>]*data-axt-prompt>(.*?)</section>', page, re.S)
    assert len(cards) == 2
    first, secret = cards
    # Readable and selectable without JavaScript: the text with its slots, and what each slot wants.
    pre = part(first, '<pre class="axt-prompt__text"', "</pre>")
    assert '<mark class="axt-slot" data-slot="ten_co_quan">{{ten_co_quan}}</mark>' in pre
    slots = part(first, "data-axt-nojs", "</div>")
    assert "<code>{{noi_dung}}</code>" in slots
    assert re.search(r'<form class="axt-prompt__form" hidden>', first)
    assert re.search(r'<div class="axt-prompt__actions" hidden>\s*<button type="button" class="[^"]*axt-prompt__copy"', first)
    # Data safety as a label that says what it means; tools tested, with month.
    if lang == "vi":
        assert "An toàn dữ liệu: Ẩn danh trước khi dùng." in text(first) and "Xóa tên, địa chỉ" in first
        assert "Đã thử với: ChatGPT (10/2026), Gemini (11/2026)" in text(first)
        assert "Bạn là chuyên viên của" in pre and "Tên cơ quan" in first
        assert "CÔNG VĂN TRẢ LỜI" in part(first, "<details", "</details>")
    else:
        assert "Data safety: Anonymise first." in text(first)
        assert "Tested with: ChatGPT (October 2026), Gemini (November 2026)" in text(first)
        assert 'lang="en"' in pre and "You are an officer of" in pre and "Agency name" in first
        assert "REPLY LETTER" in part(first, "<details", "</details>")
        # The second prompt has no English yet: it says so and keeps its language.
        assert '<pre class="axt-prompt__text" lang="vi"' in secret and "not translated yet" in secret
    # "Open in" only for tools that take a prompt in a link (ChatGPT, not Gemini) ...
    opens = re.findall(r'<a class="md-button axt-prompt__open" hidden data-open="([^"]+)"', first)
    assert opens == ["https://chatgpt.com/?q={prompt}"]
    # ... and never for data that must not go into a public tool.
    assert "axt-safety--khong-dung-ai-cong-cong" in secret and "axt-prompt__open" not in secret
    assert "axt-prompt__form" not in secret  # no variables, no form


def test_prompts_are_in_the_page_contents(site):
    page = read(site, "prompts/soan-van-ban.html")
    toc = page[page.index('class="md-nav md-nav--secondary"'):]
    toc = toc[:toc.index("</nav>")]
    assert in_toc(toc, "#axt-prompts", "Các câu lệnh") and in_toc(toc, "#soan-cong-van", "Soạn công văn trả lời")
    assert in_toc(toc, "#bi-mat", "Ví dụ không được làm")


def in_toc(toc: str, anchor: str, title: str) -> bool:
    return re.search(rf'href="{re.escape(anchor)}"[^>]*>\s*(?:<span[^>]*>\s*)?{re.escape(title)}', toc) is not None


def test_markup_in_prompts_stays_text(site):
    page = article(site, "prompts/ky-tu-la.html")
    card = part(page, '<section class="axt-prompt"', "</section>")
    assert "Việc &lt;b&gt;đậm&lt;/b&gt; &amp; &#34;ngoặc&#34;" in card
    assert "Văn bản &lt;/pre&gt;&lt;b&gt;đậm&lt;/b&gt; <mark" in card
    assert 'placeholder="ví dụ: &#34;&gt;&lt;b&gt;x&lt;/b&gt;"' in card
    assert "&lt;i&gt;kết quả&lt;/i&gt; &amp; xong" in card
    assert "<b>" not in card and "<i>" not in card
    # The contents entry of the task is escaped too.
    assert "Việc &lt;b&gt;đậm&lt;/b&gt;" in read(site, "prompts/ky-tu-la.html").split('md-nav--secondary')[1]


@pytest.mark.parametrize("rel, facts", [
    ("guides/dung-ai.html", ["Đơn vị đóng góp Ban biên tập AI Xứ Trà", "Cập nhật 01/11/2026", "Giấy phép CC BY 4.0",
                             "Bản tiếng Anh đã dịch", "Trình độ: Cơ bản",
                             "Sửa trang này tệp nguồn: guides/dung-ai.vi.md"]),
    ("en/guides/dung-ai.html", ["Contributed by AI Xứ Trà editorial team", "Last updated 1 November 2026",
                                "Translation translated from the Vietnamese original",
                                "Edit this page source file: guides/dung-ai.en.md"]),
    ("en/prompts/soan-van-ban.html", ["Licence CC0 1.0", "Translation out of date",
                                      "Edit this page source file: prompts/soan-van-ban.en.md"]),
    ("guides/khuyen-nong.html", ["Đơn vị đóng góp Xã Thử Nghiệm Hai", "Giấy phép CC BY-SA 4.0", "Bản tiếng Anh chưa dịch"]),
    # An untranslated page shows the Vietnamese file: its edit link opens that file.
    ("en/guides/khuyen-nong.html", ["Contributed by Test Commune Two", "Translation not translated yet",
                                    "Edit this page source file: guides/khuyen-nong.vi.md"]),
    ("use_cases/bao-cao-xa-thu.html", ["Đơn vị đóng góp Xã Thử Nghiệm Một", "Cập nhật 15/11/2026"]),
])
def test_every_item_page_has_its_footer(site, rel, facts):
    footer = part(article(site, rel), '<footer class="axt-item-footer">', "</footer>")
    for fact in facts:
        assert fact in text(footer), fact
    source = re.search(r"source file: (\S+)|tệp nguồn: (\S+)", text(footer))
    if source:
        path = source.group(1) or source.group(2)
        assert f'href="{EDIT}{path}"' in footer
        assert (site.parent / path).is_file()  # the real file, at the repository root
        # Material's edit button (page.edit_url) opens the same file.
        assert re.search(rf'<a href="{re.escape(EDIT + path)}" [^>]*class="md-content__button', read(site, rel))
    assert any(h.startswith("../units/") for h in hrefs(footer))
    assert 'rel="license"' in footer


def test_related_items_both_ways(site):
    guide = part(article(site, "guides/dung-ai.html"), 'id="axt-related"', "</ul>")
    assert 'href="../prompts/soan-van-ban.html"' in guide
    prompts = part(article(site, "en/prompts/soan-van-ban.html"), 'id="axt-related"', "</ul>")
    assert "Using AI safely in a commune</a> · Guide" in prompts


def test_edit_links_open_the_real_source(site):
    def edit_links(rel):
        return {h for h in hrefs(read(site, rel)) if h.startswith(EDIT)}

    assert edit_links("index.html") == {EDIT + "docs/index.vi.md"}
    assert edit_links("en/index.html") == {EDIT + "docs/index.en.md"}
    assert edit_links("en/gioi-thieu.html") == {EDIT + "docs/gioi-thieu.vi.md"}  # no English file yet
    assert edit_links("use_cases/bao-cao-xa-a.html") == {EDIT + "use_cases/bao-cao-xa-a.vi.md"}
    for generated in ("sectors/index.html", "en/sectors/che.html", "catalogue.html", "coverage.html",
                      "units/vi-du-xa-a.html", "guides/index.html", "en/prompts/index.html"):
        assert edit_links(generated) == set(), generated
