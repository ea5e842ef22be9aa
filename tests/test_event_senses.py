"""Trigger senses and the event kinds added with them, on sentences written for these tests.

Each row is a sentence, the phrase of it that holds the trigger, a category (None = any) and
whether an event of that category must be found in the phrase (True) or none may be (False).
A rule's row stands beside a look-alike that the rule must leave alone.
"""

from __future__ import annotations

import datetime as dt
import runpy
from pathlib import Path

import pytest

from extract.components.events import lexicon
from extract.components.events.senses import SENSE_FLAGS
from extract.pipeline.clean import prepare
from extract.pipeline.spans import Event

PUBLISHED = dt.date(2024, 3, 14)
ROOT = Path(__file__).resolve().parents[1]

SENSES = [
    # figurative quantities and metaphors are no disaster; the literal ones are
    ("Sous une avalanche de critiques, le ministre a démissionné mardi.", "avalanche", None, False),
    ("Une avalanche a emporté mardi trois skieurs dans les Alpes.", "avalanche", "disaster", True),
    ("Une tempête de protestations a accueilli la réforme des retraites.", "tempête", None, False),
    ("Une tempête de neige a paralysé lundi le nord du pays.", "tempête", "disaster", True),
    ("Cette défaite est un séisme politique pour le parti au pouvoir.", "séisme", None, False),
    ("Un séisme a secoué jeudi le centre de l'Italie.", "séisme", "disaster", True),
    ("Le gouvernement fait face à un déluge de plaintes depuis janvier.", "déluge", None, False),
    # a sports feat is signed, not an agreement
    ("L'avant-centre a signé un joli doublé dimanche contre Nantes.", "signé", None, False),
    ("Le capitaine a signé samedi sa première victoire de la saison.", "signé", None, False),
    ("Le Niger et le Bénin ont signé dimanche un accord de coopération.", "signé", "diplomatic_cooperation", True),
    # sports nouns as arguments, a sports report's sentence
    ("L'arbitre vidéo a refusé deux essais aux Gallois samedi.", "refusé", None, False),
    ("Au cours du match, deux essais refusés ont privé les Bleus de la victoire.", "refusés", None, False),
    ("Le Parlement a refusé mardi le projet de budget du gouvernement.", "refusé", "reject", True),
    ("Tokyo a condamné mardi les essais nucléaires de Pyongyang.", "condamné", "disapprove", True),
    ("La rencontre entre Lyon et Marseille s'est soldée par un match nul dimanche.", "rencontre", None, False),
    ("La rencontre entre les deux présidents a eu lieu dimanche à Dakar.", "rencontre", "consult", True),
    # a meeting is with someone
    ("Le projet a rencontré de sérieuses difficultés en mars.", "rencontré", None, False),
    ("La réforme a rencontré un vif succès auprès des électeurs.", "rencontré", None, False),
    ("Le ministre a rencontré lundi son homologue tunisien à Tunis.", "rencontré", "consult", True),
    ("Le Premier ministre a rencontré mardi des élus locaux à Lyon.", "rencontré", "consult", True),
    # the warrant is the event, not the arrest or extradition it asks for
    ("La Turquie a émis mardi une notice rouge pour l'arrestation du banquier.", "notice rouge", "coerce", True),
    ("La Turquie a émis mardi une notice rouge pour l'arrestation du banquier.", "arrestation", None, False),
    ("La police a procédé mardi à l'arrestation de l'homme d'affaires.", "arrestation", "coerce", True),
    ("Un mandat d'arrêt a été délivré vendredi contre l'ex-ministre.", "mandat d'arrêt", "coerce", True),
    ("Un juge a délivré un mandat aux fins d'extradition du banquier.", "extradition", None, False),
    ("Une notice rouge consiste à demander la localisation d'une personne.", "notice rouge", None, False),
    ("Il existe un mandat d'arrêt pour ces faits.", "mandat d'arrêt", None, False),
    ("Un mandat d'arrêt visant l'ancien ministre a été émis en 2019.", "mandat d'arrêt", "coerce", True),
    # the verb of a disaster or attack named as its subject is no second event
    ("Un violent séisme frappe l'ouest du pays.", "séisme", "disaster", True),
    ("Un violent séisme frappe l'ouest du pays.", "frappe", None, False),
    ("Cet attentat frappe un pays déjà éprouvé par la guerre.", "frappe", None, False),
    ("Une frappe aérienne a visé jeudi un dépôt d'armes.", "frappe", "fight", True),
    ("Une tempête frappe la côte bretonne.", "frappe", None, False),
    ("Une attaque a visé le stade pendant le match dimanche.", "attaque", "assault", True),
    ("Un ouragan de catégorie 5 a touché la Floride lundi.", "ouragan", "disaster", True),
    ("Des pluies diluviennes ont inondé la vallée dimanche.", "pluies diluviennes", "disaster", True),
    ("Des pluies diluviennes ont inondé la vallée dimanche.", "inondé", None, False),
    ("Le quartier de la gare a été inondé dimanche.", "inondé", "disaster", True),
    ("Des parkings inondés et des routes coupées témoignent de la violence de l'orage.", "inondés", None, False),
    # a visit is made by a visitor, a demand by someone, not by a text
    ("Les résultats du scrutin au Mali arrivent au siège de la commission.", "arrivent", None, False),
    ("Le président malien est arrivé lundi à Alger.", "arrivé", "consult", True),
    ("Le général Diallo s'est rendu mardi à Bamako.", "rendu", "consult", True),
    ("La loi électorale exige que chaque bureau compte trois assesseurs.", "exige", None, False),
    ("Les syndicats exigent depuis lundi le retrait de la réforme.", "exigent", "demand", True),
    # gunfire: at people or civilian things an assault, at soldiers a fight, a weapon's fire a fight
    ("Des policiers ont tiré sur les manifestants mardi à Conakry.", "tiré sur", "assault", True),
    ("Des tirs sur des trains de marchandises ont été signalés jeudi.", "tirs sur", "assault", True),
    ("L'armée a tiré mardi sur les positions rebelles.", "tiré", "assault", False),
    ("La police a tiré à balles réelles sur la foule vendredi.", "tiré", "assault", True),
    ("Un homme a ouvert le feu sur des fidèles dimanche à Kano.", "ouvert le feu", "assault", True),
    ("Les soldats ont ouvert le feu sur les positions ennemies jeudi.", "ouvert le feu", "fight", True),
    ("Des tirs sur les positions de l'armée ont été signalés jeudi.", "tirs", "fight", True),
    ("Des roquettes ont été tirées dimanche sur la ville.", "tirées", "fight", True),
    ("Le pays a su tirer profit de la crise.", "tirer", None, False),
    ("Les gendarmes ont effectué des tirs de sommation mercredi.", "tirs", "fight", False),
]

