"""Scoring a run against news gold (X.gold.json): every measure on hand-counted numbers.

The gold is tests/data/news_eval/tiny.gold.json (invented); the run's rows are below.
"""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.errors import UsageError
from extract.evaluate import evaluate
from extract.evaluate.news import score_news, score_news_by_doc
from extract.evaluate.news_gold import fold_name, load_news_gold, texts_beside, value_matches
from extract.schema import COLUMNS


def entity(doc, kind, canonical, code="", first=0):
    return {"doc_id": doc, "kind": kind, "canonical": canonical, "country_code": code or None, "first_start": first}


def mention(doc, kind, canonical, text, start=0):
    return {"doc_id": doc, "kind": kind, "canonical": canonical, "text": text, "start": start}


def timex(doc, text, value):
    return {"doc_id": doc, "text": text, "value": value}


def event(doc, category, date, modality="asserted", place_code="", agents="", agent_codes=""):
    return {
        "doc_id": doc,
        "category": category,
        "date_value": date,
        "modality": modality,
        "place_country_code": place_code or None,
        "agents": agents or None,
        "agent_country_codes": agent_codes or None,
    }


ROWS = {
    "entities": [
        entity("a", "country", "Portugal", "PT"),
        entity("a", "country", "Espagne", "ES"),
        entity("a", "country", "France", "FR"),  # countries_ok: not judged
        entity("a", "country", "Italie", "IT"),  # wrong
        entity("a", "organisation", "OMS", first=10),  # matched by a mention's text, folded
        entity("a", "organisation", "Organisation mondiale de la santé", first=20),  # same gold list: right too
        entity("a", "organisation", "Police municipale", first=30),  # organisations_ok: not judged
        entity("a", "organisation", "Interpol", first=40),  # wrong
        entity("a", "place", "Porto", "PT", first=50),
        entity("a", "place", "Lisbonne", "ES", first=60),  # found, wrong country
        entity("a", "place", "Madrid", "ES", first=70),  # wrong
        entity("a", "organisation", "Atlantique", first=80),  # a place of the gold, but not as a place
        entity("b", "country", "Belgique", "BE"),
        entity("z", "country", "Japon", "JP"),  # not in the gold: not scored
    ],
    "mentions": [
        mention("a", "organisation", "OMS", "l’Organisation Mondiale de la Sante", 10),
        mention("a", "organisation", "OMS", "OMS", 15),
        mention("a", "place", "Lisbonne", "Lisboa", 60),
    ],
    "timexes": [
        timex("a", "mardi 4 juin 2024", "2024-06-04"),  # same words, folded: right
        timex("a", "la semaine dernière", "2024-W22"),  # '*' prefix: right
        timex("a", "hier soir", "2024-06-03TEV"),  # contains "hier"; value not accepted (no '*')
        timex("a", "4 juin", "2024-06-04"),  # repeats a gold expression already paired: not counted
        timex("a", "dimanche", "2024-06-02"),  # timex_ok: not judged
        timex("a", "2023", "2023"),  # matches nothing: false positive
        timex("b", "lundi", "2024-06-10"),  # b's gold has no timex: not scored
    ],
    "events": [
        # Greedy in row order would give gold 1 the coerce row and leave gold 2 without one;
        # the one-to-one matching gives gold 1 the assault row.
        event("a", "coerce", "2024-06-04", place_code="PT", agents="la police; l'OMS"),  # OMS: a gold organisation
        event("a", "assault", "2024-06-04"),
        # '*' prefix; JP is not among a's countries, nor are Interpol and Madrid among its organisations.
        event("a", "statement", "2024-06-05", place_code="JP", agents="Interpol; Madrid", agent_codes="JP"),
        event("a", "coerce", "2024-06-04", modality="negated"),  # not shown: not counted
        event("a", "fight", "2024-06-04"),  # matches no gold event
        event("a", "consult", None),  # no date: not counted
        event("b", "election", "2024-06-09"),  # b expects no event
    ],
}


@pytest.fixture
def gold(data_dir):
    return load_news_gold(data_dir / "news_eval" / "tiny.gold.json")


def frames(rows=ROWS):
    return {name: pd.DataFrame(table) for name, table in rows.items()}


def scores(gold, tables):
    return score_news(gold, tables).set_index("measure")


def counts(row):
    return tuple(int(row[k]) for k in ("n_gold", "n_pred", "tp", "fp", "fn"))


@pytest.mark.parametrize(
    "value, accepted, expected",
    [
        ("2024-06-04", ["2024-06-04"], True),
        ("2024-06-04TEV", ["2024-06-04"], False),
        ("2024-06-04TEV", ["2024-06-04*"], True),
        ("2024-W22", ["2024-W2*"], True),
        ("2024-05", ["2024-06*", "2024-05"], True),
        ("", ["*"], False),
        (None, ["2024"], False),
    ],
)
def test_accepted_values_exact_or_by_prefix(value, accepted, expected):
    assert value_matches(value, accepted) is expected


