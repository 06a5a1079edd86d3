"""Owners: is a noun phrase an actor, and who leads a task (``data/owners.yaml``).

>>> is_actor("联项市级领导"), is_actor("城镇调查失业率"), is_actor("这些低风险地区")
(True, False, True)
>>> lead_owner("（9月底完成，牵头考核单位：县政务服务局、县数据中心）")
('县政务服务局、县数据中心', 'lead-unit-line', (14, 26))
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..lexicon import compile_rules, load

__all__ = ["actor_word", "bare_level", "is_actor", "is_organ", "organ_words", "is_statistic", "organ_suffixes", "clean_subject", "lead_owner"]



@lru_cache(maxsize=1)
def _data():
    d = load("owners")
    return (tuple(sorted(d["actor_suffixes"], key=len, reverse=True)), frozenset(d["actor_words"]),
            tuple(sorted(d["non_actor_suffixes"], key=len, reverse=True)),
            compile_rules(d["lead_patterns"], "data/owners.yaml lead_patterns", flags=0))


class _Shape(NamedTuple):
    purpose_verbs: tuple  # 「专项用于…」: a phrase holding one says what something is for
    leading_time: re.Pattern  # a time word or frame opening a subject
    preposition_inside: re.Pattern  # 「按需向合作方」: a preposition and its object, no actor
    scopes: frozenset  # 「全市」「全省」 alone: the scope of a target, not who does it


@lru_cache(maxsize=1)
def _shape() -> _Shape:
    """The phrase shapes of ``data/owners.yaml`` that make a noun phrase no actor or trim it."""
    d = load("owners")
    return _Shape(tuple(d["purpose_verbs"]), re.compile(d["leading_time"]), re.compile(d["preposition_inside"]),
                  frozenset(d["scopes"]))


@lru_cache(maxsize=1)
def _leading() -> re.Pattern:
    """The determiners, conjunctions and limits stripped off a subject's start (data/owners.yaml ``leading_words``)."""
    return re.compile("^(?:" + "|".join(map(re.escape, sorted(load("owners")["leading_words"], key=len, reverse=True)))
                      + ")")


@lru_cache(maxsize=1)
def _trailing() -> tuple[tuple, re.Pattern]:
    """The words trimmed off a subject's end (data/owners.yaml ``trailing_words``) and a pattern of their run."""
    words = tuple(load("owners")["trailing_words"])
    return words, re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")+$")


def without_leading_time(text: str) -> str:
    """``text`` without a time word opening it (「攻坚期内」「先期」「今年」: data/owners.yaml leading_time)."""
    return _shape().leading_time.sub("", text, count=1)


_DEFINITION_BODY = r"[（(](?:以下)?(?:简称|统称|称)[^）)]{1,24}[）)]"  # 「（以下统称监管部门）」
_DEFINITION = re.compile(_DEFINITION_BODY + "$")
DEFINITION_HEAD = re.compile("^" + _DEFINITION_BODY)  # the same, opening the predicate


@lru_cache(maxsize=65536)  # a pure function of the phrase: about three calls in four repeat one
def clean_subject(np: str) -> str:
    """Strip determiners, conjunctions and adverbs around a subject noun phrase, and a definition in brackets
    after it (「…区政府（以下统称监管部门）」)."""
    np = _DEFINITION.sub("", np.strip(" ，,、：:“”"))
    prev = None
    while prev != np:
        prev = np
        np = _shape().leading_time.sub("", _leading().sub("", np))
        words, trailing = _trailing()
        if np.endswith(words):  # a search for the run, tried at every position, finds none otherwise
            np = trailing.sub("", np)
    return np.strip(" ，,、")


