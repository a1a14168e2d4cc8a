"""One command to set up and build, test or preview AI Xứ Trà on a fresh machine.

    python3 scripts/dev.py build   # virtual environment + dependencies, then scripts/build.py
    python3 scripts/dev.py test    # the same, plus Chromium for the browser tests, then pytest
    python3 scripts/dev.py serve   # live preview on http://127.0.0.1:8000

Only the standard library is used here: this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*cmd, **kw) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kw)


def setup_python() -> None:
    """Create .venv and install the pinned packages, unless they are already there."""
    if sys.version_info < (3, 11):
        sys.exit("Cần Python 3.11 trở lên / Python 3.11 or newer is required")
    if not PYTHON.exists():
        run(sys.executable, "-m", "venv", VENV)
    wanted = hashlib.sha256(b"".join((ROOT / f).read_bytes() for f in
                                     ("requirements.txt", "constraints.txt", "pyproject.toml"))).hexdigest()
    stamp = VENV / ".installed"
    if stamp.exists() and stamp.read_text() == wanted:
        return
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "-r", "requirements.txt", "-c", "constraints.txt")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "--no-deps", "--no-build-isolation", "-e", ".")
    stamp.write_text(wanted)


# The browsers (Chromium for most tests, Firefox ESR for the offline copy), fonts with Vietnamese glyphs.
APT_PACKAGES = ("chromium", "firefox-esr", "fonts-noto-core")


def setup_browser() -> None:
    """Debian's Chromium and Firefox ESR drive the browser tests (Playwright cannot download one here)."""
    missing = [p for p in APT_PACKAGES if shutil.which("dpkg")
               and subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]
    if not missing:
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)
    else:
        sys.exit(f"Cần cài các gói Debian {', '.join(missing)} cho các kiểm thử trình duyệt (chạy với quyền root)\n"
                 f"The Debian packages {', '.join(missing)} are needed for the browser tests (run as root)")


def setup_node() -> None:
    """axe-core (accessibility tests) from package-lock.json, into the gitignored node_modules."""
    if (ROOT / "node_modules" / "axe-core" / "axe.min.js").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("Cần Node.js và npm cho các kiểm thử trợ năng (axe-core)\n"
                 "Node.js and npm are needed for the accessibility tests (axe-core)")
    run(npm, "ci", "--no-audit", "--no-fund")


def main(argv: list[str]) -> int:
    task = argv[0] if argv else "build"
    if task not in ("build", "test", "serve"):
        print(__doc__)
        return 2
    setup_python()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if task == "build":
        return subprocess.call([str(PYTHON), "scripts/build.py", *argv[1:]], cwd=ROOT, env=env)
    if task == "serve":
        return subprocess.call([str(PYTHON), "-m", "mkdocs", "serve", *argv[1:]], cwd=ROOT, env=env)
    setup_browser()
    setup_node()
    return subprocess.call([str(PYTHON), "-m", "pytest", *argv[1:]], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
