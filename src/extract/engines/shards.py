"""Cut the input into shards: fixed runs of records that a worker reads by itself.

The client scans the inputs once, cheaply (a `.txt` or `.html` file is one
record named by its path and is not opened; JSON Lines, CSV and Parquet are
read for their ids), and cuts the records, in input order, into shards of
`size` records. A shard lists its segments: a source and a run of its
records, with the byte offset and line number where the run starts in a JSON
Lines file so that the worker seeks instead of re-reading the file from the
top. Duplicate ids are found during the scan, across all shards, exactly as
the local reader finds them, and travel with the shard.

The plan is a pure function of the inputs and the shard size, so a later run
with `--resume` recognises the shards an interrupted run completed.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from extract.read import Source, files, read_source
from extract.read.article import Article


@dataclass(slots=True)
class Segment:
    """A run of `count` records of one source, from record number `start` (0-based)."""

    path: str
    root: str
    form: str
    start: int
    count: int
    offset: int = 0  # JSON Lines: byte offset of the line after record `start - 1`
    line: int = 0  # JSON Lines: lines consumed before `offset`

    @property
    def source(self) -> Source:
        return Source(Path(self.path), Path(self.root), self.form)


@dataclass(slots=True)
class Shard:
    """A shard: its number, its segments and the duplicate-id errors of its records."""

    index: int
    segments: list[Segment] = field(default_factory=list)
    duplicates: dict[int, str] = field(default_factory=dict)  # position in shard → error

    @property
    def size(self) -> int:
        return sum(segment.count for segment in self.segments)

    def to_json(self) -> dict:
        return {
            "index": self.index,
            "segments": [asdict(s) for s in self.segments],
            "duplicates": {str(k): v for k, v in self.duplicates.items()},
        }

    @classmethod
    def from_json(cls, data: dict) -> Shard:
        return cls(
            data["index"], [Segment(**s) for s in data["segments"]], {int(k): v for k, v in data["duplicates"].items()}
        )


def absolute(source: Source) -> Source:
    """The same source with absolute paths (workers may not share our working folder)."""
    if source.root is None:
        raise ValueError("standard input has no path")
    return Source(source.file.absolute(), source.root.absolute(), source.form)


def fingerprint(sources: Sequence[Source]) -> list[list]:
    """What identifies the inputs without reading them: each file's path, size and mtime."""
    rows = []
    for source in sources:
        stat = source.file.stat()
        rows.append([str(source.path), str(source.root), source.form, stat.st_size, stat.st_mtime_ns])
    return rows


class _CountedLines:
    """Iterate a binary file's lines, remembering how many were read and where they end."""

    def __init__(self, stream: Iterable[bytes]) -> None:
        self.stream = stream
        self.number = 0
        self.position = 0

    def __iter__(self) -> Iterator[bytes]:
        for raw in self.stream:
            self.number += 1
            self.position += len(raw)
            yield raw


def _scan(source: Source) -> Iterator[tuple[str, str, int, int]]:
    """(doc_id, source_path, offset, line) of each record; offset/line say where the next starts."""
    if source.form in ("txt", "html"):
        rel = source.relative
        stem = rel[: -len(source.file.suffix)] if source.file.suffix else rel
        yield stem, rel, 0, 0  # one record per file, named by its path: no need to open it
        return
    if source.form == "jsonl":
        with source.file.open("rb") as stream:
            if files.binary_kind(stream.read(8192).split(b"\n", 1)[0]):
                yield from ((a.doc_id, a.source_path, 0, 0) for a in read_source(source))
                return
            stream.seek(0)
            lines = _CountedLines(stream)
            for article in files._jsonl_lines(lines, name=source.relative, source_path=source.relative):
                yield article.doc_id, article.source_path, lines.position, lines.number
        return
    for article in read_source(source):
        yield article.doc_id, article.source_path, 0, 0


def plan_shards(sources: Sequence[Source], size: int, *, select: Collection[int] | None = None) -> list[Shard]:
    """Cut every record of `sources` (or those at the 0-based positions `select`), in input order, into shards.

    Records left out by `select` still count for the duplicate ids, as in a whole run.
    """
    shards: list[Shard] = []
    seen: dict[str, str] = {}
    current = Shard(0)
    position = 0
    for source in sources:
        segment = Segment(str(source.path), str(source.root), source.form, 0, 0)
        next_offset = next_line = 0
        for number, (doc_id, source_path, offset, line) in enumerate(_scan(source)):
            wanted = select is None or position in select
            position += 1
            if not wanted:
                if segment.count:  # a gap: this run of records ends here
                    current.segments.append(segment)
                # the next run can start after this record
                segment = Segment(segment.path, segment.root, segment.form, number + 1, 0, offset, line)
                seen.setdefault(doc_id, source_path)
                next_offset, next_line = offset, line
                continue
            if current.size + segment.count >= size:
                if segment.count:
                    current.segments.append(segment)
                shards.append(current)
                current = Shard(len(shards))
                segment = Segment(segment.path, segment.root, segment.form, number, 0, next_offset, next_line)
            if doc_id in seen:
                # The reader marks it only if the record is otherwise readable (see read._read_all).
                current.duplicates[current.size + segment.count] = (
                    f"duplicate id {doc_id!r} (first seen in {seen[doc_id]})"
                )
            seen.setdefault(doc_id, source_path)
            segment.count += 1
            next_offset, next_line = offset, line
        if segment.count:
            current.segments.append(segment)
    if current.segments or not shards:  # no records at all: one empty shard, so the tables exist
        shards.append(current)
    return shards


def read_shard(shard: Shard, *, published: str | None) -> Iterator[Article]:
    """The Articles of one shard, exactly as `read_articles` yields them in a whole run."""
    position = 0
    for segment in shard.segments:
        for article in itertools.islice(_read_segment(segment), segment.count):
            duplicate = shard.duplicates.get(position)
            if duplicate is not None and article.error is None:
                article.error = duplicate
            if article.published is None and published is not None and article.error is None:
                article.published = published
            position += 1
            yield article


def _read_segment(segment: Segment) -> Iterator[Article]:
    source = segment.source
    if segment.start == 0:
        yield from read_source(source)
    elif source.form == "jsonl":
        with source.file.open("rb") as stream:
            stream.seek(segment.offset)
            # Blank lines are skipped by the reader but counted, so the
            # `<file>:<line>` ids of records without an id stay right.
            lines = itertools.chain(itertools.repeat(b"", segment.line), stream)
            yield from files._jsonl_lines(lines, name=source.relative, source_path=source.relative)
    else:
        yield from itertools.islice(read_source(source), segment.start, None)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover (macOS)
        return os.cpu_count() or 1
