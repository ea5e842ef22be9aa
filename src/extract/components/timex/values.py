"""Turn a recognised expression's `Meaning` into a TIMEX3 type, value and anchor.

Relative expressions resolve against the publication date (anchor `published`) or an
earlier expression of the text (`previous`: "le lendemain", "trois jours plus tard").
Without a publication date they keep unresolved parts (`XXXX-WXX-1`, `XXXX-12`), never
today's date. Weekdays, and days and months without a year, take the side of the
publication date that a past or future tense points to; with a present tense or none
(`tense` None: no verb, or a noun's day) the nearest occurrence (docs/tables.md, "How
dates are resolved", is the policy with its examples).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PAST, PRESENT, FUTURE = "past", "present", "future"
# A present tense on the verb right beside a weekday ("le Parlement vote mardi"): a coming
# day, the next one on or after the publication date (docs/tables.md, the present-tense rule).
COMING = "coming"
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
EDGE_MONTH = {"START": 1, "MID": 6, "END": 12}
DURATION_UNITS = {  # unit code → (designator, factor, is time-of-day unit)
    "S": ("S", 1, True),
    "MIN": ("M", 1, True),
    "H": ("H", 1, True),
    "D": ("D", 1, False),
    "W": ("W", 1, False),
    "M": ("M", 1, False),
    "Y": ("Y", 1, False),
    "WE": ("WE", 1, False),
    "Q": ("M", 3, False),
    "HALF": ("M", 6, False),
    "DE": ("Y", 10, False),
    "CE": ("Y", 100, False),
    "ML": ("Y", 1000, False),
}
SMALLER_UNIT = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60), "W": ("D", 7)}


@dataclass(frozen=True, slots=True)
class Resolved:
    """A TIMEX3 type, value and anchor; `day` is the calendar day it names, when it names one."""

    type: str
    value: str
    anchor: str
    day: dt.date | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What an expression may be resolved against."""

    published: dt.date | None
    tense: str | None = None
    previous_day: dt.date | None = None
    previous_year: int | None = None
    sentence_year: int | None = None
    sentence_day: dt.date | None = None
    previous_month: str | None = None  # "2020-12": the last month named, if no day came after it
    event_day: dt.date | None = None  # the day the text gives the event an expression counts from
    same_weekday: dt.date | None = None  # the day an earlier bare mention of the same weekday named


# ---- calendar arithmetic ---------------------------------------------------------------
def day_value(day: dt.date) -> str:
    return day.isoformat()


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def expand_short_year(short: int, published: dt.date | None) -> int:
    """ "98" → 1998: the century that puts it nearest the publication year (or 19xx/20xx around 50)."""
    if published is None:
        return 1900 + short if short >= 50 else 2000 + short
    candidates = [century + short for century in (1900, 2000, 2100)]
    return min(candidates, key=lambda y: abs(y - published.year))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_date(published: dt.date, weekday: int, direction: int | None, tense: str | None) -> dt.date:
    """The date of a weekday seen from `published`: by "dernier/prochain", else by tense.

    Past: the most recent one on or before `published`; future, or a present close to
    it (`COMING`): the next one on or after it; another present or no tense: the nearest
    (the day itself when it is that weekday).
    """
    back = (published.isoweekday() - weekday) % 7
    ahead = (weekday - published.isoweekday()) % 7
    if direction == -1:
        return published - dt.timedelta(days=back or 7)
    if direction == 1:
        return published + dt.timedelta(days=ahead or 7)
    if tense == PAST:
        return published - dt.timedelta(days=back)
    if tense in (FUTURE, COMING):
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back) if back < ahead else published + dt.timedelta(days=ahead)


def year_for(published: dt.date, month: int, day: int | None, direction: int | None, tense: str | None) -> int:
    """The year of a day or month named without one, seen from `published`.

    "dernier/prochain" fix the side; else a past tense takes the occurrence on or
    before `published`, a future one the occurrence on or after it; present or no
    tense: the nearest of the two.
    """
    year = published.year
    named = (month, day or 0)
    today = (published.month, published.day if day else 0)
    if direction == -1:
        return year if named < today else year - 1
    if direction == 1:
        return year if named > today else year + 1
    before = year if named <= today else year - 1
    after = year if named >= today else year + 1

    def distance(y: int) -> int:
        return abs((dt.date(y, month, min(day or 15, 28 if month == 2 else 30)) - published).days)

    if tense == PAST:
        return before
    if tense == FUTURE:
        return after
    return min((before, after), key=distance)


def season_year(published: dt.date, season: str, direction: int | None, tense: str | None) -> int | None:
    """The year of a season named relative to `published`; None when it stays generic."""
    occurrences = [(dt.date(y, SEASON_START[season], 21), y) for y in range(published.year - 2, published.year + 2)]
    current = [y for start, y in occurrences if start <= published < start + dt.timedelta(days=91)]
    past = [y for start, y in occurrences if start + dt.timedelta(days=91) <= published]
    coming = [y for start, y in occurrences if start > published]
    if direction == -1:
        return past[-1]
    if direction == 1:
        return coming[0]
    if direction == 0 and current:
        return current[0]
    if direction == 0 or tense in (PAST, FUTURE):
        if current:
            return current[0]
        return past[-1] if tense == PAST else coming[0]
    return None


def number_text(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


def duration_value(unit: str, amount: float | None) -> str:
    """P3D, PT5H, P46M, PXD ("plusieurs jours"), P18M (an an and a half)."""
    designator, factor, is_time = DURATION_UNITS[unit]
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{designator}"
    amount = amount * factor
    if not float(amount).is_integer() and unit in SMALLER_UNIT and float(amount * SMALLER_UNIT[unit][1]).is_integer():
        smaller, times = SMALLER_UNIT[unit]
        return duration_value(smaller, amount * times)
    return f"{prefix}{number_text(amount)}{designator}"


def with_part(value: str, part: str | None) -> str:
    if not part:
        return value
    return f"{value}{part}" if part.startswith("T") else f"{value}T{part}"
