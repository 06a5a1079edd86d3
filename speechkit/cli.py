"""Command line: ``speechkit extract``, ``compare``, ``report``, ``segment``, ``text``, ``demo``.

Bad files are reported on stderr with the reason; the others still produce
output. Exit status: 0 all done, 1 when any file failed (or a batch run could
not go on), 2 for a usage error (bad argument, manifest, input or output path:
one line naming it and the fix), 130/143 for a batch run stopped by Ctrl-C or
SIGTERM (its summary is written; the same command resumes it).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import cli_args as args_

__all__ = ["main"]


def _collect(paths: list[str]) -> list[Path]:
    return args_.collect_inputs(paths)


def _manifest_rows(manifests) -> dict:
    from .manifest import read_manifests

    return read_manifests(manifests)


def cmd_batch(a) -> int:
    """``extract`` with ``--workers``/``--engine``: a resumable batch run into the folder ``-o``."""
    from .batch import process_corpus
    from .io import read_corpus

    if not a.output:
        raise args_.UsageError("a batch run (--workers/--engine) needs -o OUT_DIR")
    args_.check_output_folder(a.output)
    if a.format == "parquet":
        args_.require("pyarrow")
    if a.engine == "dask":
        args_.require("dask.distributed")
    corpus = read_corpus(_collect(a.paths), manifest=a.manifest)
    for p in corpus.unlisted:
        print(f"speechkit: {p}: no manifest row (date from the text, if any)", file=sys.stderr)
    fmt = "parquet" if a.format == "parquet" else "jsonl"
    try:
        summary = process_corpus(corpus, a.output, workers=a.workers or 1, engine=a.engine or "local",
                                 scheduler=a.scheduler, fmt=fmt, date=a.date, timeout=a.timeout, progress=None)
    except KeyboardInterrupt as e:
        return _interrupted(a.output, getattr(e, "signum", 2))
    for e in summary.errors:
        print(f"speechkit: {e['path']}: {e['reason']}", file=sys.stderr)
    print(summary, file=sys.stderr)
    f = summary.folder
    print(f"speechkit: {a.output}: {f['done']} of {f['documents']} documents done, {f['failed']} failed "
          f"(summary.json, errors.jsonl)", file=sys.stderr)
    return 1 if summary.failed else 0


def _interrupted(out, signum: int) -> int:
    try:
        f = json.loads((Path(out) / "summary.json").read_text(encoding="utf-8"))
        state = f"{f['done']} of {f['documents']} documents done, {f['failed']} failed; "
    except (OSError, ValueError, KeyError):
        state = ""
    print(f"speechkit: interrupted: {out}: {state}run the same command again to resume", file=sys.stderr)
    return 128 + signum


def cmd_extract(a) -> int:
    if a.workers or a.engine:
        return cmd_batch(a)
    from .extractor import Extractor
    from .frame import to_frame
    from .io import ReadError, read_speech

    if a.format == "parquet":
        if not a.output or a.output == "-":
            raise args_.UsageError("--format parquet needs -o FILE")
        args_.require("pyarrow")
    args_.check_output_file(a.output)
    rows = _manifest_rows(a.manifest)
    ex = Extractor()
    failed = 0
    records, speeches = [], {}
    for path in _collect(a.paths):
        try:
            sp = read_speech(path, date=a.date, meta=rows.get(path.stem))
            res = ex.extract(sp, lean=True)  # records only: no trails or rejections kept
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
        speeches[sp.doc_id] = sp
    out = a.output
    if a.format == "jsonl":
        lines = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in records)
        if out and out != "-":
            Path(out).write_text(lines, encoding="utf-8")
        else:
            sys.stdout.write(lines)
    elif a.format == "csv":
        df = to_frame(records, speeches=speeches)
        if out and out != "-":
            df.to_csv(out, index=False)
        else:
            df.to_csv(sys.stdout, index=False)
    elif a.format == "parquet":
        to_frame(records, speeches=speeches).to_parquet(out, index=False)
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
    for col, width in (("text", 28), ("owner", 12)):
        view[col] = view[col].map(lambda v, w=width: _cut(v, w))
    with pd.option_context("display.max_rows", None, "display.width", 250, "display.max_colwidth", None,
                           "display.unicode.east_asian_width", True):
        print(view.to_string(index=False, na_rep="-"))


def _cut(value, width: int):
    """Text cut to ``width`` characters, with an ellipsis when something was cut.

    >>> _cut("县交通局要在6月底前完成滨江大道通车", 8), _cut("确保通车", 8)
    ('县交通局要在6…', '确保通车')
    """
    if not isinstance(value, str) or len(value) <= width:
        return value
    return value[: width - 1] + "…"


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


def cmd_text(a) -> int:
    """Print the text speechkit reads from each file: the text every offset in a record refers to."""
    from .io import ReadError, read_speech

    failed = 0
    paths = _collect(a.paths)
    args_.check_output_file(a.output)
    out = open(a.output, "w", encoding="utf-8") if a.output and a.output != "-" else sys.stdout
    try:
        for path in paths:
            try:
                sp = read_speech(path)
            except ReadError as e:
                print(f"speechkit: {e}", file=sys.stderr)
                failed += 1
                continue
            if len(paths) > 1:
                out.write(f"==> {path} <==\n")
            out.write(sp.raw + ("\n" if len(paths) > 1 and not sp.raw.endswith("\n") else ""))
            if a.info:
                fmt = sp.meta.get("format", "text")
                units = {k: len(sp.meta[k]) for k in ("pages", "paragraphs") if sp.meta.get(k)}
                extra = ", ".join(f"{v} {k}" for k, v in units.items())
                print(f"speechkit: {path}: {fmt}, {sp.encoding or '-'}, {len(sp.raw):,} characters"
                      + (f", {extra}" if extra else ""), file=sys.stderr)
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0


def cmd_explain(a) -> int:
    """Why the text at a raw offset is, or is not, a commitment, and where each field came from."""
    from .extractor import Extractor

    speeches, failed = _read_all([a.path], a.manifest, a.date)
    if not speeches:
        return 1
    res = Extractor().extract(speeches[0])
    if a.at is None and a.record is None:
        for i in range(len(res)):
            print(res.explain(i) + "\n")
    elif a.record is not None:
        if not 0 <= a.record < len(res):
            print(f"speechkit: {a.path}: no record {a.record} (it has {len(res)})", file=sys.stderr)
            return 2
        print(res.explain(a.record))
    else:
        print(res.explain(at=a.at))
    return 0


def cmd_report(a) -> int:
    """Build the static report site of the speeches into the folder ``-o``."""
    import time

    from .report import build_site

    t0 = time.perf_counter()
    speeches, failed = _read_all(a.paths, a.manifest, date=a.date)
    if not speeches:
        print("speechkit: no speech could be read: no site written", file=sys.stderr)
        return 1
    index = build_site(speeches, a.output, as_of=a.as_of, site=a.title, figures=not a.no_figures)
    print(f"speechkit: {len(speeches)} speeches → {index} ({time.perf_counter() - t0:.1f} s; open it in a browser)",
          file=sys.stderr)
    return 1 if failed else 0


_LINK_KEYS = ("a_doc", "a_start", "a_end", "a_text", "b_doc", "b_start", "b_end", "b_text", "kind", "status",
              "reason", "indicator", "method", "score", "part", "tolerance", "rule", "evidence")


def cmd_compare(a) -> int:
    """Two verdicts for every commitment of every chain: one JSON line per link (``--ledger``: one row
    per commitment, the analyst's table)."""
    from .compare.chain import compare_chain
    from .compare.table import chains_of, ledger
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
        print(f"\nTarget ledger of the chain(s) {sorted({sp.meta['chain'] for sp in chains})} as of {a.as_of}: "
              "each commitment of a report, judged against the chain's next report")
        _print_ledger(led)
    return 1 if corpus.errors else 0


# Ledger columns the demo shows, in order; for each, the names it has had (the first found is shown).
LEDGER_COLUMNS = [
    (("doc_id",), "the report that made the commitment"),
    (("text",), "the commitment as written (cut with … when longer)"),
    (("indicator",), "the indicator it sets a target for (gdp_growth, urban_new_jobs…), if any"),
    (("target_value", "metric_value"), "the number promised"),
    (("target_op", "metric_op"), "how: >= at least (以上), <= at most (以内), ~ about (左右), = exactly"),
    (("outcome_status", "status"), "its fate per the next report: met, partly_met, not_met; when that report does "
                                   "not say, not_assessed (older ledgers: the restatement status)"),
    (("restatement_status", "next"), "what the next report's plan does with it: restated, raised, lowered, "
                                     "slipped (later deadline), dropped"),
    (("outcome_text", "evidence_text"), "the next report's words the verdict rests on (cut with …)"),
]


def _print_ledger(led) -> None:
    import pandas as pd

    shown = []
    for names, meaning in LEDGER_COLUMNS:
        col = next((n for n in names if n in led.columns), None)
        if col:
            shown.append((col, meaning))
    view = led[[c for c, _ in shown]].copy()
    for col in ("text", "outcome_text", "evidence_text"):
        if col in view:
            view[col] = view[col].map(lambda v: _cut(v, 22))
    with pd.option_context("display.width", 250, "display.max_colwidth", None, "display.max_rows", 500,
                           "display.unicode.east_asian_width", True):
        print(view.to_string(index=False, na_rep="-"))
    print("\nColumns:")
    for col, meaning in shown:
        print(f"  {col:<18} {meaning}")
    print("  (-: no value. All columns: speechkit.ledger() in Python; the links: speechkit compare)")


FORMATS_HELP = ("speech files (.txt, .docx, .pdf, .html/.htm; Word, PDF and HTML need the extras "
                "speechkit[docx], [pdf], [html]) or folders of them")


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    ap = args_.Parser(prog="speechkit", description="Chinese speeches and work reports → checkable "
                                 "commitments (who promised what, by when, how much), with offsets into the text.",
                                 epilog="`speechkit COMMAND -h` explains each command.")
    ap.add_argument("--version", action="version", version=f"speechkit {__version__}")
    sub = ap.add_subparsers(dest="cmd", required=True, metavar="COMMAND")
    _add_extract(sub)
    _add_text(sub)
    _add_explain(sub)
    _add_segment(sub)
    _add_demo(sub)
    _add_report(sub)
    _add_compare(sub)
    return ap


def _add_extract(sub) -> None:
    e = sub.add_parser("extract", help="extract commitment records", description="Extract commitment records "
                       "(one JSON object per commitment, or a table) from speeches.")
    e.add_argument("paths", nargs="+", help=FORMATS_HELP)
    e.add_argument("--manifest", action="append", help="manifest CSV with an id column (the file name without "
                   "suffix) and optional date, title, kind, chain (may be repeated)")
    e.add_argument("--date", type=args_.parse_date_arg,
                   help="speech date YYYY-MM-DD for all files (overrides the manifest)")
    e.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet", "table"],
                   help="jsonl: the spec's records (default); csv/parquet: one flat row per record; "
                        "table: a readable summary")
    e.add_argument("-o", "--output", help="output file (default: standard output); with --workers or --engine, "
                                           "the output folder of a resumable batch run")
    e.add_argument("--workers", type=args_.parse_workers, help="batch run with N worker processes (1: in this process)")
    e.add_argument("--engine", choices=["local", "dask"], help="batch engine (default local)")
    e.add_argument("--scheduler", help="dask.distributed scheduler address (default: a local cluster)")
    e.add_argument("--timeout", type=args_.parse_timeout, default="auto",
                   help="seconds allowed per document in a batch run (default auto: 60 s plus 1 s per 50 kB "
                        "of the file; 0: no limit)")
    e.set_defaults(func=cmd_extract)


