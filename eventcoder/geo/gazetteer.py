"""The embedded gazetteer: countries, first-level divisions (admin1) and cities.

The data file ``eventcoder/data/gazetteer.tsv.gz`` is generated from GeoNames (CC BY 4.0)
by ``tools/build_gazetteer.py``; see docs/geo.md. It is read once, on first use, into
plain lists and one dictionary from name keys (:func:`~eventcoder.geo.names.normalize`)
to entries; nothing is downloaded and no server is used.
"""

from __future__ import annotations

import gzip
import math
import sys
import threading
from array import array
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Literal

import attrs

from .names import normalize

__all__ = ["DATA_FILE", "Candidate", "Gazetteer", "Place", "Precision", "Source", "haversine_km"]

DATA_FILE = "gazetteer.tsv.gz"

Precision = Literal["city", "admin1", "country"]
Source = Literal["sentence", "dateline", "story"]
_KINDS: dict[str, Precision] = {"C": "country", "A": "admin1", "P": "city"}

# Prior of an entry, in log10(population) units.
KIND_BONUS: dict[str, float] = {"country": 2.0, "admin1": -1.0, "city": 0.0}
CAPITAL_BONUS = 0.5
ALTERNATE_PENALTY = 2.5
# An admin1 unit named like a city of its country ("Kandahar", "Kiev") is the city unless
# the text says "province" or the like (see eventcoder.geo.story).
EPONYMOUS_ADMIN1_PENALTY = 3.0
# ... when that city has at least this share of the unit's population (Kandahar, Kiev and
# Washington do; Florida, New York does not beside the state of Florida)
EPONYMOUS_CITY_SHARE = 0.02
# Names looked up recently, with their ranked candidates (bounded; restarted when full).
LOOKUP_CACHE_SIZE = 50_000
# Continents, oceans and world regions (normalised keys): names of no one place, though
# some small towns share them ("Asia", Philippines; "Pacific", Missouri)
WORLD_REGIONS = frozenset({
    "asia", "africa", "europe", "americas", "north america", "south america",
    "latin america", "central america", "oceania", "antarctica", "arctic", "antarctic",
    "pacific", "atlantic", "indian ocean", "pacific ocean", "atlantic ocean", "arctic ocean",
    "middle east", "near east", "far east", "east asia", "south asia", "southeast asia",
    "central asia", "west africa", "east africa", "north africa", "southern africa",
    "central africa", "sub saharan africa", "horn of africa", "sahel", "balkans", "caucasus",
    "caribbean", "mediterranean", "eurasia", "scandinavia", "asia pacific", "indo pacific",
    "western europe", "eastern europe", "central europe", "persian gulf", "gulf"})
PREFERRED_ADMIN1_BONUS = 2.5  # "Gaza" is the Gaza Strip rather than Gaza City


@attrs.frozen
class Place:
    """Where an event happened, as written in the output columns.

    ``name`` is the gazetteer's name, ``text`` the words of the story (or dateline),
    ``country_iso3`` ISO 3166-1 alpha-3 (GeoNames' ``XKX`` for Kosovo), ``admin1`` the
    first-level division's name ("" for a country), ``lat``/``lon`` in degrees (WGS84),
    ``precision`` "city", "admin1" or "country", ``source`` "sentence", "dateline" or
    "story", ``geonames_id`` the GeoNames id (None for admin1 units outside the US).
    """

    name: str
    text: str
    country_iso3: str
    admin1: str
    lat: float
    lon: float
    precision: Precision
    source: Source
    geonames_id: int | None = None

    def as_columns(self) -> dict[str, object]:
        """The output columns of this place (see docs/geo.md)."""
        return {
            "location_name": self.name,
            "location_text": self.text,
            "location_country": self.country_iso3,
            "location_admin1": self.admin1,
            "latitude": self.lat,
            "longitude": self.lon,
            "location_precision": self.precision,
            "location_source": self.source,
            "geonames_id": self.geonames_id,
        }

    @staticmethod
    def empty_columns() -> dict[str, object]:
        """The output columns of an event without a place: all None."""
        return dict.fromkeys(("location_name", "location_text", "location_country", "location_admin1",
                              "latitude", "longitude", "location_precision", "location_source",
                              "geonames_id"))


@attrs.frozen
class Candidate:
    """One gazetteer entry a name may refer to.

    ``alternate`` is True when the name looked up is only one of the entry's alternate
    names (historic names, other languages' spellings), not its own name or a curated
    English alias; ``prior`` is the entry's score before context (population, kind).
    """

    id: int
    precision: Precision
    name: str
    country_iso2: str
    country_iso3: str
    admin1: str
    lat: float
    lon: float
    population: int
    geonames_id: int | None
    capital: bool = False
    region: bool = False
    preferred: bool = False
    alternate: bool = False

    @property
    def prior(self) -> float:
        score = math.log10(self.population + 10) + KIND_BONUS[self.precision]
        if self.capital:
            score += CAPITAL_BONUS
        if self.preferred:
            score += PREFERRED_ADMIN1_BONUS - KIND_BONUS["admin1"]
        if self.alternate:
            score -= ALTERNATE_PENALTY
        return score

    def place(self, text: str, source: Source) -> Place:
        return Place(self.name, text, self.country_iso3, self.admin1, self.lat, self.lon,
                     self.precision, source, self.geonames_id)


