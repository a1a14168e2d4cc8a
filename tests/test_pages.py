"""Generated pages of a fixture hub (tests/fixtures/pages.py), in both languages, and the open data."""

from __future__ import annotations

import csv
import html as html_lib
import io
import json
import re
from pathlib import Path

import pytest

from aixutra import pages
from aixutra.model import Hub
from aixutra.pages import export
from aixutra.pages.index import Index

from .fixtures import pages as fixture
from .linkcheck import broken_links

ITEMS = ("guides/dung-ai", "guides/khuyen-nong", "prompts/soan-van-ban", "prompts/ky-tu-la",
         "use_cases/bao-cao-xa-a", "use_cases/bao-cao-xa-thu", "use_cases/bao-cao-phuong-c",
         "use_cases/y-te-tram")
PREFIX = {"vi": "", "en": "en/"}


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def article(site: Path, rel: str) -> str:
    page = read(site, rel)
    return page[page.index("<article"):page.index("</article>")]


INLINE = r"</?(?:a|strong|em|span|code|time|small|mark|b|i)\b[^>]*>"


def text(fragment: str) -> str:
    """Visible text, tags dropped (inline ones without a space), whitespace collapsed."""
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    fragment = re.sub(r"<[^>]+>", " ", re.sub(INLINE, "", fragment))
    return re.sub(r"\s+", " ", html_lib.unescape(fragment)).strip()


def hrefs(fragment: str) -> list[str]:
    return [html_lib.unescape(h) for h in re.findall(r'<a\s[^>]*href="([^"]*)"', fragment)]


def item_links(fragment: str) -> set[str]:
    """Items a fragment links to, as collection/slug."""
    return {m for h in hrefs(fragment) for m in re.findall(r"((?:guides|prompts|use_cases)/[a-z0-9-]+)\.html$", h)
            if not m.endswith("/index")}


def in_order(haystack: str, *needles: str) -> bool:
    positions = [haystack.find(n) for n in needles]
    return all(p >= 0 for p in positions) and positions == sorted(positions)


@pytest.fixture(scope="module")
def site(pages_site) -> Path:
    return pages_site


def test_every_link_resolves(site):
    """Generated pages, item decorations and filtered catalogue links all lead somewhere real."""
    assert broken_links(site) == []
    assert "../catalogue.html?sector=che" in hrefs(read(site, "sectors/che.html"))
    assert "../catalogue.html?tool=chatgpt" in hrefs(read(site, "en/tools/chatgpt.html"))


def test_sector_page_ranks_replicable_models(site):
    vi = article(site, "sectors/chinh-quyen-xa.html")
    assert "Chính quyền xã, phường" in vi and "một cửa, văn phòng, địa chính" in vi  # the sector's description
    assert "Hướng dẫn: <strong>1</strong> · Câu lệnh mẫu: <strong>1</strong> · Mô hình hay: <strong>3</strong>" in vi
    models = vi[vi.index('id="models"'):vi.index('id="guides"')]
    # Two units copied Xã A's model; then by the best measured change (−80 % before −45 %).
    assert in_order(models, "use_cases/bao-cao-xa-a.html", "use_cases/bao-cao-phuong-c.html",
                    "use_cases/bao-cao-xa-thu.html")
    assert "2 đơn vị đã làm theo" in text(models)
    assert "100 → 20 phút (−80%)" in text(models)
    assert item_links(vi[vi.index('id="guides"'):]) >= {"guides/dung-ai", "prompts/soan-van-ban"}
    assert "use_cases/y-te-tram" not in item_links(vi)  # another sector

    en = article(site, "en/sectors/chinh-quyen-xa.html")
    assert "Commune and ward government" in en
    assert "Guides: <strong>1</strong> · Prompt libraries: <strong>1</strong> · Case studies: <strong>3</strong>" in en
    models = en[en.index('id="models"'):en.index('id="guides"')]
    assert in_order(models, "Commune A&#39;s weekly report", "use_cases/bao-cao-phuong-c.html")
    assert "replicated by 2 units" in text(models) and "not replicated yet" in text(models)
    assert "Time to draft the report" in text(models) or "Times sent back" in text(models)
    # A case not translated yet says so on the English list.
    assert "in Vietnamese only" in text(models)


def test_sector_index_counts_every_sector(site):
    for lang, label in (("vi", "Chính quyền xã, phường"), ("en", "Commune and ward government")):
        page = article(site, PREFIX[lang] + "sectors/index.html")
        row = next(r for r in page.split("<tr>") if label in r)
        assert re.findall(r"<td[^>]*>(\d+)</td>", row) == ["1", "1", "3"]
        # Every sector of data/sectors.yml has a page, empty ones included.
        assert page.count('href="') - page.count('href="../') >= 17
    assert "Lĩnh vực này chưa có mô hình nào" in article(site, "sectors/y-te.html")


