"""Jinja rendering of generated Markdown, with values escaped for Markdown and HTML."""

from __future__ import annotations

import re
from functools import cache

import jinja2
from markupsafe import escape

from ..strings import t

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|!])")


def md(value) -> str:
    """Escape a contributed value for Markdown text (and HTML inside it)."""
    return _MD_SPECIAL.sub(r"\\\1", str(escape(str(value))).replace("\n", " "))


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("aixutra.pages", "templates"),
                             autoescape=False, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["md"] = md
    env.filters["html"] = lambda v: str(escape(v))
    return env


def render(template: str, lang: str, **context) -> str:
    return _env().get_template(template).render(lang=lang, t=lambda key, **kw: t(key, lang, **kw), **context)
