"""The offline zip: the site with its notice shown, a README and SHA256SUMS, byte for byte
the same for two builds of one commit (fixed order, dates and permissions)."""

from __future__ import annotations

import hashlib
import zipfile
from functools import cache
from pathlib import Path

import jinja2

from ..pages.format import date as format_date
from .shared import Shared
from .site import OfflineError, Site

README = "README.txt"
SUMS = "SHA256SUMS"
# Already compressed: deflating them again costs time and saves nothing.
_STORED = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".gz", ".zip", ".pdf")
_FILE_MODE = 0o100644  # a regular file, rw-r--r--, whoever unzips it


def zip_name(site: Site) -> str:
    return f"ai-xu-tra-offline-{site.file_version}.zip"


def write_zip(site: Site, dest: Path) -> int:
    """Write the copy to dest; return how many files it holds.

    Files are read as they are written (a copy of thousands of pages is never all in
    memory); the checksums come last, in the order of the files.
    """
    pages = [rel for rel in site.files if rel.endswith(".html")]
    shared = Shared.of(site.read_bytes(rel) for rel in pages)
    clash = set(shared.files) & set(site.files)
    if clash:
        raise OfflineError(f"Trang đã có tệp trùng tên với tệp của bản sao: {sorted(clash)}",
                           f"the site has files named like the copy's own: {sorted(clash)}")
    extra = {README: readme(site, dest.name), **shared.files}
    sums = []
    with zipfile.ZipFile(dest, "w") as zf:
        for rel in sorted({*site.files, *extra}):
            data = extra[rel] if rel in extra else site.read_bytes(rel)
            if rel.endswith(".html"):
                data = shared.rewrite(rel, data)
            _add(zf, site, rel, data)
            sums.append(f"{hashlib.sha256(data).hexdigest()}  {rel}\n")
        # `sha256sum -c` format: "<hex>  <path>", one file a line, LF endings.
        _add(zf, site, SUMS, "".join(sums).encode("ascii"))
    return len(sums) + 1


def _add(zf: zipfile.ZipFile, site: Site, rel: str, data: bytes) -> None:
    # The commit's date at midnight: the clock never enters the file (zip dates start in 1980).
    info = zipfile.ZipInfo(rel, date_time=(max(site.date.year, 1980), site.date.month, site.date.day, 0, 0, 0))
    info.create_system = 3  # Unix, so the mode below is read the same everywhere
    info.external_attr = _FILE_MODE << 16
    stored = rel.lower().endswith(_STORED)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    zf.writestr(info, data, compresslevel=None if stored else 9)


def readme(site: Site, zip_name: str) -> bytes:
    text = _template().render(
        site=site, zip_name=zip_name, sums=SUMS,
        date_vi=format_date(site.date, "vi"), date_en=format_date(site.date, "en"),
        other_homes=[lang for lang in site.languages[1:]])
    # Notepad on older Windows needs CRLF, and the BOM to read UTF-8 (Vietnamese letters).
    return b"\xef\xbb\xbf" + text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.PackageLoader("aixutra.offline", "templates"),
                             autoescape=False, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    return env.get_template("README.txt.j2")