def test_unit_pages_say_what_each_unit_did(site):
    original = article(site, "units/vi-du-xa-a.html")
    assert "Đơn vị minh họa" in original and "không phải một đơn vị có thật" in original
    spread = text(original[original.index('id="replicated-in"'):])
    assert "Xã Thử Nghiệm Một, 12/10/2026" in spread and "Phường C (đơn vị minh họa), 02/11/2026" in spread
    en = article(site, "en/units/vi-du-xa-a.html")
    assert "Illustrative unit" in en and "not a real unit" in en
    assert "Test Commune One, 12 October 2026" in text(en)

    commune = article(site, "units/xa-thu-nghiem-1.html")
    assert "Đơn vị minh họa" not in commune
    copied = text(commune[commune.index('id="replicated-from"'):])
    assert "làm theo Báo cáo tuần của Xã A · Xã A (đơn vị minh họa), 12/10/2026" in copied
    assert "copied from Commune A's weekly report · Commune A (illustrative unit), 12 October 2026" in \
        text(article(site, "en/units/xa-thu-nghiem-1.html"))
    assert item_links(article(site, "units/xa-thu-nghiem-2.html")) == {"guides/khuyen-nong"}
    assert not (site / "units" / "phuong-thu-nghiem-3.html").exists()  # took no part: no page

    index = article(site, "units/index.html")
    assert {"xa-thu-nghiem-1.html", "ban-bien-tap.html", "vi-du-xa-a.html"} <= set(hrefs(index))


def test_coverage_of_communes_and_wards(site):
    for lang, words in (("vi", ("Đã làm theo một mô hình", "Đã đóng góp", "Chưa tham gia")),
                        ("en", ("Replicated a model", "Contributed", "Not yet taken part"))):
        page = article(site, PREFIX[lang] + "coverage.html")
        rows = {m[0]: text(m[1]) for m in re.findall(r"<tr>\s*<td[^>]*>(\d+)</td>(.*?)</tr>", page, re.S)}
        assert set(rows) == {"1", "2", "3"}  # the fixture's three communes; illustrative units are not communes
        assert rows["1"].endswith(words[0]) and rows["2"].endswith(words[1]) and rows["3"].endswith(words[2])
        assert "units/xa-thu-nghiem-1.html" in page and "units/phuong-thu-nghiem-3.html" not in page
        svg = page[page.index("<svg"):page.index("</svg>")]
        assert svg.count('class="axt-cov-tile') == 3
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
        assert not re.search(r'(?:href|src)="', svg)  # a picture drawn at build time, nothing to fetch
        assert "Xã A" not in page and "Commune A" not in page


def test_audience_level_and_tool_pages(site):
    assert item_links(article(site, "audiences/doanh-nghiep.html")) == {"guides/khuyen-nong"}
    assert item_links(article(site, "levels/nang-cao.html")) == {"prompts/ky-tu-la"}
    # A tool's page lists what uses it or was tested with it.
    chatgpt = article(site, "tools/chatgpt.html")
    assert {"guides/dung-ai", "prompts/soan-van-ban", "use_cases/bao-cao-xa-a"} <= item_links(chatgpt)
    assert "guides/khuyen-nong" not in item_links(chatgpt)
    assert "mở thẳng công cụ này" in chatgpt and "mở thẳng" not in article(site, "tools/gemini.html")
    assert "Prompt libraries offer a link" in article(site, "en/tools/chatgpt.html")
    levels = article(site, "en/levels/index.html")
    assert "Beginner" in levels and "New to AI assistants." in levels


