"""Recognise French time expressions on a parsed `Doc`: where they are and what they say.

`find_expressions(doc)` walks the tokens once. At each token that can start a time
expression (a cheap prefilter on the lower-cased text) it tries the rules below and
keeps the longest match. A rule reads token text, lemma, part of speech and
morphology ("été" the season only as a noun or after a determiner, "29 ans" an age
when it qualifies a person) and returns a `Meaning`: the calendar fields the words
give, still unresolved. `extract.annotate.timex_values` turns a meaning into a
TIMEX3 value against the publication date.

Extents follow ISO-TimeML as French TimeBank applies it: a determiner is part of the
expression ("le 3 mars", "la semaine dernière"), a preposition is not ("en 2004",
"vers 18 h 50", "au 30 juin"), a range or list is one expression per member ("du
19 au 23 juillet" → "19", "23 juillet").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from spacy.tokens import Doc, Token

from extract.annotate.timex_lexicon import STARTERS, TimexLexicon, load_lexicon, number_word

CLOCK_TOKEN = re.compile(r"^(\d{1,2})[hH](\d{2})?$")
SLASH_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$")
ROMAN_ORDINAL = re.compile(r"^([ivxl]+|\d{1,2})(e|è|ème|eme)$")
ROUND_THE_CLOCK = re.compile(r"^(24h/24|7j/7|24/24|7/7)$")
DECIMAL = re.compile(r"^\d+(?:[,.]\d+)?$")

DETERMINERS = {"le", "la", "l'", "les"}
DEMONSTRATIVES = {"ce", "cet", "cette", "ces"}
PERIOD_UNITS = {"semaine": "W", "mois": "M", "année": "Y", "an": "Y", "trimestre": "Q", "week-end": "WE"}
PART_NOUNS = {"matin", "matinée", "après-midi", "soir", "soirée", "nuit", "journée"}
AFTER_WORDS = {("plus", "tard"): 1, ("plus", "tôt"): -1, ("auparavant",): -1}
DURATION_HEDGES = [("plus", "de"), ("moins", "de"), ("près", "de"), ("au", "moins"), ("environ",),
                   ("quelque",), ("pas", "moins", "de"), ("au", "bout", "de"), ("presque",)]


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


@dataclass(frozen=True, slots=True)
class Found:
    """One recognised expression: tokens [start, end) and its meaning."""

    start: int
    end: int
    meaning: Meaning


Match = tuple[int, int, Meaning]


class Scanner:
    """The rules, applied to one `Doc`. Build one per document; call `scan()` once."""

    def __init__(self, doc: Doc, lexicon: TimexLexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        self.low = [t.lower_ for t in doc]
        self.n = len(doc)
        self.rules: list[Callable[[int], Match | None]] = [
            self.round_the_clock, self.set_expression, self.clock, self.offset, self.day_word,
            self.previous_day, self.demonstrative, self.night_of, self.edge, self.calendar,
            self.period, self.weekday, self.season, self.holiday, self.duration, self.vague,
            self.here, self.frequency_adjective,
        ]

    # ---- token helpers -------------------------------------------------------------
    def at(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def seq(self, i: int, words: tuple[str, ...]) -> bool:
        return tuple(self.low[i:i + len(words)]) == words

    def kind(self, kind: str, i: int) -> str | None:
        return self.lex.get(kind, self.at(i))

    def integer(self, i: int) -> tuple[int, int] | None:
        """A whole number in digits or words at token i: (end, value)."""
        word = self.at(i)
        if word.isdigit():
            return i + 1, int(word)
        value = number_word(word) if word and word[0].isalpha() else None
        if value is None:
            return None
        if self.at(i + 1) == "et" and self.at(i + 2) in ("un", "une") and value % 10 == 0 and value >= 20:
            return i + 3, value + 1
        if self.at(i + 1) == "-" and value % 10 == 0 and value >= 20:  # "quarante - huit", split
            rest = number_word(self.at(i + 2)) if self.at(i + 2).isalpha() else None
            if rest is not None and rest < 20:
                return i + 3, value + rest
        return i + 1, value

    def day_number(self, i: int) -> tuple[int, int] | None:
        word = self.at(i)
        if word in ("1er", "premier", "1re"):
            return i + 1, 1
        if word.isdigit() and 1 <= int(word) <= 31 and len(word) <= 2:
            return i + 1, int(word)
        return None

    def year_number(self, i: int, *, short_ok: bool = False) -> tuple[int, int, bool] | None:
        """A year at token i, (end, year, is_short), guarded against counts ("2000 euros")."""
        word = self.at(i)
        if not word.isdigit():
            return None
        following = self.doc[i + 1] if i + 1 < self.n else None
        if following is not None and following.is_alpha and following.pos_ in ("NOUN", "ADJ") \
                and self.lex.get("month", following.lower_) is None and following.lower_ not in ("et", "ou"):
            return None
        if following is not None and following.lower_ in ("%", "€", "$"):
            return None
        if i > 0 and self.doc[i - 1].like_num and self.doc[i - 1].text.isdigit():
            return None
        if len(word) == 4 and 1000 <= int(word) <= 2100:
            return i + 1, int(word), False
        if short_ok and len(word) == 2:
            return i + 1, int(word), True
        return None

    def direction(self, i: int) -> tuple[int, int, bool] | None:
        """dernier / prochain / précédent / suivant at i: (end, sign, from_previous)."""
        value = self.kind("direction", i)
        if value is None:
            return None
        return i + 1, int(value.rstrip("p")), value.endswith("p")

    def part_tail(self, i: int) -> tuple[int, str] | None:
        """A part of the day after a day: "soir", "à l'aube", "en fin de matinée", "dans la nuit"."""
        word = self.at(i)
        if word in ("matin", "soir", "après-midi", "midi", "soirée", "matinée"):
            return i + 1, self.lex.get("part", word) or ""
        if word in ("à", "au", "dans", "en", "dès"):
            j = i + 1
            if self.at(j) in ("l'", "la", "le"):
                j += 1
            if self.at(j) in ("début", "fin", "milieu") and self.at(j + 1) in ("de", "d'"):
                j += 2
            if self.at(j) == "petit" and self.at(j + 1) == "matin":
                j += 1
            part = self.lex.get("part", self.at(j))
            if part and self.at(j) != "midi" and (word != "à" or self.at(j) == "aube"):
                return j + 1, part
            if word == "au" and self.at(i + 1) in ("soir", "matin"):
                return i + 2, self.lex.get("part", self.at(i + 1)) or ""
        return None

    def with_part(self, end: int, meaning: Meaning) -> tuple[int, Meaning]:
        tail = self.part_tail(end)
        if tail:
            end, part = tail
            return end, replace(meaning, part=part)
        return end, meaning

    def determiner_start(self, i: int) -> int:
        """i, or i-1 when a determiner stands just before (so that it joins the extent)."""
        return i - 1 if self.at(i - 1) in DETERMINERS | DEMONSTRATIVES else i

    # ---- rules -----------------------------------------------------------------------
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
        if word == "par" and self.at(i + 1) in ("an", "jour", "mois", "semaine", "semestre", "trimestre", "heure", "année"):
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
            hour, minute, end = (12 if word == "midi" else 0), 0, i + 1
            if self.seq(end, ("et", "demi")) or self.seq(end, ("et", "demie")):
                minute, end = 30, end + 2
        else:
            number = self.integer(i)
            if not number or not 0 <= number[1] <= 24:
                return None
            j = number[0]
            if self.at(j) in ("h", "h."):
                pass
            elif self.at(j) in ("heure", "heures"):
                signal = self.at(i - 1)
                told = self.at(j + 1).isdigit() or self.at(j + 1) == "du" or \
                    self.at(j + 1) == "et" and self.at(j + 2) in ("demie", "quart")
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
        "Pierre, 29 ans,", "(29 ans)", "elle avait 29 ans", "les 6-16 ans", "de 2 à 8 ans"
        after a person. A length: "une peine de 2 ans", "écopé de 2 ans", "depuis deux ans".
        """
        if self.at(unit_token) not in ("an", "ans"):
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
            while k >= 0 and doc[k].pos_ in ("ADJ", "ADV") and not doc[k].is_title \
                    and not doc[k].lower_.startswith(("âgé", "agé")):
                k -= 1
            if k < 0:
                return False
            owner = doc[k]
            lemma = owner.lemma_.lower()
            if owner.lower_.startswith(("âgé", "agé")) or lemma == "âge":
                return True
            if owner.pos_ in ("NOUN", "PROPN") or owner.ent_type_ == "PER" or owner.is_title:
                return lemma not in self.lex.words("duration_noun") and owner.lower_ not in self.lex.words("duration_noun")
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
        if self.at(j) in ("ces", "les") and self.kind("direction", j + 1) and self.at(j + 1).startswith("dernier") or \
                self.at(j) in ("ces", "les") and self.at(j + 1).startswith("dernièr"):
            j += 2
            number = self.amount(j)
            count = None
            if number and number[0] > j and not self.kind("vague_number", j):
                j, count = number
            unit = self.unit_at(j)
            if unit:
                return start, unit[0], Meaning("duration", unit=unit[1], amount=count)
            return None
        if self.at(j) in ("les", "des") and self.integer(j + 1) and self.kind("direction", self.integer(j + 1)[0]):
            j_num, count = self.integer(j + 1)
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
        unit = self.unit_at(j_unit)
        if not unit:
            return None
        end, unit_code, factor = unit
        if count is not None:
            count *= factor
        word = self.at(j)
        if count is None and word == "des" and (self.at(j_unit + 1).isdigit() or self.at(j_unit + 1) in ("soixante", "cinquante")):
            return None  # des années 60: a decade, not a duration
        if count is None and word == "des" and end < self.n and (self.doc[end].pos_ == "ADJ" or self.at(end) in ("de", "d'")):
            return None  # "des heures scolaires", "des jours de fête"
        if word in ("un", "une") and unit_code == "D" and start == j:
            return None  # "un jour": some day, not a day long
        if unit_code in ("Y", "M") and count is not None and self.is_age(start, j_unit):
            return None
        if self.seq(end, ("et", "demi")) or self.seq(end, ("et", "demie")):
            count = (count or 0) + 0.5 if count is not None else None
            end += 2
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
        if not unit:
            return None
        end, unit_code, factor = unit
        count = quantity[1] * factor if quantity[1] is not None else None
        if sign:
            if count is None and self.at(j) == "des" and sign > 0:
                return None
            if sign > 0 and (self.at(end) in ("de", "d'") or end < self.n and self.doc[end].pos_ == "ADJ"):
                return None  # "dans un jour de grande maîtrise"
            return i, end, Meaning("offset", unit=unit_code, amount=count, offset=sign)
        for words, after_sign in AFTER_WORDS.items():
            if self.seq(end, words):
                return i, end + len(words), Meaning("offset", unit=unit_code, amount=count, offset=after_sign,
                                                    from_previous=True)
        if self.at(end) in ("après", "avant") and self.at(end + 1) in (",", ".", ";", ""):
            return i, end + 1, Meaning("offset", unit=unit_code, amount=count,
                                       offset=1 if self.at(end) == "après" else -1, from_previous=True)
        return None

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
            end, meaning = self.with_part(i + 1, Meaning("previous_day", offset=int(offset)))
            return start, end, meaning
        if start != i and self.seq(i, ("même", "jour")):
            return start, i + 2, Meaning("previous_day", offset=0)
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
        if self.kind("weekday", j):
            end, meaning = self.with_part(j + 1, Meaning("weekday", weekday=int(self.kind("weekday", j) or 0),
                                                         direction=0))
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
        """la nuit de mardi à mercredi, la soirée de samedi, la nuit du 3 au 4 mars."""
        start = i
        if self.at(i) in ("la", "le"):
            i += 1
        part = self.at(i)
        if part not in ("nuit", "soirée", "matinée", "journée", "après-midi") or self.at(i + 1) not in ("de", "du", "d'"):
            return None
        j = i + 2
        part_code = self.lex.get("part", part) if part != "journée" else None
        weekday = self.kind("weekday", j)
        if weekday:
            end = j + 1
            if self.at(end) in ("à", "au") and self.kind("weekday", end + 1):
                end += 2
            return start, end, Meaning("weekday", weekday=int(weekday), part=part_code)
        day = self.day_number(j)
        if day:
            end = day[0]
            if self.at(end) in ("à", "au") and self.day_number(end + 1):
                end = self.day_number(end + 1)[0]
            if self.kind("month", end):
                month = int(self.kind("month", end) or 0)
                end += 1
                year = self.year_number(end)
                if year:
                    end = year[0]
                return start, end, Meaning("calendar", day=day[1], month=month, year=year[1] if year else None,
                                           part=part_code)
        day_word = self.kind("day_word", j)
        if day_word is not None:
            return start, j + 1, Meaning("day_word", offset=int(day_word), part=part_code)
        return None

    def edge(self, i: int) -> Match | None:
        """la fin de l'année, début 2020, fin décembre, mi-mars, au début des années 60."""
        start = i
        if self.at(i) in ("la", "le", "l'"):
            i += 1
        word = self.at(i)
        if word.startswith("mi-") and self.lex.get("month", word[3:]):
            end = i + 1
            year = self.year_number(end, short_ok=False)
            meaning = Meaning("calendar", month=int(self.lex.get("month", word[3:]) or 0), edge="MID",
                              year=year[1] if year else None)
            return start, year[0] if year else end, meaning
        edge = self.kind("edge", i)
        if edge is None or (edge == "MID" and word == "courant" and start != i):
            return None
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
                    return None  # "en fin de matinée": a part of a day, read with its day
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
            return (start if start != i or weekday else i), end, meaning
        if weekday:
            return None
        token_text = self.at(i)
        m = SLASH_DATE.match(token_text)
        if m and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12 and (m.group(3) or "/" in token_text):
            year = m.group(3)
            meaning = Meaning("calendar", day=int(m.group(1)), month=int(m.group(2)),
                              year=int(year) if year else None, short_year=bool(year) and len(year) == 2)
            return start if start != i and word == "le" else i, i + 1, meaning
        if token_text.isdigit() and len(token_text) == 4 and self.seq(i + 1, ("-",)) and \
                self.at(i + 2).isdigit() and self.at(i + 3) == "-" and self.at(i + 4).isdigit():
            month, day_ = int(self.at(i + 2)), int(self.at(i + 4))
            if 1 <= month <= 12 and 1 <= day_ <= 31:
                return i, i + 5, Meaning("calendar", year=int(token_text), month=month, day=day_)
        month = self.kind("month", i)
        if month and start == i:
            token = self.doc[i]
            if token.text[0].isupper() and not token.is_sent_start and token.lower_ in ("mars", "mai"):
                return None
            end = i + 1
            meaning = Meaning("calendar", month=int(month))
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
                return (start if start != i else i), i + 2, Meaning("calendar", century=century)
        if start == i:
            previous = self.at(i - 1)
            year = self.year_number(i, short_ok=previous == "en")
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
        """la semaine dernière, le mois prochain, l'an dernier, l'année suivante, le week-end dernier."""
        start = i
        if self.at(i) not in ("la", "le", "l'"):
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
        if word in ("été", "eté"):
            before = self.doc[i - 1] if i > 0 else None
            if token.pos_ != "NOUN" and (before is None or before.lower_ not in ("l'", "le", "cet", "en", "d'", "de", "au", "du", "les")):
                return None
            if before is not None and before.pos_ in ("AUX", "PRON", "VERB"):
                return None
        if self.at(i + 1) in ("de", "du", "des", "d'") and not self.year_number(i + 2) \
                and not self.seq(i + 2, ("l'", "année")):
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
                year = self.year_number(end)
                meaning = Meaning("calendar", holiday=value, year=year[1] if year else None)
                return start, year[0] if year else end, meaning
        return None

    def vague(self, i: int) -> Match | None:
        """maintenant, désormais, pour l'instant, l'actuel (PRESENT_REF), auparavant (PAST_REF)."""
        for phrase, value in self.lex.phrases("vague", self.at(i)):
            if self.seq(i, phrase):
                if phrase[0].startswith("actuel") and self.doc[i].pos_ != "ADJ":
                    return None
                return i, i + len(phrase), Meaning("ref", value=value, timex_type="TIME")
        return None

    def here(self, i: int) -> Match | None:
        """d'ici (la fin de l'année): the "ici" is the present, French TimeBank marks it."""
        if self.at(i) == "d'" and self.at(i + 1) == "ici" and self.at(i + 2) not in (",", ".", "-"):
            return i + 1, i + 2, Meaning("now")
        return None

    def frequency_adjective(self, i: int) -> Match | None:
        """annuel, mensuel, hebdomadaire (as adjectives: a SET)."""
        value = self.kind("frequency_adj", i)
        if value and self.doc[i].pos_ == "ADJ":
            return i, i + 1, Meaning("set", value=value, timex_type="SET")
        return None

    # ---- the walk --------------------------------------------------------------------
    def scan(self) -> list[Found]:
        """Every expression in the document, left to right, longest match first."""
        found: list[Found] = []
        i = 0
        starts, cores = self.lex.starters, self.lex.cores
        low = self.low
        while i < self.n:
            word = low[i]
            if word not in starts and not word[:1].isdigit() and not word.startswith("mi-") \
                    and not (word[-1:] == "e" and ROMAN_ORDINAL.match(word)):
                i += 1
                continue
            if word in STARTERS and not any(w in cores or w[:1].isdigit() or w.startswith("mi-") or w[:-1] in cores
                                            for w in low[i + 1:i + 5]):
                i += 1  # a determiner or preposition with no time word after it
                continue
            best: Match | None = None
            for rule in self.rules:
                match = rule(i)
                if match and match[1] > match[0] and (best is None or match[1] > best[1] or
                                                      (match[1] == best[1] and match[0] < best[0])):
                    best = match
            if best is None:
                i += 1
                continue
            found.append(Found(*best))
            i = best[1]
        return spread_lists(self, found)


