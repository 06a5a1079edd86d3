"""JioNLP's money-parser cases, speechkit beside JioNLP itself, per form family.

The cases (benchmarks/peers/jionlp_money.yaml) are JioNLP's own test suite, converted: source
repository, path and commit are named there, with the in-scope rule and the readings where
speechkit's documented reading differs from JioNLP's. For each in-scope phrase:

- speechkit: ``find_quantities(phrase)``, the quantity with the longest span; its value (and value_hi)
  times the magnitude in its unit (万, 亿, 万亿) against the expected base amount, rounded to cents as
  JioNLP prints them; the op against the expected op. **correct** = value and op right; **wrong value**
  = a number that is not the expected one (the failure that matters); **op wrong** = right value,
  other comparator; **missed** = no quantity, or value None (with its reason).
- JioNLP: ``jionlp.parse_money(phrase)`` equal to its own expected answer (num, case, definition).

    python benchmarks/peer_money.py            # the table
    python benchmarks/peer_money.py --cases    # every case, both readings
"""
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
_MAG = (("万亿", 10 ** 12), ("亿", 10 ** 8), ("万", 10 ** 4))


def load_cases():
    data = yaml.safe_load((HERE / "peers" / "jionlp_money.yaml").read_text(encoding="utf-8"))
    return data["source"], data["families"], data["cases"]


def base_amount(value, unit: str):
    """The value times the magnitude its unit opens with, in cents (exact, as JioNLP rounds)."""
    if value is None:
        return None
    f = next((f for p, f in _MAG if unit.startswith(p)), 1)
    return (Decimal(str(value)) * f).quantize(Decimal("0.01"))


def cents(v):
    return None if v is None else Decimal(str(v)).quantize(Decimal("0.01"))


def judge_speechkit(case):
    from speechkit import find_quantities

    qs = find_quantities(case["text"])
    if not qs:
        return "missed", "no quantity"
    q = max(qs, key=lambda q: q.span[1] - q.span[0])
    want = case["speechkit"]
    got = (base_amount(q.value, q.unit), base_amount(q.value_hi, q.unit))
    shown = f"{q.text!r} value={q.value} value_hi={q.value_hi} unit={q.unit} op={q.op}"
    if q.value is None:
        return "missed", shown + f" reason={getattr(q, 'reason', None)}"
    if got != (cents(want["value"]), cents(want.get("value_hi"))):
        return "wrong value", shown
    return ("correct" if q.op == want["op"] else "op wrong"), shown


def judge_jionlp(jio, case):
    if jio is None:
        return "not run", ""
    try:
        res = jio.parse_money(case["text"])
    except Exception as e:  # a parser error on one phrase is that phrase's result  # noqa: BLE001
        return "error", f"{type(e).__name__}: {e}"
    return ("correct" if res == case["jionlp"] else "wrong"), str(res)


def main():
    source, families, cases = load_cases()
    try:
        import jionlp as jio
    except ImportError:
        jio = None
        print("JioNLP not installed (pip install jionlp, or the `bench` extra): its column is not measured")
    show = "--cases" in sys.argv
    sk = defaultdict(lambda: defaultdict(int))
    jn = defaultdict(lambda: defaultdict(int))
    out_of_scope = []
    for c in cases:
        if "out" in c:
            out_of_scope.append(c)
            continue
        s, s_detail = judge_speechkit(c)
        j, j_detail = judge_jionlp(jio, c)
        for fam in (c["family"], "all"):
            sk[fam][s] += 1
            sk[fam]["n"] += 1
            jn[fam][j] += 1
        if show or s != "correct":
            print(f"[{s}] {c['text']}: speechkit {s_detail} | JioNLP [{j}] {j_detail}")
    print(f"\nJioNLP money-parser cases ({source['repository']} {source['path']} @ {source['commit'][:10]}), "
          f"{sk['all']['n']} in scope of {len(cases)}")
    print("| family | n | speechkit correct | wrong value | op wrong | missed | JioNLP correct |")
    print("|---|---|---|---|---|---|---|")
    for fam in list(families) + ["all"]:
        r, j = sk[fam], jn[fam]
        if not r["n"]:
            continue
        label = f"{fam} ({families[fam]})" if fam in families else "**all**"
        print(f"| {label} | {r['n']} | {r['correct']} | {r['wrong value']} | {r['op wrong']} | {r['missed']} | "
              f"{j['correct'] if jio else '-'} |")
    a = sk["all"]
    print(f"\nspeechkit value and comparator: {a['correct']}/{a['n']} = {a['correct'] / a['n']:.3f}; "
          f"wrong values {a['wrong value']}" + (f"; JioNLP {jn['all']['correct']}/{a['n']}" if jio else ""))
    print(f"out of scope ({len(out_of_scope)}), not judged; what speechkit reads there:")
    from speechkit import find_quantities

    for c in out_of_scope:
        qs = [(q.text, q.value, q.unit, q.op, q.reason) for q in find_quantities(c["text"])]
        print(f"  {c['text']} ({c['out']}; JioNLP expects {c['jionlp']['num']}): {qs}")


if __name__ == "__main__":
    main()
