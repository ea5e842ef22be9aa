"""Recognise French time expressions on a parsed `Doc`: where they are and what they say.

`find_expressions(doc)` walks the tokens once. At each token that can start a time
expression (a cheap prefilter on the lower-cased text) it tries the rules of
`timex_rules_calendar` and `timex_rules_quantity` and keeps the longest match. A
rule reads token text, lemma, part of speech and morphology ("été" the season only
as a noun or after a determiner, "29 ans" an age when it qualifies a person) and
returns a `Meaning`: the calendar fields the words give, still unresolved. `extract.components.timex.values` turns a meaning into a
TIMEX3 value against the publication date.

Extents follow ISO-TimeML as French TimeBank applies it: a determiner is part of the
expression ("le 3 mars", "la semaine dernière"), a preposition is not ("en 2004",
"vers 18 h 50", "au 30 juin"), a range or list is one expression per member ("du
19 au 23 juillet" → "19", "23 juillet").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from extract.components.timex.lexicon import STARTERS, TimexLexicon, load_lexicon
from extract.components.timex.meaning import Found, Match, Meaning
from extract.components.timex.rules.calendar import CalendarRules
from extract.components.timex.rules.quantity import QuantityRules
from extract.components.timex.rules.vague import VagueRules
from extract.components.timex.tokens import ROMAN_ORDINAL

__all__ = ["Found", "Meaning", "Scanner", "find_expressions"]


class Scanner(CalendarRules, QuantityRules, VagueRules):
    """The rules, applied to one `Doc`. Build one per document; call `scan()` once."""

    def __init__(self, doc: Doc, lexicon: TimexLexicon) -> None:
        super().__init__(doc, lexicon)
        self.rules: list[Callable[[int], Match | None]] = [
            self.round_the_clock,
            self.set_expression,
            self.clock,
            self.offset,
            self.day_word,
            self.previous_day,
            self.demonstrative,
            self.night_of,
            self.edge,
            self.calendar,
            self.period,
            self.weekday,
            self.nth_weekday,
            self.season,
            self.holiday,
            self.duration,
            self.vague,
            self.here,
            self.frequency_adjective,
            self.era,
            self.long_time,
            self.whole_unit,
            self.in_full_part,
        ]

    def scan(self) -> list[Found]:
        """Every expression in the document, left to right, longest match first."""
        found: list[Found] = []
        i = 0
        starts, cores = self.lex.starters, self.lex.cores
        low = self.low
        while i < self.n:
            word = low[i]
            if (
                word not in starts
                and not word[:1].isdigit()
                and not word.startswith("mi-")
                and not (word[-1:] == "e" and ROMAN_ORDINAL.match(word))
            ):
                i += 1
                continue
            if word in STARTERS and not any(
                w in cores or w[:1].isdigit() or w.startswith("mi-") or w[:-1] in cores for w in low[i + 1 : i + 5]
            ):
                i += 1  # a determiner or preposition with no time word after it
                continue
            best: Match | None = None
            for rule in self.rules:
                match = rule(i)
                if (
                    match
                    and match[1] > match[0]
                    and (best is None or match[1] > best[1] or (match[1] == best[1] and match[0] < best[0]))
                ):
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
            elif (
                meaning.kind == "duration"
                and meaning.amount is not None
                and scanner.at(k - 1) in ("à", "ou", "-", "et")
            ):
                new = replace(meaning, amount=float(value))
            elif meaning.kind == "clock" and scanner.at(k - 1) in ("à", "et") and 0 <= value <= 24:
                new = replace(meaning, hour=value, minute=0)
            else:
                break
            extra.append(Found(k - 2, k - 1, new))
            covered.add(k - 2)
            k -= 2
    return sorted(found + extra, key=lambda f: f.start)


def find_expressions(doc: Doc, lexicon: TimexLexicon | None = None) -> list[Found]:
    """The time expressions of a parsed document, as token spans with their meaning."""
    return Scanner(doc, lexicon or load_lexicon()).scan()
