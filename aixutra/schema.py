"""The content model as JSON Schema: one definition, used by the validator and published
in schemas/ for editors (scripts/schemas.py writes the files and the field tables of
CONTRIBUTING.md; a test keeps both equal to what this module generates).

Every field is documented once, in FIELDS, in Vietnamese and English: the schemas carry
it as `description` (shown by editors on hover) and CONTRIBUTING.md as tables.
"""

from __future__ import annotations

from .taxonomy import Taxonomies

# Draft 7: what editors' YAML and JSON support implement fully (VS Code's YAML extension
# ships draft 7); nothing here needs a later draft.
DRAFT = "http://json-schema.org/draft-07/schema#"
SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
VARIABLE_NAME = r"^[a-z][a-z0-9_]*$"
UNIT_KINDS = ("so", "xa", "phuong", "truong", "y-te", "htx", "ho-kinh-doanh", "ban-bien-tap")

# Dotted path ("prompts[].variables[].name") -> (Vietnamese, English).
FIELDS: dict[str, tuple[str, str]] = {
    "title": ("Tiêu đề, tối đa 120 ký tự", "Title, at most 120 characters"),
    "summary": ("Tóm tắt một hai câu, văn bản thường (không Markdown, không HTML), tối đa 300 ký tự",
                "One or two sentences, plain text (no Markdown, no HTML), at most 300 characters"),
    "sectors": ("Lĩnh vực, ít nhất một, mã trong data/sectors.yml", "Sectors, at least one, ids from data/sectors.yml"),
    "audiences": ("Đối tượng, ít nhất một, mã trong data/audiences.yml", "Audiences, at least one, ids from data/audiences.yml"),
    "level": ("Trình độ: co-ban (cơ bản), trung-cap (trung cấp), nang-cao (nâng cao)",
              "Learning level: co-ban (beginner), trung-cap (intermediate), nang-cao (advanced)"),
    "tags": ("Từ khóa tự do, chữ thường, tối đa 10", "Free keywords, lowercase, at most 10"),
    "unit": ("Đơn vị đóng góp, mã trong data/units.yml hoặc data/communes.yml (hướng dẫn, câu lệnh mẫu của Ban biên tập: ban-bien-tap)",
             "Contributing unit, an id from data/units.yml or data/communes.yml (the editorial team's guides and prompts: ban-bien-tap)"),
    "authors": ("Người viết, ghi theo vai trò; không ghi số điện thoại hay thư điện tử", "Authors by role; never phone numbers or e-mail addresses"),
    "authors[].role": ("Vai trò, ví dụ \"Chuyên viên Văn phòng UBND xã\"", "Role, e.g. \"Officer of the commune People's Committee office\""),
    "authors[].name": ("Tên (không bắt buộc)", "Name (optional)"),
    "published": ("Ngày đăng, dạng YYYY-MM-DD", "Date published, YYYY-MM-DD"),
    "updated": ("Ngày cập nhật, dạng YYYY-MM-DD, không trước ngày đăng", "Date last updated, YYYY-MM-DD, not before published"),
    "license": ("Giấy phép: CC-BY-4.0, CC-BY-SA-4.0 hoặc CC0-1.0", "Licence: CC-BY-4.0, CC-BY-SA-4.0 or CC0-1.0"),
    "ai_tools": ("Công cụ AI dùng trong bài, mã trong data/tools.yml", "AI tools the item uses, ids from data/tools.yml"),
    "related": ("Bài liên quan, dạng <thư mục>/<slug>, ví dụ prompts/van-ban-hanh-chinh",
                "Related items as <collection>/<slug>, e.g. prompts/van-ban-hanh-chinh"),
    # Prompt libraries.
    "prompts": ("Các câu lệnh mẫu (ít nhất một); trang web hiển thị chúng, không chép lại trong thân bài",
                "The prompts (at least one); the site renders them, do not repeat them in the body"),
    "prompts[].id": ("Mã câu lệnh: chữ thường không dấu và '-', không trùng trong tệp", "Prompt id: lowercase ASCII and '-', unique in the file"),
    "prompts[].task": ("Việc mà câu lệnh giúp làm", "The task the prompt does"),
    "prompts[].text": ("Nội dung câu lệnh; chỗ cần điền viết {{ten_bien}}", "The prompt text; blanks to fill in are written {{variable_name}}"),
    "prompts[].variables": ("Các chỗ cần điền: mỗi {{ten_bien}} trong câu lệnh phải được khai báo ở đây",
                            "The blanks: every {{name}} in the text must be declared here"),
    "prompts[].variables[].name": ("Tên biến: chữ thường không dấu, số, '_'", "Variable name: lowercase ASCII letters, digits, '_'"),
    "prompts[].variables[].label": ("Nhãn hiển thị trong ô nhập, bằng hai thứ tiếng", "Label of the input field, in both languages"),
    "prompts[].variables[].label.vi": ("Nhãn tiếng Việt", "Vietnamese label"),
    "prompts[].variables[].label.en": ("Nhãn tiếng Anh", "English label"),
    "prompts[].variables[].example": ("Giá trị ví dụ (không dùng dữ liệu cá nhân thật)", "Example value (never real personal data)"),
    "prompts[].data_safety": ("Mức an toàn dữ liệu theo Công văn 557/BKHCN-CĐSQG: cong-khai, an-danh-truoc, khong-dung-ai-cong-cong",
                              "Data-safety level following letter 557/BKHCN-CĐSQG: cong-khai, an-danh-truoc, khong-dung-ai-cong-cong"),
    "prompts[].tested_with": ("Đã thử với công cụ nào, khi nào (ít nhất một)", "Tools it was tested with, and when (at least one)"),
    "prompts[].tested_with[].tool": ("Mã công cụ trong data/tools.yml", "Tool id from data/tools.yml"),
    "prompts[].tested_with[].date": ("Tháng thử, dạng YYYY-MM", "Month tested, YYYY-MM"),
    "prompts[].example_output": ("Ví dụ kết quả AI trả về", "An example of what the AI returns"),
    # Case studies.
    "illustrative": ("true = ví dụ minh họa với đơn vị giả định vi-du-*; false = đơn vị thật, phải có nguồn công khai (sources)",
                     "true = an illustrative example with a generic vi-du-* unit; false = a real unit, public sources required"),
    "stage": ("Giai đoạn: y-tuong (ý tưởng), thi-diem (thí điểm), dang-dung (đang áp dụng), da-danh-gia (đã đánh giá), nhan-rong (đã nhân rộng)",
              "Stage: y-tuong (idea), thi-diem (pilot), dang-dung (in use), da-danh-gia (evaluated), nhan-rong (scaled)"),
    "results": ("Kết quả đo được (ít nhất một)", "Measured results (at least one)"),
    "results[].metric": ("Chỉ số đo, ví dụ \"Thời gian soạn một báo cáo tuần\"", "What was measured, e.g. \"Time to draft a weekly report\""),
    "results[].before": ("Giá trị trước khi dùng AI (số)", "Value before using AI (a number)"),
    "results[].after": ("Giá trị sau khi dùng AI (số)", "Value after using AI (a number)"),
    "results[].unit": ("Đơn vị đo, ví dụ \"phút\"", "Unit of measure, e.g. \"minutes\""),
    "results[].period": ("Thời gian đo, ví dụ \"3 tháng (tháng 3–5/2026)\"", "Period measured, e.g. \"3 months (March–May 2026)\""),
    "results[].evidence": ("Căn cứ của số liệu, ví dụ \"Sổ theo dõi của văn phòng\"", "Evidence for the figures, e.g. \"The office's time log\""),
    "time_saved": ("Thời gian tiết kiệm cho mỗi lần làm việc", "Time saved per task"),
    "time_saved.minutes": ("Số phút tiết kiệm (không âm)", "Minutes saved (not negative)"),
    "time_saved.per": ("Cho việc gì, ví dụ \"một báo cáo tuần\"", "Per what, e.g. \"one weekly report\""),
    "cost": ("Chi phí", "Cost"),
    "cost.vnd_per_month": ("Đồng mỗi tháng (0 nếu miễn phí)", "Vietnamese đồng per month (0 if free)"),
    "cost.note": ("Ghi chú về chi phí", "Note on the cost"),
    "prerequisites": ("Điều kiện cần để làm theo (ít nhất một)", "What is needed to replicate it (at least one)"),
    "replicated_from": ("Mô hình gốc đã học theo, dạng use_cases/<slug>", "The case this one replicated, as use_cases/<slug>"),
    "replicated_on": ("Ngày bắt đầu nhân rộng, YYYY-MM-DD (bắt buộc khi có replicated_from)",
                      "Date the replication started, YYYY-MM-DD (required with replicated_from)"),
    "sources": ("Nguồn công khai cho từng thông tin (bắt buộc khi illustrative: false)",
                "A public source for each fact (required when illustrative is false)"),
    "sources[].title": ("Tên nguồn", "Title of the source"),
    "sources[].url": ("Địa chỉ https://", "Address, https://"),
    # English files.
    "translation_of": ("Phiên bản bản tiếng Việt đã dịch (8 ký tự, do công cụ ghi: python scripts/validate.py --stamp-translation)",
                       "Version of the Vietnamese source translated (8 characters, written by python scripts/validate.py --stamp-translation)"),
}
# The English file translates these, matched to the Vietnamese file (ids or list order).
EN_FIELDS: dict[str, tuple[str, str]] = {
    "title": FIELDS["title"],
    "summary": FIELDS["summary"],
    "tags": ("Từ khóa tiếng Anh (không bắt buộc)", "English keywords (optional)"),
    "authors": ("Vai trò đã dịch, cùng thứ tự (không bắt buộc)", "Translated roles, same order (optional)"),
    "authors[].role": FIELDS["authors[].role"],
    "authors[].name": FIELDS["authors[].name"],
    "prompts": ("Câu lệnh đã dịch, khớp theo id", "Translated prompts, matched by id"),
    "prompts[].id": ("Mã câu lệnh như trong bản tiếng Việt", "The prompt's id as in the Vietnamese file"),
    "prompts[].task": ("Việc, bằng tiếng Anh", "The task, in English"),
    "prompts[].text": ("Câu lệnh tiếng Anh, dùng đúng các biến {{...}} như bản tiếng Việt",
                       "The English prompt, with the same {{...}} variables as the Vietnamese one"),
    "prompts[].example_output": ("Ví dụ kết quả, bằng tiếng Anh", "Example output, in English"),
    "results": ("Kết quả đã dịch, cùng thứ tự như bản tiếng Việt", "Translated results, in the same order as the Vietnamese list"),
    "results[].metric": FIELDS["results[].metric"],
    "results[].unit": FIELDS["results[].unit"],
    "results[].period": FIELDS["results[].period"],
    "results[].evidence": FIELDS["results[].evidence"],
    "time_saved": FIELDS["time_saved"],
    "time_saved.per": FIELDS["time_saved.per"],
    "cost": FIELDS["cost"],
    "cost.note": FIELDS["cost.note"],
    "prerequisites": ("Điều kiện cần, đã dịch", "Prerequisites, translated"),
    "translation_of": FIELDS["translation_of"],
}


