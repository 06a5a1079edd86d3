"""Checkability: could a third party later verify that it happened? Verb and object decide
together (spec sections 1 and 4; verb classes, object types and named decisions in
``data/checkable.yaml``).

>>> decide("完成政务中心搬迁"), decide("增强责任意识")
((True, 'completion'), (False, 'directional-lead'))
>>> decide("加快推进城区老旧管网改造"), decide("开展江城数字乡村建设试点")
((False, 'directional-lead'), (True, 'programme-act'))
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import first_characters, load, skippable
from .cues import disposal_verb

__all__ = ["decide", "is_checkable", "named_by_kind", "relation", "strip_manner", "starts_with_verb", "verb_lexicon", "verb_pattern", "strip_adverbs",
           "verb_class", "verb_search"]

_PHRASE = re.compile(r"[，,；;]")
_MONTH_WORDS = r"|\d{1,2}月底前|\d{1,2}月底|\d{1,2}月"
_COORD = frozenset("和或及与、")  # a conjunction between coordinated verbs (「宣传和表彰」「降低或取消」)
_QUOTED = re.compile(r"[“\"《][^”\"》]{2,24}[”\"》]")
_CLASSES = ("programme_acts", "instrument_acts", "completion", "end_states", "status_changes", "directional", "support",
            "assignment", "activity")


@lru_cache(maxsize=1)
def _data() -> dict:
    return load("checkable")


def _alternation(words) -> re.Pattern:
    """The longest of ``words`` that matches at a position (the first position where one does, for a search):
    the words' trie as a regex, 「加(?:快|强)|…」, so that the engine tries each first character once where an
    alternation of the words sorted longest first tries every word."""
    return re.compile(_trie(words))


def _trie(words) -> str:
    """The regex of :func:`_alternation` (to be put in a pattern)."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    """The words below a trie node: each child's, then the empty word if one ends here (the longest first)."""
    alts = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if "" in node:
        alts.append("")
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern, re.Pattern, frozenset, frozenset]:
    """(manner adverbs, every word read past before a verb) of ``data/checkable.yaml``, as prefixes, and the
    characters each can begin with but digits (the month words')."""
    d = _data()
    manner, lead = d["manner_adverbs"], d["manner_adverbs"] + d["lead_words"]
    # each word matched as the longest at its place (as by the words sorted longest first), through their trie
    alt = lambda ws: re.compile("^(?:" + _trie(ws) + _MONTH_WORDS + ")+")  # noqa: E731
    return alt(manner), alt(lead), frozenset(w[0] for w in manner), frozenset(w[0] for w in lead)


def _decision_entry(rid: str) -> dict:
    """The named decision ``rid`` of ``data/checkable.yaml``."""
    return next(r for r in _data()["decisions"] if r["id"] == rid)


@lru_cache(maxsize=None)
def _decision(rid: str, key: str = "pattern") -> re.Pattern:
    """A pattern of the named decision ``rid`` in ``data/checkable.yaml`` (:func:`~speechkit.lexicon.skippable`: most
    are searched, 「(?:完成|实现|…)…目标$|(?:规划|…)…收官」 is tried at every position otherwise)."""
    return skippable(re.compile(_decision_entry(rid)[key]))


@lru_cache(maxsize=None)
def _decision_words(rid: str, key: str = "words") -> frozenset:
    """A word list (``words`` unless ``key`` says) of the named decision ``rid``."""
    return frozenset(_decision_entry(rid)[key])


@lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    """``{verb: class}`` over every verb class."""
    return {w: c for c in _CLASSES for w in _data()["verbs"][c]["words"]}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    d = _data()
    obj = d["objects"]
    return {
        "verbs": _alternation(_classes()),
        "end": _alternation(d["verbs"]["end_states"]["words"]),
        "status": _alternation(d["verbs"]["status_changes"]["words"]),
        "programme": _alternation(obj["programmes"]["words"]),
        "programme_head": re.compile("(?:" + "|".join(map(re.escape, obj["programme_heads"]["words"])) + ")$"),
        "abstract": re.compile("(?:" + "|".join(map(re.escape, obj["abstract"]["words"])) + ")$"),
        "service": re.compile("(?:" + "|".join(map(re.escape, obj["services"]["words"])) + ")$"),
        "relation": re.compile("(?:" + "|".join(map(re.escape, sorted(obj["statistics"]["words"], key=len, reverse=True)))
                               + r")(?:要|将|继续|进一步|总体|力争|保持|实现|稳步|基本|逐步|安排|比(?:去年|上年)(?:有所)?|"
                               + r"[与同和跟][^，,；;与同和跟]{1,16}?(?:相|基本|保持)?){0,3}(?:"
                               + "|".join(map(re.escape, sorted(obj["state_predicates"]["words"], key=len, reverse=True)))
                               + ")(?!" + "|".join(map(re.escape, obj["state_predicates"]["not_after"])) + ")"),
        # a relation joining two statistics (「…增速与经济增速基本匹配」): the term after 与/同/跟 ends with a statistic
        "between": re.compile("[与同跟](?!步)[^，,；;与同和跟]{0,16}?(?:" + "|".join(map(re.escape, sorted(
            obj["statistics"]["words"], key=len, reverse=True))) + ")(?:相|基本|保持)?(?:" + "|".join(map(re.escape, sorted(
                obj["state_predicates"]["words"], key=len, reverse=True))) + ")"),
        "ban": re.compile("^(?:" + "|".join(map(re.escape, d["prohibitions"])) + ")"),
        "light": re.compile("|".join(map(re.escape, d["light_verbs"]))),
        "ground": re.compile(d["ground_phrase"]),
        "frame": re.compile(d["frame_phrase"]),
        "means": re.compile(d["means_phrase"]),
        "opener": re.compile(d["light_verb_openers"]),
        "light_objects": re.compile(d["light_objects"]),
    }


