"""Sanitise the HTML of contributed pages with nh3 (the Rust `ammonia` sanitiser).

The validator refuses raw HTML that could run script, but the build must not rely on
it: whatever HTML a contributed page renders to goes through an allowlist of exactly
what Markdown and the enabled extensions produce (headings with ids and permalinks,
tables, admonitions, details, task lists, highlighted code, images with relative
addresses, links to http, https, mailto, tel or relative addresses). It runs first in
on_page_content, before the hub adds its own markup, so the hub's markup is never
touched and contributed markup never escapes.
"""

from __future__ import annotations

import re

import nh3

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "rp",
    "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "checked", "disabled"},  # task lists: a disabled checkbox
    "label": {"for"},
    "details": {"open"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "style", "align"},
    "th": {"colspan", "rowspan", "style", "align", "scope"},
    "time": {"datetime"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Removed with everything inside them (the text of a script is not reading matter).
DROP_CONTENT = frozenset({"script", "style", "template", "svg", "math", "iframe", "object", "noscript",
                          "textarea", "select", "title", "xmp", "noembed", "noframes"})
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# Material's own elements have ids starting with "__" (e.g. __config, __search): content
# must not shadow them; code line anchors from pymdownx.highlight are the exception.
RESERVED_ID = re.compile(r"^__(?!codelineno-)")


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name in ("id", "name", "for") and RESERVED_ID.match(value):
        return None
    if tag == "img" and name == "src" and (SCHEME.match(value.strip()) or value.strip().startswith("//")):
        return None  # images come from the repository, never from another host
    if tag == "input" and name == "type":
        return value if value.lower() == "checkbox" else None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROP_CONTENT),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_attribute,
    url_schemes=set(URL_SCHEMES),
    filter_style_properties={"text-align"},  # table column alignment from the tables extension
    set_tag_attribute_values={"input": {"disabled": "", "type": "checkbox"}},
    link_rel=None,  # no target=_blank is ever allowed, so rel adds nothing
    strip_comments=True,
)


def clean(html: str) -> str:
    """The HTML with everything outside the allowlist removed."""
    return _CLEANER.clean(html)


def contributed(page, state) -> bool:
    """An item or a hand-written docs page, as opposed to a page the hub generates."""
    return page.file.src_uri in state.items or not state.generated(page.file.src_uri)


def page_content(html: str, page, state) -> str:
    return clean(html) if contributed(page, state) else html