def test_newest_page(site):
    page = article(site, "newest.html")
    published = page[:page.index('id="updated"')]
    assert in_order(published, "use_cases/bao-cao-xa-thu.html", "use_cases/bao-cao-phuong-c.html",
                    "guides/khuyen-nong.html", "use_cases/bao-cao-xa-a.html")
    assert "15/11/2026" in published
    updated = page[page.index('id="updated"'):]
    assert in_order(updated, "prompts/soan-van-ban.html", "guides/dung-ai.html")
    assert "Case study · 15 November 2026" in text(article(site, "en/newest.html"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_catalogue_lists_every_item_with_its_facets(site, lang):
    page = article(site, PREFIX[lang] + "catalogue.html")
    rows = re.findall(r'<li (data-type="[^>]*)><a href="([^"]+)"', page)
    assert sorted(h.removesuffix(".html") for _, h in rows) == sorted(ITEMS)
    attrs = {h.removesuffix(".html"): dict(re.findall(r'data-([a-z]+)="([^"]*)"', a)) for a, h in rows}
    assert attrs["prompts/soan-van-ban"] == {
        "type": "prompts", "sector": "chinh-quyen-xa", "audience": "can-bo", "level": "co-ban",
        "tool": "chatgpt gemini", "safety": "an-danh-truoc khong-dung-ai-cong-cong"}
    assert attrs["guides/khuyen-nong"]["sector"] == "nong-nghiep-moi-truong che"
    # The filters offer only values that some item has, with their counts.
    form = page[page.index("<form"):page.index("</form>")]
    assert 'name="safety"' in form and 'value="cong-khai"' in form and 'value="y-te"' not in form
    assert ("Chính quyền xã, phường (5)" if lang == "vi" else "Commune and ward government (5)") in form
    assert "<form class=\"axt-filters\" hidden>" in page  # shown by the script only
    for href in hrefs(page[page.index('id="open-data"'):]):
        if href.endswith((".json", ".csv")):
            assert (site / PREFIX[lang] / href).resolve().is_file()


def generated_text(hub) -> dict[str, str]:
    """The generated pages' Markdown with the HTML blocks set aside for Markdown put back."""
    return {source: pages.restore(markdown, hub) for source, markdown in pages.generate(hub).items()}


def test_only_the_catalogue_lists_every_item(tmp_path, monkeypatch):
    """Lists stay bounded by a sector, unit, facet or a fixed length, never the whole hub.

    The fixture hub is small, so the fixed lengths are made smaller than it.
    """
    from aixutra.pages import browse, lists

    monkeypatch.setattr(lists, "NEWEST", 3)
    monkeypatch.setattr(browse, "COLLECTION_LIMIT", 1)
    monkeypatch.setattr(browse, "FACET_LIMIT", 1)
    hub = Hub.load(fixture.make(tmp_path / "hub"))
    generated = generated_text(hub)
    for source, markdown in generated.items():
        linked = set(re.findall(r"((?:guides|prompts|use_cases)/[a-z0-9-]+)\.(?:md|html)", markdown))
        linked = {k for k in linked if not k.endswith("/index")}
        if source.startswith("catalogue."):
            assert linked == set(ITEMS)
        else:
            assert len(linked) < len(ITEMS), source
    assert "guides/index.vi.md" in generated and 'catalogue.html?type=guide"' in generated["guides/index.vi.md"]
    # A cut list says so and links to the whole list in the catalogue.
    cadres = generated["audiences/can-bo.en.md"]
    assert "The 1 newest." in cadres and 'href="../catalogue.html?audience=can-bo&amp;type=case">See all 4' in cadres
    assert "use_cases/bao-cao-xa-thu.html" in cadres and "use_cases/bao-cao-xa-a.html" not in cadres
    sector = generated["sectors/chinh-quyen-xa.vi.md"]  # sector pages list everything of their sector
    assert "mục mới nhất" not in sector and sector.count("use_cases/bao-cao-") == 3


def test_markup_in_contributed_values_stays_text(site):
    title = "Ký tự &lt;b&gt;lạ&lt;/b&gt; &amp; *đậm* [x](y) {#id}"
    for rel in ("sectors/khoa-hoc-cong-nghe.html", "levels/nang-cao.html", "catalogue.html", "newest.html",
                "units/ban-bien-tap.html", "prompts/index.html", "en/catalogue.html"):
        page = article(site, rel)
        assert title in page, rel
        assert "<b>lạ</b>" not in page, rel


def test_exports_match_the_content(site):
    data = json.loads(read(site, "data/catalogue.json"))
    assert data["count"] == len(ITEMS) == len(data["items"])
    hub = Hub.load(site.parent)
    by_id = {r["id"]: r for r in data["items"]}
    assert sorted(by_id) == sorted(ITEMS)
    for key, rec in by_id.items():
        item = hub.items[key]
        assert rec["title"] == {"vi": item.title("vi"), "en": item.title("en")}
        assert rec["license"] == item.data["license"] and rec["license_url"].startswith("https://creativecommons.org/")
        assert rec["unit"] == item.unit and rec["sectors"] == item.sectors
        for lang in ("vi", "en"):
            assert (site / rec["url"][lang]).is_file()
    assert by_id["guides/dung-ai"]["translation"] == "translated"
    assert by_id["prompts/soan-van-ban"]["translation"] == "outdated"
    assert by_id["guides/khuyen-nong"]["translation"] == "missing"
    original = by_id["use_cases/bao-cao-xa-a"]
    assert original["replicated_in"] == ["use_cases/bao-cao-xa-thu", "use_cases/bao-cao-phuong-c"]
    assert by_id["use_cases/bao-cao-xa-thu"]["replicated_from"] == "use_cases/bao-cao-xa-a"
    assert by_id["use_cases/bao-cao-xa-thu"]["replicated_on"] == "2026-10-12"
    assert original["results"][0] == {
        "metric": {"vi": "Thời gian soạn báo cáo", "en": "Time to draft the report"}, "before": 180, "after": 70,
        "unit": {"vi": "phút", "en": "minutes"}, "period": {"vi": "3 tháng", "en": "3 months"},
        "evidence": {"vi": "Sổ theo dõi", "en": "Log book"}}
    assert original["cost_vnd_per_month"] == 150000 and original["time_saved_minutes"] == 110
    assert by_id["prompts/soan-van-ban"]["prompts"] == 2
    assert "license" in data and data["taxonomies"]["units"]["vi-du-xa-a"]["illustrative"] is True

    raw = (site / "data" / "catalogue.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == [r["id"] for r in data["items"]]
    for row in rows:
        rec = by_id[row["id"]]
        assert (row["title_vi"], row["title_en"]) == (rec["title"]["vi"], rec["title"]["en"])
        assert row["license"] == rec["license"] and row["url_en"] == rec["url"]["en"]
    csv_original = next(r for r in rows if r["id"] == "use_cases/bao-cao-xa-a")
    assert csv_original["replicated_in"] == "use_cases/bao-cao-xa-thu; use_cases/bao-cao-phuong-c"
    assert csv_original["sectors_vi"] == "Chính quyền xã, phường" and csv_original["illustrative"] == "true"


def test_exports_are_the_same_for_the_same_content(tmp_path):
    hub = Hub.load(fixture.make(tmp_path / "hub"))
    one = export.catalogue(Index.of(hub), "1.0", "2026-11-20", "https://example.org/hub")
    two = export.catalogue(Index.of(Hub.load(hub.root)), "1.0", "2026-11-20", "https://example.org/hub")
    assert export.to_json(one) == export.to_json(two) and export.to_csv(one) == export.to_csv(two)
    assert one["items"][0]["url"]["en"].startswith("https://example.org/hub/en/")


def test_csv_cells_never_start_a_formula():
    assert export._cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert export._cell("@SUM(1)") == "'@SUM(1)" and export._cell("Bình thường") == "Bình thường"
    assert export._cell(["a", "b"]) == "a; b" and export._cell(None) == "" and export._cell(True) == "true"


def test_baseline_without_generated_pages(tmp_path, monkeypatch):
    """HUB_GENERATED_PAGES=collections: only the collection indexes (the benchmark's baseline)."""
    hub = Hub.load(fixture.make(tmp_path / "hub"))
    full = generated_text(hub)
    assert {"sectors/y-te.vi.md", "catalogue.en.md", "coverage.vi.md", "units/vi-du-xa-a.en.md"} <= set(full)
    monkeypatch.setenv("HUB_GENERATED_PAGES", "collections")
    baseline = generated_text(Hub.load(hub.root))
    assert sorted(baseline) == sorted(f"{c}/index.{lang}.md" for c in ("guides", "prompts", "use_cases")
                                      for lang in ("vi", "en"))
    # ... which then link to no page that is not generated, and list every item of their collection.
    assert not re.search(r"(sectors|units|tools|audiences|levels)/|(catalogue|coverage|newest)\.",
                         "".join(baseline.values()))
    assert {"guides/dung-ai", "guides/khuyen-nong"} <= set(re.findall(r"(guides/[a-z-]+)", "".join(
        baseline[f"guides/index.{lang}.md"].replace("](", "](guides/") for lang in ("vi", "en"))))

    class Config:
        nav = [{"Trang chủ": "index.md"}, {"Lĩnh vực": "sectors/index.md"}, {"Danh mục": "catalogue.md"}]
    config = Config()
    pages.configure(config)
    assert config.nav == [{"Trang chủ": "index.md"}]


def test_html_blocks_set_aside_for_markdown_all_come_back(site):
    """aixutra/pages/stash.py: every placeholder of a generated page is replaced by its block."""
    built = list(site.rglob("*.html"))
    assert len(built) > 50
    for path in built:
        assert "axt-raw" not in path.read_text(encoding="utf-8"), path
    catalogue = article(site, "catalogue.html")
    assert catalogue.count('<li data-type="') == len(ITEMS)
