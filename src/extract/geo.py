"""Places on the map: GeoNames id, coordinates, feature and country of a place name.

The tables are `resources/geo_places.arrow` (one row per place: countries,
continents, régions, départements, US states, Swiss cantons, cities and
villages, curated seas, rivers, landmarks...) and `resources/geo_aliases.arrow`
(matching key -> place rows), Arrow IPC (Feather v2) files written by
`tools/resources/build_geo.py`; their schema metadata names the sources, the
licences and the command that regenerates them.

    >>> from extract.geo import load
    >>> load().lookup("Addis Abeba").country_code
    'ET'

NumPy and pyarrow only, no spaCy (nor pandas): the entities component, or
anything else, can call it. Loading maps the two files and decodes nothing
until a name is looked up (keys are found by bisection in the sorted key
column), so it costs milliseconds beyond importing pyarrow; the test suite
checks the whole start-up stays under a second in a fresh process.

How `Gazetteer.lookup` resolves a name:

1. The name's key folds case, accents, ligatures, apostrophes, hyphens and
   spacing: "Addis-Abeba", "Addis Abeba" and "ADDIS ABEBA" are one key.
   The name is also tried without a leading article, and that reading wins
   when it outranks the other ("la Californie" is the state, "Le Havre"
   stays the port). A name with no entry is tried as the place after a
   French head noun ("aéroport de Genève"): a `landmark` in that place's
   country at its coordinates, with no GeoNames id of its own (`part_of`
   gives the place's); "région de", "province de"... give the place itself.
2. With `country_hint`, only the candidates in that country are kept (when
   there are any): the caller knows the country ("Paris (Texas)").
3. The candidates are ranked: countries, then continents, then everything
   else by population (a capital's counts three times, a region's is the
   sum of its cities', and one in `home`, France by default, or one named
   by its French exonym, ten times against a namesake: "Gordes" is the
   Vaucluse village, "Bruges" the Belgian city). A place's own names (its
   GeoNames name, its French names) beat other places' alternate names
   (other languages', old names), unless that other place is a country or
   a thousand times as populous.
4. With `context_countries` (the countries the document names), the best
   candidate in those countries is taken, unless the best one elsewhere is a
   country, a continent, a capital, or fifty times as populous: "Paris" in a
   story about Canada is still Paris, France.
5. A city beats a région or département of its own country that the rank
   put first under the same name ("Genève" the city, not the canton; "New
   York" the city, not the state).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

RESOURCES = Path(__file__).resolve().parent / "resources"
PLACES_FILE = "geo_places.arrow"
ALIASES_FILE = "geo_aliases.arrow"

# Features, coarsest first. "capital" is a city that is its country's seat of government.
FEATURES = (
    "country",
    "continent",
    "region",  # first-level division: French région, US state, Swiss canton, German Land...
    "subregion",  # second-level division: French département, Belgian/Spanish/Italian province, English county
    "capital",
    "city",
    "sea",
    "lake",
    "river",
    "mountain",
    "landmark",
    "historical",
)
TOP_FEATURES = {"country", "continent"}
DIVISION_FEATURES = {"region", "subregion"}
CITY_FEATURES = {"capital", "city"}

# Context countries give way to a candidate elsewhere this many times as populous.
CONTEXT_YIELD_RATIO = 50
# A place's own name gives way to another place's alternate name only when that one is this many times as
# populous (GeoNames lists "Sakata" among Jakarta's names: Sakata is still the Japanese city).
ALTERNATE_YIELD_RATIO = 1000
# The news is French: a place in the home country, or a place named by its French exonym ("Bruges" for
# Brugge), counts this many times its population against a namesake ("Gordes" is the Vaucluse village,
# not Gördes in Turkey; "Bruges" the Belgian city, not the Gironde town).
HOME_COUNTRY = "FR"
HOME_WEIGHT = 10

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o", "ł": "l"})
_NON_WORD = re.compile(r"[\W_]+")
_ARTICLE = re.compile(r"^(?:le|la|les|l)\s+")
# French head nouns of names of a facility in a place ("aéroport de Genève"), or of an area that is the
# place itself ("région de Kidal"). Not "gare": Paris stations are named after where their trains go
# (gare de Lyon, gare du Nord).
_HEAD = re.compile(
    r"^(?:l\s+|la\s+|le\s+)?(aeroport(?:\s+international)?|port|universite|hopital|prison|base(?:\s+aerienne)?|"
    r"stade|centrale(?:\s+nucleaire)?|region|province|ville|commune|departement|canton|etat|agglomeration|"
    r"banlieue|environs|centre|centre ville|peripherie)\s+(?:de|d|du|des)\s+(?:l\s+|la\s+|les\s+)?(.+)$"
)
_HEAD_IS_AREA = {"ville", "commune", "agglomeration"}  # the place itself, as it is
_HEAD_IS_DIVISION = {"region", "province", "departement", "canton", "etat"}  # the place itself, a division first


def key(name: str) -> str:
    """The matching key of a place name: lower case, no accents, words split by any non-letter.

    "Addis-Abeba" and "Addis Abeba" -> "addis abeba"; "L'Haÿ-les-Roses" -> "l hay les roses";
    "Œuilly" -> "oeuilly".
    """
    text = name.translate(_LIGATURES)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def _numbers(array: Any) -> np.ndarray:
    """A null-free numeric Arrow array as a NumPy view (Arrow's own to_numpy would import pandas: 0.3 s)."""
    if array.null_count:
        raise ValueError("the geo tables have no nulls in numeric columns")
    dtype = _DTYPES[str(array.type)]
    return np.frombuffer(array.buffers()[1], dtype=dtype)[array.offset : array.offset + len(array)]


_DTYPES = {"int8": np.int8, "int16": np.int16, "int32": np.int32, "int64": np.int64, "float": np.float32}


class _Strings:
    """A string column read lazily: item i is decoded when asked for (bisect needs only ~18 of them)."""

    def __init__(self, array: Any) -> None:
        self._array = array

    def __len__(self) -> int:
        return len(self._array)

    def __getitem__(self, i: int) -> str:
        return str(self._array[i].as_py())


class _Codes:
    """A dictionary-encoded string column: the few distinct values and each row's index into them."""

    def __init__(self, array: Any) -> None:
        self.values: list[str] = array.dictionary.to_pylist()
        self.indices = _numbers(array.indices)
        self._index = {v: i for i, v in enumerate(self.values)}

    def __getitem__(self, row: int) -> str:
        return self.values[self.indices[row]]

    def code(self, value: str) -> int:
        """The index of `value`, or -1 when no row has it."""
        return self._index.get(value, -1)


@dataclass(frozen=True, slots=True)
class Place:
    """One place. Missing values: geonames_id 0, coordinates None, empty strings."""

    geonames_id: int
    name: str  # canonical name, French where one is known
    country_code: str  # ISO 3166-1 alpha-2; empty for continents, seas and other supranational places
    feature: str  # one of FEATURES
    admin1: str = ""  # first-level division the place lies in (région, state, canton)
    admin2: str = ""  # second-level division (département, province, county)
    population: int = 0
    latitude: float | None = None
    longitude: float | None = None
    wikidata_id: str = ""  # countries only, where known
    part_of: int = 0  # for a landmark found through its head noun: the GeoNames id of the place it is in

    def columns(self) -> dict[str, int | float | str | None]:
        """The values of the `mentions`/`entities` columns issue 13.5 adds (None where unknown)."""
        return {
            "geonames_id": self.geonames_id or None,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "feature": self.feature,
        }


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    geonames_id: int
    wikidata_id: str
    latitude: float | None
    longitude: float | None


class Gazetteer:
    """The place tables of one process: see the module docstring for how names resolve."""

    def __init__(self, resources: Path = RESOURCES) -> None:
        from extract.cache import mapped_arrow

        # Feather v2 is the Arrow IPC file format; pyarrow.feather's reader would import pandas.
        places = mapped_arrow("geo_places", resources / PLACES_FILE)
        aliases = mapped_arrow("geo_aliases", resources / ALIASES_FILE)
        self.metadata = {k.decode(): v.decode() for k, v in (places.schema.metadata or {}).items()}
        column = places.column
        self._names = _Strings(column("name").chunk(0))
        self._codes = {
            n: _Codes(column(n).chunk(0)) for n in ("country_code", "feature", "admin1", "admin2", "wikidata_id")
        }
        self._numbers = {
            n: _numbers(column(n).chunk(0)) for n in ("geonames_id", "population", "latitude", "longitude", "exonym")
        }
        self._keys = _Strings(aliases.column("key").chunk(0))  # sorted: looked up by bisection
        self._lists = []
        for name in ("rows", "alternate_rows"):
            rows = aliases.column(name).chunk(0)
            self._lists.append((_numbers(rows.offsets), _numbers(rows.values)))
        self._country_rows: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self._names)

    def place(self, row: int) -> Place:
        """The place of one table row."""
        n, c = self._numbers, self._codes
        lat, lon = float(n["latitude"][row]), float(n["longitude"][row])
        return Place(
            geonames_id=int(n["geonames_id"][row]),
            name=self._names[row],
            country_code=c["country_code"][row],
            feature=c["feature"][row],
            admin1=c["admin1"][row],
            admin2=c["admin2"][row],
            population=int(n["population"][row]),
            latitude=None if lat != lat else round(lat, 5),
            longitude=None if lon != lon else round(lon, 5),
            wikidata_id=c["wikidata_id"][row],
        )

    def _rows_of(self, folded: str) -> tuple[list[int], list[int]]:
        """The rows bearing the key as one of their own names, and those bearing it as an alternate name."""
        i = bisect.bisect_left(self._keys, folded)
        if i == len(self._keys) or self._keys[i] != folded:
            return [], []
        own, other = ([int(r) for r in values[offsets[i] : offsets[i + 1]]] for offsets, values in self._lists)
        return own, other

    def candidates(self, name: str) -> list[Place]:
        """Every place the name's key denotes, best first in the stored rank (no hint, no context)."""
        own, other = self._rows_of(key(name))
        return [self.place(r) for r in own + other]

    def lookup(
        self,
        name: str,
        *,
        country_hint: str | None = None,
        context_countries: Collection[str] = (),
        home: str | None = HOME_COUNTRY,
    ) -> Place | None:
        """The place `name` most likely denotes, or None (see the module docstring for the order)."""
        folded = key(name)
        found = self._resolve(folded, country_hint, context_countries, home)
        bare = _ARTICLE.sub("", folded)
        if bare != folded:
            # "Le Havre" is a name with its article; "la Californie" is California unless a village of
            # that name is all there is: the bare reading wins when it outranks the one with the article.
            without = self._resolve(bare, country_hint, context_countries, home)
            if without is not None and (found is None or self._place_outranks(without, found)):
                return without
        if found is not None:
            return found
        head = _HEAD.match(folded)
        if head:
            noun, rest = head.group(1), head.group(2)
            division = noun in _HEAD_IS_DIVISION
            inner = self._resolve(rest, country_hint, context_countries, home, division=division)
            if inner is not None:
                if division or noun in _HEAD_IS_AREA:
                    return inner  # "la région de Kidal", "l'État de New York": the place itself
                at_place = inner.feature not in TOP_FEATURES  # "stade de France": somewhere in France
                return Place(
                    geonames_id=0,
                    name=name.strip(),
                    country_code=inner.country_code,
                    feature="landmark",
                    admin1=inner.admin1,
                    admin2=inner.admin2,
                    latitude=inner.latitude if at_place else None,
                    longitude=inner.longitude if at_place else None,
                    part_of=inner.geonames_id,
                )
        return None

    def _resolve(
        self, folded: str, hint: str | None, context: Collection[str], home: str | None, *, division: bool = False
    ) -> Place | None:
        own, other = self._rows_of(folded)
        if not own and not other:
            return None
        cc = self._codes["country_code"]
        if hint and any(cc[r] == hint for r in own + other):
            own = [r for r in own if cc[r] == hint]
            other = [r for r in other if cc[r] == hint]
        if home:
            own.sort(key=lambda r: self._weight(r, home, folded))  # stable: the stored rank breaks ties
            other.sort(key=lambda r: self._weight(r, home, folded))
        # A place's own name beats another place's alternate name ("Carthage" is the Tunisian town, not a
        # bigger American one that GeoNames also lists as Carthage), unless that other place is a country
        # or fifty times as populous.
        if own and other and self._alternate_wins(other[0], own[0]):
            rows = other + own
        else:
            rows = own + other
        if context and not hint:
            inside = [r for r in rows if cc[r] in context]
            if inside and inside[0] != rows[0] and not self._outranks(rows[0], inside[0]):
                rows = inside
        if division:  # "région de Kidal": the region of that name in the best candidate's country, if any
            country = cc[rows[0]]
            feature = self._codes["feature"]
            for r in rows:
                if feature[r] in DIVISION_FEATURES and cc[r] == country:
                    return self.place(r)
        return self.place(self._city_over_division(rows, set(own)))

    def _alternate_wins(self, alternate: int, own: int) -> bool:
        feature, pop = self._codes["feature"], self._numbers["population"]
        if feature[own] in TOP_FEATURES:
            return False
        if feature[alternate] in TOP_FEATURES:
            return True
        return int(pop[alternate]) >= ALTERNATE_YIELD_RATIO * max(int(pop[own]), 1)

    def _weight(self, row: int, home: str, folded: str) -> tuple[int, int]:
        """The stored rank's sort key with the home weight: tier, then minus weighted population."""
        feature = self._codes["feature"][row]
        if feature in TOP_FEATURES:
            return (0 if feature == "country" else 1), 0
        population = int(self._numbers["population"][row]) * (3 if feature == "capital" else 1)
        if self._codes["country_code"][row] == home or (
            self._numbers["exonym"][row] and key(self._names[row]) == folded
        ):
            population *= HOME_WEIGHT
        return 2, -population

    @staticmethod
    def _place_outranks(best: Place, other: Place) -> bool:
        if best.feature in TOP_FEATURES or best.feature == "capital":
            return other.feature not in TOP_FEATURES
        return best.population >= CONTEXT_YIELD_RATIO * max(other.population, 1)

    def _outranks(self, best: int, other: int) -> bool:
        feature, pop = self._codes["feature"], self._numbers["population"]
        if feature[best] in TOP_FEATURES or feature[best] == "capital":
            return True
        return int(pop[best]) >= CONTEXT_YIELD_RATIO * max(int(pop[other]), 1)

    def _city_over_division(self, rows: list[int], own: set[int]) -> int:
        """The first row, or the first city of the same country and the same own name when the first is a
        région or département: the city, not the canton, is what "Genève" names."""
        feature, cc = self._codes["feature"], self._codes["country_code"]
        first = rows[0]
        if feature[first] in DIVISION_FEATURES and first in own:
            for r in rows[1:]:
                if r in own and feature[r] in CITY_FEATURES and cc[r] == cc[first]:
                    return r
        return first

    def _countries(self) -> dict[str, int]:
        """ISO code -> row of the country, built on first use."""
        if self._country_rows is None:
            feature = self._codes["feature"]
            rows = np.flatnonzero(feature.indices == feature.code("country"))
            self._country_rows = {self._codes["country_code"][int(r)]: int(r) for r in rows}
        return self._country_rows

    def country(self, code: str) -> Country | None:
        """A country by ISO 3166-1 alpha-2 code: its French name, GeoNames and Wikidata ids, centroid."""
        rows = self._countries()
        row = rows.get(code.upper())
        if row is None:
            return None
        p = self.place(row)
        return Country(p.country_code, p.name, p.geonames_id, p.wikidata_id, p.latitude, p.longitude)


@lru_cache(maxsize=2)
def load(resources: Path = RESOURCES) -> Gazetteer:
    """The place tables, read once per process."""
    return Gazetteer(resources)
