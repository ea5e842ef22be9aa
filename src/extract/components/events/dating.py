"""When an event happened: which time expression dates which trigger, else the publication date."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract.components.events.matcher import TriggerCandidate
from extract.components.events.syntax import case_lemmas, clause_verb, is_nested, is_verbal
from extract.components.events.words import (
    BOUND_CASES,
    COUNTED_FROM,
    DATE_TYPES,
    DAYS_FROM_AN_EVENT,
    IRREALIS_CATEGORIES,
    REPORTING_VERBS,
    SUPPORT_VERBS,
)
from extract.pipeline.spans import Mention, Timex, published_of


def is_calendar(value: str | None) -> bool:
    """A value that places the event on the calendar (`2018-12`, `2018-W50`, `XXXX-WXX-1`), not `PAST_REF`."""
    return bool(value) and not str(value).endswith("_REF")


class EventDating:
    """The time expression (or publication date) of each kept trigger; mixed into `EventExtractor`."""

    # The state EventExtractor sets up in its __init__.
    doc: Doc
    mentions: list[Mention]
    timexes: list[Timex]
    mention_at: dict[int, list[int]]
    timex_spans: list[Span | None]
    timex_tokens: set[int]
    head_of: dict[int, TriggerCandidate]
    # Set by dates() from claims(): expression → the verb it modifies, read by the fallbacks below.
    attached: dict[int, Token | None]
    owner: dict[int, tuple[int, int]]

    def claims(self, kept: list[TriggerCandidate]) -> tuple[dict[int, tuple[int, int]], dict[int, Token | None]]:
        """Who each DATE/TIME expression belongs to.

        Returns `owner`: expression → (head index of the trigger up its path, or -1 when it
        dates no event; the path length), and `attached`: expression → the verb it
        modifies (None when no verb is met before a trigger), for the expressions with a
        span that are not bound ("depuis", "jusqu'à") nor part of a name.
        """
        heads = {c.head.i for c in kept}
        owner: dict[int, tuple[int, int]] = {}
        attached: dict[int, Token | None] = {}
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
            attached[n] = None
            while token.head.i != token.i:
                token, steps = token.head, steps + 1
                cand = self.head_of.get(token.i)
                if cand is not None:
                    # Under a trigger that is not reported, the expression dates nothing else.
                    owner[n] = (cand.head.i if cand.head.i in heads else -1, steps)
                    break
                if is_verbal(token):
                    attached[n] = token
                    if not self._describes_trigger(token):
                        break  # it dates this verb's clause ("chargée de ... pendant les fêtes")
        return owner, attached

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

    def dates(self, kept: list[TriggerCandidate], stated_only: set[int]) -> dict[int, int | str | None]:
        """Map each kept trigger head to a timex index, "published", or None when its own words
        say it is not dated ("récemment"); heads absent are left to the later sources.

        The triggers in `stated_only` (hypothetical, negated, generic) take only an expression
        of their own phrase: no fallback dates them.
        """
        owner, self.attached = self.claims(kept)
        self.owner = owner
        claimed: dict[int, int] = {}
        for n, (head_i, _steps) in sorted(owner.items(), key=lambda item: item[1][1]):
            claimed.setdefault(head_i, n)
        taken = set(owner)
        result: dict[int, int | str | None] = {}
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
            if head.i in stated_only:
                continue
            found: int | str | None = None
            if not is_nested(head, set(self.head_of) | self.timex_tokens):  # "lundi des patrouilles": a misparse
                found = self._governor_timex(head, usable)
            if found is None and head.dep_ == "conj" and head.head.i in result:
                found = result[head.head.i]
            if found is None:
                found = self._clause_timex(head, usable)
            if found is None and self._dated_by_article(head):
                found = "published"
            if found is not None:
                result[head.i] = found
        for head_i, found in result.items():
            if isinstance(found, int) and not is_calendar(self.timexes[found].value):
                result[head_i] = None  # "récemment" (PAST_REF): the clause says when only vaguely
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
            if token.i in self.timex_tokens and (
                token.lemma_.lower() in DAYS_FROM_AN_EVENT
                or any(t.lower_ in COUNTED_FROM for t in self.doc[max(child.left_edge.i - 2, 0) : child.left_edge.i])
            ):
                return None  # "au lendemain du séisme", "le vendredi suivant le scrutin": counted from the event
            if child.dep_ in ("ccomp", "parataxis") and token.lemma_.lower() in REPORTING_VERBS:
                return None  # "a déclaré mardi que l'attaque ...": the day of the statement
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
