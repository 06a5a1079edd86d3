"""The extractor: its stages, in order, and their names.

    structure   the document tree, its facts and scope-setters           structure.py, scopes.py
    candidates  sentence filters, then candidate clauses                   candidates.py
    grouping    candidates → one group per record (named rules)            grouping.py, targets.py
    fields      owner, cue and strength, deadline, frequency, metrics      fields.py
    checkable   verb class × object, number, recurring duty                records.py (rules/checkable.py)

Rules and lexicons are in ``speechkit/data/`` (clauses.yaml, sentences.yaml, cues.yaml,
owners.yaml, checkable.yaml, times.yaml, quantities.yaml); every decision is kept on the
record's trail, and every rejected sentence or clause is kept with the rule that rejected it.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager

from ..commitment import Commitment
from ..speech import Speech
from ..rules.cues import cue_table
from ..segment import Span, segment
from . import fields as F
from .candidates import candidates, sentence_filter, tasks_after_wording, wording_filter
from .extraction import Extraction
from .grammar import Grammar
from .grouping import Group, group
from .patterns import clause
from .records import Draft, build, checkable_field, indicator_type
from .structure import DocTree
from .targets import statement_colon, target_list
from .trail import Field, Rejection, Step, Trail

__all__ = ["Extractor", "extract", "STAGES"]

STAGES = ("structure", "candidates", "grouping", "fields", "checkable")


class Extractor:
    """Rule-based commitment extractor with its own lexicon additions and tokenizer.

    ``cues`` adds cue words ``{word: "strong"|"medium"|"weak"}``; ``owners``
    adds actor names (a city's organs and projects); ``domain_words`` go to
    this extractor's own ``jieba.Tokenizer``. Nothing is shared with other
    extractors in the process.

    ``pause_gc`` (default on): while one document is extracted, Python's cyclic garbage collector
    is paused (its objects are freed by reference counting as usual; cycles wait until the
    document is done, when the collector's previous state is restored). A document's pass makes
    hundreds of thousands of short-lived objects, and the collector's scans of them cost about
    6 % of it. Nothing else changes; ``pause_gc=False`` leaves the collector alone.

    >>> ex = Extractor(owners=["江城港务集团"], cues={"务求": "strong"})
    >>> s = Speech.from_text("江城港务集团务求年内完成搬迁。", doc_id="d", date="2021-03-01")
    >>> c = ex.extract(s)[0]
    >>> c.owner, c.strength, c.deadline["end"]
    ('江城港务集团', 'strong', '2021-12-31')
    """

    def __init__(self, cues: dict | None = None, owners=(), domain_words=(), pause_gc: bool = True):
        self.cues = dict(cues or {})
        self.pause_gc = pause_gc
        self.owners = frozenset(owners)
        self.domain_words = tuple(domain_words)
        self._table = cue_table(self.cues)
        self._tokenizer = None
        self.grammar = Grammar([(w, "n") for w in self.domain_words + tuple(self.owners)])

    @property
    def tokenizer(self):
        """This extractor's own ``jieba.Tokenizer`` (created on first use)."""
        if self._tokenizer is None:
            from ..tokenize import make_tokenizer

            self._tokenizer = make_tokenizer(self.domain_words + tuple(self.owners))
        return self._tokenizer

    def extract(self, speech: Speech | str, date=None, *, lean: bool = False) -> Extraction:
        """Extract the commitments of a speech (or of a text, dated by ``date``).

        Every record keeps its decision trail and every rejected sentence or clause is kept, for
        :meth:`Extraction.explain`. With ``lean=True`` neither is kept (a long document takes a third of
        the memory); ``explain`` then runs the extractor again on the sentence asked about.

        >>> ex = Extractor()
        >>> full, lean = ex.extract("县交通局要在6月底前完成通车。", date="2021-02-20"), \\
        ...     ex.extract("县交通局要在6月底前完成通车。", date="2021-02-20", lean=True)
        >>> full.to_records() == lean.to_records(), len(full[0].trail) > 0, lean[0].trail
        (True, True, ())
        >>> full.explain(0) == lean.explain(0)
        True
        """
        speech = _as_speech(speech, date)
        out: list[Commitment] = []
        rejected: list[Rejection] | None = None if lean else []
        with _collector_paused(self.pause_gc):
            tree = self._tree(speech)
            for sent in tree.doc.sentences:
                out.extend(self._sentence(tree, sent, rejected))
            doc = tree.doc
            del tree  # its tables are freed now, not scanned by the collector when it runs again
        if lean:
            return Extraction(speech, doc, out, [], extractor=self)
        return Extraction(speech, doc, out, rejected)

    def iter_extract(self, speech: Speech | str, date=None):
        """The commitments of a speech one by one as they are found, without trails or rejections, none
        kept: what a batch run writes (the memory it takes does not grow with the records). The garbage
        collector is not paused here: the caller's own work runs between the records it yields.

        >>> [c.owner for c in Extractor().iter_extract("县交通局要完成通车。县水利局要加快建设。", date="2021-02-20")]
        ['县交通局', '县水利局']
        """
        tree = self._tree(_as_speech(speech, date))
        for sent in tree.doc.sentences:
            yield from self._sentence(tree, sent, None)

    def sentence_at(self, speech: Speech, index: int) -> tuple[list[Commitment], list[Rejection]]:
        """The records and the rejections of sentence ``index`` alone, trails kept: what the whole
        extraction keeps for that sentence (:meth:`Extraction.explain` of a lean extraction)."""
        tree = self._tree(speech)
        rejected: list[Rejection] = []
        return self._sentence(tree, tree.doc.sentences[index], rejected), rejected

    def _tree(self, speech: Speech) -> DocTree:
        return DocTree(speech, segment(speech), self._table, self.grammar)  # stage 1: structure

    def _sentence(self, tree: DocTree, sent: Span, rejected: list | None) -> list[Commitment]:
        """The records of one sentence; rejections go to ``rejected`` (``None``: lean, no trails or
        rejections kept)."""
        why = sentence_filter(tree, sent)  # stage 2: candidates
        if why is not None:
            if rejected is not None:
                rejected.append(_rejection(tree, sent.start, sent.end, sent.text, "candidates", why))
            return []
        cands = candidates(tree, sent)
        targets = statement_colon(tree, sent)
        groups, facts = ([], None) if targets is not None else group(tree, sent, cands, self.owners)  # stage 3
        if (targets is not None or groups) and (why := wording_filter(sent)) is not None:
            groups = [] if targets is not None else tasks_after_wording(sent, groups, why)
            end = groups[0].start if groups else sent.end  # the clauses the wording is in, or the whole sentence
            if rejected is not None:
                rejected.append(_rejection(tree, sent.start, end, tree.doc.text[sent.start:end], "candidates", why))
            if not groups:
                return []
        if targets is not None:
            drafts = target_list(tree, sent, cands, *targets)  # a main-targets statement
            for d in drafts:  # each target its own cue (a hedge weakens it), none passed between targets
                d.modality, d.strength = F.cue_fields(Group(d.parts, "target-in-list"), F.Carry(), self._table[2])
                if d.modality:
                    d.trail.append(Step("fields", f"modality:{d.modality.rule}", d.modality.span, _show(d.modality.value)))
        else:
            drafts = self._drafts(tree, sent, cands, groups, facts)  # stage 4: fields
        if rejected is not None:
            _rejected_clauses(tree, cands, drafts, rejected)
        indicator = indicator_type(sent.text) if drafts else None
        out = []
        for d in drafts:
            if d.checkable.value is None:
                d.checkable = checkable_field(d)  # stage 5: checkable
            d.trail.append(Step("checkable", d.checkable.rule, d.checkable.span, str(bool(d.checkable.value))))
            out.append(build(tree, d, indicator, trail=rejected is not None))
        return out

    def _drafts(self, tree: DocTree, sent: Span, cands, groups, facts) -> list[Draft]:
        carry = F.Carry(owner=F.opening_actor(tree, cands, groups, self.owners))
        assigning = any(p.context and p.noted("assignment-context") for p in cands)  # most sentences name no lead
        heads = F.head_times(facts, cands, groups)
        drafts = []
        prev_end = sent.start
        for g in groups:
            text = tree.doc.text[g.start:g.end]
            if carry.cue is not None and clause("item-end").search(clause("bracketed-note").sub("", tree.doc.text[prev_end:g.start])):
                carry.cue = None  # 「…，力争A；加强B，…」: a semicolon closes an item as a full stop does (principle
            prev_end = g.end  # split.semicolon), so the cue before it directs nothing after it
            d = Draft(g.start, g.end, text, "cue" if any(p.cues for p in g.parts) else "bare-directive", sent.index)
            d.parts = g.parts
            d.trail = [s for p in g.parts for s in p.trail]
            if assigning:
                F.assigned_lead(cands, g, carry)  # 「由X牵头，…」 before the record: X leads it and what follows
            d.owner = F.owner_field(tree, g, carry, self.owners)
            d.modality, d.strength = F.cue_fields(g, carry, self._table[2])
            d.deadline = F.deadline_field(tree, g, heads.get(id(g)))
            d.frequency = F.frequency_field(g)
            d.metrics = F.metric_fields(g)
            for name in ("owner", "modality", "deadline", "frequency"):
                fv = getattr(d, name)
                if fv:
                    d.trail.append(Step("fields", f"{name}:{fv.rule}", fv.span, _show(fv.value)))
            drafts.append(d)
        _assign_back(drafts)
        return drafts


def _assign_back(drafts: list[Draft]) -> None:
    """「新建幼儿园3所，改造校舍2万平方米，由县教育局负责。」: a closing clause that says who does the tasks (candidate
    note ``assignment-tail``) owns every record of its sentence that names no owner, as an item note does."""
    if not drafts or not drafts[-1].parts[-1].noted("assignment-tail") or drafts[-1].owner.rule != "led-by":
        return
    lead = drafts[-1].owner
    for d in drafts[:-1]:
        if not d.owner:
            d.owner = Field(lead.value, "assignment-tail", lead.span)
            d.trail.append(Step("fields", "owner:assignment-tail", lead.span, _show(lead.value)))


def _as_speech(speech, date) -> Speech:
    return Speech.from_text(speech, date=date) if isinstance(speech, str) else speech


def _rejected_clauses(tree: DocTree, cands, drafts, rejected: list) -> None:
    """The candidate clauses that no record took and that grouping left out (skip, stop), with their rule."""
    used = {id(p) for d in drafts for p in d.parts}
    for p in cands:
        if id(p) not in used and p.trail and p.trail[-1].note in ("skip", "stop"):
            rejected.append(_rejection(tree, p.start, p.end, p.text, "grouping", p.trail[-1].rule, p.trail))


def _show(v) -> str:
    if isinstance(v, dict):
        return str(v.get("end") or v.get("kind") or v.get("count"))
    return str(v)


def _rejection(tree: DocTree, a: int, b: int, text: str, stage: str, rule: str, trail=()) -> Rejection:
    cl = tree.doc.cleaned
    rs, re_ = cl.raw_span(a, b)
    return Rejection(rs, re_, text, stage, rule, Trail(trail, tree.raw_span))


def extract(speech: Speech | str, date=None, **kw) -> Extraction:
    """Extract commitments with a default :class:`Extractor` (see its options).

    >>> [(c.text, c.strength, c.deadline["end"]) for c in extract("确保年内完成政务中心搬迁。", date="2021-03-01")]
    [('确保年内完成政务中心搬迁', 'strong', '2021-12-31')]
    """
    return Extractor(**kw).extract(speech, date=date)


@contextmanager
def _collector_paused(pause: bool):
    """Pause Python's cyclic garbage collector for the block when ``pause`` and it is running; restore it after."""
    was = gc.isenabled()
    if pause and was:
        gc.disable()
    try:
        yield
    finally:
        if pause and was:
            gc.enable()
