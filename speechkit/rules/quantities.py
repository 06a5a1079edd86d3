"""Quantities: number, unit and comparator, as the spec's metrics.

Every form is data in ``data/quantities.yaml`` (units, comparators, forms, each
with examples and counterexamples); numerals are read by
:mod:`speechkit.numerals`, numeral runs found by :mod:`speechkit.rules.numbers`.
One pass over the text, bounded work per numeral: linear time.

A form that is not understood gives the span with ``value`` None and a
``reason``, never a guessed number.

>>> q = find_quantities("城镇新增就业12万人以上")[0]
>>> q.value, q.unit, q.op, q.text
(12, '万人', '>=', '12万人以上')
>>> [(q.value, q.value_hi, q.op) for q in find_quantities("增长6%-6.5%")]
[(6, 6.5, 'range')]
>>> q = find_quantities("融资亿元以上")[0]
>>> q.value is None, q.unit, q.op
(True, '亿元', '>=')
>>> [(q.value, q.value_hi, q.unit, q.op) for q in find_quantities("总投资八九亿元，带动上千人就业")]
[(8, 9, '亿元', 'range'), (1000, None, '人', '>=')]
>>> q = find_quantities("增加3万2人")[0]
>>> q.value, q.unit, q.reason
(None, '人', 'an Arabic number after a magnitude without 零 in 3万2')
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from ..clean import find_gaps
from ..lexicon import LexiconError, load
from ..numerals import APPROX_PAIRS, HALF_WIDTH, Reading, read_numeral
from .numeral_runs import runs

__all__ = ["Quantity", "find_quantities"]

_OPS = {"=", ">=", "<=", ">", "<", "~", "range"}
_MAG = {"": 1, "万": 10 ** 4, "萬": 10 ** 4, "亿": 10 ** 8, "億": 10 ** 8, "万亿": 10 ** 12, "萬億": 10 ** 12}
_SPACE = " \u3000\u00a0"
# after the numeral: spaces (PDF), 多/余, 个 before a magnitude (两个亿), a magnitude, 多/余, spaces
_TAIL = re.compile(r"(?P<sp>[ \u3000\u00a0]{0,2})(?P<approx>[多余](?=[个万亿萬億]|[^\W\d_]))?(?:个(?=亿(?![^，。；、\s]{0,4}级)))?"
                   r"(?P<mag>万亿|亿|万)?(?P<approx2>[多余](?![多余]))?[ \u3000\u00a0]{0,2}")
_TAIL_STARTS = frozenset(_SPACE + "多余个万亿萬億（(")  # what _TAIL or a range connector can open with
_LONE = frozenset("一二两三四五六七八九十0123456789")  # a digit that, alone, reads as a bare number
_INCL = re.compile(r"[（(](?P<not>不)?含[)）]")
_PCT_WORDS = (("百分之", "%"), ("千分之", "‰"), ("万分之", "‱"))
_GUARD_BEFORE = set("0123456789.×xX*＊第#＃/／") | set("ABCDEFGHIJKLMNOPQRSTUVWYZabcdefghijklmnopqrstuvwyz")
_MINUS = "-－−"
# a last digit standing for the next place (三万五 = 35000, 一百五 = 150)
_COLLOQUIAL = re.compile("[百千万亿佰仟萬億][一二两三四五六七八九壹贰叁肆伍陆柒捌玖]$")
_PLAIN_ARABIC = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_CN_DIGITS = "零〇一二两三四五六七八九"


@dataclass(frozen=True)
class Quantity:
    """A quantity: ``span`` offsets into the text given; ``value`` in the unit as written.

    ``value`` is None when the number is missing from the text (redacted) or could not be read;
    ``reason`` then says why (None for a redacted number, whose unit alone is left).
    """

    span: tuple[int, int]
    text: str
    value: float | int | None
    value_hi: float | int | None
    unit: str
    op: str
    rule: str
    role: str = "target"  # or "baseline" (a figure being changed from), "count" (items just named), "policy" (what a
    # policy carried out does: 「落实…提高到15万元的优惠政策」)
    reason: str | None = None

    def as_metric(self) -> dict:
        """The spec's metric object."""
        return {"text": self.text, "value": self.value, "value_hi": self.value_hi, "unit": self.unit, "op": self.op}


