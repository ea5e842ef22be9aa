"""The `extract_events` component: what happened, who did it, where and when.

Sets `doc._.events` to a list of `Event`, one per event mention, read from the
parse, `doc._.mentions` and `doc._.timexes` (either may be None: the events are
then found without actors/places or without dates).

How an event is found and what is deliberately left out:

- **Triggers** are lemma patterns from `resources/triggers.tsv` (single words
  and multiword expressions such as "mettre en place", "ouvrir le feu",
  "s'écraser"), matched with spaCy PhraseMatchers (a token `Matcher` for the
  entries with gaps, "ouvrir _ enquête"); overlapping matches keep the
  longest ("attaque chimique" over "attaque"). Each carries a SPEC category
  and CAMEO root code, and may require a part of speech, a reflexive, a
  plural subject ("se retrouver": a meeting of several parties) or a visit
  ("se rendre", "arriver": a named visitor or office holder and a destination,
  so not "se rendre aux autorités" nor "arriver en tête").
- **Not events**: a negated trigger ("n'a pas signé", "aucune attaque",
  "sans combattre"), a generic one ("toute attaque"), one presented as
  possible or averted ("d'éventuelles attaques", "pour prévenir un attentat",
  "se préparent à lancer des attaques"), and an action that is only demanded,
  promised, refused or threatened ("exige la libération" yields the demand,
  not a release).
- **Hypothetical**: a verb trigger in the conditional, under a modal
  "pouvoir" or after "si" ("si l'armée attaquait") is not reported. A noun
  trigger whose clause is hypothetical ("les combats pourraient durer") is
  reported without a date, unless the hypothetical verb is the one that makes
  it happen ("une attaque pourrait avoir lieu"), then it is not reported. The
  journalistic conditional past ("l'aviation aurait bombardé jeudi un
  hôpital") reports an unconfirmed event: reported, without a date.
- **Reporting verbs** (annoncer, déclarer, affirmer, selon) are not in the
  lexicon: the event is their complement, which is matched on its own.
  Statement-like categories (statement, appeal, demand, disapprove) are
  reported only when the speaker or target is in the sentence ("Paris a
  condamné l'attaque"), i.e. when the statement itself is the news.
- **Date**: the DATE/TIME expression attached to the trigger (in its subtree
  or on the path up from the expression); else one attached to the verb that
  governs it ("a eu lieu mardi"); else the conjunct trigger's date; else the
  nearest one in the same clause. A clause on a noun trigger that tells the
  event itself dates it: a support verb ("l'état de siège, instauré le 6 mai")
  or a relative clause with the trigger as subject ("l'explosion qui a ravagé
  le port le 4 août"). A trigger named by "au lendemain de" / "à la veille de"
  is not dated by that expression (the day is counted from it). An
  expression that dates one trigger does not date another through these
  fallbacks. When the text dates the event
  only by the article, the **publication date** is used (`timex` None):
  "viennent de mettre en place". No date otherwise: a headline's present
  tense ("Washington et les talibans signent un accord") usually reports the
  day before publication, so it is left undated rather than dated wrongly.
- **Actors**: the agent first (subject and its conjuncts, the subject of the
  governing verb for "viennent de signer", the passive agent "par un
  commando", nationality adjectives on a noun trigger "tirs iraniens", the
  subject of a support verb "a lancé une offensive"), then the other
  participants (object, "de"/"contre"/"entre"/"avec" complements), each
  mapped to the canonical names and country codes of the mentions in it.
- **Place**: the first place or country mention in a complement introduced by
  à/en/au/dans/sur/près de/au large de (for noun triggers also "de" + a place:
  "l'attentat de Nice"), searched down the trigger's complements.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extract.annotate.gazetteer import RESOURCES, read_tsv
from extract.annotate.spans import Event, Mention, Timex, published_of, register_extensions
from extract.annotate.speed import Serialisable

TRIGGERS_FILE = "triggers.tsv"

# Dependents that open a clause of their own: searches for a trigger's
# arguments, place and date do not descend into them.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "acl:relcl", "parataxis", "conj", "csubj", "xcomp"})
# "au lendemain du séisme", "à la veille du sommet": days counted from the event they name.
DAYS_FROM_AN_EVENT = frozenset({"lendemain", "surlendemain", "veille", "avant-veille"})
NEGATORS = frozenset({"ne", "pas", "jamais", "nullement", "guère", "aucun", "nul"})
GENERIC_DETS = frozenset({"tout", "chaque", "aucun", "nul"})
IRREALIS_ADJS = frozenset({"éventuel", "possible", "potentiel", "hypothétique"})
# Mentions whose words are a name, not an event: "Front de libération nationale".
NAME_KINDS = frozenset({"organisation", "person"})
# An expression introduced by these bounds a period; it does not date the event in it.
BOUND_CASES = frozenset({"depuis", "jusque", "jusqu'", "partir", "ici"})
# Governors under which the trigger did not (yet) happen.
IRREALIS_GOVERNORS = frozenset(
    {
        "prévenir",
        "empêcher",
        "éviter",
        "déjouer",
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
        "annuler",
        "échec",
        "crainte",
        "risque",
        "menace",
        "prévention",
        "projet",
        "lutte",
    }
)
# Trigger categories whose complement is only wanted, promised, refused or threatened.
IRREALIS_CATEGORIES = frozenset({"appeal", "intent_cooperate", "demand", "threaten", "reject"})
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
    {"vague", "série", "salve", "succession", "multitude", "flambée", "regain", "recrudescence"}
)
PLACE_KINDS = frozenset({"place", "country"})
DATE_TYPES = frozenset({"DATE", "TIME"})
AGENT_DEPS = frozenset({"nsubj", "obl:agent"})
OTHER_DEPS = frozenset({"obj", "iobj", "nsubj:pass"})
OTHER_CASES = frozenset({"de", "du", "des", "contre", "entre", "avec"})
RECIPIENT_CASES = frozenset({"à", "au", "aux"})
# What may stand between the words of "ouvrir _ enquête": "ont ouvert lundi une enquête".
NOUN_FILLER_POS = ["DET", "ADJ", "NUM", "ADV", "ADP", "PRON", "NOUN", "PROPN"]
# Up to this many words in a gap, the words at its ends linked in the parse:
# "ont conclu mercredi à La Havane un accord".
MAX_GAP = 6


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: a lemma pattern and what it means."""

    pattern: str
    category: str
    cameo_root: str
    requires: frozenset[str]

    @property
    def lemma(self) -> str:
        """The entry as a reader writes it: "s'écraser", "se réunir", "mettre en place"."""
        words = [w for w in self.pattern.split() if w != "_"]
        text = " ".join(words)
        text = re.sub(r"\bde le\b", "du", re.sub(r"\bà le\b", "au", text))
        text = re.sub(r"\b(de|le) (?=[aeéèêiîoôuh])", lambda m: m.group(1)[0] + "'", text)
        if "refl" in self.requires:
            text = ("s'" if text[0] in "aeéèêiîoôuh" else "se ") + text
        return text


