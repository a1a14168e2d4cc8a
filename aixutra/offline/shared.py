"""Inline <script> and <style> blocks that many pages repeat, stored once in the zip.

A zip compresses each file on its own: the search box's style and script, written into
every page's header, would cost about 2 KB in each of thousands of pages, a fifth of the
copy. The copy keeps one file of each such block and the pages load it from the same
place in the page, so it still runs where it was, in the same order. The pages' security
policy already allows scripts and styles from the copy itself ('self').
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections import Counter
from collections.abc import Iterable

FOLDER = "assets/offline/"
# Shared when at least this many pages repeat a block of at least this many bytes.
MIN_PAGES, MIN_BYTES = 2, 256
_INLINE = re.compile(rb"<(script|style)>(.*?)</\1>", re.S)  # attribute-less: executable, not data
_SUFFIX = {b"script": ".js", b"style": ".css"}


class Shared:
    def __init__(self, blocks: Iterable[tuple[bytes, bytes]]):
        self.files: dict[str, bytes] = {}  # path in the copy -> the block's text
        self._paths: dict[tuple[bytes, bytes], str] = {}
        for kind, body in sorted(blocks):
            path = f"{FOLDER}{hashlib.sha256(body).hexdigest()[:16]}{_SUFFIX[kind]}"
            self.files[path] = body
            self._paths[kind, body] = path

    @classmethod
    def of(cls, pages: Iterable[bytes]) -> "Shared":
        """The blocks that several pages repeat."""
        seen: Counter = Counter()
        for html in pages:
            seen.update(set(_INLINE.findall(html)))
        return cls(block for block, n in seen.items() if n >= MIN_PAGES and len(block[1]) >= MIN_BYTES)

    def rewrite(self, rel: str, html: bytes) -> bytes:
        """The page loading its shared blocks from their files."""
        folder = posixpath.dirname(rel) or "."

        def replace(match: re.Match) -> bytes:
            path = self._paths.get((match.group(1), match.group(2)))
            if path is None:
                return match.group(0)
            href = posixpath.relpath(path, folder).encode()
            if match.group(1) == b"script":
                return b'<script src="' + href + b'"></script>'
            return b'<link rel="stylesheet" href="' + href + b'">'

        return _INLINE.sub(replace, html) if self._paths else html