@dataclass(frozen=True)
class _Lex:
    units: dict  # base unit -> what it needs ("", "within", "per")
    durations: frozenset  # units after which 内 means "within" (a service standard)
    smaller: dict  # unit -> coins below it (元 -> 角 毛 分)
    lens: tuple
    not_with_one: frozenset
    per: frozenset
    per_lens: tuple
    not_after: dict
    before: dict  # last character -> ((word, op, characters that must not precede it), ...), longest first
    after: tuple  # (word, op, only after a duration), longest first
    connector: re.Pattern
    heads: re.Pattern
    lead_not_after: dict  # 数/上 and the characters before them that make a word (人数, 线上)
    figurative: tuple  # (the verbs before a 一 that is a metaphor, its units): 走出一条…之路
    takers: frozenset  # characters that begin something a number takes after it (a unit, 万, 多, a range's 至…)
    session: tuple  # (what follows, what precedes) a count of 次 that names a session: 「十四届六次全会」
    manner: tuple  # (a count said twice: 「一项一项」, 一次 of a one-stop service: 「一次办结」, none at all: 「一个也不」)
    programme_units: frozenset  # the units of a count that names a programme: 「十项重大工程」「三张清单」
    not_after_unless: dict = field(default_factory=dict)  # unit -> words after it that lift not_after (家 + 人才)


def _need(d: dict, key: str, where: str):
    if not d.get(key):
        raise LexiconError(f"data/quantities.yaml: {where} has no {key}")
    return d[key]


def _units(data: dict) -> tuple[dict, frozenset, frozenset, dict]:
    units, one, dur, smaller = {}, set(), set(), {}
    for g in _need(data, "units", "the file"):
        gid = _need(g, "id", "a unit group")
        if g.get("needs", "") not in ("", "within", "per"):
            raise LexiconError(f"data/quantities.yaml: unit group {gid}: needs must be within or per")
        for w in _need(g, "words", f"unit group {gid}"):
            units[str(w)] = g.get("needs", "")
        one |= set(g.get("not_with_one") or ())
        if g.get("duration"):
            dur |= set(g["words"])
        if g.get("smaller"):
            smaller.update(dict.fromkeys(g["words"], "".join(g["smaller"])))
    return units, frozenset(one), frozenset(dur), smaller


def _comparators(data: dict) -> tuple[dict, tuple]:
    before, after = [], []
    for c in _need(data, "comparators", "the file"):
        cid = _need(c, "id", "a comparator")
        if c.get("op") not in _OPS:
            raise LexiconError(f"data/quantities.yaml: comparator {cid}: op {c.get('op')!r} "
                               f"is not one of {sorted(_OPS)}")
        guards = c.get("not_after") or {}
        before += [(w, c["op"], guards.get(w, "")) for w in c.get("before") or ()]
        after += [(w, c["op"], cid == "within") for w in c.get("after") or ()]
    by_last: dict = {}
    for entry in sorted(before, key=lambda x: -len(x[0])):
        by_last.setdefault(entry[0][-1], []).append(entry)
    return ({k: tuple(v) for k, v in by_last.items()}, tuple(sorted(after, key=lambda x: -len(x[0]))))


@lru_cache(maxsize=1)
def _lexicon() -> _Lex:
    data = load("quantities")
    units, one, dur, smaller = _units(data)
    before, after = _comparators(data)
    rules = {r["id"]: r for r in _need(data, "rules", "the file")}
    pairs = set(rules["approx-pair"].get("words") or ())
    if pairs != APPROX_PAIRS:
        raise LexiconError(f"data/quantities.yaml: approx-pair words {sorted(pairs)} differ from numerals.APPROX_PAIRS")
    conn = "|".join(re.escape(w) for w in sorted(_need(rules["range"], "words", "rule range"), key=len, reverse=True))
    heads = "|".join(map(re.escape, _need(rules["programme-name"], "words", "rule programme-name")))
    per = frozenset(_need(data, "per_units", "the file"))
    lead = {**(rules["vague"].get("not_after") or {}), **(rules["floor"].get("not_after") or {})}
    takers = frozenset(u[0] for u in units) | frozenset(w[0] for w in rules["range"]["words"]) | _TAIL_STARTS
    return _Lex(units, dur, smaller, tuple(sorted({len(u) for u in units}, reverse=True)), one, per,
                tuple(sorted({len(u) for u in per}, reverse=True)), dict(data.get("not_after") or {}), before, after,
                re.compile(rf"[ \u3000]*(?:[（(]含[)）])?[ \u3000]*(?:{conn})[ \u3000]*"),
                re.compile(rf"[\u4e00-\u9fff“\"]{{0,5}}?(?:{heads})"), lead,
                (re.compile(_need(rules["figurative-one"], "pattern", "rule figurative-one")),
                 frozenset(_need(rules["figurative-one"], "units", "rule figurative-one"))), takers,
                (re.compile(_need(rules["session-ordinal"], "pattern", "rule session-ordinal")),
                 re.compile(_need(rules["session-ordinal"], "after_term", "rule session-ordinal"))),
                (re.compile(_need(rules["reduplicated-count"], "pattern", "rule reduplicated-count")),
                 re.compile(_need(rules["reduplicated-count"], "once", "rule reduplicated-count")),
                 re.compile(_need(rules["reduplicated-count"], "none_at_all", "rule reduplicated-count"))),
                frozenset(_need(rules["programme-name"], "units", "rule programme-name")),
                {k: tuple(v) for k, v in (data.get("not_after_unless") or {}).items()})


