"""Remove the noise of copied speeches, keeping a map back to the raw text.

:func:`clean` never returns a bare string: :class:`Cleaned` holds the cleaned
text and, for every cleaned character, its offset in the raw text.

>>> c = clean("在在 20212021 年县委年县委“三项攻坚三项攻坚”推进大会推进大会上上")
>>> c.text
'在2021年县委“三项攻坚”推进大会上'
>>> c.raw[c.offsets[1]]
'2'
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import compile_rules, load, required_words, scan_all, scan_plan, skippable, starts_of

__all__ = ["Cleaned", "Gap", "clean"]

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+")
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
# a half-width mark after or before a CJK character (the mark first, so that the regex engine skips to one)
_HALF_PUNCT = re.compile(rf"[,:;?!()](?:(?<=[{CJK}“”（）].)|(?=[{CJK}“”（）]))")
# a whitespace run inside a line (not a newline)
_SPACE_RUN = re.compile(r"[^\S\n]+")
# 「政 府 工 作 报 告」: single characters separated by single spaces
_SPACED_WORD = re.compile(rf"(?:[{CJK}][ \u3000]){{2,}}[{CJK}](?![{CJK}])")
_SPACE = re.compile("[ \u3000]")
_BROKEN_LINE = re.compile(rf"\n(?<=[{CJK}]\n)(?=[{CJK}]{{1,2}}\n)")  # the newline first: skipped to


@dataclass(frozen=True)
class Gap:
    """A number missing from the text: the unit or measure word left behind."""

    start: int  # cleaned offsets
    end: int
    unit: str
    rule: str


@dataclass
class Cleaned:
    """Cleaned text plus the raw offset of each of its characters (``offsets``: an ``array('i')``, 4 bytes
    a character where a list of ints takes 36)."""

    raw: str
    text: str
    offsets: array
    removed: list[tuple[int, int, str]] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the cleaned range ``[start, end)``.

        >>> c = clean("a　　b")
        >>> c.raw_span(0, len(c.text))
        (0, 4)
        """
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.raw)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def __len__(self) -> int:
        return len(self.text)

    @property
    def redacted(self) -> bool:
        """A redacted copy: numbers removed throughout (``redaction`` in data/noise.yaml), counted by the gaps of
        units that end no word (亿元 亩 平方米), so that words ending in a unit (「落户」「贫困户」) count for nothing.

        >>> clean("新签约项目个，收储土地亩，融资亿元以上，拆除违建平方米。").redacted
        True
        >>> clean("推进进城务工人员就近落户，对不稳定户、困难户加强监测。").redacted
        False
        """
        chars_per_gap, min_gaps, word_units = _redaction()
        n = sum(g.unit not in word_units for g in self.gaps)
        return n >= min_gaps and n * chars_per_gap >= len(self.text)

    def missing_numbers(self, paragraphs) -> frozenset:
        """Where the gaps read as missing numbers start (cleaned offsets): every gap of a unit that ends no word;
        a gap of a unit that also ends words (户 家 个…) in a redacted text, or in a paragraph (``paragraphs``:
        ``(start, end)`` pairs) that holds a gap of another unit and one more gap.

        >>> c = clean("园区要再腾地亩，拆迁房屋栋。\\n推进进城务工人员就近落户。")
        >>> sorted(c.text[g] for g in c.missing_numbers([(0, 14), (15, len(c.text))]))
        ['亩', '栋']
        """
        word_units = _redaction()[2]
        if self.redacted:
            return frozenset(g.start for g in self.gaps)
        out = {g.start for g in self.gaps if g.unit not in word_units}
        starts = [g.start for g in self.gaps]
        for a, b in paragraphs:
            inside = self.gaps[bisect_left(starts, a):bisect_left(starts, b)]
            if len(inside) >= 2 and any(g.unit not in word_units for g in inside):
                out.update(g.start for g in inside)
        return frozenset(out)


