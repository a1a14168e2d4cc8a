"""No contributed Markdown or front matter can put script into the site.

A corpus of attacks is built into a real site through the real build (MkDocs, the hub's
hooks, the sanitiser, the generated pages), with only the validator switched off: the
validator refuses most of these files, and the build must not depend on it. The output is
read with an HTML parser: nothing executable survives, and every front matter value shows
as the text it was, wherever it is rendered. The real site is scanned the same way, and the
Content-Security-Policy of the pages is checked in Chromium, online and from file://.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

import aixutra.site.hooks as site_hooks
from aixutra.build import build_site
from aixutra.model import Hub

from .hubs import make_hub
from .sitescan import executable_content, third_party_loads


def value(n: int) -> str:
    """A front matter value that is markup, template code, Markdown and quotes at once.

    AXT<n>Z marks where it is rendered; the checks then want the whole value there, as text.
    """
    return (f'AXT{n}Z <script>alert("x{n}")</script><img src=# onerror=alert({n})> "dq" \'sq\' '
            f'{{{{ 7*7 }}}} {{% if 1 %}}jinja{{% endif %}} **đậm** [liên kết](javascript:alert({n})) '
            f'&lt;b&gt; &amp; `mã` </title></textarea></pre></script><!-- -->')


# Markdown bodies: raw HTML, Markdown-level tricks and Markdown extensions' syntax.
BODY = """
Mở đầu.

<script>alert("body-script")</script>
<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>
<img src="#" onerror="alert('img')">
<p onclick="alert('p')" onmouseover="alert('p2')">đoạn</p>
<a href="javascript:alert('a')">a</a>
<a href=" JaVaScRiPt:alert('spaces')">b</a>
<a href="java&#x09;script:alert('tab')">c</a>
<a href="&#106;avascript:alert('entity')">d</a>
<a href="vbscript:msgbox('vb')">e</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">f</a>
<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+">
<svg onload="alert('svg')"><script>alert('svg-script')</script><a xlink:href="javascript:alert('x')"><text>t</text></a></svg>
<math><mtext><script>alert('math')</script></mtext></math>
<iframe src="https://evil.example/"></iframe>
<iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>
<object data="https://evil.example/x.swf"></object>
<embed src="https://evil.example/x.swf">
<form action="javascript:alert('form')"><button formaction="javascript:alert('btn')">nút</button></form>
<meta http-equiv="refresh" content="0;url=javascript:alert('meta')">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/x.css">
<style>body{background:url("https://evil.example/bg.png")}</style>
<div style="background:url(javascript:alert('style'))">s</div>
<details open ontoggle="alert('details')"><summary>x</summary>y</details>
<input autofocus onfocus="alert('input')">
<noscript><p title="</noscript><img src=# onerror=alert('noscript')>"></p></noscript>
<!-- --><script>alert("comment-1")</script><!-- -->
<!--> <script>alert("comment-2")</script> -->
<!--[if IE]><script>alert("conditional")</script><![endif]-->
<div id="__config">giả cấu hình</div>

