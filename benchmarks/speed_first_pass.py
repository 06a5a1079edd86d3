"""The whole pipeline's cold first pass over jieba.lcut on the same text (the README's speed figure).

Each round times jieba.lcut over the 23 documents of ../shared/corpus, then one extraction pass with a
fresh Extractor whose text-keyed caches (functools.lru_cache of pure functions of a clause's text) are
emptied first, so that no pass profits from an earlier one; CPU time, rounds alternated so that the
machine's load touches both alike. Prints the min and the median ratio.

    python benchmarks/speed_first_pass.py [--rounds 6]
"""
import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import SHARED, jieba_seconds, read_all, require_shared  # noqa: E402


def _clear_text_caches() -> None:
    """Empty speechkit's lru caches (pure functions of a text: their entries would make a pass warm)."""
    for o in gc.get_objects():
        if callable(o) and hasattr(o, "cache_info") and hasattr(o, "cache_clear") \
                and getattr(o, "__module__", "").startswith("speechkit") \
                and (o.cache_info().maxsize or 0) > 1:  # bounded caches hold texts; data tables (maxsize 1 or
            o.cache_clear()                              # unbounded, keyed by rule) load once a process, as jieba's


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=6)
    args = ap.parse_args()
    require_shared()
    from speechkit import Extractor

    corpus = read_all(sorted((SHARED / "corpus").glob("*.txt")))
    texts = [s.raw for s in corpus]
    js, ps = [], []
    for _ in range(args.rounds):
        js.append(jieba_seconds(texts, clock=time.process_time))
        ex = Extractor()
        ex.extract("今年要完成老旧小区改造40个。", date="2021-01-01")  # loads the data tables, as jieba's warm-up
        _clear_text_caches()
        gc.collect()
        t = time.process_time()
        for s in corpus:
            ex.extract(s)
        ps.append(time.process_time() - t)
    chars = sum(map(len, texts))
    print(f"{len(corpus)} documents, {chars:,} characters, {args.rounds} rounds (CPU time)")
    print(f"jieba.lcut   min {min(js):.3f}s  median {statistics.median(js):.3f}s")
    print(f"pipeline     min {min(ps):.3f}s  median {statistics.median(ps):.3f}s")
    print(f"ratio        min/min {min(ps) / min(js):.2f}x  median/median {statistics.median(ps) / statistics.median(js):.2f}x")


if __name__ == "__main__":
    main()
