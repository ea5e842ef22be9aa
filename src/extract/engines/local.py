"""The local engine: annotate articles lazily, in this process or in a pool of worker processes."""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import sys
from collections.abc import Callable, Iterable, Iterator

from extract.engines.summary import RunSummary
from extract.pipeline.load import DEFAULT_MODEL, load_pipeline
from extract.pipeline.process import annotate_batch
from extract.read.article import Article
from extract.schema import Rows
from extract.write import TableWriter


def in_batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
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
    assert _worker_model is not None, "_init_worker runs first in every pool worker"
    return annotate_batch(load_pipeline(_worker_model), batch)


def annotate_stream(
    articles: Iterable[Article], *, model: str = DEFAULT_MODEL, n_process: int = 1, batch_size: int = 64
) -> Iterator[tuple[Article, Rows]]:
    """Annotate articles lazily, in input order, in this process or in `n_process` workers."""
    batches = in_batches(articles, batch_size)
    if n_process <= 1:
        nlp = load_pipeline(model)
        for batch in batches:
            yield from zip(batch, annotate_batch(nlp, batch, batch_size=batch_size))
        return
    # Workers get small tasks so that the work spreads evenly over them (seven
    # 64-article batches over two workers left one idle for the last); each
    # task is still cut for nlp.pipe by tokens.
    batches = in_batches(articles, min(batch_size, POOL_TASK))
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


def write_stream(
    stream: Iterable[tuple[Article, Rows]],
    writer: TableWriter,
    summary: RunSummary,
    on_document: Callable[[Article, Rows], None] | None = None,
) -> None:
    """Hand each annotated article's rows to the writer and count it: the loop of a full run and an update."""
    for article, rows in stream:
        for table, table_rows in rows.tables.items():
            writer.add(table, table_rows)
        summary.add_document(rows.status)
        if on_document is not None:
            on_document(article, rows)
