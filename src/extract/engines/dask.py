"""The Dask engine: one task per shard on a Dask cluster, one Parquet part per table per shard.

    from extract.engines.dask import run_dask
    summary = run_dask(["corpus/"], out="data/out")                      # a local cluster
    summary = run_dask(["corpus/"], out="data/out", scheduler="tcp://host:8786")

The client plans the shards (`extract.engines.shards`) and submits them; each
task reads its own records (so workers must see the input paths: a shared
filesystem on a real cluster), annotates them with the pipeline loaded once
per worker process (`load_pipeline` is cached), and writes its tables into a
shard folder under `DIR/.extract-shards/`, renamed into place only when
complete. When every shard is done the client links the parts into
`DIR/<table>.parquet/part-<shard>.parquet`, concatenates the CSV parts into
`DIR/<table>.csv`, derives `stories` and `corpus_entities` from all the shards
(`extract.corpus.derive`, which also fills the `story_id` of each `events`
part), and swaps the seven tables in together, so an interrupted run never
leaves a half-written table. `--resume` keeps the complete shard folders of an
interrupted run with the same inputs and options and runs only the others.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.engines.derived import derive_from_parts, write_derived
from extract.engines.local import in_batches
from extract.engines.shards import Shard, absolute, cpu_count, fingerprint, plan_shards, read_shard
from extract.engines.summary import RunSummary, ShardCounts
from extract.errors import OutputError, UsageError
from extract.finish import finish_run
from extract.pipeline.load import DEFAULT_MODEL, PIPES, load_pipeline
from extract.pipeline.process import annotate_batch
from extract.read import find_sources
from extract.read.article import check_published
from extract.schema import DERIVED_TABLES, ROW_TABLES
from extract.update import PER_DOCUMENT, has_previous_run, run_update
from extract.write import (
    DUCKDB_FILE,
    OutputLock,
    TableWriter,
    arrow_table,
    duckdb_ddl,
    formats_of,
    move_into_place,
    prepare_out,
    replace_in_duckdb,
    write_text_atomic,
)
from extract.write import (
    remove_path as _remove,
)

SHARD_RECORDS = 100
STAGING = ".extract-shards"
PLAN = "plan.json"
DONE = "summary.json"


def run_dask(
    inputs: Iterable[str | Path] = ("data/raw",),
    *,
    out: str | Path = "data/out",
    fmt: str = "both",
    published: str | None = None,
    model: str = DEFAULT_MODEL,
    batch_size: int = 64,
    scheduler: str | None = None,
    workers: int | None = None,
    resume: bool = False,
    update: bool = False,
    shard_size: int = SHARD_RECORDS,
    on_shard: Callable[[ShardCounts], None] | None = None,
) -> RunSummary:
    """Run the pipeline as one Dask task per shard of `shard_size` records; return a RunSummary.

    Without `scheduler`, starts a LocalCluster of `workers` single-threaded
    worker processes (default: one per core) and closes it at the end.
    `on_shard` is called on the client with each finished shard's counts.
    `update` runs only the new and changed records (`extract.update`) when
    `out` holds a previous run, else it is a full run.
    """
    started = time.perf_counter()
    formats = formats_of(fmt)
    if shard_size < 1:
        raise UsageError("{shard_size} must be at least 1", option="shard_size")
    published = check_published(published)
    sources = find_sources(list(inputs), exclude=[out])
    if any(source.form == "stdin" for source in sources):
        raise UsageError(
            "{engine=dask} reads files that its workers can reach; it cannot read standard input", option="engine"
        )
    sources = [absolute(source) for source in sources]
    try:
        import distributed
    except ImportError:
        raise UsageError("{engine=dask} needs Dask: pip install 'extract-news-fr[dask]'", option="engine") from None
    cluster = _Cluster(distributed, scheduler, workers, model=model, published=published, batch_size=batch_size)
    if update and has_previous_run(out):

        def annotate_remote(positions: list[int], *, summary: RunSummary) -> Iterator[tuple[str, pa.Table]]:
            return _annotate_positions(cluster, sources, positions, Path(out), summary, shard_size, on_shard)

        return run_update(
            inputs, out=out, formats=formats, published=published, model=model, annotate_remote=annotate_remote
        )

    out = prepare_out(Path(out))
    summary = RunSummary(out=out)
    with OutputLock(out):
        staging = out / STAGING
        options = [model, published, "csv" in formats, list(PIPES)]
        shards = _plan(staging, sources, resume=resume, shard_size=shard_size, options=options)
        done = {shard.index: _summary_of(staging, shard) for shard in shards}
        for counts in (c for c in done.values() if c is not None):
            summary.add_shard(counts)
        todo = [shard for shard in shards if done[shard.index] is None]
        # Shards are always written as Parquet (the DuckDB file is built from them), plus CSV if asked.
        shard_formats = ("parquet", "csv") if "csv" in formats else ("parquet",)

        def finished(counts: ShardCounts) -> None:
            summary.add_shard(counts)
            if on_shard is not None:
                on_shard(counts)

        cluster.run(todo, staging=staging, formats=shard_formats, on_done=finished)
        summary.files = _assemble(out, staging, shards, formats, summary)
        summary.files += finish_run(out, formats, model=model)
        shutil.rmtree(staging, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    return summary


def _annotate_positions(
    cluster: _Cluster,
    sources: list,
    positions: list[int],
    out: Path,
    summary: RunSummary,
    shard_size: int,
    on_shard: Callable[[ShardCounts], None] | None,
) -> Iterator[tuple[str, pa.Table]]:
    """`--update` on the cluster: annotate the records at `positions`; yield their rows, table by table."""
    staging = out / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        shards = plan_shards(sources, shard_size, select=set(positions))

        def finished(counts: ShardCounts) -> None:
            summary.add_shard(counts)
            if on_shard is not None:
                on_shard(counts)

        cluster.run(shards, staging=staging, formats=("parquet",), on_done=finished)
        for table in PER_DOCUMENT:
            for shard in shards:
                yield table, pq.read_table(staging / _shard_name(shard) / f"{table}.parquet")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def annotate_shard(
    shard: Shard, *, staging: str, model: str, published: str | None, formats: tuple[str, ...], batch_size: int
) -> ShardCounts:
    """A task: read, annotate and write one shard into `staging/shard-<n>/`; return its counts."""
    final = Path(staging) / _shard_name(shard)
    if (final / DONE).is_file():  # done by an earlier attempt
        return json.loads((final / DONE).read_text())
    temp = Path(staging) / f".{_shard_name(shard)}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    temp.mkdir()
    counts: ShardCounts = {"shard": shard.index, "documents": 0, "ok": 0, "error": 0, "skipped": 0}
    try:
        nlp = load_pipeline(model)
        writer = TableWriter(temp, formats, derive=False)  # the run derives from all the shards at the end
        try:
            for batch in in_batches(read_shard(shard, published=published), batch_size):
                for rows in annotate_batch(nlp, batch, batch_size=batch_size):
                    for table, table_rows in rows.tables.items():
                        writer.add(table, table_rows)
                    counts["documents"] += 1
                    status = rows.status
                    if status == "ok":
                        counts["ok"] += 1
                    elif status == "error":
                        counts["error"] += 1
                    else:
                        counts["skipped"] += 1
            writer.commit()
        except BaseException:
            writer.abort()
            raise
        counts["rows"] = dict(writer.counts)
        (temp / DONE).write_text(json.dumps(counts))
        try:
            os.replace(temp, final)
        except OSError:  # another attempt finished first: its shard is as good as ours
            if not (final / DONE).is_file():
                raise
            shutil.rmtree(temp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return counts


def _shard_name(shard: Shard | int) -> str:
    index = shard if isinstance(shard, int) else shard.index
    return f"shard-{index:06d}"


def _plan(staging: Path, sources, *, resume: bool, shard_size: int, options: list) -> list[Shard]:
    """The shards of this run: the interrupted run's plan on `resume`, else a new one."""
    key = {"shard_size": shard_size, "options": options, "sources": fingerprint(sources)}
    plan_path = staging / PLAN
    if resume and plan_path.is_file():
        stored = json.loads(plan_path.read_text())
        if stored["key"] != key:
            raise UsageError(
                "{resume}: the inputs or options changed since the interrupted run in {path}; run without {resume}",
                option="resume",
                path=staging.parent,
            )
        for temp in staging.glob(".shard-*.tmp-*"):  # half-written shards of the interrupted run
            shutil.rmtree(temp, ignore_errors=True)
        return [Shard.from_json(s) for s in stored["shards"]]
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    shards = plan_shards(sources, shard_size)
    write_text_atomic(plan_path, json.dumps({"key": key, "shards": [s.to_json() for s in shards]}))
    return shards


