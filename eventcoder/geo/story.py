"""Place mentions of a parsed story and the place of each event.

:class:`StoryPlaces` is built once per story from its parsed sentences; its
:meth:`StoryPlaces.place_for` gives the place of one event (its sentence, predicate and
actors) by the precedence of docs/geo.md: a place phrase attached to the predicate, else
a place tied to the target or the action in the same sentence, else the dateline, else
the story's dominant place, else None.
"""

from __future__ import annotations

import collections
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence

from ..parse import Sentence
from .dateline import find_dateline
from .gazetteer import Candidate, Gazetteer, Place, eponymous_cities
from .names import APOSTROPHES, CONNECTORS, normalize

__all__ = ["Mention", "StoryPlaces", "actor_tokens_of", "find_mentions", "iso3_of_actor"]

MAX_WORDS = 8

# Prepositions that put a place phrase where something happens. "Strong" ones say where;
# "weak" ones say whereto or wherefrom ("sent troops to Mali", "fired from Gaza").
# "on", "over" and "upon" with a place name are where ("strikes on Gaza", "shot down over
# Belgorod"); when they introduce an actor ("sanctions on Iran"), the actor is excluded.
STRONG_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout",
                          "within", "along", "off", "nearby", "beyond", "amid", "among", "on", "over",
                          "upon", "onto"})
WEAK_PREPS = frozenset({"to", "into", "toward", "towards", "from", "through", "via", "past"})
LOC_PREPS = STRONG_PREPS | WEAK_PREPS
# Nouns that carry a place phrase with "of": "the outskirts of Khartoum", "north of Mosul".
PLACE_NOUNS = frozenset({
    "outskirts", "outskirt", "suburbs", "suburb", "edge", "edges", "heart", "centre", "center",
    "city", "town", "village", "villages", "province", "region", "district", "area", "areas", "part",
    "parts", "capital", "vicinity", "environs", "streets", "port", "coast", "south", "north", "east",
    "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
    "south-east", "south-west", "governorate", "oblast", "state", "county", "territory", "border",
    "borders", "neighbourhood", "neighborhood", "districts", "countryside", "interior", "shores",
    "frontier", "outside", "downtown", "side", "regions", "towns", "cities",
    "kilometres", "kilometers", "km", "miles", "mile",
})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                        "southwest", "north-east", "north-west", "south-east", "south-west",
                        "northern", "southern", "eastern", "western"})
ADMIN_DESIGNATORS = frozenset({"province", "provinces", "region", "oblast", "governorate", "state",
                               "prefecture", "territory", "department", "krai", "state's", "regional"})
CITY_DESIGNATORS = frozenset({"city", "town", "village", "port"})
# Titles before a person's name: "President Jordan", "Mr. Kirby".
TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "president", "minister", "premier", "general", "gen", "sen", "senator",
    "rep", "gov", "governor", "secretary", "king", "queen", "prince", "princess", "sheikh", "col",
    "capt", "lt", "maj", "sgt", "judge", "justice", "pope", "ambassador", "envoy", "spokesman",
    "spokeswoman", "spokesperson", "commander", "chief", "mayor", "sir", "lord", "lady", "saint",
    "archbishop", "bishop", "imam", "ayatollah", "emir", "sultan", "chancellor", "adm", "admiral",
})
_WATER = re.compile(r"(?:^| )(?:sea|ocean|gulf|bay|strait|straits|channel|lake|river)$"
                    r"|^(?:gulf|bay|strait|straits|lake|river) of ")
# Words that are never places on their own, whatever the gazetteer says ("in August").
NEVER_PLACES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "christmas", "easter", "ramadan", "eid", "god", "allah", "today",
    "tonight", "yesterday", "tomorrow", "weekend", "spring", "summer", "autumn", "winter",
    # institutions named after a place-like phrase
    "white house", "red cross", "red crescent", "capitol hill", "downing street", "wall street",
    "holy see", "west point", "pentagon",
})
REPORT_LEMMAS = frozenset({"say", "tell", "report", "announce", "state", "add", "claim", "confirm",
                           "accord", "according", "write", "note", "quote"})
