"""The objects of a comparison: a :class:`Link` (one verdict with the evidence on both sides) and a
:class:`Report` (one speech read once: layout, review outcomes, targets), with the status vocabularies.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..outcomes import find_outcomes
from .link import TextIndex
from .review import layout
from .targets import read_targets

__all__ = ["Link", "Report", "OUTCOME_STATUSES", "OUTCOME_REASONS", "RESTATEMENT_STATUSES", "STATUSES", "base_link"]

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


def base_link(t, kind: str, status: str, reason: str | None, **kw) -> Link:
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