@dataclass
class _Part:
    """One numeral with what follows it, before any comparator after the unit."""

    start: int  # the numeral (or 百分之)
    run: str
    end: int  # after the unit, or after the numeral when there is none
    reading: Reading
    mag: str = ""
    base: str = ""
    needs: str = ""
    approx: bool = False
    percent_words: bool = False
    fraction: bool = False  # 「三分之一」: a share, no unit

    @property
    def unit(self) -> str:
        return self.mag + self.base

    @property
    def bare(self) -> bool:
        return not self.mag and not self.base and not self.fraction


def _word_at(norm: str, p: int, words, lens, not_after: dict, unless: dict | None = None) -> str | None:
    """The longest of ``words`` at ``p`` that is not the start of a longer word (个人, 人民), unless what follows is
    one of ``unless`` (「30家人才平台」: 家 + 人才, not 家人)."""
    for n in lens:
        w = norm[p:p + n]
        if len(w) == n and w in words:
            nxt = norm[p + n:p + n + 1]
            if not nxt or nxt not in (not_after.get(w) or "") or \
                    (unless and norm.startswith(unless.get(w, ()), p + n)):
                return w
    return None


def _unit(norm: str, p: int, lex: _Lex, ahead: str | None = None) -> tuple[str, int, str] | None:
    """``(base unit, end, needs)`` at ``p``, a per-unit (元/吨) included; ``ahead``: the per-unit written
    before the number (「每立方米30微克」), read by a unit that needs one."""
    w = _word_at(norm, p, lex.units, lex.lens, lex.not_after, lex.not_after_unless)
    if w is None:
        return None
    end, needs = p + len(w), lex.units[w]
    if norm[end:end + 1] in ("/", "／"):
        per = _word_at(norm, end + 1, lex.per, lex.per_lens, {})
        if per:
            return f"{w}/{per}", end + 1 + len(per), "" if needs == "per" else needs
    if needs == "per" and ahead:
        return f"{w}/{ahead}", end, ""
    return (None if needs == "per" else (w, end, needs))


def _per_ahead(norm: str, s: int, lex: _Lex) -> str | None:
    """The per-unit of 「每立方米30微克」, right before the number at ``s`` (rule ``per-ahead``)."""
    for n in lex.per_lens:
        a = s - n - 1
        if a >= 0 and norm[a] == "每" and norm[a + 1:s] in lex.per:
            return norm[a + 1:s]
    return None


def _reread(norm: str, s: int, run: str) -> tuple[int, str, Reading | None]:
    """A digit string whose first 一 ends the word before it (唯一一家) is read without that 一."""
    rd = read_numeral(run)
    if rd is not None and rd.reason and run.startswith("一") and len(run) > 1 and s > 0 and \
            "\u4e00" <= norm[s - 1] <= "\u9fff":
        rd2 = read_numeral(run[1:])
        if rd2 is not None and not rd2.reason:
            return s + 1, run[1:], rd2
    return s, run, rd


def _bare_magnitude(norm: str, s: int, run: str, lex: _Lex) -> Reading | None:
    """「突破万亿元」「超千亿元」: a magnitude with no numeral before it, right after a comparator, is one of it
    (rule ``bare-magnitude``); alone (「千亿级」「万亿」 in a name) it reads as nothing."""
    if run not in _BARE_MAGNITUDES or norm[s + len(run):s + len(run) + 1] == "级" or _pre(norm, s, lex) is None:
        return None  # 「超千亿级产业集群」: a class of scale names a kind of cluster, no amount
    rd = read_numeral("一" + run)
    return None if rd is None or rd.value is None else Reading(rd.value, None, rd.magnitude, "bare-magnitude")


