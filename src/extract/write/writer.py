"""Write the tables as Parquet, CSV or one DuckDB database, in chunks, atomically.

Every table is written under a temporary name inside the output folder and
renamed into place only when the whole run has succeeded, so a reader never
sees a half-written table and an interrupted run leaves the previous tables
whole. A lock file refuses a second run writing into the same folder at once.
"""

from __future__ import annotations

import csv
import errno
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from extract.errors import UsageError
from extract.schema import DERIVED_TABLES, ROW_TABLES, SCHEMAS, TABLES
from extract.write.atomic import disk_error, move_into_place
from extract.write.cells import csv_cell, read_csv_table
from extract.write.database import DUCKDB_FILE, duckdb_ddl
from extract.write.frames import arrow_table, replace_in_duckdb, write_csv, write_parquet

FORMATS = ("parquet", "csv", "duckdb", "both")
ROW_GROUP = 20_000


def formats_of(fmt: str) -> tuple[str, ...]:
    """The formats an `fmt` value (--format) asks for: one name, `both`, or names joined by commas."""
    formats: list[str] = []
    for name in fmt.split(","):
        name = name.strip()
        if name not in FORMATS:
            raise UsageError(
                "{fmt} must be one of {names}, not {value!r}", option="fmt", names=", ".join(FORMATS), value=fmt
            )
        for one in ("parquet", "csv") if name == "both" else (name,):
            if one not in formats:
                formats.append(one)
    if "duckdb" in formats:
        try:
            import duckdb  # noqa: F401
        except ImportError:
            raise UsageError(
                "{fmt=duckdb} needs the duckdb package: pip install 'extract-news-fr[duckdb]'", option="fmt"
            ) from None
    return tuple(formats)


