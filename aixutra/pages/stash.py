"""HTML blocks of the generated pages, set aside while Python-Markdown converts the rest."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"<!--axt-raw:(\d+)-->")


class Stash:
    """HTML of generated pages kept out of Python-Markdown.

    Markdown would parse every raw HTML block again to find where it ends (the long item
    lists made most of the generated pages' cost); a placeholder comment goes through
    instead and `restore` puts the HTML back once the page is converted. Contributed text
    cannot forge a placeholder: the `md` filter escapes its `<`.
    """

    def __init__(self):
        self.blocks: list[str] = []

    def __call__(self, html) -> str:
        self.blocks.append(str(html))
        return f"\n\n<!--axt-raw:{len(self.blocks) - 1}-->\n\n"

    def restore(self, html: str) -> str:
        return _PLACEHOLDER.sub(lambda m: self.blocks[int(m[1])], html)

