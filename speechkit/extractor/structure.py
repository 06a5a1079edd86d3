"""Stage 1, structure: the document as a tree of sections, paragraphs, sentences and clauses,
with the facts every later stage needs (genre, plan year, named periods, review sections)
and the scope-setters (typed :class:`Scope` objects) from which clauses inherit a deadline
or an owner.

The recognizers (cues, times, quantities) run over the document a chunk of paragraphs at a time
(:mod:`.recognition`); a clause that a match crosses is recognized again on its own
(:meth:`DocTree.recognized`).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import partial

from ..rules.times import define_periods, find_times
from ..segment import FULL_STOP, Document, Span
from .patterns import clause, structure
from .recognition import Recognition
from .scopes import build_scopes
from .trail import Field

__all__ = ["DocTree", "Scope", "TRAIL"]

TRAIL = "，,；;：:。！？!?、 "
_YEAR = re.compile(r"(?=[12])(?<!\d)(20\d\d|19\d\d)年(?!\d)")  # the lookahead first: the engine skips to a 1 or 2


@dataclass(frozen=True)
class Scope:
    """A scope-setter: ``field`` (deadline or owner) is ``value`` for clauses in ``[start, end)``
    (cleaned offsets) unless something nearer sets it. ``kind`` names the rule that made it."""

    kind: str
    field: str
    start: int
    end: int
    value: Field


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint ranges covering the same positions (so that a bisection finds the one holding a
    position)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def review_ranges(doc: Document, sections) -> list[tuple[int, int]]:
    """Sections that review past work (「一、2020年工作回顾」). A section that reviews one period and sets the
    next one's targets (「二、过去五年发展成就和今后五年主要目标」) is a review only up to the paragraph
    that announces the targets."""
    out = []
    for h, a, b in sections:
        if h.level != 1 or not structure("review-heading").search(h.text):
            continue
        if structure("mixed-heading").search(h.text):
            intro = next((p.start for p in doc.paragraphs if a < p.start < b and
                          (structure("goal-intro").search(p.text) or structure("goal-paragraph").match(p.text))), None)
            b = intro if intro is not None else b
        out.append((a, b))
    return out


def glossaries(doc: Document) -> list[tuple[int, int]]:
    """「附件：名词解释」「名词解释」: a glossary explains terms, to the next heading of level 1 or the end."""
    out, text = [], doc.text
    for _, a, b in doc.paragraphs.offsets():
        if structure("glossary").match(text[a:b]):
            end = next((h.start for h in doc.headings if h.start > a and h.level == 1), len(text))
            out.append((a, end))
    return out


def scoring_sections(doc: Document) -> list[tuple[int, int]]:
    """「五、考评方式」: how an assessment is scored, to the next heading of its level or higher (structure rule
    ``scoring-heading``): rules of scoring, no tasks."""
    out = []
    for h in doc.headings:
        if structure("scoring-heading").search(h.text):
            end = next((g.start for g in doc.headings if g.start > h.start and g.level <= h.level), len(doc.text))
            out.append((h.start, end))
    return out


def genre_of(meta: dict, title: str) -> str:
    """gwr (work report), plan (plans, notices, measures) or speech: the manifest's kind, else the title."""
    kind = (meta.get("kind") or "").lower()
    if kind in ("gwr", "plan", "speech"):
        return kind
    if "政府工作报告" in title:
        return "gwr"
    if structure("plan-title").search(title[:80]):
        return "plan"
    return "speech"


def title_lines(text: str) -> str:
    r"""The lines that open the text before its first sentence (a line with a full stop is body text, not a title:
    「近年来，…2022年产量突破8万辆。」 names no plan year), at most 120 characters.

    >>> title_lines("江城市2024年养老服务工作要点\n一、总体要求\n为…，制定本方案。"), title_lines("近年来，产量突破8万辆。\n")
    ('江城市2024年养老服务工作要点\n一、总体要求', '')
    """
    out, n = [], 0
    for line in text[:400].split("\n"):
        if FULL_STOP.search(line) or n + len(line) > 120:
            break
        out.append(line)
        n += len(line) + 1
    return "\n".join(out).strip()


def plan_year_of(genre: str, title: str) -> int | None:
    """The single year a plan is for (「2022年江城县养老服务补贴办法」); a title's range is not one."""
    if genre != "plan":
        return None
    m = re.search(r"(20\d\d)年", title)
    if m and not re.search(r"20\d\d[—\-－～~至到]", title):
        return int(m.group(1))
    return None


