"""Stage 4, fields: owner, cue and strength, deadline, frequency and metrics of each group.

Each field is a :class:`~speechkit.extractor.trail.Field` (value, rule, cleaned span). A
group's own text decides first; then what its sentence passes on (an actor named earlier in
the sentence, the cue before it, a time at the sentence head); then the innermost scope of
the document tree (an item note, a goal paragraph, a target list...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..rules.checkable import named_by_kind, relation, starts_with_verb, strip_adverbs, strip_manner, verb_class, verb_pattern, \
    verb_search
from ..rules.cues import STRENGTH_ORDER, bare_directive, own_scope_cues
from ..rules.owners import actor_word, bare_level, is_actor, is_organ, is_statistic, lead_owner, organ_suffixes
from .candidates import actor_adverbial, assignment_head, organ_phrase
from .grouping import Group, SentenceFacts
from .patterns import clause, mode_rules, structure
from .structure import DocTree
from .trail import NONE, Field

__all__ = ["Carry", "owner_field", "cue_fields", "deadline_field", "frequency_field", "metric_fields", "head_times"]

_WEAK_WITH_YAO = ("力争", "争取")  # 「要…力争达到…」: a hedge weakens the record (spec section 4)


@dataclass
class Carry:
    """What one record of a sentence passes on to the next: its actor and its cue."""

    owner: Field = NONE
    cue: object = None


def opening_actor(tree: DocTree, cands, groups, owners=frozenset()) -> Field:
    """The actor that opens a sentence in a clause that directs nothing itself (「政府、企业、市场联动发力，共同
    推动…」): it names who acts in the records after it (spec section 4: a named actor carries over the clauses
    of its sentence until a new subject appears)."""
    if not groups or not cands or cands[0] is groups[0].parts[0]:
        return NONE
    k = 1 if cands[0].context and len(cands) > 1 and cands[1] is not groups[0].parts[0] \
        and cands[0].noted("leading-context") else 0  # 「今年，市住建局重点抓好…：」「面对…，我们坚持…，全力…」: what
    p = cands[k]  # leads in before the subject is passed over
    role = _role_held(tree, p, cands[k + 1], owners) if k + 1 < len(cands) else None
    if role:
        # 「上海作为…国际大都市，要…」「中国始终是…的维护者，愿同…」: the body that holds the role is the actor of the task
        # after it
        return Field(role["who"], "opening-actor", (p.start + role.start("who"), p.start + role.end("who")))
    if p.subject and p.subject_span and p.subject_span[0] == p.start \
            and (p.noted("not-a-directive") or p.noted("list-introduction")) and _actor(tree, p, owners):
        # 「市教育局要重点抓好三件事：一是…」: the list head names the owner of its items (spec section 2)
        return Field(p.subject, "opening-actor", p.subject_span)
    if (m := actor_adverbial(p.text)) is not None and not p.cues and p.subject == m["who"] \
            and _subjectless(cands[k:], groups):
        # 「各成员单位在各自职责范围内，须…」: the actor named before where or when it acts does the tasks after it
        return Field(m["who"], "opening-actor", (p.start + m.start("who"), p.start + m.end("who")))
    if (m := clause("pronoun-opening").match(p.text)) is not None and _subjectless(cands[k:], groups):
        # 「我们有信心、有能力，必须完成…」: the speaker's pronoun opening the sentence acts in the records after it
        return Field(m["who"], "opening-actor", (p.start + m.start("who"), p.start + m.end("who")))
    return NONE


_HAS = re.compile("有(?![的些关])")  # 「有能力」 has no subject of its own; 「有的乡镇…」 names one


def _subjectless(cands, groups) -> bool:
    """Whether the clauses between the sentence's first and its first record name no subject of their own: each
    opens with a verb, 有 or its cue (「…，有能力，必须…」, not 「…，困难仍然不少，必须…」)."""
    first = groups[0].parts[0]
    for c in cands[1:]:
        if c is first:
            return True
        if not _HAS.match(c.text) and (c.subject or not (c.verb or (c.cues and c.cues[0].span[0] == 0))):
            return False
    return False


def _role_held(tree: DocTree, p, nxt, owners):
    """The role statement (clause rules ``role-statement``, ``polity-copula``) that opens a sentence before a clause
    opened by its cue (「…，要…」「…，将…」「…，愿…」), when who holds the role is an actor, or a place named as one word
    in a polity's role (「江城作为区域协作的一员，将…」); with 是 only such a place or an organ (「乡镇政府应是…主体，要…」)
    holds the role, not a group (「市场主体都是…建设者，要…」: the task is done for them, by no one named)."""
    if not (nxt.cues and nxt.cues[0].span[0] == 0) or ("作为" not in p.text and "是" not in p.text):
        return None
    role = clause("role-statement").match(p.text) if "作为" in p.text else None
    polity = role is None
    if polity:
        role = clause("polity-copula").match(p.text)
    if role is None:
        return None
    place = tree.grammar is not None and tree.grammar.place_name(role["who"]) and tree.grammar.place_role(role["role"])
    actor = is_organ(role["who"]) if polity else is_actor(role["who"], owners)  # 「乡镇政府应是…主体，要…」
    return role if place or actor else None


def assigned_lead(cands, g: Group, carry: Carry) -> None:
    """The lead named by the assignment clauses right before group ``g`` (clause rule ``assignment-head``:
    「由X牵头，Y配合，…」 → X) owns the tasks after them in the sentence: it becomes the actor carried; partners alone
    (「Y配合，」) name none."""
    first = g.parts[0]
    k = next((i for i, p in enumerate(cands) if p is first), 0)
    j = k
    while j > 0 and cands[j - 1].noted("assignment-context"):
        j -= 1
    lead = mode_rules("clauses")["assignment-head"][1]["lead"]
    for p in cands[j:k]:
        m = assignment_head(p.text)
        if m is not None and m["role"] in lead:
            carry.owner = Field(m["who"], "led-by", (p.start + m.start("who"), p.start + m.end("who")))
            return


def _scheduled_thing(p0) -> bool:
    """A named thing that is the subject of its own scheduled act (grouping rule ``scheduled-act``: 「江城二中新校区
    9月建成投用」): the project is the owner (spec section 2, a project entity). Under a cue earlier in the sentence
    (「…，江城港区四期10月底前全面开工」) the gold gives such projects no owner more often than not (tried: owners given
    where the gold has none rose by 3 to 6 on each gold set)."""
    return p0.noted("scheduled-act") and not is_statistic(p0.subject) and not named_by_kind(p0.subject) \
        and clause("project-head").search(p0.subject) is not None  # a facility or work, no policy (「河长制年底前…」)


def _span(g_part, rel) -> tuple[int, int]:
    return g_part.start + rel[0], g_part.start + rel[1]


def owner_field(tree: DocTree, g: Group, carry: Carry, owners=frozenset()) -> Field:
    """The clause's subject when it is an actor; 让我们; a project named after 确保; the actor named
    earlier in the sentence; else the item's note (spec sections 2 and 4)."""
    p0 = g.parts[0]
    if len(g.parts) > 1 and p0.is_topic:
        # 「…的，省级按…」「对…的企业，省级…」「对…问题，一经举报，县纪委要…」: the topic (and a condition after it) names
        # whom the task is for, not who acts
        p0 = next((p for p in g.parts[1:] if not p.context), g.parts[1])
    if p0.subject and p0.cues and p0.cues[0].cue in ("拟", "安排") and p0.subject.endswith(("财政", "预算")):
        return NONE  # 「今年市级财政拟安排…18亿元」: a planned figure of a budget has no owner (issue 11)
    if p0.subject and p0.noted("pivot-instruction") and (s := tree.scope("owner", p0.start)):
        return s.value  # 「督促企业完善…（省通信管理局牵头）」: the item's note names who answers; the pivot's object acts
    if p0.subject and _actor(tree, p0, owners):
        if _statistic_after(p0):  # 「各乡镇卫生院慢病规范管理率提高到70%」: whose statistic, not who acts; an item's
            s = tree.scope("owner", p0.start)  # note still names who answers for it (「…（牵头单位：县卫健局）」)
            return s.value if s else NONE
        if bare_level(p0.subject) and (s := tree.scope("owner", p0.start)):
            return s.value  # 「省级按…给予奖补（省工信厅、省财政厅）」: the note names which units of the level
        f = Field(p0.subject, "subject", p0.subject_span)
    elif clause("we-let").match(p0.text):
        f = Field("我们", "subject", (p0.start + 1, p0.start + 3))
    elif p0.subject and _scheduled_thing(p0):
        head = p0.subject.rsplit("的", 1)[-1]  # 「预计总投资20亿元的城东污水处理厂…」: the project, not what describes it
        end = p0.subject_span[1]
        f = Field(head, "scheduled-subject", (end - len(head), end))  # 「江城港区四期10月底前全面开工」: the project
    else:
        f = _ensure_subject(tree, p0)
    if f:
        # an actor heads the clauses after it; a project named after 确保 or scheduled owns only its own clause
        carry.owner = f if f.rule not in ("ensure-subject", "scheduled-subject") else NONE
        return f
    if p0.subject and not p0.cues and carry.cue is not None and carry.cue.cue in ("确保", "力争", "争取") \
            and _project_name(tree, p0.subject) and not _statistic_after(p0):
        # 「确保A…投入运行，B年底前完成…」: a project named under the 确保 it inherits owns its clause
        return Field(p0.subject, "ensure-subject", p0.subject_span)
    led = _led_by(g)
    if led:
        if led.rule == "requested":
            carry.owner = led  # 「请各县…完成…，将…录入…」: who is asked does the tasks after it in the sentence
        return led
    if p0.subject and p0.subject_before_cue and (is_statistic(p0.subject) or p0.subject.endswith("的")):
        carry.owner = NONE  # 「…，排查覆盖率要达到100%」「…，整改不到位的要…」: a new subject, no actor: the actor's reach ends
        return NONE
    if carry.owner and not (p0.subject and p0.verb is None and not p0.subject_before_cue and len(p0.subject) >= 4
                            and not _acted_on(tree, p0)):
        rule = "opening-actor" if carry.owner.rule == "opening-actor" else "sentence-actor"
        return Field(carry.owner.value, rule, carry.owner.span)
    s = tree.scope("owner", p0.start)
    return s.value if s else NONE


