"""Turn a recognised expression's `Meaning` into a TIMEX3 type, value and anchor.

Relative expressions resolve against the publication date (anchor `published`) or an
earlier expression of the text (`previous`: "le lendemain", "trois jours plus tard").
Without a publication date they keep unresolved parts (`XXXX-WXX-1`, `XXXX-12`), never
today's date. Weekdays, months and seasons without "dernier/prochain" take the side of
the publication date that the tense of their verb points to (`tense`: past, present,
future or None when no verb governs them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.easter import easter  # Gregorian Easter Sunday (the default, EASTER_WESTERN)

from extract.annotate.timex_meaning import Meaning

PAST, PRESENT, FUTURE = "past", "present", "future"
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


def resolve(meaning: Meaning, context: Context) -> Resolved:
    """The TIMEX3 type, value and anchor of one expression."""
    handler = HANDLERS[meaning.kind]
    return handler(meaning, context)


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
    """The date of a weekday seen from `published`: by "dernier/prochain/ce", else by tense.

    Past: the last one (today included); present or future: the next one (today
    included); no tense: the nearest.
    """
    back = (published.isoweekday() - weekday) % 7
    ahead = (weekday - published.isoweekday()) % 7
    if direction == -1:
        return published - dt.timedelta(days=back or 7)
    if direction == 1:
        return published + dt.timedelta(days=ahead or 7)
    if tense == PAST:
        return published - dt.timedelta(days=back)
    if tense is None and back < ahead:  # no verb to go by: the nearest ("très faible samedi")
        return published - dt.timedelta(days=back)
    return published + dt.timedelta(days=ahead)


def year_for(published: dt.date, month: int, day: int | None, direction: int | None, tense: str | None) -> int:
    """The year of a day or month named without one, on the side the words or the tense give."""
    year = published.year
    named = (month, day or 0)
    today = (published.month, published.day if day else 0)
    if direction == -1:
        return year if named < today else year - 1
    if direction == 1:
        return year if named > today else year + 1
    if tense == PAST:
        return year - 1 if named > today else year
    if tense == FUTURE:
        return year + 1 if named < today else year
    # No tense to go by: the nearest ("en janvier" read in December is next January).
    return min((year - 1, year, year + 1), key=lambda y: abs((dt.date(y, month, min(day or 15, 28)) - published).days))


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


# ---- handlers, one per meaning kind ------------------------------------------------------
def resolve_now(meaning: Meaning, context: Context) -> Resolved:
    if context.published is None:
        return Resolved("DATE", "PRESENT_REF", "none")
    return Resolved("DATE", day_value(context.published), "published", day=context.published)


def resolve_fixed(meaning: Meaning, context: Context) -> Resolved:
    return Resolved(meaning.timex_type or "DATE", meaning.value or "", "none")


def resolve_set(meaning: Meaning, context: Context) -> Resolved:
    if meaning.value:
        return Resolved("SET", meaning.value, "none")
    if meaning.weekday:
        return Resolved("SET", with_part(f"XXXX-WXX-{meaning.weekday}", meaning.part), "none")
    if meaning.part:
        return Resolved("SET", with_part("XXXX-XX-XX", meaning.part), "none")
    return Resolved("SET", duration_value(meaning.unit or "D", meaning.amount or 1), "none")


def resolve_duration(meaning: Meaning, context: Context) -> Resolved:
    if meaning.value:
        return Resolved("DURATION", meaning.value, "none")
    return Resolved("DURATION", duration_value(meaning.unit or "D", meaning.amount), "none")


def resolve_calendar(meaning: Meaning, context: Context) -> Resolved:
    published = context.published
    if meaning.century:
        return Resolved("DATE", f"{meaning.century - 1:02d}XX", "absolute")
    if meaning.decade:
        return Resolved("DATE", f"{meaning.decade}X", "absolute")
    month, day = meaning.month, meaning.day
    if meaning.holiday and meaning.holiday != "year_end":
        month, day = holiday_month_day(meaning.holiday, meaning.year or (published.year if published else None))
    year, anchor = meaning.year, "absolute"
    if year is not None and meaning.short_year:
        year = expand_short_year(year, published)
    if year is None and month is not None:
        if context.sentence_year is not None:
            year, anchor = context.sentence_year, "previous"
        elif published is not None:
            year, anchor = year_for(published, month, day, meaning.direction, context.tense), "published"
            if meaning.holiday and meaning.holiday.startswith("easter"):
                month, day = holiday_month_day(meaning.holiday, year)
        else:
            anchor = "none"
    if month is None:
        if year is None:
            return Resolved("DATE", "XXXX", "none")
        if meaning.edge:
            return Resolved("DATE", f"{year:04d}-{EDGE_MONTH[meaning.edge]:02d}", anchor, year=year)
        return Resolved("DATE", f"{year:04d}", anchor, year=year)
    year_text = f"{year:04d}" if year is not None else "XXXX"
    if day is None or month is None:
        return Resolved("DATE", f"{year_text}-{month:02d}", anchor, year=year)
    value = f"{year_text}-{month:02d}-{day:02d}"
    date = safe_date(year, month, day) if year is not None else None
    if meaning.part:
        return Resolved("TIME", with_part(value, meaning.part), anchor, day=date, year=year)
    return Resolved("DATE", value, anchor, day=date, year=year)


def holiday_month_day(holiday: str, year: int | None) -> tuple[int | None, int | None]:
    if holiday.startswith("easter"):
        if year is None:
            return None, None
        moved = easter(year) + dt.timedelta(days=int(holiday[len("easter") :] or 0))
        return moved.month, moved.day
    month, day = holiday.split("-")
    return int(month), int(day)


def resolve_day_word(meaning: Meaning, context: Context) -> Resolved:
    kind = "TIME" if meaning.part else "DATE"
    if context.published is None:
        return Resolved(kind, with_part("XXXX-XX-XX", meaning.part), "none")
    day = context.published + dt.timedelta(days=meaning.offset)
    return Resolved(kind, with_part(day_value(day), meaning.part), "published", day=day, year=day.year)


def resolve_previous_day(meaning: Meaning, context: Context) -> Resolved:
    kind = "TIME" if meaning.part else "DATE"
    base, anchor = context.previous_day, "previous"
    offset = meaning.offset
    if meaning.of_event and context.sentence_day is not None:
        # "a lancé jeudi des manœuvres, au lendemain de la visite": the day is the clause's.
        base, offset = context.sentence_day, 0
    if base is None:
        base, anchor = context.published, "published"
    if base is None:
        return Resolved(kind, with_part("XXXX-XX-XX", meaning.part), "none")
    day = base + dt.timedelta(days=offset)
    return Resolved(kind, with_part(day_value(day), meaning.part), anchor, day=day, year=day.year)


def resolve_period(meaning: Meaning, context: Context) -> Resolved:
    unit, offset = meaning.unit or "Y", meaning.offset
    if meaning.rank is not None:  # "le premier semestre 2019", "le troisième trimestre"
        letter = "Q" if unit == "Q" else "H"
        if meaning.year is not None:
            return Resolved("DATE", f"{meaning.year:04d}-{letter}{meaning.rank}", "absolute", year=meaning.year)
        if context.published is None:
            return Resolved("DATE", f"XXXX-{letter}{meaning.rank}", "none")
        year = context.published.year
        return Resolved("DATE", f"{year:04d}-{letter}{meaning.rank}", "published", year=year)
    base, anchor = context.published, "published"
    if meaning.from_previous and context.previous_day is not None:
        base, anchor = context.previous_day, "previous"
    elif meaning.from_previous and context.previous_year is not None:
        base, anchor = dt.date(context.previous_year, 6, 30), "previous"
    if base is None:
        unresolved = {
            "W": "XXXX-WXX",
            "M": "XXXX-XX",
            "Y": "XXXX",
            "Q": "XXXX-QX",
            "WE": "XXXX-WXX-WE",
            "HALF": "XXXX-HX",
        }
        if unit == "Y" and meaning.edge:
            return Resolved("DATE", f"XXXX-{EDGE_MONTH[meaning.edge]:02d}", "none")
        return Resolved("DATE", unresolved.get(unit, "XXXX"), "none")
    if unit == "W" or unit == "WE":
        day = base + dt.timedelta(weeks=offset)
        return Resolved("DATE", week_value(day) + ("-WE" if unit == "WE" else ""), anchor, year=day.year)
    if unit == "M":
        first = add_months(base, offset)
        return Resolved("DATE", f"{first.year:04d}-{first.month:02d}", anchor, year=first.year)
    if unit == "Q":
        first = add_months(base, 3 * offset)
        return Resolved("DATE", f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}", anchor, year=first.year)
    if unit == "HALF":
        first = add_months(base, 6 * offset)
        return Resolved("DATE", f"{first.year:04d}-H{(first.month - 1) // 6 + 1}", anchor, year=first.year)
    year = base.year + offset
    if meaning.edge:
        return Resolved("DATE", f"{year:04d}-{EDGE_MONTH[meaning.edge]:02d}", anchor, year=year)
    return Resolved("DATE", f"{year:04d}", anchor, year=year)


def resolve_weekday(meaning: Meaning, context: Context) -> Resolved:
    weekday = meaning.weekday or 1
    kind = "TIME" if meaning.part else "DATE"
    if meaning.habitual and context.tense != PAST:  # "le mercredi": every Wednesday, unless a story is told
        return Resolved("SET", with_part(f"XXXX-WXX-{weekday}", meaning.part), "none")
    base, anchor = context.published, "published"
    if meaning.from_previous and context.previous_day is not None:
        base, anchor = context.previous_day, "previous"
    if base is None:
        return Resolved(kind, with_part(f"XXXX-WXX-{weekday}", meaning.part), "none")
    day = weekday_date(base, weekday, meaning.direction, context.tense)
    return Resolved(kind, with_part(day_value(day), meaning.part), anchor, day=day, year=day.year)


def resolve_season(meaning: Meaning, context: Context) -> Resolved:
    season = meaning.season or "SU"
    if meaning.year is not None:
        return Resolved("DATE", f"{meaning.year:04d}-{season}", "absolute", year=meaning.year)
    if context.published is None:
        return Resolved("DATE", f"XXXX-{season}", "none")
    year = season_year(context.published, season, meaning.direction, context.tense)
    if year is None:
        return Resolved("DATE", f"XXXX-{season}", "none")
    return Resolved("DATE", f"{year:04d}-{season}", "published", year=year)


def resolve_offset(meaning: Meaning, context: Context) -> Resolved:
    unit, sign = meaning.unit or "D", meaning.offset
    if meaning.amount is None:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "none")
    base, anchor = context.published, "published"
    if meaning.from_previous and context.previous_month is not None and unit in ("D", "W", "WE"):
        # "en décembre ... une semaine plus tard": a day in that month, no finer than it.
        return Resolved("DATE", context.previous_month, "previous", year=int(context.previous_month[:4]))
    if meaning.from_previous and context.previous_day is not None:
        base, anchor = context.previous_day, "previous"
    elif meaning.from_previous and context.previous_year is not None and unit in ("M", "Y", "DE", "CE", "Q", "HALF"):
        base, anchor = dt.date(context.previous_year, 6, 30), "previous"
    if base is None:
        return Resolved("DATE", {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}.get(unit, "XXXX-XX-XX"), "none")
    designator, factor, _ = DURATION_UNITS[unit]
    amount = int(round(meaning.amount * factor)) * sign
    if meaning.to_the_day and designator in ("M", "Y"):  # "il y a un an jour pour jour"
        months = amount * (12 if designator == "Y" else 1)
        first = add_months(base, months)
        day = safe_date(first.year, first.month, base.day) or first
        return Resolved("DATE", day_value(day), anchor, day=day, year=day.year)
    if unit in ("S", "MIN", "H"):
        return Resolved("DATE", day_value(base), anchor, day=base, year=base.year)
    if unit == "D":
        day = base + dt.timedelta(days=amount)
        return Resolved("DATE", day_value(day), anchor, day=day, year=day.year)
    if unit in ("W", "WE"):
        day = base + dt.timedelta(weeks=amount)
        return Resolved("DATE", week_value(day), anchor, year=day.year)
    if designator == "M":
        first = add_months(base, amount)
        return Resolved("DATE", f"{first.year:04d}-{first.month:02d}", anchor, year=first.year)
    year = base.year + amount
    return Resolved("DATE", f"{year:04d}", anchor, year=year)


def resolve_clock(meaning: Meaning, context: Context) -> Resolved:
    """A clock time ("18 h 50") or a part of day alone ("dans la nuit") on the day the context gives."""
    if meaning.hour is not None:
        clock = f"T{meaning.hour:02d}:{meaning.minute or 0:02d}"
    else:
        clock = with_part("", meaning.part)
    kind = "TIME" if clock else "DATE"
    if meaning.weekday and context.published is not None:
        day = weekday_date(context.published, meaning.weekday, None, context.tense)
        return Resolved(kind, day_value(day) + clock, "published", day=day)
    if context.sentence_day is not None:
        return Resolved(kind, day_value(context.sentence_day) + clock, "previous", day=context.sentence_day)
    if context.previous_day is not None:
        return Resolved(kind, day_value(context.previous_day) + clock, "previous", day=context.previous_day)
    if context.published is not None:
        return Resolved(kind, day_value(context.published) + clock, "published", day=context.published)
    return Resolved(kind, "XXXX-XX-XX" + clock, "none")


HANDLERS = {
    "now": resolve_now,
    "ref": resolve_fixed,
    "set": resolve_set,
    "duration": resolve_duration,
    "calendar": resolve_calendar,
    "day_word": resolve_day_word,
    "previous_day": resolve_previous_day,
    "period": resolve_period,
    "weekday": resolve_weekday,
    "season": resolve_season,
    "offset": resolve_offset,
    "clock": resolve_clock,
}
