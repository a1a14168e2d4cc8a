"""Front matter values that MkDocs and Material write into every page's template.

Material puts page.meta.title, description and author into the page as HTML, unescaped,
and `page.title | striptags` (the <title> of a page whose title comes from its heading)
turns escaped characters back into markup. The content model says these values are plain
text, so a title such as "</title><script>…" would end the <title> and run. Here they
become escaped text just before the template is rendered (the hub's own hooks read them
as plain text until then), and every page gets its title in meta, so the striptags branch
is never taken. A contributed page cannot pick its theme template either: Material's
redirect.html builds a script from front matter.
"""

from __future__ import annotations

from markupsafe import Markup, escape

# Front matter keys Material renders without escaping.
RENDERED_AS_HTML = ("title", "description", "author")


def drop_template(page, contributed: bool) -> None:
    """Before rendering (the template is chosen before on_page_context)."""
    if contributed:
        page.meta.pop("template", None)


def escape_values(page) -> None:
    """Just before the template renders: the values as HTML-escaped text."""
    if not page.meta.get("title") and page.title:
        # A title from the page's first heading: MkDocs keeps it as HTML.
        page.meta["title"] = Markup(page.title).striptags()
    for key in RENDERED_AS_HTML:
        value = page.meta.get(key)
        if value is not None and not isinstance(value, Markup):
            page.meta[key] = escape(str(value))
