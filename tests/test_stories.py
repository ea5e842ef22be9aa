"""Stories across articles and corpus entities (`extract.corpus`): the joining rule, the ids, the tables' types."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extract.corpus import build_corpus_entities, build_stories, derive
from extract.corpus.dates import span_of
from extract.evaluate.stories import load_gold, score_stories
from extract.runs import load_tables, read_table
from extract.schema import COLUMNS, DERIVED_TABLES, SCHEMAS
from extract.write import TableWriter

STORIES = Path(__file__).parent / "data" / "stories"


def events_v2(*rows: dict) -> pd.DataFrame:
    """An `events` frame with the SPEC v2 columns; each row one dict, published on its `doc_id`'s day."""
    defaults = {
        "event_id": 1, "sentence_id": 1, "trigger": "attaque", "category": "assault", "modality": "asserted",
        "date_value": None, "place": None, "place_country_code": None, "agents": [], "agent_country_codes": [],
        "targets": [], "target_country_codes": [], "coref_id": None,
    }  # fmt: skip
    frame = pd.DataFrame([{**defaults, **row} for row in rows])
    return frame


def documents_of(events: pd.DataFrame, published: dict[str, str] | None = None) -> pd.DataFrame:
    doc_ids = list(dict.fromkeys(events["doc_id"]))
    published = published or {}
    return pd.DataFrame({"doc_id": doc_ids, "published": [published.get(d, "2019-03-31") for d in doc_ids]})


def same_story(*rows: dict, published: dict[str, str] | None = None) -> bool:
    """Whether the first and last rows end in one story; a row's `_published` sets its article's date."""
    published = {**(published or {}), **{r["doc_id"]: r["_published"] for r in rows if "_published" in r}}
    events = events_v2(*[{k: v for k, v in r.items() if k != "_published"} for r in rows])
    _, ids = build_stories(events, documents_of(events, published), countries={"france", "afghanistan", "libye"})
    assert all(ids), ids
    return ids[0] == ids[-1]


STRASBOURG = {"place": "Strasbourg", "place_country_code": "FR"}
KABOUL = {"place": "Kaboul", "place_country_code": "AF"}

