"""Two verdicts for every commitment of a chain: the sample chain against its gold, targets by period,
evidence on both sides, the ledger and the command line."""
import datetime as dt
import doctest
import importlib
import json
import subprocess
import sys

import pytest

from speechkit import Speech, compare, compare_chain, ledger, panel
from speechkit.compare import LEDGER_COLUMNS, OUTCOME_REASONS, OUTCOME_STATUSES, RESTATEMENT_STATUSES

GOLD = "gwr-jiangcheng.jsonl"
SUBMODULES = ["speechkit.compare", "speechkit.compare.review", "speechkit.compare.judge", "speechkit.compare.targets",
              "speechkit.compare.link", "speechkit.compare.chain", "speechkit.compare.table", "speechkit.outcomes"]
# (model, outcome and restate have no examples of their own: chain's run through them)


@pytest.mark.parametrize("name", SUBMODULES)
def test_docstrings(name):
    res = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert res.attempted and res.failed == 0


@pytest.fixture(scope="module")
def chain(speeches):
    return [s for s in speeches.values() if s.meta.get("chain") == "gwr-jiangcheng"]


@pytest.fixture(scope="module")
def chain_links(chain, extractions):
    return compare_chain(chain, extractions=extractions)


def _gold(corpus_dir):
    rows = [json.loads(l) for l in (corpus_dir / "links" / GOLD).read_text(encoding="utf-8").splitlines() if l]
    return [r for r in rows if "scope" not in r]


def _by_commitment(links):
    by = {}
    for l in links:
        by.setdefault((l.a_doc, l.a_start), {})[l.kind] = l
    return by


def test_sample_chain_against_gold(chain_links, corpus_dir, speeches):
    gold = _gold(corpus_dir)
    by = _by_commitment(chain_links)
    out_ok = res_ok = 0
    for g in gold:
        raw = speeches[g["a_doc"]].raw
        start = raw.index(g["a_text"])
        got = [v for (doc, s), v in by.items() if doc == g["a_doc"] and s <= start < v["outcome"].a_end]
        assert got, f"{g['a_text']} not extracted"
        o, r = got[0]["outcome"], got[0]["restatement"]
        out_ok += (o.status, o.reason) == (g["outcome"], g["outcome_reason"]) and (
            g["b_text"] is None or (o.b_text and g["b_text"] in speeches[o.b_doc].raw[o.b_start:o.b_end]))
        res_ok += r.status == g["restatement"]
    # measured: outcome 51/51 (status, reason and evidence), restatement 51/51
    assert out_ok / len(gold) >= 0.95 and res_ok / len(gold) >= 0.95, (out_ok, res_ok, len(gold))


def test_every_commitment_has_one_outcome_and_one_restatement(chain, chain_links, extractions):
    by = _by_commitment(chain_links)
    n = sum(len(extractions[s.doc_id].commitments) for s in chain)
    assert len(by) == n and len(chain_links) == 2 * n
    assert all(set(v) == {"outcome", "restatement"} for v in by.values())
    last = max(chain, key=lambda s: s.date).doc_id
    assert all(v["outcome"].reason == "no later report" for (doc, _), v in by.items() if doc == last)


def test_statuses_and_reasons_come_from_the_vocabularies(chain_links):
    for l in chain_links:
        if l.kind == "outcome":
            assert l.status in OUTCOME_STATUSES and (l.reason is None or l.reason in OUTCOME_REASONS)
            assert (l.status == "not_assessed") == (l.reason in ("not yet due", "no later report", "not reported",
                                                                "ambiguous"))
            assert (l.part is not None) == (l.status == "partly_met")
        else:
            assert l.status in RESTATEMENT_STATUSES
        assert l.evidence or l.status == "new"


def test_links_point_into_both_raw_texts(chain_links, speeches):
    from speechkit.clean import clean

    for l in chain_links:
        assert clean(speeches[l.a_doc].raw[l.a_start:l.a_end]).text.replace("\n", "") == l.a_text
        if l.b_start is not None:
            assert clean(speeches[l.b_doc].raw[l.b_start:l.b_end]).text.replace("\n", "") == l.b_text