def describe(docs: dict, path: str) -> str:
    vi, en = docs[path]
    return f"{vi} / {en}"


def _text(max_length: int | None = None) -> dict:
    schema = {"type": "string", "minLength": 1}
    return schema | {"maxLength": max_length} if max_length else schema


def _enum(terms, source: str, ordered: bool = False) -> dict:
    # Fixed scales (stages, data-safety levels, licences) keep their own order.
    return {"type": "string", "enum": list(terms) if ordered else sorted(terms), "x-source": source}


def _ids(terms, source: str, min_items: int = 1) -> dict:
    return {"type": "array", "items": _enum(terms, source), "minItems": min_items, "uniqueItems": True}


def _object(properties: dict, required: tuple = ()) -> dict:
    return {"type": "object", "properties": properties, "required": list(required),
            "additionalProperties": False}


DATE = {"type": "string", "format": "date", "x-form": "YYYY-MM-DD"}
MONTH = {"type": "string", "pattern": r"^20\d\d-(0[1-9]|1[0-2])$", "x-form": "YYYY-MM"}
NUMBER = {"type": "number"}


def _annotate(schema: dict, docs: dict, path: str = "") -> dict:
    """Attach each field's description, walking objects and arrays of objects."""
    if schema.get("type") == "object":
        for key, sub in schema.get("properties", {}).items():
            name = f"{path}.{key}" if path else key
            sub["description"] = describe(docs, name)
            _annotate(sub, docs, name)
    elif schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        _annotate(schema["items"], docs, f"{path}[]")
    return schema


