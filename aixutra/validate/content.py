"""Checks that need the whole hub: references, links, images, sections, prompt variables,
translations and the text encoding of each file.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from pathlib import Path

from ..diagnostics import Diagnostic
from ..model import Hub, Item, Source
from ..text import slugify

MAX_IMAGE_BYTES = 500 * 1024
CASE_SECTIONS = {
    "vi": ["Vấn đề", "Cách làm", "Cách dùng AI", "Kết quả", "Khó khăn", "Cách nhân rộng"],
    "en": ["The problem", "What was done", "How AI was used", "Results", "Difficulties", "How to replicate"],
}
LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)[^)]*\)")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.M)
ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
VARIABLE = re.compile(r"\{\{\s*([^}]*?)\s*\}\}")


def _diag(src: Source, line: int, code: str, vi: str, en: str, severity="error", col=1) -> Diagnostic:
    return Diagnostic(src.rel, line, col, severity, code, vi, en)


def encoding(src: Source) -> list[Diagnostic]:
    if src.text is None:
        return []
    found = []
    if "\r\n" in src.text:
        found.append(_diag(src, 1, "crlf", "Tệp dùng kiểu xuống dòng Windows (CRLF): chạy 'python scripts/validate.py --fix' hoặc lưu với LF",
                           "file uses Windows line endings (CRLF): run 'python scripts/validate.py --fix' or save with LF", "warning"))
    if src.text != unicodedata.normalize("NFC", src.text):
        index = next(i for i, (a, b) in enumerate(zip(src.text, unicodedata.normalize("NFC", src.text))) if a != b)
        line = src.text.count("\n", 0, index) + 1
        found.append(_diag(src, line, "not-nfc", "Chữ tiếng Việt ở dạng tổ hợp (NFD), tìm kiếm sẽ không khớp: chạy 'python scripts/validate.py --fix' để chuyển sang dạng dựng sẵn (NFC)",
                           "Vietnamese text is decomposed (NFD) and will not match in search: run 'python scripts/validate.py --fix' to convert it to NFC"))
    return found


def headings(body: str) -> set[str]:
    """Anchor ids a body's headings get on the site."""
    ids = set()
    for m in HEADING.finditer(re.sub(r"(?ms)^```.*?^```", "", body)):
        explicit = ATTR_ID.search(m.group(2))
        ids.add(explicit.group(1) if explicit else slugify(re.sub(r"\{[^}]*\}\s*$", "", m.group(2))))
    return ids


def item_checks(hub: Hub, item: Item) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    vi, en = item.vi, item.en
    if vi is None or vi.text is None or not isinstance(vi.meta, dict):
        return found
    data = vi.meta
    # Dates in order.
    pub, upd = item.date("published"), item.date("updated")
    if pub and upd and upd < pub:
        found.append(_diag(vi, vi.line_of("updated")[0], "dates", "'updated' phải bằng hoặc sau 'published'",
                           "'updated' must be on or after 'published'"))
    # References to other items.
    for i, ref in enumerate(data.get("related") or []):
        if isinstance(ref, str) and ref not in hub.items:
            found.append(_diag(vi, vi.line_of("related", i)[0], "related-missing",
                               f"Mục liên quan '{ref}' không tồn tại", f"related item '{ref}' does not exist"))
    if item.type == "case":
        found += _case_checks(hub, item)
    if item.type == "prompts":
        found += _prompt_checks(item)
    for src in (vi, en):
        if src is not None and src.text is not None:
            found += _links(hub, item, src)
    if en is not None and en.text is not None and en.meta:
        if item.outdated():
            found.append(_diag(en, en.line_of("translation_of")[0], "translation-outdated",
                               f"Bản dịch được làm từ phiên bản cũ của bản tiếng Việt: khi đã cập nhật bản dịch, đặt translation_of: \"{vi.digest}\" (hoặc chạy 'python scripts/validate.py --stamp-translation {en.rel}')",
                               f"translation was made from an older version of the Vietnamese file: once updated, set translation_of: \"{vi.digest}\" (or run 'python scripts/validate.py --stamp-translation {en.rel}')",
                               "warning"))
    return found