def _acted_on(tree: DocTree, p0) -> bool:
    """A statistic or expense opening a clause with a figure and no cue of its own (「…要过紧日子，一般性支出压减5%以上」):
    what the sentence's actor acts on, not a new subject, so the actor carries over it (the shared gold gives 中央财政
    to such clauses); in an item with a note, the note names who answers for its figures instead; a statistic that
    changes by itself (增长 下降: a stated relation) is no object of the actor's act."""
    return not p0.cues and bool(p0.quants) and is_statistic(p0.subject) and tree.scope("owner", p0.start) is None \
        and not relation(p0.text)  # 「…，固定资产投资增长5%」: a statistic's own change, no act on it


def _statistic_after(p0) -> bool:
    """Whether a statistic heads the predicate between the subject and the clause's first figure."""
    if not p0.quants or not p0.subject_span:
        return False
    a = p0.subject_span[1] - p0.start
    b = min(q.span[0] for q in p0.quants)
    if clause("disposal-object").search(p0.text, a, b):
        return False  # 「县政务服务中心要把企业开办时间压缩至…」: the statistic is what the actor acts on
    cmp_ = clause("count-predicate").match(p0.text, a) if b >= a else None
    if cmp_ is not None and cmp_.end() >= b:
        return True  # 「入境游客超过15万人次」: the figure counts what the subject names
    return b > a and bool(clause("statistic-predicate").search(p0.text, a, b + 4))


