"""Judging conventions: a reported figure against a target, and a target against the next one.

The conventions and their examples are data (``data/judging.yaml``); every verdict records the
rule it applied and the tolerance it allowed.

>>> v = judge({"value": 8, "unit": "%", "op": "~"}, {"value": 9.2, "unit": "%", "op": "="}, "floor")
>>> (v.status, v.reason, v.rule, v.tolerance)
('met', 'exceeded', 'floor-about', '-0.5 pp')
>>> judge({"value": 5.5, "unit": "%", "op": "~"}, {"value": 5.3, "unit": "%", "op": "<="}, "ceiling").status
'met'
>>> compare_targets({"value": 1100, "unit": "万人", "op": ">="}, {"value": 1200, "unit": "万人", "op": "~"}, "floor")
('tightened', '1100万人以上 → 1200万人左右')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import LexiconError, compile_rules, load
from ..rules.indicators import DIRECTIONS, unit_scale

__all__ = ["Verdict", "judge", "judge_relation", "judge_change", "compare_targets", "direction_of",
           "conventions", "nominal", "show"]

_EPS = 1e-9


@dataclass(frozen=True)
class Verdict:
    """An outcome verdict: status, reason, the convention applied and its tolerance, the part met."""

    status: str  # met | partly_met | not_met | not_assessed
    reason: str | None = None  # exceeded | not yet due | no later report | not reported | ambiguous
    tolerance: str | None = None
    rule: str = ""
    part: str | None = None


@lru_cache(maxsize=1)
def conventions() -> dict:
    """``data/judging.yaml``, validated: tolerances, rule ids, the unlisted-direction and period rules."""
    d = load("judging")
    tol = d.get("tolerance") or {}
    for k in ("about_pp", "about_rel", "level_rel", "relation_pp", "exceed_pp", "exceed_rel"):
        if not isinstance(tol.get(k), (int, float)):
            raise LexiconError(f"data/judging.yaml: tolerance.{k} must be a number")
    ids = [r.get("id") for r in d.get("rules") or []]
    if len(set(ids)) != len(ids) or not all(ids):
        raise LexiconError("data/judging.yaml: every rule needs a unique id")
    for r in d["rules"]:
        if not r.get("examples") or not r.get("doc"):
            raise LexiconError(f"data/judging.yaml: rule {r['id']!r} needs a doc and examples")
    unlisted = compile_rules(d["unlisted_direction"], "data/judging.yaml (unlisted_direction)")
    for _, _, r in unlisted:
        if r.get("direction") not in DIRECTIONS:
            raise LexiconError(f"data/judging.yaml: {r['id']}: direction must be one of {DIRECTIONS}")
    periods = compile_rules(d["multi_year"], "data/judging.yaml (multi_year)")
    units = d.get("unlisted_units") or {}
    if units.get("direction") not in DIRECTIONS or not units.get("units"):
        raise LexiconError("data/judging.yaml: unlisted_units needs a direction and units")
    units = {"direction": units["direction"], "units": set(units["units"])}
    return {"tol": tol, "rules": {r["id"]: r for r in d["rules"]}, "unlisted": unlisted, "periods": periods,
            "units": units}


def direction_of(op: str | None, indicator_direction: str | None, before: str = "", unit: str | None = None) -> str:
    """How a target is read: a hard bound in the target decides (>= floor, <= ceiling), then the
    indicator's direction, then the words before the number (``unlisted_direction``), then its unit
    (``unlisted_units``: a count of things to do is a floor), else level.

    >>> direction_of(">=", "ceiling"), direction_of("~", "ceiling"), direction_of("=", None, "一般性支出压减")
    ('floor', 'ceiling', 'reduction')
    >>> direction_of("=", None, "新建中小学校", "所"), direction_of("=", None, "安排专项资金", "亿元")
    ('floor', 'level')
    """
    if op in (">=", ">"):
        return "floor"
    if op in ("<=", "<"):
        return "ceiling"
    if indicator_direction:
        return indicator_direction
    for _, pat, rule in conventions()["unlisted"]:
        if pat.search(before):
            return rule["direction"]
    units = conventions()["units"]
    if unit and unit_scale(unit)[0] in units["units"]:
        return units["direction"]
    return "level"


def _scaled(metric: dict) -> tuple[float | None, float | None, str]:
    base, f = unit_scale(metric.get("unit"))
    v, hi = metric.get("value"), metric.get("value_hi")
    if v is None:
        return None, None, base
    return v * f, (hi * f if hi is not None else None), base


def show(metric: dict | None) -> str:
    """The metric as a target reads: 「1100万人以上」.

    >>> show({"value": 6, "value_hi": 6.5, "unit": "%", "op": "range"}), show({"value": 5.5, "unit": "%", "op": "~"})
    ('6-6.5%', '5.5%左右')
    """
    if not metric or metric.get("value") is None:
        return "-"
    v, hi, u, op = metric["value"], metric.get("value_hi"), metric.get("unit") or "", metric.get("op") or "="
    num = f"{v:g}-{hi:g}" if op == "range" and hi is not None else f"{v:g}"
    return num + u + {">=": "以上", ">": "以上(超过)", "<=": "以内", "<": "以下(低于)", "~": "左右"}.get(op, "")


def _band(t, t_hi, op, direction, pct) -> tuple:
    """``(low, high, exceed_at, rule, tolerance)`` of a target: the values that meet it."""
    tol = conventions()["tol"]
    about = tol["about_pp"] if pct else tol["about_rel"] * abs(t)
    exceed = tol["exceed_pp"] if pct else tol["exceed_rel"] * abs(t)
    about_s = f"{tol['about_pp']:g} pp" if pct else f"{tol['about_rel'] * 100:g} %"
    if op in (">=", ">"):
        return t, None, t + exceed, "floor-bound", "none"
    if op in ("<=", "<"):
        return None, t, None, "ceiling-bound", "none"
    kind = "floor" if direction == "reduction" else direction
    name = "reduction" if direction == "reduction" else kind
    if op == "range" and t_hi is not None:
        if kind == "floor":
            return t, None, t_hi, "floor-range", "none"
        if kind == "ceiling":
            return None, t_hi, None, "ceiling-range", "none"
        return t, t_hi, None, "level-range", "none"
    if kind == "level":
        d = conventions()["tol"]["level_rel"] * abs(t)
        return t - d, t + d, None, "level", f"±{conventions()['tol']['level_rel'] * 100:g} %"
    if op == "~":
        if kind == "floor":
            return t - about, None, t + about, f"{name}-about", f"-{about_s}"
        return None, t + about, None, "ceiling-about", f"+{about_s}"
    if kind == "floor":
        return t, None, t + exceed, f"{name}-exact", "none"
    return None, t, None, "ceiling-exact", "none"


def judge(target: dict, reported: dict, direction: str = "floor") -> Verdict:
    """Status of a reported figure against a target metric (``data/judging.yaml``).

    ``direction`` is the indicator's (floor, ceiling, reduction, level); a hard bound in the target
    overrides it. The reported figure keeps its own bound: 「5.3%以下」 meets a ceiling of 5.5%,
    「超过3%」 a floor of 3%.
    """
    t, t_hi, tb = _scaled(target)
    r, _, rb = _scaled(reported)
    if t is None or r is None:
        return Verdict("not_assessed", "ambiguous", None, "units-differ" if t is not None else "mention-only")
    if tb and rb and tb != rb:
        return Verdict("not_assessed", "ambiguous", None, "units-differ")
    op = target.get("op") or "="
    direction = direction_of(op, direction)
    lo, hi, exceed_at, rule, tol = _band(t, t_hi, op, direction, tb == "%")
    strict_lo, strict_hi = op == ">", op == "<"
    r_op = reported.get("op") or "="
    ok_lo = lo is None or (r > lo - _EPS if not strict_lo else r > lo + _EPS)
    ok_hi = hi is None or (r < hi + _EPS if not strict_hi else r < hi - _EPS)
    if r_op in ("<=", "<"):  # the actual value is at most r
        if not ok_lo:
            return Verdict("not_met", None, tol, "reported-bound")
        return Verdict("met", None, tol, "reported-bound") if lo is None and ok_hi else \
            Verdict("not_assessed", "ambiguous", tol, "reported-bound")
    if r_op in (">=", ">"):  # the actual value is at least r
        if not ok_hi:
            return Verdict("not_met", None, tol, "reported-bound")
        if hi is None and ok_lo:
            over = exceed_at is not None and (r > exceed_at + _EPS or (r_op == ">" and r > exceed_at - _EPS))
            return Verdict("met", "exceeded" if over else None, tol, "reported-bound")
        return Verdict("not_assessed", "ambiguous", tol, "reported-bound")
    if ok_lo and ok_hi:
        over = exceed_at is not None and r > exceed_at + _EPS
        return Verdict("met", "exceeded" if over else None, tol, rule)
    return Verdict("not_met", None, tol, rule)


_RELATIONS = (("ahead", re.compile(r"快于|高于|跑赢")), ("not-below", re.compile(r"不低于|不慢于")),
              ("in-step", re.compile(r"同步|相适应|相匹配|大体相当")))


def relation_kind(text: str) -> str | None:
    """The relation a target states between two growths, if any (「居民收入增长与经济增长基本同步」 → in-step)."""
    for kind, pat in _RELATIONS:
        if pat.search(text):
            return kind
    return None


def judge_relation(kind: str, first: float, second: float) -> Verdict:
    """A relation target judged on the two reported growths (rule ``relation``)."""
    slack = conventions()["tol"]["relation_pp"] if kind == "in-step" else 0.0
    tol = f"-{slack:g} pp" if slack else "none"
    ok = first > second + _EPS if kind == "ahead" else first >= second - slack - _EPS
    return Verdict("met" if ok else "not_met", None, tol, "relation")


_UP = re.compile(r"增长|提高|提升|增加|上升|扩大")
_DOWN = re.compile(r"下降|降低|减少|压减|压缩|回落")


def judge_change(target_text: str, value: float | None, evidence_text: str = "") -> Verdict | None:
    """A target without a number (「居民收入稳步增长」): met when the figure moves the promised way, or
    when the evidence states the promised change; ``None`` when the target promises no direction."""
    want_down = bool(_DOWN.search(target_text))
    want_up = bool(_UP.search(target_text)) and not want_down
    if value is not None and (want_up or want_down):
        return Verdict("met" if value > 0 else "not_met", None, "none", "qualitative")
    m = re.search(r"(?:继续|持续|稳步|全部|基本)?(?:下降|降低|增长|提高|脱贫|摘帽|实现)", target_text)
    if m and evidence_text and re.search(m.group(0)[-2:], evidence_text) and not re.search(r"未|没有|尚", evidence_text):
        return Verdict("met", None, "none", "qualitative")
    return None


def nominal(metric: dict, direction: str) -> float | None:
    """The number a target names, in base units: a range's lower end for a floor, upper for a ceiling."""
    v, hi, _ = _scaled(metric)
    if v is None:
        return None
    if hi is not None:
        return v if direction in ("floor", "reduction") else hi if direction == "ceiling" else (v + hi) / 2
    return v


