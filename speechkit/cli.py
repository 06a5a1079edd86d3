"""Command line: ``speechkit extract``, ``compare``, ``segment``, ``demo``.

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


def cmd_batch(a) -> int:
    """``extract`` with ``--workers``/``--engine``: a resumable batch run into the folder ``-o``."""
    from .batch import process_corpus
    from .io import read_corpus

    if not a.output:
        print("speechkit: a batch run (--workers/--engine) needs -o OUT_DIR", file=sys.stderr)
        return 2
    paths = _collect(a.paths)
    corpus = read_corpus(paths, manifest=a.manifest)
    for p in corpus.unlisted:
        print(f"speechkit: {p}: no manifest row (date from the text, if any)", file=sys.stderr)
    fmt = "parquet" if a.format == "parquet" else "jsonl"
    summary = process_corpus(corpus, a.output, workers=a.workers or 1, engine=a.engine or "local",
                             scheduler=a.scheduler, fmt=fmt, date=a.date, timeout=a.timeout, progress=None)
    for e in summary.errors:
        print(f"speechkit: {e['path']}: {e['reason']}", file=sys.stderr)
    print(summary, file=sys.stderr)
    return 1 if summary.failed else 0


def cmd_extract(a) -> int:
    if a.workers or a.engine:
        return cmd_batch(a)
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


def _read_all(paths, manifests, date=None):
    from .io import ReadError, read_speech

    rows = _manifest_rows(manifests)
    speeches, failed = [], 0
    for path in _collect(paths):
        try:
            speeches.append(read_speech(path, date=date, meta=rows.get(path.stem)))
        except ReadError as e:
            print(f"speechkit: {e}", file=sys.stderr)
            failed += 1
    return speeches, failed


_LINK_KEYS = ("a_doc", "a_start", "a_end", "a_text", "b_doc", "b_start", "b_end", "b_text", "kind", "status",
              "reason", "indicator", "method", "score", "part", "tolerance", "rule", "evidence")


def cmd_compare(a) -> int:
    """Two verdicts for every commitment of every chain: one JSON line per link (``--ledger``: one row
    per commitment, the analyst's table)."""
    from .compare.chain import compare_chain
    from .compare.ledger import chains_of, ledger
    from .extractor import Extractor

    speeches, failed = _read_all(a.paths, a.manifest)
    ex = Extractor()
    links = []
    for _, chain in sorted(chains_of(speeches).items()):
        if len(chain) < 2:
            print(f"speechkit: chain of one speech ({chain[0].doc_id}): its commitments get no later report",
                  file=sys.stderr)
        links.extend(compare_chain(chain, extractor=ex))
    if a.ledger:
        df = ledger(speeches, as_of=a.as_of, links=links, checkable_only=a.checkable_only)
    else:
        rows = [{k: getattr(l, k) for k in _LINK_KEYS} for l in links]
        if a.format == "jsonl":
            return _write_jsonl(rows, a.output, failed)  # no pandas needed
        import pandas as pd

        df = pd.DataFrame(rows, columns=list(_LINK_KEYS))
        df["evidence"] = df["evidence"].map("; ".join)
    if a.format == "jsonl":
        return _write_jsonl(df.astype(object).where(df.notna(), None).to_dict("records"), a.output, failed)
    if a.format == "csv":
        df.to_csv(a.output or sys.stdout, index=False)
    else:
        if not a.output:
            print("speechkit: --format parquet needs -o FILE", file=sys.stderr)
            return 2
        df.to_parquet(a.output, index=False)
    return 1 if failed else 0


def _write_jsonl(rows, output, failed) -> int:
    body = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
    if output and output != "-":
        Path(output).write_text(body, encoding="utf-8")
    else:
        sys.stdout.write(body)
    return 1 if failed else 0


def cmd_demo(a) -> int:
    """The main job on the embedded sample corpus."""
    from .extractor import Extractor
    from .io import read_corpus

    root = Path(a.corpus)
    if not (root / "manifest.csv").is_file():
        print(f"speechkit: no sample corpus at {root} (it ships with the repository: install with "
              "`pip install -e .` from a checkout, or give --corpus DIR)", file=sys.stderr)
        return 2
    corpus = read_corpus(root, manifest=root / "manifest.csv")
    print(corpus)
    ex = Extractor()
    records, done = [], {}
    for sp in corpus:
        res = done[sp.doc_id] = ex.extract(sp)
        doc = res.document
        print(f"  {sp.doc_id}: {len(doc.sentences)} sentences, {len(doc.clauses)} clauses, "
              f"{len(res)} commitments ({sum(c.checkable for c in res)} checkable)")
        records.extend(res.commitments)
    for path, reason in corpus.errors:
        print(f"  failed: {path}: {reason}")
    print()
    _print_table(records)
    chains = [sp for sp in corpus if (sp.meta or {}).get("chain")]
    if chains:
        from .compare import ledger

        led = ledger(chains, as_of=a.as_of, extractor=ex, extractions=done)
        print(f"\nTarget ledger of the chain(s) {sorted({sp.meta['chain'] for sp in chains})} "
              f"as of {a.as_of} (status from the next report):")
        cols = ["doc_id", "text", "indicator", "target_value", "outcome_status", "restatement_status", "outcome_text"]
        import pandas as pd

        with pd.option_context("display.width", 200, "display.max_colwidth", 24, "display.max_rows", 200):
            print(led[cols].to_string(index=False))
    return 1 if corpus.errors else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="speechkit", description="Chinese speeches → checkable commitments")
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extract", help="extract commitment records")
    e.add_argument("paths", nargs="+", help="speech files or folders of .txt files")
    e.add_argument("--manifest", action="append", help="manifest CSV (may be repeated)")
    e.add_argument("--date", help="speech date YYYY-MM-DD for all files (overrides the manifest)")
    e.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet", "table"])
    e.add_argument("-o", "--output", help="output file (default: standard output); with --workers or --engine, "
                                           "the output folder of a resumable batch run")
    e.add_argument("--workers", type=int, help="batch run with N worker processes")
    e.add_argument("--engine", choices=["local", "dask"], help="batch engine (default local)")
    e.add_argument("--scheduler", help="dask.distributed scheduler address (default: a local cluster)")
    e.add_argument("--timeout", type=float, help="seconds allowed per document in a batch run")
    e.set_defaults(func=cmd_extract)
    s = sub.add_parser("segment", help="clean and segment; print a summary")
    s.add_argument("paths", nargs="+")
    s.add_argument("--manifest", action="append")
    s.add_argument("--headings", type=int, default=8, help="headings to show per file")
    s.set_defaults(func=cmd_segment)
    d = sub.add_parser("demo", help="run the main job on the sample corpus")
    d.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent / "corpus"))
    d.add_argument("--as-of", default="2022-12-31", help="date for days overdue in the ledger")
    d.set_defaults(func=cmd_demo)
    c = sub.add_parser("compare", help="two verdicts (outcome, restatement) for every commitment of a chain")
    c.add_argument("paths", nargs="+", help="speech files or folders of .txt files")
    c.add_argument("--manifest", action="append", help="manifest CSV with a chain column (may be repeated)")
    c.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet"])
    c.add_argument("--ledger", action="store_true", help="one row per commitment (the ledger table) instead "
                                                          "of one per link")
    c.add_argument("--as-of", help="date YYYY-MM-DD for days overdue in the ledger (no default: no clock)")
    c.add_argument("--checkable-only", action="store_true", help="ledger rows for checkable commitments only")
    c.add_argument("-o", "--output", help="output file (default: standard output)")
    c.set_defaults(func=cmd_compare)
    a = ap.parse_args(argv)
    return a.func(a)


if __name__ == "__main__":
    sys.exit(main())
