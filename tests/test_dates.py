"""Event dates: time expressions, datelines, tense and the dependency tree (eventcoder.dates)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.dates import (
    DATELINE_LEAD,
    EventDate,
    find_time_expressions,
    is_future,
    parse_dateline,
    resolve_date,
    resolve_text,
    scan,
    story_reference,
)
from eventcoder.parse import Parser, Sentence
from eventcoder.text import clean_text

GOLDEN = Path(__file__).resolve().parent / "data" / "golden_dates.jsonl"

D = dt.date
MON = D(2024, 3, 4)  # a Monday
WED = D(2024, 5, 15)  # a Wednesday


@pytest.fixture(scope="module")
def parser(nlp):
    """The real parser, on the session's spaCy model (loaded once per test run)."""
    return Parser(nlp)


def sentence_with(parser: Parser, text: str, word: str) -> tuple[Sentence, int]:
    """The first parsed sentence of ``text`` that has ``word``, and the word's index."""
    for sent in parser.parse(clean_text(text)):
        if word in sent.words:
            return sent, sent.words.index(word)
    raise AssertionError(f"{word!r} not in the parse of {text!r}")


def date_of(parser: Parser, text: str, word: str, reference: dt.date | EventDate | None) -> EventDate:
    sent, i = sentence_with(parser, text, word)
    return resolve_date(sent, i, reference)


# -- finding expressions (no parse) --------------------------------------------------------

FOUND = [
    ("Russia attacked Kyiv on Monday.", ["on Monday"]),
    ("They met yesterday and again today.", ["yesterday", "today"]),
    ("Clashes erupted last week.", ["last week"]),
    ("Israel captured the city in the 1967 war.", ["in the 1967"]),
    ("The accord was signed on March 3.", ["on March 3"]),
    ("The accord was signed on 3 March 2023.", ["on 3 March 2023"]),
    ("The accord was signed on the 3rd of March.", ["on the 3rd of March"]),
    ("The accord was signed March 3rd, 2023, in Doha.", ["March 3rd, 2023"]),
    ("It happened in 2021.", ["in 2021"]),
    ("Talks took place earlier this month.", ["earlier this month"]),
    ("Talks took place last month.", ["last month"]),
    ("Talks took place this week.", ["this week"]),
    ("He will speak tonight.", ["tonight"]),
    ("Shelling resumed on Friday night.", ["on Friday night"]),
    ("Troops withdrew two days ago.", ["two days ago"]),
    ("Troops withdrew a few days ago.", ["a few days ago"]),
    ("Ministers met on Tuesday morning.", ["on Tuesday morning"]),
    ("Prices rose late last year.", ["late last year"]),
    ("They will meet next week.", ["next week"]),
    ("They met on Wednesday last week.", ["on Wednesday last week"]),
    ("They met on Monday, March 4.", ["on Monday, March 4"]),
    ("Police made arrests Saturday.", ["Saturday"]),
    ("Iran condemned Monday's attack.", ["Monday"]),
    ("The vote is in mid-March 2021.", ["in mid-March 2021"]),
    ("They agreed in March last year.", ["in March last year"]),
    ("They protested over the weekend.", ["over the weekend"]),
    ("Sept. 11, 2001 changed everything.", ["Sept. 11, 2001"]),
    ("The file is dated 2023-05-06.", ["2023-05-06"]),
    ("Attacks rose during the past week.", ["the past week"]),
    ("They met the day before yesterday.", ["the day before yesterday"]),
    ("They will meet this coming Monday.", ["this coming Monday"]),
    ("The election was in May.", ["in May"]),
    ("RUSSIA ATTACKED KYIV ON MONDAY", ["ON MONDAY"]),
    ("Talks opened in Kabul. Today, officials met.", ["Today"]),
]

NOT_FOUND = [
    "Fighting has continued since Monday.",
    "The ceasefire holds until March 3.",
    "Troops must leave by 2025.",
    "Talks ran between 2019 and 2021.",
    "The strike ended before Friday.",
    "Parties reaffirmed the Good Friday Agreement.",
    "The Sunday Times reported the deal.",
    "USA Today reported the deal.",
    "Marchers may march in the March heat.",
    "Theresa May said it may rain.",
    "Israeli troops killed militants in 2000 attacks.",
    "Israeli troops killed militants in the 2000 attacks.",
    "Two days of talks ended.",
    "Troops held the town for three weeks.",
    "They met in the 1990s.",
    "Talks had failed the previous week.",
    "Talks resumed the following Monday.",
    "Russia shelled Kherson overnight.",
    "",
]


