"""The review/plan boundary of a report and the period each review passage covers.

A work report first reviews the past (「一、2021年工作回顾」, 「过去五年…」) and then plans
(「二、2022年工作安排」, the target statement 「今年发展主要预期目标是：」).
Outcomes are read from the review only, and each review passage is tagged with the period it
covers: ``last_year``, ``five_years`` or ``problems`` (the paragraph on problems and shortcomings).
The rules are data (``data/review.yaml``).

>>> from speechkit.segment import segment
>>> doc = segment("一、2021年工作回顾\\n2021年，地区生产总值增长7.4%。\\n过去五年，年均增长7.1%。\\n"
...               "二、2022年工作安排\\n今年全县发展的主要预期目标为：地区生产总值增长6.8%左右。")
>>> lay = layout(doc, year=2022)
>>> [(p.text[:4], p.part, p.period) for p in lay.passages]
[('一、20', 'review', 'last_year'), ('2021', 'review', 'last_year'), ('过去五年', 'review', 'five_years'), ('二、20', 'plan', 'plan'), ('今年全县', 'plan', 'plan')]
>>> lay.rule
'plan-heading'
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import LexiconError, compile_rules, load

__all__ = ["Passage", "Layout", "layout", "plan_number_end"]

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}


def plan_number_end(numeral: str) -> int:
    """Last year of the N-th five-year plan: 十三五 → 2020, 十四五 → 2025.

    >>> plan_number_end("四"), plan_number_end("二")
    (2025, 2015)
    """
    return 2025 + 5 * (_CN[numeral] - 4)


@dataclass(frozen=True)
class Passage:
    """A paragraph (or the part of one) with its place in the report; offsets index the cleaned text."""

    start: int
    end: int
    raw_start: int
    raw_end: int
    text: str
    part: str  # "preamble" (title, greeting), "review" or "plan"
    period: str  # "last_year", "five_years", "problems", "preamble" or "plan"
    rule: str


@dataclass
class Layout:
    """The passages of one report in text order and where its plan starts."""

    passages: list = field(default_factory=list)
    plan_start: int = 0  # cleaned offset
    plan_raw_start: int = 0
    rule: str = ""  # the rule that placed the boundary

    def __post_init__(self):
        self._starts = [p.start for p in self.passages]

    def at(self, pos: int) -> Passage | None:
        """The passage holding cleaned offset ``pos``."""
        i = bisect_right(self._starts, pos) - 1
        return self.passages[i] if i >= 0 and pos < self.passages[i].end else None

    def in_plan_raw(self, pos: int) -> bool:
        return pos >= self.plan_raw_start

    def review(self) -> list[Passage]:
        return [p for p in self.passages if p.part == "review"]


@lru_cache(maxsize=1)
def _rules():
    d = load("review")
    out = {}
    for key in ("plan_headings", "review_headings", "plan_openers", "periods", "cumulative"):
        if not d.get(key):
            raise LexiconError(f"data/review.yaml: no {key}")
        out[key] = compile_rules(d[key], f"data/review.yaml ({key})")
    return out


def _first(key: str, text: str, anchored: bool = False):
    for rid, pat, rule in _rules()[key]:
        m = pat.match(text) if anchored else pat.search(text)
        if m:
            return rid, m, rule
    return None


def cumulative(text: str) -> bool:
    """The words before a figure make it cumulative or an average (「五年年均增长5.2%」).

    >>> cumulative("五年年均增长"), cumulative("全年国内生产总值增长")
    (True, False)
    """
    return _first("cumulative", text) is not None


def _heading_kind(text: str) -> str:
    plan = _first("plan_headings", text) is not None
    review = _first("review_headings", text) is not None
    return "mixed" if plan and review else "plan" if plan else "review" if review else "other"


def _plan_opener(text: str, year: int | None) -> str | None:
    """Id of the plan opener that ``text`` (a sentence) starts, else ``None``."""
    for rid, pat, _ in _rules()["plan_openers"]:
        m = pat.search(text)
        if not m:
            continue
        if m.groups() and m.group(1):  # 「“十四五”时期是」: a plan only while it has not ended
            if year is None or plan_number_end(m.group(1)) < year:
                continue
        return rid
    return None


def _period_opener(text: str, year: int | None) -> tuple[str, str] | None:
    """``(period, rule id)`` opened by a paragraph starting with ``text``."""
    for rid, pat, rule in _rules()["periods"]:
        m = pat.match(text) if rule["period"] != "problems" else pat.search(text[:60])
        if m:
            return rule["period"], rid
    return None


def _heading_period(text: str) -> str | None:
    if re.search(r"五年|十[一二三四五六七]五", text) and not re.search(r"一年|20\d\d年", text):
        return "five_years"
    return None


class _Scan:
    """State of the walk through a report's paragraphs: before the review, in it, at the plan."""

    def __init__(self, doc, year):
        self.year = year
        self.state, self.period = "preamble", "last_year"
        self.plan_start, self.rule = None, ""

    def heading(self, h) -> bool:
        """Read one heading; ``True`` when it opens the plan."""
        kind = _heading_kind(h.text)
        if kind in ("review", "mixed"):
            self.state = "review"
            if h.level <= 1:
                self.period = _heading_period(h.text) or "last_year"
            return False
        opens = kind == "plan" or (kind == "other" and h.level <= 1 and self.state == "review")
        if opens:
            self.plan_start, self.rule = h.start, "plan-heading" if kind == "plan" else "next-heading"
        return opens

    def opens_plan(self, s, first: bool) -> bool:
        """``True`` when sentence ``s`` opens the plan (the target statement anywhere, other openers
        only at the head of a paragraph of the review)."""
        rid = _plan_opener(s.text, self.year)
        if not rid or (rid != "target-statement" and not first):
            return False
        if rid == "next-years-opener" and self.state != "review":
            return False
        self.plan_start, self.rule = s.start, rid
        return True

    def opens_period(self, s) -> tuple[str, str] | None:
        """``(period, rule)`` opened by the first sentence ``s`` of a paragraph."""
        got = _period_opener(s.text, self.year)
        if not got or (self.state == "preamble" and got[0] == "problems"):
            return None
        self.state = "review"
        if got[0] != "problems":
            self.period = got[0]
        return got


