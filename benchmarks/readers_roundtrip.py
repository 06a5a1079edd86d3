"""Round trip of real reports through Word, a web page and PDF: how many commitments survive each reader.

Each report of ../shared/corpus is written (in a temporary folder, never in the repository) as .docx,
.html (navigation, footer, GBK) and .pdf (CID font, running header, page numbers) with
speechkit.readers.write, read back, and extracted. Printed per format: the share of the .txt's
commitments (by text) found again, records whose raw[start:end] is not their text beyond those the .txt
has already (the extractor writes half-width punctuation full-width in a record's text, and pdfminer
reads STSong's full-width brackets as ASCII ones), and the read time over the time to read the .txt.

    python benchmarks/readers_roundtrip.py [N_DOCS]
"""
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import require_shared  # noqa: E402

from speechkit import Extractor, read_speech  # noqa: E402
from speechkit.io import read_manifest  # noqa: E402
from speechkit.readers.write import write_as  # noqa: E402


def main(n: int = 6) -> None:
    shared = require_shared()
    paths = sorted((shared / "corpus").glob("*.txt"))[:n]
    ex = Extractor()
    found = {f: [0, 0] for f in ("docx", "html", "pdf")}
    broken = {f: 0 for f in found}
    secs = {f: 0.0 for f in ("txt", *found)}
    tmp = Path(tempfile.mkdtemp())
    rows = read_manifest(shared / "corpus" / "manifest.csv")
    for p in paths:
        meta = rows.get(p.stem, {})
        t0 = time.perf_counter()
        base = read_speech(p, meta=meta)
        secs["txt"] += time.perf_counter() - t0
        base_res = ex.extract(base)
        want = [c.text for c in base_res.commitments]
        base_broken = sum(base.raw[c.start:c.end] != c.text for c in base_res.commitments)
        for fmt in found:
            f = write_as(base.raw, tmp / f"{p.stem}.{fmt}", title=meta.get("title"))
            t0 = time.perf_counter()
            sp = read_speech(f, meta=meta)
            secs[fmt] += time.perf_counter() - t0
            res = ex.extract(sp)
            got = {c.text for c in res.commitments}
            found[fmt][0] += sum(t in got for t in want)
            found[fmt][1] += len(want)
            # records whose text is not raw[start:end] in the .txt already (the extractor normalizes
            # half-width punctuation) are not the reader's doing: count only the excess
            broken[fmt] += sum(sp.raw[c.start:c.end] != c.text for c in res.commitments) - base_broken
    print(f"{len(paths)} reports, {found['pdf'][1]} commitments in the .txt")
    for fmt, (hit, total) in found.items():
        print(f"  {fmt:5} {hit / total:6.1%} of the .txt's commitments found again; {broken[fmt]} records not "
              f"reproducible; reading {secs[fmt] / secs['txt']:.1f}x the .txt ({secs[fmt]:.1f} s in all)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 6)
