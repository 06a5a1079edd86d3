"""The text as the time rules read it, with a map back to the text given.

Three things are undone before matching, so that one rule covers every way of
writing a date:

- full-width digits (``２０２５年``) become ASCII digits;
- Traditional characters (``週 禮拜 後 個 號``) become Simplified, through
  OpenCC's own character table (``t2s``): only its one-character-to-one-character
  entries are used, so the reading has the same length as the text and every
  offset still indexes the original;
- spaces that PDF extraction leaves inside a date (``10 月 20 日``, ``2025 年``)
  are dropped; :meth:`Reading.span` maps a span of the reading back to the text.

>>> r = Reading("于２０２５年 10 月 20 日前完成")
>>> r.text
'于2025年10月20日前完成'
>>> r.span(1, 13), "于２０２５年 10 月 20 日前完成"[1:17]
((1, 17), '２０２５年 10 月 20 日前')
>>> Reading("下週三前").text
'下周三前'
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

__all__ = ["Reading"]

# a run of horizontal spaces next to a Chinese character: PDF spacing, never meaningful inside a date
_SPACES = re.compile(r"[ \t\u3000\xa0]+")


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or ch == "\u3007"


def _gaps(t: str) -> list[tuple[int, int]]:
    """The space runs of ``t`` that touch a Chinese character."""
    return [m.span() for m in _SPACES.finditer(t)
            if (m.start() > 0 and _cjk(t[m.start() - 1])) or (m.end() < len(t) and _cjk(t[m.end()]))]


@lru_cache(maxsize=1)
def _table() -> tuple[dict, re.Pattern]:
    """The character table (full-width digits, OpenCC t2s single characters) and a class that finds them."""
    import opencc  # a declared dependency (setup.cfg): a missing install fails loudly here

    chars = [chr(i) for i in range(0x3400, 0xA000)] + [chr(i) for i in range(0xF900, 0xFB00)]
    out = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):
        raise RuntimeError("opencc t2s changed the line count of the character table")
    table = {ord(a): b for a, b in zip(chars, out) if a != b and len(b) == 1}
    table.update({0xFF10 + i: str(i) for i in range(10)})
    keys = "".join(sorted(chr(k) for k in table))
    return table, re.compile("[" + re.escape(keys) + "]")


class Reading:
    """``text`` normalized for matching; :meth:`span` maps its offsets back to the original."""

    __slots__ = ("text", "_starts", "_shift")

    def __init__(self, original: str):
        table, needs = _table()
        t = original.translate(table) if needs.search(original) else original
        self._starts: list[int] = []
        self._shift: list[int] = []
        gaps = _gaps(t)
        if not gaps:
            self.text = t
            return
        pieces, pos, dropped = [], 0, 0
        for a, b in gaps:
            pieces.append(t[pos:a])
            self._starts.append(a - dropped)
            dropped += b - a
            self._shift.append(dropped)
            pos = b
        pieces.append(t[pos:])
        self.text = "".join(pieces)

    def orig(self, i: int) -> int:
        """The offset in the original text of character ``i`` of the reading."""
        k = bisect_right(self._starts, i) - 1
        return i if k < 0 else i + self._shift[k]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """The original span of the reading's ``[a, b)`` (spaces at its edges left out)."""
        if not self._starts:
            return a, b
        return self.orig(a), self.orig(b - 1) + 1 if b > a else self.orig(a)
