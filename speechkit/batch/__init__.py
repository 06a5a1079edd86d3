"""Batch runs over corpora: worker processes or Dask, streamed output, resumable, nothing lost.

``process_corpus(corpus, out_dir)`` writes, for every document, its records
to ``out_dir/records/<doc_id>.jsonl`` (or ``.parquet``) as soon as the
document is done, atomically (a temporary file renamed into place). What a run
guarantees:

- **Resume.** A run killed halfway leaves only whole files; running the same
  call again skips the documents already written and ends with exactly the
  output of an uninterrupted run. Failed documents are tried again.
- **Time limit.** Each document gets ``timeout`` seconds, by default 60 s plus
  1 s per 50,000 bytes of the file (:data:`TIMEOUT_FLOOR`, :data:`TIMEOUT_RATE`);
  ``timeout=None`` (``--timeout 0``) sets none. A worker process still busy a
  grace period later is killed. A document over its time is recorded as failed.
- **Retry.** A worker process that dies (killed by the system for lack of
  memory, a crash) is replaced; its document is tried once more in a fresh one,
  then recorded as failed with its path. The other documents go on.
- **No orphans.** Worker processes exit when the driver dies, however it dies.
- **Lock.** One run at a time writes into an output folder; a second one is
  refused (:class:`OutputLocked`); a lock left by a killed run is taken over.
- **Ids.** A document's id is its manifest row's id, else its path relative to
  the corpus folder without suffix (``a/report`` and ``b/report`` for two
  ``report.txt``): unique, and the same on every run.
- **Summary.** ``out_dir/summary.json`` (every document of the folder with its
  id, path and status; the last run's figures) and ``out_dir/errors.jsonl``
  (the failed ones, with reason and path) are written at the end of every run,
  also one stopped by Ctrl-C or SIGTERM (which then raises ``KeyboardInterrupt``).

``workers=1`` runs in this process (a crash of the interpreter then ends the
run; it resumes); ``workers=N`` starts N worker processes, each with one
:class:`~speechkit.extractor.Extractor` built on its first document.

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

import importlib
import json
import os
import signal
import sys
import threading
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

from .lock import FolderLock, OutputLocked
from .pool import BatchError, LocalPool
from .state import BatchSummary, record_files, write_state
from .worker import MAX_CHARS, Task, run_task

__all__ = ["process_corpus", "read_results", "BatchSummary", "Task", "OutputLocked", "BatchError",
           "BatchWarning", "Interrupted", "seconds_allowed", "DEFAULT_TIMEOUT", "TIMEOUT_FLOOR", "TIMEOUT_RATE"]

#: the default time limit per document: ``"auto"``, i.e. TIMEOUT_FLOOR seconds plus one per TIMEOUT_RATE bytes
DEFAULT_TIMEOUT = "auto"
TIMEOUT_FLOOR = 60.0
#: bytes per second a document is allowed at the least (the pipeline reads ~1 MB/s of UTF-8 on one core)
TIMEOUT_RATE = 50_000


class BatchWarning(UserWarning):
    """Something about a run worth a line (a stale lock taken over, no documents found)."""


class Interrupted(KeyboardInterrupt):
    """The driver received SIGTERM; raised like Ctrl-C's ``KeyboardInterrupt`` after the summary is written."""

    def __init__(self, signum: int):
        super().__init__(f"stopped by signal {signal.Signals(signum).name}")
        self.signum = signum


def seconds_allowed(timeout, size: int) -> float | None:
    """A document's time limit: ``timeout`` seconds, none for ``None``/0, or ``"auto"`` by file size in bytes.

    >>> seconds_allowed("auto", 300_000), seconds_allowed(None, 300_000), seconds_allowed(2.5, 1)
    (66.0, None, 2.5)
    """
    if timeout == "auto":
        return TIMEOUT_FLOOR + size / TIMEOUT_RATE
    return float(timeout) if timeout else None


