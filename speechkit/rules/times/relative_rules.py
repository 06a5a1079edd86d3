"""Resolvers of words counted from the speech date: 明天 下周三 上个月 下三个月 三个月后 近三年 …"""
from __future__ import annotations

import datetime as dt

from .common import WD, Refuse, clock_of, with_suffix
from .dates import DAY, add_months, add_units, month_end, next_weekday, week_start
from .model import NO_DATE, Res
from .numerals import count

__all__ = ["rel_day", "weekday", "week", "schedule", "next_units", "from_now", "relative_span", "later", "approx",
           "rel_quarter", "rel_years", "this_year", "new_year", "target_statement"]

_DAY_OFF = {"大前天": -3, "前天": -2, "前日": -2, "昨天": -1, "昨日": -1, "昨晚": -1, "寻日": -1, "今天": 0, "今日": 0,
            "今晚": 0, "今早": 0, "明天": 1, "明日": 1, "明晚": 1, "明早": 1, "听日": 1, "后天": 2, "后日": 2, "大后天": 3}
_ANCHORED_DAY = {"当天": 0, "当日": 0, "当晚": 0, "次日": 1, "翌日": 1}
_WEEK_OFF = {"这": 0, "这一": 0, "本": 0, "今": 0, "下": 1, "下下": 2, "上": -1, "上上": -2}
_UNIT = {"天": "day", "日": "day", "周": "week", "星期": "week", "礼拜": "week", "月": "month", "季度": "quarter",
         "年": "year"}
APPROX = "an approximate span: not dated"


def _no_date() -> Res:
    return Res(note=NO_DATE)


def _day_res(m, c, day: dt.date, past: bool) -> Res:
    return with_suffix(m.groupdict().get("suf"), None, day, day, c, Res(clock=clock_of(m), past=past))


def rel_day(m, c) -> Res | None:
    rd = m["rd"]
    if rd in _ANCHORED_DAY:
        anchor = c.anchor_day(m.start())
        if anchor is None:
            return None  # 「当天办结」: a service standard, no date: the span is taken, nothing given
        return _day_res(m, c, anchor + _ANCHORED_DAY[rd] * DAY, False)
    if c.date is None:
        return _no_date()
    off = _DAY_OFF[rd]
    return _day_res(m, c, c.date + off * DAY, off < 0)


_BEFORE_BARE = "在于到至是和与及、，,从自逢（(“\"：: \n"


def weekday(m, c) -> Res:
    wd, rel = WD[m["wd"]], m["wrel"]
    if rel is None and m.start() > 0 and "\u4e00" <= c.text[m.start() - 1] <= "\u9fff" \
            and c.text[m.start() - 1] not in _BEFORE_BARE:
        raise Refuse  # 「谭登周一家」: a name, not Monday
    if c.date is None:
        return _no_date()
    if rel is None:
        day = next_weekday(c.date, wd)  # a bare weekday: the next one after the speech date
    else:
        day = week_start(c.date) + dt.timedelta(days=7 * _WEEK_OFF[rel] + wd)
    return _day_res(m, c, day, bool(rel) and rel.startswith("上"))


def week(m, c) -> Res:
    if c.date is None:
        return _no_date()
    first = week_start(c.date) + dt.timedelta(days=7 * _WEEK_OFF[m["wrel"]])
    last = first + 6 * DAY
    if m["wend"]:
        first = last - DAY
    res = Res(past=m["wrel"].startswith("上"))
    return with_suffix(m["suf"], None, first, last, c, res)


def schedule(m, c) -> Res:
    return Res(note="a weekly schedule, not a date")


def _n(m) -> float | None:
    """The count of a span (「两个半月」 2.5, 「半年」 0.5); None for an approximation."""
    g = m.groupdict()
    if g.get("half"):
        return 0.5
    n = float(g["n"]) if "." in (g["n"] or "") else count(g["n"])  # 「1.5个月内」
    if n is None:
        return None
    return n + (0.5 if g.get("h1") or g.get("h2") else 0)


