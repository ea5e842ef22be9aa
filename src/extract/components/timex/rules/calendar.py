"""Rules for calendar expressions: dates, weekdays, relative days and periods, seasons, holidays.

Each rule takes the index of the token where an expression may begin and returns
(start, end, Meaning) or None; `timex_grammar.Scanner` keeps the longest match.
`Scanner` mixes these with `QuantityRules`, so a rule may call one of those ("ce
midi" asks `clock` first).
"""

from __future__ import annotations

from dataclasses import replace

from extract.components.timex.meaning import Match, Meaning
from extract.components.timex.rules.days import DayRules
from extract.components.timex.tokens import PERIOD_UNITS, ROMAN_ORDINAL, SLASH_DATE

# Words after which "d'hiver", "d'été" is the season itself: "les mois d'été", "la fin d'hiver".
SEASON_OF = frozenset({"mois", "fin", "début", "milieu", "cœur", "plein", "coeur", "veille", "lendemain"})
DAY_EDGE_PART = {"START": "MO", "MID": "AF", "END": "EV"}  # "en début / milieu / fin de journée"
ORDINALS = {
    "premier": 1,
    "première": 1,
    "1er": 1,
    "deuxième": 2,
    "second": 2,
    "seconde": 2,
    "2e": 2,
    "troisième": 3,
    "3e": 3,
    "quatrième": 4,
    "4e": 4,
}


