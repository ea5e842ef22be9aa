"""What a run says across its articles: `stories` and `corpus_entities`, derived at the end of the run.

    from extract.corpus import derive
    derived = derive(tables)          # tables: documents, mentions, entities, events (DataFrames)
    derived["stories"], derived["corpus_entities"], derived["events"]   # events with story_id

`derive` is the one end-of-run step: the local engine calls it on the rows
its writer received, the Dask engine on the assembled shards, and a run read
back without the two tables (`extract.runs.load_tables` on an older run)
gets them from it too. Pure pandas and pyarrow (and `extract.geo` for the
coordinates of a story's place): no spaCy. How mentions join a story:
`extract.corpus.stories`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import pandas as pd

from extract.corpus.entities import build_corpus_entities
from extract.corpus.mentions import text
from extract.corpus.stories import build_stories

__all__ = ["build_corpus_entities", "build_stories", "derive", "locate", "regions"]


def derive(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """`stories`, `corpus_entities` and `events` with its `story_id` filled, from a run's `documents`, `entities`, `events`."""
    documents, entities, events = tables["documents"], tables["entities"], tables["events"]
    countries = {c.casefold() for c in entities.loc[entities["kind"] == "country", "canonical"].dropna()}
    countries |= {name.casefold() for name in _country_names(events)}
    places = _entity_places(entities)

    def where(place: str | None, code: str | None) -> tuple[float | None, float | None]:
        if place and place.casefold() in places:
            return places[place.casefold()]
        return locate(place, code)

    mentions = tables.get("mentions")
    stories, ids = build_stories(
        events, documents, mentions=mentions, countries=countries, locate=where, regions=regions
    )
    events = events.assign(story_id=pd.array(ids, dtype="string"))
    if "sentence" in events.columns:  # SPEC order: story_id just before sentence (a v1 run's events lack it)
        names = [c for c in events.columns if c not in ("story_id", "sentence")]
        events = events[[*names, "story_id", "sentence"]]
    return {"events": events, "stories": stories, "corpus_entities": build_corpus_entities(entities, documents)}


@lru_cache(maxsize=4096)
def locate(place: str | None, code: str | None) -> tuple[float | None, float | None]:
    """Coordinates of a place name (GeoNames, within `code` when given), else of the country's centroid."""
    from extract.geo import load

    gazetteer = load()
    if place:
        found = gazetteer.lookup(place, country_hint=code)
        if found is not None and found.latitude is not None and (not code or found.country_code == code):
            return found.latitude, found.longitude
    country = gazetteer.country(code) if code else None
    return (country.latitude, country.longitude) if country is not None else (None, None)


@lru_cache(maxsize=4096)
def regions(place: str, code: str) -> frozenset[str]:
    """The case-folded names of the divisions (GeoNames admin1, admin2) `place` lies in, within `code`."""
    from extract.geo import load

    found = load().lookup(place, country_hint=code)
    if found is None or found.country_code != code:
        return frozenset()
    return frozenset(name.casefold() for name in (found.admin1, found.admin2) if name)


def _country_names(events: pd.DataFrame) -> set[str]:
    from extract.geo import load

    gazetteer = load()
    names = set()
    for code in set(events["place_country_code"].dropna()) if len(events) else ():
        country = gazetteer.country(str(code))
        if country is not None:
            names.add(country.name)
    return names


def _entity_places(entities: pd.DataFrame) -> dict[str, tuple[float | None, float | None]]:
    """Place name → coordinates, from the entities table where it has them (SPEC v2)."""
    if "latitude" not in entities.columns or "longitude" not in entities.columns:
        return {}
    placed = entities.dropna(subset=["latitude", "longitude"])
    return {
        name.casefold(): (float(lat), float(lon))
        for name, lat, lon in zip(placed["canonical"], placed["latitude"], placed["longitude"])
        if text(name)
    }