KINDS = [
    # coups (coerce, 17: no CAMEO code of their own)
    ("Des militaires ont renversé mercredi le président.", "renversé", "coerce", True),
    ("Un piéton a été renversé mercredi par une voiture.", "renversé", None, False),
    ("Le coup d'État a eu lieu dans la nuit de mercredi.", "coup d'État", "coerce", True),
    ("Les putschistes ont justifié le coup d'Etat de juillet.", "coup d'Etat", "coerce", True),
    ("Le putsch a eu lieu mercredi à Bamako.", "putsch", "coerce", True),
    ("La prise du pouvoir par l'armée a été condamnée par l'Union africaine.", "prise du pouvoir", "coerce", True),
    ("La prise de pouvoir du nouveau maire s'est déroulée dans le calme.", "prise de pouvoir", None, False),
    ("Des officiers ont annoncé jeudi la fin du régime du président.", "fin du régime", "coerce", True),
    # floods and storms
    ("Les intempéries ont fait deux morts samedi dans le Gard.", "intempéries", "disaster", True),
    ("La crue du fleuve a submergé plusieurs villages lundi.", "crue", "disaster", True),
    ("Des pluies torrentielles se sont abattues mardi sur la région.", "pluies torrentielles", "disaster", True),
    ("Une pluie fine tombait mardi sur la capitale.", "pluie", None, False),
    ("Une vague de chaleur a frappé l'Europe en juillet.", "vague de chaleur", "disaster", True),
    # incursions, rocket fire
    ("Une incursion de l'armée a eu lieu lundi près de la frontière.", "incursion", "fight", True),
    ("Le groupe a tiré lundi des roquettes vers le nord.", "tiré", "fight", True),
    # elections
    ("Le président sortant a été réélu dimanche avec 58 % des voix.", "réélu", "election", True),
    # extraditions carried out and requested
    ("Le suspect a été extradé lundi vers l'Espagne.", "extradé", "material_cooperation", True),
    ("Madrid a transmis lundi une demande d'extradition du suspect.", "demande d'extradition", "demand", True),
    ("Madrid a transmis lundi une demande d'extradition du suspect.", "extradition", "material_cooperation", False),
    ("Le fugitif a été remis jeudi aux autorités françaises.", "remis", "material_cooperation", True),
    # rejections
    ("La Russie a opposé jeudi son veto à la résolution.", "opposé", "reject", True),
    ("Le syndicat a rejeté lundi la proposition du gouvernement.", "rejeté", "reject", True),
    # intents: the intent, not the cooperation it announces
    ("Le ministre s'est dit prêt à coopérer avec la justice.", "prêt à", "intent_cooperate", True),
    ("La banque a accordé mardi un prêt à taux zéro à l'État.", "prêt", "aid", True),
    ("Moscou est prête à négocier avec Kiev.", "prête à", "intent_cooperate", True),
    ("La solution est livrée prête à l'emploi.", "prête à", None, False),
    ("J'étais prêt à partir à la fin de la saison.", "prêt à", None, False),
]


