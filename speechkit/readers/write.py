"""Write a speech's text as a Word file, a government-style web page or a PDF.

For round trips (a text written in each format and read back must give the
same commitments), notebooks that need files in every format, and benchmarks.
Each line of the text becomes a paragraph. The page has navigation, a
breadcrumb, a share bar and a footer around the article, in GBK by default;
the PDF uses the CID font STSong-Light (no font file needed), a running header
and page numbers 「- n -」. Word needs python-docx, the page nothing, the PDF
reportlab.

>>> import tempfile, pathlib
>>> from speechkit.readers import read_document
>>> p = write_html("县交通局要在6月底前完成滨江大道通车。", pathlib.Path(tempfile.mkdtemp()) / "a.html", title="通知")
>>> read_document(p.read_bytes(), str(p)).text  # so short a body that the article's heading comes with it
'通知\\n县交通局要在6月底前完成滨江大道通车。'
"""
from __future__ import annotations

import html as _html
from pathlib import Path

__all__ = ["write_docx", "write_html", "write_pdf", "write_as"]


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def write_docx(text: str, path, title: str | None = None) -> Path:
    """One Word paragraph per line of ``text``."""
    import docx

    d = docx.Document()
    if title:
        d.core_properties.title = title
    for line in _lines(text):
        d.add_paragraph(line)
    d.save(path)
    return Path(path)


def write_html(text: str, path, title: str | None = None, charset: str = "gbk") -> Path:
    """A web page with the text as its article (``<div class="TRS_Editor">``) among page furniture."""
    t = _html.escape(title or "")
    body = "\n".join(f"<p>　　{_html.escape(line)}</p>" for line in _lines(text))
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"><title>{t}</title>
<style>body{{font-family:sans-serif}} .nav li{{display:inline;margin:0 1em}}</style>
<script>var notice = "要确保浏览器开启脚本";</script></head>
<body><div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/ywdt">要闻动态</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<div class="article"><h1>{t}</h1><div class="info">来源：人民政府办公室 字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="TRS_Editor">
{body}
</div><div class="share">分享到：<a>微信</a> <a>微博</a></div></div></div>
<div class="footer"><p>主办：人民政府办公室　转载请注明出处，要尊重版权</p><p>网站标识码：0000000000</p></div>
</body></html>"""
    Path(path).write_bytes(page.encode("gb18030" if charset.lower().startswith("gb") else charset))
    return Path(path)


def write_pdf(text: str, path, title: str | None = None, page_size=(595, 842), font_size: int = 14) -> Path:
    """A PDF (CID font STSong-Light) with justified, indented paragraphs, a running header and page numbers."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=font_size, leading=font_size * 1.7,
                           firstLineIndent=2 * font_size, wordWrap="CJK", alignment=TA_JUSTIFY)
    w, h = page_size
    header = title or "人民政府文件"

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(w / 2, h - 30, header)
        canvas.drawCentredString(w / 2, 24, f"- {doc.page} -")
        canvas.restoreState()

    story = [Paragraph(_html.escape(line), style) for line in _lines(text)]
    SimpleDocTemplate(str(path), pagesize=page_size, leftMargin=60, rightMargin=60, topMargin=56,
                      bottomMargin=50, title=title or "").build(story, onFirstPage=furniture, onLaterPages=furniture)
    return Path(path)


def write_as(text: str, path, title: str | None = None) -> Path:
    """Write in the format the suffix of ``path`` names (.docx, .html/.htm, .pdf, else UTF-8 text)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        return write_docx(text, path, title)
    if suffix in (".html", ".htm"):
        return write_html(text, path, title)
    if suffix == ".pdf":
        return write_pdf(text, path, title)
    Path(path).write_text(text, encoding="utf-8")
    return Path(path)
