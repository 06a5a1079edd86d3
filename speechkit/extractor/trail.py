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

__all__ = ["Field", "Step", "Rejection", "NONE"]


@dataclass(frozen=True)
class Field:
    """One field of a record: its value, the rule that set it, and where it came from."""

    value: object
    rule: str | None = None
    span: tuple[int, int] | None = None

    def __bool__(self) -> bool:
        return self.value is not None and self.value != [] and self.value is not False


NONE = Field(None)


@dataclass(frozen=True)
class Step:
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
