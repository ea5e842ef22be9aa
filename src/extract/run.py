"""Orchestration: read → annotate → tabulate → write.

`run()` is what `extract run` calls, and what a notebook can call too:

    from extract.run import run
    summary = run(["data/raw"], out="data/out")
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.annotate import DEFAULT_MODEL, check_model, load_pipeline
from extract.annotate.process import annotate_batch
from extract.errors import UsageError
from extract.read import read_articles
from extract.read.article import Article
from extract.tables import TABLES, Rows
from extract.write import OutputLock, TableWriter, formats_of, prepare_out


@dataclass
class RunSummary:
    """What a run did: counts per status and per table, the files written, the time taken."""

    out: Path
    documents: int = 0
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    rows: dict[str, int] = field(default_factory=lambda: {name: 0 for name in TABLES})
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def line(self) -> str:
        return (
            f"{self.documents} documents: {self.ok} ok, {self.errors} errors, {self.skipped} skipped; "
            f"{self.rows['mentions']} mentions, {self.rows['timexes']} time expressions, "
            f"{self.rows['events']} events in {self.seconds:.1f} s → {self.out}"
        )


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


_worker_model: str | None = None
POOL_TASK = 16  # articles per task sent to a worker process


def _init_worker(model: str) -> None:
    global _worker_model
    # Ctrl-C is the parent's to handle: it stops the pool and cleans up.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_model = model
    load_pipeline(model)


def _work(batch: list[Article]) -> list[Rows]:
    return annotate_batch(load_pipeline(_worker_model), batch)


def annotate_stream(
    articles: Iterable[Article], *, model: str = DEFAULT_MODEL, n_process: int = 1, batch_size: int = 64
) -> Iterator[tuple[Article, Rows]]:
    """Annotate articles lazily, in input order, in this process or in `n_process` workers."""
    batches = _batches(articles, batch_size)
    if n_process <= 1:
        nlp = load_pipeline(model)
        for batch in batches:
            yield from zip(batch, annotate_batch(nlp, batch, batch_size=batch_size))
        return
    # Workers get small tasks so that the work spreads evenly over them (seven
    # 64-article batches over two workers left one idle for the last); each
    # task is still cut for nlp.pipe by tokens.
    batches = _batches(articles, min(batch_size, POOL_TASK))
    if sys.platform == "linux":
        # Load once here and fork: the workers start with the pipeline in
        # memory (shared copy-on-write) instead of each loading it again, which
        # cost a whole load of CPU time per worker on a busy machine.
        load_pipeline(model)
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("spawn")
    with context.Pool(n_process, initializer=_init_worker, initargs=(model,)) as pool:
        # imap keeps input order and pulls batches lazily (a few ahead per worker).
        pending = ((batch, pool.apply_async(_work, (batch,))) for batch in batches)
        window: list = []
        for item in pending:
            window.append(item)
            if len(window) >= 4 * n_process:
                batch, result = window.pop(0)
                yield from zip(batch, result.get())
        for batch, result in window:
            yield from zip(batch, result.get())


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
    """
    started = time.perf_counter()
    formats = formats_of(fmt)
    if n_process < 1:
        raise UsageError("{n_process} must be at least 1", option="n_process")
    if batch_size < 1:
        raise UsageError("{batch_size} must be at least 1", option="batch_size")
    if published is not None and not published.strip():
        raise UsageError("{published}: empty date (expected ISO 8601, e.g. 2018-12-17)", option="published")
    if engine not in ("local", "dask"):
        raise UsageError("{engine} must be local or dask, not {value!r}", option="engine", value=engine)
    if engine == "dask":
        from extract.engines.dask import run_dask

        return run_dask(
            inputs, out=out, fmt=fmt, published=published, model=model, batch_size=batch_size,
            scheduler=scheduler, workers=n_process if n_process > 1 else None, resume=resume,
        )
    if scheduler is not None or resume:
        option = "scheduler" if scheduler is not None else "resume"
        raise UsageError("{%s} needs {engine=dask}" % option, option=option)
    articles = read_articles(list(inputs), published=published, stdin=stdin, exclude=[out])
    check_model(model)
    out = prepare_out(Path(out))
    summary = RunSummary(out=out)
    with OutputLock(out):
        writer = TableWriter(out, formats)
        try:
            for article, rows in annotate_stream(articles, model=model, n_process=n_process, batch_size=batch_size):
                for table, table_rows in rows.tables.items():
                    writer.add(table, table_rows)
                summary.documents += 1
                status = rows.status
                summary.ok += status == "ok"
                summary.errors += status == "error"
                summary.skipped += status == "skipped"
                if on_document is not None:
                    on_document(article, rows)
            summary.files = writer.commit()
        except BaseException:
            writer.abort()
            raise
    summary.rows = dict(writer.counts)
    summary.seconds = time.perf_counter() - started
    return summary
