"""The tense an expression is seen from: past, present or future, read off the parse.

A weekday, month or season named without "dernier/prochain" takes the side of the
publication date its verb points to: "a signé mardi" the last Tuesday, "se réunira
vendredi" the next Friday.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract.components.timex.values import COMING, FUTURE, PAST, PRESENT

MODAL_FUTURE = {"aller", "devoir", "pouvoir", "prévoir", "compter", "espérer", "vouloir", "envisager", "souhaiter"}
# Verbs whose passé composé takes "être" (the parser often reads "est arrivé" as a passive).
ETRE_VERBS = {
    "aller",
    "arriver",
    "décéder",
    "descendre",
    "devenir",
    "entrer",
    "intervenir",
    "monter",
    "mourir",
    "naître",
    "partir",
    "parvenir",
    "passer",
    "rentrer",
    "rester",
    "retourner",
    "revenir",
    "sortir",
    "survenir",
    "tomber",
    "venir",
    "repartir",
    "redevenir",
    "apparaître",
    "disparaître",
}
# Participles that schedule what they qualify: "prévue le 15 septembre" looks ahead.
# "annoncer" is not one: "les mesures annoncées mercredi" were announced last Wednesday.
SCHEDULING_VERBS = {"prévoir", "programmer", "fixer", "planifier", "attendre", "envisager", "reporter"}
# Verbs that move a date: what follows "à/au" is the day it is moved to, still ahead whatever
# the verb's tense ("a été repoussé au 3 mars", "des législatives anticipées à l'automne").
MOVING_VERBS = {"reporter", "repousser", "avancer", "anticiper", "décaler", "différer", "ajourner", "renvoyer"}
# The present-tense cut-off: a present places a weekday ahead only from the verb the weekday
# depends on, with at most this many tokens between them ("le ministre reçoit les syndicats
# lundi"); farther, or through a noun ("très faible samedi"), the nearest occurrence.
PRESENT_REACH = 4


def verb_tense(verb: Token, depth: int = 0) -> str | None:
    """past / present / future of a verb, reading compound tenses through its auxiliaries.

    "a signé" (avoir, present, + participle) is past, so is "est arrivé"; "se réunira"
    future; "va signer" (aller + infinitive) future; "a été tué" past; "sera signé" future.
    """
    morph = verb.morph
    tense, mood, form = morph.get("Tense", []), morph.get("Mood", []), morph.get("VerbForm", [])
    if "Fut" in tense or "Cnd" in mood:
        return FUTURE
    if "Part" in form or verb.pos_ not in ("VERB", "AUX"):
        children = list(verb.children)
        auxiliaries = [c for c in children if c.dep_ in ("aux:tense", "aux:pass", "aux") and c.i < verb.i]
        lemma = verb.lemma_.lower()
        if not auxiliaries:  # an adjectival participle: "élu le 6 mai", "prévue le 15 septembre"
            return FUTURE if lemma in SCHEDULING_VERBS else PAST
        first = auxiliaries[0].morph
        if "Fut" in first.get("Tense", []) or "Cnd" in first.get("Mood", []):
            return FUTURE
        if "Imp" in first.get("Tense", []) or "Past" in first.get("Tense", []):
            return PAST
        if (
            any(c.dep_ == "aux:tense" for c in auxiliaries)
            or lemma in ETRE_VERBS
            or verb.pos_ not in ("VERB", "AUX")
            or any("Yes" in c.morph.get("Reflex", []) for c in children)
        ):
            return PAST  # "a signé", "est arrivé", "s'est tenu"
        return FUTURE if lemma in SCHEDULING_VERBS else PRESENT  # "est fixée au jeudi 16"
    if "Inf" in form:
        head = verb.head
        if head is verb or depth > 2:
            return None
        if head.lemma_ == "venir" and any(c.lower_ in ("de", "d'") for c in verb.children):
            return PAST
        if head.lemma_ in MODAL_FUTURE:
            head_tense = verb_tense(head, depth + 1)
            return PAST if head_tense == PAST and head.lemma_ != "aller" else FUTURE
        return verb_tense(head, depth + 1)
    if "Past" in tense and is_present_look_alike(verb):
        return PRESENT
    if "Past" in tense or "Imp" in tense:
        return PAST
    if "Pres" in tense:
        return PRESENT
    return None


def is_present_look_alike(verb: Token) -> bool:
    """A passé simple that is also a present: "se réunit", "finit", "choisit" (verbs in -ir).

    The tagger calls them past; in news the passé simple is rare and the present common.
    """
    text, lemma = verb.lower_, verb.lemma_.lower()
    return lemma.endswith("ir") and text == lemma[:-2] + "it" and "Fin" in verb.morph.get("VerbForm", [])


PAST_SIGNALS = {"depuis"}
FUTURE_SIGNALS = {"jusqu'", "ici", "avant", "partir"}  # "partir": "à partir de lundi" starts ahead


def governing_tense(doc: Doc, start: int, end: int) -> str | None:
    """The time an expression (tokens [start, end)) is seen from: past, present, future or None.

    A preposition before it decides first ("depuis mardi" looks back, "jusqu'au 30
    juin" forward); else the tense of the verb it depends on; else that of the
    sentence's main verb.
    """
    for k in (start - 1, start - 2):
        if k >= 0 and doc[k].lower_ in PAST_SIGNALS:
            return PAST
        if k == start - 1 and k >= 0 and doc[k].lower_ == "pour":
            return FUTURE  # "annoncée pour jeudi", "prévu pour le 3 mars"
        if k >= 0 and doc[k].lower_ in FUTURE_SIGNALS and (doc[k].lower_ != "avant" or k == start - 1):
            return FUTURE
    token = doc[start:end].root
    if start > 0 and doc[start - 1].lower_ in ("à", "au", "aux") and token.head.lemma_ in MOVING_VERBS:
        return FUTURE
    if (
        start > 0
        and doc[start - 1].lower_ in ("du", "de", "d'")
        and token.head.pos_ in ("NOUN", "PROPN")
        and any(t.like_num for t in doc[start:end])
    ):
        return None  # "l'élection du 18 avril": the noun's date, not the verb's
    tense = verb_tense_of(doc, start, end)
    head = token.head
    if (
        tense is not None
        and tense != PAST
        and head.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "nmod"
        and head.dep_ not in ("obj", "ROOT")
    ):
        # "le scrutin de dimanche", "l'annonce par le ministre jeudi soir": a day of what the
        # noun names, which the verb's present or future does not place ahead ("prendra fin
        # vendredi", a noun object of the verb, keeps the verb's tense).
        return None
    if tense is None and doc.has_annotation("SENT_START"):
        return capitals_tense(doc[start].sent)
    return tense


def weekday_tense(doc: Doc, start: int, end: int, tense: str | None) -> str | None:
    """`COMING` for a weekday whose own verb, close to it, is in the present; else `tense`.

    "Le Parlement vote mardi", published on a Wednesday, is next Tuesday, not yesterday;
    "l'équipe, très faible samedi, ..." (the day of an adjective) keeps the nearest.
    """
    if tense != PRESENT:
        return tense
    verb = doc[start:end].root.head
    if verb.pos_ == "NOUN" and verb.dep_ == "obj" and (start == 0 or doc[start - 1].lower_ not in ("de", "du", "d'")):
        verb = verb.head  # "reçoit les syndicats lundi": the parser hangs a bare weekday on the object
    morph = verb.morph
    if (
        verb.pos_ not in ("VERB", "AUX")
        or "Fin" not in morph.get("VerbForm", [])
        or ("Pres" not in morph.get("Tense", []) and not is_present_look_alike(verb))
        or "Ind" not in morph.get("Mood", [])
    ):
        return tense
    gap = start - verb.i - 1 if verb.i < start else verb.i - end
    return COMING if gap <= PRESENT_REACH else tense


# Verbs whose object carries its own date: "a annoncé des élections le 30 juin" dates the
# elections, not the announcement ("a annoncé jeudi des élections" dates the announcement).
OBJECT_DATING_VERBS = {"annoncer", "convoquer", "fixer", "programmer", "décider", "promettre", "proposer", "confirmer"}


def verb_tense_of(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the verb the expression depends on, else of the sentence's main verb."""
    token = doc[start:end].root
    for _ in range(4):
        if token.head is token:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX") or has_auxiliary(token):
            if token.lemma_ in OBJECT_DATING_VERBS and any(
                c.dep_ == "obj" and c.pos_ == "NOUN" and c.i < start for c in token.children
            ):
                return None
            tense = verb_tense(token)
            if tense is not None:
                return tense
    root = doc[start].sent.root if doc.has_annotation("SENT_START") else None
    if root is not None and (root.pos_ in ("VERB", "AUX") or has_auxiliary(root)):
        return verb_tense(root)
    return None


# Endings of the future tense, for a headline in capitals the tagger cannot read ("LE
# VILLAGE FERA LA FÊTE DIMANCHE"): "-ERA", "-IRA", "-RONT"...
CAPITAL_FUTURE_ENDINGS = ("ERA", "IRA", "DRA", "TRA", "VRA", "RONT")


def capitals_tense(sentence: Span) -> str | None:
    """FUTURE for a sentence in capitals with a verb in the future tense, else None."""
    words = [t.text for t in sentence if t.is_alpha]
    if len(words) < 3 or not all(w.isupper() for w in words):
        return None
    if any(len(w) >= 4 and w.endswith(CAPITAL_FUTURE_ENDINGS) for w in words):
        return FUTURE
    return None


def has_auxiliary(token: Token) -> bool:
    """A participle the tagger took for a noun or adjective ("sont morts") still has its auxiliary."""
    return any(child.dep_ in ("aux:tense", "aux:pass") for child in token.children)
