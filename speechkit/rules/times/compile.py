"""Load ``data/times.yaml``: expand the parts in the patterns and compile the rules.

A pattern writes ``{NAME}`` for a part (a non-capturing group) and ``{NAME:g}``
for the same part captured as group ``g``; parts may use other parts.

>>> expand("{A:x}-{B}", {"A": "[0-9]", "B": "{A}+"})
'(?P<x>[0-9])-(?:(?:[0-9])+)'
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon import LexiconError, characters_of, compile_rules, load, one_character, scan, scan_plan, starts_of
from .festivals import festival_names

__all__ = ["expand", "rules", "data", "join_pattern", "lookahead_patterns", "scan_rule", "free_rules"]

_PART = re.compile(r"\{([A-Z][A-Z0-9_]*)(?::([a-z_]\w*))?\}")


def expand(pattern: str, parts: dict[str, str], depth: int = 0) -> str:
    """``pattern`` with every ``{NAME}`` / ``{NAME:group}`` replaced by its part."""
    if depth > 8:
        raise LexiconError("data/times.yaml: parts nest too deep (a part that uses itself?)")

    def sub(m):
        name, group = m.group(1), m.group(2)
        if name not in parts:
            raise LexiconError(f"data/times.yaml: unknown part {{{name}}} in {pattern[:60]!r}")
        body = expand(parts[name], parts, depth + 1)
        return f"(?P<{group}>{body})" if group else f"(?:{body})"

    return _PART.sub(sub, pattern)


@lru_cache(maxsize=1)
def data() -> dict:
    d = load("times")
    for key in ("parts", "rules", "festivals", "lookahead", "join"):
        if key not in d:
            raise LexiconError(f"data/times.yaml: missing top-level key {key!r}")
    return d


@lru_cache(maxsize=1)
def _parts() -> dict[str, str]:
    parts = dict(data()["parts"])
    parts["FEST"] = "|".join(re.escape(n) for n in festival_names())
    return parts


@lru_cache(maxsize=1)
def rules() -> list[tuple[str, re.Pattern, dict]]:
    """``(id, compiled pattern, rule)`` in the order of the file."""
    parts = _parts()
    out = []
    for r in load("times")["rules"]:
        r = dict(r)
        r["pattern"] = expand(r.get("pattern", ""), parts)
        if r.get("near"):
            if not isinstance(r.get("reach"), int) or not r.get("starts"):
                raise LexiconError(f"data/times.yaml: rule {r.get('id')!r}: `near` needs `starts` and an integer `reach`")
            r["near"] = re.compile(expand(r["near"], parts))
        out.append(r)
    return compile_rules(out, "data/times.yaml", flags=0)


@lru_cache(maxsize=1)
def free_rules() -> tuple[tuple[int, ...], tuple]:
    """The rules with no `near` (their places in :func:`rules`) and a :func:`~speechkit.lexicon.scan_plan` of them:
    their `starts` are found in one scan of a text."""
    free = [(k, pat, rule) for k, (_, pat, rule) in enumerate(rules()) if rule.get("near") is None]
    return tuple(k for k, _, _ in free), scan_plan((pat, starts_of(rule)) for _, pat, rule in free)


def scan_rule(pat: re.Pattern, rule: dict, text: str, anchors: dict | None = None):
    """The matches of one rule in ``text``: :func:`speechkit.lexicon.scan` (tried only at `starts`),
    and, for a rule with `near`, only within `reach` characters before an occurrence of it.
    ``anchors`` caches across rules the occurrences of each `near` in ``text`` and the positions of each
    `starts` within `reach` before them."""
    near = rule.get("near")
    if near is None:
        yield from scan(pat, starts_of(rule), text)
        return
    if anchors is None:
        anchors = {}
    if near.pattern not in anchors:
        _find_anchors(near, text, anchors)
    key = (near.pattern, rule["reach"])
    if key not in anchors:
        anchors[key] = _regions(anchors[near.pattern], rule["reach"])
    starts = starts_of(rule)
    if not one_character(starts):
        yield from scan(pat, starts, text, anchors[key])
        return
    at = (starts.pattern, key)  # the rules that share `starts`, `near` and `reach` are tried at the same positions
    if at not in anchors:
        anchors[at] = [c.start() for lo, hi in anchors[key] for c in starts.finditer(text, lo, hi)]
    until = -1
    for p in anchors[at]:
        if p >= until:
            m = pat.match(text, p)
            if m and m.end() > p:
                until = m.end()
                yield m


@lru_cache(maxsize=1)
def _near_characters() -> tuple[re.Pattern, dict[str, tuple[str, ...]], frozenset]:
    """The rules' `near` that are one character of a few (「年」「[日号]」): a class of all their characters,
    ``{character: the `near` it is one of}`` and those `near`. One scan of a text for the class finds the
    occurrences of them all (a scan for a class of characters takes as long as the text, whatever the class)."""
    by_char: dict[str, list[str]] = {}
    for _, _, r in rules():
        chars = characters_of(r["near"]) if r.get("near") is not None else None
        for ch in chars or ():
            if r["near"].pattern not in by_char.setdefault(ch, []):
                by_char[ch].append(r["near"].pattern)
    cls = re.compile("[" + "".join(map(re.escape, sorted(by_char))) + "]") if by_char else None
    return cls, {c: tuple(v) for c, v in by_char.items()}, frozenset(p for v in by_char.values() for p in v)


def _find_anchors(near: re.Pattern, text: str, anchors: dict) -> None:
    """The occurrences of ``near`` in ``text`` into ``anchors`` (with those of every other `near` of one character
    of a few, when it is one)."""
    cls, by_char, nears = _near_characters()
    if near.pattern not in nears:
        anchors[near.pattern] = [m.start() for m in near.finditer(text)]
        return
    for p in nears:
        anchors[p] = []
    for m in cls.finditer(text):
        at = m.start()
        for p in by_char[text[at]]:
            anchors[p].append(at)


def _regions(positions: list[int], reach: int) -> list[tuple[int, int]]:
    """The union of ``[p - reach, p]`` over the anchor positions, as half-open ranges."""
    out, lo, hi = [], 0, -1
    for p in positions:
        if p - reach <= hi:
            hi = p + 1
            continue
        if hi >= 0:
            out.append((lo, hi))
        lo, hi = max(p - reach, 0), p + 1
    if hi >= 0:
        out.append((lo, hi))
    return out


@lru_cache(maxsize=1)
def join_pattern() -> re.Pattern:
    return re.compile(expand(data()["join"]["pattern"], _parts()))


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def attributive_year() -> re.Pattern:
    """After a year: the rest of its phrase makes it a modifier of a noun (data/times.yaml ``attributive_year``)."""
    return re.compile(data()["attributive_year"]["pattern"])


def lookahead_patterns() -> tuple[re.Pattern, re.Pattern]:
    la = data()["lookahead"]
    return re.compile(la["forward"]), re.compile(la["past"])
