"""Write the content model's JSON Schema files to schemas/ (for editors' autocomplete).

Usage: python scripts/schemas.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from aixutra.schema import all_schemas
from aixutra.taxonomy import Taxonomies

ROOT = Path(__file__).resolve().parent.parent


def render() -> dict[str, str]:
    schemas = all_schemas(Taxonomies.load(ROOT / "data"))
    return {name: json.dumps(s, ensure_ascii=False, indent=2) + "\n" for name, s in schemas.items()}


def main() -> int:
    for name, text in render().items():
        (ROOT / "schemas" / name).write_text(text, encoding="utf-8")
        print(f"schemas/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
