"""Build real sites from fixture Markdown."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import textwrap
from pathlib import Path

from aixutra.build import build_offline, build_site

from .fixtures import items, offline

ROOT = Path(__file__).resolve().parent.parent
# What a hub needs besides its content: configuration, taxonomies, theme overrides.
SKELETON = ("mkdocs.yml", "data", "hooks", "overrides")
# The pages the menu names, instead of the real docs/ (whose links point at the real items).
DOCS = {
    "docs/index.vi.md": "# AI Xứ Trà\n\nTrang chủ thử nghiệm.\n",
    "docs/index.en.md": "# AI Xứ Trà\n\nTest home page.\n",
    "docs/gioi-thieu.vi.md": "# Giới thiệu\n\nGiới thiệu thử nghiệm.\n",
    "docs/dong-gop.vi.md": "# Đóng góp\n\nCách đóng góp.\n",
}


def make_hub(where: Path, files: dict[str, str]) -> Path:
    """A copy of the hub's skeleton with the given content files (path -> Markdown)."""
    where.mkdir(parents=True, exist_ok=True)
    for name in SKELETON:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, where / name)
        elif src.exists():
            shutil.copy2(src, where / name)
    for collection in ("guides", "prompts", "use_cases"):
        (where / collection).mkdir(exist_ok=True)
    for rel, text in {**DOCS, **files}.items():
        path = where / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return where


def build_hub(where: Path, files: dict[str, str]) -> Path:
    hub = make_hub(where, files)
    result = build_site(hub, hub / "site")
    assert result.ok, "\n".join(result.messages)
    return hub / "site"


# The hub of the offline copies, handouts and Kiwix files (tests/fixtures/offline.py), built
# once per run by conftest.py's offline_hub.
ONLINE = "https://hub.example.org/"


def digest(text: str) -> str:
    return hashlib.sha256(textwrap.dedent(text).lstrip().encode()).hexdigest()[:8]


def fixture_files() -> dict[str, str]:
    return {
        "guides/dao-duc.vi.md": items.GUIDE_VI,
        "guides/dao-duc.en.md": items.GUIDE_EN.replace("{digest}", digest(items.GUIDE_VI)),
        "guides/chi-tieng-viet.vi.md": items.UNTRANSLATED_VI,
        **offline.files(digest),
    }


def build_with_copies(hub: Path, site: Path, dist: Path):
    """What scripts/build.py does: the site, then its offline copies."""
    built = build_site(hub, site)
    assert built.ok, "\n".join(built.messages)
    return build_offline(site, dist)


def git(hub: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2026-11-20T10:00:00+07:00",
           "GIT_COMMITTER_DATE": "2026-11-20T10:00:00+07:00", "PATH": "/usr/bin:/bin"}
    return subprocess.run(["git", *args], cwd=hub, env=env, check=True, capture_output=True, text=True).stdout.strip()
