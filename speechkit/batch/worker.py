"""The worker side of a batch run: one document in, its records written, a result dict out.

:func:`run_task` never raises for a document's own failure (unreadable, too
large, too slow, a bug): the result says why. It reports a *fatal* problem
(the output cannot be written, a dependency is missing) in ``result["fatal"]``
so that the driver stops the run instead of failing every document alike.

A worker process (:func:`serve`) keeps one extractor for all its documents,
ignores Ctrl-C (the driver decides), and exits as soon as its driver dies:
``PR_SET_PDEATHSIG`` on Linux, and on every system a thread that watches the
parent process id.
"""
from __future__ import annotations

import ctypes
import json
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

__all__ = ["Task", "run_task", "serve", "time_limit", "DocumentTimeout", "MAX_CHARS"]

#: documents above this many characters are refused (a whole year of a newspaper is not a speech)
MAX_CHARS = 20_000_000


@dataclass(frozen=True)
class Task:
    """One document to process: where it is, its id and manifest row, where its output goes.

    ``seconds`` is its time limit (``None``: none); ``extractor`` a picklable
    callable that builds the extractor (default :class:`speechkit.extractor.Extractor`).
    """

    path: str
    doc_id: str
    meta: dict
    out: str
    fmt: str = "jsonl"
    date: str | None = None
    seconds: float | None = None
    max_chars: int = MAX_CHARS
    extractor: Callable | None = None


class DocumentTimeout(BaseException):
    """Raised inside a document's work when its time is up (a BaseException: ``except Exception`` in library
    code must not swallow it)."""


def _raise_in(thread_id: int, exc) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


def _alarm(signum, frame):
    raise DocumentTimeout()


@contextmanager
def time_limit(seconds: float | None):
    """Raise :class:`DocumentTimeout` in this thread if the block is still running after ``seconds``.

    In the main thread a ``SIGALRM`` timer does it (Unix); in other threads (Dask runs tasks in
    threads) a timer thread raises the exception asynchronously, at the block's next Python
    instruction (within the interpreter's switch interval, 5 ms).

    >>> import time
    >>> try:
    ...     with time_limit(0.05):
    ...         while True:
    ...             time.sleep(0.001)
    ... except DocumentTimeout:
    ...     print("stopped")
    stopped
    """
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    else:
        with _thread_time_limit(seconds):
            yield


@contextmanager
def _thread_time_limit(seconds: float):
    tid, lock, active = threading.get_ident(), threading.Lock(), [True]

    def fire():
        with lock:
            if active[0]:
                _raise_in(tid, DocumentTimeout)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            active[0] = False
        timer.cancel()
        _raise_in(tid, None)  # an exception set but not yet raised is withdrawn


# ---------------------------------------------------------------- one document
_EXTRACTORS: dict = {}  # one extractor per worker process and factory, built on its first document


def _extractor(factory):
    if factory not in _EXTRACTORS:
        if factory is None:
            from ..extractor import Extractor as factory_
        else:
            factory_ = factory
        _EXTRACTORS[factory] = factory_()
    return _EXTRACTORS[factory]


def atomic_write(path: Path, write, keep: Callable[[], bool] = lambda: True) -> bool:
    """``write(tmp)`` then rename into place if ``keep()`` still says so: a reader (or a resumed run) never
    sees half a file. Whether it was renamed."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        if not keep():
            return False
        os.replace(tmp, path)
        return True
    finally:
        if tmp.exists():
            tmp.unlink()


def write_records(records, path: Path, fmt: str, keep: Callable[[], bool] = lambda: True) -> int | None:
    """Write ``records`` (an iterable of spec dicts, consumed once) to ``path``; how many, or ``None`` if
    ``keep()`` said no before the file was put in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = [0]
    if fmt == "jsonl":
        def write(tmp):
            with open(tmp, "w", encoding="utf-8") as f:
                for r in records:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
                    count[0] += 1
    else:
        records = list(records)
        count[0] = len(records)

        def write(tmp):
            import pyarrow as pa
            import pyarrow.parquet as pq

            rows = [{**r, "deadline": json.dumps(r["deadline"], ensure_ascii=False) if r["deadline"] else None,
                     "metrics": json.dumps(r["metrics"], ensure_ascii=False),
                     "frequency": json.dumps(r["frequency"], ensure_ascii=False) if r["frequency"] else None}
                    for r in records]
            pq.write_table(pa.Table.from_pylist(rows, schema=_schema()), tmp)
    return count[0] if atomic_write(path, write, keep) else None


