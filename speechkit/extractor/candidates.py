"""Stage 2, candidates: which sentences can hold commitments, and their candidate clauses.

A sentence is first checked by the sentence filters (each returns the name of the rule
that rejects it); the clauses of a sentence that passes become :class:`Candidate` objects
annotated with their cues, times, quantities, subject and leading verb.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache, partial

from ..rules.checkable import contribution, is_checkable, relation, starts_with_verb, verb_class, verb_pattern, \
    verb_search
from ..rules.cues import disposal_verb, find_cues
from ..rules.owners import (DEFINITION_HEAD, actor_word, clean_subject, field_organ, is_actor, is_organ, is_statistic, organ_suffixes, organ_words,
                            without_leading_time)
from ..rules.quantities import find_quantities
from ..rules.times import find_times
from ..segment import FULL_STOP, Span
from .patterns import clause, first_rule, mode_rules, openers, rule_patterns, structure
from .structure import TRAIL, DocTree
from .trail import Step

__all__ = ["Candidate", "sentence_filter", "wording_filter", "candidates"]

SLOGAN_MAX = 10
_BREAKS = re.compile(r"[，,、；;\d]")  # a slogan or a short theme has none of these
_BREAKS_NO_ENUM = re.compile(r"[，,；;]")
_HARD_BREAKS = re.compile(r"[；;\d]")
_NAME_DIGITS = re.compile(r'“[^”]*”|"[^"]*"|\d+[A-Za-z]|[A-Za-z]+\d+')  # 「“3030”工程」「5G」: digits of a name
_SPACE_OR_COMMA = re.compile(r"[\s，,]")
_PHRASE_BREAK = re.compile(r"[，,；;]")
_VOCATIVE = re.compile(r"(?:同志们|各位代表|各位委员|各位|朋友们)[，,：:]")


@dataclass(slots=True)
class Candidate:
    """A clause (or an enumerated part of one) that may be, or belong to, a commitment."""

    start: int  # cleaned offsets
    end: int
    text: str
    cues: list
    times: list
    quants: list
    listed: bool = False  # opened by 「二是」「第三」 inside a sentence: an item of its own
    context: bool = False  # leading context closed by a comma (「对标…，」): not part of a record
    tail: bool = False  # a purpose, manner or comparison tail
    manner: bool = False  # the tail is a manner adverb's clause (不断 切实 努力): a direction of its own
    subject: str | None = None
    subject_span: tuple[int, int] | None = None
    subject_before_cue: bool = False
    verb: str | None = None
    means_only: bool = False  # 「力争通过…，」: the cue's task is in the next clause
    actor_verb: str | None = None  # 「运营单位结合…提出…」: the verb after an actor opening a clause without cue
    trail: list = field(default_factory=list)
    _checkable: object = field(default=False, repr=False, compare=False)  # the answer, or (until asked) what gives it

    @property
    def checkable(self) -> bool:
        """The splitter's (broad) question: is this a task of its own? Decided when first asked: the grouping
        rules never ask it of most clauses of a sentence that gives no record."""
        if callable(self._checkable):
            self._checkable = self._checkable()
        return self._checkable

    @property
    def is_topic(self) -> bool:
        """Whether grouping read the clause as the topic of the task after it (a condition 「…的，」 or an object
        「对…，」): it opens that task's record and names whom the task is for, not who acts."""
        return self.noted("condition-topic") or self.noted("object-topic")

    def as_topic(self) -> None:
        """The clause names whom or what the task after it is for (「对年收购秸秆3000吨以上的企业，」): no task of its
        own for the splitter, and its figures (an eligibility threshold) no targets of the record."""
        self._checkable = False
        self.quants = []

    @property
    def frequency(self) -> bool:
        for tt in self.times:  # a loop: asked of every clause, most with no time
            if tt.kind == "frequency":
                return True
        return False

    def note(self, stage: str, rule: str, note: str = "") -> None:
        self.trail.append(Step(stage, rule, (self.start, self.end), note))

    def noted(self, rule: str) -> bool:
        """Whether a rule of that name is on the candidate's trail."""
        for st in self.trail:  # a loop: asked of every clause, most with an empty trail
            if st.rule == rule:
                return True
        return False


# ------------------------------------------------------------------ sentence filters

def _slogan(tree: DocTree, sent: Span, core: str) -> bool:
    """「要真查实督。」: a short standalone slogan (spec section 1). In a report or plan only at the head of
    a paragraph: a short directive inside one (「弘扬企业家精神。」) is a task; one with a number
    (「要培训两千人次。」) never is a slogan."""
    if len(core) > SLOGAN_MAX or _BREAKS.search(core):
        return False  # cheap checks first: most sentences are long or hold a comma
    para = tree.paragraph_of(sent)
    if tree.genre != "speech" and (sent.start != para.start or _ends_paragraph(tree, sent, para)):
        return False  # reports and plans run slogans in at the head of a paragraph (a sentence only notes of who leads
        # or by when follow is the whole item: 「推进数字政府建设。（市数据局负责）」); speeches use them anywhere
    if is_checkable(core) \
            or tree.recognized(sent.start, sent.end)[1] \
            or find_quantities(core, gaps=False):  # written figures: a missing number makes no target of a slogan
        return False
    cues = tree.recognized(sent.start, sent.end)[0]
    if any(clause("ban-or-guarantee").match(c.cue) for c in cues):
        return False  # 「严禁搞形象工程。」「确保不发生人员伤亡。」: a ban or a guarantee, not a slogan
    return not (cues and is_actor(clean_subject(core[:cues[0].span[0]])))  # 「县政府要抓好…」 names who


def _theme(tree: DocTree, sent: Span, core: str) -> bool:
    """A short standalone theme sentence heading a paragraph or item (「实施更大规模的减税。」)."""
    m = clause("list-mark").match(core)
    body = core[m.end():].lstrip("，,、：: ") if m else ""
    numbered = m and len(body) <= 20 and not _BREAKS_NO_ENUM.search(body) and not _figure(body)
    para = tree.paragraph_of(sent)
    heads = sent.start == para.start and len(core) <= 30 and not _ends_paragraph(tree, sent, para)  # (notes only: none)
    if m and not numbered and len(body) <= 30 and sent.start == para.start and _ends_paragraph(tree, sent, para) \
            and _titled(tree.recognized(sent.start, sent.end)) and _body_follows(tree, para) and not is_checkable(body):
        return True  # 「第二，聚焦营商环境，打好优化服务攻坚战。」 and its body below: a point's title
    if not (numbered or heads):
        return False  # cheap checks first: most sentences are neither
    if tree.scope("targets", sent.start) is not None:
        return False  # 「主要预期目标：」 then 「——…基本同步。」: an item of the target list, no title
    cues = tree.recognized(sent.start, sent.end)[0]
    if cues and is_actor(clean_subject(_PHRASE_BREAK.split(core[m.end() if m else 0:cues[0].span[0]])[-1])):
        return False  # 「县发改局要牵头制定…办法。」「一是县交通局要…」「上半年，县…中心要…」 names who: a task, not a theme
    if not m and cues and cues[0].span[0] == 0 and clause("auxiliary-cue").match(cues[0].cue):
        return False  # 「要稳住县域经济基本盘，增强发展韧性。」: a sentence a modal opens directs, no theme (the gold of
        # three national reports reads it so)
    if numbered:  # 「第三，坚决打好污染防治攻坚战。」: a numbered theme; a checkable item that is its whole paragraph,
        # the next one another item (「2．…医院全部开通线上预约诊疗。」), is the task; one a body follows is its title
        return not _item_is_task(tree, sent, para, body)
    if is_checkable(core):
        return False  # a concrete deliverable heads no theme
    if len(core) <= 16 and not _BREAKS.search(core):
        return True
    strong = any(c.strength == "strong" for c in cues)
    return len(core) <= 30 and not strong and not _HARD_BREAKS.search(core)


