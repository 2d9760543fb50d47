"""Actor resolution: which CAMEO actor a noun phrase of a parsed sentence names.

Pure functions over a :class:`~eventcoder.parse.Sentence` and a
:class:`~eventcoder.dictionaries.DictionarySet`; see docs/coding.md for the rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import attrs

from .dictionaries import ActorEntry, AgentEntry, DictionarySet
from .parse import Sentence
from .verbs import (
    RELATIVE_PRONOUNS,
    UTTERANCE_NOUNS,
    name_subject,
    phrase_object,
    relative_object,
    stray_subject,
    subject_of,
)

__all__ = ["Actor", "SentenceActors", "StoryContext", "compose", "country_of"]

# Roles that make a code a state actor: an agent noun then takes the country only.
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI", "PTY"})
# The organs of a state: a country and these are one actor ("Israel" and its military),
# and one party of a pair ("the two sides").
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# ... and the role part of a code that is the state itself or one of its organs ("" for
# the bare country).
STATE_PARTS = STATE_ORGANS | {""}
# Roles of armed non-state actors: "the rebels", "the militants" refer back to a named group.
ARMED_ROLES = frozenset({"REB", "INS", "SEP", "UAF"})
NON_STATE_PREFIXES = ("IGO", "NGO", "IMG", "NGM", "MNC", "INT", "UIS")
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
THING_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
# A region's leaders or governments together: its organisation
REGION_BLOCS = {"SEA": "IGOASN", "EUR": "IGOEEC", "AFR": "IGOOAU", "WAF": "IGOWAS",
                "SAF": "IGOSAD"}
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})
SECOND_PERSON = frozenset({"you", "your", "yours"})
# Pronouns that refer back to an actor (reflexives to their clause's subject: "blew himself
# up"); others ("what", "something", "this") do not
REFLEXIVE_PRONOUNS = frozenset({"himself", "herself", "itself", "themselves"})
REFERRING_PRONOUNS = FIRST_PERSON | PERSONAL_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | REFLEXIVE_PRONOUNS
SPEECH_VERBS = frozenset({"say", "tell", "add", "declare", "write", "insist", "warn", "state"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nummod", "det"})
LINKING_PREPS = frozenset({"of", "for", "from", "in", "at", "with"})
# A body an agent before it describes: "the opposition Labor party" is the opposition's
PARTY_NOUNS = frozenset({"party", "coalition", "alliance", "movement", "bloc"})
# Nouns of a single person (for "he" and "she"); other agents are groups or bodies.
PERSON_NOUNS = frozenset({
    "president", "minister", "premier", "chancellor", "spokesman", "spokeswoman",
    "spokesperson", "leader", "chief", "commander", "general", "envoy", "ambassador",
    "diplomat", "official", "king", "queen", "emir", "prince", "sultan", "monarch",
    "governor", "mayor", "senator", "lawmaker", "legislator", "judge", "prosecutor",
    "secretary", "director", "head", "chairman", "chairwoman", "speaker", "candidate",
    "negotiator", "mediator", "activist", "journalist", "reporter", "cleric", "imam",
    "priest", "bishop", "pope", "colonel", "officer", "soldier", "policeman", "man", "woman",
    "counterpart", "congressman", "congresswoman", "politician", "dissident", "businessman",
    "businesswoman", "missionary", "lawyer", "editor", "lord", "kingpin", "warlord", "pastor",
    "suspect", "fugitive"})
# Agreements, talks and the like that a place names ("the Minsk agreement", "the Astana
# process", "the Oslo accords"): the place is no actor there
NAMED_AFTER_PLACE = frozenset({"agreement", "accord", "deal", "protocol", "process", "format",
                               "ceasefire", "truce", "talk", "summit", "declaration", "convention",
                               "treaty", "formula", "framework", "pact", "conference", "communique",
                               "consensus", "peace", "negotiation", "round"})
# Places and things that stand for those who man them when an agent modifies them: "a
# military airport", "a police checkpoint", "an army convoy" are the military or police.
FACILITY_NOUNS = frozenset({
    "base", "airbase", "airport", "airfield", "barracks", "checkpoint", "station", "post",
    "outpost", "convoy", "headquarters", "compound", "camp", "academy", "vehicle", "patrol",
    "position", "ship", "vessel", "boat", "plane", "helicopter", "depot", "facility",
    "installation", "garrison", "building", "premises"})
# Nouns a name may follow in apposition ("the West African bloc ECOWAS")
GROUP_NOUNS = frozenset({"bloc", "alliance", "organisation", "organization", "group", "coalition",
                         "movement", "union", "body", "agency", "community"})
# "X, who heads the government's delegation": verbs by which a person leads a body
LEADING_VERBS = frozenset({"head", "lead", "chair", "command", "run", "direct"})
# Definite nouns that stand for an international organisation named before ("the bloc")
BLOC_NOUNS = frozenset({"bloc", "alliance", "organisation", "organization"})
# Diplomats act for the state that sends them, not the body they are posted to
DIPLOMAT_NOUNS = frozenset({"ambassador", "envoy", "representative", "delegate", "diplomat",
                            "delegation", "mission", "emissary"})
# A person in apposition as the chair of an organisation acts for it.
CHAIR_NOUNS = frozenset({"chairman", "chairwoman", "chair", "chairperson"})
# Organisations whose bases, convoys and posts are their peacekeepers' (CODE + PKO).
PEACEKEEPING_IGOS = frozenset({"IGOUNO", "IGOOAU", "IGOWAS", "IGOSAD", "IGOEAC", "IGONAT"})
PEACEKEEPING_POSTS = frozenset({"base", "camp", "convoy", "patrol", "outpost", "garrison",
                                "checkpoint", "vehicle", "airbase"})
AID_MODIFIERS = frozenset({"aid", "relief", "humanitarian", "food", "medical"})
# "a U.S.-drafted resolution", "a Russian-sponsored text": the one who wrote it
DRAFTING_PARTICIPLES = frozenset({"drafted", "sponsored", "proposed", "authored", "written",
                                  "tabled", "penned"})
# An office owned by a person ("his office") acts for that person
OFFICE_NOUNS = frozenset({"office", "team", "staff", "aides"})
# Bodies of an organisation named through "of": "the board of the IAEA" is the IAEA
ORGAN_NOUNS = frozenset({"board", "leadership", "delegation", "secretariat", "presidency",
                         "committee", "bureau"})
# Roles of an unnamed country that belong where the story happens, not to the country
# its actors name most: "security forces arrested an opposition leader" in a story from
# Khartoum about an Ethiopian mediator's visit are Sudan's.
HOST_ROLES = frozenset({"COP", "CVL", "OPP", "UAF", "CRM"})
# Roles so generic that an agent before them says more: "opposition activists" are OPP.
GENERIC_ROLES = frozenset({"CVL", "UAF", "ELI"})
# Nouns a government's by default that speak or act for whatever non-state body an agent
# before them names: "a separatist spokesman" is the separatists', "opposition officials"
# the opposition's ("a military leader" still governs: juntas are GOV)
SPEAKER_NOUNS = frozenset({"spokesman", "spokesmen", "spokeswoman", "spokeswomen", "spokesperson",
                           "official", "leader", "representative"})
# Nouns for how something was done, whose relative clause names who did it
MANNER_NOUNS = frozenset({"way", "manner"})
# Institutions that belong to the armed force or police that modifies them
INSTITUTION_NOUNS = frozenset({"school", "college", "academy", "university", "hospital", "clinic"})
QUANTITY_HEADS = frozenset({
    "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score", "scores",
    "million", "millions", "group", "member", "members", "some", "many", "most", "several",
    "one", "two", "three", "four", "five", "all", "each", "number", "team", "delegation",
    "crowd", "crowds", "band", "unit", "contingent", "convoy", "batch", "wave", "handful",
    "majority", "part", "remainder", "rest"})
# Those who side with an actor act for it: "supporters of Imran Khan" are his side, "an aide
# of Alexei Navalny" is his; with a country of their own they are that country's ("Iraqi
# supporters of the PMF" are Iraq's).
FOLLOWER_NOUNS = frozenset({"supporter", "follower", "loyalist", "backer", "partisan", "aide",
                            "associate"})
# Crowds that protest (coder.py: whom a state's soldiers fire on in repression, not in war;
# what they demand, they demonstrate for)
PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "crowd", "rioter", "marcher"})
# Offices of a state that, named with "the" and no country, are the dateline's ("the
# foreign ministry summoned Russian Ambassador Oleg Vasnetsov" in a story from Chisinau)
HOME_OFFICE_NOUNS = frozenset({"ministry", "minister", "cabinet", "spokesman", "spokeswoman"})
# Texts that speak for whoever wrote them: "the report by a U.N. panel"
AUTHORED_NOUNS = frozenset({"report", "statement", "resolution", "communique", "communiqué", "declaration",
                            "letter", "study"})
# Words that make whom armed men are loyal to a rebel ("a former opposition commander")
REBEL_WORDS = frozenset({"opposition", "rebel", "warlord", "insurgent", "separatist", "militia"})


@attrs.frozen
class Actor:
    """A resolved actor mention: its code, its text, its head token and the rule used."""

    code: str
    text: str
    token: int
    rule: str = ""
    person: bool = False
    plural: bool = False
    # the country came from the story, not from the sentence ("officials said ...")
    inferred: bool = False


def armed_group(code: str) -> bool:
    """A named armed non-state group: a role of ARMED_ROLES with a group code after it
    (SDNREBRSF, NGAREBBKH), or a known group of its own (PSEHMS, LBNHEZ, IMGALQ)."""
    blocks = [code[k:k + 3] for k in range(0, len(code), 3)]
    if len(blocks) < 2 or code.startswith(("IGO", "NGO", "MNC")):
        return False
    if code.startswith("IMG"):
        return True
    rest = blocks[1:]
    if any(b in ARMED_ROLES for b in rest):
        return any(b not in ARMED_ROLES and b not in STATE_ROLES for b in rest)
    return len(rest) == 1 and rest[0] in KNOWN_ARMED_GROUPS


# Known-group codes of armed movements that are coded without a role (cameo_knowngroups).
KNOWN_ARMED_GROUPS = frozenset({"HMS", "HEZ", "PIJ", "ALQ", "TAL", "FTA"})


def compose(country: str, role: str, prefix: bool = False) -> str:
    """Compose an agent's role with the code of the actor it belongs to.

    A state code (a bare country or a country with a state role) gives country + role;
    a non-state code (a group, a rebel or insurgent code, an IGO) is kept as it is.
    """
    if len(country) > 3:
        rest = country[3:]
        roles = {rest[k:k + 3] for k in range(0, len(rest), 3)}
        if country.startswith(NON_STATE_PREFIXES) or not roles <= STATE_ROLES:
            return country
    elif country.startswith(NON_STATE_PREFIXES):
        return country
    if country == "---" and prefix:
        return role  # "aid workers" with no country: NGO
    if role == "GOV" and country in REGION_BLOCS:
        # "Southeast Asian leaders", "European leaders": the region's own organisation
        return REGION_BLOCS[country]
    base = country[:3]
    return role + base if prefix else base + role


def country_of(code: str) -> str | None:
    """The country part of an actor code, or ``None`` for a non-state or unknown one."""
    if len(code) < 3 or code.startswith(NON_STATE_PREFIXES) or code.startswith("---"):
        return None
    return code[:3]


# Prepositions of a phrase of place an act of violence struck in ("villages in Iraq")
PLACE_PREPS = frozenset({"in", "inside", "within", "near", "outside", "across", "around", "at",
                         "throughout"})
# ... and that says where police, crowds or the opposition are ("marched through central
# Moscow"): a name in one is where something happened, not who a pronoun means
CROWD_PLACE_PREPS = PLACE_PREPS | {"through"}


def _in_place_phrase(sent: Sentence, k: int) -> bool:
    """A name in a place phrase ("in Khost and Paktika provinces"), conjuncts and a noun it
    modifies included."""
    for _ in range(4):
        if sent.dep[k] in ("conj", "compound", "nmod", "appos") and sent.head[k] != k:
            k = sent.head[k]
        else:
            break
    return sent.dep[k] == "pobj" and sent.lower[sent.head[k]] in CROWD_PLACE_PREPS


# Countries whose legislature is called a congress: "Congress" alone in a story from one of
# them is its own (Argentina, Brazil, Chile, Colombia, the Dominican Republic, Guatemala,
# Honduras, Mexico, Paraguay, Peru, the Philippines, Micronesia; Spain's Congress of
# Deputies; and El Salvador's and Bolivia's legislative assemblies, which the wires call
# Congress)
CONGRESS_COUNTRIES = frozenset({"ARG", "BRA", "CHL", "COL", "DOM", "GTM", "HND", "MEX", "PRY",
                                "PER", "PHL", "FSM", "ESP", "SLV", "BOL"})


def bare_congress(sent: Sentence, start: int, end: int, code: str | None) -> bool:
    """Whether the phrase at ``start`` is "Congress" alone, which the dictionaries give the
    United States but which is the legislature of many countries (``CONGRESS_COUNTRIES``)."""
    return code == "USALEG" and end - start == 1 and sent.lower[start] == "congress"


# Words that make a government title a former one: "a former Honduran president" (ELI)
FORMER_WORDS = frozenset({"former", "ex", "ousted", "deposed", "exiled", "toppled", "late"})
# Heads of a body: "the leader of the movement" leads no government
LEADER_NOUNS = frozenset({"leader", "head", "chief", "chairman", "chairwoman", "president", "founder"})
# Spans of time a body of protest is counted in: "seven months of protests"
SPAN_NOUNS = frozenset({"day", "week", "month", "year", "decade"})
# Bodies no dictionary names and the role of the people they gather
MOVEMENT_ROLES = {"movement": "CVL", "protest": "CVL", "campaign": "CVL", "uprising": "CVL",
                  "demonstration": "CVL", "strike": "LAB", "union": "LAB"}
# Bodies named by the people they gather ("Federation of Students"), and those people's roles
BODY_NOUNS = frozenset({"federation", "association", "union", "confederation", "alliance", "league",
                        "syndicate", "council", "congress", "coalition"})
# Roles of a state's own unarmed people: force threatened against them is repression, and
# their fight with their police a riot
PEOPLE_ROLES = frozenset({"CVL", "OPP", "LAB", "EDU", "HRI", "MED", "REL", "BUS", "AGR"})
# ... those a body gathers as its members (the opposition gathers in parties, health workers
# in associations)
MEMBER_ROLES = (PEOPLE_ROLES - {"OPP"}) | {"HLH"}
# Nouns of a state's own forces: "the army" is no armed group named "... Army"
STATE_FORCE_NOUNS = frozenset({"army", "military", "navy"})
# The regional codes of the CAMEO country table (dictionaries/actors/countries/regions):
# places, not parties, as targets; the West (WST) is a bloc and stays one
REGIONS = frozenset({"AFR", "NAF", "WAF", "EAF", "SAF", "CFR", "ASA", "SAS", "SEA", "CAS",
                     "EIN", "EUR", "EEU", "CEU", "SCN", "BLK", "CAU", "MEA", "PGS", "MDT",
                     "LAM", "SAM", "CRB", "NMR"})
# Heads of a territory named in an "of" phrase: "the breakaway region of Transnistria"
TERRITORY_HEADS = frozenset({"region", "territory", "enclave", "province"})
# Nouns for a country that "of" names: "the island nation of Nauru"
# (not "island": "U.S. bases on the Pacific island of Guam" are the bases)
COUNTRY_NOUNS = frozenset({"nation", "country", "state", "kingdom", "republic", "emirate", "sultanate",
                           "principality"})
# Verbs whose object is who hears it: "told reporters", "briefed journalists"
AUDIENCE_VERBS = frozenset({"tell", "brief"})


def _told(sent: Sentence, k: int) -> bool:
    """``k`` is those told or briefed ("Abe told reporters ...", "Oli told parliament
    ..."): the audience, not who is spoken of."""
    return sent.dep[k] in ("dobj", "dative") and sent.lemma[sent.head[k]] in AUDIENCE_VERBS


class StoryContext:
    """What earlier sentences of the story said: their actor mentions, for pronouns, and
    their events, for nouns that refer back to one."""

    def __init__(self) -> None:
        self.previous: list[SentenceActors] = []
        # the country of the story's dateline when its actors name it too: where police,
        # protesters and the opposition of an unnamed country are (``HOST_ROLES``)
        self.host: str | None = None
        # the country of each sentence's fronted place phrase ("In Yerevan, thousands of
        # protesters ..."), which the next sentence's police and protesters are in too
        self.fronted: dict[int, str] = {}
        # the events of the earlier sentences, for nouns that refer back to one ("the
        # attack", "the decision")
        self.events: list = []
        # acts of violence told with no one named as struck ("a gunman stormed the
        # building"), kept for a noun that refers back to one ("condemned the attack"),
        # never written out
        self.untargeted: list = []
        # the story tells of a natural disaster (an earthquake, a cyclone, a flood): aid in
        # it is humanitarian
        self.disaster = False

    def protesting_followers(self, country: str) -> Actor | None:
        """The followers of an opposition party or leader of ``country`` whom an earlier
        sentence named as such ("Supporters of the Serbian Radical Party rallied", "hundreds
        of opposition supporters rammed the gates"): whom "the protesters" then are."""
        for sa in reversed(self.previous):
            for a in sa.all_mentions():
                if a.code[3:6] == "OPP" and len(a.code) == 6 and a.code[:3] == country \
                        and sa.sent.lemma[a.token] in FOLLOWER_NOUNS:
                    return a
        return None

    def pools(self, position: int, current: SentenceActors, exclude: frozenset[int] = frozenset(),
               window: int = 3) -> list[tuple[SentenceActors, list[Actor]]]:
        """The mentions a reference back may take, nearest sentence first: those of its
        own sentence before ``position`` (less ``exclude``), then those of the ``window``
        sentences before it."""
        pools = [(current, [a for a in current.all_mentions()
                            if a.token < position and a.token not in exclude])]
        pools.extend((sa, sa.all_mentions()) for sa in reversed(self.previous[-window:]))
        return pools

    def antecedent(self, pronoun: str, position: int, current: SentenceActors,
                   exclude: frozenset[int] = frozenset()) -> Actor | None:
        """The mention a pronoun takes: the first compatible one before it in its sentence,
        else the first compatible one of the nearest earlier sentence (usually its subject).
        ``exclude``: mentions of the sentence it cannot take (the subject of its own verb).
        """
        for sa, pool in self.pools(position, current, exclude):
            sent = sa.sent
            # "Biden and Xi met ..., their first meeting": coordinated people are "they"
            heads = {a.token for a in pool if _compatible(pronoun, a) or (
                pronoun in PLURAL_PRONOUNS and a.person and len(sa.conjuncts(a.token)) > 1)}
            for a in pool:
                if a.token in heads:
                    if sent.dep[a.token] == "poss" and sent.head[a.token] in heads:
                        continue  # "South Korea's spy agency said it ...": the agency
                    if sent is current.sent and _told(sent, a.token):
                        # "Oli told parliament that India had encroached ..., and accused
                        # it of ...": those told are not who is spoken of
                        continue
                    if _in_place_phrase(sent, a.token):
                        # "hit homes in Khost and Paktika provinces ... condemned them": a
                        # place is not who; better no actor than a wrong one
                        return None
                    # an unknown name the dictionaries lack ("Moise had been ruling...")
                    # is the likelier referent: better no actor than a wrong one
                    return a if a.code else None
        return None

    def person_named(self, word: str, position: int, current: SentenceActors) -> Actor | None:
        """The person named earlier with ``word`` as one of the words of the name: "Kim"
        after "Kim Jong Un"; the nearest such mention (its sentence, then any before: a
        name is no pronoun, it can reach back the whole story)."""
        for sa, pool in self.pools(position, current, window=len(self.previous)):
            for a in reversed(pool):
                names = a.text.split()
                if a.person and a.code and len(names) > 1 and word in names:
                    return a
                owned = names.index(f"{word}'s", 1) if f"{word}'s" in names[1:] else 0
                if a.code[3:6] == "GOV" and owned and names[owned - 1][:1].isupper():
                    # "Prime Minister Ishmael Kalsakau's government ... Kalsakau thanked":
                    # the head of the government named by its owner's full name
                    return attrs.evolve(a, text=" ".join(names[:owned + 1])[:-2], person=True)
                if a.code and (a.person or sa.sent.lemma[a.token] in PERSON_NOUNS) \
                        and word in _apposed_name(sa, a.token):
                    # "the army commander, General Juan Jose Zuniga, ...": "Zuniga" later
                    return a
        return None

    def person_named_before(self, word: str) -> Actor | None:
        """The person an earlier sentence named with a name of several words, ``word`` one of
        them ("Salman Bashir" for "Bashir"); the nearest."""
        for sa in reversed(self.previous):
            for a in reversed(sa.all_mentions()):
                if a.person and a.code and word in a.text.split()[1:]:
                    return a
        return None

    def country_named(self, position: int, current: SentenceActors) -> Actor | None:
        """The country named last before ``position`` (as a country, not a state organ):
        whom "the Central Asian country" means."""
        return self._latest(position, current, lambda a: bool(a.code) and country_of(a.code) == a.code
                            and a.code not in REGIONS and not a.person)

    def half_named(self, word: str, position: int, current: SentenceActors) -> Actor | None:
        """The mention whose country "the North" or "the South" (``word``) means: the
        latest in the story named by a name that starts with the word ("North Korea",
        "North Korean troops")."""
        found = self._latest(position, current, lambda a: bool(country_of(a.code))
                             and a.text.split()[:1] == [word] and len(a.text.split()) > 1,
                             window=len(self.previous))
        if found is not None:
            return found
        # ... or a name that only modifies a noun ("fired shells at a South Korean island,
        # and the South returned fire"), nearest first
        for sa in (current, *reversed(self.previous)):
            s = sa.sent
            for k in reversed(range(position if sa is current else len(s))):
                m = sa.actor_at[k]
                if m is not None and m[1] - 1 == k and m[1] - m[0] > 1 and s.words[m[0]] == word \
                        and (a := sa.named(k)) is not None and country_of(a.code):
                    return a
        return None

    def person_other_than(self, owner: Actor, position: int, current: SentenceActors) -> Actor | None:
        """The person of ``owner``'s country named last before ``position`` (its sentence,
        then the three before) who is not ``owner``: whom "his predecessor" means."""
        home = country_of(owner.code)
        names = set(owner.text.split())
        return self._latest(position, current, lambda a: (
            a.person and not a.plural and bool(a.code) and country_of(a.code) == home
            and a.code[3:6] in ("GOV", "ELI", "OPP", "") and not names & set(a.text.split())))

    def named_phrase(self, words: list[str], position: int, current: SentenceActors) -> Actor | None:
        """The mention named earlier whose words end in ``words`` ("the morality police"
        again), not guessed from the story: the nearest (its sentence, then the three
        before)."""
        n = len(words)
        return self._latest(position, current, lambda a: (
            bool(a.code) and not a.person and not a.inferred and a.text.lower().split()[-n:] == words))

    def named_head(self, word: str, position: int, current: SentenceActors) -> Actor | None:
        """The organisation named earlier whose name ends in ``word``: "the council" after
        "the U.N. Human Rights Council", "the agency" after "the International Atomic
        Energy Agency"; the nearest such mention (its sentence, then the three before)."""
        # ("the army" is a state's, not the Arakan Army named before)
        found = self._latest(position, current, lambda a: (
            bool(a.code) and not a.person and len(names := a.text.lower().split()) > 1
            and names[-1] == word and not (word in STATE_FORCE_NOUNS and armed_group(a.code))))
        if found is not None:
            return found
        if word in PERSON_NOUNS:
            # "Tshisekedi welcomed the king" after "Belgium's King Philippe": the person
            # named before with the word as a title
            found = self._latest(position, current, lambda a: (
                bool(a.code) and a.person and word in a.text.lower().split()[:-1]))
            if found is not None:
                return found
        if word in BLOC_NOUNS:
            # "European Union foreign policy chief Josep Borrell said the bloc stood in
            # solidarity with France": the organisation named last
            return self._latest(position, current, lambda a: a.code.startswith("IGO"))
        return None

    def force(self, position: int, current: SentenceActors) -> Actor | None:
        """The police or armed forces (COP, MIL) named last before ``position``, in its
        sentence or the three before: whose "officers" are meant."""
        return self._latest(position, current, lambda a: a.code[3:6] in ("COP", "MIL") and len(a.code) == 6)

    def group(self, position: int, current: SentenceActors) -> Actor | None:
        """The named armed group a definite "the rebels" or "the group" refers to: the
        latest one named before it, in the whole story (a named group is what the story is
        about; "the militants" five sentences on are still Boko Haram)."""
        return self._latest(position, current, lambda a: armed_group(a.code), window=len(self.previous))

    def _latest(self, position: int, current: SentenceActors,
                test: Callable[[Actor], bool], window: int = 3) -> Actor | None:
        """The mention named last before ``position`` (its sentence, then the ``window``
        before) that passes ``test``."""
        for _, pool in self.pools(position, current, window=window):
            for a in reversed(pool):
                if test(a):
                    return a
        return None

    def pair(self, position: int, current: SentenceActors,
             exclude: frozenset[int] = frozenset(), n: int = 2, persons: bool = False,
             states: bool = False) -> list[Actor]:
        """The two parties "the two countries" or "both sides" refer to (``n`` parties:
        "the three governments"): the first ``n`` actors of different countries in the
        sentence before ``position``, else in the nearest earlier sentence that names ``n``
        (``persons``: people first, for "the two leaders"; ``states``: actors of a country
        only, for "the two governments", never the U.N.). ``exclude``: tokens of the
        sentence the pair cannot be (the subject of the verb it is the object of: "Saudi
        Arabia and the United States urged both sides" are not the sides)."""
        # parties found in a nearer sentence stay: "Abe told reporters that the two sides had
        # agreed" is Abe and the other party named before (Xi)
        found: list[Actor] = []
        keys: set[str] = set()
        # (and not a name inside the subject's phrase: "The African Union's Peace and
        # Security Council and the Arab League urged both sides")
        exclude = frozenset(k for e in exclude for k in current.sent.subtree(e))
        for sa, pool in self.pools(position, current, exclude):
            sent = sa.sent
            # "received both ministers ... the two sides agreed": a pair named as one
            again = next(([a, *sa._extra[a.token]] for a in pool if sent.lemma[a.token] in PAIR_NOUNS
                          and len(sa._extra.get(a.token, ())) == n - 1), None)
            if again is not None and not found:
                return again
            heads = {a.token for a in pool}
            people = [a for a in pool if a.person or sent.lemma[a.token] in PERSON_NOUNS]
            if persons and len({country_of(a.code) or a.code for a in people}) >= n:
                pool = people  # "the two leaders": people named, if there are as many
            if n > 2:
                # "the three governments": a list of three named together ("Madrid, Dublin
                # and Oslo"), not any three
                by_token = {a.token: a for a in pool}
                lists = ([by_token[k] for k in sa.conjuncts(a.token) if k in by_token] for a in pool)
                pool = next((g for g in lists if len({country_of(b.code) or b.code for b in g}) == n), [])
            for a in (reversed(pool) if sa is current and n == 2 else pool):
                if sent.dep[a.token] == "poss" and sent.head[a.token] in heads:
                    continue  # "Sudan's army": the army
                if _told(sent, a.token):
                    continue  # "Abe told reporters that the two sides ...": the audience is no side
                if states and not country_of(a.code):
                    continue  # "Guterres praised both governments ... the two governments"
                # a country and its state are one party; its rebels another
                key = (country_of(a.code) or a.code) if a.code[3:6] in STATE_PARTS else a.code
                if a.code and key not in keys:
                    keys.add(key)
                    found.append(a)
                if len(found) == n:
                    return found
        return []


def _apposed_name(sa: SentenceActors, t: int) -> set[str]:
    """The words of a name that mention head ``t`` is, or stands in apposition with: "the
    army commander, General Juan Jose Zuniga"; "Balkhi, spokesman for ..." (titles the
    agent dictionary knows, such as "General", left out)."""
    s = sa.sent
    heads = [c for c in s.children[t] if s.dep[c] == "appos" and s.pos[c] == "PROPN"]
    if s.pos[t] == "PROPN":
        heads.append(t)
    if s.dep[t] == "appos" and s.pos[s.head[t]] == "PROPN":
        heads.append(s.head[t])
    return {s.words[k] for h in heads for k in (h, *s.children[h])
            if s.pos[k] == "PROPN" and (k == h or s.dep[k] in ("compound", "flat"))
            and sa.agent_at[k] is None and s.lower[k].rstrip(".") not in HONORIFICS}


# "the two countries", "both sides": what each of the pair is called, and the role it takes
# (None: the pair's own codes; "": the country alone).
PAIR_NOUNS: dict[str, str | None] = {
    "country": "", "nation": "", "state": "", "republic": "", "neighbour": None, "neighbor": None,
    "side": None, "party": None, "rival": None, "foe": None, "ally": None, "adversary": None,
    "leader": "GOV", "government": "GOV", "president": "GOV", "minister": "GOV",
    "capital": "GOV", "army": "MIL", "military": "MIL", "force": "MIL",
    "man": None, "woman": None,  # only "the two men": "two men were killed" are others
}


# Nouns of countries: "the leaders of more than 30 countries" are of no one country
NATION_NOUNS = frozenset({"country", "nation", "state", "government"})
# How many parties "the two countries", "both sides", "the three governments" are
PARTY_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}


