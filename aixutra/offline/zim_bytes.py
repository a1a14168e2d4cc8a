"""The same site gives the same Kiwix file, byte for byte.

libzim gives every file a random UUID (the header's bytes 8-23) and so does Xapian to each
of its two databases (full text, titles) inside it; the Python binding cannot set them.
Here each is replaced by one worked out from the file's other bytes, and the MD5 checksum
at the end of the file is computed again, so that two builds of one commit can be
compared, like the zip, and a commune can check a copy against SHA256SUMS.
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

_UUID = slice(8, 24)
_CHECKSUM_POS = 72  # the header's checksumPos field: 8 bytes, little-endian
# A Xapian "glass" database's version block: its magic, its format version (2 bytes), its UUID.
_XAPIAN_MAGIC = b"\x0f\rXapian Glass"
_XAPIAN_UUID_AT = len(_XAPIAN_MAGIC) + 2


class ZimFormatError(RuntimeError):
    pass


def settle(path: Path) -> None:
    data = bytearray(Path(path).read_bytes())
    if data[:4] != b"ZIM\x04":
        raise ZimFormatError(f"{path}: not a ZIM file")
    (end,) = struct.unpack_from("<Q", data, _CHECKSUM_POS)
    if end + 16 != len(data):
        raise ZimFormatError(f"{path}: the checksum is not at the end of the file")
    places = [_UUID.start]
    at = data.find(_XAPIAN_MAGIC)
    while at != -1:
        places.append(at + _XAPIAN_UUID_AT)
        at = data.find(_XAPIAN_MAGIC, at + 1)
    for place in places:
        data[place:place + 16] = bytes(16)
    seed = hashlib.sha256(data[:end]).digest()
    for n, place in enumerate(places):
        data[place:place + 16] = hashlib.sha256(seed + bytes([n])).digest()[:16]
    data[end:] = hashlib.md5(data[:end]).digest()
    Path(path).write_bytes(data)
