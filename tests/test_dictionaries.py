from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.cli import main
from eventcoder.dictionaries import load_dictionaries, read_native_text
from eventcoder.dictionaries.entries import ActorEntry, AgentEntry, VerbPattern
from eventcoder.dictionaries.phrases import PhraseTable, SentenceMatcher, phrase_key
from eventcoder.errors import DictionaryError, DictionaryErrors

from .conftest import TEST_DICTS


def test_actor_line_with_dated_codes():
    f = read_native_text("IRNGOV [2021-08-25..2024-05-19], IRNELI [2024-05-20..]: "
                         "Hossein Amir-Abdollahian; Amir-Abdollahian\n", "actors", "x.actors.txt")
    a, b = f.entries
    assert isinstance(a, ActorEntry)
    assert a.key == ("hossein", "amir", "abdollahian")
    assert a.code_on(dt.date(2023, 1, 1)) == "IRNGOV"
    assert a.code_on(dt.date(2024, 6, 1)) == "IRNELI"
    assert a.code_on(dt.date(2020, 1, 1)) is None
    assert str(b.origin) == "x.actors.txt:1"


def test_undated_code_is_the_fallback():
    (e,) = read_native_text("AFGINS [..2021-08-14], AFGGOV [2021-08-15..], AFG: Taliban", "actors").entries
    assert e.code_on(dt.date(2021, 8, 14)) == "AFGINS"
    assert e.code_on(dt.date(2021, 8, 15)) == "AFGGOV"
    assert e.code_on(None) == "AFG"


def test_with_no_date_and_no_undated_code_the_current_code_applies():
    """An undated story: "Ukraine" is UKR (from 1991 on), a minister who left office is
    no one."""
    (ukr,) = read_native_text("USRUKR [..1991-08-23], UKR [1991-12-21..]: Ukraine", "actors").entries
    assert ukr.code_on(None) == "UKR"
    (former,) = read_native_text("person IRNGOV [2021-08-25..2024-05-19]: Amir-Abdollahian",
                                 "actors").entries
    assert former.code_on(None) is None


def test_all_errors_reported_with_path_and_line():
    text = "IRN: Iran\nXX: bad code\nIRNGOV [2024-01-01..2020-01-01]: backwards\nno colon here\n"
    with pytest.raises(DictionaryErrors) as info:
        read_native_text(text, "actors", "bad.actors.txt")
    errors = info.value.errors
    assert [e.line for e in errors] == [2, 3, 4]
    assert all(isinstance(e, DictionaryError) and e.path == "bad.actors.txt" for e in errors)
    assert "bad.actors.txt:2: bad actor code 'XX'" in str(info.value)
    assert "    XX: bad code" in str(info.value)


def test_overlapping_ranges_are_an_error():
    with pytest.raises(DictionaryErrors, match="overlap"):
        read_native_text("USAGOV [2017-01-20..2021-01-20], USAELI [2021-01-20..]: Trump", "actors")


def test_continuation_lines_and_comments():
    f = read_native_text("# countries\nIRN: Iran;  # the state\n   Persia; Iranian\n", "actors")
    assert [e.text for e in f.entries] == ["Iran", "Persia", "Iranian"]


def test_agent_plural_shorthand_and_prefix_roles():
    f = read_native_text("GOV: official(s); foreign minister\nNGO~: aid group(s)\n", "agents")
    assert [(e.text, e.role, e.prefix) for e in f.entries] == [
        ("official", "GOV", False), ("officials", "GOV", False), ("foreign minister", "GOV", False),
        ("aid group", "NGO", True), ("aid groups", "NGO", True)]
    assert isinstance(f.entries[0], AgentEntry)


def test_agent_plural_shorthand_inside_a_phrase():
    f = read_native_text("BUS: chamber(s) of commerce\n", "agents")
    assert [e.text for e in f.entries] == ["chamber of commerce", "chambers of commerce"]


