"""Real headless Chromium (Debian's) driven by Playwright, and a static server on 127.0.0.1."""

from __future__ import annotations

from aixutra.chromium import CHROMIUM, QuietHandler, launch, serve  # noqa: F401 (the tests' names)


def block_network(context, allowed_prefixes: tuple[str, ...]) -> list[str]:
    """Abort every request whose URL does not start with an allowed prefix; return them."""
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith(allowed_prefixes):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return blocked