def _schema():
    import pyarrow as pa

    return pa.schema([("doc_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
                      ("modality", pa.string()), ("strength", pa.string()), ("owner", pa.string()),
                      ("action", pa.string()), ("deadline", pa.string()), ("metrics", pa.string()),
                      ("frequency", pa.string()), ("checkable", pa.bool_())])


def _extract(task: Task, res: dict):
    """The document read now, and its records as they are extracted (lean: no trails or rejections, none
    kept: a long document's records go to the file one by one)."""
    from ..io import ReadError, read_speech

    sp = read_speech(task.path, date=task.date, meta=task.meta or None, doc_id=task.doc_id)
    res["chars"] = len(sp.raw)
    if len(sp.raw) > task.max_chars:
        raise ReadError(task.path, f"too large: {len(sp.raw):,} characters (limit {task.max_chars:,})")
    return _records(_extractor(task.extractor), sp)


def _records(extractor, sp):
    """Spec dicts of the records, one by one through ``iter_extract`` when the extractor has it (an extractor
    given to a batch run may have only ``extract``)."""
    stream = getattr(extractor, "iter_extract", None)
    try:
        for c in (stream(sp) if stream else extractor.extract(sp)):
            yield c.to_dict()
    except OSError as e:  # the extraction's own, not the output's: this document failed, the run goes on
        raise RuntimeError(f"{type(e).__name__}: {e}") from e


def run_task(task: Task, still_wanted: Callable[[], bool] = lambda: True) -> dict:
    """Process one document in this process; failures come back in the result, never as an exception.

    The records are extracted as they are written to a temporary file, renamed into place when the
    document is done; ``still_wanted`` is asked before the rename (a worker whose driver died leaves
    nothing).
    """
    from ..io import ReadError

    t0 = time.perf_counter()
    res = {"doc_id": task.doc_id, "path": task.path, "ok": False, "commitments": 0, "chars": 0, "reason": None}
    try:
        with time_limit(task.seconds):
            written = write_records(_extract(task, res), Path(task.out), task.fmt, keep=still_wanted)
    except ReadError as e:
        res["reason"] = e.reason
    except DocumentTimeout:
        res["reason"] = f"timeout: not done within {task.seconds:g} s (--timeout to change the limit)"
    except ImportError as e:  # a missing dependency is the run's problem, not this document's
        res["fatal"] = f"{type(e).__name__}: {e}"
    except OSError as e:  # reading failures are ReadErrors: this is the output
        res["fatal"] = f"{task.out}: cannot write: {e.strerror or e}"
    except Exception as e:  # a bug on one document must not stop the run
        res["reason"] = f"extraction failed: {type(e).__name__}: {e}"
    else:
        if written is None:
            res["reason"] = "abandoned: the run's driver process ended"
            return res
        res.update(ok=True, commitments=written)
    res["seconds"] = time.perf_counter() - t0
    return res


# ---------------------------------------------------------------- worker process
PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """End this process when ``parent_pid`` (its parent) dies: at once on Linux, within 0.5 s elsewhere."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the watchdog below still works
            pass
    if os.getppid() != parent_pid:  # the parent died before the line above
        os._exit(1)

    def watch():
        while True:
            time.sleep(0.5)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="speechkit-parent-watch", daemon=True).start()


def warm_up(extractor) -> None:
    """One small extraction, so that what an extractor loads on first use (dictionaries, compiled patterns)
    is loaded before the first document's time limit starts."""
    from ..io import Speech

    extractor.extract(Speech.from_text("县交通局要在6月底前完成滨江大道通车，新增停车泊位500个。", date="2021-01-01"))


def serve(conn, parent_pid: int, factory=None) -> None:
    """Worker process main loop: builds and warms its extractor (no document's time limit pays for it), says
    ``("ready", pid)``, then sends a result for each task received, until ``None``."""
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    alive = lambda: os.getppid() == parent_pid  # noqa: E731
    warm_up(_extractor(factory))
    conn.send(("ready", os.getpid()))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(("done", run_task(task, alive)))
