"""Who took part in an event and where: the agent and other participants, agents and targets, the place."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from extract.components.events.coref import family
from extract.components.events.matcher import TriggerCandidate
from extract.components.events.syntax import case_lemmas, is_bare_obl, is_verbal, local_tokens
from extract.components.events.words import (
    AGENT_DEPS,
    CLAUSE_DEPS,
    OTHER_CASES,
    OTHER_DEPS,
    PLACE_CASES,
    PLACE_KINDS,
    RECIPIENT_CASES,
    SUPPORT_VERBS,
)
from extract.components.resources import RESOURCES, read_tsv
from extract.pipeline.spans import Mention, Timex

# (canonical names, distinct country codes) of one role.
Roles = tuple[list[str], list[str]]

# Verbs whose passive agent issued the noun trigger ("un mandat d'arrêt a été délivré par
# l'Espagne"); not any passive ("la manifestation a été dispersée par la police").
ISSUING_VERBS = frozenset({"délivrer", "émettre", "décider", "ordonner", "décréter", "prononcer", "annoncer"})
# Nouns for a state's organs: with a nationality adjective, the state acts ("les autorités
# marocaines", "l'armée malienne", "le ministre algérien des Affaires étrangères").
STATE_NOUNS = frozenset({
    "autorité", "autorités", "gouvernement", "armée", "police", "justice", "diplomatie", "ministre", "ministère",
    "président", "présidence", "parquet", "force", "forces", "troupe", "troupes", "douane", "douanes", "garde-côte",
    "régime", "dirigeant", "dirigeants", "chancellerie",
})  # fmt: skip
# Nouns whose "par" complement decides the noun trigger they govern: "l'annonce par Moscou de l'expulsion".
DECISION_NOUNS = frozenset({"annonce", "décision", "ordre"})
# Meetings whose "de" complement holds them: "le sommet de l'Union africaine".
MEETING_CATEGORIES = frozenset({"consult"})
HOLDER_KINDS = frozenset({"organisation", "country"})
# Nouns whose "de" organisation issued or did them: "une notice rouge d'Interpol".
AUTHORED_CATEGORIES = frozenset({"coerce"})
AUTHOR_KINDS = frozenset({"organisation"})
# "l'attentat de X" names its author; "l'attaque de la mairie" its target.
AUTHORED_ATTACKS = frozenset({"attentat", "attentat-suicide", "attentat suicide"})
# Verbs by which a disaster hits the place in their object: "un séisme frappe le nord de la Grèce".
STRIKING_FAMILIES = frozenset({"disaster", "violence"})
STRIKE_VERBS = frozenset({"frapper", "toucher", "secouer", "ravager", "dévaster", "balayer", "inonder", "endeuiller"})


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO code → the canonical French country name of `resources/countries.tsv`."""
    return {row["code"]: row["canonical"] for row in read_tsv(RESOURCES / "countries.tsv")}


def actor_name(mention: Mention) -> str:
    """The actor a mention names: a nationality as a noun ("les Russes") names its country (Russie)."""
    if mention.kind == "nationality" and mention.country_code:
        return country_names().get(mention.country_code, mention.canonical)
    return mention.canonical


