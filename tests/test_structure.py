"""Each scope-setter of the document tree (data/structure.yaml, speechkit/extractor/scopes.py) on a
short document written for the test: what it dates or owns, and where it stops."""
import pytest

from speechkit import Speech, extract


def _records(text, kind, date):
    return {c.text: c for c in extract(Speech.from_text(text, doc_id="t", date=date, kind=kind))}


def test_goal_paragraph_dates_its_bullets_until_the_next_heading():
    text = ("（二）发展目标\n到2025年，全县数字经济核心产业增加值突破80亿元。\n"
            "——建成5G基站1200个。\n——培育数字化转型示范企业30家。\n"
            "（三）重点任务\n1．建设县级数据共享平台，年内接入部门系统30个。")
    r = _records(text, "plan", "2023-04-12")
    assert r["建成5G基站1200个"].deadline["end"] == "2025-12-31"
    assert r["培育数字化转型示范企业30家"].deadline_rule.startswith("goal-paragraph")
    assert r["建设县级数据共享平台"].deadline is None  # the next heading of the same level ends the scope


def test_target_list_runs_to_the_end_of_its_paragraph():
    text = "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。城镇新增就业5000人以上。\n下一步，要抓好项目建设。"
    r = _records(text, "gwr", "2024-01-16")
    assert r["城镇新增就业5000人以上"].deadline["end"] == "2024-12-31"
    assert r["城镇新增就业5000人以上"].rule == "target-list"


def test_item_note_owns_the_text_since_the_previous_note():
    text = "1．扩大出口。建立重点商品税率对比清单。（省海关负责）开展外贸企业专题培训。（省商务厅牵头，省财政厅配合）"
    r = _records(text, "plan", "2022-05-01")
    assert r["建立重点商品税率对比清单"].owner == "省海关"
    assert r["开展外贸企业专题培训"].owner == "省商务厅"


def test_lead_line_owns_the_items_below_it():
    text = "牵头单位：市卫生健康委\n1．新建社区卫生服务中心6个。\n2．二级以上公立医院全部开通线上预约诊疗。"
    r = _records(text, "plan", "2023-04-03")
    assert "牵头单位：市卫生健康委" not in r
    assert r["新建社区卫生服务中心6个"].owner == "市卫生健康委"


def test_ontime_takes_the_date_the_text_ties_it_to():
    text = "到2022年底，全县农村饮水安全工程全部完工，这是向群众作出的承诺，必须如期实现。各乡镇要确保饮水工程如期完工。"
    r = _records(text, "speech", "2021-09-10")
    assert r["各乡镇要确保饮水工程如期完工"].deadline["end"] == "2022-12-31"


def test_ontime_in_a_work_report_is_tied_only_within_its_sentence():
    text = ("实施城市更新行动。城东安置房确保如期交付。到2025年县城全面实现雨污分流，必须如期实现。"
            "到2024年底，城西学校建成投用，确保如期开学。")
    r = _records(text, "gwr", "2024-02-01")
    assert r["城东安置房确保如期交付"].deadline["kind"] == "vague"
    assert r["必须如期实现"].deadline["end"] == "2025-12-31"
    assert r["确保如期开学"].deadline["end"] == "2024-12-31"


@pytest.mark.parametrize("text,kind", [
    ("县政府将于年内出台关于加快发展的实施意见。", "gwr"),
    ("县财政局要在6月底前拨付上述资金2000万元。", "gwr"),
])
def test_wording_filters_spare_tasks(text, kind):
    assert _records(text, kind, "2023-02-01")


def test_clause_initial_year_dates_the_rest_of_its_sentence():
    text = "深入开展国土绿化行动，全年完成造林3万亩，新建公园5个。"
    r = _records(text, "gwr", "2023-02-20")
    assert r["新建公园5个"].deadline["end"] == "2023-12-31"


def test_review_section_holds_no_commitment_but_a_lower_heading_does_not_open_one():
    text = ("一、2023年工作回顾\n全县新建学校4所。\n二、2024年工作安排\n（一）推动乡村振兴取得新成效\n"
            "县农业农村局要完成高标准农田建设2万亩。")
    r = _records(text, "gwr", "2024-01-16")
    assert list(r) == ["县农业农村局要完成高标准农田建设2万亩"]


def test_five_year_targets_are_dated_to_the_end_of_the_period():
    text = ("“十四五”时期全县发展的主要目标如下：\n——地区生产总值年均增长6%左右。\n——城镇化率达到65%。")
    r = _records(text, "gwr", "2021-02-01")
    assert r["城镇化率达到65%"].deadline["end"] == "2025-12-31"


@pytest.mark.parametrize("chunk", [1, 300])
def test_recognizing_a_chunk_at_a_time_gives_what_the_whole_document_gives(monkeypatch, sample_corpus, chunk):
    """The recognizers run a chunk of paragraphs at a time (memory that does not grow with the document);
    chunks of one paragraph, or of a few, give the records that one chunk for the whole document gives."""
    from speechkit.extractor import recognition

    speeches = list(sample_corpus)[:3]
    whole = [[c.to_dict() for c in extract(sp)] for sp in speeches]
    monkeypatch.setattr(recognition, "CHUNK", chunk)
    assert [[c.to_dict() for c in extract(sp)] for sp in speeches] == whole


def test_a_rule_looking_back_sees_across_a_chunk_edge(monkeypatch):
    """A quantity's role looks 15 characters back for a list it counts (「甲、乙两条」); the whole document
    shows it the paragraph before, and so does a chunk, read with a margin of the text around it."""
    from speechkit.extractor import recognition
    from speechkit.extractor.structure import DocTree
    from speechkit.rules.cues import cue_table
    from speechkit.segment import segment

    text = "整治河道、湖泊。\n对这样一个问题，要研究。"
    sp = Speech.from_text(text, doc_id="t", date="2021-01-01")
    monkeypatch.setattr(recognition, "CHUNK", 1)
    doc = segment(sp)
    tree = DocTree(sp, doc, cue_table())
    p = doc.paragraphs[1]
    roles = [q.role for q in tree.recognized(p.start, p.end)[2]]
    assert roles == [q.role for q in recognition.find_quantities(text) if q.span[0] >= p.start] == ["count"]
