"""Speeches as HTML with every commitment highlighted (colour by strength; owner, deadline and metric
underlined; the normalized values in a tooltip), for notebooks and for sharing as a standalone page.

>>> from speechkit import extract
>>> page = highlight(extract("县交通局要在6月底前完成滨江大道通车。", date="2021-02-20"))
>>> 'class="sk-c sk-medium sk-check"' in page and "2021-06-30" in page
True
"""
from __future__ import annotations

import html as _html
from pathlib import Path

__all__ = ["highlight", "to_html", "CSS", "record_id", "quote_id"]

CSS = """
.sk-doc{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif;
 line-height:1.9;white-space:pre-wrap;max-width:52em}
.sk-c{border-radius:3px;padding:1px 0}
.sk-strong{background:#f5b7b1}.sk-medium{background:#fad7a0}.sk-weak{background:#e5e8e8}
.sk-c.sk-check{box-shadow:inset 0 -2px 0 #2471a3}
.sk-owner{font-weight:bold}.sk-deadline{text-decoration:underline 2px #c0392b}
.sk-metric{text-decoration:underline 2px #1e8449}
.sk-legend span{margin-right:1em;padding:0 .3em}
.sk-quote{background:#d6eaf8;border-bottom:2px dotted #2471a3}
.sk-c:target,.sk-quote:target{outline:3px solid #2471a3;outline-offset:2px}
"""


def _tooltip(c) -> str:
    parts = [f"强度: {c.strength}" + (f"（{c.modality}）" if c.modality else "")]
    if c.owner:
        parts.append(f"责任主体: {c.owner}")
    if c.deadline:
        d = c.deadline
        parts.append(f"期限: {d.get('start') or ''}…{d.get('end') or '未定'}（{d.get('text')}）")
    for m in c.metrics:
        parts.append(f"指标: {m.get('op')} {m.get('value')}{'-' + str(m['value_hi']) if m.get('value_hi') else ''}"
                     f" {m.get('unit') or ''}")
    if c.frequency:
        f = c.frequency
        parts.append(f"频次: {f.get('op')}{f.get('count')}次/{f.get('per')}")
    parts.append("可核查" if c.checkable else "倡导性")
    return "\n".join(parts)


def record_id(start: int, end: int) -> str:
    """The HTML id of a record's highlight (``anchors=True``): ``r-<start>-<end>`` (raw offsets)."""
    return f"r-{start}-{end}"


def quote_id(start: int, end: int) -> str:
    """The HTML id of a quoted passage (``quotes=``): ``q-<start>-<end>`` (raw offsets)."""
    return f"q-{start}-{end}"


def _quote_marks(quotes, commitments) -> list:
    """Quoted passages that are not records: marked when they nest with every record, else an empty anchor."""
    spans = {(c.start, c.end) for c in commitments}
    marks = []
    for a, b in sorted(set(quotes)):
        if (a, b) in spans:
            continue
        crosses = any(c.start < a < c.end < b or a < c.start < b < c.end for c in commitments)
        qid = quote_id(a, b)
        if crosses:
            marks.append((a, -1, f'<a class="sk-anchor" id="{qid}"></a>'))
        else:
            marks.append((a, -1, f'<span class="sk-quote" id="{qid}">'))
            marks.append((b, 10, "</span>"))
    return marks


def highlight(extraction, *, full_page: bool = False, title: str | None = None, anchors: bool = False,
              quotes=()) -> str:
    """HTML of the raw speech text with commitments marked (raw offsets, so nothing is re-typed).

    ``anchors`` gives each record's highlight the id :func:`record_id` (for links such as
    ``speech.html#r-10-32``); ``quotes`` (raw ``(start, end)`` pairs, e.g. the evidence a ledger cites)
    are marked too, with the id :func:`quote_id`.

    >>> from speechkit import extract
    >>> ex = extract("去年完成投资126亿元。县交通局要在6月底前完成滨江大道通车。", date="2021-02-20")
    >>> page = highlight(ex, anchors=True, quotes=[(2, 11)])
    >>> 'id="r-12-30"' in page, '<span class="sk-quote" id="q-2-11">完成投资126亿元</span>' in page
    (True, True)
    """
    speech = extraction.speech
    raw = speech.raw
    marks = _quote_marks(quotes, extraction.commitments) if quotes else []  # (pos, order, html)
    for c in extraction.commitments:
        cls = f"sk-c sk-{c.strength}" + (" sk-check" if c.checkable else "")
        ident = f' id="{record_id(c.start, c.end)}"' if anchors else ""
        marks.append((c.start, 0, f'<span class="{cls}"{ident} title="{_html.escape(_tooltip(c))}">'))
        marks.append((c.end, 9, "</span>"))
        for span, kind in ((c.owner_span, "owner"), (c.deadline_span, "deadline"),
                           *[(s, "metric") for s in (c.metric_spans or [])]):
            if span and c.start <= span[0] < span[1] <= c.end:
                marks.append((span[0], 1, f'<span class="sk-{kind}">'))
                marks.append((span[1], 8, "</span>"))
    marks.sort(key=lambda m: (m[0], m[1]))
    out, pos = [], 0
    for at, _, tag in marks:
        out.append(_html.escape(raw[pos:at]))
        out.append(tag)
        pos = at
    out.append(_html.escape(raw[pos:]))
    n = len(extraction.commitments)
    legend = ('<div class="sk-legend"><span class="sk-strong">强</span><span class="sk-medium">中</span>'
              '<span class="sk-weak">弱</span><span class="sk-owner">责任主体</span>'
              '<span class="sk-deadline">期限</span><span class="sk-metric">指标</span>'
              f' {n} 条承诺，{sum(c.checkable for c in extraction.commitments)} 条可核查</div>')
    body = f'<style>{CSS}</style>{legend}<div class="sk-doc">{"".join(out)}</div>'
    if not full_page:
        return body
    t = _html.escape(title or speech.doc_id or "speechkit")
    return f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>{t}</title></head><body>{body}</body></html>'


def to_html(extraction, path) -> Path:
    """Write a standalone page (no scripts, no external files) of the highlighted speech."""
    path = Path(path)
    path.write_text(highlight(extraction, full_page=True), encoding="utf-8")
    return path
