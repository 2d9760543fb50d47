"""Value objects that cross module boundaries. All frozen; a bad object never exists."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import attrs

from .cameo import event_type, is_event_code
from .geo.gazetteer import Place

__all__ = [
    "ActorCode",
    "DatedCode",
    "Event",
    "SourceLocation",
    "Story",
]

_ACTOR_CODE = re.compile(r"^(?:[A-Z0-9]{3}|---)(?:[A-Z0-9]{3})*$")
_EVENT_CODE = re.compile(r"^\d{2,4}$")


@attrs.frozen
class SourceLocation:
    """Where a dictionary entry was written: ``path:line``."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


def is_actor_code(code: str) -> bool:
    """True for a well-formed CAMEO actor code: 3-letter blocks, ``---`` for no country."""
    return bool(_ACTOR_CODE.match(code))


def _check_actor_code(_inst: object, attribute: attrs.Attribute, value: str) -> None:
    if not is_actor_code(value):
        raise ValueError(f"{attribute.name}: not a CAMEO actor code: {value!r}")


@attrs.frozen
class DatedCode:
    """An actor code valid from ``start`` to ``end`` inclusive (either may be open)."""

    code: str = attrs.field(validator=_check_actor_code)
    start: dt.date | None = None
    end: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"date range of {self.code} ends before it starts")

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def applies(self, on: dt.date | None) -> bool:
        if on is None:
            return not self.dated
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


def _check_target_code(inst: object, attribute: attrs.Attribute, value: str) -> None:
    if value != "":
        _check_actor_code(inst, attribute, value)


ActorCode = str


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


@attrs.frozen
class Story:
    """One news story to code."""

    id: str = attrs.field(converter=str)
    text: str
    date: dt.date | None = None
    title: str | None = attrs.field(default=None, converter=_optional_str)
    url: str | None = attrs.field(default=None, converter=_optional_str)
    publisher: str | None = attrs.field(default=None, converter=_optional_str)


def _check_event_code(_inst: object, attribute: attrs.Attribute, value: str) -> None:
    # Codes of legacy dictionaries outside CAMEO 1.1b3 (WEIS-era codes) are kept; their
    # name, quad class and Goldstein value are then unknown.
    if not _EVENT_CODE.match(value):
        raise ValueError(f"not an event code (2 to 4 digits): {value!r}")


@attrs.frozen
class Event:
    """One coded event: ``source`` did ``event_code`` to ``target``, with provenance.

    ``rule`` names the dictionary entry that fired (``path:line``); ``verb_index``
    is the token index of the predicate in its sentence. ``date`` is the event date
    (docs/dates.md), ``story_date`` the input's, ``date_precision`` one of day, week,
    month, year and ``date_text`` the phrase the date came from. ``place`` is where it
    happened (docs/geo.md), or ``None``.
    """

    story_id: str
    sentence_index: int
    sentence: str
    date: dt.date | None
    source: str = attrs.field(validator=_check_actor_code)
    source_text: str
    target: str = attrs.field(validator=_check_target_code)  # "" when no dyad is required
    target_text: str
    event_code: str = attrs.field(validator=_check_event_code)
    verb_text: str
    rule: str
    verb_index: int = 0
    story_date: dt.date | None = None
    date_precision: str = "day"
    date_text: str | None = None
    place: Place | None = None

    @property
    def event_root(self) -> str:
        return self.event_code[:2]

    @property
    def event_name(self) -> str | None:
        return event_type(self.event_code).name if is_event_code(self.event_code) else None

    @property
    def quad_class(self) -> int | None:
        return event_type(self.event_code).quad_class if is_event_code(self.event_code) else None

    @property
    def goldstein(self) -> float | None:
        return event_type(self.event_code).goldstein if is_event_code(self.event_code) else None

    @property
    def event_id(self) -> str:
        """Stable id: the same story, sentence and event always give the same id."""
        key = "\x1f".join((self.story_id, str(self.sentence_index), str(self.verb_index),
                           self.source, self.target, self.event_code))
        return hashlib.blake2b(key.encode("utf-8"), digest_size=10).hexdigest()
