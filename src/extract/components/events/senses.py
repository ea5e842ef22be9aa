"""Sense filters: a matched trigger word used in another sense than its lexicon entry's is no event.

Each rule reads the parse around the matched head: the noun's complement
("l'avalanche de condamnations"), the subject ("un séisme frappe": the quake's
verb, not a strike), the object ("signer un doublé", "rencontrer des
difficultés"), or a sports word as the trigger's argument ("deux essais
refusés"). Rules named by a `requires` flag of `resources/triggers.tsv` apply
to the entries that carry it; the others apply to every entry of the
categories they name. `in_sense` is called once per match, beside
`syntax.meets_requirements`.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from extract.components.events.lexicon import Trigger, load_triggers
from extract.components.events.syntax import HUMAN_NOUNS, VISITOR_NOUNS, case_lemmas, is_bare_obl, is_verbal

# The `requires` flags read here (syntax.meets_requirements reads the others).
SENSE_FLAGS = frozenset(
    {"literal", "no_feat", "counterpart", "leader", "force", "projectile", "civilian", "predicate", "adj", "issued"}
)

# -- figurative quantities: "une avalanche de condamnations", "un séisme politique" ------------
# What a storm, an avalanche or a flood is literally made of: "tempête de neige", "avalanche de boue".
NATURAL_MATTER = frozenset({
    "neige", "boue", "eau", "pluie", "grêle", "glace", "sable", "vent", "poussière", "roche",
    "pierre", "lave", "cendre", "feu", "terre", "force", "magnitude", "intensité", "catégorie",
})  # fmt: skip
# "un séisme politique", "une tempête médiatique": the adjective says it is a metaphor.
FIGURATIVE_ADJS = frozenset({
    "politique", "électoral", "diplomatique", "médiatique", "financier", "boursier", "social",
    "économique", "judiciaire", "émotionnel", "culturel", "numérique",
})  # fmt: skip

# -- sport: "signer un doublé", "deux essais refusés", "la rencontre Lyon-Marseille" ----------
# Not "équipe", "ligue", "attaquant", "adversaire", "peloton": also words of politics and war.
SPORT_NOUNS = frozenset({
    "match", "essai", "doublé", "triplé", "penalty", "pénalty", "arbitre", "buteur", "but",
    "joueur", "joueuse", "entraîneur", "sélectionneur", "championnat", "tournoi", "demi-finale",
    "mi-temps", "rugby", "football", "tennis", "basket", "handball", "coéquipier", "footballeur",
    "rugbyman", "rugbymen", "hat-trick",
})  # fmt: skip
# An "essai" is a try only without a word of weapons or science: "les essais nucléaires".
NOT_SPORT_TESTS = frozenset({
    "nucléaire", "balistique", "atomique", "missile", "arme", "clinique", "thérapeutique", "vaccin",
})  # fmt: skip
# Words that make a sentence a sports report on their own ("but" and "essai" do not: "dans le
# but de", "un essai nucléaire").
SPORT_CONTEXT = frozenset({
    "match", "rugby", "football", "championnat", "tournoi", "mi-temps", "arbitre", "penalty",
    "pénalty", "buteur", "sélectionneur", "demi-finale", "coéquipier", "tennis", "handball",
})  # fmt: skip
# Categories whose words sports reports borrow: "refuser un essai", "signer un doublé",
# "la rencontre", "affronter", "le combat". Not assault: an attack during a match is an attack.
SPORT_PRONE = frozenset({"reject", "diplomatic_cooperation", "consult", "fight"})
# What a player "signs": a feat, not a text.
FEATS = frozenset({
    "doublé", "triplé", "victoire", "succès", "but", "essai", "record", "exploit", "performance",
    "retour", "come-back", "score", "chrono", "temps", "première", "carton", "hat-trick", "passe",
})  # fmt: skip

# -- who a meeting is with: "rencontrer le ministre", not "rencontrer des difficultés" --------
PARTY_KINDS = frozenset({"person", "organisation", "country", "nationality"})
COUNTERPART_NOUNS = HUMAN_NOUNS | VISITOR_NOUNS | frozenset({
    "homologue", "responsable", "dirigeant", "leader", "partie", "opposition", "famille", "groupe",
    "représentant", "autorité", "gouvernement", "délégué", "chef", "patron", "syndicat", "rebelle",
    "élu", "député", "sénateur", "maire", "officiel", "interlocuteur", "partenaire", "investisseur",
    "patronat", "victime", "survivant", "communauté", "association", "ong", "presse", "conseil",
    "comité", "commission", "parlementaire", "émissaire", "médiateur", "notable", "imam",
})  # fmt: skip

# -- who visits: the subject itself, not a word inside it ("les résultats de l'élection en Côte
# d'Ivoire arrivent" names a country but no visitor) --------------------------------------------
VISITOR_KINDS = frozenset({"person", "organisation", "country", "nationality"})

# -- a text or a state of things "requires", it does not demand: "le code électoral exige que" ---
RULE_TEXTS = frozenset({
    "code", "loi", "texte", "constitution", "règlement", "article", "norme", "procédure", "règle",
    "statut", "directive", "décret", "situation", "contexte", "urgence", "sécurité", "protocole",
})  # fmt: skip

# -- coups: "renverser le chef de l'État", "la prise du pouvoir par l'armée" -------------------
LEADER_NOUNS = frozenset({
    "chef", "président", "présidente", "gouvernement", "régime", "pouvoir", "roi", "reine",
    "monarque", "dirigeant", "ministre", "dictateur", "junte", "premier", "souverain", "émir",
})  # fmt: skip
VEHICLES = frozenset({"voiture", "camion", "véhicule", "bus", "train", "moto", "automobiliste", "chauffard", "tram"})
FORCE_WORDS = frozenset({
    "armée", "militaire", "junte", "soldat", "officier", "putschiste", "gradé", "mutin", "rebelle",
    "putsch", "coup", "garde", "colonel", "général", "insurgé", "force",
})  # fmt: skip

# -- gunfire: what is fired, at whom -----------------------------------------------------------
PROJECTILES = frozenset({"roquette", "missile", "obus", "mortier", "projectile", "grenade", "balle", "salve", "rafale"})
CIVILIAN_TARGETS = HUMAN_NOUNS | frozenset({
    "train", "voiture", "bus", "car", "véhicule", "camion", "maison", "immeuble", "domicile",
    "école", "hôpital", "mosquée", "église", "synagogue", "marché", "ambulance", "bateau",
    "garde", "gardien", "agent", "policier", "gendarme", "passant", "convoi", "foule", "public",
})  # fmt: skip
# Shots that are no fighting: "tirs de sommation", "tirs de joie", "tir au but".
HARMLESS_SHOTS = frozenset({"sommation", "joie", "but", "arc", "entraînement", "célébration", "honneur"})

# -- the verb of an event named as its subject: "un séisme frappe", "des pluies ont inondé" ----
STRUCK_CATEGORIES = frozenset({"fight", "assault", "disaster", "accident"})
NATURAL_FORCES = frozenset({
    "pluie", "vent", "orage", "crue", "foudre", "neige", "vague", "grêle", "intempérie", "canicule",
    "sécheresse", "eau", "flamme", "feu", "secousse", "réplique", "tornade", "déluge", "épidémie",
})  # fmt: skip

# -- an action named as what a warrant or request asks for: "une notice rouge pour l'arrestation"
REQUEST_NOUNS = frozenset({"mandat", "notice", "demande", "requête", "ordre", "ordonnance", "réquisition"})
REQUESTED_CATEGORIES = frozenset({"coerce", "material_cooperation", "yield"})
# A warrant is an event when it is issued or received, or names whom it is against; "qu'est-ce
# qu'une notice rouge", "il existe un mandat d'arrêt" only speak of one.
ISSUING_VERBS = frozenset({
    "lancer", "émettre", "délivrer", "décerner", "recevoir", "publier", "diffuser", "transmettre",
    "adresser", "signer", "notifier", "exécuter", "prononcer", "viser", "demander", "réclamer",
})  # fmt: skip


@lru_cache(maxsize=1)
def event_nouns() -> frozenset[str]:
    """One-word noun entries of the lexicon for violence, disasters and accidents ("séisme", "attentat")."""
    return frozenset(
        t.pattern
        for t in load_triggers()
        if t.category in STRUCK_CATEGORIES | {"mass_violence"} and " " not in t.pattern and "verb" not in t.requires
    )


def _mentioned(token: Token, kinds: frozenset[str]) -> bool:
    return any(m.kind in kinds and m.start <= token.idx < m.end for m in token.doc._.mentions or [])


# A day between verb and object takes the object as its dependent in the parse: "ont renversé
# mercredi le président" (président: nmod of mercredi), "a signé un joli doublé dimanche".
TIME_WORDS = frozenset({
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "matin", "soir",
    "nuit", "hier", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre",
})  # fmt: skip


def _patients(head: Token) -> list[Token]:
    """What the trigger is done to: object, passive subject, bare oblique, the noun a participle
    qualifies ("deux essais refusés"), a noun's "de" complement."""
    if is_verbal(head):
        found = [c for c in head.children if c.dep_ in ("obj", "nsubj:pass") or is_bare_obl(c)]
        if head.dep_ in ("acl", "amod"):
            found.append(head.head)
    else:
        found = [c for c in head.children if c.dep_.startswith("nmod") and "de" in case_lemmas(c)]
    found += [c for p in found if p.lemma_.lower() in TIME_WORDS for c in p.children if c.dep_ in ("nmod", "amod")]
    return found + [c for p in found for c in p.children if c.dep_ == "conj"]


