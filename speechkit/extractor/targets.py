"""Target lists: a work report's main-targets statement (「今年发展主要预期目标是：…」). Each
target after its colon is one record, owner null unless an item's note names one (「主办单位：X」 after a
listed project of the year), dated by the statement's time or by the end of the report's year (spec section 3
and 4).
"""
from __future__ import annotations

from ..rules.checkable import is_checkable, relation
from ..segment import Span
from .candidates import Candidate
from .patterns import clause
from .records import Draft
from .structure import DocTree
from .trail import NONE, Field, Step

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
        if p.context and not p.quants:
            p.note("grouping", "target-leading-context", "skip")  # 「按照知情、自愿原则，」 before a target of the list
            continue
        if groups and _comma_between(tree, groups[-1][-1], p) and (
                (clause("target-continuation").match(p.text) and not p.quants)
                or (_plain_task(p) and all(map(_plain_task, groups[-1])))):
            groups[-1].append(p)  # 「补齐师资短板，推动…发展」: tasks with nothing checkable in the list stay one run
            p.note("grouping", "target-task-run", "join")  # (spec section 4, Splitting); 「…，并留有…」 continues the target
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
        note = tree.scope("owner", a)  # 「年度目标：…」 then 「主办单位：X」: the item's note names who answers for it
        d = Draft(a, b, text, "target-list", sent.index, deadline=deadline, metrics=metrics,
                  owner=note.value if note else NONE,  # its own cue and strength: the pipeline's cue_fields
                  # a task of the list (no figure) is decided by its verb and object, as any record (stage 5)
                  checkable=NONE if all(map(_task, g)) else
                  Field(ck, "number" if metrics else ("stated-relation" if ck else "no-observable-end")),
                  trail=[s for p in g for s in p.trail], parts=g)
        d.trail.append(Step("fields", "target-list-deadline", deadline.span, str((deadline.value or {}).get("end"))))
        if d.owner:
            d.trail.append(Step("fields", f"owner:{d.owner.rule}", d.owner.span, str(d.owner.value)))
        out.append(d)
    return out


def _task(p: Candidate) -> bool:
    """A clause of a target list led by its verb that states no figure and no relation of a statistic: a task, not
    a target (「补齐师资短板」, not 「生态环境质量稳定改善」)."""
    return bool(p.verb) and not p.subject and not p.quants and not clause("target-relation").search(p.text) \
        and not relation(p.text)


def _plain_task(p: Candidate) -> bool:
    """A task of a target list that is no checkable act either (「补齐师资短板」, not 「建成城东污水处理厂」): one of a run."""
    return _task(p) and not is_checkable(p.text)


def _comma_between(tree: DocTree, a: Candidate, b: Candidate) -> bool:
    """Only a comma stands between two clauses (a semicolon closes a target as a full stop does)."""
    return tree.doc.text[a.end:b.start].strip(" \u3000") in ("，", ",")
