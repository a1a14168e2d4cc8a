"""What must never be published: script in contributed Markdown, and personal data
(Decree 13/2023/NĐ-CP on personal data protection).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..diagnostics import Diagnostic
from ..model import Source

DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "style", "frame", "frameset", "applet",
                  "form", "input", "button", "textarea", "select", "link", "meta", "base", "svg", "math"}
# Markdown link or image targets: [text](target) / ![alt](target), and autolinks <target>.
MD_TARGET = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)")
REF_TARGET = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file):", re.I)

# Vietnamese mobile numbers (03x, 05x, 07x, 08x, 09x; +84 or 84 instead of 0), with separators.
PHONE = re.compile(r"(?<![\d.])(?:\+?84|0)[\s.-]?(?:3|5|7|8|9)\d(?:[\s.-]?\d){7}(?![\d])")
CITIZEN_ID = re.compile(r"(?<!\d)0\d{11}(?!\d)")  # 12-digit citizen ID (CCCD) starts with a 0 province code
EMAIL = re.compile(r"[\w.+-]+@([\w-]+\.)+[a-z]{2,}", re.I)
PERSONAL_MAIL = re.compile(r"@(gmail|yahoo|ymail|hotmail|outlook|live|icloud|me|proton|protonmail|aol|zoho|mail)\.", re.I)


class _Tags(HTMLParser):
    """Collects raw HTML tags and attributes with their positions."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((*self.getpos(), tag, attrs))

    handle_startendtag = handle_starttag


def _strip_code(body: str) -> str:
    """Blank out code spans and fenced blocks (shown as text, never run), keeping positions."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    body = re.sub(r"(?ms)^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", blank, body)
    return re.sub(r"`[^`\n]+`", blank, body)


def check(src: Source) -> list[Diagnostic]:
    if src.text is None:
        return []
    found: list[Diagnostic] = []
    body = _strip_code(src.body)
    offset = src.body_line - 1

    def add(line, col, code, vi, en):
        found.append(Diagnostic(src.rel, line, col, "error", code, vi, en))

    parser = _Tags()
    try:
        parser.feed(body)
        parser.close()
    except Exception:  # HTMLParser is lenient; anything it chokes on is not allowed HTML anyway
        pass
    for line, col, tag, attrs in parser.found:
        where = (line + offset, col + 1)
        if tag in DANGEROUS_TAGS:
            add(*where, "unsafe-html", f"Không được dùng thẻ HTML <{tag}>: hãy viết bằng Markdown",
                f"the HTML tag <{tag}> is not allowed: write Markdown instead")
        for name, value in attrs:
            if name.startswith("on"):
                add(*where, "unsafe-html", f"Không được dùng thuộc tính '{name}' (chạy mã) trong HTML",
                    f"the attribute '{name}' (runs script) is not allowed in HTML")
            elif value and BAD_SCHEME.match(value):
                add(*where, "unsafe-url", f"Không được dùng địa chỉ '{value.split(':')[0]}:' trong HTML",
                    f"'{value.split(':')[0]}:' addresses are not allowed in HTML")
    if re.search(r"<!--", body) and not re.search(r"<!--.*?-->", body, re.S):
        line = body[: body.index("<!--")].count("\n") + 1 + offset
        add(line, 1, "unsafe-html", "Chú thích HTML '<!--' không được đóng bằng '-->'",
            "an HTML comment '<!--' is never closed with '-->'")
    for pattern in (MD_TARGET, REF_TARGET):
        for m in pattern.finditer(body):
            if BAD_SCHEME.match(m.group(1)):
                line = body[: m.start()].count("\n") + 1 + offset
                add(line, m.start() - body.rfind("\n", 0, m.start()), "unsafe-url",
                    f"Liên kết hoặc ảnh dùng địa chỉ '{m.group(1).split(':')[0]}:' không được phép: chỉ dùng https:// hoặc đường dẫn trong kho",
                    f"links and images may not use '{m.group(1).split(':')[0]}:' addresses: use https:// or a path in the repository")
    found.extend(_personal_data(src))
    return found


def _personal_data(src: Source) -> list[Diagnostic]:
    found = []
    text = src.text
    for pattern, code, vi, en in (
        (PHONE, "personal-phone", "Có vẻ là số điện thoại di động cá nhân: không công bố (Nghị định 13/2023/NĐ-CP); hãy xóa hoặc thay bằng số đường dây nóng của cơ quan",
         "looks like a personal mobile number: do not publish it (Decree 13/2023/NĐ-CP); remove it or use the agency's hotline"),
        (CITIZEN_ID, "personal-id", "Có vẻ là số căn cước công dân 12 chữ số: không công bố (Nghị định 13/2023/NĐ-CP); hãy xóa",
         "looks like a 12-digit citizen ID number: do not publish it (Decree 13/2023/NĐ-CP); remove it"),
    ):
        for m in pattern.finditer(text):
            found.append(_at(src, m.start(), code, vi, en))
    for m in EMAIL.finditer(text):
        if PERSONAL_MAIL.search(m.group(0)):
            found.append(_at(src, m.start(), "personal-email",
                             f"Địa chỉ thư điện tử cá nhân '{m.group(0)}': không công bố (Nghị định 13/2023/NĐ-CP); dùng hộp thư công vụ của cơ quan",
                             f"personal e-mail address '{m.group(0)}': do not publish it (Decree 13/2023/NĐ-CP); use the agency's official mailbox"))
    return found


def _at(src: Source, index: int, code: str, vi: str, en: str) -> Diagnostic:
    text = src.text
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return Diagnostic(src.rel, line, col, "error", code, vi, en)
