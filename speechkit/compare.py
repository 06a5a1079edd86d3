"""Link the commitments of a speech to what the next speech of the same body says.

For two consecutive speeches A (earlier) and B (later) of one chain, every
commitment of A gets

* an **outcome link** to a statement of B that reports on it (an indicator
  figure 「城镇新增就业3860人」 or a reported action 「如期开工建设」), judged
  ``met`` / ``partly_met`` / ``not_met`` against A's target and op; and
* a **restatement link** to a commitment of B that sets the same target
  again: ``restated``, ``raised`` / ``lowered`` (same indicator, new value),
  ``slipped`` (later deadline), or ``dropped`` when B sets indicator targets
  but no longer this one;

or ``not_assessed`` when B says nothing of it. Keys first: the indicator of
``data/indicators.yaml`` both sides name. Without one, text similarity
(TF-IDF over character 2-3-grams, scikit-learn, sparse: only pairs that
share n-grams are ever scored) proposes candidates and a greedy one-to-one
assignment keeps the best pair first. Every link carries its score and the
evidence that made it. Cost grows with the sum over consecutive pairs, so a
chain twice as long costs about twice as much.

>>> from speechkit.io import Speech
>>> a = Speech.from_text("今年主要预期目标是：城镇新增就业3500人以上；城镇登记失业率4%以内。", doc_id="a", date="2021-02-20", kind="gwr")
>>> b = Speech.from_text("过去一年，城镇新增就业3860人，城镇登记失业率3.2%。", doc_id="b", date="2022-02-16", kind="gwr")
>>> [(l.a_text, l.status, l.b_text) for l in compare(a, b) if l.kind == "outcome"]
[('城镇新增就业3500人以上', 'met', '城镇新增就业3860人'), ('城镇登记失业率4%以内', 'met', '城镇登记失业率3.2%')]
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher

from .outcomes import Outcome, find_outcomes
from .rules.indicators import find_indicators, indicators, unit_scale

__all__ = ["Link", "compare", "compare_chain", "judge", "ledger", "panel", "STATUSES"]

STATUSES = ("met", "partly_met", "not_met", "restated", "raised", "lowered", "slipped", "dropped", "not_assessed")

#: relative tolerance of 「左右」 (about): 5.8%左右 is met down to 5.51%
ABOUT = 0.05
#: a result within this share of the bound is ``partly_met``
PARTLY = 0.10
#: minimum TF-IDF cosine for a link without a shared indicator
MIN_SIMILARITY = 0.3


@dataclass
class Link:
    """One judgement: commitment ``a_*`` of the earlier speech against ``b_*`` of the later one."""

    kind: str  # "outcome", "restatement" or "none"
    status: str
    score: float
    a_doc: str
    a_start: int
    a_end: int
    a_text: str
    b_doc: str | None = None
    b_start: int | None = None
    b_end: int | None = None
    b_text: str | None = None
    indicator: str | None = None
    evidence: list = field(default_factory=list)
    commitment: object = field(default=None, repr=False, compare=False)
    target: object = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("commitment"), d.pop("target")
        return d


# ---------------------------------------------------------------- judging
def _scaled(metric: dict) -> tuple[float | None, float | None]:
    """The metric's value (and upper value) in its base unit: 1.2万人 → 12000."""
    base, f = unit_scale(metric.get("unit"))
    v, hi = metric.get("value"), metric.get("value_hi")
    if v is None:
        return None, None
    return v * f, (hi * f if hi is not None else None)


