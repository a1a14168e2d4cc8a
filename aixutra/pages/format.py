"""Numbers, dates and money as each language writes them (1.500 vs 1,500; 20/11/2026)."""

from __future__ import annotations

import datetime as dt
import re

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
MINUS = "\u2212"


def number(value, lang: str) -> str:
    """1500 -> "1.500" (vi) or "1,500" (en); 2.5 -> "2,5" or "2.5"; anything else as text."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    if lang == "vi":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text.replace("-", MINUS)


def percent(ratio: float, lang: str) -> str:
    """Signed percentage of a change: 0.625 -> "+63%", -0.5 -> "−50%"."""
    value = round(ratio * 100)
    return ("+" if value > 0 else "") + number(value, lang) + "%"


def date(value, lang: str) -> str:
    if not isinstance(value, dt.date):
        return str(value or "")
    if lang == "vi":
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def month(value, lang: str) -> str:
    """"2026-10" (tested_with dates) -> "10/2026" or "October 2026"."""
    match = _MONTH.match(str(value or ""))
    if not match or not 1 <= int(match[2]) <= 12:
        return str(value or "")
    year, mon = match[1], int(match[2])
    return f"{mon:02d}/{year}" if lang == "vi" else f"{MONTHS_EN[mon - 1]} {year}"


def vnd(value, lang: str) -> str:
    return f"{number(value, lang)} đ" if lang == "vi" else f"{number(value, lang)} VND"