def _add_text(sub) -> None:
    t = sub.add_parser("text", help="print the text read from a file (what record offsets refer to)",
                       description="Print the text speechkit reads from each file: for Word, PDF and HTML the "
                       "extracted text, whose character offsets are the records' start and end.")
    t.add_argument("paths", nargs="+", help=FORMATS_HELP)
    t.add_argument("-o", "--output", help="write to this file instead of standard output")
    t.add_argument("--info", action="store_true", help="also say, on standard error, the format, encoding and "
                   "number of pages or paragraphs of each file")
    t.set_defaults(func=cmd_text)


def _add_explain(sub) -> None:
    x = sub.add_parser("explain", help="say why a clause is or is not a commitment",
                       description="Explain the extractor's decisions on one file: at a raw character offset (the "
                       "record or the rejected sentence or clause there, with the rule that decided), for one record "
                       "by its number, or for every record.")
    x.add_argument("path", help=FORMATS_HELP)
    x.add_argument("--at", type=int, help="a character offset into the text as read (`speechkit text FILE`)")
    x.add_argument("--record", type=int, help="the number of a record (0 = the first)")
    x.add_argument("--manifest", action="append", help="manifest CSV giving the speech's date and kind (may be repeated)")
    x.add_argument("--date", help="speech date YYYY-MM-DD (overrides the manifest)")
    x.set_defaults(func=cmd_explain)


