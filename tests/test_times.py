"""find_times on the forms of issues 13 and 15, in sentences written for these tests; offsets;
and properties (hypothesis): how a date is written never changes what it resolves to."""
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from speechkit import find_times

# (text, speech date, surface expected, end expected) — one expression, the longest, carries the end
FORMS = [
    ("乡道改造工程要在今年6月底前完成", "2021-03-05", "在今年6月底前", "2021-06-30"),
    ("今年十二月底前全部交付使用", "2021-03-05", "今年十二月底前", "2021-12-31"),
    ("二〇二五年底前实现村村通", "2021-03-05", "二〇二五年底前", "2025-12-31"),
    ("新厂房明年3月份投产", "2021-06-14", "明年3月份", "2022-03-31"),
    ("明年初完成验收", "2021-06-14", "明年初", "2022-02-28"),
    ("本月9日召开推进会", "2021-06-14", "本月9日", "2021-06-09"),
    ("2017年8月11日至8月22日集中检查", "2021-06-14", "2017年8月11日至8月22日", "2017-08-22"),
    ("15年3月2日印发", "2021-06-14", "15年3月2日", "2015-03-02"),
    ("2015年3月3号截止", "2021-06-14", "2015年3月3号", "2015-03-03"),
    ("三月一日起施行", "2021-01-14", "三月一日起", None),
    ("明年九月开学", "2021-06-14", "明年九月", "2022-09-30"),
    ("2015年三月三号", "2021-06-14", "2015年三月三号", "2015-03-03"),
    ("下个月20号前报送", "2021-06-14", "下个月20号前", "2021-07-20"),
    ("务必于2022年3月1日完成", "2021-12-01", "于2022年3月1日", "2022-03-01"),
    ("到二〇二三年六月", "2021-12-01", "到二〇二三年六月", "2023-06-30"),
    ("２０２５年建成", "2021-12-01", "２０２５年", "2025-12-31"),
    ("２０２２年３月完成", "2021-12-01", "２０２２年３月", "2022-03-31"),
    ("于2022 年 3 月 1 日前报送", "2021-12-01", "于2022 年 3 月 1 日前", "2022-03-01"),
    ("完成年度目标任务", "2025-01-20", "年度", "2025-12-31"),
    ("2022-03-15前", "2022-01-05", "2022-03-15", "2022-03-15"),
    ("2022/3/15", "2022-01-05", "2022/3/15", "2022-03-15"),
    ("2022.3.15", "2022-01-05", "2022.3.15", "2022-03-15"),
    ("周五前交材料", "2021-06-14", "周五前", "2021-06-18"),
    ("礼拜一", "2021-06-16", "礼拜一", "2021-06-21"),
    ("下下周二", "2021-06-16", "下下周二", "2021-06-29"),
    ("上周三", "2021-06-16", "上周三", "2021-06-09"),
    ("本周内", "2021-06-16", "本周内", "2021-06-20"),
    ("下个月底", "2021-06-16", "下个月底", "2021-07-31"),
    ("前年", "2021-06-16", "前年", "2019-12-31"),
    ("后年底", "2021-06-16", "后年底", "2023-12-31"),
    ("大后天上午", "2021-06-16", "大后天上午", "2021-06-19"),
    ("三个月后复查", "2021-03-05", "三个月后", "2021-06-05"),
    ("两周内整改到位", "2021-03-05", "两周内", "2021-03-19"),
    ("十天之内", "2021-03-05", "十天之内", "2021-03-15"),
    ("10月的第一个周一", "2021-03-05", "10月的第一个周一", "2021-10-04"),
    ("元旦前", "2021-11-05", "元旦前", "2022-01-01"),
    ("春节后开工", "2021-11-05", "春节后", None),
    ("端午前", "2021-03-05", "端午前", "2021-06-14"),
    ("中秋节前", "2021-03-05", "中秋节前", "2021-09-21"),
    ("国庆节前", "2021-03-05", "国庆节前", "2021-10-01"),
    ("下週三前", "2021-06-14", "下週三前", "2021-06-23"),
    ("禮拜五", "2021-06-14", "禮拜五", "2021-06-18"),
    ("三個月後", "2021-03-05", "三個月後", "2021-06-05"),
    ("明天下午5点前报送", "2021-06-14", "明天下午5点前", "2021-06-15"),
]


@pytest.mark.parametrize("text,date,surface,end", FORMS, ids=[f[0] for f in FORMS])
def test_form(text, date, surface, end):
    found = find_times(text, date)
    assert found, text
    longest = max(found, key=lambda t: t.span[1] - t.span[0])
    assert (longest.text, longest.end) == (surface, end), found
    assert text[longest.span[0]:longest.span[1]] == longest.text


def test_no_speech_date_leaves_relative_forms_unread():
    for text in ("明年九月", "下周三", "三个月后", "春节前"):
        t = find_times(text)[0]
        assert t.end is None and t.note, t


def test_written_year_needs_no_speech_date():
    assert find_times("2023年6月30日前")[0].end == "2023-06-30"


def test_clock_keeps_the_day():
    t = find_times("后天上午9时前到位", "2021-06-14")[0]
    assert (t.end, t.clock) == ("2021-06-16", "上午9时")


def test_plan_year_owns_bare_months():
    t = find_times("3月底前完成", "2022-09-01", plan_year=2022)[0]
    assert t.end == "2022-03-31"


