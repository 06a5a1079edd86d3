"""PDF files with pdfminer.six: text in reading order, paragraphs rejoined, page furniture dropped.

pdfminer gives the text lines of each page with their position. From the
geometry this reader decides what plain text cannot tell:

* **furniture**: in the top or bottom two lines of a page, a line repeated on
  40% of the pages, at least two (running header or footer, numbers ignored), or a page number
  (「3」「- 3 -」「第3页」「3/12」) is left out; 「- 3 -」 and 「第3页 共12页」 anywhere;
* **paragraphs**: a line that runs to the right margin (or, when it does not end
  in punctuation, to within 4 characters of it: a number that did not fit) continues on the next
  one, unless the next is indented (when the document indents its paragraphs)
  or the line ends a sentence (when it does not); pages join the same way.
  The cleaner's own broken-line rule (:mod:`speechkit.clean`) then still
  mends what is left, as for any text;
* **spaces** pdfminer inserts next to a Chinese character (letter-spaced
  titles, justified lines), and space glyphs between two, are not put in.

Each page is a unit of the layout: ``speech.locate(offset)`` gives ``{"page": n}``.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from .base import Document, TextBuilder, missing_extra

__all__ = ["read_pdf", "is_page_number"]

_CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…·]")
_PAGE_NO = re.compile(r"^(?:[-—–－~·•]*\d{1,4}[-—–－~·•]*|第\d{1,4}页(?:共\d{1,4}页)?|\d{1,4}/\d{1,4}"
                      r"|(?:page)?\d{1,4}(?:of\d{1,4})?|[-—–－]*[ivxlc]{1,6}[-—–－]*)$", re.I)
_PAGE_NO_ANYWHERE = re.compile(r"^(?:[-—–－]+\d{1,4}[-—–－]+|第\d{1,4}页(?:共\d{1,4}页)?)$")
_FINAL = "。！？!?；;：:”」』）)"
_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\(?\d{1,2}[.、．)）](?![\d%])|第[一二三四五六七八九十]+[章节条部分])")
_CID = re.compile(r"\(cid:\d+\)")


@dataclass
class _Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def size(self) -> float:
        return max(self.y1 - self.y0, 1.0)


def is_page_number(text: str, edge: bool = True) -> bool:
    """A page number line; a bare number counts only at the page's top or bottom (``edge``).

    >>> [is_page_number(t) for t in ("3", "- 12 -", "第3页", "第 3 页 共 12 页", "3/12", "—iv—", "2021年")]
    [True, True, True, True, True, True, False]
    >>> is_page_number("12", edge=False), is_page_number("- 12 -", edge=False)
    (False, True)
    """
    t = re.sub(r"\s+", "", text)
    return bool((_PAGE_NO if edge else _PAGE_NO_ANYWHERE).match(t))


def _line_text(line) -> str:
    """A line's text without the spaces pdfminer inserted between two Chinese characters."""
    from pdfminer.layout import LTAnno

    items = list(line)
    out = []
    for i, ch in enumerate(items):
        t = ch.get_text()
        if t.isspace():
            if t == "\n":
                continue
            before = items[i - 1].get_text()[-1:] if i else ""
            after = items[i + 1].get_text()[:1] if i + 1 < len(items) else ""
            cjk_b, cjk_a = bool(_CJK.match(before or "a")), bool(_CJK.match(after or "a"))
            # a gap pdfminer filled in next to a Chinese character, or a space glyph between two of them
            if (cjk_b or cjk_a) if isinstance(ch, LTAnno) else (cjk_b and cjk_a):
                continue
        out.append(t)
    return "".join(out).strip()


def _pages(data: bytes, name: str) -> list[list[_Line]]:
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
        from pdfminer.pdfdocument import PDFPasswordIncorrect
        from pdfminer.psexceptions import PSException
    except ImportError:
        raise missing_extra("pdf", name) from None
    from ..io import ReadError

    pages = []
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=LAParams(line_margin=0.3)):
            lines = []
            for box in layout:
                if not isinstance(box, LTTextContainer):
                    continue
                for line in box:
                    if isinstance(line, LTTextLine):
                        text = _line_text(line)
                        if text:
                            lines.append(_Line(text, line.x0, line.y0, line.x1, line.y1))
            pages.append(_reading_order(lines))
    except PDFPasswordIncorrect:
        raise ReadError(name, "encrypted PDF: it needs a password to open") from None
    except (PSException, ValueError, KeyError, TypeError) as e:
        raise ReadError(name, f"not a readable PDF ({type(e).__name__}: {e})") from None
    return pages


