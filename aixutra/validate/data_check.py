"""The taxonomy files in data/: a unit adding itself to data/units.yml must not be able to
break the whole hub, so each file is checked before the hub is loaded from it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from jsonschema import Draft7Validator

from ..diagnostics import Diagnostic
from ..model.yaml_load import Loaded, load
from ..schema import DATA_FILES, data_schema
from .schema_check import TYPES, jsonable


@lru_cache(maxsize=32)
def _parse(text: str) -> Loaded:
    # The reference list of communes is long and rarely changes: parse each version once.
    return load(text)


def check(root: Path) -> list[Diagnostic]:
    """Every problem of data/*.yml."""
    found: list[Diagnostic] = []
    parsed: dict[str, Loaded] = {}
    for name in DATA_FILES:
        rel = f"data/{name}.yml"
        path = root / rel
        if not path.is_file():
            found.append(Diagnostic(rel, 1, 1, "error", "data-missing", f"Thiếu tệp danh mục {rel}",
                                    f"the taxonomy file {rel} is missing"))
            continue
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            found.append(Diagnostic(rel, 1, 1, "error", "not-utf8", "Tệp không đọc được dưới dạng UTF-8: hãy lưu lại với mã hóa UTF-8",
                                    "the file cannot be read as UTF-8: save it again as UTF-8"))
            continue
        loaded = _parse(text)
        found += [Diagnostic(rel, p.line + 1, p.col + 1, "error", p.code, p.vi, p.en) for p in loaded.problems]
        if not loaded.failed:
            parsed[name] = loaded
    # Units name their sector: the sector ids are those of data/sectors.yml as written now.
    sectors = parsed.get("sectors")
    sector_ids = [e["id"] for e in sectors.data if isinstance(e, dict) and isinstance(e.get("id"), str)] \
        if sectors is not None and isinstance(sectors.data, list) else []
    tax = SimpleNamespace(sectors=dict.fromkeys(sector_ids)) if sector_ids else None
    ids: dict[str, str] = {}  # unit id -> file that defines it (units and communes share ids)
    for name, loaded in parsed.items():
        rel = f"data/{name}.yml"

        def at(*path, value=False):
            while path not in loaded.lines and path:
                path = path[:-1]
            line, col = (loaded.values if value else loaded.lines).get(path, (0, 0))
            return line + 1, col + 1

        schema = data_schema(name, tax)
        for error in Draft7Validator(schema).iter_errors(jsonable(loaded.data)):
            path = tuple(error.absolute_path)
            where = at(*path, value=error.validator != "additionalProperties")
            found.append(Diagnostic(rel, *where, "error", f"data-{error.validator}", *_explain(error)))
        entries = loaded.data if isinstance(loaded.data, list) else []
        seen: set = set()
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                continue
            eid = entry["id"]
            if eid in seen or (name in ("units", "communes") and eid in ids):
                found.append(Diagnostic(rel, *at(i, "id"), "error", "data-duplicate-id",
                                        f"Mã '{eid}' đã có (mỗi mã chỉ dùng một lần)", f"the id '{eid}' is already used (each id once)"))
            seen.add(eid)
            if name in ("units", "communes"):
                ids.setdefault(eid, rel)
            if name == "units":
                generic = entry.get("illustrative") is True
                if generic != eid.startswith("vi-du-"):
                    found.append(Diagnostic(rel, *at(i, "id"), "error", "data-illustrative-id",
                                            "Đơn vị minh họa phải có mã bắt đầu bằng 'vi-du-' và illustrative: true (và ngược lại)",
                                            "an illustrative unit has an id starting with 'vi-du-' and illustrative: true (and only then)"))
    return found


def _explain(error) -> tuple[str, str]:
    field = ".".join(str(p) for p in error.absolute_path) or "(tệp / file)"
    kind = error.validator
    if kind == "required":
        missing = [n for n in error.validator_value if isinstance(error.instance, dict) and n not in error.instance]
        name = missing[0] if missing else "?"
        return f"Thiếu trường bắt buộc '{name}' ở mục {field}", f"missing required field '{name}' in entry {field}"
    if kind == "additionalProperties":
        extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
        allowed = ", ".join(error.schema.get("properties", {}))
        return (f"Trường không hợp lệ '{', '.join(map(str, extra))}' ở {field}; các trường được dùng: {allowed}",
                f"unknown field '{', '.join(map(str, extra))}' in {field}; allowed fields: {allowed}")
    if kind == "enum":
        options = ", ".join(map(str, error.validator_value))
        return (f"Giá trị '{error.instance}' của '{field}' không hợp lệ; chọn: {options}",
                f"'{error.instance}' is not a valid value of '{field}'; choose: {options}")
    if kind == "type":
        vi, en = TYPES.get(error.validator_value, (error.validator_value, error.validator_value))
        return f"'{field}' phải là {vi}", f"'{field}' must be {en}"
    if kind == "pattern" and field.endswith("id"):
        return (f"Mã '{error.instance}' không đúng dạng: chỉ chữ thường không dấu, số và '-'",
                f"the id '{error.instance}' has the wrong form: only lowercase ASCII, digits and '-'")
    if kind == "pattern":
        return (f"'{error.instance}' của '{field}' không đúng dạng {error.validator_value}",
                f"'{error.instance}' in '{field}' does not match {error.validator_value}")
    return f"'{field}': {error.message}", f"'{field}': {error.message}"
