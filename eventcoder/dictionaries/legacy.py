"""Readers of legacy PETRARCH/TABARI-format dictionaries (docs/legacy-dictionaries.md).

Researchers already own dictionaries in the formats of PETRARCH and TABARI: a verbs file
(synsets, verb blocks, patterns), actors files (phrases with date-bounded codes), an agents
file, a discard list and an issues list. :func:`read_legacy` reads any of them into the
same entry objects the native reader produces (:class:`~.entries.ActorEntry`,
:class:`~.entries.AgentEntry`, :class:`~.entries.VerbPattern`,
:class:`~.entries.DiscardEntry`; issues into :class:`IssueEntry`), each with its
``path:line`` origin, so the engine runs on them unchanged.

What eventcoder's model cannot express (verb transformations, a target written before the
verb, null codes, ...) is dropped and counted. A malformed line is skipped in lenient mode
(the default; one :class:`LegacyDictionaryWarning` per file summarises what was skipped)
and reported, with every other bad line, as :class:`~eventcoder.errors.DictionaryErrors`
in strict mode.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from .._gc import gc_paused
from ..cameo import is_event_code
from ..errors import DictionaryError, DictionaryErrors
from ..model import DatedCode, SourceLocation, is_actor_code
from .entries import NULL_CODE, ActorEntry, AgentEntry, DiscardEntry, VerbPattern
from .native import ALTERNATIVE, PREPOSITIONS, SKIP, DictionaryFile
from .phrases import phrase_key

__all__ = [
    "LEGACY_KINDS",
    "SYNSET_LIMIT",
    "IssueEntry",
    "LegacyDictionaryWarning",
    "LegacyReport",
    "legacy_kind",
    "looks_legacy",
    "read_legacy",
    "read_legacy_report",
    "read_legacy_text",
]

LEGACY_KINDS = ("verbs", "actors", "agents", "discards", "issues")

#: Each ``&SYNSET`` in a verb pattern is one alternatives element (``a|b|c_d``) of its
#: members, one-word members first; a number keeps only that many of them (the members
#: left out are counted in the warning). ``None``, the default, keeps them all; see
#: docs/legacy-dictionaries.md.
SYNSET_LIMIT: int | None = None

#: At most this many variants of one pattern line (the product of its synsets and of
#: its ``A/B`` alternatives); the rest are counted as not generated.
LINE_VARIANT_LIMIT = 64

#: Bumped whenever the reader's output for the same input changes (part of cache keys).
READER_VERSION = "5"

# Two-digit years: 00-30 are 20YY, 31-99 are 19YY (the rule of KEDS, TABARI and PETRARCH).
YEAR_PIVOT = 30

# Words that legacy files (written in capitals) use for an acronym and that are also common
# English words: a one-word phrase of these keeps eventcoder's capitals rule ("US" matches
# "US" but never the pronoun "us"; "WHO" never matches "who").
_CAPITALS_ONLY = frozenset([
    "a", "am", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "go",
    "had", "has", "he", "her", "him", "his", "i", "if", "in", "is", "it", "its", "me", "my",
    "no", "not", "of", "on", "or", "our", "she", "so", "the", "to", "up", "us", "was", "we",
    "who", "you", "aid", "all", "man", "men", "may", "one", "new", "now", "out", "own", "per",
    "sun", "top", "war"])

# Quiet drops: faithful to the legacy meaning, so they do not trigger the warning.
_NULL_CODE = "pattern with a null code [---]: no event, as in PETRARCH"
_NULL_VERB = "verb with a null code [---] (its patterns still apply): no event of its own"
_PASSIVE_ONLY = "passive-only code [:code]: no active event code"
_NO_ISSUE_CODE = "issue phrase without [CODE]: ignored, as in PETRARCH"
_NOT_CAMEO = "event code outside CAMEO 1.1b3 (kept, as eventcoder keeps legacy codes)"
_DIGITS = re.compile(r"^\d{2,4}$")
_QUIET = frozenset({_NOT_CAMEO, _NULL_CODE, _NULL_VERB, _PASSIVE_ONLY, _NO_ISSUE_CODE})


class LegacyDictionaryWarning(UserWarning):
    """A legacy dictionary was read leniently: some lines were skipped or repaired."""


def _as_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class IssueEntry:
    """A phrase of an issues list and its issue code (``Phoenix.IssueCoding.txt``).

    ``exclude`` is ``"sentence"`` (``~phrase``) or ``"story"`` (``~~phrase``) for the
    phrases that cancel issue coding; their ``code`` is empty.
    """

    key: tuple[str, ...] = attrs.field(converter=_as_tuple)
    code: str = ""
    text: str = ""
    category: str = ""
    exclude: str | None = None
    origin: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class LegacyReport:
    """What reading one legacy file skipped, repaired and dropped, and what it produced."""

    path: str
    kind: str
    problems: tuple[DictionaryError, ...] = ()
    dropped: tuple[tuple[str, int], ...] = ()
    counts: tuple[tuple[str, int], ...] = ()
    examples: tuple[tuple[str, tuple[int, ...]], ...] = ()

    @property
    def lossy(self) -> bool:
        """True when something was skipped or lost (the lenient warning is due)."""
        return bool(self.problems) or any(r not in _QUIET for r, _ in self.dropped)

    def summary(self, limit: int = 5) -> str:
        """One paragraph: bad lines (first ``limit`` with ``path:line``) and drop counts."""
        parts = []
        if self.problems:
            n = len(self.problems)
            shown = "; ".join(f"{p.path}:{p.line}: {p.message}" for p in self.problems[:limit])
            more = f" (and {n - limit} more)" if n > limit else ""
            parts.append(f"{n} bad line{'s' if n != 1 else ''} skipped or repaired: {shown}{more}")
        examples = dict(self.examples)
        lost: list[str] = []
        faithful: list[str] = []
        for reason, count in self.dropped:
            where = ", ".join(f"{self.path}:{ln}" for ln in examples.get(reason, ())[:2])
            item = f"{reason}: {count}" + (f" (e.g. {where})" if where else "")
            (faithful if reason in _QUIET else lost).append(item)
        if lost:
            parts.append("not representable in eventcoder, dropped: " + "; ".join(lost))
        if faithful:
            parts.append("left out or kept as PETRARCH does: " + "; ".join(faithful))
        head = f"{self.path}: legacy {self.kind} dictionary read leniently"
        tail = " Use strict=True to list every bad line." if self.problems else ""
        return f"{head}: " + ". ".join(parts) + "." + tail


# --------------------------------------------------------------------------------------
# Kind detection
# --------------------------------------------------------------------------------------

_NATIVE_HEAD = re.compile(
    r"^(?:remove(?: noun)?|sentence|story|frame [a-z_]+(?: map)?|\d{2,4}(?: noun)?|"
    r"~?[A-Z0-9-]+~?(?:\s*\[[^\]]*\])?(?:\s*,\s*[A-Z0-9-]+(?:\s*\[[^\]]*\])?)*)\s*:(?:\s|$)")
_VERB_SIGNAL = re.compile(r"^(?:---+\s*[\w +-]+?\s*\[[^\]]*\]\s*-*|-\s.*\*.*\[[\d:-]*\]|&[A-Za-z_]+)\s*$")
_AGENT_SIGNAL = re.compile(r"\[\s*~\s*[A-Za-z]|[A-Za-z]\s*~\s*\]|^!\w+!\s*=")
_ISSUE_SIGNAL = re.compile(r"^</?ISSUE\b|(?:^|\s)[nv]:[a-z]", re.IGNORECASE)
_CODE_BRACKET = r"\[\s*[A-Za-z0-9/+-]{3,}(?:\s+[<>]?\s*\d[\d\s<>-]*)?\]"
_PHRASE_CHARS = r"[^\[\]\"=:{}<>|()\t]*[^\[\]\"=:{}<>|()\s][ \t]*"
_ACTOR_SIGNAL = re.compile(
    rf"^(?:\s*|{_PHRASE_CHARS}){_CODE_BRACKET}(?:\s*{_CODE_BRACKET})*\s*$")
_NAME_HINTS = (("verb", "verbs"), ("actor", "actors"), ("agent", "agents"),
               ("discard", "discards"), ("issue", "issues"))


def _sample(path: Path, size: int = 65536) -> str | None:
    try:
        with open(path, "rb") as f:
            data = f.read(size)
    except OSError:
        return None
    return data.decode("utf-8", errors="replace")


def _kind_of_text(text: str) -> tuple[str | None, bool]:
    """``(kind, native)`` from the content: a legacy kind, or ``native=True``."""
    native = legacy = 0
    scores: Counter[str] = Counter()
    bare = upper = prose = plus = 0
    for _, line in _content_lines(text):
        if line[0].isspace() and not line.lstrip().startswith("["):
            continue  # a native continuation line, or indentation of nothing legacy
        stripped = line.strip()
        _, sep, body = stripped.partition(":")
        if sep and _NATIVE_HEAD.match(stripped) and "[" not in body:
            native += 1
            continue
        legacy += 1
        if stripped[0] == "+":
            plus += 1
        if _VERB_SIGNAL.search(stripped):
            scores["verbs"] += 1
        elif _AGENT_SIGNAL.search(stripped):
            scores["agents"] += 1
        elif _ISSUE_SIGNAL.search(stripped):
            scores["issues"] += 1
        elif _ACTOR_SIGNAL.search(line):
            scores["actors"] += 1
        elif "[" not in stripped and "]" not in stripped:
            words = stripped.lstrip("+").split()
            if len(words) <= 6 and not stripped.endswith((".", ",", ":")):
                bare += 1
                upper += stripped.isupper()
            else:
                prose += 1
        if native + legacy >= 400:
            break
    if native > legacy:
        return None, True
    if not legacy:
        return None, False
    for kind in ("verbs", "issues", "agents"):
        if scores[kind]:
            return kind, False
    if scores["actors"] and scores["actors"] >= 0.3 * (legacy - plus):
        return "actors", False
    if bare and prose <= bare / 5:
        return ("discards" if upper >= bare / 2 else "discards?"), False
    return None, False


def _kind_of_name(path: Path) -> str | None:
    name = path.name.lower()
    for hint, kind in _NAME_HINTS:
        if hint in name:
            return kind
    return None


def legacy_kind(path: str | Path) -> str | None:
    """The legacy kind of a file (``verbs``, ``actors``, ``agents``, ``discards``,
    ``issues``), from its content, else from its name; ``None`` for a native file or a
    file that is no dictionary.

    Content decides: ``--- NAME [code] ---`` blocks, ``&SYNSET`` lines or ``- ... * ...``
    patterns are verbs; ``[~GOV]`` / ``[NGO~]`` codes or ``!SET! = ...`` lines agents;
    ``<ISSUE ...>`` or ``n:word`` issues; ``PHRASE [CODE]`` lines and indented
    ``[CODE date]`` lines actors; bare phrases (no codes, no ``HEAD:``) discards.
    """
    path = Path(path)
    text = _sample(path)
    if text is None:
        return None
    kind, native = _kind_of_text(text)
    if native:
        return None
    hinted = _kind_of_name(path)
    if kind == "discards?":  # short mixed-case lines: a discard list only if named so
        return "discards" if hinted == "discards" else None
    if kind == "discards" and hinted not in (None, "discards"):
        return None
    return kind


def looks_legacy(path: str | Path) -> bool:
    """True if the file is a PETRARCH/TABARI dictionary rather than a native one."""
    return legacy_kind(path) is not None


# --------------------------------------------------------------------------------------
# Lines and the report collector
# --------------------------------------------------------------------------------------

def _content_lines(text: str) -> Iterator[tuple[int, str]]:
    """``(line number, content)`` without ``#``/``;`` comments and ``<!-- -->`` blocks."""
    in_comment = False
    closer = "-->"
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            end = line.find(closer)
            if end < 0:
                continue
            line = line[end + len(closer):]
            in_comment = False
        while "<!" in line:
            start = line.find("<!")
            closer = "-->" if line.startswith("<!--", start) else ">"
            end = line.find(closer, start + 2)
            if end < 0:
                line = line[:start]
                in_comment = True
                break
            line = line[:start] + line[end + len(closer):]
        cut = line.find("#")
        if cut >= 0:
            line = line[:cut]
        cut = line.find(";")
        if cut >= 0:
            line = line[:cut]
        line = line.rstrip()
        if line.strip():
            yield number, line