def _apply(text: str, offs: array, edits, removed: list, raw_len: int) -> tuple[str, array]:
    """Apply sorted, non-overlapping edits ``(start, end, replacement, reason)``."""
    if not edits:
        return text, offs
    parts, new_offs, pos = [], array("i"), 0
    for start, end, repl, reason in edits:
        if start < pos:
            continue  # overlapping edit: first one wins
        parts.append(text[pos:start])
        new_offs.extend(offs[pos:start])
        if end > start and not repl:
            removed.append((offs[start], offs[end - 1] + 1, reason))
        if repl:
            if len(repl) == end - start:
                new_offs.extend(offs[start:end])
            else:
                anchor = offs[start] if start < len(offs) else raw_len
                new_offs.extend(array("i", [anchor]) * len(repl))
            parts.append(repl)
        pos = end
    parts.append(text[pos:])
    new_offs.extend(offs[pos:])
    return "".join(parts), new_offs


@lru_cache(maxsize=1)
def _rules():
    data = load("noise")
    line = compile_rules(data["line_rules"], "data/noise.yaml line_rules")
    inline = compile_rules(data["inline_rules"], "data/noise.yaml inline_rules")
    gaps = compile_rules(data["gap_rules"], "data/noise.yaml gap_rules")
    # searched over the whole text: skipped to the characters they can begin with, and only in a text that holds
    # one of the words every match holds (``None``: no such words)
    inline = [(rid, skippable(pat), required_words(pat)) for rid, pat, _ in inline]
    raw = [(rid, skippable(pat), rule) for rid, pat, rule in
           compile_rules(data["raw_rules"], "data/noise.yaml raw_rules")]
    return line, inline, gaps, raw


@lru_cache(maxsize=1)
def _redaction() -> tuple[int, int, frozenset]:
    """``(characters per gap at most, gaps at least, units that also end words)`` of a redacted text."""
    r = load("noise")["redaction"]
    return int(r["chars_per_gap"]), int(r["min_gaps"]), frozenset(r["word_units"])


def _line_edits(text: str):
    line_rules, inline_rules, *_ = _rules()
    edits = []
    pos = 0
    header_block = False
    prev_line = None
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        reason = None
        for rid, pat, _ in line_rules:
            if pat.match(line):
                reason = rid
                break
        if reason == "site-notice":
            header_block = True
        elif reason is None and header_block:
            # tag lines of a download page until the first real line
            if stripped and len(stripped) <= 12 and not re.search("[。，,：:；]", stripped):
                reason = "site-tags"
            elif stripped:
                header_block = False
        if reason is None and stripped and stripped == prev_line and len(stripped) >= 8:
            reason = "repeated-line"
        if reason:
            edits.append((pos, min(end + 1, len(text)), "", reason))
        if stripped:
            prev_line = stripped
        pos = end + 1
    for rid, pat, words in inline_rules:
        if words is not None and not any(w in text for w in words):
            continue  # 「新华社」「记者」…: most texts hold none of a credit line's words
        edits.extend((m.start(), m.end(), "", rid) for m in pat.finditer(text) if m.end() > m.start())
    edits.sort()
    return edits


_DOUBLE = re.compile(r"(.{1,16}?)\1", re.S)
_GLUE = re.compile(r"[\s“”‘’\"'、，,（）()《》]{0,3}")


_BLOCK = 1 << 13  # characters compared at a time: working memory stays ~150 kB however long the text


def _double_starts(text: str):
    """Positions where some unit of 1-16 characters is followed by itself (what ``(.{1,16}?)\\1`` finds),
    computed for all lags at once with numpy rather than by a backtracking regex at every position,
    block by block (an integer array of the positions, not a list: a periodic text has one at every
    character).

    >>> _double_starts("要要完成完成任务").tolist()
    [0, 2]
    """
    import numpy as np

    n = len(text)
    out = [np.zeros(0, dtype=np.int32)]
    for lo in range(0, max(n - 1, 0), _BLOCK):
        hi = min(n, lo + _BLOCK + 32)  # a unit of up to 16 characters doubled: 32 past the block's end
        a = np.frombuffer(text[lo:hi].encode("utf-32-le"), dtype=np.uint32)
        hit = _block_hits(a, np)
        keep = hit[:min(_BLOCK, len(hit))]
        out.append(np.flatnonzero(keep).astype(np.int32) + lo)
    return np.concatenate(out)


