"""The Parquet output: one row per event, one explicit schema, written atomically.

Rows are written in row groups as stories stream through, into a temporary file in the
output's folder that is renamed over the output at the end; an interrupted run leaves no
half-written output. docs/schema.md documents every column.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import OutputError
from ..geo.gazetteer import Place
from ..model import Event

__all__ = ["SCHEMA", "EventWriter", "event_from_row", "read_events", "row_of"]


def _f(name: str, type_: pa.DataType, doc: str, nullable: bool = False) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": doc})


SCHEMA = pa.schema([
    _f("story_id", pa.string(), "Id of the story (from the input)."),
    _f("sentence_index", pa.int32(), "0-based index of the sentence in the story."),
    _f("sentence", pa.string(), "Text of the sentence the event was coded from."),
    _f("date", pa.date32(), "Date of the event, resolved from the sentence, the dateline or the "
                            "story date (docs/dates.md).", nullable=True),
    _f("story_date", pa.date32(), "Date of the story, from the input.", nullable=True),
    _f("date_precision", pa.string(), "Precision of `date`: day, week, month or year (a week, "
                                      "month or year is dated by its first day)."),
    _f("date_text", pa.string(), "The phrase the date came from (\"on Monday\", a dateline's "
                                 "\"Oct 3\"); null when the story date is used.", nullable=True),
    _f("location_name", pa.string(), "Gazetteer (GeoNames) name of the place of the event.",
       nullable=True),
    _f("location_text", pa.string(), "The place as written in the story or dateline.", nullable=True),
    _f("location_country", pa.string(), "ISO 3166-1 alpha-3 code of the place's country.",
       nullable=True),
    _f("location_admin1", pa.string(), "First-level division of the place (\"\" for a country).",
       nullable=True),
    _f("latitude", pa.float64(), "Latitude of the place, WGS84 degrees.", nullable=True),
    _f("longitude", pa.float64(), "Longitude of the place, WGS84 degrees.", nullable=True),
    _f("location_precision", pa.string(), "city, admin1 or country.", nullable=True),
    _f("location_source", pa.string(), "Where the place came from: sentence, dateline or story.",
       nullable=True),
    _f("geonames_id", pa.int64(), "GeoNames id of the place (null for admin1 outside the US).",
       nullable=True),
    _f("source", pa.string(), "CAMEO actor code of the source, e.g. IRNGOV."),
    _f("source_text", pa.string(), "Text of the source actor mention."),
    _f("target", pa.string(), "CAMEO actor code of the target."),
    _f("target_text", pa.string(), "Text of the target actor mention."),
    _f("event_code", pa.string(), "CAMEO event code with leading zeros, e.g. 0214."),
    _f("event_root", pa.string(), "CAMEO root code (first two digits), e.g. 02."),
    _f("event_name", pa.string(), "CAMEO name of the event code (null for a non-CAMEO code).",
       nullable=True),
    _f("quad_class", pa.int32(), "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                                 "4 material conflict (null for a non-CAMEO code).", nullable=True),
    _f("goldstein", pa.float64(), "Goldstein scale value of the event code, -10..10 (null for a "
                                  "non-CAMEO code).", nullable=True),
    _f("verb_text", pa.string(), "Text of the predicate that carried the event."),
    _f("verb_index", pa.int32(), "Token index of the predicate in its sentence."),
    _f("rule", pa.string(), "Dictionary entry (path:line) that fired; entries joined by ' + '."),
    _f("event_id", pa.string(), "Stable id of the event (story, sentence, predicate, actors, code)."),
])


def row_of(e: Event) -> dict[str, Any]:
    return {
        "story_id": e.story_id, "sentence_index": e.sentence_index, "sentence": e.sentence,
        "date": e.date, "story_date": e.story_date, "date_precision": e.date_precision,
        "date_text": e.date_text,
        **(e.place.as_columns() if e.place is not None else Place.empty_columns()),
        "source": e.source, "source_text": e.source_text, "target": e.target,
        "target_text": e.target_text, "event_code": e.event_code, "event_root": e.event_root,
        "event_name": e.event_name, "quad_class": e.quad_class, "goldstein": e.goldstein,
        "verb_text": e.verb_text, "verb_index": e.verb_index, "rule": e.rule,
        "event_id": e.event_id,
    }


def event_from_row(row: Mapping[str, Any]) -> Event:
    """Rebuild an :class:`Event` from a row read back from the Parquet file."""
    return Event(
        story_id=row["story_id"], sentence_index=int(row["sentence_index"]), sentence=row["sentence"],
        date=row["date"], source=row["source"], source_text=row["source_text"], target=row["target"],
        target_text=row["target_text"], event_code=row["event_code"], verb_text=row["verb_text"],
        rule=row["rule"], verb_index=int(row.get("verb_index") or 0), story_date=row.get("story_date"),
        date_precision=row.get("date_precision") or "day", date_text=row.get("date_text"),
        place=_place(row))


def _place(row: Mapping[str, Any]) -> Place | None:
    if row.get("location_name") is None:
        return None
    return Place(row["location_name"], row["location_text"], row["location_country"],
                 row["location_admin1"], row["latitude"], row["longitude"],
                 row["location_precision"], row["location_source"], row.get("geonames_id"))


def _table(events: Iterable[Event]) -> pa.Table:
    rows = [row_of(e) for e in events]
    return pa.Table.from_pylist(rows, schema=SCHEMA)


class EventWriter:
    """Write events to a Parquet file in row groups; the file appears only on success.

    >>> with EventWriter("events.parquet", {"eventcoder_version": "0.1.0"}) as w:  # doctest: +SKIP
    ...     w.write(events)
    """

    def __init__(self, path: str | Path, metadata: Mapping[str, str] | None = None,
                 row_group_size: int = 10_000) -> None:
        self.path = Path(path)
        self.row_group_size = row_group_size
        meta = {k: str(v) for k, v in (metadata or {}).items()}
        meta["eventcoder_columns"] = json.dumps([f.name for f in SCHEMA])
        self.schema = SCHEMA.with_metadata(meta)
        self._pending: list[Event] = []
        self.rows = 0
        parent = self.path.parent if str(self.path.parent) else Path(".")
        if not parent.is_dir():
            raise OutputError(f"{self.path}: folder {parent} does not exist")
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=parent)
            os.close(fd)
            self._tmp = Path(tmp)
            self._writer = pq.ParquetWriter(self._tmp, self.schema, compression="zstd")
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write: {exc}") from None

    def write(self, events: Iterable[Event]) -> None:
        self._pending.extend(events)
        if len(self._pending) >= self.row_group_size:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._writer.write_table(_table(self._pending), row_group_size=self.row_group_size)
            self.rows += len(self._pending)
            self._pending = []

    def close(self) -> None:
        self._flush()
        self._writer.close()
        try:
            os.replace(self._tmp, self.path)
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write: {exc}") from None

    def abort(self) -> None:
        try:
            self._writer.close()
        finally:
            self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> EventWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def read_events(path: str | Path) -> list[Event]:
    """Read back the events of an eventcoder Parquet file."""
    table = pq.read_table(path)
    return [event_from_row(r) for r in table.to_pylist()]


