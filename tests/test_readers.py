"""Readers: one short county report written as .txt, .docx, .html and .pdf gives the same commitments.

Every file is made by the tests themselves (python-docx, reportlab with a CJK CID font, an HTML page
with navigation, footer, script and a GBK charset). The report is written for these tests in the genre
of a county work report; it is not taken from any real document.
"""
from __future__ import annotations

import re

import pytest

from speechkit import Extractor, ReadError, read_corpus, read_speech

docx = pytest.importorskip("docx", reason='python-docx not installed (pip install "speechkit[docx]")')

TITLE = "江城县2024年政府工作报告"
DATELINE = "——2024年1月18日在江城县第十八届人民代表大会第三次会议上"
# (level, text): level 0/1 paragraphs carry a list label 「一、」/「（一）」 that Word numbers itself
REPORT = [
    (None, "各位代表："),
    (None, "现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。"),
    (0, "2023年工作回顾"),
    (None, "过去一年，面对复杂多变的外部环境，全县上下稳住经济大盘，地区生产总值增长6.2%，城镇新增就业4100人，"
           "完成固定资产投资138亿元，江城港区三期建成投运，滨江大道全线通车，群众获得感持续增强。"),
    (None, "我们也清醒看到，经济恢复基础还不牢固，重点项目储备不足，民生领域还有不少短板，我们要直面问题，"
           "采取有力措施认真加以解决。"),
    (0, "2024年主要目标"),
    (None, "综合考虑各方面因素，今年全县经济社会发展的主要预期目标是："),
    (1, "地区生产总值增长6%左右；"),
    (1, "城镇新增就业4000人以上；"),
    (1, "城镇登记失业率控制在4%以内；"),
    (1, "一般公共预算收入增长5%；"),
    (1, "单位地区生产总值能耗下降2.5%左右。"),
    (0, "2024年重点工作"),
    (1, "扩大有效投资。全年实施重点项目90个，完成投资150亿元以上。县发改局要在3月底前完成项目储备库更新，"
        "县财政局要积极争取专项债券资金，确保江城港区四期6月底前开工建设，确保城北物流园年底前建成运营。"),
    (1, "优化营商环境。深化“放管服”改革，县政务服务中心要在年内实现企业开办1个工作日办结，"
        "政务服务事项网上可办率达到98%以上。严禁对企业乱收费、乱罚款、乱摊派。"),
    (1, "保障改善民生。新建中小学校2所，新增学位1800个。县卫健局要在9月底前完成3个乡镇卫生院改造，"
        "改造老旧小区15个，惠及居民2600户。县人社局要组织职业技能培训不少于40场。"),
    (1, "守牢安全底线。各乡镇要加强安全生产监管，确保不发生重特大安全事故，县应急管理局要每季度开展一次"
        "隐患排查。"),
    (None, "各位代表，新的一年任务艰巨、使命光荣。让我们团结一心，真抓实干，确保完成全年目标任务！"),
]
ORDINALS = "一二三四五六七八九十"
# what a page's furniture says: none of it may become a commitment or stay in the extracted text
HEADER = "江城县人民政府文件"
NAV = ["首页", "政务公开", "要闻动态", "政策解读"]
FOOTER = "主办：江城县人民政府办公室　转载本网稿件要注明出处　网站标识码：3600000001"
SCRIPT = "var tip = '确保页面正常显示要开启脚本';"


def labelled() -> list[str]:
    """The report's paragraphs with their list labels, as a .txt would have them."""
    out, counts = [], [0, 0]
    for level, text in REPORT:
        if level is None:
            out.append(text)
            continue
        counts[level] += 1
        if level == 0:
            counts[1] = 0
        label = f"{ORDINALS[counts[0] - 1]}、" if level == 0 else f"（{ORDINALS[counts[1] - 1]}）"
        out.append(label + text)
    return out


def make_txt(path):
    path.write_text("\n".join([TITLE, DATELINE, *labelled()]) + "\n", encoding="utf-8")
    return path