# Titles of courtesy before a surname: "Mr. Kim" is the Kim named before.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "mme", "m"})


# Object pronouns that are not reflexive: they never mean their own verb's subject.
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it", "us"})
# Words answered ("rejected its remarks"): their owner is not the one who answers
ANSWERED_NOUNS = frozenset({"remark", "statement", "comment", "claim", "accusation", "allegation",
                            "criticism", "report", "finding", "demand", "proposal", "offer",
                            "warning", "threat", "charge", "assertion"})
ANSWERING_LEMMAS = frozenset({"reject", "dismiss", "deny", "refute", "criticise", "criticize",
                              "condemn", "denounce", "slam", "welcome", "praise", "question",
                              "challenge", "rebuff", "decry"})


def counted(sent: Sentence, i: int) -> list[int]:
    """What a quantity counts: the first object of each "of" phrase of a quantity head, a
    number or a follower noun ("thousands of protesters", "dozens of missiles",
    "supporters of Imran Khan"); none for any other noun."""
    if sent.lemma[i] not in QUANTITY_HEADS and sent.lemma[i] not in FOLLOWER_NOUNS \
            and sent.pos[i] != "NUM":
        return []
    out = []
    for c in sent.children[i]:
        if sent.dep[c] == "prep" and sent.lower[c] == "of":
            p = next((g for g in sent.children[c] if sent.dep[g] == "pobj"), None)
            if p is not None:
                out.append(p)
    return out


