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

import datetime as dt
import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .dates import infer_date, normalize_newlines, parse_date  # noqa: F401  (re-exported)
from .speech import Speech  # noqa: E402  (the type lives in its own module; re-exported here)

__all__ = ["Speech", "Corpus", "ReadError", "read_speech", "read_corpus", "decode_bytes", "read_manifest",
           "parse_date", "list_files"]

MAX_BYTES = 200_000_000  # a single speech larger than this is not a speech


class ReadError(ValueError):
    """A file could not be read as a speech; the message names the file and the reason."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


# ----------------------------------------------------------------- decoding

def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f\v") or 0xE000 <= ord(ch) <= 0xF8FF or ch == "\ufffd")
    return bad / len(sample) > 0.02


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a speech file; returns ``(text, encoding)`` or raises :class:`ReadError`.

    UTF-8 (with or without BOM), UTF-16 (BOM or not), GB18030/GBK and Big5 are
    recognized; binary data, text that decodes to nonsense and text without a
    word (only whitespace and punctuation) are refused.

    >>> decode_bytes("要确保".encode("big5"))[1]
    'big5'
    >>> decode_bytes("要确保十项工作落实。\\n".encode("utf-16-le"))
    ('要确保十项工作落实。\\n', 'utf-16-le')
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
    head = data[:4000]
    if head.count(0) > len(head) // 4:  # ASCII-heavy UTF-16 without BOM, or binary
        enc = _utf16_sniff(data)
        if enc:
            try:
                return _checked(data.decode(enc), enc, name)
            except (UnicodeDecodeError, ReadError):
                pass
        raise ReadError(name, "binary file (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    enc = _utf16_sniff(data)  # before GB18030, which decodes most UTF-16 Chinese into nonsense
    if enc:
        try:
            return _checked(data.decode(enc), enc, name)
        except (UnicodeDecodeError, ReadError):
            pass
    for text, enc in _legacy_chinese(data):
        try:
            return _checked(text, enc, name)
        except ReadError:
            continue
    raise ReadError(name, "not text in UTF-8, UTF-16, GB18030/GBK or Big5 (binary or unknown encoding)")


def _legacy_chinese(data: bytes) -> list[tuple[str, str]]:
    """The decodings of ``data`` as GB18030 and Big5 that succeed, the likelier first: when both decode,
    charset-normalizer judges which reads as language."""
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            candidates.append((data.decode(enc), enc))
        except UnicodeDecodeError:
            continue
    if len(candidates) == 2:
        from charset_normalizer import from_bytes  # a required dependency: a missing install fails loudly

        try:
            best = from_bytes(data[:200_000], cp_isolation=["gb18030", "big5"]).best()
        except (ValueError, LookupError, RuntimeError):  # pragma: no cover - the detector is advisory only
            best = None
        if best is not None and best.encoding.replace("_", "").lower().startswith("big5"):
            candidates.reverse()
    return candidates


def _checked(text: str, enc: str, name: str) -> tuple[str, str]:
    if _looks_binary(text):
        raise ReadError(name, f"decodes as {enc} to control characters: binary, not text")
    if not any(ch.isalnum() for ch in text):
        raise ReadError(name, "no words: only whitespace and punctuation")
    return normalize_newlines(text), enc


# what UTF-16 text is made of: ASCII, Latin-1, general punctuation, enclosed numbers, CJK punctuation,
# ideographs, full-width forms
_UTF16_TEXT = re.compile("[\t\n\r\x20-\x7e\xa0-\xff\u2000-\u206f\u2460-\u24ff\u3000-\u303f"
                         "\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _utf16_sniff(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` reads as UTF-16 text without a byte-order mark.

    The high byte of each 16-bit unit gives it away: NUL for ASCII (the NUL-byte pattern), 0x30 for CJK
    punctuation, 0x4E–0x9F for ideographs, 0xFF for full-width forms. Read in the right byte order at
    least 90 % of the units are such characters; in the wrong order, or for GBK, Big5 or UTF-8 bytes, far
    fewer are. Below 32 characters without a NUL byte, Big5 can pass for UTF-16: not guessed.

    >>> text = "今年要完成城南污水处理厂等十项重点工程，确保全部按期投入运行，群众满意。"
    >>> _utf16_sniff(text.encode("utf-16-le")), _utf16_sniff(text.encode("utf-16-be"))
    ('utf-16-le', 'utf-16-be')
    >>> _utf16_sniff(text.encode("gbk")) is None
    True
    """
    if len(data) < 2 or len(data) % 2 or (len(data) < 64 and 0 not in data):
        return None
    head = data[:20000]
    best = (0.9, None)
    for enc in ("utf-16-le", "utf-16-be"):
        text = head.decode(enc, errors="replace")
        share = len(_UTF16_TEXT.findall(text)) / len(text)
        if share >= best[0]:
            best = (share, enc)
    return best[1]


