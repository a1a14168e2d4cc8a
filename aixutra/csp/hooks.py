"""MkDocs events that add the Content-Security-Policy (aixutra.csp) to every HTML page."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from . import Known, add_policy

_known: Known | None = None


def on_config(config):
    global _known
    custom = config.theme.custom_dir
    _known = Known(Path(custom) if custom else None, [Path(d) for d in config.theme.dirs])
    return config


# Last of all: the hashes must be those of the page as written.
@event_priority(-1000)
def on_post_page(output, page, config):
    return add_policy(output, _known)


@event_priority(-1000)
def on_post_template(output_content, template_name, config):
    # 404.html and the other theme-level pages; sitemap.xml is not HTML.
    return add_policy(output_content, _known) if template_name.endswith(".html") else output_content
