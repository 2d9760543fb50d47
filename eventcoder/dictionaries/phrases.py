"""Phrase keys shared by the dictionary readers and the matcher.

A dictionary phrase and a parsed sentence are compared token by token on lowercase
text. Hyphens are not tokens of a key ("al-Shabaab" = "al Shabaab"), a possessive
``'s`` is its own token (as spaCy splits it), and a word written in capitals
(two or more letters, such as "US" or "UN") only matches the same capitals, so the
pronoun "us" is never the United States.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

__all__ = ["PhraseKey", "PhraseTrie", "phrase_key", "token_key"]

_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014"
_SPLIT = re.compile("[\\s" + re.escape(_HYPHENS) + "]+")
_POSSESSIVE = re.compile(r"^(.+?)('s|\u2019s|')$", re.IGNORECASE)
_CAPS = re.compile(r"^[A-Z][A-Z0-9.&]+$")

T = TypeVar("T")

# A key is a tuple of tokens; a token written in capitals keeps them and is marked
# with a leading "=" so that only the same capitals match it.
PhraseKey = tuple[str, ...]


def token_key(word: str) -> str:
    """The key of one dictionary word: lowercase, or ``=WORD`` for capitals."""
    if _CAPS.match(word) and sum(c.isalpha() for c in word) >= 2:
        return "=" + word
    return word.lower()


def phrase_key(text: str) -> PhraseKey:
    """Split a dictionary phrase into its key tokens (``_`` counts as a space)."""
    tokens: list[str] = []
    for word in _SPLIT.split(text.replace("_", " ").strip()):
        if not word:
            continue
        word = word.rstrip(",;")
        m = _POSSESSIVE.match(word)
        if m and len(word) > 2 and not word.endswith("s'"):
            tokens.append(token_key(m.group(1)))
            tokens.append(m.group(2).replace("\u2019", "'").lower())
        elif word:
            tokens.append(token_key(word))
    return tuple(tokens)


def is_hyphen(text: str) -> bool:
    return len(text) == 1 and text in _HYPHENS


class PhraseTrie(Generic[T]):
    """Longest-match phrase lookup over a sentence's tokens."""

    _END = ""

    def __init__(self) -> None:
        self._root: dict = {}
        self.size = 0

    def add(self, key: PhraseKey, value: T) -> None:
        node = self._root
        for tok in key:
            node = node.setdefault(tok, {})
        if self._END not in node:
            self.size += 1
        node[self._END] = value

    def __len__(self) -> int:
        return self.size

    def matches(self, lower: Sequence[str], text: Sequence[str],
                longest_only: bool = True) -> list[tuple[int, int, T]]:
        """All ``(start, end, value)`` matches (end exclusive), left to right.

        With ``longest_only`` a match is skipped when a longer one starts at the
        same token or covers it from an earlier start.
        """
        out: list[tuple[int, int, T]] = []
        n = len(lower)
        root = self._root
        covered_to = 0
        for i in range(n):
            if is_hyphen(text[i]):
                continue
            best: tuple[int, int, T] | None = None
            node = root
            j = i
            while j < n:
                if is_hyphen(text[j]) and j > i:
                    j += 1
                    continue
                nxt = node.get(lower[j])
                if nxt is None:
                    nxt = node.get("=" + text[j])
                    if nxt is None:
                        break
                node = nxt
                j += 1
                if self._END in node:
                    best = (i, j, node[self._END])
                    if not longest_only:
                        out.append(best)
            if best is not None and longest_only:
                if best[1] > covered_to:
                    out.append(best)
                    covered_to = best[1]
        return out

    def get(self, key: PhraseKey) -> T | None:
        node = self._root
        for tok in key:
            node = node.get(tok)
            if node is None:
                return None
        return node.get(self._END)


def iter_keys(texts: Iterable[str]) -> Iterable[PhraseKey]:
    for t in texts:
        yield phrase_key(t)