def _require(module: str, extra: str, what: str) -> None:
    try:
        importlib.import_module(module)
    except ImportError as e:
        raise ImportError(f'{what} needs {module.split(".")[0]}, which is not installed: '
                          f'pip install "speechkit[{extra}]"') from e


def check_options(workers, engine: str, fmt: str, timeout) -> None:
    """Refuse impossible settings before anything is written: ``ValueError`` or ``ImportError`` saying the fix."""
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a whole number, at least 1, not {workers!r}")
    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"fmt must be 'jsonl' or 'parquet', not {fmt!r}")
    if timeout not in ("auto", None) and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))
                                          or timeout < 0 or timeout != timeout):
        raise ValueError(f"timeout must be seconds ≥ 0 (0 or None: no limit) or 'auto', not {timeout!r}")
    if fmt == "parquet":
        _require("pyarrow", "parquet", "Parquet output")
    if engine == "dask":
        _require("dask.distributed", "dask", "The Dask engine")


def _size(path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _as_corpus(corpus, manifest):
    from ..io import Corpus, read_corpus

    return corpus if isinstance(corpus, Corpus) else read_corpus(corpus, manifest=manifest)


def _ids(corpus) -> list[str]:
    if corpus.doc_ids is not None:
        return corpus.ids
    from ..manifest import _unique, corpus_root, relative_id

    paths = [Path(p) for p, _ in corpus.entries]
    root = corpus.root or corpus_root(paths)
    return _unique([(m or {}).get("id") or relative_id(p, root) for p, m in corpus.entries], paths, root)


def _tasks(corpus, out_dir: Path, fmt, date, timeout, max_chars, extractor) -> list[Task]:
    rec = out_dir / "records"
    date = date or corpus.date
    return [Task(str(path), doc_id, dict(meta or {}), str(rec / f"{doc_id}.{fmt}"), fmt,
                 date.isoformat() if date else None, seconds_allowed(timeout, _size(path)), max_chars, extractor)
            for (path, meta), doc_id in zip(corpus.entries, _ids(corpus))]


@contextmanager
def _sigterm_as_interrupt():
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise Interrupted(signum)

    old = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def process_corpus(corpus, out_dir, *, workers: int = 1, engine: str = "local", scheduler=None,
                   manifest=None, fmt: str = "jsonl", date=None, timeout=DEFAULT_TIMEOUT,
                   max_chars: int = MAX_CHARS, progress: bool | None = None, extractor=None) -> BatchSummary:
    """Extract the commitments of every document of ``corpus`` into ``out_dir`` (see the module's guarantees).

    ``corpus`` is a :class:`~speechkit.io.Corpus`, a folder or a list of
    paths (with ``manifest`` CSV(s) for dates and metadata). ``engine`` is
    ``"local"`` (``workers`` processes; 1 runs in this process) or ``"dask"``
    (``scheduler`` is a ``dask.distributed`` address or ``Client``; without
    one a local cluster of ``workers`` processes is started). ``timeout`` is
    seconds per document, ``"auto"`` (default) or ``None`` (no limit).
    ``progress`` shows a tqdm bar (default: only when standard error is a
    terminal). ``extractor`` is a picklable callable building the extractor
    each worker uses (default :class:`~speechkit.extractor.Extractor`).

    >>> import tempfile, pathlib
    >>> src, out = pathlib.Path(tempfile.mkdtemp()), pathlib.Path(tempfile.mkdtemp())
    >>> _ = (src / "a.txt").write_text("县财政局要在年底前完成债券发行。", encoding="utf-8")
    >>> print(process_corpus(src, out, date="2021-03-01", progress=False).done)
    1
    >>> process_corpus(src, out, date="2021-03-01", progress=False).skipped  # a second run resumes
    1
    """
    from ..io import parse_date

    check_options(workers, engine, fmt, timeout)
    date = parse_date(date)
    corpus = _as_corpus(corpus, manifest)
    out_dir = Path(out_dir)
    (out_dir / "records").mkdir(parents=True, exist_ok=True)
    with FolderLock(out_dir) as lock:
        if lock.note:
            warnings.warn(BatchWarning(lock.note), stacklevel=2)
        for stale in (out_dir / "records").rglob(".*.tmp"):  # left by a killed run: never taken as done
            stale.unlink()
        tasks = _tasks(corpus, out_dir, fmt, date, timeout, max_chars, extractor)
        if not tasks:
            warnings.warn(BatchWarning(f"no documents to process in {corpus!r}"), stacklevel=2)
        settings = {"workers": workers, "engine": engine, "format": fmt,
                    "timeout": timeout if timeout in ("auto", None) else float(timeout)}
        return _drive(tasks, out_dir, settings, scheduler, progress)


def _drive(tasks: list[Task], out_dir: Path, settings: dict, scheduler, progress) -> BatchSummary:
    from tqdm import tqdm

    summary = BatchSummary(documents=len(tasks), ids={t.path: t.doc_id for t in tasks})
    entries, todo = {}, []
    for t in tasks:
        if Path(t.out).exists():
            summary.skipped += 1
            entries[t.doc_id] = {"id": t.doc_id, "path": t.path, "status": "skipped"}
        else:
            todo.append(t)
            entries[t.doc_id] = {"id": t.doc_id, "path": t.path, "status": "not done",
                                 "reason": "not reached: the run was stopped"}
    t0 = time.perf_counter()
    bar = tqdm(total=len(todo), disable=not (sys.stderr.isatty() if progress is None else progress), unit="doc",
               desc="speechkit")
    pending = None
    try:
        with _sigterm_as_interrupt():
            for res in _results(todo, settings["workers"], settings["engine"], scheduler):
                if res.get("fatal"):
                    raise BatchError(res["fatal"])
                _account(summary, entries[res["doc_id"]], res, t0)
                bar.update(1)
    except BaseException as e:
        pending = e
        summary.interrupted = isinstance(e, KeyboardInterrupt)
        raise
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - t0
        summary.errors.sort(key=lambda e: e["doc_id"])
        _save(out_dir, summary, list(entries.values()), settings, pending)
    return summary


def _account(summary: BatchSummary, entry: dict, res: dict, t0: float) -> None:
    if summary.first_result_seconds is None:
        summary.first_result_seconds = time.perf_counter() - t0
    summary.characters += res["chars"]
    summary.retried += res.get("attempts", 1) > 1
    if res["ok"]:
        summary.done += 1
        summary.commitments += res["commitments"]
        entry.update(status="done", reason=None, commitments=res["commitments"], characters=res["chars"])
    else:
        summary.failed += 1
        summary.errors.append({"doc_id": res["doc_id"], "path": res["path"], "reason": res["reason"]})
        entry.update(status="failed", reason=res["reason"], characters=res["chars"] or None)


def _save(out_dir: Path, summary: BatchSummary, entries: list, settings: dict, pending) -> None:
    try:
        write_state(out_dir, summary, entries, settings)
    except OSError as e:
        message = f"{out_dir}: cannot write summary.json and errors.jsonl: {e.strerror or e}"
        if pending is None:
            raise BatchError(message) from None
        warnings.warn(BatchWarning(message), stacklevel=3)  # the run is already failing: keep its own error


def _results(todo: list[Task], workers: int, engine: str, scheduler):
    if not todo:
        return iter(())
    if engine == "dask":
        from .dask_engine import run_dask

        return run_dask(todo, workers, scheduler)
    if workers == 1:
        return (run_task(t) for t in todo)
    # the largest documents first, so that one big file does not finish last alone
    return LocalPool(workers, todo[0].extractor).run(sorted(todo, key=lambda t: -_size(t.path)))


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

    frames, rows = [], []
    for key, p in sorted(record_files(out_dir).items()):
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
