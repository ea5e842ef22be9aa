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

from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from extract.cache import cached, file_digest, package_versions
from extract.components.entities.acronyms import link_acronyms
from extract.components.entities.candidates import (
    ARTICLE_TOKENS,
    HEAD_RULE,
    KIND_OF_LABEL,
    LABEL_OF_KIND,
    NOT_NAMES,
    PERSON_DETERMINERS,
    RULE_OF_KIND,
    Candidate,
    trim,
)
from extract.components.entities.context import link_in_context, short_forms
from extract.components.entities.debris import (
    after_definite_article,
    after_person_noun,
    after_person_title,
    after_place_noun,
    after_press_head,
    after_role_in_organisation,
    common_phrase,
    common_phrase_of,
    common_words,
    completed_end,
    exit_coinage,
    idiom,
    is_common_word,
    led_by_institution,
    led_by_person_title,
    names_a_building,
    regnal_end,
)
from extract.components.entities.gazetteer import (
    Entry,
    Knowledge,
    fold,
    is_acronym,
    load_knowledge,
)
from extract.components.entities.locate import locate, places_in_located_sentences
from extract.components.entities.named_heads import (
    LINKS,
    ORGANISATION_HEADS,
    PLACE_HEADS,
    TITLES,
    YIELDING_HEADS,
    head_matcher,
)
from extract.components.entities.names import NameIndex, build_index
from extract.components.entities.resolve import (
    after_number,
    boilerplate,
    home_countries,
    link_surnames,
    one_kind_per_entity,
    pick,
    places_in_named_countries,
    plausible,
    repeat_names,
    seat_of_power,
    settle,
    untitled,
)
from extract.components.resources import RESOURCES
from extract.geo import load as load_geo
from extract.pipeline.spans import Mention, register_extensions
from extract.pipeline.speed import Serialisable

# Lower-case head nouns an NER span may start with and still be a name ("ministère des Armées").
NAME_HEADS = frozenset(ORGANISATION_HEADS) | frozenset(PLACE_HEADS)


