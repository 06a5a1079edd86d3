"""data/times.yaml beyond what tests/test_rules_data.py checks: the optional keys of the examples
(clock, past, note), the `lookahead` and `join` examples, and the anchored scan (`near`/`reach`)."""
import datetime as dt
from pathlib import Path

import pytest

from speechkit.lexicon import load


def _iso(v):
    return v.isoformat() if isinstance(v, dt.date) else v


def _extra_cases():
    out = []
    for r in load("times")["rules"]:
        for i, ex in enumerate(r.get("examples") or []):
            if "count" in ex:
                continue
            out.append(pytest.param(r["id"], ex, id=f"{r['id']}-ex{i}"))
    return out


@pytest.mark.parametrize("rid,ex", _extra_cases())
def test_example_fields(rid, ex):
    """clock, past and note are what the example says (absent keys: no clock, not past, no note
    unless the example is an unread one)."""
    from speechkit import find_times

    t = next(t for t in find_times(ex["text"], ex["date"]) if t.text == ex["surface"])
    assert t.clock == ex.get("clock"), t
    assert t.past == bool(ex.get("past")), t
    if "note" in ex:
        assert t.note == ex["note"], t
    elif t.end is None and t.start is None and t.kind != "vague":
        pytest.fail(f"{t} is unread but the example gives no note")


def _section_cases(key):
    d = load("times")[key]
    return [pytest.param(ex, pos, id=f"{key}-{'ex' if pos else 'counter'}{i}")
            for pos, k in ((True, "examples"), (False, "counterexamples"))
            for i, ex in enumerate(d.get(k) or [])]


@pytest.mark.parametrize("ex,positive", _section_cases("lookahead"))
def test_lookahead(ex, positive):
    """A passed month or day rolls to the next year only when its clause looks ahead."""
    from speechkit import find_times

    t = next(t for t in find_times(ex["text"], ex["date"]) if t.text == ex["surface"])
    assert t.end == _iso(ex["end"])


@pytest.mark.parametrize("ex,positive", _section_cases("attributive_year"))
def test_attributive_year(ex, positive):
    """A year inside a modifier of a noun (examples) gives no year to a later month; one that scopes an act
    (counterexamples) does."""
    from speechkit import find_times

    t = next(t for t in find_times(ex["text"], ex["date"]) if t.text == ex["surface"])
    assert t.end == _iso(ex["end"])


@pytest.mark.parametrize("ex,positive", _section_cases("join"))
def test_join(ex, positive):
    from speechkit import find_times

    found = find_times(ex["text"], ex["date"])
    joined = [t for t in found if t.rule == "join"]
    if not positive:
        assert joined == [], found
        return
    assert [(t.text, t.start, t.end) for t in joined] == [(ex["surface"], _iso(ex["start"]), _iso(ex["end"]))]


def _texts():
    from speechkit import read_speech

    root = Path(__file__).resolve().parent.parent / "corpus"
    texts = [read_speech(p).raw for p in sorted(root.glob("*.txt"))]
    for r in load("times")["rules"]:
        texts += [e["text"] for e in (r.get("examples") or []) + (r.get("counterexamples") or [])]
    # long runs of the characters the anchors and starts are made of
    texts += ["年" * 300, "月" * 300, "一二三四五六七八九十" * 30, "2021年3月" * 40, "下周" * 100, "1月2日" * 50]
    return texts


def test_anchored_scan_finds_what_a_full_scan_finds():
    """`near`/`reach` (and `starts`) never hide a match: the anchored scan of every rule and a scan
    of every position agree on the sample corpus, every example and long repetitive strings."""
    from speechkit.rules.times import _rules
    from speechkit.rules.times.compile import scan_rule
    from speechkit.rules.times.normalize import Reading

    for raw in _texts():
        text = Reading(raw).text
        anchors = {}
        for rid, pat, rule in _rules():
            full = [m.span() for m in pat.finditer(text) if m.end() > m.start()]
            assert [m.span() for m in scan_rule(pat, rule, text, anchors)] == full, (rid, text[:40])


def test_every_festival_has_a_date_in_range():
    from speechkit.rules.times.festivals import festival_day, festival_names

    for name in festival_names():
        for year in (1950, 2000, 2021, 2049):
            d = festival_day(name, year)
            assert d is not None and d.year == year, (name, year)


@pytest.mark.parametrize("name", ["normalize", "numerals", "dates", "festivals", "compile", "find"])
def test_submodule_docstrings(name):
    """tests/test_doctests.py runs the package's own docstring; these are its modules'."""
    import doctest
    import importlib

    mod = importlib.import_module(f"speechkit.rules.times.{name}")
    assert doctest.testmod(mod, optionflags=doctest.ELLIPSIS).failed == 0
