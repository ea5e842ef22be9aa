"""The parse, read a trigger at a time: heads, subjects, negation, the conditional, what a trigger requires."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from extract.components.events.lexicon import Trigger
from extract.components.events.words import CLAUSE_DEPS, COLLECTIVE_NOUNS, NEGATORS, PARTITIVES


def ends_linked(span: Span, trigger: Trigger) -> bool:
    """For an entry with a gap, whether its last word hangs on its first within two steps
    ("ont ouvert lundi une enquête"), so a gap never joins words of unrelated phrases."""
    if "_" not in trigger.pattern.split():
        return True
    first, token = span[0], span[-1]
    for _ in range(2):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i == first.i:
            return True
    return first.head.i == span[-1].i  # "l'accord conclu": the noun governs the verb


def span_head(span: Span) -> Token:
    """The token of the span that the rest of the span depends on."""
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head.i == token.i:
            return token
    return span.root


def is_verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and "Part" in token.morph.get("VerbForm", []))


def has_reflexive(token: Token) -> bool:
    return any(
        child.dep_.startswith("expl") or (child.lemma_ == "se" and child.pos_ == "PRON") for child in token.children
    )


def case_lemmas(token: Token) -> set[str]:
    return {child.lemma_.lower() for child in token.children if child.dep_ in ("case", "mark")}


def subjects(token: Token) -> list[Token]:
    """The subject of the token and its conjuncts."""
    found = [c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")]
    return found + [c for s in found for c in s.children if c.dep_ == "conj"]


def has_plural_subject(token: Token) -> bool:
    found = subjects(token)
    return len(found) > 1 or any("Plur" in s.morph.get("Number", []) for s in found)


# A round ("le second tour") is a vote's only beside one of these in its sentence.
VOTE_WORDS = frozenset({
    "élection", "scrutin", "présidentielle", "présidentiel", "législatives", "législative",
    "vote", "voter", "voix", "suffrage", "candidat", "candidate", "électeur", "électoral",
    "bulletin", "urne", "élire", "municipales", "primaire",
})  # fmt: skip


# Who can be abducted or dispersed: a person or people named, or one of these nouns.
HUMAN_KINDS = frozenset({"person", "nationality"})
HUMAN_NOUNS = frozenset({
    "otage", "personne", "enfant", "élève", "lycéen", "lycéenne", "collégien", "écolier",
    "étudiant", "étudiante", "journaliste", "humanitaire", "touriste", "civil", "villageois",
    "femme", "homme", "fille", "garçon", "ressortissant", "diplomate", "employé", "travailleur",
    "soldat", "policier", "prêtre", "religieux", "religieuse", "ingénieur", "membre", "passager",
    "pêcheur", "ouvrier", "citoyen", "habitant", "militant", "opposant", "fidèle", "agriculteur",
    "enseignant", "médecin", "infirmier", "expatrié", "chrétien", "musulman", "moine", "fermier",
    # crowds, for "disperser": "disperser les manifestants", "la dispersion d'un sit-in"
    "manifestant", "manifestante", "protestataire", "foule", "cortège", "rassemblement",
    "sit-in", "sit", "manifestation", "attroupement",  # the tokenizer splits "sit-in"
})  # fmt: skip
# What relations are suspended with: a country or organisation, or one of these nouns.
PARTY_KINDS = frozenset({"country", "organisation", "nationality"})
RELATION_NOUNS = frozenset({
    "coopération", "aide", "relation", "négociation", "pourparler", "dialogue", "accord",
    "adhésion", "participation", "financement", "assistance", "échange", "livraison",
    "exportation", "importation", "vol", "visa", "ambassade", "partenariat", "traité",
})  # fmt: skip


def patient_is(token: Token, kinds: frozenset[str], nouns: frozenset[str]) -> bool:
    """Whether what the trigger is done to (object, passive subject, "de" complement of a
    noun) is a mention of one of `kinds` or headed by one of `nouns`."""
    mentions = token.doc._.mentions or []
    if is_verbal(token):
        found = [c for c in token.children if c.dep_ in ("obj", "nsubj:pass") or is_bare_obl(c)]
        if token.dep_ == "acl":
            found.append(token.head)  # "Roger Auque, enlevé en janvier 1987"
    else:
        found = [c for c in token.children if c.dep_.startswith("nmod") and "de" in case_lemmas(c)]
    found += [c for p in found for c in p.children if c.dep_ == "conj"]
    # The phrase's head and its direct dependents: "plus de 300 lycéennes", "le Soudan".
    words = [t for p in found for t in (p, *(c for c in p.children if c.dep_ not in CLAUSE_DEPS))]
    return any(
        t.lemma_.lower() in nouns or any(m.kind in kinds and m.start <= t.idx < m.end for m in mentions) for t in words
    )


VISITOR_KINDS = frozenset({"person", "organisation", "country", "nationality"})
DESTINATION_KINDS = frozenset({"place", "country"})
# Office holders: visitors even when the name beside them is not recognised.
VISITOR_NOUNS = frozenset({
    "président", "présidente", "ministre", "chef", "dirigeant", "dirigeante", "délégation",
    "secrétaire", "pape", "roi", "reine", "prince", "princesse", "émissaire", "envoyé",
    "ambassadeur", "ambassadrice", "négociateur", "représentant", "souverain", "monarque",
})  # fmt: skip


def is_visit(token: Token) -> bool:
    """A named visitor going somewhere: "Zarif se rendra jeudi à Moscou"."""
    mentions = token.doc._.mentions or []

    def named(phrase: Token, kinds: frozenset[str]) -> bool:
        return any(m.kind in kinds and m.start <= t.idx < m.end for t in phrase.subtree for m in mentions)

    if not any(named(s, VISITOR_KINDS) or s.lemma_.lower() in VISITOR_NOUNS for s in subjects(token)):
        return False
    for child in token.children:
        cases = case_lemmas(child)
        if child.dep_.startswith(("obl", "nmod", "advmod")) and (
            cases & {"dans", "sur"} or (cases & {"à", "au", "aux", "en"} and named(child, DESTINATION_KINDS))
        ):
            return True
    return False


def meets_requirements(head: Token, trigger: Trigger) -> bool:
    """Whether the matched head satisfies the entry's `requires` column."""
    needs = trigger.requires
    if "verb" in needs and not is_verbal(head):
        return False
    if "noun" in needs and (is_verbal(head) or head.pos_ == "ADJ"):
        return False
    if "refl" in needs and not has_reflexive(head):
        return False
    if "norefl" in needs and has_reflexive(head):
        return False
    if "prep_à" in needs and not any(
        child.lemma_.lower() in ("à", "au", "aux") or case_lemmas(child) & {"à", "au", "aux"}
        for child in (*head.children, *(g for c in head.children if c.dep_ == "obj" for g in c.children))
    ):
        return False  # "appeler à la retenue", "appeler les partisans à la mobilisation"
    if "plural" in needs and not has_plural_subject(head):
        return False  # "se retrouver" is a meeting only of several parties
    if "vote" in needs and not any(t.lemma_.lower() in VOTE_WORDS for t in head.sent):
        return False  # "le premier tour" of a tournament
    if "human" in needs and not patient_is(head, HUMAN_KINDS, HUMAN_NOUNS):
        return False  # "le véhicule a été enlevé"
    if "relations" in needs and not patient_is(head, PARTY_KINDS, RELATION_NOUNS):
        return False  # "les poursuites ont été suspendues"
    if "visit" in needs and not is_visit(head):
        return False  # "se rendre aux autorités", "arriver en tête", "l'ouragan est arrivé"
    if trigger.pattern == "aide" and case_lemmas(head) & {"à"}:
        return False  # "à l'aide de": by means of
    return True