def _subjects(head: Token) -> list[Token]:
    found = [c for c in head.children if c.dep_ in ("nsubj", "obl:agent")]
    return found + [c for s in found for c in s.children if c.dep_ == "conj"]


def _complements(head: Token, case: str) -> list[Token]:
    """The dependents introduced by `case` ("tirer sur les manifestants")."""
    return [c for c in head.children if case in case_lemmas(c) and c.pos_ in ("NOUN", "PROPN", "PRON")]


def is_figurative(head: Token) -> bool:
    """ "L'avalanche de condamnations", "une tempête de protestations", "un séisme politique"."""
    if any(c.dep_ == "amod" and c.lemma_.lower() in FIGURATIVE_ADJS for c in head.children):
        return True
    for child in head.children:
        if not (child.dep_.startswith("nmod") and child.pos_ == "NOUN") or child.lemma_.lower() in NATURAL_MATTER:
            continue
        cases = [c.lower_ for c in child.children if c.dep_ == "case"]
        bare = cases in (["de"], ["d'"]) and not any(c.dep_ == "det" for c in child.children)
        if "Plur" in child.morph.get("Number", []) and set(cases) & {"de", "d'", "des"}:
            return True  # "une pluie de critiques", "un déluge de réactions"
        if bare and "Sing" in child.morph.get("Number", []):
            return True  # "une vague d'indignation", "un tsunami de colère"
    return False