def judge(target: dict, reported: dict, direction: str = "higher") -> tuple[str, str]:
    """Status of a reported figure against a target metric, with the reason.

    ``direction`` says whether more is better (the target is a floor) or less
    (a ceiling). 「左右」 allows ``ABOUT`` (5 %) either way; a result within
    ``PARTLY`` (10 %) of the bound is ``partly_met``.

    >>> judge({"value": 6, "value_hi": 6.5, "unit": "%", "op": "range"}, {"value": 6.1, "unit": "%"})[0]
    'met'
    >>> judge({"value": 3, "unit": "%", "op": "~"}, {"value": 2.9, "unit": "%"}, "lower")[0]
    'met'
    >>> judge({"value": 1100, "unit": "万人", "op": ">="}, {"value": 1352, "unit": "万人"})[0]
    'met'
    >>> judge({"value": 5.5, "unit": "%", "op": "~"}, {"value": 3, "unit": "%"})[0]
    'not_met'
    """
    t, t_hi = _scaled(target)
    r, _ = _scaled(reported)
    if t is None or r is None:
        return "not_assessed", "no number to compare"
    tb, _ = unit_scale(target.get("unit"))
    rb, _ = unit_scale(reported.get("unit"))
    if tb and rb and tb != rb:
        return "not_assessed", f"units differ ({target.get('unit')} vs {reported.get('unit')})"
    op = target.get("op") or "="
    if op in ("<=", "<"):
        direction = "lower"
    elif op in (">=", ">"):
        direction = "higher"
    if direction == "higher":
        bound = t if op != "~" else t * (1 - ABOUT)
        ok = r > bound if op == ">" else r >= bound - 1e-9
        if ok:
            return "met", f"{r:g} ≥ {bound:g}"
        return ("partly_met" if r >= bound * (1 - PARTLY) else "not_met"), f"{r:g} < {bound:g}"
    bound = (t_hi if op == "range" and t_hi is not None else t)
    if op == "~":
        bound = t * (1 + ABOUT)
    ok = r < bound if op == "<" else r <= bound + 1e-9
    if ok:
        return "met", f"{r:g} ≤ {bound:g}"
    return ("partly_met" if r <= bound * (1 + PARTLY) else "not_met"), f"{r:g} > {bound:g}"


def _mid(metric: dict) -> float | None:
    v, hi = _scaled(metric)
    if v is None:
        return None
    return (v + hi) / 2 if hi is not None else v


def _restatement_status(a, b) -> tuple[str, str]:
    """restated / raised / lowered / slipped for two commitments with the same target."""
    am, bm = (a.metrics or [None])[0], (b.metrics or [None])[0]
    if am and bm and unit_scale(am.get("unit"))[0] == unit_scale(bm.get("unit"))[0]:
        va, vb = _mid(am), _mid(bm)
        if va is not None and vb is not None and abs(va - vb) > 1e-9 * max(abs(va), 1):
            return ("raised" if vb > va else "lowered"), f"{am['text']} → {bm['text']}"
    ad, bd = (a.deadline or {}).get("end"), (b.deadline or {}).get("end")
    if ad and bd and bd > ad and not _indicator_of(a):
        return "slipped", f"deadline {ad} → {bd}"
    return "restated", "same target"


def _indicator_of(c) -> str | None:
    ms = find_indicators(c.text)
    return ms[0].key if ms else None


def _agreement(a, b_owner, b_metrics) -> tuple[float, list]:
    """Bonus for a candidate pair: the same owner, the same metric unit."""
    bonus, ev = 0.0, []
    if a.owner and b_owner and (a.owner in b_owner or b_owner in a.owner):
        bonus += 0.1
        ev.append(f"owner:{a.owner}")
    au = {unit_scale(m.get("unit"))[0] for m in a.metrics or []} - {""}
    bu = {unit_scale(m.get("unit"))[0] for m in b_metrics or []} - {""}
    if au & bu:
        bonus += 0.1
        ev.append("unit:" + "/".join(sorted(au & bu)))
    return bonus, ev


def _link_text(cs: list, i: int) -> str:
    """A short clause with no owner (「力争三季度末投入运行」) is matched with the clause it continues."""
    c = cs[i]
    if len(c.text) < 12 and not c.owner and i > 0 and cs[i - 1].sentence == c.sentence:
        return cs[i - 1].text + "，" + c.text
    return c.text


def _direction(c, key: str | None) -> str:
    if key:
        return indicators()[key].direction
    m = (c.metrics or [{}])[0]
    return "lower" if m.get("op") in ("<=", "<") else "higher"


