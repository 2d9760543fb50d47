"""Phrase keys shared by the dictionary readers and the matcher.

A dictionary phrase and a parsed sentence are compared token by token on lowercase
text. Hyphens are not tokens of a key ("al-Shabaab" = "al Shabaab"), a possessive
``'s`` is its own token (as spaCy splits it), and a word written in capitals
(two or more letters, such as "US" or "UN") only matches the same capitals, so the
pronoun "us" is never the United States.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from .._gc import gc_paused

__all__ = ["PhraseKey", "PhraseTable", "SentenceMatcher", "phrase_key", "token_key"]

_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014"
_SPLIT = re.compile("[\\s" + re.escape(_HYPHENS) + "]+")
_HYPHEN = re.compile("[" + re.escape(_HYPHENS) + "]")
_POSSESSIVE = re.compile(r"^(.+?)('s|\u2019s|')$", re.IGNORECASE)
_CAPS = re.compile(r"^[A-Z][A-Z0-9.&]+$")

T = TypeVar("T")

# A key is a tuple of tokens: lowercase, except a word written in capitals, which
# keeps them (a lowercase key never contains a capital, so the two cannot collide)
# and so matches only the same capitals.
PhraseKey = tuple[str, ...]
HYPHENS = frozenset(_HYPHENS)


def token_key(word: str) -> str:
    """The key of one dictionary word: lowercase, or the word itself in capitals."""
    if _CAPS.match(word) and sum(c.isalpha() for c in word) >= 2:
        return word
    return word.lower()


def phrase_key(text: str) -> PhraseKey:
    """Split a dictionary phrase into its key tokens (``_`` counts as a space)."""
    tokens: list[str] = []
    for word in _SPLIT.split(text.replace("_", " ").strip()):
        if not word:
            continue
        word = word.rstrip(",;")
        m = _POSSESSIVE.match(word)
        if m and len(word) > 2:
            # "People's" -> people 's; "Workers'" -> workers ' (as spaCy splits them)
            tokens.append(token_key(m.group(1)))
            tokens.append(m.group(2).replace("\u2019", "'").lower())
        elif word:
            tokens.append(token_key(word))
    return tuple(tokens)


def hyphen_variant(text: str) -> PhraseKey | None:
    """The key of a hyphenated phrase with its hyphenated words whole ("G-7", "MS-13"),
    as spaCy keeps some of them as one token; ``None`` without a hyphen."""
    if not _has_hyphen(text):
        return None
    words = [w.rstrip(",;") for w in text.replace("_", " ").split()]
    return tuple(w.lower() if any(h in w for h in _HYPHENS) else k
                 for w in words for k in [phrase_key(w)[0] if phrase_key(w) else w.lower()])


def is_hyphen(text: str) -> bool:
    return text in HYPHENS


class PhraseTable(Generic[T]):
    """The phrases of one kind (actors, agents or discards): key -> entry.

    A hyphenated phrase is also found by its key with the hyphenated words whole
    (:func:`hyphen_variant`: "G-7" as one token), unless a phrase of its own has that key.
    """

    def __init__(self, entries: dict[PhraseKey, T] | None = None) -> None:
        self._entries: dict[PhraseKey, T] = entries if entries is not None else {}
        self._variants: dict[PhraseKey, T] | None = None
        self._matcher: SentenceMatcher | None = None

    def add(self, key: PhraseKey, value: T) -> None:
        self._entries[key] = value
        self._variants = self._matcher = None

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: PhraseKey) -> T | None:
        value = self._entries.get(key)
        return value if value is not None else self.variants().get(key)

    def variants(self) -> dict[PhraseKey, T]:
        """The hyphen variants that no phrase's own key takes, first phrase first."""
        if self._variants is None:
            out: dict[PhraseKey, T] = {}
            own = self._entries
            for entry in own.values():
                text = getattr(entry, "text", entry)
                variant = hyphen_variant(text) if isinstance(text, str) else None
                if variant and variant not in own and variant not in out:
                    out[variant] = entry
            self._variants = out
        return self._variants

    def items(self) -> list[tuple[PhraseKey, T]]:
        """Every key, the hyphen variants after the phrases' own keys."""
        return [*self._entries.items(), *self.variants().items()]

    def matches(self, lower: Sequence[str], text: Sequence[str]) -> list[tuple[int, int, T]]:
        """The longest ``(start, end, value)`` matches (end exclusive), left to right.

        A match is skipped when a longer one starts at the same token or covers it from
        an earlier start.
        """
        if self._matcher is None:
            self._matcher = SentenceMatcher(self)
        return self._matcher.match(lower, text)[0]


