"""Resolvers of festivals, plan periods, forms found but not dated, urgency words and frequencies."""
from __future__ import annotations

import datetime as dt

from .common import Refuse, Unread, with_suffix, year_of
from .compile import data
from .dates import DAY
from .festivals import festival_day
from .model import NO_DATE, Res
from .numerals import count

__all__ = ["festival", "unread", "plan_period", "vague", "frequency"]

_PER = {"周": "week", "星期": "week", "月": "month", "季度": "quarter", "季": "quarter", "半年": "half-year", "半月": "half-month",
        "年": "year", "天": "day", "日": "day", "旬": "ten-days"}
_OP = {"至少": ">=", "不少于": ">=", "最少": ">=", "不超过": "<=", "最多": "<="}
_HOLIDAY = {"期间", "假期", "小长假", "长假", "黄金周", "前后"}


def _bare_ok(name: str) -> bool:
    """Whether the name alone is the festival (not a number, a food, a virtue: `alone` in the data)."""
    return not any(name in (f.get("alone") or []) for f in data()["festivals"])


def festival(m, c) -> Res:
    """元旦 春节 清明 五一 端午 中秋 国庆 …: the festival's day of the year written, named or implied."""
    g = m.groupdict()
    name, suf = g["fest"], g.get("fsuf") or ""
    if not _bare_ok(name) and not suf and not (g.get("y") or g.get("y2") or g.get("ry") or g.get("lunar")):
        raise Refuse  # 「政治清明」「五一广场」
    if suf in _HOLIDAY:
        return Res(note="a holiday period: its length is set each year")
    try:
        y, how, past = year_of(m, c)
        if how == "implicit":
            y = c.implicit_year(lambda yy: festival_day(name, yy) or dt.date(yy, 12, 31), m.start(), m.end(),
                                suf.endswith("前"))
            if y is None:
                raise Unread(NO_DATE)
    except Unread as e:
        return Res(note=str(e))
    day = festival_day(name, y)
    if day is None:
        return Res(note="out of the lunar calendar's range")
    if suf == "前夕":
        day -= DAY
    suffix = {"节前": "前", "节后": "后", "当天": ""}.get(suf, suf) or None
    return with_suffix(suffix, None, day, day, c, Res(past=past, year=None if how == "implicit" else y,
                                                      implicit=how == "implicit"))


def unread(m, c) -> Res:
    return Res(note="a lunar date, solar term or season: not dated")


def plan_period(m, c) -> Res:
    k = 10 + count(m["n"])
    first = 2006 + 5 * (k - 11)
    start, end = dt.date(first, 1, 1), dt.date(first + 4, 12, 31)
    if m["part"] in ("期末", "末"):
        return Res(end=end, pstart=start, pend=end)
    return Res(start=start, end=end, pstart=start, pend=end)


def vague(m, c) -> Res:
    return Res()


def frequency(m, c) -> Res:
    g = m.groupdict()
    per = _PER.get(g["per"], g["per"])
    n = count(g["n"]) if g.get("n") else 1
    if n is None:
        raise Refuse
    op = g.get("op") or g.get("op0") or ""  # 「每周至少两次」「每季度至少走访一次」: the bound before the count or the verb
    return Res(kind="frequency", freq={"count": n, "per": per, "op": _OP.get(op, "=")})
