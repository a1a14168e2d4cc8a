"""The bilingual site: languages, switcher, untranslated notice, slugs, no third-party requests."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from aixutra.build import build_site
from aixutra.text import slugify

from .hubs import build_hub, make_hub
from .sitescan import third_party_loads
from .fixtures.items import GUIDE_EN, GUIDE_VI, UNTRANSLATED_VI


def _digest(text: str) -> str:
    import textwrap
    return hashlib.sha256(textwrap.dedent(text).lstrip().encode()).hexdigest()[:8]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_hub(tmp_path_factory.mktemp("hub"), {
        "guides/dao-duc.vi.md": GUIDE_VI,
        "guides/dao-duc.en.md": GUIDE_EN.replace("{digest}", _digest(GUIDE_VI)),
        "guides/chi-tieng-viet.vi.md": UNTRANSLATED_VI,
    })


def html(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_slugify_keeps_vietnamese_readable():
    assert slugify("Đạo đức") == "dao-duc"
    assert slugify("Sức khỏe cộng đồng") == "suc-khoe-cong-dong"
    assert slugify("ĐƯỜNG đi, Ngõ hẹp!") == "duong-di-ngo-hep"


def test_both_languages_are_built_from_the_collections(site):
    vi, en = html(site, "guides/dao-duc.html"), html(site, "en/guides/dao-duc.html")
    assert '<html lang="vi"' in vi and "Nội dung về đạo đức" in vi
    assert '<html lang="en"' in en and "About ethics" in en
    assert "Đạo đức khi dùng AI" in html(site, "guides/index.html")
    assert "Ethics when using AI" in html(site, "en/guides/index.html")


def test_heading_anchors_are_ascii_vietnamese(site):
    vi = html(site, "guides/dao-duc.html")
    assert 'id="dao-duc"' in vi and 'id="suc-khoe-cong-dong"' in vi


def test_language_switcher_lands_on_the_same_page(site):
    vi, en = html(site, "guides/dao-duc.html"), html(site, "en/guides/dao-duc.html")
    assert re.search(r'href="\.\./en/guides/dao-duc\.html" hreflang="en"', vi)
    assert re.search(r'href="\.\./\.\./guides/dao-duc\.html" hreflang="vi"', en)


def test_untranslated_page_has_notice_and_vietnamese_lang(site):
    en = html(site, "en/guides/chi-tieng-viet.html")
    assert "Not yet translated" in en
    assert '<div lang="vi">' in en and "Nội dung chỉ bằng tiếng Việt" in en
    assert "Not yet translated" not in html(site, "guides/chi-tieng-viet.html")


def test_404_pages_in_both_languages(site):
    assert '<html lang="vi"' in html(site, "404.html")
    assert '<html lang="en"' in html(site, "en/404.html")


def test_navigation_does_not_list_every_item(site):
    # Items are reached through the collection index, not the menu of every page.
    home = html(site, "index.html")
    nav = home[home.index('<nav class="md-nav md-nav--primary'):]
    nav = nav[: nav.index("</nav>")]
    assert "dao-duc.html" not in nav and "guides/index.html" in nav


def test_no_third_party_requests(site):
    assert third_party_loads(site) == []


def test_failed_build_leaves_previous_site(tmp_path):
    hub = make_hub(tmp_path / "hub", {"guides/dao-duc.vi.md": GUIDE_VI})
    assert build_site(hub, hub / "site").ok
    before = (hub / "site" / "guides" / "dao-duc.html").read_bytes()
    (hub / "guides" / "hong.vi.md").write_text("---\ntitle: [unclosed\n---\nx\n", encoding="utf-8")
    result = build_site(hub, hub / "site")
    assert not result.ok
    assert any("guides/hong.vi.md:3:1: error:" in m for m in result.messages)
    assert (hub / "site" / "guides" / "dao-duc.html").read_bytes() == before
    assert not list(hub.glob(".site.new-*"))


def test_broken_config_is_reported_without_traceback(tmp_path):
    hub = make_hub(tmp_path / "hub", {"guides/dao-duc.vi.md": GUIDE_VI})
    (hub / "mkdocs.yml").write_text((hub / "mkdocs.yml").read_text() + "\ntheme: [\n", encoding="utf-8")
    result = build_site(hub, hub / "site")
    assert not result.ok and result.messages
    assert not (hub / "site").exists()


def test_pages_make_material_fetch_no_sitemap(site):
    # aixutra/site/alternates.py: no <link rel="alternate"> for Material's script to follow;
    # the language menu keeps its links to the translation.
    for rel in ("index.html", "guides/dao-duc.html", "en/guides/dao-duc.html", "404.html", "en/404.html"):
        page = (site / rel).read_text(encoding="utf-8")
        assert '<link rel="alternate"' not in page, rel
    assert 'hreflang="en"' in (site / "guides/dao-duc.html").read_text(encoding="utf-8")


def test_no_sitemap_without_the_site_address(site):
    # Built without SITE_URL (a local or offline build): a sitemap would say "None…" in every <loc>.
    assert not (site / "sitemap.xml").exists() and not (site / "en" / "sitemap.xml").exists()
    assert not (site / "sitemap.xml.gz").exists()
