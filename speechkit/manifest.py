"""Manifest CSV files: one row per document (``id``, ``date``, ``title``, ``kind``, ...), checked as read.

A manifest that cannot be what the user meant is refused with one
:class:`~speechkit.io.ReadError` naming the file, the line and the fix: empty,
binary, no ``id`` column, columns separated by something other than commas,
two rows with one id (the second would silently replace the first's date and
move every 今年 of that speech), a date that is not a real date or not written
year first. A row without ``kind`` (or with an unknown one) is read, with one
:class:`ManifestWarning` per file naming its lines and the genre the extractor
will assume.

>>> import tempfile, pathlib
>>> m = pathlib.Path(tempfile.mkdtemp()) / "m.csv"
>>> _ = m.write_text("id,date,kind\\ngwr-2021,2021/2/20,gwr\\n", encoding="utf-8")
>>> read_manifest(m)
{'gwr-2021': {'id': 'gwr-2021', 'date': '2021-02-20', 'kind': 'gwr'}}
>>> _ = m.write_text("id,date,kind\\na,2021-02-20,gwr\\na,2022-02-16,gwr\\n", encoding="utf-8")
>>> read_manifest(m)
Traceback (most recent call last):
speechkit.io.ReadError: ...m.csv: lines 2 and 3 both have id 'a': one row per document (remove or rename one)
"""
from __future__ import annotations

import csv
import os
import warnings
from pathlib import Path, PurePosixPath

from .io import ReadError, decode_bytes, parse_date

__all__ = ["read_manifest", "read_manifests", "ManifestWarning", "guess_genre", "GENRES", "match_rows", "relative_id",
           "corpus_root"]

#: the genres the extractor knows (a manifest's ``kind``)
GENRES = ("gwr", "plan", "speech")
_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}


class ManifestWarning(UserWarning):
    """A manifest row is read, but something in it deserves a look (e.g. no ``kind``)."""


def guess_genre(title: str | None) -> str:
    """The genre the extractor assumes for a document without ``kind``, from its title
    (:func:`speechkit.extractor.structure.genre_of`; without a title it reads the first lines instead).

    >>> guess_genre("2021年江城县人民政府工作报告"), guess_genre("关于印发数字乡村建设工作要点的通知"), guess_genre("在推进会上的讲话")
    ('gwr', 'plan', 'speech')
    """
    from .extractor.structure import genre_of

    return genre_of({}, title or "")


def _text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(path, f"cannot read manifest: {e.strerror or e}") from None
    if not data.strip():
        raise ReadError(path, "manifest is empty: its first line names the columns, e.g. id,date,title,kind")
    try:
        text, _ = decode_bytes(data, str(path))
    except ReadError as e:
        raise ReadError(path, f"not a CSV manifest: {e.reason}") from None
    return text


def _check_header(path: Path, header: list[str]) -> None:
    names = [h.strip() for h in header]
    if "id" in names or "doc_id" in names:
        return
    line = ",".join(header)
    for sep, name in _DELIMITERS.items():
        if sep in line:
            raise ReadError(path, f"line 1: columns separated by {name}, not commas: save the manifest as "
                                  "comma-separated CSV (first line e.g. id,date,title,kind)")
    raise ReadError(path, f"line 1: no 'id' column (columns: {', '.join(names) or 'none'}): the first line "
                          "names the columns, e.g. id,date,title,kind")


def _check_id(path: Path, line: int, key: str) -> None:
    p = PurePosixPath(key)
    if "\\" in key or p.is_absolute() or ".." in p.parts:
        raise ReadError(path, f"line {line}: id {key!r} is not a relative name (no '..', no leading '/', "
                              "no backslash): ids name the output files")


def read_manifest(path) -> dict[str, dict]:
    """Read a manifest CSV into ``{id: row}``; the id column is ``id`` or ``doc_id``.

    Dates are checked (:func:`speechkit.io.parse_date`) and written back as
    ``YYYY-MM-DD``; a row without ``id`` is skipped with a warning.
    """
    path = Path(path)
    reader = csv.reader(_text(path).splitlines())
    header = next(reader, None) or []
    _check_header(path, header)
    names = [h.strip() for h in header]
    key_col = "id" if "id" in names else "doc_id"
    out: dict[str, dict] = {}
    lines: dict[str, int] = {}
    no_kind, no_id = [], []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        padded = values + [""] * (len(names) - len(values))
        row = {k: v.strip() for k, v in zip(names, padded) if k}
        key = row.get(key_col, "")
        if not key:
            no_id.append(line)
            continue
        _check_id(path, line, key)
        if key in out:
            raise ReadError(path, f"lines {lines[key]} and {line} both have id {key!r}: one row per document "
                                  "(remove or rename one)")
        try:
            d = parse_date(row.get("date"))
        except ValueError as e:
            raise ReadError(path, f"line {line} (id {key!r}): date {e}") from None
        if d is not None:
            row["date"] = d.isoformat()
        if (row.get("kind") or "").lower() not in GENRES:
            no_kind.append((line, key, row.get("kind") or "", row.get("title")))
        out[key], lines[key] = row, line
    _warn(path, no_kind, no_id)
    return out


