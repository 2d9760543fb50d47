"""Reader and writer of eventcoder's native dictionary format (docs/dictionaries.md).

One logical entry per line, ``HEAD: item; item; ...``; a line that starts with
white space continues the entry above; ``#`` starts a comment. The kind of a file
comes from its name: ``*.verbs.txt``, ``*.actors.txt``, ``*.agents.txt``,
``*.discards.txt``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from ..cameo import is_event_code
from ..errors import DictionaryError, DictionaryErrors
from ..model import DatedCode, SourceLocation, is_actor_code
from .entries import (
    NULL_CODE,
    PREPOSITIONS,
    ActorEntry,
    AgentEntry,
    DiscardEntry,
    FrameMap,
    FramePattern,
    Removal,
    VerbPattern,
)
from .phrases import phrase_key

__all__ = [
    "DictionaryFile",
    "expand_pattern",
    "format_entry",
    "kind_of_path",
    "parse_pattern",
    "read_native",
    "read_native_text",
]

NATIVE_SUFFIXES = {f".{k}.txt": k for k in ("verbs", "actors", "agents", "discards")}

_CODE_SPEC = re.compile(
    r"^\s*(?P<code>[A-Z0-9-]+)\s*(?:\[\s*(?P<start>[0-9-]*)\s*\.\.\s*(?P<end>[0-9-]*)\s*\])?\s*$"
)
_FRAME_NAME = re.compile(r"^[a-z][a-z_]*$")
_SLOTS = {"+", "$"}
ACT = "<act>"
# A noun phrase a pattern steps over: it is not the target ("talks in <skip> with +").
SKIP = "<skip>"
# A pattern word with "|" is a set of alternatives, any one of which will do; "_" joins
# the words of one alternative: "missile|rocket|cruise_missile".
ALTERNATIVE = "|"


def _to_tuple(items: Iterable[object]) -> tuple:
    return tuple(items)


@attrs.frozen
class DictionaryFile:
    """The entries of one dictionary file, in file order."""

    path: str
    kind: str
    entries: tuple = attrs.field(converter=_to_tuple)
    removals: tuple = attrs.field(converter=_to_tuple, default=())


def kind_of_path(path: str | Path) -> str | None:
    """The native kind a file name declares, or ``None``."""
    name = Path(path).name.lower()
    for suffix, kind in NATIVE_SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    return None


def _logical_lines(text: str) -> Iterator[tuple[int, str, str]]:
    """Yield ``(first line number, joined content, first physical line)``."""
    current: list[str] = []
    start = 0
    first = ""
    for number, raw in enumerate(text.splitlines(), 1):
        content = raw.split("#", 1)[0].rstrip()
        if not content.strip():
            continue
        if content[0].isspace() and current:
            current.append(content.strip())
            continue
        if current:
            yield start, _join(current), first
        current, start, first = [content.strip()], number, raw.rstrip()
    if current:
        yield start, _join(current), first


def _join(parts: list[str]) -> str:
    """Join a wrapped entry: a line break is a space (end the line with ``;`` to end
    an item there)."""
    return " ".join(parts)


def _items(body: str) -> list[str]:
    return [item.strip() for item in body.split(";") if item.strip()]


def _date(text: str) -> dt.date | None:
    if not text:
        return None
    return dt.date.fromisoformat(text)


def parse_codes(spec: str) -> tuple[DatedCode, ...]:
    """Parse ``CODE [FROM..TO], CODE`` into dated codes (``ValueError`` if bad)."""
    codes = []
    for part in spec.split(","):
        m = _CODE_SPEC.match(part)
        if not m:
            raise ValueError(f"bad actor code {part.strip()!r}: "
                             "expected CODE or CODE [YYYY-MM-DD..YYYY-MM-DD]")
        code = m["code"]
        if not is_actor_code(code):
            raise ValueError(f"bad actor code {code!r}: expected 3-letter blocks such as IRN or IRNGOV")
        try:
            start, end = _date(m["start"] or ""), _date(m["end"] or "")
        except ValueError as exc:
            raise ValueError(f"bad date in {part.strip()!r}: {exc}") from None
        codes.append(DatedCode(code, start, end))
    undated = [c for c in codes if not c.dated]
    if len(undated) > 1:
        raise ValueError("more than one undated code: at most one code applies on any date")
    dated = sorted((c for c in codes if c.dated), key=lambda c: c.start or dt.date.min)
    for a, b in itertools.pairwise(dated):
        if a.end is None or (b.start is not None and b.start <= a.end):
            raise ValueError(f"date ranges of {a.code} and {b.code} overlap")
    return tuple(codes)


_SET_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


def expand_pattern(text: str, sets: dict[str, str] | None = None, noun: bool = False) -> list[str]:
    """The patterns one verb-file item stands for.

    ``&NAME`` is replaced by the word set ``NAME`` of the file (``set NAME: ...``), as
    one alternatives element. A first word (the verb) or a preposition with alternatives
    ("send|deliver aid to|for +") is expanded here into one pattern per choice, since
    patterns are found by their verb and matched by their prepositions; the other
    alternatives stay one element, matched in the sentence. In a noun pattern (``noun``)
    the head noun, the last word before the first slot or preposition, is expanded too
    ("air strike|raid on + by $"), since noun patterns are found by their head.
    """
    words = text.split()
    if sets is not None:
        for k, w in enumerate(words):
            if "&" not in w:
                continue
            parts = []
            for part in w.split(ALTERNATIVE):  # "&ENERGY|&GOODS|grain": sets among alternatives
                if part.startswith("&"):
                    if part[1:] not in sets:
                        raise ValueError(f"unknown word set {part!r}: define it above with "
                                         f"'set {part[1:]}: ...'")
                    parts.append(sets[part[1:]])
                else:
                    parts.append(part)
            words[k] = ALTERNATIVE.join(parts)
    head = 0
    if noun:
        while head + 1 < len(words) and words[head + 1] not in _SLOTS and words[head + 1] != ACT \
                and not all(a.lower() in PREPOSITIONS for a in words[head + 1].split(ALTERNATIVE)):
            head += 1
    choices: list[list[str]] = []
    for k, w in enumerate(words):
        alts = w.split(ALTERNATIVE) if ALTERNATIVE in w else [w]
        if len(alts) > 1 and (k == 0 or k == head or all(a.lower() in PREPOSITIONS for a in alts)):
            if any(not a or "_" in a for a in alts):
                raise ValueError(f"bad alternatives {w!r}: a verb or preposition choice is one word each")
            choices.append(alts)
        else:
            choices.append([w])
    return [" ".join(combo) for combo in itertools.product(*choices)]


def parse_pattern(text: str, kind: str = "verb") -> tuple[str, tuple[str, ...]]:
    """Split a pattern into its head lemma and its elements (``ValueError`` if bad).

    For a noun pattern, words before the head noun become ``^word`` elements
    (modifiers that must stand before it).
    """
    words = [w.lower() if w not in _SLOTS and w != ACT else w for w in text.split()]
    if not words:
        raise ValueError("empty pattern")
    if words[0] in _SLOTS or words[0] == ACT:
        raise ValueError(f"pattern {text!r} must start with a word")
    if kind == "noun":
        lead = 0
        while lead < len(words) and words[lead] not in _SLOTS and words[lead] not in PREPOSITIONS:
            lead += 1
        head = words[lead - 1]
        elements = tuple("^" + w for w in words[: lead - 1]) + tuple(words[lead:])
    else:
        head, elements = words[0], tuple(words[1:])
    for slot in _SLOTS:
        if elements.count(slot) > 1:
            raise ValueError(f"pattern {text!r} has {slot!r} more than once")
    return head, elements


def _parse_line(kind: str, head: str, body: str, loc: SourceLocation,
                line_text: str, sets: dict[str, str] | None = None) -> list:
    items = _items(body)
    if not items:
        raise ValueError("nothing after the colon")
    head_words = head.split()
    if kind == "verbs" and head_words[0] == "set":
        if len(head_words) != 2 or not _SET_NAME.match(head_words[1]):
            raise ValueError("bad set line: expected 'set NAME: word; word; two words' "
                             "(NAME in capitals)")
        if sets is None:
            raise ValueError("word sets are defined in verb files")
        members = [i.lower().replace(" ", "_") for i in items]
        if any(ALTERNATIVE in m or m.startswith("&") for m in members):
            raise ValueError("a set's members are words or phrases, not alternatives or sets")
        sets[head_words[1]] = ALTERNATIVE.join(members)
        return []
    if kind == "verbs" and head_words[0] != "remove":
        items = [p for item in items for p in expand_pattern(item, sets, noun="noun" in head_words[1:])]
    if head_words[0] == "remove":
        sub = head_words[1] if len(head_words) > 1 else None
        keys = []
        for item in items:
            if kind == "verbs":
                vkind = "noun" if sub == "noun" else "verb"
                keys.append(Removal(kind, (vkind, *parse_pattern(item, vkind)), item, loc))
            else:
                keys.append(Removal(kind, phrase_key(item), item, loc))
        return keys
    if kind == "actors":
        if head_words == ["null"]:
            return [ActorEntry(phrase_key(p), (), p, False, loc) for p in items]
        person = head_words[0] == "person"
        codes = parse_codes(head.split(None, 1)[1] if person and len(head_words) > 1 else head)
        return [ActorEntry(phrase_key(p), codes, p, person, loc) for p in items]
    if kind == "agents":
        role = head.strip()
        prefix = role.endswith("~")
        role = role.rstrip("~").lstrip("~")
        if not re.fullmatch(r"(?:[A-Z0-9]{3})+", role):
            raise ValueError(f"bad role code {role!r}: expected 3-letter blocks such as GOV or GOVMED")
        return [AgentEntry(_agent_key(p), role, p, prefix, loc) for p in _expand_plurals(items)]
    if kind == "discards":
        scope = head.strip()
        if scope not in ("sentence", "story"):
            raise ValueError(f"bad discard scope {scope!r}: expected 'sentence' or 'story'")
        return [DiscardEntry(phrase_key(p), scope, p, loc) for p in items]
    # verbs
    if head_words[0] == "frame":
        if len(head_words) == 3 and head_words[2] == "map":
            name = head_words[1]
            mapping, default = [], None
            for pair in body.replace(";", " ").split():
                if "=" not in pair:
                    raise ValueError(f"bad map item {pair!r}: expected PREFIX=CODE or *=CODE")
                key, code = pair.split("=", 1)
                if not is_event_code(code):
                    raise ValueError(f"unknown CAMEO event code {code!r}")
                if key == "*":
                    default = code
                elif key.isdigit():
                    mapping.append((key, code))
                else:
                    raise ValueError(f"bad map key {key!r}: expected digits or *")
            return [FrameMap(name, mapping, default, loc)]
        if len(head_words) != 2 or not _FRAME_NAME.match(head_words[1]):
            raise ValueError("bad frame line: expected 'frame NAME:' or 'frame NAME map:'")
        frames: list[FramePattern] = []
        for item in items:
            h, elements = parse_pattern(item)
            if elements.count(ACT) != 1:
                raise ValueError(f"frame pattern {item!r} needs exactly one {ACT}")
            frames.append(FramePattern(head_words[1], h, elements, item, loc))
        return frames
    code, _, back = head_words[0].partition("/")
    reciprocal = reverse = None
    if "/" in head_words[0]:
        if not back or not is_event_code(back):
            raise ValueError(f"bad reciprocal code {back!r}: expected CODE/CODE or /CODE")
        if code:
            reciprocal = back
        else:
            code, reverse = back, True
    flags = set(head_words[1:])
    if not flags <= {"noun", "symmetric"} or len(flags) != len(head_words) - 1:
        raise ValueError(f"bad verb line head {head!r}: expected CODE, CODE noun, CODE symmetric "
                         "or frame NAME")
    vkind = "noun" if "noun" in flags else "verb"
    if code == NULL_CODE:
        if reciprocal or reverse or "symmetric" in flags:
            raise ValueError("a null pattern (---) codes no event: no reciprocal, reverse or symmetric")
    elif not is_event_code(code):
        raise ValueError(f"unknown CAMEO event code {code!r}")
    out = []
    for item in items:
        h, elements = parse_pattern(item, vkind)
        if ACT in elements:
            raise ValueError(f"{ACT} belongs in frame lines only: {item!r}")
        out.append(VerbPattern(code, h, elements, vkind, item, loc, "symmetric" in flags,
                               reciprocal, bool(reverse)))
    return out


def _expand_plurals(items: list[str]) -> list[str]:
    """``official(s)`` -> ``official``, ``officials``; anywhere in a phrase:
    ``chamber(s) of commerce`` -> ``chamber of commerce``, ``chambers of commerce``."""
    out = []
    for item in items:
        m = re.search(r"\((\w+)\)", item)
        if m:
            out.append(item[:m.start()] + item[m.end():])
            out.append(item[:m.start()] + m[1] + item[m.end():])
        else:
            out.append(item)
    return out


def _agent_key(text: str) -> tuple[str, ...]:
    return phrase_key(text)


def read_native_text(text: str, kind: str, path: str = "<string>") -> DictionaryFile:
    """Parse native dictionary text; every bad line is reported at once."""
    if kind not in ("verbs", "actors", "agents", "discards"):
        raise ValueError(f"unknown dictionary kind {kind!r}")
    entries: list = []
    removals: list[Removal] = []
    errors: list[DictionaryError] = []
    sets: dict[str, str] = {}  # the word sets of a verb file, by name
    for number, content, first in _logical_lines(text):
        loc = SourceLocation(path, number)
        head, sep, body = content.partition(":")
        if not sep:
            errors.append(DictionaryError("expected 'HEAD: item; item; ...'", path, number, first))
            continue
        try:
            for item in _parse_line(kind, head.strip(), body, loc, first, sets):
                (removals if isinstance(item, Removal) else entries).append(item)
        except ValueError as exc:
            errors.append(DictionaryError(str(exc), path, number, first))
    if errors:
        raise DictionaryErrors(errors)
    return DictionaryFile(path, kind, entries, removals)


def read_native(path: str | Path, kind: str | None = None) -> DictionaryFile:
    """Read one native dictionary file; its kind comes from its name unless given."""
    kind = kind or kind_of_path(path)
    if kind is None:
        raise DictionaryError(
            "cannot tell the dictionary kind from the name; use NAME.verbs.txt, .actors.txt, "
            ".agents.txt or .discards.txt, or KIND:PATH", path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"cannot read: {exc}", path) from None
    return read_native_text(text, kind, str(path))


def format_entry(entry: object) -> str:
    """One native line for an entry (used by round-trip tests and tools)."""
    if isinstance(entry, ActorEntry):
        if not entry.codes:
            return f"null: {entry.text}"
        codes = ", ".join(
            c.code if not c.dated else
            f"{c.code} [{c.start.isoformat() if c.start else ''}..{c.end.isoformat() if c.end else ''}]"
            for c in entry.codes)
        return f"{'person ' if entry.person else ''}{codes}: {entry.text}"
    if isinstance(entry, AgentEntry):
        return f"{entry.role}{'~' if entry.prefix else ''}: {entry.text}"
    if isinstance(entry, DiscardEntry):
        return f"{entry.scope}: {entry.text}"
    if isinstance(entry, VerbPattern):
        flags = (" noun" if entry.kind == "noun" else "") + (" symmetric" if entry.symmetric else "")
        code = f"/{entry.code}" if entry.reverse else (
            f"{entry.code}/{entry.reciprocal}" if entry.reciprocal else entry.code)
        return f"{code}{flags}: {entry.text}"
    if isinstance(entry, FramePattern):
        return f"frame {entry.frame}: {entry.text}"
    if isinstance(entry, FrameMap):
        items = [f"{k}={v}" for k, v in entry.mapping]
        if entry.default:
            items.append(f"*={entry.default}")
        return f"frame {entry.frame} map: {' '.join(items)}"
    raise TypeError(f"not a dictionary entry: {entry!r}")
