"""Load and validate the data files under ``speechkit/data``.

Every rule file is YAML; rules carry ``examples`` (and usually
``counterexamples``) that the test suite turns into one case each. Loading
validates the shape so that a malformed rule fails at load time with the
file and rule named, not deep inside extraction.

>>> sorted(load("noise"))
['gap_rules', 'inline_rules', 'line_rules', 'raw_rules', 'redaction']
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

try:
    from re import _parser as _sre_parse  # Python 3.11+
except ImportError:  # Python 3.10
    import sre_parse as _sre_parse

__all__ = ["load", "load_words", "compile_rules", "LexiconError", "scan", "starts_of", "skippable", "required",
           "one_character", "characters_of", "first_characters", "required_words",
           "scan_plan", "scan_all"]


class LexiconError(ValueError):
    pass


#: libyaml's safe loader when PyYAML was built with it (several times faster), else the pure-Python one
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def _load_text(name: str) -> str:
    return resources.files("speechkit").joinpath("data", name).read_text(encoding="utf-8")


def load(name: str) -> dict:
    """Parse ``data/<name>.yaml`` (a fresh object each call: callers may modify it)."""
    try:
        data = yaml.load(_load_text(f"{name}.yaml"), Loader=_LOADER)
    except yaml.YAMLError as e:
        raise LexiconError(f"data/{name}.yaml: not valid YAML: {e}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"data/{name}.yaml: top level must be a mapping")
    from .schema import validate

    validate(name, data)
    return data


def load_words(name: str) -> list[str]:
    """Lines of ``data/<name>.txt`` without comments and blanks."""
    out = []
    for line in _load_text(f"{name}.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def compile_rules(rules: list[dict], where: str, flags=re.M) -> list[tuple[str, re.Pattern, dict]]:
    """Validate rules (``id``, ``pattern``, ``examples``) and compile their patterns."""
    out, seen = [], set()
    for i, rule in enumerate(rules):
        rid = rule.get("id")
        if not rid:
            raise LexiconError(f"{where}: rule #{i} has no id")
        if rid in seen:
            raise LexiconError(f"{where}: duplicate rule id {rid!r}")
        seen.add(rid)
        if not rule.get("examples"):
            raise LexiconError(f"{where}: rule {rid!r} has no examples")
        try:
            pat = re.compile(rule["pattern"], flags)
        except (KeyError, re.error) as e:
            raise LexiconError(f"{where}: rule {rid!r}: bad pattern: {e}") from None
        out.append((rid, pat, rule))
    return out


@lru_cache(maxsize=None)
def _compiled_starts(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def starts_of(rule: dict) -> re.Pattern | None:
    """The compiled ``starts`` of a rule: a class of the characters its matches can begin with."""
    s = rule.get("starts")
    return _compiled_starts(s.strip()) if s else None


def scan(pat: re.Pattern, starts: re.Pattern | None, text: str, regions=None):
    """Non-empty, non-overlapping matches of ``pat`` in ``text``, tried only where ``starts`` matches:
    the matches of ``pat.finditer`` (for a pattern that opens with lookbehinds or alternations, the
    regex engine cannot skip ahead by itself, so this is several times faster). ``regions``, sorted
    disjoint ``(lo, hi)`` ranges, limits where a match may begin (``starts`` is then required).

    >>> [m.group(0) for m in scan(re.compile(r"(?<!去)今年"), re.compile("今"), "去今年，今年")]
    ['今年']
    >>> [m.start() for m in scan(re.compile("今年"), re.compile("今"), "今年，今年，今年", [(2, 4)])]
    [3]
    """
    if starts is None:
        yield from (m for m in pat.finditer(text) if m.end() > m.start())
        return
    until = -1
    for lo, hi in regions if regions is not None else ((0, len(text)),):
        for c in starts.finditer(text, max(lo, until), hi):
            if c.start() < until:
                continue
            m = pat.match(text, c.start())
            if m and m.end() > m.start():
                until = m.end()
                yield m


def scan_plan(rules) -> tuple:
    """How :func:`scan_all` scans for the rules ``[(pattern, starts)]``: the rules, a class of the characters of
    every rule's ``starts`` (classes of a few known characters), ``{character: the rules it starts}`` and the rules
    scanned on their own (their ``starts`` is no such class)."""
    rules = tuple(rules)
    chars = [characters_of(st) if st is not None else None for _, st in rules]
    by_char: dict[str, list[int]] = {}
    for k, c in enumerate(chars):
        for ch in c or ():
            by_char.setdefault(ch, []).append(k)
    every = re.compile("[" + "".join(map(re.escape, sorted(by_char))) + "]") if by_char else None
    return rules, every, {ch: tuple(ks) for ch, ks in by_char.items()}, frozenset(k for k, c in enumerate(chars) if not c)


def scan_all(plan: tuple, text: str) -> list[list[re.Match]]:
    """``[list(scan(pat, starts, text)) for pat, starts in rules]`` for the rules of a :func:`scan_plan`, their
    ``starts`` found in one scan of ``text`` for all their characters (a scan for a class of characters takes as
    long as the text, whatever the class).

    >>> plan = scan_plan([(re.compile("今年"), re.compile("今")), (re.compile("年"), re.compile("年"))])
    >>> [[m.start() for m in ms] for ms in scan_all(plan, "去今年，今年")]
    [[1, 4], [2, 5]]
    """
    rules, every, by_char, alone = plan
    out: list[list[re.Match]] = [list(scan(pat, st, text)) if k in alone else [] for k, (pat, st) in enumerate(rules)]
    if every is None:
        return out
    until = [-1] * len(rules)
    for c in every.finditer(text):
        at = c.start()
        for k in by_char[text[at]]:
            if at >= until[k]:
                m = rules[k][0].match(text, at)
                if m and m.end() > at:
                    until[k] = m.end()
                    out[k].append(m)
    return out


_FIRSTS_MAX = 400  # characters a match may begin with, at most, for a lookahead to pay


def skippable(pat: re.Pattern) -> re.Pattern:
    """``pat`` opened by a lookahead of the characters its matches can begin with, when they are a few
    known characters: the regex engine then skips to them, where a pattern that opens with an optional
    word, a lookbehind or an alternation of groups (「(?:主要)?目标…」「(?<![比较同])去年|…」) is tried at
    every position. Its matches are the same (every match begins with one of them: a pattern that can match
    the empty string, carries flags other than MULTILINE, is anchored with ``^`` or opens with a class of
    no few characters is returned as it is).

    >>> skippable(re.compile("(?:主要)?目标[：:]")).pattern
    '(?=[主目])(?:(?:主要)?目标[：:])'
    >>> p = re.compile("a?b?"); skippable(p) is p
    True
    >>> p = re.compile("已经|累计"); skippable(p) is p  # the engine skips to 已 and 累 by itself
    True
    """
    if pat.flags & ~(re.UNICODE | re.MULTILINE):  # ^ and $ read no character
        return pat
    items = list(_sre_parse.parse(pat.pattern))
    if not items or items[0][0] is _sre_parse.AT:
        return pat  # anchored: the engine tries one position already
    if _prefixed(items):
        return pat  # the engine's own scan for the first character is faster than a lookahead at every position
    firsts, nullable = _firsts_of(items)
    if firsts is None or nullable or len(firsts) > _FIRSTS_MAX:
        return pat
    cls = "".join(map(re.escape, sorted(firsts)))
    return re.compile(f"(?=[{cls}])(?:{pat.pattern})")


def _prefixed(items) -> bool:
    """Whether a literal, a class or an alternation of words opens the parsed pattern (in groups without flags): the
    regex engine then skips by itself to a character a match can begin with (``re``'s prefix scan)."""
    while items and items[0][0] is _sre_parse.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        items = items[0][1][3]
    if not items:
        return False
    op, av = items[0]
    if op in (_sre_parse.LITERAL, _sre_parse.IN):
        return True
    return op is _sre_parse.BRANCH and all(alt and alt[0][0] is _sre_parse.LITERAL for alt in av[1])


def _firsts_of(seq) -> tuple[set | None, bool]:
    """(the characters a match of the parsed sequence can begin with, or ``None`` when not a few known ones;
    whether it can match the empty string)."""
    out: set = set()
    for op, av in seq:
        if op in (_sre_parse.ASSERT, _sre_parse.ASSERT_NOT, _sre_parse.AT):
            continue  # zero-width: the next item reads the first character
        firsts, nullable = _firsts_of_item(op, av)
        if firsts is None:
            return None, False
        out |= firsts
        if not nullable:
            return out, False
    return out, True


def _firsts_of_item(op, av) -> tuple[set | None, bool]:
    if op is _sre_parse.LITERAL:
        return {chr(av)}, False
    if op is _sre_parse.IN:
        chars: set = set()
        for o, a in av:
            if o is _sre_parse.LITERAL:
                chars.add(chr(a))
            elif o is _sre_parse.RANGE and a[1] - a[0] < _FIRSTS_MAX:
                chars.update(map(chr, range(a[0], a[1] + 1)))
            else:
                return None, False  # a negated class, a category (\d), a wide range
        return chars, False
    if op is _sre_parse.BRANCH:
        out, nullable = set(), False
        for seq in av[1]:
            firsts, n = _firsts_of(seq)
            if firsts is None:
                return None, False
            out, nullable = out | firsts, nullable or n
        return out, nullable
    if op is _sre_parse.SUBPATTERN:
        _, add_flags, del_flags, seq = av
        return _firsts_of(seq) if not (add_flags or del_flags) else (None, False)
    if op in (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT):
        lo, _, seq = av
        firsts, nullable = _firsts_of(seq)
        return firsts, firsts is not None and (lo == 0 or nullable)
    return None, False  # any character, a negated literal, a back reference…


@lru_cache(maxsize=None)
def one_character(pat: re.Pattern) -> bool:
    """Whether every match of ``pat`` is one character (a literal or a class): its matches in a stretch of text are
    then the positions there of such characters, each found on its own.

    >>> one_character(re.compile("[日号]")), one_character(re.compile("目标")), one_character(re.compile(r"\\d"))
    (True, False, True)
    """
    items = list(_sre_parse.parse(pat.pattern, pat.flags))
    return len(items) == 1 and items[0][0] in (_sre_parse.LITERAL, _sre_parse.IN)


def characters_of(pat: re.Pattern) -> frozenset | None:
    """The characters a pattern of one literal or a class of a few known ones matches (``None`` for any other
    pattern, a negated class or a category, or one with flags but MULTILINE).

    >>> sorted(characters_of(re.compile("[日号]"))), characters_of(re.compile("[^日]"))
    (['号', '日'], None)
    """
    if pat.flags & ~(re.UNICODE | re.MULTILINE) or not one_character(pat):
        return None
    chars, _ = _firsts_of(_sre_parse.parse(pat.pattern))
    return frozenset(chars) if chars else None


def first_characters(pat: re.Pattern) -> frozenset | None:
    """The characters every match of ``pat`` begins with, when they are a few known ones (``None`` otherwise, or when
    ``pat`` can match the empty string): a text that opens with none of them holds no match at its start.

    >>> sorted(first_characters(re.compile("^(?:不得|严禁)"))), first_characters(re.compile(r"^\\s*对"))
    (['不', '严'], None)
    """
    if pat.flags & ~(re.UNICODE | re.MULTILINE):
        return None
    chars, nullable = _firsts_of(_sre_parse.parse(pat.pattern))
    return frozenset(chars) if chars and not nullable and len(chars) <= _FIRSTS_MAX else None


_REQUIRED_MAX = 12  # characters of a precheck, at most


def required(pat: re.Pattern) -> re.Pattern | None:
    """A class of a few characters of which every match of ``pat`` holds one (read from the parsed pattern),
    or ``None`` when there is no such few: a text without any of them holds no match, and the class is found
    by the engine's fast scan where ``pat`` (opened by an anchor, a negated class or a lookahead) is tried at
    every position. Only a pattern with no flags but MULTILINE is read.

    >>> required(re.compile("^[^要]{0,40}(?:是|就是)[^，]{0,9}关键")).pattern
    '[关]'
    >>> required(re.compile("如何|能不能|[吗？]$")).pattern
    '[吗如能？]'
    >>> required(re.compile("(?:主要)?[^，]+")) is None
    True
    """
    if pat.flags & ~(re.UNICODE | re.MULTILINE):
        return None
    chars = _required_seq(_sre_parse.parse(pat.pattern))
    if not chars or len(chars) > _REQUIRED_MAX:
        return None
    return re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]")


