"""The content model as JSON Schema: one definition, used by the validator and published
in schemas/ for editors (scripts/schemas.py writes the files; a test keeps them equal).
"""

from __future__ import annotations

from .taxonomy import Taxonomies

DATE = {"type": "string", "format": "date", "description": "YYYY-MM-DD"}
MONTH = {"type": "string", "pattern": r"^20\d\d-(0[1-9]|1[0-2])$", "description": "YYYY-MM"}
TEXT = {"type": "string", "minLength": 1}
SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
ITEM_REF = {"type": "string", "pattern": rf"^(guides|prompts|use_cases)/{SLUG}$",
            "description": "<collection>/<slug>, e.g. prompts/van-ban-hanh-chinh"}
VARIABLE_NAME = r"^[a-z][a-z0-9_]*$"


def _enum(terms: dict, description: str) -> dict:
    return {"type": "string", "enum": sorted(terms), "description": description}


def _ids(terms: dict, description: str, min_items: int = 1) -> dict:
    return {"type": "array", "items": _enum(terms, description), "minItems": min_items, "uniqueItems": True}


def _object(properties: dict, required: tuple = ()) -> dict:
    return {"type": "object", "properties": properties, "required": list(required),
            "additionalProperties": False}


def source_schema(kind: str, tax: Taxonomies) -> dict:
    """Front matter of a Vietnamese source file of a collection (guide | prompts | case)."""
    common = {
        "title": TEXT | {"maxLength": 120, "description": "Tiêu đề / Title"},
        "summary": TEXT | {"maxLength": 300, "description": "Tóm tắt 1-2 câu / One or two sentence summary"},
        "sectors": _ids(tax.sectors, "Lĩnh vực / Sector (data/sectors.yml)"),
        "audiences": _ids(tax.audiences, "Đối tượng / Audience (data/audiences.yml)"),
        "level": _enum(tax.levels, "Trình độ / Learning level (data/levels.yml)"),
        "tags": {"type": "array", "items": TEXT | {"maxLength": 40}, "maxItems": 10, "uniqueItems": True},
        "unit": _enum(tax.units, "Đơn vị đóng góp / Contributing unit (data/units.yml, data/communes.yml)"),
        "authors": {"type": "array", "minItems": 1, "items": _object(
            {"role": TEXT | {"description": "Vai trò / Role"}, "name": TEXT}, ("role",))},
        "published": DATE,
        "updated": DATE,
        "license": _enum(tax.licenses, "Giấy phép / Licence"),
        "ai_tools": _ids(tax.tools, "Công cụ AI / AI tool (data/tools.yml)", 0),
        "related": {"type": "array", "items": ITEM_REF, "uniqueItems": True},
    }
    required = ["title", "summary", "sectors", "audiences", "level", "unit", "authors",
                "published", "updated", "license"]
    if kind == "prompts":
        variable = _object({
            "name": {"type": "string", "pattern": VARIABLE_NAME},
            "label": _object({"vi": TEXT, "en": TEXT}, ("vi", "en")),
            "example": TEXT,
        }, ("name", "label", "example"))
        prompt = _object({
            "id": {"type": "string", "pattern": f"^{SLUG}$"},
            "task": TEXT,
            "text": TEXT,
            "variables": {"type": "array", "items": variable},
            "data_safety": _enum(tax.data_safety, "Mức an toàn dữ liệu / Data-safety level (557/BKHCN-CĐSQG)"),
            "tested_with": {"type": "array", "minItems": 1, "items": _object(
                {"tool": _enum(tax.tools, "AI tool"), "date": MONTH}, ("tool", "date"))},
            "example_output": TEXT,
        }, ("id", "task", "text", "data_safety", "tested_with", "example_output"))
        common["prompts"] = {"type": "array", "minItems": 1, "items": prompt}
        required.append("prompts")
    if kind == "case":
        number = {"type": "number"}
        common |= {
            "illustrative": {"type": "boolean", "description": "true = ví dụ minh họa / illustrative example"},
            "stage": _enum(tax.stages, "Giai đoạn / Stage"),
            "ai_tools": _ids(tax.tools, "Công cụ AI / AI tool (data/tools.yml)"),
            "results": {"type": "array", "minItems": 1, "items": _object({
                "metric": TEXT, "before": number, "after": number, "unit": TEXT,
                "period": TEXT, "evidence": TEXT}, ("metric", "before", "after", "unit", "period", "evidence"))},
            "time_saved": _object({"minutes": number | {"minimum": 0}, "per": TEXT}, ("minutes", "per")),
            "cost": _object({"vnd_per_month": number | {"minimum": 0}, "note": TEXT}, ("vnd_per_month",)),
            "prerequisites": {"type": "array", "items": TEXT, "minItems": 1},
            "replicated_from": {"type": "string", "pattern": rf"^use_cases/{SLUG}$"},
            "replicated_on": DATE,
            "sources": {"type": "array", "items": _object(
                {"title": TEXT, "url": {"type": "string", "pattern": "^https?://"}}, ("title", "url"))},
        }
        required += ["illustrative", "stage", "ai_tools", "results", "time_saved", "cost", "prerequisites"]
    schema = _object(common, tuple(required))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"AI Xứ Trà {kind} (vi)"
    if kind == "case":
        schema["allOf"] = [
            {"if": {"required": ["replicated_from"]}, "then": {"required": ["replicated_on"]}},
            {"if": {"properties": {"illustrative": {"const": False}}, "required": ["illustrative"]},
             "then": {"required": ["sources"], "properties": {"sources": {"minItems": 1}}}},
        ]
    return schema


def translation_schema(kind: str) -> dict:
    """Front matter of an English file: only translatable text, matched to the source."""
    props = {
        "translation_of": {"type": "string", "pattern": "^[0-9a-f]{8}$",
                           "description": "Phiên bản bản gốc đã dịch / Version of the Vietnamese source translated"},
        "title": TEXT | {"maxLength": 120},
        "summary": TEXT | {"maxLength": 300},
        "tags": {"type": "array", "items": TEXT | {"maxLength": 40}, "maxItems": 10},
        "authors": {"type": "array", "items": _object({"role": TEXT, "name": TEXT})},
    }
    if kind == "prompts":
        props["prompts"] = {"type": "array", "items": _object({
            "id": {"type": "string", "pattern": f"^{SLUG}$"}, "task": TEXT, "text": TEXT,
            "example_output": TEXT}, ("id",))}
    if kind == "case":
        props |= {
            "results": {"type": "array", "items": _object(
                {"metric": TEXT, "unit": TEXT, "period": TEXT, "evidence": TEXT})},
            "time_saved": _object({"per": TEXT}),
            "cost": _object({"note": TEXT}),
            "prerequisites": {"type": "array", "items": TEXT},
        }
    schema = _object(props, ("translation_of", "title", "summary"))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"AI Xứ Trà {kind} (en)"
    return schema


def all_schemas(tax: Taxonomies) -> dict[str, dict]:
    """File name in schemas/ -> schema."""
    out = {}
    for kind in ("guide", "prompts", "case"):
        out[f"{kind}.vi.schema.json"] = source_schema(kind, tax)
        out[f"{kind}.en.schema.json"] = translation_schema(kind)
    return out
