"""The search index without a browser: words, folding, the lunr index and its packed form."""

from __future__ import annotations

import json
import unicodedata

import pytest
from lunr.builder import Builder

from aixutra.search import index
from aixutra.search.documents import Doc, page_doc
from aixutra.search.hooks import LUNR, copy_lunr
from aixutra.search.tokens import folded, words

KINDS = {"guide": "Hướng dẫn", "prompts": "Câu lệnh mẫu", "case": "Mô hình hay", "page": "Trang"}
SECTORS = {"noi-vu": "Nội vụ", "y-te": "Y tế"}


def test_words_are_nfc_lowercase_and_split_on_punctuation():
    assert words("Đạo đức, 13/2023/NĐ-CP!") == ["đạo", "đức", "13", "2023", "nđ", "cp"]
    assert words("AI_xứ-trà") == ["ai", "xứ", "trà"]


def test_folding_drops_marks_and_maps_d_with_stroke():
    assert folded("Trí tuệ nhân tạo") == ["tri", "tue", "nhan", "tao"]
    assert folded("ĐƯỜNG đi") == ["duong", "di"]
    assert folded("Sức khỏe cộng đồng") == ["suc", "khoe", "cong", "dong"]


def test_decomposed_text_gives_the_same_words():
    text = "Tóm tắt nghị quyết, đường và dương"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert words(nfd) == words(text)
    assert folded(nfd) == folded(text)


def _docs() -> list[Doc]:
    return [
        Doc("guides/a.html", "Tìm đường đến bộ phận một cửa", "guide", ["noi-vu"], "Đường đi, đường đi.",
            keywords=["đường đi", "Nội vụ"], text=["Đường đi, đường đi."]),
        Doc("guides/b.html", "Dương lịch trong báo cáo", "guide", ["y-te"], "Ngày dương lịch.",
            keywords=["Y tế"], text=["Ngày dương lịch."]),
        Doc("index.html", "Trang chủ", "page"),
    ]


def unpack(payload: dict) -> dict:
    """Read the packed index back: {(field, term): {doc: tf}} (what search.js decodes)."""
    keys = payload["keys"].split(" ")
    groups = [g.split("|") for g in payload["terms"].split(" ")]
    assert len(keys) == len(groups)
    terms = [t for g in groups for t in g]
    found = {}
    for field, lists in zip(payload["fields"], payload["postings"]):
        for term, text in zip(terms, lists.split(";")):
            doc, postings = 0, {}
            for value in map(int, text.split(",")) if text else []:
                if value < 0:
                    postings[doc] = -value
                else:
                    doc += value
                    postings[doc] = 1
            if postings:
                found[field, term] = postings
    return found


def test_vietnamese_terms_keep_their_marks_under_a_folded_key():
    payload = index.pack(index.build(_docs(), "vi"), KINDS, SECTORS)
    keys = payload["keys"].split(" ")
    groups = dict(zip(keys, payload["terms"].split(" ")))
    assert groups["duong"].split("|") == ["dương", "đường"]  # JavaScript order: ư < đ
    assert keys == sorted(keys, key=lambda k: k.encode("utf-16-be"))
    assert payload["folded"] is False and payload["pipeline"] == []


def test_the_packed_index_holds_exactly_what_lunr_counted():
    built = index.build(_docs(), "vi")
    payload = index.pack(built, KINDS, SECTORS)
    found = unpack(payload)
    builder: Builder = built.builder
    expected = {}
    for ref, frequencies in builder.field_term_frequencies.items():
        field, doc = ref.split("/")
        for term, tf in frequencies.items():
            expected.setdefault((field, term), {})[int(doc)] = tf
    assert found == expected
    assert found["t", "đường"] == {0: 1} and found["x", "đường"] == {0: 2}
    assert payload["lengths"] == [[builder.field_lengths[f"{f}/{n}"] for n in range(3)] for f in payload["fields"]]


