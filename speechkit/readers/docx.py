"""Word (.docx) files with python-docx: paragraphs in order, list labels, tables as rows.

Each paragraph (and each table row, its cells joined by tabs) is one line of
the extracted text and one unit of the :class:`~speechkit.readers.Layout`
(``{"paragraph": n}``, counting only lines that have text). Automatic list
labels are rebuilt from ``numbering.xml`` (:mod:`.numbering`); headers,
footers, comments and deleted revisions are left out.
"""
from __future__ import annotations

import io
import re

from .base import Document, TextBuilder, missing_extra
from .numbering import W, Numbering

__all__ = ["read_docx"]

_TEXT_TAGS = {f"{W}t": None, f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-",
              f"{W}softHyphen": ""}
_SKIP = {f"{W}del", f"{W}pPr", f"{W}rPr", f"{W}txbxContent", f"{W}fldChar", f"{W}instrText",
         "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


def _open(data: bytes, name: str):
    try:
        import docx
    except ImportError:
        raise missing_extra("docx", name) from None
    from ..io import ReadError

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises several kinds for a damaged package; the message names the file
        raise ReadError(name, f"not a readable Word .docx file ({type(e).__name__}: {e})") from None


def _run_text(el, out: list) -> None:
    """Text of a paragraph's runs in document order (insertions kept, deletions and field codes left out)."""
    for child in el:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag in _TEXT_TAGS:
            if tag == f"{W}br" and child.get(f"{W}type") == "page":
                continue
            fixed = _TEXT_TAGS[tag]
            out.append((child.text or "") if fixed is None else fixed)
        else:
            _run_text(child, out)


def _num_pr(p, styles: dict) -> tuple[str, int] | None:
    """``(numId, ilvl)`` of a paragraph: its own ``w:numPr`` or one inherited from its style chain."""
    ppr = p.find(f"{W}pPr")
    num = ppr.find(f"{W}numPr") if ppr is not None else None
    style = None
    if ppr is not None and ppr.find(f"{W}pStyle") is not None:
        style = ppr.find(f"{W}pStyle").get(f"{W}val")
    seen = set()
    while num is None and style and style not in seen:
        seen.add(style)
        st = styles.get(style)
        if st is None:
            break
        sp = st.find(f"{W}pPr")
        num = sp.find(f"{W}numPr") if sp is not None else None
        based = st.find(f"{W}basedOn")
        style = based.get(f"{W}val") if based is not None else None
    if num is None:
        return None
    nid, lvl = num.find(f"{W}numId"), num.find(f"{W}ilvl")
    if nid is None:
        return None
    return nid.get(f"{W}val"), int(lvl.get(f"{W}val")) if lvl is not None else 0


def _paragraph(p, styles: dict, numbering: Numbering) -> str:
    out: list[str] = []
    _run_text(p, out)
    text = "".join(out).strip()
    npr = _num_pr(p, styles)
    if npr is None or not text:
        return text
    label, suffix = numbering.label(*npr)
    if not label:
        return text
    sep = " " if suffix == "space" or (suffix == "tab" and label[-1].isalnum() and label[-1].isascii()) else ""
    return label + sep + text


def _cell_text(tc, styles, numbering) -> str:
    parts = [_paragraph(p, styles, numbering) for p in tc.iter(f"{W}p")]
    return " ".join(p for p in parts if p)


def _table_rows(tbl, styles, numbering):
    for tr in tbl.findall(f"{W}tr"):
        cells = [_cell_text(tc, styles, numbering) for tc in tr.findall(f"{W}tc")]
        while cells and not cells[-1]:
            cells.pop()
        yield "\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells)


def _blocks(body, styles, numbering):
    for el in body:
        if el.tag == f"{W}p":
            yield _paragraph(el, styles, numbering)
        elif el.tag == f"{W}tbl":
            yield from _table_rows(el, styles, numbering)
        elif el.tag == f"{W}sdt":
            content = el.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content, styles, numbering)


def read_docx(data: bytes, name: str = "<bytes>") -> Document:
    """Text of a Word file, one line per paragraph or table row."""
    d = _open(data, name)
    try:
        numbering = Numbering.from_part(d.part.numbering_part.element)
    except (KeyError, NotImplementedError):
        numbering = Numbering()
    styles = {s.get(f"{W}styleId"): s for s in d.styles.element.findall(f"{W}style")}
    b = TextBuilder("paragraph")
    for text in _blocks(d.element.body, styles, numbering):
        b.block(text, unit=True)
    if not b.length:
        from ..io import ReadError

        raise ReadError(name, "Word file has no text in its body")
    title = (d.core_properties.title or "").strip()  # often empty or left from a template: Chinese only
    keep = bool(re.search("[\u4e00-\u9fff]", title)) and not title.lower().startswith("microsoft")
    return b.build("docx", meta={"title": title} if keep else {})
