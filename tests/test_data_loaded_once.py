"""Data files are parsed once a process: extracting another text parses none of them again (a rule that calls
``load`` per clause or per figure made the pipeline ten times slower once; speed itself is measured in benchmarks/)."""
import speechkit.lexicon as lexicon
from speechkit import Extractor, Speech

_TEXTS = [
    "今年要完成老旧小区改造40个。落实好个体工商户增值税起征点提高到15万元的优惠政策。",
    "5．开展智慧农业示范推广。\n设施种植。支持种植大户建设智能温室大棚。（责任单位：市农业农村局）\n"
    "6．全市新增300家（累计约900家）农家乐接入预订平台。（9月底前完成，牵头单位：市文旅局）",
    "县发展改革委负责重点项目用地指标统筹。有关方面要抓紧梳理堵点问题。各乡镇要在1.5个月内完成排查整改。",
]


def test_no_data_file_is_parsed_per_text(monkeypatch):
    ex = Extractor()
    for t in _TEXTS:  # warm: every table a rule reads is loaded here
        ex.extract(Speech.from_text(t, doc_id="warm", date="2024-03-01", kind="plan"))
        ex.extract(Speech.from_text(t, doc_id="warm", date="2024-03-01", kind="gwr"))
    parsed = []
    real = lexicon._load_text
    monkeypatch.setattr(lexicon, "_load_text", lambda name: parsed.append(name) or real(name))
    for t in _TEXTS:
        for kind in ("plan", "gwr", "speech"):
            ex.extract(Speech.from_text(t.replace("300", "400"), doc_id="again", date="2024-05-01", kind=kind))
    assert parsed == [], f"data files parsed again while extracting: {sorted(set(parsed))}"