def _case_checks(hub: Hub, item: Item) -> list[Diagnostic]:
    vi, data = item.vi, item.vi.meta
    found = []
    unit = hub.taxonomies.units.get(item.unit or "")
    if unit is not None and isinstance(data.get("illustrative"), bool):
        if data["illustrative"] and not unit.extra.get("illustrative"):
            found.append(_diag(vi, vi.line_of("unit")[0], "illustrative-real-unit",
                               f"Ví dụ minh họa không được gắn với đơn vị thật '{item.unit}': dùng một đơn vị minh họa vi-du-*, hoặc đặt illustrative: false và ghi nguồn công khai",
                               f"an illustrative example must not name the real unit '{item.unit}': use a vi-du-* unit, or set illustrative: false and give public sources"))
        if not data["illustrative"] and unit.extra.get("illustrative"):
            found.append(_diag(vi, vi.line_of("illustrative")[0], "report-generic-unit",
                               f"Đơn vị '{item.unit}' là đơn vị minh họa: đặt illustrative: true",
                               f"'{item.unit}' is an illustrative unit: set illustrative: true"))
    origin = item.replicated_from
    if origin:
        target = hub.items.get(origin)
        if origin == item.key:
            found.append(_diag(vi, vi.line_of("replicated_from")[0], "replicated-self",
                               "Mô hình không thể nhân rộng từ chính nó", "a case cannot be replicated from itself"))
        elif target is None:
            found.append(_diag(vi, vi.line_of("replicated_from")[0], "replicated-missing",
                               f"Mô hình gốc '{origin}' không tồn tại", f"the original case '{origin}' does not exist"))
    for src in (item.vi, item.en):
        if src is None or src.text is None or (src is item.en and not src.meta):
            continue
        wanted = CASE_SECTIONS[src.lang]
        found_h2 = [(m.group(2).strip(), src.body_line + src.body.count("\n", 0, m.start()))
                    for m in HEADING.finditer(src.body) if len(m.group(1)) == 2]
        titles = [t for t, _ in found_h2]
        missing = [w for w in wanted if w not in titles]
        if missing:
            found.append(_diag(src, src.body_line, "case-sections",
                               "Thiếu mục bắt buộc (tiêu đề cấp 2): " + ", ".join(f"'## {m}'" for m in missing),
                               "missing required sections (level-2 headings): " + ", ".join(f"'## {m}'" for m in missing)))
        elif [t for t in titles if t in wanted] != wanted:
            found.append(_diag(src, src.body_line, "case-section-order",
                               "Các mục bắt buộc phải theo thứ tự: " + ", ".join(wanted),
                               "required sections must come in this order: " + ", ".join(wanted)))
    return found


def _prompt_checks(item: Item) -> list[Diagnostic]:
    vi, found = item.vi, []
    prompts = [p for p in vi.meta.get("prompts") or [] if isinstance(p, dict)]
    ids = [p.get("id") for p in prompts]
    names_by_id = {}
    for i, prompt in enumerate(prompts):
        if ids.count(prompt.get("id")) > 1:
            found.append(_diag(vi, vi.line_of("prompts", i, "id")[0], "prompt-id-duplicate",
                               f"Mã câu lệnh '{prompt.get('id')}' bị trùng trong tệp", f"prompt id '{prompt.get('id')}' is used twice in the file"))
        declared = {v.get("name") for v in prompt.get("variables") or [] if isinstance(v, dict)}
        used = set(VARIABLE.findall(str(prompt.get("text", ""))))
        names_by_id[prompt.get("id")] = used
        for name in sorted(used - declared):
            found.append(_diag(vi, vi.line_of("prompts", i, "text")[0], "variable-undeclared",
                               f"Biến '{{{{{name}}}}}' dùng trong câu lệnh nhưng chưa khai báo trong 'variables'",
                               f"variable '{{{{{name}}}}}' is used in the prompt but not declared in 'variables'"))
        for name in sorted(declared - used - {None}):
            found.append(_diag(vi, vi.line_of("prompts", i, "variables")[0], "variable-unused",
                               f"Biến '{name}' được khai báo nhưng không có '{{{{{name}}}}}' trong câu lệnh",
                               f"variable '{name}' is declared but '{{{{{name}}}}}' does not appear in the prompt", "warning"))
    en = item.en
    if en is not None and isinstance(en.meta.get("prompts"), list):
        for i, prompt in enumerate(en.meta["prompts"]):
            if not isinstance(prompt, dict):
                continue
            pid = prompt.get("id")
            if pid not in names_by_id:
                found.append(_diag(en, en.line_of("prompts", i, "id")[0], "prompt-id-unknown",
                                   f"Mã câu lệnh '{pid}' không có trong bản tiếng Việt", f"prompt id '{pid}' is not in the Vietnamese file"))
            elif "text" in prompt and set(VARIABLE.findall(str(prompt["text"]))) != names_by_id[pid]:
                found.append(_diag(en, en.line_of("prompts", i, "text")[0], "variable-mismatch",
                                   "Bản dịch phải dùng đúng các biến {{...}} như bản tiếng Việt",
                                   "the translation must use the same {{...}} variables as the Vietnamese prompt"))
    return found


