"""Resolvers of calendar dates: days, months, parts of years, written or relative years."""
from __future__ import annotations

import datetime as dt

from .common import DEADLINE, WD, Refuse, Unread, clock_of, with_suffix, year_of
from .dates import add_months, month_end
from .model import NO_DATE, Res
from .numerals import small

__all__ = ["calendar"]

_MONTH_PART = {"初": 5, "上旬": 10, "中旬": 20}  # 下旬 底 末: the month's last day
_REL_MONTH = {"本月": 0, "这个月": 0, "当月": 0, "下月": 1, "下个月": 1, "次月": 1, "下下月": 2, "下下个月": 2,
              "上月": -1, "上个月": -1, "上上月": -2, "上上个月": -2, "同月": 0}


def _month(g, y: int) -> tuple[dt.date, dt.date]:
    mo = small(g["m"])
    first = dt.date(y, mo, 1)
    part = g.get("mp")
    if part in _MONTH_PART:
        return first, dt.date(y, mo, _MONTH_PART[part])
    if part == "下旬":
        return dt.date(y, mo, 11), month_end(y, mo)
    return first, month_end(y, mo)


def _year_part(g, y: int) -> tuple[dt.date, dt.date]:
    """Quarters, halves, runs of months and 底 末 初 of year ``y``."""
    if g.get("q") or g.get("fq"):
        q = 1 if g.get("fq") else small(g["q"].replace("两", "二"))
        return dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q)
    if g.get("qn"):
        return dt.date(y, 1, 1), month_end(y, 3 * small(g["qn"].replace("两", "二")))
    if g.get("h"):
        return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if g["h"] == "上半年" else (dt.date(y, 7, 1), dt.date(y, 12, 31))
    if g.get("fm") or g.get("fmo"):
        n = 1 if g.get("fmo") else small(g["fm"].replace("两", "二"))
        return dt.date(y, 1, 1), month_end(y, n)
    if g.get("lm"):
        n = small(g["lm"].replace("两", "二"))
        return dt.date(y, 13 - n, 1), dt.date(y, 12, 31)
    if g.get("om"):
        n = small(g["om"])
        return dt.date(y, n, 1), month_end(y, n)
    ye = (g.get("ye") or "").lstrip("年")
    if ye in ("底", "末"):
        return dt.date(y, 11, 1), dt.date(y, 12, 31)
    if ye == "初":  # 年初: January and February
        return dt.date(y, 1, 1), month_end(y, 2)
    if ye == "伊始":
        return dt.date(y, 1, 1), dt.date(y, 1, 31)
    if ye == "中":
        return dt.date(y, 6, 1), dt.date(y, 6, 30)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _named(g, y: int) -> tuple[dt.date, dt.date]:
    """The period the words name in year ``y`` (raises ValueError for a day that does not exist)."""
    if g.get("d"):
        day = dt.date(y, small(g["m"]), small(g["d"]))
        return day, day
    if g.get("m"):
        return _month(g, y)
    return _year_part(g, y)


def _rel_month(m, c, g) -> tuple[dt.date, dt.date]:
    rm = g["rm"]
    if rm in ("同月", "次月"):
        anchor = c.anchor_month(m.start())
        if anchor is None:
            raise Refuse  # 「同月」「次月」 with no month before them in the sentence
        base = add_months(anchor.replace(day=1), _REL_MONTH[rm])
    elif c.date is None:
        raise Unread(NO_DATE)
    else:
        base = add_months(c.date.replace(day=1), _REL_MONTH[rm])
    if g.get("d"):
        day = base.replace(day=small(g["d"]))
        return day, day
    g = dict(g, m=str(base.month))
    return _month(g, base.year)


def _weekday_year(g, y: int, how: str, c) -> int:
    """The year in which the written weekday falls on the date. An inferred year may be the other
    reading of a passed date (this year or the next), never any other."""
    want = WD[g["wd"]]
    tries = [y]
    if how == "implicit" and not c.plan_year and c.date is not None:
        try:
            if _named(g, c.date.year)[1] < c.date:
                tries.append(c.date.year + 1 if y == c.date.year else c.date.year)
        except ValueError:
            pass
    for yy in tries:
        try:
            if _named(g, yy)[0].weekday() == want:
                return yy
        except ValueError:
            continue
    raise Unread("the weekday does not fall on the date")


def _bare_day(m, c, g) -> tuple[dt.date, dt.date]:
    """A day of the month alone: the speech's month, or the next when it has passed and the clause looks ahead."""
    if c.date is None:
        raise Unread(NO_DATE)
    d = small(g["d"])
    day = dt.date(c.date.year, c.date.month, d)
    if day < c.date and (g.get("suf") in DEADLINE or c.ahead(m.start(), m.end())):
        nxt = add_months(c.date.replace(day=1), 1)
        day = dt.date(nxt.year, nxt.month, d)
    return day, day


def calendar(m, c) -> Res:
    """Days, months, parts of a year and years, written, relative (今年 本月…) or implicit."""
    g = m.groupdict()
    suf = g.get("suf")
    res = Res(clock=clock_of(m))
    try:
        if g.get("d") and "m" not in m.re.groupindex and "rm" not in m.re.groupindex:
            if not (g.get("pre") or suf or g.get("clock")):
                raise Refuse  # 「30日」 alone: the 30th, or thirty days
            ps, pe = _bare_day(m, c, g)
        elif g.get("rm"):
            ps, pe = _rel_month(m, c, g)
            res.past = g["rm"].startswith("上")
        elif g.get("bm"):  # 「月底前」: the month named earlier in the sentence (「4月中旬…，月底前…」), or this one
            anchor = c.anchor_month(m.start())
            ps, pe = _month(dict(g, m=str(anchor.month)), anchor.year) if anchor else \
                _rel_month(m, c, dict(g, rm="本月"))
        else:
            y, how, res.past = year_of(m, c)
            if how == "implicit":
                roll = bool(g.get("m"))  # months and days roll to the next year; quarters and halves stay
                y = c.implicit_year(lambda yy: _named(g, yy)[1], m.start(), m.end(), suf in DEADLINE) \
                    if roll else (c.plan_year or c.anchor_year(m.start()) or c.base_year())
                if y is None:
                    raise Unread(NO_DATE)
                res.implicit = True
            else:
                res.year, res.written = y, how == "written"
            if g.get("wd") and g.get("d"):
                y = _weekday_year(g, y, how, c)
            ps, pe = _named(g, y)
        # 「从下半年开始」「从今年起」: a part of a year, or a whole year, from which something starts runs to
        # that year's end (spec section 4)
        whole_year = (ps.month, ps.day) == (1, 1) and pe == dt.date(ps.year, 12, 31)
        return with_suffix(suf, g.get("pre"), ps, pe, c, res, to_year_end=bool(g.get("h") or g.get("q")) or whole_year)
    except Unread as e:
        return Res(note=str(e), clock=res.clock)
    except ValueError:
        return Res(note="no such day", clock=res.clock)