# ---------------------------------------------------------------- linking
def _similar(a_texts: list[str], b_texts: list[str]):
    """Sparse cosine similarities (rows: a, columns: b) of character 2-3-gram TF-IDF."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not a_texts or not b_texts:
        return None
    vec = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), min_df=1, sublinear_tf=True)
    m = vec.fit_transform(a_texts + b_texts)
    return (m[:len(a_texts)] @ m[len(a_texts):].T).tocoo()


_GENERIC = re.compile(r"^(?:[\d%％]|年|月|前|底|内|确保|力争|要|将|完成|推进|建设|加快|全面|工作|项目)+$")


def shared_name(a: str, b: str, min_len: int = 4, phrase_len: int | None = None) -> str | None:
    """The longest run of characters both texts share, when it is a name rather than common wording
    (at least ``min_len`` characters holding the head of a place or project name), or, when
    ``phrase_len`` is given, any shared phrase that long (a restatement repeats its wording).

    >>> shared_name("确保城西大桥今年9月底前建成通车", "城西大桥受汛期影响尚未建成")
    '城西大桥'
    """
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    run = a[m.a:m.a + m.size]
    if m.size >= min_len and not _GENERIC.match(run) and re.search(r"[\u4e00-\u9fff]{3}", run) and \
            (_ENTITY.search(run) or (phrase_len and m.size >= phrase_len)):
        return run
    return None


# a shared run names something when it carries the head of a place or project name
_ENTITY = re.compile(r"[路桥园馆厂站港场湖河山寺塔村镇街]|中心|大道|小区|学校|医院|公园|机场|码头|水库|项目|工程|基地|"
                     r"平台|专线|“[^”]+”")


def _greedy(sim, threshold: float, a_texts=None, b_texts=None, extra=None,
            phrase_len: int | None = None) -> dict[int, tuple[int, float, list]]:
    """One-to-one assignment: best pairs first, each side used once.

    A pair is a candidate when its cosine reaches ``threshold``, or reaches a
    third of it and both texts share a name (「城西大桥」). ``extra(i, j)``
    gives a bonus and its evidence (same owner, same metric unit) that orders
    the candidates; it never makes a candidate on its own.
    """
    if sim is None:
        return {}
    pairs = []
    for i, j, v in zip(sim.row, sim.col, sim.data):
        ev = None
        if v >= threshold:
            ev = [f"tfidf:{v:.2f}"]
        elif v >= threshold / 3 and a_texts is not None:
            name = shared_name(a_texts[i], b_texts[j], phrase_len=phrase_len)
            if name:
                ev = [f"tfidf:{v:.2f}", f"name:{name}"]
        if ev is None:
            continue
        if extra is not None:
            bonus, more = extra(i, j)
            v, ev = v + bonus, ev + more
        pairs.append((v, i, j, ev))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_a, used_b, out = set(), set(), {}
    for v, i, j, ev in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i), used_b.add(j)
        out[int(i)] = (int(j), float(v), ev)
    return out


_RELATION = re.compile(r"同步|不低于|不慢于|快于|高于|跑赢|相匹配|相适应")


def _relation_status(c, key: str, figures: dict) -> tuple[str, str] | None:
    """A target stated as a relation between two indicators (「居民收入增长与经济增长基本同步」, 「…不低于经济增长」),
    judged by the later speech's figures for both: the first must not fall behind the second (「同步」 allows
    ``ABOUT`` of it)."""
    if c.metrics or not _RELATION.search(c.text):
        return None
    others = [m.key for m in find_indicators(c.text) if m.key != key]
    if not others and re.search(r"经济增长|经济增速|生产总值增长", c.text):
        others = ["gdp_growth"]
    if not others or key not in figures or others[0] not in figures:
        return None
    x = figures[key].metrics[0]["value"]
    y = figures[others[0]].metrics[0]["value"]
    if x is None or y is None:
        return None
    floor = y * (1 - ABOUT) if "同步" in c.text or "相匹配" in c.text or "相适应" in c.text else y
    if x >= floor - 1e-9:
        return "met", f"{x:g} against {y:g} ({others[0]})"
    return ("partly_met" if x >= floor * (1 - PARTLY) else "not_met"), f"{x:g} against {y:g} ({others[0]})"


def _outcome_status(c, o: Outcome, key: str | None) -> tuple[str, str]:
    if o.polarity == "not_achieved":
        return "not_met", "reported not achieved"
    if o.polarity == "partly":
        return "partly_met", "reported partly achieved"
    if o.polarity == "in_progress":
        return "partly_met", "reported in progress"
    if c.metrics and o.metrics:
        return judge(c.metrics[0], o.metrics[0], _direction(c, key))
    if o.polarity == "reported":
        return "not_assessed", "figure reported, no target number"
    return "met", "reported achieved"


def compare(a, b, *, extractor=None, a_extraction=None, b_extraction=None,
            b_outcomes: list[Outcome] | None = None) -> list[Link]:
    """Links from every commitment of speech ``a`` to the later speech ``b``."""
    from .extractor import Extractor

    ex = extractor or Extractor()
    ea = a_extraction or ex.extract(a)
    eb = b_extraction or ex.extract(b)
    outs = b_outcomes if b_outcomes is not None else find_outcomes(b, eb)
    a_doc, b_doc = a.doc_id, b.doc_id
    ca = list(ea.commitments)
    cb = list(eb.commitments)
    keys_a = [_indicator_of(c) for c in ca]
    keys_b = [_indicator_of(c) for c in cb]
    b_sets_targets = any(k and c.metrics for k, c in zip(keys_b, cb))

    outcome_for: dict[int, tuple[Outcome, float, list]] = {}
    relation_status: dict[int, str] = {}
    restated_by: dict[int, tuple[object, float, list]] = {}
    # 1. indicator keys: the first figure of B (the review comes first), the first target of B
    first_fig, first_tgt = {}, {}
    for o in outs:
        if o.indicator and o.metrics:
            first_fig.setdefault(o.indicator, o)
    for k, c in sorted(zip(keys_b, cb), key=lambda kc: kc[1].rule != "target-list"):
        if k:
            first_tgt.setdefault(k, c)
    for i, (k, c) in enumerate(zip(keys_a, ca)):
        if not k:
            continue
        if k in first_fig:
            rel = _relation_status(ca[i], k, first_fig)
            outcome_for[i] = (first_fig[k], 1.0, [f"indicator:{k}"] + ([f"relation:{rel[1]}"] if rel else []))
            if rel:
                relation_status[i] = rel[0]
        if k in first_tgt:
            restated_by[i] = (first_tgt[k], 1.0, [f"indicator:{k}"])
    # 2. text similarity for the rest, one to one
    free_a = [i for i, k in enumerate(keys_a) if not k]
    action_outs = [o for o in outs if o.indicator is None]
    a_texts = [_link_text(ca, i) for i in free_a]
    o_texts = [o.context for o in action_outs]
    sim = _similar(a_texts, o_texts)
    extra = lambda i, j: _agreement(ca[free_a[i]], None, action_outs[j].metrics)  # noqa: E731
    for ai, (oj, v, ev) in _greedy(sim, MIN_SIMILARITY, a_texts, o_texts, extra).items():
        outcome_for[free_a[ai]] = (action_outs[oj], v, ev)
    free_b = [j for j, k in enumerate(keys_b) if not k]
    b_texts = [_link_text(cb, j) for j in free_b]
    sim = _similar(a_texts, b_texts)
    extra = lambda i, j: _agreement(ca[free_a[i]], cb[free_b[j]].owner, cb[free_b[j]].metrics)  # noqa: E731
    for ai, (bj, v, ev) in _greedy(sim, MIN_SIMILARITY, a_texts, b_texts, extra, phrase_len=8).items():
        restated_by[free_a[ai]] = (cb[free_b[bj]], v, ev)

    links: list[Link] = []
    for i, c in enumerate(ca):
        k = keys_a[i]
        base = dict(a_doc=a_doc, a_start=c.start, a_end=c.end, a_text=c.text, indicator=k, commitment=c)
        made = False
        if i in outcome_for:
            o, score, ev = outcome_for[i]
            status, why = (relation_status[i], "relation") if i in relation_status else _outcome_status(c, o, k)
            links.append(Link("outcome", status, round(score, 3), b_doc=b_doc, b_start=o.start, b_end=o.end,
                              b_text=o.text, evidence=ev + [why], target=o, **base))
            made = True
        if i in restated_by:
            d, score, ev = restated_by[i]
            status, why = _restatement_status(c, d)
            if status == "slipped" and links and links[-1].commitment is c and links[-1].status == "met":
                status, why = "restated", "met; the later speech sets its next stage"
            links.append(Link("restatement", status, round(score, 3), b_doc=b_doc, b_start=d.start, b_end=d.end,
                              b_text=d.text, evidence=ev + [why], target=d, **base))
            made = True
        elif k and b_sets_targets and (c.metrics or c.rule == "target-list"):
            links.append(Link("restatement", "dropped", 1.0, b_doc=b_doc,
                              evidence=[f"indicator:{k}", "the later speech sets targets, not this one"], **base))
            made = True
        if not made:
            links.append(Link("none", "not_assessed", 0.0, evidence=["nothing in the later speech speaks of it"],
                              **base))
    return links


def compare_chain(speeches, *, extractor=None, extractions: dict | None = None) -> list[Link]:
    """Links along a chain: each speech against the next one by date (speeches without a date last).

    ``extractions`` maps doc_id to an :class:`~speechkit.extractor.Extraction` already made (not redone).

    >>> from speechkit.io import Speech
    >>> a = Speech.from_text("确保滨江大道6月底前全线通车。", doc_id="a", date="2021-02-20")
    >>> b = Speech.from_text("滨江大道提前全线通车。", doc_id="b", date="2022-02-16")
    >>> [(l.kind, l.status, l.b_text) for l in compare_chain([b, a])]
    [('outcome', 'met', '滨江大道提前全线通车')]
    """
    from .extractor import Extractor

    ex = extractor or Extractor()
    order = sorted(speeches, key=lambda s: (s.date is None, s.date or dt.date.min, s.doc_id or ""))
    done = extractions or {}
    exts = [done.get(s.doc_id) or ex.extract(s) for s in order]
    outs = [None] + [find_outcomes(s, e) for s, e in zip(order[1:], exts[1:])]
    links: list[Link] = []
    for i in range(len(order) - 1):
        links.extend(compare(order[i], order[i + 1], extractor=ex, a_extraction=exts[i],
                             b_extraction=exts[i + 1], b_outcomes=outs[i + 1]))
    return links


# ---------------------------------------------------------------- ledger
_OUTCOME_RANK = {"met": 0, "partly_met": 1, "not_met": 2}


def _chains(speeches) -> dict[str, list]:
    """Speeches grouped by the manifest's ``chain``; when none has one, all of them form one chain."""
    speeches = list(speeches)
    if not any((s.meta or {}).get("chain") for s in speeches):
        return {"chain": speeches} if speeches else {}
    chains: dict[str, list] = {}
    for s in speeches:
        key = (s.meta or {}).get("chain")
        if key:
            chains.setdefault(key, []).append(s)
    return chains


