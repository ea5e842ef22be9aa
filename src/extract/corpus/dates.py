"""The days a TIMEX3 date value covers, so that a coarser date can contain a finer one.

    >>> span_of("2019-03")
    Span(first=datetime.date(2019, 3, 1), last=datetime.date(2019, 3, 31))
    >>> span_of("2019-03").contains(span_of("2019-03-12"))
    True

A day (`2019-03-12`, with or without a time or part of day: `2019-03-12TEV`),
an ISO week (`2019-W11`), a day of a week (`2019-W11-2`), a month
(`2019-03`) and a year (`2019`) are spans; anything else (durations `P3D`,
unresolved `XXXX-WXX-1`, `PRESENT_REF`, seasons) has none and counts as no
date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# A span of at most this many days is "day-precise" enough to date a mention that names no place.
DAY_PRECISE = 7


@dataclass(frozen=True, slots=True)
class Span:
    """First and last day (inclusive) a date value covers."""

    first: dt.date
    last: dt.date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def contains(self, other: Span) -> bool:
        return self.first <= other.first and other.last <= self.last

    def nests(self, other: Span) -> bool:
        """One contains the other (equal spans included): the two values can name the same day."""
        return self.contains(other) or other.contains(self)


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-(\d))?(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")


def span_of(value: object) -> Span | None:
    """The span of a TIMEX3 date value, or None when it names no definite days."""
    if not isinstance(value, str):
        return None
    try:
        if match := _DAY.fullmatch(value):
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
            return Span(day, day)
        if match := _WEEK.fullmatch(value):
            year, week = int(match[1]), int(match[2])
            if match[3]:
                day = dt.date.fromisocalendar(year, week, int(match[3]))
                return Span(day, day)
            return Span(dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7))
        if match := _MONTH.fullmatch(value):
            year, month = int(match[1]), int(match[2])
            return Span(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))
        if match := _YEAR.fullmatch(value):
            return Span(dt.date(int(match[1]), 1, 1), dt.date(int(match[1]), 12, 31))
    except ValueError:  # month 13, week 54, day 31 of a 30-day month
        return None
    return None
