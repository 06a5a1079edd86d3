"""The commitment record (``../shared/spec/commitments.md``) and its provenance.

``to_dict()`` gives exactly the spec's JSON fields; the other attributes say
which rule produced each field and where in the raw text it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Commitment", "SPEC_FIELDS"]

SPEC_FIELDS = ("doc_id", "start", "end", "text", "modality", "strength", "owner", "action", "deadline",
               "metrics", "frequency", "checkable")


@dataclass
class Commitment:
    """One commitment: the spec's fields plus, for each, its rule and raw span."""

    doc_id: str
    start: int
    end: int
    text: str
    modality: str | None
    strength: str
    owner: str | None
    action: str | None
    deadline: dict | None
    metrics: list
    frequency: dict | None
    checkable: bool
    # provenance and research codes beyond the spec
    owner_rule: str | None = None
    owner_span: tuple[int, int] | None = None
    deadline_rule: str | None = None
    deadline_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    metric_spans: list = field(default_factory=list)
    frequency_span: tuple[int, int] | None = None
    conditional: bool = False
    addressee: str | None = None  # "self" (我们将…) or "directive" (各地要…)
    change: str | None = None  # "keep" (保持…稳定) or "change" (下降3%)
    indicator_type: str | None = None  # "binding" (约束性) or "expected" (预期性)
    rule: str = "cue"
    sentence: int = -1
    trail: list = field(default_factory=list, repr=False)  # the decisions that made it (Steps, raw spans)

    def to_dict(self) -> dict:
        """The spec's JSON object."""
        return {k: getattr(self, k) for k in SPEC_FIELDS}

    def provenance(self) -> dict:
        """Which rule produced each field, and its raw span."""
        return {"record": self.rule, "owner": (self.owner_rule, self.owner_span),
                "deadline": (self.deadline_rule, self.deadline_span), "cue": self.cue_span,
                "metrics": self.metric_spans, "frequency": self.frequency_span}

    def __repr__(self) -> str:
        dl = (self.deadline or {}).get("end") or (self.deadline or {}).get("kind") or "-"
        return (f"Commitment({self.text!r}, {self.strength}, owner={self.owner!r}, deadline={dl}, "
                f"metrics={len(self.metrics)}, checkable={self.checkable}, raw={self.start}:{self.end})")
