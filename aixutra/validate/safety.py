"""What must never be published: script in contributed Markdown or front matter, and
personal data (Decree 13/2023/NĐ-CP on personal data protection).

These checks explain problems to the contributor; the build does not rely on them:
aixutra.site.sanitize removes anything outside its allowlist from every contributed page.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic
from ..model import Source
from ..site.sanitize import ATTRIBUTES, TAGS, URL_SCHEMES
from . import markdown

DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "style", "frame", "frameset", "applet",
                  "form", "input", "button", "textarea", "select", "link", "meta", "base", "svg",
                  "math", "template", "noscript", "portal", "xmp", "plaintext", "isindex"}
BAD_SCHEMES = {"javascript", "vbscript", "data", "file", "blob", "filesystem"}
# Backstops for HTML the parser cannot make sense of (unclosed tags swallowing a later '>').
RAW_DANGEROUS = re.compile(r"<\s*(" + "|".join(sorted(DANGEROUS_TAGS)) + r")\b", re.I)
RAW_HANDLER = re.compile(r"<[a-zA-Z][^>]*?[\s/\"']on[a-z]+\s*=", re.S)
ATTR_HANDLER = re.compile(r"(?:^|\s)on[a-z]+\s*=", re.I)
ATTR_URL = re.compile(r"(?:href|src)\s*=\s*(\"[^\"]*\"|'[^']*'|\S+)", re.I)

# Vietnamese mobile numbers (03x, 05x, 07x, 08x, 09x; +84 or 84 instead of 0), with separators.
PHONE = re.compile(r"(?<![\d.])(?:\+84|84|0)[\s.-]?[35789]\d(?:[\s.-]?\d){7}(?!\d)")
# 12-digit citizen ID (CCCD): a 0 then the province code, written whole or in groups of three.
CITIZEN_ID = re.compile(r"(?<![\d.])0\d{2}(?:\d{9}|(?:[ .]\d{3}){3})(?![\d])")
# Starts only where a word starts: trying every position of long words is quadratic.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@(?:[\w-]+\.)+[a-z]{2,}", re.I)
# Free mailboxes: a person's, not an agency's (agencies' domains end .gov.vn, .edu.vn...).
PERSONAL_MAIL = re.compile(r"@(gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|proton|"
                           r"protonmail|pm|aol|zoho|mail|gmx|yandex|qq|163|126)\.(?![\w.-]*\.(?:gov|edu|org)\.vn$)", re.I)


def check(src: Source) -> list[Diagnostic]:
    if src.text is None:
        return []
    found = _body(src) + _front_matter(src) + _personal_data(src)
    return found


def _body(src: Source) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    body = markdown.strip_code(src.body)
    # A comment hides nothing from this check: browsers end comments at places Python's
    # parser does not ('--!>'), so what is inside is read as HTML too.
    scan = re.sub(r"<!--|--!?>", lambda m: " " * len(m.group(0)), body)

    def add(offset, code, vi, en, severity="error"):
        line, col = markdown.position(body, offset)
        found.append(Diagnostic(src.rel, src.body_line + line, col + 1, severity, code, vi, en))

    flagged: set[int] = set()
    for offset, tag, attrs in markdown.raw_tags(scan):
        if tag in DANGEROUS_TAGS:
            flagged.add(offset)
            add(offset, "unsafe-html", f"Không được dùng thẻ HTML <{tag}>: hãy viết bằng Markdown",
                f"the HTML tag <{tag}> is not allowed: write Markdown instead")
        elif tag not in TAGS:
            add(offset, "html-removed", f"Thẻ HTML <{tag}> sẽ bị bỏ khi đăng: hãy viết bằng Markdown (muốn hiện dấu < > thì đặt trong `...`)",
                f"the HTML tag <{tag}> is removed when published: write Markdown instead (to show < > put them in `...`)", "warning")
        allowed = ATTRIBUTES.get(tag, set()) | ATTRIBUTES["*"]
        for name, value in attrs:
            if name.startswith("on"):
                flagged.add(offset)
                add(offset, "unsafe-html", f"Không được dùng thuộc tính '{name}' (chạy mã) trong HTML",
                    f"the attribute '{name}' (runs script) is not allowed in HTML")
            elif value and markdown.scheme(value) in BAD_SCHEMES:
                add(offset, "unsafe-url", f"Không được dùng địa chỉ '{markdown.scheme(value)}:' trong HTML",
                    f"'{markdown.scheme(value)}:' addresses are not allowed in HTML")
            elif tag in TAGS and name not in allowed and not name.startswith("on"):
                add(offset, "html-removed", f"Thuộc tính '{name}' của <{tag}> sẽ bị bỏ khi đăng",
                    f"the attribute '{name}' of <{tag}> is removed when published", "warning")
    for pattern in (RAW_DANGEROUS, RAW_HANDLER):
        for m in pattern.finditer(scan):
            if not any(abs(m.start() - f) < 2 for f in flagged):
                flagged.add(m.start())
                add(m.start(), "unsafe-html", "HTML có thể chạy mã (thẻ script/iframe/svg... hoặc thuộc tính on...=): hãy xóa",
                    "HTML that can run script (a script/iframe/svg... tag or an on...= attribute): remove it")
    unclosed = body.rfind("<!--")
    if unclosed >= 0 and "-->" not in body[unclosed:]:
        add(unclosed, "unsafe-html", "Chú thích HTML '<!--' không được đóng bằng '-->'",
            "an HTML comment '<!--' is never closed with '-->'")
    for m in markdown.ATTR_LIST.finditer(body):
        attrs = m.group(0)
        if ATTR_HANDLER.search(attrs.strip("{}: ")):
            add(m.start(), "unsafe-html", "Không được dùng thuộc tính on...= (chạy mã) trong { ... }",
                "on...= attributes (run script) are not allowed in { ... }")
        for url in ATTR_URL.findall(attrs):
            if markdown.scheme(url.strip("\"'")) in BAD_SCHEMES:
                add(m.start(), "unsafe-url", "Địa chỉ javascript:/data: không được phép trong { ... }",
                    "javascript:/data: addresses are not allowed in { ... }")
    for target in markdown.targets(src.body):
        if target.kind == "html":
            continue  # reported with its tag above
        scheme = markdown.scheme(target.url)
        if scheme in BAD_SCHEMES:
            add(target.offset, "unsafe-url",
                f"Liên kết hoặc ảnh dùng địa chỉ '{scheme}:' không được phép: chỉ dùng https:// hoặc đường dẫn trong kho",
                f"links and images may not use '{scheme}:' addresses: use https:// or a path in the repository")
        elif scheme not in (None, "//") and scheme not in URL_SCHEMES:
            add(target.offset, "link-removed",
                f"Địa chỉ '{scheme}:' sẽ bị bỏ khi đăng: chỉ dùng https://, mailto:, tel: hoặc đường dẫn trong kho",
                f"'{scheme}:' addresses are removed when published: use https://, mailto:, tel: or a path in the repository",
                "warning")
        elif scheme == "http" and not target.image:
            add(target.offset, "link-http", "Liên kết http:// không an toàn: dùng https:// nếu trang hỗ trợ",
                "http:// links are not secure: use https:// if the site supports it", "warning")
    return found


def _front_matter(src: Source) -> list[Diagnostic]:
    """Front matter is plain text: no HTML that could run script, no e-mail in authors."""
    found = []

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + (i,))
        elif isinstance(value, str):
            yield_problems(value, path)

    def yield_problems(value: str, path: tuple):
        line, col = src.value_of(*path)
        field = ".".join(str(p) for p in path)
        if "<" in value and (RAW_DANGEROUS.search(value) or RAW_HANDLER.search(value) or any(
                t in DANGEROUS_TAGS or any(n.startswith("on") for n, _ in a) for _, t, a in markdown.raw_tags(value))):
            found.append(Diagnostic(src.rel, line, col, "error", "unsafe-html",
                                    f"'{field}' chứa HTML có thể chạy mã: thông tin đầu trang chỉ là văn bản thường",
                                    f"'{field}' contains HTML that can run script: front matter is plain text"))
        if path and path[0] == "authors" and "@" in value and EMAIL.search(value):
            found.append(Diagnostic(src.rel, line, col, "error", "author-contact",
                                    "Tác giả ghi theo vai trò, không ghi địa chỉ thư điện tử (Nghị định 13/2023/NĐ-CP)",
                                    "authors are given by role, never with an e-mail address (Decree 13/2023/NĐ-CP)"))

    walk(src.meta, ())
    return found


# Where a phone or ID number could be: a run of digits and separators (found quickly; the
# exact patterns then only look there).
NUMBER_RUN = re.compile(r"[+\d][\d .+-]{8,}")
LOCAL_PART_REVERSED = re.compile(r"[\w.+-]{1,64}")


def _personal_data(src: Source) -> list[Diagnostic]:
    found = []
    text = src.text
    runs = [(m.start(), m.end()) for m in NUMBER_RUN.finditer(text)]
    for pattern, code, vi, en in (
        (PHONE, "personal-phone", "Có vẻ là số điện thoại di động cá nhân: không công bố (Nghị định 13/2023/NĐ-CP); hãy xóa hoặc thay bằng số đường dây nóng của cơ quan",
         "looks like a personal mobile number: do not publish it (Decree 13/2023/NĐ-CP); remove it or use the agency's hotline"),
        (CITIZEN_ID, "personal-id", "Có vẻ là số căn cước công dân 12 chữ số: không công bố (Nghị định 13/2023/NĐ-CP); hãy xóa",
         "looks like a 12-digit citizen ID number: do not publish it (Decree 13/2023/NĐ-CP); remove it"),
    ):
        for start, end in runs:
            for m in pattern.finditer(text, start, end):
                found.append(_at(src, m.start(), code, vi, en))
    for m in (_email_at(text, at.start()) for at in re.finditer("@", text)):
        if m and PERSONAL_MAIL.search(m.group(0)):
            found.append(_at(src, m.start(), "personal-email",
                             f"Địa chỉ thư điện tử cá nhân '{m.group(0)}': không công bố (Nghị định 13/2023/NĐ-CP); dùng hộp thư công vụ của cơ quan",
                             f"personal e-mail address '{m.group(0)}': do not publish it (Decree 13/2023/NĐ-CP); use the agency's official mailbox"))
    return found


def _email_at(text: str, at: int):
    """The e-mail address around an '@', found from the '@' (searching for addresses from
    every word of a long text is slow)."""
    before = LOCAL_PART_REVERSED.match(text[max(0, at - 64):at][::-1])
    return EMAIL.match(text, at - len(before.group(0))) if before else None


def _at(src: Source, index: int, code: str, vi: str, en: str) -> Diagnostic:
    line, col = markdown.position(src.text, index)
    return Diagnostic(src.rel, line + 1, col + 1, "error", code, vi, en)