_TASK_DATE = re.compile("[月季日旬]")  # a time naming a month, quarter or day dates a task (「6月底前」), 全年 names no date


def _titled(recognized) -> bool:
    """What a point's title may hold: no cue, no time naming a month, quarter or day, no figure written in digits (「突出
    三个重点」 counts what it names; 「…，6月底前建成…」「改造…300户」 are tasks)."""
    cues, times, quants = recognized
    return not cues and not any(t.kind != "frequency" and _TASK_DATE.search(t.text) for t in times) \
        and not any(any(ch.isdigit() for ch in q.text) for q in quants)


def _ends_paragraph(tree: DocTree, sent: Span, para: Span) -> bool:
    """The sentence ends its paragraph, or only notes follow it: of who leads or by when (「1．开展…行动。（市司法局
    牵头）」: structure rule ``inline-note``) or an assessment's weight (「（1分）」: clause rule ``score-note``)."""
    return _trailing_notes(tree, sent, para) is not None


@lru_cache(maxsize=1)
def _score() -> re.Pattern:
    """Clause rule ``score-note`` (an assessment's weight 「（1分）」), unanchored: a note among notes."""
    return re.compile(mode_rules("clauses")["score-note"][1]["pattern"].rstrip("$"))


def _trailing_notes(tree: DocTree, sent: Span, para: Span) -> list | None:
    """The notes of who leads or by when that follow the sentence to its paragraph's end (weights between them
    read past), or ``None`` where other text follows it."""
    rest, notes = tree.doc.text[sent.end:para.end].strip(), []
    while rest[:1] in ("（", "("):
        m = structure("inline-note").match(rest) or _score().match(rest)
        if m is None:
            return None
        if not _score().fullmatch(m.group(0)):
            notes.append(m.group(0))
        rest = rest[m.end():].lstrip(TRAIL + " ")
    return notes if not rest.strip(TRAIL + " ") else None


def item_task(tree: DocTree, sent: Span) -> bool:
    """A numbered item that is its whole paragraph (a note may follow) and names a checkable task (「（一）11月底前，
    完成县第二水厂扩建工程主体施工。」): the item is the task, though it reads as a run-in title (spec section 3:
    numbered task items are commitments); a title a body follows (「（一）加强组织领导。」 and its paragraph) is none."""
    if not FULL_STOP.match(sent.text.rstrip()[-1:]):
        return False  # 「三、健全协同推进的推进机制」: a line with no full stop is a heading, whatever it names
    core = sent.text.rstrip(TRAIL)
    m = clause("list-mark").match(core)
    para = tree.paragraph_of(sent)
    if m is None or sent.start != para.start:
        return False
    return _item_is_task(tree, sent, para, core[m.end():].lstrip("，,、：: "))


def _item_is_task(tree: DocTree, sent: Span, para: Span, body: str) -> bool:
    """A numbered item that is its whole paragraph and no title of a body after it names a task: a checkable one,
    or any it notes who leads or by when (「21．全面落实…制度。（0.5分）（长期坚持，牵头单位：…）」: a title
    carries no such note)."""
    notes = _trailing_notes(tree, sent, para)
    return notes is not None and (bool(notes) or is_checkable(body)) and not _body_follows(tree, para)


def _body_follows(tree: DocTree, para: Span) -> bool:
    """The paragraph after ``para`` (past lines of who leads or by when: its notes) is body text of it: neither another
    item (a list mark opens it) nor a heading."""
    paras = tree.doc.paragraphs
    k = para.index + 1
    while k < len(paras) and any(structure(r).match(paras[k].text.strip()) for r in _LINES):
        k += 1  # 「责任单位：…」「时间节点：…」 after an item note it
    if k >= len(paras):
        return False
    nxt = paras[k]
    return not clause("list-mark").match(nxt.text.lstrip()) and not tree.in_heading(nxt.start, nxt.end)


def _goal_bullet_wish(tree: DocTree, sent: Span, core: str) -> bool:
    """「--新型基础设施更加完善。」: a goal bullet that states a wish, with no cue, number or checkable
    object (spec section 4); 「——茶园面积稳定在12万亩以上。」 is a target."""
    return sent.text.lstrip().startswith(("--", "——", "－－")) and not tree.recognized(sent.start, sent.end)[0] \
        and not find_quantities(core, gaps=False) and not is_checkable(core.lstrip("-—－ "))


_HEADS = ("occasion-head", "past-head", "present-head")  # a sentence that opens on the occasion, the past or the present


def _past_head(tree: DocTree, sent: Span, core: str) -> bool:
    """「过去一年，全县新建学校4所…」「去年，我们出台了…」「上半年，…」 (said in August): a sentence opened by a
    past time reports what was done, and one opened by the present (「目前，…」) describes the situation, unless a
    modal directs something in it (「去年…，今年要…」「当前，要…」);
    「今天召开…推进会，…」 describes the occasion."""
    voc = _VOCATIVE.match(core)  # 「同志们：今天召开…」
    at = voc.end() if voc else 0
    heads = openers(_HEADS, "structure")  # most sentences open with no character of theirs
    if (heads is None or core[at:at + 1] in heads) and structure("occasion-head").match(core, at):
        return True
    opens = heads is None or core[:1] in heads
    if opens and structure("present-head").match(core) and not structure("past-head").match(core):
        return _present_state(tree, sent)
    past = opens and structure("past-head").match(core)
    if not past:
        head = tree.time_at(sent.start)  # 「上半年，…」 said in August: a time that has passed
        if head is None or head.kind == "frequency" or head.end is None or tree.forward(head):
            return False
    return not directing(tree.recognized(sent.start, sent.end)[0])


def _present_state(tree: DocTree, sent: Span) -> bool:
    """A sentence opened by the present (structure rule ``present-head``: 「目前，在岗第一书记19.5万名」) describes the
    situation when it holds no cue but adjectives of a state (「形势积极向好」) and no time ahead of the speech
    (「当前，全力推进…，3月底前完成…」「当前，各乡镇严格落实…」 direct)."""
    cues, times, _ = tree.recognized(sent.start, sent.end)
    after = [sent.text[c.span[1]:c.span[1] + 2] for c in cues]
    if any(c.cue not in _STATE_WORDS and not (c.cue == "将" and a[:1] == "会" and a != "会同") for c, a in zip(cues, after)):
        return False  # 「…比例还将会上升」: 将会 in a description predicts (将会同… is 将 and 会同)
    return not any(tt.kind != "frequency" and tt.end and tree.forward(tt) for tt in times)


_STATE_WORDS = frozenset(("积极", "努力"))  # 「积极向好」「经过艰苦努力」: a state or an effort made, no instruction


def directing(cues) -> bool:
    """Whether any of the cues directs (a modal auxiliary 要 必须…, 确保 力争 将), rather than being a verb
    that may name a past act (「支持…发挥了作用」)."""
    return any(clause("auxiliary-cue").match(c.cue) or clause("ban-or-guarantee").match(c.cue) or c.cue in ("力争", "将")
               for c in cues)


