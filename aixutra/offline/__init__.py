"""Offline copies of the built site for communes: a zip for USB sticks, a Kiwix file per
language for phones. aixutra/build.py calls export() after a successful build.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from .site import OfflineError, Site
from .zim import write_zim, zim_name
from .zip import write_zip, zip_name

SUMS = "SHA256SUMS"  # checksums of the files written next to each other in dist/


@dataclass
class Artifact:
    name: str
    size: int  # bytes
    sha256: str
    files: int  # files in a zip, pages in a Kiwix file


@dataclass
class ExportResult:
    ok: bool
    artifacts: list[Artifact] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    seconds: float = 0.0


def export(site_dir: Path, out_dir: Path, kiwix: bool = True) -> ExportResult:
    """Write the offline copies of a built site into out_dir, an empty folder.

    Bad input gives a result with messages, never a traceback; the caller decides
    whether out_dir replaces the previous copies.
    """
    start = time.perf_counter()
    out_dir = Path(out_dir)
    try:
        site = Site.read(Path(site_dir))
        written = [(zip_name(site), write_zip(site, out_dir / zip_name(site)))]
        if kiwix:
            for lang in site.languages:
                written.append((zim_name(site, lang), write_zim(site, lang, out_dir / zim_name(site, lang))))
    except OfflineError as exc:
        return ExportResult(False, messages=[str(exc)])
    except (OSError, RuntimeError, UnicodeError) as exc:  # disk full, libzim refusing a file...
        return ExportResult(False, messages=[f"{type(exc).__name__}: {exc}"])
    artifacts = [Artifact(n, (out_dir / n).stat().st_size, _sha256(out_dir / n), count) for n, count in written]
    (out_dir / SUMS).write_text("".join(f"{a.sha256}  {a.name}\n" for a in artifacts), encoding="ascii")
    return ExportResult(True, artifacts, seconds=time.perf_counter() - start)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