def _summary_of(staging: Path, shard: Shard) -> ShardCounts | None:
    path = staging / _shard_name(shard) / DONE
    return json.loads(path.read_text()) if path.is_file() else None


class _Cluster:
    """Where the shards run: a Client on `scheduler`, or a LocalCluster of single-threaded workers we close."""

    def __init__(self, distributed, scheduler: str | None, workers: int | None, **options):
        self.distributed = distributed
        self.scheduler = scheduler
        self.workers = workers
        self.options = options  # annotate_shard's model, published and batch_size

    def run(
        self, shards: list[Shard], *, staging: Path, formats: tuple[str, ...], on_done: Callable[[ShardCounts], None]
    ) -> None:
        """Run one task per shard (none: no cluster is started); call `on_done` with each one's counts."""
        if not shards:
            return
        with _client(self.distributed, self.scheduler, self.workers) as client:
            futures = [
                client.submit(
                    annotate_shard,
                    shard,
                    staging=str(staging),
                    formats=formats,
                    **self.options,
                    key=f"extract-shard-{shard.index}-{uuid.uuid4().hex[:8]}",
                )
                for shard in shards
            ]
            try:
                for future in self.distributed.as_completed(futures):
                    on_done(future.result())
            except BaseException:
                client.cancel(futures)
                raise


