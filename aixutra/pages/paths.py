"""Where each generated page lives, and links between pages, relative to a language root.

Paths here have no extension: `sectors/y-te` is the source `sectors/y-te.vi.md` and the
page `sectors/y-te.html` (or `en/sectors/y-te.html`). use_directory_urls is off, so the
same relative links work online and from file://.
"""

from __future__ import annotations

import os
import posixpath

from mkdocs.utils import get_relative_url

from ..model import COLLECTIONS, Item
from ..site.state import DEFAULT_LANGUAGE

# Facet -> folder of its generated pages.
FOLDERS = {"sector": "sectors", "audience": "audiences", "level": "levels", "tool": "tools", "unit": "units"}
COVERAGE = "coverage"
HANDOUTS = "handouts"  # a printable page per sector
NEWEST = "newest"
CATALOGUE = "catalogue"
CONTRIBUTE = "dong-gop"  # the hand-written "how to contribute" page in docs/
DATA = "data"  # open data files, once for both languages at the site root
DATA_FILES = ("catalogue.json", "catalogue.csv")


def enabled() -> bool:
    """Whether pages other than the collection indexes are generated (HUB_GENERATED_PAGES)."""
    return os.environ.get("HUB_GENERATED_PAGES", "all").strip().lower() != "collections"


def is_item(target: str) -> bool:
    return target.split("/", 1)[0] in COLLECTIONS and not target.endswith("/index")


def item(it: Item) -> str:
    return f"{it.collection}/{it.slug}"


def term(facet: str, term_id: str) -> str:
    return f"{FOLDERS[facet]}/{term_id}"


def index(facet: str) -> str:
    return f"{FOLDERS[facet]}/index"


def source(path: str, lang: str) -> str:
    """Source name of a generated page in the MkDocs file list."""
    return f"{path}.{lang}.md"


def md_link(target: str, page: str) -> str:
    """A Markdown link from one generated page to another (MkDocs checks and rewrites it)."""
    return posixpath.relpath(target + ".md", posixpath.dirname(page) or ".")


def prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def url(target: str, lang: str) -> str:
    """Site URL of a page from the site root."""
    return f"{prefix(lang)}{target}.html"


def html_link(target: str, lang: str, page_url: str) -> str:
    """A plain href from a built page (its URL from the site root) to another page."""
    return get_relative_url(url(target, lang), page_url)


def data_link(name: str, lang: str, page: str) -> str:
    """Link from a generated page to an open data file at the site root."""
    return posixpath.relpath(f"{DATA}/{name}", posixpath.dirname(prefix(lang) + page) or ".")
