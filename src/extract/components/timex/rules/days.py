"""Rules for days: hier, demain, le lendemain, ce soir, cette nuit, la nuit de samedi à dimanche.

Mixed into `CalendarRules`, like the calendar rules into `timex.grammar.Scanner`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.components.timex.meaning import Match, Meaning
from extract.components.timex.tokens import PERIOD_UNITS, TokenReader


class DayRules(TokenReader):
    """hier, aujourd'hui, le lendemain, cette nuit, ce soir, la nuit de samedi à dimanche, en fin de matinée."""

    if TYPE_CHECKING:  # from QuantityRules, mixed in by timex_grammar.Scanner (not defined here: it would shadow them)

        def clock(self, i: int) -> Match | None: ...
        def unit_at(self, i: int) -> tuple[int, str, float] | None: ...

    def day_word(self, i: int) -> Match | None:
        """hier, aujourd'hui, demain [soir | en début d'après-midi | vendredi]."""
        offset = self.kind("day_word", i)
        if offset is None:
            return None
        end, meaning = self.with_part(i + 1, Meaning("day_word", offset=int(offset)))
        if self.kind("weekday", end) and not meaning.part:
            end, meaning = self.with_part(end + 1, meaning)
        return i, end, meaning

    def previous_day(self, i: int) -> Match | None:
        """le lendemain, la veille au soir, le même jour, ce jour-là."""
        word = self.at(i)
        start = i
        if word in ("le", "la", "l'"):
            i += 1
            word = self.at(i)
        offset = self.kind("previous_day", i)
        if offset is not None:
            event = self.event_noun(i + 1) if self.at(start - 1) in ("au", "à") else None
            meaning = Meaning("previous_day", offset=int(offset), of_event=event is not None, event=event)
            end, meaning = self.with_part(i + 1, meaning)
            return start, end, meaning
        if start != i and self.seq(i, ("même", "jour")):
            # "le même jour qu'un attentat au Koweït": the day of that event, when the text gives it
            event = self.event_noun(i + 2, links=("que", "qu'"))
            return start, i + 2, Meaning("previous_day", offset=0, of_event=event is not None, event=event)
        if start != i and self.seq(i, ("jour", "même")):
            return start, i + 2, Meaning("previous_day", offset=0)
        if word in ("ce",) and self.at(i + 1) == "jour" and self.at(i + 2) == "-là":
            return i, i + 3, Meaning("previous_day", offset=0)
        return None

    def demonstrative(self, i: int) -> Match | None:
        """ce soir, cette semaine, ce lundi, ce même lundi après-midi, cet été, ce mois-ci."""
        if self.at(i) not in ("ce", "cet", "cette"):
            return None
        j = i + 1
        if self.at(j) == "même":
            j += 1
        word = self.at(j)
        if word in ("matin", "soir", "après-midi", "midi", "nuit", "soir-là"):
            if word == "midi" and self.clock(j):
                return None
            return i, j + 1, Meaning("day_word", offset=0, part=self.lex.get("part", word))
        if word == "jour" and j == i + 1 and self.at(j + 1) not in ("de", "d'", "où", "-là", "là", "-"):
            return i, j + 1, Meaning("day_word", offset=0)  # "révélés ce jour": today
        if self.kind("weekday", j):
            end, meaning = self.with_part(
                j + 1, Meaning("weekday", weekday=int(self.kind("weekday", j) or 0), direction=0)
            )
            return i, end, meaning
        if word in PERIOD_UNITS or word == "week":
            unit = self.unit_at(j)
            end = unit[0] if unit else j + 1
            code = PERIOD_UNITS.get(word, "WE")
            previous = False
            if self.at(end) in ("-ci", "-là"):
                previous = self.at(end) == "-là"
                end += 1
            elif self.at(end) == "-" and self.at(end + 1) in ("ci", "là"):
                previous = self.at(end + 1) == "là"
                end += 2
            return i, end, Meaning("period", unit=code, offset=0, from_previous=previous)
        if self.kind("season", j):
            return i, j + 1, Meaning("season", season=self.kind("season", j), direction=0)
        return None

    def night_of(self, i: int) -> Match | None:
        """la nuit de mardi à mercredi, la soirée de samedi, la nuit du 3 au 4 mars, dans la matinée."""
        start = i
        if self.at(i) in ("la", "le"):
            i += 1
        part = self.at(i)
        if part not in ("nuit", "soirée", "matinée", "journée", "après-midi"):
            return None
        part_code = self.lex.get("part", part) if part != "journée" else None
        if self.at(i + 1) not in ("de", "du", "d'"):
            if start != i and self.at(start - 1) in ("dans", "durant", "pendant") and not self.direction(i + 1):
                return start, i + 1, Meaning("clock", part=part_code)  # "dans la nuit": of the day in context
            return None
        j = i + 2
        weekday = self.kind("weekday", j)
        if weekday:
            end = j + 1
            if self.at(end) in ("à", "au") and self.kind("weekday", end + 1):
                end += 2
            return start, end, Meaning("weekday", weekday=int(weekday), part=part_code)
        day = self.day_number(j)
        if day:
            end = day[0]
            if self.at(end) in ("à", "au") and (last := self.day_number(end + 1)):
                end = last[0]
            if self.kind("month", end):
                month = int(self.kind("month", end) or 0)
                end += 1
                year = self.year_number(end)
                if year:
                    end = year[0]
                return (
                    start,
                    end,
                    Meaning("calendar", day=day[1], month=month, year=year[1] if year else None, part=part_code),
                )
        day_word = self.kind("day_word", j)
        if day_word is not None:
            return start, j + 1, Meaning("day_word", offset=int(day_word), part=part_code)
        return None
