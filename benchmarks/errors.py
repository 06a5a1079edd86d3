"""Extraction errors by category, for reading (not a score: see eval_commitments.py).

Pairs predicted and gold records with the scorer's matching (``../shared/eval/score.py``)
and prints each disagreement under its category, with the rules that made the record:

    missed      gold record with no predicted record overlapping it
    boundary    gold record overlapped by predictions that do not match it (split / merged / cut)
    spurious    predicted record overlapping no gold record
    checkable   matched, checkable differs
    deadline    matched, gold end differs (or invented)
    owner       matched, owner differs
    metric      matched, a gold metric not found

    python benchmarks/errors.py [--gold DIR] [--docs ID ...] [--only CATEGORY ...] [--counts]

``--gold`` defaults to ../shared/gold; any folder of gold JSONL in the spec's format works
(the documents are looked up in ../shared/corpus and ../shared/seeds).
"""
import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import SHARED, doc_path, read_all, require_shared  # noqa: E402

CATS = ("missed", "boundary", "spurious", "checkable", "deadline", "owner", "metric")


def _scorer():
    sys.path.insert(0, str(SHARED / "eval"))
    import score  # noqa: E402

    return score


def load_gold(folder: Path, docs=None):
    gold, scopes = defaultdict(list), defaultdict(list)
    for f in sorted(folder.glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            if docs and r["doc_id"] not in docs:
                continue
            (scopes if "scope" in r else gold)[r["doc_id"]].append(tuple(r["scope"]) if "scope" in r else r)
    return gold, scopes


def _paths(doc_ids):
    return [p for p in map(doc_path, doc_ids) if p is not None]


def categorize(gold, pred, sc):
    """(category, gold record or None, predicted record or None) for every disagreement."""
    out = []
    pairs = sc.pair(gold, pred)
    mg = {id(g) for g, _ in pairs}
    mp = {id(p) for _, p in pairs}
    for g in gold:
        if id(g) in mg:
            continue
        over = [p for p in pred if sc.dice(g, p) > 0]
        out.append(("boundary" if over else "missed", g, over[0] if over else None))
    for p in pred:
        if id(p) not in mp and not any(sc.dice(g, p) > 0 for g in gold):
            out.append(("spurious", None, p))
    for g, p in pairs:
        if bool(g.get("checkable")) != bool(p.get("checkable")):
            out.append(("checkable", g, p))
        ge, pe = sc.deadline_end(g), sc.deadline_end(p)
        if (ge and ge != pe) or (not ge and pe):
            out.append(("deadline", g, p))
        if g.get("owner") and not sc.owner_ok(g.get("owner"), p.get("owner")):
            out.append(("owner", g, p))
        if g.get("metrics") and not all(sc.metric_match(m, p.get("metrics") or []) for m in g["metrics"]):
            out.append(("metric", g, p))
    return out


def _show(cat, g, p, prov, raw):
    def brief(r):
        if r is None:
            return "-"
        d = (r.get("deadline") or {})
        return (f"[{r['start']}:{r['end']}] {r.get('text', raw[r['start']:r['end']])[:70]!r} ck={r.get('checkable')} owner={r.get('owner')!r} "
                f"dl={d.get('end') or d.get('kind')} m={[(m.get('value'), m.get('unit'), m.get('op')) for m in r.get('metrics') or []]}")
    print(f"  {cat:9} gold {brief(g)}")
    if p is not None:
        print(f"  {'':9} pred {brief(p)}  rules={prov.get((p['start'], p['end']), '')}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=None)
    ap.add_argument("--docs", nargs="*")
    ap.add_argument("--only", nargs="*", choices=CATS)
    ap.add_argument("--counts", action="store_true", help="only the counts per document and category")
    a = ap.parse_args()
    require_shared()
    from speechkit import Extractor

    sc = _scorer()
    gold, scopes = load_gold(Path(a.gold) if a.gold else SHARED / "gold", set(a.docs or []) or None)
    ex = Extractor()
    totals = Counter()
    for sp in read_all(_paths(sorted(gold))):
        res = ex.extract(sp)
        pred = [dict(c.to_dict()) for c in res]
        prov = {(c.start, c.end): f"{c.rule}|owner:{c.owner_rule}|dl:{c.deadline_rule}|ck:" +
                ",".join(s.rule for s in c.trail if s.stage == "checkable") for c in res}
        pred = [p for p in pred if sc.in_scope(p, scopes.get(sp.doc_id))]
        errs = categorize(gold[sp.doc_id], pred, sc)
        cnt = Counter(c for c, _, _ in errs)
        totals.update(cnt)
        print(f"== {sp.doc_id}: gold {len(gold[sp.doc_id])} pred {len(pred)}  " +
              " ".join(f"{k} {cnt[k]}" for k in CATS))
        if a.counts:
            continue
        for cat, g, p in sorted(errs, key=lambda e: (CATS.index(e[0]), (e[1] or e[2])["start"])):
            if a.only and cat not in a.only:
                continue
            _show(cat, g, p, prov, sp.raw)
    print("total: " + " ".join(f"{k} {totals[k]}" for k in CATS))


if __name__ == "__main__":
    main()
