"""Decision trails: every record and every rejected candidate says which rules made it.

A :class:`Field` is one extracted value with the rule that produced it and its span;
a :class:`Step` is one decision of one stage. Spans are offsets into the cleaned text
while extracting and are turned into raw offsets when the record is built.

>>> Field("县交通局", "subject", (0, 4)).value
'县交通局'
>>> print(Step("grouping", "new-subject", (0, 12), "a new actor starts a record"))
grouping    new-subject                    [0:12] a new actor starts a record
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = ["Field", "Step", "Rejection", "NONE", "Trail"]


class Field(NamedTuple):
    """One field of a record: its value, the rule that set it, and where it came from (a tuple: cheap
    to make, immutable)."""

    value: object
    rule: str | None = None
    span: tuple[int, int] | None = None

    def __bool__(self) -> bool:
        v = self[0]  # the value, read once (asked of every field of every record)
        return v is not None and v is not False and v != []


NONE = Field(None)


class Step(NamedTuple):
    """One decision: the stage that took it, the rule applied, the span it looked at."""

    stage: str
    rule: str
    span: tuple[int, int] | None = None
    note: str = ""

    def __str__(self) -> str:
        where = f"[{self.span[0]}:{self.span[1]}]" if self.span else ""
        return f"{self.stage:11} {self.rule:30} {where} {self.note}".rstrip()


@dataclass
class Rejection:
    """A candidate clause or sentence that is not a commitment, with the rule that said so."""

    start: int  # raw offsets
    end: int
    text: str
    stage: str
    rule: str
    trail: list = field(default_factory=list)

    def __repr__(self) -> str:
        return f"Rejection({self.text[:20]!r}, {self.stage}:{self.rule}, raw={self.start}:{self.end})"


class Trail:
    """A record's steps, their spans mapped to raw offsets when read (most trails are never read)."""

    __slots__ = ("_steps", "_to_raw", "_raw")

    def __init__(self, steps, to_raw):
        self._steps, self._to_raw, self._raw = list(steps), to_raw, None

    def _mapped(self) -> list:
        if self._raw is None:
            f = self._to_raw
            self._raw = [Step(s.stage, s.rule, f(*s.span) if s.span and s.span[0] is not None else None, s.note)
                         for s in self._steps]
        return self._raw

    def __iter__(self):
        return iter(self._mapped())

    def __len__(self) -> int:
        return len(self._steps)

    def __getitem__(self, i):
        return self._mapped()[i]

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def __repr__(self) -> str:
        return f"Trail({len(self._steps)} steps)"
