"""The docstring examples of the public modules run as tests."""
import doctest
import importlib

import pytest

MODULES = ["speechkit.io", "speechkit.speech", "speechkit.dates", "speechkit.clean", "speechkit.segment", "speechkit.spans", "speechkit.tokenize", "speechkit.lexicon",
           "speechkit.numerals", "speechkit.rules.times", "speechkit.rules.quantities", "speechkit.rules.cues",
           "speechkit.rules.owners", "speechkit.rules.checkable", "speechkit.extractor", "speechkit.frame",
           "speechkit.rules.indicators", "speechkit.outcomes", "speechkit.compare", "speechkit.batch",
           "speechkit.html", "speechkit.export", "speechkit.plot", "speechkit.evaluate",
           "speechkit.readers", "speechkit.readers.base", "speechkit.readers.sniff", "speechkit.readers.text",
           "speechkit.readers.numbering", "speechkit.readers.pdf", "speechkit.readers.html", "speechkit.readers.write",
           "speechkit.cli", "speechkit.report.site", "speechkit.report.pages", "speechkit.report.columns",
           "speechkit.report.tables", "speechkit.report.data", "speechkit.schema", "speechkit.rules.numeral_runs",
           "speechkit.extractor.trail", "speechkit.extractor.patterns", "speechkit.extractor.candidates",
           "speechkit.extractor.pipeline", "speechkit.extractor.extraction", "speechkit.extractor.recognition"]


@pytest.mark.parametrize("name", MODULES)
def test_docstrings(name):
    if name == "speechkit.plot":
        import matplotlib

        matplotlib.use("Agg")
    mod = importlib.import_module(name)
    res = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert res.failed == 0


def test_functions_used_in_the_notebooks_have_examples():
    """Every public function the notebooks call has a docstring with an example (issue 7)."""
    import inspect
    import json
    import re
    from pathlib import Path

    import speechkit as sk
    from speechkit import plot
    from speechkit.extractor import Extraction

    code = ""
    for nb in sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb")):
        code += "".join("".join(c["source"]) for c in json.loads(nb.read_text(encoding="utf-8"))["cells"]
                        if c["cell_type"] == "code")
    called = set(re.findall(r"\bsk\.(\w+)\(", code)) | {f"plot.{n}" for n in re.findall(r"\bplot\.(\w+)\(", code)}
    called |= {f"Extraction.{n}" for n in re.findall(r"\bres\.(to_\w+)\(", code)}
    assert called, "the notebooks call the library"
    for name in sorted(called):
        owner, _, attr = name.rpartition(".")
        obj = getattr({"plot": plot, "Extraction": Extraction}.get(owner, sk), attr)
        if inspect.isclass(obj):
            continue
        assert ">>>" in (inspect.getdoc(obj) or ""), f"{name} has no example in its docstring"
