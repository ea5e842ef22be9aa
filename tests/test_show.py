"""`extract show`: one article in the terminal with its entities, time expressions and events marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from extract.cli import app
from extract.show import EVENT_STYLE, KIND_STYLES, TIMEX_STYLE, ArticleView, marked_text, render_article

SEED = Path(__file__).parent / "data" / "seed" / "maroc-cellule-securite.txt"
TEXT = "Paris a condamné mardi l'attaque de Strasbourg."


def view() -> ArticleView:
    return ArticleView(
        doc_id="demo",
        text=TEXT,
        published="2018-12-14",
        mentions=[
            {"start": 0, "end": 5, "kind": "place", "canonical": "Paris"},
            {"start": 36, "end": 46, "kind": "place", "canonical": "Strasbourg"},
        ],
        timexes=[{"start": 17, "end": 22, "value": "2018-12-11"}],
        events=[
            {"event_id": 1, "start": 6, "end": 16, "trigger": "a condamné", "category": "disapprove",
             "cameo_root": "11", "modality": "asserted", "date_value": "2018-12-11", "place": None,
             "place_country_code": None, "agents": ["Paris"], "agent_country_codes": ["FR"],
             "targets": [], "target_country_codes": [], "coref_id": 1},
            {"event_id": 2, "start": 25, "end": 32, "trigger": "attaque", "category": "assault",
             "cameo_root": "18", "modality": "asserted", "date_value": float("nan"), "place": "Strasbourg",
             "place_country_code": "FR", "agents": [], "agent_country_codes": [], "targets": [],
             "target_country_codes": [], "coref_id": 2},
        ],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("start", "end", "style"),
    [(0, 5, KIND_STYLES["place"]), (17, 22, TIMEX_STYLE), (6, 16, EVENT_STYLE), (25, 32, EVENT_STYLE)],
)
def test_marked_text_styles_each_span(start, end, style):
    spans = {(s.start, s.end, str(s.style)) for s in marked_text(view()).spans}
    assert (start, end, style) in spans


def test_rows_with_offsets_outside_the_text_are_ignored():
    broken = view()
    broken.mentions.append({"start": 40, "end": 400, "kind": "place"})
    assert len(marked_text(broken).spans) == len(marked_text(view()).spans)


def test_render_article_lists_the_events_with_nulls_as_blanks():
    console = Console(record=True, width=160)
    console.print(render_article(view()))
    out = console.export_text()
    assert "disapprove (11)" in out and "assault (18)" in out
    assert "Strasbourg (FR)" in out and "Paris [FR]" in out
    assert "nan" not in out and "None" not in out
    assert "asserted and planned events" in out


def hypothetical_view() -> ArticleView:
    """The view above with a third event, only proposed: a hypothetical summit."""
    shown = view()
    shown.text += " Berlin a proposé un sommet."
    start = shown.text.index("sommet")
    shown.events.append(
        {"event_id": 3, "start": start, "end": start + 6, "trigger": "sommet", "category": "consult",
         "cameo_root": "04", "modality": "hypothetical", "date_value": None, "place": None,
         "place_country_code": None, "agents": [], "agent_country_codes": [], "targets": [],
         "target_country_codes": [], "coref_id": 3}
    )  # fmt: skip
    return shown


@pytest.mark.parametrize(("modalities", "listed", "caption"), [
    (("asserted", "planned"), 2, "asserted and planned events; 1 hypothetical/negated/generic not shown"),
    (("asserted", "planned", "hypothetical", "negated", "generic"), 3, "events of every modality"),
])  # fmt: skip
def test_show_counts_asserted_and_planned_events_by_default_and_says_so(modalities, listed, caption):
    console = Console(record=True, width=200)
    console.print(render_article(hypothetical_view(), modalities=modalities))
    out = console.export_text()
    assert f"{listed} events ({caption})" in out
    assert ("consult (04)" in out) is (listed == 3)
    spans = {(s.start, s.end) for s in marked_text(hypothetical_view()).spans}
    assert len(spans) == 6  # marked_text marks every row it is given; render_article gives it the shown ones


def test_show_command_on_a_file_marks_the_seed_events():
    result = CliRunner().invoke(app, ["show", str(SEED), "--published", "2018-12-17"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "material_cooperation (06)" in result.output and "2018-W50" in result.output


def test_show_command_unknown_article_is_a_usage_error():
    result = CliRunner().invoke(app, ["show", "no-such-article"])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_show_says_why_an_article_was_not_annotated(tmp_path):
    (tmp_path / "english.txt").write_text(
        "The ministers of Morocco and Spain signed an agreement on Tuesday in Rabat, the ministry said.",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["show", str(tmp_path / "english.txt")], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "skipped: not French (detected English)" in result.output
