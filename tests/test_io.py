import datetime as dt

import pytest

from speechkit import ReadError, read_corpus, read_speech

TEXT = "2021年江城县工作要点\n年内要完成政务中心搬迁。"


@pytest.mark.parametrize("enc,expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
    ("big5", "big5"), ("utf-16", "utf-16"),
])
def test_encodings_detected(tmp_path, enc, expected):
    p = tmp_path / "d.txt"
    text = TEXT if enc != "big5" else "江城縣工作要點\n年內要完成政務中心搬遷。"
    p.write_bytes(text.encode(enc))
    s = read_speech(p)
    assert s.encoding == expected
    assert s.raw == text


def test_crlf_becomes_universal_newlines(tmp_path):
    p = tmp_path / "d.txt"
    p.write_bytes(TEXT.replace("\n", "\r\n").encode("gbk"))
    assert read_speech(p).raw == TEXT


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (bytes(range(256)) * 40, "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(3000), "binary"),
])
def test_bad_files_named_in_error(tmp_path, data, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(ReadError) as e:
        read_speech(p)
    assert "bad.txt" in str(e.value) and reason in str(e.value)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="cannot open"):
        read_speech(tmp_path / "nope.txt")


def test_date_sources(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("讲话\n——2019年3月4日在区人代会上\n要做好工作。", encoding="utf-8")
    assert read_speech(p).date_source == "text:dateline"
    assert read_speech(p, meta={"date": "2019-03-05"}).date == dt.date(2019, 3, 5)
    s = read_speech(p, date="2020-01-02", meta={"date": "2019-03-05"})
    assert (s.date, s.date_source) == (dt.date(2020, 1, 2), "argument")
    p2 = tmp_path / "y.txt"
    p2.write_text("要做好工作。", encoding="utf-8")
    s2 = read_speech(p2)
    assert s2.date is None and s2.date_source is None and "no date" in repr(s2)


def test_non_chinese_text_reads(tmp_path):
    p = tmp_path / "en.txt"
    p.write_text("The council will publish the plan.", encoding="utf-8")
    assert read_speech(p).raw.startswith("The council")


def test_corpus_reports_unlisted_and_missing(tmp_path, corpus_dir):
    for f in corpus_dir.glob("*.txt"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "extra.txt").write_text("要完成。", encoding="utf-8")
    man = (corpus_dir / "manifest.csv").read_text(encoding="utf-8") + "ghost-2020,2020-01-01,不存在,speech,x,county,\n"
    (tmp_path / "manifest.csv").write_text(man, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(bytes(range(256)) * 10)
    c = read_corpus(tmp_path, manifest=tmp_path / "manifest.csv")
    assert "ghost-2020" in c.missing
    assert any(u.endswith("extra.txt") for u in c.unlisted)
    ids = [s.doc_id for s in c]
    assert "jiangcheng-gwr-2021" in ids and "broken" not in ids
    assert [p for p, _ in c.errors] == [str(tmp_path / "broken.txt")]


def test_sample_corpus_reads(sample_corpus):
    from conftest import sample_ids

    speeches = list(sample_corpus)
    assert sorted(s.doc_id for s in speeches) == sorted(sample_ids()) and not sample_corpus.errors
    enc = {s.doc_id: s.encoding for s in speeches}
    assert enc["jiangcheng-gwr-2021"] == "gb18030" and enc["jiangcheng-plan-2021"] == "utf-8-sig"
    assert all(s.date_source == "manifest" for s in speeches)


def test_functions_named_like_their_module_stay_functions():
    import importlib

    import speechkit as sk

    for name in ("clean", "segment", "compare"):
        importlib.import_module(f"speechkit.{name}")
        assert callable(getattr(sk, name)) and not hasattr(getattr(sk, name), "__path__")
        assert type(getattr(sk, name)).__name__ == "function", name


def test_speech_date_given_as_text_is_parsed_or_refused():
    """A date written as text becomes a date (relative dates resolve against it); a day-first one is refused."""
    import datetime as dt

    import pytest

    from speechkit.speech import Speech

    assert Speech("d", "今年要完成改造。", date="2022-03-01").date == dt.date(2022, 3, 1)
    with pytest.raises(ValueError, match="ambiguous"):
        Speech("d", "今年要完成改造。", date="05/03/2023")