def _run_in_theme(tree: DocTree, sent: Span, core: str) -> bool:
    """In a county report, a short sentence of words only inside a paragraph, with no cue but adverbs, before
    the sentences of its tasks (「全力稳住就业。」): a run-in theme (structure rule ``county-report``)."""
    if not tree.county or not structure("run-in-title").match(core):
        return False
    para = tree.paragraph_of(sent)
    if sent.start == para.start or sent.end >= para.end:
        return False
    cues = tree.recognized(sent.start, sent.end)[0]
    return all(clause("adverb-cue").match(c.cue) for c in cues)


def _numbered_run_in(tree: DocTree, sent: Span, core: str) -> bool:
    """「…。二是坚持因户施策，提高帮扶实效。帮扶工作，精准是关键。必须…」: a numbered sentence of one or two short
    phrases, no cue, date or figure, that its paragraph goes on after with sentences not numbered: the point's run-in
    title (structure rule ``numbered-run-in-title``); 「一是…。二是…。」 one after another are tasks."""
    m = clause("list-mark").match(core) if structure("numbered-run-in-title").match(core) else None
    if m is None:
        return False  # 「第一、一手抓…」: a 第一、 the list-mark rule reads as no mark (a numeral after it) is no title
    para = tree.paragraph_of(sent)
    if sent.end >= para.end or sent.index + 1 >= len(tree.doc.sentences):
        return False
    nxt = tree.doc.sentences[sent.index + 1]
    if nxt.start >= para.end or clause("list-mark").match(nxt.text.lstrip()):
        return False
    return _titled(tree.recognized(sent.start, sent.end)) and not is_checkable(core[m.end():])


def _box_sub_title(tree: DocTree, sent: Span, core: str) -> bool:
    """In a box's content (the paragraph after a 专栏 title line), a short sentence of words only, whose cues are
    adverbs at most, followed by a sentence with clauses that says how (「实施农业标准化引领计划。引导…，在…」): a
    run-in sub-title (structure rule ``box-title``)."""
    if not structure("run-in-title").match(core):
        return False
    para = tree.paragraph_of(sent)
    if para.index == 0 or sent.end >= para.end or not structure("box-title").match(tree.doc.paragraphs[para.index - 1].text):
        return False
    nxt = tree.doc.sentences[sent.index + 1].text  # a next sentence: this one does not end the paragraph
    if not any(p in nxt for p in "，,；;"):
        return False  # 「建设…平台。推广应用植保无人机500台。」: a task after a task, not a topic and its elaboration
    return all(clause("adverb-cue").match(c.cue) for c in tree.recognized(sent.start, sent.end)[0])


_STRUCTURAL = (("slogan", _slogan), ("theme-sentence", _theme), ("run-in-theme", _run_in_theme),
               ("box-sub-title", _box_sub_title), ("numbered-run-in-title", _numbered_run_in),
               ("goal-bullet-wish", _goal_bullet_wish), ("past-head", _past_head))


_LINES = ("lead-line", "roster-line", "deadline-line")  # structure rules of a line of who leads, sits, or by when


def sentence_filter(tree: DocTree, sent: Span) -> str | None:
    """The name of the rule that says this sentence holds no commitment, or ``None``."""
    if tree.in_heading(sent.start, sent.end) and not item_task(tree, sent):
        return "heading"
    core = sent.text.rstrip(TRAIL)
    if tree.in_review(sent.start) and not (tree.closes_review(sent) and structure("review-resolution").match(core)):
        return "review-section"  # 「我们要正视不足…」 closing a review looks ahead: a commitment
    lines = openers(_LINES, "structure")
    if lines is None or core[:1] in lines:  # most sentences open with no character of theirs
        if structure("lead-line").match(core):
            return "lead-line"  # 「牵头单位：X」: who owns the items below, not a task
        if structure("roster-line").match(core):
            return "roster-line"  # 「组长：…」「成员：…」: who sits on a body, not a task
        if structure("deadline-line").match(core):
            return "deadline-line"  # 「时间节点：6月底前」: by when the item above is done, not a task
    for name, rule in _STRUCTURAL:
        if rule(tree, sent, core):
            return name
    return None


def wording_filter(sent: Span) -> str | None:
    """The rule of ``data/sentences.yaml`` whose wording says this sentence holds no commitment (rhetorical
    questions, evaluations, procedure, titles…), or ``None``. Asked only of sentences that would give a record.
    A list introduction ends at its colon: the items after it in the same sentence (「…以下几项工作：一是…；二是…」)
    are read on their own (the introduction is the items' leading context, see :func:`annotate`)."""
    why = first_rule("sentences", sent.text)
    if why == "list-introduction":
        items = _items_after_colon(sent.text)
        if items is not None:
            return first_rule("sentences", items)
    return why


def tasks_after_wording(sent: Span, groups: list, why: str) -> list:
    """The records of a sentence whose wording says it holds none (:func:`wording_filter`) that are tasks of their
    own after the clause the wording is in: led by an actor before its cue (「这些目标任务十分艰巨，各乡镇要在3月底前
    …」: the judgement is one clause, the task another). Empty when none."""
    pat = rule_patterns("sentences").get(why)
    m = pat.search(sent.text) if pat is not None else None
    if m is None:
        return []
    brk = _PHRASE_BREAK.search(sent.text, m.end())
    if brk is None:
        return []
    after = sent.start + brk.end()
    keep = []
    for g in groups:
        p = g.parts[0]
        if g.start >= after and (keep or (p.subject_before_cue and p.cues and is_actor(p.subject))):
            keep.append(g)
    return keep


def _items_after_colon(text: str) -> str | None:
    """The text after the first colon of a sentence, when items follow it there."""
    i = min((k for k in (text.find("："), text.find(":")) if k >= 0), default=-1)
    rest = text[i + 1:].strip().rstrip(TRAIL) if i >= 0 else ""
    return rest if len(rest) >= 4 else None


# ------------------------------------------------------------------ clauses → candidates

def _bounds(tree: DocTree, a: int, b: int, head_end: int | None) -> tuple[int, int, bool] | None:
    """The clause ``[a, b)`` without a heading run into it, trailing punctuation, a list marker or a
    conjunction before its cue; and whether a numbered item marker opened it. ``head_end``: the end of the heading
    that opens the clause's sentence (``None`` when none does)."""
    text = tree.doc.text
    h_end = head_end if head_end is not None and a < head_end else None  # the heading holding the clause's start
    if h_end is not None:
        if h_end >= b:
            return None
        a = h_end
        while a < b and text[a] in TRAIL:
            a += 1
    while b > a and text[b - 1] in TRAIL:
        b -= 1
    if text[b - 1:b] in "）)":
        b = _without_closing_note(text, a, b)
    notes = openers(("inline-note",), "structure")  # 「（…负责）」: a bracket opens it
    note = structure("inline-note").match(text, a, b) if notes is None or text[a:a + 1] in notes else None
    if note:  # 「（省海关负责）巩固…」: the note of the task before, not part of this clause
        a = note.end()
        while a < b and text[a] in TRAIL:
            a += 1
    listed = False
    m = clause("list-mark").match(text, a, b)
    if m and m.end() < b:
        listed = bool(clause("item-mark").fullmatch(m.group(0)))
        a = m.end()
        while a < b and text[a] in TRAIL:
            a += 1
    conj = openers(("conjunction",))
    m = clause("conjunction").match(text, a, b) if conj is None or text[a:a + 1] in conj else None
    if m:
        after = find_cues(text[m.end():b], tree.table)
        if after and after[0].span[0] == 0:
            a = m.end()
    return (a, b, listed) if b > a else None


