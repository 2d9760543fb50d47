"""Story readers: JSONL, CSV/TSV, Parquet and plain text.

Each reader yields :class:`~eventcoder.model.Story` objects and, for a record that
cannot be read, a :class:`Rejected` naming the file, the position and the reason, so
that one bad record never stops a batch nor disappears.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from ..errors import InputError
from ..model import Story

__all__ = ["Rejected", "parse_date", "read_stories", "story_from_record"]

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


@attrs.frozen
class Rejected:
    """A record that could not be read: where it was and why."""

    path: str
    position: int
    reason: str
    record_id: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "position": self.position, "id": self.record_id,
                "reason": self.reason}


def parse_date(value: object) -> dt.date:
    """A story date from ``YYYY-MM-DD`` (a time after it is ignored) or ``YYYYMMDD``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"date must be a string YYYY-MM-DD or YYYYMMDD, not {type(value).__name__}")
    text = value.strip()
    m = _ISO.match(text) or _COMPACT.match(text)
    if not m:
        raise ValueError(f"unparseable date {value!r}: expected YYYY-MM-DD or YYYYMMDD")
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise ValueError(f"invalid date {value!r}: {exc}") from None


def story_from_record(record: Any, path: str, position: int) -> Story:
    """A story from a mapping with ``id``, ``text`` and optional ``date``, ``title``..."""
    if not isinstance(record, dict):
        raise InputError(f"record is a JSON {type(record).__name__}, not an object", path, position)
    rid = record.get("id")
    rid = None if rid is None or (isinstance(rid, str) and not rid.strip()) else str(rid)
    if rid is None:
        raise InputError("missing 'id'", path, position)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("missing or empty 'text'", path, position, rid)
    date = record.get("date")
    try:
        parsed = None if date in (None, "") else parse_date(date)
    except ValueError as exc:
        raise InputError(str(exc), path, position, rid) from None
    return Story(rid, text, parsed, record.get("title"), record.get("url"), record.get("publisher"))


def _guarded(records: Iterator[tuple[int, Any]], path: str) -> Iterator[Story | Rejected]:
    for position, record in records:
        if isinstance(record, Rejected):
            yield record
            continue
        try:
            yield story_from_record(record, path, position)
        except InputError as exc:
            yield Rejected(path, position, exc.message, exc.record_id)


def _jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open(encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, Rejected(str(path), number, f"invalid JSON: {exc.msg} (column {exc.colno})")


def _csv(path: Path) -> Iterator[tuple[int, Any]]:
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        if reader.fieldnames is None or "text" not in reader.fieldnames:
            yield 1, Rejected(str(path), 1, f"no 'text' column in the header {reader.fieldnames}")
            return
        for row in reader:
            yield reader.line_num, row


def _parquet(path: Path) -> Iterator[tuple[int, Any]]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a bad file
        yield 0, Rejected(str(path), 0, f"cannot read Parquet: {exc}")
        return
    position = 0
    for batch in pf.iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            position += 1
            yield position, row


def _text(path: Path) -> Iterator[tuple[int, Any]]:
    text = path.read_text(encoding="utf-8", errors="replace")
    yield 1, {"id": path.stem, "text": text}


READERS = {".jsonl": _jsonl, ".ndjson": _jsonl, ".json": _jsonl, ".csv": _csv, ".tsv": _csv,
           ".tab": _csv, ".parquet": _parquet, ".pq": _parquet, ".txt": _text, ".text": _text}


def read_stories(path: str | Path) -> Iterator[Story | Rejected]:
    """Stories of one input file (format by extension); bad records come as Rejected."""
    p = Path(path)
    reader = READERS.get(p.suffix.lower())
    if reader is None:
        raise InputError(f"unknown input format {p.suffix!r}: use .jsonl, .csv, .tsv, .parquet or .txt",
                         str(p))
    if not p.exists():
        raise InputError("no such file", str(p))
    yield from _guarded(reader(p), str(p))
