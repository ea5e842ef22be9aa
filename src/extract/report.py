"""One static HTML page that shows a finished run to a person: `DIR/report.html`.

    from extract.report import write_report
    write_report(Path("data/out"))            # → data/out/report.html

The page is self-contained (inline CSS, a few lines of inline JS, inline SVG;
a Content-Security-Policy forbids every network request): summary figures, the
most mentioned entities, a timeline of dated events, and each article with its
mentions, time expressions and events highlighted, each highlight linked to its
row in the tables below the text and back. The tables hold offsets, not the
texts, so the article texts are read again from the inputs (`data/raw/` by
default) and matched to their `documents` row by SHA-256; an article whose text
is not found is listed with its rows only.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from extract.errors import UsageError
from extract.tables import SCHEMAS, TABLES
from extract.write import DUCKDB_FILE

REPORT_FILE = "report.html"
KINDS = ("country", "nationality", "place", "organisation", "person", "other")
TOP_KINDS = (("country", "Countries"), ("organisation", "Organisations"), ("place", "Places"), ("person", "People"))
TOP_N = 10
# Categories in SPEC order, coloured by family: cooperation (blue/green), conflict (orange/red), other (purple/grey).
CATEGORY_COLOURS = {
    "statement": "#6c8ebf", "appeal": "#4f81bd", "intent_cooperate": "#3a9ad9", "consult": "#1f78b4",
    "diplomatic_cooperation": "#33a02c", "material_cooperation": "#2ca25f", "aid": "#66c2a4", "yield": "#99d8c9",
    "investigate": "#bfa14a", "demand": "#e6ab02", "disapprove": "#fdae61", "reject": "#f46d43",
    "threaten": "#e6550d", "protest": "#d95f0e", "military_posture": "#a63603", "reduce_relations": "#c51b7d",
    "coerce": "#ae017e", "assault": "#d7301f", "fight": "#b30000", "mass_violence": "#67000d",
    "disaster": "#756bb1", "accident": "#9e9ac8", "election": "#636363",
}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → French country name, from the shipped country table."""
    from extract.annotate.gazetteer import RESOURCES, read_tsv

    return {row["code"]: row["canonical"] for row in read_tsv(RESOURCES / "countries.tsv")}


def load_tables(out: Path) -> dict[str, pd.DataFrame]:
    """The five tables of the run in `out`: from Parquet, else the DuckDB file, else CSV."""
    out = Path(out)
    if all((out / f"{t}.parquet").exists() for t in TABLES):
        return {t: pd.read_parquet(out / f"{t}.parquet") for t in TABLES}
    if (out / DUCKDB_FILE).is_file():
        import duckdb

        with duckdb.connect(str(out / DUCKDB_FILE), read_only=True) as con:
            return {t: con.sql(f'SELECT * FROM "{t}"').to_arrow_table().to_pandas() for t in TABLES}
    if all((out / f"{t}.csv").is_file() for t in TABLES):
        return {t: _read_csv(out / f"{t}.csv", t) for t in TABLES}
    raise UsageError("{out} {path}: no tables found (run `extract run --out {path}` first)", option="out", path=out)


def _read_csv(path: Path, table: str) -> pd.DataFrame:
    schema = SCHEMAS[table]
    types = {f.name: ("Int64" if str(f.type).startswith("int") else "string") for f in schema}
    frame = pd.read_csv(path, dtype=types, keep_default_na=False, na_values=[""])
    for name, kind in types.items():
        if kind == "string":  # undo the CSV's formula guard
            frame[name] = frame[name].str.replace(r"^'(?=[=+\-@\t\r])", "", regex=True)
    return frame


def article_texts(inputs: Iterable[str | Path], wanted: set[str]) -> dict[str, str]:
    """Texts of the input records whose SHA-256 is in `wanted`; missing inputs are skipped."""
    from extract.read import read_articles

    paths = [p for p in inputs if Path(p).exists()]
    texts: dict[str, str] = {}
    if not paths or not wanted:
        return texts
    for article in read_articles(paths):
        digest = article.sha256
        if article.text is not None and digest in wanted:
            texts[digest] = article.text
            if len(texts) == len(wanted):
                break
    return texts


