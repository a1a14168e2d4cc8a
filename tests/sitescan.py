"""Scans of a built site's files: requests to other hosts, and anything that could run script.

Both read every built file, so they hold for generated pages, item pages, the 404 pages and
whatever the offline copies contain, not only for the pages a test happens to open.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from material import templates as material_templates

from aixutra.csp import Known

from .hubs import ROOT

RESOURCE = re.compile(r"""(?:src|href|srcset|poster|data)\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]+)""", re.I)
CSS_URL = re.compile(r"""url\(\s*["']?((?:https?:)?//[^"')\s]+)""", re.I)
IMPORT = re.compile(r"""(?:import\s*\(|importScripts\s*\(|fetch\s*\()\s*["']((?:https?:)?//[^"']+)""")


def third_party_loads(site: Path) -> list[str]:
    """Every reference in the built files that would make the browser fetch from elsewhere.

    Plain links (<a href>) are navigation the reader chooses, not requests the page makes.
    """
    found = []
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".css", ".js", ".json", ".xml", ".svg", ".webmanifest"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        text = re.sub(r"<a\s[^>]*>", "", text) if path.suffix == ".html" else text
        text = re.sub(r'<link rel="(?:canonical|alternate)"[^>]*>', "", text)
        for pattern in (RESOURCE, CSS_URL, IMPORT):
            for url in pattern.findall(text):
                if "www.w3.org" not in url:
                    found.append(f"{path.relative_to(site)}: {url}")
    return found


# Elements that embed or redirect to other documents or plugins: never in a hub page.
FORBIDDEN = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
             "srcset", "ping", "cite", "codebase", "manifest", "lowsrc", "dynsrc"}
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# Where the hub's own script files live in a built site: the theme's and the search's.
SCRIPT_HOMES = ("assets/", "search/")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def known_inline() -> Known:
    """Inline scripts and styles written in the theme templates (the same rule as the CSP)."""
    return Known(ROOT / "overrides", [Path(material_templates.__file__).parent])


def _scheme(value: str) -> str:
    """The scheme a browser would see: it drops whitespace and control characters first."""
    cleaned = _CONTROL.sub("", unquote(value)).lower()
    return cleaned.split(":", 1)[0] if ":" in cleaned else ""


class _Scan(HTMLParser):
    def __init__(self, rel: str, known: Known):
        super().__init__(convert_charrefs=True)
        self.rel, self.known = rel, known
        self.problems: list[str] = []
        self._inline: tuple[str, dict] | None = None  # (tag, attrs) of an open <script>/<style>
        self._text: list[str] = []

    def _report(self, what: str):
        self.problems.append(f"{self.rel}: {what}")

    def handle_starttag(self, tag, attrs):
        attrs_d = {name: value or "" for name, value in attrs}
        if tag in FORBIDDEN:
            self._report(f"<{tag}> element")
        if tag == "meta" and attrs_d.get("http-equiv", "").lower() == "refresh":
            self._report("<meta http-equiv=refresh>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._report(f"event handler attribute {name}={value!r} on <{tag}>")
            scheme = _scheme(value)
            if scheme in ("javascript", "vbscript"):
                self._report(f"{scheme}: URL in {name} of <{tag}>: {value!r}")
            elif scheme == "data" and name in URL_ATTRS:
                self._report(f"data: URL in {name} of <{tag}>: {value[:60]!r}")
            if name == "style" and re.search(r"url\s*\(|expression\s*\(|javascript:", value, re.I):
                self._report(f"style attribute loading or running something on <{tag}>: {value!r}")
        if tag == "script" and "src" in attrs_d:
            self._script_file(attrs_d["src"])
        elif tag in ("script", "style"):
            self._inline, self._text = (tag, attrs_d), []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self._inline is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._inline is None or tag != self._inline[0]:
            return
        kind, attrs = self._inline
        self._inline = None
        body = "".join(self._text)
        if kind == "script" and attrs.get("type", "").lower() not in SCRIPT_TYPES:
            if attrs.get("type", "").lower() != "application/json":
                self._report(f"<script type={attrs.get('type')!r}>")
            return  # data (Material's JSON configuration), not run
        if body not in self.known:
            self._report(f"inline <{kind}> that is not one of the theme's: {body[:80]!r}")

    def _script_file(self, src: str):
        parts = urlsplit(src)
        # 404 pages are linked from the root the site is served at (see tests/linkcheck.py).
        rooted = posixpath.basename(self.rel) == "404.html" and src.startswith("/") and not src.startswith("//")
        if parts.scheme or (src.startswith("/") and not rooted):
            self._report(f"script from outside the site: {src!r}")
            return
        base = "" if rooted else posixpath.dirname(self.rel)
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
        if not target.startswith(SCRIPT_HOMES):
            self._report(f"script that is not one of the hub's own files: {src!r}")


def executable_content(site: Path, known: Known | None = None) -> list[str]:
    """Everything in the built HTML that could run script or pull in another document."""
    known = known or known_inline()
    problems: list[str] = []
    for path in sorted(Path(site).rglob("*.html")):
        scan = _Scan(path.relative_to(site).as_posix(), known)
        scan.feed(path.read_text(encoding="utf-8"))
        scan.close()
        problems += scan.problems
    for path in sorted(Path(site).rglob("*.svg")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if re.search(r"<script|\son\w+\s*=|javascript:", text, re.I):
            problems.append(f"{path.relative_to(site).as_posix()}: script in an SVG file")
    return problems
