"""Property tests: round trips, and coding any text never raises undocumented errors."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eventcoder.dictionaries.entries import VerbPattern
from eventcoder.dictionaries.native import format_entry, read_native_text
from eventcoder.dictionaries.registry import PatternList
from eventcoder.errors import EventCoderError
from eventcoder.io import EventWriter, read_events

from .strategies import actor_entries, agent_entries, discard_entries, events, verb_patterns


def _round_trip(entry, kind):
    (back,) = read_native_text(format_entry(entry) + "\n", kind).entries
    return back


@given(actor_entries())
def test_actor_line_round_trip(entry):
    assert _round_trip(entry, "actors") == entry


@given(agent_entries())
def test_agent_line_round_trip(entry):
    assert _round_trip(entry, "agents") == entry


@given(discard_entries())
def test_discard_line_round_trip(entry):
    assert _round_trip(entry, "discards") == entry


@given(verb_patterns())
def test_verb_line_round_trip(entry):
    assert _round_trip(entry, "verbs") == entry


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(events(), max_size=5))
def test_event_parquet_event_round_trip(tmp_path, evs):
    out = tmp_path / "e.parquet"
    with EventWriter(out) as w:
        w.write(evs)
    assert read_events(out) == evs


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
NEWSISH = st.lists(st.sampled_from(
    ["Iran", "accused", "Israel", "of", "war", "crimes", "Russia", "and", "China", "not", "did",
     "attack", "urged", "to", "negotiate", "it", "he", "they", "who", "Kabul", "rejected", "the",
     "claims", "by", "police", "in", "Pakistan", ",", ".", "!", "-", "'s", "will", "visit",
     "threatened", "\n", "Check also:", "By Jane Doe", "was", "attacked", "Lavrov"]),
    max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.one_of(TEXT, NEWSISH), st.one_of(st.none(), st.dates().map(str)))
def test_coding_any_text_never_raises(test_coder, text, date):
    try:
        events_ = test_coder.code_story(text, date=date)
    except EventCoderError:
        return
    for e in events_:
        assert e.source and e.event_code


@settings(max_examples=30, deadline=None)
@given(NEWSISH)
def test_same_input_same_output(test_coder, text):
    assert test_coder.code_story(text, date="2023-01-01") == test_coder.code_story(text, date="2023-01-01")


VOCABULARY = st.sampled_from(["attack", "war", "crime", "aid", "of", "to", "with", "on", "talks"])
ELEMENT = st.one_of(VOCABULARY, st.just("+"), st.just("$"),
                    st.lists(st.lists(VOCABULARY, min_size=1, max_size=2).map("_".join),
                             min_size=2, max_size=3).map("|".join))


@given(st.lists(st.lists(ELEMENT, max_size=4), max_size=12), st.sets(VOCABULARY), st.booleans())
@example([["aid", "to", "+"], ["war|war_crime", "+"], []], {"aid", "war"}, True)
@settings(max_examples=300)
def test_pattern_index_keeps_every_fitting_pattern_in_order(elements, present, implicit):
    """A predicate's word index passes over only patterns whose words are not there."""
    patterns = sorted((VerbPattern("010", "say", tuple(e)) for e in elements), key=lambda p: -p.specificity)

    def possible(p: VerbPattern) -> bool:
        words = p.core_words if implicit else p.words
        return words <= present and not any(present.isdisjoint(a) for a in p.alternative_words)

    indexed = PatternList(patterns)
    assert [p for p in indexed.candidates(present) if possible(p)] == [p for p in patterns if possible(p)]
