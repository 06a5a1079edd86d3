"""Stage 3, grouping: the candidate clauses of a sentence → groups, one group per record.

Every decision is a named rule (spec section 4, "Splitting"): :func:`start_rule` says whether
a candidate can open the first record of its sentence, :func:`attach_rule` whether a later
candidate starts a record of its own, joins the current one, or is left out. The rule's name
goes on the candidate's trail.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..rules.checkable import decide, is_checkable, relation, starts_with_verb, verb_class, verb_pattern, verb_search
from ..rules.owners import clean_subject, is_actor, is_organ
from ..segment import Span
from .candidates import Candidate, actor_adverbial, directing
from .patterns import clause, clause_may, clauses_may, mode_rules, structure
from .structure import DocTree
from .trail import Step

__all__ = ["Group", "SentenceFacts", "group"]

NEW, JOIN, SKIP, STOP = "new", "join", "skip", "stop"


@dataclass(slots=True)
class Group:
    """The candidates of one record, and the rule that opened it."""

    parts: list[Candidate]
    rule: str

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


@dataclass(slots=True)
class SentenceFacts:
    """What the grouping rules know of the sentence as a whole."""

    genre: str
    bare_ok: bool  # verb-led clauses without a cue are directives here
    past: bool  # the sentence speaks of the past: no planned figures
    goal: bool = False  # inside a goal paragraph or its bullets: goal states are targets
    outcome: bool = False  # the sentence reports a result (了, 已, 累计…)
    owners: frozenset = frozenset()
    head_time: object = None  # (candidate, time expression) of leading context
    lead_figure: Candidate | None = None
    topic: int | None = None  # index of an actor standing as the sentence's topic (「…地区，要…」)
    groups: list = field(default_factory=list)
    prose: bool = True  # closed by a sentence mark: not a line of a roster, table or title
    text: str = ""  # the sentence
    offset: int = 0  # where it starts in the document
    date: str = ""  # the speech's date (ISO): a scheduled act's time lies ahead of it
    forward_total: bool = False  # 累计 in a sentence dated ahead of the speech: a cumulative target, no report
    forecast: bool = False  # a 预计 clause came earlier in the sentence: the figures after it are the estimate's
    plan_part: bool = False  # where verb-led clauses are directives, but for the sentence's report (bare_ok without it)
    semicolon: bool = field(init=False)  # the sentence holds a semicolon (most hold none: no clause gap is then read)

    def __post_init__(self):
        self.semicolon = "；" in self.text or ";" in self.text

    def semicolon_between(self, a: Candidate, b: Candidate) -> bool:
        """A semicolon (「；」 or 「;」) between two clauses of the sentence (spec section 1: it splits as 。 does)."""
        if not self.semicolon:
            return False  # most sentences hold none: no gap is read
        gap = self.text[a.end - self.offset:b.start - self.offset]
        return "；" in gap or ";" in gap


def _directive(f: SentenceFacts, cands: list[Candidate], i: int) -> str | None:
    """Why candidate ``i`` is a directive on its own, or ``None``."""
    p = cands[i]
    if p.cues:
        return "cue"
    if p.frequency:
        return "recurring-duty"
    if p.subject is not None and p.noted("pivot-instruction") and _pivot_instructs(cands, i):
        return "pivot-instruction"
    if f.bare_ok and p.verb is not None:
        return "verb-led"
    if f.bare_ok and f.prose and p.actor_verb is not None:
        return "actor-led"  # 「物业公司结合小区实际提出申请」: an actor and its verb, no cue
    if f.bare_ok and f.genre == "gwr" and not f.past and relation(p.text):
        return "planned-statistic"  # 「全县民生支出规模比去年增加」: a statistic's planned direction
    if ((f.bare_ok and not f.past) or (f.plan_part and not clause("outcome").search(p.text))) \
            and f.genre in ("gwr", "plan") and _scheduled(f, p):
        # 「…再生水厂已于去年9月建成投运，…，城西再生水厂年底前完成主体工程」: the report is another clause's
        return "scheduled-act"  # 「滨江大桥年底建成通车」「…政策延长至明年3月底」: a thing, its date ahead, its end
    if f.bare_ok and f.genre == "speech" and p.quants and not p.tail and not f.past and _dated_target(f, p):
        return "dated-target"  # 「全县重点项目6月底前开工率达到100%，…」: a figure to reach by a date, amid instructions
    if f.goal and f.bare_ok and not p.tail and not clause("target-statement").search(f.text, p.start - f.offset,
                                                                                      p.end - f.offset + 1):
        return "goal-statement"  # 「到2023年，…5G网络全面部署」: a state the goal paragraph sets as a target
    if f.bare_ok and f.genre in ("gwr", "plan") and p.quants and not p.tail and not f.past \
            and not _funds_next(cands, i) and not _fact_before_task(cands, i) and not _stock(cands, i):
        return "planned-figure"  # 「财政赤字2.76万亿元」「…比重分别达到45%和30%」: a planned figure or target
    if p.subject and is_actor(p.subject, f.owners) and _assigned(p):
        return "assignment"  # 「县城管局负责主干道除雪」: a unit assigned a task
    if f.genre == "plan" and f.bare_ok and f.prose and p.subject and not p.quants and _thing_act(p):
        return "object-then-act"  # 「…发放信息纳入监管平台统一管理」: what is done with a thing, in a plan
    return None


def _reports(tree, p: Candidate) -> bool:
    """The clause reports what has happened (clause rule ``outcome``, :func:`_reported`)."""
    return _reported(tree, p.text, p.times, p.start)


def _reported(tree, text: str, times, pos: int) -> bool:
    """``text`` (a clause or a sentence at ``pos``, with its times) reports what has happened (clause rule
    ``outcome``); a word that may be wished for as well (``wished``: 取得 成功 累计) reports only with no date ahead of
    the speech in the text (「3月底前取得施工许可」) nor a note of its item, of a date or a lead (「…新增300家（累计约900家）
    …接入…平台。（8月底完成，…）」「新建5G基站300座，累计建成5G基站900个。（持续推进，牵头考核单位：…）」)."""
    found = [m.group(0) for m in clause("outcome").finditer(text)]
    if not found:
        return False
    wished = mode_rules("clauses")["outcome"][1]["wished"]
    if any(re.match(wished, w) is None for w in found):
        return True
    if any(tt.kind in _DATED and tt.end and tree.forward(tt) for tt in times):
        return False
    note = tree.scope("deadline", pos) or tree.scope("owner", pos)
    return not (note is not None and note.kind == "item-note")  # a noted item is a task, its running total one to reach


def _dated_target(f: SentenceFacts, p: Candidate) -> bool:
    """A statistic to reach by a date ahead (clause rule ``dated-target``: a comparator before the figure, 达到 突破
    不低于…, and a date of the clause's own after the speech's): in a speech, amid instructions, a target with no cue."""
    if not any(t.kind in _DATED and t.end and t.end >= f.date and not t.past for t in p.times):
        return False
    return clause("dated-target").search(p.text) is not None


def _pivot_instructs(cands: list[Candidate], i: int) -> bool:
    """「要求各县区在4月15日前完成…」: an obligation laid on an actor with no cue instructs opening its sentence or
    after instructions, not after a narrated act (「…会议专题研究部署，要求各区…」: what was required then)."""
    return all(c.context or c.cues or c.noted("pivot-instruction") for c in cands[:i])


def _scheduled(f: SentenceFacts, p: Candidate) -> bool:
    """A scheduled act (grouping rule ``scheduled-act``): a clause with no cue and no verb at its head, dated ahead of
    the speech (not a frequency, not vague, not in the past), whose text is checkable: a project's or a policy's
    end state on a date (「…大桥年底建成通车」「…政策延续到明年底」). Its subject is a thing (a project named by its
    kind of work, 大道 工程 项目, included), not an organ (an organ and its verb is ``actor-led``)."""
    if not p.times or p.tail or any(t.past for t in p.times) or (p.subject and is_organ(p.subject)):
        return False
    tt = next((t for t in p.times if t.kind in _DATED and t.end), None)
    if tt is None or tt.end < f.date:
        return False
    head, rest = p.text[:tt.span[0]], p.text[tt.span[1]:]
    if clause("extension-to-date").search(head) and not rest.strip("，,。；; "):
        return is_checkable(p.text, dated=True)  # 「…政策延长至明年3月底」: the date the act runs to
    act = rest[m.end():] if (m := clause("after-date").match(rest)) else rest
    if clause("scheduled-subject").fullmatch(head) is None:
        return False
    if decide(p.text, dated=True) == (True, "dated-completion"):
        return True  # 「城市燃气管道老化更新改造年内全部完成」: a named work completed by a date (a dated deliverable)
    return (starts_with_verb(act) is not None or decide(act) == (True, "end-state")) \
        and is_checkable(p.text, dated=True)  # 「全线贯通」: an end state, not a title's noun (「…2022年…考评办法」)


_DATED = ("date", "period", "named", "relative")


def _only_total(text: str) -> bool:
    """The only word of a report in ``text`` is 累计 (clause rule ``outcome``)."""
    return all(m.group(0) == "累计" for m in clause("outcome").finditer(text))


def _forecast(f: SentenceFacts, cands: list[Candidate], i: int, may: bool) -> str | None:
    """「预计今年县级税收…」: expected, not promised (rule ``forecast``); the figures after it in its sentence with no cue
    of their own go on with the estimate (``forecast-figure``: 「预计全年…增长6%左右，…收入完成14亿元」)."""
    p = cands[i]
    if may and clause("forecast").match(p.text):
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None and (nxt.context or nxt.quants):
            _head_time(f, p)  # 「预计今年…，加上…，支出安排…」: the year of the figures after it
        f.forecast = True
        return "forecast"
    return "forecast-figure" if f.forecast and p.quants else None


def _future_only(p: Candidate) -> bool:
    """Every cue of the clause is 将, the future: inside a forecast (「预计…吞吐量将突破1.2亿吨」) it tells what is
    expected, not what is promised."""
    return all(c.cue == "将" for c in p.cues)


def _end_forecast(f: SentenceFacts, cands: list[Candidate], i: int) -> None:
    """Resources added to the estimate (clause rule ``funds-added``: 「…，加上上级补助等，全年支出安排…」) or a semicolon
    end it: what comes after is planned."""
    if f.forecast and (clause("funds-added").match(cands[i].text)
                       or f.semicolon_between(cands[i - 1], cands[i])):
        f.forecast = False


def _directed_total(f: SentenceFacts) -> bool:
    """「市数据局要…，累计归集数据资源30亿条以上」: 累计 after a record that a directing cue (要 将 确保 力争…) opened in
    the same sentence is a running total the cue directs, a target; with 截至/以来/去年 (clause rule ``past-total``)
    it reports."""
    return bool(f.groups) and any(directing(x.cues) for x in f.groups[-1].parts) \
        and not clause("past-total").search(f.text)


def _forward_total(tree: DocTree, sent: Span, stext: str) -> bool:
    """「“十四五”期间，全县累计完成…」: 累计 (a running total) under a period that runs past the speech's year, named
    before it or by the goal paragraph its bullet is under, sums a target; it reports nothing. 累计 with no such period, with 截至/以来/去年 in the sentence (clause
    rule ``past-total``), or under this year's (a year-end report sums what was done), reports."""
    at = stext.find("累计")
    if at < 0 or not _only_total(stext) or clause("past-total").search(stext):
        return False
    head = [t for t in tree.recognized(sent.start, sent.end)[1] if t.span[0] < at and t.kind in _DATED and t.end]
    if not head:  # 「到2026年，…」 then 「——累计接入…2000家。」: a bullet of a goal paragraph dated past this year
        goal = tree.scope("goal", sent.start)
        return goal is not None and ((goal.value.value or {}).get("end") or "")[:4] > tree.iso_date[:4]
    return not head[0].past and head[0].end[:4] > tree.iso_date[:4]


