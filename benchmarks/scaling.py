"""Does the whole pipeline grow linearly with one long document? Time and memory at n, 2n and 4n characters.

For each input, ``speechkit.extract`` (clean, segment, recognize, extract) runs on the same kind of text at
n, 2n and 4n characters, each measurement in a fresh process:

- time (the best of three runs when they are short), and its ratio per doubling (goal ≤ 2.2×);
- peak memory of the extraction in bytes per character of input (tracemalloc), in the three ways to run it:
  *streamed* (``Extractor.iter_extract``, each record turned into its JSON line and let go, as a batch run
  writes them: goal ≤ 30), *lean* (``extract(speech, lean=True)``: every record kept, without trails or
  rejections) and *full* (``extract(speech)``, the default: trails and rejections kept for ``explain``);
- which modules grow fastest: self time per module under cProfile (C functions such as regular
  expressions counted for the module that calls them), and memory still held by the result at the end,
  per module that allocated it.

Inputs (all synthetic, from the project's own sample corpus in ``corpus/``; nothing from ../shared):

- ``speech repeated``: a sample speech repeated (review sections, headings, lists: a realistic document);
- ``one clause repeated``: one commitment clause repeated in a single paragraph;
- ``no punctuation``: the sample speech without any punctuation or line break;
- ``one enormous sentence``: the sample speech with every sentence end and line break made a comma;
- ``Chinese numerals run``: one long run of the digits 〇一二…九 inside a sentence (a fixed pseudo-random
  sequence: a periodic one would be cut as doubled text); it was quadratic in ``find_quantities``
  (2,000 characters 0.5 s, 4,000 characters 2.1 s) before numeral runs were scanned once.

    python benchmarks/scaling.py                 # n = 100,000 characters
    python benchmarks/scaling.py --n 50000 --inputs "speech repeated,no punctuation"
    python benchmarks/scaling.py --n 50000 --modes streamed   # memory of the batch way only (faster)
    SCALING_TIMEOUT=600 python benchmarks/scaling.py   # seconds allowed per measurement (default 300)
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import re
import subprocess
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "jiangcheng-gwr-2021.txt"
DATE = "2021-02-20"
GOAL_RATIO, GOAL_BYTES = 2.2, 30
MODES = ("streamed", "lean", "full")  # memory measured for each; the goal is the streamed one's


def _sample() -> str:
    from speechkit.io import read_speech

    return read_speech(SAMPLE).raw


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def build(kind: str, n: int) -> str:
    if kind == "speech repeated":
        return _repeat(_sample() + "\n", n)
    if kind == "one clause repeated":
        return _repeat("县交通局要在6月底前完成滨江大道通车，", n)
    if kind == "no punctuation":
        return _repeat(re.sub(r"[\W_]+", "", _sample()), n)
    if kind == "one enormous sentence":
        return _repeat(re.sub(r"[。！？；;!?\n]+", "，", _sample()), n)
    if kind == "Chinese numerals run":  # not periodic (a periodic run would be cut as doubled text)
        rnd = random.Random(13)
        return "今年要新增就业" + "".join(rnd.choice("〇一二三四五六七八九") for _ in range(n - 10)) + "人。"
    raise SystemExit(f"unknown input {kind!r}")


KINDS = ["speech repeated", "one clause repeated", "no punctuation", "one enormous sentence", "Chinese numerals run"]


# ---------------------------------------------------------------- one measurement (child process)
def _module(filename: str) -> str:
    if filename == "~":
        return "~"
    p = Path(filename)
    if "speechkit" in p.parts:
        i = len(p.parts) - 1 - p.parts[::-1].index("speechkit")
        return ".".join(p.parts[i:]).removesuffix(".py")
    m = re.search(r"site-packages/([^/]+)", filename)
    return m.group(1).split(".")[0] if m else "python:" + p.stem


def _by_module(stats: pstats.Stats) -> dict[str, float]:
    """Self time per module; a C function's time goes to the modules of its callers, in proportion."""
    out: dict[str, float] = defaultdict(float)
    for (fname, _, _), (_, _, tt, _, callers) in stats.stats.items():
        if fname != "~":
            out[_module(fname)] += tt
            continue
        total = sum(c[2] for c in callers.values()) or 1.0
        for (cf, _, _), c in callers.items():
            out[_module(cf)] += tt * c[2] / total
    return dict(out)


