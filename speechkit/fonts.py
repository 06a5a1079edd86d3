"""A CJK font for matplotlib, so that Chinese labels render instead of empty boxes.

speechkit looks, in order, at the font file named by ``SPEECHKIT_CJK_FONT``,
then at fonts installed on the system that cover Chinese (Noto/Source Han,
WenQuanYi, SimHei, Microsoft YaHei, PingFang, AR PL...). It does not ship or
download a font: on Debian/Ubuntu ``apt-get install fonts-noto-cjk`` (or the
smaller ``fonts-wqy-microhei``) provides one; on macOS and Windows one is
already installed. A font installed after matplotlib built its font cache is
found too (the font files on the system are looked at when the cache knows
none). With none, figures still draw, and one warning (once per process, not
once per figure or per missing glyph) says what to do.
"""
from __future__ import annotations

import functools
import os
import re
import warnings

__all__ = ["cjk_font", "use_cjk_font", "KNOWN_CJK_FAMILIES"]

KNOWN_CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
                      "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei", "PingFang SC",
                      "Heiti SC", "STHeiti", "AR PL UMing CN", "AR PL UKai CN", "Noto Serif CJK SC")


_CJK_FILE = re.compile(r"(cjk|wqy|simhei|simsun|msyh|pingfang|hei|song|kai|ukai|uming|sourcehan|droidsansfallback)",
                       re.I)
NO_FONT_MESSAGE = ("speechkit: no font with Chinese glyphs found; Chinese labels will show as boxes. "
                   "Install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) or set SPEECHKIT_CJK_FONT "
                   "to a .ttf/.otf/.ttc file. (Said once; matplotlib's per-glyph warnings are silenced.)")


def _known_family(names) -> str | None:
    for fam in KNOWN_CJK_FAMILIES:
        if fam in names:
            return fam
    for n in sorted(names):
        if "CJK" in n or "Hei" in n or "Song" in n:
            return n
    return None


@functools.lru_cache(maxsize=8)
def _find(env_path: str | None) -> str | None:
    """The search, done once per value of ``SPEECHKIT_CJK_FONT``."""
    from matplotlib import font_manager

    if env_path and os.path.exists(env_path):
        font_manager.fontManager.addfont(env_path)
        return font_manager.FontProperties(fname=env_path).get_name()
    fam = _known_family({f.name for f in font_manager.fontManager.ttflist})
    if fam:
        return fam
    # installed after matplotlib cached its font list: add the files themselves
    for path in sorted(font_manager.findSystemFonts()):
        if _CJK_FILE.search(os.path.basename(path)):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue
    return _known_family({f.name for f in font_manager.fontManager.ttflist})


def cjk_font() -> str | None:
    """The family name of a font that covers Chinese, or ``None``."""
    return _find(os.environ.get("SPEECHKIT_CJK_FONT"))


@functools.lru_cache(maxsize=1)
def _warn_no_font() -> None:
    warnings.warn(NO_FONT_MESSAGE, stacklevel=4)
    # the boxes are explained once: matplotlib's "Glyph ... missing from font(s)" warning per character is noise
    warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)


def use_cjk_font(rc=None) -> str | None:
    """Put a CJK font first in matplotlib's sans-serif list; warn when there is none."""
    import matplotlib

    rc = matplotlib.rcParams if rc is None else rc
    fam = cjk_font()
    if fam is None:
        _warn_no_font()
        return None
    rc["font.sans-serif"] = [fam] + [f for f in rc["font.sans-serif"] if f != fam]
    rc["font.family"] = "sans-serif"
    rc["axes.unicode_minus"] = False
    return fam