def _funds_next(cands: list[Candidate], i: int) -> bool:
    """「投资6.6亿元，实施…工程」: the figure heads the checkable act (or the purpose) after it and joins it, as
    the shared gold reads work reports; before a direction (「全年计划投资8亿元，加快推进…」) the figure is a
    target of its own (spec section 4: a checkable phrase is a record)."""
    nxt = cands[i + 1] if i + 1 < len(cands) else None
    v = verb_search(cands[i].text)
    if v is not None and verb_class(v.group(0)) in ("completion", "end_states"):
        return False  # 「全县累计完成…投资800亿元，新增…」: a figure completed or reached is a target of its own
    if cands[i].verb is None and any(q.op in (">=", "<=", ">", "<") for q in cands[i].quants):
        return False  # 「社区工作者基本报酬不低于4500元/人·月，年内实现…」: a bounded figure of its own subject, a target
    return nxt is not None and nxt.verb is not None and (nxt.checkable or bool(clause("purpose-opener").match(nxt.text)))


def _fact_before_task(cands: list[Candidate], i: int) -> bool:
    """「今年全县高校毕业生约有3000人，做好就业服务」: a figure that states a fact before a task is that task's
    context, not a target: before a cue any stated figure (clause rule ``stated-fact``), before a bare directive
    only a count of what exists (``existing-count``)."""
    nxt = cands[i + 1] if i + 1 < len(cands) else None
    if nxt is None or nxt.tail:
        return False
    if nxt.cues:
        return bool(clause("stated-fact").match(cands[i].text))
    # before a bare directive only a count of what exists (有 约有 共有): 「…突破50亿元，打造…」 is a target
    return nxt.verb is not None and bool(clause("existing-count").match(cands[i].text))


