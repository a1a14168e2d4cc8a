"""What the search knows of each page: the words to match and the few things a result shows."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field

from ..model import Hub, Item
from ..strings import t

# Result kinds, in the order of their labels in the index file.
KINDS = ("guide", "prompts", "case", "page")
SUMMARY_CHARS = 120  # a result shows the start of the summary; the page has the rest
# Key phrases of a page's text: bold words, and the terms of definition lists (the glossary).
_PHRASE = re.compile(r"<(strong|dt)>(.*?)</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_VARIABLE = re.compile(r"\{\{\s*\w+\s*\}\}")


@dataclass
class Doc:
    url: str  # relative to the site root
    title: str
    kind: str
    sectors: list[str] = field(default_factory=list)  # sector ids
    summary: str = ""
    translated: bool = True  # False: an untranslated page shown in the other language
    # Searchable text by weight: the title, then short key phrases, then longer text.
    keywords: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def page_doc(page, content: str, hub: Hub, item: Item | None, lang: str, generated: bool = False) -> Doc:
    """A built page as a search document. `content` is its rendered HTML.

    A generated page (a sector's page, a handout, a listing) is found by its title: the
    rest of it repeats the items it lists, which are found themselves.
    """
    url = page.file.url
    description = str(page.meta.get("description") or "")
    if generated:
        return Doc(url, page.title or "", "page", summary=_shorten(description), text=[description])
    headings = [_plain(a.title) for a in _anchors(page.toc) if a.level > 1]
    phrases = [_plain(m[1]) for m in _PHRASE.findall(content)]
    if item is None:
        return Doc(url, page.title or "", "page", summary=_shorten(description),
                   keywords=headings + phrases, text=[description])
    meta = item.meta(lang)
    tax = hub.taxonomies
    labels = [tax.sectors[s].label(lang) for s in item.sectors if s in tax.sectors]
    labels += [tax.audiences[a].label(lang) for a in item.audiences if a in tax.audiences]
    if item.unit in tax.units:
        labels.append(tax.units[item.unit].label(lang))
    # A translation's own tags, if it has any: the Vietnamese ones are not English words.
    tagged = item.en.meta if lang != "vi" and item.translated(lang) and item.en else item.data
    tags = [str(x) for x in tagged.get("tags") or [] if isinstance(x, (str, int))]
    tasks, texts = [], []
    for prompt in meta.get("prompts") or []:
        if isinstance(prompt, dict):
            tasks.append(str(prompt.get("task") or ""))
            texts.append(_VARIABLE.sub(" ", str(prompt.get("text") or "")))
    for result in meta.get("results") or []:
        if isinstance(result, dict):
            texts.append(str(result.get("metric") or ""))
    summary = item.summary(lang)
    return Doc(url, item.title(lang), item.type,
               sectors=[s for s in item.sectors if s in tax.sectors],
               summary=_shorten(summary),
               translated=item.translated(lang),
               keywords=[t(f"search.kind.{item.type}", lang)] + tags + tasks + headings + labels + phrases,
               text=[summary] + texts)


def _anchors(toc):
    for anchor in toc or []:
        yield anchor
        yield from _anchors(anchor.children)


def _plain(fragment: str) -> str:
    return html_lib.unescape(_TAG.sub("", fragment)).strip()


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SUMMARY_CHARS:
        return text
    cut = text.rfind(" ", 0, SUMMARY_CHARS)
    return text[:cut if cut > 0 else SUMMARY_CHARS].rstrip(",;:") + "…"
