"""No broken internal link: the checker itself, and the real site.

Every site a test builds is checked too, before it replaces the previous one (conftest.py,
links_checked_after_every_build).
"""

from __future__ import annotations

from pathlib import Path

from .linkcheck import broken_links


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_checker_finds_each_kind_of_broken_link(tmp_path):
    site = _write(tmp_path, {
        "index.html": '<h1 id="dau">x</h1><a href="#dau">ok</a><a href="#cuoi">no anchor</a>'
                      '<a href="guides/a.html#muc-1">ok</a><a href="guides/a.html#muc-2">no anchor</a>'
                      '<a href="guides/b.html">no file</a><a href="guides/">folder</a>'
                      '<a href="/guides/a.html">rooted</a><a href="../x.html">outside</a>'
                      '<img src="anh%20mot.png"><img src="anh-hai.png">'
                      '<a href="https://example.org/">external</a><a href="mailto:a@b.vn">mail</a>',
        "guides/a.html": '<h2 id="muc-1">x</h2><a href="../index.html#dau">ok</a>'
                         '<a href="../index.html?q=1">ok with query</a>',
        "anh mot.png": "",
        "assets/x.css": 'a{background:url("../anh%20mot.png")} b{background:url(../mat.png)} '
                        'c{mask:url("data:image/svg+xml;x")}',
        "404.html": '<a href="/guides/a.html">ok from the root</a><a href="/guides/z.html">no file</a>',
    })
    problems = broken_links(site)
    expected = [
        "404.html: href=\"/guides/z.html\": no such file",
        "index.html: href=\"#cuoi\": no element with id 'cuoi' in index.html",
        "index.html: href=\"guides/a.html#muc-2\": no element with id 'muc-2' in guides/a.html",
        "index.html: href=\"guides/b.html\": no such file",
        "index.html: href=\"guides/\": links to a folder (a file listing from file://), not a page",
        "index.html: href=\"/guides/a.html\": absolute path: leaves the site when opened from file://",
        "index.html: href=\"../x.html\": points outside the site",
        "index.html: src=\"anh-hai.png\": no such file",
        "assets/x.css: url(../mat.png): no such file",
    ]
    assert sorted(problems) == sorted(expected)


def test_404_pages_are_checked_against_the_root_they_are_served_at(tmp_path):
    site = _write(tmp_path, {"index.html": "", "404.html": '<a href="/hub/index.html">x</a><a href="/index.html">y</a>'})
    assert broken_links(site, mount="/hub/") == ['404.html: href="/index.html": outside the site\'s root /hub/']


def test_real_site_has_no_broken_internal_link(real_site):
    assert broken_links(real_site) == []


def test_offline_copy_has_no_broken_internal_link(offline_copy):
    assert broken_links(offline_copy) == []