def source_schema(kind: str, tax: Taxonomies) -> dict:
    """Front matter of a Vietnamese source file of a collection (guide | prompts | case)."""
    props = {
        "title": _text(120),
        "summary": _text(300),
        "sectors": _ids(tax.sectors, "data/sectors.yml"),
        "audiences": _ids(tax.audiences, "data/audiences.yml"),
        "level": _enum(tax.levels, "data/levels.yml"),
        "tags": {"type": "array", "items": _text(40), "maxItems": 10, "uniqueItems": True},
        "unit": _enum(tax.units, "data/units.yml, data/communes.yml"),
        "authors": {"type": "array", "minItems": 1, "items": _object({"role": _text(), "name": _text()}, ("role",))},
        "published": dict(DATE),
        "updated": dict(DATE),
        "license": _enum(tax.licenses, "CC-BY-4.0 | CC-BY-SA-4.0 | CC0-1.0", ordered=True),
        "ai_tools": _ids(tax.tools, "data/tools.yml", 0),
        "related": {"type": "array", "uniqueItems": True, "items": {
            "type": "string", "pattern": rf"^(guides|prompts|use_cases)/{SLUG}$", "x-form": "<collection>/<slug>"}},
    }
    required = ["title", "summary", "sectors", "audiences", "level", "unit", "authors",
                "published", "updated", "license"]
    if kind == "prompts":
        variable = _object({
            "name": {"type": "string", "pattern": VARIABLE_NAME, "x-form": "ten_bien"},
            "label": _object({"vi": _text(), "en": _text()}, ("vi", "en")),
            "example": _text(),
        }, ("name", "label", "example"))
        prompt = _object({
            "id": {"type": "string", "pattern": f"^{SLUG}$", "x-form": "slug"},
            "task": _text(),
            "text": _text(),
            "variables": {"type": "array", "items": variable},
            "data_safety": _enum(tax.data_safety, "cong-khai | an-danh-truoc | khong-dung-ai-cong-cong", ordered=True),
            "tested_with": {"type": "array", "minItems": 1, "items": _object(
                {"tool": _enum(tax.tools, "data/tools.yml"), "date": dict(MONTH)}, ("tool", "date"))},
            "example_output": _text(),
        }, ("id", "task", "text", "data_safety", "tested_with", "example_output"))
        props["prompts"] = {"type": "array", "minItems": 1, "items": prompt}
        required.append("prompts")
    if kind == "case":
        props |= {
            "illustrative": {"type": "boolean"},
            "stage": _enum(tax.stages, "y-tuong | thi-diem | dang-dung | da-danh-gia | nhan-rong", ordered=True),
            "ai_tools": _ids(tax.tools, "data/tools.yml"),
            "results": {"type": "array", "minItems": 1, "items": _object({
                "metric": _text(), "before": dict(NUMBER), "after": dict(NUMBER), "unit": _text(),
                "period": _text(), "evidence": _text()}, ("metric", "before", "after", "unit", "period", "evidence"))},
            "time_saved": _object({"minutes": NUMBER | {"minimum": 0}, "per": _text()}, ("minutes", "per")),
            "cost": _object({"vnd_per_month": NUMBER | {"minimum": 0}, "note": _text()}, ("vnd_per_month",)),
            "prerequisites": {"type": "array", "items": _text(), "minItems": 1},
            "replicated_from": {"type": "string", "pattern": rf"^use_cases/{SLUG}$", "x-form": "use_cases/<slug>"},
            "replicated_on": dict(DATE),
            "sources": {"type": "array", "items": _object(
                {"title": _text(), "url": {"type": "string", "pattern": "^https?://", "x-form": "https://…"}},
                ("title", "url"))},
        }
        required += ["illustrative", "stage", "ai_tools", "results", "time_saved", "cost", "prerequisites"]
    schema = _annotate(_object(props, tuple(required)), FIELDS)
    if kind == "case":
        schema["allOf"] = [
            {"if": {"required": ["replicated_from"]}, "then": {"required": ["replicated_on"]}},
            {"if": {"properties": {"illustrative": {"const": False}}, "required": ["illustrative"]},
             "then": {"required": ["sources"], "properties": {"sources": {"minItems": 1}}}},
        ]
    return {"$schema": DRAFT, "title": f"AI Xứ Trà: {KIND_NAMES[kind][1]} (tiếng Việt / Vietnamese file)"} | schema


