"""Read articles from files, folders and standard input, lazily and in input order.

    for article in read_articles([Path("data/raw")], published="2018-12-17"):
        ...

doc_id is the record's `id`; else, for a one-article file (.txt, .html), its
path relative to the input root without the suffix; else `<file>:<line>` (the
file's path relative to the root, the 1-based line or row number). A later
record with an id already seen becomes an error row, never an overwrite.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.errors import UsageError
from extract.read import files
from extract.read.article import Article, check_published

SUFFIXES = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".html": "html",
    ".htm": "html",
}


@dataclass(frozen=True, slots=True)
class Source:
    """One input file (or standard input) and the root its doc_ids are relative to."""

    path: Path | None
    root: Path | None
    form: str

    @property
    def relative(self) -> str:
        if self.path is None:
            return "-"
        return self.path.relative_to(self.root).as_posix() if self.root else self.path.name

    @property
    def file(self) -> Path:
        """The path of a file source (standard input has none)."""
        if self.path is None:
            raise ValueError("standard input has no path")
        return self.path


def find_sources(inputs: Iterable[str | Path], *, exclude: Iterable[str | Path] = ()) -> list[Source]:
    """Resolve INPUT arguments to files; raise UsageError for a missing or unusable path.

    Folders under `exclude` (the run's own `out`, when it lies inside an
    input folder) are not walked, so a run never reads its own tables back.
    """
    skip = [Path(p).resolve() for p in exclude]
    sources: list[Source] = []
    for item in inputs:
        if str(item) == "-":
            sources.append(Source(None, None, "stdin"))
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel_parts = child.relative_to(path).parts
                if any(child.resolve().is_relative_to(folder) for folder in skip):
                    continue
                if child.is_file() and not any(p.startswith(".") for p in rel_parts):
                    form = SUFFIXES.get(child.suffix.lower())
                    if form:
                        sources.append(Source(child, path, form))
        elif path.is_file():
            form = SUFFIXES.get(path.suffix.lower())
            if form is None:
                raise UsageError(f"{path}: unsupported input form (use {', '.join(sorted(SUFFIXES))} or -)")
            sources.append(Source(path, path.parent, form))
        elif path.exists():
            raise UsageError(f"{path}: not a regular file or folder")
        else:
            raise UsageError(f"{path}: no such file or folder")
    for source in sources:
        check_columns(source)
    return sources


def check_columns(source: Source) -> None:
    """Refuse a CSV or Parquet input without a `text` column before the run starts."""
    if source.form == "csv":
        columns = files.csv_columns(source.file)
    elif source.form == "parquet":
        try:
            columns = files.parquet_columns(source.file)
        except Exception:
            return  # a corrupt file becomes an error row when it is read
    else:
        return
    if "text" not in columns:
        raise UsageError(
            f"{source.path}: {source.form.upper()} input has no 'text' column (columns: {', '.join(columns) or 'none'})"
        )


def read_source(source: Source, *, stdin=None) -> Iterator[Article]:
    """The Articles of one source, in order."""
    if source.form == "stdin":
        yield from files.read_stdin(stdin if stdin is not None else sys.stdin.buffer)
        return
    rel = source.relative
    stem = rel[: -len(source.file.suffix)] if source.file.suffix else rel
    try:
        if source.form == "txt":
            yield from files.read_txt(source.file, doc_id=stem, source_path=rel)
        elif source.form == "html":
            yield from files.read_html(source.file, doc_id=stem, source_path=rel)
        elif source.form == "jsonl":
            yield from files.read_jsonl(source.file, name=rel, source_path=rel)
        elif source.form == "csv":
            yield from files.read_csv(source.file, name=rel, source_path=rel)
        elif source.form == "parquet":
            yield from files.read_parquet(source.file, name=rel, source_path=rel)
    except OSError as exc:
        yield Article(doc_id=stem, source_path=rel, text=None, error=f"cannot read file: {exc.strerror or exc}")


def read_articles(
    inputs: Iterable[str | Path], *, published: str | None = None, stdin=None, exclude: Iterable[str | Path] = ()
) -> Iterator[Article]:
    """Every record of every input, with default publication dates and duplicate ids flagged.

    Input paths and `published` are checked at once (UsageError); records are
    then read lazily.
    """
    published = check_published(published)
    return _read_all(find_sources(inputs, exclude=exclude), published, stdin)


def _read_all(sources: list[Source], published: str | None, stdin) -> Iterator[Article]:
    seen: dict[str, str] = {}
    for source in sources:
        for article in read_source(source, stdin=stdin):
            if article.doc_id in seen and article.error is None:
                article.error = f"duplicate id {article.doc_id!r} (first seen in {seen[article.doc_id]})"
            seen.setdefault(article.doc_id, article.source_path)
            if article.published is None and published is not None and article.error is None:
                article.published = published
            yield article