@pytest.mark.parametrize(("text", "phrases"), FOUND, ids=[t for t, _ in FOUND])
def test_finds_each_expression_type(text, phrases):
    found = find_time_expressions(text)
    assert [f[2] for f in found] == phrases
    for start, end, phrase in found:
        assert text[start:end] == phrase


@pytest.mark.parametrize("text", NOT_FOUND)
def test_bounds_ranges_names_and_counts_are_not_dates(text):
    assert find_time_expressions(text) == []


def test_scan_gives_the_meaning():
    (e,) = scan("on 3 March 2023")
    assert (e.kind, e.year, e.month, e.day, e.absolute) == ("date", 2023, 3, 3, True)
    (e,) = scan("next week")
    assert (e.kind, e.unit, e.rel, e.direction) == ("period", "week", 1, "future")
    (e,) = scan("two days ago")
    assert (e.kind, e.offset, e.unit, e.direction) == ("ago", 2, "day", "past")


# -- date arithmetic (no parse) ------------------------------------------------------------

ARITHMETIC = [
    # phrase, reference, future, expected date, precision
    ("on Monday", MON, False, D(2024, 3, 4), "day"),
    ("on Sunday", MON, False, D(2024, 3, 3), "day"),
    ("on Tuesday", MON, False, D(2024, 2, 27), "day"),
    ("on Monday", MON, True, D(2024, 3, 4), "day"),
    ("on Tuesday", MON, True, D(2024, 3, 5), "day"),
    ("on Sunday", MON, True, D(2024, 3, 10), "day"),
    ("last Monday", MON, False, D(2024, 2, 26), "day"),
    ("next Monday", MON, False, D(2024, 3, 11), "day"),
    ("this coming Friday", MON, False, D(2024, 3, 8), "day"),
    ("on Friday night", WED, False, D(2024, 5, 10), "day"),
    ("on Wednesday last week", WED, False, D(2024, 5, 8), "day"),
    ("on Tuesday next week", WED, False, D(2024, 5, 21), "day"),
    ("yesterday", MON, False, D(2024, 3, 3), "day"),
    ("today", MON, False, MON, "day"),
    ("tonight", MON, False, MON, "day"),
    ("last night", MON, False, D(2024, 3, 3), "day"),
    ("tomorrow", MON, False, D(2024, 3, 5), "day"),
    ("the day before yesterday", MON, False, D(2024, 3, 2), "day"),
    ("two days ago", MON, False, D(2024, 3, 2), "day"),
    ("3 days ago", MON, False, D(2024, 3, 1), "day"),
    ("a few days ago", MON, False, D(2024, 3, 1), "week"),
    ("two weeks ago", MON, False, D(2024, 2, 19), "week"),
    ("three months ago", D(2024, 5, 31), False, D(2024, 2, 29), "month"),
    ("a year ago", D(2024, 2, 29), False, D(2023, 2, 28), "year"),
    ("last week", MON, False, D(2024, 2, 26), "week"),
    ("last week", D(2024, 3, 10), False, D(2024, 2, 26), "week"),
    ("this week", WED, False, D(2024, 5, 13), "week"),
    ("this week", WED, True, WED, "week"),
    ("earlier this week", WED, False, D(2024, 5, 13), "week"),
    ("later this week", WED, False, D(2024, 5, 16), "week"),
    ("next week", WED, False, D(2024, 5, 20), "week"),
    ("the past week", WED, False, D(2024, 5, 8), "week"),
    ("over the weekend", MON, False, D(2024, 3, 2), "week"),
    ("this weekend", WED, True, D(2024, 5, 18), "week"),
    ("last month", D(2024, 1, 15), False, D(2023, 12, 1), "month"),
    ("earlier this month", WED, False, D(2024, 5, 1), "month"),
    ("late last month", WED, False, D(2024, 4, 21), "month"),
    ("next month", D(2023, 12, 5), False, D(2024, 1, 1), "month"),
    ("last year", WED, False, D(2023, 1, 1), "year"),
    ("late last year", WED, False, D(2023, 9, 1), "year"),
    ("earlier this year", WED, False, D(2024, 1, 1), "year"),
    ("next year", WED, False, D(2025, 1, 1), "year"),
    ("in 2021", WED, False, D(2021, 1, 1), "year"),
    ("in early 2021", WED, False, D(2021, 1, 1), "year"),
    ("in 2024", WED, True, WED, "year"),
    ("in March", WED, False, D(2024, 3, 1), "month"),
    ("in June", WED, False, D(2023, 6, 1), "month"),
    ("in June", WED, True, D(2024, 6, 1), "month"),
    ("last May", WED, False, D(2023, 5, 1), "month"),
    ("last April", WED, False, D(2024, 4, 1), "month"),
    ("in late March", WED, False, D(2024, 3, 21), "month"),
    ("in March 2021", WED, False, D(2021, 3, 1), "month"),
    ("in March last year", WED, False, D(2023, 3, 1), "month"),
    ("on March 3", WED, False, D(2024, 3, 3), "day"),
    ("on May 16", WED, False, D(2023, 5, 16), "day"),
    ("on May 16", WED, True, D(2024, 5, 16), "day"),
    ("on Dec 30", D(2024, 1, 2), False, D(2023, 12, 30), "day"),
    ("on Jan 3", D(2023, 12, 30), True, D(2024, 1, 3), "day"),
    ("on Feb. 29", D(2023, 6, 1), False, D(2020, 2, 29), "day"),
    ("on 3 March 2023", WED, False, D(2023, 3, 3), "day"),
    ("on Sept. 30, 2023", WED, False, D(2023, 9, 30), "day"),
    ("on March 3 last year", WED, False, D(2023, 3, 3), "day"),
]


