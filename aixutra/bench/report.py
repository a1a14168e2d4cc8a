"""The benchmark's results as tables: in the terminal, in the documentation (vi, en), in JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

BUILD_TARGET = 1.15  # issue 7: at N = 1,000 our build is no slower than 1.15x the bare one
GENERATED_TARGET = 0.15  # issue 4: generated pages add at most 15 % at 2,000 items
TARGET_N = 1000
SEARCH_FIRST_MS, SEARCH_LATER_MS, SEARCH_BYTES = 500, 100, 300_000  # issue 5, at N = 1,000
ZIP_BUDGET = 20_000_000  # issue 6: the offline zip of 1,000 items per language


def _get(*keys) -> Callable[[dict], float | None]:
    def get(system: dict):
        value = system
        for key in keys:
            if not isinstance(value, dict) or value.get(key) is None:
                return None
            value = value[key]
        return value
    return get


@dataclass(frozen=True)
class Metric:
    key: str
    vi: str
    en: str
    get: Callable[[dict], float | None]
    scale: float = 1.0
    digits: int = 1


KB, MB = 1 / 1024, 1 / (1024 * 1024)  # shown as KiB and MiB
METRICS = [
    Metric("build_wall", "Xây dựng, không kể bản sao ngoại tuyến (s, cả tiến trình)", "Build without the offline copies (s, whole process)", _get("build_wall_s"), digits=2),
    Metric("build_cpu", "Thời gian CPU của bản xây dựng đó (s, user + sys)", "CPU time of that build (s, user + sys)", _get("build_cpu_s"), digits=2),
    Metric("offline_wall", "Bản sao ngoại tuyến: zip và Kiwix (s)", "Offline copies: zip and Kiwix (s)", _get("offline_s"), digits=2),
    Metric("offline_cpu", "Thời gian CPU của bản sao ngoại tuyến (s)", "CPU time of the offline copies (s)", _get("offline_cpu_s"), digits=2),
    Metric("whole_wall", "Cả lệnh xây dựng, kể cả bản sao ngoại tuyến (s)", "Whole build command, offline copies included (s)", _get("wall_s"), digits=2),
    Metric("whole_cpu", "Thời gian CPU của cả lệnh (s)", "CPU time of the whole command (s)", _get("cpu_s"), digits=2),
    Metric("peak_rss", "Bộ nhớ đỉnh (MiB)", "Peak memory (MiB)", _get("peak_rss_mb"), digits=0),
    Metric("site_size", "Dung lượng trang (MiB)", "Site size (MiB)", _get("stats", "site_bytes"), MB),
    Metric("files", "Số tệp", "Files", _get("stats", "files"), digits=0),
    Metric("pages", "Số trang HTML", "HTML pages", _get("stats", "pages"), digits=0),
    Metric("page_avg", "Trang HTML trung bình (KiB)", "Average page HTML (KiB)", _get("stats", "page_html_avg_bytes"), KB),
    Metric("first_view_home", "Lần xem đầu, trang chủ (KiB gzip)", "First view, home page (KiB gzip)", _get("first_view", "home", "gzip_bytes"), KB),
    Metric("first_view_item", "Lần xem đầu, trang hướng dẫn (KiB gzip)", "First view, guide page (KiB gzip)", _get("first_view", "item", "gzip_bytes"), KB),
    Metric("first_view_search", "Trong đó: dữ liệu tìm kiếm (KiB gzip)", "Of which: search data (KiB gzip)", _get("first_view", "home", "by_kind", "search"), KB),
    Metric("third_party", "Yêu cầu tới máy chủ bên thứ ba", "Requests to third-party hosts", _get("first_view", "home", "third_party_requests"), digits=0),
    Metric("search_disk_vi", "Chỉ mục tìm kiếm tiếng Việt trên đĩa (KiB gzip)", "Vietnamese search index on disk (KiB gzip)", _get("stats", "search", "vi", "gzip"), KB),
    Metric("search_disk_en", "Chỉ mục tìm kiếm tiếng Anh trên đĩa (KiB gzip)", "English search index on disk (KiB gzip)", _get("stats", "search", "en", "gzip"), KB),
    Metric("search_bytes_vi", "Dữ liệu tìm kiếm tải trước kết quả đầu, vi (KiB gzip)", "Search data loaded before the first result, vi (KiB gzip)", _get("search", "vi", "search_bytes_before_first_result"), KB),
    Metric("search_bytes_en", "Dữ liệu tìm kiếm tải trước kết quả đầu, en (KiB gzip)", "Search data loaded before the first result, en (KiB gzip)", _get("search", "en", "search_bytes_before_first_result"), KB),
    Metric("search_first_vi", "Kết quả tìm kiếm đầu tiên, vi (ms, CPU chậm 4×)", "First search result, vi (ms, 4× CPU throttle)", _get("search", "vi", "first_result_ms"), digits=0),
    Metric("search_first_en", "Kết quả tìm kiếm đầu tiên, en (ms, CPU chậm 4×)", "First search result, en (ms, 4× CPU throttle)", _get("search", "en", "first_result_ms"), digits=0),
    Metric("search_later_vi", "Truy vấn tiếp theo, vi (ms)", "Later query, vi (ms)", _get("search", "vi", "later_query_ms"), digits=0),
    Metric("offline_zip", "Bản zip ngoại tuyến (MiB)", "Offline zip (MiB)", _get("offline_zip_bytes"), MB),
]
COLUMNS = {"vi": ["Chỉ số", "AI Xứ Trà", "Material thuần", "Tỷ lệ"],
           "en": ["Metric", "AI Xứ Trà", "Bare Material", "Ratio"]}


def num(value: float, digits: int, lang: str) -> str:
    """A number as its readers write it: 1,234.5 in English, 1.234,5 in Vietnamese."""
    text = f"{value:,.{digits}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "vi" else text


def _fmt(value, metric: Metric, lang: str) -> str:
    return "—" if value is None else num(value * metric.scale, metric.digits, lang)


def ratio(ours, bare) -> float | None:
    if ours is None or bare in (None, 0):
        return None
    return ours / bare


def _ratio_text(value: float | None, lang: str) -> str:
    return "—" if value is None else num(value, 2, lang) + "×"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def comparison_table(run: dict, lang: str) -> str:
    """One row per metric: ours, bare, ours / bare."""
    rows = []
    for m in METRICS:
        ours, bare = m.get(run["ours"]), m.get(run["bare"])
        rows.append([getattr(m, lang), _fmt(ours, m, lang), _fmt(bare, m, lang), _ratio_text(ratio(ours, bare), lang)])
    return _table(COLUMNS[lang], rows)


GENERATED = {
    "vi": ["Chỉ số", "Có trang tạo tự động", "Chỉ có trang mục lục", "Thêm"],
    "en": ["Metric", "With generated pages", "Collection indexes only", "Added"],
}


def _percent(value: float, lang: str) -> str:
    return ("+" if value >= 0 else "−") + num(abs(value), 1, lang) + " %"


def generated_table(run: dict, lang: str) -> str:
    """What the generated pages (sector, unit, catalogue ... pages) cost over the bare collections."""
    with_, without = run["ours"], run["ours_no_generated"]
    rows = []
    for key in ("build_wall", "build_cpu", "offline_cpu", "pages", "site_size"):
        m = next(m for m in METRICS if m.key == key)
        a, b = m.get(with_), m.get(without)
        r = ratio(a, b)
        rows.append([getattr(m, lang), _fmt(a, m, lang), _fmt(b, m, lang), "—" if r is None else _percent((r - 1) * 100, lang)])
    return _table(GENERATED[lang], rows)


LINEAR = {
    "vi": ["N (mục mỗi ngôn ngữ)", "Xây dựng (s)", "CPU (s)", "CPU ms mỗi mục", "× so với N trước",
           "Material: CPU ms mỗi mục", "× so với N trước", "KiB trang mỗi mục", "× so với N trước",
           "Trang HTML trung bình (KiB)", "Tỷ lệ CPU với Material"],
    "en": ["N (items per language)", "Build (s)", "CPU (s)", "CPU ms per item", "× previous N",
           "Material: CPU ms per item", "× previous N", "Site KiB per item", "× previous N",
           "Average page HTML (KiB)", "CPU ratio to Material"],
}


def linearity_table(runs: list[dict], lang: str) -> str:
    """Per-item cost at each N: a linear build keeps the per-item figures flat (ratios near 1).

    CPU time rather than wall time: on a shared machine it is the steadier of the two."""
    rows, prev = [], None
    for run in sorted(runs, key=lambda r: r["items"]):
        n, ours, bare = run["items"], run["ours"], run["bare"]
        cur = (ours["build_cpu_s"] * 1000 / n, bare["build_cpu_s"] * 1000 / n, ours["stats"]["site_bytes"] / 1024 / n)
        growth = [_ratio_text(ratio(c, p), lang) if prev else "—" for c, p in zip(cur, prev or cur)]
        rows.append([num(n, 0, lang), num(ours["build_wall_s"], 2, lang), num(ours["build_cpu_s"], 2, lang),
                     num(cur[0], 1, lang), growth[0], num(cur[1], 1, lang), growth[1], num(cur[2], 1, lang), growth[2],
                     num(ours["stats"]["page_html_avg_bytes"] / 1024, 1, lang),
                     _ratio_text(ratio(ours["build_cpu_s"], bare["build_cpu_s"]), lang)])
        prev = cur
    return _table(LINEAR[lang], rows)


_MET = {True: {"vi": "đạt", "en": "met"}, False: {"vi": "CHƯA ĐẠT", "en": "NOT MET"}, None: {"vi": "chưa đo", "en": "not measured"}}


def _ok(value, limit) -> bool | None:
    return None if value is None else value <= limit


def verdicts(results: dict, lang: str) -> list[str]:
    """The issues' targets, checked against the runs that have the N they name."""
    out = []
    by_n = {r["items"]: r for r in results["runs"]}

    def line(vi: str, en: str, measured: str, ok: bool | None, note: str = "") -> None:
        out.append(f"{vi if lang == 'vi' else en} — {measured}: {_MET[ok][lang]}{note}.")

    if TARGET_N in by_n:
        ours, bare = by_n[TARGET_N]["ours"], by_n[TARGET_N]["bare"]
        wall, cpu = ratio(ours.get("build_wall_s"), bare.get("build_wall_s")), ratio(ours.get("build_cpu_s"), bare.get("build_cpu_s"))
        whole = ratio(ours.get("cpu_s"), bare.get("cpu_s"))
        limit = num(BUILD_TARGET, 2, lang)
        line(f"N = 1.000: thời gian xây dựng ≤ {limit}× Material thuần, cùng một việc: trang web, không kể bản sao ngoại tuyến mà Material không làm (yêu cầu số 7)",
             f"N = 1,000: build time ≤ {limit}× bare Material for the same work: the site, without the offline copies bare Material does not make (issue 7)",
             {"vi": f"{_ratio_text(cpu, lang)} thời gian CPU, {_ratio_text(wall, lang)} theo đồng hồ; cả lệnh kể cả zip và Kiwix: {_ratio_text(whole, lang)} thời gian CPU",
              "en": f"{_ratio_text(cpu, lang)} CPU time, {_ratio_text(wall, lang)} wall clock; whole command with the zip and Kiwix files: {_ratio_text(whole, lang)} CPU time"}[lang],
             _ok(cpu, BUILD_TARGET))
        for key in ("vi", "en"):
            search = ours.get("search", {}).get(key, {})
            first, later = search.get("first_result_ms"), search.get("later_query_ms")
            data = search.get("search_bytes_before_first_result")
            early = search.get("search_requests_before_focus", search.get("search_bytes_before_focus"))
            ms = lambda v: "—" if v is None else f"{num(v, 0, lang)} ms"  # noqa: E731
            line(f"N = 1.000, tìm kiếm ({key}): kết quả đầu ≤ 500 ms, truy vấn sau ≤ 100 ms, CPU chậm 4× (yêu cầu số 5)",
                 f"N = 1,000, search ({key}): first result ≤ 500 ms, later query ≤ 100 ms, 4× CPU throttle (issue 5)",
                 f"{ms(first)}, {ms(later)}",
                 None if first is None or later is None else first <= SEARCH_FIRST_MS and later <= SEARCH_LATER_MS)
            line(f"N = 1.000, tìm kiếm ({key}): ≤ 300 KB (300.000 byte) dữ liệu nén trước kết quả đầu, không tải gì trước khi bấm vào ô tìm kiếm (yêu cầu số 5)",
                 f"N = 1,000, search ({key}): ≤ 300 KB (300,000 bytes) compressed before the first result, nothing before the box is focused (issue 5)",
                 {"vi": f"{'—' if data is None else num(data, 0, lang)} byte, {'—' if early is None else num(early, 0, lang)} trước khi bấm",
                  "en": f"{'—' if data is None else num(data, 0, lang)} bytes, {'—' if early is None else num(early, 0, lang)} before focus"}[lang],
                 None if data is None or early is None else data <= SEARCH_BYTES and early == 0)
        zipped = ours.get("offline_zip_bytes")
        line("N = 1.000: bản zip ngoại tuyến ≤ 20 MB (20.000.000 byte) (yêu cầu số 6)",
             "N = 1,000: offline zip ≤ 20 MB (20,000,000 bytes) (issue 6)",
             {"vi": f"{'—' if zipped is None else num(zipped, 0, lang)} byte",
              "en": f"{'—' if zipped is None else num(zipped, 0, lang)} bytes"}[lang], _ok(zipped, ZIP_BUDGET))
    big = max(by_n) if by_n else None
    if big is not None:
        r = ratio(by_n[big]["ours"].get("build_cpu_s"), by_n[big]["ours_no_generated"].get("build_cpu_s"))
        added = None if r is None else (r - 1) * 100
        note = "" if big == 2000 else {"vi": f" (mục tiêu đặt cho N = 2.000; đây là N = {num(big, 0, lang)})",
                                       "en": f" (the target is set at N = 2,000; this is N = {num(big, 0, lang)})"}[lang]
        line(f"Trang tạo tự động thêm ≤ {GENERATED_TARGET * 100:.0f} % thời gian xây dựng (yêu cầu số 4)",
             f"Generated pages add ≤ {GENERATED_TARGET * 100:.0f} % to the build time (issue 4)",
             {"vi": "—" if added is None else f"{_percent(added, lang)} thời gian CPU",
              "en": "—" if added is None else f"{_percent(added, lang)} CPU time"}[lang],
             _ok(added, GENERATED_TARGET * 100), note)
    return out


