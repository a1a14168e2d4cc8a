"""Open data: the catalogue as JSON and CSV, at /data/ of the site, for other provinces and the press.

Both files hold the same items, in both languages, with each item's licence. They are
written once per build (not per language) and depend only on the content and the commit,
so two builds of the same commit write the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..model import Item
from ..taxonomy import LANGUAGES
from . import paths
from .index import Index, values
from .views import case_results, mapping, translation

CSV_COLUMNS = (
    "id", "type", "title_vi", "title_en", "summary_vi", "summary_en", "url_vi", "url_en", "translation",
    "sectors", "sectors_vi", "sectors_en", "audiences", "level", "ai_tools", "data_safety", "tags",
    "unit", "unit_vi", "unit_en", "illustrative", "stage", "replicated_from", "replicated_on",
    "replicated_in", "published", "updated", "license", "license_url",
)
LIST_SEPARATOR = "; "
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _date(value) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else None


def _num(value):
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _both(item: Item, get) -> dict[str, str]:
    return {lang: get(lang) for lang in LANGUAGES}


def record(index: Index, item: Item, base: str) -> dict:
    """One item as open data (the JSON form; the CSV flattens it)."""
    tax = index.hub.taxonomies
    licence = tax.licenses.get(item.data.get("license")) if isinstance(item.data.get("license"), str) else None
    tags = item.data.get("tags")
    rec = {
        "id": item.key,
        "type": item.type,
        "title": _both(item, item.title),
        "summary": _both(item, item.summary),
        "url": {lang: base + paths.url(paths.item(item), lang) for lang in LANGUAGES},
        "translation": translation(item),
        "sectors": [s for s in values(item, "sector") if s in tax.sectors],
        "audiences": [a for a in values(item, "audience") if a in tax.audiences],
        "level": next((v for v in values(item, "level") if v in tax.levels), None),
        "ai_tools": [x for x in values(item, "tool") if x in tax.tools],
        "data_safety": [x for x in values(item, "safety") if x in tax.data_safety],
        "tags": [str(x) for x in tags] if isinstance(tags, list) else [],
        "unit": item.unit if isinstance(item.unit, str) else None,
        "illustrative": item.illustrative,
        "published": _date(item.date("published")),
        "updated": _date(item.updated),
        "license": licence.id if licence else None,
        "license_url": licence.extra["url"] if licence else None,
    }
    if item.collection == "prompts":
        prompts = item.data.get("prompts")
        rec["prompts"] = len(prompts) if isinstance(prompts, list) else 0
    if item.collection == "use_cases":
        original = index.original(item)
        stage = item.data.get("stage")
        rec.update({
            "stage": stage if isinstance(stage, str) and stage in tax.stages else None,
            "results": [{"metric": {lang: r.metric for lang, r in zip(LANGUAGES, rs)},
                         "before": _num(rs[0].before), "after": _num(rs[0].after),
                         "unit": {lang: r.unit for lang, r in zip(LANGUAGES, rs)},
                         "period": {lang: r.period for lang, r in zip(LANGUAGES, rs)},
                         "evidence": {lang: r.evidence for lang, r in zip(LANGUAGES, rs)}}
                        for rs in zip(*(case_results(item, lang) for lang in LANGUAGES))],
            "time_saved_minutes": _num(mapping(item, "vi", "time_saved").get("minutes")),
            "cost_vnd_per_month": _num(mapping(item, "vi", "cost").get("vnd_per_month")),
            "replicated_from": original.key if original else None,
            "replicated_on": _date(item.data.get("replicated_on")) if original else None,
            "replicated_in": [r.key for r in index.replicas(item)],
        })
    return rec


def catalogue(index: Index, version: str, date: str, site_url: str | None) -> dict:
    base = (site_url.rstrip("/") + "/") if site_url else ""
    tax = index.hub.taxonomies
    items = [record(index, item, base) for item in index.items]
    used_units = sorted({r["unit"] for r in items if r["unit"] in tax.units})

    def labels(terms: dict) -> dict:
        return {term.id: dict(term.name) for term in terms.values()}

    return {
        "name": "AI Xứ Trà",
        "description": {"vi": "Danh mục kho tri thức \"Bình dân học AI\" của tỉnh Thái Nguyên",
                        "en": "Catalogue of the \"Popular AI Learning\" knowledge hub of Thái Nguyên province"},
        "version": version,
        "date": date,
        "site_url": site_url or None,
        "license": {
            "vi": "Mỗi mục giữ giấy phép của nó (trường license, license_url). Khi dùng lại, hãy ghi nguồn \"AI Xứ Trà – tỉnh Thái Nguyên\" và đường dẫn của mục.",
            "en": "Each item keeps its own licence (fields license, license_url). When you reuse it, credit \"AI Xứ Trà – Thái Nguyên province\" and link to the item.",
        },
        "licenses": {term.id: {"name": term.label("en"), "url": term.extra["url"]} for term in tax.licenses.values()},
        "taxonomies": {
            "sectors": labels(tax.sectors), "audiences": labels(tax.audiences), "levels": labels(tax.levels),
            "ai_tools": labels(tax.tools), "data_safety": labels(tax.data_safety), "stages": labels(tax.stages),
            "units": {u: {**tax.units[u].name, "kind": tax.units[u].extra.get("kind"),
                          "illustrative": bool(tax.units[u].extra.get("illustrative"))} for u in used_units},
        },
        "count": len(items),
        "items": items,
    }


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def to_csv(data: dict) -> str:
    """One row per item; lists joined by "; ". Written with a BOM so Excel reads it as UTF-8."""
    tax = data["taxonomies"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for rec in data["items"]:
        unit = tax["units"].get(rec["unit"] or "", {})
        row = {
            **{k: rec.get(k) for k in CSV_COLUMNS},
            "title_vi": rec["title"]["vi"], "title_en": rec["title"]["en"],
            "summary_vi": rec["summary"]["vi"], "summary_en": rec["summary"]["en"],
            "url_vi": rec["url"]["vi"], "url_en": rec["url"]["en"],
            "sectors_vi": LIST_SEPARATOR.join(tax["sectors"][s]["vi"] for s in rec["sectors"]),
            "sectors_en": LIST_SEPARATOR.join(tax["sectors"][s].get("en", "") for s in rec["sectors"]),
            "unit_vi": unit.get("vi", ""), "unit_en": unit.get("en", ""),
            "replicated_in": rec.get("replicated_in") or [],
        }
        writer.writerow([_cell(row.get(k)) for k in CSV_COLUMNS])
    return "\ufeff" + out.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = LIST_SEPARATOR.join(str(v) for v in value) if isinstance(value, list) else str(value)
    # A cell starting like a formula would run as one in a spreadsheet: quote it as text.
    return "'" + text if text[:1] in FORMULA_START else text


def write(site_dir: Path, index: Index, version: str, date: str, site_url: str | None) -> list[Path]:
    data = catalogue(index, version, date, site_url)
    folder = Path(site_dir) / paths.DATA
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("catalogue.json", to_json(data)), ("catalogue.csv", to_csv(data))):
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
