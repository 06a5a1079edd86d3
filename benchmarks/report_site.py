"""Time `speechkit report` on the national chain of ../shared/corpus; optionally take a screenshot.

    python benchmarks/report_site.py [--screenshot docs/report-site.png]

Prints the wall and CPU seconds of the build (with figures and without) and the site's size. The
screenshot is of the site of the repository's own sample corpus (corpus/: written for the project,
so the image holds no sentence of a real document): its chain's ledger page filtered to the targets
met, 1400x1000, in Debian's chromium through selenium.
"""
import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import require_shared  # noqa: E402

from speechkit.io import read_corpus  # noqa: E402
from speechkit.report import build_site  # noqa: E402


def build(figures: bool):
    shared = require_shared()
    out = Path(tempfile.mkdtemp()) / "site"
    paths = sorted((shared / "corpus").glob("gwr-national-*.txt"))
    w0, c0 = time.perf_counter(), time.process_time()
    speeches = list(read_corpus(paths, manifest=shared / "corpus" / "manifest.csv"))
    index = build_site(speeches, out, as_of="2025-12-31", figures=figures)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"{len(speeches)} national reports, figures {'on ' if figures else 'off'}: {wall:.1f} s wall, "
          f"{cpu:.1f} s CPU, {size / 1e6:.1f} MB")
    return index


def screenshot(index: Path, png: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000", f"--user-data-dir={tempfile.mkdtemp()}"):
        opts.add_argument(flag)
    drv = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    try:
        chain = next((index.parent / "chain").glob("*.html"))
        drv.get(chain.as_uri())
        from selenium.webdriver.support.ui import Select

        # the targets the next report judged met: the rows with both quotes
        Select(drv.find_element("css selector", ".sk-filters select[data-col=status]")).select_by_value("met")
        drv.save_screenshot(str(png))
    finally:
        drv.quit()
    print(f"screenshot: {png}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--screenshot", type=Path)
    a = ap.parse_args()
    build(figures=False)
    build(figures=True)
    if a.screenshot:
        corpus = Path(__file__).resolve().parent.parent / "corpus"
        sample = build_site(list(read_corpus(corpus, manifest=corpus / "manifest.csv")),
                            Path(tempfile.mkdtemp()) / "site", as_of="2022-12-31")
        screenshot(sample, a.screenshot)