def _stock(cands: list[Candidate], i: int) -> bool:
    """「全县共有行政村120个，其中脱贫村30个」: a count of what exists (clause rule ``existing-count``), and the breakdown
    (其中) right after it, state a fact, not a planned figure."""
    p = cands[i]
    if clause("existing-count").match(p.text):
        return True
    if i > 1 and cands[i - 1].text == "其中":  # 「…136家，其中：年营业收入超过十亿元的8家」
        return bool(clause("existing-count").match(cands[i - 2].text))
    return i > 0 and p.text.startswith("其中") and bool(clause("existing-count").match(cands[i - 1].text))


def _thing_act(p: Candidate) -> bool:
    """A thing (not an actor) followed by a discrete act on it (纳入 实施 采取…): a plan's rule for what is done with it."""
    if p.subject not in p.text or is_actor(p.subject):
        return False
    rest = p.text[p.text.find(p.subject) + len(p.subject):]
    m = verb_pattern().match(rest)
    if m is None and (whole := _WHOLE.match(rest)):  # 「…资金全额拨付到位」「…事项全部纳入…平台」: all of it, then the act
        m = verb_pattern().match(rest, whole.end())
    cls = verb_class(m.group(0)) if m is not None else None
    if cls in ("end_states", "completion") and not rest[m.end():].strip("，,。；; "):
        return True  # 「…资金全额拨付到位」: the thing's end state closes the clause (「…运营模式」 names a mode)
    if cls not in ("instrument_acts", "programme_acts"):
        return False
    return not clause("unit-after-verb").match(rest, m.end())  # 「数据提供方…」: the verb opens a party's name


