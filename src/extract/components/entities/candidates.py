"""Candidate entity spans and the word lists and weights that judge them."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from extract.components.entities.gazetteer import (
    Entry,
    fold,
)

KIND_OF_LABEL = {"LOC": "place", "ORG": "organisation", "PER": "person", "MISC": "other"}
# The NER label that agrees with a kind; a mention whose kind comes from a table
# and disagrees with the NER's label is labelled with the rule's name instead.
LABEL_OF_KIND = {"country": "LOC", "place": "LOC", "organisation": "ORG", "person": "PER", "other": "MISC"}
RULE_OF_KIND = {
    "country": "country_rule",
    "nationality": "nationality_rule",
    "place": "place_rule",
    "organisation": "org_kb",
}
HEAD_RULE = "head_rule"
# Lower-case words of dates the NER runs on into: "ministère des Affaires étrangères jeudi".
TIME_WORDS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourd'hui"}
LEADING_WORDS = {"le", "la", "les", "l'", "l’", "de", "d'", "d’", "du", "des"}
NATIONALITY_POS = {"ADJ", "NOUN", "PROPN"}
# Before a word that is both a country and a demonym ("Suisse"), these make it people.
PERSON_DETERMINERS = {"un", "une", "deux", "trois", "plusieurs", "ce", "cette", "ces"}
ARTICLE_TOKENS = {"le", "la", "les", "l'", "l’"}
# Lower-case first words of place names ("mer Baltique", "île Maurice").
GENERIC_HEADS = {"mer", "océan", "golfe", "détroit", "canal", "lac", "mont", "tour", "place", "bande", "plateau", "île"}
# Lines that are page furniture, never entities.
BOILERPLATE = {"commentaires", "commentaire", "lire aussi", "publicité", "partager", "newsletter", "abonnez-vous"}
# Capitalised words the NER takes for names: the state in general, and
# demonyms of continents and regions, which point at no country.
NOT_NAMES = {
    fold(w)
    for w in (
        "État",
        "Etat",
        "États",
        "Etats",
        "Européen",
        "Européens",
        "Européenne",
        "Européennes",
        "Africain",
        "Africains",
        "Africaine",
        "Africaines",
        "Asiatique",
        "Asiatiques",
        "Arabe",
        "Arabes",
        "Occidental",
        "Occidentaux",
        "Occidentale",
        "Occidentales",
        "Maghrébin",
        "Maghrébins",
        "Sahélien",
        "Sahéliens",
        "Latino-Américain",
        "Latino-Américains",
        "Scandinave",
        "Scandinaves",
        "Balkanique",
        "Caribéen",
        "Caribéens",
        "Orientaux",
    )
}
# A place whose country the article names is preferred over one this many times as populous.
SAME_COUNTRY_WEIGHT = 50
# French news names places in French-speaking countries more often than their
# namesakes abroad: "Orange" (Vaucluse, 30,000) before Orange, California (140,000).
FRANCOPHONE_WEIGHT = 5
FRANCOPHONE = frozenset(
    "FR BE CH LU MC CA MA DZ TN SN CI ML BF NE TD CM GA CG CD BJ TG GN MR MG HT RE GP MQ GF YT NC PF".split()
)


@dataclass(slots=True)
class Candidate:
    """A span that may be an entity, with what it may denote and how it was found."""

    start: int  # token offsets
    end: int
    kind: str
    entries: list[Entry]
    label: str  # NER label, "head_rule", or "" for a phrase match
    strength: int

    @property
    def length(self) -> int:
        return self.end - self.start


def trim(span: Span) -> Span:
    """An NER span without what the gold corpora leave out of a name.

    Drops a leading lower-case article or preposition ("de France", but not a
    person's particle: "de Gaulle") and everything from the first line break
    on ("MN\n\nCommentaires"). A capitalised article stays: "La Haye". A
    person's title stays in the span ("M. Dupont"), not in the canonical name.
    """
    doc, start, end = span.doc, span.start, span.end
    for i in range(start, end):
        if doc[i].is_space or "\n" in doc[i].text:
            end = i
            break
    while start < end - 1 and span.label_ != "PER" and doc[start].text in LEADING_WORDS:
        start += 1
    while end > start + 1 and (doc[end - 1].lower_ in TIME_WORDS or doc[end - 1].is_space):
        end -= 1  # "ministère des Affaires étrangères jeudi": the date is not part of the name
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in ".)":
        end -= 1
    return doc[start:end]
