"""Numerals: Arabic, Chinese and mixed, through cn2an.

>>> to_number("一千一百"), to_number("6.5"), to_number("两"), to_number("1,100")
(1100, 6.5, 2, 1100)
"""
from __future__ import annotations

import re

__all__ = ["to_number", "NUM"]

# a numeral as written in speeches (no unit)
NUM = r"(?:\d+(?:[.,]\d+)*|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?$")


def to_number(s: str) -> int | float | None:
    """Convert a numeral to a number; ``None`` when it is not one."""
    s = s.strip()
    if not s:
        return None
    if _ARABIC.match(s):
        v = float(s.replace(",", ""))
        return int(v) if v.is_integer() and "." not in s else v
    try:
        import cn2an

        v = cn2an.cn2an(s, "smart")
    except Exception:
        return None
    if isinstance(v, float) and v.is_integer() and "点" not in s:
        v = int(v)
    return v