[liên kết markdown](javascript:alert('md'))
[hoa thường](JAVASCRIPT:alert('md2'))
[dữ liệu](data:text/html,<script>alert('md-data')</script>)
![ảnh](data:image/svg+xml,<svg onload=alert('md-img')>)
![ảnh ngoài](https://evil.example/track.png)
![ảnh ngoài 2](//evil.example/track2.png)
<javascript:alert('autolink')>
[tham chiếu][ref]

[ref]: javascript:alert('ref')

## Tiêu đề có thuộc tính {: onclick="alert('attr-list')" }

## Tiêu đề &lt;script&gt;alert('heading')&lt;/script&gt; &lt;img src=# onerror=alert('h2')&gt; <img src="#" onerror="alert('h3')">

## Nhãn mục lục {: data-toc-label="<img src=# onerror=alert('toc-label')>" }

Đoạn có thuộc tính.
{: onmouseover="alert('attr-list-2')" style="background:url(javascript:alert(1))" }

[liên kết thuộc tính](https://example.org/){: onclick="alert('attr-list-3')" }

!!! note "<script>alert('admonition')</script><img src=# onerror=alert('adm')>"
    Nội dung ghi chú.

??? note "<img src=# onerror=alert('details-title')>"
    Nội dung.

```html
</code></pre><script>alert("code")</script>
```

`</code><script>alert("inline-code")</script>`
"""

BODY_EN = BODY.replace("Mở đầu.", "Introduction.")


def _item(meta: dict, body: str = BODY) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


COMMON = dict(sectors=["noi-vu"], audiences=["can-bo"], level="co-ban", unit="ban-bien-tap",
              published="2026-10-01", updated="2026-10-02", license="CC-BY-4.0")


def corpus() -> dict[str, str]:
    """Attack files by path: every item type in both languages, and a hand-written docs page."""
    return {
        "guides/tan-cong.vi.md": _item(dict(
            title=value(1), summary=value(2), **COMMON, tags=[value(3)], authors=[{"role": value(4), "name": value(5)}],
            ai_tools=["chatgpt"], related=["prompts/tan-cong", "use_cases/tan-cong"],
            # Meta keys Material itself reads, straight into its templates.
            description=value(6), author=value(7))),
        "guides/tan-cong.en.md": _item(dict(
            translation_of="00000000", title=value(11), summary=value(12), tags=[value(13)],
            authors=[{"role": value(14)}], description=value(16)), BODY_EN),
        # A page that asks for Material's redirect template, whose script takes the address
        # from front matter.
        "guides/chuyen-huong.vi.md": _item(dict(
            title="Chuyển hướng", summary="Trang thử chuyển hướng.", **COMMON,
            tags=[], authors=[{"role": "Biên tập viên"}],
            template="redirect.html", location="javascript:alert('redirect')")),
        "prompts/tan-cong.vi.md": _item(dict(
            title=value(21), summary=value(22), **COMMON, tags=[], authors=[{"role": "Biên tập viên"}],
            ai_tools=["chatgpt"],
            prompts=[
                {"id": "mot", "task": value(23), "text": value(24) + "\nDòng hai {{noi_dung}}\n" + value(25),
                 "variables": [{"name": "noi_dung", "label": {"vi": value(26), "en": value(27)}, "example": value(28)}],
                 "data_safety": "an-danh-truoc", "tested_with": [{"tool": "chatgpt", "date": "2026-10"}],
                 "example_output": value(29)},
                {"id": "hai", "task": "Không biến", "text": value(30),
                 "data_safety": "cong-khai", "tested_with": [{"tool": "chatgpt", "date": "2026-10"}]},
            ])),
        "prompts/tan-cong.en.md": _item(dict(
            translation_of="00000000", title=value(31), summary=value(32),
            prompts=[{"id": "mot", "task": value(33), "text": value(34) + "\nLine two {{noi_dung}}", "example_output": value(35)}]),
            BODY_EN),
        "use_cases/tan-cong.vi.md": _item(dict(
            title=value(41), summary=value(42), **{**COMMON, "unit": "vi-du-tan-cong"}, tags=[value(43)],
            authors=[{"role": "Cán bộ"}], illustrative=False, stage="thi-diem", ai_tools=["chatgpt"],
            results=[{"metric": value(44), "before": 240, "after": 90, "unit": value(45), "period": value(46), "evidence": value(47)}],
            time_saved={"minutes": 150, "per": value(48)}, cost={"vnd_per_month": 0, "note": value(49)},
            prerequisites=[value(50)],
            sources=[{"title": value(51), "url": "javascript:alert('source')"},
                     {"title": "Nguồn dữ liệu", "url": "data:text/html,<script>alert('source2')</script>"}]),
            BODY + "\n## Vấn đề\n\nx\n\n## Cách làm\n\nx\n\n## Cách dùng AI\n\nx\n\n## Kết quả\n\nx\n\n"
                   "## Khó khăn\n\nx\n\n## Cách nhân rộng\n\n1. <script>alert('step')</script> Bước một\n"
                   "2. [bước](javascript:alert('step2'))\n"),
        "use_cases/tan-cong.en.md": _item(dict(
            translation_of="00000000", title=value(61), summary=value(62),
            results=[{"metric": value(63), "unit": value(64), "period": value(65), "evidence": value(66)}],
            time_saved={"per": value(67)}, cost={"note": value(68)}, prerequisites=[value(69)]),
            BODY_EN),
        "docs/tan-cong.vi.md": _item(dict(title=value(71), description=value(72)), BODY),
    }


# A contributing unit whose name is an attack too (data/units.yml is contributed as well).
UNIT = ("\n- id: vi-du-tan-cong\n  kind: xa\n  illustrative: true\n  sector: chinh-quyen-xa\n"
        f"  name: {{vi: {yaml.safe_dump(value(81)).strip()!s}, en: {yaml.safe_dump(value(82)).strip()!s}}}\n")


@pytest.fixture(scope="module")
def attack_site(tmp_path_factory) -> Path:
    hub = make_hub(tmp_path_factory.mktemp("attacks") / "hub", corpus())
    units = hub / "data" / "units.yml"
    units.write_text(units.read_text(encoding="utf-8") + UNIT, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        # The validator would refuse this content: switch it off, keep the rest of the build.
        patch.setattr(site_hooks, "check", lambda root: (Hub.load(root), []))
        result = build_site(hub, hub / "site")
    assert result.ok, "\n".join(result.messages)
    return hub / "site"


def test_attack_pages_were_built(attack_site):
    # The checks below mean something only if the attacks reached the site.
    for rel in ("guides/tan-cong.html", "en/guides/tan-cong.html", "prompts/tan-cong.html",
                "en/prompts/tan-cong.html", "use_cases/tan-cong.html", "en/use_cases/tan-cong.html",
                "tan-cong.html"):
        text = (attack_site / rel).read_text(encoding="utf-8")
        assert "AXT" in text and "Nội dung ghi chú" in text, rel


def test_nothing_executable_survives(attack_site):
    problems = executable_content(attack_site)
    assert not problems, "\n".join(problems)


def test_attacks_load_nothing_from_other_hosts(attack_site):
    loads = third_party_loads(attack_site)
    assert not loads, "\n".join(loads)


class _Texts(HTMLParser):
    """Text nodes and attribute values, as a browser decodes them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.texts += [value or "" for _, value in attrs]

    def handle_data(self, data):
        self.texts.append(data)


MARK = re.compile(r"AXT(\d+)Z")


def _normal(text: str) -> str:
    return " ".join(text.split())


def test_every_front_matter_value_is_shown_as_text(attack_site):
    """Where a value is rendered, all of it is there as text: no part became markup or code."""
    broken, seen = [], set()
    for path in sorted(attack_site.rglob("*.html")):
        parser = _Texts()
        parser.feed(path.read_text(encoding="utf-8"))
        for text in parser.texts:
            for n in {int(m) for m in MARK.findall(text)}:
                seen.add(n)
                if _normal(value(n)) not in _normal(text):
                    broken.append(f"{path.relative_to(attack_site)}: value {n} rendered as {text[:160]!r}")
    assert not broken, "\n".join(broken)
    # The values a reader sees on the item pages were found at all.
    assert {1, 2, 21, 22, 23, 24, 29, 41, 44, 45, 46, 48, 49, 50, 81}.issubset(seen), sorted(seen)


# The real site.

def test_real_site_runs_only_the_hubs_own_scripts(real_site):
    problems = executable_content(real_site)
    assert not problems, "\n".join(problems)


def test_real_site_loads_nothing_from_other_hosts(real_site):
    loads = third_party_loads(real_site)
    assert not loads, "\n".join(loads)


CSP_META = re.compile(r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_every_page_states_its_policy_before_anything_runs(real_site):
    missing = []
    for path in sorted(real_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        match = CSP_META.search(text)
        if match is None or "<script" in text[: match.start()]:
            missing.append(path.relative_to(real_site).as_posix())
            continue
        policy = dict(part.strip().split(" ", 1) for part in match.group(1).split(";"))
        assert policy["default-src"] == "'none'" and policy["object-src"] == "'none'"
        assert policy["base-uri"] == "'none'" and policy["form-action"] == "'none'"
        # No blanket exception: inline code runs only by its hash.
        assert "unsafe-inline" not in match.group(1) and "unsafe-eval" not in match.group(1)
        assert policy["script-src"].split()[0] == "'self'" and "*" not in policy["script-src"]
    assert missing == []


def _visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    # Material's bundle ran (its keyboard handling and copy buttons come from it).
    page.wait_for_function("() => typeof window.document$ === 'object'")


@pytest.mark.parametrize("where", ["online", "offline"])
def test_policy_lets_every_key_page_work(real_site, browser, where):
    from .e2e import key_pages, offline, online

    opened = online(browser, real_site) if where == "online" else offline(browser, real_site)
    with opened as (base, context, watch):
        page = context.new_page()
        for lang in ("vi", "en"):
            for kind, rel in key_pages(real_site, lang).items():
                if kind == "404" and where == "offline":
                    continue  # shown by a web server only; its links start at the server's root
                _visit(page, base + rel)
        # Pages whose markup carries style attributes (allowed by their hashes only).
        styled = [path.relative_to(real_site).as_posix() for path in sorted(real_site.rglob("*.html"))
                  if "'unsafe-hashes'" in path.read_text(encoding="utf-8")]
        assert styled
        for rel in styled[:3]:
            _visit(page, base + rel)
        # Search loads its scripts and index on first use: under the same policy.
        page.goto(base + "index.html")
        page.locator("#axt-search-q").click()
        page.keyboard.type("an toan")
        page.wait_for_selector("#axt-search-results a")
        assert watch.problems == []


def test_policy_stops_a_script_that_got_into_a_page(real_site, browser, tmp_path):
    """The policy is what protects: a script added to a built page does not run, online or offline."""
    import shutil

    from .e2e import offline, online

    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    page_file = site / "guides" / "index.html"
    text = page_file.read_text(encoding="utf-8")
    page_file.write_text(text.replace("</article>", "<script>window.axtInjected = 1</script></article>", 1),
                         encoding="utf-8")
    for opened in (online, offline):
        with opened(browser, site) as (base, context, watch):
            page = context.new_page()
            _visit(page, base + "guides/index.html")
            assert page.evaluate("() => window.axtInjected") is None
            assert any(p.startswith("csp: script-src") for p in watch.problems), watch.problems


def test_offline_copy_runs_only_the_hubs_own_scripts(offline_copy):
    problems = executable_content(offline_copy) + third_party_loads(offline_copy)
    assert not problems, "\n".join(problems)


def test_attacks_do_not_run_in_the_browser(attack_site, browser):
    """With the policy switched off, so that only the escaping protects: open the attack pages,
    search for the attack values, fill a prompt's form with markup; no script runs."""
    from .e2e import online

    with online(browser, attack_site, viewport={"width": 1280, "height": 800}, bypass_csp=True) as \
            (base, context, watch):
        ran = []
        context.on("dialog", lambda dialog: (ran.append(dialog.message), dialog.dismiss()))
        page = context.new_page()
        for rel in ("guides/tan-cong.html", "prompts/tan-cong.html", "use_cases/tan-cong.html",
                    "en/prompts/tan-cong.html", "units/vi-du-tan-cong.html", "catalogue.html", "tan-cong.html"):
            page.goto(base + rel)
            page.wait_for_load_state("load")
        # Search shows contributed titles and summaries in its results.
        for query in ("AXT1Z", "AXT41Z", "jinja"):
            page.locator("#axt-search-q").fill("")
            page.locator("#axt-search-q").click()
            page.keyboard.type(query)
            page.wait_for_selector("#axt-search-results a")
            assert page.locator("#axt-search-results img, #axt-search-results script").count() == 0
        # The variable form writes what is typed into the prompt.
        page.goto(base + "prompts/tan-cong.html")
        page.wait_for_load_state("load")
        field = page.locator(".axt-prompt__form input, .axt-prompt__form textarea").first
        field.fill('<img src=# onerror=alert("form")><script>alert("form2")</script>')
        assert page.locator(".axt-prompt__text img, .axt-prompt__text script").count() == 0
        # The catalogue filters read contributed text too.
        page.goto(base + "catalogue.html")
        page.locator('.axt-filters [name="words"]').fill("axt41z")
        page.wait_for_timeout(300)
        assert ran == [], ran