class _Collector:
    """Bad lines, dropped constructs and counts of one file."""

    def __init__(self, path: str, kind: str, lines: list[str]) -> None:
        self.path = path
        self.kind = kind
        self.lines = lines
        self.problems: list[DictionaryError] = []
        self.dropped: Counter[str] = Counter()
        self.examples: dict[str, list[int]] = {}
        self.counts: Counter[str] = Counter()

    def bad(self, number: int, message: str) -> None:
        text = self.lines[number - 1].rstrip() if 0 < number <= len(self.lines) else None
        self.problems.append(DictionaryError(message, self.path, number, text))

    def drop(self, reason: str, number: int, count: int = 1) -> None:
        self.dropped[reason] += count
        ex = self.examples.setdefault(reason, [])
        if number and len(ex) < 3 and (not ex or ex[-1] != number):
            ex.append(number)

    def report(self) -> LegacyReport:
        return LegacyReport(
            self.path, self.kind, tuple(self.problems),
            tuple(sorted(self.dropped.items(), key=lambda kv: -kv[1])),
            tuple(self.counts.items()),
            tuple((k, tuple(v)) for k, v in self.examples.items()))


class _LineError(ValueError):
    """A bad line (message only; the caller adds path and line)."""


# --------------------------------------------------------------------------------------
# Phrases and codes
# --------------------------------------------------------------------------------------

