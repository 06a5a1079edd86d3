"""Calendar arithmetic on ``datetime.date``: month ends, month steps, weeks (Monday first).

>>> add_months(dt.date(2021, 1, 31), 1), month_end(2024, 2), nth_weekday(2013, 10, 1, 0)
(datetime.date(2021, 2, 28), datetime.date(2024, 2, 29), datetime.date(2013, 10, 7))
"""
from __future__ import annotations

import calendar
import datetime as dt
import math

__all__ = ["month_end", "add_months", "add_units", "week_start", "nth_weekday", "next_weekday", "DAY"]

DAY = dt.timedelta(days=1)


def month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` months, the day kept (or the month's last day when it has fewer)."""
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_units(d: dt.date, n: float, unit: str) -> dt.date:
    """``d`` moved by ``n`` (possibly half) days, weeks, months, quarters or years: the rolling reading."""
    if unit == "day":
        return d + dt.timedelta(days=math.floor(n + 0.5))  # half a day rounds up (round() would round 2.5 to 2)
    if unit == "week":
        return d + dt.timedelta(days=math.floor(7 * n + 0.5))
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * n
    whole = int(months)
    out = add_months(d, whole)
    if months != whole:  # half a month: fifteen days
        out += dt.timedelta(days=round(30 * (months - whole)))
    return out


def week_start(d: dt.date) -> dt.date:
    """The Monday of ``d``'s week."""
    return d - dt.timedelta(days=d.weekday())


def nth_weekday(y: int, m: int, n: int, wd: int) -> dt.date | None:
    """The ``n``-th weekday ``wd`` (0 = Monday) of a month (``n`` = -1: the last), or None."""
    if n == -1:
        d = month_end(y, m)
        return d - dt.timedelta(days=(d.weekday() - wd) % 7)
    first = dt.date(y, m, 1)
    d = first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    return d if d.month == m else None


def next_weekday(d: dt.date, wd: int) -> dt.date:
    """The first day after ``d`` that is weekday ``wd``."""
    return d + dt.timedelta(days=(wd - d.weekday() - 1) % 7 + 1)
