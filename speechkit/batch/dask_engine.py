"""The Dask engine: the same tasks on a ``dask.distributed`` cluster.

Dask restarts a worker that dies and gives its task to another one, up to the
scheduler's ``distributed.scheduler.allowed-failures`` times; after that the
document is recorded as failed (``KilledWorker``) and the run goes on. Time
limits are kept by :func:`~speechkit.batch.worker.time_limit` inside the task
(Dask runs tasks in threads: a task stuck inside C code cannot be stopped).
"""
from __future__ import annotations

from .worker import Task, run_task

__all__ = ["run_dask"]


def _failure(task: Task, reason: str) -> dict:
    return {"doc_id": task.doc_id, "path": task.path, "ok": False, "commitments": 0, "chars": 0,
            "reason": reason, "seconds": 0.0}


def run_dask(tasks: list[Task], workers: int, scheduler):
    """Yield one result per task; ``scheduler`` is an address, a ``Client``, or ``None`` for a local cluster."""
    from dask.distributed import Client, KilledWorker, LocalCluster
    from dask.distributed import as_completed as das_completed

    own = None
    if scheduler is None:
        own = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(own)
    elif isinstance(scheduler, str):
        client = Client(scheduler)
    else:
        client = scheduler
    futs = []
    try:
        keys = [f"speechkit-{t.doc_id}" for t in tasks]
        by_key = dict(zip(keys, tasks))
        futs = client.map(run_task, tasks, key=keys, pure=False)
        for f in das_completed(futs):
            try:
                yield f.result()
            except KilledWorker as e:
                yield _failure(by_key[f.key], f"its Dask worker died while processing it, each time it was tried "
                                              f"(out of memory?): {e}")
            except Exception as e:  # noqa: BLE001 - a task's own error (run_task catches its document's)
                yield _failure(by_key[f.key], f"Dask task failed: {type(e).__name__}: {e}")
    finally:
        if futs and client.status == "running":  # interrupted: nothing left computing for this run
            client.cancel(futs)
        if client is not scheduler:
            client.close()
        if own is not None:
            own.close()
