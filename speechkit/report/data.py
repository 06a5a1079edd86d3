"""What the site shows, computed once: extractions, chains, their ledgers and indicator panels."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

__all__ = ["SiteData", "collect", "slug"]


def slug(name: str) -> str:
    """A file name for a chain or a document id (Chinese kept; separators and odd characters become _).

    >>> slug("gwr/national 2020"), slug("江城县")
    ('gwr_national_2020', '江城县')
    """
    return re.sub(r"[^\w.-]+", "_", str(name)).strip("._") or "_"


@dataclass
class SiteData:
    speeches: list  # Speech, in date order
    extractions: dict  # doc_id -> Extraction
    chains: dict = field(default_factory=dict)  # chain name -> [Speech] by date
    ledgers: dict = field(default_factory=dict)  # chain name -> DataFrame
    panels: dict = field(default_factory=dict)  # chain name -> DataFrame
    as_of: dt.date | None = None

    def chain_of(self, doc_id: str) -> str | None:
        for name, chain in self.chains.items():
            if any(s.doc_id == doc_id for s in chain):
                return name
        return None

    def records(self, doc_id: str) -> set:
        ex = self.extractions.get(doc_id)
        return {(c.start, c.end) for c in ex.commitments} if ex else set()


def _date_key(sp):
    return (sp.date or dt.date.min, sp.doc_id)


def collect(speeches, as_of=None, extractor=None) -> SiteData:
    """Extract every speech; for every chain (manifest column ``chain``) with two speeches or more,
    link its speeches once and build the ledger and the indicator panel from those links."""
    from ..compare import compare_chain, ledger, panel
    from ..extractor import Extractor

    ex = extractor or Extractor()
    speeches = sorted(speeches, key=_date_key)
    data = SiteData(speeches=speeches, extractions={sp.doc_id: ex.extract(sp) for sp in speeches},
                    as_of=dt.date.fromisoformat(str(as_of)) if as_of else None)
    for sp in speeches:
        name = (sp.meta or {}).get("chain")
        if name:
            data.chains.setdefault(name, []).append(sp)
    for name, chain in data.chains.items():
        if len(chain) < 2:
            continue
        links = compare_chain(chain, extractor=ex, extractions=data.extractions)
        data.ledgers[name] = ledger(chain, as_of=as_of, extractor=ex, links=links, extractions=data.extractions)
        data.panels[name] = panel(chain, extractor=ex, links=links, extractions=data.extractions)
    return data
