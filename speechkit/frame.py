"""Commitment records ↔ pandas DataFrames, JSON Lines, CSV and Parquet."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from .commitment import Commitment

__all__ = ["to_frame", "write_records", "FRAME_COLUMNS"]

FRAME_COLUMNS = ["doc_id", "start", "end", "text", "modality", "strength", "owner", "action",
                 "deadline_text", "deadline_kind", "deadline_start", "deadline_end",
                 "metric_text", "metric_value", "metric_value_hi", "metric_unit", "metric_op", "n_metrics",
                 "frequency_text", "frequency_count", "frequency_per", "frequency_op",
                 "checkable", "conditional", "addressee", "change", "indicator_type", "rule", "owner_rule", "deadline_rule"]


def _row(c: Commitment) -> dict:
    d = c.deadline or {}
    m = c.metrics[0] if c.metrics else {}
    f = c.frequency or {}
    return {
        "doc_id": c.doc_id, "start": c.start, "end": c.end, "text": c.text, "modality": c.modality,
        "strength": c.strength, "owner": c.owner, "action": c.action,
        "deadline_text": d.get("text"), "deadline_kind": d.get("kind"),
        "deadline_start": d.get("start"), "deadline_end": d.get("end"),
        "metric_text": m.get("text"), "metric_value": m.get("value"), "metric_value_hi": m.get("value_hi"),
        "metric_unit": m.get("unit"), "metric_op": m.get("op"), "n_metrics": len(c.metrics),
        "frequency_text": f.get("text"), "frequency_count": f.get("count"), "frequency_per": f.get("per"),
        "frequency_op": f.get("op"), "checkable": c.checkable, "conditional": c.conditional,
        "addressee": c.addressee, "change": c.change, "indicator_type": c.indicator_type, "rule": c.rule,
        "owner_rule": c.owner_rule, "deadline_rule": c.deadline_rule,
    }


def to_frame(commitments: Iterable[Commitment], speeches=None):
    """One row per commitment: deadlines as dates, the first metric flattened (``n_metrics`` counts them).

    With ``speeches`` (a :class:`~speechkit.io.Speech`, or a mapping or list of them), records of a
    PDF get a ``page`` column and records of a Word or HTML file a ``paragraph`` column
    (:meth:`~speechkit.io.Speech.locate` of the record's start).

    >>> from speechkit import extract
    >>> df = extract("确保年内完成搬迁。", date="2021-03-01").to_frame()
    >>> df.loc[0, "deadline_end"].isoformat(), bool(df.loc[0, "checkable"])
    ('2021-12-31', True)
    """
    import pandas as pd

    df = pd.DataFrame([_row(c) for c in commitments], columns=FRAME_COLUMNS)
    for col in ("deadline_start", "deadline_end"):
        df[col] = pd.to_datetime(df[col], errors="coerce").dt.date
    df["metric_value"] = pd.to_numeric(df["metric_value"], errors="coerce")
    df["metric_value_hi"] = pd.to_numeric(df["metric_value_hi"], errors="coerce")
    if speeches is not None and len(df):
        _add_locations(df, speeches)
    return df


def _add_locations(df, speeches) -> None:
    if hasattr(speeches, "raw"):
        speeches = [speeches]
    by_id = dict(speeches) if isinstance(speeches, dict) else {s.doc_id: s for s in speeches}
    places = [by_id[d].locate(s) if d in by_id else {} for d, s in zip(df["doc_id"], df["start"])]
    for unit in ("page", "paragraph"):
        if any(unit in p for p in places):
            df[unit] = [p.get(unit) for p in places]
            df[unit] = df[unit].astype("Int64")


def write_records(commitments: list[Commitment], path, fmt: str = "jsonl") -> None:
    """Write records as JSON Lines (the spec's objects), CSV or Parquet (the frame)."""
    path = Path(path)
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as f:
            for c in commitments:
                f.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        to_frame(commitments).to_csv(path, index=False)
    elif fmt == "parquet":
        to_frame(commitments).to_parquet(path, index=False)
    else:
        raise ValueError(f"unknown format {fmt!r} (jsonl, csv or parquet)")
