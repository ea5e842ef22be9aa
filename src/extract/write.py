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
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from extract.errors import OutputError, UsageError
from extract.schema import SCHEMAS, TABLES

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("parquet", "csv", "duckdb", "both")
DUCKDB_FILE = "extract.duckdb"
# Arrow type → DuckDB column type, for the types the schema uses.
DUCKDB_TYPES = {pa.string(): "VARCHAR", pa.int32(): "INTEGER", pa.int64(): "BIGINT"}
ROW_GROUP = 20_000
# Characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A cell that starts with one of these gets a `'`; a `'` among them keeps the guard reversible.
GUARDED_START = FORMULA_START + ("'",)


def neutralise(value: str) -> str:
    """Prefix a text cell that a spreadsheet would run as a formula with `'`.

    A cell that already starts with `'` gets one more, so the guard is reversible:
    `unneutralise(neutralise(v)) == v` for every string.
    """
    return "'" + value if value.startswith(GUARDED_START) else value


def unneutralise(value: str) -> str:
    """Undo `neutralise`: drop exactly one leading `'` when the rest is a guarded start."""
    return value[1:] if value.startswith("'") and value[1:].startswith(GUARDED_START) else value


def read_csv_table(path: Path, table: str) -> pd.DataFrame:
    """One of our CSV tables as a DataFrame with the schema's types and the original strings.

    Integer columns are nullable `Int64`, text columns `string`; empty cells are missing
    values and the formula guard is undone, so the frame holds what the Parquet file holds.
    """
    import pandas as pd

    types = {f.name: ("Int64" if pa.types.is_integer(f.type) else "string") for f in SCHEMAS[table]}
    frame = pd.read_csv(path, dtype=types, keep_default_na=False, na_values=[""])
    for name, kind in types.items():
        if kind == "string":
            frame[name] = frame[name].map(unneutralise, na_action="ignore").astype("string")
    return frame


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


def duckdb_ddl(table: str) -> str:
    """The CREATE TABLE statement of one table, with the DuckDB types of its Arrow schema."""
    columns = ", ".join(f'"{field.name}" {DUCKDB_TYPES[field.type]}' for field in SCHEMAS[table])
    return f'CREATE TABLE "{table}" ({columns})'


class OutputLock:
    """An exclusive lock on the output folder for the length of a run.

    `filelock.FileLock` takes an OS lock (flock on Unix, msvcrt on Windows) on
    `.extract.lock`, so the lock dies with the process. The file itself stays in the
    folder on Unix: a run that opened it just before another deleted it would lock the
    deleted file while a third run creates and locks a new one, and both would write.
    (On Windows, where an open file cannot be deleted, filelock removes it itself.)
    """

    def __init__(self, out: Path):
        self.path = out / ".extract.lock"
        self.lock = FileLock(self.path, timeout=0)

    def __enter__(self) -> OutputLock:
        try:
            self.lock.acquire()
        except Timeout:
            raise UsageError(
                "{path}: another extract run is writing here; wait for it or use another {out}",
                option="out",
                path=self.path.parent,
            ) from None
        except OSError as exc:
            raise UsageError(
                "{out} {path}: cannot write ({reason})", option="out", path=self.path.parent, reason=exc.strerror or exc
            ) from None
        return self

    def __exit__(self, *exc) -> None:
        self.lock.release()


def prepare_out(out: Path) -> Path:
    """Create the output folder, or raise UsageError if it cannot hold the tables."""
    if out.exists() and not out.is_dir():
        raise UsageError("{out} {path}: is a file, not a folder", option="out", path=out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            "{out} {path}: cannot create the folder ({reason})", option="out", path=out, reason=exc.strerror
        ) from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise UsageError("{out} {path}: folder is not writable", option="out", path=out)
    return out


class TableWriter:
    """Buffer rows per table and write them in chunks to temporary files in `out`."""

    def __init__(self, out: Path, formats: Iterable[str]):
        self.out = out
        self.formats = tuple(formats)
        self.buffers: dict[str, list[tuple]] = {name: [] for name in TABLES}
        self.counts: dict[str, int] = {name: 0 for name in TABLES}
        self.temps: dict[tuple[str, str], Path] = {}
        self.parquet: dict[str, pq.ParquetWriter] = {}
        self.csv_files: dict[str, IO[str]] = {}
        self.csv_writers: dict[str, Any] = {}  # csv.writer objects (their type is private to the csv module)
        self.duckdb: Any = None  # a duckdb connection while the DuckDB format is written
        tag = f".tmp-{os.getpid()}"
        for name in TABLES:
            for fmt in self.formats:
                if fmt != "duckdb":
                    self.temps[(name, fmt)] = out / f".{name}.{fmt}{tag}"
        self.duckdb_temp = out / f".{DUCKDB_FILE}{tag}" if "duckdb" in self.formats else None
        try:
            if self.duckdb_temp is not None:
                self._open_duckdb()
            for name, schema in SCHEMAS.items():
                if "parquet" in self.formats:
                    self.parquet[name] = pq.ParquetWriter(self.temps[(name, "parquet")], schema, compression="zstd")
                if "csv" in self.formats:
                    handle = open(self.temps[(name, "csv")], "w", encoding="utf-8", newline="")
                    self.csv_files[name] = handle
                    self.csv_writers[name] = csv.writer(handle)
                    self.csv_writers[name].writerow(schema.names)
        except OSError as exc:
            self.abort()
            raise _disk_error(out, exc) from None

    def _open_duckdb(self) -> None:
        import duckdb

        assert self.duckdb_temp is not None  # called only when the DuckDB format is asked for
        for stale in (self.duckdb_temp, self.duckdb_temp.with_name(self.duckdb_temp.name + ".wal")):
            stale.unlink(missing_ok=True)
        try:
            self.duckdb = duckdb.connect(str(self.duckdb_temp))
            for name in TABLES:
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
                self.csv_writers[table].writerows(
                    [tuple(neutralise(v) if isinstance(v, str) else v for v in row) for row in buffer]
                )
        except OSError as exc:
            raise _disk_error(self.out, exc) from None
        buffer.clear()

    def commit(self) -> list[Path]:
        """Flush and close every table, then rename them all into place."""
        for table in TABLES:
            self.flush(table)
        self._close()
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


def move_into_place(temp: Path, final: Path) -> None:
    """Rename a finished table (a file, or a folder of parts) over the previous one.

    A file replaces a file atomically. Where a folder of parts from a
    `--engine dask` run meets a file from a local run (or the reverse), the
    previous table is first set aside, so the new one is in place before the
    old one is removed.
    """
    if final.exists() and (final.is_dir() or temp.is_dir()):
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        os.replace(final, old)
        os.replace(temp, final)
        remove_path(old)
    else:
        os.replace(temp, final)


def remove_path(path: Path) -> None:
    """Remove a file or a folder, if it is there."""
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _disk_error(out: Path, exc: OSError) -> Exception:
    if exc.errno == errno.ENOSPC:
        return OutputError(
            "{out} {path}: no space left on the device; the previous tables are untouched", option="out", path=out
        )
    return OutputError("{out} {path}: cannot write ({reason})", option="out", path=out, reason=exc.strerror or exc)
