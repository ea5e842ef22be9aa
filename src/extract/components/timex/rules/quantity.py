"""Rules for quantities of time: clock times, durations, offsets, sets.

Each rule takes the index of the token where an expression may begin and returns
(start, end, Meaning) or None; `timex_grammar.Scanner` keeps the longest match.
"""

from __future__ import annotations

from dataclasses import replace

from extract.components.timex.meaning import Match, Meaning
from extract.components.timex.tokens import (
    AFTER_WORDS,
    CLOCK_TOKEN,
    DECIMAL,
    DEMONSTRATIVES,
    DETERMINERS,
    DURATION_HEDGES,
    ROUND_THE_CLOCK,
    TokenReader,
)


class QuantityRules(TokenReader):
    """18 h 50, trois jours, il y a trois jours, chaque année, 24h / 24."""

    def round_the_clock(self, i: int) -> Match | None:
        """24h/24, 24 heures sur 24, 7j/7, 7 jours sur 7: always (SET)."""
        word = self.at(i)
        if ROUND_THE_CLOCK.match(word):
            value = "P1D" if word.startswith("7") else "PT1H"
            return i, i + 1, Meaning("set", value=value, timex_type="SET")
        if word in ("24h", "24", "7j", "7", "sept"):
            j = i + 1
            if word in ("24", "7", "sept") and self.at(j) in ("h", "heures", "jours", "j"):
                j += 1
            if self.at(j) in ("/", "sur") and self.at(j + 1) in ("24", "7", "sept"):
                value = "PT1H" if word.startswith("24") else "P1D"
                return i, j + 2, Meaning("set", value=value, timex_type="SET")
        return None

    def set_expression(self, i: int) -> Match | None:
        """chaque année, tous les lundis, tous les deux ans, par an (extent: the unit)."""
        word = self.at(i)
        if word == "par" and self.at(i + 1) in (
            "an",
            "jour",
            "mois",
            "semaine",
            "semestre",
            "trimestre",
            "heure",
            "année",
        ):
            unit = self.kind("unit", i + 1)
            return i + 1, i + 2, Meaning("set", unit=unit, amount=1)
        if word == "chaque":
            j = i + 1
        elif word in ("tous", "toutes") and self.at(i + 1) == "les":
            j = i + 2
        else:
            return None
        amount = 1.0
        number = self.integer(j)
        if number and self.kind("unit", number[0]):
            j, amount = number[0], float(number[1])
        head = self.at(j)
        if self.kind("unit", j):
            return i, j + 1, Meaning("set", unit=self.kind("unit", j), amount=amount)
        weekday = self.lex.get("weekday", head[:-1] if head.endswith("s") else head)
        if weekday:
            end, meaning = self.with_part(j + 1, Meaning("set", weekday=int(weekday)))
            return i, end, meaning
        if head.rstrip("s") in ("matin", "soir", "nuit", "après-midi", "midi"):
            return i, j + 1, Meaning("set", part=self.lex.get("part", head.rstrip("s")))
        if head in ("week-end", "week-ends") or (head == "week" and self.at(j + 2).startswith("end")):
            return i, j + (1 if head.startswith("week-") else 3), Meaning("set", unit="WE", amount=1)
        return None

    def clock(self, i: int) -> Match | None:
        """18 h 50, 22h30, à 5 heures, vers midi, 8 h du matin; absorbs a following weekday."""
        word = self.at(i)
        hour = minute = None
        m = CLOCK_TOKEN.match(word)
        if m:
            hour, minute, end = int(m.group(1)), int(m.group(2) or 0), i + 1
            if self.at(end).isdigit() and len(self.at(end)) == 2 and not m.group(2):
                minute, end = int(self.at(end)), end + 1
        elif word in ("midi", "minuit"):
            if not (self.lex.get("clock_signal", self.at(i - 1)) is not None or self.at(i - 1) in DEMONSTRATIVES):
                return None
            # "minuit" ends the day it is told on ("à minuit le vendredi": Friday T24:00),
            # "après minuit" opens it (T00:00).
            starts_day = self.at(i - 1) in ("après", "depuis", "dès")
            hour, minute, end = (12 if word == "midi" else 0 if starts_day else 24), 0, i + 1
            if self.seq(end, ("et", "demi")) or self.seq(end, ("et", "demie")):
                hour, minute, end = hour % 24, 30, end + 2
        else:
            number = self.integer(i)
            if not number or not 0 <= number[1] <= 24:
                return None
            j = number[0]
            if self.at(j) in ("h", "h."):
                pass
            elif self.at(j) in ("heure", "heures"):
                signal = self.clock_signal_before(i)
                told = (
                    self.at(j + 1).isdigit()
                    or self.at(j + 1) == "du"
                    or self.at(j + 1) == "et"
                    and self.at(j + 2) in ("demie", "quart")
                )
                if self.at(j + 1) in ("de", "d'") and not self.seq(j + 1, ("de", "l'", "après-midi")):
                    return None  # "après quinze heures de lutte": a length
                if self.lex.get("clock_signal", signal) is None and not told:
                    return None
                if word in ("une", "un") and (self.lex.get("clock_signal", signal) is None or not told):
                    return None  # "une heure plus tardive", "d'une heure et demie": a length
                if signal in ("de", "depuis", "et", "entre") and not self.at(j + 1).isdigit():
                    return None
            else:
                return None
            hour, minute, end = number[1], 0, j + 1
            if self.at(end).isdigit() and len(self.at(end)) == 2 and int(self.at(end)) < 60:
                minute, end = int(self.at(end)), end + 1
            elif self.seq(end, ("et", "demie")):
                minute, end = 30, end + 2
            elif self.seq(end, ("et", "quart")):
                minute, end = 15, end + 2
        if hour is None or hour > 24 or minute is None or minute > 59:
            return None
        if self.at(end) == "du" and self.at(end + 1) in ("matin", "soir"):
            hour += 12 if self.at(end + 1) == "soir" and hour < 12 else 0
            end += 2
        elif self.seq(end, ("de", "l'", "après-midi")):
            hour += 12 if hour < 12 else 0
            end += 3
        meaning = Meaning("clock", hour=hour, minute=minute)
        if self.kind("weekday", end):
            meaning = replace(meaning, weekday=int(self.kind("weekday", end) or 0))
            end += 1
        return i, end, meaning

    def amount(self, i: int) -> tuple[int, float | None] | None:
        """How many: 3, trois, 30,4, plusieurs, quelques, des, une dizaine de (None = vague)."""
        word = self.at(i)
        if DECIMAL.match(word):
            return i + 1, float(word.replace(",", "."))
        if self.kind("vague_number", i):
            return i + 1, None
        if word == "de" and self.at(i + 1) in ("nombreuses", "nombreux"):
            return i + 2, None
        if word in ("une", "un") and self.kind("approx_number", i + 1) and self.at(i + 2) in ("de", "d'"):
            return i + 3, float(self.kind("approx_number", i + 1) or 0)
        if word in ("un", "trois") and self.at(i + 1) in ("quart", "quarts") and self.at(i + 2) == "d'":
            return i + 3, 0.25 if word == "un" else 0.75  # "un quart d'heure"
        number = self.integer(i)
        if number:
            return number[0], float(number[1])
        return None

    def unit_at(self, i: int) -> tuple[int, str, float] | None:
        """A unit at i, with a multiplier for half units: (end, unit, factor)."""
        word = self.at(i)
        if word.startswith("demi-") and self.lex.get("unit", word[5:]):
            return i + 1, self.lex.get("unit", word[5:]) or "", 0.5
        unit = self.kind("unit", i)
        if unit and not (unit in ("S", "MIN") and self.doc[i].pos_ == "ADJ"):
            return i + 1, unit, 1.0
        if word == "week" and self.at(i + 1) == "-" and self.at(i + 2).startswith("end"):
            return i + 3, "WE", 1.0
        if word in ("week-end", "week-ends"):
            return i + 1, "WE", 1.0
        return None

    def is_age(self, i: int, unit_token: int) -> bool:
        """Whether "N ans" (number at i, unit at unit_token) gives someone's age.

        An age: "âgé de 54 ans", "un Français de 29 ans", "un chauffeur de bus de 38 ans",
        "une femme d'une trentaine d'années",
        "Pierre, 29 ans,", "(29 ans)", "elle avait 29 ans", "les 6-16 ans", "de 2 à 8 ans"
        after a person. A length: "une peine de 2 ans", "écopé de 2 ans", "depuis deux ans".
        """
        if self.at(unit_token) not in ("an", "ans", "années"):
            return False
        doc = self.doc
        for hedge in DURATION_HEDGES:
            if i >= len(hedge) and self.seq(i - len(hedge), hedge):
                return self.is_age(i - len(hedge), unit_token)  # "âgés de moins de deux ans"
        before = self.at(i - 1)
        if before in ("à", "-", "et", "ou") and i >= 2 and doc[i - 2].like_num:
            return self.is_age(i - 2, unit_token)
        if before in ("les", "des", "aux"):
            return True  # an age group: "les 18-25 ans", "des 0-6 ans"
        if before in ("de", "d'"):
            k = i - 2
            while (
                k >= 0
                and doc[k].pos_ in ("ADJ", "ADV")
                and not doc[k].is_title
                and not doc[k].lower_.startswith(("âgé", "agé"))
            ):
                k -= 1
            if k < 0:
                return False
            owner = doc[k]
            lemma = owner.lemma_.lower()
            if owner.lower_.startswith(("âgé", "agé")) or lemma == "âge":
                return True
            if owner.pos_ in ("NOUN", "PROPN") or owner.ent_type_ == "PER" or owner.is_title:
                return lemma not in self.lex.words("duration_noun") and owner.lower_ not in self.lex.words(
                    "duration_noun"
                )
            return False
        if before in (",", "(") and self.at(unit_token + 1) in (",", ")", ".", ";", ""):
            return True  # "André Dupont, 18 ans, domicilié..."
        unit = doc[unit_token]
        return unit.head.lemma_ == "avoir" and unit.dep_ == "obj" and unit.head.i < i

    def duration(self, i: int) -> Match | None:
        """trois jours, 46 mois, plusieurs semaines, plus de vingt ans, ces derniers jours."""
        start, j = i, i
        for hedge in DURATION_HEDGES:
            if self.seq(j, hedge):
                j += len(hedge)
                break
        if j > i and self.clock_signal_before(j) == "vers" and self.clock(j):
            return None  # "à environ 21 heures", "aux alentours de 18 h": a clock time, not a length
        if self.at(j) in ("ces", "les", "des") and self.at(j + 1).startswith(("dernier", "dernièr", "prochain")):
            if self.at(j) == "des":
                start = j + 1  # "au cours des derniers mois": the contracted article stays out
            j += 2  # "ces derniers jours", "les dernières 24 heures"
            number = self.amount(j)
            count = None
            if number and number[0] > j and not self.kind("vague_number", j):
                j, count = number
            unit = self.unit_at(j)
            if unit:
                return start, unit[0], Meaning("duration", unit=unit[1], amount=count)
            return None
        if self.at(j) in ("les", "des") and (counted := self.integer(j + 1)) and self.kind("direction", counted[0]):
            if self.at(j) == "des":
                start = j + 1  # "lors des dix dernières années"
            j_num, count = counted
            unit = self.unit_at(j_num + 1)
            if unit:
                return start, unit[0], Meaning("duration", unit=unit[1], amount=float(count))
        if self.at(j) in ("un", "une") and self.at(j + 1).startswith("demi-"):
            unit = self.unit_at(j + 1)
            if unit:
                return start, unit[0], Meaning("duration", unit=unit[1], amount=0.5)
        if self.kind("term", j):
            return j, j + 1, Meaning("duration", value=self.kind("term", j), timex_type="DURATION")
        quantity = self.amount(j)
        if not quantity:
            return None
        j_unit, count = quantity
        if self.at(j_unit) in ("seule", "seul", "bonne", "petite", "longue", "longues", "longs", "longues"):
            j_unit += 1  # "une seule semaine", "trois longues années"
        unit = self.unit_at(j_unit)
        if not unit:
            return None
        end, unit_code, factor = unit
        if count is not None:
            count *= factor
        word = self.at(j)
        if (
            count is None
            and word == "des"
            and (self.at(j_unit + 1).isdigit() or self.at(j_unit + 1) in ("soixante", "cinquante"))
        ):
            return None  # des années 60: a decade, not a duration
        if (
            count is None
            and word == "des"
            and end < self.n
            and (self.doc[end].pos_ == "ADJ" or self.at(end) in ("de", "d'"))
        ):
            return None  # "des heures scolaires", "des jours de fête"
        if (
            word in ("un", "une")
            and self.at(j_unit) == "jour"
            and start == j
            and self.at(start - 1) not in ("d'", "de")
        ):
            return None  # "un jour": some day, not a day long
        if unit_code in ("Y", "M") and count is not None and self.is_age(start, j_unit):
            return None
        if self.seq(end, ("et", "demi")) or self.seq(end, ("et", "demie")):
            end += 2
            if count is not None:
                count += 0.5
        return start, end, Meaning("duration", unit=unit_code, amount=count)

    def offset(self, i: int) -> Match | None:
        """il y a trois jours, dans deux semaines, trois jours plus tard."""
        if self.seq(i, ("il", "y", "a")):
            sign, j = -1, i + 3
        elif self.at(i) == "dans" and self.at(i + 1) not in DETERMINERS | DEMONSTRATIVES:
            sign, j = 1, i + 1
        else:
            sign, j = 0, i
        quantity = self.amount(j)
        if not quantity:
            return None
        unit = self.unit_at(quantity[0])
        if not unit and self.at(quantity[0]) in ("instant", "instants") and quantity[1] is None:
            unit = (quantity[0] + 1, "S", 1.0)  # "quelques instants plus tôt" (kept only with plus tôt/tard)
            if sign or not any(self.seq(unit[0], words) for words in AFTER_WORDS):
                return None
        if not unit:
            return None
        end, unit_code, factor = unit
        count = quantity[1] * factor if quantity[1] is not None else None
        if sign:
            if count is None and self.at(j) == "des" and sign > 0:
                return None
            if sign > 0 and (self.at(end) in ("de", "d'") or end < self.n and self.doc[end].pos_ == "ADJ"):
                return None  # "dans un jour de grande maîtrise"
            if self.seq(end, ("jour", "pour", "jour")):
                return i, end + 3, Meaning("offset", unit=unit_code, amount=count, offset=sign, to_the_day=True)
            return i, end, Meaning("offset", unit=unit_code, amount=count, offset=sign)
        for words, after_sign in AFTER_WORDS.items():
            if self.seq(end, words):
                return (
                    i,
                    end + len(words),
                    Meaning("offset", unit=unit_code, amount=count, offset=after_sign, from_previous=True),
                )
        # "deux jours après l'attaque": from the attack's day, when the text gives it ("six ans
        # après sa victoire", "trois mois après l'attentat" stay lengths of time)
        event = self.event_noun(end, links=("après", "avant")) if count and unit_code in ("H", "D", "W") else None
        if event is not None:
            meaning = Meaning("offset", unit=unit_code, amount=count, offset=1 if self.at(end) == "après" else -1)
            return i, end + 1, replace(meaning, from_previous=True, of_event=True, event=event)
        if self.at(end) in ("après", "avant") and self.at(end + 1) in (",", ".", ";", ""):
            return (
                i,
                end + 1,
                Meaning(
                    "offset",
                    unit=unit_code,
                    amount=count,
                    offset=1 if self.at(end) == "après" else -1,
                    from_previous=True,
                ),
            )
        return None