def test_verb_patterns_and_frames():
    f = read_native_text(
        "1124: accuse + of war crimes\n195 noun: air strike on + by $\n"
        "frame appeal: urge + to <act>\nframe appeal map: 04=026 0841=0253 *=020\n", "verbs")
    v, n, fr, fm = f.entries
    assert isinstance(v, VerbPattern) and (v.head, v.elements) == ("accuse", ("+", "of", "war", "crimes"))
    assert (n.kind, n.head, n.elements) == ("noun", "strike", ("^air", "on", "+", "by", "$"))
    assert fr.frame == "appeal" and fr.elements == ("+", "to", "<act>")
    assert fm.code_for("046") == "026" and fm.code_for("0841") == "0253"
    assert fm.code_for("190") == "020" and fm.code_for(None) == "020"


@pytest.mark.parametrize(("line", "message"), [
    ("999: visit", "unknown CAMEO event code '999'"),
    ("frame intent: plan to", "needs exactly one <act>"),
    ("042: visit <act>", "frame lines only"),
    ("frame intent map: 04=999", "unknown CAMEO event code"),
    ("042: + visit", "must start with a word"),
])
def test_bad_verb_lines(line, message):
    with pytest.raises(DictionaryErrors, match=message):
        read_native_text(line, "verbs")


def test_capitals_match_only_capitals():
    assert phrase_key("US") == ("US",)
    assert phrase_key("al-Shabaab") == ("al", "shabaab")
    assert phrase_key("People's Liberation Army") == ("people", "'s", "liberation", "army")


def test_layers_override_and_remove(tmp_path):
    (tmp_path / "mine.actors.txt").write_text("IRNGOV: Iran\nremove: Iranian\n")
    (tmp_path / "mine.verbs.txt").write_text("111: accuse\nremove: visit\n")
    base = load_dictionaries([TEST_DICTS], default=False)
    layered = load_dictionaries([TEST_DICTS, tmp_path], default=False)
    assert base.actors.get(phrase_key("Iran")).code_on(None) == "IRN"
    assert layered.actors.get(phrase_key("Iran")).code_on(None) == "IRNGOV"
    assert layered.actors.get(phrase_key("Iranian")) is None
    assert {p.code for p in layered.verbs["accuse"] if not p.elements} == {"111"}
    assert not any(not p.elements for p in layered.verbs.get("visit", []))


def test_kind_prefix_for_any_file_name(tmp_path):
    p = tmp_path / "my_list.txt"
    p.write_text("ZZZ: Zedland\n")
    d = load_dictionaries([f"actors:{p}"], default=False)
    assert d.actors.get(phrase_key("Zedland")).code_on(None) == "ZZZ"


def test_validate_command_reports_every_error(tmp_path, capsys):
    bad = tmp_path / "bad.verbs.txt"
    bad.write_text("042: visit\n999: x\nframe a: b\n")
    good = TEST_DICTS
    status = main(["validate", str(good), str(bad)])
    out = capsys.readouterr().out
    assert status == 1
    assert "eventcoder-test 1): ok" in out
    assert f"{bad}:2: unknown CAMEO event code '999'" in out
    assert f"{bad}:3:" in out


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(DictionaryErrors, match="no such file or folder"):
        load_dictionaries([tmp_path / "nope"], default=False)


def test_person_and_null_entries():
    f = read_native_text("person RUSGOV [2004-03-09..]: Sergei Lavrov\nnull: Paris Agreement\n", "actors")
    lavrov, paris = f.entries
    assert lavrov.person and lavrov.code_on(dt.date(2020, 1, 1)) == "RUSGOV"
    assert paris.codes == () and paris.code_on(dt.date(2020, 1, 1)) is None


def test_longer_overlapping_phrase_wins():
    from eventcoder.dictionaries.phrases import PhraseTable

    trie: PhraseTable[str] = PhraseTable()
    for text in ("the West", "West Bank town", "Bank"):
        trie.add(phrase_key(text), text)
    words = ["Israel", "raided", "the", "West", "Bank", "town"]
    assert [v for _, _, v in trie.matches([w.lower() for w in words], words)] == ["West Bank town"]


