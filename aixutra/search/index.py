"""One language's search index: built by lunr at build time, packed small for the browser.

Vietnamese words are indexed as written (lowercase, NFC): the browser folds the index's
vocabulary once, so "duong" finds "đường" and "dương" alike, while "đường" can rank the
exact spelling first. English words are folded, stop-word filtered and stemmed by lunr.

The packed form stores what lunr's builder counted (term frequencies, field lengths)
instead of the weights it derives from them: the weights are a formula of those counts
(BM25, the last step of lunr's build) and three times larger to ship. The browser
(assets/search/search.js) decodes only the words a query asks for, computes their
weights as lunr does and lets lunr match and score them. Nothing is tokenised or
counted in the browser.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from lunr import __TARGET_JS_VERSION__ as LUNR_VERSION
from lunr.builder import Builder
from lunr.index import Index
from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter

from ..text import fold
from .documents import KINDS, Doc
from .tokens import folded, words

FORMAT = 1
# Field -> boost: the title, short key phrases (headings, tags, tasks, sectors, unit),
# longer text (summary, prompt texts, measured results). Tuned on tests/search_queries.yml.
FIELDS = {"t": 10, "k": 4, "x": 1}
K1, B = 1.2, 0.75  # lunr's BM25 defaults, written into the index for the browser


@dataclass
class Built:
    builder: Builder  # keeps the counts the packed form stores
    index: Index
    docs: list[Doc]
    lang: str


def terms(text: str, lang: str) -> list[str]:
    return folded(text) if lang == "en" else words(text)


def build(docs: list[Doc], lang: str) -> Built:
    """A lunr index of the documents; a document's ref is its position in the list."""
    builder = Builder()
    builder.k1(K1)
    builder.b(B)
    if lang == "en":
        # English words are stemmed; Vietnamese syllables stay whole ("trí" is not "tr").
        builder.pipeline.add(stop_word_filter, stemmer)
        builder.search_pipeline.add(stop_word_filter, stemmer)
    builder.ref("id")
    for name, boost in FIELDS.items():
        builder.field(name, boost=boost)
    for n, doc in enumerate(docs):
        builder.add({"id": str(n), "t": terms(doc.title, lang), "k": terms(" ".join(doc.keywords), lang),
                     "x": terms(" ".join(doc.text), lang)})
    return Built(builder, builder.build(), docs, lang)


def _js_order(text: str) -> bytes:
    return text.encode("utf-16-be")  # JavaScript compares strings by UTF-16 code units


def vocabulary(built: Built) -> dict[str, list[str]]:
    """The index's terms under their folded spelling ("duong": dương, đường), in JS order."""
    groups: dict[str, list[str]] = {}
    for term in built.builder.inverted_index:
        groups.setdefault(fold(term), []).append(term)
    return {key: sorted(groups[key], key=_js_order) for key in sorted(groups, key=_js_order)}


def pack(built: Built, kinds: dict[str, str], sectors: dict[str, str]) -> dict:
    """The index and what results show, in few bytes of JSON, decoded lazily by the browser.

    pipeline, folded: lunr's search pipeline; whether terms are folded (English) or not;
    keys: the folded spellings, sorted, space separated;
    terms: for each key, its terms joined by "|", space separated (a term's number is its
      position in that order);
    postings[field]: for each term, ";" separated: the documents that have the term in
      that field, as gaps from the previous document number, each followed by -tf when
      the term occurs tf > 1 times, "," separated;
    lengths[field][doc]: the number of terms of the field in the document;
    docs[n]: [url, title, kind number, [sector numbers], summary, translated (0/1)].
    """
    builder, docs = built.builder, built.docs
    groups = vocabulary(built)
    ordered = [term for terms in groups.values() for term in terms]
    postings = []
    for name in FIELDS:
        lists = []
        for term in ordered:
            packed, last = [], 0
            for doc in sorted(int(ref) for ref in builder.inverted_index[term][name]):
                packed.append(doc - last)
                last = doc
                tf = builder.field_term_frequencies[f"{name}/{doc}"][term]
                if tf > 1:
                    packed.append(-tf)
            lists.append(",".join(map(str, packed)))
        postings.append(";".join(lists))
    sector_ids = list(sectors)
    return {
        "format": FORMAT, "lunr": LUNR_VERSION, "lang": built.lang,
        "pipeline": built.index.pipeline.serialize(), "folded": built.lang == "en",
        "fields": list(FIELDS), "boosts": list(FIELDS.values()), "k1": K1, "b": B,
        "keys": " ".join(groups),
        "terms": " ".join("|".join(terms) for terms in groups.values()),
        "postings": postings,
        "lengths": [[builder.field_lengths[f"{name}/{n}"] for n in range(len(docs))] for name in FIELDS],
        "kinds": [kinds[k] for k in KINDS],
        "sectors": [sectors[s] for s in sector_ids],
        "docs": [[d.url, d.title, KINDS.index(d.kind), [sector_ids.index(s) for s in d.sectors],
                  d.summary, int(d.translated)] for d in docs],
    }


def script(payload: dict) -> str:
    """A script that hands the payload to the page: <script> tags load from file:// too."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # JSON.parse of a string is faster than a large object literal; escape it for '...'.
    literal = (text.replace("\\", "\\\\").replace("'", "\\'")
               .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return f"axtSearch.load(JSON.parse('{literal}'));\n"
