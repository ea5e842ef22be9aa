"""--format duckdb: one database file with the seven tables, the same columns, types and rows as Parquet."""

from __future__ import annotations

import sys

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.errors import UsageError
from extract.schema import SCHEMAS, TABLES
from extract.write import DUCKDB_FILE, TableWriter, formats_of, read_csv_table

runner = CliRunner()


@pytest.mark.parametrize(
    "fmt, expected",
    [
        ("both", ("parquet", "csv")),
        ("duckdb", ("duckdb",)),
        ("parquet,duckdb", ("parquet", "duckdb")),
        ("both,duckdb", ("parquet", "csv", "duckdb")),
        ("csv, csv", ("csv",)),
    ],
)
def test_format_names(fmt, expected):
    assert formats_of(fmt) == expected


@pytest.mark.parametrize("fmt", ["sqlite", "parquet,xlsx", ""])
def test_unknown_format_is_a_usage_error(fmt):
    with pytest.raises(UsageError, match="^fmt must be one of"):
        formats_of(fmt)


def test_duckdb_without_the_package_is_a_one_line_usage_error(tmp_path, monkeypatch, data_dir):
    monkeypatch.setitem(sys.modules, "duckdb", None)  # makes `import duckdb` raise ImportError
    result = runner.invoke(
        app, ["run", str(data_dir / "batch.jsonl"), "--out", str(tmp_path / "o"), "--format", "duckdb"]
    )
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "extract: error: --format duckdb needs the duckdb package: pip install 'extract-news-fr[duckdb]'"
    ]
    assert not (tmp_path / "o").exists()


@pytest.fixture(scope="module")
def run_out(tmp_path_factory, data_dir, nlp):
    out = tmp_path_factory.mktemp("duckdb") / "out"
    result = runner.invoke(
        app,
        [
            "run",
            str(data_dir / "articles"),
            str(data_dir / "seed"),
            "--out",
            str(out),
            "--published",
            "2018-12-17",
            "--format",
            "both,duckdb",
        ],
    )
    assert result.exit_code == 0, result.output
    return out


def test_one_database_file_and_no_temporary_left(run_out):
    assert (run_out / DUCKDB_FILE).is_file()
    assert not [p.name for p in run_out.iterdir() if ".tmp-" in p.name or p.suffix == ".wal"]


@pytest.mark.parametrize("table", TABLES)
def test_duckdb_table_has_the_schema_types_and_the_parquet_rows(run_out, table):
    with duckdb.connect(str(run_out / DUCKDB_FILE), read_only=True) as con:
        stored = con.sql(f'SELECT * FROM "{table}"').to_arrow_table()
    parquet = pq.read_table(run_out / f"{table}.parquet")
    assert stored.schema == SCHEMAS[table] == parquet.schema.remove_metadata()
    assert stored.num_rows == parquet.num_rows
    assert stored.to_pylist() == parquet.to_pylist()


@pytest.mark.parametrize("table", ["mentions", "entities"])
def test_places_and_countries_are_on_the_map_in_parquet_csv_and_duckdb(run_out, table):
    """geonames_id is text like wikidata_id; latitude and longitude are float64 (DOUBLE); other kinds have none."""
    with duckdb.connect(str(run_out / DUCKDB_FILE), read_only=True) as con:
        types = dict(
            con.execute(
                f"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}'"
            ).fetchall()
        )
        rows = con.execute(f'SELECT kind, geonames_id, latitude, longitude, feature FROM "{table}"').fetchall()
    assert (types["geonames_id"], types["latitude"], types["longitude"], types["feature"]) == (
        "VARCHAR",
        "DOUBLE",
        "DOUBLE",
        "VARCHAR",
    )
    countries = [r for r in rows if r[0] == "country"]
    assert countries and all(r[1] and r[1].isdigit() and r[4] == "country" and r[2] is not None for r in countries)
    assert any(r[0] == "place" and r[1] and -90 <= r[2] <= 90 and -180 <= r[3] <= 180 for r in rows)
    assert all(r[1:] == (None, None, None, None) for r in rows if r[0] in ("organisation", "person", "nationality"))
    parquet = pd.read_parquet(run_out / f"{table}.parquet")
    assert str(parquet.latitude.dtype) == "float64" and str(parquet.longitude.dtype) == "float64"
    csv_frame = read_csv_table(run_out / f"{table}.csv", table)
    assert csv_frame.geonames_id.fillna("").tolist() == parquet.geonames_id.fillna("").tolist()
    assert csv_frame.latitude.round(5).fillna(0).tolist() == parquet.latitude.round(5).fillna(0).tolist()


def test_the_database_holds_only_the_five_tables(run_out):
    with duckdb.connect(str(run_out / DUCKDB_FILE), read_only=True) as con:
        names = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert names == set(TABLES)


def test_the_readme_question_has_one_answer_in_pandas_duckdb_and_csv(run_out):
    """Which countries are named most (by name or nationality), and in how many articles?"""
    import csv
    from collections import defaultdict

    import pandas as pd

    mentions = pd.read_parquet(run_out / "mentions.parquet")
    national = mentions[mentions.kind.isin(["country", "nationality"]) & mentions.country_code.notna()]
    frame = national.groupby("country_code").agg(mentions=("doc_id", "size"), articles=("doc_id", "nunique"))
    in_pandas = sorted((code, int(row.mentions), int(row.articles)) for code, row in frame.iterrows())

    with duckdb.connect(str(run_out / DUCKDB_FILE), read_only=True) as con:
        in_duckdb = sorted(
            con.execute(
                "select country_code, count(*), count(distinct doc_id) from mentions "
                "where kind in ('country', 'nationality') and country_code is not null group by country_code"
            ).fetchall()
        )

    counts, articles = defaultdict(int), defaultdict(set)
    with open(run_out / "mentions.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] in ("country", "nationality") and row["country_code"]:
                counts[row["country_code"]] += 1
                articles[row["country_code"]].add(row["doc_id"])
    in_csv = sorted((code, n, len(articles[code])) for code, n in counts.items())

    assert len(in_pandas) >= 4  # the seed names Morocco, France, Spain, Belgium...
    assert in_pandas == in_duckdb == in_csv


def _mention(text: str) -> tuple:
    return ("d", 1, 1, 0, len(text), text, "ORG", "organisation", text, None, None, None, None, None, None)


def test_abort_leaves_the_previous_database_whole(tmp_path):
    first = TableWriter(tmp_path, ("duckdb",))
    first.add("mentions", [_mention("Interpol")])
    first.commit()
    second = TableWriter(tmp_path, ("duckdb",))
    second.add("mentions", [_mention("Europol"), _mention("ONU")])
    second.abort()
    assert sorted(p.name for p in tmp_path.iterdir()) == [DUCKDB_FILE]
    with duckdb.connect(str(tmp_path / DUCKDB_FILE), read_only=True) as con:
        assert con.execute("SELECT text FROM mentions").fetchall() == [("Interpol",)]
