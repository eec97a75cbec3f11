"""Symbol, validate and diff: the library's answers, as the CLI gives them."""

from __future__ import annotations

import json
import warnings

import pytest

import unletters
from conftest import REPO, run

DIFF = REPO / "tests" / "fixtures" / "diff"


def test_symbol_parts():
    s = unletters.Symbol.parse("E/2025/15/Add.1/Rev.1*")
    assert str(s) == "E/2025/15/Add.1/Rev.1*"
    assert s.text == "E/2025/15/Add.1/Rev.1"
    assert s.reissued
    assert (s.body, s.series, s.base) == ("E", "E/", "E/2025/15")
    assert s.suffixes == [("Add", 1), ("Rev", 1)]
    assert s.organ == "Economic and Social Council"
    assert s.qualifier is None
    q = unletters.Symbol.parse("A/80/6 (Sect. 24)/Corr.1")
    assert (q.qualifier, q.file_stem) == ("Sect. 24", "A_80_6_Sect.24_Corr.1")
    assert q.derives_from(unletters.Symbol.parse("A/80/6 (Sect. 24)"))
    assert repr(s) == 'Symbol("E/2025/15/Add.1/Rev.1*")'


def test_symbols_normalise_compare_and_hash():
    a = unletters.Symbol.parse("S/2025/71/rev1")
    b = unletters.Symbol.parse("S/2025/71/Rev.1")
    assert a == b and hash(a) == hash(b) and str(a) == "S/2025/71/Rev.1"
    assert {a, b} == {b}
    assert a.same_base(unletters.Symbol.parse("S/2025/71"))


def test_joint_symbols_are_parsed_with_their_parts():
    joint = unletters.Symbol.parse("A/79/729\u2013S/2025/40")
    assert joint.joint and len(joint) == 2
    assert str(joint) == joint.text == "A/79/729-S/2025/40"
    assert joint.file_stem == "A_79_729-S_2025_40"
    assert [str(p) for p in joint.parts] == ["A/79/729", "S/2025/40"]
    assert [p.organ for p in joint.parts] == ["General Assembly", "Security Council"]
    assert joint.organs == ["General Assembly", "Security Council"]
    assert [p.series for p in joint.parts] == ["A/", "S/"]
    assert joint == unletters.Symbol.parse("A/79/729-S/2025/40")
    assert unletters.Symbol.parse_joint("A/79/729-S/2025/40") == joint.parts
    # A part of a symbol is a question for each part of a joint one.
    with pytest.raises(ValueError, match="joint symbol"):
        joint.body
    single = unletters.Symbol.parse("S/2025/71/Rev.1")
    assert not single.joint and single.parts == [single] and single.organs == ["Security Council"]
    with pytest.raises(ValueError):
        unletters.Symbol.parse("not a symbol")
    with pytest.raises(ValueError):
        unletters.Symbol.parse("A/79/729-")


def test_every_corpus_symbol_parses_back_to_itself(letters):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", unletters.ReadWarning)
        docs = [doc for _, doc in unletters.read_many(letters)]
    symbols = [s for doc in docs for s in doc["symbols"]]
    assert len(symbols) >= len(letters)
    for s in symbols:
        assert str(unletters.Symbol.parse(s)) == s


def test_validate_gives_the_cli_json_diagnostics(cli, tmp_path):
    bad = tmp_path / "bad.json"
    doc = unletters.read(REPO / "tests" / "fixtures" / "sample-letter.txt")
    doc["date"] = "5 March"
    del doc["organs"]
    bad.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    diagnostics = unletters.validate(bad)
    assert diagnostics, "an invalid file gives diagnostics"
    assert all(d["line"] >= 1 and d["column"] >= 1 for d in diagnostics)
    lines = run(cli, "validate", bad, "--format", "json", ok=False).stdout.splitlines()
    expected = [json.loads(l) for l in lines if json.loads(l)["type"] == "diagnostic"]
    assert diagnostics == expected


def test_every_written_akn_and_json_is_valid():
    sample = REPO / "tests" / "fixtures" / "sample-letter.txt"
    assert unletters.validate(unletters.convert(sample, to="akn")) == []
    assert unletters.validate(unletters.convert(sample, to="json")) == []


def test_validate_allows_rules_by_id():
    rules = unletters.rules()
    assert "akn-eid-unique" in rules
    with pytest.raises(ValueError, match="no such rule"):
        unletters.validate(b"<x/>", allow=["no-such-rule"])


def test_diff_is_the_cli_json(cli):
    old, new = DIFF / "old.json", DIFF / "new.json"
    expected = json.loads(run(cli, "diff", old, new, "--format", "json", ok=False).stdout)
    got = unletters.diff(old, new)
    assert got == expected
    assert got["format"] == "unletters-diff/1" and got["changes"]
    assert unletters.diff(old, old)["changes"] == []


def test_diff_refuses_different_documents_unless_forced():
    sample = REPO / "tests" / "fixtures" / "sample-letter.txt"
    old = DIFF / "old.json"
    with pytest.raises(ValueError, match="force"):
        unletters.diff(old, sample)
    assert unletters.diff(old, sample, force=True)["base_symbol"] is None