_WHOLE = re.compile("(?:全部|全额|足额|一次性)")


def _assigned(p: Candidate) -> bool:
    """The verb right after the candidate's subject assigns it a task (负责 牵头 承担)."""
    rest = p.text[p.text.find(p.subject) + len(p.subject):] if p.subject in p.text else ""
    m = verb_pattern().match(rest)
    return bool(m) and verb_class(m.group(0)) == "assignment"


def _bans(parts: list[Candidate]) -> bool:
    """Whether the record so far is a prohibition: its last cue bans (严禁 不得 禁止 不准)."""
    last = next((x.cues[-1] for x in reversed(parts) if x.cues), None)
    return last is not None and bool(clause("ban-cue").match(last.cue))


def _new_actor(f: SentenceFacts, p: Candidate) -> bool:
    return p.subject is not None and p.verb is None and is_actor(p.subject, f.owners, relaxed=p.subject_before_cue)


def _headless_relative(text: str) -> bool:
    """A clause ending in 的 with no head noun (clause rule ``headless-relative``); its precheck first (most clauses
    hold no 的)."""
    return clause_may("headless-relative", text) and clause("headless-relative").search(text) is not None


def attach_rule(f: SentenceFacts, cands: list[Candidate], i: int) -> tuple[str, str]:
    """For a candidate after the first record has started: (action, rule).

    Whether the record so far holds a checkable phrase, and whether the candidate directs on its own, are
    asked only where a rule reads them (both are pure and each clause keeps its answer: the order they are
    asked in changes no decision; a clause with a cue never needs the first but for the adverb-cue rule)."""
    p, cur = cands[i], f.groups[-1].parts
    if p.listed:
        return NEW, "numbered-item"
    if not p.cues and i + 1 < len(cands) and _headless_relative(p.text):
        p.quants = []  # 「…；连续两次考评不合格的，取消…」: whom the next task applies to, its count no target
        return NEW, "condition-topic"
    if f.semicolon_between(cur[-1], p):  # spec section 1: a sentence splits at 。！？；
        if _context_after_semicolon(p) and i + 1 < len(cands):
            return SKIP, "context-after-semicolon"  # 「…；对于考评不合格的合作社，进行约谈」: the next item's context
        action, rule = _attach(f, cands, i, p, cur)
        if action != JOIN:
            return action, rule
        if p.verb is not None or p.checkable or _directive(f, cands, i) is not None:
            return NEW, "after-semicolon"  # 「…发展规模；加快发展…」 (a clause with no cue takes the sentence's cue)
        return SKIP, "remark-after-semicolon"  # 「…；生态环境一旦破坏，就很难恢复」: no task of its own
    return _attach(f, cands, i, p, cur)


