"""What a reader's browser pays: bytes of the first page view, time to the first search result.

Headless Chromium (Debian's, driven by Playwright) against the site served over http on
127.0.0.1, every other host blocked and counted. Bytes are each response body compressed
with gzip (level 6), as a web server would send it: the local server itself sends them
uncompressed. CPU throttling uses DevTools' Emulation.setCPUThrottlingRate, which slows
the page's main thread only, never a Web Worker (Chromium refuses it there): a search that
runs in a worker is measured unthrottled, and the results say so.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..chromium import launch, serve  # noqa: F401 (run.py uses them from here)
from .measure import gzip_size

CPU_THROTTLE = 4
DESKTOP = {"width": 1280, "height": 800}
# Queries that find pages of the synthetic hub in each language: (first, later).
QUERIES = {"vi": ("nông nghiệp", "báo cáo tuần"), "en": ("agricultural", "weekly report")}
SEARCH_TIMEOUT_MS = 60_000


KINDS = ("html", "css", "js", "font", "image", "search", "other")


def kind_of(url: str, content_type: str) -> str:
    path = urlsplit(url).path
    if any("search" in part for part in path.split("/")) or "/lunr/" in path:
        return "search"  # indexes, search workers and lunr's language files
    if content_type.startswith("text/html") or path.endswith((".html", "/")):
        return "html"
    if content_type.startswith("text/css") or path.endswith(".css"):
        return "css"
    if "javascript" in content_type or path.endswith(".js"):
        return "js"
    if content_type.startswith("font/") or path.endswith((".woff", ".woff2", ".ttf")):
        return "font"
    if content_type.startswith("image/"):
        return "image"
    return "other"


class _Traffic:
    """Every response of a browser context, with the hosts it was not allowed to reach."""

    def __init__(self, context, base_url: str):
        self.responses = []
        self.blocked: list[str] = []

        def block(route):
            self.blocked.append(route.request.url)
            route.abort()

        # Only requests that leave the site are intercepted: routing the site's own files
        # through Playwright would add its delay to each of them.
        context.route(re.compile(r"^(?!" + re.escape(base_url) + ")"), block)
        context.on("response", lambda response: self.responses.append(response))

    def summary(self, upto: int | None = None) -> dict:
        """gzip bytes by kind of the first `upto` responses (all by default)."""
        by_kind = dict.fromkeys(KINDS, 0)
        files = []
        for response in self.responses[:upto]:
            try:
                body = response.body()
            except Exception:  # a redirect or an aborted request has no body
                continue
            kind = kind_of(response.url, response.headers.get("content-type", ""))
            size = gzip_size(body)
            by_kind[kind] += size
            files.append({"url": urlsplit(response.url).path, "status": response.status, "kind": kind, "gzip_bytes": size})
        return {"gzip_bytes": sum(by_kind.values()), "by_kind": by_kind, "requests": len(files),
                "third_party_requests": len(self.blocked), "files": files}


def first_view(browser, base_url: str, path: str) -> dict:
    """Everything a first visit to a page downloads (empty cache) until the network is idle."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        traffic = _Traffic(context, base_url)
        page = context.new_page()
        page.goto(base_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        return traffic.summary()
    finally:
        context.close()


# Resolves with the time (ms since navigation) a selector first matches, or null on timeout.
# Kept on window: Playwright would wait for a promise that evaluate() returned.
_WAIT_FOR = """([selector, timeout]) => { window.__benchShown = new Promise(resolve => {
  const found = () => document.querySelector(selector);
  if (found()) return resolve(performance.now());
  const observer = new MutationObserver(() => {
    if (found()) { observer.disconnect(); resolve(performance.now()); }
  });
  observer.observe(document.documentElement, {childList: true, subtree: true});
  setTimeout(() => { observer.disconnect(); resolve(null); }, timeout);
}); }"""


def _timed_query(page, box, query: str, selector: str) -> tuple[float, float]:
    """(ms from the keystroke to the selector matching, ms since navigation when it did)."""
    page.evaluate(_WAIT_FOR, [selector, SEARCH_TIMEOUT_MS])
    typed = page.evaluate("performance.now()")
    box.fill(query)
    page.keyboard.press("End")
    shown = page.evaluate("window.__benchShown")
    if shown is None:
        raise TimeoutError(f"no search result for {query!r} within {SEARCH_TIMEOUT_MS} ms")
    return shown - typed, shown


def page_search(browser, base_url: str, path: str, lang: str, box_selector: str, result_selector: str) -> dict:
    """Time to the first result in a page's search box, once the page has settled.

    The query is filled in whole and a key pressed (Material searches on keyup); the first
    result counts when the result selector matches. The later query is typed once the
    first has been answered and the box cleared.
    """
    first_q, later_q = QUERIES[lang]
    context = browser.new_context(viewport=DESKTOP)
    try:
        traffic = _Traffic(context, base_url)
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_THROTTLE})
        page.goto(base_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        box = page.locator(box_selector)
        if box.count() == 0:
            return {"available": False}
        before_focus = traffic.summary()["by_kind"]["search"]
        box.click()
        first_ms, _ = _timed_query(page, box, first_q, result_selector)
        data = traffic.summary()
        box.fill("")
        page.keyboard.press("End")
        page.wait_for_function("(s) => !document.querySelector(s)", arg=result_selector, timeout=SEARCH_TIMEOUT_MS)
        later_ms, _ = _timed_query(page, box, later_q, result_selector)
        return {
            "available": True,
            "queries": [first_q, later_q],
            "first_result_ms": round(first_ms),
            "later_query_ms": round(later_ms),
            "search_bytes_before_focus": before_focus,
            "search_bytes_before_first_result": data["by_kind"]["search"],
            "cpu_throttle": CPU_THROTTLE,
        }
    finally:
        context.close()
