"""Places and countries on the map: GeoNames id, coordinates, feature, and the country a place lies in.

Only mentions already judged to be places or countries are looked up: the
GeoNames tables (`extract.geo`) know a village for many common words ("Sud",
"Centre", "Union"), so a lookup never decides that a span is a place.

A place is resolved with the countries the article names (countries and
nationalities) as context; the GeoNames place's country replaces the name
tables' guess (unless that guess is a country the article names), its name becomes the canonical name (so "Addis Abeba" and
"Addis-Abeba" are one place), and a "place" that GeoNames knows as a country
("Burkina-Faso") is that country. A country gets its centroid, GeoNames and
Wikidata ids from `Gazetteer.country`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from dataclasses import replace

from spacy.tokens import Doc

from extract.components.entities.gazetteer import strip_article
from extract.geo import Country, Gazetteer, Place
from extract.pipeline.spans import Mention

# Heads of place names GeoNames files under the bare name ("île de Java" is Java).
BARE_AFTER = ("île de ", "île d'", "île d’", "îles ", "île ")
# Heads of natural features named after a place ("glacier Perito Moreno"): a landmark in that place's country.
NAMED_AFTER = ("glacier ", "volcan ")


def locate(
    text: str,
    mentions: list[Mention],
    geo: Gazetteer,
    countries: Mapping[str, str],
    supranational: Callable[[str], bool],
) -> list[Mention]:
    """`mentions` with countries and places on the map.

    `text` is `doc.text`, `countries` maps a code to the country's canonical
    name, and `supranational` says whether the place tables know a name only
    as a place in no country ("Sahel", "Mars"): GeoNames' namesake village
    (Sahel in Burkina Faso, Mars in the Loire) does not replace it.
    """
    context = {m.country_code for m in mentions if m.kind in ("country", "nationality") and m.country_code}
    lookup = _Memo(geo, context)
    # Countries the article's capitals and regions lie in: "Londres" makes "Westminster" British.
    seats: dict[str, str] = {}
    for m in mentions:
        if m.kind == "place":
            surface = strip_article(text[m.start : m.end])
            first = lookup(surface)
            if first is not None and first.feature in ("capital", "region", "subregion"):
                seats[surface] = first.country_code
    found: dict[tuple[str, str], Place | None] = {}
    out = []
    for m in mentions:
        if m.kind == "place":
            surface = strip_article(text[m.start : m.end])
            if (surface, m.country_code) not in found:
                around = context | {code for name, code in seats.items() if name != surface}
                found[surface, m.country_code] = _lookup(lookup, surface, m.canonical, m.country_code, around)
            place = found[surface, m.country_code]
            if place is not None and place.country_code and supranational(m.canonical):
                place = None
            if place is not None and place.feature == "country" and place.country_code in countries:
                label = m.label if m.label == "LOC" else "country_rule"
                m = replace(m, kind="country", label=label, canonical=countries[place.country_code])
                m.country_code = place.country_code
            elif place is not None:
                m = replace(
                    m,
                    canonical=place.name if place.geonames_id else m.canonical,
                    country_code=place.country_code,
                    geonames_id=str(place.geonames_id or ""),
                    latitude=place.latitude,
                    longitude=place.longitude,
                    feature=place.feature,
                )
        if m.kind == "country" and m.country_code:
            country = lookup.country(m.country_code)
            if country is not None:
                m = replace(
                    m,
                    wikidata_id=m.wikidata_id or country.wikidata_id,
                    geonames_id=str(country.geonames_id or ""),
                    latitude=country.latitude,
                    longitude=country.longitude,
                    feature="country",
                )
        out.append(m)
    return out


class _Memo:
    """The gazetteer's answers for one article: each name and each country looked up once."""

    def __init__(self, geo: Gazetteer, context: set[str]) -> None:
        self.geo, self.context = geo, context
        self.places: dict[tuple[str, str], Place | None] = {}
        self.countries: dict[str, Country | None] = {}

    def __call__(self, name: str, hint: str = "") -> Place | None:
        if (name, hint) not in self.places:
            if hint:
                self.places[name, hint] = self.geo.lookup(name, country_hint=hint)
            else:
                self.places[name, hint] = self.geo.lookup(name, context_countries=self.context)
        return self.places[name, hint]

    def country(self, code: str) -> Country | None:
        if code not in self.countries:
            self.countries[code] = self.geo.country(code)
        return self.countries[code]