def test_outcomes_only_from_the_review_part(chain_links, speeches):
    raw = speeches["jiangcheng-gwr-2023"].raw
    plan_at = raw.index("二、2023年工作安排")
    assert all(l.b_start < plan_at for l in chain_links if l.kind == "outcome" and l.b_doc == "jiangcheng-gwr-2023")


def _three(texts, years=(2020, 2021, 2022)):
    return [Speech.from_text(t, doc_id=f"r{y}", date=f"{y}-03-01", kind="gwr", chain="c") for t, y in zip(texts, years)]


A = "二、2020年工作安排\n今明两年新建中小学校12所。实施城区道路提升三年行动。"
B = "一、2020年工作回顾\n过去一年，新建中小学校5所。\n二、2021年工作安排\n深入实施城区道路提升三年行动。"
C = ("一、2021年工作回顾\n过去一年，两年共新建中小学校13所。\n二、2022年工作安排\n全面完成城区道路提升三年行动。")
D = "一、2022年工作回顾\n城区道路提升三年行动全面完成。\n二、2023年工作安排\n今年继续努力。"


def _outcome(links, doc, text):
    return next(l for l in links if l.kind == "outcome" and l.a_doc == doc and text in l.a_text)


def test_a_two_year_target_is_not_yet_due_after_one_year():
    links = compare_chain(_three([A, B]))
    o = _outcome(links, "r2020", "新建中小学校12所")
    assert (o.status, o.reason, o.b_doc) == ("not_assessed", "not yet due", None)
    assert (o.period_start, o.period_end) == ("2020-01-01", "2021-12-31")


def test_a_two_year_target_is_judged_at_its_last_year():
    links = compare_chain(_three([A, B, C]))
    o = _outcome(links, "r2020", "新建中小学校12所")
    assert (o.status, o.b_doc) == ("met", "r2022")  # 13 against 12, not 5 after the first year


def test_a_three_year_action_is_due_at_the_end_of_its_third_year():
    links = compare_chain(_three([A, B, C, D], years=(2020, 2021, 2022, 2023)))
    o = _outcome(links, "r2020", "三年行动")
    assert (o.status, o.b_doc) == ("met", "r2023")
    later = _outcome(links, "r2021", "三年行动")  # the same action, named a year later, is due with it
    assert later.period_end == "2022-12-31" and later.status == "met"


def test_no_outcome_from_a_figure_of_another_subject():
    a, b = _three(["二、2020年工作安排\n今年县本级基础研究支出增长9%。",
                   "一、2020年工作回顾\n全县财政收入突破20亿元，增长8.2%。\n二、2021年工作安排\n今年继续努力。"])
    o = _outcome(compare(a, b), "r2020", "基础研究")
    assert (o.status, o.reason, o.b_text) == ("not_assessed", "not reported", None)


def test_no_outcome_from_the_plan_part_of_the_next_report():
    a, b = _three(["二、2020年工作安排\n今年全县主要预期目标为：地区生产总值增长7%左右。",
                   "一、2020年工作回顾\n全县上下攻坚克难。\n二、2021年工作安排\n去年地区生产总值增长7.4%，今年要增长7%左右。"])
    o = _outcome(compare(a, b), "r2020", "地区生产总值")
    assert (o.status, o.reason) == ("not_assessed", "not reported")


def test_growth_above_target_is_met_and_flagged():
    a, b = _three(["二、2020年工作安排\n今年全县主要预期目标为：地区生产总值增长8%左右。",
                   "一、2020年工作回顾\n过去一年，地区生产总值增长9.2%。\n二、2021年工作安排\n"
                   "今年全县主要预期目标为：地区生产总值增长7.5%左右。"])
    links = compare(a, b)
    o = _outcome(links, "r2020", "地区生产总值")
    assert (o.status, o.reason, o.rule, o.tolerance) == ("met", "exceeded", "floor-about", "-0.5 pp")
    r = next(l for l in links if l.kind == "restatement")
    assert r.status == "loosened" and r.b_text == "地区生产总值增长7.5%左右"


def test_a_figure_of_the_review_is_not_judged_as_a_target():
    from dataclasses import replace

    from speechkit.compare.chain import reports_of
    from speechkit.compare.outcome import outcome_link

    reps = reports_of(_three(["二、2019年工作安排\n今年全县主要预期目标为：城镇新增就业3500人以上。",
                              "一、2019年工作回顾\n过去一年，城镇新增就业3600人。"]))
    t = reps[0].targets[0]
    assert outcome_link(t, reps, 0).status == "met"
    misplaced = replace(t, in_plan=False)  # the same record, had the extractor taken it from a review
    link = outcome_link(misplaced, reps, 0)
    assert (link.status, link.reason, link.rule) == ("not_assessed", "ambiguous", "review-part")


