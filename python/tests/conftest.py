"""Where the tests find the repository, the corpus and the command-line binary they compare with."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"


def _missing(what: str) -> None:
    """A missing corpus or binary fails under CI and skips elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing")
    pytest.skip(f"skipping: {what} is missing")


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `unletters` binary (UNLETTERS_BIN, else target/debug/unletters, as `cargo test` builds it)."""
    path = Path(os.environ.get("UNLETTERS_BIN", REPO / "target" / "debug" / "unletters"))
    if not path.is_file():
        _missing(f"the unletters binary at {path}")
    return path


@pytest.fixture(scope="session")
def letters() -> list[Path]:
    """The corpus letters (pdftotext output), sorted."""
    folder = CORPUS / "letters"
    if not folder.is_dir():
        _missing(f"the corpus at {folder}")
    files = sorted(folder.glob("*.txt"))
    assert files, f"no letters in {folder}"
    return files


def run(*args: object, ok: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True)
    if ok:
        assert done.returncode == 0, done.stderr
    return done