@pytest.mark.parametrize(("phrase", "ref", "future", "expected", "precision"), ARITHMETIC,
                         ids=[f"{a[0]}-{a[1]}-{'fut' if a[2] else 'past'}" for a in ARITHMETIC])
def test_resolves_each_expression(phrase, ref, future, expected, precision):
    got = resolve_text(phrase, ref, future=future)
    assert (got.date, got.precision, got.text, got.source) == (expected, precision, phrase, "sentence")


@pytest.mark.parametrize("offset", range(7))
def test_weekdays_around_the_story_date(offset):
    story = MON + dt.timedelta(days=offset)  # Monday to Sunday
    for wd, name in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")):
        past = resolve_text(f"on {name}", story).date
        future = resolve_text(f"on {name}", story, future=True).date
        assert past.weekday() == wd and future.weekday() == wd
        assert dt.timedelta(0) <= story - past < dt.timedelta(days=7)
        assert dt.timedelta(0) <= future - story < dt.timedelta(days=7)


def test_no_expression_gives_the_reference():
    assert resolve_text("Iran accused Israel.", MON) == EventDate(MON, "day", None, "story")
    ref = EventDate(D(2024, 3, 3), "day", "March 3", "dateline")
    assert resolve_text("Iran accused Israel.", ref) == ref
    assert resolve_text("Iran accused Israel yesterday.", ref).date == D(2024, 3, 2)


def test_without_reference_only_absolute_dates_resolve():
    assert resolve_text("on Monday", None) == EventDate(None, "day", None, "story")
    assert resolve_text("on 3 March 2023", None).date == D(2023, 3, 3)
    assert resolve_text("in 2021", None) == EventDate(D(2021, 1, 1), "year", "in 2021", "sentence")


def test_the_most_precise_expression_wins_in_a_text():
    got = resolve_text("Earlier this month, on Monday, they met.", WED)
    assert (got.date, got.text) == (D(2024, 5, 13), "on Monday")


def test_a_future_date_in_a_past_sentence_is_not_trusted():
    assert resolve_text("on 3 March 2025", WED) == EventDate(WED, "day", None, "story")
    assert resolve_text("on 3 March 2025", WED, future=True).date == D(2025, 3, 3)


def test_event_date_validates():
    with pytest.raises(ValueError):
        EventDate(MON, "hour", None, "story")
    with pytest.raises(ValueError):
        EventDate(MON, "day", None, "guess")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        EventDate(MON, "day", None, "story").date = WED  # type: ignore[misc]


# -- datelines -----------------------------------------------------------------------------

