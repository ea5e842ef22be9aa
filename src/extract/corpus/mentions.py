"""The event mentions stories are made of: one `Mention` per `events` row that may join a story.

Reads whichever columns the tables have: SPEC v2's `modality`, `agents`, `targets`,
`*_country_codes`, `goldstein`, `coref_id`, `place_source`; else v1's `actors` and
`actor_country_codes`. The named entities of the trigger's sentence (from
`mentions`) are further participants with v1 tables, and the only ones of a v2
row with no agents nor targets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from extract.corpus.dates import Span, span_of
from extract.corpus.families import GROUP, UNSCHEDULED
from extract.write.cells import split_list

Regions = Callable[[str, str], frozenset[str]]
RECENT_DAYS = 7  # "viennent de": an event the article dates only by itself happened in its last week
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
    return [part.strip() for part in split_list(found) if part.strip()] if found else []


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
    family: str  # its group of story families (`extract.corpus.families.GROUP`): the blocking key
    date_value: str | None
    span: Span | None
    place: str | None
    specific: bool  # a city, region...: not a country, nor a place without a country (Sahel, Europe)
    regions: frozenset[str]  # the divisions (case folded) its specific place lies in: "rhône" for Lyon
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
    events: pd.DataFrame,
    documents: pd.DataFrame,
    mentions: pd.DataFrame | None,
    countries: set[str],
    regions: Regions | None = None,
) -> list[Mention]:
    """The `events` rows that may join a story, as `Mention`s, in table order.

    `regions(place, country_code)` gives the case-folded names of the divisions a place lies in."""
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
    in_sentence = _sentence_participants(mentions)
    modalities = col("modality") if "modality" in events.columns else None
    date_sources = col("date_source") if "date_source" in events.columns else None
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
        if category is None or category not in GROUP:
            continue
        modality = text(modalities[row]) if modalities is not None else None
        if modalities is not None and modality not in KEPT_MODALITIES:
            continue
        doc_id, place, code = str(doc_ids[row]), text(places[row]), text(place_codes[row])
        family, date_value = GROUP[category], text(dates[row])
        span = span_of(date_value)
        day = day_of(published.get(doc_id))
        by_article = date_sources is not None and text(date_sources[row]) == "publication"
        if span is not None and by_article and modality != "planned":
            # Dated only by the article ("viennent de signer"): some day of the week up to its publication.
            span = Span(span.last - dt.timedelta(days=RECENT_DAYS - 1), span.last)
        if span is not None and day is not None and span.first > day and category in UNSCHEDULED:
            if modality != "planned":  # a past event dated after its report: a misread tense
                span, date_value = None, None
        specific = place is not None and code is not None and place.casefold() not in countries
        agents, targets = items(agents_of[row]), items(targets_of[row])
        participants = {p.casefold() for p in agents + targets} | set(codes_of[row])
        named = explicit and bool(participants)  # v2 agents/targets found: they alone count
        if not named:  # v1, or none found: the entities named in the trigger's sentence stand in
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
                specific=specific,
                regions=regions(place, code) if place and code and specific and regions else frozenset(),
                country=code,
                agents=agents,
                targets=targets,
                participants=participants,
                explicit=named,
                coref=text(corefs[row]),
                goldstein=_float(goldsteins[row]),
                latitude=_float(latitudes[row]),
                longitude=_float(longitudes[row]),
            )
        )
    return found


def article_places(mentions: pd.DataFrame | None, documents: pd.DataFrame) -> dict[str, tuple[str, str, bool]]:
    """doc_id → (name, country code, specific?) of the one place its title names, else of its one country.

    The headline's place is the article's: "Strasbourg rend hommage aux victimes". A title that names
    several places ("Rabat, Paris, Madrid et Bruxelles unissent leurs services") gives none.
    """
    if mentions is None or not len(mentions) or "title" not in documents.columns:
        return {}
    titles = {str(d): t for d, t in zip(documents["doc_id"], documents["title"]) if text(t)}
    placed = mentions[mentions["kind"].isin(["place", "country"]) & mentions["country_code"].notna()]
    named: dict[str, dict[bool, dict[str, str]]] = {}
    for doc_id, written, canonical, code, kind in zip(
        placed["doc_id"], placed["text"], placed["canonical"], placed["country_code"], placed["kind"]
    ):
        title = titles.get(str(doc_id))
        if title and text(written) and str(written) in title:
            by_kind = named.setdefault(str(doc_id), {True: {}, False: {}})
            by_kind[kind == "place"][str(canonical)] = str(code)
    found: dict[str, tuple[str, str, bool]] = {}
    for doc_id, by_kind in named.items():
        for specific in (True, False):
            if len(by_kind[specific]) == 1:
                [(name, code)] = by_kind[specific].items()
                found[doc_id] = (name, code, specific)
                break
            if by_kind[specific]:
                break  # several: the title does not say which
    return found


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