def _context_after_semicolon(p: Candidate) -> bool:
    """Leading context opening an item after a semicolon: no cue, and no verb of its own but in a modifier of the
    actor it names (「对于考评不合格的运营单位，」), unlike 「对…平台给予奖补」."""
    if not p.noted("leading-context") or p.cues:
        return False
    de = p.text.rfind("的")
    head = p.text[de + 1:] if de >= 0 else ""
    return p.verb is None or (bool(head) and (is_actor(head) or verb_pattern().search(head) is None))


def _attach(f: SentenceFacts, cands: list[Candidate], i: int, p: Candidate, cur: list) -> tuple[str, str]:
    """:func:`attach_rule` past the numbered items and semicolons."""
    new_subject = _new_actor(f, p) and not (p.noted("pivot-instruction") and not _pivot_instructs(cands, i))  # rare
    if len(cur) == 1 and cur[0].means_only and not p.cues:
        return JOIN, "task-after-means"
    if len(cur) == 1 and cur[0].is_topic:
        return JOIN, "task-after-condition"  # 「连续两次考评不合格的，取消…」: the task of whom the topic names
    if p.tail and not p.cues and not (p.text.startswith("为") and p.checkable):
        if p.manner and any(x.checkable for x in cur) and not p.checkable:
            return NEW, "manner-after-checkable"  # 「…改造工程，不断提高供水保障能力」: a direction after the checkable act
        return JOIN, "tail"
    if not p.cues and not p.quants and ((p.text[:1] in "这此" and clause("anaphoric-remark").match(p.text))
                                         or cands[i - 1].noted("anaphoric-remark")):
        return SKIP, "anaphoric-remark"  # 「…，这是重中之重」「…，这是硬任务，没有…余地」: what the task is, and on
    if not p.cues and not p.tail and _bans(cur) and p.verb is not None:
        return NEW, "after-ban"  # 「严禁违规举债，稳妥化解存量债务」: the ban ends with its object; what follows is directed
    if p.cues:
        if all(clause("adverb-cue").match(c.cue) for c in p.cues) and not p.checkable and not new_subject \
                and not any(x.checkable for x in cur):
            return JOIN, "adverbial-cue-in-exhortation-run"  # 「要搞好供需衔接，抓紧解决…」
        return NEW, "new-cue"
    if not p.checkable and any(x.checkable for x in cur):
        return NEW, "after-checkable-phrase"  # spec section 4: a checkable phrase is a record of its own
    if new_subject or p.checkable or p.frequency:
        if not new_subject and p.subject and not p.verb and not p.checkable and not _directive(f, cands, i):
            return JOIN, "non-actor-continuation"
        if f.genre == "speech" and not new_subject and not p.checkable and not p.verb and not _directive(f, cands, i):
            return SKIP, "remark-between-tasks"  # 「本来就有不少硬骨头要啃」
        if new_subject:
            return NEW, "new-subject"
        if not p.cues and f.bare_ok and f.genre in ("gwr", "plan") and not f.past and _scheduled(f, p) \
                and not any(c.cues for g in f.groups for c in g.parts):
            return NEW, "scheduled-act"  # 「A医院6月底前投入使用，B地铁一期年底前开通运营」: a run of scheduled acts, no cue
        return NEW, "checkable-phrase"
    return JOIN, "non-checkable-run"


