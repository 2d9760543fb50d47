"""The coding engine on real parses, with the small test dictionaries."""

from __future__ import annotations

import pytest

from .conftest import triples

CASES = [
    ("Iranian authorities accused Israel of war crimes on Monday.", [("IRNGOV", "ISR", "1124")]),
    ("Iran accused Israel.", [("IRN", "ISR", "112")]),
    ("Russia and China condemned the U.S. and Britain.",
     [("CHN", "GBR", "111"), ("CHN", "USA", "111"), ("RUS", "GBR", "111"), ("RUS", "USA", "111")]),
    ("Ukraine was attacked by Russia.", [("RUS", "UKR", "190")]),
    ("Russia did not attack Ukraine.", []),
    ("Russia threatened to attack Ukraine.", [("RUS", "UKR", "138")]),
    ("Russia plans to visit China.", [("RUS", "CHN", "036")]),
    ("Russia will visit China.", [("RUS", "CHN", "036")]),
    ("Russia refused to meet Ukraine.", [("RUS", "UKR", "125")]),
    ("Foreign Minister Sergei Lavrov urged Ukraine to negotiate with Russia.", [("RUSGOV", "UKR", "026")]),
    ("Iran's foreign minister Hossein Amir-Abdollahian visited China.", [("IRNGOV", "CHN", "042")]),
    ("Russian troops clashed with Ukrainian soldiers.",
     [("RUSMIL", "UKRMIL", "193"), ("UKRMIL", "RUSMIL", "193")]),
    ("Russia and China met on Tuesday.", [("CHN", "RUS", "040"), ("RUS", "CHN", "040")]),
    ("Officials said Russian troops attacked Ukraine.", [("RUSMIL", "UKR", "190")]),
    ("Iran accused Israel of attacking Pakistan.", [("IRN", "ISR", "112")]),
    ("The US imposed sanctions on Iran.", [("USA", "IRN", "163")]),
    ("Kabul rejected the claims by Pakistan.", [("AFGGOV", "PAK", "120")]),
    ("Israel launched air strikes on Iran.", [("ISR", "IRN", "195")]),
    ("Police in Pakistan arrested militants.", []),
    ("Iran criticised the memos sent by Israel.", [("IRN", "ISR", "111")]),
    # the subject of a that-clause that is not an event of its own is the target
    ("Iran rejected reports that Israel had sent envoys.", [("IRN", "ISR", "120")]),
    # what is denied is not reported as done (the convention on reported speech)
    ("Iran rejected that Israel attacked Pakistan.", []),
    ("Iran condemned the roads leading into Israel.", [("IRN", "ISR", "111")]),
    ("Iran said it would attack Israel. It also criticised the United States.",
     [("IRN", "ISR", "190"), ("IRN", "USA", "111")]),
    # an object pronoun never means its own verb's subject
    ("Russia imposed sanctions on Ukraine, accusing it of war crimes.",
     [("RUS", "UKR", "1124"), ("RUS", "UKR", "163")]),
    # a framed act's target may be the frame's, left unsaid: "hold talks with +" fits
    ("Russia urged Iran to hold talks.", [("RUS", "IRN", "026")]),
    # a phrase after coordinated agents belongs to all of them
    ("Officials and soldiers in Russia and Ukraine condemned Israel.",
     [("RUSGOV", "ISR", "111"), ("RUSMIL", "ISR", "111"), ("UKRGOV", "ISR", "111"),
      ("UKRMIL", "ISR", "111")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_constructions(test_coder, text, expected):
    assert triples(test_coder.code_story(text, date="2023-05-01")) == sorted(expected)


def test_dated_actor_codes_follow_the_event_date(test_coder):
    text = "Hossein Amir-Abdollahian criticised Israel."
    assert triples(test_coder.code_story(text, date="2022-01-01")) == [("IRNGOV", "ISR", "111")]
    assert triples(test_coder.code_story(text, date="2024-06-01")) == [("IRNELI", "ISR", "111")]
    assert test_coder.code_story(text, date="2019-01-01") == []


def test_taliban_change_in_august_2021(test_coder):
    text = "The Taliban attacked Pakistan."
    assert triples(test_coder.code_story(text, date="2021-08-14")) == [("AFGINS", "PAK", "190")]
    assert triples(test_coder.code_story(text, date="2021-08-15")) == [("AFGGOV", "PAK", "190")]


def test_event_provenance(test_coder):
    (e,) = test_coder.code_story("Iran accused Israel of war crimes.", date="2024-01-10", story_id="s1")
    assert e.story_id == "s1" and e.sentence_index == 0
    assert e.sentence == "Iran accused Israel of war crimes."
    assert (e.source_text, e.target_text, e.verb_text) == ("Iran", "Israel", "accused")
    assert e.rule.endswith("test.verbs.txt:2")
    assert (e.event_root, e.quad_class, e.goldstein) == ("11", 3, -2.0)
    assert e.event_name == "Accuse of war crimes"


def test_sentence_and_story_discards(test_coder):
    assert test_coder.code_story("Iran attacked Israel in the football match.", date="2023-01-01") == []
    # a discard phrase that only says when the act happened does not skip the sentence
    assert triples(test_coder.code_story("Iran attacked Israel after the football match.",
                                         date="2023-01-01")) == [("IRN", "ISR", "190")]
    story = "Iran attacked Israel. The film topped the box office."
    assert test_coder.code_story(story, date="2023-01-01") == []


def test_boilerplate_lines_make_no_events(test_coder):
    text = ("Home | World | Politics\nBy Jane Doe\n\nIran accused Israel.\n\n"
            "Check also:\nRussia attacks Ukraine\nChina criticised Japan\n")
    assert triples(test_coder.code_story(text, date="2023-01-01")) == [("IRN", "ISR", "112")]


def test_explain_shows_parse_actors_patterns_and_events(test_coder):
    out = test_coder.explain("Iran accused Israel of war crimes.", "2024-01-10")
    assert "accused" in out and "accuse" in out and "dobj" in out
    assert "'Iran' = IRN" in out
    assert "IRN -> ISR 1124" in out
    why = test_coder.explain("Russia did not attack Ukraine.", "2024-01-10")
    assert "negated, no event" in why


def test_explain_says_why_nothing_came_out(test_coder):
    out = test_coder.explain("Iran accused the weather.", "2024-01-10")
    assert "target none" in out
    assert out.rstrip().endswith("none")


def test_explain_traces_each_sentence_under_it(test_coder):
    out = test_coder.explain("Iran accused the weather. Russia did not attack Ukraine. "
                             "Iran accused Israel of war crimes.", "2024-01-10")
    first, second, third = (out.index(f"\nsentence {k}:") for k in range(3))
    places = out.index("\nevents:")
    assert first < out.index("target none") < second
    assert second < out.index("negated, no event") < third
    assert third < out.index("events: IRN -> ISR 1124") < places
    assert out[first:second].count("  events: none") == 1


def test_explain_puts_a_retelling_under_its_sentence(test_coder):
    out = test_coder.explain("Iran accused Israel of war crimes. Iran accused Israel of war crimes.",
                             "2024-01-10")
    second = out.index("\nsentence 1:")
    assert out.index("told before in the story", second) > second
    assert out[second:].index("events: none") < out[second:].index("\nevents:")


def test_explain_says_first_when_the_whole_story_is_discarded(test_coder):
    out = test_coder.explain("Iran accused Israel. The film topped the box office.", "2024-01-10")
    assert out.index("story discarded: story discard 'box office'") < out.index("\nsentence 0:")
    assert "  trace:" not in out
    assert "\nevents:\n  none: story discard 'box office'" in out


def test_same_input_same_events(test_coder):
    text = "Russia and China condemned the U.S. and Britain. Iran accused Israel."
    a = test_coder.code_story(text, date="2023-01-01", story_id="x")
    b = test_coder.code_story(text, date="2023-01-01", story_id="x")
    assert a == b
    assert [e.event_id for e in a] == [e.event_id for e in b]
    assert len({e.event_id for e in a}) == len(a)


def test_a_title_gives_a_role_to_a_person_known_only_by_country(tmp_path, nlp):
    """A person entry with a bare country code takes the role of the title before the
    name ("Foreign Minister Jan Novak" -> GBRGOV); a person with a role keeps it."""
    from eventcoder import Coder

    from .conftest import TEST_DICTS

    (tmp_path / "people.actors.txt").write_text("person GBR: Jan Novak; Novak\n", encoding="utf-8")
    coder = Coder([TEST_DICTS, tmp_path / "people.actors.txt"], default_dictionaries=False, model=nlp)
    titled = coder.code_story("Foreign Minister Jan Novak accused Iran.", date="2023-05-01")
    assert triples(titled) == [("GBRGOV", "IRN", "112")]
    assert triples(coder.code_story("Jan Novak accused Iran.", date="2023-05-01")) == [("GBR", "IRN", "112")]
    lavrov = coder.code_story("Minister Sergei Lavrov accused Iran.", date="2023-05-01")
    assert triples(lavrov) == [("RUSGOV", "IRN", "112")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia fired rockets at Ukraine.", [("RUS", "UKR", "195")]),
    ("Russia fired a cruise missile at Ukraine.", [("RUS", "UKR", "195")]),   # two words
    ("Russia fired a cruise at Ukraine.", [("RUS", "UKR", "190")]),        # not all of them
    ("Russia fired artillery at Ukraine.", [("RUS", "UKR", "190")]),
])
def test_alternatives_in_a_native_pattern(tmp_path, nlp, text, expected):
    """``a|b|c_d``: any one alternative fits; ``_`` joins the words of one."""
    from eventcoder import Coder

    from .conftest import TEST_DICTS

    (tmp_path / "fire.verbs.txt").write_text(
        "190: fire at +\n195: fire rocket|drone|cruise_missile at +\n", encoding="utf-8")
    coder = Coder([TEST_DICTS / "test.actors.txt", tmp_path / "fire.verbs.txt"],
                  default_dictionaries=False, model=nlp)
    assert triples(coder.code_story(text, date="2023-05-01")) == expected


@pytest.mark.parametrize("text", [
    "Russia offered to hold talks with Ukraine.",
    # "to hold" parsed as a purpose clause (advcl) after the phrase of time
    "Russia offered on Tuesday to hold talks with Ukraine.",
])
def test_a_phrase_of_time_does_not_cut_a_verb_from_its_infinitive(tmp_path, nlp, text):
    """With no frames (a legacy verb file alone), a pattern of "offer" reads on into its
    infinitive, and the offer is no talks held."""
    from eventcoder import Coder

    from .conftest import TEST_DICTS

    (tmp_path / "offer.verbs.txt").write_text("036: offer talks with +\n046: hold talks with +\n",
                                              encoding="utf-8")
    coder = Coder([TEST_DICTS / "test.actors.txt", tmp_path / "offer.verbs.txt"],
                  default_dictionaries=False, model=nlp)
    assert triples(coder.code_story(text, date="2023-05-01")) == [("RUS", "UKR", "036")]


def test_he_refers_to_a_subject_named_by_title_and_nationality(test_coder):
    """"Iranian Foreign Minister Ali Bagheri said he ...": the name is in no dictionary,
    but its title and nationality make it IRNGOV, and "he" is that person."""
    events = test_coder.code_story("Iranian Foreign Minister Ali Bagheri said he condemned Israel.",
                                   date="2024-07-01")
    assert triples(events) == [("IRNGOV", "ISR", "111")]


@pytest.mark.parametrize(("text", "options", "expected"), [
    ("Iran condemned Israel, and Russia accused Ukraine.", {},
     [("IRN", "ISR", "111"), ("RUS", "UKR", "112")]),
    # PETRARCH's comma options: a first clause of 1-5 words is not coded
    ("Iran condemned Israel, and Russia accused Ukraine.", {"comma_bmin": 1, "comma_bmax": 5},
     [("RUS", "UKR", "112")]),
    # a comma inside a noun phrase bounds no clause: the first clause has 7 words
    ("Russia attacked small, poor Ukraine on Monday, and Iran condemned Israel.",
     {"comma_bmin": 1, "comma_bmax": 5}, [("IRN", "ISR", "111"), ("RUS", "UKR", "190")]),
    # the last clause of 2-8 words, ", a senior official said"
    ("Russia attacked Ukraine, Iran condemned Israel.", {"comma_emin": 2, "comma_emax": 8},
     [("RUS", "UKR", "190")]),
])
def test_comma_options(nlp, text, options, expected):
    from eventcoder import Coder, CoderOptions

    from .conftest import TEST_DICTS

    coder = Coder([TEST_DICTS], default_dictionaries=False, model=nlp,
                  options=CoderOptions(resolve_dates=False, geolocate=False, **options))
    assert sorted(triples(coder.code_story(text, date="2023-05-01"))) == expected



@pytest.mark.parametrize(("text", "expected"), [
    # a statement that reports a clause is its attribution, not a statement of its own
    ("Russia attacked Ukraine on Monday, a senior Iranian official said.", [("RUS", "UKR", "190")]),
    ("Iran said that Russia attacked Ukraine.", [("RUS", "UKR", "190")]),
    ("Iran made a statement on Monday.", [("IRN", "", "010")]),
    ("Iran condemned the attack on Monday.", [("IRN", "", "111")]),
])
def test_source_only_events_without_require_dyad(tmp_path, nlp, text, expected):
    from eventcoder import Coder, CoderOptions

    from .conftest import TEST_DICTS

    (tmp_path / "say.verbs.txt").write_text("010: say; make statement\n", encoding="utf-8")
    coder = Coder([TEST_DICTS, tmp_path / "say.verbs.txt"], default_dictionaries=False, model=nlp,
                  options=CoderOptions(resolve_dates=False, geolocate=False, require_dyad=False))
    assert sorted(triples(coder.code_story(text, date="2023-05-01"))) == expected


def test_a_blank_line_ends_a_sentence(nlp):
    """A paragraph break is a sentence boundary even after an abbreviation ("9 p.m."),
    which the small model alone runs into the next paragraph."""
    from eventcoder.parse import Parser

    text = ("Darmanin ordered buses to stop running after 9 p.m.\n\n"
            "President Emmanuel Macron urged parents to keep their children at home.")
    sentences = Parser(nlp).parse(text)
    assert [s.text.strip() for s in sentences] == [
        "Darmanin ordered buses to stop running after 9 p.m.",
        "President Emmanuel Macron urged parents to keep their children at home."]


def test_a_name_split_from_its_noun_is_joined_back():
    """Two objects of one verb, a proper noun and the common noun right after it ("accused
    Azerbaijani forces": the small model's parse), are one phrase; a name and a noun in
    different roles are left alone."""
    from eventcoder.parse import join_split_nominals

    # Armenia accused Azerbaijani forces of shelling
    tag = ["NNP", "VBD", "NNP", "NNS", "IN", "VBG"]
    pos = ["PROPN", "VERB", "PROPN", "NOUN", "ADP", "VERB"]
    dep = ["nsubj", "ROOT", "dobj", "dobj", "prep", "pcomp"]
    head = [1, 1, 1, 1, 1, 4]
    join_split_nominals(tag, pos, dep, head)
    assert (dep[2], head[2]) == ("compound", 3)
    assert (dep[3], head[3]) == ("dobj", 1)
    # Russia gave Ukraine weapons: the one given to is a dative, not a second object
    dep2 = ["nsubj", "ROOT", "dative", "dobj"]
    head2 = [1, 1, 1, 1]
    join_split_nominals(["NNP", "VBD", "NNP", "NNS"], ["PROPN", "VERB", "PROPN", "NOUN"], dep2, head2)
    assert dep2 == ["nsubj", "ROOT", "dative", "dobj"] and head2 == [1, 1, 1, 1]


def test_an_object_hung_on_a_result_adjective_goes_back_to_its_verb():
    """"shot dead the ambassador": the small model makes "ambassador" the object of
    "dead"; it is the verb's, and "dead" the verb's result. A verb with an object of its
    own keeps it."""
    from eventcoder.parse import lift_resultative_objects

    # officer shot dead the ambassador
    pos = ["NOUN", "VERB", "ADJ", "DET", "NOUN"]
    dep = ["nsubj", "ROOT", "advcl", "det", "dobj"]
    head = [1, 1, 1, 4, 2]
    lift_resultative_objects(pos, dep, head)
    assert (dep[2], head[2]) == ("oprd", 1)
    assert (dep[4], head[4]) == ("dobj", 1)
    # they painted the house green: "house" is the verb's already, nothing moves
    pos2 = ["PRON", "VERB", "DET", "NOUN", "ADJ"]
    dep2 = ["nsubj", "ROOT", "det", "dobj", "oprd"]
    head2 = [1, 1, 3, 1, 1]
    lift_resultative_objects(pos2, dep2, head2)
    assert dep2 == ["nsubj", "ROOT", "det", "dobj", "oprd"] and head2 == [1, 1, 3, 1, 1]


def test_a_bare_verb_joined_to_a_finite_one_goes_to_the_infinitive_before_it():
    """"urged Jakarta to treat the fishermen humanely and return them": the small model
    joins "return" to "urged"; a base form is the infinitive's second verb. A finite
    verb joined to a finite one stays."""
    from eventcoder.parse import join_bare_conjuncts

    # Binh urged Jakarta to treat fishermen and return them
    tag = ["NNP", "VBD", "NNP", "TO", "VB", "NNS", "CC", "VB", "PRP"]
    dep = ["nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj", "cc", "conj", "dobj"]
    head = [1, 1, 1, 4, 1, 4, 1, 1, 7]
    join_bare_conjuncts(tag, dep, head)
    assert head[7] == 4
    # Binh urged Jakarta to act and summoned the envoy: "summoned" stays on "urged"
    tag2 = ["NNP", "VBD", "NNP", "TO", "VB", "CC", "VBD", "NN"]
    dep2 = ["nsubj", "ROOT", "dobj", "aux", "xcomp", "cc", "conj", "dobj"]
    head2 = [1, 1, 1, 4, 1, 1, 1, 6]
    join_bare_conjuncts(tag2, dep2, head2)
    assert head2[6] == 1


def test_a_past_verb_joined_to_a_gerund_under_a_preposition_goes_to_the_main_verb():
    """"accused Tajik forces of using mortars and handed a protest note to ...": the small
    model joins "handed" to "using"; a past form is the main clause's second verb. A
    gerund joined to a gerund stays."""
    from eventcoder.parse import lift_finite_conjuncts

    # Kyrgyzstan accused forces of using mortars and handed note
    tag = ["NNP", "VBD", "NNS", "IN", "VBG", "NNS", "CC", "VBD", "NN"]
    dep = ["nsubj", "ROOT", "dobj", "prep", "pcomp", "dobj", "cc", "conj", "dobj"]
    head = [1, 1, 1, 1, 3, 4, 4, 4, 7]
    lift_finite_conjuncts(tag, dep, head)
    assert head[7] == 1
    # accused forces of using mortars and shelling homes: "shelling" stays on "using"
    tag2 = ["NNP", "VBD", "NNS", "IN", "VBG", "NNS", "CC", "VBG", "NNS"]
    head2 = [1, 1, 1, 1, 3, 4, 4, 4, 7]
    lift_finite_conjuncts(tag2, list(dep), head2)
    assert head2[7] == 4


def test_the_two_before_a_participle_on_a_noun_is_that_verbs_subject():
    """"Aquino welcomed Najib, and the two held talks": the small model reads "the two held
    talks" as a noun phrase; the number is the subject of "held" and "talks" its object.
    A noun that is not a clause of its own ("the two held prisoners were freed") stays."""
    from eventcoder.parse import split_counted_subjects

    # Aquino welcomed Najib , and the two held talks
    lower = ["aquino", "welcomed", "najib", ",", "and", "the", "two", "held", "talks"]
    tag = ["NNP", "VBD", "NNP", ",", "CC", "DT", "CD", "VBN", "NNS"]
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "CCONJ", "DET", "NUM", "VERB", "NOUN"]
    dep = ["nsubj", "ROOT", "dobj", "punct", "cc", "det", "nummod", "amod", "conj"]
    head = [1, 1, 1, 1, 1, 8, 8, 8, 1]
    split_counted_subjects(lower, tag, pos, dep, head)
    assert (head[7], dep[7], tag[7]) == (1, "conj", "VBD")
    assert (head[6], dep[6]) == (7, "nsubj") and (head[8], dep[8]) == (7, "dobj")
    # the two held prisoners were freed
    lower2 = ["the", "two", "held", "prisoners", "were", "freed"]
    tag2 = ["DT", "CD", "VBN", "NNS", "VBD", "VBN"]
    pos2 = ["DET", "NUM", "VERB", "NOUN", "AUX", "VERB"]
    dep2 = ["det", "nummod", "amod", "nsubjpass", "auxpass", "ROOT"]
    head2 = [3, 3, 3, 5, 5, 5]
    split_counted_subjects(lower2, tag2, pos2, dep2, head2)
    assert head2 == [3, 3, 3, 5, 5, 5]


def test_a_participle_after_a_time_clause_goes_to_the_main_verb():
    """"detonated a bomb as the car passed, killing him": the small model hangs "killing"
    on "passed"; after an "as", "when" or "while" clause it is the main verb's. After a
    clause of another kind ("because the car passed, ...") it stays."""
    from eventcoder.parse import lift_trailing_participles

    # Attackers detonated bomb as car passed , killing him
    lower = ["attackers", "detonated", "bomb", "as", "car", "passed", ",", "killing", "him"]
    tag = ["NNS", "VBD", "NN", "IN", "NN", "VBD", ",", "VBG", "PRP"]
    dep = ["nsubj", "ROOT", "dobj", "mark", "nsubj", "advcl", "punct", "advcl", "dobj"]
    head = [1, 1, 1, 5, 5, 1, 5, 5, 7]
    lift_trailing_participles(lower, tag, dep, head)
    assert head[7] == 1
    lower2 = list(lower)
    lower2[3] = "because"
    head2 = [1, 1, 1, 5, 5, 1, 5, 5, 7]
    lift_trailing_participles(lower2, tag, dep, head2)
    assert head2[7] == 5


def test_a_noun_joined_to_a_verb_after_its_object_is_a_second_object():
    """"killing him, his bodyguard and six civilians": the small model joins "bodyguard"
    to "killing"; a noun with no verb of its own after the object and a comma or "and" is
    joined to the object. A noun with a verb of its own stays."""
    from eventcoder.parse import join_stray_objects

    # killing him , bodyguard and civilians
    pos = ["VERB", "PRON", "PUNCT", "NOUN", "CCONJ", "NOUN"]
    dep = ["ROOT", "dobj", "punct", "conj", "cc", "conj"]
    head = [0, 0, 0, 0, 3, 3]
    join_stray_objects(pos, dep, head)
    assert head[3] == 1 and head[5] == 3
    # killing him and soldiers (no "and" or comma between): stays
    pos2 = ["VERB", "PRON", "NOUN"]
    head2 = [0, 0, 0]
    join_stray_objects(pos2, ["ROOT", "dobj", "conj"], head2)
    assert head2[2] == 0


def test_a_subjectless_joined_verb_takes_back_the_noun_joined_before_it():
    """"the chief was shot by his bodyguard and the president was killed": the small model
    joins "president" to "bodyguard"; the noun right before "was killed" is its subject.
    A joined verb that has its subject keeps everything as it is."""
    from eventcoder.parse import return_stolen_subjects

    # chief was shot by bodyguard and president was killed
    pos = ["NOUN", "AUX", "VERB", "ADP", "NOUN", "CCONJ", "NOUN", "AUX", "VERB"]
    dep = ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "cc", "conj", "auxpass", "conj"]
    head = [2, 2, 2, 2, 3, 4, 4, 8, 2]
    return_stolen_subjects(pos, dep, head)
    assert (head[6], dep[6]) == (8, "nsubjpass")
    # ... and the president, who was killed: "killed" has its subject
    dep2 = ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "cc", "conj", "auxpass", "conj"]
    head2 = [2, 2, 2, 2, 3, 4, 4, 8, 2]
    pos2 = list(pos)
    dep2.append("nsubjpass")
    head2.append(8)
    pos2.append("PRON")
    return_stolen_subjects(pos2, dep2, head2)
    assert head2[6] == 4


