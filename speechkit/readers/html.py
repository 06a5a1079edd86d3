"""Web pages (.html/.htm) with lxml: the article body kept, navigation, footer, scripts and styles dropped.

Government pages put the speech in one container among menus, breadcrumbs,
share buttons, related links and a footer. The container is found as

1. among elements with a well-known content id or class (``TRS_Editor``,
   ``zoom``, ``pages_content``, ``article``, ``content``…, see ``CONTENT_NAMES``)
   holding at least 30% of the page's text outside links, the largest, or a
   known one nested in it that holds 60% of its text; else
2. the deepest ``div``/``section``/``article``/``main``/``td`` holding at
   least 70% of it (text density: menus and link lists are mostly links).

Inside it, furniture is dropped again (``nav``/``header``/``footer``/``aside``,
ids and classes such as ``share``, ``crumb``, ``print``, blocks that are
mostly links). Each block (``p``, ``div``, ``li``, heading, table row with its
cells joined by tabs, text between ``br``) is one line and one paragraph of
the layout. Whitespace that comes from wrapping the HTML source between two
Chinese characters is removed; the charset comes from the byte-order mark,
then the page's ``<meta charset>`` (GB2312/GBK read as GB18030), then detection.

Why not readability-lxml or trafilatura: both are tuned on English news, score
paragraphs by commas and length and so drop the short lines that carry a
work report's structure (「一、」 headings, numbered target lists, table rows);
trafilatura also brings a dozen dependencies. The few rules above are enough
for government pages and are tested on a page the tests write.
"""
from __future__ import annotations

import re

from .base import Document, TextBuilder, missing_extra

__all__ = ["read_html", "page_charset", "CONTENT_NAMES"]

CONTENT_NAMES = {"trs_editor", "trs_ueditor", "zoom", "pages_content", "article", "article-content",
                 "article_content", "articlecontent", "article-body", "content", "contents", "main-content",
                 "main_content", "detail", "details", "detail-content", "detail_content", "xxgk_content",
                 "news_content", "newscontent", "info_content", "text", "txt", "zw", "ucap-content", "artibody",
                 "custom_unionstyle", "view", "con", "wzcon", "nr", "content_text", "content-text", "conttext"}
_FURNITURE = re.compile(r"(?:^|[-_\s])(nav|navbar|menu|footer|foot|header|head|top|crumbs?|breadcrumbs?|position|"
                        r"location|info|share|bdsharebuttonbox|sidebar|side|copyright|toolbar|tools?|related|relevant|"
                        r"pager|pagination|print|fontsize|font-size|zh|qrcode|ewm|search|login|banner|"
                        r"friendlink|links?|skip)(?:$|[-_\s\d])", re.I)
_DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "select",
              "button", "input", "textarea", "head", "title", "meta", "link", "map", "audio", "video"}
_FURNITURE_TAGS = {"nav", "header", "footer", "aside", "menu"}
_BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
          "h5", "h6", "blockquote", "pre", "table", "tbody", "thead", "tfoot", "center", "address", "figure",
          "figcaption", "form", "fieldset", "hr", "body", "html"}
_CONTAINERS = {"div", "section", "article", "main", "td", "body", "center", "form"}
_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’"
_WRAP = re.compile(rf"(?<=[{_CJK}])[ \t\r\n]*\n[ \t\r\n]*(?=[{_CJK}])")
_WORDISH = re.compile(r"[\w\u3400-\u9fff]")


def page_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (GB2312 and GBK widened to GB18030).

    >>> page_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    'gb18030'
    >>> page_charset(b"<meta charset='UTF-8'>"), page_charset(b"<p>none</p>")
    ('utf-8', None)
    """
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    cs = m.group(1).decode("ascii", "ignore").lower().replace("_", "-")
    if cs in ("gb2312", "gbk", "x-gbk", "gb-2312", "gb2312-80", "cp936", "euc-cn", "hz-gb-2312"):
        return "gb18030"
    if cs in ("utf8", "unicode"):
        return "utf-8"
    return cs


def _decode(data: bytes, name: str) -> tuple[str, str]:
    from ..io import decode_bytes, normalize_newlines

    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        cs = page_charset(data)
        if cs:
            try:
                return normalize_newlines(data.decode(cs)), cs
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown declaration: detect instead
    return decode_bytes(data, name)


def _parse(text: str, name: str):
    try:
        import lxml.html
        from lxml.etree import ParserError
    except ImportError:
        raise missing_extra("html", name) from None
    from ..io import ReadError

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        return lxml.html.document_fromstring(text)
    except (ParserError, ValueError) as e:
        raise ReadError(name, f"not a readable web page ({e})") from None


def _hidden(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or el.get("hidden") is not None


def _names(el) -> str:
    return f"{el.get('id') or ''} {el.get('class') or ''}".strip()


def _is_furniture(el) -> bool:
    names = _names(el)
    if set(re.split(r"\s+", names.lower())) & CONTENT_NAMES:
        return False
    return el.tag in _FURNITURE_TAGS or bool(_FURNITURE.search(names))


def _strip(root) -> None:
    """Remove scripts, styles, comments, forms' controls and hidden elements, everywhere."""
    from lxml import etree

    for el in list(root.iter()):
        if el.getparent() is None:
            continue
        if not isinstance(el.tag, str) or el.tag in _DROP_TAGS or _hidden(el):
            el.drop_tree() if isinstance(el.tag, str) else _drop_keep_tail(el, etree)


