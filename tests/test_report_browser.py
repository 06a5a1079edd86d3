"""The report site in a real browser (Debian's chromium, headless, driven by selenium through chromedriver).

Skipped, not failed, where no browser can be started (`.ci/run` installs chromium, chromium-driver and a
CJK font with apt-get). The pages are opened from the file system, as a reader would open them.
"""
from __future__ import annotations

import shutil
import tempfile

import pytest

from speechkit.report.data import collect
from speechkit.report.site import write_site

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1400,1000"]


def _binary(*names):
    return next((p for p in map(shutil.which, names) if p), None)


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (pip install selenium)")
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    chrome, driver_bin = _binary("chromium", "chromium-browser"), _binary("chromedriver")
    if not chrome or not driver_bin:
        pytest.skip("no chromium/chromedriver (apt-get install chromium chromium-driver)")
    profile = tempfile.mkdtemp(prefix="sk-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chrome
    for flag in CHROMIUM_FLAGS + [f"--user-data-dir={profile}"]:
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        drv = webdriver.Chrome(service=Service(driver_bin), options=opts)
    except WebDriverException as e:
        pytest.skip(f"chromium could not be started: {str(e).splitlines()[0]}")
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory, sample_corpus):
    out = tmp_path_factory.mktemp("site")
    data = collect(list(sample_corpus), as_of="2022-12-31")
    write_site(data, out, figures=True)
    return out, data


def _loaded(drv, timeout: float = 30) -> str:
    """The page's readyState once it is complete (or the last one seen after ``timeout`` seconds): a loaded
    machine can take a moment to finish parsing a large page after ``get`` returns."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        WebDriverWait(drv, timeout).until(lambda d: d.execute_script("return document.readyState") == "complete")
    except TimeoutException:
        pass
    return drv.execute_script("return document.readyState")


def _errors(drv) -> list:
    return [e for e in drv.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def _visible_rows(drv, table_id="ledger"):
    return drv.execute_script(
        f"return Array.from(document.querySelectorAll('#{table_id} tbody tr')).filter(r => !r.hidden).length")


@pytest.mark.parametrize("page", ["index.html", "chain/gwr-jiangcheng.html", "speech/jiangcheng-gwr-2021.html"])
def test_pages_load_without_console_errors(browser, site, page):
    out, _ = site
    browser.get((out / page).as_uri())
    assert _loaded(browser) == "complete"
    assert _errors(browser) == []
    assert browser.find_elements("css selector", ".sk-filters"), "the script built the filter bar"


def test_filter_changes_the_visible_rows(browser, site):
    from selenium.webdriver.support.ui import Select

    out, data = site
    led = data.ledgers["gwr-jiangcheng"]
    browser.get((out / "chain" / "gwr-jiangcheng.html").as_uri())
    _loaded(browser)
    assert _visible_rows(browser) == len(led)
    Select(browser.find_element("css selector", ".sk-filters select[data-col=status]")).select_by_value("met")
    shown = _visible_rows(browser)
    status = led["outcome_status"] if "outcome_status" in led.columns else led["status"]
    assert shown == int((status == "met").sum()) and 0 < shown < len(led)
    assert f"显示 {shown} / {len(led)} 行" in browser.find_element("css selector", ".sk-count").text
    search = browser.find_element("css selector", ".sk-filters input[type=search]")
    search.send_keys("就业")
    assert 0 < _visible_rows(browser) < shown
    assert _errors(browser) == []


def test_sorting_by_a_column(browser, site):
    out, _ = site
    browser.get((out / "chain" / "gwr-jiangcheng.html").as_uri())
    _loaded(browser)
    browser.find_element("css selector", "#ledger th[data-col=target]").click()
    values = browser.execute_script("return Array.from(document.querySelectorAll('#ledger tbody tr'))"
                                    ".map(r => r.cells[4].getAttribute('data-v')).filter(v => v !== '')")
    nums = [float(v) for v in values]
    assert len(nums) > 3 and nums == sorted(nums)


def test_record_anchor_scrolls_to_its_highlight(browser, site):
    out, data = site
    led = data.ledgers["gwr-jiangcheng"]
    browser.get((out / "chain" / "gwr-jiangcheng.html").as_uri())
    _loaded(browser)
    row = led.iloc[len(led) - 1]  # a record far down its speech
    link = browser.find_element("css selector", f'a[href$="#r-{row.start}-{row.end}"]')
    browser.execute_script("arguments[0].scrollIntoView(); arguments[0].click();", link)
    target = f"r-{row.start}-{row.end}"
    assert browser.execute_script("return location.hash") == f"#{target}"
    state = browser.execute_script(
        "const t = document.querySelector(':target'); const r = t.getBoundingClientRect();"
        "return [t.id, r.top, window.innerHeight, window.scrollY, t.textContent];")
    tid, top, height, scrolled, text = state
    assert tid == target and 0 <= top < height and scrolled > 0
    assert text == data.extractions[row.doc_id].speech.raw[row.start:row.end]


def test_screenshot(browser, site, tmp_path):
    out, _ = site
    browser.get((out / "chain" / "gwr-jiangcheng.html").as_uri())
    _loaded(browser)
    png = tmp_path / "chain.png"
    assert browser.save_screenshot(str(png))
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
