"""Every example and counterexample of every rule data file is its own test case."""
import datetime as dt

import pytest

from speechkit.lexicon import load


def _date(v):
    return v.isoformat() if isinstance(v, dt.date) else v


def _cases(name, key="rules"):
    out = []
    for r in load(name)[key]:
        rid = r.get("id") or r.get("cue")
        for i, ex in enumerate(r.get("examples") or []):
            out.append(pytest.param(rid, ex, True, id=f"{rid}-ex{i}"))
        for i, ex in enumerate(r.get("counterexamples") or []):
            out.append(pytest.param(rid, ex, False, id=f"{rid}-counter{i}"))
    return out


@pytest.mark.parametrize("rid,ex,positive", _cases("times"))
def test_time_rule(rid, ex, positive):
    from speechkit import find_times

    found = find_times(ex["text"], ex["date"])
    if not positive:
        assert found == [], f"{ex['text']!r} should give no time expression, got {found}"
        return
    hits = [t for t in found if t.text == ex["surface"]]
    assert hits, f"{ex['surface']!r} not found in {ex['text']!r}: {found}"
    t = hits[0]
    assert t.rule == rid
    if t.kind == "frequency":
        assert (t.count, t.per, t.op) == (ex["count"], ex["per"], ex["op"])
    else:
        assert (t.start, t.end) == (_date(ex["start"]), _date(ex["end"]))


@pytest.mark.parametrize("rid,ex,positive", _cases("quantities"))
def test_quantity_rule(rid, ex, positive):
    from speechkit import find_quantities

    text = ex["text"] if positive else ex
    got = [(q.value, q.value_hi, q.unit, q.op) for q in find_quantities(text) if q.role == "target"]
    if not positive:
        assert got == []
        return
    want = [(q["value"], q.get("value_hi"), q["unit"], q["op"]) for q in ex["quantities"]]
    assert got == want


@pytest.mark.parametrize("rid,ex,positive", _cases("cues", key="cues"))
def test_cue(rid, ex, positive):
    from speechkit.rules.cues import find_cues

    cues = [c.cue for c in find_cues(ex)]
    assert (rid in cues) == positive, f"{ex!r}: cues {cues}"


@pytest.mark.parametrize("text", load("cues")["ba_examples"])
def test_jiang_as_ba_is_not_a_cue(text):
    from speechkit.rules.cues import find_cues

    assert "将" not in [c.cue for c in find_cues(text)]


@pytest.mark.parametrize("text", load("cues")["ba_counterexamples"])
def test_jiang_right_before_the_act_is_the_future(text):
    """将 with no object before the act (「…将移交社区管理」) is the future: a cue."""
    from speechkit.rules.cues import find_cues

    assert "将" in [c.cue for c in find_cues(text)]


@pytest.mark.parametrize("kind", ["line_rules", "inline_rules"])
def test_noise_rules_have_examples(kind):
    for r in load("noise")[kind]:
        assert r["examples"], r["id"]


def _noise_cases():
    out = []
    for kind in ("raw_rules", "line_rules", "inline_rules", "gap_rules"):
        for r in load("noise")[kind]:
            for i, ex in enumerate(r["examples"]):
                out.append(pytest.param(kind, r["id"], ex, True, id=f"{r['id']}-ex{i}"))
            for i, ex in enumerate(r.get("counterexamples") or []):
                out.append(pytest.param(kind, r["id"], ex, False, id=f"{r['id']}-counter{i}"))
    return out


@pytest.mark.parametrize("kind,rid,ex,positive", _noise_cases())
def test_noise_rule(kind, rid, ex, positive):
    from speechkit.clean import clean, find_gaps

    if kind == "gap_rules":
        text = ex[0] if positive else ex
        gaps = [g for g in find_gaps(text) if g.rule == rid]
        if positive:
            assert gaps and gaps[0].unit == ex[1]
        else:
            assert gaps == []
        return
    if kind == "raw_rules":
        from speechkit.clean import _rules as noise_rules

        pat = next(p for rid_, p, _ in noise_rules()[3] if rid_ == rid)
        if positive:
            assert clean(ex[0]).text == ex[1]
        else:
            assert pat.search(ex) is None
        return
    if kind == "line_rules":
        doc = f"正文第一段。\n{ex}\n正文第二段。"
        out = clean(doc).text
        if positive:
            assert out.replace("\n", "") == "正文第一段。正文第二段。"
        else:
            assert ex.strip()[:6] in out
        return
    if positive:
        assert clean(ex[0]).text == ex[1]
    else:
        assert clean(ex).text == ex


