"""From candidates to mentions: overlaps settled, one entry picked per name, one entity and one kind per article."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span

from extract.components.entities.candidates import (
    ARTICLE_TOKENS,
    BOILERPLATE,
    FRANCOPHONE,
    FRANCOPHONE_WEIGHT,
    GENERIC_HEADS,
    HEAD_RULE,
    KIND_OF_LABEL,
    NATIONALITY_POS,
    RULE_OF_KIND,
    SAME_COUNTRY_WEIGHT,
    Candidate,
)
from extract.components.entities.gazetteer import (
    CITY_FEATURES,
    GOVERNMENT_SEAT_POPULATION,
    Entry,
    NameTable,
    fold,
)
from extract.components.entities.named_heads import TITLES
from extract.pipeline.spans import Mention


def untitled(span: Span) -> str:
    """A person's name without the title before it: "M. Jean Dupont" -> "Jean Dupont"."""
    start = span.start
    while start < span.end - 1 and span.doc[start].text in TITLES:
        start += 1
    return span.doc[start : span.end].text


def seat_of_power(entries: list[Entry], label: str) -> bool:
    """A place big enough for "Moscou a dénoncé" to mean its government, not an ORG or a person."""
    top = entries[0]
    if label == "ORG" and top.feature == "capital":
        return True
    threshold = GOVERNMENT_SEAT_POPULATION if label == "ORG" else 10 * GOVERNMENT_SEAT_POPULATION
    return top.feature not in CITY_FEATURES or top.population >= threshold


def after_number(span: Span) -> bool:
    """A one-word name after a number: "le 8 Mars" is a date, not the planet."""
    return len(span) == 1 and span.start > 0 and span.doc[span.start - 1].like_num


def plausible(table: NameTable, span: Span, exact: bool) -> bool:
    """Whether a phrase match is the name rather than a common word that looks like it."""
    doc = span.doc
    if table.kind == "nationality":
        return span[-1].pos_ in NATIONALITY_POS
    if exact:
        # "UN HOMME ARRÊTÉ": an acronym inside an all-caps headline is a word.
        neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
        return not any(t.is_upper and t.is_alpha and len(t) >= 3 for t in neighbours)
    if not table.capitalised_as_named(span.text):
        return False
    if table.kind == "organisation":
        return True  # the knowledge base lists the lower-case forms it means ("parquet fédéral")
    if not span.text[0].isupper() and span[0].lower_ not in GENERIC_HEADS | ARTICLE_TOKENS:
        return False
    if table.kind == "place" and len(span) == 1:
        token = span[0]
        if after_number(span):
            return False  # "le 8 Mars": a month
        if token.pos_ not in ("PROPN", "X") and not token.ent_type_:
            return False
        if token.is_sent_start and not token.ent_type_ and not token.is_upper:
            return False  # "Orange a annoncé": a capital any first word has ("PARIS, 15 août" is a dateline)
        # "Maurice Papon", "Florence Parly": a first name, not a city.
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" and nxt.ent_type_ != "LOC":
            return False
    return True


def home_countries(mentions: list[Mention], chosen: list[Candidate], phrases: list[Candidate], named: set[str]) -> None:
    """An organisation the knowledge base does not know takes the country its name states.

    "Protection civile haïtienne" -> HT, "ambassade de France" -> FR.
    """
    for i, c in enumerate(chosen):
        if c.kind != "organisation" or c.entries:
            continue
        inner = [
            p
            for p in phrases
            if c.start <= p.start and p.end <= c.end and p.length < c.length and p.kind in ("country", "nationality")
        ]
        codes = {pick(p.entries, named).country_code for p in inner} - {""}
        if len(codes) == 1:
            mentions[i].country_code = codes.pop()


def places_in_named_countries(doc: Doc, mentions: list[Mention], chosen: list[Candidate]) -> None:
    """A place the tables do not know lies in the one country its sentence places things in.

    "Tinzaouaten-Sud, au Mali" -> ML (a nationality noun, "le Français", is a
    person and places nothing); a sentence naming no country, or
    several ("soldats maliens ... près de la frontière avec le Niger"), leaves
    the country unknown: an empty code is better than a wrong one.
    """
    unknown = [i for i, c in enumerate(chosen) if c.kind == "place" and not c.entries]
    if not unknown or not doc.has_annotation("SENT_START"):
        return
    by_sentence: dict[int, set[str]] = {}
    for m, c in zip(mentions, chosen):
        # a place counts only when its name has one country: an ambiguous
        # city's guess ("Orange") must not spread to its neighbours
        unambiguous = m.kind != "place" or len({e.country_code for e in c.entries}) == 1
        person = m.kind == "nationality" and not doc[c.start].is_lower  # "le Français", not where things are
        if m.kind in ("country", "nationality", "place") and m.country_code and unambiguous and not person:
            by_sentence.setdefault(doc[c.start].sent.start, set()).add(m.country_code)
    for i in unknown:
        codes = by_sentence.get(doc[chosen[i].start].sent.start, set())
        if len(codes) == 1:
            mentions[i].country_code = next(iter(codes))


