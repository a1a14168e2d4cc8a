"""A synthetic hub of N items per language that passes the validator.

The hub is a copy of the repository's skeleton (configuration, taxonomies, hand-written
pages, hooks, theme overrides, the build script) with generated collections: guides,
prompt libraries and case studies in realistic proportions, about 600 words an item,
Vietnamese sources with English translations stamped with the source's digest.
Generation is deterministic for a given N and seed.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import random
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..model import Source
from ..taxonomy import Taxonomies
from ..text import slugify
from . import vocab as V

REPO = Path(__file__).resolve().parents[2]
# What a hub needs besides its content; scripts/ so that the hub builds with its own
# scripts/build.py, exactly the command contributors run.
SKELETON = ("mkdocs.yml", "data", "docs", "hooks", "overrides", "scripts")
# Share of each item type (the rest are guides), close to the hub's starter content.
SHARE = {"prompts": 0.2, "use_cases": 0.35}
FIRST_DAY, LAST_DAY = dt.date(2025, 7, 1), dt.date(2026, 11, 20)
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
ITEM_PATH = re.compile(r"^(?P<collection>guides|prompts|use_cases)/(?P<slug>[a-z0-9-]+)(\.(vi|en))?\.md$")


@dataclass
class Planned:
    collection: str
    slug: str
    title: dict[str, str]
    date: dt.date

    @property
    def key(self) -> str:
        return f"{self.collection}/{self.slug}"


@dataclass
class SynthHub:
    root: Path
    items: int  # per language
    counts: dict[str, int] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)  # words of Markdown per language


def copy_skeleton(dest: Path, repo: Path = REPO) -> None:
    if not (repo / "mkdocs.yml").is_file():
        raise FileNotFoundError(f"{repo / 'mkdocs.yml'}: the benchmark runs from a checkout of the hub")
    dest.mkdir(parents=True, exist_ok=True)
    for name in SKELETON:
        src = repo / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", ".*"))
        elif src.exists():
            shutil.copy2(src, dest / name)


def generate(root: Path, n: int, seed: int = 7) -> SynthHub:
    """Write a hub of n items per language into root (which must not exist yet).

    The hub holds more than n items only when the hand-written pages link to more items.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    root = Path(root)
    copy_skeleton(root)
    tax = Taxonomies.load(root / "data")
    rng = random.Random(f"aixutra-bench-{seed}-{n}")
    wanted = referenced_items(root / "docs")
    plan = _plan(n, rng, wanted)
    hub = SynthHub(root, len(plan), words={"vi": 0, "en": 0})
    writer = _Writer(rng, tax, plan, wanted)
    for collection in ("guides", "prompts", "use_cases"):
        (root / collection).mkdir(exist_ok=True)
    for item in plan:
        vi_meta, vi_body, en_meta, en_body = writer.item(item)
        vi_text = _markdown(vi_meta, vi_body)
        rel = f"{item.collection}/{item.slug}.vi.md"
        (root / rel).write_text(vi_text, encoding="utf-8")
        # The English file translates this exact version of the Vietnamese source.
        digest = Source(root / rel, rel, "vi", text=vi_text).digest
        en_text = _markdown({"translation_of": digest, **en_meta}, en_body)
        (root / f"{item.collection}/{item.slug}.en.md").write_text(en_text, encoding="utf-8")
        hub.counts[item.collection] = hub.counts.get(item.collection, 0) + 1
        hub.words["vi"] += len(vi_text.split())
        hub.words["en"] += len(en_text.split())
    return hub


def referenced_items(docs: Path) -> dict[str, set[str]]:
    """Items the hand-written pages link to ("collection/slug" -> anchors used).

    The synthetic hub gives those slugs to some of its items, so that the pages keep working
    links and the strict build accepts them, as it does for the real content.
    """
    found: dict[str, set[str]] = {}
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        here = posixpath.dirname(page.relative_to(docs).as_posix())
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            path, _, anchor = target.partition("#")
            match = ITEM_PATH.match(posixpath.normpath(posixpath.join(here, path))) if path else None
            if match and match["slug"] != "index":
                found.setdefault(f"{match['collection']}/{match['slug']}", set()).update([anchor] if anchor else [])
    return found


