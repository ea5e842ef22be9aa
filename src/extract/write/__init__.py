"""Write the tables as Parquet, CSV or one DuckDB database, in chunks, atomically.

Every table is written under a temporary name inside the output folder and
renamed into place only when the whole run has succeeded, so a reader never
sees a half-written table and an interrupted run leaves the previous tables
whole. A lock file refuses a second run writing into the same folder at once.

`writer` (TableWriter, the formats), `atomic` (rename into place, the output
folder), `lock` (OutputLock), `cells` (the CSV formula guard, both ways, list cells and the
CSV reader), `database` (DuckDB names and types), `frames` (whole tables from DataFrames: the
derived tables and `events` with its `story_id`).
"""

from extract.write.atomic import move_into_place, prepare_out, remove_path, write_bytes_atomic, write_text_atomic
from extract.write.cells import csv_cell, neutralise, read_csv_table, split_list, unneutralise
from extract.write.database import DUCKDB_FILE, DUCKDB_TYPES, duckdb_ddl
from extract.write.frames import arrow_table, replace_in_duckdb, write_csv, write_parquet
from extract.write.lock import OutputLock
from extract.write.writer import FORMATS, ROW_GROUP, TableWriter, formats_of

__all__ = [
    "DUCKDB_FILE", "DUCKDB_TYPES", "FORMATS", "ROW_GROUP", "OutputLock", "TableWriter", "arrow_table", "csv_cell", "duckdb_ddl", "formats_of",
    "move_into_place", "neutralise", "prepare_out", "read_csv_table", "remove_path", "replace_in_duckdb", "split_list", "unneutralise",
    "write_bytes_atomic", "write_csv", "write_parquet", "write_text_atomic",
]  # fmt: skip
