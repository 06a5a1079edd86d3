"""The recognizers (cues, times, quantities) run over a document a stretch at a time.

They run over one *chunk* at a time: whole paragraphs, about :data:`CHUNK` characters, read with
:data:`MARGIN` characters of the text on either side so that a rule looking a few characters back
or ahead (「城东、城西两条河」 counts what the 、 before it lists) sees what it would see in the
whole document. Only the current chunk's matches are kept, so the memory they take does not grow
with the document. A piece (a sentence, a clause) gets the matches inside it; one that a match
crosses is recognized again on its own.

>>> from speechkit.segment import segment
>>> from speechkit.rules.cues import cue_table
>>> doc = segment("县交通局要在6月底前完成通车。\\n县水利局要加快建设。")
>>> rec = Recognition(doc, lambda text: [], cue_table())
>>> [(c.cue, c.span) for c in rec.recognized(16, 26)[0]]  # spans relative to the piece
[('要', (4, 5)), ('加快', (5, 7))]
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..rules.cues import find_cues
from ..rules.quantities import find_quantities

__all__ = ["Recognition", "CHUNK", "MARGIN", "quote_spans", "unquoted", "untitled"]

CHUNK = 4096  # characters recognized at a time (whole paragraphs)
MARGIN = 64  # characters of context read on either side of a chunk


_QUOTE = re.compile(r"“[^“”\n]{1,40}”|「[^「」\n]{1,40}」|\"[^\"\n]{1,40}\"|《[^《》\n]{1,80}》")
_TITLE = re.compile(r"《[^《》\n]{1,80}》")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of short quoted names and slogans (at most 40 characters, within a line) and of 《》 titles."""
    return [m.span() for m in _QUOTE.finditer(text)]


def unquoted(cues: list, text: str) -> list:
    """Cues (or quantities) outside quotation marks: 「全面推行“必须办、马上办”工作机制」 names a policy,
    《关于…确保…的意见》 a document, 「“三个一百”行动」 a programme: they direct or measure nothing."""
    if not cues or not any(q in text for q in "“「\"《"):
        return cues
    spans = quote_spans(text)
    starts = [a for a, _ in spans]
    out = []
    for c in cues:
        i = bisect_right(starts, c.span[0]) - 1
        if not (i >= 0 and c.span[1] <= spans[i][1]):
            out.append(c)
    return out


def untitled(times: list, text: str) -> list:
    """Times outside 《》 titles: 「组织实施《…发展规划（2024—2028年）》」 names a document's period, which
    dates no task (issue 11: a title's period is not inherited). Times in “” stay (「到“十四五”末」)."""
    if not times or "《" not in text:
        return times
    spans = [m.span() for m in _TITLE.finditer(text)]
    return [t for t in times if not any(a <= t.span[0] and t.span[1] <= b for a, b in spans)]


def _shifted(x, a: int):
    """``x`` with its span moved by ``-a`` (a cheap copy of a frozen dataclass)."""
    if a == 0:
        return x
    y = object.__new__(x.__class__)
    y.__dict__.update(x.__dict__)
    y.__dict__["span"] = (x.span[0] - a, x.span[1] - a)
    return y


def chunks(doc, skip=()) -> list[tuple[int, int]]:
    """Runs of whole paragraphs of about :data:`CHUNK` characters: ``(start, end)`` in the cleaned text. A
    paragraph longer than that (a text whose line breaks were lost) is cut between its sentences.

    ``skip``: sorted, disjoint ranges whose text no stage asks about (sections reviewing past work); a
    paragraph inside one is in no chunk, and no chunk runs across it."""
    out: list[tuple[int, int]] = []
    s_starts, s_ends = doc.sentences.starts(), doc.sentences.ends()
    skip_starts = [a for a, _ in skip]
    gap = False
    for a, b in zip(doc.paragraphs.starts(), doc.paragraphs.ends()):
        i = bisect_right(skip_starts, a) - 1
        if i >= 0 and b <= skip[i][1]:
            gap = True
            continue
        pieces = [(a, b)] if b - a <= CHUNK else _sentence_runs(s_starts, s_ends, a, b)
        for x, y in pieces:
            if out and not gap and y - out[-1][0] <= CHUNK:
                out[-1] = (out[-1][0], y)
            else:
                out.append((x, y))
            gap = False
    return out


