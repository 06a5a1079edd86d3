"""The docstring examples of the batch, manifest and argument modules run as tests
(``speechkit.batch`` and ``speechkit.io`` themselves are in test_doctests.py)."""
import doctest
import importlib

import pytest

MODULES = ["speechkit.batch.worker", "speechkit.batch.lock", "speechkit.manifest", "speechkit.cli_args"]


@pytest.mark.parametrize("name", MODULES)
def test_docstrings(name):
    res = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert res.attempted and res.failed == 0