def _assignment_after_task(text: str, out: list[Candidate]) -> None:
    """A clause that only says who leads or helps (clause rule ``assignment-head``) after a task of its item is that
    task's note (「年内建成…平台，由区大数据局牵头，各街道配合。」: tails, the lead owns the task before them); only
    opening its sentence or its semicolon item does it head the tasks after it."""
    if not out:
        return
    span = text[out[0].start:out[-1].end]
    if _role_words().search(span) is None:
        return  # most sentences name no one who leads or helps
    task = False
    for i, c in enumerate(out):
        if i and _SEMICOLON.search(text, out[i - 1].end, c.start + 1):
            task = False  # 「…；由各街道办事处负责，年内新增…」: a new item
        if task and not c.cues and assignment_head(c.text) is not None:
            c.context, c.tail = False, True
            c.note("candidates", "assignment-tail")
        elif not c.context:
            task = True


@lru_cache(maxsize=1)
def _role_words() -> re.Pattern:
    """The words every assignment holds one of (clause rule ``assignment-head``, ``role_words``), as one pattern."""
    return re.compile("|".join(mode_rules("clauses")["assignment-head"][1]["role_words"]))


def assignment_head(text: str) -> re.Match | None:
    """「由X牵头」「Y配合」 (clause rule ``assignment-head``, its actor ``who`` and ``role``), or ``None``."""
    if _role_words().search(text) is None:
        return None  # most clauses hold no word of who leads or helps
    m = clause("assignment-head").match(text.rstrip("，,。；; "))
    return m if m is not None and is_actor(m["who"]) else None


def actor_adverbial(text: str) -> re.Match | None:
    """「各乡镇在汛期内」: an actor (``who``) followed only by where, when or within what it acts (clause rule
    ``actor-adverbial``), or ``None``."""
    m = clause("actor-adverbial").match(text)
    return m if m is not None and is_actor(m["who"]) else None


_SEMICOLON = re.compile("[；;]")


def _without_closing_note(text: str, a: int, b: int) -> int:
    """Where the clause ``[a, b)`` ends without the note in brackets closing it: a scoring weight (「…平台（2分）」), a
    note of who leads or by when (structure rule ``inline-note``: 「…85万亩以上（县农业农村局牵头）；」, still read
    as the item's owner and deadline) or whom to contact (「（联系人：…）」): no part of the task's span (spec
    sections 2 and 4: the note gives fields, the span is the clause)."""
    w = clause("score-note").search(text, a, b) or clause("contact-note").search(text, a, b)
    if w is None:
        k = max(text.rfind("（", a, b), text.rfind("(", a, b))
        w = structure("inline-note").match(text, k, b) if k > a else None
        if w is not None and w.end() != b:
            w = None
    if w is None:
        return b
    b = w.start()
    while b > a and text[b - 1] in TRAIL:
        b -= 1
    return b


def candidates(tree: DocTree, sent: Span) -> list[Candidate]:
    """The candidate clauses of a sentence, annotated."""
    text = tree.doc.text
    grammar = tree.bare_allowed(sent)  # part-of-speech only where a verb-led clause is a directive
    # a heading lies inside one sentence and opens it (segment): the one holding a clause's start is this, if any
    head_end = tree.heading_end(sent.start)
    if head_end is not None and head_end >= sent.end and item_task(tree, sent):
        head_end = None  # 「（一）11月底前，完成…施工。」: the whole item is its task, no title run into it
    out = []
    reported = False  # a clause before reports a completed act (「…下拨了3亿元防控资金，」)
    for cl_start, cl_end in tree.clause_offsets(sent.index):
        bounds = _bounds(tree, cl_start, cl_end, head_end)
        if bounds is None:
            continue
        a, b, listed = bounds
        clause_qs = tree.recognized(a, b)[2] if text.find("、", a, b) >= 0 else []
        for a2, b2 in split_enumeration(text, a, b, clause_qs):
            cues, times, quants = tree.recognized(a2, b2)
            cues = _kept_cues(text, a2, b2, cues, reported) if cues else cues
            targets = [q for q in quants if q.role == "target"] if quants else []  # most clauses have no quantity
            if cues:
                reported = False  # a cue that stays directs what follows it (「…，请对照…，坚决…」)
            reported = reported or (not cues and text[a2:a2 + 1] not in _FRAMES
                                    and clause("reported-act").search(text, a2, b2) is not None)
            c = Candidate(a2, b2, text[a2:b2], cues, times, targets, listed=listed)
            annotate(tree, c, cl_end if b2 == b else b2 + 1, grammar)
            out.append(c)
    _assignment_after_task(text, out)
    _consequence(text, out)
    issued = [k for k, c in enumerate(out) if c.noted("issuing-clause")]
    for c in out[:issued[-1]] if issued else ():
        if not c.context:
            c.context = True  # 「为…，确保…，经市政府同意，将《…》印发给你们，请…」: why and how it is issued
            c.note("candidates", "before-issuing")
    for p, nxt in zip(out, out[1:]):
        if p.noted("object-before-verb") and nxt.cues and nxt.cues[0].span[0] == 0:
            p.context = True  # 「对签约未落地项目，要逐个梳理」: the topic of the task after it
            p.note("candidates", "topic-before-cue")
    judged = out[-2] if len(out) >= 2 else None
    if judged is not None and clause("judged-task").match(out[-1].text) \
            and not (judged.cues or judged.quants or _dated_clause(judged)) and not judged.checkable:
        judged.context = True  # 「做好2025年工作，任务艰巨繁重」: the task judged, the sentence directs nothing (a figure,
        # a date or a deliverable before the judgement is a target still: 「年内改造危房1200户，任务依然繁重」)
        judged.note("candidates", "judged-task")
    return out


def _consequence(text: str, out: list[Candidate]) -> None:
    """「…，否则一旦出事将追悔莫及」: the clause opened by 否则 and those after it warn what follows if the task
    is not done (clause rule ``consequence``): context, not the task's own clauses."""
    k = next((i for i, c in enumerate(out) if i > 0 and clause("consequence").match(c.text)), None)
    for j, c in enumerate(out[k:] if k is not None else ()):
        if j and text.find("；", out[k + j - 1].end, c.start) >= 0:
            break  # 「…，否则…；各乡镇要…」: the task after the semicolon is one
        c.context = True
        c.note("candidates", "consequence")


def _kept_cues(text: str, a: int, b: int, cues: list, reported: bool) -> list:
    """The cues of the clause ``text[a:b]`` that direct: none where they sit in a tail giving support to a goal, in a
    reported result, after a reported act, or where a modal ends the clause with nothing after it."""
    if text[a:a + 1] == "为" and contribution(text[a:b]):
        return []  # 「…，为全县探索经验」: support given to a goal, a tail (its 探索 directs nothing)
    if clause("done-before-cue").search(text, a, a + cues[0].span[0]):
        return []  # 「做到了该采纳的尽量采纳」「我们出台了支持…的措施」: a cue inside a reported result
    if reported and all(clause("reported-adverb").match(c.cue) for c in cues) \
            and not is_actor(clean_subject(text[a:a + cues[0].span[0]])):
        return []  # 「省财政下拨了3亿元防控资金，全力保障…」: an adverb goes on with the act reported before it (a new
        # actor before it, 「…，各乡镇加快推进」, directs)
    if clause("auxiliary-cue").match(cues[-1].cue) and not text[a + cues[-1].span[1]:b].strip("了的啊呀吧呢！!。，, "):
        return []  # 「这样做实在不应该」: a modal with nothing after it judges, it directs nothing
    return cues


