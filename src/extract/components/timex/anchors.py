"""The days expressions count from when the text gives them: an event's day, a clock time's day.

"le même jour qu'un attentat au Koweït", "au lendemain de l'attaque", "deux jours après
l'explosion" count from the day the article gives that event, wherever in the article it
gives it; a clock time ("vers 18 h 50") takes the day of the expression that governs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeGuard

from spacy.tokens import Doc, Token

from extract.components.timex.meaning import Found
from extract.components.timex.values import Resolved

# Nouns for the same kind of event: the article that says "l'attentat" may date "l'attaque".
EVENT_FAMILIES = (
    frozenset({"attentat", "attaque", "assaut", "fusillade", "tuerie", "explosion", "massacre"}),
    frozenset({"élection", "scrutin", "vote", "présidentielle", "législative", "référendum", "législatives"}),
    frozenset({"séisme", "tremblement", "secousse"}),
)


def event_lemmas(doc: Doc, found: Found) -> set[str]:
    """The lemmas that name the event of an event-relative expression, with their kin.

    The noun the words name ("l'attaque" in "deux jours après l'attaque"), and for "le même
    jour que" the subject of the clause too ("Cet attentat est intervenu le même jour qu'...").
    """
    event = found.meaning.event
    if event is None:
        return set()
    nouns: list[Token] = [doc[event]]
    verb = doc[found.start : found.end].root.head
    nouns += [child for child in verb.children if child.dep_ in ("nsubj", "nsubj:pass") and child.pos_ == "NOUN"]
    lemmas = {noun.lemma_.lower() for noun in nouns}
    for family in EVENT_FAMILIES:
        if lemmas & family:
            lemmas |= family
    return lemmas


def event_day(
    doc: Doc,
    k: int,
    found: Sequence[Found],
    resolved: Sequence[Resolved | None],
    sentence_of: Sequence[int],
    usable: Sequence[bool],
) -> dt.date | None:
    """The day the text gives the event expression k counts from, or None.

    First a day expression attached to the event's noun ("deux jours après l'attaque de
    mardi"); else the day of the nearest other sentence that names the event, earlier
    sentences first. `usable[j]`: expression j may date an event (not a report's day,
    not itself counted from an event).
    """
    lemmas = event_lemmas(doc, found[k])
    if not lemmas:
        return None
    event = found[k].meaning.event
    candidates = [j for j, r in enumerate(resolved) if j != k and usable[j] and r is not None and r.day is not None]
    for j in candidates:
        head = doc[found[j].start : found[j].end].root.head
        if event is not None and (head.i == event or head.head.i == event):
            return resolved[j].day  # type: ignore[union-attr]
    here = sentence_of[k]
    sentences = sorted({sentence_of[j] for j in candidates} - {here}, key=lambda s: (s > here, abs(s - here)))
    for s in sentences:
        in_sentence = [j for j in candidates if sentence_of[j] == s]
        first, last = found[in_sentence[0]].start, found[in_sentence[-1]].end
        sentence = doc[first].sent if doc.has_annotation("SENT_START") else doc[max(0, first - 30) : last + 30]
        if any(t.lemma_.lower() in lemmas and t.pos_ in ("NOUN", "VERB") for t in sentence):
            return resolved[in_sentence[0]].day  # type: ignore[union-attr]
    return None


def clock_day(
    doc: Doc,
    k: int,
    found: Sequence[Found],
    resolved: Sequence[Resolved | None],
    sentence_of: Sequence[int],
    usable: Sequence[bool],
) -> int | None:
    """The day expression a clock time k takes its day from in its sentence, or None.

    The one on the same verb, else the nearest (earlier first). Days that date a report
    ("..., a annoncé mardi la police") are left out: they are not when the clock time was.
    """
    same = [
        j
        for j, r in enumerate(resolved)
        if j != k and usable[j] and names_a_day(r) and sentence_of[j] == sentence_of[k]
    ]
    if not same:
        return None
    verb = doc[found[k].start : found[k].end].root.head
    governing = [j for j in same if doc[found[j].start : found[j].end].root.head == verb]
    return min(governing or same, key=lambda j: (abs(j - k), j > k))


def names_a_day(result: Resolved | None) -> TypeGuard[Resolved]:
    """A resolved day, or a day left unresolved for want of a publication date (XXXX-XX-XX)."""
    if result is None:
        return False
    return result.day is not None or (result.value[:4] == "XXXX" and len(result.value) == 10)
