"""What every item page gets around its body, rendered from the model (HTML, autoescaped).

- case studies: a summary box (unit, sectors, stage, tools, results before and after, time
  saved, cost, replicated from / in) and the "how to replicate" section as a printable
  checklist;
- prompt libraries: a card per prompt (data-safety label, tools tested, variable form,
  copy button, "open in" links, example output), also listed in the page's contents;
- every item: a footer with unit, last update, licence, translation state, edit link,
  taxonomies and related items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import escape
from mkdocs.structure.toc import AnchorLink

from ..model import Item
from ..strings import t
from . import paths
from .index import Index
from .render import render
from .views import case_results, content_lang, mapping, term, texts, translation

# Headings of the "how to replicate" section (toc slugs of MODEL.md's required headings).
REPLICATE_IDS = ("cach-nhan-rong", "how-to-replicate")
_VARIABLE = re.compile(r"(\{\{\s*[a-z0-9_]+\s*\}\})")
_ID = re.compile(r'\sid="([^"]+)"')


@dataclass
class Decorated:
    top: str = ""  # between the notices and the body
    body: str = ""
    bottom: str = ""  # after the body
    toc: list[AnchorLink] = field(default_factory=list)  # entries to add to the page's contents


def decorate(html: str, page, item: Item, index: Index, lang: str) -> Decorated:
    linked = paths.enabled()

    def href(target: str) -> str | None:
        """Link to another page; None when that page is not generated (the benchmark baseline)."""
        return paths.html_link(target, lang, page.url) if linked or paths.is_item(target) else None

    clang = content_lang(item, lang)
    common = dict(item=item, tax=index.hub.taxonomies, href=href, clang=clang,
                  units=index.by_unit)
    out = Decorated(body=html)
    if item.collection == "use_cases":
        out.top = render("case_summary.html.j2", lang, **common, **case_context(item, index, lang))
        out.body = checklist(html, item, lang, clang)
    if item.collection == "prompts":
        prompts = prompt_cards(item, index, lang, taken=set(_ID.findall(html)))
        if prompts:
            out.bottom += render("prompt_cards.html.j2", lang, **common, prompts=prompts)
            entry = AnchorLink(t("prompt.list", lang), "axt-prompts", 2)
            entry.children = [AnchorLink(str(escape(p.task)), p.anchor, 3) for p in prompts]
            out.toc.append(entry)
    out.bottom += render("item_footer.html.j2", lang, **common, edit_url=page.edit_url,
                         edit_path=edit_path(page), translation=translation(item),
                         related=index.related(item)[:12])
    return out


def extend_toc(toc, entries: list[AnchorLink]) -> None:
    """Add entries to a page's contents (under its h1 when the page has one, as Material shows)."""
    if not entries or toc is None:
        return
    items = list(toc)
    target = items[0].children if len(items) == 1 and items[0].level == 1 else toc.items
    target.extend(entries)


# Case studies.

def case_context(item: Item, index: Index, lang: str) -> dict:
    original = index.original(item)
    saved, cost = mapping(item, lang, "time_saved"), mapping(item, lang, "cost")
    return dict(results=case_results(item, lang), stage=term(index.hub.taxonomies.stages, item.data.get("stage")),
                saved=saved, cost=cost, original=original, replicated_on=item.data.get("replicated_on"),
                replicas=index.replicas(item))


def checklist(html: str, item: Item, lang: str, clang: str) -> str:
    """Turn the "how to replicate" section into a printable checklist with the prerequisites."""
    start = -1
    for anchor in REPLICATE_IDS:
        start = html.find(f'<h2 id="{anchor}"')
        if start >= 0:
            break
    if start < 0:
        return html
    end = html.find("<h2", start + 3)
    end = len(html) if end < 0 else end
    section = re.sub(r"<ol(\s[^>]*)?>", lambda m: f'<ol class="axt-checklist__steps"{m[1] or ""}>',
                     html[start:end], count=1)
    heading_end = section.find("</h2>") + len("</h2>")
    extra = render("checklist.html.j2", lang, item=item, clang=clang,
                   prerequisites=texts(item, lang, "prerequisites"))
    wrapped = (f'<section class="axt-checklist" id="axt-checklist">{section[:heading_end]}{extra}'
               f'{section[heading_end:]}</section>\n')
    return html[:start] + wrapped + html[end:]


