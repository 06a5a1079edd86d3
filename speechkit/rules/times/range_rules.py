"""Resolvers of ranges (「5月10日至20日」「2018年2—4月」「2021—2023年」), enumerations of days,
the N-th weekday of a month, and numeric dates (2015-03-03, 3/3/2015)."""
from __future__ import annotations

import datetime as dt

from .common import WD, Refuse, Unread, clock_of, year_of
from .dates import month_end, nth_weekday as _nth
from .model import NO_DATE, Res
from .numerals import small, year as read_year

__all__ = ["window", "month_range", "days_list", "year_range", "dotted_range", "nth_weekday", "iso", "mdy"]


def _first_year(m, c, end_of) -> tuple[int, bool]:
    """The year of a range's first end (written, relative or implicit) and whether it was inferred."""
    y, how, _ = year_of(m, c)
    if how != "implicit":
        return y, False
    y = c.implicit_year(end_of, m.start(), m.end(), False)
    if y is None:
        raise Unread(NO_DATE)
    return y, True


def _second(y1: int, first: dt.date, y2: str | None, make) -> dt.date:
    """The range's second end: its own year, else the first's (the next when it would come before)."""
    if y2:
        return make(read_year(y2))
    d = make(y1)
    return d if d >= first else make(y1 + 1)


def window(m, c) -> Res:
    g = m.groupdict()
    if not g.get("to") and not (g.get("s1") and g.get("s2")):
        raise Refuse  # 「9月10号，11号」: an enumeration, not a range
    if not g.get("dk1") and not g.get("to"):
        raise Refuse
    m1, d1 = small(g["m1"]), small(g["d1"])
    m2 = small(g["m2"]) if g.get("m2") else m1
    try:
        y1, implicit = _first_year(m, c, lambda y: dt.date(y, m1, d1))
        start = dt.date(y1, m1, d1)
        end = _second(y1, start, g.get("y_2"), lambda y: dt.date(y, m2, small(g["d2"])))
    except Unread as e:
        return Res(note=str(e))
    except ValueError:
        return Res(note="no such day")
    if end < start:
        return Res(note="a range that ends before it starts")
    return Res(start=start, end=end, pstart=start, pend=end, implicit=implicit, year=None if implicit else y1,
               written=bool(g.get("y")))


def month_range(m, c) -> Res:
    g = m.groupdict()
    m1, m2 = small(g["m1"]), small(g["m2"])
    try:
        y1, implicit = _first_year(m, c, lambda y: month_end(y, m2))
    except Unread as e:
        return Res(note=str(e))
    start = dt.date(y1, m1, 1)
    end = _second(y1, start, g.get("y_2"), lambda y: month_end(y, m2))
    return Res(start=start, end=end, pstart=start, pend=end, implicit=implicit, year=None if implicit else y1)


def days_list(m, c) -> Res:
    g = m.groupdict()
    mo = small(g["m"])
    try:
        y, implicit = _first_year(m, c, lambda y: dt.date(y, mo, small(g["dn"])))
        first, last = dt.date(y, mo, small(g["d"])), dt.date(y, mo, small(g["dn"]))
    except Unread as e:
        return Res(note=str(e))
    except ValueError:
        return Res(note="no such day")
    if last < first:
        raise Refuse
    return Res(start=first, end=last, pstart=first, pend=last, implicit=implicit)


def year_range(m, c) -> Res:
    """「2021—2023年」, 「2018至20年6月」 (a two-digit second year is in the first's century, or the next)."""
    y1 = read_year(m["y1"])
    if m["y2s"]:
        y2 = y1 // 100 * 100 + int(m["y2s"])
        y2 += 100 if y2 < y1 else 0
    else:
        y2 = read_year(m["y2"])
    end = month_end(y2, small(m["m2"])) if m["m2"] else dt.date(y2, 12, 31)
    if y2 < y1:
        raise Refuse
    return Res(start=dt.date(y1, 1, 1), end=end, pstart=dt.date(y1, 1, 1), pend=end, year=y2)


def dotted_range(m, c) -> Res:
    y1, y2 = read_year(m["y1"]), read_year(m["y2"])
    start = dt.date(y1, int(m["m1"]), 1)
    end = month_end(y2, int(m["m2"])) if m["m2"] else dt.date(y2, 12, 31)
    if end < start:
        raise Refuse
    return Res(start=start, end=end, pstart=start, pend=end)


def nth_weekday(m, c) -> Res:
    g = m.groupdict()
    mo, wd = small(g["m"]), WD[g["wd"]]
    n = -1 if g.get("last") else small(g["n"])
    try:
        y, _ = _first_year(m, c, lambda y: _nth(y, mo, n, wd) or dt.date(y, mo, 1))
    except Unread as e:
        return Res(note=str(e))
    day = _nth(y, mo, n, wd)
    if day is None:
        return Res(note="no such day")
    return Res(end=day, pstart=day, pend=day)


def iso(m, c) -> Res:
    try:
        day = dt.date(read_year(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return Res(note="no such day", clock=clock_of(m))
    return Res(end=day, pstart=day, pend=day, clock=clock_of(m), year=day.year, written=True)


def mdy(m, c) -> Res:
    a, b = int(m["a"]), int(m["b"])
    ys = m["y"]
    if len(ys) == 2:
        if c.base_year() is None:
            return Res(note=NO_DATE)
        y = read_year(ys, c.base_year())
    else:
        y = int(ys)
    if a != b and b <= 12:
        return Res(note="month/day or day/month: not read")
    try:
        day = dt.date(y, a, b)
    except ValueError:
        return Res(note="no such day")
    return Res(end=day, pstart=day, pend=day, year=y)
