"""The map tables behind `extract.geo`: names to GeoNames places, countries to Wikidata ids and centres."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest

from extract.geo import ALIASES_FILE, FEATURES, PLACES_FILE, RESOURCES, Gazetteer, key, load

TOOLS = Path(__file__).resolve().parents[1] / "tools" / "resources"
MAX_SHIPPED_BYTES = 25_000_000
# Metropolitan France with Corsica, roughly.
FRANCE_BOX = (41.0, 51.5, -5.5, 10.0)


@pytest.fixture(scope="module")
def geo() -> Gazetteer:
    return load()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Addis-Abeba", "addis abeba"),
        ("Addis Abeba", "addis abeba"),
        ("  ADDIS–ABEBA ", "addis abeba"),
        ("L’Haÿ-les-Roses", "l hay les roses"),
        ("Saint-Étienne", "saint etienne"),
        ("Œuilly", "oeuilly"),
    ],
)
def test_key_folds_case_accents_hyphens_and_apostrophes(name, expected):
    assert key(name) == expected


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [
        ("Addis Abeba", "ET", "capital"),  # space or hyphen: one place
        ("Addis-Abeba", "ET", "capital"),
        ("Arizona", "US", "region"),  # the state, not the Honduran town
        ("Genève", "CH", "city"),  # the city, not the canton of the same name
        ("Geneva", "CH", "city"),
        ("Bâle", "CH", "city"),
        ("Tessin", "CH", "region"),  # a Swiss canton by its French name
        ("Vaud", "CH", "region"),
        ("Pékin", "CN", "capital"),
        ("Londres", "GB", "capital"),
        ("Westminster", "GB", "city"),  # not Westminster, Colorado
        ("Californie", "US", "region"),
        ("la Californie", "US", "region"),  # the article dropped: not the Nice neighbourhood
        ("Bavière", "DE", "region"),
        ("Nouvelle-Aquitaine", "FR", "region"),
        ("Finistère", "FR", "subregion"),
        ("Seine-Saint-Denis", "FR", "subregion"),
        ("Plougastel-Daoulas", "FR", "city"),
        ("Gordes", "FR", "city"),  # the Vaucluse village beats Gördes (Turkey): French news
        ("Carthage", "TN", "city"),  # its own name beats an alternate name of a bigger place
        ("Le Havre", "FR", "city"),  # an article that belongs to the name
        ("Mexico", "MX", "capital"),  # the city: the country is "Mexique" in French
        ("Bruges", "BE", "city"),  # a French exonym beats the Gironde town of the same name
        ("Sakata", "JP", "city"),  # its own name, not an alternate name GeoNames gives Jakarta
        ("Éthiopie", "ET", "country"),
        ("Afrique", "", "continent"),
    ],
)
def test_lookup_resolves_place_to_country_and_feature(geo, name, country, feature):
    place = geo.lookup(name)
    assert place is not None, name
    assert (place.country_code, place.feature) == (country, feature)
    assert feature in FEATURES


def test_spelling_variants_are_one_place(geo):
    a, b = geo.lookup("Addis Abeba"), geo.lookup("Addis-Abeba")
    assert a is not None and a == b
    assert a.geonames_id == 344979 and a.name == "Addis-Abeba"


@pytest.mark.parametrize("village", ["Oradour-sur-Glane", "Saint-Jean-de-Losne", "Plougastel-Daoulas"])
def test_french_village_has_code_and_coordinates_in_france(geo, village):
    place = geo.lookup(village)
    assert place is not None and place.country_code == "FR" and place.geonames_id > 0
    lat_min, lat_max, lon_min, lon_max = FRANCE_BOX
    assert place.latitude is not None and place.longitude is not None
    assert lat_min < place.latitude < lat_max and lon_min < place.longitude < lon_max
    assert place.admin1 and place.admin2  # its région and its département


def test_hint_decides_a_namesake(geo):
    default = geo.lookup("Paris")
    texan = geo.lookup("Paris", country_hint="US")
    assert default is not None and (default.country_code, default.feature) == ("FR", "capital")
    assert texan is not None and texan.country_code == "US" and texan.admin1 == "Texas"
    assert texan.geonames_id != default.geonames_id


def test_context_prefers_the_document_countries_but_not_over_a_far_bigger_place(geo):
    assert geo.lookup("Westminster", context_countries={"US"}).country_code == "US"  # type: ignore[union-attr]
    # A story about Canada still means the French capital by "Paris" (Paris, Ontario is 170 times smaller).
    assert geo.lookup("Paris", context_countries={"CA"}).country_code == "FR"  # type: ignore[union-attr]


def test_facility_of_a_place_is_a_landmark_in_its_country(geo):
    airport = geo.lookup("aéroport de Genève")
    city = geo.lookup("Genève")
    assert airport is not None and city is not None
    assert (airport.feature, airport.country_code) == ("landmark", "CH")
    assert airport.geonames_id == 0 and airport.part_of == city.geonames_id
    assert (airport.latitude, airport.longitude) == (city.latitude, city.longitude)


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [
        ("l'État de New York", "US", "region"),  # the state, where "New York" alone is the city
        ("département du Nord", "FR", "subregion"),
        ("ville de Genève", "CH", "city"),
    ],
)
def test_division_head_nouns_name_the_place_itself(geo, name, country, feature):
    place = geo.lookup(name)
    assert place is not None and (place.country_code, place.feature) == (country, feature)
    assert place.geonames_id > 0


def test_facility_of_a_country_has_its_country_but_no_coordinates(geo):
    stadium = geo.lookup("stade de France")
    assert stadium is not None and (stadium.feature, stadium.country_code) == ("landmark", "FR")
    assert stadium.latitude is None  # a country's centre is not where the stadium is


def test_columns_of_a_place(geo):
    city = geo.lookup("Genève")
    assert city is not None
    assert city.columns() == {
        "geonames_id": 2660646,
        "latitude": city.latitude,
        "longitude": city.longitude,
        "feature": "city",
    }
    assert geo.lookup("aéroport de Genève").columns()["geonames_id"] is None  # type: ignore[union-attr]


@pytest.mark.parametrize("word", ["demain", "ministre", "Gouvernement", "Président", "aéroport"])
def test_common_words_do_not_resolve(geo, word):
    assert geo.lookup(word) is None


def test_country_has_wikidata_id_geonames_id_and_centroid(geo):
    france = geo.country("FR")
    assert france is not None
    assert (france.name, france.wikidata_id, france.geonames_id) == ("France", "Q142", 3017382)
    assert france.latitude is not None and france.longitude is not None
    assert 45.5 < france.latitude < 47.5 and 1.0 < france.longitude < 3.5  # mainland centre, not the overseas mean
    assert geo.country("fr") == france
    assert geo.country("ZZ") is None


def test_every_country_code_has_a_centre(geo):
    missing = [code for code, row in geo._countries().items() if geo.place(row).latitude is None]
    assert len(missing) <= 10, missing


def test_tables_name_source_licence_and_build_script():
    for name in (PLACES_FILE, ALIASES_FILE):
        meta = pa.ipc.open_file(RESOURCES / name).schema.metadata
        assert meta is not None, name
        text = {k.decode(): v.decode() for k, v in meta.items()}
        assert "GeoNames" in text["source"], name
        assert "CC BY 4.0" in text["licence"], name
        assert "tools/resources/build_geo.py" in text["regenerate"], name
        assert (TOOLS / "build_geo.py").is_file()
    header = [line for line in (TOOLS / "country_wikidata.tsv").read_text(encoding="utf-8").splitlines()][:6]
    assert header[0].startswith("#") and any("Source:" in line for line in header)
    assert any("CC0" in line for line in header)


def test_shipped_size_is_small():
    total = sum((RESOURCES / name).stat().st_size for name in (PLACES_FILE, ALIASES_FILE))
    assert total < MAX_SHIPPED_BYTES


def test_loads_in_a_fresh_process_within_a_second_without_spacy_or_pandas():
    code = (
        "import sys, time; t = time.perf_counter(); from extract.geo import load; g = load(); g.lookup('Paris'); "
        "print(time.perf_counter() - t, 'spacy' in sys.modules, 'pandas' in sys.modules)"
    )
    runs = []
    for _ in range(3):  # the best of three: a busy CI machine is not the loader's cost
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
        runs.append(float(out[0]))
        assert out[1:] == ["False", "False"]
    assert min(runs) < 1.0, runs


def test_the_tables_are_mapped_from_an_uncompressed_copy_in_the_cache(tmp_path, monkeypatch):
    """Issue 16.2: the place tables are read from a memory-mapped file shared by every process, not decoded."""
    from extract.cache import mapped_arrow

    monkeypatch.setenv("EXTRACT_CACHE_DIR", str(tmp_path))
    source = RESOURCES / PLACES_FILE
    table = mapped_arrow("geo_places", source)
    copies = list(tmp_path.glob("geo_places-*.arrow"))
    assert len(copies) == 1
    with pa.memory_map(str(copies[0])) as mapped:
        assert pa.ipc.open_file(mapped).schema.metadata == pa.ipc.open_file(source).schema.metadata
    _assert_same_rows(table, pa.ipc.open_file(source).read_all())
    # The second process maps the copy: its buffers point into the file, no column was decoded.
    before = pa.total_allocated_bytes()
    again = mapped_arrow("geo_places", source)
    assert pa.total_allocated_bytes() - before < 100_000  # decoded, it is about 10 MB
    _assert_same_rows(again, table)


def test_the_tables_still_load_with_the_cache_off(monkeypatch):
    from extract.cache import mapped_arrow

    monkeypatch.setenv("EXTRACT_CACHE_DIR", "off")
    table = mapped_arrow("geo_places", RESOURCES / PLACES_FILE)
    assert table.num_rows == pa.ipc.open_file(RESOURCES / PLACES_FILE).read_all().num_rows
    assert Gazetteer().lookup("Addis Abeba").country_code == "ET"


def _assert_same_rows(a: pa.Table, b: pa.Table) -> None:
    """Same columns and values (missing coordinates are NaN, which `Table.equals` never finds equal)."""
    import numpy as np

    assert a.schema.names == b.schema.names and a.num_rows == b.num_rows
    for name in a.schema.names:
        x, y = a.column(name), b.column(name)
        if pa.types.is_floating(x.type):
            assert np.array_equal(x.to_numpy(), y.to_numpy(), equal_nan=True), name
        else:
            assert x.to_pylist() == y.to_pylist(), name
