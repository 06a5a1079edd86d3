"""Outcome statements: what a speech reports as done, not done or under way.

Two kinds, both with raw offsets:

* an **indicator figure** (「城镇新增就业3860人」): an indicator of
  ``data/indicators.yaml`` followed closely by a quantity in its unit;
  polarity ``reported`` (whether it meets a target is the comparison's job);
* a **reported action** (「江城港区三期如期开工建设」, 「至今仍未投入运行」):
  a clause outside the speech's commitments whose wording says achieved,
  partly, not achieved or in progress (``data/outcomes.yaml``).

>>> from speechkit.io import Speech
>>> s = Speech.from_text("去年地区生产总值增长7.4%，滨江大道提前全线通车。", doc_id="d", date="2022-02-16")
>>> [(o.indicator, o.polarity, o.metrics[0]["value"] if o.metrics else None) for o in find_outcomes(s)]
[('gdp_growth', 'reported', 7.4), (None, 'achieved', None)]
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from .lexicon import compile_rules, load
from .rules.indicators import _compiled as _indicator_data
from .rules.indicators import find_indicators, unit_scale
from .rules.quantities import find_quantities

__all__ = ["Outcome", "find_outcomes", "polarity_of"]


@dataclass
class Outcome:
    """One outcome statement; ``start``/``end`` index the raw text."""

    doc_id: str | None
    start: int
    end: int
    text: str
    polarity: str  # reported | achieved | partly | not_achieved | in_progress
    indicator: str | None = None
    about: str | None = None  # what it reports on: the indicator's label or the project named before the verb
    metrics: list = field(default_factory=list)
    context: str = ""  # the clause with the subject it continues (for matching)
    rule: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1)
def _rules():
    d = load("outcomes")
    return compile_rules(d["rules"], "data/outcomes.yaml"), tuple(d.get("forward") or ())


def polarity_of(text: str) -> tuple[str, str] | None:
    """``(polarity, rule id)`` of a clause that reports a result, else ``None``.

    >>> polarity_of("至今仍未投入运行"), polarity_of("江城港区三期如期开工建设")
    (('not_achieved', 'not-achieved'), ('achieved', 'achieved'))
    """
    found = _polarity_match(text)
    return (found[0], found[1]) if found else None


def _polarity_match(text: str):
    """``(polarity, rule id, match)`` of the first outcome rule that matches ``text``, else ``None``."""
    rules, _ = _rules()
    for rid, pat, rule in rules:
        m = pat.search(text)
        if m:
            return rule["polarity"], rid, m
    return None


_ABOUT_END = re.compile(r"(?:受[^，,]{1,10}影响|全面|如期|提前|按期|顺利|已经|已|至今|仍|尚|正在|基本|部分|全年)")


def _about(clause: str, before: str, m_verb) -> str | None:
    """The project or object an outcome clause reports on: its words before the verb (``m_verb``, the
    outcome rule's match), else the clause it continues, else the object between the verb and its
    number (「全年实施重点项目82个」)."""
    head = clause[:m_verb.start()] if m_verb else clause
    m = _ABOUT_END.search(head)
    head = (head[:m.start()] if m else head).strip("，, ")
    if len(head) >= 2:
        return head
    prev = before.rstrip("，,").split("，")[-1] if before else ""
    prev = _ABOUT_END.split(prev)[0].strip() if prev else ""
    if prev:
        return prev
    if m_verb:
        obj = re.split(r"[\d一二两三四五六七八九十百千万]", clause[m_verb.end():], maxsplit=1)[0].strip("，, ")
        return obj or None
    return None


def _metric(q) -> dict:
    return {"text": q.text, "value": q.value, "value_hi": q.value_hi, "unit": q.unit, "op": q.op}


def _unit_fits(indicator_unit: str, unit: str | None) -> bool:
    base, _ = unit_scale(unit)
    if indicator_unit == "%":
        return base == "%"
    return base in (indicator_unit, "")


def indicator_figures(text: str) -> list[tuple]:
    """``(mention, quantity)`` pairs: each indicator with the first quantity in its unit right after it."""
    _, not_before = _indicator_data()
    quants = find_quantities(text)
    out = []
    mentions = find_indicators(text)
    for i, m in enumerate(mentions):
        limit = mentions[i + 1].span[0] if i + 1 < len(mentions) else len(text)
        for q in quants:
            if q.span[0] < m.span[1] or q.span[0] > min(limit, m.span[1] + 16):
                continue
            between = text[m.span[1]:q.span[0]]
            if re.search(r"[。；;]", between):
                break
            if _unit_fits(m.indicator.unit, q.unit) and q.role != "baseline":
                if not any(w in text[max(0, m.span[0] - 4):q.span[0]] for w in not_before):
                    out.append((m, q))
                break
    return out


def find_outcomes(speech, extraction=None) -> list[Outcome]:
    """Outcome statements of a speech, outside its commitments, in text order.

    ``extraction`` is the speech's :class:`~speechkit.extractor.Extraction`
    (computed when not given); clauses inside a commitment are not outcomes.
    """
    if extraction is None:
        from .extractor import extract

        extraction = extract(speech)
    doc = extraction.document
    text = doc.text
    _, forward = _rules()
    busy = {c.sentence for c in extraction.commitments}
    doc_id = getattr(speech, "doc_id", None)
    clauses_by_sent: dict[int, list] = {}
    for cl in doc.clauses:
        clauses_by_sent.setdefault(cl.parent, []).append(cl)
    out: list[Outcome] = []
    heads = {(h.start, h.end) for h in doc.headings}
    for sent in doc.sentences:
        if sent.index in busy or any(a <= sent.start and sent.end <= b for a, b in heads):
            continue  # commitments and headings (「（一）三大攻坚战强力突破」) report nothing
        covered = []
        stext = sent.text
        for m, q in indicator_figures(stext):
            if stext[:m.span[0]].rstrip().endswith(forward) or re.search(
                    r"(?:^|[，,；;])(?:%s)[^，,；;]*$" % "|".join(map(re.escape, forward)), stext[:m.span[0]]):
                continue
            s, e = sent.start + m.span[0], sent.start + q.span[1]
            rs, re_ = doc.cleaned.raw_span(s, e)
            out.append(Outcome(doc_id, rs, re_, text[s:e], "reported", m.key, m.indicator.label, [_metric(q)],
                               context=text[s:e], rule=f"indicator:{m.key}"))
            covered.append((s, e))
        subject_ctx = ""
        for cl in clauses_by_sent.get(sent.index, []):
            ct = cl.text.rstrip("，,；;：:。！？ ")
            if not ct:
                continue
            if ct.startswith(forward):
                subject_ctx = ""
                continue
            if any(a < cl.start + len(ct) and cl.start < b for a, b in covered):
                subject_ctx = ""
                continue
            pol = _polarity_match(ct)
            if pol is None:
                subject_ctx += ct + "，"
                continue
            polarity, rid, m_verb = pol
            rs, re_ = doc.cleaned.raw_span(cl.start, cl.start + len(ct))
            metrics = [_metric(q) for q in find_quantities(ct) if q.role == "target"]
            out.append(Outcome(doc_id, rs, re_, ct, polarity, None, _about(ct, subject_ctx, m_verb), metrics,
                               context=(subject_ctx + ct) if len(ct) < 12 else ct, rule=rid))
            subject_ctx = ""
    return out
