"""The exception hierarchy of eventcoder.

Every error a researcher can cause (a bad dictionary line, a bad input record, an
output that cannot be written) is an :class:`EventCoderError` whose message names
the file, line or record at fault.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

__all__ = [
    "DictionaryError",
    "DictionaryErrors",
    "EventCoderError",
    "InputError",
    "ModelError",
    "OutputError",
]


class EventCoderError(Exception):
    """Base class of every error eventcoder raises on purpose."""


class DictionaryError(EventCoderError, ValueError):
    """One bad dictionary line: ``path:line: message`` and the line itself."""

    def __init__(self, message: str, path: str | Path | None = None,
                 line: int | None = None, text: str | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.text = text
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        out = f"{where}{self.message}"
        if self.text is not None:
            out += f"\n    {self.text}"
        return out


class DictionaryErrors(EventCoderError, ValueError):
    """Every bad line of one or more dictionary files, reported together."""

    def __init__(self, errors: Sequence[DictionaryError]) -> None:
        self.errors = tuple(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        n = len(self.errors)
        head = f"{n} dictionary error{'s' if n != 1 else ''}"
        return head + ":\n" + "\n".join(str(e) for e in self.errors)


class InputError(EventCoderError, ValueError):
    """A story record that cannot be read: names the file and record."""

    def __init__(self, message: str, path: str | None = None,
                 position: int | None = None, record_id: str | None = None) -> None:
        self.message = message
        self.path = path
        self.position = position
        self.record_id = record_id
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.path:
            where.append(self.path if self.position is None else f"{self.path}:{self.position}")
        elif self.position is not None:
            where.append(f"record {self.position}")
        if self.record_id:
            where.append(f"id {self.record_id!r}")
        return (", ".join(where) + ": " if where else "") + self.message


class ModelError(EventCoderError):
    """The spaCy pipeline cannot be loaded or lacks what the coder needs."""


class OutputError(EventCoderError):
    """The output file cannot be written."""
