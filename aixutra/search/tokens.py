"""Words of the search index and of queries: NFC, lowercase, and folded where asked.

The browser (assets/search/search.js) splits and folds queries the same way; keep the two in step.
"""

from __future__ import annotations

import re
import unicodedata

from ..text import fold

# Letters, digits and the combining marks of decomposed (NFD) text that NFC could not compose.
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")


def words(text: str) -> list[str]:
    """Lowercase NFC words of a text: "Đạo đức, 13/2023" -> ["đạo", "đức", "13", "2023"]."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def folded(text: str) -> list[str]:
    """The words without tone and vowel marks, đ as d: what every query is matched against."""
    return [fold(w) for w in words(text)]