def layout(doc, year: int | None = None) -> Layout:
    """Passages of ``doc`` (a segmented report) with their part and period; ``year`` is the report's year.

    A document without a review (a plan, a notice) is all plan; one without a plan boundary after
    its review is all review.
    """
    sc = _Scan(doc, year)
    heads = sorted(doc.headings, key=lambda h: h.start)
    sents_by_para: dict[int, list] = {}
    for s in doc.sentences:
        sents_by_para.setdefault(s.parent, []).append(s)
    hi, marks = 0, []  # marks: (start, end, part, period, rule)
    for pi, para in enumerate(doc.paragraphs):
        period, rule = None, ""
        for k, s in enumerate(sents_by_para.get(pi, [])):
            head_before = False
            while hi < len(heads) and heads[hi].start <= s.start and sc.plan_start is None:
                sc.heading(heads[hi])
                head_before = head_before or heads[hi].end <= s.start + 1
                hi += 1
            if sc.plan_start is not None or sc.opens_plan(s, first=k == 0 or head_before):
                break
            if k == 0 or head_before:
                got = sc.opens_period(s)
                if got:
                    period, rule = got
        end = para.end if sc.plan_start is None else min(para.end, sc.plan_start)
        part = "review" if sc.state == "review" else "preamble"
        marks.append((para.start, end, part, (period or sc.period) if part == "review" else "preamble", rule))
        if sc.plan_start is not None:
            break
    return _finish(doc, sc, marks)


def _finish(doc, sc, marks) -> Layout:
    text = doc.text
    if sc.plan_start is None:
        sc.plan_start = len(text) if sc.state == "review" else 0
        sc.rule = "all-review" if sc.state == "review" else "no-review"
        if sc.rule == "no-review":
            marks = []
    passages = []
    for a, b, part, period, rule in marks:
        if b > a:
            rs, re_ = doc.cleaned.raw_span(a, b)
            passages.append(Passage(a, b, rs, re_, text[a:b], part, period, rule))
    for para in doc.paragraphs:
        a = max(para.start, sc.plan_start)
        if para.end > a:
            rs, re_ = doc.cleaned.raw_span(a, para.end)
            passages.append(Passage(a, para.end, rs, re_, text[a:para.end], "plan", "plan", sc.rule))
    passages.sort(key=lambda p: p.start)
    plan_raw = doc.cleaned.raw_span(sc.plan_start, sc.plan_start + 1)[0] if sc.plan_start < len(text) \
        else len(doc.raw)
    return Layout(passages, sc.plan_start, plan_raw, sc.rule)
