"""Readers of PETRARCH/TABARI-format dictionaries (see issue 4; not yet implemented).

Until they exist, a file that is not in the native format is reported as such.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DictionaryError
from .native import DictionaryFile

__all__ = ["looks_legacy", "read_legacy"]


def looks_legacy(path: Path) -> bool:
    return False


def read_legacy(path: Path, kind: str | None = None) -> DictionaryFile:
    raise DictionaryError(
        "not a native dictionary file (NAME.verbs.txt, .actors.txt, .agents.txt, "
        ".discards.txt); use KIND:PATH to name the kind of a native file", path)