def _actor(tree: DocTree, p0, owners) -> bool:
    """The candidate's subject names an actor: an organ, role, group or project by its ending, or a
    short noun phrase right before the cue (「公路要…」); never a verb phrase that ends in such a noun
    (「发展社区」「抓实项目」「稳步壮大…企业」)."""
    subj = p0.subject
    if subj in owners or actor_word(subj):
        return True
    if named_by_kind(subj) and not subj.startswith("各"):
        return False  # 「重点项目要尽快落地」: projects of a kind, no one answers for them (「各类在建项目必须…」 addresses each)
    head = subj[subj.rfind("的") + 1:] if "的" in subj else ""
    if head and is_actor(head, owners) and not starts_with_verb(head) and verb_pattern().match(subj) is None \
            and (p0.subject_before_cue or p0.noted("topic-actor")):
        return True  # 「受灾较重的村，要…」: before the cue a verb before 的 only modifies the actor (not 「坚持…的领导，…」)
    v = starts_with_verb(subj)
    by_tag = tree.grammar is not None and tree.grammar.leading_verb(subj)
    by_lexicon = v and subj.startswith(v) and not subj.endswith(organ_suffixes())
    if (by_tag or by_lexicon) and (tree.grammar is None or not organ_phrase(subj, tree.grammar)):
        # 「抓实项目」「指导企业加快…」: a verb and its object, not who acts (「执法部门」 names a unit,
        # 「发展改革委」 is an organ)
        return False
    core = strip_adverbs(subj)
    inner = verb_search(core)
    if inner and len(core) - inner.end() >= 4 and verb_class(inner.group(0)) not in ("activity", "assignment") \
            and not subj.endswith(organ_suffixes()):
        return False  # 「稳步壮大…领军企业」「分类推进融资平台」: a verb and its object, not who does it
    if is_actor(subj, owners):
        return True
    return is_actor(subj, owners, relaxed=p0.subject_before_cue) and \
        (tree.grammar is None or tree.grammar.noun_phrase(subj))


