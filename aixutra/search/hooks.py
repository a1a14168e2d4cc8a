"""MkDocs events of the search: collect each built page, write its language's index.

hooks/search.py exposes them to MkDocs. mkdocs-static-i18n runs one build per language,
so each event sees one language and each language gets its own index file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import mkdocs.contrib.search

from ..site.state import STATE, language
from ..strings import t
from . import documents, index

# Where the browser finds things, relative to the site root.
ASSETS = "assets/search"
INDEX = "search/index.{lang}.js"
LUNR = Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"
# lunr's API documentation comments: half of lunr.js, needless in the browser.
_DOC_COMMENT = re.compile(r"^[ \t]*/\*\*[\s\S]*?\*/[ \t]*\n", re.M)
# Interface text the script shows, from aixutra/strings.py.
UI = ("loading", "none", "partial", "one", "many", "missing", "failed", "untranslated")

_docs: list[documents.Doc] = []


def on_pre_build(config):
    _docs.clear()


def on_page_content(html, page, config, files):
    # Material's convention for pages search should skip (listings, printable copies).
    search = page.meta.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return html
    item = STATE.items.get(page.file.src_uri)
    generated = item is None and STATE.generated(page.file.src_uri)
    _docs.append(documents.page_doc(page, html, STATE.hub, item, language(config), generated))
    return html


def on_env(env, config, files):
    lang = language(config)
    env.globals["axt_search"] = {
        "lang": lang,
        "label": t("search.label", lang),
        "placeholder": t("search.placeholder", lang),
        "close": t("search.close", lang),
        "index": INDEX.format(lang=lang),
        "lunr": f"{ASSETS}/lunr.js",
        "script": f"{ASSETS}/search.js",
        "style": f"{ASSETS}/search.css",
        "strings": json.dumps({key: t(f"search.{key}", lang) for key in UI}, ensure_ascii=False),
    }
    return env


def on_post_build(config):
    lang = language(config)
    hub = STATE.hub
    site = Path(config.site_dir)
    built = index.build(_docs, lang)
    kinds = {kind: t(f"search.kind.{kind}", lang) for kind in documents.KINDS}
    sectors = {s.id: s.label(lang) for s in hub.taxonomies.sectors.values()}
    out = site / INDEX.format(lang=lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(index.script(index.pack(built, kinds, sectors)), encoding="utf-8")
    copy_lunr(site / ASSETS / "lunr.js")


def copy_lunr(dest: Path) -> None:
    """lunr.js from the MkDocs package, at build time (never a copy in the repository).

    Its documentation comments are left out; its licence header stays.
    """
    text = LUNR.read_text(encoding="utf-8")
    end = text.index("*/") + 2
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text[:end] + _DOC_COMMENT.sub("", text[end:]), encoding="utf-8")
