"""Command-line arguments and inputs checked before any work, and the exit statuses.

Every problem with what the user typed or pointed at ends the command with one
line on standard error, naming the file (and line) and the fix, and exit
status 2; no traceback. Documents that fail give status 1, an interrupted
batch run 130 (Ctrl-C) or 143 (SIGTERM).

>>> parse_workers("2"), parse_timeout("0"), parse_timeout("1.5")
(2, None, 1.5)
>>> parse_workers("0")
Traceback (most recent call last):
argparse.ArgumentTypeError: must be a whole number, at least 1, not '0'
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

__all__ = ["UsageError", "Parser", "parse_workers", "parse_timeout", "parse_date_arg", "collect_inputs",
           "check_output_file", "check_output_folder", "require", "warnings_as_lines", "run_command",
           "EXIT_OK", "EXIT_FAILED", "EXIT_USAGE"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """The command cannot run as given; the message is the one line shown."""


class Parser(argparse.ArgumentParser):
    """argparse with its errors on one line (argparse prints the usage first, over several)."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def parse_workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number, at least 1, not {value!r}")
    return n


def parse_timeout(value: str):
    """Seconds per document; 0 turns the limit off (``None``); ``auto`` is the default rule."""
    if value == "auto":
        return "auto"
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"must be seconds, 0 or more (0: no limit), or 'auto', not {value!r}")
    return seconds or None


def parse_date_arg(value: str):
    from .io import parse_date

    try:
        return parse_date(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def collect_inputs(paths) -> list[Path]:
    """The speech files named on the command line: files as given, and the files of folders in a format
    speechkit reads (suffix in any case: ``REPORT.TXT`` too)."""
    from .io import list_files
    from .readers import SUFFIXES

    out = []
    for p in map(Path, paths):
        if p.is_dir():
            found = list_files(p)
            if not found:
                raise UsageError(f"{p}: no speech files in this folder (names ending in {', '.join(SUFFIXES)}; "
                                 "any case)")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise UsageError(f"{p}: no such file or folder")
    return out


def check_output_file(path) -> None:
    """``-o FILE`` of a single run: its folder must exist."""
    if not path or path == "-":
        return
    p = Path(path)
    if p.is_dir():
        raise UsageError(f"{p}: is a folder: give a file name, or --workers N for a batch run into a folder")
    if not p.parent.is_dir():
        raise UsageError(f"{p}: folder {p.parent} does not exist: create it first, or check the path")


def check_output_folder(path) -> None:
    """``-o DIR`` of a batch run: a folder, or a new one whose parent exists, and writable."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise UsageError(f"{p}: is a file: a batch run writes into a folder (give a folder name)")
    where = p if p.exists() else p.parent
    if not where.is_dir():
        raise UsageError(f"{p}: cannot create it: folder {p.parent} does not exist (create it first, or check "
                         "the path)")
    if not os.access(where, os.W_OK | os.X_OK):
        raise UsageError(f"{where}: not writable: choose another output folder")


_EXTRAS = {"pyarrow": ("parquet", "--format parquet"), "dask.distributed": ("dask", "--engine dask")}


def require(module: str) -> None:
    """Refuse an option whose optional dependency is missing, naming the extra to install."""
    extra, option = _EXTRAS[module]
    try:
        importlib.import_module(module)
    except ImportError:
        raise UsageError(f'{option} needs {module.split(".")[0]}, which is not installed: '
                         f'pip install "speechkit[{extra}]"') from None


@contextmanager
def warnings_as_lines():
    """Within the block, warnings (manifest rows, a lock taken over) show as ``speechkit: message`` lines,
    each time they occur (one command reads each manifest once)."""
    def show(message, category, filename, lineno, file=None, line=None):
        print(f"speechkit: {message}", file=file or sys.stderr)

    with warnings.catch_warnings():
        warnings.simplefilter("always", UserWarning)
        warnings.showwarning = show
        yield


def run_command(func, args) -> int:
    """Run a subcommand; turn the errors a user can fix into one line and an exit status."""
    from .batch import BatchError, OutputLocked
    from .io import ReadError

    try:
        return func(args)
    except (UsageError, ReadError, OutputLocked) as e:  # a ReadError here is a manifest: documents are caught
        print(f"speechkit: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BatchError as e:
        print(f"speechkit: {e}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as e:  # writing the output of a single run: disk full, no permission
        where = f"{e.filename}: " if e.filename else ""
        print(f"speechkit: {where}cannot write: {e.strerror or e}", file=sys.stderr)
        return EXIT_FAILED
