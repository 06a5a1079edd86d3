"""The extractor's clause and sentence patterns, loaded once from ``data/clauses.yaml`` and
``data/sentences.yaml`` (each with its examples; see tests/test_extractor_data.py).

>>> bool(clause("outcome").search("新材料成功试生产"))
True
>>> first_rule("sentences", "如何在汛期到来前完成堤防加固，这是摆在我们面前的难题。")
'rhetorical-question'
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import LexiconError, characters_of, compile_rules, first_characters, load, required, required_words, \
    skippable

__all__ = ["clause", "clause_may", "clauses_may", "openers", "structure", "mode_rules", "first_rule",
           "sentence_rules"]


@lru_cache(maxsize=None)
def mode_rules(name: str) -> dict[str, tuple[re.Pattern, dict]]:
    """``{id: (compiled pattern, rule)}`` of ``data/<name>.yaml`` (rules with a ``mode``)."""
    out = {}
    for rid, pat, rule in compile_rules(load(name)["rules"], f"data/{name}.yaml", flags=0):
        if rule.get("mode") not in ("match", "search"):
            raise LexiconError(f"data/{name}.yaml: rule {rid!r}: mode must be match or search")
        out[rid] = (skippable(pat) if rule["mode"] == "search" else pat, rule)
    return out


@lru_cache(maxsize=None)
def clause(rid: str) -> re.Pattern:
    """The compiled pattern of clause rule ``rid`` (``data/clauses.yaml``); a cached call, cheap in a hot loop."""
    return mode_rules("clauses")[rid][0]


@lru_cache(maxsize=None)
def _clause_required(rid: str) -> re.Pattern | None:
    return required(clause(rid))


def clause_may(rid: str, text: str) -> bool:
    """``False`` when clause rule ``rid`` can match nowhere in ``text``, nor in any part of it: ``text`` holds none
    of the characters every match holds (:func:`~speechkit.lexicon.required`); asked once of a sentence, it spares
    trying the rule on each of its clauses.

    >>> clause_may("stop-cue", "县交通局要在6月底前完成通车。"), clause_may("stop-cue", "只有…才能…")
    (False, True)
    """
    pre = _clause_required(rid)
    return pre is None or pre.search(text) is not None


def clauses_may(rids: tuple, text: str) -> dict[str, bool]:
    """``{rid: clause_may(rid, text)}`` for the clause rules ``rids``, from one scan of ``text`` for the characters of
    all their prechecks (a scan for each would read the whole text each time, as mostly, its characters are absent).

    >>> clauses_may(("stop-cue",), "县交通局要在6月底前完成通车。")
    {'stop-cue': False}
    """
    anywhere, chars = _clauses_required(rids)
    present = set(anywhere.findall(text))
    return {rid: c is None or not c.isdisjoint(present) for rid, c in zip(rids, chars)}


@lru_cache(maxsize=None)
def _clauses_required(rids: tuple) -> tuple[re.Pattern, tuple]:
    """A class of the characters of the prechecks of the clause rules ``rids``, and each one's characters (``None``
    for a rule with no precheck)."""
    chars = tuple(_characters(_clause_required(rid)) for rid in rids)
    every = sorted({ch for c in chars for ch in c or ()})
    return re.compile("[" + "".join(map(re.escape, every)) + "]" if every else "(?!)"), chars


@lru_cache(maxsize=None)
def openers(rids: tuple, name: str = "clauses") -> frozenset | None:
    """The characters a match of any of the rules ``rids`` of ``data/<name>.yaml`` can begin with (``None`` when one
    of them may begin with any): a text opening with none of them is matched by none of them at its start.

    >>> sorted(openers(("manner-tail",))), sorted(openers(("lead-line",), "structure"))
    (['不', '切', '努'], ['主', '牵', '负', '责'])
    """
    chars = [first_characters(mode_rules(name)[rid][0]) for rid in rids]
    return None if None in chars else frozenset().union(*chars)


@lru_cache(maxsize=None)
def structure(rid: str) -> re.Pattern:
    """The compiled pattern of scope rule ``rid`` (``data/structure.yaml``); a cached call, cheap in a hot loop."""
    return mode_rules("structure")[rid][0]


@lru_cache(maxsize=None)
def sentence_rules(name: str = "sentences") -> tuple:
    """Compiled ``(id, pattern, rule)`` of a sentence-filter file (searched: see :func:`~speechkit.lexicon.skippable`)."""
    return tuple((rid, skippable(pat), rule) for rid, pat, rule in compile_rules(load(name)["rules"], f"data/{name}.yaml",
                                                                                flags=0))


@lru_cache(maxsize=None)
def _prechecked(name: str) -> tuple:
    """``(id, pattern, precheck, words)`` of :func:`sentence_rules`: the precheck (the characters of
    :func:`~speechkit.lexicon.required`, or ``None``) holds the characters one of which every match holds; ``words``
    (a pattern of the words of :func:`~speechkit.lexicon.required_words`, or ``None``) finds a word every match holds."""
    return tuple((rid, pat, _characters(required(orig)), _words(required_words(orig))) for (rid, pat, _), (_, orig, _)
                 in zip(sentence_rules(name), compile_rules(load(name)["rules"], f"data/{name}.yaml", flags=0)))


def _words(words: tuple | None) -> re.Pattern | None:
    return None if words is None else re.compile("|".join(map(re.escape, words)))


@lru_cache(maxsize=None)
def _required_anywhere(name: str) -> re.Pattern:
    """A class of every character of the prechecks of :func:`_prechecked`: one scan of a text finds which of them
    it holds (a scan for each precheck would read the whole text each time most rules are absent)."""
    chars = sorted({ch for _, _, pre, _ in _prechecked(name) for ch in pre or ()})
    return re.compile("[" + "".join(map(re.escape, chars)) + "]" if chars else "(?!)")


def _characters(cls: re.Pattern | None) -> frozenset | None:
    """The characters of a class :func:`~speechkit.lexicon.required` gives (``None`` for none)."""
    return None if cls is None else characters_of(cls)


@lru_cache(maxsize=None)
def rule_patterns(name: str) -> dict[str, re.Pattern]:
    """``{id: compiled pattern}`` of every rule of ``data/<name>.yaml`` (whatever its mode)."""
    return {rid: pat for rid, pat, _ in compile_rules(load(name)["rules"], f"data/{name}.yaml", flags=0)}


def first_rule(name: str, text: str) -> str | None:
    """The id of a rule of ``data/<name>.yaml`` whose pattern is found in ``text`` (the first in the
    file among those matching where the earliest match starts).

    Each rule is searched on its own: a rule that opens with a literal is skipped to by the regex
    engine, which one alternation of all of them (some open with ``^`` or a negated class) defeats; a rule
    is not searched in a text with none of the characters every match of it holds (most rules, most texts), nor
    in one with none of the words every match of it holds."""
    text = text.strip()
    best, best_at = None, len(text) + 1
    present = set(_required_anywhere(name).findall(text))
    for rid, pat, pre, words in _prechecked(name):
        if (pre is not None and pre.isdisjoint(present)) or (words is not None and words.search(text) is None):
            continue
        m = pat.search(text)
        if m is not None and m.start() < best_at:
            best, best_at = rid, m.start()
            if best_at == 0:
                break  # no rule after it can match earlier
    return best