NP_DEPS = frozenset({"compound", "appos", "conj", "nmod", "amod", "npadvmod", "flat", "cc", "det", "punct"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "expl"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})

# Weights of a mention's role, for the story's dominant place and country evidence.
# "reported": a place phrase of whoever reports ("officials in Baghdad said").
# "recipient": a weak preposition on a noun ("arms sales to Taiwan").
ROLE_WEIGHT = {"locative": 1.0, "other": 0.5, "modifier": 0.5, "actor": 0.0, "owner": 0.0,
               "reported": 0.0, "recipient": 0.0, "embedded": 0.0}
EVIDENCE_WEIGHT = {"locative": 1.0, "other": 0.5, "modifier": 0.5, "actor": 0.5, "owner": 0.5,
                   "reported": 0.5, "recipient": 0.5, "embedded": 0.0}
CONTEXT_BONUS = 1.5      # per unit of country evidence in the story
CONTEXT_CAP = 3.0
ACTOR_BONUS = 1.5        # a candidate in one of the event's actors' countries
DATELINE_EVIDENCE = 2.0
ADMIN1_CONTEXT_BONUS = 1.5
QUALIFIER_BONUS = 6.0    # "Kandahar, Afghanistan"
DESIGNATOR_BONUS = 4.0   # "Kandahar province"

# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_TO_ISO3 = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KSV": "XKX", "KOS": "XKX", "SCG": "SRB",
                 "YUG": "SRB", "BUR": "MMR", "PAL": "PSE", "GZS": "PSE", "WST": "PSE", "DRC": "COD"}


def actor_tokens_of(sent: Sentence, heads: Iterable[int | None]) -> set[int]:
    """The tokens of actor mentions from their head tokens: each head with the subtrees
    of its modifiers before it ("Moscow's envoy", "Kandahar police", "the U.S. military").

    Phrases after the head ("police in Kandahar") are not part of the actor: a place
    there stays a place.
    """
    out: set[int] = set()
    for h in heads:
        if h is None or not 0 <= h < len(sent):
            continue
        out.add(h)
        for c in sent.children[h]:
            if c < h and sent.dep[c] in ("compound", "poss", "amod", "nmod", "det", "nummod", "case"):
                out.update(sent.subtree(c))
    return out


def iso3_of_actor(code: str) -> str | None:
    """The ISO3 country of a CAMEO actor code ("RUSMIL" -> "RUS"), or None ("IGO", "---")."""
    if not isinstance(code, str) or len(code) < 3:
        return None
    head = code[:3].upper()
    return CAMEO_TO_ISO3.get(head, head) if head.isalpha() else None


class Mention:
    """A run of tokens of a sentence that names gazetteer entries."""

    __slots__ = ("anchor", "candidates", "contrib", "designator", "end", "head", "key", "locative", "prep",
                 "qualified_by", "qualifies", "resolved", "role", "sent_pos", "start", "strong", "text")

    def __init__(self, sent_pos: int, start: int, end: int, head: int, key: str, text: str,
                 candidates: list[Candidate]) -> None:
        self.sent_pos = sent_pos
        self.start = start
        self.end = end
        self.head = head
        self.key = key
        self.text = text
        self.candidates = candidates
        self.designator: str | None = None   # "admin1" or "city"
        self.role = "other"
        self.locative = False
        self.strong = False
        self.prep: int | None = None
        self.anchor: int | None = None       # the token the locative phrase hangs on
        self.qualified_by: Mention | None = None
        self.qualifies: Mention | None = None
        self.resolved: Candidate | None = None
        self.contrib: tuple[str, float] | None = None  # what it adds to the story's evidence

    def tokens(self) -> range:
        return range(self.start, self.end)

    def __repr__(self) -> str:
        r = self.resolved
        where = f"{r.name}/{r.country_iso3}/{r.precision}" if r else "?"
        return (f"Mention({self.text!r}@{self.sent_pos}:{self.start}-{self.end}, {self.role}"
                f"{' loc' if self.locative else ''}, {where})")


# -- mention finding -------------------------------------------------------------------------

def _is_cap(word: str) -> bool:
    if not word:
        return False
    return word[0].isupper() or (word[0] in APOSTROPHES and len(word) > 1 and word[1].isupper())