class ArgumentFinder:
    """The participants, agents, targets and place of a trigger; mixed into `EventExtractor`."""

    # The state EventExtractor sets up in its __init__.
    doc: Doc
    mentions: list[Mention]
    timexes: list[Timex]
    mention_at: dict[int, list[int]]
    timex_spans: list[Span | None]
    timex_tokens: set[int]
    head_of: dict[int, TriggerCandidate]
    role_mentions: set[int]  # the mentions roles() made agents or targets, for the sentence-level place
    dateline_end: int  # where a wire story's dateline ends: no participant before

    if TYPE_CHECKING:  # defined by EventExtractor

        def governor(self, token: Token) -> tuple[Token, str]: ...

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
            if any(c.dep_ == "aux:pass" for c in head.children):
                agents += [c for c in head.children if c.dep_.startswith("obl") and "par" in case_lemmas(c)]
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
                elif child.dep_.startswith("nmod") and "de" in cases and self._holds(child, cand):
                    agents.append(child)  # "le sommet de l'Union africaine", "les attentats de Daech"
                elif child.dep_.startswith("nmod") and cases & OTHER_CASES:
                    others.append(child)
                    agents += [  # "l'expulsion de dix Iraniens par l'Allemagne" misparsed
                        c for c in child.children if c.dep_.startswith("nmod") and "par" in case_lemmas(c)
                    ]
                elif child.dep_ == "acl":
                    agents += [c for c in child.children if c.dep_ == "obl:agent"]
            if head.dep_.startswith("nmod") and head.head.lemma_.lower() in DECISION_NOUNS:
                agents += [  # "l'annonce par Moscou de l'expulsion": who announces or decides it does it
                    c for c in head.head.children if c.dep_.startswith("nmod") and "par" in case_lemmas(c)
                ]
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
            elif verb.i != head.i and dep == "nsubj:pass" and verb.lemma_ in ISSUING_VERBS:
                agents += [c for c in verb.children if c.dep_ == "obl:agent"]

        def expand(tokens: list[Token]) -> list[Token]:
            return [t for tok in tokens for t in (tok, *self._conjuncts(tok))]

        return expand(agents), expand(others)

    def _holds(self, child: Token, cand: TriggerCandidate) -> bool:
        """The "de" complement holds or authored the noun: "le sommet de l'UA" (not "de Dakar"), "l'attentat de Daech"."""
        category = cand.trigger.category
        if category in MEETING_CATEGORIES:
            kinds = HOLDER_KINDS
        elif category in AUTHORED_CATEGORIES or cand.trigger.lemma in AUTHORED_ATTACKS:
            kinds = AUTHOR_KINDS  # "les attentats de Daech", "une notice rouge d'Interpol"; not "l'arrestation de X"
        else:
            return False
        return any(self.mentions[n].kind in kinds for n in self.mention_at.get(child.i, ()))

    def place_code(self, n: int) -> str:
        """The place's country code, else that of a nationality inside its name ("l'île indonésienne de Java")."""
        mention = self.mentions[n]
        if mention.country_code:
            return mention.country_code
        inner = (m for m in self.mentions if m.kind == "nationality" and mention.start <= m.start < mention.end)
        return next((m.country_code for m in inner if m.country_code), "")

    @staticmethod
    def _conjuncts(token: Token) -> list[Token]:
        """Nominal conjuncts and appositions, recursively ("le Maroc, la France et l'Espagne")."""
        found = []
        for child in token.children:
            if child.dep_ in ("conj", "appos") and not is_verbal(child):
                found += [child, *ArgumentFinder._conjuncts(child)]
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
            if child.dep_ in CLAUSE_DEPS or child.dep_ == "acl:relcl" or "par" in case_lemmas(child):
                continue  # "par l'Allemagne" in "de dix Iraniens par l'Allemagne": the agent's
            if case_lemmas(child) & (PLACE_CASES - {"à", "au", "aux"}) or (
                child.i >= 2 and self.doc[child.i - 2].lower_ == "près"
            ):
                continue
            yield from self._actor_tokens(child)

    def roles(self, cand: TriggerCandidate, place: int | None) -> tuple[Roles, Roles]:
        """The agents (who did it) and targets (to whom): GDELT's Actor1 and Actor2.

        Each is (canonical names, distinct country codes), the agent phrases first. A
        nationality adjective inside another phrase ("un hôtel tunisien", "les services
        marocains") adds its country code but no name: the actor is the hotel, the services.
        """
        agents, others = self.participants(cand)
        seen: set[int] = set() if place is None else {place}
        found: list[Roles] = []
        for group in (agents, others):
            names: list[str] = []
            codes: list[str] = []
            for head in group:
                hits = {n for token in self._actor_tokens(head) for n in self.mention_at.get(token.i, ())}
                state = None  # "les autorités marocaines": the state acts, named by its country
                for n in sorted(hits, key=lambda n: self.mentions[n].start):
                    mention = self.mentions[n]
                    if n in seen or mention.kind == "other" or mention.end <= self.dateline_end:
                        continue  # "RABAT, 12 mars (AFP) -": the agency is no participant
                    if mention.kind == "place" and (group is others or n not in self.mention_at.get(head.i, ())):
                        continue  # a city acts only as the subject itself ("Moscou a dénoncé")
                    seen.add(n)
                    self.role_mentions.add(n)
                    if mention.country_code and mention.country_code not in codes:
                        codes.append(mention.country_code)
                    name = actor_name(mention)
                    if not self._is_modifier(n, head, cand):
                        names += [name] if name not in names else []
                        state = ""
                    elif state is None and head.lemma_.lower() in STATE_NOUNS and self._modifies(n, head):
                        state = name
                if state and state not in names:
                    names.append(state)
            found.append((names, codes))
        (agent_names, agent_codes), (target_names, target_codes) = found
        target_names = [name for name in target_names if name not in agent_names]
        return (agent_names, agent_codes), (target_names, target_codes)

    def _modifies(self, n: int, noun: Token) -> bool:
        """The nationality mention is an adjective on this very noun ("les autorités marocaines")."""
        mention = self.mentions[n]
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.root.dep_ == "amod" and span.root.head.i == noun.i

    def _is_modifier(self, n: int, phrase: Token, cand: TriggerCandidate) -> bool:
        """A nationality adjective on a noun other than the trigger: a country code, not an actor."""
        mention = self.mentions[n]
        if mention.kind != "nationality":
            return False
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ == "amod" and root.head.i != cand.head.i and root.head.i not in self.mention_at

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
        return self._struck_place(cand)

    def _struck_place(self, cand: TriggerCandidate) -> int | None:
        """The place a disaster or an attack hits: "le séisme qui a frappé l'Algérie", "un attentat a frappé Kaboul"."""
        head = cand.head
        if family(cand.trigger.category) not in STRIKING_FAMILIES or is_verbal(head):
            return None
        verbs = [c for c in head.children if c.dep_ in ("acl", "acl:relcl")]
        verb, dep = self.governor(head)
        if dep == "nsubj":
            verbs.append(verb)
        for verb in verbs:
            if not any(verb.lemma_.lower().startswith(stem[:-2]) for stem in STRIKE_VERBS):
                continue  # by stem: the tagger lemmatises "frappe" as a noun's
            objects = [c for c in verb.children if c.dep_ == "obj" or (c.dep_.startswith("obl") and not case_lemmas(c))]
            objects += [c for o in objects if o.i in self.timex_tokens for c in o.children if c.dep_.startswith("nmod")]
            for n in self._mentions_of(o for o in objects if o.i not in self.timex_tokens):
                if self.mentions[n].kind in PLACE_KINDS:
                    return n
        return None
