"""What a reader returns: the extracted text and where each page or paragraph starts in it."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

__all__ = ["Document", "Layout", "TextBuilder", "missing_extra"]

EXTRAS = {"docx": ("python-docx", "Word (.docx)"), "pdf": ("pdfminer.six", "PDF"),
          "html": ("lxml", "web pages (.html)")}


def missing_extra(fmt: str, name: str):
    """The one-line error for a reader whose optional dependency is not installed."""
    from ..io import ReadError

    package, what = EXTRAS[fmt]
    return ReadError(name, f'reading {what} needs {package}: pip install "speechkit[{fmt}]"')


@dataclass(frozen=True)
class Layout:
    """Start offsets (in the extracted text) of each page or paragraph, numbered from 1.

    >>> lay = Layout("page", (0, 120, 260))
    >>> lay.locate(0), lay.locate(130), lay.locate(999)
    ({'page': 1}, {'page': 2}, {'page': 3})
    """

    unit: str  # "page" or "paragraph"
    starts: tuple[int, ...]

    def locate(self, offset: int) -> dict:
        if not self.starts or offset < self.starts[0]:
            return {}
        return {self.unit: bisect.bisect_right(self.starts, offset)}

    def to_meta(self) -> dict:
        """The form kept in ``Speech.meta``: ``{"pages": [...]}`` or ``{"paragraphs": [...]}``."""
        return {self.unit + "s": list(self.starts)}

    @classmethod
    def from_meta(cls, meta: dict) -> "Layout | None":
        for unit in ("page", "paragraph"):
            starts = meta.get(unit + "s")
            if starts:
                return cls(unit, tuple(int(s) for s in starts))
        return None


@dataclass
class Document:
    """A file's extracted text: ``format`` (text, docx, pdf, html), ``encoding`` of text formats,
    ``layout`` (or ``None``), and ``meta`` found in the file (a title)."""

    text: str
    format: str
    encoding: str | None = None
    layout: Layout | None = None
    meta: dict = field(default_factory=dict)
    dropped: list = field(default_factory=list)  # (kind, text) of page furniture left out


class TextBuilder:
    """Blocks joined by newlines, remembering where each unit (page, paragraph) starts.

    >>> b = TextBuilder("paragraph")
    >>> b.block("一、总体要求", unit=True), b.block("年内要完成。", unit=True)
    (0, 7)
    >>> b.build().text, b.build().layout.starts
    ('一、总体要求\\n年内要完成。', (0, 7))
    """

    def __init__(self, unit: str):
        self.unit = unit
        self.parts: list[str] = []
        self.length = 0
        self.starts: list[int] = []

    def block(self, text: str, unit: bool = False, join: bool = False) -> int:
        """Add a block on a new line (or, with ``join``, run on to the previous one); ``unit`` marks a start.
        Returns the offset where the block starts."""
        if not text:
            return self.length
        if self.parts and not join:
            self.parts.append("\n")
            self.length += 1
        start = self.length
        if unit:
            self.starts.append(start)
        self.parts.append(text)
        self.length += len(text)
        return start

    def build(self, fmt: str = "", **kw) -> Document:
        starts = tuple(self.starts)  # non-decreasing; an empty page repeats the next page's start
        return Document("".join(self.parts), fmt or self.unit, layout=Layout(self.unit, starts), **kw)