# ----------------------------------------------------------------- dates

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
    d, src = parse_date(date), "argument"
    if d is None:
        d, src = parse_date(meta.get("date")), "manifest"
    if d is None:
        d, src = infer_date(raw, meta.get("title"))
    return Speech(doc_id=doc_id or path.stem, raw=raw, date=d, date_source=src if d else None,
                  encoding=enc, path=str(path), meta=meta)


def read_manifest(path) -> dict[str, dict]:
    """Read a manifest CSV into ``{id: row}``, checked (see :mod:`speechkit.manifest`)."""
    from .manifest import read_manifest as read

    return read(path)


def list_files(folder, pattern: str | None = None) -> list[Path]:
    """The files of ``folder`` in a format speechkit reads, or whose name matches ``pattern``; suffixes and
    patterns ignore case (``*.TXT`` too); sorted.

    ``**/`` before the pattern looks in subfolders too; hidden files (``.name``) are left out.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.TXT", "a.txt", ".hidden.txt", "c.csv", "d.Docx"):
    ...     _ = (d / name).write_text("要完成。", encoding="utf-8")
    >>> [p.name for p in list_files(d)], [p.name for p in list_files(d, "*.txt")]
    (['a.txt', 'b.TXT', 'd.Docx'], ['a.txt', 'b.TXT'])
    """
    from .readers import is_document

    folder = Path(folder)
    deep = bool(pattern) and pattern.startswith("**/")
    if pattern:
        rx = re.compile(fnmatch.translate(pattern[3:] if deep else pattern), re.IGNORECASE)
        wanted = lambda p: bool(rx.match(p.name))  # noqa: E731
    else:
        wanted = is_document
    found = folder.rglob("*") if deep else folder.iterdir()
    paths = [p for p in found if wanted(p) and not p.name.startswith(".") and p.is_file()]
    return sorted(paths, key=lambda p: p.relative_to(folder).as_posix())


@dataclass
class Corpus:
    """A set of speech files with their manifest rows, read lazily.

    ``unlisted`` names files that have no manifest row, ``missing`` manifest
    rows that have no file; ``errors`` fills as files fail to read. ``ids``
    are the documents' ids: the manifest row's id, else the path relative to
    ``root`` without suffix (``a/report``), unique.
    """

    entries: list[tuple[Path, dict]]
    missing: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    date: dt.date | None = None
    root: Path | None = None
    doc_ids: list[str] | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Speech]:
        self.errors.clear()
        for (path, meta), doc_id in zip(self.entries, self.ids):
            try:
                yield read_speech(path, date=self.date, meta=meta, doc_id=doc_id)
            except ReadError as e:
                self.errors.append((str(path), e.reason))

    @property
    def ids(self) -> list[str]:
        return list(self.doc_ids) if self.doc_ids is not None else [p.stem for p, _ in self.entries]

    def __repr__(self) -> str:
        extra = ""
        if self.missing:
            extra += f", {len(self.missing)} manifest rows without file"
        if self.unlisted:
            extra += f", {len(self.unlisted)} files without manifest row"
        return f"Corpus({len(self.entries)} files{extra})"


def read_corpus(source, manifest=None, pattern: str | None = None, date=None) -> Corpus:
    """Collect a corpus from a folder (or a list of paths) and optional manifest CSV(s).

    From a folder, ``pattern`` (a glob such as ``"*.txt"``, matched ignoring case) picks the files; by
    default every file in a format speechkit reads (.txt, .docx, .pdf, .html, .htm, any case:
    :data:`speechkit.readers.SUFFIXES`). A file's manifest row is the row whose id is its path relative
    to the folder without suffix (``a/report``), or its name without suffix when no other file has that
    name (see :func:`speechkit.manifest.match_rows`).

    >>> c = read_corpus("corpus", manifest="corpus/manifest.csv")  # doctest: +SKIP
    >>> [s.doc_id for s in c]  # doctest: +SKIP
    """
    from .manifest import corpus_root, match_rows, read_manifests

    folder = isinstance(source, (str, Path)) and Path(source).is_dir()
    if folder:
        paths, root = list_files(source, pattern), Path(source)
    else:
        paths = [Path(source)] if isinstance(source, (str, Path)) else [Path(p) for p in source]
        root = corpus_root(paths)
    manifests = [] if manifest is None else ([manifest] if isinstance(manifest, (str, Path)) else list(manifest))
    rows = read_manifests(manifests)
    ids, metas, used = match_rows(paths, rows, root)
    unlisted = [str(p) for p, m in zip(paths, metas) if manifests and not m]
    missing = [k for k in rows if k not in used] if folder else []
    return Corpus(entries=list(zip(paths, metas)), missing=missing, unlisted=unlisted, date=parse_date(date),
                  root=root, doc_ids=ids)


def iter_texts(paths: Iterable) -> Iterator[tuple[str, str]]:  # pragma: no cover - convenience
    for p in paths:
        yield str(p), read_speech(p).raw
