"""`EventExtractor`: the events of one Doc, from the matched triggers through the filters to the rows' fields."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extract.components.events.arguments import ArgumentFinder
from extract.components.events.dating import EventDating
from extract.components.events.lexicon import Trigger
from extract.components.events.matcher import TriggerCandidate, TriggerMatcher
from extract.components.events.senses import in_sense
from extract.components.events.syntax import (
    case_lemmas,
    clause_verb,
    ends_linked,
    is_alleged,
    is_bare_obl,
    is_hypothetical,
    is_negated,
    is_verbal,
    meets_requirements,
    span_head,
    under_si,
)
from extract.components.events.words import (
    COLLECTIVE_NOUNS,
    GENERIC_DETS,
    IRREALIS_ADJS,
    IRREALIS_CATEGORIES,
    IRREALIS_GOVERNORS,
    NAME_KINDS,
    SPEECH_CATEGORIES,
    SUPPORT_VERBS,
)
from extract.pipeline.spans import Event, Mention, Timex, published_of


class EventExtractor(ArgumentFinder, EventDating):
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
            head = span_head(span)
            if meets_requirements(head, trigger) and ends_linked(span, trigger) and in_sense(span, head, trigger):
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
