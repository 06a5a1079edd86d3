"""jieba tokenizers that carry speechkit's domain dictionary.

Each call to :func:`make_tokenizer` returns a new ``jieba.Tokenizer``: words
added to it (a city's own organs and projects) never leak into jieba's
global tokenizer or into another extractor's.

>>> tk = make_tokenizer(["滨江体育中心"])
>>> "滨江体育中心" in tk.lcut("滨江体育中心要整体竣工")
True
"""
from __future__ import annotations

import logging
from typing import Iterable

from .lexicon import load_words

__all__ = ["make_tokenizer", "domain_words"]


def domain_words() -> list[tuple[str, int | None, str | None]]:
    """The shipped domain dictionary as ``(word, freq, tag)`` triples."""
    out = []
    for line in load_words("domain_words"):
        parts = line.split()
        freq = int(parts[1]) if len(parts) > 1 else None
        tag = parts[2] if len(parts) > 2 else None
        out.append((parts[0], freq, tag))
    return out


def make_tokenizer(extra_words: Iterable[str] = ()):
    """A fresh ``jieba.Tokenizer`` with the domain dictionary and ``extra_words`` added.

    jieba's dictionary is loaded lazily on first use and cached on disk by
    jieba, so later tokenizers in the same process start quickly.
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    for word, freq, tag in domain_words():
        tk.add_word(word, freq, tag)
    for w in extra_words:
        tk.add_word(w, 2000)
    return tk
