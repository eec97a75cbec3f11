"""unletters.tables and `unletters export`: the same rows, one per letter, paragraph and citation,
with values as in the JSON."""

from __future__ import annotations

import csv
import json
import warnings

import pytest

import unletters
from conftest import run

LIST_COLUMNS = {"symbols", "organs", "sessions", "agenda_items", "addressees", "signatories", "cites"}


@pytest.fixture(scope="module")
def rows(letters):
    return unletters.tables(letters)


@pytest.fixture(scope="module")
def docs(letters):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", unletters.ReadWarning)
        return {str(p): d for p, d in unletters.read_many(letters)}


def texts(inlines):
    out = []
    for i in inlines:
        if "text" in i:
            out.append(i["text"])
        elif "content" in i:
            out.append(texts(i["content"]))
    return "".join(out)


def test_one_letter_row_per_letter_with_the_json_values(rows, docs, letters):
    assert [r["file"] for r in rows.letters] == [str(p) for p in letters]
    for row in rows.letters:
        doc = docs[row["file"]]
        assert row["symbols"] == doc["symbols"]
        assert row["symbol"] == "-".join(doc["symbols"])
        for field in ("date", "letter_date", "organs", "kind", "title", "sender", "addressees",
                      "language", "original_language"):
            assert row[field] == doc[field], field
        assert row["sessions"] == [s["name"] for s in doc["sessions"]]
        assert row["agenda_items"] == [a["number"] for s in doc["sessions"] for a in s["agenda_items"]]
        assert row["signatories"] == [s["name"] for s in doc["signatures"]]
        assert row["annex_count"] == len(doc["annexes"])
        mine = [p for p in rows.paragraphs if p["file"] == row["file"]]
        assert row["paragraph_count"] == len(mine)


def resolve(doc, pointer):
    node = doc
    for part in pointer.split("/")[1:]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def test_every_paragraph_row_is_the_text_at_its_json_pointer(rows, docs):
    assert rows.paragraphs
    for index, row in enumerate(rows.paragraphs):
        node = resolve(docs[row["file"]], row["pointer"])
        if row["kind"] == "table_row":
            assert row["text"] == " | ".join(texts(c["content"]) for c in node["cells"])
        else:
            assert node["type"] == row["kind"]
            assert row["text"] == texts(node["content"])
            if node.get("num"):
                assert row["num"] == node["num"]["text"]
        assert row["eid"]


def test_paragraph_rows_are_in_document_order_and_cover_the_body(rows, docs):
    for file, doc in docs.items():
        mine = [r for r in rows.paragraphs if r["file"] == file]
        top = [r["pointer"] for r in mine if r["pointer"].count("/") == 2 and r["pointer"].startswith("/body/")]
        expected = [f"/body/{i}" for i, b in enumerate(doc["body"]) if b["type"] in ("paragraph", "heading")]
        assert top == expected, file
        # `index` numbers a document's rows from 0, in order.
        assert [r["index"] for r in mine] == list(range(len(mine))), file


def test_every_citation_row_is_a_symbol_inline_at_its_pointer(rows, docs):
    assert rows.citations
    for row in rows.citations:
        node = resolve(docs[row["file"]], row["pointer"])
        found = json.dumps(node)
        assert json.dumps(row["cited"]) in found
    cited = {r["file"]: [] for r in rows.letters}
    for row in rows.citations:
        if row["cited"] not in cited[row["file"]]:
            cited[row["file"]].append(row["cited"])
    for row in rows.letters:
        assert row["cites"] == cited[row["file"]]


def test_export_writes_the_same_rows_as_csv_and_jsonl(cli, letters, rows, tmp_path):
    csv_dir, jsonl_dir = tmp_path / "csv", tmp_path / "jsonl"
    run(cli, "export", *letters, "--out-dir", csv_dir)
    run(cli, "export", *letters, "--out-dir", jsonl_dir, "--format", "jsonl")
    for name, expected in zip(("letters", "paragraphs", "citations"), rows):
        lines = (jsonl_dir / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(l) for l in lines] == expected
        with open(csv_dir / f"{name}.csv", newline="", encoding="utf-8") as f:
            read_back = list(csv.DictReader(f))
        assert len(read_back) == len(expected)
        for got, want in zip(read_back, expected):
            assert list(got) == list(want)
            for column, value in want.items():
                if value is None:
                    assert got[column] == ""
                elif isinstance(value, (list, int)):
                    assert json.loads(got[column]) == value
                else:
                    assert got[column] == value


def test_pandas_reads_the_csv_tables(cli, letters, tmp_path):
    pandas = pytest.importorskip("pandas")
    run(cli, "export", letters[0].parent, "--out-dir", tmp_path)
    frames = {n: pandas.read_csv(tmp_path / f"{n}.csv") for n in ("letters", "paragraphs", "citations")}
    assert len(frames["letters"]) == len(letters)
    assert frames["paragraphs"]["eid"].notna().all()
    assert set(frames["citations"]["symbol"]) <= set(frames["letters"]["symbol"])
    assert json.loads(frames["letters"]["symbols"][0])


def test_tables_raise_on_a_letter_that_cannot_be_read(tmp_path, letters):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(unletters.ReadError):
        unletters.tables([letters[0], bad])


def test_export_exit_codes_say_what_was_exported(cli, letters, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{\n  oops\n}\n", encoding="utf-8")
    some = run(cli, "export", letters[0], bad, "--out-dir", tmp_path / "some", ok=False)
    assert some.returncode == 1
    assert f"{bad}:2:" in some.stderr
    with open(tmp_path / "some" / "letters.csv", newline="", encoding="utf-8") as f:
        assert [r["file"] for r in csv.DictReader(f)] == [str(letters[0])]
    none = run(cli, "export", bad, "--out-dir", tmp_path / "none", ok=False)
    assert none.returncode == 2
    assert not (tmp_path / "none").exists()
