"""The review/plan boundary and the periods of the review (data/review.yaml), on the rules' own
examples and on the project's sample chain; outcomes come from the review part only."""
import pytest

from speechkit import Speech, find_outcomes, segment
from speechkit.compare.review import (_heading_kind, _period_opener, _plan_opener, cumulative, layout,
                                      plan_number_end)
from speechkit.lexicon import load

CHAIN = ("jiangcheng-gwr-2021", "jiangcheng-gwr-2022", "jiangcheng-gwr-2023")


def _rule_cases(key):
    out = []
    for r in load("review")[key]:
        out += [pytest.param(r, t, True, id=f"{r['id']}-ex{i}") for i, t in enumerate(r["examples"])]
        out += [pytest.param(r, t, False, id=f"{r['id']}-counter{i}") for i, t in enumerate(r["counterexamples"])]
    return out


@pytest.mark.parametrize("rule,text,positive", _rule_cases("plan_headings"))
def test_plan_heading(rule, text, positive):
    assert (_heading_kind(text) in ("plan", "mixed")) == positive


@pytest.mark.parametrize("rule,text,positive", _rule_cases("review_headings"))
def test_review_heading(rule, text, positive):
    assert (_heading_kind(text) in ("review", "mixed")) == positive


@pytest.mark.parametrize("rule,text,positive", _rule_cases("plan_openers"))
def test_plan_opener(rule, text, positive):
    assert (_plan_opener(text, 2021) == rule["id"]) == positive


@pytest.mark.parametrize("rule,text,positive", _rule_cases("periods"))
def test_period_opener(rule, text, positive):
    got = _period_opener(text, 2021)
    assert (got is not None and got[0] == rule["period"]) == positive


@pytest.mark.parametrize("rule,text,positive", _rule_cases("cumulative"))
def test_cumulative(rule, text, positive):
    assert cumulative(text) == positive


def test_a_five_year_plan_opens_the_plan_only_while_it_runs():
    assert _plan_opener("“十四五”时期是新征程的第一个五年。", 2021) == "five-year-plan-opener"
    assert _plan_opener("“十三五”时期是全县跨越发展的五年。", 2021) is None  # ended in 2020: a review
    assert plan_number_end("三") == 2020


@pytest.mark.parametrize("doc_id", CHAIN)
def test_boundary_on_the_sample_chain(speeches, doc_id):
    s = speeches[doc_id]
    lay = layout(segment(s), s.date.year)
    heading = f"二、{s.date.year}年工作安排"
    assert lay.rule == "plan-heading"
    assert s.raw[lay.plan_raw_start:].startswith(heading)
    parts = {p.part for p in lay.passages}
    assert parts == {"preamble", "review", "plan"}
    assert all(p.raw_start < lay.plan_raw_start for p in lay.passages if p.part == "review")


def test_periods_of_a_review_with_five_years(speeches):
    s = speeches["jiangcheng-gwr-2023"]
    lay = layout(segment(s), 2023)
    period = {p.text[:4]: p.period for p in lay.passages if p.part == "review"}
    assert period["2022"] == "last_year" and period["项目建设"] == "last_year"
    assert period["过去五年"] == "five_years" and period["在肯定成"] == "problems"


def test_figures_of_the_sample_review(speeches):
    outs = find_outcomes(speeches["jiangcheng-gwr-2023"])
    figs = {(o.indicator, o.period): o.metrics[0] for o in outs if o.kind == "figure"}
    assert figs[("gdp_growth", "last_year")]["value"] == 6.5  # written 「６．５％」
    assert figs[("registered_unemployment", "last_year")]["op"] == "<="  # 「3.3%以下」 keeps its bound
    assert figs[("energy_intensity_cut", "last_year")]["op"] == ">"  # 「降幅超过2.5%」
    assert figs[("fiscal_revenue_growth", "last_year")]["value"] == 4.1
    assert figs[("tax_revenue_growth", "last_year")]["value"] == 6.2  # its own subject, not fiscal revenue
    assert ("gdp_growth", "cumulative") in figs  # 「过去五年…年均增长7.1%」: not the 2022 figure
    plan_at = speeches["jiangcheng-gwr-2023"].raw.index("二、2023年工作安排")
    assert all(o.start < plan_at for o in outs)  # 「去年全县固定资产投资增长8%」 in the plan is no outcome
    raw = speeches["jiangcheng-gwr-2023"].raw
    assert all(raw[o.start:o.end] == o.text for o in outs)


def test_a_plan_without_review_reports_nothing(speeches):
    assert find_outcomes(speeches["jiangcheng-plan-2021"]) == []


def test_forward_looking_figures_are_not_outcomes():
    s = Speech.from_text("今年地区生产总值增长7.1%左右。", doc_id="x", date="2022-02-16", kind="gwr")
    assert not [o for o in find_outcomes(s) if o.indicator]


def test_a_mixed_section_is_review_until_the_plan_opens():
    text = ("一、2020年工作回顾\n2020年，全县地区生产总值增长3.1%。\n二、“十三五”时期成就和“十四五”时期目标\n"
            "过去五年，全县地区生产总值年均增长6.2%。\n“十四五”时期是全县高质量发展的五年。到2025年，地区生产总值年均增长6%左右。")
    lay = layout(segment(text), 2021)
    assert lay.rule == "five-year-plan-opener"
    review = [p for p in lay.passages if p.part == "review"]
    assert [p.period for p in review][-1] == "five_years"
    assert text[lay.plan_start:].startswith("“十四五”时期是")