@pytest.mark.parametrize("text,redacted", [pytest.param(x, k == "examples", id=f"redaction-{k}-{i}")
                                            for k in ("examples", "counterexamples")
                                            for i, x in enumerate(load("noise")["redaction"][k])])
def test_redaction_example(text, redacted):
    """A redacted copy shows many units left by removed numbers; a few in a text are words."""
    from speechkit.clean import clean

    assert clean(text).redacted == redacted, text


@pytest.mark.parametrize("np_,actor", [pytest.param(x, g == "actors", id=f"{g}-{i}")
                                        for g in ("actors", "non_actors")
                                        for i, x in enumerate(load("owners")["examples"][g])])
def test_owner_example(np_, actor):
    from speechkit.rules.owners import is_actor

    assert is_actor(np_) == actor, np_


@pytest.mark.parametrize("np_,organ", [pytest.param(x, g == "organs", id=f"{g}-{i}")
                                        for g in ("organs", "not_organs")
                                        for i, x in enumerate(load("owners")["examples"][g])])
def test_organ_example(np_, organ, shared_grammar):
    """An organ written as a name opens a clause without a cue (directive.actor-led)."""
    from speechkit.extractor.candidates import organ_name

    assert organ_name(np_, shared_grammar) == organ, np_


@pytest.mark.parametrize("rid,text,positive", [
    pytest.param(r["id"], x, pos, id=f"{r['id']}-{'ex' if pos else 'counter'}{i}")
    for r in load("owners")["lead_patterns"]
    for pos, key in ((True, "examples"), (False, "counterexamples"))
    for i, x in enumerate(r.get(key) or [])])
def test_lead_pattern(rid, text, positive):
    from speechkit.rules.owners import lead_owner

    got = lead_owner(text)
    if positive:
        assert got is not None and got[1] == rid, (text, got)
    else:
        assert got is None or got[1] != rid, (text, got)


def _indicator_cases():
    out = []
    for r in load("indicators")["indicators"]:
        for i, ex in enumerate(r["examples"]):
            out.append(pytest.param(r["key"], ex["text"], ex["surface"], id=f"{r['key']}-ex{i}"))
        for i, text in enumerate(r.get("counterexamples") or []):
            out.append(pytest.param(r["key"], text, None, id=f"{r['key']}-counter{i}"))
    return out


@pytest.mark.parametrize("key,text,surface", _indicator_cases())
def test_indicator_rule(key, text, surface):
    from speechkit.rules.indicators import find_indicators

    found = [(m.key, m.text) for m in find_indicators(text)]
    if surface is None:
        assert key not in [k for k, _ in found], f"{text!r} should not mention {key}: {found}"
    else:
        assert (key, surface) in found, f"{text!r}: want {key} {surface!r}, got {found}"


def _text_cases(name, label):
    """(label of the rule, text, is it an example) for every example and counterexample of ``data/<name>.yaml``."""
    out = []
    for r in load(name)["rules"]:
        for pos, key in ((True, "examples"), (False, "counterexamples")):
            for i, text in enumerate(r.get(key) or []):
                out.append(pytest.param(r[label], text, pos, id=f"{r['id']}-{'ex' if pos else 'counter'}{i}"))
    return out


@pytest.mark.parametrize("polarity,text,positive", _text_cases("outcomes", "polarity"))
def test_outcome_rule(polarity, text, positive):
    from speechkit.outcomes import polarity_of

    got = polarity_of(text)
    if positive:
        assert got and got[0] == polarity, f"{text!r}: want {polarity}, got {got}"
    else:
        assert not got or got[0] != polarity, f"{text!r} should not be {polarity}"


@pytest.mark.parametrize("rid,text,excluded", _text_cases("sentences", "id"))
def test_sentence_rule(rid, text, excluded):
    from speechkit import Speech, extract

    got = extract(Speech.from_text(text, doc_id="t", date="2021-03-01", kind="speech")).commitments
    if excluded:
        assert got == [], f"{text!r} ({rid}) should give no record: {[c.text for c in got]}"
    else:
        assert got, f"{text!r} should still give a record"