def busy(results: dict) -> float | None:
    """The highest load average seen during the run, per core, if the machine was busy."""
    loads = [float(x) for when in ("start", "end") for x in str(results.get("load", {}).get(when, "")).split()[:2]]
    cores = results.get("machine", {}).get("cores") or 1
    peak = max(loads) / cores if loads else 0
    return peak if peak > 1 else None


def first_view_kinds(run: dict, lang: str) -> list[str]:
    """What the first view of the home page is made of, by kind of file."""
    labels = {"vi": {"ours": "AI Xứ Trà", "bare": "Material thuần"}, "en": {"ours": "AI Xứ Trà", "bare": "bare Material"}}[lang]
    parts = []
    for system in ("ours", "bare"):
        kinds = run[system].get("first_view", {}).get("home", {}).get("by_kind")
        if kinds:
            parts.append(f"{labels[system]}: " + ", ".join(f"{k} {num(v / 1024, 1, lang)}" for k, v in kinds.items() if v))
    if not parts:
        return []
    head = {"vi": "Lần xem đầu trang chủ theo loại tệp (KiB gzip; \"other\" là sitemap.xml mà Material tải ở mỗi trang)",
            "en": "First view of the home page by kind of file (KiB gzip; \"other\" is the sitemap.xml Material fetches on every page)"}[lang]
    return [f"{head}: " + "; ".join(parts) + ".", ""]


