"""unletters: read, convert, validate and diff United Nations letters, and turn letters into tables.

The Python door to the unletters Rust library (the same readers and writers as the ``unletters``
command). Every function takes a *source*:

- a path (``str`` or ``os.PathLike``) of a file in any format unletters reads (the PDF, pdftotext or Word
  text, canonical text, Akoma Ntoso XML, JSON);
- ``bytes``: the file's content;
- a ``str`` holding the content itself: a ``str`` is taken as content when it contains a line
  break or starts with ``{`` or ``<`` (a JSON or XML document), and as a path otherwise.

Documents are plain ``dict`` objects: exactly the published JSON (``schemas/unletters.schema.json``),
the same as ``unletters convert --to json`` prints.

    >>> import unletters
    >>> doc = unletters.read("tests/fixtures/sample-letter.txt")
    >>> doc["symbols"]
    ['A/80/912', 'S/2025/777']

Errors about the input raise :class:`ReadError` (a ``ValueError``) with ``file``, ``line`` and
``column``; a missing or unreadable file raises ``OSError`` (``FileNotFoundError``...); what the
reader noticed but worked around is a :class:`ReadWarning`.
"""

from __future__ import annotations

import json
import os
import warnings
from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple, Union

from . import _unletters
from ._errors import ReadError, ReadWarning
from ._unletters import Symbol

__all__ = [
    "ReadError",
    "ReadWarning",
    "Symbol",
    "Tables",
    "convert",
    "diff",
    "read",
    "read_many",
    "rules",
    "tables",
    "validate",
]

__version__: str = _unletters.__version__

Source = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]"]