def test_result_data_is_what_a_result_shows():
    payload = index.pack(index.build(_docs(), "vi"), KINDS, SECTORS)
    assert payload["docs"][0] == ["guides/a.html", "Tìm đường đến bộ phận một cửa", 0, [0],
                                  "Đường đi, đường đi.", 1]
    assert payload["docs"][2][2] == 3 and payload["kinds"][3] == "Trang"
    assert payload["sectors"] == ["Nội vụ", "Y tế"]


def test_english_is_folded_and_stemmed_and_stop_words_dropped():
    docs = [Doc("en/guides/a.html", "Letters from Thái Nguyên", "guide", text=["the drafting of letters"])]
    built = index.build(docs, "en")
    terms = set(built.builder.inverted_index)
    assert {"letter", "thai", "nguyen", "draft"} <= terms
    assert "the" not in terms and "of" not in terms
    payload = index.pack(built, KINDS, SECTORS)
    assert payload["folded"] is True
    assert payload["pipeline"] == ["stopWordFilter", "stemmer"]


def test_the_index_script_hands_valid_json_to_the_page():
    payload = index.pack(index.build([Doc("a.html", "Tiêu đề có 'nháy' và \\ gạch", "page")], "vi"), KINDS, SECTORS)
    script = index.script(payload)
    prefix, suffix = "axtSearch.load(JSON.parse('", "'));\n"
    assert script.startswith(prefix) and script.endswith(suffix)
    literal = script[len(prefix):-len(suffix)]
    # Undo the JavaScript string escapes, then it is the JSON text.
    text = json.loads('"' + literal.replace("\\'", "'").replace('"', '\\"') + '"')
    assert json.loads(text) == payload


def test_lunr_is_copied_without_its_api_comments_but_with_its_licence(tmp_path):
    copy_lunr(tmp_path / "lunr.js")
    copied = (tmp_path / "lunr.js").read_text(encoding="utf-8")
    original = LUNR.read_text(encoding="utf-8")
    assert copied.startswith(original[:original.index("*/") + 2])
    assert "@license MIT" in copied and "Copyright (C) 2020 Oliver Nightingale" in copied
    assert "lunr.Index.prototype.query = function" in copied
    assert "@param" not in copied
    assert len(copied) < 0.7 * len(original)


class _Anchor:
    def __init__(self, title, level, children=()):
        self.title, self.level, self.children = title, level, list(children)


class _Page:
    def __init__(self, url, title, toc, meta=None):
        self.file = type("F", (), {"url": url})()
        self.title, self.toc, self.meta = title, toc, meta or {}


def test_a_page_without_item_gives_title_headings_key_phrases_and_description():
    page = _Page("thuat-ngu.html", "Thuật ngữ AI",
                 [_Anchor("Thuật ngữ AI", 1, [_Anchor("Chữ &amp; số", 2)])],
                 {"description": "Giải thích thuật ngữ."})
    html = "<p>Body text is not indexed.</p><dl><dt>AI (trí tuệ nhân tạo)</dt><dd>...</dd></dl><p><strong>Lưu ý</strong></p>"
    doc = page_doc(page, html, hub=None, item=None, lang="vi")
    assert doc.kind == "page" and doc.title == "Thuật ngữ AI" and doc.summary == "Giải thích thuật ngữ."
    assert doc.keywords == ["Chữ & số", "AI (trí tuệ nhân tạo)", "Lưu ý"]
    assert "Body" not in " ".join(doc.keywords + doc.text)


@pytest.mark.parametrize("length", [50, 119, 120, 121, 400])
def test_summaries_are_cut_at_a_word(length):
    from aixutra.search.documents import SUMMARY_CHARS, _shorten
    text = ("chữ " * 200)[:length].strip()
    short = _shorten(text)
    assert len(short) <= SUMMARY_CHARS + 1
    assert short == text or (short.endswith("…") and text.startswith(short[:-1]))
