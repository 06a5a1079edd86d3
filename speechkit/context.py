"""Per-document context of the extractor: genre, plan year, named periods, headings, review
sections, item notes (「（9月底前完成，牵头单位：X）」), and the recognizers' results for the whole
document, shared by every sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from .io import Speech
from .rules.cues import find_cues
from .rules.owners import lead_owner
from .rules.quantities import find_quantities
from .rules.times import define_periods, find_times
from .segment import Document, Span

__all__ = ["DocContext", "TRAIL", "LIST_MARK"]

TRAIL = "，,；;：:。！？!?、 "
LIST_MARK = re.compile(r"(?:[一二三四五六七八九十]{1,2}是|首先|其次|再次|最后|第[一二三四五六七八九十]{1,3}|[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]|[-—－]{1,2})")

_PAST = re.compile(r"过去一年|过去五年|过去的一年|(?<![比较同])去年|(?<![比较同])上年|一年来|五年来|几年来|已经|已(?:完成|实现|建成)")


class DocContext:
    """Per-document facts the sentence rules need: date, genre, headings, named periods, item notes."""

    def __init__(self, speech: Speech, doc: Document):
        self.speech, self.doc = speech, doc
        self.date = speech.date
        meta = speech.meta or {}
        title = meta.get("title") or doc.text[:120]
        kind = (meta.get("kind") or "").lower()
        if kind in ("gwr", "plan", "speech"):
            self.genre = kind
        elif "政府工作报告" in title:
            self.genre = "gwr"
        elif re.search(r"办法|方案|计划|意见|通知|要点|规划", title[:80]):
            self.genre = "plan"
        else:
            self.genre = "speech"
        self.plan_year = None
        if self.genre == "plan":
            m = re.search(r"(20\d\d)年", title)
            if m and not re.search(r"20\d\d[—\-－～~至到]", title):
                self.plan_year = int(m.group(1))
        self.named = define_periods(doc.text, self.date, plan_year=self.plan_year)
        self._clauses: dict[int, list[Span]] = {}
        for c in doc.clauses:
            self._clauses.setdefault(c.parent, []).append(c)
        self._headings = sorted(((h.start, h.end, h) for h in doc.headings), key=lambda x: x[:2])
        self._heading_starts = [a for a, _, _ in self._headings]
        self._review = []
        for h, a, b in doc.sections():
            if re.search(r"回顾|过去|成绩|成就|进展|成效", h.text):
                self._review.append((a, b))
        self._item_notes: dict[int, tuple] = {}
        self._found = None

    def recognized(self, a: int, b: int, table) -> tuple[list, list, list]:
        """Cues, times and quantities of ``doc.text[a:b]``, spans relative to ``a``.

        The recognizers run once over the whole document; a piece that a match
        crosses is recognized again on its own, so the result is what running
        them on the piece alone would give.
        """
        if self._found is None or self._found[0] is not table:
            text = self.doc.text
            found = (find_cues(text, table),
                     find_times(text, self.date, plan_year=self.plan_year, named=self.named),
                     find_quantities(text))
            self._found = (table, found, [[x.span[0] for x in lst] for lst in found])
        _, found, starts = self._found
        out = []
        for k, (lst, st) in enumerate(zip(found, starts)):
            i = bisect_left(st, a)
            crossing = i > 0 and lst[i - 1].span[1] > a
            got = []
            while i < len(lst) and lst[i].span[0] < b:
                x = lst[i]
                if x.span[1] > b:
                    crossing = True
                    break
                got.append(replace(x, span=(x.span[0] - a, x.span[1] - a)))
                i += 1
            out.append(self._recognize(k, self.doc.text[a:b], table) if crossing else got)
        return tuple(out)

    def _recognize(self, k: int, text: str, table) -> list:
        """Recognizer ``k`` (cues, times, quantities) run on ``text`` alone."""
        if k == 0:
            return find_cues(text, table)
        if k == 1:
            return find_times(text, self.date, plan_year=self.plan_year, named=self.named)
        return find_quantities(text)

    def past(self, text: str) -> bool:
        """The sentence speaks of the past: 「过去一年」「去年」, or a year before the speech's own."""
        if _PAST.search(text):
            return True
        if self.date:
            return any(int(y) < self.date.year for y in re.findall(r"(?<!\d)(20\d\d|19\d\d)年(?!\d)", text))
        return False

    def clauses_of(self, s_idx: int) -> list[Span]:
        return self._clauses.get(s_idx, [])

    def _heading_at(self, pos: int):
        """The heading whose range holds ``pos`` (headings do not overlap), by bisection."""
        i = bisect_right(self._heading_starts, pos) - 1
        if i >= 0 and pos < self._headings[i][1]:
            return self._headings[i]
        return None

    def heading_end(self, pos: int) -> int | None:
        h = self._heading_at(pos)
        return h[1] if h else None

    def in_heading(self, a: int, b: int) -> bool:
        h = self._heading_at(a)
        return bool(h and b <= h[1])

    def theme_sentence(self, sent: Span) -> bool:
        """A short standalone theme sentence heading a paragraph (「实施更大规模的减税。」)."""
        para = self.doc.paragraphs[sent.parent]
        core = sent.text.rstrip(TRAIL)
        m = LIST_MARK.match(core)
        body = core[m.end():].lstrip("，,、：: ") if m else ""
        if m and len(body) <= 20 and not re.search(r"[，,；;\d]", body):
            return True  # 「第三，坚决完成脱贫攻坚任务。」: a numbered theme
        if sent.start != para.start or sent.end >= para.end:
            return False
        if len(core) <= 16 and not re.search(r"[，,、；;\d]", core):
            return True
        strong = any(c.strength == "strong" for c in find_cues(core))
        return len(core) <= 30 and not strong and not re.search(r"[；;\d]", core)

    def in_review(self, sent: Span) -> bool:
        """Inside a section that reviews past work (「一、2021年工作回顾」): outcomes, not commitments."""
        return any(a <= sent.start < b for a, b in self._review)

    def bare_directives_allowed(self, sent: Span) -> bool:
        if any(a <= sent.start < b for a, b in self._review):
            return False
        if self.genre in ("gwr", "plan"):
            return True
        # speeches: only amid instructions (a cue in this or the previous sentence of the paragraph)
        i = sent.index
        for j in (i - 1, i - 2):
            if j >= 0 and self.doc.sentences[j].parent == sent.parent and find_cues(self.doc.sentences[j].text):
                return True
        return False

    def forward(self, tt) -> bool:
        """A time expression that can date a commitment (not one in the past)."""
        if tt.kind in ("vague", "named", "relative") or self.date is None or tt.end is None:
            return True
        if self.plan_year:
            return tt.end >= f"{self.plan_year}-01-01"
        return tt.end >= self.date.isoformat() or tt.end[:4] == str(self.date.year)

    def _note(self, sent: Span):
        """The task note closing the item (paragraph) of this sentence: 「（9月底前完成，牵头单位：X）」."""
        p = sent.parent
        if p in self._item_notes:
            return self._item_notes[p]
        para = self.doc.paragraphs[p]
        text = para.text
        note = None
        m = re.search(r"[（(]([^（）()]{2,80})[)）]\s*[。；]?\s*$", text)
        if m:
            note = (para.start + m.start(), m.group(0))
        self._item_notes[p] = note
        return note

    def item_owner(self, sent: Span):
        note = self._note(sent)
        if not note:
            return None
        off, t = note
        lo = lead_owner(t)
        if not lo:
            return None
        owner, rule, (s, e) = lo
        return owner, rule, (off + s, off + e)

    def item_deadline(self, sent: Span):
        note = self._note(sent)
        if not note:
            return None
        off, t = note
        for tt in find_times(t, self.date, plan_year=self.plan_year, named=self.named):
            if tt.kind != "frequency" and tt.end and self.forward(tt):
                return tt.as_deadline(), "item-note:" + tt.rule, (off + tt.span[0], off + tt.span[1])
        return None