# bound once: is_actor runs on every candidate subject
_SENTENCE_PUNCT = re.compile(r"[，。；？！]")
_OPENER = re.compile(r"^(?:有(?![关的些条])|对|在|为|以|把|将|让|使|按照|根据|通过|经(?![济信开营贸委侦])|围绕|如果|只要|但|而|并|且|就|才|逐|报(?=[省市县区乡镇旗州][^，,]{0,8}?(?:政府|委|局|办|厅|中心|室)))")
_NEGATED = re.compile(r"^(?:不|未|没有|无)")
_EVERY_ITEM = re.compile(r"^各(?:项|种|年度?(?!级)|季度?|月份?|时期|阶段|环节)")  # every item, kind or period: 「各年度视情…」
_AMOUNT = re.compile(r"\d[\d.,]*\s*(?:万亿|千亿|百亿|万|亿)?(?:元|人|个|家|项|亩|吨|%)")
_QUOTE_MARK = re.compile(r"[“”\"《》]")
_PROGRAMME_END = re.compile(r"(?:工程|行动|计划|项目|活动|专项|战略|品牌|机制|制度)$")
_DIGIT_OR_QUOTE = re.compile(r"[\d%“”]")


def actor_word(np: str) -> bool:
    """One of the words that always name who acts (data/owners.yaml ``actor_words``: 我们 在座各位 各地…), whatever
    part of speech a tagger gives their first characters (在座 is tagged a verb)."""
    return clean_subject(np) in _data()[1]


def is_actor(np: str, extra: frozenset | set = frozenset(), relaxed: bool = False) -> bool:
    """Whether a noun phrase names an actor (organ, role, group, project entity).

    ``relaxed``: the phrase stands right before a modal cue (「公路要推进…」), where any
    short noun phrase that is not a statistic, policy or programme is taken as the actor.
    """
    suffixes, words, non_actor, _ = _data()
    np = clean_subject(np)
    if not np or len(np) > 40:
        return False
    if np in words or np in extra or _levels(np):
        return True
    if extra and any(w in np for w in extra):
        return True
    if np in _shape().scopes:
        return False  # 「全市将新建…」: the scope of the target (the gold gives 「全省培育…」 no owner)
    if _SENTENCE_PUNCT.search(np) or _OPENER.match(np):
        return False  # a preposition or a conjunction opens no actor
    if _NEGATED.match(np) and not np.endswith(suffixes):
        return False  # 「不获全胜（决不轻言成功）」: a negated condition, not who acts (「没有疫情的地区」 is a place that does)
    if any(v in np for v in _shape().purpose_verbs):
        return False  # 「专项用于…工程」: what something is for
    if _shape().preposition_inside.search(np):
        return False  # 「按需向合作方」「沿着…指引」: a preposition and its object belong to the predicate
    if _EVERY_ITEM.match(np):
        return False  # 「各项工作」「各种风险」「各年度视情」: every item, kind or period, not who acts
    if _AMOUNT.search(np):
        return False  # 「上述3亿元全部拨付县区」: an amount of money or of things is not who acts
    if np.endswith(non_actor):
        return False
    if _QUOTE_MARK.search(np) and _PROGRAMME_END.search(np):
        return False  # 「“千村示范”工程」: a named programme, never an owner (spec section 4)
    if np.endswith(suffixes) or np.startswith(("各级", "各地", "各")):
        return True
    if relaxed and 2 <= len(np) <= 10 and not np.endswith("的") and not _DIGIT_OR_QUOTE.search(np):
        from .checkable import starts_with_verb

        return starts_with_verb(np) is None
    return False


_LEVEL_OR_EVERY = re.compile(r"^(?:各[\u4e00-\u9fff]{0,3}(?:街道|社区|[省市县区乡镇村地])|[省市县区乡镇村]级?|省里|市里|县里)$")
_LEVEL_RUN = re.compile(r"[省市县区乡镇村]{2,4}(?:[两二三四五]级)?")  # 「市县」「省市县三级」
_LIST_SEP = re.compile(r"[、和与及]")


