"""A Content-Security-Policy for every page: only the theme's own scripts may run.

The policy goes into a <meta> tag, so the same protection holds online, from file:// in
the offline copies and in Kiwix. Inline scripts and <style> blocks are allowed by their
SHA-256 hash, and only when their text is one written in a theme template (Material's
partials/javascripts/ and the hub's overrides/): a script that reached a page any other
way (contributed content, a front matter value) is not hashed, so the browser refuses it.
Style attributes are allowed by hash ('unsafe-hashes') for the exact values the page was
built with; nothing added later in the browser gets through.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path


INLINE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
STYLE_ATTR = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
COMMENT = re.compile(r"\{#.*?#\}", re.S)
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# What a Jinja expression inside a theme script may stand for: a relative or absolute URL
# such as base_url. No quote, bracket or operator, so it can never end a string literal.
FILLER = r"[\w./:~%-]*"
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)
# Material's templates that write inline scripts the hub uses (not redirect.html, whose
# script takes its target from front matter, nor the analytics integrations).
THEME_PARTS = ("partials/javascripts",)


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _executable(kind: str, attrs: str) -> bool:
    """Inline blocks the policy governs (a JSON <script> such as Material's config is data)."""
    if kind.lower() == "style":
        return True
    match = re.search(r"""\btype\s*=\s*["']?([^"'\s>]+)""", attrs, re.I)
    return match is None or match.group(1).lower() in ("text/javascript", "module", "application/javascript")


class Known:
    """Inline script and style texts written in the theme's templates, as patterns."""

    def __init__(self, custom_dir: Path | None, theme_dirs: list[Path]):
        sources: list[Path] = []
        if custom_dir is not None and custom_dir.is_dir():
            sources += sorted(p for p in custom_dir.rglob("*.html") if ".icons" not in p.parts)
        for folder in theme_dirs:
            for part in THEME_PARTS:
                if (folder / part).is_dir():
                    sources += sorted((folder / part).glob("*.html"))
        patterns: set[str] = set()
        for source in sources:
            text = COMMENT.sub("", source.read_text(encoding="utf-8"))  # comments may name <script>
            for kind, attrs, body in INLINE.findall(text):
                if _executable(kind, attrs) and "src=" not in attrs.lower():
                    patterns.add(FILLER.join(re.escape(piece) for piece in JINJA.split(body)))
        self.pattern = re.compile("|".join(f"(?:{p})" for p in sorted(patterns)) or r"(?!)", re.S)

    def __contains__(self, text: str) -> bool:
        return self.pattern.fullmatch(text) is not None


def policy(html: str, known: Known) -> str:
    """The strictest policy this page works under."""
    scripts, styles = set(), set()
    for kind, attrs, body in INLINE.findall(html):
        if _executable(kind, attrs) and "src=" not in attrs.lower() and body in known:
            (scripts if kind.lower() == "script" else styles).add(sha256(body))
    attributes = {sha256(a or b) for a, b in STYLE_ATTR.findall(html)}
    return "; ".join((
        "default-src 'none'",
        " ".join(["script-src 'self'", *sorted(scripts)]),
        " ".join(["style-src 'self'", *sorted(styles)]),
        # Style attributes (table column alignment): their exact values only.
        " ".join(["style-src-attr", *(["'unsafe-hashes'", *sorted(attributes)] if attributes else ["'none'"])]),
        "img-src 'self' data:",  # Material draws its icons from data: SVG in its CSS
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "media-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ))


def add_policy(html: str, known: Known) -> str:
    """The page with its policy in a <meta> right after the charset, before any script."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, known)}">'  # no " or < in it
    match = CHARSET.search(html)
    if match is None:
        return html
    return html[: match.end()] + "\n" + tag + html[match.end():]
