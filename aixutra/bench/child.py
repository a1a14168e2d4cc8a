"""One build in a process of its own, so that its peak memory can be measured.

    python -m aixutra.bench.child ours HUB        # HUB/scripts/build.py, as contributors run it
    python -m aixutra.bench.child bare CONFIG     # stock `mkdocs build` of a bare project

Prints one JSON line: {"ok": ..., "site_seconds": ...}. site_seconds is the time spent in
the site build alone (aixutra.build.build_site for ours), so that whatever else the build
script does (offline zip, Kiwix files) can be told apart from it.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import time
from pathlib import Path


def ours(hub: Path) -> dict:
    from .. import build

    spent: list[float] = []
    original = build.build_site

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    # The hub's own scripts/build.py imports build_site when it runs, so it gets the timed one.
    build.build_site = timed
    sys.argv = [str(hub / "scripts" / "build.py")]
    try:
        runpy.run_path(sys.argv[0], run_name="__main__")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return {"ok": code == 0, "site_seconds": sum(spent) if spent else None}


def bare(config: Path) -> dict:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    start = time.perf_counter()
    mkdocs_build(load_config(config_file=str(config)))
    return {"ok": True, "site_seconds": time.perf_counter() - start}


def main(argv: list[str]) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    kind, target = argv[0], Path(argv[1]).resolve()
    result = ours(target) if kind == "ours" else bare(target)
    sys.stdout.flush()
    print("\n" + json.dumps(result), flush=True)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