_SKIP_CHARS = "-–‐‑" + "".join(APOSTROPHES)


def _skippable(word: str) -> bool:
    """Tokens inside a name that do not count: hyphens and lone apostrophes."""
    return bool(word) and not word.strip(_SKIP_CHARS)


def _sentence_initial(sent: Sentence, i: int, masked: set[int]) -> bool:
    for k in range(i - 1, -1, -1):
        if k in masked:
            return True
        w = sent.words[k]
        if not w.strip() or sent.pos[k] == "PUNCT" or w in ('"', "“", "‘", "'", "(", "-", "—", "–"):
            if "\n" in w:
                return True
            continue
        return False
    return True


def _prev_word(sent: Sentence, i: int) -> int | None:
    k = i - 1
    while k >= 0 and sent.lower[k] in ("the", "a", "an"):
        k -= 1
    return k if k >= 0 else None


def _span_head(sent: Sentence, start: int, end: int) -> int:
    for k in range(end - 1, start - 1, -1):
        h = sent.head[k]
        if h == k or not start <= h < end:
            return k
    return end - 1


def find_mentions(sent: Sentence, gaz: Gazetteer, sent_pos: int = 0,
                  masked: Iterable[int] = ()) -> list[Mention]:
    """The place mentions of a sentence, longest match first, left to right.

    ``masked`` tokens (a dateline) are skipped. A match must be capitalised (lower-case
    connectors such as "al", "de", "of" aside); a name that is also a common English
    word ("Nice", "Reading") must be a proper noun not opening the sentence, or follow
    a locative preposition; a single word that is not a proper noun must be a country
    or follow a locative preposition; a name after a title ("President", "Mr.") is a
    person's.
    """
    masked = set(masked)
    n = len(sent)
    out: list[Mention] = []
    words = sent.words
    caps = [_is_cap(w) for w in words]
    lower = sent.lower
    i = 0
    while i < n:
        if not caps[i] and lower[i] not in CONNECTORS:
            i += 1  # the common case: a lower-case word opens no name
            continue
        w = words[i]
        opens = caps[i] or (i + 1 < n and (caps[i + 1] or _skippable(words[i + 1])))
        if i in masked or not w or not opens:
            i += 1
            continue
        if not caps[i] and lower[i] in ("the", "of", "and"):
            i += 1
            continue
        best: tuple[int, str] | None = None
        parts: list[str] = []
        j = i
        while j < n and len(parts) < MAX_WORDS and j not in masked:
            wj = words[j]
            if j > i and sent.lower[j] in ("'s", "’s", "'", "’"):
                break
            if _skippable(wj):
                if j == i or j + 1 >= n:
                    break
                j += 1
                continue
            piece = normalize(wj)
            if not piece:
                break
            if not (caps[j] or lower[j] in CONNECTORS or wj.isupper()):
                break
            if wj[0] in APOSTROPHES and parts:
                parts[-1] += piece
            else:
                parts.extend(piece.split(" "))
            key = " ".join(parts)
            if caps[j] and gaz.has_key(key):
                best = (j + 1, key)
            if not gaz.has_prefix(key):
                break  # no longer name starts with these words
            j += 1
        if best is None:
            i += 1
            continue
        end, key = best
        m = _accept(sent, gaz, sent_pos, i, end, key, masked)
        if m is None:
            i += 1
            continue
        out.append(m)
        i = end
    _link_qualifiers(sent, out)
    for m in out:
        _classify(sent, m)
        if m.role == "locative" and _reported(sent, m.head):
            m.role = "reported"
    return out


