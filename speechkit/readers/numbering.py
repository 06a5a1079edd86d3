"""Word's automatic list labels (「一、」「（一）」「1.」), which python-docx does not render.

A paragraph with a ``w:numPr`` (directly or through its style) gets the label
Word would draw, from ``word/numbering.xml``: the level's ``lvlText``
(``%1、``, ``（%1）``, ``%1.%2``) filled with counters in the level's ``numFmt``.
Counters belong to the abstract list (lists sharing one continue each other
unless a ``startOverride`` restarts them); a level restarts when a shallower
level advances.

>>> chinese(1), chinese(10), chinese(14), chinese(20), chinese(105)
('一', '十', '十四', '二十', '一百零五')
>>> fmt_number(3, "decimalEnclosedCircle"), fmt_number(4, "lowerRoman"), fmt_number(2, "ideographTraditional")
('③', 'iv', '乙')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Numbering", "chinese", "fmt_number"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def chinese(n: int) -> str:
    """Chinese counting numerals (``chineseCounting``) up to 9999."""
    if n <= 0 or n >= 10000:
        return str(n)
    out, zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            if zero:
                out.append("零")
            out.append(("" if (unit == "十" and not out and d == 1) else _DIGITS[d]) + unit)
            zero = False
        elif out:
            zero = True
    return "".join(out)


def _roman(n: int) -> str:
    vals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
            (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _letters(n: int) -> str:
    # Word: a..z, aa..zz, aaa..
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def fmt_number(n: int, fmt: str) -> str:
    """One counter in a Word ``numFmt``; unknown formats fall back to decimal."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "ideographLegalTraditional"):
        s = chinese(n)
        return s.translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")) if "Legal" in fmt else s
    if fmt == "ideographDigital" or fmt == "taiwaneseDigital":
        return "".join(_DIGITS[int(d)] if d != "0" else "〇" for d in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 never
    suffix: str = "tab"


def _levels(abstract) -> dict[int, _Level]:
    out = {}
    for lvl in abstract.iter(f"{W}lvl"):
        ilvl = int(lvl.get(f"{W}ilvl", "0"))
        lv = _Level()
        for tag, attr in (("numFmt", "fmt"), ("lvlText", "text"), ("suff", "suffix")):
            el = lvl.find(f"{W}{tag}")
            if el is not None and el.get(f"{W}val") is not None:
                setattr(lv, attr, el.get(f"{W}val"))
        el = lvl.find(f"{W}start")
        if el is not None:
            lv.start = int(el.get(f"{W}val", "1"))
        el = lvl.find(f"{W}lvlRestart")
        if el is not None:
            lv.restart = int(el.get(f"{W}val", "0"))
        out[ilvl] = lv
    return out


@dataclass
class Numbering:
    """Label state for one document; :meth:`label` advances the counters as Word does."""

    abstract: dict = field(default_factory=dict)  # abstractNumId -> {ilvl: _Level}
    nums: dict = field(default_factory=dict)  # numId -> (abstractNumId, {ilvl: start override}, {ilvl: _Level})
    counters: dict = field(default_factory=dict)  # abstractNumId -> {ilvl: n}
    started: set = field(default_factory=set)  # numIds whose overrides were applied

    @classmethod
    def from_part(cls, root) -> "Numbering":
        """From the root element of ``word/numbering.xml`` (``None``: no numbering)."""
        nb = cls()
        if root is None:
            return nb
        for a in root.findall(f"{W}abstractNum"):
            nb.abstract[a.get(f"{W}abstractNumId")] = _levels(a)
        for n in root.findall(f"{W}num"):
            aid = n.find(f"{W}abstractNumId")
            overrides, levels = {}, {}
            for o in n.findall(f"{W}lvlOverride"):
                ilvl = int(o.get(f"{W}ilvl", "0"))
                so = o.find(f"{W}startOverride")
                if so is not None:
                    overrides[ilvl] = int(so.get(f"{W}val", "1"))
                if o.find(f"{W}lvl") is not None:
                    levels.update(_levels(o))
            nb.nums[n.get(f"{W}numId")] = (aid.get(f"{W}val") if aid is not None else None, overrides, levels)
        return nb

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """``(label, suffix)`` of the next paragraph of list ``num_id`` at level ``ilvl``."""
        if num_id not in self.nums or num_id == "0":
            return "", ""
        aid, overrides, own = self.nums[num_id]
        levels = {**self.abstract.get(aid, {}), **own}
        if ilvl not in levels:
            return "", ""
        counts = self.counters.setdefault(aid, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, start in overrides.items():
                counts[lv] = start - 1
                for deeper in [k for k in counts if k > lv]:
                    del counts[deeper]
        lv = levels[ilvl]
        counts[ilvl] = counts.get(ilvl, lv.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            dl = levels.get(deeper)
            if dl is None or dl.restart != 0:
                del counts[deeper]

        def fill(m):
            k = int(m.group(1)) - 1
            lvk = levels.get(k, _Level())
            return fmt_number(counts.get(k, lvk.start), lvk.fmt)

        text = re.sub(r"%([1-9])", fill, lv.text) if lv.fmt != "bullet" else ""
        return text, lv.suffix
