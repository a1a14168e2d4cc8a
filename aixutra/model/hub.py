"""The hub: every item of the three collections and the taxonomies, loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic
from ..taxonomy import Taxonomies
from .item import TYPES, Item
from .source import Source

COLLECTIONS = tuple(TYPES)
FILE_NAME = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>vi|en)\.md$")


@dataclass
class Hub:
    root: Path
    taxonomies: Taxonomies
    items: dict[str, Item] = field(default_factory=dict)  # key "collection/slug" -> item
    problems: list[Diagnostic] = field(default_factory=list)  # files that are not items

    @classmethod
    def load(cls, root: Path) -> "Hub":
        root = Path(root).resolve()
        hub = cls(root, Taxonomies.load(root / "data"))
        for collection in COLLECTIONS:
            folder = root / collection
            for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
                hub._add(collection, path)
        hub._link()
        return hub

    def _add(self, collection: str, path: Path) -> None:
        rel = path.relative_to(self.root).as_posix()
        match = FILE_NAME.match(path.name)
        if not match:
            if path.name.startswith("index.") or path.name.startswith("_"):
                return  # a collection's hand-written intro or a template, not an item
            self.problems.append(Diagnostic(rel, 1, 1, "error", "file-name",
                "Tên tệp phải có dạng <slug>.vi.md hoặc <slug>.en.md, slug chỉ gồm chữ thường không dấu, số và dấu '-' (ví dụ: soan-cong-van.vi.md)",
                "file name must be <slug>.vi.md or <slug>.en.md, the slug only lowercase ASCII letters, digits and '-' (e.g. soan-cong-van.vi.md)"))
            return
        slug, lang = match["slug"], match["lang"]
        item = self.items.setdefault(f"{collection}/{slug}", Item(collection, slug))
        setattr(item, lang, Source.read(path, rel, lang))

    def _link(self) -> None:
        # "Replicated in" is the reverse of each case's "replicated_from".
        for item in self.items.values():
            target = self.items.get(item.replicated_from or "")
            if target is not None and target is not item:
                target.replicated_in.append(item)
        for item in self.items.values():
            item.replicated_in.sort(key=lambda i: (str(i.data.get("replicated_on", "")), i.key))

    def collection(self, name: str) -> list[Item]:
        return [i for i in self.items.values() if i.collection == name and i.vi is not None]

    def published(self) -> list[Item]:
        """Items that have a Vietnamese source to build from."""
        return [i for i in self.items.values() if i.vi is not None and i.vi.text is not None]

    def sources(self):
        for item in self.items.values():
            for src in (item.vi, item.en):
                if src is not None:
                    yield src
