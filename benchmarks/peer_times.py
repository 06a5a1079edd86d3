"""find_times on the peers' own test suites, beside JioNLP itself.

(a) Duckling's Chinese time corpus (benchmarks/peers/duckling_zh_time.yaml) and (b) JioNLP's
time-parser cases of the deadline families (benchmarks/peers/jionlp_time_parser.yaml), each
converted here with the source repository, path and commit named at its top. Every phrase is
judged by the END date of the expected period: speechkit's longest expression in the phrase is
correct when its end is the expected one, missed when it has none (or no end), wrong otherwise;
JioNLP's parse_time likewise (missed when it raises or gives no end). Phrases whose deadline
reading differs on purpose are listed with the reason and not counted.

    python benchmarks/peer_times.py            # both suites, per category
    python benchmarks/peer_times.py --misses   # also every miss and wrong value
    python benchmarks/peer_times.py --speed    # recognizers over jieba.lcut on the shared corpus,
                                               # and long adversarial inputs (linear time)
"""
from __future__ import annotations

import datetime as dt
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

PEERS = Path(__file__).resolve().parent / "peers"


def _date(v) -> str | None:
    if v is None or v == "inf":
        return None
    return v.isoformat() if isinstance(v, dt.date) else str(v)[:10]


def speechkit_end(text: str, base: dt.date) -> str | None:
    from speechkit import find_times

    found = [t for t in find_times(text, base) if t.kind != "frequency"]
    if not found:
        return None
    return max(found, key=lambda t: t.span[1] - t.span[0]).end


def jionlp_end(jio, text: str, base: list) -> str | None:
    if jio is None:
        return None
    try:
        res = jio.parse_time(text, time_base=base)
    except Exception:  # JioNLP raises on what it does not parse: a miss, whatever the exception
        return None
    t = res.get("time") if isinstance(res, dict) else None
    if not isinstance(t, list) or len(t) != 2 or not isinstance(t[1], str) or t[1].endswith("inf"):
        return None
    return t[1][:10]


def _verdict(got: str | None, want: str) -> str:
    return "missed" if got is None else ("correct" if got == want else "wrong")


def _table(title: str, rows: dict, jio) -> None:
    print(f"\n{title}")
    print(f"  {'category':<28}{'n':>4}   speechkit correct/wrong/missed   JioNLP correct/wrong/missed")
    tot = defaultdict(int)
    for cat, c in rows.items():
        n = c["n"]
        for k, v in c.items():
            tot[k] += v
        j = f"{c['j_correct']:>3} / {c['j_wrong']:>3} / {c['j_missed']:>3}" if jio else "   (not installed)"
        print(f"  {cat:<28}{n:>4}   {c['correct']:>3} / {c['wrong']:>3} / {c['missed']:>3}"
              f"{'':>18}{j}")
    n = tot["n"]
    print(f"  {'all':<28}{n:>4}   {tot['correct']:>3} / {tot['wrong']:>3} / {tot['missed']:>3}"
          f"  = {tot['correct'] / n:.3f} correct" + (f"   JioNLP {tot['j_correct']} / {tot['j_wrong']} / "
                                                      f"{tot['j_missed']} = {tot['j_correct'] / n:.3f}" if jio else ""))


def _run(cases, jio, show) -> dict:
    """cases: (category, text, speech date, JioNLP base, expected end)."""
    rows: dict = {}
    for cat, text, base, jbase, want in cases:
        c = rows.setdefault(cat, defaultdict(int))
        c["n"] += 1
        got = speechkit_end(text, base)
        v = _verdict(got, want)
        c[v] += 1
        jv = _verdict(jionlp_end(jio, text, jbase), want) if jio else "missed"
        c["j_" + jv] += 1
        if show and v != "correct":
            print(f"  {v.upper():<7} {cat:<26} {text!r}: speechkit {got}, expected {want}")
    return rows


def _differs(rows, base: dt.date) -> None:
    bad = [(r, p, speechkit_end(p, base)) for r in rows for p in r["phrases"]]
    bad = [(r, p, got) for r, p, got in bad if got != _date(r["speechkit_end"])]
    n = sum(len(r["phrases"]) for r in rows)
    print(f"  {n} phrases read differently on purpose (not counted); "
          f"{n - len(bad)} of them give speechkit's documented reading")
    for r, p, got in bad:
        print(f"    {p!r}: speechkit {got}, documented {r['speechkit_end']}")


