"""The `extract_timex` component: French time expressions, normalised to TIMEX3 values.

Recognition (`timex_grammar`) finds the expressions on the parsed `Doc`; resolution
(`timex_values`) gives each one a type, value and anchor against `doc._.published`,
the tense of the verb it modifies, and the expressions before it. The result is
`doc._.timexes`, a list of `Timex` with character offsets into `doc.text`.

Example:
    nlp = load_pipeline(); doc = nlp.make_doc("Il est arrivé lundi soir.")
    doc._.published = datetime.date(2018, 12, 19); doc = nlp(doc)
    doc._.timexes  # [Timex(start=14, end=24, type='TIME', value='2018-12-17TEV', anchor='published')]
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.timex.anchors import clock_day, event_day, names_a_day
from extract.components.timex.grammar import Found, find_expressions
from extract.components.timex.lexicon import TimexLexicon, load_lexicon
from extract.components.timex.resolvers import resolve
from extract.components.timex.tense import governing_tense, weekday_tense
from extract.components.timex.values import PRESENT, Context, Resolved
from extract.pipeline.spans import Timex, published_of, register_extensions
from extract.pipeline.speed import Serialisable


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


# Verbs of a reporting incise ("..., a indiqué vendredi le parquet"): the day they carry is
# the report's, so later "le même jour", "le lendemain" count from the story's dates instead.
REPORTING_VERBS = frozenset({
    "annoncer", "indiquer", "déclarer", "affirmer", "préciser", "ajouter", "expliquer",
    "rapporter", "confirmer", "souligner", "assurer", "dire", "estimer", "révéler",
})  # fmt: skip


def dates_a_report(doc: Doc, found: Found) -> bool:
    """Whether the expression modifies a reporting verb whose subject follows it (an incise)."""
    verb = doc[found.start : found.end].root.head
    if verb.lemma_ not in REPORTING_VERBS:
        return False
    children = list(verb.children)
    if any(child.dep_ == "nsubj" and child.i > verb.i for child in children):
        return True
    # "..., a annoncé mardi la police": the parser may take the inverted subject for an object
    return not any(child.dep_.startswith("nsubj") and child.i < verb.i for child in children) and any(
        child.dep_ == "obj" and child.i > found.end and child.pos_ in ("NOUN", "PROPN") for child in children
    )


def resolve_all(doc: Doc, found: list[Found], published: dt.date | None) -> list[Timex]:
    """Resolve expressions left to right, then those counted from an event, clock times last."""
    starts = sentence_starts(doc)
    sentence_of = [bisect.bisect_right(starts, f.start) - 1 for f in found]
    reports = [dates_a_report(doc, f) for f in found]
    resolved: list[Resolved | None] = [None] * len(found)
    contexts: list[Context | None] = [None] * len(found)
    previous_day: dt.date | None = None
    day_sentence = -1  # the sentence previous_day was read in
    previous_month: str | None = None
    previous_year: int | None = None
    year_of_sentence: dict[int, int] = {}
    weekday_days: dict[int, dt.date] = {}  # weekday → the day its first bare mention named
    generic_before: int | None = None  # the sentence of the last generic date ("en été": XXXX-SU), if none came since
    for k, f in enumerate(found):
        if f.meaning.kind == "clock":
            continue
        bare_weekday = f.meaning.kind == "weekday" and f.meaning.direction is None and not f.meaning.habitual
        tense = governing_tense(doc, f.start, f.end)
        context = Context(
            published=published,
            tense=weekday_tense(doc, f.start, f.end, tense) if bare_weekday else tense,
            previous_day=previous_day,
            previous_year=previous_year,
            sentence_day=previous_day if day_sentence == sentence_of[k] else None,
            previous_month=previous_month,
            sentence_year=year_of_sentence.get(sentence_of[k])
            if f.meaning.kind in ("calendar", "nth_weekday") and f.meaning.direction is None
            else None,
            same_weekday=weekday_days.get(f.meaning.weekday or 0) if bare_weekday else None,
        )
        contexts[k] = context
        result = resolve_safely(f, context)
        if result is None:
            continue
        if generic_before is not None and sentence_of[k] - generic_before <= 1 and is_yearless_day(f, context):
            result = generic(result)  # "En été, ... entre le 15 juillet et le 15 août, le camping affiche complet"
        resolved[k] = result
        if result.type == "DATE" and result.value.startswith("XXXX") and published is not None:
            generic_before = sentence_of[k]
        elif result.type in ("DATE", "TIME") and result.value[:4].isdigit():
            generic_before = None
        if bare_weekday and result.day is not None and result.anchor == "published":
            weekday_days.setdefault(f.meaning.weekday or 0, result.day)
        if reports[k]:
            continue  # "le même jour" after "..., a indiqué vendredi le parquet" is the story's day
        if result.day is not None:
            previous_day, day_sentence = result.day, sentence_of[k]
            previous_month = None
        elif len(result.value) == 4:
            previous_month = None
        if result.year is not None:
            previous_year = result.year
        if result.type == "DATE" and len(result.value) == 7 and result.value[4] == "-" and result.value[5:].isdigit():
            previous_month = result.value
        if (
            result.type == "DATE"
            and result.year is not None
            and f.meaning.kind in ("calendar", "period")
            and (f.meaning.year is not None or f.meaning.unit == "Y")
        ):
            year_of_sentence[sentence_of[k]] = result.year
    usable = [not reports[j] and not f.meaning.of_event for j, f in enumerate(found)]
    for k, f in enumerate(found):  # "le même jour qu'un attentat", "deux jours après l'attaque"
        before = contexts[k]
        if f.meaning.event is not None and before is not None:
            day = event_day(doc, k, found, resolved, sentence_of, usable)
            resolved[k] = resolve_safely(f, replace(before, event_day=day))
    usable = [not r for r in reports]
    for k, f in enumerate(found):
        if f.meaning.kind != "clock":
            continue
        # Day expressions, resolved or not: a clock time next to an unresolved
        # "hier" (no publication date) must not borrow an earlier absolute day.
        governing = clock_day(doc, k, found, resolved, sentence_of, usable)
        days_before = [
            r.day
            for j, r in enumerate(resolved[:k])
            if names_a_day(r) and found[j].meaning.kind != "clock" and usable[j]
        ]
        context = Context(
            published=published,
            tense=governing_tense(doc, f.start, f.end),
            previous_day=days_before[-1] if days_before else None,
            sentence_day=day_of(resolved[governing]) if governing is not None else None,
        )
        resolved[k] = resolve_safely(f, context)
    timexes = []
    for f, result in zip(found, resolved):
        if result is None or not result.value:
            continue
        end = f.end - 1 if f.meaning.event is not None and result.type == "DURATION" else f.end  # "deux jours [après]"
        span = doc[f.start : end]
        end_char = span.end_char - 1 if span.text.endswith("h.") else span.end_char  # "à 17 h."
        timexes.append(Timex(span.start_char, end_char, result.type, result.value, result.anchor))
    return timexes


def is_yearless_day(found: Found, context: Context) -> bool:
    """A day or month named without a year or direction, in the present tense or with no verb."""
    meaning = found.meaning
    return (
        meaning.kind == "calendar"
        and meaning.year is None
        and meaning.month is not None
        and meaning.direction is None
        and meaning.holiday is None
        and context.tense in (PRESENT, None)
    )


def generic(result: Resolved) -> Resolved:
    """The same day or month in no particular year: a habit told in the present ("XXXX-07-15")."""
    if not result.value[:4].isdigit():
        return result
    return Resolved(result.type, "XXXX" + result.value[4:], "none")


def day_of(result: Resolved | None) -> dt.date | None:
    return result.day if result is not None else None


class TimexRecogniser(Serialisable):
    """Set `doc._.timexes` from the French time expressions of the parsed `Doc`."""

    def __init__(self, lexicon: TimexLexicon, nlp: Language | None = None) -> None:
        self.lexicon = lexicon
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        found = find_expressions(doc, self.lexicon)
        doc._.timexes = resolve_all(doc, found, published_of(doc))
        return doc


@Language.factory(
    "extract_timex",
    default_config={"lexicon": None},
    requires=["token.lemma", "token.pos", "token.dep", "token.morph", "token.ent_type", "token.is_sent_start"],
    assigns=["doc._.timexes"],
)
def make_timex_recogniser(nlp: Language, name: str, lexicon: str | None) -> TimexRecogniser:
    """`lexicon`: path of a word table in the format of resources/timex_lexicon.tsv; None is the shipped one."""
    register_extensions()
    return TimexRecogniser(load_lexicon(lexicon), nlp)