def settle(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longer spans first, then stronger evidence.

    An NER span the tables do not know yields to anything it overlaps when it
    is MISC, or when it joins known names ("ÉTATS-UNIS ET LA CHINE").
    """
    known = [c for c in candidates if c.entries and c.strength >= 3]

    def joins_known(c: Candidate) -> bool:
        """ "ÉTATS-UNIS ET LA CHINE", "Le Figaro mardi": known names plus words that are no name."""
        inside = [k for k in known if c.start <= k.start and k.end <= c.end and k.length < c.length]
        if not inside:
            return False
        covered = {i for k in inside for i in range(k.start, k.end)}
        rest = [doc[i] for i in range(c.start, c.end) if i not in covered]
        return any(t.pos_ == "CCONJ" or t.text == "," for t in rest) or all(not t.is_title for t in rest)

    def national_institution(c: Candidate) -> bool:
        """ "sûreté générale du Liban": a head-rule organisation named after a country keeps it."""
        inside = [k for k in known if c.start <= k.start and k.end <= c.end]
        # one country, however many candidates found it; not "commission mixte Maroc-France"
        one_country = len({(k.start, k.end) for k in inside}) == 1 and all(k.kind == "country" for k in inside)
        return c.label == HEAD_RULE and c.kind == "organisation" and one_country

    def rank(c: Candidate) -> tuple[int, int, int]:
        weak = not c.entries and (c.label == "MISC" or (joins_known(c) and not national_institution(c)))
        return (0 if weak else 1, c.length, c.strength)

    taken = [False] * len(doc)
    chosen = []
    for c in sorted(candidates, key=rank, reverse=True):
        if any(taken[c.start : c.end]):
            continue
        for i in range(c.start, c.end):
            taken[i] = True
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def boilerplate(doc: Doc, c: Candidate) -> bool:
    """A page-furniture line ("Commentaires") or an author's initials alone on a line ("MN")."""
    span = doc[c.start : c.end]
    name = span.text.strip()
    if name.lower() in BOILERPLATE:
        return True
    if c.entries:
        return False
    alone = (c.start == 0 or "\n" in doc[c.start - 1].text) and (c.end == len(doc) or "\n" in doc[c.end].text)
    return alone and len(name) <= 4 and name.isupper()


def pick(entries: list[Entry], named: set[str]) -> Entry:
    """The entry a name most likely denotes in an article naming the countries `named`."""
    if len(entries) == 1:
        return entries[0]
    if entries[0].kind == "place":
        return max(
            entries,
            key=lambda e: (
                max(e.population, 1)
                * (SAME_COUNTRY_WEIGHT if e.country_code in named else 1)
                * (FRANCOPHONE_WEIGHT if e.country_code in FRANCOPHONE else 1)
            ),
        )
    return next((e for e in entries if e.country_code in named), entries[0])


def repeat_names(doc: Doc, mentions: list[Mention], text: str | None = None) -> list[Mention]:
    """Other occurrences of a name the NER found once but missed elsewhere in the article.

    Only capitalised names of four letters or more (not all-caps initials),
    and only where the occurrence is whole tokens that no other mention covers.
    `text` is `doc.text` when the caller has it already.
    """
    found = [m for m in mentions if m.label in KIND_OF_LABEL and m.kind in ("person", "organisation", "place")]
    if not found:
        return mentions
    text = doc.text if text is None else text
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for surface, m in {text[m.start : m.end]: m for m in found}.items():
        if len(surface) < 4 or not surface[0].isupper() or surface.isupper():
            continue
        at = text.find(surface)
        while at >= 0:
            end = at + len(surface)
            span = doc.char_span(at, end)
            if span is not None and not any(s < end and at < e for s, e in taken):
                added.append(replace(m, start=at, end=end))
                taken.append((at, end))
            at = text.find(surface, end)
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


def link_surnames(mentions: list[Mention]) -> list[Mention]:
    """A name the tables do not know that ends a person's full name in the article is that person.

    "Mauri" after "Melchior Mauri" is the cyclist, whatever the NER called it.
    """
    full_names: dict[str, str] = {}
    for m in mentions:
        if m.kind == "person" and " " in m.canonical:
            full_names.setdefault(m.canonical.split()[-1], m.canonical)
    if not full_names:
        return mentions
    return [
        replace(
            m, kind="person", canonical=full_names[m.canonical], label="PER" if m.label == "PER" else "surname_rule"
        )
        if m.canonical in full_names and not m.country_code and not m.wikidata_id and m.kind != "nationality"
        else m
        for m in mentions
    ]


def one_kind_per_entity(mentions: list[Mention]) -> list[Mention]:
    """Give every mention of the same name the same kind, canonical and country.

    A name resolved by a table wins; otherwise the kind most mentions have
    (ties go to organisation, then person, then place), so that "Al Ahdath Al
    Maghribia" is not an organisation once and a person once.
    """
    by_name: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.kind != "nationality":
            by_name.setdefault(fold(m.canonical), []).append(i)
    preference = {"organisation": 3, "person": 2, "place": 1}
    out = list(mentions)
    for indices in by_name.values():
        group = [mentions[i] for i in indices]
        if len({(m.kind, m.canonical, m.country_code) for m in group}) == 1:
            continue
        resolved = [m for m in group if m.label in RULE_OF_KIND.values() or m.country_code or m.wikidata_id]
        if resolved:
            best = resolved[0]
        else:
            counts = Counter(m.kind for m in group)
            kind = max(counts, key=lambda k: (counts[k], preference.get(k, 0)))
            best = next(m for m in group if m.kind == kind)
        for i in indices:
            m = mentions[i]
            out[i] = replace(
                m,
                kind=best.kind,
                canonical=best.canonical,
                country_code=best.country_code,
                wikidata_id=best.wikidata_id,
            )
    return out