_PHRASE_SPLIT = re.compile(r"[\s_]+")


_SPECIAL = re.compile("[-\u2010-\u2014',;\u2019]")


def legacy_phrase_key(text: str) -> tuple[str, ...]:
    """The phrase key of a legacy phrase: ``_`` is a space, capitals are not significant
    (legacy files are written in capitals), except for a one-word phrase that is also a
    common English word (``US``, ``WHO``), which matches only the same capitals.

    The same key as :func:`~.phrases.phrase_key` of the lowercased phrase.
    """
    words = _PHRASE_SPLIT.split(text.strip(" \t_"))
    if len(words) == 1 and words[0].isupper() and words[0].lower() in _CAPITALS_ONLY:
        return phrase_key(words[0])
    low = " ".join(words).lower()
    if _SPECIAL.search(low) is None:  # no hyphen, possessive or punctuation: as phrase_key
        return tuple([_intern(w) for w in low.split()])
    return tuple([_intern(w) for w in phrase_key(low)])


def _display(text: str) -> str:
    return " ".join(_PHRASE_SPLIT.split(text.strip(" \t_")))


_DATES: dict[str, dt.date] = {}


def _legacy_date(text: str) -> dt.date:
    got = _DATES.get(text)
    if got is not None:
        return got
    if not text.isdigit() or len(text) not in (6, 8):
        raise _LineError(f"bad date {text!r}: expected YYMMDD or YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= YEAR_PIVOT else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        got = _DATES[text] = dt.date(year, month, day)
    except ValueError as exc:
        raise _LineError(f"bad date {text!r}: {exc}") from None
    return got


_RANGE = re.compile(r"^(\d+)\s*-\s*(\d+)$")
_OPEN = re.compile(r"^([<>])\s*(\d+)$")
_BRACKETS = re.compile(r"\[([^\]]*)\]")

# (code or None for a null code, start, end, position in the entry)
_Spec = tuple[str | None, dt.date | None, dt.date | None, int]
_SPECS: dict[str, tuple[str | None, dt.date | None, dt.date | None, tuple[str, ...], bool]] = {}


def _code_spec(inner: str) -> tuple[str | None, dt.date | None, dt.date | None,
                                    tuple[str, ...], bool]:
    """``(code, start, end, messages, ok)`` of ``CODE``, ``CODE >date``, ``CODE <date``,
    ``CODE date-date`` (the inside of one ``[...]``); ``code`` is None for ``---``."""
    got = _SPECS.get(inner)
    if got is not None:
        return got
    messages: list[str] = []
    got = _code_spec_uncached(inner, messages)
    _SPECS[inner] = got
    return got


def _code_spec_uncached(inner: str, messages: list[str]) -> tuple:
    parts = inner.split(None, 1)
    if not parts:
        return None, None, None, ("empty code []",), False
    code = parts[0].upper()
    dates = parts[1].strip() if len(parts) > 1 else ""
    if "/" in code:
        first = code.split("/")[0]
        messages.append(f"compound code {parts[0]!r}: eventcoder gives a phrase one code; "
                        f"kept {first!r}")
        code = first
    if code == "---":
        out_code: str | None = None
    elif is_actor_code(code):
        out_code = code
    else:
        messages.append(f"bad actor code {parts[0]!r}: expected 3-letter blocks such as "
                        "IRN or IRNGOV, or --- for none")
        return None, None, None, tuple(messages), False
    start = end = None
    try:
        if dates:
            m = _OPEN.match(dates)
            r = _RANGE.match(dates)
            if m:
                day = _legacy_date(m[2])
                if m[1] == ">":
                    start = day
                else:
                    end = day
            elif r:
                start, end = _legacy_date(r[1]), _legacy_date(r[2])
                if start > end:
                    raise _LineError(f"date range {dates!r} ends before it starts")
            elif dates.isdigit():
                start = _legacy_date(dates)
                messages.append(f"date {dates!r} without '<', '>' or a range: read as "
                                f"'>{dates}' (from that date)")
            else:
                raise _LineError(f"bad date restriction {dates!r}: expected >DATE, <DATE "
                                 "or DATE-DATE")
    except _LineError as exc:
        messages.append(str(exc))
        return None, None, None, tuple(messages), False
    return out_code, start, end, tuple(messages), True


def _add_specs(text: str, specs: list, position: int, col: _Collector, number: int) -> int:
    """Parse every ``[...]`` of ``text`` into ``specs``; return the next position."""
    for inner in _BRACKETS.findall(text):
        code, start, end, messages, ok = _code_spec(inner)
        for message in messages:
            col.bad(number, message)
        if ok:
            specs.append(((code, start, end, position), number))
        position += 1
    return position


_MIN, _MAX = dt.date.min, dt.date.max
_ONE = dt.timedelta(days=1)


def _subtract(segments: list, start: dt.date, end: dt.date) -> list:
    out = []
    for s, e, code in segments:
        if e < start or s > end:
            out.append((s, e, code))
            continue
        if s < start:
            out.append((s, start - _ONE, code))
        if e > end:
            out.append((end + _ONE, e, code))
    return out


def _resolve_codes(specs: list[tuple[_Spec, int]], written: int, col: _Collector,
                   cache: dict) -> tuple[DatedCode, ...] | None:
    """Dated codes that never overlap, from legacy restrictions (see the docs).

    A later-starting range wins where ranges overlap (a range nested in another
    overrides it; on a day two terms share, the new one applies); a dated null code
    ``[--- date]`` leaves no code in its range, also against the undated default.
    Returns ``None`` when the entry had ``written`` codes but none of them was valid.
    """
    if not specs:
        return () if not written else None
    if len(specs) == 1:
        code, start, end, _ = specs[0][0]
        out: list[tuple[str, dt.date | None, dt.date | None]] = (
            [] if code is None else [(code, start, end)])
        return _dated_codes(out, cache)
    undated = [(sp, n) for sp, n in specs if sp[1] is None and sp[2] is None]
    dated = [(sp, n) for sp, n in specs if sp[1] is not None or sp[2] is not None]
    default = None
    if undated:
        default = undated[-1][0][0]
        if len(undated) > 1 and len({sp[0] for sp, _ in undated}) > 1:
            col.bad(undated[-1][1], "more than one undated code: the last one applies")
    segments: list = []
    for (code, start, end, _), number in sorted(
            dated, key=lambda sn: (sn[0][1] or _MIN, sn[0][3])):
        s, e = start or _MIN, end or _MAX
        for s0, e0, c0 in segments:
            if c0 != code and s0 <= e and s <= e0 and not (e0 == s and s0 < s):
                col.bad(number, "date range overlaps an earlier one by more than a day: "
                                "the later-starting range applies where they overlap")
                break
        segments = _subtract(segments, s, e)
        segments.append((s, e, code))
    segments.sort(key=lambda seg: seg[0])
    merged: list = []
    for seg in segments:  # rejoin pieces of one code that touch
        if merged and merged[-1][2] == seg[2] and (merged[-1][1] == _MAX
                                                   or merged[-1][1] + _ONE >= seg[0]):
            merged[-1] = (merged[-1][0], max(merged[-1][1], seg[1]), seg[2])
        else:
            merged.append(seg)
    out = [(c, None if s == _MIN else s, None if e == _MAX else e)
           for s, e, c in merged if c is not None]
    if default is not None:
        if any(c is None for _, _, c in merged):
            pieces = [(_MIN, _MAX, default)]
            for s, e, _c in merged:
                pieces = _subtract(pieces, s, e)
            out += [(c, None if s == _MIN else s, None if e == _MAX else e) for s, e, c in pieces]
        else:
            out.append((default, None, None))
    return _dated_codes(out, cache)


def _dated_codes(out: list, cache: dict) -> tuple[DatedCode, ...]:
    key = tuple(out)
    got = cache.get(key)
    if got is None:
        got = cache[key] = tuple(DatedCode(c, s, e) for c, s, e in out)
    return got


# --------------------------------------------------------------------------------------
# Actors
# --------------------------------------------------------------------------------------

def _is_person(codes: tuple[DatedCode, ...], head_line: str) -> bool:
    """A person, as far as a legacy file tells: an entry of the CountryInfo leader lists
    (Phoenix marks them ``# CountryInfo.txt``), or one whose codes are all dated roles
    (``[AFGGOV 331108-730717]``), as people's roles change with time and states' do not."""
    if "CountryInfo" in head_line:
        return True
    return bool(codes) and all(c.dated and len(c.code) > 3 for c in codes)


def _read_actors(text: str, col: _Collector) -> list:
    entries: list = []
    code_cache: dict = {}
    path = col.path
    phrases: list[tuple[str, int]] = []
    specs: list[tuple[_Spec, int]] = []
    n_specs = 0
    bracketed = False  # the current block has a [code], good or bad

    def flush() -> None:
        if not phrases:
            return
        codes = _resolve_codes(specs, n_specs, col, code_cache)
        if codes is None:
            col.drop("phrases whose every code is bad", phrases[0][1], len(phrases))
            return
        if not codes:
            col.counts["phrases with no code (name no actor)"] += len(phrases)
        person = _is_person(codes, col.lines[phrases[0][1] - 1])
        if person:
            col.counts["phrases of people"] += len(phrases)
        for phrase, number in phrases:
            key = legacy_phrase_key(phrase)
            if not key:
                col.bad(number, "empty phrase")
                continue
            entries.append(ActorEntry(key=key, codes=codes, text=_display(phrase), person=person,
                                      origin=SourceLocation(path, number)))

    for number, line in _content_lines(text):
        stripped = line.strip()
        if stripped[0] == "[":
            if not phrases:
                col.bad(number, "code restriction with no phrase above it")
                continue
            bracketed = True
            n_specs = _add_specs(stripped, specs, n_specs, col, number)
            if _BRACKETS.sub("", stripped).strip():
                col.bad(number, "text after the code restriction ignored")
            continue
        if stripped[0] == "+":
            if not phrases:
                col.bad(number, "synonym (+) with no phrase above it")
                continue
            phrase = stripped[1:]
            if "[" in phrase:
                col.bad(number, "code on a synonym line ignored: synonyms share the codes "
                                "of their block")
                phrase = phrase.split("[", 1)[0]
            phrase = phrase.strip()
            if not phrase:
                col.bad(number, "empty synonym")
                continue
            phrases.append((phrase, number))
            continue
        if phrases and not bracketed and number == phrases[-1][1] + 1:
            # a phrase with no code right above another phrase line is one of its
            # names ("IVO_JOSIPOVIC_" above "PRESIDENT_JOSIPOVIC_ ... [HRVGOV ...]"):
            # it shares the codes that follow
            col.counts["code-less phrases joined to the phrase below them"] += len(phrases)
        else:
            flush()
            phrases, specs, n_specs = [], [], 0
        head, bracket, rest = stripped.partition("[")
        bracketed = bool(bracket)
        phrase = head.strip()
        if not phrase:
            col.bad(number, "code with no phrase")
            continue
        phrases.append((phrase, number))
        if bracket:
            n_specs = _add_specs(bracket + rest, specs, n_specs, col, number)
    flush()
    return entries


# --------------------------------------------------------------------------------------
# Agents
# --------------------------------------------------------------------------------------

_MARKER_DEF = re.compile(r"^!(\w+)!\s*=\s*(.*)$")
_MARKER = re.compile(r"!(\w+)!")
_ROLE = re.compile(r"(?:[A-Z0-9]{3})+")


def _plural(phrase: str) -> str | None:
    """The regular plural of a phrase's last word (``None`` when it looks plural)."""
    words = [w for w in _PHRASE_SPLIT.split(phrase) if w]
    if not words:
        return None
    last = words[-1]
    up = last.upper()
    if not up[-1:].isalpha():
        return None
    if up.endswith("SS") or up.endswith(("X", "Z", "CH", "SH")):
        plural = last + ("es" if last.islower() else "ES")
    elif up.endswith("S"):
        return None  # already plural ("TROOPS", "AUTHORITIES")
    elif up.endswith("Y") and len(up) > 1 and up[-2] not in "AEIOU":
        plural = last[:-1] + ("ies" if last.islower() else "IES")
    else:
        plural = last + ("s" if last.islower() else "S")
    return " ".join([*words[:-1], plural])


def _substitute(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    m = _MARKER.search(phrase)
    if m is None:
        return [phrase]
    if m[1] not in sets:
        raise _LineError(f"substitution marker !{m[1]}! is not defined above")
    out = []
    for item in sets[m[1]]:
        out.extend(_substitute(phrase[:m.start()] + item + phrase[m.end():], sets))
    return out


def _read_agents(text: str, col: _Collector) -> list:
    entries: list = []
    sets: dict[str, list[str]] = {}
    path = col.path
    for number, line in _content_lines(text):
        stripped = line.strip()
        m = _MARKER_DEF.match(stripped)
        if m:
            sets[m[1]] = [item.strip() for item in m[2].split(",") if item.strip()]
            continue
        try:
            if "[" not in stripped or "]" not in stripped:
                raise _LineError("no [code]: an agent needs a role code such as [~GOV] or [NGO~]")
            head, _, rest = stripped.partition("[")
            code = rest.split("]", 1)[0].replace(" ", "").upper()
            if code.startswith("~"):
                role, prefix = code[1:], False
            elif code.endswith("~"):
                role, prefix = code[:-1], True
            else:
                raise _LineError(f"bad agent code [{code}]: expected [~ROLE] or [ROLE~]")
            if not _ROLE.fullmatch(role):
                raise _LineError(f"bad role code {role!r}: expected 3-letter blocks such as "
                                 "GOV or GOVMED")
            plural_text = None
            if "{" in head:
                if "}" not in head:
                    raise _LineError("missing '}'")
                phrase = head[:head.find("{")]
                plural_text = head[head.find("{") + 1:head.find("}")].strip()
                phrase = phrase + head[head.find("}") + 1:]
            else:
                phrase = head
            phrase = phrase.strip()
            if not phrase:
                raise _LineError("empty phrase")
            if "!" in phrase:
                forms = _substitute(phrase, sets)  # substituted forms: no plurals (PETRARCH)
                if plural_text:
                    forms.extend(_substitute(plural_text, sets))
            else:
                forms = [phrase]
                if plural_text is None:
                    plural = _plural(phrase)
                    if plural:
                        forms.append(plural)
                elif plural_text:
                    forms.append(plural_text)
        except _LineError as exc:
            col.bad(number, str(exc))
            continue
        origin = SourceLocation(path, number)
        for form in forms:
            key = legacy_phrase_key(form)
            if key:
                entries.append(AgentEntry(key=key, role=role, text=_display(form), prefix=prefix,
                                          origin=origin))
    return entries


# --------------------------------------------------------------------------------------
# Discards and issues
# --------------------------------------------------------------------------------------

def _read_discards(text: str, col: _Collector) -> list:
    entries: list = []
    path = col.path
    for number, line in _content_lines(text):
        stripped = line.strip()
        scope = "sentence"
        if stripped.startswith("+"):
            scope, stripped = "story", stripped[1:].strip()
        if "[" in stripped:
            col.bad(number, "a discard is a bare phrase: no [code]")
            continue
        key = legacy_phrase_key(stripped)
        if not key:
            col.bad(number, "empty discard phrase")
            continue
        entries.append(DiscardEntry(key=key, scope=scope, text=_display(stripped),
                                    origin=SourceLocation(path, number), legacy=True))
    return entries


_ISSUE_TAG = re.compile(r'^<ISSUE\b[^>]*?CATEGORY\s*=\s*"([^"]*)"', re.IGNORECASE)


def _issue_forms(target: str) -> list[str]:
    """Expand ``n:`` (noun plural), ``v:`` (verb forms) and ``+`` (space or hyphen)."""
    forms = [target]
    out = []
    while forms:
        form = forms.pop()
        low = form.lower()
        if "+" in form:
            i = form.find("+")
            forms.append(form[:i] + " " + form[i + 1:])
            forms.append(form[:i] + "-" + form[i + 1:])
        elif "n:" in low:
            i = low.find("n:")
            word, _, rest = form[i + 2:].partition(" ")
            pre = form[:i]
            plural = word[:-1] + "ies" if word[-1:].lower() == "y" else word + "s"
            forms.append(f"{pre}{word} {rest}")
            forms.append(f"{pre}{plural} {rest}")
        elif "v:" in low:
            i = low.find("v:")
            word, _, rest = form[i + 2:].partition(" ")
            pre = form[:i]
            stem = word[:-1] if word[-1:].lower() == "e" else word
            for w in (word, word + "s", stem + "ed", stem + "ing"):
                forms.append(f"{pre}{w} {rest}")
        else:
            out.append(form.strip())
    return out


def _read_issues(text: str, col: _Collector) -> list:
    entries: list = []
    category = ""
    path = col.path
    seen: set = set()
    raw_lines = col.lines
    for number, line in _content_lines(text):
        stripped = line.strip()
        raw = raw_lines[number - 1].strip()
        tag = _ISSUE_TAG.match(raw)
        if tag:
            category = tag[1]
            continue
        if raw.upper().startswith("</ISSUE"):
            category = ""
            continue
        exclude = None
        if stripped.startswith("~~"):
            exclude, target, code = "story", stripped[2:], ""
        elif stripped.startswith("~"):
            exclude, target, code = "sentence", stripped[1:], ""
        else:
            if "[" not in stripped or "]" not in stripped:
                col.drop(_NO_ISSUE_CODE, number)
                continue
            target, _, rest = stripped.partition("[")
            code = rest.split("]", 1)[0].strip()
            if not code:
                col.bad(number, "empty issue code []")
                continue
        origin = SourceLocation(path, number)
        for form in _issue_forms(target.strip()):
            key = legacy_phrase_key(form)
            if not key or (key, code, exclude) in seen:
                continue
            seen.add((key, code, exclude))
            entries.append(IssueEntry(key=key, code=code, text=_display(form), category=category,
                                      exclude=exclude, origin=origin))
    return entries


# --------------------------------------------------------------------------------------
# Verbs
# --------------------------------------------------------------------------------------

_HEADER = re.compile(r"^---+\s*(?P<name>[^\[]*?)\s*(?:\[(?P<code>[^\]]*)\])?[\s-]*$")
_VERB_LINE = re.compile(
    r"^(?P<verb>[^\s{\[]+)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?\s*$")
_PATTERN_CODE = re.compile(r"\[([^\]]*)\]\s*$")
_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
_BASE_FORMS = {
    **dict.fromkeys(["IS", "ARE", "WAS", "WERE", "BEEN", "BEING", "AM", "BE", "'S", "'RE"], "be"),
    **dict.fromkeys(["HAS", "HAD", "HAVING", "HAVE", "'VE"], "have"),
    **dict.fromkeys(["DOES", "DID", "DONE", "DOING", "DO"], "do"),
}


class _Verb:
    __slots__ = ("back", "code", "empty_braces", "front", "number", "text", "word")

    def __init__(self, word: str, front: list[str], back: list[str], code: str | None,
                 empty_braces: bool, number: int, text: str) -> None:
        self.word, self.front, self.back, self.code = word, front, back, code
        self.empty_braces, self.number, self.text = empty_braces, number, text


class _PatternError(ValueError):
    """A pattern line eventcoder cannot read or express."""

    def __init__(self, message: str, unsupported: bool = False) -> None:
        super().__init__(message)
        self.unsupported = unsupported


def _split_verb(text: str) -> tuple[str, list[str], list[str], bool]:
    """``+ASK_FOR`` -> ("ASK", [], ["FOR"]); ``WIRE_+TAP`` -> ("TAP", ["WIRE"], [])."""
    words = [w for w in text.split("_") if w]
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    ok = bool(marked) or len(words) == 1
    idx = marked[0] if marked else 0
    words = [w.lstrip("+") for w in words]
    verb, front, back = words[idx], words[:idx], words[idx + 1:]
    if "-" in verb.strip("-"):
        parts = [p for p in verb.split("-") if p]
        front, verb = [*front, *parts[:-1]], parts[-1]
    return verb, front, back, ok


def _regular_forms(word: str) -> list[str]:
    w = word
    out = []
    if w.endswith(("S", "X", "Z", "CH", "SH")):
        out.append(w + "ES")
    elif w.endswith("Y") and len(w) > 1 and w[-2] not in "AEIOU":
        out.append(w[:-1] + "IES")
    else:
        out.append(w + "S")
    if w.endswith("E"):
        out += [w + "D", w[:-1] + "ING", w + "ING"]
    elif w.endswith("Y") and len(w) > 1 and w[-2] not in "AEIOU":
        out += [w[:-1] + "IED", w + "ING"]
    else:
        out += [w + "ED", w + "ING", w + w[-1] + "ED", w + w[-1] + "ING"]
    return out


def _deinflect(word: str) -> str:
    """A guess at the base form of a verb written inflected, for ``KILLED_AND {}``."""
    for suffix in ("ING", "ED"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if stem.endswith("I") and suffix == "ED":
                return stem[:-1] + "Y"
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "LSZF":
                return stem[:-1]
            return stem
    return word


def _reciprocal_of(spec: str | None) -> tuple[str | None, bool]:
    """The reciprocal code of ``[a:b]`` (``b``: the target does it to the source), and
    whether the spec is reciprocal-only (``[:b]``: "appear before court" is the court's
    173 on the source)."""
    if spec is None or ":" not in spec:
        return None, False
    active, _, back = (x.strip() for x in spec.strip().partition(":"))
    if not back or back == "---" or not _DIGITS.match(back):
        return None, False
    return (back, True) if not active else (back, False)


def _code_of(spec: str) -> tuple[str | None, str | None]:
    """``(event code or None, drop reason)`` of ``042``, ``042:043``, ``:173``, ``---``.

    For ``:173`` the code is the reciprocal one (see :func:`_reciprocal_of`).
    """
    spec = spec.strip()
    active = spec.split(":", 1)[0].strip()
    if spec == "---" or active == "---":
        return None, _NULL_CODE
    if not active and ":" in spec:
        back = spec.split(":", 1)[1].strip()
        if back and back != "---" and _DIGITS.match(back):
            active = back
        else:
            return None, _PASSIVE_ONLY
    if not is_event_code(active):
        if not _DIGITS.match(active):
            raise _PatternError(f"bad event code {active!r}: expected CAMEO digits such as "
                                "042 or 1124")
        return active, _NOT_CAMEO
    return active, None


def _parse_nodes(tokens: list[str], pos: int, closer: str | None) -> tuple[list, int]:
    nodes: list = []
    while pos < len(tokens):
        t = tokens[pos]
        if t == closer:
            return nodes, pos + 1
        if t in (")", "}"):
            raise _PatternError(f"unbalanced {t!r}")
        if t in ("(", "{"):
            sub, pos = _parse_nodes(tokens, pos + 1, ")" if t == "(" else "}")
            nodes.append(("pp" if t == "(" else "np", sub))
            continue
        if t in ("+", "$"):
            nodes.append(("slot", t))
        elif t in ("%", "^"):
            nodes.append(("mark", t))
        elif t.startswith("&"):
            nodes.append(("syn", t[1:].rstrip("_").upper()))
        else:
            nodes.append(("word", t))
        pos += 1
    if closer is not None:
        raise _PatternError(f"missing {closer!r}")
    return nodes, pos


class _VerbContext:
    """Synsets and the expansion limits of one verbs file."""

    def __init__(self, synsets: dict[str, list[str]], synset_limit: int | None,
                 col: _Collector) -> None:
        self.synsets = synsets
        self.limit = synset_limit
        self.col = col
        self.variants: dict[str, list[tuple[str, ...]]] = {}
        self.words: dict[str, list[tuple[str, ...]]] = {}
        self.not_generated = 0
        self.active: set[str] = set()

    def word(self, token: str) -> list[tuple[str, ...]]:
        """The element tuples a pattern word stands for (``A/B`` gives two)."""
        got = self.words.get(token)
        if got is not None:
            return got
        alternatives = [a for a in token.split("/") if a.strip("_")] or [token]
        out = []
        for alt in alternatives:
            words: list[str] = []
            for piece in alt.strip("_").split("_"):
                if not piece:
                    continue
                piece = piece.lower()
                if "-" in piece.strip("-"):
                    parts = [p for p in piece.split("-") if p]
                    words.extend([p for p in parts if p not in PREPOSITIONS] or parts[:1])
                else:
                    words.append(piece)
            out.append(tuple(_intern(w) for w in words))
        self.words[token] = out
        return out

    def synset(self, name: str) -> list[tuple[str, ...]]:
        got = self.variants.get(name)
        if got is not None:
            return got
        if name not in self.synsets:
            raise _PatternError(f"synset &{name} is not defined")
        if name in self.active:
            raise _PatternError(f"synset &{name} contains itself")
        self.active.add(name)
        try:
            out: list[tuple[str, ...]] = []
            for member in self.synsets[name]:
                nodes, _ = _parse_nodes(_TOKEN.findall(member), 0, None)
                for v in self.expand(nodes, "post"):
                    if v not in out:
                        out.append(v)
        finally:
            self.active.discard(name)
        # eventcoder matches a pattern word by lemma too: "missiles" adds nothing to
        # "missile"; and one-word members first (the cap keeps the common words)
        present = set(out)
        out = [v for v in out if not _plural_of_member(v, present)]
        out.sort(key=len)
        self.variants[name] = out
        return out

    def options(self, node: tuple, where: str) -> list[tuple[str, ...]]:
        kind, value = node
        if kind == "word":
            return self.word(value)
        if kind == "slot":
            if where == "pre":
                if value == "+":
                    raise _PatternError("target (+) before the verb", unsupported=True)
                return [()]  # "$ *": the source is the subject anyway
            return [(value,)]
        if kind == "mark":
            if value == "^" and where == "post":
                return [(SKIP,)]  # "(IN ^)": the place is stepped over, not the target
            return [()]
        if kind == "syn":
            members = self.synset(value)
            if self.limit is not None and len(members) > self.limit:
                self.not_generated += len(members) - self.limit
                members = members[: self.limit]
            if len(members) < 2 or any(w in ("+", "$") for m in members for w in m):
                return members
            # one alternatives element, "military|army|armed_forces": every member is
            # kept without multiplying the patterns
            return [(_intern(ALTERNATIVE.join("_".join(m) for m in members)),)]
        if kind == "pp" and where == "pre":
            raise _PatternError("prepositional phrase before the verb", unsupported=True)
        return self.expand(value, where)

    def expand(self, nodes: list, where: str) -> list[tuple[str, ...]]:
        variants: list[tuple[str, ...]] = [()]
        for node in nodes:
            opts = self.options(node, where)
            if len(opts) == 1:
                o = opts[0]
                variants = [v + o for v in variants]
                continue
            new = [v + o for v in variants for o in opts]
            if len(new) > LINE_VARIANT_LIMIT:
                self.not_generated += len(new) - LINE_VARIANT_LIMIT
                new = new[:LINE_VARIANT_LIMIT]
            variants = new
        return variants


def _plural_of_member(v: tuple[str, ...], present: set[tuple[str, ...]]) -> bool:
    """True for ``("missiles",)`` when ``("missile",)`` is a member too."""
    if not v or not v[-1].endswith("s"):
        return False
    last = v[-1]
    singulars = [last[:-1]]
    if last.endswith("ies"):
        singulars.append(last[:-3] + "y")
    if last.endswith("es"):
        singulars.append(last[:-2])
    return any((*v[:-1], s) in present for s in singulars)


_INTERNED: dict[str, str] = {}


def _intern(word: str) -> str:
    return _INTERNED.setdefault(word, word)


def _has_source(nodes: list) -> bool:
    return any(n == ("slot", "$") or (n[0] in ("pp", "np") and _has_source(n[1])) for n in nodes)


def _pattern_variants(body: str, ctx: _VerbContext) -> list[tuple[str, ...]]:
    """The element tuples of one pattern body (the text between ``-`` and ``[code]``)."""
    if body.count("*") != 1:
        raise _PatternError("a pattern needs exactly one '*' for the verb")
    pre_text, post_text = body.split("*")
    pre, _ = _parse_nodes(_TOKEN.findall(pre_text), 0, None)
    post, _ = _parse_nodes(_TOKEN.findall(post_text), 0, None)
    if ("slot", "+") in pre and _has_source(post):
        # "- + * (FROM $)": the subject is the target and the source stands after the
        # verb, which is what a "$" after the verb means in eventcoder already
        pre = [n for n in pre if n != ("slot", "+")]
    pre_vars = ctx.expand(pre, "pre") if pre else [()]
    post_vars = ctx.expand(post, "post") if post else [()]
    out = []
    for a in pre_vars:
        hat = tuple(_intern("^" + w) for w in a)
        for b in post_vars:
            out.append(hat + b if hat else b)
    if len(out) > LINE_VARIANT_LIMIT:
        ctx.not_generated += len(out) - LINE_VARIANT_LIMIT
        out = out[:LINE_VARIANT_LIMIT]
    return out


def _read_verbs(text: str, col: _Collector, synset_limit: int | None) -> list:
    path = col.path
    synsets: dict[str, list[str]] = {}
    current_synset: list[str] | None = None
    # block name -> (verbs, patterns); patterns: (number, code, body, text)
    groups: dict[str, tuple[list[_Verb], list[tuple[int, str, str, str]]]] = {}
    block: tuple[list[_Verb], list] | None = None
    block_code: str | None = None
    block_spec: str | None = None
    verb_spec: dict[int, str | None] = {}  # line of a verb -> its code spec (or its block's)
    irregular: dict[str, str] = {}  # inflected form -> base form (from {...} lists)

    for number, line in _content_lines(text):
        stripped = line.strip()
        first = stripped[0]
        if first == "+" and current_synset is not None:
            current_synset.append(stripped[1:].strip())
            continue
        current_synset = None
        if stripped.startswith("---"):
            m = _HEADER.match(stripped)
            if not m or not m["name"].strip("- "):
                col.bad(number, "bad verb block header: expected '--- NAME [CODE] ---'")
                block = None
                continue
            block = groups.setdefault(m["name"].strip("- ").upper(), ([], []))
            block_spec = m["code"]
            try:
                block_code = _code_of(m["code"])[0] if m["code"] is not None else None
            except _PatternError as exc:
                col.bad(number, f"{exc}: the block's verbs get no code of their own")
                block_code = None
            continue
        if first == "&":
            name = stripped[1:].split()[0].rstrip("_").upper() if stripped[1:].strip() else ""
            if not name:
                col.bad(number, "synset with no name")
                continue
            current_synset = synsets.setdefault(name, [])
            continue
        if first == "~":
            col.drop("verb transformation (~): no equivalent", number)
            continue
        if first == "-":
            if block is None:
                col.bad(number, "pattern outside a verb block")
                continue
            m = _PATTERN_CODE.search(stripped)
            if not m:
                col.bad(number, "pattern has no [code] at its end")
                continue
            body = stripped[1:m.start()]
            block[1].append((number, m[1], body, stripped))
            continue
        if first == "*":
            col.bad(number, "pattern without its leading '-'")
            continue
        if block is None:
            col.bad(number, "verb outside a verb block (expected '--- NAME [CODE] ---' above)")
            continue
        m = _VERB_LINE.match(stripped)
        if not m:
            col.bad(number, "bad verb line: expected VERB {FORMS} [CODE]")
            continue
        word, front, back, ok = _split_verb(m["verb"])
        if not ok:
            col.bad(number, f"multi-word verb {m['verb']!r} without '+' on the verb: "
                            "read the first word as the verb")
        code = block_code
        verb_spec[number] = m["code"] if m["code"] is not None else block_spec
        if m["code"] is not None:
            try:
                code = _code_of(m["code"])[0]
            except _PatternError as exc:
                col.bad(number, f"{exc}: verb read with no code of its own")
                code = None
        forms = m["forms"]
        if forms:
            for form in re.split(r"[\s,]+", forms):
                if form:
                    fw = _split_verb(form)[0].upper()
                    irregular.setdefault(fw, word.upper())
        block[0].append(_Verb(word.upper(), [f.upper() for f in front], [b.upper() for b in back],
                              code, forms is not None and not forms.strip(), number, stripped))

    # lemmas: a primary verb written in an inflected form ("KILLED_AND {}", "DETERRING")
    # takes the base form that another verb line declares for it
    primaries = {v.word for verbs, _ in groups.values() for v in verbs}
    regular: dict[str, str] = {}
    for p in sorted(primaries) + sorted(n for n in groups if n.isalpha()):  # block names last
        for f in _regular_forms(p):
            regular.setdefault(f, p)

    def lemma(v: _Verb) -> str:
        word = v.word
        if word in _BASE_FORMS:
            return _BASE_FORMS[word]
        if v.empty_braces or word.endswith(("ED", "ING")):
            base = irregular.get(word) or regular.get(word)
            if base is not None and base != word:
                return base.lower()
            if v.empty_braces:
                return _deinflect(word).lower()
        return word.lower()

    ctx = _VerbContext(synsets, synset_limit, col)
    out: dict[tuple[str, tuple[str, ...]], VerbPattern] = {}
    n_verbs = n_lines = 0
    for verbs, patterns in groups.values():
        heads = []
        for v in verbs:
            head = _intern(lemma(v))
            extra = tuple(_intern("^" + w.lower()) for w in v.front) + tuple(
                _intern(w.lower()) for w in v.back)
            heads.append((head, extra))
            n_verbs += 1
            if v.code is None:
                col.drop(_NULL_VERB, v.number)
                continue
            recip, reverse = _reciprocal_of(verb_spec.get(v.number))
            out[(head, extra)] = VerbPattern(code=v.code, head=head, elements=extra, kind="verb",
                                             text=v.text, origin=SourceLocation(path, v.number),
                                             reciprocal=None if reverse else recip, reverse=reverse,
                                             any_target="+" not in extra)
        for number, code_spec, body, line_text in patterns:
            n_lines += 1
            try:
                code, reason = _code_of(code_spec)
                variants = _pattern_variants(body, ctx)
            except _PatternError as exc:
                if exc.unsupported:
                    col.drop(f"pattern with a {exc}", number)
                else:
                    col.bad(number, str(exc))
                continue
            if code is None and reason == _NULL_CODE:
                # a pattern that fits and codes no event: it keeps the verb's own code off
                code = NULL_CODE
                col.counts["pattern lines with a null code [---] (kept: they fit and code no event)"] += 1
            if code is None:
                col.drop(reason or _NULL_CODE, number)
                continue
            if reason == _NOT_CAMEO:
                col.counts["pattern lines with a code outside CAMEO (kept)"] += 1
            if "%" in body:
                col.counts["pattern lines read without their % (compound actor) marker"] += 1
            if not heads:
                col.drop("pattern of a block with no verbs (unreachable in PETRARCH too)", number)
                continue
            origin = SourceLocation(path, number)
            for elements in variants:
                if elements.count("+") > 1 or elements.count("$") > 1:
                    col.drop("pattern variant with + or $ twice", number)
                    continue
                if not [e for e in elements if e != SKIP]:
                    col.drop("pattern that adds nothing to the bare verb (only %, ^ or $)",
                             number)
                    continue
                recip, reverse = _reciprocal_of(code_spec)
                for head, extra in heads:
                    els = extra + elements if extra else elements
                    out[(head, els)] = VerbPattern(code=code, head=head, elements=els, kind="verb",
                                                   text=line_text, origin=origin,
                                                   reciprocal=None if reverse else recip,
                                                   reverse=reverse, any_target="+" not in els)
    if ctx.not_generated:
        col.drop(f"synset members and alternatives beyond the limit of "
                 f"{synset_limit} per synset (variants not generated)", 0, ctx.not_generated)
    col.counts["synsets"] = len(synsets)
    col.counts["verb blocks"] = len(groups)
    col.counts["verbs"] = n_verbs
    col.counts["pattern lines"] = n_lines
    return list(out.values())


# --------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------

def read_legacy_text(text: str, kind: str, path: str = "<string>", *, strict: bool = False,
                     synset_limit: int | None = SYNSET_LIMIT
                     ) -> tuple[DictionaryFile, LegacyReport]:
    """Parse legacy dictionary text of a known kind; return the file and its report.

    In strict mode every bad line raises, all together, as
    :class:`~eventcoder.errors.DictionaryErrors`; otherwise bad lines are skipped (or
    repaired, as the report says). No warning is issued here (see :func:`read_legacy`).
    """
    if kind not in LEGACY_KINDS:
        raise ValueError(f"unknown legacy dictionary kind {kind!r}: expected one of "
                         f"{', '.join(LEGACY_KINDS)}")
    if text.startswith("\ufeff"):
        text = text[1:]
    col = _Collector(path, kind, text.splitlines())
    with gc_paused():
        if kind == "actors":
            entries = _read_actors(text, col)
        elif kind == "agents":
            entries = _read_agents(text, col)
        elif kind == "discards":
            entries = _read_discards(text, col)
        elif kind == "issues":
            entries = _read_issues(text, col)
        else:
            entries = _read_verbs(text, col, synset_limit)
    if strict and col.problems:
        raise DictionaryErrors(col.problems)
    col.counts["entries"] = len(entries)
    return DictionaryFile(path, kind, entries), col.report()


def _read_text(path: Path) -> tuple[str, str | None]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"cannot read: {exc}", path) from None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return data.decode("latin-1"), f"not UTF-8 ({exc.reason} at byte {exc.start}): read as Latin-1"


def read_legacy_report(path: str | Path, kind: str | None = None, *, strict: bool = False,
                       synset_limit: int | None = SYNSET_LIMIT
                       ) -> tuple[DictionaryFile, LegacyReport]:
    """Like :func:`read_legacy`, but return the report instead of warning."""
    path = Path(path)
    if kind is None:
        kind = legacy_kind(path)
        if kind is None:
            raise DictionaryError(
                "cannot tell the kind of this dictionary (not a native file, and not "
                "recognisably a PETRARCH/TABARI verbs, actors, agents, discards or issues "
                "file); name it with KIND:PATH", path)
    elif kind not in LEGACY_KINDS:
        raise DictionaryError(f"unknown dictionary kind {kind!r}: expected one of "
                              f"{', '.join(LEGACY_KINDS)}", path)
    text, note = _read_text(path)
    if note and strict:
        raise DictionaryErrors([DictionaryError(note, path)])
    file, report = read_legacy_text(text, kind, str(path), strict=strict,
                                    synset_limit=synset_limit)
    if note:
        report = attrs.evolve(report, problems=(DictionaryError(note, path, 1), *report.problems))
    return file, report


def read_legacy(path: str | Path, kind: str | None = None, *, strict: bool = False,
                synset_limit: int | None = SYNSET_LIMIT) -> DictionaryFile:
    """Read a PETRARCH/TABARI dictionary file into eventcoder entries.

    ``kind`` (verbs, actors, agents, discards, issues) defaults to :func:`legacy_kind`.
    Lenient mode (the default) skips bad lines and issues one
    :class:`LegacyDictionaryWarning` per file that says how many lines were skipped,
    where the first ones are, and what was dropped; ``strict=True`` raises
    :class:`~eventcoder.errors.DictionaryErrors` listing every bad line as
    ``path:line: message``.

        >>> f = read_legacy("Phoenix.Countries.actors.txt")      # doctest: +SKIP
        >>> f.entries[0].key, f.entries[0].codes[0].code          # doctest: +SKIP
        (('afghanistan',), 'AFG')
    """
    file, report = read_legacy_report(path, kind, strict=strict, synset_limit=synset_limit)
    if report.lossy:
        warnings.warn(report.summary(), LegacyDictionaryWarning, stacklevel=2)
    return file


def _cache_token() -> str:
    return f"legacy-reader-{READER_VERSION}-synsets-{SYNSET_LIMIT}-{LINE_VARIANT_LIMIT}"


read_legacy.cache_token = _cache_token  # type: ignore[attr-defined]