def verb_lexicon() -> dict[str, str]:
    """Every verb the extractor knows, with its class (``data/checkable.yaml`` ``verbs``)."""
    return dict(_classes())


def verb_pattern() -> re.Pattern:
    """Every verb of the lexicon, longest first."""
    return _patterns()["verbs"]


@lru_cache(maxsize=65536)  # a pure function of the text: the splitter, the subject and checkability ask it of one clause
def verb_search(text: str) -> re.Match | None:
    """``verb_pattern().search(text)``: the first verb of the lexicon in ``text``."""
    return _patterns()["verbs"].search(text)


def contribution(text: str) -> bool:
    """Support given to a goal (「为…提供坚强保障」, decision ``contribution``): a purpose tail of the act before it."""
    return bool(_decision("contribution").match(text.strip(" ，,")))


def relation(text: str) -> bool:
    """A named statistic with a stated direction or relation (「居民收入稳步增长」「支出比去年增加」)."""
    return bool(_patterns()["relation"].search(text))


def verb_class(verb: str | None) -> str | None:
    return _classes().get(verb) if verb else None


def strip_adverbs(text: str) -> str:
    """``text`` without the adverbs, cues and time words that open it (「继续全面推行…」→「推行…」)."""
    _, lead, _, firsts = _words()
    c = text[:1]
    if c not in firsts and not c.isdecimal():  # \d of a month word: a decimal digit
        return text  # most texts open with none of them: the pattern is not tried
    m = lead.match(text)  # anchored: the only match there is
    return text[_word_end(text, m.end()):] if m else text


def strip_manner(text: str) -> str:
    """``text`` without the manner adverbs that open it; directional leads (加快 大力) stay."""
    manner, _, firsts, _ = _words()
    c = text[:1]
    if c not in firsts and not c.isdecimal():
        return text
    m = manner.match(text)
    if not m:
        return text
    end = _word_end(text, m.end())
    k = text.rfind("将", 0, end)
    if k >= 0 and disposal_verb(text[k:]) is not None:
        end = k  # 「将稳定就业的新市民纳入…」: 将 opens a disposal clause (its object, then the act), it is no 'will'
    return text[end:]


def _word_end(text: str, end: int) -> int:
    """Where the adverbs read past end: not inside a word the last one opens (「全部并网发电」: 并网, not 并)."""
    opens = _data()["adverb_word_openers"]
    last = text[end - 1:end]
    return end - 1 if last in opens and text[end:end + 1] in opens[last] else end


@lru_cache(maxsize=65536)  # a pure function of the text, asked of a clause by several stages (called directly: no wrapper)
def starts_with_verb(text: str) -> str | None:
    """The verb a clause starts with (after adverbs), or ``None``.

    >>> starts_with_verb("全面推行“店小二”服务制度")
    '推行'
    >>> starts_with_verb("坚持和完善河长制"), starts_with_verb("坚持稳中求进"), starts_with_verb("大幅压减一般性支出")
    ('完善', '坚持', '压减')
    """
    t = text.lstrip("“”")
    rest, verbs = strip_adverbs(t), verb_pattern()
    # 「坚持和完善…」: a lead word joined to the verb after it; 「坚持稳中求进」: the lead word is the verb itself
    m = verbs.match(rest)
    if m is None and rest[:1] in _COORD_HEAD:
        m = verbs.match(rest[1:])
    if m is None and len(rest) < len(t):  # no lead word stripped: no manner adverb either (they are lead words)
        m = verbs.match(strip_manner(t))
    return m.group(0) if m else None


_COORD_HEAD = frozenset("和与及并")  # a conjunction joining the lead word to the verb after it
_NEXT_PREDICATE = re.compile(r"^(?:并且|并)")


