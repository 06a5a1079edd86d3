"""Compare the speeches of a chain: what became of each commitment, and how the next report restates it.

Small modules, each with its rules in data:

* :mod:`.review`  where a report's review of the past ends and its plan begins, and the period each
  review passage covers (``data/review.yaml``);
* :mod:`.judge`   judging conventions: a reported figure against a target, a target against the
  next one (``data/judging.yaml``);
* :mod:`.targets` a commitment read as a target: indicators, numbers, direction, due year;
* :mod:`.link`    text matching for commitments without an indicator (``data/linking.yaml``);
* :mod:`.model`   :class:`Link` (one verdict, evidence on both sides) and :class:`Report` (a speech read once);
* :mod:`.outcome` the outcome verdict, from the review part of the report that judges it;
* :mod:`.restate` the restatement verdict, from the next report's plan;
* :mod:`.chain`   both verdicts of every commitment, for a pair or a chain;
* :mod:`.table`   the publishable table (:func:`ledger`) and the researchers' panel (:func:`panel`).

Importing this package is light: the modules load on first use.
"""
from __future__ import annotations

import importlib

__all__ = ["Link", "compare", "compare_chain", "judge", "ledger", "panel", "STATUSES", "OUTCOME_STATUSES",
           "OUTCOME_REASONS", "RESTATEMENT_STATUSES", "LEDGER_COLUMNS"]

_WHERE = {"Link": "chain", "compare_chain": "chain", "STATUSES": "chain", "OUTCOME_STATUSES": "chain",
          "OUTCOME_REASONS": "chain", "RESTATEMENT_STATUSES": "chain", "judge": "judge", "ledger": "table",
          "panel": "table", "LEDGER_COLUMNS": "table"}


def compare(a, b, **kw):
    """Links of the commitments of speech ``a`` against the later speech ``b``
    (:func:`speechkit.compare.chain.compare`): an outcome and a restatement link for each.

    >>> from speechkit.io import Speech
    >>> a = Speech.from_text("确保滨江大道6月底前全线通车。", doc_id="a", date="2021-02-20")
    >>> b = Speech.from_text("一、2021年工作回顾\\n滨江大道提前全线通车。", doc_id="b", date="2022-02-16")
    >>> [(l.kind, l.status, l.b_text) for l in compare(a, b)]
    [('outcome', 'met', '滨江大道提前全线通车'), ('restatement', 'dropped', None)]
    """
    from .chain import compare as _compare

    return _compare(a, b, **kw)


def __getattr__(name):
    mod = _WHERE.get(name)
    if mod is None:
        raise AttributeError(f"module 'speechkit.compare' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{mod}", __name__), name)
    globals()[name] = value
    return value
