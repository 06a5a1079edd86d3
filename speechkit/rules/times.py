"""Time expressions in speech language, normalized against the speech's date.

Rules live in ``data/times.yaml`` with their examples; this module compiles
them and turns matches into dates. Relative expressions resolve against the
speech date given, never against today: without one they come back
unresolved, with a ``note`` saying why.

>>> [(t.text, t.kind, t.end) for t in find_times("确保年内成功申报", "2020-10-20")]
[('年内', 'period', '2020-12-31')]
>>> t = find_times("冲刺月内完成", "2021-08-20", named={"冲刺月": ("2021-09-01", "2021-09-30")})[0]
>>> t.kind, t.start, t.end
('named', '2021-09-01', '2021-09-30')
>>> find_times("年内完成", None)[0].note
'no speech date: relative expression left unresolved'
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import compile_rules, load, scan, starts_of
from ..numerals import to_number

__all__ = ["TimeExpr", "find_times", "define_periods"]

_MON = r"1[0-2]|0?[1-9]"
_PER = {"周": "week", "星期": "week", "月": "month", "季度": "quarter", "季": "quarter", "半年": "half-year",
        "年": "year", "天": "day", "日": "day", "旬": "ten-days"}


@dataclass(frozen=True)
class TimeExpr:
    """A time expression: ``span`` offsets into the text given, dates as ISO strings (inclusive)."""

    span: tuple[int, int]
    text: str
    kind: str
    start: str | None
    end: str | None
    rule: str
    count: int | None = None  # frequency only
    per: str | None = None
    op: str | None = None
    note: str | None = None

    def as_deadline(self) -> dict:
        """The spec's ``deadline`` object."""
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind}

    def as_frequency(self) -> dict:
        """The spec's ``frequency`` object."""
        return {"text": self.text, "count": self.count, "per": self.per, "op": self.op}


@lru_cache(maxsize=1)
def _rules():
    rules = load("times")["rules"]
    for r in rules:
        r["pattern"] = r["pattern"].replace("{MON}", _MON)
    return compile_rules(rules, "data/times.yaml", flags=0)


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    if s == "半":
        return None
    v = to_number(s)
    return int(v) if v is not None else None


class _Ctx:
    def __init__(self, date, plan_year):
        self.date = _as_date(date)
        self.plan_year = plan_year

    def year_for_month(self, m: int) -> int | None:
        if self.plan_year:
            return self.plan_year
        if self.date is None:
            return None
        return self.date.year + 1 if m < self.date.month else self.date.year

    def year_for_day(self, m: int, d: int) -> int | None:
        if self.plan_year:
            return self.plan_year
        if self.date is None:
            return None
        try:
            return self.date.year + 1 if dt.date(self.date.year, m, d) < self.date else self.date.year
        except ValueError:
            return self.date.year


_NO_DATE = "no speech date: relative expression left unresolved"


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


# ---------------------------------------------------------------- resolvers
# each returns (start, end, extra) with dates or raises ValueError (no match)

def _r_window(m, c):
    m1, d1 = int(m["m1"]), int(m["d1"])
    m2 = int(m["m2"]) if m["m2"] else m1
    d2 = int(m["d2"])
    y1 = c.year_for_day(m1, d1)
    if y1 is None:
        return None, None, _NO_DATE
    y2 = y1 + 1 if (m2, d2) < (m1, d1) else y1
    return dt.date(y1, m1, d1), dt.date(y2, m2, d2), None


def _r_full_date(m, c):
    d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    if m["suffix"] in ("开始", "起"):
        return d, None, None
    return None, d, None


def _r_month_day(m, c):
    mo, d = int(m["m"]), int(m["d"])
    y = c.year_for_day(mo, d)
    if y is None:
        return None, None, _NO_DATE
    day = dt.date(y, mo, d)
    if m["suffix"] in ("开始", "起"):
        return day, None, None
    return None, day, None


def _r_year_range(m, c):
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 < y1:
        raise ValueError
    return dt.date(y1, 1, 1), dt.date(y2, 12, 31), None


def _r_year_month(m, c):
    return None, _month_end(int(m["y"]), int(m["m"])), None


def _r_year_part(m, c):
    if m["y"]:
        y = int(m["y"])
    elif c.date is None:
        return None, None, _NO_DATE
    else:
        y = c.date.year + (1 if m["rel"] == "明年" else 0)
    if m["q"]:
        q = _num(m["q"])
        return None, _month_end(y, 3 * q), None
    if m["h"] == "上半年":
        return None, dt.date(y, 6, 30), None
    start = dt.date(y, 7, 1) if (m["suffix"] in ("开始", "起") or m.group(0).startswith(("从", "自"))) else None
    return start, dt.date(y, 12, 31), None


def _r_year(m, c):
    return None, dt.date(int(m["y"]), 12, 31), None


def _r_plan_period(m, c):
    k = 10 + _num(m["n"])
    first = 2006 + 5 * (k - 11)
    if m["part"] in ("期末", "末"):
        return None, dt.date(first + 4, 12, 31), None
    return dt.date(first, 1, 1), dt.date(first + 4, 12, 31), None


_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}


def _r_month(m, c):
    raw = m["m"]
    mo = int(raw) if raw.isdigit() else _CN_MONTH[raw]
    y = c.year_for_month(mo)
    if y is None:
        return None, None, _NO_DATE
    part = m["part"]
    if part == "上旬":
        return None, dt.date(y, mo, 10), None
    if part == "中旬":
        return None, dt.date(y, mo, 20), None
    return None, _month_end(y, mo), None


