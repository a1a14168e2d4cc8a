"""One build in a process of its own, so that its peak memory can be measured.

    python -m aixutra.bench.child ours HUB        # HUB/scripts/build.py, as contributors run it
    python -m aixutra.bench.child bare CONFIG     # stock `mkdocs build` of a bare project

Prints one JSON line: {"ok": ..., "site_seconds": ..., "offline_seconds": ...,
"offline_cpu_seconds": ...}: the time spent in the site build alone
(aixutra.build.build_site for ours) and in the offline copies (zip, Kiwix files), which bare
Material does not make, so that the two builds can be compared on the same work.
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

    spent: dict[str, list[float]] = {"site": [], "site_cpu": [], "offline": [], "offline_cpu": []}

    def timed(name: str, function):
        def run(*args, **kwargs):
            start, cpu = time.perf_counter(), time.process_time()  # process_time counts libzim's threads too
            try:
                return function(*args, **kwargs)
            finally:
                spent[name].append(time.perf_counter() - start)
                spent[name + "_cpu"].append(time.process_time() - cpu)
        return run

    # The hub's own scripts/build.py imports these when it runs, so it gets the timed ones.
    build.build_site = timed("site", build.build_site)
    build.build_offline = timed("offline", build.build_offline)
    sys.argv = [str(hub / "scripts" / "build.py")]
    try:
        runpy.run_path(sys.argv[0], run_name="__main__")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    total = {name: sum(values) if values else None for name, values in spent.items()}
    return {"ok": code == 0, "site_seconds": total["site"], "offline_seconds": total["offline"],
            "offline_cpu_seconds": total["offline_cpu"]}


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
