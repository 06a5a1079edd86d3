"""Extractors that misbehave on purpose, for the batch tests (picklable: worker processes import this module).

Each one behaves like the real extractor except on a document containing its marker.
"""
import os
import signal
import time
from pathlib import Path


class _Real:
    def __init__(self):
        from speechkit.extractor import Extractor

        self.real = Extractor()

    def extract(self, speech):
        return self.real.extract(speech)


class Killing(_Real):
    """「KILL」 in the text: the worker process kills itself with SIGKILL, as the kernel's OOM killer would.
    「KILL-ONCE:<path>」: only the first time (the file at <path> remembers it)."""

    def extract(self, speech):
        if "KILL-ONCE:" in speech.raw:
            flag = Path(speech.raw.split("KILL-ONCE:")[1].split()[0])
            if not flag.exists():
                flag.write_text("killed once", encoding="utf-8")
                os.kill(os.getpid(), signal.SIGKILL)
        elif "KILL" in speech.raw:
            os.kill(os.getpid(), signal.SIGKILL)
        return super().extract(speech)


class Slow(_Real):
    """「SLOW」: loops in Python until stopped (a runaway recognizer)."""

    def extract(self, speech):
        while "SLOW" in speech.raw:
            time.sleep(0.01)
        return super().extract(speech)


class Stuck(_Real):
    """「STUCK」: blocks SIGALRM and sleeps, as code stuck inside a C library would: only a kill stops it."""

    def extract(self, speech):
        if "STUCK" in speech.raw:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(600)
        return super().extract(speech)


class Interrupting(_Real):
    """「CTRL-C」: as if the user pressed Ctrl-C while this document was processed."""

    def extract(self, speech):
        if "CTRL-C" in speech.raw:
            raise KeyboardInterrupt
        return super().extract(speech)
