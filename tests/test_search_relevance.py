"""Relevance of the search over the real content, in Chromium: tests/search_queries.yml.

Every query is typed into the search box of the real site, online (http on 127.0.0.1)
and offline (file://, every other request blocked), and its expected pages must be among
the first three results.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from .browser import block_network, serve
from .test_search_site import BOX

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
CASES = [(lang, case) for lang in ("vi", "en") for case in QUERIES[lang]]


def test_the_query_set_is_large_and_mixed():
    vi = QUERIES["vi"]
    assert len(vi) + len(QUERIES["en"]) >= 40
    assert any(unicodedata.normalize("NFD", c["q"]) != c["q"] for c in vi)  # with marks
    assert sum(c["q"].isascii() for c in vi) >= 10  # without
    assert any(c.get("nfd") for c in vi)


@pytest.fixture(scope="module", params=["http", "file"])
def searcher(request, real_site, browser):
    """Search boxes of the real site, one page per language, online or offline."""
    context = browser.new_context()
    with serve(real_site) as base:
        root = base if request.param == "http" else real_site.as_uri() + "/"
        blocked = block_network(context, (root,))
        pages = {}

        def top(lang: str, query: str) -> list[str]:
            if lang not in pages:
                page = pages[lang] = context.new_page()
                page.goto(root + ("" if lang == "vi" else f"{lang}/") + "index.html")
            page = pages[lang]
            page.fill(BOX, query)
            page.wait_for_function(
                "q => document.getElementById('axt-search-results').getAttribute('data-query') === q", arg=query)
            hrefs = page.eval_on_selector_all(".axt-search__item a", "links => links.map(a => a.href)")
            prefix = root + ("" if lang == "vi" else f"{lang}/")
            return [h[len(prefix):] if h.startswith(prefix) else h for h in hrefs]

        yield top
        context.close()
    assert blocked == []


@pytest.mark.parametrize("lang,case", CASES, ids=[f"{lang}:{case['q']}" for lang, case in CASES])
def test_expected_pages_in_the_top_three(searcher, lang, case):
    query = unicodedata.normalize("NFD", case["q"]) if case.get("nfd") else case["q"]
    first = searcher(lang, query)[:3]
    missing = [page for page in case["top3"] if page not in first]
    assert not missing, f"{case['q']!r}: {missing} not in the top 3 {first}"
