"""Search in built sites, in real Chromium: online over http and offline from file://.

A small fixture hub with words chosen for the cases that matter to Vietnamese readers:
"đường" and "dương" fold alike, Telex and VNI leftovers, decomposed (NFD) input, a word
only in a prompt's text, an untranslated item, a heading, a tag, a unit.
"""

from __future__ import annotations

import hashlib
import json
import textwrap
import unicodedata
from pathlib import Path

import pytest

from .browser import block_network, serve
from .fixtures.items import GUIDE_EN, GUIDE_VI
from .hubs import build_hub


def _digest(text: str) -> str:
    return hashlib.sha256(textwrap.dedent(text).lstrip().encode("utf-8")).hexdigest()[:8]


def _guide(title: str, summary: str, sectors: str, tags: str, body: str, unit: str = "ban-bien-tap") -> str:
    return f"""
---
title: "{title}"
summary: "{summary}"
sectors: {sectors}
audiences: [can-bo]
level: co-ban
tags: {tags}
unit: {unit}
authors: [{{role: "Biên tập viên"}}]
published: 2026-10-01
updated: 2026-10-01
license: CC-BY-4.0
---
{body}
"""


ROAD_VI = _guide("Tìm đường đến bộ phận một cửa", "Chỉ đường cho người dân đến làm thủ tục.",
                 "[chinh-quyen-xa]", "[chỉ đường]", "Lời mở đầu.\n\n## Bản đồ xã\n\nNội dung.\n")
ROAD_EN = """
---
translation_of: "{digest}"
title: "Finding the way to the one-stop desk"
summary: "Showing citizens the way to the desk."
---
Introduction.

## The commune map

Text.
"""
# Only in Vietnamese: the English site shows it as an untranslated page.
CALENDAR_VI = _guide("Dương lịch và âm lịch trong báo cáo", "Ghi ngày dương lịch cho đúng.",
                     "[noi-vu]", "[]", "Nội dung.\n")
DRAFTING_VI = _guide("Soạn thảo văn bản nhanh hơn", "Trí tuệ nhân tạo giúp soạn thảo bản nháp.",
                     "[noi-vu, van-phong-ubnd]", "[soạn thảo]", "Phần thân có từ riêng chỉthândài.\n",
                     unit="vi-du-xa-a")
DRAFTING_EN = """
---
translation_of: "{digest}"
title: "Drafting documents faster"
summary: "Artificial intelligence helps draft a first version."
---
Body text.
"""
PROMPTS_VI = """
---
title: "Câu lệnh mẫu rà soát hợp đồng"
summary: "Câu lệnh giúp đọc hợp đồng."
sectors: [tai-chinh]
audiences: [can-bo]
level: trung-cap
tags: []
unit: ban-bien-tap
authors: [{role: "Biên tập viên"}]
published: 2026-10-01
updated: 2026-10-01
license: CC-BY-4.0
prompts:
  - id: ra-soat
    task: "Rà soát điều khoản"
    text: |
      Bạn là chuyên viên pháp chế của {{ten_co_quan}}. Hãy liệt kê điều khoản khoán thầu cần xem lại.
    variables:
      - name: ten_co_quan
        label: {vi: "Tên cơ quan", en: "Agency name"}
        example: "UBND xã A"
    data_safety: an-danh-truoc
    tested_with:
      - {tool: chatgpt, date: "2026-10"}
    example_output: "1. Điều 3"
---
Giới thiệu ngắn.
"""
PROMPTS_EN = """
---
translation_of: "{digest}"
title: "Prompts for reviewing contracts"
summary: "Prompts that help read a contract."
prompts:
  - id: ra-soat
    task: "Review the clauses"
    text: |
      You are a legal officer of {{ten_co_quan}}. List the subcontracting clauses to check again.
    example_output: "1. Article 3"
---
Short introduction.
"""