def _required_seq(seq) -> set | None:
    """The fewest characters one of which any match of the parsed sequence holds (from one of its items)."""
    best = None
    for op, av in seq:
        chars = _required_item(op, av)
        if chars is not None and (best is None or len(chars) < len(best)):
            best = chars
    return best


def _required_item(op, av) -> set | None:
    if op is _sre_parse.LITERAL:
        return {chr(av)}
    if op is _sre_parse.IN:
        chars: set = set()
        for o, a in av:
            if o is _sre_parse.LITERAL:
                chars.add(chr(a))
            elif o is _sre_parse.RANGE and a[1] - a[0] < _REQUIRED_MAX:
                chars.update(map(chr, range(a[0], a[1] + 1)))
            else:
                return None  # a negated class, a category (\d), a wide range
        return chars
    return _through(op, av, _required_seq)


def _through(op, av, read_seq) -> set | None:
    """What a pattern node that holds other nodes requires, read by ``read_seq`` from the nodes inside it (the
    characters or the words): every alternative of a branch, a group without flags, a repeat of at least once, a
    lookaround that must hold; ``None`` for an anchor, a negative lookaround, any character, a back reference…"""
    if op is _sre_parse.BRANCH:  # every alternative holds one of its own
        out: set = set()
        for seq in av[1]:
            got = read_seq(seq)
            if got is None:
                return None
            out |= got
        return out
    if op is _sre_parse.SUBPATTERN:
        _, add_flags, del_flags, seq = av
        return read_seq(seq) if not (add_flags or del_flags) else None
    if op in (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT):
        lo, _, seq = av
        return read_seq(seq) if lo >= 1 else None
    if op is _sre_parse.ASSERT:  # a lookahead or lookbehind that must hold reads its own in the text
        return read_seq(av[1])
    return None


