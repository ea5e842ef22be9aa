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

The page is rendered by `extract.report.page` from the Jinja2 templates in
`templates/` (autoescaped), with `static/report.css` and `static/report.js` inlined.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from extract.report.page import (
    CATEGORY_COLOURS,
    KINDS,
    TOP_KINDS,
    TOP_N,
    country_names,
    day_of,
    esc,
    esc_none,
    highlight,
    render_page,
)
from extract.runs import load_tables
from extract.write.atomic import write_text_atomic

__all__ = [
    "CATEGORY_COLOURS", "KINDS", "REPORT_FILE", "TOP_KINDS", "TOP_N",
    "article_texts", "country_names", "day_of", "esc", "esc_none", "highlight", "load_tables", "render_page", "write_report",
]  # fmt: skip

REPORT_FILE = "report.html"


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
    return write_text_atomic(out / REPORT_FILE, page)
