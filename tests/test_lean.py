"""Lean extraction (no trails, no rejections kept) and streaming (records one by one, none kept) give the
records of the full extraction, and ``explain`` on a lean result says what it says on the full one."""
import pytest

from speechkit import Extractor


@pytest.fixture(scope="module")
def lean(speeches):
    ex = Extractor()
    return {k: ex.extract(s, lean=True) for k, s in speeches.items()}


def test_lean_and_streamed_records_are_the_full_records(speeches, extractions, lean):
    ex = Extractor()
    for k, sp in speeches.items():
        full = extractions[k].to_records()
        assert lean[k].to_records() == full, k
        assert [c.to_dict() for c in ex.iter_extract(sp)] == full, k
        assert [c.provenance() for c in lean[k]] == [c.provenance() for c in extractions[k]], k


def test_lean_keeps_no_trail_and_no_rejection(extractions, lean):
    for k, res in lean.items():
        assert res.lean and not extractions[k].lean
        assert res.rejected == [] and all(c.trail == () for c in res)
        assert extractions[k].rejected, k  # the full extraction of every sample document rejects something


@pytest.mark.parametrize("doc_id", ["jiangcheng-gwr-2021", "jiangcheng-speech-2023"])
def test_explain_of_a_lean_result_is_the_full_explanation(extractions, lean, doc_id):
    full, thin = extractions[doc_id], lean[doc_id]
    assert [thin.explain(i) for i in range(len(thin))] == [full.explain(i) for i in range(len(full))]
    raw = full.speech.raw
    offsets = [r.start for r in full.rejected] + list(range(0, len(raw), 97))
    assert [thin.explain(at=o) for o in offsets] == [full.explain(at=o) for o in offsets]