_BARE_MAGNITUDES = frozenset(("百", "千", "万", "亿", "百万", "千万", "百亿", "千亿", "万亿"))


def _part(norm: str, s: int, e: int, lex: _Lex) -> _Part | None:
    s, run, rd = _reread(norm, s, norm[s:e])
    if rd is None:
        rd = _bare_magnitude(norm, s, run, lex)
    if rd is None:
        return None
    if rd.value is not None and _COLLOQUIAL.search(run) and (run[-1] == "一" or _starts_word(norm, e, lex)):
        cut = read_numeral(run[:-1])  # 10万一线职工, 5千一类: the 一 opens the next word, it is no colloquial 千
        if cut is not None and cut.value is not None:
            run, e, rd = run[:-1], e - 1, cut
    for words, unit in _PCT_WORDS:
        if norm.startswith(words, s - 3) and s >= 3:
            return _Part(s - 3, run, e, rd, base=unit, percent_words=True)
    den = _denominator(norm, s)
    if den is not None:  # 「压减三分之一以上」: the share, numerator over denominator, from the denominator on
        share = None if rd.value is None or rd.magnitude else Reading(rd.value / den[1], kind="fraction")
        return _Part(den[0], run, e, share or Reading(None, reason=f"an unreadable share {norm[den[0]:e]}"),
                     fraction=True)
    t = _TAIL.match(norm, e)
    mag = rd.magnitude
    if t["mag"] and mag:
        rd = Reading(None, None, mag, "unreadable", f"two magnitudes in {run}{t.group(0)}")
    p = _Part(s, run, e, rd, mag or t["mag"] or "", approx=bool(t["approx"] or t["approx2"]))
    u = None
    if len(run) > 1 and run[-1] in "千百" and not t["mag"]:
        u = _unit(norm, e - 1, lex)  # 3千瓦, 4657千米, 5百分点: the 千/百 opens the unit (五千米 stays 5000 米)
        if u is not None and u[0][0] == run[-1] and (_PLAIN_ARABIC.fullmatch(run[:-1]) or rd.value is None
                                                      or _unit(norm, e, lex) is None):
            rd2 = read_numeral(run[:-1]) or rd
            p = _Part(s, run[:-1], e - 1, rd2, rd2.magnitude)  # 1200万千瓦: 1200 万千瓦
        else:
            u = None
    ahead = _per_ahead(norm, s, lex)
    u = u or _unit(norm, t.end(), lex, ahead)
    if u is None and rd.kind == "bare-magnitude":
        return None  # 「达到万兆」: a bare magnitude is an amount only of a unit
    if u is not None:
        p.base, p.end, p.needs = u
        if ahead and u[0].endswith("/" + ahead) and "/" not in norm[t.end():u[1]] and "／" not in norm[t.end():u[1]]:
            p.start = s - len(ahead) - 1  # 「每立方米30微克」: the span starts at 每
    elif p.mag:
        p.end = t.end("mag") if t["mag"] else e
        nxt = norm[p.end:p.end + 1]
        if nxt and nxt in (lex.not_after.get(p.mag[-1]) or ""):
            return None  # 万物, 万众
        if t["approx2"]:
            p.end = t.end("approx2")
    return p


def _starts_word(norm: str, e: int, lex: _Lex) -> bool:
    """The text at ``e`` is a word of its own: no unit, 多/余 or comparator that a number would take."""
    c = norm[e:e + 1]
    return ("\u4e00" <= c <= "\u9fff" and c not in "多余" and _unit(norm, e, lex) is None
            and not any(norm.startswith(w, e) for w, _, _ in lex.after))


_DENOMINATOR = re.compile(r"(?:[1-9]\d{0,2}|[一二三四五六七八九]?十[一二三四五六七八九]?|[二两三四五六七八九])分之$")