def _add_segment(sub) -> None:
    s = sub.add_parser("segment", help="clean and segment; print a summary",
                       description="Clean and segment speeches; print their size, noise removed and headings.")
    s.add_argument("paths", nargs="+", help=FORMATS_HELP)
    s.add_argument("--manifest", action="append", help="manifest CSV (may be repeated)")
    s.add_argument("--headings", type=int, default=8, help="headings to show per file (default 8)")
    s.set_defaults(func=cmd_segment)


def _add_demo(sub) -> None:
    d = sub.add_parser("demo", help="run the main job on the sample corpus",
                       description="Extract the sample corpus shipped with the repository and print its target "
                       "ledger, with what each column means.")
    d.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent / "corpus"),
                   help="folder with speeches and a manifest.csv (default: the repository's corpus/)")
    d.add_argument("--as-of", default="2022-12-31", type=args_.parse_date_arg, help="date for days overdue in the ledger (default 2022-12-31)")
    d.set_defaults(func=cmd_demo)


def _add_report(sub) -> None:
    r = sub.add_parser("report", help="build a static report site (ledger tables, highlighted texts, figures)",
                       description="Build a self-contained static site (opens from the file system, no server): an "
                       "index of chains and speeches, each chain's target ledger (filterable, sortable, CSV/Excel "
                       "download), each speech's highlighted text with every record anchored, and figures.")
    r.add_argument("paths", nargs="+", help=FORMATS_HELP)
    r.add_argument("--manifest", action="append", help="manifest CSV with id, date, title, kind and chain columns "
                   "(may be repeated); speeches of one chain are compared year to year")
    r.add_argument("-o", "--output", required=True, help="folder to write the site into (created if missing)")
    r.add_argument("--as-of", type=args_.parse_date_arg,
                   help="date YYYY-MM-DD for days overdue (default: none computed)")
    r.add_argument("--date", type=args_.parse_date_arg,
                   help="speech date YYYY-MM-DD for all files (overrides the manifest)")
    r.add_argument("--title", default="讲话承诺追踪", help="the site's name (default 讲话承诺追踪)")
    r.add_argument("--no-figures", action="store_true", help="leave the figures out (faster)")
    r.set_defaults(func=cmd_report)


