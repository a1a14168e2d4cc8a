"""Safe automatic repairs: encoding form, line endings, BOM, and translation stamps."""

from __future__ import annotations

import re
import unicodedata

from ..model import Item, Source

STAMP = re.compile(r'^(translation_of:\s*)["\']?[0-9a-fA-F]*["\']?\s*$', re.M)


def normalise(src: Source) -> bool:
    """Rewrite a file as NFC, LF line endings, no BOM. Returns whether it changed."""
    if src.text is None:
        return False
    fixed = unicodedata.normalize("NFC", src.text.replace("\r\n", "\n"))
    if fixed.encode("utf-8") == src.raw:
        return False
    src.path.write_bytes(fixed.encode("utf-8"))
    return True


def stamp_translation(item: Item) -> bool:
    """Record that the English file now translates the current Vietnamese version."""
    en, vi = item.en, item.vi
    if en is None or en.text is None or vi is None or vi.text is None:
        return False
    text = en.path.read_text(encoding="utf-8")
    line = f'translation_of: "{vi.digest}"'
    if STAMP.search(text):
        new = STAMP.sub(line, text, count=1)
    else:
        new = text.replace("---\n", f"---\n{line}\n", 1)
    if new == text:
        return False
    en.path.write_text(new, encoding="utf-8")
    return True