def test_relative_year_anchors_to_a_year_written_before_it():
    ts = find_times("2019年启动，次年建成", "2021-06-14")
    assert [t.end for t in ts] == ["2019-12-31", "2020-12-31"]


def test_past_words_are_marked():
    ts = find_times("去年 上周 昨天 两年前 近三年来 明年", "2021-06-14")
    assert [t.past for t in ts] == [True, True, True, True, True, False]


def test_traditional_conversion_is_character_for_character():
    """Every mapping in the table is one character to one, so offsets index the original."""
    from speechkit.rules.times.normalize import _table

    table, _ = _table()
    assert all(isinstance(v, str) and len(v) == 1 for v in table.values())
    assert "週禮拜後個號".translate(table) == "周礼拜后个号"


def test_unknown_part_is_a_clear_error():
    from speechkit.lexicon import LexiconError
    from speechkit.rules.times.compile import expand

    with pytest.raises(LexiconError, match="data/times.yaml: unknown part"):
        expand("{NOPE}", {})


# ------------------------------------------------------------------ properties

_CN = "〇一二三四五六七八九"


def _cn_small(n):
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _CN[tens] + "十")) + ("" if ones == 0 else _CN[ones])


def _write(n, style, year=False):
    if style == "arabic":
        return str(n)
    if style == "fullwidth":
        return "".join(chr(0xFF10 + int(ch)) for ch in str(n))
    return "".join(_CN[int(ch)] for ch in str(n)) if year else _cn_small(n)


_STYLE = st.sampled_from(["arabic", "fullwidth", "chinese"])


@st.composite
def written_dates(draw):
    y = draw(st.integers(1995, 2035))
    m = draw(st.integers(1, 12))
    d = draw(st.integers(1, 28))
    part = draw(st.sampled_from(["day", "month", "month-end", "year"]))
    suffix = draw(st.sampled_from(["", "前", "起"]))
    styles = [draw(_STYLE) for _ in range(3)]
    spaced = draw(st.booleans())
    sep = " " if spaced else ""
    pieces = [_write(y, styles[0], year=True), "年"]
    if part in ("day", "month", "month-end"):
        pieces += [_write(m, styles[1]), "月"]
    if part == "day":
        pieces += [_write(d, styles[2]), draw(st.sampled_from(["日", "号"]))]
    if part == "month-end":
        pieces += ["底"]
    canon = "".join([str(y), "年"] + ([str(m), "月"] if part != "year" else [])
                    + ([str(d), pieces[-1]] if part == "day" else []) + (["底"] if part == "month-end" else []))
    return sep.join(pieces) + suffix, canon + suffix


_BEFORE = st.sampled_from(["", "要", "各单位", "确保", "力争", "全面完成任务，"])
_AFTER = st.sampled_from(["", "完成", "建成投用", "，请抓好落实。"])


@settings(max_examples=300, deadline=None)
@given(written_dates(), _BEFORE, _AFTER)
def test_how_a_date_is_written_never_changes_its_value(date, before, after):
    """Full-width digits, Chinese numerals and PDF spacing resolve exactly as Arabic digits do,
    and the span still indexes the text as written."""
    written, canon = date
    text = before + written + after
    got = find_times(text, "2021-03-05")
    want = find_times(before + canon + after, "2021-03-05")
    assert [(t.start, t.end, t.rule) for t in got] == [(t.start, t.end, t.rule) for t in want], (text, got, want)
    for t in got:
        assert text[t.span[0]:t.span[1]] == t.text
    assert any(written in t.text for t in got), (written, got)


@settings(max_examples=200, deadline=None)
@given(st.integers(2000, 2040), st.integers(1, 12), st.integers(1, 28), _BEFORE, _AFTER)
def test_a_full_date_resolves_to_itself(y, m, d, before, after):
    """Never a wrong value: a written day is read as that day, whatever surrounds it."""
    text = f"{before}{y}年{m}月{d}日{after}"
    days = [t for t in find_times(text, "2021-03-05") if f"{y}年{m}月{d}日" in t.text]
    assert len(days) == 1 and days[0].end in (dt.date(y, m, d).isoformat(), None), (text, days)
    assert days[0].end is not None or days[0].start == dt.date(y, m, d).isoformat()


def test_a_passed_day_rolls_only_when_its_clause_looks_ahead():
    said = "2020-02-23"
    assert find_times("1月7日，我主持召开专题会议。", said)[0].end == "2020-01-07"
    assert find_times("我在2月12日的会议上提出，各地要分区施策。", said)[0].end == "2020-02-12"
    assert find_times("1月7日前要全部完成。", said)[0].end == "2021-01-07"


def test_a_day_without_a_year_after_a_full_date_takes_its_year():
    text = "2017年6月21日至23日，调研组在山区考察。这是6月21日下午，调研组走访农户。"
    assert [t.end for t in find_times(text, "2018-02-12")] == ["2017-06-23", "2017-06-21"]


def test_a_quarter_takes_the_year_named_before_it_in_the_sentence():
    ts = find_times("去年一季度开局良好，进入二季度以后有所回落。", "2025-03-05")
    assert [(t.text, t.end, t.start) for t in ts] == [("去年一季度", "2024-03-31", None),
                                                      ("二季度以后", None, "2024-07-01")]


def test_a_year_compared_with_is_no_anchor():
    ts = find_times("比去年增长5%，6月底前完成。", "2021-03-05")
    assert ts[-1].end == "2021-06-30"