def required_words(pat: re.Pattern) -> tuple[str, ...] | None:
    """Words one of which every match of ``pat`` holds (read from the parsed pattern: a run of literal characters,
    or the words of an alternation), the longest such set found, or ``None`` when none has words of two characters
    or more: a text that holds none of them holds no match, which ``word in text`` tells faster than a pattern that
    the regex engine tries at every position (one opened by an anchor, a negated class or a lookahead). Only a
    pattern with no flags but MULTILINE is read.

    >>> required_words(re.compile("^[^要]{0,40}(?:是|就是)[^，]{0,9}(?:关键所在|重大考验)|出于这样的考虑|关键[。！]$"))
    ('关键', '出于这样的考虑', '重大考验')
    >>> required_words(re.compile("如何|能不能")), required_words(re.compile("[吗？]$|能不能"))
    (('如何', '能不能'), None)
    """
    if pat.flags & ~(re.UNICODE | re.MULTILINE):
        return None
    words = _words_seq(_sre_parse.parse(pat.pattern))
    if not words or min(map(len, words)) < 2:
        return None
    return tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))  # 关键 says 关键所在


def _words_better(a: set | None, b: set | None) -> bool:
    """Whether the words ``a`` tell more than ``b``: a longer shortest word, then fewer words."""
    if a is None:
        return False
    return b is None or (min(map(len, a)), -len(a)) > (min(map(len, b)), -len(b))


def _words_seq(seq) -> set | None:
    """The best set of words one of which any match of the parsed sequence holds (from one of its items, or a run
    of its literal characters)."""
    best, run = None, ""
    for op, av in list(seq) + [(None, None)]:
        if op is _sre_parse.LITERAL:
            run += chr(av)
            continue
        if run and _words_better({run}, best):
            best = {run}
        run = ""
        words = _words_item(op, av) if op is not None else None
        if _words_better(words, best):
            best = words
    return best


def _words_item(op, av) -> set | None:
    if op is _sre_parse.IN:
        chars = _required_item(op, av)
        return set(chars) if chars else None
    return _through(op, av, _words_seq)
