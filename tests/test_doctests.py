"""The docstring examples of the public modules run as tests."""
import doctest
import importlib

import pytest

MODULES = ["speechkit.io", "speechkit.clean", "speechkit.segment", "speechkit.tokenize", "speechkit.lexicon",
           "speechkit.numerals", "speechkit.rules.times", "speechkit.rules.quantities", "speechkit.rules.cues",
           "speechkit.rules.owners", "speechkit.rules.checkable", "speechkit.extractor", "speechkit.frame",
           "speechkit.rules.indicators", "speechkit.outcomes", "speechkit.compare", "speechkit.batch",
           "speechkit.html", "speechkit.export", "speechkit.plot", "speechkit.evaluate"]


@pytest.mark.parametrize("name", MODULES)
def test_docstrings(name):
    if name == "speechkit.plot":
        import matplotlib

        matplotlib.use("Agg")
    mod = importlib.import_module(name)
    res = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert res.failed == 0
