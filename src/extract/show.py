"""Show one article in the terminal with its entities, time expressions and events marked.

`render_article` takes the table rows of one article (mappings with the SPEC's
column names, as `extract run` writes them or as `article_views` computes them)
and returns a rich renderable, so it works on a fresh file and on a finished
run's tables alike.

Example:
    from rich.console import Console
    from extract.show import article_views, render_article
    for view in article_views("tests/data/seed/maroc-cellule-securite.txt", published="2018-12-17"):
        Console().print(render_article(view))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import SupportsInt, cast

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from extract.errors import UsageError

Row = Mapping[str, object]

KIND_STYLES = {
    "country": "bold cyan",
    "nationality": "cyan",
    "place": "green",
    "organisation": "magenta",
    "person": "yellow",
    "other": "dim",
}
TIMEX_STYLE = "underline bright_blue"
EVENT_STYLE = "bold white on red"


@dataclass(slots=True)
class ArticleView:
    """One article's text and its rows in the mentions, timexes and events tables."""

    doc_id: str
    text: str
    title: str | None = None
    published: str | None = None
    mentions: list[Row] = field(default_factory=list)
    timexes: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    status: str = "ok"
    error: str | None = None


def _cell(value: object) -> str:
    """A table cell as text: nulls (None, NaN, pandas NA) are empty."""
    if value is None or value != value:
        return ""
    try:
        import pandas as pd

        if value is pd.NA:
            return ""
    except ImportError:  # pragma: no cover
        pass
    return str(value)


def _span(row: Row, length: int) -> tuple[int, int] | None:
    try:
        # A row's values are whatever its table holds; int() rejects the wrong ones (caught below).
        start, end = int(cast(SupportsInt, row["start"])), int(cast(SupportsInt, row["end"]))
    except (KeyError, TypeError, ValueError):
        return None
    return (start, end) if 0 <= start < end <= length else None


def marked_text(view: ArticleView) -> Text:
    """The article text with mentions coloured by kind, time expressions underlined, triggers boxed."""
    text = Text(view.text)
    layers = (
        (view.mentions, lambda row: KIND_STYLES.get(_cell(row.get("kind")), "dim")),
        (view.timexes, lambda row: TIMEX_STYLE),
        (view.events, lambda row: EVENT_STYLE),
    )
    for rows, style_of in layers:
        for row in rows:
            span = _span(row, len(view.text))
            if span is not None:
                text.stylize(style_of(row), *span)
    return text


def events_table(events: Sequence[Row]) -> Table:
    """One line per event: trigger, category and CAMEO root, date, place, actors."""
    table = Table(title="events", show_header=True, header_style="bold", expand=False)
    for column in ("#", "trigger", "category", "date", "place", "actors"):
        table.add_column(column)
    for row in events:
        category = _cell(row.get("category"))
        cameo = _cell(row.get("cameo_root"))
        place = _cell(row.get("place"))
        place_code = _cell(row.get("place_country_code"))
        actors = _cell(row.get("actors"))
        codes = _cell(row.get("actor_country_codes"))
        table.add_row(
            _cell(row.get("event_id")),
            _cell(row.get("trigger")),
            f"{category} ({cameo})" if cameo else category,
            _cell(row.get("date_value")),
            f"{place} ({place_code})" if place_code else place,
            f"{actors} [{codes}]" if codes else actors,
        )
    return table


def legend() -> Text:
    parts = [Text(kind, style=style) for kind, style in KIND_STYLES.items()]
    parts += [Text("time expression", style=TIMEX_STYLE), Text("event trigger", style=EVENT_STYLE)]
    return Text("  ").join(parts)


def render_article(view: ArticleView) -> RenderableType:
    """A rich renderable for one article: a header, the marked text, a legend and the events."""
    header = " · ".join(part for part in (view.doc_id, view.title or "", view.published or "") if part)
    counts = Text(
        f"{len(view.mentions)} mentions, {len(view.timexes)} time expressions, {len(view.events)} events",
        style="dim",
    )
    if view.status != "ok":
        counts = Text(f"{view.status}: {view.error or 'no reason given'}", style="bold red")
    parts: list[RenderableType] = [Rule(header), counts, marked_text(view), legend()]
    if view.events:
        parts.append(events_table(view.events))
    return Group(*parts)


def _rows_of(table: Sequence[tuple], columns: Sequence[str]) -> list[Row]:
    return [dict(zip(columns, row)) for row in table]


def article_views(
    article: str | Path,
    *,
    out: Path | None = None,
    inputs: Iterable[str | Path] = ("data/raw",),
    published: str | None = None,
    model: str | None = None,
) -> list[ArticleView]:
    """The articles to show: run the pipeline on a file, or read a doc_id from a finished run.

    Args:
        article: an input file (every record in it is annotated now), or the
            `doc_id` of a record in the tables of `out`.
        out: the folder of a finished run, used when `article` is not a file.
        inputs: where that run's texts are read again (as for `extract report`).
        published: ISO date for records that give none (files only).
        model: the spaCy model (files only).
    """
    path = Path(article)
    if path.is_file():
        return _annotate_file(path, published=published, model=model)
    if out is None:
        raise UsageError(
            "{article}: no such file (give {out=DIR} to show a doc_id from a finished run)",
            option="article",
            article=article,
        )
    return [_view_from_run(str(article), out=Path(out), inputs=inputs)]


def _annotate_file(path: Path, *, published: str | None, model: str | None) -> list[ArticleView]:
    from extract.pipeline.load import DEFAULT_MODEL, load_pipeline
    from extract.pipeline.process import annotate_batch
    from extract.read import read_articles
    from extract.schema import COLUMNS

    articles = list(read_articles([path], published=published))
    nlp = load_pipeline(model or DEFAULT_MODEL)
    views = []
    for article, rows in zip(articles, annotate_batch(nlp, articles)):
        document = dict(zip(COLUMNS["documents"], rows.tables["documents"][0]))
        views.append(
            ArticleView(
                doc_id=article.doc_id,
                text=article.text or "",
                title=article.title,
                published=article.published,
                mentions=_rows_of(rows.tables["mentions"], COLUMNS["mentions"]),
                timexes=_rows_of(rows.tables["timexes"], COLUMNS["timexes"]),
                events=_rows_of(rows.tables["events"], COLUMNS["events"]),
                status=document["status"],
                error=document["error"],
            )
        )
    return views


def _view_from_run(doc_id: str, *, out: Path, inputs: Iterable[str | Path]) -> ArticleView:
    from extract.report import article_texts
    from extract.runs import load_tables

    tables = load_tables(out)
    documents = tables["documents"]
    match = documents[documents["doc_id"] == doc_id]
    if match.empty:
        raise UsageError(f"{doc_id}: no such doc_id in {out}/documents")
    document = match.iloc[0]
    digest = _cell(document.get("sha256"))
    text = article_texts(inputs, {digest}).get(digest)
    if text is None:
        raise UsageError(f"{doc_id}: its text was not found in the inputs ({', '.join(map(str, inputs))})")

    def rows(table: str) -> list[Row]:
        frame = tables[table]
        return frame[frame["doc_id"] == doc_id].to_dict("records")

    return ArticleView(
        doc_id=doc_id,
        text=text,
        title=_cell(document.get("title")) or None,
        published=_cell(document.get("published")) or None,
        mentions=rows("mentions"),
        timexes=rows("timexes"),
        events=rows("events"),
        status=_cell(document.get("status")) or "ok",
        error=_cell(document.get("error")) or None,
    )