# clause rules by which a clause states no task, wherever it stands, and whether a cue in it overrules them:
# 「实现…目标并非易事」 (what the task is like), 「评比也存在重材料的偏向」 (a diagnosis), 「一般分为…两类」 (what
# kinds there are), 「承担着…使命」 (a state the speaker sees)
_NO_TASK = (("difficulty-judgement", False), ("judged-task", False), ("problem-statement", True), ("classification", True),
            ("ongoing-state", True))


def _no_task(p: Candidate, may: dict) -> str | None:
    """The rule of :data:`_NO_TASK` by which clause ``p`` states no task, read in its data's mode; ``None``."""
    for rid, cue_overrules in _NO_TASK:
        if may[rid] and not (cue_overrules and p.cues):
            pat, rule = mode_rules("clauses")[rid]
            if (pat.match if rule["mode"] == "match" else pat.search)(p.text):
                return rid
    return None


def _object_topic(f: SentenceFacts, cands: list[Candidate], i: int) -> Candidate | None:
    """The task that clause ``i``, leading context opened by 对, is the topic of (clause rule ``object-topic``:
    「对…的企业，省级给予…」「对…，要…」), or ``None``."""
    p = cands[i]
    if p.text[:1] != "对" or p.cues or not p.noted("leading-context"):
        return None
    for c in cands[i + 1:]:  # 「对…问题，一经举报，要追查到底」: context may come before the task
        if not c.context:
            return c if clause("object-topic").match(p.text) is not None else None
        closer = f.text[c.end - f.offset:c.end - f.offset + 1]
        if c.noted("list-introduction") or (closer and closer in "：:"):
            return None  # 「对防汛工作，我再讲两点：一要…」: a list's introduction, the topic frames the list
    return None


def _context_rule(f: SentenceFacts, cands: list[Candidate], i: int, started: bool) -> tuple[str, str]:
    p = cands[i]
    task = _object_topic(f, cands, i)
    if task is not None:
        if not started:
            f.topic = i  # 「对…的企业，省级分别给予…」: what the task applies to opens its record
            return SKIP, "object-topic"
        if (task.cues and task.cues[0].span[0] == 0) or f.semicolon_between(f.groups[-1].parts[-1], p):
            p.as_topic()  # whom the task is for: no task of its own, its figures no targets
            return NEW, "object-topic"  # 「…，对…的，要…」「…；对于…的合作社，进行约谈」: the next task's topic
    if not started:
        ht = [tt for tt in p.times if tt.kind != "frequency"]
        if ht:
            f.head_time = (p, ht[0])
        return SKIP, "leading-context"
    if p.noted("consequence"):
        return SKIP, "consequence"  # 「…，否则一旦出事将追悔莫及」: a warning, no part of the task before it
    if f.semicolon_between(f.groups[-1].parts[-1], p):
        return SKIP, "context-after-semicolon"  # 「…；对于考评不合格的合作社，进行约谈」: the next item's context
    nxt = cands[i + 1] if i + 1 < len(cands) else None
    if nxt is None or nxt.cues or (nxt.subject and is_actor(nxt.subject, f.owners)) or \
            any(x.checkable for x in f.groups[-1].parts):
        return SKIP, "context-of-next"
    return JOIN, "mid-sentence-context"


