"""Printable handouts: per sector, one page with its prompts and replicable models, for
commune meetings where only paper works (the print layout is overrides/assets/stylesheets/
offline-print.css). Pages: handouts/<sector id>.html and handouts/index.html, in each language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

import markdown as markdown_lib
from markupsafe import escape

from ..model import Item
from ..site.sanitize import clean
from ..text import slugify
from . import paths
from .index import Index, sort_key
from .item import REPLICATE_IDS, Prompt, prompt_cards
from .format import month
from .render import md, page
from .views import Model, Result, case_results, content_lang, mapping, model, texts

FOLDER = paths.HANDOUTS
# What a meeting can take on paper (about ten sheets); the sector page lists the rest.
MAX_PROMPTS, MAX_MODELS = 24, 8
_NAME = re.compile(r"^\{\{\s*([a-z0-9_]+)\s*\}\}$")
_HEADING = re.compile(r"^(#{1,2})\s+(.*?)\s*#*\s*$")
# A link inside the hub means nothing on paper and would not resolve from the handout's folder.
_LOCAL_LINK = re.compile(r'<a href="(?![a-z]+:)[^"]*">(.*?)</a>', re.S)


def path(sector_id: str) -> str:
    """Where a sector's handout lives, relative to a language root (for links from other pages)."""
    return f"{FOLDER}/{sector_id}"


@dataclass
class HandoutPrompt:
    library: Item
    prompt: Prompt
    text: str  # the prompt with each {{variable}} shown as [its label]
    tested: str  # "ChatGPT (10/2026), Gemini (10/2026)", escaped for HTML


@dataclass
class HandoutModel:
    model: Model
    results: list[Result]
    saved: dict
    cost: dict
    prerequisites: list[str]
    steps: str  # sanitised HTML of the "how to replicate" section
    lang: str  # language of the case's own text


def handout_pages(index: Index, lang: str) -> dict[str, str]:
    pages, rows = {}, []
    for sector in index.terms("sector").values():
        items = index.items_of("sector", sector.id)
        # The libraries updated last first, so that a capped handout carries the freshest prompts.
        libraries = sorted((i for i in items if i.collection == "prompts"), key=lambda i: sort_key(i, lang))
        libraries.sort(key=lambda i: i.updated or dt.date.min, reverse=True)
        taken: set[str] = set()  # prompt anchors, unique across the page's libraries
        prompts = [(library, card) for library in libraries for card in prompt_cards(library, index, lang, taken)]
        cases = index.ranked_models([i for i in items if i.collection == "use_cases"], lang)
        source, text = page("handout.md.j2", path(sector.id), lang, index, sector=sector, heading=heading,
                            prompts=[_prompt(library, card, lang) for library, card in prompts[:MAX_PROMPTS]],
                            models=[_model(index, case, lang) for case in cases[:MAX_MODELS]],
                            total_prompts=len(prompts), total_models=len(cases), sector_page=paths.term("sector", sector.id))
        pages[source] = text
        rows.append((sector, len(prompts), len(cases)))
    source, text = page("handout_index.md.j2", f"{FOLDER}/index", lang, index, rows=rows, handout=path)
    pages[source] = text
    return pages


def heading(value) -> str:
    """A value for a Markdown heading: as `md`, but quotes stay quotes (the table of contents
    escapes a heading's text once more, and would show &#34; for a quote)."""
    return md(value).replace("&\\#34;", '"').replace("&\\#39;", "'")


def _prompt(library: Item, card: Prompt, lang: str) -> HandoutPrompt:
    labels = {v["name"]: v["label"] for v in card.variables}
    text = ""
    for part, is_variable in card.segments:
        name = _NAME.match(part).group(1) if is_variable else None
        text += f"[{labels.get(name, name)}]" if is_variable else part
    tested = ", ".join(str(escape(tool.label(lang) + (f" ({month(when, lang)})" if when else ""))) for tool, when in card.tested)
    return HandoutPrompt(library, card, text, tested)


def _model(index: Index, case: Item, lang: str) -> HandoutModel:
    clang = content_lang(case, lang)
    return HandoutModel(model(index, case, lang), case_results(case, lang), mapping(case, lang, "time_saved"),
                        mapping(case, lang, "cost"), texts(case, lang, "prerequisites"),
                        replication_steps(case, clang), clang)


@cache
def _markdown() -> markdown_lib.Markdown:
    return markdown_lib.Markdown(extensions=["sane_lists"])  # made once: its set-up costs more than a short text


def replication_steps(case: Item, lang: str) -> str:
    """The case's "how to replicate" section as HTML, sanitised like every contributed page."""
    source = case.source(lang) if case.translated(lang) else case.vi
    body = source.body if source is not None else ""
    lines, inside = [], False
    for line in body.splitlines():
        match = _HEADING.match(line)
        if match:
            if inside:
                break
            inside = len(match.group(1)) == 2 and slugify(match.group(2)) in REPLICATE_IDS
            continue
        if inside:
            lines.append(line)
    html = clean(_markdown().reset().convert("\n".join(lines)))
    return _LOCAL_LINK.sub(r"\1", html).strip()
