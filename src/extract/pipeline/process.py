"""Annotate articles with the pipeline and turn each into its table rows."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from extract.pipeline.clean import Prepared, chunks, prepare
from extract.pipeline.language import not_french
from extract.pipeline.tabulate import article_rows, unread_rows
from extract.read.article import Article
from extract.schema import Rows

# Texts longer than this are cut at paragraph boundaries and parsed chunk by
# chunk (offsets stay into the whole text). Well under spaCy's max_length, so
# the parser's memory stays bounded on very long pages.
CHUNK_CHARS = 100_000
# The model's activations grow with the tokens of one nlp.pipe batch (tok2vec
# holds about 14 KB a token: 64 news articles took 350 MB above the model), so
# a batch is also cut after this many tokens. Peak memory then no longer
# depends on which articles happen to share a batch; throughput is the same.
BATCH_TOKENS = 5_000


def annotate_batch(nlp: Language, articles: Sequence[Article], *, batch_size: int = 64) -> list[Rows]:
    """Run the pipeline over a batch of articles; one `Rows` per article, in order.

    A record that failed to read, is empty or is not French gets its single
    `documents` row; an error inside the pipeline for one article is caught and
    reported on that article's row, so it never stops the others.
    """
    results: list[Rows | None] = [None] * len(articles)
    pending: list[tuple[int, Prepared, list[tuple[int, Doc]]]] = []  # (index, prepared, [(offset, doc)])
    docs = []
    for index, article in enumerate(articles):
        if article.error is not None:
            results[index] = unread_rows(article, status="error", error=article.error)
            continue
        if article.skipped:
            results[index] = unread_rows(article, status="skipped", error=article.skipped)
            continue
        text = article.text
        assert text is not None, "a record without text has its error set"
        if not text.strip():
            results[index] = unread_rows(article, status="skipped", error="empty text")
            continue
        prepared = prepare(text)
        language = not_french(prepared.text)
        if language:
            results[index] = unread_rows(article, status="skipped", error=f"not French (detected {language})")
            continue
        limit = min(CHUNK_CHARS, nlp.max_length)
        parts = []
        for offset, piece in chunks(prepared.text, limit):
            doc = nlp.make_doc(piece)
            doc._.published = article.published_date
            parts.append((offset, doc))
            docs.append(doc)
        pending.append((index, prepared, parts))
    try:
        done = {
            id(doc): doc for group in _by_tokens(docs, BATCH_TOKENS) for doc in nlp.pipe(group, batch_size=batch_size)
        }
    except Exception:
        done = None  # one article broke a component: redo them one by one below
    for index, prepared, parts in pending:
        article = articles[index]
        try:
            if done is None:
                annotated = [(offset, nlp(doc)) for offset, doc in parts]
            else:
                annotated = [(offset, done[id(doc)]) for offset, doc in parts]
            results[index] = article_rows(article, prepared, annotated)
        except Exception as exc:  # a bug must cost one article, not the run
            message = f"annotation failed: {type(exc).__name__}: {exc}".splitlines()[0][:300]
            results[index] = unread_rows(article, status="error", error=message)
    rows = [r for r in results if r is not None]
    assert len(rows) == len(results), "every article was either unread or pending"
    return rows


def _by_tokens(docs: list, limit: int) -> list[list]:
    """Consecutive groups of docs with at most `limit` tokens in all (a longer doc is a group alone)."""
    groups: list[list] = []
    size = 0
    for doc in docs:
        if not groups or size + len(doc) > limit:
            groups.append([])
            size = 0
        groups[-1].append(doc)
        size += len(doc)
    return groups
