"""The event mentions stories are made of: one `Mention` per `events` row that may join a story.

Reads whichever columns the tables have: SPEC v2's `modality`, `agents`, `targets`,
`*_country_codes`, `goldstein`, `coref_id`, `place_source`; else v1's `actors` and
`actor_country_codes`, with the named entities of the trigger's sentence (from
`mentions`) as further participants.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from extract.components.events.categories import FAMILY, UNSCHEDULED_FAMILIES
from extract.corpus.dates import Span, span_of

KEPT_MODALITIES = ("asserted", "planned")
PARTICIPANT_KINDS = ("person", "organisation", "country", "nationality")


def text(value: object) -> str | None:
    """A cell as a non-empty string, else None (None, NaN, NA and "" are missing)."""
    if value is None or (not isinstance(value, str | list | tuple) and pd.isna(value)):
        return None
    value = str(value).strip()
    return value or None


def items(value: object) -> list[str]:
    """A list cell (`list<string>`, an array, or `; `-joined text as in CSV and v1's `actors`) as strings."""
    if value is not None and not isinstance(value, str) and hasattr(value, "__iter__"):
        return [str(v) for v in value if text(v)]
    found = text(value)
    return [part.strip() for part in found.split(";") if part.strip()] if found else []


def day_of(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


@dataclass(slots=True)
class Mention:
    key: str  # doc_id#event_id
    row: int  # its row in `events`
    doc_id: str
    published: str | None
    category: str
    family: str
    date_value: str | None
    span: Span | None
    place: str | None
    specific: bool  # a city, region...: not a country, nor a place without a country (Sahel, Europe)
    country: str | None
    agents: list[str]
    targets: list[str]
    participants: set[str]  # case-folded names and country codes
    explicit: bool  # participants from SPEC v2 agents/targets (else v1 actors and the sentence's entities)
    coref: str | None
    goldstein: float | None
    latitude: float | None
    longitude: float | None


def read_mentions(
    events: pd.DataFrame, documents: pd.DataFrame, mentions: pd.DataFrame | None, countries: set[str]
) -> list[Mention]:
    """The `events` rows that may join a story, as `Mention`s, in table order."""
    published = {str(d): text(p) for d, p in zip(documents["doc_id"], documents["published"])}
    n = len(events)

    def col(name: str) -> list:
        return events[name].tolist() if name in events.columns else [None] * n

    explicit = "agents" in events.columns
    if explicit:
        agents_of, targets_of = col("agents"), col("targets")
        codes_of = [items(a) + items(b) for a, b in zip(col("agent_country_codes"), col("target_country_codes"))]
    else:  # v1: `actors` (agent first) stand for the agents
        agents_of, targets_of = col("actors"), [None] * n
        codes_of = [items(a) for a in col("actor_country_codes")]
    in_sentence = {} if explicit else _sentence_participants(mentions)
    modalities = col("modality") if "modality" in events.columns else None
    doc_ids, event_ids, categories, dates = col("doc_id"), col("event_id"), col("category"), col("date_value")
    places, place_codes, sentences, corefs = (
        col("place"),
        col("place_country_code"),
        col("sentence_id"),
        col("coref_id"),
    )
    goldsteins, latitudes, longitudes = col("goldstein"), col("latitude"), col("longitude")
    found = []
    for row in range(n):
        category = text(categories[row])
        if category is None or category not in FAMILY:
            continue
        modality = text(modalities[row]) if modalities is not None else None
        if modalities is not None and modality not in KEPT_MODALITIES:
            continue
        doc_id, place, code = str(doc_ids[row]), text(places[row]), text(place_codes[row])
        family, date_value = FAMILY[category], text(dates[row])
        span = span_of(date_value)
        day = day_of(published.get(doc_id))
        if span is not None and day is not None and span.first > day and family in UNSCHEDULED_FAMILIES:
            if modality != "planned":  # a past event dated after its report: a misread tense
                span, date_value = None, None
        agents, targets = items(agents_of[row]), items(targets_of[row])
        participants = {p.casefold() for p in agents + targets} | set(codes_of[row])
        participants |= in_sentence.get((doc_id, _int(sentences[row])), set())
        found.append(
            Mention(
                key=f"{doc_id}#{event_ids[row]}",
                row=row,
                doc_id=doc_id,
                published=published.get(doc_id),
                category=category,
                family=family,
                date_value=date_value,
                span=span,
                place=place,
                specific=place is not None and code is not None and place.casefold() not in countries,
                country=code,
                agents=agents,
                targets=targets,
                participants=participants,
                explicit=explicit,
                coref=text(corefs[row]),
                goldstein=_float(goldsteins[row]),
                latitude=_float(latitudes[row]),
                longitude=_float(longitudes[row]),
            )
        )
    return found


def article_places(entities: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """doc_id → (name, country code) of the specific place the article names most (earliest on a tie)."""
    if not len(entities):
        return {}
    places = entities[(entities["kind"] == "place") & entities["country_code"].notna()]
    places = places.sort_values(["doc_id", "n_mentions", "first_start"], ascending=[True, False, True])
    first = places.drop_duplicates("doc_id")
    return {str(d): (str(c), str(k)) for d, c, k in zip(first["doc_id"], first["canonical"], first["country_code"])}


def _sentence_participants(mentions: pd.DataFrame | None) -> dict[tuple[str, int | None], set[str]]:
    if mentions is None or not len(mentions):
        return {}
    named = mentions[mentions["kind"].isin(PARTICIPANT_KINDS)]
    found: dict[tuple[str, int | None], set[str]] = {}
    for doc_id, sentence, canonical, code in zip(
        named["doc_id"], named["sentence_id"], named["canonical"], named["country_code"]
    ):
        names = found.setdefault((str(doc_id), _int(sentence)), set())
        names |= {v.casefold() if v == canonical else v for v in (text(canonical), text(code)) if v}
    return found


def _int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)  # type: ignore[call-overload]


def _float(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]
