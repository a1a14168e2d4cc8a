"""Front matter against the JSON Schema, with each error explained in Vietnamese and English."""

from __future__ import annotations

import datetime as dt
import difflib

from jsonschema import Draft7Validator, FormatChecker

from ..diagnostics import Diagnostic
from ..model import Item, Source
from ..schema import source_schema, translation_schema
from ..taxonomy import Taxonomies

TYPES = {"string": ("văn bản", "text"), "array": ("danh sách [a, b]", "a list [a, b]"),
         "object": ("nhóm 'khóa: giá trị'", "a 'key: value' mapping"), "number": ("số", "a number"),
         "integer": ("số nguyên", "a whole number"), "boolean": ("true hoặc false", "true or false")}
# Front matter that stops the schema from making sense: already reported by Source.
BROKEN = ("yaml-syntax", "no-front-matter", "unclosed-front-matter", "front-matter-not-mapping")

def _validator(kind: str, lang: str, tax: Taxonomies) -> Draft7Validator:
    # Keyed by the taxonomies' content, not the object: `mkdocs serve` reloads data/ on
    # every rebuild, and a unit added there must be accepted at once.
    key = (kind, lang) + tuple(tuple(terms) for terms in (tax.sectors, tax.audiences, tax.levels, tax.tools, tax.units))
    if key not in _COMPILED:
        if len(_COMPILED) > 24:
            _COMPILED.clear()
        schema = source_schema(kind, tax) if lang == "vi" else translation_schema(kind)
        _COMPILED[key] = Draft7Validator(schema, format_checker=FormatChecker())
    return _COMPILED[key]


_COMPILED: dict[tuple, Draft7Validator] = {}


def check(item: Item, src: Source, tax: Taxonomies) -> list[Diagnostic]:
    if src.text is None or any(p.code in BROKEN for p in src.problems):
        return []  # the file itself is broken: that problem is reported already
    validator = _validator(item.type, src.lang, tax)
    source_fields = set(source_schema(item.type, tax)["properties"]) if src.lang == "en" else set()
    found = []
    errors = sorted(validator.iter_errors(jsonable(src.meta)), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        found.extend(_explain(error, src, source_fields))
    return found


def jsonable(value):
    """YAML gives dates as date objects; the schema speaks JSON."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return repr(value)
    if isinstance(value, (set, frozenset)):
        return {str(v): None for v in value}
    return value


def _where(path) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "front matter"


def _show(value) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _explain(error, src: Source, source_fields: set) -> list[Diagnostic]:
    path = tuple(error.absolute_path)
    field = _where(path)
    kind, value, schema = error.validator, error.instance, error.schema
    # Problems of a value point at the value; missing or unknown fields at the key.
    line, col = src.line_of(*path) if kind in ("required", "additionalProperties") else src.value_of(*path)

    def diag(vi, en, at=(line, col)):
        return Diagnostic(src.rel, at[0], at[1], "error", f"schema-{kind}", vi, en)

    if kind == "required":
        missing = [name for name in error.validator_value if isinstance(value, dict) and name not in value]
        name = missing[0] if missing else "?"
        if name == "sources":
            return [diag("Mô hình nêu tên đơn vị thật (illustrative: false) phải có 'sources': nguồn công khai cho từng thông tin",
                         "a case naming a real unit (illustrative: false) needs 'sources': a public source for each fact")]
        if name == "replicated_on":
            return [diag("Có 'replicated_from' thì phải có 'replicated_on': ngày bắt đầu nhân rộng (YYYY-MM-DD)",
                         "'replicated_from' needs 'replicated_on': the date the replication started (YYYY-MM-DD)")]
        where = (f" trong '{field}'", f" in '{field}'") if path else ("", "")
        return [diag(f"Thiếu trường bắt buộc '{name}'{where[0]}", f"missing required field '{name}'{where[1]}")]
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        out = []
        for key in value:
            if key in allowed:
                continue
            at = src.line_of(*path, key)
            if not path and key in source_fields:
                out.append(diag(f"Trường '{key}' chỉ ghi trong bản tiếng Việt: hãy xóa khỏi bản tiếng Anh",
                                f"'{key}' is taken from the Vietnamese file: remove it from the English file", at))
                continue
            hint = difflib.get_close_matches(str(key), allowed, n=1)
            tip_vi = f" (có phải '{hint[0]}'?)" if hint else f"; các trường được dùng: {', '.join(allowed)}"
            tip_en = f" (did you mean '{hint[0]}'?)" if hint else f"; allowed fields: {', '.join(allowed)}"
            out.append(diag(f"Trường không hợp lệ '{_show(key)}'{tip_vi}", f"unknown field '{_show(key)}'{tip_en}", at))
        return out
    if kind == "type":
        vi, en = TYPES.get(schema["type"], (schema["type"], schema["type"]))
        got_vi, got_en = ("để trống", "empty") if value is None else (f"'{_show(value)}'", f"'{_show(value)}'")
        return [diag(f"'{field}' phải là {vi} (đang là {got_vi})", f"'{field}' must be {en} (it is {got_en})")]
    if kind == "enum":
        options = [str(o) for o in schema["enum"]]
        hint = difflib.get_close_matches(str(value), options, n=3)
        source = schema.get("x-source", "")
        listing = ", ".join(hint) if hint else ", ".join(options[:12]) + (" ..." if len(options) > 12 else "")
        return [diag(f"Giá trị '{_show(value)}' của '{field}' không có trong danh mục ({source}); chọn: {listing}",
                     f"'{_show(value)}' is not a valid value of '{field}' ({source}); choose: {listing}")]
    if kind == "format":
        return [diag(f"'{_show(value)}' của '{field}' không phải ngày có thật: viết YYYY-MM-DD, ví dụ 2026-11-20",
                     f"'{_show(value)}' in '{field}' is not a real date: write YYYY-MM-DD, e.g. 2026-11-20")]
    if kind == "pattern":
        form = schema.get("x-form") or schema["pattern"]
        return [diag(f"'{_show(value)}' của '{field}' không đúng dạng {form}", f"'{_show(value)}' in '{field}' is not of the form {form}")]
    if kind == "minLength":
        return [diag(f"'{field}' không được để trống", f"'{field}' must not be empty")]
    if kind == "minItems":
        return [diag(f"'{field}' cần ít nhất {schema['minItems']} mục", f"'{field}' needs at least {schema['minItems']} item(s)")]
    if kind in ("maxItems", "maxLength"):
        limit = schema.get("maxItems", schema.get("maxLength"))
        unit = ("mục", "items") if kind == "maxItems" else ("ký tự", "characters")
        return [diag(f"'{field}' quá dài: tối đa {limit} {unit[0]}", f"'{field}' is too long: at most {limit} {unit[1]}")]
    if kind == "uniqueItems":
        return [diag(f"'{field}' có giá trị lặp lại", f"'{field}' has repeated values")]
    if kind == "minimum":
        return [diag(f"'{field}' không được âm", f"'{field}' must not be negative")]
    return [diag(f"'{field}': {error.message}", f"'{field}': {error.message}")]