def _accessors() -> list[tuple[str, int, int]]:
    """Lines of the small accessors that make values for their caller (raw offsets of a span): memory they
    allocate is counted for the module that called them and keeps the result."""
    import inspect

    from speechkit.clean import Cleaned
    from speechkit.segment import Span

    out = []
    for fn in (Cleaned.raw_span, Span.text.fget, Span.raw_start.fget, Span.raw_end.fget):
        lines, first = inspect.getsourcelines(fn)
        out.append((inspect.getsourcefile(fn), first, first + len(lines)))
    return out


def _in(frame, spans) -> bool:
    return any(frame.filename == f and a <= frame.lineno < b for f, a, b in spans)


def measure(kind: str, n: int, mode: str) -> dict:
    import speechkit as sk

    ex = sk.Extractor()
    for warm in (_sample(), build(kind, 3000)):  # lexicons loaded, lazily compiled patterns compiled
        ex.extract(sk.Speech.from_text(warm, date=DATE, kind="gwr", title="江城县人民政府工作报告"))
    text = build(kind, n)
    speech = sk.Speech.from_text(text, doc_id=kind, date=DATE, kind="gwr", title="江城县人民政府工作报告")
    ex.extract(speech)  # once unmeasured: whatever the extractor loads lazily is not counted for the document
    if mode == "time":  # the best of up to three runs: the machine may be shared
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            res = ex.extract(speech)
            best = min(best, time.perf_counter() - t)
            if best > 5:
                break
        return {"seconds": best, "commitments": len(res)}
    if mode == "profile":
        prof = cProfile.Profile()
        prof.runcall(ex.extract, speech)
        stats = pstats.Stats(prof)
        funcs = {f"{_module(f)}.{fn}:{line}": ct for (f, line, fn), (_, _, _, ct, _) in stats.stats.items()
                 if "speechkit" in f}
        return {"modules": _by_module(stats), "functions": funcs}
    tracemalloc.start(8)
    base = tracemalloc.get_traced_memory()[0]
    if mode == "streamed":  # as a batch run writes them: a JSON line each, none kept
        res = sum(len(json.dumps(c.to_dict(), ensure_ascii=False)) for c in ex.iter_extract(speech))
    else:
        res = ex.extract(speech, lean=mode == "lean")
    held, peak = tracemalloc.get_traced_memory()
    snap = tracemalloc.take_snapshot()
    tracemalloc.stop()
    per: dict[str, int] = defaultdict(int)
    skip = _accessors()
    for st in snap.statistics("traceback"):
        frames = [f for f in st.traceback if "speechkit" in f.filename and not _in(f, skip)] or list(st.traceback)
        per[_module(frames[-1].filename)] += st.size  # the innermost speechkit frame that asked for it (frames run
        # from the oldest to the most recent)
    del res
    return {"peak": peak - base, "held": held - base, "held_by": dict(per)}


