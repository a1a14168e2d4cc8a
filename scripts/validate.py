"""Check contributions and report every problem, one per line.

    python scripts/validate.py [PATH ...]            # no PATH: the whole hub
    python scripts/validate.py --format github       # GitHub Actions annotations
    python scripts/validate.py --format json         # machine-readable list
    python scripts/validate.py --fix                 # NFC, LF line endings, no BOM
    python scripts/validate.py --stamp-translation use_cases/x.en.md
                                                     # "this translation is up to date"

Exit status 1 when there is an error, 0 otherwise (warnings do not fail).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from aixutra.model import Hub
from aixutra.validate import errors, validate
from aixutra.validate.fix import normalise, stamp_translation

ROOT = Path(__file__).resolve().parent.parent


def _selected(rel: str, wanted: list[str]) -> bool:
    return not wanted or any(rel == w or rel.startswith(w.rstrip("/") + "/") for w in wanted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kiểm tra nội dung đóng góp / Check contributions")
    parser.add_argument("paths", nargs="*", help="tệp hoặc thư mục / files or folders (default: all)")
    parser.add_argument("--format", choices=("text", "github", "json"), default="text")
    parser.add_argument("--fix", action="store_true", help="sửa NFC, CRLF, BOM / fix NFC, CRLF, BOM")
    parser.add_argument("--stamp-translation", nargs="+", metavar="EN_FILE", default=[],
                        help="đánh dấu bản dịch đã cập nhật / mark translations as up to date")
    args = parser.parse_args(argv)
    try:
        wanted = [_relative(p) for p in args.paths]
        hub = Hub.load(ROOT)
        if args.fix or args.stamp_translation:
            changed = [src.rel for src in hub.sources() if _selected(src.rel, wanted) and args.fix and normalise(src)]
            stamps = {_relative(p) for p in args.stamp_translation}
            changed += [i.en.rel for i in hub.items.values() if i.en is not None and i.en.rel in stamps and stamp_translation(i)]
            for rel in changed:
                print(f"đã sửa / fixed: {rel}", file=sys.stderr)
            hub = Hub.load(ROOT)
        found = [d for d in validate(hub) if _selected(d.path, wanted)]
    except Exception as exc:  # never a traceback for a contributor
        print(f"Lỗi không mong đợi khi kiểm tra: {exc} / unexpected error while checking: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps([d.as_dict() for d in found], ensure_ascii=False, indent=2))
    else:
        for d in found:
            print(d.format_github() if args.format == "github" else d.format_text())
    n_err = len(errors(found))
    if args.format == "text":
        print(f"{n_err} lỗi, {len(found) - n_err} cảnh báo / {n_err} error(s), {len(found) - n_err} warning(s)",
              file=sys.stderr)
    return 1 if n_err else 0


def _relative(path: str) -> str:
    p = Path(path)
    p = p.resolve() if p.is_absolute() or p.exists() else (Path.cwd() / p).resolve()
    try:
        return p.relative_to(ROOT).as_posix()
    except ValueError:
        return Path(path).as_posix()


if __name__ == "__main__":
    sys.exit(main())
