"""Name normalisation shared by the gazetteer builder and the matcher.

A place name and a run of sentence tokens are compared on the same *key*: accents
folded, lower case, apostrophes and full stops dropped, hyphens and other punctuation
made spaces, white space collapsed, a leading "the" dropped. So "Al-Fāshir",
"al Fashir" and "AL-FASHIR" share the key ``al fashir``; "U.S." is ``us``;
"N'Djamena" is ``ndjamena``; "The Hague" is ``hague``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

__all__ = [
    "APOSTROPHES",
    "CONNECTORS",
    "normalize",
    "tokens_key",
]

# Characters dropped outright (apostrophes, ayin/hamza marks, full stops).
APOSTROPHES = "'’‘`´ʼʻʿʾ′ˈ"
_DROP = dict.fromkeys(map(ord, APOSTROPHES + ".ʹ"), None)
# Letters that NFKD does not decompose into ASCII.
_SPECIAL = str.maketrans({
    "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ŧ": "t", "ŋ": "ng",
})
_NON_WORD = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")

# Words written in lower case inside place names ("Rio de Janeiro", "al-Fashir",
# "Stratford-upon-Avon"): they do not break the capitalisation check.
CONNECTORS = frozenset({
    "of", "the", "and", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des",
    "la", "le", "les", "los", "las", "el", "al", "ad", "ar", "as", "ash", "at", "az", "an",
    "ez", "es", "en", "ul", "y", "e", "i", "am", "im", "der", "den", "van", "von",
    "upon", "on", "sur", "sous", "bin", "ibn", "bani", "beni", "abu",
})


def _fold(text: str) -> str:
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """The comparison key of a name (see the module docstring); "" for no letters."""
    key = _fold(text).translate(_DROP).lower()
    key = _NON_WORD.sub(" ", key)
    key = _SPACES.sub(" ", key).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


def tokens_key(tokens: Sequence[str]) -> str:
    """The key of a run of tokens: each token normalised, empty ones (hyphens) skipped."""
    return normalize(" ".join(tokens))