def _denominator(norm: str, s: int) -> tuple[int, int] | None:
    """Where the denominator of a share ends before the numerator at ``s`` starts, and its value (「三分之一」: 3;
    rule ``fraction``), or ``None``: no 分之 before ``s``, or 百分之/千分之/万分之 (percent words)."""
    if s < 3 or not norm.startswith("分之", s - 2) or norm.startswith(("百分之", "千分之", "万分之"), s - 3):
        return None
    m = _DENOMINATOR.search(norm, max(0, s - 6), s)
    if m is None or m.start() == m.end() - 2:
        return None
    rd = read_numeral(norm[m.start():m.end() - 2])
    if rd is None or not isinstance(rd.value, int) or rd.value < 2 or rd.magnitude:
        return None
    if norm[m.start():m.end()] == "十分之" and norm[s:s + 1] == "一" \
            and _rule_pattern("fraction", "adverb_after").match(norm, s + 1):
        return None  # 「十分之一般」: the adverb 十分 (very), no share
    return m.start(), rd.value


def _guarded(norm: str, s: int, lex: _Lex) -> bool:
    """A numeral inside a code, an ordinal or a word (第3, 4A, 7×24, 人数十), or a denominator (三 of 三分之一: the
    share is read from its numerator)."""
    prev = norm[s - 1] if s else ""
    if prev in _GUARD_BEFORE:
        return True
    if norm.startswith("分之", s - 2) and s >= 2 and not norm.startswith(("百分之", "千分之", "万分之"), s - 3) \
            and _denominator(norm, s) is None:
        return True
    return bool(prev) and prev in (lex.lead_not_after.get(norm[s]) or "")


def _pre(norm: str, start: int, lex: _Lex) -> tuple[str, int] | None:
    """``(op, start of the word)`` of a comparator right before ``start`` (a PDF space between them allowed)."""
    if start and norm[start - 1] in _SPACE:
        start -= 1
    for w, op, guard in lex.before.get(norm[start - 1] if start else "", ()):
        a = start - len(w)
        if a >= 0 and norm.startswith(w, a) and not (a > 0 and norm[a - 1] in guard):
            return op, a
    return None


def _post(norm: str, p: int, lex: _Lex, duration: bool) -> tuple[str, int] | None:
    """``(op, end)`` of a comparator after the unit, with 「（含）」/「（不含）」 before or after it
    (a PDF space before it allowed)."""
    if norm[p:p + 1] in _SPACE and p < len(norm):
        p += 1
    m = _INCL.match(norm, p)
    q = m.end() if m else p
    for w, op, within_only in lex.after:
        if norm.startswith(w, q) and (duration or not within_only):
            end = q + len(w)
            if m and m["not"]:
                op = {">=": ">", "<=": "<"}.get(op, op)
            elif not m:
                m2 = _INCL.match(norm, end)
                end = m2.end() if m2 and not m2["not"] else end
            return op, end
    return None


def _num(v: Decimal, exact_int: bool):
    return int(v) if exact_int and v == v.to_integral_value() else float(v)


def _dec(v) -> Decimal:
    return Decimal(str(v))


def _bare_candidates(a: _Part, b: _Part) -> list[Decimal]:
    """What a bare first number of a range may mean, in the second's base unit, preferred first:
    sharing the second's magnitude (两到三万), its 十百千 (两到三百), or standing alone (从8500到3万)."""
    v, fb = _dec(a.reading.value), _MAG[b.mag]
    out = [v * fb]
    if re.fullmatch(r"[0-9一二两三四五六七八九]", a.run) and re.fullmatch(r"[一二两三四五六七八九][十百千]", b.run[:2]) \
            and len(b.run) - len(b.mag) == 2:
        out.insert(0, v * {"十": 10, "百": 100, "千": 1000}[b.run[1]] * fb)
    out.append(v)
    return out


def _range_values(a: _Part, b: _Part) -> tuple | None:
    """``(value, value_hi, reason)`` in the second number's unit; None when the two are no range."""
    if b.bare or a.approx or b.approx or a.percent_words or b.percent_words or \
            a.reading.kind not in ("exact", "unreadable") or b.reading.kind not in ("exact", "unreadable"):
        return None
    if a.base and a.base != b.base:
        return None
    if a.reading.value is None or b.reading.value is None:
        return None, None, a.reading.reason or b.reading.reason
    fb = _MAG[b.mag]
    hi = _dec(b.reading.value) * fb
    cands = [_dec(a.reading.value) * _MAG[a.mag]] if (a.mag or a.base) else _bare_candidates(a, b)
    lo = next((c for c in cands if c < hi), None)
    if lo is None:
        return None, None, "the range runs downward"
    return _num(lo / fb, isinstance(a.reading.value, int)), b.reading.value, None


