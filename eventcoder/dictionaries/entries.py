"""Dictionary entries: frozen values that carry their origin (``path:line``)."""

from __future__ import annotations

import datetime as dt

import attrs

from ..model import DatedCode, SourceLocation
from .phrases import PhraseKey

__all__ = [
    "ActorEntry",
    "AgentEntry",
    "DiscardEntry",
    "FrameMap",
    "FramePattern",
    "Removal",
    "VerbPattern",
]

KINDS = ("verbs", "actors", "agents", "discards")


def _tuple(value: object) -> tuple:
    return tuple(value)  # type: ignore[arg-type]


@attrs.frozen
class ActorEntry:
    """A named actor: a phrase and its codes, possibly bounded by dates.

    ``person`` marks people (for pronouns); an entry with no codes names nothing (a
    phrase such as "Paris Agreement" that must not code as its capital).
    """

    key: PhraseKey = attrs.field(converter=_tuple)
    codes: tuple[DatedCode, ...] = attrs.field(converter=_tuple)
    text: str = ""
    person: bool = False
    origin: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def code_on(self, date: dt.date | None) -> str | None:
        """The code that applies on ``date``: a dated code first, else the undated one.

        With no date (an undated story) the undated code, else the current one: the dated
        code with no end ("Ukraine" is ``UKR`` from 1991-12-21 on). ``None`` when no code
        applies (the phrase names the actor, but not in a role coded on that date).
        """
        if date is not None:
            for c in self.codes:
                if c.dated and c.applies(date):
                    return c.code
        for c in self.codes:
            if not c.dated:
                return c.code
        if date is None:
            current = [c for c in self.codes if c.end is None]
            if current:
                return max(current, key=lambda c: c.start or dt.date.min).code
        return None


@attrs.frozen
class AgentEntry:
    """A generic actor noun ("police", "foreign minister") and its role code.

    ``prefix`` roles go before the country (``NGO`` + ``IRN``); others after it.
    """

    key: PhraseKey = attrs.field(converter=_tuple)
    role: str = ""
    text: str = ""
    prefix: bool = False
    origin: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)


# The words a pattern reads as prepositions (opening the phrase of the next element).
PREPOSITIONS = frozenset({
    "about", "above", "across", "after", "against", "along", "alongside", "amid", "amidst", "among",
    "around", "as", "at", "before", "behind", "below", "beneath", "beside", "besides", "between",
    "beyond", "by", "despite", "during", "except", "for", "from", "in", "inside", "into", "like", "near",
    "of", "off", "on", "onto", "out", "outside", "over", "past", "per", "regarding", "since",
    "through", "throughout", "to", "toward", "towards", "under", "underneath", "until", "unto",
    "upon", "via", "with", "within", "without",
})


# The code of a verb pattern that fits but codes no event ("meet their obligations" is not
# a meeting): it takes the predicate away from less specific patterns.
NULL_CODE = "---"


# the words of each elements tuple, shared by the patterns that have it (the verbs of one
# legacy block share their pattern lines)
_PATTERN_WORDS: dict[tuple[str, ...],
                     tuple[frozenset[str], frozenset[str], tuple[frozenset[str], ...], int]] = {}


@attrs.frozen
class VerbPattern:
    """An event predicate: a verb (or noun) and the words around it that must be there.

    ``elements`` are the pattern's words after the predicate lemma(s): ``+`` marks the
    target, ``$`` the source, other words must be found as particles, prepositions or
    words of the object; see docs/dictionaries.md.
    """

    code: str
    head: str
    elements: tuple[str, ...] = attrs.field(converter=_tuple)
    kind: str = "verb"  # "verb" or "noun"
    text: str = ""
    origin: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)
    symmetric: bool = False  # "meet", "clash with +": coded in both directions
    # "arrive in +" 042/043: the target also does ``reciprocal`` to the source (it hosts);
    # ``reverse``: the pattern's code is done by the target to the source only ("appear
    # before court" /173: the court charges the one who appears)
    reciprocal: str | None = None
    reverse: bool = False
    # legacy (PETRARCH) patterns without "+" take the first actor of any prepositional
    # phrase after the verb as the target, place phrases included ("fired shells at Seoul")
    any_target: bool = False
    # The words that must all occur under the predicate for the pattern to fit: a cheap
    # test before the full match (alternatives, "a|b", are left to the match).
    words: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    # the words without a last "prep +", which a framed act may leave unsaid
    core_words: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    # for each alternatives element, every word of it: one of them must occur too
    alternative_words: tuple[frozenset[str], ...] = attrs.field(init=False, eq=False, repr=False)
    # how many elements say what must be there (not "+", "$", skips): more is more specific
    specificity: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        got = _PATTERN_WORDS.get(self.elements)
        if got is None:
            words = frozenset(e.lstrip("^") for e in self.elements
                              if e not in ("+", "$", "<act>", "<skip>") and "|" not in e)
            core = words
            if len(self.elements) >= 2 and self.elements[-1] == "+" and self.elements[-2] not in {
                    e.lstrip("^") for e in self.elements[:-2]}:
                core = words - {self.elements[-2]}  # "send aid to +": the "to" may go unsaid
            alts = tuple(frozenset(w for a in e.lstrip("^").split("|") for w in a.split("_") if w)
                         for e in self.elements if "|" in e)
            specificity = sum(1 for e in self.elements if e not in ("+", "$", "<skip>"))
            got = _PATTERN_WORDS[self.elements] = (words, core, alts, specificity)
        object.__setattr__(self, "words", got[0])
        object.__setattr__(self, "core_words", got[1])
        object.__setattr__(self, "alternative_words", got[2])
        object.__setattr__(self, "specificity", got[3])


@attrs.frozen
class FramePattern:
    """A verb that frames another predicate: "plan to <act>", "urge + to <act>"."""

    frame: str
    head: str
    elements: tuple[str, ...] = attrs.field(converter=_tuple)
    text: str = ""
    origin: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class FrameMap:
    """How a frame turns the code of its framed act into its own code.

    ``mapping`` pairs a code prefix with the code to give; the longest prefix wins;
    ``default`` applies when no prefix does (or when the framed act is not coded).
    """

    frame: str
    mapping: tuple[tuple[str, str], ...] = attrs.field(converter=_tuple)
    default: str | None = None
    origin: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def code_for(self, act_code: str | None) -> str | None:
        if act_code is not None:
            best = None
            for prefix, code in self.mapping:
                if act_code.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
                    best = (prefix, code)
            if best is not None:
                return best[1]
        return self.default


@attrs.frozen
class DiscardEntry:
    """A phrase that drops the sentence (or the whole story) it occurs in."""

    key: PhraseKey = attrs.field(converter=_tuple)
    scope: str = "sentence"  # "sentence" or "story"
    text: str = ""
    origin: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)
    # read from a PETRARCH/TABARI file: it drops its sentence wherever it stands, as
    # PETRARCH's does (a native one not inside a phrase that only says when)
    legacy: bool = attrs.field(default=False, eq=False)


@attrs.frozen
class Removal:
    """A researcher's line that removes an entry of an earlier layer."""

    kind: str
    key: tuple = attrs.field(converter=_tuple)
    text: str = ""
    origin: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)