def duckling(jio, show) -> None:
    d = yaml.safe_load((PEERS / "duckling_zh_time.yaml").read_text(encoding="utf-8"))
    ref = d["reference"]
    jbase = [ref.year, ref.month, ref.day, 4, 30, 0]
    cases = []
    for g in d["groups"]:
        for p in g["phrases"]:
            if not isinstance(p, str):
                sys.exit(f"duckling_zh_time.yaml: phrase {p!r} is not text (quote it)")
            cases.append((g["category"], p, ref, jbase, _date(g["end"])))
    src = d["source"]
    rows = _run(cases, jio, show)
    _table(f"Duckling's Chinese time corpus ({src['repository']} {src['path']} @ {src['commit'][:10]}), "
           f"reference {ref}, by end date:", rows, jio)
    _differs(d["differs"], ref)


def _base(b, bases) -> tuple[dt.date, list]:
    if isinstance(b, str):
        b = bases[b]
    y, m, day = (list(b) + [1, 1])[:3]
    return dt.date(y, m, day), list(b)


def jionlp_suite(jio, show) -> None:
    d = yaml.safe_load((PEERS / "jionlp_time_parser.yaml").read_text(encoding="utf-8"))
    cases, differs, out = [], [], defaultdict(int)
    for case in d["cases"]:
        text, b, want, cat = case[:4]
        why = case[4] if len(case) > 4 else None
        if why and why not in d["reasons"]:
            sys.exit(f"jionlp_time_parser.yaml: {text!r}: unknown reason {why!r}")
        if why and why.startswith("out:"):
            out[why] += 1
            continue
        base, jbase = _base(b, d["bases"])
        if why:
            differs.append((text, base, _date(want), why))
            continue
        cases.append((cat, str(text), base, jbase, _date(want)))
    src = d["source"]
    rows = _run(cases, jio, show)
    _table(f"JioNLP's time-parser cases of the deadline families ({src['repository']} {src['path']} @ "
           f"{src['commit'][:10]}), by end date:", rows, jio)
    print(f"  not counted: {len(differs)} read differently on purpose, "
          + ", ".join(f"{k[4:]} {v}" for k, v in sorted(out.items())) + " outside the deadline families")
    for text, base, want, why in differs:
        print(f"    {str(text)!r}: speechkit {speechkit_end(str(text), base)}, JioNLP's suite {want} ({why})")


def speed() -> None:
    """The recognizers over jieba.lcut on the shared corpus, and long adversarial inputs."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _shared import SHARED, jieba_seconds, require_shared, seconds

    from speechkit import find_quantities, find_times
    from speechkit.rules.times.find import _prepared

    require_shared()
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus").glob("*.txt"))]
    find_times("预热", "2021-01-01")
    find_quantities("预热100元")
    tj = jieba_seconds(texts)
    tt = seconds(lambda x: find_times(x, "2021-03-05"), texts, before=_prepared.cache_clear)
    tq = seconds(find_quantities, texts)
    print(f"\nspeed on {len(texts)} shared documents ({sum(map(len, texts)):,} chars): find_times {tt / tj:.3f}x "
          f"jieba.lcut, find_quantities {tq / tj:.3f}x, both {(tt + tq) / tj:.3f}x")
    print("adversarial inputs (best of three; milliseconds per 1,000 characters at 20,000 and 80,000 characters:"
          " linear when the two are alike):")
    for name, unit in [("Chinese numerals", "一二三四五六七八九十"), ("年年年", "年"), ("月月月", "月"),
                       ("digits and 年", "2021年"), ("numerals and 月", "十二月"), ("dates without 日", "2021年3月1"),
                       ("weekdays", "下周三"), ("ranges", "1至"), ("dots", "2021.")]:
        ts = []
        for n in (20000, 80000):
            text = (unit * (n // len(unit) + 1))[:n]
            best = float("inf")
            for _ in range(3):
                _prepared.cache_clear()
                t = time.perf_counter()
                find_times(text, "2021-03-05")
                best = min(best, time.perf_counter() - t)
            ts.append(1000 * best / (n / 1000))
        print(f"  {name:<18} {ts[0]:6.2f} {ts[1]:6.2f}")


def main() -> None:
    show = "--misses" in sys.argv
    if "--speed" in sys.argv:
        speed()
        return
    try:
        import jionlp as jio
    except ImportError:
        jio = None
        print("JioNLP is not installed (pip install jionlp): its columns stay empty")
    duckling(jio, show)
    jionlp_suite(jio, show)


if __name__ == "__main__":
    main()
