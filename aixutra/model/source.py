"""One Markdown file of an item: its raw text, front matter and body, with line numbers."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic
from . import yaml_load

MAX_BYTES = 512 * 1024  # an item is prose; anything larger is a mistake
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|$)", re.S)


@dataclass
class Source:
    path: Path  # absolute
    rel: str  # as shown to contributors, relative to the hub root
    lang: str
    raw: bytes = b""
    text: str | None = None  # None when the bytes could not be decoded
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # 1-based line where the body starts
    lines: dict[tuple, tuple[int, int]] = field(default_factory=dict)  # key path -> (line, col) of the key
    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)  # key path -> (line, col) of its value
    problems: list[Diagnostic] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path, rel: str, lang: str) -> "Source":
        src = cls(path, rel, lang)
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:  # do not even read it: it may be a video uploaded by mistake
                src.problem(1, 1, "too-large", f"Tệp quá lớn ({size // 1024} KB, tối đa {MAX_BYTES // 1024} KB): hãy chia thành nhiều bài",
                            f"file too large ({size // 1024} KB, max {MAX_BYTES // 1024} KB): split it into several items")
                return src
            src.raw = path.read_bytes()
        except OSError as exc:
            src.problem(1, 1, "unreadable", f"Không đọc được tệp ({exc.strerror})", f"cannot read the file ({exc.strerror})")
            return src
        src.text = _decode(src)
        if src.text is not None:
            src._split()
        return src

    def problem(self, line: int, col: int, code: str, vi: str, en: str, severity: str = "error") -> None:
        self.problems.append(Diagnostic(self.rel, line, col, severity, code, vi, en))

    def line_of(self, *keys) -> tuple[int, int]:
        """Where a front matter key sits; falls back to its nearest parent."""
        while keys:
            if keys in self.lines:
                return self.lines[keys]
            keys = keys[:-1]
        return (1, 1)

    def value_of(self, *keys) -> tuple[int, int]:
        """Where a front matter value starts (for "this value is wrong")."""
        return self.values[keys] if keys and keys in self.values else self.line_of(*keys)

    @property
    def digest(self) -> str:
        """Version of this source: a short hash of its text in normal form (LF line ends,
        NFC, no BOM), so that 'validate.py --fix' does not make its translation outdated."""
        text = unicodedata.normalize("NFC", _lf(self.text or ""))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]

    def _split(self) -> None:
        text = _lf(self.text)
        # The same front matter rule as MkDocs (mkdocs.utils.meta): '---' lines, '...' may close.
        match = FRONT_MATTER.match(text)
        if not match:
            if not text.startswith("---"):
                self.problem(1, 1, "no-front-matter", "Thiếu phần thông tin đầu trang (front matter) mở bằng dòng '---'",
                             "missing front matter: the file must start with a '---' line")
                self.body = text
            else:
                self.problem(1, 1, "unclosed-front-matter", "Phần front matter không có dòng '---' đóng lại",
                             "front matter is not closed by a '---' line")
            return
        block = match.group(1) or ""
        self.body = text[match.end():]
        self.body_line = block.count("\n") + 3
        for number, line in enumerate(block.split("\n"), start=2):
            if "\t" in line:
                self.problem(number, line.index("\t") + 1, "yaml-tab", "YAML không cho phép ký tự tab: hãy thay bằng dấu cách",
                             "tabs are not allowed in YAML: use spaces")
        tabs = "\t" in block
        loaded = yaml_load.load(block.replace("\t", " ") if tabs else block)
        for p in loaded.problems:
            if not (tabs and p.code == "yaml-syntax"):  # most likely caused by the tab already reported
                self.problem(p.line + 2, p.col + 1, p.code, p.vi, p.en)
        if loaded.failed:
            return
        data = {} if loaded.data is None else loaded.data
        if not isinstance(data, dict):
            self.problem(2, 1, "front-matter-not-mapping", "Front matter phải là các dòng 'khóa: giá trị'",
                         "front matter must be 'key: value' lines")
            return
        self.meta = data
        # Lines are 1-based in the file: +1 for 1-based, +1 for the opening '---'.
        self.lines = {path: (line + 2, col + 1) for path, (line, col) in loaded.lines.items()}
        self.values = {path: (line + 2, col + 1) for path, (line, col) in loaded.values.items()}


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(src: Source) -> str | None:
    raw = src.raw
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (b"\x00" in raw and _looks_utf16(raw)):
        src.problem(1, 1, "utf16", "Tệp được lưu dạng UTF-16 (Unicode): hãy lưu lại với mã hóa UTF-8",
                    "file is saved as UTF-16 (Unicode): save it again as UTF-8")
        return None
    if b"\x00" in raw:
        src.problem(1, 1, "binary", "Tệp nhị phân (ví dụ .docx, ảnh), không phải văn bản Markdown: hãy dán nội dung vào một tệp .md",
                    "binary file (e.g. .docx, an image), not Markdown text: paste the text into a .md file")
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        if raw.strip():
            src.problem(1, 1, "bom", "Tệp có ký tự BOM ở đầu: hãy lưu với 'UTF-8' (không BOM) hoặc chạy 'python scripts/validate.py --fix'",
                        "file starts with a BOM: save as 'UTF-8' without BOM or run 'python scripts/validate.py --fix'", "warning")
    if not raw.strip():
        src.problem(1, 1, "empty-file", "Tệp rỗng: hãy tạo bài bằng 'python scripts/new.py' hoặc xóa tệp",
                    "empty file: create the item with 'python scripts/new.py' or delete the file")
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        col = len(raw[line_start:exc.start].decode("utf-8", "replace")) + 1
        src.problem(line, col, "not-utf8", "Tệp không phải UTF-8 (có thể là Windows-1258 hoặc TCVN3/ABC): hãy mở bằng trình soạn thảo và lưu lại với mã hóa UTF-8",
                    "file is not UTF-8 (maybe Windows-1258 or TCVN3/ABC): open it in an editor and save it as UTF-8")
        return None


def _looks_utf16(raw: bytes) -> bool:
    """Text saved as UTF-16 without a BOM: the high byte of every ASCII character is zero
    (Markdown is largely ASCII: spaces, punctuation, line breaks), and it decodes cleanly."""
    pairs = len(raw) // 2
    if pairs < 4:
        return False
    even, odd = raw[0:pairs * 2:2].count(0), raw[1:pairs * 2:2].count(0)
    codec = "utf-16-le" if odd > even else "utf-16-be"
    if max(even, odd) < 0.3 * pairs or min(even, odd) > 0.05 * pairs:
        return False
    try:
        text = raw[: pairs * 2].decode(codec)
    except UnicodeDecodeError:
        return False
    return sum(c.isprintable() or c in "\n\r\t" for c in text) > 0.95 * len(text)
