"""Acronyms defined in the text: "l'Organisation de l'aviation civile internationale (OACI)".

The long form and the acronym become one entity in that article, whether or
not the knowledge base knows either: every mention of either form gets the
same kind and canonical name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span

from extract.components.entities.gazetteer import Entry, fold, strip_article
from extract.pipeline.spans import Mention

# Words an acronym usually skips: "Organisation de l'aviation civile" -> OAC.
SKIPPED = {
    "de",
    "du",
    "des",
    "d'",
    "d’",
    "la",
    "le",
    "les",
    "l'",
    "l’",
    "et",
    "pour",
    "en",
    "à",
    "au",
    "aux",
    "sur",
    "contre",
    "par",
}
MAX_LONG_FORM = 12  # tokens


def initials(tokens: Span, *, skip: bool = True) -> str:
    """The first letters, unaccented: "Commission électorale indépendante" -> "CEI"."""
    letters = "".join(t.text[0] for t in tokens if t.is_alpha and not (skip and t.lower_ in SKIPPED))
    return fold(letters).upper()


def long_form(doc: Doc, paren: int, acronym: str) -> Span | None:
    """The tokens just before `doc[paren]` ("(") that `acronym` abbreviates, if any."""
    for size in range(1, min(MAX_LONG_FORM, paren) + 1):
        span = doc[paren - size : paren]
        first = span[0]
        if not first.is_title or first.lower_ in SKIPPED:
            continue
        if fold(acronym).upper() in (initials(span), initials(span, skip=False)):
            return span
    return None


def link_acronyms(
    doc: Doc,
    text: str,
    matches: list[tuple[int, int, int]],
    mentions: list[Mention],
    lookup: Callable[[str], Entry | None],
) -> list[Mention]:
    """`mentions` with each defined acronym and its long form made one entity (`text` is `doc.text`)."""
    for _, start, _end in matches:
        acronym = doc[start + 1].text
        span = long_form(doc, start, acronym)
        if span is None:
            continue
        entry = lookup(span.text) or lookup(acronym)
        if entry is not None:
            kind, canonical, code, qid = entry.kind, entry.canonical, entry.country_code, entry.wikidata_id
        else:
            kind, canonical, code, qid = "organisation", strip_article(span.text), "", ""
        long_key = fold(span.text)
        spans = [(span.start_char, span.end_char)]
        spans += _occurrences(doc, text, acronym)
        kept = [m for m in mentions if not any(_overlaps(m, s, e) and (m.start, m.end) != (s, e) for s, e in spans)]
        present = {(m.start, m.end) for m in kept}
        kept += [Mention(s, e, "acronym_rule", kind, canonical) for s, e in spans if (s, e) not in present]
        mentions = [
            replace(m, kind=kind, canonical=canonical, country_code=code, wikidata_id=qid)
            if text[m.start : m.end] == acronym or fold(text[m.start : m.end]) == long_key
            else m
            for m in kept
        ]
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _occurrences(doc: Doc, text: str, word: str) -> list[tuple[int, int]]:
    """Character spans of the tokens of `doc` that are exactly `word`."""
    out, at = [], text.find(word)
    while at >= 0:
        token = doc.char_span(at, at + len(word))
        if token is not None and len(token) == 1:
            out.append((at, at + len(word)))
        at = text.find(word, at + 1)
    return out


def _overlaps(m: Mention, start: int, end: int) -> bool:
    return m.start < end and start < m.end