def _add_compare(sub) -> None:
    c = sub.add_parser("compare", help="two verdicts (outcome, restatement) for every commitment of a chain",
                       description="Give every commitment of every speech of a chain (the manifest's chain column) "
                       "two verdicts: its outcome, read from the review part of the report that judges it, and its "
                       "restatement in the next report's plan. One JSON line per link (kind outcome or restatement), "
                       "or with --ledger one row per commitment.")
    c.add_argument("paths", nargs="+", help=FORMATS_HELP)
    c.add_argument("--manifest", action="append", help="manifest CSV with a chain column (may be repeated)")
    c.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet"], help="output format "
                   "(default jsonl)")
    c.add_argument("--ledger", action="store_true", help="one row per commitment (the ledger table, both "
                   "verdicts and both quotes) instead of one per link")
    c.add_argument("--as-of", type=args_.parse_date_arg,
                   help="date YYYY-MM-DD for days overdue in the ledger (no default: no clock)")
    c.add_argument("--checkable-only", action="store_true", help="ledger rows for checkable commitments only")
    c.add_argument("-o", "--output", help="output file (default: standard output)")
    c.set_defaults(func=cmd_compare)


def main(argv=None) -> int:
    a = _parser().parse_args(argv)
    with args_.warnings_as_lines():
        return args_.run_command(a.func, a)


if __name__ == "__main__":
    sys.exit(main())
