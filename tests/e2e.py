"""Helpers of the browser tests: the key pages of a built site, and a watch on what goes wrong.

The watch collects, for every page of a browser context, Content-Security-Policy violations,
uncaught script errors, console errors, failed requests and HTTP errors, so that each test
can end with `assert watch.problems == []` whatever it clicked through.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from .browser import QuietHandler, block_network, serve

SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
PHONE = {"width": 360, "height": 740}  # a cheap Android phone
DESKTOP = {"width": 1280, "height": 800}

# Every failed request is a problem (the pages no longer make Material fetch sitemap.xml:
# aixutra/site/alternates.py); the recorder also lists every URL asked for.

_REPORT = """
document.addEventListener("securitypolicyviolation", (e) => window.axtReport("csp",
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
"""


def key_pages(site: Path, lang: str) -> dict[str, str]:
    """One page of each kind, in one language (site-relative paths)."""
    prefix = "" if lang == "vi" else "en/"

    def first(folder: str) -> str:
        pages = sorted(p for p in (site / prefix / folder).glob("*.html") if p.name != "index.html")
        assert pages, f"no page in {prefix}{folder}/"
        return pages[0].relative_to(site).as_posix()

    return {
        "home": prefix + "index.html",
        "collection": prefix + "guides/index.html",
        "guide": first("guides"),
        "prompts": first("prompts"),
        "case": first("use_cases"),
        "sector": first("sectors"),
        "catalogue": prefix + "catalogue.html",
        "404": prefix + "404.html",
    }


class Watch:
    def __init__(self, context, expected_status: tuple[int, ...] = ()):
        self.problems: list[str] = []
        self.requested: list[str] = []  # every URL asked for, in order
        self.expected_status = expected_status
        context.on("request", lambda request: self.requested.append(request.url))
        context.expose_function("axtReport", lambda kind, text: self.problems.append(f"{kind}: {text}"))
        context.add_init_script(_REPORT)
        context.on("page", self._attach)

    def _attach(self, page):
        page.on("pageerror", lambda error: self.problems.append(f"script error on {page.url}: {error}"))
        page.on("console", self._console)
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _console(self, message):
        status = re.search(r"status of (\d+)", message.text)
        if status and int(status.group(1)) in self.expected_status:
            return  # the browser's note about a response the test asked for
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location.get('url')})")

    def _failed(self, request):
        # ERR_ABORTED: the next navigation cancelled a load (the favicon, typically).
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response):
        if response.status >= 400 and response.status not in self.expected_status:
            self.problems.append(f"HTTP {response.status}: {response.url}")


class _WithNotFound(QuietHandler):
    """Answers a missing page with the site's 404 page of that language, as a host configured
    for the hub would (a web server's error_page, per language folder)."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        lang = "en/" if self.path.startswith("/en/") else ""
        body = (Path(self.directory) / lang / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def online(browser, site: Path, expected_status: tuple[int, ...] = (), **context_options):
    """A context on the site served at 127.0.0.1, every other host blocked: (base, context, watch)."""
    with serve(site, _WithNotFound) as base:
        context = browser.new_context(**context_options)
        watch = Watch(context, expected_status)
        blocked = block_network(context, (base,))
        try:
            yield base, context, watch
        finally:
            context.close()
        assert blocked == [], blocked


@contextlib.contextmanager
def offline(browser, site: Path, **context_options):
    """A context on the site opened from file://, with no network at all: (base, context, watch)."""
    context = browser.new_context(**context_options)
    watch = Watch(context)
    blocked = block_network(context, ("file://",))
    try:
        yield site.resolve().as_uri() + "/", context, watch
    finally:
        context.close()
    assert blocked == [], blocked


def screenshot(page, name: str) -> list[Path]:
    """The first screen, as a reader opening the page sees it, and the whole page.

    (Material fades its tabs out while the browser stretches the window for the whole page.)
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    first, whole = SCREENSHOTS / f"{name}.png", SCREENSHOTS / f"{name}-full.png"
    page.screenshot(path=str(first))
    page.screenshot(path=str(whole), full_page=True)
    return [first, whole]