def _first_rule(f: SentenceFacts, cands: list[Candidate], i: int) -> tuple[str, str]:
    """Before any record of the sentence has started."""
    p = cands[i]
    if clause("purpose-tail").match(p.text) and not p.checkable:
        return SKIP, "purpose-tail-alone"
    nxt = cands[i + 1] if i + 1 < len(cands) else None
    if nxt is not None and not p.cues and _headless_relative(p.text):
        f.topic = i  # 「连续两次考评不合格的，终止…」: whom the task after it applies to opens its record
        return SKIP, "condition-topic"
    topic = nxt is not None and bool(nxt.cues) and nxt.cues[0].span[0] == 0 and _actor_topic(p, f.owners) \
        and not clause("especially").match(p.text) \
        and not clause("copula").match(clause("especially").sub("、", p.text))  # 「各村干部特别是村支书，必须…」
    if not topic and (not p.cues or _cue_after_copula(p)) and clause("copula").match(p.text):
        return SKIP, "copula"  # 「就业是民生之本」: what something is, not a task
    why = None if topic and "的" in p.text else _directive(f, cands, i)  # the verb before 的 modifies the actor
    if why is None and p.noted("role-statement"):
        f.topic = i  # 「运营单位作为…主体，承担…责任」: the actor holding a role opens the record of what it does
        return SKIP, "topic-actor"
    if why is None:
        # 「投资6.6亿元，实施…」: a leading figure without a verb we know belongs to what follows
        f.lead_figure = p if (p.quants and not p.cues and f.bare_ok and not clause("stated-fact").match(p.text)) else None
        adverbial = actor_adverbial(p.text)  # 「各乡镇在汛期内，要…」: the actor alone, not where or when
        np_ = adverbial["who"] if adverbial else clean_subject(p.text)
        if _actor_topic(p, f.owners):
            # 「受灾较重的乡镇，要…」: an actor as the topic of the sentence is its subject
            f.topic = i
            off = p.text.find(np_)
            p.subject, p.subject_span = np_, (p.start + off, p.start + off + len(np_))
            return SKIP, "topic-actor"
        _head_time(f, p)
        return SKIP, "not-a-directive"
    return NEW, why


def _cue_after_copula(p: Candidate) -> bool:
    """Every cue of the clause is an adverb (加快 积极…) after its 是: it qualifies the noun the copula names
    (「是全县加快追赶跨越的关键五年」), it directs nothing."""
    at = p.text.find("是")
    return 0 <= at < p.cues[0].span[0] and all(clause("adverb-cue").match(c.cue) for c in p.cues)


def _actor_topic(p: Candidate, owners) -> bool:
    """An actor standing alone as the sentence's topic (「受灾较重的乡镇，」「各村干部特别是村支书，」); a verb
    before its 的 only modifies the actor (受灾较重的)."""
    np_ = clean_subject(p.text)
    modified = "的" in np_ and verb_pattern().match(np_) is None  # 「受灾较重的村」, not 「坚持党对…的绝对领导」
    return not p.cues and (p.verb is None or modified) and len(np_) <= 24 and is_actor(np_, owners) \
        and not clause("vocative").match(np_)


def _head_time(f: SentenceFacts, p: Candidate) -> None:
    """A clause that heads its sentence and directs nothing may still carry the sentence's time at its head
    (「预计今年县级税收…，」): it dates the clauses after it (structure rule ``head-time-lead``)."""
    if f.head_time is not None:
        return
    tt = next((x for x in p.times if x.kind != "frequency"), None)
    if tt is not None and structure("head-time-lead").fullmatch(p.text[:tt.span[0]]):
        f.head_time = (p, tt)


_PER_CLAUSE = ("stop-cue", "outcome", "completed", "cue-in-relative", "speaker-remark", "forecast",
               "difficulty-judgement", "judged-task", "problem-statement", "classification", "ongoing-state")  # each clause


def _mark_topics(f: SentenceFacts, cands: list[Candidate], owners) -> None:
    """「做好政府工作，要…」: a topic closed by a comma before a clause that opens with its cue is context; a semicolon
    closes what is before it (「我们要…，扩大有效投资；要…」: the last task of a run, no topic)."""
    for k, (p, nxt) in enumerate(zip(cands, cands[1:])):
        if not p.cues and nxt.cues and nxt.cues[0].span[0] == 0 and not p.quants \
                and clause("auxiliary-cue").match(nxt.text) and not p.checkable and not _actor_topic(p, owners) \
                and not f.semicolon_between(p, nxt):
            p.context = True
            p.note("grouping", "topic-before-cue")
        elif k == 0 and not p.cues and not p.quants and nxt.cues and clause("auxiliary-cue").match(nxt.cues[0].cue) \
                and clause("framing-clause").match(p.text) and not f.semicolon_between(p, nxt):
            p.context = True  # 「完成今年全县目标任务，财政政策要…」: what the tasks after it serve; its 今年 dates them
            p.note("grouping", "framing-clause")


