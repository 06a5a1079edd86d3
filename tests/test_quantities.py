"""find_quantities as a whole: random phrases read back, writing never changes a value, no guesses."""
from decimal import Decimal

import cn2an
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from speechkit import find_quantities
from speechkit.rules.numeral_runs import MAX_RUN, runs

_FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")
UNITS = ["万人", "亿元", "万元", "%", "个", "家", "吨", "万吨标准煤", "元/吨", "公里", "个百分点", "万标箱", "亩", "人次",
         "千米", "千瓦时", "‰", "美元"]
BEFORE = [("", None), ("超过", ">"), ("突破", ">"), ("不少于", ">="), ("不超过", "<="), ("控制在", "<="), ("约", "~"),
          ("近", "~"), ("不到", "<"), ("低于", "<"), ("达到", "=")]
AFTER = [("", None), ("以上", ">="), ("以内", "<="), ("以下", "<="), ("左右", "~"), ("（含）以上", ">=")]
HEADS = ["今年", "全年新增", "力争", "确保", "其中"]


def _arabic(v):
    return str(v)


def _full_width(v):
    return str(v).translate(_FULL)


def _chinese(v):
    return cn2an.an2cn(str(v)) if isinstance(v, float) else cn2an.an2cn(v)


def _grouped(v):
    return f"{v:,}".replace(",", "，") if isinstance(v, int) else str(v)


WRITERS = {"arabic": _arabic, "full-width": _full_width, "chinese": _chinese, "grouped": _grouped}
values = st.one_of(st.integers(min_value=1, max_value=99999),
                   st.decimals(min_value="0.1", max_value="999.9", places=1).map(float),
                   st.decimals(min_value="0.01", max_value="99.99", places=2).map(float))


def _phrase(v, unit, before, after, head, writer, space):
    return f"{head}{before}{WRITERS[writer](v)}{space}{unit}{after}，"


def _amount(value, unit):
    """A value in base units: 33 万吨 and 330000 吨 are one amount (a Chinese 三十三万 before 吨 keeps its 万),
    and so are 1 千米 and 1000 米 (一千米 is read as 1000 米)."""
    amount = Decimal(str(value))
    stripped = True
    while stripped:  # 「一万千米」 may read as 1 万千米: both magnitudes go (10**7 米)
        stripped = False
        for prefix, f in (("万亿", 10 ** 12), ("亿", 10 ** 8), ("万", 10 ** 4), ("千", 1000)):
            if unit.startswith(prefix) and unit != prefix + "分点" and len(unit) > len(prefix):
                amount, unit, stripped = amount * f, unit[len(prefix):], True
                break
    return amount, unit


@settings(max_examples=400, deadline=None)
@given(v=values, unit=st.sampled_from(UNITS), before=st.sampled_from(BEFORE), after=st.sampled_from(AFTER),
       head=st.sampled_from(HEADS), writer=st.sampled_from(sorted(WRITERS)), space=st.sampled_from(["", " ", "\u3000"]))
def test_random_phrases_read_back(v, unit, before, after, head, writer, space):
    """Any value, written any way, with any unit and comparator, reads back as written."""
    assume(not (isinstance(v, float) and v == int(v)))
    # 「五十一万 万元」: two magnitudes apart is refused (value None with a reason), not guessed
    assume(not (writer == "chinese" and space and v >= 10000 and unit[0] in "万亿"))
    text = _phrase(v, unit, before[0], after[0], head, writer, space)
    qs = find_quantities(text)
    assert len(qs) == 1, (text, qs)
    q = qs[0]
    want_op = after[1] or before[1] or "="
    assert q.reason is None and q.value_hi is None and q.op == want_op, (text, q)
    assert _amount(q.value, q.unit) == _amount(v, unit), (text, q)
    # where the amount may be split two ways (十万 + 万人, 一千 + 米 or 一 + 千米, 二 + 千米 = 二千 + 米) only the
    # amount is checked
    if not (writer == "chinese" and (v >= 10000 or unit[0] in "千百")):
        assert (q.value, q.unit) == (v, unit), (text, q)
    assert text[q.span[0]:q.span[1]] == q.text


@settings(max_examples=200, deadline=None)
@given(v=values, unit=st.sampled_from(UNITS), after=st.sampled_from(AFTER))
def test_writing_never_changes_a_value(v, unit, after):
    """Full-width digits, Chinese numerals, thousands commas and PDF spacing give the value of plain digits."""
    assume(not (isinstance(v, float) and v == int(v)))
    plain = find_quantities(_phrase(v, unit, "", after[0], "全年", "arabic", ""))
    want = [(_amount(q.value, q.unit), q.op) for q in plain]
    for writer in WRITERS:
        for space in ("", " "):
            if writer == "chinese" and space and v >= 10000 and unit[0] in "万亿":
                continue
            other = find_quantities(_phrase(v, unit, "", after[0], "全年", writer, space))
            assert [(_amount(q.value, q.unit), q.op) for q in other] == want, (writer, space)


