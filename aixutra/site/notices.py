"""Notices on pages: untranslated or outdated translations, illustrative examples, 404s."""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from .. import pages
from ..pages import item as item_pages
from ..strings import t
from .state import DEFAULT_LANGUAGE, State


def _admonition(kind: str, key: str, lang: str) -> str:
    return (f'<div class="admonition {kind} axt-notice axt-notice--{key}" lang="{lang}">'
            f'<p class="admonition-title">{escape(t(key + ".title", lang))}</p>'
            f"<p>{escape(t(key + '.body', lang))}</p></div>\n")


def page_markdown(markdown: str, page, state: State) -> str:
    return markdown


def page_content(html: str, page, state: State) -> str:
    lang = state.lang
    item = state.items.get(page.file.src_uri)
    source_lang = getattr(page.file, "locale", lang)
    head = ""
    if item is not None and item.illustrative:
        head += _admonition("info", "illustrative", lang)
    if source_lang != lang:
        head += _admonition("warning", "untranslated", lang)
    elif item is not None and lang != DEFAULT_LANGUAGE and item.outdated():
        head += _admonition("note", "outdated", lang)
    # Item pages: summary box, checklist, prompt cards and footer, in the reader's language.
    top, bottom = "", ""
    if item is not None and state.hub is not None:
        parts = item_pages.decorate(html, page, item, pages.index_of(state.hub), lang)
        top, html, bottom = parts.top, parts.body, parts.bottom
        item_pages.extend_toc(page.toc, parts.toc)
    if source_lang != lang:
        # A fallback page: the notices speak the reader's language, the text keeps its own.
        html = f'<div lang="{source_lang}">\n{html}\n</div>'
    return head + top + html + bottom


def localise_404(site_dir: Path, lang: str) -> None:
    """i18n writes one 404.html per language build to the same place: keep each language's."""
    page = site_dir / "404.html"
    if not page.exists():
        return
    if lang == DEFAULT_LANGUAGE:
        _404_default[site_dir] = page.read_bytes()
    elif site_dir in _404_default:
        (site_dir / lang).mkdir(exist_ok=True)
        page.replace(site_dir / lang / "404.html")
        page.write_bytes(_404_default[site_dir])


_404_default: dict[Path, bytes] = {}