def _warn(path: Path, no_kind: list, no_id: list) -> None:
    if no_id:
        warnings.warn(ManifestWarning(f"{path}: {_lines(no_id)} without id: skipped (no file can match them)"),
                      stacklevel=3)
    if not no_kind:
        return
    parts = []
    for line, key, kind, title in no_kind[:3]:
        what = f"kind {kind!r} unknown" if kind else "no kind"
        genre = f"read as {guess_genre(title)} (from its title)" if title else "genre guessed from its first lines"
        parts.append(f"line {line} (id {key!r}): {what}, {genre}")
    more = f"; and {len(no_kind) - 3} more rows" if len(no_kind) > 3 else ""
    warnings.warn(ManifestWarning(f"{path}: {'; '.join(parts)}{more}: "
                                  f"write the kind ({', '.join(GENRES)}) to be sure"), stacklevel=3)


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:5])) + (", ..." if len(numbers) > 5 else "")
    return f"line{'s' if len(numbers) > 1 else ''} {shown}"


def read_manifests(paths) -> dict[str, dict]:
    """Several manifests into one ``{id: row}``; an id in two of them is refused, naming both files."""
    rows: dict[str, dict] = {}
    origin: dict[str, Path] = {}
    for m in paths or []:
        for key, row in read_manifest(m).items():
            if key in rows:
                raise ReadError(m, f"id {key!r} is also in {origin[key]}: one row per document (remove one)")
            rows[key], origin[key] = row, Path(m)
    return rows


def relative_id(path, root) -> str:
    """A file's id without a manifest row: its path relative to the corpus root, without suffix, with ``/``.

    >>> relative_id("/data/a/report.txt", "/data"), relative_id("/data/report.txt", "/data")
    ('a/report', 'report')
    """
    rel = PurePosixPath(Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix())
    return str(rel.with_suffix("")) if rel.suffix else str(rel)


def corpus_root(paths) -> Path:
    """The deepest folder that holds every path (a single file: its folder)."""
    parents = [os.path.abspath(Path(p).parent) for p in paths]
    return Path(os.path.commonpath(parents)) if parents else Path(".")


def match_rows(paths, rows: dict, root) -> tuple[list[str], list[dict], set]:
    """Each file's id and manifest row, and the row ids used.

    A row matches a file by the file's relative id (``a/report``), or by its
    name without suffix (``report``) when no other file of the corpus has that
    name; a row that could be either of two files is applied to neither, with a
    warning. Files without a row get their relative id. Ids are unique: a clash
    left (``report.txt`` beside ``report.TXT``) keeps the suffix, then numbers.

    >>> ids, metas, used = match_rows(["/c/a/report.txt", "/c/b/report.txt", "/c/b/x.txt"], {"x": {"id": "x"}}, "/c")
    >>> ids, used
    (['a/report', 'b/report', 'x'], {'x'})
    """
    paths = [Path(p) for p in paths]
    stems: dict[str, list[Path]] = {}
    for p in paths:
        stems.setdefault(p.stem, []).append(p)
    ids, metas, used, ambiguous = [], [], set(), {}
    for p in paths:
        rel = relative_id(p, root)
        key = rel if rel in rows else p.stem if p.stem in rows and len(stems[p.stem]) == 1 else None
        if key is None and p.stem in rows:
            ambiguous[p.stem] = stems[p.stem]
        if key is not None:
            used.add(key)
        ids.append(key or rel)
        metas.append(dict(rows[key]) if key else {})
    for stem, files in ambiguous.items():
        warnings.warn(ManifestWarning(
            f"manifest id {stem!r} matches {len(files)} files ({', '.join(map(str, files))}): applied to none; "
            f"give each file its own row, with ids {', '.join(relative_id(f, root) for f in files)}"), stacklevel=2)
    return _unique(ids, paths, root), metas, used


def _unique(ids: list[str], paths: list[Path], root) -> list[str]:
    out, seen = [], set()
    for doc_id, p in zip(ids, paths):
        if doc_id in seen:
            doc_id = str(PurePosixPath(relative_id(p, root)).with_name(p.name))
        n = 2
        base = doc_id
        while doc_id in seen:
            doc_id, n = f"{base}~{n}", n + 1
        seen.add(doc_id)
        out.append(doc_id)
    return out
