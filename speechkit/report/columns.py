"""The ledger's columns as the site shows them, tolerant of the ledger's versions.

Each shown column lists the source columns it can come from, newest name
first (the redesigned ledger's ``outcome_status`` before today's ``status``);
a column none of whose sources exists is left out, so the site renders what
the ledger it is given has.

>>> import pandas as pd
>>> old = pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [5], "text": ["要完成"], "status": ["met"]})
>>> [c.key for c in ledger_columns(old)]
['text', 'status']
>>> value(old.iloc[0], STATUS)
'met'
"""
from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Column", "LEDGER", "STATUS", "ledger_columns", "value", "STATUS_LABELS"]

STATUS_LABELS = {"met": "完成", "partly_met": "部分完成", "not_met": "未完成", "not_assessed": "未评估",
                 "restated": "再次提出", "raised": "提高", "lowered": "降低", "slipped": "推迟", "dropped": "未再提及",
                 "new": "新提出"}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    sources: tuple[str, ...]
    kind: str = "text"  # text, status, number, quote, target, outcome, period
    filter: bool = False
    help: str = ""


STATUS = Column("status", "结果", ("outcome_status", "status"), "status", True,
                "met / partly_met / not_met per the next report; not_assessed when it does not say")
LEDGER = [
    Column("text", "承诺", ("text",), "record", help="the commitment, linked to its place in the speech"),
    Column("indicator", "指标", ("indicator",), filter=True),
    Column("owner", "责任主体", ("owner",), filter=True),
    Column("year", "年份", ("year", "date", "deadline_end"), "year", True),
    Column("target", "目标", ("target_value", "metric_value"), "target"),
    STATUS,
    Column("outcome", "实际", ("outcome_value", "reported_value"), "outcome"),
    Column("outcome_text", "次年报告的说法", ("outcome_text", "evidence_text"), "quote"),
    Column("tolerance", "容差", ("tolerance",), "number"),
    Column("reason", "理由", ("outcome_reason",)),
    Column("restatement", "次年计划", ("restatement_status", "next"), "status", True),
    Column("restatement_text", "次年计划的说法", ("restatement_text",), "quote"),
    Column("period", "期限", ("period_end", "deadline_end"), "period"),
    Column("days_overdue", "逾期天数", ("days_overdue",), "number"),
    Column("rule", "规则", ("rule", "link_method")),
    Column("score", "相似度", ("score",), "number"),
]
# where a quote's link points: (doc, start, end) columns, newest names first
QUOTE_SOURCES = {
    "outcome_text": (("outcome_doc", "evidence_doc"), ("outcome_start", "evidence_start"), ("outcome_end", "evidence_end")),
    "restatement_text": (("restatement_doc",), ("restatement_start",), ("restatement_end",)),
}


def missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (hasattr(v, "__class__") and str(v) in ("NaT", "<NA>", "nan"))


def first(row, names) -> object:
    """The first of ``names`` the row has a value in (``None`` if none)."""
    for n in names:
        if n in row.index and not missing(row[n]):
            return row[n]
    return None


def value(row, col: Column):
    return first(row, col.sources)


def ledger_columns(frame) -> list[Column]:
    """The columns of :data:`LEDGER` that ``frame`` can fill."""
    have = set(frame.columns)
    return [c for c in LEDGER if have & set(c.sources)]