def _longest_by_brute_force(phrases: dict, words: list[str]) -> list[tuple[int, int, str]]:
    """At each start the longest phrase there; of overlapping ones the longer, then the
    earlier, is kept."""
    found = []
    for i in range(len(words)):
        fits = [(i, j, phrases[tuple(words[i:j])]) for j in range(i + 1, len(words) + 1)
                if tuple(words[i:j]) in phrases]
        if fits:
            found.append(max(fits, key=lambda m: m[1]))
    taken: list[tuple[int, int, str]] = []
    for m in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
        if all(m[1] <= t[0] or t[1] <= m[0] for t in taken):
            taken.append(m)
    return sorted(taken)


@settings(max_examples=200, deadline=None)
@given(keys=st.lists(st.lists(st.sampled_from("abcde"), min_size=1, max_size=4), max_size=12),
       sentences=st.lists(st.lists(st.sampled_from("abcdef"), max_size=10), min_size=1, max_size=4))
def test_matcher_grown_sentence_by_sentence_finds_the_longest_phrases(keys, sentences):
    """The matcher makes a branch of its trie the first time a sentence reaches it: each
    sentence of a run finds what a brute-force search over all phrases finds."""
    phrases = {tuple(k): " ".join(k) for k in keys}
    matcher = SentenceMatcher(PhraseTable(dict(phrases)))
    for words in sentences:
        assert matcher.match(words, words)[0] == _longest_by_brute_force(phrases, words)


def test_one_matcher_for_actors_agents_and_discards_with_hyphen_variants(tmp_path):
    (tmp_path / "x.actors.txt").write_text(
        "ZZZ: Zedland\nZZZGOV: Zedland government\nIGOWST: G-7\nSOMINS: al-Shabaab\n")
    (tmp_path / "x.agents.txt").write_text("GOV: government\n")
    d = load_dictionaries([tmp_path], default=False)
    assert d.actors.get(("g", "7")).text == "G-7" and d.actors.get(("g-7",)).text == "G-7"
    assert len(d.actors) == 4   # a variant is another spelling, not another phrase
    again = pickle.loads(pickle.dumps(d.matcher))
    for matcher in (d.matcher, again, d.matcher):
        for words, actors, agents in (
                (["The", "Zedland", "government", "met", "the", "G-7"], ["Zedland government", "G-7"],
                 ["government"]),  # each kind is matched on its own
                (["The", "government", "and", "al", "-", "Shabaab"], ["al-Shabaab"], ["government"])):
            found = matcher.match([w.lower() for w in words], words)
            assert [m[2].text for m in found[0]] == actors
            assert [m[2].text for m in found[1]] == agents


def test_wrapped_lines_continue_the_entry():
    f = read_native_text("042: visit;\n  travel to +;\n  fly to +\n", "verbs")
    assert [e.text for e in f.entries] == ["visit", "travel to +", "fly to +"]
    (e,) = read_native_text("IGOESC: United Nations\n    Educational, Scientific and Cultural "
                            "Organization\n", "actors").entries
    assert e.text == "United Nations Educational, Scientific and Cultural Organization"
    (e,) = read_native_text("USAGOV [2017-01-20..2021-01-20],\n  USAELI [2021-01-21..]: Donald Trump\n",
                            "actors").entries
    assert [c.code for c in e.codes] == ["USAGOV", "USAELI"]


def test_symmetric_verb_lines():
    (p, q) = read_native_text("190 symmetric: clash with +\n195 noun symmetric: exchange of fire\n",
                              "verbs").entries
    assert p.symmetric and p.kind == "verb" and q.symmetric and q.kind == "noun"
    with pytest.raises(DictionaryErrors, match="bad verb line head"):
        read_native_text("190 sideways: clash\n", "verbs")