def is_checkable(text: str, *, has_metric: bool = False, has_frequency: bool = False, dated: bool = False,
                 broad: bool = False) -> bool:
    """Whether ``text`` is checkable (see :func:`decide`). ``broad`` asks the splitter's looser question
    (is this a task of its own?): any discrete act or activity counts, whatever its object."""
    if has_metric or has_frequency:
        return True
    if broad:
        lead = starts_with_verb(text)
        cls = verb_class(lead)
        if cls in ("programme_acts", "instrument_acts", "completion", "activity", "end_states") \
                and not _patterns()["light"].fullmatch(lead or "") \
                and not (cls == "completion" and _patterns()["abstract"].search(text.rstrip("，,。；; "))):
            return True  # 「进行…创新实践」: the light verb names no act; 「形成工作合力」: no act completed, a state
    return decide(text, dated=dated)[0]


def decide(text: str, *, has_metric: bool = False, has_frequency: bool = False, dated: bool = False,
           cue: tuple[int, int] | None = None) -> tuple[bool, str]:
    """``(checkable, rule)``: the first of the named decisions of ``data/checkable.yaml`` that applies.

    ``cue``: the span of the record's modal cue in ``text``; the predicate is read after it (from it,
    for a prohibition such as 不得/不能), so that a subject (「已经出台的…政策要…」) does not count.
    """
    if has_metric:
        return True, "number"
    if has_frequency:
        return True, "recurring-duty"
    pred, topic = text, ""
    if cue is not None and 0 <= cue[0] < cue[1] <= len(text):
        word = text[cue[0]:cue[1]]
        keep = _patterns()["ban"].match(text[cue[0]:]) or verb_pattern().fullmatch(word)
        pred, topic = (text[cue[0]:] if keep else text[cue[1]:]), text[:cue[0]]
    if topic and relation(text):
        return True, "stated-relation"  # 「全县工业投资增速要快于全市平均水平」: the statistic is the subject
    if "对" in text and _decision("conditional-class").match(text):  # 对: the word every match of the rule holds
        return False, "conditional-class"  # 「对虚报冒领补贴的要严肃追责」: a standing rule for whoever falls in a class
    ok, rule = _decide(pred, dated)
    if ok and topic and rule in ("end-state", "programme-act") and _kind_reaches_end(topic, pred):
        return False, "end-state"  # 「重点项目要尽快落地」: what reaches the end state is the subject, no named thing
    if not ok and rule in ("completion", "programme-act", "instrument-act") and topic and \
            _patterns()["programme"].search(topic) and len(_object(pred)) < 2:
        return True, "object-before-cue"  # 「…管网扫尾工程年内都要完成」: the object is the topic
    return ok, rule


@lru_cache(maxsize=4096)  # a pure function of a verb of the lexicon
def _preparatory(verb: str) -> bool:
    """Whether ``verb`` is a preparatory lead (「加快」「研究」: decision ``preparatory-lead``)."""
    return _decision("preparatory-lead").fullmatch(verb) is not None


def _striving(t: str) -> bool:
    """The last phrase strives for a goal (「为…而努力奋斗」) and no phrase before it holds a discrete act
    (decision ``striving``)."""
    if "奋斗" not in t:  # the striving verb, which the decision's pattern ends with
        return False
    phrases = [x for x in _PHRASE.split(t.strip()) if x.strip()]
    if not phrases or not _decision("striving").match(phrases[-1].strip()):
        return False
    discrete = ("programme_acts", "instrument_acts", "completion", "end_states")
    return not any(verb_class(_lead(x)[0]) in discrete for x in phrases[:-1])


def _names_them(what: str) -> bool:
    """What is attracted is named: a quoted name, or listed items that are not classes themselves
    (「引进甲乙电子、丙丁光伏等…企业」), and no vague number (decision ``attraction-class``)."""
    if _decision("attraction-class", "vague").match(what):
        return False
    if _QUOTED.search(what):
        return True
    items = what.split("、")
    head = _decision("attraction-class", "class_head")
    return len(items) > 1 and any(not head.search(x) for x in items[:-1])


def _kind_reaches_end(topic: str, pred: str) -> bool:
    """The predicate is an end state with no object of its own (「…要尽快落地」) and the subject before the cue
    names projects by kind only or a vague number of things (decision ``end-state``)."""
    first = _PHRASE.split(pred, 1)[0]
    end = _patterns()["end"].search(first)
    if end is None or len(first) - end.end() > 2:
        return False
    lead = strip_manner(first[:end.start()])
    if lead and verb_class(lead) != "directional":  # only a hastening lead (加快) may stand before it
        return False
    return _of_kind(_PHRASE.split(topic)[-1].strip())


def named_by_kind(subject: str) -> bool:
    """Projects or works named by their kind only (「重点项目」「市级重大工程」), no particular one: no owner either.

    >>> named_by_kind("重点项目"), named_by_kind("滨江大桥项目")
    (True, False)
    """
    return subject.endswith(("项目", "工程")) and _of_kind(subject)


def _of_kind(subject: str) -> bool:
    """Projects named by kind only (「重点项目」「市级重大工程」) or a vague number of things (「各类项目」)."""
    return bool(_decision("end-state", "generic_subject").match(subject)
                or _decision("end-state", "vague_before").search(subject))


def _object(pred: str) -> str:
    return _lead(pred)[1].strip("，,。 ")