# (why, first mention, second mention, same story?) — each rule beside the look-alike that must stay apart.
RULES = [
    ("same day, same city", {"date_value": "2019-03-07", **KABOUL}, {"date_value": "2019-03-07", **KABOUL}, True),
    ("a week apart, same city", {"date_value": "2019-03-07", **KABOUL}, {"date_value": "2019-03-13", **KABOUL}, False),
    ("the month contains the day", {"date_value": "2019-03", **KABOUL}, {"date_value": "2019-03-12", **KABOUL}, True),
    ("another month", {"date_value": "2019-02", **KABOUL}, {"date_value": "2019-03-12", **KABOUL}, False),
    ("the week contains its day", {"date_value": "2019-W11", **KABOUL}, {"date_value": "2019-03-12", **KABOUL}, True),
    ("a day of the next week", {"date_value": "2019-W11", **KABOUL}, {"date_value": "2019-03-18", **KABOUL}, False),
    ("a time of day on that day", {"date_value": "2019-03-12TEV", **KABOUL}, {"date_value": "2019-03-12", **KABOUL}, True),
    ("the city and its country", {"date_value": "2019-03-12", **KABOUL},
     {"date_value": "2019-03-12", "place": "Afghanistan", "place_country_code": "AF"}, True),
    ("the city and another country", {"date_value": "2019-03-12", **KABOUL},
     {"date_value": "2019-03-12", "place": "Pakistan", "place_country_code": "PK"}, False),
    ("two cities, same day", {"date_value": "2019-03-12", **KABOUL},
     {"date_value": "2019-03-12", "place": "Hérat", "place_country_code": "AF"}, False),
    ("one family: attack and fighting", {"date_value": "2019-03-12", **KABOUL},
     {"category": "fight", "trigger": "combats", "date_value": "2019-03-12", **KABOUL}, True),
    ("another family: attack and summit", {"date_value": "2019-03-12", **KABOUL},
     {"category": "consult", "trigger": "sommet", "date_value": "2019-03-12", **KABOUL}, False),
    ("shared agent, disjoint targets are fine", {"date_value": "2019-03-12", **KABOUL, "agents": ["Taliban"]},
     {"date_value": "2019-03-12", **KABOUL, "agents": ["Taliban"], "targets": ["Armée afghane"]}, True),
    ("agents and targets all disjoint", {"date_value": "2019-03-12", **KABOUL, "agents": ["Taliban"]},
     {"date_value": "2019-03-12", **KABOUL, "agents": ["État islamique"]}, False),
    ("one's attackers, the other's victims", {"date_value": "2019-03-12", **KABOUL, "agents": ["Taliban"]},
     {"date_value": "2019-03-12", **KABOUL, "targets": ["Armée afghane"]}, True),
    ("no place: same day and a shared agent", {"date_value": "2019-03-12", **KABOUL, "agents": ["Taliban"]},
     {"date_value": "2019-03-12", "agents": ["Taliban"]}, True),
    ("no place: same day, nobody in common", {"date_value": "2019-03-12", **KABOUL, "agents": ["Taliban"]},
     {"date_value": "2019-03-12"}, False),
    ("no place: a month is too coarse", {"date_value": "2019-03-12", **KABOUL, "agents": ["Taliban"]},
     {"date_value": "2019-03", "agents": ["Taliban"]}, False),
    ("no date: same city and a shared target", {"date_value": "2019-03-12", **KABOUL, "targets": ["Université de Kaboul"]},
     {**KABOUL, "targets": ["Université de Kaboul"], "_published": "2019-03-13"}, True),
    ("no date: published more than a week after", {"date_value": "2019-03-12", **KABOUL, "targets": ["Université"]},
     {**KABOUL, "targets": ["Université"], "_published": "2019-03-31"}, False),
    ("no date, not a violent event: no window", {"category": "consult", "date_value": "2019-03-12", **KABOUL,
     "agents": ["ONU"]}, {"category": "consult", **KABOUL, "agents": ["ONU"], "_published": "2019-03-31"}, True),
    ("no date: same country only", {"date_value": "2019-03-12", **KABOUL, "targets": ["Université de Kaboul"]},
     {"place": "Afghanistan", "place_country_code": "AF", "targets": ["Université de Kaboul"],
      "_published": "2019-03-13"}, False),
    ("no date: same city, nobody in common", {"date_value": "2019-03-12", **KABOUL},
     {**KABOUL, "_published": "2019-03-13"}, False),
    ("no date nor place: only a window, too wide", {"date_value": "2019-03-12", **KABOUL, "agents": ["Taliban"]},
     {"agents": ["Taliban"], "_published": "2019-03-13"}, True),
    ("no date nor place, not violent: never", {"category": "consult", "date_value": "2019-03-12", **KABOUL,
     "agents": ["ONU"]}, {"category": "consult", "agents": ["ONU"], "_published": "2019-03-13"}, False),
    ("a country code shared by agents", {"date_value": "2019-03-12", **KABOUL, "agent_country_codes": ["AF"]},
     {"date_value": "2019-03-12", "agent_country_codes": ["AF"]}, True),
    ("dated only by its article: its last week", {"category": "diplomatic_cooperation", "date_value": "2019-03-12",
     **KABOUL}, {"category": "diplomatic_cooperation", "date_value": "2019-03-14", "date_source": "publication",
     **KABOUL, "_published": "2019-03-14"}, True),
    ("dated only by its article, a fortnight later", {"category": "diplomatic_cooperation",
     "date_value": "2019-03-01", **KABOUL}, {"category": "diplomatic_cooperation", "date_value": "2019-03-14",
     "date_source": "publication", **KABOUL, "_published": "2019-03-14"}, False),
    ("a protest and its clashes", {"category": "protest", "trigger": "manifestation", "date_value": "2019-03-12",
     **KABOUL}, {"category": "fight", "trigger": "heurts", "date_value": "2019-03-12", **KABOUL}, True),
    ("a protest and an attack", {"category": "protest", "trigger": "manifestation", "date_value": "2019-03-12",
     **KABOUL}, {"date_value": "2019-03-12", **KABOUL}, False),
    ("an agreement signed and its ceasefire", {"category": "diplomatic_cooperation", "trigger": "ont signé",
     "date_value": "2019-03-12", **KABOUL}, {"category": "yield", "trigger": "cessez-le-feu",
     "date_value": "2019-03-12", **KABOUL}, True),
    ("negotiations and the agreement", {"category": "diplomatic_cooperation", "trigger": "ont signé",
     "date_value": "2019-03-12", **KABOUL}, {"category": "consult", "trigger": "négociations",
     "date_value": "2019-03-12", **KABOUL}, False),
    ("a country alone, among the other's participants", {"category": "diplomatic_cooperation",
     "date_value": "2020-10-23", "place": "Genève", "place_country_code": "CH", "agents": ["Libye"],
     "agent_country_codes": ["LY"]}, {"category": "yield", "date_value": "2020-10-23", "place": "Libye",
     "place_country_code": "LY"}, True),
    ("a country alone, not among the other's participants", {"category": "diplomatic_cooperation",
     "date_value": "2020-10-23", "place": "Genève", "place_country_code": "CH", "agents": ["ONU"]},
     {"category": "yield", "date_value": "2020-10-23", "place": "Libye", "place_country_code": "LY"}, False),
]  # fmt: skip