def test_a_null_verb_pattern_fits_but_codes_no_event(tmp_path, nlp):
    """``---: meet obligation`` takes "meet their obligations" away from "meet" (040)."""
    from eventcoder import Coder

    from .conftest import TEST_DICTS, triples

    (tmp_path / "null.verbs.txt").write_text("---: meet obligation; meet deadline\n", encoding="utf-8")
    coder = Coder([TEST_DICTS, tmp_path / "null.verbs.txt"], default_dictionaries=False, model=nlp)
    assert coder.code_story("Iran failed to meet its obligations to Israel.", date="2023-05-01") == []
    assert triples(coder.code_story("Iran met Israel.", date="2023-05-01")) == [
        ("IRN", "ISR", "040"), ("ISR", "IRN", "040")]


def test_a_null_verb_pattern_cannot_be_symmetric_or_reciprocal(tmp_path):
    from eventcoder.dictionaries.native import read_native
    from eventcoder.errors import DictionaryErrors

    p = tmp_path / "bad.verbs.txt"
    p.write_text("--- symmetric: meet deadline\n---/043: arrive late\n", encoding="utf-8")
    with pytest.raises(DictionaryErrors) as err:
        read_native(p)
    assert "bad.verbs.txt:1" in str(err.value) and "bad.verbs.txt:2" in str(err.value)


def test_word_sets_and_choices_expand():
    from eventcoder.dictionaries.native import read_native_text

    f = read_native_text("set RELIEF: food; humanitarian aid\n"
                         "073: send|airlift &RELIEF to|into +\n", "verbs")
    got = sorted((e.head, e.elements) for e in f.entries)
    assert got == [("airlift", ("food|humanitarian_aid", "into", "+")),
                   ("airlift", ("food|humanitarian_aid", "to", "+")),
                   ("send", ("food|humanitarian_aid", "into", "+")),
                   ("send", ("food|humanitarian_aid", "to", "+"))]
    assert all(e.origin.line == 2 for e in f.entries)


def test_unknown_word_set_is_an_error_with_its_line():
    from eventcoder.dictionaries.native import read_native_text
    from eventcoder.errors import DictionaryErrors

    with pytest.raises(DictionaryErrors) as err:
        read_native_text("073: send &RELIEF to +\nset RELIEF: food\n", "verbs", "x.verbs.txt")
    assert "x.verbs.txt:1" in str(err.value) and "&RELIEF" in str(err.value)


def test_word_set_codes_a_sentence(tmp_path, nlp):
    from eventcoder import Coder

    (tmp_path / "relief.verbs.txt").write_text("set RELIEF: food; medicine; energy biscuit\n"
                                              "073: airlift|truck &RELIEF to +\n")
    text = "The World Food Programme trucked high-energy biscuits to Mozambique on Tuesday."
    assert not Coder(model=nlp).code_story(text, date="2019-03-19")
    events = Coder([tmp_path], model=nlp).code_story(text, date="2019-03-19")
    assert [(e.source, e.target, e.event_code) for e in events] == [("IGOUNOWFP", "MOZ", "073")]


def test_word_sets_join_as_alternatives():
    from eventcoder.dictionaries.native import expand_pattern

    assert expand_pattern("send &A|&B|grain to +", {"A": "x|y", "B": "z"}) == ["send x|y|z|grain to +"]
    with pytest.raises(ValueError, match="&C"):
        expand_pattern("send &A|&C to +", {"A": "x"})


def test_noun_pattern_head_alternatives_expand(tmp_path, nlp):
    from eventcoder import Coder, CoderOptions
    from eventcoder.dictionaries.native import expand_pattern

    assert expand_pattern("suicide bombing|attack on|in + by $", noun=True) == [
        "suicide bombing on + by $", "suicide bombing in + by $",
        "suicide attack on + by $", "suicide attack in + by $"]
    # a verb pattern's object alternatives stay one element, matched in the sentence
    assert expand_pattern("launch bombing|attack on +") == ["launch bombing|attack on +"]
    (tmp_path / "mine.verbs.txt").write_text("1831 noun: suicide bombing|attack on + by $\n")
    text = "The suicide attack on a police station in Maiduguri by Boko Haram killed 12 people."
    events = Coder([tmp_path], model=nlp, options=CoderOptions(require_dyad=False)).code_story(
        text, date="2015-01-15")
    assert ("NGAREBBKH", "1831") in {(e.source, e.event_code) for e in events}
