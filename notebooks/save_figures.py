"""Save the notebooks' figures as PNG files in notebooks/figures/ (to check them by eye; the README shows one).

    python notebooks/save_figures.py

Uses the sample corpus, and the shared national chain when ../shared/corpus is present.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import speechkit as sk  # noqa: E402
from speechkit import plot  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "notebooks" / "figures"
SHARED = ROOT.parent / "shared" / "corpus"


def save(ax, name):
    OUT.mkdir(exist_ok=True)
    ax.figure.savefig(OUT / name, dpi=110)
    plt.close(ax.figure)
    print(OUT / name)


def main():
    corpus = sk.read_corpus(ROOT / "corpus", manifest=ROOT / "corpus" / "manifest.csv")
    speeches = {s.doc_id: s for s in corpus}
    ex = sk.Extractor()
    res = {k: ex.extract(s) for k, s in speeches.items()}
    save(plot.timeline(res["jiangcheng-gwr-2021"], as_of="2021-11-01"), "timeline.png")
    save(plot.owner_strength([c for r in res.values() for c in r]), "owner_strength.png")
    save(plot.checkable_share(sk.to_frame([c for r in res.values() for c in r])), "checkable_share.png")
    if SHARED.is_dir():
        real = sk.read_corpus(SHARED, manifest=SHARED / "manifest.csv")
        chain = [s for s in real if s.meta.get("chain") == "gwr-national"]
    else:
        chain = [s for s in speeches.values() if s.meta.get("chain") == "gwr-jiangcheng"]
    panel = sk.panel(chain, extractor=ex)
    save(plot.ledger_chart(panel, "gdp_growth"), "ledger_gdp.png")


if __name__ == "__main__":
    main()
