"""Quantities: number, unit and comparator, as the spec's metrics.

>>> q = find_quantities("城镇新增就业12万人以上")[0]
>>> q.value, q.unit, q.op, q.text
(12, '万人', '>=', '12万人以上')
>>> [(q.value, q.value_hi, q.op) for q in find_quantities("增长6%-6.5%")]
[(6, 6.5, 'range')]
>>> q = find_quantities("融资亿元以上")[0]
>>> q.value is None, q.unit, q.op
(True, '亿元', '>=')
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from functools import lru_cache

from ..clean import find_gaps
from ..lexicon import load
from ..numerals import to_number

__all__ = ["Quantity", "find_quantities"]

_CN_NUM = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
_AR_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"


@dataclass(frozen=True)
class Quantity:
    """A quantity: ``span`` offsets into the text given; ``value`` in the unit as written."""

    span: tuple[int, int]
    text: str
    value: float | int | None
    value_hi: float | int | None
    unit: str
    op: str
    rule: str
    role: str = "target"  # or "baseline" (a figure being changed from), "count" (items just named)

    def as_metric(self) -> dict:
        """The spec's metric object."""
        return {"text": self.text, "value": self.value, "value_hi": self.value_hi, "unit": self.unit, "op": self.op}


@lru_cache(maxsize=1)
def _compiled():
    data = load("quantities")
    units = sorted(set(data["units"]), key=len, reverse=True)
    unit_re = "|".join(re.escape(u) for u in units)
    before = sorted(data["before"], key=len, reverse=True)
    after = sorted(data["after"], key=len, reverse=True)
    bre = "|".join(before)
    are = "|".join(after)
    num = rf"(?:{_AR_NUM}|{_CN_NUM})"
    # numerals not preceded by a digit, ×, 第, or a letter (codes), units not followed by a CJK word char that makes them part of a word
    lead = r"(?<![\d.×xX第A-Za-z])"
    single = re.compile(
        rf"(?P<pre>{bre})?{lead}(?P<num>{num})(?P<approx>余|多)?\s*(?P<unit>{unit_re})(?P<post>{are})?")
    rng = re.compile(
        rf"(?P<pre>{bre})?{lead}(?P<num>{num})\s*(?P<unit1>{unit_re})?\s*[-－—–~～至到]\s*(?P<num2>{num})\s*(?P<unit>{unit_re})(?P<post>{are})?")
    pct = re.compile(rf"(?P<pre>{bre})?百分之(?P<num>{_CN_NUM}|{_AR_NUM})(?P<post>{are})?")
    vague = re.compile(rf"(?:数|几)(?P<mag>十|百|千|万)(?:余)?(?P<unit>{unit_re})")
    return data, single, rng, pct, vague


_NOT_UNIT_AFTER = {
    # a measure word that begins a longer word is not a unit here
    "个": "人体性别案字月",  # 「三个月」 is a span of time (times.py), not a count
    "条": "件例款",
    "次": "要序",
    "名": "单额",
    "万": "物众",
    "亿": "万",
    "类": "型似",
    "人": "民员才口们类",
    "场": "景所",
    "处": "理置",
    "台": "阶账",
    "件": "事",
    "批": "准复",
    "家": "庭长",
    "项": "目",
    "位": "置",
    "倍": "增",
    "所": "有以在属",
    "户": "籍口",
}


def _unit_ok(text: str, unit: str, end: int) -> bool:
    nxt = text[end] if end < len(text) else ""
    bad = _NOT_UNIT_AFTER.get(unit)
    return not (bad and nxt and nxt in bad)


def _op(data, pre: str | None, post: str | None, approx: str | None = None) -> str:
    if approx:
        return ">"
    if post:
        return data["after"][post]
    if pre:
        return data["before"][pre]
    return "="


_CHANGE_TO = re.compile(r"^(?:的[\u4e00-\u9fff]{0,6})?(?:降至|降到|降低到|下调至|下调到|提高到|提高至|上调至|上调到|调整为|调整到|减至|增至|升至)")


def _role(text: str, s: int, e: int, num: str) -> str:
    head = text[max(0, s - 2):s]
    if head.endswith(("现行", "由", "从")) or _CHANGE_TO.match(text[e:e + 12]):
        return "baseline"
    # 「伊敏河、六二六小河两条」: a Chinese count right after the items it counts
    if not num[0].isdigit() and s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and "、" in text[max(0, s - 15):s]:
        seg = text[text.rfind("、", 0, s) + 1:s]
        if seg and not re.search(r"[建设造修改完成实施打开新增]", seg):
            return "count"
    return "target"


def _value(num: str):
    v = to_number(num)
    return v


def find_quantities(text: str) -> list[Quantity]:
    """Quantities in ``text``, left to right; see the module docstring.

    >>> [(q.value, q.unit, q.role) for q in find_quantities("将现行5%的征收率降至3%")]
    [(5, '%', 'baseline'), (3, '%', 'target')]
    """
    data, single, rng, pct, vague = _compiled()
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping

    def free(s, e):
        i = bisect_left(taken, (s, s))
        if i > 0 and taken[i - 1][1] > s:
            return False
        return not (i < len(taken) and taken[i][0] < e)

    def add(q: Quantity):
        found.append(q)
        insort(taken, q.span)

    for m in rng.finditer(text):
        if m["unit1"] and m["unit1"] != m["unit"]:
            continue
        if re.fullmatch(r"(?:19|20)\d\d", m["num"]) and m["unit"] in ("年",):
            continue
        v, v2 = _value(m["num"]), _value(m["num2"])
        if v is None or v2 is None or v2 <= v:
            continue
        post = m["post"]
        op = "range" if not post else data["after"][post]
        add(Quantity((m.start(), m.end()), m.group(0), v, v2, m["unit"], op, "range"))
    for m in pct.finditer(text):
        if not free(m.start(), m.end()):
            continue
        v = _value(m["num"])
        if v is not None:
            add(Quantity((m.start(), m.end()), m.group(0), v, None, "%", _op(data, m["pre"], m["post"]), "percent-words"))
    for m in vague.finditer(text):
        if free(m.start(), m.end()):
            add(Quantity((m.start(), m.end()), m.group(0), None, None, m["unit"], "~", "approximate"))
    for m in single.finditer(text):
        if not free(m.start(), m.end()):
            continue
        num, unit = m["num"], m["unit"]
        if not _unit_ok(text, unit, m.end("unit")):
            continue
        if num in ("十", "百", "千") and unit in ("大",):
            continue
        if num == "一" and unit in ("批", "些", "系列"):
            continue  # 「一批」: a vague batch, not a count
        v = _value(num)
        if v is None:
            continue
        if re.fullmatch(r"(?:19|20)\d\d", num) and text[m.end("num"):m.end("num") + 1] == "年":
            continue
        rule = "approximate" if m["approx"] else "number-unit"
        q = Quantity((m.start(), m.end()), m.group(0), v, None, unit, _op(data, m["pre"], m["post"], m["approx"]),
                     rule, _role(text, m.start("num"), m.end(), num))
        add(q)
    # numbers removed from the text: the unit stays, the value is null
    for g in find_gaps(text):
        if not free(g.start, g.end):
            continue
        e = g.end
        post = None
        for w in sorted(data["after"], key=len, reverse=True):
            if text.startswith(w, e) and w not in ("多", "余"):
                post, e = w, e + len(w)
                break
        unit = g.unit
        op = ">" if g.rule == "more-than-unit" else _op(data, None, post)
        add(Quantity((g.start, e), text[g.start:e], None, None, unit, op, "missing-number"))
    found.sort(key=lambda q: q.span)
    return found