def next_units(m, c) -> Res:
    """下/后 N units: the N whole calendar units after the current one; 上/前 N: the N before it."""
    if c.date is None:
        return _no_date()
    n, unit, ahead = count(m["n"]), _UNIT[m["u"]], m["dir"] in ("下", "后")
    if n is None or n == 0:
        raise Refuse
    if unit == "month" and m["dir"] == "前":
        return Res(note="前N个月: the first N months of the year, or the last N? not read")
    d = c.date
    if unit == "day":
        first, last = (d + DAY, d + n * DAY) if ahead else (d - n * DAY, d - DAY)
    elif unit == "week":
        w = week_start(d)
        first, last = (w + 7 * DAY, w + (7 * n + 6) * DAY) if ahead else (w - 7 * n * DAY, w - DAY)
    elif unit == "month":
        m0 = d.replace(day=1)
        first, last = (add_months(m0, 1), month_end(*_ym(add_months(m0, n)))) if ahead else \
            (add_months(m0, -n), m0 - DAY)
    elif unit == "year":
        first, last = (dt.date(d.year + 1, 1, 1), dt.date(d.year + n, 12, 31)) if ahead else \
            (dt.date(d.year - n, 1, 1), dt.date(d.year - 1, 12, 31))
    else:
        raise Refuse
    return Res(start=first, end=last, pstart=first, pend=last, past=not ahead)


def _ym(d: dt.date) -> tuple[int, int]:
    return d.year, d.month


def from_now(m, c) -> Res:
    """未来/今后/接下来 N units: from the speech date forward; 过去/近 N units: back to it."""
    if c.date is None:
        return _no_date()
    n = _n(m)
    if n is None:
        return Res(note=APPROX)
    if m["dir"] in ("未来", "今后", "接下来", "接下来的"):
        return Res(start=c.date, end=add_units(c.date, n, _UNIT[m["u"]]))
    return Res(start=add_units(c.date, -n, _UNIT[m["u"]]), end=c.date, past=True)


def relative_span(m, c) -> Res:
    """「N个月内」「两年时间」: from the speech date, N units on (the rolling reading)."""
    if m["u"] == "月" and not m["ge"] and not m["half"] and m["n"] not in ("两", "俩") \
            and not (m["h1"] or "").startswith("个"):
        raise Refuse  # 「3月内」: within March, not within three months
    if c.date is None:
        return _no_date()
    n = _n(m)
    if n is None:
        return Res(note=APPROX)
    return Res(start=c.date, end=add_units(c.date, n, _UNIT[m["u"]]))


def later(m, c) -> Res:
    """「N天/周/个月/年后」: the speech date N units on; 「…前」: N units back (in the past)."""
    g = m.groupdict()
    back = g["suf"].endswith("前")
    if g["u"] == "月" and not g["ge"] and not g["half"] and not (g.get("h1") or "").startswith("个"):
        raise Refuse  # 「6月后」 is after June
    if g["u"] == "日" and back and g.get("n") not in ("两", "俩"):
        raise Refuse  # 「5日前」: before the 5th, or five days ago
    if c.date is None:
        return _no_date()
    n = _n(m)
    if n is None:
        return Res(note=APPROX)
    day = add_units(c.date, -n if back else n, _UNIT[g["u"]])
    return Res(end=day, pstart=day, pend=day, past=back)


def approx(m, c) -> Res:
    return Res(note=APPROX)


def rel_quarter(m, c) -> Res:
    if c.date is None:
        return _no_date()
    off = {"本": 0, "这": 0, "这个": 0, "下": 1, "下个": 1, "上": -1, "上个": -1}[m["rq"]]
    q0 = add_months(dt.date(c.date.year, 3 * ((c.date.month - 1) // 3) + 1, 1), 3 * off)
    last = month_end(*_ym(add_months(q0, 2)))
    return with_suffix(m["suf"], None, q0, last, c, Res(past=off < 0))


def rel_years(m, c) -> Res:
    if c.date is None:
        return _no_date()
    y = c.date.year + (1 if m.group(0).startswith("明") else 0)
    return Res(start=dt.date(y, 1, 1), end=dt.date(y + 1, 12, 31))


def this_year(m, c) -> Res:
    """年内 年底 全年 本年度 年度: the speech's (or the plan's) year."""
    y = c.plan_year or (c.date.year if c.date else None)
    if y is None:
        return _no_date()
    return _year_res(y)


def new_year(m, c) -> Res:
    """新的一年: the year beginning around the speech date, the next one from October on (data/times.yaml ``new-year``)."""
    if c.plan_year:
        return this_year(m, c)
    if c.date is None:
        return _no_date()
    return _year_res(c.date.year + (1 if c.date.month >= 10 else 0))


def _year_res(y: int) -> Res:
    return Res(end=dt.date(y, 12, 31), pstart=dt.date(y, 1, 1), pend=dt.date(y, 12, 31))


def target_statement(m, c) -> Res:
    if m.groupdict().get("rel") == "明年":
        if c.date is None:
            return _no_date()
        return Res(end=dt.date(c.date.year + 1, 12, 31))
    return this_year(m, c)