def translation_schema(kind: str) -> dict:
    """Front matter of an English file: only translatable text, matched to the source."""
    props = {
        "translation_of": {"type": "string", "pattern": "^[0-9a-f]{8}$", "x-form": "1a2b3c4d"},
        "title": _text(120),
        "summary": _text(300),
        "tags": {"type": "array", "items": _text(40), "maxItems": 10},
        "authors": {"type": "array", "items": _object({"role": _text(), "name": _text()})},
    }
    if kind == "prompts":
        props["prompts"] = {"type": "array", "items": _object({
            "id": {"type": "string", "pattern": f"^{SLUG}$", "x-form": "slug"}, "task": _text(), "text": _text(),
            "example_output": _text()}, ("id",))}
    if kind == "case":
        props |= {
            "results": {"type": "array", "items": _object(
                {"metric": _text(), "unit": _text(), "period": _text(), "evidence": _text()})},
            "time_saved": _object({"per": _text()}),
            "cost": _object({"note": _text()}),
            "prerequisites": {"type": "array", "items": _text()},
        }
    schema = _annotate(_object(props, ("translation_of", "title", "summary")), EN_FIELDS)
    return {"$schema": DRAFT, "title": f"AI Xứ Trà: {KIND_NAMES[kind][1]} (tiếng Anh / English file)"} | schema