def _clause_rule(tree: DocTree, f: SentenceFacts, cands: list[Candidate], i: int, started: bool,
                 may: dict) -> tuple[str, str]:
    """(action, rule) for candidate ``i``: the rules by which a clause is no task (context, a report, a forecast…),
    else the first record's rule or the attachment rule."""
    p = cands[i]
    if p.context:
        return _context_rule(f, cands, i, started)
    if (not p.cues and may["outcome"] and _reports(tree, p)
            and not ((f.forward_total or _directed_total(f)) and _only_total(p.text))) \
            or (p.cues and may["completed"] and not directing(p.cues) and clause("completed").search(p.text)):
        return (STOP if started else SKIP), "reported-result"  # 「…对带动农户增收发挥了积极作用」
    if p.cues and may["cue-in-relative"] and clause("cue-in-relative").match(p.text):
        return (STOP if started else SKIP), "cue-in-relative"  # 「…是一场必须赢下来的硬仗」: what it is
    if (not p.cues or _future_only(p)) and (fc := _forecast(f, cands, i, may["forecast"])) is not None:
        return SKIP, fc
    if (why := _no_task(p, may)) is not None:
        return SKIP, why
    if may["speaker-remark"] and clause("speaker-remark").match(p.text):
        return (STOP if started else SKIP), "speaker-remark"  # 「这里要着重强调…」: about the speech
    if f.outcome and clause("reported-instruction").match(p.text):
        return (STOP if started else SKIP), "reported-instruction"  # 「…听取了汇报，要求各部门…」
    return _first_rule(f, cands, i) if not started else attach_rule(f, cands, i)


def group(tree: DocTree, sent: Span, cands: list[Candidate], owners=frozenset()) -> tuple[list[Group], SentenceFacts]:
    """Group a sentence's candidates into records."""
    stext = sent.text
    forward_total = _forward_total(tree, sent, stext)
    # a sentence with a wished-for word (累计 取得) reports unless its item's note dates it: a date in one of its clauses
    # does not clear the others (「…累计完成投资5亿元，年底前全面竣工」 stays a report; the clause asks its own dates)
    outcome_sentence = not forward_total and _reported(tree, stext, (), sent.start)
    plan_part = tree.bare_allowed(sent)
    f = SentenceFacts(tree.genre, plan_part and not outcome_sentence,
                      tree.genre == "gwr" and tree.past(stext), tree.scope("goal", sent.start) is not None,
                      outcome_sentence, owners, prose=stext.rstrip()[-1:] in "。；;！!？?", text=stext, offset=sent.start,
                      forward_total=forward_total, plan_part=plan_part,
                      date=tree.iso_date)
    _mark_topics(f, cands, owners)
    started = False
    may = clauses_may(_PER_CLAUSE, stext)  # a rule no clause can match is not tried on each
    stopped = None  # the conditional (只要…就…) whose reach ends at the next semicolon
    for i, p in enumerate(cands):
        if stopped is not None:
            if not f.semicolon_between(stopped, p):
                continue
            stopped = None  # 「只要…就…可以防得住；各县区一定要…」: the task after the semicolon is one
        if may["stop-cue"] and clause("stop-cue").search(p.text):
            p.note("grouping", "only-if-conditional", "stop")
            stopped = p
            continue
        _end_forecast(f, cands, i)
        action, rule = _clause_rule(tree, f, cands, i, started, may)
        p.trail.append(Step("grouping", rule, (p.start, p.end), action))
        if action == STOP:
            break
        if action == NEW:
            parts = [p]
            if not started and f.topic is not None:
                parts = cands[f.topic:i + 1]  # the topic and the context after it open the record
                cands[f.topic].note("grouping", "topic-actor", "join")
                if cands[f.topic].noted("object-topic"):
                    cands[f.topic].as_topic()  # whom the task is for: no task of its own, its figures no targets
            elif not started and i > 0 and cands[i - 1] is f.lead_figure:
                parts = [cands[i - 1], p]
                cands[i - 1].note("grouping", "leading-figure", "join")
            f.groups.append(Group(parts, rule))
            started = True
        elif action == JOIN:
            f.groups[-1].parts.append(p)
    return f.groups, f