DATELINES = [
    ("KABUL, Oct 3 (AP) - Taliban fighters attacked a police post.", D(2023, 10, 4), D(2023, 10, 3), "Oct 3"),
    ("WASHINGTON, March 5 (Reuters) - The United States said.", D(2023, 3, 6), D(2023, 3, 5), "March 5"),
    ("Oct. 3, 2023 - Russia said it would respond.", D(2023, 10, 4), D(2023, 10, 3), "Oct. 3, 2023"),
    ("Oct. 3, 2023 - Russia said it would respond.", None, D(2023, 10, 3), "Oct. 3, 2023"),
    ("KABUL, Afghanistan, Sept. 30, 2023 (AP) — The Taliban said.", D(2023, 10, 2), D(2023, 9, 30),
     "Sept. 30, 2023"),
    ("NAIROBI, Sept 30 (Reuters) - Kenya said.", D(2023, 10, 2), D(2023, 9, 30), "Sept 30"),
    ("PARIS, 2 October 2023 (AFP) - France said.", D(2023, 10, 2), D(2023, 10, 2), "2 October 2023"),
    ("NEW YORK, Dec 30 (Reuters) - The UN said.", D(2024, 1, 2), D(2023, 12, 30), "Dec 30"),
    ("MOSCOW, 2023-10-02 - Russia said.", D(2023, 10, 3), D(2023, 10, 2), "2023-10-02"),
    ("KABUL, Monday (AP) - The Taliban said.", D(2023, 10, 4), D(2023, 10, 2), "Monday"),
    ("SYDNEY, Oct 4 (Reuters) - Australia said.", D(2023, 10, 3), D(2023, 10, 4), "Oct 4"),  # time zones
    ("Taliban seize post\n\nKABUL, Oct 3 (AP) - Taliban fighters attacked.", D(2023, 10, 4), D(2023, 10, 3),
     "Oct 3"),
]


@pytest.mark.parametrize(("text", "story", "expected", "phrase"), DATELINES,
                         ids=[d[0][:30] for d in DATELINES])
def test_datelines(text, story, expected, phrase):
    assert parse_dateline(text, story) == (expected, phrase)


@pytest.mark.parametrize("text", [
    "LONDON (Reuters) - Britain said.",
    "Russia attacked Ukraine on Oct 3 (AP) - officials said.",
    "Russia attacked Kyiv. KABUL, Oct 3 (AP) - Taliban.",
    "Monday - Russia said.",
    "Oct 3, 2023 Russia said.",
    "",
])
def test_not_datelines(text):
    assert parse_dateline(text, D(2023, 10, 4)) == (None, None)


def test_dateline_without_year_or_story_date_gives_text_only():
    assert parse_dateline("KABUL, Oct 3 (AP) - x", None) == (None, "Oct 3")


def test_dateline_year_is_on_or_before_the_story_date():
    # March 5 in a story of October: this year's, not next year's.
    assert parse_dateline("WASHINGTON, March 5 (Reuters) - x", D(2023, 10, 3))[0] == D(2023, 3, 5)
    # Oct 5 in a story of Oct 3 is more than DATELINE_LEAD ahead: last year's.
    assert parse_dateline("KABUL, Oct 5 (AP) - x", D(2023, 10, 3))[0] == D(2022, 10, 5)


def test_dateline_after_the_story_date_is_not_trusted():
    story = D(2023, 10, 1)
    assert parse_dateline("Oct. 3, 2023 - x", story) == (None, "Oct. 3, 2023")
    assert parse_dateline("Oct. 2, 2023 - x", story)[0] == story + DATELINE_LEAD


def test_story_reference():
    assert story_reference("KABUL, Oct 3 (AP) - x", D(2023, 10, 4)) == \
        EventDate(D(2023, 10, 3), "day", "Oct 3", "dateline")
    assert story_reference("Russia said.", D(2023, 10, 4)) == EventDate(D(2023, 10, 4), "day", None, "story")
    assert story_reference("Russia said.", None) == EventDate(None, "day", None, "story")


# -- the parse: which expression belongs to the predicate ----------------------------------

def test_expression_on_the_predicate(parser):
    got = date_of(parser, "Iran accused Israel of war crimes on Monday.", "accused", WED)
    assert got == EventDate(D(2024, 5, 13), "day", "on Monday", "sentence")


