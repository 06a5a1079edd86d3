"""Every data file under speechkit/data follows the one schema (speechkit/schema.py): unique rule ids,
patterns that compile, examples on every rule, no word twice in a list, disjoint lexicon groups."""
from importlib import resources

import pytest

from speechkit.lexicon import LexiconError, load

FILES = sorted(p.name[:-5] for p in resources.files("speechkit").joinpath("data").iterdir() if p.name.endswith(".yaml"))


@pytest.mark.parametrize("name", FILES)
def test_data_file_follows_the_schema(name):
    assert isinstance(load(name), dict)  # load() validates; a broken file raises LexiconError naming it


@pytest.mark.parametrize("data,message", [
    ({"rules": [{"id": "a", "examples": ["x"]}, {"id": "a", "examples": ["y"]}]}, "duplicate rule id"),
    ({"rules": [{"id": "a", "pattern": "(", "examples": ["x"]}]}, "bad pattern"),
    ({"rules": [{"id": "a", "examples": [], "counterexamples": []}]}, "no example"),
    ({"words": ["甲", "甲"]}, "appears twice"),
    ({"disjoint": ["verbs"], "verbs": {"a": {"words": ["做"]}, "b": {"words": ["做"]}}}, "is in both"),
])
def test_schema_refuses(data, message):
    from speechkit.schema import validate

    with pytest.raises(LexiconError, match=message):
        validate("demo", data)