HUB = {
    "guides/dao-duc.vi.md": GUIDE_VI,
    "guides/dao-duc.en.md": GUIDE_EN.replace("{digest}", _digest(GUIDE_VI)),
    "guides/tim-duong.vi.md": ROAD_VI,
    "guides/tim-duong.en.md": ROAD_EN.replace("{digest}", _digest(ROAD_VI)),
    "guides/duong-lich.vi.md": CALENDAR_VI,
    "guides/soan-thao.vi.md": DRAFTING_VI,
    "guides/soan-thao.en.md": DRAFTING_EN.replace("{digest}", _digest(DRAFTING_VI)),
    "prompts/ra-soat.vi.md": PROMPTS_VI,
    "prompts/ra-soat.en.md": PROMPTS_EN.replace("{digest}", _digest(PROMPTS_VI)),
}

BOX, RESULT = "#axt-search-q", ".axt-search__item"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_hub(tmp_path_factory.mktemp("search") / "hub", HUB)


def index_of(site: Path, lang: str) -> dict:
    script = (site / f"search/index.{lang}.js").read_text(encoding="utf-8")
    prefix, suffix = "axtSearch.load(JSON.parse('", "'));\n"
    literal = script[len(prefix):-len(suffix)]
    return json.loads(json.loads('"' + literal.replace("\\'", "'").replace('"', '\\"') + '"'))


# ---- What the build writes -----------------------------------------------------------

def test_each_language_has_its_own_index(site):
    vi, en = index_of(site, "vi"), index_of(site, "en")
    vi_urls = {d[0] for d in vi["docs"]}
    en_urls = {d[0] for d in en["docs"]}
    assert "guides/tim-duong.html" in vi_urls and all(not u.startswith("en/") for u in vi_urls)
    assert "en/guides/tim-duong.html" in en_urls and all(u.startswith("en/") for u in en_urls)
    titles = {d[1] for d in en["docs"]}
    assert "Finding the way to the one-stop desk" in titles and "Tìm đường đến bộ phận một cửa" not in titles
    assert all((site / url).is_file() for url in vi_urls | en_urls)
    # Pages marked `search: exclude: true` (Material's convention), such as the catalogue.
    assert (site / "catalogue.html").is_file() and "catalogue.html" not in vi_urls
    # The untranslated guide is on the English site in Vietnamese, and says so.
    calendar = next(d for d in en["docs"] if d[0] == "en/guides/duong-lich.html")
    assert calendar[1] == "Dương lịch và âm lịch trong báo cáo" and calendar[5] == 0


def test_indexed_fields_are_the_ones_results_need(site):
    vi = index_of(site, "vi")
    terms = set(vi["terms"].replace("|", " ").split(" "))
    # title, heading, tag, summary, prompt task and text, sector, unit
    assert {"đường", "bản", "đồ", "chỉ", "trí", "tuệ", "khoán", "thầu", "rà", "soát"} <= terms
    assert {"tài", "chính", "minh", "họa"} <= terms  # "Tài chính", "Xã A (đơn vị minh họa)"
    # Body text is left out: the index stays small.
    assert "chỉthândài" not in terms
    doc = next(d for d in vi["docs"] if d[0] == "guides/soan-thao.html")
    assert [vi["kinds"][doc[2]], [vi["sectors"][s] for s in doc[3]]] == ["Hướng dẫn", ["Nội vụ", "Văn phòng UBND tỉnh"]]


def test_search_box_is_in_the_header_bar_labelled_in_the_page_language(site):
    for rel, label in (("guides/dao-duc.html", "Tìm kiếm"), ("en/guides/dao-duc.html", "Search")):
        html = (site / rel).read_text(encoding="utf-8")
        header = html[html.index('<header class="md-header'):html.index("</header>")]
        bar = header[header.index('<nav class="md-header__inner'):]
        assert bar.index('<form class="axt-search"') < bar.index("</nav>")
        assert f'<label class="axt-search__label" for="axt-search-q">{label}</label>' in header
        assert "material/search" not in html and "search_index" not in html


