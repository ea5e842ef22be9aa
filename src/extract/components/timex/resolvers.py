"""One resolver per meaning kind: a recognised expression's `Meaning` turned into its TIMEX3 type, value and anchor."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dateutil.easter import easter  # Gregorian Easter Sunday (the default, EASTER_WESTERN)

from extract.components.timex.meaning import Meaning
from extract.components.timex.values import (
    DURATION_UNITS,
    EDGE_MONTH,
    FUTURE,
    PAST,
    SEASON_START,
    Context,
    Resolved,
    add_months,
    day_value,
    duration_value,
    expand_short_year,
    safe_date,
    season_year,
    week_value,
    weekday_date,
    with_part,
    year_for,
)


def resolve(meaning: Meaning, context: Context) -> Resolved:
    """The TIMEX3 type, value and anchor of one expression."""
    handler = HANDLERS[meaning.kind]
    return handler(meaning, context)


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
    elif meaning.of_event and context.event_day is not None:
        base = context.event_day  # "au lendemain de l'attaque", the attack dated elsewhere in the text
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
    if context.same_weekday is not None and anchor == "published" and meaning.direction is None:
        if context.tense not in (PAST, FUTURE):  # "Dimanche, ..." told again in the present: the same Sunday
            day = context.same_weekday
            return Resolved(kind, with_part(day_value(day), meaning.part), anchor, day=day, year=day.year)
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
    if meaning.of_event:  # "deux jours après l'attaque"
        if context.sentence_day is not None:  # "Le 5 mars, deux jours après l'attaque": the clause's day
            day = context.sentence_day
            return Resolved("DATE", day_value(day), "previous", day=day, year=day.year)
        if context.event_day is None:  # the text does not date the attack: a length of time
            return Resolved("DURATION", duration_value(unit, meaning.amount), "none")
        context = replace(context, previous_day=context.event_day, previous_month=None)
    if meaning.amount is None and unit in ("S", "MIN", "H"):
        # "quelques heures plus tard": a few hours after the day before it, so on that day.
        if meaning.from_previous and context.previous_day is not None:
            return Resolved("DATE", day_value(context.previous_day), "previous", day=context.previous_day)
        if context.published is not None:
            return Resolved("DATE", day_value(context.published), "published", day=context.published)
        return Resolved("DURATION", duration_value(unit, None), "none")
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


def resolve_nth_weekday(meaning: Meaning, context: Context) -> Resolved:
    """ "le premier dimanche de mars", "le dernier lundi du mois", "le premier dimanche du printemps"."""
    weekday, rank = meaning.weekday or 7, meaning.rank or 1
    published = context.published
    if meaning.season is None and meaning.month is None:  # "du mois": the month of the publication
        if published is None:
            return Resolved("DATE", "XXXX-XX", "none")
        first, year = dt.date(published.year, published.month, 1), published.year
    elif meaning.season is not None:
        year_or_none = context.sentence_year
        if year_or_none is None and published is not None:
            year_or_none = season_year(published, meaning.season, None, context.tense or PAST)
        if year_or_none is None:
            return Resolved("DATE", f"XXXX-{meaning.season}", "none")
        year = year_or_none
        first = dt.date(year, SEASON_START[meaning.season], 21)
    else:
        month = meaning.month or 1
        if context.sentence_year is not None:
            year = context.sentence_year
        elif published is not None:
            year = year_for(published, month, None, None, context.tense)
        else:
            return Resolved("DATE", f"XXXX-{month:02d}", "none")
        first = dt.date(year, month, 1)
    anchor = "previous" if context.sentence_year is not None else "published"
    if rank > 0:
        day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (rank - 1))
    else:  # the last one: a week before the first of the next month, or of the season's end
        end = add_months(first, 3 if meaning.season else 1)
        day = end - dt.timedelta(days=(end.isoweekday() - weekday - 1) % 7 + 1)
    return Resolved("DATE", day_value(day), anchor, day=day, year=day.year)


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
    "nth_weekday": resolve_nth_weekday,
}
