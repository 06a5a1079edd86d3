"""Build the static site: ``index.html``, ``chain/<chain>.html``, ``speech/<doc_id>.html``, ``data/*.csv``."""
from __future__ import annotations

import shutil
from pathlib import Path

from .. import plot
from ..frame import to_frame
from .columns import STATUS_LABELS
from .data import SiteData, collect, slug
from .figures import svg
from .pages import (OPS, Cell, clamp, esc, fmt_number, ledger_table, page, speech_href, status_badge, status_counts,
                    table, write_downloads)

__all__ = ["build_site", "write_site"]

FATES = ("met", "partly_met", "not_met", "not_assessed")
STRENGTHS = {"strong": "强", "medium": "中", "weak": "弱"}


def _nav(data: SiteData, root: str) -> str:
    links = [f'<a href="{root}chain/{esc(slug(n))}.html">{esc(n)}</a>' for n in data.ledgers]
    return " ".join(links)


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "–"


def _speech_row(sp, data) -> list:
    ex = data.extractions[sp.doc_id]
    n, k = len(ex.commitments), sum(c.checkable for c in ex.commitments)
    return [Cell(f'<a href="{speech_href(sp.doc_id, "")}">{esc(sp.doc_id)}</a>', sp.doc_id),
            Cell.text(sp.title or ""), Cell.text(sp.date.isoformat() if sp.date else ""),
            Cell.text((sp.meta or {}).get("chain") or ""), Cell.text((sp.meta or {}).get("format", "text")),
            Cell(str(n), n), Cell(str(k), k), Cell(_share(k, n), round(k / n, 3) if n else "")]


def _index(data: SiteData, site: str, stamp: str) -> str:
    rows = []
    for name, chain in data.chains.items():
        recs = [c for sp in chain for c in data.extractions[sp.doc_id].commitments]
        k = sum(c.checkable for c in recs)
        counts = status_counts(data.ledgers[name]) if name in data.ledgers else {}
        link = (f'<a href="chain/{esc(slug(name))}.html">{esc(name)}</a>' if name in data.ledgers else esc(name))
        rows.append([Cell(link, name), Cell(str(len(chain)), len(chain)), Cell(str(len(recs)), len(recs)),
                     Cell(str(k), k), Cell(_share(k, len(recs)), round(k / len(recs), 3) if recs else "")]
                    + [Cell(str(counts.get(f, 0)), counts.get(f, 0)) for f in FATES])
    cols = [("chain", "系列", False), ("n", "讲话", False), ("records", "承诺", False), ("checkable", "可核查", False),
            ("share", "可核查占比", False)] + [(f, f"目标：{STATUS_LABELS[f]}", False) for f in FATES]
    total = sum(len(e.commitments) for e in data.extractions.values())
    checkable = sum(c.checkable for e in data.extractions.values() for c in e.commitments)
    cards = "".join(f'<div class="sk-card"><b>{v}</b>{esc(k)}</div>' for k, v in (
        ("讲话", len(data.speeches)), ("系列", len(data.chains)), ("承诺", total), ("可核查", checkable),
        ("可核查占比", _share(checkable, total))))
    speech_cols = [("doc_id", "讲话", False), ("title", "标题", False), ("date", "日期", False), ("chain", "系列", True),
                   ("format", "格式", True), ("records", "承诺", False), ("checkable", "可核查", False),
                   ("share", "可核查占比", False)]
    body = (f"<h1>{esc(site)}</h1><p class='sk-meta'>承诺与目标追踪" +
            (f"（截至 {data.as_of.isoformat()}）" if data.as_of else "") + f"</p><div class='sk-cards'>{cards}</div>"
            "<h2>系列：目标的结果</h2><p class='sk-meta'>每个系列中，各年报告提出的可核查承诺，按次年报告的说法判断结果。</p>"
            + (table("chains", cols, rows) if rows else "<p>（清单中没有 chain 列：没有可比较的系列）</p>")
            + "<h2>讲话</h2>" + table("speeches", speech_cols, [_speech_row(sp, data) for sp in data.speeches]))
    return page(site, body, root="", site=site, nav=_nav(data, ""), stamp=stamp)


