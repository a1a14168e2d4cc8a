"""Checks that need the whole hub: references, links, images, sections, prompt variables,
translations, and the text form of each file.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from pathlib import Path

from ..diagnostics import Diagnostic
from ..model import Hub, Item, Source
from ..pages import paths
from . import markdown
from .markdown import headings

MAX_IMAGE_BYTES = 500 * 1024
# What a browser shows from the site without a plugin, recognised by the file's first bytes.
IMAGE_MAGIC = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".svg": (),
}
# In an SVG: script, event handlers, embedded documents, entity tricks, and links that
# leave the image (anything but href="#...").
SVG_ACTIVE = re.compile(rb"<\s*script|\son[a-z]+\s*=|javascript:|<\s*(?:foreignObject|iframe|embed|object)|<!ENTITY"
                        rb"|href\s*=\s*[\"']?\s*(?!#)[^\s\"'>]", re.I)
CASE_SECTIONS = {
    "vi": ["Vấn đề", "Cách làm", "Cách dùng AI", "Kết quả", "Khó khăn", "Cách nhân rộng"],
    "en": ["The problem", "What was done", "How AI was used", "Results", "Difficulties", "How to replicate"],
}
RELATED = re.compile(r"^(guides|prompts|use_cases)/[a-z0-9]+(-[a-z0-9]+)*$")
VARIABLE = re.compile(r"\{\{\s*([^}]*?)\s*\}\}")
# Hints left by scripts/new.py's templates for the writer to replace.
PLACEHOLDER = "✎"


def _diag(src: Source, line: int, code: str, vi: str, en: str, severity="error", col=1) -> Diagnostic:
    return Diagnostic(src.rel, line, col, severity, code, vi, en)


def _key(src: Source, path: tuple, code: str, vi: str, en: str, severity="error") -> Diagnostic:
    line, col = src.line_of(*path)
    return Diagnostic(src.rel, line, col, severity, code, vi, en)


def _at_body(src: Source, offset: int, code: str, vi: str, en: str, severity="error") -> Diagnostic:
    line, col = markdown.position(src.body, offset)
    return Diagnostic(src.rel, src.body_line + line, col + 1, severity, code, vi, en)


def _at_text(src: Source, index: int, code: str, vi: str, en: str, severity="error") -> Diagnostic:
    line, col = markdown.position(src.text, index)
    return Diagnostic(src.rel, line + 1, col + 1, severity, code, vi, en)


def encoding(src: Source) -> list[Diagnostic]:
    """The text form: line endings, Unicode normalisation, stray control characters."""
    if src.text is None:
        return []
    text, found = src.text, []
    if "\r" in text:
        found.append(_at_text(src, text.index("\r"), "crlf",
                              "Tệp dùng kiểu xuống dòng Windows (CRLF): chạy 'python scripts/validate.py --fix' hoặc lưu với LF",
                              "file uses Windows line endings (CRLF): run 'python scripts/validate.py --fix' or save with LF", "warning"))
    nfc = unicodedata.normalize("NFC", text)
    if text != nfc:
        index = next((i for i, (a, b) in enumerate(zip(text, nfc)) if a != b), min(len(text), len(nfc)))
        found.append(_at_text(src, index, "not-nfc",
                              "Chữ tiếng Việt ở dạng tổ hợp (NFD), tìm kiếm sẽ không khớp: chạy 'python scripts/validate.py --fix' để chuyển sang dạng dựng sẵn (NFC)",
                              "Vietnamese text is decomposed (NFD) and will not match in search: run 'python scripts/validate.py --fix' to convert it to NFC"))
    control = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if control:
        found.append(_at_text(src, control.start(), "control-char",
                              f"Ký tự điều khiển vô hình (mã {ord(control.group(0)):#04x}), thường do dán từ Word/PDF: hãy xóa",
                              f"invisible control character ({ord(control.group(0)):#04x}), often pasted from Word/PDF: delete it", "warning"))
    if PLACEHOLDER in text:
        found.append(_at_text(src, text.index(PLACEHOLDER), "template-hint",
                              f"Còn gợi ý của mẫu ({PLACEHOLDER} ...): hãy thay bằng nội dung của bạn",
                              f"a template hint ({PLACEHOLDER} ...) is still there: replace it with your text", "warning"))
    return found


def item_checks(hub: Hub, item: Item) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    vi, en = item.vi, item.en
    if vi is None or vi.text is None or not isinstance(vi.meta, dict) or not vi.meta:
        if en is not None and en.text is not None:
            found += _links(hub, en)
        return found
    data = vi.meta
    pub, upd = item.date("published"), item.date("updated")
    if pub and upd and upd < pub:
        found.append(_key(vi, ("updated",), "dates", "'updated' phải bằng hoặc sau 'published'",
                           "'updated' must be on or after 'published'"))
    related = data.get("related")
    for i, ref in enumerate(related if isinstance(related, list) else []):
        if not isinstance(ref, str) or not RELATED.match(ref):
            continue  # the schema explains a reference of the wrong form
        line, col = vi.line_of("related", i)
        if ref == item.key:
            found.append(_diag(vi, line, "related-self", "Bài không thể liên quan tới chính nó",
                               "an item cannot be related to itself", col=col))
        elif ref not in hub.items or hub.items[ref].vi is None:
            found.append(_diag(vi, line, "related-missing", f"Mục liên quan '{ref}' không tồn tại",
                               f"related item '{ref}' does not exist", col=col))
    tags = data.get("tags")
    for i, tag in enumerate(tags if isinstance(tags, list) else []):
        if isinstance(tag, str) and tag != tag.lower():
            line, col = vi.line_of("tags", i)
            found.append(_diag(vi, line, "tag-case", f"Từ khóa '{tag}' nên viết chữ thường: '{tag.lower()}'",
                               f"tag '{tag}' should be lowercase: '{tag.lower()}'", "warning", col))
    if item.type == "case":
        found += _case_checks(hub, item)
    if item.type == "prompts":
        found += _prompt_checks(item)
    for src in (vi, en):
        if src is not None and src.text is not None:
            found += _links(hub, src)
    if en is not None and en.text is not None and en.meta:
        found += _translation_checks(item)
    return found


def _translation_checks(item: Item) -> list[Diagnostic]:
    vi, en, found = item.vi, item.en, []
    if item.outdated():
        found.append(_key(en, ("translation_of",), "translation-outdated",
                           f"Bản dịch được làm từ phiên bản cũ của bản tiếng Việt: khi đã cập nhật bản dịch, đặt translation_of: \"{vi.digest}\" (hoặc chạy 'python scripts/validate.py --stamp-translation {en.rel}')",
                           f"translation was made from an older version of the Vietnamese file: once updated, set translation_of: \"{vi.digest}\" (or run 'python scripts/validate.py --stamp-translation {en.rel}')",
                           "warning"))
    for name in ("results", "authors", "prerequisites"):
        source, translated = vi.meta.get(name), en.meta.get(name)
        if isinstance(source, list) and isinstance(translated, list) and len(translated) != len(source):
            found.append(_key(en, (name,), "translation-count",
                               f"'{name}' có {len(translated)} mục, bản tiếng Việt có {len(source)}: dịch từng mục, cùng thứ tự",
                               f"'{name}' has {len(translated)} entries, the Vietnamese file {len(source)}: translate each, in the same order"))
    return found


def _case_checks(hub: Hub, item: Item) -> list[Diagnostic]:
    vi, data = item.vi, item.vi.meta
    found = []
    unit = hub.taxonomies.units.get(item.unit) if isinstance(item.unit, str) else None
    if unit is not None and isinstance(data.get("illustrative"), bool):
        if data["illustrative"] and not unit.extra.get("illustrative"):
            found.append(_key(vi, ("unit",), "illustrative-real-unit",
                               f"Ví dụ minh họa không được gắn với đơn vị thật '{item.unit}': dùng một đơn vị minh họa vi-du-*, hoặc đặt illustrative: false và ghi nguồn công khai",
                               f"an illustrative example must not name the real unit '{item.unit}': use a vi-du-* unit, or set illustrative: false and give public sources"))
        if not data["illustrative"] and unit.extra.get("illustrative"):
            found.append(_key(vi, ("illustrative",), "report-generic-unit",
                               f"Đơn vị '{item.unit}' là đơn vị minh họa: đặt illustrative: true",
                               f"'{item.unit}' is an illustrative unit: set illustrative: true"))
    origin = item.replicated_from
    if origin:
        at = ("replicated_from",)
        target = hub.items.get(origin)
        if origin == item.key:
            found.append(_key(vi, at, "replicated-self", "Mô hình không thể nhân rộng từ chính nó",
                               "a case cannot be replicated from itself"))
        elif target is None or target.vi is None:
            found.append(_key(vi, at, "replicated-missing", f"Mô hình gốc '{origin}' không tồn tại",
                               f"the original case '{origin}' does not exist"))
        elif _cycle(hub, item):
            found.append(_key(vi, at, "replicated-cycle",
                               "Vòng lặp nhân rộng: mô hình gốc lại nhân rộng từ mô hình này",
                               "replication loop: the original case is itself replicated from this one"))
        else:
            on, start = item.date("replicated_on"), target.date("published")
            if on and start and on < start:
                found.append(_key(vi, ("replicated_on",), "replicated-before-original",
                                   f"'replicated_on' ({on}) trước ngày đăng mô hình gốc ({start}): kiểm tra lại",
                                   f"'replicated_on' ({on}) is before the original case was published ({start}): check it", "warning"))
    for src in (item.vi, item.en):
        if src is None or src.text is None or (src is item.en and not src.meta):
            continue
        found += _sections(src)
    return found


def _cycle(hub: Hub, item: Item) -> bool:
    seen, current = {item.key}, hub.items.get(item.replicated_from or "")
    while current is not None and current.replicated_from:
        if current.replicated_from in seen:
            return True
        seen.add(current.key)
        current = hub.items.get(current.replicated_from)
    return False


def _sections(src: Source) -> list[Diagnostic]:
    wanted = CASE_SECTIONS[src.lang]
    body = markdown.strip_code(src.body)
    found_h2 = [(re_title(m.group(2)), m.start()) for m in markdown.HEADING.finditer(body) if len(m.group(1)) == 2]
    titles = [t for t, _ in found_h2]
    missing = [w for w in wanted if w not in titles]
    if missing:
        return [_diag(src, src.body_line, "case-sections",
                      "Thiếu mục bắt buộc (tiêu đề cấp 2): " + ", ".join(f"'## {m}'" for m in missing),
                      "missing required sections (level-2 headings): " + ", ".join(f"'## {m}'" for m in missing))]
    if [t for t in titles if t in wanted] != wanted:
        return [_diag(src, src.body_line, "case-section-order",
                      "Các mục bắt buộc phải theo thứ tự: " + ", ".join(wanted),
                      "required sections must come in this order: " + ", ".join(wanted))]
    # "How to replicate" becomes a printable checklist: it must be a numbered list.
    last = dict(found_h2)[wanted[-1]]
    start = body.find("\n", last) + 1 or len(body)
    end = m.start() + start if (m := re.search(r"^#{1,2}[ \t]", body[start:], re.M)) else len(body)
    section = body[start:end]
    if not re.search(r"^ {0,3}\d+[.)][ \t]+\S", section, re.M):
        return [_at_body(src, last, "replicate-steps",
                         f"Mục '{wanted[-1]}' phải là danh sách đánh số (1. 2. 3.) các bước cụ thể",
                         f"the '{wanted[-1]}' section must be a numbered list (1. 2. 3.) of concrete steps")]
    return []


def re_title(raw: str) -> str:
    return markdown.ATTR_LIST.sub("", raw).strip()


def _prompt_checks(item: Item) -> list[Diagnostic]:
    vi, found = item.vi, []
    listed = vi.meta.get("prompts")
    prompts = [(i, p) for i, p in enumerate(listed if isinstance(listed, list) else []) if isinstance(p, dict)]
    ids = [p.get("id") for _, p in prompts]
    names_by_id: dict = {}
    for i, prompt in prompts:
        if ids.count(prompt.get("id")) > 1:
            found.append(_key(vi, ("prompts", i, "id"), "prompt-id-duplicate",
                               f"Mã câu lệnh '{prompt.get('id')}' bị trùng trong tệp", f"prompt id '{prompt.get('id')}' is used twice in the file"))
        variables = prompt.get("variables")
        declared = {v.get("name") for v in (variables if isinstance(variables, list) else []) if isinstance(v, dict)}
        used = set(VARIABLE.findall(str(prompt.get("text", ""))))
        if isinstance(prompt.get("id"), str):
            names_by_id[prompt["id"]] = used
        for name in sorted(used - declared):
            found.append(_key(vi, ("prompts", i, "text"), "variable-undeclared",
                               f"Biến '{{{{{name}}}}}' dùng trong câu lệnh nhưng chưa khai báo trong 'variables'",
                               f"variable '{{{{{name}}}}}' is used in the prompt but not declared in 'variables'"))
        for name in sorted(n for n in declared - used if isinstance(n, str)):
            found.append(_key(vi, ("prompts", i, "variables"), "variable-unused",
                               f"Biến '{name}' được khai báo nhưng không có '{{{{{name}}}}}' trong câu lệnh",
                               f"variable '{name}' is declared but '{{{{{name}}}}}' does not appear in the prompt", "warning"))
    en = item.en
    if en is not None and isinstance(en.meta.get("prompts"), list):
        for i, prompt in enumerate(en.meta["prompts"]):
            if not isinstance(prompt, dict):
                continue
            pid = prompt.get("id")
            if not isinstance(pid, str) or pid not in names_by_id:
                found.append(_key(en, ("prompts", i, "id"), "prompt-id-unknown",
                                   f"Mã câu lệnh '{pid}' không có trong bản tiếng Việt", f"prompt id '{pid}' is not in the Vietnamese file"))
            elif "text" in prompt and set(VARIABLE.findall(str(prompt["text"]))) != names_by_id[pid]:
                found.append(_key(en, ("prompts", i, "text"), "variable-mismatch",
                                   "Bản dịch phải dùng đúng các biến {{...}} như bản tiếng Việt",
                                   "the translation must use the same {{...}} variables as the Vietnamese prompt"))
    return found


def _links(hub: Hub, src: Source) -> list[Diagnostic]:
    """Links and images of a body: pages and anchors that exist, images that are safe to show."""
    found = []
    here = posixpath.dirname(src.rel)
    own_anchors = None
    for target in markdown.targets(src.body):
        url = target.url

        def report(code, vi, en, severity="error"):
            found.append(_at_body(src, target.offset, code, vi, en, severity))

        scheme = markdown.scheme(url)
        if scheme is not None:
            if target.image:
                report("image-remote", "Ảnh phải nằm trong kho (ví dụ guides/images/anh.png), không tải từ trang khác",
                       "images must be stored in the repository (e.g. guides/images/photo.png), not loaded from another site")
            continue  # unsafe schemes are the safety check's business
        path, anchor = markdown.local_path(url)
        if target.image:
            found += [_at_body(src, target.offset, *problem) for problem in _image(hub, here, path)]
            continue
        if not path:
            if anchor:
                own_anchors = own_anchors if own_anchors is not None else headings(src.body)
                if anchor not in own_anchors:
                    report("anchor-missing", f"Không có tiêu đề nào có neo '#{anchor}' trong trang",
                           f"no heading with anchor '#{anchor}' on this page")
            continue
        resolved = posixpath.normpath(posixpath.join(here, path))
        if resolved.startswith("../") or resolved == ".." or path.startswith("/"):
            report("link-outside", f"Liên kết '{url}' trỏ ra ngoài kho: dùng đường dẫn tương đối tới một tệp .md, ví dụ ../guides/ten-bai.md",
                   f"link '{url}' points outside the repository: use a relative path to a .md file, e.g. ../guides/item.md")
            continue
        if resolved.endswith(".html"):
            report("link-html", f"Liên kết '{url}': hãy trỏ tới tệp .md (trang web tự đổi thành .html)",
                   f"link '{url}': point at the .md file (the site turns it into .html)")
            continue
        key = re.sub(r"(\.(vi|en))?\.md$", "", resolved)
        target_item = hub.items.get(key) if resolved.endswith(".md") else None
        if target_item is None or target_item.vi is None:
            if not _exists(hub, resolved):
                report("link-missing", f"Liên kết '{url}' trỏ tới trang không tồn tại",
                       f"link '{url}' points to a page that does not exist")
            continue
        if anchor:
            other = target_item.source(src.lang) or target_item.vi
            if other is not None and other.text is not None and anchor not in headings(other.body):
                report("anchor-missing", f"Trang '{key}' không có tiêu đề có neo '#{anchor}'",
                       f"page '{key}' has no heading with anchor '#{anchor}'")
    return found


def _image(hub: Hub, here: str, path: str) -> list[tuple]:
    """Problems of an image address, as (code, vi, en) tuples."""
    resolved = posixpath.normpath(posixpath.join(here, path)) if path else ""
    if not path or path.startswith("/") or resolved.startswith("..") or "\\" in path:
        return [("image-missing", f"Đường dẫn ảnh '{path}' không hợp lệ: dùng đường dẫn tương đối trong kho, ví dụ images/anh.png",
                 f"image path '{path}' is not valid: use a relative path in the repository, e.g. images/photo.png")]
    file = hub.root / resolved
    suffix = Path(resolved).suffix.lower()
    if not file.is_file():
        return [("image-missing", f"Không tìm thấy ảnh '{path}' (tên tệp phân biệt chữ hoa, chữ thường)",
                 f"image '{path}' not found (file names are case-sensitive)")]
    if suffix not in IMAGE_MAGIC:
        return [("image-type", f"Ảnh '{path}' phải là .png, .jpg, .gif, .webp hoặc .svg",
                 f"image '{path}' must be .png, .jpg, .gif, .webp or .svg")]
    size = file.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return [("image-too-large", f"Ảnh '{path}' quá lớn ({size // 1024} KB, tối đa {MAX_IMAGE_BYTES // 1024} KB): hãy thu nhỏ",
                 f"image '{path}' is too large ({size // 1024} KB, max {MAX_IMAGE_BYTES // 1024} KB): make it smaller")]
    with file.open("rb") as fh:
        head = fh.read(MAX_IMAGE_BYTES)
    if suffix == ".svg":
        if svg_is_active(file):
            return [("unsafe-svg", f"Ảnh SVG '{path}' chứa mã chạy được (script, on...=, javascript:): hãy xuất lại ảnh hoặc dùng PNG",
                     f"the SVG image '{path}' contains active content (script, on...=, javascript:): export it again or use PNG")]
    elif not head.startswith(IMAGE_MAGIC[suffix]) or (suffix == ".webp" and head[8:12] != b"WEBP"):
        return [("image-type", f"Tệp '{path}' không phải ảnh {suffix} thật: hãy lưu lại đúng định dạng",
                 f"'{path}' is not really a {suffix} image: save it again in that format")]
    return []


def svg_is_active(path: Path) -> bool:
    """An SVG file that could run script when opened from the site."""
    try:
        return bool(SVG_ACTIVE.search(path.read_bytes()[: 4 * MAX_IMAGE_BYTES]))
    except OSError:
        return False


def _exists(hub: Hub, resolved: str) -> bool:
    """A hand-written page in docs/, a generated index page, or a file in the repository."""
    stem = re.sub(r"(\.(vi|en))?\.md$", "", resolved)
    if resolved.endswith(".md") and (stem.endswith("/index") or stem == "index"):
        return True
    if resolved.endswith(".md") and _generated(hub, stem):
        return True
    docs = hub.root / "docs"
    if resolved.endswith(".md") and any((docs / f"{stem}{suffix}").is_file() for suffix in (".vi.md", ".md", ".en.md")):
        return True
    return (hub.root / resolved).is_file()


def _generated(hub: Hub, stem: str) -> bool:
    """A page the build makes from the content (aixutra/pages): a sector's, audience's, level's,
    tool's or contributing unit's page, a sector's handout, the catalogue, coverage, newest."""
    if stem in (paths.CATALOGUE, paths.COVERAGE, paths.NEWEST):
        return True
    folder, _, name = stem.partition("/")
    tax = hub.taxonomies
    terms = {paths.FOLDERS["sector"]: tax.sectors, paths.FOLDERS["audience"]: tax.audiences,
             paths.FOLDERS["level"]: tax.levels, paths.FOLDERS["tool"]: tax.tools, paths.HANDOUTS: tax.sectors}.get(folder)
    if terms is not None:
        return name in terms
    # A unit has a page once it has contributed.
    return folder == paths.FOLDERS["unit"] and any(item.unit == name for item in hub.published())