def spread_lists(scanner: Scanner, found: list[Found]) -> list[Found]:
    """Give the bare first members of lists and ranges their own expression.

    "les 15 et 16 juin", "du 19 au 23 juillet": the "15"/"19" take month and year
    from the member that names them; "de 8 à 24 mois" the unit, "de 18 à 20 h" the hour.
    """
    covered = {i for f in found for i in range(f.start, f.end)}
    extra: list[Found] = []
    for f in found:
        meaning, k = f.meaning, f.start
        while k >= 2 and scanner.at(k - 1) in ("et", "au", "à", ",", "-", "ou") and (k - 2) not in covered:
            number = scanner.integer(k - 2)
            if number is None or number[0] != k - 1:
                break
            value = number[1]
            if meaning.kind == "calendar" and meaning.day is not None and 1 <= value <= 31:
                new = replace(meaning, day=value, weekday=None, direction=meaning.direction)
            elif meaning.kind == "duration" and meaning.amount is not None and scanner.at(k - 1) in ("à", "ou", "-", "et"):
                new = replace(meaning, amount=float(value))
            elif meaning.kind == "clock" and scanner.at(k - 1) in ("à", "et") and 0 <= value <= 24:
                new = replace(meaning, hour=value, minute=0)
            else:
                break
            extra.append(Found(k - 2, k - 1, new))
            covered.add(k - 2)
            k -= 2
    return sorted(found + extra, key=lambda f: f.start)


def roman_to_int(numeral: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for a, b in zip(numeral, numeral[1:] + " "):
        if a not in values:
            return None
        total += -values[a] if b in values and values[b] > values[a] else values[a]
    return total


def find_expressions(doc: Doc, lexicon: TimexLexicon | None = None) -> list[Found]:
    """The time expressions of a parsed document, as token spans with their meaning."""
    return Scanner(doc, lexicon or load_lexicon()).scan()
