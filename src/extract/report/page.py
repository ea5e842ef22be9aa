"""The report page: the run's tables turned into plain values, then rendered by Jinja2 templates.

Everything shown comes from the tables or the article texts, so every value goes through
the templates' autoescaping; the one piece of HTML built here is an article's highlighted
text (`highlight`), which escapes each piece of text itself. The stylesheet and the script
live in `static/` and are inlined at render time, so the page stays one file.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from functools import lru_cache
from importlib.resources import files
from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from extract.report.stories import story_items, story_timeline, world_map
from extract.report.values import CATEGORY_COLOURS, day_of, esc_none
from extract.schema import LIST_SEPARATOR, ROW_TABLES
from extract.views import events_caption
from extract.views import shown as shown_events

KINDS = ("country", "nationality", "place", "organisation", "person", "other")
TOP_KINDS = (("country", "Countries"), ("organisation", "Organisations"), ("place", "Places"), ("person", "People"))
TOP_N = 10


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → French country name, from the shipped country table."""
    from extract.components.resources import RESOURCES, read_tsv

    return {row["code"]: row["canonical"] for row in read_tsv(RESOURCES / "countries.tsv")}


def esc(value) -> str:
    """Text for HTML: missing values become empty, everything else escaped (quotes too)."""
    return html.escape(esc_none(value), quote=True)


