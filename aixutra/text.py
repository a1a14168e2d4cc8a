"""Vietnamese-aware text helpers: folding, slugs, normalisation."""

from __future__ import annotations

import re
import unicodedata

# đ/Đ are letters of their own, not d + a combining mark: NFD leaves them whole.
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Strip tone and vowel marks: "Đạo đức" -> "Dao duc"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA_FOLDS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def slugify(value: str, separator: str = "-") -> str:
    """ASCII slug that keeps Vietnamese readable: "Sức khỏe cộng đồng" -> suc-khoe-cong-dong.

    Has the signature of Python-Markdown's toc `slugify` option.
    """
    value = re.sub(r"<[^>]*>", "", value)  # toc passes headings with inline HTML
    slug = _NON_WORD.sub(separator, fold(value).lower()).strip(separator)
    return slug
