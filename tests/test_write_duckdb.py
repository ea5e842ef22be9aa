"""--format duckdb: one database file with the five tables, the same columns, types and rows as Parquet."""

from __future__ import annotations

import sys

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.errors import UsageError
from extract.tables import SCHEMAS, TABLES
from extract.write import DUCKDB_FILE, TableWriter, formats_of

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
    with pytest.raises(UsageError, match="--format must be one of"):
        formats_of(fmt)


def test_duckdb_without_the_package_is_a_one_line_usage_error(tmp_path, monkeypatch, data_dir):
    monkeypatch.setitem(sys.modules, "duckdb", None)  # makes `import duckdb` raise ImportError
    result = runner.invoke(app, ["run", str(data_dir / "batch.jsonl"), "--out", str(tmp_path / "o"), "--format", "duckdb"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == ["extract: error: --format duckdb needs the duckdb package: pip install 'extract[duckdb]'"]
    assert not (tmp_path / "o").exists()


@pytest.fixture(scope="module")
def run_out(tmp_path_factory, data_dir, nlp):
    out = tmp_path_factory.mktemp("duckdb") / "out"
    result = runner.invoke(
        app, ["run", str(data_dir / "articles"), str(data_dir / "seed"), "--out", str(out), "--published", "2018-12-17", "--format", "parquet,duckdb"]
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


def test_the_database_holds_only_the_five_tables(run_out):
    with duckdb.connect(str(run_out / DUCKDB_FILE), read_only=True) as con:
        names = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert names == set(TABLES)


def _mention(text: str) -> tuple:
    return ("d", 1, 1, 0, len(text), text, "ORG", "organisation", text, None, None)


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
