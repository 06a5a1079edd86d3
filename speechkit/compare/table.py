"""The target ledger an analyst can publish, and the researchers' panel.

:func:`ledger` gives one row per commitment of every speech of every chain (the last report
included) with both verdicts, both quotes and their raw offsets; :func:`panel` one row per report
and indicator.

>>> from speechkit.io import Speech
>>> a = Speech.from_text("今年主要预期目标是：城镇新增就业3500人以上。", doc_id="a", date="2021-02-20", kind="gwr")
>>> b = Speech.from_text("一、2021年工作回顾\\n过去一年，城镇新增就业3860人。", doc_id="b", date="2022-02-16", kind="gwr")
>>> led = ledger([a, b], as_of="2022-12-31")
>>> led[["text", "outcome_status", "outcome_reason", "outcome_text", "restatement_status"]].values.tolist()
[['城镇新增就业3500人以上', 'met', 'exceeded', '城镇新增就业3860人', 'dropped']]
"""
from __future__ import annotations

import datetime as dt

from ..rules.indicators import indicators
from .chain import compare_chain

__all__ = ["ledger", "panel", "LEDGER_COLUMNS", "chains_of"]

LEDGER_COLUMNS = (
    "doc_id", "start", "end", "text", "indicator", "owner", "year",
    "outcome_status", "outcome_reason", "outcome_part", "outcome_doc", "outcome_start", "outcome_end", "outcome_text",
    "target_value", "target_value_hi", "target_op", "target_unit", "outcome_value", "outcome_op", "outcome_unit",
    "period_start", "period_end", "tolerance", "rule", "link_method", "score",
    "restatement_status", "restatement_reason", "restatement_doc", "restatement_start", "restatement_end",
    "restatement_text", "days_overdue")


def chains_of(speeches) -> dict[str, list]:
    """Speeches grouped by the manifest's ``chain``; when none has one, all of them form one chain
    (speeches without a chain among others that have one are left out)."""
    speeches = list(speeches)
    if not any((s.meta or {}).get("chain") for s in speeches):
        return {"chain": speeches} if speeches else {}
    out: dict[str, list] = {}
    for s in speeches:
        key = (s.meta or {}).get("chain")
        if key:
            out.setdefault(key, []).append(s)
    return out


def all_links(speeches, extractor=None, extractions=None) -> list:
    links = []
    for _, chain in sorted(chains_of(speeches).items()):
        links.extend(compare_chain(chain, extractor=extractor, extractions=extractions))
    return links


def _pairs(links):
    """(outcome link, restatement link) of each commitment, in order."""
    out, at = [], {}
    for l in links:
        k = id(l.commitment)
        if k not in at:
            at[k] = len(out)
            out.append([None, None])
        out[at[k]][0 if l.kind == "outcome" else 1] = l
    return out


def _overdue(t, o, as_of) -> int | None:
    end = (t.c.deadline or {}).get("end")
    if as_of is None or not t.one_off or not end or o.status == "met":
        return None
    d = dt.date.fromisoformat(end)
    return (as_of - d).days if d < as_of else None


def _row(o, r, as_of) -> dict:
    t, c = o.about, o.commitment
    tm, rm = o.target or {}, o.reported or {}
    return {
        "doc_id": o.a_doc, "start": o.a_start, "end": o.a_end, "text": o.a_text, "indicator": t.key,
        "owner": c.owner, "year": t.year,
        "outcome_status": o.status, "outcome_reason": o.reason, "outcome_part": o.part, "outcome_doc": o.b_doc,
        "outcome_start": o.b_start, "outcome_end": o.b_end, "outcome_text": o.b_text,
        "target_value": tm.get("value"), "target_value_hi": tm.get("value_hi"), "target_op": tm.get("op"),
        "target_unit": tm.get("unit"), "outcome_value": rm.get("value") if o.b_doc else None,
        "outcome_op": rm.get("op") if o.b_doc else None, "outcome_unit": rm.get("unit") if o.b_doc else None,
        "period_start": o.period_start, "period_end": o.period_end, "tolerance": o.tolerance, "rule": o.rule,
        "link_method": o.method, "score": o.score,
        "restatement_status": r.status if r else None, "restatement_reason": r.reason if r else None,
        "restatement_doc": r.b_doc if r else None, "restatement_start": r.b_start if r else None,
        "restatement_end": r.b_end if r else None, "restatement_text": r.b_text if r else None,
        "days_overdue": _overdue(t, o, as_of),
    }


