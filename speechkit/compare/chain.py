"""Two verdicts for every commitment of a chain of reports: its outcome and its restatement.

* **outcome** (``met`` / ``partly_met`` / ``not_met`` / ``not_assessed``): judged on the review
  part of the report that reviews the commitment's due year (the next report for this year's
  targets; for 「今明两年」, 三年行动, 「到2025年」 and five-year targets the report after their last
  year; before that ``not_assessed``, reason ``not yet due``). ``not_assessed`` reasons:
  ``not yet due``, ``no later report``, ``not reported``, ``ambiguous``; ``met`` may carry
  ``exceeded``; ``partly_met`` names the part met.
* **restatement** (``restated`` / ``tightened`` / ``loosened`` / ``raised`` / ``lowered`` /
  ``slipped`` / ``dropped``): what the next report's plan does with it; for the last report of a
  chain, how it stands to the report before (``new`` when that report did not set it).

>>> from speechkit.io import Speech
>>> a = Speech.from_text("今年主要预期目标是：城镇新增就业3500人以上；城镇登记失业率4%以内。", doc_id="a",
...                      date="2021-02-20", kind="gwr")
>>> b = Speech.from_text("一、2021年工作回顾\\n过去一年，城镇新增就业3860人，城镇登记失业率3.2%。\\n二、2022年工作安排\\n"
...                      "今年主要预期目标是：城镇新增就业3600人以上。", doc_id="b", date="2022-02-16", kind="gwr")
>>> [(l.kind, l.a_text, l.status, l.reason, l.b_text) for l in compare(a, b)]  # doctest: +NORMALIZE_WHITESPACE
[('outcome', '城镇新增就业3500人以上', 'met', 'exceeded', '城镇新增就业3860人'),
 ('restatement', '城镇新增就业3500人以上', 'tightened', '3500人以上 → 3600人以上', '城镇新增就业3600人以上'),
 ('outcome', '城镇登记失业率4%以内', 'met', None, '城镇登记失业率3.2%'),
 ('restatement', '城镇登记失业率4%以内', 'dropped', 'b does not set it again', None)]
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..outcomes import find_outcomes, halfwidth, names_target
from ..rules.indicators import indicators
from ..rules.quantities import find_quantities
from .judge import Verdict, compare_targets, direction_of, judge, judge_change, judge_relation
from .link import TextIndex
from .review import layout
from .targets import linking, read_targets

__all__ = ["Link", "Report", "compare", "compare_chain", "OUTCOME_STATUSES", "OUTCOME_REASONS",
           "RESTATEMENT_STATUSES", "STATUSES"]

OUTCOME_STATUSES = ("met", "partly_met", "not_met", "not_assessed")
OUTCOME_REASONS = ("exceeded", "not yet due", "no later report", "not reported", "ambiguous")
RESTATEMENT_STATUSES = ("restated", "tightened", "loosened", "raised", "lowered", "slipped", "dropped", "new")
STATUSES = OUTCOME_STATUSES + RESTATEMENT_STATUSES

_FIELDS = ("kind", "status", "reason", "a_doc", "a_start", "a_end", "a_text", "b_doc", "b_start", "b_end",
           "b_text", "indicator", "method", "score", "part", "tolerance", "rule", "target", "reported",
           "period_start", "period_end", "evidence")


@dataclass
class Link:
    """One verdict: commitment ``a_*`` against statement or commitment ``b_*`` (raw offsets)."""

    kind: str  # outcome | restatement
    status: str
    reason: str | None
    a_doc: str
    a_start: int
    a_end: int
    a_text: str
    b_doc: str | None = None
    b_start: int | None = None
    b_end: int | None = None
    b_text: str | None = None
    indicator: str | None = None
    method: str | None = None  # indicator | text
    score: float = 0.0
    part: str | None = None
    tolerance: str | None = None
    rule: str = ""
    target: dict | None = None  # the target's number
    reported: dict | None = None  # the reported number
    period_start: str | None = None
    period_end: str | None = None
    evidence: list = field(default_factory=list)  # the decisions that made it
    commitment: object = field(default=None, repr=False, compare=False)
    about: object = field(default=None, repr=False, compare=False)  # the Target read from the commitment

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in _FIELDS}


class Report:
    """One speech of a chain, read once: layout, outcomes of its review, targets of its commitments."""

    def __init__(self, speech, extraction, memory=None):
        self.speech, self.extraction, self.doc_id = speech, extraction, speech.doc_id
        self.date = speech.date
        self.year = speech.date.year if speech.date else None
        # a report early in the year reviews the year before; a later speech its own year so far
        self.reviewed = None if self.date is None else self.year - (1 if self.date.month <= 6 else 0)
        self.layout = layout(extraction.document, self.year)
        self.outcomes = find_outcomes(speech, extraction, self.layout)
        self.targets = read_targets(speech, extraction, self.layout.in_plan_raw, memory)
        self.plan = [t for t in self.targets if t.in_plan]
        self.by_key: dict[str, list] = {}
        for o in self.outcomes:
            if o.indicator:
                self.by_key.setdefault(o.indicator, []).append(o)
        self.actions = [o for o in self.outcomes if o.kind == "action"]
        self._action_index = self._plan_index = None

    def evidence(self, key: str, periods, figures_only: bool = False):
        """The first figure (else mention) of indicator ``key`` from the first of ``periods`` that has one."""
        found = self.by_key.get(key, [])
        for per in periods:
            for kind in ("figure",) if figures_only else ("figure", "mention"):
                for o in found:
                    if o.period == per and o.kind == kind:
                        return o
        return None

    def action_index(self) -> TextIndex:
        if self._action_index is None:
            self._action_index = TextIndex([o.context for o in self.actions])
        return self._action_index

    def plan_index(self) -> TextIndex:
        if self._plan_index is None:
            self._plan_index = TextIndex([t.text for t in self.plan])
        return self._plan_index

    def plan_for(self, key: str) -> list:
        return [t for t in self.plan if key in t.keys]


def _order(speeches) -> list:
    return sorted(speeches, key=lambda s: (s.date is None, s.date or dt.date.min, s.doc_id or ""))


def reports_of(speeches, extractor=None, extractions: dict | None = None) -> list[Report]:
    """The speeches in date order, each read once (``extractions``: doc_id → Extraction already made)."""
    from ..extractor import Extractor

    ex = extractor
    done = extractions or {}
    memory: dict = {}
    out = []
    for s in _order(speeches):
        e = done.get(s.doc_id)
        if e is None:
            ex = ex or Extractor()
            e = ex.extract(s)
        out.append(Report(s, e, memory))
    return out


def compare_chain(speeches, *, extractor=None, extractions: dict | None = None) -> list[Link]:
    """An outcome and a restatement link for every commitment of every speech of one chain, in date
    order (speeches without a date last).

    >>> from speechkit.io import Speech
    >>> a = Speech.from_text("确保滨江大道6月底前全线通车。", doc_id="a", date="2021-02-20")
    >>> b = Speech.from_text("一、2021年工作回顾\\n滨江大道提前全线通车。", doc_id="b", date="2022-02-16")
    >>> [(l.kind, l.status, l.b_text) for l in compare_chain([b, a]) if l.a_doc == "a"]
    [('outcome', 'met', '滨江大道提前全线通车'), ('restatement', 'dropped', None)]
    """
    return links_of(reports_of(speeches, extractor, extractions))


def compare(a, b, *, extractor=None, a_extraction=None, b_extraction=None) -> list[Link]:
    """Links of the commitments of speech ``a`` against the later speech ``b``."""
    done = {k: v for k, v in ((a.doc_id, a_extraction), (b.doc_id, b_extraction)) if v is not None}
    reports = reports_of([a, b], extractor, done)
    return [l for l in links_of(reports) if l.a_doc == a.doc_id]


def links_of(reports: list[Report]) -> list[Link]:
    out = []
    for i, r in enumerate(reports):
        for t in r.targets:
            o = outcome_link(t, reports, i)
            out.append(o)
            out.append(restatement_link(t, reports, i, o.status))
    return out


def _base(t, kind: str, status: str, reason: str | None, **kw) -> Link:
    c = t.c
    ps, pe = _period(t)
    return Link(kind, status, reason, t.doc_id, c.start, c.end, c.text, indicator=t.key, commitment=c,
                about=t, target=t.metric, period_start=ps, period_end=pe, **kw)


def _period(t) -> tuple:
    if t.year is None:
        return None, None
    end = (t.c.deadline or {}).get("end")
    last = end if end and int(end[:4]) == t.due else f"{t.due}-12-31"
    return f"{t.start_year or t.year}-01-01", last


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
    qs = [q for q in find_quantities(text) if q.role != "baseline" and not (
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
    from ..rules.checkable import is_checkable, verb_lexicon

    if o.polarity == "achieved" or re.search(r"\d", o.text) or is_checkable(o.text, broad=True):
        return True
    return any(v in o.text for v in verb_lexicon()[0]) or bool(linking()["acts"].search(o.text))


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


def restatement_link(t, reports, i, outcome_status: str) -> Link:
    if i == len(reports) - 1:
        if i == 0:
            return _base(t, "restatement", "new", "no other report in its chain")
        prev = reports[i - 1]
        got = match(t, prev, reports[i])
        if got is None:
            return _base(t, "restatement", "new", f"{prev.doc_id} did not set it",
                         evidence=[f"no commitment of {prev.doc_id} sets it; no later report"])
        m, method, score = got
        status, why = restate(m, t, None)
        return _linked(t, prev, m, status, f"{why} (against the earlier report {prev.doc_id}; no later report)",
                       method, score)
    last = reports[i + 1]
    for r in reports[i + 1:]:
        if r is not reports[i + 1] and (r.reviewed is None or t.due is None or r.year > t.due):
            break
        got = match(t, r, reports[i])
        if got:
            m, method, score = got
            status, why = restate(t, m, outcome_status)
            return _linked(t, r, m, status, why, method, score)
        last = r
        if not t.multi_year:
            break
    return _base(t, "restatement", "dropped", f"{last.doc_id} does not set it again",
                 evidence=[f"no commitment of {last.doc_id} sets it again"])


def _linked(t, r, m, status, why, method, score) -> Link:
    link = _base(t, "restatement", status, why, method=method, score=score,
                 evidence=[f"set again in {r.doc_id} ({method}" + (f" {score:.2f})" if method == "text" else ")"), why])
    link.b_doc, link.b_start, link.b_end, link.b_text = r.doc_id, m.c.start, m.c.end, m.c.text
    link.reported = m.metrics.get(t.key) if t.key else m.metric
    return link


def match(t, r: Report, own: Report):
    """``(target of r, method, score)`` that sets ``t`` again in ``r``'s plan, else ``None``."""
    if t.key:
        cands = r.plan_for(t.key)
        if cands:
            best = min(cands, key=lambda m: (m.multi_year != t.multi_year, m.c.rule != "target-list",
                                             t.key not in m.metrics, m.index))
            return best, "indicator", 1.0
    lk = linking()
    hit = r.plan_index().best(link_text(t, own), lk["min_restatement"], lk["min_run"],
                              allowed=lambda j: r.plan[j].key in (None, t.key),
                              min_cover=lk["min_cover_restatement"], min_shared=lk["min_shared"])
    if hit is None:
        return None
    return r.plan[hit[0]], "text", hit[1]


def restate(a, b, a_outcome: str | None) -> tuple[str, str]:
    """Status of ``b`` (a later target) restating ``a``."""
    da, db = (a.c.deadline or {}).get("end"), (b.c.deadline or {}).get("end")
    if a.one_off and da and db and db > da and a_outcome != "met":
        return "slipped", f"deadline {da} → {db}"
    am = a.metrics.get(a.key) if a.key else a.metric
    bm = b.metrics.get(a.key) if a.key else b.metric
    if a.relation and not b.relation and not bm:
        return "loosened", "the relation to another growth is dropped"
    if b.relation and not a.relation and not am:
        return "tightened", "tied to another growth"
    if linking()["stopped"].search(b.text):
        return "dropped", f"{b.doc_id} stops it"
    if am or bm:
        return compare_targets(am, bm, a.base_direction)
    return "restated", "set again"
