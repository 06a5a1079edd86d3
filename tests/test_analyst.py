"""Figures with Chinese that renders, highlighted HTML, iCalendar export."""
import re
import warnings

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from speechkit import plot  # noqa: E402
from speechkit.fonts import cjk_font  # noqa: E402


@pytest.fixture(scope="module")
def gwr(extractions):
    return extractions["jiangcheng-gwr-2021"]


def _no_missing_glyphs(draw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax = draw()
        ax.figure.canvas.draw()
    missing = [w for w in caught if "missing from font" in str(w.message) or "Glyph" in str(w.message)]
    return ax, missing


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font installed (apt-get install fonts-noto-cjk)")
def test_timeline_renders_chinese(gwr, tmp_path):
    ax, missing = _no_missing_glyphs(lambda: plot.timeline(gwr, as_of="2021-09-01"))
    assert not missing, [str(w.message) for w in missing]
    assert ax.get_title() == "承诺期限时间轴"
    assert len(ax.patches) == sum(1 for c in gwr if c.checkable and c.deadline and c.deadline.get("end"))
    ax.figure.savefig(tmp_path / "t.png")
    assert (tmp_path / "t.png").stat().st_size > 10_000


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font installed")
def test_other_figures_render_chinese(extractions, speeches):
    import pandas as pd

    from speechkit import panel, to_frame

    frame = to_frame([c for e in extractions.values() for c in e])
    chain = [s for s in speeches.values() if s.meta.get("chain") == "gwr-jiangcheng"]
    p = panel(chain)
    for draw in (lambda: plot.owner_strength([c for e in extractions.values() for c in e]),
                 lambda: plot.checkable_share(frame),
                 lambda: plot.ledger_chart(p, "gdp_growth")):
        ax, missing = _no_missing_glyphs(draw)
        assert not missing and ax.get_title()
    assert isinstance(p, pd.DataFrame)


def test_no_font_warns(monkeypatch):
    import speechkit.fonts as f

    monkeypatch.setattr(f, "cjk_font", lambda: None)
    with pytest.warns(UserWarning, match="no font with Chinese glyphs"):
        assert f.use_cjk_font({}) is None


def test_plot_accepts_ax(gwr):
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2)
    assert plot.timeline(gwr, ax=a) is a and plot.owner_strength(gwr, ax=b) is b


def test_highlight_keeps_raw_text_and_marks_each_commitment(gwr, tmp_path):
    import html

    page = gwr.to_html()
    assert page.count('class="sk-c ') == len(gwr)
    text = html.unescape(re.sub(r"<style>.*?</style>|<div class=\"sk-legend\">.*?</div>|<[^>]+>", "", page, flags=re.S))
    assert text == gwr.speech.raw  # nothing re-typed: the page shows the raw file
    out = gwr.to_html(tmp_path / "p.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert gwr._repr_html_() == page


def test_ics_has_one_event_per_dated_checkable_commitment(gwr, tmp_path):
    ics = gwr.to_ics(tmp_path / "d.ics")
    n = sum(1 for c in gwr if c.checkable and c.deadline and c.deadline.get("end"))
    assert ics.count("BEGIN:VEVENT") == n > 0
    assert all(len(line.encode("utf-8")) <= 75 for line in ics.split("\r\n"))
    assert (tmp_path / "d.ics").read_bytes().count(b"\r\n") == ics.count("\r\n")


def test_speech_displays_its_text_and_extraction_highlights(speeches):
    """A speech is data: its display shows the text and runs no extractor; the extraction highlights."""
    from speechkit import extract

    sp = speeches["jiangcheng-tuijin-2021"]
    page = sp._repr_html_()
    assert "jiangcheng-tuijin-2021" in page and 'class="sk-c ' not in page and sp.raw[:10] in page
    assert extract(sp)._repr_html_().count('class="sk-c ') >= 10