def _r_this_month(m, c):
    if c.date is None:
        return None, None, _NO_DATE
    return None, _month_end(c.date.year, c.date.month), None


def _r_this_year(m, c):
    y = c.plan_year or (c.date.year if c.date else None)
    if y is None:
        return None, None, _NO_DATE
    return None, dt.date(y, 12, 31), None


def _r_target_statement(m, c):
    if m.groupdict().get("rel") == "明年":
        return _r_next_year(m, c)
    return _r_this_year(m, c)


def _r_next_year(m, c):
    if c.date is None:
        return None, None, _NO_DATE
    return None, dt.date(c.date.year + 1, 12, 31), None


def _r_relative_span(m, c):
    if c.date is None:
        return None, None, _NO_DATE
    u = m["u"]
    n = _num(m["n"])
    d = c.date
    if m["n"] == "半":
        end = _add_months(d, 6 if u == "年" else 0) if u == "年" else d + dt.timedelta(days=15)
    elif u == "年":
        end = _add_months(d, 12 * n)
    elif u == "月":
        end = _add_months(d, n)
    elif u in ("周", "星期"):
        end = d + dt.timedelta(weeks=n)
    else:  # 天, 日 (hours and working days are service standards, not deadlines: the rule leaves them out)
        end = d + dt.timedelta(days=n)
    return d, end, None


def _r_vague(m, c):
    return None, None, None


_RESOLVE = {name[3:]: f for name, f in globals().items() if name.startswith("_r_")}


def _frequency(m) -> tuple[int, str, str]:
    per = _PER.get(m["per"], m["per"])
    n = _num(m.groupdict().get("n")) if m.groupdict().get("n") else 1
    op = {"至少": ">=", "不少于": ">=", "最少": ">=", "不超过": "<=", "最多": "<="}.get(m.groupdict().get("op") or "", "=")
    return n, per, op


@lru_cache(maxsize=16)
def _matches(text: str) -> tuple:
    """Every rule's matches in ``text`` (they depend on the text only, not on the date): the
    document-level pass of the extractor and :func:`define_periods` share them."""
    cands = []
    for order, (rid, pat, rule) in enumerate(_rules()):
        for m in scan(pat, starts_of(rule), text):
            cands.append((m.start(), -(m.end() - m.start()), order, rid, rule, m))
    return tuple(cands)



def find_times(text: str, date=None, *, plan_year: int | None = None, named: dict | None = None) -> list[TimeExpr]:
    """All time expressions in ``text``, resolved against the speech ``date``.

    ``plan_year`` is the year a plan document names (its months belong to it);
    ``named`` maps period names that the speech defined (see
    :func:`define_periods`) to ``(start, end)`` ISO dates.

    >>> [(t.text, t.end) for t in find_times("新图书馆9月将投入使用", "2020-10-20")]
    [('9月', '2021-09-30')]
    >>> f = find_times("每周至少两次到项目现场", "2020-10-20")[0]
    >>> f.kind, f.count, f.per, f.op
    ('frequency', 2, 'week', '>=')
    """
    ctx = _Ctx(date, plan_year)
    cands = list(_matches(text))
    if named:
        for name, (s, e) in named.items():
            for m in re.finditer(re.escape(name) + r"(?:内|期间|中|结束前)?", text):
                cands.append((m.start(), -(m.end() - m.start()), -1, "named-period", {"kind": "named"},
                              (m, s, e)))
    cands.sort(key=lambda x: (x[0], x[1], x[2]))
    out, taken_until = [], -1
    for start, neg_len, _, rid, rule, m in cands:
        end = start - neg_len
        if start < taken_until:
            continue
        if rid == "named-period":
            mm, s, e = m
            out.append(TimeExpr((start, end), mm.group(0), "named", s, e, rid))
            taken_until = end
            continue
        kind = rule["kind"]
        if kind == "frequency":
            n, per, op = _frequency(m)
            out.append(TimeExpr((start, end), m.group(0), kind, None, None, rid, count=n, per=per, op=op))
            taken_until = end
            continue
        try:
            s, e, note = _RESOLVE[rule["resolve"]](m, ctx)
        except (ValueError, TypeError, KeyError):
            continue
        out.append(TimeExpr((start, end), m.group(0), kind, _iso(s), _iso(e), rid, note=note))
        taken_until = end
    return out


_DEF_NAME = re.compile(r"([\u4e00-\u9fff]{2}(?:月|周|季|会战|战役))(?:行动|活动|专项行动)?[”\"]?\s*$")


def define_periods(text: str, date=None, *, plan_year: int | None = None) -> dict[str, tuple[str, str]]:
    """Periods the text defines by name: 「冲刺月行动9月1日开始，9月30日结束」 → ``{"冲刺月": (start, end)}``.

    >>> define_periods("重点工程冲刺月行动9月1日开始，9月30日结束。", "2021-08-20")
    {'冲刺月': ('2021-09-01', '2021-09-30')}
    """
    out = {}
    for t in find_times(text, date, plan_year=plan_year):
        if t.rule != "window" or not (t.start and t.end):
            continue
        m = _DEF_NAME.search(text[max(0, t.span[0] - 16):t.span[0]])
        if m:
            name = m.group(1)
            out[name] = (t.start, t.end)
            if name.endswith(("会战", "战役")):
                out[name[-2:]] = (t.start, t.end)  # 「百日会战…」 later called 「会战期间」
    return out
