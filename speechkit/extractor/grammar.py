"""Grammar for the clauses the lexicon does not decide: is the clause led by a verb?

Part-of-speech tags come from jieba's ``POSTokenizer`` over the extractor's own
``jieba.Tokenizer`` (never jieba's global one), built on first use and run only on the
clauses that reach it, without the HMM (dictionary tags only: fast and deterministic).
Rules and examples are in ``data/grammar.yaml``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import load
from ..rules.checkable import strip_adverbs, verb_pattern
from ..rules.owners import organ_suffixes

__all__ = ["Grammar"]



@lru_cache(maxsize=1)
def _data() -> dict:
    d = load("grammar")
    return {"verb_tags": frozenset(d["verb_tags"]), "phrase_tags": frozenset(d["phrase_tags"]),
            "manner_tags": frozenset(d["manner_tags"]), "not_manner": frozenset(d["not_manner"]),
            "place_tags": frozenset(d["place_tags"]), "place_roles": re.compile(d["place_roles"]),
            "passing": re.compile(d["passing"]),
            "head_morphemes": frozenset(d["head_morphemes"]),
            "not_verbs": frozenset(d["not_verbs"]["words"]), "not_parts": frozenset(d["compound_verbs"]["not_parts"]),
            "phrase_not_openers": frozenset(d["phrase_not_openers"]),
            "openers": re.compile("^(?:" + "|".join(map(re.escape, sorted(d["openers"]["words"], key=len, reverse=True)))
                                  + ")"),
            "framing": tuple(d["framing_verbs"]["words"]),
            "object_topics": frozenset(d["openers"]["object_topics"]),
            "priority": re.compile(d["framing_verbs"]["priority"]),
            "priority_tail": re.compile(d["framing_verbs"]["priority_tail"]),
            "manner": re.compile("^(?:" + "|".join(map(re.escape, d["prep_adverbs"]["words"])) + ")+"),
            "agent_prepositions": frozenset(d["adverbial_openers"]["agent"]),
            "submitting": frozenset(d["adverbial_openers"]["submitting"]),
            "place_ends": tuple(d["adverbial_openers"]["place_ends"]),
            "object_openers": re.compile("^(?:" + "|".join(map(re.escape, d["object_openers"]["words"])) + ")"),
            # what an object opener, maybe after adverbs, can begin with: a clause opening otherwise has none
            "object_firsts": frozenset(w[0] for w in d["prep_adverbs"]["words"] + d["object_openers"]["words"])}


@lru_cache(maxsize=1)
def _dictionary_tags() -> dict:
    """``{word: tag}`` of jieba's main dictionary and of speechkit's domain dictionary (read-only)."""
    import jieba

    from ..tokenize import domain_words

    tab = {}
    with jieba.get_dict_file() as f:
        for line in f:
            parts = line.decode("utf-8").split()
            if len(parts) == 3:
                tab[parts[0]] = parts[2]
    tab.update({w: t for w, _, t in domain_words() if t})
    return tab


LONGEST = 6  # the longest word forward maximum matching tries
_LEVEL_OPENERS = frozenset("省市县区乡镇旗州")  # the level an office's name opens with (报市政府: submitted to it)


@lru_cache(maxsize=1)
def _dictionary_reach() -> dict:
    """``{two characters: the lengths (2 to :data:`LONGEST`, longest first) of the words of :func:`_dictionary_tags`
    that begin with them}``: forward maximum matching tries no other stretch there (most pairs begin one or
    two words; a character begins words of every length)."""
    return _reach(_dictionary_tags())


def _reach(words, base=None) -> dict:
    """``{two characters: the lengths of the words of ``words`` (and of ``base``, a table of :func:`_reach`) that
    begin with them}``, 2 to :data:`LONGEST` characters, longest first."""
    base = base or {}
    bits: dict[str, int] = {}  # the lengths as bits, for the pairs ``words`` begin
    get = bits.get
    for w in words:
        if 2 <= len(w) <= LONGEST:
            bits[w[:2]] = get(w[:2], 0) | (1 << len(w))
    for p in bits.keys() & base.keys():
        bits[p] |= sum(1 << k for k in base[p])
    lengths = {b: tuple(k for k in range(LONGEST, 1, -1) if b >> k & 1) for b in set(bits.values())}
    return {**base, **{p: lengths[b] for p, b in bits.items()}}


def _directive_verb(word: str, tag: str) -> bool:
    """A word tagged as a verb (v vd vi), of two characters or more, that can lead a directive (not in
    ``not_verbs``); or a four-character set phrase (idiom tags) that ends in a verb of the lexicon
    (「贯彻实施」「全面落实」, not 「坚定不移」)."""
    d = _data()
    if tag in d["phrase_tags"] and len(word) == 4:
        return verb_pattern().fullmatch(word[2:]) is not None and word[:2] not in d["phrase_not_openers"]
    return tag in d["verb_tags"] and len(word) >= 2 and word not in d["not_verbs"]


class Grammar:
    """Verb-led clauses by part of speech, with a cache per text. ``words``: ``(word, tag)`` pairs of the
    extractor's own dictionary additions (its owners and domain words), over jieba's tags."""

    def __init__(self, words=()):
        self._words = {w: t for w, t in words}
        self._pos = None
        self._reach: dict[str, tuple] = {}  # see _dictionary_reach, with this extractor's words
        self._cache: dict = {}  # text (or text and whether it ends as an organ) → leading verb
        self._tags_cache: dict[str, list] = {}

    def _tags(self, text: str) -> list[tuple[str, str]]:
        """Words and part-of-speech tags of ``text``: the longest word of the extractor's dictionary at each
        position (forward maximum matching, so no sentence-long segmentation is run for a clause's first
        words), with the tag jieba's ``POSTokenizer`` keeps for it (``x`` for a character of no word)."""
        got = self._tags_cache.get(text)
        if got is None:
            got = list(self._words_of(text))
            if len(self._tags_cache) < 200_000:
                self._tags_cache[text] = got
        return got

    def _words_of(self, text: str):
        """The words and tags of :meth:`_tags`, one at a time (a caller that stops at the first verb reads no
        further)."""
        tab, reach = self._table(), self._reach
        i, n = 0, len(text)
        while i < n:
            w = text[i]
            for k in reach.get(text[i:i + 2], ()):
                if i + k <= n and text[i:i + k] in tab:
                    w = text[i:i + k]
                    break
            yield w, tab.get(w) or "x"
            i += len(w)

    def _table(self) -> dict:
        """``{word: tag}``: the tags of jieba's dictionary (what its ``POSTokenizer`` reads), with the domain
        words' tags and this extractor's own words over them. Read here rather than through ``jieba.posseg``,
        whose import builds a global tagger over jieba's default tokenizer; the dictionary's part is parsed
        once per process (it never changes)."""
        if self._pos is None:
            if self._words:
                self._pos = {**_dictionary_tags(), **self._words}
                self._reach = _reach(self._words, _dictionary_reach())
            else:  # the dictionary's own tables, read only (no copy of them for each extractor)
                self._pos, self._reach = _dictionary_tags(), _dictionary_reach()
        return self._pos

    def leading_verb(self, text: str) -> str | None:
        """The verb a clause opens with (after adverbs), by part of speech; ``None`` when its first
        word is not a verb. 「弘扬企业家精神」→ 弘扬; 「延续…政策」→ 延续; 「居民收入稳步增长」→ None."""
        t = strip_adverbs(text.strip("“”\"‘’ "))[:6]
        if not t:
            return None
        organ = text.endswith(organ_suffixes())  # 「包联领导」: no compound verb opens an organ's name
        key = (t, organ) if len(t) == 6 else t  # a cut text: its ending is read from the whole
        if key not in self._cache:
            words = self._words_of(t)
            w, tag = next(words)  # the first word, and the second after a manner word (「坚定推进」「有序推进」)
            start = 0
            if not _directive_verb(w, tag) and tag in _data()["manner_tags"] and len(w) >= 2 \
                    and w not in _data()["not_manner"]:
                w2, tag2 = next(words, ("", "x"))
                if _directive_verb(w2, tag2):
                    start, w, tag = len(w), w2, tag2
            if start == 0 and len(w) == 1 and tag in _data()["verb_tags"] and not organ:
                w2, tag2 = next(words, ("", "x"))
                if len(w2) == 1 and tag2 in _data()["verb_tags"] and not {w, w2} & _data()["not_parts"]:
                    w, tag = w + w2, tag  # 「引育…企业」: two one-character verbs, a compound jieba does not know
            # 「开放的江城市场」: a verb right before 的 modifies the noun after it, it leads nothing
            end = start + len(w)
            self._cache[key] = w if _directive_verb(w, tag) and t[end:end + 1] != "的" else None
        return self._cache[key]

    def first_verb(self, text: str) -> int | None:
        """Where the first verb after the start of a clause begins (a subject's end), by part of speech:
        「物业公司结合小区实际…提出…」→ 4; ``None`` when no word after the first is a verb."""
        pos, verb_tags = 0, _data()["verb_tags"]
        for w, tag in self._words_of(text[:16]):
            if pos > 0 and tag in verb_tags and len(w) >= 2:
                return pos
            pos += len(w)
        return None

    def words(self, text: str) -> list[tuple[str, str]]:
        """Words and tags of ``text`` (forward maximum matching over the extractor's dictionary)."""
        return self._tags(text)

    @staticmethod
    def not_verb(word: str) -> bool:
        """A word jieba tags as a verb that leads no directive (copulas, 设在 兼任…: ``not_verbs``)."""
        return word in _data()["not_verbs"]

    def first_word(self, text: str) -> tuple[str, str]:
        """The first word of ``text`` and its tag (``("", "")`` for an empty text)."""
        return next(self._words_of(text[:8]), ("", ""))

    @staticmethod
    def verb_tag(tag: str) -> bool:
        """Whether a part-of-speech tag is a verb's (v vd vi; not the verbal noun vn)."""
        return tag in _data()["verb_tags"]

    def predicate_start(self, text: str, adverbs: bool = False) -> int | None:
        """Where a preposition (or, with ``adverbs``, an adverb or a verb) opens the predicate after a
        subject, by part of speech: 「各部门、各区按需在平台中」→ 6, 「执法部门依法查处」→ 4 with ``adverbs``;
        ``None`` when no word after the first is one."""
        pos, verb_tags = 0, _data()["verb_tags"]
        for w, tag in self._words_of(text[:24]):
            if pos > 0 and (tag == "p" or (adverbs and (tag == "d" or (tag in verb_tags and len(w) >= 2)))):
                return pos
            pos += len(w)
        return None

    def verb_within(self, text: str, limit: int = 16) -> str | None:
        """The first verb of two characters or more in the first ``limit`` characters of ``text``, by part of
        speech: the predicate after a subject (「按需在平台中提出申请」→ 提出)."""
        return next((w for w, tag in self._words_of(text[:limit]) if _directive_verb(w, tag)), None)

    def noun_phrase(self, text: str) -> bool:
        """Whether ``text`` ends in a noun (「滨江大道」「南江农贸批发市场」), not a verb or an adverb
        (「提出」「多一些」): a phrase before a cue is taken as the actor only then."""
        if re.search(r"[一二三四五六七八九十\d]期$|[号段标]$", text):
            return True  # 「江城港区三期」「二号线」: a project's phase or section
        tags = self._tags(text)
        if not tags:
            return False
        w, tag = tags[-1]
        if w in _data()["head_morphemes"]:
            return True  # 「城北污水厂」「县采购中心」: a morpheme that heads a place, facility or body
        return (tag[:1] in ("n", "j", "l") and tag != "nr") or (tag == "nr" and len(w) >= 3)

    def place_name(self, text: str) -> bool:
        """Whether ``text`` is one word tagged a place name (data/grammar.yaml ``place_tags``: 上海 湖南)."""
        words = self.words(text)
        return len(words) == 1 and words[0][1] in _data()["place_tags"]

    @staticmethod
    def passing(text: str) -> str | None:
        """通过 as the verb pass before a review (data/grammar.yaml ``passing``: 「全部通过市级验收」), or ``None``."""
        if "通过" not in text[:8]:
            return None  # most clauses hold no 通过 near their start
        return "通过" if _data()["passing"].match(text) else None

    @staticmethod
    def place_role(role: str) -> bool:
        """Whether a role held (「X作为Y」) is a polity's (data/grammar.yaml ``place_roles``: 大都市 门户 一员), so that a
        place holding it stands for its people and government."""
        return _data()["place_roles"].search(role) is not None

    def adverbial_opening(self, text: str) -> bool:
        """Whether a preposition (tag p) opens ``text``, not one of the agent (由), or a verb of submitting (报 报送:
        「报市政府审定」): the stretch before the verb is then the preposition's phrase, not a subject (「按需向接入单位…」)."""
        w, tag = self.first_word(text)
        if len(text) <= 4 and text.endswith(_data()["place_ends"]):
            return False  # 「从化区要…」: a place name, its first character a preposition only by chance
        return (tag == "p" and w not in _data()["agent_prepositions"]) or \
            (w in _data()["submitting"] and text[len(w):len(w) + 1] in _LEVEL_OPENERS)  # 「报市政府」, not 「报送单位」

    def object_opener(self, text: str) -> bool:
        """Opened by a preposition of object or beneficiary (对 将 把 向 为 给 用 面向) with its object after it;
        「为支持企业减负，」 (为 + a verb) states a purpose instead."""
        d = _data()
        if text[:1] not in d["object_firsts"]:
            return False  # most clauses: neither an adverb nor a preposition of object opens them
        t = d["manner"].sub("", text)
        m = d["object_openers"].match(t)
        return bool(m) and verb_pattern().match(t, m.end()) is None

    def main_verb_after_opener(self, text: str) -> str | None:
        """「对返乡创业人员给予场租补贴」「将涉企检查项目统一纳入平台管理」: a clause opened by a preposition
        (对 在 将 把 用 面向 为 向 给…) whose main verb follows its object: that verb, or ``None``."""
        t = _data()["manner"].sub("", text)
        m = _data()["openers"].match(t)
        if not m:
            return None
        rest = t[m.end():]
        if any(w in rest for w in _data()["framing"]):
            return None  # 「将项目建设作为头号工程」: framing, not a task
        v = verb_pattern().search(rest, 1)
        if v is not None:
            topic = m.group(0) in _data()["object_topics"]
            return None if topic and self._modifies_head(rest, v.end()) else v.group(0)
        first = next(self._words_of(rest[:40]), ("", ""))[0]  # the object's first word
        v2 = self.verb_within(rest[len(first):40], 40)
        if v2 is not None and m.group(0) in _data()["object_topics"] and self.first_word(t)[1] == "p":  # not 对接
            at = rest.find(v2, len(first))  # 「对年收购秸秆5000吨以上的综合利用企业」: a verb in the modifier, none of its own
            if at >= 0 and self._modifies_head(rest, at + len(v2)) and self.noun_phrase(rest):
                return None
            if at > 0 and rest[at - 1] == "的" and self.verb_within(rest[at + len(v2):], 40) is None:
                return None  # 「对脱贫领域的突出问题」: a verb right after 的 qualifies the noun after it
        return v2

    def _modifies_head(self, rest: str, after: int) -> bool:
        """「对于尚未明确管护主体的农村公路」: the verb stands in a modifier (before the first 的 after it) of the
        noun that ends the clause, which holds no verb at all: the clause is an object, it has no main verb."""
        de = rest.find("的", after)
        head = rest[de + 1:] if de >= 0 else ""
        return bool(head) and verb_pattern().search(head) is None and \
            not any(_directive_verb(w, tag) for w, tag in self._words_of(head))

    def framing(self, text: str) -> bool:
        """「将X作为Y」「把X摆在…」: a framing clause."""
        return bool(_data()["openers"].match(_data()["manner"].sub("", text))) and any(w in text for w in _data()["framing"])

    def framing_verb(self, text: str) -> str | None:
        """The verb of a framing clause that sets a priority or a role (「把稳就业作为首要任务」→ 作为; data
        ``framing_verbs.priority``): a direction of its own, as the shared and held-out gold read it (5 of 5 such
        clauses open or make a record); a diagnosis (「把资金短缺视为最大难点」) is none."""
        if not self.framing(text):
            return None
        at, w = min((text.find(w), w) for w in _data()["framing"] if w in text)  # the first, as written
        return w if _data()["priority"].search(_data()["priority_tail"].sub("", text[at + len(w):])) else None
