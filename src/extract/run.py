"""Orchestration: read → annotate → tabulate → write.

`run()` is what `extract run` calls, and what a notebook can call too:

    from extract.run import run
    summary = run(["data/raw"], out="data/out")

The engines (`extract.engines.local`, `extract.engines.dask`) do the work;
neither imports this module, so the imports run one way only.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from extract.engines.local import annotate_stream, write_stream
from extract.engines.summary import RunSummary
from extract.errors import UsageError
from extract.finish import finish_run
from extract.pipeline.load import DEFAULT_MODEL, check_model
from extract.read import read_articles
from extract.read.article import Article, check_published
from extract.schema import Rows
from extract.update import has_previous_run, run_update

__all__ = ["RunSummary", "annotate_stream", "run"]
from extract.write import OutputLock, TableWriter, formats_of, prepare_out


def run(
    inputs: Iterable[str | Path] = ("data/raw",),
    *,
    out: str | Path = "data/out",
    fmt: str = "both",
    published: str | None = None,
    model: str = DEFAULT_MODEL,
    n_process: int = 1,
    batch_size: int = 64,
    stdin=None,
    on_document: Callable[[Article, Rows], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    resume: bool = False,
    update: bool = False,
    shard_size: int | None = None,
) -> RunSummary:
    """Extract the tables from `inputs` into `out`; return what was done.

    Raises UsageError (nothing written) for a missing input, an unusable
    `out`, a bad `fmt` or `published`. A record that fails becomes a
    `documents` row with status `error`; the run goes on.

    `engine="dask"` runs one task per shard of the input on a Dask cluster
    (`scheduler` address, else a local cluster of `n_process` workers when
    above 1, else one per core) and writes each table as a folder of Parquet
    parts; `resume` then keeps the shards an interrupted run completed.
    See `extract.engines.dask`. It does not call `on_document`.

    `update` keeps the tables in `out` and annotates only the records that are
    new or changed since (see `extract.update`); with no previous run in `out`
    it is a full run. `shard_size` (records per Dask task) is for the Dask engine.
    """
    started = time.perf_counter()
    formats = formats_of(fmt)
    if n_process < 1:
        raise UsageError("{n_process} must be at least 1", option="n_process")
    if batch_size < 1:
        raise UsageError("{batch_size} must be at least 1", option="batch_size")
    published = check_published(published)
    if engine not in ("local", "dask"):
        raise UsageError("{engine} must be local or dask, not {value!r}", option="engine", value=engine)
    if update and resume:
        raise UsageError("{update} and {resume} do not combine: an update is short; run it again", option="update")
    if shard_size is not None and engine != "dask":
        raise UsageError("{shard_size} needs {engine=dask}", option="shard_size")
    if engine == "dask":
        from extract.engines.dask import SHARD_RECORDS, run_dask

        return run_dask(
            inputs,
            out=out,
            fmt=fmt,
            published=published,
            model=model,
            batch_size=batch_size,
            scheduler=scheduler,
            workers=n_process if n_process > 1 else None,
            resume=resume,
            update=update,
            shard_size=shard_size or SHARD_RECORDS,
        )
    if scheduler is not None or resume:
        option = "scheduler" if scheduler is not None else "resume"
        raise UsageError("{" + option + "} needs {engine=dask}", option=option)
    if update and has_previous_run(out):
        return run_update(
            inputs,
            out=out,
            formats=formats,
            published=published,
            model=model,
            n_process=n_process,
            batch_size=batch_size,
            stdin=stdin,
            on_document=on_document,
        )
    articles = read_articles(list(inputs), published=published, stdin=stdin, exclude=[out])
    check_model(model)
    out = prepare_out(Path(out))
    summary = RunSummary(out=out)
    with OutputLock(out):
        writer = TableWriter(out, formats)
        try:
            stream = annotate_stream(articles, model=model, n_process=n_process, batch_size=batch_size)
            write_stream(stream, writer, summary, on_document)
            summary.files = writer.commit()
        except BaseException:
            writer.abort()
            raise
        summary.files += finish_run(out, formats, model=model)
    summary.rows = dict(writer.counts)
    summary.seconds = time.perf_counter() - started
    return summary
