"""Spans of a speech, and the tables that hold a document's spans in a few integers each.

A :class:`Span` is a stretch of a speech (a paragraph, sentence, clause, heading or token) with its
offsets in the cleaned text; its text and raw offsets are read from the :class:`~speechkit.clean.Cleaned`
text when asked. A long document has hundreds of thousands of them, so a
:class:`~speechkit.segment.Document` keeps each kind in a :class:`Spans` table (arrays of offsets,
12 bytes a span where a Span object takes ~100) that makes the Span when it is read.

>>> from speechkit.segment import segment
>>> doc = segment("一、总体要求\\n要完成。要加快。")
>>> doc.sentences
[<sentence 0:6 '一、总体要求'>, <sentence 7:11 '要完成。'>, <sentence 11:15 '要加快。'>]
>>> doc.sentences[-1] == doc.sentences[2], len(doc.clauses), doc.clauses[1:][0].parent
(True, 3, 1)
"""
from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .clean import Cleaned

__all__ = ["Span", "Spans"]

class Span:
    """A stretch of a speech: ``start``/``end`` in the cleaned text, ``raw_start``/``raw_end`` in the raw text,
    and ``text``, the cleaned text of the stretch. Immutable; equal when kind, offsets, position and text are.

    A span keeps only its cleaned offsets and place (seven slots); its text and raw offsets are read from the
    document's :class:`~speechkit.clean.Cleaned` when asked.

    >>> from speechkit.segment import segment
    >>> s = segment("一、总体要求\\n要完成。").sentences[1]
    >>> s.kind, s.start, s.end, s.raw_start, s.raw_end, s.text, s.parent
    ('sentence', 7, 11, 7, 11, '要完成。', 1)
    """

    __slots__ = ("kind", "start", "end", "level", "index", "parent", "_src")

    def __init__(self, kind: str, start: int, end: int, src: "Cleaned", level: int = 0, index: int = 0,
                 parent: int = -1):
        # the slots' own setters (the class forbids attribute assignment): a long document makes hundreds of
        # thousands of spans, and these take half the time of object.__setattr__
        set_kind, set_start, set_end, set_level, set_index, set_parent, set_src = _SETTERS
        set_kind(self, kind)
        set_start(self, start)
        set_end(self, end)
        set_level(self, level)
        set_index(self, index)
        set_parent(self, parent)
        set_src(self, src)

    def __setattr__(self, name, value):
        raise AttributeError(f"Span is immutable (cannot set {name!r})")

    @property
    def text(self) -> str:
        return self._src.text[self.start:self.end]

    @property
    def raw_start(self) -> int:
        return self._src.raw_span(self.start, self.end)[0]

    @property
    def raw_end(self) -> int:
        return self._src.raw_span(self.start, self.end)[1]

    def _key(self) -> tuple:
        return self.kind, self.start, self.end, self.level, self.index, self.parent

    def __eq__(self, other) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() == other._key() and (self._src is other._src or self.text == other.text)

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self):
        return Span, (self.kind, self.start, self.end, self._src, self.level, self.index, self.parent)

    def __repr__(self) -> str:
        t = self.text if len(self.text) <= 30 else self.text[:29] + "…"
        return f"<{self.kind} {self.raw_start}:{self.raw_end} {t!r}>"


_SETTERS = tuple(getattr(Span, name).__set__ for name in Span.__slots__)


class Spans(Sequence):
    """The spans of one kind of a document, in order, as arrays of their start, end, parent (and level):
    a :class:`Span` is made when one is read (``spans[i]``, a slice gives a list, iteration). Compares
    equal to a list of the same spans; ``+`` gives a list."""

    __slots__ = ("kind", "_src", "_start", "_end", "_parent", "_level")

    def __init__(self, kind: str, src: "Cleaned"):
        self.kind, self._src = kind, src
        self._start, self._end, self._parent, self._level = array("i"), array("i"), array("i"), array("b")

    def add(self, start: int, end: int, parent: int = -1, level: int = 0) -> int:
        """Append a span; its index."""
        self._start.append(start)
        self._end.append(end)
        self._parent.append(parent)
        self._level.append(level)
        return len(self._start) - 1

    def extend(self, starts, ends, parent: int = -1) -> None:
        """Append spans ``starts[k]:ends[k]``, all of one parent (level 0)."""
        self._start.extend(starts)
        self._end.extend(ends)
        self._parent.extend([parent] * len(starts))
        self._level.extend(bytes(len(starts)))

    def _make(self, i: int) -> Span:
        return Span(self.kind, self._start[i], self._end[i], self._src, self._level[i], i, self._parent[i])

    def __len__(self) -> int:
        return len(self._start)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(map(self._make, range(*i.indices(len(self)))))
        n = len(self._start)
        if not -n <= i < n:
            raise IndexError(f"{self.kind} index {i} out of range ({n} {self.kind}s)")
        return self._make(i % n)

    def __iter__(self):
        kind, src, starts, ends, levels, parents = self.kind, self._src, self._start, self._end, self._level, self._parent
        for i in range(len(starts)):
            yield Span(kind, starts[i], ends[i], src, levels[i], i, parents[i])

    def offsets(self):
        """``(index, start, end)`` of every span, in order, without making the spans (a scan that reads the
        text of each and keeps few)."""
        return zip(range(len(self._start)), self._start, self._end)

    def starts(self) -> array:
        """The start offsets (an array, in order: bisect it to find the span holding an offset)."""
        return self._start

    def ends(self) -> array:
        return self._end

    def parents(self) -> array:
        return self._parent

    def __eq__(self, other) -> bool:
        if isinstance(other, (Spans, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None

    def __add__(self, other) -> list:
        return list(self) + list(other)

    def __radd__(self, other) -> list:
        return list(other) + list(self)

    def __reduce__(self):
        return _rebuild, (self.kind, self._src, self._start, self._end, self._parent, self._level)

    def __repr__(self) -> str:
        return repr(list(self)) if len(self) <= 20 else f"<{len(self)} {self.kind}s>"


def _rebuild(kind, src, start, end, parent, level) -> Spans:
    out = Spans(kind, src)
    out._start, out._end, out._parent, out._level = start, end, parent, level
    return out
