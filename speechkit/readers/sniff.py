"""Which reader a file needs: by suffix first, then by its first bytes.

>>> sniff(b"%PDF-1.7 ...", "report.bin"), sniff(b"<!DOCTYPE html><html>", "page"), sniff("要完成".encode(), "a.txt")
('pdf', 'html', 'text')
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

__all__ = ["sniff", "SUFFIXES", "FORMATS", "is_document"]

FORMATS = {".txt": "text", ".text": "text", ".docx": "docx", ".pdf": "pdf",
           ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html"}
SUFFIXES = tuple(FORMATS)
_REFUSED = {".doc": "old binary Word .doc format: save it as .docx (Word, LibreOffice: File → Save As)",
            ".wps": "WPS .wps format: save it as .docx",
            ".rtf": "RTF format: save it as .docx or .txt"}
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)\b",
                         re.I | re.S)


def is_document(path) -> bool:
    """A file whose suffix names a format speechkit reads (case-insensitive).

    >>> is_document("a/Report.DOCX"), is_document("a/b.xlsx")
    (True, False)
    """
    return Path(path).suffix.lower() in FORMATS


def _zip_kind(data: bytes, name: str) -> str:
    from ..io import ReadError

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        raise ReadError(name, "starts like a zip archive but is damaged (not a readable .docx)") from None
    if "word/document.xml" in names:
        return "docx"
    kind = ("an Excel workbook" if "xl/workbook.xml" in names else "a PowerPoint file" if "ppt/presentation.xml" in names
            else "an OpenDocument file (save it as .docx)" if "mimetype" in names else "a zip archive")
    raise ReadError(name, f"is {kind}, not a speech (Word .docx, PDF, HTML or text)")


def sniff(data: bytes, name: str = "<bytes>") -> str:
    """``"docx"``, ``"pdf"``, ``"html"`` or ``"text"``; refuses formats it knows it cannot read."""
    from ..io import ReadError

    suffix = Path(str(name)).suffix.lower()
    if suffix in _REFUSED:
        raise ReadError(name, _REFUSED[suffix])
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, name)
    if data.lstrip()[:5] == b"%PDF-" or data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(name, "old binary Office format (.doc): save it as .docx")
    fmt = FORMATS.get(suffix)
    if fmt in ("docx", "pdf"):
        raise ReadError(name, f"has the suffix {suffix} but is not a {fmt.upper()} file (its first bytes say otherwise)")
    if fmt == "html" or _HTML_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")):
        return "html"
    return "text"
