"""The built site in a real browser: pages load and the language switcher works."""

from __future__ import annotations

from .browser import block_network, serve


def test_language_switch_over_http(real_site, browser):
    with serve(real_site) as base:
        context = browser.new_context()
        blocked = block_network(context, (base,))
        page = context.new_page()
        page.goto(base + "guides/index.html")
        assert page.locator("html").get_attribute("lang") == "vi"
        # Material's language menu opens on hover; a cadre taps it the same way.
        page.locator(".md-select").first.hover()
        page.locator('.md-select a[hreflang="en"]').first.click()
        page.wait_for_load_state()
        assert page.url == base + "en/guides/index.html"
        assert page.locator("html").get_attribute("lang") == "en"
        assert blocked == []
        context.close()
