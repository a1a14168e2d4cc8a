"""MkDocs events of the offline copies. hooks/offline.py exposes them to MkDocs."""

from __future__ import annotations

import datetime as dt

from mkdocs.plugins import event_priority

from ..pages.format import date as format_date
from ..site.state import language
from ..strings import t


@event_priority(-50)  # after the hub's on_config, which puts the build's version in extra.build
def on_config(config):
    """What the (hidden) offline-copy banner of every page says, in the language being built."""
    lang = language(config)
    build = config.extra["build"]
    config.extra["offline"] = {
        "title": t("offline.title", lang),
        "text": t("offline.text", lang, version=build["version"],
                  date=format_date(dt.date.fromisoformat(build["date"]), lang)),
        "url": config.extra["online_url"],  # SITE_URL when publishing (mkdocs.yml)
    }
    return config
