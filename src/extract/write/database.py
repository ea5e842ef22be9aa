"""The DuckDB form of the tables: the file name and each table's CREATE TABLE from its Arrow schema."""

from __future__ import annotations

import pyarrow as pa

from extract.schema import SCHEMAS, STRING_LIST

DUCKDB_FILE = "extract.duckdb"
# Arrow type → DuckDB column type, for the types the schema uses.
DUCKDB_TYPES = {
    pa.string(): "VARCHAR",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    STRING_LIST: "VARCHAR[]",
}


def duckdb_ddl(table: str) -> str:
    """The CREATE TABLE statement of one table, with the DuckDB types of its Arrow schema."""
    columns = ", ".join(f'"{field.name}" {DUCKDB_TYPES[field.type]}' for field in SCHEMAS[table])
    return f'CREATE TABLE "{table}" ({columns})'
