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
from extract.schema import SHOWN_MODALITIES
from extract.views import events_caption

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


def _names(value: object) -> str:
    """A list cell (a list, an array, or a `; `-joined string from an older table) as text."""
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, float):
        return ""
    try:
        return "; ".join(str(v) for v in value)  # type: ignore[attr-defined]
    except TypeError:
        return _cell(value)


def shown_events(events: Sequence[Row], modalities: Iterable[str] = SHOWN_MODALITIES) -> list[Row]:
    """The events of `modalities` (asserted and planned by default); a row without one counts as asserted."""
    wanted = set(modalities)
    return [row for row in events if (_cell(row.get("modality")) or "asserted") in wanted]


def events_table(events: Sequence[Row], caption: str = "") -> Table:
    """One line per event: trigger, category and CAMEO root, modality, date, place, agents → targets."""
    table = Table(title="events", caption=caption or None, show_header=True, header_style="bold", expand=False)
    for column in ("#", "trigger", "category", "modality", "date", "place", "agents", "targets", "coref"):
        table.add_column(column)
    for row in events:
        category = _cell(row.get("category"))
        cameo = _cell(row.get("cameo_root"))
        place = _cell(row.get("place"))
        place_code = _cell(row.get("place_country_code"))
        date = _cell(row.get("date_value"))
        source = _cell(row.get("date_source"))
        roles = []
        for names, codes in (("agents", "agent_country_codes"), ("targets", "target_country_codes")):
            who, where = _names(row.get(names)), _names(row.get(codes))
            roles.append(f"{who} [{where}]".strip() if where else who)
        table.add_row(
            _cell(row.get("event_id")),
            _cell(row.get("trigger")),
            f"{category} ({cameo})" if cameo else category,
            _cell(row.get("modality")),
            f"{date} ({source})" if date and source and source != "clause" else date,
            f"{place} ({place_code})" if place_code else place,
            *roles,
            _cell(row.get("coref_id")),
        )
    return table


def legend() -> Text:
    parts = [Text(kind, style=style) for kind, style in KIND_STYLES.items()]
    parts += [Text("time expression", style=TIMEX_STYLE), Text("event trigger", style=EVENT_STYLE)]
    return Text("  ").join(parts)


def render_article(view: ArticleView, *, modalities: Iterable[str] = SHOWN_MODALITIES) -> RenderableType:
    """A rich renderable for one article: a header, the marked text, a legend and the events.

    Only the events of `modalities` (asserted and planned by default) are marked, counted and
    listed; the caption says how many others are not shown.
    """
    modalities = tuple(modalities)
    events = shown_events(view.events, modalities)
    caption = events_caption(len(events), len(view.events), modalities)
    header = " · ".join(part for part in (view.doc_id, view.title or "", view.published or "") if part)
    counts = Text(
        f"{len(view.mentions)} mentions, {len(view.timexes)} time expressions, {len(events)} events ({caption})",
        style="dim",
    )
    if view.status != "ok":
        counts = Text(f"{view.status}: {view.error or 'no reason given'}", style="bold red")
    shown = ArticleView(view.doc_id, view.text, view.title, view.published, view.mentions, view.timexes, events)
    parts: list[RenderableType] = [Rule(header), counts, marked_text(shown), legend()]
    if events:
        parts.append(events_table(events, caption))
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
