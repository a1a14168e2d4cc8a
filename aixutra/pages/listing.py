"""Lists of items on generated pages, as raw HTML made once per item, language and folder depth.

An item appears on about seven lists (its sectors, audiences, level, tools, unit, the
catalogue); writing each entry once and pasting it keeps generation linear and cheap, and a
raw HTML block costs Python-Markdown a fraction of what a Markdown list of links does.
Every contributed value is escaped here.
"""

from __future__ import annotations

from typing import Callable

from markupsafe import escape

from ..model import Item
from ..strings import t
from . import paths
from .index import Index


def badges(item: Item, lang: str) -> str:
    found = ""
    if item.illustrative:
        found += f" · <em>{escape(t('badge.illustrative', lang))}</em>"
    if lang != "vi" and not item.translated(lang):
        found += f" · <em>{escape(t('badge.untranslated', lang))}</em>"
    return found


def entry(item: Item, title: str, lang: str, prefix: str, extra: str = "") -> str:
    """One <li>: the item's title as a link, `extra` (already escaped HTML), its badges."""
    return (f'<li><a href="{prefix}{paths.item(item)}.html">{escape(title)}</a>'
            f"{extra}{badges(item, lang)}</li>")


def item_list(index: Index, items: list[Item], lang: str, page: str, summaries: bool = False,
              extra: Callable[[Item], str] | None = None) -> str:
    """A <ul> of items for a generated page at `page` (a path without extension).

    `extra(item)` adds text after the title (made for this list only, escaped here).
    """
    prefix = "../" * page.count("/")
    cache = index.memo.setdefault(("li", lang, prefix, summaries), {})
    lines = ['<ul class="axt-list">']
    for item in items:
        if extra is not None:
            lines.append(entry(item, index.title(item, lang), lang, prefix, str(escape(extra(item)))))
            continue
        line = cache.get(item.key)
        if line is None:
            summary = index.summary(item, lang) if summaries else ""
            line = cache[item.key] = entry(item, index.title(item, lang), lang, prefix,
                                           f": {escape(summary)}" if summary else "")
        lines.append(line)
    lines.append("</ul>")
    return "\n".join(lines)
