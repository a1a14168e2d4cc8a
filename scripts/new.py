"""Create a new item, both language files, from a template.

    python scripts/new.py guide      # a guide (hướng dẫn)
    python scripts/new.py prompts    # a prompt library (thư viện câu lệnh mẫu)
    python scripts/new.py case       # a case study (mô hình hay)

Asks in Vietnamese (with English) for every value not given as an option, offering the
choices of each list. With every value given as an option, or with --no-input, it asks
nothing, so it can be scripted:

    python scripts/new.py guide --no-input --title "Dùng AI soạn giấy mời" \\
        --title-en "Drafting invitations with AI" --summary "..." --summary-en "..." \\
        --sector noi-vu --audience can-bo --level co-ban --unit ban-bien-tap

It never overwrites a file, and checks the new item with the validator.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from aixutra.scaffold import KINDS, ScaffoldError, Values, create, default_slug
from aixutra.taxonomy import Taxonomies
from aixutra.text import fold
from aixutra.validate import check, errors

ROOT = Path(__file__).resolve().parent.parent


class Cancelled(Exception):
    pass


def _list(values: list[str] | None) -> list[str] | None:
    """Repeated options and comma-separated values alike: --sector a,b --sector c."""
    if values is None:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description="Tạo bài mới từ mẫu / Create a new item from a template",
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    p.add_argument("kind", choices=list(KINDS), help="guide | prompts | case")
    p.add_argument("--no-input", action="store_true", help="không hỏi; thiếu giá trị thì báo lỗi / never ask; missing values are errors")
    p.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    all_ = p.add_argument_group("mọi bài / every item")
    all_.add_argument("--slug", help="tên tệp: chữ thường không dấu và '-' / file name: lowercase ASCII and '-'")
    all_.add_argument("--title", help="tiêu đề tiếng Việt / Vietnamese title")
    all_.add_argument("--title-en", help="tiêu đề tiếng Anh / English title")
    all_.add_argument("--summary", help="tóm tắt tiếng Việt / Vietnamese summary")
    all_.add_argument("--summary-en", help="tóm tắt tiếng Anh / English summary")
    all_.add_argument("--sector", action="append", help="mã lĩnh vực (data/sectors.yml), lặp lại hoặc cách bằng dấu phẩy")
    all_.add_argument("--audience", action="append", help="mã đối tượng (data/audiences.yml)")
    all_.add_argument("--level", help="co-ban | trung-cap | nang-cao")
    all_.add_argument("--unit", help="mã đơn vị (data/units.yml, data/communes.yml)")
    all_.add_argument("--tag", action="append", help="từ khóa / keyword")
    all_.add_argument("--tag-en", action="append", help="từ khóa tiếng Anh / English keyword")
    all_.add_argument("--author-role", help="vai trò tác giả / author's role (mặc định / default: Người đóng góp)")
    all_.add_argument("--author-role-en", help="vai trò bằng tiếng Anh / role in English (default: Contributor)")
    all_.add_argument("--author-name", help="tên tác giả (không bắt buộc) / author's name (optional)")
    all_.add_argument("--license", help="CC-BY-4.0 (mặc định / default) | CC-BY-SA-4.0 | CC0-1.0")
    all_.add_argument("--tools", action="append", help="mã công cụ AI (data/tools.yml)")
    all_.add_argument("--related", action="append", help="bài liên quan: <thư mục>/<slug>")
    all_.add_argument("--date", help="ngày đăng YYYY-MM-DD (mặc định hôm nay) / date published (default today)")
    pr = p.add_argument_group("câu lệnh mẫu / prompts")
    pr.add_argument("--task", help="việc câu lệnh đầu tiên giúp làm / task of the first prompt")
    pr.add_argument("--task-en", help="việc, bằng tiếng Anh / the task in English")
    pr.add_argument("--prompt-id", help="mã câu lệnh / prompt id (mặc định từ task / default from the task)")
    pr.add_argument("--data-safety", help="cong-khai | an-danh-truoc | khong-dung-ai-cong-cong")
    pr.add_argument("--tested-with", action="append", help="mã công cụ đã thử / tools it was tested with")
    pr.add_argument("--tested-on", help="tháng thử YYYY-MM (mặc định tháng này) / month tested (default this month)")
    cs = p.add_argument_group("mô hình hay / case studies")
    kind = cs.add_mutually_exclusive_group()
    kind.add_argument("--illustrative", dest="illustrative", action="store_true", default=None,
                      help="ví dụ minh họa với đơn vị vi-du-* / illustrative example with a vi-du-* unit")
    kind.add_argument("--real", dest="illustrative", action="store_false",
                      help="đơn vị thật, cần nguồn công khai / a real unit, public sources required")
    cs.add_argument("--stage", help="y-tuong | thi-diem | dang-dung | da-danh-gia | nhan-rong")
    cs.add_argument("--metric", help="chỉ số đo / what was measured")
    cs.add_argument("--metric-en")
    cs.add_argument("--before", type=float, help="giá trị trước / value before")
    cs.add_argument("--after", type=float, help="giá trị sau / value after")
    cs.add_argument("--measure-unit", help="đơn vị đo, ví dụ phút / unit of measure, e.g. phút")
    cs.add_argument("--measure-unit-en")
    cs.add_argument("--period", help="thời gian đo / period measured")
    cs.add_argument("--period-en")
    cs.add_argument("--evidence", help="căn cứ số liệu / evidence for the figures")
    cs.add_argument("--evidence-en")
    cs.add_argument("--minutes", type=float, help="số phút tiết kiệm mỗi lần / minutes saved per task")
    cs.add_argument("--per", help="cho việc gì / per what task")
    cs.add_argument("--per-en")
    cs.add_argument("--cost-vnd", type=float, help="chi phí đồng/tháng (mặc định 0) / cost in đồng per month (default 0)")
    cs.add_argument("--cost-note")
    cs.add_argument("--cost-note-en")
    cs.add_argument("--prerequisite", action="append", help="điều kiện cần (lặp lại) / prerequisite (repeat)")
    cs.add_argument("--prerequisite-en", action="append")
    cs.add_argument("--replicated-from", help="use_cases/<slug> của mô hình gốc / of the original case")
    cs.add_argument("--replicated-on", help="ngày bắt đầu nhân rộng YYYY-MM-DD / date replication started")
    cs.add_argument("--source-title", action="append", help="tên nguồn công khai / title of a public source")
    cs.add_argument("--source-url", action="append", help="địa chỉ nguồn / its address")
    return p


class Asker:
    """Fills in missing values: by asking, or by noting which option is missing."""

    def __init__(self, interactive: bool, tax: Taxonomies):
        self.interactive = interactive
        self.tax = tax
        self.missing: list[str] = []

    def _input(self, prompt: str) -> str:
        try:
            return input(prompt).strip()
        except (EOFError, KeyboardInterrupt):
            raise Cancelled() from None

    def text(self, option: str, question: str, given, default: str | None = None, optional: bool = False) -> str:
        if given is not None:
            return given
        if not self.interactive:
            if default is None and not optional:
                self.missing.append(option)
            return default or ""
        hint = f" [{default}]" if default else (" (Enter để bỏ qua / Enter to skip)" if optional else "")
        while True:
            answer = self._input(f"{question}{hint}: ") or default or ""
            if answer or optional:
                return answer
            print("  Cần nhập giá trị / A value is needed")

    def number(self, option: str, question: str, given, default: float | None = None) -> float:
        if given is not None:
            return given
        while True:
            answer = self.text(option, question, None, None if default is None else f"{default:g}")
            if not self.interactive:
                return float(answer or 0)
            try:
                return float(answer.replace(",", "."))
            except ValueError:
                print("  Hãy nhập một số, ví dụ 90 / Enter a number, e.g. 90")

    def words(self, option: str, question: str, given) -> list[str]:
        if given is not None:
            return given
        answer = self.text(option, question + " (cách nhau bởi dấu phẩy / comma-separated)", None, optional=True)
        return [w.strip() for w in answer.split(",") if w.strip()]

    def choose(self, option: str, question: str, given, terms: dict, multi: bool, optional: bool = False,
               search: bool = False, keep=None) -> list[str]:
        if given is not None:
            return given
        if not self.interactive:
            if not optional:
                self.missing.append(option)
            return []
        options = [t for t in terms.values() if keep is None or keep(t)]
        while True:
            shown = options
            if search:
                query = fold(self._input(f"{question}\n  Gõ vài chữ của tên (không cần dấu) / type part of the name: ")).lower()
                shown = [t for t in options if query in fold(t.label("vi")).lower() or query in t.id][:40]
                if not shown:
                    print("  Không tìm thấy; gõ lại / nothing found; try again")
                    continue
            else:
                print(question)
            for n, term in enumerate(shown, 1):
                en = term.label("en")
                print(f"  {n:>2}. {term.label('vi')}" + (f" / {en}" if en != term.label("vi") else "") + f"  ({term.id})")
            how = "số hoặc mã, cách nhau bởi dấu phẩy / numbers or ids, comma-separated" if multi else "một số hoặc mã / a number or id"
            answer = self._input(f"  Chọn {how}" + (" (Enter để bỏ qua / Enter to skip)" if optional else "") + ": ")
            if not answer and optional:
                return []
            picked, bad = [], []
            for part in (p.strip() for p in answer.split(",") if p.strip()):
                if part.isdigit() and 1 <= int(part) <= len(shown):
                    picked.append(shown[int(part) - 1].id)
                elif part in terms and (keep is None or keep(terms[part])):
                    picked.append(part)
                else:
                    bad.append(part)
            if picked and not bad and (multi or len(picked) == 1):
                return list(dict.fromkeys(picked))
            print("  Lựa chọn không hợp lệ; chọn lại / not a valid choice; try again")

    def yes_no(self, option: str, question: str, given) -> bool:
        if given is not None:
            return given
        if not self.interactive:
            self.missing.append(option)
            return True
        while True:
            answer = fold(self._input(f"{question} (c/k, y/n): ")).lower()
            if answer in ("c", "co", "y", "yes"):
                return True
            if answer in ("k", "khong", "n", "no"):
                return False


def gather(args, ask: Asker, tax: Taxonomies) -> Values:
    kind = args.kind
    title = ask.text("--title", "Tiêu đề tiếng Việt / Vietnamese title", args.title)
    slug = ask.text("--slug", "Tên tệp (slug) / File name (slug)", args.slug, default_slug(title) or None)
    title_en = ask.text("--title-en", "Tiêu đề tiếng Anh / English title", args.title_en)
    summary = ask.text("--summary", "Tóm tắt 1-2 câu (tiếng Việt) / One or two sentence summary (Vietnamese)", args.summary)
    summary_en = ask.text("--summary-en", "Tóm tắt tiếng Anh / English summary", args.summary_en)
    sectors = ask.choose("--sector", "Lĩnh vực / Sectors", _list(args.sector), tax.sectors, multi=True)
    audiences = ask.choose("--audience", "Đối tượng / Audiences", _list(args.audience), tax.audiences, multi=True)
    level = ask.choose("--level", "Trình độ / Level", _list([args.level]) if args.level else None, tax.levels, multi=False)
    illustrative = True
    if kind == "case":
        illustrative = ask.yes_no("--illustrative | --real",
                                  "Đây là ví dụ minh họa với đơn vị giả định? / Is this an illustrative example with a generic unit?",
                                  args.illustrative)
    keep = (lambda t: bool(t.extra.get("illustrative")) == illustrative) if kind == "case" else None
    unit = ask.choose("--unit", "Đơn vị đóng góp / Contributing unit", [args.unit] if args.unit else None,
                      tax.units, multi=False, search=True, keep=keep)
    tags = [t.lower() for t in ask.words("--tag", "Từ khóa / Keywords", _list(args.tag))]
    tools = ask.choose("--tools", "Công cụ AI / AI tools", _list(args.tools), tax.tools, multi=True,
                       optional=kind != "case")
    values = Values(
        kind=kind, slug=slug, title=title, title_en=title_en, summary=summary, summary_en=summary_en,
        sectors=sectors, audiences=audiences, level=(level or [""])[0], unit=(unit or [""])[0],
        date=_date(args.date), tags=tags, tags_en=_list(args.tag_en) or [],
        author_role=ask.text("--author-role", "Vai trò tác giả / Author's role", args.author_role, "Người đóng góp"),
        author_role_en=args.author_role_en or "Contributor", author_name=args.author_name or "",
        license=args.license or "CC-BY-4.0", tools=tools, related=_list(args.related) or [],
        illustrative=illustrative)
    if kind == "prompts":
        values.task = ask.text("--task", "Việc câu lệnh đầu tiên giúp làm / Task of the first prompt", args.task)
        values.task_en = ask.text("--task-en", "Việc đó bằng tiếng Anh / The task in English", args.task_en, optional=True)
        values.prompt_id = args.prompt_id or default_slug(values.task)
        values.data_safety = (ask.choose("--data-safety", "Mức an toàn dữ liệu (Công văn 557/BKHCN-CĐSQG) / Data-safety level",
                                         [args.data_safety] if args.data_safety else None, tax.data_safety, multi=False) or [""])[0]
        values.tested_with = ask.choose("--tested-with", "Đã thử với công cụ nào / Tested with", _list(args.tested_with),
                                        tax.tools, multi=True)
        values.tested_on = args.tested_on or dt.date.today().strftime("%Y-%m")
    if kind == "case":
        values.stage = (ask.choose("--stage", "Giai đoạn / Stage", [args.stage] if args.stage else None,
                                   tax.stages, multi=False) or [""])[0]
        values.metric = ask.text("--metric", "Chỉ số đo, ví dụ: Thời gian soạn một báo cáo / What was measured", args.metric)
        values.before = ask.number("--before", "Giá trị trước khi dùng AI / Value before", args.before)
        values.after = ask.number("--after", "Giá trị sau khi dùng AI / Value after", args.after)
        values.measure_unit = ask.text("--measure-unit", "Đơn vị đo, ví dụ: phút / Unit of measure", args.measure_unit)
        values.period = ask.text("--period", "Thời gian đo, ví dụ: 3 tháng (tháng 3–5/2026) / Period", args.period)
        values.evidence = ask.text("--evidence", "Căn cứ số liệu, ví dụ: sổ theo dõi / Evidence", args.evidence)
        values.minutes = ask.number("--minutes", "Số phút tiết kiệm mỗi lần / Minutes saved per task", args.minutes)
        values.per = ask.text("--per", "Mỗi lần làm việc gì, ví dụ: một báo cáo tuần / Per what task", args.per)
        values.cost_vnd = ask.number("--cost-vnd", "Chi phí đồng/tháng / Cost in đồng per month", args.cost_vnd, 0)
        values.cost_note = args.cost_note or ""
        values.prerequisites = _list(args.prerequisite) if args.prerequisite else [
            p for p in [ask.text("--prerequisite", "Điều kiện cần để làm theo / A prerequisite", None)] if p]
        values.metric_en, values.measure_unit_en = args.metric_en or "", args.measure_unit_en or ""
        values.period_en, values.evidence_en = args.period_en or "", args.evidence_en or ""
        values.per_en, values.cost_note_en = args.per_en or "", args.cost_note_en or ""
        values.prerequisites_en = _list(args.prerequisite_en) or []
        values.replicated_from = args.replicated_from or ""
        values.replicated_on = args.replicated_on or ""
        titles, urls = args.source_title or [], args.source_url or []
        if not illustrative and not titles and ask.interactive:
            titles = [ask.text("--source-title", "Tên nguồn công khai / Title of a public source", None)]
            urls = [ask.text("--source-url", "Địa chỉ nguồn (https://...) / Its address", None)]
        if len(titles) != len(urls):
            raise ScaffoldError("Mỗi --source-title cần một --source-url / each --source-title needs a --source-url")
        values.sources = [{"title": t, "url": u} for t, u in zip(titles, urls)]
    return values


def _date(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ScaffoldError(f"--date '{text}' phải có dạng YYYY-MM-DD / must be YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (AttributeError, ValueError):
                pass
    args = parser().parse_args(argv)
    root = args.root.resolve()
    try:
        tax = Taxonomies.load(root / "data")
        ask = Asker(sys.stdin.isatty() and not args.no_input, tax)
        values = gather(args, ask, tax)
        if ask.missing:
            raise ScaffoldError("Thiếu giá trị cho / missing values for: " + ", ".join(dict.fromkeys(ask.missing)))
        vi_path, en_path = create(root, values, tax)
    except Cancelled:
        print("\nĐã hủy, không tạo tệp nào / Cancelled, no file created", file=sys.stderr)
        return 130
    except ScaffoldError as exc:
        print(f"Không tạo được bài / Item not created:\n{exc}", file=sys.stderr)
        return 1
    except (OSError, ValueError, KeyError) as exc:
        print(f"Không tạo được bài / Item not created: {exc}", file=sys.stderr)
        return 1
    rels = [p.relative_to(root).as_posix() for p in (vi_path, en_path)]
    print("Đã tạo / Created:\n  " + "\n  ".join(rels))
    _, found = check(root)
    mine = [d for d in found if d.path in rels]
    for d in mine:
        print(d.format_text())
    print("\nTiếp theo / Next:\n"
          "  1. Viết nội dung, thay các dòng có dấu ✎ / write the text, replacing the lines marked ✎\n"
          "  2. Xem trước / preview: python3 scripts/dev.py serve\n"
          f"  3. Kiểm tra / check: python scripts/validate.py {' '.join(rels)}\n"
          f"  4. Khi sửa bản tiếng Việt, dịch lại rồi chạy / after changing the Vietnamese file, translate and run:\n"
          f"     python scripts/validate.py --stamp-translation {rels[1]}")
    return 1 if errors(mine) else 0


if __name__ == "__main__":
    sys.exit(main())
