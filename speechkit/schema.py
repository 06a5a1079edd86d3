"""One schema for every rule and lexicon file under ``speechkit/data``, checked when the file is loaded.

Whatever a file's layout, its parts follow three shapes, and each is checked wherever it occurs:

- a **rule list**: a list of mappings that carry an ``id`` (or ``cue`` / ``key``): ids unique in the
  list, a ``pattern`` (when present) that compiles, and at least one example or counterexample (a rule
  without examples is unfinished); a pattern that is a template (``{MON}``) is compiled by its module;
- a **word list**: a list of strings, under any key: no word twice;
- a **lexicon group**: a top-level ``disjoint: [key, ...]`` names mappings whose word lists
  (``{name: {words: [...]}}``) must not share a word (a verb has one class).

>>> validate("demo", {"rules": [{"id": "a", "pattern": "x", "examples": ["x"]}], "words": ["甲", "乙"]})
>>> validate("demo", {"words": ["甲", "甲"]})
Traceback (most recent call last):
...
speechkit.lexicon.LexiconError: data/demo.yaml: words: 甲 appears twice
"""
from __future__ import annotations

import re

__all__ = ["validate"]

_ID_KEYS = ("id", "cue", "key")


def _error(name: str, where: str, what: str):
    from .lexicon import LexiconError

    return LexiconError(f"data/{name}.yaml: {where}: {what}")


def _rule_list(name: str, where: str, items: list) -> None:
    seen = set()
    for i, r in enumerate(items):
        rid = next((r[k] for k in _ID_KEYS if k in r), None)
        if rid is None:
            raise _error(name, f"{where}[{i}]", "a rule without an id")
        if rid in seen:
            raise _error(name, where, f"duplicate rule id {rid!r}")
        seen.add(rid)
        if isinstance(r.get("pattern"), str) and not re.search(r"\{[A-Za-z_]+\}|\(\?P=|\(\?\(", r["pattern"]):
            try:
                re.compile(r["pattern"])
            except re.error as e:
                raise _error(name, f"{where} {rid}", f"bad pattern: {e}") from None
        if not (r.get("examples") or r.get("counterexamples") or "records" in r):
            raise _error(name, f"{where} {rid}", "no example and no counterexample")


def _word_list(name: str, where: str, items: list) -> None:
    seen = set()
    for w in items:
        if w in seen:
            raise _error(name, where, f"{w} appears twice")
        seen.add(w)


def _walk(name: str, where: str, node) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            _walk(name, f"{where}.{k}" if where else str(k), v)
    elif isinstance(node, list) and node:
        if all(isinstance(x, dict) for x in node) and any(k in node[0] for k in _ID_KEYS):
            _rule_list(name, where, node)
        elif all(isinstance(x, str) for x in node):
            _word_list(name, where, node)
        for i, x in enumerate(node):
            if isinstance(x, (dict, list)):
                _walk(name, f"{where}[{i}]", x)


def _disjoint(name: str, data: dict) -> None:
    for key in data.get("disjoint") or []:
        owner = {}
        for group, entry in (data.get(key) or {}).items():
            for w in (entry or {}).get("words") or []:
                if w in owner:
                    raise _error(name, key, f"{w} is in both {owner[w]} and {group}")
                owner[w] = group


def validate(name: str, data: dict) -> None:
    """Check ``data`` (the parsed ``data/<name>.yaml``) against the schema; raise ``LexiconError`` naming
    the file, the place and the problem."""
    _walk(name, "", data)
    _disjoint(name, data)