def test_a_city_agrees_with_the_division_it_lies_in():
    from extract.corpus import regions

    assert "rhône" in regions("Lyon", "FR") and "rhône" not in regions("Marseille", "FR")
    rows = [
        {"doc_id": "a", "date_value": "2024-03-12", "place": "Lyon", "place_country_code": "FR"},
        {"doc_id": "b", "date_value": "2024-03-12", "place": "Rhône", "place_country_code": "FR"},
        {"doc_id": "c", "date_value": "2024-03-12", "place": "Marseille", "place_country_code": "FR"},
    ]
    events = events_v2(*rows)
    published = dict.fromkeys("abc", "2024-03-13")
    _, ids = build_stories(events, documents_of(events, published), countries={"france"}, regions=regions)
    assert ids[0] == ids[1] != ids[2]


def test_within_an_article_a_country_does_not_conflict_with_a_place_abroad():
    """ "Cessez-le-feu en Libye" (title) and "l'accord conclu à Genève": one event; two countries are two."""
    rows = [
        {"doc_id": "a", "event_id": 1, "category": "yield", "place": "Libye", "place_country_code": "LY"},
        {"doc_id": "a", "event_id": 2, "category": "diplomatic_cooperation", "date_value": "2020-10-23",
         "place": "Genève", "place_country_code": "CH"},
        {"doc_id": "b", "event_id": 1, "category": "yield", "place": "Libye", "place_country_code": "LY"},
        {"doc_id": "b", "event_id": 2, "category": "yield", "date_value": "2020-10-23", "place": "Suisse",
         "place_country_code": "CH"},
    ]  # fmt: skip
    events = events_v2(*rows)
    _, ids = build_stories(events, documents_of(events), countries={"libye", "suisse"})
    assert ids[0] == ids[1] and ids[2] != ids[3]


def test_categories_link_completely_not_through_one_member():
    """A protest told with its clashes takes no attack through their common "fight" (complete linkage)."""
    protest = {"doc_id": "a", "category": "protest", "date_value": "2019-03-12", **KABOUL}
    clashes = {"doc_id": "b", "category": "fight", "date_value": "2019-03-12", **KABOUL}
    attack = {"doc_id": "c", "category": "assault", "date_value": "2019-03-12", **KABOUL}
    events = events_v2(protest, clashes, attack)
    _, ids = build_stories(events, documents_of(events))
    assert ids[0] == ids[1] != ids[2]


