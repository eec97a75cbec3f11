"""read, convert, read_many: the dicts are the CLI's JSON, errors carry their place."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import unletters
from conftest import REPO, run

SAMPLE = REPO / "tests" / "fixtures" / "sample-letter.txt"


@pytest.fixture(scope="module")
def cli_json(cli, letters, tmp_path_factory) -> dict[str, dict]:
    """Every corpus letter converted by the command line, by file name."""
    out = tmp_path_factory.mktemp("json")
    run(cli, "convert", letters[0].parent, "--to", "json", "--out-dir", out)
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}


def test_read_equals_the_cli_json_for_every_corpus_letter(letters, cli_json):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", unletters.ReadWarning)
        for path in letters:
            doc = unletters.read(path)
            expected = cli_json[path.stem]
            assert doc == expected, path
            # The same keys in the same order: the published JSON, not a re-sorted copy.
            assert list(doc) == list(expected), path
    assert len(cli_json) == len(letters)


def test_a_source_is_a_path_bytes_or_the_content(cli):
    by_path = unletters.read(SAMPLE)
    assert unletters.read(str(SAMPLE)) == by_path
    assert unletters.read(SAMPLE.read_bytes()) == by_path
    assert unletters.read(SAMPLE.read_text(encoding="utf-8")) == by_path
    # JSON on one line is content, not a path.
    assert unletters.read(json.dumps(by_path)) == by_path
    assert by_path == json.loads(run(cli, "convert", SAMPLE, "--to", "json").stdout)


@pytest.mark.parametrize("to", ["akn", "json", "text"])
def test_convert_writes_what_the_cli_writes(cli, to):
    assert unletters.convert(SAMPLE, to=to) == run(cli, "convert", SAMPLE, "--to", to).stdout


def test_a_letter_read_from_its_akn_and_its_canonical_text_is_the_same_dict():
    doc = unletters.read(SAMPLE)
    assert unletters.read(unletters.convert(SAMPLE, to="akn")) == doc
    assert unletters.read(unletters.convert(SAMPLE, to="text")) == doc


BAD_INPUTS = {
    "broken.json": '{\n  "symbols": ["S/2025/1"],\n  "organs": [,\n}\n',
    "broken.xml": '<?xml version="1.0"?>\n<akomaNtoso>\n  <doc name="officialLetter">\n</akomaNtoso>\n',
    "empty.txt": "   \n\n",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_errors_carry_the_file_line_and_column_the_cli_prints(cli, tmp_path, name):
    path = tmp_path / name
    path.write_text(BAD_INPUTS[name], encoding="utf-8")
    with pytest.raises(unletters.ReadError) as caught:
        unletters.read(path)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.file == str(path)
    done = run(cli, "convert", path, "--to", "json", ok=False)
    assert done.returncode == 1
    # The CLI's message line is `FILE:LINE:COLUMN: error: MESSAGE` (or `FILE: error: ...`).
    place = str(path) if error.line is None else f"{path}:{error.line}:{error.column}"
    assert f"{place}: " in done.stderr, (str(error), done.stderr)
    assert error.message in done.stderr
    if name != "empty.txt":
        assert error.line is not None and error.column is not None
    assert str(error).startswith(place)


def test_content_in_memory_is_named_in_its_errors():
    with pytest.raises(unletters.ReadError) as caught:
        unletters.read(b'{"symbols": }')
    assert (caught.value.file, caught.value.line, caught.value.column) == ("<bytes>", 1, 13)


def test_a_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        unletters.read(tmp_path / "nowhere.txt")


def test_bad_arguments_are_value_errors():
    with pytest.raises(ValueError, match="format"):
        unletters.read(SAMPLE, format="docx")
    with pytest.raises(ValueError, match="symbol"):
        unletters.read(SAMPLE, symbol="not a symbol")
    with pytest.raises(TypeError):
        unletters.read(42)


def test_symbol_is_supplied_when_the_input_names_none():
    doc = unletters.read(SAMPLE)
    doc["symbols"] = []
    with pytest.warns(unletters.ReadWarning, match="no document symbol"):
        unletters.read(json.dumps(doc))
    again = unletters.read(json.dumps(doc), symbol="A/79/729-S/2025/40")
    assert again["symbols"] == ["A/79/729", "S/2025/40"]


def test_read_many_yields_every_letter_in_input_order(letters, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{\n  oops\n}\n", encoding="utf-8")
    # Reversed, with a bad file and a missing one in the middle: the order is the caller's.
    paths = list(reversed(letters))
    paths[5:5] = [bad, tmp_path / "missing.txt"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", unletters.ReadWarning)
        expected = {p: unletters.read(p) for p in letters}
        for jobs in (1, 2, 5):
            seen = list(unletters.read_many(paths, jobs=jobs))
            assert [p for p, _ in seen] == paths
            for path, doc in seen:
                if path == bad:
                    assert isinstance(doc, unletters.ReadError) and doc.line == 2
                elif path.name == "missing.txt":
                    assert isinstance(doc, FileNotFoundError)
                else:
                    assert doc == expected[path], path


def test_read_many_can_be_left_early(letters):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", unletters.ReadWarning)
        first = next(iter(unletters.read_many(letters, jobs=2)))
    assert first[0] == letters[0]
    assert first[1] == unletters.read(letters[0])
    with pytest.raises(ValueError):
        list(unletters.read_many(letters, jobs=0))


def test_read_many_reads_on_several_threads_with_the_gil_released(letters):
    """While read_many waits for the readers, other Python threads run: the GIL is released."""
    import threading
    import time

    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0)

    counter = threading.Thread(target=count)
    counter.start()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", unletters.ReadWarning)
        start = time.perf_counter()
        n = sum(1 for _ in unletters.read_many(letters * 2, jobs=2))
        elapsed = time.perf_counter() - start
    done.set()
    counter.join()
    assert n == 2 * len(letters)
    # A thread that held the GIL through the reads would have starved the counter.
    assert ticks > 100, (ticks, elapsed)
