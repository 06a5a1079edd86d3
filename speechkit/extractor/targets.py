"""Target lists: a work report's main-targets statement (「今年发展主要预期目标是：…」). Each
target after its colon is one record, owner null, dated by the statement's time or by the end
of the report's year (spec section 3 and 4).
"""
from __future__ import annotations

from ..rules.checkable import relation
from ..segment import Span
from .candidates import Candidate
from .patterns import clause
from .records import Draft
from .structure import DocTree
from .trail import Field, Step

__all__ = ["target_list", "statement_colon"]


def statement_colon(tree: DocTree, sent: Span) -> tuple[int, Field] | None:
    """Where the targets of a main-targets statement begin in this sentence (cleaned offset) and
    their deadline: after the statement's colon, or from the sentence's start when an earlier
    sentence of the paragraph made the statement (the list runs to the paragraph's end)."""
    s = tree.scope("targets", sent.end - 1)
    if s is None:
        return None
    return max(s.start, sent.start), s.value


def target_list(tree: DocTree, sent: Span, cands: list[Candidate], colon_at: int, deadline: Field) -> list[Draft]:
    """One draft per target after the colon; a comparison tail joins the target before it."""
    groups: list[list[Candidate]] = []
    for p in cands:
        if p.start < colon_at:
            p.note("grouping", "target-statement-head", "skip")  # 「今年…主要预期目标是：」 announces, directs nothing
            continue
        if clause("stop-cue").search(p.text):
            p.note("grouping", "only-if-conditional", "stop")  # 「只要…就一定能实现全年目标」: a condition, no target
            break
        if not p.quants and clause("weighed").search(p.text):
            p.note("grouping", "reported-result", "skip")  # 「既考虑了…的需要」: what the targets weighed
            continue
        if clause("breakdown-intro").match(p.text):
            p.note("grouping", "breakdown-introduction", "skip")  # 「其中：」 introduces the parts of the target before it
            continue
        if groups and clause("comparison-tail").match(p.text):
            groups[-1].append(p)
            p.note("grouping", "comparison-tail", "join")
            continue
        groups.append([p])
        p.note("grouping", "target-in-list", "new")
    out = []
    for g in groups:
        a, b = g[0].start, g[-1].end
        text = tree.doc.text[a:b]
        metrics = [Field(q.as_metric(), "quantity", (p.start + q.span[0], p.start + q.span[1]))
                   for p in g for q in p.quants]
        ck = bool(metrics) or bool(clause("target-relation").search(text)) or relation(text)
        d = Draft(a, b, text, "target-list", sent.index, deadline=deadline, metrics=metrics,
                  checkable=Field(ck, "number" if metrics else ("stated-relation" if ck else "no-observable-end")),
                  trail=[s for p in g for s in p.trail], parts=g)
        d.trail.append(Step("fields", "target-list-deadline", deadline.span, str((deadline.value or {}).get("end"))))
        out.append(d)
    return out
