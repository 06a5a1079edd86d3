"""HTML tables the site's script can filter and sort, and their CSV/Excel downloads.

A table is plain HTML: every cell carries ``data-v`` (the value to sort and
filter on); the columns named in ``data-filters`` get a drop-down, all get
click-to-sort, from the inline script. Without the script it is a table.

>>> html = table("t", [("a", "甲", True)], [[Cell("<b>1</b>", "1")]])
>>> 'data-filters="a"' in html and 'data-v="1"' in html
True
"""
from __future__ import annotations

import html as _html
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Cell", "table", "downloads", "esc"]


def esc(v) -> str:
    return _html.escape("" if v is None else str(v), quote=True)


@dataclass
class Cell:
    html: str
    value: object = ""  # sort / filter value
    cls: str = ""  # "nw": kept on one line

    @classmethod
    def text(cls, v) -> "Cell":
        return cls(esc(v), "" if v is None else v)


def _td(c: Cell) -> str:
    cls = f' class="{c.cls}"' if c.cls else ""
    return f'<td{cls} data-v="{esc(c.value)}">{c.html}</td>'


def table(tid: str, columns, rows, caption: str = "") -> str:
    """``columns``: ``(key, label, filterable)``; ``rows``: lists of :class:`Cell`, one per column."""
    filters = ",".join(k for k, _, f in columns if f)
    head = "".join(f'<th data-col="{esc(k)}" scope="col">{esc(label)}</th>' for k, label, _ in columns)
    body = []
    for row in rows:
        cells = "".join(_td(c) for c in row)
        body.append(f"<tr>{cells}</tr>")
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (f'<div class="sk-wrap"><table class="sk-table" id="{esc(tid)}" data-filters="{esc(filters)}">{cap}'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>')


def downloads(frame, folder: Path, stem: str, prefix: str = "../", excel: bool = True) -> str:
    """Write ``frame`` as ``stem.csv`` (UTF-8 with BOM, so Excel reads the Chinese) and, with ``excel`` and
    openpyxl installed, ``stem.xlsx`` into ``folder``; returns the download links."""
    folder.mkdir(parents=True, exist_ok=True)
    frame.to_csv(folder / f"{stem}.csv", index=False, encoding="utf-8-sig")
    links = [f'<a class="sk-dl" href="{prefix}data/{esc(stem)}.csv" download>CSV</a>']
    if not excel:
        return " ".join(links)
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        return " ".join(links)
    out = frame.copy()
    for col in out.columns:  # Excel cells take no timezone-aware or object dates
        if out[col].dtype == object:
            out[col] = out[col].map(lambda v: v if v is None or isinstance(v, (str, int, float, bool)) else str(v))
    out.to_excel(folder / f"{stem}.xlsx", index=False)
    links.append(f'<a class="sk-dl" href="{prefix}data/{esc(stem)}.xlsx" download>Excel</a>')
    return " ".join(links)
