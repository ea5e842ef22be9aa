"""The seven output tables: their columns and Arrow types.

This is the one place that spells column names: the writers, the evaluation
and the tests import `SCHEMAS` (and `COLUMNS`) from here. Missing values are
nulls in Parquet and empty cells in CSV; a `list<string>` column is a list in
Parquet and DuckDB and its items joined by `; ` in CSV.

The first five tables (`ROW_TABLES`) get their rows article by article; the
last two (`DERIVED_TABLES`: `stories`, `corpus_entities`) are derived from all
of a run's rows at its end (`extract.corpus.derive`), which also fills
`events.story_id`. Ids (`mention_id`, `entity_id`,
`timex_id`, `event_id`) and `sentence_id` are 1-based and count within one
document; `(doc_id, <table>_id)` is each table's key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

STRING = pa.string()
INT32 = pa.int32()
INT64 = pa.int64()
FLOAT64 = pa.float64()
LIST_STRING = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("doc_id", STRING),
            ("source_path", STRING),
            ("title", STRING),
            ("published", STRING),
            ("n_chars", INT64),
            ("n_sentences", INT32),
            ("n_tokens", INT64),
            ("status", STRING),
            ("error", STRING),
            ("sha256", STRING),
        ]
    ),
    "mentions": pa.schema(
        [
            ("doc_id", STRING),
            ("mention_id", INT32),
            ("sentence_id", INT32),
            ("start", INT64),
            ("end", INT64),
            ("text", STRING),
            ("label", STRING),
            ("kind", STRING),
            ("canonical", STRING),
            ("country_code", STRING),
            ("wikidata_id", STRING),
        ]
    ),
    "entities": pa.schema(
        [
            ("doc_id", STRING),
            ("entity_id", INT32),
            ("kind", STRING),
            ("canonical", STRING),
            ("country_code", STRING),
            ("wikidata_id", STRING),
            ("n_mentions", INT32),
            ("first_start", INT64),
        ]
    ),
    "timexes": pa.schema(
        [
            ("doc_id", STRING),
            ("timex_id", INT32),
            ("sentence_id", INT32),
            ("start", INT64),
            ("end", INT64),
            ("text", STRING),
            ("type", STRING),
            ("value", STRING),
            ("anchor", STRING),
        ]
    ),
    "events": pa.schema(
        [
            ("doc_id", STRING),
            ("event_id", INT32),
            ("sentence_id", INT32),
            ("start", INT64),
            ("end", INT64),
            ("trigger", STRING),
            ("trigger_lemma", STRING),
            ("category", STRING),
            ("cameo_root", STRING),
            ("date_value", STRING),
            ("timex_id", INT32),
            ("place", STRING),
            ("place_country_code", STRING),
            ("actors", STRING),
            ("actor_country_codes", STRING),
            ("story_id", STRING),
            ("sentence", STRING),
        ]
    ),
    "stories": pa.schema(
        [
            ("story_id", STRING),
            ("category", STRING),
            ("cameo_root", STRING),
            ("goldstein", FLOAT64),
            ("date_value", STRING),
            ("place", STRING),
            ("place_country_code", STRING),
            ("latitude", FLOAT64),
            ("longitude", FLOAT64),
            ("agents", LIST_STRING),
            ("targets", LIST_STRING),
            ("n_articles", INT32),
            ("n_mentions", INT32),
            ("first_published", STRING),
            ("last_published", STRING),
            ("doc_ids", LIST_STRING),
            ("event_ids", LIST_STRING),
        ]
    ),
    "corpus_entities": pa.schema(
        [
            ("kind", STRING),
            ("canonical", STRING),
            ("country_code", STRING),
            ("wikidata_id", STRING),
            ("geonames_id", INT64),
            ("latitude", FLOAT64),
            ("longitude", FLOAT64),
            ("n_articles", INT32),
            ("n_mentions", INT32),
            ("first_published", STRING),
            ("last_published", STRING),
        ]
    ),
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)
DERIVED_TABLES: tuple[str, ...] = ("stories", "corpus_entities")
ROW_TABLES: tuple[str, ...] = tuple(name for name in TABLES if name not in DERIVED_TABLES)
COLUMNS: dict[str, list[str]] = {name: schema.names for name, schema in SCHEMAS.items()}


@dataclass(slots=True)
class Rows:
    """The rows one article contributes to each table, as tuples in column order."""

    tables: dict[str, list[tuple]] = field(default_factory=lambda: {name: [] for name in ROW_TABLES})

    @property
    def status(self) -> str:
        return self.tables["documents"][0][COLUMNS["documents"].index("status")]
