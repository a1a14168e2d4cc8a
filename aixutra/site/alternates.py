"""The language alternates in the <head> of every page.

Material's script reads each <link rel="alternate"> of a page and downloads the
sitemap.xml beside its address, to send a language switch to the same page. The hub's
language menu already links every page to its translation, so that download is waste: at
1,000 items per language it was a third of the home page's first view (33 KiB gzip,
scripts/bench.py), and on other pages it asked for sitemaps that do not exist. Search
engines still find the alternates in sitemap.xml (mkdocs-static-i18n writes them there).
"""

from __future__ import annotations

import re

_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">[ \t]*\n?')


def drop(output: str) -> str:
    head, end, body = output.partition("</head>")
    return _ALTERNATE.sub("", head) + end + body
