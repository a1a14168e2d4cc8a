"""Interface text of the generated pages and notices, in both languages."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "guides": {"vi": "Hướng dẫn", "en": "Guides"},
    "prompts": {"vi": "Câu lệnh mẫu", "en": "Prompt libraries"},
    "use_cases": {"vi": "Mô hình hay", "en": "Case studies"},
    "guides.intro": {"vi": "Cách học và dùng công cụ AI trong công việc thật, an toàn.",
                     "en": "How to learn and use AI tools for real work, safely."},
    "prompts.intro": {"vi": "Câu lệnh soạn sẵn cho việc thật: điền vài thông tin, sao chép và dùng.",
                      "en": "Ready prompts for real tasks: fill in a few details, copy and use."},
    "use_cases.intro": {"vi": "Các đơn vị đã dùng AI thế nào, kết quả đo được và cách nhân rộng.",
                        "en": "What units did with AI, measured results and how to replicate them."},
    "untranslated.title": {"vi": "Chưa có bản dịch", "en": "Not yet translated"},
    "untranslated.body": {
        "vi": "Trang này chưa có bản tiếng Anh. Nội dung dưới đây là bản tiếng Việt gốc.",
        "en": "This page has not been translated into English yet. The original Vietnamese text follows."},
    "outdated.title": {"vi": "Bản dịch cũ", "en": "Translation out of date"},
    "outdated.body": {
        "vi": "Bản tiếng Việt đã được cập nhật sau bản dịch này.",
        "en": "The Vietnamese original has been updated since this translation was made; it may differ."},
    "illustrative.title": {"vi": "Ví dụ minh họa", "en": "Illustrative example"},
    "illustrative.body": {
        "vi": "Đây là ví dụ minh họa với đơn vị giả định, không phải báo cáo của một đơn vị có thật. Số liệu chỉ để tham khảo cách làm.",
        "en": "This is an illustrative example with a generic unit, not a report from a real unit. Its figures only show how such work can be measured."},
    "items.count": {"vi": "{n} mục", "en": "{n} items"},
    "items.none": {"vi": "Chưa có mục nào.", "en": "No items yet."},
}


def t(key: str, lang: str, **values) -> str:
    entry = STRINGS[key]
    text = entry.get(lang) or entry["vi"]
    return text.format(**values) if values else text
