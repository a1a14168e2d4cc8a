"""The taxonomies in data/: sectors, audiences, levels, AI tools and units."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class Term:
    """One entry of a taxonomy, with its labels in both languages."""

    id: str
    name: dict[str, str]
    description: dict[str, str] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name["vi"]

    def describe(self, lang: str) -> str:
        return self.description.get(lang) or self.description.get("vi", "")


@dataclass
class Taxonomies:
    sectors: dict[str, Term]
    audiences: dict[str, Term]
    levels: dict[str, Term]
    tools: dict[str, Term]
    units: dict[str, Term]

    # Data-safety levels follow official letter 557/BKHCN-CĐSQG; fixed, not contributed.
    data_safety = {
        "cong-khai": Term("cong-khai", {"vi": "Dữ liệu công khai", "en": "Public data"}, {
            "vi": "Chỉ đưa thông tin công khai vào; dùng được với công cụ AI công cộng.",
            "en": "Only public information goes in; fine with a public AI tool."}),
        "an-danh-truoc": Term("an-danh-truoc", {"vi": "Ẩn danh trước khi dùng", "en": "Anonymise first"}, {
            "vi": "Xóa tên, địa chỉ, số giấy tờ, số điện thoại và thông tin nội bộ trước khi dán vào công cụ AI.",
            "en": "Remove names, addresses, ID and phone numbers and internal details before pasting into an AI tool."}),
        "khong-dung-ai-cong-cong": Term("khong-dung-ai-cong-cong", {"vi": "Không dùng với AI công cộng", "en": "Never with a public AI tool"}, {
            "vi": "Bí mật nhà nước, dữ liệu cá nhân nhạy cảm, tài liệu nội bộ: không bao giờ đưa vào công cụ AI công cộng.",
            "en": "State secrets, sensitive personal data, internal documents: never put into a public AI tool."}),
    }
    stages = {
        "y-tuong": Term("y-tuong", {"vi": "Ý tưởng", "en": "Idea"}),
        "thi-diem": Term("thi-diem", {"vi": "Thí điểm", "en": "Pilot"}),
        "dang-dung": Term("dang-dung", {"vi": "Đang áp dụng", "en": "In use"}),
        "da-danh-gia": Term("da-danh-gia", {"vi": "Đã đánh giá", "en": "Evaluated"}),
        "nhan-rong": Term("nhan-rong", {"vi": "Đã nhân rộng", "en": "Scaled"}),
    }
    licenses = {
        "CC-BY-4.0": Term("CC-BY-4.0", {"vi": "CC BY 4.0", "en": "CC BY 4.0"}, extra={"url": "https://creativecommons.org/licenses/by/4.0/"}),
        "CC-BY-SA-4.0": Term("CC-BY-SA-4.0", {"vi": "CC BY-SA 4.0", "en": "CC BY-SA 4.0"}, extra={"url": "https://creativecommons.org/licenses/by-sa/4.0/"}),
        "CC0-1.0": Term("CC0-1.0", {"vi": "CC0 1.0", "en": "CC0 1.0"}, extra={"url": "https://creativecommons.org/publicdomain/zero/1.0/"}),
    }

    @classmethod
    def load(cls, data_dir: Path) -> "Taxonomies":
        def terms(name: str) -> dict[str, Term]:
            entries = _load((data_dir / name).read_text(encoding="utf-8")) or []
            return {e["id"]: _term(e) for e in entries}

        units = terms("units.yml")
        # Communes and wards come from the reference list, sector "chinh-quyen-xa".
        for c in _load((data_dir / "communes.yml").read_text(encoding="utf-8")):
            units[c["id"]] = Term(c["id"], {"vi": c["name_vi"], "en": c["name_en"]}, extra={
                "kind": c["type"], "sector": "chinh-quyen-xa", "commune": True,
                "item": c.get("item"), "admin_code": c.get("admin_code")})
        return cls(terms("sectors.yml"), terms("audiences.yml"), terms("levels.yml"),
                   terms("tools.yml"), units)

    def communes(self) -> list[Term]:
        return [u for u in self.units.values() if u.extra.get("commune")]


def _load(text: str):
    # libyaml when present: the reference list of communes is long (the validator's strict
    # reader checks these files for mistakes before they are loaded here).
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _term(entry: dict) -> Term:
    known = {"id", "name", "description"}
    return Term(entry["id"], dict(entry["name"]), dict(entry.get("description") or {}),
                {k: v for k, v in entry.items() if k not in known})
