"""The seven output tables: their columns and Arrow types.

This is the one place that spells column names: the writers, the evaluation
and the tests import `SCHEMAS` (and `COLUMNS`) from here. Missing values are
nulls in Parquet and empty cells in CSV; list columns (`LIST_COLUMNS`) hold
`list<string>` (empty lists, never nulls): lists in Parquet and DuckDB, `; `-joined in CSV.

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
# A list of names or codes: list<string> in Parquet and DuckDB (VARCHAR[]), `; `-joined in CSV.
STRING_LIST = pa.list_(pa.string())
LIST_SEPARATOR = "; "

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
            ("geonames_id", STRING),
            ("latitude", FLOAT64),
            ("longitude", FLOAT64),
            ("feature", STRING),
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
            ("geonames_id", STRING),
            ("latitude", FLOAT64),
            ("longitude", FLOAT64),
            ("feature", STRING),
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
            ("goldstein", FLOAT64),
            ("modality", STRING),
            ("date_value", STRING),
            ("date_source", STRING),
            ("timex_id", INT32),
            ("place", STRING),
            ("place_country_code", STRING),
            ("place_source", STRING),
            ("agents", STRING_LIST),
            ("agent_country_codes", STRING_LIST),
            ("targets", STRING_LIST),
            ("target_country_codes", STRING_LIST),
            ("coref_id", INT32),
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
            ("agents", STRING_LIST),
            ("targets", STRING_LIST),
            ("n_articles", INT32),
            ("n_mentions", INT32),
            ("first_published", STRING),
            ("last_published", STRING),
            ("doc_ids", STRING_LIST),
            ("event_ids", STRING_LIST),
        ]
    ),
    "corpus_entities": pa.schema(
        [
            ("kind", STRING),
            ("canonical", STRING),
            ("country_code", STRING),
            ("wikidata_id", STRING),
            ("geonames_id", STRING),
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
# The list<string> columns of each table (empty lists, never nulls).
LIST_COLUMNS: dict[str, list[str]] = {
    name: [f.name for f in schema if pa.types.is_list(f.type)] for name, schema in SCHEMAS.items()
}
# Event modalities, and the ones views and counts show unless told otherwise.
MODALITIES: tuple[str, ...] = ("asserted", "planned", "hypothetical", "negated", "generic")
SHOWN_MODALITIES: tuple[str, ...] = ("asserted", "planned")


@dataclass(slots=True)
class Rows:
    """The rows one article contributes to each table, as tuples in column order."""

    tables: dict[str, list[tuple]] = field(default_factory=lambda: {name: [] for name in ROW_TABLES})

    @property
    def status(self) -> str:
        return self.tables["documents"][0][COLUMNS["documents"].index("status")]