@lru_cache(maxsize=1)
def _means_opens() -> frozenset | None:
    return first_characters(_patterns()["means"])


def _lead(text: str) -> tuple[str | None, str]:
    """The lead verb of the first phrase that has one (of coordinated verbs, 「宣传和表彰」「降低或取消」,
    the most discrete), and what follows it in that phrase."""
    for phrase in _PHRASE.split(text):
        phrase = strip_manner(phrase)
        opens = _means_opens()  # most phrases open with no character a means phrase (通过… 采取…) begins with
        means = _patterns()["means"].match(phrase) if opens is None or phrase[:1] in opens else None
        if means:
            phrase = strip_manner(phrase[means.end():])  # 「通过…等方式发展壮大」: the verb after the means leads
        if ("将" in phrase[:8] or "把" in phrase[:8]) and (dv := disposal_verb(phrase)) is not None:
            return dv, phrase[phrase.index(dv, 1) + len(dv):]  # 「把…站点建设列入…实事」: the act after the object
        m = verb_search(phrase)
        while m is not None and phrase.startswith("的", m.end()):
            m = verb_pattern().search(phrase, m.end())  # 「出台的政策要…」: a verb before 的 modifies a noun
        if not m:
            continue
        light = _light_verb(phrase, m)
        if light is not None:
            m = light  # 「对城区管网进行改造」「结合专项督导进行抽查」: the light verb's phrase is the predicate
        verb, end = m.group(0), m.end()
        if _preparatory(verb):  # 「加快制定…规范」「研究制定…计划」: the instrument decides
            nxt = verb_pattern().match(phrase, end)
            if nxt is not None and verb_class(nxt.group(0)) == "instrument_acts":
                verb, end = nxt.group(0), nxt.end()
        compounds, qualities = _act_compounds()
        if (pair := next((c for c in compounds if phrase.startswith(c, m.start())), None)) is not None \
                and not phrase.startswith(qualities, m.start() + len(pair)):
            verb, end = pair[len(verb):], m.start() + len(pair)  # 「提升改造…」「升级建设…」: one predicate, the act leads
        if verb_class(verb) in ("activity", "assignment"):  # 「联合建设…」「会同…做好…」: the verb after a co-verb decides,
            # right after a lead verb (「牵头制定…办法」, not 「负责监督…规范」)
            nxt = (verb_pattern().search if verb_class(verb) == "activity" else verb_pattern().match)(phrase, end)
            if nxt is not None and _RANK.get(verb_class(nxt.group(0)), 9) < _RANK["activity"]:
                verb, end = nxt.group(0), nxt.end()
        while True:
            nxt = verb_pattern().match(phrase, end + 1) if phrase[end:end + 1] in _COORD else None
            if nxt is None:
                break
            if _RANK.get(verb_class(nxt.group(0)), 9) < _RANK.get(verb_class(verb), 9):
                verb = nxt.group(0)
            end = nxt.end()
        return verb, phrase[end:]
    return None, ""


@lru_cache(maxsize=1)
def _act_compounds() -> tuple[tuple, tuple]:
    """``act_compounds`` and ``act_compounds_not_before`` of data/checkable.yaml, as tuples read once."""
    return tuple(_data()["act_compounds"]), tuple(_data()["act_compounds_not_before"])


def _light_verb(phrase: str, m: re.Match) -> re.Match | None:
    """A light verb (进行) after a prepositional opener (对 针对 结合 由…) heads the predicate: the verb right
    after it when there is one, else 进行 itself; the verbs before it stand inside the opener's phrase."""
    light = _patterns()["light"].search(phrase, m.start())
    if light is None or (light.start() > m.start() and not _patterns()["opener"].search(phrase, 0, m.start() + 1)):
        return None
    nxt = verb_pattern().match(phrase, light.end())
    return nxt if nxt is not None else verb_pattern().match(phrase, light.start())


_RANK = {"instrument_acts": 0, "completion": 1, "end_states": 1, "status_changes": 1, "programme_acts": 2, "support": 5,
         "activity": 6,
         "directional": 7}


@lru_cache(maxsize=1)
def _opening() -> frozenset | None:
    """The characters that the decisions read at the start of a phrase (a system built, a contribution, a campaign, a
    ban, a named mechanism) can begin with; ``None`` when one of them may begin with any."""
    pats = (_decision("system-building"), _decision("contribution"), _decision("directional-lead", "campaign_phrase"),
            _patterns()["ban"], _decision("named-mechanism"))
    chars = [first_characters(p) for p in pats]
    return None if None in chars else frozenset().union(*chars)


@lru_cache(maxsize=65536)
def _task_text(text: str) -> str:
    """``text`` without the manner adverbs that open it and the ground it stands on (「在…的基础上，做好…」: the
    task after the ground decides)."""
    t = strip_manner(text.lstrip(" "))
    if t[:1] == "在" and (frame := _patterns()["frame"].match(t)):
        t = strip_manner(t[frame.end():])  # 「在年底前全部建成…」: by when or where, then the task
    ground = _patterns()["ground"].match(t)
    return strip_manner(t[ground.end():]) if ground and t[ground.end():].strip() else t


