"""What the recognizer gives (:class:`TimeExpr`) and what a resolver returns (:class:`Res`)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = ["TimeExpr", "Res", "Refuse", "NO_DATE"]

NO_DATE = "no speech date: relative expression left unresolved"


@dataclass(frozen=True)
class TimeExpr:
    """A time expression: ``span`` offsets into the text given, dates as ISO strings (inclusive).

    ``end`` is the last day by which something must be done; ``None`` with a
    ``note`` when the form was found but not dated (never a guess). ``clock`` is a
    time of day written with the day (「下午5点」: the day stays the deadline).
    ``past`` marks expressions that name a time before the speech by their own
    words (「去年」「上周」「三天前」「以来」).
    """

    span: tuple[int, int]
    text: str
    kind: str
    start: str | None
    end: str | None
    rule: str
    count: int | None = None  # frequency only
    per: str | None = None
    op: str | None = None
    note: str | None = None
    clock: str | None = None
    past: bool = False

    def as_deadline(self) -> dict:
        """The spec's ``deadline`` object."""
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind}

    def as_frequency(self) -> dict:
        """The spec's ``frequency`` object."""
        return {"text": self.text, "count": self.count, "per": self.per, "op": self.op}


@dataclass
class Res:
    """A resolver's reading of one match (reading offsets; dates as ``datetime.date``).

    ``pstart``/``pend``: the period the words name, before any suffix (「6月底前」: June);
    ``implicit``: the year was inferred, not written (a join may give it from the first end);
    ``year``: a year written out, which 「当年」「次年」 later in the sentence refer to.
    """

    start: dt.date | None = None
    end: dt.date | None = None
    note: str | None = None
    pstart: dt.date | None = None
    pend: dt.date | None = None
    clock: tuple[int, int] | None = None
    past: bool = False
    implicit: bool = False
    year: int | None = None
    written: bool = False  # the year is written out (「2017年6月21日」), not relative
    kind: str | None = None
    freq: dict = field(default_factory=dict)


class Refuse(Exception):
    """A resolver's answer that the match is not this rule's form: the next candidate is tried."""
