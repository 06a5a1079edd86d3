"""Readers for the formats speeches come in: plain text, Word (.docx), PDF and web pages (.html).

:func:`read_document` turns a file's bytes into the text every offset refers
to, plus a :class:`Layout` that maps offsets back to pages (PDF) or
paragraphs (Word, HTML). The format is chosen by suffix, then by content
(:func:`sniff`). Word, PDF and HTML need optional extras
(``pip install "speechkit[docx]"``, ``[pdf]``, ``[html]`` or ``[all]``);
without one, reading such a file raises a one-line :class:`~speechkit.io.ReadError`
that names the extra.

>>> page = "<html><body><ul class='nav'><li>首页</li></ul><div id='zoom'><p>年内要完成搬迁。</p></div></body></html>"
>>> doc = read_document(page.encode(), "a.html")
>>> doc.text, doc.format, doc.layout.locate(3)
('年内要完成搬迁。', 'html', {'paragraph': 1})
>>> read_document("江城县2021年政府工作报告\\n年内要完成政务中心搬迁。".encode("gbk"), "a.txt").encoding
'gb18030'
"""
from __future__ import annotations

from .base import Document, Layout, missing_extra
from .sniff import FORMATS, SUFFIXES, is_document, sniff

__all__ = ["read_document", "sniff", "Document", "Layout", "SUFFIXES", "FORMATS", "is_document", "missing_extra"]


def read_document(data: bytes, name: str = "<bytes>", fmt: str | None = None) -> Document:
    """Extract the text of a file's bytes; ``name`` (its path) gives the suffix and names it in errors."""
    fmt = fmt or sniff(data, name)
    if fmt == "docx":
        from .docx import read_docx as reader
    elif fmt == "pdf":
        from .pdf import read_pdf as reader
    elif fmt == "html":
        from .html import read_html as reader
    else:
        from .text import read_text as reader
    return reader(data, name)
