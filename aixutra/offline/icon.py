"""The Kiwix illustration: a tea leaf on green, drawn as a PNG with the standard library."""

from __future__ import annotations

import math
import struct
import zlib

GREEN = (46, 125, 50)  # Material's green 800, the site's primary colour
LEAF = (255, 255, 255)
SAMPLES = 4  # per axis: 16 samples a pixel smooth the edges


def tea_leaf_png(size: int = 48) -> bytes:
    rows = []
    for y in range(size):
        row = bytearray([0])  # PNG filter type 0 (none) for this row
        for x in range(size):
            bg = leaf = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    u = ((x + (sx + 0.5) / SAMPLES) / size) * 2 - 1
                    v = ((y + (sy + 0.5) / SAMPLES) / size) * 2 - 1
                    if _in_rounded_square(u, v):
                        bg += 1
                        leaf += _on_leaf(u, v)
            n = SAMPLES * SAMPLES
            colour = [round((g * (bg - leaf) + w * leaf) / bg) if bg else 0 for g, w in zip(GREEN, LEAF)]
            row += bytes(colour) + bytes([round(255 * bg / n)])
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _in_rounded_square(u: float, v: float, radius: float = 0.3) -> bool:
    dx, dy = max(abs(u) - (1 - radius), 0), max(abs(v) - (1 - radius), 0)
    return dx * dx + dy * dy <= radius * radius


def _on_leaf(u: float, v: float) -> bool:
    """A leaf: two circles' overlap along the diagonal, with its vein and stem left green."""
    c = math.sqrt(0.5)
    a, b = (u - v) * c, (u + v) * c  # a along the leaf, b across it
    half, thickness = 0.66, 0.3
    d = (half * half / thickness - thickness) / 2  # circle centres at b = ±d
    r = d + thickness
    in_leaf = a * a + (b - d) ** 2 <= r * r and a * a + (b + d) ** 2 <= r * r
    vein = abs(b) < 0.035 and abs(a) < half * 0.8
    stem = abs(b) < 0.045 and -half - 0.2 < a < -half + 0.05
    return (in_leaf and not vein) or stem