class CalendarRules(DayRules):
    """le 3 mars 2019, mars 2019, les années 60, la semaine dernière, mardi, l'été dernier, Noël; the day rules come from `DayRules`."""

    def edge(self, i: int) -> Match | None:
        """la fin de l'année, début 2020, fin décembre, mi-mars, au début des années 60."""
        start = i
        if self.at(i) in ("la", "le", "l'"):
            i += 1
        word = self.at(i)
        if word.startswith("mi-") and self.lex.get("month", word[3:]):
            end = i + 1
            year = self.year_number(end, short_ok=False)
            meaning = Meaning(
                "calendar", month=int(self.lex.get("month", word[3:]) or 0), edge="MID", year=year[1] if year else None
            )
            return start, year[0] if year else end, meaning
        edge = self.kind("edge", i)
        if edge is None or (edge == "MID" and word == "courant" and start != i):
            return None
        if self.at(i - 2) in ("fête", "fêtes") and self.at(i - 1) == "de":
            return None  # "une fête de fin d'année": a kind of party (holiday() reads "les fêtes de fin d'année")
        j = i + 1
        if self.at(j) == "-" and edge == "MID":
            j += 1
        if self.at(j) in ("de", "d'", "du", "des"):
            link = self.at(j)
            j += 1
            if link == "du" or link == "des":
                inner = self.calendar(j) or self.period(j)
                if inner is None and link == "du" and self.at(j) in ("mois", "siècle", "trimestre"):
                    inner = (j, j + 1, Meaning("period", unit=PERIOD_UNITS.get(self.at(j), "CE"), offset=0))
                if inner is None and link == "des" and self.at(j) == "années":
                    inner = self.decade(j - 1, j)
            else:
                inner = self.period(j) or self.calendar(j) or self.demonstrative(j) or self.season(j)
                if inner is None and self.at(j) in ("l'", "la") and self.at(j + 1) in ("année", "an", "semaine"):
                    inner = (j, j + 2, Meaning("period", unit=PERIOD_UNITS[self.at(j + 1)], offset=0))
                if inner is None and self.at(j) in ("année", "semaine", "mois") and link in ("d'", "de"):
                    inner = (j, j + 1, Meaning("period", unit=PERIOD_UNITS[self.at(j)], offset=0))
                if inner is None and self.at(j) in ("matinée", "soirée", "journée", "après-midi", "nuit"):
                    # "en fin de matinée": a part of the day in context (a day word before it reads it first)
                    part = DAY_EDGE_PART[edge] if self.at(j) == "journée" else self.lex.get("part", self.at(j))
                    return start, j + 1, Meaning("clock", part=part)
        else:
            inner = self.calendar(j)
            if inner and inner[2].day is not None:
                return None
        if inner is None or inner[0] != j and inner[0] != j - 1:
            return None
        meaning = inner[2]
        if meaning.kind in ("calendar", "period", "season") and meaning.edge is None:
            return start, inner[1], replace(meaning, edge=edge)
        return None

    def calendar(self, i: int) -> Match | None:
        """le samedi 5 juin 1999, 17/12/2018, mars 2019, octobre 98, en 2004, les années 60, XIXe siècle."""
        start = i
        word = self.at(i)
        if word in ("des", "aux") and self.at(i + 1) == "années":
            return self.decade(i + 1, i + 1)  # "des années 90": the contracted article stays out
        if word in ("le", "l'", "les"):
            i += 1
        weekday = None
        if self.kind("weekday", i) and self.day_number(i + 1) and self.kind("month", i + 2):
            weekday = int(self.kind("weekday", i) or 0)
            i += 1
        day = self.day_number(i)
        if day and self.kind("month", day[0]):
            end = day[0] + 1
            meaning = Meaning("calendar", day=day[1], month=int(self.kind("month", day[0]) or 0), weekday=weekday)
            year = self.year_number(end, short_ok=True)
            if year:
                end = year[0]
                meaning = replace(meaning, year=year[1], short_year=year[2])
            direction = self.direction(end)
            if direction and direction[1] != 0 and not direction[2]:
                end, meaning = direction[0], replace(meaning, direction=direction[1])
            return start, end, meaning
        if weekday:
            return None
        token_text = self.at(i)
        m = SLASH_DATE.match(token_text)
        if (
            m
            and 1 <= int(m.group(1)) <= 31
            and 1 <= int(m.group(2)) <= 12
            and (m.group(3) or word == "le" or self.at(i - 1) in ("du", "au"))
        ):  # not a fraction: "3/4 des élus"
            year_text = m.group(3)
            meaning = Meaning(
                "calendar",
                day=int(m.group(1)),
                month=int(m.group(2)),
                year=int(year_text) if year_text else None,
                short_year=bool(year_text) and len(year_text) == 2,
            )
            return start, i + 1, meaning
        if (
            token_text.isdigit()
            and len(token_text) == 4
            and self.seq(i + 1, ("-",))
            and self.at(i + 2).isdigit()
            and self.at(i + 3) == "-"
            and self.at(i + 4).isdigit()
        ):
            month, day_ = int(self.at(i + 2)), int(self.at(i + 4))
            if 1 <= month <= 12 and 1 <= day_ <= 31:
                return i, i + 5, Meaning("calendar", year=int(token_text), month=month, day=day_)
        month_code = self.kind("month", i)
        if month_code and start == i:
            token = self.doc[i]
            if token.text[0].isupper() and not token.is_sent_start and token.lower_ in ("mars", "mai"):
                return None
            end = i + 1
            meaning = Meaning("calendar", month=int(month_code))
            year = self.year_number(end, short_ok=True)
            if year:
                end, meaning = year[0], replace(meaning, year=year[1], short_year=year[2])
            direction = self.direction(end)
            if direction and direction[1] != 0 and not direction[2]:
                end, meaning = direction[0], replace(meaning, direction=direction[1])
            return i, end, meaning
        if word == "les" and self.at(i) == "années":
            return self.decade(start, i)
        if word in ("l'",) and self.at(i) in ("année", "an"):
            year = self.year_number(i + 1)
            if year:
                return start, year[0], Meaning("calendar", year=year[1])
            return None
        if start == i and self.at(i) == "années" and self.integer(i + 1):
            return None
        ordinal = ROMAN_ORDINAL.match(token_text)
        if ordinal and self.at(i + 1) == "siècle":
            numeral = ordinal.group(1)
            century = int(numeral) if numeral.isdigit() else roman_to_int(numeral)
            if century and 1 <= century <= 21:
                return start, i + 2, Meaning("calendar", century=century)
        if start == i:
            previous = self.at(i - 1)
            if previous in ("les", "des", "aux", "environ", "quelque") or self.at(i - 2) in ("plus", "moins", "près"):
                return None  # a count: "plus de 1500", "les 1200"
            year = self.year_number(i, short_ok=previous == "en")
            if year and self.names_a_number(i):
                return None
            if year and (not year[2] or previous == "en"):
                return i, year[0], Meaning("calendar", year=year[1], short_year=year[2])
        return None

    def decade(self, start: int, i: int) -> Match | None:
        """(les) années 60 / 1990 / soixante, token i being "années"."""
        number = self.integer(i + 1)
        if number and (number[1] % 10 == 0) and (10 <= number[1] <= 90 or 1000 <= number[1] <= 2090):
            decade = number[1] // 10 if number[1] >= 1000 else 190 + number[1] // 10
            return start, number[0], Meaning("calendar", decade=decade)
        return None

    def period(self, i: int) -> Match | None:
        """la semaine dernière, le mois prochain, l'an dernier, le dernier trimestre, le premier semestre 2019."""
        start = i
        if self.at(i) not in ("la", "le", "l'", "au"):
            return None
        if self.at(i) == "au":
            start += 1  # "au dernier trimestre": the contracted article stays out
        before = self.direction(i + 1)
        if before and not before[2] and (after := self.unit_at(i + 2)) and after[1] in ("W", "M", "Q", "HALF", "WE"):
            end, code, _ = after
            if self.at(end) in ("de", "du", "d'"):
                return None  # "la dernière semaine de mars": the last of that month, not the last one
            return start, end, Meaning("period", unit=code, offset=before[1])
        rank = ORDINALS.get(self.at(i + 1))
        if rank and self.at(i + 2) in ("trimestre", "semestre"):
            code = "Q" if self.at(i + 2) == "trimestre" else "HALF"
            year = self.year_number(i + 3)
            if rank <= (4 if code == "Q" else 2):
                return (
                    start,
                    year[0] if year else i + 3,
                    Meaning("period", unit=code, rank=rank, year=year[1] if year else None),
                )
        if start != i:
            return None
        unit = self.unit_at(i + 1)
        if unit is None or unit[1] not in ("W", "M", "Y", "Q", "WE", "HALF"):
            return None
        end = unit[0]
        if self.at(i + 1) == "mois" and self.at(end) in ("de", "d'") and self.kind("month", end + 1):
            inner = self.calendar(end + 1)
            if inner:
                return start, inner[1], inner[2]
        direction = self.direction(end)
        if direction is None:
            return None
        code = unit[1]
        return start, direction[0], Meaning("period", unit=code, offset=direction[1], from_previous=direction[2])

    def weekday(self, i: int) -> Match | None:
        """lundi, jeudi dernier, mardi prochain, le mercredi (a habit in the present), dimanche soir."""
        start = i
        determiner = self.at(i) == "le"
        if determiner:
            i += 1
        weekday = self.kind("weekday", i)
        if weekday is None or self.at(i + 1) == "saint":
            return None
        meaning = Meaning("weekday", weekday=int(weekday))
        end = i + 1
        direction = self.direction(end)
        if direction and not direction[2]:
            end, meaning = direction[0], replace(meaning, direction=direction[1])
        elif direction and direction[2]:
            end, meaning = direction[0], replace(meaning, direction=direction[1], from_previous=True)
        elif determiner:
            meaning = replace(meaning, habitual=True)
        end, meaning = self.with_part(end, meaning)
        return start if determiner else i, end, meaning

    def season(self, i: int) -> Match | None:
        """l'été dernier, cet hiver, au printemps, les mois d'été; not "il a été"."""
        start = i
        if self.at(i) in ("l'", "le") or (self.at(i) == "les" and self.at(i + 1) == "mois"):
            i += 1
        if self.at(i) == "mois" and self.at(i + 1) in ("d'", "de"):
            i += 2
        word = self.at(i)
        season = self.kind("season", i)
        if season is None:
            return None
        token = self.doc[i]
        if start == i and self.at(i - 1) in ("d'", "de") and self.at(i - 2) not in SEASON_OF:
            return None  # "les Jeux olympiques d'hiver", "les sports d'hiver", "l'heure d'été": a kind, not a date
        if token.is_title and not token.is_sent_start and self.at(i - 1) in ("le", "l'", "du", "au"):
            return None  # "le Printemps arabe", "le Printemps de Bourges": a name
        if word in ("été", "eté"):
            before = self.doc[i - 1] if i > 0 else None
            if token.pos_ != "NOUN" and (
                before is None or before.lower_ not in ("l'", "le", "cet", "en", "d'", "de", "au", "du", "les")
            ):
                return None
            if before is not None and before.pos_ in ("AUX", "VERB"):
                return None
            if before is not None and before.pos_ == "PRON" and not (self.direction(i + 1) or self.year_number(i + 1)):
                return None  # "l'a été", but "l'été prochain" (the tagger reads that "l'" as a pronoun too)
        if (
            self.at(i + 1) in ("de", "du", "des", "d'")
            and not self.year_number(i + 2)
            and not self.seq(i + 2, ("l'", "année"))
        ):
            return None  # "le Printemps de l'environnement", a name
        meaning = Meaning("season", season=season)
        end = i + 1
        direction = self.direction(end)
        if direction and not direction[2]:
            end, meaning = direction[0], replace(meaning, direction=direction[1])
        year = self.year_number(end)
        if year:
            end, meaning = year[0], replace(meaning, year=year[1])
        return start, end, meaning

    def holiday(self, i: int) -> Match | None:
        """Noël, la Pentecôte, cette fête de Pentecôte, les fêtes de fin d'année."""
        start = i
        if self.at(i) in ("la", "le", "l'", "les", "cette", "ces"):
            i += 1
        if self.at(i) in ("fête", "fêtes") and self.at(i + 1) in ("de", "du", "d'"):
            if self.seq(i + 2, ("fin", "d'", "année")) and start != i:
                return start, i + 5, Meaning("calendar", month=12, holiday="year_end")
            i += 2
            if self.at(i) == "la":
                i += 1
        for phrase, value in self.lex.phrases("holiday", self.at(i)):
            if self.seq(i, phrase):
                end = i + len(phrase)
                if end < self.n and self.doc[end].pos_ == "PROPN" and self.doc[end].is_title:
                    return None  # a name: "Noël Mamère", "Toussaint Louverture"
                year = self.year_number(end)
                meaning = Meaning("calendar", holiday=value, year=year[1] if year else None)
                return start, year[0] if year else end, meaning
        return None


def roman_to_int(numeral: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for a, b in zip(numeral, numeral[1:] + " "):
        if a not in values:
            return None
        total += -values[a] if b in values and values[b] > values[a] else values[a]
    return total
