"""Dates of the official calendar's festivals, from the lunar calendar library ``borax``
(table-based, 1900–2100, microseconds a date; checked against ``lunar_python`` for 1950–2050).

Which festival falls on which calendar (solar date, lunar date, solar term) is
data: ``festivals`` in ``data/times.yaml``.

>>> festival_day("春节", 2021), festival_day("清明", 2021), festival_day("中秋", 2021), festival_day("除夕", 2021)
(datetime.date(2021, 2, 12), datetime.date(2021, 4, 4), datetime.date(2021, 9, 21), datetime.date(2021, 2, 11))
>>> festival_day("国庆", 2020)
datetime.date(2020, 10, 1)
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from ...lexicon import LexiconError, load

__all__ = ["festival_day", "festival_names"]


@lru_cache(maxsize=1)
def _table() -> dict[str, dict]:
    out = {}
    for f in load("times")["festivals"]:
        name, how = f.get("name"), {k: f.get(k) for k in ("solar", "lunar", "term", "eve_of")}
        if not name or sum(v is not None for v in how.values()) != 1:
            raise LexiconError(f"data/times.yaml: festival {f!r} needs a name and one of solar, lunar, term, eve_of")
        for n in [name] + list(f.get("also") or []) + list(f.get("alone") or []):
            out[n] = f
    return out


def festival_names() -> list[str]:
    """Every name a festival is written with, longest first (for a pattern)."""
    return sorted(_table(), key=len, reverse=True)


@lru_cache(maxsize=512)
def festival_day(name: str, year: int) -> dt.date | None:
    """The day of festival ``name`` in the calendar year ``year`` (None out of the library's range)."""
    from borax.calendars.lunardate import LunarDate, TermUtils  # a declared dependency (setup.cfg)

    f = _table()[name]
    if f.get("solar"):
        m, d = f["solar"]
        return dt.date(year, m, d)
    if f.get("eve_of"):
        day = festival_day(f["eve_of"], year)
        return day - dt.timedelta(days=1) if day else None
    if not 1901 <= year <= 2099:
        return None
    if f.get("lunar"):
        m, d = f["lunar"]
        out = LunarDate(year, m, d).to_solar_date()
    else:
        out = TermUtils.nth_term_day(year, term_name=f["term"])
    return out if out.year == year else None
