"""Every example and counterexample of the extractor's data files is its own test case:
data/clauses.yaml, data/structure.yaml, data/grammar.yaml, data/checkable.yaml."""
import pytest

from speechkit.lexicon import load


def _mode_cases(name):
    out = []
    for r in load(name)["rules"]:
        for pos, key in ((True, "examples"), (False, "counterexamples")):
            for i, text in enumerate(r.get(key) or []):
                out.append(pytest.param(name, r["id"], text, pos, id=f"{name}-{r['id']}-{key[:7]}{i}"))
    return out


@pytest.mark.parametrize("name,rid,text,positive", _mode_cases("clauses") + _mode_cases("structure"))
def test_pattern_rule(name, rid, text, positive):
    from speechkit.extractor.patterns import mode_rules

    pat, rule = mode_rules(name)[rid]
    found = pat.match(text) if rule["mode"] == "match" else pat.search(text)
    assert bool(found) == positive, f"data/{name}.yaml {rid}: {text!r} {'not ' if positive else ''}found"


def test_every_pattern_rule_has_examples_and_counterexamples():
    for name in ("clauses", "structure"):
        for r in load(name)["rules"]:
            assert r.get("examples") and r.get("counterexamples"), f"data/{name}.yaml {r['id']}"


@pytest.fixture(scope="module")
def grammar():
    from speechkit.extractor import Extractor

    return Extractor().grammar


def _grammar_cases():
    d = load("grammar")
    out = []
    for key in ("not_verbs", "openers", "framing_verbs", "object_openers", "adverbial_openers", "compound_verbs"):
        for pos, k in ((True, "examples"), (False, "counterexamples")):
            for i, text in enumerate(d[key].get(k) or []):
                out.append(pytest.param(key, text, pos, id=f"{key}-{k[:7]}{i}"))
    return out


@pytest.mark.parametrize("text,positive", [pytest.param(t, pos, id=f"priority-{k[9:16]}{i}")
                                           for pos, k in ((True, "priority_examples"), (False, "priority_counterexamples"))
                                           for i, t in enumerate(load("grammar")["framing_verbs"][k])])
def test_framing_that_sets_a_priority_directs(grammar, text, positive):
    """A framing clause directs when what it takes something as is a priority or a role, not a diagnosis."""
    assert grammar.framing(text)
    assert (grammar.framing_verb(text) is not None) == positive, text


@pytest.mark.parametrize("key,text,positive", _grammar_cases())
def test_grammar_rule(grammar, key, text, positive):
    if key in ("not_verbs", "compound_verbs"):  # examples are verb-led by part of speech, counterexamples are not
        got = grammar.leading_verb(text) is not None
    elif key == "framing_verbs":
        got = grammar.framing(text)
    elif key == "openers":
        got = grammar.main_verb_after_opener(text) is not None
    elif key == "adverbial_openers":  # examples open with a preposition's phrase, counterexamples with a subject
        got = grammar.adverbial_opening(text)
    else:
        got = grammar.object_opener(text) and grammar.main_verb_after_opener(text) is not None
    assert got == positive, (key, text)


def _checkable_cases():
    d = load("checkable")
    out = []
    for group in ("verbs", "objects"):
        for name, entry in d[group].items():
            for pos, k in ((True, "examples"), (False, "counterexamples")):
                for i, text in enumerate(entry.get(k) or []):
                    out.append(pytest.param(f"{group}.{name}", text, pos, id=f"{group}-{name}-{k[:7]}{i}"))
    for r in d["decisions"]:
        for pos, k in ((True, "examples"), (False, "counterexamples")):
            for i, text in enumerate(r.get(k) or []):
                out.append(pytest.param(f"decisions.{r['id']}", text, pos, id=f"decision-{r['id']}-{k[:7]}{i}"))
    return out


@pytest.mark.parametrize("where,text,positive", _checkable_cases())
def test_checkable_example(where, text, positive):
    """Examples are checkable (a decision's by that very rule), counterexamples are not (a state's
    lexicon: examples state a relation of a statistic, counterexamples do not)."""
    from speechkit.rules.checkable import decide, relation
    from speechkit.rules.quantities import find_quantities

    if where in ("objects.statistics", "objects.state_predicates"):
        assert relation(text) == positive, text
        return
    if where in ("objects.abstract", "objects.services"):  # examples are directions, counterexamples not
        positive = not positive
    rid = where.split(".", 1)[1] if where.startswith("decisions.") else None
    dated = any(r["id"] == rid and r.get("dated") for r in load("checkable")["decisions"])  # read with a deadline
    ok, rule = decide(text, has_metric=any(q.role == "target" for q in find_quantities(text)), dated=dated)
    assert ok == positive, (text, rule)
    if positive and where.startswith("decisions."):
        assert rule == where.split(".", 1)[1], (text, rule)


