"""extract report: one self-contained page, opened in headless Chromium, showing the run's counts."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import read_table
from extract.cli import app
from extract.report import REPORT_FILE, day_of, highlight, load_tables, render_page, write_report
from extract.run import run
from extract.schema import TABLES
from extract.views import shown as shown_events

runner = CliRunner()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")


class Elements(HTMLParser):
    """Every element of a page as (tag, attributes), in document order."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def having(self, tag: str | None = None, **attrs) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.elements
            if (tag is None or t == tag) and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def with_class(self, tag: str, name: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and name in a.get("class", "").split()]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.elements if "id" in a}


def open_in_chromium(page: Path, tmp_path: Path, fragment: str = "") -> tuple[str, list[str]]:
    """Load the page in headless Chromium; return the DOM after its scripts ran and every console line."""
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--enable-logging=stderr", "--v=0", "--dump-dom", page.resolve().as_uri() + (f"#{fragment}" if fragment else "")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    return result.stdout, console


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory, data_dir, nlp):
    """A run over the test articles and the seed, and its report."""
    out = tmp_path_factory.mktemp("report") / "out"
    inputs = [data_dir / "articles", data_dir / "seed"]
    summary = run(inputs, out=out, published="2018-12-17", fmt="both,duckdb")
    assert summary.ok == 3
    return out, write_report(out, inputs=inputs)


# --- the pieces --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, day",
    [
        ("2018-12-17", dt.date(2018, 12, 17)),
        ("2019-04-15T18:50", dt.date(2019, 4, 15)),
        ("2023-09-08TEV", dt.date(2023, 9, 8)),
        ("2018-W50", dt.date(2018, 12, 10)),
        ("2018-12", dt.date(2018, 12, 1)),
        ("2018", dt.date(2018, 1, 1)),
        ("XXXX-WXX-1", None),
        ("P3D", None),
        (None, None),
    ],
)
def test_timeline_day_of_a_timex_value(value, day):
    assert day_of(value) == day


@pytest.mark.parametrize(
    "text, spans, expected",
    [
        ("Le Maroc.", [(3, 8, "m k-country", "d1-m1", "country: Maroc")],
         'Le <a class="hl m k-country" id="h-d1-m1" href="#d1-m1" title="country: Maroc">Maroc</a>.'),
        ("a <b> & c", [], "a &lt;b&gt; &amp; c"),
        # a time expression inside an event trigger: the shared part links to the event, both start there
        ("ab", [(0, 2, "e", "d1-e1", "event"), (1, 2, "t", "d1-t1", "DATE")],
         '<a class="hl e" id="h-d1-e1" href="#d1-e1" title="event">a</a>'
         '<a class="hl e t" id="h-d1-t1" href="#d1-e1" title="event | DATE">b</a>'),
        # two spans starting together: the innermost owns the link, the other keeps an anchor
        ("xy", [(0, 2, "m k-place", "d1-m1", "place"), (0, 1, "t", "d1-t1", "T")],
         '<span id="h-d1-m1"></span><a class="hl t m k-place" id="h-d1-t1" href="#d1-t1" title="T | place">x</a>'
         '<a class="hl m k-place" href="#d1-m1" title="place">y</a>'),
        ('"<x>"', [(0, 5, "m k-other", "d1-m1", 'other: "<x>"')],
         '<a class="hl m k-other" id="h-d1-m1" href="#d1-m1" title="other: &quot;&lt;x&gt;&quot;">&quot;&lt;x&gt;&quot;</a>'),
        ("abc", [(2, 9, "m k-other", "d1-m1", "out of range")], "abc"),
    ],
    ids=["one-mention", "escaped-plain-text", "timex-inside-event", "same-start", "escaped-span", "bad-offsets-dropped"],
)  # fmt: skip
def test_highlight(text, spans, expected):
    assert highlight(text, spans) == expected


# --- the page, as text ---------------------------------------------------------------------


def test_every_link_on_the_page_has_a_target(demo_run):
    _, page = demo_run
    elements = Elements(page.read_text(encoding="utf-8"))
    links = {a["href"][1:] for a in elements.having("a") if a.get("href", "").startswith("#")}
    assert links and links <= elements.ids()
    assert not [a for a in elements.having("a") if a.get("href", "#")[:1] != "#"], "the page must link nowhere else"


