"""The result of extracting one speech: its commitments, the sentences and clauses that were
rejected (each with its rule), and :meth:`Extraction.explain` to say why.

A lean extraction (``Extractor.extract(speech, lean=True)``) keeps neither the records' trails nor
the rejections; :meth:`Extraction.explain` runs the extractor again on the one sentence asked about,
which gives the trail and rejections the full extraction keeps for it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..speech import Speech
from ..segment import Document

__all__ = ["Extraction"]


@dataclass
class Extraction:
    """Commitments of one speech, in text order, with its segmented document and rejections (a lean
    extraction has none: ``extractor`` is set and explains by running again on a sentence)."""

    speech: Speech
    document: Document
    commitments: list = field(default_factory=list)
    rejected: list = field(default_factory=list)
    extractor: object = field(default=None, repr=False)  # set when lean: no trails, no rejections kept

    @property
    def lean(self) -> bool:
        return self.extractor is not None

    def __iter__(self):
        return iter(self.commitments)

    def __len__(self):
        return len(self.commitments)

    def __getitem__(self, i):
        return self.commitments[i]

    def __repr__(self):
        ck = sum(c.checkable for c in self.commitments)
        return f"Extraction({self.speech.doc_id!r}, {len(self.commitments)} commitments, {ck} checkable)"

    def to_records(self) -> list[dict]:
        """Spec JSON objects."""
        return [c.to_dict() for c in self.commitments]

    def to_html(self, path=None):
        """Highlighted HTML of the speech (a string), or a standalone page written to ``path``.

        >>> from speechkit import extract
        >>> extract("县交通局要在6月底前完成通车。", date="2021-02-20").to_html().count('class="sk-c ')
        1
        """
        from ..html import highlight, to_html

        return to_html(self, path) if path is not None else highlight(self)

    def _repr_html_(self) -> str:
        from ..html import highlight

        return highlight(self)

    def to_ics(self, path=None) -> str:
        """Checkable deadlines as iCalendar text (written to ``path`` when given).

        >>> from speechkit import extract
        >>> "DTSTART;VALUE=DATE:20210630" in extract("县交通局要在6月底前完成通车。", date="2021-02-20").to_ics()
        True
        """
        from ..export import to_ics

        return to_ics(self, path)

    def to_frame(self):
        """One row per commitment (see :func:`speechkit.frame.to_frame`).

        >>> from speechkit import extract
        >>> extract("县交通局要在6月底前完成通车。", date="2021-02-20").to_frame()[["owner", "checkable"]].values.tolist()
        [['县交通局', True]]
        """
        from ..frame import to_frame

        return to_frame(self.commitments)

    # ------------------------------------------------------------ explanations
    def at(self, offset: int):
        """The commitment, else the rejected sentence or clause, covering raw ``offset`` (or ``None``).
        A rejected clause is preferred to the rejected sentence around it."""
        for c in self.commitments:
            if c.start <= offset < c.end:
                return c
        hits = [r for r in self._rejections_at(offset) if r.start <= offset < r.end]
        return min(hits, key=lambda r: r.end - r.start) if hits else None

    def _rejections_at(self, offset: int) -> list:
        if not self.lean:
            return self.rejected
        sent = next((s for s in self.document.sentences if s.raw_start <= offset < s.raw_end), None)
        return [] if sent is None else self.extractor.sentence_at(self.speech, sent.index)[1]

    def _with_trail(self, c):
        """``c`` as the full extraction has it (a lean record is made again, with its trail)."""
        if not self.lean:
            return c
        again = self.extractor.sentence_at(self.speech, c.sentence)[0]
        return next(r for r in again if (r.start, r.end, r.text) == (c.start, c.end, c.text))

    def explain(self, i=None, *, at: int | None = None) -> str:
        """Why a record is a commitment and where each of its fields came from; or, with ``at`` (a raw
        offset), why the text there is or is not one.

        >>> from speechkit import extract
        >>> res = extract("县交通局要在6月底前完成通车。", date="2021-02-20")
        >>> print(res.explain(0).splitlines()[0])
        commitment 0: 「县交通局要在6月底前完成通车」 raw[0:14]
        """
        if at is not None:
            obj = self.at(at)
            if obj is None:
                return f"raw offset {at}: no sentence there holds a commitment candidate"
            if obj in self.commitments:
                return self._explain_record(self.commitments.index(obj))
            return _explain_rejection(obj, self.speech.raw)
        return self._explain_record(i)

    def _explain_record(self, i: int) -> str:
        c = self._with_trail(self.commitments[i])
        raw = self.speech.raw
        lines = [f"commitment {i}: 「{c.text}」 raw[{c.start}:{c.end}]",
                 f"  record     {c.rule}  strength {c.strength}  modality {c.modality}  checkable {c.checkable}"]
        cue_rule = next((s.rule.split(":", 1)[1] for s in c.trail if s.rule.startswith("modality:")), None)
        for name, rule, span in (("owner", c.owner_rule, c.owner_span), ("deadline", c.deadline_rule, c.deadline_span),
                                 ("cue", cue_rule, c.cue_span),
                                 ("frequency", None, c.frequency_span)):
            value = getattr(c, name, None) if name != "cue" else c.modality
            if value is None and rule is None:
                continue
            if isinstance(value, dict):
                value = value.get("end") or value.get("kind") or value.get("count")
            src = f" ← 「{raw[span[0]:span[1]]}」 raw[{span[0]}:{span[1]}]" if span else ""
            lines.append(f"  {name:10} {value} ({rule}){src}")
        for m, span in zip(c.metrics, c.metric_spans):
            src = f" ← 「{raw[span[0]:span[1]]}」 raw[{span[0]}:{span[1]}]" if span else ""
            lines.append(f"  metric     {m.get('op')} {m.get('value')} {m.get('unit')}{src}")
        lines.append("  trail:")
        lines += [f"    {s}" for s in c.trail]
        return "\n".join(lines)


def _explain_rejection(r, raw: str) -> str:
    lines = [f"not a commitment: 「{r.text}」 raw[{r.start}:{r.end}]",
             f"  rejected at stage {r.stage} by rule {r.rule}"]
    if r.trail:
        lines.append("  trail:")
        lines += [f"    {s}" for s in r.trail]
    return "\n".join(lines)
