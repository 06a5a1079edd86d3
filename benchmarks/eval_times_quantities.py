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
from _shared import SHARED, gold_docs, jieba_seconds, read_all, require_shared, seconds  # noqa: E402


def main():
    require_shared()
    from speechkit.clean import clean
    from speechkit.extractor.structure import DocTree
    from speechkit.rules.cues import cue_table
    from speechkit.rules.quantities import find_quantities
    from speechkit.rules.times import find_times
    from speechkit.segment import segment

    speeches = {s.doc_id: s for s in read_all(gold_docs())}
    n = ok = seed_n = seed_ok = conv_n = 0
    qn = qok = 0
    jio = None
    try:
        import jionlp

        jio = jionlp
    except Exception:
        pass
    jn = jok = seed_jn = seed_jok = 0
    for g in sorted((SHARED / "gold").glob("*.jsonl")):
        for line in g.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if "scope" in r:
                continue
            sp = speeches[r["doc_id"]]
            doc = segment(sp)
            ctx = DocTree(sp, doc, cue_table())
            clause = clean(sp.raw[r["start"]:r["end"]]).text
            sent = next((s for s in doc.sentences if s.raw_start <= r["start"] < s.raw_end), None)
            dl = r.get("deadline") or {}
            if dl.get("end"):
                # as the extractor does: a dated expression in the clause, else in the sentence head, else the
                # item's note (「（11月底前完成…）」); a vague one (「抓紧」) only when nothing is dated
                def dated(ts):
                    return [t for t in ts if t.kind != "frequency" and t.end]
                found = [t for t in find_times(clause, sp.date, plan_year=ctx.plan_year, named=ctx.named)
                         if t.kind != "frequency"]
                ts = dated(found)
                if not ts and sent is not None:
                    head = doc.cleaned.text[sent.start:max(sent.start, doc.cleaned.offsets.index(r["start"]) if r["start"] in doc.cleaned.offsets else sent.start)]
                    ts = dated(find_times(head, sp.date, plan_year=ctx.plan_year, named=ctx.named))
                note = ctx.scope("deadline", sent.start) if sent is not None else None
                if not ts and note is not None:
                    ts = dated(find_times(note.value.value["text"], sp.date, plan_year=ctx.plan_year))
                ts = ts or found
                convention = not ts and not find_times(dl.get("text") or "", sp.date)
                conv_n += convention
                hit = bool(ts) and ts[0].end == dl["end"]
                if not hit and "--misses" in sys.argv:
                    print("MISS", r["doc_id"], repr(dl.get("text")), dl["end"], "|", clause[:50], "|",
                          [(t.text, t.end) for t in ts])
                n += 1
                ok += hit
                if r["doc_id"] == "liangda-xingdong-2020":
                    seed_n += 1
                    seed_ok += hit
                if jio is not None:
                    jn += 1
                    seed_jn += r["doc_id"] == "liangda-xingdong-2020"
                    try:
                        res = jio.parse_time(dl["text"], time_base={"year": sp.date.year, "month": sp.date.month,
                                                                    "day": sp.date.day})
                        j_hit = str(res["time"][1])[:10] == dl["end"]
                        jok += j_hit
                        seed_jok += j_hit and r["doc_id"] == "liangda-xingdong-2020"
                    except Exception:
                        pass
            for m in r.get("metrics") or []:
                qn += 1
                qs = find_quantities(clause)
                qok += any(q.unit == m["unit"] and q.op == m["op"] and
                           ((q.value is None and m["value"] is None) or (q.value is not None and m["value"] is not None
                                                                         and abs(q.value - m["value"]) < 1e-6)) for q in qs)
    print(f"deadline end found in clause or sentence head: {ok}/{n} = {ok / n:.3f} (seed {seed_ok}/{seed_n})")
    if conv_n:
        print(f"  {conv_n} gold deadlines are no time expression: over the other {n - conv_n}, "
              f"{ok}/{n - conv_n} = {ok / (n - conv_n):.3f}")
    if jio is not None:
        print(f"JioNLP parse_time handed the gold deadline text: {jok}/{jn} = {jok / jn:.3f} "
              f"(seed {seed_jok}/{seed_jn})")
    else:
        print("JioNLP not installed (pip install jionlp): its column is not measured in this run")
    print(f"gold metrics found in the clause (value, unit, op): {qok}/{qn} = {qok / qn:.3f}")
    throughput()


def throughput():
    """Both recognizers over whole documents, against jieba.lcut on the same text, in one run."""
    from speechkit.rules.quantities import find_quantities
    from speechkit.rules.times import find_times

    texts = [s.raw for s in read_all(sorted((SHARED / "corpus").glob("*.txt")))]
    tj = jieba_seconds(texts)
    find_times("预热", "2020-01-01"), find_quantities("1个")
    tt = seconds(lambda x: find_times(x, "2020-01-01"), texts)
    tq = seconds(find_quantities, texts)
    print(f"recognizer throughput on {sum(map(len, texts)):,} characters: find_times {tt / tj:.2f}x jieba.lcut, "
          f"find_quantities {tq / tj:.2f}x, both {(tt + tq) / tj:.2f}x")


if __name__ == "__main__":
    main()