# --- rendering ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # The template is `report.html.j2`: name its extension, or select_autoescape() would leave it unescaped.
    env = Environment(
        loader=PackageLoader("extract.report"),
        autoescape=select_autoescape(["html", "html.j2"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["thousands"] = lambda n: f"{n:,}"
    return env


def _static(name: str, closing: str) -> Markup:
    """A file of `static/`, to inline as is; it must not close the element it is inlined into."""
    text = files("extract.report").joinpath("static", name).read_text(encoding="utf-8")
    if closing in text.lower():
        raise ValueError(f"static/{name} contains {closing!r}, which would end the inline element early")
    return Markup(text)


def render_page(tables: dict[str, pd.DataFrame], texts: dict[str, str], *, title: str, limit: int = 500) -> str:
    """The report as one HTML string.

    Events are the asserted and planned ones (`extract.views.shown`): every figure, the
    timeline and the articles' tables count only those, and their captions say so.
    """
    every_event = tables["events"]
    tables = {**tables, "events": shown_events(every_event)}
    hidden = Counter(every_event["doc_id"]) - Counter(tables["events"]["doc_id"])
    caption = events_caption(len(tables["events"]), len(every_event))
    documents, mentions, events = (tables[t] for t in ("documents", "mentions", "events"))
    anchors = {doc_id: f"d{i}" for i, doc_id in enumerate(documents["doc_id"], start=1)}
    by_doc = {name: _by_doc(tables[name]) for name in ("mentions", "timexes", "events")}
    shown = documents.head(limit)
    titles = {str(d): t for d, t in zip(documents["doc_id"], documents["title"]) if isinstance(t, str)}
    articles = []
    for row in shown.itertuples(index=False):
        groups = {name: by_doc[name].get(row.doc_id) for name in by_doc}
        n_events = 0 if groups["events"] is None else len(groups["events"])
        article_caption = events_caption(n_events, n_events + hidden[row.doc_id])
        articles.append(_article(row, anchors[row.doc_id], texts.get(row.sha256), groups, article_caption))
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            title=title,
            css=_static("report.css", "</style"),
            js=_static("report.js", "</script"),
            figures=_summary(tables, caption),
            tops=_top_entities(mentions),
            timeline={**_timeline(events, documents, anchors), "caption": caption},
            story_timeline=story_timeline(tables["stories"], anchors),
            story_items=story_items(tables["stories"], titles, anchors),
            world=world_map(tables["stories"], tables["corpus_entities"]),
            kinds=KINDS,
            n_documents=len(documents),
            n_shown=len(shown),
            articles=articles,
        )
    )


def _by_doc(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {doc_id: group for doc_id, group in frame.groupby("doc_id", sort=False)}


# --- the page's parts, as plain values ---------------------------------------------------------


def _figure(ident: str, label: str, count: int, detail: str = "") -> dict:
    return {"ident": ident, "label": label, "count": count, "detail": detail}


def _summary(tables: dict[str, pd.DataFrame], caption: str) -> list[dict]:
    documents, mentions, entities, timexes, events = (tables[t] for t in ROW_TABLES)
    stories = tables["stories"]
    several = int((stories["n_articles"] > 1).sum()) if len(stories) else 0
    status = Counter(documents["status"])
    distinct = mentions.drop_duplicates(["kind", "canonical"]) if len(mentions) else mentions
    countries = (
        {c for c in mentions.loc[mentions["kind"].isin(["country", "nationality"]), "country_code"].dropna()}
        if len(mentions)
        else set()
    )
    dated = int(events["date_value"].notna().sum()) if len(events) else 0
    return [
        _figure(
            "documents",
            "articles",
            len(documents),
            f"{status['ok']} ok, {status['error']} errors, {status['skipped']} skipped",
        ),
        _figure("mentions", "entity mentions", len(mentions)),
        _figure("entities", "distinct entities", len(distinct), f"{len(entities):,} entity rows (per article)"),
        _figure("countries", "countries", len(countries), "named or by nationality"),
        _figure("timexes", "time expressions", len(timexes)),
        _figure("events", "events", len(events), f"{dated} dated; {caption}"),
        _figure("stories", "stories", len(stories), f"{several} reported by several articles"),
    ]


def _top_entities(mentions: pd.DataFrame) -> list[dict]:
    """Per kind of `TOP_KINDS`, its most mentioned entities: name, code, bar width, mentions, articles."""
    tops = []
    for kind, heading in TOP_KINDS:
        if kind == "country":  # a country counts when named or pointed at by a nationality
            rows = (
                mentions[mentions["kind"].isin(["country", "nationality"]) & mentions["country_code"].notna()]
                if len(mentions)
                else mentions
            )
            rows = rows.assign(canonical=rows["country_code"].map(lambda code: country_names().get(code, code)))
        else:
            rows = mentions[mentions["kind"] == kind] if len(mentions) else mentions
        items = []
        if len(rows):
            counts = rows.groupby("canonical").agg(
                n=("doc_id", "size"), docs=("doc_id", "nunique"), code=("country_code", "first")
            )
            counts = counts.sort_values(["n", "docs"], ascending=False).head(TOP_N)
            most = int(counts["n"].max())
            for name, item in counts.iterrows():
                code = item.code if isinstance(item.code, str) and kind != "country" else ""
                items.append(
                    {
                        "name": str(name),
                        "code": code,
                        "width": f"{100 * int(item.n) / most:.0f}",
                        "n": int(item.n),
                        "docs": int(item.docs),
                    }
                )
        tops.append({"kind": kind, "heading": heading, "entities": items})
    return tops


def _timeline(events: pd.DataFrame, documents: pd.DataFrame, anchors: dict[str, str]) -> dict:
    """The SVG timeline's geometry: year lines, category rows and one dot per dated event."""
    days = [(day_of(e.date_value), e) for e in events.itertuples(index=False)] if len(events) else []
    dated: list[tuple[dt.date, Any]] = [(day, e) for day, e in days if day is not None]
    timeline: dict[str, Any] = {"n_events": len(events), "n_dated": len(dated), "n_undated": len(events) - len(dated)}
    if not dated:
        return timeline
    titles = dict(zip(documents["doc_id"], documents["title"]))
    categories = [c for c in CATEGORY_COLOURS if any(e.category == c for _, e in dated)]
    categories += sorted({e.category for _, e in dated} - set(categories))
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    first, last = dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1)
    left, right, row_h, top = 170, 20, 22, 24
    width = 960
    height = top + row_h * len(categories) + 30
    span = (last - first).days or 1

    def x(day: dt.date) -> float:
        return left + (width - left - right) * (day - first).days / span

    years = []
    for year in range(first.year, last.year + 1):
        tx = x(dt.date(year, 1, 1))
        years.append({"x": f"{tx:.1f}", "label_x": f"{tx + 4:.1f}", "label": year if year < last.year else None})
    rows = [
        {"category": c, "y": f"{top + row_h * i + row_h / 2:.1f}", "text_y": f"{top + row_h * i + row_h / 2 + 4:.1f}"}
        for i, c in enumerate(categories)
    ]
    seen: Counter = Counter()
    dots = []
    for day, event in dated:
        row = categories.index(event.category)
        seen[(row, day)] += 1
        y = top + row_h * row + row_h / 2 + (seen[(row, day)] - 1) * 3
        tip = f"{event.date_value} · {event.category} · {event.trigger} — {titles.get(event.doc_id) or event.doc_id}"
        dots.append({"href": f"#{anchors[event.doc_id]}-e{event.event_id}", "cx": f"{x(day):.1f}", "cy": f"{y:.1f}",
                     "colour": CATEGORY_COLOURS.get(event.category, "#444"), "tip": tip})  # fmt: skip
    timeline.update(width=width, height=height, left=left, right_x=width - right, grid_top=top - 6, grid_bottom=height - 24,
                    tick_y=height - 8, cat_x=left - 8, years=years, rows=rows, dots=dots)  # fmt: skip
    return timeline


def _spans(anchor: str, groups: dict[str, pd.DataFrame | None]) -> list[tuple[int, int, str, str, str]]:
    """(start, end, css class, row anchor, tooltip) of every highlight in one article."""
    spans = []
    if (m := groups["mentions"]) is not None:
        for r in m.itertuples(index=False):
            code = f" ({r.country_code})" if isinstance(r.country_code, str) else ""
            spans.append(
                (
                    int(r.start),
                    int(r.end),
                    f"m k-{r.kind}",
                    f"{anchor}-m{r.mention_id}",
                    f"{r.kind}: {r.canonical}{code}",
                )
            )
    if (t := groups["timexes"]) is not None:
        for r in t.itertuples(index=False):
            spans.append((int(r.start), int(r.end), "t", f"{anchor}-t{r.timex_id}", f"{r.type} {esc_none(r.value)}"))
    if (e := groups["events"]) is not None:
        for r in e.itertuples(index=False):
            date = f" · {r.date_value}" if isinstance(r.date_value, str) else ""
            spans.append((int(r.start), int(r.end), "e", f"{anchor}-e{r.event_id}", f"event: {r.category}{date}"))
    return spans


def highlight(text: str, spans: list[tuple[int, int, str, str, str]]) -> str:
    """The text as HTML with every span highlighted; overlapping spans split into segments.

    Each segment is one link to the row of the innermost span covering it (an event
    over a time expression over a mention); its tooltip names every span covering it.
    The first segment of each span carries the id the row links back to.
    """
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    priority = {"e": 0, "t": 1}
    started: set[str] = set()
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [s for s in spans if s[0] <= a and b <= s[1]]
        piece = esc(text[a:b])
        if not covering:
            parts.append(piece)
            continue
        covering.sort(key=lambda s: (priority.get(s[2], 2), s[1] - s[0]))
        classes = " ".join(dict.fromkeys(c for s in covering for c in s[2].split()))
        ids = [s[3] for s in covering if s[0] == a and s[3] not in started]
        started.update(ids)
        id_attr = f' id="h-{esc(ids[0])}"' if ids else ""
        extra_ids = "".join(f'<span id="h-{esc(i)}"></span>' for i in ids[1:])
        tip = " | ".join(s[4] for s in covering)
        parts.append(
            f'{extra_ids}<a class="hl {esc(classes)}"{id_attr} href="#{esc(covering[0][3])}" title="{esc(tip)}">{piece}</a>'
        )
    return "".join(parts)


def _table(caption: str, css: str, columns: list[str], rows: list[tuple[str, list]]) -> dict:
    """One rows table: each row its anchor and its cells as text (the first cell links to the highlight)."""
    return {
        "caption": caption,
        "css": css,
        "columns": columns,
        "rows": [(ident, [esc_none(c) for c in cells]) for ident, cells in rows],
    }


def _names(cell) -> str:
    """A list cell as `; `-joined text."""
    return LIST_SEPARATOR.join(str(v) for v in cell) if isinstance(cell, (list, tuple)) else esc_none(cell)


def _article(doc, anchor: str, text: str | None, groups: dict[str, pd.DataFrame | None], caption: str) -> dict:
    m, t, e = groups["mentions"], groups["timexes"], groups["events"]
    n = {name: 0 if g is None else len(g) for name, g in groups.items()}
    canonicals = " ".join(sorted(set(m["canonical"].dropna()))) if m is not None else ""
    tables = []
    if m is not None:
        rows = [
            (
                f"{anchor}-m{r.mention_id}",
                [f"m{r.mention_id}", r.text, r.kind, r.canonical, r.country_code, r.wikidata_id, r.label],
            )
            for r in m.itertuples(index=False)
        ]
        tables.append(
            _table("Mentions", "mentions", ["id", "text", "kind", "canonical", "country", "wikidata", "label"], rows)
        )
    if t is not None:
        rows = [
            (f"{anchor}-t{r.timex_id}", [f"t{r.timex_id}", r.text, r.type, r.value, r.anchor])
            for r in t.itertuples(index=False)
        ]
        tables.append(_table("Time expressions", "timexes", ["id", "text", "type", "value", "anchor"], rows))
    if e is not None:
        rows = [
            (
                f"{anchor}-e{r.event_id}",
                [
                    f"e{r.event_id}",
                    r.trigger,
                    r.category,
                    r.cameo_root,
                    r.modality,
                    r.date_value,
                    r.place,
                    _names(r.agents),
                    _names(r.targets),
                    r.coref_id,
                ],
            )  # fmt: skip
            for r in e.itertuples(index=False)
        ]
        columns = ["id", "trigger", "category", "CAMEO", "modality", "date", "place", "agents", "targets", "coref"]
        tables.append(_table(f"Events: {caption}", "events", columns, rows))
    status = esc_none(doc.status)
    return {
        "anchor": anchor,
        "doc_id": esc_none(doc.doc_id),
        "title": esc_none(doc.title),
        "published": esc_none(doc.published),
        "status": status,
        "error": esc_none(doc.error),
        "search": f"{doc.doc_id} {esc_none(doc.title)} {canonicals}".lower(),
        "n": n,
        # highlight() escapes every piece of the text itself; its markup is the one HTML not built by the template.
        "text": None if status != "ok" or text is None else Markup(highlight(text, _spans(anchor, groups))),
        "text_missing": status == "ok" and text is None,
        "tables": tables,
    }
