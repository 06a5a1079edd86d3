"""Batch runs: engines agree, resume after a kill, bad files reported, deterministic output."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import N_SAMPLE

from speechkit.batch import process_corpus, read_results


def _files(out):
    rec = Path(out) / "records"
    return {p.name: p.read_bytes() for p in sorted(rec.glob("*"))}


@pytest.fixture(scope="module")
def reference(tmp_path_factory, corpus_dir):
    out = tmp_path_factory.mktemp("ref")
    s = process_corpus(corpus_dir, out, manifest=corpus_dir / "manifest.csv", progress=False)
    assert (s.done, s.failed) == (N_SAMPLE, 0)
    return out


def test_two_workers_same_records(reference, corpus_dir, tmp_path):
    s = process_corpus(corpus_dir, tmp_path, manifest=corpus_dir / "manifest.csv", workers=2, progress=False)
    assert s.done == N_SAMPLE and s.commitments > 0
    assert _files(tmp_path) == _files(reference)


def test_dask_local_cluster_same_records(reference, corpus_dir, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        s = process_corpus(corpus_dir, tmp_path, manifest=corpus_dir / "manifest.csv", engine="dask",
                           scheduler=client, progress=False)
    assert s.done == N_SAMPLE
    assert _files(tmp_path) == _files(reference)
    assert read_results(tmp_path).equals(read_results(reference))


def test_resume_skips_done_documents(reference, corpus_dir, tmp_path):
    shutil.copytree(reference / "records", tmp_path / "records")
    first = sorted((tmp_path / "records").glob("*.jsonl"))[0]
    first.unlink()
    s = process_corpus(corpus_dir, tmp_path, manifest=corpus_dir / "manifest.csv", progress=False)
    assert (s.done, s.skipped) == (1, N_SAMPLE - 1)
    assert _files(tmp_path) == _files(reference)


def test_killed_run_resumes_to_identical_output(corpus_dir, tmp_path):
    # a corpus of 300 documents (enough that the run is still going when we kill it); the first run is
    # killed once a few are written
    src = tmp_path / "src"
    src.mkdir()
    texts = sorted(corpus_dir.glob("*.txt"))
    for i in range(300):
        shutil.copy(texts[i % len(texts)], src / f"doc{i:03d}.txt")
    cmd = [sys.executable, "-m", "speechkit.cli", "extract", str(src), "--date", "2021-03-01", "--workers", "1"]
    killed = tmp_path / "killed"
    p = subprocess.Popen(cmd + ["-o", str(killed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        done = list((killed / "records").glob("*.jsonl")) if (killed / "records").exists() else []
        if len(done) >= 3 or p.poll() is not None:
            break
        time.sleep(0.02)
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    partial = len(list((killed / "records").glob("*.jsonl")))
    print("documents written before the kill:", partial)
    r = subprocess.run(cmd + ["-o", str(killed)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert not list((killed / "records").glob(".*")), "temporary files of the killed run are cleared"
    clean = tmp_path / "clean"
    r = subprocess.run(cmd + ["-o", str(clean)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert _files(killed) == _files(clean)
    assert len(_files(clean)) == 300 and partial < 300


def test_bad_files_reported_and_others_complete(corpus_dir, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 40)
    gbk = "江城县人民政府工作报告\n今年要确保城南污水处理厂6月底前投入运行。\n"
    (src / "unlisted-gbk.txt").write_bytes(gbk.encode("gbk"))
    sample = (corpus_dir / "jiangcheng-tuijin-2021.txt").read_text(encoding="utf-8")
    big = (sample + "\n") * (5_000_000 // len(sample.encode("utf-8")) + 1)
    (src / "big.txt").write_text(big, encoding="utf-8")
    assert (src / "big.txt").stat().st_size >= 5_000_000
    shutil.copy(corpus_dir / "jiangcheng-gwr-2021.txt", src)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("id,date,title,kind\njiangcheng-gwr-2021,2021-02-20,2021年江城县政府工作报告,gwr\n"
                        "big,2021-10-19,大文件,speech\nempty,2021-01-01,空,speech\nbinary,2021-01-01,二进制,speech\n",
                        encoding="utf-8")
    s = process_corpus(src, tmp_path / "out", manifest=manifest, workers=2, progress=False)
    reasons = {e["doc_id"]: e["reason"] for e in s.errors}
    assert set(reasons) == {"empty", "binary"}, reasons
    assert "empty" in reasons["empty"] and "binary" in reasons["binary"]
    assert s.done == 3 and s.failed == 2
    errs = [json.loads(l) for l in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {e["doc_id"] for e in errs} == {"empty", "binary"}
    df = read_results(tmp_path / "out")
    assert {"unlisted-gbk", "big", "jiangcheng-gwr-2021"} <= set(df.doc_id)
    assert json.loads((tmp_path / "out" / "summary.json").read_text())["failed"] == 2


def test_timeout_is_an_error_not_a_hang(corpus_dir, tmp_path):
    s = process_corpus(corpus_dir, tmp_path, manifest=corpus_dir / "manifest.csv", timeout=1e-6, progress=False)
    assert s.failed == N_SAMPLE and all("timeout" in e["reason"] for e in s.errors)
    assert not list((tmp_path / "records").glob("*"))


def test_parquet_partitions(reference, corpus_dir, tmp_path):
    pytest.importorskip("pyarrow")
    s = process_corpus(corpus_dir, tmp_path, manifest=corpus_dir / "manifest.csv", fmt="parquet", progress=False)
    assert s.done == N_SAMPLE
    a, b = read_results(tmp_path), read_results(reference)
    assert list(a.text) == list(b.text) and list(a.start) == list(b.start)


def test_cli_dask_engine_own_local_cluster(reference, corpus_dir, tmp_path):
    """``speechkit extract --engine dask`` with no scheduler starts a local cluster of worker processes."""
    pytest.importorskip("dask.distributed")
    r = subprocess.run([sys.executable, "-m", "speechkit.cli", "extract", str(corpus_dir), "--manifest",
                        str(corpus_dir / "manifest.csv"), "--engine", "dask", "--workers", "2", "-o", str(tmp_path)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert _files(tmp_path) == _files(reference)
    assert f"{N_SAMPLE} documents: {N_SAMPLE} done" in r.stderr


def test_formats_read_back_alike(reference, corpus_dir, tmp_path):
    """Parquet partitions read back with the same nested fields as JSON Lines; a second format is read once."""
    pytest.importorskip("pyarrow")
    process_corpus(corpus_dir, tmp_path, manifest=corpus_dir / "manifest.csv", fmt="parquet", progress=False)
    a, b = read_results(tmp_path), read_results(reference)
    assert a[["doc_id", "start", "end", "text"]].equals(b[["doc_id", "start", "end", "text"]])
    assert list(a.deadline) == list(b.deadline) and list(a.metrics) == list(b.metrics)
    shutil.copytree(reference / "records", tmp_path / "records", dirs_exist_ok=True)  # both formats now
    assert len(read_results(tmp_path)) == len(b)