def _lookup(lookup: _Memo, surface: str, canonical: str, guess: str, around: set[str]) -> Place | None:
    """The place a mention names: its text, else its canonical name, else the name after "île de";
    a "glacier X" named after a place X is a landmark in X's country.

    `guess` is the country the name tables and the sentence gave: when the
    article names it, a place of that name there wins ("London" in a story
    about Canada), although GeoNames' rank would keep the capital, unless the
    article's other capitals and regions (`around`) are in GeoNames' country.
    """
    names = [surface, canonical]
    lowered = surface.lower()
    names += [surface[len(head) :] for head in BARE_AFTER if lowered.startswith(head)]
    for name in names:
        place = lookup(name)
        if place is not None and guess in lookup.context and place.country_code not in around:
            there = lookup(name, guess)
            if there is not None and there.country_code == guess:
                return there
        if place is not None:
            return place
    for head in NAMED_AFTER:
        inner = lookup(surface[len(head) :]) if lowered.startswith(head) else None
        if inner is not None and inner.country_code and inner.feature not in ("country", "continent"):
            return replace(
                inner, geonames_id=0, name=surface, feature="landmark", population=0, part_of=inner.geonames_id
            )
    return None


# Nouns of a part of a city: the name after them lies where the place named just before lies
# ("Bagdad ... le quartier de X").
DISTRICT_BEFORE = {"district", "quartier", "quartiers", "faubourg", "arrondissement", "secteur"}
OF = {"de", "du", "des", "d'", "d’"}


def places_in_located_sentences(
    doc: Doc, mentions: list[Mention], supranational: Callable[[str], bool]
) -> list[Mention]:
    """A place not on the map lies in the one country its sentence's located names are in.

    Located names are countries and places GeoNames placed (with their context:
    "l'aéroport de Genève" is in CH); a nationality adjective names another
    country ("soldats maliens ... près du Niger": none) but places nothing alone
    ("la station chinoise ... sur Terre"), a nationality noun is a person ("le
    Français"). A city district ("le quartier de X") with no
    country in its sentence lies where the last city named before it, in this
    sentence or the one before, lies. A place in no country ("Sahel") stays so.
    """
    unknown = [
        i
        for i, m in enumerate(mentions)
        if m.kind == "place" and not m.country_code and not m.feature and not supranational(m.canonical)
    ]
    if not unknown or not doc.has_annotation("SENT_START"):
        return mentions
    starts = [t.idx for t in doc]

    def token(m: Mention) -> int:
        return max(bisect.bisect_right(starts, m.start) - 1, 0)

    sentences = [0] * len(doc)
    for sent in doc.sents:
        sentences[sent.start : sent.end] = [sent.start] * len(sent)
    located = []  # (token, sentence start, code, is a city)
    qualified: dict[int, set[str]] = {}  # sentence start -> countries of its nationality adjectives
    for m in mentions:
        if not m.country_code:
            continue
        at = token(m)
        if m.kind == "country" or (m.kind == "place" and m.feature):
            located.append((at, sentences[at], m.country_code, m.feature in ("city", "capital")))
        elif m.kind == "nationality" and doc[at].is_lower:
            qualified.setdefault(sentences[at], set()).add(m.country_code)
    out = list(mentions)
    for i in unknown:
        at = token(mentions[i])
        codes = {code for _, sent, code, _ in located if sent == sentences[at]}
        if codes:
            codes |= qualified.get(sentences[at], set())
        if len(codes) != 1 and _district(doc, at):
            before = sentences[sentences[at] - 1] if sentences[at] > 0 else sentences[at]
            cities = [(t, code) for t, sent, code, city in located if city and t < at and sent >= before]
            codes = {cities[-1][1]} if cities else set()
        if len(codes) == 1:
            out[i] = replace(mentions[i], country_code=next(iter(codes)))
    return out


def _district(doc: Doc, at: int) -> bool:
    """Whether the name at token `at` is a district's: "le quartier de X", "quartier de X" as one name."""
    if at >= 2 and doc[at - 1].lower_ in OF and doc[at - 2].lower_ in DISTRICT_BEFORE:
        return True
    return at + 1 < len(doc) and doc[at].lower_ in DISTRICT_BEFORE and doc[at + 1].lower_ in OF