@lru_cache(maxsize=65536)  # a pure function of the predicate: the splitter and the record's field ask it of the same text
def _decide(text: str, dated: bool) -> tuple[bool, str]:
    P = _patterns()
    t = _task_text(text)
    first = _PHRASE.split(t, 1)[0]  # the first phrase only: no list of them all
    opens = _opening() is None or first[:1] in _opening()  # 「建立…」「为…」「打好…」「不得…」: else none of those apply
    if (nothing := _no_deliverable(t, first, opens)) is not None:
        return False, nothing
    vague = _decision("vague-goal").search(first)
    if vague and not _QUOTED.search(vague["name"] or "") and not _names_goal(vague):
        return False, "vague-goal"  # 「确保全面实现年度目标」; a named goal (「实现“三个一百”目标」) is checkable
    ban = P["ban"].match(first) if opens else None
    if ban:
        return _ban(first[ban.end():]), "named-ban"
    rel = P["relation"].search(first)
    if rel and _stated(first, rel):
        return True, "stated-relation"
    if reached := _reached(first, dated):
        return True, reached
    if (reach := _list_or_scope(first)) is not None:
        return True, reach
    lead, obj = _lead(t)
    if lead and not obj.strip("，,。 ") and t.find(lead) > 1:
        obj = t[:t.find(lead)]  # 「闲置两年以上的资金一律收回」: the object stands before the verb
        if verb_class(lead) == "programme_acts" and _decision("programme-act", "generic_before").search(obj):
            return False, "programme-act"  # 「抓紧项目建设」: a noun of no named thing
        if verb_class(lead) == "end_states" and _of_kind(obj):
            return False, "end-state"  # 「确保重大项目如期竣工」: projects named by kind only
    m = _decision("named-mechanism").match(first) if opens else None
    if m and not _decision("named-mechanism", "generic").fullmatch(m["which"]):
        return True, "named-mechanism"
    if lead in _decision_words("event-hosting"):
        return _hosts_event(obj), "event-hosting"
    cls = verb_class(lead) or ("instrument_acts" if lead in _decision_words("instrument-act", "placing")
                               and disposal_verb(t) == lead else None)  # 「将排查结果录入…平台」: a thing placed into a named one
    if lead in _decision_words("stated-relation", "keep") and _keeps_level(obj) and \
            not any(lead + c in first for c in _COORD_HEAD):  # 「稳定和扩大…」: a direction joins it
        return True, "stated-relation"  # 「稳定粮食播种面积」: the statistic kept at today's level
    att = _attain_pattern().search(first) if cls == "directional" and dated else None
    if att:  # 「逐步实现跨部门通办」「村级文化服务中心实现全覆盖」: the dated state attained is the deliverable
        o = first[att.end():].strip("，,。 ")
        return (len(o) >= 2 and not _decision("directional-lead", "vague").match(o)
                and not _decision("dated-attainment", "qualitative").search(o)), "dated-attainment"
    if cls == "directional":
        return (dated and _dated_deliverable(text, lead, obj)), "directional-lead"
    if rel:  # the relation found above (after a verb there: 「推动…比去年增长」)
        return True, "stated-relation"
    ok, rule = _by_class(cls, lead, obj, t)
    if not ok and rule == "completion" and dated and vague is not None \
            and vague["head"] in ("任务", "目标任务") and _names_goal(vague):
        ok = True  # 「年底前完成全部改造任务」: a dated task named by its matter (vague-goal, named) is a dated deliverable
    if rule == "no-observable-end" and dated and lead is None and _dated_concrete(first):
        return True, "dated-concrete"  # 「5月1日前开放城南体育公园」: a dated concrete object (spec section 4), a verb in no class
    if ok and rule == "instrument-act" and _hedged(text, lead):
        ok = False  # 「适当减免…利息」: the act's extent is left open
    m = verb_search(first)
    if m is not None and m.group(0) != lead and _preparatory(m.group(0)):
        rule = "preparatory-lead"  # 「加快制定…」: decided by the instrument act after the lead
    return ok, rule


