"""Names led by a common noun: "rue du Château", "église Saint-Étienne", "comité des fêtes de Void".

French writes the head noun of many place and organisation names in lower
case, and the NER often keeps only the capitalised part ("Saint-Étienne").
A head from the lists below followed by capitalised words (with the
articles and prepositions between them) is one name of the head's kind.
"""

from __future__ import annotations

from typing import Any

from spacy.matcher import Matcher
from spacy.vocab import Vocab

PLACE_HEADS = [
    "rue",
    "avenue",
    "boulevard",
    "place",
    "quai",
    "impasse",
    "allée",
    "chemin",
    "route",
    "pont",
    "square",
    "parc",
    "jardin",
    "stade",
    "gare",
    "aéroport",
    "port",
    "église",
    "cathédrale",
    "basilique",
    "chapelle",
    "abbaye",
    "mosquée",
    "synagogue",
    "salle",
    "maison",
    "château",
    "musée",
    "mont",
    "col",
    "lac",
    "forêt",
    "vallée",
    "île",
    "canton",
    "quartier",
    "faubourg",
    # natural features
    "glacier",
    "volcan",
    "désert",
    "fleuve",
    "rivière",
    "golfe",
    "baie",
    "détroit",
    "archipel",
]
# Natural features whose head French often capitalises: "le Glacier Perito Moreno", "le Golfe Persique".
CAPITALISED_PLACE_HEADS = [w.capitalize() for w in ("glacier", "volcan", "désert", "fleuve", "golfe", "détroit")]
# A press agency's or outlet's common-noun head: the name after it is the organisation ("l'agence de presse X").
PRESS_HEADS = ["agence", "organe", "service"]
ORGANISATION_HEADS = [
    "ministère",
    "comité",
    "commission",
    "association",
    "école",
    "collège",
    "lycée",
    "université",
    "institut",
    "tribunal",
    "cour",
    "mairie",
    "préfecture",
    "société",
    "entreprise",
    "éditions",
    "fédération",
    "syndicat",
    "parti",
    "club",
    "conseil",
    "agence",
    "office",
    "banque",
    "hôpital",
    "clinique",
    "laiterie",
    "boulangerie",
    "fondation",
    "théâtre",
    "sûreté",
    "parquet",
]
# Heads naming a part or surroundings of the place that follows ("port de Kiel",
# "canton de Vaud"): when that place is known, it is the entity, not the phrase.
# Any organisation head yields to a known organisation ("agence Reuters").
# Not "lac de Genève" or "forêt de Fontainebleau": the lake is not the city.
YIELDING_HEADS = {"port", "quartier", "faubourg", "canton", "île"}
LINKS = ["de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’"]


# Between head and name only articles and prepositions: letting nouns in
# ("comité des fêtes de Void") also swallows "groupe terroriste Daesh".
MIDDLE = {"LOWER": {"IN": LINKS}, "OP": "*"}
# A lower-case adjective may follow the head: "ministère russe des Affaires", "sûreté générale du Liban".
# Any lower-case word here: the component keeps the match only where the tagger says it is an
# adjective (a POS pattern would fail on a pipeline without a tagger).
QUALIFIER = {"IS_LOWER": True, "IS_ALPHA": True, "OP": "?"}


# Titles and forms of address before a person's name. The one list: the entity
# component also strips them from the front of a PER span.
TITLES = frozenset(
    {"M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Dr", "Pr", "Monsieur", "Madame", "Mademoiselle"}
)
# A capitalised word that is not a title: "parti de M. Haider" is not a name.
NAME_STARTS = {"IS_TITLE": True, "ORTH": {"NOT_IN": sorted(TITLES)}}
# The capitalised name, its hyphens included ("Jules - Ferry" as tokenised).
NAME_GOES_ON = {"TEXT": {"REGEX": r"^(-|[A-ZÀ-ÖØ-Þ].*)$"}, "OP": "*"}


def head_matcher(vocab: Vocab) -> Matcher:
    """A matcher labelling "<head> [de la] Capitalised..." spans `place`, `organisation` or `press`."""
    matcher = Matcher(vocab)
    for kind, heads in (("place", PLACE_HEADS + CAPITALISED_PLACE_HEADS), ("organisation", ORGANISATION_HEADS)):
        matcher.add(
            kind,
            [[{"ORTH": {"IN": heads}}, QUALIFIER, MIDDLE, NAME_STARTS, NAME_GOES_ON]],
            greedy="LONGEST",
        )
    press: list[dict[str, Any]] = [
        {"ORTH": {"IN": PRESS_HEADS}},
        {"LOWER": "de"},
        {"LOWER": "presse"},
        NAME_STARTS,
        NAME_GOES_ON,
    ]
    matcher.add("press", [press], greedy="LONGEST")
    return matcher
