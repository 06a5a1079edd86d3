"""The command line refuses bad input with one line naming the file and the fix; exit 2 usage, 1 failed, 0 done."""
import errno
import json
import os
import subprocess
import sys

import pytest

from speechkit.cli import main

GOOD = "县交通局要在6月底前完成滨江大道通车。\n"


@pytest.fixture
def src(tmp_path):
    d = tmp_path / "src"
    d.mkdir()
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    return d


def _run(capsys, argv):
    code = main([str(a) for a in argv])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if line.strip()]


def _one_line(lines, *words):
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    for w in words:
        assert str(w) in lines[0], (w, lines[0])


MANIFESTS = [
    ("", "manifest is empty"),
    ("date,title\n2021-01-01,讲话\n", "no 'id' column"),
    ("id;date\na;2021-01-01\n", "separated by semicolons"),
    ("id\tdate\na\t2021-01-01\n", "separated by tabs"),
    ("id,date,kind\na,2021-01-01,speech\na,2022-01-01,speech\n", "lines 2 and 3 both have id 'a'"),
    ("id,date,kind\na,2020-13-45,speech\n", "line 2 (id 'a'): date '2020-13-45' is not a real date"),
    ("id,date,kind\na,05/03/2023,speech\n", "ambiguous"),
]


@pytest.mark.parametrize("batch", [False, True], ids=["single", "batch"])
@pytest.mark.parametrize("body,message", MANIFESTS)
def test_bad_manifest_one_line_exit_2(capsys, src, tmp_path, body, message, batch):
    m = tmp_path / "m.csv"
    m.write_text(body, encoding="utf-8")
    extra = ["--workers", "1", "-o", tmp_path / "out"] if batch else []
    code, lines = _run(capsys, ["extract", src, "--manifest", m, *extra])
    assert code == 2
    _one_line(lines, m, message)
    assert not (tmp_path / "out").exists(), "nothing written for a refused run"


def test_binary_manifest(capsys, src, tmp_path):
    m = tmp_path / "m.csv"
    m.write_bytes(bytes(range(256)) * 20)
    code, lines = _run(capsys, ["extract", src, "--manifest", m])
    assert code == 2
    _one_line(lines, m, "not a CSV manifest")


@pytest.mark.parametrize("args,words", [
    (["--workers", "0", "-o", "OUT"], ["--workers", "at least 1", "'0'"]),
    (["--workers", "two", "-o", "OUT"], ["--workers", "'two'"]),
    (["--workers", "2", "--timeout", "-1", "-o", "OUT"], ["--timeout", "0 or more", "'-1'"]),
    (["--date", "2020-13-45"], ["--date", "not a real date", "YYYY-MM-DD"]),
    (["--date", "05/03/2023"], ["--date", "ambiguous"]),
])
def test_bad_arguments_one_line_exit_2(capsys, src, tmp_path, args, words):
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    with pytest.raises(SystemExit) as e:
        main(["extract", str(src), *args])
    code, err = e.value.code, capsys.readouterr().err.splitlines()
    assert code == 2
    _one_line(err, *words)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["report", "compare", "demo"])
@pytest.mark.parametrize("value,words", [("2020-13-45", ["not a real date", "YYYY-MM-DD"]),
                                         ("05/03/2023", ["ambiguous"]), ("soon", ["YYYY-MM-DD"])])
def test_as_of_is_a_real_date(capsys, src, tmp_path, command, value, words):
    """``--as-of`` is checked as ``extract --date`` is: one line naming it, exit 2, nothing written."""
    argv = {"report": ["report", str(src), "-o", str(tmp_path / "out")], "compare": ["compare", str(src)],
            "demo": ["demo"]}[command]
    with pytest.raises(SystemExit) as e:
        main([*argv, "--as-of", value])
    assert e.value.code == 2
    _one_line(capsys.readouterr().err.splitlines(), "--as-of", *words)
    assert not (tmp_path / "out").exists()


def test_batch_without_output_folder_returns_2(capsys, src):
    code, lines = _run(capsys, ["extract", src, "--workers", "2"])
    assert code == 2
    _one_line(lines, "needs -o OUT_DIR")


@pytest.mark.parametrize("where,words", [
    ("missing-parent/out", ["missing-parent", "does not exist"]),
    ("a-file", ["is a file", "folder"]),
])
def test_bad_output_folder(capsys, src, tmp_path, where, words):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    code, lines = _run(capsys, ["extract", src, "--workers", "1", "-o", tmp_path / where])
    assert code == 2
    _one_line(lines, *words)


def test_batch_creates_a_new_output_folder(capsys, src, tmp_path):
    code, lines = _run(capsys, ["extract", src, "--workers", "1", "--date", "2021-02-20", "-o", tmp_path / "new"])
    assert code == 0 and (tmp_path / "new" / "summary.json").exists()
    assert lines[-1].endswith("1 of 1 documents done, 0 failed (summary.json, errors.jsonl)")


def test_output_file_in_a_missing_folder(capsys, src, tmp_path):
    code, lines = _run(capsys, ["extract", src, "-o", tmp_path / "nope" / "out.jsonl"])
    assert code == 2
    _one_line(lines, "nope", "does not exist")