def _chain_figures(name: str, data: SiteData) -> str:
    p = data.panels.get(name)
    need = {"indicator", "year", "target", "reported", "status", "label", "target_hi", "unit"}
    if p is None or p.empty or not need <= set(p.columns):
        return ""
    figs = []
    for ind in sorted(p.loc[p.target.notna(), "indicator"].dropna().unique()):
        figs.append(f"<figure>{svg(lambda i=ind: plot.ledger_chart(p, i), f'{slug(name)}-{ind}')}</figure>")
    return "<h2>指标：目标与实际</h2><div class='sk-figs'>" + "".join(figs) + "</div>" if figs else ""


def _chain_page(name: str, data: SiteData, out: Path, site: str, stamp: str) -> str:
    led = data.ledgers[name]
    chain = data.chains[name]
    counts = status_counts(led)
    fates = "".join(f'<div class="sk-card"><b>{counts.get(f, 0)}</b>{status_badge(f).html}</div>' for f in FATES)
    other = {k: v for k, v in counts.items() if k not in FATES}  # today's ledger: a restatement when no verdict
    plan = status_counts(led, ("restatement_status", "next"))
    plans = "".join(f'<div class="sk-card sk-small"><b>{n}</b>{status_badge(k).html}</div>' for k, n in plan.items())
    cards = (f"<div class='sk-cards'><span class='sk-group'>结果</span>{fates}</div>"
             + (f"<p class='sk-meta'>另有 {sum(other.values())} 条次年报告未直接评价，按次年计划的表述计入："
                + "、".join(f"{STATUS_LABELS.get(k, k)} {v}" for k, v in other.items()) + "</p>" if other else "")
             + (f"<div class='sk-cards'><span class='sk-group'>次年计划</span>{plans}</div>" if plans else ""))
    speeches = " → ".join(f'<a href="{speech_href(sp.doc_id)}">{esc(sp.doc_id)}</a>' for sp in chain)
    body = (f"<h1>{esc(name)}</h1><p class='sk-meta'>{speeches}</p>{cards}"
            "<h2>目标台账</h2><p class='sk-meta'>每一行是一条可核查承诺：次年报告对它的说法（结果与原话），"
            "以及次年计划是否再次提出。点击承诺或原话可跳到原文中的位置；点击表头排序。下载："
            f"{write_downloads(led, out, f'ledger-{slug(name)}')}</p>"
            f"{ledger_table(led, data)}{_chain_figures(name, data)}")
    return page(f"{name} · 目标台账", body, root="../", site=site, nav=_nav(data, "../"), stamp=stamp)


def _quotes(doc_id: str, data: SiteData) -> list:
    """Passages of this speech that a ledger cites as evidence (outcome or restatement)."""
    out = []
    for led in data.ledgers.values():
        for d, a, b in (("outcome_doc", "outcome_start", "outcome_end"), ("evidence_doc", "evidence_start", "evidence_end"),
                        ("restatement_doc", "restatement_start", "restatement_end")):
            if {d, a, b} <= set(led.columns):
                rows = led[(led[d] == doc_id) & led[a].notna() & led[b].notna()]
                out.extend((int(x), int(y)) for x, y in zip(rows[a], rows[b]))
    return out


def _record_rows(ex, frame) -> tuple[list, list]:
    unit = next((u for u in ("page", "paragraph") if u in frame.columns), None)
    cols = [("text", "承诺", False), ("strength", "强度", True), ("owner", "责任主体", True), ("deadline", "期限", False),
            ("metric", "指标值", False), ("checkable", "可核查", True)] + ([(unit, {"page": "页", "paragraph": "段"}[unit],
                                                                         False)] if unit else [])
    rows = []
    for c, (_, r) in zip(ex.commitments, frame.iterrows()):
        m = c.metrics[0] if c.metrics else {}
        metric = f"{OPS.get(m.get('op'), m.get('op') or '')}{fmt_number(m.get('value'))}{m.get('unit') or ''}"
        end = (c.deadline or {}).get("end") or ""
        row = [Cell(f'<a href="#r-{c.start}-{c.end}" title="{c.start}–{c.end}">{clamp(c.text)}</a>', c.text),
               Cell(STRENGTHS.get(c.strength, c.strength), STRENGTHS.get(c.strength, c.strength), "nw"),
               Cell.text(c.owner or ""), Cell(esc(end), end, "nw"), Cell(esc(metric), fmt_number(m.get("value")), "nw"),
               Cell("是" if c.checkable else "否", "是" if c.checkable else "否", "nw")]
        if unit:
            row.append(Cell.text("" if r[unit] is None or str(r[unit]) == "<NA>" else int(r[unit])))
        rows.append(row)
    return cols, rows