# Prompt libraries.

@dataclass
class Prompt:
    anchor: str
    task: str
    segments: list[tuple[str, bool]]  # (text, is a {{variable}})
    variables: list[dict]  # name, label, example, long
    safety: object  # Term or None
    tested: list[tuple[object, str]]  # (tool Term, "YYYY-MM")
    open: list[object]  # tool Terms that take a prompt in a link
    example_output: str
    lang: str  # language of the prompt text


def prompt_cards(item: Item, index: Index, lang: str, taken: set[str]) -> list[Prompt]:
    tax = index.hub.taxonomies
    raw = item.meta(lang).get("prompts")
    translated_ids = set()
    if lang != "vi" and item.en is not None and isinstance(item.en.meta.get("prompts"), list):
        translated_ids = {p.get("id") for p in item.en.meta["prompts"] if isinstance(p, dict) and p.get("text")}
    cards = []
    for n, p in enumerate(raw if isinstance(raw, list) else [], 1):
        if not isinstance(p, dict) or not isinstance(p.get("text"), str):
            continue
        anchor = p.get("id") if isinstance(p.get("id"), str) and p.get("id") else f"prompt-{n}"
        if anchor in taken:
            anchor = f"prompt-{anchor}"
        taken.add(anchor)
        tested = []
        for entry in p.get("tested_with") if isinstance(p.get("tested_with"), list) else []:
            tool = term(tax.tools, entry.get("tool")) if isinstance(entry, dict) else None
            if tool is not None:
                tested.append((tool, str(entry.get("date") or "")))
        safety = term(tax.data_safety, p.get("data_safety"))
        # Never offer a one-tap route into a public AI tool for data that must not go there.
        opens = [] if safety is not None and safety.id == "khong-dung-ai-cong-cong" else \
            list({tool.id: tool for tool, _ in tested if _open_url(tool)}.values())
        cards.append(Prompt(anchor, str(p.get("task") or anchor), _segments(p["text"]), _variables(p, lang),
                            safety, tested, opens, str(p.get("example_output") or ""),
                            lang if lang == "vi" or p.get("id") in translated_ids else "vi"))
    return cards


def _open_url(tool) -> str | None:
    url = tool.extra.get("open_url")
    return url if isinstance(url, str) and url.startswith("https://") and "{prompt}" in url else None


def _segments(text: str) -> list[tuple[str, bool]]:
    return [(part, bool(_VARIABLE.fullmatch(part))) for part in _VARIABLE.split(text.rstrip("\n")) if part]


def _variables(prompt: dict, lang: str) -> list[dict]:
    found = []
    for v in prompt.get("variables") if isinstance(prompt.get("variables"), list) else []:
        if not isinstance(v, dict) or not isinstance(v.get("name"), str):
            continue
        label = v.get("label")
        label = (label.get(lang) or label.get("vi") or v["name"]) if isinstance(label, dict) else str(label or v["name"])
        example = str(v.get("example") or "")
        found.append({"name": v["name"], "label": str(label), "example": example,
                      "long": len(example) > 60 or "\n" in example})
    return found


# Every item.

def edit_path(page) -> str | None:
    """The file an "edit this page" link opens, relative to the repository (None: generated)."""
    return getattr(page, "axt_edit_path", None)


def set_edit_url(page, config, origins: dict, root: Path) -> None:
    """Point "edit this page" at the real source: items at the repository root, docs pages in
    docs/, nothing for generated pages."""
    origin = origins.get(page.file.src_uri)
    if isinstance(origin, str) or not (config.edit_uri or config.edit_uri_template):
        page.edit_url, page.axt_edit_path = None, None
        return
    source = origin if origin is not None else page.file.abs_src_path
    try:
        rel = Path(source).resolve().relative_to(root).as_posix() if source else None
    except ValueError:
        rel = None
    if rel is None:  # a page some plugin made in memory, or from outside the repository
        page.edit_url, page.axt_edit_path = None, None
        return
    if config.edit_uri_template:
        url = config.edit_uri_template.format(path=rel, path_noext=rel.rsplit(".", 1)[0])
    else:
        url = config.edit_uri.rstrip("/") + "/" + rel
    if config.repo_url and "://" not in url:
        url = urljoin(config.repo_url.rstrip("/") + "/", url)
    page.edit_url, page.axt_edit_path = url, rel
