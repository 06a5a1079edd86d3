"""Checkability: could a third party later verify that it happened? (``data/checkable.yaml``)

>>> is_checkable("完成政务中心搬迁"), is_checkable("增强责任意识")
(True, False)
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import load

__all__ = ["is_checkable", "starts_with_verb", "verb_lexicon", "verb_pattern"]

_ADVERBS = re.compile(r"^(?:继续|全面|大力|积极|进一步|切实|重点|着力|深入|不断|持续|逐步|统筹|扎实|全力|坚持|认真|抓紧|尽快|加快|"
                      r"有序|稳妥|适当|适度|同步|加紧|尽早|迅速|集中|及时|要|将|再|还|并|也|又|都|同时|率先|主动|精准|务实|"
                      r"整体|正式|顺利|按时|如期|全部|基本|努力|力争|争取|确保|务必|必须|坚决|严格|一律|优先|分别|首先|成功|"
                      r"适时|适度|深入|已经|又|年内|年底前|年底|本月内|本月|今年|明年|全年|近期|\d{1,2}月底前|\d{1,2}月底|\d{1,2}月)+")


@lru_cache(maxsize=1)
def verb_lexicon():
    d = load("checkable")
    obs = tuple(sorted(d["observable_verbs"], key=len, reverse=True))
    drc = tuple(sorted(d["directional_verbs"], key=len, reverse=True))
    obj = tuple(d["concrete_objects"])
    return obs, drc, obj


def _alternation(words) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _policy():
    """Instrument verbs and nouns, prohibitions and directional leads of ``data/checkable.yaml``."""
    d = load("checkable")
    v = "|".join(map(re.escape, sorted(d["instrument_verbs"], key=len, reverse=True)))
    n = "|".join(map(re.escape, sorted(d["instrument_nouns"], key=len, reverse=True)))
    # the verb before its instrument (「适当提高价格临时补贴标准」) or the instrument moved before it by 将/把
    # (「将防控策略调整到…」), within one clause
    inst = re.compile(rf"(?:{v})[^，,。；;：:]{{0,12}}(?:{n})|[将把][^，,。；;：:]{{0,12}}(?:{n})[^，,。；;：:]{{0,3}}(?:{v})")
    return (inst, tuple(d["prohibitions"]), tuple(sorted(d["directional_leads"], key=len, reverse=True)),
            re.compile(d["service_provision"]))


_LEAD_ADVERBS = re.compile(r"^(?:要|还要|又要|也要|必须|务必|继续|全面|进一步|切实|重点|着力|不断|持续|逐步|统筹|扎实|全力|认真|抓紧|尽快|同时|并)+")


@lru_cache(maxsize=1)
def _patterns():
    """Compiled alternations of the lexicon (longest first), built once."""
    obs, drc, obj = verb_lexicon()
    act = tuple(load("checkable")["activity_verbs"])
    return _alternation(obs + drc + act), _alternation(obs), _alternation(obj), _alternation(obs + act), frozenset(act)


def verb_pattern() -> re.Pattern:
    """Every verb of the lexicon (observable, directional, activity), longest first."""
    return _patterns()[0]


def strip_adverbs(text: str) -> str:
    return _ADVERBS.sub("", text)


def starts_with_verb(text: str) -> str | None:
    """The directive verb a clause starts with (after adverbs), or ``None``.

    >>> starts_with_verb("全面推行“店小二”服务制度")
    '推行'
    """
    return _starts_with_verb(text)


@lru_cache(maxsize=65536)
def _starts_with_verb(text: str) -> str | None:
    verbs = _patterns()[0]
    m = verbs.match(strip_adverbs(text.lstrip("“”")))
    return m.group(0) if m else None


_DECISIVE = frozenset("完成 开工 投产 竣工 完工 签约 建成 出台 印发 搬迁 申报 召开 下调 上调 取消 延长 纳入 划转 收回 单列 减免 放开 压减 成立 组建 设立 上线 开通 兼任".split())
_DECISIVE_END = ("项目落地", "建成", "投产", "竣工", "完工", "开工", "签约", "投入使用", "投入运行", "通车", "上线", "开通", "挂牌",
                 "封顶", "开园")
_NAMED_MECHANISM = re.compile(r"^(?:建立健全|建立|健全)[^，,。；;体系]{2,12}机制")
_DECISIVE_END_RE = re.compile("|".join(_DECISIVE_END))
_VAGUE_GOAL = re.compile(r"(?:完成|实现|打赢|夺取|落实)[^，,。；;]{0,10}(?:目标任务|目标|任务|工作|攻坚战)好?[。！]?$")
_QUOTED = re.compile(r"[“\"][^”\"]{2,20}[”\"]")


def is_checkable(text: str, *, has_metric: bool = False, has_frequency: bool = False, dated: bool = False,
                 broad: bool = False, end_states: bool = True) -> bool:
    """Checkable per the spec: a number, a recurring duty, or an observable verb with a concrete object.

    ``broad`` asks the looser question the sentence splitter needs (is this a task of its own?):
    activity verbs count as observable and the policy rules are not applied. ``end_states``:
    an observable end state named anywhere (「实现主体封顶」「推动项目落地」) makes it checkable.
    The answer for a text is computed once (the lexicon is fixed data).
    """
    if has_metric or has_frequency:
        return True
    return _is_checkable(text, dated, broad, end_states)


@lru_cache(maxsize=65536)
def _is_checkable(text: str, dated: bool, broad: bool, end_states: bool) -> bool:
    obs, drc, obj = verb_lexicon()
    t = strip_adverbs(text)
    if t.startswith(("建立健全", "构建")) and "体系" in t:
        return False
    _, obs_re, obj_re, broad_re, act = _patterns()
    has_obs = bool((broad_re if broad else obs_re).search(text))
    named = bool(_QUOTED.search(text))
    concrete = bool(obj_re.search(text))
    lead = starts_with_verb(text)
    if _NAMED_MECHANISM.search(t):
        return True  # spec: 「建立…机制」 when it names which one
    if _VAGUE_GOAL.search(t) and not _QUOTED.search(t):
        return False  # 「确保圆满实现全年目标」「完成前期或扫尾工作」: no object a third party could check
    if lead in _DECISIVE:
        return True
    if end_states and not broad and _DECISIVE_END_RE.search(text):
        return True
    if broad:  # activity verbs count as observable, not directional
        return _decide(t, text, lead, tuple(v for v in drc if v not in act), obs + tuple(act), has_obs, named,
                       concrete, dated)
    inst, prohibit, dir_leads, service = _policy()
    if service.match(t):
        return False  # 「为中小企业提供融资对接服务」: a direction, like 支持
    if t.startswith(prohibit) and len(t) > 4:
        return True  # a prohibited act can be seen to happen
    if inst.search(text):
        return True  # a change to a named policy instrument
    bare = _LEAD_ADVERBS.sub("", text.lstrip("“”"))
    if bare.startswith(dir_leads) and not dated and not _DECISIVE_END_RE.search(text):
        return False  # 「加快…建设」: directional, whatever concrete thing it names
    return _decide(t, text, lead, drc, obs, has_obs, named, concrete, dated)


def _decide(t, text, lead, drc, obs, has_obs, named, concrete, dated) -> bool:
    if lead in drc:
        # a directional verb leads: checkable only with a named thing or a date and a concrete object
        # a directional verb leads: checkable only when it names a concrete thing that is dated or named
        # (「完善“好差评”工作机制」), not for a slogan in quotes alone (「全面提升“12345”热线服务水平」)
        return concrete and (dated or named)
    if has_obs and (concrete or named or dated):
        return True
    if has_obs and lead in obs and len(t) <= 16:
        return True
    return bool(named and lead)
