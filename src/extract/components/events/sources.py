"""Date and place beyond the trigger's clause: from its sentence, or from the date heading its list item.

The clause comes first (`dating`, `arguments.place`): this module answers only for the
asserted and planned triggers the clause leaves without a date or a place.

- **Sentence**: a relative "où" clause's antecedent ("à Addis-Abeba, où le sommet se
  tiendra du 17 au 18 février": the summit's place); the one DATE/TIME expression of the sentence that no trigger claims and
  that does not date a reporting verb ("a déclaré mardi que l'attaque ..."), or the one
  place or country in a locative phrase ("à Addis-Abeba, où le sommet se tiendra") that
  is no event's place, agent or target. Two candidates: none is taken.
- **List item**: a date heading a line ("— 25 avril 2015 : Au Népal, un séisme ...")
  dates the events of that line.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extract.components.events.claims import claimed_event, is_bare_participle
from extract.components.events.dating import is_calendar
from extract.components.events.matcher import TriggerCandidate
from extract.components.events.syntax import case_lemmas, is_conditional, is_verbal
from extract.components.events.words import DATE_TYPES, PLACE_CASES, PLACE_KINDS, REPORTING_VERBS
from extract.pipeline.spans import Event, Mention, Timex
from extract.schema import SHOWN_MODALITIES

# What may open a list item before its heading date: dashes, bullets, spaces.
ITEM_OPENERS = "—–-•*·> \t"
# What follows a heading date: "25 avril 2015 : ...", "25 avril 2015 – ...".
HEADING_END = re.compile(r"\s*[:–—-]")
# Verbs by which an event causes another: "un séisme provoque un tsunami".
CAUSE_VERBS = frozenset({"provoquer", "déclencher", "entraîner", "causer", "engendrer"})
# What follows a wire story's dateline place: "RABAT, 12 mars (AFP) -".
DATELINE_END = re.compile(r",[^\n()]{0,30}\([A-Z][\w .-]{1,20}\)\s*[-–—]")


class ArgumentSources:
    """Sentence-level dates and places and list-item dates; mixed into `EventExtractor`."""

    doc: Doc
    mentions: list[Mention]
    timexes: list[Timex]
    timex_spans: list[Span | None]
    attached: dict[int, Token | None]
    owner: dict[int, tuple[int, int]]
    head_of: dict[int, TriggerCandidate]

    def item_date(self, head: Token) -> int | None:
        """The expression heading the list item (line) the trigger is on, if a date heads it."""
        text = self.doc.text
        line_start = text.rfind("\n", 0, head.idx) + 1
        opened = line_start
        while opened < len(text) and text[opened] in ITEM_OPENERS:
            opened += 1
        for n, span in enumerate(self.timex_spans):
            timex = self.timexes[n]
            if span is None or timex.type not in DATE_TYPES or not is_calendar(timex.value):
                continue
            if timex.start == opened and timex.end <= head.idx and HEADING_END.match(text, timex.end):
                return n
        return None

    def place_claims(
        self, kept: list[TriggerCandidate], events: list[Event], by_head: dict[int, TriggerCandidate]
    ) -> None:
        """A claim without a place of its own is placed at the attack it claims ("a revendiqué l'attentat de Gao").

        Read once coreference has completed the attack's place; the source is `sentence` when
        the attack is told in the claim's sentence, else `article`.
        """
        index = {cand.head.i: n for n, cand in enumerate(kept)}
        for cand in kept:
            claimed = claimed_event(cand, by_head)
            event = events[index[cand.head.i]]
            if claimed is None or event.place or event.modality not in SHOWN_MODALITIES:
                continue
            attack = events[index[claimed.head.i]]
            if attack.place:
                same = claimed.head.sent.start == cand.head.sent.start
                event.place, event.place_country_code = attack.place, attack.place_country_code
                event.place_source = "sentence" if same else "article"

    def place_at_dateline(self, kept: list[TriggerCandidate], events: list[Event]) -> None:
        """A wire story's dateline city ("RABAT, 12 mars (AFP) -") places its events whose sentence names no place.

        Read after coreference; the source is `article` (the dateline is the article's, not the sentence's).
        """
        dateline = self._dateline()
        if dateline is None:
            return
        mention = self.mentions[dateline]
        for cand, event in zip(kept, events, strict=True):
            if event.place or event.modality not in SHOWN_MODALITIES or self._names_place(cand.head.sent, dateline):
                continue
            event.place, event.place_country_code, event.place_source = (
                mention.canonical,
                mention.country_code,
                "article",
            )

    def _dateline(self) -> int | None:
        """The place mention of the article's dateline, if it opens with one."""
        return self.dateline_at()[0]

    def dateline_at(self) -> tuple[int | None, int]:
        """The dateline's place mention and where the dateline ends (0 without one): "RABAT, 12 mars (AFP) -"."""
        text = self.doc.text
        opened = len(text) - len(text.lstrip())
        for n, mention in enumerate(self.mentions):
            surface = text[mention.start : mention.end]
            if mention.start == opened and mention.kind in PLACE_KINDS and surface.isupper():
                found = DATELINE_END.match(text, mention.end)
                return (n, found.end()) if found else (None, 0)
        return None, 0

    def _names_place(self, sent: Span, dateline: int) -> bool:
        """The sentence names a place or country other than the dateline's."""
        return any(
            n != dateline and m.kind in PLACE_KINDS and sent.start_char <= m.start < sent.end_char
            for n, m in enumerate(self.mentions)
        )

    def caused_place(self, head: Token, places: dict[int, int | None]) -> int | None:
        """An event another one causes takes its place: "un séisme au large du Chili déclenche un tsunami"."""
        if head.dep_ != "obj" or head.head.lemma_.lower() not in CAUSE_VERBS:
            return None
        verb = head.head
        causes = [c for c in verb.children if c.dep_ == "nsubj"]
        if not causes and verb.dep_ in ("acl", "advcl"):
            causes = [verb.head]  # "un séisme ..., déclenchant un tsunami"
        for cause in causes:
            if cause.i in self.head_of and places.get(cause.i) is not None:
                return places[cause.i]
        return None

    def sentence_date(self, head: Token, used: set[int]) -> int | None:
        """The sentence's one unclaimed date expression, if it has exactly one."""
        sent = head.sent
        found: list[int | None] = []
        for n, span in enumerate(self.timex_spans):
            timex = self.timexes[n]
            if span is None or timex.type not in DATE_TYPES or not is_calendar(timex.value):
                continue
            if not (sent.start <= span.root.i < sent.end) or n not in self.attached:
                continue  # a bound ("depuis mars") or a name ("le marché de Noël")
            if n in used or n in self.owner:
                found.append(None)  # another event's date: the sentence has more than one
                continue
            verb = self.attached[n]
            if verb is not None and verb.lemma_.lower() in REPORTING_VERBS:
                continue  # "a déclaré mardi que ...": the day of the statement
            if verb is not None and is_conditional(verb):
                continue  # "il serait présenté jeudi pour que la demande soit examinée": a later step's day
            if verb is not None and describes_noun(verb) and not self._argument_of(verb.head, head):
                continue  # "par rapport aux chiffres diffusés lundi": the day of the thing the clause describes
            if span.start <= head.i < span.end or span.root.is_ancestor(head):
                continue  # "le vendredi suivant le scrutin": counted from the event
            found.append(n)
        return found[0] if len(found) == 1 else None

    def relative_place(self, head: Token) -> int | None:
        """The place a relative "où" clause holding the trigger hangs on ("à Addis-Abeba, où le sommet se tiendra").

        Read on the words around "où" (the parser often attaches it to the subject): the "où"
        of the trigger's clause, and the place mention just before it, a comma between.
        """
        verb = head if is_verbal(head) else head.head
        clause = [head, *head.children, verb, *verb.children]
        where = next((t for t in clause if t.lower_ == "où" and t.i < head.i), None)
        if where is None:
            return None
        before = where.i - 1
        while before >= where.sent.start and self.doc[before].is_punct:
            before -= 1
        if before < where.sent.start:
            return None
        for n in self.mention_at_token(self.doc[before]):
            if self.mentions[n].kind in PLACE_KINDS:
                return n
        return None

    def mention_at_token(self, token: Token) -> list[int]:
        return [n for n, m in enumerate(self.mentions) if m.start <= token.idx < m.end]

    def _argument_of(self, noun: Token, head: Token) -> bool:
        """The noun is the trigger, or a direct dependent of it or of its verb ("via un communiqué diffusé jeudi")."""
        return noun.i == head.i or noun.head.i in (head.i, head.head.i)

    def sentence_place(self, head: Token, places: set[int], actors: set[int]) -> int | None:
        """The sentence's one locative place or country that no event has as place or actor."""
        sent = head.sent
        found: list[int] = []
        for n, mention in enumerate(self.mentions):
            if mention.kind not in PLACE_KINDS:
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not (sent.start <= span.root.i < sent.end):
                continue
            if n in places:
                return None  # the sentence's place belongs to another event
            if n in actors:
                continue
            if not is_locative(span.root):
                continue  # not "à Gao", "en Tunisie", "dans la ville de Gao": an actor, not a place
            if all(self.mentions[m].canonical != mention.canonical for m in found):
                found.append(n)
        if len(found) > 1 and self._conjoined(found):
            return found[0]  # "en Turquie et en Syrie": the first
        return found[0] if len(found) == 1 else None

    def _conjoined(self, found: list[int]) -> bool:
        """The places are one conjoined locative phrase ("en Turquie et en Syrie")."""
        roots = [
            self.doc.char_span(self.mentions[n].start, self.mentions[n].end, alignment_mode="expand") for n in found
        ]
        first = roots[0]
        return first is not None and all(
            span is not None and span.root.dep_ == "conj" and span.root.head.i == first.root.i for span in roots[1:]
        )


def is_locative(root: Token) -> bool:
    """A mention in a locative phrase: "à Gao", "au Népal", "dans la région de Tillabéri"."""
    if case_lemmas(root) & PLACE_CASES or (root.i > 0 and root.nbor(-1).lower_ in ("à", "au", "en")):
        return True
    token = root
    for _depth in range(3):  # "dans le centre de la ville de Kandahar"
        if not (token.dep_.startswith("nmod") and "de" in case_lemmas(token)) or token.head.i == token.i:
            return False
        token = token.head
        if case_lemmas(token) & PLACE_CASES:
            return True
    return False


def describes_noun(verb: Token) -> bool:
    """A clause on a noun: a relative or participle clause ("les chiffres diffusés lundi")."""
    return verb.dep_.startswith("acl") or (is_bare_participle(verb) and verb.head.pos_ in ("NOUN", "PROPN"))
