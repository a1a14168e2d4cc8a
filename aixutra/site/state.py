"""What every hook of one build shares: the loaded hub and the language being built."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..model import Hub

DEFAULT_LANGUAGE = "vi"


@dataclass
class BuildInfo:
    """Version and date of a build, from the commit (not the clock) so builds are reproducible."""

    version: str
    date: dt.date

    @classmethod
    def of(cls, root: Path) -> "BuildInfo":
        def git(*args: str) -> str:
            try:
                return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                                      check=True, timeout=10).stdout.strip()
            except (OSError, subprocess.SubprocessError):
                return ""
        stamp = os.environ.get("SOURCE_DATE_EPOCH") or git("log", "-1", "--format=%ct")
        date = dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc).date() if stamp else dt.date(2026, 1, 1)
        sha = git("rev-parse", "--short", "HEAD")
        version = os.environ.get("HUB_VERSION") or (f"{date:%Y.%m.%d}-{sha}" if sha else f"{date:%Y.%m.%d}")
        return cls(version, date)


@dataclass
class State:
    hub: Hub | None = None
    build: BuildInfo | None = None
    lang: str = DEFAULT_LANGUAGE
    # src_uri -> where the page really comes from: a path or generated Markdown.
    origins: dict[str, Path | str] = field(default_factory=dict)
    # src_uri -> item, for the item pages.
    items: dict = field(default_factory=dict)

    def generated(self, src_uri: str) -> bool:
        """A page the hub makes from the content (aixutra/pages), not a file someone wrote."""
        return isinstance(self.origins.get(src_uri), str)

    def last_change(self, src_uri: str) -> str:
        """A page's date for the sitemap: its item's `updated`, else the commit's, never the clock
        (MkDocs would stamp every page with the day of the build)."""
        item = self.items.get(src_uri)
        date = item.updated if item is not None else None
        return (date or self.build.date).isoformat()


STATE = State()


def root_of(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE
