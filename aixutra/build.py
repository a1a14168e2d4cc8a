"""Build the site atomically: a failed build never replaces a good one; the same for the
offline copies written from it."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException, PluginError

from .offline import ExportResult, export
from .site.state import STATE

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # the 2.0 notice means nothing to a contributor


@dataclass
class BuildResult:
    ok: bool
    site_dir: Path
    messages: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so that a failure can say what went wrong."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def build_site(root: Path, site_dir: Path | None = None, config_file: Path | None = None) -> BuildResult:
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    staging.chmod(0o755)  # mkdtemp's folder is private; a web server must read the site
    collect = _Collect()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collect)
    STATE.__init__()  # a fresh state per build (tests build several sites in one process)
    try:
        config = load_config(config_file=str(config_file or root / "mkdocs.yml"), site_dir=str(staging))
        mkdocs_build(config)
    except (Abort, ConfigurationError, PluginError, MkDocsException) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        return BuildResult(False, site_dir, _explain(collect.messages, exc))
    except Exception as exc:  # a plugin or Markdown extension crashed: still no traceback
        shutil.rmtree(staging, ignore_errors=True)
        return BuildResult(False, site_dir, _explain(collect.messages, exc))
    finally:
        mkdocs_log.removeHandler(collect)
    _swap(staging, site_dir)
    return BuildResult(True, site_dir, collect.messages)


def build_offline(site_dir: Path, dist_dir: Path) -> ExportResult:
    """Write the offline copies of a built site into dist_dir (aixutra/offline).

    They are written into a staging folder that replaces dist_dir only once all are there:
    a failure leaves the previous copies untouched.
    """
    dist_dir = Path(dist_dir).resolve()
    dist_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{dist_dir.name}.new-", dir=dist_dir.parent))
    staging.chmod(0o755)  # mkdtemp's folder is private; the copies are made to be shared
    result = export(Path(site_dir), staging)
    if not result.ok:
        shutil.rmtree(staging, ignore_errors=True)
        return result
    _swap(staging, dist_dir)
    return result


def _explain(warnings: list[str], exc: Exception) -> list[str]:
    text = str(exc).strip() or type(exc).__name__
    lines = [w for w in warnings if w.strip() and w.strip() != text]
    lines.append(text if isinstance(exc, MkDocsException) else f"{type(exc).__name__}: {text}")
    return lines


def _swap(new: Path, target: Path) -> None:
    """Replace target by new with two renames, so readers never see half a site."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        old.rmdir()
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