def test_a_configuration_without_the_search_hook_still_builds(tmp_path):
    from aixutra.build import build_site

    from .hubs import make_hub
    hub = make_hub(tmp_path / "hub", {"guides/dao-duc.vi.md": GUIDE_VI})
    config = (hub / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - hooks/search.py\n" in config
    (hub / "mkdocs.yml").write_text(config.replace("  - hooks/search.py\n", ""), encoding="utf-8")
    result = build_site(hub, hub / "site")
    assert result.ok, result.messages
    assert 'class="axt-search"' not in (hub / "site/guides/dao-duc.html").read_text(encoding="utf-8")
    assert not (hub / "site/search").exists()


def test_lunr_comes_from_the_build_not_the_repository(site):
    from .hubs import ROOT
    assert (site / "assets/search/lunr.js").is_file()
    assert not list(ROOT.glob("overrides/**/lunr*.js")) and not list(ROOT.glob("aixutra/**/lunr*.js"))


# ---- In the browser --------------------------------------------------------------------

def results(page, query: str) -> list[dict]:
    """Type a query and read the results shown: [{href, kind, meta, title}]."""
    page.fill(BOX, query)
    page.wait_for_function("q => document.getElementById('axt-search-results').getAttribute('data-query') === q",
                           arg=query)
    return page.eval_on_selector_all(f"{RESULT} a", """links => links.map(a => ({
        href: a.getAttribute('href'), kind: a.querySelector('.axt-search__kind').textContent,
        meta: a.querySelector('.axt-search__meta').textContent,
        title: a.querySelector('.axt-search__title').textContent}))""")


def hrefs(found: list[dict]) -> list[str]:
    return [Path(r["href"]).name for r in found]


@pytest.fixture(params=["http", "file"])
def opened(request, site, browser):
    """A page opener for the site online (http://127.0.0.1) or offline (file://, no network)."""
    context = browser.new_context()
    with serve(site) as base:
        root = base if request.param == "http" else site.as_uri() + "/"
        blocked = block_network(context, (root,))
        requests: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        errors: list[str] = []

        def open_page(rel: str):
            page = context.new_page()
            # Material asks for sitemap.xml beside each page (a known 404, not the search's).
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("response", lambda r: r.status >= 400 and "sitemap.xml" not in r.url and errors.append(r.url))
            page.on("console", lambda m: m.type == "error" and "sitemap" not in m.text
                    and not m.text.startswith("Failed to load resource") and errors.append(m.text))
            page.goto(root + rel)
            return page

        open_page.root, open_page.requests, open_page.blocked, open_page.errors = root, requests, blocked, errors
        yield open_page
        context.close()
    assert blocked == [], f"requests outside the site: {blocked}"


def test_nothing_is_loaded_until_the_box_is_focused(opened):
    page = opened("guides/dao-duc.html")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    searching = lambda: sorted(u[len(opened.root):] for u in opened.requests  # noqa: E731
                               if u[len(opened.root):].startswith(("assets/search/", "search/")))
    assert searching() == []
    page.focus(BOX)
    page.wait_for_selector("#axt-search[data-ready]")
    loaded = searching()
    assert loaded == ["assets/search/lunr.js", "assets/search/search.css", "assets/search/search.js",
                      "search/index.vi.js"]
    assert opened.errors == []


@pytest.mark.parametrize("query", ["tri tue nhan tao", "trí tuệ nhân tạo", "TRÍ TUỆ",
                                   unicodedata.normalize("NFD", "trí tuệ nhân tạo"),
                                   "soanj thaor", "tri tue65", "sọan thảo"])
def test_vietnamese_with_or_without_marks_nfd_telex_and_vni(opened, query):
    page = opened("index.html")
    assert hrefs(results(page, query))[:1] == ["soan-thao.html"]


def test_d_with_stroke_folds_to_d(opened):
    page = opened("index.html")
    assert "dao-duc.html" in hrefs(results(page, "dao duc"))[:2]
    assert "dao-duc.html" in hrefs(results(page, "ddaoj dduwcs"))[:2]  # Telex: đ, ư and tone keys left in
    assert hrefs(results(page, "suc khoe cong dong"))[:1] == ["dao-duc.html"]  # a heading


def test_accented_query_ranks_the_exact_spelling_first(opened):
    page = opened("index.html")
    assert hrefs(results(page, "đường"))[:2] == ["tim-duong.html", "duong-lich.html"]
    assert hrefs(results(page, "dương"))[:2] == ["duong-lich.html", "tim-duong.html"]
    assert set(hrefs(results(page, "duong"))[:2]) == {"tim-duong.html", "duong-lich.html"}


def test_prompt_text_sector_unit_and_tag_are_searchable(opened):
    page = opened("index.html")
    assert hrefs(results(page, "khoan thau"))[:1] == ["ra-soat.html"]  # a prompt's text only
    sector = [r["href"] for r in results(page, "tài chính")]
    assert sector[0] == "sectors/tai-chinh.html" and "prompts/ra-soat.html" in sector  # the sector, its item
    assert "soan-thao.html" in hrefs(results(page, "minh hoa"))  # its unit, Xã A (đơn vị minh họa)
    assert hrefs(results(page, "chỉ đường"))[:1] == ["tim-duong.html"]  # a tag


def test_results_show_type_and_sector_and_mark_the_words(opened):
    page = opened("index.html")
    found = results(page, "soan thao")
    assert found[0]["kind"] == "Hướng dẫn" and "Nội vụ" in found[0]["meta"]
    assert page.inner_text(f"{RESULT} mark") in ("Soạn", "soạn")
    assert page.inner_text(".axt-search__status").startswith(f"{len(found)} kết quả")


def test_english_pages_search_english_only(opened):
    page = opened("en/guides/dao-duc.html")
    found = results(page, "drafting")
    assert [r["href"] for r in found][:1] == ["../../en/guides/soan-thao.html"]
    assert found[0]["kind"] == "Guide" and "Home Affairs" in found[0]["meta"]
    assert hrefs(results(page, "contract"))[:1] == ["ra-soat.html"]  # stemmed: contracts
    assert hrefs(results(page, "subcontracting clauses"))[:1] == ["ra-soat.html"]
    calendar = results(page, "duong lich")
    assert hrefs(calendar)[:1] == ["duong-lich.html"] and "in Vietnamese" in calendar[0]["meta"]
    assert not results(page, "soạn thảo")  # Vietnamese words are not in the English pages
    assert "No page" in page.inner_text(".axt-search__status")
    assert [u[len(opened.root):] for u in opened.requests if u.startswith(opened.root + "search/")] == [
        "search/index.en.js"]


def test_a_result_opens_its_page_by_keyboard(opened):
    page = opened("guides/tim-duong.html")
    results(page, "ra soat hop dong")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.axt-search__item') !== null")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "axt-search-q"
    assert page.is_hidden("#axt-search-results")
    page.fill(BOX, "")
    results(page, "ra soat hop dong")
    page.keyboard.press("Enter")
    page.wait_for_url("**/prompts/ra-soat.html")
    assert page.title().startswith("Câu lệnh mẫu rà soát hợp đồng")


def test_slash_focuses_the_box_and_missing_words_are_named(opened):
    page = opened("guides/tim-duong.html")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "axt-search-q"
    assert results(page, "zzqx") == []
    status = page.inner_text(".axt-search__status")
    assert "zzqx" in status and "Không tìm thấy" in status
    # Some of the words: the pages with the others, said so.
    found = results(page, "soạn thảo zzqx")
    assert hrefs(found)[:1] == ["soan-thao.html"] and "zzqx" in page.inner_text(".axt-search__status")


def test_a_missing_index_is_said_plainly(site, browser, tmp_path):
    import shutil
    copy = shutil.copytree(site, tmp_path / "site")
    (copy / "search/index.vi.js").unlink()
    page = browser.new_page()
    try:
        page.goto((copy / "index.html").as_uri())
        page.focus(BOX)
        page.wait_for_selector("#axt-search-results:not([hidden])")
        assert "Không tải được dữ liệu tìm kiếm" in page.inner_text("#axt-search-results")
    finally:
        page.close()


def test_phone_width_the_box_opens_over_the_header(site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(site.as_uri() + "/guides/dao-duc.html")
        box = page.locator(BOX)
        closed = box.bounding_box()
        assert closed["width"] <= 60 and closed["x"] + closed["width"] <= 360
        box.tap()
        found = results(page, "duong")
        assert len(found) == 2
        opened_box = box.bounding_box()
        assert opened_box["width"] > 250
        panel = page.locator("#axt-search-results").bounding_box()
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 360
        assert page.locator(f"{RESULT} a").first.bounding_box()["height"] >= 40  # a finger-sized target
        page.locator(".axt-search__close").tap()
        assert page.is_hidden("#axt-search-results")
    finally:
        context.close()


WEIGHTS_PAGE = """<!doctype html><meta charset="utf-8">
<form id="axt-search" data-base="." data-strings='{"loading": "", "none": "", "partial": "", "one": "",
 "many": "", "missing": "", "failed": "", "untranslated": ""}'><input name="q"><div id="axt-search-results"></div></form>
<script src="lunr.js"></script><script src="search.js"></script><script src="index.js"></script>"""


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_browser_weights_are_lunr_pythons(tmp_path, browser, lang):
    """search.js computes the weights from the packed counts: they must be those of lunr.py's index."""
    import shutil

    from aixutra.search import index
    from aixutra.search.documents import Doc
    from aixutra.search.hooks import copy_lunr

    from .hubs import ROOT

    text = ("Đường đi, đường dài; dương lịch. Nghị định 30/2020/NĐ-CP về văn bản, văn phong. "
            "Letters drafted, drafting letters for the commune's meetings.").split(". ")
    docs = [Doc(f"p{n}.html", sentence, "page", keywords=text[: n % 3], text=text[n % 2:])
            for n, sentence in enumerate(text * 3)]
    built = index.build(docs, lang)
    payload = index.pack(built, {k: k for k in ("guide", "prompts", "case", "page")}, {})
    (tmp_path / "index.js").write_text(index.script(payload), encoding="utf-8")
    copy_lunr(tmp_path / "lunr.js")
    shutil.copy(ROOT / "overrides/assets/search/search.js", tmp_path / "search.js")
    (tmp_path / "page.html").write_text(WEIGHTS_PAGE, encoding="utf-8")
    terms = payload["terms"].replace("|", " ").split(" ")
    page = browser.new_page()
    try:
        page.goto((tmp_path / "page.html").as_uri())
        got = page.evaluate("""terms => Object.entries(axtSearch.index(terms).fieldVectors).map(
            ([ref, v]) => [ref, v.elements])""", terms)
    finally:
        page.close()
    by_index = {p["_index"]: term for term, p in built.index.inverted_index.items()}
    expected = {}
    for ref, vector in built.index.field_vectors.items():
        elements = vector.serialize()
        if elements:
            expected[str(ref)] = {by_index[elements[i]]: elements[i + 1] for i in range(0, len(elements), 2)}
    got = {ref: {terms[el[i]]: el[i + 1] for i in range(0, len(el), 2)} for ref, el in got}
    assert len(expected) > 20
    assert got.keys() == expected.keys()
    for ref in expected:
        assert got[ref] == pytest.approx(expected[ref], abs=0.0011), ref


@pytest.mark.parametrize("mode", ["http", "file"])
def test_measure_reports_what_the_search_loads(site, browser, mode):
    """aixutra.search.measure (used by the benchmark): no timing asserted, only what it reports."""
    import gzip

    from aixutra.search.measure import OURS, measure

    lang = "en" if mode == "file" else "vi"
    queries = {"vi": ["soan thao", "dao duc", "khoan thau"], "en": ["drafting", "ethics", "contract"]}[lang]
    with serve(site) as base:
        report = measure(browser, site, queries, ui=OURS, base_url=base if mode == "http" else None,
                         page="index.html" if lang == "vi" else "en/index.html")
    files = ["assets/search/lunr.js", "assets/search/search.css", "assets/search/search.js", f"search/index.{lang}.js"]
    assert report["available"] and report["mode"] == mode and report["cpu_throttle"] == 4
    assert report["search_requests_before_focus"] == 0 and report["blocked_requests"] == []
    assert sorted(report["search_files"]) == files
    assert report["search_bytes_before_first_result"] == sum(
        len(gzip.compress((site / f).read_bytes(), compresslevel=6, mtime=0)) for f in files)
    assert report["first_result_ms"] > 0 and len(report["later_query_ms"]) == 2
