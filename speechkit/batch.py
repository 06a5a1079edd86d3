"""Batch runs over corpora: parallel workers or Dask, streamed output, resumable, nothing lost.

``process_corpus(corpus, out_dir)`` writes, for every document, its records
to ``out_dir/records/<doc_id>.jsonl`` (or ``.parquet``) as soon as the
document is done, atomically (a temporary file renamed into place), so a run
killed halfway leaves only whole files; running the same call again skips
the documents already written and finishes with exactly the output of an
uninterrupted run. A document that fails (unreadable, binary, empty, too
large, too slow, or a bug) is recorded in ``out_dir/errors.jsonl`` with the
reason and the run goes on; failed documents are tried again on the next run.
``out_dir/summary.json`` holds the run's figures.

Each worker process builds one :class:`~speechkit.extractor.Extractor` (one
jieba dictionary load, from jieba's cache) the first time it is given a
document and reuses it for all the others it gets.

>>> import tempfile, pathlib
>>> src, out = pathlib.Path(tempfile.mkdtemp()), pathlib.Path(tempfile.mkdtemp())
>>> _ = (src / "a.txt").write_text("县交通局要在6月底前完成滨江大道通车。", encoding="utf-8")
>>> _ = (src / "b.txt").write_bytes(b"")
>>> s = process_corpus(src, out, date="2021-02-20", progress=False)
>>> s.done, s.failed, s.errors[0]["doc_id"]
(1, 1, 'b')
>>> read_results(out)[["doc_id", "text", "owner"]].values.tolist()
[['a', '县交通局要在6月底前完成滨江大道通车', '县交通局']]
"""
from __future__ import annotations

import json
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = ["process_corpus", "read_results", "BatchSummary", "Task"]

#: documents above this many characters are refused (a whole year of a newspaper is not a speech)
MAX_CHARS = 20_000_000


@dataclass(frozen=True)
class Task:
    """One document to process: where it is, its manifest row, where its output goes."""

    path: str
    doc_id: str
    meta: dict
    out: str
    fmt: str = "jsonl"
    date: str | None = None
    timeout: float | None = None
    max_chars: int = MAX_CHARS


@dataclass
class BatchSummary:
    documents: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    commitments: int = 0
    characters: int = 0
    seconds: float = 0.0
    first_result_seconds: float | None = None
    errors: list = field(default_factory=list)

    @property
    def chars_per_second(self) -> float:
        return self.characters / self.seconds if self.seconds else 0.0

    def __str__(self) -> str:
        return (f"{self.documents} documents: {self.done} done, {self.skipped} already done, {self.failed} failed; "
                f"{self.commitments} commitments; {self.characters:,} characters in {self.seconds:.1f} s "
                f"({self.chars_per_second:,.0f} characters/s)")


# ---------------------------------------------------------------- worker side
_EXTRACTOR = None  # one per worker process, built on its first document


def _extractor():
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from .extractor import Extractor

        _EXTRACTOR = Extractor()
    return _EXTRACTOR


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def _atomic_write(path: Path, write) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _write(records: list[dict], path: Path, fmt: str) -> None:
    if fmt == "jsonl":
        def write(tmp):
            with open(tmp, "w", encoding="utf-8") as f:
                for r in records:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
    else:
        def write(tmp):
            import pyarrow as pa
            import pyarrow.parquet as pq

            rows = [{**r, "deadline": json.dumps(r["deadline"], ensure_ascii=False) if r["deadline"] else None,
                     "metrics": json.dumps(r["metrics"], ensure_ascii=False),
                     "frequency": json.dumps(r["frequency"], ensure_ascii=False) if r["frequency"] else None}
                    for r in records]
            table = pa.Table.from_pylist(rows, schema=_schema())
            pq.write_table(table, tmp)
    _atomic_write(path, write)


