"""What resolvers know besides the match: the speech date, the plan year, the text
read so far (for 「当年」「次日」 and for whether a clause looks ahead)."""
from __future__ import annotations

import datetime as dt
import re

from .compile import attributive_year, lookahead_patterns
from .model import Res

__all__ = ["Ctx", "as_date"]

_SENT = re.compile(r"[。！？；;!?\n]")
_CLAUSE = re.compile(r"[，,。！？；;!?\n：:]")
_WINDOW = 40  # characters each way that the look-ahead words are sought in
_COMPARED = re.compile(r"(?:比|较|同比|与|和|同)$")


def as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


class Ctx:
    def __init__(self, date, plan_year: int | None, text: str):
        self.date = as_date(date)
        self.plan_year = plan_year
        self.text = text
        self.history: list[tuple[int, int, Res]] = []  # what was read before, in order
        self.year_hint: int | None = None  # a join's first end gives the second its year

    def base_year(self) -> int | None:
        """The year relative words count from: the speech's (the plan's when there is no date)."""
        return self.date.year if self.date else self.plan_year

    def same_sentence(self, a: int, b: int) -> bool:
        return _SENT.search(self.text, a, b) is None

    def _before(self, pos: int, want):
        """The latest expression before ``pos`` in its sentence (and at most 120 characters back) that
        ``want`` accepts."""
        for a, b, res in reversed(self.history):
            if pos - b > 3 * _WINDOW or not self.same_sentence(b, pos):
                break
            if b <= pos and want(a, b, res):
                return res
        return None

    def anchor_year(self, pos: int) -> int | None:
        """The year of an expression earlier in the same sentence that names one (「2023年开工，次年建成」,
        「去年一季度…二季度以后」); not one it is compared with (「比去年…」)."""
        res = self._before(pos, lambda a, b, r: r.year is not None
                           and not _COMPARED.search(self.text, max(0, a - 2), a)
                           and not attributive_year().match(self.text, b))  # 「2000年底前建成的…」 describes a thing
        return res.year if res else None

    def anchor_written(self, pos: int) -> int | None:
        """The year of a date written out in full in the sentences just before, in the same paragraph
        (「2017年6月21日至23日，…考察。这是6月21日下午，…」)."""
        lo = max(0, pos - _WINDOW * 2)
        nl = self.text.rfind("\n", lo, pos)
        for a, b, res in reversed(self.history):
            if b > pos:
                continue
            if a < lo or a < nl:
                break
            if res.written and res.pstart is not None and res.pend is not None and (res.pend - res.pstart).days < 31:
                return res.year
        return None

    def anchor_day(self, pos: int) -> dt.date | None:
        """A single day named earlier in the same sentence (「6月20日到达，次日返回」)."""
        res = self._before(pos, lambda a, b, r: r.pstart is not None and r.pstart == r.pend)
        return res.pend if res else None

    def anchor_month(self, pos: int) -> dt.date | None:
        """A month or day named earlier in the same sentence (「3月启动，同月完成」)."""
        res = self._before(pos, lambda a, b, r: r.pend is not None and r.pstart is not None
                           and (r.pend - r.pstart).days < 31)
        return res.pend if res else None

    def ahead(self, a: int, b: int) -> bool:
        """The clause around ``text[a:b]`` looks ahead: a word of `lookahead.forward` and none of
        `lookahead.past` (data/times.yaml) within it."""
        forward, past = lookahead_patterns()
        lo, hi = max(0, a - _WINDOW), min(len(self.text), b + _WINDOW)
        m = None
        for m in _CLAUSE.finditer(self.text, lo, a):
            pass
        lo = m.end() if m else lo
        m = _CLAUSE.search(self.text, b, hi)
        hi = m.start() if m else hi
        if past.search(self.text, lo, hi):
            return False
        return forward.search(self.text, lo, hi) is not None

    def implicit_year(self, end_of, a: int, b: int, deadline: bool) -> int | None:
        """The year of a month or day written without one: the plan's; else the year named earlier in
        the sentence; else the speech's, or the next when the period ``end_of(year)`` has passed and
        the clause looks ahead (spec section 2)."""
        if self.year_hint is not None:
            return self.year_hint
        if self.plan_year:
            return self.plan_year
        anchor = self.anchor_year(a)
        if anchor is not None:
            return anchor
        if self.date is None:
            return None
        ahead = deadline or self.ahead(a, b)
        if not ahead:
            written = self.anchor_written(a)
            if written is not None:
                return written
        y = self.date.year
        try:
            passed = end_of(y) < self.date
        except ValueError:
            return y
        if passed and ahead:
            y += 1
        return y
