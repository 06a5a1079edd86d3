"""Clauses → commitment records: a staged, rule-based extractor (see :mod:`.pipeline`).

>>> from speechkit.io import Speech
>>> s = Speech.from_text("冲刺月行动9月1日开始，9月30日结束。冲刺月内，滨江体育中心要整体竣工，滨江大道要完成路面铺装。",
...                      doc_id="demo", date="2021-08-20")
>>> [(c.text, c.owner, c.deadline["end"]) for c in extract(s)]
[('滨江体育中心要整体竣工', '滨江体育中心', '2021-09-30'), ('滨江大道要完成路面铺装', '滨江大道', '2021-09-30')]
"""
from .extraction import Extraction
from .pipeline import STAGES, Extractor, extract

__all__ = ["Extractor", "Extraction", "extract", "STAGES"]