def _schema():
    import pyarrow as pa

    return pa.schema([("doc_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
                      ("modality", pa.string()), ("strength", pa.string()), ("owner", pa.string()),
                      ("action", pa.string()), ("deadline", pa.string()), ("metrics", pa.string()),
                      ("frequency", pa.string()), ("checkable", pa.bool_())])


def run_task(task: Task) -> dict:
    """Process one document in this process; never raises: failures come back as a result."""
    from .io import ReadError, read_speech

    t0 = time.perf_counter()
    res = {"doc_id": task.doc_id, "path": task.path, "ok": False, "commitments": 0, "chars": 0, "reason": None}
    old = None
    try:
        if task.timeout and hasattr(signal, "SIGALRM") and _main_thread():
            old = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, task.timeout)
        sp = read_speech(task.path, date=task.date, meta=task.meta or None)
        res["chars"] = len(sp.raw)
        if len(sp.raw) > task.max_chars:
            raise ReadError(task.path, f"too large: {len(sp.raw):,} characters (limit {task.max_chars:,})")
        ext = _extractor().extract(sp)
        records = [c.to_dict() for c in ext.commitments]
        _write(records, Path(task.out), task.fmt)
        res.update(ok=True, commitments=len(records))
    except ReadError as e:
        res["reason"] = e.reason
    except _Timeout:
        res["reason"] = f"timeout: not done within {task.timeout} s"
    except Exception as e:  # a bug on one document must not stop the run
        res["reason"] = f"extraction failed: {type(e).__name__}: {e}"
    finally:
        if old is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    res["seconds"] = time.perf_counter() - t0
    return res


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


# ---------------------------------------------------------------- driver side
def _tasks(corpus, out_dir: Path, fmt, date, timeout, max_chars, manifest=None) -> list[Task]:
    from .io import Corpus, read_corpus

    if not isinstance(corpus, Corpus):
        corpus = read_corpus(corpus, manifest=manifest)
    rec = out_dir / "records"
    ext = "jsonl" if fmt == "jsonl" else "parquet"
    tasks, seen = [], set()
    for path, meta in corpus.entries:
        doc_id = (meta or {}).get("id") or Path(path).stem
        if doc_id in seen:
            doc_id = f"{doc_id}~{len(seen)}"
        seen.add(doc_id)
        tasks.append(Task(str(path), doc_id, dict(meta or {}), str(rec / f"{doc_id}.{ext}"), fmt,
                          str(date) if date else None, timeout, max_chars))
    return tasks


def process_corpus(corpus, out_dir, *, workers: int = 1, engine: str = "local", scheduler=None,
                   manifest=None, fmt: str = "jsonl", date=None, timeout: float | None = None,
                   max_chars: int = MAX_CHARS, progress: bool | None = None) -> BatchSummary:
    """Extract the commitments of every document of ``corpus`` into ``out_dir``.

    ``corpus`` is a :class:`~speechkit.io.Corpus`, a folder or a list of
    paths (with ``manifest`` CSV(s) for dates and metadata). ``engine`` is
    ``"local"`` (``workers`` processes; 1 runs in this process) or ``"dask"``
    (``scheduler`` is a ``dask.distributed`` address or ``Client``; without
    one a local cluster of ``workers`` processes is started). ``progress``
    shows a tqdm bar (default: only when standard error is a terminal).

    >>> import tempfile, pathlib
    >>> src, out = pathlib.Path(tempfile.mkdtemp()), pathlib.Path(tempfile.mkdtemp())
    >>> _ = (src / "a.txt").write_text("县财政局要在年底前完成债券发行。", encoding="utf-8")
    >>> print(process_corpus(src, out, date="2021-03-01", progress=False).done)
    1
    >>> process_corpus(src, out, date="2021-03-01", progress=False).skipped  # a second run resumes
    1
    """
    out_dir = Path(out_dir)
    (out_dir / "records").mkdir(parents=True, exist_ok=True)
    for stale in (out_dir / "records").glob(".*.tmp"):  # left by a killed run: never taken as done
        stale.unlink()
    t0 = time.perf_counter()
    tasks = _tasks(corpus, out_dir, fmt, date, timeout, max_chars, manifest)
    summary = BatchSummary(documents=len(tasks))
    todo = []
    for t in tasks:
        if Path(t.out).exists():
            summary.skipped += 1
        else:
            todo.append(t)
    if progress is None:
        progress = sys.stderr.isatty()
    from tqdm import tqdm

    bar = tqdm(total=len(todo), disable=not progress, unit="doc", desc="speechkit")
    errors = []
    try:
        for res in _run(todo, workers, engine, scheduler):
            if summary.first_result_seconds is None:
                summary.first_result_seconds = time.perf_counter() - t0
            summary.characters += res["chars"]
            if res["ok"]:
                summary.done += 1
                summary.commitments += res["commitments"]
            else:
                summary.failed += 1
                errors.append({"doc_id": res["doc_id"], "path": res["path"], "reason": res["reason"]})
            bar.update(1)
    finally:
        bar.close()
    summary.seconds = time.perf_counter() - t0
    summary.errors = sorted(errors, key=lambda e: e["doc_id"])
    _atomic_write(out_dir / "errors.jsonl", lambda tmp: tmp.write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in summary.errors), encoding="utf-8"))
    _atomic_write(out_dir / "summary.json", lambda tmp: tmp.write_text(
        json.dumps({**asdict(summary), "chars_per_second": summary.chars_per_second}, ensure_ascii=False,
                   indent=1), encoding="utf-8"))
    return summary


