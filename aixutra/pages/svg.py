"""The coverage picture: one tile per commune or ward, drawn at build time as inline SVG.

No map data and no script: it works offline and prints. The table next to it carries the
same facts (and the links) for screen readers and for a reader looking for one name.
"""

from __future__ import annotations

from ..strings import t
from .render import render

TILE, GAP, COLUMNS = 40, 4, 12
BAR, LEGEND_ROW = 24, 22  # heights of the summary bar and of each legend row under it
STATUSES = ("replicated", "contributed", "none")
# status -> (fill, text colour); three clearly different lightnesses, so it reads in grey too.
COLOURS = {"replicated": ("#1b5e20", "#ffffff"), "contributed": ("#81c784", "#10300f"),
           "none": ("#eceff1", "#455a64")}


def coverage_map(rows: list, totals: dict[str, int], lang: str) -> str:
    width = COLUMNS * (TILE + GAP) - GAP
    top = BAR + 10 + LEGEND_ROW * len(STATUSES) + 10
    tiles = [{"x": (i % COLUMNS) * (TILE + GAP), "y": top + (i // COLUMNS) * (TILE + GAP), "row": row}
             for i, row in enumerate(rows)]
    grid_rows = -(-len(rows) // COLUMNS)
    height = top + max(grid_rows * (TILE + GAP) - GAP, 0)
    total = max(len(rows), 1)
    bar, x = [], 0.0
    for status in STATUSES:
        w = width * totals[status] / total
        bar.append({"status": status, "x": round(x, 2), "w": round(w, 2), "n": totals[status]})
        x += w
    legend = [{"status": s, "y": BAR + 10 + i * LEGEND_ROW, "label": t(f"coverage.{s}", lang), "n": totals[s]}
              for i, s in enumerate(STATUSES)]
    svg = render("coverage_map.html.j2", lang, width=width, height=height, tiles=tiles, bar=bar,
                 legend=legend, tile=TILE, colours=COLOURS, bar_height=BAR, totals=totals, count=len(rows))
    # A raw HTML block in Markdown ends at a blank line: keep the drawing in one block.
    return "\n".join(line for line in svg.splitlines() if line.strip())