KIND_NAMES = {"guide": ("hướng dẫn", "guide"), "prompts": ("thư viện câu lệnh", "prompt library"),
              "case": ("mô hình hay", "case study")}


# The taxonomies in data/: what a maintainer or a unit adding itself must write.
def _names() -> dict:
    return _object({"vi": _text(), "en": _text()}, ("vi", "en"))


def data_schema(name: str, tax: Taxonomies | None = None) -> dict:
    """Schema of one file of data/ (a list of entries)."""
    entry: dict
    term = {"id": {"type": "string", "pattern": f"^{SLUG}$"}, "name": _names(), "description": _names()}
    if name == "units":
        sectors = sorted(tax.sectors) if tax else []
        entry = _object(term | {
            "kind": {"type": "string", "enum": list(UNIT_KINDS)},
            "sector": {"type": "string", "enum": sectors} if sectors else {"type": "string"},
            "illustrative": {"type": "boolean"},
        }, ("id", "kind", "sector", "name"))
    elif name == "tools":
        entry = _object(term | {
            "vendor": _text(),
            "url": {"type": "string", "pattern": "^https://"},
            "open_url": {"type": "string", "pattern": r"^https://.*\{prompt\}"},
        }, ("id", "name"))
    elif name == "communes":
        # A reference dataset kept by maintainers: its own fields are allowed.
        entry = {"type": "object", "required": ["id", "item", "name_vi", "name_en", "type"], "properties": {
            "id": {"type": "string", "pattern": f"^{SLUG}$"}, "item": {"type": "integer", "minimum": 1},
            "name_vi": _text(), "name_en": _text(), "type": {"type": "string", "enum": ["xa", "phuong"]},
            "admin_code": {"type": "string", "pattern": r"^\d{5}$"}}}
    else:
        entry = _object(term, ("id", "name"))
    return {"$schema": DRAFT, "title": f"AI Xứ Trà: data/{name}.yml", "type": "array", "items": entry}


DATA_FILES = ("sectors", "audiences", "levels", "tools", "units", "communes")


def all_schemas(tax: Taxonomies) -> dict[str, dict]:
    """File name in schemas/ -> schema."""
    out = {}
    for kind in ("guide", "prompts", "case"):
        out[f"{kind}.vi.schema.json"] = source_schema(kind, tax)
        out[f"{kind}.en.schema.json"] = translation_schema(kind)
    for name in DATA_FILES:
        out[f"data-{name}.schema.json"] = data_schema(name, tax)
    return out