def test_a_past_verb_joined_to_an_infinitive_goes_to_the_finite_verb_above():
    """"gave the envoy 48 hours to leave and recalled its own ambassador": the small model
    joins "recalled" to "leave"; a past form is the finite verb's second verb."""
    from eventcoder.parse import lift_finite_conjuncts

    # Riyadh gave envoy hours to leave and recalled ambassador
    tag = ["NNP", "VBD", "NN", "NNS", "TO", "VB", "CC", "VBD", "NN"]
    dep = ["nsubj", "ROOT", "dative", "dobj", "aux", "relcl", "cc", "conj", "dobj"]
    head = [1, 1, 1, 1, 5, 3, 5, 5, 7]
    lift_finite_conjuncts(tag, dep, head)
    assert head[7] == 1
    # "to leave and return": a bare form joined to the infinitive stays
    tag2 = list(tag)
    tag2[7] = "VB"
    head2 = [1, 1, 1, 1, 5, 3, 5, 5, 7]
    lift_finite_conjuncts(tag2, list(dep), head2)
    assert head2[7] == 5


def test_a_past_verb_with_its_own_subject_joined_to_a_subjunctive_goes_to_its_governor():
    """"China demanded that Manila investigate, and Tsang criticised Manila": the small
    model joins "criticised" to "investigate"; a past form with its own subject is the
    main clause's. Without its own subject, or under a present verb, it stays."""
    from eventcoder.parse import lift_finite_conjuncts

    # China demanded that Manila investigate , and Tsang criticised Manila
    tag = ["NNP", "VBD", "IN", "NNP", "VBP", ",", "CC", "NNP", "VBD", "NNP"]
    dep = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct", "cc", "nsubj", "conj", "dobj"]
    head = [1, 1, 4, 4, 1, 4, 4, 8, 4, 8]
    lift_finite_conjuncts(tag, dep, head)
    assert head[8] == 1
    # no subject of its own: "demanded that Manila investigate and punished ..." stays
    dep2 = list(dep)
    dep2[7] = "dobj"
    head2 = [1, 1, 4, 4, 1, 4, 4, 8, 4, 8]
    lift_finite_conjuncts(list(tag), dep2, head2)
    assert head2[8] == 4
    # a present-tense governor: "says that Manila investigates, and Tsang criticised" stays
    tag3 = ["NNP", "VBZ", "IN", "NNP", "VBP", ",", "CC", "NNP", "VBD", "NNP"]
    head3 = [1, 1, 4, 4, 1, 4, 4, 8, 4, 8]
    lift_finite_conjuncts(tag3, list(dep), head3)
    assert head3[8] == 4