def test_expression_in_a_relative_clause_is_not_the_predicates(parser):
    text = "Iran condemned the attack that killed six soldiers on Sunday."
    assert date_of(parser, text, "condemned", WED) == EventDate(WED, "day", None, "story")
    assert date_of(parser, text, "killed", WED).date == D(2024, 5, 12)


def test_possessive_date_belongs_to_its_noun(parser):
    text = "Iran condemned Sunday's attack on its consulate."
    assert date_of(parser, text, "condemned", WED).text is None
    assert date_of(parser, text, "attack", WED).date == D(2024, 5, 12)


def test_reported_speech(parser):
    text = "Russia attacked Ukraine last week, officials said on Tuesday."
    assert date_of(parser, text, "attacked", WED) == EventDate(D(2024, 5, 6), "week", "last week", "sentence")
    assert date_of(parser, text, "said", WED).date == D(2024, 5, 14)
    # No date in the reported clause: the reporting verb's date.
    assert date_of(parser, "Russia attacked Ukraine, officials said on Tuesday.", "attacked", WED).date == \
        D(2024, 5, 14)


def test_each_clause_keeps_its_own_date(parser):
    text = "Russia said on Monday that it will meet China next week."
    assert date_of(parser, text, "said", WED).date == D(2024, 5, 13)
    got = date_of(parser, text, "meet", WED)
    assert (got.date, got.precision, got.future) == (D(2024, 5, 20), "week", True)


def test_frame_act_and_noun_predicates(parser):
    got = date_of(parser, "Russia on Monday threatened to attack Ukraine.", "attack", WED)
    assert got.date == D(2024, 5, 13)
    got = date_of(parser, "Israel launched air strikes on Gaza on Sunday.", "strikes", WED)
    assert got.date == D(2024, 5, 12)


FUTURE = [
    ("Russia will meet China on Monday.", "meet", True),
    ("Russia shall meet China on Monday.", "meet", True),
    ("They'll meet China on Monday.", "meet", True),
    ("Russia plans to visit China on Monday.", "visit", True),
    ("Russia intends to visit China on Monday.", "visit", True),
    ("Russia is scheduled to visit China on Monday.", "visit", True),
    ("Russia is expected to visit China on Monday.", "visit", True),
    ("Russia is set to visit China on Monday.", "visit", True),
    ("The ministers are due to meet on Monday.", "meet", True),
    ("Russia is going to attack Ukraine on Monday.", "attack", True),
    ("The president is to visit Kabul on Monday.", "visit", True),
    ("Talks are scheduled for Monday.", "Talks", True),
    ("Russia will try to visit China on Monday.", "visit", True),
    ("Russia visited China on Monday.", "visited", False),
    ("Russia said it would visit China on Monday.", "visit", False),
    ("Russia threatened to attack Ukraine on Monday.", "attack", False),
    ("Russia has met China on Monday.", "met", False),
]


@pytest.mark.parametrize(("text", "word", "future"), FUTURE, ids=[f[0] for f in FUTURE])
def test_future_tense(parser, text, word, future):
    sent, i = sentence_with(parser, text, word)
    assert is_future(sent, i) is future
    got = resolve_date(sent, i, WED)
    assert got.date == (D(2024, 5, 20) if future else D(2024, 5, 13))
    assert got.future is future


def test_future_phrase_in_a_past_sentence(parser):
    got = date_of(parser, "Russia said it would visit China next week.", "visit", WED)
    assert (got.date, got.future) == (D(2024, 5, 20), True)
    got = date_of(parser, "The Security Council votes tomorrow.", "votes", WED)
    assert (got.date, got.future) == (D(2024, 5, 16), True)


def test_a_month_of_an_act_committed_to_is_in_the_future(parser):
    # "agreed to meet again in January", said in December: next January, not last
    dec = D(2015, 12, 25)
    got = date_of(parser, "The two leaders agreed to meet again in January.", "meet", dec)
    assert (got.date, got.precision, got.future) == (D(2016, 1, 1), "month", True)
    got = date_of(parser, "Iran vowed to retaliate against Israel on March 3.", "retaliate", dec)
    assert (got.date, got.future) == (D(2016, 3, 3), True)
    # a phrase of the commitment itself stays in the past; so does a weekday
    got = date_of(parser, "China agreed in October to send aid to Nepal.", "send", dec)
    assert (got.date, got.future) == (D(2015, 10, 1), False)
    got = date_of(parser, "Russia threatened to attack Ukraine on Monday.", "attack", dec)
    assert (got.date, got.future) == (D(2015, 12, 21), False)
    # not a commitment: "refused to meet in January" stays in the past
    got = date_of(parser, "Iran refused to meet the inspectors in January.", "meet", dec)
    assert (got.date, got.future) == (D(2015, 1, 1), False)