# Field tables for CONTRIBUTING.md, generated from the schemas so that they cannot drift.
CONDITIONS = {
    "replicated_on": ("khi có replicated_from", "with replicated_from"),
    "sources": ("khi illustrative: false", "when illustrative is false"),
}
WORDS = {
    "yes": ("có", "yes"), "no": ("không", "no"), "text": ("văn bản", "text"), "max": ("tối đa {n} ký tự", "at most {n} characters"),
    "number": ("số", "number"), "min0": ("số, không âm", "number, not negative"), "boolean": ("true / false", "true / false"),
    "date": ("ngày YYYY-MM-DD", "date YYYY-MM-DD"), "list": ("danh sách", "list"), "group": ("nhóm các trường dưới", "group of the fields below"),
    "ids": ("danh sách mã trong {src}", "list of ids from {src}"), "id": ("mã trong {src}", "an id from {src}"),
    "one": ("một trong: {opts}", "one of: {opts}"), "form": ("dạng {form}", "the form {form}"),
    "header": ("| Trường | Bắt buộc | Giá trị | Ý nghĩa |", "| Field | Required | Value | Meaning |"),
}


def _word(key: str, lang: str, **kw) -> str:
    return WORDS[key][0 if lang == "vi" else 1].format(**kw)


def _value(schema: dict, lang: str) -> str:
    kind = schema.get("type")
    if "enum" in schema:
        source = schema.get("x-source", "")
        if "/" in source or len(schema["enum"]) > 6:
            return _word("id", lang, src=source)
        return _word("one", lang, opts=", ".join(f"`{v}`" for v in schema["enum"]))
    if kind == "array":
        items = schema.get("items", {})
        if "enum" in items:
            return _word("ids", lang, src=items.get("x-source", ""))
        inner = _value(items, lang) if items.get("type") != "object" else _word("group", lang)
        return f"{_word('list', lang)}: {inner}"
    if kind == "object":
        return _word("group", lang)
    if "x-form" in schema:
        return _word("date", lang) if schema.get("format") == "date" else _word("form", lang, form=f"`{schema['x-form']}`")
    if kind == "string":
        return _word("text", lang) + (f", {_word('max', lang, n=schema['maxLength'])}" if "maxLength" in schema else "")
    if kind == "number":
        return _word("min0", lang) if schema.get("minimum") == 0 else _word("number", lang)
    return _word(kind, lang) if kind in WORDS else str(kind)


def field_table(schema: dict, docs: dict, lang: str) -> str:
    """A Markdown table of every field of a schema, nested fields as dotted paths."""
    rows = [_word("header", lang), "|---|---|---|---|"]

    def walk(node: dict, prefix: str, required: set):
        for key, sub in node.get("properties", {}).items():
            path = f"{prefix}.{key}" if prefix else key
            need = _word("yes", lang) if key in required else CONDITIONS.get(path, WORDS["no"])[0 if lang == "vi" else 1]
            meaning = docs[path][0 if lang == "vi" else 1]
            rows.append(f"| `{path}` | {need} | {_value(sub, lang)} | {meaning} |")
            if sub.get("type") == "object":
                walk(sub, path, set(sub.get("required", [])))
            elif sub.get("type") == "array" and sub.get("items", {}).get("type") == "object":
                walk(sub["items"], f"{path}[]", set(sub["items"].get("required", [])))

    walk(schema, "", set(schema.get("required", [])))
    return "\n".join(rows)


def doc_tables(tax: Taxonomies) -> dict[str, str]:
    """Marker name ("guide.vi:vi" = the guide's Vietnamese file, table in Vietnamese) -> table."""
    out = {}
    for kind in ("guide", "prompts", "case"):
        for lang in ("vi", "en"):
            out[f"{kind}.vi:{lang}"] = field_table(source_schema(kind, tax), FIELDS, lang)
            out[f"{kind}.en:{lang}"] = field_table(translation_schema(kind), EN_FIELDS, lang)
    return out
