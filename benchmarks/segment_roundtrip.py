"""Cleaning and segmentation on the shared real documents and the seed.

Checks, for every sentence and clause, that raw[raw_start:raw_end] gives the
span's text back modulo removed noise; prints counts, the seed's headings and
first sentences, and clean+segment time as a ratio over jieba.lcut.

    python benchmarks/segment_roundtrip.py
"""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import SHARED, jieba_seconds, read_all, require_shared  # noqa: E402

PUNCT = ",:;?!()，：；？！（）\"“”"


def squash(s):
    return "".join(ch for ch in s if not ch.isspace() and ch not in PUNCT)


def ok(doc, span):
    raw, text = squash(doc.raw[span.raw_start:span.raw_end]), squash(span.text)
    if text in raw:
        return True
    it = iter(raw)  # de-doubled text: in order inside the raw
    return all(ch in it for ch in text)


def main():
    require_shared()
    from speechkit.segment import segment

    paths = sorted((SHARED / "corpus").glob("*.txt")) + [SHARED / "seeds" / "liangda-xingdong-2020.txt"]
    speeches = read_all(paths)
    total = bad = 0
    for sp in speeches:
        doc = segment(sp)
        n = len(doc.sentences) + len(doc.clauses)
        b = [s for s in doc.sentences + doc.clauses if not ok(doc, s)]
        total, bad = total + n, bad + len(b)
        print(f"{sp.doc_id:40s} {len(doc.paragraphs):4d} paragraphs {len(doc.sentences):4d} sentences "
              f"{len(doc.clauses):5d} clauses {len(doc.headings):3d} headings  round-trip failures {len(b)}")
    print(f"round trip: {total - bad}/{total} sentence and clause spans map back to the raw text")
    seed = segment(speeches[-1])
    print("\nseed: header removed:", "温馨提示" not in seed.text, "| title:", seed.sentences[0].text)
    for h in seed.headings:
        print(f"  heading raw {h.raw_start}:{h.raw_end} {h.text}")
    chars = sum(len(s.raw) for s in speeches)
    tj = jieba_seconds([s.raw for s in speeches])
    t = time.perf_counter()
    for s in speeches:
        segment(s)
    ts = time.perf_counter() - t
    print(f"\nclean+segment {ts / tj:.2f}x jieba.lcut time on the same {chars:,} characters")


if __name__ == "__main__":
    main()
