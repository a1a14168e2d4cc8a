"""The built site as the offline copies see it: its files, languages, version and notice.

Everything here is read from site/ itself (the banner's attributes, each language's home
page), so a copy always says what its pages say, and exporting needs no second build.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

# The notice of overrides/partials/offline-banner.html, exactly as the template writes it.
HIDDEN_NOTICE = b'<aside class="axt-copy" hidden'
# Not needed offline: search engines' sitemaps (Material's script cannot read them from
# file:// either: it falls back to plain links), error pages that only a web server shows
# (with absolute links that mean nothing on a disk) and source maps for developers' tools.
_SKIP_NAMES = {"sitemap.xml", "sitemap.xml.gz", "404.html"}
_SKIP_SUFFIXES = (".map",)
# Material's own search (worker and lunr languages) when the pages have no Material search box.
_MATERIAL_SEARCH = ("assets/javascripts/workers/", "assets/javascripts/lunr/")
_MATERIAL_SEARCH_BOX = b'data-md-component="search"'
_SAFE_VERSION = re.compile(r"[^A-Za-z0-9._-]+")
# The hub's languages: ISO 639-3 code (Kiwix metadata) and name in each language.
LANGUAGES = {"vi": ("vie", {"vi": "tiếng Việt", "en": "Vietnamese"}),
             "en": ("eng", {"vi": "tiếng Anh", "en": "English"})}


class OfflineError(Exception):
    """A problem that stops the offline export, said in Vietnamese then English."""

    def __init__(self, vi: str, en: str):
        super().__init__(f"{vi} / {en}")


@dataclass(frozen=True)
class Language:
    code: str  # "vi"
    root: str  # where its pages are: "" or "en/"
    description: str  # <meta name="description"> of its home page

    @property
    def home(self) -> str:
        return self.root + "index.html"

    @property
    def iso639_3(self) -> str:
        return LANGUAGES[self.code][0]

    def name(self, lang: str) -> str:
        return LANGUAGES[self.code][1][lang]


@dataclass
class Site:
    path: Path
    version: str
    date: dt.date
    online: str  # the online hub's address
    name: str  # the site's name (mkdocs.yml site_name)
    languages: list[Language]  # the default language first
    files: list[str] = field(default_factory=list)  # what a copy carries, sorted POSIX paths

    @classmethod
    def read(cls, path: Path) -> "Site":
        path = Path(path)
        home = path / "index.html"
        if not home.is_file():
            raise OfflineError(f"Không thấy trang đã xây dựng: {home}",
                               f"no built site at {home}")
        head = _head(home)
        notice = head.notice
        if notice is None or not notice.get("data-version") or not notice.get("data-date"):
            raise OfflineError(
                f"{home} thiếu thông báo bản sao ngoại tuyến (overrides/partials/offline-banner.html "
                "phải được overrides/main.html đưa vào mọi trang)",
                f"{home} has no offline-copy notice (overrides/main.html must include "
                "overrides/partials/offline-banner.html on every page)")
        try:
            date = dt.date.fromisoformat(notice["data-date"])
        except ValueError:
            raise OfflineError(f"Ngày xây dựng không hợp lệ trong {home}: {notice['data-date']!r}",
                               f"invalid build date in {home}: {notice['data-date']!r}") from None
        languages = []
        for code, href in head.alternates or [(head.lang or "vi", "index.html")]:
            if code not in LANGUAGES:
                raise OfflineError(f"Ngôn ngữ '{code}' chưa có trong LANGUAGES của aixutra/offline/site.py",
                                   f"language '{code}' is not in LANGUAGES of aixutra/offline/site.py")
            root = str(PurePosixPath(href).parent).lstrip(".").strip("/")
            root = f"{root}/" if root else ""
            page = path / root / "index.html"
            if not page.is_file():
                raise OfflineError(f"Thiếu trang chủ của ngôn ngữ '{code}': {page}",
                                   f"the home page of language '{code}' is missing: {page}")
            lang_head = head if root == "" else _head(page)
            languages.append(Language(code, root, lang_head.description))
        languages.sort(key=lambda lang: lang.root != "")  # the default language (at the root) first
        site = cls(path, notice["data-version"], date, notice.get("data-online", ""),
                   notice.get("data-site") or head.title, languages)
        material_search = _MATERIAL_SEARCH_BOX in home.read_bytes()
        site.files = sorted(rel for rel in _walk(path)
                            if not _skipped(rel) and (material_search or not rel.startswith(_MATERIAL_SEARCH)))
        return site

    @property
    def file_version(self) -> str:
        """The version as it can appear in a file name."""
        return _SAFE_VERSION.sub("-", self.version).strip("-") or "0"

    def read_bytes(self, rel: str, *notice_classes: str) -> bytes:
        """A file's bytes; in a page the offline-copy notice is shown (with extra classes)."""
        data = (self.path / rel).read_bytes()
        if not rel.endswith(".html") or b"<html" not in data[:1024].lower():
            return data
        if data.count(HIDDEN_NOTICE) != 1:
            raise OfflineError(
                f"Trang {rel} không có đúng một thông báo bản sao ngoại tuyến: trang này có dùng giao diện của trang không?",
                f"page {rel} does not have exactly one offline-copy notice: is it built with the site's theme?")
        shown = b" ".join([b'<aside class="axt-copy', *(c.encode() for c in notice_classes)]) + b'"'
        return data.replace(HIDDEN_NOTICE, shown, 1)

    def language_of(self, rel: str) -> Language | None:
        """The language a page belongs to; None for files every language shares."""
        for lang in sorted(self.languages, key=lambda x: -len(x.root)):
            if lang.root and rel.startswith(lang.root):
                return lang
        return self.languages[0] if rel.endswith(".html") else None


def _walk(root: Path):
    for p in root.rglob("*"):
        if p.is_file():
            yield p.relative_to(root).as_posix()


def _skipped(rel: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return name in _SKIP_NAMES or name.endswith(_SKIP_SUFFIXES) or name.startswith(".")


class _Head(HTMLParser):
    """What the export needs from a page's head and header: title, description, languages, notice."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title = ""
        self.description = ""
        self.alternates: list[tuple[str, str]] = []
        self.notice: dict[str, str] | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and a.get("name") == "description":
            self.description = a.get("content", "")
        elif tag == "a" and a.get("hreflang") and "md-select__link" in a.get("class", "").split():
            # The header's language menu (the <head> alternates are dropped: aixutra/site/alternates.py).
            self.alternates.append((a["hreflang"], a.get("href", "")))
        elif tag == "aside" and "axt-copy" in a.get("class", "").split():
            self.notice = a

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def _head(page: Path) -> _Head:
    parser = _Head()
    text = page.read_text(encoding="utf-8", errors="replace")
    end = text.find("</header>")  # the notice sits just before the header
    parser.feed(text[: end if end > 0 else None])
    parser.title = " ".join(parser.title.split())
    return parser
