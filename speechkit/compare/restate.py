"""The restatement verdict of a target: what the next report's plan does with it (for the last report
of a chain, how it stands to the report before).
"""
from __future__ import annotations

from .judge import compare_targets
from .model import Link, Report
from .model import base_link as _base
from .outcome import link_text
from .targets import linking

__all__ = ["restatement_link", "match", "restate"]


def restatement_link(t, reports, i, outcome_status: str) -> Link:
    if i == len(reports) - 1:
        if i == 0:
            return _base(t, "restatement", "new", "no other report in its chain")
        prev = reports[i - 1]
        got = match(t, prev, reports[i])
        if got is None:
            return _base(t, "restatement", "new", f"{prev.doc_id} did not set it",
                         evidence=[f"no commitment of {prev.doc_id} sets it; no later report"])
        m, method, score = got
        status, why = restate(m, t, None)
        return _linked(t, prev, m, status, f"{why} (against the earlier report {prev.doc_id}; no later report)",
                       method, score)
    last = reports[i + 1]
    for r in reports[i + 1:]:
        if r is not reports[i + 1] and (r.reviewed is None or t.due is None or r.year > t.due):
            break
        got = match(t, r, reports[i])
        if got:
            m, method, score = got
            status, why = restate(t, m, outcome_status)
            return _linked(t, r, m, status, why, method, score)
        last = r
        if not t.multi_year:
            break
    return _base(t, "restatement", "dropped", f"{last.doc_id} does not set it again",
                 evidence=[f"no commitment of {last.doc_id} sets it again"])


def _linked(t, r, m, status, why, method, score) -> Link:
    link = _base(t, "restatement", status, why, method=method, score=score,
                 evidence=[f"set again in {r.doc_id} ({method}" + (f" {score:.2f})" if method == "text" else ")"), why])
    link.b_doc, link.b_start, link.b_end, link.b_text = r.doc_id, m.c.start, m.c.end, m.c.text
    link.reported = m.metrics.get(t.key) if t.key else m.metric
    return link


def match(t, r: Report, own: Report):
    """``(target of r, method, score)`` that sets ``t`` again in ``r``'s plan, else ``None``."""
    if t.key:
        cands = r.plan_for(t.key)
        if cands:
            best = min(cands, key=lambda m: (m.multi_year != t.multi_year, m.c.rule != "target-list",
                                             t.key not in m.metrics, m.index))
            return best, "indicator", 1.0
    lk = linking()
    hit = r.plan_index().best(link_text(t, own), lk["min_restatement"], lk["min_run"],
                              allowed=lambda j: r.plan[j].key in (None, t.key),
                              min_cover=lk["min_cover_restatement"], min_shared=lk["min_shared"])
    if hit is None:
        return None
    return r.plan[hit[0]], "text", hit[1]


def restate(a, b, a_outcome: str | None) -> tuple[str, str]:
    """Status of ``b`` (a later target) restating ``a``."""
    da, db = (a.c.deadline or {}).get("end"), (b.c.deadline or {}).get("end")
    if a.one_off and da and db and db > da and a_outcome != "met":
        return "slipped", f"deadline {da} → {db}"
    am = a.metrics.get(a.key) if a.key else a.metric
    bm = b.metrics.get(a.key) if a.key else b.metric
    if a.relation and not b.relation and not bm:
        return "loosened", "the relation to another growth is dropped"
    if b.relation and not a.relation and not am:
        return "tightened", "tied to another growth"
    if linking()["stopped"].search(b.text):
        return "dropped", f"{b.doc_id} stops it"
    if am or bm:
        return compare_targets(am, bm, a.base_direction)
    return "restated", "set again"