class EntityMentions(Serialisable):
    """Set `doc._.mentions`: NER spans and table matches, each resolved to an entity."""

    def __init__(self, nlp: Language, knowledge: Knowledge, names: NameIndex):
        self.nlp = nlp
        self.kb = knowledge
        self.tables = {t.kind: t for t in knowledge.tables()}
        self.names = names
        self.geo = load_geo()
        self.country_names = {e.country_code: e.canonical for es in knowledge.countries.by_key.values() for e in es}
        self.heads = head_matcher(nlp.vocab)
        self.common = common_words(nlp)
        self.acronym_matcher = Matcher(nlp.vocab)
        self.acronym_matcher.add(
            "DEFINED",
            [
                [{"ORTH": "("}, {"IS_UPPER": True, "LENGTH": {">=": 2}}, {"ORTH": ")"}],
                [{"ORTH": "("}, {"IS_TITLE": True, "LENGTH": {">=": 3, "<=": 6}}, {"ORTH": ")"}],  # "(Céna)"
            ],
        )

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
            span = trim(ent)
            if not len(span) or not any(ch.isalpha() for ch in span.text) or fold(span.text) in NOT_NAMES:
                continue
            if len(span) == 1 and span[0].is_stop:
                continue  # "Un", "Cette" at the start of a sentence
            if idiom(span):
                continue  # "crimes contre l'Humanité"
            kinds = ("organisation", "country", "nationality", "place")
            found = None
            if span[0].lower_ in ARTICLE_TOKENS and len(span) > 1:
                # "L'ONU", "La France a dénoncé": the article is not part of a name the tables know...
                found = self.lookup(span[1:].text, kinds=kinds)
                if found is not None:
                    span = span[1:]
            if found is None:
                found = self.lookup(span.text, kinds=kinds)  # ...but it is of "La Haye"
            if found is None:
                candidate = self.unknown_name(doc, span, ent.label_)
                if candidate is not None:
                    out.append(candidate)
                continue
            kind, entries = found
            if kind == "place" and after_number(span):
                continue  # "le 8 Mars"
            if kind == "place" and span.start > 0 and doc[span.start - 1].text in TITLES:
                out.append(Candidate(span.start, span.end, "person", [], ent.label_, 2))
                continue  # "M. Carmona": a person named like a town
            if kind == "place" and ent.label_ in ("ORG", "PER") and not seat_of_power(entries, ent.label_):
                out.append(Candidate(span.start, span.end, KIND_OF_LABEL[ent.label_], [], ent.label_, 2))
                continue
            out.append(Candidate(span.start, span.end, kind, entries, ent.label_, 3))
        return out

    def unknown_name(self, doc: Doc, span: Span, label: str) -> Candidate | None:
        """An NER span no table knows: dropped when it is no name, else its kind, completed when cut short."""
        if span.text[0].islower() and label != "PER" and span[0].lower_ not in NAME_HEADS:
            return None  # "soleil", "bourse": not a name ("général de Gaulle", "ministère des Armées" are)
        if label != "PER" and fold(span[0].text) in NOT_NAMES:
            return None  # "États de la coalition"
        if (
            label != "PER"
            and is_common_word(span, self.common)
            and not (label == "LOC" and self.on_map(span.text))
            and not (label == "ORG" and after_definite_article(span))
        ):
            return None  # "Astronomie", "TOURISME"; not "dans le Var", nor "la Commission" (an institution)
        if label in ("LOC", "MISC") and led_by_person_title(span) or label != "PER" and after_person_title(span):
            return None  # "Secrétaire d'Etat britannique", "procureur de la République de Paris"
        if label != "PER" and exit_coinage(span):
            return None  # "le Brexit": an event
        kind = KIND_OF_LABEL.get(label, "other")
        institution = led_by_institution(span) or span[0].lower_ in ORGANISATION_HEADS or after_press_head(span)
        if label != "PER" and institution:
            kind = "organisation"  # "Mission d'assistance ...", "Parquet général du Liban"
        elif label != "PER" and common_phrase(span, self.common, self.tables["nationality"]):
            return None  # "Grève générale", "Développement international"
        elif label != "PER" and self.known_after_common_phrase(span):
            return None  # "Patrimoine mondial de l'UNESCO": the phrase match UNESCO is the name
        elif label != "PER" and span[0].lower_ in PLACE_HEADS and span[0].is_lower:
            kind = "place"  # "musée du Bardo", "aéroport de Genève" as the NER wrote them
        elif label == "ORG" and (after_place_noun(span) or names_a_building(span)):
            kind = "place"  # "la ville de Kondoz", "Palais de Buckingham"
        elif label in ("LOC", "ORG") and (after_person_noun(span) or after_role_in_organisation(span)):
            kind = "person"  # "le candidat Ouattara", "le patron de Renault Jean Durand"
        elif label == "LOC" and is_acronym(span.text):
            kind = "organisation"  # "reçu à APA": a place the tables do not know is not written in initials
        end = completed_end(doc, span.start, span.end, adjectives=kind == "organisation")
        if kind == "person":
            end = regnal_end(doc, end)  # "Frédéric III"
        if end - span.start == 1 and span[0].is_lower:
            return None  # "aéroport" of "l'aéroport de" with no name after it
        strong = kind == "organisation" and label != "ORG"  # retyped: not the weak MISC reading
        return Candidate(span.start, end, kind, [], HEAD_RULE if strong else label, 2)

    def known_after_common_phrase(self, span: Span) -> bool:
        name = common_phrase_of(span, self.common, self.tables["nationality"])
        return name is not None and self.lookup(name.text, kinds=("organisation", "country")) is not None

    def on_map(self, name: str) -> bool:
        """Whether GeoNames knows `name` as a division, a natural feature or a town of 15,000 or more."""
        place = self.geo.lookup(name, home=None)
        return place is not None and (place.feature not in ("city", "capital") or place.population >= 15_000)

    def phrase_candidates(self, doc: Doc) -> list[Candidate]:
        out = []
        for kind, start, end, exact in self.names(doc):
            span = doc[start:end]
            table = self.tables[kind]
            entries = table.lookup(span.text)
            if not entries or not plausible(table, span, exact) or (kind == "organisation" and idiom(span)):
                continue
            strength = 3 if kind in ("country", "organisation") else 2 if kind == "nationality" else 1
            out.append(Candidate(start, end, kind, entries, "", strength))
        return out

    def head_candidates(self, doc: Doc) -> list[Candidate]:
        """ "rue du Château", "comité des fêtes", "agence de presse Tass": a head noun and a capitalised name."""
        out = []
        tagged = doc.has_annotation("POS")
        for match_id, start, end in self.heads(doc):
            kind = doc.vocab.strings[match_id]
            second = doc[start + 1]
            if second.is_lower and second.lower_ not in LINKS and not (tagged and second.pos_ == "ADJ"):
                continue  # "la commission envoie Jean": a qualifier must be an adjective
            while doc[end - 1].text == "-":
                end -= 1
            tail = end
            while tail > start + 1 and (doc[tail - 1].is_title or doc[tail - 1].text == "-"):
                tail -= 1
            name = doc[tail:end].text
            if kind in ("organisation", "press") and self.lookup(name, kinds=("organisation",)):
                continue  # "agence Reuters": Reuters
            if kind == "press":
                out.append(Candidate(tail, end, "organisation", [], HEAD_RULE, 2))
                continue  # "l'agence de presse Tass": Tass
            if doc[start].text in YIELDING_HEADS and self.lookup(name, kinds=("place", "country")):
                continue  # "port de Kiel": Kiel
            if kind == "organisation":
                end = completed_end(doc, start, end)  # "ministère des Affaires étrangères"
            out.append(Candidate(start, end, kind, [], HEAD_RULE, 2))
        return out

    # -- resolution ---------------------------------------------------------

    def mentions(self, doc: Doc) -> list[Mention]:
        text = doc.text  # rebuilt from the tokens on each access: once per doc
        phrases = self.phrase_candidates(doc)
        chosen = settle(doc, self.ner_candidates(doc) + phrases + self.head_candidates(doc))
        chosen = [c for c in chosen if not boilerplate(doc, c)]
        named = {c.entries[0].country_code for c in chosen if c.kind == "country" and c.entries}
        mentions = [self.to_mention(doc, c, named) for c in chosen]
        mentions = link_in_context(doc, text, mentions, chosen, phrases, self.common, self.country_names)
        home_countries(mentions, chosen, phrases, named)
        places_in_named_countries(doc, mentions, chosen)
        defined = self.acronym_matcher(doc)
        if defined:
            mentions = link_acronyms(doc, text, defined, mentions, self.lookup_entity)
        mentions = short_forms(mentions, self.tables["nationality"])
        mentions = one_kind_per_entity(link_surnames(repeat_names(doc, mentions, text)))
        mentions = locate(text, mentions, self.geo, self.country_names, self.supranational)
        return places_in_located_sentences(doc, mentions, self.supranational)

    def supranational(self, name: str) -> bool:
        """Whether the place tables know `name` only as a place in no country ("Sahel", "Mars")."""
        entries = self.tables["place"].lookup(name)
        return bool(entries) and not any(e.country_code for e in entries)

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
                span.start_char, span.end_char, label, c.kind, untitled(span) if c.kind == "person" else span.text
            )
        entry = pick(c.entries, named)
        return Mention(
            span.start_char, span.end_char, label, c.kind, entry.canonical, entry.country_code, entry.wikidata_id
        )


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
    """Load the name tables and the token tuples of their names, from the cache when it has them.

    Each path left None is the shipped table (`resources/<table>.tsv`, the
    folder being `resources` when given, else the package's).
    """
    register_extensions()
    paths = (
        Path(countries) if countries else (Path(resources) if resources else RESOURCES) / "countries.tsv",
        Path(nationalities) if nationalities else (Path(resources) if resources else RESOURCES) / "nationalities.tsv",
        Path(places) if places else (Path(resources) if resources else RESOURCES) / "places.tsv",
        Path(organisations) if organisations else (Path(resources) if resources else RESOURCES) / "organisations.tsv",
    )

    def build() -> tuple[Knowledge, NameIndex]:
        knowledge = load_knowledge(
            RESOURCES,
            paths[3],
            countries=paths[0],
            nationalities=paths[1],
            places=paths[2],
            min_matched_population=min_matched_population,
        )
        return knowledge, build_index(nlp, knowledge)

    # The tables and the token tuples of their names depend on the files, the threshold,
    # our code and the tokenizer: all in the key, so an edit to any is a new build.
    key = [*(file_digest(p) for p in paths), str(min_matched_population)]
    key += package_versions("extract-news-fr", "spacy")
    key += [f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}=={nlp.meta.get('version')}"]
    knowledge, names = cached("entities", key, build)
    return EntityMentions(nlp, knowledge, names)
