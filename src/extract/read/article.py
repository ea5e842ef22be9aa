"""The record every reader yields: one article, or the reason it could not be read."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from extract.errors import UsageError


@dataclass(slots=True)
class Article:
    """One input record.

    `text` is exactly as read (after decoding); offsets in every table point
    into it. A record that could not be read has `error` set and `text` None.
    """

    doc_id: str
    source_path: str
    text: str | None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    error: str | None = None
    skipped: str | None = None  # why a readable record holds no article (e.g. a page of links)
    raw_sha256: str | None = None

    @property
    def sha256(self) -> str | None:
        if self.text is not None:
            return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()
        return self.raw_sha256

    @property
    def published_date(self) -> dt.date | None:
        return parse_published(self.published) if self.published else None


def parse_published(value: str) -> dt.date:
    """Parse an ISO 8601 date or date-time; raise ValueError if it is neither."""
    value = value.strip()
    if not value:
        raise ValueError("empty date")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    text = value[:-1] + "+00:00" if value.endswith("Z") else value
    return dt.datetime.fromisoformat(text).date()


def normalise_published(value: object) -> str | None:
    """The publication date as an ISO string, None if absent; ValueError if invalid."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"published must be an ISO 8601 string, got {type(value).__name__}")
    if not value.strip():
        return None
    try:
        parse_published(value)
    except ValueError:
        raise ValueError(f"invalid published date {value[:40]!r} (expected ISO 8601, e.g. 2018-12-17)") from None
    return value.strip()


def check_published(value: str | None) -> str | None:
    """A `published` option (--published) as an ISO string, or None; UsageError when empty or no date.

    The one check of the option, shared by the reader and both engines.
    """
    if value is None:
        return None
    if not value.strip():
        raise UsageError("{published}: empty date (expected ISO 8601, e.g. 2018-12-17)", option="published")
    try:
        return normalise_published(value)
    except ValueError as exc:
        raise UsageError("{published}: {reason}", option="published", reason=str(exc)) from None
