"""One run at a time per output folder: a lock file held with an operating-system lock.

The lock (``OUT/.speechkit.lock``) is an advisory ``flock`` on a small file that
also says who holds it; where there is no ``fcntl`` (Windows) it is
``msvcrt.locking`` on one byte far past what the file says (a byte locked there
is unreadable to other processes, the holder's note is not). The system releases
it when the holding process ends, however it ends; a lock file left by a run
that was killed is therefore taken over by the next run, with a note naming the
process that left it.

>>> import tempfile
>>> d = tempfile.mkdtemp()
>>> with FolderLock(d) as first:
...     try:
...         FolderLock(d).acquire()
...     except OutputLocked as e:
...         print("refused:", "another speechkit run" in str(e))
refused: True
"""
from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows (tests/test_batch_robust.py takes this way with fcntl hidden)
    fcntl = None

__all__ = ["FolderLock", "OutputLocked", "LOCK_NAME"]

LOCK_NAME = ".speechkit.lock"
LOCK_BYTE = 1 << 30  # the byte msvcrt.locking locks: past the holder's note, which stays readable


class OutputLocked(RuntimeError):
    """Another run is writing into the output folder."""


def _try_lock(fd: int) -> bool:
    """Lock ``fd`` without waiting; ``False`` if another process (or another open of the file) holds it."""
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            import msvcrt  # looked up here: the module runs (and is tested) without fcntl on any system

            os.lseek(fd, LOCK_BYTE, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _holder(fd: int) -> dict:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return json.loads(os.read(fd, 4096).decode("utf-8") or "{}")
    except (OSError, ValueError):
        return {}


def _who(info: dict) -> str:
    return f"pid {info.get('pid', '?')} on {info.get('host', '?')}, started {info.get('started', '?')}"


class FolderLock:
    """``with FolderLock(out_dir) as lock:`` holds the folder; ``lock.note`` says if a stale lock was taken over."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self.fd: int | None = None
        self.note: str | None = None

    def acquire(self) -> "FolderLock":
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                info = _holder(fd)
                os.close(fd)
                raise OutputLocked(f"{self.folder}: another speechkit run ({_who(info)}) is writing into this "
                                   "folder: wait for it to end, or give another output folder")
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:  # not a file that the previous holder removed while we waited
                break
            os.close(fd)
        old = _holder(fd)
        if old:
            self.note = (f"{self.folder}: took over the lock left by an earlier run that did not end cleanly "
                         f"({_who(old)}, no longer running)")
        info = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                "command": " ".join(sys.argv)[:500]}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(info, ensure_ascii=False).encode("utf-8"))
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is None:
            return
        os.ftruncate(self.fd, 0)  # where the file cannot be removed (Windows) the next run finds no holder
        try:
            self.path.unlink()
        except OSError:  # pragma: no cover - Windows cannot remove an open file; the next run takes it over
            pass
        os.close(self.fd)
        self.fd = None

    def __enter__(self) -> "FolderLock":
        return self.acquire() if self.fd is None else self

    def __exit__(self, *exc) -> None:
        self.release()
