"""Build AI Xứ Trà: validate the content, build site/ atomically.

Usage: python scripts/build.py [--site-dir DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aixutra.build import build_site

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Xây dựng trang AI Xứ Trà / Build the AI Xứ Trà site")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    result = build_site(ROOT, args.site_dir)
    if not result.ok:
        print("Xây dựng trang thất bại; trang cũ trong site/ được giữ nguyên.\n"
              "Build failed; the previous site/ is left untouched.\n", file=sys.stderr)
        for message in result.messages:
            print(message, file=sys.stderr)
        return 1
    print(f"Đã xây dựng trang / Site built: {result.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
