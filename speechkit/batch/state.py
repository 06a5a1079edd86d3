"""What a batch output folder holds, written at the end of every run (also an interrupted one).

``summary.json`` describes the whole folder: every document with output in
``records/`` (from this run or an earlier one) and every document of the last
run, each with its id, path and status; ``errors.jsonl`` lists the documents
of that description that failed, with the reason. The figures of the last run
alone are under ``"last_run"``.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .worker import atomic_write

__all__ = ["BatchSummary", "record_files", "describe_folder", "write_state"]


@dataclass
class BatchSummary:
    """The figures of one run (``done``: documents processed by it, ``skipped``: already done before);
    ``folder`` has those of the whole output folder, ``ids`` the id each file got."""

    documents: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    retried: int = 0
    commitments: int = 0
    characters: int = 0
    seconds: float = 0.0
    first_result_seconds: float | None = None
    interrupted: bool = False
    errors: list = field(default_factory=list)
    ids: dict = field(default_factory=dict)
    folder: dict = field(default_factory=dict)

    @property
    def chars_per_second(self) -> float:
        return self.characters / self.seconds if self.seconds else 0.0

    def __str__(self) -> str:
        head = "interrupted after " if self.interrupted else ""
        return (f"{head}{self.documents} documents: {self.done} done, {self.skipped} already done, "
                f"{self.failed} failed; {self.commitments} commitments; {self.characters:,} characters in "
                f"{self.seconds:.1f} s ({self.chars_per_second:,.0f} characters/s)")

    def run_figures(self) -> dict:
        figures = {k: v for k, v in asdict(self).items() if k not in ("errors", "ids", "folder")}
        return {**figures, "chars_per_second": self.chars_per_second}


def record_files(out_dir) -> dict[str, Path]:
    """``{doc_id: file}`` of the records in ``out_dir/records`` (a document in both formats: its newer file)."""
    rec = Path(out_dir) / "records"
    newest: dict[str, Path] = {}
    if not rec.is_dir():
        return newest
    for p in sorted(rec.rglob("*")):
        if p.suffix not in (".jsonl", ".parquet") or p.name.startswith(".") or not p.is_file():
            continue
        key = p.relative_to(rec).with_suffix("").as_posix()
        if key not in newest or p.stat().st_mtime > newest[key].stat().st_mtime:
            newest[key] = p
    return newest


def _count(p: Path) -> int | None:
    if p.suffix == ".jsonl":
        with open(p, "rb") as f:
            return sum(1 for line in f if line.strip())
    try:
        import pyarrow.parquet as pq
    except ImportError:
        return None
    return pq.ParquetFile(p).metadata.num_rows


def _previous(out_dir: Path) -> dict[str, dict]:
    try:
        data = json.loads((out_dir / "summary.json").read_text(encoding="utf-8"))
        return {f["id"]: f for f in data.get("files", []) if isinstance(f, dict) and "id" in f}
    except (OSError, ValueError, TypeError, AttributeError):  # none yet, or not ours: described afresh
        return {}


def describe_folder(out_dir, run: list[dict]) -> list[dict]:
    """One entry per document: those with output in the folder and those of ``run`` (this run's entries,
    ``{"id", "path", "status", ...}``), sorted by id."""
    out_dir = Path(out_dir)
    prev, files = _previous(out_dir), record_files(out_dir)
    entries = {e["id"]: dict(e) for e in run}
    for doc_id, p in files.items():
        e = entries.get(doc_id) or {"id": doc_id, "path": None}
        if e.get("status") != "done":  # done before this run: figures from the previous summary, or counted
            old = prev.get(doc_id) if (prev.get(doc_id) or {}).get("status") == "done" else {}
            e.update(status="done", reason=None, commitments=old.get("commitments", _count(p)),
                     characters=old.get("characters"), path=e.get("path") or old.get("path"))
        entries[doc_id] = e
    for doc_id, e in entries.items():
        if e["status"] == "done" and doc_id not in files:
            e.update(status="not done", reason="its output file is missing")
    return [entries[k] for k in sorted(entries)]


def folder_figures(files: list[dict]) -> dict:
    def total(key):
        return sum(f.get(key) or 0 for f in files if f["status"] == "done")

    return {"documents": len(files), "done": sum(f["status"] == "done" for f in files),
            "failed": sum(f["status"] == "failed" for f in files),
            "not_done": sum(f["status"] == "not done" for f in files),
            "commitments": total("commitments"), "characters": total("characters")}


def write_state(out_dir, summary: BatchSummary, run: list[dict], settings: dict) -> None:
    """Write ``errors.jsonl`` and ``summary.json`` (each atomically) and fill ``summary.folder``."""
    out_dir = Path(out_dir)
    files = describe_folder(out_dir, run)
    summary.folder = folder_figures(files)
    errors = [{"doc_id": f["id"], "path": f["path"], "reason": f.get("reason")} for f in files
              if f["status"] == "failed"]
    atomic_write(out_dir / "errors.jsonl", lambda tmp: tmp.write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), encoding="utf-8"))
    body = {**summary.folder, "interrupted": summary.interrupted, "last_run": {**summary.run_figures(), **settings},
            "files": files}
    atomic_write(out_dir / "summary.json", lambda tmp: tmp.write_text(
        json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8"))
