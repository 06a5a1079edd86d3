"""Locate ../shared (real documents, evaluation only; never copied into the repository).

``$SPEECHKIT_SHARED`` names another place for it (a checkout in a worktree, say)."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ["SPEECHKIT_SHARED"]) if os.environ.get("SPEECHKIT_SHARED") else ROOT.parent / "shared"


def require_shared():
    if not (SHARED / "corpus").is_dir():
        sys.exit(f"benchmarks: {SHARED} not found: these scripts evaluate on the shared real documents, "
                 "which live beside the repository and are not part of it")
    return SHARED


def manifests():
    out = [SHARED / "corpus" / "manifest.csv", SHARED / "seeds" / "manifest.csv"]
    if (SHARED / "formats" / "manifest.csv").exists():
        out.append(SHARED / "formats" / "manifest.csv")
    return out


def doc_path(doc_id: str):
    """The file of a shared document: a text of ../shared/corpus or ../shared/seeds, or a Word file, PDF or web
    page of ../shared/formats (read by speechkit's readers: gold offsets are into the text they give); ``None``."""
    for folder, exts in (("corpus", (".txt",)), ("seeds", (".txt",)), ("formats", (".docx", ".pdf", ".html"))):
        for ext in exts:
            p = SHARED / folder / f"{doc_id}{ext}"
            if p.exists():
                return p
    return None


def gold_docs():
    out = []
    for g in sorted((SHARED / "gold").glob("*.jsonl")):
        for folder in ("corpus", "seeds"):
            p = SHARED / folder / f"{g.stem}.txt"
            if p.exists():
                out.append(p)
    return out


def read_all(paths):
    from speechkit.io import read_manifest, read_speech

    rows = {}
    for m in manifests():
        rows.update(read_manifest(m))
    return [read_speech(p, meta=rows.get(p.stem)) for p in paths]


def seconds(fn, texts, before=None):
    """Seconds ``fn`` takes over ``texts`` (``before()`` run ahead of each text, for clearing caches)."""
    import time

    t = time.perf_counter()
    for x in texts:
        if before is not None:
            before()
        fn(x)
    return time.perf_counter() - t


def jieba_seconds(texts, clock=None):
    """Seconds jieba.lcut takes over ``texts`` (warmed up first): the denominator of every speed ratio.
    ``clock``: ``time.perf_counter`` (wall clock) unless given (``time.process_time`` for CPU time)."""
    import time

    import jieba

    clock = clock or time.perf_counter
    jieba.setLogLevel(60)
    jieba.lcut("预热")
    t = clock()
    for x in texts:
        jieba.lcut(x)
    return clock() - t
