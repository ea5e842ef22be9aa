"""`extract run --update`: process only the records that are new or changed since the run in `out`.

    from extract.update import run_update
    summary = run_update(["corpus/"], out="data/out")

A record is kept from the previous run when its `doc_id` is in the previous
`documents` table with the same text (`sha256`), source path, title and
publication date (so a changed `--published` reaches the records without a
date of their own), and it did not fail inside the pipeline there (a record
that failed to read keeps its error row while it does not change). Records
are grouped by doc_id, so a doc_id whose records changed in number (a
duplicate id added or removed) is processed again as a whole. Every other
record is annotated (by either engine) and its rows replace the previous
rows of its doc_id in every table. Records that are no longer in the inputs
keep their rows: an update adds to a corpus, it does not prune it.

The kept rows and the new ones are written together by one `TableWriter`
(temporary files renamed into place at the end, so an interrupted update
leaves the previous tables whole), then `finish_run` runs, as it does at the
end of a full run. The result equals a full run on the same inputs, row for
row (rows of kept records come first). The previous tables are read from
Parquet, else DuckDB, else CSV (as `extract.runs` reads them) and written in
the formats asked for plus every format the previous run left in `out`, so
no table there is left out of date. With nothing new, no model is loaded.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from extract.engines.local import annotate_stream, write_stream
from extract.engines.summary import RunSummary
from extract.errors import UsageError
from extract.finish import finish_run, read_manifest, run_options
from extract.pipeline.load import DEFAULT_MODEL, check_model
from extract.pipeline.tabulate import document_row
from extract.read import read_articles
from extract.read.article import Article
from extract.schema import COLUMNS, SCHEMAS, TABLES, Rows
from extract.write import DUCKDB_FILE, OutputLock, TableWriter, prepare_out, read_csv_table

# The tables with one or more rows per document; those an update merges by doc_id.
PER_DOCUMENT: tuple[str, ...] = tuple(table for table in TABLES if "doc_id" in COLUMNS[table])
# The documents columns that say a record is the one the previous run annotated.
IDENTITY = ("doc_id", "source_path", "title", "published", "sha256")
_AT = [COLUMNS["documents"].index(name) for name in IDENTITY]


def has_previous_run(out: str | Path) -> bool:
    """Whether `out` holds a previous run's documents table, in any format."""
    return bool(previous_formats(Path(out)))


def previous_formats(out: Path) -> tuple[str, ...]:
    """The formats in which `out` holds a documents table, in the order they are read."""
    found = [fmt for fmt in ("parquet", "csv") if (out / f"documents.{fmt}").exists()]
    if (out / DUCKDB_FILE).is_file():
        found.insert(1 if "parquet" in found else 0, "duckdb")
    return tuple(found)


def read_previous(out: Path, table: str, *, drop: set[str] | frozenset[str] = frozenset()) -> Iterator[pa.Table]:
    """The previous run's rows of `table` whose doc_id is not in `drop`, with the schema's types.

    Parquet (a file or a folder of parts) is read in batches; DuckDB and CSV whole.
    """
    schema = SCHEMAS[table]
    path = out / f"{table}.parquet"
    keep = ~pc.field("doc_id").isin(sorted(drop)) if drop else None
    if path.exists():
        dataset = ds.dataset(path, format="parquet")
        present = [name for name in schema.names if name in dataset.schema.names]
        for batch in dataset.to_batches(columns=present, filter=keep):
            yield conform(pa.Table.from_batches([batch]), schema)
        return
    if (out / DUCKDB_FILE).is_file():
        import duckdb

        with duckdb.connect(str(out / DUCKDB_FILE), read_only=True) as con:
            whole = conform(con.sql(f'SELECT * FROM "{table}"').to_arrow_table(), schema)
    elif (out / f"{table}.csv").is_file():
        frame = read_csv_table(out / f"{table}.csv", table)
        whole = conform(pa.Table.from_pandas(frame, preserve_index=False), schema)
    else:
        raise UsageError("{out} {path}: the previous run has no {table} table", option="out", path=out, table=table)
    yield whole.filter(keep) if keep is not None else whole


