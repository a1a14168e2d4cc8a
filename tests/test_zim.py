"""The Kiwix (ZIM) files: opened with libzim's reader as Kiwix opens them, pages fetched,
metadata and illustration read, full-text search run in both languages."""

from __future__ import annotations

import posixpath
import re
import struct
import zlib
from urllib.parse import unquote, urlsplit

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher
from libzim.suggestion import SuggestionSearcher

from aixutra.offline.icon import tea_leaf_png

from .hubs import ONLINE, build_with_copies, fixture_files, make_hub


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    # Its own build, outside git: the Kiwix date then comes from the build's fallback.
    hub = make_hub(tmp_path_factory.mktemp("zim") / "hub", fixture_files())
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SITE_URL", ONLINE)
        result = build_with_copies(hub, hub / "site", hub / "dist")
    assert result.ok, "\n".join(result.messages)
    return hub / "dist"


@pytest.fixture(scope="module")
def zims(dist) -> dict[str, Archive]:
    found = {path.name.split("-")[3]: Archive(path) for path in dist.glob("ai-xu-tra-*.zim")}
    assert sorted(found) == ["en", "vi"]
    return found


def search(archive: Archive, text: str) -> list[str]:
    results = Searcher(archive).search(Query().set_query(text))
    return list(results.getResults(0, 20))


def content(archive: Archive, path: str) -> str:
    return bytes(archive.get_entry_by_path(path).get_item().content).decode("utf-8")


def test_files_are_intact_and_have_kiwix_metadata(zims):
    expected = {"vi": ("vie", "AI Xứ Trà", "Kho tri thức “Bình dân học AI” của tỉnh Thái Nguyên"),
                "en": ("eng", "AI Xứ Trà (English)", "The “Popular AI Learning” knowledge hub of Thái Nguyên province")}
    for lang, archive in zims.items():
        assert archive.check()  # the file's own checksum, as Kiwix verifies a download
        meta = {key: archive.get_metadata(key).decode("utf-8") for key in archive.metadata_keys
                if not key.startswith("Illustration_")}
        code, title, description = expected[lang]
        assert meta["Language"] == code and meta["Title"] == title and meta["Description"] == description
        assert len(meta["Title"]) <= 30 and len(meta["Description"]) <= 80
        assert meta["Name"] == f"ai-xu-tra_{lang}"
        assert meta["Date"] == "2026-01-01"  # no git here: the fixed fallback date, never the clock
        assert meta["Creator"] == meta["Publisher"] == "AI Xứ Trà"
        assert meta["Source"] == ONLINE
        assert archive.has_fulltext_index and archive.has_title_index and archive.has_new_namespace_scheme


def test_illustration_is_a_48_pixel_png(zims):
    png = tea_leaf_png(48)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert (width, height, depth, colour) == (48, 48, 8, 6)
    # Each chunk's CRC is right, so a strict PNG reader accepts it.
    pos = 8
    while pos < len(png):
        length, = struct.unpack(">I", png[pos:pos + 4])
        kind, data = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + length]
        assert struct.unpack(">I", png[pos + 8 + length:pos + 12 + length])[0] == zlib.crc32(kind + data)
        pos += 12 + length
    assert kind == b"IEND"
    for archive in zims.values():
        assert archive.has_illustration(48) and not archive.has_illustration(96)
        assert bytes(archive.get_illustration_item(48).content) == png


def test_main_page_and_pages_of_one_language_each(zims):
    vi, en = zims["vi"], zims["en"]
    assert vi.main_entry.get_item().path == "index.html"
    assert en.main_entry.get_item().path == "en/index.html"
    assert "Đạo đức khi dùng AI" in content(vi, "guides/dao-duc.html")
    assert "Ethics when using AI" in content(en, "en/guides/dao-duc.html")
    assert vi.get_entry_by_path("guides/dao-duc.html").title == "Đạo đức khi dùng AI"
    # Each file holds its own language and the shared assets, not the other language.
    assert not vi.has_entry_by_path("en/guides/dao-duc.html")
    assert not en.has_entry_by_path("guides/dao-duc.html")
    for archive in (vi, en):
        assert archive.has_entry_by_path("assets/stylesheets/offline-print.css")
        assert not archive.has_entry_by_path("sitemap.xml")
        item = archive.get_entry_by_path("assets/images/favicon.png").get_item()
        assert item.mimetype == "image/png"


def test_pages_say_they_are_a_copy_and_hide_the_language_switch(zims):
    page = content(zims["vi"], "prompts/che-htx.html")
    assert '<aside class="axt-copy axt-copy--zim"' in page and "Bản sao ngoại tuyến" in page
    assert "Offline copy" in content(zims["en"], "en/prompts/che-htx.html")
    # The switch would lead to the other language, which is in the other file.
    css = bytes(zims["vi"].get_entry_by_path("assets/stylesheets/offline-print.css").get_item().content).decode()
    assert ".axt-copy--zim ~ .md-header .md-select" in css


def test_full_text_search_in_vietnamese_with_and_without_marks(zims):
    vi = zims["vi"]
    assert "guides/dao-duc.html" in search(vi, "đạo đức")[:3]
    assert "guides/dao-duc.html" in search(vi, "dao duc")[:3]  # đ typed as d
    assert "guides/dao-duc.html" in search(vi, "suc khoe cong dong")[:3]
    assert "prompts/che-htx.html" in search(vi, "trung thuc")[:3]  # a prompt's own text
    assert "use_cases/mo-ta-che-a.html" in search(vi, "mo ta san pham")[:3]
    # Menus are not indexed: a word found only in the navigation finds nothing.
    assert search(vi, "hub") == []


def test_full_text_search_in_english(zims):
    en = zims["en"]
    assert search(en, "ethics")[:1] == ["en/guides/dao-duc.html"]
    assert "en/prompts/che-htx.html" in search(en, "honest description")[:3]  # a prompt's own text
    assert all(path.startswith("en/") for path in search(en, "tea"))


def test_title_suggestions(zims):
    # Kiwix suggests pages by title as one types, with or without tone marks.
    for typed in ("đạo đức khi dùng", "khi dung ai"):
        assert "guides/dao-duc.html" in SuggestionSearcher(zims["vi"]).suggest(typed).getResults(0, 5), typed


def test_every_link_inside_a_file_leads_to_a_page_of_that_file(zims):
    """What zimcheck's internal-URL check verifies: Kiwix never shows "not found". Links to
    the other language (its pages are in the other file) lead to the online hub instead."""
    ref = re.compile(r'\s(?:href|src)="([^"]*)"')
    for lang, archive in zims.items():
        online = archive.get_metadata("Source").decode()
        to_online = 0
        for n in range(archive.all_entry_count):
            entry = archive._get_entry_by_id(n)
            if entry.is_redirect or entry.get_item().mimetype != "text/html":
                continue
            html = bytes(entry.get_item().content).decode("utf-8")
            for url in ref.findall(html):
                parts = urlsplit(url)
                if parts.scheme or url.startswith(("//", "#")):
                    to_online += url.startswith(online)
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(entry.path), unquote(parts.path)))
                assert archive.has_entry_by_path(target), f"{lang}: {entry.path} links to {url}"
        assert to_online > 0  # the language switch and its <link rel="alternate">, now online addresses
    page = content(zims["en"], "en/guides/dao-duc.html")
    assert 'href="https://hub.example.org/guides/dao-duc.html" hreflang="vi"' in page
