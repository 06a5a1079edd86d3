"""Figures (matplotlib) of commitments and ledgers, with Chinese labels that render.

Every function returns the ``Axes`` it drew on and accepts ``ax=``.

>>> from speechkit import extract
>>> ex = extract("县交通局要在6月底前完成滨江大道通车。县财政局要在年底前完成债券发行。", date="2021-02-20")
>>> ax = timeline(ex, as_of="2021-09-01")
>>> ax.get_title()
'承诺期限时间轴'
>>> owner_strength(ex).get_yticklabels()[0].get_text()
'县交通局'
>>> checkable_share(ex.to_frame()).get_title()
'各讲话可核查承诺占比'
>>> import pandas as pd
>>> p = pd.DataFrame({"indicator": ["gdp_growth"] * 2, "label": ["生产总值增长"] * 2, "year": [2021, 2022],
...                   "target": [7.0, 6.5], "target_hi": [None, None], "unit": ["%", "%"], "reported": [7.4, None],
...                   "status": ["met", "not_assessed"]})
>>> ledger_chart(p, "gdp_growth").get_title()
'生产总值增长：目标与实际'
"""
from __future__ import annotations

import datetime as dt

from .fonts import use_cjk_font

__all__ = ["timeline", "owner_strength", "checkable_share", "ledger_chart"]

STRENGTH_COLORS = {"strong": "#c0392b", "medium": "#e67e22", "weak": "#95a5a6"}
STATUS_COLORS = {"met": "#27ae60", "partly_met": "#f1c40f", "not_met": "#c0392b", "dropped": "#7f8c8d",
                 "not_assessed": "#bdc3c7", "restated": "#2980b9", "raised": "#8e44ad", "lowered": "#d35400",
                 "slipped": "#e74c3c"}
STRENGTH_LABELS = {"strong": "强", "medium": "中", "weak": "弱"}


def _axes(ax, size=(9, 5)):
    import matplotlib.pyplot as plt

    use_cjk_font()
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _commitments(obj):
    return list(getattr(obj, "commitments", obj))


def timeline(extraction, as_of=None, ax=None, max_label: int = 18):
    """Deadlines of the checkable commitments: a bar from the speech date (or deadline start) to the deadline end,
    one row per commitment grouped by owner, coloured by strength; the speech date and ``as_of`` are marked.

    >>> from speechkit import extract
    >>> ax = timeline(extract("县交通局要在6月底前完成通车。", date="2021-02-20"), as_of="2021-07-01")
    >>> len(ax.patches), ax.get_xlabel()
    (1, '日期')
    """
    import matplotlib.dates as mdates
    from matplotlib.patches import Patch

    ax = _axes(ax)
    speech = getattr(extraction, "speech", None)
    sdate = speech.date if speech is not None else None
    rows = [c for c in _commitments(extraction) if c.checkable and c.deadline and c.deadline.get("end")]
    rows.sort(key=lambda c: (c.owner or "~", c.deadline["end"]))
    for i, c in enumerate(rows):
        end = dt.date.fromisoformat(c.deadline["end"])
        start = dt.date.fromisoformat(c.deadline["start"]) if c.deadline.get("start") else (sdate or end)
        if start > end:
            start = end
        width = max((end - start).days, 2)
        ax.barh(i, width, left=mdates.date2num(start), color=STRENGTH_COLORS.get(c.strength, "#999"), height=0.6)
    labels = [f"{c.owner or '（未具名）'}：{c.text[:max_label]}{'…' if len(c.text) > max_label else ''}" for c in rows]
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.tick_params(axis="x", labelrotation=30)
    if sdate:
        ax.axvline(mdates.date2num(sdate), color="#34495e", ls="--", lw=1, label="讲话日期")
        lo = min([sdate] + [dt.date.fromisoformat(c.deadline["start"]) for c in rows if c.deadline.get("start")])
        ax.set_xlim(left=mdates.date2num(lo - dt.timedelta(days=12)))
    if as_of:
        ax.axvline(mdates.date2num(dt.date.fromisoformat(str(as_of))), color="#c0392b", ls=":", lw=1.5,
                   label=f"截至 {as_of}")
    handles = [Patch(color=v, label=f"{STRENGTH_LABELS[k]}承诺") for k, v in STRENGTH_COLORS.items()]
    ax.legend(handles=handles + ax.get_legend_handles_labels()[0], loc="upper left", bbox_to_anchor=(1.01, 1),
              fontsize=8, frameon=False)
    ax.set_title("承诺期限时间轴")
    ax.set_xlabel("日期")
    return ax


