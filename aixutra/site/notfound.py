"""The 404 page in the reader's language, with a language menu that leads to each home page.

mkdocs-static-i18n sets Material's language menu (config.extra.alternate) page by page and
leaves the last page's entries there when the 404 template is rendered: the English 404
offered "the same page" in Vietnamese, some unrelated page. Its own per-language home
links are put back for the 404, and overrides/404.html says what happened in the language.
"""

from __future__ import annotations

from copy import deepcopy

from ..strings import t


def template_context(context, config, lang: str):
    homes = getattr(config.plugins.get("i18n"), "extra_alternate", None)
    if homes:
        # As an attribute, the way mkdocs-static-i18n sets it (the templates read that first).
        config.extra.alternate = deepcopy(homes)
    home = next((entry["link"] for entry in homes or () if entry.get("lang") == lang), "index.html")
    context["axt_404"] = {"title": t("notfound.title", lang), "body": t("notfound.body", lang),
                          "home": t("notfound.home", lang), "home_url": home}
    return context
