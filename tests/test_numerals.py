"""Numerals (speechkit.numerals): exact readings, documented approximations, and no guesses."""
import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechkit.numerals import APPROX_PAIRS, HALF_WIDTH, read_numeral, to_number

_FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _omits_ling(n: int, written: str) -> bool:
    """cn2an writes 2100001452 as 二十一亿一千四百五十二: after 亿 it leaves out the 零 that standard writing needs
    when the 万 section is empty (二十一亿零一千四百五十二). speechkit reads 零 strictly (「一亿一千」 may be
    said for 一亿一千万), so such writings are not this property's concern (see the exact cases below)."""
    rest = n % 10 ** 8
    return "亿" in written and 0 < rest < 10 ** 7 and not written.split("亿")[-1].startswith("零")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10 ** 13))
def test_chinese_numerals_written_by_cn2an_read_back(n):
    written = cn2an.an2cn(n)
    if _omits_ling(n, written):  # write it as the standard does: 零 after the last 亿
        i = written.rindex("亿") + 1
        written = written[:i] + "零" + written[i:]
    assert to_number(written) == n


@pytest.mark.parametrize("written,value", [("二十一亿零一千四百五十二", 2100001452), ("一亿零一千", 100001000),
                                           ("一千万一千", 10001000), ("一亿一千", None)])
def test_ling_read_strictly(written, value):
    assert to_number(written) == value


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10 ** 7), st.integers(min_value=1, max_value=99))
def test_chinese_decimals_read_back(n, frac):
    written = cn2an.an2cn(f"{n}.{frac:02d}".rstrip("0"))
    assert to_number(written) == float(f"{n}.{frac:02d}")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=10 ** 12), st.sampled_from([",", "，"]))
def test_thousands_separators_half_and_full_width(n, sep):
    written = f"{n:,}".replace(",", sep)
    assert to_number(written) == n
    assert to_number(written.translate(_FULL)) == n


@pytest.mark.parametrize("text,value,value_hi,magnitude,kind", [
    ("一万二千三百四十五", 12345, None, "", "exact"),
    ("二十五万三千二百", 253200, None, "", "exact"),
    ("一亿二千万", 12000, None, "万", "exact"),
    ("3千万", 3000, None, "万", "exact"),
    ("3千万亿", 3000, None, "万亿", "exact"),
    ("1万2千", 12000, None, "", "exact"),
    ("1.2万", 1.2, None, "万", "exact"),
    ("三点五万", 3.5, None, "万", "exact"),
    ("一百五", 150, None, "", "exact"),  # colloquial: the last digit takes the next place
    ("三万五", 35000, None, "", "exact"),
    ("一百零五", 105, None, "", "exact"),
    ("八九亿", 8, 9, "亿", "pair"),
    ("七八", 7, 8, "", "pair"),
    ("三五百", 300, 500, "", "pair"),
    ("十七八万", 17, 18, "万", "pair"),
    ("一百七八十", 170, 180, "", "pair"),
    ("几十万", 10, 100, "万", "vague"),
    ("数百", 100, 1000, "", "vague"),
    ("十几", 10, 20, "", "vague"),
    ("二十几亿", 20, 30, "亿", "vague"),
    ("上千", 1000, None, "", "floor"),
    ("上百万", 100, None, "万", "floor"),
])
def test_documented_readings(text, value, value_hi, magnitude, kind):
    r = read_numeral(text)
    assert (r.value, r.value_hi, r.magnitude, r.kind) == (value, value_hi, magnitude, kind)
    assert type(r.value) is type(value)


@pytest.mark.parametrize("text", [
    "3万2",  # 32000 or 30002: no guess
    "1万200",  # 零 missing
    "一二三",  # a digit string
    "二〇二五",  # a year, not an amount
    "六千三十九",  # a skipped place without 零
    "一万七亿",  # colloquial digit not at the end
    "十两",  # 两 is a weight there
    "1.2万3千",  # a decimal inside
    "5，7",  # a clause comma, not thousands
    "12千",
    "亿亿",
    "几十几",
])
def test_unreadable_runs_give_a_reason_not_a_number(text):
    r = read_numeral(text)
    assert r is None or (r.value is None and r.reason), r


@pytest.mark.parametrize("text", ["百姓", "千万", "万一", "几", "上", "数"])
def test_words_without_a_digit_are_no_number(text):
    assert read_numeral(text) is None


def test_to_number_keeps_digit_strings_for_years_and_refuses_ranges():
    assert to_number("二〇二五") == 2025 and to_number("二零二一") == 2021
    assert to_number("八九") is None and to_number("几十") is None and to_number("上千") is None


def test_full_width_translation_keeps_offsets():
    s = "增长５．５％"
    assert len(s.translate(HALF_WIDTH)) == len(s) and s.translate(HALF_WIDTH) == "增长5.5％"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="零一二两三四五六七八九十百千万亿", min_size=1, max_size=9))
def test_never_a_value_cn2an_contradicts(s):
    """Whatever our reader accepts, cn2an's strict reader reads the same, or the form is a documented
    one cn2an refuses (a last digit after 百 千 万 亿 standing for the next place; 万 counted past 万)."""
    r = read_numeral(s)
    if r is None or r.value is None or r.kind != "exact":
        return
    mine = r.value * {"": 1, "万": 10 ** 4, "亿": 10 ** 8, "万亿": 10 ** 12}[r.magnitude]
    try:
        theirs = cn2an.cn2an(s.replace("两", "二"), "strict")
    except (ValueError, KeyError):
        theirs = None
    if theirs is not None:
        assert mine == theirs, (s, mine, theirs)
    else:  # colloquial 一百五, or a count of 万 that passes 万 (六万七千万 = 67000 万)
        assert s[-1] in "一二两三四五六七八九" and s[-2] in "百千万亿" or s.endswith("万") and s.count("万") == 2, (s, mine)


def test_approximation_pairs_are_adjacent_or_three_five():
    assert all(len(p) == 2 for p in APPROX_PAIRS) and "三五" in APPROX_PAIRS and "八九" in APPROX_PAIRS
