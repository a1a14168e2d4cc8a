"""A strict, crash-proof YAML reader for front matter and data files.

PyYAML's safe loader accepts things that break later code or hide mistakes: duplicate
keys (the last one silently wins), anchors and aliases (a self-referencing list recurses
forever, a few nested aliases expand exponentially), impossible dates such as
2026-02-30 (a ValueError, not a YAMLError) and dates with a time. This loader turns each
of those into a reported problem, keeps mapping keys as the text that was written, and
records the line and column of every value.

libyaml (C) reads a front matter about ten times faster than PyYAML's own parser, which
matters with thousands of items: it is used whenever it is safe (no aliases, nothing
nested deeply enough to exhaust its C stack); anything else goes through the Python
reader, whose messages say exactly what is wrong and where.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

MAX_DEPTH = 20  # front matter is a few levels deep; anything deeper is a mistake or an attack


# An anchor (&name), alias (*name) or tag (!name) token: the Python reader reports the
# first two, and the two parsers differ on some tags.
SPECIAL = re.compile(r"(?:^|[\s\[{,:?-])[&*!]", re.M)


# Characters the two parsers treat differently (tabs, BOMs, Unicode line breaks, and the
# explicit-key "?" whose empty value they place differently): such texts always go through
# the Python reader, so that both paths read the same.
AMBIGUOUS = re.compile("[\t\ufeff\x85\u2028\u2029]|(?:^|\\s)\\?(?:\\s|$)", re.M)


class _TooDeep(yaml.YAMLError):
    pass


@dataclass
class Problem:
    line: int  # 0-based, within the YAML text
    col: int
    code: str
    vi: str
    en: str


@dataclass
class Loaded:
    data: object = None
    lines: dict[tuple, tuple[int, int]] = field(default_factory=dict)  # key path -> 0-based (line, col) of the key
    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)  # key path -> where its value starts
    problems: list[Problem] = field(default_factory=list)
    failed: bool = False  # the text is not YAML at all: data is None


class _Construct:
    """What both readers build: keys as written, once each; impossible dates kept as text."""

    def construct_mapping(self, node, deep=False):
        # Keys are names: keep them as written ("1", "true", "~" included), once each.
        if not isinstance(node, MappingNode):
            return super().construct_mapping(node, deep)
        self.flatten_mapping(node)  # "<<" merge keys
        mapping: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problems.append(Problem(key_node.start_mark.line, key_node.start_mark.column, "yaml-key",
                                             "Tên trường phải là một từ, không phải danh sách hay nhóm",
                                             "a field name must be a word, not a list or mapping"))
                continue
            key = key_node.value
            if key in mapping:
                self.problems.append(Problem(key_node.start_mark.line, key_node.start_mark.column, "yaml-duplicate-key",
                                             f"Trường '{key}' được khai báo hai lần: chỉ giữ một",
                                             f"the field '{key}' is given twice: keep only one"))
                continue
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_timestamp(self, node):
        # A date that does not exist, or a date with a time, stays text: the schema then
        # says "not a valid date" at its line instead of the reader crashing.
        try:
            value = super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return node.value
        return value if type(value) is dt.date else node.value


class _Loader(_Construct, yaml.SafeLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self.problems: list[Problem] = []
        self.depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            self.problems.append(Problem(event.start_mark.line, event.start_mark.column, "yaml-alias",
                                         "Không dùng tham chiếu YAML (*tên): hãy viết lại giá trị",
                                         "YAML aliases (*name) are not allowed: write the value out"))
            return ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:
            self.problems.append(Problem(event.start_mark.line, event.start_mark.column, "yaml-alias",
                                         "Không dùng neo YAML (&tên): hãy xóa nó",
                                         "YAML anchors (&name) are not allowed: remove it"))
            event.anchor = None
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _CLoader(_Construct, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    def __init__(self, stream):
        super().__init__(stream)
        self.problems: list[Problem] = []


for _cls in (_Loader, _CLoader):
    _cls.add_constructor("tag:yaml.org,2002:timestamp", _cls.construct_yaml_timestamp)


def load(text: str) -> Loaded:
    """Parse YAML text; never raises."""
    if _shallow(text) and not SPECIAL.search(text) and not AMBIGUOUS.search(text):
        fast = _load_fast(text)
        if fast is not None:
            return fast
    return _load_strict(text)


def _shallow(text: str) -> bool:
    """Nesting well below what libyaml's recursive composer can take (overestimated:
    brackets inside quoted text count too, which only sends the text to the Python reader)."""
    depth = deepest = 0
    for bracket in re.findall(r"[\[\]{}]", text):
        depth = depth + 1 if bracket in "[{" else depth - 1
        deepest = max(deepest, depth)
    indent = max((len(line) - len(line.lstrip(" ")) for line in text.split("\n")), default=0)
    return deepest <= MAX_DEPTH and indent <= 4 * MAX_DEPTH


def _load_fast(text: str) -> Loaded | None:
    """libyaml's reading, or None when the Python reader must explain something."""
    loader = _CLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Loaded()
        if _shared(node):  # an alias: the same node reached twice
            return None
        out = Loaded(data=loader.construct_document(node))
        _index(node, (), out.lines, out.values)
        out.problems = loader.problems
        return out
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()


def _shared(root) -> bool:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return False


def _load_strict(text: str) -> Loaded:
    out = Loaded()
    loader = None
    try:
        loader = _Loader(text)  # the reader refuses control characters already here
        node = loader.get_single_node()
        if node is not None:
            out.data = loader.construct_document(node)
            _index(node, (), out.lines, out.values)
        out.problems = loader.problems
    except _TooDeep as exc:
        out.failed = True
        mark = exc.args[0]
        out.problems = [Problem(mark.line, mark.column, "yaml-syntax",
                                f"Cấu trúc lồng quá sâu (hơn {MAX_DEPTH} cấp)",
                                f"nested too deeply (more than {MAX_DEPTH} levels)")]
    except yaml.reader.ReaderError as exc:
        out.failed = True
        line = text.count("\n", 0, exc.position)
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1)
        out.problems = [Problem(line, col, "yaml-syntax",
                                f"Ký tự điều khiển vô hình (mã {exc.character:#04x}) trong YAML: hãy xóa nó",
                                f"invisible control character ({exc.character:#04x}) in the YAML: delete it")]
    except yaml.YAMLError as exc:
        out.failed = True
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        what = getattr(exc, "problem", None) or "syntax error"
        out.problems = (loader.problems if loader else []) + [Problem(
            mark.line if mark else 0, mark.column if mark else 0, "yaml-syntax",
            f"Lỗi cú pháp YAML ({what}): kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép",
            f"YAML syntax error ({what}): check colons, indentation and quotes")]
    finally:
        if loader is not None:
            loader.dispose()
    return out


def _index(node, path: tuple, keys: dict, values: dict) -> None:
    here = (node.start_mark.line, node.start_mark.column)
    keys.setdefault(path, here)
    values.setdefault(path, here)
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode):
                sub = path + (key.value,)
                _index(value, sub, keys, values)
                keys[sub] = (key.start_mark.line, key.start_mark.column)
    elif isinstance(node, SequenceNode):
        for i, value in enumerate(node.value):
            _index(value, path + (i,), keys, values)
