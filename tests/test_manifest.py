"""Manifests checked as read; corpus files found whatever the case of their suffix; ids; encodings and dates."""
import datetime as dt
import warnings

import pytest

from speechkit.io import ReadError, parse_date, read_corpus, read_speech
from speechkit.manifest import ManifestWarning, guess_genre, read_manifest, read_manifests

HEADER = "id,date,title,kind\n"


def _manifest(tmp_path, body, name="m.csv", raw: bytes | None = None):
    p = tmp_path / name
    if raw is not None:
        p.write_bytes(raw)
    else:
        p.write_text(body, encoding="utf-8")
    return p


@pytest.mark.parametrize("body,raw,message", [
    ("", None, "manifest is empty: its first line names the columns"),
    ("\n \n", None, "manifest is empty"),
    ("date,title\n2021-01-01,讲话\n", None, "line 1: no 'id' column (columns: date, title)"),
    ("id;date;title\na;2021-01-01;讲话\n", None, "columns separated by semicolons, not commas"),
    ("id\tdate\ttitle\na\t2021-01-01\t讲话\n", None, "columns separated by tabs, not commas"),
    (None, bytes(range(256)) * 20, "not a CSV manifest: "),
    (HEADER + "a,2021-02-20,报告,gwr\nb,2021-03-01,讲话,speech\na,2022-02-16,报告,gwr\n", None,
     "lines 2 and 4 both have id 'a': one row per document"),
    (HEADER + "a,2020-13-45,报告,gwr\n", None, "line 2 (id 'a'): date '2020-13-45' is not a real date"),
    (HEADER + "a,2021-02-30,报告,gwr\n", None, "date '2021-02-30' is not a real date (day is out of range"),
    (HEADER + "a,05/03/2023,报告,gwr\n", None, "line 2 (id 'a'): date '05/03/2023' is ambiguous (day or month"),
    (HEADER + "a,March 5,报告,gwr\n", None, "date 'March 5' is not a date: write it as YYYY-MM-DD"),
    (HEADER + "../a,2021-01-01,报告,gwr\n", None, "id '../a' is not a relative name"),
])
def test_bad_manifest_refused_naming_file_line_and_fix(tmp_path, body, raw, message):
    m = _manifest(tmp_path, body, raw=raw)
    with pytest.raises(ReadError) as e:
        read_manifest(m)
    assert str(e.value).startswith(f"{m}: ") and message in str(e.value)
    assert "\n" not in str(e.value)


def test_id_in_two_manifests_refused(tmp_path):
    a = _manifest(tmp_path, HEADER + "x,2021-01-01,讲话,speech\n", "a.csv")
    b = _manifest(tmp_path, HEADER + "x,2022-01-01,讲话,speech\n", "b.csv")
    with pytest.raises(ReadError, match=f"{b}: id 'x' is also in {a}"):
        read_manifests([a, b])


@pytest.mark.parametrize("written", ["2021-03-05", "2021/3/5", "2021.03.05", "2021年3月5日", "２０２１－０３－０５",
                                     "2021-03-05 09:30", " 2021-03-05 "])
def test_dates_written_year_first_are_read(tmp_path, written):
    m = _manifest(tmp_path, HEADER + f'a,"{written}",讲话,speech\n')
    assert read_manifest(m)["a"]["date"] == "2021-03-05"
    assert parse_date(written) == dt.date(2021, 3, 5)


def test_empty_date_is_no_date(tmp_path):
    m = _manifest(tmp_path, HEADER + "a,,讲话,speech\n")
    assert read_manifest(m)["a"]["date"] == ""


def test_rows_without_kind_warn_once_naming_rows_and_genre(tmp_path):
    m = _manifest(tmp_path, HEADER + "a,2021-02-20,2021年江城县人民政府工作报告,\nb,2021-03-01,数字乡村建设工作要点,\n"
                                     "c,2021-03-02,,\nd,2021-03-03,讲话,report\ne,2021-03-04,讲话,speech\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = read_manifest(m)
    assert len(rows) == 5
    assert len(caught) == 1 and caught[0].category is ManifestWarning
    text = str(caught[0].message)
    assert text.startswith(f"{m}: line 2 (id 'a'): no kind, read as gwr (from its title); "
                           "line 3 (id 'b'): no kind, read as plan")
    assert "line 4 (id 'c'): no kind, genre guessed from its first lines" in text
    assert "and 1 more rows" in text and "gwr, plan, speech" in text


def test_row_without_id_skipped_with_a_warning(tmp_path):
    m = _manifest(tmp_path, HEADER + ",2021-02-20,报告,gwr\na,2021-02-20,报告,gwr\n")
    with pytest.warns(ManifestWarning, match="line 2 without id: skipped"):
        assert list(read_manifest(m)) == ["a"]


@pytest.mark.parametrize("title,genre", [("2021年江城县人民政府工作报告", "gwr"), ("江城县数字乡村建设实施方案", "plan"),
                                         ("在全县干部大会上的讲话", "speech")])
def test_genre_named_in_the_warning_is_the_extractors(title, genre):
    from speechkit.extractor.structure import DocTree
    from speechkit.io import Speech
    from speechkit.rules.cues import cue_table
    from speechkit.segment import segment

    sp = Speech.from_text("要完成。", date="2021-01-01", title=title)
    assert guess_genre(title) == DocTree(sp, segment(sp), cue_table()).genre == genre


def test_upper_case_suffixes_and_subfolders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "A.TXT").write_text("县里要完成改造。", encoding="utf-8")
    (tmp_path / "b.Txt").write_text("县里要完成改造。", encoding="utf-8")
    (tmp_path / "a" / "A.txt").write_text("县里要完成改造。", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    assert read_corpus(tmp_path).ids == ["A", "b"]
    assert read_corpus(tmp_path, pattern="**/*.txt").ids == ["A", "a/A", "b"]


def test_utf16_without_bom_is_read(tmp_path):
    text = "江城县二〇二一年工作要点\n年内要完成政务服务中心搬迁，确保群众办事更加方便。\n"
    for enc in ("utf-16-le", "utf-16-be"):
        p = tmp_path / f"{enc}.txt"
        p.write_bytes(text.encode(enc))
        s = read_speech(p)
        assert (s.raw, s.encoding) == (text, enc)


def test_utf16_without_bom_or_ascii_is_read(tmp_path):
    text = "年内要完成政务服务中心搬迁，确保群众办事更加方便，各乡镇要在年底前完成便民服务站建设任务。"
    p = tmp_path / "d.txt"
    p.write_bytes(text.encode("utf-16-le"))
    assert read_speech(p).raw == text


@pytest.mark.parametrize("content", ["   \n\t\n", "。，、！……\n", "\u3000\u3000——\n"])
def test_only_whitespace_or_punctuation_refused(tmp_path, content):
    p = tmp_path / "d.txt"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ReadError, match="d.txt: no words: only whitespace and punctuation"):
        read_speech(p)


def test_impossible_date_argument_refused(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text("县里要完成改造。", encoding="utf-8")
    with pytest.raises(ValueError, match="not a real date"):
        read_speech(p, date="2020-13-45")
