"""A static, self-contained report site (``speechkit report``): opens from the file system, no server,
nothing loaded from the network.

* ``index.html``: chains and speeches with counts of commitments, checkable share and the fate of targets;
* ``chain/<chain>.html``: the target ledger (both verdicts, both quotes, numbers, tolerance, reason: whatever
  columns the ledger has), filterable and sortable, with CSV/Excel downloads and indicator figures;
* ``speech/<doc_id>.html``: the text with every commitment highlighted and anchored (``#r-<start>-<end>``),
  the passages the ledger cites marked (``#q-<start>-<end>``), its records and figures (inline SVG).
"""
from .site import build_site, write_site

__all__ = ["build_site", "write_site"]