@pytest.mark.parametrize("first, second, together", [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_joining_rule(first, second, together):
    assert same_story({"doc_id": "a", **first}, {"doc_id": "b", **second}) is together


def test_an_undated_mention_joins_only_an_unambiguous_story():
    one = {"doc_id": "a", "date_value": "2019-03-07", **KABOUL, "agents": ["Taliban"]}
    two = {"doc_id": "b", "date_value": "2019-03-13", **KABOUL, "agents": ["Taliban"]}
    undated = {"doc_id": "c", **KABOUL, "agents": ["Taliban"]}
    events = events_v2(one, two, undated)
    _, ids = build_stories(events, documents_of(events))
    assert len(set(ids)) == 3


@pytest.mark.parametrize("modality, in_story", [("asserted", True), ("planned", True), ("negated", False),
                                                ("hypothetical", False), ("generic", False)])  # fmt: skip
def test_only_asserted_and_planned_mentions_make_stories(modality, in_story):
    events = events_v2({"doc_id": "a", "modality": modality, "date_value": "2019-03-07", **KABOUL})
    _, ids = build_stories(events, documents_of(events))
    assert (ids[0] is not None) is in_story


def test_within_an_article_coref_ids_join_first():
    rows = [
        {"doc_id": "a", "event_id": 1, "date_value": "2019-03-07", **KABOUL, "coref_id": 1},
        {"doc_id": "a", "event_id": 2, "date_value": "2019-03-20", **KABOUL, "coref_id": 2},
        {"doc_id": "a", "event_id": 3, "date_value": "2019-03-20", "coref_id": 1},
        {"doc_id": "a", "event_id": 4, "date_value": "2019-03-07", **KABOUL, "coref_id": 3},
    ]
    events = events_v2(*rows)
    _, ids = build_stories(events, documents_of(events))
    # A mention joins its coref chain even where the family rule would not (3 joins 1 despite its date);
    # a chain of its own that the family rule finds compatible joins the earlier one (4 joins 1: main's
    # coref_id also needs compatible agents, so alone it splits one event); a conflicting one stays apart (2).
    assert ids[0] == ids[2] == ids[3] and ids[0] != ids[1]


def test_an_attack_dated_after_its_report_has_its_date_dropped():
    rows = [
        {"doc_id": "a", "date_value": "2018-12-11TEV", **STRASBOURG, "agents": ["Chérif Chekatt"]},
        {"doc_id": "b", "date_value": "2018-12-18TEV", "agents": ["Chérif Chekatt"]},  # "mardi soir", misread as next
    ]
    events = events_v2(*rows)
    docs = documents_of(events, {"a": "2018-12-12", "b": "2018-12-12"})
    stories, ids = build_stories(events, docs)
    assert ids[0] == ids[1] and stories.loc[0, "date_value"] == "2018-12-11TEV"


def test_story_ids_are_stable_when_later_articles_are_added():
    first = events_v2({"doc_id": "a", "date_value": "2019-03-07", **KABOUL})
    before = build_stories(first, documents_of(first, {"a": "2019-03-07"}))[1]
    more = events_v2(
        {"doc_id": "a", "date_value": "2019-03-07", **KABOUL},
        {"doc_id": "b", "date_value": "2019-03-07", **KABOUL},
        {"doc_id": "c", "date_value": "2019-03-13", **KABOUL},
    )
    stories, after = build_stories(more, documents_of(more, {"a": "2019-03-07", "b": "2019-03-08", "c": "2019-03-14"}))
    assert after[0] == after[1] == before[0] and after[2] != after[0]
    assert build_stories(more, documents_of(more))[1] == build_stories(more, documents_of(more))[1]
    row = stories.set_index("story_id").loc[before[0]]
    assert (row.n_articles, row.n_mentions, row.event_ids) == (2, 2, ["a#1", "b#1"])


def test_a_v1_events_table_with_actors_makes_stories():
    events = pd.DataFrame(
        {
            "doc_id": ["a", "b"], "event_id": [1, 1], "sentence_id": [1, 1], "category": ["assault", "assault"],
            "date_value": ["2019-03-07", None], "place": ["Kaboul", "Kaboul"], "place_country_code": ["AF", "AF"],
            "actors": ["État islamique; Kaboul", "État islamique"], "actor_country_codes": [None, None],
        }
    )  # fmt: skip
    stories, ids = build_stories(events, documents_of(events, {"a": "2019-03-07", "b": "2019-03-08"}))
    assert ids[0] == ids[1]
    assert stories.loc[0, "agents"] == ["État islamique", "Kaboul"] and stories.loc[0, "targets"] == []


@pytest.mark.parametrize(
    "value, first, days", [("2019-03-12", "2019-03-12", 1), ("2019-W11", "2019-03-11", 7), ("2019-03", "2019-03-01", 31),
                           ("2019", "2019-01-01", 365), ("2019-W11-2", "2019-03-12", 1), ("2019-03-12T18:50", "2019-03-12", 1)],
)  # fmt: skip
def test_date_spans(value, first, days):
    span = span_of(value)
    assert span is not None and str(span.first) == first and span.days == days


@pytest.mark.parametrize("value", ["P3D", "XXXX-WXX-1", "PRESENT_REF", "2019-13", "", None])
def test_values_that_name_no_days_are_no_date(value):
    assert span_of(value) is None


def test_corpus_entities_count_articles_and_mentions():
    entities = pd.DataFrame(
        {
            "doc_id": ["a", "b", "b"], "kind": ["place", "place", "person"], "canonical": ["Kaboul", "Kaboul", "X"],
            "country_code": ["AF", "AF", None], "wikidata_id": [None, "Q5838", None], "n_mentions": [2, 3, 1],
            "geonames_id": [1138958, 1138958, None], "latitude": [34.5, 34.5, None], "longitude": [69.2, 69.2, None],
        }
    )  # fmt: skip
    documents = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2019-03-07", "2019-03-14"]})
    table = build_corpus_entities(entities, documents)
    assert list(table.columns) == COLUMNS["corpus_entities"]
    kaboul = table.iloc[0].to_dict()
    assert kaboul["canonical"] == "Kaboul" and kaboul["wikidata_id"] == "Q5838" and kaboul["latitude"] == 34.5
    assert (kaboul["n_articles"], kaboul["n_mentions"]) == (2, 5)
    assert (kaboul["first_published"], kaboul["last_published"]) == ("2019-03-07", "2019-03-14")


def _run_rows() -> dict[str, list[tuple]]:
    """A two-article run's rows in the v2 schema (no spaCy): one story told twice, one entity in both."""

    def document(doc_id, published):
        return (doc_id, "x.jsonl", f"=titre {doc_id}", published, 10, 1, 2, "ok", None, "0" * 64)

    def entity(doc_id):
        return (doc_id, 1, "place", "Kaboul", "AF", "Q5838", "1138958", 34.5, 69.2, "capital", 2, 0)

    def event(doc_id, date):
        return (doc_id, 1, 1, 0, 7, "attentat", "attentat", "assault", "18", -10.0, "asserted", date, "publication",
                None, "Kaboul", "AF", "sentence", ["-Taliban", "État islamique"], ["AF"], [], [], 1, None,
                "Un attentat à Kaboul.")  # fmt: skip

    rows = {
        "documents": [document("a", "2019-03-07"), document("b", "2019-03-08")],
        "mentions": [],
        "entities": [entity("a"), entity("b")],
        "timexes": [],
        "events": [event("a", "2019-03-07"), event("b", "2019-03-07")],
    }
    assert all(len(row) == len(COLUMNS[t]) for t, rs in rows.items() for row in rs)
    return rows


@pytest.mark.parametrize("fmt", ["parquet", "csv", "duckdb"])
def test_the_derived_tables_round_trip_with_their_types(tmp_path, fmt):
    writer = TableWriter(tmp_path, [fmt])
    for table, rows in _run_rows().items():
        writer.add(table, rows)
    writer.commit()
    assert writer.counts["stories"] == 1 and writer.counts["corpus_entities"] == 1
    stories = read_table(tmp_path, "stories")
    assert list(stories.columns) == SCHEMAS["stories"].names
    story = stories.iloc[0]
    assert list(story["doc_ids"]) == ["a", "b"] and list(story["event_ids"]) == ["a#1", "b#1"]
    assert list(story["agents"]) == ["-Taliban", "État islamique"] and list(story["targets"]) == []
    assert abs(float(story["latitude"]) - 34.5) < 0.5 and story["n_articles"] == 2
    entities = read_table(tmp_path, "corpus_entities")
    assert list(entities.columns) == SCHEMAS["corpus_entities"].names and int(entities.iloc[0]["n_mentions"]) == 4
    events = read_table(tmp_path, "events")
    assert list(events.columns) == SCHEMAS["events"].names
    assert list(events["story_id"]) == [story["story_id"]] * 2
    assert list(events["agents"].iloc[0]) == ["-Taliban", "État islamique"]  # the formula guard undone
    if fmt == "parquet":
        import pyarrow.parquet as pq

        for table in DERIVED_TABLES:
            assert pq.read_schema(tmp_path / f"{table}.parquet") == SCHEMAS[table]


def test_a_run_without_the_derived_tables_gets_them_when_loaded(tmp_path):
    writer = TableWriter(tmp_path, ["parquet"])
    for table, rows in _run_rows().items():
        writer.add(table, rows)
    writer.commit()
    for table in DERIVED_TABLES:
        (tmp_path / f"{table}.parquet").unlink()
    tables = load_tables(tmp_path)
    assert len(tables["stories"]) == 1 and tables["events"]["story_id"].notna().all()


def test_derive_keeps_the_events_rows_and_their_order():
    events = events_v2(
        {"doc_id": "b", "event_id": 1, "date_value": "2019-03-07", **KABOUL},
        {"doc_id": "a", "event_id": 1, "category": None},
        {"doc_id": "a", "event_id": 2, "date_value": "2019-03-07", **KABOUL},
    )
    entities = pd.DataFrame(columns=["doc_id", "kind", "canonical", "country_code", "wikidata_id", "n_mentions"])
    derived = derive({"documents": documents_of(events), "entities": entities, "events": events})
    assert derived["events"][["doc_id", "event_id"]].values.tolist() == [["b", 1], ["a", 1], ["a", 2]]
    ids = derived["events"]["story_id"].tolist()
    assert ids[0] == ids[2] and pd.isna(ids[1])


# Pairwise figures of `python benchmarks/bench_stories.py` (see README): a floor just under them.
# The story families, country-in-participants and division rules took heldout from 1.00/0.34 to
# 1.00/1.00 and heldout2 from 0.74/0.65 to 0.97/0.90; heldout3 was measured once after them (1.00/0.91).
FLOORS = {
    "gold.jsonl": (0.95, 0.95),
    "heldout_gold.jsonl": (0.95, 0.95),
    "heldout2_gold.jsonl": (0.90, 0.85),
    "heldout3_gold.jsonl": (0.95, 0.85),
}


@pytest.fixture(scope="module")
def corpus_run(nlp, tmp_path_factory):
    from extract.run import run

    out = tmp_path_factory.mktemp("stories")
    run(
        [STORIES / name for name in ("articles.jsonl", "heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl")],
        out=out,
        fmt="parquet",
    )
    return load_tables(out)


@pytest.mark.parametrize("gold", list(FLOORS))
def test_the_clustering_of_the_test_corpus_scores_above_its_floor(corpus_run, gold):
    scores = score_stories(corpus_run["events"], load_gold(STORIES / gold))
    precision, recall = FLOORS[gold]
    assert not scores.missing, "the gold lists mentions the pipeline no longer finds: update it"
    assert scores.precision >= precision and scores.recall >= recall, scores


def test_an_update_of_a_run_from_before_stories_derives_them(tmp_path):
    """`--update` on tables written before `events.story_id` existed: kept rows get the column, and the stories."""
    import pyarrow.parquet as pq

    from extract.update import run_update

    out = tmp_path / "out"
    out.mkdir()
    writer = TableWriter(out, ["parquet"])
    for table, rows in _run_rows().items():
        writer.add(table, rows)
    writer.commit()
    pq.write_table(pq.read_table(out / "events.parquet").drop(["story_id"]), out / "events.parquet")
    for table in DERIVED_TABLES:
        (out / f"{table}.parquet").unlink()
    (tmp_path / "in").mkdir()
    summary = run_update([tmp_path / "in"], out=out, formats=("parquet",))  # nothing new: every row kept, no model
    assert summary.rows["stories"] == 1
    events = read_table(out, "events")
    assert list(events.columns) == SCHEMAS["events"].names and events["story_id"].notna().all()
    assert len(read_table(out, "stories")) == 1 and len(read_table(out, "corpus_entities")) == 1


def _cluster(place, country, participants, day="2019-03-12", family="violence"):
    import datetime as dt

    from extract.corpus.clusters import Cluster
    from extract.corpus.dates import Span

    first = dt.date.fromisoformat(day)
    return Cluster(
        family, span=Span(first, first), place=place, specific=place is not None, country=country,
        participants=set(participants),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "compared"),
    [
        # Same month, two countries, nobody in common: two stories that are never compared.
        (("Lyon", "FR", {"fr"}), ("Dakar", "SN", {"sn"}), False),
        # Same month and country, other cities (one may lie in the other's region): compared.
        (("Lyon", "FR", set()), ("Villeurbanne", "FR", set()), True),
        # A country alone, which the other's participants name ("les Libyens ... à Genève"): compared.
        ((None, "LY", set()), ("Genève", "CH", {"LY"}), True),
        # No place on one side, a shared participant: compared (a weak join).
        ((None, None, {"armée malienne"}), ("Gao", "ML", {"armée malienne"}), True),
    ],
)
def test_blocking_compares_only_stories_that_could_join(a, b, compared):
    """The block keys keep a month's news from being compared pair by pair (a quadratic rebuild on --update)."""
    from extract.corpus.clusters import block_keys, fit

    first, second = _cluster(*a), _cluster(*b)
    assert bool(block_keys(first) & block_keys(second)) is compared
    if fit(first, second) is not None or fit(second, first) is not None:
        assert compared  # whatever may join shares a key