@pytest.mark.parametrize("name,key", [("times", "rules"), ("quantities", "rules"), ("cues", "cues"),
                                      ("noise", "raw_rules"), ("noise", "line_rules"), ("noise", "inline_rules"),
                                      ("noise", "gap_rules"),
                                      ("owners", "lead_patterns"), ("indicators", "indicators"),
                                      ("outcomes", "rules"), ("sentences", "rules")])
def test_every_rule_has_examples_and_counterexamples(name, key):
    for r in load(name)[key]:
        rid = r.get("id") or r.get("cue") or r.get("key")
        assert r.get("examples"), f"data/{name}.yaml: {rid} has no examples"
        assert r.get("counterexamples"), f"data/{name}.yaml: {rid} has no counterexamples"


def _scan_texts():
    from pathlib import Path

    from speechkit import read_speech

    texts = [read_speech(p).raw for p in sorted((Path(__file__).resolve().parent.parent / "corpus").glob("*.txt"))]
    for r in load("times")["rules"]:
        texts += [e["text"] for e in (r.get("examples") or []) + (r.get("counterexamples") or [])]
    for r in load("noise")["gap_rules"]:
        texts += [e[0] if isinstance(e, list) else e for e in (r.get("examples") or []) + (r.get("counterexamples") or [])]
    return texts


def test_starts_find_what_a_full_scan_finds():
    """A rule's `starts` (its possible first characters) never hides a match: the prefiltered scan
    and a scan of every position agree on the sample corpus and on every example."""
    from speechkit.clean import _rules as noise_rules
    from speechkit.lexicon import scan, starts_of
    from speechkit.rules.times import _rules as time_rules

    rules = [(pat, starts_of(rule)) for _, pat, rule in time_rules()]
    rules += [(pat, starts_of(rule)) for _, pat, rule in noise_rules()[2]]
    for text in _scan_texts():
        for pat, starts in rules:
            assert starts is not None
            full = [m.span() for m in pat.finditer(text) if m.end() > m.start()]
            assert [m.span() for m in scan(pat, starts, text)] == full, (pat.pattern[:40], text[:40])


@pytest.mark.parametrize("text,positive", [(t, True) for t in load("cues")["directive_examples"]]
                         + [(t, False) for t in load("cues")["directive_counterexamples"]])
def test_bare_directive_verb(text, positive):
    """A record led by a bare directive verb of the cue table (推动 推进 实施 完成) is medium and inherits no cue."""
    from speechkit.rules.checkable import strip_manner
    from speechkit.rules.cues import bare_directive

    assert bare_directive(strip_manner(text)) == positive, text


@pytest.mark.parametrize("text,strength", sorted(load("cues")["own_scope_examples"].items())
                         + sorted(load("cues")["own_scope_counterexamples"].items()))
def test_own_scope_cue_not_passed_on(text, strength):
    """A support verb, 争创 or 积极 governs its own object only: the next clause of the sentence inherits no cue from it
    (medium); a hedge or a modal passes on (data/cues.yaml ``own_scope_cues``)."""
    from speechkit import Extractor

    recs = Extractor().extract(text, date="2025-01-20")
    assert len(recs) == 2, [r.text for r in recs]
    assert recs[1].strength == strength, text


@pytest.mark.parametrize("raw,subject", sorted(load("owners")["trailing_examples"].items()))
def test_subject_trailing_words_trimmed(raw, subject):
    """Adverbs and modals that end the stretch before the predicate are no part of the subject."""
    from speechkit.rules.owners import clean_subject

    assert clean_subject(raw) == subject


@pytest.mark.parametrize("raw,subject", sorted(load("owners")["leading_examples"].items()))
def test_subject_leading_words_trimmed(raw, subject):
    """Determiners, conjunctions and limits that open the stretch before the predicate are no part of the subject."""
    from speechkit.rules.owners import clean_subject

    assert clean_subject(raw) == subject


@pytest.mark.parametrize("text,positive", [(t, True) for t in load("cues")["disposal_examples"]]
                         + [(t, False) for t in load("cues")["disposal_counterexamples"]])
def test_disposal_clause_is_verb_led(text, positive):
    """将/把 + object + a placing or setting act makes the clause verb-led; framing a priority does not."""
    from speechkit.rules.cues import disposal_verb

    assert (disposal_verb(text) is not None) == positive, text