class DocTree:
    """Per-document facts and scopes; built once per speech."""

    def __init__(self, speech, doc: Document, table, grammar=None):
        self.speech, self.doc, self.table, self.grammar = speech, doc, table, grammar
        self.raw_span = doc.cleaned.raw_span  # one bound method for all the document's trails, not one each
        self.date = speech.date
        self.iso_date = str(self.date or "")  # the speech's date as ISO text ("" when undated), asked of each sentence
        meta = speech.meta or {}
        title = meta.get("title") or title_lines(doc.text)
        self.genre = genre_of(meta, title)
        heading = meta.get("title") or doc.text.strip().split("\n", 1)[0][:120]  # the title, not the opening
        self.county = self.genre == "gwr" and ((meta.get("level") or "").lower() in ("county", "district")
                                               or bool(structure("county-report").search(heading)))
        self.explains = self.genre == "speech" and bool(structure("explanation-title").search(heading.strip()))
        self.plan_year = plan_year_of(self.genre, title)
        # periods the text defines (「…9月1日开始，9月30日结束」「11月为冲刺月」): looked for only where a marker is
        self.named = define_periods(doc.text, self.date, plan_year=self.plan_year) \
            if structure("period-definition").search(doc.text) else {}
        self.sections = doc.sections()
        # where units left by removed numbers are missing numbers (not words that end in a unit: 落户 之家)
        self.missing_numbers = doc.cleaned.missing_numbers(list(zip(doc.paragraphs.starts(), doc.paragraphs.ends())))
        self.review = _merged(review_ranges(doc, self.sections) + glossaries(doc)
                              + (scoring_sections(doc) if self.genre == "plan" else []))
        self._review_starts = [a for a, _ in self.review]
        # the time recognizer as a partial, not the bound method: no cycle keeps the tree alive after use
        self._para = None  # the paragraph of the sentence asked about last
        self._bare = None  # (index, bare_allowed) of the sentence asked about last
        self._rec = Recognition(doc, partial(find_times, date=self.date, plan_year=self.plan_year, named=self.named),
                                table, skip=self.review, gaps=self.missing_numbers)  # review sections: rejected first
        self.scopes = sorted(build_scopes(self), key=lambda s: (s.start, -s.end))
        self._by_field: dict[str, tuple[list, list, list]] = {}
        for s in self.scopes:  # per field: the scopes, their starts, and the furthest end reached so far
            scopes, starts, reach = self._by_field.setdefault(s.field, ([], [], []))
            scopes.append(s)
            starts.append(s.start)
            reach.append(max(reach[-1], s.end) if reach else s.end)

    # ------------------------------------------------------------ recognizers
    def times(self, text: str) -> list:
        """Time expressions of ``text`` resolved against this speech."""
        return find_times(text, self.date, plan_year=self.plan_year, named=self.named)

    def recognized(self, a: int, b: int) -> tuple[list, list, list]:
        """Cues, times and quantities of ``doc.text[a:b]``, spans relative to ``a`` (see
        :class:`~.recognition.Recognition`)."""
        return self._rec.recognized(a, b)

    def time_at(self, pos: int):
        """The document's time expression that starts exactly at cleaned offset ``pos`` (or ``None``)."""
        return self._rec.time_at(pos)

    # ------------------------------------------------------------ tree
    def clause_offsets(self, s_idx: int) -> list[tuple[int, int]]:
        """``(start, end)`` of the clauses of sentence ``s_idx``, in order (no span made)."""
        clauses = self.doc.clauses
        parents = clauses.parents()  # in order: a sentence's clauses are a run of them
        i, j = bisect_left(parents, s_idx), bisect_right(parents, s_idx)
        return list(zip(clauses.starts()[i:j], clauses.ends()[i:j]))

    def paragraph_of(self, sent: Span) -> Span:
        if self._para is None or self._para.index != sent.parent:  # sentences come in order: made once each
            self._para = self.doc.paragraphs[sent.parent]
        return self._para

    def heading_at(self, pos: int):
        """``(start, end, heading)`` of the heading holding ``pos`` (headings do not overlap), or ``None``."""
        heads = self.doc.headings  # in text order (a table of offsets: the span is made when found)
        i = bisect_right(heads.starts(), pos) - 1
        if i >= 0 and pos < heads.ends()[i]:
            h = heads[i]
            return h.start, h.end, h
        return None

    def heading_end(self, pos: int) -> int | None:
        """The end of the heading holding ``pos`` (read from the offsets: no span made), or ``None``."""
        heads = self.doc.headings
        i = bisect_right(heads.starts(), pos) - 1
        end = heads.ends()[i] if i >= 0 else -1
        return end if pos < end else None

    def in_heading(self, a: int, b: int) -> bool:
        end = self.heading_end(a)
        return end is not None and b <= end

    def _review_at(self, pos: int) -> int | None:
        """The index of the review range that holds ``pos``, or ``None``."""
        i = bisect_right(self._review_starts, pos) - 1
        return i if i >= 0 and pos < self.review[i][1] else None

    def in_review(self, pos: int) -> bool:
        """Inside a section that reviews past work (「一、2021年工作回顾」): outcomes, not commitments."""
        return self._review_at(pos) is not None

    def closes_review(self, sent: Span) -> bool:
        """The last sentence of a section that reviews past work (the one before the next heading, or the end of the
        review): where its closing resolution stands (「…。我们要正视不足…，决不辜负…。」 after the shortcomings)."""
        i = self._review_at(sent.start)
        if i is None:
            return False
        sents = self.doc.sentences
        if sent.index + 1 >= len(sents):
            return True
        nxt = sents[sent.index + 1]  # the next section's heading, or past the review (a merged range ends later)
        return nxt.start >= self.review[i][1] or self.in_heading(nxt.start, nxt.end)

    def bare_allowed(self, sent: Span) -> bool:
        """Whether a verb-led clause without a cue is a directive in this sentence: anywhere in the
        plan part of a work report or plan; in a speech amid instructions (a cue in this sentence or
        the one before it in the paragraph, passing over a run-in title: a sentence of facts ends the
        run), in an enumerated item (一是) or after a forward-looking time (今年，下一步，); never in a speech that
        explains a draft (structure rule ``explanation-title``)."""
        if self.in_review(sent.start):
            return False
        if self.genre in ("gwr", "plan"):
            return True
        if self._bare is None or self._bare[0] != sent.index:  # asked by the candidates and the grouping stages
            self._bare = sent.index, self._bare_allowed(sent)
        return self._bare[1]

    def _bare_allowed(self, sent: Span) -> bool:
        if self.explains:
            return False  # 「关于《…》的说明」: what the draft says and adds is described, not directed
        if clause("item-mark").match(sent.text) or structure("forward-head").match(sent.text):
            return True  # 「一是…」「今年，…」「下一步，…」: an enumerated or forward-looking sentence
        sents = self.doc.sentences
        starts, ends, parents = sents.starts(), sents.ends(), sents.parents()
        back = [sent.index, sent.index - 1]
        if sent.index >= 2 and self._run_in_title(starts[sent.index - 1], ends[sent.index - 1]):
            back.append(sent.index - 2)  # 「抓实农资保供。」: a run-in title between instructions is passed over
        for j in back:
            if j >= 0 and parents[j] == sent.parent and self.recognized(starts[j], ends[j])[0]:
                return True
        return False

    def _run_in_title(self, a: int, b: int) -> bool:
        """A short sentence of words only (structure rule ``run-in-title``) that speaks of no past: not a
        sentence of facts (「去年农资供应平稳。」)."""
        text = self.doc.text[a:b].strip()
        return bool(structure("run-in-title").match(text)) and not self.past(text)

    def past(self, text: str) -> bool:
        """The sentence speaks of the past: 「过去一年」「去年」, or a year before the speech's own."""
        if clause("past-sentence").search(text):
            return True
        if self.date:
            return any(int(y) < self.date.year for y in _YEAR.findall(text))
        return False

    def forward(self, tt) -> bool:
        """A time expression that can date a commitment (not one in the past)."""
        if getattr(tt, "past", False):
            return False  # 去年, 上周, 三天前, …以来: the words name a past time
        if tt.kind in ("vague", "named", "relative") or self.date is None or tt.end is None:
            return True
        if self.plan_year:
            return tt.end >= f"{self.plan_year}-01-01"
        return tt.end >= self.date.isoformat()

    def scope(self, field: str, pos: int) -> Scope | None:
        """The innermost scope setting ``field`` at cleaned offset ``pos`` (the last one opened)."""
        scopes, starts, reach = self._by_field.get(field, ((), (), ()))
        i = bisect_right(starts, pos) - 1
        while i >= 0 and reach[i] > pos:
            if pos < scopes[i].end:
                return scopes[i]
            i -= 1
        return None
