from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def corpus_dir():
    return CORPUS


def sample_ids():
    """The ids listed in the sample corpus manifest (the corpus grows; tests count from here)."""
    import csv

    with (CORPUS / "manifest.csv").open(encoding="utf-8", newline="") as f:
        return [row["id"] for row in csv.DictReader(f)]


N_SAMPLE = len(sample_ids())


@pytest.fixture(scope="session")
def sample_corpus():
    from speechkit import read_corpus

    return read_corpus(CORPUS, manifest=CORPUS / "manifest.csv")


@pytest.fixture(scope="session")
def speeches(sample_corpus):
    return {s.doc_id: s for s in sample_corpus}


@pytest.fixture(scope="session")
def extractions(speeches):
    from speechkit import Extractor

    ex = Extractor()
    return {k: ex.extract(s) for k, s in speeches.items()}


@pytest.fixture(scope="session")
def shared_grammar():
    """One extractor's part-of-speech grammar for the tests that read tags (built once: the tag table is large)."""
    from speechkit import Extractor

    return Extractor().grammar