def _plan(n: int, rng: random.Random, wanted: dict[str, set[str]]) -> list[Planned]:
    """Slugs, titles and dates of every item first, so that items can refer to each other."""
    reserved: dict[str, list[str]] = {}
    for key in sorted(wanted):
        collection, slug = key.split("/")
        reserved.setdefault(collection, []).append(slug)
    count = {"prompts": max(1, round(n * SHARE["prompts"])) if n >= 3 else (1 if n == 2 else 0),
             "use_cases": max(1, round(n * SHARE["use_cases"])) if n >= 2 else 0}
    count["guides"] = n - count["prompts"] - count["use_cases"]
    # A hub smaller than the set of linked items grows to hold them all.
    count = {c: max(k, len(reserved.get(c, []))) for c, k in count.items()}
    kinds = [c for c in ("guides", "prompts", "use_cases") for _ in range(count[c])]
    rng.shuffle(kinds)
    n = len(kinds)
    span = (LAST_DAY - FIRST_DAY).days
    planned: list[Planned] = []
    for i, collection in enumerate(kinds):
        action = rng.choice(V.ACTIONS)
        tool = rng.choice(V.TOOLS)
        if collection == "guides":
            title = {"vi": f"Cách {action[0]} {tool[0]}", "en": f"How to {action[1]} {tool[1]}"}
        elif collection == "prompts":
            subject = rng.choice(V.SUBJECTS)
            title = {"vi": f"Câu lệnh mẫu cho {subject[0]}: {action[0]}",
                     "en": f"Prompts for {subject[1]}: {action[1]}"}
        else:
            title = {"vi": f"Dùng AI để {action[0]} {tool[0]}", "en": f"Using AI to {action[1]} {tool[1]}"}
        title = {lang: _cap(text)[:120] for lang, text in title.items()}
        words = slugify(title["vi"]).split("-")[:7]
        # Dates grow with the position, so an original case is older than its replications.
        date = FIRST_DAY + dt.timedelta(days=min(span - 60, int(span * i / n) + rng.randint(0, 20)))
        taken = reserved.get(collection)
        slug = taken.pop(0) if taken else "-".join(words) + f"-{i + 1}"
        planned.append(Planned(collection, slug, title, date))
    return planned


