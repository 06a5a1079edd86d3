"""Find time expressions: candidates of every rule, the longest at each position, resolved, joined."""
from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon import scan_all
from . import calendar_rules, other_rules, range_rules, relative_rules
from .compile import free_rules, join_pattern, rules, scan_rule
from .ctx import Ctx, as_date
from .model import Refuse, Res, TimeExpr
from .normalize import Reading

__all__ = ["find_times", "define_periods"]

_JOINABLE = ("date", "period")


@lru_cache(maxsize=1)
def _resolvers() -> dict:
    out = {}
    for mod in (calendar_rules, range_rules, relative_rules, other_rules):
        out.update({name: getattr(mod, name) for name in mod.__all__})
    missing = {r["resolve"] for _, _, r in rules()} - set(out)
    if missing:
        raise LookupError(f"data/times.yaml names resolvers that do not exist: {sorted(missing)}")
    return out


@lru_cache(maxsize=16)
def _prepared(text: str) -> tuple[Reading, tuple]:
    """The reading of ``text`` and every rule's matches in it (they depend on the text only, not on the
    date): the document-level pass of the extractor and :func:`define_periods` share them."""
    reading = Reading(text)
    cands, anchors = [], {}
    orders, plan = free_rules()
    free = dict(zip(orders, scan_all(plan, reading.text)))  # the rules with no `near`, in one scan
    for order, (rid, pat, rule) in enumerate(rules()):
        for m in free[order] if order in free else scan_rule(pat, rule, reading.text, anchors):
            cands.append((m.start(), -(m.end() - m.start()), order, rid, rule, m))
    cands.sort(key=lambda x: x[:3])
    return reading, tuple(cands)


def _named(text: str, named: dict) -> list:
    out = []
    for name, (s, e) in named.items():
        for m in re.finditer(re.escape(name) + r"(?:内|期间|中|结束前)?", text):
            out.append((m.start(), -(m.end() - m.start()), -1, "named-period", {"kind": "named", "s": s, "e": e}, m))
    return out


def _choose(cands, c: Ctx) -> list[list]:
    """The longest candidate at each position that its resolver accepts; no overlaps."""
    chosen, taken = [], -1
    res_of = _resolvers()
    for a, neg, _, rid, rule, m in cands:
        if a < taken:
            continue
        if rid == "named-period":
            s, e = as_date(rule["s"]), as_date(rule["e"])
            res = Res(start=s, end=e, pstart=s, pend=e)
        else:
            try:
                res = res_of[rule["resolve"]](m, c)
            except Refuse:
                continue
        taken = a - neg
        if res is None:
            continue  # the resolver took the span and gives nothing (「当天办结」)
        chosen.append([a, taken, rid, rule, m, res])
        c.history.append((a, taken, res))
    return chosen


def _join(chosen: list[list], c: Ctx) -> list[list]:
    """「去年春节到元宵节」「从上个月到今天」: two dated expressions joined by 至/到/— make one."""
    out, join = [], join_pattern()
    for item in chosen:
        prev = out[-1] if out else None
        if prev and _joinable(prev, item) and (join.fullmatch(c.text, prev[1], item[0]) or (
                prev[1] == item[0] and item[4].groupdict().get("pre") in ("到", "至"))):
            second = _second(prev, item, c)
            if second is not None:
                first = prev[5].pstart or prev[5].start or prev[5].end
                prev[1], prev[2] = item[1], "join"
                prev[5] = Res(start=first, end=second.end, pstart=first, pend=second.pend or second.end,
                              past=prev[5].past and second.past)
                continue
        out.append(item)
    return out


def _joinable(prev, item) -> bool:
    kinds = (prev[5].kind or prev[3]["kind"], item[5].kind or item[3]["kind"])
    return all(k in _JOINABLE for k in kinds) and prev[5].end is not None and item[5].end is not None \
        and item[5].start is None


def _second(prev, item, c: Ctx) -> Res | None:
    """The second end of a join, its year taken from the first's when it writes none."""
    res = item[5]
    first = prev[5].pstart or prev[5].start or prev[5].end
    if res.implicit:
        c.year_hint = first.year
        try:
            res = _resolvers()[item[3]["resolve"]](item[4], c)
            if res is not None and res.end is not None and res.end < first:
                c.year_hint = first.year + 1
                res = _resolvers()[item[3]["resolve"]](item[4], c)
        except Refuse:
            res = None
        finally:
            c.year_hint = None
    if res is None or res.end is None or res.end < first:
        return None
    return res


def _expr(reading: Reading, original: str, item) -> TimeExpr:
    a, b, rid, rule, m, res = item
    s, e = reading.span(a, b)
    clock = None
    if res.clock:
        cs, ce = reading.span(*res.clock)
        clock = original[cs:ce]
    kind = res.kind or rule["kind"]
    iso = (lambda d: d.isoformat() if d else None)
    return TimeExpr((s, e), original[s:e], kind, iso(res.start), iso(res.end), rid, note=res.note, clock=clock,
                    past=res.past, **res.freq)