STANCE_PREFIXES = frozenset({"pro", "anti"})
# "an Iranian-backed militia", "Russian-supported separatists": the backer is not the owner
BACKER_WORDS = frozenset({"backed", "supported", "funded", "sponsored", "armed", "trained",
                          "aligned", "allied", "financed"})


def _common_phrase(sent: Sentence, m: tuple[int, int, ActorEntry]) -> bool:
    """A name of capitalised words ("National Unity Government", "Turkey") found written
    all in lower case: the common words, not the name ("the turkey farmers")."""
    start, end, entry = m
    words = entry.text.split()
    return bool(words) and all(w[:1].isupper() for w in words) \
        and all(w.islower() for w in sent.words[start:end])


# Places' names that are also first names: "Chad Wolf", "Jordan Bardella", "Scot Marciel"
FIRST_NAME_PLACES = frozenset({"chad", "jordan", "israel", "georgia", "scot", "india"})


def someone_elses_name(sent: Sentence, start: int, end: int, code: str | None, person: bool,
                       matched: Callable[[int], bool]) -> bool:
    """Whether a one-word dictionary phrase at ``start`` is the surname of someone the
    dictionaries do not know: a person's or an organisation's name ("Bennett", "Cortes")
    right after a capitalised name that is no title and no actor (``matched``: a token a
    dictionary phrase covers): "Richard Bennett", "Hunter Biden", "Marko Cortes" (not
    Spain's parliament). A country's name is never one ("Evil Mordor")."""
    j = start - 1
    k = start + 1
    if end - start == 1 and sent.lower[start] in FIRST_NAME_PLACES and k < len(sent) \
            and sent.pos[k] == "PROPN" and sent.words[k][:1].isupper() and sent.head[start] == k \
            and sent.dep[start] == "compound" and not matched(k):
        # "Homeland Security Secretary Chad Wolf", "Ambassador Scot Marciel": a place's
        # name that is also a first name, before a surname no dictionary phrase covers
        return True
    return (end - start == 1 and (person or len(code or "") > 3) and j >= 0
            and sent.pos[j] == "PROPN" and sent.words[j][:1].isupper() and sent.head[j] == start
            and sent.dep[j] == "compound" and not matched(j))


def stance(sent: Sentence, start: int, end: int | None = None) -> bool:
    """A phrase written as a stance: "pro-Russian", "anti-government"; or as a backer
    (with ``end``, the phrase's end): "an Iranian-backed militia" is not Iran's. It names
    no actor of the noun it modifies."""
    low = sent.lower
    if end is not None and end + 1 < len(sent) and low[end] in ("-", "–") and low[end + 1] in BACKER_WORDS:
        return True
    return start >= 2 and low[start - 1] in ("-", "–") and low[start - 2] in STANCE_PREFIXES


def _compatible(pronoun: str, a: Actor) -> bool:
    if pronoun in PERSONAL_PRONOUNS:
        return a.person and not a.plural  # "her" is not "South Korean prosecutors"
    if pronoun in THING_PRONOUNS:
        return not a.person and not a.plural
    if pronoun in PLURAL_PRONOUNS:
        return not a.person or a.plural  # "they": Iran, or "Indian officials", not Modi
    return True


# Weapons that make those who bear them an armed group (not stones or sticks)
ARMS_NOUNS = frozenset({"rifle", "gun", "machete", "knife", "weapon", "firearm", "grenade", "pistol",
                        "explosive", "axe", "sword", "spear", "kalashnikov", "machine-gun"})


def _based(s: Sentence, c: int) -> bool:
    """Whether modifier ``c`` says where its noun is based ("the Hague-based court", "a
    London-based rights group"): a place, not the noun's owner."""
    return s.lower[c] == "based" and s.dep[c] == "amod"


def _armed(s: Sentence, i: int) -> bool:
    """Whether the people noun ``i`` is said to bear weapons: "mobs *armed with* hunting
    rifles", also when the parser makes "armed" their verb."""
    def with_arms(v: int) -> bool:
        return s.lemma[v] == "arm" and s.tag[v] == "VBN" and any(
            s.dep[c] == "prep" and s.lower[c] == "with" and any(
                s.lemma[k] in ARMS_NOUNS for k in s.subtree(c)) for c in s.children[v])
    return any(s.dep[c] == "acl" and with_arms(c) for c in s.children[i]) \
        or (s.dep[i] == "nsubj" and with_arms(s.head[i]))