_TAILS = ("manner-tail", "tail", "comparison-tail", "continuation")  # matched at a clause's start
_FRAMES = "在对为随经"  # a clause opened so frames what follows (「在巩固了…的基础上，」): it reports nothing done


def annotate(tree: DocTree, c: Candidate, clause_end: int, grammar: bool = False) -> None:
    """Context and tail flags, subject, leading verb and the splitter's checkability of a candidate."""
    t = c.text
    closer = tree.doc.text[clause_end - 1:clause_end]
    ends_comma = closer in "，,："
    # opened by a preposition of object (「对…」「面向…」): asked at most once, where part of speech is read
    object_first = grammar and tree.grammar is not None and tree.grammar.object_opener(t)
    only_time = _only_time(c, t)
    opener = clause("context-opener").match(t) if ends_comma else None  # read only before a comma (so the purpose)
    if ends_comma and clause("issuing").search(t):
        c.context = True  # 「《办法》已经区政府同意，现予印发，请各单位抓好落实。」: the request is the task
        c.note("candidates", "issuing-clause")
    if closer in "：:" and (clause("counted-list-intro").search(t) or first_rule("sentences", t + closer) == "list-introduction"):
        c.context = True  # 「今年集中办好八件民生实事：①…」: the list's introduction
        c.note("candidates", "list-introduction")
    purpose = clause("purpose-opener").match(t) if ends_comma else None
    if purpose and c.cues and ends_comma and not directing(c.cues):
        c.context = True  # 「为支持农户扩大种植，…」: the cue is what the purpose is, the task comes after it
        c.note("candidates", "purpose-context")
    if purpose and not c.cues and ends_comma and starts_with_verb(t[purpose.end():]):
        opener = purpose  # 「为完成上述目标任务，」: the purpose of the task after it, with no cue of its own
    if not c.cues and ends_comma and clause("when-clause").search(t):
        c.context = True  # 「运营单位对外发布数据时，」: when the task after it is to be done
        c.note("candidates", "when-clause")
    if not c.cues and ends_comma and (only_time or (opener and not t.endswith("的")) or clause("quoted-only").match(t)):
        if not starts_with_verb(t) or opener:
            c.context = True
            c.note("candidates", "leading-context")
        if c.context and (why := _task_after_opener(tree, c, t, object_first)):
            c.context = False
            c.note("candidates", why)
    if ends_comma and (not c.cues or _please_only(c)) and (m := assignment_head(t)) is not None:
        c.context = True  # 「由县发改局牵头，县财政局配合，6月底前完成…」: who leads or helps the tasks after it
        c.note("candidates", "assignment-context", m["role"])
    else:
        _tail_flags(c, t)
    if not object_first:
        _subject(c, tree.grammar if grammar else None, tree.grammar)  # 「面向政府提供…」: a preposition's, no subject
    c.verb = starts_with_verb(t) or disposal_verb(t) or (tree.grammar.passing(t) if tree.grammar is not None else None)
    if c.verb and c.subject_span and c.subject_span[0] == c.start and len(c.subject) > len(c.verb) and \
            not c.cues and is_organ(c.subject):
        c.verb = None  # 「运营单位…」: the verb-like word opens the actor's name
    c._checkable = partial(_splitter_checkable, tree, c.start, t, c.times, bool(c.quants))
    c.means_only = _means_only(c)
    if c.verb is None and c.times and c.times[0].span[0] == 0 and c.times[0].kind != "frequency":
        c.verb = starts_with_verb(t[c.times[0].span[1]:])
    if c.verb is None:  # 「向市民提供…」「为企业办理…」: a beneficiary phrase before the verb
        m = clause("beneficiary").match(t)
        if m:
            v = verb_pattern().search(t, m.end(), m.end() + 14)
            if v and not _PHRASE_BREAK.search(t, m.end(), v.start()):
                c.verb = v.group(0)
    role = clause("role-statement").match(t) if not c.cues and "作为" in t else None
    if role and is_organ(role["who"]):
        c.subject, c.subject_span, c.verb = role["who"], (c.start, c.start + role.end("who")), None
        c.note("candidates", "role-statement")  # 「运营单位作为…主体，承担…」: the actor of what follows
        return
    if c.verb is None and grammar and not c.cues and not c.context and tree.grammar is not None:
        _grammar_verb(tree, c)


def _figure(text: str) -> bool:
    """Whether ``text`` holds a digit of a figure or a date (「新建学校3所」「6月底前完成…」), not only digits of a name
    (「5G」「“3030”工程」): a numbered line holding one names a task, no title."""
    return any(ch.isdigit() for ch in _NAME_DIGITS.sub("", text))


def _dated_clause(c: Candidate) -> bool:
    """The clause holds a date (not a frequency, not a vague time, not a bare year: 「做好2025年工作」 names the year's
    work, it dates no deliverable)."""
    return any(t.kind in ("date", "period", "named", "relative") and t.end and t.rule not in ("year", "rel-year")
               for t in c.times)


def _disposal_at(t: str) -> int | None:
    """Where the 将/把 of a disposal clause stands after a subject (「中央财政将…纳入…」), or ``None``."""
    if disposal_verb(t) is None:
        return None
    return min((i for i in (t.find("将", 1, 8), t.find("把", 1, 8)) if i > 0), default=None)


def _please_only(c: Candidate) -> bool:
    """The clause's only cue is the 请 that opens it (「请县委督查室牵头，」: who is asked to lead the tasks after it)."""
    return len(c.cues) == 1 and c.cues[0].cue == "请" and c.cues[0].span[0] == 0


def _only_time(c: Candidate, t: str) -> bool:
    """The clause is nothing but its times (not a frequency), and the day a span counts from (clause rule
    ``time-anchor``: 「自本通知印发之日起30天内，」)."""
    if not c.times or any(tt.kind == "frequency" for tt in c.times):
        return False
    anchor = clause("time-anchor").match(t) if t[:1] in "自从" else None
    rest = len(_SPACE_OR_COMMA.sub("", t)) - (anchor.end() if anchor else 0)
    return rest <= sum(tt.span[1] - tt.span[0] for tt in c.times) + 2


def _task_after_opener(tree: DocTree, c: Candidate, t: str, object_first) -> str | None:
    """Why a clause opened like leading context is a task after all, or ``None``: its object comes first
    (「对全县窗口服务开展群众满意度评估，」), 从 says where the money or the people are drawn from (「从…结余中拿出
    1000亿元，」), or 在 says where (「在5个中心镇建成养老服务中心，」) or by when
    (「在6月底前完成主体工程，」) the task is done."""
    if object_first and tree.grammar.main_verb_after_opener(t):
        return "object-before-verb"
    if t.startswith("从"):  # 「从…基金结余中拿出1000亿元，」: where the money is drawn from, then the task
        return "source-task" if clause("source-task").match(t) else None
    if not t.startswith("在"):
        return None
    if (m := clause("place-task").match(t)) and (starts_with_verb(m["rest"]) or _after_facility(m["rest"]) or (
            tree.grammar is not None and tree.grammar.leading_verb(m["rest"]))):  # 「在全国推开…」: a verb in no list
        return "place-task"
    return "dated-task" if _dated_task(c, t) else None


