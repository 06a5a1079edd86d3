"""Scope-setters: the parts of a document that give a deadline or an owner to the clauses
under them (spec sections 3 and 4; patterns and examples in ``data/structure.yaml``).

Each builder returns :class:`~speechkit.extractor.structure.Scope` objects. The fields stage
takes a clause's own value first, then its sentence's, then the innermost scope:

    item-note       「（X牵头）」「（9月底前完成）」: owner and deadline of the text since the previous note
    goal-paragraph  「到2025年，…」 and its bullets: deadline, and their goal states are targets
    target-list     a work report's 「主要预期目标是：…」 to the end of its paragraph
    ontime          the date that 如期/按期 is tied to in the document
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..rules.owners import lead_owner
from ..segment import FULL_STOP
from .patterns import clause, structure
from .trail import Field

if TYPE_CHECKING:  # pragma: no cover
    from .structure import DocTree

__all__ = ["build_scopes", "BUILDERS", "statement_deadline"]


def _scope(kind, field, start, end, value):
    from .structure import Scope

    return Scope(kind, field, start, end, value)


def _dated(tree: "DocTree", text: str):
    return [tt for tt in tree.times(text) if tt.kind not in ("frequency", "vague") and tt.end]


def item_notes(tree: "DocTree") -> list:
    """A note 「（…）」 naming a lead unit or a date gives them to the text of its paragraph since the
    previous note (or the paragraph's start): 「…清单。（省海关负责）巩固…。（省商务厅牵头）」; the first note of a
    paragraph inside a numbered item gives them to the item from its start (:func:`_item_start`)."""
    out, text = [], tree.doc.text
    pat = structure("inline-note")
    paras = list(tree.doc.paragraphs.offsets())
    noted = {i for i, start, end in paras if pat.search(text, start, end)}
    for i, start, end in paras:
        if i not in noted:
            continue
        since = _item_start(text, paras, i, noted)
        for m in pat.finditer(text[start:end]):
            a, b = start + m.start(), start + m.end()
            lo = lead_owner(m.group(0))
            if lo:
                owner, rule, (s, e) = lo
                out.append(_scope("item-note", "owner", since, b, Field(owner, rule, (a + s, a + e))))
            for tt in tree.times(m.group(0)):
                if tt.kind != "frequency" and tt.end and tree.forward(tt):
                    out.append(_scope("item-note", "deadline", since, b,
                                      Field(tt.as_deadline(), "item-note:" + tt.rule, (a + tt.span[0], a + tt.span[1]))))
                    break
            since = b
    return out


def _item_start(text: str, paras: list, i: int, noted: set, reach: int = 8) -> int:
    """Where the text a paragraph's first note covers begins: the paragraph's start, or, for an unnumbered
    paragraph of a numbered item whose earlier paragraphs hold no note (「5．开展…推广。」, then 「设施种植。…」
    … 「畜禽养殖。…（责任单位：…）」), the item's start (structure rules ``numbered-item``, ``item-break``)."""
    _, start, end = paras[i]
    if structure("numbered-item").match(text, start, end) or structure("item-break").match(text, start, end):
        return start
    for j in range(i - 1, max(i - reach, 0) - 1, -1):
        _, a, b = paras[j]
        if j in noted or structure("item-break").match(text, a, b):
            return start
        if structure("numbered-item").match(text, a, b):
            return a
    return start


def _section_end(tree: "DocTree", pos: int) -> int:
    """End of the innermost section holding ``pos`` (the next heading of its level or higher)."""
    best = None
    for h, a, b in tree.sections:
        if a <= pos < b and (best is None or a >= best[0]):
            best = (a, b)
    return best[1] if best else len(tree.doc.text)


def _bullet(text: str) -> bool:
    m = clause("list-mark").match(text)
    return bool(m) and m.end() < len(text)


def goal_paragraphs(tree: "DocTree") -> list:
    """「到2023年，…」 opening a paragraph dates it and the bullet paragraphs after it (「--…」「——…」
    「（一）…」), until a paragraph that is not a bullet or the end of its section; the goal states
    they list are targets (issue 11)."""
    out, text = [], tree.doc.text
    starts, ends = tree.doc.paragraphs.starts(), tree.doc.paragraphs.ends()
    pat, intro = structure("goal-paragraph"), structure("goal-intro")
    for i, p_start, p_end in tree.doc.paragraphs.offsets():
        p_text = text[p_start:p_end]
        title = structure("goal-run-in-title").match(p_text)  # 「（二）主要目标。力争到2025年，…」
        m = pat.match(p_text) or (title and pat.match(p_text, title.end())) or intro.search(p_text)
        if not m or tree.in_review(p_start):
            continue
        times = [tt for tt in _dated(tree, m.group(0)) if tree.forward(tt)]
        if not times:
            continue
        tt = times[0]
        off = p_start + m.start()
        end, limit = p_end, _section_end(tree, p_start)
        for j in range(i + 1, len(starts)):  # the bullet paragraphs after it
            if starts[j] >= limit or not _bullet(text[starts[j]:ends[j]]):
                break
            end = ends[j]
        value = Field(tt.as_deadline(), "goal-paragraph:" + tt.rule, (off + tt.span[0], off + tt.span[1]))
        start = p_start if m.re is pat else p_end  # an announcement dates the bullets, not itself
        out.append(_scope("goal-paragraph", "deadline", start, end, value))
        out.append(_scope("goal-paragraph", "goal", start, end, value))
    return out


def statement_deadline(tree: "DocTree", head_start: int, colon_at: int) -> Field:
    """A main-targets statement's own time (「今年」), or without one the end of the report's year."""
    head = tree.doc.text[head_start:colon_at]
    ht = [tt for tt in tree.times(head) if tt.kind != "frequency"]
    if ht:
        return Field(ht[0].as_deadline(), "target-list:" + ht[0].rule,
                     (head_start + ht[0].span[0], head_start + ht[0].span[1]))
    year = tree.plan_year or (tree.date.year if tree.date else None)
    if year:
        return Field({"text": "主要预期目标", "start": None, "end": f"{year}-12-31", "kind": "period"},
                     "target-list:report-year", None)
    return Field(None)


def target_lists(tree: "DocTree") -> list:
    """A work report's main-targets statement: its targets run from the colon to the end of the
    paragraph, across sentences (spec section 3; issue 11)."""
    if tree.genre != "gwr":
        return []
    out, text = [], tree.doc.text
    pat = clause("target-statement")
    parents = tree.doc.sentences.parents()
    for i, start, end in tree.doc.sentences.offsets():
        m = pat.search(text[start:end])
        if not m or tree.in_review(start):
            continue
        colon = start + m.end()
        para_end = tree.doc.paragraphs.ends()[parents[i]]
        if not text[colon:para_end].strip():
            para_end = _listed_after(tree, parents[i], para_end)  # 「…主要预期目标：」 closing its paragraph
        out.append(_scope("target-list", "targets", colon, para_end, statement_deadline(tree, start, colon)))
    return out


def _listed_after(tree: "DocTree", para: int, end: int) -> int:
    """Where the items listed in the paragraphs after a statement that closes its own paragraph with a colon end:
    bullet paragraphs (「——地区生产总值增长6%左右；」) or items closed by a semicolon, and the item closed by a full
    stop after them, within the section."""
    text, starts, ends = tree.doc.text, tree.doc.paragraphs.starts(), tree.doc.paragraphs.ends()
    limit = _section_end(tree, starts[para])
    for j in range(para + 1, len(starts)):
        t = text[starts[j]:ends[j]].strip()
        if starts[j] >= limit or not t:
            break
        item = _bullet(t) or t.endswith(("；", ";"))
        closing = not item and j > para + 1 and text[starts[j - 1]:ends[j - 1]].strip().endswith(("；", ";")) \
            and t.endswith("。") and "。" not in t[:-1]
        if not (item or closing):
            break
        end = ends[j]
        if closing:
            break
    return end


def ontime(tree: "DocTree") -> list:
    """The date 如期/按期 is tied to: a dated time in a sentence that holds 如期/按期 (「到2020年…全部脱贫，
    …必须如期实现」). In a speech (one campaign, one goal) it scopes the whole document; in a work report
    or plan, where each project has its own schedule, only its own sentence. Where nothing ties it, 如期
    stays vague."""
    pat = structure("ontime-tie")
    per_sentence = tree.genre in ("gwr", "plan")
    out, text = [], tree.doc.text
    for _, start, end in tree.doc.sentences.offsets():
        s_text = text[start:end]
        if not pat.search(s_text) or tree.in_review(start):
            continue
        tt = next((tt for tt in _dated(tree, s_text) if tree.forward(tt) and tt.kind != "relative"), None)
        if tt is None:
            continue
        value = Field(tt.as_deadline(), "ontime-tie:" + tt.rule, (start + tt.span[0], start + tt.span[1]))
        if not per_sentence:
            return [_scope("ontime", "ontime", 0, len(text), value)]
        out.append(_scope("ontime", "ontime", start, end, value))
    return out


def lead_lines(tree: "DocTree") -> list:
    """「牵头单位：X」 on a line of its own: X owns the items after it, until the next such line or a heading
    of level 2 or higher (spec section 3); an item's own note, nearer, wins. A document lays its lead lines out
    one way: when the first heads the items below it, so do the others (no later one notes the item above it)."""
    out, text = [], tree.doc.text
    starts, ends = tree.doc.paragraphs.starts(), tree.doc.paragraphs.ends()
    pat = structure("lead-line")
    heads_below = None  # how the document's first lead line is laid out
    title_end = None  # how many paragraphs open the document as its title (read at the first lead line)
    for i, p_start, p_end in tree.doc.paragraphs.offsets():
        m = pat.match(text[p_start:p_end])
        if not m:
            continue
        a = p_start + m.start("owner")
        owner = Field(m["owner"], "lead-line", (a, a + len(m["owner"])))
        if title_end is None:
            title_end = _title_paragraphs(tree)
        notes_above = False if heads_below else _notes_item_before(tree, i, title_end)
        if heads_below is None:
            heads_below = not notes_above
        if notes_above:  # 「1．…。」 then 「责任单位：X」: the note of the item above
            out.append(_scope("lead-line", "owner", starts[i - 1], p_start, owner))
            continue
        end = len(text)
        first = tree.heading_at(starts[i + 1]) if i + 1 < len(starts) else None
        top = first[2].level - 1 if first is not None else 2  # the items it heads may be headed themselves (「（一）…」)
        for j in range(i + 1, len(starts)):  # to the next lead line or heading above the items (level 2 or higher)
            h = tree.heading_at(starts[j])
            if pat.match(text[starts[j]:ends[j]]) or (h is not None and h[2].level <= min(top, 2)):
                end = starts[j]
                break
        out.append(_scope("lead-line", "owner", p_end, end, owner))
    return out


def _title_paragraphs(tree: "DocTree") -> int:
    """How many paragraphs open the document before any item or full stop (「…考评办法」「（2025年3月1日）」): its title."""
    text, n = tree.doc.text, 0
    for _, a, b in tree.doc.paragraphs.offsets():
        if FULL_STOP.search(text[a:b]) or clause("list-mark").match(text[a:b].lstrip()):
            break
        n += 1
    return n


def _notes_item_before(tree: "DocTree", i: int, title_end: int) -> bool:
    """A lead line right after a task paragraph (not a heading, not another lead line) and followed by another
    item, a heading or nothing notes the paragraph above it (spec section 4: a note just after the item applies
    to the item), rather than heading the items below it."""
    text, starts, ends = tree.doc.text, tree.doc.paragraphs.starts(), tree.doc.paragraphs.ends()
    if i == 0 or structure("lead-line").match(text[starts[i - 1]:ends[i - 1]]):
        return False
    h = tree.heading_at(starts[i - 1])
    prev = text[starts[i - 1]:ends[i - 1]].rstrip()
    prev_end = starts[i - 1] + len(prev)
    if h is not None and h[1] >= prev_end - 1:
        return False  # a heading alone on its line heads the items below the lead line; a run-in title has its tasks
    if i <= title_end:
        return False  # the line above is the document's title (:func:`_title_paragraphs`): no task to note
    k = i + 1
    while k < len(starts) and structure("deadline-line").match(text[starts[k]:ends[k]].strip()):
        k += 1  # 「责任单位：X」 then 「时间节点：…」: both note the item above
    if k >= len(starts):
        return True
    nxt = text[starts[k]:ends[k]].lstrip()
    return tree.heading_at(starts[k]) is not None or bool(clause("list-mark").match(nxt))


def deadline_lines(tree: "DocTree") -> list:
    """「时间节点：6月底前」 on a line of its own right after an item (a lead line may stand between): the item's
    deadline, as a note just after it gives (spec section 4); a line after a heading or another such line dates
    nothing."""
    out, text = [], tree.doc.text
    starts, ends = tree.doc.paragraphs.starts(), tree.doc.paragraphs.ends()
    pat, lead = structure("deadline-line"), structure("lead-line")
    for i, p_start, p_end in tree.doc.paragraphs.offsets():
        m = pat.match(text[p_start:p_end].strip())
        if not m:
            continue
        k = i - 1
        while k >= 0 and lead.match(text[starts[k]:ends[k]].strip()):
            k -= 1
        h = tree.heading_at(starts[k]) if k >= 0 else None
        if k < 0 or (h is not None and h[1] >= ends[k] - 1):
            continue  # no item above it
        off = p_start + (len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip()))
        for tt in _dated(tree, m.group(0)):
            if tree.forward(tt):
                out.append(_scope("deadline-line", "deadline", starts[k], ends[k],
                                  Field(tt.as_deadline(), "deadline-line:" + tt.rule, (off + tt.span[0], off + tt.span[1]))))
                break
    return out


BUILDERS = (item_notes, goal_paragraphs, target_lists, ontime, lead_lines, deadline_lines)


def build_scopes(tree: "DocTree") -> list:
    out = []
    for b in BUILDERS:
        out.extend(b(tree))
    return out