def local_tokens(token: Token) -> Iterator[Token]:
    """The token's phrase: its subtree without the clauses embedded in it."""
    yield token
    for child in token.children:
        if child.dep_ not in CLAUSE_DEPS and child.dep_ != "acl:relcl":
            yield from local_tokens(child)


def is_bare_obl(token: Token) -> bool:
    """An oblique without a preposition: the parser's reading of many objects.

    A partitive article read as a preposition counts as none: "a lancé jeudi des
    manœuvres" (des: obl:arg with case).
    """
    if not token.dep_.startswith("obl"):
        return False
    cases = [c for c in token.children if c.dep_ in ("case", "mark")]
    return all(c.lower_ in PARTITIVES and c.i == token.left_edge.i for c in cases)


def is_negated(token: Token) -> bool:
    children = list(token.children)
    if any(child.lower_ in ("que", "qu'") and child.dep_ in ("advmod", "mark") for child in children):
        return False  # "n'a signé que deux accords"
    for child in children:
        lemma = child.lemma_.lower()
        if child.dep_ in ("advmod", "det") and (lemma in NEGATORS or "Neg" in child.morph.get("Polarity", [])):
            return True
        if child.dep_ in ("case", "mark") and lemma == "sans":
            return True
    return False


def is_conditional(verb: Token) -> bool:
    tokens = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    if any("Cnd" in t.morph.get("Mood", []) for t in tokens):
        return True
    return any(c.dep_ == "mark" and c.lemma_.lower() in ("si", "s'") for c in verb.children)