def ledger(speeches, as_of=None, *, extractor=None, links: list[Link] | None = None,
           extractions: dict | None = None):
    """One row per checkable commitment of every speech that has a later speech in its chain.

    Chains come from the manifest's ``chain`` column (speeches without one form
    one chain). ``status`` is the outcome judgement when the later speech
    reports on it, else the restatement status, else ``not_assessed``;
    ``next`` is the restatement status. ``days_overdue`` counts from the
    deadline to ``as_of`` (a date you give: there is no default clock) for
    targets not reported met.

    >>> from speechkit.io import Speech
    >>> a = Speech.from_text("今年主要预期目标是：城镇新增就业3500人以上。", doc_id="a", date="2021-02-20", kind="gwr")
    >>> b = Speech.from_text("过去一年，城镇新增就业3860人。", doc_id="b", date="2022-02-16", kind="gwr")
    >>> ledger([a, b], as_of="2022-12-31")[["text", "status", "evidence_text"]].values.tolist()
    [['城镇新增就业3500人以上', 'met', '城镇新增就业3860人']]
    """
    import pandas as pd

    if links is None:
        links = []
        for _, chain in sorted(_chains(speeches).items()):
            links.extend(compare_chain(chain, extractor=extractor, extractions=extractions))
    as_of = dt.date.fromisoformat(str(as_of)) if as_of else None
    by_commitment: dict[int, list[Link]] = {}
    order = []
    for l in links:
        if id(l.commitment) not in by_commitment:
            order.append(l.commitment)
        by_commitment.setdefault(id(l.commitment), []).append(l)
    dates = {}
    for s in speeches:
        dates[s.doc_id] = s.date
    rows = []
    for c in order:
        if c is None or not c.checkable:
            continue
        ls = by_commitment[id(c)]
        out = next((l for l in ls if l.kind == "outcome"), None)
        res = next((l for l in ls if l.kind == "restatement"), None)
        status = out.status if out and out.status != "not_assessed" else (res.status if res else "not_assessed")
        m = (c.metrics or [{}])[0]
        dl = c.deadline or {}
        end = dt.date.fromisoformat(dl["end"]) if dl.get("end") else None
        overdue = None
        if as_of and end and status not in ("met",) and end < as_of:
            overdue = (as_of - end).days
        ev = out if out else res
        rows.append({
            "doc_id": c.doc_id, "date": dates.get(c.doc_id), "start": c.start, "end": c.end, "text": c.text,
            "owner": c.owner, "indicator": ls[0].indicator, "deadline_end": end,
            "metric_value": m.get("value"), "metric_value_hi": m.get("value_hi"), "metric_unit": m.get("unit"),
            "metric_op": m.get("op"), "status": status, "next": res.status if res else None,
            "evidence_doc": ev.b_doc if ev else None, "evidence_start": ev.b_start if ev else None,
            "evidence_end": ev.b_end if ev else None, "evidence_text": ev.b_text if ev else None,
            "reported_value": (out.target.metrics[0]["value"] if out and out.target is not None
                               and getattr(out.target, "metrics", None) else None),
            "score": ev.score if ev else 0.0, "days_overdue": overdue,
        })
    return pd.DataFrame(rows, columns=[
        "doc_id", "date", "start", "end", "text", "owner", "indicator", "deadline_end", "metric_value",
        "metric_value_hi", "metric_unit", "metric_op", "status", "next", "evidence_doc", "evidence_start",
        "evidence_end", "evidence_text", "reported_value", "score", "days_overdue"])