def _programme_act(lead: str | None, obj: str, concrete: bool) -> bool:
    """Decision ``programme-act``: a discrete act on a named programme, pilot, project, platform, zone, event or
    designation (``concrete``: the object holds a programme word or a quoted name)."""
    P = _patterns()
    head = obj.strip("，,。 ")
    if P["light"].fullmatch(lead or ""):  # 「进行专项抽查」: an activity with an end, not 「进行统一规划」
        return bool(P["light_objects"].search(head))
    if head.endswith("工作") and ((len(head) >= 6 and _programme_end().search(head[:-2]))
                                  or head[:-2].endswith(("”", "\""))):
        head = head[:-2]  # 「开展…风险评估工作」「开展“三清”工作」: 工作 after a concrete or quoted activity names it
    if lead in _decision_words("programme-act", "event_only") and not _decision("programme-act", "events").search(head):
        return False  # 「参加国际标准制定」: taking part in an activity, not an event held
    if _decision("programme-act", "stance").match(head):
        return False  # 「实行最严格的…制度」: how strict, no one system named
    more = _decision("programme-act", "more").match(head)  # 「举办更多…活动」: more of them, no count
    if not more and _decision("programme-act", "quoted_abstract").search(head):
        return True  # 「实行“证照分离”改革」: a reform named in quotes is one reform
    if not more and lead in _decision_words("programme-act", "hosting") and _event_pattern().search(head.rstrip("”\"」》")):
        return _hosts_event(obj)  # 「承办各类体育赛事」: an event held is named, as for 办好
    if lead in _decision_words("programme-act", "designation_verbs") and \
            _decision("programme-act", "designation").match(head):
        concrete = True  # 「创建全国卫生城市」: a title a higher level confers, awarded or not
    elif "、" in head and _decision("programme-act", "named_list").match(head):
        concrete = True  # 「启动甲、乙两个应用」: the items are named one by one
    return (concrete or not obj.strip()) and not P["abstract"].search(head) and not more


def _no_deliverable(t: str, first: str, opens: bool) -> str | None:
    """The decision by which the predicate ``t`` delivers nothing whatever its verb: a system built (「构建…体系」), a
    closing call (「为…而努力奋斗」), support given to a goal (「为…提供坚强保障」), a readiness (「确保一旦…就能…」) or a
    fight (「打好…收官战」); ``None`` when none applies."""
    if opens and _decision("system-building").match(first):
        return "system-building"
    if _striving(t):
        return "striving"
    if opens and _decision("contribution").match(first):
        return "contribution"
    if "一旦" in t and _decision("readiness").search(t):
        return "readiness"
    if opens and _decision("directional-lead", "campaign_phrase").match(first):
        return "directional-lead"
    return None


def _list_or_scope(first: str) -> str | None:
    """A published list cut (「缩减…负面清单」: its next edition is shorter), an act done to the whole of a named set
    (「…资金全部直达企业」) or a named policy extended to the whole of a field (「将…政策扩大至全部…」): the decision
    that says so, though the verb is directional."""
    if _decision("list-cut").match(first):
        return "list-cut"
    if _decision("exhaustive").search(first) is not None and \
            verb_class(starts_with_verb(first)) not in ("directional", "support"):
        return "exhaustive"  # 「…资金全部直达企业」: all of it or not (a directional lead opening it keeps its direction)
    return "scope-extension" if _decision("scope-extension").search(first) else None


def _stated(first: str, rel: re.Match) -> bool:
    """「全县民生支出规模比去年增加」: a statistic leads, a direction follows; 「保持全县信贷投放增速与经济增速基本匹配」: a
    relation between two named statistics, whatever verb keeps it (spec section 1)."""
    return not verb_pattern().search(first, 0, rel.start()) or _patterns()["between"].search(rel.group(0)) is not None


def _reached(first: str, dated: bool) -> str | None:
    """The decision by which the phrase names what is reached wherever it stands, or ``None``: an end state (「…项目
    落地」), a status change (「推动…学院更名为…大学」), or, dated, a submission to a named office (「6月底前将计划报
    市发改委备案」: a dated deliverable)."""
    if _end_state(first):
        return "end-state"
    if _status_change(first):
        return "status-change"
    if dated and _decision("dated-completion").match(first):
        return "dated-completion"  # 「…老化更新改造年内全部完成」: a named work completed by a date
    return "dated-submission" if dated and _decision("dated-submission").search(first) else None


def _dated_concrete(first: str) -> bool:
    """The phrase names a particular thing at its end (a programme's head after a name of its own: 「开放城南体育公园」),
    not things of a kind or a vague number (「抓项目」「建设一批平台」) (decision ``dated-concrete``)."""
    core = strip_adverbs(first.strip("，,。；; "))
    return len(core) >= 6 and bool(_programme_end().search(core)) \
        and not any(_of_kind(core[i:]) for i in range(1, len(core) - 3)) \
        and not _decision("directional-lead", "vague").search(core)


def _names_goal(vague: re.Match) -> bool:
    """A goal or task named by its subject matter (「本年度的化债任务」「年度增收目标」), not only by its year or
    scope (「全年目标」): a quota or a published target, or work named by its activity (「…划定工作」); decision
    ``vague-goal``."""
    if vague["head"] == "工作":  # 「完成…划定工作」: work named by its activity (as 「开展…检查工作」 for programme-act)
        name = (vague["name"] or "").strip()
        return len(name) >= 4 and (_programme_end().search(name) is not None
                                   or name.endswith(tuple(_decision_entry("vague-goal")["activity_works"])))
    if vague["head"] not in ("目标", "任务", "目标任务"):
        return False
    return not _decision("vague-goal", "generic_name").match((vague["name"] or "").strip())