def find_times(text: str, date=None, *, plan_year: int | None = None, named: dict | None = None) -> list[TimeExpr]:
    """All time expressions in ``text``, resolved against the speech ``date`` (see the package docstring)."""
    reading, cands = _prepared(text)
    c = Ctx(date, plan_year, reading.text)
    if named:
        cands = sorted(list(cands) + _named(reading.text, named), key=lambda x: x[:3])
    chosen = _join(_choose(cands, c), c)
    return [_expr(reading, text, item) for item in chosen]


# a name right before the window it is given (「冲刺月行动9月1日开始…」), maybe with 的时间是 / ，是 between (「攻坚行动的
#时间是3月1日至6月30日」「会战的冲刺期，是…」); a demonstrative before it (这次 此次 本次) is no part of the name
_DEF_NAME = re.compile(r"(?!这次|此次|本次|这个|今年)([\u4e00-\u9fff]{2}(?:月|周|季|期|阶段|会战|战役|攻坚|攻坚战|攻势|行动))[”\"]?(?:行动|活动|专项行动)?[”\"]?"
                       r"(?:的?(?:时间|时限|期限|时段))?[，,]?(?:是|为)?(?:从|自)?\s*$")
_DEF_SHORT = re.compile(r"[\u4e00-\u9fff]{2}(?:月|季|期|周)$")  # the short name a long one is called by later
# a name given to a window after it (「11月为冲刺月」「将9月1日至11月30日确定为“秋冬攻坚季”」)
_DEF_AFTER = re.compile(r"\s*(?:确定为|定为|为|是|作为)[“\"]?([\u4e00-\u9fff]{1,4}(?:月|期|周|季|阶段))[”\"]?")


def define_periods(text: str, date=None, *, plan_year: int | None = None) -> dict[str, tuple[str, str]]:
    """Periods the text defines by name: 「冲刺月行动9月1日开始，9月30日结束」 → ``{"冲刺月": (start, end)}``.

    >>> define_periods("重点工程冲刺月行动9月1日开始，9月30日结束。", "2021-08-20")
    {'冲刺月': ('2021-09-01', '2021-09-30')}
    >>> define_periods("“秋季攻坚”从9月1日开始，到11月30日结束，其中11月为冲刺月。", "2023-08-28")["攻坚期"]
    ('2023-09-01', '2023-11-30')
    >>> define_periods("9月至10月为冲刺期。", "2023-08-20")
    {'冲刺期': ('2023-09-01', '2023-10-31')}
    >>> define_periods("全县重点项目冲刺期从10月20日开始，到12月20日结束。", "2023-10-16")
    {'冲刺期': ('2023-10-20', '2023-12-20')}
    >>> define_periods("全市“百日攻坚”行动从4月10日开始，到7月18日结束。", "2024-04-02")["攻坚期"]
    ('2024-04-10', '2024-07-18')
    >>> define_periods("“夏季攻势”从6月1日开始，到8月31日结束。", "2024-05-27")["攻势"]
    ('2024-06-01', '2024-08-31')
    >>> define_periods("市里已将9月1日至11月30日确定为“秋冬攻坚季”。", "2021-08-20")["攻坚季"]
    ('2021-09-01', '2021-11-30')
    >>> define_periods("这次会战的冲刺期，是10月10日到12月20日。", "2024-09-01")
    {'冲刺期': ('2024-10-10', '2024-12-20')}
    >>> define_periods("这次攻坚行动的时间是3月1日至6月30日。", "2025-02-20")
    {'攻坚行动': ('2025-03-01', '2025-06-30')}
    >>> define_periods("今年的目标是5月底前完成清查。", "2025-02-20")
    {}
    """
    out = {}
    for t in find_times(text, date, plan_year=plan_year):
        if not t.end:
            continue
        after = _DEF_AFTER.match(text, t.span[1])
        if after and t.kind in ("date", "period") and t.rule not in ("this-year",):
            # 「11月为冲刺月」「9月至10月为冲刺期」: a stretch of time given a name
            start = t.start or t.end[:8] + "01"
            out[after.group(1)] = (start, t.end)
            short = _DEF_SHORT.search(after.group(1))
            if short and short.group(0) != after.group(1):
                out[short.group(0)] = (start, t.end)  # 「秋冬攻坚季」 later called 「攻坚季内」 (「冲刺阶段」 keeps its name)
            continue
        if t.rule not in ("window", "join") or not t.start:
            continue
        m = _DEF_NAME.search(text[max(0, t.span[0] - 16):t.span[0]])
        if m:
            name = m.group(1)
            out[name] = (t.start, t.end)
            if name.endswith(("会战", "战役", "攻势")):
                out[name[-2:]] = (t.start, t.end)  # 「百日会战…」 later called 「会战期间」
            if len(name) >= 4 and name.endswith(("会战", "战役", "攻坚")):
                out[name[-2:] + "期"] = (t.start, t.end)  # 「秋季攻坚…」 later called 「攻坚期内」
    return out