@pytest.mark.parametrize(
    "a, b",
    [
        ("L’Organisation Mondiale de la Santé", "organisation mondiale de la sante"),
        ("l'Union  africaine", "Union africaine"),
        ("Le Caire", "caire"),
        ("les Nations unies", "NATIONS UNIES"),
    ],
)
def test_names_compare_case_accent_and_article_folded(a, b):
    assert fold_name(a) == fold_name(b)


def test_countries_leave_countries_ok_out_and_miss_absent_documents(gold):
    row = scores(gold, frames()).loc["countries"]
    # a: {PT, ES, IT} (FR ok) vs {PT, ES, MA}; b: BE found; c: not in the run, DE missed; z ignored.
    assert counts(row) == (5, 4, 3, 1, 2)
    assert row.precision == pytest.approx(0.75)
    assert row.recall == pytest.approx(0.6)


def test_organisations_match_any_name_and_ignore_the_ok_list(gold):
    row = scores(gold, frames()).loc["organisations"]
    # Gold lists: OMS found (by two entities, both right), ministère missed.
    # Judged: OMS twice, Interpol and Atlantique (a gold place, wrong as an organisation); the police is ok.
    assert counts(row) == (2, 4, 1, 2, 1)
    assert row.precision == pytest.approx(0.5)
    assert row.recall == pytest.approx(0.5)


def test_places_and_their_country(gold):
    table = scores(gold, frames())
    # Porto found, Lisbonne found by a mention "Lisboa", Atlantique missed (predicted as an organisation).
    assert counts(table.loc["places"]) == (3, 3, 2, 1, 1)
    assert table.loc["places"].precision == pytest.approx(2 / 3)
    # Of the two found, Porto has the gold country, Lisbonne not.
    assert counts(table.loc["place country"]) == (2, 2, 1, 1, 0)
    assert table.loc["place country"].share == pytest.approx(0.5)
    assert pd.isna(table.loc["place country"].precision)


def test_timex_text_and_value(gold):
    table = scores(gold, frames())
    # Judged predictions: the three paired with gold items and "2023"; "4 juin" repeats, "dimanche" is ok.
    assert counts(table.loc["timex text"]) == (3, 4, 3, 1, 0)
    assert table.loc["timex text"].precision == pytest.approx(0.75)
    assert table.loc["timex text"].recall == 1.0
    # "hier soir" is found with a value not accepted: a miss and a wrong prediction.
    assert counts(table.loc["timex value"]) == (3, 4, 2, 2, 1)
    assert table.loc["timex value"].precision == pytest.approx(0.5)
    assert table.loc["timex value"].recall == pytest.approx(2 / 3)


def test_documents_without_gold_timex_are_not_scored_for_timex(gold):
    by_doc = score_news_by_doc(gold, frames())
    assert set(by_doc[by_doc.measure == "timex text"].doc_id) == {"a"}


def test_dated_events_one_to_one_and_their_place_country(gold):
    table = scores(gold, frames())
    # Shown dated rows: a's coerce, assault, statement, fight and b's election; fight and election match nothing.
    assert counts(table.loc["events dated"]) == (3, 5, 3, 2, 0)
    assert table.loc["events dated"].precision == pytest.approx(0.6)
    assert table.loc["events dated"].recall == 1.0
    # Matched: coerce (PT, a gold country), assault (no place), statement (JP, not one).
    assert counts(table.loc["event place country"]) == (3, 2, 1, 1, 1)
    assert table.loc["event place country"].share == pytest.approx(1 / 3)


def test_event_agents_against_the_articles_organisations_and_countries(gold):
    row = scores(gold, frames()).loc["event agents"]
    # Matched: coerce (names the OMS), assault (no agent), statement (Interpol, Madrid; JP).
    assert counts(row) == (3, 2, 1, 1, 1)
    assert row.share == pytest.approx(1 / 3)


def test_event_agents_from_actors_when_the_run_has_no_agents_column_and_as_lists(gold):
    renamed = {"agents": "actors", "agent_country_codes": "actor_country_codes"}
    events = []
    for e in ROWS["events"]:
        e = {renamed.get(k, k): v for k, v in e.items()}
        e["actors"] = e["actors"].split("; ") if e["actors"] else None
        events.append(e)
    events[2]["actor_country_codes"] = ["ES"]  # one of a's countries: right
    row = scores(gold, frames(dict(ROWS, events=events))).loc["event agents"]
    assert counts(row) == (3, 2, 2, 0, 1)


