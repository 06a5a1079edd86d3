"""The speech: the decoded raw text that every offset refers to, its date and metadata.

A data object only: it imports nothing of the pipeline (reading lives in :mod:`speechkit.io`,
extraction in :mod:`speechkit.extractor`).

>>> s = Speech.from_text("今年要完成。", doc_id="d", date="2020-03-05")
>>> s.doc_id, s.date.isoformat(), s.raw
('d', '2020-03-05', '今年要完成。')
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .dates import infer_date, normalize_newlines, parse_date

__all__ = ["Speech"]


@dataclass
class Speech:
    """One decoded speech: ``raw`` is the text every offset refers to."""

    doc_id: str
    raw: str
    date: dt.date | None = None
    date_source: str | None = None
    encoding: str | None = None
    path: str | None = None
    meta: dict = field(default_factory=dict)

    def __post_init__(self):
        self.date = parse_date(self.date)  # 「2022-03-01」 given as text: a date, or a ValueError saying why not

    @property
    def title(self) -> str | None:
        return self.meta.get("title") or None

    def locate(self, offset: int) -> dict:
        """Where a raw offset lies in the source file: ``{"page": n}`` (PDF), ``{"paragraph": n}``
        (Word, HTML), ``{}`` for plain text. Pages and paragraphs count from 1.

        >>> Speech("d", "一。二。", meta={"pages": [0, 2]}).locate(2)
        {'page': 2}
        """
        from .readers import Layout

        layout = Layout.from_meta(self.meta)
        return layout.locate(offset) if layout else {}

    def __repr__(self) -> str:
        date = self.date.isoformat() if self.date else "no date"
        src = f" ({self.date_source})" if self.date_source else ""
        head = "".join(self.raw[:24].split())
        return f"Speech({self.doc_id!r}, {len(self.raw):,} chars, {date}{src}, {self.encoding or 'str'}, {head!r}…)"

    def _repr_html_(self) -> str:
        """In a notebook: the speech's heading and its text (``extract(speech)`` shows its commitments
        highlighted; a data object does not run the pipeline)."""
        from html import escape

        date = self.date.isoformat() if self.date else "no date"
        head = f"<p><b>{escape(self.doc_id or '')}</b> · {escape(self.title or '')} · {date}</p>"
        text = escape(self.raw[:5000]) + ("…" if len(self.raw) > 5000 else "")
        return head + f'<div style="white-space: pre-wrap">{text}</div>'

    @classmethod
    def from_text(cls, text: str, doc_id: str = "text", date: dt.date | str | None = None, **meta) -> "Speech":
        """Build a speech from a string already in memory.

        >>> Speech.from_text("今年要完成。", date="2020-03-05").date
        datetime.date(2020, 3, 5)
        """
        raw = normalize_newlines(text)
        d, src = parse_date(date), "argument" if date else None
        if d is None:
            d, src = infer_date(raw, meta.get("title"))
        return cls(doc_id=doc_id, raw=raw, date=d, date_source=src, meta=dict(meta))
