"""Target ledgers of the shared chains, and linking cost as the chain grows.

Reads ../shared/corpus (evaluation only; nothing of it is copied here) and prints:

1. for chain gwr-national (2019-2025): each year's indicator targets with the
   next report's figure and the status, the restatement status, and the rows
   of years that no longer set an indicator (``dropped``);
2. the same table for chain gwr-hailar (2016-2019), to be read for sense;
3. linking time (extraction excluded) for the national chain repeated 1x, 2x
   and 4x: doubling the chain must cost well under 4x.

Also scores the sample chain of this repository against its gold links.

    python benchmarks/compare_chains.py
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import SHARED, require_shared  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def table(chain_name, corpus, ex):
    import pandas as pd

    from speechkit.compare import compare_chain, panel

    chain = [s for s in corpus if (s.meta or {}).get("chain") == chain_name]
    links = compare_chain(chain, extractor=ex)
    p = panel(chain, links=links)
    with pd.option_context("display.width", 200, "display.max_rows", 300, "display.max_colwidth", 28):
        print(p.drop(columns=["body", "doc_id"]).to_string(index=False))
    counts = {}
    for l in links:
        counts[l.status] = counts.get(l.status, 0) + 1
    print(f"links of all {sum(1 for l in links if l.kind != 'restatement' or True)} judgements by status:",
          dict(sorted(counts.items())))
    return chain, links


def scaling(chain, ex):
    from speechkit.compare import compare
    from speechkit.outcomes import find_outcomes

    exts = [ex.extract(s) for s in chain]
    outs = [find_outcomes(s, e) for s, e in zip(chain, exts)]
    base = list(zip(chain, exts, outs))
    print("\nlinking time (extraction excluded), consecutive pairs of the chain repeated:")
    first = None
    for k in (1, 2, 4):
        seq = base * k
        n = sum(len(e.commitments) for _, e, _ in seq)
        t = time.perf_counter()
        for (a, ea, _), (b, eb, ob) in zip(seq, seq[1:]):
            compare(a, b, extractor=ex, a_extraction=ea, b_extraction=eb, b_outcomes=ob)
        dt_ = time.perf_counter() - t
        first = first or dt_
        print(f"  {k}x: {len(seq)} speeches, {n} commitments: {dt_:.2f} s ({dt_ / first:.2f}x the 1x chain)")


def sample_gold(ex):
    from speechkit import read_corpus
    from speechkit.compare import compare_chain

    corpus = read_corpus(ROOT / "corpus", manifest=ROOT / "corpus" / "manifest.csv")
    chain = [s for s in corpus if (s.meta or {}).get("chain") == "gwr-jiangcheng"]
    links = compare_chain(chain, extractor=ex)
    gold = [json.loads(l) for l in (ROOT / "corpus/links/gwr-jiangcheng.jsonl").read_text("utf-8").splitlines()]
    gold = [g for g in gold if "scope" not in g]
    by = {}
    for l in links:
        by.setdefault(l.a_text, {})[l.kind] = l.status
    for kind in ("outcome", "restatement"):
        ok = 0
        for g in gold:
            have = by.get(g["a_text"], {}).get(kind)
            have = None if have in ("not_assessed", None) or (kind == "restatement" and g[kind] is None
                                                                and have == "dropped") else have
            ok += have == g[kind]
        print(f"sample chain gwr-jiangcheng, {kind} status agrees with gold: {ok}/{len(gold)} = {ok / len(gold):.3f}")


def main():
    from speechkit import Extractor, read_corpus

    ex = Extractor()
    sample_gold(ex)
    if not require_shared():
        return
    corpus = list(read_corpus(SHARED / "corpus", manifest=SHARED / "corpus" / "manifest.csv"))
    print("\n== chain gwr-national ==")
    national, _ = table("gwr-national", corpus, ex)
    print("\n== chain gwr-hailar ==")
    table("gwr-hailar", corpus, ex)
    scaling(national, ex)


if __name__ == "__main__":
    main()