def _sentence_runs(starts, ends, a: int, b: int) -> list[tuple[int, int]]:
    """``[a, b)`` cut between sentences into runs of at most :data:`CHUNK` characters where it can be."""
    out: list[tuple[int, int]] = []
    i = bisect_left(starts, a)
    x = a
    while i < len(starts) and starts[i] < b:
        if ends[i] - x > CHUNK and starts[i] > x:
            out.append((x, starts[i]))
            x = starts[i]
        i += 1
    out.append((x, b))
    return out


class Recognition:
    """Cues, times and quantities of a document's pieces, recognized a chunk at a time; ``times`` is
    the time recognizer resolved against the speech, ``table`` the extractor's cue table, ``skip`` the
    ranges of text read in no chunk (see :func:`chunks`: a piece there is recognized on its own), ``gaps``
    where the units a removed number left behind are read as missing numbers (cleaned offsets, see
    :meth:`~speechkit.clean.Cleaned.missing_numbers`; ``None``: everywhere)."""

    def __init__(self, doc, times, table, skip=(), gaps=None):
        self.doc, self.times, self.table, self.gaps = doc, times, table, gaps
        self._chunks = chunks(doc, skip)
        self._chunk_starts = [a for a, _ in self._chunks]
        self._at = None  # the current chunk's (start, end), where its text is read from, its matches (spans in that
        self._lo, self._found = 0, None  # text) and their starts and ends (in the cleaned text)
        self._starts = self._ends = None
        self._memo: dict[tuple[int, int], tuple] = {}

    def recognize(self, k: int, text: str, at: int = 0) -> list:
        """Recognizer ``k`` (0 cues, 1 times, 2 quantities) on ``text`` alone (at cleaned offset ``at``)."""
        if k == 0:
            return unquoted(find_cues(text, self.table), text)
        if k == 1:
            return untitled(self.times(text), text)
        # 「做到“三个到位”」「落实“三个80%”帮扶政策」: a number inside quotation marks is part of a name, no metric
        qs = unquoted(find_quantities(text), text)
        if self.gaps is None or not qs:
            return qs
        return [q for q in qs if q.rule != "missing-number" or at + q.span[0] in self.gaps]

    def _chunk(self, a: int, b: int) -> bool:
        """Make the chunk holding ``[a, b)`` the current one; ``False`` if no chunk holds it."""
        if self._at is not None and self._at[0] <= a and b <= self._at[1]:
            return True
        i = bisect_right(self._chunk_starts, a) - 1
        if i < 0 or b > self._chunks[i][1]:
            return False
        cs, ce = self._chunks[i]
        lo, hi = max(0, cs - MARGIN), min(len(self.doc.text), ce + MARGIN)
        text = self.doc.text[lo:hi]
        found = []
        for k in range(3):  # the matches that reach into the chunk, spans in its text read from ``lo`` (copied
            # only when a piece asks for them, each then moved once)
            found.append([x for x in self.recognize(k, text, lo) if x.span[1] + lo > cs and x.span[0] + lo < ce])
        self._at, self._lo, self._found, self._memo = (cs, ce), lo, found, {}
        self._starts = [[x.span[0] + lo for x in lst] for lst in found]  # in the cleaned text
        self._ends = [[x.span[1] + lo for x in lst] for lst in found]
        return True

    def recognized(self, a: int, b: int) -> tuple[list, list, list]:
        """Cues, times and quantities of ``doc.text[a:b]``, spans relative to ``a``: what running the
        recognizers on the piece alone gives (a piece that a match crosses is recognized again)."""
        if not self._chunk(a, b):
            return tuple(self.recognize(k, self.doc.text[a:b], a) for k in range(3))
        key = (a, b)
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        self._memo[key] = out = (self._slice(0, a, b), self._slice(1, a, b), self._slice(2, a, b))
        return out

    def _slice(self, k: int, a: int, b: int) -> list:
        """The matches of recognizer ``k`` in the current chunk inside ``[a, b)``, spans relative to ``a``."""
        st, en = self._starts[k], self._ends[k]
        i = bisect_left(st, a)
        j = bisect_left(st, b, i)  # the matches that start in the piece: [i, j)
        if (i > 0 and en[i - 1] > a) or (j > i and max(en[i:j]) > b):  # one crosses an edge of the piece
            return self.recognize(k, self.doc.text[a:b], a)
        return [_shifted(x, a - self._lo) for x in self._found[k][i:j]] if j > i else []

    def time_at(self, pos: int):
        """The time expression that starts exactly at cleaned offset ``pos`` (or ``None``)."""
        if not self._chunk(pos, pos):
            return None
        times, starts = self._found[1], self._starts[1]
        i = bisect_left(starts, pos)
        return _shifted(times[i], -self._lo) if i < len(starts) and starts[i] == pos else None
