"""Dates of speeches and universal newlines: the small pieces both a :class:`~speechkit.speech.Speech`
and the readers need (no pipeline here).

>>> parse_date("2021/3/5"), normalize_newlines("a\\r\\nb")
(datetime.date(2021, 3, 5), 'a\\nb')
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

__all__ = ["parse_date", "infer_date", "normalize_newlines"]


def normalize_newlines(text: str) -> str:
    """Python's universal newlines: \\r\\n and \\r become \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")


_ISO_LIKE = re.compile(r"(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)"
                       r"(?:[T ]\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?)?")
_DAY_FIRST = re.compile(r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}")


def parse_date(value) -> dt.date | None:
    """A speech date from an argument or a manifest cell; ``None`` for an empty value.

    Year first only: ``2021-03-05``, ``2021/3/5``, ``2021.03.05``, ``2021年3月5日`` (full-width
    digits too, a time of day is dropped). Raises ``ValueError`` saying what is wrong for anything
    else: an impossible date, or a day-first form such as ``05/03/2023`` (the 5th of March or the 3rd
    of May?).

    >>> parse_date("2021/3/5"), parse_date("２０２１年３月５日"), parse_date("")
    (datetime.date(2021, 3, 5), datetime.date(2021, 3, 5), None)
    >>> parse_date("2020-13-45")
    Traceback (most recent call last):
    ValueError: '2020-13-45' is not a real date (month must be in 1..12): write it as YYYY-MM-DD
    >>> parse_date("05/03/2023")
    Traceback (most recent call last):
    ValueError: '05/03/2023' is ambiguous (day or month first?): write it as YYYY-MM-DD
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip()
    m = _ISO_LIKE.fullmatch(text)
    if m is None:
        why = "is ambiguous (day or month first?)" if _DAY_FIRST.fullmatch(text) else "is not a date"
        raise ValueError(f"{str(value)!r} {why}: write it as YYYY-MM-DD")
    y, mo, d = int(m[1]), int(m[2] or m[4]), int(m[3] or m[5])
    try:
        return dt.date(y, mo, d)
    except ValueError as e:
        raise ValueError(f"{str(value)!r} is not a real date ({e}): write it as YYYY-MM-DD") from None


def infer_date(raw: str, title: str | None = None) -> tuple[dt.date | None, str | None]:
    """Infer the speech date from its text: a dateline in the first lines, else a year in the title.

    >>> infer_date("政府工作报告\\n——2019年3月4日在区人代会上\\n")
    (datetime.date(2019, 3, 4), 'text:dateline')
    >>> infer_date("正文", title="2020年工作要点")
    (datetime.date(2020, 1, 1), 'title:year')
    >>> infer_date("no date here")
    (None, None)
    """
    head = raw[:600]
    m = _DATE_RE.search(head)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), "text:dateline"
        except ValueError:
            pass
    if title:
        m = _YEAR_RE.search(title)
        if m:
            return dt.date(int(m[1]), 1, 1), "title:year"
    m = _YEAR_RE.search(raw[:200])
    if m:
        return dt.date(int(m[1]), 1, 1), "text:year"
    return None, None
