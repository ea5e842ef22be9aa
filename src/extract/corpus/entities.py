"""Corpus entities: one row per (kind, canonical, country_code) across every article of a run."""

from __future__ import annotations

import pandas as pd

from extract.corpus.mentions import text

PLACE_COLUMNS = ("geonames_id", "latitude", "longitude")


def build_corpus_entities(entities: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The `corpus_entities` rows: counts and first/last publication of each entity over the corpus.

    `wikidata_id`, `geonames_id`, `latitude` and `longitude` are the first
    non-empty value among the entity's rows (empty where the `entities` table
    has no such column yet). Rows are ordered by mentions, then articles, most
    first, then kind and canonical name.
    """
    columns = [
        "kind", "canonical", "country_code", "wikidata_id", *PLACE_COLUMNS, "n_articles", "n_mentions",
        "first_published", "last_published",
    ]  # fmt: skip
    if not len(entities):
        return pd.DataFrame({name: [] for name in columns})
    published = {d: text(p) for d, p in zip(documents["doc_id"], documents["published"])}
    frame = entities.assign(
        _published=entities["doc_id"].map(published),
        **{name: entities[name] if name in entities.columns else None for name in PLACE_COLUMNS},
    )
    grouped = frame.groupby(["kind", "canonical", "country_code"], dropna=False, sort=False)
    result = grouped.agg(
        wikidata_id=("wikidata_id", "first"),
        geonames_id=("geonames_id", "first"),
        latitude=("latitude", "first"),
        longitude=("longitude", "first"),
        n_articles=("doc_id", "nunique"),
        n_mentions=("n_mentions", "sum"),
        first_published=("_published", "min"),
        last_published=("_published", "max"),
    ).reset_index()
    result = result.sort_values(
        ["n_mentions", "n_articles", "kind", "canonical"], ascending=[False, False, True, True], kind="stable"
    )
    return result[columns].reset_index(drop=True)
