"""Datelines: the place a wire story was filed from ("KABUL, Oct 3 (AP) -")."""

from __future__ import annotations

import re

__all__ = ["find_dateline", "parse_dateline_place"]

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DATE = (rf"(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?(?:,?\s+\d{{4}})?|{_DAY}|\d{{4}}-\d{{2}}-\d{{2}})")
_CAPS_WORD = r"[A-Z][A-Z'’.\-]*[A-Z.]|[A-Z]"
_CAPS_PLACE = rf"(?:{_CAPS_WORD})(?:[ \-](?:{_CAPS_WORD}|al|el|de|la|ez|es))*"
_TITLE_WORD = r"[A-Z][a-zA-Z'’.\-]*"
_TITLE_PLACE = rf"{_TITLE_WORD}(?:[ \-](?:{_TITLE_WORD}|al|el|de|la|ez|es|of|the))*?"
_QUALIFIER = rf"(?!\s*(?:{_MONTH}|{_DAY})\b)\s*{_TITLE_WORD}(?:\s(?:{_TITLE_WORD}|of|the|and)){{0,4}}"
_AGENCY = r"\((?:[A-Za-z][A-Za-z .&/'’-]{0,40})\)"
# A bare hyphen separates only with a space on one side: "KABUL - ...", "KABUL- ...", not
# "ISIS-K fighters" or "NATO-led forces".
_SEP = r"(?:\s*(?:--|[–—:])|\s+-|-(?=[ \t]))"

_DATELINE = re.compile(
    rf"""^[ \t]*
    (?P<place>{_CAPS_PLACE}(?:/{_CAPS_PLACE})*|{_TITLE_PLACE})
    (?:,(?P<qual>{_QUALIFIER}))?
    (?:\s*\((?P<pqual>{_TITLE_WORD}(?:\s{_TITLE_WORD}){{0,3}})\)(?=\s*\())?
    (?:,?\s*(?P<date>{_DATE}))?
    \s*(?P<agency>{_AGENCY})?
    {_SEP}[ \t]*(?=\S)""",
    re.VERBOSE | re.MULTILINE,
)
_CAPS_ONLY = re.compile(rf"^(?:{_CAPS_PLACE})$")
# All-capital words that open a line but are not places.
_NOT_PLACES = frozenset({"UPDATE", "BREAKING", "EXCLUSIVE", "ANALYSIS", "CORRECTED", "FACTBOX",
                         "WRAPUP", "REFILE", "URGENT", "FLASH", "OPINION", "EDITORIAL", "PHOTOS",
                         "VIDEO", "WATCH", "LIVE", "NOTE", "BULLETIN", "ADVISORY", "UPDATED"})


def find_dateline(text: str, max_lines: int = 3) -> tuple[str, int, int] | None:
    """The dateline of a story: (place text, start, end) in characters, or None.

    Only the first ``max_lines`` non-blank lines are searched (a headline may come first).
    ``end`` is where the story's own text starts, after the dash.
    """
    if not isinstance(text, str) or not text:
        return None
    pos = 0
    seen = 0
    while pos < len(text) and seen < max_lines:
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        if text[pos:line_end].strip():
            seen += 1
            m = _DATELINE.match(text, pos, line_end)
            if m is not None:
                found = _accept(m)
                if found is not None:
                    return found, m.start("place"), m.end()
        if nl < 0:
            break
        pos = nl + 1
    return None


def _accept(m: re.Match[str]) -> str | None:
    # "TEHRAN/LONDON, July 5 -": a story filed from two places; the first is where from
    place = m.group("place").split("/")[0].strip()
    caps = bool(_CAPS_ONLY.match(place)) and any(c.isalpha() for c in place) and len(place) > 1
    if place.split("-")[0].split(" ")[0].rstrip(".") in _NOT_PLACES:
        return None
    # A place in title case must come with a date or an agency ("Kabul, Oct 3 (AFP) -");
    # one in capitals may stand alone ("BEIRUT —").
    if not caps and not (m.group("date") or m.group("agency")):
        return None
    if len(place.split()) > 6:
        return None
    # "Garissa (Kenya) (AFP) -": AFP's country in brackets, only before an agency
    if m.group("pqual") and not m.group("agency"):
        return None
    qual = (m.group("qual") or m.group("pqual") or "").strip()
    return f"{place}, {qual}" if qual else place


def parse_dateline_place(text: str) -> str | None:
    """The place text of a story's dateline, or None.

    >>> parse_dateline_place("KABUL, Oct 3 (AP) - Taliban fighters attacked...")
    'KABUL'
    >>> parse_dateline_place("WASHINGTON (Reuters) - The Senate voted...")
    'WASHINGTON'
    >>> parse_dateline_place("KYIV, Ukraine (AP) — Russian drones struck...")
    'KYIV, Ukraine'
    >>> parse_dateline_place("TEHRAN/LONDON, July 5 (Reuters) - Iran demanded...")
    'TEHRAN'
    >>> parse_dateline_place("Garissa (Kenya) (AFP) - Gunmen killed ...")
    'Garissa, Kenya'
    >>> parse_dateline_place("The Senate voted on Tuesday.") is None
    True

    A qualifier after the place (a country, a state, an AP state abbreviation such as
    "Ill.") is kept after a comma; :meth:`Gazetteer.resolve` reads it.
    """
    found = find_dateline(text)
    return found[0] if found is not None else None