def _after_facility(rest: str) -> bool:
    """「在各乡镇|便民服务中心设立…」: a facility of the place (clause rule ``place-task``, ``facility``), then the verb."""
    facility = mode_rules("clauses")["place-task"][1]["facility"]
    return any(v.start() > 0 and re.search(facility, rest[:v.start()]) for v in verb_pattern().finditer(rest, 0, 16))


def _dated_task(c: Candidate, t: str) -> bool:
    """「在6月底前完成主体工程」「在春节前发放生活补助」: 在 and a date (clause rule ``after-date``), then a verb: a
    task dated there, not a frame (「在“十四五”期间，」「在春节前后，」 have no verb after the date)."""
    tt = next((x for x in c.times if x.span[0] <= 1 and x.kind not in ("frequency", "vague")), None)
    if tt is None or clause("frame-end").search(t):
        return False  # 「在6月底前完成清查的基础上，」「在年底前完成主体工程的同时，」: a frame, not the task
    rest = t[tt.span[1]:]
    m = clause("after-date").match(rest)
    return starts_with_verb(rest[m.end():] if m else rest) is not None


def _tail_flags(c: Candidate, t: str) -> None:
    """Whether the clause goes on the one before it: a manner tail (「不断…」), a purpose or comparison tail, the rest
    of the object before it (「…，以及…」「…，包括…」), support
    given to a goal (「…，为…提供坚强保障」) or the limit of an act (「…，最高3000万元」)."""
    tails = openers(_TAILS)
    may_tail = tails is None or t[:1] in tails  # most clauses open with no character a tail can begin with
    c.manner = may_tail and bool(clause("manner-tail").match(t))
    c.tail = c.manner or (may_tail and (bool(clause("tail").match(t)) or bool(clause("comparison-tail").match(t))
                                        or (not c.cues and bool(clause("continuation").match(t))))) \
        or (t.startswith("为") and contribution(t)) \
        or (t[:1] in "单每最不上" and bool(clause("limit-tail").match(t)))
    if t[:1] == "由" and clause("assignment-tail").match(t):
        c.tail = True
        c.note("candidates", "assignment-tail")  # 「…，由市人社局负责」: who does the tasks before it


def _splitter_checkable(tree: DocTree, start: int, t: str, times: list, has_metric: bool) -> bool:
    """:attr:`Candidate.checkable` of the clause ``t`` at cleaned offset ``start``."""
    if has_metric or (times and any(tt.kind == "frequency" for tt in times)):
        return True  # a number or a recurring duty: is_checkable's first test
    dated = (times and any(tt.kind not in ("vague", "frequency") and tt.end for tt in times)) or _scope_dated(tree, start)
    # plans list their tasks tersely: every activity is a task of its own there (spec section 3)
    return is_checkable(t, dated=bool(dated), broad=tree.genre == "plan")


def _means_only(c: Candidate) -> bool:
    """The cue is followed only by the means, the manner or the ground of a task (「力争通过…，」「要在…的基础上，」),
    or only by a date (「力争到2024年，…」): the task is in the next clause."""
    if not c.cues:
        return False
    after_cue = c.text[c.cues[0].span[1]:]
    return bool((clause("means-after-cue").match(after_cue) and not c.checkable)
                or clause("ground-after-cue").match(after_cue) or only_cue_and_time(c))


def _grammar_verb(tree: DocTree, c: Candidate) -> None:
    """The verb by part of speech of a clause without cue: an organ opening the clause and the verb after it
    (「运营单位结合…提出…」, in reports and plans), or a verb-led clause whose verb is in no list, or one opened
    by 对/将/把… whose main verb follows."""
    t, g = c.text, tree.grammar
    lead_in = t[:c.subject_span[0] - c.start] if c.subject else None
    if lead_in not in (None, "", "由") and without_leading_time(lead_in) == "由":
        lead_in = "由"  # 「先期由市数据局进行…」: a time word before 由
    if tree.genre in ("gwr", "plan") and lead_in in ("", "由") and organ_name(c.subject, g):
        rest = DEFINITION_HEAD.sub("", t[c.subject_span[1] - c.start:])  # 「…（以下统称主管部门）按季度通报…」
        if _predicate_opens(rest, g):
            c.actor_verb = starts_with_verb(rest) or g.leading_verb(rest) or g.verb_within(rest)
        if c.actor_verb:
            c.note("candidates", "actor-led", c.actor_verb)  # 「各区按需提出申请」: who, then what they do
            return
    c.verb = g.main_verb_after_opener(t) or g.leading_verb(t) or g.framing_verb(t)
    if c.verb and c.quants and t.startswith(c.verb) and is_statistic(c.verb + g.first_word(t[len(c.verb):])[0]):
        c.verb = None  # 「回访满意率不低于95%」: a verbal noun heading a statistic, not the predicate (as _predicate_opens)
    if c.verb is None and c.times and c.times[0].span[0] == 0 and c.times[0].kind != "frequency":
        rest = t[c.times[0].span[1]:]  # 「5月1日前开放城市书房」「于11月底前对…开展督查」: the verb after the time opening it
        c.verb = g.leading_verb(rest) or g.main_verb_after_opener(rest)
    if c.verb:
        c.note("candidates", "verb-by-grammar", c.verb)


def _scope_dated(tree: DocTree, pos: int) -> bool:
    """Whether an item note dates the clause at ``pos`` (「（5月底前完成，牵头单位：…）」): the splitter then
    reads its deliverable as dated, as the record's checkability will. A goal paragraph's horizon
    (「到2025年」) dates its bullets but makes no deliverable of their directions."""
    s = tree.scope("deadline", pos)
    v = s.value.value if s is not None and s.kind == "item-note" else None
    return isinstance(v, dict) and bool(v.get("end")) and v.get("kind") != "vague"


def only_cue_and_time(c: Candidate) -> bool:
    """Whether the clause is nothing but its cues and times (and commas): 「要在6月底前」."""
    if not c.times:
        return False
    pos = 0
    for a, b in sorted([tt.span for tt in c.times] + [cu.span for cu in c.cues]):
        if c.text[pos:a].strip("，,：: "):
            return False
        pos = max(pos, b)
    return not c.text[pos:].strip("，,：: ")


_ORGAN_REACH = 23  # the furthest an organ opening a clause can end: where _organ_before_verb looks for a verb