def write_report(out: Path, *, inputs: Iterable[str | Path] = ("data/raw",), limit: int = 500) -> Path:
    """Write `out/report.html` from the tables in `out`; return its path.

    Args:
        out: the folder of a finished run.
        inputs: where to read the article texts again (files or folders, as for `extract run`).
        limit: at most this many articles are shown in full (the figures count them all).
    """
    out = Path(out)
    tables = load_tables(out)
    documents = tables["documents"]
    wanted = {d for d in documents["sha256"].dropna()}
    texts = article_texts(inputs, wanted)
    page = render_page(tables, texts, title=f"extract report — {out}", limit=limit)
    path = out / REPORT_FILE
    temp = out / f".{REPORT_FILE}.tmp"
    temp.write_text(page, encoding="utf-8")
    temp.replace(path)
    return path


# --- the page -------------------------------------------------------------------------------


def esc(value) -> str:
    """Text for HTML: missing values become empty, everything else escaped (quotes too)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def _by_doc(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {doc_id: group for doc_id, group in frame.groupby("doc_id", sort=False)}


def render_page(tables: dict[str, pd.DataFrame], texts: dict[str, str], *, title: str, limit: int = 500) -> str:
    """The report as one HTML string."""
    documents, mentions, timexes, events = (tables[t] for t in ("documents", "mentions", "timexes", "events"))
    anchors = {doc_id: f"d{i}" for i, doc_id in enumerate(documents["doc_id"], start=1)}
    by_doc = {name: _by_doc(tables[name]) for name in ("mentions", "timexes", "events")}
    shown = documents.head(limit)
    body = [
        f"<header><h1>{esc(title)}</h1>",
        '<p class="hint">Click a highlight to see its row; click a row\'s id to go back to the text. '
        "Pale blue underlines are time expressions, red boxes event triggers.</p></header>",
        '<nav class="toc"><a href="#summary">Summary</a><a href="#top">Top entities</a>'
        '<a href="#timeline">Events timeline</a><a href="#articles">Articles</a></nav>',
        _summary(tables),
        _top_entities(mentions),
        _timeline(events, documents, anchors),
        '<section id="articles"><h2>Articles</h2>',
        '<p><label>Filter articles: <input id="filter" type="search" placeholder="title, id or entity"></label> '
        f'<span id="shown-count">{len(shown)}</span> of {len(documents)} shown</p>',
        _legend(),
    ]
    if len(documents) > len(shown):
        body.append(f'<p class="note">Only the first {len(shown)} articles are shown in full.</p>')
    for row in shown.itertuples(index=False):
        groups = {name: by_doc[name].get(row.doc_id) for name in by_doc}
        body.append(_article(row, anchors[row.doc_id], texts.get(row.sha256), groups))
    body.append("</section>")
    return PAGE.format(title=esc(title), css=CSS, js=JS, body="\n".join(body))


def _figure(ident: str, label: str, count: int, detail: str = "") -> str:
    extra = f'<span class="detail">{esc(detail)}</span>' if detail else ""
    return f'<div class="figure"><span class="n" id="n-{ident}" data-count="{count}">{count:,}</span><span class="label">{esc(label)}</span>{extra}</div>'


def _summary(tables: dict[str, pd.DataFrame]) -> str:
    documents, mentions, entities, timexes, events = (tables[t] for t in TABLES)
    status = Counter(documents["status"])
    distinct = mentions.drop_duplicates(["kind", "canonical"]) if len(mentions) else mentions
    countries = {c for c in mentions.loc[mentions["kind"].isin(["country", "nationality"]), "country_code"].dropna()} if len(mentions) else set()
    dated = int(events["date_value"].notna().sum()) if len(events) else 0
    figures = [
        _figure("documents", "articles", len(documents), f"{status['ok']} ok, {status['error']} errors, {status['skipped']} skipped"),
        _figure("mentions", "entity mentions", len(mentions)),
        _figure("entities", "distinct entities", len(distinct), f"{len(entities):,} entity rows (per article)"),
        _figure("countries", "countries", len(countries), "named or by nationality"),
        _figure("timexes", "time expressions", len(timexes)),
        _figure("events", "events", len(events), f"{dated} dated"),
    ]
    return f'<section id="summary"><h2>Summary</h2><div class="figures">{"".join(figures)}</div></section>'


def _top_entities(mentions: pd.DataFrame) -> str:
    parts = ['<section id="top"><h2>Most mentioned</h2><div class="tops">']
    for kind, heading in TOP_KINDS:
        parts.append(f'<div class="top" id="top-{kind}"><h3>{heading}</h3>')
        if kind == "country":
            parts.append('<p class="note">named ("le Maroc") or by nationality ("les services marocains")</p>')
        if kind == "country":  # a country counts when named or pointed at by a nationality
            rows = mentions[mentions["kind"].isin(["country", "nationality"]) & mentions["country_code"].notna()] if len(mentions) else mentions
            rows = rows.assign(canonical=rows["country_code"].map(lambda code: country_names().get(code, code)))
        else:
            rows = mentions[mentions["kind"] == kind] if len(mentions) else mentions
        if not len(rows):
            parts.append('<p class="empty">none</p></div>')
            continue
        counts = rows.groupby("canonical").agg(n=("doc_id", "size"), docs=("doc_id", "nunique"), code=("country_code", "first"))
        counts = counts.sort_values(["n", "docs"], ascending=False).head(TOP_N)
        most = int(counts["n"].max())
        parts.append("<table class='bars'>")
        for name, item in counts.iterrows():
            code = f' <span class="code">{esc(item.code)}</span>' if isinstance(item.code, str) and kind != "country" else ""
            width = 100 * int(item.n) / most
            parts.append(
                f'<tr><th title="{esc(name)}">{esc(name)}{code}</th><td><span class="track"><span class="bar" style="width:{width:.0f}%"></span></span>'
                f'<span class="v">{int(item.n)}</span><span class="docs" title="articles">{int(item.docs)} art.</span></td></tr>'
            )
        parts.append("</table></div>")
    parts.append("</div></section>")
    return "".join(parts)


def day_of(value) -> dt.date | None:
    """The first day a TIMEX3 date value covers (`2018-12-17`, `2018-W50`, `2018-12`, `2018`), else None."""
    if not isinstance(value, str):
        return None
    value = value.split("T", 1)[0]
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        return dt.date(*map(int, match.groups()))
    if match := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return dt.date(int(match[1]), int(match[2]), 1)
    if match := re.fullmatch(r"(\d{4})", value):
        return dt.date(int(match[1]), 1, 1)
    return None


def _timeline(events: pd.DataFrame, documents: pd.DataFrame, anchors: dict[str, str]) -> str:
    head = '<section id="timeline"><h2>Events timeline</h2>'
    dated = [(day_of(e.date_value), e) for e in events.itertuples(index=False)] if len(events) else []
    dated = [(day, e) for day, e in dated if day is not None]
    if not dated:
        return head + f'<p class="empty" id="timeline-empty">No dated events ({len(events)} events in all).</p></section>'
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

    svg = [f'<svg id="timeline-svg" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="events by date and category">']
    for year in range(first.year, last.year + 1):
        tx = x(dt.date(year, 1, 1))
        svg.append(f'<line class="grid" x1="{tx:.1f}" x2="{tx:.1f}" y1="{top - 6}" y2="{height - 24}"/>')
        if year < last.year:
            svg.append(f'<text class="tick" x="{tx + 4:.1f}" y="{height - 8}">{year}</text>')
    for row, category in enumerate(categories):
        y = top + row_h * row + row_h / 2
        svg.append(f'<text class="cat" x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{esc(category)}</text>')
        svg.append(f'<line class="row" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
    seen: Counter = Counter()
    for day, event in dated:
        row = categories.index(event.category)
        seen[(row, day)] += 1
        y = top + row_h * row + row_h / 2 + (seen[(row, day)] - 1) * 3
        colour = CATEGORY_COLOURS.get(event.category, "#444")
        tip = f"{event.date_value} · {event.category} · {event.trigger} — {titles.get(event.doc_id) or event.doc_id}"
        svg.append(
            f'<a href="#{anchors[event.doc_id]}-e{event.event_id}" class="dot"><circle cx="{x(day):.1f}" cy="{y:.1f}" r="5" '
            f'fill="{colour}"><title>{esc(tip)}</title></circle></a>'
        )
    svg.append("</svg>")
    undated = len(events) - len(dated)
    note = f'<p class="note"><span id="n-dated" data-count="{len(dated)}">{len(dated)}</span> dated events shown (each at the first day its date covers); {undated} undated.</p>'
    return head + "".join(svg) + note + "</section>"


def _legend() -> str:
    items = [f'<span class="m k-{k}">{k}</span>' for k in KINDS]
    items += ['<span class="t">time expression</span>', '<span class="e">event trigger</span>']
    return f'<p class="legend">{" ".join(items)}</p>'


def _spans(anchor: str, groups: dict[str, pd.DataFrame | None]) -> list[tuple[int, int, str, str, str]]:
    """(start, end, css class, row anchor, tooltip) of every highlight in one article."""
    spans = []
    if (m := groups["mentions"]) is not None:
        for r in m.itertuples(index=False):
            code = f" ({r.country_code})" if isinstance(r.country_code, str) else ""
            spans.append((int(r.start), int(r.end), f"m k-{r.kind}", f"{anchor}-m{r.mention_id}", f"{r.kind}: {r.canonical}{code}"))
    if (t := groups["timexes"]) is not None:
        for r in t.itertuples(index=False):
            spans.append((int(r.start), int(r.end), "t", f"{anchor}-t{r.timex_id}", f"{r.type} {esc_none(r.value)}"))
    if (e := groups["events"]) is not None:
        for r in e.itertuples(index=False):
            date = f" · {r.date_value}" if isinstance(r.date_value, str) else ""
            spans.append((int(r.start), int(r.end), "e", f"{anchor}-e{r.event_id}", f"event: {r.category}{date}"))
    return spans


def esc_none(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


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
        id_attr = f' id="h-{ids[0]}"' if ids else ""
        extra_ids = "".join(f'<span id="h-{i}"></span>' for i in ids[1:])
        tip = " | ".join(s[4] for s in covering)
        parts.append(f'{extra_ids}<a class="hl {classes}"{id_attr} href="#{covering[0][3]}" title="{esc(tip)}">{piece}</a>')
    return "".join(parts)


def _rows_table(caption: str, css: str, columns: list[str], rows: list[tuple[str, list]]) -> str:
    if not rows:
        return f'<p class="empty">No {esc(caption.lower())}.</p>'
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = []
    for ident, cells in rows:
        tds = "".join(f"<td>{esc(c)}</td>" for c in cells[1:])
        body.append(f'<tr id="{ident}"><td><a href="#h-{ident}">{esc(cells[0])}</a></td>{tds}</tr>')
    return f'<table class="rows {css}"><caption>{esc(caption)} ({len(rows)})</caption><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _article(doc, anchor: str, text: str | None, groups: dict[str, pd.DataFrame | None]) -> str:
    m, t, e = groups["mentions"], groups["timexes"], groups["events"]
    n = {name: 0 if g is None else len(g) for name, g in groups.items()}
    canonicals = " ".join(sorted(set(m["canonical"].dropna()))) if m is not None else ""
    search = f"{doc.doc_id} {esc_none(doc.title)} {canonicals}".lower()
    parts = [
        f'<article id="{anchor}" class="doc status-{esc(doc.status)}" data-search="{esc(search)}" '
        f'data-mentions="{n["mentions"]}" data-timexes="{n["timexes"]}" data-events="{n["events"]}">',
        f'<h3>{esc(doc.title) or esc(doc.doc_id)}</h3>',
        f'<p class="meta"><code>{esc(doc.doc_id)}</code> · published {esc(doc.published) or "unknown"} · '
        f'{n["mentions"]} mentions, {n["timexes"]} time expressions, {n["events"]} events</p>',
    ]
    if doc.status != "ok":
        parts.append(f'<p class="error">{esc(doc.status)}: {esc(doc.error)}</p>')
    elif text is None:
        parts.append('<p class="note">The text of this article was not found in the inputs, so it is not shown; its rows follow.</p>')
    else:
        parts.append(f'<div class="text">{highlight(text, _spans(anchor, groups))}</div>')
    if m is not None:
        rows = [(f"{anchor}-m{r.mention_id}", [f"m{r.mention_id}", r.text, r.kind, r.canonical, r.country_code, r.wikidata_id, r.label]) for r in m.itertuples(index=False)]
        parts.append(_rows_table("Mentions", "mentions", ["id", "text", "kind", "canonical", "country", "wikidata", "label"], rows))
    if t is not None:
        rows = [(f"{anchor}-t{r.timex_id}", [f"t{r.timex_id}", r.text, r.type, r.value, r.anchor]) for r in t.itertuples(index=False)]
        parts.append(_rows_table("Time expressions", "timexes", ["id", "text", "type", "value", "anchor"], rows))
    if e is not None:
        rows = [
            (f"{anchor}-e{r.event_id}", [f"e{r.event_id}", r.trigger, r.category, r.cameo_root, r.date_value, r.place, r.actors])
            for r in e.itertuples(index=False)
        ]
        parts.append(_rows_table("Events", "events", ["id", "trigger", "category", "CAMEO", "date", "place", "actors"], rows))
    parts.append("</article>")
    return "".join(parts)


PAGE = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
{body}
<script>{js}</script>
</body>
</html>
"""

