"""A commitment read as a target: its indicators, numbers, direction and the year it is due.

>>> from speechkit.io import Speech
>>> from speechkit.extractor import extract
>>> s = Speech.from_text("今年全县主要预期目标为：地区生产总值增长6.5%左右。今明两年新建学校12所。", doc_id="a",
...                      date="2021-02-20", kind="gwr")
>>> [(t.key, t.metric and t.metric["value"], t.direction, t.due, t.period_rule) for t in read_targets(s, extract(s))]
[('gdp_growth', 6.5, 'floor', 2021, 'report-year'), (None, 12, 'floor', 2022, 'this-and-next-year')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import load
from ..outcomes import halfwidth, read_figures
from ..rules.indicators import find_indicators, indicators
from ..rules.quantities import find_quantities
from .judge import conventions, direction_of, relation_kind
from .review import plan_number_end

__all__ = ["Target", "read_targets", "linking"]


@dataclass
class Target:
    """One commitment of a report, read for comparison."""

    c: object  # the Commitment
    doc_id: str
    year: int | None  # the report's year
    index: int  # position among the report's commitments
    keys: list = field(default_factory=list)  # indicators its own clause names, in order
    metrics: dict = field(default_factory=dict)  # indicator → its target metric in this clause
    metric: dict | None = None  # the main target number
    direction: str = "level"  # how its number is judged (a hard bound in it decides)
    base_direction: str = "level"  # its indicator's direction (or the unlisted rules'), for restatements
    due: int | None = None  # the year whose review judges it
    start_year: int | None = None
    period_rule: str = "report-year"
    one_off: bool = False  # a dated one-off deliverable (data/linking.yaml one_off)
    relation: tuple | None = None  # (kind, other indicator) of 「…与经济增长基本同步」
    in_plan: bool = True

    @property
    def key(self) -> str | None:
        return self.keys[0] if self.keys else None

    @property
    def text(self) -> str:
        return self.c.text

    @property
    def multi_year(self) -> bool:
        return self.year is not None and self.due is not None and self.due > self.year


@lru_cache(maxsize=1)
def linking() -> dict:
    """``data/linking.yaml`` compiled: generic words, aliases, one-off verbs, predicate starts."""
    d = load("linking")
    words = sorted(d["generic"]["words"], key=len, reverse=True)
    return {"min_outcome": float(d["min_outcome"]), "min_restatement": float(d["min_restatement"]),
            "min_run": int(d["min_run"]), "generic": re.compile("|".join(map(re.escape, words))),
            "aliases": [(re.compile(a["pattern"]), a["short"]) for a in d["aliases"]],
            "one_off": re.compile(d["one_off"]["pattern"]),
            "predicate": re.compile(d["predicate_start"]["pattern"]),
            "stopped": re.compile(d["stopped"]["pattern"]), "acts": re.compile(d["acts"]["pattern"]),
            "entity": re.compile(d["entity_heads"]["pattern"]),
            "min_cover": float(d["min_cover"]), "min_shared": int(d["min_shared"]),
            "min_cover_restatement": float(d["min_cover_restatement"])}


_GENERIC_DEADLINE = {"今年", "全年", "本年度", "年度", "年内", "当年"}
_OTHER_GROWTH = re.compile(r"经济增长|经济增速|生产总值增长")


def read_targets(speech, extraction, in_plan=None, memory: dict | None = None) -> list[Target]:
    """Targets of every commitment of ``extraction``; ``in_plan(raw_pos)`` says whether a position
    lies in the plan part; ``memory`` carries the multi-year actions seen earlier in the chain."""
    year = speech.date.year if speech.date else None
    doc = extraction.document
    out = []
    for i, c in enumerate(extraction.commitments):
        t = Target(c, speech.doc_id, year, i, in_plan=in_plan(c.start) if in_plan else True)
        _read_numbers(t, doc, extraction.commitments[i - 1] if i else None)
        _read_period(t, extraction.commitments[i - 1] if i else None, out[-1] if out else None, memory)
        out.append(t)
    return out


def _read_numbers(t: Target, doc, prev) -> None:
    text = halfwidth(t.c.text)
    # the written figures only: a unit with no number (a word such as 落户, or a redaction) compares nothing
    quantities = [q for q in find_quantities(text, gaps=False) if not _past(text, q.span[0])]
    figs = read_figures(text, quantities=quantities)
    seen = []
    for m, metric, _, _ in figs:
        if m.key not in seen:
            seen.append(m.key)
            if metric:
                metric.pop("span", None)
                t.metrics[m.key] = metric
    if not seen:
        inherited = _inherited_key(t, doc, prev)
        if inherited:
            seen = [inherited]
    t.keys = seen
    qs = [q for q in quantities if q.role not in ("baseline", "policy")]
    if t.key and t.key in t.metrics:
        t.metric = t.metrics[t.key]
    elif qs:
        q = qs[0]
        t.metric = {"text": q.text, "value": q.value, "value_hi": q.value_hi, "unit": q.unit, "op": q.op}
        if t.key and t.key not in t.metrics and _unit_ok(t.key, q.unit):
            t.metrics[t.key] = t.metric
    before = text[:qs[0].span[0]] if qs else text
    ind = indicators().get(t.key) if t.key else None
    t.direction = direction_of((t.metric or {}).get("op"), ind.direction if ind else None, before,
                               (t.metric or {}).get("unit"))
    t.base_direction = ind.direction if ind else t.direction
    kind = relation_kind(text) if not t.metric else None
    if kind and t.key:
        others = [k for k in seen[1:]] or (["gdp_growth"] if _OTHER_GROWTH.search(text) else [])
        if others:
            t.relation = (kind, others[0])


_PAST = re.compile(r"^(?:去年|上年|前年|过去|20\d\d年(?:全县|全市|全区|全省|全国)?)")


def _past(text: str, pos: int) -> bool:
    """The number at ``pos`` stands in a clause about the past (「去年全县固定资产投资增长8%，今年要…」): it is
    context, not the target."""
    start = max(text.rfind(ch, 0, pos) for ch in "，,；;：:") + 1
    return bool(_PAST.match(text[start:pos]))


def _unit_ok(key, unit) -> bool:
    from ..rules.indicators import unit_scale

    want = indicators()[key].unit
    base = unit_scale(unit)[0]
    return base == want or (want != "%" and base == "")


def _inherited_key(t: Target, doc, prev) -> str | None:
    """A clause with a number but no subject of its own (「今年先发行1万亿元」) takes the indicator of
    the clause before it in the same sentence."""
    if not t.c.metrics or not linking()["predicate"].search(halfwidth(t.c.text)):
        return None
    if t.c.sentence < 0 or t.c.sentence >= len(doc.sentences):
        return None
    sent = doc.sentences[t.c.sentence]
    head = doc.raw[sent.raw_start:t.c.start] if sent.raw_start <= t.c.start else ""
    ms = find_indicators(halfwidth(head))
    return ms[-1].key if ms else None


def _read_period(t: Target, prev_c, prev_t, memory) -> None:
    """Due year and period rule: a plan document to be made is due this year (``document-now``);
    else the extractor's deadline beyond the report's year; else the first ``multi_year`` rule of
    ``data/judging.yaml`` that matches the clause (or the clause it continues)."""
    t.start_year = t.due = t.year
    dl = t.c.deadline or {}
    end = dl.get("end")
    now = _now_rule(t.c.text)
    if t.year and now:
        t.period_rule = now
    elif t.year and end and int(end[:4]) > t.year:
        t.due, t.period_rule = int(end[:4]), "deadline"
    elif t.year and (not end or dl.get("text") in _GENERIC_DEADLINE or dl.get("kind") == "vague"):
        got = _rule_due(t.c.text, t.year, memory)
        if got is None and prev_t is not None and prev_t.multi_year and prev_c is not None \
                and prev_c.sentence == t.c.sentence and 0 <= t.c.start - prev_c.end <= 2:
            got = (prev_t.due, prev_t.period_rule, prev_t.start_year)  # 「今明两年A，B」: B continues A
        if got:
            t.due, t.period_rule, t.start_year = got
    lk = linking()
    explicit = end and dl.get("text") not in _GENERIC_DEADLINE and dl.get("kind") != "vague"
    t.one_off = bool(explicit and lk["one_off"].search(t.c.text)) and not t.keys


def _now_rule(text: str) -> str | None:
    for rid, pat, rule in conventions()["periods"]:
        if rule.get("now") and pat.search(text):
            return rid
    return None


def _rule_due(text: str, year: int, memory) -> tuple | None:
    for rid, pat, rule in conventions()["periods"]:
        m = pat.search(text)
        if not m or rule.get("now"):
            continue
        if rule.get("plan"):
            end = plan_number_end(m.group(1))
            return (end, rid, end - 4) if end > year else None
        if rule.get("year"):
            y = int(m.group(1))
            return (y, rid, year) if y > year else None
        now = rule.get("verbs_now")
        if now and re.search(now, text[:m.start()]):
            return None
        start = year
        name = re.sub(r"^(?:深入|扎实|继续|全面)?(?:实施|开展|推进)", "", text[max(0, m.start() - 6):m.start()])
        if memory is not None and rule.get("named") and len(name) >= 2:
            start = memory.setdefault((rid, name[-4:]), year)
        return max(start + int(rule["offset"]), year), rid, start
    return None