def _led_by(g: Group) -> Field:
    """「由X牵头/负责/进行…」 in the record's own text, or 「请X…」 opening it, names its owner (spec sections 2, 3)."""
    for p in g.parts:
        if "由" not in p.text and not p.text.startswith("请"):
            continue
        lo = lead_owner(p.text)
        if lo and lo[1] in ("led-by", "requested") and is_actor(lo[0], relaxed=lo[1] == "led-by"):
            # 「交由达茂旗牵头落实」: whoever 由 names as the lead is an actor, a place's body by its name included
            return Field(lo[0], lo[1], (p.start + lo[2][0], p.start + lo[2][1]))
    return NONE


def _ensure_subject(tree: DocTree, p0) -> Field:
    """「确保…重工、表面处理中心…开工建设」: the project named right after 确保/力争 owns the clause. The
    name runs from after the cue to the first time word or end state (one stretch of the text)."""
    m = clause("ensure-project").match(p0.text)
    if not m:
        return NONE
    begin = m.start("rest")
    for tt in sorted(p0.times, key=lambda x: x.span):  # 「确保本月内、重工…开工建设」: a date right after the cue
        while begin < len(p0.text) and p0.text[begin] in "、，, ":
            begin += 1
        if tt.span[0] == begin:
            begin = tt.span[1]
    while begin < len(p0.text) and p0.text[begin] in "、，, ":
        begin += 1
    stops = [tt.span[0] for tt in p0.times if tt.span[0] >= begin]
    mm = clause("observable-end").search(p0.text, begin)
    if mm:
        stops.append(mm.start())
    if not stops:
        return NONE
    stop = min(stops)
    np_ = p0.text[begin:stop]
    if "的" in np_:
        begin += np_.rindex("的") + 1
        np_ = p0.text[begin:stop]
    lead = len(np_) - len(np_.lstrip("、，, "))
    np_ = _ENSURE_TAIL.sub("", np_.strip("、，, "))
    begin += lead
    if not _project_name(tree, np_):
        return NONE  # 「确保全年目标任务圆满完成」: the goal, not who owns it
    return Field(np_, "ensure-subject", (p0.start + begin, p0.start + begin + len(np_)))