def test_past_phrase_in_a_future_sentence(parser):
    got = date_of(parser, "Russia will respond to the attack that happened yesterday.", "respond", WED)
    assert got == EventDate(WED, "day", None, "story", True)
    got = date_of(parser, "The court will rule on crimes committed last year.", "rule", WED)
    assert got.text is None


def test_dateline_is_the_reference_and_is_not_a_sentence_date(parser):
    text = "KABUL, Oct 3 (AP) - Taliban fighters attacked a police post."
    ref = story_reference(text, D(2023, 10, 5))
    got = date_of(parser, text, "attacked", ref)
    assert got == EventDate(D(2023, 10, 3), "day", "Oct 3", "dateline")
    # Without story_reference the dateline's tokens are still not read as the event's date.
    got = date_of(parser, text, "attacked", D(2023, 10, 5))
    assert got == EventDate(D(2023, 10, 5), "day", None, "story")
    # A weekday counts from the dateline's date.
    text = "KABUL, Oct 3 (AP) - Taliban fighters attacked a police post on Sunday."
    assert date_of(parser, text, "attacked", story_reference(text, D(2023, 10, 5))).date == D(2023, 10, 1)


def test_without_reference(parser):
    assert date_of(parser, "Iraq and Kuwait signed the accord on Monday.", "signed", None) == \
        EventDate(None, "day", None, "story")
    assert date_of(parser, "Iraq and Kuwait signed the accord on 12 April 2012.", "signed", None).date == \
        D(2012, 4, 12)


def test_a_count_is_not_a_year(parser):
    got = date_of(parser, "Israeli troops killed 20 militants in 2000 raids.", "killed", WED)
    assert got.text is None


def test_bad_predicate_index(parser):
    (sent,) = parser.parse("Iran accused Israel on Monday.")
    with pytest.raises(IndexError):
        resolve_date(sent, len(sent), WED)
    with pytest.raises(IndexError):
        resolve_date(sent, -1, WED)


def test_hand_built_sentence_without_spacy():
    words = ["Iran", "accused", "Israel", "on", "Monday", "."]
    sent = Sentence(0, "Iran accused Israel on Monday.", words,
                    lemma=["iran", "accuse", "israel", "on", "monday", "."],
                    tag=["NNP", "VBD", "NNP", "IN", "NNP", "."],
                    pos=["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"],
                    dep=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"], head=[1, 1, 1, 1, 3, 1],
                    space=[True, True, True, True, False, False])
    assert resolve_date(sent, 1, WED) == EventDate(D(2024, 5, 13), "day", "on Monday", "sentence")
    # A broken tree (a cycle) must not hang or raise.
    cyc = Sentence(0, "x", words, words, ["NN"] * 6, ["NOUN"] * 6, ["dep"] * 6, [1, 2, 3, 4, 0, 0])
    assert resolve_date(cyc, 0, WED).date in (WED, D(2024, 5, 13))
    empty = Sentence(0, "", [], [], [], [], [], [])
    assert resolve_date(empty, 0, WED) == EventDate(WED, "day", None, "story")


# -- properties ----------------------------------------------------------------------------

FUTURE_MARKERS = re.compile(
    r"\b(?:will|shall|'ll|wo|plans?|planned|planning|intends?|intended|scheduled?|expected|set|due|going|is|are"
    r"|was|were|be|next|tomorrow|coming|later|upcoming|forthcoming|proposed|future|slated|poised|aims?|prepar\w*)\b",
    re.IGNORECASE)

reference_dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 12, 31))


