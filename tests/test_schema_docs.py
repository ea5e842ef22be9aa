"""The table docs cover the schema exactly, and docs/tables.md is their current rendering."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from extract.schema import SCHEMAS
from extract.schema_docs import DOCS, EVENT_CATEGORIES, render

DOCS_FILE = Path(__file__).parents[1] / "docs" / "tables.md"


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_every_column_is_documented_and_nothing_else(table):
    assert table in DOCS, f"{table} has no entry in schema_docs.DOCS"
    assert list(DOCS[table].columns) == SCHEMAS[table].names


@pytest.mark.parametrize("table, column", [(t, c) for t, s in SCHEMAS.items() for c in s.names])
def test_every_column_has_a_meaning_and_an_example(table, column):
    doc = DOCS[table].columns[column]
    assert doc.meaning.strip() and doc.example.strip()


def test_docs_file_is_current():
    assert DOCS_FILE.read_text(encoding="utf-8") == render(), "run: python -m extract.schema_docs docs/tables.md"


def _trigger_categories() -> dict[str, str]:
    text = resources.files("extract").joinpath("resources/triggers.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {row["category"]: row["cameo_root"] or "" for row in rows}


def test_event_categories_are_those_the_trigger_lexicon_uses():
    documented = {category: root for category, root, _, _ in EVENT_CATEGORIES}
    used = _trigger_categories()
    assert documented == used
