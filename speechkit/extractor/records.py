"""Stage 5 and the end of the pipeline: a record's checkability, and the record itself.

A :class:`Draft` holds a record's cleaned span and its fields; :func:`build` turns it into a
:class:`~speechkit.commitment.Commitment` with raw offsets on the record, on every field and
on every step of its decision trail.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..commitment import Commitment
from ..rules.checkable import decide, strip_adverbs
from .patterns import clause
from .structure import DocTree
from .trail import NONE, Field, Trail

__all__ = ["Draft", "build", "checkable_field"]


@dataclass(slots=True)
class Draft:
    """A record before it is built: cleaned span, text, fields, the rule that made it, its trail."""

    start: int
    end: int
    text: str
    rule: str
    sentence: int
    modality: Field = NONE
    strength: str = "medium"
    owner: Field = NONE
    deadline: Field = NONE
    frequency: Field = NONE
    metrics: list = field(default_factory=list)
    checkable: Field = NONE
    trail: list = field(default_factory=list)
    parts: list = field(default_factory=list, repr=False)  # the candidates it was made of


def checkable_field(d: Draft) -> Field:
    """Checkable per the spec (section 1 and 4): a number, a recurring duty, a dated concrete
    object, or a verb and object that a third party could see done."""
    dl = d.deadline.value or {}
    # a date inherited from the sentence or the item dates the deliverable too (the gold reads it so)
    dated = bool(dl.get("end")) and dl.get("kind") != "vague"
    if d.metrics:
        return Field(True, "number", d.metrics[0].span)
    if d.frequency:
        return Field(True, "recurring-duty", d.frequency.span)
    cue = d.modality.span
    rel = (cue[0] - d.start, cue[1] - d.start) if cue and d.start <= cue[0] < d.end else None
    first = _PHRASE_BREAK.split(d.text, 1)[0] if rel is None and "作为" in d.text else d.text  # the rule's word
    if len(first) < len(d.text) and clause("role-statement").match(first):
        # 「运营单位作为…主体，承担…」: the role is no task; what the actor does decides
        ok, rule = decide(d.text[len(first) + 1:], dated=dated)
        return Field(ok, rule, (d.start + len(first) + 1, d.end))
    if len(d.parts) > 1 and d.parts[0].noted("object-topic"):
        k = d.parts[1].start - d.start  # 「对…的企业，省级给予…」: whom the task is for; the task decides
        ok, rule = decide(d.text[k:], dated=dated, cue=(rel[0] - k, rel[1] - k) if rel and rel[0] >= k else None)
        return Field(ok, rule, (d.parts[1].start, d.end))
    ok, rule = decide(d.text, dated=dated, cue=rel)
    return Field(ok, rule, (d.start, d.end))


_PHRASE_BREAK = re.compile(r"[，,；;]")
_WE = re.compile(r"^(?:我们|让我们)")


def _action(text: str, owner: str | None) -> str | None:
    """The first phrase after the owner, adverbs and cues stripped; after a topic that is the owner alone
    (「受灾较重的村，要组织好生产自救」), the phrase after it."""
    t = text
    if owner and t.startswith(owner):
        t = t[len(owner):].lstrip("，, ")
    t = _PHRASE_BREAK.split(t, 1)[0]
    return strip_adverbs(t) or None


def indicator_type(sentence_text: str) -> str | None:
    """Whether the sentence calls its targets binding (约束性) or expected (预期性); once per sentence."""
    return "binding" if "约束性" in sentence_text else ("expected" if "预期" in sentence_text else None)


def build(tree: DocTree, d: Draft, indicator: str | None, trail: bool = True) -> Commitment:
    """The commitment record of a draft, every span mapped to the raw text; ``indicator`` is
    :func:`indicator_type` of its sentence; without ``trail`` the record's trail is empty (lean)."""
    cl = tree.doc.cleaned
    raw = lambda sp: cl.raw_span(*sp) if sp and sp[0] is not None else None  # noqa: E731
    rs, re_ = cl.raw_span(d.start, d.end)
    owner = d.owner.value
    metrics = [m.value for m in d.metrics]
    addressee = None
    if owner in ("我们", "我") or _WE.match(d.text):
        addressee = "self"
    elif owner:
        addressee = "directive"
    change = "change" if metrics and clause("change").search(d.text) else ("keep" if clause("keep").search(d.text)
                                                                             else None)
    steps = Trail(d.trail, tree.raw_span) if trail else ()
    return Commitment(
        doc_id=tree.speech.doc_id, start=rs, end=re_, text=d.text, modality=d.modality.value, strength=d.strength,
        owner=owner, action=_action(d.text, owner), deadline=dict(d.deadline.value) if d.deadline.value else None,
        metrics=metrics,
        frequency=d.frequency.value, checkable=bool(d.checkable.value),
        owner_rule=d.owner.rule, owner_span=raw(d.owner.span), deadline_rule=d.deadline.rule,
        deadline_span=raw(d.deadline.span), cue_span=raw(d.modality.span),
        metric_spans=[raw(m.span) for m in d.metrics], frequency_span=raw(d.frequency.span),
        conditional=bool(clause("conditional").search(d.text)), addressee=addressee, change=change,
        indicator_type=indicator, rule=d.rule, sentence=d.sentence, trail=steps)
