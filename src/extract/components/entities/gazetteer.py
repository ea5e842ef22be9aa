"""Name tables (countries, nationalities, places, organisations) and their lookup keys.

Each table is read once per process from `src/extract/resources/*.tsv` and
maps a name's matching key to the entries it may denote. The key folds case,
accents, apostrophes and spacing, so "Etats-Unis", "États-Unis" and
"ÉTATS-UNIS" meet; all-caps acronyms ("USA", "EI") are looked up as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extract.components.resources import RESOURCES, read_tsv

# A leading article that is not part of a name ("l'ONU", "les Émirats").
ARTICLES = ("le ", "la ", "les ", "l'", "l’")
# Cities that may win over the NER's ORG reading of the same span besides
# capitals ("Moscou a dénoncé", "Washington a proposé"): the very large ones.
GOVERNMENT_SEAT_POPULATION = 1_000_000
CITY_FEATURES = {"city", "capital"}


def fold(text: str) -> str:
    """The matching key of a name: lower case, no accents, straight apostrophes, single spaces."""
    text = text.replace("’", "'").replace("‘", "'")
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return " ".join(text.lower().split())


def is_acronym(name: str) -> bool:
    """An all-caps short form ("USA", "RDC", "EI"), matched case-sensitively."""
    return " " not in name and len(name) <= 8 and name.isupper() and sum(ch.isalpha() for ch in name) >= 2


def strip_article(name: str) -> str:
    """`name` without a leading article: "l'ONU" -> "ONU", "les Émirats" -> "Émirats"."""
    lowered = name.lower()
    for article in ARTICLES:
        if lowered.startswith(article) and len(name) > len(article):
            return name[len(article) :].lstrip()
    return name


WORD = re.compile(r"\w+")


def capitals(name: str) -> tuple[bool, ...]:
    """Which words of `name` start with a capital: "Le Monde" -> (True, True)."""
    return tuple(w[0].isupper() for w in WORD.findall(name))


def keeps_capitals(text: str, signatures: set[tuple[bool, ...]]) -> bool:
    """Whether `text` is capitalised at least like one spelling of the name.

    "le Monde" and "LE MONDE" are the newspaper, "Le monde" is not; a leading
    article may be lower case ("la Croix"), a capital may be added ("Nations Unies").
    """
    written = capitals(text)
    words = WORD.findall(text)
    for sig in signatures:
        if len(sig) != len(written):
            return True  # tokenised differently from the alias: no evidence either way
        if all(
            w or not s or (i == 0 and words[0].lower() in ("le", "la", "les", "l"))
            for i, (w, s) in enumerate(zip(written, sig))
        ):
            return True
    return False


def surface_variants(name: str) -> set[str]:
    """The spellings to give the phrase matcher: as written, without accents, either apostrophe."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))
    bare = unicodedata.normalize("NFC", bare)
    out = set()
    for form in {name, bare}:
        out |= {form, form.replace("'", "’"), form.replace("’", "'")}
    return out


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a name may denote: a country, a nationality, a place or an organisation."""

    kind: str
    canonical: str
    country_code: str = ""
    wikidata_id: str = ""
    population: int = 0
    feature: str = ""


@dataclass
class NameTable:
    """Entries of one kind keyed by folded name (and by exact spelling for acronyms)."""

    kind: str
    by_key: dict[str, list[Entry]] = field(default_factory=dict)
    by_acronym: dict[str, list[Entry]] = field(default_factory=dict)
    # Capitalisation of each spelling, by key: a match must keep the capitals.
    signatures: dict[str, set[tuple[bool, ...]]] = field(default_factory=dict)
    # Names the phrase matcher looks for in running text (a subset for places).
    patterns: set[str] = field(default_factory=set)

    def add(self, entry: Entry, names: Iterable[str], *, match: bool = True) -> None:
        for name in names:
            name = name.strip()
            if not name:
                continue
            if is_acronym(name):
                bucket = self.by_acronym.setdefault(name, [])
            else:
                bucket = self.by_key.setdefault(fold(name), [])
                self.signatures.setdefault(fold(name), set()).add(capitals(name))
            if entry not in bucket:
                bucket.append(entry)
            if match:
                self.patterns.add(name)

    def capitalised_as_named(self, text: str) -> bool:
        """Whether `text`, a phrase match of a non-acronym name, keeps that name's capitals."""
        return keeps_capitals(text, self.signatures.get(fold(text), set()))

    def lookup(self, text: str) -> list[Entry]:
        """The entries `text` may name, trying it with and without a leading article.

        Besides the spellings the tables give, an acronym written as a word
        ("l'Onu" for ONU) and a name in capitals ("MOSCOU" in a dateline) are found.
        """
        for form in (text, strip_article(text)):
            if is_acronym(form):
                if form in self.by_acronym:
                    return self.by_acronym[form]
                if len(form) >= 4 and fold(form) in self.by_key:
                    return self.by_key[fold(form)]
            elif fold(form) in self.by_key:
                return self.by_key[fold(form)]
            elif form.istitle() and " " not in form and form.upper() in self.by_acronym:
                return self.by_acronym[form.upper()]
        return []


