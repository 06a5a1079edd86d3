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
    """Compile the cue lexicon, with ``extra`` cues ``{word: strength}`` added by a user: ``({first character:
    the alternation of the cues that begin with it}, {group: (cue, strength)}, hedges, 将-as-把 verbs, a class of
    the cues' first characters)``."""
    data = _data()
    pats, strength = [], {}  # (first character, the cue's named group), in the order the alternation tries them
    for c in sorted(data["cues"], key=lambda c: -len(c["cue"])):
        pats.append((c["cue"][0], f"(?P<c{len(pats)}>{c['pattern']})"))
        strength[f"c{len(pats) - 1}"] = (c["cue"], c["strength"])
    for word, st in sorted((extra or {}).items(), key=lambda kv: -len(kv[0])):
        if st not in STRENGTH_ORDER:
            raise ValueError(f"cue {word!r}: strength must be one of {sorted(STRENGTH_ORDER)}")
        pats.insert(0, (word[0], f"(?P<c{len(pats)}>{re.escape(word)})"))
        strength[f"c{len(pats) - 1}"] = (word, st)
    not_words = "(?!" + "|".join(map(re.escape, data["ba_not_words"])) + ")" if data.get("ba_not_words") else ""
    ba = re.compile(not_words + "(?:" + "|".join(map(re.escape, sorted(set(data["ba_verbs"]) | set(data["disposal_acts"]),
                                                                     key=len, reverse=True))) + ")")
    # every cue match begins with its cue word: scanning for the first characters first and trying there only the
    # cues that begin with the character found (in the alternation's order) is several times faster
    by_first: dict[str, list[str]] = {}
    for ch, p in pats:
        by_first.setdefault(ch, []).append(p)
    lead = re.compile("[" + "".join(map(re.escape, sorted(by_first))) + "]")
    return {ch: re.compile("|".join(ps)) for ch, ps in by_first.items()}, strength, frozenset(data["hedges"]), ba, lead


@lru_cache(maxsize=1)
def own_scope_cues() -> frozenset:
    """Cues that govern only their own object (data/cues.yaml ``own_scope_cues``: 支持 鼓励 积极): the clause after
    them in the sentence inherits no cue from them. Each must be a cue of the table (checked here: a word that is
    none would silently do nothing)."""
    words = frozenset(_data()["own_scope_cues"])
    unknown = words - {c["cue"] for c in _data()["cues"]}
    if unknown:
        raise ValueError(f"data/cues.yaml own_scope_cues: not cues of the table: {sorted(unknown)}")
    return words


@lru_cache(maxsize=1)
def _default_table():
    return cue_table()


def find_cues(text: str, table=None) -> list[Cue]:
    """Modal cues in ``text`` (将 used as 把 excluded)."""
    if table is None:
        table = _default_table()
    by_first, strength, _, ba, lead = table
    out = []
    pos = 0
    for c in lead.finditer(text):
        at = c.start()
        if at < pos:
            continue
        m = by_first[text[at]].match(text, at)
        if m is None or m.end() == at:
            continue
        pos = m.end()
        cue, st = strength[m.lastgroup]
        if cue == "将":
            rest = text[m.end():m.end() + 80]
            cut = re.search(r"[，,；;。]", rest)
            act = ba.search(rest[:cut.start()] if cut else rest)
            if not rest.startswith("把") and act is not None and act.start() > 0:
                continue  # 将 as 把, an object before the act; 「将把…列为…」「城北公园将移交社区」: 将 is the future
        out.append(Cue((m.start(), m.end()), cue, st))
    return out


@lru_cache(maxsize=1)
def _directive_pattern() -> re.Pattern:
    d = _data()
    return re.compile("(?:" + "|".join(map(re.escape, d["directive_verbs"])) + ")(?!" + d["directive_not_nouns"] + ")")


def bare_directive(text: str) -> bool:
    """Whether ``text`` (manner adverbs read past by the caller) opens with a bare directive verb of the cue table
    (推动 推进 实施 完成): medium on its own, inheriting no cue (``directive_verbs`` in data/cues.yaml)."""
    return _directive_pattern().match(text) is not None


def disposal_verb(t: str) -> str | None:
    """The verb of a disposal clause opening ``t`` (将/把 + its object + a verb of placing or setting: 「年内将…村卫生室
    纳入医保定点管理」): the clause is verb-led though its verb follows the object (data/cues.yaml ``disposal_acts``;
    framing a priority, 把…作为/摆在, is none)."""
    if "将" not in t[:8] and "把" not in t[:8]:
        return None  # most clauses hold neither near their start
    m = _disposal_pattern().match(t)
    if m is None or (m["ba"] == "将" and _future_lead(t[m.end("ba"):])):
        return None
    return m["verb"]


@lru_cache(maxsize=1)
def _disposal_pattern() -> re.Pattern:
    verbs = sorted(_data()["disposal_acts"], key=len, reverse=True)
    adverbs = "|".join(map(re.escape, sorted(_data()["disposal_not_after"]["adverbs"], key=len, reverse=True)))
    return re.compile("^[^，,；;将把]{0,6}?(?P<ba>[将把])(?!" + adverbs + ")[^，,；;]{1,30}?(?P<verb>"
                      + "|".join(map(re.escape, verbs)) + ")")


def _future_lead(rest: str) -> bool:
    """「将加快推进…纳入…」「将推动…」+ a verb: a verb of leading a future act (``disposal_not_after.verbs``) that a verb
    follows opens the text after 将, which is then the future, not 把 (「将推进情况纳入考核」: 推进情况 is a noun)."""
    from .checkable import starts_with_verb  # the verb lexicon (checkable imports this module)

    for w in _data()["disposal_not_after"]["verbs"]:
        if rest.startswith(w):
            return starts_with_verb(rest[len(w):]) is not None
    return False
