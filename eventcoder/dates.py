"""Event dates: when an event happened, resolved from its sentence and the story date.

A news story has a date (from the input, or from a dateline such as ``"KABUL, Oct 3
(AP) -"`` at the start of its text). An event is dated on that reference date unless its
sentence says more: ``"on Monday"``, ``"yesterday"``, ``"last week"``, ``"on 3 March
2023"``, ``"two days ago"``, ``"late last year"``, ``"will meet next week"``...

Three layers, all pure Python (no spaCy import):

- :func:`find_time_expressions` scans plain text for time expressions (regular
  expressions; no parse needed);
- :func:`resolve_text` resolves the most specific expression of a plain text against a
  reference date (for tests, ``explain`` and callers without a parse);
- :func:`resolve_date` picks, for one predicate of a parsed
  :class:`~eventcoder.parse.Sentence`, the expression that belongs to it in the
  dependency tree and resolves it, in the past or the future depending on the tense.

:func:`parse_dateline` and :func:`story_reference` read the dateline of a story.
The rules, their precedence and their limits are in ``docs/dates.md``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from .parse import Sentence

__all__ = [
    "DATELINE_LEAD",
    "PRECISIONS",
    "SOURCES",
    "EventDate",
    "TimeExpression",
    "find_time_expressions",
    "is_future",
    "parse_dateline",
    "resolve_date",
    "resolve_text",
    "scan",
    "story_reference",
]

PRECISIONS = ("day", "week", "month", "year")
SOURCES = ("sentence", "dateline", "story")

#: How far a dateline date may lie after the input story date and still be trusted
#: (a story dated in UTC can carry the next day's local dateline).
DATELINE_LEAD = dt.timedelta(days=1)

_ONE_DAY = dt.timedelta(days=1)
_PRECISION_RANK = {p: i for i, p in enumerate(PRECISIONS)}


def _check_in(allowed: tuple[str, ...]) -> Callable[[object, attrs.Attribute, str], None]:
    def check(_inst: object, attribute: attrs.Attribute, value: str) -> None:
        if value not in allowed:
            raise ValueError(f"{attribute.name} must be one of {allowed}, not {value!r}")

    return check


@attrs.frozen
class EventDate:
    """The date of one event and where it came from.

    - ``date``: the event date; ``None`` when there is no reference date and the
      sentence has no absolute date.
    - ``precision``: ``"day"``, ``"week"``, ``"month"`` or ``"year"``. For a week, month
      or year, ``date`` is the first day of the period the phrase names (see
      docs/dates.md), never a guess at the day.
    - ``text``: the phrase used (``"on Monday"``, ``"Oct 3"`` of a dateline), ``None``
      when the story date is used as it is.
    - ``source``: ``"sentence"`` (a phrase of the sentence), ``"dateline"`` (the story's
      dateline) or ``"story"`` (the input story date).
    - ``future``: the event was read in the future (tense or phrase); only then may
      ``date`` lie after the reference date.
    """

    date: dt.date | None
    precision: str = attrs.field(validator=_check_in(PRECISIONS))
    text: str | None
    source: str = attrs.field(validator=_check_in(SOURCES))
    future: bool = False


@attrs.frozen
class TimeExpression:
    """One time expression found in a text, with what it means (not yet resolved).

    ``kind`` is one of ``"date"`` (a day of a month), ``"month"``, ``"year"``,
    ``"weekday"``, ``"day"`` (today, yesterday, tomorrow...), ``"period"`` (last week,
    this month, next year, the past week...), ``"weekend"`` and ``"ago"``.
    ``direction`` is ``"past"`` or ``"future"`` when the phrase itself says so ("last",
    "ago", "next", "tomorrow"), else ``None`` (the tense decides).
    """

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel: int | None = None  # -1 last, 0 this, +1 next (periods, weekdays, months)
    offset: int = 0  # days from the reference ("day"), or the amount ("ago")
    unit: str | None = None  # week, month, year, weekend (periods); day... ("ago")
    part: str | None = None  # early, mid, late, earlier, later
    window: bool = False  # "the past week": the span that ends at the reference
    strict: bool = False  # "last Monday"/"next Monday": never the reference day itself
    vague: bool = False  # "a few days ago": one precision step coarser
    direction: str | None = None

    @property
    def absolute(self) -> bool:
        """True when the expression names its year and needs no reference date."""
        return self.year is not None


# -- the scanner -------------------------------------------------------------------------

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    **{name: k for k, name in enumerate(MONTH_NAMES, 1)},
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {name: k for k, name in enumerate(WEEKDAY_NAMES)}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30,
}
_VAGUE_NUMBERS = {"few": 3, "a few": 3, "several": 3}

_MONTH = (r"(?:(?:january|february|march|april|may|june|july|august|september|october|november"
          r"|december)\b|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d\w])"
_YEAR = r"(?:19|20)\d\d"
_NUMBER = r"(?:\d{1,3}|a\s+couple\s+of|couple\s+of|a\s+few|few|several|" + \
    "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_REL = r"(?:this\s+coming|this\s+past|last|this|next|coming|past)"
_WD_PREFIX = rf"(?:(?:on\s+)?(?P<wd>{_WEEKDAY}),?\s+)?(?:on\s+)?"
_RELYEAR = r"(?:,?\s+(?:of\s+)?(?P<ry>last|this|next)\s+year\b)"
# A year directly followed by a plural noun is a count ("in 2000 attacks").
_NOT_COUNT = r"(?!\s+(?-i:(?!(?:was|as|has|is|its|this|thus|across|unless|whereas)\b)[a-z]+s\b))"

_I = re.IGNORECASE
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?:on\s+)?(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    ("mdy", re.compile(rf"\b{_WD_PREFIX}(?P<mon>{_MONTH})\s+(?:the\s+)?(?P<d>{_DAY})"
                       rf"(?:(?:,\s*|\s+)(?P<y>{_YEAR})\b|{_RELYEAR})?", _I)),
    ("dmy", re.compile(rf"\b{_WD_PREFIX}(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MONTH})"
                       rf"(?:,?\s+(?P<y>{_YEAR})\b|{_RELYEAR})?", _I)),
    ("my", re.compile(rf"\b(?:(?:in|during|throughout)\s+)?(?:(?P<part>early|mid|late)[\s-]+)?"
                      rf"(?P<mon>{_MONTH}),?\s+(?:(?P<y>{_YEAR})\b{_NOT_COUNT}|(?:of\s+)?(?P<ry>last|this|next)\s+year\b)",
                      _I)),
    ("month", re.compile(rf"\b(?:(?:in|during|throughout)\s+(?:(?P<part>early|mid|late)[\s-]+)?"
                         rf"|(?P<rel>{_REL})\s+|(?P<part2>early|mid|late)[\s-]+)"
                         rf"(?P<mon>{_MONTH})(?![\s,.]*\d)", _I)),
    ("year", re.compile(rf"\b(?:(?:in|during|throughout)\s+(?:the\s+(?=\d))?"
                        rf"(?:(?P<part>early|mid|late)[\s-]+)?"
                        rf"|(?P<part2>early|mid|late)[\s-]+)(?P<y>{_YEAR})\b(?![-–/]\d)(?!['’]?s\b){_NOT_COUNT}",
                        _I)),
    ("period", re.compile(rf"\b(?:(?P<part>early|mid|late|earlier|later)\s+)?(?:(?P<the>the)\s+)?"
                          rf"(?P<rel>{_REL}|previous)\s+(?P<unit>week|month|year|weekend)\b(?!\s+of\b)",
                          _I)),
    ("weekend", re.compile(r"\b(?:over|at|during|on)\s+the\s+weekend\b", _I)),
    ("day", re.compile(r"\b(?:(?P<part>early|late|earlier|later)\s+)?"
                       r"(?:(?P<db>the\s+day\s+before\s+yesterday)"
                       r"|(?P<da>the\s+day\s+after\s+tomorrow)"
                       r"|(?P<word>today|tonight|yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
                       r"|(?P<this>this|last)\s+(?P<tod>morning|afternoon|evening|night)(?!['’]s)\b)", _I)),
    ("weekday", re.compile(rf"\b(?:(?P<rel>{_REL})\s+|(?P<part>early|late|earlier|later)(?:\s+on)?\s+|on\s+)?"
                           rf"(?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night)\b)?"
                           rf"(?:,?\s+(?:of\s+)?(?P<wk>last|this|next)\s+week\b)?", _I)),
    ("ago", re.compile(rf"\b(?P<n>{_NUMBER})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", _I)),
]

# Words before an expression that make it a bound or a range, not the event's date.
_BLOCKED_BEFORE = re.compile(
    r"(?:\b(?:since|until|till|til|by|before|after|from|through|thru|to|ahead\s+of|prior\s+to"
    r"|eve\s+of|run-up\s+to|as\s+of|as\s+early\s+as|as\s+late\s+as|starting|beginning|ending)"
    r"|\bbetween\b[^.;]{0,40}\band)\s*$", _I)
_NAMED_DAY_BEFORE = frozenset({"good", "black", "bloody", "super", "ash", "palm", "easter", "holy",
                               "maundy", "shrove", "cyber", "giving", "manic", "blue", "orthodox"})
_NARRATIVE_BEFORE = frozenset({"previous", "following", "same", "preceding"})
_NAMED_DAY_AFTER = frozenset({"times", "telegraph", "express", "mirror", "herald", "post", "mail",
                              "agreement", "accord", "accords", "independent", "star", "tribune",
                              "people", "sport", "service", "school"})
_PREV_WORD = re.compile(r"([^\W\d_][\w.'’-]*)[ \t]*$")
_NEXT_WORD = re.compile(r"^[ \t]*([^\W\d_][\w'’-]*)")


def _month_number(token: str) -> int:
    return _MONTHS[token.rstrip(".").lower()]


def _number(text: str) -> tuple[int, bool]:
    key = " ".join(text.lower().split())
    if key.isdigit():
        return int(key), False
    if key in _VAGUE_NUMBERS:
        return _VAGUE_NUMBERS[key], True
    if key in ("a couple of", "couple of"):
        return 2, False
    return _NUMBERS[key], False


def _rel_value(rel: str | None) -> tuple[int | None, bool]:
    """``(-1|0|+1, strict)`` for a relative word, ``(None, False)`` for none."""
    if rel is None:
        return None, False
    key = " ".join(rel.lower().split())
    if key in ("last", "past", "this past", "previous"):
        return -1, True
    if key in ("next", "coming", "this coming"):
        return 1, True
    return 0, False


def _direction(rel: int | None, part: str | None) -> str | None:
    if part == "earlier" or rel == -1:
        return "past"
    if part == "later" or rel == 1:
        return "future"
    return None


def _build(kind: str, m: re.Match[str], text: str) -> TimeExpression | None:
    """The meaning of one regular-expression match, or None when it is not a date."""
    g = m.groupdict()
    start, end = m.start(), m.end()
    span = text[start:end]
    part = (g.get("part") or g.get("part2") or "").lower() or None

    if g.get("mon") is not None:
        mon = g["mon"]
        # "may", "march": only as a capitalised name ("May 5", "in March").
        if not mon[0].isupper():
            return None
    if kind == "iso":
        return TimeExpression(start, end, span, "date", year=int(g["y"]), month=int(g["m"]), day=int(g["d"]))
    if kind in ("mdy", "dmy"):
        day = int(re.match(r"\d+", g["d"])[0])  # type: ignore[index]
        month = _month_number(g["mon"])
        year = int(g["y"]) if g.get("y") else None
        if not _valid_day(year or 2000, month, day):
            return None
        ry, _ = _rel_value(g.get("ry"))
        return TimeExpression(start, end, span, "date", year=year, month=month, day=day,
                              rel=ry if year is None else None, direction=_direction(ry, None))
    if kind == "my":
        ry, _ = _rel_value(g.get("ry"))
        year = int(g["y"]) if g.get("y") else None
        return TimeExpression(start, end, span, "month", year=year, month=_month_number(g["mon"]),
                              rel=ry if year is None else None, unit="year" if year is None else None,
                              part=part, direction=_direction(ry, None))
    if kind == "month":
        rel, strict = _rel_value(g.get("rel"))
        return TimeExpression(start, end, span, "month", month=_month_number(g["mon"]), rel=rel,
                              strict=strict, part=part, direction=_direction(rel, None))
    if kind == "year":
        return TimeExpression(start, end, span, "year", year=int(g["y"]), part=part)
    if kind == "period":
        rel, _ = _rel_value(g["rel"])
        window = bool(g.get("the")) and rel != 0
        unit = g["unit"].lower()
        if g["rel"].lower() == "previous":
            return None  # "the previous week": counted from the narrative, not the story
        if window and unit == "weekend":
            return None
        return TimeExpression(start, end, span, "period", rel=rel, unit=unit, part=part, window=window,
                              direction=_direction(rel, part))
    if kind == "weekend":
        return TimeExpression(start, end, span, "weekend", rel=0, unit="weekend")
    if kind == "day":
        if g.get("db"):
            offset = -2
        elif g.get("da"):
            offset = 2
        elif g.get("word"):
            word = g["word"].lower()
            offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
            if g["word"][0].isupper() and m.start("word") > 0:
                prev = _PREV_WORD.search(text[:m.start("word")])
                if prev and prev.group(1)[0].isupper() and not prev.group(1).endswith(".") and not part:
                    return None  # "USA Today", "Russia Today": a name
        else:
            offset = -1 if g["this"].lower() == "last" else 0
        direction = "past" if offset < 0 else "future" if offset > 0 or part == "later" else None
        return TimeExpression(start, end, span, "day", offset=offset, part=part, direction=direction)
    if kind == "weekday":
        wd = _WEEKDAYS[g["wd"].lower()]
        prev = _PREV_WORD.search(text[:m.start("wd")])
        if prev and m.start("wd") == start:
            if prev.group(1).lower() in _NAMED_DAY_BEFORE:
                return None  # "Good Friday", "Bloody Sunday"
            if prev.group(1).lower() in _NARRATIVE_BEFORE:
                return None  # "the previous Monday", "that Monday": the narrative's
        nxt = _NEXT_WORD.match(text[m.end("wd"):])
        if nxt and nxt.group(1)[0].isupper() and nxt.group(1).lower() in _NAMED_DAY_AFTER:
            return None  # "the Sunday Times", "the Good Friday Agreement"
        rel, strict = _rel_value(g.get("rel"))
        wk, _ = _rel_value(g.get("wk"))
        if wk is not None:
            return TimeExpression(start, end, span, "weekday", weekday=wd, rel=wk, unit="week", part=part,
                                  direction=_direction(wk, part))
        return TimeExpression(start, end, span, "weekday", weekday=wd, rel=rel, strict=strict, part=part,
                              direction=_direction(rel, part))
    if kind == "ago":
        n, vague = _number(g["n"])
        if n <= 0:
            return None
        unit = g["unit"].lower().rstrip("s")
        return TimeExpression(start, end, span, "ago", offset=n, unit=unit, vague=vague, direction="past")
    raise AssertionError(kind)  # pragma: no cover


def scan(text: str) -> list[TimeExpression]:
    """All time expressions of ``text`` with their meaning, in text order, not overlapping.

    Longer matches win over the shorter ones they contain ("on Monday, March 3" is one
    date). Expressions that are bounds or ranges ("since Monday", "until March 3",
    "by 2025", "between 2019 and 2021") and names ("Good Friday", "USA Today", "the
    Sunday Times") are left out.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return list(_scan(text))


@functools.lru_cache(maxsize=4096)
def _scan(text: str) -> tuple[TimeExpression, ...]:
    """:func:`scan`, cached: the events of one sentence share its scan."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), kind, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken: list[tuple[int, int]] = []
    out: list[TimeExpression] = []
    for start, end, kind, m in found:
        if any(start < e and s < end for s, e in taken):
            continue
        expr = _build(kind, m, text)
        if expr is None:
            continue
        taken.append((start, end))
        if _BLOCKED_BEFORE.search(text[max(0, start - 60):start]):
            continue  # a bound or a range; it still hides the shorter matches inside it
        out.append(expr)
    out.sort(key=lambda e: e.start)
    return tuple(out)


def find_time_expressions(text: str) -> list[tuple[int, int, str]]:
    """The time expressions of a plain text as ``(start_char, end_char, text)``, in order.

    No parse is needed. These are the phrases that :func:`resolve_date` and
    :func:`resolve_text` can use to date an event.

    >>> find_time_expressions("Russia attacked Kyiv on Monday, two days after talks failed.")
    [(21, 30, 'on Monday')]
    """
    return [(e.start, e.end, e.text) for e in scan(text)]


# -- date arithmetic ---------------------------------------------------------------------

def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _add_months(d: dt.date, n: int) -> dt.date:
    k = d.year * 12 + (d.month - 1) + n
    year, month = divmod(k, 12)
    month += 1
    day = d.day
    while day > 28 and not _valid_day(year, month, day):  # 28 is always a valid day
        day -= 1
    return dt.date(year, month, day)


def _add_years(d: dt.date, n: int) -> dt.date:
    return _add_months(d, 12 * n)


def _week_start(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _month_day(ref: dt.date, month: int, day: int, future: bool) -> dt.date | None:
    """The (month, day) on or before ``ref`` (on or after it when ``future``)."""
    year = ref.year
    if future:
        if (month, day) < (ref.month, ref.day):
            year += 1
    elif (month, day) > (ref.month, ref.day):
        year -= 1
    step = 1 if future else -1
    for _ in range(9):  # 29 February: the nearest leap year in that direction
        if _valid_day(year, month, day):
            return dt.date(year, month, day)
        year += step
    return None


_PART_DAYS = {"week": {"early": 0, "mid": 2, "late": 4},
              "month": {"early": 1, "mid": 11, "late": 21},
              "year": {"early": 1, "mid": 5, "late": 9}}  # year: the month


def _part_start(start: dt.date, unit: str, part: str | None) -> dt.date:
    """The start of the early/mid/late third of a period."""
    if part not in ("early", "mid", "late"):
        return start
    value = _PART_DAYS[unit][part]
    if unit == "week":
        return start + dt.timedelta(days=value)
    if unit == "month":
        return start.replace(day=value)
    return start.replace(month=value)


def _period(start: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    if unit == "week":
        return start, start + dt.timedelta(days=6)
    if unit == "month":
        return start, _add_months(start, 1) - _ONE_DAY
    return start, start.replace(month=12, day=31)


def _in_period(start: dt.date, end: dt.date, unit: str, part: str | None, ref: dt.date,
               future: bool) -> dt.date:
    """The date for a period: its start (or its part's); in the future, not before ``ref``."""
    date = _part_start(start, unit, part)
    if part == "later":
        date = max(start, ref + _ONE_DAY)
        return date if date <= end else ref
    if future and date < ref <= end:
        return ref
    return date


def _resolve(e: TimeExpression, ref: dt.date | None, future: bool) -> tuple[dt.date, str] | None:
    """The date and precision an expression names, relative to ``ref``.

    ``future`` is the reading: on or after the reference instead of on or before it
    (used only when the phrase itself does not say). None when it cannot be resolved.
    """
    try:
        return _resolve_unchecked(e, ref, future)
    except (ValueError, OverflowError):  # out of the date range (year 1 or 9999)
        return None


def _resolve_unchecked(e: TimeExpression, ref: dt.date | None,
                       future: bool) -> tuple[dt.date, str] | None:
    if e.direction is not None:
        future = e.direction == "future"
    if e.kind == "date":
        assert e.month is not None and e.day is not None
        if e.year is not None:
            return (dt.date(e.year, e.month, e.day), "day") if _valid_day(e.year, e.month, e.day) else None
        if ref is None:
            return None
        if e.rel is not None:
            year = ref.year + e.rel
            return (dt.date(year, e.month, e.day), "day") if _valid_day(year, e.month, e.day) else None
        d = _month_day(ref, e.month, e.day, future)
        return None if d is None else (d, "day")
    if e.kind == "month":
        assert e.month is not None
        if e.year is not None:
            start = dt.date(e.year, e.month, 1)
            _, end = _period(start, "month")
            if ref is None:
                return _part_start(start, "month", e.part), "month"
            return _in_period(start, end, "month", e.part, ref, future), "month"
        if ref is None:
            return None
        here = (ref.year, ref.month)
        if e.unit == "year" and e.rel is not None:
            year = ref.year + e.rel  # "March last year"
        elif e.rel == -1:
            year = ref.year if (ref.year, e.month) < here else ref.year - 1
        elif e.rel == 1:
            year = ref.year if (ref.year, e.month) > here else ref.year + 1
        elif e.rel == 0:
            year = ref.year
        elif future:
            year = ref.year if (ref.year, e.month) >= here else ref.year + 1
        else:
            year = ref.year if (ref.year, e.month) <= here else ref.year - 1
        start = dt.date(year, e.month, 1)
        _, end = _period(start, "month")
        date = _in_period(start, end, "month", e.part, ref, future)
        if e.rel is None and not future and date > ref:  # "late March" said on March 10
            start = dt.date(year - 1, e.month, 1)
            date = _part_start(start, "month", e.part)
        return date, "month"
    if e.kind == "year":
        assert e.year is not None
        start = dt.date(e.year, 1, 1)
        if ref is None:
            return _part_start(start, "year", e.part), "year"
        return _in_period(start, start.replace(month=12, day=31), "year", e.part, ref, future), "year"
    if ref is None:
        return None
    if e.kind == "day":
        return ref + dt.timedelta(days=e.offset), "day"
    if e.kind == "weekday":
        assert e.weekday is not None
        if e.unit == "week":  # "on Wednesday last week"
            return _week_start(ref) + dt.timedelta(days=7 * (e.rel or 0) + e.weekday), "day"
        back = (ref.weekday() - e.weekday) % 7
        ahead = (e.weekday - ref.weekday()) % 7
        if e.strict:
            if future:
                return ref + dt.timedelta(days=ahead or 7), "day"
            return ref - dt.timedelta(days=back or 7), "day"
        if future:
            return ref + dt.timedelta(days=ahead), "day"
        return ref - dt.timedelta(days=back), "day"
    if e.kind in ("period", "weekend"):
        unit = e.unit or "week"
        rel = e.rel or 0
        if e.window:  # "the past week", "the next month"
            if rel < 0:
                if unit == "week":
                    return ref - dt.timedelta(days=7), "week"
                return (_add_months(ref, -1), "month") if unit == "month" else (_add_years(ref, -1), "year")
            return ref + _ONE_DAY, unit
        if unit == "weekend":
            saturday = _week_start(ref) + dt.timedelta(days=5 + 7 * rel)
            if rel == 0 and not future and saturday > ref:
                saturday -= dt.timedelta(days=7)  # "over the weekend", said on a weekday
            if rel == 0 and future and saturday + _ONE_DAY < ref:
                saturday += dt.timedelta(days=7)
            if future and saturday < ref:
                return ref, "week"
            return saturday, "week"
        if unit == "week":
            start = _week_start(ref) + dt.timedelta(days=7 * rel)
        elif unit == "month":
            start = _add_months(ref.replace(day=1), rel)
        else:
            start = dt.date(ref.year + rel, 1, 1)
        _, end = _period(start, unit)
        return _in_period(start, end, unit, e.part, ref, future), unit
    if e.kind == "ago":
        n = e.offset
        if e.unit == "day":
            date, precision = ref - dt.timedelta(days=n), "day"
        elif e.unit == "week":
            date, precision = ref - dt.timedelta(days=7 * n), "week"
        elif e.unit == "month":
            date, precision = _add_months(ref, -n), "month"
        else:
            date, precision = _add_years(ref, -n), "year"
        if e.vague:
            precision = PRECISIONS[min(_PRECISION_RANK[precision] + 1, len(PRECISIONS) - 1)]
        return date, precision
    return None  # pragma: no cover


def _read(e: TimeExpression, ref: dt.date | None, future: bool) -> tuple[dt.date, str, bool] | None:
    """Resolve and check the invariant: after ``ref`` only when read in the future."""
    got = _resolve(e, ref, future)
    if got is None:
        return None
    date, precision = got
    read_future = e.direction == "future" or (e.direction is None and future)
    if ref is not None and date > ref and not read_future:
        return None  # an explicit date after the story in a past-tense sentence: distrust it
    return date, precision, read_future


def _reference(reference: dt.date | EventDate | None) -> EventDate:
    if isinstance(reference, EventDate):
        return reference
    if reference is None or isinstance(reference, dt.date):
        if isinstance(reference, dt.datetime):
            reference = reference.date()
        return EventDate(reference, "day", None, "story")
    raise TypeError(f"reference must be a date, an EventDate or None, not {type(reference).__name__}")


def _fallback(ref: EventDate, future: bool) -> EventDate:
    return attrs.evolve(ref, future=future) if ref.future != future else ref


def resolve_text(text: str, reference: dt.date | EventDate | None, *, future: bool = False) -> EventDate:
    """Date a plain text (no parse): its most specific time expression, else the reference.

    ``future`` reads the expressions that do not say it themselves in the future ("on
    Monday" -> the next Monday on or after the reference). Expressions are tried from
    the most to the least precise (day, week, month, year), then in text order; a
    dateline at the start of ``text`` is ignored (see :func:`story_reference`).

    >>> resolve_text("on Sunday", dt.date(2024, 1, 8)).date
    datetime.date(2024, 1, 7)
    """
    ref = _reference(reference)
    datelines = _dateline_spans(text)
    tried: list[tuple[int, int, EventDate]] = []
    for e in scan(text):
        if _in_dateline(e, datelines):
            continue
        got = _read(e, ref.date, future)
        if got is not None:
            date, precision, fut = got
            found = EventDate(date, precision, e.text, "sentence", fut)
            tried.append((_PRECISION_RANK[precision], e.start, found))
    if tried:
        return min(tried, key=lambda t: (t[0], t[1]))[2]
    return _fallback(ref, future)


# -- the parse ---------------------------------------------------------------------------

_CLAUSE_DEPS = frozenset({"ROOT", "root", "ccomp", "advcl", "relcl", "acl", "parataxis", "csubj",
                          "csubjpass", "list"})
_GOVERNING_DEPS = frozenset({"ccomp", "conj", "parataxis"})
_NOMINAL_DEPS = frozenset({"poss", "compound", "amod", "nmod", "nummod", "appos", "npadvmod"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_VERBAL_POS = frozenset({"VERB", "AUX"})
# Heads whose xcomp is a future act ("plans to visit", "is expected to meet").
_FUTURE_FRAMES = frozenset({"plan", "intend", "schedule", "expect", "set", "due", "aim", "prepare",
                            "slate", "poise"})
_PASSIVE_ONLY_FRAMES = frozenset({"schedule", "expect", "set", "slate", "poise"})
# Verbs that commit to an act still to come: a month or date of the act itself ("agreed to
# meet again in January") is read in the future, one of the commitment ("on Monday agreed
# to meet") is not
_COMMISSIVE_FRAMES = frozenset({"agree", "decide", "promise", "pledge", "vow", "threaten", "offer",
                                "undertake", "hope", "propose", "commit", "resolve"})
_FUTURE_AMODS = frozenset({"upcoming", "planned", "scheduled", "forthcoming", "proposed", "future",
                           "expected", "coming"})


def _offsets(sent: Sentence) -> tuple[str, list[int], list[int]]:
    """The sentence text rebuilt from its tokens, with each token's character span."""
    starts: list[int] = []
    ends: list[int] = []
    parts: list[str] = []
    pos = 0
    for i, w in enumerate(sent.words):
        starts.append(pos)
        pos += len(w)
        ends.append(pos)
        parts.append(w)
        if i < len(sent.space) and sent.space[i]:
            parts.append(" ")
            pos += 1
    return "".join(parts), starts, ends


def _is_clause_root(sent: Sentence, k: int) -> bool:
    dep = sent.dep[k]
    if sent.head[k] == k or dep in ("ROOT", "root"):
        return True
    if dep == "acl" and sent.tag[k] in ("VBN", "VBG"):
        return False  # "the talks held on Monday": the participle belongs to its noun
    if dep == "conj":
        return sent.pos[k] in _VERBAL_POS
    return dep in _CLAUSE_DEPS


def _clause_chain(sent: Sentence, i: int) -> list[int]:
    """``i`` and its heads up to and including the root of its clause."""
    chain = [i]
    k = i
    for _ in range(len(sent)):
        if _is_clause_root(sent, k):
            break
        k = sent.head[k]
        if k in chain:
            break  # a cycle in a hand-built sentence
        chain.append(k)
    return chain


def _governing_roots(sent: Sentence, clause_root: int) -> list[int]:
    """Roots of the clauses that govern this one through reported speech or coordination."""
    out: list[int] = []
    k = clause_root
    for _ in range(len(sent)):
        if sent.dep[k] not in _GOVERNING_DEPS or sent.head[k] == k:
            break
        if sent.dep[k] == "conj" and sent.pos[k] not in _VERBAL_POS:
            break
        g = _clause_chain(sent, sent.head[k])[-1]
        if g in out or g == clause_root:
            break
        out.append(g)
        k = g
    return out


def _committed_act(sent: Sentence, chain: list[int]) -> set[int]:
    """The part of clause ``chain`` below a commissive verb whose ``xcomp`` it is ("meet"
    in "agreed to meet"): empty when there is none."""
    for n, k in enumerate(chain):
        if sent.dep[k] == "xcomp" and sent.head[k] != k and sent.lemma[sent.head[k]] in _COMMISSIVE_FRAMES:
            return set(chain[:n + 1])
    return set()


def _depth(sent: Sentence, i: int) -> int:
    d, k = 0, i
    while sent.head[k] != k and d <= len(sent):
        k = sent.head[k]
        d += 1
    return d


def is_future(sent: Sentence, predicate: int) -> bool:
    """True when the predicate is in the future tense.

    The predicate or a head on its way up to its clause's root has the auxiliary "will"
    or "shall" ("'ll", "won't"); or is the ``xcomp`` of a planning verb ("plans to",
    "intends to", "is scheduled to", "is expected to", "is set to", "is due to", "is
    going to", "is to"); or is a noun modified by "upcoming", "planned", "scheduled"...
    or governed by "scheduled" ("talks are scheduled for Monday"). "Would" is not the
    future: it is the future of a past statement, or a conditional.
    """
    n = len(sent)
    if not 0 <= predicate < n:
        raise IndexError(f"predicate {predicate} out of range for a sentence of {n} tokens")
    chain = _clause_chain(sent, predicate)
    for k in chain:
        for c in sent.children[k]:
            if sent.dep[c] == "aux" and sent.lemma[c] in ("will", "shall"):
                return True
            if sent.dep[c] == "amod" and sent.lemma[c] in _FUTURE_AMODS and sent.pos[k] in _NOMINAL_POS:
                return True
        if sent.lemma[k] in ("schedule", "slate") and sent.tag[k] == "VBN" and k != predicate:
            return True
        if sent.dep[k] == "xcomp" and sent.head[k] != k:
            h = sent.head[k]
            lemma = sent.lemma[h]
            if lemma == "go" and sent.tag[h] == "VBG":
                return True
            if lemma == "be" and any(sent.lower[c] == "to" for c in sent.children[k]):
                return True
            passive = sent.tag[h] in ("VBN", "JJ")
            if lemma in _FUTURE_FRAMES and (lemma not in _PASSIVE_ONLY_FRAMES or passive):
                return True
    return False


def _dateline_spans(text: str) -> list[tuple[int, int]]:
    """Datelines at the start of ``text`` or of one of its lines, as character spans."""
    out: list[tuple[int, int]] = []
    for start in [0, *(m.end() for m in re.finditer(r"\n", text))]:
        m = _match_dateline(text[start:])
        if m is not None:
            out.append((start, start + m.end()))
    return out


def _in_dateline(e: TimeExpression, spans: list[tuple[int, int]]) -> bool:
    return any(s <= e.start < end for s, end in spans)


# Prepositions of cause or topic: a time phrase on their noun dates the cause, not the act
_CAUSE_PREPS = frozenset({"over", "for", "about", "after", "following", "since", "against"})


def resolve_date(sent: Sentence, predicate: int, reference: dt.date | EventDate | None) -> EventDate:
    """The date of the event whose predicate is token ``predicate`` of ``sent``.

    ``reference`` is the story's reference date: a date (the story date) or the
    :class:`EventDate` that :func:`story_reference` returns (the dateline's date when
    the story has one). A time expression of the sentence is chosen in this order:

    1. one attached to the predicate, or to a head on its way up to the root of its
       clause ("plans to visit China next week"; "launched air strikes on Monday");
    2. one elsewhere in the same clause (not one that only modifies another noun, as
       in "condemned Monday's attack");
    3. unless the predicate is in the future: one in a clause that governs the
       predicate's by reported speech or coordination ("..., officials said on
       Monday"; "attacked X on Monday and shelled Y");

    within a step, the most precise first (day, week, month, year), then the nearest
    to the predicate. An expression that would put a past-tense event after the
    reference date is skipped. With no usable expression the event takes the
    reference (text None for the story date). With ``reference`` None only an absolute
    date ("on 3 March 2023", "in 2021") gives a date.
    """
    ref = _reference(reference)
    n = len(sent)
    if n == 0:
        return ref
    if not 0 <= predicate < n:
        raise IndexError(f"predicate {predicate} out of range for a sentence of {n} tokens")
    future = is_future(sent, predicate)
    text, starts, ends = _offsets(sent)
    exprs = scan(text)
    if not exprs:
        return _fallback(ref, future)
    datelines = _dateline_spans(text)
    chain = _clause_chain(sent, predicate)
    chain_set = set(chain)
    clause_root = chain[-1]
    governors = [] if future else _governing_roots(sent, clause_root)
    committed = _committed_act(sent, chain)
    ranked: list[tuple[int, int, int, int, EventDate]] = []
    for e in exprs:
        if _in_dateline(e, datelines):
            continue
        toks = [i for i in range(n) if starts[i] < e.end and ends[i] > e.start and sent.words[i].strip()]
        if not toks:
            continue
        if e.kind == "year" and any(sent.dep[i] == "nummod" and sent.words[i].isdigit()
                                    and not (sent.tag[sent.head[i]] == "NN" and any(
                                        sent.lower[c] == "the" for c in sent.children[sent.head[i]]))
                                    for i in toks):
            continue  # "in 2000 attacks": a count ("the 1967 war" is a year)
        tokset = set(toks)
        roots = [i for i in toks if sent.head[i] not in tokset or sent.head[i] == i]
        root = min(roots, key=lambda i: (_depth(sent, i), i))
        anchor = sent.head[root]
        if predicate in tokset or anchor in chain_set:
            step, gov = 0, 0
        else:
            anchor_chain = _clause_chain(sent, anchor)
            anchor_root = anchor_chain[-1]
            modifies_noun = (sent.dep[root] in _NOMINAL_DEPS and sent.pos[anchor] in _NOMINAL_POS
                             and sent.dep[root] != "npadvmod")
            if modifies_noun and not (e.kind == "year" and sent.dep[anchor] == "pobj"
                                      and sent.lower[sent.head[anchor]] in ("in", "during")
                                      and sent.head[sent.head[anchor]] in chain_set):
                # "Monday's attack", "the March 3 attack": that noun's date (but "captured
                # East Jerusalem in the 1967 war": the act is dated by what it was done in)
                continue
            prep = root if sent.dep[root] == "prep" else anchor if sent.dep[anchor] == "prep" else None
            noun = sent.head[prep] if prep is not None else None
            if noun is not None and sent.pos[noun] in _NOMINAL_POS and sent.dep[noun] == "pobj" \
                    and sent.lower[sent.head[noun]] in _CAUSE_PREPS and noun != predicate:
                # "ordered Iranian diplomats to leave ... over a cyberattack in July": the date
                # of what the act is over or for, not of the act ("during a cabinet meeting on
                # Thursday" is the act's)
                continue
            if any(sent.dep[k] == "acl" and sent.head[k] != predicate for k in anchor_chain):
                continue  # "crimes committed last year": the date of another noun's participle
            if anchor_root == clause_root:
                step, gov = 1, 0
            elif anchor_root in governors:
                step, gov = 2, governors.index(anchor_root)
            else:
                continue
        # (a weekday stays in the past: "threatened to attack Ukraine on Monday" dates the
        # threat as often as the attack)
        got = _read(e, ref.date, future or (anchor in committed and e.kind in ("date", "month")))
        if got is None:
            continue
        date, precision, fut = got
        ranked.append((step, gov, _PRECISION_RANK[precision], abs(root - predicate),
                       EventDate(date, precision, e.text, "sentence", fut)))
    if ranked:
        return min(ranked, key=lambda r: r[:4])[4]
    return _fallback(ref, future)


# -- datelines ---------------------------------------------------------------------------

_UPPER = r"[A-ZÀ-ÞĀ-Ž]"
_PLACE = rf"{_UPPER}[\w'’.\-]*(?:[ \t]+{_UPPER}[\w'’.\-]*){{0,3}}"
_DL_DATE = (rf"(?:(?i:(?P<dwd>{_WEEKDAY})),?[ \t]+)?"
            rf"(?:(?i:(?P<mon>{_MONTH}))[ \t]+(?P<d>{_DAY})|(?P<d2>{_DAY})[ \t]+(?i:(?P<mon2>{_MONTH})))"
            rf"(?:,?[ \t]+(?P<y>{_YEAR})\b)?"
            rf"|(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])\b"
            rf"|(?i:(?P<wd>{_WEEKDAY}))")
_DATELINE = re.compile(
    rf"[ \t\r\n]*(?:(?P<place>{_PLACE}(?:,[ \t]*{_PLACE}){{0,2}}),[ \t]*)?(?P<date>{_DL_DATE})"
    rf"(?:[ \t]*\((?P<agency>[^()\n]{{1,40}})\))?(?:[ \t]*(?P<dash>[-–—]+|:)(?=[ \t\n]))?[ \t]*")


def _match_dateline(text: str) -> re.Match[str] | None:
    m = _DATELINE.match(text)
    if m is None or not (m.group("agency") or m.group("dash")):
        return None
    if m.group("wd") and not m.group("agency"):
        return None  # "Monday - ..." alone is too weak
    return m


def _first_lines(text: str) -> Iterator[str]:
    for line in text.splitlines():
        if line.strip():
            yield line


def _latest_dateline(story_date: dt.date) -> dt.date:
    """The latest dateline date trusted for a story date."""
    try:
        return story_date + DATELINE_LEAD
    except OverflowError:
        return dt.date.max


def parse_dateline(text: str, story_date: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The date of the dateline the story begins with, and the dateline's date text.

    Recognised: ``"KABUL, Oct 3 (AP) -"``, ``"WASHINGTON, March 5 (Reuters) -"``,
    ``"Oct. 3, 2023 -"``, ``"KABUL, Afghanistan, 3 October 2023 (AFP) -"``,
    ``"MOSCOW, 2023-10-03 -"``, ``"KABUL, Monday (AP) -"``: an optional place, a date,
    then an agency in brackets and/or a dash. The dateline may follow a headline line.

    A date without a year takes the year that puts it on or before the story date (up
    to :data:`DATELINE_LEAD` after it, for time zones). A dateline with a year more than
    :data:`DATELINE_LEAD` after the story date is not trusted (the date is None, the
    text is returned). ``(None, None)`` when there is no dated
    dateline; ``(None, text)`` when it cannot be resolved (no year and no story date).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    m = None
    for k, line in enumerate(_first_lines(text)):
        m = _match_dateline(line)
        if m is not None or k >= 1:
            break
        head = line.strip()
        if len(head) > 200 or (head.endswith((".", "!", "?", ":")) and not head.endswith("..")):
            break  # a first paragraph, not a headline
    if m is None:
        return None, None
    g = m.groupdict()
    date_text = g["date"].strip()
    try:
        if g.get("iy"):
            date: dt.date | None = dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        elif g.get("wd"):
            if story_date is None:
                return None, date_text
            back = (story_date.weekday() - _WEEKDAYS[g["wd"].lower()]) % 7
            date = story_date - dt.timedelta(days=back)
        else:
            month = _month_number(g.get("mon") or g["mon2"])
            day = int(re.match(r"\d+", g.get("d") or g["d2"])[0])  # type: ignore[index]
            if g.get("y"):
                year = int(g["y"])
                date = dt.date(year, month, day) if _valid_day(year, month, day) else None
            elif story_date is None:
                return None, date_text
            else:
                latest = _latest_dateline(story_date)
                options = [dt.date(y, month, day) for y in range(latest.year, latest.year - 9, -1)
                           if _valid_day(y, month, day) and dt.date(y, month, day) <= latest]
                date = options[0] if options else None
    except (ValueError, OverflowError):
        date = None
    if date is not None and story_date is not None and date > _latest_dateline(story_date):
        date = None
    return date, date_text


def story_reference(text: str, story_date: dt.date | None) -> EventDate:
    """The reference date of a story: its dateline's date if it has one, else the story date.

    Pass the result as ``reference`` to :func:`resolve_date` for every event of the
    story; an event with no time expression of its own then takes this date, source
    and text.
    """
    date, date_text = parse_dateline(text, story_date)
    if date is not None:
        return EventDate(date, "day", date_text, "dateline")
    return EventDate(story_date, "day", None, "story")