@dataclass
class Knowledge:
    """All four name tables."""

    countries: NameTable
    nationalities: NameTable
    places: NameTable
    organisations: NameTable

    def tables(self) -> tuple[NameTable, ...]:
        return (self.countries, self.nationalities, self.places, self.organisations)


def load_countries(path: Path) -> NameTable:
    table = NameTable("country")
    for row in read_tsv(path):
        entry = Entry("country", row["canonical"], row["code"])
        table.add(entry, row["aliases"].split("|"))
    return table


def load_nationalities(path: Path) -> NameTable:
    table = NameTable("nationality")
    for row in read_tsv(path):
        entry = Entry("nationality", row["masc_sg"], row["code"])
        table.add(entry, [row[c] for c in ("masc_sg", "fem_sg", "masc_pl", "fem_pl")])
    return table


def load_places(path: Path, *, min_matched_population: int) -> NameTable:
    """Places; cities below `min_matched_population` are only looked up, not matched in text."""
    table = NameTable("place")
    for row in read_tsv(path):
        population = int(row["population"] or 0)
        entry = Entry("place", row["canonical"], row["country_code"], population=population, feature=row["feature"])
        matched = row["feature"] not in CITY_FEATURES or population >= min_matched_population
        table.add(entry, row["aliases"].split("|"), match=matched)
    for bucket in table.by_key.values():
        bucket.sort(key=lambda e: -e.population)
    return table


def load_organisations(path: Path) -> NameTable:
    """Organisations from the knowledge base; an absent file gives an empty table.

    Aliases are taken as written: the knowledge base leaves out leading
    articles except where they belong to a title ("Le Monde").
    """
    table = NameTable("organisation")
    if not path.is_file():
        return table
    for row in read_tsv(path):
        entry = Entry(
            "organisation",
            row["canonical"],
            row.get("country_code", ""),
            row.get("wikidata_id", ""),
            feature=row.get("type", ""),
        )
        table.add(entry, row.get("aliases", "").split("|"))
    return table


@lru_cache(maxsize=4)
def load_knowledge(
    resources: Path = RESOURCES,
    organisations: Path | None = None,
    *,
    countries: Path | None = None,
    nationalities: Path | None = None,
    places: Path | None = None,
    min_matched_population: int = 15_000,
) -> Knowledge:
    """Read the name tables once per process; a table not given is `resources/<table>.tsv`."""
    return Knowledge(
        countries=load_countries(countries or resources / "countries.tsv"),
        nationalities=load_nationalities(nationalities or resources / "nationalities.tsv"),
        places=load_places(places or resources / "places.tsv", min_matched_population=min_matched_population),
        organisations=load_organisations(organisations or resources / "organisations.tsv"),
    )