def _has_hyphen(text: str) -> bool:
    return "-" in text or (not text.isascii() and _HYPHEN.search(text) is not None)


def _longest(root: dict, end_key: str, lower: Sequence[str], text: Sequence[str], kinds: int,
             pick: Callable[[Any, int], Any]) -> list[list[tuple[int, int, Any]]]:
    """Longest non-overlapping matches of each kind; ``pick(value, kind)`` or None."""
    out: list[list[tuple[int, int, Any]]] = [[] for _ in range(kinds)]
    n = len(lower)
    hyphens = HYPHENS
    # the few tokens that can open a phrase, found in one pass
    starts = [i for i in range(n) if lower[i] in root or text[i] in root]
    for i in starts:
        node = root.get(lower[i]) or root.get(text[i])
        if node is None or text[i] in hyphens:
            continue
        best: list[tuple[int, int, Any] | None] = [None] * kinds
        j = i + 1
        while True:
            if end_key in node:
                value = node[end_key]
                for k in range(kinds):
                    v = pick(value, k)
                    if v is not None:
                        best[k] = (i, j, v)
            while j < n and text[j] in hyphens:
                j += 1
            if j >= n:
                break
            nxt = node.get(lower[j]) or node.get(text[j])
            if nxt is None:
                break
            node = nxt
            j += 1
        for k in range(kinds):
            b = best[k]
            if b is not None:
                out[k].append(b)
    # Overlapping matches: the longer wins ("the West Bank" over "the West"), then the
    # earlier one.
    for k in range(kinds):
        found = out[k]
        if len(found) > 1:
            taken: list[tuple[int, int, Any]] = []
            for m in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
                if all(m[1] <= t[0] or t[1] <= m[0] for t in taken):
                    taken.append(m)
            out[k] = sorted(taken, key=lambda m: m[0])
    return out


class SentenceMatcher:
    """Actor, agent and discard phrases in one trie: one pass over a sentence finds all.

    The trie grows as sentences need it: the phrases are grouped by their first token
    when the matcher is made, and a group becomes branches of the trie the first time a
    sentence has that token. Loading a large dictionary set therefore costs one pass
    over its phrases, and coding builds only the branches that the text reaches.
    """

    _END = ""

    def __init__(self, *tables: PhraseTable) -> None:
        self.kinds = len(tables)
        self._root: dict = {}
        # first token -> [(key, kind, value)], each kind's own keys before its variants
        pending: dict[str, list[tuple[PhraseKey, int, Any]]] = {}
        for k, table in enumerate(tables):
            for key, value in table.items():
                if key:
                    group = pending.get(key[0])
                    if group is None:
                        pending[key[0]] = [(key, k, value)]
                    else:
                        group.append((key, k, value))
        self._pending = pending
        self._lock = threading.Lock()

    def match(self, lower: Sequence[str], text: Sequence[str]) -> list[list[tuple[int, int, Any]]]:
        """For each kind, the longest matches ``(start, end, value)`` left to right."""
        pending = self._pending
        if pending:
            grow = [t for t in (*lower, *text) if t in pending]
            if grow:
                self._grow(grow)
        return _longest(self._root, self._END, lower, text, self.kinds, _slot)

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_lock"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def _grow(self, tokens: list[str]) -> None:
        """Make the branches of the phrases that start with ``tokens``."""
        with self._lock, gc_paused():
            for tok in tokens:
                group = self._pending.pop(tok, None)
                if group is None:
                    continue
                branch: dict = {}
                for key, k, value in group:
                    node = branch
                    for t in key[1:]:
                        node = node.setdefault(t, {})
                    slots = node.get(self._END)
                    if slots is None:
                        slots = node[self._END] = [None] * self.kinds
                    if slots[k] is None:
                        slots[k] = value
                self._root[tok] = branch


def _slot(value: list, k: int) -> Any:
    return value[k]


def iter_keys(texts: Iterable[str]) -> Iterable[PhraseKey]:
    for t in texts:
        yield phrase_key(t)