# ---------------------------------------------------------------- driver
def _child(kind: str, n: int, mode: str, limit: float) -> dict | None:
    cmd = [sys.executable, __file__, "--child", kind, str(n), mode]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, env=env)
    except subprocess.TimeoutExpired:
        return None
    if r.returncode:
        sys.exit(f"scaling: {kind} at {n:,} characters ({mode}) failed:\n{r.stderr[-3000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def _growth(values: list) -> list[str]:
    return ["" if i == 0 or not (a and b) else f"{b / a:.2f}×" for i, (a, b) in enumerate(zip([None, *values],
                                                                                            values))]


def report(kind: str, n: int, limit: float, modes=MODES, profile: bool = True) -> None:
    sizes = [n, 2 * n, 4 * n]
    times, mems, profs = [], [], []
    for size in sizes:
        t = _child(kind, size, "time", limit)
        times.append(t["seconds"] if t else None)
        if t is None:
            print(f"  {size:>9,} chars: not done within {limit:.0f} s")
            break
        mems.append({m: _child(kind, size, m, limit) for m in modes})
        profs.append(_child(kind, size, "profile", limit * 3) if size > n and profile else None)
    ratios = _growth(times)
    print(f"\n{kind}")
    for i, size in enumerate(sizes[:len(mems)]):
        cells = "   ".join(f"{m} {r['peak'] / size:5.1f} (held {r['held'] / size:5.1f})" for m, r in mems[i].items())
        print(f"  {size:>9,} chars: {times[i]:7.2f} s {ratios[i]:>7}   peak bytes/char: {cells}")
    worst = max((float(r[:-1]) for r in ratios if r), default=0.0)
    goal_mode = "streamed" if "streamed" in modes else modes[0]
    bpc = max((m[goal_mode]["peak"] / s for m, s in zip(mems, sizes)), default=0.0)
    verdict_t = "ok" if worst and worst <= GOAL_RATIO else "SUPER-LINEAR" if worst else "n/a"
    verdict_m = "ok" if bpc <= GOAL_BYTES else "TOO MUCH"
    print(f"  time per doubling ≤ {worst:.2f}× (goal ≤ {GOAL_RATIO}×): {verdict_t}; "
          f"memory ({goal_mode}) {bpc:.1f} bytes/char (goal ≤ {GOAL_BYTES}): {verdict_m}")
    if len(profs) >= 2 and profs[-1] and profs[-2]:
        a, b = profs[-2]["modules"], profs[-1]["modules"]
        total = sum(b.values()) or 1.0
        rows = sorted(b, key=lambda k: -b[k])[:6]
        print("  self time by module at the largest size (share, growth over the last doubling):")
        for k in rows:
            print(f"    {k:<32} {b[k] / total:6.1%}  {b[k] / a[k] if a.get(k) else float('nan'):5.2f}×")
        _super_linear_functions(profs[-2]["functions"], profs[-1]["functions"])
    for m, r in (mems[-1].items() if mems else ()):
        held = r["held_by"]
        top = sorted(held, key=lambda k: -held[k])[:4]
        size = sizes[len(mems) - 1]
        print(f"  held at the end ({m}) by module: " + ", ".join(f"{k} {held[k] / size:.1f} B/char" for k in top))


def _super_linear_functions(a: dict, b: dict) -> None:
    """The speechkit functions whose time (with what they call) grows fastest over the last doubling."""
    total = max(b.values(), default=1.0)
    rows = [(b[k] / a[k], k) for k in b if a.get(k) and b[k] >= 0.05 * total and b[k] / a[k] > GOAL_RATIO]
    if rows:
        print("  functions growing faster than the goal over the last doubling (cumulative time, growth):")
        for growth, k in sorted(rows, reverse=True)[:6]:
            print(f"    {k:<58} {b[k]:6.2f} s  {growth:5.2f}×")


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2], int(sys.argv[3]), sys.argv[4])))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="smallest size in characters (default 100,000)")
    ap.add_argument("--inputs", default=",".join(KINDS), help="comma-separated inputs (default: all)")
    ap.add_argument("--modes", default=",".join(MODES), help="memory measured for these ways to run "
                    f"(comma-separated, of {', '.join(MODES)}; default all)")
    ap.add_argument("--no-profile", action="store_true", help="skip the profiles (time by module)")
    a = ap.parse_args()
    modes = tuple(m.strip() for m in a.modes.split(","))
    if not set(modes) <= set(MODES):
        sys.exit(f"scaling: --modes must be among {', '.join(MODES)}")
    if not SAMPLE.is_file():
        sys.exit(f"scaling: {SAMPLE} not found: run from a checkout of the repository")
    limit = float(os.environ.get("SCALING_TIMEOUT", "300"))
    print(f"whole pipeline (speechkit.extract) at n, 2n, 4n characters, n = {a.n:,}; each figure a fresh process")
    for kind in a.inputs.split(","):
        report(kind.strip(), a.n, limit, modes, not a.no_profile)


if __name__ == "__main__":
    main()