@settings(max_examples=50, deadline=None)
@given(text=st.text(max_size=200), ref=st.one_of(st.none(), st.dates()))
def test_never_raises_on_arbitrary_text(parser, text, ref):
    for start, end, phrase in find_time_expressions(text):
        assert text[start:end] == phrase
    parse_dateline(text, ref)
    resolve_text(text, ref)
    reference = story_reference(text, ref)
    for sent in parser.parse(text):
        for i in range(len(sent)):
            got = resolve_date(sent, i, reference)
            assert got.precision in ("day", "week", "month", "year")


SUBJECTS = ["Russia", "Iranian officials", "The rebels", "Police", "The two leaders"]
VERBS = [("attacked", "attack"), ("met", "meet"), ("criticised", "criticise"), ("visited", "visit"),
         ("expelled", "expel"), ("signed", "sign")]
FRAMES = ["", "will ", "plans to ", "is expected to ", "said it would ", "refused to ", "is scheduled to ",
          "has ", "did not "]
OBJECTS = ["Ukraine", "the envoy", "China", "a police post", "the accord"]
PHRASES = [a[0] for a in ARITHMETIC] + [ph for _, phs in FOUND for ph in phs] + [
    "", "since Monday", "in 2035", "on 3 March 2031", "on Dec 31", "on Feb. 29", "this weekend",
    "later today", "three years ago", "mid-2019", "next month", "in the coming weeks", "Monday's",
    "early next year"]


@st.composite
def newswire(draw):
    subject = draw(st.sampled_from(SUBJECTS))
    frame = draw(st.sampled_from(FRAMES))
    past, base = draw(st.sampled_from(VERBS))
    verb = past if frame in ("", "has ") else base
    if frame == "has ":
        verb = past
    obj = draw(st.sampled_from(OBJECTS))
    phrase = draw(st.sampled_from(PHRASES))
    form = draw(st.integers(0, 3))
    if form == 0:
        text = f"{subject} {frame}{verb} {obj} {phrase}."
    elif form == 1:
        text = f"{phrase.capitalize()}, {subject} {frame}{verb} {obj}."
    elif form == 2:
        text = f"{subject} {frame}{verb} {obj}, officials said {phrase}."
    else:
        text = f"{subject} {frame}{verb} {obj} {phrase} and {draw(st.sampled_from(VERBS))[0]} {obj}."
    if draw(st.booleans()):
        dateline = draw(st.sampled_from(["KABUL, Oct 3 (AP) - ", "Oct. 3, 2023 - ", "LONDON (Reuters) - "]))
        text = dateline + text
    return " ".join(text.split())


@settings(max_examples=50, deadline=None)
@given(text=newswire(), story=reference_dates)
def test_never_after_the_story_date_unless_future(parser, text, story):
    reference = story_reference(text, story)
    ref = reference.date
    assert ref is not None and ref <= story + DATELINE_LEAD
    for sent in parser.parse(text):
        for i in range(len(sent)):
            got = resolve_date(sent, i, reference)
            assert got.date is not None
            if got.date > ref:
                assert got.future, (text, sent.words[i], got)
                assert FUTURE_MARKERS.search(sent.text), (text, sent.words[i], got)


# -- golden stories ------------------------------------------------------------------------

def _golden() -> list[dict]:
    with GOLDEN.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_golden_file_is_well_formed():
    rows = _golden()
    assert len(rows) >= 40
    for row in rows:
        assert {"text", "story_date", "expected_date", "precision", "note"} <= set(row)
        assert row["precision"] in ("day", "week", "month", "year")


def test_golden_dates(parser):
    failures = []
    rows = _golden()
    for n, row in enumerate(rows, 1):
        story = D.fromisoformat(row["story_date"]) if row["story_date"] else None
        expected = D.fromisoformat(row["expected_date"]) if row["expected_date"] else None
        reference = story_reference(clean_text(row["text"]), story)
        try:
            got = date_of(parser, row["text"], row["predicate"], reference)
        except Exception as exc:  # report every failure, not the first
            failures.append(f"{n}: {row['note']}: {type(exc).__name__}: {exc}")
            continue
        want = (expected, row["precision"], row.get("date_text", got.text))
        have = (got.date, got.precision, got.text)
        if have != want:
            failures.append(f"{n}: {row['note']}\n    {row['text']!r} ({row['predicate']}, story {story})\n"
                            f"    expected {want}\n    got      {have}")
    assert not failures, f"{len(failures)} of {len(rows)} golden dates wrong:\n" + "\n".join(failures)
