"""The sentence corpus (speechkit/data/sentence_corpus.yaml), one test per case: the extractor must give
exactly the records the case lists, with their fields. Known misses carry `xfail: reason` in the file."""
import datetime as dt

import pytest

from speechkit.lexicon import load

GENRE = {"report": "gwr", "plan": "plan", "speech": "speech"}


def _cases():
    out = []
    for c in load("sentence_corpus")["cases"]:
        marks = [pytest.mark.xfail(reason=c["xfail"], strict=True)] if c.get("xfail") else []
        out.append(pytest.param(c, id=c["id"], marks=marks))
    return out


def _end(deadline):
    if deadline is None or deadline == "vague":
        return None
    if isinstance(deadline, dict):
        deadline = deadline.get("end")
    return deadline.isoformat() if isinstance(deadline, dt.date) else deadline


def _squash(s):
    return "".join((s or "").split())


def mismatches(case, records) -> list[str]:
    """What differs between the case's expected records and the extracted ones (empty when they agree)."""
    want = case["records"]
    got = {_squash(r.text): r for r in records}
    out = []
    if [_squash(w["text"]) for w in want] != [_squash(r.text) for r in records]:
        out.append(f"records {[r.text for r in records]} != expected {[w['text'] for w in want]}")
    for w in want:
        r = got.get(_squash(w["text"]))
        if r is None:
            continue
        if (w.get("strength") or "medium") != r.strength:
            out.append(f"{w['text']}: strength {r.strength} != {w.get('strength')}")
        wo, ro = _squash(w.get("owner")), _squash(r.owner)
        if bool(wo) != bool(ro) or (wo and wo not in ro and ro not in wo):
            out.append(f"{w['text']}: owner {r.owner!r} != {w.get('owner')!r}")
        if _end(w.get("deadline")) != (r.deadline or {}).get("end"):
            out.append(f"{w['text']}: deadline {(r.deadline or {}).get('end')} != {_end(w.get('deadline'))}")
        wd = w.get("deadline")
        if isinstance(wd, dict) and "kind" in wd and wd["kind"] != (r.deadline or {}).get("kind"):
            out.append(f"{w['text']}: deadline kind {(r.deadline or {}).get('kind')} != {wd['kind']}")
        if bool(w.get("checkable")) != r.checkable:
            out.append(f"{w['text']}: checkable {r.checkable} != {w.get('checkable')}")
        for m in w.get("metrics") or []:
            if not any(m.get("value") == g.get("value") and m.get("unit") == g.get("unit")
                       and m.get("op", g.get("op")) == g.get("op") for g in r.metrics):
                out.append(f"{w['text']}: metric {m} not in {r.metrics}")
    return out


@pytest.fixture(scope="module")
def extractor():
    from speechkit import Extractor

    return Extractor()


@pytest.mark.parametrize("case", _cases())
def test_sentence_case(extractor, case):
    from speechkit import Speech

    sp = Speech.from_text(case["text"], doc_id=case["id"], date=str(case["date"]), kind=GENRE[case["genre"]])
    bad = mismatches(case, extractor.extract(sp).commitments)
    assert not bad, "\n".join([case["text"].strip()] + bad)