@pytest.fixture(scope="module")
def events_of(nlp):
    cache: dict[str, tuple[str, list[Event]]] = {}

    def run(sentence: str) -> tuple[str, list[Event]]:
        if sentence not in cache:
            text = prepare(sentence).text
            doc = nlp.make_doc(text)
            doc._.published = PUBLISHED
            cache[sentence] = (text, nlp(doc)._.events)
        return cache[sentence]

    return run


def _in_phrase(text: str, events: list[Event], phrase: str) -> list[Event]:
    start = text.find(phrase)
    assert start >= 0, f"phrase not in sentence: {phrase!r}"
    end = start + len(phrase)
    return [e for e in events if e.start < end and start < e.end]


@pytest.mark.parametrize(("sentence", "phrase", "category", "present"), [*SENSES, *KINDS], ids=lambda v: str(v)[:40])
def test_trigger_sense(events_of, sentence: str, phrase: str, category: str | None, present: bool):
    text, events = events_of(sentence)
    found = [e for e in _in_phrase(text, events, phrase) if category is None or e.category == category]
    got = "; ".join(f"{e.trigger_lemma}/{e.category}" for e in events) or "none"
    assert bool(found) == present, f"{phrase!r} in {sentence!r}: got {got}"


def test_an_action_one_is_ready_for_is_only_hypothetical(events_of):
    """ "s'est dit prêt à coopérer": the intent is the event; the cooperation has not happened."""
    text, events = events_of("Le ministre s'est dit prêt à coopérer avec la justice.")
    assert [e.category for e in _in_phrase(text, events, "prêt à")] == ["intent_cooperate"]
    assert all(e.modality == "hypothetical" for e in _in_phrase(text, events, "coopérer"))


def test_a_disaster_struck_is_one_event(events_of):
    """ "Un séisme frappe": the quake, not also a strike."""
    _, events = events_of("Un violent séisme frappe l'ouest du pays.")
    assert [e.category for e in events] == ["disaster"]


def test_the_sense_flags_are_known_to_the_lexicon_check():
    check = runpy.run_path(str(ROOT / "tools" / "resources" / "check_triggers.py"))
    assert SENSE_FLAGS <= check["FLAGS"]
    used = {flag for trigger in lexicon.load_triggers() for flag in trigger.requires}
    assert used <= check["FLAGS"]
