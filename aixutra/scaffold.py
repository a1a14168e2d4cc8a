"""Create a new item (both language files) from the templates in aixutra/templates/new/.

scripts/new.py is the command line: it gathers the values (asking for the missing ones,
or taking them all from options) and calls `create`. Every value is checked here against
the taxonomies before anything is written, and nothing is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .model import Source
from .taxonomy import Taxonomies
from .text import slugify

KINDS = {"guide": "guides", "prompts": "prompts", "case": "use_cases"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 60


class ScaffoldError(Exception):
    """A value that cannot make a valid item; the message is Vietnamese / English."""


@dataclass
class Values:
    kind: str
    slug: str
    title: str
    title_en: str
    summary: str
    summary_en: str
    sectors: list[str]
    audiences: list[str]
    level: str
    unit: str
    date: dt.date
    tags: list[str] = field(default_factory=list)
    tags_en: list[str] = field(default_factory=list)
    author_role: str = "Người đóng góp"
    author_role_en: str = "Contributor"
    author_name: str = ""
    license: str = "CC-BY-4.0"
    tools: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    # Prompt libraries.
    prompt_id: str = ""
    task: str = ""
    task_en: str = ""
    data_safety: str = ""
    tested_with: list[str] = field(default_factory=list)
    tested_on: str = ""
    # Case studies.
    illustrative: bool = True
    stage: str = ""
    metric: str = ""
    metric_en: str = ""
    before: float = 0
    after: float = 0
    measure_unit: str = ""
    measure_unit_en: str = ""
    period: str = ""
    period_en: str = ""
    evidence: str = ""
    evidence_en: str = ""
    minutes: float = 0
    per: str = ""
    per_en: str = ""
    cost_vnd: float = 0
    cost_note: str = ""
    cost_note_en: str = ""
    prerequisites: list[str] = field(default_factory=list)
    prerequisites_en: list[str] = field(default_factory=list)
    replicated_from: str = ""
    replicated_on: str = ""
    sources: list[dict] = field(default_factory=list)


def default_slug(title: str) -> str:
    slug = slugify(title)[:MAX_SLUG].rstrip("-")
    return slug


def paths(root: Path, kind: str, slug: str) -> tuple[Path, Path]:
    folder = Path(root) / KINDS[kind]
    return folder / f"{slug}.vi.md", folder / f"{slug}.en.md"


def check(values: Values, tax: Taxonomies) -> list[str]:
    """Every problem of the values, each 'Vietnamese / English'."""
    problems = []

    def need(ok: bool, vi: str, en: str):
        if not ok:
            problems.append(f"{vi} / {en}")

    def ids(name: str, given: list[str], terms: dict, at_least: int = 1):
        unknown = [g for g in given if g not in terms]
        need(not unknown, f"'{name}': không có mã {', '.join(unknown)}; chọn trong: {', '.join(sorted(terms))}",
             f"'{name}': unknown id(s) {', '.join(unknown)}; choose from: {', '.join(sorted(terms))}")
        need(len(given) >= at_least, f"'{name}': cần ít nhất {at_least} mục", f"'{name}': at least {at_least} needed")

    v = values
    need(v.kind in KINDS, f"Loại bài '{v.kind}' không có (guide, prompts, case)", f"unknown kind '{v.kind}' (guide, prompts, case)")
    need(bool(SLUG.match(v.slug)) and len(v.slug) <= MAX_SLUG,
         f"slug '{v.slug}' phải là chữ thường không dấu, số và '-' (tối đa {MAX_SLUG} ký tự)",
         f"slug '{v.slug}' must be lowercase ASCII letters, digits and '-' (at most {MAX_SLUG} characters)")
    for name, text, limit in (("title", v.title, 120), ("title-en", v.title_en, 120),
                              ("summary", v.summary, 300), ("summary-en", v.summary_en, 300)):
        need(bool(text.strip()), f"'{name}' không được để trống", f"'{name}' must not be empty")
        need(len(text) <= limit, f"'{name}' tối đa {limit} ký tự", f"'{name}' is at most {limit} characters")
    ids("sector", v.sectors, tax.sectors)
    ids("audience", v.audiences, tax.audiences)
    ids("level", [v.level], tax.levels)
    ids("unit", [v.unit], tax.units)
    ids("license", [v.license], tax.licenses)
    ids("tools", v.tools, tax.tools, 1 if v.kind == "case" else 0)
    for ref in v.related:
        need(bool(re.match(r"^(guides|prompts|use_cases)/[a-z0-9-]+$", ref)),
             f"'related': '{ref}' phải có dạng <thư mục>/<slug>", f"'related': '{ref}' must be <collection>/<slug>")
    need(bool(v.author_role.strip()), "'author-role' không được để trống", "'author-role' must not be empty")
    if v.kind == "prompts":
        need(bool(SLUG.match(v.prompt_id)), f"'prompt-id' '{v.prompt_id}' phải là chữ thường không dấu và '-'",
             f"'prompt-id' '{v.prompt_id}' must be lowercase ASCII and '-'")
        need(bool(v.task.strip()), "'task' không được để trống", "'task' must not be empty")
        ids("data-safety", [v.data_safety], tax.data_safety)
        ids("tested-with", v.tested_with, tax.tools)
        need(bool(re.match(r"^20\d\d-(0[1-9]|1[0-2])$", v.tested_on)), "'tested-on' phải có dạng YYYY-MM",
             "'tested-on' must be YYYY-MM")
    if v.kind == "case":
        ids("stage", [v.stage], tax.stages)
        unit = tax.units.get(v.unit)
        if unit is not None:
            generic = bool(unit.extra.get("illustrative"))
            need(generic == v.illustrative,
                 "Ví dụ minh họa (--illustrative) dùng đơn vị vi-du-*; mô hình của đơn vị thật (--real) dùng mã đơn vị thật",
                 "an illustrative example (--illustrative) uses a vi-du-* unit; a real unit's case (--real) uses the real unit's id")
        for name in ("metric", "measure_unit", "period", "evidence", "per"):
            need(bool(str(getattr(v, name)).strip()), f"'{name.replace('_', '-')}' không được để trống",
                 f"'{name.replace('_', '-')}' must not be empty")
        need(v.minutes >= 0 and v.cost_vnd >= 0, "Số phút và chi phí không được âm", "minutes and cost must not be negative")
        need(bool(v.prerequisites), "Cần ít nhất một điều kiện (--prerequisite)", "at least one --prerequisite is needed")
        need(v.illustrative or bool(v.sources), "Mô hình của đơn vị thật cần nguồn công khai (--source-title, --source-url)",
             "a real unit's case needs public sources (--source-title, --source-url)")
        for s in v.sources:
            need(str(s.get("url", "")).startswith(("https://", "http://")), "Nguồn phải có địa chỉ https://",
                 "sources need an https:// address")
        if v.replicated_from:
            need(bool(re.match(r"^use_cases/[a-z0-9-]+$", v.replicated_from)), "'replicated-from' có dạng use_cases/<slug>",
                 "'replicated-from' is use_cases/<slug>")
            need(_is_date(v.replicated_on), "'replicated-on' phải là ngày YYYY-MM-DD", "'replicated-on' must be a date YYYY-MM-DD")
    return problems


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(str(text))
        return True
    except ValueError:
        return False


def _yaml(value) -> str:
    # JSON is YAML: quoted strings and flow lists need no escaping rules of their own.
    return json.dumps(value, ensure_ascii=False)


def _number(value: float):
    return int(value) if float(value).is_integer() else value


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("aixutra", "templates/new"), autoescape=False,
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["yaml"] = _yaml
    env.filters["ids"] = lambda ids: "[" + ", ".join(ids) + "]"  # slugs need no quotes
    env.filters["flow"] = lambda d: "{" + ", ".join(f"{k}: {_yaml(v)}" for k, v in d.items() if v) + "}"
    return env


def render(values: Values, translation_of: str = "00000000") -> tuple[str, str]:
    """Text of the Vietnamese and the English file."""
    context = vars(values) | {"translation_of": translation_of, "date": values.date.isoformat(),
                              "before": _number(values.before), "after": _number(values.after),
                              "minutes": _number(values.minutes), "cost_vnd": _number(values.cost_vnd)}
    env = _env()
    vi = env.get_template(f"{values.kind}.vi.md.j2").render(context)
    en = env.get_template(f"{values.kind}.en.md.j2").render(context)
    return vi, en


def create(root: Path, values: Values, tax: Taxonomies) -> tuple[Path, Path]:
    """Write both files; the English one stamped as the translation of the Vietnamese one."""
    problems = check(values, tax)
    if problems:
        raise ScaffoldError("\n".join(problems))
    vi_path, en_path = paths(root, values.kind, values.slug)
    existing = [p for p in (vi_path, en_path) if p.exists()]
    if existing:
        raise ScaffoldError("\n".join(
            f"Đã có tệp {p.relative_to(root).as_posix()}: không ghi đè; hãy chọn slug khác / "
            f"{p.relative_to(root).as_posix()} already exists: not overwritten; choose another slug" for p in existing))
    vi_text, _ = render(values)
    vi_path.parent.mkdir(parents=True, exist_ok=True)
    with vi_path.open("x", encoding="utf-8", newline="\n") as fh:  # "x": never replace a file
        fh.write(vi_text)
    digest = Source.read(vi_path, "", "vi").digest
    _, en_text = render(values, digest)
    try:
        with en_path.open("x", encoding="utf-8", newline="\n") as fh:
            fh.write(en_text)
    except OSError:
        vi_path.unlink()
        raise
    return vi_path, en_path
