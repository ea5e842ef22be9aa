"""What the French NER gets wrong about a name's extent and kind, and the rules that set it right.

- A name cut short is completed: "ministère des Affaires" + "étrangères" (the
  lower-case adjectives that go on a capitalised name), "Centre international
  des conférences de" + "Skhirat" (a name that ends on a preposition).
- A word that is no name is dropped: a capitalised common noun alone
  ("Astronomie", a "TOURISME" section heading), a person's title leading a
  "place" ("Secrétaire d'Etat britannique"), the state in general ("États de
  la coalition"), an idiom that looks like a newspaper ("crimes contre
  l'Humanité").
- A kind is corrected: a span that starts with an institution's title word is
  an organisation ("Mission d'assistance des Nations unies en Afghanistan",
  "Parquet général du Liban"), a name after "la ville de" is a place.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.components.entities.gazetteer import NameTable, fold
from extract.components.entities.named_heads import CAPITALISED_PLACE_HEADS, ORGANISATION_HEADS, PRESS_HEADS, TITLES

# Capitalised first words that make a span an institution, whatever the NER called it.
ORGANISATION_TITLES = frozenset(
    w.capitalize()
    for w in (
        *ORGANISATION_HEADS,
        "mission",
        "force",
        "forces",
        "bureau",
        "programme",
        "fonds",
        "parquet",
        "sûreté",
        "gendarmerie",
        "police",
        "armée",
        "garde",
        "haut-commissariat",
        "organisation",
        "ligue",
        "mouvement",
        "assemblée",
        "direction",
        "service",
        "services",
        "état-major",
        "chambre",
        "centre",
        "front",
        "rassemblement",
    )
)
# Words for people, not places: a "place" they lead is a person's title ("Secrétaire d'Etat britannique").
PERSON_TITLES = frozenset(
    fold(w)
    for w in (
        "secrétaire",
        "ministre",
        "président",
        "présidente",
        "procureur",
        "directeur",
        "directrice",
        "chef",
        "porte-parole",
        "ambassadeur",
        "ambassadrice",
        "général",
        "premier",
        "première",
        "roi",
        "reine",
        "prince",
        "émir",
    )
)
# Words for a person before a name: "le candidat Ouattara".
PERSON_NOUNS = PERSON_TITLES | {fold(w) for w in ("candidat", "candidate", "opposant", "opposante", "m.", "mme")}
# A person's role in an organisation: the name after "le patron de Renault" is a person's.
ROLES_IN = PERSON_TITLES | {
    fold(w) for w in ("patron", "patronne", "pdg", "fondateur", "fondatrice", "dirigeant", "dirigeante", "présidente")
}
# A regnal number after a person's name (not "I" alone, which may be a letter): "Frédéric III", "François Ier".
ROMAN = re.compile(r"^(?:I{2,3}|I?V|VI{1,3}|I?X|XI{1,3}|XI?V|XVI{0,3}|XI?X|Ier|1er)$")
# First words ("Palais de ...") and last words ("... Resort") of a building's name: a place, not an organisation.
# Not "Tour" ("Tour de France"), nor "Musée", an institution as often as a building.
LANDMARK_FIRSTS = {"Palais", "Château", "Arc", "Hôtel", "Basilique", "Cathédrale"}
LANDMARK_LASTS = {"Palace", "Resort", "Hotel", "Hôtel"}
# Nouns before "de" that make the name after them a place: "la ville de Kondoz", "le village de Void".
PLACE_BEFORE = {"ville", "village", "localité", "commune", "bourg", "cité", "province", "région", "district"}
PREPOSITIONS = {"de", "du", "des", "d'", "d’"}
# Before an article and a one-word name, these make it an idiom: "crimes contre l'Humanité".
IDIOM_BEFORE = {"contre"}
ARTICLES = {"le", "la", "les", "l'", "l’"}


def common_words(nlp: Language) -> frozenset[str]:
    """The lower-case nouns, adjectives and verbs the model's lemmatizer lists: words, not names."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]  # the Lemmatizer has lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    words: set[str] = set()
    for pos in ("noun", "adj", "verb"):
        words.update(table.get(pos, ()))
    return frozenset(words)


def is_common_word(span: Span, words: frozenset[str]) -> bool:
    """One token that is a common word written with a capital: "Astronomie", "Constitution", "TOURISME"."""
    return len(span) == 1 and span[0].lower_ in words and not span[0].is_lower


def led_by_person_title(span: Span) -> bool:
    return fold(span[0].text) in PERSON_TITLES


def after_person_title(span: Span) -> bool:
    """ "procureur de la République de Paris": the complement of a person's title, not a place."""
    doc, i = span.doc, span.start
    while i > 0 and doc[i - 1].lower_ in ARTICLES | PREPOSITIONS and span.start - i < 2:
        i -= 1
    return i < span.start and i > 0 and fold(doc[i - 1].text) in PERSON_TITLES


def after_person_noun(span: Span) -> bool:
    """ "le candidat Ouattara", "le président Macky Sall", "M. Dupré": a person's name after the word for a person."""
    doc = span.doc
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.is_lower and fold(before.text) in PERSON_NOUNS or before.text in TITLES