def owner_strength(commitments, ax=None, top: int = 12):
    """Stacked counts of commitments per owner (top ``top`` owners) by strength.

    >>> from speechkit import extract
    >>> owner_strength(extract("今年，县交通局要完成滨江大道通车，县财政局务必按期发行债券。", date="2021-02-20")).get_ylabel()
    '责任主体'
    """
    import pandas as pd

    ax = _axes(ax, (8, 5))
    df = pd.DataFrame([{"owner": c.owner or "（未具名）", "strength": c.strength} for c in _commitments(commitments)])
    if df.empty:
        ax.set_title("责任主体 × 承诺强度（无承诺）")
        return ax
    t = df.groupby(["owner", "strength"]).size().unstack(fill_value=0)
    t = t.reindex(columns=[s for s in STRENGTH_COLORS if s in t.columns])
    t = t.loc[t.sum(axis=1).sort_values(ascending=False).index[:top]]
    t.rename(columns=STRENGTH_LABELS).plot.barh(stacked=True, ax=ax, color=[STRENGTH_COLORS[s] for s in t.columns])
    ax.invert_yaxis()
    ax.set_title("责任主体 × 承诺强度")
    ax.set_xlabel("承诺数")
    ax.set_ylabel("责任主体")
    ax.legend(title="强度", fontsize=8)
    return ax


def checkable_share(frame, ax=None, by: str = "doc_id"):
    """Share of checkable versus rhetorical commitments per speech (``frame``: :func:`to_frame` of a corpus).

    >>> from speechkit import extract
    >>> ex = extract("今年，县交通局要在6月底前完成滨江大道全线通车，各级干部要进一步增强责任意识。", date="2021-02-20")
    >>> ax = checkable_share(ex.to_frame())
    >>> [round(float(p.get_width()), 2) for p in ax.patches]
    [0.5, 0.5]
    """
    ax = _axes(ax, (8, 4))
    t = frame.groupby(by)["checkable"].agg(["sum", "count"])
    share = (t["sum"] / t["count"]).sort_values()
    ax.barh(share.index.astype(str), share.values, color="#2980b9", label="可核查")
    ax.barh(share.index.astype(str), 1 - share.values, left=share.values, color="#bdc3c7", label="倡导性")
    ax.set_xlim(0, 1)
    ax.set_title("各讲话可核查承诺占比")
    ax.set_xlabel("占比")
    ax.legend(fontsize=8, loc="lower right")
    return ax


def ledger_chart(panel, indicator: str, ax=None):
    """Targets versus reported values of one indicator across years (a :func:`speechkit.panel`), status coloured.

    >>> import pandas as pd
    >>> p = pd.DataFrame({"indicator": ["gdp_growth"] * 2, "label": ["生产总值增长"] * 2, "year": [2021, 2022],
    ...                   "target": [7.0, None], "target_hi": [None, None], "unit": ["%", None],
    ...                   "reported": [7.4, None], "status": ["met", "dropped"]})
    >>> ledger_chart(p, "gdp_growth").get_ylabel()
    '%'
    """
    ax = _axes(ax, (8, 4))
    p = panel[panel.indicator == indicator].sort_values("year")
    label = p.label.dropna().iloc[0] if p.label.notna().any() else indicator
    has = p[p.target.notna()]
    lo = has.target.astype(float)
    hi = has.target_hi.astype(float).fillna(lo)
    ax.vlines(has.year, lo, hi, color="#34495e", lw=6, alpha=0.4, label="目标")
    ax.plot(has.year, lo, "_", color="#34495e", ms=18)
    rep = p[p.reported.notna()]
    ax.scatter(rep.year, rep.reported.astype(float), c=[STATUS_COLORS.get(s, "#999") for s in rep.status],
               s=60, zorder=3, label="实际（次年报告）")
    for _, r in p[p.status == "dropped"].iterrows():
        ax.annotate("未设目标", (r.year, ax.get_ylim()[0]), textcoords="offset points", xytext=(0, 8),
                    ha="center", fontsize=8, color=STATUS_COLORS["dropped"])
    from matplotlib.lines import Line2D

    seen = [s for s in ("met", "partly_met", "not_met") if s in set(rep.status)]
    names = {"met": "完成", "partly_met": "部分完成", "not_met": "未完成"}
    ax.set_xticks(sorted(p.year.dropna().unique()))
    ax.set_title(f"{label}：目标与实际")
    handles, labels = ax.get_legend_handles_labels()
    handles += [Line2D([], [], ls="", marker="o", color=STATUS_COLORS[s]) for s in seen]
    labels += [names[s] for s in seen]
    ax.set_xlabel("年份")
    ax.set_ylabel(str(has.unit.dropna().iloc[0]) if has.unit.notna().any() else "")
    ax.legend(handles, labels, fontsize=8)
    return ax
