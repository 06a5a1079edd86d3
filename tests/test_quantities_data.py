"""Every unit group and comparator of data/quantities.yaml, example by example, and the file's checks.

(The `rules` of the same file run in tests/test_rules_data.py.)
"""
import pytest

from speechkit.lexicon import LexiconError, load

_DATA = load("quantities")


def _cases():
    out = []
    for section in ("units", "comparators", "rules"):
        for entry in _DATA[section]:
            for i, ex in enumerate(entry.get("examples") or []):
                out.append(pytest.param(ex, True, id=f"{section}-{entry['id']}-ex{i}"))
            for i, ex in enumerate(entry.get("counterexamples") or []):
                out.append(pytest.param({"text": ex, "quantities": []}, False,
                                        id=f"{section}-{entry['id']}-counter{i}"))
    return out


def _targets(text):
    from speechkit import find_quantities

    return [q for q in find_quantities(text) if q.role == "target"]


@pytest.mark.parametrize("ex,positive", [c for c in _cases() if not c.id.startswith("rules-")])
def test_unit_and_comparator_entries(ex, positive):
    got = [(q.value, q.value_hi, q.unit, q.op) for q in _targets(ex["text"])]
    want = [(q["value"], q.get("value_hi"), q["unit"], q["op"]) for q in ex["quantities"]]
    assert got == want, ex["text"]


@pytest.mark.parametrize("ex,positive", [c for c in _cases() if c.values[1]])
def test_an_unread_value_always_says_why(ex, positive):
    """A null value comes with the reason the example names (a redacted number has none: its unit is left)."""
    got = _targets(ex["text"])
    for q, want in zip(got, ex["quantities"]):
        if want.get("reason"):
            assert q.value is None and q.reason and want["reason"] in q.reason, (ex["text"], q)
        elif q.value is None:
            assert q.rule == "missing-number" or q.reason, (ex["text"], q)


@pytest.mark.parametrize("section", ["units", "comparators", "rules"])
def test_every_entry_has_examples_and_counterexamples(section):
    for entry in _DATA[section]:
        assert entry.get("examples") and entry.get("counterexamples"), f"data/quantities.yaml: {entry['id']}"


def test_spans_are_offsets_into_the_text_given():
    for c in _cases():
        text = c.values[0]["text"]
        for q in _targets(text):
            assert text[q.span[0]:q.span[1]] == q.text


def test_bad_data_is_refused_with_the_file_and_entry_named():
    from speechkit.rules.quantities import _comparators, _units

    with pytest.raises(LexiconError, match=r"data/quantities.yaml: unit group money: needs"):
        _units({"units": [{"id": "money", "words": ["元"], "needs": "sometimes"}]})
    with pytest.raises(LexiconError, match=r"data/quantities.yaml: comparator about: op"):
        _comparators({"comparators": [{"id": "about", "op": "about", "before": ["约"]}]})
    with pytest.raises(LexiconError, match=r"unit group money has no words"):
        _units({"units": [{"id": "money"}]})


@pytest.mark.parametrize("text,want", list(load("quantities")["measure_units_examples"].items()))
def test_measure_after_list_is_no_count(text, want):
    """A measure (money, length…) after a 、 list is an amount, not a count of the items listed."""
    from speechkit.rules.quantities import find_quantities

    qs = [(q.value, q.unit, q.role) for q in find_quantities(text)]
    assert (want[0], want[1], "target") in qs, qs


@pytest.mark.parametrize("text,want,carried", [
    *((t, w, True) for t, w in load("quantities")["policy_carried_examples"].items()),
    *((t, w, False) for t, w in load("quantities")["policy_carried_counterexamples"].items())])
def test_figure_of_a_policy_carried_out_is_no_target(text, want, carried):
    """A figure inside a policy carried out (落实…政策) is the policy's content; extended (延续) or outside it, a target."""
    from speechkit.rules.quantities import find_quantities

    qs = [(q.value, q.unit, q.role) for q in find_quantities(text)]
    assert (want[0], want[1], "policy" if carried else "target") in qs, qs
