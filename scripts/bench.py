"""Benchmark AI Xứ Trà against bare Material on a synthetic hub of N items per language.

Usage: python scripts/bench.py --items 250 --items 1000 [--repeat 3] [--at HEAD|WORKTREE] [--no-browser]
       python scripts/bench.py --report-only bench-results/latest.json   # rewrite the pages only

Prints the comparison, writes bench-results/latest.json and the documentation pages
docs/benchmark.vi.md and docs/benchmark.en.md. The logic lives in aixutra/bench/.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import tempfile
from pathlib import Path

from aixutra.bench import report, snapshot
from aixutra.bench.run import BenchError, merge, run

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description="Đo hiệu năng AI Xứ Trà so với Material thuần / Benchmark AI Xứ Trà against bare Material")
    parser.add_argument("--items", type=int, action="append", metavar="N",
                        help="items per language in the synthetic hub (repeat the option for several N)")
    parser.add_argument("--repeat", type=int, default=3, help="builds and searches per measurement; the median is reported (default 3)")
    parser.add_argument("--at", metavar="REV", help="benchmark a copy of this git commit (e.g. HEAD), or of the working "
                        "tree as it is now (WORKTREE), so that edits made during the run do not change it")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements (first view, search)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench-results" / "latest.json", help="where to write the full results")
    parser.add_argument("--docs-dir", type=Path, default=ROOT / "docs", help="where to write benchmark.vi.md and benchmark.en.md")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite the documentation pages")
    parser.add_argument("--merge", type=Path, metavar="JSON",
                        help="also report the runs of an earlier results file for the N not measured now")
    parser.add_argument("--report-only", type=Path, metavar="JSON",
                        help="measure nothing: print and write the report of an earlier results file")
    parser.add_argument("--work-dir", type=Path, help="where to generate the hubs (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated hubs and sites")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic content")
    # Set by --at for the run inside the snapshot: what to print as the command and the source.
    parser.add_argument("--command-label", help=argparse.SUPPRESS)
    parser.add_argument("--source-label", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.report_only:
        results = json.loads(args.report_only.read_text(encoding="utf-8"))
        print(report.terminal(results))
        return _written(report.write(results, None, None if args.no_docs else args.docs_dir))
    if not args.items:
        parser.error("cần ít nhất một --items N / at least one --items N is needed")
    if any(n < 1 for n in args.items) or args.repeat < 1:
        parser.error("--items và --repeat phải từ 1 trở lên / --items and --repeat must be at least 1")
    command = args.command_label or "python scripts/bench.py " + shlex.join(argv)
    if args.at:
        return _at(args, argv, command)
    try:
        results = run(sorted(set(args.items)), args.repeat, not args.no_browser, args.work_dir, args.keep,
                      args.seed, command, args.source_label)
    except BenchError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.merge:
        results = merge(results, json.loads(args.merge.read_text(encoding="utf-8")))
    print(report.terminal(results))
    return _written(report.write(results, args.json, None if args.no_docs else args.docs_dir))


def _written(paths: list[Path]) -> int:
    for path in paths:
        print(f"Đã ghi / written: {path}")
    return 0


def _at(args, argv: list[str], command: str) -> int:
    """Run the benchmark from a snapshot of a commit, writing results into this tree."""
    inner = [a for i, a in enumerate(argv) if a != "--at" and not a.startswith("--at=") and (i == 0 or argv[i - 1] != "--at")]
    inner += ["--json", str(args.json.resolve()), "--docs-dir", str(args.docs_dir.resolve()), "--command-label", command]
    if args.merge:
        inner += ["--merge", str(args.merge.resolve())]
    with tempfile.TemporaryDirectory(prefix="aixutra-bench-src-") as tmp:
        try:
            source = snapshot.extract(ROOT, args.at, Path(tmp) / "src")
        except snapshot.SnapshotError as exc:
            print(exc, file=sys.stderr)
            return 1
        return snapshot.rerun(Path(tmp) / "src", inner + ["--source-label", source])


if __name__ == "__main__":
    sys.exit(main())
