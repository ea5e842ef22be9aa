"""The closed word lists the event rules read: dependency relations, negators, case markers, support verbs."""

from __future__ import annotations

# Dependents that open a clause of their own: searches for a trigger's
# arguments, place and date do not descend into them.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "acl:relcl", "parataxis", "conj", "csubj", "xcomp"})
# "au lendemain du séisme", "à la veille du sommet": days counted from the event they name.
DAYS_FROM_AN_EVENT = frozenset({"lendemain", "surlendemain", "veille", "avant-veille"})
# "le vendredi suivant le scrutin", "deux jours après l'attaque": a time counted from the event named after them.
COUNTED_FROM = frozenset({"suivant", "précédant", "après", "avant"})
NEGATORS = frozenset({"ne", "pas", "jamais", "nullement", "guère", "aucun", "nul"})
# "toute attaque": a kind of event, not one; "aucune attaque": none happened.
GENERIC_DETS = frozenset({"tout", "chaque"})
NEGATIVE_DETS = frozenset({"aucun", "nul"})
IRREALIS_ADJS = frozenset({"éventuel", "possible", "potentiel", "hypothétique"})
# A noun or verb that schedules the trigger: "le prochain sommet", "la réunion prévue", "est programmé".
PLANNING_ADJS = frozenset({"prochain", "prévu", "prévoir", "programmé", "programmer", "futur"})
# Mentions whose words are a name, not an event: "Front de libération nationale".
NAME_KINDS = frozenset({"organisation", "person"})
# An expression introduced by these bounds a period; it does not date the event in it.
BOUND_CASES = frozenset({"depuis", "jusque", "jusqu'", "partir", "ici"})
# Governors under which the trigger did not (yet) happen: hypothetical.
IRREALIS_GOVERNORS = frozenset(
    {
        "prévenir",
        "éviter",
        "contrer",
        "craindre",
        "redouter",
        "préparer",
        "projeter",
        "planifier",
        "envisager",
        "risquer",
        "vouloir",
        "souhaiter",
        "espérer",
        "crainte",
        "risque",
        "menace",
        "prévention",
        "projet",
        "lutte",
        # proposed or agreed in principle: "a proposé la tenue d'un sommet", "le principe d'un sommet"
        "proposer",
        "proposition",
        "suggérer",
        "principe",
        "idée",
        "possibilité",
        "éventualité",
        "hypothèse",
        # still to come: "en attendant son extradition", "il faut que les membres se réunissent"
        "attendre",
        "falloir",
    }
)
# Governors that say the trigger was foiled or called off: negated.
CANCELLING_GOVERNORS = frozenset({"déjouer", "annuler", "annulation", "échec", "empêcher"})
# "a proposé son aide": under these governors an offer is the event, not a hypothesis.
OFFERING_GOVERNORS = frozenset({"proposer", "proposition"})
OFFERING_CATEGORIES = frozenset({"aid", "intent_cooperate"})
# Trigger categories whose complement is only wanted, promised, refused or threatened.
IRREALIS_CATEGORIES = frozenset({"appeal", "intent_cooperate", "demand", "threaten", "reject"})
# Nouns that put the noun after "de" into effect: "ont décrété l'instauration d'un couvre-feu".
ENACTING_NOUNS = frozenset({"instauration", "imposition", "mise", "proclamation", "déclaration", "ouverture"})
# Verbs a scheduled event does, which the parser sometimes leaves without their subject ("à Dakar,
# où le sommet se tiendra du 17 au 18": "sommet" read as a relative clause, "tiendra" as a complement).
HAPPENING_VERBS = frozenset({"tenir", "dérouler", "avoir", "ouvrir", "débuter", "commencer", "achever", "terminer"})
SPEECH_CATEGORIES = frozenset({"statement", "appeal", "demand", "disapprove"})
# Verbs that make a noun trigger happen: their negation, mood, subject and date are the noun's.
SUPPORT_VERBS = frozenset(
    {
        "avoir",
        "lieu",
        "mener",
        "lancer",
        "commettre",
        "perpétrer",
        "organiser",
        "conduire",
        "effectuer",
        "produire",
        "survenir",
        "tenir",
        "conclure",
        "déclencher",
        "signer",
        "ouvrir",
        "faire",
        "décréter",
        "imposer",
        "proclamer",
        "prononcer",
        "entamer",
        "opérer",
        "procéder",
        "frapper",
        "tuer",
        "secouer",
        "éclater",
        "dérouler",
        "poursuivre",
        "annoncer",
        "décider",
        "accorder",
        "octroyer",
        "proposer",
        "verser",
        "envoyer",
        "débloquer",
        "placer",
        "viser",
        "prolonger",
        "adopter",
        "présenter",
        "adresser",
        "exprimer",
        "rendre",
        "instaurer",
        "instituer",
    }
)
PLACE_CASES = frozenset({"à", "au", "aux", "en", "dans", "sur", "près", "large", "vers", "devant", "autour"})
# "des"/"du" before an object, which the parser sometimes reads as a preposition.
PARTITIVES = frozenset({"des", "du"})
# Nouns that count or group events: "une vague de frappes", "une série d'attentats".
COLLECTIVE_NOUNS = frozenset(
    {"vague", "série", "salve", "succession", "multitude", "flambée", "regain", "recrudescence", "ensemble", "totalité"}
)
PLACE_KINDS = frozenset({"place", "country"})
DATE_TYPES = frozenset({"DATE", "TIME"})
AGENT_DEPS = frozenset({"nsubj", "obl:agent"})
OTHER_DEPS = frozenset({"obj", "iobj", "nsubj:pass"})
OTHER_CASES = frozenset({"de", "du", "des", "contre", "entre", "avec"})
RECIPIENT_CASES = frozenset({"à", "au", "aux"})
# Verbs that report speech: a date on them is the day of the statement, not of the event told.
REPORTING_VERBS = frozenset({
    "déclarer", "annoncer", "affirmer", "dire", "indiquer", "expliquer", "préciser", "estimer",
    "assurer", "ajouter", "souligner", "rappeler", "confirmer", "révéler", "rapporter", "écrire",
    "raconter", "signaler", "souhaiter", "juger", "considérer", "publier", "démentir",
    "proclamer", "communiquer",
})  # fmt: skip