def test_review_figures_are_not_new_targets():
    p = panel(_three(["二、2020年工作安排\n今年全县主要预期目标为：地区生产总值增长8%左右。",
                      "一、2020年工作回顾\n过去一年，地区生产总值增长9.2%。\n二、2021年工作安排\n"
                      "今年全县主要预期目标为：地区生产总值增长7.5%左右。"]))
    assert p[p.year == 2021].target.tolist() == [7.5]


def test_dated_deliverable_moved_later_has_slipped_and_a_yearly_line_has_not():
    a, b = _three(["二、2020年工作安排\n确保城西大桥9月底前建成通车。提高城乡居民基础养老金。",
                   "一、2020年工作回顾\n城西大桥受汛期影响尚未建成。\n二、2021年工作安排\n确保城西大桥6月底前建成通车。"
                   "提高城乡居民基础养老金。"])
    st = {l.a_text[:4]: l.status for l in compare(a, b) if l.kind == "restatement"}
    assert st == {"确保城西": "slipped", "提高城乡": "restated"}


def test_ledger_has_the_published_columns_and_both_quotes(chain, chain_links):
    led = ledger(chain, links=chain_links)
    assert tuple(led.columns) == LEDGER_COLUMNS
    assert len(led) == len(chain_links) // 2
    assert led.days_overdue.isna().all()  # no clock: nothing is overdue without as_of
    assert {"jiangcheng-gwr-2023"} <= set(led.doc_id)  # the last report's targets are in the ledger
    met = led[(led.outcome_status == "met") & led.indicator.notna() & led.target_value.notna()]
    assert len(met) >= 8 and met.outcome_text.notna().all() and met.outcome_value.notna().all()
    assert set(led.link_method.dropna()) <= {"indicator", "text"}


def test_days_overdue_only_for_one_off_deliverables(chain, chain_links):
    led = ledger(chain, as_of="2022-12-31", links=chain_links)
    late = led[led.days_overdue.notna()]
    assert "力争三季度末投入运行" in set(late.text)
    row = late[late.text == "力争三季度末投入运行"].iloc[0]
    assert row.days_overdue == (dt.date(2022, 12, 31) - dt.date(2021, 9, 30)).days
    assert late.indicator.isna().all() and (late.outcome_status != "met").all()


def test_cli_compare_links_and_ledger(corpus_dir, tmp_path):
    out = tmp_path / "links.jsonl"
    base = [sys.executable, "-m", "speechkit.cli", "compare", str(corpus_dir), "--manifest",
            str(corpus_dir / "manifest.csv")]
    r = subprocess.run(base + ["-o", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    keys = {"a_doc", "a_start", "a_end", "a_text", "b_doc", "b_start", "b_end", "b_text", "kind", "status", "reason"}
    assert rows and all(keys <= set(r) for r in rows)
    outcome_rows = [(r["a_doc"], r["a_start"]) for r in rows if r["kind"] == "outcome"]
    assert len(outcome_rows) == len(set(outcome_rows)) == len(rows) // 2
    led = tmp_path / "ledger.csv"
    r = subprocess.run(base + ["--ledger", "--format", "csv", "--as-of", "2023-12-31", "-o", str(led)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    import pandas as pd

    df = pd.read_csv(led)
    assert tuple(df.columns) == LEDGER_COLUMNS and len(df) == len(outcome_rows)


def test_figure_of_a_policy_carried_out_is_no_target_metric():
    """A figure the extractor reads as a policy's content (quantity role policy) is no metric of the ledger either."""
    from speechkit import Extractor, Speech
    from speechkit.compare.targets import read_targets

    sp = Speech.from_text("加大对个体工商户的扶持，落实好增值税起征点提高到15万元的优惠政策。", doc_id="t",
                          date="2024-01-20", kind="gwr")
    ex = Extractor().extract(sp)
    assert ex.commitments[0].metrics == []
    assert read_targets(sp, ex)[0].metric is None