def conform(data: pa.Table, schema: pa.Schema) -> pa.Table:
    """`data` with the columns of `schema`, in its order and types; a column a previous run's table lacks
    (one added since, such as `events.story_id`, filled again at the end of the run) is all nulls."""
    columns = [
        data.column(f.name).cast(f.type) if f.name in data.column_names else pa.nulls(data.num_rows, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def identity(article: Article) -> tuple:
    """What the documents table holds of a record before it is annotated (IDENTITY), and its read error."""
    row = document_row(article, status="ok")
    return (*(row[i] for i in _AT), article.error)


def records_to_process(identities: Iterable[tuple], out: Path) -> set[str]:
    """The doc_ids whose records must be (re)annotated: new, changed, or failed in the pipeline last time.

    A record that failed to read (a duplicate id, broken JSON) has the same error row
    again while it does not change, so it is kept; one that failed inside the pipeline
    is tried again.
    """
    groups: dict[str, list[tuple]] = {}
    for key in identities:
        groups.setdefault(key[0], []).append(key)
    previous: dict[str, list[tuple]] = {}
    for batch in read_previous(out, "documents"):
        columns = [batch.column(name).to_pylist() for name in (*IDENTITY, "status", "error")]
        for row in zip(*columns):
            *fields, status, error = row
            previous.setdefault(row[0], []).append((*fields, error if status == "error" else None))
    return {doc_id for doc_id, keys in groups.items() if previous.get(doc_id) != keys}


def check_previous(out: Path, model: str) -> None:
    """Refuse to keep rows that another model or pipeline made."""
    manifest = read_manifest(out)
    if manifest is None:
        return  # a run from before manifests: trusted
    wanted = run_options(model)
    changed = [name for name, value in wanted.items() if manifest.get(name, value) != value]
    if changed:
        raise UsageError(
            "{update}: the tables in {path} were made with another {what}; run without {update} to rebuild them",
            option="update",
            path=out,
            what=" and ".join(changed),
        )


def run_update(
    inputs: Iterable[str | Path],
    *,
    out: str | Path,
    formats: tuple[str, ...],
    published: str | None = None,
    model: str = DEFAULT_MODEL,
    n_process: int = 1,
    batch_size: int = 64,
    stdin=None,
    on_document: Callable[[Article, Rows], None] | None = None,
    annotate_remote: Callable[..., Iterator[tuple[str, pa.Table]]] | None = None,
) -> RunSummary:
    """Update the tables in `out` (a previous run's) from `inputs`; see the module docstring.

    `annotate_remote(positions, summary=...)`, given by the Dask engine,
    annotates the records at those input positions (0-based, in input order)
    on the cluster, counts them into the summary and yields `(table, rows)`
    pairs; without it the local engine annotates them here.
    """
    started = time.perf_counter()
    inputs = list(inputs)
    out = prepare_out(Path(out))
    summary = RunSummary(out=out)
    with OutputLock(out):
        check_previous(out, model)
        old_formats = previous_formats(out)
        formats = tuple(dict.fromkeys(formats + old_formats))
        from_stdin = any(str(item) == "-" for item in inputs)
        articles: Iterable[Article] = read_articles(inputs, published=published, stdin=stdin, exclude=[out])
        if from_stdin:  # read twice below: standard input only once
            articles = list(articles)
        identities = [identity(article) for article in articles]
        redo = records_to_process(identities, out)
        positions = [number for number, key in enumerate(identities) if key[0] in redo]
        summary.kept = len(identities) - len(positions)
        writer = TableWriter(out, formats)
        try:
            for table in PER_DOCUMENT:
                for kept in read_previous(out, table, drop=redo):
                    writer.add_batch(table, kept)
            if positions and annotate_remote is not None:
                for table, rows in annotate_remote(positions, summary=summary):
                    writer.add_batch(table, rows)
            elif positions:
                check_model(model)
                if not from_stdin:
                    articles = read_articles(inputs, published=published, exclude=[out])
                wanted = (article for article in articles if article.doc_id in redo)
                stream = annotate_stream(wanted, model=model, n_process=n_process, batch_size=batch_size)
                write_stream(stream, writer, summary, on_document)
            summary.files = writer.commit()
        except BaseException:
            writer.abort()
            raise
        summary.files += finish_run(out, formats, model=model)
    summary.rows = dict(writer.counts)
    summary.seconds = time.perf_counter() - started
    return summary