CSS = """
:root { --ink: #1d2430; --muted: #5b6576; --line: #d9dee6; --paper: #fff; --bg: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 0 24px 64px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); }
header h1 { margin: 24px 0 4px; font-size: 26px; }
h2 { margin: 32px 0 12px; font-size: 20px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { margin: 0 0 6px; font-size: 17px; }
.hint, .note, .meta, .empty { color: var(--muted); font-size: 13px; }
nav.toc { position: sticky; top: 0; background: var(--bg); padding: 8px 0; border-bottom: 1px solid var(--line); z-index: 2; }
nav.toc a { margin-right: 18px; color: #1f5fbf; text-decoration: none; font-weight: 600; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.figure { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; display: flex; flex-direction: column; }
.figure .n { font-size: 28px; font-weight: 700; }
.figure .label { font-weight: 600; }
.figure .detail { color: var(--muted); font-size: 12px; }
.tops { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
@media (max-width: 720px) { .tops { grid-template-columns: 1fr; } }
.top { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.top .note { margin: -4px 0 6px; }
table.bars { width: 100%; border-collapse: collapse; font-size: 13px; table-layout: fixed; }
table.bars th { width: 52%; text-align: left; font-weight: 500; padding: 2px 8px 2px 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table.bars td { display: flex; align-items: center; gap: 6px; padding: 2px 0; }
.track { flex: 1; min-width: 20px; }
.bar { display: block; height: 10px; background: #5b8fd6; border-radius: 2px; }
.v { font-weight: 600; min-width: 1.6em; text-align: right; }
.docs { white-space: nowrap; }
.docs, .code { color: var(--muted); font-size: 11px; }
#timeline-svg { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; }
#timeline-svg .grid { stroke: #e3e7ee; }
#timeline-svg .row { stroke: #f0f2f5; }
#timeline-svg .tick, #timeline-svg .cat { font-size: 11px; fill: var(--muted); }
#timeline-svg .dot circle { stroke: #fff; stroke-width: 1; opacity: .9; }
#timeline-svg .dot:hover circle { stroke: #000; opacity: 1; }
.legend span { margin-right: 6px; padding: 1px 6px; border-radius: 3px; font-size: 12px; display: inline-block; }
article.doc { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; margin: 0 0 18px; }
article.doc.hidden { display: none; }
.text { white-space: pre-wrap; line-height: 1.9; margin: 10px 0 14px; font-size: 15px; }
a.hl { color: inherit; text-decoration: none; border-radius: 3px; padding: 1px 0; }
.m.k-country { background: #ffd59e; } .m.k-nationality { background: #ffe9c7; } .m.k-place { background: #b9e4c6; }
.m.k-organisation { background: #c4d8f7; } .m.k-person { background: #f4cbe1; } .m.k-other { background: #e4e4e4; }
.t { border-bottom: 2px dashed #1b9aaa; background-color: #dff3f6; }
a.hl.t:not(.m) { background: #dff3f6; }
.e { outline: 1.5px solid #c0392b; outline-offset: 0; font-weight: 600; padding: 0 1px; }
a.hl:hover { filter: brightness(.9); }
:target { animation: flash 1.6s ease-out; }
tr:target td { background: #fff3b0; }
a.hl:target { outline: 3px solid #f1c40f; }
@keyframes flash { from { background-color: #fff3b0; } }
table.rows { width: 100%; border-collapse: collapse; font-size: 12.5px; margin: 10px 0; }
table.rows caption { text-align: left; font-weight: 600; padding: 4px 0; }
table.rows th, table.rows td { border-bottom: 1px solid #edf0f4; padding: 3px 6px; text-align: left; vertical-align: top; }
table.rows th { color: var(--muted); font-weight: 600; }
table.rows td:first-child a { font-family: ui-monospace, monospace; color: #1f5fbf; }
.error { color: #b00020; }
#filter { font: inherit; padding: 4px 8px; min-width: 260px; }
"""

JS = """
(function () {
  "use strict";
  var input = document.getElementById("filter");
  var docs = Array.prototype.slice.call(document.querySelectorAll("article.doc"));
  var shown = document.getElementById("shown-count");
  function apply() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var n = 0;
    docs.forEach(function (doc) {
      var hay = doc.getAttribute("data-search") || "";
      var keep = words.every(function (w) { return hay.indexOf(w) !== -1; });
      doc.classList.toggle("hidden", !keep);
      if (keep) { n += 1; }
    });
    shown.textContent = String(n);
  }
  input.addEventListener("input", apply);
  // A link to report.html#q=maroc opens the page filtered.
  var match = /^#q=(.*)$/.exec(window.location.hash);
  if (match) { input.value = decodeURIComponent(match[1]); apply(); }
  document.body.setAttribute("data-highlights", String(document.querySelectorAll("a.hl").length));
  document.body.setAttribute("data-ready", "1");
})();
"""
