"""`speechkit report`: a static site that opens from the file system, every link resolving inside it."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from speechkit.report import build_site, write_site
from speechkit.report.data import collect
from speechkit.report.pages import ledger_table


@pytest.fixture(scope="module")
def site(tmp_path_factory, sample_corpus):
    out = tmp_path_factory.mktemp("site")
    data = collect(list(sample_corpus), as_of="2022-12-31")
    write_site(data, out, figures=False)
    return out, data


def _links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="([^"]+)"', html)


def test_pages_written(site):
    out, data = site
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert names == ["chain/gwr-jiangcheng.html", "index.html"] + sorted(
        f"speech/{sp.doc_id}.html" for sp in data.speeches)


def test_self_contained_every_link_resolves(site):
    """No CDN, no server: nothing from the network, every relative link and anchor exists."""
    out, _ = site
    ids = {p: set(re.findall(r' id="([^"]+)"', p.read_text(encoding="utf-8"))) for p in out.rglob("*.html")}
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<link " not in html and "@import" not in html and not re.search(r"url\((?!#)", html)
        for link in _links(html):
            assert not re.match(r"(?:https?:)?//", link), (page.name, link)
            target, _, anchor = link.partition("#")
            dest = (page.parent / target).resolve() if target else page
            assert dest.exists(), (page.name, link)
            if anchor:
                assert anchor in ids[dest], (page.name, link)


def test_ledger_rows_link_to_their_record(site):
    out, data = site
    led = data.ledgers["gwr-jiangcheng"]
    html = (out / "chain" / "gwr-jiangcheng.html").read_text(encoding="utf-8")
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert body.count("<tr>") == len(led)
    for _, row in led.iterrows():
        assert f'speech/{row.doc_id}.html#r-{row.start}-{row.end}"' in html
    speech = (out / "speech" / f"{led.iloc[0].doc_id}.html").read_text(encoding="utf-8")
    a, b = led.iloc[0].start, led.iloc[0].end
    raw = data.extractions[led.iloc[0].doc_id].speech.raw
    marked = re.search(rf'id="r-{a}-{b}"[^>]*>(.*?)</span></span>|id="r-{a}-{b}"[^>]*>(.*?)</span>', speech, re.S)
    assert marked and re.sub("<[^>]+>", "", marked.group(0).split(">", 1)[1]).startswith(raw[a:a + 4])


def test_evidence_quotes_are_marked_in_the_next_speech(site):
    out, data = site
    led = data.ledgers["gwr-jiangcheng"]
    pre = "outcome" if "outcome_doc" in led.columns else "evidence"  # the ledger's names, today's or older
    cited = led[led[f"{pre}_doc"].notna()]
    assert len(cited)
    for _, row in cited.iterrows():
        page = (out / "speech" / f"{row[pre + '_doc']}.html").read_text(encoding="utf-8")
        a, b = int(row[f"{pre}_start"]), int(row[f"{pre}_end"])
        assert f'id="q-{a}-{b}"' in page or f'id="r-{a}-{b}"' in page


def test_index_counts(site):
    out, data = site
    html = (out / "index.html").read_text(encoding="utf-8")
    total = sum(len(e.commitments) for e in data.extractions.values())
    assert f"<b>{total}</b>承诺" in html
    for sp in data.speeches:
        assert f'href="speech/{sp.doc_id}.html"' in html


def test_csv_and_excel_downloads(site):
    out, data = site
    led = data.ledgers["gwr-jiangcheng"]
    csv = pd.read_csv(out / "data" / "ledger-gwr-jiangcheng.csv", encoding="utf-8-sig")
    assert list(csv.columns) == list(led.columns) and len(csv) == len(led)
    pytest.importorskip("openpyxl")
    assert len(pd.read_excel(out / "data" / "ledger-gwr-jiangcheng.xlsx")) == len(led)
    for sp in data.speeches:
        rec = pd.read_csv(out / "data" / f"records-{sp.doc_id}.csv", encoding="utf-8-sig")
        assert len(rec) == len(data.extractions[sp.doc_id].commitments)


def test_tables_work_without_the_script(site):
    """The filter controls are made by the script; the HTML itself is a complete, visible table."""
    out, _ = site
    html = (out / "chain" / "gwr-jiangcheng.html").read_text(encoding="utf-8")
    no_script = re.sub(r"<script>.*?</script>", "", html, flags=re.S)
    assert "<select" not in no_script and " hidden" not in no_script
    assert 'data-filters="indicator,owner,year,status,restatement"' in no_script


def test_redesigned_ledger_columns_render(site):
    """The redesigned ledger's column names (outcome_status, outcome_text, ...) render as the old ones do."""
    _, data = site
    names = {"status": "outcome_status", "next": "restatement_status", "evidence_text": "outcome_text",
             "evidence_doc": "outcome_doc", "evidence_start": "outcome_start", "evidence_end": "outcome_end",
             "reported_value": "outcome_value", "metric_value": "target_value", "metric_unit": "target_unit",
             "metric_op": "target_op"}
    led = data.ledgers["gwr-jiangcheng"]
    if "outcome_status" in led.columns:  # the library already gives the redesigned ledger: make the old one
        new = led
        old = led.rename(columns={v: k for k, v in names.items()}).drop(
            columns=["outcome_reason", "tolerance", "restatement_text"])
    else:
        old = led
        new = old.rename(columns=names)
        new["outcome_reason"] = "reported value within the target"
        new["tolerance"] = 0.5
        new["restatement_text"] = None
    a, b = ledger_table(old, data), ledger_table(new, data)
    for header in ("结果", "次年报告的说法", "实际", "目标", "次年计划"):
        assert f">{header}</th>" in a and f">{header}</th>" in b
    assert ">理由</th>" in b and ">容差</th>" in b and ">理由</th>" not in a
    strip = lambda h: re.sub(r'<td[^>]*>|</td>', "", h)  # noqa: E731
    assert strip(a).count("st-met") == strip(b).count("st-met") > 0


def test_figures_inline_svg(tmp_path):
    pytest.importorskip("matplotlib")
    from speechkit import Speech

    a = Speech.from_text("今年主要预期目标是：地区生产总值增长7%左右，城镇新增就业3500人以上。县交通局要在6月底前完成滨江大道通车。",
                         doc_id="a", date="2021-02-20", kind="gwr", chain="县")
    b = Speech.from_text("过去一年，地区生产总值增长7.4%，城镇新增就业3860人。", doc_id="b", date="2022-02-16",
                         kind="gwr", chain="县")
    index = build_site([a, b], tmp_path, as_of="2022-12-31")
    speech = (tmp_path / "speech" / "a.html").read_text(encoding="utf-8")
    assert speech.count("<svg") == 2 and "<?xml" not in speech  # timeline, owners
    chain = (tmp_path / "chain" / "县.html").read_text(encoding="utf-8")
    assert chain.count("<svg") >= 1  # target against outcome of an indicator
    assert index.exists()


def test_cli_report(tmp_path, corpus_dir, capsys):
    from speechkit.cli import main

    out = tmp_path / "site"
    assert main(["report", str(corpus_dir), "--manifest", str(corpus_dir / "manifest.csv"), "-o", str(out),
                 "--as-of", "2022-12-31", "--no-figures"]) == 0
    from conftest import N_SAMPLE

    assert (out / "index.html").exists() and f"{N_SAMPLE} speeches" in capsys.readouterr().err
    assert Path(out / "chain" / "gwr-jiangcheng.html").exists()