def _keeps_level(obj: str) -> bool:
    """What is kept is a named statistic (its head, 「…播种面积」) or the current way of doing (现行…)."""
    head = obj.strip("，,。 ").split("，")[0]
    return head.startswith("现行") or bool(_statistic_end().search(head))


@lru_cache(maxsize=1)
def _statistic_end() -> re.Pattern:
    words = _data()["objects"]["statistics"]["words"]
    return re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")$")


def _hedged(text: str, lead: str) -> bool:
    """The lead verb's extent is left open right before it (「适当减免」「逐步取消」; decision ``instrument-act``)."""
    at = text.find(lead)
    return at > 0 and bool(_decision("instrument-act", "hedged").search(text, 0, at))


def _dated_deliverable(text: str, lead: str, obj: str) -> bool:
    """Whether a dated directional phrase delivers something: its object's head is a named programme or a
    quoted name (「推进…调度系统建设」), it improves nothing that exists (优化 提升…) and is not done on and
    on (不断 持续…) (decision ``directional-lead``)."""
    if _decision("directional-lead", "improving").match(lead) \
            or _decision("directional-lead", "ongoing").match(text.lstrip(" ，,")) \
            or _decision("directional-lead", "vague").search(obj):
        return False
    head = _decision("directional-lead", "deliverable_tail").sub("", obj.strip("，,。 ").split("，")[0].split(",")[0])
    if _decision("directional-lead", "campaign").search(head):
        return False  # 「打好“三大攻坚战”」: a campaign fought, no thing delivered
    if _of_kind(head):
        return False  # 「统筹推进重大项目建设」: projects named by kind only, no particular thing delivered
    return bool(_programme_end().search(head)) or head.endswith(("”", "\"", "》"))


def _hosts_event(obj: str) -> bool:
    """「办好…」 holds a named event: the object ends in an event noun and names which (decision
    ``event-hosting``)."""
    head = obj.strip("，,。 ").split("，")[0].split(",")[0]
    bare = head.rstrip("”\"」》")
    if _decision("event-hosting", "holidays").search(bare):
        return False
    if _decision("event-hosting", "ordinal").search(head):
        return bare[-1:] in "会节赛展" or _event_pattern().search(bare) is not None  # 「第十一届…园博会」: named
    event = _event_pattern().search(bare)
    return event is not None and not _decision("event-hosting", "generic").fullmatch(bare[:event.start()])


@lru_cache(maxsize=1)
def _event_pattern() -> re.Pattern:
    """The event nouns of decision ``event-hosting``, at the end of what is held."""
    return re.compile("(?:" + _alternation(_decision_words("event-hosting", "events")).pattern + ")$")


@lru_cache(maxsize=1)
def _attain_pattern() -> re.Pattern:
    return _alternation(_decision_words("dated-attainment"))


@lru_cache(maxsize=1)
def _programme_end() -> re.Pattern:
    return re.compile("(?:" + _patterns()["programme"].pattern + "|" + _patterns()["programme_head"].pattern[:-1] + ")$")


def _ban(rest: str) -> bool:
    """A ban spelled out in checkable terms (a discrete act on something, or where it applies) is checkable;
    「严禁搞形象工程」「不能放松」 are not."""
    P = _patterns()
    lead, obj = _lead(rest)
    discrete = verb_class(lead) in ("programme_acts", "instrument_acts", "completion") and \
        (bool(P["programme"].search(obj)) or bool(_QUOTED.search(obj)) or len(obj) >= 4)
    return discrete or (bool(_decision("named-ban", "placed").search(rest)) and len(rest) >= 8)


def _status_change(first: str) -> bool:
    """A status change (verb class ``status_changes``) of a named body, to a named status after it
    (「…学院升格为本科层次职业学校」) or with the body before it (「江城县撤县设区」)."""
    m = _patterns()["status"].search(first)
    if m is None:
        return False
    if m.group(0).startswith("撤"):  # 「江城县撤县设区」: the place is named before it
        return _decision("status-change", "place_before").search(first, 0, m.start()) is not None
    # 「更名为江城大学」: the new name or status, an institution, zone or place, is named after it; 「升级为…主引擎」
    # 「以…升级为支撑」 name none (become, or the 为 of 以…为)
    return _decision("status-change", "status_after").match(first, m.end()) is not None


