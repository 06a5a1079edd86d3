"""speechkit: Chinese official speeches and work reports → checkable commitments.

The public API, re-exported lazily so that ``import speechkit`` loads no
dictionary and no heavy dependency until first use.
"""
from __future__ import annotations

__version__ = "0.1.0"

_EXPORTS = {
    "read_speech": "io", "read_corpus": "io", "Speech": "speech", "Corpus": "io", "ReadError": "io",
    "clean": "clean", "Cleaned": "clean",
    "segment": "segment", "Document": "segment", "Span": "segment",
    "make_tokenizer": "tokenize",
    "find_times": "rules.times", "define_periods": "rules.times", "TimeExpr": "rules.times",
    "find_quantities": "rules.quantities", "Quantity": "rules.quantities",
    "extract": "extractor", "Extractor": "extractor", "Extraction": "extractor",
    "Commitment": "commitment",
    "to_frame": "frame",
    "compare": "compare",
    "compare_chain": "compare",
    "ledger": "compare",
    "panel": "compare",
    "Link": "compare",
    "find_outcomes": "outcomes",
    "Outcome": "outcomes",
    "find_indicators": "rules.indicators",
    "process_corpus": "batch",
    "read_results": "batch",
    "highlight": "html",
    "to_ics": "export",
}

__all__ = sorted(_EXPORTS)

# Functions named like their own submodule are bound now (light: no jieba, pandas or
# scikit-learn): bound lazily, a later ``import speechkit.segment`` would leave the
# module where the function should be.
from .clean import clean  # noqa: E402,F401
from .compare import compare  # noqa: E402,F401
from .segment import segment  # noqa: E402,F401


def __getattr__(name):
    mod = _EXPORTS.get(name)
    if mod is None:
        raise AttributeError(f"module 'speechkit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{mod}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