_ENSURE_TAIL = re.compile(r"(?:圆满|顺利|全面|基本|整体|按时|如期|全部|在|于)+$")


def _project_name(tree: DocTree, np_: str) -> bool:
    """Whether what 确保/力争 names is a project or unit (its owner): a noun phrase, not a verb, a
    statistic, a scope or a population (clause rule ``not-ensure-owner``)."""
    if len(np_) < 2 or not strip_adverbs(np_) or is_statistic(np_) or starts_with_verb(np_) \
            or clause("not-ensure-owner").search(np_):  # 「确保全面消除…」: an adverb, no project
        return False
    g = tree.grammar
    return g is None or (g.leading_verb(np_) is None and g.noun_phrase(np_.split("、")[-1]))


def cue_fields(g: Group, carry: Carry, hedges) -> tuple[Field, str]:
    """(modality, strength): the strongest cue in the record's own text, a hedge making it weak;
    a record without a cue inherits the cue before it in its sentence; a bare directive (led by 推动 推进 实施 完成, or
    with no cue before it) is medium."""
    cues = [(p, c) for p in g.parts for c in p.cues]
    before = carry.cue
    if cues:
        p, first = cues[0]
        strength = max((c for _, c in cues), key=lambda c: STRENGTH_ORDER[c.strength]).strength
        hedge = next((c for _, c in cues if c.cue in hedges), None)
        if hedge is not None and first.cue not in _WEAK_WITH_YAO:
            strength = "weak"
        # the next clause without a cue inherits the first cue (the modal, 「…要严格实行…，充分发挥…」 medium, as the
        # shared gold reads it), or the hedge that made this record weak (「要力争引进…，新增…」 weak too)
        carry.cue = hedge if strength == "weak" and hedge is not None else first
        if carry.cue.cue in own_scope_cues():
            carry.cue = before  # 「支持A…，新建B…」: a support verb's scope ends with its object (data/cues.yaml own_scope_cues);
            # the cue carried from before it (「必须…，支持…，新建…」) goes on
        return Field(first.cue, "cue", _span(p, first.span)), strength
    if carry.cue is not None and carry.cue.cue not in hedges and bare_directive(strip_manner(g.parts[0].text)):
        carry.cue = None  # 「支持A…，推动B…，C…」: a bare directive verb of the cue table is medium, and so is what follows
        return NONE, "medium"
    if carry.cue is not None:
        strength = carry.cue.strength
        if carry.cue.cue in _WEAK_WITH_YAO and "要" in "".join(p.text for p in g.parts):
            strength = "weak"
        return Field(carry.cue.cue, "inherited-cue", None), strength
    return NONE, "medium"


