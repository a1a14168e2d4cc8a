"""MkDocs hooks of AI Xứ Trà: the Content-Security-Policy of every page (aixutra.csp)."""

from aixutra.csp.hooks import on_config, on_post_page, on_post_template  # noqa: F401