def is_sport(head: Token, trigger: Trigger) -> bool:
    """A sports report's use of the word: a sports noun as its argument, or, for the categories
    sport borrows from, a sports word in the sentence."""
    arguments = [*_patients(head), *_subjects(head)]
    if any(
        t.lemma_.lower() in SPORT_NOUNS and not any(c.lemma_.lower() in NOT_SPORT_TESTS for c in t.subtree)
        for t in arguments
    ):
        return True  # "l'arbitre a refusé l'essai", "deux essais refusés"
    return trigger.category in SPORT_PRONE and any(t.lemma_.lower() in SPORT_CONTEXT for t in head.sent)


def is_feat(head: Token) -> bool:
    """ "Signer un joli doublé", "signe sa première victoire": a feat is signed, not a text."""
    return any(t.lemma_.lower() in FEATS for t in _patients(head))


def has_counterpart(head: Token) -> bool:
    """A meeting is with someone: the object, when there is one, is a party, a person or a pronoun."""
    objects = [
        c for c in head.children if (c.dep_ == "obj" or is_bare_obl(c)) and c.pos_ in ("NOUN", "PROPN", "PRON")
    ]  # not "le 3 mars" read as a bare oblique
    objects = [
        w
        for o in objects
        for w in ([c for c in o.children if c.dep_ == "nmod"] if o.lemma_.lower() in TIME_WORDS else [o])
    ]  # "a rencontré mardi des élus": the object hangs on the day
    if not objects:
        return True  # "les deux dirigeants se sont rencontrés"
    return any(
        o.pos_ in ("PRON", "PROPN") or o.lemma_.lower() in COUNTERPART_NOUNS or _mentioned(o, PARTY_KINDS)
        for o in objects
    )