@settings(max_examples=150, deadline=None)
@given(lo=st.integers(min_value=1, max_value=500), step=st.integers(min_value=1, max_value=500),
       unit=st.sampled_from(["万元", "%", "个", "亿元", "个百分点", "千米", "元/吨"]),
       dash=st.sampled_from(["-", "－", "—", "——", "--", "～", "至", "到"]),
       repeat=st.booleans(), writer=st.sampled_from(["arabic", "chinese", "full-width"]))
def test_random_ranges_read_back(lo, step, unit, dash, repeat, writer):
    hi = lo + step
    w = WRITERS[writer]
    text = f"每年{w(lo)}{unit if repeat else ''}{dash}{w(hi)}{unit}，"
    qs = find_quantities(text)
    if writer == "chinese" and unit[0] in "千百":
        # 一-二千米 is 1000-2000 米, one amount with 1-2 千米; 一千米-十千米 splits 一千+米 from 十+千米 and may
        # come back as two figures: no wrong value either way
        want = {_amount(lo, unit), _amount(hi, unit)}
        for q in qs:
            assert q.value is None or _amount(q.value, q.unit) in want, (text, qs)
            assert q.value_hi is None or _amount(q.value_hi, q.unit) == _amount(hi, unit), (text, qs)
        return
    got = [(q.value, q.value_hi, q.unit, q.op) for q in qs]
    m = hi // (lo + 1) if hi % (lo + 1) == 0 else 0
    if writer == "chinese" and not repeat and lo < 10 and m in (10, 100, 1000):
        # 六—七十 is read as 60-70 (the magnitude of the second number shared, as in 六七十): both readings are Chinese
        assert got in ([(lo * m, hi, unit, "range")], [(lo, hi, unit, "range")]), (text, qs)
        return
    assert got == [(lo, hi, unit, "range")], (text, qs)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="零〇一二两三四五六七八九十百千万亿几数上多余点0123456789.,，个元%-至 ", min_size=1, max_size=14))
def test_no_guessed_value_in_numeral_soup(s):
    """Random runs of numeral characters before a unit: any value given is the exact reading of its text."""
    text = f"投资{s}元"
    for q in find_quantities(text):
        assert text[q.span[0]:q.span[1]] == q.text
        if q.value is None or q.rule != "number-unit" or not q.text.replace("元", "").isdigit():
            continue
        assert q.value == int(q.text.replace("元", ""))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_safe(s):
    for q in find_quantities(s):
        assert s[q.span[0]:q.span[1]] == q.text
        assert q.value is not None or q.reason or q.rule == "missing-number"


@pytest.mark.parametrize("text,want", [
    ("增长5%，225家企业受益", [(5, "%"), (225, "家")]),  # a clause comma after a unit
    ("补偿82，225.00元", [(82225.0, "元")]),  # a full-width comma that groups thousands
    ("分别为5，7个", [(7, "个")]),  # one that does not: a clause separator
    ("新增１２，０００户", [(12000, "户")]),
])
def test_full_width_commas_group_only_thousands(text, want):
    assert [(q.value, q.unit) for q in find_quantities(text)] == want


def test_pdf_spacing_between_digits_is_not_guessed():
    """「1 100 万人」 may be 1100 with a thousands space, or two numbers: the span comes back without a value."""
    q, = find_quantities("城镇新增就业1 100 万人")
    assert q.value is None and q.unit == "万人" and "space" in q.reason and q.text == "1 100 万人"
    assert [(q.value, q.unit) for q in find_quantities("城镇新增就业1100 万人")] == [(1100, "万人")]


def test_a_minus_sign_is_not_dropped():
    q, = find_quantities("进出口增长-2.5%")
    assert q.value is None and "minus" in q.reason


def test_numeral_runs_are_bounded_and_complete():
    text = "一" * (MAX_RUN + 1) + "，三千二百万元"
    assert [text[s:e] for s, e in runs(text)] == ["三千二百万"]
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(3200, "万元")]


def test_service_standard_is_a_quantity_and_programme_name_is_not():
    assert [(q.value, q.unit, q.op) for q in find_quantities("企业开办压缩至1个工作日内")] == [(1, "个工作日", "<=")]
    assert find_quantities("扎实推进十项重大工程") == []


def test_baseline_and_target_of_a_change():
    qs = find_quantities("增值税税率由16%降至13%")
    assert [(q.value, q.role) for q in qs] == [(16, "baseline"), (13, "target")]


def test_as_metric_is_the_spec_dict():
    q, = find_quantities("营业收入突破500亿元")
    assert q.as_metric() == {"text": "突破500亿元", "value": 500, "value_hi": None, "unit": "亿元", "op": ">"}
