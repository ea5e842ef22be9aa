"""Claims of responsibility: the claimant is the agent of the attack, and the claim keeps only its own date.

"L'attentat contre un hôtel tunisien a été revendiqué par l'État islamique": the État
islamique is the attack's agent. "Le 3 mars, un attentat, revendiqué par le groupe, a été
commis à Gao": the date heads the sentence told about the attack; a claim given as a bare
participle ("revendiqué par", no auxiliary) has no time of its own, so a date before it
is the attack's, whatever the parser attached it to. A claim with its own words keeps its
date ("a revendiqué l'attaque jeudi").
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.components.events.coref import family
from extract.components.events.matcher import TriggerCandidate
from extract.components.events.syntax import case_lemmas, is_verbal

CLAIM_LEMMAS = frozenset({"revendiquer", "revendication"})
CLAIMED_DEPS = frozenset({"obj", "nsubj:pass"})


def is_bare_participle(token: Token) -> bool:
    return (
        is_verbal(token)
        and "Part" in token.morph.get("VerbForm", [])
        and not any(c.dep_.startswith("aux") for c in token.children)
    )


def claimed_event(cand: TriggerCandidate, by_head: dict[int, TriggerCandidate]) -> TriggerCandidate | None:
    """The event a claim of responsibility is about, when it is one of the kept triggers."""
    head = cand.head
    if head.lemma_.lower() not in CLAIM_LEMMAS:
        return None
    if head.dep_ == "acl" and head.head.i in by_head:
        return by_head[head.head.i]  # "l'attentat, revendiqué par ..."
    for child in head.children:
        if child.i in by_head and (
            child.dep_ in CLAIMED_DEPS or (child.dep_.startswith("nmod") and "de" in case_lemmas(child))
        ):
            return by_head[child.i]  # "a revendiqué l'attaque", "la revendication de l'attentat"
    if is_verbal(head) and not any(c.dep_ in CLAIMED_DEPS for c in head.children):
        found = _nested_attack(head, by_head)
        if found is not None:
            return found  # "a revendiqué, dans un communiqué de son agence, l'attentat de Gao" misparsed
    if is_bare_participle(head):
        for token in reversed(head.doc[head.sent.start : head.i]):
            found = by_head.get(token.i)
            if found is not None and family(found.trigger.category) == "violence":
                return found  # "un attentat, aussi revendiqué par ..." misparsed
    return None


def _nested_attack(head: Token, by_head: dict[int, TriggerCandidate]) -> TriggerCandidate | None:
    """The first violence trigger after the claim that hangs on it with no verb between.

    "a revendiqué, dans un communiqué de son agence, l'attentat de Gao": the parser hangs
    the attack on the communiqué, or on a comma; the claim has no object of its own.
    """
    for token in head.doc[head.i + 1 : head.sent.end]:
        found = by_head.get(token.i)
        if found is None or found.head.i != token.i or family(found.trigger.category) != "violence":
            continue
        above = token.head
        while above.i != head.i and not is_verbal(above) and above.head.i != above.i:
            above = above.head
        if above.i == head.i:
            return found
    return None


def date_before(head: Token, start_char: int) -> bool:
    """Whether a time expression starting at `start_char` stands before the claim trigger."""
    return start_char < head.idx