def _speech_figures(ex, doc_id: str, as_of) -> str:
    figs = []
    if any(c.checkable and (c.deadline or {}).get("end") for c in ex.commitments):
        figs.append(svg(lambda: plot.timeline(ex, as_of=as_of), f"{slug(doc_id)}-timeline"))
    if ex.commitments:
        figs.append(svg(lambda: plot.owner_strength(ex), f"{slug(doc_id)}-owners"))
    return "<div class='sk-figs'>" + "".join(f"<figure>{f}</figure>" for f in figs) + "</div>" if figs else ""


def _speech_page(sp, data: SiteData, out: Path, site: str, stamp: str, figures: bool) -> str:
    from ..html import highlight

    ex = data.extractions[sp.doc_id]
    frame = to_frame(ex.commitments, speeches=sp)
    cols, rows = _record_rows(ex, frame)
    meta = " · ".join(x for x in (sp.date.isoformat() if sp.date else "", (sp.meta or {}).get("format", "text"),
                                  f"{len(sp.raw):,} 字", (sp.meta or {}).get("chain") or "") if x)
    chain = data.chain_of(sp.doc_id)
    back = f' · <a href="../chain/{esc(slug(chain))}.html">{esc(chain)} 目标台账</a>' if chain in data.ledgers else ""
    body = (f"<h1>{esc(sp.title or sp.doc_id)}</h1><p class='sk-meta'>{esc(sp.doc_id)} · {esc(meta)}{back}</p>"
            + (_speech_figures(ex, sp.doc_id, data.as_of) if figures else "")
            + f"<h2>承诺（{len(ex.commitments)} 条）</h2><p class='sk-meta'>下载："
            f"{write_downloads(frame, out, f'records-{slug(sp.doc_id)}', excel=False)}</p>" + table("records", cols, rows)
            + "<h2>原文</h2><p class='sk-meta'>承诺按强度着色；下划线：期限（红）、指标（绿）；加粗：责任主体；"
            "蓝色虚线：台账引用的原话。</p>"
            + highlight(ex, anchors=True, quotes=_quotes(sp.doc_id, data)))
    return page(sp.title or sp.doc_id, body, root="../", site=site, nav=_nav(data, "../"), stamp=stamp)


def write_site(data: SiteData, out, *, site: str = "讲话承诺追踪", figures: bool = True) -> Path:
    """Write the pages of ``data`` into the folder ``out`` (its ``chain/``, ``speech/``, ``data/`` are replaced)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for sub in ("chain", "speech", "data"):
        shutil.rmtree(out / sub, ignore_errors=True)
        (out / sub).mkdir()
    stamp = f"截至 {data.as_of.isoformat()}" if data.as_of else ""
    for name in data.ledgers:
        html = _chain_page(name, data, out, site, stamp)
        (out / "chain" / f"{slug(name)}.html").write_text(html, encoding="utf-8")
    for sp in data.speeches:
        html = _speech_page(sp, data, out, site, stamp, figures)
        (out / "speech" / f"{slug(sp.doc_id)}.html").write_text(html, encoding="utf-8")
    (out / "index.html").write_text(_index(data, site, stamp), encoding="utf-8")
    return out / "index.html"


def build_site(speeches, out, *, as_of=None, extractor=None, site: str = "讲话承诺追踪", figures: bool = True) -> Path:
    """Extract ``speeches``, build each chain's ledger and write the site into ``out``; returns its index page.

    >>> from speechkit import Speech
    >>> import tempfile
    >>> a = Speech.from_text("今年主要预期目标是：城镇新增就业3500人以上。", doc_id="a", date="2021-02-20",
    ...                      kind="gwr", chain="县")
    >>> b = Speech.from_text("过去一年，城镇新增就业3860人。", doc_id="b", date="2022-02-16", kind="gwr", chain="县")
    >>> index = build_site([a, b], tempfile.mkdtemp(), as_of="2022-12-31", figures=False)
    >>> sorted(p.name for p in index.parent.rglob("*.html"))
    ['a.html', 'b.html', 'index.html', '县.html']
    """
    return write_site(collect(speeches, as_of=as_of, extractor=extractor), out, site=site, figures=figures)
