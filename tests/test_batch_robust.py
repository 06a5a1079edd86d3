"""Batch runs that never hang or lose track: time limits, dead workers, interrupts, orphans, ids, lock, summary."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import batch_helpers
from speechkit.batch import (BatchError, BatchWarning, OutputLocked, process_corpus, read_results,
                             seconds_allowed)
from speechkit.batch.lock import LOCK_NAME, FolderLock

DATE = "2021-03-01"


def _corpus(folder: Path, texts: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _plain(n: int) -> dict:
    return {f"d{i}.txt": f"县第{i}中学要在年底前完成教学楼改造，新增学位{100 + i}个。" for i in range(n)}


def _summary(out: Path) -> dict:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def _errors(out: Path) -> list:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


# ---------------------------------------------------------------- time limits
def test_default_time_limit_grows_with_the_file_and_can_be_turned_off(tmp_path):
    src = _corpus(tmp_path / "src", _plain(2))
    size = (src / "d0.txt").stat().st_size
    assert seconds_allowed("auto", size) == pytest.approx(60 + size / 50_000)
    assert seconds_allowed("auto", 5_000_000) == pytest.approx(160)
    assert seconds_allowed(None, size) is None and seconds_allowed(0, size) is None
    process_corpus(src, tmp_path / "out", date=DATE, progress=False)
    assert _summary(tmp_path / "out")["last_run"]["timeout"] == "auto"
    process_corpus(src, tmp_path / "off", date=DATE, progress=False, timeout=None)
    assert _summary(tmp_path / "off")["last_run"]["timeout"] is None


def test_default_time_limit_stops_a_runaway_document(tmp_path, monkeypatch):
    import speechkit.batch as batch

    monkeypatch.setattr(batch, "TIMEOUT_FLOOR", 5.0)  # the first document also builds the extractor
    texts = {**_plain(2), "runaway.txt": "县里要在年底前完成SLOW改造。"}
    s = process_corpus(_corpus(tmp_path / "src", texts), tmp_path / "out", date=DATE, progress=False,
                       extractor=batch_helpers.Slow)
    assert (s.done, s.failed) == (2, 1)
    assert s.errors[0]["doc_id"] == "runaway" and s.errors[0]["reason"].startswith("timeout")


def test_time_limit_in_a_thread():
    """Dask runs tasks in threads, where SIGALRM cannot reach: the limit still holds there."""
    import threading

    from speechkit.batch.worker import DocumentTimeout, time_limit

    got = []

    def work():
        try:
            with time_limit(0.1):
                while True:
                    time.sleep(0.005)
        except DocumentTimeout:
            got.append("stopped")
        time.sleep(0.2)  # no late exception after the block
        got.append("after")

    t = threading.Thread(target=work)
    t.start()
    t.join(10)
    assert got == ["stopped", "after"]


def test_worker_stuck_beyond_its_own_timer_is_killed(tmp_path):
    texts = {**_plain(3), "stuck.txt": "县里要在年底前完成STUCK改造。"}
    t0 = time.monotonic()
    s = process_corpus(_corpus(tmp_path / "src", texts), tmp_path / "out", date=DATE, progress=False, workers=2,
                       timeout=3, extractor=batch_helpers.Stuck)
    assert time.monotonic() - t0 < 60
    assert (s.done, s.failed) == (3, 1)
    assert "worker process was stopped" in s.errors[0]["reason"]


# ---------------------------------------------------------------- dead workers
def test_killed_worker_document_retried_once_then_recorded(tmp_path):
    flag = tmp_path / "killed-once.flag"
    texts = {**_plain(6), "oom.txt": "县里要在年底前完成KILL改造。",
             "flaky.txt": f"县里要在年底前完成改造。KILL-ONCE:{flag} \n"}
    out = tmp_path / "out"
    s = process_corpus(_corpus(tmp_path / "src", texts), out, date=DATE, progress=False, workers=2,
                       extractor=batch_helpers.Killing)
    assert (s.done, s.failed) == (7, 1), s.errors
    assert flag.exists(), "the flaky document was killed once, then done on its retry"
    assert s.retried == 2
    errs = _errors(out)
    assert [e["doc_id"] for e in errs] == ["oom"]
    assert errs[0]["path"] == str(tmp_path / "src" / "oom.txt")
    assert "died twice" in errs[0]["reason"] and "SIGKILL" in errs[0]["reason"]
    assert (out / "records" / "flaky.jsonl").exists() and set(read_results(out).doc_id) >= {"d0", "d5"}


def test_dask_worker_killed_document_recorded_with_its_path_others_done(tmp_path):
    """Under the Dask engine a worker process killed by the system (SIGKILL, as the OOM killer does) is
    restarted by its nanny and the document given to a worker again, ``allowed-failures`` times; then
    the document is recorded in errors.jsonl with its path, and the other documents are done.
    Two failures are allowed: a task that Dask had already handed to the worker the other document killed
    counts that death as one of its own failures, so with one allowed the flaky document could be recorded
    too, depending on the order the scheduler picked."""
    distributed = pytest.importorskip("dask.distributed")
    import dask

    flag = tmp_path / "killed-once.flag"
    texts = {**_plain(3), "oom.txt": "县里要在年底前完成KILL改造。",
             "flaky.txt": f"县里要在年底前完成改造。KILL-ONCE:{flag} \n"}
    out = tmp_path / "out"
    with dask.config.set({"distributed.scheduler.allowed-failures": 2}), \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                     dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        s = process_corpus(_corpus(tmp_path / "src", texts), out, date=DATE, progress=False, engine="dask",
                           scheduler=client, extractor=batch_helpers.Killing)
    assert (s.done, s.failed) == (4, 1), s.errors
    assert flag.exists(), "the flaky document's worker was killed once, and the document done on a new one"
    errs = _errors(out)
    assert [e["doc_id"] for e in errs] == ["oom"]
    assert errs[0]["path"] == str(tmp_path / "src" / "oom.txt")
    assert "Dask worker died" in errs[0]["reason"]
    assert set(read_results(out).doc_id) == {"d0", "d1", "d2", "flaky"}


# ---------------------------------------------------------------- interrupts and orphans
def _big_corpus(corpus_dir, dst: Path, n: int = 300) -> Path:
    dst.mkdir()
    texts = sorted(corpus_dir.glob("*.txt"))
    for i in range(n):
        shutil.copy(texts[i % len(texts)], dst / f"doc{i:03d}.txt")
    return dst


def _start(src: Path, out: Path, workers: int):
    cmd = [sys.executable, "-m", "speechkit.cli", "extract", str(src), "--date", DATE, "--workers", str(workers),
           "-o", str(out)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait_for_records(p, out: Path, n: int) -> None:
    deadline = time.time() + 120
    while time.time() < deadline and p.poll() is None:
        if (out / "records").is_dir() and len(list((out / "records").glob("*.jsonl"))) >= n:
            return
        time.sleep(0.02)
    pytest.fail("the run ended or stalled before the signal could be sent")


@pytest.mark.parametrize("sig,status", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_interrupted_run_writes_its_summary(corpus_dir, tmp_path, sig, status):
    src, out = _big_corpus(corpus_dir, tmp_path / "src"), tmp_path / "out"
    p = _start(src, out, workers=2)
    _wait_for_records(p, out, 3)
    p.send_signal(sig)
    _, err = p.communicate(timeout=60)
    assert p.returncode == status, err
    assert "Traceback" not in err and "interrupted" in err
    summary = _summary(out)
    assert summary["interrupted"] is True
    statuses = {f["status"] for f in summary["files"]}
    assert len(summary["files"]) == 300 and "done" in statuses and "not done" in statuses
    assert (out / "errors.jsonl").exists()
    assert not (out / LOCK_NAME).exists(), "the lock is released"


def test_keyboard_interrupt_in_process_writes_summary_then_raises(tmp_path):
    texts = {**_plain(3), "z-stop.txt": "县里要在年底前完成CTRL-C改造。", "zz.txt": "县里要在年底前完成改造。"}
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        process_corpus(_corpus(tmp_path / "src", texts), out, date=DATE, progress=False,
                       extractor=batch_helpers.Interrupting)
    summary = _summary(out)
    assert summary["interrupted"] and summary["done"] == 3
    assert {f["id"]: f["status"] for f in summary["files"]}["zz"] == "not done"


def test_killing_the_driver_leaves_no_orphan_workers(corpus_dir, tmp_path):
    psutil = pytest.importorskip("psutil")
    src, out = _big_corpus(corpus_dir, tmp_path / "src"), tmp_path / "out"
    p = _start(src, out, workers=2)
    _wait_for_records(p, out, 3)
    workers = psutil.Process(p.pid).children(recursive=True)
    assert len(workers) >= 2
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    def running(proc):
        try:
            return proc.status() != psutil.STATUS_ZOMBIE  # a zombie has ended: only its exit status is left
        except psutil.NoSuchProcess:
            return False

    deadline = time.time() + 5
    while any(map(running, workers)) and time.time() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if running(w)], "orphan workers still running 5 s after the driver died"
    before = sorted((out / "records").iterdir())
    time.sleep(1.0)
    assert sorted((out / "records").iterdir()) == before, "nothing is written after the driver died"
    assert len(before) < 300


def test_parent_watch_alone_ends_an_orphan():
    """Where PR_SET_PDEATHSIG does not exist (macOS, Windows), the watch thread ends the worker."""
    psutil = pytest.importorskip("psutil")
    grandchild = ("import os, sys, time; sys.platform = 'darwin'; "
                  "from speechkit.batch.worker import die_with_parent; die_with_parent(os.getppid()); time.sleep(60)")
    child = ("import subprocess, sys, time; g = subprocess.Popen([sys.executable, '-c', %r]); "
             "print(g.pid, flush=True); time.sleep(60)" % grandchild)
    p = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    orphan = psutil.Process(int(p.stdout.readline()))
    time.sleep(0.5)
    assert orphan.is_running()
    p.kill()
    p.wait()
    deadline = time.time() + 5
    while time.time() < deadline:
        try:
            if orphan.status() == psutil.STATUS_ZOMBIE:
                break
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)
    else:
        orphan.kill()
        pytest.fail("the orphan kept running")


# ---------------------------------------------------------------- ids
def test_same_named_files_get_unique_stable_ids(tmp_path):
    src = _corpus(tmp_path / "src", {"a/report.txt": "县交通局要在6月底前完成滨江大道通车。",
                                     "b/report.txt": "县水利局要在年底前完成堤防加固。"})
    paths = sorted(src.rglob("*.txt"))
    out = tmp_path / "out"
    s = process_corpus(paths, out, date=DATE, progress=False)
    assert s.ids == {str(src / "a" / "report.txt"): "a/report", str(src / "b" / "report.txt"): "b/report"}
    files = {f["id"]: f["path"] for f in _summary(out)["files"]}
    assert files == {"a/report": str(src / "a" / "report.txt"), "b/report": str(src / "b" / "report.txt")}
    owners = dict(read_results(out)[["doc_id", "owner"]].values.tolist())
    assert owners == {"a/report": "县交通局", "b/report": "县水利局"}
    again = process_corpus(list(reversed(paths)), out, date=DATE, progress=False)
    assert again.ids == s.ids and again.skipped == 2


def test_manifest_row_keeps_its_id(tmp_path):
    src = _corpus(tmp_path / "src", {"a/report.txt": "县交通局要在6月底前完成滨江大道通车。",
                                     "b/report.txt": "县水利局要在年底前完成堤防加固。"})
    man = tmp_path / "m.csv"
    man.write_text("id,date,kind\na/report,2021-02-20,speech\n", encoding="utf-8")
    s = process_corpus(sorted(src.rglob("*.txt")), tmp_path / "out", manifest=man, progress=False)
    assert sorted(s.ids.values()) == ["a/report", "b/report"]
    man.write_text("id,date,kind\nreport,2021-02-20,speech\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="matches 2 files"):
        s = process_corpus(sorted(src.rglob("*.txt")), tmp_path / "out2", manifest=man, progress=False)
    assert sorted(s.ids.values()) == ["a/report", "b/report"]


# ---------------------------------------------------------------- lock
def test_second_run_into_the_same_folder_is_refused(tmp_path):
    src, out = _corpus(tmp_path / "src", _plain(1)), tmp_path / "out"
    out.mkdir()
    (out / "records").mkdir()
    (out / "records" / ".d9.jsonl.1.tmp").write_text("half", encoding="utf-8")
    with FolderLock(out):
        with pytest.raises(OutputLocked, match="another speechkit run .*pid %d" % os.getpid()):
            process_corpus(src, out, date=DATE, progress=False)
        assert (out / "records" / ".d9.jsonl.1.tmp").exists(), "the running run's temporary files are left alone"
    assert process_corpus(src, out, date=DATE, progress=False).done == 1


def test_stale_lock_of_a_dead_run_is_taken_over_with_a_note(tmp_path):
    src, out = _corpus(tmp_path / "src", _plain(1)), tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).write_text(json.dumps({"pid": 999999, "host": "here", "started": "earlier"}), encoding="utf-8")
    with pytest.warns(BatchWarning, match="took over the lock .*pid 999999"):
        s = process_corpus(src, out, date=DATE, progress=False)
    assert s.done == 1 and not (out / LOCK_NAME).exists()


class _FakeMsvcrt:
    """msvcrt.locking as Windows does it (a lock per open handle, refused at once with OSError when held
    elsewhere), played here by flock; it records the byte it was asked to lock."""

    LK_NBLCK, LK_UNLCK = 2, 0

    def __init__(self):
        import fcntl

        self._fcntl, self.calls = fcntl, []

    def locking(self, fd, mode, nbytes):
        self.calls.append((os.lseek(fd, 0, os.SEEK_CUR), mode, nbytes))
        try:
            self._fcntl.flock(fd, self._fcntl.LOCK_EX | self._fcntl.LOCK_NB)
        except BlockingIOError:
            raise PermissionError(13, "Permission denied") from None


@pytest.fixture
def no_fcntl(monkeypatch):
    """The lock module as on a system without fcntl: its fallback, msvcrt, is used."""
    import speechkit.batch.lock as lock

    fake = _FakeMsvcrt()
    monkeypatch.setattr(lock, "fcntl", None)
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    return fake


def test_lock_without_fcntl_refuses_a_second_run_and_names_the_holder(tmp_path, no_fcntl):
    from speechkit.batch.lock import LOCK_BYTE

    src, out = _corpus(tmp_path / "src", _plain(1)), tmp_path / "out"
    out.mkdir()
    with FolderLock(out):
        with pytest.raises(OutputLocked, match="another speechkit run .*pid %d" % os.getpid()):
            process_corpus(src, out, date=DATE, progress=False)
    assert no_fcntl.calls and all(c == (LOCK_BYTE, no_fcntl.LK_NBLCK, 1) for c in no_fcntl.calls)
    assert process_corpus(src, out, date=DATE, progress=False).done == 1
    assert not (out / LOCK_NAME).exists()


def test_lock_without_fcntl_left_in_place_says_no_holder(tmp_path, no_fcntl, monkeypatch):
    """Where an open file cannot be removed (Windows) the released lock stays, empty: the next run takes it
    without a note about an earlier run that did not end cleanly."""
    import warnings

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(Path, "unlink", lambda self, *a, **k: (_ for _ in ()).throw(PermissionError(13, "in use")))
    with FolderLock(out):
        pass
    assert (out / LOCK_NAME).read_text(encoding="utf-8") == ""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with FolderLock(out) as again:
            assert again.note is None


def test_two_command_line_runs_into_one_folder(corpus_dir, tmp_path):
    src, out = _big_corpus(corpus_dir, tmp_path / "src"), tmp_path / "out"
    first = _start(src, out, workers=1)
    _wait_for_records(first, out, 1)
    second = subprocess.run([sys.executable, "-m", "speechkit.cli", "extract", str(src), "--date", DATE,
                             "--workers", "1", "-o", str(out)], capture_output=True, text=True, timeout=120)
    first.send_signal(signal.SIGTERM)
    first.communicate(timeout=60)
    assert second.returncode == 2
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1 and "another speechkit run" in lines[0] and str(out) in lines[0]


# ---------------------------------------------------------------- summary of the folder
def test_summary_after_resume_describes_the_whole_folder(tmp_path):
    src, out = _corpus(tmp_path / "src", {**_plain(4), "empty.txt": ""}), tmp_path / "out"
    first = process_corpus(src, out, date=DATE, progress=False)
    (out / "records" / "d1.jsonl").unlink()
    s = process_corpus(src, out, date=DATE, progress=False)
    assert (s.done, s.skipped, s.failed) == (1, 3, 1)
    summary = _summary(out)
    assert (summary["documents"], summary["done"], summary["failed"]) == (5, 4, 1)
    assert summary["commitments"] == first.commitments
    assert summary["last_run"]["done"] == 1 and summary["last_run"]["skipped"] == 3
    assert {f["id"]: f["status"] for f in summary["files"]} == {**{f"d{i}": "done" for i in range(4)},
                                                                "empty": "failed"}
    assert all(f["commitments"] for f in summary["files"] if f["status"] == "done")
    assert [e["doc_id"] for e in _errors(out)] == ["empty"]


def test_summary_counts_records_of_a_run_that_was_killed_before_writing_it(tmp_path):
    src, out = _corpus(tmp_path / "src", _plain(3)), tmp_path / "out"
    process_corpus(src, out, date=DATE, progress=False)
    (out / "summary.json").unlink()  # as after a SIGKILL of the driver
    (out / "records" / "d2.jsonl").unlink()
    process_corpus(src, out, date=DATE, progress=False)
    files = {f["id"]: f for f in _summary(out)["files"]}
    assert files["d0"]["commitments"] == len((out / "records" / "d0.jsonl").read_text(encoding="utf-8").splitlines())
    assert files["d0"]["path"] == str(src / "d0.txt")


# ---------------------------------------------------------------- run-level failures and bad options
def test_full_disk_stops_the_run_with_one_clear_error(tmp_path, monkeypatch):
    import errno

    import speechkit.batch.worker as worker

    def full(*a, **k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(worker, "write_records", full)
    out = tmp_path / "out"
    with pytest.raises(BatchError, match="cannot write: No space left on device"):
        process_corpus(_corpus(tmp_path / "src", _plain(3)), out, date=DATE, progress=False)
    assert _summary(out)["done"] == 0 and not (out / LOCK_NAME).exists()


def test_parquet_without_pyarrow_refused_before_anything_is_written(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r'pip install "speechkit\[parquet\]"'):
        process_corpus(_corpus(tmp_path / "src", _plain(1)), tmp_path / "out", fmt="parquet", progress=False)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("kw,message", [
    ({"workers": 0}, "workers must be a whole number, at least 1"),
    ({"timeout": -1}, "timeout must be seconds ≥ 0"),
    ({"engine": "spark"}, "engine must be"),
    ({"fmt": "xml"}, "fmt must be"),
    ({"date": "2020-13-45"}, "not a real date"),
    ({"date": "05/03/2023"}, "ambiguous"),
])
def test_bad_options_refused_before_anything_is_written(tmp_path, kw, message):
    with pytest.raises(ValueError, match=message):
        process_corpus(_corpus(tmp_path / "src", _plain(1)), tmp_path / "out", progress=False, **kw)
    assert not (tmp_path / "out").exists()
