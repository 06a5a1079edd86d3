"""Scope-setters: the parts of a document that give a deadline or an owner to the clauses
under them (spec sections 3 and 4; rules and examples in ``data/structure.yaml``).

Each builder returns :class:`~speechkit.extractor.structure.Scope` objects; which one a
clause inherits from is decided in :mod:`speechkit.extractor.fields` (the clause's own
value first, then its sentence head, then the innermost scope).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..rules.owners import lead_owner
from .trail import Field

if TYPE_CHECKING:  # pragma: no cover
    from .structure import DocTree

__all__ = ["build_scopes", "BUILDERS"]

_NOTE = re.compile(r"[（(]([^（）()]{2,80})[)）]\s*[。；]?\s*$")


def _scope(kind, field, start, end, value):
    from .structure import Scope

    return Scope(kind, field, start, end, value)


def item_notes(tree: "DocTree") -> list:
    """「…。（9月底前完成，牵头单位：X）」: a note closing an item gives its owner and deadline to the item."""
    out = []
    for para in tree.doc.paragraphs:
        m = _NOTE.search(para.text)
        if not m:
            continue
        off = para.start + m.start()
        lo = lead_owner(m.group(0))
        if lo:
            owner, rule, (s, e) = lo
            out.append(_scope("item-note", "owner", para.start, para.end, Field(owner, rule, (off + s, off + e))))
        for tt in tree.times(m.group(0)):
            if tt.kind != "frequency" and tt.end and tree.forward(tt):
                out.append(_scope("item-note", "deadline", para.start, para.end,
                                  Field(tt.as_deadline(), "item-note:" + tt.rule,
                                        (off + tt.span[0], off + tt.span[1]))))
                break
    return out


BUILDERS = (item_notes,)


def build_scopes(tree: "DocTree") -> list:
    out = []
    for b in BUILDERS:
        out.extend(b(tree))
    return out