def ledger(speeches, as_of=None, *, extractor=None, links: list | None = None, extractions: dict | None = None,
           checkable_only: bool = False):
    """One row per commitment of every speech of every chain (``LEDGER_COLUMNS``), the last report included.

    Chains come from the manifest's ``chain`` column (speeches without one form one chain when none
    has one). ``links`` reuses links already made (:func:`~speechkit.compare.chain.compare_chain`);
    ``days_overdue`` counts, for one-off deliverables past their date and not met, the days from the
    deadline to ``as_of`` (a date you give: there is no default clock). ``checkable_only`` keeps the
    checkable commitments only.

    >>> from speechkit.io import Speech
    >>> a = Speech.from_text("确保城西大桥9月底前建成通车。", doc_id="a", date="2021-02-20", kind="gwr")
    >>> b = Speech.from_text("一、2021年工作回顾\\n城西大桥受汛期影响尚未建成。\\n二、2022年工作安排\\n确保城西大桥6月底前建成通车。",
    ...                      doc_id="b", date="2022-02-16", kind="gwr")
    >>> led = ledger([a, b], as_of="2022-12-31")
    >>> led[["doc_id", "outcome_status", "restatement_status", "days_overdue"]].values.tolist()
    [['a', 'not_met', 'slipped', 457], ['b', 'not_assessed', 'slipped', 184]]
    """
    import pandas as pd

    if links is None:
        links = all_links(speeches, extractor, extractions)
    as_of = dt.date.fromisoformat(str(as_of)) if as_of else None
    rows = [_row(o, r, as_of) for o, r in _pairs(links) if o is not None
            and (not checkable_only or o.commitment.checkable)]
    df = pd.DataFrame(rows, columns=list(LEDGER_COLUMNS))
    ints = ("start", "end", "year", "outcome_start", "outcome_end", "restatement_start", "restatement_end",
            "days_overdue")
    return df.astype({c: "Int64" for c in ints})  # offsets stay integers where a row has none


def panel(speeches, *, extractor=None, links: list | None = None, extractions: dict | None = None):
    """Researchers' panel: body × year × indicator × target × op × reported value × status.

    One row per report and indicator: its target-list record if it has one, else the first with a
    number. A report that sets targets but no longer this indicator gets a row with no target and
    status ``dropped``.

    >>> from speechkit.io import Speech
    >>> a = Speech.from_text("今年全县主要预期目标为：地区生产总值增长7%-7.5%；城镇新增就业4000人以上。", doc_id="a",
    ...                      date="2019-03-05", kind="gwr")
    >>> b = Speech.from_text("一、2019年工作回顾\\n过去一年，地区生产总值增长7.2%。\\n二、2020年工作安排\\n"
    ...                      "今年全县主要预期目标为：城镇新增就业3800人以上。", doc_id="b", date="2020-05-22", kind="gwr")
    >>> panel([a, b])[["year", "indicator", "target", "reported", "status"]].values.tolist()
    [[2019, 'gdp_growth', 7.0, 7.2, 'met'], [2020, 'gdp_growth', nan, nan, 'dropped'], [2019, 'urban_new_jobs', 4000.0, nan, 'not_assessed'], [2020, 'urban_new_jobs', 3800.0, nan, 'not_assessed']]
    """
    import pandas as pd

    if links is None:
        links = all_links(speeches, extractor, extractions)
    info = {s.doc_id: s for s in speeches}
    labels = {k: i.label for k, i in indicators().items()}
    chosen: dict[tuple, tuple] = {}
    for o, r in _pairs(links):
        t = o.about
        if not t.key or not t.in_plan or t.multi_year:
            continue
        rank = (t.c.rule != "target-list", t.key not in t.metrics)
        k = (o.a_doc, t.key)
        if k not in chosen or rank < chosen[k][0]:
            chosen[k] = (rank, o, r)
    rows = []
    for (doc, key), (_, o, r) in chosen.items():
        rows.append(_panel_row(info.get(doc), doc, key, labels.get(key), o, r))
        if r is not None and r.status == "dropped" and r.a_doc == doc:
            nxt = _next_doc(info, doc)
            if nxt is not None and (nxt.doc_id, key) not in chosen:
                rows.append({**_panel_row(nxt, nxt.doc_id, key, labels.get(key), None, None), "status": "dropped"})
    cols = ["body", "doc_id", "year", "indicator", "label", "target", "target_hi", "op", "unit", "reported", "status",
            "next", "a_text"]
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values(["body", "indicator", "year"], kind="stable").reset_index(drop=True)


def _next_doc(info, doc):
    s = info.get(doc)
    if s is None or s.date is None:
        return None
    chain = (s.meta or {}).get("chain")
    later = [x for x in info.values() if x.date and x.date > s.date and (x.meta or {}).get("chain") == chain]
    return min(later, key=lambda x: x.date) if later else None


def _panel_row(s, doc, key, label, o, r) -> dict:
    body = ((s.meta or {}).get("organ") or (s.meta or {}).get("chain")) if s is not None else None
    tm = (o.target or {}) if o else {}
    return {"body": body, "doc_id": doc, "year": s.date.year if s is not None and s.date else None,
            "indicator": key, "label": label, "target": tm.get("value"), "target_hi": tm.get("value_hi"),
            "op": tm.get("op"), "unit": tm.get("unit"),
            "reported": (o.reported or {}).get("value") if o and o.b_doc else None,
            "status": o.status if o else None, "next": r.status if r else None, "a_text": o.a_text if o else None}
