"""The local engine: worker processes that each hold one document at a time.

The driver knows which document every worker has, so when a worker dies (killed
by the system for lack of memory, a crash in a C library) the document it had
is known exactly: it is given once more to a fresh worker, and if that one dies
too it is recorded as failed; the other documents go on. A worker still busy
when its document's time limit plus a grace period is over (stuck where Python
cannot interrupt it) is killed and replaced, and its document recorded as timed
out. Workers are started with ``spawn`` (a fresh interpreter: no locks or
threads inherited from the driver) and exit when the driver dies.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait

from .worker import Task, serve

__all__ = ["LocalPool", "BatchError", "grace"]


class BatchError(RuntimeError):
    """The run itself cannot go on (output not writable, workers that cannot start, a missing dependency)."""


def grace(seconds: float) -> float:
    """Time a worker gets beyond a document's limit before it is killed (its own timer should stop it first)."""
    return 5.0 + 0.1 * seconds


@dataclass
class _Slot:
    proc: object
    conn: object
    ready: bool = False
    task: Task | None = None
    attempt: int = 0
    deadline: float | None = None  # time.monotonic() after which the worker is killed


def _how(code) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


def _failure(task: Task, reason: str, attempts: int) -> dict:
    return {"doc_id": task.doc_id, "path": task.path, "ok": False, "commitments": 0, "chars": 0,
            "reason": reason, "attempts": attempts, "seconds": 0.0}


class LocalPool:
    """``run(tasks)`` yields one result dict per task, in the order they finish."""

    def __init__(self, workers: int, extractor=None):
        self.n, self.factory = workers, extractor
        self.ctx = mp.get_context("spawn")
        self.slots: list[_Slot] = []
        self.idle_deaths = 0

    def _spawn(self) -> _Slot:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=serve, args=(child, os.getpid(), self.factory), daemon=True,
                                name="speechkit-worker")
        proc.start()
        child.close()
        return _Slot(proc, parent)

    def run(self, tasks: list[Task]):
        queue = deque((t, 1) for t in tasks)
        self.slots = [self._spawn() for _ in range(min(self.n, len(queue)))]
        try:
            while queue or any(s.task for s in self.slots):
                self._dispatch(queue)
                yield from self._collect(queue)
            self._stop(kill=False)
        finally:
            self._stop(kill=True)  # interrupted, or an error: nothing is left running

    def _dispatch(self, queue: deque) -> None:
        for s in self.slots:
            if not (s.ready and s.task is None and queue):
                continue
            task, attempt = queue.popleft()
            try:
                s.conn.send(task)
            except OSError:  # the worker just died: its death is handled in _collect
                queue.appendleft((task, attempt))
                continue
            s.task, s.attempt = task, attempt
            s.deadline = time.monotonic() + task.seconds + grace(task.seconds) if task.seconds else None

    def _collect(self, queue: deque):
        deadlines = [s.deadline for s in self.slots if s.deadline]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else 5.0
        wait([s.conn for s in self.slots] + [s.proc.sentinel for s in self.slots], timeout)
        for i, s in enumerate(self.slots):
            while s.conn.poll():
                try:
                    kind, value = s.conn.recv()
                except (EOFError, OSError):
                    break
                if kind == "ready":
                    s.ready = True
                elif kind == "done":
                    self.idle_deaths = 0
                    value["attempts"], s.task, s.deadline = s.attempt, None, None
                    yield value
            if s.proc.exitcode is not None:
                yield from self._replace(i, queue, timed_out=False)
            elif s.task is not None and s.deadline and time.monotonic() > s.deadline:
                s.proc.kill()
                yield from self._replace(i, queue, timed_out=True)

    def _replace(self, i: int, queue: deque, timed_out: bool):
        s = self.slots[i]
        s.proc.join(5)
        code = s.proc.exitcode
        s.conn.close()
        self.slots[i] = self._spawn()
        if s.task is None:
            self.idle_deaths += 1
            if self.idle_deaths > 2 * self.n + 2:
                raise BatchError(f"worker processes keep dying without a document ({_how(code)}): "
                                 "see the messages above, or run with workers=1")
        elif timed_out:
            yield _failure(s.task, f"timeout: not done within {s.task.seconds:g} s; its worker process was "
                                   "stopped (--timeout to change the limit)", s.attempt)
        elif s.attempt == 1:
            queue.appendleft((s.task, 2))  # once more, in a fresh worker
        else:
            yield _failure(s.task, f"its worker process died twice while processing it ({_how(code)}; "
                                   "out of memory?)", s.attempt)

    def _stop(self, kill: bool) -> None:
        for s in self.slots:
            if s.proc.exitcode is None:
                if kill:
                    s.proc.kill()
                else:
                    try:
                        s.conn.send(None)
                    except OSError:
                        pass
        for s in self.slots:
            s.proc.join(None if kill else 10)
            if s.proc.exitcode is None:
                s.proc.kill()
                s.proc.join()
            s.conn.close()
        self.slots = []
