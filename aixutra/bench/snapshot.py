"""Benchmark a committed revision rather than the working tree.

Several people change the same tree at once: a half-made edit can break a build in the
middle of a long run, or change the code between two builds that are being compared.
`scripts/bench.py --at REV` extracts REV with `git archive` into a temporary folder
(`--at WORKTREE` copies the working tree as it is at that moment, new files included) and
runs the whole benchmark from that copy: PYTHONPATH puts the copy's `aixutra` ahead of the
editable install, for the benchmark and for every build it starts, so that one run uses
one version of the code, the theme and the configuration throughout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path


WORKTREE = "WORKTREE"


class SnapshotError(Exception):
    pass


def copy_worktree(repo: Path, dest: Path) -> str:
    """Copy the files git would see (tracked and new, not ignored) as they are now."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=repo, capture_output=True)
    if listed.returncode != 0:
        raise SnapshotError(f"git ls-files thất bại / failed: {listed.stderr.decode(errors='replace').strip()}")
    for rel in filter(None, listed.stdout.decode().split("\0")):
        src = repo / rel
        if src.is_file():  # a tracked file being deleted right now is skipped
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
    return f"{sha} + working tree"


def extract(repo: Path, rev: str, dest: Path) -> str:
    """Write the files of `rev` (or of the working tree) into dest; returns what was taken."""
    if rev == WORKTREE:
        return copy_worktree(repo, dest)
    def git(*args: str, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, **kwargs)

    found = git("rev-parse", "--verify", f"{rev}^{{commit}}", text=True)
    if found.returncode != 0:
        raise SnapshotError(f"Không tìm thấy phiên bản '{rev}' trong git / no commit '{rev}' in git: {found.stderr.strip()}")
    sha = found.stdout.strip()
    dest.mkdir(parents=True, exist_ok=True)
    archive = dest.parent / f"{dest.name}.tar"
    with archive.open("wb") as out:
        if subprocess.run(["git", "archive", "--format=tar", sha], cwd=repo, stdout=out).returncode != 0:
            raise SnapshotError(f"git archive {sha} thất bại / failed")
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
    archive.unlink()
    return f"{sha[:7]} ({rev})"


def rerun(snapshot: Path, args: list[str]) -> int:
    """Run the snapshot's own scripts/bench.py with its own package first on the path."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(snapshot), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, str(snapshot / "scripts" / "bench.py"), *args], env=env, cwd=snapshot).returncode