def eponymous_cities(candidates: Iterable[Candidate]) -> dict[str, int]:
    """The population of the largest city of each country among ``candidates`` (entries
    of one name), for :meth:`Gazetteer.rank_score`."""
    out: dict[str, int] = {}
    for c in candidates:
        if c.precision == "city" and c.population >= out.get(c.country_iso3, -1):
            out[c.country_iso3] = c.population
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Countries, admin1 units and cities with their names, read from the embedded file.

    ``Gazetteer.default()`` is the shipped gazetteer, loaded once per process (thread
    safe) on first use; ``Gazetteer(path)`` reads another file of the same format.
    """

    _default: Gazetteer | None = None
    _lock = threading.Lock()

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            raw = resources.files("eventcoder.data").joinpath(DATA_FILE).read_bytes()
            self.source = f"eventcoder/data/{DATA_FILE}"
        else:
            raw = Path(path).read_bytes()
            self.source = str(path)
        data = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
        del raw
        # The index (normalised keys) is ASCII: decoded apart, it stays one byte a character.
        cut = data.find(b"\n@index\n")
        if cut < 0 or not data.startswith(b"#eventcoder-gazetteer\t2"):
            raise ValueError(f"{self.source}: not an eventcoder gazetteer (format 2)")
        head = data[:cut].decode("utf-8")
        index_text = data[cut + 8:].decode("ascii", errors="replace")
        del data
        self.meta: dict[str, str] = {}
        self._looked_up: dict[str, list[Candidate]] = {}
        cols: dict[str, list[str]] = {}
        for line in head.split("\n"):
            if line.startswith("#"):
                k, _, v = line[1:].partition("\t")
                self.meta[k] = v
            elif line.startswith("@"):
                k, _, v = line[1:].partition("\t")
                cols[k] = list(v) if k == "kind" else v.split("\t")
        intern = sys.intern
        self._kinds: list[Precision] = [_KINDS[k] for k in cols["kind"]]
        self._gid = array("q", (int(v) if v else 0 for v in cols["geonames_id"]))
        self._names: list[str] = cols["name"]
        self._iso2: list[str] = list(map(intern, cols["iso2"]))
        self._iso3: list[str] = list(map(intern, cols["iso3"]))
        self._admin1: list[str] = list(map(intern, cols["admin1"]))
        self._lat = array("d", map(float, cols["lat"]))
        self._lon = array("d", map(float, cols["lon"]))
        self._pop = array("q", map(int, cols["population"]))
        self._flags: list[str] = list(map(intern, cols["flags"]))
        common = cols.get("common", [""])[0]
        self.common_words: frozenset[str] = frozenset(common.split("|")) if common else frozenset()
        # key -> "code[,code...]" (parsed on lookup); a code is entry * 2 (+ 1: alternate name)
        it = iter(index_text.rstrip("\n").replace("\n", "\t").split("\t"))
        del index_text
        self._index: dict[str, str] = dict(zip(it, it, strict=False))
        del it
        self._country: dict[str, int] = {
            self._iso3[i]: i for i, k in enumerate(self._kinds) if k == "country"}
        self.max_words = int(self.meta.get("max_words", "8"))
        self._prefixes: set[str] | None = None
        n = len(self._kinds)
        if not all(len(c) == n for c in (self._names, self._iso3, self._lat, self._lon, self._pop)):
            raise ValueError(f"{self.source}: columns of different lengths")

    @classmethod
    def default(cls) -> Gazetteer:
        """The shipped gazetteer, loaded on first call and cached for the process."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    cls._default = cls()
        return cls._default

    def __len__(self) -> int:
        return len(self._kinds)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._index

    def has_key(self, key: str) -> bool:
        """True when a normalised key (see :func:`normalize`) names some entry."""
        return key in self._index

    def has_prefix(self, key: str) -> bool:
        """True when some longer key starts with ``key`` and a space ("new" of "new york")."""
        prefixes = self._prefixes
        if prefixes is None:
            prefixes = set()
            for k in self._index:
                pos = k.find(" ")
                while pos > 0:
                    prefixes.add(k[:pos])
                    pos = k.find(" ", pos + 1)
            self._prefixes = prefixes
        return key in prefixes

    def entry(self, i: int, alternate: bool = False) -> Candidate:
        f = self._flags[i]
        return Candidate(i, self._kinds[i], self._names[i], self._iso2[i], self._iso3[i], self._admin1[i],
                         self._lat[i], self._lon[i], self._pop[i], self._gid[i] or None, capital="K" in f,
                         region="R" in f, preferred="P" in f, alternate=alternate)

    def lookup_key(self, key: str) -> list[Candidate]:
        """The entries of a normalised key, best prior first; none for the name of a
        continent, ocean or world region (``WORLD_REGIONS``: "Asia" in "an Asia-Pacific
        summit" is no town in the Philippines)."""
        if key in WORLD_REGIONS:
            return []
        cached = self._looked_up.get(key)
        if cached is None:
            raw = self._index.get(key)
            if raw is None:
                return []
            cached = [self.entry(c >> 1, bool(c & 1)) for c in map(int, raw.split(","))]
            cities = eponymous_cities(cached)
            cached.sort(key=lambda c: (-self.rank_score(c, cities), c.id))
            if len(self._looked_up) >= LOOKUP_CACHE_SIZE:
                self._looked_up.clear()  # news names recur; a full cache simply restarts
            self._looked_up[key] = cached
        return list(cached)

    @staticmethod
    def rank_score(c: Candidate, city_countries: Mapping[str, int]) -> float:
        """The prior, less a penalty for an admin1 unit that a city of its country names
        (``city_countries``: the population of the largest city of each country among the
        candidates, :func:`eponymous_cities`), unless that city is tiny beside the unit
        ("Florida" is the US state, not Florida, New York)."""
        if c.precision == "admin1" and not c.preferred and c.country_iso3 in city_countries \
                and city_countries[c.country_iso3] >= EPONYMOUS_CITY_SHARE * c.population:
            return c.prior - EPONYMOUS_ADMIN1_PENALTY
        return c.prior

    def lookup(self, name: str) -> list[Candidate]:
        """The entries a name may refer to ("Kiev", "El-Fasher", "Tripoli"), best prior first.

        Case, accents, hyphens and apostrophes do not count; an unknown name gives [].
        """
        if not isinstance(name, str):
            return []
        return self.lookup_key(normalize(name))

    def country(self, iso3: str) -> Candidate | None:
        """The country entry of an ISO 3166-1 alpha-3 code, if any."""
        i = self._country.get(iso3)
        return None if i is None else self.entry(i)

    def admin1_entry(self, iso3: str, admin1: str) -> Candidate | None:
        """The admin1 entry of a country with that GeoNames name, if any."""
        for c in self.lookup(admin1):
            if c.precision == "admin1" and c.country_iso3 == iso3 and c.name == admin1:
                return c
        return None

    def resolve(self, name: str, countries: Iterable[str] = ()) -> Candidate | None:
        """The best entry for a free-standing name, such as a dateline's.

        "Springfield, Ill." and "KYIV, Ukraine" are read as a place qualified by an
        admin1 unit or country (US state abbreviations of AP style are known);
        ``countries`` (ISO3) are preferred when given; a national capital named alone is
        preferred over them.
        """
        if not isinstance(name, str) or not name.strip():
            return None
        head, _, qualifier = name.partition(",")
        cands = self.lookup(head)
        if not cands:
            cands = self.lookup(name)
            qualifier = ""
        if not cands:
            return None
        prefer = set(countries)
        qual_countries: set[str] = set()
        qual_admin1: set[tuple[str, str]] = set()
        q = qualifier.strip()
        if q:
            state = US_STATE_ABBREVIATIONS.get(normalize(q))
            for c in self.lookup(state or q):
                if c.precision == "country":
                    qual_countries.add(c.country_iso3)
                elif c.precision == "admin1":
                    qual_admin1.add((c.country_iso3, c.admin1))

        def score(c: Candidate) -> float:
            s = c.prior
            if c.country_iso3 in prefer:
                s += 3.0
            if not q and c.capital:
                # a dateline that names a national capital alone is that capital (AP
                # style qualifies other places): "VIENNA" is Austria's even in a story
                # about the United States, which has small Viennas; a large city of a
                # story country still wins ("Tripoli" in a story about Lebanon)
                s += 1.0
            if c.country_iso3 in qual_countries:
                s += 6.0
            if (c.country_iso3, c.admin1) in qual_admin1:
                s += 8.0
            return s

        return max(cands, key=lambda c: (score(c), -c.id))


# AP style abbreviations of US states used in datelines ("SPRINGFIELD, Ill. (AP) —").
US_STATE_ABBREVIATIONS = {normalize(k): v for k, v in {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky",
    "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan",
    "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana",
    "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota",
    "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island",
    "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee", "Vt.": "Vermont",
    "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia", "Wis.": "Wisconsin",
    "Wyo.": "Wyoming", "D.C.": "District of Columbia",
}.items()}
