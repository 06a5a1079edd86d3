"""Indicators that targets and outcomes speak of (``data/indicators.yaml``).

>>> [(m.key, m.text) for m in find_indicators("城镇新增就业3860人，城镇登记失业率3.2%")]
[('urban_new_jobs', '城镇新增就业'), ('registered_unemployment', '城镇登记失业率')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import LexiconError, load

__all__ = ["Indicator", "IndicatorMention", "find_indicators", "indicators", "unit_scale", "DIRECTIONS"]

#: how a target on an indicator is read (data/judging.yaml)
DIRECTIONS = ("floor", "ceiling", "reduction", "level")


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    unit: str
    direction: str  # floor | ceiling | reduction | level (data/indicators.yaml, data/judging.yaml)
    evidence: str = "figure"  # figure: a number judges it; act: the review saying it was done is enough
    split: tuple = ()  # indicators its numbers belong to, in order (「城乡…分别增长7%和8%」)


@dataclass(frozen=True)
class IndicatorMention:
    span: tuple[int, int]
    text: str
    key: str
    indicator: Indicator


@lru_cache(maxsize=1)
def _compiled():
    data = load("indicators")
    out = []
    for i, r in enumerate(data["indicators"]):
        for f in ("key", "label", "pattern", "unit", "direction", "examples"):
            if not r.get(f):
                raise LexiconError(f"data/indicators.yaml: indicator #{i} ({r.get('key')}) has no {f}")
        if r["direction"] not in DIRECTIONS:
            raise LexiconError(f"data/indicators.yaml: {r['key']}: direction must be one of {DIRECTIONS}")
        if r.get("evidence", "figure") not in ("figure", "act"):
            raise LexiconError(f"data/indicators.yaml: {r['key']}: evidence must be figure or act")
        try:
            pat = re.compile(r["pattern"])
        except re.error as e:
            raise LexiconError(f"data/indicators.yaml: {r['key']}: bad pattern: {e}") from None
        out.append((pat, Indicator(r["key"], r["label"], r["unit"], r["direction"], r.get("evidence", "figure"),
                                   tuple(r.get("split") or ()))))
    keys = {ind.key for _, ind in out}
    for _, ind in out:
        if set(ind.split) - keys:
            raise LexiconError(f"data/indicators.yaml: {ind.key}: split names unknown indicators {ind.split}")
    return tuple(out), tuple(data.get("not_outcome_before") or ())


@lru_cache(maxsize=1)
def _any():
    """One pattern that finds whether a text mentions any indicator at all (most texts mention none)."""
    return re.compile("|".join(f"(?:{pat.pattern})" for pat, _ in _compiled()[0]))


def indicator_patterns():
    """The compiled indicator lexicon (what :func:`find_indicators` scans with)."""
    return _compiled()


def indicators() -> dict[str, Indicator]:
    """All known indicators by key."""
    return {ind.key: ind for _, ind in _compiled()[0]}


def find_indicators(text: str) -> list[IndicatorMention]:
    """Indicator mentions in ``text``, left to right, longest first where they overlap."""
    if not _any().search(text):
        return []
    cands = []
    for order, (pat, ind) in enumerate(_compiled()[0]):
        for m in pat.finditer(text):
            if m.end() > m.start():
                cands.append((m.start(), -(m.end() - m.start()), order, m, ind))
    cands.sort(key=lambda c: c[:3])
    out, until = [], -1
    for start, neg, _, m, ind in cands:
        if start < until:
            continue
        out.append(IndicatorMention((m.start(), m.end()), m.group(0), ind.key, ind))
        until = m.end()
    return out


_PREFIX = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3), ("百", 1e2))


def unit_scale(unit: str | None) -> tuple[str, float]:
    """Split a unit into its base and a factor: ``"万人"`` → ``("人", 10000.0)``.

    >>> unit_scale("万亿斤"), unit_scale("%"), unit_scale("万")
    (('斤', 1000000000000.0), ('%', 1.0), ('', 10000.0))
    """
    if not unit:
        return "", 1.0
    if unit in ("％", "%"):
        return "%", 1.0
    for p, f in _PREFIX:
        if unit.startswith(p) and unit != p + "分点":
            return unit[len(p):], f
    return unit, 1.0