def _engine(name: str | None, lang: str) -> str:
    if not name or lang == "en":
        return name or "—"
    if "Web Worker" in name:
        return "lunr trong một Web Worker (không bị làm chậm CPU)"
    if "on the page" in name:
        return "lunr chạy ngay trên trang (CPU bị làm chậm 4×)"
    return name


def engines(run: dict, lang: str) -> list[str]:
    names = [_engine(run[s].get("search", {}).get("vi", {}).get("engine"), lang) for s in ("ours", "bare")]
    if names == ["—", "—"]:
        return []
    label = {"vi": "Bộ máy tìm kiếm", "en": "Search engines"}[lang]
    return [f"{label}: AI Xứ Trà — {names[0]}; Material — {names[1]}.", ""]


TEXT = {
    "vi": {
        "title": "Đo hiệu năng",
        "intro": "Trang này do `scripts/bench.py` viết ra; đừng sửa bằng tay. Nó so sánh cách xây dựng trang của AI Xứ Trà với Material for MkDocs thuần (cùng mkdocs-static-i18n) trên cùng một kho nội dung giả lập.",
        "run": "Lần đo",
        "date": "Ngày đo", "machine": "Máy", "cores": "nhân", "ram": "GB RAM", "load": "Tải hệ thống khi bắt đầu / kết thúc",
        "commit": "Mã nguồn", "versions": "Phiên bản", "command": "Lệnh", "repeat": "Số lần lặp mỗi phép đo thời gian (lấy trung vị)",
        "hub": "Kho giả lập: {n} mục mỗi ngôn ngữ ({guides} hướng dẫn, {prompts} thư viện câu lệnh, {cases} mô hình hay), trung bình {words} tiếng (âm tiết) tiếng Việt và {words_en} từ tiếng Anh mỗi mục, kể cả phần thông tin đầu trang.",
        "n": "N = {n} mục mỗi ngôn ngữ",
        "generated": "Chi phí của các trang tạo tự động",
        "generated_intro": "Cùng kho nội dung, xây dựng lại với `HUB_GENERATED_PAGES=collections` (chỉ giữ ba trang mục lục của bộ sưu tập): phần chênh lệch là chi phí của các trang theo lĩnh vực, đơn vị, danh mục, bản đồ xã phường.",
        "linear": "Tăng trưởng theo N",
        "linear_intro": "Chi phí cho mỗi mục ở từng N; nếu tăng tuyến tính thì các cột \"× so với N trước\" gần 1,00×.",
        "targets": "Mục tiêu",
        "method": "Cách đo",
        "method_items": [
            "Kho giả lập: bản sao khung của kho (mkdocs.yml, data, docs, hooks, overrides, scripts) cùng N mục mỗi ngôn ngữ, đủ ba loại (khoảng 45 % hướng dẫn, 20 % thư viện 5–8 câu lệnh có biến, 35 % mô hình hay có đủ sáu mục và kết quả), lĩnh vực, đối tượng, trình độ, công cụ, đơn vị (gồm xã, phường và sở thật với `illustrative: false` và `sources`), khoảng một phần ba mô hình nhân rộng từ mô hình khác; văn bản ghép từ các cụm từ tiếng Việt có dấu và bản dịch tiếng Anh tương ứng. Kho phải qua được bộ kiểm tra (validator); các tệp tiếng Anh có `translation_of` đúng.",
            "AI Xứ Trà: `python scripts/build.py` của kho giả lập (kiểm tra nội dung, xây dựng trang, rồi bản sao ngoại tuyến: zip và tệp Kiwix), chạy trong tiến trình riêng; thời gian làm bản sao ngoại tuyến được đo riêng ngay trong tiến trình (đồng hồ và CPU) và trừ ra khi so với Material, vốn không làm việc đó. Material thuần: cùng các tệp Markdown trong một thư mục docs, Material 9.8.2 + mkdocs-static-i18n, plugin `search` của Material, điều hướng tự động với `navigation.prune`, không hook, `mkdocs build`.",
            "Thời gian: đồng hồ thực của cả tiến trình (khởi động Python, nạp thư viện, xây dựng); thời gian CPU (user + sys) của tiến trình con ít bị ảnh hưởng bởi các việc khác trên máy dùng chung nên được dùng cho các tỷ lệ tăng trưởng. Bộ nhớ đỉnh: `ru_maxrss` của tiến trình con (os.wait4). Các lần xây dựng xen kẽ nhau (Material, AI Xứ Trà không có trang tạo tự động, AI Xứ Trà) để tải máy ảnh hưởng đều; lấy trung vị.",
            "Lần xem đầu: Chromium không đầu (headless) mở trang qua máy chủ http trên 127.0.0.1, bộ nhớ đệm trống, chờ đến khi mạng rảnh; mỗi phản hồi được nén gzip mức 6 rồi cộng lại (HTML, CSS, JS, phông, ảnh, dữ liệu tìm kiếm và mọi thứ trang tải). Yêu cầu tới máy chủ khác bị chặn và được đếm.",
            "Tìm kiếm: CPU của trang bị làm chậm 4× bằng DevTools (Emulation.setCPUThrottlingRate); gõ truy vấn ngay khi trang tải xong, đo từ lúc gõ đến khi kết quả đầu tiên có từ khớp hiện ra. Việc làm chậm không áp dụng cho Web Worker: tìm kiếm của Material chạy trong worker nên được đo không bị làm chậm. \"Dữ liệu tìm kiếm\" là các tệp có `search` trong đường dẫn hoặc nằm trong `lunr/`.",
            "Bản zip ngoại tuyến: tệp `dist/*.zip` do bản xây dựng viết ra; với Material thuần là thư mục trang nén zip (deflate) để tham khảo.",
        ],
        "reproduce": "Đo lại",
        "reproduce_text": "Trên một máy đã chạy `python3 scripts/dev.py test` (có Chromium):",
        "reproduce_note": "Kết quả đầy đủ (từng lần xây dựng, từng loại tệp) được ghi vào `bench-results/latest.json` (không đưa vào git).",
    },
    "en": {
        "title": "Benchmark",
        "intro": "This page is written by `scripts/bench.py`; do not edit it by hand. It compares how AI Xứ Trà builds its site with bare Material for MkDocs (with mkdocs-static-i18n) on the same synthetic content.",
        "run": "Run",
        "date": "Date", "machine": "Machine", "cores": "cores", "ram": "GB RAM", "load": "System load at start / end",
        "commit": "Source", "versions": "Versions", "command": "Command", "repeat": "Repeats of each timing (median taken)",
        "hub": "Synthetic hub: {n} items per language ({guides} guides, {prompts} prompt libraries, {cases} case studies), on average {words} Vietnamese syllables and {words_en} English words an item, front matter included.",
        "n": "N = {n} items per language",
        "generated": "What the generated pages cost",
        "generated_intro": "The same content built again with `HUB_GENERATED_PAGES=collections` (only the three collection indexes): the difference is the cost of the sector, unit, catalogue and commune coverage pages.",
        "linear": "Growth with N",
        "linear_intro": "Cost per item at each N; a linear build keeps the \"× previous N\" columns close to 1.00×.",
        "targets": "Targets",
        "method": "Method",
        "method_items": [
            "Synthetic hub: a copy of the hub's skeleton (mkdocs.yml, data, docs, hooks, overrides, scripts) with N items per language of all three types (about 45 % guides, 20 % prompt libraries of 5–8 prompts with variables, 35 % case studies with the six sections and results), sectors, audiences, levels, tools, units (including real communes, wards and departments with `illustrative: false` and `sources`), about a third of the cases replicating another; text assembled from Vietnamese phrases with diacritics and their English translations. The hub passes the validator; the English files carry the right `translation_of`.",
            "AI Xứ Trà: the synthetic hub's `python scripts/build.py` (content checks, site, then the offline copies: zip and Kiwix files) in a process of its own; the offline copies are timed apart inside the process (wall clock and CPU) and left out of the comparison with bare Material, which makes none. Bare Material: the same Markdown files in one docs folder, Material 9.8.2 + mkdocs-static-i18n, Material's `search` plugin, automatic navigation with `navigation.prune`, no hooks, `mkdocs build`.",
            "Time: wall clock of the whole process (Python start-up, imports, build); the child process's CPU time (user + sys) is far less disturbed by other work on a shared machine, so the growth ratios use it. Peak memory: the child process's `ru_maxrss` (os.wait4). Builds are interleaved (bare Material, AI Xứ Trà without generated pages, AI Xứ Trà) so that load on the shared machine affects them alike; medians are reported.",
            "First view: headless Chromium opens the page from an http server on 127.0.0.1 with an empty cache and waits for the network to be idle; each response body is compressed with gzip level 6 and summed (HTML, CSS, JS, fonts, images, search data and anything else the page loads). Requests to any other host are blocked and counted.",
            "Search: the page's CPU is throttled 4× with DevTools (Emulation.setCPUThrottlingRate); the query is typed as soon as the page has loaded, and timed from the keystroke to the first result with a highlighted match. Throttling does not apply to Web Workers: Material's search runs in one and is measured unthrottled. \"Search data\" is every file with `search` in its path or under `lunr/`.",
            "Offline zip: the `dist/*.zip` the build writes; for bare Material, its site folder zipped (deflate) for reference.",
        ],
        "reproduce": "Reproduce",
        "reproduce_text": "On a machine set up with `python3 scripts/dev.py test` (which installs Chromium):",
        "reproduce_note": "The full results (every build, bytes by kind of file) go to `bench-results/latest.json` (not committed).",
    },
}


