"""Clauses → commitment records.

>>> from speechkit.io import Speech
>>> s = Speech.from_text("冲刺月行动9月1日开始，9月30日结束。冲刺月内，滨江体育中心要整体竣工，滨江大道要完成路面铺装。",
...                      doc_id="demo", date="2021-08-20")
>>> [(c.text, c.owner, c.deadline["end"]) for c in extract(s)]
[('滨江体育中心要整体竣工', '滨江体育中心', '2021-09-30'), ('滨江大道要完成路面铺装', '滨江大道', '2021-09-30')]
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from .commitment import Commitment
from .context import LIST_MARK, TRAIL, DocContext
from .io import Speech
from .rules.checkable import is_checkable, starts_with_verb, strip_adverbs, verb_pattern
from .rules.cues import STRENGTH_ORDER, Cue, cue_table, find_cues
from .rules.owners import clean_subject, is_actor
from .rules.quantities import find_quantities
from .rules.times import find_times
from .segment import Document, Span, segment

__all__ = ["Extractor", "Extraction", "extract"]

_BENEFICIARY = re.compile(r"(?:向|为|给)(?=[\u4e00-\u9fff])")
_ITEM_MARK = re.compile(r"[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十]{1,3}")
_CONTEXT = re.compile(r"^(?:除|对标|对照|按照|根据|围绕|针对|面对|面向|随着|结合|依托|基于|遵循|立足|聚焦|对于|关于|在|对|从|通过|经过|为此|同时|此外|另外|当前|目前|现在|下一步|总的看)")
_OUTCOME = re.compile(r"了(?![解结])|已经|已(?!有的)|累计|成功|取得|至今|仍未|迟迟|难以|缺乏")
_TAIL = re.compile(r"^(?:以便|以|使|让|便于|从而|进而|为了|旨在|意在|努力|切实|不断)(?![及上下后来内前])")
_PURPOSE = re.compile(r"^(?:旨在|意在|以便|从而|进而|便于)")
_COMPARE = re.compile(r"^(?:比|较|同比|其中|达到|达|(?:增长|下降|增加|减少)(?=[\d一二三四五六七八九十百千两]))")
_ADVERB_CUES = frozenset("抓紧 加快 全力 积极 严格 努力 支持 鼓励 探索 尽量 坚决".split())
_CONJ = re.compile(r"(?:但是|但|而且|而|并且|同时|也)")
_TARGETS = re.compile(r"(?:主要)?(?:预期)?目标(?:是|为)?[：:]")
_SLOGAN_MAX = 10
_STOP_CUES_IN = re.compile(r"只要")
_COND = re.compile(r"有条件的|条件成熟的|具备条件的|符合条件的|条件允许")
_KEEP = re.compile(r"保持|稳定|不变|维持|守住|巩固")
_CHANGE = re.compile(r"增长|下降|提高|降低|减少|增加|压减|扩大|提升|降至|达到|突破")


@dataclass
class _Piece:
    start: int  # cleaned offsets
    end: int
    text: str
    cues: list
    times: list
    quants: list
    context: bool = False
    tail: bool = False
    subject: str | None = None
    subject_span: tuple[int, int] | None = None
    verb: str | None = None
    checkable: bool = False
    subject_before_cue: bool = False
    means_only: bool = False  # 「力争通过两个月努力，」: a cue with only the means after it
    listed: bool = False  # opened by 「二是」「第三」 inside a sentence: an item of its own


@dataclass
class Extraction:
    """Commitments of one speech, in text order, with its segmented document."""

    speech: Speech
    document: Document
    commitments: list[Commitment] = field(default_factory=list)

    def __iter__(self):
        return iter(self.commitments)

    def __len__(self):
        return len(self.commitments)

    def __getitem__(self, i):
        return self.commitments[i]

    def __repr__(self):
        ck = sum(c.checkable for c in self.commitments)
        return f"Extraction({self.speech.doc_id!r}, {len(self.commitments)} commitments, {ck} checkable)"

    def to_records(self) -> list[dict]:
        """Spec JSON objects."""
        return [c.to_dict() for c in self.commitments]

    def to_html(self, path=None):
        """Highlighted HTML of the speech (a string), or a standalone page written to ``path``.

        >>> extract("县交通局要在6月底前完成通车。", date="2021-02-20").to_html().count('class="sk-c ')
        1
        """
        from .html import highlight, to_html

        return to_html(self, path) if path is not None else highlight(self)

    def _repr_html_(self) -> str:
        from .html import highlight

        return highlight(self)

    def to_ics(self, path=None) -> str:
        """Checkable deadlines as iCalendar text (written to ``path`` when given).

        >>> "DTSTART;VALUE=DATE:20210630" in extract("县交通局要在6月底前完成通车。", date="2021-02-20").to_ics()
        True
        """
        from .export import to_ics

        return to_ics(self, path)

    def to_frame(self):
        """One row per commitment (see :func:`speechkit.frame.to_frame`).

        >>> extract("县交通局要在6月底前完成通车。", date="2021-02-20").to_frame()[["owner", "checkable"]].values.tolist()
        [['县交通局', True]]
        """
        from .frame import to_frame

        return to_frame(self.commitments)


class Extractor:
    """Rule-based commitment extractor with its own lexicon additions and tokenizer.

    ``cues`` adds cue words ``{word: "strong"|"medium"|"weak"}``; ``owners``
    adds actor names (a city's organs and projects); ``domain_words`` go to
    this extractor's own ``jieba.Tokenizer``. Nothing is shared with other
    extractors in the process.

    >>> ex = Extractor(owners=["江城港务集团"], cues={"务求": "strong"})
    >>> s = Speech.from_text("江城港务集团务求年内完成搬迁。", doc_id="d", date="2021-03-01")
    >>> c = ex.extract(s)[0]
    >>> c.owner, c.strength, c.deadline["end"]
    ('江城港务集团', 'strong', '2021-12-31')
    """

    def __init__(self, cues: dict | None = None, owners=(), domain_words=()):
        self.cues = dict(cues or {})
        self.owners = frozenset(owners)
        self.domain_words = tuple(domain_words)
        self._table = cue_table(self.cues)
        self._tokenizer = None

    @property
    def tokenizer(self):
        """This extractor's own ``jieba.Tokenizer`` (created on first use)."""
        if self._tokenizer is None:
            from .tokenize import make_tokenizer

            self._tokenizer = make_tokenizer(self.domain_words + tuple(self.owners))
        return self._tokenizer

    # ------------------------------------------------------------ document
    def extract(self, speech: Speech | str, date=None) -> Extraction:
        """Extract the commitments of a speech (or of a text, dated by ``date``)."""
        if isinstance(speech, str):
            speech = Speech.from_text(speech, date=date)
        doc = segment(speech)
        ctx = DocContext(speech, doc)
        out: list[Commitment] = []
        for sent in doc.sentences:
            out.extend(self._sentence(ctx, sent))
        return Extraction(speech, doc, out)

    # ------------------------------------------------------------ sentence
    def _pieces(self, ctx: "DocContext", sent: Span) -> list[_Piece]:
        doc = ctx.doc
        text = doc.text
        pieces = []
        for cl in ctx.clauses_of(sent.index):
            a, b = cl.start, cl.end
            h_end = ctx.heading_end(a)
            if h_end is not None:
                if h_end >= b:
                    continue
                a = h_end
                while a < b and text[a] in TRAIL:
                    a += 1
            while b > a and text[b - 1] in TRAIL:
                b -= 1
            m = LIST_MARK.match(text, a, b)
            listed = False
            if m and m.end() < b:
                listed = bool(_ITEM_MARK.fullmatch(m.group(0)))
                a = m.end()
                while a < b and text[a] in TRAIL:
                    a += 1
            m = _CONJ.match(text, a, b)
            if m:
                after = find_cues(text[m.end():b], self._table)
                if after and after[0].span[0] == 0:
                    a = m.end()
            if b <= a:
                continue
            clause_qs = ctx.recognized(a, b, self._table)[2] if "、" in text[a:b] else []
            for a2, b2 in _split_enumeration(text, a, b, clause_qs):
                t = text[a2:b2]
                cues, times, quants = ctx.recognized(a2, b2, self._table)
                if cues and _DONE_BEFORE.search(text, a2, a2 + cues[0].span[0]):
                    cues = []  # 「做到了能吸收的尽量吸收」: a cue inside a reported result
                p = _Piece(a2, b2, t, cues, times, [q for q in quants if q.role == "target"], listed=listed)
                self._annotate(ctx, p, cl.end if b2 == b else b2 + 1)
                pieces.append(p)
        return pieces

    def _annotate(self, ctx, p: _Piece, clause_end: int) -> None:
        t = p.text
        first_cue = p.cues[0].span[0] if p.cues else None
        ends_comma = ctx.doc.text[clause_end - 1:clause_end] in "，,："
        # leading context: a prepositional phrase or a bare time word, closed by a comma
        only_time = p.times and all(tt.kind != "frequency" for tt in p.times) and \
            len(re.sub(r"[\s，,]", "", t)) <= sum(tt.span[1] - tt.span[0] for tt in p.times) + 2
        if not p.cues and ends_comma and (only_time or (_CONTEXT.match(t) and not t.endswith("的"))
                                          or re.match(r"^[“\"][^”\"]+[”\"]$", t)):
            if not starts_with_verb(t) or _CONTEXT.match(t):
                p.context = True
        p.tail = bool(_TAIL.match(t)) or bool(_COMPARE.match(t))
        # the subject: text before the cue (or before the first verb / time / frequency)
        cut = first_cue
        if cut is None:
            cands = [tt.span[0] for tt in p.times if tt.span[0] > 0]
            vm = _first_verb_pos(t)
            if vm is not None:
                cands.append(vm)
            cut = min(cands) if cands else None
        if cut:
            head = t[:cut]
            for tt in p.times:  # drop time words at the head (本月内要…)
                if tt.span[1] <= cut:
                    head = head.replace(tt.text, "")
            subj = clean_subject(head)
            if subj:
                p.subject_before_cue = first_cue is not None and head.endswith(subj)
                p.subject = subj
                off = t.find(subj)
                p.subject_span = (p.start + off, p.start + off + len(subj))
        p.verb = starts_with_verb(t)
        dated = any(tt.kind not in ("vague", "frequency") and tt.end for tt in p.times)
        # plans list their tasks tersely: every activity is a task of its own there (spec section 3)
        p.checkable = is_checkable(t, has_metric=bool(p.quants), has_frequency=_has_frequency(p), dated=dated,
                                   broad=ctx.genre == "plan", end_states=False)
        if p.cues and re.match(r"(?:通过|经过|用|以)", t[p.cues[0].span[1]:]) and not p.checkable:
            p.means_only = True
        if p.verb is None and p.times and p.times[0].span[0] == 0 and p.times[0].kind != "frequency":
            p.verb = starts_with_verb(t[p.times[0].span[1]:])
        if p.verb is None:  # 「向市民提供…」「为企业办理…」: a beneficiary phrase before the verb
            m = _BENEFICIARY.match(t)
            if m:
                v = verb_pattern().search(t, m.end(), m.end() + 14)
                if v and not re.search(r"[，,；;]", t[m.end():v.start()]):
                    p.verb = v.group(0)

    def _sentence(self, ctx: "DocContext", sent: Span) -> list[Commitment]:
        stext = sent.text
        if ctx.in_heading(sent.start, sent.end) or ctx.in_review(sent):
            return []
        core = stext.rstrip(TRAIL)
        if len(core) <= _SLOGAN_MAX and not re.search(r"[，,、；;\d]", core) and not is_checkable(core) \
                and not find_times(core, ctx.date):
            return []  # 「要真查实督。」: a subsection slogan
        if ctx.theme_sentence(sent):
            return []
        if core.endswith(("：", ":")) or re.search(r"以下[\u4e00-\u9fff]{0,6}(?:工作|方面|任务|措施)", core):
            return []  # a list introduction
        if stext.lstrip().startswith(("--", "——", "－－")) and not find_cues(stext, self._table):
            return []  # a goal bullet that states a wish
        if re.search(r"上述|这些目标", core):
            return []  # explanations of the targets
        if _not_commitment(stext):
            return []  # rhetorical questions and evaluations (data/sentences.yaml)
        pieces = self._pieces(ctx, sent)
        if not pieces:
            return []
        for p, nxt in zip(pieces, pieces[1:]):
            # 「做好政府工作，要…」: a topic closed by a comma before a clause that opens with its cue
            if not p.cues and nxt.cues and nxt.cues[0].span[0] == 0 and not p.quants and not p.checkable:
                p.context = True
        tm = _TARGETS.search(stext)
        if tm and ctx.genre == "gwr":
            return self._target_list(ctx, sent, pieces, sent.start + tm.end())
        outcome_sentence = bool(_OUTCOME.search(stext))
        bare_ok = ctx.bare_directives_allowed(sent) and not outcome_sentence
        groups: list[list[_Piece]] = []
        head_time, head_time_piece = None, None
        started = False
        lead_figure = None
        past = ctx.genre == "gwr" and ctx.past(stext)  # planned figures only outside sentences about the past
        for i, p in enumerate(pieces):
            if _STOP_CUES_IN.search(p.text):
                break
            if p.context:
                if not started:
                    ht = [tt for tt in p.times if tt.kind != "frequency"]
                    if ht:
                        head_time, head_time_piece = ht[0], p
                    continue
                nxt = pieces[i + 1] if i + 1 < len(pieces) else None
                if nxt is None or nxt.cues or (nxt.subject and is_actor(nxt.subject, self.owners)) or \
                        any(x.checkable for x in groups[-1]):
                    continue  # context of what follows
                groups[-1].append(p)  # mid-sentence context inside an exhortation run
                continue
            if not p.cues and _OUTCOME.search(p.text):
                if started:
                    break
                continue
            # work reports: a planned figure with no cue and no verb we know (「财政赤字2.76万亿元」) is a target
            heads_next = i + 1 < len(pieces) and pieces[i + 1].verb is not None  # 「投资6.6亿元，实施…」
            planned = bare_ok and ctx.genre == "gwr" and bool(p.quants) and not p.tail and not heads_next \
                and not past
            directive = bool(p.cues) or _has_frequency(p) or (bare_ok and p.verb is not None) or planned
            if not started:
                if not p.checkable and _PURPOSE.match(p.text):
                    continue  # 「…，旨在强化…」: a purpose tail without the task it belongs to
                if not directive:
                    # 「投资6.6亿元，实施…」: a leading figure without a verb we know belongs to what follows
                    lead_figure = p if (p.quants and not p.cues and bare_ok) else None
                    continue
                started = True
                prev = pieces[i - 1] if i > 0 else None
                groups.append([prev, p] if prev is not None and prev is lead_figure else [p])
                continue
            cur = groups[-1]
            if p.listed:  # 「…；二是自动外呼开展回访」: each numbered item is a task of its own
                groups.append([p])
                continue
            cur_ck = any(x.checkable for x in cur)
            new_subject = p.subject is not None and p.verb is None and \
                is_actor(p.subject, self.owners, relaxed=p.subject_before_cue)
            if len(cur) == 1 and cur[0].means_only and not p.cues:
                cur.append(p)
            elif p.tail and not p.cues and not (p.text.startswith("为") and p.checkable):
                cur.append(p)
            elif p.cues and all(c.cue in _ADVERB_CUES for c in p.cues) and not p.checkable and not cur_ck \
                    and not new_subject and any(x.cues for x in cur):
                cur.append(p)  # 「要搞好供需衔接，抓紧解决…」: an adverbial cue inside an exhortation run
            elif p.cues or new_subject or p.checkable or cur_ck or _has_frequency(p):
                if not p.cues and not directive and not new_subject and p.subject and not p.verb and not p.checkable:
                    # a clause with a non-actor subject and no verb we know: a continuation
                    cur.append(p)
                elif ctx.genre == "speech" and not p.cues and not directive and not new_subject and not p.checkable \
                        and not p.verb:
                    continue  # 「原本就有不少硬仗要打」: a remark between a speech's tasks, no task of its own
                else:
                    groups.append([p])
            else:
                cur.append(p)
        # head time: a time word before the cue in the first directive clause
        if head_time is None and groups:
            g0 = groups[0][0]
            lim = g0.cues[0].span[0] if g0.cues else 1
            for tt in g0.times:
                if tt.kind != "frequency" and (tt.span[0] == 0 or (g0.cues and tt.span[1] <= lim)):
                    head_time = tt
                    head_time_piece = g0
                    break
        return self._records(ctx, sent, groups, head_time, head_time_piece)

    def _records(self, ctx, sent, groups, head_time, head_time_piece) -> list[Commitment]:
        out = []
        carry_owner = None
        carry_cue: Cue | None = None
        for g in groups:
            a, b = g[0].start, g[-1].end
            text = ctx.doc.text[a:b]
            cues = [c for p in g for c in p.cues]
            # owner
            owner, owner_rule, owner_span = None, None, None
            p0 = g[0]
            if p0.subject and is_actor(p0.subject, self.owners, relaxed=p0.subject_before_cue):
                owner, owner_rule, owner_span = p0.subject, "subject", p0.subject_span
            elif p0.text.startswith("让我们"):
                owner, owner_rule, owner_span = "我们", "subject", (p0.start + 1, p0.start + 3)
            else:
                np_ = _ensure_np(p0.text, cues)
                if np_:
                    owner, owner_rule = np_, "ensure-subject"
                    off = p0.text.find(np_)
                    owner_span = (p0.start + off, p0.start + off + len(np_))
            if owner:
                # an actor heads the clauses after it; a project named after 确保 owns only its own clause
                carry_owner = (owner, owner_span) if owner_rule != "ensure-subject" else None
            elif carry_owner and not (p0.subject and p0.verb is None and not p0.subject_before_cue
                                      and len(p0.subject) >= 4):
                # (a clause with a subject of its own that is not an actor does not inherit one)
                owner, owner_span = carry_owner
                owner_rule = "sentence"
            else:
                note = ctx.item_owner(sent)
                if note:
                    owner, owner_rule, owner_span = note
            # cue, modality, strength
            if cues:
                modality = cues[0].cue
                strength = max(cues, key=lambda c: STRENGTH_ORDER[c.strength]).strength
                if any(c.cue in self._table[2] for c in cues) and modality not in ("力争", "争取"):
                    strength = "weak"
                carry_cue = cues[0]
                owner_piece = next(p for p in g if cues[0] in p.cues)
                cue_span = (owner_piece.start + cues[0].span[0], owner_piece.start + cues[0].span[1])
            elif carry_cue is not None:
                modality, strength, cue_span = carry_cue.cue, carry_cue.strength, None
                if carry_cue.cue in ("力争", "争取") and "要" in text:
                    strength = "weak"
            else:
                modality, strength, cue_span = None, "medium", None
            # deadline
            own_times = [(p, tt) for p in g for tt in p.times if tt.kind != "frequency" and ctx.forward(tt)]
            deadline, d_rule, d_span = None, None, None
            if own_times:
                p, tt = own_times[0]
                deadline, d_rule, d_span = tt.as_deadline(), tt.rule, (p.start + tt.span[0], p.start + tt.span[1])
            elif head_time is not None and ctx.forward(head_time):
                p = head_time_piece
                deadline, d_rule = head_time.as_deadline(), "sentence-head:" + head_time.rule
                d_span = (p.start + head_time.span[0], p.start + head_time.span[1])
            else:
                note = ctx.item_deadline(sent)
                if note:
                    deadline, d_rule, d_span = note
            # frequency, metrics
            freq, f_span = None, None
            for p in g:
                for tt in p.times:
                    if tt.kind == "frequency" and freq is None:
                        freq, f_span = tt.as_frequency(), (p.start + tt.span[0], p.start + tt.span[1])
            metrics, m_spans = [], []
            for p in g:
                fspans = [tt.span for tt in p.times]
                for q in p.quants:
                    if any(not (q.span[1] <= s or q.span[0] >= e) for s, e in fspans):
                        continue
                    metrics.append(q.as_metric())
                    m_spans.append((p.start + q.span[0], p.start + q.span[1]))
            dated = bool(deadline and deadline.get("end") and deadline.get("kind") != "vague")
            checkable = is_checkable(text, has_metric=bool(metrics), has_frequency=bool(freq), dated=dated)
            out.append(self._commitment(ctx, sent, a, b, text, modality, strength, owner, owner_rule, owner_span,
                                        deadline, d_rule, d_span, metrics, m_spans, freq, f_span, checkable,
                                        cue_span, "cue" if cues else "bare-directive"))
        return out

    def _target_list(self, ctx, sent, pieces, colon_at) -> list[Commitment]:
        doc = ctx.doc
        text = doc.text
        year = ctx.plan_year or (ctx.date.year if ctx.date else None)
        head = text[sent.start:colon_at]
        ht = [tt for tt in find_times(head, ctx.date, plan_year=ctx.plan_year) if tt.kind != "frequency"]
        if ht:
            deadline = ht[0].as_deadline()
            d_span = (sent.start + ht[0].span[0], sent.start + ht[0].span[1])
        elif year:
            deadline = {"text": "主要预期目标", "start": None, "end": f"{year}-12-31", "kind": "period"}
            d_span = None
        else:
            deadline, d_span = None, None
        out = []
        for p in pieces:
            if p.end <= colon_at:
                continue
            if p.start < colon_at:
                continue
            if out and _COMPARE.match(p.text):
                prev = out[-1]
                prev.end_c = p.end
                prev.parts.append(p)
                continue
            rec = _TargetRec(p.start, p.end, [p])
            out.append(rec)
        result = []
        for r in out:
            t = text[r.start:r.end_c]
            metrics, m_spans = [], []
            for p in r.parts:
                for q in p.quants:
                    metrics.append(q.as_metric())
                    m_spans.append((p.start + q.span[0], p.start + q.span[1]))
            checkable = bool(metrics) or bool(re.search(r"率|收支|排放|平衡|同步|稳定|指标|不低于|高于|快于|跑赢", t))
            result.append(self._commitment(ctx, sent, r.start, r.end_c, t, None, "medium", None, None, None,
                                           deadline, "target-list", d_span, metrics, m_spans, None, None, checkable,
                                           None, "target-list"))
        return result

    def _commitment(self, ctx, sent, a, b, text, modality, strength, owner, owner_rule, owner_span, deadline, d_rule,
                    d_span, metrics, m_spans, freq, f_span, checkable, cue_span, rule) -> Commitment:
        doc = ctx.doc
        rs, re_ = doc.cleaned.raw_span(a, b)
        to_raw = lambda sp: doc.cleaned.raw_span(*sp) if sp and sp[0] is not None else None  # noqa: E731
        action = _action(text, owner)
        stext = sent.text
        addressee = None
        if owner in ("我们", "我") or re.match(r"^(?:我们|让我们)", text):
            addressee = "self"
        elif owner:
            addressee = "directive"
        change = "change" if metrics and _CHANGE.search(text) else ("keep" if _KEEP.search(text) else None)
        ind = "binding" if "约束性" in stext else ("expected" if "预期" in stext else None)
        return Commitment(
            doc_id=ctx.speech.doc_id, start=rs, end=re_, text=text, modality=modality, strength=strength,
            owner=owner, action=action, deadline=deadline, metrics=metrics, frequency=freq, checkable=checkable,
            owner_rule=owner_rule, owner_span=to_raw(owner_span), deadline_rule=d_rule, deadline_span=to_raw(d_span),
            cue_span=to_raw(cue_span), metric_spans=[to_raw(s) for s in m_spans], frequency_span=to_raw(f_span),
            conditional=bool(_COND.search(text)), addressee=addressee, change=change, indicator_type=ind,
            rule=rule, sentence=sent.index)


@dataclass
class _TargetRec:
    start: int
    end_c: int
    parts: list


def _split_enumeration(text: str, a: int, b: int, quantities=None) -> list[tuple[int, int]]:
    """「办公经费压减8%以上、会议费用再压减5%左右」: split at 、 between parts that each carry a quantity.

    ``quantities``: those of ``text[a:b]`` already found (spans relative to ``a``).
    """
    t = text[a:b]
    if "、" not in t:
        return [(a, b)]
    qs = find_quantities(t) if quantities is None else quantities
    if len(qs) < 2:
        return [(a, b)]
    cuts, last = [], 0
    for i, ch in enumerate(t):
        if ch != "、":
            continue
        left = [q for q in qs if last <= q.span[0] and q.span[1] <= i]
        nxt = t.find("、", i + 1)
        right_end = nxt if nxt > 0 else len(t)
        right = [q for q in qs if i < q.span[0] and q.span[1] <= right_end]
        # each side is a phrase of its own (a word before its number), not a bare list of figures,
        # and the right side has a verb of its own (「…压减8%以上、会议费用再压减5%左右」), not a second
        # object of the same verb (「新增绿地80亩、造林300亩」 stays one record)
        if left and right and right[0].span[0] - i > 2 and left[0].span[0] - last > 1 and \
                verb_pattern().search(t[i + 1:right[0].span[0]]) is not None:
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


def _has_frequency(p: _Piece) -> bool:
    return any(tt.kind == "frequency" for tt in p.times)


def _first_verb_pos(t: str) -> int | None:
    """Where the first known verb starts, when something (a subject) comes before it."""
    m = verb_pattern().search(t)
    return m.start() if m and m.start() > 0 else None


_ENSURE = re.compile(r"^(?:确保|力争|争取)(?P<rest>.+)$")
_OBS_END = re.compile(r"(?:如期|按时|全面|正式|顺利|基本|整体|年底|年内)?(?:开工建设|开工|投产|竣工|完工|建成|签约|投入使用|投入运行|全线通车|通车|贯通|落地|开园|上线|试运营|运营|完成)")


def _ensure_np(t: str, cues) -> str | None:
    """「确保…重工、表面处理中心…开工建设」: the project named right after 确保/力争 owns the clause."""
    m = _ENSURE.match(t)
    if not m:
        return None
    rest = m["rest"]
    for tt in reversed(find_times(rest)):
        rest = rest[:tt.span[0]] + rest[tt.span[1]:]
    rest = rest.lstrip("、，, ")
    mm = _OBS_END.search(rest)
    if not mm or mm.start() == 0:
        return None
    np_ = rest[:mm.start()]
    if "的" in np_:
        np_ = np_.rsplit("的", 1)[1]
    np_ = re.sub(r"(?:圆满|顺利|全面|基本|整体|按时|如期|全部)+$", "", np_.strip("、，, "))
    if len(np_) < 2 or starts_with_verb(np_) or re.search(r"[实完推达进]", np_[:1]) or \
            re.search(r"目标|任务|工作|指标|圆满|顺利", np_):
        return None  # 「确保全年目标任务圆满完成」: the goal, not who owns it
    return np_


def _action(text: str, owner: str | None) -> str | None:
    t = text
    if owner and t.startswith(owner):
        t = t[len(owner):]
    t = re.split(r"[，,；;]", t)[0]
    t = strip_adverbs(t)
    return t or None


@lru_cache(maxsize=1)
def _sentence_rules():
    from .lexicon import compile_rules, load

    return compile_rules(load("sentences")["rules"], "data/sentences.yaml")


def _not_commitment(sentence: str) -> str | None:
    """The id of the rule that says this sentence is not a commitment, if one does."""
    core = sentence.strip()
    for rid, pat, _ in _sentence_rules():
        if pat.search(core):
            return rid
    return None


_DONE_BEFORE = re.compile(r"(?:做到|实现|完成|达到|取得|坚持)了")
def extract(speech: Speech | str, date=None, **kw) -> Extraction:
    """Extract commitments with a default :class:`Extractor` (see its options).

    >>> [(c.text, c.strength, c.deadline["end"]) for c in extract("确保年内完成政务中心搬迁。", date="2021-03-01")]
    [('确保年内完成政务中心搬迁', 'strong', '2021-12-31')]
    """
    return Extractor(**kw).extract(speech, date=date)
