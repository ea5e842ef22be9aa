"""Read a finished run back: the one reader the report, `show`, `evaluate`, the notebook and the tests use.

A run's folder holds each table as Parquet (a file, or a folder of parts from
the Dask engine), in `extract.duckdb`, or as CSV; whichever was written is
read, in that order of preference, with the schema's column types (CSV cells
get their formula guard undone); every list column (`agents`, `targets`, ...)
holds Python lists of strings whichever format it was read from. Loading a run needs no model:

    from extract.runs import load_tables
    tables = load_tables("data/out")
    tables["events"].query("modality == 'asserted'")
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from extract.errors import UsageError
from extract.schema import DERIVED_TABLES, LIST_COLUMNS, TABLES
from extract.write import DUCKDB_FILE, read_csv_table


def read_table(out: str | Path, table: str) -> pd.DataFrame:
    """One table of the run in `out`: from Parquet, else the DuckDB file, else CSV."""
    if table not in TABLES:
        raise UsageError(f"no table named {table!r} (tables: {', '.join(TABLES)})")
    out = Path(out)
    if (out / f"{table}.parquet").exists():
        return _as_lists(pd.read_parquet(out / f"{table}.parquet"), table)
    if (out / DUCKDB_FILE).is_file():
        import duckdb

        with duckdb.connect(str(out / DUCKDB_FILE), read_only=True) as con:
            return _as_lists(con.sql(f'SELECT * FROM "{table}"').to_arrow_table().to_pandas(), table)
    if (out / f"{table}.csv").is_file():
        return read_csv_table(out / f"{table}.csv", table)
    raise UsageError(
        "{out} {path}: no {table} table found (run `extract run --out {path}` first)",
        option="out",
        path=out,
        table=table,
    )


def _as_lists(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """List cells as Python lists (pyarrow gives NumPy arrays), a missing one as an empty list."""
    for name in LIST_COLUMNS[table]:
        frame[name] = frame[name].map(lambda cell: [] if cell is None else [str(v) for v in cell])
    return frame


def load_tables(out: str | Path) -> dict[str, pd.DataFrame]:
    """The seven tables of the run in `out`, each read by `read_table`.

    A run written before `stories` and `corpus_entities` existed gets them (and
    `events.story_id`) from `extract.corpus.derive`, as a run makes them.
    """
    out = Path(out)
    if (
        not any((out / f"{t}.{suffix}").exists() for t in TABLES for suffix in ("parquet", "csv"))
        and not (out / DUCKDB_FILE).is_file()
    ):
        raise UsageError("{out} {path}: no tables found (run `extract run --out {path}` first)", option="out", path=out)
    written = [t for t in TABLES if t not in DERIVED_TABLES or _has_table(out, t)]
    tables = {table: read_table(out, table) for table in written}
    if len(written) < len(TABLES):
        from extract.corpus import derive

        tables.update(derive(tables))
    return {table: tables[table] for table in TABLES}


def _has_table(out: Path, table: str) -> bool:
    if any((out / f"{table}.{suffix}").exists() for suffix in ("parquet", "csv")):
        return True
    if not (out / DUCKDB_FILE).is_file():
        return False
    import duckdb

    with duckdb.connect(str(out / DUCKDB_FILE), read_only=True) as con:
        found = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]).fetchone()
    return bool(found and found[0])
