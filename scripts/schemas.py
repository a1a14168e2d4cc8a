"""Write the content model's JSON Schema files to schemas/ (for editors and other tools)
and the field tables of CONTRIBUTING.md, both generated from aixutra/schema.py.

Usage: python scripts/schemas.py          (a test fails when either is out of date)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from aixutra.schema import all_schemas, doc_tables
from aixutra.taxonomy import Taxonomies

ROOT = Path(__file__).resolve().parent.parent
# <!-- fields:guide.vi:vi --> ... <!-- /fields --> in CONTRIBUTING.md
BLOCK = re.compile(r"(<!-- fields:(?P<name>[\w.:]+) -->\n).*?(<!-- /fields -->)", re.S)


def render() -> dict[str, str]:
    schemas = all_schemas(Taxonomies.load(ROOT / "data"))
    return {name: json.dumps(s, ensure_ascii=False, indent=2) + "\n" for name, s in schemas.items()}


def with_tables(text: str) -> str:
    """The document with every field table regenerated."""
    tables = doc_tables(Taxonomies.load(ROOT / "data"))
    return BLOCK.sub(lambda m: f"{m.group(1)}{tables[m.group('name')]}\n{m.group(3)}", text)


def main() -> int:
    for name, text in render().items():
        (ROOT / "schemas" / name).write_text(text, encoding="utf-8")
        print(f"schemas/{name}")
    doc = ROOT / "CONTRIBUTING.md"
    if doc.exists():
        text = doc.read_text(encoding="utf-8")
        doc.write_text(with_tables(text), encoding="utf-8")
        print("CONTRIBUTING.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
