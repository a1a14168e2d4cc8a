"""A Kiwix (ZIM) file per language, written with libzim, with a full-text index.

Each file holds one language's pages and the files every language shares, at the same
paths as on the site, so the pages' relative links work unchanged inside Kiwix.
"""

from __future__ import annotations

import contextlib
import html as html_lib
import mimetypes
import os
import posixpath
import re
import sys
import unicodedata
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from libzim.writer import Creator, Hint, IndexData, Item, StringProvider

from ..text import fold
from .icon import tea_leaf_png
from .site import Language, Site
from .zim_bytes import settle

# Fixed types (the system's mime table differs from one machine to the next).
MIMETYPES = {".html": "text/html", ".css": "text/css", ".js": "application/javascript",
             ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png",
             ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
             ".ico": "image/x-icon", ".woff": "font/woff", ".woff2": "font/woff2", ".txt": "text/plain",
             ".csv": "text/csv", ".xml": "application/xml", ".pdf": "application/pdf"}
_COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
_PUNCTUATION = "\"'“”‘’()[]{}.,;:!?…/|*-–—"
_HREF = re.compile(r'(\shref=")([^"]*)(")')
# Kiwix's limits for the two short texts of its library.
TITLE_MAX, DESCRIPTION_MAX = 30, 80


def zim_name(site: Site, lang: Language) -> str:
    return f"ai-xu-tra-{lang.code}-{site.file_version}.zim"


def write_zim(site: Site, lang: Language, dest: Path) -> int:
    """Write one language's Kiwix file; return how many pages it indexes."""
    files = [rel for rel in site.files if site.language_of(rel) in (lang, None)]
    relink = _Relink(set(files), site.online)
    suffix = f" - {site.name}"
    pages = 0
    # One worker: the same CPU time as four, a third of the memory (150 MB instead of 400 MB
    # at 1,000 items per language), and the same bytes every time: with two or more the
    # clusters come out in another order on each run (measured: 2 workers, 40 % less wall time).
    creator = Creator(str(dest)).config_indexing(True, lang.iso639_3).config_verbose(False).config_nbworkers(1)
    with _native_output_silenced(), creator:
        creator.set_mainpath(lang.home)
        creator.add_illustration(48, tea_leaf_png(48))
        for key, value in _metadata(site, lang).items():
            creator.add_metadata(key, value)
        for rel in files:
            data = site.read_bytes(rel, "axt-copy--zim")
            mimetype = MIMETYPES.get(Path(rel).suffix.lower()) or mimetypes.guess_type(rel)[0] or "application/octet-stream"
            if mimetype == "text/html":
                html = relink(data.decode("utf-8"), rel)
                data = html.encode("utf-8")
                title, body = _page_text(html)
                title = title.removesuffix(suffix) or site.name
                creator.add_item(_File(rel, title, mimetype, data, _Index(title, body)))
                pages += 1
            else:
                creator.add_item(_File(rel, "", mimetype, data))
    settle(dest)  # the random UUIDs replaced: one site, one file
    return pages