def _accept(sent: Sentence, gaz: Gazetteer, sent_pos: int, start: int, end: int, key: str,
            masked: set[int]) -> Mention | None:
    cands = gaz.lookup_key(key)
    if not cands:
        return None
    words, low = sent.words, sent.lower
    single = " " not in key
    if key in NEVER_PLACES:
        return None
    prev = _prev_word(sent, start)
    after_loc = prev is not None and (low[prev] in LOC_PREPS or low[prev] == "of")
    has_country = any(c.precision == "country" for c in cands)
    # A person's name: "President Jordan ...", "Mr. Kirby".
    if start > 0 and normalize(words[start - 1]) in TITLES:
        return None
    initial = _sentence_initial(sent, start, masked)
    # The second part of a hyphenated name: "Jean-Pierre".
    if start >= 2 and _skippable(words[start - 1]) and not sent.space[start - 2] \
            and _is_cap(words[start - 2]):
        return None
    if single:
        # Acronyms ("NATO", "UN") are places only as curated country names ("US", "UAE").
        if words[start].isupper() and len(normalize(words[start])) <= 4 and not has_country:
            return None
        # A word that names a place only in another language or an old spelling
        # ("Hamas" is an alternate name of Hamm) needs a preposition that says where
        # ("in", "near", "the port of"; not "appealed to Hamas").
        says_where = prev is not None and (low[prev] in STRONG_PREPS or (
            low[prev] == "of" and prev > 0 and low[prev - 1] in PLACE_NOUNS))  # "the port of Izmail"
        if all(c.alternate for c in cands) and not says_where:
            return None
        if key in gaz.common_words and not has_country \
                and not ((sent.pos[start] == "PROPN" and not initial) or after_loc):
            return None
        if sent.pos[start] != "PROPN" and not has_country and not after_loc:
            return None
    head = _span_head(sent, start, end)
    text = sent.span_text(start, end)
    m = Mention(sent_pos, start, end, head, key, text, cands)
    nxt = end if end < len(sent) else None
    # Seas and gulfs are not in the gazetteer; admin1 units named after them ("Red Sea"
    # state of Sudan) count only when the text says so ("Red Sea state").
    if _WATER.search(key) and not (nxt is not None and low[nxt] in ADMIN_DESIGNATORS):
        return None
    # ... nor are the words of a longer name of water: "South" and "China" of "the South
    # China Sea"
    k = end
    while k < len(sent) and k < end + 3 and _is_cap(words[k]) and sent.pos[k] == "PROPN":
        if _WATER.search(low[k]):
            return None
        k += 1
    # A word of a longer proper name: "Jordan Bardella", "Kabul University".
    if nxt is not None and sent.pos[nxt] == "PROPN" and _is_cap(words[nxt]) \
            and low[nxt] not in ADMIN_DESIGNATORS and low[nxt] not in CITY_DESIGNATORS \
            and not gaz.has_key(normalize(words[nxt])):
        m.role = "embedded"
    if start > 0 and not initial and sent.pos[start - 1] == "PROPN" and _is_cap(words[start - 1]) \
            and (start - 1) not in masked and not gaz.has_key(normalize(words[start - 1])):
        m.role = "embedded"
    # Designators: "Kandahar province", "the province of Helmand", "Gaza City".
    if nxt is not None and low[nxt] in ADMIN_DESIGNATORS:
        m.designator = "admin1"
    elif nxt is not None and low[nxt] in CITY_DESIGNATORS:
        m.designator = "city"
    elif prev is not None and low[prev] == "of" and prev > 0:
        before = _prev_word(sent, prev)
        if before is not None and low[before] in ADMIN_DESIGNATORS:
            m.designator = "admin1"
        elif before is not None and low[before] in CITY_DESIGNATORS:
            m.designator = "city"
    return m


def _link_qualifiers(sent: Sentence, mentions: list[Mention]) -> None:
    """"Kandahar, Afghanistan", "Springfield, Illinois": the second qualifies the first."""
    for a, b in itertools.pairwise(mentions):
        between = [sent.words[k] for k in range(a.end, b.start)]
        if between != [","]:
            continue
        if any(c.precision in ("country", "admin1") for c in b.candidates):
            a.qualified_by = b
            b.qualifies = a


