"""What our pipeline components attach to a `Doc`, and the extensions that hold it.

Every component reads and writes plain dataclasses stored on `Doc` extensions,
with character offsets into `doc.text` (the cleaned text the model saw). The
table builders in `extract.pipeline.tabulate` map them back to the original text.

- `doc._.published`: `datetime.date | None`, set before the pipeline runs.
- `doc._.mentions`: `list[Mention]`, set by the `extract_entities` component.
- `doc._.timexes`: `list[Timex]`, set by the `extract_timex` component.
- `doc._.events`: `list[Event]`, set by the `extract_events` component.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc


@dataclass(slots=True)
class Mention:
    """One entity mention: a country, nationality, place, organisation, person or other."""

    start: int
    end: int
    label: str
    kind: str
    canonical: str
    country_code: str = ""
    wikidata_id: str = ""


@dataclass(slots=True)
class Timex:
    """One time expression with its TIMEX3 type, value and what it was resolved against."""

    start: int
    end: int
    type: str
    value: str
    anchor: str


@dataclass(slots=True)
class Event:
    """One event mention: its trigger, category, modality, and the arguments found for it.

    `timex` is the index of the dating expression in `doc._.timexes`, or None.
    `date_source` / `place_source` say where the date and place came from (`clause`,
    `sentence`, `article`, `publication`; "" when none). `coref` numbers the mentions
    of one real event within the Doc (1-based; 0 before coreference is resolved).
    """

    start: int
    end: int
    trigger_lemma: str
    category: str
    cameo_root: str = ""
    goldstein: float | None = None
    modality: str = "asserted"
    timex: int | None = None
    date_value: str = ""
    date_source: str = ""
    place: str = ""
    place_country_code: str = ""
    place_source: str = ""
    agents: list[str] = field(default_factory=list)
    agent_country_codes: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    target_country_codes: list[str] = field(default_factory=list)
    coref: int = 0


def register_extensions() -> None:
    """Register the `Doc` extensions once per process (safe to call again)."""
    defaults: dict[str, object] = {
        "published": None,
        "mentions": None,
        "timexes": None,
        "events": None,
    }
    for name, default in defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def published_of(doc: Doc) -> dt.date | None:
    """The publication date a component should resolve against, or None.

    `doc._.published` may be a date, a datetime or an ISO 8601 string (a user setting it
    by hand); anything else, or a string that is no date, counts as unknown.
    """
    value = doc._.published
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


register_extensions()
