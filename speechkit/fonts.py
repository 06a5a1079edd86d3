"""A CJK font for matplotlib, so that Chinese labels render instead of empty boxes.

speechkit looks, in order, at the font file named by ``SPEECHKIT_CJK_FONT``,
then at fonts installed on the system that cover Chinese (Noto/Source Han,
WenQuanYi, SimHei, Microsoft YaHei, PingFang, AR PL...). It does not ship or
download a font: on Debian/Ubuntu ``apt-get install fonts-noto-cjk`` (or the
smaller ``fonts-wqy-microhei``) provides one; on macOS and Windows one is
already installed. With none, figures still draw and a warning says what to do.
"""
from __future__ import annotations

import os
import warnings

__all__ = ["cjk_font", "use_cjk_font", "KNOWN_CJK_FAMILIES"]

KNOWN_CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
                      "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei", "PingFang SC",
                      "Heiti SC", "STHeiti", "AR PL UMing CN", "AR PL UKai CN", "Noto Serif CJK SC")


def cjk_font() -> str | None:
    """The family name of a font that covers Chinese, or ``None``."""
    from matplotlib import font_manager

    path = os.environ.get("SPEECHKIT_CJK_FONT")
    if path and os.path.exists(path):
        font_manager.fontManager.addfont(path)
        return font_manager.FontProperties(fname=path).get_name()
    names = {f.name for f in font_manager.fontManager.ttflist}
    for fam in KNOWN_CJK_FAMILIES:
        if fam in names:
            return fam
    for n in sorted(names):
        if "CJK" in n or "Hei" in n or "Song" in n:
            return n
    return None


def use_cjk_font(rc=None) -> str | None:
    """Put a CJK font first in matplotlib's sans-serif list; warn when there is none."""
    import matplotlib

    rc = matplotlib.rcParams if rc is None else rc
    fam = cjk_font()
    if fam is None:
        warnings.warn("speechkit: no font with Chinese glyphs found; Chinese labels will show as boxes. "
                      "Install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) or set SPEECHKIT_CJK_FONT "
                      "to a .ttf/.otf/.ttc file.", stacklevel=2)
        return None
    rc["font.sans-serif"] = [fam] + [f for f in rc["font.sans-serif"] if f != fam]
    rc["font.family"] = "sans-serif"
    rc["axes.unicode_minus"] = False
    return fam
