"""The site's pages: the index, one page per chain (its target ledger), one per speech (its text)."""
from __future__ import annotations

from importlib import resources
from string import Template

from .. import __version__
from ..html import CSS as HIGHLIGHT_CSS
from ..html import highlight, quote_id, record_id
from .columns import QUOTE_SOURCES, STATUS, STATUS_LABELS, first, ledger_columns, missing, value
from .data import slug
from .tables import Cell, downloads, esc, table

__all__ = ["page", "speech_href", "ledger_table", "fmt_number", "clamp", "OPS"]

OPS = {">=": "≥", "<=": "≤", "~": "约", "=": "", ">": ">", "<": "<", "range": ""}


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


def page(title: str, body: str, *, root: str, site: str, nav: str = "", stamp: str = "") -> str:
    """A whole page: CSS and script inline, links relative to ``root`` (so it opens from the file system)."""
    return Template(_asset("page.html")).substitute(
        title=esc(title), site=esc(site), nav=nav, body=body, root=root, version=__version__, stamp=esc(stamp),
        css=_asset("site.css") + HIGHLIGHT_CSS, js=_asset("site.js"))


def speech_href(doc_id, root: str = "../") -> str:
    return f"{root}speech/{esc(slug(doc_id))}.html"


def fmt_number(v) -> str:
    """A number as people write it.

    >>> fmt_number(3500.0), fmt_number(6.5), fmt_number(None)
    ('3500', '6.5', '')
    """
    if missing(v):
        return ""
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    return str(int(f)) if f.is_integer() else f"{f:g}"


def status_badge(v) -> Cell:
    if missing(v):
        return Cell("", "")
    return Cell(f'<span class="sk-badge st-{esc(v)}" title="{esc(v)}">{esc(STATUS_LABELS.get(v, v))}</span>', v, "nw")


def clamp(text: str) -> str:
    """Long text shown on four lines at most, with an ellipsis where it is cut (the whole in the tooltip)."""
    return f'<span class="sk-clamp" title="{esc(text)}">{esc(text)}</span>' if len(text) > 60 else esc(text)


def _target(row) -> Cell:
    op = first(row, ("target_op", "metric_op"))
    lo = first(row, ("target_value", "metric_value"))
    hi = first(row, ("target_value_hi", "metric_value_hi"))
    unit = first(row, ("target_unit", "metric_unit")) or ""
    if lo is None:
        return Cell("", "")
    span = fmt_number(lo) + (f"–{fmt_number(hi)}" if hi is not None and fmt_number(hi) else "")
    return Cell(esc(f"{OPS.get(op, op or '')}{span}{unit}"), fmt_number(lo), "nw")


def _outcome(row) -> Cell:
    v = first(row, ("outcome_value", "reported_value"))
    if v is None:
        return Cell("", "")
    op = first(row, ("outcome_op",)) or ""
    unit = first(row, ("outcome_unit", "target_unit", "metric_unit")) or ""
    return Cell(esc(f"{OPS.get(op, op)}{fmt_number(v)}{unit}"), fmt_number(v), "nw")


def _quote(row, key: str, data) -> Cell:
    text = first(row, (key,) + {"outcome_text": ("evidence_text",)}.get(key, ()))
    if text is None:
        return Cell("", "")
    docs, starts, ends = QUOTE_SOURCES[key]
    doc, a, b = first(row, docs), first(row, starts), first(row, ends)
    if doc is None or a is None or b is None:
        return Cell(f"<q>{clamp(text)}</q>", text)
    a, b = int(a), int(b)
    anchor = record_id(a, b) if (a, b) in data.records(doc) else quote_id(a, b)
    return Cell(f'<q><a href="{speech_href(doc)}#{anchor}" title="{esc(doc)} {a}–{b}">{clamp(text)}</a></q>', text)


def _year(row):
    v = first(row, ("year", "date", "deadline_end"))
    if v is None:
        return ""
    return str(v.year) if hasattr(v, "year") else str(v)[:4]


def _cell(row, col, data) -> Cell:
    if col.kind == "record":
        a, b = int(row["start"]), int(row["end"])
        link = f'{speech_href(row["doc_id"])}#{record_id(a, b)}'
        return Cell(f'<a href="{link}" title="{esc(row["doc_id"])} {a}–{b}">{clamp(row["text"])}</a>', row["text"])
    if col.kind == "status":
        return status_badge(value(row, col))
    if col.kind == "target":
        return _target(row)
    if col.kind == "outcome":
        return _outcome(row)
    if col.kind == "quote":
        return _quote(row, col.key, data)
    if col.kind == "year":
        return Cell(esc(_year(row)), _year(row), "nw")
    if col.kind == "period":
        a, b = first(row, ("period_start",)), value(row, col)
        text = f"{a or ''}–{b}" if a else (str(b) if b is not None else "")
        return Cell(esc(text), text, "nw")
    if col.kind == "number":
        return Cell(esc(fmt_number(value(row, col))), fmt_number(value(row, col)), "nw")
    return Cell.text(value(row, col))


def ledger_table(frame, data, tid: str = "ledger") -> str:
    """The target ledger: every column the frame has, filterable by status, indicator, owner and year."""
    cols = ledger_columns(frame)
    rows = [[_cell(row, c, data) for c in cols] for _, row in frame.iterrows()]
    return table(tid, [(c.key, c.label, c.filter) for c in cols], rows)


def status_counts(frame, sources=STATUS.sources) -> dict:
    """Rows per outcome status (``outcome_status`` or today's ``status``), or per value of other ``sources``."""
    col = next((c for c in sources if c in frame.columns), None)
    return frame[col].value_counts().to_dict() if col else {}


def write_downloads(frame, site, stem: str, excel: bool = True) -> str:
    return downloads(frame, site / "data", stem, excel=excel)