def _input(source: Source) -> Tuple[Optional[str], Optional[bytes], str]:
    """(path, data, name) for the extension."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return None, bytes(source), "<bytes>"
    if isinstance(source, os.PathLike):
        path = os.fsdecode(os.fspath(source))
        return path, None, path
    if isinstance(source, str):
        if "\n" in source or source.lstrip().startswith(("{", "<")):
            return None, source.encode("utf-8"), "<string>"
        return source, None, source
    raise TypeError(
        f"a source is a path, str or bytes, not {type(source).__name__}"
    )


def _warn(name: str, found: Sequence[Tuple[Optional[int], Optional[int], str]]) -> None:
    for line, column, message in found:
        place = name if line is None else f"{name}:{line}:{column}"
        warnings.warn(f"{place}: {message}", ReadWarning, stacklevel=3)


def read(source: Source, *, format: Optional[str] = None, symbol: Optional[str] = None) -> Dict[str, Any]:
    """Read a letter and return it as the published JSON, a ``dict``.

    Args:
        source: a path, ``bytes``, or a ``str`` holding the document (see the module's help).
        format: ``"text"``, ``"akn"`` or ``"json"`` to force the input format; detected from the
            content by default (``unletters convert --from``).
        symbol: the document symbol(s) to use when the input names none, e.g.
            ``"A/79/729-S/2025/40"`` (``unletters convert --symbol``).

    Returns:
        The document: ``symbols``, ``organs``, ``date``, ``sessions``, ``kind``, ``title``,
        ``letter_date``, ``sender``, ``addressees``, ``body``, ``signatures``, ``annexes``,
        ``footnotes``... equal to ``json.loads`` of ``unletters convert SOURCE --to json``.

    Raises:
        ReadError: the input is not a letter, or not well-formed (with file, line, column).
        OSError: the file cannot be read.
        ValueError: ``format`` or ``symbol`` does not parse.
    """
    name_path_data = _input(source)
    text, found = _unletters.read(name_path_data, format, symbol)
    _warn(name_path_data[2], found)
    return json.loads(text)


def convert(
    source: Source,
    to: str,
    *,
    format: Optional[str] = None,
    symbol: Optional[str] = None,
) -> str:
    """Read a letter and write it in another format; returns the text written.

    Args:
        source: a path, ``bytes``, or a ``str`` holding the document.
        to: ``"akn"`` (Akoma Ntoso 3.0 XML), ``"json"`` or ``"text"`` (canonical text).
        format, symbol: as for :func:`read`.

    The result is byte for byte what ``unletters convert SOURCE --to TO`` writes.
    """
    name_path_data = _input(source)
    text, found = _unletters.convert(name_path_data, to, format, symbol)
    _warn(name_path_data[2], found)
    return text


def validate(
    source: Source,
    *,
    allow: Iterable[str] = (),
    format: Optional[str] = None,
    schema_only: bool = False,
) -> List[Dict[str, Any]]:
    """Validate a file: AKN against the OASIS XSD and the level-2 rules, JSON against the
    published JSON Schema, text through the reader.

    Args:
        source: a path, ``bytes``, or a ``str`` holding the document. A path's extension decides
            its format (``.xml``, ``.json``, ``.txt``), as for ``unletters validate``.
        allow: level-2 rule ids to switch off (see :func:`rules`).
        format: check as this format instead of recognising it.
        schema_only: check the schemas only, not the level-2 rules.

    Returns:
        The diagnostics, each as a line of ``unletters validate --format json``: ``type``,
        ``file``, ``line``, ``column``, ``rule``, ``severity`` (``"error"`` or ``"warning"``),
        ``xpath``, ``eid`` or ``pointer`` where they apply, and ``message``. An empty list means
        the file is valid.
    """
    return [
        json.loads(line)
        for line in _unletters.validate(_input(source), list(allow), format, schema_only)
    ]


def diff(old: Source, new: Source, *, force: bool = False) -> Dict[str, Any]:
    """Compare two versions of one document (any formats); returns the ``unletters-diff/1`` JSON
    (``schemas/diff.schema.json``), as ``unletters diff OLD NEW --format json`` prints it.

    Raises ``ValueError`` when the two are not versions of the same symbol, unless ``force``.
    """
    return json.loads(_unletters.diff(_input(old), _input(new), force))


def read_many(
    paths: Iterable[Source],
    *,
    jobs: Optional[int] = None,
    format: Optional[str] = None,
    symbol: Optional[str] = None,
) -> Iterator[Tuple[Source, Union[Dict[str, Any], Exception]]]:
    """Read many letters in parallel; yield ``(path, document)`` in input order.

    The files are read by ``jobs`` threads (default: one per core) in Rust, without the GIL, a
    few ahead of the loop consuming them. A letter that cannot be read gives its exception in
    place of the document (``ReadError`` or ``OSError``); the iteration goes on.

        >>> for path, doc in unletters.read_many(sorted(Path("letters").glob("*.txt"))):
        ...     if isinstance(doc, Exception):
        ...         print(doc)
    """
    sources = list(paths)
    inputs = [_input(s) for s in sources]
    engine = _unletters.ReadMany(inputs, jobs, format, symbol)
    for index, text, found, error in engine:
        source = sources[index]
        if error is not None:
            yield source, error
            continue
        _warn(inputs[index][2], found)
        yield source, json.loads(text)


class Tables(NamedTuple):
    """The three corpus tables, as lists of rows (dicts keyed by the columns, in order).

    ``pandas.DataFrame(t.letters)`` makes a data frame of one. The columns are those of
    ``unletters export`` (README, "Corpus tables"); list-valued cells are lists here.
    """

    letters: List[Dict[str, Any]]
    paragraphs: List[Dict[str, Any]]
    citations: List[Dict[str, Any]]


def tables(paths: Iterable[Source], *, jobs: Optional[int] = None) -> Tables:
    """Read letters (in parallel) and return the rows of the corpus tables, in input order:
    one letter row per document, one paragraph row per paragraph, heading and table row, one
    citation row per cited symbol. The same rows ``unletters export`` writes.

    Raises the error of the first input (in order) that cannot be read.
    """
    letters, paragraphs, citations = _unletters.tables([_input(s) for s in paths], jobs)
    return Tables(json.loads(letters), json.loads(paragraphs), json.loads(citations))


def rules() -> Dict[str, str]:
    """The level-2 validation rules: id -> what it demands (``unletters validate --list-rules``)."""
    return dict(_unletters.rules())