@lru_cache(maxsize=1)
def organ_words() -> dict:
    """``unit_nouns``, ``organ_modifiers`` and ``pronouns`` of ``data/owners.yaml``, and ``ends``: the last
    characters of organ endings and of levels of government (where an organ phrase can end); ``ends_class``: them as
    a regex class."""
    d = load("owners")
    ends = frozenset(x[-1] for x in organ_suffixes()) | frozenset(_LEVEL_CHARS)
    return {"unit_nouns": tuple(d["unit_nouns"]), "modifiers": frozenset(d["organ_modifiers"]),
            "pronouns": frozenset(d["pronouns"]), "ends": ends,
            # the same characters as a class: one search of a stretch finds whether it holds any (no string is made
            # for each of its characters, as iterating over it does)
            "ends_class": re.compile("[" + "".join(map(re.escape, sorted(ends))) + "]")}


_LEVEL_CHARS = "省市县区乡镇村里地道"


@lru_cache(maxsize=1)
def field_organ() -> re.Pattern:
    """A department named by its field (``organ_fields``: 「省发展改革委」「县行政审批局」, whose names hold verbs), after
    an optional level (or 由), up to its office ending (办 not opening 办理 办事)."""
    fields = "|".join(sorted(map(re.escape, load("owners")["organ_fields"]), key=len, reverse=True))
    return re.compile(f"(?:由)?(?:[省市县区镇乡旗]|自治区|州|盟)?(?:{fields})(?:委员会|办公室|中心|部门|局|厅|委|办(?![理事]))")


@lru_cache(maxsize=8192)
def is_organ(np: str) -> bool:
    """Whether a noun phrase names an organ, office or unit by its ending, a level of government
    (「省、市、县」) or every unit of a kind (「各部门、各区」): the actors a clause without a modal
    names before its verb (「运营单位结合…提出…」). Pronouns and projects are not organs.

    >>> [is_organ(x) for x in ("市交通运输局", "运营单位", "各部门、各区", "省、市、县", "市县", "我们", "城区绿化项目")]
    [True, True, True, True, True, False, False]
    """
    np = clean_subject(np)
    if not np or np in organ_words()["pronouns"]:
        return False
    return _levels(np) or (np.endswith(organ_suffixes()) and is_actor(np))


_BARE_LEVEL = re.compile(r"^(?:[省市县区乡镇旗]级?|省里|市里|县里)$")


def bare_level(np: str) -> bool:
    """A level of government alone (「省级按…给予奖补」「市级统筹」), naming no organ: where an item's note names
    the units that answer for it, they are the owner (spec section 4: a note just after the item applies to it).

    >>> bare_level("省级"), bare_level("省、市、县"), bare_level("省级财政")
    (True, False, False)
    """
    return _BARE_LEVEL.match(np) is not None


@lru_cache(maxsize=8192)
def _levels(np: str) -> bool:
    """「省、市、县」「各部门、各区」「市县」: levels of government or every unit of a kind."""
    if _LEVEL_RUN.fullmatch(np):
        return True
    return all(_LEVEL_OR_EVERY.match(x) or (x.startswith("各") and x.endswith(organ_suffixes()))
               for x in _LIST_SEP.split(np))


@lru_cache(maxsize=1)
def organ_suffixes() -> tuple[str, ...]:
    """Endings of organs and offices (``data/owners.yaml`` organ_suffixes)."""
    return tuple(sorted(load("owners")["organ_suffixes"], key=len, reverse=True))


def is_statistic(np: str) -> bool:
    """A statistic, policy or programme (never an owner: spec section 4): ends like one.

    >>> is_statistic("城镇调查失业率"), is_statistic("江城港区三期")
    (True, False)
    """
    return clean_subject(np).endswith(_data()[2])


def lead_owner(text: str) -> tuple[str, str, tuple[int, int]] | None:
    """The lead unit named in a task note: ``(owner, rule, span)``, or ``None``."""
    *_, rules = _data()
    for rid, pat, _ in rules:
        m = pat.search(text)
        if m:
            owner = m["owner"].strip()
            if rid == "lead-paren":
                owner = re.split(r"[，,]", owner)[0]
            return owner, rid, (m.start("owner"), m.start("owner") + len(owner))
    return None