def _block_hits(a, np):
    """Whether a unit of 1-16 characters is doubled at each position of ``a`` (code points). For a lag ``k``, the
    positions where a character equals the one ``k`` after it are few in prose: a doubled unit
    of ``k`` characters starts where ``k`` of them stand in a row, which their sorted indices tell directly."""
    m = len(a)
    hit = np.zeros(m, dtype=bool)
    for k in range(1, min(16, m // 2) + 1):
        eq = a[:-k] == a[k:]
        if k == 1:
            hit[:m - 1] |= eq
            continue
        idx = np.flatnonzero(eq)
        if len(idx) < k:
            continue
        first = idx[:len(idx) - k + 1]
        hit[first[idx[k - 1:] - first == k - 1]] = True  # eq[i:i+k] all true: text[i:i+k] == text[i+k:i+2k]
    return hit


_RUN_REACH = 73  # three doubled units (glue of up to 3, units of up to 16 doubled) start within this of a run's start


def _double_edits(text: str):
    """Runs of text rendered twice (PDF bold): at least three doubled units in a row. Each unit starts where
    :func:`_double_starts` found a doubled unit, so a run is looked for only where two more of them follow within
    :data:`_RUN_REACH` characters (a lone doubled word, 「常常」「……」, opens none)."""
    edits = []
    starts = _double_starts(text)
    starts = starts[:-2][starts[2:] - starts[:-2] <= _RUN_REACH]
    j = i = 0
    while j < len(starts):
        if starts[j] < i:
            j += 1
            continue
        units, pos = [], int(starts[j])
        start = pos
        while True:
            g = _GLUE.match(text, pos)
            p2 = g.end()
            mm = _DOUBLE.match(text, p2)
            if not mm or mm.group(1).isspace():
                break
            units.append((mm.start(), mm.end(), len(mm.group(1))))
            pos = mm.end()
        doubled = sum(u[2] for u in units)
        if len(units) >= 3 and doubled >= 8:
            edits.extend((a + k, b, "", "doubled-text") for a, b, k in units)
            i = pos
        else:
            i = start + 1
        j += 1
    return edits


def _space_edits(text: str):
    edits = []
    for m in _spaced_words(text):
        s = m.group(0)
        edits.extend((m.start() + j, m.start() + j + 1, "", "spaced-word") for j, ch in enumerate(s) if ch in " \u3000")
    taken = {e[0] for e in edits}
    n = len(text)
    for m in _SPACE_RUN.finditer(text):
        a, b = m.start(), m.end()
        if a in taken:
            continue
        before = text[a - 1] if a > 0 else "\n"
        after = text[b] if b < n else "\n"
        run = m.group(0)
        if before == "\n" or after == "\n":
            edits.append((a, b, "", "indent"))
        elif sum(1 for ch in run if ch in "\u3000\u2003") >= 2 or len(run) >= 4:
            edits.append((a, b, "\n", "paragraph-space"))
        elif _is_cjk(before) and _is_cjk(after) and "\u3000" not in run:
            edits.append((a, b, "\n", "run-in-break"))
        elif (before.isascii() and before.isalnum()) and (after.isascii() and after.isalnum()):
            if run != " ":
                edits.append((a, b, " ", "space"))
        else:
            edits.append((a, b, "", "space"))
    for m in _BROKEN_LINE.finditer(text):
        edits.append((m.start(), m.end(), "", "broken-line"))
    edits.sort()
    return edits


def _spaced_words(text: str):
    """The matches of ``_SPACED_WORD.finditer(text)``, tried only before a space (a match opens with a
    character and a space): the regex alone is tried at every CJK character.

    >>> [m.group(0) for m in _spaced_words("政 府 工 作 报 告，一 二")]
    ['政 府 工 作 报 告']
    """
    until = 0
    for sp in _SPACE.finditer(text, 1):
        if sp.start() - 1 < until:
            continue
        m = _SPACED_WORD.match(text, sp.start() - 1)
        if m:
            until = m.end()
            yield m


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in "“”（）《》、，。；：！？"


@lru_cache(maxsize=1)
def _gap_plan() -> tuple:
    return scan_plan((pat, starts_of(rule)) for _, pat, rule in _rules()[2])


def find_gaps(text: str) -> list[Gap]:
    """Mark units left behind by removed numbers.

    >>> [g.unit for g in find_gaps("再收储土地亩、招商引资亿元以上")]
    ['亩', '亿元']
    """
    gap_rules = _rules()[2]
    found = {}
    # each rule tried only where a match can begin, the characters of all found in one scan
    matches = scan_all(_gap_plan(), text)
    for (rid, _, _), ms in zip(gap_rules, matches):
        for m in ms:
            found.setdefault(m.start(), Gap(m.start(), m.end(), m.group(m.lastindex or 0), rid))
    return [found[k] for k in sorted(found)]


def _positions(n: int) -> array:
    """``array("i", range(n))``, made by numpy (the range read an int at a time takes 10 ms a 100,000 characters).

    >>> _positions(4).tolist()
    [0, 1, 2, 3]
    """
    import numpy as np

    out = array("i")
    out.frombytes(np.arange(n, dtype=np.intc).tobytes())
    return out


_QUOTE_RUN = re.compile(r'[“”"]')


def _pair_quotes(text: str) -> str:
    """Straight double quotes among Chinese text made into the curly pair they stand for, each line on its own: a
    ``"`` closes an open 「“」 (「“互联网+监管"系统」, a mismatch web pages and PDFs leave) and otherwise opens one
    when another ``"`` or 「”」 closes it on the line; one character for one, so offsets are kept.

    >>> _pair_quotes('推进“互联网+监管"系统和"一网通办"改革')
    '推进“互联网+监管”系统和“一网通办”改革'
    >>> _pair_quotes('他说"好"。"')
    '他说“好”。"'
    """
    if '"' not in text:
        return text
    out = list(text)
    for line in re.finditer(r"[^\n]+", text):
        marks = [m.start() for m in _QUOTE_RUN.finditer(text, line.start(), line.end())]
        opened = False
        for k, i in enumerate(marks):
            ch = text[i]
            if ch == "“":
                opened = True
            elif ch == "”":
                opened = False
            elif opened:
                out[i], opened = "”", False
            elif any(text[j] in '"”' for j in marks[k + 1:]):
                out[i], opened = "“", True
    return "".join(out)


def clean(raw: str) -> Cleaned:
    """Clean a raw speech; see the module docstring.

    >>> clean("10 月 20 日开始,11 月10 日结束").text
    '10月20日开始，11月10日结束'
    """
    offs = _positions(len(raw))
    removed: list = []
    text = raw
    n = len(raw)
    text, offs = _apply(text, offs, [(m.start(), m.end(), "", rid) for rid, pat, _ in _rules()[3]
                                     for m in pat.finditer(text)], removed, n)
    text, offs = _apply(text, offs, [(m.start(), m.end(), "", "zero-width") for m in _ZERO_WIDTH.finditer(text)], removed, n)
    text, offs = _apply(text, offs, _line_edits(text), removed, n)
    text, offs = _apply(text, offs, _double_edits(text), removed, n)
    text, offs = _apply(text, offs, _space_edits(text), removed, n)
    text = _HALF_PUNCT.sub(lambda m: _HALF_TO_FULL[m.group(0)], text)
    text = _pair_quotes(text)
    removed.sort()
    return Cleaned(raw=raw, text=text, offsets=offs, removed=removed, gaps=find_gaps(text))
