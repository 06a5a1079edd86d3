"""Judging conventions (data/judging.yaml): every example of every rule is a case, run through the
whole comparison (a target in one report, the figure or statement in the next report's review)."""
import pytest

from speechkit import Speech
from speechkit.compare import compare
from speechkit.compare.judge import Verdict, compare_targets, conventions, direction_of, judge
from speechkit.lexicon import load


def _cases():
    out = []
    for r in load("judging")["rules"]:
        for i, ex in enumerate(r["examples"]):
            out.append(pytest.param(ex, id=f"{r['id']}-{i}"))
    return out


def _outcome(target: str, reported: str):
    a = Speech.from_text(f"二、2022年工作安排\n今年全县主要预期目标为：{target}。", doc_id="a", date="2022-02-20", kind="gwr")
    b = Speech.from_text(f"一、2022年工作回顾\n过去一年，{reported}。\n二、2023年工作安排\n今年继续努力。", doc_id="b",
                         date="2023-02-15", kind="gwr")
    got = [l for l in compare(a, b) if l.kind == "outcome" and (target in l.a_text or l.a_text in target)]
    assert got, f"{target!r} was not read as a commitment"
    return got[0]


@pytest.mark.parametrize("ex", _cases())
def test_convention_example(ex):
    link = _outcome(ex["target"], ex["reported"])
    assert (link.status, link.reason) == (ex["status"], ex.get("reason")), (ex, link.rule, link.evidence)
    if link.status in ("met", "not_met"):
        assert link.rule and link.tolerance is not None  # every verdict records its rule and tolerance


def test_every_rule_is_documented_with_examples():
    rules = conventions()["rules"]
    assert {"floor-about", "ceiling-about", "reduction-about", "level", "reported-bound", "relation"} <= set(rules)
    assert all(r["doc"] and r["examples"] for r in rules.values())


@pytest.mark.parametrize("target,reported,direction,status,reason,rule,tolerance", [
    ({"value": 8, "unit": "%", "op": "~"}, {"value": 9.2, "unit": "%", "op": "="}, "floor", "met", "exceeded",
     "floor-about", "-0.5 pp"),
    ({"value": 8, "unit": "%", "op": "~"}, {"value": 7.5, "unit": "%", "op": "="}, "floor", "met", None,
     "floor-about", "-0.5 pp"),
    ({"value": 3, "unit": "%", "op": "~"}, {"value": 3.5, "unit": "%", "op": "="}, "ceiling", "met", None,
     "ceiling-about", "+0.5 pp"),
    ({"value": 1100, "unit": "万人", "op": ">="}, {"value": 0.1352, "unit": "亿人", "op": "="}, "floor", "met",
     "exceeded", "floor-bound", "none"),
    ({"value": 3.65, "unit": "万亿元", "op": "="}, {"value": 3.8, "unit": "万亿元", "op": "="}, "level", "met", None,
     "level", "±5 %"),
    ({"value": 2000, "unit": "人", "op": "~"}, {"value": 1890, "unit": "人", "op": "="}, "floor", "not_met", None,
     "floor-about", "-5 %"),
    ({"value": 3, "unit": "%", "op": "~"}, {"value": 3.2, "unit": "%", "op": ">"}, "reduction", "met", None,
     "reported-bound", "-0.5 pp"),
    ({"value": 12, "unit": "所", "op": "="}, {"value": 12, "unit": "个", "op": "="}, "level", "not_assessed",
     "ambiguous", "units-differ", None),
])
def test_judge_records_rule_and_tolerance(target, reported, direction, status, reason, rule, tolerance):
    assert judge(target, reported, direction) == Verdict(status, reason, tolerance, rule)


@pytest.mark.parametrize("a,b,direction,status", [
    ({"value": 6, "value_hi": 6.5, "unit": "%", "op": "range"}, {"value": 5.5, "unit": "%", "op": "~"}, "floor",
     "loosened"),
    ({"value": 1100, "unit": "万人", "op": ">="}, {"value": 1200, "unit": "万人", "op": "~"}, "floor", "tightened"),
    ({"value": 5.5, "unit": "%", "op": "<="}, {"value": 5.5, "unit": "%", "op": "~"}, "ceiling", "loosened"),
    ({"value": 5.5, "unit": "%", "op": "~"}, {"value": 5.5, "unit": "%", "op": "<="}, "ceiling", "tightened"),
    ({"value": 2.8, "unit": "%", "op": "~"}, {"value": 3, "unit": "%", "op": "="}, "ceiling", "loosened"),
    ({"value": 3, "unit": "%", "op": "~"}, {"value": 2, "unit": "%", "op": "~"}, "ceiling", "tightened"),
    ({"value": 2.5, "unit": "%", "op": "~"}, {"value": 3, "unit": "%", "op": "~"}, "reduction", "tightened"),
    ({"value": 3.65, "unit": "万亿元", "op": "="}, {"value": 3.8, "unit": "万亿元", "op": "="}, "level", "raised"),
    ({"value": 3, "unit": "所", "op": "="}, {"value": 2, "unit": "所", "op": "="}, "level", "lowered"),
    ({"value": 3, "unit": "%", "op": "~"}, {"value": 3, "unit": "%", "op": "~"}, "ceiling", "restated"),
    ({"value": 3, "unit": "%", "op": "~"}, None, "reduction", "loosened"),
])
def test_restatement_of_a_target(a, b, direction, status):
    assert compare_targets(a, b, direction)[0] == status


def _direction_cases():
    out = []
    for r in load("judging")["unlisted_direction"]:
        out += [pytest.param(r["direction"], t, True, id=f"{r['id']}-ex{i}") for i, t in enumerate(r["examples"])]
        out += [pytest.param(r["direction"], t, False, id=f"{r['id']}-counter{i}")
                for i, t in enumerate(r["counterexamples"])]
    return out


@pytest.mark.parametrize("direction,before,positive", _direction_cases())
def test_unlisted_direction(direction, before, positive):
    assert (direction_of("=", None, before) == direction) == positive


def test_a_hard_bound_decides_the_direction():
    assert direction_of(">=", "ceiling") == "floor" and direction_of("<=", "floor") == "ceiling"
    assert direction_of("~", "reduction") == "reduction" and direction_of("=", None, "新建学校") == "level"