@lru_cache(maxsize=4)
def load_triggers(path: str | None = None) -> tuple[Trigger, ...]:
    """Read the shipped trigger lexicon, or the one at `path`, once per process."""
    rows = read_tsv(Path(path) if path is not None else RESOURCES / TRIGGERS_FILE)
    return tuple(
        Trigger(
            pattern=row["pattern"].strip(),
            category=row["category"].strip(),
            cameo_root=row["cameo_root"].strip(),
            requires=frozenset(r.strip() for r in row["requires"].split(",") if r.strip()),
        )
        for row in rows
    )


def filler_patterns(pattern: str) -> list[dict]:
    """Matcher pattern for an entry with `_` gaps ("ouvrir _ enquête")."""
    return [
        {"POS": {"IN": NOUN_FILLER_POS}, "OP": f"{{0,{MAX_GAP}}}"} if word == "_" else {"LEMMA": word}
        for word in pattern.split()
    ]


class TriggerMatcher:
    """All lexicon matches in a doc, as (match_id, start, end).

    Contiguous entries go through PhraseMatchers (hash lookups in C, on the
    lemma, and on the lower-cased surface for one-word entries, since the
    lemmatizer follows the tagger and a mis-tagged plural keeps its form);
    only the few entries with gaps use the token Matcher.
    """

    def __init__(self, vocab, triggers: Iterable[Trigger]) -> None:
        self.on_lemma = PhraseMatcher(vocab, attr="LEMMA")
        self.on_lower = PhraseMatcher(vocab, attr="LOWER")
        self.gapped = Matcher(vocab)
        for trigger in triggers:
            words = trigger.pattern.split()
            if "_" in words:
                self.gapped.add(trigger.pattern, [filler_patterns(trigger.pattern)])
                continue
            variants = [words, [words[0].capitalize(), *words[1:]]]
            self.on_lemma.add(trigger.pattern, [Doc(vocab, words=w, lemmas=w) for w in variants])
            if len(words) == 1:
                forms = {words[0], words[0] + "s", words[0] + "x"}
                self.on_lower.add(trigger.pattern, [Doc(vocab, words=[f]) for f in forms])

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        return [*self.on_lemma(doc), *self.on_lower(doc), *self.gapped(doc)]