def panel(speeches, *, extractor=None, links: list[Link] | None = None, extractions: dict | None = None):
    """Researchers' panel: body × year × indicator × target × op × reported value × status.

    A year whose report sets targets but no longer this indicator gets a row
    with no target and status ``dropped`` (the 2020 national report set no
    GDP growth target).

    >>> from speechkit.io import Speech
    >>> a = Speech.from_text("今年主要预期目标为：地区生产总值增长7%-7.5%；城镇新增就业4000人以上。", doc_id="a",
    ...                      date="2019-03-05", kind="gwr")
    >>> b = Speech.from_text("过去一年，地区生产总值增长7.2%。今年主要预期目标是：城镇新增就业3800人以上。", doc_id="b",
    ...                      date="2020-05-22", kind="gwr")
    >>> panel([a, b])[["year", "indicator", "target", "reported", "status"]].values.tolist()
    [[2019, 'gdp_growth', 7.0, 7.2, 'met'], [2020, 'gdp_growth', nan, nan, 'dropped'], [2019, 'urban_new_jobs', 4000.0, nan, 'not_assessed']]
    """
    import pandas as pd

    if links is None:
        links = []
        for _, chain in sorted(_chains(speeches).items()):
            links.extend(compare_chain(chain, extractor=extractor, extractions=extractions))
    info = {s.doc_id: s for s in speeches}
    labels = {k: i.label for k, i in indicators().items()}
    # one row per (speech, indicator): its target-list record if it has one (a figure elsewhere in the
    # report, say a five-year review, is not the year's target), else the first with a number, else the first
    by_commitment: dict[int, list[Link]] = {}
    candidates: dict[tuple, list] = {}
    for l in links:
        if not l.indicator:
            continue
        if id(l.commitment) not in by_commitment:
            candidates.setdefault((l.a_doc, l.indicator), []).append(l.commitment)
        by_commitment.setdefault(id(l.commitment), []).append(l)
    rows = []
    for (doc, key), cs in candidates.items():
        c = min(cs, key=lambda c: (c.rule != "target-list", not c.metrics))
        s = info.get(doc)
        body = ((s.meta or {}).get("organ") or (s.meta or {}).get("chain")) if s else None
        m = (c.metrics or [{}])[0]
        row = {"body": body, "doc_id": doc, "year": s.date.year if s and s.date else None, "indicator": key,
               "label": labels.get(key), "target": m.get("value"), "target_hi": m.get("value_hi"), "op": m.get("op"),
               "unit": m.get("unit"), "reported": None, "status": "not_assessed", "next": None, "a_text": c.text}
        rows.append(row)
        for l in by_commitment[id(c)]:
            if l.kind == "outcome":
                row["status"] = l.status
                if l.target is not None and l.target.metrics:
                    row["reported"] = l.target.metrics[0]["value"]
            elif l.kind == "restatement":
                row["next"] = l.status
                if l.status == "dropped":
                    b_ = info.get(l.b_doc)
                    rows.append({"body": body, "doc_id": l.b_doc, "year": b_.date.year if b_ and b_.date else None,
                                 "indicator": key, "label": labels.get(key), "target": None, "target_hi": None,
                                 "op": None, "unit": None, "reported": None, "status": "dropped", "next": None,
                                 "a_text": None})
    df = pd.DataFrame(rows, columns=["body", "doc_id", "year", "indicator", "label", "target", "target_hi", "op",
                                     "unit", "reported", "status", "next", "a_text"])
    return df.sort_values(["body", "indicator", "year"], kind="stable").reset_index(drop=True)