def _run(tasks: list[Task], workers: int, engine: str, scheduler):
    if not tasks:
        return
    if engine == "dask":
        yield from _run_dask(tasks, workers, scheduler)
    elif engine != "local":
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    elif workers <= 1:
        for t in tasks:
            yield run_task(t)
    else:
        # the largest documents first, so that one big file does not finish last alone
        order = sorted(tasks, key=lambda t: -_size(t.path))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futs = [pool.submit(run_task, t) for t in order]
            for f in as_completed(futs):
                yield f.result()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _run_dask(tasks, workers, scheduler):
    from dask.distributed import Client, LocalCluster, as_completed as das_completed

    own = None
    if scheduler is None:
        own = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                           dashboard_address=None)
        client = Client(own)
    elif isinstance(scheduler, str):
        client = Client(scheduler)
    else:
        client = scheduler
    try:
        futs = client.map(run_task, tasks, key=[f"speechkit-{t.doc_id}" for t in tasks], pure=False)
        for f in das_completed(futs):
            yield f.result()
    finally:
        if client is not scheduler:
            client.close()
        if own is not None:
            own.close()


def read_results(out_dir):
    """All records of a batch output folder as one DataFrame (the spec's fields), ordered by doc_id and start.

    A document written in both formats (a run with ``fmt="parquet"`` after one with JSON Lines) is read
    once, from its newer file.

    >>> import tempfile, pathlib
    >>> src, out = pathlib.Path(tempfile.mkdtemp()), pathlib.Path(tempfile.mkdtemp())
    >>> _ = (src / "b.txt").write_text("县财政局要在年底前完成债券发行。", encoding="utf-8")
    >>> _ = process_corpus(src, out, date="2021-03-01", progress=False)
    >>> read_results(out)[["doc_id", "owner"]].values.tolist()
    [['b', '县财政局']]
    """
    import pandas as pd

    rec = Path(out_dir) / "records"
    newest: dict[str, Path] = {}
    for p in sorted(rec.glob("*.jsonl")) + sorted(rec.glob("*.parquet")):
        if p.stem not in newest or p.stat().st_mtime > newest[p.stem].stat().st_mtime:
            newest[p.stem] = p
    frames, rows = [], []
    for stem in sorted(newest):
        p = newest[stem]
        if p.suffix == ".parquet":  # nested fields were stored as JSON text: give them back as objects
            f = pd.read_parquet(p)
            for col in ("deadline", "metrics", "frequency"):
                if col in f:
                    f[col] = [json.loads(v) if isinstance(v, str) else None for v in f[col]]
            frames.append(f)
        else:
            rows.extend(json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line)
    if rows:
        frames.append(pd.DataFrame(rows))
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=["doc_id", "start", "end", "text"])
    df = pd.concat(frames, ignore_index=True)
    return df.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)