def test_each_row_has_a_highlight_and_each_highlight_a_row(demo_run):
    out, page = demo_run
    elements = Elements(page.read_text(encoding="utf-8"))
    ids = elements.ids()
    for table, letter in (("mentions", "m"), ("timexes", "t"), ("events", "e")):
        rows = [i for i in ids if i.startswith("d") and f"-{letter}" in i and not i.startswith("h-")]
        frame = read_table(out, table)
        assert len(rows) == len(shown_events(frame) if table == "events" else frame), table
        assert all(f"h-{row}" in ids for row in rows), table


def test_the_page_counts_asserted_and_planned_events_and_says_how_many_others(demo_run):
    out, _ = demo_run
    tables = load_tables(out)
    events = tables["events"]
    proposed = events.iloc[[0]].assign(event_id=999, modality="hypothetical", date_value="2018-12-20")
    tables["events"] = pd.concat([events, proposed], ignore_index=True)
    elements = Elements(render_page(tables, {}, title="report"))
    counts = {a["id"][2:]: int(a["data-count"]) for a in elements.with_class("span", "n")}
    assert counts["events"] == len(shown_events(events)) == len(shown_events(tables["events"]))
    page = render_page(tables, {}, title="report")
    assert "1 hypothetical/negated/generic not shown" in page
    assert not [i for i in elements.ids() if i.endswith("-e999")], "a hypothetical event has no row nor highlight"


def test_the_page_is_self_contained(demo_run):
    _, page = demo_run
    text = page.read_text(encoding="utf-8")
    elements = Elements(text)
    assert "default-src 'none'" in elements.having("meta", **{"http-equiv": "Content-Security-Policy"})[0]["content"]
    assert not [a for t, a in elements.elements if a.get("src") or (t == "link" and a.get("href"))]
    assert "http://" not in text and "https://" not in text


def test_a_hostile_title_in_the_documents_table_is_escaped(demo_run):
    """The templates autoescape: a title straight from the documents table cannot open a script."""
    out, _ = demo_run
    tables = load_tables(out)
    hostile = "<script>alert(1)</script>"
    tables["documents"] = tables["documents"].assign(title=hostile)
    page = render_page(tables, {}, title=f"report {hostile}")
    assert hostile not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 1 + len(
        tables["documents"]
    )  # the page title and each article
    assert len(Elements(page).having("script")) == 1


def test_the_stylesheet_and_script_are_inlined_as_they_are(demo_run):
    from importlib.resources import files

    _, page = demo_run
    text = page.read_text(encoding="utf-8")
    static = files("extract.report") / "static"
    for name in ("report.css", "report.js"):
        assert (static / name).read_text(encoding="utf-8") in text, name


# --- the page, in a browser ----------------------------------------------------------------


@needs_chromium
def test_report_loads_without_console_errors_and_shows_the_counts(demo_run, tmp_path):
    out, page = demo_run
    dom, console = open_in_chromium(page, tmp_path)
    assert console == []
    elements = Elements(dom)
    assert elements.having("body")[0].get("data-ready") == "1", "the page's script did not run to the end"
    tables = {t: read_table(out, t) for t in TABLES}
    tables["events"] = shown_events(tables["events"])  # the page shows the asserted and planned events
    shown = {a["id"][2:]: int(a["data-count"]) for a in elements.with_class("span", "n")}
    assert shown["documents"] == len(tables["documents"]) == 3
    assert shown["mentions"] == len(tables["mentions"]) > 0
    assert shown["timexes"] == len(tables["timexes"])
    assert shown["events"] == len(tables["events"])
    distinct = tables["mentions"].drop_duplicates(["kind", "canonical"])
    assert shown["entities"] == len(distinct)
    articles = elements.with_class("article", "doc")
    assert [int(a["data-mentions"]) for a in articles] == tables["mentions"].groupby(
        "doc_id", sort=False
    ).size().reindex(tables["documents"].doc_id, fill_value=0).tolist()
    anchors = [i for i in elements.ids() if i.startswith("h-")]
    assert len(anchors) == len(tables["mentions"]) + len(tables["timexes"]) + len(tables["events"])
    assert int(elements.having("body")[0]["data-highlights"]) == len(elements.with_class("a", "hl")) > 0
    dated = sum(day_of(v) is not None for v in tables["events"]["date_value"])
    assert len(elements.with_class("a", "dot")) == dated  # one per dated event (stories and map draw circles too)


