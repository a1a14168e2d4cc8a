"""How fast a site's search answers a reader, and what it downloads first.

Opens a page of a built site in headless Chromium, with the page's CPU slowed by DevTools
(Emulation.setCPUThrottlingRate), over http on 127.0.0.1 or from file:// with every
other request blocked. It types the first query into the search box as it gets focus,
then the later ones, and reports:

- first_result_ms: from the first query's input event to its first result on screen
  (everything the search loads on focus is part of it);
- later_query_ms: the same for each later query, the search being loaded (null: no
  result, as stock Material gives for Vietnamese typed without marks);
- search_bytes_before_first_result: the search files read until then, each counted as
  its gzip size (level 6, as a web server sends it; the local server does not compress);
- search_requests_before_focus: search files read before the box was focused.

Chromium does not slow Web Workers (throttling "is only supported for pages"): a search
that runs in a worker, like Material's online, is measured unthrottled; `engine` says so.

    python -m aixutra.search.measure SITE_DIR [--lang en] [--file] [--material] QUERY...
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

CPU_THROTTLE = 4
GZIP_LEVEL = 6
TIMEOUT_MS = 60_000  # the first query: the search loads (Material builds its index)
LATER_TIMEOUT_MS = 15_000  # a later query with no result by then counts as none (null)
VIEWPORT = {"width": 1280, "height": 800}


@dataclass(frozen=True)
class SearchUI:
    name: str
    box: str  # the search input
    result: str  # matches once a result is on screen
    engine: str


OURS = SearchUI("AI Xứ Trà", "#axt-search-q", ".axt-search__item",
                "lunr on the page (CPU throttled)")
MATERIAL = SearchUI("Material", "input.md-search__input", ".md-search-result__item",
                    "lunr in a Web Worker (not CPU throttled), or on the page from file://")

# {done: a promise of [input event time, result time] (performance.now), or null on
# timeout}: wrapped, since evaluate_handle would wait for a bare promise.
_WAIT = """([box, result, timeout]) => ({done: new Promise(resolve => {
  let typed = null;
  // On the document, capturing: before the search's own listener can show results.
  const onInput = event => { if (typed === null && event.target.matches(box)) typed = event.timeStamp; };
  const check = () => { if (typed !== null && document.querySelector(result)) done([typed, performance.now()]); };
  const observer = new MutationObserver(check);
  const done = value => { observer.disconnect(); document.removeEventListener("input", onInput, true); resolve(value); };
  document.addEventListener("input", onInput, true);
  observer.observe(document.documentElement, {childList: true, subtree: true});
  setTimeout(() => done(null), timeout);
})})"""


def is_search_file(path: str) -> bool:
    """Indexes, search scripts and styles, lunr and its languages, search workers.

    path: relative to the site (a file:// URL's folders could be named anything).
    """
    return any("search" in part or "lunr" in part for part in urlsplit(path).path.lower().split("/"))


def measure(browser, site: Path, queries: list[str], *, base_url: str | None = None, ui: SearchUI = OURS,
            page: str = "index.html", throttle: float = CPU_THROTTLE, viewport: dict = VIEWPORT) -> dict:
    """Time a search in a built site; see the module's docstring for what is reported.

    base_url: where a server serves `site` (http://127.0.0.1:.../); None opens the files
    from file:// instead, as an offline copy is read.
    """
    if not queries:
        raise ValueError("at least one query is needed")
    site = Path(site).resolve()
    offline = base_url is None
    base = site.as_uri() + "/" if offline else base_url
    context = browser.new_context(viewport=viewport)
    try:
        reads, blocked = _watch(context, base)
        tab = context.new_page()
        context.new_cdp_session(tab).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        tab.goto(base + page, wait_until="load")
        if not offline:
            tab.wait_for_load_state("networkidle")
        box = tab.locator(ui.box)
        if box.count() == 0:
            return {"system": ui.name, "available": False}
        before_focus = [url for url, _ in reads if is_search_file(url[len(base):])]
        # The first query is typed as the box gets focus: the worst case, nothing is
        # loaded before the keystroke.
        times = []
        for n, query in enumerate(queries):
            if n and times[-1] is not None:
                box.fill("")
                tab.wait_for_function("s => !document.querySelector(s)", arg=ui.result, timeout=TIMEOUT_MS)
            elif n:
                box.fill("")
            waiting = tab.evaluate_handle(_WAIT, [ui.box, ui.result, LATER_TIMEOUT_MS if n else TIMEOUT_MS])
            box.fill(query)
            box.press("End")  # Material searches on keyup
            answer = tab.evaluate("w => w.done", waiting)
            if answer is None and n == 0:
                raise TimeoutError(f"{ui.name}: no result for {query!r} within {TIMEOUT_MS} ms")
            times.append(answer)
            if n == 0:
                first_shown = tab.evaluate("performance.timeOrigin") + answer[1]
        files = sorted({url for url, done in reads if is_search_file(url[len(base):]) and done <= first_shown})
        return {
            "system": ui.name, "available": True, "engine": ui.engine,
            "mode": "file" if offline else "http", "page": page, "cpu_throttle": throttle,
            "queries": queries,
            "first_result_ms": round(times[0][1] - times[0][0]),
            "later_query_ms": [round(t[1] - t[0]) if t else None for t in times[1:]],
            "search_requests_before_focus": len(before_focus),
            "search_bytes_before_first_result": sum(_gzip_size(site, base, url) for url in files),
            "search_files": [url[len(base):] for url in files],
            "blocked_requests": blocked,
        }
    finally:
        context.close()


def _watch(context, base: str):
    """Every file the page reads (url, epoch ms when read) and every other request, blocked."""
    reads: list[tuple[str, float]] = []
    blocked: list[str] = []

    def finished(request):
        timing = request.timing
        reads.append((request.url, timing["startTime"] + max(timing["responseEnd"], 0)))

    def block(route):
        blocked.append(route.request.url)
        route.abort()

    context.on("requestfinished", finished)
    # Only the requests that leave the site are intercepted: routing the site's own files
    # through Playwright would add its delay to every one of them.
    context.route(re.compile(r"^(?!" + re.escape(base) + ")"), block)
    return reads, blocked


def _gzip_size(site: Path, base: str, url: str) -> int:
    path = site / unquote(urlsplit(url[len(base):]).path)
    data = path.read_bytes() if path.is_file() else b""
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time a built site's search in Chromium, CPU throttled.")
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("queries", nargs="+", help="the first query, then later ones")
    parser.add_argument("--lang", default="vi", help="vi (the site root) or en (/en/)")
    parser.add_argument("--page", help="page to open, relative to the site (default: the language's home)")
    parser.add_argument("--file", action="store_true", help="open from file:// instead of http")
    parser.add_argument("--material", action="store_true", help="a stock Material site (its search UI)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from ..bench.browser import launch, serve

    page = args.page or ("index.html" if args.lang == "vi" else f"{args.lang}/index.html")
    ui = MATERIAL if args.material else OURS
    with sync_playwright() as p, contextlib.ExitStack() as stack:
        base = None if args.file else stack.enter_context(serve(args.site))
        browser = launch(p)
        try:
            report = measure(browser, args.site, args.queries, base_url=base, ui=ui, page=page)
        finally:
            browser.close()
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
