"""The country, nationality and place tables behind `extract_entities`, and their generators."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pycountry
import pytest

from extract.components.entities.gazetteer import capitals, fold, keeps_capitals, load_knowledge
from extract.components.resources import RESOURCES, read_tsv

TOOLS = Path(__file__).resolve().parents[1] / "tools" / "resources"  # the scripts that rebuild and check the tables

TABLES = ("countries.tsv", "nationalities.tsv", "places.tsv")
CODES = {c.alpha_2 for c in pycountry.countries} | {"XK"}


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.mark.parametrize("table", TABLES)
def test_resource_header_names_source_and_generator(table):
    head = [line for line in (RESOURCES / table).read_text(encoding="utf-8").splitlines()[:8] if line.startswith("#")]
    assert any("Source" in line or "GeoNames" in line for line in head)
    script = (
        table.replace(".tsv", "").replace("countries", "make_countries").replace("nationalities", "make_nationalities")
    )
    script = script.replace("places", "make_places")
    assert any(f"tools/resources/{script}.py" in line for line in head)
    assert (TOOLS / f"{script}.py").is_file()


@pytest.mark.parametrize("table", TABLES)
def test_resource_country_codes_are_iso(table):
    column = "code" if table != "places.tsv" else "country_code"
    codes = {row[column] for row in read_tsv(RESOURCES / table)}
    assert codes - CODES - {""} == set()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Maroc", "MA"),
        ("Etats-Unis", "US"),
        ("États-Unis d'Amérique", "US"),
        ("USA", "US"),
        ("RDC", "CD"),
        ("Émirats", "AE"),
        ("Royaume du Maroc", "MA"),
        ("République dominicaine", "DO"),
        ("Côte d'Ivoire", "CI"),
        ("Grande-Bretagne", "GB"),
        ("Corée du Nord", "KP"),
        ("Birmanie", "MM"),
        ("Tchéquie", "CZ"),
    ],
)
def test_countries_know_every_form(kb, name, code):
    assert [e.country_code for e in kb.countries.lookup(name)] == [code]


@pytest.mark.parametrize(
    "name", ["Europe", "Union européenne", "Golfe", "Afrique", "Maghreb", "Antarctique", "réunion"]
)
def test_countries_regions_and_unions_are_not_countries(kb, name):
    assert kb.countries.lookup(name) == []


@pytest.mark.parametrize(
    ("masc", "forms"),
    [
        ("marocain", ("marocaine", "marocains", "marocaines")),
        ("algérien", ("algérienne", "algériens", "algériennes")),
        ("danois", ("danoise", "danois", "danoises")),
        ("belge", ("belge", "belges", "belges")),
        ("espagnol", ("espagnole", "espagnols", "espagnoles")),
        ("turc", ("turque", "turcs", "turques")),
        ("grec", ("grecque", "grecs", "grecques")),
        ("ouzbek", ("ouzbèke", "ouzbeks", "ouzbèkes")),
    ],
)
def test_nationality_inflection(masc, forms):
    assert load_script("make_nationalities").inflect(masc) == forms


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("marocains", "MA"),
        ("algérienne", "DZ"),
        ("danoise", "DK"),
        ("iraniens", "IR"),
        ("Américains", "US"),
        ("belges", "BE"),
        ("émiratie", "AE"),
        ("britanniques", "GB"),
        ("congolais", "CD"),
    ],
)
def test_nationalities_table(kb, form, code):
    assert kb.nationalities.lookup(form)[0].country_code == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Strasbourg", "FR"),
        ("Molenbeek", "BE"),
        ("Pétion-Ville", "HT"),
        ("Téhéran", "IR"),
        ("Moscou", "RU"),
        ("Londres", "GB"),
        ("Vienne", "AT"),
        ("Europe", ""),
        ("mer Baltique", ""),
        ("Cisjordanie", "PS"),
    ],
)
def test_places_table_most_populous_first(kb, name, code):
    assert kb.places.lookup(name)[0].country_code == code


@pytest.mark.parametrize(
    ("text", "spelling", "kept"),
    [
        ("le Monde", "Le Monde", True),
        ("LE MONDE", "Le Monde", True),
        ("Le monde", "Le Monde", False),
        ("Nations Unies", "Nations unies", True),
        ("nations unies", "Nations unies", False),
    ],
)
def test_matches_keep_the_names_capitals(text, spelling, kept):
    assert keeps_capitals(text, {capitals(spelling)}) is kept


@pytest.mark.parametrize(
    ("a", "b"), [("États-Unis", "ETATS-UNIS"), ("Côte d’Ivoire", "cote d'ivoire"), ("Pétion-Ville", "petion-ville")]
)
def test_fold_meets_spellings(a, b):
    assert fold(a) == fold(b)
