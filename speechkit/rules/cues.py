"""Modal cues and their strength (``data/cues.yaml``).

>>> [(c.cue, c.strength) for c in find_cues("滨江体育中心要整体竣工")]
[('要', 'medium')]
>>> find_cues("将项目建设作为头号工程")
[]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import LexiconError, load

__all__ = ["Cue", "find_cues", "STRENGTH_ORDER", "cue_table"]

STRENGTH_ORDER = {"weak": 1, "medium": 2, "strong": 3}


@dataclass(frozen=True)
class Cue:
    span: tuple[int, int]
    cue: str
    strength: str


@lru_cache(maxsize=1)
def _data():
    data = load("cues")
    for c in data["cues"]:
        if c.get("strength") not in STRENGTH_ORDER:
            raise LexiconError(f"data/cues.yaml: cue {c.get('cue')!r} has bad strength {c.get('strength')!r}")
    return data


def cue_table(extra: dict[str, str] | None = None) -> tuple:
    """Compile the cue lexicon, with ``extra`` cues ``{word: strength}`` added by a user."""
    data = _data()
    pats, strength = [], {}
    for c in sorted(data["cues"], key=lambda c: -len(c["cue"])):
        pats.append(f"(?P<c{len(pats)}>{c['pattern']})")
        strength[f"c{len(pats) - 1}"] = (c["cue"], c["strength"])
    for word, st in sorted((extra or {}).items(), key=lambda kv: -len(kv[0])):
        if st not in STRENGTH_ORDER:
            raise ValueError(f"cue {word!r}: strength must be one of {sorted(STRENGTH_ORDER)}")
        pats.insert(0, f"(?P<c{len(pats)}>{re.escape(word)})")
        strength[f"c{len(pats) - 1}"] = (word, st)
    ba = re.compile("|".join(map(re.escape, data["ba_verbs"])))
    # every cue match begins with its cue word: scanning for the first characters
    # first and trying the alternation only there is several times faster
    firsts = {c["cue"][0] for c in data["cues"]} | {w[0] for w in (extra or {})}
    lead = re.compile("[" + "".join(map(re.escape, sorted(firsts))) + "]")
    return re.compile("|".join(pats)), strength, frozenset(data["hedges"]), ba, lead


@lru_cache(maxsize=1)
def _default_table():
    return cue_table()


def find_cues(text: str, table=None) -> list[Cue]:
    """Modal cues in ``text`` (将 used as 把 excluded)."""
    if table is None:
        table = _default_table()
    pat, strength, _, ba, lead = table
    out = []
    pos = 0
    for c in lead.finditer(text):
        if c.start() < pos:
            continue
        m = pat.match(text, c.start())
        if m is None or m.end() == m.start():
            continue
        pos = m.end()
        cue, st = strength[m.lastgroup]
        if cue == "将":
            rest = text[m.end():m.end() + 80]
            cut = re.search(r"[，,；;。]", rest)
            if ba.search(rest[:cut.start()] if cut else rest):
                continue
        out.append(Cue((m.start(), m.end()), cue, st))
    return out