def has_visitor(head: Token) -> bool:
    """The subject of a visit is a visitor itself: a name, a pronoun, an office or a person."""
    found = [c for c in head.children if c.dep_ == "nsubj"]
    found += [c for s in found for c in s.children if c.dep_ == "conj"]
    # The subject's head and the words hung on it without a preposition: "le docteur Vogelwald",
    # "le président Macron" (the name read as an adjective).
    words = [w for s in found for w in (s, *(c for c in s.children if not case_lemmas(c) and c.dep_ != "det"))]
    return not found or any(
        w.pos_ in ("PROPN", "PRON") or w.lemma_.lower() in VISITOR_NOUNS | HUMAN_NOUNS or _mentioned(w, VISITOR_KINDS)
        for w in words
    )


def is_stated_intent(head: Token) -> bool:
    """ "Le ministre s'est dit prêt à coopérer", "Moscou est prête à négocier": the adjective (not
    the loan, "un prêt à taux zéro"), a verb as its complement (not "prête à l'emploi"), and a
    party as its subject: a name, an office or a people, not "j'étais prêt à partir"."""
    if head.pos_ != "ADJ":
        return False
    if not any(c.pos_ == "VERB" and "à" in case_lemmas(c) for c in head.children):
        return False
    holders = [head, head.head] if head.dep_ in ("xcomp", "acl") else [head]
    found = [c for h in holders for c in h.children if c.dep_ in ("nsubj", "nsubj:pass")]
    return any(s.pos_ == "PROPN" or s.lemma_.lower() in VISITOR_NOUNS or _mentioned(s, VISITOR_KINDS) for s in found)


def is_requirement(head: Token, trigger: Trigger) -> bool:
    """ "Le code électoral exige que", "la situation exige": a rule or a state of things as the
    subject of a demand verb makes it "require", not a demand anyone makes."""
    return trigger.category == "demand" and any(s.lemma_.lower() in RULE_TEXTS for s in _subjects(head))


def overthrows_leader(head: Token) -> bool:
    """ "Renverser le chef de l'État / le gouvernement", not "renversé par une voiture"."""
    if any(a.lemma_.lower() in VEHICLES for a in head.children if a.dep_ in ("obl:agent", "obl:mod", "nsubj")):
        return False
    return any(p.lemma_.lower() in LEADER_NOUNS or _mentioned(p, frozenset({"person"})) for p in _patients(head))


def by_force(head: Token) -> bool:
    """ "La prise du pouvoir par l'armée": a coup only beside the soldiers or the coup itself."""
    return any(t.lemma_.lower() in FORCE_WORDS for t in head.sent)


def fires_projectile(head: Token) -> bool:
    """ "Des roquettes ont été tirées", "a tiré des obus": what is fired is a weapon's."""
    return any(t.lemma_.lower() in PROJECTILES for t in _patients(head))


def at_civilians(head: Token, span: Span) -> bool:
    """ "Ont tiré sur les manifestants", "des tirs sur des trains": fire at people or civilian
    things is an assault; at soldiers' positions it stays a fight ("tir")."""
    targets = [*_complements(head, "sur"), *(w.head for w in span[1:] if w.dep_ == "case")]
    return any(
        t.lemma_.lower() in CIVILIAN_TARGETS or _mentioned(t, frozenset({"person", "nationality"})) for t in targets
    )