def compare_targets(a: dict | None, b: dict | None, direction: str) -> tuple[str, str]:
    """How target ``b`` of a later report restates target ``a``: restated, tightened / loosened (a
    floor, ceiling or reduction made more or less demanding), raised / lowered (a level)."""
    if not a or a.get("value") is None or not b or b.get("value") is None:
        if a and a.get("value") is not None:
            return "loosened", f"{show(a)} → no number"
        if b and b.get("value") is not None:
            return "tightened", f"no number → {show(b)}"
        return "restated", "same wording, no number"
    if unit_scale(a.get("unit"))[0] != unit_scale(b.get("unit"))[0]:
        return "restated", f"{show(a)} → {show(b)} (units differ)"
    why = f"{show(a)} → {show(b)}"
    na, nb = nominal(a, direction), nominal(b, direction)
    if abs(na - nb) > _EPS * max(1.0, abs(na)):
        if direction == "level":
            return ("raised" if nb > na else "lowered"), why
        harder = nb > na if direction in ("floor", "reduction") else nb < na
        return ("tightened" if harder else "loosened"), why
    pct = unit_scale(a.get("unit"))[0] == "%"
    ta, ta_hi, *_ = _scaled(a)
    tb, tb_hi, *_ = _scaled(b)
    band_a = _band(ta, ta_hi, a.get("op") or "=", direction_of(a.get("op"), direction), pct)
    band_b = _band(tb, tb_hi, b.get("op") or "=", direction_of(b.get("op"), direction), pct)
    if direction in ("floor", "reduction") and band_a[0] is not None and band_b[0] is not None:
        if abs(band_a[0] - band_b[0]) > _EPS:
            return ("tightened" if band_b[0] > band_a[0] else "loosened"), why
    if direction == "ceiling" and band_a[1] is not None and band_b[1] is not None:
        if abs(band_a[1] - band_b[1]) > _EPS:
            return ("tightened" if band_b[1] < band_a[1] else "loosened"), why
    return "restated", why
