"""The French word tables behind the time-expression rules, loaded once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

LEXICON_FILE = "timex_lexicon.tsv"

# Function words that open an expression without being one: determiners, signals, hedges.
# The prefilter tries the rules at one of them only when a time word follows closely.
STARTERS = frozenset(
    {
        "le",
        "la",
        "l'",
        "les",
        "ce",
        "cet",
        "cette",
        "ces",
        "chaque",
        "tous",
        "toutes",
        "par",
        "il",
        "dans",
        "d'",
        "plus",
        "moins",
        "près",
        "au",
        "environ",
        "quelque",
        "pas",
        "presque",
        "de",
        "des",
    }
)
# Time words the rules read that are in no table.
EXTRA_TIME_WORDS = frozenset(
    {
        "fête",
        "fêtes",
        "week",
        "week-end",
        "week-ends",
        "années",
        "h",
        "h.",
        "siècle",
        "ici",
        "24h/24",
        "7j/7",
        "premier",
        "première",
        "deuxième",
        "troisième",
        "quatrième",
        "second",
        "seconde",
        "longtemps",
        "époque",
        "plein",
        "pleine",
        "tout",
        "toute",
    }
)


@dataclass(frozen=True)
class TimexLexicon:
    """Word → value tables, one per kind of the TSV (`month`, `weekday`, `unit`...)."""

    tables: dict[str, dict[str, str]] = field(default_factory=dict)
    _starters: frozenset[str] = frozenset()
    _cores: frozenset[str] = frozenset()
    _phrases: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        first_words = {
            split_words(word)[0]
            for kind, table in self.tables.items()
            if kind not in ("person_noun", "clock_signal")
            for word in table
            if split_words(word)
        }
        object.__setattr__(self, "_starters", frozenset(first_words | STARTERS | EXTRA_TIME_WORDS))
        object.__setattr__(
            self,
            "_cores",
            frozenset(
                word
                for kind, table in self.tables.items()
                if kind not in ("person_noun", "duration_noun", "clock_signal")
                for phrase in table
                for word in split_words(phrase)
            )
            - STARTERS
            | EXTRA_TIME_WORDS,
        )
        index: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = {}
        for kind, table in self.tables.items():
            for word, value in table.items():
                words = tuple(split_words(word))
                if words:
                    index.setdefault(kind, {}).setdefault(words[0], []).append((words, value))
        for by_first in index.values():
            for entries in by_first.values():
                entries.sort(key=lambda entry: -len(entry[0]))
        object.__setattr__(self, "_phrases", index)

    @property
    def starters(self) -> frozenset[str]:
        """Lower-cased words that can begin a time expression: the cheap prefilter."""
        return self._starters

    @property
    def cores(self) -> frozenset[str]:
        """Words of the tables themselves (months, units...): an expression holds one, or a digit."""
        return self._cores

    def get(self, kind: str, word: str) -> str | None:
        return self.tables.get(kind, {}).get(word)

    def words(self, kind: str) -> frozenset[str]:
        return frozenset(self.tables.get(kind, {}))

    def phrases(self, kind: str, first_word: str) -> list[tuple[tuple[str, ...], str]]:
        """Entries of a kind that begin with `first_word`, as (words, value), longest first."""
        return self._phrases.get(kind, {}).get(first_word, [])


ELISION = re.compile(r"^(l|d|qu|jusqu|n|s|c|j|m|t)'(.+)$")


def split_words(phrase: str) -> list[str]:
    """Split a lexicon phrase the way spaCy's French tokenizer does ("l'instant" → "l'", "instant")."""
    words: list[str] = []
    for word in phrase.split():
        elided = ELISION.match(word)
        words.extend([elided.group(1) + "'", elided.group(2)] if elided else [word])
    return words


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> TimexLexicon:
    """Read `resources/timex_lexicon.tsv`, or the file at `path` (kind, word, value); `#` lines are comments."""
    if path is None:
        text = resources.files("extract.resources").joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    tables: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word, value = (line.split("\t") + ["", ""])[:3]
        tables.setdefault(kind, {})[word] = value
    return TimexLexicon(tables)


_UNITS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
}
_TENS = {"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}


@lru_cache(maxsize=4096)
def number_word(word: str) -> int | None:
    """The value of a French number written in words up to 9999 ("quarante-six" → 46), else None."""
    parts = [p for p in re.split(r"[-\s]+", word.lower()) if p and p != "et"]
    if not parts:
        return None
    total, current = 0, 0
    for part in parts:
        if part in _UNITS:
            current += _UNITS[part]
        elif part in _TENS:
            if part.startswith("vingt") and current % 100 == 4:  # quatre-vingt(s)
                current += 76
            else:
                current += _TENS[part]
        elif part in ("cent", "cents"):
            current = max(current, 1) * 100
        elif part == "mille":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current
