"""Score commitment records against gold records, by the spec's matching (section 5 of
``../shared/spec/commitments.md``): gold and predicted records of one document are paired one
to one, best first, by the Dice overlap of their raw character ranges (at least 0.5); then
precision, recall and F1 of commitments and of checkable commitments, and the share of paired
records whose deadline end, owner, metrics and strength agree. Gold files may carry scope
lines (``{"doc_id": D, "scope": [start, end]}``): predictions outside every scope of D are
not counted.

>>> gold = [{"doc_id": "d", "start": 0, "end": 10, "checkable": True, "owner": "县交通局",
...          "deadline": {"end": "2021-06-30"}, "metrics": [], "strength": "medium"}]
>>> pred = [{"doc_id": "d", "start": 1, "end": 10, "checkable": True, "owner": "县交通局",
...          "deadline": {"end": "2021-06-30"}, "metrics": [], "strength": "strong"}]
>>> s = score(gold, pred)
>>> s["f1"], s["deadline"], s["strength"]
(1.0, 1.0, 0.0)
"""
from __future__ import annotations

import json
from pathlib import Path

__all__ = ["score", "read_records", "pair", "DICE_MIN"]

DICE_MIN = 0.5


def read_records(path) -> list[dict]:
    """Records of a JSON Lines file, or of every ``*.jsonl`` file in a folder."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    out = []
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    return out


def _dice(a, b) -> float:
    overlap = min(a["end"], b["end"]) - max(a["start"], b["start"])
    if overlap <= 0:
        return 0.0
    return 2 * overlap / ((a["end"] - a["start"]) + (b["end"] - b["start"]))


def pair(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one pairs, best overlap first (pairs below ``DICE_MIN`` are not made)."""
    cands = sorted(((d, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                    if (d := _dice(g, p)) >= DICE_MIN), key=lambda c: (-c[0], c[1], c[2]))
    used_g, used_p, out = set(), set(), []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i), used_p.add(j)
            out.append((gold[i], pred[j]))
    return out


def _squash(s) -> str:
    return "".join((s or "").split())


def _num_eq(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))


def _metric_found(gm, pms) -> bool:
    return any(_num_eq(gm.get("value"), pm.get("value")) and _squash(gm.get("unit")) == _squash(pm.get("unit"))
               for pm in pms)


def _prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold_records: list[dict], pred_records: list[dict]) -> dict:
    """Figures of ``pred_records`` against ``gold_records`` (documents without gold are ignored)."""
    scopes: dict[str, list] = {}
    gold_by: dict[str, list] = {}
    for r in gold_records:
        if "scope" in r:
            scopes.setdefault(r["doc_id"], []).append(r["scope"])
        else:
            gold_by.setdefault(r["doc_id"], []).append(r)
    n = {"gold": 0, "pred": 0, "tp": 0, "gold_ck": 0, "pred_ck": 0, "tp_ck": 0}
    checks: dict[str, list[bool]] = {k: [] for k in ("deadline", "deadline_invented", "owner", "metric", "strength")}
    per_doc = {}
    for doc, gold in gold_by.items():
        pred = [p for p in pred_records if p.get("doc_id") == doc]
        if doc in scopes:
            pred = [p for p in pred if any(min(p["end"], e) > max(p["start"], s) for s, e in scopes[doc])]
        pairs = pair(gold, pred)
        ck = pair([g for g in gold if g.get("checkable")], [p for p in pred if p.get("checkable")])
        n["gold"] += len(gold)
        n["pred"] += len(pred)
        n["tp"] += len(pairs)
        n["gold_ck"] += sum(bool(g.get("checkable")) for g in gold)
        n["pred_ck"] += sum(bool(p.get("checkable")) for p in pred)
        n["tp_ck"] += len(ck)
        per_doc[doc] = _prf(len(pairs), len(pred), len(gold))
        for g, p in pairs:
            ge, pe = (g.get("deadline") or {}).get("end"), (p.get("deadline") or {}).get("end")
            if ge:
                checks["deadline"].append(ge == pe)
            else:
                checks["deadline_invented"].append(bool(pe))
            if g.get("owner"):
                go, po = _squash(g["owner"]), _squash(p.get("owner"))
                checks["owner"].append(bool(po) and (go in po or po in go))
            if g.get("metrics"):
                checks["metric"].append(all(_metric_found(m, p.get("metrics") or []) for m in g["metrics"]))
            checks["strength"].append(g.get("strength") == p.get("strength"))
    p, r, f = _prf(n["tp"], n["pred"], n["gold"])
    pc, rc, fc = _prf(n["tp_ck"], n["pred_ck"], n["gold_ck"])
    out = {"documents": len(gold_by), "gold": n["gold"], "predicted": n["pred"], "matched": n["tp"],
           "precision": p, "recall": r, "f1": f, "checkable_precision": pc, "checkable_recall": rc,
           "checkable_f1": fc, "per_doc": per_doc}
    for k, v in checks.items():
        out[k] = sum(v) / len(v) if v else None
        out[k + "_n"] = len(v)
    return out
