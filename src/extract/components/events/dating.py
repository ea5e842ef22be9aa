"""When an event happened: which time expression dates which trigger, else the publication date."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extract.components.events.categories import FAMILY, UNSCHEDULED_FAMILIES
from extract.components.events.matcher import TriggerCandidate
from extract.components.events.syntax import case_lemmas, clause_verb, is_nested, is_verbal
from extract.components.events.words import (
    BOUND_CASES,
    COUNTED_FROM,
    DATE_TYPES,
    DAYS_FROM_AN_EVENT,
    ENACTING_NOUNS,
    HAPPENING_VERBS,
    IRREALIS_CATEGORIES,
    REPORTING_VERBS,
    SUPPORT_VERBS,
)
from extract.pipeline.spans import Mention, Timex, published_of

# What opens a dispatch before its date: a city in capitals and a comma ("MOSCOU, ", "SAINT-DENIS, ").
DATELINE = re.compile(r"\s*[A-ZÀ-Ý][A-ZÀ-Ý' .-]+,\s*$")

# Endings of the future and the conditional (and the passé simple "signa"): not news told now.
FUTURE_ENDINGS = ("ront", "rai", "ras", "ra", "rons", "rez", "rait", "raient", "rions", "riez")


def reported_now(verb: Token) -> bool:
    """A finite verb in the present or the passé composé ("appelle", "a menacé", "ont été signés").

    News tells in these tenses what was just said or done; not the imperfect or the pluperfect
    ("avait appelé": before the news), nor a future or a conditional, nor an infinitive or a
    bare participle ("avoir renversé", "revendiqué par").
    """
    if not is_verbal(verb) or verb.pos_ == "ADJ":
        return False
    auxes = [c for c in verb.children if c.dep_ == "aux:tense" or (c.dep_ == "aux" and c.lemma_ in ("avoir", "être"))]
    if auxes:
        tensed = auxes[0]
        if "Part" not in verb.morph.get("VerbForm", []):
            return False
    elif any(c.dep_ == "aux:pass" for c in verb.children):
        tensed = next(c for c in verb.children if c.dep_ == "aux:pass")  # "est signé"
    else:
        tensed = verb
    if len(tensed.text) >= 4 and tensed.lower_.endswith(FUTURE_ENDINGS):
        return False  # "signeront", "aura signé": the tagger reads some futures as presents
    morph = tensed.morph
    return "Fin" in morph.get("VerbForm", []) and "Pres" in morph.get("Tense", []) and "Ind" in morph.get("Mood", [])


def in_title(token: Token) -> bool:
    """On a title line: the text's first line, ending without a full stop ("Séisme meurtrier en Indonésie")."""
    text = token.doc.text
    end = text.find("\n")
    if end < 0 or token.idx > end:
        return False
    first = text[:end].rstrip()
    return bool(first) and first[-1] not in '.!?»"…'


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
            bound_before = n > 0 and owner.get(n - 1) == (-1, -1) and self._adjacent(n - 1, n)
            if case_lemmas(token) & BOUND_CASES or bound_before:
                owner[n] = (-1, -1)  # "depuis le début de l'année", "jusqu'en juin", "depuis lundi soir 26 octobre"
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

    def _adjacent(self, first: int, second: int) -> bool:
        """Two expressions one after the other, a space or comma between ("lundi soir 26 octobre")."""
        between = self.doc.text[self.timexes[first].end : self.timexes[second].start]
        return len(between) <= 2 and not between.strip(" ,")

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
            if found is None:
                found = self._subjectless_verb_timex(head, usable)
            if found is None and self._dated_by_article(head):
                found = "published"
            if found is not None:
                result[head.i] = found
        for head_i, found in result.items():
            if isinstance(found, int) and not is_calendar(self.timexes[found].value):
                result[head_i] = None  # "récemment" (PAST_REF): the clause says when only vaguely
        return result

    def told_as_news(self, cand: TriggerCandidate) -> bool:
        """An asserted event the article tells as just said or done, with no date in its sentence:
        the publication dates it (source `publication`).

        The trigger is a verb in the present or passé composé ("Moscou appelle au calme", "a
        menacé", "ont été signés"), an infinitive of the past under one ("ont déclaré avoir
        renversé"), or a noun that such a verb does or names as done ("ont décrété la fermeture
        des frontières et un couvre-feu", "une réunion a eu lieu"). Not violence nor disasters
        (reported after the fact, often days later), nor elections (the vote day is stated or
        unknown); not in a sentence with a date (the date is some event's, perhaps this one's).
        """
        head = cand.head
        if FAMILY.get(cand.trigger.category) in UNSCHEDULED_FAMILIES or cand.trigger.category == "election":
            return False
        sent = head.sent
        if in_title(head):
            return False  # "Washington et les talibans signent un accord": a title reports the day before
        for n, span in enumerate(self.timex_spans):
            timex = self.timexes[n]
            if span is None or timex.type not in DATE_TYPES or not is_calendar(timex.value):
                continue
            if not (sent.start <= span.root.i < sent.end) or self._is_dateline(n):
                continue
            verb = self.attached.get(n)
            if verb is not None and verb.dep_.startswith("acl") and verb.head.i != head.i:
                continue  # "dans un communiqué reçu lundi": the day of the thing the clause describes
            return False
        token = head
        if is_verbal(token):
            if token.dep_ == "xcomp" and any(c.dep_.startswith("aux") and c.lemma_ == "avoir" for c in token.children):
                return reported_now(token.head)  # "ont déclaré avoir renversé"
            if any(c.dep_.startswith("aux") for c in token.children) or "Fin" in token.morph.get("VerbForm", []):
                return reported_now(token)
            if token.dep_ == "conj" and is_verbal(token.head):
                return reported_now(token.head)  # "a arrêté et interrogé"
            return False
        conjoined = False
        while token.head.i != token.i and not is_verbal(token.head):
            if token.dep_ == "conj":
                conjoined = True  # "la fermeture des frontières et l'instauration d'un couvre-feu"
            elif token.dep_ != "nmod" or not (
                token.head.lemma_.lower() in ENACTING_NOUNS or (conjoined and token.head.i in self.head_of)
            ):
                break  # "la fermeture des frontières et un couvre-feu", read as the frontières' conjunct: on to the trigger
            token = token.head
        verb = token.head
        if token.dep_ == "conj" and token.pos_ == "NOUN" and is_verbal(verb):
            return reported_now(verb)  # "a décrété la fermeture ... et l'instauration", read as the verb's conjunct
        if token.dep_ in ("obj", "nsubj:pass") or (token.dep_ == "nsubj" and verb.lemma_ in SUPPORT_VERBS):
            return reported_now(verb)
        return False

    def _is_dateline(self, n: int) -> bool:
        """A wire story's dateline ("MOSCOU, 15 avril (Reuters) -"): the day of the dispatch, no event's."""
        return bool(DATELINE.match(self.doc.text[: self.timexes[n].start]))

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

    def _subjectless_verb_timex(self, head: Token, taken: set[int]) -> int | None:
        """A noun trigger just before a happening verb the parser left without a subject ("où le
        sommet se tiendra du 17 au 18 février", misread): the verb's unclaimed expression."""
        if is_verbal(head):
            return None
        after = head.right_edge.i + 1
        while after < head.sent.end and self.doc[after].lower_ in ("se", "s'", "s’"):
            after += 1
        if after >= head.sent.end:
            return None
        verb = self.doc[after]
        if verb.lemma_.lower() not in HAPPENING_VERBS or any(c.dep_.startswith("nsubj") for c in verb.children):
            return None
        if verb.lemma_.lower() == "avoir" and not any(t.lower_ == "lieu" for t in verb.children):
            return None  # "avoir lieu" only
        found = [n for n, v in self.attached.items() if v is not None and v.i == verb.i and n not in taken]
        return min(found, key=lambda n: self._timex_root(n).i) if found else None

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
