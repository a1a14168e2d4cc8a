"""MkDocs events of the hub site. hooks/hub.py exposes them to MkDocs."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from .. import pages
from ..pages import export
from ..pages import item as item_pages
from ..model import Hub
from ..validate import check, errors
from . import files as site_files
from . import alternates, meta, notfound, notices, sanitize
from .state import DEFAULT_LANGUAGE, STATE, BuildInfo, language, root_of

log = logging.getLogger("mkdocs.hooks.hub")


def on_config(config):
    STATE.lang = language(config)
    root = root_of(config)
    if STATE.build is None:
        STATE.build = BuildInfo.of(root)
    config.extra["build"] = {"version": STATE.build.version, "date": STATE.build.date.isoformat()}
    pages.configure(config)
    return config


def on_pre_build(config):
    # Load and check the content once per full build (the default language comes first).
    if STATE.lang == DEFAULT_LANGUAGE or STATE.hub is None:
        STATE.hub, found = check(root_of(config))  # data/ files first, then every item
        problems = errors(found)
        if problems or STATE.hub is None:
            raise PluginError("\n".join(d.format_text() for d in problems) +
                              f"\n{len(problems)} lỗi trong nội dung đóng góp / {len(problems)} error(s) in contributions")


@event_priority(50)  # before mkdocs-static-i18n (-100), so it sorts our files by language
def on_files(files, config):
    STATE.origins = site_files.add(files, config, STATE.hub, pages.generate(STATE.hub))
    STATE.items = {src.rel: item for item in STATE.hub.items.values()
                   for src in (item.vi, item.en) if src is not None}
    return files


@event_priority(-200)  # after mkdocs-static-i18n
def on_nav(nav, config, files):
    site_files.restore(files, STATE.origins)
    return nav


def on_page_markdown(markdown, page, config, files):
    meta.drop_template(page, sanitize.contributed(page, STATE))
    page.update_date = STATE.last_change(page.file.src_uri)
    item_pages.set_edit_url(page, config, STATE.origins, root_of(config))
    return notices.page_markdown(markdown, page, STATE)


def on_page_content(html, page, config, files):
    if STATE.generated(page.file.src_uri):  # its HTML blocks go back in (pages/stash.py)
        html = pages.restore(html, STATE.hub)
    # Contributed HTML is sanitised first, before the hub adds its own markup.
    html = sanitize.page_content(html, page, STATE)
    return notices.page_content(html, page, STATE)


@event_priority(-100)  # after every other hook has read the front matter as plain text
def on_page_context(context, page, config, nav):
    meta.escape_values(page)
    return context


def on_post_page(output, page, config):
    return alternates.drop(output)


def on_post_template(output, template_name, config):
    return alternates.drop(output) if template_name == "404.html" else output


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        return notfound.template_context(context, config, STATE.lang)
    return context


# Runs before i18n (-100) starts the other languages' builds, which rewrite 404.html.
def on_post_build(config):
    if STATE.lang == DEFAULT_LANGUAGE and STATE.hub is not None:
        # Open data, once for both languages (the catalogue links to it).
        export.write(Path(config.site_dir), pages.index_of(STATE.hub), STATE.build.version,
                     STATE.build.date.isoformat(), config.site_url)
    notices.localise_404(Path(config.site_dir), STATE.lang)
    if not config.site_url:
        # A sitemap needs the site's address (SITE_URL): without it MkDocs writes "None…" in every <loc>.
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (Path(config.site_dir) / name).unlink(missing_ok=True)


def on_serve(server, config, builder):
    # Edits to the collections and the taxonomies reload the preview too.
    root = root_of(config)
    for folder in ("guides", "prompts", "use_cases", "data"):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server
