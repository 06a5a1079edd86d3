"""Segment a cleaned speech into headings, paragraphs, sentences and clauses.

Every :class:`Span` carries offsets into the cleaned text (``start``/``end``)
and into the raw file (``raw_start``/``raw_end``), so that
``raw[span.raw_start:span.raw_end]`` shows where it came from.

>>> doc = segment("一、对标找差\\n今年要完成搬迁，各单位要加快进度。确保年底竣工！")
>>> [s.text for s in doc.sentences]
['一、对标找差', '今年要完成搬迁，各单位要加快进度。', '确保年底竣工！']
>>> [c.text for c in doc.clauses[1:3]]
['今年要完成搬迁，', '各单位要加快进度。']
>>> doc.headings[0].text, doc.headings[0].level
('一、对标找差', 1)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clean import Cleaned, clean
from .spans import Span, Spans

__all__ = ["Span", "Document", "segment", "HEADING_MARKERS"]


# heading / list markers at the start of a line or sentence, with their level
HEADING_MARKERS = [
    (1, re.compile(r"[一二三四五六七八九十]{1,3}、")),
    (2, re.compile(r"[（(][一二三四五六七八九十]{1,3}[)）]")),
    (3, re.compile(r"\d{1,2}[.．、](?!\d)")),
    (3, re.compile(r"[（(]\d{1,2}[)）]")),
    (4, re.compile(r"第[一二三四五六七八九十]{1,3}[，,、]")),
]

# the markers as one pattern, a group each: the first that matches at a position gives the level
_HEADING = re.compile("|".join(f"(?P<m{k}>{pat.pattern})" for k, (_, pat) in enumerate(HEADING_MARKERS)))

_SENT_END = "。！？!?"
_OPENERS = "“‘「『（(《【"
_CLOSERS = "”’」』）)》】"
_SCAN = re.compile(r"[。！？!?…“”‘’「」『』（）()《》【】\"]")
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
_OPENING = re.compile("[（(“\"]")


@dataclass
class Document:
    """The segmented speech. ``text`` is the cleaned text; spans index into it."""

    cleaned: Cleaned
    doc_id: str | None = None
    paragraphs: Spans = field(init=False)  # tables of offsets, a Span made when one is read
    sentences: Spans = field(init=False)
    clauses: Spans = field(init=False)
    headings: Spans = field(init=False)

    def __post_init__(self):
        for kind in ("paragraph", "sentence", "clause", "heading"):
            setattr(self, kind + "s", Spans(kind, self.cleaned))

    @property
    def text(self) -> str:
        return self.cleaned.text

    @property
    def raw(self) -> str:
        return self.cleaned.raw

    def span(self, kind: str, start: int, end: int, **kw) -> Span:
        return Span(kind, start, end, self.cleaned, **kw)

    def sections(self) -> list[tuple[Span, int, int]]:
        """Headings with the cleaned range they govern (to the next heading of the same or a higher level).

        One pass with a stack of the headings still open: linear in the number of headings.

        >>> [(h.text, a, b) for h, a, b in segment("一、甲\\n（一）乙\\n要做。\\n二、丙\\n要做。").sections()]
        [('一、甲', 0, 13), ('（一）乙', 4, 13), ('二、丙', 13, 20)]
        """
        ends = [len(self.text)] * len(self.headings)
        open_: list[int] = []
        for i, h in enumerate(self.headings):
            while open_ and self.headings[open_[-1]].level >= h.level:
                ends[open_.pop()] = h.start
            open_.append(i)
        return [(h, h.start, end) for h, end in zip(self.headings, ends)]

    def tokens(self, tokenizer=None) -> list[Span]:
        """jieba tokens of the cleaned text as spans (through ``tokenizer``, or a new speech tokenizer).

        >>> [t.text for t in segment("滨江大道要全线通车。").tokens()][:3]
        ['滨江', '大道', '要']
        """
        from .tokenize import make_tokenizer

        tk = tokenizer or make_tokenizer()
        out = []
        for para in self.paragraphs:
            for w, s, e in tk.tokenize(para.text):
                if not w.isspace():
                    out.append(self.span("token", para.start + s, para.start + e, index=len(out)))
        return out

    def __repr__(self) -> str:
        return (f"Document({self.doc_id!r}, {len(self.paragraphs)} paragraphs, {len(self.sentences)} sentences, "
                f"{len(self.clauses)} clauses, {len(self.headings)} headings)")


FULL_STOP = re.compile("[" + _SENT_END + "]")  # a sentence's end (the extractor reads titles and items by it)


def _heading_at(text: str, pos: int) -> tuple[int, re.Match] | None:
    m = _HEADING.match(text, pos)
    return (HEADING_MARKERS[int(m.lastgroup[1:])][0], m) if m else None


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Sentence end offsets within ``[start, end)``, respecting quotes and brackets."""
    ends = []
    depth = 0
    opened_at = start
    for m in _SCAN.finditer(text, start, end):
        ch = m.group(0)
        pos = m.start()
        if ch == '"':
            ch = "”" if depth > 0 else "“"
        if ch in _OPENERS:
            if depth == 0:
                opened_at = pos
            depth += 1
            continue
        if ch in _CLOSERS:
            depth = max(0, depth - 1)
            # a sentence that ends inside a quote ends after the quote closes
            if pos > start and text[pos - 1] in _SENT_END and depth == 0:
                if ends and ends[-1] == pos:
                    ends[-1] = pos + 1
                else:
                    ends.append(pos + 1)
            continue
        if ch in _SENT_END or ch == "…":
            if depth > 0 and pos - opened_at < 80:
                if pos + 1 < end and text[pos + 1] in _CLOSERS:
                    continue  # handled when the quote closes
                continue
            depth = 0
            e = pos + 1
            while e < end and text[e] in "…！？!?":
                e += 1
            if not ends or ends[-1] < e:
                ends.append(e)
    if not ends or ends[-1] < end:
        ends.append(end)
    return ends


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def segment(source, date=None) -> Document:
    """Clean and segment a :class:`~speechkit.io.Speech`, a :class:`Cleaned` or a string.

    >>> doc = segment("一、扩大投资\\n县发改局要尽快完成项目储备，县财政局要做好申报。")
    >>> [h.text for h in doc.headings], [c.text for c in doc.clauses][1:]
    (['一、扩大投资'], ['县发改局要尽快完成项目储备，', '县财政局要做好申报。'])
    """
    doc_id = None
    if isinstance(source, Cleaned):
        cleaned = source
    elif isinstance(source, str):
        cleaned = clean(source)
    else:
        cleaned = clean(source.raw)
        doc_id = source.doc_id
    doc = Document(cleaned=cleaned, doc_id=doc_id)
    text = cleaned.text
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        a, b = _strip(text, pos, nl)
        if b > a:
            _paragraph(doc, text, a, b)
        pos = nl + 1
    return doc


