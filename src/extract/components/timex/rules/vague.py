"""Rules for vague references and lengths (maintenant, à l'époque, depuis longtemps, toute
la journée) and for a weekday counted in a period ("le premier dimanche de mars").

Each rule takes the index of the token where an expression may begin and returns
(start, end, Meaning) or None; `timex_grammar.Scanner` keeps the longest match.
"""

from __future__ import annotations

from extract.components.timex.meaning import Match, Meaning
from extract.components.timex.tokens import TokenReader

# "depuis longtemps", "pendant longtemps": a length of unknown years; "il y a longtemps" is the past.
LONG_SIGNALS = frozenset({"depuis", "pendant", "durant", "pour", "si", "trop", "aussi", "plus"})
WHOLE = frozenset({"tout", "toute", "tous", "toutes"})
WHOLE_UNITS = {"journée": "D", "semaine": "W", "année": "Y", "mois": "M", "week-end": "WE"}
RANKS = {"premier": 1, "première": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4, "dernier": -1}


class VagueRules(TokenReader):
    """maintenant, désormais, à l'époque, depuis longtemps, toute la journée, en plein après-midi, annuel."""

    def vague(self, i: int) -> Match | None:
        """maintenant, désormais, pour l'instant, l'actuel (PRESENT_REF), auparavant (PAST_REF)."""
        for phrase, value in self.lex.phrases("vague", self.at(i)):
            if self.seq(i, phrase):
                if phrase[0] in ("actuel", "actuelle", "actuels", "actuelles") and self.doc[i].pos_ != "ADJ":
                    return None
                return i, i + len(phrase), Meaning("ref", value=value, timex_type="TIME")
        return None

    def here(self, i: int) -> Match | None:
        """d'ici (la fin de l'année): the "ici" is the present, French TimeBank marks it.

        Before a date ("d'ici le 30 juin") it is the publication day; before a length
        ("d'ici à dix ans", "d'ici deux mois") the present seen from, `PRESENT_REF`.
        """
        if self.at(i) == "d'" and self.at(i + 1) == "ici" and self.at(i + 2) not in (",", ".", "-", "peu", "là"):
            if self.counts_a_length(i + 3 if self.at(i + 2) == "à" else i + 2):
                return i + 1, i + 2, Meaning("ref", value="PRESENT_REF", timex_type="TIME")
            return i + 1, i + 2, Meaning("now")
        return None

    def counts_a_length(self, i: int) -> bool:
        """A number of units at i ("dix ans", "deux mois"), not a year or a day ("2020", "le 3")."""
        number = self.integer(i)
        if number is None:
            return False
        unit = self.lex.get("unit", self.at(number[0]))
        return unit is not None and unit not in ("S", "MIN")

    def frequency_adjective(self, i: int) -> Match | None:
        """annuel, mensuel, hebdomadaire (as adjectives: a SET)."""
        value = self.kind("frequency_adj", i)
        if self.at(i - 1) in ("presse", "journal", "journaux", "principaux", "grands"):
            return None  # "la presse quotidienne", "les grands quotidiens": newspapers
        if value and self.doc[i].pos_ == "ADJ":
            return i, i + 1, Meaning("set", value=value, timex_type="SET")
        return None

    def era(self, i: int) -> Match | None:
        """à l'époque, à cette époque (PAST_REF): not "l'époque de Napoléon", a named one."""
        if self.at(i - 1) != "à" or self.at(i) not in ("l'", "cette") or self.at(i + 1) != "époque":
            return None
        end = i + 2
        if end < self.n and self.doc[end].pos_ == "ADJ" and self.at(end) not in ("où",):
            end += 1  # "à l'époque gréco-romaine"
        elif self.at(end) in ("de", "du", "des", "d'"):
            return None
        return i, end, Meaning("ref", value="PAST_REF", timex_type="TIME")

    def long_time(self, i: int) -> Match | None:
        """depuis longtemps, pendant longtemps (DURATION PXY); il y a longtemps (PAST_REF)."""
        if self.at(i) != "longtemps":
            return None
        if self.seq(i - 3, ("il", "y", "a")):
            return i - 3, i + 1, Meaning("ref", value="PAST_REF", timex_type="DATE")
        if self.at(i - 1) in LONG_SIGNALS:
            return i, i + 1, Meaning("duration", value="PXY", timex_type="DURATION")
        return None

    def whole_unit(self, i: int) -> Match | None:
        """toute la journée, toute l'année, toute la semaine: a length of one unit (P1D, P1Y)."""
        if self.at(i) not in WHOLE or self.at(i + 1) not in ("la", "l'", "le"):
            return None
        unit = WHOLE_UNITS.get(self.at(i + 2))
        if unit is None:
            return None
        return i, i + 3, Meaning("duration", unit=unit, amount=1)

    def in_full_part(self, i: int) -> Match | None:
        """en plein après-midi, en pleine nuit: that part of the day in context."""
        if self.at(i) not in ("plein", "pleine") or self.at(i - 1) != "en":
            return None
        part = self.lex.get("part", self.at(i + 1))
        if part is None or part.startswith("T"):
            return None
        return i, i + 2, Meaning("clock", part=part)

    def nth_weekday(self, i: int) -> Match | None:
        """le premier dimanche de mars, le dernier lundi du mois, le premier dimanche du printemps."""
        if self.at(i) not in ("le", "au") or (rank := RANKS.get(self.at(i + 1))) is None:
            return None
        weekday = self.kind("weekday", i + 2)
        if weekday is None or self.at(i + 3) not in ("de", "du", "d'"):
            return None
        j = i + 4
        month = self.kind("month", j)
        if self.at(i + 3) == "du" and self.at(j) in ("printemps", "mois"):
            season = self.kind("season", j)
            meaning = Meaning("nth_weekday", weekday=int(weekday), rank=rank, season=season)
        elif month is not None and self.at(i + 3) != "du":
            meaning = Meaning("nth_weekday", weekday=int(weekday), rank=rank, month=int(month))
        elif self.at(i + 3) in ("de", "d'") and self.kind("season", j + 1) and self.at(j) in ("l'",):
            j += 1
            meaning = Meaning("nth_weekday", weekday=int(weekday), rank=rank, season=self.kind("season", j))
        else:
            return None
        start = i + 1 if self.at(i) == "au" else i
        return start, j + 1, meaning