def _joined(norm: str, end: int, rs: list, i: int, lex: _Lex) -> int | None:
    """Index of the run a range connector at ``end`` joins to the number before it (「1万-5万元」「从8500到3万」);
    runs inside a unit (个百分点) are passed over."""
    while i < len(rs) and rs[i][0] < end:
        i += 1
    m = lex.connector.match(norm, end)
    return i if i < len(rs) and m and m.end() > end and m.end() == rs[i][0] else None


def _programme(norm: str, p: _Part, lex: _Lex) -> bool:
    """「十项重大工程」「八项规定」: a small Chinese count that names a programme."""
    return (p.base in lex.programme_units and not re.search(r"[0-9]", p.run) and p.reading.value is not None
            and p.reading.value <= 10 and bool(lex.heads.match(norm, p.end)))


_CHANGE_TO = re.compile(r"^(?:的[\u4e00-\u9fff]{0,6})?(?:降至|降到|降低到|下调至|下调到|提高到|提高至|上调至|上调到|调整为|调整到|减至|增至|升至)")


def _role(text: str, s: int, e: int, num: str) -> str:
    head = text[max(0, s - 2):s]
    if _policy_carried(text, s, e):
        return "policy"  # 「落实…起征点提高到15万元的优惠政策」: what the policy carried out does, not a target
    if head.endswith(("现行", "由", "从")) or _CHANGE_TO.match(text[e:e + 12]):
        return "baseline"
    # 「城东、城西两条河」: a Chinese count right after the items it counts
    if not num[0].isdigit() and s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and "、" in text[max(0, s - 15):s]:
        seg = text[text.rfind("、", 0, s) + 1:s]
        if seg and not re.search(r"[建设造修改完成实施打开新增]", seg):
            return "count"
    return "target"


def _policy_carried(text: str, s: int, e: int) -> bool:
    """The figure at ``text[s:e]`` stands inside a policy carried out (``policy_carried`` of data/quantities.yaml)."""
    if "策" not in text and "措" not in text:
        return False  # most texts name no policy or measure
    before, after = _policy_patterns()
    if after.search(text[e:e + 40]) is None:
        return False
    win = text[max(0, s - 40):s]
    phrase = win[max(win.rfind(c) for c in "，,；;。：:") + 1:]  # the figure's own phrase
    return before.search(phrase) is not None and "延续" not in phrase  # 「延续执行…政策」: a policy extended


@lru_cache(maxsize=1)
def _policy_patterns() -> tuple[re.Pattern, re.Pattern]:
    d = load("quantities")["policy_carried"]
    return re.compile(d["before"]), re.compile(d["after"])


@lru_cache(maxsize=None)
def _rule_pattern(rule_id: str, key: str = "pattern") -> re.Pattern:
    """The pattern ``key`` of rule ``rule_id`` of data/quantities.yaml (every-one 每一位, distributive-one 一户一策,
    fraction's adverb_after); a missing one is a LexiconError naming the file."""
    rules = {r["id"]: r for r in load("quantities")["rules"]}
    return re.compile(_need(_need(rules, rule_id, "the rules list"), key, f"rule {rule_id}"))


@lru_cache(maxsize=1)
def _measure_units() -> frozenset:
    """Units that measure rather than count (data/quantities.yaml ``measure_units``)."""
    return frozenset(load("quantities")["measure_units"])


_FULL_WIDTH = re.compile("[０-９．]")
_FULL_WIDTH_RUN = re.compile("[０-９．]+")
_ARABIC_DIGIT = re.compile("[0-9]")
_CN_UNIT = re.compile("[十百千万亿]")


def _rule(text: str, p: _Part, lex: _Lex) -> str:
    """The form that read ``p`` (an id of data/quantities.yaml rules)."""
    if p.reading.value is None:
        return "unreadable"
    if p.percent_words:
        return "percent-words"
    if p.fraction:
        return "fraction"
    kinds = {"pair": "approx-pair", "vague": "vague", "floor": "floor", "bare-magnitude": "bare-magnitude"}
    if p.reading.kind in kinds:
        return kinds[p.reading.kind]
    if p.approx:
        return "more-than"
    if "/" in p.base:
        return "compound-unit"
    if p.base in lex.durations:
        return "service-standard"
    if _FULL_WIDTH.search(text, p.start, p.start + len(p.run)):
        return "full-width"
    if "," in p.run or "，" in p.run:
        return "thousands"
    arabic = bool(_ARABIC_DIGIT.search(p.run))
    if arabic and (_CN_UNIT.search(p.run) or "个" in text[p.start:p.end]):
        return "digits-magnitude"
    if not arabic and (len(p.run) > 2 or "个亿" in text[p.start:p.end]):
        return "chinese-numeral" if "个亿" not in text[p.start:p.end] else "digits-magnitude"
    return "number-unit"


