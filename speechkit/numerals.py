"""Numerals: Arabic, Chinese and mixed, read exactly or not at all.

:func:`read_numeral` reads one run of numeral characters as a quantity
reader needs it: exact values, two-number approximations (八九 → 8 to 9),
vague magnitudes (几十 → 10 to 100) and floors (上千 → at least 1000), with
the trailing magnitude (万, 亿, 万亿) split off into the unit. Arithmetic is
in :class:`~decimal.Decimal`, so 1.2万 is 12000 and never 11999.999….
A run that looks like a number but cannot be read gives a reason instead of
a value: a wrong number is worse than none.

>>> to_number("一千一百"), to_number("6.5"), to_number("两"), to_number("1,100")
(1100, 6.5, 2, 1100)
>>> to_number("二〇二五"), to_number("二十五万三千二百"), to_number("八九")
(2025, 253200, None)
>>> r = read_numeral("八九亿")
>>> r.value, r.value_hi, r.magnitude, r.kind
(8, 9, '亿', 'pair')
>>> read_numeral("一万二千三百四十五").value
12345
>>> read_numeral("十二百").reason
'units out of order in 十二百'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

__all__ = ["to_number", "read_numeral", "Reading", "HALF_WIDTH", "NUMERAL_CHARS", "APPROX_PAIRS", "NUM"]

# a numeral as written in speeches (no unit), for patterns that embed one (kept for callers of the old API)
NUM = r"(?:\d+(?:[.,]\d+)*|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"

# full-width digits and decimal point → ASCII, one character for one (offsets stay valid)
HALF_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7,
           "捌": 8, "玖": 9}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_MAGS = {"万": 10 ** 4, "萬": 10 ** 4, "亿": 10 ** 8, "億": 10 ** 8}
NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS) + "".join(_MAGS) + "几"
# adjacent digits that name a two-number approximation (七八个 = 7 or 8); any other pair is a digit string
APPROX_PAIRS = frozenset({"一两", "一二", "两三", "二三", "三四", "四五", "五六", "六七", "七八", "八九", "三五"})
_ARABIC = re.compile(r"[0-9]+(?:[,，][0-9]+)*(?:\.[0-9]+)?")
_CN_FRACTION = re.compile(r"[零〇一二三四五六七八九]+")


class _Bad(ValueError):
    """The run looks like a numeral but cannot be read; the message is the reason."""


@dataclass(frozen=True)
class Reading:
    """A numeral read: ``value`` (and ``value_hi`` for a range) in units of ``magnitude``.

    ``kind``: ``exact``, ``pair`` (八九), ``vague`` (几十, 数百, 十几), ``floor`` (上千);
    ``reason`` is set, and the values are None, when the run could not be read.
    """

    value: int | float | None
    value_hi: int | float | None = None
    magnitude: str = ""  # 万, 亿 or 万亿 split off the end of the run
    kind: str = "exact"
    reason: str | None = None


def _arabic(seg: str) -> tuple[Decimal, bool]:
    """An Arabic numeral with optional thousands separators (half or full width) and decimals."""
    head, _, frac = seg.partition(".")
    groups = re.split(r"[,，]", head)
    if len(groups) > 1 and not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
        raise _Bad(f"separators in {seg} do not group thousands")
    return Decimal("".join(groups) + ("." + frac if frac else "")), bool(frac)


def _tokens(s: str) -> list[tuple]:
    """``("N", value, arabic)``, ``("Z",)`` for 零, ``("U", 10|100|1000)``, ``("M", 10**4|10**8)``, ``("J",)`` for 几."""
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if "0" <= c <= "9":
            m = _ARABIC.match(s, i)
            value, has_point = _arabic(m.group(0))
            if has_point and any(c not in _MAGS for c in s[m.end():]):
                raise _Bad(f"a decimal inside {s}")
            out.append(("N", value, True))
            i = m.end()
            continue
        if c in _DIGITS:
            if c == "两" and out and out[-1][0] in "UM" and (i + 1 == len(s) or s[i + 1] in _MAGS):
                raise _Bad(f"两 as the last digit of {s}")  # 十两, 九千两: 两 is a weight there, or a slip
            out.append(("Z",) if _DIGITS[c] == 0 else ("N", Decimal(_DIGITS[c]), False))
        elif c in _UNITS:
            out.append(("U", _UNITS[c]))
        elif c in _MAGS:
            out.append(("M", _MAGS[c]))
        elif c == "几":
            out.append(("J",))
        else:
            raise _Bad(f"{c!r} in {s}")
        i += 1
    return out


def _section(toks: list[tuple], lead: bool, final: bool) -> Decimal:
    """A value below 10 000 written with 十百千 (or one Arabic number of any size).

    ``lead``: the section opens the numeral (十二 may drop its 一); ``final``: nothing follows it, so a
    last digit after 百 or 千 may stand for the next place (一百五 = 150). A skipped place needs 零.
    """
    if len(toks) == 1 and toks[0][0] in "NZ":
        return toks[0][1] if toks[0][0] == "N" else Decimal(0)
    if not toks:
        raise _Bad("a magnitude without a number")
    total, last, pending, zero = Decimal(0), 10 ** 4, None, False
    for i, t in enumerate(toks):
        if t[0] == "N":
            if pending is not None:
                raise _Bad("two digits in a row")
            if t[2] and (t[1] >= 10 or t[1] != t[1].to_integral_value()):
                raise _Bad("an Arabic number before 十百千 must be one digit")
            pending = t[1]
        elif t[0] == "Z":
            if pending is not None or zero or i == 0 or last < 100:
                raise _Bad("a misplaced 零")
            zero = True
        elif t[0] == "U":
            if t[1] >= last:
                raise _Bad("units out of order")
            if last < 10 ** 4 and (t[1] != last // 10 if not zero else t[1] >= last // 10):
                raise _Bad("a missing 零" if not zero else "a misplaced 零")
            if pending is None and not (t[1] == 10 and (i == 0 and lead or zero)):
                raise _Bad("a unit without its digit")
            total += (pending if pending is not None else 1) * t[1]
            last, pending, zero = t[1], None, False
        else:
            raise _Bad("a magnitude out of place")
    if pending is not None:
        if last in (10 ** 4, 10) or zero:
            total += pending
        elif toks[-1][2] or not final:
            raise _Bad("a digit after 百 or 千 without 零")
        else:  # colloquial 一百五 = 150
            total += pending * last // 10
    elif zero:
        raise _Bad("a trailing 零")
    return total


def _simple(toks: list[tuple]) -> bool:
    """A single digit or tens (三, 十二, 三十): what may precede a colloquial 三万五 or 十亿二."""
    return all(t[0] == "N" or t == ("U", 10) for t in toks)


def _after(toks: list[tuple], mag: int, left: list[tuple], final: bool) -> Decimal:
    """What follows a magnitude: 一万[零五十] / 一万[二千] / colloquial 三万[五] = 35000."""
    if not toks:
        return Decimal(0)
    if toks[0][0] == "Z":
        if len(toks) == 1 or toks[1][0] == "Z":
            raise _Bad("a misplaced 零")
        v = _below(toks[1:], mag, True, final)
        if v >= mag // 10:
            raise _Bad("零 before a full section")
        return v
    if len(toks) == 1 and toks[0][0] == "N":
        if toks[0][2]:
            raise _Bad("an Arabic number after a magnitude without 零")
        if not _simple(left) or not final:
            raise _Bad("a digit after a magnitude whose place is unclear")
        return toks[0][1] * (mag // 10)
    v = _below(toks, mag, False, final)
    if v < mag // 10:
        raise _Bad("a missing 零")
    return v


def _below(toks: list[tuple], limit: int, lead: bool, final: bool) -> Decimal:
    v = _wan(toks, lead, final) if limit > 10 ** 4 else _section(toks, lead, final)
    if v >= limit and len(toks) > 1:
        raise _Bad("a section too large for its place")
    return v


def _wan(toks: list[tuple], lead: bool, final: bool) -> Decimal:
    idx = [i for i, t in enumerate(toks) if t[0] == "M" and t[1] == 10 ** 4]
    if not idx:
        return _section(toks, lead, final)
    i = idx[-1]
    if len(idx) > 1:
        raise _Bad("万 twice")
    left = toks[:i]
    return _nonzero(_section(left, lead, final=False)) * 10 ** 4 + _after(toks[i + 1:], 10 ** 4, left, final)


def _exact(toks: list[tuple]) -> Decimal:
    idx = [i for i, t in enumerate(toks) if t[0] == "M" and t[1] == 10 ** 8]
    if not idx:
        return _wan(toks, True, final=True)
    i = idx[-1]
    if len(idx) > 1:
        raise _Bad("亿 twice")
    left = toks[:i]
    if not left:
        raise _Bad("a magnitude without a number")
    return _nonzero(_wan(left, True, final=False)) * 10 ** 8 + _after(toks[i + 1:], 10 ** 8, left, True)


def _nonzero(v: Decimal) -> Decimal:
    if not v:
        raise _Bad("零 before a magnitude")
    return v


def _fraction(s: str) -> tuple[str, Decimal, int]:
    """Split 「三点五万」「一万点零一」: the integer part, the fraction and the magnitude after it (0: no point)."""
    if "点" not in s:
        return s, Decimal(0), 0
    head, _, tail = s.partition("点")
    m = _CN_FRACTION.match(tail)
    mag = tail[m.end():] if m else ""
    if not head or not m or mag not in ("", "万", "亿", "万亿", "萬", "億") or mag and any(c in _MAGS for c in head):
        raise _Bad(f"点 in {s}")
    digits = "".join(str(_DIGITS[c]) for c in m.group(0))
    factor = 1
    for c in mag:
        factor *= _MAGS[c]
    return head, Decimal("0." + digits), factor


def _pair_or_vague(toks: list[tuple], s: str) -> tuple[Decimal, Decimal, str] | None:
    """``(lo, hi, kind)`` for 八九亿 / 十七八 / 几十 / 十几; None when the run is neither."""
    adj = [i for i in range(len(toks) - 1) if toks[i][0] == "N" == toks[i + 1][0]]
    j = [i for i, t in enumerate(toks) if t[0] == "J"]
    if not adj and not j:
        return None
    if len(adj) + len(j) > 1:
        raise _Bad(f"{s} is a digit string, not a number")
    if adj:
        i = adj[0]
        if toks[i][2] or toks[i + 1][2] or not _is_pair(s, toks[i][1], toks[i + 1][1]):
            raise _Bad(f"{s} is a digit string, not a number")
        return _exact(toks[:i + 1] + toks[i + 2:]), _exact(toks[:i] + toks[i + 1:]), "pair"
    i = j[0]
    rest = toks[i + 1:]
    if any(t[0] == "N" and t[2] for t in toks):
        raise _Bad(f"几 beside an Arabic digit in {s}")
    if i == 0 and rest and rest[0][0] in "UM":  # 几十, 几百万: from one to ten of that unit
        lo = _exact([("N", Decimal(1), False)] + rest)
        return lo, lo * 10, "vague"
    if i > 0 and toks[i - 1] == ("U", 10) and all(t[0] == "M" for t in rest):  # 十几, 二十几万: ten more at most
        lo = _exact(toks[:i] + rest)
        scale = 1
        for t in rest:
            scale *= t[1]
        return lo, lo + 10 * scale, "vague"
    raise _Bad(f"几 in {s}")


def _is_pair(s: str, a: Decimal, b: Decimal) -> bool:
    chars = [c for c in s if c in _DIGITS and _DIGITS[c]]
    return any((_DIGITS[x], _DIGITS[y]) == (a, b) and x + y in APPROX_PAIRS for x, y in zip(chars, chars[1:]))


_MAG_SUFFIX = (("万亿", 10 ** 12), ("萬億", 10 ** 12), ("亿", 10 ** 8), ("億", 10 ** 8), ("万", 10 ** 4), ("萬", 10 ** 4))
_STARTS = re.compile(r"[0-9一二两三四五六七八九零〇壹贰貳叁參肆伍陆陸柒捌玖十拾]|几[十拾百佰千仟万萬亿億]")


def _number(v: Decimal, decimal: bool) -> int | float:
    return float(v) if decimal or v != v.to_integral_value() else int(v)


def _value(body: str) -> tuple[Decimal, Decimal | None, str]:
    """``(lo, hi, kind)`` of a run without its 数/上 lead (kind ``exact``, ``pair`` or ``vague``)."""
    head, frac, factor = _fraction(body)
    toks = _tokens(head)
    pv = _pair_or_vague(toks, head)
    if pv:
        if factor:
            raise _Bad(f"{body} mixes an approximation with a decimal")
        return pv
    if factor:
        return (_exact(toks) + frac) * factor, None, "exact"
    return _exact(toks), None, "exact"


def read_numeral(run: str) -> Reading | None:
    """Read one run of numeral characters; see :func:`_read` (results are cached: runs repeat)."""
    if run.isascii() and run.isdigit():
        return Reading(int(run))
    return _read(run)


@lru_cache(maxsize=4096)
def _read(run: str) -> Reading | None:
    """Read one run of numeral characters (Arabic already half-width, see :data:`HALF_WIDTH`).

    A run may open with 数 (数十 = 几十) or 上 (上千: at least a thousand). None when the run holds no
    digit to start a number (百姓, 千万要, 万一, 几家): not a number, nothing to report.

    >>> [(r.value, r.value_hi, r.magnitude, r.kind) for r in map(read_numeral, ["3千万", "几十万", "上千", "1.2万"])]
    [(3000, None, '万', 'exact'), (10, 100, '万', 'vague'), (1000, None, '', 'floor'), (1.2, None, '万', 'exact')]
    """
    lead = run[:1]
    body = "几" + run[1:] if lead == "数" else "一" + run[1:] if lead == "上" else run
    if not _STARTS.match(body) or lead == "上" and not run[1:2] in _UNITS.keys() | _MAGS.keys():
        return None
    mag, factor = "", 1
    for suffix, f in _MAG_SUFFIX:
        if body.endswith(suffix) and len(body) > len(suffix):
            mag, factor = suffix, f
            break
    try:
        lo, hi, kind = _value(body)
    except _Bad as e:
        try:  # 六万七千八百八十二万: the 万 count itself passes 万 (67882 万)
            if mag not in ("万", "萬") or any(c in "亿億" for c in body) or not any(c in "万萬" for c in body[:-1]) \
                    or re.search(r"[万萬百千][一二两三四五六七八九]$", body[:-1]):
                raise
            lo, hi, kind = _value(body[:-1])
            factor = 1
        except _Bad:
            return Reading(None, None, mag, "unreadable", str(e) if run in str(e) else f"{e} in {run}")
    decimal = "." in body or "点" in body
    if lead == "上":
        kind = "floor"
    return Reading(_number(lo / factor, decimal), None if hi is None else _number(hi / factor, False), mag, kind)


def to_number(s: str) -> int | float | None:
    """Convert one numeral to a number (magnitudes included: 三百万 → 3000000); ``None`` when it is not one.

    A string of Chinese digits alone is read place by place (二〇二五 → 2025), as years are written;
    an approximation (八九) or a vague numeral (几十) is not one number and gives None.
    """
    s = s.strip().translate(HALF_WIDTH)
    if not s:
        return None
    if len(s) > 1 and all(c in _DIGITS for c in s) and not any(
            a + b in APPROX_PAIRS for a, b in zip(s, s[1:])):
        return int("".join(str(_DIGITS[c]) for c in s))
    if s.startswith(("数", "上")):
        return None
    r = read_numeral(s)
    if r is None or r.kind != "exact" or r.value is None:
        return None
    factor = dict(_MAG_SUFFIX).get(r.magnitude, 1)
    v = Decimal(str(r.value)) * factor
    return _number(v, isinstance(r.value, float))