def regnal_end(doc: Doc, end: int) -> int:
    """Where a person's name ends with its regnal number: "Frédéric III", "Léon XIII", "François Ier"."""
    if end < len(doc) and ROMAN.match(doc[end].text):
        return end + 1
    return end


def names_a_building(span: Span) -> bool:
    """ "Palais de Buckingham", "Château de Versailles", "Marina Palace Resort": a building, a place."""
    if len(span) < 2:
        return False
    first = span[0].text in LANDMARK_FIRSTS and span[1].lower_ in PREPOSITIONS | ARTICLES
    return first or span[-1].text in LANDMARK_LASTS or span[0].text in CAPITALISED_PLACE_HEADS  # "Golfe Persique"


def common_phrase(span: Span, words: frozenset[str], nationalities: NameTable) -> bool:
    """A capitalised common noun and lower-case common words, no nationality: "Grève générale", not a name."""
    first, rest = span[0], span[1:]
    if len(span) < 2 or not first.is_title or first.lower_ not in words:
        return False
    return all(t.is_lower and t.lower_ in words and not nationalities.lookup(t.text) for t in rest)


def led_by_institution(span: Span) -> bool:
    return len(span) > 1 and span[0].text in ORGANISATION_TITLES


def after_place_noun(span: Span) -> bool:
    """ "la ville de Kondoz": the name after a place noun and "de" is a place."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].lower_ in PREPOSITIONS and doc[i - 2].lower_ in PLACE_BEFORE


def idiom(span: Span) -> bool:
    """ "crimes contre l'Humanité": an abstract noun after "contre" and an article, not a title."""
    doc, i = span.doc, span.start
    if doc[i].lower_ in ARTICLES:
        i += 1
    if span.end - i != 1 or i < 2:
        return False
    return doc[i - 1].lower_ in ARTICLES and doc[i - 2].lower_ in IDIOM_BEFORE


def completed_end(doc: Doc, start: int, end: int, *, adjectives: bool = True) -> int:
    """Where a name the NER or a head rule cut short really ends.

    A name ending on "de" takes the capitalised name after it, across a line
    break ("aéroport de Bâle-Mulhouse-Fribourg", "... des conférences de
    Skhirat"), or loses the "de" when none follows; with `adjectives`, a name
    ending on a capitalised word goes on over the lower-case adjectives after
    it ("ministère des Affaires étrangères", "tribunal des Nations unies").
    """
    if end - start >= 2 and doc[end - 1].lower_ in PREPOSITIONS:
        tail = end
        while tail < len(doc) - 1 and doc[tail].is_space:
            tail += 1
        name = tail
        while tail < len(doc) and (doc[tail].is_title or doc[tail].text == "-"):
            tail += 1
        return tail if tail > name else end - 1
    if not adjectives or not doc[end - 1].is_title:
        return end
    while end < len(doc) and doc[end].is_lower and doc[end].is_alpha and _agrees_as_adjective(doc[end]):
        end += 1
    return end


def _agrees_as_adjective(token: Token) -> bool:
    """An adjective, or a plural past participle used as one ("Nations unies")."""
    if token.pos_ == "ADJ":
        return True
    morph = token.morph
    return token.pos_ == "VERB" and "Part" in morph.get("VerbForm", []) and "Plur" in morph.get("Number", [])


def exit_coinage(span: Span) -> bool:
    """ "le Brexit", "un Grexit": a country's leaving (an event), not an organisation or a place."""
    word = span.text
    return len(span) == 1 and len(word) > 4 and word[0].isupper() and word[1:].lower().endswith("exit")


def after_role_in_organisation(span: Span) -> bool:
    """ "l'ex-patron de Renault Nissan Jean Durand": the name after a role and its organisation is a person's."""
    doc = span.doc
    if not 2 <= len(span) <= 3 or not all(t.is_title for t in span):
        return False
    before = next((e for e in doc.ents if e.end == span.start and e.label_ == "ORG"), None)
    if before is None or before.start < 2 or doc[before.start - 1].lower_ not in PREPOSITIONS:
        return False
    role = fold(doc[before.start - 2].text)
    return (role[3:] if role.startswith("ex-") else role) in ROLES_IN


def common_phrase_of(span: Span, words: frozenset[str], nationalities: NameTable) -> Span | None:
    """ "Patrimoine mondial de l'UNESCO": the name after a common-noun phrase and "de", or None."""
    at = next((t.i for t in span[1:] if t.lower_ in PREPOSITIONS), None)
    if at is None or not common_phrase(span.doc[span.start : at], words, nationalities):
        return None
    start = at + 1
    if start < span.end and span.doc[start].lower_ in ARTICLES:
        start += 1
    return span.doc[start : span.end] if start < span.end else None


def after_press_head(span: Span) -> bool:
    """ "l'organe de presse Zawra": the name after a press outlet's head is an organisation's."""
    doc, i = span.doc, span.start
    return i >= 3 and [t.lower_ for t in doc[i - 2 : i]] == ["de", "presse"] and doc[i - 3].lower_ in PRESS_HEADS


def after_definite_article(span: Span) -> bool:
    """ "la Commission a proposé", "le Conseil": a capitalised word after "le"/"la" names one institution."""
    doc, i = span.doc, span.start
    return span[0].is_title and i > 0 and doc[i - 1].lower_ in ("le", "la", "l'", "l’")
