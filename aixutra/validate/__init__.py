"""Checks of contributions: every problem of the hub, one diagnostic each.

`check(root)` is the entry point of the validator and the build: it checks the taxonomy
files first (a broken data/units.yml must be explained, not crash the loader), then
loads the hub and checks every item. One file's unexpected failure is reported on that
file and the others are still checked.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic
from ..model import COLLECTIONS, Hub
from . import content, data_check, safety, schema_check


def check(root: Path) -> tuple[Hub | None, list[Diagnostic]]:
    """The loaded hub (None if its data files cannot be read) and every problem found."""
    root = Path(root).resolve()
    problems = data_check.check(root)
    if any(d.severity == "error" for d in problems):
        return None, sorted(set(problems))
    try:
        hub = Hub.load(root)
    except Exception as exc:  # noqa: BLE001 - the data files passed their checks; say what broke
        return None, problems + [Diagnostic("data", 1, 1, "error", "data-load",
                                            f"Không đọc được danh mục trong data/: {exc}", f"cannot load the taxonomies in data/: {exc}")]
    return hub, sorted(set(problems + validate(hub)))


def validate(hub: Hub) -> list[Diagnostic]:
    found: list[Diagnostic] = list(hub.problems)
    found += _files(hub)
    for item in hub.items.values():
        for src in (item.vi, item.en):
            if src is None:
                continue
            found += src.problems
            found += _guarded(src.rel, content.encoding, src)
            found += _guarded(src.rel, schema_check.check, item, src, hub.taxonomies)
            found += _guarded(src.rel, safety.check, src)
        if item.vi is None and item.en is not None:
            found.append(Diagnostic(item.en.rel, 1, 1, "error", "missing-source",
                                    f"Thiếu bản tiếng Việt gốc {item.key}.vi.md cho bản dịch này: bản tiếng Việt là bản gốc, phải có trước",
                                    f"the Vietnamese source {item.key}.vi.md of this translation is missing: the Vietnamese file is the original and must exist"))
        where = (item.vi or item.en).rel
        found += _guarded(where, content.item_checks, hub, item)
    return sorted(set(found))


def _guarded(rel: str, check, *args) -> list[Diagnostic]:
    try:
        return check(*args)
    except Exception as exc:  # noqa: BLE001 - a bug in one check must not hide the other problems
        return [Diagnostic(rel, 1, 1, "error", "internal-error",
                           f"Trình kiểm tra gặp lỗi với tệp này ({type(exc).__name__}: {exc}); hãy báo cho ban biên tập",
                           f"the validator failed on this file ({type(exc).__name__}: {exc}); please report it to the editors")]


def _files(hub: Hub) -> list[Diagnostic]:
    """Every file of the collections is published (aixutra/site/files.py): only items and
    images may be there, and no image may carry script."""
    found = []

    def add(rel, code, vi, en):
        found.append(Diagnostic(rel, 1, 1, "error", code, vi, en))

    for collection in COLLECTIONS:
        folder = hub.root / collection
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            parts = path.relative_to(folder).parts
            if not path.is_file() or path.name.startswith((".", "_")):
                continue  # not published (the same rule as aixutra/site/files.py)
            rel = path.relative_to(hub.root).as_posix()
            suffix = path.suffix.lower()
            if suffix == ".md":
                if len(parts) > 1:
                    add(rel, "file-place",
                        f"Bài phải nằm ngay trong thư mục {collection}/, không trong thư mục con: chuyển tệp lên {collection}/",
                        f"items must be directly in {collection}/, not in a sub-folder: move the file up to {collection}/")
            elif suffix not in content.IMAGE_MAGIC:
                add(rel, "file-type",
                    f"Tệp '{path.name}' không được đăng: thư mục {collection}/ chỉ chứa bài (.md) và ảnh (.png, .jpg, .gif, .webp, .svg); tài liệu khác hãy dẫn liên kết tới nơi đã công bố",
                    f"'{path.name}' cannot be published: {collection}/ holds only items (.md) and images (.png, .jpg, .gif, .webp, .svg); link to other documents where they are published")
            elif suffix == ".svg" and content.svg_is_active(path):
                add(rel, "unsafe-svg", "Ảnh SVG chứa mã chạy được (script, on...=, javascript:): hãy xuất lại ảnh hoặc dùng PNG",
                    "this SVG image contains active content (script, on...=, javascript:): export it again or use PNG")
    return found


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity == "error"]