class _Writer:
    """Builds the front matter and body of an item in both languages, in step."""

    def __init__(self, rng: random.Random, tax: Taxonomies, plan: list[Planned], anchors: dict[str, set[str]]):
        self.rng, self.tax, self.plan, self.anchors = rng, tax, plan, anchors
        self.by_collection: dict[str, list[Planned]] = {}
        for p in plan:
            self.by_collection.setdefault(p.collection, []).append(p)
        units = tax.units.values()
        self.illustrative_units = sorted(u.id for u in units if u.extra.get("illustrative"))
        self.communes = sorted(u.id for u in tax.communes())
        self.departments = sorted(u.id for u in units if u.extra.get("kind") == "so" and not u.extra.get("illustrative"))
        self.replication_made: dict[str, dt.date] = {}

    # -- text --------------------------------------------------------------------------
    def sentence(self) -> tuple[str, str]:
        r = self.rng.random()
        if r < 0.25:
            return self.rng.choice(V.ADVICE)
        subj, modal, action, comp = (self.rng.choice(x) for x in (V.SUBJECTS, V.MODALS, V.ACTIONS, V.COMPLEMENTS))
        parts = [subj, modal, action]
        if r < 0.7:
            parts.append(self.rng.choice(V.TOOLS))
        parts.append(comp)
        vi = " ".join(p[0] for p in parts)
        en = " ".join(p[1] for p in parts)
        if self.rng.random() < 0.5:
            conn = self.rng.choice(V.CONNECTORS)
            return f"{conn[0]} {vi}.", f"{conn[1]} {en}."
        return f"{_cap(vi)}.", f"{_cap(en)}."

    def paragraph(self, lo: int = 3, hi: int = 4) -> tuple[str, str]:
        pairs = [self.sentence() for _ in range(self.rng.randint(lo, hi))]
        return " ".join(p[0] for p in pairs), " ".join(p[1] for p in pairs)

    def bullets(self, lo: int, hi: int, numbered: bool = False, bank=None) -> tuple[str, str]:
        if bank is not None:
            picked = self.rng.sample(bank, min(len(bank), self.rng.randint(lo, hi)))
        else:
            picked = [(f"{_cap(a[0])} {t[0]}.", f"{_cap(a[1])} {t[1]}.")
                      for a, t in ((self.rng.choice(V.ACTIONS), self.rng.choice(V.TOOLS))
                                   for _ in range(self.rng.randint(lo, hi)))]
        mark = (lambda i: f"{i}.") if numbered else (lambda i: "-")
        return tuple("\n".join(f"{mark(i + 1)} {p[k]}" for i, p in enumerate(picked)) for k in (0, 1))

    def link(self, target: Planned, here: str) -> tuple[str, str]:
        path = f"{target.slug}.md" if target.collection == here else f"../{target.collection}/{target.slug}.md"
        return (f"Xem thêm: [{target.title['vi']}]({path}).", f"See also: [{target.title['en']}]({path}).")

    # -- front matter ----------------------------------------------------------------------
    def common(self, item: Planned, unit: str) -> tuple[dict, dict]:
        rng = self.rng
        sectors = rng.sample(sorted(self.tax.sectors), rng.randint(1, 3))
        unit_sector = self.tax.units[unit].extra.get("sector")
        if unit_sector in self.tax.sectors and unit_sector not in sectors:
            sectors[0] = unit_sector
        tags = rng.sample(V.TAGS, rng.randint(2, 6))
        roles = rng.sample(V.AUTHOR_ROLES, rng.randint(1, 2))
        updated = min(LAST_DAY, item.date + dt.timedelta(days=rng.choice([0, 0, 3, 14, 45])))
        others = [p for p in self.plan if p is not item]
        related = [p.key for p in rng.sample(others, min(len(others), rng.randint(0, 3)))]
        vi = {
            "title": item.title["vi"],
            "summary": "",  # filled in by item()
            "sectors": sectors,
            "audiences": rng.sample(sorted(self.tax.audiences), rng.randint(1, 2)),
            "level": rng.choices(["co-ban", "trung-cap", "nang-cao"], [5, 3, 2])[0],
            "tags": [t[0] for t in tags],
            "unit": unit,
            "authors": [{"role": r[0]} for r in roles],
            "published": item.date,
            "updated": updated,
            "license": rng.choices(sorted(self.tax.licenses), [6, 2, 1])[0],
        }
        if related:
            vi["related"] = related
        en = {"title": item.title["en"], "summary": "", "tags": [t[1] for t in tags],
              "authors": [{"role": r[1]} for r in roles]}
        return vi, en

    def summary(self) -> tuple[str, str]:
        a, b = self.sentence(), self.sentence()
        return f"{a[0]} {b[0]}"[:300], f"{a[1]} {b[1]}"[:300]

    def item(self, item: Planned) -> tuple[dict, str, dict, str]:
        make = {"guides": self.guide, "prompts": self.prompts, "use_cases": self.case}[item.collection]
        vi, vi_body, en, en_body = make(item)
        for anchor in sorted(self.anchors.get(item.key, ())):
            # A section the hand-written pages link to by its anchor.
            heading, text = self.rng.choice(V.HEADINGS), self.paragraph(2, 3)
            vi_body += f"\n## {heading[0]} {{#{anchor}}}\n\n{text[0]}\n"
            en_body += f"\n## {heading[1]} {{#{anchor}}}\n\n{text[1]}\n"
        summary = self.summary()
        vi["summary"], en["summary"] = summary
        return vi, vi_body, en, en_body

    # -- the three item types -------------------------------------------------------------
    def guide(self, item: Planned):
        rng = self.rng
        unit = rng.choice(["ban-bien-tap"] * 2 + [rng.choice(self.departments), rng.choice(self.communes)])
        vi, en = self.common(item, unit)
        if rng.random() < 0.7:
            vi["ai_tools"] = rng.sample(sorted(self.tax.tools), rng.randint(1, 3))
        body = [self.paragraph(3, 4)]
        for heading in rng.sample(V.HEADINGS, rng.randint(4, 5)):
            body.append((f"## {heading[0]}", f"## {heading[1]}"))
            body.append(self.paragraph(3, 4))
            if rng.random() < 0.7:
                body.append(self.bullets(3, 5))
            body.append(self.paragraph(2, 3))
            if rng.random() < 0.25:
                tip = rng.choice(V.ADVICE)
                body.append((f'!!! tip "Mẹo"\n\n    {tip[0]}', f'!!! tip "Tip"\n\n    {tip[1]}'))
        target = rng.choice([p for p in self.plan if p is not item] or [item])
        if target is not item:
            body.append(self.link(target, item.collection))
        return vi, _join(body, 0), en, _join(body, 1)

    def prompts(self, item: Planned):
        rng = self.rng
        unit = rng.choice(["ban-bien-tap"] * 3 + [rng.choice(self.departments), rng.choice(self.communes)])
        vi, en = self.common(item, unit)
        vi_prompts, en_prompts, tools = [], [], set()
        for k in range(rng.randint(5, 8)):
            action, role, comp = rng.choice(V.ACTIONS), rng.choice(V.ROLES), rng.choice(V.COMPLEMENTS)
            variables = rng.sample(V.VARIABLES, rng.randint(1, 4))
            constraints = rng.sample(V.CONSTRAINTS, rng.randint(2, 3))
            text_vi = [f"Bạn là {role[0]}. Hãy {action[0]} {comp[0]}."] + [v[4] for v in variables] + [c[0] for c in constraints]
            text_en = [f"You are {role[1]}. Please {action[1]} {comp[1]}."] + [v[5] for v in variables] + [c[1] for c in constraints]
            tested = rng.sample(sorted(t for t in self.tax.tools if t != "khac"), rng.randint(1, 3))
            tools.update(tested)
            outputs = [self.sentence() for _ in range(3)]
            pid = "-".join(slugify(action[0]).split("-")[:5]) + f"-{k + 1}"
            vi_prompts.append({
                "id": pid,
                "task": _cap(action[0]),
                "text": "\n".join(text_vi) + "\n",
                "variables": [{"name": v[0], "label": {"vi": v[1], "en": v[2]}, "example": v[3]} for v in variables],
                "data_safety": rng.choices(sorted(self.tax.data_safety), [5, 4, 1])[0],
                "tested_with": [{"tool": t, "date": f"2026-{rng.randint(1, 10):02d}"} for t in tested],
                "example_output": "\n".join(f"{i + 1}. {o[0]}" for i, o in enumerate(outputs)) + "\n",
            })
            en_prompts.append({"id": pid, "task": _cap(action[1]), "text": "\n".join(text_en) + "\n",
                               "example_output": "\n".join(f"{i + 1}. {o[1]}" for i, o in enumerate(outputs)) + "\n"})
        vi["ai_tools"] = sorted(tools)
        vi["prompts"], en["prompts"] = vi_prompts, en_prompts
        safety = rng.choice(V.ADVICE[1:2] + V.ADVICE[7:8] + V.ADVICE[15:16])
        body = [self.paragraph(3, 4), ("## Cách dùng", "## How to use these prompts"), self.paragraph(3, 4),
                self.bullets(3, 4), ("## An toàn dữ liệu", "## Data safety"),
                (f"{safety[0]} " + self.paragraph(2, 3)[0], f"{safety[1]} " + self.paragraph(2, 3)[1])]
        return vi, _join(body, 0), en, _join(body, 1)

    def case(self, item: Planned):
        rng = self.rng
        illustrative = rng.random() < 0.6
        unit = rng.choice(self.illustrative_units) if illustrative else rng.choice(self.communes + self.departments)
        vi, en = self.common(item, unit)
        tools = rng.sample(sorted(t for t in self.tax.tools if t != "khac"), rng.randint(1, 3))
        results_vi, results_en, sentences = [], [], []
        months = rng.randint(2, 6)
        for spec in rng.sample(V.RESULTS, rng.randint(1, 3)):
            metric_vi, metric_en, unit_vi, unit_en, (lo, hi), (flo, fhi) = spec
            before = rng.randint(lo, hi)
            after = max(1, round(before * rng.uniform(flo, fhi)))
            evidence = rng.choice(V.EVIDENCE)
            results_vi.append({"metric": metric_vi, "before": before, "after": after, "unit": unit_vi,
                               "period": f"{months} tháng", "evidence": evidence[0]})
            results_en.append({"metric": metric_en, "unit": unit_en, "period": f"{months} months", "evidence": evidence[1]})
            sentences.append((f"{metric_vi}: từ {before} thành {after} {unit_vi} sau {months} tháng.",
                              f"{metric_en}: from {before} to {after} {unit_en} after {months} months."))
        saved = rng.choice([20, 30, 45, 60, 90, 120, 150])
        cost = rng.choice([0, 0, 0, 120000, 250000, 500000])
        cost_note = ("Dùng bản miễn phí", "Free tier") if cost == 0 else ("Một tài khoản trả phí dùng chung", "One shared paid account")
        prereq = rng.sample(V.PREREQUISITES, rng.randint(2, 3))
        vi.update({
            "illustrative": illustrative,
            "stage": rng.choice(sorted(self.tax.stages)),
            "ai_tools": tools,
            "results": results_vi,
            "time_saved": {"minutes": saved, "per": "mỗi lần thực hiện"},
            "cost": {"vnd_per_month": cost, "note": cost_note[0]},
            "prerequisites": [p[0] for p in prereq],
        })
        en.update({"results": results_en, "time_saved": {"per": "each time it is done"},
                   "cost": {"note": cost_note[1]}, "prerequisites": [p[1] for p in prereq]})
        # About a third of the cases replicate an older one.
        older = [p for p in self.by_collection["use_cases"] if p.date < item.date - dt.timedelta(days=10)]
        if older and rng.random() < 0.35:
            origin = rng.choice(older)
            vi["replicated_from"] = origin.key
            vi["replicated_on"] = origin.date + dt.timedelta(days=(item.date - origin.date).days // 2)
        if not illustrative:
            vi["sources"] = [{"title": "Nguồn giả lập cho phép đo hiệu năng (không phải dữ liệu thật)",
                              "url": f"https://example.org/aixutra-bench/{item.slug}"}]
        h_vi, h_en = V.CASE_HEADINGS["vi"], V.CASE_HEADINGS["en"]
        body = [
            (f"## {h_vi[0]}", f"## {h_en[0]}"), self.paragraph(3, 4), self.paragraph(2, 3),
            (f"## {h_vi[1]}", f"## {h_en[1]}"), self.paragraph(2, 3), self.bullets(3, 5, numbered=True),
            (f"## {h_vi[2]}", f"## {h_en[2]}"), self.paragraph(2, 3),
            tuple("> " + s for s in self.sentence()),
            (f"## {h_vi[3]}", f"## {h_en[3]}"),
            (" ".join(s[0] for s in sentences), " ".join(s[1] for s in sentences)), self.paragraph(2, 3),
            (f"## {h_vi[4]}", f"## {h_en[4]}"), self.bullets(2, 4, bank=V.DIFFICULTIES), self.paragraph(2, 3),
            (f"## {h_vi[5]}", f"## {h_en[5]}"), self.bullets(4, 7, numbered=True, bank=V.STEPS),
        ]
        if "replicated_from" in vi:
            origin = next(p for p in self.plan if p.key == vi["replicated_from"])
            body.insert(3, self.link(origin, item.collection))
        return vi, _join(body, 0), en, _join(body, 1)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(blocks: list[tuple[str, str]], k: int) -> str:
    return "\n\n".join(b[k] for b in blocks) + "\n"


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value: str):
    # Multi-line prompt texts as literal blocks, as contributors write them.
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _str)


def _markdown(meta: dict, body: str) -> str:
    front = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)
    return unicodedata.normalize("NFC", f"---\n{front}---\n\n{body}")
