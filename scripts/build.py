"""Build AI Xứ Trà: validate the content, build site/ atomically, write the offline copies.

Usage: python scripts/build.py [--site-dir DIR] [--dist-dir DIR | --no-offline]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aixutra.build import build_offline, build_site

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Xây dựng trang AI Xứ Trà / Build the AI Xứ Trà site")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--dist-dir", type=Path, default=ROOT / "dist",
                        help="bản sao ngoại tuyến / where the offline copies go (zip, Kiwix)")
    parser.add_argument("--no-offline", action="store_true",
                        help="không tạo bản sao ngoại tuyến / skip the offline copies")
    args = parser.parse_args(argv)
    result = build_site(ROOT, args.site_dir)
    if not result.ok:
        print("Xây dựng trang thất bại; trang cũ trong site/ được giữ nguyên.\n"
              "Build failed; the previous site/ is left untouched.\n", file=sys.stderr)
        for message in result.messages:
            print(message, file=sys.stderr)
        return 1
    print(f"Đã xây dựng trang / Site built: {result.site_dir}")
    if args.no_offline:
        return 0
    copies = build_offline(result.site_dir, args.dist_dir)
    if not copies.ok:
        print(f"Không tạo được bản sao ngoại tuyến; {args.dist_dir} cũ được giữ nguyên.\n"
              f"The offline copies could not be written; the previous {args.dist_dir} is left untouched.\n",
              file=sys.stderr)
        for message in copies.messages:
            print(message, file=sys.stderr)
        return 1
    print(f"Bản sao ngoại tuyến / Offline copies ({copies.seconds:.1f} s): {args.dist_dir}")
    for a in copies.artifacts:
        unit = "tệp / files" if a.name.endswith(".zip") else "trang / pages"
        print(f"  {a.name}  {a.size / 1e6:.2f} MB ({a.size:,} bytes), {a.files} {unit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