def build_matcher(vocab, triggers: Iterable[Trigger]) -> TriggerMatcher:
    """The matcher whose match ids are the lexicon patterns."""
    return TriggerMatcher(vocab, triggers)


# --- the parse, read a trigger at a time ----------------------------------------------------


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
    """ "Si l'Iran attaquait": an "si" earlier in the sentence, with no comma in between.

    Read on the words, not the parse, which often attaches "si" to the subject.
    """
    for left in reversed(token.doc[token.sent.start : token.i]):
        if left.text in (",", ";", ":", "—", "(") or left.is_space:
            return False
        if left.lower_ in ("si", "s'") and left.pos_ == "SCONJ":
            return True
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
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.lemma_ == "pouvoir":
            return True


@dataclass(slots=True)
class TriggerCandidate:
    """A matched trigger with what the parse says about it."""

    span: Span
    head: Token
    trigger: Trigger
    undated: bool = False


class EventExtractor:
    """Find the events of one `Doc`: triggers, then filters, then arguments and dates."""

    def __init__(self, doc: Doc, matcher: TriggerMatcher, triggers: dict[str, Trigger]) -> None:
        self.doc = doc
        self.mentions: list[Mention] = doc._.mentions or []
        self.timexes: list[Timex] = doc._.timexes or []
        self.mention_at: dict[int, list[int]] = self._index((m.start, m.end) for m in self.mentions)
        self.timex_spans: list[Span | None] = [
            doc.char_span(t.start, t.end, alignment_mode="expand") for t in self.timexes
        ]
        self.timex_tokens: set[int] = {
            i for span in self.timex_spans if span is not None for i in range(span.start, span.end)
        }
        self.candidates = self._match(matcher, triggers)
        self.head_of: dict[int, TriggerCandidate] = {}
        for cand in self.candidates:
            for token in cand.span:
                self.head_of[token.i] = cand

    def _index(self, spans: Iterable[tuple[int, int]]) -> dict[int, list[int]]:
        index: dict[int, list[int]] = {}
        for n, (start, end) in enumerate(spans):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    index.setdefault(i, []).append(n)
        return index

    def _match(self, matcher: TriggerMatcher, triggers: dict[str, Trigger]) -> list[TriggerCandidate]:
        doc = self.doc
        spans = []
        for match_id, start, end in matcher(doc):
            trigger = triggers[doc.vocab.strings[match_id]]
            span = Span(doc, start, end, label=match_id)
            if meets_requirements(span_head(span), trigger) and ends_linked(span, trigger):
                spans.append(span)
        return [
            TriggerCandidate(span=s, head=span_head(s), trigger=triggers[s.label_])
            for s in sorted(filter_spans(spans), key=lambda s: s.start)
        ]

    def governor(self, token: Token) -> tuple[Token, str]:
        """The token's head and relation, seeing through "lundi des patrouilles" misparses."""
        head, dep = token.head, token.dep_
        if head.i in self.timex_tokens and dep.startswith("nmod") and head.head.i != head.i:
            return head.head, "obj"  # "ont lancé lundi des patrouilles": the day is not the head
        if (
            head.lemma_.lower() in COLLECTIVE_NOUNS
            and dep.startswith("nmod")
            and "de" in case_lemmas(token)
            and head.head.i != head.i
        ):
            return head.head, head.dep_  # "a lancé une vague de frappes": the frappes are launched
        return head, dep

    # -- filters --------------------------------------------------------------------------

    def keep(self, cand: TriggerCandidate) -> bool:
        """Whether the candidate is an event that the text reports as happening."""
        head = cand.head
        if any(self.mentions[n].kind in NAME_KINDS for n in self.mention_at.get(head.i, ())):
            return False  # part of a name: "l'Instance supérieure pour les élections"
        if is_negated(head):
            return False
        if not is_verbal(head):
            children = list(head.children)
            if any(c.dep_ == "det" and c.lemma_.lower() in GENERIC_DETS for c in children):
                return False
            if any(c.dep_ == "amod" and c.lemma_.lower() in IRREALIS_ADJS for c in children):
                return False
        if self._irrealis_governor(head):
            return False
        verb, dep = self.governor(head)
        if not is_verbal(verb):
            verb = clause_verb(head)
        if is_verbal(head):
            if head.dep_ == "xcomp" and is_negated(head.head):
                return False
            if under_si(head):
                return False
            if is_hypothetical(head):
                if not is_alleged(head):
                    return False
                cand.undated = True  # alleged: reported, but not dated as if confirmed
        elif verb.i != head.i:
            support = (
                verb.lemma_ in SUPPORT_VERBS
                or any(c.dep_ == "xcomp" and c.lemma_ in SUPPORT_VERBS for c in verb.children)
            ) and (dep in ("obj", "nsubj", "nsubj:pass") or is_bare_obl(head))
            if support and is_negated(verb):
                return False
            if is_hypothetical(verb) or under_si(head):
                if support and not is_alleged(verb):
                    return False
                cand.undated = True
        if cand.trigger.category in SPEECH_CATEGORIES and not any(self.participants(cand)):
            return False
        return True

    def _irrealis_governor(self, token: Token) -> bool:
        """A governor up the clause that says the trigger has not happened."""
        steps = 0
        while token.head.i != token.i and steps < 4:
            dep = token.dep_
            token = token.head
            steps += 1
            gov = self.head_of.get(token.i)
            if gov is not None and gov.trigger.category in IRREALIS_CATEGORIES:
                return True
            if token.lemma_.lower() in IRREALIS_GOVERNORS:
                return True
            if dep in ("advcl", "acl:relcl", "parataxis", "ccomp", "conj") or gov is not None:
                return False
        return False

    # -- arguments ------------------------------------------------------------------------

    def participants(self, cand: TriggerCandidate) -> tuple[list[Token], list[Token]]:
        """Tokens heading the agent phrases and the other participant phrases."""
        head = cand.head
        agents: list[Token] = []
        others: list[Token] = []
        if is_verbal(head):
            agents += [c for c in head.children if c.dep_ in AGENT_DEPS]
            others += [c for c in head.children if c.dep_ in OTHER_DEPS]
            others += [
                c
                for c in head.children
                if c.dep_.startswith("obl")
                and c.i not in self.timex_tokens
                and (not case_lemmas(c) or case_lemmas(c) & (OTHER_CASES | RECIPIENT_CASES))
            ]  # a bare nominal "obl" is a misparsed object: "ont libéré jeudi trois prisonniers"
            governor = head
            while not agents and governor.dep_ in ("xcomp", "conj") and governor.head.i != governor.i:
                governor = governor.head
                agents += [c for c in governor.children if c.dep_ in AGENT_DEPS]
        else:
            for child in head.children:
                cases = case_lemmas(child)
                if child.dep_ == "amod" and self._mentions_of([child]):
                    agents.append(child)
                elif child.dep_.startswith("nmod") and "par" in cases:
                    agents.append(child)
                elif child.dep_.startswith("nmod") and cases & OTHER_CASES:
                    others.append(child)
                elif child.dep_ == "acl":
                    agents += [c for c in child.children if c.dep_ == "obl:agent"]
            verb, dep = self.governor(head)
            if verb.i != head.i and verb.lemma_ in SUPPORT_VERBS:
                if dep == "obj" or is_bare_obl(head):
                    agents += [c for c in verb.children if c.dep_ == "nsubj"]
                    others += [
                        c
                        for c in verb.children
                        if c.dep_.startswith("obl") and case_lemmas(c) & {"contre", "entre", "avec"}
                    ]
                elif dep in ("nsubj", "nsubj:pass"):
                    agents += [c for c in verb.children if c.dep_ == "obl:agent"]

        def expand(tokens: list[Token]) -> list[Token]:
            return [t for tok in tokens for t in (tok, *self._conjuncts(tok))]

        return expand(agents), expand(others)

    @staticmethod
    def _conjuncts(token: Token) -> list[Token]:
        """Nominal conjuncts and appositions, recursively ("le Maroc, la France et l'Espagne")."""
        found = []
        for child in token.children:
            if child.dep_ in ("conj", "appos") and not is_verbal(child):
                found += [child, *EventExtractor._conjuncts(child)]
        return found

    def _mentions_of(self, heads: Iterable[Token]) -> list[int]:
        found: list[int] = []
        for head in heads:
            for token in local_tokens(head):
                for n in self.mention_at.get(token.i, ()):
                    if n not in found:
                        found.append(n)
        return sorted(found, key=lambda n: self.mentions[n].start)

    def _actor_tokens(self, token: Token) -> Iterator[Token]:
        """The participant's phrase without its locative complements ("un commando près de Gao")."""
        yield token
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS or child.dep_ == "acl:relcl":
                continue
            if case_lemmas(child) & (PLACE_CASES - {"à", "au", "aux"}) or (
                child.i >= 2 and self.doc[child.i - 2].lower_ == "près"
            ):
                continue
            yield from self._actor_tokens(child)

    def actors(self, cand: TriggerCandidate, place: int | None) -> list[Mention]:
        agents, others = self.participants(cand)
        seen: list[int] = []
        for group in (agents, others):
            for head in group:
                found = {n for token in self._actor_tokens(head) for n in self.mention_at.get(token.i, ())}
                for n in sorted(found, key=lambda n: self.mentions[n].start):
                    mention = self.mentions[n]
                    if n == place or n in seen or mention.kind == "other":
                        continue
                    if mention.kind == "place" and (group is others or n not in self.mention_at.get(head.i, ())):
                        continue  # a city acts only as the subject itself ("Moscou a dénoncé")
                    seen.append(n)
        names: list[Mention] = []
        for n in seen:
            if all(self.mentions[n].canonical != m.canonical for m in names):
                names.append(self.mentions[n])
        return names

    def place(self, cand: TriggerCandidate) -> int | None:
        """The index of the place mention the trigger is located at, or None."""
        head = cand.head
        nominal = not is_verbal(head)
        roots = [head]
        if nominal:
            roots += [
                c for c in head.children if c.dep_ == "acl" or (c.dep_ == "acl:relcl" and c.lemma_ in SUPPORT_VERBS)
            ]  # "l'attaque, perpétrée à Gao", "l'attaque qui a eu lieu à Niamey"
            verb, dep = self.governor(head)
            if (dep in ("obj", "nsubj", "nsubj:pass", "obl:arg") or is_bare_obl(head)) and is_verbal(verb):
                roots.append(verb)
            elif head.dep_.startswith("nmod"):
                roots.append(head.head)  # "l'auteur de l'attentat de mardi à Strasbourg"
        frontier = [
            c
            for root in roots
            for c in root.children
            if c.dep_[:3] in ("obl", "nmo") and c.i != head.i and (root.i == head.i or c.i > head.i or is_verbal(root))
        ]
        for _depth in range(3):
            deeper: list[Token] = []
            for token in sorted(frontier, key=lambda t: abs(t.i - head.i)):
                cases = case_lemmas(token) | ({token.lemma_.lower()} if token.lemma_ == "large" else set())
                if token.i >= 2 and self.doc[token.i - 2].lower_ in ("près", "proche", "large"):
                    cases.add("près")  # "près d'Addis-Abeba" with "près" attached elsewhere
                kinds = PLACE_KINDS if cases & PLACE_CASES else ({"place"} if nominal and "de" in cases else set())
                if kinds:
                    for n in self._mentions_of([token]):
                        if self.mentions[n].kind in kinds:
                            return n
                deeper += [c for c in token.children if c.dep_[:3] in ("obl", "nmo") or c.dep_ == "acl"]
            frontier = deeper
        return None

    # -- dates ----------------------------------------------------------------------------

    def claims(self, kept: list[TriggerCandidate]) -> dict[int, tuple[int, int]]:
        """For each DATE/TIME expression, the trigger (by head index) up its path, and the path length."""
        heads = {c.head.i for c in kept}
        owner: dict[int, tuple[int, int]] = {}
        for n, span in enumerate(self.timex_spans):
            if span is None or self.timexes[n].type not in DATE_TYPES:
                continue
            token, steps = span.root, 0
            if case_lemmas(token) & BOUND_CASES:
                owner[n] = (-1, 0)  # "depuis le début de l'année", "jusqu'en juin"
                continue
            if token.dep_.startswith("nmod") and token.head.pos_ in ("NOUN", "PROPN"):
                if not case_lemmas(token):
                    if token.head.i in self.head_of and is_verbal(token.head.head):
                        token = token.head  # "a revendiqué l'attaque jeudi": jeudi dates the verb
                elif token.head.i not in self.head_of:
                    owner[n] = (-1, 0)  # "le marché de Noël": names a thing, dates no event
                    continue
            self.attached[n] = None
            while token.head.i != token.i:
                token, steps = token.head, steps + 1
                cand = self.head_of.get(token.i)
                if cand is not None:
                    # Under a trigger that is not reported, the expression dates nothing else.
                    owner[n] = (cand.head.i if cand.head.i in heads else -1, steps)
                    break
                if is_verbal(token):
                    self.attached[n] = token
                    if not self._describes_trigger(token):
                        break  # it dates this verb's clause ("chargée de ... pendant les fêtes")
        return owner

    def _describes_trigger(self, verb: Token) -> bool:
        """A clause on a noun trigger that tells the event itself, so its date is the event's.

        A support verb ("l'attaque menée mardi", "l'état de siège, instauré le 6 mai") or a
        relative clause whose subject is the trigger ("l'explosion qui a ravagé le port le
        4 août"); not "l'attaque dont il a parlé mardi", nor "les sanctions levées en 2015"
        (another event, done to the trigger's referent).
        """
        if not (verb.dep_.startswith("acl") and verb.head.i in self.head_of):
            return False
        if verb.lemma_ in SUPPORT_VERBS:
            return True
        return verb.dep_ == "acl:relcl" and any(c.dep_ == "nsubj" and c.lemma_ == "qui" for c in verb.children)

    def dates(self, kept: list[TriggerCandidate]) -> dict[int, int | str]:
        """Map each kept trigger head to a timex index, or "published"."""
        self.attached: dict[int, Token | None] = {}  # expression -> the verb it modifies
        owner = self.claims(kept)
        claimed: dict[int, int] = {}
        for n, (head_i, _steps) in sorted(owner.items(), key=lambda item: item[1][1]):
            claimed.setdefault(head_i, n)
        taken = set(owner)
        result: dict[int, int | str] = {}
        for cand in kept:
            if cand.undated:
                continue
            head = cand.head
            usable = taken
            if cand.trigger.category in IRREALIS_CATEGORIES:
                # "appellent à une grève dimanche": a later date is the wanted action's.
                later = {n for n in range(len(self.timexes)) if self._after_publication(n)}
                usable = taken | later
                if claimed.get(head.i) in later:
                    claimed.pop(head.i)
            if head.i in claimed:
                result[head.i] = claimed[head.i]
                continue
            found: int | str | None = self._governor_timex(head, usable)
            if found is None and head.dep_ == "conj" and head.head.i in result:
                found = result[head.head.i]
            if found is None:
                found = self._clause_timex(head, usable)
            if found is None and self._dated_by_article(head):
                found = "published"
            if found is not None:
                result[head.i] = found
        return result

    def _after_publication(self, n: int) -> bool:
        published = published_of(self.doc)
        value = self.timexes[n].value or ""
        return published is not None and len(value) >= 10 and value[:10] > published.isoformat()

    def _governor_timex(self, head: Token, taken: set[int]) -> int | None:
        """An unclaimed expression that modifies a verb governing the trigger ("a eu lieu mardi")."""
        token = head
        while token.head.i != token.i:
            child, token = token, token.head
            if token.i in self.head_of:
                return None
            if token.i in self.timex_tokens and token.lemma_.lower() in DAYS_FROM_AN_EVENT:
                return None  # "au lendemain du séisme": the time is counted from the event
            found = [
                n for n, verb in self.attached.items() if verb is not None and verb.i == token.i and n not in taken
            ]
            if found:
                return min(found, key=lambda n: abs(self._timex_root(n).i - head.i))
            if child.dep_ in ("advcl", "acl:relcl", "parataxis", "ccomp"):
                return None
        return None

    def _clause_timex(self, head: Token, taken: set[int]) -> int | None:
        """In a verbless sentence ("Séisme au Japon mardi"), the nearest unclaimed expression."""
        best = None
        for n, verb in self.attached.items():
            if verb is not None or n in taken or self._timex_root(n).sent.start != head.sent.start:
                continue
            if best is None or abs(self._timex_root(n).i - head.i) < abs(self._timex_root(best).i - head.i):
                best = n
        return best

    def _timex_root(self, n: int) -> Token:
        """The root token of expression `n`, one of `attached`: claims() attaches only expressions with a span."""
        span = self.timex_spans[n]
        assert span is not None, "only expressions with a span are attached"
        return span.root

    def _dated_by_article(self, head: Token) -> bool:
        """ "viennent de signer": recent past, dated by the article only."""
        verb = clause_verb(head)
        return verb.dep_ == "xcomp" and verb.head.lemma_ == "venir" and "de" in case_lemmas(verb)

    # -- the result -----------------------------------------------------------------------

    def trigger_span(self, cand: TriggerCandidate) -> Span:
        """The matched words with the auxiliaries and clitic just before them ("ont signé")."""
        start = cand.span.start
        heads_children = {c.i for c in cand.head.children if c.dep_.startswith(("aux", "expl"))}
        while start > 0 and (start - 1) in heads_children:
            start -= 1
        return self.doc[start : cand.span.end]

    def events(self) -> list[Event]:
        kept = [cand for cand in self.candidates if self.keep(cand)]
        dates = self.dates(kept)
        published = published_of(self.doc)
        events = []
        for cand in kept:
            span = self.trigger_span(cand)
            place = self.place(cand)
            actors = self.actors(cand, place)
            dated = dates.get(cand.head.i)
            timex, value = None, ""
            if dated == "published":
                value = published.isoformat() if published is not None else ""
            elif isinstance(dated, int):  # dates() maps to a timex index or "published"
                timex, value = dated, self.timexes[dated].value or ""
            place_mention = self.mentions[place] if place is not None else None
            events.append(
                Event(
                    start=span.start_char,
                    end=span.end_char,
                    trigger_lemma=cand.trigger.lemma,
                    category=cand.trigger.category,
                    cameo_root=cand.trigger.cameo_root,
                    timex=timex,
                    date_value=value,
                    place=place_mention.canonical if place_mention else "",
                    place_country_code=place_mention.country_code if place_mention else "",
                    actors=[m.canonical for m in actors],
                    actor_country_codes=list(dict.fromkeys(m.country_code for m in actors if m.country_code)),
                )
            )
        return events


class EventTagger(Serialisable):
    """Set `doc._.events`; the lexicon and matcher are built once per pipeline."""

    def __init__(self, nlp: Language, triggers_path: str | None = None) -> None:
        self.nlp = nlp
        triggers = load_triggers(triggers_path)
        self.triggers = {t.pattern: t for t in triggers}
        self.matcher = build_matcher(nlp.vocab, triggers)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = EventExtractor(doc, self.matcher, self.triggers).events()
        return doc


@Language.factory(
    "extract_events",
    default_config={"triggers": None},
    requires=["doc._.mentions", "doc._.timexes", "token.lemma", "token.pos", "token.dep", "token.morph"],
    assigns=["doc._.events"],
)
def make_event_tagger(nlp: Language, name: str, triggers: str | None) -> EventTagger:
    """`triggers`: path of a lexicon in the format of resources/triggers.tsv; None is the shipped one."""
    register_extensions()
    return EventTagger(nlp, triggers)
