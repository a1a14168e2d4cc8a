"""Internal links of a built site: every relative href/src names a file, every #fragment exists.

The same site is opened from file:// in the offline copies, where a link to a folder shows a
file listing and a link starting with "/" leaves the copy: both count as broken here. The
404 pages are the exception: a web server shows them at any depth, so MkDocs links them
from the root the site is served at (`mount`).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes whose value is a URL the browser follows or fetches.
URL_ATTRS = {"href", "src", "poster", "data", "action", "formaction", "xlink:href"}
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""")


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (attribute, url)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.page.ids.add(value)
            elif name in URL_ATTRS:
                self.page.links.append((name, value))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        self.page.links.append((name, candidate.split()[0]))

    handle_startendtag = handle_starttag


def parse(path: Path) -> _Page:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector.page


def _external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme) or url.startswith("//")


def broken_links(site: Path, mount: str = "/") -> list[str]:
    """Every internal link of every built HTML and CSS file that does not resolve."""
    site = Path(site)
    pages: dict[str, _Page] = {}

    def page_at(rel: str) -> _Page:
        if rel not in pages:
            pages[rel] = parse(site / rel)
        return pages[rel]

    problems: list[str] = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        for attr, url in page_at(rel).links:
            problem = _check(site, rel, url, page_at, mount if path.name == "404.html" else None)
            if problem:
                problems.append(f'{rel}: {attr}="{url}": {problem}')
    for path in sorted(site.rglob("*.css")):
        rel = path.relative_to(site).as_posix()
        text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
        for groups in CSS_URL.findall(text):
            url = "".join(groups)  # one of the three quoting forms matched
            problem = _check(site, rel, url, None, None)
            if problem:
                problems.append(f"{rel}: url({url}): {problem}")
    return problems


def _check(site: Path, rel: str, url: str, page_at, mount: str | None) -> str | None:
    url = url.strip()
    if not url or _external(url):
        return None  # external: third-party rules are checked elsewhere
    parts = urlsplit(url)
    if parts.path.startswith("/"):
        if mount is None:
            return "absolute path: leaves the site when opened from file://"
        if not parts.path.startswith(mount):
            return f"outside the site's root {mount}"
        # Resolve it as if written relative to a page at the root.
        rel, parts = "404.html", parts._replace(path=parts.path[len(mount):] or "index.html")
    target = rel
    if parts.path:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
        if target.startswith("../") or target == "..":
            return "points outside the site"
        where = site / target
        if where.is_dir():
            return "links to a folder (a file listing from file://), not a page"
        if not where.is_file():
            return "no such file"
    fragment = unquote(parts.fragment)
    if fragment and page_at is not None and target.endswith(".html"):
        if fragment not in page_at(target).ids:
            return f"no element with id {fragment!r} in {target}"
    return None
