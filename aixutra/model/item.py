"""An item of a collection: a guide, a prompt library or a case study, in two languages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from .source import Source

# Collection folder -> item type.
TYPES = {"guides": "guide", "prompts": "prompts", "use_cases": "case"}


@dataclass
class Item:
    collection: str
    slug: str
    vi: Source | None = None
    en: Source | None = None
    # Filled in by the hub once every item is loaded.
    replicated_in: list["Item"] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.collection}/{self.slug}"

    @property
    def type(self) -> str:
        return TYPES[self.collection]

    def source(self, lang: str) -> Source | None:
        return self.en if lang == "en" else self.vi

    def translated(self, lang: str) -> bool:
        return lang == "vi" or (self.en is not None and self.en.text is not None)

    def outdated(self) -> bool:
        """The English file was translated from another version of the Vietnamese one."""
        if not (self.vi and self.en and self.vi.text is not None):
            return False
        return str(self.en.meta.get("translation_of", "")) != self.vi.digest

    @cached_property
    def data(self) -> dict:
        return self.vi.meta if self.vi else {}

    def meta(self, lang: str) -> dict:
        """Front matter in a language: the Vietnamese data with the English text laid over it.

        Read-only, like `data`: pages and indexes ask for it many times per item.
        """
        if lang == "en" and self.en and self.en.meta:
            return self._english
        return self.data

    @cached_property
    def _english(self) -> dict:
        return overlay(self.data, self.en.meta)

    def url(self, lang: str) -> str:
        """Site URL relative to the language root (use_directory_urls is off)."""
        return f"{self.collection}/{self.slug}.html"

    # Typed accessors used by the generated pages and exports.
    def title(self, lang: str) -> str:
        return str(self.meta(lang).get("title") or self.slug)

    def summary(self, lang: str) -> str:
        return str(self.meta(lang).get("summary") or "")

    def list(self, name: str) -> list:
        value = self.data.get(name)
        return [v for v in value if isinstance(v, (str, int))] if isinstance(value, list) else []

    @property
    def sectors(self) -> list[str]:
        return self.list("sectors")

    @property
    def audiences(self) -> list[str]:
        return self.list("audiences")

    @property
    def tools(self) -> list[str]:
        tools = self.list("ai_tools")
        for prompt in self.data.get("prompts") or []:
            for t in (prompt.get("tested_with") or []) if isinstance(prompt, dict) else []:
                if isinstance(t, dict) and t.get("tool") not in tools:
                    tools.append(t.get("tool"))
        return [t for t in tools if isinstance(t, str)]

    @property
    def unit(self) -> str | None:
        return self.data.get("unit")

    @property
    def level(self) -> str | None:
        return self.data.get("level")

    @property
    def illustrative(self) -> bool:
        return bool(self.data.get("illustrative"))

    @property
    def replicated_from(self) -> str | None:
        value = self.data.get("replicated_from")
        return value if isinstance(value, str) else None

    def date(self, name: str) -> dt.date | None:
        value = self.data.get(name)
        return value if isinstance(value, dt.date) else None

    @property
    def updated(self) -> dt.date | None:
        return self.date("updated") or self.date("published")

    @property
    def safety_levels(self) -> list[str]:
        return sorted({p.get("data_safety") for p in self.data.get("prompts") or []
                       if isinstance(p, dict) and isinstance(p.get("data_safety"), str)})


def overlay(base, top):
    """Lay translated values over the source: lists of mappings match by `id`, else by position."""
    if isinstance(base, dict) and isinstance(top, dict):
        merged = dict(base)
        for key, value in top.items():
            merged[key] = overlay(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(top, list) and all(isinstance(x, dict) for x in base + top):
        if all("id" in x for x in base + top):
            by_id = {x["id"]: x for x in top}
            return [overlay(x, by_id[x["id"]]) if x["id"] in by_id else x for x in base]
        return [overlay(b, t) for b, t in zip(base, top)] + base[len(top):]
    return top
