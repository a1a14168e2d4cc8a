"""Property-based tests: whatever bytes or front matter a contributor commits, the reader,
the validator and the command line never crash, and every problem is well formed.

A check that fails inside the validator is contained and reported as "internal-error";
these tests treat that as a failure too.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import string

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aixutra.model import Source
from aixutra.validate import check

from .fixtures.broken import GUIDE_VI, ROOT, make

spec = importlib.util.spec_from_file_location("validate_script", ROOT / "scripts" / "validate.py")
cli = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cli)

FUZZED = {"guide": "guides/mau.vi.md", "en": "guides/mau.en.md", "prompts": "prompts/mau.vi.md",
          "case": "use_cases/mau.vi.md"}
LINE = re.compile(r"^[^:\n]+:\d+:\d+: (error|warning): .+ / .+$")
# Reproducible runs, no example database in the tree; reading is cheap, a hub check is not.
SETTINGS = settings(database=None, deadline=None, derandomize=True, max_examples=200,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
HUB_SETTINGS = settings(SETTINGS, max_examples=40)

# Text made of what breaks YAML and Markdown: indicators, quotes, tabs, line ends of every
# kind, control characters, Vietnamese letters (composed and decomposed), HTML.
TRICKY = string.ascii_letters + string.digits + ":-[]{}&*!|>'\"%@`#,?~ \t\n\r\x00\x0b\x0c\x1b\x7f\ufeff" \
    "ạăâđêôơưĐÀỹ\u0301\u0323<>/=;\\"
tricky_text = st.text(alphabet=TRICKY, max_size=300)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), tricky_text,
                    st.dates(min_value=dt.date(1, 1, 1)), st.sampled_from(["co-ban", "noi-vu", "can-bo", "ban-bien-tap",
                                                                            "2026-02-30", "use_cases/mau", "prompts/mau"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.text(max_size=12), inner, max_size=4)),
                      max_leaves=12)
KEYS = ["title", "summary", "sectors", "audiences", "level", "tags", "unit", "authors", "published", "updated",
        "license", "ai_tools", "related", "prompts", "illustrative", "stage", "results", "time_saved", "cost",
        "prerequisites", "replicated_from", "replicated_on", "sources", "translation_of"]
prompt = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.just("tom-tat"), tricky_text), "task": values, "text": st.one_of(tricky_text, values),
    "variables": st.lists(st.fixed_dictionaries({}, optional={"name": st.one_of(st.just("noi_dung"), values),
                                                              "label": values, "example": values}), max_size=3),
    "data_safety": values, "tested_with": values, "example_output": values})
front_matter = st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=10)),
                               st.one_of(values, st.lists(prompt, max_size=2)), max_size=12)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    return make(tmp_path_factory.mktemp("fuzz") / "hub")


def well_formed(found) -> None:
    for d in found:
        assert d.line >= 1 and d.col >= 1 and d.severity in ("error", "warning")
        assert d.vi.strip() and d.en.strip()
        assert "\n" not in d.format_text() and "\r" not in d.format_text()  # one problem, one line
        assert d.code != "internal-error", d.format_text()


@SETTINGS
@given(data=st.binary(max_size=3000))
def test_reading_random_bytes(tmp_path, data):
    path = tmp_path / "x.vi.md"
    path.write_bytes(data)
    src = Source.read(path, "guides/x.vi.md", "vi")
    well_formed(src.problems)
    assert src.text is None or isinstance(src.meta, dict)


@SETTINGS
@given(head=st.binary(max_size=400), tail=st.binary(max_size=400), crlf=st.booleans())
def test_reading_random_bytes_in_front_matter(tmp_path, head, tail, crlf):
    nl = b"\r\n" if crlf else b"\n"
    path = tmp_path / "x.vi.md"
    path.write_bytes(b"---" + nl + head + nl + b"---" + nl + tail)
    well_formed(Source.read(path, "guides/x.vi.md", "vi").problems)


@SETTINGS
@given(block=tricky_text, body=tricky_text)
def test_reading_tricky_yaml_text(tmp_path, block, body):
    path = tmp_path / "x.vi.md"
    path.write_text(f"---\n{block}\n---\n{body}", encoding="utf-8", errors="surrogatepass")
    well_formed(Source.read(path, "guides/x.vi.md", "vi").problems)


@HUB_SETTINGS
@given(which=st.sampled_from(sorted(FUZZED)), data=st.binary(max_size=1500))
def test_validating_random_bytes(hub, which, data):
    (hub / FUZZED[which]).write_bytes(data)
    _, found = check(hub)
    well_formed(found)
    assert any(d.path == FUZZED[which] for d in found) or data.startswith(b"---")


@HUB_SETTINGS
@given(which=st.sampled_from(sorted(FUZZED)), meta=front_matter, body=tricky_text)
def test_validating_random_front_matter(hub, which, meta, body):
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    (hub / FUZZED[which]).write_text(text, encoding="utf-8", errors="surrogatepass")
    _, found = check(hub)
    well_formed(found)


@HUB_SETTINGS
@given(key=st.sampled_from(KEYS), value=values)
def test_validating_one_field_changed(hub, key, value):
    """The valid guide with one field given any value: the other fields stay checked."""
    meta = yaml.safe_load(GUIDE_VI.split("---\n")[1])
    meta[key] = value
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + GUIDE_VI.split("---\n", 2)[2]
    (hub / FUZZED["guide"]).write_text(text, encoding="utf-8", errors="surrogatepass")
    _, found = check(hub)
    well_formed(found)


@settings(database=None, deadline=None, derandomize=True, max_examples=25,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=800), front_matter.map(
    lambda m: ("---\n" + yaml.safe_dump(m, allow_unicode=True) + "---\n").encode("utf-8", "surrogatepass"))),
    fmt=st.sampled_from(["text", "github", "json"]))
def test_command_line_on_random_input(hub, capsys, data, fmt):
    (hub / FUZZED["guide"]).write_bytes(data)
    code = cli.main(["--root", str(hub), "--format", fmt])
    out, err = capsys.readouterr()
    assert code in (0, 1)
    assert "Traceback" not in out + err and "unexpected error" not in err.lower()
    if fmt == "text":
        assert all(LINE.match(line) for line in out.splitlines())
    elif fmt == "github":
        assert all(line.startswith(("::error file=", "::warning file=")) for line in out.splitlines())


@SETTINGS
@given(meta=front_matter, raw=tricky_text)
def test_fast_and_strict_yaml_readers_agree(meta, raw):
    """libyaml's fast path reads exactly what the Python reader reads, positions included."""
    from aixutra.model import yaml_load

    for text in (yaml.safe_dump(meta, allow_unicode=True), raw):
        fast, strict = yaml_load.load(text), yaml_load._load_strict(text)
        assert fast.failed == strict.failed
        if not strict.failed:
            assert (fast.data, fast.lines, fast.values, fast.problems) == \
                (strict.data, strict.lines, strict.values, strict.problems)