def _classify(sent: Sentence, m: Mention) -> None:
    """The mention's role and, for a locative phrase, its preposition and anchor."""
    if m.role == "embedded":
        return
    if m.qualifies is not None:
        # "in Kandahar, Afghanistan": the qualifier shares its place's role.
        q = m.qualifies
        m.role, m.locative, m.strong, m.prep, m.anchor = q.role, q.locative, q.strong, q.prep, q.anchor
        return
    k = m.head
    steps = 0
    via_place_noun = False  # "the outskirts of Khartoum": the phrase is a place whatever its preposition
    while steps < 12:
        steps += 1
        dep = sent.dep[k]
        h = sent.head[k]
        if h == k:
            break
        if dep == "pobj":
            p = h
            prep = sent.lower[p]
            if prep in LOC_PREPS:
                m.locative = True
                m.strong = prep in STRONG_PREPS or via_place_noun
                m.prep = p
                m.anchor = sent.head[p]
                # "aid to Ukraine", "rockets from Lebanon": a recipient or an origin
                weak_on_noun = not m.strong and sent.pos[m.anchor] not in ("VERB", "AUX")
                m.role = "recipient" if weak_on_noun else "locative"
                return
            if prep == "of":
                noun = sent.head[p]
                if sent.lower[noun] in PLACE_NOUNS or sent.lower[noun] in DIRECTIONS:
                    if sent.lower[noun] in DIRECTIONS or sent.dep[noun] in ("advmod", "npadvmod"):
                        # "20 km north of Mosul": the direction hangs on the verb
                        m.locative, m.strong, m.prep = True, True, p
                        m.anchor = sent.head[noun] if sent.dep[noun] in ("advmod", "npadvmod") else noun
                        if sent.dep[noun] not in ("advmod", "npadvmod"):
                            k = noun
                            continue
                        m.role = "locative"
                        return
                    k = noun  # "the outskirts of Khartoum": go on from "outskirts"
                    via_place_noun = True
                    continue
                m.role = "modifier"  # "the governor of Kandahar"
                return
            m.role = "other"  # "with Russia", "by Iran", "for Gaza"
            return
        if dep == "poss":
            m.role = "owner"  # "Iran's oil sector", "Moscow's envoy": an actor, not a place
            return
        if dep in ("compound", "nmod", "amod"):
            if sent.lower[h] in PLACE_NOUNS or sent.lower[h] in ADMIN_DESIGNATORS:
                k = h  # "in the Kandahar province", "Gaza City"
                continue
            m.role = "modifier"
            return
        if dep in ("appos", "conj", "flat", "npadvmod") and sent.pos[h] in ("PROPN", "NOUN"):
            k = h
            continue
        if dep in ("advmod", "npadvmod") and sent.lower[k] in DIRECTIONS:
            m.locative, m.strong, m.anchor, m.role = True, True, h, "locative"
            return
        if dep in SUBJECT_DEPS or dep in OBJECT_DEPS:
            if sent.lower[k] in PLACE_NOUNS and k != m.head:
                # "shelled the outskirts of Kharkiv": a place noun as the object
                m.locative, m.strong, m.anchor, m.role = True, True, h, "locative"
                return
            m.role = "actor"
            m.anchor = h
            return
        break
    m.role = "other"


def _reported(sent: Sentence, k: int) -> bool:
        """Inside the subject of a reporting verb or an "according to" phrase."""
        steps = 0
        while steps < 16:
            h = sent.head[k]
            if sent.lemma[k] in ("accord", "according"):
                return True
            if h == k:
                return False
            if sent.dep[k] in SUBJECT_DEPS and sent.lemma[h] in REPORT_LEMMAS:
                return True
            k = h
            steps += 1
        return False


# -- the story ---------------------------------------------------------------------------

def _token_offsets(sent: Sentence) -> list[int]:
    out = []
    off = 0
    for w, sp in zip(sent.words, sent.space, strict=False):
        out.append(off)
        off += len(w) + (1 if sp else 0)
    return out


