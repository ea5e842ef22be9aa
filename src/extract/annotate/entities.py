"""The `extract_entities` component: entity mentions resolved to one canonical entity.

Candidates come from two places: the French NER's spans, looked up in the
name tables (countries, nationalities, places, organisations), and phrase
matches of those tables' names the NER missed. Overlaps are settled (longer
first, then the stronger evidence), ambiguous places and nationalities are
resolved with the countries the same article names, acronyms defined in the
text are linked to their long form, and each entity gets one kind, one
canonical name and one country per article.

`label` is the NER label (PER, LOC, ORG, MISC) when the NER found the span
and agrees with its kind, else the rule that decided: `country_rule`,
`nationality_rule`, `place_rule`, `org_kb`, `acronym_rule` (defined in the
text), `head_rule` ("rue du Château") or `surname_rule` ("Mauri" after
"Melchior Mauri").

Config: `resources` (folder of the TSVs, default the package's),
`countries`, `nationalities`, `places` (paths of those tables, default
resources/<table>.tsv), `organisations` (path of the knowledge base, default
resources/organisations.tsv),
`min_matched_population` (smaller cities are only looked up for NER spans,
not searched for in running text).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from extract.annotate.acronyms import link_acronyms
from extract.annotate.gazetteer import (
    CITY_FEATURES,
    GOVERNMENT_SEAT_POPULATION,
    RESOURCES,
    Entry,
    Knowledge,
    NameTable,
    fold,
    is_acronym,
    load_knowledge,
    surface_variants,
)
from extract.annotate.named_heads import TITLES, YIELDING_HEADS, head_matcher
from extract.annotate.spans import Mention, register_extensions
from extract.annotate.speed import Serialisable

KIND_OF_LABEL = {"LOC": "place", "ORG": "organisation", "PER": "person", "MISC": "other"}
# The NER label that agrees with a kind; a mention whose kind comes from a table
# and disagrees with the NER's label is labelled with the rule's name instead.
LABEL_OF_KIND = {"country": "LOC", "place": "LOC", "organisation": "ORG", "person": "PER", "other": "MISC"}
RULE_OF_KIND = {
    "country": "country_rule",
    "nationality": "nationality_rule",
    "place": "place_rule",
    "organisation": "org_kb",
}
HEAD_RULE = "head_rule"
LEADING_WORDS = {"le", "la", "les", "l'", "l’", "de", "d'", "d’", "du", "des"}
NATIONALITY_POS = {"ADJ", "NOUN", "PROPN"}
# Before a word that is both a country and a demonym ("Suisse"), these make it people.
PERSON_DETERMINERS = {"un", "une", "deux", "trois", "plusieurs", "ce", "cette", "ces"}
ARTICLE_TOKENS = {"le", "la", "les", "l'", "l’"}
# Lower-case first words of place names ("mer Baltique", "île Maurice").
GENERIC_HEADS = {"mer", "océan", "golfe", "détroit", "canal", "lac", "mont", "tour", "place", "bande", "plateau", "île"}
# Lines that are page furniture, never entities.
BOILERPLATE = {"commentaires", "commentaire", "lire aussi", "publicité", "partager", "newsletter", "abonnez-vous"}
# Capitalised words the NER takes for names: the state in general, and
# demonyms of continents and regions, which point at no country.
NOT_NAMES = {
    fold(w)
    for w in (
        "État",
        "Etat",
        "États",
        "Etats",
        "Européen",
        "Européens",
        "Européenne",
        "Européennes",
        "Africain",
        "Africains",
        "Africaine",
        "Africaines",
        "Asiatique",
        "Asiatiques",
        "Arabe",
        "Arabes",
        "Occidental",
        "Occidentaux",
        "Occidentale",
        "Occidentales",
        "Maghrébin",
        "Maghrébins",
        "Sahélien",
        "Sahéliens",
        "Latino-Américain",
        "Latino-Américains",
        "Scandinave",
        "Scandinaves",
        "Balkanique",
        "Caribéen",
        "Caribéens",
        "Orientaux",
    )
}
# A place whose country the article names is preferred over one this many times as populous.
SAME_COUNTRY_WEIGHT = 50
# French news names places in French-speaking countries more often than their
# namesakes abroad: "Orange" (Vaucluse, 30,000) before Orange, California (140,000).
FRANCOPHONE_WEIGHT = 5
FRANCOPHONE = frozenset(
    "FR BE CH LU MC CA MA DZ TN SN CI ML BF NE TD CM GA CG CD BJ TG GN MR MG HT RE GP MQ GF YT NC PF".split()
)


@dataclass(slots=True)
class Candidate:
    """A span that may be an entity, with what it may denote and how it was found."""

    start: int  # token offsets
    end: int
    kind: str
    entries: list[Entry]
    label: str  # NER label, "head_rule", or "" for a phrase match
    strength: int

    @property
    def length(self) -> int:
        return self.end - self.start


def _trim(span: Span) -> Span:
    """An NER span without what the gold corpora leave out of a name.

    Drops a leading lower-case article or preposition ("de France", but not a
    person's particle: "de Gaulle") and everything from the first line break
    on ("MN\n\nCommentaires"). A capitalised article stays: "La Haye". A
    person's title stays in the span ("M. Dupont"), not in the canonical name.
    """
    doc, start, end = span.doc, span.start, span.end
    for i in range(start, end):
        if doc[i].is_space or "\n" in doc[i].text:
            end = i
            break
    while start < end - 1 and span.label_ != "PER" and doc[start].text in LEADING_WORDS:
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in ".)":
        end -= 1
    return doc[start:end]


class EntityMentions(Serialisable):
    """Set `doc._.mentions`: NER spans and table matches, each resolved to an entity."""

    def __init__(self, nlp: Language, knowledge: Knowledge):
        self.nlp = nlp
        self.kb = knowledge
        self.tables = {t.kind: t for t in knowledge.tables()}
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for table in knowledge.tables():
            plain: set[str] = set()
            acronyms: set[str] = set()
            for name in table.patterns:
                (acronyms if is_acronym(name) else plain).update(surface_variants(name))
            if plain:
                self.lower.add(table.kind, _pattern_docs(nlp, plain))
            if acronyms:
                self.exact.add(table.kind, _pattern_docs(nlp, acronyms))
        self.heads = head_matcher(nlp.vocab)
        self.acronym_matcher = Matcher(nlp.vocab)
        self.acronym_matcher.add("DEFINED", [[{"ORTH": "("}, {"IS_UPPER": True, "LENGTH": {">=": 2}}, {"ORTH": ")"}]])

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = self.mentions(doc)
        return doc

    # -- candidates ---------------------------------------------------------

    def lookup(self, text: str, *, kinds: tuple[str, ...]) -> tuple[str, list[Entry]] | None:
        """The first table among `kinds` that knows `text`, and its entries."""
        for kind in kinds:
            entries = self.tables[kind].lookup(text)
            if entries:
                return kind, entries
        return None

    def ner_candidates(self, doc: Doc) -> list[Candidate]:
        out = []
        for ent in doc.ents:
            span = _trim(ent)
            if not len(span) or not any(ch.isalpha() for ch in span.text) or fold(span.text) in NOT_NAMES:
                continue
            if len(span) == 1 and span[0].is_stop:
                continue  # "Un", "Cette" at the start of a sentence
            kinds = ("organisation", "country", "nationality", "place")
            found = None
            if span[0].lower_ in ARTICLE_TOKENS and len(span) > 1:
                # "L'ONU", "La France a dénoncé": the article is not part of a name the tables know...
                found = self.lookup(span[1:].text, kinds=kinds)
                if found is not None:
                    span = span[1:]
            if found is None:
                found = self.lookup(span.text, kinds=kinds)  # ...but it is of "La Haye"
            if found is None and span.text[0].islower() and ent.label_ != "PER":
                continue  # "soleil", "bourse": not a name ("général de Gaulle" is one)
            if found is None:
                out.append(Candidate(span.start, span.end, KIND_OF_LABEL.get(ent.label_, "other"), [], ent.label_, 2))
                continue
            kind, entries = found
            if kind == "place" and ent.label_ in ("ORG", "PER") and not _seat_of_power(entries, ent.label_):
                out.append(Candidate(span.start, span.end, KIND_OF_LABEL[ent.label_], [], ent.label_, 2))
                continue
            out.append(Candidate(span.start, span.end, kind, entries, ent.label_, 3))
        return out

    def phrase_candidates(self, doc: Doc) -> list[Candidate]:
        out = []
        matches = [(m, s, e, False) for m, s, e in self.lower(doc)] + [(m, s, e, True) for m, s, e in self.exact(doc)]
        for match_id, start, end, exact in matches:
            kind = doc.vocab.strings[match_id]
            span = doc[start:end]
            table = self.tables[kind]
            entries = table.lookup(span.text)
            if not entries or not _plausible(table, span, exact):
                continue
            strength = 3 if kind in ("country", "organisation") else 2 if kind == "nationality" else 1
            out.append(Candidate(start, end, kind, entries, "", strength))
        return out

    def head_candidates(self, doc: Doc) -> list[Candidate]:
        """ "rue du Château", "comité des fêtes": a lower-case head noun and a capitalised name."""
        out = []
        for match_id, start, end in self.heads(doc):
            kind = doc.vocab.strings[match_id]
            while doc[end - 1].text == "-":
                end -= 1
            tail = end
            while tail > start + 1 and (doc[tail - 1].is_title or doc[tail - 1].text == "-"):
                tail -= 1
            name = doc[tail:end].text
            if kind == "organisation" and self.lookup(name, kinds=("organisation",)):
                continue  # "agence Reuters": Reuters
            if doc[start].text in YIELDING_HEADS and self.lookup(name, kinds=("place", "country")):
                continue  # "port de Kiel": Kiel
            out.append(Candidate(start, end, kind, [], HEAD_RULE, 2))
        return out

    # -- resolution ---------------------------------------------------------

    def mentions(self, doc: Doc) -> list[Mention]:
        phrases = self.phrase_candidates(doc)
        chosen = _settle(doc, self.ner_candidates(doc) + phrases + self.head_candidates(doc))
        chosen = [c for c in chosen if not _boilerplate(doc, c)]
        named = {c.entries[0].country_code for c in chosen if c.kind == "country" and c.entries}
        mentions = [self.to_mention(doc, c, named) for c in chosen]
        _home_countries(mentions, chosen, phrases, named)
        _places_in_named_countries(doc, mentions, chosen)
        defined = self.acronym_matcher(doc)
        if defined:  # doc.text is rebuilt from the tokens on each access: only when needed
            mentions = link_acronyms(doc, doc.text, defined, mentions, self.lookup_entity)
        mentions = _repeat_names(doc, mentions)
        return _one_kind_per_entity(_link_surnames(mentions))

    def lookup_entity(self, text: str) -> Entry | None:
        """The knowledge-base entry for an organisation or country name, if any."""
        found = self.lookup(text, kinds=("organisation", "country"))
        return found[1][0] if found else None

    def to_mention(self, doc: Doc, c: Candidate, named: set[str]) -> Mention:
        span = doc[c.start : c.end]
        if c.kind == "country" and c.start > 0 and doc[c.start - 1].lower_ in PERSON_DETERMINERS:
            people = self.tables["nationality"].lookup(span.text)
            if people:  # "un Suisse", "deux Belges": people, not the country
                c = Candidate(c.start, c.end, "nationality", people, c.label, c.strength)
        agrees = c.label not in KIND_OF_LABEL or LABEL_OF_KIND.get(c.kind) == c.label
        label = c.label if c.label and agrees else RULE_OF_KIND.get(c.kind, c.label)
        if not c.entries:
            return Mention(
                span.start_char, span.end_char, label, c.kind, _untitled(span) if c.kind == "person" else span.text
            )
        entry = _pick(c.entries, named)
        return Mention(
            span.start_char, span.end_char, label, c.kind, entry.canonical, entry.country_code, entry.wikidata_id
        )


def _pattern_docs(nlp: Language, names: set[str]) -> list[Doc]:
    """Names as the tokenizer would split them; plain words are split on spaces, which is faster."""
    plain = [n for n in names if n.replace(" ", "").isalpha()]
    other = sorted(names.difference(plain))
    return [Doc(nlp.vocab, words=n.split()) for n in sorted(plain)] + list(nlp.tokenizer.pipe(other))  # type: ignore[union-attr]  # spaCy types Language.tokenizer as a plain callable; the Tokenizer has pipe()


def _untitled(span: Span) -> str:
    """A person's name without the title before it: "M. Jean Dupont" -> "Jean Dupont"."""
    start = span.start
    while start < span.end - 1 and span.doc[start].text in TITLES:
        start += 1
    return span.doc[start : span.end].text


def _seat_of_power(entries: list[Entry], label: str) -> bool:
    """A place big enough for "Moscou a dénoncé" to mean its government, not an ORG or a person."""
    top = entries[0]
    if label == "ORG" and top.feature == "capital":
        return True
    threshold = GOVERNMENT_SEAT_POPULATION if label == "ORG" else 10 * GOVERNMENT_SEAT_POPULATION
    return top.feature not in CITY_FEATURES or top.population >= threshold


def _plausible(table: NameTable, span: Span, exact: bool) -> bool:
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
        if token.pos_ not in ("PROPN", "X") and not token.ent_type_:
            return False
        if token.is_sent_start and not token.ent_type_ and not token.is_upper:
            return False  # "Orange a annoncé": a capital any first word has ("PARIS, 15 août" is a dateline)
        # "Maurice Papon", "Florence Parly": a first name, not a city.
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" and nxt.ent_type_ != "LOC":
            return False
    return True


def _home_countries(
    mentions: list[Mention], chosen: list[Candidate], phrases: list[Candidate], named: set[str]
) -> None:
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
        codes = {_pick(p.entries, named).country_code for p in inner} - {""}
        if len(codes) == 1:
            mentions[i].country_code = codes.pop()


def _places_in_named_countries(doc: Doc, mentions: list[Mention], chosen: list[Candidate]) -> None:
    """A place the tables do not know lies in the one country its sentence places things in.

    "Tinzaouaten-Sud, au Mali" -> ML; a sentence naming no country, or
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
        if m.kind in ("country", "nationality", "place") and m.country_code and unambiguous:
            by_sentence.setdefault(doc[c.start].sent.start, set()).add(m.country_code)
    for i in unknown:
        codes = by_sentence.get(doc[chosen[i].start].sent.start, set())
        if len(codes) == 1:
            mentions[i].country_code = next(iter(codes))


def _settle(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
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

    def rank(c: Candidate) -> tuple[int, int, int]:
        weak = not c.entries and (c.label == "MISC" or joins_known(c))
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


def _boilerplate(doc: Doc, c: Candidate) -> bool:
    """A page-furniture line ("Commentaires") or an author's initials alone on a line ("MN")."""
    span = doc[c.start : c.end]
    name = span.text.strip()
    if name.lower() in BOILERPLATE:
        return True
    if c.entries:
        return False
    alone = (c.start == 0 or "\n" in doc[c.start - 1].text) and (c.end == len(doc) or "\n" in doc[c.end].text)
    return alone and len(name) <= 4 and name.isupper()


def _pick(entries: list[Entry], named: set[str]) -> Entry:
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


def _repeat_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Other occurrences of a name the NER found once but missed elsewhere in the article.

    Only capitalised names of four letters or more (not all-caps initials),
    and only where the occurrence is whole tokens that no other mention covers.
    """
    found = [m for m in mentions if m.label in KIND_OF_LABEL and m.kind in ("person", "organisation", "place")]
    if not found:
        return mentions
    text = doc.text
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


def _link_surnames(mentions: list[Mention]) -> list[Mention]:
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


def _one_kind_per_entity(mentions: list[Mention]) -> list[Mention]:
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


@Language.factory(
    "extract_entities",
    default_config={
        "resources": None,
        "countries": None,
        "nationalities": None,
        "places": None,
        "organisations": None,
        "min_matched_population": 15000,
    },
    requires=["doc.ents", "token.ent_type", "token.pos"],
    assigns=["doc._.mentions"],
)
def make_entity_mentions(
    nlp: Language,
    name: str,
    resources: str | None,
    countries: str | None,
    nationalities: str | None,
    places: str | None,
    organisations: str | None,
    min_matched_population: int,
) -> EntityMentions:
    """Load the name tables once per process and build the phrase matchers over them.

    Each path left None is the shipped table (`resources/<table>.tsv`, the
    folder being `resources` when given, else the package's).
    """
    register_extensions()
    knowledge = load_knowledge(
        Path(resources) if resources else RESOURCES,
        Path(organisations) if organisations else None,
        countries=Path(countries) if countries else None,
        nationalities=Path(nationalities) if nationalities else None,
        places=Path(places) if places else None,
        min_matched_population=min_matched_population,
    )
    return EntityMentions(nlp, knowledge)
