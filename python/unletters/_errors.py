"""The exceptions and warnings of unletters (kept apart from the extension so it can raise them)."""

from __future__ import annotations

from typing import Optional


class ReadError(ValueError):
    """An input that could not be read as a letter.

    Attributes:
        message: what is wrong, for a person (without the position).
        file: the file as named (``"<bytes>"`` or ``"<string>"`` for content passed in memory).
        line, column: 1-based position in the input, or ``None`` when the error is about no
            single place (a file over the size limit, a letter with nothing after its masthead).
        kind: the cause: ``"malformed"``, ``"not_a_letter"``, ``"too_large"``, ``"too_deep"``,
            ``"unwritable"`` or ``"refused"``.

    ``str(error)`` reads ``file:line:column: message``, as the command line prints it.
    """

    def __init__(
        self,
        message: str,
        file: str,
        line: Optional[int] = None,
        column: Optional[int] = None,
        kind: str = "malformed",
    ) -> None:
        super().__init__(message, file, line, column, kind)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.kind = kind

    def __str__(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        return f"{place}: {self.message}"


class ReadWarning(UserWarning):
    """Something the reader noticed but could work around (a letter that names no symbol)."""