def _links(hub: Hub, item: Item, src: Source) -> list[Diagnostic]:
    found = []
    here = posixpath.dirname(src.rel)
    for m in LINK.finditer(src.body):
        is_image, target = m.group(1) == "!", m.group(2)
        line = src.body_line + src.body.count("\n", 0, m.start())
        col = m.start() - src.body.rfind("\n", 0, m.start())
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
            if is_image:
                found.append(_diag(src, line, "image-remote", "Ảnh phải nằm trong kho (ví dụ guides/images/anh.png), không tải từ trang khác",
                                   "images must be stored in the repository (e.g. guides/images/photo.png), not loaded from another site", col=col))
            continue
        path, _, anchor = target.partition("#")
        if is_image:
            file = (hub.root / here / path).resolve()
            if not file.is_file():
                found.append(_diag(src, line, "image-missing", f"Không tìm thấy ảnh '{path}'", f"image '{path}' not found", col=col))
            elif file.stat().st_size > MAX_IMAGE_BYTES:
                found.append(_diag(src, line, "image-too-large", f"Ảnh '{path}' quá lớn ({file.stat().st_size // 1024} KB, tối đa {MAX_IMAGE_BYTES // 1024} KB): hãy thu nhỏ",
                                   f"image '{path}' is too large ({file.stat().st_size // 1024} KB, max {MAX_IMAGE_BYTES // 1024} KB): make it smaller", col=col))
            continue
        if not path:
            if anchor and anchor not in headings(src.body):
                found.append(_diag(src, line, "anchor-missing", f"Không có tiêu đề nào có neo '#{anchor}' trong trang",
                                   f"no heading with anchor '#{anchor}' on this page", col=col))
            continue
        resolved = posixpath.normpath(posixpath.join(here, path))
        key = re.sub(r"(\.(vi|en))?\.md$", "", resolved)
        target_item = hub.items.get(key)
        if target_item is None:
            if not _exists(hub, resolved):
                found.append(_diag(src, line, "link-missing", f"Liên kết '{target}' trỏ tới trang không tồn tại",
                                   f"link '{target}' points to a page that does not exist", col=col))
            continue
        if anchor:
            other = target_item.source(src.lang) or target_item.vi
            if other is not None and anchor not in headings(other.body):
                found.append(_diag(src, line, "anchor-missing", f"Trang '{key}' không có tiêu đề có neo '#{anchor}'",
                                   f"page '{key}' has no heading with anchor '#{anchor}'", col=col))
    return found


def _exists(hub: Hub, resolved: str) -> bool:
    """A hand-written page in docs/, or a generated index page."""
    stem = re.sub(r"(\.(vi|en))?\.md$", "", resolved)
    if stem.endswith("/index") or stem == "index":
        return True
    docs = hub.root / "docs"
    return any((docs / f"{stem}{suffix}").is_file() for suffix in (".vi.md", ".md", ".en.md")) or (hub.root / resolved).is_file()