def test_the_first_of_two_objects_right_after_the_verb_is_the_one_given_to():
    """"handed Bashir three dossiers": the small model makes both nouns objects of
    "handed"; the name right after the verb is the recipient. A noun after a comma is an
    apposition and leaves the object alone."""
    from eventcoder.parse import mark_double_objects

    # she handed Bashir three dossiers
    tag = ["PRP", "VBD", "NNP", "CD", "NNS"]
    dep = ["nsubj", "ROOT", "dobj", "nummod", "dobj"]
    head = [1, 1, 1, 4, 1]
    mark_double_objects(tag, dep, head)
    assert dep == ["nsubj", "ROOT", "dative", "nummod", "dobj"]
    # IMF approved Egypt , the first package: the comma leaves both as they were
    tag2 = ["NNP", "VBD", "NNP", ",", "DT", "JJ", "NN"]
    dep2 = ["nsubj", "ROOT", "dobj", "punct", "det", "amod", "dobj"]
    head2 = [1, 1, 1, 1, 6, 6, 1]
    mark_double_objects(tag2, dep2, head2)
    assert dep2[2] == "dobj" and dep2[6] == "dobj"


def test_coding_a_story_leaves_no_cyclic_garbage(nlp):
    """The story's actor mentions and context are freed when the story is coded, not left
    in reference cycles for the garbage collector to trace (it cost about a tenth of the
    coding stage), and the sentences' derived facts are released."""
    import gc

    from eventcoder.coder import CoderOptions, code_sentences
    from eventcoder.dictionaries import load_dictionaries
    from eventcoder.model import Story
    from eventcoder.parse import Parser

    text = ("Russia accused Ukraine of shelling the town. Kyiv denied the accusation. "
            "Its foreign ministry said Moscow had attacked civilians, and the United Nations "
            "urged both sides to show restraint.")
    sentences = Parser(nlp).parse(text)
    story = Story("s1", text, None)
    dicts = load_dictionaries([])
    options = CoderOptions(geolocate=False)
    assert code_sentences(sentences, story, dicts, options)[0]
    gc.collect()
    events, _ = code_sentences(sentences, story, dicts, options)
    assert events
    assert gc.collect() == 0
    assert all(not s.memo for s in sentences)
