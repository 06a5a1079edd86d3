import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechkit import clean, segment


def test_doubled_title_is_de_doubled():
    c = clean("在在 20212021 年县委年县委“三项攻坚三项攻坚”推进大会推进大会上上")
    assert c.text == "在2021年县委“三项攻坚”推进大会上"


def test_ordinary_repetition_is_kept():
    for t in ("研究研究这个问题。", "一条一条落实。", "人人参与，天天坚持。"):
        assert clean(t).text == t


def test_offsets_point_into_raw():
    raw = "温馨提示:\n1. 本文档由网友上传,版权归原作者。\n网站客服:123\n标签\n在 2021 年,要完成 10 月 20 日的任务"
    c = clean(raw)
    assert c.text == "在2021年，要完成10月20日的任务"
    for i, ch in enumerate(c.text):
        if ch not in "，":
            assert raw[c.offsets[i]] == ch


def test_spaces_and_breaks():
    assert clean("政 府 工 作 报 告\n内容").text == "政府工作报告\n内容"
    assert clean("政府工作报\n告\n内容").text == "政府工作报告\n内容"
    assert clean("第一段。　　第二段。").text == "第一段。\n第二段。"
    assert clean("城乡环境 PPP 项目").text == "城乡环境PPP项目"
    assert clean("a\u200bb").text == "ab"


def test_redaction_gaps_marked():
    c = clean("再收储土地亩、招商引资亿元以上，完成3亿元。")
    assert [(g.unit, c.text[g.start:g.end]) for g in c.gaps] == [("亩", "亩"), ("亿元", "亿元")]


def test_seed_lookalike_segments(corpus_dir, speeches):
    sp = speeches["jiangcheng-tuijin-2021"]
    doc = segment(sp)
    assert "温馨提示" not in doc.text and "网站客服" not in doc.text
    assert doc.sentences[0].text == "在2021年江城县“三大攻坚”推进会上讲话"
    heads = [h.text for h in doc.headings]
    assert heads == ["一、认清形势，增强紧迫感", "二、聚焦重点，狠抓项目建设", "三、压实责任，确保落实见效"]
    starts = [h.start for h in doc.headings]
    assert starts == sorted(starts)


def _roundtrip_ok(doc, span):
    """raw[raw_start:raw_end] gives the span's text back, modulo removed noise and normalized punctuation."""
    raw = doc.raw[span.raw_start:span.raw_end]
    # cleaning turns half-width marks full-width and pairs straight double quotes (「“…"」 → 「“…”」): compare past both
    squash = lambda s: "".join(ch for ch in s if not ch.isspace() and ch not in ",:;?!()，：；？！（）\u200b").translate(  # noqa: E731
        _QUOTES)
    return squash(span.text) in squash(raw) or _dedoubled(squash(raw), squash(span.text))


_QUOTES = str.maketrans({"“": '"', "”": '"'})


def _dedoubled(raw, text):
    # doubled text (PDF bold): every character of the span appears in order in the raw
    it = iter(raw)
    return all(ch in it for ch in text)


def test_every_sentence_maps_back_to_raw(speeches):
    n = 0
    for sp in speeches.values():
        doc = segment(sp)
        for s in doc.sentences + doc.clauses:
            assert _roundtrip_ok(doc, s), (sp.doc_id, s)
            n += 1
    assert n > 200


def _check_spans(text):
    doc = segment(text)
    prev_end = 0
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(doc.text)
        assert s.start >= prev_end
        assert 0 <= s.raw_start <= s.raw_end <= len(text)
        prev_end = s.end
    covered = set()
    for s in doc.sentences:
        covered.update(range(s.start, s.end))
    for i, ch in enumerate(doc.text):
        if not ch.isspace():
            assert i in covered, (text, i)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_random_unicode_never_crashes(text):
    _check_spans(text)


ALPHABET = "要确保年内完成，。、；：“”（）！？ \n\u3000一二三四五六七八九十123年月日亿元个" + string.ascii_letters
@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_speechlike_text_never_crashes(text):
    _check_spans(text)


@pytest.mark.parametrize("text", ["", " ", "\n\n\u3000\u3000\n", "\u200b"])
def test_empty_and_blank(text):
    doc = segment(text)
    assert doc.sentences == [] and doc.text.strip() == ""


def test_tokens_use_domain_dictionary():
    doc = segment("落细“六稳”“六保”，推行“店小二”制度。")
    words = [t.text for t in doc.tokens()]
    assert "六稳" in words and "店小二" in words
    for t in doc.tokens():
        assert doc.raw[t.raw_start:t.raw_end] == t.text


def test_a_sentence_without_end_is_cut_at_clause_breaks_and_maps_back():
    """Text whose sentence ends were lost is processed a bounded stretch at a time (segment.SENTENCE_MAX),
    cut at a clause break, and every sentence still maps back to the text."""
    from speechkit.segment import SENTENCE_MAX, segment

    text = "县交通局要完成道路通车，" * 400 + "县水利局要加快建设。"
    doc = segment(text)
    lengths = [s.end - s.start for s in doc.sentences]
    assert max(lengths) <= SENTENCE_MAX and len(lengths) > 1
    assert all(doc.text[s.start:s.end].endswith(("，", "。")) for s in doc.sentences)
    assert "".join(doc.text[s.start:s.end] for s in doc.sentences) == doc.text


def test_recognition_chunks_of_one_long_paragraph_are_bounded():
    from speechkit.extractor.recognition import CHUNK, chunks
    from speechkit.segment import segment

    doc = segment("县交通局要在6月底前完成通车。" * 2000)  # one paragraph of 30,000 characters
    spans = chunks(doc)
    assert len(spans) > 1 and max(b - a for a, b in spans) <= CHUNK + 1000
    assert spans[0][0] == 0 and spans[-1][1] == len(doc.text)
    assert all(b == a2 for (_, b), (a2, _) in zip(spans, spans[1:]))


def test_recognition_chunks_leave_out_skipped_paragraphs():
    """A paragraph inside a skipped range (a review section) is in no chunk, and no chunk runs across it;
    a piece there is still recognized, on its own."""
    from speechkit.extractor.recognition import Recognition, chunks
    from speechkit.rules.cues import cue_table
    from speechkit.segment import segment

    doc = segment("县交通局要完成通车。\n去年县水利局要求加快建设。\n县林业局要在年内完成造林。")
    paras = list(doc.paragraphs.offsets())
    skip = [(paras[1][1], paras[1][2])]
    assert chunks(doc) == [(paras[0][1], paras[2][2])]
    assert chunks(doc, skip) == [(paras[0][1], paras[0][2]), (paras[2][1], paras[2][2])]
    plain, skipping = Recognition(doc, lambda text: [], cue_table()), Recognition(doc, lambda text: [], cue_table(), skip)
    for a, b in [(p[1], p[2]) for p in paras]:
        assert [c.cue for c in skipping.recognized(a, b)[0]] == [c.cue for c in plain.recognized(a, b)[0]]