class _client:
    """A Client on `scheduler`, or on a LocalCluster of single-threaded worker processes that we close."""

    def __init__(self, distributed, scheduler: str | None, workers: int | None):
        self.distributed = distributed
        self.scheduler = scheduler
        self.workers = workers
        self.cluster = None
        self.client = None

    def __enter__(self):
        import logging

        if self.scheduler:
            try:
                self.client = self.distributed.Client(self.scheduler, timeout="20s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise UsageError(
                    "{scheduler} {address}: cannot connect ({reason})",
                    option="scheduler",
                    address=self.scheduler,
                    reason=str(exc).partition("\n")[0],
                ) from None
            return self.client
        self.cluster = self.distributed.LocalCluster(
            n_workers=self.workers or cpu_count(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        self.client = self.distributed.Client(self.cluster)
        return self.client

    def __exit__(self, *exc):
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        return False


def _assemble(
    out: Path, staging: Path, shards: list[Shard], formats: tuple[str, ...], summary: RunSummary
) -> list[Path]:
    """Turn the complete shard folders into the tables, derive the corpus tables, then swap them all into place."""
    tag = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    ready: list[tuple[Path, Path]] = []  # (temporary, final)
    folders = [staging / _shard_name(shard) for shard in shards]
    try:
        derived, sizes = derive_from_parts(folders)
        for table in ROW_TABLES:
            if table == "events":
                continue  # written from `derived`, with its story_id
            if "parquet" in formats:
                folder = out / f".{table}.parquet.tmp-{tag}"
                folder.mkdir()
                ready.append((folder, out / f"{table}.parquet"))
                for shard in shards:
                    _link(staging / _shard_name(shard) / f"{table}.parquet", folder / f"part-{shard.index:06d}.parquet")
            if "csv" in formats:
                temp = out / f".{table}.csv.tmp-{tag}"
                ready.append((temp, out / f"{table}.csv"))
                with open(temp, "wb") as target:
                    for number, shard in enumerate(shards):
                        with open(staging / _shard_name(shard) / f"{table}.csv", "rb") as part:
                            if number:
                                part.readline()  # the header, written once
                            shutil.copyfileobj(part, target)
        ready += write_derived(out, tag, shards, derived, sizes, formats)
        for table in DERIVED_TABLES:
            summary.rows[table] = len(derived[table])
        if "duckdb" in formats:
            temp = out / f".{DUCKDB_FILE}.tmp-{tag}"
            ready.append((temp, out / DUCKDB_FILE))
            _build_duckdb(temp, folders, derived)
    except BaseException as exc:
        for temp, _ in ready:
            _remove(temp)
        if isinstance(exc, OSError):
            raise OutputError(
                "{out} {path}: cannot write the tables ({reason})", option="out", path=out, reason=exc.strerror or exc
            ) from None
        raise
    for temp, final in ready:
        move_into_place(temp, final)
    return [final for _, final in ready]


def _build_duckdb(path: Path, folders: list[Path], derived: dict) -> None:
    import duckdb

    connection = duckdb.connect(str(path))
    try:
        for table in (*ROW_TABLES, *DERIVED_TABLES):
            connection.execute(duckdb_ddl(table))
            if table in derived:
                replace_in_duckdb(connection, arrow_table(derived[table], table), table)
                continue
            parts = [str(folder / f"{table}.parquet") for folder in folders]
            connection.execute(f'INSERT INTO "{table}" SELECT * FROM read_parquet(?)', [parts])
    except duckdb.Error as exc:
        raise OSError(str(exc).splitlines()[0]) from None
    finally:
        connection.close()


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # a filesystem without hard links
        shutil.copy2(source, target)
