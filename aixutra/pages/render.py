"""Jinja rendering: generated Markdown (values escaped for Markdown and HTML) and HTML fragments.

`*.md.j2` templates write Markdown: every contributed value goes through the `md` filter
(or `html` inside raw HTML, `tojson` in front matter). `*.html.j2` templates write HTML
with autoescape on, so a value can never open a tag.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache

import jinja2
from markupsafe import escape

from ..strings import STRINGS, t
from . import format as fmt
from . import listing, paths

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|!])")


def md(value) -> str:
    """Escape a contributed value for Markdown text (and HTML inside it)."""
    return _MD_SPECIAL.sub(r"\\\1", str(escape(str(value))).replace("\n", " "))


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("aixutra.pages", "templates"),
                             autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",),
                                                                 default_for_string=True, default=False),
                             keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["md"] = md
    env.filters["html"] = lambda v: str(escape(v))
    env.filters["number"] = fmt.number
    env.filters["date"] = fmt.date
    env.filters["month"] = fmt.month
    env.filters["percent"] = fmt.percent
    env.filters["vnd"] = fmt.vnd
    env.filters["raw"] = jinja2.pass_context(lambda ctx, html: ctx["stash"](html))
    env.globals["paths"] = paths
    return env


def tn(key: str, n: int, lang: str) -> str:
    """A string with a count: `<key>.zero` / `<key>.one` forms when they exist (English plurals)."""
    form = {0: f"{key}.zero", 1: f"{key}.one"}.get(n)
    return t(form if form in STRINGS else key, lang, n=n)


def render(template: str, lang: str, **context) -> str:
    return _env().get_template(template).render(
        lang=lang, t=lambda key, **kw: t(key, lang, **kw), tn=lambda key, n: tn(key, n, lang), **context)


def page(template: str, path: str, lang: str, index, **context) -> tuple[str, str]:
    """A generated page: (its source name, its Markdown), with links relative to it.

    `link(target)` is a Markdown link MkDocs checks; `href(target)` a plain .html link for
    raw HTML blocks (which MkDocs leaves alone); `item_list(items)` a list of items as HTML;
    the `raw` filter sets a block of HTML aside in the index's stash.
    """
    folder = posixpath.dirname(path) or "."
    markdown = render(template, lang, page=path,
                      link=lambda target: paths.md_link(target, path),
                      href=lambda target: posixpath.relpath(target + ".html", folder),
                      item_list=lambda items, **kw: index.stash(listing.item_list(index, items, lang, path, **kw)),
                      stash=index.stash,
                      badges=lambda item: listing.badges(item, lang),
                      **context)
    return paths.source(path, lang), markdown