def _end_state(first: str) -> bool:
    """An observable end state of a concrete thing: at the end of the phrase after its subject
    (「推动…项目落地」「…主体封顶」) or leading its object (「开工建设滨河绿道」)."""
    ends = _patterns()["end"]
    if ends.search(first) is None:
        return False  # 49 phrases in 50 name no end state: no iterator is made for them
    chain = None  # where a run of end words began (「建成投产」「建成并投产」: the thing stands before 建成)
    joiner = _decision("end-state", "chain_joiner")
    for end in ends.finditer(first):
        joined = chain is not None and (chain[1] == end.start() or joiner.fullmatch(first, chain[1], end.start()))
        chain = (chain[0] if joined else end.start(), end.end())
        before, after = first[:chain[0]], first[end.end():]
        after = _NEXT_PREDICATE.split(after, 1)[0]  # 「…各站点全面建成并为…提供服务」: 并 opens the next predicate
        if _decision("end-state", "not_before").search(before) or _decision("end-state", "not_after").match(after):
            continue  # 「…抓落地」「运营模式」「集中开工等机制」: a manner or a noun, not an end state
        if end.group(0) in _decision_words("end-state", "coverage") and \
                _decision("end-state", "coverage_not_before").search(before):
            continue  # 「实现审计监督全覆盖」「“三个全覆盖”」: coverage of an activity or a slogan
        if _decision("end-state", "abstract_before").search(before) or _of_kind(before):
            continue  # 「推动…改革平稳落地」「推动一批成果落地」: no concrete thing reaches the end state
        if end.group(0) in _decision_words("end-state", "coverage") and len(before) >= 2 and \
                _decision("end-state", "covered_places").search(after):
            return True  # 「实现千兆光网全面覆盖城区和重点乡镇」: what is covered is named by its places or units
        if len(after.strip("“”")) <= 4 and len(before) >= 2 and not (after and _decision("end-state", "noun_head").search(after)):
            return True  # 「…项目落地」; not 「…竣工验收标准」, where it modifies the noun that ends the phrase
        if not before.strip() and len(after) >= 2:
            return True
    return False


def _named_head(o: str) -> bool:
    """The object ends with a facility or campaign head (``programme_heads``) after a name of four characters or more
    (「…数字化车间和智能工厂」「扫黑除恶斗争」), not after a quality alone (「伟大斗争」「军事斗争」)."""
    m = _patterns()["programme_head"].search(o)
    return m is not None and m.start() >= 4


def _by_class(cls: str | None, lead: str | None, obj: str, t: str) -> tuple[bool, str]:
    """The decision for a lead verb of class ``cls`` and its object (spec section 4)."""
    P = _patterns()
    o = obj.strip("，,。 ")
    concrete = bool(P["programme"].search(obj)) or bool(_QUOTED.search(obj)) or _named_head(o)
    if cls == "support":
        inner, inner_obj = _lead(obj)
        head = inner_obj.strip("，,。 ").split("，")[0]  # what is supported ends with its head (「…集结中心」)
        ok = verb_class(inner) in ("programme_acts", "instrument_acts", "completion") and \
            (bool(_programme_end().search(head)) or bool(_QUOTED.search(inner_obj)))
        if inner in _decision_words("programme-act", "designation_verbs") or verb_class(inner) == "directional":
            # 「支持…申报国家生态园林城市」「支持…打造国际消费中心城市」: a title a higher level confers is supported
            ok = ok or _decision("programme-act", "designation").match(head) is not None
        return ok and not _decision("programme-act", "more").match(head), "support-designation"  # 「…申报更多项目」
    if cls == "status_changes":
        return False, "status-change"  # a named new status was already read (_status_change); none is named here
    if cls in ("instrument_acts", "programme_acts") and P["service"].search(o) and not _QUOTED.search(obj):
        # 「为中小企业提供融资对接服务」: a direction, like 支持; services named one by one can be checked
        named = _decision("service-provision", "named").search(o) and not _decision("service-provision", "support_given").search(o)
        return bool(named), "service-provision"
    if lead in _decision_words("attraction-class"):
        what = _decision("attraction-class", "destination").split(o, 1)[0]  # 「…落户园区」: where they go
        if _decision("attraction-class", "class_head").search(what) or _decision("attraction-class", "vague").match(what):
            return _names_them(what), "attraction-class"  # 「引进一批…企业」「引进更多首店」: a class
    if cls == "instrument_acts":  # a long object counts unless its head is abstract (「明确…各个环节的工作要求」)
        stating = _decision("instrument-act", "stating").fullmatch(lead or "")
        ok = len(o) >= 2 and (not P["abstract"].search(o) if len(o) < 6 else
                              not (stating and _decision("instrument-act", "abstract_head").search(o)))
        if ok and _decision("instrument-act", "place_of_attention").search(o):
            ok = False  # 「把安全生产列入重要议事日程」: put on the agenda or in a prominent place, nothing issued
        return ok, "instrument-act"
    if cls in ("programme_acts", "end_states"):
        return _programme_act(lead, obj, concrete), "programme-act"
    if cls == "completion":
        if lead == "形成":  # 「形成…清单」 delivers a list; 「形成…产业集聚区」 is an outcome of development
            return (bool(_decision("completion", "formed").search(o.split("，")[0]))
                    and not _decision("directional-lead", "vague").match(o)), "completion"
        return (len(o) >= 2 and (len(o) >= 8 or not P["abstract"].search(o))
                and not _decision("directional-lead", "vague").match(o)), "completion"
    if _QUOTED.search(t):
        return False, "quoted-slogan"  # 「瞄准“江城争先”奋斗目标」: a quotation with no discrete act on it
    return False, "no-observable-end"
