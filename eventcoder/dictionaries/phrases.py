"""Phrase keys shared by the dictionary readers and the matcher.

A dictionary phrase and a parsed sentence are compared token by token on lowercase
text. Hyphens are not tokens of a key ("al-Shabaab" = "al Shabaab"), a possessive
``'s`` is its own token (as spaCy splits it), and a word written in capitals
(two or more letters, such as "US" or "UN") only matches the same capitals, so the
pronoun "us" is never the United States.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

__all__ = ["PhraseKey", "PhraseTrie", "phrase_key", "token_key"]

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
    if _HYPHEN.search(text) is None:
        return None
    words = [w.rstrip(",;") for w in text.replace("_", " ").split()]
    return tuple(w.lower() if any(h in w for h in _HYPHENS) else k
                 for w in words for k in [phrase_key(w)[0] if phrase_key(w) else w.lower()])


def is_hyphen(text: str) -> bool:
    return text in HYPHENS


class PhraseTrie(Generic[T]):
    """Longest-match phrase lookup over a sentence's tokens."""

    _END = ""

    def __init__(self) -> None:
        self._root: dict = {}
        self.size = 0

    def add(self, key: PhraseKey, value: T, *, count: bool = True) -> None:
        """Add a phrase; ``count=False`` for another spelling of a phrase already counted."""
        node = self._root
        for tok in key:
            node = node.setdefault(tok, {})
        if self._END not in node and count:
            self.size += 1
        node[self._END] = value

    def __len__(self) -> int:
        return self.size

    def matches(self, lower: Sequence[str], text: Sequence[str]) -> list[tuple[int, int, T]]:
        """The longest ``(start, end, value)`` matches (end exclusive), left to right.

        A match is skipped when a longer one starts at the same token or covers it from
        an earlier start.
        """
        return _longest(self._root, self._END, lower, text, 1, lambda v, k: v)[0]

    def items(self) -> list[tuple[PhraseKey, T]]:
        out: list[tuple[PhraseKey, T]] = []
        stack: list[tuple[tuple[str, ...], dict]] = [((), self._root)]
        while stack:
            key, node = stack.pop()
            for tok, child in node.items():
                if tok == self._END:
                    out.append((key, child))
                else:
                    stack.append(((*key, tok), child))
        return out

    def get(self, key: PhraseKey) -> T | None:
        node: dict | None = self._root
        for tok in key:
            node = node.get(tok) if node is not None else None
        return node.get(self._END) if node is not None else None


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
    """Actor, agent and discard phrases in one trie: one pass over a sentence finds all."""

    _END = ""

    def __init__(self, *tries: PhraseTrie) -> None:
        self.kinds = len(tries)
        self._root: dict = {}
        for k, trie in enumerate(tries):
            for key, value in trie.items():
                node = self._root
                for tok in key:
                    node = node.setdefault(tok, {})
                slots = node.setdefault(self._END, [None] * self.kinds)
                slots[k] = value

    def match(self, lower: Sequence[str], text: Sequence[str]) -> list[list[tuple[int, int, Any]]]:
        """For each kind, the longest matches ``(start, end, value)`` left to right."""
        return _longest(self._root, self._END, lower, text, self.kinds, _slot)


def _slot(value: list, k: int) -> Any:
    return value[k]


def iter_keys(texts: Iterable[str]) -> Iterable[PhraseKey]:
    for t in texts:
        yield phrase_key(t)
