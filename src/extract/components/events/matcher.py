"""Find the lexicon's triggers in a Doc: phrase matchers on lemma and form, a token matcher for entries with gaps."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from extract.components.events.lexicon import Trigger

# What may stand between the words of "ouvrir _ enquête": "ont ouvert lundi une enquête".
NOUN_FILLER_POS = ["DET", "ADJ", "NUM", "ADV", "ADP", "PRON", "NOUN", "PROPN", "SPACE"]
# Up to this many words in a gap, the words at its ends linked in the parse:
# "ont conclu mercredi à La Havane un accord".
MAX_GAP = 6


def wrapped_pattern(words: list[str]) -> list[dict]:
    """Matcher pattern for a several-word entry whose words a hard line break may part ("mandat \\nd'arrêt")."""
    tokens: list[dict] = [{"LEMMA": {"IN": [words[0], words[0].capitalize()]}}]
    for word in words[1:]:
        tokens += [{"IS_SPACE": True, "OP": "*"}, {"LEMMA": word}]
    return tokens


def is_wrapped(doc: Doc) -> bool:
    """A text hard-wrapped inside its sentences (wire copy): a line break between two words of one sentence."""
    return any(
        t.is_space and 0 < t.i < len(doc) - 1 and t.nbor(-1).text[-1:].isalpha() and t.nbor(1).text[:1].islower()
        for t in doc
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
        self.wrapped = Matcher(vocab)
        for trigger in triggers:
            words = trigger.pattern.split()
            if "_" in words:
                self.gapped.add(trigger.pattern, [filler_patterns(trigger.pattern)])
                continue
            variants = [words, [words[0].capitalize(), *words[1:]]]
            self.on_lemma.add(trigger.pattern, [Doc(vocab, words=w, lemmas=w) for w in variants])
            if len(words) > 1:
                self.wrapped.add(trigger.pattern, [wrapped_pattern(words)])
            if len(words) == 1:
                forms = {words[0], words[0] + "s", words[0] + "x"}
                self.on_lower.add(trigger.pattern, [Doc(vocab, words=[f]) for f in forms])

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = [*self.on_lemma(doc), *self.on_lower(doc), *self.gapped(doc)]
        if is_wrapped(doc):
            found += self.wrapped(doc)  # only wire copy pays for the line-break-tolerant patterns
        return found


def build_matcher(vocab, triggers: Iterable[Trigger]) -> TriggerMatcher:
    """The matcher whose match ids are the lexicon patterns."""
    return TriggerMatcher(vocab, triggers)


@dataclass(slots=True)
class TriggerCandidate:
    """A matched trigger with what the parse says about it."""

    span: Span
    head: Token
    trigger: Trigger
    undated: bool = False
