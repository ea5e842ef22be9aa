"""Annotate articles with the pipeline and turn each into its table rows."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language

from extract.annotate.clean import prepare, chunks
from extract.annotate.language import not_french
from extract.read.article import Article
from extract.tables import Rows, article_rows, unread_rows

# Texts longer than this are cut at paragraph boundaries and parsed chunk by
# chunk (offsets stay into the whole text). Well under spaCy's max_length, so
# the parser's memory stays bounded on very long pages.
CHUNK_CHARS = 100_000


def annotate_batch(nlp: Language, articles: Sequence[Article], *, batch_size: int = 64) -> list[Rows]:
    """Run the pipeline over a batch of articles; one `Rows` per article, in order.

    A record that failed to read, is empty or is not French gets its single
    `documents` row; an error inside the pipeline for one article is caught and
    reported on that article's row, so it never stops the others.
    """
    results: list[Rows | None] = [None] * len(articles)
    pending: list[tuple[int, object, list]] = []  # (index, prepared, [(offset, doc)])
    docs = []
    for index, article in enumerate(articles):
        if article.error is not None:
            results[index] = unread_rows(article, status="error", error=article.error)
            continue
        if not article.text.strip():
            results[index] = unread_rows(article, status="skipped", error="empty text")
            continue
        prepared = prepare(article.text)
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
        done = {id(doc): doc for doc in nlp.pipe(docs, batch_size=batch_size)}
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
    return results