def _reading_order(lines: list[_Line]) -> list[_Line]:
    """Top to bottom, left to right within a row: pdfminer's text boxes can put a line that holds only
    a punctuation mark, or a box of a few lines, out of place. (Single-column pages, as reports are;
    a page in two columns would be read across.)"""
    rows: list[list[_Line]] = []
    for ln in sorted(lines, key=lambda ln: -ln.y1):
        row = rows[-1] if rows else None
        if row and min(r.y0 for r in row) < (ln.y0 + ln.y1) / 2:  # overlaps the row above by half a line
            row.append(ln)
        else:
            rows.append([ln])
    return [ln for row in rows for ln in sorted(row, key=lambda ln: ln.x0)]


def _furniture(pages: list[list[_Line]]) -> tuple[list[list[_Line]], list[tuple[str, str]]]:
    """Drop running headers/footers and page numbers; returns the kept lines and what was dropped."""
    def key(t):
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", t))

    def edges(lines):
        order = sorted(range(len(lines)), key=lambda i: -lines[i].y1)
        return set(order[:2] + order[-2:])

    counts = Counter()
    for lines in pages:
        counts.update({key(lines[i].text) for i in edges(lines)})
    need = max(2, round(0.4 * len(pages)))
    kept, dropped = [], []
    for lines in pages:
        edge = edges(lines)
        keep = []
        for i, ln in enumerate(lines):
            if is_page_number(ln.text, edge=i in edge):
                dropped.append(("page-number", ln.text))
            elif i in edge and len(ln.text) <= 40 and counts[key(ln.text)] >= need:
                dropped.append(("running-header", ln.text))
            else:
                keep.append(ln)
        kept.append(keep)
    return kept, dropped


def _margins(pages: list[list[_Line]]) -> tuple[float, float, bool]:
    """Left and right margins of the body text, and whether paragraphs start indented."""
    lines = [ln for p in pages for ln in p]
    if not lines:
        return 0.0, 0.0, False
    x0s = sorted(ln.x0 for ln in lines)
    x1s = sorted(ln.x1 for ln in lines)
    left = x0s[len(x0s) // 10]
    right = x1s[min(len(x1s) - 1, (len(x1s) * 9) // 10)]
    indented = sum(1 for ln in lines if 1.2 * ln.size <= ln.x0 - left <= 2.8 * ln.size)
    return left, right, indented >= max(2, 0.04 * len(lines))


def _centred(ln: _Line, left: float, right: float) -> bool:
    """A line set in the middle (a title): as far from the left margin as from the right one."""
    gap_l, gap_r = ln.x0 - left, right - ln.x1
    return gap_l > 0.8 * ln.size and abs(gap_l - gap_r) < ln.size


def _continues(a: _Line, b: _Line, left: float, right: float, indents: bool) -> bool:
    """Does line ``b`` continue the paragraph of line ``a``?"""
    # a stops short of the margin: a paragraph (or heading) ends; but a line without punctuation at its end
    # may stop up to 4 characters short when the next word or number did not fit
    slack = (1.5 if a.text[-1] in _FINAL + "，、," else 4) * a.size
    if a.x1 < right - slack or _centred(a, left, right):
        return False
    if b.x0 - left > 0.8 * b.size:  # b indented, or the last line of a centred paragraph
        indent = abs(b.x0 - left - 2 * b.size) < 0.5 * b.size  # the usual two-character paragraph indent
        return _centred(b, left, right) and not indent and a.text[-1] not in _FINAL
    if _MARKER.match(b.text):
        return not indents and a.text[-1] not in _FINAL
    return indents or a.text[-1] not in _FINAL


def _joiner(a: str, b: str) -> str:
    return " " if a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha() else ""


def read_pdf(data: bytes, name: str = "<bytes>") -> Document:
    """Text of a PDF: one line per paragraph, pages and their furniture as described above."""
    from ..io import ReadError

    pages, dropped = _furniture(_pages(data, name))
    if not any(pages):
        raise ReadError(name, "PDF has no text layer (a scanned document? run OCR on it first)")
    left, right, indents = _margins(pages)
    b = TextBuilder("page")
    prev = None
    for lines in pages:
        if not lines:
            b.starts.append(b.length + 1)
            continue
        for i, ln in enumerate(lines):
            join = prev is not None and _continues(prev, ln, left, right, indents)
            text = (_joiner(prev.text, ln.text) if join else "") + ln.text
            start = b.block(text, join=join)
            if i == 0:
                b.starts.append(start)
            prev = ln
    doc = b.build("pdf", dropped=dropped)
    cids = len(_CID.findall(doc.text))
    if cids and cids * 9 > 0.05 * len(doc.text):
        raise ReadError(name, f"PDF fonts without a Unicode map: {cids} characters come out as (cid:N) codes")
    return doc
