"""Pieces every resolver uses: suffixes (前 起 后 以来 …), years written or relative, clock spans."""
from __future__ import annotations

import datetime as dt

from .dates import DAY
from .model import NO_DATE, Refuse, Res
from .numerals import year as read_year

__all__ = ["with_suffix", "year_of", "clock_of", "WD", "REL_YEAR", "PAST_YEAR", "DEADLINE", "NO_DATE", "Refuse",
           "Unread"]

WD = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
REL_YEAR = {"今年": 0, "本年": 0, "这一年": 0, "当年": 0, "同年": 0, "明年": 1, "来年": 1, "下年": 1, "下一年": 1,
            "次年": 1, "翌年": 1, "后年": 2, "大后年": 3, "去年": -1, "上年": -1, "上一年": -1, "前年": -2,
            "大前年": -3}
ANCHORED = {"当年", "同年", "次年", "翌年"}
PAST_YEAR = {"去年", "上年", "上一年", "前年", "大前年"}
DEADLINE = {"前", "之前", "以前", "为止", "止", "结束", "内", "之内", "以内", "底前"}  # 「X前」: done by the end of X
_FROM = {"起", "开始"}
_SINCE = {"以来", "至今", "起至今"}
_AFTER = {"后", "之后", "以后"}


def clock_of(m) -> tuple[int, int] | None:
    """The reading span of the match's time of day, if it has one."""
    if "clock" in m.re.groupindex and m.group("clock"):
        return m.span("clock")
    return None


def year_of(m, c) -> tuple[int | None, str, bool]:
    """The year a match writes (``written``), names relatively (``relative``: 今年 明年 次年…) or
    leaves out (``implicit``), and whether its words put it in the past."""
    g = m.groupdict()
    if g.get("y"):
        return read_year(g["y"]), "written", False
    if g.get("y2") or g.get("y2c"):
        base = c.base_year()
        if base is None:
            raise Unread("no speech date: a two-digit year is left unread")
        return read_year(g.get("y2") or g["y2c"], base), "written", False
    ry = g.get("ry")
    if not ry:
        return None, "implicit", False
    off = REL_YEAR[ry]
    if ry in ANCHORED:
        anchor = c.anchor_year(m.start())
        if anchor is not None:
            return anchor + off, "relative", False
        if ry == "同年":
            raise Refuse  # 「同年」 with no year before it in the sentence
    if ry in ("今年", "本年", "当年") and c.plan_year:
        return c.plan_year, "relative", False
    if c.date is None:
        raise Unread(NO_DATE)
    return c.date.year + off, "relative", ry in PAST_YEAR


class Unread(Exception):
    """The form is understood but cannot be dated (no speech date, no such day): its span is
    given with the note."""


def with_suffix(suf: str | None, pre: str | None, ps: dt.date, pe: dt.date, c, res: Res,
                to_year_end: bool = False) -> Res:
    """Fill ``res`` from the named period ``[ps, pe]`` and what follows it (前 起 以来 后 期间 …)."""
    res.pstart, res.pend = ps, pe
    suf = suf or ""
    if suf in DEADLINE or (not suf and pre not in ("从", "自")):
        res.end = pe
    elif suf in _FROM or not suf:
        res.start = ps
        if to_year_end:  # 「从下半年开始」: the rest of that year (spec section 4)
            res.end = dt.date(ps.year, 12, 31)
    elif suf in _SINCE:
        if c.date is None:
            res.note = NO_DATE
        res.start, res.end, res.past = ps, c.date, True
    elif suf in _AFTER:
        res.start, res.note = pe + DAY, "after a date: no end"
    elif suf == "期间":
        res.start, res.end = ps, pe
    else:
        raise ValueError(f"unknown suffix {suf!r}")
    return res

