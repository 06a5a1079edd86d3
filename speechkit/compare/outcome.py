"""The outcome verdict of a target: judged on the review part of the report that reviews its due year.

By indicator when the target names one (the figure, else the mention, of that indicator from the
period the target covers); else by text, on a statement of the review (data/linking.yaml).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..outcomes import halfwidth, names_target
from ..rules.indicators import indicators
from ..rules.quantities import find_quantities
from .judge import Verdict, direction_of, judge, judge_change, judge_relation
from .link import TextIndex
from .model import Link, Report
from .model import base_link as _base
from .targets import linking

__all__ = ["outcome_link", "evaluate", "link_text"]


def outcome_link(t, reports, i) -> Link:
    if not t.in_plan and t.key and t.metric:
        return _base(t, "outcome", "not_assessed", "ambiguous", rule="review-part",
                     evidence=["a figure of the review part, not a target: nothing to judge"])
    later = reports[i + 1:]
    if not later:
        return _base(t, "outcome", "not_assessed", "no later report", evidence=["the last report of its chain"])
    if t.due is None:
        return _base(t, "outcome", "not_assessed", "ambiguous", evidence=["the report has no date"])
    judge_r = next((r for r in later if r.reviewed is not None and r.reviewed >= t.due), None)
    if judge_r is None:
        return _base(t, "outcome", "not_assessed", "not yet due",
                     evidence=[f"due {t.due} ({t.period_rule}); the chain's last review covers {later[-1].reviewed}"])
    v, ev, method, score, trail = evaluate(t, judge_r, reports[i])
    link = _base(t, "outcome", v.status, v.reason, part=v.part, tolerance=v.tolerance, rule=v.rule,
                 method=method, score=score, evidence=[f"judged on {judge_r.doc_id} (due {t.due}, {t.period_rule})"]
                 + trail)
    if ev is not None:
        link.b_doc, link.b_start, link.b_end, link.b_text = judge_r.doc_id, ev.start, ev.end, ev.text
        link.reported = ev.metrics[0] if ev.metrics else _numbers(ev.text)
        link.indicator = ev.indicator or t.key
    return link


_DESCRIPTOR = (re.compile(r"(?:总投资|计划投资|投资|占地|面积|总长|全长)约?$"), re.compile(r"^(?:的|对|用于|建设|实施)"))


def _numbers(text: str) -> dict | None:
    """The first number of a statement that is not a baseline nor a project's descriptor (「投资4800万元的
    …工程」: the amount describes the project, it is not what was promised; 「完成投资128亿元」 is)."""
    text = halfwidth(text)
    qs = [q for q in find_quantities(text, gaps=False) if q.role not in ("baseline", "policy") and not (
        _DESCRIPTOR[0].search(text[:q.span[0]]) and _DESCRIPTOR[1].search(text[q.span[1]:]))]
    if not qs:
        return None
    q = qs[0]
    return {"text": q.text, "value": q.value, "value_hi": q.value_hi, "unit": q.unit, "op": q.op}


def evaluate(t, r: Report, own: Report) -> tuple:
    """``(Verdict, evidence outcome or None, method, score, trail)`` of target ``t`` on report ``r``."""
    annual = not t.multi_year and r.reviewed == t.due
    periods = ("last_year",) if annual else ("cumulative", "five_years", "last_year")
    if t.keys:
        if t.relation:
            return _relation(t, r, periods)
        results = [(k,) + _judge_key(t, k, r, periods) for k in t.keys[:4]]
        v, ev = _combine(results)
        trail = [f"{k}: {vv.status}" + (f" ({vv.rule})" if vv.rule else "") for k, vv, _ in results]
        return v, ev, "indicator", 1.0 if ev is not None else 0.0, trail
    return _by_text(t, r, own)


def _judge_key(t, key: str, r: Report, periods) -> tuple:
    ev = r.evidence(key, periods)
    if ev is None:
        return Verdict("not_assessed", "not reported", None, "no-evidence"), None
    ind = indicators()[key]
    tm = t.metrics.get(key)
    if ev.kind == "figure":
        if tm:
            return judge(tm, ev.metrics[0], ind.direction), ev
        v = judge_change(t.text, ev.metrics[0]["value"])
        return (v or Verdict("not_assessed", "ambiguous", None, "qualitative")), ev
    if ev.polarity == "not_achieved":
        return Verdict("not_met", None, "none", "named-achieved"), ev
    if names_target(ev.context) or (ind.evidence == "act" and ev.polarity in ("achieved", "reported")):
        return Verdict("met", None, "none", "named-achieved"), ev
    if not tm:
        v = judge_change(t.text, None, ev.context)
        if v:
            return v, ev
    return Verdict("not_assessed", "ambiguous", None, "mention-only"), ev


def _combine(results) -> tuple:
    if len(results) == 1:
        return results[0][1], results[0][2]
    met = [(k, v, e) for k, v, e in results if v.status == "met"]
    missed = [(k, v, e) for k, v, e in results if v.status == "not_met"]
    if len(met) == len(results):
        return Verdict("met", None, met[0][1].tolerance, "partial"), met[0][2]
    if met:
        part = "、".join(indicators()[k].label for k, _, _ in met)
        return Verdict("partly_met", None, met[0][1].tolerance, "partial", part), met[0][2]
    if missed:
        return Verdict("not_met", None, missed[0][1].tolerance, "partial"), missed[0][2]
    amb = [(k, v, e) for k, v, e in results if v.reason == "ambiguous"]
    if amb:
        return amb[0][1], amb[0][2]
    return results[0][1], None


def _relation(t, r: Report, periods) -> tuple:
    kind, other = t.relation
    for per in periods:
        a, b = r.evidence(t.key, (per,), True), r.evidence(other, (per,), True)
        if a and b:
            v = judge_relation(kind, a.metrics[0]["value"], b.metrics[0]["value"])
            why = f"{a.metrics[0]['value']:g} against {other} {b.metrics[0]['value']:g} ({per})"
            return v, a, "indicator", 1.0, [f"relation {kind}: {why}"]
    ev = r.evidence(t.key, periods)
    if ev is not None and ev.kind == "mention" and names_target(ev.context) is False and \
            judge_change(t.text, None, ev.context) and "同步" in ev.context:
        return Verdict("met", None, "none", "qualitative"), ev, "indicator", 1.0, ["the review states it"]
    return Verdict("not_assessed", "not reported", None, "relation"), None, "indicator", 0.0, \
        [f"no figures for both {t.key} and {other}"]


_LEAD = re.compile(r"^(?:力争|确保|争取|务必|要|将|今年|年内|全年|明年|年底前|年底|上半年|下半年|[一二三四]季度末?|"
                   r"\d{1,2}月(?:底|末|中旬|上旬|下旬)?|前|内)+")


def link_text(t, report: Report) -> str:
    """The text a target is matched by: a clause with nothing but a verb after its cue and time words
    (「力争三季度末投入运行」) is read with the clause of the same sentence it continues."""
    c = t.c
    rest = _LEAD.sub("", c.text)
    if len(rest) <= 6 and t.index > 0:
        prev = report.targets[t.index - 1].c
        if prev.sentence == c.sentence:
            return prev.text + "，" + c.text
    return c.text


def _by_text(t, r: Report, own: Report) -> tuple:
    lk = linking()
    hit = r.action_index().best(link_text(t, own), lk["min_outcome"], lk["min_run"], min_cover=lk["min_cover"],
                                min_shared=lk["min_shared"]) or _name_and_act(link_text(t, own), r)
    if hit is None:
        return Verdict("not_assessed", "not reported", None, "no-evidence"), None, None, 0.0, ["no statement matches"]
    o = _continued(r, hit[0])
    trail = [f"text {hit[1]:.2f} shared 「{hit[2]}」", f"statement: {o.polarity} ({o.rule})"]
    if o.polarity == "not_achieved":
        return Verdict("not_met", None, "none", "reported-not-done"), o, "text", hit[1], trail
    if o.polarity == "partly":
        return Verdict("partly_met", None, "none", "reported-partly", o.text), o, "text", hit[1], trail
    if o.polarity == "in_progress":
        return Verdict("not_assessed", "ambiguous", None, "reported-under-way"), o, "text", hit[1], trail
    got, mine = _numbers(o.text), _numbers(t.text)
    if mine and got:  # both count the same thing: compared like figures (units differ: not compared)
        return judge(mine, got, direction_of(mine.get("op"), None, t.text, mine.get("unit"))), o, "text", \
            hit[1], trail
    if not _observable(o):
        return Verdict("not_assessed", "ambiguous", None, "reported-vague"), o, "text", hit[1], trail
    if hit[3] == "cover":
        v = _spoken_of(t.text, o.context)
        if v is not None:
            return v, o, "text", hit[1], trail + [f"part: {v.part}" if v.part else v.rule]
    return Verdict("met", None, "none", "reported-done"), o, "text", hit[1], trail


def _observable(o) -> bool:
    """The statement reports something a reader could check: achieved wording, a number, an observable
    verb (``data/checkable.yaml``: 「取消」「发放」「确定」…) or a checkable act, not a direction only
    (「…改革深入推进」, 「生态环境质量明显改善」)."""
    from ..rules.checkable import is_checkable

    if o.polarity == "achieved" or re.search(r"\d", o.text) or is_checkable(o.text, broad=True):
        return True
    return bool(_acts().search(o.text) or linking()["acts"].search(o.text))


_ACT_CLASSES = ("instrument_acts", "programme_acts", "end_states", "completion")


@lru_cache(maxsize=1)
def _acts():
    """The verbs of data/checkable.yaml that name an act or an end state (not a direction)."""
    from ..rules.checkable import verb_lexicon

    words = sorted((v for v, c in verb_lexicon().items() if c in _ACT_CLASSES), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _name_and_act(text: str, r: Report):
    """``(index, 0.5, name, "name+act")`` of a statement with an explicit result that names the same
    project and the same one-off act as ``text`` (data/linking.yaml, entity_heads), else ``None``."""
    from difflib import SequenceMatcher

    lk = linking()
    acts = set(lk["one_off"].findall(text))
    if not acts:
        return None
    for i, o in enumerate(r.actions):
        if o.polarity not in ("achieved", "not_achieved", "partly") or not acts & set(lk["one_off"].findall(o.context)):
            continue
        m = SequenceMatcher(None, text, o.context, autojunk=False).find_longest_match(0, len(text), 0, len(o.context))
        name = text[m.a:m.a + m.size]
        if m.size >= 4 and lk["entity"].search(name) and not lk["one_off"].search(name):
            return i, 0.5, name, "name+act"
    return None


def _continued(r: Report, i: int):
    """The statement ``i``, or the clause right after it in the same sentence when that clause continues
    it and says how it went (「城南污水处理厂扩建工程受征地影响，至今仍未投入运行」)."""
    o = r.actions[i]
    if o.polarity in ("reported", "in_progress") and i + 1 < len(r.actions):
        nxt = r.actions[i + 1]
        if nxt.sentence == o.sentence and nxt.context.startswith(o.text) and \
                nxt.polarity in ("not_achieved", "partly", "achieved"):
            return nxt
    return o


def _spoken_of(text: str, statement: str) -> Verdict | None:
    """For a commitment of several clauses linked to a statement that speaks of one of them: partly_met
    when other checkable clauses remain, ambiguous when the clause spoken of is not checkable but
    another is; ``None`` (met) when it speaks of the only checkable clause."""
    from ..rules.checkable import is_checkable

    clauses = [c for c in re.split(r"[，,；;]", text) if len(c) >= 4]
    if len(clauses) < 2:
        return None
    hit = TextIndex(clauses).best(statement, 0.3, linking()["min_run"])
    if hit is None:
        return None
    spoken = clauses[hit[0]]
    checkable = [c for c in clauses if is_checkable(c, has_metric=bool(re.search(r"\d", c)))]
    if spoken not in checkable:
        return Verdict("not_assessed", "ambiguous", None, "partial") if checkable else None
    if len(checkable) > 1:
        return Verdict("partly_met", None, "none", "partial", spoken)
    return None
