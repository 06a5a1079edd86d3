"""A newcomer's first hour: missing extras named in one line, `speechkit text`, --version, help for every
option, the demo's column legend and cut marks, one font warning instead of one per glyph."""
from __future__ import annotations

import argparse
import sys
import warnings

import pytest

from speechkit import ReadError, read_speech
from speechkit.cli import _parser, main

PAGE = ("<html><head><meta charset='utf-8'></head><body><ul class='nav'><li><a href='/'>首页</a></li></ul>"
        "<div id='zoom'><p>一、重点工作</p><p>县交通局要在6月底前完成滨江大道通车。</p></div>"
        "<div class='footer'>主办：江城县人民政府办公室</div></body></html>")


@pytest.fixture
def page(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    return p


@pytest.fixture
def word(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("一、重点工作")
    d.add_paragraph("县交通局要在6月底前完成滨江大道通车。")
    p = tmp_path / "report.docx"
    d.save(p)
    return p


@pytest.fixture
def pdf(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    p = tmp_path / "report.pdf"
    c = canvas.Canvas(str(p))
    c.setFont("STSong-Light", 12)
    c.drawString(72, 720, "县交通局要在6月底前完成滨江大道通车。")
    c.showPage()
    c.save()
    return p


@pytest.mark.parametrize("fixture,modules,extra", [
    ("word", ["docx"], "docx"),
    ("pdf", ["pdfminer", "pdfminer.high_level"], "pdf"),
    ("page", ["lxml", "lxml.html"], "html"),
])
def test_missing_extra_named_in_one_line(request, monkeypatch, capsys, fixture, modules, extra):
    path = request.getfixturevalue(fixture)
    for m in modules:
        monkeypatch.setitem(sys.modules, m, None)  # import fails as if the package were not installed
    with pytest.raises(ReadError) as e:
        read_speech(path)
    assert f'pip install "speechkit[{extra}]"' in str(e.value) and "\n" not in str(e.value)
    assert main(["extract", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"speechkit[{extra}]" in err[0] and path.name in err[0]


@pytest.mark.parametrize("fixture", ["word", "pdf", "page"])
def test_text_command_prints_what_offsets_refer_to(request, capsys, fixture):
    pytest.importorskip("pdfminer")
    pytest.importorskip("lxml")
    path = request.getfixturevalue(fixture)
    assert main(["text", "--info", str(path)]) == 0
    out = capsys.readouterr()
    sp = read_speech(path)
    assert out.out == sp.raw and "县交通局要在6月底前完成滨江大道通车。" in out.out
    assert "首页" not in out.out and "主办" not in out.out
    assert sp.meta["format"] in out.err and "characters" in out.err


def test_text_command_bad_file(tmp_path, capsys):
    p = tmp_path / "old.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(64))
    assert main(["text", str(p)]) == 1
    assert "save it as .docx" in capsys.readouterr().err


def test_version(capsys):
    from speechkit import __version__

    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and capsys.readouterr().out.strip() == f"speechkit {__version__}"


def _actions(parser):
    for act in parser._actions:
        if isinstance(act, argparse._SubParsersAction):
            for name, sub in act.choices.items():
                yield from ((f"{name} {a}", h) for a, h in _actions(sub))
            for choice in act._choices_actions:
                yield f"command {choice.dest}", choice.help
        elif not isinstance(act, (argparse._HelpAction, argparse._VersionAction)):
            yield "/".join(act.option_strings) or act.dest, act.help


def test_every_option_and_command_has_help():
    found = list(_actions(_parser()))
    assert len(found) > 20
    assert [name for name, h in found if not h] == []


def test_demo_explains_columns_and_marks_cut_text(capsys, extractions):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    ledger = out.split("Target ledger", 1)[1]
    table, legend = ledger.split("\nColumns:\n", 1)
    header = table.splitlines()[1].split()
    assert header and all(f"  {col} " in legend for col in header)
    long = [c.text for e in extractions.values() for c in e if len(c.text) > 28]
    assert long, "the sample corpus has long commitments"
    for text in long:  # cut, and shown to be cut
        assert text[:27] + "…" in out
        assert text[:28] not in out


def test_no_font_warns_once_not_per_glyph(monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    from speechkit import extract, fonts, plot

    ex = extract("县交通局要在6月底前完成滨江大道通车。县财政局要在年底前完成债券发行。", date="2021-02-20")
    monkeypatch.setattr(fonts, "cjk_font", lambda: None)
    fonts._warn_no_font.cache_clear()
    try:  # DejaVu Sans, as on a machine without a CJK font, has no Chinese glyphs
        with matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}), \
                warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for _ in range(3):
                ax = plot.timeline(ex, as_of="2021-09-01")
                ax.figure.canvas.draw()
                plot.owner_strength(ex).figure.canvas.draw()
    finally:
        fonts._warn_no_font.cache_clear()
    ours = [w for w in caught if "no font with Chinese glyphs" in str(w.message)]
    glyphs = [w for w in caught if "missing from font" in str(w.message)]
    assert len(ours) == 1 and glyphs == []
    assert "fonts-noto-cjk" in str(ours[0].message)