def _organ_before_verb(t: str, grammar, lexicon_verb) -> int | None:
    """「物业公司结合小区实际提出…」「由市文旅局统一组织…」: where an organ that opens the clause ends (a word
    boundary before the first verb the lexicon knows) when a verb, an adverb or a preposition follows it."""
    if (f := field_organ().match(t)) is not None and _predicate_opens(t[f.end():], grammar):
        return f.end()  # 「省发展改革委负责…」: a department named by its field, whose name holds verbs
    organ = organ_words()
    units, ends = organ["unit_nouns"], organ["ends"]
    if lexicon_verb is not None and lexicon_verb.start() == 0 and not t.startswith(units, lexicon_verb.end()):
        return None  # 「加快推进…」: a verb leads the clause, no organ names its subject
    if organ["ends_class"].search(t, 1, min(_ORGAN_REACH, len(t) - 1)) is None:
        return None  # no character before the first verb (at most 23 characters in) can end an organ
    stop = next((m.start() for m in verb_pattern().finditer(t, 1, _ORGAN_REACH + 1) if not t.startswith(units, m.end())),
                20)
    pos, best = 0, None
    if not any(is_organ(t[:e.end()]) for e in organ["ends_class"].finditer(t, 1, min(stop, len(t) - 1))):
        return None  # cheap check first: no organ ends before the verb (at a character an organ can end with)
    words = grammar.words(t[:24])
    for k, (w, tag) in enumerate(words):
        inner = k + 1 < len(words) and words[k + 1][0] in units  # 「…工作推进小组」: a verb naming the unit
        if k > 0 and ((grammar.verb_tag(tag) and not inner) or tag == "p") or pos + len(w) > stop:
            break  # the predicate has begun: the longest organ before it is the subject (「县城投集团公司」)
        pos += len(w)
        if pos >= 2 and t[pos - 1] in ends and organ_name(t[:pos], grammar) \
                and _predicate_opens(DEFINITION_HEAD.sub("", t[pos:]), grammar):
            best = pos
    return best


_NAME_BREAKS = re.compile("[《》“”\"（）()，,；;：:]")


def organ_name(np_: str, grammar) -> bool:
    """An organ (:func:`~speechkit.rules.owners.is_organ`) written as a name (:func:`organ_phrase`)."""
    return is_organ(np_) and organ_phrase(np_, grammar)


_LEVELS = "省市县区镇乡旗"  # the level an organ's name may open with (市…局 县…委)


def organ_phrase(np_: str, grammar) -> bool:
    """Whether an organ phrase opening a clause is a name, not a verb and its object: no adverb, adjective or
    conjunction opens it, and it holds no verb, preposition (but a leading 由), quotation or bracket; a verb opens
    its name only before a unit noun (「执法部门」「承办单位」, not 「要求国务院」「营造干部」「专区数据经监管部门」).

    >>> from speechkit.extractor.grammar import Grammar
    >>> g = Grammar()
    >>> [organ_phrase(x, g) for x in ("由市文旅局", "执法部门", "要求国务院", "推动部门", "《全市数字政府", "自觉…同志")]
    [True, True, False, False, False, False]
    """
    if _NAME_BREAKS.search(np_):
        return False
    if (m := field_organ().match(np_)) and m.end() == len(np_):
        return True  # 「省发展改革委」「县行政审批局」: the verb names the department's field (owners.yaml organ_fields)
    if np_[:1] in _LEVELS and len(np_) > 3 and is_organ(np_[1:]):
        np_ = np_[1:]  # 「市数据局」: the level apart (forward matching would read 市数|据|局), then the name
    words, units = grammar.words(np_), organ_words()["unit_nouns"]
    for k, (w, tag) in enumerate(words):
        if w in organ_words()["modifiers"]:
            continue  # 「相关主管部门」「有关单位」: jieba tags these verbs; they only qualify the organ
        verb = grammar.verb_tag(tag) or (k == 0 and verb_pattern().fullmatch(w) is not None)
        if k == 0 and w != "由" and (tag in ("d", "a", "c", "p") or verb):
            if not verb or np_[len(w):] not in units or verb_class(w) in ("directional", "support"):
                return False  # 「要求国务院」「推动部门」: a verb and its object; 「执法部门」: a unit named by what it does
        elif k > 0 and ((grammar.verb_tag(tag) and not np_.startswith(units, sum(len(x) for x, _ in words[:k + 1])))
                        or tag == "p"):
            return False
    return True


def _predicate_opens(rest: str, grammar) -> bool:
    """「统一组织开展…」「依法查处…」「按需在平台中提出…」: a verb, after adverbs, or a preposition opens ``rest``;
    not a copula or a set-up verb (「设在」「兼任」)."""
    w, tag = grammar.first_word(rest)
    if grammar.not_verb(w):
        return False
    v = starts_with_verb(rest)
    if v and rest.startswith(v) and is_statistic(v + grammar.first_word(rest[len(v):])[0]):
        v = None  # 「（5G基站）建设水平处于…」: a verbal noun heading a statistic, not the predicate
    return bool(v or grammar.leading_verb(rest) or tag in ("p", "d", "l") or grammar.verb_tag(tag))


def _subject(c: Candidate, grammar=None, pivot_grammar=None) -> None:
    """The subject: the text before the cue (or before the first verb, time or frequency; the first
    verb by part of speech when the lexicon knows none). ``pivot_grammar`` finds where a pivot's actor ends when no
    cue marks it (in any sentence: the pivot makes the clause an instruction)."""
    t = c.text
    first_cue = c.cues[0].span[0] if c.cues else None
    if first_cue is None and not c.times and (m := actor_adverbial(t)) is not None:
        # 「各成员单位在各自职责范围内，」「各乡镇在汛期内，」: the actor, then where or when it acts (no part of its name)
        c.subject, c.subject_span = m["who"], (c.start + m.start("who"), c.start + m.end("who"))
        return
    cut = first_cue
    if cut is None:
        times_at = [tt.span[0] for tt in c.times if tt.span[0] > 0] if c.times else []  # most clauses have no time
        cands = times_at[:]
        k = _disposal_at(t)  # 「县财政局将更多资金纳入直达范围」: the subject stands before the disposal's 将/把
        if k:
            cands.append(k)
        m = verb_search(t)
        if m and m.start() > 0:
            cands.append(m.start())
        elif m is None and grammar is not None and not starts_with_verb(t):
            v = grammar.first_verb(t)
            if v:
                cands.append(v)
        if grammar is not None:
            v = _organ_before_verb(t, grammar, m)
            if v:  # the organ's end; a verb of the lexicon inside its name (「…推进小组」) does not cut it
                cands = [x for x in cands if not (m is not None and x == m.start() < v)] + [v]
        if not cands and pivot_grammar is not None and _instructing_pattern().search(t, 0, 12):
            k = pivot_grammar.predicate_start(t, adverbs=True)  # 「督促各地压紧压实…」: no verb the lexicon knows
            if k and pivot_actor(clean_subject(t[:k]), False, pivot_grammar):
                cands.append(k)
        cut = min(cands) if cands else None
        if cut and times_at and cut < min(times_at) and is_actor(clean_subject(t[:min(times_at)])):
            cut = min(times_at)  # 「华远纺织智能化改造项目三季度末建成投产」: the project, not 「华远纺织智能化」
    if not cut:
        return
    # the stretch before the cue between time words (「本月内要…」「市幼儿园9月将…」「年内县交通局要…」)
    if c.times:
        bounds = [0] + [x for tt in c.times if tt.span[1] <= cut for x in tt.span] + [cut]
        pieces = [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds) - 1, 2) if t[bounds[k]:bounds[k + 1]].strip()]
        begin, stop = pieces[-1] if pieces else (0, 0)
    else:  # most clauses: one stretch, the text before the cut
        begin, stop = (0, cut) if t[:cut].strip() else (0, 0)
    head = t[begin:stop]
    subj = clean_subject(head)
    if grammar is not None and subj and grammar.adverbial_opening(subj):
        return  # 「按需向接入单位开放…」: a preposition's phrase, no subject (grammar adverbial_openers)
    k = grammar.predicate_start(subj, adverbs=True) \
        if grammar is not None and len(subj) >= 4 and not subj.endswith(organ_suffixes()) else None
    if _pivot_words().search(subj) and (pv := pivot_actor(subj, first_cue is not None, pivot_grammar)):
        subj = pv[0]  # 「这就要求各级干部必须…」「要求各县区在…完成」: the pivot's object acts
        if first_cue is None:
            c.note("candidates", "pivot-instruction")  # no cue: the pivot of obligation makes it an instruction
    elif k and ((first_cue is None and (organ_name(subj[:k], grammar) or (actor_word(subj[:k]) and subj[k:k + 1] != "对")))
                or (clause("actor-topic-head").fullmatch(subj[:k]) and is_actor(subj[:k]))):
        subj = clean_subject(subj[:k])  # 「各部门、各区按需在平台中提出」: the subject ends where the predicate opens
    off = t.find(subj, begin) if subj else -1
    if subj and off >= 0:
        # 「县图书馆新馆3月将…」: only a time word between the subject and its cue (the stretches between are times)
        c.subject_before_cue = first_cue is not None and head.endswith(subj) and \
            (stop == cut or not _PHRASE_BREAK.search(t, stop, cut))
        c.subject = subj
        c.subject_span = (c.start + off, c.start + off + len(subj))


