"""Readers, one per input form. Each yields Articles lazily, one record at a time."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from extract.errors import InputError, UsageError
from extract.read.article import Article
from extract.read.decode import binary_kind, decode, decode_head, decode_line
from extract.read.records import article_from_record


def _file_error(doc_id: str, source_path: str, message: str, data: bytes | None = None) -> Article:
    digest = hashlib.sha256(data).hexdigest() if data is not None else None
    return Article(doc_id=doc_id, source_path=source_path, text=None, error=message, raw_sha256=digest)


def _decoded(path: Path, *, doc_id: str, source_path: str) -> str | Article:
    """A whole file's text, or the error record saying why it is not text."""
    data = path.read_bytes()
    try:
        return decode(data)
    except InputError as exc:
        return _file_error(doc_id, source_path, str(exc), data)


def read_txt(path: Path, *, doc_id: str, source_path: str) -> Iterator[Article]:
    """A .txt file is one article; its first non-empty line is the title."""
    text = _decoded(path, doc_id=doc_id, source_path=source_path)
    if isinstance(text, Article):
        yield text
        return
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    yield Article(doc_id=doc_id, source_path=source_path, text=text, title=title)


# A page whose main text is shorter than this holds links and labels, not an article.
MIN_PAGE_WORDS = 8


def read_html(path: Path, *, doc_id: str, source_path: str) -> Iterator[Article]:
    """An .html page is one article: its main text and title, extracted by trafilatura."""
    import trafilatura

    html = _decoded(path, doc_id=doc_id, source_path=source_path)
    if isinstance(html, Article):
        yield html
        return
    # Dates only from the page's markup (meta tags, <time>, the URL): the
    # extensive search guesses from any year on the page ("© 2015").
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or len(text.split()) < MIN_PAGE_WORDS:
        yield Article(
            doc_id=doc_id, source_path=source_path, text=text or "", skipped="no article text found in the page"
        )
        return
    title = getattr(document, "title", None)
    published = getattr(document, "date", None)
    article = Article(
        doc_id=doc_id, source_path=source_path, text=text, title=title, url=getattr(document, "url", None)
    )
    if published:
        from extract.read.article import normalise_published

        try:
            article.published = normalise_published(published)
        except ValueError:
            pass
    yield article


def _jsonl_lines(stream: Iterable[bytes], *, name: str, source_path: str) -> Iterator[Article]:
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        fallback = f"{name}:{number}"
        if binary_kind(raw):
            yield _file_error(fallback, source_path, f"line {number} is not text", raw)
            continue
        line = decode_line(raw.lstrip(b"\xef\xbb\xbf") if number == 1 else raw)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _file_error(fallback, source_path, f"line {number} is not valid JSON ({exc.msg})", raw)
            continue
        if not isinstance(record, dict):
            yield _file_error(
                fallback, source_path, f"line {number} is a JSON {type(record).__name__}, not an object", raw
            )
            continue
        yield article_from_record(record, fallback_id=fallback, source_path=source_path)


def read_jsonl(path: Path, *, name: str, source_path: str) -> Iterator[Article]:
    """A .jsonl/.ndjson file holds one article per line."""
    with path.open("rb") as stream:
        head = stream.read(8192)
        if binary_kind(head.split(b"\n", 1)[0]):
            yield _file_error(name, source_path, "not text: " + (binary_kind(head) or "binary data"), head)
            return
        stream.seek(0)
        yield from _jsonl_lines(stream, name=name, source_path=source_path)


def read_stdin(stream: BinaryIO) -> Iterator[Article]:
    """`-` reads JSON Lines on standard input."""
    yield from _jsonl_lines(stream, name="<stdin>", source_path="-")


# Articles are long: lift the csv module's 128 KiB default limit on one field.
csv.field_size_limit(sys.maxsize)


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    """`,` as the SPEC says, or `;`/tab as French spreadsheets export, from the header line."""
    header = sample.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def csv_columns(path: Path) -> list[str]:
    """The header of a CSV file (for checking it before the run starts)."""
    with path.open("rb") as stream:
        head = stream.read(65536)
    text = decode_head(head)
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    return [column.strip() for column in next(reader, [])]


def read_csv(path: Path, *, name: str, source_path: str) -> Iterator[Article]:
    """A .csv file holds one article per row, with the JSON Lines columns."""
    text = _decoded(path, doc_id=name, source_path=source_path)
    if isinstance(text, Article):
        yield text
        return
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=_dialect(text[:65536]))
    if reader.fieldnames is None or "text" not in [f.strip() for f in reader.fieldnames]:
        raise UsageError(f"{source_path}: CSV has no 'text' column (columns: {', '.join(reader.fieldnames or [])})")
    reader.fieldnames = [f.strip() for f in reader.fieldnames]
    for number, row in enumerate(reader, start=1):
        yield article_from_record(row, fallback_id=f"{name}:{number}", source_path=source_path)


def parquet_columns(path: Path) -> list[str]:
    import pyarrow.parquet as pq

    return list(pq.ParquetFile(path).schema_arrow.names)


def read_parquet(path: Path, *, name: str, source_path: str, batch_size: int = 1024) -> Iterator[Article]:
    """A .parquet file holds one article per row, read in batches."""
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for corrupt files
        yield _file_error(name, source_path, f"unreadable Parquet file ({exc})".splitlines()[0])
        return
    if "text" not in parquet.schema_arrow.names:
        raise UsageError(f"{source_path}: Parquet file has no 'text' column")
    number = 0
    for batch in parquet.iter_batches(batch_size=batch_size):
        for row in batch.to_pylist():
            number += 1
            yield article_from_record(row, fallback_id=f"{name}:{number}", source_path=source_path)