def test_verb_classes_do_not_overlap():
    d = load("checkable")
    seen = {}
    for name, entry in d["verbs"].items():
        for w in entry["words"]:
            assert w not in seen, f"{w} is in verbs.{name} and verbs.{seen[w]}"
            seen[w] = name


@pytest.mark.parametrize("text,rest", [*load("checkable")["disposal_jiang_examples"].items(),
                                       *load("checkable")["disposal_jiang_counterexamples"].items()])
def test_disposal_jiang_is_not_read_past(text, rest):
    """将 opening a disposal clause stays (the act after its object leads); 将 before a verb is read past."""
    from speechkit.rules.checkable import decide, strip_manner

    assert strip_manner(text) == rest
    if rest.startswith("将"):
        assert decide(text) == (True, "instrument-act"), text


@pytest.mark.parametrize("text,rest", [*load("checkable")["frame_examples"].items(),
                                       *((t, None) for t in load("checkable")["frame_counterexamples"])])
def test_frame_phrase(text, rest):
    """在 + a time (a date, a span, a festival or season before which): by when the task is done, read past; a place
    or a period during which is not."""
    from speechkit.rules.checkable import _patterns

    m = _patterns()["frame"].match(text)
    assert (text[m.end():] if m else None) == rest


@pytest.mark.parametrize("text,positive", [*((t, True) for t in load("checkable")["act_compounds_examples"]),
                                           *((t, False) for t in load("checkable")["act_compounds_counterexamples"])])
def test_act_compound_leads_with_the_act(text, positive):
    """A directional verb of improvement compounded with a discrete act (提升改造 升级建设) is decided by the act;
    pace leads (加快建设) and two directions (提升完善) stay directions."""
    from speechkit.rules.checkable import decide

    ok, rule = decide(text)
    assert ok == positive, (text, rule)
    if positive:
        assert rule == "programme-act", (text, rule)  # decided by the act after the compound's first verb


@pytest.mark.parametrize("text", load("checkable")["adverb_word_openers_examples"])
def test_adverb_that_opens_a_word_stays(text):
    """A one-character adverb (并 再) is read past only when it does not open a word (并网 再生)."""
    from speechkit.rules.checkable import strip_adverbs, strip_manner

    opens = load("checkable")["adverb_word_openers"]
    for strip in (strip_manner, strip_adverbs):
        rest = strip(text)
        assert not (rest[:1] in opens and rest[1:2] not in opens[rest[:1]]), (text, rest)
        assert any(rest.startswith(a + b) for a, bs in opens.items() for b in bs) or rest == text, (text, rest)


@pytest.mark.parametrize("text,positive", [pytest.param(t, pos, id=f"pivot-{k[12:19]}{i}")
                                           for pos, k in ((True, "instructing_examples"), (False, "instructing_counterexamples"))
                                           for i, t in enumerate(next(r for r in load("clauses")["rules"]
                                                                      if r["id"] == "pivot-actor")[k])])
def test_pivot_of_obligation_instructs_without_a_cue(text, positive):
    """With no cue, only a pivot of obligation (要求 责成 督促) said by no one or by an actor makes an instruction."""
    from speechkit.extractor.candidates import pivot_actor

    assert (pivot_actor(text, cued=False) is not None) == positive, text
    assert pivot_actor(text, cued=True) is not None  # before a cue, every pivot's object acts


@pytest.mark.parametrize("text,positive", [(t, True) for t in load("grammar")["place_examples"]]
                         + [(t, False) for t in load("grammar")["place_counterexamples"]])
def test_place_name(grammar, text, positive):
    """One word tagged a place name is a body politic when it holds a role (「上海作为…，要…」)."""
    assert grammar.place_name(text) == positive, text


@pytest.mark.parametrize("text,positive", [(t, True) for t in load("grammar")["place_role_examples"]]
                         + [(t, False) for t in load("grammar")["place_role_counterexamples"]])
def test_place_role(text, positive):
    """A place stands for its people and government only in a polity's role (「…国际大都市」, not 「…母亲河」)."""
    from speechkit.extractor.grammar import Grammar

    assert Grammar.place_role(text) == positive, text


@pytest.mark.parametrize("subj,who", [("督促各地压紧压实耕地", "各地"), ("要求各乡镇全面", "各乡镇"), ("市政府责成各县区", "各县区")])
def test_pivot_actor_ends_where_the_predicate_opens(grammar, subj, who):
    """With no cue, the actor after a pivot of obligation ends where part of speech opens the predicate, without
    the adverbs before it."""
    from speechkit.extractor.candidates import pivot_actor

    assert pivot_actor(subj, cued=False, grammar=grammar)[0] == who


@pytest.mark.parametrize("text,positive", [(t, True) for t in load("grammar")["passing_examples"]]
                         + [(t, False) for t in load("grammar")["passing_counterexamples"]])
def test_passing_a_review_is_a_verb(text, positive):
    """通过 before a review it ends with is the verb pass, not the preposition through."""
    from speechkit.extractor.grammar import Grammar

    assert (Grammar.passing(text) is not None) == positive, text
