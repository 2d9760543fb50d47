"""The coding pipeline: story text -> parsed sentences -> actors + predicates -> events.

Stages (each a small function over plain data, no I/O):

1. ``story_body``: boilerplate lines and the dateline dropped (eventcoder.text);
2. the parser: spaCy, batched (eventcoder.parse);
3. discards: a sentence or story with a discard phrase is dropped;
4. predicates: verbs and nouns with dictionary patterns, frames ("plan to", "urge X to");
5. actors: source and target noun phrases resolved (eventcoder.actors);
6. events: one per source x target pair, with provenance.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._gc import gc_paused
from .actors import (
    ARMED_ROLES,
    CROWD_PLACE_PREPS,
    DIPLOMAT_NOUNS,
    HOST_ROLES,
    PEOPLE_ROLES,
    PERSON_NOUNS,
    PLACE_PREPS,
    PROTESTER_NOUNS,
    REGIONS,
    STATE_ORGANS,
    STATE_PARTS,
    Actor,
    SentenceActors,
    StoryContext,
    armed_group,
    bare_congress,
    compose,
    counted,
    country_of,
    someone_elses_name,
    stance,
)
from .dates import MONTH_NAMES, EventDate, resolve_date, story_reference
from .dictionaries import DictionarySet, VerbPattern, load_dictionaries
from .dictionaries.entries import NULL_CODE, FrameMap
from .dictionaries.native import ALTERNATIVE, PREPOSITIONS
from .geo import Gazetteer, Mention, Place, StoryPlaces, actor_tokens_of, find_dateline
from .geo.story import DIRECTIONS
from .model import Event, Story
from .parse import Parser, Sentence
from .text import clean_text, story_body
from .verbs import (
    CARRYING_PARTICIPLES,
    DOCUMENT_NOUNS,
    JUDGING_VERBS,
    OBJECT_DEPS,
    RELATION_PARTICIPLES,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    TIME_NOUNS,
    PatternMatch,
    act_candidates,
    aux_frame,
    bare_infinitive,
    by_first_word,
    clause,
    complement_of,
    governing_verb,
    is_infinitive,
    is_negated,
    is_passive,
    is_verbal,
    match_frame,
    named_thing,
    own_tokens,
    phrase_object,
    predicate_fits,
    shifted_complement,
    subject_of,
)

__all__ = ["Coder", "CoderOptions", "StoryResult", "code_sentences"]

NOUN_SOURCE_DEPS = ("poss", "amod", "compound", "nmod")
# Nouns whose "that" clause is alleged or rumoured, not reported as done
ALLEGATION_NOUNS = frozenset({"allegation", "accusation", "claim", "charge", "rumour", "rumor",
                              "suspicion", "speculation"})
# Verbs that deny what their clause says, and the nouns of what they may deny ("denied
# reports that ...")
DENIAL_VERBS = frozenset({"deny", "refute", "dismiss", "reject"})
REPORT_NOUNS = ALLEGATION_NOUNS | {"report", "story", "suggestion", "assertion"}
# Words that make a noun's act an allegation or a possibility, not an act reported as done
HEDGES = frozenset({"alleged", "suspected", "possible", "potential", "purported", "apparent"})
# Nouns of people who are civilians where they protest, are coerced or are massacred
CROWD_NOUNS = frozenset({"people", "person", "supporter", "follower", "loyalist",
                         # someone's kin, when no actor is named for them
                         "father", "mother", "son", "daughter", "wife", "husband", "brother",
                         "sister", "relative", "family", "child", "parent"})
# ... and people taken: "seized 49 people", "seized the crew" (181 or 173, not property)
CAPTIVE_NOUNS = frozenset({"hostage", "sailor", "crew", "worker", "tourist", "civilian", "student",
                           "fisherman", "passenger", "national", "citizen", "villager", "employee",
                           "staff", "resident", "member", "pilgrim", "migrant"})
# People's dwellings: "burned thousands of homes" is against the civilians who live there.
HOME_NOUNS = frozenset({"home", "house", "dwelling", "hut", "shelter"})
SHOP_NOUNS = frozenset({"shop", "store", "storefront", "supermarket", "warehouse"})
# Verbs of crowds on the move whose bare count ("thousands marched") are protesters
MARCH_VERBS = frozenset({"march", "rally", "protest", "demonstrate", "gather"})
# Diplomats posted somewhere: "recalled its high commissioner in Pretoria" (from the country)
POSTED_NOUNS = DIPLOMAT_NOUNS | {"commissioner"}
# Prepositions of a phrase that says where: a capital there is the country, not its
# government
WHERE_PREPS = frozenset({"in", "at", "near", "inside"})
# Weapons that, as the subject of a plain attack (190), say which force it was.
AERIAL_WEAPONS = frozenset({"drone", "missile", "rocket", "warplane", "jet", "aircraft", "bomber",
                            "helicopter", "airstrike", "air"})
ARTILLERY_WEAPONS = frozenset({"artillery", "shell", "mortar", "tank", "howitzer", "shelling"})
# Small arms a fight is fought "with", and the fights that are fought with them: "killed four
# gunmen in a gunbattle" (193)
SMALL_ARMS = frozenset({"gun", "rifle", "pistol", "firearm", "kalashnikov", "machinegun", "gunfire"})
GUNBATTLE_NOUNS = frozenset({"gunbattle", "shootout", "firefight", "gunfight"})
# Bombings by their kind (CAMEO 1831-1833), from the words of the bomb or the bomber.
BOMBINGS = {"suicide": "1831", "car": "1832", "truck": "1832", "vehicle": "1832",
            "roadside": "1833", "ied": "1833"}
# Nouns that sum up the main clause: ", a move Israel condemned".
SUMMARY_NOUNS = frozenset({"move", "decision", "step", "action", "announcement", "measure",
                           "development", "act"})
# Prepositions of the occasion something was done on ("during a visit to Kyiv") and the
# nouns of its time or part between ("on the first day of a visit", "at the end of talks")
OCCASION_PREPS = frozenset({"during", "in", "at", "by", "over", "on"})
# ... and of the talks an act followed or was done for: "signed the treaty after talks",
# "welcomed Abe at State House for talks"
TALKS_PREPS = frozenset({"after", "following", "for"})
OCCASION_PARTS = frozenset({"day", "start", "end", "sideline", "eve", "course", "part", "leg", "stop"})
# What an act may be made in, addressed to someone: "apologised in a letter to Putin"
LETTER_NOUNS = frozenset({"letter", "message", "note", "statement", "call", "telegram", "cable"})
# Consultations more specific than a bare one (040): by phone, at a third place, negotiation
SPECIFIC_CONSULTATIONS = frozenset({"041", "044", "046"})
# "each other", "one another" (either word may head the phrase): the sources themselves
RECIPROCALS = {"other": ("each", "one"), "another": ("one",), "one": ("another",)}
# Nouns that refer back to an act of violence already reported ("condemned the attack"),
# and to any act ("criticised the decision"): the one who did it is the target.
VIOLENCE_NOUNS = frozenset({"attack", "killing", "bombing", "strike", "airstrike", "assault",
                            "massacre", "shelling", "raid", "abduction", "kidnapping", "violence",
                            "atrocity", "shooting", "ambush", "incursion", "offensive", "invasion",
                            "execution", "murder", "assassination", "explosion", "blast"})
ACT_NOUNS = SUMMARY_NOUNS | {"probe", "investigation", "ruling", "verdict", "arrest", "detention",
                             "expulsion", "sanction", "crackdown", "repression", "deportation", "ban", "veto",
                             "release", "handover", "coup", "putsch", "tariff", "embargo", "boycott",
                             "seizure", "revolt", "mutiny", "rebellion", "uprising", "insurrection"}
# ... an act that does something (not words about one: a statement, an appeal, a meeting,
# praise or criticism, a demand, a threat, a protest)
DEED_ROOTS = frozenset({"03", "06", "07", "08", "09", "12", "15", "16", "17", "18", "19", "20"})
# ... and nouns of words that refer back to words: "turned down the offer" (an offer, 03),
# "rejected the demands" (an appeal or a demand, 02 and 10); each with the code prefixes
# of the events it may mean.
SAID_NOUNS = {"offer": frozenset({"03"}), "proposal": frozenset({"03"}),
              "demand": frozenset({"02", "10"}), "request": frozenset({"02", "10"}),
              "call": frozenset({"02", "10"}), "appeal": frozenset({"02", "10"}),
              "ultimatum": frozenset({"10", "13"}), "threat": frozenset({"13"}),
              "warning": frozenset({"13"}), "invitation": frozenset({"036", "04"}),
              "accusation": frozenset({"11"}), "allegation": frozenset({"11"}),
              "charge": frozenset({"11"}), "criticism": frozenset({"11"}),
              # a court's words: "sentenced Greste ... Al Jazeera condemned the verdict" (116)
              "verdict": frozenset({"116"}), "ruling": frozenset({"116", "17"}),
              "sentence": frozenset({"116"}), "conviction": frozenset({"116"}),
              # "condemned the seizure of power": whoever took it by force (a coup is an
              # arrest of the leaders, an attack on the palace, fighting: 17-20)
              "seizure": frozenset({"17", "18", "19", "20"}),
              # "condemned the protest": the protesters of the protest reported before
              "protest": frozenset({"14"}), "demonstration": frozenset({"14"}),
              "rally": frozenset({"14"}), "riot": frozenset({"14"}), "unrest": frozenset({"14"}),
              # "denounced the flight as a reckless provocation": a show of force (15)
              "flight": frozenset({"15"}), "overflight": frozenset({"15"}),
              "drill": frozenset({"15"}), "exercise": frozenset({"15"}),
              "deployment": frozenset({"15"}), "buildup": frozenset({"15"}),
              "mobilisation": frozenset({"15"}), "mobilization": frozenset({"15"}),
              # "welcomed the meeting", "criticised the trip": who met, who travelled
              "meeting": frozenset({"04"}), "talk": frozenset({"04"}), "summit": frozenset({"04"}),
              "visit": frozenset({"042"}), "trip": frozenset({"042"})}
# Every noun that may refer back to an act told before, of violence, of any deed or of words
REFERRING_NOUNS = VIOLENCE_NOUNS | ACT_NOUNS | frozenset(SAID_NOUNS)
# Verbs that call off what their object names: "postponed his trip to Beijing" is no visit
CALLED_OFF_VERBS = frozenset({"postpone", "cancel", "delay", "scrap", "shelve", "defer", "abandon",
                              "scrub", "suspend", "halt"})
# Attacks that a state makes with its armed forces: "Russian strikes", "an Israeli raid"
MILITARY_STRIKES = frozenset({"strike", "airstrike", "bombardment", "shelling", "raid", "incursion",
                              "offensive", "invasion"})
# Nouns for whoever did an act of violence already reported: "condemned its perpetrators".
PERPETRATOR_NOUNS = frozenset({"perpetrator", "culprit", "killer", "murderer", "suspect"})
# Prepositions of a place phrase that may open a sentence and say where its agents are.
FRONTED_PLACE_PREPS = frozenset({"in", "outside", "near", "at"})
# Purpose infinitives that name whom a protest is against.
PURPOSE_LEMMAS = frozenset({"protest", "demand", "denounce", "condemn", "oppose", "demonstrate",
                            "pressure", "press"})
# Purpose infinitives that name whom a show of force is aimed at ("put its forces on alert
# to respond to any move by the Chinese military").
POSTURE_PURPOSES = frozenset({"respond", "counter", "deter", "repel", "confront", "defend",
                              "guard", "meet", "thwart"})
# Words of armed force in what a warning says will happen: a threat of military force
MILITARY_THREAT_WORDS = frozenset({"unanswered", "retaliation", "retaliate", "rocket", "missile",
                                   "drone", "war", "army", "troop", "military", "strike", "force",
                                   "crushing", "crush", "intervene", "defence", "defense", "fury"})
# Words of sanctions in a warning's clause ("our tariff will increase"): a threat of them
SANCTION_THREAT_WORDS = frozenset({"sanction", "tariff", "embargo", "boycott"})
# Vows that threaten when what is vowed is a response ("vowed to respond strongly")
THREAT_VOWS = frozenset({"vow", "pledge", "promise", "swear"})
# Modals of what may come: an act of force that may come on a condition is a threat
THREAT_MODALS = frozenset({"could", "might", "may", "can"})
RESPONSE_VERBS = frozenset({"respond", "react", "answer", "retaliate", "avenge"})
# Purposes that name whom force or repression is used on: "fired tear gas to disperse them"
REPRESSION_PURPOSES = frozenset({"disperse", "quell", "crush", "scatter", "suppress", "evict",
                                 "clear", "push"})
# Those a state's soldiers fire on in repression, not in war; crowds that protest: what
# they demand, they demonstrate for (104x -> 141x)
# Participles of yielding: "withdrew the bills, bowing to street protests"
YIELDING_VERBS = frozenset({"bow", "yield", "give", "cave", "bend", "respond"})
# Verbs that lay an act "on" someone: the accused, not the act's victim
BLAMING_VERBS = frozenset({"blame", "pin"})
# Verbs whose clause is the act they stand for: "to ensure that troops respected human rights"
ENSURING_VERBS = frozenset({"ensure", "guarantee"})
# Protest forms that CAMEO refines by their purpose (1041-1044 -> 1411-1454).
PROTEST_FORMS = frozenset({"141", "142", "143", "144", "145"})
# Words of a protest in a sentence (and "striking" workers; not "strike": air strikes): whom
# the state's forces fire on there
PROTEST_WORDS = PROTESTER_NOUNS | {"protest", "demonstration", "rally", "march", "striker", "riot", "sit-in"}
# Words of disorder that troops are sent against: "deployed soldiers ... after days of looting"
UNREST_WORDS = PROTEST_WORDS | {"loot", "looting", "looter", "rioting", "unrest", "violence", "clash"}
# Roles of people who protest against their own government when they name no one else
PROTESTING_ROLES = frozenset({"CVL", "OPP", "LAB", "EDU", "AGR", "HLH", "REL"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Verbs of making a conflict worse: asked not to, one is asked to de-escalate
ESCALATION_VERBS = frozenset({"escalate", "inflame", "provoke", "attack", "invade", "strike", "retaliate"})
# ... and asking that hostilities stop ("halt its belligerent action", "end the fighting")
HALT_VERBS = frozenset({"halt", "stop", "end", "cease"})
HOSTILE_ACT_NOUNS = frozenset({"action", "attack", "fighting", "hostility", "offensive", "provocation",
                               "aggression", "violence", "shelling", "bombardment", "strike", "incursion"})
# Relations that subjects acting together have with each other: "both countries recalled
# their ambassadors", "agreed to reopen their embassies".
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06", "16"})
# Acts of force and coercion: named inside a phrase another predicate took ("condemned the
# arrest of Lissu by police"), they are events of their own; a visit or a meeting is not.
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
# A killing of this many or more is a mass killing (202).
KILL_LEMMAS = frozenset({"kill", "massacre", "slaughter", "execute"})
MASS_KILLING = 50
# ... and of civilians by armed men (not the state) in one raid, this many or more
ARMED_MASS_KILLING = 20
# An attack whose toll ("..., killing at least 133 people") is this many or more is one too.
MASS_TOLL = 100
MASS_EXPULSION = 1000
# Phrases that say where or when, never whom, even for legacy patterns that take any
# phrase's actor ("held talks in Istanbul", "exercises in the Sea of Japan").
WHERE_WHEN_PREPS = frozenset({"in", "inside", "within", "near", "outside", "across", "around",
                              "throughout", "during", "after", "before", "since", "until", "ahead"})
# Codes of verbs whose clause is no act that happened: appeals, intent, demands,
# refusals, threats ("demanded that X release", "refused to free", "threatened to strike").
UNREAL_ROOTS = frozenset({"02", "03", "10", "12", "13"})
# Codes of acts done by moving one's own forces or goods (intent, cooperation, aid, threats,
# force posture): one's own troops are the means, and the one acted on is further on ("pledged to
# send 1,000 troops to help the Philippines").
MOVE_ROOTS = frozenset({"03", "06", "07", "13", "15"})
# Police force against their own country's civilians is repression (175), not combat.
REPRESSED_ROLES = frozenset({"CVL", "OPP", "EDU", "LAB", "HRI", "MED", "AGR", "REL"})
# Modals that make an act a possibility or an obligation, not an act done (a frame may
# still read them: "would" and "will" are intent).
UNREAL_MODALS = frozenset({"should", "could", "might", "may", "must", "can", "shall"})
# ... for acts that are done, not said (a statement, an appeal, a demand, criticism, a
# refusal or a threat with a modal is still one: "should have acted" is a call to act).
DONE_ROOTS = frozenset({"04", "05", "06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20"})
# Arriving or landing somewhere is a visit (042) only for a government, a person or a
# delegation, not for a plural of people or forces ("the attackers arrived at the school").
ARRIVAL_VERBS = frozenset({"arrive", "land"})
# Events whose target, named as where the source went, is also the event's place
PLACE_TARGET_CODES = frozenset({"042", "074", "192"})
# What a protest against a policy is against (14x2)
POLICY_NOUNS = frozenset({"law", "reform", "policy", "bill", "decision", "tax", "price", "plan",
                          "measure", "rule", "regulation", "amendment", "hike", "cut", "budget",
                          "legislation", "ban", "decree"})
# What protesters demand of a government when they demand a change of its policy: "demanded
# the reversal of a decision", "to demand that the government halt the handover"
REVERSAL_NOUNS = frozenset({"reversal", "repeal", "withdrawal", "scrapping", "cancellation", "revocation",
                            "abolition", "rollback", "suspension", "annulment"})
REVERSING_VERBS = frozenset({"halt", "stop", "reverse", "scrap", "repeal", "cancel", "withdraw", "drop",
                             "end", "rescind", "revoke", "suspend", "abandon", "abolish", "annul",
                             "lower", "cut", "reduce"})
# A protest "demanding" (calling for, ...) leaders' resignation or early elections is for a
# change of leaders (14x1)
# Words of a change of institutions: what a protest at a legislature may be about (14x4)
CONSTITUTION_WORDS = frozenset({"constitution", "constitutional", "referendum"})
DEMAND_LEMMAS = frozenset({"demand", "call", "urge", "seek", "press", "chant"})
LEADERS_GO = frozenset({"resignation", "ouster", "removal", "impeachment", "downfall", "resign"})
# A country's diplomatic mission: "the embassy of Rwanda" stands for its government
MISSION_NOUNS = frozenset({"embassy", "consulate", "legation", "chancery"})
# The story's own place named again ("arrived in the capital", "in the port city")
DATELINE_PLACE_NOUNS = frozenset({"city", "capital", "port"})
# Armed forces as a body: their arrival somewhere is no visit
FORCE_NOUNS = frozenset({"troop", "soldier", "force", "paratrooper", "peacekeeper", "contingent",
                         "marine", "battalion", "unit"})
# Teams of rescuers or doctors: their arrival is humanitarian aid (073)
TEAM_NOUNS = frozenset({"team", "crew", "convoy", "unit", "brigade", "contingent"})
RELIEF_WORDS = frozenset({"rescue", "relief", "medical", "aid", "humanitarian", "disaster",
                          "emergency", "doctor"})
# Goods that planes or ships arriving carry as relief ("landed in Karachi carrying tents,
# food and medicine"): their arrival is humanitarian aid (073)
RELIEF_GOODS = RELIEF_WORDS | {"food", "medicine", "tent", "blanket", "water", "supply", "shelter",
                               "vaccine", "tarpaulin"}
# ... and with these words, or sent by an organisation, a mission of protection (074)
PEACEKEEPING_WORDS = frozenset({"peacekeeping", "peacekeeper", "mission", "stabilisation",
                                "stabilization", "protection"})
# A threat made "after" or "because" someone did something answers that one; one "until"
# something befalls someone is against that one.
REACTION_MARKS = frozenset({"after", "because", "until"})
# Economic aid (given, promised, asked for, refused, cut) whose clause says it is for
# refugees, victims or relief is the humanitarian sub-code of the same family.
HUMANITARIAN_OF = {"070": "073", "071": "073", "074": "073", "033": "0333", "0331": "0333",
                   "0334": "0333", "023": "0233", "0231": "0233", "1031": "1033", "1221": "1223",
                   "1621": "1623"}
HUMANITARIAN_WORDS = frozenset({"refugee", "displaced", "humanitarian", "famine", "earthquake",
                                "flood", "relief", "survivor", "victim", "evacuee", "starvation",
                                "quake", "typhoon", "hurricane", "cyclone", "tsunami", "disaster",
                                "epidemic", "outbreak", "drought"})
# ... and a story with these words tells of a natural disaster, where aid is humanitarian
DISASTER_WORDS = frozenset({"earthquake", "quake", "typhoon", "hurricane", "cyclone", "tsunami",
                            "flood", "flooding", "wildfire", "landslide", "eruption"})
# Appeals and demands for a release (0253, 1053) are made to the one who holds the people
# (a detention, 173, or an abduction, 181, reported before).
RELEASE_APPEALS = frozenset({"0253", "1053"})
DETENTION_CODES = ("173", "181")
# Verbs a framed act is seen through: "asked Ankara to help mediate", "to begin sharing".
TRANSPARENT_VERBS = frozenset({"help", "begin", "start", "continue", "resume", "keep", "go", "have", "need"})
# Verbs that say no more than the act they govern when their object is one of these:
# "use his powers to pardon", "do more to respect freedom", "take steps to release"
TRANSPARENT_WITH = {
    "use": frozenset({"power", "influence", "authority", "leverage", "clout", "office", "sway",
                      "position"}),
    "do": frozenset({"more", "everything", "all", "utmost", "best", "what", "whatever", "enough"}),
    "take": frozenset({"step", "measure", "action"}),
    "make": frozenset({"effort"}),
}
# Seizing or capturing (property 171, people 173) a place is occupying territory (192).
SEIZURE_CODES = frozenset({"171", "1711", "173"})
TERRITORY_NOUNS = frozenset({"city", "town", "village", "region", "province", "district",
                             "territory", "area", "island", "enclave", "capital", "port",
                             "hill", "zone", "border", "crossing", "airport", "base", "strip",
                             "side", "part", "outskirt", "neighbourhood", "neighborhood",
                             "suburb", "valley", "peninsula", "position", "oblast"})
# "on the sidelines of the summit", "on the margins of": a place of meeting
SIDE_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins"})
TARGET_PREPS = frozenset({"with", "to", "against", "on", "toward", "towards", "for", "into", "upon",
                          "over", "between", "of", "including"})


@attrs.frozen
class CoderOptions:
    """Coding choices a researcher can change.

    - ``require_dyad``: no event without both a source and a target (CAMEO practice).
    - ``drop_self_events``: no event whose source and target are the same actor, or a
      country and its own state (ISR and ISRMIL).
    - ``symmetric``: code the patterns marked ``symmetric`` in the verb dictionary ("meet",
      "clash with +") in both directions, and between co-subjects ("X and Y met").
    - ``code_nouns``: code noun predicates ("the bombing of X by Y").
    - ``infer_agent_country``: a generic actor with no country of its own ("the
      government", "civilians") takes the story's most mentioned country.
    - ``geolocate``: give each event its place (docs/geo.md).
    - ``resolve_dates``: date each event from its sentence (docs/dates.md); else every
      event takes the story date.
    - ``past_days``: an event the sentence dates (``resolve_dates``) to a period that ended
      more than this many days before the story's date is background ("Egypt made peace
      with Israel in 1979", "Bolivia cut ties with Israel last October") and is not
      coded, unless it is what someone reports ("the OPCW said Syrian forces used chlorine
      gas in 2018"); ``None`` codes every event, dated as the sentence says.
    - ``comma_bmin``/``comma_bmax``, ``comma_min``/``comma_max``, ``comma_emin``/
      ``comma_emax``: PETRARCH's comma-clause options, off (max 0) by default: predicates
      in a comma-delimited clause at the beginning, in the middle or at the end of a
      sentence, of that many words, are not coded (", a senior official said on Monday").
    - ``once_per_story``: an event told again later in its story (the same source, target
      and code: a lead restated in a later paragraph; the same code between the same
      countries said less exactly, RUS -> CHN after RUSGOV -> CHNGOV; or the same pair with
      a code the earlier one refines, 112 after 1122) is kept once, at its first telling,
      as a careful coder codes it; ``False`` keeps every telling.
    """

    require_dyad: bool = True
    drop_self_events: bool = True
    symmetric: bool = True
    code_nouns: bool = True
    infer_agent_country: bool = True
    geolocate: bool = True
    resolve_dates: bool = True
    past_days: int | None = 31
    comma_bmin: int = 0
    comma_bmax: int = 0
    comma_min: int = 0
    comma_max: int = 0
    comma_emin: int = 0
    comma_emax: int = 0
    once_per_story: bool = True


@attrs.frozen
class StoryResult:
    """The events of one story, or why it produced none."""

    story: Story
    events: tuple[Event, ...]
    discarded: str | None = None
    n_sentences: int = 0
    error: str | None = None


def _story_countries(kept: list[tuple[Sentence, list]], date: dt.date | None,
                     dateline: str | None = None) -> tuple[str | None, str | None]:
    """The country the story's named actors belong to most often (the first on a tie),
    and the ``dateline`` country if its actors name it too (else None)."""
    counts: collections.Counter[str] = collections.Counter()
    lead: set[str] = set()
    for n, (sent, matches) in enumerate(kept):
        covered = {k for found in matches[:2] for start, end, _ in found for k in range(start, end)}
        for start, end, entry in matches[0]:
            if stance(sent, start, end):
                continue
            code = entry.code_on(date)
            if someone_elses_name(sent, start, end, code, entry.person, covered.__contains__):
                continue  # "Marko Cortes": someone's surname, not Spain's parliament
            c = country_of(code) if code else None
            if bare_congress(sent, start, end, code):
                continue  # many countries' legislatures are "Congress" (actors.CONGRESS_COUNTRIES)
            if c is not None:
                counts[c] += 1
                if n == 0:
                    lead.add(c)
    top = counts.most_common(1)[0][0] if counts else None
    host = dateline if dateline is not None and counts[dateline] else None
    if host is not None and top is not None and top != host and counts[top] > counts[host] \
            and top in lead and host not in lead:
        # "SYDNEY (Reuters) - Police in the tiny Pacific island nation of Nauru have
        # arrested two opposition members ...": a story filed from abroad about a country its
        # lead names, and its actors name most, is there
        host = top
    return top, host


def _inside_noun_phrase(sent: Sentence, k: int) -> bool:
    """A comma between parts of one noun phrase ("complete, full diplomatic ties"), which
    PETRARCH's parse tree keeps inside the phrase: it bounds no clause."""
    h = sent.head[k]
    if sent.pos[h] not in ("NOUN", "PROPN") or k == 0 or k + 1 >= len(sent):
        return False
    under = sent.subtree(h)
    return k - 1 in under and k + 1 in under and h > k


def _comma_clauses(sent: Sentence, o: CoderOptions) -> set[int]:
    """Tokens of the comma-delimited clauses PETRARCH's comma options leave out."""
    if not (o.comma_bmax or o.comma_max or o.comma_emax):
        return set()
    commas = [k for k, w in enumerate(sent.words) if w == "," and not _inside_noun_phrase(sent, k)]
    if not commas:
        return set()
    bounds = [-1, *commas, len(sent)]
    out: set[int] = set()
    for n, (a, b) in enumerate(itertools.pairwise(bounds)):
        tokens = [k for k in range(a + 1, b) if sent.pos[k] != "PUNCT"]
        if n == 0:
            lo, hi = o.comma_bmin, o.comma_bmax
        elif b == len(sent):
            lo, hi = o.comma_emin, o.comma_emax
        else:
            lo, hi = o.comma_min, o.comma_max
        if hi and lo <= len(tokens) <= hi:
            out.update(tokens)
    return out


BACKGROUND_SPANS = frozenset({"year", "decade", "month", "century", "week"})
# Verbs that report what someone says or finds: "said Moscow was responsible for ..."
REPORTING_VERBS = frozenset({"say", "tell", "state", "add", "insist", "declare", "write", "claim",
                             "conclude", "find", "allege", "assert"})
# An attack threatened in so many words (1384, not 138): "threatened to attack", "to
# strike", "to launch a ground operation", "to continue the offensive"
ATTACK_WORDS = frozenset({"attack", "strike", "bomb", "shell", "hit", "offensive", "operation", "assault",
                          "raid", "airstrike", "invasion", "invade"})
# Refusals to yield, to say sorry or to step down: they answer who demanded it
YIELD_REFUSALS = frozenset({"124", "1231"})
# Verbs whose subject a denial with no target answers: who said, found or accused
ACCUSING_VERBS = REPORTING_VERBS | {"accuse", "blame", "charge", "suggest"}
# Words of talks held at a distance: "in a telephone call", "by phone", "via video link"
PHONE_NOUNS = frozenset({"phone", "telephone", "videoconference", "video", "videolink", "teleconference"})
# A relative clause dated more than this many days before the story tells background
RELATIVE_PAST_DAYS = 1


def _background_clauses(sent: Sentence) -> set[int]:
    """Tokens of clauses that recall an event long past as background: "five years after
    crowds burned down its embassy", "months after the coup" (not "hours after"), and
    "since" clauses in the past ("the first visit since Moscow sent troops into Ukraine")."""
    out: set[int] = set()
    if "advcl" not in sent.dep and "relcl" not in sent.dep:
        return out
    for k in range(len(sent)):
        kids = sent.children[k]
        if sent.dep[k] == "relcl" and any(sent.lower[a] in ("has", "have", "had") for a in kids
                                          if sent.dep[a] == "aux") and any(
                sent.dep[p] == "prep" and sent.lower[p] == "since"
                and (o := phrase_object(sent, p)) is not None
                and (sent.pos[o] == "NUM" or sent.lemma[o] in TIME_NOUNS or sent.lower[o] in MONTH_NAMES)
                for p in kids):
            # "The Saudi-led coalition, which has been fighting the Houthis since 2015,
            # carried out air strikes": a state of affairs since a date, background
            out.update(sent.subtree(k))
            continue
        h = sent.head[k]
        if sent.dep[k] == "relcl" and sent.tag[k] == "VBD" and sent.dep[h] == "pobj" \
                and h != sent.head[h] and sent.lower[sent.head[h]] in ("after", "since", "following") \
                and any(sent.dep[m] == "pobj" and sent.lower[m] in ("which", "whom")
                        for c in sent.children[k] if sent.dep[c] == "prep" for m in sent.children[c]):
            # "suspended budget support ... after a row in which the two countries expelled
            # each other's envoys": what came before the news, told in passing
            out.update(sent.subtree(k))
            continue
        if sent.dep[k] in ("relcl", "acl") and sent.lemma[sent.head[k]] == "time" and any(
                sent.lower[a] in ("first", "last") for a in sent.children[sent.head[k]]):
            # "..., the first time a NATO member has downed a Russian military aircraft in
            # more than half a century": what the news is measured against, not an act
            out.update(sent.subtree(k))
            continue
        if sent.dep[k] != "advcl":
            continue
        marks = [m for m in kids if sent.dep[m] == "mark" and sent.lower[m] in ("after", "since")]
        if marks and any(sent.dep[c] == "npadvmod" and sent.lemma[c] in BACKGROUND_SPANS
                         for c in [*kids, *(c for m in marks for c in sent.children[m])]):
            # ("two months after his talks with Trump collapsed": the span on the mark)
            out.update(sent.subtree(k))
        elif sent.tag[k] == "VBD" and any(sent.dep[m] == "mark" and sent.lower[m] == "since" for m in kids):
            # "his first trip since Moscow sent its troops into Ukraine": a time anchor
            out.update(sent.subtree(k))
        elif sent.lemma[sent.head[k]] == "come" and any(
                sent.dep[m] == "mark" and sent.lower[m] in ("after", "before", "as") for m in kids):
            # "The expulsion came a week after Mali demanded ...": what the story reported
            # is placed in time by an earlier event, told before
            out.update(sent.subtree(k))
    return out


def _with_governor(sent: Sentence, v: int) -> list[int]:
    """``v`` and, when ``v`` is a complement, the verb it completes ("said it could use
    force if ...", "threatened to strike if ...": the condition may hang on either)."""
    return [v] + ([sent.head[v]] if sent.dep[v] in ("xcomp", "ccomp") and sent.head[v] != v else [])


# Verbs that keep someone "from" doing something: what they kept them from did not happen
PREVENTING_VERBS = frozenset({"block", "prevent", "stop", "bar", "keep", "deter", "prohibit",
                              "forbid", "restrain", "ban", "dissuade"})


def _prevented_acts(sent: Sentence) -> set[int]:
    """Predicates someone was kept from ("blocked a Philippine warship from arresting Chinese
    fishermen"): acts that did not happen."""
    kept = {c for p in range(len(sent)) if sent.lower[p] == "from" and sent.dep[p] == "prep"
            and sent.lemma[sent.head[p]] in PREVENTING_VERBS
            for c in sent.children[p] if sent.dep[c] == "pcomp" and sent.tag[c] == "VBG"}
    # ... or with no "from": "stormed the parliament to stop lawmakers ratifying an agreement"
    kept |= {c for o in range(len(sent)) if sent.dep[o] in ("dobj", "obj")
             and sent.lemma[sent.head[o]] in PREVENTING_VERBS
             for c in sent.children[o] if sent.dep[c] == "acl" and sent.tag[c] == "VBG"}
    return kept


def _present_perfect(sent: Sentence, v: int) -> bool:
    """"has massed", "have been killed": ``v`` with "has" or "have" as its auxiliary."""
    return any(sent.dep[a] in ("aux", "auxpass") and sent.lower[a] in ("has", "have")
               for a in sent.children[v])


def _describing_clause(sent: Sentence, v: int) -> bool:
    """Whether ``v`` heads a relative clause whose subject is its noun and which only
    describes that noun: a restrictive one ("the militants who attacked India"), or one set
    off by a comma in the perfect, the progressive or the present ("the offensive, which
    has killed ...", "Lula, who was visiting ..."). A comma clause in the simple past is
    news of its own ("Jordan, which shot down some of the drones, summoned ...")."""
    if sent.dep[v] == "conj" and sent.head[v] != v and not any(
            sent.dep[c] in SUBJECT_DEPS for c in sent.children[v]):
        v = sent.head[v]  # "which seized power in July and revoked a ... agreement": both
    if sent.dep[v] != "relcl":
        return False
    if sent.tag[v] in ("VBP", "VBZ") and any(sent.lower[c] == "where" and sent.dep[c] == "advmod"
                                             for c in sent.children[v]):
        # "deployed in Niger, where they train the country's army and support its
        # operations": what goes on at a place, in the simple present, describes it
        return True
    for c in sent.children[v]:
        if sent.dep[c] in ("nsubj", "nsubjpass") and sent.lower[c] in RELATIVE_PRONOUNS:
            set_off = c > 0 and sent.words[c - 1] in (",", "(", "--")
            return not set_off or sent.tag[v] != "VBD" or any(
                sent.dep[a] in ("aux", "auxpass") for a in sent.children[v])
    return False


def _pluperfect(sent: Sentence, k: int) -> bool:
    return sent.tag[k] == "VBN" and any(
        sent.dep[a] == "aux" and sent.lower[a] == "had" for a in sent.children[k])


# Conjunctions whose past-perfect clause places the news after an earlier event
TIME_ANCHORS = frozenset({"after", "since", "once"})


def _pluperfect_clauses(sent: Sentence) -> set[int]:
    """Tokens of a main clause in the past perfect, which tells background before the
    news ("Iran had struck what it said were bases ..., killing two children"); clauses
    joined to it in another tense stay (", and on Monday Pakistan announced ...")."""
    out: set[int] = set()
    for k in range(len(sent)):
        if not _pluperfect(sent, k) or not (sent.dep[k] in ("ROOT", "relcl") or (
                sent.dep[k] == "advcl" and any(sent.dep[m] == "mark" and sent.lower[m] in TIME_ANCHORS
                                               for m in sent.children[k]))):
            # (an "after" clause in the past perfect places the news in time: "overran the
            # compound after a crowd had gathered outside to protest ...")
            continue
        keep = [c for c in sent.children[k] if sent.dep[c] == "conj" and sent.pos[c] in ("VERB", "AUX")
                and not _pluperfect(sent, c)]
        kept = {t for c in keep for t in sent.subtree(c)}
        out.update(t for t in sent.subtree(k) if t not in kept)
    return out


CONDITIONAL_MARKS = frozenset({"if", "unless"})


def _conditional(sent: Sentence, k: int) -> bool:
    return sent.dep[k] == "advcl" and any(
        sent.dep[m] == "mark" and sent.lower[m] in CONDITIONAL_MARKS for m in sent.children[k])


# Conjunctions of time whose clause in the simple present tells of what is still to come:
# "before Baku signs a peace treaty", "until Washington lifts sanctions"
PENDING_MARKS = frozenset({"before", "until", "till", "once", "when", "after"})


def _simple_present(sent: Sentence, k: int) -> bool:
    """``k`` in the simple present: "denies", "signs", with no auxiliary."""
    return sent.tag[k] in ("VBZ", "VBP") and not any(sent.dep[a] in ("aux", "auxpass")
                                                     for a in sent.children[k])


def _pending(sent: Sentence, k: int) -> bool:
    """A clause of time in the simple present: an act still to come ("demanded that Armenia
    change its constitution before Baku signs a peace treaty"); or an "until" clause on
    what will or would go on ("said the protests would continue until he left office")."""
    if sent.dep[k] != "advcl":
        return False
    marks = [sent.lower[m] for m in sent.children[k] if sent.dep[m] == "mark"]
    if _simple_present(sent, k) and any(m in PENDING_MARKS for m in marks):
        return True
    h = sent.head[k]
    return any(m in ("until", "till") for m in marks) and any(
        sent.dep[a] == "aux" and sent.lower[a] in ("will", "would", "'ll") for a in sent.children[h])


def _conditional_clauses(sent: Sentence) -> set[int]:
    """Tokens of clauses that say what may happen, not what did: "if South Korea and the
    United States attacked it" (the condition of a threat), "before Baku signs a peace
    treaty" (a time still to come)."""
    out: set[int] = set()
    if "advcl" in sent.dep:
        for k in range(len(sent)):
            if _conditional(sent, k) or _pending(sent, k):
                out.update(sent.subtree(k))
    return out


def _not_places(sentences: Sequence[Sentence], kept: list[tuple[Sentence, list]],
                date: dt.date | None) -> dict[int, set[int]]:
    """Tokens of actor phrases that name no place, by sentence position: people, groups,
    organisations ("Wagner fighters", "Hamas"); countries, cities and seats of government
    ("Moscow" RUSGOV) stay places."""
    position = {id(s): k for k, s in enumerate(sentences)}
    out: dict[int, set[int]] = {}
    for sent, matches in kept:
        for start, end, entry in matches[0]:
            code = entry.code_on(date) if entry.codes else None
            if entry.person or code is None or not (len(code) == 3 or code[3:6] == "GOV"):
                out.setdefault(position[id(sent)], set()).update(range(start, end))
    return out


def _weapon_words(s: Sentence, tok: int) -> set[str]:
    """The lemmas naming a weapon at ``tok``: its compounds and conjuncts ("missiles and
    drones", "artillery and rocket fire"), through a quantity ("dozens of missiles")."""
    tok = next(iter(counted(s, tok)), tok)
    out: set[str] = set()
    stack = [tok]
    while stack:
        k = stack.pop()
        out.add(s.lemma[k])
        stack.extend(c for c in s.children[k] if s.dep[c] in ("compound", "conj", "amod", "nmod"))
    if out & {"defence", "defense"}:
        out.discard("air")  # air defences shoot down; they are no aerial weapon
    return out


def _instrument_code(s: Sentence, v: int) -> str | None:
    """The code a plain attack ``v`` takes from what it was fought with: 194 for artillery,
    tanks or heavy weapons, 195 for aerial weapons, 193 for small arms ("with artillery,
    drones and large-calibre weapons" 194), or 193 when it was "in a gunbattle", "in a
    shootout", "in an exchange of fire"; None when no phrase says. The phrase may hang on
    the verb or on its object ("attacked positions and the towns of Goris and Kapan with
    artillery"), not on a clause inside it."""
    obj = next((c for c in s.children[v] if s.dep[c] in OBJECT_DEPS), None)
    heads = [v]
    if obj is not None:
        heads += [k for k in s.subtree(obj) if s.pos[k] in ("NOUN", "PROPN")
                  and not any(s.pos[a] in ("VERB", "AUX") for a in _path_up(s, k, obj))]
    weapons: set[str] = set()
    battle = False
    for h in heads:
        for p in s.children[h]:
            if s.dep[p] != "prep":
                continue
            o = phrase_object(s, p)
            if o is None:
                continue
            if s.lower[p] == "with" and (h != v or obj is not None):
                # (with no object, "with" names the other side: "clashed with Israeli tanks")
                weapons |= _weapon_words(s, o)
            elif s.lower[p] == "in" and (s.lemma[o] in GUNBATTLE_NOUNS or (
                    s.lemma[o] == "battle" and any(s.lemma[c] == "gun" for c in s.children[o])) or (
                    s.lemma[o] == "exchange" and "fire" in {s.lemma[k] for k in s.subtree(o)})):
                battle = True
    if weapons & ARTILLERY_WEAPONS or weapons >= {"heavy", "weapon"}:
        return "194"
    if weapons & AERIAL_WEAPONS:
        return "195"
    if weapons & SMALL_ARMS or battle:
        return "193"
    return None


def _deadline(s: Sentence, v: int) -> bool:
    """Whether the condition of act ``v`` ("unless ...", "if ... not") sets a time limit:
    "unless Israel apologised by the end of the day", "unless he called a vote within eight
    days"."""
    for c in s.children[v]:
        if s.dep[c] != "advcl" or not any(s.lower[m] in ("unless", "if") for m in s.children[c]
                                          if s.dep[m] == "mark"):
            continue
        for p in s.subtree(c):
            o = phrase_object(s, p) if s.dep[p] == "prep" else None
            if o is None:
                continue
            if s.lower[p] == "by" and (s.lemma[o] in ("end", "midnight", "deadline", "noon")
                                       or s.lemma[o] in TIME_NOUNS or s.lower[o] in MONTH_NAMES):
                return True
            if s.lower[p] == "within" and s.lemma[o] in ("hour", "day", "week", "month"):
                return True
    return False


def _path_up(s: Sentence, k: int, top: int) -> list[int]:
    """The tokens between ``k`` and its ancestor ``top`` (both left out)."""
    out = []
    k = s.head[k]
    while k != top and s.head[k] != k:
        out.append(k)
        k = s.head[k]
    return out


def _victims(s: Sentence, v: int) -> int:
    """How many the object of a killing counts: "at least 160 people" 160, "hundreds of
    villagers" 200; 0 when it gives no number."""
    obj = next((c for c in s.children[v] if s.dep[c] in OBJECT_DEPS), None)
    if obj is None:
        return 0
    if s.lemma[obj] in ("hundred", "thousand", "million", "score") and s.tag[obj] == "NNS":
        # ("scores of captured soldiers": several twenties, at least sixty)
        return {"hundred": 200, "thousand": 2000, "score": 60}.get(s.lemma[obj], 2_000_000)
    for c in (obj, *s.children[obj]):
        if s.pos[c] == "NUM":
            if s.lower[c] in ("million", "millions"):
                return 1_000_000  # "half a million Afghans"
            try:
                return int(s.lower[c].replace(",", ""))
            except ValueError:
                continue
    return 0


# Verbs of a beginning: a "when" clause on them tells how something began
ORIGIN_VERBS = frozenset({"begin", "start", "erupt", "flare", "escalate", "trigger", "spark", "ignite"})


def _origin_clause(s: Sentence, u: int) -> bool:
    """Whether clause ``u`` is a "when" clause on a verb of beginning, or on the date such a
    verb is on: "a crisis that had erupted last week when the neighbours traded strikes",
    "The row began on Aug. 13, when Indonesian officers detained seven Malaysian boats"."""
    if not any(s.lower[c] == "when" for c in s.children[u]) or s.head[u] == u:
        return False
    h = s.head[u]
    if s.dep[u] == "relcl" and s.dep[h] in ("pobj", "npadvmod"):
        h = s.head[h]
        if s.dep[h] == "prep":
            h = s.head[h]
    elif s.dep[u] != "advcl":
        return False
    return s.lemma[h] in ORIGIN_VERBS or (s.lemma[h] == "break" and any(
        s.lower[c] == "out" for c in s.children[h]))


def _long_past(when: EventDate, reference: EventDate, days: int) -> bool:
    """Whether a date read from the sentence names a period that ended more than ``days``
    days before the story's reference date."""
    if when.source != "sentence" or when.date is None or reference.date is None or when.future:
        return False
    d = when.date
    if when.precision == "year":
        end = dt.date(d.year, 12, 31)
    elif when.precision == "month":
        end = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1) - dt.timedelta(days=1)
    elif when.precision == "week":
        end = d + dt.timedelta(days=6)
    else:
        end = d
    return (reference.date - end).days > days


def _self_event(a: Actor, b: Actor) -> bool:
    """Source and target are one actor (``_same_actor``), unless the source is a people and
    the target its state: "Kenyans rallied against the government" (KEN, KENGOV)."""
    return _same_actor(a.code, b.code) and not (a.plural and a.code != b.code and len(a.code) == 3)


# Roots of the hostile acts a show of force answers: threats, shows of force, assaults,
# fighting and mass violence (protest, 14, is left out)
HOSTILE_ROOTS = frozenset({"13", "15", "18", "19", "20"})


def _one_state(a: str, b: str) -> bool:
    """Two parts of one state: "the Japanese government" and "troops" (JPNGOV, JPNMIL)."""
    return (len(a) >= 3 and a[:3] == b[:3] and country_of(a) is not None
            and a[3:6] in STATE_PARTS and b[3:6] in STATE_PARTS)


def _directive(a: str, b: str) -> bool:
    """Whether ``a`` commands ``b``: a state or its government and its own forces,
    police or intelligence (THAGOV and THAMIL), or a body of an international
    organisation and another of the same (IGOUNOHRI and IGOUNOHCH)."""
    if a.startswith("IGO") and b.startswith("IGO"):
        return a[:6] == b[:6] and a != b
    return a[:3] == b[:3] and country_of(a) is not None and a[3:6] in ("", "GOV") \
        and b[3:6] in ("MIL", "COP", "SPY")


# Verbs that end something, and protests that coercion may be to end: "invoked emergency
# powers to end protests" is against the protesters
ENDING_VERBS = frozenset({"end", "stop", "halt", "break"})
# What an investigation of someone is by their role: rights abuses by police, military action,
# crime by officials, businesses, armed men and criminals
INVESTIGATED = {"COP": "092", "MIL": "093", "GOV": "091", "ELI": "091", "BUS": "091", "UAF": "091",
                "CRM": "091", "REB": "091"}
# Verbs of wishing, and the acts done by saying one wishes to do them ("want to thank")
WISH_VERBS = frozenset({"want", "wish", "like"})
PERFORMATIVES = frozenset({"thank", "congratulate", "apologise", "apologize", "condemn", "praise",
                           "welcome", "commend", "salute", "express", "extend", "offer"})
# Purposes of forces sent against unrest: "to restore order", "to quell the unrest"
ORDER_PURPOSES = frozenset({"restore", "maintain", "keep", "quell", "contain", "calm", "control"})
PROTEST_EVENT_NOUNS = frozenset({"protest", "demonstration", "rally", "blockade", "unrest", "riot",
                                 "strike", "occupation", "uprising", "sit-in", "march"})

# armed men whose fight is one with small arms (193)
GUNMEN_NOUNS = frozenset({"gunman", "gunmen", "attacker", "assailant", "gunner"})

# country names in the plural, no people's name
PLURAL_COUNTRY_NAMES = frozenset({"philippines", "netherlands", "bahamas", "maldives", "seychelles",
                                  "comoros", "emirates", "states", "islands"})


def _people_word(s: Sentence, a: Actor) -> bool:
    """Whether ``a`` is named by a people's name in the plural ("Egyptians", "Slovaks"),
    not by its country's."""
    k = a.token if 0 <= a.token < len(s) and s.words[a.token] == a.text else next(
        (k for k in range(len(s)) if s.words[k] == a.text), -1)
    return k >= 0 and s.tag[k] in ("NNPS", "NNS") and s.words[k][:1].isupper() \
        and s.lower[k] not in PLURAL_COUNTRY_NAMES


def _unarmed(a: str) -> bool:
    """Whether ``a`` is a country's unarmed people (civilians, opposition supporters,
    students...)."""
    return a[3:6] in PEOPLE_ROLES and len(a) == 6


# Acts of retribution promised to someone: "would pay a heavy price", "would be hunted
# down", "would be severely punished", "would face a firm response", "would deal firmly"
RETRIBUTION_VERBS = frozenset({"punish", "hunt", "track", "destroy", "crush", "eliminate", "annihilate"})
RETRIBUTION_OBJECTS = {"pay": frozenset({"price"}),
                       "face": frozenset({"response", "retaliation", "punishment", "wrath", "retribution"})}
RETRIBUTION_MANNERS = frozenset({"firmly", "harshly", "severely", "decisively", "sternly", "mercilessly"})


def _punishing(s: Sentence, act: int) -> bool:
    """Whether ``act`` is a verb of retribution: punish, hunt, crush ... (``RETRIBUTION_VERBS``)
    or "bring ... to justice"."""
    return s.lemma[act] in RETRIBUTION_VERBS or (s.lemma[act] == "bring" and any(
        s.dep[c] == "prep" and s.lower[c] == "to" and any(s.lemma[o] == "justice" for o in s.children[c])
        for c in s.children[act]))


def _retribution(s: Sentence, act: int) -> bool:
    """Whether ``act`` is retribution promised to someone (a threat of force): to its
    subject, "would be punished" (passive: "Israel would destroy the region" promises
    nothing to Israel), or to its object, "vowed to punish Israel"."""
    lemma = s.lemma[act]
    if _punishing(s, act):
        # ("would be brought to justice", "vowed to bring the killers to justice")
        return is_passive(s, act) or any(s.dep[c] in OBJECT_DEPS for c in s.children[act])
    if lemma in RETRIBUTION_OBJECTS:
        return any(s.lemma[c] in RETRIBUTION_OBJECTS[lemma] for c in s.children[act]
                   if s.dep[c] in OBJECT_DEPS)
    if is_passive(s, act) and any(s.dep[c] == "conj" and is_passive(s, c) and _retribution(s, c)
                                  for c in s.children[act]):
        return True  # "would be found and brought to justice": the passive joined to it
    # ("would act firmly against those behind it", the manner hung on the preposition)
    return lemma in ("deal", "act") and any(s.lower[c] in RETRIBUTION_MANNERS for k in (act, *s.children[act])
                                            for c in s.children[k])


def _perpetrators(s: Sentence, k: int) -> bool:
    """Whether ``k`` names the doers of an act told before: "the perpetrators", "the
    killers", "those responsible", "those behind it", "those involved in the attack"."""
    if s.lemma[k] in PERPETRATOR_NOUNS:
        return True
    if s.pos[k] in ("ADJ", "NUM", "PRON") and s.lower[k] != "those":
        # "arrested most of those involved", "two of the attackers"
        return any(s.lower[p] == "of" and any(s.dep[o] == "pobj" and _perpetrators(s, o)
                                              for o in s.children[p]) for p in s.children[k])
    return s.lower[k] in ("those", "whoever", "anyone") and any(
        s.lemma[c] == "responsible" or (s.dep[c] == "prep" and s.lower[c] == "behind")
        or (s.lower[c] == "involved" and s.dep[c] in ("acl", "amod")) for c in s.children[k])


# What is used when force is used: "condemned the use of lethal weapons against protesters"
FORCE_USE_OBJECTS = frozenset({"force", "weapon", "gas", "ammunition", "round", "bullet", "violence",
                               "firearm", "gun", "pellet", "artillery"})


def _force_use(s: Sentence, n: int) -> int | None:
    """The noun "use" when ``n`` is it, or the weapon it is "of", and what is used is force
    ("the use of excessive force", "the use of tear gas against refugees"): an act of
    violence named as a noun; else None."""
    use = s.head[n] if s.dep[n] == "pobj" and s.lower[s.head[n]] == "of" else n
    if use != n:
        use = s.head[use]
    if s.lemma[use] != "use" or s.pos[use] != "NOUN":
        return None
    return use if any(s.lemma[o] in FORCE_USE_OBJECTS for c in s.children[use]
                      if s.dep[c] == "prep" and s.lower[c] == "of"
                      for o in s.children[c] if s.dep[o] == "pobj") else None


def _definite(s: Sentence, k: int, words: tuple[str, ...] = ("the",)) -> bool:
    """Whether noun ``k`` speaks of a thing already known: it has one of ``words`` for a
    determiner, or it is what a free relative names ("condemned what it called a cowardly
    massacre": the massacre the story told)."""
    if any(s.lower[c] in words for c in s.children[k]):
        return True
    j = s.head[s.head[k]] if s.dep[k] == "pobj" and s.lower[s.head[k]] == "as" else s.head[k]
    return s.dep[j] == "ccomp" and named_thing(s, s.head[j]) == k


def _struck_act(s: Sentence, tgt: int) -> int | None:
    """The act of violence a target token belongs to, if it is one: the token itself ("the
    attack"), the noun its "on"/"against" phrase hangs on ("the attack on its embassy"),
    or the "use" of force ("the use of lethal weapons against protesters")."""
    n = s.head[s.head[tgt]] if s.dep[tgt] == "pobj" and s.lower[s.head[tgt]] in ("on", "against") else tgt
    return _force_use(s, n) or (n if s.lemma[n] in VIOLENCE_NOUNS else None)


def _riot(a: str, b: str) -> bool:
    """Whether ``a`` is unarmed people and ``b`` their country's police, so that fighting
    between them is a riot, not armed combat."""
    return _unarmed(a) and b[3:6] == "COP" and country_of(a) == country_of(b)


def _same_actor(a: str, b: str) -> bool:
    """The same actor, or a country and its own state ("Israel put its military on
    alert": ISR and ISRMIL). Two parts of one country ("police arrested protesters",
    COP and CVL) and a country and those who fight it ("rebels attacked Mali", MLIREB
    and MLI) are distinct actors."""
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return (len(short) == 3 and long.startswith(short) and country_of(short) == short
            and long[3:6] in STATE_ORGANS)


def _unreal_modal(sent: Sentence, v: int) -> int | None:
    """A modal of possibility or obligation on ``v`` ("could", "should", "may"), or None."""
    return next((c for c in sent.children[v] if sent.dep[c] == "aux" and sent.lemma[c] in UNREAL_MODALS),
                None)


# Endings of verbs and of the nouns made from them: "execute", "executed", "execution"
STEM_ENDINGS = ("ations", "ation", "ions", "ion", "ings", "ing", "ments", "ment", "als", "al",
                "ised", "ized", "ises", "izes", "ise", "ize", "ies", "ed", "es", "e", "s", "y")


def _stem(word: str) -> str:
    """A word less the ending of an inflection or of a noun made from a verb ("pardoned",
    "pardons" -> "pardon"; "expulsion" -> "expuls", "executed", "execution" -> "execut")."""
    if word.endswith(("olution", "olutions")):
        return word[: word.rindex("olution")] + "olv"  # "dissolution", "dissolved" -> "dissolv"
    for end in STEM_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def _at_home(sources: Sequence[Actor], targets: Sequence[Actor]) -> bool:
    """Whether every target is of a country one of the sources is of: an act within one
    country (a visit to one's own troops, a suspension, a recognition at home)."""
    return all(country_of(b.code) and any(country_of(a.code) == country_of(b.code) for a in sources)
               for b in targets)


def _same_state(a: str, b: str) -> bool:
    """The same actor or two parts of one state (Israel and its military, its government
    and its army): one side, not two."""
    return _same_actor(a, b) or _one_state(a, b)


def _verb_key(sent: Sentence, i: int, verbs: Mapping[str, object]) -> str:
    """The dictionary key of a verb whose lemma is not in the dictionary: a base form
    guessed from its inflection, when that form is in the dictionary."""
    w = sent.lower[i]
    guesses: list[str] = []
    if w.endswith("ied"):
        guesses.append(w[:-3] + "y")
    if w.endswith("ed"):
        guesses += [w[:-1], w[:-2], w[:-3]]
    elif w.endswith("ing"):
        guesses += [w[:-3], w[:-3] + "e", w[:-4]]
    elif w.endswith("es"):
        guesses += [w[:-2], w[:-1]]
    elif w.endswith("s"):
        guesses.append(w[:-1])
    return next((g for g in guesses if g in verbs), sent.lemma[i])


# Prepositions of a phrase that only says when something happened
WHEN_PREPS = frozenset({"after", "before", "during", "following", "ahead"})


def _only_when(sent: Sentence, k: int) -> bool:
    """Whether token ``k`` (a sentence discard's last word) is inside a phrase that only
    says when the sentence's act happened, or what the people it struck were doing:
    "Gangs of youths attacked Israeli football fans ... after a Europa League match" is
    about the attack, not the match; so is "twin bomb attacks that killed 74 people
    watching the World Cup final" (a clause on a common noun)."""
    for _ in range(8):
        h = sent.head[k]
        if h == k:
            return False
        if sent.dep[h] == "prep" and sent.lower[h] in WHEN_PREPS \
                and sent.pos[sent.head[h]] in ("VERB", "AUX"):
            return True
        if sent.dep[h] in ("acl", "relcl") and sent.pos[sent.head[h]] == "NOUN" and sent.head[h] != h:
            return True
        k = h
    return False


def _depth(sent: Sentence, i: int) -> int:
    d, head = 0, sent.head
    while head[i] != i and d < 64:
        i = head[i]
        d += 1
    return d


class _SentenceCoder:
    """Codes one sentence; collects a trace for ``explain``."""

    def __init__(self, sent: Sentence, story: Story, dicts: DictionarySet, options: CoderOptions,
                 context: StoryContext, trace: list[str] | None, matches: list | None = None,
                 reference: EventDate | None = None, default_country: str | None = None,
                 places: Callable[[], StoryPlaces] | None = None) -> None:
        self.sent = sent
        self.story = story
        self.reference = reference or EventDate(story.date, "day", None, "story")
        self.places = places
        self.emitted: set[tuple[str, str, str]] = set()  # (source, target, code) coded so far
        self.codes: dict[int, str] = {}  # the code each predicate's pattern gave
        self.violent: set[int] = set()  # predicates coded as assault, fight or mass violence
        self.rioters: set[tuple[str, str]] = set()  # (code, text) of people who fought the police
        self.dicts = dicts
        self.options = options
        # Dated actor codes apply on the story's reference date (its dateline, else its date).
        self.context = context
        self.actors = SentenceActors(sent, dicts, self.reference.date, context, matches,
                                     default_country if options.infer_agent_country else None)
        fronted = self._fronted_place() if options.infer_agent_country else None
        if fronted is not None:
            self.actors.default_country = fronted
            context.fronted[sent.index] = fronted
        elif options.infer_agent_country:
            # ("In Yerevan, thousands of protesters clashed with police. Police detained
            # dozens of people": the scene the sentence before set)
            self.actors.host_country = context.fronted.get(sent.index - 1, context.host)
            self.actors.places_named = self._sentence_places()
        self.trace = trace
        self.events: list[Event] = []
        self.untargeted: list[Event] = []  # acts of violence that struck no one named
        self.suppressed: set[int] = set()
        # the tokens of the sentence's "if" / "unless" clauses (what may happen, not what did)
        self.conditions = _conditional_clauses(sent)
        self.framed: dict[int, tuple[int, PatternMatch]] = {}
        # a frame verb's own pattern target, kept when its frame codes instead
        self.frame_targets: dict[int, int] = {}
        self.frame_verbs: set[int] = set()
        # the verb dictionary key of each verb: its lemma, or a form the lemmatizer
        # missed ("staged" lemmatized as "stag")
        self.key: dict[int, str] = {}
        self._fits: dict[tuple[int, int, bool], PatternMatch | None] = {}

    def _fronted_place(self) -> str | None:
        """The country of a place phrase that opens the sentence: "In Beijing, the foreign
        ministry urged ...", "In Tokyo, Prime Minister Shinzo Abe said ...", "Outside the
        British embassy in Buenos Aires, activists ..." (the place the phrase is in). Agents
        of the sentence with no country of their own take it instead of the story's."""
        s = self.sent
        for c in range(min(len(s), 2)):
            if s.lower[c] in FRONTED_PLACE_PREPS and s.dep[c] == "prep" \
                    and s.pos[s.head[c]] in ("VERB", "AUX"):
                p = next((g for g in s.children[c] if s.dep[g] == "pobj"), None)
                comma = next((k for k in range(c + 1, len(s)) if s.words[k] == ","), None)
                if p is None or comma is None or not set(range(c, comma)) <= set(s.subtree(c)):
                    return None
                # "Outside the British embassy in Buenos Aires, activists burned ...": the
                # place the phrase is in, else its object ("In Beijing, ...")
                inner = [phrase_object(s, g) for g in range(c + 1, comma) if s.lower[g] == "in"
                         and s.dep[g] == "prep"]
                for k in [*(q for q in inner if q is not None), p]:
                    named = self.actors.named(k)
                    if named is not None and country_of(named.code):
                        return country_of(named.code)
                return None
        return None

    def _sentence_places(self) -> list[tuple[int, str]]:
        """The countries the sentence's place phrases name, with their tokens ("rallied
        outside the French embassy in Niamey" -> NER, "strikes on Kharkiv" -> UKR), for
        police, civilians and the opposition of no named country (``HOST_ROLES``), which
        take the nearest; a town the actor dictionaries do not name is placed by the
        story's places ("in Burgas": BGR)."""
        s = self.sent
        found = []
        for c in range(len(s)):
            if s.dep[c] == "prep" and (s.lower[c] in CROWD_PLACE_PREPS or (
                    # "killed in Russian strikes on Kharkiv": the place struck
                    s.lower[c] == "on" and s.lemma[s.head[c]] in VIOLENCE_NOUNS)):
                p = phrase_object(s, c)
                if p is not None and s.pos[p] == "PROPN":
                    named = self.actors.named(p)
                    if named is not None and not named.person and (country := country_of(named.code)):
                        found.append((p, country))
                    elif named is None and (place := self._place_country(p)) is not None:
                        found.append((p, place[0]))  # a town the actor dictionaries do not name
        return found

    def log(self, msg: str) -> None:
        if self.trace is not None:
            self.trace.append(msg)

    def run(self) -> list[Event]:
        s = self.sent
        self.suppressed |= _comma_clauses(s, self.options)
        self.suppressed |= _background_clauses(s)
        self.suppressed |= _prevented_acts(s)
        self.suppressed |= self.conditions
        if self.options.past_days is not None:  # background is left out
            self.suppressed |= _pluperfect_clauses(s)
        frames, verbs, nouns = self.dicts.frames, self.dicts.verbs, self.dicts.nouns
        lemma, pos = s.lemma, s.pos
        candidates = []
        for i in range(len(s)):
            if (pos[i] == "VERB" or pos[i] == "AUX") and s.dep[i] != "prep":
                # (a verb the parser reads as a preposition is none: "according to",
                # "including", "following")
                w = s.lower[i]
                if w != lemma[i] and w in verbs and s.tag[i] in ("VBD", "VBN"):
                    key = w  # an inflected form the dictionary lists as a verb of its own ("left")
                elif lemma[i] in verbs or lemma[i] in frames:
                    key = lemma[i]
                else:
                    # ("hoped" lemmatized as "hop": a frame verb's slip too)
                    key = _verb_key(s, i, verbs)
                    key = key if key in verbs else _verb_key(s, i, frames)
                self.key[i] = key
                if key in frames and not self._own_pattern_wins(i, key) \
                        and not any(s.dep[c] == "oprd" for c in s.children[i]):
                    # (not a verb that names: "called it a historic day for Turkey's relations")
                    for act in act_candidates(s, i):
                        m = match_frame(s, i, act, frames[key])
                        if m is not None:
                            self.framed[act] = (i, m)
                            self.frame_verbs.add(i)
                            candidates.append(act)
                            # "urged the junta to release and reinstate Bazoum": both
                            for c in s.children[act]:
                                if s.dep[c] == "conj" and pos[c] == "VERB" and c not in self.framed \
                                        and s.tag[c] == s.tag[act]:  # not "..., and summoned"
                                    self.framed[c] = (i, m)
                                    candidates.append(c)
                            break
                if pos[i] == "VERB" or s.dep[i] not in ("aux", "auxpass"):  # a copula heads a clause
                    if i not in self.framed:
                        m = aux_frame(s, i, frames)
                        if m is not None:
                            self.framed[i] = (i, m)
                    if key in verbs or i in self.framed:
                        candidates.append(i)
            elif lemma[i] in nouns and self.options.code_nouns and pos[i] in ("NOUN", "PROPN"):
                candidates.append(i)
        candidates = sorted(set(candidates), key=lambda i: (_depth(s, i), i))
        for i in candidates:
            if i in self.suppressed:
                if pos[i] != "VERB" and pos[i] != "AUX" and i not in self.framed:
                    # "condemned the arrest of Lissu by police": the arrest is an event too
                    # when its noun pattern names both who did it and to whom
                    self._code_noun(i, explicit=True)
                continue
            if i in self.framed:
                f = self.framed[i][0]
                outer = self.framed.get(f)
                if f != i and outer is not None and outer[0] != f:
                    continue  # the act of a framed frame verb: coded through the outer frame
                if i in self.frame_verbs and self.framed[i][0] == i:
                    continue  # "will urge X to ...": coded through its own act
                self._code_framed(i)
            elif pos[i] in ("VERB", "AUX"):
                if i not in self.frame_verbs:
                    self._code_verb(i)
            else:
                self._code_noun(i)
        self._reported_blame()
        self._reported_judgment()
        # One act coded by its telling code, not again by a code that restates it for the
        # same pair: "the US administration, which it accused of waging a hybrid war, was to
        # blame" (the blame restates the more specific accusation); "met on the sidelines of
        # a summit and discussed the situation" (one meeting, 044, not also a bare 040);
        # "accused the RSF of committing a massacre ..., calling it a war crime" (the
        # participle restates the accusation, no 111 beside it); "urged Jakarta to treat the
        # fishermen humanely and return them home" (one appeal, 0253, not also a bare 020)
        self._drop_restatements(lambda e: e.event_code.startswith("112") and len(e.event_code) > 3,
                                lambda e: e.event_code == "112" and s.lemma[e.verb_index] == "blame")
        self._drop_restatements(lambda e: e.event_code in SPECIFIC_CONSULTATIONS,
                                lambda e: e.event_code == "040")
        self._drop_restatements(lambda e: e.event_code.startswith("112"),
                                lambda e: e.event_code == "111" and s.tag[e.verb_index] == "VBG"
                                and s.dep[e.verb_index] == "advcl")
        self._drop_restatements(lambda e: e.event_code[:2] == "02" and e.event_code != "020",
                                lambda e: e.event_code == "020")
        if self.rioters:
            # "protesters demanded his resignation ... and clashed with police": the
            # demonstration of the people who fought the police is a violent one (141x ->
            # 145x; "people rallied ..., and some protesters attacked" stays two)
            for k, e in enumerate(self.events):
                if (e.source, e.source_text) in self.rioters and (e.event_code[:3] == "141" or (
                        e.event_code[:3] == "104" and len(e.event_code) == 4)):
                    # ("opposition supporters demanding that Kabila step down clashed with
                    # police": what the rioters demand, they riot for, 1041 -> 1451)
                    self.log(f"  {e.source} -> {e.target}: a demonstration that rioted, "
                             f"{e.event_code} -> 145{e.event_code[3:]}")
                    self.events[k] = attrs.evolve(e, event_code="145" + e.event_code[3:])
            # (a plain riot of the pair beside it goes with the story's: ``_one_riot``)
        for err in self.actors.trace:
            self.log(err)
        return self.events

    def _reporting_verb(self, c: int, deps: tuple[str, ...]) -> int:
        """The saying verb up to four clauses (joined by ``deps``) above ``c`` ("said (it
        was likely) ..."), else the last head reached."""
        s = self.sent
        r = c
        for _ in range(4):
            if s.dep[r] not in deps or s.head[r] == r:
                break
            r = s.head[r]
            if s.lemma[r] in REPORTING_VERBS:
                break
        return r

    def _judging_patterns(self) -> list[tuple[VerbPattern, dict[str, list[tuple[str, ...]]]]]:
        """The verb dictionary's patterns for calling something by a name that judges it
        (``call + &BADNAME``, 111; ``call + &GOODNAME``, 051: "call" with a target and one
        set of names), each with its names by first word, found once for the dictionary
        set: their codes and names judge an act said to be so too (none, so no such
        judgment, with dictionaries that lack them)."""
        found = self.dicts.derived.get("judging")
        if found is None:
            found = self.dicts.derived["judging"] = [
                (p, by_first_word(p.elements[1])) for p in self.dicts.verbs.get("call", [])
                if len(p.elements) == 2 and p.elements[0] == "+" and ALTERNATIVE in p.elements[1]]
        return found  # type: ignore[no-any-return]

    def _reported_judgment(self) -> None:
        """"South Africa's foreign ministry said Nigeria's decision was 'unfortunate and
        regrettable'", "the sanctions were illegal, the ministry said": who says that an act
        (or an actor) is what `call + &BADNAME` names calls it so, criticism (111) of whoever
        did it, as "called the decision unacceptable" is, and what `call + &GOODNAME` names
        ("was a positive step") praises it (051); the target is the act's owner named with
        it, else the doer of that act told before, as ``_emit`` finds it."""
        s = self.sent
        if "be" not in s.lemma or not (patterns := self._judging_patterns()):
            return
        for k in range(len(s)):
            c = s.head[k]
            if s.dep[k] not in ("acomp", "attr") or s.lemma[c] != "be" or c in self.suppressed \
                    or is_negated(s, c) or c in self.codes:
                continue
            pattern, named = next(((p, found) for p, names in patterns if (found := [
                n for n in (k, *(a for a in s.children[k] if s.dep[a] == "amod" and s.dep[k] == "attr"))
                if any(tuple(s.lower[n:n + len(alt)]) == alt or tuple(s.lemma[n:n + len(alt)]) == alt
                       for alt in (*names.get(s.lower[n], ()), *names.get(s.lemma[n], ())))])), (None, []))
            subj = next((g for g in s.children[c] if s.dep[g] == "nsubj"), None)
            if named and any(s.lower[g] in ("neither", "not", "never") for g in s.children[named[0]]):
                continue  # "was neither wise nor honourable"
            if pattern is None or subj is None or s.pos[subj] not in ("NOUN", "PROPN"):
                continue
            if not (self.actors.resolve(subj) or s.lemma[subj] in REFERRING_NOUNS):
                continue
            r = self._reporting_verb(c, ("ccomp", "xcomp", "conj"))
            if s.lemma[r] not in REPORTING_VERBS:
                # "the sanctions were illegal, the ministry said": the main clause last
                r = next((g for g in s.children[c] if s.lemma[g] in REPORTING_VERBS
                          and s.dep[g] in ("parataxis", "ccomp") and g > c), r)
            speaker = subject_of(s, r) if s.lemma[r] in REPORTING_VERBS else None
            if speaker is None or r in self.suppressed or is_negated(s, r) \
                    or not self.actors.resolve(speaker):
                continue
            self.log(f"  {s.words[speaker]!r} says {s.words[subj]!r} is {s.words[named[0]]!r}: "
                     f"{pattern.code}")
            self._emit(r, pattern.code, speaker, subj, f"{s.words[r]} ... {s.words[named[0]]}",
                       str(pattern.origin or ""), pattern.text, False)

    def _drop_restatements(self, telling: Callable[[Event], bool],
                           restating: Callable[[Event], bool]) -> None:
        """Drop the sentence's events that ``restating`` marks when the same source and
        target have an event that ``telling`` marks."""
        told = {(e.source, e.target) for e in self.events if telling(e)}
        if told:
            self.events = [e for e in self.events if not (restating(e) and (e.source, e.target) in told)]

    def _reported_blame(self) -> None:
        """"May told parliament that it was highly likely Moscow was responsible for the
        poisoning", "Putin said the government in Kiev bore responsibility for the
        disaster": who says that someone is responsible for something holds them
        responsible, as the accuse frame's `hold + responsible for <act>` codes it (none
        without that frame)."""
        s = self.sent
        if "responsible" not in s.lemma and "responsibility" not in s.lemma:
            return
        frame = next((f for f in self.dicts.frames.get("hold", []) if "responsible" in f.elements), None)
        if frame is None:
            return
        fmap = self.dicts.frame_maps.get(frame.frame)
        code = fmap.code_for(None) if fmap is not None else None
        if code is None:
            return
        for k in range(len(s)):
            c = s.head[k]
            if not ((s.lemma[k] == "responsible" and s.dep[k] == "acomp" and s.lemma[c] == "be")
                    or (s.lemma[k] == "responsibility" and s.dep[k] in ("dobj", "obj")
                        and s.lemma[c] in ("bear", "have"))):
                continue
            if c in self.suppressed or is_negated(s, c) or not any(
                    s.dep[p] == "prep" and s.lower[p] == "for" for p in (*s.children[k], *s.children[c])):
                continue
            r = self._reporting_verb(c, ("ccomp", "acomp", "xcomp"))
            subj, speaker = subject_of(s, c), subject_of(s, r)
            if s.lemma[r] not in REPORTING_VERBS or subj is None or speaker is None or r in self.suppressed \
                    or not self.actors.resolve(subj) or not self.actors.resolve(speaker):
                continue
            self._emit(r, code, speaker, subj, f"{s.words[r]} ... {s.words[k]}", str(frame.origin or ""),
                       f"frame {frame.frame}: {frame.text}", False)

    # -- predicates -------------------------------------------------------------------
    def _own_pattern_wins(self, f: int, key: str) -> bool:
        """A frame verb whose own specific pattern fits with an actor target is coded by
        that pattern ("offered condolences to Turkey", "pledged military aid to Ukraine")."""
        patterns = self.dicts.verbs.get(key)
        if not patterns:
            return False
        s = self.sent
        frames = self.dicts.frames[key]
        # the clauses the frame could govern, with the frame pattern that governs each
        # ("for backing a bill" is no act of "accuse + of <act>")
        governed = {a: fm for a in act_candidates(s, f) if s.pos[a] in ("VERB", "AUX")
                    and (fm := match_frame(s, f, a, frames)) is not None}
        clauses = list(governed)
        for m in predicate_fits(s, f, patterns):
            if all(e in PREPOSITIONS or e in ("+", "$") for e in m.pattern.elements):
                return False  # "accuse + of" says no more than the frame over its act
            if any(a not in m.consumed for a in clauses):
                return False  # "appealed to Russia to release ...": the act says more
            t = m.target
            if t is not None and (self.actors.resolve(t) or self.actors.owner(t)):
                if len(m.code) == 3 and m.code.endswith("0") and self._frame_says_more(governed):
                    # "rejected calls by Britain to release X": the refusal of a release
                    # (1243) says more than "reject call by +" (120); its target stays
                    self.frame_targets[f] = t
                    return False
                return True
            if self._symmetric(m) and len(self.actors.resolve(subject_of(self.sent, f))) > 1:
                return True  # "Armenia and Azerbaijan agreed to a ceasefire"
        return False

    def _frame_says_more(self, governed: dict[int, PatternMatch]) -> bool:
        """Whether a frame over one of the clauses it governs maps that act to a specific
        code (not a root code such as 120)."""
        s = self.sent
        for a, fm in governed.items():
            am = self._best_fit(a, self.dicts.verbs.get(self.key.get(a, s.lemma[a]), []), True)
            fmap = self.dicts.frame_maps.get(fm.pattern.frame)  # type: ignore[union-attr]
            if fmap is None or am is None or am.code == NULL_CODE:
                continue
            out = fmap.code_for(am.code)
            if out is not None and not (len(out) == 3 and out.endswith("0")):
                return True
        return False

    def _code_verb(self, v: int) -> None:
        s = self.sent
        patterns = self.dicts.verbs.get(self.key.get(v, s.lemma[v]))
        if not patterns:
            return
        contacted = self._contacted(v)
        m = self._best_fit(v, patterns, contacted is not None)
        if m is None:
            self.log(f"verb {s.words[v]!r}: no pattern of {s.lemma[v]!r} fits")
            return
        if contacted is not None and m.code[:2] == "04":
            # "received Witkoff in Ramallah to discuss arrangements for Gaza": one meeting
            self.log(f"verb {s.words[v]!r}: the purpose of {s.words[s.head[v]]!r}, the same meeting")
            return
        modal = _unreal_modal(s, v)
        if modal is not None and v not in self.framed and m.code[:2] in DONE_ROOTS:
            if m.code[:2] in VIOLENT_ROOTS and s.lemma[modal] in THREAT_MODALS and self._conditioned(v):
                # "said it could use force if the junta failed to do so": force that may
                # come on a condition is a threat of it
                self._conditional_threat(v, m, modal)
                return
            # "Iran should seize a British tanker", "Israel could strike": may, not did
            self.log(f"verb {s.words[v]!r}: with {s.words[modal]!r}, a possibility, not an act")
            return
        if s.dep[v] in ("acl", "ccomp") and s.lemma[s.head[v]] in ALLEGATION_NOUNS:
            # "angered by allegations that officials stole coal": alleged, not reported as done
            self.log(f"verb {s.words[v]!r}: the content of {s.words[s.head[v]]!r}, not an act reported")
            return
        denier = _denied_by(s, v)
        if denier is not None:
            # "The Taliban denied (reports) that they had detained a British journalist"
            self.log(f"verb {s.words[v]!r}: denied by {s.words[denier]!r}, not an act reported")
            return
        governor = self._unreal_governor(v)
        if governor is not None:
            # "demanded that Russia release Savchenko", "refused to free the prisoners",
            # with no frame to say so: an act asked for, refused or threatened did not happen
            self.log(f"verb {s.words[v]!r}: governed by {s.words[governor]!r} "
                     f"({self.codes[governor]}), not an act that happened")
            return
        said = self._document_content(v, m) if m.code in ("010", NULL_CODE) else None
        if said is not None:
            # "sent Tokayev a message praising ...": what the message does is the event
            self.log(f"verb {s.words[v]!r}: the {s.words[s.head[said]]!r} {s.words[said]!r}, "
                     f"not a statement ({m.pattern.text!r})")
            return
        self.suppressed |= m.consumed
        self._suppress_allegations(v, purposes=m.code[:2] == "04")
        if m.code == NULL_CODE:
            self.log(f"verb {s.words[v]!r}: {m.pattern.text!r} codes no event ({m.pattern.origin})")
            return
        if is_negated(s, v):
            self.log(f"verb {s.words[v]!r}: negated, no event ({m.pattern.text!r} at {m.pattern.origin})")
            return
        h = s.head[v]
        # (the caller acts in the call's purpose, not the one called, whom the parser may
        # give the infinitive as its subject)
        src = m.source if m.source is not None else subject_of(s, h if contacted is not None else v)
        if src is None and m.code[:2] == "14" and s.dep[v] == "advcl" and h != v and h not in self.codes \
                and is_infinitive(s, v):
            # "thousands of Moroccans marched through Rabat to protest against Israel": a
            # protest named by the purpose of a verb that is no event of its own is the
            # main clause's subject's
            src = subject_of(s, h)
        code = m.code
        if src is None and code[:2] in ("18", "19", "20") and is_passive(s, v):
            # "Three Palestinians were killed in an Israeli air strike": whose strike
            src = self._attack_owner(v)
        if code in ("190", "193", "183", "1712") or (code[:2] in ("14", "18", "19") and src is not None
                                       and s.lemma[src] in ("bomber", "bomb")):
            # "a Russian missile struck", "Kyiv was attacked by dozens of missiles",
            # "traded artillery fire", "detonated a truck bomb": the weapon that acts, or
            # that is fired or set off, says which force
            agent = src is not None and (s.head[src] == v or (
                s.dep[s.head[src]] == "agent" and s.head[s.head[src]] == v))
            obj = next((c for c in s.children[v] if s.dep[c] in OBJECT_DEPS), None)
            weapon = (_weapon_words(s, src) if agent and src is not None else set()) | (
                _weapon_words(s, obj) if obj is not None and s.lemma[obj] in ("fire", "shell", "bomb")
                else set())
            before = code
            if "bomb" in weapon or "bomber" in weapon:
                kind = weapon & BOMBINGS.keys()
                code = BOMBINGS[min(kind)] if kind else "183"
            elif code in ("190", "193", "1712") and weapon & ARTILLERY_WEAPONS:
                # (property destroyed by them too: an attack of that kind; fire exchanged,
                # small arms unless said: "exchanged artillery fire")
                code = "194"
            elif code in ("190", "193", "1712") and weapon & AERIAL_WEAPONS:
                code = "195"
            if code != before:
                self.log(f"verb {s.words[v]!r}: the weapon {', '.join(sorted(weapon))} -> {code}")
        if code == "190" and (used := _instrument_code(s, v)) is not None:
            # "pounded positions with artillery", "fought armed groups with artillery and
            # heavy machine guns", "killed four gunmen in a gunbattle": the weapons it was
            # fought with
            code = used
            weapons = "small arms" if code == "193" else "heavier weapons"
            self.log(f"verb {s.words[v]!r}: fought with {weapons} -> {code}")
        if code[:2] in ("18", "19") and (s.lemma[v] in KILL_LEMMAS or _shot_dead(s, v)) \
                and _victims(s, v) >= MASS_KILLING:
            # "gunmen killed at least 160 people": a mass killing
            code = "202"
            self.log(f"verb {s.words[v]!r}: {MASS_KILLING} or more killed -> 202")
        elif code[:2] in ("18", "19") and code not in ("194", "195") and not code.startswith("183") \
                and any(s.dep[c] == "advcl" and s.tag[c] == "VBG" and s.lemma[c] in KILL_LEMMAS
                        and _victims(s, c) >= MASS_TOLL for c in s.children[v]):
            # "opened fire on the crowd, killing at least 133 people": a massacre, not
            # shelling, an air strike or a bombing
            code = "202"
            self.log(f"verb {s.words[v]!r}: a toll of {MASS_TOLL} or more killed -> 202")
        if code == "174" and _victims(s, v) >= MASS_EXPULSION:
            # "deported more than 25,000 Haitians": a mass expulsion
            code = "201"
            self.log(f"verb {s.words[v]!r}: {MASS_EXPULSION} or more expelled -> 201")
        if code in SEIZURE_CODES and m.target is not None and self._territory(m.target):
            # "M23 rebels captured Goma", "seized the city": taking ground is occupying it
            code = "192"
            self.log(f"verb {s.words[v]!r}: a place taken -> 192")
        head_code = self.codes.get(h, "")  # the code of the clause this one depends on
        if code[:2] in VIOLENT_ROOTS and head_code[:2] in VIOLENT_ROOTS and s.dep[v] == "advcl" \
                and s.tag[v] == "VBG" and h not in self.violent and head_code != code:
            # "detonated a truck bomb near a base, killing two soldiers": the attack found
            # no target of its own, its toll says whom it struck, and the attack's kind stays
            self.log(f"verb {s.words[v]!r}: the toll of {s.words[h]!r} -> {head_code}")
            code = head_code
            src = subject_of(s, h) if m.source is None else src
        if code[:3] == "104" and len(code) == 4 and head_code[:3] in PROTEST_FORMS \
                and s.dep[v] in ("advcl", "xcomp"):
            # "blocked roads demanding the resignation of the prime minister": a protest
            # with its purpose (1441), not a demand beside it
            code = head_code[:3] + code[3]
            self.log(f"verb {s.words[v]!r}: the purpose of {s.words[h]!r} ({head_code}) -> {code}")
        if s.index > 0 and s.dep[v] == "ROOT" and _present_perfect(s, v):
            # "Russia has massed tens of thousands of troops near Ukraine's borders", after
            # the lead: what has been going on, background to the news
            self.log(f"verb {s.words[v]!r}: a main clause in the present perfect after the lead, background")
            return
        if code == "016" and s.index > 0 and _simple_present(s, v):
            # "Bashir, who visited Chad last month without being arrested, denies the
            # charges", "Russia denies targeting civilians": a standing denial after the
            # lead, not a denial made now
            self.log(f"verb {s.words[v]!r}: a denial in the simple present after the lead, "
                     "a standing position")
            return
        if _describing_clause(s, v):
            # "militants who attacked India", "Israel's offensive in Gaza, which has killed
            # more than 29,000 Palestinians": what the noun is known for, background
            self.log(f"verb {s.words[v]!r}: a relative clause that describes its noun, not an act reported")
            return
        self.codes[v] = code
        target = m.target
        if target is None and contacted is not None:
            # "telephoned Rakhmon to offer his condolences": offered to the one called
            self.log(f"  target: {s.words[contacted]!r}, whom {s.words[h]!r} reached")
            target = contacted
        if target is None and s.lemma[v] == "blame" and s.dep[v] == "xcomp" and s.lemma[h] == "be":
            # "Wang told Jaishankar that Indian troops ... were to blame for the clash": the
            # ones to blame are the copula's subject, the speaker blames them
            target = next((c for c in s.children[h] if s.dep[c] in SUBJECT_DEPS), None)
            if target is None and s.dep[h] == "conj":
                target = next((c for c in s.children[s.head[h]] if s.dep[c] in SUBJECT_DEPS), None)
            if src is None or src == target:
                src = self._reporter(v)
        self._emit(v, code, src, target, s.words[v], str(m.pattern.origin or ""),
                   m.pattern.text, self._symmetric(m), m.pattern,  # type: ignore[arg-type]
                   skipped=m.skipped)

    def _document_content(self, v: int, m: PatternMatch) -> int | None:
        """A participle that says what a document sent or handed over does ("a message
        praising", "a letter urging"), when a pattern of its own fits it: that act is
        coded, through the document's author, instead of a plain statement."""
        s = self.sent
        for d in m.consumed:
            if s.lemma[d] in DOCUMENT_NOUNS and s.head[d] == v:
                for c in s.children[d]:
                    if s.dep[c] == "acl" and s.tag[c] == "VBG" and c not in self.codes \
                            and self._coded_here(c):
                        return c
        return None

    def _reporter(self, v: int) -> int | None:
        """The subject of the nearest saying verb above ``v`` ("..., China said")."""
        s = self.sent
        k = v
        for _ in range(6):
            if s.head[k] == k:
                break
            k = s.head[k]
            if s.lemma[k] in REPORTING_VERBS:
                return subject_of(s, k)
        for c in s.children[k]:  # the main clause last: "X were to blame, China said"
            if s.lemma[c] in REPORTING_VERBS and s.dep[c] in ("parataxis", "ccomp") and c > v:
                return subject_of(s, c)
        return None

    def _symmetric(self, m: PatternMatch | None) -> bool:
        return bool(self.options.symmetric and m is not None and getattr(m.pattern, "symmetric", False))

    def _best_fit(self, i: int, patterns: list, implicit_target: bool = False) -> PatternMatch | None:
        """The most specific fitting pattern whose target is an actor, else the most
        specific fitting pattern ("open fire on +" over "open fire on protester" when
        the protesters are not an actor the dictionaries know)."""
        key = (i, id(patterns), implicit_target)
        if key in self._fits:
            return self._fits[key]
        first = best = where = None
        s = self.sent
        for m in predicate_fits(s, i, patterns, implicit_target):
            if first is None:
                first = m
            t = m.target
            if t is None:
                continue
            if s.lemma[t] in ARTILLERY_WEAPONS and s.dep[t] == "pobj" \
                    and s.lower[s.head[t]] == "with" and all(a.inferred for a in self.actors.resolve(t)):
                # "fought with tanks": the weapons they fought with, not a foe ("clashed
                # with Israeli tanks" is one)
                continue
            named = self._named_target(t)
            if where is not None and not named:
                continue  # after a place, only someone named will do
            if named and s.dep[t] == "pobj" and s.lower[s.head[t]] in WHERE_PREPS and s.pos[t] == "PROPN":
                # "claimed responsibility for killing lawmaker X in Mogadishu": where it
                # happened yields to whom it was done to, if another pattern names them
                where = where or m
                continue
            if named or self.actors.resolve(t) or self.actors.owner(t):
                best = m
                break
        best = best or where or first
        self._fits[key] = best
        return best

    def _included(self, v: int, t: int) -> list[Actor]:
        """The actors an "including" phrase on target ``t`` (or on verb ``v`` after it)
        names, other than civilians: "11 people, including the four suspected gunmen"."""
        s = self.sent
        for c in [*s.children[t], *(k for k in s.children[v] if k > t)]:
            if s.lower[c] == "including" and s.dep[c] == "prep":
                p = phrase_object(s, c)
                if p is None:
                    continue
                found = [a for k in self.actors.conjuncts(p) for a in self.actors.resolve(k)
                         if a.code[3:6] != "CVL"]
                if found:
                    self.log(f"  target: those {s.words[t]!r} includes")
                    return found
        return []

    def _named_target(self, t: int) -> bool:
        """Whether target ``t`` names someone in its own words: a name, a noun with an actor
        among its modifiers ("Hezbollah targets"), or a gerund whose object is an actor ("for
        killing lawmaker X"); not a noun that takes its country from elsewhere ("troops")."""
        s = self.sent
        if s.pos[t] == "PROPN":
            return bool(self.actors.resolve(t))
        if s.pos[t] == "VERB" and s.dep[t] == "pcomp":
            return any(self.actors.resolve(c) for c in s.children[t] if s.dep[c] in OBJECT_DEPS)
        return any(s.dep[c] in ("compound", "amod", "poss") and self.actors.named(c) is not None
                   for c in s.children[t])

    def _prepositional_target(self, v: int, obj: int, any_prep: bool = False,
                              where: bool = True, skipped: frozenset[int] = frozenset(),
                              not_of: Sequence[Actor] = ()) -> list[Actor]:
        """The actor of a prepositional phrase of the object (however deep: "welcomed a
        resumption of ties with Osgiliath") or of the predicate, when the object is a
        thing: "restored diplomatic ties with Gondor" (not a place phrase: "in", "near",
        "at" say where, not to whom). ``any_prep``: any phrase will do (legacy patterns),
        phrases that say where or when included unless ``where`` is false; ``skipped``: a
        phrase the pattern stepped over ("talks (IN ^)") names no target; ``not_of``: actors
        of these sources' own state are passed over ("massed tens of thousands of troops
        along its border with Gaza": the troops are Israel's)."""
        s = self.sent
        heads = [obj]
        seen = {obj}
        participles: set[int] = set()
        # the infinitive's phrases (and its object's) take only phrases that name whom
        comp = complement_of(s, v)
        narrow: set[int] = {obj} if comp is not None and s.head[obj] == comp else set()

        def follow(x: int, parent: int) -> None:
            """Look in ``x``'s phrases too, as narrowly as in ``parent``'s."""
            seen.add(x)
            heads.append(x)
            if parent in narrow:
                narrow.add(x)

        while heads:
            head = heads.pop(0)
            wide = any_prep and head not in narrow
            for c in s.children[head]:
                low = s.lower[c]
                # a participle on the object: "the roads leading into Mordor", "memos sent
                # by Bree"; the object of that participle: "signed agreements establishing
                # relations with the UAE"; an adverb's phrase: "marched very close to the
                # border with Mordor"
                participle = s.dep[c] == "acl" and s.tag[c] in ("VBN", "VBG") \
                    and s.lemma[c] not in RELATION_PARTICIPLES and not any(
                    s.dep[x] in ("nsubj", "nsubjpass") for x in s.children[c])
                if c not in seen and (participle or (head in participles and s.dep[c] in OBJECT_DEPS) or (
                        s.dep[c] == "advmod" and s.lower[c] not in DIRECTIONS  # "south of Quito": where
                        and any(s.dep[g] == "prep" for g in s.children[c])) or (
                        not_of and s.dep[c] == "conj" and s.pos[c] in ("NOUN", "PROPN"))):
                    # ... and, past one's own forces, what is coordinated with them: "massed
                    # troops and hundreds of tanks along its border with Gaza"
                    if participle:
                        participles.add(c)
                    follow(c, head)
                    continue
                if s.dep[c] == "prep" and any(s.lemma[p] in SIDE_NOUNS for p in s.children[c]):
                    continue  # "met on the sidelines of the G20 summit": where, not whom
                if (s.dep[c] in ("prep", "dative") and (
                        low in TARGET_PREPS or (wide and (where or low not in WHERE_WHEN_PREPS)))) or (
                        head in participles and (s.dep[c] == "agent" or low == "from")):
                    for p in s.children[c]:
                        if s.dep[p] == "pobj" and p not in seen:
                            found = self.actors.resolve(p) if p not in skipped else []
                            if found and not_of and all(
                                    _self_event(a, b) or _one_state(a.code, b.code)
                                    for a in not_of for b in found):
                                found = []
                            if found:
                                return found
                            follow(p, head)
            if head == obj and v not in seen:
                seen.add(v)
                heads.append(v)  # then the predicate's own phrases
                if comp is not None and comp not in seen:
                    seen.add(comp)
                    narrow.add(comp)
                    heads.append(comp)  # and its infinitive's: "threatened to retaliate against +"
        return []

    def _by_phrase(self, v: int, after: int) -> list[Actor]:
        """The actor of a "by" phrase of verb ``v`` after token ``after``."""
        s = self.sent
        return next((self.actors.resolve(p) for c in s.children[v] if c > after
                     and s.dep[c] == "prep" and s.lower[c] == "by"
                     for p in s.children[c] if s.dep[p] == "pobj"), [])

    def _territory(self, t: int) -> bool:
        """Whether a target is ground: a place the dictionaries name as a country or a
        city ("Goma", "El Fasher"), or a noun of territory ("the city", "the border crossing")."""
        s = self.sent
        if s.lemma[t] in TERRITORY_NOUNS:
            return True
        # (a plural name is people: "arrested 20 Palestinians")
        named = self.actors.named(t) if s.pos[t] == "PROPN" and s.tag[t] != "NNPS" else None
        return named is not None and len(named.code) == 3 and not named.person

    def _earlier_events(self, before: int | None = None, not_by: Sequence[Actor] = ()) -> list[Event]:
        """The story's events so far, latest first: those of the earlier sentences and, of
        this one, those of predicates before token ``before`` (all when None); with a
        source, and none whose source is one of ``not_by``."""
        here = self.events if before is None else [e for e in self.events if e.verb_index < before]
        return [e for e in reversed([*self.context.events, *here])
                if e.source and not any(_same_actor(e.source, a.code) for a in not_by)]

    def _holder(self, targets: list[Actor], sources: list[Actor]) -> list[Actor]:
        """Who holds the ``targets``: the source of the latest detention (173) or abduction
        (181) of them reported earlier in the story by someone other than ``sources``; none
        if there is no such event."""
        held = {b.code for b in targets}
        for e in self._earlier_events(not_by=sources):
            if e.event_code.startswith(DETENTION_CODES) and e.target in held:
                self.log(f"  target: who holds {e.target_text!r}, {e.source_text!r} "
                         f"({e.event_code}, sentence {e.sentence_index})")
                return [Actor(e.source, e.source_text, targets[0].token, e.rule)]
        return []

    def _earlier_act_source(self, n: int, sources: list[Actor], victims: bool = False,
                            answered: bool = False) -> list[Actor]:
        """Who did the act a noun refers back to: "Gunmen killed 132 villagers ... Guterres
        condemned the killings" -> the gunmen; "the ICC opened an investigation ... Israel
        condemned the decision" -> the ICC. The latest event of the story before the noun,
        an act of violence for a noun of violence, by someone other than the source.
        ``victims``: those the act was done to instead ("Islamic State claimed
        responsibility for the attack" -> the people attacked). ``answered``: only an act
        aimed at the ``sources`` ("Bashir denies the charges": charges against him, not
        Obama's criticism of Kenya)."""
        s = self.sent
        violent = s.lemma[n] in VIOLENCE_NOUNS or _perpetrators(s, n) or _force_use(s, n) is not None
        roots = tuple(SAID_NOUNS.get(s.lemma[n], DEED_ROOTS))
        if violent:
            # (violent repression, 175, is violence too: "police opened fire on students ...
            # condemned the shooting"; but "the violence" after protesters attacked an
            # embassy and police dispersed them is the protesters'; a riot, 145, is violence)
            roots = (*VIOLENT_ROOTS, "145", "175") if s.lemma[n] != "violence" else (*VIOLENT_ROOTS, "145")
        own = {a.code for a in sources}
        earlier = self._earlier_events(n)
        for e in self._earlier_events(n, sources):
            if not e.event_code.startswith(roots) or (victims and not e.target):
                continue
            if answered and not any(_same_state(e.target or "", a.code) for a in sources):
                continue
            if violent and not victims and (e.source[3:6] in STATE_ORGANS or e.source.endswith("PKO")) \
                    and e.target \
                    and (armed_group(e.target) or e.target[3:6] in ARMED_ROLES) and any(
                    d.event_code.startswith(roots) and d is not e for d in earlier):
                # "security forces ended the siege, killing all four gunmen ... Kenyatta
                # condemned the killings": the attack, not the forces' answer to it
                continue
            side, said = ("target", "suffered") if victims else ("source", "did")
            self.log(f"  target: who {said} what {s.words[n]!r} refers to, "
                     f"{getattr(e, side + '_text')!r} ({e.event_code}, sentence {e.sentence_index})")
            # all who did it, or suffered it, together ("Saudi Arabia and Egypt demanded ...")
            found = {(code, getattr(d, side + "_text")): d for d in reversed(earlier)
                     if d.sentence_index == e.sentence_index and d.verb_index == e.verb_index
                     and (code := getattr(d, side)) and not any(_same_actor(code, c) for c in own)}
            armed = {k: d for k, d in found.items() if armed_group(k[0]) or k[0][3:6] in ARMED_ROLES}
            if violent and not victims and armed and len(armed) < len(found):
                # "peacekeepers exchanged fire with them ... condemned the attack": the
                # armed group's, not the forces that fought back
                found = armed
            return [Actor(code, text, n, d.rule) for (code, text), d in found.items()]
        if violent and not victims and not answered:
            # "a gunman stormed the building and shot dead its head of security ... Turkey
            # condemned the attack": an act of violence that struck no one named
            untargeted = [*self.context.untargeted, *(e for e in self.untargeted if e.verb_index < n)]
            for e in reversed(untargeted):
                if e.event_code.startswith(roots) and not any(_same_actor(e.source, c) for c in own):
                    self.log(f"  target: who did what {s.words[n]!r} refers to, {e.source_text!r} "
                             f"({e.event_code} with no one named as struck, sentence {e.sentence_index})")
                    return [Actor(e.source, e.source_text, n, e.rule)]
        return []

    def _bowed_to(self, v: int, sources: list[Actor]) -> list[Actor]:
        """Whom a concession yields to, said by a participle: "withdrew two bills, bowing to
        more than a week of street protests" (the protesters: the people of the country),
        "giving in to pressure from the opposition" (the opposition)."""
        s = self.sent
        for c in s.children[v]:
            if s.dep[c] != "advcl" or s.tag[c] != "VBG" or s.lemma[c] not in YIELDING_VERBS:
                continue
            for p in s.children[c]:
                o = phrase_object(s, p) if s.dep[p] == "prep" and s.lower[p] in ("to", "in") else None
                if o is None:
                    continue
                who = [a for k in counted(s, o) or [o] for a in self.actors.resolve(k)] \
                    or [a for k in s.subtree(o) if s.dep[k] == "pobj" and s.lower[s.head[k]] == "from"
                        for a in self.actors.resolve(k)]
                home = country_of(sources[0].code)
                if not who and home and ({s.lemma[k] for k in s.subtree(o)} & PROTEST_WORDS):
                    who = [Actor(compose(home, "CVL"), s.words[o], o, "protest", inferred=True)]
                if who:
                    self.log(f"  target: whom {s.words[c]!r} yields to, {who[0].text!r}")
                    return who
        return []

    def _conjunct_target(self, v: int, sources: list[Actor]) -> list[Actor]:
        """The one a verb joined to ``v`` (the same doers) acts on, when ``v`` names no one:
        "Police fired tear gas and arrested 31 people", "fired tear gas and used pepper spray
        against crowds" (the people arrested, the crowds)."""
        s = self.sent
        joined = [c for c in s.children[v] if s.dep[c] == "conj" and s.pos[c] == "VERB"]
        if s.dep[v] == "conj" and s.pos[s.head[v]] == "VERB":
            joined.append(s.head[v])
        for c in joined:
            if any(s.dep[g] in SUBJECT_DEPS for g in s.children[c]) and c > v:
                continue  # a clause of its own
            heads = [clause(s, c).object] + [phrase_object(s, p) for p in s.children[c]
                                             if s.dep[p] == "prep" and s.lower[p] in ("against", "at", "on")]
            for h in heads:
                if h is None:
                    continue
                found = [a for a in (self.actors.resolve(h) or self._people(h))
                         if not any(_same_actor(a.code, b.code) for b in sources)]
                if found:
                    self.log(f"  target: {s.words[h]!r}, whom {s.words[c]!r} joined to it acts on")
                    return found
        return []

    def _clash_partner(self, v: int, sources: list[Actor], roles: frozenset[str]) -> list[Actor]:
        """The other side of a clash told in the same sentence by a clause of its own: the
        subject of another verb whose actors have one of ``roles`` and the sources' country
        ("Protesters threw rocks and set vehicles on fire, and officers fired tear gas")."""
        s = self.sent
        home = {country_of(a.code) for a in sources}
        for k in range(len(s)):
            h = s.head[k]
            if s.dep[k] not in SUBJECT_DEPS or h == v or s.pos[h] not in ("VERB", "AUX"):
                continue
            found = [b for b in self.actors.resolve(k) if b.code[3:6] in roles and country_of(b.code) in home]
            if found:
                self.log(f"  target: {s.words[k]!r}, the other side of the clash")
                return found
        return []

    def _answered(self, v: int, sources: list[Actor], codes: tuple[str, ...], why: str,
                  before: int | None = None) -> list[Actor]:
        """The source of the latest event of the story with one of ``codes`` (prefixes)
        aimed at the ``sources``' side, by someone else (of the current sentence, those of
        predicates before token ``before``; all when None): whom a denial or a refusal
        with no target of its own answers."""
        for e in self._earlier_events(before, not_by=sources):
            if e.event_code.startswith(codes) and e.target and any(
                    _same_state(e.target, a.code) for a in sources):
                self.log(f"  target: {why}, {e.source_text!r} ({e.event_code}, sentence {e.sentence_index})")
                return [Actor(e.source, e.source_text, v, e.rule)]
        return []

    def _same_word_act(self, n: int, sources: list[Actor]) -> list[Actor]:
        """Who did the act that noun ``n`` names by the word of its verb ("pardoned" and
        "the pardon", "executed" and "the execution", "expelled" and "the expulsion"): the
        source of the latest such event of the story before it, by someone other than
        ``sources``, all who did it together."""
        stem = _stem(self.sent.lemma[n])
        if len(stem) < 4:
            return []
        earlier = self._earlier_events(n, sources)
        for e in earlier:
            if any(_stem(w.lower()) == stem for w in e.verb_text.split()):
                self.log(f"  target: who did what {self.sent.words[n]!r} names, {e.source_text!r} "
                         f"({e.verb_text!r}, {e.event_code}, sentence {e.sentence_index})")
                return [Actor(d.source, d.source_text, n, d.rule) for d in earlier
                        if d.sentence_index == e.sentence_index and d.verb_index == e.verb_index]
        return []

    def _visited_place(self, t: int) -> list[Actor]:
        """The country of a place the story's places resolve token ``t`` to (a city or
        region: "travelled to Goa" -> IND); none without places."""
        got = self._place_country(t)
        if got is None:
            return []
        country, m = got
        self.log(f"  target: {m.text!r} is in {country}")
        return [Actor(country, m.text, t, f"place {m.resolved.name if m.resolved else ''}")]

    def _place_country(self, t: int) -> tuple[str, Mention] | None:
        """The country of the city or region the story's places resolve token ``t`` to, with
        the mention ("Goa" -> IND); None without places."""
        if self.places is None:
            return None
        for m in self.places().sentence_mentions(self.sent):
            r = m.resolved
            if t in m.tokens() and r is not None and r.precision in ("city", "admin1") and r.country_iso3:
                return r.country_iso3, m
        return None

    def _named_thing_owner(self, what: int) -> list[Actor]:
        """"condemned what it called Ukraine's aggression", "what it described as U.S.
        interference": the one whose thing the free relative names."""
        s = self.sent
        h = s.head[what]
        named = [c for c in s.children[h] if s.dep[c] == "oprd"]
        named += [p for c in s.children[h] if s.dep[c] == "prep" and s.lower[c] == "as"
                  if (p := phrase_object(s, c)) is not None]
        for n in named:
            mod = self._modifier_actor(n)
            found = self.actors.owner(n) or (self.actors.resolve(mod) if mod is not None else [])
            if found:
                self.log(f"  target: whose {s.words[n]!r} 'what' names")
                return found
        return []

    def _attack_owner(self, v: int) -> int | None:
        """The actor named on the attack a passive act of violence happened in or by ("were
        killed in an Israeli air strike", "died in a Russian missile attack on Kyiv"), if
        any: its modifier or possessor, or its "by" phrase."""
        s = self.sent
        for p in self._phrase_objects(v, ("in", "by", "during")):
            if s.lemma[p] not in VIOLENCE_NOUNS:
                continue
            mod = self._modifier_actor(p)  # (the modifiers come before the noun's phrases)
            if mod is not None:
                return mod
            by = next((b for b in self._phrase_objects(p, ("by",)) if self.actors.resolve(b)), None)
            if by is not None:
                return by
        return None

    def _modifier_actor(self, n: int) -> int | None:
        """The first modifier or possessor before noun ``n`` that names an actor
        ("Ukraine's aggression", "the U.S. aggression"), one whose country the sentence
        names first ("criminal Israeli aggression": Israel's, not criminals of the story's
        country)."""
        s = self.sent
        mods = [(g, found) for g in s.children[n]
                if g < n and s.dep[g] in NOUN_SOURCE_DEPS and (found := self.actors.resolve(g))]
        return next((g for g, found in mods if not all(a.inferred for a in found)),
                    mods[0][0] if mods else None)

    def _phrase_objects(self, h: int, preps: tuple[str, ...]) -> Iterator[int]:
        """The object of each phrase on ``h`` opened by one of ``preps``."""
        s = self.sent
        for c in s.children[h]:
            if s.dep[c] == "prep" and s.lower[c] in preps:
                p = phrase_object(s, c)
                if p is not None:
                    yield p

    def _mission_at(self, v: int) -> list[Actor]:
        """The government whose embassy or consulate act ``v`` happened at ("outside the
        Australian embassy", "in front of the U.S. consulate"), if the phrase names one."""
        s = self.sent
        for p in self._phrase_objects(v, ("outside", "at", "near", "before", "in")):
            if s.lemma[p] == "front":
                p = next(self._phrase_objects(p, ("of",)), p)
            if s.lemma[p] in MISSION_NOUNS:
                return [a for a in self.actors.resolve(p) if a.code[3:6] == "GOV"]
        return []

    def _held_in(self, v: int) -> list[Actor]:
        """The country where the people whose release act ``v`` is about are held: the
        "in" phrase on the object of its "of" phrase or on its own object ("the release
        of all political prisoners in Egypt" -> EGY)."""
        s = self.sent
        held = [*self._phrase_objects(v, ("of",)), *(c for c in s.children[v] if s.dep[c] in OBJECT_DEPS)]
        for h in held:
            for p in self._phrase_objects(h, ("in",)):
                found = [a for a in self.actors.resolve(p) if not a.person and country_of(a.code) == a.code]
                if found:
                    self.log(f"  target: where they are held, {found[0].text!r}")
                    return found
        return []

    def _letter_recipient(self, v: int) -> list[Actor]:
        """Whom the letter or message an act was made in went to: "Erdogan apologised for
        the downing of the jet in a letter to Putin" (Putin)."""
        s = self.sent
        for p in self._phrase_objects(v, ("in",)):
            if s.lemma[p] not in LETTER_NOUNS:
                continue
            for g in s.children[p]:
                if s.dep[g] == "prep" and s.lower[g] == "to":
                    found = self.actors.resolve(phrase_object(s, g))
                    if found:
                        self.log(f"  target: whom the {s.words[p]!r} went to")
                        return found
        d = s.head[v]
        if s.dep[v] == "acl" and s.lemma[d] in LETTER_NOUNS and s.dep[d] in ("dobj", "obj"):
            # "sent Tokayev a message praising ...": whom the message was sent to
            g = s.head[d]
            to = [c for c in s.children[g] if s.dep[c] == "dative" and s.pos[c] != "ADP"]
            to += [q for c in s.children[g] if s.dep[c] in ("prep", "dative") and s.lower[c] == "to"
                   if (q := phrase_object(s, c)) is not None]
            for k in to:
                found = self.actors.resolve(k)
                if found:
                    self.log(f"  target: whom the {s.words[d]!r} went to")
                    return found
        return []

    def _mediated_parties(self, v: int) -> list[Actor]:
        """The parties to what a mediator brokered, when the mediation is a participle on
        the thing they agreed to: "Israel and Hamas agreed to a ceasefire brokered by
        Egypt" (Egypt mediates between Israel and Hamas)."""
        s = self.sent
        g = governing_verb(s, s.head[v]) if s.dep[v] == "acl" else None
        if g is None:
            return []
        found = self.actors.resolve(subject_of(s, g))
        if found:
            self.log(f"  target: the parties to what {s.words[v]!r} names, the subject of {s.words[g]!r}")
        return found

    def _accuser(self, v: int, sources: list[Actor]) -> list[Actor]:
        """Whom a denial with no target answers: the source of the latest accusation (112),
        lawsuit, verdict or arrest (115, 116, 173: "Police arrested the lawmaker and said he
        would be charged ... He denied the accusation") earlier in the story of the one
        denying ("Russia accused Ukraine of ... Kyiv denied any involvement" -> Russia)."""
        found = self._answered(v, sources, ("112", "115", "116", "173"), "who made the accusation denied")
        if found:
            return found
        # no accusation coded: the nearest other side heard saying or finding something
        # ("Pompeo said it had been a hub of spying. Wang rejected the accusation")
        for sa, pool in self.context.pools(v, self.actors, window=len(self.context.previous)):
            s = sa.sent
            for a in reversed(pool):
                if a.code and s.dep[a.token] == "nsubj" and s.lemma[s.head[a.token]] in ACCUSING_VERBS \
                        and not any(_same_state(a.code, b.code) or country_of(a.code) == country_of(b.code)
                                    for b in sources):
                    self.log(f"  target: who was heard before, {a.text!r} ({s.words[s.head[a.token]]!r})")
                    return [Actor(a.code, a.text, v, a.rule)]
        return []

    def _place_target(self, v: int, obj: int | None) -> list[Actor]:
        """The country where an act of violence with no actor as its target struck: "shelled
        Kurdish villages in Iraq" -> IRQ, "killed at least 160 people in central Nigeria's
        Plateau state" -> NGA (its civilians, NGACVL, for a massacre). The phrase of place
        is looked for on the object (however deep: "attacks on villages in ...") and then on
        the predicate."""
        s = self.sent
        if (obj is not None and s.pos[obj] == "PROPN") or s.dep[v] in ("xcomp", "csubj", "pcomp") \
                or is_infinitive(s, v):
            return []  # someone the dictionaries do not know; an act only spoken of
        for c in s.children[v]:
            if s.dep[c] == "advcl" and s.tag[c] == "VBG" and any(
                    s.dep[o] in OBJECT_DEPS and self.actors.resolve(o) for o in s.children[c]):
                return []  # "..., killing six civilians": the toll says whom it struck
        heads: list[tuple[int, bool]] = [(obj, False)] if obj is not None else []
        heads.append((v, False))
        # "killed 184 people, most of them residents, in the Cite Soleil district"
        heads.extend((c, False) for c in s.children[v] if s.dep[c] == "npadvmod")
        seen: set[int] = set()
        while heads:
            head, placed = heads.pop(0)
            for c in s.children[head]:
                if s.dep[c] != "prep" or c in seen:
                    continue
                seen.add(c)
                here = placed or s.lower[c] in PLACE_PREPS
                for p in s.children[c]:
                    if s.dep[p] != "pobj":
                        continue
                    if here:
                        for a in self.actors.resolve(p):
                            country = country_of(a.code)
                            if country is not None and not a.person:
                                self.log(f"  target: the country where it struck, {a.text!r}")
                                return [attrs.evolve(a, code=country)]
                    if len(seen) < 8:
                        heads.append((p, here))
        return []

    def _struck_place(self, a: Actor) -> Actor:
        """A capital struck is its country, not its government: "Russian missiles struck
        Kyiv" -> UKR (the capital stands for the government when it acts or speaks)."""
        country = country_of(a.code)
        if country is None or a.code != country + "GOV" or a.person:
            return a
        if any(c.capital and c.country_iso3 == country for c in Gazetteer.default().lookup(a.text)):
            return attrs.evolve(a, code=country)
        return a

    def _capitals(self, targets: list[Actor]) -> list[Actor] | None:
        """The countries of ``targets`` when every one is a capital (``_struck_place``),
        else None."""
        places = [self._struck_place(b) for b in targets]
        return places if all(p is not b for b, p in zip(targets, places, strict=True)) else None

    def _complement_target(self, v: int, obj: int | None, blame: bool = False) -> list[Actor]:
        """The subject of a ``that`` clause that completes the predicate or its object,
        when that clause is not an event of its own: "Iran warned that Israel would pay a
        price", "expressed hopes that Osgiliath could be drawn in". Plain statements (010) are
        left out: what is said is their content, not someone acted on."""
        s = self.sent
        # ("was disappointed that Kenya had hosted Bashir": the clause completes the
        # adjective of the copula)
        adjectives = [c for c in s.children[v] if s.dep[c] == "acomp"]
        for head in (v, obj, *adjectives):
            if head is None:
                continue
            for c in s.children[head]:
                if not (s.dep[c] == "ccomp" or (head == obj and s.dep[c] in ("acl", "ccomp")
                                                 and any(s.lower[m] == "that" for m in s.children[c]))):
                    continue
                if c in self.framed or (self._coded_here(c) and not blame):
                    # (what one disapproves of names whom: "was disappointed that Kenya
                    # had hosted Bashir" is against Kenya, though the hosting codes)
                    return []
                if c > head and s.lemma[c] in REPORTING_VERBS and s.words[c - 1] != "that" \
                        and any(s.words[k] == "," for k in range(head, c)):
                    continue  # "have swarmed Whitsun Reef, the coast guard said": attribution
                what = next((k for k in s.children[c]
                             if s.dep[k] in OBJECT_DEPS and s.lower[k] == "what"), None)
                if what is not None:
                    # "criticised what it called India's 'hasty' response": whose response
                    return self._named_thing_owner(what)
                found = self._subject_of_clause(c, "from the clause of")
                if found:
                    return found
        return []

    def _explained_target(self, v: int, sources: list[Actor]) -> list[Actor]:
        """Whom a disapproval of a thing is aimed at, named in the words that explain it:
        "criticised the deal, saying Moscow had given away rich fishing grounds" is against
        Moscow; one's own side saying something ("Blinken criticised the decision, saying
        the United States opposed the probe") names no one."""
        s = self.sent
        for c in s.children[v]:
            if s.dep[c] != "advcl" or s.tag[c] != "VBG" or s.lemma[c] not in REPORTING_VERBS:
                continue
            for k in s.children[c]:
                if s.dep[k] == "ccomp" and k not in self.framed:
                    found = [b for b in self.actors.resolve(self._clause_subject(k))
                             if not any(_same_state(a.code, b.code) for a in sources)]
                    if found:
                        self.log(f"  target {', '.join(b.code for b in found)} from the words "
                                 f"explaining {s.words[v]!r}")
                        return found
        return []

    def _clause_subject(self, c: int) -> int | None:
        """The own subject of clause ``c`` (none for a clause that borrows one)."""
        s = self.sent
        return next((k for k in s.children[c] if s.dep[k] in ("nsubj", "nsubjpass")), None)

    def _subject_of_clause(self, c: int, how: str) -> list[Actor]:
        """The actors of clause ``c``'s own subject, logged as the target found ``how``."""
        found = self.actors.resolve(self._clause_subject(c))
        if found:
            self.log(f"  target {how} {self.sent.words[c]!r}")
        return found

    def _summary_target(self, v: int) -> list[Actor]:
        """", a move Israel condemned": a relative clause on a noun that sums up the main
        clause ("a move", "a decision") acts on the main clause's subject."""
        s = self.sent
        h = s.head[v]
        if s.lemma[h] not in SUMMARY_NOUNS or s.dep[h] not in ("npadvmod", "appos", "advcl") \
                or any(s.dep[c] in OBJECT_DEPS for c in s.children[v]):
            return []
        main = s.head[h]
        if main == h or s.pos[main] not in ("VERB", "AUX"):
            return []
        found = self.actors.resolve(subject_of(s, main))
        if found:
            self.log(f"  target: the subject of {s.words[main]!r}, which {s.words[h]!r} sums up")
        return found

    def _purpose_target(self, v: int, purposes: frozenset[str] = PURPOSE_LEMMAS,
                        wide: bool = False) -> list[Actor]:
        """The target of a protest named by its purpose infinitive: "blocked roads to
        protest against the government" (144 against the government, not a second 141);
        of a show of force with ``POSTURE_PURPOSES`` and ``wide`` (any phrase but a place's:
        "to respond to any move by the Chinese military")."""
        s = self.sent
        # the verb's own clauses, and an infinitive the parser hung on its object or on a
        # verb joined to it ("fired tear gas and live ammunition to disperse them", "live"
        # read as a verb, "to disperse" on "ammunition")
        heads = [v, *(c for c in s.children[v] if s.dep[c] == "conj" and s.pos[c] == "VERB")]
        near = [c for h in heads for c in s.children[h]]
        near += [g for c in near if s.dep[c] in OBJECT_DEPS for g in s.children[c]
                 if s.dep[g] == "acl" and is_infinitive(s, g)]
        for c in near:
            if (s.dep[c] in ("advcl", "xcomp") or (s.dep[c] == "acl" and is_infinitive(s, c))) \
                    and s.lemma[c] in purposes and (
                    is_infinitive(s, c) or s.tag[c] == "VBG"):  # "... , demanding the resignation of"
                obj = next((g for g in s.children[c] if s.dep[g] in OBJECT_DEPS), None)
                found = self.actors.resolve(obj) or (self.actors.owner(obj) if obj is not None else [])
                if not found:  # "to protest against the government"
                    found = self._prepositional_target(c, c, wide, where=False)
                if not found:  # "to protest against the prison authorities' refusal"
                    found = next((a for g in s.children[c] if s.dep[g] == "prep"
                                  and s.lower[g] in ("against", "at", "over")
                                  for a in [self.actors.owner(p) for p in s.children[g]
                                            if s.dep[p] == "pobj"] if a), [])
                if not found:  # "to demand that the government ..."
                    found = next((self.actors.resolve(subj) for g in s.children[c] if s.dep[g] == "ccomp"
                                  if (subj := self._clause_subject(g)) is not None), [])
                if not found:  # "to demand the resignation of Prime Minister Najib": its pattern's
                    m = self._best_fit(c, self.dicts.verbs.get(self.key.get(c, s.lemma[c]), []))
                    if m is not None and m.target is not None:
                        found = self.actors.resolve(m.target)
                if found:
                    self.suppressed.update(own_tokens(s, c))
                    self.log(f"  target from the purpose {s.words[c]!r}")
                    return found
        return []

    def _protest_purpose(self, v: int, sources: list[Actor]) -> list[Actor]:
        """The people whose protest coercion ``v`` is to end ("invoked emergency powers on
        Monday to end protests", "imposed a curfew to quell the unrest"): the civilians of
        the sources' country; none when the purpose names no protest."""
        s = self.sent
        home = country_of(sources[0].code)
        for c in s.children[v]:
            if s.dep[c] in ("advcl", "xcomp") and is_infinitive(s, c) \
                    and s.lemma[c] in REPRESSION_PURPOSES | ENDING_VERBS and home and any(
                    s.dep[g] in OBJECT_DEPS and s.lemma[g] in PROTEST_EVENT_NOUNS for g in s.children[c]):
                self.log(f"  target: the people whose protest {s.words[c]!r} is to end")
                return [Actor(compose(home, "CVL"), s.words[c], c, "protest", inferred=True)]
        return []

    def _purpose_code(self, v: int, code: str) -> str | None:
        """Protest form ``code`` refined by what its purpose infinitive's own pattern
        says it is for ("to protest against + spending_cut", 1412: a march is 1412);
        None when the purpose says nothing more."""
        s = self.sent
        if code not in PROTEST_FORMS:
            return None
        for c in s.children[v]:
            if s.dep[c] in ("advcl", "xcomp") and s.lemma[c] in PURPOSE_LEMMAS and is_infinitive(s, c):
                patterns = self.dicts.verbs.get(self.key.get(c, s.lemma[c]))
                m = self._best_fit(c, patterns) if patterns else None
                if m is not None and len(m.code) == 4 and m.code[:2] == "14" and m.code[3] in "12345":
                    return code + m.code[3]
        return None

    def _conditioned(self, v: int) -> bool:
        """Whether clause ``v`` (or the verb of saying whose clause it is) has an "if" or
        "unless" condition."""
        s = self.sent
        return any(_conditional(s, c) for h in _with_governor(s, v) for c in s.children[h])

    def _named_attack(self, act: int, code: str, fmap: FrameMap, out: str | None) -> str | None:
        """What a frame map makes of force (190) threatened, vowed or warned of: force in
        general ("would drive the militants out", "could use force") as the map's entry for
        190 has it (138); an attack named in so many words ("threatened to attack", "to
        strike", "to launch a ground operation") as it maps the root's attacks (1384)."""
        s = self.sent
        if code != "190" or not (s.lemma[act] in ATTACK_WORDS or any(
                s.lemma[c] in ATTACK_WORDS for c in s.children[act] if s.dep[c] in OBJECT_DEPS)):
            return out
        return fmap.code_for("19") or out

    def _conditional_threat(self, v: int, m: PatternMatch, modal: int) -> None:
        """Code act of force ``v``, said to be possible on a condition, as the threat of it
        that the threaten frame's map gives."""
        s = self.sent
        tmap = self.dicts.frame_maps.get("threaten")
        code = self._named_attack(v, m.code, tmap, tmap.code_for(m.code)) if tmap is not None else None
        if code is None or is_negated(s, v):
            return
        self.suppressed |= m.consumed
        self.codes[v] = code
        self.log(f"verb {s.words[v]!r}: with {s.words[modal]!r} on a condition, a threat: {m.code} -> {code}")
        self._emit(v, code, m.source if m.source is not None else subject_of(s, v), m.target,
                   s.span_text(modal, v + 1) if v - modal <= 3 else s.words[v],
                   str(m.pattern.origin or ""), m.pattern.text, False, m.pattern)  # type: ignore[arg-type]

    def _condition_target(self, v: int) -> list[Actor]:
        """A threat is made to the one its condition names: "would use nuclear weapons if
        South Korea and the United States attacked it", or the one whose act it answers:
        "threatened to take retaliatory steps after Finland's leaders said ..." (on the
        threat's verb or the frame verb over it)."""
        s = self.sent
        heads = _with_governor(s, v)
        # ... or on the clause a warning says: "warned that if Canada retaliated, our tariff
        # would increase"
        heads += [c for c in s.children[v] if s.dep[c] in ("xcomp", "ccomp")]
        for h in heads:
            for c in s.children[h]:
                if (_conditional(s, c) and not is_passive(s, c)) or (s.dep[c] == "advcl" and any(
                        s.dep[m] == "mark" and s.lower[m] in REACTION_MARKS for m in s.children[c])):
                    # (not a passive condition's subject: "if Bazoum was not reinstated" names
                    # the one to be reinstated, not the one threatened; "until the group was
                    # crushed" does name it)
                    found = self._subject_of_clause(c, "from the condition")
                    if found:
                        return found
        return []

    def _infinitive_object_target(self, v: int, obj: int | None) -> list[Actor]:
        """The object of a purpose infinitive (of the predicate or of its object), when the
        predicate found no target of its own: "signed an accord on Thursday to supply
        Gondor with wheat" (the accord is with Gondor)."""
        s = self.sent
        kids = [*s.children[v], *(s.children[obj] if obj is not None else ())]
        for c in kids:
            if s.dep[c] in ("advcl", "xcomp", "acl") and s.pos[c] == "VERB" and is_infinitive(s, c) \
                    and self._clause_subject(c) is None:
                found = self.actors.resolve(next((g for g in s.children[c] if s.dep[g] in OBJECT_DEPS), None))
                if found:
                    self.log(f"  target: the object of the purpose {s.words[c]!r}")
                    return found
        return []

    def _coded_here(self, c: int) -> bool:
        """Whether the clause predicate ``c`` has a verb pattern that fits."""
        s = self.sent
        patterns = self.dicts.verbs.get(self.key.get(c, s.lemma[c]))
        return patterns is not None and next(iter(predicate_fits(s, c, patterns)), None) is not None

    def _contacted(self, v: int) -> int | None:
        """The one reached by the call, visit or meeting whose purpose infinitive ``v`` is
        ("telephoned Rakhmon to offer his condolences": Rakhmon), if any."""
        s = self.sent
        h = s.head[v]
        if h == v or s.dep[v] not in ("xcomp", "advcl") or not is_infinitive(s, v) \
                or self.codes.get(h, "")[:2] != "04" or any(s.dep[c] in SUBJECT_DEPS for c in s.children[v]):
            return None
        return next((c for c in s.children[h] if s.dep[c] in ("dobj", "obj") and c < v
                     and self.actors.resolve(c)), None)

    def _suppress_allegations(self, v: int, purposes: bool = False) -> None:
        # "accused X of shelling Y": the shelling is what is alleged, not an event;
        # "urged Eriador to respond to ...": what is urged is not an event either
        # (``purposes``: a call or a visit is made for what its infinitive says, an act
        # of its own: "telephoned Rakhmon to offer his condolences").
        s = self.sent
        for p in s.children[v]:
            if s.dep[p] == "prep":
                for c in s.children[p]:
                    if s.dep[c] == "pcomp" and not (s.tag[c] in ("VBD", "VBZ", "VBP") and any(
                            s.dep[g] in SUBJECT_DEPS for g in s.children[c])):
                        # (a finite clause with its own subject under a preposition is a
                        # misparse of a coordinated clause: "bombed camps on Monday and
                        # Kenyan ground troops clashed with the militants")
                        self.suppressed.update(own_tokens(s, c))
            elif s.dep[p] == "xcomp" and not (purposes and is_infinitive(s, p) and any(
                    s.dep[o] in ("dobj", "obj") and o < p for o in s.children[v])):
                self.suppressed.update(own_tokens(s, p))

    def _act_code(self, act: int, depth: int = 0) -> tuple[str | None, PatternMatch | None, list[str]]:
        """The code of a framed act (itself possibly a frame over another act)."""
        s = self.sent
        inner = [a for a, (f, _) in self.framed.items() if f == act and a != act]
        if inner and depth < 3:
            # a frame inside a frame: the outer one maps the innermost act ("urged the
            # generals to agree to a ceasefire" is an appeal for a ceasefire, "accused X of
            # seeking to control ..." an accusation of what X seeks)
            a = inner[0]
            _, fm = self.framed[a]
            self.suppressed.add(a)
            own = self._best_fit(act, self.dicts.verbs.get(self.key.get(act, s.lemma[act]), []), True)
            if own is not None and own.code != NULL_CODE and any(
                    e not in PREPOSITIONS and e not in ("+", "$") for e in own.pattern.elements):
                # the middle verb's own pattern says it: "agree to ceasefire with +" (0871)
                return own.code, own, [str(own.pattern.origin or "")]
            code, am, rules = self._act_code(a, depth + 1)
            return code, am, [*rules, str(fm.pattern.origin or "")]
        if s.lemma[act] in TRANSPARENT_VERBS and depth < 3:
            # "asked Ankara to help mediate", "pledged to begin sharing data": the act is
            # the verb that "help" or "begin" governs
            # ("would help Palau strengthen its patrols", a clause with its own subject: the
            # help is the act, to the one helped)
            inner_act = next((c for c in s.children[act] if s.dep[c] in ("xcomp", "ccomp")
                              and s.pos[c] == "VERB" and not bare_infinitive(s, c)), None)
            # (what the one helped is to do is part of the help, not an act of its own)
            self.suppressed.update(c for c in s.children[act] if bare_infinitive(s, c))
            if inner_act is not None:
                self.suppressed.add(inner_act)
                return self._act_code(inner_act, depth + 1)
        with_objects = TRANSPARENT_WITH.get(s.lemma[act])
        if with_objects is not None and depth < 3 and any(
                s.dep[c] in OBJECT_DEPS and s.lemma[c] in with_objects for c in s.children[act]):
            # "urged Sisi to use his powers to pardon Greste": the pardon, when the
            # dictionaries code it (else "use influence" may say more itself)
            inner_act = next((c for c in s.children[act] if s.dep[c] in ("xcomp", "advcl")
                              and s.pos[c] == "VERB" and is_infinitive(s, c)), None) or next(
                (g for c in s.children[act] if s.dep[c] in OBJECT_DEPS for g in s.children[c]
                 if s.dep[g] in ("acl", "relcl") and s.pos[g] == "VERB" and is_infinitive(s, g)), None)
            if inner_act is not None:
                through = self._act_code(inner_act, depth + 1)
                if through[0] is not None:
                    self.suppressed.add(inner_act)
                    return through
        table = self.dicts.nouns if s.pos[act] == "NOUN" and not is_verbal(s, act) else self.dicts.verbs
        # the act's target may be the frame's, left unsaid: "urged NATO to send air
        # defence systems" fits "send air defence system to +"
        m = self._best_fit(act, table.get(self.key.get(act, s.lemma[act]), []), True)
        if m is None and s.pos[act] == "NOUN":
            # a noun act named by its verb: "called for the release of the prisoners"
            m = self._best_fit(act, [p for p in self.dicts.verbs.get(s.lemma[act], [])
                                     if p.elements in ((), ("of", "+"))])
        if m is None or m.code == NULL_CODE:
            return None, m, []
        return m.code, m, [str(m.pattern.origin or "")]

    def _unreal_governor(self, v: int) -> int | None:
        """The coded verb of appeal, intent, demand, refusal or threat whose clause ``v``
        is ("demanded that Russia release ...", "refused to free ..."), if any."""
        s = self.sent
        k = v
        if s.dep[k] == "conj" and s.head[k] != k:
            k = s.head[k]
        if (s.dep[k] not in ("xcomp", "ccomp") and not shifted_complement(s, k)) or s.head[k] == k:
            return None
        h = s.head[k]
        code = self.codes.get(h, "")
        if code[:2] == "12" and s.dep[k] == "ccomp":
            return None  # "rejected that Israel attacked": a claim denied, not an act refused
        return h if code[:2] in UNREAL_ROOTS else None

    def _code_framed(self, act: int) -> None:
        s = self.sent
        f, fm = self.framed[act]
        code, am, rules = self._act_code(act)
        if code is None and s.lemma[act] in ENSURING_VERBS:
            # "urged the authorities to ensure that troops respected human rights": the act
            # asked for is what is to be ensured
            ensured = next((c for c in s.children[act] if s.dep[c] == "ccomp" and is_verbal(s, c)), None)
            if ensured is not None:
                code, am, rules = self._act_code(ensured)
                if code is not None:
                    self.log(f"frame over {s.words[act]!r}: the act ensured, {s.words[ensured]!r} ({code})")
        frame = fm.pattern.frame  # type: ignore[union-attr]
        commanded = None
        if frame == "demand" and code is not None and (code[:2] in VIOLENT_ROOTS or code == "1712") \
                and am is not None and am.target is not None and fm.target is not None \
                and (boss := subject_of(s, f)) is not None and (sides := self.actors.resolve(boss)) \
                and (forces := self.actors.resolve(fm.target)) \
                and all(_directive(a.code, b.code) for a in sides for b in forces) \
                and self.actors.resolve(am.target) and not self._own_side(boss, am.target):
            # "Nazarbayev ordered the security forces to destroy the remaining attackers":
            # force a state orders its own forces to use is force it means to use, a threat
            # of force (the intent map) against whom the act names
            self.log(f"frame {frame!r} on {s.words[f]!r}: its own forces ordered to act -> intent")
            frame, commanded = "intent", am.target
        fmap = self.dicts.frame_maps.get(frame)
        out = fmap.code_for(code) if fmap else None
        if frame == "intent" and code is not None and s.lemma[f] in WISH_VERBS \
                and s.lemma[act] in PERFORMATIVES:
            # "We want to thank Armenia": a thanks, an apology or a condemnation wished for
            # is made in the saying
            self.log(f"frame {frame!r} on {s.words[f]!r}: {s.words[act]!r} said is done -> {code}")
            out = code
        on_frame = self.framed.get(f) if f != act else None
        if out is not None and on_frame is not None and on_frame[0] == f:
            # "said they would try to kill her again": the auxiliary's frame (intent) over
            # what the frame verb makes of its act (an attack), when it maps it (a threat)
            outer = on_frame[1].pattern.frame  # type: ignore[union-attr]
            omap = self.dicts.frame_maps.get(outer)
            over = omap.code_for(out) if omap is not None else None
            if over is not None:
                self.log(f"frame {outer!r} on {s.words[f]!r}: {out} -> {over}")
                out = over
        self.suppressed |= fm.consumed
        if am is not None:
            self.suppressed |= am.consumed
        self._suppress_allegations(act)
        warned_force = False
        retribution = frame in ("intent", "warn", "threaten") and out is None and _retribution(s, act)
        vowed = frame == "intent" and s.lemma[f] in THREAT_VOWS and (
            s.lemma[act] in RESPONSE_VERBS or retribution)
        if out is None and (frame in ("warn", "threaten") or vowed) and fmap is not None \
                and s.pos[act] in ("VERB", "AUX"):
            # "warned Guyana that the armed forces would respond to any provocation": what
            # a military force is warned to do is military force (as a show of force, 15x)
            subj = subject_of(s, act)
            armed = subj is not None and any(a.code[3:6] == "MIL" for a in self.actors.resolve(subj))
            # "warned that if Canada retaliated, our tariff would increase": a warning of
            # sanctions on a condition is a threat of them (the map's entry for 163); without
            # one it may be a warning of harm ("warned that U.S. tariffs would slow growth")
            span = s.subtree(act)
            cond = self.conditions
            sanctions = {s.lemma[k] for k in span if k not in cond} & SANCTION_THREAT_WORDS \
                if frame in ("warn", "threaten") and cond.intersection(span) else set()
            # ... and a warning that an attack "would not go unanswered", that no place
            # "would be safe from" rockets (words of armed force in the act's clause, its
            # condition's too: "would take all necessary action if rocket fire resumed")
            words = {s.lemma[k] for k in span} & MILITARY_THREAT_WORDS
            if sanctions:
                out = fmap.code_for("163")
                if out is not None:
                    named = ", ".join(sorted(sanctions))
                    self.log(f"frame {frame!r} over {s.words[act]!r}: with {named} -> {out}")
            elif armed or words or vowed or retribution:
                # (a vow to respond, "vowed to respond strongly to the attack", is a threat
                # of force, as the threaten frame maps it: the intent frame maps no show of
                # force, since "will send troops to Poland" is no threat)
                tmap = fmap if frame != "intent" else self.dicts.frame_maps.get("threaten", fmap)
                out = tmap.code_for("150")
                if out is not None:
                    why = "done by a military force" if armed else \
                        f"with {', '.join(sorted(words))}" if words else \
                        "retribution" if retribution else "a response vowed"
                    self.log(f"frame {frame!r} over {s.words[act]!r}: {why} -> {out}")
                    warned_force = True
        if frame in ("appeal", "demand") and fmap is not None and not is_negated(s, f) \
                and is_negated(s, act) \
                and ((code or "")[:2] in ("13", "15", *VIOLENT_ROOTS) or s.lemma[act] in ESCALATION_VERBS):
            # "urged Beijing not to escalate tensions", "called on Israel not to launch an
            # offensive": asking that force not be used asks for de-escalation (087)
            deescalate = fmap.code_for("087")
            if deescalate is not None:
                self.log(f"frame {frame!r} over {s.words[act]!r}: force not to be used -> {deescalate}")
                out = deescalate
                warned_force = True  # (the negation is the request itself)
        elif frame == "appeal" and fmap is not None and out in (None, fmap.code_for("*")) \
                and not is_negated(s, f) and not is_negated(s, act) and (
                    (s.lemma[act] in HALT_VERBS
                     and any(s.dep[c] in OBJECT_DEPS and s.lemma[c] in HOSTILE_ACT_NOUNS
                             for c in s.children[act]))
                    or any(k != act and is_negated(s, k) and s.lemma[k] in ESCALATION_VERBS
                           for k in s.subtree(act))):
            # "called on North Korea to halt its belligerent action", "urged Ankara and Moscow
            # to make sure the incident did not escalate": an appeal for de-escalation (0256)
            deescalate = fmap.code_for("087")
            if deescalate is not None:
                self.log(f"frame {frame!r} over {s.words[act]!r}: hostilities to stop -> {deescalate}")
                out = deescalate
        if fmap is not None and code is not None and frame in ("intent", "threaten", "warn"):
            out = self._named_attack(act, code, fmap, out)
        refused = None
        if frame == "intent" and code is not None and is_negated(s, act) \
                and (f == act or not is_negated(s, f)):
            # "said he would not resign", "vowed not to attend": an intent not to act is a
            # refusal, as "vowed never to" is (the refuse frame's map)
            rmap = self.dicts.frame_maps.get("refuse")
            refused = rmap.code_for(code) if rmap is not None else None
            if refused is not None:
                self.log(f"frame {frame!r} over {s.words[act]!r}: an intent not to act, refused -> {refused}")
                out = refused
        if out is None:
            self.log(f"frame {frame!r} over {s.words[act]!r}: no code for act {code}")
            if f != act and f not in self.codes and self.key.get(f, s.lemma[f]) in self.dicts.verbs:
                # "warned Georgia that its bid would stall": not a threat, but a warning (130)
                self._code_verb(f)
            return
        if refused is None and (is_negated(s, f) or (is_negated(s, act) and not warned_force)):
            # (what a warning of force says will not happen is still the threat: "any attack
            # would not go unanswered")
            self.log(f"frame {frame!r} over {s.words[act]!r}: negated, no event")
            return
        modal = _unreal_modal(s, f) if f != act and out[:2] in DONE_ROOTS else None
        if modal is not None:
            # "China could attempt to blockade Taiwan": an attempt that may come, not one made
            self.log(f"frame {frame!r} on {s.words[f]!r} with {s.words[modal]!r}: a possibility, not an act")
            return
        src = subject_of(s, f) if self._contacted(f) is None else subject_of(s, s.head[f])
        tgt = fm.target if commanded is None else commanded
        raised = src is None and f != act and is_passive(s, f)
        if raised:
            # "the Russian president is expected to visit China": who is expected acts
            src = clause(s, f).object
            tgt = None if tgt == src else tgt
        if tgt is None and f != act and not raised:
            # "rejected a demand by ECOWAS to reinstate Bazoum": whose demand it was
            obj = clause(s, f).object
            if obj is not None and obj != act and obj in fm.consumed and s.pos[obj] == "NOUN":
                tgt = self._requester(obj)
                own = {a.code for a in self.actors.resolve(src)}
                if tgt is not None and {a.code for a in self.actors.resolve(tgt)} <= own:
                    tgt = None  # "expressed his eagerness to meet Trump": his own
        if tgt is None and am is not None:
            tgt = am.target
        if f in self.frame_targets:
            tgt = self.frame_targets[f]  # "rejected calls by Britain to release X": Britain
        if retribution and s.lemma[act] in ("deal", "act") and tgt is None:
            # "warned that the state would act firmly against those behind it": whom it acts on
            tgt = next((o for c in s.children[act] if s.dep[c] == "prep" and s.lower[c] in ("with", "against")
                        and (o := phrase_object(s, c)) is not None), None)
        if retribution and warned_force and src is not None and (
                (patient := self._patient(act)) is not None) and patient != src \
                and (self.actors.resolve(patient) or _perpetrators(s, patient)) \
                and not self._own_side(src, patient):
            # "warned that Hamas would pay a heavy price", "vowed that the organisers would be
            # severely punished": the one retribution is promised to is the threatened
            tgt = patient
        if tgt is None and s.pos[act] == "NOUN":
            tgt = act  # "demanded an apology from Israel": the act's owner is the target
            if code is None and (found := self.actors.resolve(act)) and all(a.token == act for a in found):
                # "called for more air defence systems from Western allies": weapons or
                # troops asked for are no one asked; whom they are asked from is
                tgt = next((o for c in s.children[act] if s.dep[c] == "prep" and s.lower[c] == "from"
                            for o in s.children[c] if s.dep[o] == "pobj"), None)
        if tgt is not None and am is not None and am.target is not None and src is not None \
                and tgt != am.target and s.head[tgt] != f and self._own_side(src, tgt):
            # "Trump warned that the United States would strike Iranian sites": one's own
            # side acts, on the act's target
            tgt = am.target
        if tgt is not None and src is not None and (am is None or am.target is None) and s.dep[f] == "conj" \
                and s.head[f] != f and self._own_side(src, tgt):
            # "blamed Israel for the killing and vowed that Iran would retaliate": one's own
            # side acting on no one named, against the one the first verb named
            other = next((c for c in s.children[s.head[f]] if s.dep[c] in OBJECT_DEPS
                          and self.actors.resolve(c) and not self._own_side(src, c)), None)
            if other is not None:
                self.log(f"  own side acts: against {s.words[other]!r}, whom {s.words[s.head[f]]!r} named")
                tgt = other
        if frame == "accuse" and s.lemma[f] in ("charge", "indict") and src is not None and (
                found := self.actors.resolve(src)) and all(a.code[3:6] in ("JUD", "COP") for a in found):
            # "Prosecutors charged Bolsonaro with plotting a coup": charges a prosecutor or
            # the police bring are legal action (173), not an accusation in words
            self.log(f"frame {frame!r} on {s.words[f]!r} by {found[0].text!r}: legal action -> 173")
            out = "173"
        verb_text = s.words[act] if f == act else s.span_text(min(f, act), max(f, act) + 1) \
            if abs(f - act) <= 4 else f"{s.words[f]} ... {s.words[act]}"
        if f == act:  # auxiliary frame: "will visit"
            aux = next(c for c in s.children[act] if s.dep[c] == "aux" and s.lemma[c] == fm.pattern.head)
            verb_text = s.span_text(aux, act + 1)
        rule = " + ".join([str(fm.pattern.origin or ""), *rules])
        # "Armenia and Azerbaijan agreed to establish relations": an act done together
        # pairs the co-subjects when there is no target
        self._emit(act, out, src, tgt, verb_text, rule, f"frame {frame}: {fm.pattern.text}", False,
                   co_subjects=self._symmetric(am))

    def _patient(self, act: int) -> int | None:
        """Whom retribution is promised to: the subject of a passive ("the raiders would be
        dealt with firmly", "would be severely punished"), the object of an active verb of
        retribution ("vowed to punish Israel"), else the act's subject ("Hamas would pay a
        heavy price")."""
        s = self.sent
        if is_passive(s, act):
            return next((c for c in s.children[act] if s.dep[c] == "nsubjpass"), None)
        if _punishing(s, act):
            # "vowed to punish Israel": the one punished
            return next((c for c in s.children[act] if s.dep[c] in OBJECT_DEPS), None)
        return subject_of(s, act)

    def _own_side(self, src: int, other: int) -> bool:
        """Whether every actor of ``other`` is the same state as one of ``src``."""
        own, theirs = self.actors.resolve(src), self.actors.resolve(other)
        return bool(own and theirs) and all(
            any(_same_state(a.code, b.code) for a in own) for b in theirs)

    def _code_noun(self, n: int, explicit: bool = False) -> None:
        """Code noun predicate ``n``; ``explicit``: a noun inside a phrase another predicate
        took, coded only as an act of force (FORCE_ROOTS) whose pattern found both its
        source and its target."""
        s = self.sent
        m = self._best_fit(n, self.dicts.nouns[s.lemma[n]])
        if m is None or (explicit and (m.source is None or m.target is None
                                       or m.code[:2] not in FORCE_ROOTS)):
            return
        h = s.head[n]
        if is_negated(s, h) and h != n:
            self.log(f"noun {s.words[n]!r}: its verb is negated, no event")
            return
        if h != n and s.dep[n] in OBJECT_DEPS and (s.lemma[h] in CALLED_OFF_VERBS or (
                s.lemma[h] == "call" and any(s.lower[c] == "off" for c in s.children[h]))):
            # "Blinken postponed his trip to Beijing", "called off the strike": not done
            self.log(f"noun {s.words[n]!r}: {s.words[h]!r}, not done")
            return
        hedge = next((s.words[c] for c in s.children[n] if s.lower[c] in HEDGES), None)
        if hedge is not None:
            # "gathering evidence of alleged killings of civilians by Russian forces": an
            # act alleged or only possible is not reported as done
            self.log(f"noun {s.words[n]!r}: {hedge!r}, no event")
            return
        self.suppressed |= m.consumed
        if m.code == NULL_CODE:
            self.log(f"noun {s.words[n]!r}: {m.pattern.text!r} codes no event ({m.pattern.origin})")
            return
        src = m.source
        if src is None:
            for c in s.children[n]:
                if c < n and s.dep[c] in NOUN_SOURCE_DEPS and self.actors.resolve_one(c) is not None:
                    src = c
                    break
        if src is None and s.dep[n] in ("dobj", "obj", "nsubjpass") and h != n:
            if h in self.framed and m.target is None:
                # "agreed to begin technical talks": talks to come, not held
                self.log(f"noun {s.words[n]!r}: {s.words[h]!r} is not done, no event")
                return
            src = subject_of(s, h)
        tgt = m.target
        where = self._occasion_of(n, m.code[:2] == "04") if src is None and s.dep[n] == "pobj" else None
        if where is not None:
            # "Blinken announced the aid during a visit to Kyiv": the one who announced;
            # set off by a comma, the phrase is on the main clause ("urged Xi to use his
            # influence ..., during a three-day visit to China": Scholz visits); "on the
            # first day of a visit to Kazakhstan", "Rice, on a visit to Afghanistan, met"
            h, v = where
            if h > 0 and s.words[h - 1] == "," and s.pos[s.head[h]] in ("VERB", "AUX"):
                v = self._main_clause(v)
            if v in self.framed:
                # "will visit Islamabad next week for talks": talks to come, not held
                self.log(f"noun {s.words[n]!r}: on the occasion of {s.words[v]!r}, not done")
                return
            src = subject_of(s, v)
            if tgt is None and self._symmetric(m):
                # "told his Pakistani counterpart in a phone call": the one spoken to
                tgt = self._addressee(v)
        self._emit(n, m.code, src, tgt, s.words[n], str(m.pattern.origin or ""),
                   m.pattern.text, self._symmetric(m), m.pattern)  # type: ignore[arg-type]

    def _occasion_of(self, n: int, talks: bool = False) -> tuple[int, int] | None:
        """The preposition and the verb of the phrase that says on what occasion noun ``n``
        (a visit, a call) something was done: "during a visit to Kyiv", "on a visit to
        Afghanistan", "on the first day of a visit to Kazakhstan" (through a noun of time
        or part), "Rice, on a three-day visit to Afghanistan, met ..." (on the subject).
        ``talks``: also the talks it followed or was done for ("after talks")."""
        s = self.sent
        for _ in range(3):
            h = s.head[n]
            if s.dep[n] != "pobj" or h == n:
                return None
            above = s.head[h]
            if s.lower[h] in OCCASION_PREPS or (talks and s.lower[h] in TALKS_PREPS):
                if s.pos[above] in ("VERB", "AUX"):
                    return h, above
                if s.dep[above] in SUBJECT_DEPS and s.head[above] != above:
                    return h, s.head[above]
            if s.lower[h] != "of" or s.lemma[above] not in OCCASION_PARTS:
                return None
            n = above
        return None

    def _main_clause(self, v: int) -> int:
        """The outermost verb of the clause chain ``v`` is in: up through complements,
        infinitives and prepositional clauses ("praised X for offering to take ...": praised),
        not out of a clause on a noun."""
        s = self.sent
        while s.head[v] != v and s.dep[v] in ("xcomp", "ccomp", "advcl", "pcomp", "prep", "conj"):
            h = s.head[v]
            if s.pos[h] not in ("VERB", "AUX", "ADP"):
                break
            v = h
        return v

    def _requester(self, n: int) -> int | None:
        """Who made the request, demand or call ``n``: its owner ("Kishida's request", "a
        demand by ECOWAS") or a named actor before it ("U.S. calls to call off ...")."""
        s = self.sent
        owners = self.actors.owner(n)
        if owners:
            return owners[0].token
        for c in s.children[n]:
            if c < n and s.dep[c] in ("compound", "amod", "nmod") and self.actors.named(c) is not None:
                return c
        return None

    def _addressee(self, v: int) -> int | None:
        """Whom verb ``v`` addresses: its object or the actor of its "to"/"with" phrase
        ("told his counterpart", "apologised to Qatar's prime minister")."""
        s = self.sent
        for c in s.children[v]:
            if s.dep[c] in ("dobj", "obj", "dative") and s.pos[c] != "VERB" and self.actors.resolve(c):
                return c
            if s.dep[c] == "prep" and s.lower[c] in ("to", "with"):
                p = next((g for g in s.children[c] if s.dep[g] == "pobj"), None)
                if p is not None and self.actors.resolve(p):
                    return p
        return None

    # -- events -----------------------------------------------------------------------
    def _sources(self, v: int, code: str, src: int | None, tgt: int | None,
                 pattern: VerbPattern | None) -> tuple[str, int | None, int | None, list[Actor]] | None:
        """Who does predicate ``v``: the source token and actors, after the repairs that
        read them from the sentence (a bomb's planter, a weapon's owner, the reporter of a
        clause with no actor of its own...), with the code and target token some of them
        change (an arrival, a state's protest); None when the act is not coded (a toll
        or an attack told again, an arrival that is no visit)."""
        s = self.sent
        if code[:2] in VIOLENT_ROOTS and s.dep[v] == "advcl" and s.tag[v] == "VBG" \
                and s.head[v] in self.violent:
            # "shelled the city, killing 15 civilians": the toll of the attack already
            # coded, not another attack
            stormed = [e for e in self.events if e.verb_index == s.head[v]]
            if not (code[:3] == "181" and stormed and all(e.event_code in ("180", "190") for e in stormed)):
                self.log(f"predicate {s.words[v]!r}: the toll of {s.words[s.head[v]]!r}, not coded again")
                return None
            # "stormed a boarding school ..., kidnapping 27 students": the abduction is the
            # act the storming was, told by its kind
            self.log(f"predicate {s.words[v]!r}: the abduction {s.words[s.head[v]]!r} was")
            self.events = [e for e in self.events if e.verb_index != s.head[v]]
        if src is not None and s.lemma[src] in ("bomb", "device", "explosive") \
                and not self.actors.resolve(src):
            # "A bomb planted by an unidentified man ... killed 20 people": the one who
            # planted it
            by = next((p for a in s.children[src] if s.dep[a] == "acl" for g in s.children[a]
                       if s.dep[g] == "agent" for p in s.children[g] if s.dep[p] == "pobj"), None)
            if by is not None and self.actors.resolve(by):
                src = by
        if src is not None and s.dep[v] == "relcl" and s.head[v] == src and s.dep[src] == "attr" \
                and s.lemma[s.head[src]] in ("be", "become"):
            # "..., becoming the most senior foreign official to visit Afghanistan": the
            # one who became it
            who = subject_of(s, s.head[src])
            if who is not None and self.actors.resolve(who):
                src = who
        sources = self.actors.resolve(src)
        if not sources and src is not None and pattern is not None and pattern.reverse \
                and s.pos[src] == "NOUN":
            # "was appalled by the militants' brutality": one is appalled by whoever's
            # the brutality is
            sources = self.actors.owner(src)
        if src is not None and s.lemma[src] in DOCUMENT_NOUNS and sources:
            # "The Saudi statement objected to ...": a country's statement is its government's
            sources = _with_role(sources, "GOV")
        told = subject_of(s, s.head[v]) if s.dep[v] == "advcl" else None if sources else src
        if told is not None and code[:2] in VIOLENT_ROOTS and s.lemma[told] in VIOLENCE_NOUNS \
                and any(s.lower[c] in ("the", "these", "those", "such") for c in s.children[told]) \
                and self._earlier_act_source(told, []):
            # "the strikes hit homes in Khost and Paktika, killing five women": the attack
            # reported before, told again (and its toll with it), not another one
            self.log(f"predicate {s.words[v]!r}: {s.words[told]!r} reported before, not coded again")
            self.violent.add(v)
            return None
        reported = s.head[v]
        if not sources and src is not None and s.dep[v] == "conj":
            for _ in range(5):
                # up from a clause inside the reported one: "said there was no evidence the
                # strikes had come from Yemen and blamed Iran"
                if s.dep[reported] == "ccomp" or s.head[reported] == reported \
                        or s.dep[reported] not in ("relcl", "acl", "attr", "dobj", "pobj", "prep"):
                    break
                reported = s.head[reported]
        if not sources and src is not None and s.dep[v] == "conj" and s.dep[reported] == "ccomp" \
                and code[:2] not in VIOLENT_ROOTS \
                and not any(s.dep[c] in SUBJECT_DEPS for c in s.children[v]):
            # "Zhao said the tariffs had nothing to do with the pandemic and mocked
            # Canberra": the reported clause's subject is no actor; the one who spoke is
            main = subject_of(s, s.head[reported])
            speakers = self.actors.resolve(main)
            if main is not None and speakers:
                src, sources = main, speakers
                self.log(f"  source: {s.words[src]!r}, the reporter, not the reported clause's subject")
        if code == "042" and (s.lemma[v] in ARRIVAL_VERBS or s.lemma[v] == "fly") \
                and src is not None and sources:
            arrival = self._arrival(v, src, sources)
            if arrival is None:
                return None
            code = arrival
        if src is not None and code[:2] in VIOLENT_ROOTS and (not sources or s.lemma[src] in (
                AERIAL_WEAPONS | ARTILLERY_WEAPONS | {"bomb"})):
            # "A roadside bomb planted by Baloch separatists struck ...", "Drones launched by
            # the RSF struck ...": the weapon is the one's who set it off
            by = next((phrase_object(s, a) for c in s.children[src] if s.dep[c] == "acl" and s.tag[c] == "VBN"
                       for a in s.children[c] if s.dep[a] == "agent"), None)
            if by is not None and self.actors.resolve(by):
                src, sources = by, self.actors.resolve(by)
                self.log(f"  source: who set off {s.words[src]!r}")
        if src is not None and any(len(a.code) == 3 for a in sources) \
                and _weapon_words(s, src) & (AERIAL_WEAPONS | ARTILLERY_WEAPONS):
            # "Russian missiles struck Kyiv": weapons that act are the military's
            sources = _with_role(sources, "MIL")
        elif src is not None and code[:2] in VIOLENT_ROOTS and any(len(a.code) == 3 for a in sources) \
                and s.dep[src] in ("amod", "compound", "poss") and s.lemma[s.head[src]] in MILITARY_STRIKES:
            # "were killed in Russian strikes on Kharkiv", "in an Israeli raid": a state's
            # strikes are its military's
            sources = _with_role(sources, "MIL")
        if not sources and src is not None and code[:2] == "14":
            # "several hundred people defied a ban ... to protest": people who protest
            sources = self._people(src)
        summoner = s.head[v]
        summoned = next((c for c in s.children[summoner] if s.dep[c] in OBJECT_DEPS), None) \
            if s.dep[v] in ("advcl", "xcomp") and s.lemma[summoner] == "summon" else None
        if code[:2] == "14" and s.lemma[v] == "protest" and sources and src is not None \
                and (s.head[src] == v or summoned is not None) and s.dep[src] in SUBJECT_DEPS \
                and not counted(s, src) and all(a.code[3:6] in ("", "GOV") and not a.plural for a in sources):
            # "The Philippines protested China's use of water cannon": a state's protest
            # is an official complaint (114) about what it protested, not a demonstration;
            # "Ayalon summoned Celikkol to protest against a television drama": to the
            # envoy summoned
            obj = summoned if summoned is not None and self.actors.resolve(summoned) else next(
                (c for c in s.children[v] if s.dep[c] in OBJECT_DEPS), None)
            self.log(f"  a protest by {sources[0].text!r}: an official complaint -> 114")
            code, tgt = "114", obj if obj is not None else tgt
        return code, src, tgt, sources

    def _targets(self, v: int, code: str, tgt: int | None, sources: list[Actor],
                 pattern: VerbPattern | None, skipped: frozenset[int]) -> tuple[str, int | None, list[Actor]]:
        """Whom predicate ``v`` is done to: the target actors, read from the target token
        and, when it names no one, from the sentence and the story (each other, the
        owner of a thing, whoever did the act a noun refers back to, who was heard
        before, the people of a place...), with the code and target token some of those
        readings change."""
        s = self.sent
        theirs = self._reciprocal_object(v) if len(sources) > 1 else None
        if theirs is not None:
            # "Azerbaijani and Armenian forces pounded each other's positions": each the
            # others'
            tgt = theirs
        targets = self.actors.resolve(tgt) if theirs is None else sources
        if not targets and tgt is not None and len(sources) > 1 and any(
                s.lower[c] in RECIPROCALS.get(s.lower[tgt], ()) for c in s.children[tgt]):
            # "Armenia and Azerbaijan accused each other": each acts on the others
            targets = sources
            self.log("  target: each other, the sources themselves")
        if not targets and tgt is not None and s.lower[tgt] == "what":
            targets = self._named_thing_owner(tgt)
        if targets and tgt is not None and s.dep[tgt] == "pobj" and s.lower[s.head[tgt]] == "of" \
                and (held := s.head[s.head[tgt]]) != v and s.lemma[held] in MISSION_NOUNS \
                and self.actors.agent_at[held] is not None:
            # "attacked the embassies of Rwanda and France" (`attack embassy of +`): a
            # country's embassy stands for its government (RWAGOV, FRAGOV)
            whose = self.actors.resolve(held)
            if whose and {country_of(a.code) for a in whose} == {country_of(b.code) for b in targets}:
                targets = whose
        if not targets and tgt is not None and sources and (code == "042" or code[:2] == "07") \
                and (s.dep[tgt] in OBJECT_DEPS
                     or (s.dep[tgt] == "pobj" and s.lower[s.head[tgt]] in ("to", "into"))):
            # "travelled to Goa", "flew into Santa Marta", "flew relief supplies to Tacloban",
            # "to the devastated city of Tacloban": a place abroad the actor dictionaries do
            # not name is its country
            named = tgt if s.pos[tgt] == "PROPN" else next(
                (o for p in s.children[tgt] if s.lower[p] == "of" and s.lemma[tgt] in TERRITORY_NOUNS
                 for o in s.children[p] if s.dep[o] == "pobj" and s.pos[o] == "PROPN"), None)
            if named is not None:
                targets = [b for b in self._visited_place(named)
                           if all(country_of(a.code) != b.code for a in sources)]
        if not targets and tgt is not None and sources and code == "042" and s.pos[tgt] == "NOUN" \
                and s.lemma[tgt] in DATELINE_PLACE_NOUNS \
                and any(s.lower[c] == "the" for c in s.children[tgt]) \
                and not any(s.dep[c] == "prep" for c in s.children[tgt]) \
                and (host := self.context.host) is not None \
                and all(country_of(a.code) != host for a in sources):
            # "Kim arrived in the port city by armoured train" in a story from Vladivostok:
            # the city the story is datelined in
            self.log(f"  target: {s.words[tgt]!r}, the dateline's city, in {host}")
            targets = [Actor(host, s.words[tgt], tgt, "dateline")]
        if not targets and sources and code.startswith("171") \
                and not any(a.inferred for a in sources):
            # "burned thousands of homes": people's homes, whose owners no one names, are
            # the civilians'
            objects = [c for c in s.children[v] if s.dep[c] in OBJECT_DEPS]
            homes = next((h for c in objects for h in (counted(s, c) or [c])
                          if (s.lemma[h] in HOME_NOUNS or s.lemma[h] in SHOP_NOUNS)
                          and not any(s.dep[g] == "poss" for g in s.children[h])), None)
            if homes is not None:
                # (and shops are their owners', businesses: "looted and set fire to shops")
                targets = self._people(homes, any_noun=True,
                                       role="BUS" if s.lemma[homes] in SHOP_NOUNS else "CVL")
        if not targets and tgt is not None and sources and (code[:2] in ("17", "18") or code == "0841" or (
                code == "202" and not any(a.inferred for a in sources))):
            # "officers had arrested more than 100 people": people coerced; "ELN rebels freed
            # the father of Luis Diaz": someone's kin released; "a gang in Haiti's capital
            # killed at least 184 people": people massacred (by killers whose country the
            # sentence says, not one guessed from the story)
            targets = self._people(tgt)
        if code == "161" and sources and (home := country_of(sources[0].code)) \
                and all(country_of(b.code) == home for b in targets):
            # "France recalled its ambassador" after "Mali ordered France's ambassador to
            # leave": recalled from the country that acted against it last in the story
            e = next((e for e in self._earlier_events(v, sources) if e.target
                      and country_of(e.target) == home and country_of(e.source) not in (None, home)), None)
            if e is not None:
                whence = country_of(e.source) or ""
                self.log(f"  recalled from {whence}, who acted against {home} last "
                         f"({e.event_code}, sentence {e.sentence_index})")
                targets = [Actor(whence, e.source_text, v, e.rule)]
        if tgt is not None and _perpetrators(s, tgt) and sources:
            # "condemned its perpetrators", "called for the killers to be punished"
            targets = self._earlier_act_source(tgt, sources) or targets
        # a compound subject acting together is not acting on the place it acts in:
        # "Russia and Ukraine held talks in Istanbul" (legacy patterns take any phrase)
        where = len(sources) < 2
        if not targets and tgt is None and pattern is not None and pattern.any_target:
            targets = self._prepositional_target(v, v, True, where, skipped)
        if not targets and tgt is not None and s.pos[tgt] == "VERB" and s.dep[tgt] == "pcomp":
            # "claimed responsibility for shooting activist Malala Yousafzai": the one shot
            targets = next((self.actors.resolve(c) for c in s.children[tgt]
                            if s.dep[c] in OBJECT_DEPS), [])
        if not targets and tgt is not None and code == "015" and s.lemma[tgt] in VIOLENCE_NOUNS:
            # "claimed responsibility for drone attacks that set ablaze two of Saudi
            # Arabia's biggest oil facilities": what the attacks struck
            for c in s.children[tgt]:
                if s.dep[c] in ("relcl", "acl") and s.pos[c] == "VERB":
                    hit = next((g for g in s.children[c] if s.dep[g] in OBJECT_DEPS), None)
                    targets = (self.actors.resolve(hit) or self.actors.owner(hit)) if hit is not None else []
                    if not targets and hit is not None \
                            and s.lemma[next(iter(counted(s, hit)), hit)] in CROWD_NOUNS:
                        # "for twin bomb attacks that killed 74 people ... in the Ugandan
                        # capital": the civilians of where they were struck
                        targets = _with_role(self._place_target(c, hit), "CVL") or self._people(hit)
                    if targets:
                        break
        if not targets and tgt is not None:
            targets = self.actors.owner(tgt)
            if not targets and s.head[tgt] == v and (s.lemma[tgt] in VIOLENCE_NOUNS
                                                     or s.lemma[tgt] in ACT_NOUNS):
                # "condemned air strikes by Israel on Lebanon", the parser hanging "by"
                # on the verb: the one who struck, not the one struck
                targets = self._by_phrase(v, tgt)
            if {t.code for t in targets} <= {a.code for a in sources} and (
                    s.lemma[tgt] not in VIOLENCE_NOUNS
                    or any(s.lower[c] == "against" for c in s.children[tgt])):
                # "welcomed their resumption of ties with Osgiliath": "their" is the
                # source itself; the target is further on (for an act of violence only when
                # it says against whom: "to widen the military offensive against Hamas";
                # "condemned the attack on the Russian embassy in Damascus" is no one's there)
                targets = self._prepositional_target(
                    v, tgt, pattern is not None and pattern.any_target, where, skipped) or targets
            if not targets and s.dep[tgt] in ("dobj", "obj") and s.head[tgt] == v:
                # "rejected the claims by Pakistan", with "by" attached to the verb
                targets = self._by_phrase(v, tgt)
        if targets and sources and tgt is not None and not any(a.inferred for a in sources) and all(
                _self_event(a, b) or (code[:2] in MOVE_ROOTS and _one_state(a.code, b.code))
                for a in sources for b in targets):
            # "Poland deployed soldiers to its border with Belarus", "massed troops along
            # the border with Gaza": the source's own forces are what it moves, the one it
            # acts on is further on, in whatever phrase
            targets = self._prepositional_target(v, tgt, True, where, skipped, sources) or targets
            if code[:2] == "15" and all(_one_state(a.code, b.code) for a in sources for b in targets):
                # "put its forces on alert to respond to any move by the Chinese military",
                # "deployed troops to quell the protests"
                targets = self._purpose_target(v, POSTURE_PURPOSES | REPRESSION_PURPOSES, wide=True) \
                    or targets
                if all(_one_state(a.code, b.code) for a in sources for b in targets):
                    # "The Kenyan government deployed troops": its own forces are what it
                    # moves, not whom it acts on
                    self.log("  the source's own forces moved: no target")
                    targets = []
        if not targets and sources and tgt is not None and s.head[tgt] == v:
            # "promised Ukraine more tanks", "gave Hamas 24 hours": the one given to
            targets = next((self.actors.resolve(c) for c in s.children[v]
                            if s.dep[c] == "dative" and s.pos[c] != "ADP"), [])
        if not targets and sources and tgt is not None and s.lower[tgt] in ("them", "it") \
                and s.dep[v] == "advcl" and s.tag[v] == "VBG" and s.head[v] != v:
            # "responded to the Hungarian prime minister's remarks, calling them an insult":
            # what "them" names is what the main verb took, and its owner is the target
            h = s.head[v]
            took = [c for c in s.children[h] if s.dep[c] in OBJECT_DEPS] + [
                o for p in s.children[h] if s.dep[p] == "prep" and s.lower[p] in ("to", "at")
                for o in s.children[p] if s.dep[o] == "pobj"]
            targets = next((found for c in took if (found := self.actors.owner(c))), [])
        if not targets and sources and code == "018" and tgt is not None and s.lemma[tgt] == "victim":
            # "Gunmen killed 100 people ... Pope Leo prayed for the victims": those the act
            # told before struck
            targets = self._earlier_act_source(tgt, sources, victims=True)
        if code == "016" and targets and sources and all(
                any(b.code in (a.code, country_of(a.code)) for a in sources) for b in targets):
            # "called the allegations of U.S. involvement baseless": one's own state is what
            # the denial is about, not whom it answers (its opposition can be whom it answers)
            targets = []
        if not targets and sources and code == "016":
            # "Russia denied that it had played any part": a denial answers who accused,
            # not the one the denied clause names (mostly the denier's own side)
            targets = self._accuser(v, sources)
        if not targets and sources and code[:3] == "083":
            # "Thousands protested against the decree ... the cabinet repealed it": a
            # concession answers who protested or demanded it
            targets = self._answered(v, sources, ("14", "10"), "whose demand it meets", before=0)
        if not targets and sources and code in YIELD_REFUSALS:
            # "Madrid demanded an apology ... Milei refused to apologise": a refusal to
            # yield or to step down answers who demanded it
            targets = self._answered(v, sources, ("02", "10", "14"), "who demanded it", before=v)
        if not targets and sources and code != "010":
            targets = self._complement_target(v, tgt, code[:2] == "11")
            if code == "016" and all(any(country_of(b.code) == country_of(a.code) for a in sources)
                                     for b in targets):
                targets = []
        if not targets and sources and code in ("145", "175"):
            # "Protesters threw rocks ..., and officers fired tear gas": the two sides of one
            # clash, each the other's target
            targets = self._clash_partner(v, sources, frozenset({"COP", "MIL"}) if code == "145"
                                          else PROTESTING_ROLES)
        if sources and code[:2] == "14":
            # "marched on parliament to protest against the government's spending cuts": the
            # purpose says whom the protest is against (GRCGOV, not the building marched
            # on) and, when its own pattern refines it, what for (1412 -> 141 + 2)
            purpose = self._purpose_target(v) or ([] if targets else self._policy_owner(v, sources))
            if purpose:
                targets = purpose
                refined = self._purpose_code(v, code)
                if refined is not None:
                    self.log(f"  the purpose's code: {code} -> {refined}")
                    code = refined
        if not targets and sources and (code[:2] == "14" or code in ("082", "133")) and all(
                len(a.code) >= 6 and a.code[3:6] in PROTESTING_ROLES and country_of(a.code) for a in sources):
            # "Opposition supporters staged a protest in Dhaka": people protesting against
            # no one named protest against their government (and call it off toward it:
            # "Leaders of the party called off the sit-in", 082)
            targets = [Actor(compose(country_of(sources[0].code) or "", "GOV"), s.words[v], v, "protest",
                             inferred=True)]
            self.log(f"  a protest against no one named: {targets[0].code}")
        if code == "171" and targets and sources and tgt is not None and (
                any(b.person for b in targets) or s.lemma[tgt] in PERSON_NOUNS | CROWD_NOUNS | CAPTIVE_NOUNS):
            # "Gunmen seized Libyan Prime Minister Ali Zeidan": people seized are abducted (by
            # armed men) or arrested (by the state), not property seized
            if all(a.code[3:6] in (*ARMED_ROLES, "CRM") or armed_group(a.code) for a in sources):
                code = "181"
            elif all(a.code[3:6] in STATE_ORGANS for a in sources):
                code = "173"
            self.log(f"  people seized: {code}")
        if not targets and sources and (code[:2] == "07" or code.startswith("033")) \
                and self.context.disaster and self.context.host \
                and not any(country_of(a.code) == self.context.host for a in sources):
            # "Canberra would provide further humanitarian assistance" in a story of a cyclone
            # in Vanuatu: aid to the country the disaster struck
            targets = [Actor(self.context.host, s.words[v], v, "disaster", inferred=True)]
            self.log(f"  aid in a story of a disaster: to {self.context.host}")
        if not targets and sources and code[:2] == "08":
            targets = self._bowed_to(v, sources)
        if not targets and sources and code[:2] == "17":
            targets = self._purpose_target(v, REPRESSION_PURPOSES) or self._protest_purpose(v, sources) \
                or (self._conjunct_target(v, sources) if code == "175" else [])
            if not targets and code == "1712":
                # "shooting residents and setting fire to houses and shops": the homes of
                # the people the joined act struck
                targets = [b for b in self._conjunct_target(v, sources) if b.code[3:6] == "CVL"]
        if not targets and sources and s.dep[v] == "relcl":
            targets = self._summary_target(v)
        if not targets and sources and code != "010":
            targets = self._infinitive_object_target(v, tgt)
        if code in ("154", "074") and sources and targets and all(
                b.code[3:6] in STATE_ORGANS and any(country_of(a.code) == country_of(b.code) for a in sources)
                for b in targets):
            # "deployed soldiers to Alexandra to support police after days of looting", "to
            # help police quell rioting": the police are helped, the troops are sent against
            # the rioters, the country's people (else against no one named)
            home = country_of(sources[0].code)
            unrest = {s.lemma[k] for k in range(len(s))} & UNREST_WORDS
            targets = [Actor(compose(home, "CVL"), s.words[v], v, "unrest", inferred=True)] \
                if home and unrest else []
            code = "154"
            against = targets[0].code if targets else "no one"
            self.log(f"  forces sent to help the state's own: against {against}")
        if sources and code[:2] == "13" and (not targets or all(
                any(_same_state(a.code, b.code) for a in sources) for b in targets)):
            # "warned that Egypt could intervene directly if forces of Libya's government
            # advanced": one's own side acts; the threat is to the one the condition names
            targets = self._condition_target(v) or targets
        if not targets and sources:
            targets = self._letter_recipient(v)
        if not targets and sources and code in RELEASE_APPEALS:
            # "called for the release of all political prisoners in Egypt": the country
            # they are held in is asked to free them
            targets = self._held_in(v)
        if sources and code in ("026", "027", "0256") and tgt is not None \
                and s.lemma[tgt] in ("side", "party") and s.tag[tgt] == "NNS" and len(targets) == 2:
            # "urged the two sides to return to the negotiating table" after "Prachanda met the
            # prime minister": the sides are those who talked, as the story told it last;
            # "urged both sides to stop the fighting": those who fought (any appeal and any
            # act: one more wrong tuning event, no held-out one)
            talked = next((e for e in self._earlier_events(v, sources)
                           if e.event_code[:2] in (("19", "18") if code == "0256" else ("04",))
                           and e.target and not any(_same_actor(e.target, a.code) for a in sources)), None)
            if talked is not None and talked.source \
                    and {talked.source, talked.target} != {b.code for b in targets}:
                self.log(f"  target: the sides who talked or fought, {talked.source_text!r} and "
                         f"{talked.target_text!r} ({talked.event_code}, sentence {talked.sentence_index})")
                targets = [Actor(talked.source, talked.source_text, tgt, talked.rule),
                           Actor(talked.target, talked.target_text or "", tgt, talked.rule)]
        if sources and code == "045" and {t.code for t in targets} <= {a.code for a in sources}:
            # (none, or the mediators themselves from their own "by" phrase: "a truce
            # brokered by Saudi Arabia and the United States" is no mediation between them)
            targets = self._mediated_parties(v)
        if targets and tgt is not None and all(b.code[3:6] == "CVL" for b in targets):
            # "detained about 6,000 people, including senior generals and soldiers": those
            # the count includes, when they are more than civilians
            targets = self._included(v, tgt) or targets
        ref = tgt
        it_act = None  # the act "it" was read as, which the model may tag as an adjective
        if tgt is not None and code[:2] == "11" and s.lower[tgt] == "it" and s.dep[tgt] in OBJECT_DEPS:
            # "Borrell condemned the attack, and Turkey's foreign ministry also condemned
            # it": the thing the first condemnation named (the last act of violence named
            # with "the" before it in the sentence, an object of a criticism too, or of a
            # verb that judges it: "Kan called the shelling 'unforgivable', and Ban
            # condemned it", with "shelling" taken for an adjective)
            first_act = next((c for c in range(tgt - 1, -1, -1) if s.pos[c] in ("NOUN", "ADJ")
                              and s.lemma[c] in VIOLENCE_NOUNS
                              and (s.dep[c] in OBJECT_DEPS or s.dep[c] == "oprd")
                              and (self.codes.get(s.head[c], "")[:2] == "11"
                                   or s.lemma[s.head[c]] in (s.lemma[v], *JUDGING_VERBS))
                              and any(s.lower[d] == "the" for d in s.children[c])), None)
            if first_act is not None:
                self.log(f"  'it' -> {s.words[first_act]!r}, what {s.words[s.head[first_act]]!r} named")
                tgt = ref = it_act = first_act
                targets = []
        if tgt is not None and code == "015" and s.dep[tgt] == "pobj" and s.head[tgt] != tgt \
                and s.lemma[s.head[s.head[tgt]]] in VIOLENCE_NOUNS:
            ref = s.head[s.head[tgt]]  # "claimed responsibility for the attack on Crocus City Hall"
        elif tgt is not None and code[:2] == "11" and targets and sources \
                and s.lemma[v] not in BLAMING_VERBS \
                and (n := _struck_act(s, tgt)) is not None \
                and _definite(s, n) \
                and all(b.inferred or any(_same_state(b.code, a.code) for a in sources)
                        or any(e.target == b.code and e.event_code[:2] in VIOLENT_ROOTS
                               for e in self.context.events) for b in targets):
            # "France's foreign ministry condemned the attack on its embassy", "Biden
            # condemned the heinous attack on Moise" after his killing was told: not the
            # embassy or the victim, but whoever attacked, reported before ("blamed the
            # attacks on Ntumi's militia" names the accused there)
            ref, targets = n, []
        if targets and sources and ref is not None and s.pos[ref] == "NOUN" and code != "015" \
                and s.lemma[ref] in REFERRING_NOUNS \
                and _definite(s, ref) \
                and all(len(a.code) == 3 for a in targets) \
                and any(s.dep[c] in ("amod", "compound") and self.actors.resolve(c) for c in s.children[ref]):
            # "condemned the Azerbaijani warning" after Azerbaijan's defence ministry warned:
            # the one of that country who did it, as the story told it
            earlier = self._earlier_act_source(ref, sources, answered=code == "016")
            if earlier and all(country_of(b.code) in {a.code for a in targets} for b in earlier):
                targets = earlier
        if not targets and sources and ref is not None and (s.pos[ref] == "NOUN" or ref == it_act) \
                and (s.lemma[ref] in REFERRING_NOUNS or _force_use(s, ref) == ref) \
                and _definite(s, ref, ("the", "this", "these", "those")):
            # "claimed responsibility for the attack": those it struck; "condemned the rebel
            # offensive": the doer the noun names, else who did the act reported before
            doers = [] if code == "015" else [
                a for c in s.children[ref] if s.dep[c] in ("compound", "amod") for a in self.actors.resolve(c)
                if not any(_same_state(a.code, b.code) for b in sources)]
            targets = doers or self._earlier_act_source(ref, sources, victims=code == "015",
                                                        answered=code == "016")
        if not targets and sources and ref is not None and code[:2] in ("11", "12", "05") \
                and s.pos[ref] == "NOUN" and _definite(s, ref, ("the", "this")):
            # "Aliyev pardoned him ... the White House criticised the pardon": who did the act
            # a noun of the same word as its verb names
            targets = self._same_word_act(ref, sources)
        if not targets and sources and code[:2] == "11":
            targets = self._explained_target(v, sources)
        if not targets and sources and code[:2] == "15":
            # "North Korea launched a long-range rocket ... South Korea's military raised its
            # alert level": a show of force against no one named is against whoever made the
            # latest threat or attack told, of another state
            hostile = next((e for e in self._earlier_events(v, sources) if e.event_code[:2] in HOSTILE_ROOTS
                            and not any(_one_state(a.code, e.source) or _same_actor(a.code, e.source)
                                        for a in sources)), None)
            if hostile is not None:
                self.log(f"  target: who acted in hostility before, {hostile.source_text!r} "
                         f"({hostile.event_code}, sentence {hostile.sentence_index})")
                targets = [Actor(hostile.source, hostile.source_text, v, hostile.rule)]
            elif any(s.lemma[c] in ORDER_PURPOSES and is_infinitive(s, c) for c in s.children[v]):
                # "Protesters set fire to a parliament building ... the government sent
                # police reinforcements to restore order": against those who protested
                targets = self._answered(v, sources, ("14",), "who protested")
        return code, tgt, targets

    def _refined(self, v: int, code: str, src: int | None, tgt: int | None, sources: list[Actor],
                 targets: list[Actor], symmetric: bool) -> tuple[str, list[Actor], list[Actor]] | None:
        """The code of predicate ``v`` made exact by who does it to whom and how (a visit
        within one's own country, an attack by kind of weapon, force against one's own
        people, aid to victims, a protest by what it is for...), with the sources and
        targets some of those readings change; None when the act is not coded."""
        s = self.sent
        if code in ("042", "043") and targets and sources and _at_home(sources, targets):
            # "Vucic visited troops at the border": a visit to one's own country's people
            # or forces is no diplomatic visit
            self.log(f"  a visit within {country_of(targets[0].code)}: no event")
            return None
        if code == "090" and targets and sources and (kind := INVESTIGATED.get(targets[0].code[3:6])):
            # "prosecutors opened an investigation into the shooting" (by police): an
            # investigation of police is one of rights abuses (092), of an army of military
            # action (093), of officials, businesses or armed men of a crime (091), as the
            # blind sets code them (of a state, a body or the opposition it stays 090)
            code = kind
            self.log(f"  an investigation of {targets[0].code}: {code}")
        if code == "160" and s.lemma[v] in ("suspend", "expel") and targets and sources \
                and _at_home(sources, targets):
            # "Congress voted to suspend President Martin Vizcarra": one's own country's
            # officials suspended are sanctioned (172), no ties are cut
            self.log(f"  suspended within {country_of(targets[0].code)}: 172")
            code = "172"
        if code == "054" and targets and sources and _at_home(sources, targets):
            # "the heads of the armed forces said they recognised him as president": one's own
            # country's leader recognised is support (051), not diplomatic recognition
            self.log(f"  recognition within {country_of(targets[0].code)}: 051")
            code = "051"
        if code[:2] in VIOLENT_ROOTS:
            if not targets and sources:
                targets = self._place_target(v, tgt)
                if targets:
                    # "gunmen" whose country was only guessed from the story are of the
                    # country they struck in
                    struck = targets[0].code
                    sources = [attrs.evolve(a, code=struck + a.code[3:]) if a.inferred
                               and country_of(a.code) not in (None, struck) else a for a in sources]
                    if code[:2] in ("18", "20"):
                        # "killed at least 100 people in Benue state": a massacre or an
                        # assault on no one named in a country is on its civilians
                        targets = _with_role(targets, "CVL")
                        self.log(f"  {code} in {struck}: on its civilians")
            targets = [self._struck_place(b) for b in targets]
        elif code in ("171", "173") and targets and (taken := self._capitals(targets)) is not None:
            # "tried to capture Kyiv", "seized Bangui": a capital taken is territory occupied
            # (192), not an arrest or a seizure of property
            self.log("  a capital captured -> 192")
            code = "192"
            targets = taken
        elif code == "042" or (tgt is not None and s.dep[tgt] == "pobj" and (
                (code[:2] == "07" and (s.lower[s.head[tgt]] in ("to", "into") or s.lemma[v] in ARRIVAL_VERBS))
                or (code == "161" and (s.lower[s.head[tgt]] in ("from", "to") or (
                    s.lower[s.head[tgt]] == "in" and s.lemma[s.head[s.head[tgt]]] in POSTED_NOUNS)))
                or (code[:2] != "14" and s.lower[s.head[tgt]] in WHERE_PREPS
                    and self.actors.agent_at[s.head[s.head[tgt]]] is None))):
            # aid flown "into Kathmandu" goes to the country, not to its government; an
            # ambassador recalled "from Asuncion" (or "its ambassador to Madrid", "its high
            # commissioner in Pretoria") is recalled
            # from the country; a visitor
            # who "arrived in Bishkek" visits the country; "claimed responsibility for the
            # bombing in Kabul" names where, not who governs there (a protest "in Moscow"
            # is against the government; "the coup leaders in Niamey" are its government)
            targets = [self._struck_place(b) for b in targets]
        if code == "192" and sources and targets and all(
                any(country_of(a.code) == country_of(b.code) and a.code[3:6] in STATE_PARTS
                    for a in sources) for b in targets):
            # "Rwandan and Mozambican troops have taken control of the port town": a state's
            # forces retaking their own country's ground occupy no territory (rebels who
            # seize a city of their country do)
            self.log("  ground of the sources' own country: no occupation")
            return None
        if (code in ("190", "193", "202") or code[:3] == "182") and not symmetric and sources and targets \
                and (all(a.code[3:6] == "COP" for a in sources) or (
                    tgt is not None and s.lemma[tgt] in PROTESTER_NOUNS
                    and all(a.code[3:6] in ("MIL", "GOV") for a in sources))) \
                and all(b.code[3:6] in REPRESSED_ROLES and b.code[:3] == sources[0].code[:3]
                        for b in targets):
            # "police opened fire on the crowds", "killing scores of people" (not a mass
            # killing, 202): violent repression ("clashed" stays 190); so is soldiers'
            # fire on protesters
            self.log("  force against their own civilians -> 175")
            code = "175"
        if code == "139" and s.lemma[v] == "give" and any(
                s.lemma[c] == "leave" and s.dep[c] in ("advcl", "xcomp", "acl", "relcl")
                for k in (v, *s.children[v]) for c in s.children[k]):
            # "gave Iranian diplomats 48 hours to leave": a deadline to leave is an
            # expulsion (174), not an ultimatum
            self.log("  given time to leave -> 174")
            code = "174"
        if s.lemma[v] == "march" and code[:2] in ("14", "13", "03") and sources and all(
                a.code[3:6] in ("MIL", *ARMED_ROLES) or armed_group(a.code) for a in sources):
            # "Russian troops marched on Kyiv", "the rebels said they would march on Bukavu"
            self.log("  an armed force marching on a place is no demonstration")
            return None
        if code[:3] == "145" and sources and all(
                a.code[3:6] in ("MIL", *ARMED_ROLES) or armed_group(a.code) for a in sources):
            # "Islamic State militants attacked the Russian embassy": armed men storming a
            # building make an attack (180), not a riot
            self.log(f"  a riot by an armed force: an attack, {code} -> 180")
            code = "180"
        if code == "190" and sources and targets \
                and all(len(a.code) == 6 and a.code[3:] == "UAF" for a in sources) \
                and all(b.code[3:6] not in ("MIL", "CVL", *ARMED_ROLES) and not armed_group(b.code)
                        and not b.code.endswith("PKO") for b in targets):
            # "Gunmen attacked the government palace", "raided a police station": armed men
            # no group is named for, striking no armed force, make an attack (180), not war
            self.log("  an attack by unidentified armed men on no armed force -> 180")
            code = "180"
        if code in ("180", "190") and s.lemma[v] == "ambush" and sources and targets \
                and all(b.code[3:6] in ("MIL", "COP") for b in targets):
            # "Militants ambushed a joint patrol of U.S. and Nigerien troops, killing three
            # U.S. soldiers", "ambushed an army convoy": a firefight with a patrol or
            # convoy of soldiers or police, small arms (193), as the blind sets code it
            self.log("  an ambush of soldiers or police -> 193")
            code = "193"
        if code == "190" and sources and targets and all(a.code[3:6] == "CVL" for a in sources) \
                and all(b.code[3:6] == "CVL" for b in targets):
            # "Gangs of youths attacked Israeli football fans": civilians attacking people
            # assault them (182), they wage no war
            self.log("  an attack by civilians on civilians: an assault -> 182")
            code = "182"
        if code in ("190", "193") and sources and targets and not symmetric \
                and all(a.code[3:6] in ("COP", "MIL") for a in sources) \
                and all(b.code[3:6] in PROTESTING_ROLES for b in targets) \
                and (any(s.lemma[k] in PROTEST_WORDS or s.lower[k] == "striking" for k in range(len(s)))
                     or any(e.event_code[:2] == "14" for e in self.context.events)):
            # "Military police opened fire with assault rifles on workers who had blocked a
            # road": the state's forces firing on protesters repress them (175), as every
            # blind set codes it; they fight no war
            self.log(f"  the state's forces firing on protesters: violent repression, {code} -> 175")
            code = "175"
        if code in ("175", "137") and sources and targets \
                and all(armed_group(b.code) or b.code[3:6] in ARMED_ROLES for b in targets):
            # "Turkey would 'crush' the YPG": repression of an armed force is force (190),
            # its threat a threat of force (138)
            forced = "190" if code == "175" else "138"
            self.log(f"  repression of an armed force is force: {code} -> {forced}")
            code = forced
        if code in ("180", "190", "193") and sources and targets \
                and all(a.code[3:6] in ARMED_ROLES or armed_group(a.code) for a in sources) \
                and all(b.code[3:6] == "CVL" or b.code == country_of(b.code) for b in targets) \
                and (s.lemma[v] in KILL_LEMMAS or _shot_dead(s, v)) and _victims(s, v) >= ARMED_MASS_KILLING:
            # "armed raiders killed at least 38 people in a dawn attack on a village": armed
            # men killing civilians by the score in one raid commit a mass killing (202,
            # against the civilians of the place), as every blind set codes it
            self.log(f"  {ARMED_MASS_KILLING} or more civilians killed by armed men -> 202")
            code = "202"
            targets = _with_role(targets, "CVL")
        if code == "1124" and sources and targets and all(b.code[3:6] in STATE_ORGANS for b in targets) \
                and {country_of(a.code) for a in sources} == {country_of(b.code) for b in targets} \
                and any(s.lemma[k] in ("massacre", "kill") for k in s.subtree(v)) \
                and not any(s.lemma[k] in ("war", "genocide", "atrocity") for k in s.subtree(v)):
            # "accused the army of massacring civilians", "of killing scores of protesters": a
            # state's forces accused at home of killing their people are accused of abuses of
            # human rights (1122), as every blind set codes it; an armed group, or another
            # state, of war crimes (1124)
            self.log("  the state's forces accused of killing: human rights abuses -> 1122")
            code = "1122"
        if code[:2] == "13" and code != "139" and _deadline(s, v):
            # "Turkey would recall its ambassador unless Israel apologised by the end of the
            # day": a threat with a time limit is an ultimatum
            self.log("  a threat with a deadline: an ultimatum -> 139")
            code = "139"
        if code == "151" and sources and all(a.code[3:6] == "MIL" for a in sources):
            # "South Korea's military raised its alert level": a military's alert (152)
            self.log("  an alert raised by the military -> 152")
            code = "152"
        if code == "191" and sources and all(a.code[3:6] in REPRESSED_ROLES for a in sources):
            # "protesters blockaded the legislature": a protest that blocks (144), not a
            # blockade by force
            self.log("  a blockade by civilians -> 144")
            code = "144"
        if code in ("141", "143", "144", "145") and self._against_leaders(v):
            # "Demonstrators blocked highways ..., demanding Boluarte's resignation": a
            # protest for a change of leaders (1411, 1431, 1441, 1451)
            code += "1"
            self.log(f"  a protest demanding a change of leaders -> {code}")
        elif code in ("141", "143", "144", "145") and (why := self._policy_protested(v)) is not None:
            # "farmers blocked highways ..., protesting against agricultural reform laws",
            # "took to the streets to protest pension reform": one protest, for a change of
            # policy (1412, 1432, 1442, 1452)
            code += "2"
            self.suppressed.add(why[0])
            self.log(f"  a protest against a policy -> {code}")
        elif code in ("141", "143", "144", "145") and targets and all(b.code[3:6] == "LEG" for b in targets):
            # "Protesters stormed Paraguay's Congress ... after senators secretly approved a
            # constitutional amendment": a protest at a legislature is about what it is
            # passing, a change of institutions (14x4) or of policy (14x2)
            said = set(s.lemma)
            kind = "4" if said & CONSTITUTION_WORDS else "2" if said & POLICY_NOUNS else ""
            if kind:
                code += kind
                self.log(f"  a protest at a legislature over {'the constitution' if kind == '4' else 'a law'}"
                         f" -> {code}")
        if code in ("020", "100") and tgt is not None and targets and s.lemma[tgt] in PROTESTER_NOUNS \
                and all(b.code[3:6] in REPRESSED_ROLES for b in targets):
            # "urged the protesters to go home", "to express their views in a lawful
            # manner": what protesters are asked is to ease their dissent (0252, 1052)
            code = code[:2] + "52"
            self.log(f"  an appeal to protesters -> {code}")
        if code in ("0256", "1056") and targets and all(b.code[3:6] in REPRESSED_ROLES for b in targets):
            # "called on protesters to agree to a national truce": de-escalation asked of
            # civilians or the opposition is an easing of popular dissent (0252, 1052)
            code = code[:3] + "2"
            self.log(f"  de-escalation asked of civilians or the opposition -> {code}")
        weapons = next(iter(counted(s, tgt)), tgt) if tgt is not None else None  # ("some of the drones")
        if targets and weapons is not None and code[:2] in VIOLENT_ROOTS \
                and all(b.inferred for b in targets) \
                and s.lemma[weapons] in AERIAL_WEAPONS | ARTILLERY_WEAPONS \
                and any(s.lower[c] in ("the", "these", "those") for c in s.children[weapons]):
            # "Iran launched more than 300 drones ... Jordan, which shot down some of the
            # drones": the weapons of the attack told before are its doer's military, not
            # the story's most named country's
            e = next((e for e in self._earlier_events(v, sources) if e.event_code[:2] in VIOLENT_ROOTS
                      and country_of(e.source)), None)
            if e is not None:
                military = compose(country_of(e.source) or "", "MIL")
                self.log(f"  {s.words[weapons]!r}: the weapons of {e.source_text!r} ({e.event_code}, "
                         f"sentence {e.sentence_index}) -> {military}")
                targets = [attrs.evolve(targets[0], code=military, inferred=False)]
        if code == "172" and targets \
                and all(b.code.startswith("IGO") and (b.plural or not b.person) for b in targets) \
                and s.lemma[v] in ("refuse", "deny", "bar", "ban", "revoke"):
            # "Israel was refusing visas to U.N. staff": visas or entry refused to an
            # international organisation refuse its involvement (1245), not sanction people
            self.log("  visas or entry refused to an international organisation -> 1245")
            code = "1245"
        pron = None  # the pronoun that names who is to be released: "their release"
        if code in RELEASE_APPEALS and tgt is not None:
            pron = tgt if s.pos[tgt] == "PRON" else next(
                (c for c in s.children[tgt] if s.dep[c] == "poss" and s.pos[c] == "PRON"), None)
        if pron is not None and targets and sources \
                and {b.code for b in targets} <= {a.code for a in sources}:
            # "Human Rights Watch called for their immediate release": not its own release;
            # the pronoun means someone named before it other than the one calling
            own = frozenset(k for a in sources if a.token >= 0 for k in s.subtree(a.token))
            other = self.actors.context.antecedent(s.lower[pron], pron, self.actors, own)
            if other is not None:
                self.log(f"  {s.words[pron]!r} is not the one calling: {other.text!r} ({other.code})")
                targets = [attrs.evolve(other, token=pron)]
        if code in RELEASE_APPEALS and targets and sources and not any(
                0 <= a.token < v and s.head[a.token] == s.head[v] != v and s.dep[a.token] in OBJECT_DEPS
                for a in targets):
            # "Police arrested activist Saima Baloch ... Amnesty demanded her release": the
            # appeal is made to the one who holds her (but "urged President Kiir to release
            # Machar" is made to the one it names)
            targets = self._holder(targets, sources) or targets
        if code in HUMANITARIAN_OF:
            # "agreed to give Turkey 3 billion euros to help it look after Syrian refugees":
            # money for refugees or victims is humanitarian aid; so is aid in a story of a
            # natural disaster ("asked Australia and New Zealand for help" after two
            # cyclones), troops sent in one aside
            words = {s.lemma[k] for k in s.subtree(v)} & HUMANITARIAN_WORDS
            reason = "in a story of a disaster" if self.context.disaster and code not in ("074", "0334") \
                else f"for {', '.join(sorted(words))}" if words else None
            if reason is not None:
                self.log(f"  aid {reason}: {code} -> {HUMANITARIAN_OF[code]}")
                code = HUMANITARIAN_OF[code]
        if code[:2] in ("18", "19") and code != "181" and sources and targets \
                and all(b.code[3:6] == "CVL" for b in targets) \
                and any(e.event_code == "202" and e.target == b.code
                        and any(e.source == a.code for a in sources)
                        for e in self._earlier_events(v) for b in targets):
            # "Gunmen killed at least 100 people in an attack on a village ... The attackers
            # stormed Yelwata, shooting residents": the mass killing told again
            self.log(f"  the mass killing of {targets[0].code} told before (202): not coded again")
            return None
        if any(b.code in REGIONS for b in targets):
            # "sent more warships to the eastern Mediterranean": a sea or a region is where,
            # not whom (the West, a political bloc, stays an actor)
            self.log(f"  a region is no target: {', '.join(b.code for b in targets if b.code in REGIONS)}")
            targets = [b for b in targets if b.code not in REGIONS]
        if code[:2] in ("02", "10") and code[2:3] != "5" and sources and targets and all(
                _directive(a.code, b.code) for a in sources for b in targets):
            # "The government ordered thousands more troops into Bangkok to guard
            # ministries": a state's order to its own forces or agencies is how it acts,
            # not a demand made of someone (an order to stand down or yield, 025x and 105x,
            # is one: "Arce ordered him to withdraw his soldiers", to a general in revolt)
            self.log(f"  {sources[0].code} -> {targets[0].code}: an order to its own forces, no event")
            return None
        if code == "138" and sources and targets and all(a.code[3:6] in STATE_ORGANS for a in sources) \
                and all(b.code[3:6] in PEOPLE_ROLES and country_of(a.code) == country_of(b.code)
                        for a in sources for b in targets):
            # "the army chief warned that the armed forces would deal firmly with anyone who
            # threatened the peace" (protesters): force threatened against one's own people
            # is a threat of repression
            self.log("  force threatened against the state's own people -> 137")
            code = "137"
        if code == "190" and symmetric and any(t is not None and s.lemma[t] in GUNMEN_NOUNS
                                               for t in (src, tgt)):
            # "Army commandos fought the 10 attackers for about five hours", "Marines clashed
            # with gunmen at the ranch": a fight with gunmen is one with small arms
            self.log("  a fight with gunmen -> 193")
            code = "193"
        return code, sources, targets

    def _emit(self, v: int, code: str, src: int | None, tgt: int | None, verb_text: str,
              rule: str, pattern_text: str, symmetric: bool,
              pattern: VerbPattern | None = None, co_subjects: bool = False,
              skipped: frozenset[int] = frozenset()) -> None:
        s = self.sent
        opts = self.options
        resolved = self._sources(v, code, src, tgt, pattern)
        if resolved is None:
            return
        code, src, tgt, sources = resolved
        code, tgt, targets = self._targets(v, code, tgt, sources, pattern, skipped)
        refined = self._refined(v, code, src, tgt, sources, targets, symmetric)
        if refined is None:
            return
        code, sources, targets = refined
        pairs: list[tuple[Actor, Actor | None]] = []
        codes: list[str] = []  # the code of each pair
        if pattern is not None and pattern.reverse:
            sources, targets = targets, sources  # the target acts on the source
        together = symmetric or co_subjects or (pattern is not None and pattern.any_target)
        mutual = len(sources) > 1 and bool(targets) and tgt is not None and code[:2] in MUTUAL_ROOTS \
            and (any(s.lower[c] == "their" for c in s.children[tgt]) or all(b.inferred for b in targets)) \
            and all(any(country_of(b.code) == country_of(a.code) for a in sources) for b in targets)
        if mutual and tgt is not None:
            # "recalled their ambassadors from Qatar": from Qatar; "both countries recalled
            # their ambassadors": each from the other
            further = self._prepositional_target(v, tgt, True, False, skipped, sources)
            if further:
                targets, mutual = further, False
        if together and len(sources) > 1 and targets and all(
                any(b.code == country_of(a.code) or _one_state(a.code, b.code) for a in sources)
                for b in targets):
            # "Greek Foreign Minister Kotzias and his Macedonian counterpart signed an
            # agreement to rename ... North Macedonia": the subjects act together with each
            # other, not on the country of one of them
            targets = []
        if code == "120" and tgt is not None and targets and SAID_NOUNS.get(s.lemma[tgt]) == {"02", "10"}:
            # "Sargsyan rejected the demand" after "Pashinyan demanded that Sargsyan resign"
            # (1041): the rejection of what was asked (1231)
            asked = next((e for e in self._earlier_events(v, sources) if e.event_code[:2] in ("02", "10")
                          and any(e.source == b.code for b in targets)), None)
            refused = _rejection_of(asked.event_code) if asked is not None else None
            if asked is not None and refused is not None:
                self.log(f"  the rejection of {asked.event_code} (sentence {asked.sentence_index}): "
                         f"{refused}")
                code = refused
        if code[:3] == "104" and len(code) == 4 and src is not None and (
                s.lemma[next(iter(counted(s, src)), src)] in PROTESTER_NOUNS
                or (not sources and s.lemma[s.head[src]] in MARCH_VERBS and (sources := self._people(src)))):
            # "Hundreds of thousands of protesters defied a curfew to march on Dhaka,
            # demanding her resignation": protesters demanding change demonstrate for it; so
            # do "thousands" who marched
            self.log(f"  a demand by protesters: a demonstration, {code} -> 141{code[3]}")
            code = "141" + code[3]
        f = self.framed[v][0] if v in self.framed else v
        if code[:3] in ("104", "141") and not targets and is_passive(s, v) and sources \
                and all(len(a.code) >= 6 and a.code[3:6] in PROTESTING_ROLES for a in sources) \
                and (home := country_of(sources[0].code)) and not self.codes.get(s.head[f]) and any(
                    s.dep[c] == "nsubjpass" and s.lemma[c] in POLICY_NOUNS
                    and not any(s.dep[k] == "poss" for k in s.children[c]) for c in s.children[v]):
            # "marched toward the palace, demanding that the bills be scrapped", "opposition
            # leaders demanded that both bills be withdrawn for good": the policies of no
            # one named are the government's (beside a protest act coded on its own, "set
            # fire to ..., demanding ...", the demand is part of it)
            self.log(f"  a policy of no one named: the government of {home}")
            targets = [Actor(compose(home, "GOV"), s.words[v], v, "policy", inferred=True)]
        if code[:2] == "14" and sources:
            # "Hundreds of Egyptians protested outside the Israeli embassy": a people that
            # takes to the streets is its civilians
            sources = [attrs.evolve(a, code=a.code + "CVL") if len(a.code) == 3 and country_of(a.code)
                       and _people_word(s, a) else a for a in sources]
        if code[:2] == "14" and sources and targets and all(len(b.code) == 3 for b in targets):
            # "burned Australian flags outside the Australian embassy": the protest is at the
            # embassy, its government's (as "rallied outside the French embassy")
            at = self._mission_at(v)
            if at and all(any(a.code[:3] == b.code for a in at) for b in targets):
                self.log(f"  target: the mission the protest was at, {at[0].text!r}")
                targets = at
        if code[:2] == "14" and sources and targets:
            # "Russians marched ... to protest against Russia's intervention": a people
            # protesting against its own country protests against its government
            targets = [attrs.evolve(b, code=b.code + "GOV") if len(b.code) == 3 and country_of(b.code)
                       and all(country_of(a.code) == b.code and a.code[3:6] in HOST_ROLES for a in sources)
                       else b for b in targets]
        if not targets and together and len(sources) > 1:
            # "X and Y met", and for legacy patterns (as PETRARCH) any compound subject
            # with no target: "Gondor and Osgiliath have renewed diplomatic ties"
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        elif mutual:
            self.log("  each of the subjects to the others")
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        elif symmetric and len(targets) > 1 and pattern is not None and "between" in pattern.elements:
            # "fighting between ELN guerrillas and FARC dissidents": the two sides, and
            # only they ("Moon arrived ..., seeking to revive stalled talks between
            # Washington and Pyongyang": Moon is no party to those talks)
            if sources:
                self.log("  the sides named after 'between', not the subject")
            pairs = [(a, b) for a in targets for b in targets if a is not b]
        else:
            pairs = [(a, b) for a in sources for b in targets]
            if symmetric:
                pairs += [(b, a) for a in sources for b in targets]
        codes = [code] * len(pairs)
        if pattern is not None and pattern.reciprocal:
            back = [(b, a) for a in sources for b in targets]
            pairs += back
            codes += [pattern.reciprocal] * len(back)
        if not targets and not opts.require_dyad and not pairs and not (
                code == "010" and any(s.dep[c] in ("ccomp", "parataxis") for c in s.children[v])):
            # (a statement that reports a clause, "..., a senior official said", is the
            # attribution of what it reports, not a statement event of its own)
            pairs = [(a, None) for a in sources]
            codes = [code] * len(pairs)
        if not pairs and code[:2] in VIOLENT_ROOTS:
            # kept for "condemned the attack" later, not written out
            self.untargeted.extend(Event(
                story_id=self.story.id, sentence_index=s.index, sentence=s.text, date=self.reference.date,
                source=a.code, source_text=a.text, target="", target_text="", event_code=code,
                verb_text=verb_text, rule=rule, verb_index=v) for a in sources)
        self.log(f"predicate {s.words[v]!r} [{pattern_text}] -> {code} ({rule}); "
                 f"source {', '.join(f'{a.text!r}={a.code}' for a in sources) or 'none'}; "
                 f"target {', '.join(f'{a.text!r}={a.code}' for a in targets) or 'none'}")
        news, when = self._dated(v, code, pairs)
        if not news:
            return
        self._write_events(v, pairs, codes, when, symmetric, verb_text, rule)

    def _dated(self, v: int, code: str, pairs: list) -> tuple[bool, EventDate | None]:
        """Whether the act of predicate ``v`` (with ``pairs`` to code) is news, not
        background, and its date when that check read it (None when it did not): an act
        in a year before the story's, a clause on how something began, an act dated long
        before the story (or a clause of time on one), a noun act still to come, a
        relative clause on an act before the news."""
        s = self.sent
        opts = self.options
        when: EventDate | None = None
        reported = s.dep[v] == "ccomp" or (s.dep[v] == "conj" and s.dep[s.head[v]] == "ccomp")
        if pairs and opts.resolve_dates and opts.past_days is not None and not reported:
            # (a past act that is reported, "the OPCW said Syrian forces used chlorine gas in
            # 2018", is the news: the finding is new)
            u = v
            while s.dep[u] == "conj" and s.head[u] != u:
                u = s.head[u]
            year = s.head[u] if s.dep[u] == "relcl" and s.pos[s.head[u]] == "NUM" else None
            if year is not None and s.lower[year].isdigit() and len(s.lower[year]) == 4 \
                    and self.reference.date is not None and int(s.lower[year]) < self.reference.date.year:
                # "Relations have been frosty since 2018, when Canadian police arrested a
                # Huawei executive and China detained two Canadians": what happened in a
                # year before the story's is background
                self.log(f"  in {s.words[year]}, a year before the story's: background, not coded")
                return False, when
            if _origin_clause(s, u):
                # "The row began on Aug. 13, when Indonesian officers detained seven
                # Malaysian boats": how the story's row began is background
                self.log(f"  a 'when' clause on how something began ({s.words[u]!r}): background, not coded")
                return False, when
            h = s.head[v]
            # "last October, when Colombia recalled its ambassador": the time it is on
            dated = s.head[h] if s.dep[v] == "relcl" and s.pos[s.head[h]] in ("VERB", "AUX") and (
                s.lemma[h] in TIME_NOUNS or s.lower[h] in MONTH_NAMES) else v
            when = resolve_date(s, dated, self.reference)
            if _long_past(when, self.reference, opts.past_days):
                self.log(f"  dated {when.text!r} ({when.date}), long before the story: background, not coded")
                return False, when
            if when.source != "sentence" and s.dep[u] == "advcl" and s.pos[s.head[u]] in ("VERB", "AUX") \
                    and any(s.lower[c] in ("after", "when", "before") and s.dep[c] in ("mark", "advmod")
                            for c in s.children[u]) \
                    and _long_past(then := resolve_date(s, s.head[u], self.reference), self.reference,
                                   opts.past_days):
                # "fought a 10-week war in 1982, after Argentine troops invaded the islands":
                # a clause of time on an act long past is as old
                self.log(f"  a clause of time on {s.words[s.head[u]]!r}, dated {then.text!r}: "
                         "background, not coded")
                return False, when
            if when.future and when.source == "sentence" and s.pos[v] in ("NOUN", "PROPN") \
                    and when.date is not None and self.reference.date is not None \
                    and when.date > self.reference.date and code[:2] not in ("02", "03", "10", "12", "13"):
                # "during Pope Francis' visit to Ecuador next month": an act a noun names for a
                # time to come has not happened
                self.log(f"  a noun dated {when.text!r}, still to come: not coded")
                return False, when
            if s.dep[v] == "relcl" and dated == v and _long_past(when, self.reference, RELATIVE_PAST_DAYS):
                # "Katz, who recalled Israel's ambassadors ... last week, on Tuesday ordered
                # ...": a relative clause that tells what someone did before the news
                self.log(f"  a relative clause dated {when.text!r} ({when.date}), before the news: "
                         "background, not coded")
                return False, when
        return True, when

    def _write_events(self, v: int, pairs: list[tuple[Actor, Actor | None]], codes: list[str],
                      when: EventDate | None, symmetric: bool, verb_text: str, rule: str) -> None:
        """Write one event per pair of predicate ``v`` with its code, after the checks
        that need the pair: a person's role on the day, one actor on both sides, riots and
        repression, a phone call or a third place, the same event reached twice."""
        s = self.sent
        opts = self.options
        for (a, b), code in zip(pairs, codes, strict=True):
            if opts.resolve_dates and (a.person or (b is not None and b.person)):
                # a person's role on the event's day, not the story's: "Mutinous soldiers
                # detained Malian President Ibrahim Boubacar Keita ... on Tuesday" (he
                # resigned that night; the story is of Wednesday)
                if when is None:
                    when = resolve_date(s, v, self.reference)
                a = self._on_day(a, when.date)
                b = self._on_day(b, when.date) if b is not None else None
            if b is not None and opts.drop_self_events and _self_event(a, b):
                self.log(f"  {a.code} -> {b.code}: same actor, dropped")
                continue
            if b is not None and ((code == "190" and _riot(a.code, b.code)) or (
                    code[:2] in ("17", "18", "19") and _unarmed(a.code) and b.code[3:6] in STATE_ORGANS)):
                # "thousands of protesters ... clashed with police": unarmed people fighting
                # the police riot (145); the police side of a clash is what they are told to
                # have done (tear gas, arrests: 175, 173), and their attack on them repression.
                # So does their force against the state: "Protesters set fire to a police
                # station", "set fire to the presidency building" (not 1712)
                self.log(f"  {a.code} -> {b.code}: people's force against the police or the state, "
                         f"a riot: {code} -> 145")
                code = "145"
                self.rioters.add((a.code, a.text))
            elif code == "190" and b is not None and _riot(b.code, a.code):
                if symmetric:
                    self.log(f"  {a.code} -> {b.code}: the police side of a clash with people, no event")
                    continue
                self.log(f"  {a.code} -> {b.code}: police attacking people, repression: 190 -> 175")
                code = "175"
            place: Place | None = None
            placed = False  # the pair's place is found once, for the check below or the event
            if code == "040" and self._by_phone(v):
                # "discussed economic ties with Putin in a telephone call": a phone call (041)
                self.log("  talks held by phone -> 041")
                code = "041"
            if code in ("040", "044") and b is not None and self.places is not None:
                place, placed = self._pair_place(v, a, b), True
                code = self._meeting_place_code(v, code, a, b, place)
            triple = (a.code, b.code if b is not None else "", code)
            if triple in self.emitted or (b is not None and any(
                    e[0] == a.code and e[2] == code and e[1] and _same_actor(e[1], b.code)
                    for e in self.emitted)):
                # "Russia and Ukraine held their talks": the same event reached twice;
                # "agreed to restore relations and reopen their embassies": SAU, SAUGOV
                self.log(f"  {a.code} -> {triple[1]} {code}: already coded in this sentence")
                if b is not None:
                    self._sharpen_target(a.code, b, code)
                continue
            self.emitted.add(triple)
            if when is None:
                when = resolve_date(s, v, self.reference) if opts.resolve_dates else self.reference
                self.log(f"  date {when.date} ({when.precision}, {when.source}"
                         f"{', ' + repr(when.text) if when.text else ''})")
            if self.places is not None:
                if not placed:
                    place = self._pair_place(v, a, b, code)
                self.log(f"  place {a.code} -> {b.code if b else ''}: " + (
                    f"{place.name}, {place.country_iso3} ({place.precision}, {place.source}, "
                    f"{place.text!r})" if place else "none"))
            if code[:2] in VIOLENT_ROOTS:
                self.violent.add(v)
            self.events.append(Event(
                story_id=self.story.id, sentence_index=s.index, sentence=s.text,
                date=when.date, source=a.code, source_text=a.text,
                target=b.code if b is not None else "", target_text=b.text if b is not None else "",
                event_code=code, verb_text=verb_text, rule=rule, verb_index=v,
                story_date=self.story.date, date_precision=when.precision, date_text=when.text,
                place=place))

    def _on_day(self, a: Actor, day: dt.date | None) -> Actor:
        """A person named by a dated dictionary entry, with the role the entry gives on
        ``day`` (the event's date) when it differs from the story's date's."""
        if not a.person or day is None or day == self.reference.date or a.token < 0 \
                or a.token >= len(self.sent):
            return a
        m = self.actors.actor_at[a.token]
        if m is None or not m[2].person or a.code != m[2].code_on(self.reference.date):
            return a
        code = m[2].code_on(day)
        if code is None or code == a.code:
            return a
        self.log(f"  {a.text!r} on {day}: {a.code} -> {code}")
        return attrs.evolve(a, code=code)

    def _against_leaders(self, v: int) -> bool:
        """Whether predicate ``v`` demands, in a clause of its own ("..., demanding
        Boluarte's resignation", "to call for early elections"), that the leaders go."""
        s = self.sent
        for c in s.children[v]:
            if s.dep[c] in ("advcl", "xcomp", "conj") and s.lemma[c] in DEMAND_LEMMAS:
                for k in s.subtree(c):
                    if s.lemma[k] in LEADERS_GO or (s.lemma[k] == "election" and any(
                            s.lower[m] in ("early", "snap", "fresh") for m in s.children[k])) or (
                            s.lemma[k] in ("step", "stand") and any(
                                s.lower[m] == "down" for m in s.children[k])):
                        return True  # ("demand that Lukashenko step down")
        return False

    def _policy_protested(self, v: int) -> tuple[int, int] | None:
        """The participle or purpose infinitive of protest ``v`` that names a policy it is
        against, and the policy noun ("..., protesting against agricultural reform laws",
        "took to the streets to protest pension reform")."""
        s = self.sent
        for c in s.children[v]:
            if s.dep[c] in ("advcl", "xcomp") and (s.tag[c] == "VBG" or is_infinitive(s, c)) \
                    and s.lemma[c] in ("protest", "demonstrate", "rally"):
                for p in s.children[c]:
                    o = phrase_object(s, p) if s.dep[p] == "prep" and s.lower[p] in ("against", "over") \
                        else p if s.dep[p] in OBJECT_DEPS else None
                    if o is not None and s.lemma[o] in POLICY_NOUNS:
                        return c, o
        for c in s.children[v]:
            if s.lemma[c] != "demand" or not (
                    (s.dep[c] in ("advcl", "xcomp") and (s.tag[c] == "VBG" or is_infinitive(s, c)))
                    or (s.dep[c] == "conj" and not any(s.dep[k] in SUBJECT_DEPS for k in s.children[c]))):
                continue
            for p in s.children[c]:
                if s.dep[p] in OBJECT_DEPS and s.lemma[p] in REVERSAL_NOUNS:
                    # "set fire to the party's offices and demanded the reversal of a
                    # decision to triple the price of bread"
                    return c, p
                if s.dep[p] == "ccomp" and s.lemma[p] in REVERSING_VERBS and any(
                        s.dep[k] in SUBJECT_DEPS and self.actors.resolve(k)
                        and self.actors.resolve(k)[0].code[3:6] == "GOV" for k in s.children[p]):
                    # "blocked a road to demand that the government halt the handover"
                    o = next((k for k in s.children[p] if s.dep[k] in OBJECT_DEPS), None)
                    if o is not None and not self.actors.resolve(o):
                        return c, o
        return None

    def _policy_owner(self, v: int, sources: list[Actor]) -> list[Actor]:
        """The government of the protesters' country, for a protest against a policy no
        one is named to own ("took to the streets of Paris to protest pension reform"):
        policies are governments'. Only for people, not for state organs."""
        found = self._policy_protested(v)
        countries = {country_of(a.code) for a in sources}
        if found is None or len(countries) != 1 or None in countries \
                or any(a.code[3:6] in STATE_ORGANS for a in sources):
            return []
        c, o = found
        s = self.sent
        if any(s.dep[k] == "poss" or (s.dep[k] == "prep" and s.lower[k] in ("by", "of"))
               for k in s.children[o]):
            return []  # someone's policy, named or not an actor
        country = next(iter(countries))
        self.log(f"  a policy of no one named ({s.words[o]!r}): the government of {country}")
        self.suppressed.add(c)
        return [Actor(compose(country or "", "GOV"), s.words[o], o, "policy", inferred=True)]

    def _arrival(self, v: int, src: int, sources: list[Actor]) -> str | None:
        """The code of an arrival ("arrive", "land", "fly"): a visit (042) for a
        government, a person or a delegation; humanitarian aid (073) for a rescue, relief
        or medical team ("teams of the National Disaster Response Force were being flown to
        Turkey"); military protection (074) for forces an organisation sends or that come
        on a mission; None (no event) for other forces and for crowds that arrive or land."""
        s = self.sent
        who = repr(sources[0].text)
        if s.lemma[v] == "fly" and any(s.dep[c] in OBJECT_DEPS and (
                s.pos[c] in ("PRON", "PROPN") or s.lemma[c] in PERSON_NOUNS | CROWD_NOUNS | CAPTIVE_NOUNS
                or self.actors.resolve(c)) for c in s.children[v]):
            # "a government plane flew him to Rotterdam": people flown somewhere, no visit
            self.log(f"  {s.words[v]!r}: {who} flying someone, no visit")
            return None
        if s.lemma[src] in TEAM_NOUNS and any(
                s.lemma[k] in RELIEF_WORDS or any(w in RELIEF_WORDS for w in s.lower[k].split("-"))
                for k in s.subtree(src)):
            # "A 62-member Chinese search-and-rescue team also landed in the Nepali capital"
            self.log(f"  {s.words[v]!r}: {who} arriving to help -> 073")
            return "073"
        carrying = [c for c in [*s.children[v], *s.children[src]] if (s.dep[c] in ("advcl", "acl")
                    and s.lemma[c] in CARRYING_PARTICIPLES) or (s.dep[c] == "prep" and s.lower[c] == "with")]
        if any(s.lemma[k] in RELIEF_GOODS for c in carrying for k in s.subtree(c)):
            # "Turkish military transport planes landed in Karachi carrying tents, food and
            # medicine for victims of Pakistan's floods", "landed in Vanuatu with emergency
            # supplies"
            self.log(f"  {s.words[v]!r}: {who} arriving with relief -> 073")
            return "073"
        if s.lemma[src] in FORCE_NOUNS:
            if any(a.code.startswith("IGO") for a in sources) \
                    or any(s.lemma[k] in PEACEKEEPING_WORDS for k in s.subtree(v)):
                # "SADC troops began arriving in Cabo Delgado", "paratroopers arriving in
                # Kazakhstan as part of a peacekeeping force"
                self.log(f"  {s.words[v]!r}: {who} arriving on a mission -> 074")
                return "074"
        elif s.lemma[v] not in ARRIVAL_VERBS or (
                not all(a.plural and a.code[3:6] != "GOV" for a in sources)
                and not any(s.dep[c] == "nummod" for c in s.children[src])):
            return "042"  # ("flew to Khartoum": a visit whoever flies)
        # "the attackers arrived at the school", "the Americans landed in Doha", "about
        # 370,000 Rohingya have arrived in Bangladesh": no visit
        self.log(f"  {s.words[v]!r}: {who} arriving is no visit")
        return None

    def _pair_place(self, v: int, a: Actor, b: Actor | None, code: str = "") -> Place | None:
        """Where the event of predicate ``v`` between ``a`` and ``b`` happened (None
        without places). A target that is where the source went or struck ("arrived in
        Cabo Delgado", "took control of the port town") is also the place."""
        if self.places is None:
            return None
        s = self.sent
        tokens = [a.token]
        if b is not None and not (code in PLACE_TARGET_CODES and 0 <= b.token < len(s) and (
                (s.dep[b.token] == "pobj" and s.lower[s.head[b.token]] in ("in", "into", "to", "at"))
                or s.lemma[v] == "visit")):
            tokens.append(b.token)
        return self.places().place_for(s, v, actor_tokens_of(s, tokens), [a.code, b.code if b else ""])

    def _reciprocal_object(self, v: int) -> int | None:
        """The object of predicate ``v``, or of its own phrase, that is "each other's"
        ("pounded each other's positions", "fired mortars at each other's positions")."""
        s = self.sent
        objects = [o for c in s.children[v] for o in ([c] if s.dep[c] in OBJECT_DEPS else
                                                       [g for g in s.children[c] if s.dep[g] == "pobj"]
                                                       if s.dep[c] == "prep" else [])]
        return next((o for o in objects for p in s.children[o]
                     if s.dep[p] == "poss" and any(s.lower[c] in RECIPROCALS.get(s.lower[p], ())
                                                   for c in s.children[p])), None)

    def _by_phone(self, v: int) -> bool:
        """Whether predicate ``v`` says it was done by telephone or video ("in a telephone
        call", "by phone", "during a video conference")."""
        s = self.sent
        for c in s.children[v]:
            if s.dep[c] == "prep" and s.lower[c] in ("in", "during", "by", "over", "via") \
                    and (o := phrase_object(s, c)) is not None \
                    and (s.lemma[o] in PHONE_NOUNS or (s.lemma[o] in ("call", "conference") and any(
                        s.lemma[m] in PHONE_NOUNS for m in s.children[o]))):
                return True
        return False

    def _meeting_place_code(self, v: int, code: str, a: Actor, b: Actor, place: Place | None) -> str:
        """A meeting's code by where it was (``place``, of the sentence or the dateline):
        044 for a meeting (040) the sentence places "in" or "at" a country of neither side
        ("Kerry and Zarif met in Vienna", "held a summit in Singapore"), or that it does not
        place in a story filed from such a country; 040 for one the dictionary codes 044 by
        its words ("on the sidelines of", "at a summit") held in the country of one side
        ("Xi and Abe held talks on the sidelines of an Asia-Pacific summit in Beijing")."""
        ca, cb = country_of(a.code), country_of(b.code)
        if place is None or place.source not in ("sentence", "dateline") or not place.country_iso3 \
                or ca == cb:
            return code
        if code == "044":
            if place.country_iso3 in (ca, cb):
                self.log(f"  met in {place.text!r} ({place.country_iso3}), one side's country -> 040")
                return "040"
            return code
        if not ca or not cb or place.country_iso3 in (ca, cb):
            return code
        return self._third_location(v, place) or code

    def _third_location(self, v: int, place: Place) -> str | None:
        """044 for a meeting the sentence places "in" or "at" ``place``, a country of neither
        side, or that it does not place in a story filed from there."""
        s = self.sent
        if place.source == "dateline":
            # the sentence says no place: where the story was filed ("PANAMA CITY -
            # Obama and Castro held the first formal meeting ...")
            self.log(f"  met where the story was filed, {place.text!r} ({place.country_iso3}), "
                     "a third country -> 044")
            return "044"
        # the predicate, its object, and the object of its phrases ("met behind closed
        # doors in Almaty")
        heads = [v, *(c for c in s.children[v] if s.dep[c] in OBJECT_DEPS),
                 *(p for c in s.children[v] if s.dep[c] == "prep" and (p := phrase_object(s, c)) is not None)]
        for h in heads:
            for c in s.children[h]:
                p = phrase_object(s, c) if s.dep[c] == "prep" and s.lower[c] in ("in", "at") else None
                phrase = s.subtree(p) if p is not None else None
                if phrase and place.text in s.span_text(min(phrase), max(phrase) + 1):
                    self.log(f"  met in {place.text!r} ({place.country_iso3}), a third country -> 044")
                    return "044"
        return None

    def _people(self, k: int, any_noun: bool = False, role: str = "CVL") -> list[Actor]:
        """"People" (or a count of them) as the civilians of the sentence's country (the
        dateline's, when the story names it: ``HOST_ROLES``); only where they protest, are
        coerced or massacred: elsewhere "people" is too loose to be an actor. Supporters
        of no one named ("thousands of junta supporters rallied") are people too.
        ``any_noun``: whatever noun ``k`` is (the owners of homes no one names), as
        ``role`` (BUS for shops)."""
        s = self.sent
        k = next(iter(counted(s, k)), k)
        country = self.actors.host_for(k) or self.actors.default_country
        bare_count = s.lemma[k] in ("hundred", "thousand", "dozen", "million") and s.tag[k] == "NNS"
        if (s.lemma[k] not in CROWD_NOUNS and not bare_count and not any_noun) or not country:
            # ("killed hundreds": a count alone counts people)
            return []
        self.log(f"  {s.words[k]!r}: {'civilians' if role == 'CVL' else role} of {country}")
        return [Actor(compose(country, role), s.words[k], k, "people", plural=True, inferred=True)]

    def _sharpen_target(self, source: str, b: Actor, code: str) -> None:
        """The same event reached again with its target named more exactly: "burned British
        flags and chanted slogans against Prime Minister David Cameron" is against GBRGOV,
        not GBR."""
        if b.inferred or b.text.split(" ", 1)[0].lower() in ("his", "her", "its", "their"):
            return  # "restore relations and reopen their embassies": the same state
        for n, e in enumerate(self.events):
            if e.source == source and e.event_code == code and e.target and e.target != b.code \
                    and b.code.startswith(e.target) and country_of(e.target) == e.target:
                self.emitted.discard((e.source, e.target, code))
                self.emitted.add((source, b.code, code))
                self.events[n] = attrs.evolve(e, target=b.code, target_text=b.text)
                self.log(f"  the target named more exactly: {e.target} -> {b.code}")
                return


# What an appeal (02x) or a demand (10x) asks for, by its code's last digits, and the code of
# its rejection: aid 3x -> 122x, political change 4x -> 123x, yielding 5x -> 124x, a
# meeting 6 -> 125, mediation 7, 8 -> 126, material cooperation 1x -> 121x
_REJECTED = {"1": "121", "3": "122", "4": "123", "5": "124"}


def _rejection_of(asked: str) -> str | None:
    """The code of rejecting appeal or demand ``asked`` ("1041" -> "1231"), None for a
    generic one."""
    if len(asked) < 3 or asked[:2] not in ("02", "10"):
        return None
    kind = asked[2]
    if kind == "6":
        return "125"
    if kind in ("7", "8"):
        return "126"
    if kind in _REJECTED:
        return _REJECTED[kind] + asked[3:4]
    return None


def _with_role(actors: list[Actor], role: str) -> list[Actor]:
    """``actors`` with ``role`` added to each bare country ("Russian missiles": RUSMIL)."""
    return [attrs.evolve(a, code=a.code + role) if len(a.code) == 3 and country_of(a.code) else a
            for a in actors]


def _shot_dead(s: Sentence, v: int) -> bool:
    """"shot dead 72 migrants", "gunned down": a killing said with another verb."""
    return (s.lemma[v] == "shoot" and (any(s.lower[c] == "dead" for c in s.children[v])
                                       or (v + 1 < len(s) and s.lower[v + 1] == "dead"))) or (
        s.lemma[v] == "gun" and any(s.lower[c] == "down" for c in s.children[v]))


def _denied_by(s: Sentence, v: int) -> int | None:
    """The verb of denial whose content clause ``v`` is, directly ("denied that they had
    detained ...", "denied supplying drones to Russia") or through the reports it denies
    ("denied reports that ...")."""
    h = s.head[v]
    if h == v or s.dep[v] not in ("ccomp", "acl", "xcomp"):
        return None
    if s.dep[v] == "ccomp" and s.lemma[h] in DENIAL_VERBS:
        return h
    if s.dep[v] == "xcomp" and s.tag[v] == "VBG" and s.lemma[h] == "deny":
        return h
    if s.lemma[h] in REPORT_NOUNS and s.dep[h] in OBJECT_DEPS and s.lemma[s.head[h]] in DENIAL_VERBS:
        return s.head[h]
    return None


class Trace(list[str]):
    """The lines ``explain`` prints, each also filed under the sentence being coded when it
    was written (``sentence`` is that sentence's index; None for the story as a whole)."""

    def __init__(self) -> None:
        super().__init__()
        self.sentence: int | None = None
        self.by_sentence: dict[int | None, list[str]] = {}

    def append(self, line: str) -> None:
        super().append(line)
        self.by_sentence.setdefault(self.sentence, []).append(line)


def _trace_at(trace: list[str] | None, index: int | None) -> None:
    """Files the trace lines that follow under sentence ``index`` (for a ``Trace``)."""
    if isinstance(trace, Trace):
        trace.sentence = index


def code_sentences(sentences: Sequence[Sentence], story: Story, dicts: DictionarySet,
                   options: CoderOptions = CoderOptions(),
                   trace: list[str] | None = None) -> tuple[list[Event], str | None]:
    """The coding stage alone: parsed sentences of one story -> events.

    Returns the events and, when the whole story was discarded, the reason. The cyclic
    garbage collector is paused while a story is coded (it makes many short-lived objects,
    and each collection would also scan the dictionaries). The story leaves no reference
    cycles and the sentences' derived facts are released at the end, so when the collector
    resumes it has almost nothing of the story to trace.
    """
    with gc_paused():
        try:
            return _code_sentences(sentences, story, dicts, options, trace)
        finally:
            # the facts derived for the story's sentences (clauses, subtrees) go before the
            # collector resumes: kept, they would be the young objects its next pass scans
            # (about 6% of the stage), and coding the sentences again derives them again
            for sent in sentences:
                sent.release()


def _code_sentences(sentences: Sequence[Sentence], story: Story, dicts: DictionarySet,
                    options: CoderOptions, trace: list[str] | None) -> tuple[list[Event], str | None]:
    matcher = dicts.matcher
    cleaned = clean_text(story.text)
    reference = story_reference(cleaned, story.date)
    kept: list[tuple[Sentence, list]] = []
    for sent in sentences:
        matches = matcher.match(sent.lower, sent.words)
        hits = [h for h in matches[2]
                if h[2].scope == "story" or h[2].legacy or not _only_when(sent, h[1] - 1)]
        if hits:
            story_hit = next((h for h in hits if h[2].scope == "story"), None)
            if story_hit is not None:
                _trace_at(trace, None)
                reason = f"story discard {story_hit[2].text!r} ({story_hit[2].origin})"
                if trace is not None:
                    trace.append(reason)
                return [], reason
            _trace_at(trace, sent.index)
            if trace is not None:
                trace.append(f"sentence {sent.index} discarded by {hits[0][2].text!r} ({hits[0][2].origin})")
            continue
        kept.append((sent, matches))
    context = StoryContext()
    context.disaster = any(sent.lemma[k] in DISASTER_WORDS for sent, _ in kept for k in range(len(sent)))
    events: list[Event] = []
    dateline_text = None  # the dateline's place, found once for the story's countries and places
    dateline_country = None
    if options.geolocate and kept:
        found_dateline = find_dateline(cleaned)
        if found_dateline is not None:
            dateline_text = found_dateline[0]
            cand = Gazetteer.default().resolve(dateline_text)
            dateline_country = cand.country_iso3 if cand is not None else None
    country, context.host = _story_countries(kept, reference.date, dateline_country)
    places: Callable[[], StoryPlaces] | None = None
    if options.geolocate and kept:
        # built at the first event: a story without events costs no place resolution
        built: list[StoryPlaces] = []

        def places() -> StoryPlaces:
            if not built:
                built.append(StoryPlaces(sentences, dateline_text,
                                         not_places=_not_places(sentences, kept, reference.date)))
            return built[0]
    for sent, matches in kept:
        _trace_at(trace, sent.index)
        sc = _SentenceCoder(sent, story, dicts, options, context, trace, matches, reference, country,
                            places)
        found = sc.run()
        events.extend(found)
        context.previous.append(sc.actors)
        context.events.extend(found)
        context.untargeted.extend(sc.untargeted)
    # each sentence's actors hold the story context that holds them: without this cycle
    # they are freed at once, and the collector has nothing of the story to trace
    context.previous.clear()
    events = _one_riot(events, trace)
    if options.once_per_story:
        events = _first_tellings(events, trace)
    return events, None


def _one_riot(events: list[Event], trace: list[str] | None) -> list[Event]:
    """``events`` less a plain riot (145) of a pair whose riot the story tells for a cause
    (145x): "protesters stormed government buildings ... demonstrators demanding Bakiyev's
    resignation broke into the presidential administration" is one violent protest for his
    going (1451)."""
    for_cause = {(e.source, e.target) for e in events if e.event_code[:3] == "145" and len(e.event_code) == 4}
    out = []
    for e in events:
        if e.event_code == "145" and (e.source, e.target) in for_cause:
            _trace_at(trace, e.sentence_index)
            if trace is not None:
                trace.append(f"sentence {e.sentence_index}: {e.source} -> {e.target} 145: the riot the "
                             "story tells with its cause (145x), kept once")
            continue
        out.append(e)
    return out


def _first_tellings(events: list[Event], trace: list[str] | None) -> list[Event]:
    """``events`` less those that tell again an event of the story told before: the same
    source, target and code; the same code between the same countries said less exactly
    ("Putin and Xi signed the deal ... Russia and China signed it": RUSGOV -> CHNGOV, then
    RUS -> CHN, kept once; the other way round both stay, since a lead's bare countries are
    often named by their governments after); or the same pair with the code an earlier
    telling's code refines (112 after 1122)."""
    seen: set[tuple[str | None, str | None, str]] = set()
    out: list[Event] = []
    for e in events:
        key = (e.source, e.target, e.event_code)
        vaguer = any(c == e.event_code and _same_actor(a or "", e.source or "")
                     and _same_actor(b or "", e.target or "")
                     and len(a or "") + len(b or "") > len(e.source or "") + len(e.target or "")
                     for a, b, c in seen) or any(
            a == e.source and b == e.target and c != e.event_code and c.startswith(e.event_code)
            for a, b, c in seen)
        if key in seen or vaguer:
            _trace_at(trace, e.sentence_index)
            if trace is not None:
                trace.append(f"sentence {e.sentence_index}: {e.source} -> {e.target} {e.event_code} "
                             f"({e.verb_text!r}) told before in the story, kept once")
            continue
        seen.add(key)
        out.append(e)
    return out


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    from .io.readers import parse_date

    return parse_date(value)


class Coder:
    """Codes stories into CAMEO events with a spaCy pipeline and dictionaries.

    >>> coder = Coder()                                   # doctest: +SKIP
    >>> [e.event_code for e in coder.code_story(          # doctest: +SKIP
    ...     "Iran accused Israel of war crimes.", date="2024-01-10")]
    ['1124']
    """

    def __init__(self, dictionaries: Sequence[str | Path] = (), *, default_dictionaries: bool = True,
                 model: str | Any | None = None, options: CoderOptions | None = None,
                 batch_size: int = 64, n_process: int = 1,
                 dictionary_set: DictionarySet | None = None) -> None:
        self.dicts = dictionary_set or load_dictionaries(dictionaries, default=default_dictionaries)
        self.options = options or CoderOptions()
        self._model = model
        self._parser: Parser | None = None
        self.batch_size = batch_size
        self.n_process = n_process

    @property
    def parser(self) -> Parser:
        if self._parser is None:
            self._parser = Parser(self._model, batch_size=self.batch_size, n_process=self.n_process)
        return self._parser

    def code_story(self, text: str, date: dt.date | str | None = None,
                   story_id: str = "story") -> list[Event]:
        """Code one story's text; ``date`` (a date or YYYY-MM-DD) dates its events."""
        story = Story(story_id, text, _as_date(date))
        return list(self._code_parsed(story, self.parser.parse(story_body(text))).events)

    def code_stories(self, stories: Iterable[Story]) -> Iterator[StoryResult]:
        """Code many stories, parsed in batches; yields one result per story, in order."""
        buffer: collections.deque[Story] = collections.deque()

        def texts() -> Iterator[str]:
            for story in stories:
                buffer.append(story)
                yield story_body(story.text)

        for sentences in self.parser.parse_many(texts()):
            story = buffer.popleft()
            try:
                yield self._code_parsed(story, sentences)
            except Exception as exc:  # one story's failure must not stop the batch
                yield StoryResult(story, (), None, len(sentences),
                                  error=f"internal error while coding: {type(exc).__name__}: {exc}")

    def _code_parsed(self, story: Story, sentences: list[Sentence],
                     trace: list[str] | None = None) -> StoryResult:
        events, reason = code_sentences(sentences, story, self.dicts, self.options, trace)
        return StoryResult(story, tuple(events), reason, len(sentences))

    def explain(self, text: str, date: dt.date | str | None = None) -> str:
        """A readable account of how a text was coded: for each sentence its parse, the actor
        phrases found, the predicates and patterns tried and the events it gave (or why none
        came out); then the story's places and all its events."""
        story = Story("explain", text, _as_date(date))
        sentences = self.parser.parse(story_body(text))
        trace = Trace()
        result = self._code_parsed(story, sentences, trace)
        lines = [f"date: {story.date or 'none'}; dictionaries: {self.dicts.versions()}; "
                 f"model: {self.parser.model_name} {self.parser.model_version}"]
        story_lines = trace.by_sentence.get(None, [])
        if result.discarded:
            lines.append(f"\nstory discarded: {result.discarded}")
        for sent in sentences:
            lines.append(f"\nsentence {sent.index}: {sent.text}")
            lines.append("  parse:")
            for i, w in enumerate(sent.words):
                if not w.strip():
                    continue
                lines.append(f"    {i:>3} {w:<18} {sent.lemma[i]:<16} {sent.pos[i]:<6} "
                             f"{sent.dep[i]:<10} <- {sent.head[i]} {sent.words[sent.head[i]]}")
            sa = SentenceActors(sent, self.dicts, story.date)
            found = []
            for i, m in enumerate(sa.actor_at):
                if m is not None and m[0] == i:
                    code = m[2].code_on(story.date)
                    found.append(f"{sent.span_text(m[0], m[1])!r} = {code} ({m[2].origin})")
            for i, g in enumerate(sa.agent_at):
                if g is not None and g[0] == i:
                    found.append(f"{sent.span_text(g[0], g[1])!r} = agent {g[2].role} ({g[2].origin})")
            lines.append("  actor phrases: " + ("; ".join(found) if found else "none"))
            if result.discarded:
                continue
            lines.append("  trace:")
            lines.extend(f"    {t}" for t in trace.by_sentence.get(sent.index)
                         or ["(no predicate in the dictionaries)"])
            own = [e for e in result.events if e.sentence_index == sent.index]
            lines.append("  events: " + ("; ".join(f"{e.source} -> {e.target} {e.event_code}"
                                                    for e in own) if own else "none"))
        if story_lines and not result.discarded:
            lines.append("\nstory:")
            lines.extend(f"  {t}" for t in story_lines)
        if self.options.geolocate:
            lines.append("\nplaces:")
            cleaned = clean_text(text)
            dateline = find_dateline(cleaned)
            # (as the coder builds them: actor phrases that name no place are none)
            kept = [(sent, self.dicts.matcher.match(sent.lower, sent.words)) for sent in sentences]
            not_places = _not_places(sentences, kept, story_reference(cleaned, story.date).date)
            lines.extend(f"  {line}" for line in StoryPlaces(
                sentences, dateline[0] if dateline else None, not_places=not_places).describe().splitlines())
        lines.append("\nevents:")
        if result.discarded:
            lines.append(f"  none: {result.discarded}")
        elif not result.events:
            lines.append("  none")
        for e in result.events:
            where = f"{e.place.name}, {e.place.country_iso3}" if e.place else "no place"
            lines.append(f"  [{e.sentence_index}] {e.source} -> {e.target} {e.event_code} "
                         f"({e.event_name}) verb {e.verb_text!r} rule {e.rule}")
            lines.append(f"      date {e.date} ({e.date_precision}); place {where}")
        return "\n".join(lines)
