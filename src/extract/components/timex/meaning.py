"""What a recognised time expression says, before it is resolved against a date."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Meaning:
    """What an expression says, before resolution against a date.

    `kind` is one of: `calendar` (explicit fields), `day_word` (hier, demain: `offset` days),
    `previous_day` (lendemain, veille: `offset` days from the previous date), `period`
    (this/last/next `unit`: `offset`, `from_previous`), `weekday`, `season`, `offset`
    (il y a / dans / plus tard: `amount` `unit`, sign in `offset`), `clock`, `duration`,
    `set`, `ref` (PRESENT_REF...), `now` ("ici" in "d'ici").
    """

    kind: str
    year: int | None = None
    short_year: bool = False
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    decade: int | None = None
    century: int | None = None
    holiday: str | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    unit: str | None = None
    amount: float | None = None
    offset: int = 0
    direction: int | None = None
    from_previous: bool = False
    edge: str | None = None
    value: str | None = None
    timex_type: str | None = None
    habitual: bool = False
    to_the_day: bool = False
    of_event: bool = False  # "au lendemain de la visite": the day after an event, not a date
    event: int | None = None  # the token of that event's noun ("visite"), when the words name one
    rank: int | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """One recognised expression: tokens [start, end) and its meaning."""

    start: int
    end: int
    meaning: Meaning


Match = tuple[int, int, Meaning]