@lru_cache(maxsize=1)
def _pivot_words() -> re.Pattern:
    """Every pivot verb (clause rule ``pivot-actor``, ``pivot_words``) as one pattern: a subject with none holds no
    pivot."""
    return re.compile("|".join(mode_rules("clauses")["pivot-actor"][1]["pivot_words"]))


@lru_cache(maxsize=1)
def _instructing_pattern() -> re.Pattern:
    """The pivots of obligation as one pattern: sought among a clause's first characters, a cheap test before part
    of speech is asked where the actor after one ends."""
    return re.compile("|".join(_instructing()))


@lru_cache(maxsize=1)
def _instructing() -> tuple:
    """The pivots of obligation (要求 责成 督促) that instruct with no cue (clause rule ``pivot-actor``)."""
    return tuple(mode_rules("clauses")["pivot-actor"][1]["instructing"])


def pivot_actor(subj: str, cued: bool, grammar=None) -> tuple[str, int] | None:
    """The actor a pivot verb names before the predicate (clause rule ``pivot-actor``), and where it starts in
    ``subj``: before a cue any pivot's object (「这就要求我们必须…」); with no cue only a pivot of obligation
    (``instructing``) said by no one or by an actor (「要求各县区在…完成」「市政府责成各乡镇…」), not a call (号召) or an
    inference (「这就要求…」), its object ending where the predicate opens by part of speech (「督促各地压紧…」)."""
    m = clause("pivot-actor").match(subj)
    if m is None:
        return None
    who = m["who"]
    if not cued:
        by = m["by"]
        if m["pivot"] not in _instructing() or (by and not is_actor(by)):
            return None
        k = grammar.predicate_start(who, adverbs=True) if grammar is not None else None
        if k and is_actor(who[:k]):
            who = who[:k]  # no cue marks where the actor ends
        who = clean_subject(who)  # 「要求各乡镇全面排查…」: an adverb before the predicate is no part of it
    return (who, m.start("who")) if is_actor(who) else None


def _split_relations(a: int, t: str) -> list[tuple[int, int]]:
    """「确保工业投资增速快于全部投资增速、技改投资增速高于工业投资增速」: stated relations of different statistics
    joined by 、 are targets of their own; so are two verb phrases each with its object, the second checkable
    (「建成…疏港铁路、完成…改造60公里」: spec section 4, a checkable verb phrase starts its own record)."""
    parts, out, s0 = t.split("、"), [], 0
    if len(parts) == 2 and (_two_acts(*parts) or _two_scheduled(*parts)):
        return [(a, a + len(parts[0])), (a + len(parts[0]) + 1, a + len(t))]
    if len(parts) < 2 or not all(relation(x) and len(x) >= 6 for x in parts[1:]) or not relation(parts[0]):
        return [(a, a + len(t))]
    for x in parts:
        out.append((a + s0, a + s0 + len(x)))
        s0 += len(x) + 1
    return out


def _two_acts(left: str, right: str) -> bool:
    """Two verb phrases joined by 、, each a verb of the lexicon opening it and an object of four characters or more,
    the second checkable on its own (「建成…铁路、完成…改造60公里」), not verbs sharing one object (「新建、改扩建…」)."""
    lv, rv = starts_with_verb(left), starts_with_verb(right)
    if not lv or not rv or len(left) - len(lv) < 4 or len(right) - len(rv) < 4:
        return False
    return left.startswith(lv) and right.startswith(rv) and is_checkable(right) and is_checkable(left) \
        and not clause("means-list").search(right)  # 「通过改造…、建设…等方式」: the means of one act


def _two_scheduled(left: str, right: str) -> bool:
    """Two projects joined by 、, each with a date of its own and the end state it reaches then (「确保滨江大桥6月底前
    建成通车、城北水厂年内竣工投用」): a new subject with a checkable phrase starts its own record (spec section 4);
    not one project with two dates (「6月底前开工、年内竣工」: the right part opens with its date, no subject)."""
    if not clause("scheduled-hint").search(right) or starts_with_verb(right):
        return False  # most lists: no time word in the right part, or a verb shares the left's subject
    rt, lt = find_times(right), find_times(left)
    if not rt or not lt or rt[0].span[0] < 2 or rt[0].kind in ("vague", "frequency"):
        return False
    r_after, l_after = right[rt[0].span[1]:], left[lt[-1].span[1]:]
    return bool(starts_with_verb(r_after) and starts_with_verb(l_after)) and is_checkable(r_after) and is_checkable(l_after)


def split_enumeration(text: str, a: int, b: int, quantities=None) -> list[tuple[int, int]]:
    """「办公经费压减8%以上、会议费用再压减5%左右」: split at 、 between parts that each carry a quantity
    and a verb of their own; 「新增绿地80亩、造林300亩」 stays one (a second object of one verb).

    ``quantities``: those of ``text[a:b]`` already found (spans relative to ``a``).

    >>> t = "办公经费压减8%以上、会议费用再压减5%左右"
    >>> [t[x:y] for x, y in split_enumeration(t, 0, len(t))]
    ['办公经费压减8%以上', '会议费用再压减5%左右']
    """
    if text.find("、", a, b) < 0:
        return [(a, b)]  # most clauses: no 、, no slice of the text made
    t = text[a:b]
    qs = find_quantities(t) if quantities is None else quantities
    if len(qs) < 2:
        return _split_relations(a, t)
    cuts, last = [], 0
    qs = sorted(qs, key=lambda q: q.span)
    starts = [q.span[0] for q in qs]
    commas = [i for i, ch in enumerate(t) if ch == "、"]
    for k, i in enumerate(commas):
        right_end = commas[k + 1] if k + 1 < len(commas) else len(t)
        j = bisect_left(starts, last)  # the first quantity of the left part, and of the right part
        left = qs[j] if j < len(qs) and qs[j].span[1] <= i else None
        r = bisect_left(starts, i + 1)
        right = qs[r] if r < len(qs) and qs[r].span[1] <= right_end else None
        if left and right and right.span[0] - i > 2 and left.span[0] - last > 1 and \
                verb_pattern().search(t, i + 1, right.span[0]) is not None:
            cuts.append(i)
            last = i + 1
    if not cuts:
        return [(a, b)]
    out, s0 = [], a
    for c in cuts:
        out.append((s0, a + c))
        s0 = a + c + 1
    out.append((s0, b))
    return out
