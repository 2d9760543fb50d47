"""Readers of stories and the Parquet writer of events."""

from .parquet import SCHEMA, EventWriter, event_from_row, read_events
from .readers import Rejected, parse_date, read_stories

__all__ = ["SCHEMA", "EventWriter", "Rejected", "event_from_row", "parse_date", "read_events",
           "read_stories"]
