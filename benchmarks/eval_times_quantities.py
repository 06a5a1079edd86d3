"""Deadlines and quantities against the shared gold.

For every gold record with a deadline end, run find_times on the record's
clause (the raw span cleaned) and on its sentence, and check the end date:
the first time expression found in the clause, else the first in the sentence
before the clause. JioNLP's parse_time, when installed (pip install jionlp),
is handed the gold deadline text itself, as a reference point.
For gold metrics, run find_quantities on the clause and compare value, unit, op.

    python benchmarks/eval_times_quantities.py
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import SHARED, gold_docs, read_all, require_shared  # noqa: E402


def main():
    require_shared()
    from speechkit.clean import clean
    from speechkit.extractor import _DocContext
    from speechkit.rules.quantities import find_quantities
    from speechkit.rules.times import find_times
    from speechkit.segment import segment

    speeches = {s.doc_id: s for s in read_all(gold_docs())}
    n = ok = seed_n = seed_ok = 0
    qn = qok = 0
    jio = None
    try:
        import jionlp

        jio = jionlp
    except Exception:
        pass
    jn = jok = 0
    for g in sorted((SHARED / "gold").glob("*.jsonl")):
        for line in g.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if "scope" in r:
                continue
            sp = speeches[r["doc_id"]]
            doc = segment(sp)
            ctx = _DocContext(sp, doc)
            clause = clean(sp.raw[r["start"]:r["end"]]).text
            sent = next((s for s in doc.sentences if s.raw_start <= r["start"] < s.raw_end), None)
            dl = r.get("deadline") or {}
            if dl.get("end"):
                ts = [t for t in find_times(clause, sp.date, plan_year=ctx.plan_year, named=ctx.named) if t.kind != "frequency"]
                if not ts and sent is not None:
                    head = doc.cleaned.text[sent.start:max(sent.start, doc.cleaned.offsets.index(r["start"]) if r["start"] in doc.cleaned.offsets else sent.start)]
                    ts = [t for t in find_times(head, sp.date, plan_year=ctx.plan_year, named=ctx.named) if t.kind != "frequency"]
                if not ts:
                    ts = [t for t in find_times(ctx.item_deadline(sent)[0]["text"] if sent and ctx.item_deadline(sent) else "",
                                                sp.date, plan_year=ctx.plan_year) if t.kind != "frequency"]
                hit = bool(ts) and ts[0].end == dl["end"]
                n += 1
                ok += hit
                if r["doc_id"] == "liangda-xingdong-2020":
                    seed_n += 1
                    seed_ok += hit
                if jio is not None:
                    jn += 1
                    try:
                        res = jio.parse_time(dl["text"], time_base={"year": sp.date.year, "month": sp.date.month,
                                                                    "day": sp.date.day})
                        jok += str(res["time"][1])[:10] == dl["end"]
                    except Exception:
                        pass
            for m in r.get("metrics") or []:
                qn += 1
                qs = find_quantities(clause)
                qok += any(q.unit == m["unit"] and q.op == m["op"] and
                           ((q.value is None and m["value"] is None) or (q.value is not None and m["value"] is not None
                                                                         and abs(q.value - m["value"]) < 1e-6)) for q in qs)
    print(f"deadline end found in clause or sentence head: {ok}/{n} = {ok / n:.3f} (seed {seed_ok}/{seed_n})")
    if jio is not None:
        print(f"JioNLP parse_time handed the gold deadline text: {jok}/{jn} = {jok / jn:.3f}")
    else:
        print("JioNLP not installed (pip install jionlp): its column is not measured in this run")
    print(f"gold metrics found in the clause (value, unit, op): {qok}/{qn} = {qok / qn:.3f}")


if __name__ == "__main__":
    main()
