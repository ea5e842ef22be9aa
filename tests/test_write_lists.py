"""The list columns (events.agents, targets and their country codes) round-trip through every format."""

from __future__ import annotations

import csv

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract import runs
from extract.schema import COLUMNS, LIST_COLUMNS, SCHEMAS
from extract.write import DUCKDB_FILE, TableWriter


def event_row(event_id: int, agents: list[str], codes: list[str]) -> tuple:
    values = {
        "doc_id": "d", "event_id": event_id, "sentence_id": 1, "start": 0, "end": 7, "trigger": "attaque",
        "trigger_lemma": "attaque", "category": "assault", "cameo_root": "18", "goldstein": -9.0,
        "modality": "asserted", "date_value": "2015-06-26", "date_source": "clause", "timex_id": 1,
        "place": "Sousse", "place_country_code": "TN", "place_source": "sentence", "agents": agents,
        "agent_country_codes": codes, "targets": [], "target_country_codes": ["TN"], "coref_id": 1, "story_id": None,
        "sentence": "Une attaque.",
    }  # fmt: skip
    return tuple(values[name] for name in COLUMNS["events"])


ROWS = [
    event_row(1, ["État islamique", "-Groupe=armé"], ["IQ", "SY"]),
    event_row(3, ["=Hyperion"], []),  # a cell a spreadsheet would run as a formula: guarded, then undone
    event_row(2, [], []),
]


@pytest.fixture(params=["parquet", "csv", "duckdb"])
def written(request, tmp_path):
    writer = TableWriter(tmp_path, (request.param,))
    writer.add("events", ROWS)
    writer.commit()
    return request.param, tmp_path


def test_the_list_columns_are_the_four_of_the_spec():
    assert LIST_COLUMNS["events"] == ["agents", "agent_country_codes", "targets", "target_country_codes"]
    assert all(SCHEMAS["events"].field(name).type == pa.list_(pa.string()) for name in LIST_COLUMNS["events"])


def test_every_reader_gives_the_lists_back(written):
    fmt, out = written
    frame = runs.read_table(out, "events")
    assert frame["agents"].tolist() == [["État islamique", "-Groupe=armé"], ["=Hyperion"], []], fmt
    assert frame["agent_country_codes"].tolist() == [["IQ", "SY"], [], []], fmt
    assert frame["targets"].tolist() == [[], [], []], fmt
    assert frame["target_country_codes"].tolist() == [["TN"]] * 3, fmt
    assert frame["goldstein"].tolist() == [-9.0] * 3, fmt


def test_each_format_stores_lists_natively_or_joined(written):
    fmt, out = written
    if fmt == "parquet":
        table = pq.read_table(out / "events.parquet")
        assert table.schema.field("agents").type == pa.list_(pa.string())
        assert table.column("agents").to_pylist() == [["État islamique", "-Groupe=armé"], ["=Hyperion"], []]
    elif fmt == "duckdb":
        with duckdb.connect(str(out / DUCKDB_FILE), read_only=True) as con:
            types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns").fetchall())
            assert types["agents"] == "VARCHAR[]" and types["goldstein"] == "DOUBLE"
            assert con.execute("SELECT len(agents) FROM events ORDER BY event_id").fetchall() == [(2,), (0,), (1,)]
    else:
        with open(out / "events.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert rows[0]["agents"] == "État islamique; -Groupe=armé"
        assert rows[0]["agent_country_codes"] == "IQ; SY"
        assert rows[1]["agents"] == "'=Hyperion"
        assert rows[2]["agents"] == "" and rows[2]["targets"] == ""
