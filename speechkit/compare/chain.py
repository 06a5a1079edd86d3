"""Two verdicts for every commitment of a chain of reports: its outcome and its restatement.

* **outcome** (``met`` / ``partly_met`` / ``not_met`` / ``not_assessed``): judged on the review
  part of the report that reviews the commitment's due year (the next report for this year's
  targets; for 「今明两年」, 三年行动, 「到2025年」 and five-year targets the report after their last
  year; before that ``not_assessed``, reason ``not yet due``). ``not_assessed`` reasons:
  ``not yet due``, ``no later report``, ``not reported``, ``ambiguous``; ``met`` may carry
  ``exceeded``; ``partly_met`` names the part met.
* **restatement** (``restated`` / ``tightened`` / ``loosened`` / ``raised`` / ``lowered`` /
  ``slipped`` / ``dropped``): what the next report's plan does with it; for the last report of a
  chain, how it stands to the report before (``new`` when that report did not set it).

>>> from speechkit.io import Speech
>>> a = Speech.from_text("今年主要预期目标是：城镇新增就业3500人以上；城镇登记失业率4%以内。", doc_id="a",
...                      date="2021-02-20", kind="gwr")
>>> b = Speech.from_text("一、2021年工作回顾\\n过去一年，城镇新增就业3860人，城镇登记失业率3.2%。\\n二、2022年工作安排\\n"
...                      "今年主要预期目标是：城镇新增就业3600人以上。", doc_id="b", date="2022-02-16", kind="gwr")
>>> [(l.kind, l.a_text, l.status, l.reason, l.b_text) for l in compare(a, b)]  # doctest: +NORMALIZE_WHITESPACE
[('outcome', '城镇新增就业3500人以上', 'met', 'exceeded', '城镇新增就业3860人'),
 ('restatement', '城镇新增就业3500人以上', 'tightened', '3500人以上 → 3600人以上', '城镇新增就业3600人以上'),
 ('outcome', '城镇登记失业率4%以内', 'met', None, '城镇登记失业率3.2%'),
 ('restatement', '城镇登记失业率4%以内', 'dropped', 'b does not set it again', None)]
"""
from __future__ import annotations

import datetime as dt

from .model import OUTCOME_REASONS, OUTCOME_STATUSES, RESTATEMENT_STATUSES, STATUSES, Link, Report
from .outcome import outcome_link
from .restate import restatement_link

__all__ = ["Link", "Report", "compare", "compare_chain", "links_of", "reports_of", "OUTCOME_STATUSES",
           "OUTCOME_REASONS", "RESTATEMENT_STATUSES", "STATUSES"]


def _order(speeches) -> list:
    return sorted(speeches, key=lambda s: (s.date is None, s.date or dt.date.min, s.doc_id or ""))


def reports_of(speeches, extractor=None, extractions: dict | None = None) -> list[Report]:
    """The speeches in date order, each read once (``extractions``: doc_id → Extraction already made)."""
    from ..extractor import Extractor

    ex = extractor
    done = extractions or {}
    memory: dict = {}
    out = []
    for s in _order(speeches):
        e = done.get(s.doc_id)
        if e is None:
            ex = ex or Extractor()
            e = ex.extract(s)
        out.append(Report(s, e, memory))
    return out


def compare_chain(speeches, *, extractor=None, extractions: dict | None = None) -> list[Link]:
    """An outcome and a restatement link for every commitment of every speech of one chain, in date
    order (speeches without a date last).

    >>> from speechkit.io import Speech
    >>> a = Speech.from_text("确保滨江大道6月底前全线通车。", doc_id="a", date="2021-02-20")
    >>> b = Speech.from_text("一、2021年工作回顾\\n滨江大道提前全线通车。", doc_id="b", date="2022-02-16")
    >>> [(l.kind, l.status, l.b_text) for l in compare_chain([b, a]) if l.a_doc == "a"]
    [('outcome', 'met', '滨江大道提前全线通车'), ('restatement', 'dropped', None)]
    """
    return links_of(reports_of(speeches, extractor, extractions))


def compare(a, b, *, extractor=None, a_extraction=None, b_extraction=None) -> list[Link]:
    """Links of the commitments of speech ``a`` against the later speech ``b``."""
    done = {k: v for k, v in ((a.doc_id, a_extraction), (b.doc_id, b_extraction)) if v is not None}
    reports = reports_of([a, b], extractor, done)
    return [l for l in links_of(reports) if l.a_doc == a.doc_id]


def links_of(reports: list[Report]) -> list[Link]:
    out = []
    for i, r in enumerate(reports):
        for t in r.targets:
            o = outcome_link(t, reports, i)
            out.append(o)
            out.append(restatement_link(t, reports, i, o.status))
    return out
