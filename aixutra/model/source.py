"""One Markdown file of an item: its raw text, front matter and body, with line numbers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..diagnostics import Diagnostic

MAX_BYTES = 512 * 1024  # an item is prose; anything larger is a mistake


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
    lines: dict[tuple, tuple[int, int]] = field(default_factory=dict)  # key path -> (line, col)
    problems: list[Diagnostic] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path, rel: str, lang: str) -> "Source":
        src = cls(path, rel, lang)
        try:
            src.raw = path.read_bytes()
        except OSError as exc:
            src.problem(1, 1, "unreadable", f"Không đọc được tệp ({exc.strerror})", f"cannot read the file ({exc.strerror})")
            return src
        if len(src.raw) > MAX_BYTES:
            src.problem(1, 1, "too-large", f"Tệp quá lớn ({len(src.raw) // 1024} KB, tối đa {MAX_BYTES // 1024} KB): hãy chia thành nhiều bài",
                        f"file too large ({len(src.raw) // 1024} KB, max {MAX_BYTES // 1024} KB): split it into several items")
            return src
        src.text = _decode(src)
        if src.text is not None:
            src._split()
        return src

    def problem(self, line: int, col: int, code: str, vi: str, en: str, severity: str = "error") -> None:
        self.problems.append(Diagnostic(self.rel, line, col, severity, code, vi, en))

    def line_of(self, *keys) -> tuple[int, int]:
        """Where a front matter value sits; falls back to its nearest parent."""
        while keys:
            if keys in self.lines:
                return self.lines[keys]
            keys = keys[:-1]
        return (1, 1)

    @property
    def digest(self) -> str:
        """Version of this source: a short hash of its normalised text."""
        text = (self.text or "").replace("\r\n", "\n")
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]

    def _split(self) -> None:
        text = self.text.replace("\r\n", "\n")
        if not text.startswith("---\n"):
            self.problem(1, 1, "no-front-matter", "Thiếu phần thông tin đầu trang (front matter) mở bằng dòng '---'",
                         "missing front matter: the file must start with a '---' line")
            self.body = text
            return
        end = text.find("\n---\n", 3)
        if end < 0 and text.endswith("\n---"):
            end = len(text) - 4
        if end < 0:
            self.problem(1, 1, "unclosed-front-matter", "Phần front matter không có dòng '---' đóng lại",
                         "front matter is not closed by a '---' line")
            return
        block = text[4:end + 1]
        self.body = text[end + 5:]
        self.body_line = block.count("\n") + 3
        if "\t" in block:
            line = block[: block.index("\t")].count("\n") + 2
            self.problem(line, 1, "yaml-tab", "YAML không cho phép ký tự tab: hãy thay bằng dấu cách",
                         "tabs are not allowed in YAML: use spaces")
            return
        try:
            node = yaml.compose(block, Loader=yaml.SafeLoader)
            data = yaml.load(block, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark else 2
            col = mark.column + 1 if mark else 1
            what = getattr(exc, "problem", None) or "syntax error"
            self.problem(line, col, "yaml-syntax", f"Lỗi cú pháp YAML ({what}): kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép",
                         f"YAML syntax error ({what}): check colons, indentation and quotes")
            return
        if data is None:
            data = {}
        if not isinstance(data, dict):
            self.problem(2, 1, "front-matter-not-mapping", "Front matter phải là các dòng 'khóa: giá trị'",
                         "front matter must be 'key: value' lines")
            return
        self.meta = data
        _index_lines(node, (), self.lines)


def _decode(src: Source) -> str | None:
    raw = src.raw
    if not raw.strip():
        src.problem(1, 1, "empty-file", "Tệp rỗng", "empty file")
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:2].count(b"\x00"):
        src.problem(1, 1, "utf16", "Tệp được lưu dạng UTF-16: hãy lưu lại với mã hóa UTF-8",
                    "file is saved as UTF-16: save it again as UTF-8")
        return None
    if b"\x00" in raw:
        src.problem(1, 1, "binary", "Tệp nhị phân, không phải văn bản Markdown", "binary file, not Markdown text")
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        src.problem(1, 1, "bom", "Tệp có ký tự BOM ở đầu: hãy lưu với 'UTF-8' (không BOM)",
                    "file starts with a BOM: save as 'UTF-8' without BOM", "warning")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        src.problem(line, 1, "not-utf8", "Tệp không phải UTF-8 (có thể là Windows-1258 hoặc TCVN3): hãy mở bằng trình soạn thảo và lưu lại với mã hóa UTF-8",
                    "file is not UTF-8 (maybe Windows-1258 or TCVN3): open it in an editor and save it as UTF-8")
        return None
    return text


def _index_lines(node, path: tuple, out: dict) -> None:
    # Lines are 1-based in the file: +1 for 1-based, +1 for the opening '---'.
    out[path] = (node.start_mark.line + 2, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = path + (key.value,)
            _index_lines(value, sub, out)
            out[sub] = (key.start_mark.line + 2, key.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _index_lines(value, path + (i,), out)
