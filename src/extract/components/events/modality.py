"""Whether a matched trigger is an event at all, and how the text presents it: the `modality` column.

`asserted`: it happened or is happening. `planned`: announced or scheduled (future tense,
"aller" + infinitive, a scheduling verb or adjective: "se tiendra", "va signer", "prévu",
"le prochain sommet", a date after publication outside the past tense). `hypothetical`:
proposed, possible, conditional, wanted, refused or feared ("le principe d'un sommet",
"a proposé la tenue d'un sommet", "si l'armée attaquait", "d'éventuelles attaques").
`negated`: said not to have happened, or foiled or cancelled ("n'a pas été arrêté",
"aucune attaque", "sans combattre", "a déjoué un attentat"). `generic`: a definition or a
habit ("toute attaque", "l'extradition est une procédure", "chaque année"). A trigger that
is part of a name, or a speech category without participants, is no event (None).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from extract.components.events.matcher import TriggerCandidate
from extract.components.events.syntax import (
    clause_verb,
    is_alleged,
    is_bare_obl,
    is_hypothetical,
    is_negated,
    is_verbal,
    under_si,
)
from extract.components.events.words import (
    CANCELLING_GOVERNORS,
    GENERIC_DETS,
    IRREALIS_ADJS,
    IRREALIS_CATEGORIES,
    IRREALIS_GOVERNORS,
    NAME_KINDS,
    NEGATIVE_DETS,
    OFFERING_CATEGORIES,
    OFFERING_GOVERNORS,
    PLANNING_ADJS,
    SPEECH_CATEGORIES,
    SUPPORT_VERBS,
)
from extract.pipeline.spans import Mention, Timex, published_of


class ModalityReader:
    """The modality of each trigger; mixed into `EventExtractor`."""

    doc: Doc
    mentions: list[Mention]
    timexes: list[Timex]
    mention_at: dict[int, list[int]]
    timex_spans: list[Span | None]
    head_of: dict[int, TriggerCandidate]

    if TYPE_CHECKING:  # defined by EventExtractor and ArgumentFinder

        def governor(self, token: Token) -> tuple[Token, str]: ...

        def participants(self, cand: TriggerCandidate) -> tuple[list[Token], list[Token]]: ...

    def modality(self, cand: TriggerCandidate) -> str | None:
        """`asserted`, `planned`, `hypothetical`, `negated`, `generic`, or None (not an event)."""
        head = cand.head
        if any(self.mentions[n].kind in NAME_KINDS for n in self.mention_at.get(head.i, ())):
            return None  # part of a name: "l'Instance supérieure pour les élections"
        if cand.trigger.category in SPEECH_CATEGORIES and not any(self.participants(cand)):
            return None  # "selon la condamnation": the statement is news only with its speaker
        found = self._irrealis(cand)
        if found is not None:
            return found
        if self._is_generic(head):
            return "generic"
        if self._is_planned(head):
            return "planned"
        return "asserted"

    def _irrealis(self, cand: TriggerCandidate) -> str | None:
        """`negated`, `generic` or `hypothetical` from negation, determiners, mood and governors."""
        head = cand.head
        if is_negated(head):
            return "negated"
        if not is_verbal(head):
            for child in head.children:
                lemma = child.lemma_.lower()
                if child.dep_ == "det" and lemma in NEGATIVE_DETS:
                    return "negated"  # "aucune attaque"
                if child.dep_ == "det" and lemma in GENERIC_DETS:
                    return "generic"  # "toute attaque"
                if child.dep_ == "amod" and lemma in IRREALIS_ADJS:
                    return "hypothetical"  # "d'éventuelles attaques"
        governed = self._irrealis_governor(cand)
        if governed is not None:
            return governed
        verb, dep = self.governor(head)
        if not is_verbal(verb):
            verb = clause_verb(head)
        if is_verbal(head):
            if head.dep_ == "xcomp" and is_negated(head.head):
                return "negated"  # "n'a pas voulu signer"
            if under_si(head):
                return "hypothetical"
            if is_hypothetical(head):
                if not is_alleged(head):
                    return "hypothetical"
                cand.undated = True  # alleged: reported, but not dated as if confirmed
        elif verb.i != head.i:
            support = (
                verb.lemma_ in SUPPORT_VERBS
                or any(c.dep_ == "xcomp" and c.lemma_ in SUPPORT_VERBS for c in verb.children)
            ) and (dep in ("obj", "nsubj", "nsubj:pass") or is_bare_obl(head))
            if support and is_negated(verb):
                return "negated"  # "l'attaque n'a pas eu lieu"
            if is_hypothetical(verb) or under_si(head):
                if support and not is_alleged(verb):
                    return "hypothetical"  # "une attaque pourrait avoir lieu"
                cand.undated = True  # "les combats pourraient durer": reported, its date unsure
        return None

    def _irrealis_governor(self, cand: TriggerCandidate) -> str | None:
        """A governor up the clause that says the trigger has not happened (or not yet)."""
        token = cand.head
        steps = 0
        while token.head.i != token.i and steps < 4:
            dep = token.dep_
            token = token.head
            steps += 1
            gov = self.head_of.get(token.i)
            lemma = token.lemma_.lower()
            if gov is not None and gov.trigger.category in IRREALIS_CATEGORIES:
                return "hypothetical"  # "exige la libération": only demanded
            if lemma in CANCELLING_GOVERNORS:
                return "negated"  # "a déjoué un attentat", "la manifestation a été annulée"
            if lemma in IRREALIS_GOVERNORS:
                if lemma in OFFERING_GOVERNORS and cand.trigger.category in OFFERING_CATEGORIES:
                    return None  # "a proposé son aide": the offer is the aid event itself
                return "hypothetical"
            if dep in ("advcl", "acl:relcl", "parataxis", "ccomp", "conj") or gov is not None:
                return None
        return None

    def _is_generic(self, head: Token) -> bool:
        """A definition ("l'extradition est une procédure") or a habit ("chaque année")."""
        pred = head.head
        if head.dep_ == "nsubj" and pred.pos_ == "NOUN" and not self._has_complement(head):
            cop = [c for c in pred.children if c.dep_ == "cop"]
            if cop and "Pres" in cop[0].morph.get("Tense", []):
                if any(c.dep_ == "det" and c.lemma_.lower() in ("un", "une") for c in pred.children):
                    return True
        verb = clause_verb(head)
        return any(
            self.timexes[n].type == "SET" and span.root.head.i in (head.i, verb.i)
            for n, span in enumerate(self.timex_spans)
            if span is not None
        )

    @staticmethod
    def _has_complement(head: Token) -> bool:
        """Whether a noun trigger is told apart as one event ("l'attaque de mardi", "cette attaque")."""
        for child in head.children:
            if child.dep_.startswith(("nmod", "acl", "amod", "nummod")):
                return True
            if child.dep_ == "det" and child.lemma_.lower() in ("ce", "cet", "cette", "un", "une"):
                return True
        return False

    def _is_planned(self, head: Token) -> bool:
        """Announced or scheduled: future tense, "aller" + infinitive, "prévu", "prochain"."""
        verb, dep = self.governor(head)
        verbs = [head] if is_verbal(head) else []
        if not is_verbal(head):
            if any(c.dep_ == "amod" and c.lemma_.lower() in PLANNING_ADJS for c in head.children):
                return True  # "le prochain sommet", "la réunion prévue"
            if any(c.dep_ == "acl" and c.lemma_.lower() in PLANNING_ADJS for c in head.children):
                return True  # "le sommet prévu le 17 février"
            if is_verbal(verb) and (dep in ("obj", "nsubj", "nsubj:pass", "obl:arg") or is_bare_obl(head)):
                verbs.append(verb)  # "le sommet se tiendra", "organisera un référendum"
        for token in verbs:
            if _is_future(token):
                return True
            if token.dep_ == "xcomp" and token.head.lemma_ in ("aller", "devoir") and _is_present(token.head):
                return True  # "va signer", "doit se tenir"
            if token.lemma_.lower() in PLANNING_ADJS and token.dep_ != "acl":
                return True  # "le sommet est prévu mardi"
        clause = verbs or [clause_verb(head)]
        return not any(_is_past(v) for v in clause if is_verbal(v)) and self._dated_after_publication(head)

    def _dated_after_publication(self, head: Token) -> bool:
        """A date after the publication date in the trigger's own phrase or clause ("l'an prochain")."""
        published = published_of(self.doc)
        if published is None:
            return False
        verb = clause_verb(head)
        for n, span in enumerate(self.timex_spans):
            value = (self.timexes[n].value or "").split("T")[0]
            if span is None or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
                continue
            if value > published.isoformat()[: len(value)] and span.root.head.i in (head.i, verb.i):
                return True
        return False


def _is_future(verb: Token) -> bool:
    tokens = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any("Fut" in t.morph.get("Tense", []) for t in tokens)


def _is_present(verb: Token) -> bool:
    return "Pres" in verb.morph.get("Tense", [])


def _is_past(verb: Token) -> bool:
    """Passé composé, imparfait or passé simple (a participle with an auxiliary, or a past tense)."""
    if "Past" in verb.morph.get("Tense", []) and "Part" not in verb.morph.get("VerbForm", []):
        return True
    if "Imp" in verb.morph.get("Tense", []):
        return True
    return any(c.dep_.startswith("aux") and not _is_future(c) for c in verb.children) and (
        "Part" in verb.morph.get("VerbForm", [])
    )
