"""Turn one raw record (a JSON object, a CSV or Parquet row) into an Article."""

from __future__ import annotations

import math
from collections.abc import Mapping

from extract.read.article import Article, normalise_published


def _optional_str(value: object) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value)


def article_from_record(record: Mapping[str, object], *, fallback_id: str, source_path: str) -> Article:
    """Check one record's fields and build its Article (with `error` set if it is unusable)."""
    raw_id = record.get("id")
    doc_id = _optional_str(raw_id)
    doc_id = doc_id.strip() if doc_id and doc_id.strip() else fallback_id
    text = record.get("text")
    article = Article(
        doc_id=doc_id,
        source_path=source_path,
        text=None,
        title=_optional_str(record.get("title")),
        source=_optional_str(record.get("source")),
        url=_optional_str(record.get("url")),
    )
    if not isinstance(text, str):
        if text is None or (isinstance(text, float) and math.isnan(text)):
            article.error = "text is missing"
        else:
            article.error = f"text must be a string, got {type(text).__name__}"
        return article
    article.text = text
    try:
        article.published = normalise_published(record.get("published"))
    except ValueError as exc:
        article.error = str(exc)
    return article