def _drop_keep_tail(el, etree) -> None:
    parent = el.getparent()
    if parent is not None:
        tail = el.tail or ""
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(el)


def _weight(text: str) -> int:
    return len(_WORDISH.findall(text))


def _text_weights(root) -> dict:
    """Per element: (characters of text, characters inside links), counted once bottom-up."""
    out = {}
    for el in reversed(list(root.iter())):
        own = _weight(el.text or "")
        total, links = own, own if el.tag == "a" else 0
        for child in el:
            t, l = out[child]
            tail = _weight(child.tail or "")
            total += t + tail
            links += (t if el.tag == "a" else l) + (tail if el.tag == "a" else 0)
        out[el] = (total, links)
    return out


def _plain(weights, el) -> int:
    t, l = weights[el]
    return t - l


def _container(root, weights):
    body = root.find("body") if root.find("body") is not None else root
    plain = _plain(weights, body)
    if plain <= 0:
        return body
    known = [el for el in body.iter() if el.tag in _CONTAINERS and _plain(weights, el) >= 0.3 * plain
             and set(_names(el).lower().split()) & CONTENT_NAMES]
    if known:
        best = max(known, key=lambda el: _plain(weights, el))
        for el in known:  # document order: nested known containers come after their ancestor
            if el is not best and best in el.iterancestors() and _plain(weights, el) >= 0.6 * _plain(weights, best):
                best = el
        return best
    dense = body
    for el in body.iter():
        if el.tag in _CONTAINERS and _plain(weights, el) >= 0.7 * plain:
            dense = el
    return dense


def _drop_furniture(container, weights) -> None:
    for el in list(container.iter()):
        if el is container or el.getparent() is None or not isinstance(el.tag, str):
            continue
        t, l = weights.get(el, (0, 0))
        linky = el.tag in ("ul", "ol", "div", "table", "dl", "p") and t >= 8 and l >= 0.6 * t and len(el.findall(".//a")) >= 2
        if _is_furniture(el) or linky:
            el.drop_tree()


class _Lines:
    """Text collected into lines: a block element or ``br`` ends the line."""

    def __init__(self):
        self.lines: list[str] = []
        self.buf: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self.buf.append(text)

    def flush(self) -> None:
        line = _WRAP.sub("", "".join(self.buf))
        line = re.sub(r"[ \t\r\n\xa0\u3000]*\n[ \t\r\n\xa0\u3000]*", " ", line)
        line = line.replace("\xa0", " ").strip(" \t\u3000")
        if line:
            self.lines.append(line)
        self.buf = []


def _cell(td) -> str:
    sub = _Lines()
    sub.add(td.text)
    _walk(td, sub)
    sub.flush()
    return " ".join(sub.lines).replace("\t", " ")


def _walk(el, out: _Lines) -> None:
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            out.flush()
        elif tag == "tr":
            out.flush()
            cells = [_cell(td) for td in child if isinstance(td.tag, str) and td.tag in ("td", "th")]
            while cells and not cells[-1]:
                cells.pop()
            out.add("\t".join(cells))
            out.flush()
        elif tag in _BLOCK or tag in ("td", "th"):
            out.flush()
            out.add(child.text)
            _walk(child, out)
            out.flush()
        else:
            out.add(child.text)
            _walk(child, out)
        out.add(child.tail)


def _title(root) -> str:
    """The article's title: an ``h1`` that the page's ``<title>`` repeats, else the longest part of the
    ``<title>`` split at 「_ | - －」 (「标题_站点名」), else the first ``h1``."""
    def clean(el):
        return re.sub(r"\s+", " ", el.text_content()).strip() if el is not None else ""

    head = clean(root.find(".//title"))
    h1s = [t for t in (clean(h) for h in root.iter("h1")) if t]
    for h in h1s:
        if head and h in head:
            return h
    parts = [p.strip() for p in re.split(r"\s*[_|｜]\s*|\s+[-－—]+\s+", head) if p.strip()]
    if parts:
        return max(parts, key=len)
    return h1s[0] if h1s else ""


def read_html(data: bytes, name: str = "<bytes>") -> Document:
    """Text of a web page's article body, one line per block."""
    text, enc = _decode(data, name)
    root = _parse(text, name)
    title = _title(root)
    _strip(root)
    weights = _text_weights(root)
    container = _container(root, weights)
    _drop_furniture(container, weights)
    lines = _Lines()
    lines.add(container.text)
    _walk(container, lines)
    lines.flush()
    if not lines.lines:
        from ..io import ReadError

        raise ReadError(name, "web page has no text in its body")
    b = TextBuilder("paragraph")
    for line in lines.lines:
        b.block(line, unit=True)
    doc = b.build("html", meta={"title": title} if title else {})
    doc.encoding = enc
    return doc