def _space_split(norm: str, s: int) -> int | None:
    """Start of the digits before 「1 200」: digits split by a space (a thousands space or two numbers)."""
    if s >= 2 and norm[s - 1] in _SPACE and norm[s - 2].isdigit() and norm[s].isdigit():
        a = s - 2
        while a > 0 and a > s - 34 and (norm[a - 1].isdigit() or norm[a - 1] in ".,，" + _SPACE):
            a -= 1
        return a
    return None


def _op(pre, post, p: _Part) -> str:
    if p.reading.value_hi is not None:
        return post[0] if post else "range"
    if p.approx:
        return ">"
    if p.reading.kind == "floor":
        return ">="
    return post[0] if post else pre[0] if pre else "="


def _session(norm: str, p: _Part, lex: _Lex) -> bool:
    """「县委十四届六次全会」: a count of 次 that names a session (rule ``session-ordinal``)."""
    return p.base == "次" and p.run != "两" and (lex.session[0].match(norm, p.end) is not None
                               or lex.session[1].search(norm, max(0, p.start - 6), p.start) is not None)


def _manner(norm: str, p: _Part, lex: _Lex) -> bool:
    """「一项一项整改」「一次办结」: a count said twice, or 一次 of a one-stop service (rule ``reduplicated-count``)."""
    return (lex.manner[0].match(norm, p.start) is not None
            or lex.manner[0].fullmatch(norm, max(0, p.start - (p.end - p.start)), p.end) is not None
            or lex.manner[1].match(norm, p.start) is not None
            or (p.run == "一" and lex.manner[2].match(norm, p.end) is not None))


def _single(text: str, norm: str, p: _Part, lex: _Lex) -> Quantity | None:
    if p.bare or _programme(norm, p, lex) or _session(norm, p, lex) or _manner(norm, p, lex):
        return None
    if p.reading.value == 1 and p.run == "一" and (p.base in lex.not_with_one or (
            p.base in lex.figurative[1] and lex.figurative[0].search(norm, max(0, p.start - 3), p.start))
            or _rule_pattern("every-one").search(norm, max(0, p.start - 1), p.start)
            or _rule_pattern("distributive-one").match(norm, p.start)
            or _rule_pattern("figurative-noun").match(norm, p.start)):
        return None
    post = _post(norm, p.end, lex, duration=p.base in lex.durations)
    pre = _pre(norm, p.start, lex)
    if p.needs == "within" and not (post and post[0] in ("<=", "<") or pre):
        return None
    reason = p.reading.reason
    start = p.start
    split = _space_split(norm, p.start)
    if split is not None:
        start, reason = split, "digits split by a space: a thousands space or two numbers"
    elif p.start > 0 and norm[p.start - 1] in _MINUS:
        start, reason = p.start - 1, "a minus sign or a broken range before the number"
    elif p.base in lex.smaller and re.match(rf"[0-9{_CN_DIGITS}]{{1,3}}[{lex.smaller[p.base]}]", norm[p.end:p.end + 4]):
        reason = "the amount goes on below the unit (角/分)"
    a = pre[1] if pre else start
    b = post[1] if post else p.end
    value, hi = (None, None) if reason else (p.reading.value, p.reading.value_hi)
    role = _role(text, p.start, b, p.run)
    if role == "count" and (p.reading.kind == "bare-magnitude" or p.base in _measure_units() or p.fraction
                            or p.percent_words):
        role = "target"  # 「…、力争规模突破万亿元」「汽车、家电消费券两亿元」「…会议、把文件压减三分之一」: a magnitude,
        # a measure, a share or a percentage counts no items
    return Quantity((a, b), text[a:b], value, hi, p.unit, _op(pre, post, p), _rule(text, p, lex), role, reason)


def _range(text: str, norm: str, a: _Part, b: _Part, lex: _Lex) -> Quantity | None:
    vals = _range_values(a, b)
    if vals is None:
        return None
    value, hi, reason = vals
    post = _post(norm, b.end, lex, duration=b.base in lex.durations)
    start = a.start - 1 if a.start > 0 and norm[a.start - 1] == "从" else a.start
    end = post[1] if post else b.end
    op = post[0] if post else "range"
    return Quantity((start, end), text[start:end], value, None if reason else hi, b.unit, op,
                    "unreadable" if reason else "range", "target", reason)