@pytest.mark.parametrize("batch", [False, True], ids=["single", "batch"])
def test_parquet_without_pyarrow(capsys, src, tmp_path, monkeypatch, batch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    out = tmp_path / ("out" if batch else "out.parquet")
    extra = ["--workers", "1"] if batch else []
    code, lines = _run(capsys, ["extract", src, "--format", "parquet", "-o", out, *extra])
    assert code == 2
    _one_line(lines, "--format parquet needs pyarrow", 'pip install "speechkit[parquet]"')
    assert not out.exists()


def test_dask_engine_without_dask(capsys, src, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    code, lines = _run(capsys, ["extract", src, "--engine", "dask", "-o", tmp_path / "out"])
    assert code == 2
    _one_line(lines, 'pip install "speechkit[dask]"')


def test_input_that_does_not_exist(capsys, tmp_path):
    code, lines = _run(capsys, ["extract", tmp_path / "nope"])
    assert code == 2
    _one_line(lines, "nope", "no such file or folder")


@pytest.mark.parametrize("command", [["extract"], ["extract", "--workers", "1", "-o", "OUT"], ["segment"]])
def test_empty_folder(capsys, tmp_path, command):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.csv").write_text("x", encoding="utf-8")
    argv = [command[0], tmp_path / "empty", *[tmp_path / "out" if a == "OUT" else a for a in command[1:]]]
    code, lines = _run(capsys, argv)
    assert code == 2
    _one_line(lines, "empty", "no speech files", ".txt")


def test_upper_case_suffix_is_read(capsys, tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "REPORT.TXT").write_text(GOOD, encoding="utf-8")
    code = main(["extract", str(tmp_path / "src"), "--date", "2021-02-20"])
    out = capsys.readouterr().out
    assert code == 0 and json.loads(out.splitlines()[0])["doc_id"] == "REPORT"


def test_utf16_without_bom_is_read(capsys, tmp_path):
    p = tmp_path / "u.txt"
    p.write_bytes(GOOD.encode("utf-16-le"))
    code = main(["extract", str(p), "--date", "2021-02-20"])
    assert code == 0 and json.loads(capsys.readouterr().out.splitlines()[0])["owner"] == "县交通局"


@pytest.mark.parametrize("batch", [False, True], ids=["single", "batch"])
@pytest.mark.parametrize("content", ["  \n\n\t", "。，——！\n"])
def test_only_whitespace_or_punctuation_is_a_failed_document(capsys, src, tmp_path, content, batch):
    (src / "blank.txt").write_text(content, encoding="utf-8")
    extra = ["--workers", "1", "-o", tmp_path / "out"] if batch else []
    code, lines = _run(capsys, ["extract", src, "--date", "2021-02-20", *extra])
    assert code == 1
    assert [line for line in lines if "blank.txt" in line] == [f"speechkit: {src / 'blank.txt'}: no words: only "
                                                               "whitespace and punctuation"]


def test_row_without_kind_warns_once(capsys, src, tmp_path):
    (src / "b.txt").write_text(GOOD, encoding="utf-8")
    m = tmp_path / "m.csv"
    m.write_text("id,date,title,kind\na,2021-02-20,在全县大会上的讲话,\nb,2021-02-20,讲话,speech\n", encoding="utf-8")
    for argv in (["extract", src, "--manifest", m], ["extract", src, "--manifest", m, "--workers", "1", "-o",
                                                     tmp_path / "out"]):
        code, lines = _run(capsys, argv)
        assert code == 0
        warned = [line for line in lines if "no kind" in line]
        assert warned == [f"speechkit: {m}: line 2 (id 'a'): no kind, read as speech (from its title): write the "
                          "kind (gwr, plan, speech) to be sure"]


def test_full_disk_single_run(capsys, src, tmp_path, monkeypatch):
    import pathlib

    def full(self, *a, **k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))

    monkeypatch.setattr(pathlib.Path, "write_text", full)
    code, lines = _run(capsys, ["extract", src, "--date", "2021-02-20", "-o", tmp_path / "out.jsonl"])
    assert code == 1
    _one_line(lines, "out.jsonl", "No space left on device")


def test_full_disk_batch_run(capsys, src, tmp_path, monkeypatch):
    import speechkit.batch.worker as worker

    def full(records, path, fmt, keep):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(worker, "write_records", full)
    code, lines = _run(capsys, ["extract", src, "--date", "2021-02-20", "--workers", "1", "-o", tmp_path / "out"])
    assert code == 1
    _one_line(lines, "a.jsonl: cannot write: No space left on device")


def test_output_folder_locked(capsys, src, tmp_path):
    from speechkit.batch.lock import FolderLock

    (tmp_path / "out").mkdir()
    with FolderLock(tmp_path / "out"):
        code, lines = _run(capsys, ["extract", src, "--workers", "1", "-o", tmp_path / "out"])
    assert code == 2
    _one_line(lines, tmp_path / "out", "another speechkit run", "wait for it to end, or give another output folder")


def test_real_entry_point_prints_no_traceback(tmp_path):
    """The installed command, in a fresh process: a bad manifest and a failed document."""
    (tmp_path / "m.csv").write_text("id;date\n", encoding="utf-8")
    (tmp_path / "blank.txt").write_text(" \n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "speechkit.cli", "extract", str(tmp_path / "blank.txt"), "--manifest",
                        str(tmp_path / "m.csv")], capture_output=True, text=True)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    r = subprocess.run([sys.executable, "-m", "speechkit.cli", "extract", str(tmp_path / "blank.txt")],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "no words" in r.stderr and "Traceback" not in r.stderr


def test_text_output_in_a_missing_folder(capsys, src, tmp_path):
    code, lines = _run(capsys, ["text", src / "a.txt", "-o", tmp_path / "nope" / "a.txt"])
    assert code == 2
    _one_line(lines, "nope", "does not exist")
