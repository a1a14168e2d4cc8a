"""A corpus of broken contributions, each with the exact diagnostics it must produce.

Every case starts from the valid hub of tests/fixtures/broken (which produces no
diagnostic at all), breaks it one way, and lists every expected problem as
"PATH:LINE:COL: SEVERITY: CODE": no more, no fewer.
"""

from __future__ import annotations

import struct
import zlib

import pytest

from aixutra.validate import check

from .fixtures.broken import BASE, CASE_EN, CASE_VI, GUIDE_EN, GUIDE_VI, PROMPTS_EN, PROMPTS_VI, ROOT, make


def sub(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def png(width: int = 1, height: int = 1, extra: int = 0) -> bytes:
    """A real PNG file (optionally padded to a size with a private chunk)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + (chunk(b"prVt", b"\x00" * extra) if extra else b"") + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


UNITS = (ROOT / "data" / "units.yml").read_text(encoding="utf-8")
N = UNITS.count("\n")  # entries added to data/units.yml start on line N + 1

GV, GE = "guides/mau.vi.md", "guides/mau.en.md"
PV, PE = "prompts/mau.vi.md", "prompts/mau.en.md"
CV, CE = "use_cases/mau.vi.md", "use_cases/mau.en.md"
BODY_END = "\nNội dung.\n"  # the guide's last line: cases append body text after it

CASES = [
    # --- The file itself -------------------------------------------------------------
    ("utf16 with BOM", {GV: GUIDE_VI.encode("utf-16")}, [f"{GV}:1:1: error: utf16"]),
    ("utf16 without BOM", {GV: GUIDE_VI.encode("utf-16-le")}, [f"{GV}:1:1: error: utf16"]),
    ("windows-1258", {GV: GUIDE_VI.replace("Hướng dẫn mẫu", "Hà Nội").encode("utf-8").replace(
        "Hà Nội".encode(), b"H\xe0 N\xf4\xf2i")}, [f"{GV}:2:10: error: not-utf8"]),
    ("BOM", {GV: b"\xef\xbb\xbf" + GUIDE_VI.encode()}, [f"{GV}:1:1: warning: bom"]),
    ("CRLF line endings", {GV: GUIDE_VI.replace("\n", "\r\n")}, [f"{GV}:1:4: warning: crlf"]),
    ("decomposed Unicode (NFD)", {GV: sub(GUIDE_VI, "Nội dung.", "No\u0323\u0302i dung.")},
     [f"{GV}:23:2: error: not-nfc"]),
    ("tab in YAML", {GV: sub(GUIDE_VI, "level: co-ban", "level:\tco-ban")}, [f"{GV}:6:7: error: yaml-tab"]),
    ("tab indenting YAML", {GV: sub(GUIDE_VI, "authors: [{role: \"Biên tập viên\"}]",
                                    "authors:\n\t- role: \"Biên tập viên\"")},
     [f"{GV}:10:1: error: yaml-tab"]),
    ("empty file", {GV: b""}, [f"{GV}:1:1: error: empty-file"]),
    ("only whitespace", {GV: b"  \n\n"}, [f"{GV}:1:1: error: empty-file"]),
    ("binary file", {GV: png()}, [f"{GV}:1:1: error: binary"]),
    ("file far too large", {GV: GUIDE_VI + "x" * 600_000}, [f"{GV}:1:1: error: too-large"]),
    ("control character", {GV: sub(GUIDE_VI, "Nội dung.", "Nội\x0c dung.")}, [f"{GV}:23:4: warning: control-char"]),
    # --- Front matter --------------------------------------------------------------------
    ("no front matter", {GV: GUIDE_VI.split("---\n", 2)[2]}, [f"{GV}:1:1: error: no-front-matter"]),
    ("front matter not closed", {GV: GUIDE_VI.replace("---\nMở đầu", "Mở đầu")},
     [f"{GV}:1:1: error: unclosed-front-matter"]),
    ("YAML syntax error", {GV: sub(GUIDE_VI, "sectors: [noi-vu]", "sectors: [noi-vu")},
     [f"{GV}:5:10: error: yaml-syntax"]),
    ("front matter is a list", {GV: "---\n- a\n- b\n---\nx\n"}, [f"{GV}:2:1: error: front-matter-not-mapping"]),
    ("duplicate key", {GV: sub(GUIDE_VI, "level: co-ban\n", "level: co-ban\nlevel: nang-cao\n")},
     [f"{GV}:7:1: error: yaml-duplicate-key"]),
    ("anchor and alias", {GV: sub(GUIDE_VI, "tags: [mẫu]", "tags: &t [mẫu]\nx: *t")},
     [f"{GV}:7:7: error: yaml-alias", f"{GV}:8:1: error: schema-additionalProperties", f"{GV}:8:4: error: yaml-alias"]),
    ("unknown key (typo)", {GV: sub(GUIDE_VI, "summary:", "sumary:")},
     [f"{GV}:1:1: error: schema-required", f"{GV}:3:1: error: schema-additionalProperties"]),
    ("missing required field", {GV: sub(GUIDE_VI, "license: CC-BY-4.0\n", "")}, [f"{GV}:1:1: error: schema-required"]),
    ("wrong type", {GV: sub(GUIDE_VI, "sectors: [noi-vu]", "sectors: noi-vu")}, [f"{GV}:4:10: error: schema-type"]),
    ("value outside a taxonomy", {GV: sub(GUIDE_VI, "level: co-ban", "level: gioi")}, [f"{GV}:6:8: error: schema-enum"]),
    ("sector outside the taxonomy", {GV: sub(GUIDE_VI, "sectors: [noi-vu]", "sectors: [noi-vu, thien-van]")},
     [f"{GV}:4:19: error: schema-enum"]),
    ("unknown unit", {GV: sub(GUIDE_VI, "unit: ban-bien-tap", "unit: xa-khong-co")}, [f"{GV}:8:7: error: schema-enum"]),
    ("impossible date", {GV: sub(GUIDE_VI, "published: 2026-11-01", "published: 2026-02-30")},
     [f"{GV}:10:12: error: schema-format"]),
    ("date in another form", {GV: sub(GUIDE_VI, "published: 2026-11-01", "published: 20/11/2026")},
     [f"{GV}:10:12: error: schema-format"]),
    ("date with a time", {GV: sub(GUIDE_VI, "published: 2026-11-01", "published: 2026-11-01 08:00:00")},
     [f"{GV}:10:12: error: schema-format"]),
    ("updated before published", {GV: sub(GUIDE_VI, "updated: 2026-11-02", "updated: 2026-10-02")},
     [f"{GV}:11:1: error: dates"]),
    ("title too long", {GV: sub(GUIDE_VI, '"Hướng dẫn mẫu"', '"' + "a" * 121 + '"')}, [f"{GV}:2:8: error: schema-maxLength"]),
    ("uppercase tag", {GV: sub(GUIDE_VI, "tags: [mẫu]", "tags: [Mẫu]")}, [f"{GV}:7:8: warning: tag-case"]),
    ("HTML in front matter", {GV: sub(GUIDE_VI, '"Hướng dẫn mẫu"', '"<img src=x onerror=alert(1)>"')},
     [f"{GV}:2:8: error: unsafe-html"]),
    # --- Files and translations --------------------------------------------------------
    ("file name with capitals", {"guides/Bai-Moi.vi.md": GUIDE_VI}, ["guides/Bai-Moi.vi.md:1:1: error: file-name"]),
    ("file name without language", {"guides/bai-moi.md": GUIDE_VI}, ["guides/bai-moi.md:1:1: error: file-name"]),
    ("item in a sub-folder", {"guides/cu/bai.vi.md": GUIDE_VI}, ["guides/cu/bai.vi.md:1:1: error: file-place"]),
    ("English without Vietnamese", {GV: None}, [f"{GE}:1:1: error: missing-source"]),
    ("outdated translation", {GE: sub(GUIDE_EN, "00000000", "12345678")}, [f"{GE}:2:1: warning: translation-outdated"]),
    ("translation_of missing", {GE: sub(GUIDE_EN, 'translation_of: "00000000"\n', "")},
     [f"{GE}:1:1: error: schema-required", f"{GE}:1:1: warning: translation-outdated"]),
    ("source-only field in English", {GE: sub(GUIDE_EN, "title:", "level: co-ban\ntitle:")},
     [f"{GE}:3:1: error: schema-additionalProperties"]),
    ("English results not matching", {CE: sub(CASE_EN, "results:\n", "results:\n  - {metric: \"Extra\"}\n")},
     [f"{CE}:5:1: error: translation-count"]),
    # --- References --------------------------------------------------------------------
    ("related item missing", {GV: sub(GUIDE_VI, "related: [prompts/mau]", "related: [prompts/mau, guides/khong-co]")},
     [f"{GV}:13:24: error: related-missing"]),
    ("related to itself", {GV: sub(GUIDE_VI, "related: [prompts/mau]", "related: [guides/mau]")},
     [f"{GV}:13:11: error: related-self"]),
    ("related in the wrong form", {GV: sub(GUIDE_VI, "related: [prompts/mau]", "related: [prompts/mau.md]")},
     [f"{GV}:13:11: error: schema-pattern"]),
    ("replicated from a missing case", {CV: sub(CASE_VI, "prerequisites:", "replicated_from: use_cases/khong-co\nreplicated_on: 2026-10-01\nprerequisites:")},
     [f"{CV}:20:1: error: replicated-missing"]),
    ("replicated_from without replicated_on", {CV: sub(CASE_VI, "prerequisites:", "replicated_from: use_cases/khong-co\nprerequisites:")},
     [f"{CV}:1:1: error: schema-required", f"{CV}:20:1: error: replicated-missing"]),
    ("replicated from itself", {CV: sub(CASE_VI, "prerequisites:", "replicated_from: use_cases/mau\nreplicated_on: 2026-10-01\nprerequisites:")},
     [f"{CV}:20:1: error: replicated-self"]),
    ("link to a missing page", {GV: GUIDE_VI + "\nXem [bài khác](khong-co.md).\n"}, [f"{GV}:25:5: error: link-missing"]),
    ("links to generated pages", {GV: GUIDE_VI + "\nXem [y tế](../sectors/y-te.md), [tài liệu in](../handouts/y-te.md), "
                                      "[danh mục](../catalogue.md) và [đơn vị](../units/ban-bien-tap.md).\n"}, []),
    ("link to a sector that does not exist", {GV: GUIDE_VI + "\nXem [x](../sectors/thien-van.md).\n"},
     [f"{GV}:25:5: error: link-missing"]),
    ("link to the page of a unit that has contributed nothing", {GV: GUIDE_VI + "\nXem [x](../units/so-tu-phap.md).\n"},
     [f"{GV}:25:5: error: link-missing"]),
    ("link to a missing anchor on the page", {GV: GUIDE_VI + "\nXem [phần ba](#phan-ba).\n"}, [f"{GV}:25:5: error: anchor-missing"]),
    ("link to a missing anchor elsewhere", {GV: GUIDE_VI + "\nXem [x](../prompts/mau.md#khong-co).\n"},
     [f"{GV}:25:5: error: anchor-missing"]),
    ("link to an .html page", {GV: GUIDE_VI + "\nXem [x](../prompts/mau.html).\n"}, [f"{GV}:25:5: error: link-html"]),
    ("link outside the repository", {GV: GUIDE_VI + "\nXem [x](../../etc/passwd).\n"}, [f"{GV}:25:5: error: link-outside"]),
    ("reference link to a missing page", {GV: GUIDE_VI + "\nXem [x][a].\n\n[a]: khong-co.md\n"}, [f"{GV}:27:6: error: link-missing"]),
    ("link inside code is not followed", {GV: GUIDE_VI + "\n`[x](khong-co.md)`\n\n```\n[y](khong-co.md)\n```\n"}, []),
    ("image missing", {GV: GUIDE_VI + "\n![Ảnh](images/khong-co.png)\n"}, [f"{GV}:25:1: error: image-missing"]),
    ("image present", {GV: GUIDE_VI + "\n![Ảnh](images/a.png)\n", "guides/images/a.png": png()}, []),
    ("image too large", {GV: GUIDE_VI + "\n![Ảnh](images/a.png)\n", "guides/images/a.png": png(extra=600_000)},
     [f"{GV}:25:1: error: image-too-large"]),
    ("image that is not a PNG", {GV: GUIDE_VI + "\n![Ảnh](images/a.png)\n", "guides/images/a.png": b"GIF89a..."},
     [f"{GV}:25:1: error: image-type"]),
    ("image of another type", {GV: GUIDE_VI + "\n![Ảnh](images/a.bmp)\n", "guides/images/a.bmp": b"BM...."},
     [f"{GV}:25:1: error: image-type", "guides/images/a.bmp:1:1: error: file-type"]),
    ("SVG image with script", {GV: GUIDE_VI + "\n![Ảnh](images/a.svg)\n",
                               "guides/images/a.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'},
     [f"{GV}:25:1: error: unsafe-svg", "guides/images/a.svg:1:1: error: unsafe-svg"]),
    ("SVG image linking out, even unused", {"use_cases/images/b.svg": b'<svg><a href="https://evil.example/">x</a></svg>'},
     ["use_cases/images/b.svg:1:1: error: unsafe-svg"]),
    ("a file that is not an item or an image", {"guides/bai-viet.docx": b"PK\x03\x04", "prompts/images/trang.html": "<script>x</script>"},
     ["guides/bai-viet.docx:1:1: error: file-type", "prompts/images/trang.html:1:1: error: file-type"]),
    ("files the site does not publish are not checked", {"guides/_nhap.txt": "nháp", "guides/.DS_Store": b"\x00"}, []),
    ("remote image", {GV: GUIDE_VI + "\n![Ảnh](https://example.org/a.png)\n"}, [f"{GV}:25:1: error: image-remote"]),
    # --- Case studies and prompts --------------------------------------------------------
    ("case section missing", {CV: sub(CASE_VI, "## Khó khăn\n\nÍt.\n\n", "")}, [f"{CV}:22:1: error: case-sections"]),
    ("case sections out of order", {CV: sub(sub(CASE_VI, "## Vấn đề", "## TAM"), "## Cách làm", "## Vấn đề").replace("## TAM", "## Cách làm")},
     [f"{CV}:22:1: error: case-section-order"]),
    ("replication steps not numbered", {CV: sub(CASE_VI, "1. Làm mẫu.\n2. Thử.", "- Làm mẫu.\n- Thử.")},
     [f"{CV}:42:1: error: replicate-steps"]),
    ("illustrative case naming a real unit", {CV: sub(CASE_VI, "unit: vi-du-xa-a", "unit: so-noi-vu")},
     [f"{CV}:8:1: error: illustrative-real-unit"]),
    ("real case without sources", {CV: sub(sub(CASE_VI, "unit: vi-du-xa-a", "unit: so-noi-vu"), "illustrative: true", "illustrative: false")},
     [f"{CV}:1:1: error: schema-required"]),
    ("real case with a generic unit", {CV: sub(sub(CASE_VI, "illustrative: true", "illustrative: false"), "prerequisites:",
                                               'sources: [{title: "Báo", url: "https://example.org/"}]\nprerequisites:')},
     [f"{CV}:13:1: error: report-generic-unit"]),
    ("negative time saved", {CV: sub(CASE_VI, "minutes: 150", "minutes: -5")}, [f"{CV}:18:23: error: schema-minimum"]),
    ("result value not a number", {CV: sub(CASE_VI, "before: 240", "before: \"4 giờ\"")}, [f"{CV}:17:40: error: schema-type"]),
    ("prompt variable not declared", {PV: sub(PROMPTS_VI, "{{noi_dung}}\"", "{{noi_dung}} {{han_chot}}\""),
                                       PE: sub(PROMPTS_EN, "{{noi_dung}}\"", "{{noi_dung}} {{han_chot}}\"")},
     [f"{PV}:16:5: error: variable-undeclared"]),
    ("prompt variable declared but unused", {PV: sub(PROMPTS_VI, ": {{noi_dung}}", ""), PE: sub(PROMPTS_EN, ": {{noi_dung}}", "")},
     [f"{PV}:17:5: warning: variable-unused"]),
    ("translated prompt with other variables", {PE: sub(PROMPTS_EN, "{{ten_co_quan}}", "{{agency}}")},
     [f"{PE}:8:5: error: variable-mismatch"]),
    ("translated prompt with an unknown id", {PE: sub(PROMPTS_EN, "id: tom-tat", "id: khac")},
     [f"{PE}:6:5: error: prompt-id-unknown"]),
    ("prompt without data-safety level", {PV: sub(PROMPTS_VI, "    data_safety: an-danh-truoc\n", "")},
     [f"{PV}:14:5: error: schema-required"]),
    ("prompt with an unknown data-safety level", {PV: sub(PROMPTS_VI, "data_safety: an-danh-truoc", "data_safety: an-toan")},
     [f"{PV}:24:18: error: schema-enum"]),
    ("prompt tested on a non-month", {PV: sub(PROMPTS_VI, 'date: "2026-10"', 'date: "10/2026"')},
     [f"{PV}:26:31: error: schema-pattern"]),
    # --- Safety --------------------------------------------------------------------------
    ("raw script", {GV: GUIDE_VI + "\n<script>alert(1)</script>\n"}, [f"{GV}:25:1: error: unsafe-html"]),
    ("event handler", {GV: GUIDE_VI + '\n<p onclick="alert(1)">x</p>\n'}, [f"{GV}:25:1: error: unsafe-html"]),
    ("unclosed tag with a handler", {GV: GUIDE_VI + "\n<img src=a.png onerror=alert(1)//\n"},
     [f"{GV}:25:1: error: unsafe-html"]),
    ("javascript: link", {GV: GUIDE_VI + "\n[bấm](javascript:alert(1))\n"}, [f"{GV}:25:1: error: unsafe-url"]),
    ("javascript: link hidden with entities", {GV: GUIDE_VI + "\n[bấm](&#106;avascript:alert(1))\n"},
     [f"{GV}:25:1: error: unsafe-url"]),
    ("javascript: in raw HTML", {GV: GUIDE_VI + '\n<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>\n'}, [f"{GV}:25:1: error: unsafe-url"]),
    ("data: image", {GV: GUIDE_VI + "\n![x](data:image/png;base64,AAAA)\n"},
     [f"{GV}:25:1: error: image-remote", f"{GV}:25:1: error: unsafe-url"]),
    ("SVG with script", {GV: GUIDE_VI + "\n<svg><script>alert(1)</script></svg>\n"},
     [f"{GV}:25:1: error: unsafe-html", f"{GV}:25:6: error: unsafe-html"]),
    ("comment break-out", {GV: GUIDE_VI + "\n<!-- --!><script>alert(1)</script> -->\n"}, [f"{GV}:25:10: error: unsafe-html"]),
    ("unclosed comment", {GV: GUIDE_VI + "\n<!-- không đóng\n"}, [f"{GV}:25:1: error: unsafe-html"]),
    ("attribute list with a handler", {GV: GUIDE_VI + '\nĐoạn văn.\n{: onclick="alert(1)" }\n'}, [f"{GV}:26:1: error: unsafe-html"]),
    ("iframe", {GV: GUIDE_VI + '\n<iframe src="https://example.org"></iframe>\n'}, [f"{GV}:25:1: error: unsafe-html"]),
    ("harmless tag that will be removed", {GV: GUIDE_VI + "\n<font color=red>x</font>\n"}, [f"{GV}:25:1: warning: html-removed"]),
    ("script shown as code is fine", {GV: GUIDE_VI + "\n`<script>alert(1)</script>`\n"}, []),
    ("personal mobile number", {GV: GUIDE_VI + "\nGọi 0912 345 678 hoặc +84 983.456.789.\n"},
     [f"{GV}:25:5: error: personal-phone", f"{GV}:25:23: error: personal-phone"]),
    ("citizen ID number", {GV: GUIDE_VI + "\nCCCD 001094012345.\n"}, [f"{GV}:25:6: error: personal-id"]),
    ("personal e-mail", {GV: GUIDE_VI + "\nThư: nguyen.van.a@gmail.com; công vụ: vanphong@mail.thainguyen.gov.vn\n"},
     [f"{GV}:25:6: error: personal-email"]),
    ("e-mail in authors", {GV: sub(GUIDE_VI, 'role: "Biên tập viên"', 'role: "vanphong@thainguyen.gov.vn"')},
     [f"{GV}:9:18: error: author-contact"]),
    ("phone number in front matter", {GV: sub(GUIDE_VI, '"Biên tập viên"', '"Chị A, 0987654321"')},
     [f"{GV}:9:26: error: personal-phone"]),
    # --- Taxonomy files ------------------------------------------------------------------
    ("unit added twice, without English name, generic without the flag", {"data/units.yml": UNITS + (
        '- {id: so-noi-vu, kind: so, sector: noi-vu, name: {vi: "Sở Nội vụ", en: "Home Affairs"}}\n'
        '- {id: truong-x, kind: truong, sector: truong-hoc, name: {vi: "Trường X"}}\n'
        '- {id: vi-du-y, kind: xa, sector: chinh-quyen-xa, name: {vi: "Y", en: "Y"}}\n')},
     [f"data/units.yml:{N + 1}:4: error: data-duplicate-id", f"data/units.yml:{N + 2}:58: error: data-required",
      f"data/units.yml:{N + 3}:4: error: data-illustrative-id"]),
    ("unit with an unknown sector", {"data/units.yml": UNITS + '- {id: x, kind: so, sector: thien-van, name: {vi: "X", en: "X"}}\n'},
     [f"data/units.yml:{N + 1}:29: error: data-enum"]),
    ("taxonomy file that is not YAML", {"data/units.yml": UNITS + "- {id: [\n"}, [f"data/units.yml:{N + 2}:1: error: yaml-syntax"]),
]


@pytest.mark.parametrize("name,overrides,expected", CASES, ids=[c[0] for c in CASES])
def test_broken_contribution(tmp_path, name, overrides, expected):
    hub = make(tmp_path / "hub", overrides)
    _, found = check(hub)
    got = sorted(f"{d.path}:{d.line}:{d.col}: {d.severity}: {d.code}" for d in found)
    assert got == sorted(expected)
    for d in found:  # every message says it in Vietnamese, then in English
        assert d.vi and d.en and d.vi != d.en and d.message == f"{d.vi} / {d.en}"


def test_the_base_hub_is_valid(tmp_path):
    _, found = check(make(tmp_path / "hub"))
    assert found == []
    assert set(BASE) == {"guides/mau.vi.md", "guides/mau.en.md", "prompts/mau.vi.md", "prompts/mau.en.md",
                         "use_cases/mau.vi.md", "use_cases/mau.en.md"}
