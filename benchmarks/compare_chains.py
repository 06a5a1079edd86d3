"""Target ledgers of chains of reports, scored against hand-made gold links.

1. the national chain 2019-2025 (../shared/corpus) against benchmarks/links/gwr-national.jsonl
   (doc ids, raw offsets and statuses only): outcome-status accuracy, outcome-link precision and
   recall, restatement accuracy; gold commitments the extractor does not produce are counted apart;
2. the project's sample chain (corpus/, fictional) against corpus/links/gwr-jiangcheng.jsonl;
3. the national ledger's main targets, and the chain gwr-hailar (no gold: to be read for sense);
4. speed: `speechkit compare` against `speechkit extract` on the seven national reports.

    python benchmarks/compare_chains.py [--no-speed] [--show-errors]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import SHARED, require_shared  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "links" / "gwr-national.jsonl"
SAMPLE_GOLD = ROOT / "corpus" / "links" / "gwr-jiangcheng.jsonl"


def _read_jsonl(path):
    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    return [r for r in rows if "scope" not in r]


def _dice(a0, a1, b0, b1) -> float:
    ov = min(a1, b1) - max(a0, b0)
    return 2 * ov / ((a1 - a0) + (b1 - b0)) if ov > 0 else 0.0


def _pair(links):
    by = {}
    for l in links:
        by.setdefault(id(l.commitment), {})[l.kind] = l
    return list(by.values())


def _find(pairs, doc, a0, a1):
    """The commitment whose span overlaps the gold span most (Dice >= 0.3)."""
    best, bd = None, 0.3
    for p in pairs:
        o = p["outcome"]
        if o.a_doc == doc:
            d = _dice(a0, a1, o.a_start, o.a_end)
            if d >= bd:
                best, bd = p, d
    return best


def _same_span(doc, s, e, l) -> bool:
    return l.b_doc == doc and l.b_start is not None and min(e, l.b_end) > max(s, l.b_start)


def score(gold, links, show=None) -> dict:
    """Agreement of ``links`` with ``gold`` rows (offset gold: a_doc, a_start, a_end, b_*, r_*)."""
    pairs = _pair(links)
    n = {k: 0 for k in ("gold", "found", "status_ok", "reason_ok", "pred_links", "pred_links_ok", "gold_links",
                        "gold_links_found", "r_n", "r_ok", "r_links", "r_links_ok")}
    for g in gold:
        n["gold"] += 1
        p = _find(pairs, g["a_doc"], g["a_start"], g["a_end"])
        if p is None:
            if show:
                show("missing", g, None)
            continue
        n["found"] += 1
        o, r = p["outcome"], p.get("restatement")
        ok = o.status == g["outcome"]
        n["status_ok"] += ok
        n["reason_ok"] += ok and (o.reason or None) == (g.get("outcome_reason") or None)
        if o.b_start is not None:
            n["pred_links"] += 1
            n["pred_links_ok"] += bool(g["b_doc"]) and _same_span(g["b_doc"], g["b_start"], g["b_end"], o)
        if g["b_doc"]:
            n["gold_links"] += 1
            n["gold_links_found"] += _same_span(g["b_doc"], g["b_start"], g["b_end"], o)
        if show and (not ok or (o.b_start is not None and not (g["b_doc"] and _same_span(
                g["b_doc"], g["b_start"], g["b_end"], o)))):
            show("outcome", g, o)
        if g.get("restatement") and g.get("restatement_sure", True) and r is not None:
            n["r_n"] += 1
            n["r_ok"] += r.status == g["restatement"]
            if r.b_start is not None:
                n["r_links"] += 1
                n["r_links_ok"] += bool(g.get("r_doc")) and _same_span(g["r_doc"], g["r_start"], g["r_end"], r)
            if show and r.status != g["restatement"]:
                show("restatement", g, r)
    return n


def report(name, n):
    f = lambda a, b: f"{n[a]}/{n[b]} = {n[a] / n[b]:.3f}" if n[b] else f"{n[a]}/0"  # noqa: E731
    print(f"{name}: {n['gold']} gold commitments, {n['found']} extracted ({n['gold'] - n['found']} not extracted)")
    print(f"  outcome status accuracy     {f('status_ok', 'found')}   (status and reason: {f('reason_ok', 'found')})")
    print(f"  outcome link precision      {f('pred_links_ok', 'pred_links')}")
    print(f"  outcome link recall         {f('gold_links_found', 'gold_links')}")
    print(f"  restatement status accuracy {f('r_ok', 'r_n')}   (link precision {f('r_links_ok', 'r_links')})")


def _shower(texts):
    def show(kind, g, l):
        a = texts[g["a_doc"]][g["a_start"]:g["a_end"]]
        if l is None:
            print(f"  [not extracted] {g['a_doc']} {a}")
            return
        want = g["outcome"] if kind == "outcome" else g["restatement"]
        ev = texts[g["b_doc"]][g["b_start"]:g["b_end"]] if kind == "outcome" and g["b_doc"] else None
        print(f"  [{kind}] {g['a_doc'][-4:]} {a[:24]!s:24} gold {want}/{g.get('outcome_reason')} "
              f"{(ev or '')[:16]!s:16} | got {l.status}/{l.reason} {l.rule} {(l.b_text or '')[:24]}")
    return show


def national(show_errors: bool):
    from speechkit import read_corpus
    from speechkit.compare import compare_chain

    corpus = [s for s in read_corpus(SHARED / "corpus", manifest=SHARED / "corpus" / "manifest.csv")
              if (s.meta or {}).get("chain") == "gwr-national"]
    links = compare_chain(corpus)
    texts = {s.doc_id: s.raw for s in corpus}
    n = score(_read_jsonl(GOLD), links, _shower(texts) if show_errors else None)
    report("chain gwr-national 2019-2025", n)
    return corpus, links


def sample(show_errors: bool):
    from speechkit import read_corpus
    from speechkit.compare import compare_chain

    corpus = read_corpus(ROOT / "corpus", manifest=ROOT / "corpus" / "manifest.csv")
    chain = [s for s in corpus if (s.meta or {}).get("chain") == "gwr-jiangcheng"]
    links = compare_chain(chain)
    texts = {s.doc_id: s.raw for s in chain}
    gold = []
    for g in _read_jsonl(SAMPLE_GOLD):  # the sample gold quotes its own (fictional) texts: find their offsets
        row = dict(g)
        for pre, key in (("a", "a_text"), ("b", "b_text"), ("r", "r_text")):
            doc = g.get(f"{pre}_doc")
            if doc and g.get(key):
                s = texts[doc].find(g[key])
                if s < 0:
                    sys.exit(f"benchmarks: {SAMPLE_GOLD}: {g[key]!r} is not in {doc}")
                row[f"{pre}_start"], row[f"{pre}_end"] = s, s + len(g[key])
            else:
                row[f"{pre}_doc"] = None
        gold.append(row)
    report("sample chain gwr-jiangcheng", score(gold, links, _shower(texts) if show_errors else None))


def print_ledger(chain, links, title):
    import pandas as pd

    from speechkit.compare import ledger

    led = ledger(chain, links=links)
    main = led[led.indicator.notna() & led.target_value.notna()]
    cols = ["doc_id", "text", "outcome_status", "outcome_reason", "outcome_text", "restatement_status"]
    with pd.option_context("display.width", 220, "display.max_rows", 400, "display.max_colwidth", 26,
                           "display.unicode.east_asian_width", True):
        print(f"\n== {title}: commitments naming an indicator with a number ({len(main)} of {len(led)}) ==")
        print(main[cols].assign(doc_id=main.doc_id.str[-4:]).to_string(index=False))
        print("outcome statuses:", led.outcome_status.value_counts().to_dict())
        print("restatement statuses:", led.restatement_status.value_counts().to_dict())


def speed(rounds: int = 5):
    """Whole-command times, extract and compare alternated, best of ``rounds`` each (the machine is shared:
    the best run is the one least disturbed)."""
    files = sorted(str(p) for p in (SHARED / "corpus").glob("gwr-national-20*.txt"))
    man = str(SHARED / "corpus" / "manifest.csv")
    best = {"extract": None, "compare": None}
    for _ in range(rounds):
        for cmd in best:
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "speechkit.cli", cmd, *files, "--manifest", man, "-o",
                            "/dev/null"], check=True, capture_output=True)
            d = time.perf_counter() - t
            best[cmd] = d if best[cmd] is None else min(best[cmd], d)
    print(f"\nspeed on the 7 national reports (whole command, best of {rounds}): extract {best['extract']:.2f} s, "
          f"compare {best['compare']:.2f} s: compare/extract = {best['compare'] / best['extract']:.2f}x")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--show-errors", action="store_true")
    a = ap.parse_args(argv)
    sample(a.show_errors)
    if not require_shared():
        return
    chain, links = national(a.show_errors)
    print_ledger(chain, links, "chain gwr-national")
    from speechkit import read_corpus
    from speechkit.compare import compare_chain

    hailar = [s for s in read_corpus(SHARED / "corpus", manifest=SHARED / "corpus" / "manifest.csv")
              if (s.meta or {}).get("chain") == "gwr-hailar"]
    print_ledger(hailar, compare_chain(hailar), "chain gwr-hailar (no gold)")
    if not a.no_speed:
        speed()


if __name__ == "__main__":
    main()