def under_si(token: Token) -> bool:
    """ "Si l'Iran attaquait", "dans le cas où": an "si" earlier in the sentence, with no comma in between.

    Read on the words, not the parse, which often attaches "si" to the subject.
    """
    for left in reversed(token.doc[token.sent.start : token.i]):
        if left.is_space:
            continue  # a hard line break inside the sentence (wire copy)
        if left.text in (",", ";", ":", "—", "("):
            return False
        if left.lower_ in ("si", "s'") and left.pos_ == "SCONJ":
            return True
        if left.lower_ == "où" and left.i > 0 and left.nbor(-1).lower_ == "cas":
            return True  # "au cas où", "dans le cas où"
    return False


def is_alleged(verb: Token) -> bool:
    """The journalistic conditional past, "l'aviation aurait bombardé": reported, unconfirmed."""
    return "Part" in verb.morph.get("VerbForm", []) and any(
        c.dep_.startswith("aux") and "Cnd" in c.morph.get("Mood", []) for c in verb.children
    )


def clause_verb(token: Token) -> Token:
    """The verb whose clause the token is in (the token itself for a verb)."""
    while not is_verbal(token) and token.head.i != token.i:
        token = token.head
    return token


def is_hypothetical(verb: Token) -> bool:
    """Conditional, under "si", or the complement of a modal."""
    while True:
        if is_conditional(verb) or (verb.lemma_ == "pouvoir" and verb.i != verb.head.i):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i or "Fin" in verb.morph.get("VerbForm", []):
            return False  # a finite verb has its own mood: "devraient être à Dakar, où le sommet se tiendra"
        verb = verb.head
        if verb.lemma_ == "pouvoir":
            return True


# Adjectives that make a noun trigger another event than the ones before it.
NEW_REFERENT_ADJS = frozenset({"autre", "nouveau", "similaire", "second", "deuxième", "troisième", "précédent"})
INDEFINITE_DETS = frozenset({"un", "une", "des", "de", "du", "d'", "plusieurs", "quelque", "certain"})
DEFINITE_DETS = frozenset({"le", "la", "les", "l'", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs"})


def introduces_new(token: Token) -> bool:
    """ "un autre attentat", "une nouvelle attaque", "un attentat similaire": not the event told before."""
    return not is_verbal(token) and any(
        c.dep_ == "amod" and c.lemma_.lower() in NEW_REFERENT_ADJS for c in token.children
    )


def determiner_kind(token: Token) -> str:
    """ "indefinite" ("une offensive", "des tirs"), "definite" ("l'attentat", "ces frappes") or ""."""
    if is_verbal(token):
        return ""
    for child in token.children:
        if child.dep_ == "det" or (child.dep_ == "case" and child.lower_ in ("des", "du")):
            lemma = child.lower_
            if lemma in INDEFINITE_DETS or child.lemma_.lower() == "un":
                return "indefinite"
            if lemma in DEFINITE_DETS or child.lemma_.lower() in DEFINITE_DETS:
                return "definite"
    return ""


def word_stem(lemma: str) -> str:
    """The first five letters of a trigger's main word: "manifester" and "manifestation" share "manif"."""
    words = [w for w in lemma.replace("'", " ").split() if w not in ("se", "s")]
    return words[0][:5].lower() if words else ""


def is_nested(token: Token, exempt: set[int]) -> bool:
    """A noun trigger told as a modifier of another noun ("les résultats du premier tour", "les
    auteurs de l'attentat"): the verb of the clause acts on that noun, so its date is not the trigger's."""
    head = token.head
    return (
        not is_verbal(token)
        and token.dep_.startswith("nmod")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i not in exempt  # another trigger, or a day misparsed as the head ("lundi des patrouilles")
        and head.lemma_.lower() not in COLLECTIVE_NOUNS  # "une vague de frappes" is the frappes'
    )


def under_report(token: Token, reporting: frozenset[str]) -> bool:
    """Whether the token is in a clause reported by a speech verb ("rappelle que la signature ...")."""
    steps = 0
    while token.head.i != token.i and steps < 8:
        dep, token = token.dep_, token.head
        steps += 1
        if dep in ("ccomp", "parataxis") and token.lemma_.lower() in reporting:
            return True
    return False


def is_bare_modifier(token: Token, exempt: set[int]) -> bool:
    """A noun trigger without determiner modifying another noun: "premier tour de scrutin", "tentative d'attentat".

    Not "des frappes" ("des" is an article the parser reads as a preposition), nor a trigger
    under a day misparsed as its head ("a mené jeudi des frappes"): `exempt` holds those heads.
    """
    return (
        not is_verbal(token)
        and token.dep_.startswith("nmod")
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.head.i not in exempt
        and not any(c.dep_ == "det" or c.lower_ in PARTITIVES for c in token.children)
    )
