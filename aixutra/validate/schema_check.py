"""Front matter against the JSON Schema, with each error explained in Vietnamese and English."""

from __future__ import annotations

import datetime as dt
import difflib
import re

from jsonschema import Draft202012Validator, FormatChecker

from ..diagnostics import Diagnostic
from ..model import Item, Source
from ..schema import source_schema, translation_schema
from ..taxonomy import Taxonomies

TYPES_VI = {"string": ("văn bản", "text"), "array": ("danh sách [a, b]", "a list [a, b]"),
            "object": ("nhóm 'khóa: giá trị'", "a 'key: value' mapping"), "number": ("số", "a number"),
            "integer": ("số nguyên", "a whole number"), "boolean": ("true hoặc false", "true or false")}


_VALIDATORS: dict[tuple, Draft202012Validator] = {}


def _validator(kind: str, lang: str, tax: Taxonomies) -> Draft202012Validator:
    # Compiled once per taxonomy set: a hub of thousands of items reuses six validators.
    key = (id(tax), kind, lang)
    if key not in _VALIDATORS:
        schema = source_schema(kind, tax) if lang == "vi" else translation_schema(kind)
        _VALIDATORS[key] = Draft202012Validator(schema, format_checker=FormatChecker())
    return _VALIDATORS[key]


def check(item: Item, src: Source, tax: Taxonomies) -> list[Diagnostic]:
    if src.text is None or not src.meta and any(p.code.startswith(("yaml", "no-front", "unclosed", "front")) for p in src.problems):
        return []  # the file itself is broken: that problem is reported already
    validator = _validator(item.type, src.lang, tax)
    found = []
    for error in sorted(validator.iter_errors(_jsonable(src.meta)), key=lambda e: list(map(str, e.absolute_path))):
        found.extend(_explain(error, src))
    return found


def _jsonable(value):
    # YAML gives dates as date objects; the schema speaks JSON.
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return repr(value)
    return value


def _where(path) -> str:
    return ".".join(str(p) for p in path) or "front matter"


def _explain(error, src: Source) -> list[Diagnostic]:
    path = tuple(error.absolute_path)
    field = _where(path)
    kind, value, schema = error.validator, error.instance, error.schema
    line, col = src.line_of(*path)

    def diag(vi, en, at=(line, col)):
        return Diagnostic(src.rel, at[0], at[1], "error", f"schema-{kind}", vi, en)

    if kind == "required":
        missing = re.match(r"'([^']+)' is a required property", error.message)
        name = missing.group(1) if missing else "?"
        if name == "sources":
            return [diag("Mô hình nêu tên đơn vị thật (illustrative: false) phải có 'sources': nguồn công khai cho từng thông tin",
                         "a case naming a real unit (illustrative: false) needs 'sources': a public source for each fact")]
        where = f" trong '{field}'" if path else ""
        where_en = f" in '{field}'" if path else ""
        return [diag(f"Thiếu trường bắt buộc '{name}'{where}", f"missing required field '{name}'{where_en}")]
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        out = []
        for key in value:
            if key in allowed:
                continue
            hint = difflib.get_close_matches(str(key), allowed, n=1)
            tip_vi = f" (có phải '{hint[0]}'?)" if hint else f"; các trường được dùng: {', '.join(allowed)}"
            tip_en = f" (did you mean '{hint[0]}'?)" if hint else f"; allowed fields: {', '.join(allowed)}"
            out.append(diag(f"Trường không hợp lệ '{key}'{tip_vi}", f"unknown field '{key}'{tip_en}",
                            src.line_of(*path, key)))
        return out
    if kind == "type":
        vi, en = TYPES_VI.get(schema["type"], (schema["type"], schema["type"]))
        return [diag(f"'{field}' phải là {vi}", f"'{field}' must be {en}")]
    if kind == "enum":
        options = [str(o) for o in schema["enum"]]
        hint = difflib.get_close_matches(str(value), options, n=3)
        desc = schema.get("description", "")
        listing = ", ".join(hint) if hint else ", ".join(options[:12]) + (" ..." if len(options) > 12 else "")
        return [diag(f"Giá trị '{value}' của '{field}' không có trong danh mục {desc}; chọn một trong: {listing}",
                     f"'{value}' is not a valid value of '{field}' {desc}; choose one of: {listing}")]
    if kind == "format":
        return [diag(f"'{value}' của '{field}' không phải ngày hợp lệ: viết YYYY-MM-DD, ví dụ 2026-11-20",
                     f"'{value}' in '{field}' is not a valid date: write YYYY-MM-DD, e.g. 2026-11-20")]
    if kind == "pattern":
        desc = schema.get("description") or schema["pattern"]
        return [diag(f"'{value}' của '{field}' không đúng dạng: {desc}", f"'{value}' in '{field}' has the wrong form: {desc}")]
    if kind in ("minItems", "minLength"):
        if kind == "minLength":
            return [diag(f"'{field}' không được để trống", f"'{field}' must not be empty")]
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
