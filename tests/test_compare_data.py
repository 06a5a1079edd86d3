"""The comparison's other data rules, one case per example and counterexample: targets by period
(data/judging.yaml multi_year) and the text-linking lexicon (data/linking.yaml)."""
import re

import pytest

from speechkit import Speech
from speechkit.compare.link import content
from speechkit.compare.targets import _now_rule, _rule_due, linking
from speechkit.lexicon import load
from speechkit.outcomes import read_figures


def _cases(rules):
    out = []
    for r in rules:
        out += [pytest.param(r, t, True, id=f"{r['id']}-ex{i}") for i, t in enumerate(r["examples"])]
        out += [pytest.param(r, t, False, id=f"{r['id']}-counter{i}") for i, t in enumerate(r["counterexamples"])]
    return out


@pytest.mark.parametrize("rule,text,positive", _cases(load("judging")["multi_year"]))
def test_targets_by_period(rule, text, positive):
    if rule.get("now"):
        assert (_now_rule(text) == rule["id"]) == positive
        return
    got = _rule_due(text, 2021, None)
    assert (got is not None and got[1] == rule["id"] and got[0] > 2021) == positive, got


def test_a_plan_document_is_due_the_year_its_title_does_not_name():
    from speechkit.compare.chain import reports_of

    s = Speech.from_text("二、2021年工作安排\n制定2030年前全县碳达峰实施方案。", doc_id="a", date="2021-03-01", kind="gwr")
    t = reports_of([s])[0].targets[0]
    assert (t.due, t.period_rule) == (2021, "document-now")


def _linking_rules():
    d = load("linking")
    return [d[k] for k in ("one_off", "predicate_start", "stopped", "acts", "entity_heads")] + d["aliases"]


@pytest.mark.parametrize("rule,text,positive", _cases(_linking_rules()))
def test_linking_rule(rule, text, positive):
    assert bool(re.search(rule["pattern"], text)) == positive


def test_generic_words_and_numbers_are_cut_from_the_compared_content():
    rule = load("linking")["generic"]
    for text in rule["examples"]:
        assert content(text) != text  # something generic cut
    for text in rule["counterexamples"]:
        assert content(text) == text
    assert content("完成投资120亿元以上") == "完成投资|"
    assert content("确保滨江大道6月底前全线通车") == "|滨江大道|全线通车"
    assert content("成功举办中国国际进口博览会") == "|进博会"  # an alias written one way


def test_linking_thresholds_are_read():
    lk = linking()
    assert 0 < lk["min_outcome"] <= lk["min_restatement"] < 1 and lk["min_run"] >= 3


@pytest.mark.parametrize("text,want", [
    ("城乡常住居民人均可支配收入预计分别增长6.5%和7.5%左右", [("urban_income_growth", 6.5, "~"), ("rural_income_growth", 7.5, "~")]),
    ("城镇和农村常住居民人均可支配收入分别达到3.6万元、2.5万元，分别同比增长6.1%",
     [("urban_income_growth", 6.1, "="), ("rural_income_growth", 6.1, "=")]),
    ("居民人均可支配收入下降1.2%", [("income_growth", -1.2, "=")]),
    ("农村贫困人口减少1200人", [("poverty_reduction", 1200, "=")]),
    ("主要污染物排放量下降3.4%", [("pollutant_emission_cut", 3.4, "=")]),
])
def test_figures_read_with_their_subject_and_sign(text, want):
    got = [(m.key, f["value"], f["op"]) for m, f, _, _ in read_figures(text) if f]
    assert got == want
