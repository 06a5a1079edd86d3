"""Outcome statements: what the review part of a report says was done, not done or under way.

Only the review part counts (:mod:`speechkit.compare.review` finds where the plan begins), and
each statement carries the period its passage covers (``last_year``, ``five_years``) or
``cumulative`` when its own clause says so (「五年年均增长5.2%」). Three kinds, all with raw offsets:

* a **figure**: an indicator of ``data/indicators.yaml`` with the first quantity in its unit after
  it in the same clause (「城镇新增就业3860人」). The subject is the clause's own: in 「全县财政收入突破
  20亿元，增长8.2%」 the 8.2 % is fiscal revenue, whatever else the sentence names;
* a **mention**: an indicator named without a number in its clause (「全县主要污染物排放量持续下降」);
* an **action**: any other clause (「江城港区三期如期开工建设」), with the polarity its wording gives
  (``data/outcomes.yaml``: achieved, partly, not_achieved, in_progress; otherwise ``reported``).

Full-width digits and decimal points (「８．７％」) read like any others.

>>> from speechkit.io import Speech
>>> s = Speech.from_text("一、2021年工作回顾\\n去年地区生产总值增长７．４％，滨江大道提前全线通车。\\n"
...                      "二、2022年工作安排\\n今年地区生产总值增长7%左右。", doc_id="d", date="2022-02-16")
>>> [(o.kind, o.indicator, o.polarity, o.metrics[0]["value"] if o.metrics else None) for o in find_outcomes(s)]
[('figure', 'gdp_growth', 'reported', 7.4), ('action', None, 'achieved', None)]
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from .lexicon import compile_rules, load
from .rules.indicators import indicator_patterns as _indicator_data
from .rules.indicators import find_indicators, unit_scale
from .rules.quantities import find_quantities

__all__ = ["Outcome", "find_outcomes", "polarity_of", "read_figures", "halfwidth", "names_target"]

_HALF = str.maketrans("０１２３４５６７８９．％－～", "0123456789.%-~")


def halfwidth(text: str) -> str:
    """Full-width digits, decimal point, percent and dash as ASCII (one character for one, so offsets hold).

    >>> halfwidth("增长８．７％")
    '增长8.7%'
    """
    return text.translate(_HALF)


@dataclass
class Outcome:
    """One outcome statement; ``start``/``end`` index the raw text."""

    doc_id: str | None
    start: int
    end: int
    text: str
    polarity: str  # reported | achieved | partly | not_achieved | in_progress
    indicator: str | None = None
    about: str | None = None  # the indicator's label, or the words before the verb of an action
    metrics: list = field(default_factory=list)
    context: str = ""  # the clause with the subject it continues (for matching)
    rule: str = ""
    kind: str = "action"  # figure | mention | action
    period: str = "last_year"  # last_year | five_years | cumulative
    sentence: int = -1

    def to_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1)
def _rules():
    d = load("outcomes")
    ta = d["target_achieved"]
    return (compile_rules(d["rules"], "data/outcomes.yaml"), tuple(d.get("forward") or ()),
            re.compile(ta["pattern"]))


def polarity_of(text: str) -> tuple[str, str] | None:
    """``(polarity, rule id)`` of a clause that reports a result, else ``None``.

    >>> polarity_of("至今仍未投入运行"), polarity_of("江城港区三期如期开工建设")
    (('not_achieved', 'not-achieved'), ('achieved', 'achieved'))
    """
    found = _polarity_match(text)
    return (found[0], found[1]) if found else None


def names_target(text: str) -> bool:
    """The clause names a target as achieved (「超额完成高职扩招年度目标」).

    >>> names_target("超额完成高职扩招年度目标"), names_target("高职院校扩招100万人")
    (True, False)
    """
    return bool(_rules()[2].search(text))


def _polarity_match(text: str):
    rules, _, _ = _rules()
    for rid, pat, rule in rules:
        m = pat.search(text)
        if m:
            return rule["polarity"], rid, m
    return None


def _metric(q, value) -> dict:
    return {"text": q.text, "value": value, "value_hi": q.value_hi, "unit": q.unit, "op": q.op}


def _unit_fits(indicator_unit: str, unit: str | None) -> bool:
    base, _ = unit_scale(unit)
    if indicator_unit == "%":
        return base == "%"
    return base in (indicator_unit, "")


_AGAINST = {"reduction": re.compile(r"上升|增长|提高|增加|反弹"),
            "floor": re.compile(r"下降|负增长|回落"),
            "level": re.compile(r"下降|负增长")}


def _signed(value, between: str, direction: str):
    """A value read against its indicator's direction: 「能耗…上升0.5%」 is a reduction of −0.5, 「居民人均可支配收入
    下降1.2%」 a growth of −1.2 (the words between the mention and its number, and the verb closing the
    mention, count; a verb that defines the indicator, 「贫困人口减少」, is not among them)."""
    pat = _AGAINST.get(direction)
    if value is not None and pat is not None and pat.search(between):
        return -value
    return value


def read_figures(text: str, mentions=None, quantities=None, bounds=(0, None)) -> list[tuple]:
    """``(mention, metric or None, clause_start, clause_end)`` for every indicator mention of ``text``.

    The metric is the first quantity in the indicator's unit after the mention and before the end
    of its clause or the next mention; ``None`` when there is none (a mention).

    >>> [(m.key, f and f["value"]) for m, f, _, _ in read_figures("城镇新增就业1352万人、调查失业率在5.3%以下")]
    [('urban_new_jobs', 1352), ('surveyed_unemployment', 5.3)]
    >>> [(m.key, f and f["value"]) for m, f, _, _ in read_figures("全县财政收入突破20亿元，增长8.2%")]
    [('fiscal_revenue_growth', 8.2)]
    """
    a0, b0 = bounds[0], len(text) if bounds[1] is None else bounds[1]
    if mentions is None:
        mentions = find_indicators(text)
    if quantities is None:
        quantities = find_quantities(text, gaps=False)  # written figures: a unit with no number reports nothing
    _, not_before = _indicator_data()
    q_starts = [q.span[0] for q in quantities]
    mentions = [m for m in mentions if a0 <= m.span[0] < b0]
    out = []
    for i, m in enumerate(mentions):
        c_start = max(a0, max(text.rfind(ch, a0, m.span[0]) for ch in "，,；;：:。") + 1)
        stop = re.compile(r"[，,；;。]").search(text, m.span[1], b0)
        c_end = stop.start() if stop else b0
        limit = min(c_end, mentions[i + 1].span[0]) if i + 1 < len(mentions) else c_end
        metrics = []
        for k in range(bisect_left(q_starts, m.span[1]), bisect_left(q_starts, limit)):
            q = quantities[k]
            if q.role in ("baseline", "policy") or not _unit_fits(m.indicator.unit, q.unit):
                continue
            if any(w in text[max(a0, m.span[0] - 4):m.span[0]] + text[m.span[1]:q.span[0]] for w in not_before):
                break  # 「预计…」, 「…要增长」: a forecast or a target, not a figure (the mention itself,
                # 「主要污染物」, does not count)
            metric = _metric(q, _signed(q.value, m.text[-3:] + text[m.span[1]:q.span[0]], m.indicator.direction))
            metric["span"] = q.span
            metrics.append(metric)
            if not m.indicator.split:
                break
        end = max(c_end, metrics[-1]["span"][1] if metrics else c_end)
        if m.indicator.split:
            out.extend(_split(m, metrics, c_start, end))
        else:
            out.append((m, metrics[0] if metrics else None, c_start, end))
    return out


def _split(m, metrics, c_start, c_end) -> list:
    """「城乡…分别增长7%和8%」: one figure per indicator of ``split``, in order (one number: all of them)."""
    from .rules.indicators import IndicatorMention, indicators

    inds = indicators()
    last_op = metrics[-1]["op"] if metrics else None
    out = []
    for j, key in enumerate(m.indicator.split):
        metric = dict(metrics[min(j, len(metrics) - 1)]) if metrics else None
        if metric and last_op == "~" and metric["op"] == "=":
            metric["op"] = "~"  # 「7%和8%左右」: the 左右 holds for both
        out.append((IndicatorMention(m.span, m.text, key, inds[key]), metric, c_start, c_end))
    return out


def find_outcomes(speech, extraction=None, layout=None) -> list[Outcome]:
    """Outcome statements of the review part of ``speech``, in text order.

    ``extraction`` is the speech's :class:`~speechkit.extractor.Extraction` and ``layout`` its
    :func:`~speechkit.compare.review.layout` (each computed when not given).
    """
    if extraction is None:
        from .extractor import extract

        extraction = extract(speech)
    doc = extraction.document
    if layout is None:
        from .compare.review import layout as make_layout

        date = getattr(speech, "date", None)
        layout = make_layout(doc, date.year if date else None)
    review = [p for p in layout.passages if p.part == "review"]
    if not review:
        return []
    return _Reader(doc, getattr(speech, "doc_id", None)).read(review)


class _Reader:
    """Reads the outcome statements of one document's review passages."""

    def __init__(self, doc, doc_id):
        self.doc, self.doc_id = doc, doc_id
        self.text = halfwidth(doc.text)
        end = max((p.end for p in doc.sentences), default=0)
        self.mentions = find_indicators(self.text[:end])
        self.m_starts = [m.span[0] for m in self.mentions]
        self.heads = [(h.start, h.end) for h in doc.headings]
        self.clauses: dict[int, list] = {}
        for cl in doc.clauses:
            self.clauses.setdefault(cl.parent, []).append(cl)

    def read(self, passages) -> list:
        from .compare.review import cumulative

        out = []
        starts = [s.start for s in self.doc.sentences]
        for p in passages:
            lo, hi = bisect_left(starts, p.start), bisect_right(starts, p.end - 1)
            for sent in self.doc.sentences[lo:hi]:
                if sent.end > p.end + 1 or any(a <= sent.start and sent.end <= b + 1 for a, b in self.heads):
                    continue  # headings (「（一）三大攻坚战强力突破」) report nothing
                out.extend(self._sentence(sent, p.period, cumulative))
        return out

    def _sentence(self, sent, period, cumulative) -> list:
        text, doc = self.text, self.doc
        lo, hi = bisect_left(self.m_starts, sent.start), bisect_left(self.m_starts, sent.end)
        ms = self.mentions[lo:hi]
        qs = find_quantities(text[sent.start:sent.end], gaps=False) if ms else []
        qs = [_shift(q, sent.start) for q in qs]
        out, covered = [], []
        _, forward, _ = _rules()
        for m, metric, ca, cb in read_figures(text, ms, qs, (sent.start, sent.end)):
            head = text[ca:m.span[0]]
            if period == "problems" or head.lstrip().startswith(forward):
                continue
            s, e = (m.span[0], metric["span"][1]) if metric else (ca, cb)
            per = "cumulative" if cumulative(text[ca:(metric["span"][0] if metric else cb)]) else period
            pol = polarity_of(text[ca:cb])
            rs, re_ = doc.cleaned.raw_span(s, e)
            if metric:
                metric.pop("span")
            polarity = "reported" if metric or not pol else pol[0]
            out.append(Outcome(self.doc_id, rs, re_, doc.text[s:e], polarity, m.key,
                               m.indicator.label, [metric] if metric else [], context=text[ca:cb],
                               rule=f"indicator:{m.key}", kind="figure" if metric else "mention",
                               period=per, sentence=sent.index))
            covered.append((s, e))
        out.extend(self._actions(sent, period, covered, forward))
        return out

    def _actions(self, sent, period, covered, forward) -> list:
        out, before = [], ""
        for cl in self.clauses.get(sent.index, []):
            ct = cl.text.rstrip("，,；;：:。！？ ")
            if len(ct) < 4 or ct.startswith(forward) or any(a < cl.start + len(ct) and cl.start < b
                                                             for a, b in covered):
                before = ct
                continue
            pol = _polarity_match(ct)
            if pol is None and period == "problems":
                before = ct
                continue  # a problem paragraph reports nothing unless its wording says so
            rs, re_ = self.doc.cleaned.raw_span(cl.start, cl.start + len(ct))
            ctx = (before + "，" + ct) if len(ct) < 10 and before else ct
            out.append(Outcome(self.doc_id, rs, re_, ct, pol[0] if pol else "reported", None,
                               _about(ct, pol[2] if pol else None), [], context=ctx,
                               rule=pol[1] if pol else "review-clause", kind="action", period=period,
                               sentence=sent.index))
            before = ct
        return out


def _shift(q, by: int):
    from dataclasses import replace

    return replace(q, span=(q.span[0] + by, q.span[1] + by))


_ABOUT_END = re.compile(r"(?:受[^，,]{1,10}影响|全面|如期|提前|按期|顺利|已经|已|至今|仍|尚|正在|基本|部分|全年)")


def _about(clause: str, m_verb) -> str | None:
    """The words of an action clause before its verb (「江城港区三期」 in 「江城港区三期如期开工建设」)."""
    head = clause[:m_verb.start()] if m_verb else clause
    m = _ABOUT_END.search(head)
    head = (head[:m.start()] if m else head).strip("，, ")
    return head or None