class TableWriter:
    """Buffer rows per table and write them in chunks to temporary files in `out`.

    With `derive` (a run's writer; not a Dask shard's), `commit` first reads the
    finished `documents`, `entities` and `events` back, calls
    `extract.corpus.derive` and writes `stories`, `corpus_entities` and `events`
    with its `story_id`, so the seven tables are renamed into place together.
    """

    def __init__(self, out: Path, formats: Iterable[str], *, derive: bool = True):
        self.out = out
        self.formats = tuple(formats)
        self.derive = derive
        self.tables = TABLES if derive else ROW_TABLES
        self.buffers: dict[str, list[tuple]] = {name: [] for name in self.tables}
        self.counts: dict[str, int] = {name: 0 for name in self.tables}
        self.temps: dict[tuple[str, str], Path] = {}
        self.parquet: dict[str, pq.ParquetWriter] = {}
        self.csv_files: dict[str, IO[str]] = {}
        self.csv_writers: dict[str, Any] = {}  # csv.writer objects (their type is private to the csv module)
        self.duckdb: Any = None  # a duckdb connection while the DuckDB format is written
        tag = f".tmp-{os.getpid()}"
        for name in self.tables:
            for fmt in self.formats:
                if fmt != "duckdb":
                    self.temps[(name, fmt)] = out / f".{name}.{fmt}{tag}"
        self.duckdb_temp = out / f".{DUCKDB_FILE}{tag}" if "duckdb" in self.formats else None
        try:
            if self.duckdb_temp is not None:
                self._open_duckdb()
            for name in self.tables:
                schema = SCHEMAS[name]
                if "parquet" in self.formats:
                    self.parquet[name] = pq.ParquetWriter(self.temps[(name, "parquet")], schema, compression="zstd")
                if "csv" in self.formats:
                    handle = open(self.temps[(name, "csv")], "w", encoding="utf-8", newline="")
                    self.csv_files[name] = handle
                    self.csv_writers[name] = csv.writer(handle)
                    self.csv_writers[name].writerow(schema.names)
        except OSError as exc:
            self.abort()
            raise disk_error(out, exc) from None

    def _open_duckdb(self) -> None:
        import duckdb

        assert self.duckdb_temp is not None  # called only when the DuckDB format is asked for
        for stale in (self.duckdb_temp, self.duckdb_temp.with_name(self.duckdb_temp.name + ".wal")):
            stale.unlink(missing_ok=True)
        try:
            self.duckdb = duckdb.connect(str(self.duckdb_temp))
            for name in self.tables:
                self.duckdb.execute(duckdb_ddl(name))
        except duckdb.IOException as exc:
            raise OSError(errno.EIO, str(exc).splitlines()[0]) from None

    def add(self, table: str, rows: list[tuple]) -> None:
        if not rows:
            return
        buffer = self.buffers[table]
        buffer.extend(rows)
        self.counts[table] += len(rows)
        if len(buffer) >= ROW_GROUP:
            self.flush(table)

    def add_batch(self, table: str, batch: pa.RecordBatch | pa.Table) -> None:
        """Add rows already in Arrow form (a previous run's, kept by `--update`), after those added so far."""
        if not batch.num_rows:
            return
        self.flush(table)
        schema = SCHEMAS[table]
        batch = batch.select(schema.names).cast(schema)
        try:
            if table in self.parquet:
                if isinstance(batch, pa.Table):
                    self.parquet[table].write_table(batch)
                else:
                    self.parquet[table].write_batch(batch)
            if self.duckdb is not None:
                self.duckdb.register("batch", batch)
                self.duckdb.execute(f'INSERT INTO "{table}" SELECT * FROM batch')
                self.duckdb.unregister("batch")
            if table in self.csv_writers:
                columns = [column.to_pylist() for column in batch.columns]
                self.csv_writers[table].writerows([tuple(csv_cell(v) for v in row) for row in zip(*columns)])
        except OSError as exc:
            raise disk_error(self.out, exc) from None
        self.counts[table] += batch.num_rows

    def flush(self, table: str) -> None:
        buffer = self.buffers[table]
        if not buffer:
            return
        try:
            if table in self.parquet or self.duckdb is not None:
                columns = list(zip(*buffer))
                schema = SCHEMAS[table]
                batch = pa.RecordBatch.from_arrays(
                    [pa.array(column, type=schema.field(i).type) for i, column in enumerate(columns)], schema=schema
                )
            if table in self.parquet:
                self.parquet[table].write_batch(batch)
            if self.duckdb is not None:
                self.duckdb.register("batch", batch)
                self.duckdb.execute(f'INSERT INTO "{table}" SELECT * FROM batch')
                self.duckdb.unregister("batch")
            if table in self.csv_writers:
                self.csv_writers[table].writerows([tuple(csv_cell(v) for v in row) for row in buffer])
        except OSError as exc:
            raise disk_error(self.out, exc) from None
        buffer.clear()

    def commit(self) -> list[Path]:
        """Flush and close every table, then rename them all into place."""
        for table in self.tables:
            self.flush(table)
        self._close()
        if self.derive:
            self._derive()
        written = []
        for (name, fmt), temp in self.temps.items():
            final = self.out / f"{name}.{fmt}"
            move_into_place(temp, final)
            written.append(final)
        if self.duckdb_temp is not None:
            final = self.out / DUCKDB_FILE
            os.replace(self.duckdb_temp, final)
            written.append(final)
        return written

    def _derive(self) -> None:
        """Replace `events` and the derived tables' temporary files by what `extract.corpus.derive` makes of the rest."""
        from extract.corpus import derive

        derived = derive({name: self._read_back(name) for name in ("documents", "mentions", "entities", "events")})
        connection = None
        try:
            if self.duckdb_temp is not None:
                import duckdb

                connection = duckdb.connect(str(self.duckdb_temp))
            for name in ("events", *DERIVED_TABLES):
                data = arrow_table(derived[name], name)
                self.counts[name] = data.num_rows
                if "parquet" in self.formats:
                    write_parquet(data, self.temps[(name, "parquet")], ROW_GROUP)
                if "csv" in self.formats:
                    write_csv(data, self.temps[(name, "csv")])
                if connection is not None:
                    replace_in_duckdb(connection, data, name)
        except OSError as exc:
            raise disk_error(self.out, exc) from None
        finally:
            if connection is not None:
                connection.close()

    def _read_back(self, table: str):
        """A finished temporary table as a DataFrame, from whichever format was written."""
        import pandas as pd

        if "parquet" in self.formats:
            return pd.read_parquet(self.temps[(table, "parquet")])
        if "csv" in self.formats:
            return read_csv_table(self.temps[(table, "csv")], table)
        import duckdb

        with duckdb.connect(str(self.duckdb_temp), read_only=True) as connection:
            return connection.sql(f'SELECT * FROM "{table}"').to_arrow_table().to_pandas()

    def abort(self) -> None:
        """Close and delete the temporary files; the previous tables stay as they were."""
        try:
            self._close()
        finally:
            temps = list(self.temps.values())
            if self.duckdb_temp is not None:
                temps += [self.duckdb_temp, self.duckdb_temp.with_name(self.duckdb_temp.name + ".wal")]
            for temp in temps:
                try:
                    temp.unlink()
                except FileNotFoundError:
                    pass

    def _close(self) -> None:
        for writer in self.parquet.values():
            try:
                writer.close()
            except Exception:
                pass
        self.parquet.clear()
        for handle in self.csv_files.values():
            handle.close()
        self.csv_files.clear()
        self.csv_writers.clear()
        if self.duckdb is not None:
            # Closing checkpoints the write-ahead log into the file, so one file is renamed into place.
            self.duckdb.close()
            self.duckdb = None
