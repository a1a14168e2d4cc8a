"""Just enough Markdown reading for the checks: code to skip, headings, link targets.

Positions are kept: code is blanked with spaces, never cut out, so an offset in the
blanked text is the same offset in the file's body.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import unquote

from ..text import slugify

# Patterns start with a literal character where they can, so that the regex engine skips
# ahead to it instead of trying every position of a long file.
FENCE = re.compile(r"(?ms)^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1[`~]*[ \t]*$")
CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
SETEXT = re.compile(r"^(?P<text>[^\s#>\-*+|=][^\n]*)\n(?P<bar>=+|-+)[ \t]*$", re.M)
ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
ATTR_LIST = re.compile(r"\{:?[ \t]*[^{}\n]*\}")
INLINE_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*(<[^>\n]*>|[^)\s]*)[^)]*\)")
REF_DEF = re.compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:[ \t]*(?P<target><[^>\n]*>|\S+)", re.M)
REF_USE = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\[([^\]]*)\]")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def blank(text: str) -> str:
    """Spaces for every character but line breaks: keeps offsets and line numbers."""
    return re.sub(r"[^\n]", " ", text)


@lru_cache(maxsize=16)  # several checks read the same body
def strip_code(body: str) -> str:
    """Blank out fenced blocks and code spans: shown as text, never run or followed."""
    if "```" in body or "~~~" in body:
        body = FENCE.sub(lambda m: blank(m.group(0)), body)
    if "`" not in body:
        return body

    def span(m):  # a span starts at the first backtick of a run
        return m.group(0) if m.start() and body[m.start() - 1] == "`" else blank(m.group(0))
    return CODE_SPAN.sub(span, body)


def position(text: str, index: int) -> tuple[int, int]:
    """0-based line and 0-based column of an offset."""
    line = text.count("\n", 0, index)
    return line, index - (text.rfind("\n", 0, index) + 1)


def _heading_text(raw: str) -> str:
    text = ATTR_LIST.sub("", raw)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link's text, not its address
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def headings(body: str) -> set[str]:
    """Anchor ids the body's headings get on the site (Python-Markdown toc, our slugify)."""
    body = strip_code(body)
    found: list[tuple[int, str]] = []
    for m in HEADING.finditer(body):
        found.append((m.start(), m.group(2)))
    for m in SETEXT.finditer(body):
        found.append((m.start(), m.group("text")))
    ids: set[str] = set()
    for _, raw in sorted(found):
        explicit = ATTR_ID.search(raw)
        base = explicit.group(1) if explicit else slugify(_heading_text(raw))
        anchor, n = base, 0
        while anchor in ids:  # toc makes repeated headings unique: x, x_1, x_2
            n += 1
            anchor = f"{base}_{n}"
        ids.add(anchor)
    return ids


@dataclass(frozen=True)
class Target:
    offset: int  # in the body
    image: bool
    url: str  # as written (entities decoded)
    kind: str  # "inline" | "reference" | "html"


class _RawTags(HTMLParser):
    """Raw HTML start tags with their attributes and offsets."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, str, list]] = []
        self._starts = [0]
        for line in text.split("\n"):
            self._starts.append(self._starts[-1] + len(line) + 1)
        try:
            self.feed(text)
            self.close()
        except Exception:  # HTMLParser is lenient; whatever it chokes on the regex checks still see
            pass

    def handle_starttag(self, tag, attrs):
        line, col = self.getpos()
        self.tags.append((self._starts[line - 1] + col, tag, attrs))

    handle_startendtag = handle_starttag


def raw_tags(text: str) -> list[tuple[int, str, list]]:
    return _RawTags(text).tags


def targets(body: str) -> list[Target]:
    """Every link and image address of the body outside code: inline, reference, raw HTML."""
    text = strip_code(body)
    found = []

    def bang(m) -> bool:
        return m.start() > 0 and text[m.start() - 1] == "!"
    for m in INLINE_LINK.finditer(text):
        image = bang(m)
        found.append(Target(m.start() - image, image, _clean(m.group(2)), "inline"))
    image_labels = {(u.group(2) or u.group(1)).strip().lower() for u in REF_USE.finditer(text) if bang(u)}
    for m in REF_DEF.finditer(text) if "]:" in text else ():
        image = m.group("label").strip().lower() in image_labels
        found.append(Target(m.start("target"), image, _clean(m.group("target")), "reference"))
    for offset, tag, attrs in raw_tags(text):
        for name, value in attrs:
            if (tag, name) in (("a", "href"), ("img", "src")) and value is not None:
                found.append(Target(offset, tag == "img", value.strip(), "html"))
    return found


def _clean(target: str) -> str:
    target = target.strip()
    if target.startswith("<") and target.endswith(">"):
        target = target[1:-1].strip()
    return html.unescape(target)


def scheme(url: str) -> str | None:
    """The scheme a browser would see: entities decoded, tabs and line breaks ignored."""
    squeezed = CONTROL.sub("", html.unescape(url)).strip().lower()
    m = re.match(r"^([a-z][a-z0-9+.-]*):", squeezed)
    if m:
        return m.group(1)
    return "//" if squeezed.startswith("//") else None


def local_path(url: str) -> tuple[str, str]:
    """Path and anchor of a local address, percent-escapes decoded."""
    path, _, anchor = url.partition("#")
    path = path.split("?", 1)[0]
    return unquote(path), unquote(anchor)
