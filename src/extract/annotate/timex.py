"""The `extract_timex` component: French time expressions, normalised to TIMEX3 values.

Recognition (`timex_grammar`) finds the expressions on the parsed `Doc`; resolution
(`timex_values`) gives each one a type, value and anchor against `doc._.published`,
the tense of the verb it modifies, and the expressions before it. The result is
`doc._.timexes`, a list of `Timex` with character offsets into `doc.text`.

Example:
    nlp = load_pipeline(); doc = nlp.make_doc("Il est arrivé lundi soir.")
    doc._.published = datetime.date(2018, 12, 19); doc = nlp(doc)
    doc._.timexes  # [Timex(start=14, end=25, type='TIME', value='2018-12-17TEV', anchor='published')]
"""

from __future__ import annotations

import bisect
import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.annotate.spans import Timex, published_of, register_extensions
from extract.annotate.timex_grammar import Found, find_expressions
from extract.annotate.timex_lexicon import TimexLexicon, load_lexicon
from extract.annotate.timex_values import FUTURE, PAST, PRESENT, Context, Resolved, resolve

MODAL_FUTURE = {"aller", "devoir", "pouvoir", "prévoir", "compter", "espérer", "vouloir", "envisager", "souhaiter"}
# Verbs whose passé composé takes "être" (the parser often reads "est arrivé" as a passive).
ETRE_VERBS = {
    "aller", "arriver", "décéder", "descendre", "devenir", "entrer", "intervenir", "monter", "mourir",
    "naître", "partir", "parvenir", "passer", "rentrer", "rester", "retourner", "revenir", "sortir",
    "survenir", "tomber", "venir", "repartir", "redevenir", "apparaître", "disparaître",
}
# Participles that schedule what they qualify: "prévue le 15 septembre" looks ahead.
SCHEDULING_VERBS = {"prévoir", "programmer", "fixer", "planifier", "attendre", "envisager", "annoncer", "reporter"}


def verb_tense(verb: Token, depth: int = 0) -> str | None:
    """past / present / future of a verb, reading compound tenses through its auxiliaries.

    "a signé" (avoir, present, + participle) is past, so is "est arrivé"; "se réunira"
    future; "va signer" (aller + infinitive) future; "a été tué" past; "sera signé" future.
    """
    morph = verb.morph
    tense, mood, form = morph.get("Tense"), morph.get("Mood"), morph.get("VerbForm")
    if "Fut" in tense or "Cnd" in mood:
        return FUTURE
    if "Part" in form:
        children = list(verb.children)
        auxiliaries = [c for c in children if c.dep_ in ("aux:tense", "aux:pass", "aux") and c.i < verb.i]
        lemma = verb.lemma_.lower()
        if not auxiliaries:  # an adjectival participle: "élu le 6 mai", "prévue le 15 septembre"
            return FUTURE if lemma in SCHEDULING_VERBS else PAST
        first = auxiliaries[0].morph
        if "Fut" in first.get("Tense") or "Cnd" in first.get("Mood"):
            return FUTURE
        if "Imp" in first.get("Tense") or "Past" in first.get("Tense"):
            return PAST
        if any(c.dep_ == "aux:tense" for c in auxiliaries) or lemma in ETRE_VERBS \
                or any("Yes" in c.morph.get("Reflex") for c in children):
            return PAST  # "a signé", "est arrivé", "s'est tenu"
        return FUTURE if lemma in SCHEDULING_VERBS else PRESENT  # "est fixée au jeudi 16"
    if "Inf" in form:
        head = verb.head
        if head is verb or depth > 2:
            return None
        if head.lemma_ == "venir" and any(c.lower_ in ("de", "d'") for c in verb.children):
            return PAST
        if head.lemma_ in MODAL_FUTURE:
            head_tense = verb_tense(head, depth + 1)
            return PAST if head_tense == PAST and head.lemma_ != "aller" else FUTURE
        return verb_tense(head, depth + 1)
    if "Past" in tense or "Imp" in tense:
        return PAST
    if "Pres" in tense:
        return PRESENT
    return None


PAST_SIGNALS = {"depuis"}
FUTURE_SIGNALS = {"jusqu'", "ici", "avant"}


