"""Predicate matching: which verb or noun pattern a token of a parsed sentence fits.

Pure functions over a :class:`~eventcoder.parse.Sentence`. A pattern's words are looked
for around the predicate in the dependency parse (docs/dictionaries.md): particles,
prepositions attached to the predicate or its object, and words inside the object or
the prepositional phrase just opened; ``+`` and ``$`` pick the target and the source.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import attrs

from .dates import MONTH_NAMES, WEEKDAY_NAMES
from .dictionaries import FramePattern, VerbPattern
from .dictionaries.native import ACT, ALTERNATIVE, PREPOSITIONS, SKIP
from .dictionaries.registry import PatternList
from .parse import Sentence

__all__ = ["Clause", "PatternMatch", "bare_infinitive", "clause", "complement_of", "is_infinitive",
           "is_negated", "match_frame", "match_predicate", "name_subject", "own_tokens", "predicate_fits",
           "relative_object", "subject_of"]

PREP_DEPS = frozenset({"prep", "agent", "dative"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
# Conjunctions of a clause that reports an event of its own, even inside a pattern's
# phrase or an allegation: "accused X of targeting civilians after a missile struck ...".
OWN_EVENT_MARKS = frozenset({"after", "when", "as", "since", "because", "while", "before"})
# A preposition whose object does what the verb's infinitive says: "called on X to ...".
CONTROL_PREPS = frozenset({"on", "upon", "to"})
# Adverbs the parser may attach as advmod where a pattern has a particle: "hit back at",
# "press ahead with", "pulled back from".
ADVERB_PARTICLES = frozenset({"back", "ahead", "away", "forward", "together", "apart", "aside",
                              "down", "out", "off", "up", "in", "over"})
# A pattern's "word by/from +" is also met by the word's possessor: "Ukraine's request"
OWNER_PREPS = frozenset({"by", "from"})
TIME_NOUNS = frozenset({*WEEKDAY_NAMES, "day", "week", "weekend", "month", "year", "morning",
                        "afternoon", "evening", "night", "date", "occasion"})
ACT_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "acl", "relcl"})


@attrs.frozen
class Clause:
    """The arguments of a predicate: subject (source) and object (target) tokens."""

    subject: int | None
    object: int | None
    passive: bool
    # an infinitive that continues a verb with no object of its own ("threatened to
    # attack American warships"): the pattern reads on into it, as PETRARCH reads the
    # words that follow a verb
    extension: int | None = None


@attrs.frozen
class PatternMatch:
    """A pattern that fits a predicate, with the tokens it picked."""

    pattern: VerbPattern | FramePattern
    target: int | None
    source: int | None
    consumed: frozenset[int]
    with_target: bool = False  # the target came through "with +" (symmetric actions)
    skipped: frozenset[int] = frozenset()  # a phrase the pattern steps over: no target there

    @property
    def code(self) -> str:
        """The event code of a predicate pattern (frames have maps, not codes)."""
        if not isinstance(self.pattern, VerbPattern):
            raise TypeError("a frame pattern has no code of its own")
        return self.pattern.code


# Verbs whose infinitive did not happen: "failed to reach an agreement"
FAILURE_VERBS = frozenset({"fail", "refrain"})


def is_negated(sent: Sentence, i: int) -> bool:
    """A predicate with a negation ("not", "n't", "never") attached, or the infinitive of
    a verb of failure ("failed to reach an agreement", "refrained from") or of an ability
    denied ("were unable to agree", "are not able to meet")."""
    if any(sent.dep[c] == "neg" for c in sent.children[i]):
        return True
    h = sent.head[i]
    if sent.dep[i] == "pcomp" and sent.dep[h] == "prep":
        h = sent.head[h]  # "refrained from attacking"
    elif sent.dep[i] != "xcomp":
        return False
    if sent.lower[h] in ("able", "unable") and h != i:
        # "were unable to agree", "are not able to work together": the infinitive of an
        # ability denied
        cop = sent.head[h] if sent.dep[h] == "acomp" else h
        return sent.lower[h] == "unable" or any(sent.dep[c] == "neg"
                                                for k in (h, cop) for c in sent.children[k])
    return sent.lemma[h] in FAILURE_VERBS


def is_passive(sent: Sentence, v: int) -> bool:
    """A passive verb, or a participle coordinated with one ("were beaten and detained")."""
    if any(sent.dep[c] in ("nsubjpass", "auxpass") for c in sent.children[v]):
        return True
    h = sent.head[v]
    return (sent.dep[v] == "conj" and sent.tag[v] == "VBN" and h != v
            and any(sent.dep[c] in ("nsubjpass", "auxpass") for c in sent.children[h])
            and not any(sent.dep[c] in SUBJECT_DEPS for c in sent.children[v]))


def phrase_object(sent: Sentence, prep: int | None) -> int | None:
    """The object of a preposition ("by" -> "the police"), or None."""
    if prep is None:
        return None
    for c in sent.children[prep]:
        if sent.dep[c] in ("pobj", "pcomp"):
            return c
    return None


def stray_subject(sent: Sentence, k: int) -> bool:
    """A name the parser joined to the noun before it that is the subject of the verb right
    after it: "condemned the killings, and US President Barack Obama denounced the attack"
    ("Obama" a conjunct of "killings", "denounced" a clause with no subject)."""
    n = k + 1
    return (n < len(sent) and sent.dep[k] == "conj" and sent.pos[k] == "PROPN"
            and sent.pos[sent.head[k]] == "NOUN" and sent.pos[n] == "VERB"
            and sent.tag[n] in ("VBD", "VBZ") and sent.dep[n] in ("ccomp", "conj", "advcl")
            and not any(sent.dep[c] in SUBJECT_DEPS or sent.dep[c] == "nsubjpass"
                        for c in sent.children[n]))


# Verbs that link their subject to an adjective or noun that carries the pattern
COPULAS = frozenset({"be", "stand", "remain", "stay", "seem", "appear", "become"})
# Verbs of an attribution after the clause it reports ("..., the coast guard said, calling
# their presence illegal": the participle is the reporter's)
# What something is said in: "warned in a statement that ...", "told a news conference"
UTTERANCE_NOUNS = frozenset({"statement", "letter", "speech", "address", "interview", "message",
                             "post", "tweet", "note", "communique", "communiqué", "briefing",
                             "broadcast", "conference", "video", "declaration"})
ATTRIBUTION_VERBS = frozenset({"say", "tell", "add", "report", "announce", "state"})
# Acts of speech a speaker goes on to after saying something ("said ... and urged ...")
SPEECH_ACT_VERBS = frozenset({"urge", "call", "appeal", "ask", "press", "demand", "warn", "accuse",
                              "condemn", "criticise", "criticize", "praise", "welcome", "reject",
                              "vow", "pledge", "promise", "threaten", "thank", "invite", "order",
                              "instruct"})
# Participles of mediation, whose "by" phrase names a mediator ("a truce brokered by Egypt")
MEDIATION_PARTICIPLES = frozenset({"broker", "mediate"})
# Nouns of a text that speaks for whoever issued it: "a resolution urging ...", "a
# statement condemning ..."
DOCUMENT_NOUNS = frozenset({"statement", "resolution", "declaration", "communique", "communiqué",
                            "letter", "message", "decree", "motion", "note", "petition"})
# Verbs that stop a document from being issued ("blocked an EU statement criticising
# China") and verbs that answer one issued by others ("rejected a G7 statement ...")
BLOCKING_VERBS = frozenset({"block", "veto", "prevent", "stop", "thwart", "scupper", "torpedo"})
ANSWERING_VERBS = frozenset({"reject", "dismiss", "welcome", "condemn", "criticise", "criticize",
                             "denounce", "slam", "deplore", "praise", "hail", "oppose", "protest",
                             "challenge", "decry", "blast", "refute", "deny"})
# Verbs whose object is the means, not the doer, of their infinitive: "used his speech to
# denounce ...", "took the opportunity to thank ..."
INSTRUMENT_VERBS = frozenset({"use", "take", "seize", "exploit"})


def subject_of(sent: Sentence, v: int, depth: int = 0) -> int | None:
    """The token that acts: the subject, the "by" phrase of a passive, or the controller
    of an infinitive, the shared subject of coordinated verbs, the head of a relative clause.
    """
    if depth > 6:
        return None
    dep = sent.dep
    passive = is_passive(sent, v)
    kids = sent.children[v]
    for n, c in enumerate(kids):
        if dep[c] in SUBJECT_DEPS:
            if sent.lower[c] in RELATIVE_PRONOUNS and dep[v] == "relcl":
                return sent.head[v]
            if dep[v] == "conj" and sent.head[v] != v and c < v and sent.subtree(c)[0] > 0 \
                    and sent.words[sent.subtree(c)[0] - 1] == "," \
                    and any(dep[g] == "cc" and g > c for g in sent.children[c]) \
                    and not any(dep[d] in SUBJECT_DEPS for d in kids[n + 1:]):
                # "Modi made a surprise stop in Pakistan, the first visit by an Indian leader
                # in a decade, and held talks ...": an apposition the parser took for the
                # subject of the verb joined after it; the first verb's subject acts
                return subject_of(sent, sent.head[v], depth + 1)
            # of two subjects the parser gave one verb apart, the nearer before it:
            # "Meeting in the Nigerian capital, ECOWAS leaders imposed ..." ("Meeting" a
            # noun subject), "Lions, tigers, and Gondor welcomed ..."
            # Of two where the first is one bare word right before the second's phrase,
            # they are one name ("Oyet Nathaniel Pierino, deputy leader of ..., condemned",
            # "Oyet" a subject of its own): the second, the name's head
            return next((d for d in kids[n + 1:] if d < v and dep[d] in SUBJECT_DEPS
                         and ("," in sent.words[c:d] or (not sent.children[c] and sent.pos[d] == "PROPN"
                                                         and sent.subtree(d)[0] == c + 1))), c)
        if passive and dep[c] == "agent":
            return phrase_object(sent, c)
    if passive:
        for c in kids:
            if dep[c] == "prep" and sent.lower[c] in ("with", "from"):
                # "was greeted with a handshake by South Korean President Moon Jae-in", "were
                # barred from leaving the country by the immigration department": the "by"
                # phrase hung on the phrase's noun or gerund
                for p in sent.children[c]:
                    by = next((b for b in sent.children[p]
                               if sent.lower[b] == "by" and dep[b] in ("prep", "agent")), None)
                    if dep[p] in ("pobj", "pcomp") and by is not None:
                        return phrase_object(sent, by)
        # "were beaten and detained by riot police": the "by" phrase of a coordinated
        # passive serves both
        for c in sent.children[v]:
            if dep[c] == "conj" and sent.tag[c] == "VBN":
                agent = next((a for a in sent.children[c] if dep[a] == "agent"), None)
                if agent is not None:
                    return phrase_object(sent, agent)
        return None
    if v > 0 and stray_subject(sent, v - 1):
        return v - 1
    h = sent.head[v]
    if dep[v] == "acl" and h != v and dep[h] in SUBJECT_DEPS and any(
            dep[c] in OBJECT_DEPS for c in sent.children[v]) and any(
            c != h and dep[c] in SUBJECT_DEPS and "," in sent.words[h:c]
            for c in sent.children[sent.head[h]]):
        # "Israeli forces arrested 20 Palestinians ..., the Prisoners' Society said", parsed
        # with "arrested" on "forces" and both nouns subjects of "said": the forces arrested
        return h
    for c in sent.children[v]:
        if c < v and dep[c] == "advcl" and sent.tag[c] == "VBG":
            # "Leaders of ECOWAS, meeting in Abuja, urged ...", parsed with the subject
            # under the participle
            subj = next((g for g in sent.children[c] if dep[g] == "nsubj" and g < c), None)
            if subj is not None:
                return subj
    h = sent.head[v]
    if h == v:
        # "Outside the British embassy in Buenos Aires, a few hundred activists burned
        # ...", parsed with the subject in apposition to the fronted phrase's place
        for c in sent.children[v]:
            if c < v and dep[c] == "prep":
                a = next((g for g in sent.subtree(c) if dep[g] == "appos" and g < v
                          and max(sent.subtree(g)) == v - 1 and min(sent.subtree(g)) > 0
                          and sent.words[min(sent.subtree(g)) - 1] == ","), None)
                if a is not None:
                    return a
        return None
    if dep[v] == "conj" and sent.pos[h] in ("VERB", "AUX") and sent.tag[v] == "VBD" \
            and dep[h] in ("acl", "ccomp") and sent.tag[h] in ("VBN", "VBD") \
            and not any(dep[c] in SUBJECT_DEPS for c in sent.children[h]):
        # "it would stop observing limits agreed under a 2015 deal ..., and gave Britain
        # 60 days": a finite verb joined to a participle on a noun belongs to the clause
        # above it, the first verb up the tree with a subject of its own
        k = sent.head[h]
        for _ in range(8):
            if sent.pos[k] in ("VERB", "AUX") and any(dep[c] in SUBJECT_DEPS for c in sent.children[k]):
                return subject_of(sent, k, depth + 1)
            if sent.head[k] == k:
                break
            k = sent.head[k]
    if dep[v] == "conj" and sent.pos[h] in ("VERB", "AUX"):
        k = v - 1
        if k > h and dep[k] == "conj" and sent.pos[k] in ("PROPN", "NOUN") \
                and sent.lemma[sent.head[k]] in TIME_NOUNS and sent.head[sent.head[k]] != k \
                and any(dep[c] == "cc" for c in sent.children[sent.head[k]]):
            # "Venezuela halted oil shipments on Tuesday and Argentina recalled its
            # ambassador", parsed with "Argentina" joined to "Tuesday": its own subject
            return k
        if sent.tag[v] == "VBD" and dep[h] in ("ccomp", "xcomp") and sent.head[h] != h and (
                sent.tag[h] in ("VB", "VBP") or (sent.tag[h] == "VBN" and dep[h] == "ccomp" and any(
                    sent.lower[c] == "had" and dep[c] == "aux" for c in sent.children[h]))
                or (dep[h] == "ccomp" and sent.lemma[v] in SPEECH_ACT_VERBS and sent.head[h] < h
                    and sent.lemma[sent.head[h]] in ATTRIBUTION_VERBS)):
            # "Iran demanded that Britain release the tanker, and summoned the ambassador":
            # a finite verb joined to the bare verb of a clause belongs to the main clause;
            # so does a simple past joined to a reported past perfect ("said the coast
            # guard had acted with restraint, and accused Manila of ..."), and an act of
            # speech joined to what a speaker said ("The United States said Israel had the
            # right to defend itself and urged Hamas to stop ...")
            return subject_of(sent, sent.head[h], depth + 1)
        if sent.tag[v] == "VBD" and sent.lemma[v] in SPEECH_ACT_VERBS and dep[h] == "acl" \
                and any(dep[c] == "mark" and sent.lower[c] == "that" for c in sent.children[h]) \
                and dep[sent.head[h]] in OBJECT_DEPS and sent.pos[sent.head[sent.head[h]]] in ("VERB", "AUX"):
            # "Amnesty said it had credible reports that security forces had shot dead
            # dozens of protesters and accused them of ...": an act of speech joined to
            # the content of a report belongs to whoever has the report
            return subject_of(sent, sent.head[sent.head[h]], depth + 1)
        if is_passive(sent, h):
            # "he was saddened by the loss ..., and offered his condolences": an active
            # verb joined to a passive one shares its subject, not its "by" phrase
            shared = next((c for c in sent.children[h] if dep[c] == "nsubjpass"), None)
            if shared is not None:
                return shared
        return subject_of(sent, h, depth + 1)
    if dep[v] == "xcomp" or shifted_complement(sent, v):
        for c in sent.children[h]:
            if dep[c] in OBJECT_DEPS and sent.lemma[h] not in INSTRUMENT_VERBS:
                return c
        return subject_of(sent, h, depth + 1)
    if dep[v] in ("pcomp", "acomp", "xcomp") or (dep[v] == "prep" and sent.pos[h] in ("AUX", "VERB")):
        # "Arnor is about to restore ...": through "about" to the clause's subject
        return subject_of(sent, h, depth + 1)
    if dep[v] == "advcl" and sent.tag[v] == "VBG":
        if v > 0 and sent.words[v - 1] == "," and dep[h] == "xcomp" and sent.head[h] != h \
                and sent.head[h] < h and any(dep[c] in OBJECT_DEPS for c in sent.children[sent.head[h]]):
            # "Macron urged Lebanon's leaders to carry out reforms, warning during a visit
            # ...": the one who urged warns, not the ones urged
            return subject_of(sent, sent.head[h], depth + 1)
        if v > 0 and sent.words[v - 1] == "," and dep[h] == "ccomp" and sent.head[h] != h \
                and sent.head[h] < h and not (sent.lemma[h] in ATTRIBUTION_VERBS and any(
                    dep[c] in SUBJECT_DEPS for c in sent.children[h]) and sent.words[h - 1] != "that"
                    and "," in sent.words[sent.head[h]:h]):
            # "China demanded that Manila withdraw ..., accusing it of ...": a participle
            # after a comma belongs to the main clause, not to the reported one (unless the
            # main clause comes last: "Gang members hunted down the victims, killing them
            # ..., the U.N. office said")
            return subject_of(sent, sent.head[h], depth + 1)
        if v > 0 and sent.words[v - 1] == "," and max(sent.subtree(v)) >= len(sent) - 2:
            # "agreed to issue guidance ... to improve communication and prevent a repeat
            # ..., wrapping up a two-day summit": a participle closing the sentence after a
            # comma belongs to the main clause, not to the purpose infinitive it hangs on
            k = h
            while dep[k] in ("conj", "advcl", "xcomp") and sent.head[k] != k and (
                    dep[k] != "advcl" or is_infinitive(sent, k)) \
                    and not any(dep[c] in SUBJECT_DEPS for c in sent.children[k]):
                k = sent.head[k]
            if k != h:
                return subject_of(sent, k, depth + 1)
        return subject_of(sent, h, depth + 1)
    if dep[v] == "acl" and sent.tag[v] in ("VBD", "VBN") and not is_infinitive(sent, v) \
            and any(dep[c] in ("dobj", "obj") for c in sent.children[v]) \
            and dep[h] == "pobj" and sent.head[h] != h and sent.head[sent.head[h]] != sent.head[h] \
            and sent.tag[sent.head[sent.head[h]]] == "VBN" \
            and _reduced_relative_root(sent, sent.head[sent.head[h]]):
        # "Gunmen dressed as Dozo hunters killed 134 villagers", parsed with "dressed" as
        # the main verb and "killed" on "hunters": the one who killed is its subject
        return subject_of(sent, sent.head[sent.head[h]], depth + 1)
    if dep[v] == "acl" and (sent.tag[v] == "VBD" or (sent.tag[v] == "VBN" and sent.words[v - 1] == ",")) \
            and dep[h] == "pobj" and sent.head[h] != h:
        g = sent.head[sent.head[h]]  # the verb the phrase hangs on
        if sent.pos[g] in ("VERB", "AUX") and any(dep[c] == "cc" and c < h for c in sent.children[g]):
            # "Bashir flew into Juba and, in a speech, called on Obama to ...", parsed with
            # "called" on "speech": a second verb joined to the first, of its subject
            return subject_of(sent, g, depth + 1)
    if dep[v] == "acl" and sent.tag[v] == "VBN" and sent.lemma[v] in MEDIATION_PARTICIPLES:
        # "a ceasefire brokered by Egypt": the "by" phrase of the participle (of other
        # participles it describes the noun: "rebels backed by Rwanda")
        agent = next((c for c in kids if dep[c] == "agent"), None)
        if agent is not None:
            return phrase_object(sent, agent)
    if dep[v] == "acl" and sent.tag[v] == "VBG" and sent.lemma[h] in DOCUMENT_NOUNS and h != sent.head[h]:
        # "voted for a resolution urging Costa Rica and Nicaragua to withdraw", "issued a
        # statement condemning the strike": the document speaks for who issued it
        return _author(sent, h, depth)
    if dep[v] in ("relcl", "acl") and (sent.tag[v] != "VBN" or (
            sent.head[h] == h and sent.pos[h] in ("PROPN", "NOUN"))):
        # a participle on a noun the parser made the root is the main verb: "Algeria,
        # which cut ties with Rabat in 2021, offered to send aid"
        return h
    if dep[v] == "advcl" and sent.tag[v] == "VBD" and _reduced_relative_root(sent, h) \
            and not any(dep[c] == "mark" for c in sent.children[v]):
        # "Jihadists linked to al-Qaeda killed ...", parsed with "linked" as the main
        # verb and "killed" under it: either way the subject is the one that killed
        return subject_of(sent, h, depth + 1)
    return None


def _author(sent: Sentence, doc: int, depth: int) -> int | None:
    """Who issued the document ``doc``: its owner ("Iran's statement"), or the subject of
    the verb that takes it as object ("adopted a resolution") or through a preposition
    ("voted for a resolution", "said in a statement"). The subject of a verb that answers
    the document is not its author: "China rejected a G7 statement criticising its
    policies" is the G7's (the name on the document, if any); a document blocked or vetoed
    was not issued, and speaks for no one ("Hungary blocked an EU statement criticising
    China")."""
    owner = next((c for c in sent.children[doc] if sent.dep[c] == "poss"), None)
    if owner is not None:
        return owner
    g = governing_verb(sent, doc)
    if g is not None and sent.lemma[g] in BLOCKING_VERBS:
        return None
    if g is None or sent.lemma[g] in ANSWERING_VERBS:
        return next((c for c in sent.children[doc] if sent.dep[c] in ("compound", "amod", "nmod")
                     and sent.pos[c] in ("PROPN", "ADJ") and sent.words[c][:1].isupper()), None)
    return subject_of(sent, g, depth + 1)


def governing_verb(sent: Sentence, n: int) -> int | None:
    """The verb that takes noun ``n`` as its object ("adopted a resolution") or through a
    preposition ("voted for a resolution", "agreed to a ceasefire"), if any."""
    dep, h = sent.dep, sent.head[n]
    if dep[n] == "pobj" and dep[h] == "prep" and sent.head[h] != h:
        h = sent.head[h]
    elif dep[n] not in OBJECT_DEPS or h == n:
        return None
    return h if sent.pos[h] in ("VERB", "AUX") else None


def _reduced_relative_root(sent: Sentence, h: int) -> bool:
    """A main verb in the past with no auxiliary and a subject of its own, as the parser
    reads a participle that modifies the subject ("Jihadists linked to al-Qaeda"); the
    main verb may be reported ("..., security sources said")."""
    return (sent.dep[h] in ("ROOT", "ccomp") and sent.tag[h] in ("VBN", "VBD")
            and not any(sent.dep[c] in ("aux", "auxpass") for c in sent.children[h])
            and any(sent.dep[c] in SUBJECT_DEPS for c in sent.children[h]))


def is_infinitive(sent: Sentence, v: int) -> bool:
    """Whether verb ``v`` has its own "to": "urged Iran *to* negotiate"."""
    return any(sent.dep[a] == "aux" and sent.lower[a] == "to" for a in sent.children[v])


def bare_infinitive(sent: Sentence, c: int) -> bool:
    """``c`` is a clause complement in the bare infinitive: "help Palau *strengthen*",
    "let the inspectors *visit*" (no "to", no auxiliary, no "that")."""
    return sent.dep[c] == "ccomp" and sent.tag[c] == "VB" and not any(
        sent.dep[a] in ("aux", "auxpass", "mark") for a in sent.children[c])


def shifted_complement(sent: Sentence, v: int) -> bool:
    """An infinitive complement the parser read as a purpose clause because a phrase of
    time stands between it and its verb: "North Korea offered on Thursday *to hold* talks"
    (``advcl``, as "offered to hold talks" is an ``xcomp``)."""
    h = sent.head[v]
    if sent.dep[v] != "advcl" or h >= v or sent.pos[h] != "VERB" or sent.pos[v] != "VERB" \
            or not is_infinitive(sent, v) or any(sent.dep[c] in SUBJECT_DEPS for c in sent.children[v]):
        return False
    between = set(range(h + 1, sent.subtree(v)[0]))
    if not between:
        return False
    for c in sent.children[h]:
        if c in between and (_is_time_phrase(sent, c) if sent.dep[c] == "prep" else
                             sent.dep[c] == "npadvmod" and sent.lemma[c] in TIME_NOUNS):
            between.difference_update(sent.subtree(c))
    return not between


def own_tokens(sent: Sentence, k: int) -> frozenset[int]:
    """The tokens of ``k``'s phrase, less the clauses in it that report an event of their
    own ("after a Russian missile struck a hospital", "the agreement that Congo and Rwanda
    signed"); computed once per sentence."""
    key = ("own", k)
    found = sent.memo.get(key)
    if found is None:
        out = set(sent.subtree(k))
        for c in sent.subtree(k):
            if c != k and c in out and _reports_own_event(sent, c):
                out.difference_update(sent.subtree(c))
        found = sent.memo[key] = frozenset(out)
    return found


def _reports_own_event(sent: Sentence, c: int) -> bool:
    """A clause that reports an event of its own: one opened by "after", "when" ...
    ("after a Russian missile struck a hospital"), a relative clause with a subject of
    its own ("the peace agreement that Congo and Rwanda signed") or on a person and set off
    by a comma ("Merz, who promised to send ..."), or a "during" phrase set
    off by a comma, which is on the main clause ("praised X for offering to take in
    deportees, during a visit to San Salvador")."""
    kids = sent.children[c]
    if sent.dep[c] == "prep":
        return sent.lower[c] == "during" and c > 0 and sent.words[c - 1] == ","
    if sent.dep[c] == "advcl":
        # (or a participle set off by a comma: "ordered Rwanda's ambassador to leave the
        # country on Saturday, accusing Kigali of backing M23 rebels")
        return any(sent.dep[m] == "mark" and sent.lower[m] in OWN_EVENT_MARKS for m in kids) or (
            sent.tag[c] == "VBG" and c > 0 and sent.words[c - 1] == ",")
    if sent.dep[c] == "acl" and sent.lemma[c] in MEDIATION_PARTICIPLES:
        # "agreed to a ceasefire brokered by Egypt": the mediation is an event of its own
        return any(sent.dep[m] == "agent" for m in kids)
    if sent.dep[c] == "relcl":
        # or one set off by a comma whose subject is the relative pronoun: "spoke with
        # Chancellor Friedrich Merz, who promised to send more interceptors to Ukraine",
        # "a show of force against North Korea, which denounced the flight"
        # ("welcomed the two leaders at the palace, where they signed the accord": a clause
        # on the place of the act, with a subject of its own)
        return any(sent.dep[m] == "nsubj" and (sent.pos[m] in ("PROPN", "NOUN") or (
            sent.lower[m] in ("who", "which") and m > 0 and sent.words[m - 1] == ",")
            or (any(sent.lower[w] == "where" for w in kids) and _where_it_happened(sent, sent.head[c])))
            for m in kids)
    return False


def _where_it_happened(sent: Sentence, k: int) -> bool:
    """Whether noun ``k`` is the place of the act of its phrase ("at the palace", "in
    Prague"), not where someone went ("a trip to the United States")."""
    p = sent.head[k]
    return sent.dep[k] == "pobj" and p != k and sent.lower[p] in ("at", "in", "inside")


def relative_object(sent: Sentence, v: int) -> int | None:
    """The relative pronoun that is the object of relative clause ``v`` ("the agreement
    *that* Congo and Rwanda signed"), or None."""
    if sent.dep[v] != "relcl":
        return None
    return next((c for c in sent.children[v]
                 if sent.dep[c] in OBJECT_DEPS and sent.lower[c] in RELATIVE_PRONOUNS), None)


# Verbs that say what a thing is ("called the shelling 'unforgivable'", "described the
# attack as ...")
JUDGING_VERBS = frozenset({"call", "describe", "term", "brand", "label", "dub"})


def named_thing(sent: Sentence, v: int) -> int | None:
    """The thing a free relative names when it is the object of ``v``: "condemned *what
    it called* a cowardly massacre", "what he described as an act of barbarism": the
    massacre, the act."""
    for c in sent.children[v]:
        if (sent.dep[c] == "ccomp" and sent.lemma[c] in JUDGING_VERBS
                and any(sent.dep[w] == "dobj" and sent.lower[w] == "what" for w in sent.children[c])):
            for n in sent.children[c]:
                if sent.dep[n] in ("oprd", "attr", "xcomp") and sent.pos[n] in ("NOUN", "PROPN"):
                    return n
                if sent.dep[n] == "prep" and sent.lower[n] == "as":
                    return phrase_object(sent, n)
    return None


def clause(sent: Sentence, v: int) -> Clause:
    """Subject and object of verb ``v``; for a passive the subject is the "by" phrase and
    the object is the grammatical subject."""
    key = ("clause", v)
    found = sent.memo.get(key)
    if found is None:
        found = sent.memo[key] = _clause(sent, v)
    return found


def _clause(sent: Sentence, v: int) -> Clause:
    passive = is_passive(sent, v)
    obj = None
    for c in sent.children[v]:
        if obj is None and ((passive and sent.dep[c] == "nsubjpass")
                            or (not passive and sent.dep[c] in OBJECT_DEPS)):
            obj = c  # the first: a second "object" is mostly a misparsed apposition
    if obj is not None and sent.dep[v] == "relcl" and sent.lower[obj] in RELATIVE_PRONOUNS:
        obj = sent.head[v]  # "the agreement that Congo and Rwanda signed": the agreement
    if obj is None and sent.dep[v] == "acl" and sent.tag[v] == "VBN":
        obj = sent.head[v]  # "the town attacked by rebels"
    if obj is None and passive and sent.dep[v] == "conj":
        # "protesters were beaten and detained": the first passive's subject
        obj = next((c for c in sent.children[sent.head[v]] if sent.dep[c] == "nsubjpass"), None)
        if obj is None and sent.pos[sent.head[v]] == "VERB" and not is_passive(sent, sent.head[v]):
            # "Kim stepped across the line and was greeted ... by Moon": the active verb's
            # subject is the one the passive is done to
            obj = next((c for c in sent.children[sent.head[v]] if sent.dep[c] == "nsubj"), None)
    if obj is None and not passive:
        # "gave the French ambassador 48 hours to leave", the time parsed as an adverbial
        # noun: the one given to is the object
        obj = next((c for c in sent.children[v] if sent.dep[c] == "dative" and sent.pos[c] != "ADP"), None)
    if obj is None and not passive:
        # "would help Palau strengthen its patrols": the one helped, parsed as the subject
        # of a bare infinitive (no "to", no auxiliary), is the object
        obj = next((sub for c in sent.children[v] if bare_infinitive(sent, c)
                    for sub in sent.children[c] if sent.dep[sub] == "nsubj" and sub < c), None)
    if obj is None and not passive:
        # "rejected on Wednesday Argentina's call for talks", parsed as one phrase "on
        # Wednesday Argentina's call": the object after the day
        obj = next((p for c in sent.children[v] if sent.dep[c] == "prep" and sent.lower[c] == "on"
                    and c + 2 < len(sent) and sent.lower[c + 1] in WEEKDAY_NAMES
                    and sent.dep[c + 1] == "compound"
                    for p in sent.children[c] if sent.dep[p] == "pobj" and p > c + 2), None)
    if obj is None and not passive:
        obj = named_thing(sent, v)
    if obj is None and sent.lemma[v] in COPULAS:
        # a copula's complement carries the pattern: "was ready to meet", "is
        # concerned about", "stood ready to send", "remained committed to"
        obj = next((c for c in sent.children[v] if sent.dep[c] in ("acomp", "attr")), None)
    return Clause(subject_of(sent, v), obj, passive)


# Verbs that stand against what they take: "vowed to block any new sanctions on Russia"
# is no vow of sanctions, so the pattern is not read on into their object
BLOCKING_VERBS = frozenset({"block", "oppose", "veto", "prevent", "resist", "obstruct", "thwart", "stall",
                            "avert", "avoid", "stop", "halt", "fight", "challenge"})


def complement_of(sent: Sentence, v: int) -> int | None:
    """The infinitive complement that continues verb ``v`` when ``v`` has no object of its
    own: "threatened to attack American warships", "promised to provide aid to
    Afghanistan". A complement with a subject of its own is a clause, not a continuation."""
    key = ("complement", v)
    if key in sent.memo:
        return sent.memo[key]  # type: ignore[no-any-return]
    dep, children = sent.dep, sent.children
    found = None
    if not any(dep[c] in OBJECT_DEPS or dep[c] == "nsubjpass" for c in children[v]):
        found = next((c for c in children[v] if (dep[c] == "xcomp" or shifted_complement(sent, c))
                      and sent.pos[c] == "VERB" and is_infinitive(sent, c)
                      and sent.lemma[c] not in BLOCKING_VERBS
                      and not any(dep[g] in SUBJECT_DEPS for g in children[c])), None)
        if found is not None and any(
                dep[p] == "prep" and p < found and sent.lower[p] in CONTROL_PREPS
                and not any(sent.lemma[o] in TIME_NOUNS for o in children[p]) for p in children[v]):
            found = None  # "called on allies to send ...": the allies are to act, not the caller
    sent.memo[key] = found
    return found


def _extended(sent: Sentence, v: int, cl: Clause) -> Clause:
    """``cl`` read on into the infinitive complement of ``v``, if there is one."""
    if cl.object is not None or cl.passive:
        return cl
    c = complement_of(sent, v)
    if c is None:
        return cl
    obj = next((g for g in sent.children[c] if sent.dep[g] in OBJECT_DEPS), None)
    return Clause(cl.subject, obj, False, c)


def _next_pobj(sent: Sentence, word: int, v: int) -> int | None:
    """The object of the first prepositional phrase after ``word``, on it or on ``v``."""
    for h in (word, v):
        for c in sent.children[h]:
            if c > word and sent.dep[c] in PREP_DEPS:
                p = phrase_object(sent, c)
                if p is not None:
                    return p
    return None


def _word_tokens(sent: Sentence, root: int, word: str) -> list[int]:
    """The tokens under ``root`` whose lemma or form is ``word``, outside the relative
    clauses under it ("accused France of endangering the life of Morales, whose plane was
    forced to land ... on suspicion that ... spy agency contractor Snowden was on board" is
    no accusation of spying). A word inside a proper name is not the word: "held talks at
    the Peace House" are no peace talks."""
    lemma, lower = sent.lemma, sent.lower
    return [c for c in _scope(sent, root) if (lemma[c] == word or lower[c] == word)
            and not _in_name(sent, c)]


def _in_name(sent: Sentence, c: int) -> bool:
    """A capitalised word that modifies a proper noun within one name ("Peace" in "Peace
    House")."""
    return sent.pos[c] == "PROPN" and sent.dep[c] == "compound" and sent.pos[sent.head[c]] == "PROPN" \
        and sent.words[c][:1].isupper()


def _scope(sent: Sentence, root: int) -> list[int]:
    """The tokens under ``root`` a pattern's words are looked for in: its subtree less the
    relative clauses under it; computed once per sentence."""
    under = sent.subtree(root)
    if "relcl" not in sent.dep:
        return under
    key = ("scope", root)
    found = sent.memo.get(key)
    if found is None:
        inside = {t for c in under if sent.dep[c] == "relcl" and c != root for t in sent.subtree(c)}
        found = sent.memo[key] = [c for c in under if c not in inside] if inside else under
    return found  # type: ignore[no-any-return]


def _purpose_at(elements: tuple[str, ...], k: int) -> bool:
    """Whether the "to" at ``elements[k]`` may open a purpose infinitive: after a word of
    what is done ("send troop to help +"), not right after the verb ("- * {TO SUPPLY}")"""
    return k > 0 and elements[k - 1] not in ("+", "$", SKIP) and elements[k - 1] not in PREPOSITIONS


def _complement_choice(sent: Sentence, v: int, el: str, taken: set[int], purpose: bool = False) -> int | None:
    """The gerund or infinitive complement of ``v`` that is one of the one-word choices of
    element ``el`` ("stop raiding homes" for ``stop &OFFENSIVE``, "to close" for
    ``order + to close|shut``); None if none is."""
    return next((c for w in el.split(ALTERNATIVE) if w and "_" not in w
                 if (c := _complement_verb(sent, v, w, taken, purpose)) is not None), None)


def _complement_verb(sent: Sentence, v: int, word: str, taken: set[int], purpose: bool = False) -> int | None:
    """A gerund or infinitive complement of ``v`` that is ``word``: "stop *fighting*",
    "ordered the advisers to *leave*", "help Palau *strengthen*" (under the verb, or under
    its object); with
    ``purpose`` (the pattern writes the infinitive's "to"), a purpose infinitive too: "sent
    troops to *help* the Philippines"."""
    heads = [v, *(c for c in sent.children[v] if sent.dep[c] in OBJECT_DEPS)]
    for h in heads:
        for c in sent.children[h]:
            if c in taken or sent.pos[c] != "VERB" or (sent.lemma[c] != word and sent.lower[c] != word):
                continue
            if sent.dep[c] in ("xcomp", "acl", "ccomp") and (
                    sent.tag[c] == "VBG" or is_infinitive(sent, c) or bare_infinitive(sent, c)):
                return c
            if purpose and sent.dep[c] == "advcl" and h == v and is_infinitive(sent, c):
                return c
    return None


# Participles whose phrase is their own complement, not the noun's: "recordings related
# to the killing of X", "suspects linked to the attack"
RELATION_PARTICIPLES = frozenset({"relate", "link", "connect", "tie"})
# "sent two planes carrying relief supplies to Fiji": where a carrier goes is where the
# verb sends it
# Participles whose "of" names a charge: "a diplomat accused of targeting a lawmaker"
CHARGE_PARTICIPLES = frozenset({"accuse", "suspect", "convict", "charge", "acquit", "find"})
CARRYING_PARTICIPLES = frozenset({"carry", "bring", "transport", "ferry", "deliver"})


# Prepositions whose phrase of time a pattern names: "gave the KRG until Friday" (139)
DEADLINE_PREPS = frozenset({"until", "till"})


def _find_prep(sent: Sentence, word: str, heads: list[int | None], taken: set[int]) -> int | None:
    """The phrase ``word`` opens on one of ``heads``; a phrase of time ("on Friday") is
    none of a pattern's, unless the pattern asks for a deadline ("give + until")."""
    for h in heads:
        if h is None:
            continue
        for c in sent.children[h]:
            if c not in taken and sent.dep[c] in PREP_DEPS and sent.lower[c] == word \
                    and (word in DEADLINE_PREPS or not _is_time_phrase(sent, c)):
                return c
    for h in heads:
        # "war crimes committed by both Israel and Hamas": the phrase of a participle on
        # the noun is the noun's
        if h is None or sent.pos[h] not in ("NOUN", "PROPN"):
            continue
        for a in sent.children[h]:
            if sent.dep[a] == "acl" and (sent.tag[a] == "VBN" or sent.lemma[a] in CARRYING_PARTICIPLES) \
                    and sent.lemma[a] not in RELATION_PARTICIPLES \
                    and not (word == "of" and sent.lemma[a] in CHARGE_PARTICIPLES):
                # ("a Chinese diplomat accused of targeting a lawmaker": the participle's
                # "of" is what it is accused of, not the pattern's "expel diplomat of +")
                for c in sent.children[a]:
                    if c not in taken and sent.dep[c] in PREP_DEPS and sent.lower[c] == word:
                        return c
            elif sent.dep[a] == "acl" and sent.lemma[a] in RELATION_PARTICIPLES:
                # "shared audio recordings related to the killing of Khashoggi with Saudi
                # Arabia": the parser hangs the verb's phrase on the end of the relation
                for p in (phrase_object(sent, c) for c in sent.children[a] if sent.dep[c] == "prep"):
                    for c in sent.children[p] if p is not None else ():
                        if c not in taken and sent.dep[c] in PREP_DEPS and sent.lower[c] == word \
                                and word not in ("of", "to"):
                            return c
    return None


def _is_time_phrase(sent: Sentence, prep: int) -> bool:
    """"on Friday", "in March"; not "in a march" (a month is a name)."""
    p = phrase_object(sent, prep)
    return p is not None and (sent.lemma[p] in TIME_NOUNS or (
        sent.lower[p] in MONTH_NAMES and sent.words[p][:1].isupper()))


def _match_elements(sent: Sentence, v: int, elements: tuple[str, ...], cl: Clause,
                    act: int | None = None, implicit_target: bool = False
                    ) -> tuple[int | None, int | None, set[int], bool, frozenset[int]] | None:
    """Fit the elements around ``v``: ``(target, source, consumed, with_target, skipped)``
    or None. ``implicit_target``: a pattern's last phrase, the target's ("send aid to
    +"), may be missing once a word of the pattern fitted (a framed act whose target is the
    frame's: "urged NATO to send air defence systems")."""
    anchor: int | None = None
    last: int | None = None
    target = source = None
    used: set[int] = set()   # tokens the pattern consumed (not coded on their own)
    taken: set[int] = set()  # tokens matched by a word of the pattern
    with_target = False
    skipped: frozenset[int] = frozenset()
    obj = cl.object
    n = len(elements)
    filled = False
    for k, el in enumerate(elements):
        if filled:
            filled = False
            continue  # the "+" or "$" a possessor or an indirect object stood for
        if el == SKIP:
            if anchor is not None:
                tok = phrase_object(sent, anchor)
            elif skipped and last is not None:
                tok = _next_pobj(sent, last, v)  # "(AT ^ ^)": the phrase after the last one
            else:
                tok = obj
            if tok is None:
                return None
            skipped = skipped | frozenset(sent.subtree(tok))
            used.update(skipped)
            last, anchor = tok, None
            continue
        if el == "+" and anchor is None and skipped and last is not None:
            # "- * IFTAR (IN ^) +": the phrase after the one stepped over
            tok = _next_pobj(sent, last, v)
            if tok is None:
                return None
            target = tok
            continue
        if el == "+" or el == "$":
            if el == "$" and anchor is None and last is not None and k \
                    and elements[k - 1] not in PREPOSITIONS and elements[k - 1][0] not in "+$<^":
                # "receive money $": the source is in the phrase after the word
                tok = _next_pobj(sent, last, v)
            elif el == "+" and anchor is None and last is not None and last != v \
                    and sent.pos[last] == "VERB" and k and elements[k - 1][0] not in "+$<^":
                # "paused programmes benefiting +": the object of the participle matched
                tok = next((c for c in sent.children[last] if sent.dep[c] in OBJECT_DEPS), None)
                if tok is None:
                    # "to help the Philippines recover": the subject of its clause
                    tok = next((g for c in sent.children[last] if sent.dep[c] in ("ccomp", "xcomp")
                                for g in sent.children[c] if sent.dep[g] == "nsubj"), None)
            else:
                tok = (phrase_object(sent, anchor) if anchor is not None
                       else obj if el == "+" else cl.subject)
            if tok is None:
                return None
            if el == "+":
                target = tok
                with_target = anchor is not None and sent.lower[anchor] == "with"
            else:
                source = tok
            continue
        if el == ACT:
            if act is None or act in taken or not _act_fits(sent, v, act, anchor,
                                                             elements[k - 1] if k else ""):
                return None
            continue
        if el[0] == "^":
            w = el[1:]
            if ALTERNATIVE in w:
                hits = _find_alternative(sent, [c for c in sent.subtree(v) if c < v], w, taken)
                if hits is None:
                    return None
                taken.update(hits)
                continue
            hit = next((c for c in sent.subtree(v) if c < v and c not in taken
                        and (sent.lemma[c] == w or sent.lower[c] == w)), None)
            if hit is None:
                return None
            taken.add(hit)
            continue
        prt = next((c for c in sent.children[v] if sent.lower[c] == el and c not in taken and (
            sent.dep[c] == "prt" or (sent.dep[c] == "advmod" and el in ADVERB_PARTICLES))), None)
        if prt is not None:
            used.add(prt)
            taken.add(prt)
            last = prt  # "pulled back from Kherson": the phrase may hang on the particle
            if el in PREPOSITIONS and phrase_object(sent, prt) is not None:
                # "called on O'Neill to resign", "on" parsed as a particle with an object:
                # the preposition it is
                anchor = prt
            continue
        if el == "that" and k + 1 == n and any(
                sent.dep[c] in ("ccomp", "acl") and any(
                    sent.dep[m] == "mark" and sent.lower[m] == "that" for m in sent.children[c])
                for h in (last, v) if h is not None for c in sent.children[h]):
            # "be concerned that ...", "denied that it had played any part", "rejected
            # claims that ...": a clause opened by "that" on the verb or on the word matched
            # last ("that" is no preposition)
            break
        if el in PREPOSITIONS:
            # after a noun of the pattern its own phrase first: "air strikes on + ... on
            # Saturday" takes "strikes on", not the verb's "on Saturday"
            heads = [last, v, obj, phrase_object(sent, anchor)] if last is not None and k and \
                elements[k - 1] not in PREPOSITIONS else [v, obj, last, phrase_object(sent, anchor)]
            if k == 0 and el == "in" and obj is not None:
                # "stop in +" is no fit for "stop its provocative actions in the South China
                # Sea": a place phrase on an object the pattern does not name is the object's
                heads.remove(obj)
            if cl.extension is not None:
                heads.insert(heads.index(v) + 1, cl.extension)
            if obj is not None:
                # "accused the United States and its allies of aggression": the phrase
                # after coordinated objects hangs on the last of them
                heads.extend(c for c in sent.children[obj] if sent.dep[c] == "conj")
            p = _find_prep(sent, el, heads, taken)
            if p is not None and el == "in" and k + 1 < n and elements[k + 1] == "+" \
                    and (said := phrase_object(sent, p)) is not None and sent.lemma[said] in UTTERANCE_NOUNS:
                # "claimed responsibility for the attack in a statement": where it was said,
                # not the place "claim responsibility for attack in +" names
                return None
            if p is not None:
                anchor = p
                taken.add(p)
                used.update(own_tokens(sent, p))
                continue
            if k + 1 < n and elements[k + 1] == ACT:
                anchor = None
                continue  # "to" / "that" before the framed act: decoration
            if el == "to" and k + 1 < n and _complement_choice(
                    sent, v, elements[k + 1], taken, purpose=_purpose_at(elements, k)) is not None:
                anchor = None
                continue  # "order + to leave": the infinitive's "to"
            if el in OWNER_PREPS and k + 1 < n and elements[k + 1] in ("+", "$") and last is not None \
                    and elements[k - 1] not in PREPOSITIONS:
                # "Kishida's request" fits "request from +", "Hamas's release of" "release by $"
                owner = next((c for c in sent.children[last] if sent.dep[c] == "poss"), None)
                if owner is not None:
                    if elements[k + 1] == "+":
                        target = owner
                    else:
                        source = owner
                    used.add(owner)
                    filled = True
                    continue
            if el in ("to", "for") and elements[k + 1:k + 2] == ("+",) and last is not None:
                # "offered Fiji a loan" fits "offer loan to +", "sold Russia drones" "sell
                # drone to +": the indirect object is the one given to
                given = next((c for c in sent.children[v] if sent.dep[c] == "dative"
                              and sent.pos[c] != "ADP" and c not in taken and c != obj), None)
                if given is not None:
                    target = given
                    filled = True
                    continue
            if implicit_target and elements[k + 1:] == ("+",) and last is not None:
                target = obj  # as a pattern without "+": the object, then its phrases
                break
            return None
        if el in ("that",) and k + 1 < n and elements[k + 1] == ACT:
            anchor = None
            continue
        scope_head = phrase_object(sent, anchor) if anchor is not None else obj
        if ALTERNATIVE in el:
            hits = _find_alternative(sent, _scope(sent, scope_head), el, taken) \
                if scope_head is not None else None
            if hits is None and anchor is None:
                hits = _find_alternative(sent, _second_objects(sent, v, obj), el, taken)
            if hits is None and anchor is None:
                # "stop raiding homes" fits "stop &OFFENSIVE" (raid): a one-word choice as
                # the verb's gerund or infinitive complement
                hit = _complement_choice(sent, v, el, taken)
                hits = [hit] if hit is not None else None
            if hits is None and last is not None and sent.pos[last] == "VERB" and last != v:
                # "order + to close|shut embassy|consulate": the word is under the
                # complement just matched
                hits = _find_alternative(sent, _scope(sent, last), el, taken)
            if hits is None:
                return None
            for hit in hits:
                taken.add(hit)
                used.update(own_tokens(sent, hit))
            last = hits[-1]
            continue
        in_scope = _word_tokens(sent, scope_head, el) if scope_head is not None else []
        if not in_scope and anchor is None:
            in_scope = [c for c in _second_objects(sent, v, obj)
                        if sent.lemma[c] == el or sent.lower[c] == el]
        hit = None
        if anchor is None and not in_scope:
            # "stop fighting", "ordered the advisers to leave": the word is the verb's
            # gerund or infinitive complement
            hit = _complement_verb(sent, v, el, taken, k > 0 and elements[k - 1] == "to"
                                   and _purpose_at(elements, k - 1))
        if hit is None:
            if scope_head is None and not in_scope:
                return None
            hit = next((c for c in in_scope if c not in taken), None)
            if hit is None and last is not None and sent.pos[last] == "VERB" and last != v:
                # "order + to leave country": the word is under the complement just matched
                hit = next((c for c in _word_tokens(sent, last, el) if c not in taken), None)
            if hit is None:
                return None
        last = hit
        taken.add(hit)
        used.update(own_tokens(sent, hit))
    if target is not None and target in taken and any(
            sent.dep[c] == "prt" and c not in taken for c in sent.children[v]):
        # "give up its nuclear weapons" is no "give + &ARMS": a particle the pattern does not
        # have changes the verb, and the target would be the arms themselves
        return None
    if target is None and "+" not in elements:
        # "received aid from $": the one the source acts on is the subject ("was freed
        # from $": the subject of the passive)
        target = (obj if cl.passive else cl.subject) if source is not None and act is None else obj
        if obj is not None:
            used.update(own_tokens(sent, obj))
        if target is not None and target in skipped:
            target = None
    return target, source, used, with_target, skipped


_ALTERNATIVES: dict[str, tuple[tuple[str, ...], ...]] = {}
_BY_FIRST_WORD: dict[str, dict[str, list[tuple[str, ...]]]] = {}


def alternatives(el: str) -> tuple[tuple[str, ...], ...]:
    """The word sequences of an alternatives element: ``military|army|armed_forces`` ->
    (military,), (army,), (armed, forces)."""
    got = _ALTERNATIVES.get(el)
    if got is None:
        got = _ALTERNATIVES[el] = tuple(tuple(w for w in a.split("_") if w)
                                        for a in el.split(ALTERNATIVE) if a.strip("_"))
    return got


def by_first_word(el: str) -> dict[str, list[tuple[str, ...]]]:
    """The word sequences of an alternatives element by their first word, longest first;
    computed once per element."""
    got = _BY_FIRST_WORD.get(el)
    if got is None:
        got = _BY_FIRST_WORD[el] = {}
        for alt in alternatives(el):
            if alt:
                got.setdefault(alt[0], []).append(alt)
        for alts in got.values():
            alts.sort(key=len, reverse=True)  # "food aid" before "food": the longest fits first
    return got


def _second_objects(sent: Sentence, v: int, obj: int | None) -> list[int]:
    """Objects of ``v`` besides ``obj``, and nouns the parser took for adverbial ones:
    "gave Mali's junta two weeks", "gave Niger's junta one week to ..."; and what the
    object is called: "called Maduro's moves a direct threat"."""
    out = [c for c in sent.children[v] if c != obj and (
        sent.dep[c] in ("npadvmod", "oprd") or sent.dep[c] in OBJECT_DEPS)]
    # "called it a heinous and cowardly act": what qualifies the noun it is called
    out += [a for c in out if sent.dep[c] == "oprd" for a in sent.subtree(c)
            if a != c and sent.dep[a] in ("amod", "conj") and sent.pos[a] in ("ADJ", "ADV")]
    if obj is not None:
        # "called Putin's nuclear rhetoric "dangerous and reckless"", the quoted adjective
        # parsed as a modifier after the noun: what it is called
        out += [c for c in sent.subtree(obj) if c > obj and sent.pos[c] == "ADJ"
                and sent.dep[c] in ("amod", "conj") and '"' in sent.words[obj:c]]
    return out


# Nouns of gear and units that an act word can name the kind of: "assault weapons", "attack
# helicopters", "strike force" are no assault, attack or strike
KIND_ACT_WORDS = frozenset({"assault", "attack", "strike", "raid", "combat"})
EQUIPMENT_NOUNS = frozenset({"weapon", "rifle", "gun", "helicopter", "drone", "aircraft", "jet", "plane",
                             "submarine", "vessel", "boat", "ship", "vehicle", "team", "unit", "force",
                             "squad", "dog", "craft", "capability", "capabilities"})


def _equipment_modifier(sent: Sentence, c: int) -> bool:
    """Whether token ``c`` only says what kind of gear or unit its head is ("assault" in
    "assault weapons")."""
    return sent.lemma[c] in KIND_ACT_WORDS and sent.dep[c] in ("compound", "amod") \
        and sent.lemma[sent.head[c]] in EQUIPMENT_NOUNS


def _find_alternative(sent: Sentence, scope: list[int], el: str, taken: set[int]) -> list[int] | None:
    """The tokens of an alternative of ``el`` whose every word is in ``scope``: the first
    token of the scope that begins one (synsets have hundreds of members, so the scope is
    read once, not once per member)."""
    lemma, lower = sent.lemma, sent.lower
    firsts = by_first_word(el)
    for c in scope:
        if c in taken or _equipment_modifier(sent, c):
            continue
        alts = firsts.get(lemma[c]) or firsts.get(lower[c])
        if not alts:
            continue
        for alt in alts:
            hits = [c]
            for w in alt[1:]:
                hit = next((d for d in scope if d not in taken and d not in hits
                            and (lemma[d] == w or lower[d] == w)), None)
                if hit is None:
                    break
                hits.append(hit)
            else:
                return hits
    return None


def _act_fits(sent: Sentence, f: int, act: int, anchor: int | None, before: str) -> bool:
    """Whether ``act`` stands where a frame pattern puts ``<act>``.

    After a preposition of the pattern the act may be that preposition's object ("call
    for the release of ...", "agreed to a ceasefire"); after "to" or "that" it is a clause
    ("urged X to negotiate", "demanded that X leave"); right after the frame verb or its
    target it may also be a noun object ("urged restraint").
    """
    if anchor is not None and phrase_object(sent, anchor) == act:
        return True
    if is_verbal(sent, act):
        h = sent.head[act]
        if not (h == f or sent.dep[act] in ("acl", "relcl")
                or (sent.dep[h] == "acomp" and sent.head[h] == f)):
            return False
        if before == "to":  # an infinitive: "urged Iran to negotiate"
            return sent.dep[act] == "xcomp" or is_infinitive(sent, act)
        return True
    if before in ("to", "that") or before in PREPOSITIONS:
        return False
    return sent.head[act] == f and sent.dep[act] in OBJECT_DEPS


def predicate_fits(sent: Sentence, i: int, patterns: list[VerbPattern],
                   implicit_target: bool = False) -> Iterator[PatternMatch]:
    """Every pattern that fits predicate ``i``, the most specific first (``implicit_target``:
    see ``_match_elements``). Of patterns with as many elements, the one that matched more
    words through choices of several words comes first: "war crimes" fits ``&ATROCITY``
    (094) with the choice "war_crime" and ``&CRIME`` (091) with "crime" alone."""
    present = None
    if isinstance(patterns, PatternList):  # only the patterns whose words are there
        present = _words_under(sent, i)
        patterns = patterns.candidates(present)
    if not patterns:
        return
    kind = patterns[0].kind
    cl = Clause(None, None, False) if kind == "noun" else _extended(sent, i, clause(sent, i))
    # with an indirect object ("offered Fiji a loan") a last "to +" may go unsaid too
    core = implicit_target or (kind == "verb" and any(
        sent.dep[c] == "dative" and sent.pos[c] != "ADP" for c in sent.children[i]))
    tied: list[PatternMatch] = []  # fits of the current specificity
    for p in patterns:
        if tied and p.specificity != tied[0].pattern.specificity:  # type: ignore[union-attr]
            yield from _widest_first(sent, tied, i)
            tied = []
        words = p.core_words if core else p.words
        if words or p.alternative_words:
            if present is None:
                present = _words_under(sent, i)
            if not words <= present or any(present.isdisjoint(a) for a in p.alternative_words):
                continue
        fit = _match_elements(sent, i, p.elements, cl, None, implicit_target)
        if fit is not None:
            target, source, used, with_target, skipped = fit
            tied.append(PatternMatch(p, target, source, frozenset(used), with_target, skipped))
    yield from _widest_first(sent, tied, i)


def _widest_first(sent: Sentence, fits: list[PatternMatch], v: int) -> list[PatternMatch]:
    """Fits of equal specificity, those that matched more tokens with a choice of several
    words ("war_crime") first; otherwise in dictionary order."""
    if len(fits) > 1:
        lemma, lower = sent.lemma, sent.lower

        def named(m: PatternMatch) -> int:
            took = {lemma[k] for k in m.consumed} | {lower[k] for k in m.consumed}
            return sum(max((len(words) for words in choices if words <= took), default=0)
                       for choices in _multiword_choices(m.pattern.elements))

        under = sent.subtree(v)

        def in_target(m: PatternMatch) -> int:
            # a word found only in the target's own phrase fits less well: "launched air
            # strikes on Cambodian military targets" is an air strike, not a "military strike"
            if m.target is None:
                return 0
            phrase = set(sent.subtree(m.target)) - {m.target}  # the target's modifiers
            outside = {w for k in under if k not in phrase for w in (lemma[k], lower[k])}
            words: frozenset[str] = getattr(m.pattern, "words", frozenset())
            return sum(1 for w in words if w not in outside)

        fits.sort(key=lambda m: (-named(m), in_target(m)))
    return fits


@functools.cache
def _multiword_choices(elements: tuple[str, ...]) -> tuple[tuple[frozenset[str], ...], ...]:
    """Per element with choices, the words of each choice of several words."""
    out = []
    for e in elements:
        multi = tuple(frozenset(w for w in a.split("_") if w)
                      for a in e.lstrip("^").split("|") if "_" in a)
        if multi:
            out.append(multi)
    return tuple(out)


def _words_under(sent: Sentence, i: int) -> set[str]:
    """Lemmas and forms of the tokens under ``i``: a pattern needs all its words there."""
    key = ("words", i)
    found = sent.memo.get(key)
    if found is None:
        under = list(sent.subtree(i))
        lemma, lower = sent.lemma, sent.lower
        if relative_object(sent, i) is not None:
            # the noun the relative pronoun stands for, with its modifiers ("peace agreement")
            h = sent.head[i]
            under += [h, *(c for c in sent.children[h] if sent.dep[c] in ("compound", "amod"))]
        found = sent.memo[key] = {lemma[k] for k in under} | {lower[k] for k in under}
    return found


def match_predicate(sent: Sentence, i: int, patterns: list[VerbPattern]) -> PatternMatch | None:
    """The most specific pattern that fits predicate ``i`` (patterns come sorted)."""
    return next(predicate_fits(sent, i, patterns), None)


def is_verbal(sent: Sentence, k: int) -> bool:
    """A verb, or a clause head the tagger took for a noun: "demanded that Prime Minister
    Irakli Kobakhidze *resign*" (a noun with a subject, the complement of a verb)."""
    pos = sent.pos[k]
    return pos == "VERB" or pos == "AUX" or (
        pos == "NOUN" and sent.dep[k] == "ccomp" and (any(sent.dep[c] == "nsubj" for c in sent.children[k])
                                                     or name_subject(sent, k) is not None))


def name_subject(sent: Sentence, k: int) -> int | None:
    """The name a verb the tagger took for a noun has as its subject, parsed as a compound
    of it: "demanded that Prime Minister Serzh Sargsyan *resign*" ("that" marks the
    clause)."""
    kids = sent.children[k]
    if sent.pos[k] != "NOUN" or not any(sent.dep[c] == "mark" and sent.lower[c] == "that" for c in kids):
        return None
    return next((c for c in reversed(kids) if c < k and sent.dep[c] == "compound" and sent.pos[c] == "PROPN"),
                None)


def act_candidates(sent: Sentence, f: int) -> list[int]:
    """What a frame verb ``f`` may govern: its clauses, and nouns it takes as objects
    or through a preposition ("urged restraint", "called for the release of ...")."""
    out = []
    dep, pos, children = sent.dep, sent.pos, sent.children
    for c in children[f]:
        if dep[c] in ("xcomp", "ccomp") and is_verbal(sent, c):
            out.append(c)
        elif dep[c] == "advcl" and pos[c] in ("VERB", "AUX") and is_infinitive(sent, c):
            out.append(c)  # "appealed to X on Saturday to show flexibility", parsed as advcl
        elif dep[c] == "acomp":  # "was ready to meet"
            out.extend(g for g in children[c] if dep[g] == "xcomp" and pos[g] in ("VERB", "AUX"))
    for c in children[f]:
        if dep[c] in OBJECT_DEPS:
            # "urged Iran to negotiate" parsed with the infinitive under the object; "repeated
            # his warning that the United States would strike": a clause on the object
            for g in children[c]:
                if dep[g] in ("acl", "relcl") and pos[g] == "VERB" and any(
                        sent.lower[a] == "to" or (sent.lower[a] == "that" and dep[a] == "mark")
                        for a in children[g]):
                    out.append(g)
            if pos[c] == "NOUN":
                out.append(c)
        elif dep[c] == "prep":
            for g in children[c]:
                if dep[g] in ("pobj", "pcomp") and pos[g] in ("NOUN", "VERB"):
                    out.append(g)
                    if sent.lemma[g] in UTTERANCE_NOUNS:
                        # "warned in a statement that rioters would face a firm response":
                        # the clause is parsed on the statement it was made in
                        out.extend(a for a in children[g] if dep[a] == "acl" and any(
                            dep[m] == "mark" and sent.lower[m] == "that" for m in children[a]))
    return out


def match_frame(sent: Sentence, f: int, act: int,
                frames: list[FramePattern]) -> PatternMatch | None:
    """A frame pattern of verb ``f`` that governs the act ``act``."""
    cl = clause(sent, f)
    if cl.object is None:
        # "urged [Iran to negotiate]": the one urged stands as the act's subject
        for c in sent.children[act]:
            if sent.dep[c] in SUBJECT_DEPS and sent.head[act] == f:
                cl = Clause(cl.subject, c, cl.passive)
    for p in frames:
        fit = _match_elements(sent, f, p.elements, cl, act)
        if fit is not None:
            target, source, used, with_target, _ = fit
            if "+" not in p.elements:
                # "demanded that Sweden extradite ...": the act's own subject is the one
                # the demand is made of; else the act's own target applies.
                target = next((c for c in sent.children[act] if sent.dep[c] in SUBJECT_DEPS
                               and sent.lower[c] not in RELATIVE_PRONOUNS), None)
                if target is None:
                    target = name_subject(sent, act)
            return PatternMatch(p, target, source, frozenset(used), with_target)
    return None


def aux_frame(sent: Sentence, act: int, frames: dict[str, list[FramePattern]]) -> PatternMatch | None:
    """An auxiliary frame of ``act``: "will visit" (``frame intent: will <act>``)."""
    for c in sent.children[act]:
        if sent.dep[c] == "aux":
            for p in frames.get(sent.lemma[c], ()):
                if p.elements == (ACT,):
                    return PatternMatch(p, None, None, frozenset(), False)
    return None