# ----------------------------------------------------------------- Word

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _numbering_xml(levels: list[tuple[str, str]], abstract_id: int = 7, num_id: int = 3) -> tuple:
    """An abstract list with the given (numFmt, lvlText) levels, and the w:num that uses it."""
    from docx.oxml import parse_xml

    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
    num = parse_xml(f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    return abstract, num


def _add_list(document, levels, abstract_id, num_id) -> str:
    numbering = document.part.numbering_part.element
    abstract, num = _numbering_xml(levels, abstract_id, num_id)
    first_num = numbering.find(f"{{{W}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)  # abstractNum elements come before num elements
    else:
        numbering.append(abstract)
    numbering.append(num)
    return str(num_id)


def _number(paragraph, num_id: str, level: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def make_docx(path, table: bool = False):
    d = docx.Document()
    num = _add_list(d, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")], 7, 31)
    d.add_paragraph(TITLE)
    d.add_paragraph(DATELINE)
    for level, text in REPORT:
        p = d.add_paragraph(text)
        if level is not None:
            _number(p, num, level)
    if table:
        t = d.add_table(rows=3, cols=3)
        for r, row in enumerate([("指标", "2023年", "2024年目标"), ("地区生产总值增长", "6.2%", "6%左右"),
                                 ("城镇新增就业", "4100人", "4000人以上")]):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
        dec = _add_list(d, [("decimal", "%1.")], 8, 32)
        for text in ("抓好春耕生产。", "抓好防汛备汛。"):
            _number(d.add_paragraph(text), dec, 0)
    d.save(path)
    return path


# ----------------------------------------------------------------- HTML

def make_html(path, charset: str = "gb2312"):
    body = "".join(f"<p>　　{t}</p>\n" for t in labelled())
    # a paragraph wrapped in the HTML source, as editors leave it: the line break is not in the text
    body = body.replace("全县上下稳住经济大盘，", "全县上下稳住\n      经济大盘，")
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{TITLE}_江城县人民政府</title>
<style>.nav li {{ display: inline; }} /* 要 */</style>
<script type="text/javascript">{SCRIPT}</script></head>
<body><div class="header"><div class="logo">江城县人民政府</div>
<ul class="nav">{''.join(f'<li><a href="/{i}">{n}</a></li>' for i, n in enumerate(NAV))}</ul></div>
<div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<div class="article"><h1>{TITLE}</h1>
<div class="info">发布时间：2024-01-25 来源：县政府办 字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="TRS_Editor" id="zoom"><p style="text-align:center">{DATELINE}</p>
{body}</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div></div>
<div class="side"><h3>相关链接</h3><ul><li><a href="/a">县政府常务会议要求加快项目建设</a></li>
<li><a href="/b">县领导要求确保安全生产</a></li></ul></div></div>
<div class="footer"><p>{FOOTER}</p><p>地址：江城县人民路1号</p></div>
<script>document.write("确保");</script></body></html>"""
    path.write_bytes(page.encode("gb18030" if charset.lower().startswith("gb") else charset))
    return path


# ----------------------------------------------------------------- PDF

def make_pdf(path, page_size=(300, 380)):
    pytest.importorskip("reportlab", reason="reportlab not installed (it writes the test PDF)")
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=18, firstLineIndent=22,
                          wordWrap="CJK", alignment=TA_JUSTIFY)
    centre = ParagraphStyle("centre", parent=body, firstLineIndent=0, alignment=TA_CENTER)
    w, h = page_size

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("STSong-Light", 8)
        canvas.drawCentredString(w / 2, h - 24, HEADER)
        canvas.drawCentredString(w / 2, 18, f"- {doc.page} -")
        canvas.restoreState()

    story = [Paragraph(TITLE, centre), Paragraph(DATELINE, centre)] + [Paragraph(t, body) for t in labelled()]
    SimpleDocTemplate(str(path), pagesize=page_size, leftMargin=36, rightMargin=36, topMargin=40,
                      bottomMargin=36).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


# ----------------------------------------------------------------- the tests

@pytest.fixture(scope="module")
def files(tmp_path_factory):
    pytest.importorskip("lxml", reason='lxml not installed (pip install "speechkit[html]")')
    d = tmp_path_factory.mktemp("formats")
    return {"txt": make_txt(d / "report.txt"), "docx": make_docx(d / "report.docx"),
            "html": make_html(d / "report.html"), "pdf": make_pdf(d / "report.pdf")}


@pytest.fixture(scope="module")
def results(files):
    pytest.importorskip("pdfminer", reason='pdfminer.six not installed (pip install "speechkit[pdf]")')
    ex = Extractor()
    return {k: ex.extract(read_speech(p, date="2024-01-18")) for k, p in files.items()}


def _texts(extraction) -> list[str]:
    return [c.text for c in extraction.commitments]


def test_txt_has_commitments_to_compare(results):
    assert len(results["txt"].commitments) >= 15


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_word_and_html_give_all_the_commitments(results, fmt):
    assert _texts(results[fmt]) == _texts(results["txt"])


def test_pdf_gives_nearly_all(results):
    want, got = _texts(results["txt"]), set(_texts(results["pdf"]))
    share = sum(t in got for t in want) / len(want)
    assert share >= 0.9, (share, [t for t in want if t not in got])


@pytest.mark.parametrize("fmt", ["txt", "docx", "html", "pdf"])
def test_every_record_is_reproducible(results, fmt):
    res = results[fmt]
    for c in res.commitments:
        assert res.speech.raw[c.start:c.end] == c.text


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_page_furniture_stays_out(results, fmt):
    raw = results[fmt].speech.raw
    furniture = [HEADER, FOOTER, SCRIPT, "确保\")", "相关链接", "分享到", "当前位置", "地址：", "- 2 -"] + NAV[1:]
    assert [f for f in furniture if f in raw] == []
    assert not [c.text for c in results[fmt].commitments if any(s in c.text for s in ("注明出处", "要求", "脚本"))]


def test_pdf_page_numbers_and_headers_are_dropped_not_just_hidden(files):
    from speechkit.readers import read_document

    doc = read_document(files["pdf"].read_bytes(), str(files["pdf"]))
    kinds = {k for k, _ in doc.dropped}
    assert kinds == {"page-number", "running-header"}
    pages = len(doc.layout.starts)
    assert pages >= 3
    assert sum(1 for k, _ in doc.dropped if k == "page-number") == pages
    assert not re.search(r"^\s*-\s*\d+\s*-\s*$", doc.text, re.M)


@pytest.mark.parametrize("size", [(300, 380), (420, 595), (200, 300)])
def test_pdf_paragraphs_rejoined(files, tmp_path, size):
    """Each paragraph of the report is one line of the PDF's text, as in the .txt, although it wraps
    (differently on each page size), across pages too."""
    pytest.importorskip("pdfminer")
    sp = read_speech(make_pdf(tmp_path / "r.pdf", page_size=size))
    assert sp.raw.split("\n") == files["txt"].read_text(encoding="utf-8").rstrip("\n").split("\n")


def test_word_list_labels_rebuilt(results):
    raw = results["docx"].speech.raw
    assert "\n一、2023年工作回顾\n" in raw and "\n三、2024年重点工作\n" in raw
    assert "\n（一）地区生产总值增长6%左右；" in raw
    assert "\n（一）扩大有效投资。" in raw  # the second level restarts under a new first-level item
    assert "\n（五）单位地区生产总值能耗下降2.5%左右。" in raw


def test_word_tables_and_decimal_lists(tmp_path):
    sp = read_speech(make_docx(tmp_path / "t.docx", table=True))
    lines = sp.raw.split("\n")
    assert "地区生产总值增长\t6.2%\t6%左右" in lines
    assert "指标\t2023年\t2024年目标" in lines
    assert lines[-2:] == ["1.抓好春耕生产。", "2.抓好防汛备汛。"]


@pytest.mark.parametrize("fmt,unit", [("docx", "paragraph"), ("html", "paragraph"), ("pdf", "page")])
def test_records_locate_their_page_or_paragraph(results, fmt, unit):
    res = results[fmt]
    sp = res.speech
    last = res.commitments[-1]
    where = sp.locate(last.start)
    assert set(where) == {unit}
    if unit == "paragraph":  # the paragraph number counts the lines of the extracted text
        assert where["paragraph"] == sp.raw.count("\n", 0, last.start) + 1
    else:  # pdfminer's own text of that page has the record's first characters
        from pdfminer.high_level import extract_text

        page_text = re.sub(r"\s+", "", extract_text(sp.path, page_numbers=[where["page"] - 1]))
        assert last.text[:4] in page_text
        assert sp.locate(0) == {"page": 1} and len(sp.meta["pages"]) >= 3
    frame = res.to_frame()
    from speechkit.frame import to_frame

    located = to_frame(res.commitments, speeches=sp)
    assert unit in located.columns and unit not in frame.columns
    assert located[unit].notna().all()


def test_text_file_has_no_layout(results):
    sp = results["txt"].speech
    assert sp.locate(5) == {} and "format" not in sp.meta


def test_html_charset_and_title(files, results):
    sp = results["html"].speech
    assert sp.encoding == "gb18030" and sp.meta["format"] == "html"
    assert sp.title == TITLE
    assert "全县上下稳住经济大盘" in sp.raw  # a line break of the HTML source is not a break of the text


def test_manifest_title_wins_over_the_page_title(files):
    sp = read_speech(files["html"], meta={"title": "手写标题", "date": "2024-01-18"})
    assert sp.title == "手写标题"


def test_utf8_page_without_known_container(tmp_path):
    """No known id or class: the block with most of the page's text outside links is the article."""
    links = "".join(f'<a href="/{i}">栏目{i}</a> ' for i in range(20))
    paras = "".join(f"<p>{t}</p>" for t in labelled())
    page = (f"<html><head><meta charset='utf-8'></head><body><div id='top'>{links}</div>"
            f"<div class='wrap'><div class='x1'>{paras}</div></div><div id='bottom'>版权所有 江城县人民政府</div>"
            "</body></html>")
    p = tmp_path / "plain.htm"
    p.write_text(page, encoding="utf-8")
    sp = read_speech(p)
    assert sp.raw.split("\n") == labelled()


def test_corpus_of_mixed_formats(files, tmp_path):
    import shutil

    for k, p in files.items():
        shutil.copy(p, tmp_path / f"report-{k}{p.suffix}")
    (tmp_path / "notes.md").write_text("不是讲话", encoding="utf-8")
    corpus = read_corpus(tmp_path, date="2024-01-18")
    assert sorted(p.suffix for p, _ in corpus.entries) == [".docx", ".html", ".pdf", ".txt"]
    speeches = list(corpus)
    assert not corpus.errors and {s.meta.get("format", "text") for s in speeches} == {"text", "docx", "html", "pdf"}


@pytest.mark.parametrize("name,data,reason", [
    ("a.docx", b"not a zip at all", "is not a DOCX file"),
    ("a.pdf", "年内要完成。".encode(), "is not a PDF file"),
    ("a.doc", b"\xd0\xcf\x11\xe0" + bytes(100), "save it as .docx"),
    ("a.txt", b"\xd0\xcf\x11\xe0" + bytes(100), "save it as .docx"),
    ("a.docx", b"PK\x03\x04broken", "damaged"),
    ("a.pdf", b"%PDF-1.4\n%%EOF\n", "PDF"),
])
def test_bad_files_named_in_one_line(tmp_path, name, data, reason):
    pytest.importorskip("pdfminer")
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(ReadError) as e:
        read_speech(p)
    msg = str(e.value)
    assert name in msg and reason in msg and "\n" not in msg


def test_xlsx_is_refused_by_content(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active["A1"] = "要完成"
    p = tmp_path / "table.docx"
    wb.save(p)
    with pytest.raises(ReadError, match="Excel workbook"):
        read_speech(p)


def test_content_sniffed_when_the_suffix_says_nothing(files, tmp_path):
    for k in ("docx", "pdf", "html"):
        p = tmp_path / f"download-{k}.bin"
        p.write_bytes(files[k].read_bytes())
        assert read_speech(p).meta["format"] == k


def test_scanned_pdf_without_text_is_refused(tmp_path):
    pytest.importorskip("pdfminer")
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    p = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(p))
    c.rect(50, 50, 200, 200, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(ReadError, match="no text layer"):
        read_speech(p)
