"""Check contributions and report every problem, one per line.

    python scripts/validate.py [PATH ...]            # no PATH: the whole hub
    python scripts/validate.py --format github       # GitHub Actions annotations
    python scripts/validate.py --format json         # machine-readable list
    python scripts/validate.py --fix                 # NFC, LF line endings, no BOM
    python scripts/validate.py --stamp-translation use_cases/x.en.md
                                                     # "this translation is up to date"

Each line reads PATH:LINE:COL: error|warning: Vietnamese message / English message.
A PATH given selects the problems of that file and of the other language of the same
item (changing a Vietnamese file can make its translation outdated); a folder selects
everything under it. The whole hub is always checked, so a broken reference to or from
the selected files is still found.

Exit status 1 when there is an error, 0 otherwise (warnings do not fail), 2 when the
command itself is wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from aixutra.diagnostics import Diagnostic
from aixutra.validate import check, errors
from aixutra.validate.fix import normalise, stamp_translation

ROOT = Path(__file__).resolve().parent.parent
ITEM_FILE = re.compile(r"^((?:guides|prompts|use_cases)/[^/]+)\.(?:vi|en)\.md$")


def main(argv: list[str] | None = None) -> int:
    _utf8_output()
    parser = argparse.ArgumentParser(description="Kiểm tra nội dung đóng góp / Check contributions")
    parser.add_argument("paths", nargs="*", help="tệp hoặc thư mục / files or folders (mặc định: tất cả / default: all)")
    parser.add_argument("--format", choices=("text", "github", "json"), default="text",
                        help="text (mặc định / default), github (chú thích / annotations), json")
    parser.add_argument("--fix", action="store_true", help="sửa NFC, CRLF, BOM / fix NFC, CRLF, BOM")
    parser.add_argument("--stamp-translation", nargs="+", metavar="EN_FILE", default=[],
                        help="đánh dấu bản dịch đã cập nhật / mark translations as up to date")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)  # another hub (tests)
    args = parser.parse_args(argv)
    try:
        found = run(args)
    except Exception as exc:  # noqa: BLE001 - never a traceback for a contributor
        print(f"Lỗi không mong đợi của trình kiểm tra: {type(exc).__name__}: {exc}; hãy báo cho ban biên tập\n"
              f"Unexpected error in the validator: {type(exc).__name__}: {exc}; please report it to the editors",
              file=sys.stderr)
        return 2
    report(found, args.format)
    return 1 if errors(found) else 0


def run(args) -> list[Diagnostic]:
    root = args.root.resolve()
    wanted, found = [], []
    for given in args.paths:
        rel, problem = _relative(given, root)
        if problem:
            found.append(problem)
        else:
            wanted.append(rel)
    if args.fix or args.stamp_translation:
        _repair(root, wanted, args)
    hub, problems = check(root)
    selected = _selection(wanted)
    # Without a hub (broken data/ files) nothing else was checked: always show why.
    found += [d for d in problems if hub is None or selected(d.path)]
    return found


def _repair(root: Path, wanted: list[str], args) -> None:
    hub, _ = check(root)
    if hub is None:
        return
    selected = _selection(wanted)
    changed = [src.rel for src in hub.sources() if args.fix and selected(src.rel) and normalise(src)]
    stamps = {_relative(p, root)[0] for p in args.stamp_translation}
    changed += [i.en.rel for i in hub.items.values() if i.en is not None and i.en.rel in stamps and stamp_translation(i)]
    for rel in changed:
        print(f"đã sửa / fixed: {rel}", file=sys.stderr)


def _selection(wanted: list[str]):
    """Which diagnostics to show: those of the given files (both languages) or folders."""
    if not wanted:
        return lambda path: True
    items = {m.group(1) for w in wanted if (m := ITEM_FILE.match(w))}

    def selected(path: str) -> bool:
        if any(path == w or path.startswith(w.rstrip("/") + "/") or w in (".", "") for w in wanted):
            return True
        m = ITEM_FILE.match(path)
        return bool(m and m.group(1) in items)
    return selected


def _relative(given: str, root: Path) -> tuple[str, Diagnostic | None]:
    path = Path(given)
    path = (path if path.is_absolute() else Path.cwd() / path).resolve()
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        return given, Diagnostic(given, 1, 1, "error", "path-outside",
                                 f"'{given}' không nằm trong kho nội dung {root}", f"'{given}' is not inside the hub {root}")
    if not path.exists():
        return rel, Diagnostic(rel, 1, 1, "error", "path-missing", f"Không tìm thấy '{given}'", f"'{given}' not found")
    return rel, None


def report(found: list[Diagnostic], fmt: str) -> None:
    n_err = len(errors(found))
    n_warn = len(found) - n_err
    if fmt == "json":
        print(json.dumps([d.as_dict() for d in found], ensure_ascii=False, indent=2))
        return
    for d in found:
        print(d.format_github() if fmt == "github" else d.format_text())
    summary = f"{n_err} lỗi, {n_warn} cảnh báo / {n_err} error(s), {n_warn} warning(s)"
    if fmt == "text":
        print(summary, file=sys.stderr)
    elif os.environ.get("GITHUB_STEP_SUMMARY"):
        _step_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), found, summary)


def _step_summary(path: Path, found: list[Diagnostic], summary: str) -> None:
    """Every problem on the run's summary page: annotations only show on changed lines."""
    lines = ["## Kiểm tra nội dung / Content check", "", f"**{summary}**", ""]
    if found:
        lines += ["| Vị trí / Where | Mức / Level | Vấn đề / Problem |", "|---|---|---|"]
        lines += [f"| `{d.path}:{d.line}:{d.col}` | {d.severity} | {d.message.replace('|', '∣')} |" for d in found]
    try:
        with path.open("a", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
    except OSError:
        pass


def _utf8_output() -> None:
    # A Windows console or a redirected stream may not be UTF-8: Vietnamese must still print.
    for stream in (sys.stdout, sys.stderr):
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (AttributeError, ValueError):
                pass


if __name__ == "__main__":
    sys.exit(main())
