"""Exports: checkable deadlines as an iCalendar file (RFC 5545), so a team can put them in their calendar.

>>> from speechkit import extract
>>> ics = to_ics(extract("县交通局要在6月底前完成滨江大道通车。", date="2021-02-20"))
>>> "DTSTART;VALUE=DATE:20210630" in ics and ics.count("BEGIN:VEVENT")
1
"""
from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["to_ics"]


def _esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    out, cur = [], ""
    for ch in line:
        if len((cur + ch).encode("utf-8")) > 73:
            out.append(cur)
            cur = " " + ch
        else:
            cur += ch
    out.append(cur)
    return "\r\n".join(out)


def to_ics(commitments, path=None, *, checkable_only: bool = True) -> str:
    """An all-day event on each deadline end; the event time stamp is the speech date (no clock is read)."""
    speech = getattr(commitments, "speech", None)
    stamp = (speech.date.strftime("%Y%m%d") + "T000000Z") if speech is not None and speech.date else "19700101T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//speechkit//commitment deadlines//ZH", "CALSCALE:GREGORIAN"]
    for c in getattr(commitments, "commitments", commitments):
        end = (c.deadline or {}).get("end")
        if not end or (checkable_only and not c.checkable):
            continue
        day = end.replace("-", "")
        uid = hashlib.sha1(f"{c.doc_id}:{c.start}:{c.end}".encode()).hexdigest()[:16]
        desc = f"{c.doc_id} [{c.start}:{c.end}] 强度 {c.strength}" + (f"，责任主体 {c.owner}" if c.owner else "")
        lines += ["BEGIN:VEVENT", f"UID:{uid}@speechkit", f"DTSTAMP:{stamp}", f"DTSTART;VALUE=DATE:{day}",
                  _fold(f"SUMMARY:{_esc(c.text)}"), _fold(f"DESCRIPTION:{_esc(desc)}"), "END:VEVENT"]
    lines.append("END:VCALENDAR")
    text = "\r\n".join(lines) + "\r\n"
    if path is not None:
        Path(path).write_text(text, encoding="utf-8", newline="")
    return text
