"""Whole tables as DataFrames, written in the run's formats: the derived tables and `events` with its `story_id`.

The rows an engine streams are tuples (`TableWriter.add`); what `extract.corpus.derive`
returns at the end of a run is DataFrames, whatever form they were read back from
(Parquet, CSV or DuckDB: list cells as arrays, `; `-joined text or lists; missing values
as None, NaN or NA). `arrow_table` turns one into the table's Arrow schema, and the
writers below put it in a (temporary) file.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from extract.schema import SCHEMAS
from extract.write.cells import csv_cell, split_list

if TYPE_CHECKING:
    import pandas as pd


def _missing(value: Any) -> bool:
    """None, NaN, pandas' NA or NaT (without importing pandas)."""
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")


def _list(value: Any) -> list[str]:
    if isinstance(value, str):
        return split_list(value)
    if value is None or (not hasattr(value, "__len__") and _missing(value)):
        return []
    return [str(v) for v in value if not _missing(v)]


def _cell(value: Any, kind: pa.DataType) -> Any:
    if pa.types.is_list(kind):
        return _list(value)
    if not isinstance(value, str) and _missing(value):
        return None
    if pa.types.is_integer(kind):
        return int(value)
    if pa.types.is_floating(kind):
        return float(value)
    return str(value)


def arrow_table(frame: pd.DataFrame, table: str) -> pa.Table:
    """`frame` with exactly the columns and Arrow types of `table` (a column it lacks is all missing)."""
    schema = SCHEMAS[table]
    n = len(frame)
    arrays = []
    for field in schema:
        values = frame[field.name].tolist() if field.name in frame.columns else [None] * n
        arrays.append(pa.array([_cell(v, field.type) for v in values], type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(data: pa.Table, path: Path, row_group: int) -> None:
    pq.write_table(data, path, compression="zstd", row_group_size=row_group)


def write_csv(data: pa.Table, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(data.schema.names)
        columns = [data.column(i).to_pylist() for i in range(data.num_columns)]
        writer.writerows([tuple(csv_cell(v) for v in row) for row in zip(*columns)])


def replace_in_duckdb(connection: Any, data: pa.Table, table: str) -> None:
    """Put `data` in `table` of an open DuckDB connection, instead of the rows it held."""
    connection.execute(f'DELETE FROM "{table}"')
    connection.register("frame", data)
    connection.execute(f'INSERT INTO "{table}" SELECT * FROM frame')
    connection.unregister("frame")
