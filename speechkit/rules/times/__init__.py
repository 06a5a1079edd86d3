"""Time expressions in speech language, normalized against the speech's date.

Rules live in ``data/times.yaml`` with their examples; this package compiles
them (:mod:`.compile`), reads the text through full-width digits, Traditional
characters and PDF spacing (:mod:`.normalize`), takes the longest match at each
position, and turns matches into dates (the ``*_rules`` modules). Relative
expressions resolve against the speech date given, never against today:
without one they come back unresolved, with a ``note`` saying why. A form that
is found but not understood comes back with ``end`` None and a ``note``, never
with a guess.

>>> [(t.text, t.kind, t.end) for t in find_times("确保年内成功申报", "2020-10-20")]
[('年内', 'period', '2020-12-31')]
>>> [(t.text, t.end) for t in find_times("县交通局要在今年6月底前完成通车", "2021-03-05")]
[('在今年6月底前', '2021-06-30')]
>>> [(t.text, t.end) for t in find_times("2017年8月11日至8月22日", "2021-06-14")]
[('2017年8月11日至8月22日', '2017-08-22')]
>>> t = find_times("明天下午5点前报送", "2021-06-14")[0]
>>> t.end, t.clock
('2021-06-15', '下午5点')
>>> [(t.text, t.end) for t in find_times("下週三前", "2021-06-14")]
[('下週三前', '2021-06-23')]
>>> [(t.text, t.end) for t in find_times("新图书馆9月将投入使用", "2020-10-20")]
[('9月', '2021-09-30')]
>>> f = find_times("每周至少两次深入施工一线", "2020-10-20")[0]
>>> f.kind, f.count, f.per, f.op
('frequency', 2, 'week', '>=')
>>> t = find_times("冲刺月内完成", "2021-08-20", named={"冲刺月": ("2021-09-01", "2021-09-30")})[0]
>>> t.kind, t.start, t.end
('named', '2021-09-01', '2021-09-30')
>>> find_times("年内完成", None)[0].note
'no speech date: relative expression left unresolved'
"""
from __future__ import annotations

from .compile import rules as _rules
from .find import define_periods, find_times
from .model import TimeExpr

__all__ = ["TimeExpr", "find_times", "define_periods"]
