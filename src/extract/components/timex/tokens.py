"""Reading tokens for the time-expression rules: numbers, years, directions, parts of day."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from extract.components.timex.lexicon import TimexLexicon, number_word
from extract.components.timex.meaning import Meaning

CLOCK_TOKEN = re.compile(r"^(\d{1,2})[hH](\d{2})?$")
SLASH_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$")
ROMAN_ORDINAL = re.compile(r"^([ivxl]+|\d{1,2})(e|è|ème|eme)$")
ROUND_THE_CLOCK = re.compile(r"^(24h/24|7j/7|24/24|7/7)$")
DECIMAL = re.compile(r"^\d+(?:[,.]\d+)?$")

DETERMINERS = {"le", "la", "l'", "les"}
DEMONSTRATIVES = {"ce", "cet", "cette", "ces"}
PERIOD_UNITS = {"semaine": "W", "mois": "M", "année": "Y", "an": "Y", "trimestre": "Q", "week-end": "WE"}
AFTER_WORDS = {("plus", "tard"): 1, ("plus", "tôt"): -1, ("auparavant",): -1}
DURATION_HEDGES = [
    ("plus", "de"),
    ("moins", "de"),
    ("près", "de"),
    ("au", "moins"),
    ("environ",),
    ("quelque",),
    ("pas", "moins", "de"),
    ("au", "bout", "de"),
    ("presque",),
]


# Nouns a number after which names or counts something, never a year: "la résolution 1405",
# "l'article 1240 du Code civil", "le vol 1234", "au 1200 de la rue", "la route 2010".
REFERENCE_NOUNS = frozenset({
    "résolution", "résolutions", "article", "articles", "alinéa", "paragraphe", "amendement", "décret",
    "loi", "ordonnance", "directive", "règlement", "arrêté", "circulaire", "dossier", "affaire",
    "vol", "vols", "train", "bus", "ligne", "route", "autoroute", "rue", "avenue", "boulevard",
    "chambre", "page", "pages", "numéro", "n°", "no", "nº", "modèle", "type", "série", "version",
    "tome", "volume", "lot", "code", "matricule", "immatriculation", "score", "dossard", "pièce",
})  # fmt: skip


EVENT_DETERMINERS = frozenset(
    {"le", "la", "l'", "les", "un", "une", "ce", "cette", "cet", "ces", "sa", "son", "ses", "leur", "leurs"}
)


class TokenReader:
    """Lower-cased token access and the small readers every rule shares."""

    def __init__(self, doc: Doc, lexicon: TimexLexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        self.low = [t.lower_ for t in doc]
        self.n = len(doc)

    def at(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def seq(self, i: int, words: tuple[str, ...]) -> bool:
        return tuple(self.low[i : i + len(words)]) == words

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

    def names_a_number(self, i: int) -> bool:
        """Whether the number at i is a reference or a code, not a year ("résolution 1405", "AF 1234")."""
        if i == 0:
            return False
        before = self.doc[i - 1]
        if before.lower_ in REFERENCE_NOUNS:
            return True
        text = before.text
        return text.isupper() and 1 < len(text) <= 4 and text.isalnum() and before.pos_ in ("PROPN", "NOUN", "X")

    def event_noun(self, i: int, links: tuple[str, ...] = ("de", "du", "des", "d'")) -> int | None:
        """ "au lendemain de la visite", "deux jours après l'attaque": the event's noun at i, not a date.

        Token i is the link word (`links`); the noun follows its determiners. None when a
        date or day word follows instead ("au lendemain du 3 mars").
        """
        if self.at(i) not in links:
            return None
        j = i + 1
        while self.at(j) in EVENT_DETERMINERS:
            j += 1
        word = self.at(j)
        if (
            not word
            or word[0].isdigit()
            or any(self.kind(kind, j) is not None for kind in ("weekday", "month", "holiday", "day_word", "unit"))
        ):
            return None
        return j if self.doc[j].pos_ in ("NOUN", "PROPN", "VERB") else None

    def clock_signal_before(self, i: int) -> str:
        """The word that signals a clock time at token i: "à", "vers"..., read through a hedge.

        "à environ 21 heures" and "aux alentours de 18 h", "autour de midi" read as
        "vers" ("depuis environ trois heures" stays a length); otherwise the word before.
        """
        if self.at(i - 1) == "environ" and self.at(i - 2) in ("à", "vers", "dès"):
            return "vers"
        if self.seq(i - 3, ("aux", "alentours", "de")) or self.seq(i - 2, ("autour", "de")):
            return "vers"
        return self.at(i - 1)

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
        if (
            following is not None
            and following.is_alpha
            and following.pos_ in ("NOUN", "ADJ")
            and self.lex.get("month", following.lower_) is None
            and following.lower_ not in ("et", "ou")
        ):
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