def is_struck_by_event(head: Token, trigger: Trigger) -> bool:
    """ "Un séisme frappe l'Iran", "cet attentat frappe un pays", "des pluies ont inondé la ville":
    the verb of an event named as its subject is that event, not a second one. A noun trigger
    with a subject is the verb mis-tagged ("frappe")."""
    if trigger.category not in STRUCK_CATEGORIES:
        return False
    nouns = event_nouns() | NATURAL_FORCES
    if not is_verbal(head):
        if head.dep_.startswith("nmod") and not case_lemmas(head) and head.head.lemma_.lower() in nouns:
            return True  # "cet attentat frappe un pays": "frappe" read as a noun hung on "attentat"
        if not any(c.dep_ == "nsubj" for c in head.children):
            return False
    return any(s.lemma_.lower() in nouns for s in _subjects(head) if s.dep_ == "nsubj")


def is_requested(head: Token, trigger: Trigger) -> bool:
    """ "Une notice rouge pour l'arrestation de X", "un mandat d'arrêt aux fins d'extradition":
    the action a warrant or request asks for has not happened; the warrant is the event."""
    if trigger.category not in REQUESTED_CATEGORIES or is_verbal(head):
        return False
    if head.dep_.startswith("nmod") and head.head.lemma_.lower() in REQUEST_NOUNS:
        return True
    if head.dep_.startswith("nmod") and head.head.lemma_.lower() in ("fin", "vue"):
        return True  # "aux fins d'extradition", "en vue de son arrestation"
    if "pour" in case_lemmas(head):  # "a indiqué avoir reçu une notice rouge, pour l'arrestation de"
        verbs = [head.head, *(c for c in head.head.children if c.dep_ in ("xcomp", "ccomp"))]
        arguments = [c for v in verbs for c in v.children if c.dep_ in ("obj", "nsubj", "nsubj:pass")]
        return any(a.lemma_.lower() in REQUEST_NOUNS for a in arguments)
    return False


def is_issued(head: Token) -> bool:
    """ "Un mandat d'arrêt lancé contre lui", "a reçu une notice rouge", "visé par un mandat"."""
    verbs = [head.head, *(c for c in head.children if c.dep_ in ("acl", "acl:relcl"))]
    if any(v.lemma_.lower() in ISSUING_VERBS for v in verbs):
        return True
    return any(
        case_lemmas(c) & {"contre", "encontre"} or c.lemma_.lower() == "encontre" for c in head.subtree if c.i != head.i
    )


def is_attributive(head: Token) -> bool:
    """ "Des parkings inondés": a participle qualifying a noun, with no auxiliary and nothing of
    its own (no date, place, agent), tells the state left, not an event."""
    if head.dep_ == "amod":
        return True
    return head.dep_ == "acl" and not any(c.dep_.startswith(("aux", "obl", "nsubj")) for c in head.children)


def in_sense(span: Span, head: Token, trigger: Trigger) -> bool:
    """Whether the matched trigger is used in the sense of its lexicon entry."""
    needs = trigger.requires
    if "literal" in needs and is_figurative(head):
        return False
    if "no_feat" in needs and is_feat(head):
        return False
    if "counterpart" in needs and not has_counterpart(head):
        return False
    if "leader" in needs and not overthrows_leader(head):
        return False
    if "force" in needs and not by_force(head):
        return False
    if "projectile" in needs and not fires_projectile(head):
        return False
    if "civilian" in needs and not at_civilians(head, span):
        return False
    if "adj" in needs and not is_stated_intent(head):
        return False
    if "issued" in needs and not is_issued(head):
        return False
    if "predicate" in needs and is_attributive(head):
        return False
    if trigger.pattern == "tir" and any(
        c.lemma_.lower() in HARMLESS_SHOTS for c in head.children if c.dep_.startswith("nmod")
    ):
        return False
    if "visit" in needs and not has_visitor(head):
        return False  # "les résultats de l'élection arrivent au siège de la commission"
    if is_struck_by_event(head, trigger) or is_requested(head, trigger) or is_requirement(head, trigger):
        return False
    return not is_sport(head, trigger)