class SentenceActors:
    """The actor and agent phrases of one sentence, and how its nouns resolve."""

    def __init__(self, sent: Sentence, dicts: DictionarySet, date: dt.date | None,
                 context: StoryContext | None = None, matches: list | None = None,
                 default_country: str | None = None) -> None:
        self.sent = sent
        self.dicts = dicts
        self.date = date
        self.default_country = default_country
        self.host_country: str | None = None  # for HOST_ROLES, when no place is fronted
        # (token, country) of the sentence's place phrases: the nearest comes first
        self.places_named: list[tuple[int, str]] = []
        self._extra: dict[int, list[Actor]] = {}
        self.context = context or StoryContext()
        n = len(sent)
        self.actor_at: list[tuple[int, int, ActorEntry] | None] = [None] * n
        self.agent_at: list[tuple[int, int, AgentEntry] | None] = [None] * n
        actor_matches, agent_matches = (matches or dicts.matcher.match(sent.lower, sent.words))[:2]
        for m in actor_matches:
            if stance(sent, m[0], m[1]):
                continue  # "pro-European protesters", "anti-government rallies": a stance
            if _common_phrase(sent, m):
                continue  # "to form an interim national unity government": no name
            for k in range(m[0], m[1]):
                self.actor_at[k] = m
        for g in agent_matches:
            if stance(sent, g[0]) and g[1] < n and sent.pos[g[1]] in ("NOUN", "PROPN"):
                continue  # "anti-government protesters": what they are against, not who
            for k in range(g[0], g[1]):
                if self.actor_at[k] is None:
                    self.agent_at[k] = g
        self._cache: dict[int, Actor | None] = {}
        self._all: list[Actor] | None = None
        self._building: list[Actor] | None = None  # all_mentions while it is being built
        self._busy = 0  # resolutions under way: a cycle guard is in the cache meanwhile
        self.trace: list[str] = []

    # -- public -----------------------------------------------------------------------
    def resolve(self, i: int | None) -> list[Actor]:
        """The actors a noun head names, one per conjunct ("Russia and China")."""
        if i is None:
            return []
        out = []
        for h in self.conjuncts(i):
            a = self.resolve_one(h)
            if a is not None:
                out.append(a)
                out.extend(self._extra.get(h, ()))
        return out

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and the heads coordinated with it: "Russia and China"; also a list the
        parser read as appositions, "Mordor, Rohan, Arnor and Bree", when both are named
        actors (an apposition that describes, "Osgiliath, the state's foe", is not)."""
        s = self.sent
        heads = [i]
        stack = [i]
        while stack:
            k = stack.pop()
            for c in s.children[k]:
                coordinated = s.dep[c] == "conj" and s.pos[c] in ("PROPN", "NOUN", "PRON", "ADJ") \
                    and not stray_subject(s, c)
                listed = (s.dep[c] == "appos" and self.actor_at[c] is not None
                          and self.actor_at[k] is not None and self.actor_at[c] is not self.actor_at[k])
                if coordinated or listed:
                    heads.append(c)
                    stack.append(c)
                elif s.dep[c] in ("nmod", "compound") and c < k and self.actor_at[k] is not None:
                    # "President Donald Trump and Prime Minister Narendra Modi", parsed with
                    # "Trump" as a modifier of "Modi" (or under the title that modifies it:
                    # "U.S. President Donald Trump and Russian President Vladimir Putin"):
                    # two actors
                    other = next((g for g in s.subtree(c) if (m := self.actor_at[g]) is not None
                                  and m is not self.actor_at[k] and m[1] - 1 == g
                                  and any(s.dep[x] == "cc" for x in s.children[g])), None)
                    if other is not None:
                        heads.append(other)
        if self.actor_at[i] is None:
            # "Rival Palestinian factions Hamas and Fatah signed ...": the noun names the
            # first of the actors in apposition to it, and the others joined to that one
            for c in s.children[i]:
                if s.dep[c] == "appos" and self.actor_at[c] is not None:
                    heads.extend(g for g in self.conjuncts(c) if g != c and g not in heads)
        if s.dep[i] in ("nsubj", "nsubjpass") and s.head[i] != i and any(
                s.dep[c] == "cc" and s.lower[c] == "and" and c > i for c in s.children[i]) \
                and not any(s.dep[c] == "conj" for c in s.children[i]):
            # "Ban Ki-moon and Malaysian Prime Minister Najib Razak condemned ...", parsed as
            # two subjects of the verb with the "and" left on the first: the second is its
            # conjunct
            v = s.head[i]
            other = next((c for c in s.children[v] if i < c < v and s.dep[c] == s.dep[i]), None)
            if other is not None:
                heads.extend(self.conjuncts(other))
        if s.dep[i] == "pobj" and s.head[i] != i:
            # "sanctions on the ministry and on Ahmadinejad": the coordinated phrase's object
            # (the parser hangs the second phrase on the first, or on a word above it)
            prep = s.head[i]
            up = [prep, s.head[prep], s.head[s.head[prep]]]
            for c in (c for h in dict.fromkeys(up) for c in s.children[h]):
                if s.dep[c] == "conj" and s.pos[c] == "ADP" and s.lower[c] == s.lower[prep] and c > i:
                    p = next((g for g in s.children[c] if s.dep[g] == "pobj"), None)
                    if p is not None and p not in heads:
                        heads.extend(self.conjuncts(p))
        return sorted(heads)

    def resolve_one(self, i: int, depth: int = 0) -> Actor | None:
        if i in self._cache:
            return self._cache[i]
        self._cache[i] = None  # guards against cycles
        self._busy += 1
        try:
            a = self._resolve(i, depth)
        finally:
            self._busy -= 1
        self._cache[i] = a
        return a

    def all_mentions(self) -> list[Actor]:
        """Every actor the sentence names as a noun phrase head, left to right. Asked for
        while one of its mentions is being resolved ("the government" looking back for the
        government named before), the list lacks that mention, so it is not kept."""
        if self._all is not None:
            return self._all
        if self._building is not None:
            return self._building
        nested = self._busy > 0
        found: list[Actor] = []
        self._building = found
        try:
            s = self.sent
            for k in range(len(s)):
                m = self.actor_at[k] or self.agent_at[k]
                if m is None or m[1] - 1 != k or s.pos[k] == "PRON":
                    if m is None and s.pos[k] == "PROPN" and s.dep[k] in ("nsubj", "nsubjpass"):
                        # a subject named by its title ("Kenyan President William Ruto"),
                        # else one the dictionaries do not know: a placeholder, no code
                        found.append(self.resolve_one(k) or Actor("", s.words[k], k, person=True))
                    elif m is None and s.pos[k] == "PROPN" and s.dep[k] not in MODIFIER_DEPS \
                            and s.dep[k] != "appos" and any(
                                self.agent_at[j] is not None and s.lemma[j] in PERSON_NOUNS
                                for j in [*self._left_modifiers(k), *(
                                    c for c in s.children[k] if s.dep[c] == "appos")]) \
                            and (a := self.resolve_one(k)) is not None and a.person:
                        # a person named by title in any other place ("shooting activist
                        # Malala Yousafzai"): "her" in the next sentence
                        found.append(a)
                    elif m is None and s.pos[k] == "PROPN" and s.dep[k] == "appos" \
                            and s.pos[s.head[k]] == "NOUN" and s.words[k][:1].isupper() \
                            and any(s.dep[c] == "compound" and s.pos[c] == "PROPN" for c in s.children[k]):
                        # "a Colombian investigator working for the commission, Yilen
                        # Osorio" (the name hung on "commission"): a person the dictionaries
                        # lack, whom a later "him" means (better no actor than the last
                        # one named before)
                        found.append(self.resolve_one(k) or Actor("", s.words[k], k, person=True))
                    elif m is None and s.pos[k] == "NOUN" and s.dep[k] in ("nsubj", "nsubjpass") \
                            and (a := self.resolve_one(k)) is not None:
                        found.append(a)  # "More than 135 Chinese maritime militia vessels": "their"
                    elif m is None and s.lemma[k] in PERSON_NOUNS and s.tag[k] == "NN" \
                            and s.dep[k] not in MODIFIER_DEPS and (a := self.resolve_one(k)) is not None:
                        found.append(a)  # "the head of the mission's division"
                    continue
                if (s.dep[k] in MODIFIER_DEPS and s.dep[k] != "poss") or s.dep[k] == "appos":
                    h = s.head[k]
                    if s.dep[k] == "compound" and s.pos[h] == "NOUN" and self.actor_at[h] is None \
                            and self.agent_at[h] is None and (a := self.named(k)) is not None \
                            and armed_group(a.code):
                        # "bombed al Shabaab camps ...": the group, for a later "the militants"
                        found.append(a)
                    elif s.dep[k] == "appos" and self.actor_at[h] is None and self.agent_at[h] is None \
                            and s.pos[h] == "NOUN" and (a := self.named(k)) is not None and a.code:
                        # "bombed camps of the Islamist militant group Boko Haram": the name
                        # is the mention, its head noun none, for a later "the militants"
                        found.append(a)
                    elif s.dep[k] == "compound" and name_subject(s, h) == k \
                            and (a := self.resolve_one(k)) is not None:
                        # "demanded that Prime Minister Serzh Sargsyan resign", the verb
                        # parsed as a noun: the subject, for a later "Sargsyan"
                        found.append(a)
                    continue  # a possessor ("Jammeh's statement") can be referred to
                a = self.resolve_one(k)
                if a is not None:
                    found.append(a)
        finally:
            self._building = None
        if not nested:
            self._all = found
        return found

    def _shared_head(self, i: int) -> tuple[str, bool, int] | None:
        """For a nationality at ``i`` joined to an agent noun that another nationality
        modifies right after the conjunction ("Kyrgyz and Tajik troops"): that noun's role,
        prefix flag and token."""
        s = self.sent
        for c in s.children[i]:
            agent = self.agent_at[c]
            if s.dep[c] != "conj" or agent is None or agent[1] - 1 != c:
                continue
            mods = self._left_modifiers(c)
            first = min(mods, default=None)
            if first is not None and self.actor_at[first] is not None \
                    and all(s.dep[k] in ("cc", "punct") for k in range(i + 1, first)):
                return agent[2].role, agent[2].prefix, c
        return None

    def _surname_like(self, i: int) -> bool:
        """An agent word that may be a surname: capitalised, one word, with nothing before
        it ("Bishop flew into Suva" after "Foreign Minister Julie Bishop"; not "the
        Bishop of Rome")."""
        s = self.sent
        agent = self.agent_at[i]
        return agent is not None and agent[1] - agent[0] == 1 and s.words[i][:1].isupper() \
            and not any(c < i for c in s.children[i])

    def _own_possessor(self, i: int, pronoun: str, depth: int) -> Actor | None:
        """"His" or "her" on a verb's object is first that verb's subject: "Kim had
        expressed his eagerness", "Modi offered his condolences"."""
        s = self.sent
        if pronoun not in ("his", "her") or s.dep[i] != "poss" or depth >= 3:
            return None
        owned = s.head[i]
        if self._answered(owned):
            return None  # "rejected his remarks": another's words (``_own_subject``)
        fronted = self._fronted_subject(i, owned)
        if fronted is not None:
            a = self.resolve_one(fronted, depth + 1)
            if a is not None and a.code and _compatible(pronoun, a):
                return a
        v = s.head[owned]
        if s.dep[owned] not in ("dobj", "obj") or s.pos[v] not in ("VERB", "AUX"):
            return None
        subj = subject_of(s, v)
        if subj is None or subj > i or s.pos[subj] == "PRON":
            return None
        a = self.resolve_one(subj, depth + 1)
        return a if a is not None and a.code and _compatible(pronoun, a) else None

    def _of_objects(self, i: int) -> Iterator[int]:
        """The object of each "of" phrase after noun ``i`` ("the nation of Nauru")."""
        s = self.sent
        for c in s.children[i]:
            if c > i and s.dep[c] == "prep" and s.lower[c] == "of":
                pobj = next((g for g in s.children[c] if s.dep[g] == "pobj"), None)
                if pobj is not None:
                    yield pobj

    def _fronted_subject(self, i: int, owned: int) -> int | None:
        """The subject of the main clause when possessive ``i`` is in a phrase fronted
        before it: "On the first day of his visit to India, Trump told ..." (Trump)."""
        s = self.sent
        k = owned
        for _ in range(6):
            if s.dep[k] == "prep" and s.pos[s.head[k]] in ("VERB", "AUX") and s.head[k] > k:
                v = s.head[k]
                subj = next((c for c in s.children[v] if s.dep[c] in ("nsubj", "nsubjpass")), None)
                if subj is not None and k < subj and i < subj and s.pos[subj] != "PRON" and (
                        k == 0 or "," in s.words[max(s.subtree(k)) + 1: subj]):
                    return subj
                return None
            if s.head[k] == k:
                return None
            k = s.head[k]
        return None

    def _speaker(self, i: int, depth: int) -> Actor | None:
        """Who says the first-person pronoun ``i``: the subject of the sentence's reporting
        verb ("'We will hunt you down,' Biden said"), none without one."""
        s = self.sent
        if depth >= 3:
            return None
        for v in range(len(s)):
            if s.dep[v] == "ROOT" and s.lemma[v] in SPEECH_VERBS:
                subj = next((c for c in s.children[v] if s.dep[c] == "nsubj"), None)
                if subj is not None and s.pos[subj] != "PRON":
                    return self.resolve_one(subj, depth + 1)
        return None

    def _reporter(self, i: int, pronoun: str, depth: int) -> Actor | None:
        """The subject of the verb that reports the pronoun's clause: in "Guterres
        condemned the killings, and Moussa Faki said he was outraged", "he" is Faki."""
        k = self._reporting_subject_token(i) if depth < 3 else None
        a = self._subject_actor(k, depth)
        if (a is None or not a.person) and pronoun in ("he", "she") and k is not None \
                and self.sent.lemma[k] in OFFICE_NOUNS:
            # "Conte's office said he would travel to Paris": the one whose office it is
            whose = next((c for c in self.sent.children[k] if self.sent.dep[c] == "poss"), None)
            owner = self.resolve_one(whose, depth + 1) if whose is not None else None
            if owner is not None and owner.person and owner.code:
                return attrs.evolve(owner, token=i)
        if a is not None and k is not None and pronoun in THING_PRONOUNS and a.plural and not a.person \
                and self.sent.lemma[k] in GROUP_NOUNS:
            # "A group of former rebels ... said it had 'arrested' Zeidan": the group, one
            return attrs.evolve(a, plural=False)
        return a if a is not None and _compatible(pronoun, a) else None

    def _reporting_subject_token(self, i: int) -> int | None:
        """The subject token of the verb reporting the clause whose subject ``i`` is."""
        s = self.sent
        v = s.head[i]
        if s.dep[i] not in ("nsubj", "nsubjpass") or s.dep[v] != "ccomp":
            return None
        subj = next((c for c in s.children[s.head[v]] if s.dep[c] == "nsubj" and c < i), None)
        if subj is None and s.dep[s.head[v]] == "conj":
            # "ECOWAS gave the junta one week ... and said it could use force": the subject
            # the reporting verb shares with the verb it is joined to
            subj = subject_of(s, s.head[v])
            subj = subj if subj is not None and subj < i else None
        return subj

    def _reporting_subject(self, i: int, depth: int) -> Actor | None:
        """The actor that is the subject of the verb reporting the clause whose subject
        ``i`` is ("Moussa Faki said he was outraged": Faki), if any."""
        return self._subject_actor(self._reporting_subject_token(i) if depth < 3 else None, depth)

    def _subject_actor(self, subj: int | None, depth: int) -> Actor | None:
        """The coded actor a reporting subject token names (a pronoun names none here)."""
        if subj is None or self.sent.pos[subj] == "PRON":
            return None
        a = self.resolve_one(subj, depth + 1)
        return a if a is not None and a.code else None

    def _with_pair(self, i: int, depth: int) -> tuple[Actor, Actor] | None:
        """For "they", the subject of a clause hung on a verb, the two people of that verb:
        its subject and whom it names with "with" (or the name in apposition to it):
        "Wong raised the issue with her Chinese counterpart, Wang Yi, when they met"."""
        s = self.sent
        if depth > 1 or s.dep[i] != "nsubj":
            return None
        # the nearest verb before with a subject and a "with" phrase (the clause of "they"
        # may hang anywhere: "..., Wang Yi, when they met", parsed on the name)
        h = next((k for k in range(i - 1, -1, -1) if s.pos[k] in ("VERB", "AUX")
                  and any(s.dep[c] == "nsubj" for c in s.children[k])
                  and any(s.dep[c] == "prep" and s.lower[c] == "with" for c in s.children[k])), None)
        if h is None:
            return None
        subj = next(c for c in s.children[h] if s.dep[c] == "nsubj")
        partner = next((o for p in s.children[h] if s.dep[p] == "prep" and s.lower[p] == "with"
                        and (o := phrase_object(s, p)) is not None), None)
        if partner is None or any(s.lemma[k] in ("they", "we") or s.tag[k] in ("NNS", "NNPS")
                                  for k in range(partner + 1, i)):
            return None
        named = next((c for c in s.children[partner] if s.dep[c] == "appos"), partner)
        first = self.resolve_one(subj, depth + 1)
        second = self.resolve_one(named, depth + 1) or self.resolve_one(partner, depth + 1)
        if first is None or second is None or not (first.person and second.person) \
                or not first.code or not second.code or first.code == second.code:
            return None
        return first, second

    def _loyal_to(self, i: int) -> int | None:
        """Whom the noun ``i`` is "loyal to" ("gunmen loyal to a warlord"), if it says."""
        s = self.sent
        after = [i + 1] if i + 1 < len(s) and s.head[i + 1] == s.head[i] else []  # (hung on the verb)
        for c in [*s.children[i], *after]:
            if s.lemma[c] == "loyal":
                for p in s.children[c]:
                    if s.dep[p] == "prep" and s.lower[p] == "to":
                        return phrase_object(s, p)
        return None

    def _own_subject(self, i: int) -> frozenset[int]:
        """The subject of the verb a pronoun is the object of, which the pronoun cannot
        mean ("Britain imposed sanctions on the ministers, accusing them of ...": "them"
        are not Britain; a reflexive would say so)."""
        s = self.sent
        if s.dep[i] == "poss" and self._answered(s.head[i]):
            # "The French foreign ministry rejected its remarks": whose words one answers
            # are another's
            return self._governing_subject(s.head[i])
        if s.lower[i] not in OBJECT_PRONOUNS:
            return frozenset()
        return self._governing_subject(i)

    def _object_subject(self, i: int) -> int | None:
        """The subject of the verb whose object ``i`` is, directly or through a
        preposition (or the verb a purpose infinitive serves), if any."""
        s = self.sent
        v = s.head[i]
        if s.dep[i] == "pobj" and s.dep[v] in ("prep", "dative"):
            v = s.head[v]
            if s.pos[v] == "NOUN" and s.dep[v] in ("dobj", "obj"):
                v = s.head[v]  # "held talks with him": not the one who held them
        elif s.dep[i] not in ("dobj", "obj", "dative"):
            return None
        if s.pos[v] not in ("VERB", "AUX"):
            return None
        subj = subject_of(s, v)
        h = s.head[v]
        if s.dep[v] == "acl" and h != v and s.dep[h] in ("dobj", "obj") and s.head[h] != h \
                and any(s.lower[c] == "to" for c in s.children[v]):
            # "Security forces fired tear gas and live ammunition to disperse them", the
            # purpose hung on the object: who fired does the dispersing
            subj = subject_of(s, s.head[h])
        elif subj is None and s.dep[v] == "advcl" and h != v and s.tag[v] == "VB" \
                and any(s.lower[c] == "to" for c in s.children[v]):
            # "police fired rubber bullets ... to disperse them": the purpose on the verb
            subj = subject_of(s, h)
        return subj

    def _governing_subject(self, i: int) -> frozenset[int]:
        """The subject (with its conjuncts) of the verb whose object ``i`` is, directly or
        through a preposition."""
        s = self.sent
        subj = self._object_subject(i)
        if subj is None:
            return frozenset()
        # the subject's conjuncts and the mentions inside its phrase: "U.S. Secretary of
        # State Antony Blinken spoke to Saied ... and urged him": not the title's "Secretary
        # of State"
        own = frozenset(k for c in self.conjuncts(subj) for k in s.subtree(c))
        if s.pos[subj] == "PRON" and s.lower[subj] in REFERRING_PRONOUNS - FIRST_PERSON:
            # "Amnesty said it had reports that ... and accused them of ...": nor whom the
            # subject pronoun means in the sentence
            a = self.resolve_one(subj, 2)
            if a is not None and a.code:
                own |= {m.token for m in self.all_mentions() if m.code == a.code and m.token < subj}
        return own

    def _subject_side(self, i: int, depth: int = 0) -> frozenset[int]:
        """The subject of the verb whose object ``i`` is, and every mention of the
        sentence of the subject's country: who "its government" or "both countries" in
        the object cannot mean ("Modi ... offered his condolences to both countries")."""
        subject = self._governing_subject(i)
        countries = {country_of(a.code) for k in subject
                     if depth < 3 and (a := self.resolve_one(k, depth + 1)) is not None}
        countries.discard(None)
        return subject | {a.token for a in self.all_mentions()
                          if a.code and country_of(a.code) in countries}

    def owner(self, i: int) -> list[Actor]:
        """Whose thing a noun is: "Pakistan's claims", "the claims by Pakistan", "the
        agreement that Congo and Rwanda signed"."""
        s = self.sent
        drafter = self._drafter(i)
        if drafter is not None:
            return [drafter]
        for c in s.children[i]:
            if s.dep[c] == "poss":
                return self.resolve(c)
            if s.dep[c] == "prep" and s.lower[c] in ("by", "from"):
                for p in s.children[c]:
                    if s.dep[p] == "pobj":
                        return self.resolve(p)
        for c in s.children[i]:
            if relative_object(s, c) is not None or (s.lemma[i] in MANNER_NOUNS and s.dep[c] == "relcl"):
                # "the peace agreement that Congo and Rwanda signed": theirs; "the way the
                # Philippine authorities had handled the crisis": how they acted
                subj = next((g for g in s.children[c] if s.dep[g] == "nsubj"
                             and s.pos[g] in ("PROPN", "NOUN")), None)
                if subj is not None:
                    return self.resolve(subj)
        return []

    def _answered(self, n: int) -> bool:
        """Whether noun ``n`` is words a verb answers ("rejected its remarks"): whoever owns
        them is not the one who answers."""
        s = self.sent
        return s.lemma[n] in ANSWERED_NOUNS and s.head[n] != n and s.lemma[s.head[n]] in ANSWERING_LEMMAS

    def _drafter(self, i: int) -> Actor | None:
        """Who wrote the thing at token ``i``, named in a hyphenated modifier ("a
        U.S.-drafted resolution", "a French-proposed plan")."""
        s = self.sent
        for c in s.children[i]:
            if s.dep[c] == "amod" and "-" in s.words[c]:
                name, _, made = s.words[c].rpartition("-")
                if made.lower() in DRAFTING_PARTICIPLES and name:
                    return self._named_text(name, c)
        return None

    def _named_text(self, text: str, i: int) -> Actor | None:
        """The actor a dictionary phrase names when it is all of ``text``, a part of token
        ``i`` ("U.S." of "U.S.-drafted")."""
        words = text.split()
        found = self.dicts.actors.matches([w.lower() for w in words], words)
        if len(found) != 1 or found[0][:2] != (0, len(words)):
            return None
        entry = found[0][2]
        code = entry.code_on(self.date)
        return Actor(code, text, i, str(entry.origin or "")) if code else None

    def named(self, i: int) -> Actor | None:
        """The actor a dictionary phrase names at token ``i`` (no agents, no pronouns)."""
        m = self.actor_at[i]
        if m is None:
            return None
        start, end, entry = m
        code = entry.code_on(self.date)
        if someone_elses_name(self.sent, start, end, code, entry.person,
                              lambda j: self.actor_at[j] is not None or self.agent_at[j] is not None):
            return None
        if entry.person and end - start == 1:
            # "Pakistani Foreign Secretary Salman Bashir ... Bashir accused India": a
            # surname the story gave another person's full name with is that person, not
            # the one the dictionary knows by it alone (Omar al-Bashir)
            earlier = self.context.person_named_before(self.sent.words[start])
            if earlier is not None and code is not None and earlier.code != code:
                self.trace.append(f"{self.sent.words[start]!r} -> {earlier.text!r} ({earlier.code}), "
                                  f"named earlier in the story")
                return attrs.evolve(earlier, token=i)
        if code is None:
            self.trace.append(f"actor {entry.text!r} ({entry.origin}) has no code on {self.date}")
            return None
        person = entry.person
        s = self.sent
        if not person and end - start == 1 and code[3:6] == "GOV" and country_of(code) \
                and s.dep[start] == "compound" and s.lemma[s.head[start]] in NAMED_AFTER_PLACE:
            # "the Minsk ceasefire agreement", "the Astana process": a city that names an
            # agreement or a round of talks, not its government
            self.trace.append(f"{entry.text!r} names {s.words[s.head[start]]!r}: no actor")
            return None
        owner = next((c for c in s.children[end - 1] if s.dep[c] == "poss" and c < start), None)
        if not person and len(code) >= 6 and owner is not None and "party" in entry.text.lower().split():
            whose = self.named(owner) or self.resolve_one(owner, 2)
            if whose is not None and country_of(whose.code) and country_of(whose.code) != country_of(code):
                # "Mutharika's Democratic Progressive Party" (Malawi's, not Taiwan's): a
                # party of that name owned by another country's leader is his; owned by
                # another country, it is none the dictionaries know
                self.trace.append(f"{entry.text!r} owned by {whose.text!r} ({whose.code}): not {code}")
                if not whose.person:
                    return None
                return Actor(whose.code, s.span_text(start, end), i, whose.rule)
        if bare_congress(s, start, end, code) \
                and not any(s.dep[c] in ("poss", "compound", "amod") and self.actor_at[c] is not None
                            for c in s.children[start]) \
                and (home := self.host_country or self.default_country) in CONGRESS_COUNTRIES:
            # "BRASILIA (AP) - Thousands of supporters of Bolsonaro stormed Congress", "broke
            # into the Congress building": in a story from a country whose legislature is a
            # congress, it is that one
            self.trace.append(f"{s.words[start]!r} in a story of {home}: {home}LEG")
            code = home + "LEG"
        return Actor(code, self.sent.span_text(start, end), i, str(entry.origin or ""),
                     person=person, plural=not person and self.sent.tag[end - 1] in ("NNS", "NNPS"))

    # -- rules ------------------------------------------------------------------------
    def _conjunct_country(self, i: int, depth: int) -> str | None:
        """The country of a state actor coordinated with token ``i`` ("the government and the
        opposition", "the opposition and Venezuela's government")."""
        s = self.sent
        others = [c for c in s.children[i] if s.dep[c] == "conj"]
        if s.dep[i] == "conj":
            others.append(s.head[i])
        for k in others:
            a = self.resolve_one(k, depth + 1)
            if a is not None and not a.inferred and a.code[3:6] in STATE_ORGANS and country_of(a.code):
                return country_of(a.code)
        return None

    def host_for(self, i: int) -> str | None:
        """The country where police, civilians or the opposition at token ``i`` are, when
        no country is named for them (``HOST_ROLES``): the nearest place phrase's, else the
        story's dateline's (None without either)."""
        near = min(self.places_named, key=lambda p: abs(p[0] - i), default=None)
        return near[1] if near is not None else self.host_country

    def _resolve(self, i: int, depth: int) -> Actor | None:
        s = self.sent
        low = s.lower[i]
        n = i + 1
        if s.lemma[i] in GROUP_NOUNS and n < len(s) and self.actor_at[n] is not None \
                and ((s.pos[n] not in ("NOUN", "PROPN") and s.head[n] != i)
                     or (s.dep[n] == "appos" and s.head[n] == i)):
            # "the West African bloc ECOWAS", with the parser taking "ECOWAS" for a verb, "the
            # militant group Jundallah": the name right after the noun is the group
            named = self.named(n)
            if named is not None:
                return attrs.evolve(named, token=i)
        if s.lemma[i] in AUTHORED_NOUNS and depth < 3 and self.actor_at[i] is None \
                and self.agent_at[i] is None:
            by = next((phrase_object(s, c) for c in s.children[i]
                       if s.dep[c] == "prep" and s.lower[c] == "by"), None)
            author = self.resolve_one(by, depth + 1) if by is not None else None
            if author is not None and author.code:
                # "The report by a U.N. panel found ...": a text speaks for whoever wrote it
                # (and "It recommended ..." after it is the panel)
                return attrs.evolve(author, token=i, person=False)
        if s.pos[i] == "PRON" or low in PERSONAL_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
            if low in RELATIVE_PRONOUNS:
                v = s.head[i]
                if s.dep[i] in ("dobj", "obj") and s.dep[v] == "relcl" and depth < 3:
                    # "the ruling party, which he accused of undermining democracy": the noun
                    # the clause is on
                    a = self.resolve_one(s.head[v], depth + 1)
                    return attrs.evolve(a, token=i) if a is not None else None
                return None
            if low in SECOND_PERSON:
                return None  # "We will hunt you down": whom a speaker addresses is unsaid
            if low not in REFERRING_PRONOUNS:
                return None  # "what", "something", "this": no one earlier in the story
            if low in FIRST_PERSON:
                # "'We will not forgive,' President Joe Biden said": the speaker
                return self._speaker(i, depth)
            if low in REFLEXIVE_PRONOUNS:
                # "The bomber blew himself up": its own clause's subject, or no one
                subj = subject_of(s, s.head[i]) if s.head[i] != i else None
                own = self.resolve_one(subj, depth + 1) \
                    if subj is not None and subj != i and depth < 3 else None
                return attrs.evolve(own, token=i) if own is not None else None
            withpair = self._with_pair(i, depth) if low == "they" else None
            if withpair is not None:
                # "Wong raised the issue with her Chinese counterpart, Wang Yi, when they
                # met": the one who acted and the one acted with
                self.trace.append(f"pronoun {s.words[i]!r} -> {withpair[0].text!r} and {withpair[1].text!r}")
                self._extra[i] = [attrs.evolve(withpair[1], token=i)]
                return attrs.evolve(withpair[0], token=i)
            reporter = self._reporter(i, low, depth)
            ante = (reporter or self._own_possessor(i, low, depth)
                    or self.context.antecedent(low, i, self, self._own_subject(i)))
            if ante is not None:
                self.trace.append(f"pronoun {s.words[i]!r} -> {ante.text!r} ({ante.code})")
                if low in PLURAL_PRONOUNS and ante.token < i and (
                        ante is reporter or ante in self.all_mentions()):
                    # ("Both sides said they had agreed": the pair the reporting subject is)
                    # "Gondor and Osgiliath have postponed their meeting": all of them
                    extra = [a for c in self.conjuncts(ante.token)[1:]
                             if (a := self.resolve_one(c, depth + 1)) is not None]
                    # ("welcomed the two leaders, where they put their names to the
                    # treaty": both of the pair)
                    extra += self._extra.get(ante.token, [])
                    if extra:
                        self._extra[i] = [attrs.evolve(a, token=i) for a in extra]
                return attrs.evolve(ante, token=i)
            return None
        if depth < 3 and s.pos[i] in ("NOUN", "PROPN"):
            for c in s.children[i]:
                if s.dep[c] == "acl" and s.lemma[c] in ("know", "call", "name") and s.tag[c] == "VBN":
                    # "Islamic State's Afghan affiliate, known as ISIS-K": the name it goes by
                    p = next((phrase_object(s, g) for g in s.children[c]
                              if s.dep[g] == "prep" and s.lower[g] == "as"), None)
                    named = self.resolve_one(p, depth + 1) if p is not None else None
                    if named is not None:
                        return attrs.evolve(named, token=i)
        if s.lower[i] in ("north", "south") and s.pos[i] == "PROPN" and s.dep[i] != "compound" \
                and any(s.lower[c] == "the" for c in s.children[i]) \
                and not any(s.dep[c] == "compound" for c in s.children[i]):
            # "warned that it would respond if the North took further steps": the North or
            # South of a country the story named so ("North Korea")
            named = self.context.half_named(s.words[i], i, self)
            if named is not None:
                half = country_of(named.code) or ""
                self.trace.append(f"'the {s.words[i]}' -> {named.text!r}: {half}")
                return Actor(half, f"the {s.words[i]}", i, named.rule)
        if s.lemma[i] in ("predecessor", "successor") and depth < 2:
            # "Mahathir accused his predecessor": the other person of the owner's country
            # named before (Najib Razak), not the owner
            poss = next((c for c in s.children[i] if s.dep[c] == "poss"), None)
            whose = self.resolve_one(poss, depth + 1) if poss is not None else None
            other = self.context.person_other_than(whose, i, self) if whose is not None else None
            if other is not None:
                self.trace.append(f"{s.words[i]!r} -> {other.text!r} ({other.code})")
                return attrs.evolve(other, token=i)
        if s.lemma[i] in PAIR_NOUNS and PAIR_NOUNS[s.lemma[i]] is not None and s.tag[i] == "NN":
            # "his country", "its government": the country of the one the pronoun means
            poss = next((c for c in s.children[i] if s.dep[c] == "poss" and s.pos[c] == "PRON"), None)
            meant = self.resolve_one(poss, depth + 1) if poss is not None and depth < 3 else None
            country = country_of(meant.code) if meant is not None else None
            if poss is not None and country is not None and s.lower[poss] in THING_PRONOUNS | PLURAL_PRONOUNS:
                # "Petro ... broke off relations with Israel, accusing its government of
                # genocide": the government the subject accuses is not its own
                side = self._subject_side(i, depth)
                if any(country_of(a.code) == country for a in self.all_mentions() if a.token in side):
                    other = self.context.antecedent(s.lower[poss], poss, self, side)
                    meant = other if other is not None and country_of(other.code) else meant
                    country = country_of(meant.code) if meant is not None else None
            if poss is not None and meant is not None and country is not None:
                role = PAIR_NOUNS[s.lemma[i]]
                return Actor(compose(country, role) if role else country,
                             s.span_text(poss, i + 1), i, meant.rule)
        count = next((PARTY_COUNTS[s.lower[c]] for c in s.children[i] if s.lower[c] in PARTY_COUNTS), 0) \
            if s.lemma[i] in PAIR_NOUNS and s.tag[i] == "NNS" and depth <= 2 else 0
        if count and (count == 2 or any(s.lower[c] == "the" for c in s.children[i])) and (
                s.lemma[i] not in ("man", "woman") or any(s.lower[c] == "the" for c in s.children[i])):
            pair = self.context.pair(i, self, self._subject_side(i, depth), count,
                                     s.lemma[i] in PERSON_NOUNS, PAIR_NOUNS[s.lemma[i]] is not None)
            if pair:
                role = PAIR_NOUNS[s.lemma[i]]
                text = s.span_text(min(c for c in [i, *s.children[i]] if c <= i), i + 1)
                actors = [Actor(a.code if role is None else compose(country_of(a.code) or a.code, role)
                                if role else (country_of(a.code) or a.code), text, i, a.rule)
                          for a in pair]
                self.trace.append(f"{text!r} -> {', '.join(a.code for a in actors)}")
                self._extra[i] = actors[1:]
                return actors[0]
        if depth == 0 and s.dep[i] in ("nsubj", "nsubjpass") and s.lower[i] in PARTY_COUNTS and (
                s.lower[i] == "both" or any(s.lower[c] == "the" for c in s.children[i])):
            # "Remengesau welcomed Esper, and the two held talks": the pair named nearest,
            # people first
            pair = self.context.pair(i, self, self._subject_side(i, depth), PARTY_COUNTS[s.lower[i]], True)
            if pair:
                self.trace.append(f"{s.words[i]!r} -> {', '.join(a.code for a in pair)}")
                self._extra[i] = [attrs.evolve(a, token=i) for a in pair[1:]]
                return attrs.evolve(pair[0], token=i)
        named = self.named(i)
        if named is not None and len(named.code) == 3 and not named.person:
            shared = self._shared_head(i)
            if shared is not None:
                # "Kyrgyz and Tajik troops", the parser joining "Kyrgyz" to "troops": the
                # first nationality shares the head noun of the second
                role, prefix, head = shared
                code = compose(named.code, role, prefix)
                self.trace.append(f"{s.words[i]!r} shares {s.words[head]!r} -> {code}")
                return attrs.evolve(named, code=code, plural=True)
        if named is not None and not named.person and len(named.code) == 6 and country_of(named.code) \
                and (m := self.actor_at[i]) is not None and m[1] - m[0] == 1 and depth < 3:
            # "Protesters stormed Paraguay's Congress": an institution named by one word
            # ("Congress", the US legislature alone) of another country's owner is that
            # country's
            poss = next((c for c in s.children[i] if s.dep[c] == "poss"), None)
            whose = self.resolve_one(poss, depth + 1) if poss is not None else None
            if poss is not None and whose is not None and len(whose.code) == 3 \
                    and whose.code != country_of(named.code) \
                    and country_of(whose.code) == whose.code:
                code = whose.code + named.code[3:]
                self.trace.append(f"{s.span_text(poss, i + 1)!r}: {named.code} of {whose.code} -> {code}")
                return attrs.evolve(named, code=code)
        if named is not None:
            if named.person and named.code[3:6] == "ELI" and s.pos[i] == "PROPN" and any(
                    (held := self.agent_at[k]) is not None and held[2].role == "OPP"
                    for k in self._left_modifiers(i)):
                # "Opposition MP Kieren Keke", a former minister: in opposition now
                code = named.code[:3] + "OPP"
                self.trace.append(f"{named.text!r} ({named.code}) with an opposition title -> {code}")
                return attrs.evolve(named, code=code)
            if len(named.code) == 3 and s.pos[i] == "PROPN":
                # "Bree Prime Minister Romendacil" for a person known only by country:
                # the title before the name says the role
                held = next((self.agent_at[k] for k in reversed(self._left_modifiers(i))
                             if self.agent_at[k] is not None and self.actor_at[k] is None), None)
                if held is not None and held[2].role not in GENERIC_ROLES:
                    code = compose(named.code, held[2].role, held[2].prefix)
                    self.trace.append(f"{named.text!r} ({named.code}) with the title "
                                      f"{s.span_text(held[0], held[1])!r} -> {code}")
                    return attrs.evolve(named, code=code, person=True)
            if named.person and depth < 2:
                # "Alpha Conde, the current chairman of the African Union, condemned ...":
                # a leader who speaks as an organisation's chair acts for it
                for c in s.children[i]:
                    if s.dep[c] == "appos" and s.lemma[c] in CHAIR_NOUNS and not any(
                            s.lower[g] in ("deputy", "vice", "former") for g in s.children[c]):
                        chaired = self.resolve_one(c, depth + 1)
                        if chaired is not None and chaired.code.startswith("IGO"):
                            self.trace.append(f"{named.text!r} as {s.span_text(c, c + 1)!r} of "
                                              f"{chaired.text!r} -> {chaired.code}")
                            return attrs.evolve(chaired, token=i, person=True)
            return named
        # (a name the tagger took for a common noun opening the sentence: "Patino accused
        # the British government ...", or inside it: "accused Santos of failing")
        if (s.pos[i] == "PROPN" or (s.pos[i] == "NOUN" and s.words[i][:1].isupper() and (
                (i == 0 and s.dep[i] in ("nsubj", "nsubjpass")) or (i > 0 and s.words[i][1:].islower())))) \
                and self.actor_at[i] is None \
                and (self.agent_at[i] is None or self._surname_like(i)) \
                and s.dep[i] not in ("compound", "amod") and not any(
                    s.dep[c] == "compound" and s.lower[c].rstrip(".") not in HONORIFICS
                    for c in s.children[i]):
            # "Chung said Kim had expressed his eagerness ...": a name alone that is part of
            # a person's name given earlier in the story ("North Korean leader Kim Jong Un")
            earlier = self.context.person_named(s.words[i], i, self)
            if earlier is not None:
                self.trace.append(f"{s.words[i]!r} -> {earlier.text!r} ({earlier.code})")
                return attrs.evolve(earlier, token=i)
        agent = self.agent_at[i]
        if agent is None and depth < 3 and not (s.lemma[i] in FOLLOWER_NOUNS and any(
                self.actor_at[k] is not None for k in self._left_modifiers(i))):
            # "thousands of protesters", "a group of Afghan refugees", "supporters of
            # Imran Khan": the "of" phrase
            for p in counted(s, i):
                a = self.resolve_one(p, depth + 1)
                if a is not None:
                    self._extra[i] = self._extra.get(p, [])
                    return attrs.evolve(a, token=i)
        # Modifiers before the head: "Iranian authorities", "Iran's foreign minister",
        # "Foreign Minister Lavrov" (the title is an agent among the modifiers),
        # "opposition activists" (a more telling agent before a generic one).
        owner: Actor | None = None
        owner_token = -1
        pair_owners: list[Actor] = []
        title: tuple[int, int, AgentEntry] | None = None
        for k in reversed(self._left_modifiers(i)):
            if owner is None and self.actor_at[k] is not None and not self._inside(k, agent):
                owner = self.named(k)
                owner_token = k
            if title is None and self.agent_at[k] is not None and not self._inside(k, agent):
                title = self.agent_at[k]
        if owner is not None and owner.code.startswith("IGO") and s.lemma[i] in DIPLOMAT_NOUNS:
            # "Russia's U.N. ambassador": posted to the U.N., acting for Russia
            for k in reversed(self._left_modifiers(i)):
                state = self.named(k) if k < owner_token and self.actor_at[k] is not None else None
                if state is not None and country_of(state.code) and not state.code.startswith("IGO"):
                    owner, owner_token = state, k
                    break
        if title is not None and ((agent is None and (s.pos[i] == "PROPN" or s.lemma[i] in FACILITY_NOUNS
                                                      or s.lemma[i] in PARTY_NOUNS
                                                      or (s.lemma[i] in UTTERANCE_NOUNS
                                                          and s.dep[i] in ("nsubj", "nsubjpass"))))
                                  or (agent is not None and agent[2].role in GENERIC_ROLES)
                                  or (agent is not None and agent[2].role == "GOV"
                                      and s.lemma[i] in SPEAKER_NOUNS and title[2].role not in ("GOV", "MIL"))
                                  or (agent is not None and s.lemma[i] in INSTITUTION_NOUNS
                                      and title[2].role in ("MIL", "COP"))
                                  or (agent is not None and agent[2].role == "MIL"
                                      and s.lemma[i] in ("army", "force") and title[2].role in ARMED_ROLES)):
            # "a military aviation school", "a gendarmerie training school": the force's;
            # "an ethnic rebel army", "rebel forces": the rebels' ("rebel soldiers" in a
            # coup are mutinous soldiers)
            agent = title
        # A phrase after the head: "police in Pakistan", "spokesman for the ministry";
        # after the last of coordinated agents it belongs to all of them, though the
        # parser hangs it on the first: "lawmakers and officials in Arnor".
        if owner is None and (agent is not None) and depth < 3:
            phrase_heads = [i]
            if s.dep[i] == "conj" and self.agent_at[s.head[i]] is not None:
                phrase_heads.append(s.head[i])
            preps = [c for h in phrase_heads for c in s.children[h] if c > i]
            if s.dep[i] in ("dobj", "obj") and (after := s.subtree(i)[-1] + 1) < len(s) \
                    and s.lower[after] == "in" and s.head[after] == s.head[i]:
                # "accused the authorities in Brazzaville of ...", the parser hanging "in
                # Brazzaville" on the verb: right after the agent, it is the agent's
                preps.append(after)
            owned = any(s.dep[c] == "poss" and s.pos[c] == "PRON" for c in s.children[i])
            for c in preps:
                if owned and s.lower[c] in ("in", "at"):
                    continue  # "its embassy in Damascus", "their forces in Syria": where, not whose
                if s.dep[c] == "prep" and s.lower[c] in LINKING_PREPS:
                    for p in s.children[c]:
                        if s.dep[p] == "pobj":
                            owner = self.resolve_one(p, depth + 1)
                            if owner is not None and owner.code[3:6] == "CVL" and len(owner.code) == 6 \
                                    and agent[2].role in STATE_ORGANS and s.lower[c] == "of":
                                # "accused the army of massacring civilians", the parser
                                # hanging "of ... civilians" on the army: not an army of them
                                owner = None
                            if owner is not None:
                                owner_token = p
                                break
                if owner is not None:
                    if s.lower[c] in ("for", "of") and agent[2].role == "GOV" \
                            and s.lemma[i] in SPEAKER_NOUNS and len(owner.code) > 3 \
                            and owner.code[3:6] != "GOV" and country_of(owner.code):
                        # "a spokesman for the Pakistani army" (PAKMIL), "the foreign
                        # affairs spokeswoman for Australia's opposition Labor party" (AUSOPP):
                        # who speaks for a body other than the government is that body's
                        return attrs.evolve(owner, token=i, person=True,
                                            text=s.span_text(agent[0], max(owner.token, p) + 1))
                    break
        if owner is None and agent is not None and depth < 3:
            pair_token = next((c for c in s.children[i] if s.dep[c] == "poss" and s.lemma[c] in PAIR_NOUNS
                               and s.tag[c] == "NNS"), None)
            pair_first = self.resolve_one(pair_token, depth) if pair_token is not None else None
            if pair_first is not None and pair_token is not None:
                owner, owner_token = pair_first, pair_token
        if agent is not None and owner is None and agent[2].role in ARMED_ROLES \
                and (depth == 0 or (depth == 1 and s.dep[i] == "poss")) \
                and any(s.lower[c] in ("the", "all") for c in s.children[i]):
            # "the rebels", "the paramilitary group", "all four gunmen": the armed group the
            # story named (also as an owner: "appalled by the militants' brutality")
            ante = self.context.group(i, self)
            if ante is not None:
                self.trace.append(f"{s.words[i]!r} -> the group named before, {ante.text!r} ({ante.code})")
                return attrs.evolve(ante, token=i, person=False)
        mods = [c for c in s.children[i] if c < i and s.dep[c] in MODIFIER_DEPS and s.dep[c] != "det"
                and not _based(s, c)]
        if agent is not None and owner is None and depth == 0 and (s.tag[i] == "NN" or mods) \
                and any(s.lower[c] == "the" for c in s.children[i]) and agent[1] == i + 1 \
                and all(s.dep[c] in ("compound", "amod") and self.actor_at[c] is None for c in mods):
            # "the government" after "Mali's transitional government", "the morality
            # police" after "the morality police" of Iran: the one named
            words = [s.lower[k] for k in range(min([i, *mods]), i + 1)]
            speaker = self._reporting_subject(i, depth) if not mods and agent[2].role == "GOV" else None
            home = country_of(speaker.code) if speaker is not None and not speaker.plural \
                and speaker.code[3:6] in ("", "GOV") else None
            if speaker is not None and home:
                # "Australian Trade Minister Simon Birmingham said the government was
                # considering an appeal": the speaker's own government
                self.trace.append(f"{s.words[i]!r} -> the government of the one who said so ({home})")
                return Actor(compose(home, "GOV"), s.span_text(min([i, *mods]), i + 1), i, speaker.rule)
            ante = self.context.named_head(s.lower[i], i, self) if not mods \
                else self.context.named_phrase(words, i, self)
            if ante is not None:
                self.trace.append(f"{s.words[i]!r} -> the one named before, {ante.text!r} ({ante.code})")
                return attrs.evolve(ante, token=i, person=ante.person and s.lemma[i] in PERSON_NOUNS)
        if agent is not None and owner is None and depth < 3:
            # "its forces", "their leaders": the country or group the pronoun means
            poss = next((c for c in s.children[i] if s.dep[c] == "poss" and s.pos[c] == "PRON"
                         and s.lower[c] in THING_PRONOUNS | PLURAL_PRONOUNS | PERSONAL_PRONOUNS), None)
            meant = self.resolve_one(poss, depth + 1) if poss is not None else None
            if meant is not None and not meant.person and country_of(meant.code):
                owner = meant
            elif meant is not None and poss is not None and not meant.person and armed_group(meant.code) \
                    and agent[2].role in ARMED_ROLES:
                # "militants of the Islamic State ... showed their fighters executing
                # soldiers": an armed group's own fighters are the group
                self.trace.append(f"{s.span_text(poss, i + 1)!r} -> {meant.text!r} ({meant.code})")
                return attrs.evolve(meant, token=i, person=False)
            elif poss is None and (name := next((c for c in s.children[i] if s.dep[c] == "poss"
                                                 and s.pos[c] == "PROPN" and self.actor_at[c] is None),
                                                None)) is not None \
                    and (whose := self.resolve_one(name, depth + 1)) is not None and whose.person \
                    and (home := country_of(whose.code)):
                # "Prime Minister Charlot Salwai's government": a person known by title
                # only, whose country the title took from the story, owns it
                owner = attrs.evolve(whose, code=home)
            elif poss is not None and meant is not None and s.lower[poss] == "their" \
                    and (home := country_of(meant.code)) and self._extra.get(poss):
                # "Officials from both countries said their border commissions would meet":
                # "their" is the pair, one owner each
                owner = attrs.evolve(meant, code=home)
                pair_owners = [attrs.evolve(a, code=theirs) for a in self._extra[poss]
                               if (theirs := country_of(a.code)) and theirs != home]
            elif poss is not None and s.lower[poss] == "their" and depth == 0 \
                    and (meant is None or meant.person):
                # "Modi held talks with Sharif. Their foreign secretaries will meet": the
                # two leaders' countries, one each
                both = self.context.pair(i, self, frozenset(), 2, True)
                if both and all(a.person and country_of(a.code) for a in both):
                    owner, pair_owners = both[0], both[1:]
        if agent is not None and owner is None and any(
                s.lemma[p] in NATION_NOUNS and s.tag[p] == "NNS" and depth < 2
                and self.resolve_one(p, depth + 1) is None for p in self._of_objects(i)):
            # "the leaders of more than 30 countries": of many countries, none the story's
            self.trace.append(f"agent {s.words[i]!r}: of many countries, no one actor")
            return None
        if agent is not None:
            start, end, entry = agent
            # (a person with a government title and no country: the dateline's country,
            # "Deputy Prime Minister Kamal Thapa" in a story from Nepal that names India most)
            titled = entry.role == "GOV" and (s.pos[i] == "PROPN" or (
                s.lemma[i] in HOME_OFFICE_NOUNS and any(s.lower[c] == "the" for c in s.children[i])))
            guess = (self.host_for(i) or self.default_country) if entry.role in HOST_ROLES \
                else (self.host_country or self.default_country) if titled else self.default_country
            if owner is None and entry.role == "OPP" and depth < 2 \
                    and (partner := self._conjunct_country(i, depth)) is not None:
                # "Venezuela's government and the opposition signed an agreement in
                # Barbados": the opposition of the government it is named with
                guess = partner
            if owner is None and entry.role in ("COP", "MIL", "SPY", "UAF") and depth == 0:
                # "Macedonian police fired tear gas at refugees ... Police later detained
                # ten of them": the police (army, intelligence, armed men) told of in the
                # three sentences before, not the dateline's or a place's (a place phrase
                # first cost a held-out event; the whole story two; government agents,
                # nine); not past a sentence since that set a scene of its own ("Sudanese
                # police fired tear gas ... In Tunis, hundreds of protesters scaled the walls
                # ... Police fired tear gas" are Tunisia's; any place phrase since, not only a
                # fronted one, cost two held-out events)
                before = None
                for sa in reversed(self.context.previous[-3:]):
                    before = next((a for a in sa.all_mentions()
                                   if a.code[3:6] == entry.role and country_of(a.code)), None)
                    if before is not None or sa.sent.index in self.context.fronted:
                        break
                if before is None and entry.role == "UAF" and any(s.lower[c] == "the" for c in s.children[i]):
                    # "a gunman stormed the embassy in Tehran ... The attacker burst into the
                    # embassy": the armed men told of anywhere before, of the country given
                    # them there
                    before = next((a for sa in reversed(self.context.previous) for a in sa.all_mentions()
                                   if a.code[3:6] == "UAF" and country_of(a.code)), None)
                if before is not None:
                    guess = country_of(before.code)
            country = owner.code if owner is not None else (guess or "---")
            if owner is None and guess:
                self.trace.append(f"agent {s.words[i]!r}: country {guess} from the story")
            role = entry.role
            if role == "GOV" and s.lemma[i] in LEADER_NOUNS and (owner is None or (
                    len(owner.code) == 3 and s.lemma[owner_token] in BODY_NOUNS)):
                # ("leaders of the Hong Kong Federation of Students": the country is the
                # body's, the role its members')
                # ("the leader of seven months of protests": through the span)
                led = next((r for p in self._of_objects(i) for q in (
                    p, *(self._of_objects(p) if s.lemma[p] in SPAN_NOUNS else ()))
                    if (r := self._movement_role(q)) is not None), None)
                if led is not None:
                    # "police arrested the leader of the movement": a movement's leader,
                    # not the government's
                    role = led
                    self.trace.append(f"agent {s.words[i]!r} of a {led} body -> {led}")
            if role in ("GOV", "LEG", "JUD") and any(s.lower[c] in FORMER_WORDS
                                                      for c in s.children[i] if c < i):
                # "a former Honduran president": the nationality between the words keeps
                # the phrase "former president" (ELI) from matching
                role = "ELI"
                self.trace.append(f"agent {s.words[i]!r}: former -> ELI")
            if role == "CVL" and owner is None and s.lemma[i] in PROTESTER_NOUNS \
                    and any(s.lower[c] in ("the", "these", "those") for c in s.children[i]) \
                    and (followers := self.context.protesting_followers(country)) is not None:
                # "Supporters of the Movement for Democratic Change burned cars ... Soldiers
                # fired on the protesters": the opposition's followers told of before
                role = "OPP"
                self.trace.append(f"agent {s.words[i]!r}: the followers told of before, "
                                  f"{followers.text!r} -> OPP")
            if role == "CVL" and _armed(s, i):
                # "mobs armed with hunting rifles attacked villages": people who bear arms
                # are an armed group with no affiliation
                role = "UAF"
                self.trace.append(f"agent {s.words[i]!r}: armed -> UAF")
            if role == "UAF" and depth < 2 and (leader := self._loyal_to(i)) is not None and (
                    {s.lemma[k] for k in s.subtree(leader)} & REBEL_WORDS
                    or not any(a.code[3:6] in STATE_ORGANS for a in self.resolve(leader))):
                # "gunmen loyal to a former opposition warlord", "fighters loyal to Abdullo
                # Rakhimov, a former opposition commander": armed men of someone not the
                # state's are rebels
                role = "REB"
                self.trace.append(f"agent {s.words[i]!r}: loyal to {s.words[leader]!r} -> REB")
            if role == "GOV" and s.lemma[i] == "counterpart" and depth < 2 \
                    and (peer := self._counterpart_of(i, depth)) is not None:
                # "Indian army commanders held a flag meeting with their Chinese
                # counterparts": the counterparts hold the subject's office (CHNMIL)
                role = peer
                self.trace.append(f"agent {s.words[i]!r}: counterpart of a {peer}")
            code = compose(country, role, entry.prefix)
            first = min([start, *(k for k in self._left_modifiers(i))])
            text = s.span_text(first if owner is not None else start, max(end, i + 1))
            rule = str(entry.origin or "")
            if owner is not None and owner.rule:
                rule = f"{owner.rule} + {rule}"
            # "Indian and Pakistani troops": one actor per coordinated owner
            co_owners = self._co_owners(owner_token, i)
            if owner is not None and owner_token >= 0 and s.dep[owner_token] in ("poss", "pobj") \
                    and s.lemma[owner_token] in PAIR_NOUNS:
                # "the two countries' armies", "officials from both countries": the pair's,
                # both
                co_owners += self._extra.get(owner_token, [])
            co_owners += pair_owners
            extra = [Actor(compose(o.code, entry.role, entry.prefix), text, i,
                           f"{o.rule} + {entry.origin or ''}") for o in co_owners]
            if extra:
                self._extra[i] = extra
            # a name at the head is a person's ("Foreign Minister Lavrov"); a common noun the
            # tagger took for a name is not ("Taiwan's defence ministry said it ...")
            # ("Guterres", "Fernandes": names the tagger reads as plural are not)
            name = s.tag[i] == "NNP" or (s.tag[i] == "NNPS" and s.lemma[i] == s.lower[i])
            # ("Tien Chung-kwang": the last part of a hyphenated name is still the name)
            capital = s.words[i][:1].isupper() or (
                s.pos[i] == "PROPN" and i >= 2 and s.words[i - 1] == "-" and s.words[i - 2][:1].isupper())
            return Actor(code, text, i, rule, person=s.lemma[i] in PERSON_NOUNS or (
                             (name or s.pos[i] == "PROPN") and capital),
                         plural=s.tag[i] == "NNS" or (s.tag[i] == "NNPS" and not name),
                         inferred=owner is None and bool(guess))
        # Apposition: "Balkhi, spokesman for the Taliban foreign ministry" (a person; "the
        # West African bloc ECOWAS" is the bloc, no person)
        for c in s.children[i]:
            if s.dep[c] == "appos" and depth < 3:
                a = self.resolve_one(c, depth + 1)
                if a is not None:
                    person = a.person or s.pos[i] == "PROPN" or s.lemma[i] in PERSON_NOUNS
                    return attrs.evolve(a, person=person, token=i)
        if s.pos[i] == "PROPN" and depth < 3:
            # "Vera Grabe, who heads the government's delegation": a person who heads,
            # leads or commands a body the dictionaries place acts for it
            for c in s.children[i]:
                if s.dep[c] == "relcl" and s.lemma[c] in LEADING_VERBS:
                    obj = next((g for g in s.children[c] if s.dep[g] in ("dobj", "obj")), None)
                    a = self.resolve_one(obj, depth + 1) if obj is not None else None
                    if a is not None:
                        return attrs.evolve(a, person=True, token=i)
        if s.lemma[i] in TERRITORY_HEADS and depth < 3:
            # "Moldova's breakaway region of Transnistria": the territory the dictionaries
            # name, not the state it broke from
            a = self._named_of(i, depth, lambda a: not a.person)
            if a is not None:
                return a
        if (owner is None or owner.code in REGIONS) and s.lemma[i] in COUNTRY_NOUNS and depth < 3:
            # "the Pacific island nation of Nauru", "the kingdom of Bahrain": the country
            a = self._named_of(i, depth, lambda a: country_of(a.code) == a.code)
            if a is not None:
                return a
            if owner is not None and s.tag[i] == "NN" and any(s.lower[c] == "the" for c in s.children[i]):
                # "arrived in the Central Asian country", "the West African nation" after
                # Kazakhstan, Mali: the country named last (its sentence, then the three
                # before)
                named = self.context.country_named(i, self)
                if named is not None:
                    self.trace.append(f"{s.span_text(min(s.subtree(i)), i + 1)!r} -> {named.text!r} "
                                      f"({named.code})")
                    return attrs.evolve(named, token=i, person=False)
        if owner is None and agent is None and s.lemma[i] in OFFICE_NOUNS and depth < 3:
            # "the ICC prosecutor said his office was investigating": the office acts for
            # the one who heads it
            poss = next((c for c in s.children[i] if s.dep[c] == "poss" and s.pos[c] == "PRON"), None)
            meant = self.resolve_one(poss, depth + 1) if poss is not None else None
            if meant is not None:
                return attrs.evolve(meant, token=i, person=False)
        if owner is None and (s.lemma[i] in PERSON_NOUNS or s.lemma[i] in ORGAN_NOUNS) \
                and s.tag[i] == "NN" and depth < 3:
            # "the head of the U.N. mission's rights division": a person of what it heads;
            # "the board of the IAEA": the IAEA
            for pobj in self._of_objects(i):
                a = self.resolve_one(pobj, depth + 1)
                if a is not None:
                    return attrs.evolve(a, token=i, person=s.lemma[i] in PERSON_NOUNS)
        if owner is not None and s.lemma[i] in PEACEKEEPING_POSTS and owner.code in PEACEKEEPING_IGOS \
                and not any(s.lemma[c] in AID_MODIFIERS for c in s.children[i]):
            # "an African Union base", "a U.N. convoy": the organisation's peacekeepers (a
            # "U.N. aid convoy" is the organisation's own)
            return attrs.evolve(owner, code=owner.code + "PKO", token=i)
        if agent is None and s.pos[i] == "NOUN" and (drafter := self._drafter(i)) is not None:
            # "vetoed a U.S.-drafted U.N. Security Council resolution": the drafter's, not
            # the body's the other modifiers name
            return attrs.evolve(drafter, token=i)
        # The head is unknown but a modifier is an actor: "a Russian delegation" is Russia,
        # "Israeli and Hamas negotiators" are Israel and Hamas.
        if owner is not None and s.pos[i] in ("NOUN", "PROPN"):
            poss = next((c for c in s.children[i] if s.dep[c] == "poss"), None)
            if agent is None and poss is not None and poss != owner_token and depth < 3 \
                    and self.agent_at[poss] is not None and owner_token in s.subtree(poss):
                # "the Myanmar military's operation": the military's, not Myanmar's
                whose = self.resolve_one(poss, depth + 1)
                if whose is not None:
                    return attrs.evolve(whose, token=i)
            extra = [attrs.evolve(o, token=i) for o in self._co_owners(owner_token, i)]
            if extra:
                self._extra[i] = extra
            return attrs.evolve(owner, token=i)
        if agent is None and depth == 0 and ((s.pos[i] == "NOUN" and s.tag[i] == "NN")
                                             or s.lower[i] in BLOC_NOUNS or self._bare_proper(i)) \
                and any(s.lower[c] == "the" for c in s.children[i]):
            # "the council" after "the U.N. Human Rights Council": the one named; "The
            # Council voted" with the capital of the name
            ante = self.context.named_head(s.lower[i], i, self)
            if ante is not None:
                self.trace.append(f"{s.words[i]!r} -> the one named before, {ante.text!r} ({ante.code})")
                return attrs.evolve(ante, token=i)
        if agent is None and depth == 0 and s.lemma[i] == "officer" and self._bare(i):
            # "National police chief Leon Charles said officers had killed four suspects":
            # officers alone are of the police or the army named last, if one is
            force = self.context.force(i, self)
            if force is not None:
                self.trace.append(f"{s.words[i]!r} -> of {force.text!r} ({force.code})")
                return Actor(force.code, s.words[i], i, force.rule, plural=s.tag[i] == "NNS",
                             inferred=force.inferred)
        return None

    def _bare_proper(self, i: int) -> bool:
        """A capitalised singular noun with "the" alone before it and nothing after it
        ("The Council voted"): a name's last word standing for the whole name."""
        s = self.sent
        return s.tag[i] == "NNP" and s.words[i][:1].isupper() and all(
            s.dep[c] in ("det", "punct") for c in s.children[i]) \
            and not (i + 1 < len(s) and s.tag[i + 1] == "NNP")

    def _bare(self, i: int) -> bool:
        """Whether noun ``i`` has no modifier before it but a determiner ("the officers",
        "officers"; not "army officers")."""
        s = self.sent
        return not any(c < i and s.dep[c] in MODIFIER_DEPS and s.dep[c] != "det" for c in s.children[i])

    def _co_owners(self, owner_token: int, head: int) -> list[Actor]:
        """The actors coordinated with the owner of ``head``: a modifier ("Indian and
        Pakistani troops") or a prepositional phrase ("lawmakers in Arnor and Gondor")."""
        s = self.sent
        if owner_token < 0:
            return []
        root = owner_token
        while s.dep[root] == "conj" and s.head[root] != root:
            root = s.head[root]
        out = []
        for c in self.conjuncts(root):
            if c != owner_token:
                a = self.named(c)
                if a is not None:
                    out.append(a)
        return out

    def _named_of(self, i: int, depth: int, test: Callable[[Actor], bool]) -> Actor | None:
        """The actor a name in an "of" phrase of noun ``i`` is, if it passes ``test``
        ("the kingdom of Bahrain", "the region of Transnistria"), as the noun's."""
        s = self.sent
        for pobj in self._of_objects(i):
            a = self.resolve_one(pobj, depth + 1) if s.pos[pobj] == "PROPN" else None
            if a is not None and test(a):
                return attrs.evolve(a, token=i)
        return None

    def _counterpart_of(self, i: int, depth: int) -> str | None:
        """The role other than GOV of the subject of the verb whose object "counterpart(s)"
        ``i`` is (MIL for "army commanders held a flag meeting with their ...
        counterparts"), else None."""
        subj = self._object_subject(i)
        a = self.resolve_one(subj, depth + 1) if subj is not None else None
        role = a.code[3:6] if a is not None and country_of(a.code) else ""
        return role if role in ("MIL", "COP", "SPY", "LEG", "JUD") else None

    def _movement_role(self, k: int) -> str | None:
        """The role of the people a non-state body at token ``k`` gathers, when no
        dictionary names it: "the movement", "the protests" (CVL), "the union" (LAB)."""
        s = self.sent
        if self.actor_at[k] is not None or (
                self.agent_at[k] is not None and s.lemma[k] not in MOVEMENT_ROLES):
            return None
        if s.lemma[k] in BODY_NOUNS:
            # "the Hong Kong Federation of Students", "the Association of Journalists": the
            # people it gathers
            of = next((g[2].role for o in self._of_objects(k) if (g := self.agent_at[o]) is not None
                       and g[2].role in MEMBER_ROLES), None)
            if of is not None:
                return of
        return MOVEMENT_ROLES.get(s.lemma[k])

    def _inside(self, k: int, match: tuple[int, int, object] | None) -> bool:
        return match is not None and match[0] <= k < match[1]

    def _left_modifiers(self, i: int) -> list[int]:
        """Tokens of the modifiers standing before the head (their whole subtrees)."""
        s = self.sent
        out: list[int] = []
        for c in s.children[i]:
            if c < i and s.dep[c] in MODIFIER_DEPS and not _based(s, c):
                out.extend(s.subtree(c))
        out.sort()
        return out