def governing_tense(doc: Doc, start: int, end: int) -> str | None:
    """The time an expression (tokens [start, end)) is seen from: past, present, future or None.

    A preposition before it decides first ("depuis mardi" looks back, "jusqu'au 30
    juin" forward); else the tense of the verb it depends on; else that of the
    sentence's main verb.
    """
    for k in (start - 1, start - 2):
        if k >= 0 and doc[k].lower_ in PAST_SIGNALS:
            return PAST
        if k >= 0 and doc[k].lower_ in FUTURE_SIGNALS and (doc[k].lower_ != "avant" or k == start - 1):
            return FUTURE
    token = doc[start:end].root
    for _ in range(4):
        if token.head is token:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            tense = verb_tense(token)
            if tense is not None:
                return tense
    root = doc[start].sent.root if doc.has_annotation("SENT_START") else None
    if root is not None and root.pos_ in ("VERB", "AUX"):
        return verb_tense(root)
    return None


def sentence_starts(doc: Doc) -> list[int]:
    if not doc.has_annotation("SENT_START"):
        return [0]
    return [sent.start for sent in doc.sents]


def resolve_safely(found: Found, context: Context) -> Resolved | None:
    """`resolve`, or None for a date the calendar cannot hold ("il y a 100000 ans" from year 1)."""
    try:
        return resolve(found.meaning, context)
    except (ValueError, OverflowError):
        return None


def resolve_all(doc: Doc, found: list[Found], published: dt.date | None) -> list[Timex]:
    """Resolve expressions left to right, clock times last (they take their day's date)."""
    starts = sentence_starts(doc)
    sentence_of = [bisect.bisect_right(starts, f.start) - 1 for f in found]
    resolved: list[Resolved | None] = [None] * len(found)
    previous_day: dt.date | None = None
    previous_year: int | None = None
    year_of_sentence: dict[int, int] = {}
    for k, f in enumerate(found):
        if f.meaning.kind == "clock":
            continue
        context = Context(
            published=published,
            tense=governing_tense(doc, f.start, f.end),
            previous_day=previous_day,
            previous_year=previous_year,
            sentence_year=year_of_sentence.get(sentence_of[k])
            if f.meaning.kind == "calendar" and f.meaning.direction is None else None,
        )
        result = resolve_safely(f, context)
        if result is None:
            continue
        resolved[k] = result
        if result.day is not None:
            previous_day = result.day
        if result.year is not None:
            previous_year = result.year
        if result.type == "DATE" and result.year is not None and f.meaning.kind in ("calendar", "period") \
                and (f.meaning.year is not None or f.meaning.unit == "Y"):
            year_of_sentence[sentence_of[k]] = result.year
    for k, f in enumerate(found):
        if f.meaning.kind != "clock":
            continue
        same_sentence = [(abs(j - k), j < k, r.day) for j, r in enumerate(resolved)
                         if r is not None and r.day is not None and sentence_of[j] == sentence_of[k]]
        days_before = [r.day for j, r in enumerate(resolved[:k])
                       if r is not None and r.day is not None and found[j].meaning.kind != "clock"]
        context = Context(
            published=published,
            tense=governing_tense(doc, f.start, f.end),
            previous_day=days_before[-1] if days_before else None,
            sentence_day=min(same_sentence, key=lambda t: (t[0], not t[1]))[2] if same_sentence else None,
        )
        resolved[k] = resolve_safely(f, context)
    timexes = []
    for f, result in zip(found, resolved):
        if result is None or not result.value:
            continue
        span = doc[f.start:f.end]
        end_char = span.end_char - 1 if span.text.endswith("h.") else span.end_char  # "à 17 h."
        timexes.append(Timex(span.start_char, end_char, result.type, result.value, result.anchor))
    return timexes


class TimexRecogniser:
    """Set `doc._.timexes` from the French time expressions of the parsed `Doc`."""

    def __init__(self, lexicon: TimexLexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        found = find_expressions(doc, self.lexicon)
        doc._.timexes = resolve_all(doc, found, published_of(doc))
        return doc


@Language.factory("extract_timex")
def make_timex_recogniser(nlp: Language, name: str) -> TimexRecogniser:
    register_extensions()
    return TimexRecogniser(load_lexicon())