class StoryPlaces:
    """The places of one story: its mentions, dateline and dominant place.

    ``sentences`` are the story's parsed sentences (``Parser.parse``); ``dateline`` a
    place text ("KABUL", "KYIV, Ukraine"), a :class:`Place`, or None. With
    ``detect_dateline`` a dateline at the start of one of the first sentences is found
    and its tokens are not read as mentions (when no ``dateline`` is given, it is also
    used as the dateline place).
    """

    def __init__(self, sentences: Sequence[Sentence], dateline: str | Place | None = None, *,
                 gazetteer: Gazetteer | None = None, detect_dateline: bool = True,
                 not_places: Mapping[int, Iterable[int]] | None = None) -> None:
        self.gazetteer = gaz = gazetteer or Gazetteer.default()
        self.sentences = list(sentences)
        self._pos_of: dict[int, int] = {id(s): k for k, s in enumerate(self.sentences)}
        self.masked: dict[int, set[int]] = {}
        detected: str | None = None
        if detect_dateline and self.sentences:
            detected = self._mask_dateline()
        # tokens that name something other than a place (a group, a person: "Wagner
        # fighters"), by sentence position
        for k, tokens in (not_places or {}).items():
            self.masked.setdefault(k, set()).update(tokens)
        self.mentions: list[list[Mention]] = [
            find_mentions(sent, gaz, k, self.masked.get(k, ())) for k, sent in enumerate(self.sentences)]
        self.dateline: Place | None = None
        if isinstance(dateline, Place):
            self.dateline = Place(dateline.name, dateline.text, dateline.country_iso3, dateline.admin1,
                                  dateline.lat, dateline.lon, dateline.precision, "dateline",
                                  dateline.geonames_id)
        else:
            text = dateline if isinstance(dateline, str) and dateline.strip() else detected
            if text:
                cand = gaz.resolve(text, self._plain_countries())
                if cand is not None:
                    self.dateline = cand.place(text.strip(), "dateline")
        self._resolve_all()
        self.dominant: Place | None = self._dominant()

    def _mask_dateline(self) -> str | None:
        """Find a dateline in the story's opening (it may span sentences: the parser often
        cuts "ATLANTA (AP) -" off as a sentence) and mask its tokens."""
        head = self.sentences[:4]
        base = head[0].start_char
        size = max(s.start_char + len(s.text) for s in head) - base
        if size <= 0 or size > 100_000:
            return None
        buf = [" "] * size
        for s in head:
            off = s.start_char - base
            if off < 0:
                return None
            buf[off:off + len(s.text)] = list(s.text)
        found = find_dateline("".join(buf), max_lines=3)
        if found is None:
            return None
        text, start, end = found
        for k, s in enumerate(head):
            offs = _token_offsets(s)
            toks = {t for t, o in enumerate(offs) if start <= s.start_char - base + o < end}
            if toks:
                self.masked[k] = toks
        return text

    # -- story-level resolution ---------------------------------------------------------
    def all_mentions(self) -> list[Mention]:
        return [m for ms in self.mentions for m in ms]

    def _plain_countries(self) -> list[str]:
        """Countries named as countries in the text (to read an ambiguous dateline)."""
        out = []
        for ms in self.mentions:
            for m in ms:
                if m.candidates and m.candidates[0].precision == "country":
                    out.append(m.candidates[0].country_iso3)
        return out

    def _resolve_all(self) -> None:
        mentions = self.all_mentions()
        evidence: dict[str, float] = collections.defaultdict(float)
        admin1s: set[tuple[str, str]] = set()
        if self.dateline is not None:
            evidence[self.dateline.country_iso3] += DATELINE_EVIDENCE
            if self.dateline.admin1:
                admin1s.add((self.dateline.country_iso3, self.dateline.admin1))
        for m in mentions:
            countries = {c.country_iso3 for c in m.candidates}
            top = m.candidates[0]
            is_country = top.precision == "country"
            clear = len(countries) == 1 or (len(m.candidates) > 1 and is_country
                                            and m.candidates[1].precision != "country")
            if clear:
                # A country named in any role says what the story is about.
                w = EVIDENCE_WEIGHT[m.role]
                if is_country and m.role != "embedded":
                    w = 1.0
                evidence[top.country_iso3] += w
                m.contrib = (top.country_iso3, w)
                if top.precision == "admin1":
                    admin1s.add((top.country_iso3, top.admin1))
        self.evidence = evidence
        self.admin1s = admin1s
        for m in mentions:
            m.resolved = self.resolve(m)
        # Second pass: what the first pass resolved also counts, more lightly (a mention
        # never counts for itself: see score()).
        evidence2: dict[str, float] = collections.defaultdict(float, evidence)
        for m in mentions:
            if m.resolved is not None and m.contrib is None:
                w = 0.5 * EVIDENCE_WEIGHT[m.role]
                evidence2[m.resolved.country_iso3] += w
                m.contrib = (m.resolved.country_iso3, w)
        self.evidence = evidence2
        for m in mentions:
            m.resolved = self.resolve(m)

    def score(self, m: Mention, c: Candidate, actor_countries: Iterable[str] = ()) -> float:
        """How well a candidate fits a mention in this story (higher is better)."""
        s = Gazetteer.rank_score(c, eponymous_cities(m.candidates))
        ev = self.evidence.get(c.country_iso3, 0.0)
        if m.contrib is not None and m.contrib[0] == c.country_iso3:
            ev -= m.contrib[1]
        s += min(CONTEXT_CAP, CONTEXT_BONUS * max(0.0, ev))
        if c.country_iso3 in actor_countries:
            s += ACTOR_BONUS
        if c.precision == "city" and (c.country_iso3, c.admin1) in self.admin1s:
            s += ADMIN1_CONTEXT_BONUS
        q = m.qualified_by
        if q is not None:
            if any(x.precision == "country" and x.country_iso3 == c.country_iso3 for x in q.candidates):
                s += QUALIFIER_BONUS
            if any(x.precision == "admin1" and x.country_iso3 == c.country_iso3 and x.admin1 == c.admin1
                   for x in q.candidates):
                s += QUALIFIER_BONUS + 2.0
        if m.designator == "admin1":
            s += DESIGNATOR_BONUS if c.precision == "admin1" else (-2.0 if c.precision == "city" else 0.0)
        elif m.designator == "city" and c.precision == "city":
            s += 2.0
        return s

    def resolve(self, m: Mention, actor_countries: Iterable[str] = ()) -> Candidate | None:
        """The best candidate for a mention ("X province" gives X's admin1 unit)."""
        if not m.candidates:
            return None
        if len(m.candidates) == 1:
            best = m.candidates[0]  # nothing to choose between
        else:
            actors = set(actor_countries)
            best = max(m.candidates, key=lambda c: (self.score(m, c, actors), -c.id))
        if m.designator == "admin1" and best.precision == "city" and best.admin1:
            unit = self.gazetteer.admin1_entry(best.country_iso3, best.admin1)
            if unit is not None:
                return unit
        return best

    def _place(self, m: Mention, cand: Candidate, source: str) -> Place:
        sent = self.sentences[m.sent_pos]
        end = m.end
        if m.designator is not None and end < len(sent) and (
                sent.lower[end] in ADMIN_DESIGNATORS or sent.lower[end] in CITY_DESIGNATORS):
            end += 1
        return cand.place(sent.span_text(m.start, end), source)  # type: ignore[arg-type]

    def _dominant(self) -> Place | None:
        weights: dict[int, float] = collections.defaultdict(float)
        first: dict[int, tuple[Mention, Candidate]] = {}
        for m in self.all_mentions():
            w = ROLE_WEIGHT[m.role]
            if m.role == "modifier" and m.resolved is not None and m.resolved.precision == "country":
                w = 0.0  # "US aircraft": a nationality, not a place
            if m.resolved is None or w <= 0:
                continue
            weights[m.resolved.id] += w
            first.setdefault(m.resolved.id, (m, m.resolved))
        if not weights:
            return None
        rank = {"city": 0, "admin1": 1, "country": 2}
        order = list(first)
        best = max(weights, key=lambda i: (weights[i], -rank[first[i][1].precision], -order.index(i)))
        m, cand = first[best]
        return self._place(m, cand, "story")

    # -- per event --------------------------------------------------------------------------
    def sentence_mentions(self, sent: Sentence) -> list[Mention]:
        """The mentions of a sentence of this story (found anew for a foreign sentence)."""
        k = self._pos_of.get(id(sent))
        if k is None:
            k = next((p for p, s in enumerate(self.sentences)
                      if s.index == sent.index and s.text == sent.text), None)
        if k is None:
            ms = find_mentions(sent, self.gazetteer, -1)
            for m in ms:
                m.resolved = self.resolve(m)
            return ms
        return self.mentions[k]

    def place_for(self, sent: Sentence, predicate: int, actor_tokens: set[int] | Iterable[int] = (),
                  actor_countries: Sequence[str] = ()) -> Place | None:
        """The place of an event whose predicate is token ``predicate`` of ``sent``.

        ``actor_tokens``: token indices of the source and target mentions (places among
        them are actors, not places of action); ``actor_countries``: the ISO3 countries
        of the actors (CAMEO codes are accepted: their first three letters are used).
        Returns a :class:`Place` with ``source`` "sentence", "dateline" or "story", or None.
        """
        try:
            return self._place_for(sent, predicate, set(actor_tokens), actor_countries)
        except (IndexError, KeyError, ValueError, TypeError):
            # A malformed parse must not stop coding; fall back to the story's places.
            return self.dateline or self.dominant

    def _place_for(self, sent: Sentence, predicate: int, actor_tokens: set[int],
                   actor_countries: Sequence[str]) -> Place | None:
        countries = {c for c in (iso3_of_actor(a) for a in actor_countries) if c}
        mentions = self.sentence_mentions(sent) if 0 <= predicate < len(sent) else []
        best: tuple[tuple[float, ...], Mention] | None = None
        if mentions:
            subtree = set(sent.subtree(predicate))
            subj_side: set[int] = set()
            for c in sent.children[predicate]:
                if sent.dep[c] in SUBJECT_DEPS:
                    subj_side.update(sent.subtree(c))
            for m in mentions:
                if m.role == "embedded" or any(t in actor_tokens for t in m.tokens()):
                    continue
                if m.qualifies is not None and any(t in actor_tokens for t in m.qualifies.tokens()):
                    continue
                tier = self._tier(sent, m, predicate, subtree, subj_side)
                if tier is None:
                    continue
                cand = self.resolve(m, countries)
                if cand is None:
                    continue
                rank = {"city": 0, "admin1": 1, "country": 2}[cand.precision]
                key = (tier, rank, abs(m.head - predicate), m.start)
                if best is None or key < best[0]:
                    best = (key, m)
        if best is not None:
            m = best[1]
            cand = self.resolve(m, countries)
            assert cand is not None
            return self._place(m, cand, "sentence")
        if self.dateline is not None:
            return self.dateline
        return self.dominant

    def _tier(self, sent: Sentence, m: Mention, p: int, subtree: set[int],
              subj_side: set[int]) -> float | None:
        """0: a place phrase of the predicate; 1: tied to the target or the action;
        2: elsewhere in the sentence, locative; None: not a place of this event."""
        anchor = m.anchor
        if m.locative and anchor is not None:
            on_predicate = anchor == p or (sent.dep[p] == "xcomp" and anchor == sent.head[p])
            if on_predicate:
                return 0.0 if m.strong else 0.5
            if m.strong and anchor in subtree and anchor not in subj_side \
                    and self._verbless_path(sent, anchor, p):
                return 0.0
            if not m.strong:
                # "arms sales to Taiwan", "rockets from Lebanon": a recipient or an origin
                return None
            if m.head in subtree and m.head not in subj_side:
                return 1.0
            if m.head in subj_side:
                return 2.0
            if m.role == "reported":
                return None
            return 2.5
        if m.role in ("modifier", "other") and m.head in subtree and m.head not in subj_side:
            return 1.2
        if m.role == "actor" and m.head in subtree and m.head not in subj_side and m.anchor == p \
                and sent.dep[m.head] in OBJECT_DEPS:
            return 1.4  # "shelled Kharkiv" when Kharkiv is not the coded target
        return None

    @staticmethod
    def _verbless_path(sent: Sentence, k: int, p: int) -> bool:
        """From ``k`` up to ``p`` without passing another verb (a nested clause)."""
        steps = 0
        while k != p and steps < 16:
            if sent.pos[k] in ("VERB", "AUX") and k != p:
                return False
            nk = sent.head[k]
            if nk == k:
                return False
            k = nk
            steps += 1
        return k == p

    def describe(self) -> str:
        """A readable summary of the story's places, for debugging and ``explain``."""
        lines = [f"dateline: {self.dateline}", f"dominant: {self.dominant}",
                 f"evidence: {dict(self.evidence)}"]
        for k, ms in enumerate(self.mentions):
            for m in ms:
                lines.append(f"  [{k}] {m!r}")
        return "\n".join(lines)