def _elsewhere(run: dict, results: dict, lang: str) -> list[str]:
    """A note on a run merged from an earlier benchmark (other date, maybe other code)."""
    origin = run.get("run")
    if not origin or (origin["date"], origin["commit"]) == (results["date"], results["commit"]):
        return []
    text = {"vi": "Đo trong một lần chạy khác: {date}, mã nguồn `{commit}`, lệnh `{command}`, {repeat} lần lặp.",
            "en": "Measured in another run: {date}, source `{commit}`, command `{command}`, {repeat} repeat(s)."}
    return [text[lang].format(**origin), ""]


def _loads(text: str | None, lang: str) -> str:
    """Load averages over 1, 5 and 15 minutes, as recorded."""
    return "—" if not text else "; ".join(num(float(x), 2, lang) for x in text.split())


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {i}" for i in items)


def markdown_page(results: dict, lang: str) -> str:
    s = TEXT[lang]
    m, v = results["machine"], results["versions"]
    load = results.get("load", {})
    head = [
        f"# {s['title']}", "", s["intro"], "", f"## {s['run']}", "",
        _bullets([
            f"{s['date']}: {results['date']}",
            f"{s['machine']}: {m['cpu']}, {m['cores']} {s['cores']}, {m['ram_gb']:.0f} {s['ram']}, {m['os']}",
            f"{s['load']}: {_loads(load.get('start'), lang)} / {_loads(load.get('end'), lang)}",
            f"{s['commit']}: `{results['commit']}`",
            f"{s['versions']}: " + ", ".join(f"{k} {val}" for k, val in v.items()),
            f"{s['command']}: `{results['command']}`",
            f"{s['repeat']}: {results['repeat']}",
        ]), "",
    ]
    load = busy(results)
    if load is not None:
        head += [{"vi": f"!!! warning \"Máy đang bận\"\n\n    Tải trung bình lên tới {num(load, 1, lang)} tiến trình mỗi nhân trong lần đo: thời gian theo đồng hồ và thời gian tìm kiếm trong trình duyệt bị kéo dài, nhất là tìm kiếm của Material (chạy trong Web Worker, tranh CPU với các tiến trình khác). Tỷ lệ thời gian CPU là phép so sánh đáng tin cậy nhất giữa hai bản xây dựng.",
                  "en": f"!!! warning \"Busy machine\"\n\n    The load average reached {num(load, 1, lang)} processes per core during this run: wall-clock times and in-browser search times are inflated, Material's search most of all (it runs in a Web Worker that competes for the CPU). The CPU-time ratios are the most reliable comparison of the two builds."}[lang], ""]
    targets = verdicts(results, lang)
    if targets:
        head += [f"## {s['targets']}", "", _bullets(targets), ""]
    body = []
    for run in sorted(results["runs"], key=lambda r: r["items"]):
        counts = run["counts"]
        n = num(run["items"], 0, lang)
        body += [f"## {s['n'].format(n=n)}", "",
                 s["hub"].format(n=n, guides=counts.get("guides", 0), prompts=counts.get("prompts", 0),
                                 cases=counts.get("use_cases", 0), words=num(run["words"]["vi"] / run["items"], 0, lang),
                                 words_en=num(run["words"]["en"] / run["items"], 0, lang)), "",
                 *_elsewhere(run, results, lang),
                 comparison_table(run, lang), "",
                 *first_view_kinds(run, lang), *engines(run, lang),
                 f"### {s['generated']}", "", s["generated_intro"], "", generated_table(run, lang), ""]
    if len(results["runs"]) > 1:
        body += [f"## {s['linear']}", "", s["linear_intro"], "", linearity_table(results["runs"], lang), ""]
    commands = [results["command"]] + sorted({r["run"]["command"] for r in results["runs"] if "run" in r} - {results["command"]})
    tail = [f"## {s['method']}", "", _bullets(s["method_items"]), "",
            f"## {s['reproduce']}", "", s["reproduce_text"], "", "```sh", *commands, "```", "",
            s["reproduce_note"], ""]
    return "\n".join(head + body + tail)


def terminal(results: dict) -> str:
    out = []
    for run in sorted(results["runs"], key=lambda r: r["items"]):
        out += [f"\n== N = {run['items']:,} items per language ==", comparison_table(run, "en"), "",
                "Generated pages:", generated_table(run, "en")]
    if len(results["runs"]) > 1:
        out += ["\n== Growth with N ==", linearity_table(results["runs"], "en")]
    out += [""] + verdicts(results, "en")
    return "\n".join(out)


def write(results: dict, json_path: Path | None, docs_dir: Path | None) -> list[Path]:
    written = []
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
        written.append(json_path)
    if docs_dir is not None:
        for lang in ("vi", "en"):
            page = docs_dir / f"benchmark.{lang}.md"
            page.write_text(markdown_page(results, lang), encoding="utf-8")
            written.append(page)
    return written
