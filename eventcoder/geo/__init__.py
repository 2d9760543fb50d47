"""Offline geolocation of coded events: where each event happened.

An embedded gazetteer (GeoNames countries, first-level divisions and cities, with
alternate spellings) is matched against the parsed sentences of a story; each event
gets the place phrase of its predicate, else a place tied to its target or action, else
the dateline, else the story's dominant place. See docs/geo.md.

    >>> from eventcoder.geo import StoryPlaces                       # doctest: +SKIP
    >>> places = StoryPlaces(sentences)                              # doctest: +SKIP
    >>> places.place_for(sent, event.verb_index, actor_tokens, ["RUS", "UKR"])  # doctest: +SKIP
"""

from .dateline import find_dateline, parse_dateline_place
from .gazetteer import Candidate, Gazetteer, Place, Precision, Source, haversine_km
from .names import normalize
from .story import Mention, StoryPlaces, actor_tokens_of, find_mentions, iso3_of_actor

__all__ = [
    "Candidate",
    "Gazetteer",
    "Mention",
    "Place",
    "Precision",
    "Source",
    "StoryPlaces",
    "actor_tokens_of",
    "find_dateline",
    "find_mentions",
    "haversine_km",
    "iso3_of_actor",
    "normalize",
    "parse_dateline_place",
]
