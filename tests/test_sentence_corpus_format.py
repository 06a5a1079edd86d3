"""The sentence corpus (speechkit/data/sentence_corpus.yaml) has the shape its header describes.

Only the file is checked here: ids unique, principles declared and used, each record's text an exact
substring of its case's text (in text order, not overlapping), fields of the right types and values.
Running the extractor on each case is a separate test.
"""
import datetime as dt
from collections import Counter

import pytest

from speechkit.lexicon import load

GENRES = {"report", "plan", "speech"}
STRENGTHS = {"strong", "medium", "weak"}
OPS = {"=", ">=", "<=", ">", "<", "~", "range"}
PERIODS = {"day", "week", "month", "quarter", "year"}
KINDS = {"date", "period", "named", "relative", "vague"}
RECORD_KEYS = {"text", "strength", "modality", "owner", "deadline", "metrics", "checkable"}
OPTIONAL_RECORD_KEYS = {"frequency"}
CASE_KEYS = {"id", "principle", "genre", "date", "text", "records", "note"}
OPTIONAL_CASE_KEYS = {"xfail"}

DATA = load("sentence_corpus")
CASES = DATA["cases"]


def _is_date(v):
    if isinstance(v, dt.date):
        return True
    if isinstance(v, str):
        try:
            dt.date.fromisoformat(v)
            return True
        except ValueError:
            return False
    return False


def _deadline_problem(d):
    if d is None or d == "vague" or _is_date(d):
        return None
    if not isinstance(d, dict):
        return f"deadline {d!r}: null, vague, a date or a mapping"
    extra = set(d) - {"end", "start", "kind"}
    if extra or "end" not in d or "kind" not in d:
        return f"deadline mapping {d!r}: keys end, kind and optional start"
    if d["kind"] not in KINDS:
        return f"deadline kind {d['kind']!r} not in {sorted(KINDS)}"
    for key in ("end", "start"):
        if d.get(key) is not None and not _is_date(d[key]):
            return f"deadline {key} {d[key]!r} is not a date"
    return None


def _metric_problem(m):
    if not isinstance(m, dict) or not {"value", "unit", "op"} <= set(m) or set(m) - {"value", "unit", "op", "value_hi"}:
        return f"metric {m!r}: keys value, unit, op and optional value_hi"
    if m["value"] is not None and (isinstance(m["value"], bool) or not isinstance(m["value"], (int, float))):
        return f"metric value {m['value']!r} is not a number or null"
    if not isinstance(m["unit"], str) or (not m["unit"] and not (isinstance(m["value"], float) and 0 < m["value"] < 1)):
        return f"metric unit {m['unit']!r} is not a non-empty string (empty only for a share, 0 < value < 1: 三分之一)"
    if m["op"] not in OPS:
        return f"metric op {m['op']!r} not in {sorted(OPS)}"
    if (m["op"] == "range") != (m.get("value_hi") is not None):
        return f"metric {m!r}: value_hi is given exactly when op is range"
    return None


def _frequency_problem(f):
    if not isinstance(f, dict) or set(f) != {"count", "per", "op"}:
        return f"frequency {f!r}: keys count, per, op"
    if not isinstance(f["count"], int) or f["per"] not in PERIODS or f["op"] not in OPS:
        return f"frequency {f!r}: count an int, per in {sorted(PERIODS)}, op in {sorted(OPS)}"
    return None


def _record_problems(rec):
    out = []
    keys = set(rec) if isinstance(rec, dict) else set()
    if not RECORD_KEYS <= keys or keys - RECORD_KEYS - OPTIONAL_RECORD_KEYS:
        return [f"record {rec!r}: keys {sorted(RECORD_KEYS)} and optional {sorted(OPTIONAL_RECORD_KEYS)}"]
    if not isinstance(rec["text"], str) or not rec["text"].strip():
        out.append("record text is empty")
    if rec["strength"] not in STRENGTHS:
        out.append(f"strength {rec['strength']!r} not in {sorted(STRENGTHS)}")
    for key in ("modality", "owner"):
        if rec[key] is not None and (not isinstance(rec[key], str) or not rec[key]):
            out.append(f"{key} {rec[key]!r} is not a non-empty string or null")
    if not isinstance(rec["checkable"], bool):
        out.append(f"checkable {rec['checkable']!r} is not a boolean")
    if not isinstance(rec["metrics"], list):
        out.append(f"metrics {rec['metrics']!r} is not a list")
    else:
        out += [p for p in map(_metric_problem, rec["metrics"]) if p]
    out += [p for p in [_deadline_problem(rec["deadline"])] if p]
    if rec.get("frequency") is not None:
        out += [p for p in [_frequency_problem(rec["frequency"])] if p]
    return out


def test_top_level_shape():
    assert set(DATA) == {"principles", "cases"}
    assert isinstance(DATA["principles"], dict) and DATA["principles"]
    assert all(isinstance(k, str) and "." in k and isinstance(v, str) and v for k, v in DATA["principles"].items())
    assert isinstance(CASES, list) and len(CASES) >= 150


def test_ids_unique():
    dup = [i for i, n in Counter(c.get("id") for c in CASES).items() if n > 1]
    assert not dup, f"duplicate case ids: {dup}"


def test_every_principle_declared_and_used():
    declared = set(DATA["principles"])
    used = {c.get("principle") for c in CASES}
    assert used <= declared, f"undeclared principles: {sorted(used - declared)}"
    assert declared <= used, f"principles without a case: {sorted(declared - used)}"


def test_counterexamples_present():
    assert sum(1 for c in CASES if c.get("records") == []) >= 30


@pytest.mark.parametrize("case", CASES, ids=[str(c.get("id")) for c in CASES])
def test_case_shape(case):
    keys = set(case)
    assert CASE_KEYS <= keys and not keys - CASE_KEYS - OPTIONAL_CASE_KEYS, \
        f"{case.get('id')}: keys {sorted(CASE_KEYS)} and optional {sorted(OPTIONAL_CASE_KEYS)}, got {sorted(keys)}"
    assert case["genre"] in GENRES, case["genre"]
    assert isinstance(case["date"], dt.date), f"date {case['date']!r} is not a date"
    assert isinstance(case["text"], str) and case["text"].strip()
    assert isinstance(case["note"], str) and case["note"].strip()
    if "xfail" in case:
        assert isinstance(case["xfail"], str) and case["xfail"].strip(), "xfail gives the reason"
    assert isinstance(case["records"], list)
    problems = [p for rec in case["records"] for p in _record_problems(rec)]
    assert not problems, problems


@pytest.mark.parametrize("case", CASES, ids=[str(c.get("id")) for c in CASES])
def test_record_texts_are_substrings_in_order(case):
    pos = 0
    for rec in case["records"]:
        if rec["modality"]:  # a cue is either in the record or carried from earlier in the text
            assert rec["modality"] in case["text"], f"cue {rec['modality']!r} is not in the case text"
        found = case["text"].find(rec["text"], pos)
        assert found >= 0, f"{rec['text']!r} not found in the case text after offset {pos}"
        pos = found + len(rec["text"])
