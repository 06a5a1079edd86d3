"""Command line: ``speechkit extract``, ``speechkit segment``, ``speechkit demo``.

Bad files are reported on stderr with the reason; the others still produce
output; the exit status is 1 when any file failed.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["main"]


def _collect(paths: list[str]) -> list[Path]:
    out = []
    for p in paths:
        pp = Path(p)
        out.extend(sorted(pp.glob("*.txt")) if pp.is_dir() else [pp])
    return out


def _manifest_rows(manifests) -> dict:
    from .io import read_manifest

    rows = {}
    for m in manifests or []:
        rows.update(read_manifest(m))
    return rows


def cmd_extract(a) -> int:
    from .extractor import Extractor
    from .frame import to_frame
    from .io import ReadError, read_speech

    rows = _manifest_rows(a.manifest)
    ex = Extractor()
    failed = 0
    records = []
    for path in _collect(a.paths):
        try:
            sp = read_speech(path, date=a.date, meta=rows.get(path.stem))
            res = ex.extract(sp)
        except ReadError as e:
            print(f"speechkit: {e}", file=sys.stderr)
            failed += 1
            continue
        except Exception as e:  # a bug on one document must not lose the others
            print(f"speechkit: {path}: extraction failed: {type(e).__name__}: {e}", file=sys.stderr)
            failed += 1
            continue
        if sp.date is None:
            print(f"speechkit: {path}: no date known (manifest, --date or text): relative deadlines left unresolved",
                  file=sys.stderr)
        records.extend(res.commitments)
    out = a.output
    if a.format == "jsonl":
        lines = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in records)
        if out and out != "-":
            Path(out).write_text(lines, encoding="utf-8")
        else:
            sys.stdout.write(lines)
    elif a.format == "csv":
        df = to_frame(records)
        if out and out != "-":
            df.to_csv(out, index=False)
        else:
            df.to_csv(sys.stdout, index=False)
    elif a.format == "parquet":
        if not out or out == "-":
            print("speechkit: --format parquet needs -o FILE", file=sys.stderr)
            return 2
        to_frame(records).to_parquet(out, index=False)
    elif a.format == "table":
        _print_table(records)
    return 1 if failed else 0


def _print_table(records) -> None:
    import pandas as pd

    from .frame import to_frame

    df = to_frame(records)
    if df.empty:
        print("(no commitments)")
        return
    view = df[["doc_id", "text", "strength", "owner", "deadline_end", "metric_value", "metric_unit", "checkable"]].copy()
    view["text"] = view["text"].str.slice(0, 28)
    with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 40,
                           "display.unicode.east_asian_width", True):
        print(view.to_string(index=False))


def cmd_segment(a) -> int:
    from .io import ReadError, read_speech
    from .segment import segment

    rows = _manifest_rows(a.manifest)
    failed = 0
    for path in _collect(a.paths):
        try:
            sp = read_speech(path, meta=rows.get(path.stem))
        except ReadError as e:
            print(f"speechkit: {e}", file=sys.stderr)
            failed += 1
            continue
        doc = segment(sp)
        removed = sum(b - a_ for a_, b, _ in doc.cleaned.removed)
        print(f"{sp!r}\n  {doc!r}; {removed} noise characters removed, {len(doc.cleaned.gaps)} missing numbers marked")
        for h in doc.headings[: a.headings]:
            print(f"    heading L{h.level} raw {h.raw_start}:{h.raw_end} {h.text[:40]}")
    return 1 if failed else 0


def cmd_demo(a) -> int:
    """The main job on the embedded sample corpus."""
    from .extractor import Extractor
    from .io import read_corpus

    root = Path(a.corpus)
    corpus = read_corpus(root, manifest=root / "manifest.csv")
    print(corpus)
    ex = Extractor()
    records = []
    for sp in corpus:
        res = ex.extract(sp)
        doc = res.document
        print(f"  {sp.doc_id}: {len(doc.sentences)} sentences, {len(doc.clauses)} clauses, "
              f"{len(res)} commitments ({sum(c.checkable for c in res)} checkable)")
        records.extend(res.commitments)
    for path, reason in corpus.errors:
        print(f"  failed: {path}: {reason}")
    print()
    _print_table(records)
    return 1 if corpus.errors else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="speechkit", description="Chinese speeches → checkable commitments")
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extract", help="extract commitment records")
    e.add_argument("paths", nargs="+", help="speech files or folders of .txt files")
    e.add_argument("--manifest", action="append", help="manifest CSV (may be repeated)")
    e.add_argument("--date", help="speech date YYYY-MM-DD for all files (overrides the manifest)")
    e.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet", "table"])
    e.add_argument("-o", "--output", help="output file (default: standard output)")
    e.set_defaults(func=cmd_extract)
    s = sub.add_parser("segment", help="clean and segment; print a summary")
    s.add_argument("paths", nargs="+")
    s.add_argument("--manifest", action="append")
    s.add_argument("--headings", type=int, default=8, help="headings to show per file")
    s.set_defaults(func=cmd_segment)
    d = sub.add_parser("demo", help="run the main job on the sample corpus")
    d.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent / "corpus"))
    d.set_defaults(func=cmd_demo)
    a = ap.parse_args(argv)
    return a.func(a)


if __name__ == "__main__":
    sys.exit(main())
