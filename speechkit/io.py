"""Read speeches and corpora: encodings, manifests, speech dates.

A :class:`Speech` holds the decoded raw text (universal newlines) exactly as
offsets in every later stage refer to it, plus its metadata.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "demo-2021.txt"
>>> _ = p.write_bytes("2021年工作安排\\n年内要完成搬迁。".encode("gb18030"))
>>> s = read_speech(p)
>>> s.doc_id, s.encoding, s.date.isoformat(), s.date_source
('demo-2021', 'gb18030', '2021-01-01', 'text:year')
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .speech import Speech  # noqa: E402  (the type lives in its own module; re-exported here)

__all__ = ["Speech", "Corpus", "ReadError", "read_speech", "read_corpus", "decode_bytes", "read_manifest"]

MAX_BYTES = 200_000_000  # a single speech larger than this is not a speech


class ReadError(ValueError):
    """A file could not be read as a speech; the message names the file and the reason."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


# ----------------------------------------------------------------- decoding

def normalize_newlines(text: str) -> str:
    """Python's universal newlines: \\r\\n and \\r become \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f\v") or 0xE000 <= ord(ch) <= 0xF8FF or ch == "\ufffd")
    return bad / len(sample) > 0.02


def _cjk_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff") / len(sample)


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a speech file; returns ``(text, encoding)`` or raises :class:`ReadError`.

    UTF-8 (with or without BOM), UTF-16 (BOM or not), GB18030/GBK and Big5 are
    recognized; binary data and text that decodes to nonsense are refused.

    >>> decode_bytes("要确保".encode("big5"))[1]
    'big5'
    """
    if not data:
        raise ReadError(name, "file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:].decode("utf-8", errors="strict"), "utf-8-sig", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(data.decode("utf-16"), "utf-16", name)
        except UnicodeDecodeError as e:
            raise ReadError(name, f"UTF-16 byte-order mark but undecodable text ({e.reason})") from None
    # UTF-16 without BOM: NUL bytes on every other position
    head = data[:4000]
    if head.count(0) > len(head) // 4:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        enc = "utf-16-le" if odd > even else "utf-16-be"
        if max(even, odd) > len(head) // 4:
            try:
                return _checked(data.decode(enc), enc, name)
            except (UnicodeDecodeError, ReadError):
                pass
        raise ReadError(name, "binary file (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            candidates.append((data.decode(enc), enc))
        except UnicodeDecodeError:
            continue
    if len(candidates) == 2:
        try:  # both decode: let charset-normalizer judge which reads as language
            from charset_normalizer import from_bytes

            best = from_bytes(data[:200_000], cp_isolation=["gb18030", "big5"]).best()
            if best is not None and best.encoding.replace("_", "").lower().startswith("big5"):
                candidates.reverse()
        except Exception:  # pragma: no cover - detector is advisory only
            pass
    for text, enc in candidates:
        try:
            return _checked(text, enc, name)
        except ReadError:
            continue
    raise ReadError(name, "not text in UTF-8, UTF-16, GB18030/GBK or Big5 (binary or unknown encoding)")


def _checked(text: str, enc: str, name: str) -> tuple[str, str]:
    if _looks_binary(text):
        raise ReadError(name, f"decodes as {enc} to control characters: binary, not text")
    return normalize_newlines(text), enc


# ----------------------------------------------------------------- dates

_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")


def _coerce_date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def infer_date(raw: str, title: str | None = None) -> tuple[dt.date | None, str | None]:
    """Infer the speech date from its text: a dateline in the first lines, else a year in the title.

    >>> infer_date("政府工作报告\\n——2019年3月4日在区人代会上\\n")
    (datetime.date(2019, 3, 4), 'text:dateline')
    >>> infer_date("正文", title="2020年工作要点")
    (datetime.date(2020, 1, 1), 'title:year')
    >>> infer_date("no date here")
    (None, None)
    """
    head = raw[:600]
    m = _DATE_RE.search(head)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), "text:dateline"
        except ValueError:
            pass
    if title:
        m = _YEAR_RE.search(title)
        if m:
            return dt.date(int(m[1]), 1, 1), "title:year"
    m = _YEAR_RE.search(raw[:200])
    if m:
        return dt.date(int(m[1]), 1, 1), "text:year"
    return None, None


# ----------------------------------------------------------------- files

def read_speech(path, date=None, doc_id: str | None = None, meta: dict | None = None) -> Speech:
    """Read one speech file.

    ``date`` (a ``datetime.date`` or ISO string) overrides the manifest row in
    ``meta``, which overrides a date inferred from the text; ``date_source``
    records which one was used (``None`` when no date is known).

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "gwr-2021.txt"
    >>> _ = f.write_bytes("2021年江城县政府工作报告\\n今年要完成投资120亿元。".encode("gbk"))
    >>> s = read_speech(f)
    >>> s.doc_id, s.encoding, str(s.date), s.date_source
    ('gwr-2021', 'gb18030', '2021-01-01', 'text:year')
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ReadError(path, f"cannot open: {e.strerror or e}") from None
    if path.is_dir():
        raise ReadError(path, "is a directory, not a file")
    if size > MAX_BYTES:
        raise ReadError(path, f"file is {size:,} bytes, larger than the {MAX_BYTES:,} bytes a speech may have")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(path, f"cannot read: {e.strerror or e}") from None
    from .readers import read_document

    doc = read_document(data, str(path))  # text, Word, PDF or HTML: by suffix, then content
    raw, enc = doc.text, doc.encoding or doc.format
    extra = {} if doc.format == "text" else {"format": doc.format, **(doc.layout.to_meta() if doc.layout else {})}
    meta = dict(meta or {})
    for k, v in {**doc.meta, **extra}.items():
        if not meta.get(k):  # the manifest row wins
            meta[k] = v
    d, src = _coerce_date(date), "argument"
    if d is None:
        d, src = _coerce_date(meta.get("date")), "manifest"
    if d is None:
        d, src = infer_date(raw, meta.get("title"))
    return Speech(doc_id=doc_id or path.stem, raw=raw, date=d, date_source=src if d else None,
                  encoding=enc, path=str(path), meta=meta)


def read_manifest(path) -> dict[str, dict]:
    """Read a manifest CSV into ``{id: row}``; the id column is ``id`` or ``doc_id``."""
    path = Path(path)
    try:
        text, _ = decode_bytes(path.read_bytes(), str(path))
    except OSError as e:
        raise ReadError(path, f"cannot read manifest: {e.strerror or e}") from None
    rows = list(csv.DictReader(text.splitlines()))
    if rows and not ({"id", "doc_id"} & set(rows[0])):
        raise ReadError(path, "manifest has no 'id' (or 'doc_id') column")
    out = {}
    for row in rows:
        key = (row.get("id") or row.get("doc_id") or "").strip()
        if key:
            out[key] = {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
    return out


@dataclass
class Corpus:
    """A set of speech files with their manifest rows, read lazily.

    ``unlisted`` names files that have no manifest row, ``missing`` manifest
    rows that have no file; ``errors`` fills as files fail to read.
    """

    entries: list[tuple[Path, dict]]
    missing: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    date: dt.date | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Speech]:
        self.errors.clear()
        for path, meta in self.entries:
            try:
                yield read_speech(path, date=self.date, meta=meta)
            except ReadError as e:
                self.errors.append((str(path), e.reason))

    @property
    def ids(self) -> list[str]:
        return [p.stem for p, _ in self.entries]

    def __repr__(self) -> str:
        extra = ""
        if self.missing:
            extra += f", {len(self.missing)} manifest rows without file"
        if self.unlisted:
            extra += f", {len(self.unlisted)} files without manifest row"
        return f"Corpus({len(self.entries)} files{extra})"


def read_corpus(source, manifest=None, pattern: str | None = None, date=None) -> Corpus:
    """Collect a corpus from a folder (or a list of paths) and optional manifest CSV(s).

    From a folder, ``pattern`` (a glob such as ``"*.txt"``) picks the files; by default every
    file in a format speechkit reads (.txt, .docx, .pdf, .html, .htm: :data:`speechkit.readers.SUFFIXES`).

    >>> c = read_corpus("corpus", manifest="corpus/manifest.csv")  # doctest: +SKIP
    >>> [s.doc_id for s in c]  # doctest: +SKIP
    """
    if isinstance(source, (str, Path)) and Path(source).is_dir():
        from .readers import is_document

        paths = sorted(Path(source).glob(pattern) if pattern else (p for p in Path(source).iterdir() if is_document(p)))
    elif isinstance(source, (str, Path)):
        paths = [Path(source)]
    else:
        paths = [Path(p) for p in source]
    rows: dict[str, dict] = {}
    manifests = [] if manifest is None else ([manifest] if isinstance(manifest, (str, Path)) else list(manifest))
    for m in manifests:
        rows.update(read_manifest(m))
    entries, unlisted = [], []
    for p in paths:
        row = rows.get(p.stem)
        if manifests and row is None:
            unlisted.append(str(p))
        entries.append((p, row or {}))
    stems = {p.stem for p in paths}
    missing = [k for k in rows if k not in stems] if isinstance(source, (str, Path)) and Path(source).is_dir() else []
    return Corpus(entries=entries, missing=missing, unlisted=unlisted, date=_coerce_date(date))


def iter_texts(paths: Iterable) -> Iterator[tuple[str, str]]:  # pragma: no cover - convenience
    for p in paths:
        yield str(p), read_speech(p).raw
