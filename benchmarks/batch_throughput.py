"""Batch throughput on a corpus built from ../shared/corpus repeated (evaluation only; copies go to a
temporary folder and are deleted).

Prints, for corpora of about 5 and 20 million characters (SIZE_MB env to change the larger one):
characters per second with 1 and 2 workers, time to first result, and peak memory of the driver and
of the largest worker (each run in a fresh process, so the figures are its own); and the ratio of the
whole pipeline (read, clean, segment, extract) over jieba.lcut on the same text in one process.

    python benchmarks/batch_throughput.py
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import SHARED, jieba_seconds, require_shared  # noqa: E402


def build(dst: Path, chars: int) -> int:
    src = sorted((SHARED / "corpus").glob("*.txt"))
    texts = [(p, p.read_text(encoding="utf-8", errors="replace")) for p in src]
    total, i = 0, 0
    dst.mkdir(parents=True, exist_ok=True)
    rows = ["id,date,title,kind"]
    while total < chars:
        p, t = texts[i % len(texts)]
        name = f"{p.stem}-{i:05d}"
        (dst / f"{name}.txt").write_text(t, encoding="utf-8")
        rows.append(f"{name},2021-03-05,{p.stem},")
        total += len(t)
        i += 1
    (dst / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return total


def one_run(corpus: str, workers: int) -> None:
    """Child mode: one batch run, figures as JSON on stdout; memory sampled with psutil every 0.1 s
    (resident set of this process, of each worker, and of all together)."""
    import threading

    import psutil

    from speechkit.batch import process_corpus

    me = psutil.Process()
    peak = {"driver": 0, "worker": 0, "total": 0}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            try:
                kids = me.children(recursive=True)
                d = me.memory_info().rss
                w = [k.memory_info().rss for k in kids]
            except psutil.Error:
                continue
            peak["driver"] = max(peak["driver"], d)
            peak["worker"] = max([peak["worker"], *w])
            peak["total"] = max(peak["total"], d + sum(w))
            stop.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out = tempfile.mkdtemp()
    try:
        s = process_corpus(corpus, out, manifest=Path(corpus) / "manifest.csv", workers=workers, progress=False)
    finally:
        stop.set()
        th.join()
        shutil.rmtree(out, ignore_errors=True)
    mb = 1024 * 1024
    print(json.dumps({"chars": s.characters, "seconds": s.seconds, "first": s.first_result_seconds,
                      "failed": s.failed, "commitments": s.commitments, "self_mb": peak["driver"] / mb,
                      "child_mb": peak["worker"] / mb, "total_mb": peak["total"] / mb}))


def ratio() -> None:
    import speechkit as sk

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((SHARED / "corpus").glob("*.txt"))]
    ex = sk.Extractor()
    ex.extract(sk.Speech.from_text(texts[0], doc_id="warm", date="2021-03-05"))
    tj = jieba_seconds(texts)
    t = time.perf_counter()
    for i, x in enumerate(texts):
        ex.extract(sk.Speech.from_text(x, doc_id=str(i), date="2021-03-05"))
    te = time.perf_counter() - t
    t = time.perf_counter()
    for i, x in enumerate(texts):
        ex.extract(sk.Speech.from_text(x, doc_id=str(i), date="2021-03-05")).document.tokens(ex.tokenizer)
    tt = time.perf_counter() - t
    n = sum(map(len, texts))
    print(f"single process on {n:,} characters: extraction {te / tj:.2f}x jieba.lcut; "
          f"extraction plus jieba tokens of every paragraph {tt / tj:.2f}x")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--run":
        return one_run(sys.argv[2], int(sys.argv[3]))
    require_shared()
    ratio()
    big = int(float(os.environ.get("SIZE_MB", "20")) * 1_000_000)
    tmp = Path(tempfile.mkdtemp(prefix="speechkit-bench-"))
    try:
        for size in (big // 4, big):
            d = tmp / f"c{size}"
            n = build(d, size)
            for w in (1, 2):
                r = subprocess.run([sys.executable, __file__, "--run", str(d), str(w)], capture_output=True, text=True)
                if r.returncode:
                    print(r.stderr[-2000:])
                    continue
                f = json.loads(r.stdout.strip().splitlines()[-1])
                print(f"{n:>11,} chars, {w} worker(s): {f['chars'] / f['seconds']:>9,.0f} chars/s, "
                      f"first result after {f['first']:.2f} s, {f['failed']} failed, {f['commitments']:,} commitments, "
                      f"peak memory: driver {f['self_mb']:.0f} MB, largest worker {f['child_mb']:.0f} MB, "
                      f"all together {f['total_mb']:.0f} MB")
            shutil.rmtree(d)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