def find_quantities(text: str, gaps: bool = True) -> list[Quantity]:
    """Quantities in ``text``, left to right; see the module docstring. ``gaps``: read the units a removed
    number left behind (rule ``missing-number``); an extractor keeps only those its document shows are missing
    numbers (:meth:`speechkit.clean.Cleaned.missing_numbers`).

    >>> [(q.value, q.unit, q.role) for q in find_quantities("将现行5%的征收率降至3%")]
    [(5, '%', 'baseline'), (3, '%', 'target')]
    """
    lex = _lexicon()
    norm = _FULL_WIDTH_RUN.sub(lambda m: m.group(0).translate(HALF_WIDTH), text)  # same length, offsets hold
    rs = list(runs(norm))
    found: list[Quantity] = []
    pos = i = 0  # text before pos is read; a unit may hold numeral characters (个百分点, 千米)
    while i < len(rs):
        s, e = rs[i]
        i += 1
        if s < pos:
            continue
        if e - s == 1 and norm[s] in _LONE and norm[e:e + 1] not in lex.takers and norm[s - 1:s] != "之":
            pos = e  # 「进一步」「统一」: a lone digit that no unit, magnitude or range follows is no quantity
            continue
        a = None if _guarded(norm, s, lex) else _part(norm, s, e, lex)
        j = _joined(norm, a.end if a else e, rs, i, lex)
        if a is None:  # 第3-5条: the second number of a guarded range goes too
            pos = rs[j][1] if j is not None else e
            continue
        q = None
        if j is not None:
            b = _part(norm, *rs[j], lex)
            q = _range(text, norm, a, b, lex) if b is not None else None
        q = q or _single(text, norm, a, lex)
        if q is not None:
            found.append(q)
        pos = q.span[1] if q is not None else e
    if gaps:
        found += _missing_numbers(text, found, lex)
    found.sort(key=lambda q: q.span)
    return [_reached(text, q, found) for q in found] if _reach_first().search(text) else found


_CLAUSE_BREAK = re.compile(r"[，,。；;：:、！？!?]")


@lru_cache(maxsize=1)
def _reach_first() -> re.Pattern:
    """The first characters of the adverbs that reach a figure (至少 最多…): a text with none is not read for them."""
    return re.compile("[" + "".join(sorted({w[0] for w, _ in _reach_words()})) + "]")


@lru_cache(maxsize=1)
def _reach_words() -> tuple:
    """``(word, op)`` of the comparators' ``reach`` adverbs, longest first."""
    out = [(w, c["op"]) for c in load("quantities")["comparators"] for w in c.get("reach") or ()]
    return tuple(sorted(out, key=lambda x: -len(x[0])))


def _reached(text: str, q: Quantity, found: list) -> Quantity:
    """「每人至少走访服务企业8家」: an adverb of a floor or a ceiling before the verb gives its op to the clause's one
    figure after it (a figure with an op of its own, or another figure between, keeps its own)."""
    if q.op != "=" or q.role != "target":
        return q
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, q.span[0] - 40), q.span[0])),
                default=max(0, q.span[0] - 40))  # the clause before the figure (40 characters at the most)
    stretch = text[start:q.span[0]]
    for word, op in _reach_words():
        at = stretch.rfind(word)
        if at >= 0 and "的" not in stretch[at:] and stretch.count("“", 0, at) <= stretch.count("”", 0, at) \
                and not any(start <= o.span[0] < q.span[0] for o in found if o is not q):
            return replace(q, op=op)  # not a superlative modifying a noun (床位最多的…), nor a name in quotes (“最多跑一次”)
    return q


def _missing_numbers(text: str, found: list[Quantity], lex: _Lex) -> list[Quantity]:
    """Numbers removed from the text: the unit stays, the value is null."""
    out = []
    taken = sorted(q.span for q in found)
    for g in find_gaps(text):
        i = bisect_left(taken, (g.start, g.start))
        if any(s < g.end and g.start < e for s, e in taken[max(0, i - 1):i + 1]):
            continue
        post = _post(text, g.end, lex, duration=False)
        e = post[1] if post else g.end
        op = ">" if g.rule == "more-than-unit" else post[0] if post else "="
        out.append(Quantity((g.start, e), text[g.start:e], None, None, g.unit, op, "missing-number"))
    return out