def head_times(f: SentenceFacts, cands: list, groups: list[Group]) -> dict:
    """The sentence-level time of each group: ``{id(group): (candidate, time)}``.

    A time at the head of the sentence (leading context, or before the cue of the first record:
    「今年要…」) scopes every clause of the sentence; a later clause opened by 全年/年度/今年, or a
    framing clause (「今年…总体要求是：」), dates the rest of the sentence from there (spec section 4;
    issue 11). A time at the end of a clause dates only that clause (it is the clause's own)."""
    current = f.head_time
    if current is None and groups:
        g0 = groups[0].parts[0]
        lim = g0.cues[0].span[0] if g0.cues else 1
        current = next(((g0, tt) for tt in g0.times if tt.kind != "frequency"
                        and (tt.span[0] == 0 or (g0.cues and tt.span[1] <= lim))), None)
    starts = {id(g.parts[0]): g for g in groups}
    out = {}
    run = None  # (candidate, time) right after the cue of a record: it dates the run of its subject after it
    outer = f.head_time if current is not None and current[0].listed else current
    for p in cands:
        t0 = next((tt for tt in p.times if tt.kind != "frequency"), None) if p.times else None
        if p.listed and current is not None and current[0] is not p and current[0].listed:
            current = outer  # 「一是8月底前…；二是…」: the time opening an item dates that item, not the next
        elif not p.listed and not (current is not None and current[0].listed):
            outer = current  # the time in force outside the items (「今年要完成…，一是…，二是…」: 今年 dates them all)
        if t0 is not None and (structure("framing-clause").search(p.text) or
                               (t0.span[0] == 0 and structure("year-scope-word").match(p.text)) or
                               (t0.span[0] == 0 and p.context and p.noted("leading-context"))):
            # 「…，过渡期内，要…」: a time closed by a comma as leading context dates the clauses after it (spec section 4)
            current = (p, t0)
        elif current is not None and p is not current[0] and structure("open-time-reset").match(p.text):
            current = None  # 「今年…，现在还要…」: the clause's own time (now, from then on) sets no end
        g = starts.get(id(p))
        if g is not None:
            if run is not None and (p.subject or p.cues or p.frequency or f.semicolon_between(run[0], p)):
                run = None  # 「…，县水利局要完成…」「…，每季度报送一次…」: a new subject, a cue, a duty's own time or a
                # semicolon ends the run
            out[id(g)] = current or run
            if current is None and p.cues and t0 is not None and \
                    structure("time-after-cue").match(p.text, p.cues[-1].span[1], t0.span[0]):
                run = (p, t0)  # 「县住建局要在9月底前完成…，完善…」: the predicate's time, for the same subject's clauses
            elif current is None and not p.cues and t0 is not None and t0.span[0] == 0 and t0.end and t0.kind != "vague":
                run = (p, t0)  # 「…，10月底前完成全部更新任务，推进…」: a time opening a bare directive dates the run after it
    return out


def deadline_field(tree: DocTree, g: Group, head) -> Field:
    """A time in the record's own text, the first of its clause (a date in a later clause wins over a vague word
    in an earlier one: 「确保按时，完成2021年度…目标」); else the sentence's time; else the innermost deadline
    scope. 如期/按期 take the date the document ties them to, if it does (spec section 4)."""
    vague = None
    for p in g.parts:
        if not p.times:
            continue
        first = next((tt for tt in p.times if tt.kind != "frequency" and tree.forward(tt)), None)
        if first is not None and first.kind != "vague":
            return Field(first.as_deadline(), first.rule, _span(p, first.span))
        if first is not None:
            vague = vague or (p, first)
    if vague is not None:
        p, tt = vague
        if structure("ontime-tie").fullmatch(tt.text):
            tie = tree.scope("ontime", g.start)
            if tie is not None:
                # the date the text ties 如期 to elsewhere: a period it defines, kind named (gold speech-xi-poverty-2020)
                return Field({**tie.value.value, "kind": "named"}, "ontime-tie", tie.value.span)
        return Field(tt.as_deadline(), tt.rule, _span(p, tt.span))
    if head is not None and tree.forward(head[1]):
        p, tt = head
        return Field(tt.as_deadline(), "sentence-head:" + tt.rule, _span(p, tt.span))
    s = tree.scope("deadline", g.start)
    return s.value if s else NONE


def frequency_field(g: Group) -> Field:
    for p in g.parts:
        for tt in p.times:
            if tt.kind == "frequency":
                return Field(tt.as_frequency(), tt.rule, _span(p, tt.span))
    return NONE


def metric_fields(g: Group) -> list[Field]:
    """Every quantity the record promises (not one inside a time expression)."""
    out = []
    for p in g.parts:
        tspans = [tt.span for tt in p.times]
        for q in p.quants:
            if any(not (q.span[1] <= s or q.span[0] >= e) for s, e in tspans):
                continue
            out.append(Field(q.as_metric(), getattr(q, "rule", "quantity"), _span(p, q.span)))
    return out
