"""Hypothesis strategies for eventcoder's value objects and dictionary lines."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from eventcoder.cameo import event_types
from eventcoder.dictionaries.entries import ActorEntry, AgentEntry, DiscardEntry, VerbPattern
from eventcoder.dictionaries.native import PREPOSITIONS
from eventcoder.dictionaries.phrases import phrase_key
from eventcoder.geo import Place
from eventcoder.model import DatedCode, Event

EVENT_CODES = sorted(c for c in event_types() if len(c) >= 3)
COUNTRIES = st.sampled_from(["IRN", "ISR", "USA", "RUS", "CHN", "AFG", "PSE", "---", "IGO"])
ROLES = st.sampled_from(["GOV", "MIL", "COP", "REB", "INS", "UAF", "JUD", "LEG", "MED"])

word = st.from_regex(r"[A-Za-z][a-z]{1,9}", fullmatch=True)
caps = st.from_regex(r"[A-Z]{2,5}", fullmatch=True)
phrase = st.lists(st.one_of(word, word, caps), min_size=1, max_size=4).map(" ".join)
actor_code = st.builds(lambda c, r: c + "".join(r), COUNTRIES, st.lists(ROLES, max_size=2)).filter(
    lambda c: c != "---")
dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def dated_codes(draw) -> tuple[DatedCode, ...]:
    undated = draw(st.booleans())
    bounds = sorted(set(draw(st.lists(dates, min_size=0, max_size=4))))
    codes = []
    for k in range(0, len(bounds) - 1, 2):
        codes.append(DatedCode(draw(actor_code), bounds[k], bounds[k + 1]))
    if draw(st.booleans()) and bounds and len(bounds) % 2 == 1:
        codes.append(DatedCode(draw(actor_code), bounds[-1], None))
    if undated or not codes:
        codes.append(DatedCode(draw(actor_code)))
    return tuple(codes)


@st.composite
def actor_entries(draw) -> ActorEntry:
    text = draw(phrase)
    if draw(st.integers(0, 9)) == 0:
        return ActorEntry(phrase_key(text), (), text)
    return ActorEntry(phrase_key(text), draw(dated_codes()), text, draw(st.booleans()))


@st.composite
def agent_entries(draw) -> AgentEntry:
    text = draw(phrase)
    return AgentEntry(phrase_key(text), draw(ROLES), text, draw(st.booleans()))


@st.composite
def discard_entries(draw) -> DiscardEntry:
    text = draw(phrase)
    return DiscardEntry(phrase_key(text), draw(st.sampled_from(["sentence", "story"])), text)


@st.composite
def verb_patterns(draw) -> VerbPattern:
    head = draw(word).lower()
    elements = draw(st.lists(st.one_of(word.map(str.lower), st.sampled_from(sorted(PREPOSITIONS))),
                             max_size=3))
    if draw(st.booleans()):
        elements.insert(draw(st.integers(0, len(elements))), "+")
    text = " ".join([head, *elements])
    return VerbPattern(draw(st.sampled_from(EVENT_CODES)), head, tuple(elements), "verb", text,
                       symmetric=draw(st.booleans()))


safe_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@st.composite
def places(draw) -> Place | None:
    if draw(st.booleans()):
        return None
    return Place(draw(safe_text), draw(safe_text), draw(st.sampled_from(["AFG", "UKR", "SDN"])),
                 draw(safe_text), draw(st.floats(-90, 90)), draw(st.floats(-180, 180)),
                 draw(st.sampled_from(["city", "admin1", "country"])),
                 draw(st.sampled_from(["sentence", "dateline", "story"])),
                 draw(st.one_of(st.none(), st.integers(1, 10**8))))


@st.composite
def events(draw) -> Event:
    return Event(
        story_id=draw(st.text(min_size=1, max_size=12)), sentence_index=draw(st.integers(0, 500)),
        sentence=draw(safe_text), date=draw(st.one_of(st.none(), dates)),
        source=draw(actor_code), source_text=draw(safe_text),
        target=draw(st.one_of(actor_code, st.just(""))), target_text=draw(safe_text),
        event_code=draw(st.sampled_from(EVENT_CODES)), verb_text=draw(safe_text),
        rule=draw(safe_text), verb_index=draw(st.integers(0, 300)),
        story_date=draw(st.one_of(st.none(), dates)),
        date_precision=draw(st.sampled_from(["day", "week", "month", "year"])),
        date_text=draw(st.one_of(st.none(), safe_text)), place=draw(places()))
