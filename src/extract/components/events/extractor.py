"""`EventExtractor`: the events of one Doc, from the matched triggers through the filters to the rows' fields."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extract.components.events.arguments import ArgumentFinder, Roles
from extract.components.events.categories import goldstein_of
from extract.components.events.claims import claimed_event, is_bare_participle
from extract.components.events.coref import Referent, resolve
from extract.components.events.dating import EventDating
from extract.components.events.lexicon import Trigger
from extract.components.events.matcher import TriggerCandidate, TriggerMatcher
from extract.components.events.modality import ModalityReader
from extract.components.events.senses import in_sense
from extract.components.events.sources import ArgumentSources
from extract.components.events.syntax import (
    case_lemmas,
    determiner_kind,
    ends_linked,
    introduces_new,
    is_bare_modifier,
    is_verbal,
    meets_requirements,
    span_head,
    under_report,
    word_stem,
)
from extract.components.events.words import COLLECTIVE_NOUNS, REPORTING_VERBS
from extract.pipeline.spans import Event, Mention, Timex, published_of
from extract.schema import SHOWN_MODALITIES


class EventExtractor(ModalityReader, ArgumentFinder, EventDating, ArgumentSources):
    """Find the events of one `Doc`: triggers, their modality, arguments and dates, then coreference."""

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

    # -- the result -----------------------------------------------------------------------

    def trigger_span(self, cand: TriggerCandidate) -> Span:
        """The matched words with the auxiliaries and clitic just before them ("ont signé")."""
        start = cand.span.start
        heads_children = {c.i for c in cand.head.children if c.dep_.startswith(("aux", "expl"))}
        while start > 0 and (start - 1) in heads_children:
            start -= 1
        return self.doc[start : cand.span.end]

    def _hand_over_claims(
        self, kept: list[TriggerCandidate], dates: dict[int, int | str | None], roles: dict[int, tuple[Roles, Roles]]
    ) -> None:
        """A claim's claimant becomes the attack's agent; a date before a bare "revendiqué" is the attack's."""
        by_head = {cand.head.i: cand for cand in kept}
        for cand in kept:
            claimed = claimed_event(cand, by_head)
            if claimed is None:
                continue
            agents, _ = roles[cand.head.i]
            (claimed_agents, claimed_codes), claimed_targets = roles[claimed.head.i]
            if not claimed_agents and not claimed_codes and (agents[0] or agents[1]):
                roles[claimed.head.i] = ((list(agents[0]), list(agents[1])), claimed_targets)
            n = dates.get(cand.head.i)
            if (
                isinstance(n, int)
                and claimed.head.i not in dates
                and is_bare_participle(cand.head)
                and self.timexes[n].start < cand.head.idx
            ):
                dates[claimed.head.i] = dates.pop(cand.head.i)

    def events(self) -> list[Event]:
        modalities = {cand.head.i: self.modality(cand) for cand in self.candidates}
        kept = [cand for cand in self.candidates if modalities[cand.head.i] is not None]
        shown = {cand.head.i for cand in kept if modalities[cand.head.i] in SHOWN_MODALITIES}
        dates = self.dates(kept, stated_only={cand.head.i for cand in kept} - shown)
        places = {cand.head.i: self.place(cand) for cand in kept}
        self.role_mentions: set[int] = set()
        self.dateline_end = self.dateline_at()[1]
        roles = {cand.head.i: self.roles(cand, places[cand.head.i]) for cand in kept}
        self._hand_over_claims(kept, dates, roles)
        used = {n for n in dates.values() if isinstance(n, int)}
        by_head = {cand.head.i: cand for cand in kept}
        published = published_of(self.doc)
        events, referents = [], []
        for cand in kept:
            head = cand.head
            dated, date_source = dates.get(head.i), "clause"
            claim = claimed_event(cand, by_head) is not None
            bare = is_bare_modifier(head, self.timex_tokens)
            if head.i in shown and head.i not in dates and not cand.undated and not claim and not bare:
                dated, date_source = self.item_date(head), "sentence"
                if dated is None and not under_report(head, REPORTING_VERBS):
                    dated = self.sentence_date(head, used)
            place, place_source = places[head.i], "clause"
            if place is None and head.i in shown:
                claimed = {n for n in places.values() if n is not None}
                place, place_source = self.relative_place(head), "sentence"
                if place is None:
                    place = self.sentence_place(head, claimed, self.role_mentions)
                if place is None:
                    place = self.caused_place(head, places)
            timex, value = None, ""
            if dated == "published":
                value, date_source = (published.isoformat() if published is not None else ""), "publication"
            elif isinstance(dated, int):  # a timex index; None: no date
                timex, value = dated, self.timexes[dated].value or ""
            place_mention = self.mentions[place] if place is not None else None
            (agents, agent_codes), (targets, target_codes) = roles[head.i]
            span = self.trigger_span(cand)
            events.append(
                Event(
                    start=span.start_char,
                    end=span.end_char,
                    trigger_lemma=cand.trigger.lemma,
                    category=cand.trigger.category,
                    cameo_root=cand.trigger.cameo_root,
                    goldstein=goldstein_of(cand.trigger.cameo_root),
                    modality=modalities[head.i] or "asserted",
                    timex=timex,
                    date_value=value,
                    date_source=date_source if value else "",
                    place=place_mention.canonical if place_mention else "",
                    place_country_code=self.place_code(place) if place is not None else "",
                    place_source=place_source if place_mention else "",
                    agents=agents,
                    agent_country_codes=agent_codes,
                    targets=targets,
                    target_country_codes=target_codes,
                )
            )
            determiner = determiner_kind(head)
            referents.append(
                Referent(
                    new=introduces_new(head),
                    indefinite=determiner == "indefinite",
                    anaphor=determiner == "definite",
                    word=word_stem(cand.trigger.lemma),
                    headline=head.sent.start == 0,
                    closed=bare,
                    place_kind=place_mention.kind if place_mention else "",
                    undated=cand.undated or claim,
                )
            )
        resolve(events, referents)
        self.place_claims(kept, events, by_head)
        self.place_at_dateline(kept, events)
        self._date_claims_hours_after(kept, events, by_head)
        timed = self.doc._.timexes is not None  # without time expressions, a sentence's date is unknown
        for cand, event in zip(kept, events, strict=True):
            if not event.date_value and event.modality == "asserted" and published is not None and timed:
                if not cand.undated and self.told_as_news(cand):
                    event.date_value, event.date_source = published.isoformat(), "publication"
        return events

    def _date_claims_hours_after(
        self, kept: list[TriggerCandidate], events: list[Event], by_head: dict[int, TriggerCandidate]
    ) -> None:
        """ "a revendiqué l'attaque quelques heures plus tard", "quelques heures après l'attentat,
        le groupe a revendiqué": the claim is of the attack's day (source `article`)."""
        index = {cand.head.i: n for n, cand in enumerate(kept)}
        for cand in kept:
            claimed = claimed_event(cand, by_head)
            event = events[index[cand.head.i]]
            if claimed is None or event.date_value or event.modality not in SHOWN_MODALITIES:
                continue
            attack = events[index[claimed.head.i]]
            if attack.date_value and self._hours_from(cand.head):
                event.date_value, event.date_source = attack.date_value.split("T")[0], "article"

    def _hours_from(self, head: Token) -> bool:
        """An expression of a few hours in the trigger's clause ("quelques heures plus tard")."""
        for span in self.timex_spans:
            if span is None or "heure" not in span.text.lower() or span.sent.start != head.sent.start:
                continue
            token = span.root
            while token.head.i != token.i and token.i != head.i and not is_verbal(token):
                token = token.head
            if token.i == head.i or token.head.i == head.i:
                return True
        return False