def test_a_disasters_right_agents_are_none():
    # Invented: three expected events; TR is a gold country, the OMS a gold organisation.
    gold = {
        "d": {
            "countries": ["TR"],
            "organisations": [["OMS"]],
            "events": [
                [["disaster"], ["2024-02-06"]],
                [["disaster"], ["2024-02-07"]],
                [["disaster"], ["2024-02-08"]],
                [["aid"], ["2024-02-09"]],
                [["aid"], ["2024-02-10"]],
            ],
        }
    }
    rows = {
        "events": [
            event("d", "disaster", "2024-02-06", place_code="TR"),  # no agent: right
            event("d", "disaster", "2024-02-07", agents="Turquie", agent_codes="TR"),  # an agent: wrong
            event("d", "disaster", "2024-02-08", agent_codes="TR"),  # an agent's country alone: wrong
            event("d", "aid", "2024-02-09", agents="OMS"),  # other categories as before: right
            event("d", "aid", "2024-02-10"),  # and missing without agents
        ]
    }
    row = scores(gold, frames(rows)).loc["event agents"]
    assert counts(row) == (5, 4, 2, 2, 1)
    assert row.share == pytest.approx(2 / 5)


def test_each_event_row_finds_one_gold_event_at_most(gold):
    rows = dict(ROWS, events=[event("a", "coerce", "2024-06-04"), event("a", "statement", "2024-06-30")])
    row = scores(gold, frames(rows)).loc["events dated"]
    assert (row.tp, row.fn) == (2, 1)  # one coerce row cannot be both coerce events
    assert row.precision == 1.0


def test_without_a_modality_column_every_dated_row_counts(gold):
    rows = dict(ROWS, events=[{k: v for k, v in e.items() if k != "modality"} for e in ROWS["events"]])
    row = scores(gold, frames(rows)).loc["events dated"]
    assert counts(row) == (3, 6, 3, 2, 0)  # the negated coerce row is now counted, and right


def test_without_an_entities_table_entities_come_from_mentions(gold):
    rows = {
        "mentions": [
            mention("a", "country", "Portugal", "Portugal") | {"country_code": "PT"},
            mention("a", "country", "Portugal", "portugais") | {"country_code": "PT"},
        ]
    }
    row = scores(gold, frames(rows)).loc["countries"]
    assert counts(row) == (5, 1, 1, 0, 4)


def write_run(out, rows=ROWS):
    """A finished run as CSV tables with the schema's columns (and any others the rows carry)."""
    out.mkdir()
    for name in ("documents", "mentions", "entities", "timexes", "events"):
        frame = pd.DataFrame(rows.get(name, []))
        extra = [c for c in frame.columns if c not in COLUMNS[name]]
        frame.reindex(columns=COLUMNS[name] + extra).to_csv(out / f"{name}.csv", index=False)
    return out


def test_evaluate_reads_a_finished_run(tmp_path, data_dir):
    run = write_run(tmp_path / "run")
    result = evaluate(data_dir / "news_eval" / "tiny.gold.json", pred=run)
    assert list(result) == ["news"]
    expected = score_news(load_news_gold(data_dir / "news_eval" / "tiny.gold.json"), frames())
    news = result["news"].set_index("measure")
    for measure, row in expected.set_index("measure").iterrows():
        assert counts(news.loc[measure]) == counts(row), measure


def test_the_texts_are_found_beside_the_gold(data_dir):
    assert texts_beside(data_dir / "news_eval" / "tiny.gold.json") == data_dir / "news_eval" / "tiny.jsonl"


def test_news_gold_refuses_baseline_and_a_missing_texts_file(tmp_path, data_dir):
    gold = data_dir / "news_eval" / "tiny.gold.json"
    with pytest.raises(UsageError, match="baseline"):
        evaluate(gold, baseline=True)
    with pytest.raises(UsageError, match="no texts"):
        evaluate(gold, texts=tmp_path / "none.jsonl")


def test_cli_scores_a_finished_run(tmp_path, data_dir):
    run = write_run(tmp_path / "run")
    result = CliRunner().invoke(app, ["evaluate", str(data_dir / "news_eval" / "tiny.gold.json"), "--pred", str(run)])
    assert result.exit_code == 0, result.output
    assert "news: tiny.gold.json" in result.output
    lines = {line.split("│")[1].strip(): line for line in result.output.splitlines() if line.count("│") > 2}
    assert "0.750" in lines["countries"]
    assert "0.333" in lines["event place country"]
    assert "0.333" in lines["event agents"]
    assert "nan" not in result.output


def test_cli_news_gold_that_is_not_news_gold(tmp_path):
    gold = tmp_path / "x.gold.json"
    gold.write_text('{"id": "a"}', encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--pred", str(tmp_path)])
    assert result.exit_code == 2
    assert "needs a non-empty 'docs' object" in result.output


def test_run_on_the_texts_beside_the_gold(data_dir, nlp):
    result = evaluate(data_dir / "news_eval" / "tiny.gold.json")["news"].set_index("measure")
    assert result.loc["countries"].n_gold == 5
    assert 0 <= result.loc["countries"].recall <= 1


def test_frames_with_pandas_missing_values_score_the_same(gold):
    typed = {name: frame.convert_dtypes() for name, frame in frames().items()}
    assert typed["events"]["date_value"].isna().any()
    expected = score_news(gold, frames())
    assert score_news(gold, typed)[["tp", "fp", "fn"]].equals(expected[["tp", "fp", "fn"]])