@needs_chromium
@pytest.mark.parametrize(
    "query, expected",
    [("maroc", {"maroc-cellule-securite", "rabat-accord"}), ("bruxelles-sommet", {"bruxelles-sommet"}), ("zzz", set())],
)
def test_a_filter_in_the_link_shows_only_the_matching_articles(demo_run, tmp_path, query, expected):
    out, page = demo_run
    documents = read_table(out, "documents")
    anchors = dict(zip(documents.doc_id, (f"d{i}" for i in range(1, len(documents) + 1))))
    dom, console = open_in_chromium(page, tmp_path, fragment=f"q={query}")
    assert console == []
    elements = Elements(dom)
    visible = {a["id"] for a in elements.with_class("article", "doc") if "hidden" not in a["class"].split()}
    assert visible == {anchors[d] for d in expected}
    assert elements.having(id="shown-count") and f'<span id="shown-count">{len(expected)}</span>' in dom


@needs_chromium
def test_the_browser_check_catches_errors_and_network_requests(tmp_path):
    """The check above could not pass a broken page: a script error or a CDN link shows in the console."""
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; script-src 'unsafe-inline'\">"
        "<link rel='stylesheet' href='https://cdn.example.org/x.css'></head><body><script>missing();</script></body></html>",
        encoding="utf-8",
    )
    _, console = open_in_chromium(page, tmp_path)
    assert len(console) == 2
    assert any("cdn.example.org" in line for line in console) and any(
        "missing is not defined" in line for line in console
    )


@needs_chromium
def test_hostile_text_is_shown_not_run(tmp_path, nlp):
    """Titles and texts are escaped: a <script> in an article is text on the page, not a second script."""
    src = tmp_path / "in.jsonl"
    record = {"id": 'x"><script>alert(1)</script>', "title": "<img src=x onerror=alert(2)> Le Maroc", "published": "2019-01-07",
              "text": "Le Maroc et la France ont signé lundi un accord à Rabat. <script>alert(3)</script>"}  # fmt: skip
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run([src], out=out)
    page = write_report(out, inputs=[src])
    dom, console = open_in_chromium(page, tmp_path)
    assert console == []
    elements = Elements(dom)
    assert len(elements.having("script")) == 1 and not elements.having("img")
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in dom


@needs_chromium
def test_an_empty_run_still_gives_a_page(tmp_path):
    (tmp_path / "in").mkdir()
    run([tmp_path / "in"], out=tmp_path / "out")
    dom, console = open_in_chromium(write_report(tmp_path / "out", inputs=[]), tmp_path)
    assert console == []
    elements = Elements(dom)
    assert {a["id"]: a["data-count"] for a in elements.with_class("span", "n")}["n-documents"] == "0"
    assert elements.having(id="timeline-empty")


# --- the command ---------------------------------------------------------------------------


def test_report_command_writes_the_page(demo_run, data_dir):
    out, _ = demo_run
    (out / REPORT_FILE).unlink()
    result = runner.invoke(app, ["report", "--out", str(out), str(data_dir / "articles"), str(data_dir / "seed")])
    assert result.exit_code == 0, result.output
    assert (out / REPORT_FILE).is_file()
    assert "report written to" in result.output


@pytest.mark.parametrize("files", [[f"{t}.csv" for t in TABLES], ["extract.duckdb"]], ids=["csv", "duckdb"])
def test_report_reads_duckdb_or_csv_when_there_is_no_parquet(demo_run, tmp_path, files):
    out, page = demo_run
    for name in files:
        shutil.copy(out / name, tmp_path)
    counts = Elements(write_report(tmp_path, inputs=[]).read_text(encoding="utf-8")).with_class("span", "n")
    assert {a["id"]: a["data-count"] for a in counts} == {
        a["id"]: a["data-count"] for a in Elements(page.read_text(encoding="utf-8")).with_class("span", "n")
    }


def test_report_without_tables_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["report", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"extract: error: --out {tmp_path}: no tables found (run `extract run --out {tmp_path}` first)"
    ]


def test_every_event_category_has_one_colour_in_the_category_order():
    from extract.components.events.categories import CATEGORIES
    from extract.report import CATEGORY_COLOURS

    assert tuple(CATEGORY_COLOURS) == CATEGORIES
