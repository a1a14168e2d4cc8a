"""The benchmark: a synthetic hub built by our stack and by bare Material, side by side.

`python scripts/bench.py --items N` runs it; docs/benchmark.*.md shows the last run.
"""
