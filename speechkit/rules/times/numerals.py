"""Numerals of dates: years written digit by digit, months, days and counts.

>>> year("二〇二五"), year("2025"), year("15", 2021), year("三三", 2021), year("98", 2021)
(2025, 2025, 2015, 1933, 1998)
>>> small("十二"), small("廿一"), small("三十一"), small("09"), small("十")
(12, 21, 31, 9, 10)
>>> count("两"), count("二十"), count("十"), count("12"), count("三五")
(2, 20, 10, 12, None)
"""
from __future__ import annotations

__all__ = ["year", "small", "count", "DIGITS"]

DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "o": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
_YEAR_AHEAD = 10  # a two-digit year is 20yy up to ten years past the speech's year, else 19yy


def _digits(s: str) -> int | None:
    """A numeral written digit by digit (``二〇二五``, ``2025``)."""
    if s.isdigit() and s.isascii():
        return int(s)
    v = 0
    for ch in s:
        d = DIGITS.get(ch)
        if d is None or ch == "两":
            return None
        v = v * 10 + d
    return v


def year(s: str, base_year: int | None = None) -> int | None:
    """A year of four digits, or of two (``15年``, ``九七年``) read against ``base_year``:
    20yy, or 19yy when 20yy is more than ten years after the speech."""
    v = _digits(s)
    if v is None:
        return None
    if len(s) == 4:
        return v
    if len(s) == 2 and base_year is not None:
        return 2000 + v if 2000 + v <= base_year + _YEAR_AHEAD else 1900 + v
    return None


def small(s: str) -> int | None:
    """A number below one hundred as months and days are written (``十二`` ``廿一`` ``卅`` ``09``)."""
    if s.isascii() and s.isdigit():
        return int(s)
    s = s.replace("廿", "二十").replace("卅", "三十")
    if "十" not in s:
        return DIGITS.get(s) if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    t = 1 if tens == "" else DIGITS.get(tens)
    o = 0 if ones == "" else DIGITS.get(ones)
    if t is None or o is None or len(tens) > 1 or len(ones) > 1:
        return None
    return 10 * t + o


def count(s: str) -> int | None:
    """A count as written before a unit (``两`` ``十二`` ``一百二十`` ``12``); ``None`` for an
    approximation written as two digits (``三五年``: three to five years) or anything else."""
    if s.isascii() and s.isdigit():
        return int(s)
    if len(s) == 1 and s != "十":
        return DIGITS.get(s) if s not in "〇零○Oo" else None
    v = small(s)
    if v is not None:
        return v
    if "百" in s:
        h, _, rest = s.partition("百")
        hv = DIGITS.get(h) if len(h) == 1 else None
        if hv is None:
            return None
        if rest == "":
            return hv * 100
        rv = small(rest[1:]) if rest.startswith("零") else small(rest)
        if rv is None or (not rest.startswith("零") and rv < 10):
            return None if rv is None else hv * 100 + rv * 10
        return hv * 100 + rv
    return None