@contextlib.contextmanager
def _native_output_silenced():
    """libzim's C++ code prints its steps (and "No stemming for language 'vi'") straight to
    the process's stdout and stderr, whatever config_verbose says; the build prints its own
    summary. Its real failures still arrive as Python exceptions."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
            os.dup2(null.fileno(), 2)
            yield
    finally:
        for fd, copy in zip((1, 2), saved):
            os.dup2(copy, fd)
            os.close(copy)


class _Relink:
    """Links to pages this file does not hold (the other language's) go to the online hub.

    Kiwix would show "not found" for them; online, they lead where the reader meant to go.
    """

    def __init__(self, present: set[str], online: str):
        self.present = present
        self.base = online if not online or online.endswith("/") else online + "/"
        self.cache: dict[tuple[str, str], str] = {}  # every page of a folder has the same menu links

    def __call__(self, html: str, rel: str) -> str:
        folder = posixpath.dirname(rel)

        def replace(match: re.Match) -> str:
            url = match.group(2)
            key = (folder, url)
            if key not in self.cache:
                self.cache[key] = self._target(folder, url)
            return match.group(1) + self.cache[key] + match.group(3)

        return _HREF.sub(replace, html)

    def _target(self, folder: str, url: str) -> str:
        parts = urlsplit(url)
        if not parts.path or parts.scheme or parts.netloc or url.startswith("/") or not self.base:
            return url
        target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
        if target in self.present or target.startswith(".."):
            return url
        return self.base + quote(target) + url[len(parts.path):]


def _metadata(site: Site, lang: Language) -> dict[str, str]:
    title = site.name if lang is site.languages[0] else f"{site.name} ({lang.name('en')})"
    return {
        "Name": f"ai-xu-tra_{lang.code}",  # the same for every version of this book
        "Title": _shorten(title, TITLE_MAX),
        "Description": _shorten(lang.description or site.name, DESCRIPTION_MAX),
        "LongDescription": f"{lang.description} {site.online}".strip(),
        "Language": lang.iso639_3,
        "Creator": site.name,
        "Publisher": site.name,
        "Date": site.date.isoformat(),
        "Source": site.online,
        "Flavour": "full",
        "Tags": "_category:other;_pictures:yes;_videos:no;_details:yes",
        "Scraper": f"aixutra {site.version}",
    }


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _File(Item):
    def __init__(self, path: str, title: str, mimetype: str, data: bytes, index: IndexData | None = None):
        super().__init__()
        self.path, self.title, self.mimetype, self.data, self.index = path, title, mimetype, data, index

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.title

    def get_mimetype(self) -> str:
        return self.mimetype

    def get_contentprovider(self):
        return StringProvider(self.data)

    def get_hints(self) -> dict:
        return {Hint.FRONT_ARTICLE: self.index is not None,
                Hint.COMPRESS: self.mimetype.startswith(_COMPRESSIBLE)}

    def get_indexdata(self):
        return self.index


class _Index(IndexData):
    """What the full-text index reads of a page: its article, not the menus around it.

    libzim strips the marks of a query ("nông" -> "nong") but not of the text given here,
    so the text comes without them; it keeps đ, which is not a mark, so the words with đ
    are added once more with d: "dao duc" then finds "đạo đức", as the hub's search does.
    """

    def __init__(self, title: str, body: str):
        super().__init__()
        self.title = _unmarked(title)
        words = f"{title} {body}".split()
        extra = " ".join(dict.fromkeys(fold(w.strip(_PUNCTUATION)) for w in words if "đ" in w or "Đ" in w))
        self.content = _unmarked(f"{body}\n{extra}")

    def has_indexdata(self) -> bool:
        return True

    def get_title(self) -> str:
        return self.title

    def get_content(self) -> str:
        return self.content

    def get_keywords(self) -> str:
        return ""

    def get_wordcount(self) -> int:
        return len(self.content.split())

    def get_geoposition(self):
        return None


def _unmarked(text: str) -> str:
    """Text without combining marks, as libzim folds queries (đ stays đ)."""
    return unicodedata.normalize("NFC", text).translate(_UNMARK)


def _unmark_table() -> dict[int, str]:
    """Each Latin letter that carries marks -> the letter without them, and the marks -> nothing."""
    table: dict[int, str | None] = {cp: None for cp in range(0x300, 0x370)}  # combining marks
    for cp in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        bare = "".join(c for c in unicodedata.normalize("NFD", chr(cp)) if not unicodedata.combining(c))
        if bare != chr(cp):
            table[cp] = bare
    return table


_UNMARK = _unmark_table()
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# What an article holds that is not its text: scripts, icons, buttons, heading permalinks.
_NOT_TEXT = re.compile(r'<(script|style|svg|button|template|noscript)\b.*?</\1\s*>|<a class="headerlink"[^>]*>.*?</a>',
                       re.S | re.I)
_TAG = re.compile(r"<[^>]+>")


def _page_text(page: str) -> tuple[str, str]:
    """A page's <title> and the text of its article (MkDocs writes well-formed HTML, and this
    only feeds a search index: a regex is enough, and ten times faster than a parser)."""
    match = _TITLE.search(page)
    title = " ".join(html_lib.unescape(match.group(1)).split()) if match else ""
    start = page.find('<article class="md-content__inner')
    end = page.rfind("</article>")
    if start < 0 or end < start:
        return title, ""
    text = _TAG.sub(" ", _NOT_TEXT.sub(" ", page[start:end]))
    return title, " ".join(html_lib.unescape(text).split())
