"""Finding what a later report says of a target: by indicator, else by text.

A target naming an indicator is linked only to figures and mentions of that indicator in the
review part of the report that judges it, from the period it covers; a target without one is
linked by text to a review statement, on the overlap of their content (character pairs left after
the generic words of ``data/linking.yaml`` are removed): a shared name alone links nothing.

>>> idx = TextIndex(["组织企业参加第五届中国国际进口博览会", "做好第三次全国土壤普查"])
>>> idx.best("组织企业参加第五届进博会", 0.5, 4)[:2]
(0, 1.0)
>>> idx.best("组织企业参加第四届进博会", 0.5, 4) is None
True
"""
from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from .targets import linking

__all__ = ["TextIndex", "content"]

# a date (「6月底前」, 「三季度末」, 「2025年」): compared apart by the deadlines
_DATE = re.compile(r"(?:(?:19|20)\d\d年|\d{1,2}月|[一二三四]季度)(?:底|末|份|中旬|上旬|下旬)?前?")
# a number with its unit and bound (「2.8万亿元」, 「3860人以上」): compared apart, never shared content
_QUANTITY = re.compile(r"(?:超过|不低于|不少于|近|约)?\d+(?:\.\d+)?(?:多|余)?(?:万亿|亿|万|千|百)?"
                       r"(?:元|人次|人|个|所|亩|斤|公里|吨|户|项|家|套|辆|千瓦|倍|%|％)?(?:以上|以下|以内|左右|上下)?")
_PUNCT = re.compile(r"[\s，,。；;：:、！？!?“”‘’\"'（）()《》〈〉【】\[\]—\-－…·.]+")


@lru_cache(maxsize=16384)
def content(text: str) -> str:
    """The text with aliases written one way, punctuation dropped, and generic words and numbers cut
    out (``|`` where they stood).

    >>> content("扎实开展“清廉江城、实干滨江”主题教育")
    '|清廉江城实干滨江主题教育'
    """
    lk = linking()
    for pat, short in lk["aliases"]:
        text = pat.sub(short, text)
    text = _PUNCT.sub("", _QUANTITY.sub("|", _DATE.sub("|", text)))
    return re.sub(r"\|+", "|", lk["generic"].sub("|", text))


_ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+[届次批轮期]|(?:19|20)\d\d年")


def _conflict(a: str, b: str) -> bool:
    """Both name an edition or a year, and not the same one (「第二届」 / 「第三届」)."""
    oa, ob = set(_ORDINAL.findall(a)), set(_ORDINAL.findall(b))
    return bool(oa and ob and not oa & ob)


def _shared_runs(a: str, b: str) -> str:
    """The runs of three or more content characters both share, joined (「滨江大道」+「全线通车」)."""
    other = b.replace("|", "\x00")  # cut points never match each other
    blocks = SequenceMatcher(None, a, other, autojunk=False).get_matching_blocks()
    return "".join(a[m.a:m.a + m.size] for m in blocks if m.size >= 3)


@lru_cache(maxsize=16384)
def _pairs(c: str) -> frozenset:
    return frozenset(c[i:i + 2] for i in range(len(c) - 1) if "|" not in c[i:i + 2])


class TextIndex:
    """Texts indexed by their content character pairs, for best-match search by Dice overlap."""

    def __init__(self, texts):
        self.texts = list(texts)
        self.contents = [content(t) for t in self.texts]
        self.sets = [_pairs(c) for c in self.contents]
        self.post: dict[str, list[int]] = {}
        for i, s in enumerate(self.sets):
            for p in s:
                self.post.setdefault(p, []).append(i)
        self.max_df = max(8, len(self.sets) // 10)

    def best(self, query: str, min_score: float, min_run: int, allowed=None, min_cover: float | None = None,
             min_shared: int = 0):
        """``(index, score, shared run, "dice" or "cover")`` of the best text, else ``None``. A text qualifies with a shared
        runs (of three or more) of ``min_run`` content characters in all (or the whole of the shorter content) and a Dice overlap ≥ ``min_score``, or the shorter side's
        pairs covered ≥ ``min_cover`` with ``min_shared`` pairs in common; ``allowed(i)`` filters."""
        qc = content(query)
        qs = _pairs(qc)
        if not qs:
            return None
        hits = Counter()
        for p in qs:
            post = self.post.get(p)
            if post and len(post) <= self.max_df:
                hits.update(post)
        nq, scored = len(qs), []
        for i, _ in hits.most_common(8):
            if allowed is not None and not allowed(i):
                continue
            s = self.sets[i]
            shared = len(qs & s)
            dice = 2 * shared / (nq + len(s))
            cover = shared / min(nq, len(s))
            score = dice if dice >= min_score else cover if (min_cover is not None and cover >= min_cover
                                                                and shared >= min_shared) else 0.0
            if score:
                scored.append((score, -i, "dice" if score == dice else "cover"))
        for score, neg_i, how in sorted(scored, reverse=True):  # best first; the first that passes wins
            i = -neg_i
            if _conflict(query, self.texts[i]):
                continue
            run = _shared_runs(qc, self.contents[i])
            if len(run) >= min_run or len(run) >= min(len(qc.replace("|", "")),
                                                      len(self.contents[i].replace("|", ""))) >= 3:
                return i, round(score, 3), run, how
        return None