SENTENCE_MAX = 1000  # characters; the longest sentence of 23 real reports and speeches has 425


def _bounded(text: str, ends: list[int], start: int) -> list[int]:
    """``ends`` with any sentence longer than :data:`SENTENCE_MAX` cut at its last clause break (；, then
    ，、) before that length, else at that length: a text whose sentence ends were lost (a PDF without
    punctuation, a list run together) is then processed a bounded stretch at a time, in memory that does
    not grow with it. No real sentence is that long."""
    out, s = [], start
    for e in ends:
        while e - s > SENTENCE_MAX:
            window = text[s:s + SENTENCE_MAX]
            cut = max(window.rfind("；"), window.rfind(";"))
            if cut < SENTENCE_MAX // 2:
                cut = max(cut, window.rfind("，"), window.rfind(","), window.rfind("、"))
            s = s + (cut + 1 if cut > 0 else SENTENCE_MAX)
            out.append(s)
        out.append(e)
        s = e
    return out


def _paragraph(doc: Document, text: str, a: int, b: int) -> None:
    p_idx = doc.paragraphs.add(a, b)
    ends = _bounded(text, _sentence_ends(text, a, b), a)
    s = a
    for e in ends:
        s, e2 = _strip(text, s, e)
        if e2 > s:
            _sentence(doc, text, s, e2, p_idx, first=(s == a), para_end=b)
        s = e


def _sentence(doc: Document, text: str, a: int, b: int, p_idx: int, first: bool, para_end: int) -> None:
    hd = _heading_at(text, a)
    if hd and (first or hd[0] <= 2):
        level, m = hd
        body = text[a:b]
        if b == para_end and first and len(body) <= 40 and body[-1] not in _SENT_END and not FULL_STOP.search(body):
            # the paragraph is the heading (a full stop inside it, 「（一）…施工。（县水利局牵头）」, makes it an item
            # with its note)
            doc.headings.add(a, b, level=level)
            _emit_sentence(doc, text, a, b, p_idx)
            return
        elif level <= 2:
            # a heading run into the body: up to the first full stop, or the first comma when long
            stop = b
            for j in range(m.end(), b):
                if text[j] in "。！？":
                    stop = j + 1
                    break
            if stop - a > 40:
                k = _CLAUSE_BREAK.search(text, m.end(), b)
                stop = k.start() if k else stop
                if k and stop - m.end() <= 8:
                    nxt = re.search(r"[“，,。；;（(]", text[k.end():min(b, k.end() + 12)])
                    if nxt and nxt.start() >= 4:
                        stop = k.end() + nxt.start()
            doc.headings.add(a, stop, level=level)
            _emit_sentence(doc, text, a, b, p_idx)
            return
    _emit_sentence(doc, text, a, b, p_idx)


def _emit_sentence(doc: Document, text: str, a: int, b: int, p_idx: int) -> None:
    s_idx = doc.sentences.add(a, b, parent=p_idx)
    ends = []  # of the sentence's clauses, each starting where the one before it ends
    c = a
    bracketed = _OPENING.search(text, a, b) is not None  # else no break can be inside brackets or quotes
    for m in _CLAUSE_BREAK.finditer(text, a, b):
        e = m.end()
        # keep 比如：/ 10:30 / 1,000 inside; break only between words
        if m.group(0) in ",:" and m.start() > a and text[m.start() - 1].isdigit() and e < b and text[e].isdigit():
            continue
        if bracketed and _inside_brackets(text, c, m.start()):
            continue
        ends.append(e)  # e > c: a break ends after the clause's start
        c = e
    if b > c:
        ends.append(b)
    doc.clauses.extend([a] + ends[:-1], ends, parent=s_idx)


def _inside_brackets(text: str, a: int, pos: int) -> bool:
    seg = text[a:pos]
    return seg.count("（") + seg.count("(") > seg.count("）") + seg.count(")") or seg.count("“") > seg.count("”") + seg.count('"')
