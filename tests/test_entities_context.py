"""Entities on real news: context-aware links, whole names, one entity per thing, places on the map.

Each rule is a row beside a look-alike that must not trigger it. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from extract.components.entities.gazetteer import load_knowledge


@pytest.fixture(scope="module")
def mentions(nlp):
    def run(text: str) -> dict[str, object]:
        doc = nlp(text)
        return {text[m.start : m.end]: m for m in doc._.mentions}

    return run


@pytest.mark.parametrize(
    ("text", "surface", "canonical", "code", "linked"),
    [
        # a nationality after the name contradicts the knowledge base's entry: generic, stated country, no link
        ("Le PDS allemand a perdu dix sièges au Bundestag.", "PDS", "PDS (Allemagne)", "DE", False),
        ("Le PDS a remporté les législatives au Sénégal.", "PDS", "Parti démocratique sénégalais", "SN", None),
        (
            "Le Conseil constitutionnel sénégalais a validé vingt candidatures.",
            "Conseil constitutionnel",
            "Conseil constitutionnel (Sénégal)",
            "SN",
            False,
        ),
        ("Le Conseil constitutionnel a censuré la loi votée en France.", "Conseil constitutionnel", None, "FR", None),
        # the article's one country, never naming the entry's, decides a common-noun name
        (
            "Au Sénégal, le Conseil constitutionnel a publié la liste. Le Sénégal vote dimanche et Dakar attend.",
            "Conseil constitutionnel",
            "Conseil constitutionnel (Sénégal)",
            "SN",
            False,
        ),
        # where a common-noun name is in power states its country; not a proper name's
        (
            "Le Parti travailliste au pouvoir en Israël a perdu sa majorité.",
            "Parti travailliste",
            "Parti travailliste (Israël)",
            "IL",
            False,
        ),
        ("Des agents de la CIA en Irak ont été rappelés.", "CIA", "Central Intelligence Agency", "US", True),
        # a proper name is not a common-noun name: the article's country does not relink it
        (
            "L'Iran a tiré deux missiles, selon l'agence Reuters. L'Iran dément toute provocation.",
            "agence Reuters",
            "Reuters",
            "GB",
            True,
        ),
    ],
)
def test_context_decides_the_link(mentions, text, surface, canonical, code, linked):
    m = mentions(text)[surface]
    assert m.kind == "organisation" and m.country_code == code
    if canonical is not None:
        assert m.canonical == canonical
    if linked is False:
        assert m.wikidata_id == ""
    if linked is True:
        assert m.wikidata_id


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        # names cut short are completed
        (
            "Le ministre s'est rendu au ministère des Affaires étrangères jeudi.",
            "ministère des Affaires étrangères",
            "organisation",
        ),
        ("La délégation a rejoint le ministère des Armées jeudi.", "ministère des Armées", "organisation"),
        # the name after "la ville de" is a place; a title word leads an organisation, not a place
        ("Un attentat a frappé la ville de Kondoz samedi.", "Kondoz", "place"),
        (
            "La Mission d'assistance des Nations unies au Soudan compte les victimes.",
            "Mission d'assistance des Nations unies",
            "organisation",
        ),
        # a département the model calls LOC stays a place although "var" is a word
        ("Les pluies ont inondé le Var dimanche soir.", "Var", "place"),
        # a lower-case adjective after the head noun is part of the name
        (
            "L'ambassadeur a été convoqué au ministère russe des Affaires étrangères.",
            "ministère russe des Affaires étrangères",
            "organisation",
        ),
        ("La sûreté générale du Liban a confirmé la notice.", "sûreté générale du Liban", "organisation"),
        # a museum is a place on the map, like a church
        ("Des touristes visitaient le musée du Louvre samedi.", "musée du Louvre", "place"),
    ],
)
def test_whole_names_and_their_kind(mentions, text, surface, kind):
    assert mentions(text)[surface].kind == kind


@pytest.mark.parametrize(
    ("text", "start", "end", "completed"),
    [
        # a name the NER ended on "de" takes the name after it, across a line break
        (
            "le Centre international des conférences de Skhirat lundi",
            1,
            6,
            "Centre international des conférences de Skhirat",
        ),
        ("arrêté à l'aéroport de\nBâle-Mulhouse hier", 3, 5, "aéroport de\nBâle-Mulhouse"),
        # with no name after it, the "de" goes
        ("le Centre international des conférences de presse", 1, 6, "Centre international des conférences"),
    ],
)
def test_a_name_cut_on_a_preposition_is_completed(nlp, text, start, end, completed):
    from extract.components.entities.debris import completed_end

    doc = nlp.make_doc(text)
    assert doc[start : completed_end(doc, start, end, adjectives=False)].text == completed


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Astronomie : une comète visible à l'œil nu cette semaine.", "Astronomie"),
        ("TOURISME\n\nLes hôtels de Marrakech affichent complet.", "TOURISME"),
        ("Le groupe est accusé de crimes contre l'Humanité par les enquêteurs.", "Humanité"),
        ("Le groupe est accusé de crimes contre l'Humanité par les enquêteurs.", "l'Humanité"),
        ("La Mission d'assistance des Nations unies au Soudan compte les victimes.", "Mission"),
        ("Le Secrétaire d'Etat britannique au Commerce est arrivé à Rabat.", "Secrétaire d'Etat britannique"),
        ("Les syndicats appellent à une Grève générale illimitée.", "Grève générale"),
        ("Les procureurs ont donné au Développement international la priorité.", "Développement international"),
    ],
)
def test_debris_is_no_entity(mentions, text, surface):
    assert surface not in mentions(text)


def test_a_newspaper_named_like_an_idiom_is_still_found(mentions):
    m = mentions("Selon L'Humanité, le vote aura lieu mardi.").get("L'Humanité")
    assert m is not None and m.kind == "organisation"


def test_acronym_defined_in_text_with_accented_long_form(mentions):
    found = mentions(
        "Les procès-verbaux arrivent à la Commission électorale indépendante (CEI) à Abidjan. La CEI publie."
    )
    assert found["CEI"].canonical == found["Commission électorale indépendante"].canonical


@pytest.mark.parametrize(
    ("table", "name", "canonical"),
    [
        ("organisations", "Onu", "Organisation des Nations unies"),  # an acronym written as a word
        ("places", "MOSCOU", "Moscou"),  # a dateline in capitals
        ("organisations", "ONU", "Organisation des Nations unies"),
    ],
)
def test_case_variants_find_the_same_entry(table, name, canonical):
    entries = getattr(load_knowledge(), table).lookup(name)
    assert entries and entries[0].canonical == canonical


def test_an_all_caps_word_is_not_a_name_of_another_case():
    assert load_knowledge().places.lookup("UN") == []


@pytest.mark.parametrize(
    ("text", "surface", "code", "feature", "geonames_id"),
    [
        ("Le sommet s'ouvre à Addis-Abeba lundi.", "Addis-Abeba", "ET", "capital", "344979"),
        ("Le sommet s'ouvre à Addis Abeba lundi.", "Addis Abeba", "ET", "capital", "344979"),
        ("Des orages ont frappé l'Arizona mardi.", "Arizona", "US", "region", "5551752"),
        ("Il a été arrêté à l'aéroport de Genève le 14 mai.", "aéroport de Genève", "CH", "landmark", ""),
        ("L'attaque a eu lieu à Strasbourg.", "Strasbourg", "FR", "city", "2973783"),
    ],
)
def test_places_on_the_map(mentions, text, surface, code, feature, geonames_id):
    m = mentions(text)[surface]
    assert (m.kind, m.country_code, m.feature, m.geonames_id) == ("place", code, feature, geonames_id)
    assert isinstance(m.latitude, float) and isinstance(m.longitude, float)


def test_spelling_variants_are_one_place(mentions):
    found = mentions("Le sommet d'Addis-Abeba a duré deux jours. À Addis Abeba, la sécurité était renforcée.")
    assert found["Addis-Abeba"].canonical == found["Addis Abeba"].canonical


def test_countries_on_the_map_and_nationalities_not(mentions):
    found = mentions("Le Maroc et les autorités espagnoles coopèrent.")
    maroc, spanish = found["Maroc"], found["espagnoles"]
    assert (maroc.wikidata_id, maroc.feature, maroc.geonames_id) == ("Q1028", "country", "2542007")
    assert maroc.latitude is not None
    assert (spanish.geonames_id, spanish.latitude, spanish.feature) == ("", None, "")


def test_a_supranational_place_keeps_no_country(mentions):
    m = mentions("Les violences au Sahel inquiètent l'Union africaine.")["Sahel"]
    assert m.kind == "place" and m.country_code == ""


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        # after the word for a person, a name is a person, whatever the NER said
        ("Selon les premiers résultats, le candidat Koffi sort en tête.", "Koffi", "person"),
    ],
)
def test_kind_from_the_word_before(mentions, text, surface, kind):
    found = mentions(text)
    if surface in found:  # the NER may miss it altogether: then there is nothing to retype
        assert found[surface].kind == kind


def test_initials_the_tables_do_not_know_are_not_a_place(mentions):
    found = mentions("La commission a précisé dans un communiqué reçu lundi à ZPA.")
    assert "ZPA" not in found or found["ZPA"].kind != "place"


def test_a_mixed_case_acronym_defined_in_text(mentions):
    found = mentions(
        "La Commission électorale nationale autonome (Céna) a publié un communiqué. La Céna rappelle la loi."
    )
    assert found["Céna"].canonical == found["Commission électorale nationale autonome"].canonical
    assert found["Céna"].kind == "organisation"


@pytest.mark.parametrize(
    ("text", "surface", "found"),
    [
        ("Le robot a photographié la surface de Saturne en mars.", "Saturne", True),
        ("La réunion est prévue le 8 Mars à Dakar.", "Mars", False),  # a month, not the planet
    ],
)
def test_planets_are_places_in_no_country(mentions, text, surface, found):
    m = mentions(text).get(surface)
    if found:
        assert m is not None and m.kind == "place" and m.country_code == ""
    else:
        assert m is None or m.kind != "place"


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        # a place not on the map lies in the one country its sentence's located names are in
        (
            "Interpellé à l'aéroport de Bruxelles, le Français a été écroué à Vorselaar-Haut mardi.",
            "Vorselaar-Haut",
            "BE",
        ),
        # a nationality noun is a person: it places nothing
        ("Le Français a été écroué à Vorselaar-Haut mardi.", "Vorselaar-Haut", ""),
        # a city district lies where the city named before it lies, even a sentence earlier
        (
            "Des tirs ont visé Kaboul lundi. Les victimes habitaient le quartier de Tarmeli.",
            "quartier de Tarmeli",
            "AF",
        ),
        ("Des tirs ont visé Kaboul lundi. Les victimes habitaient près de Tarmeli.", "Tarmeli", ""),
    ],
)
def test_a_place_not_on_the_map_takes_its_sentence_country(mentions, text, surface, code):
    m = mentions(text)[surface]
    assert m.kind == "place" and m.country_code == code


@pytest.mark.parametrize(
    ("text", "gone", "found", "canonical"),
    [
        # a common-noun phrase of a known organisation: the organisation alone
        (
            "Le site est inscrit au Patrimoine mondial de l'UNESCO depuis 1990.",
            "Patrimoine mondial de l'UNESCO",
            "UNESCO",
            "Organisation des Nations unies pour l'éducation, la science et la culture",
        ),
        # an institution's own name that goes on with "de l'ONU" stays whole
        (
            "Le Conseil de sécurité de l'ONU se réunit lundi.",
            "ONU",
            "Conseil de sécurité de l'ONU",
            "Conseil de sécurité des Nations unies",
        ),
    ],
)
def test_a_common_phrase_of_a_known_name_is_that_name(mentions, text, gone, found, canonical):
    found_here = mentions(text)
    assert gone not in found_here and found_here[found].canonical == canonical


@pytest.mark.parametrize(
    ("text", "canonical", "code"),
    [
        # a short form is the organisation the article names with its nationality...
        (
            "Le consul a été reçu au ministère italien des Affaires étrangères. "
            "Le ministère des Affaires étrangères a publié un communiqué.",
            "ministère italien des Affaires étrangères",
            "IT",
        ),
        # ...but not when the article names two of them
        (
            "Le consul a été reçu au ministère italien des Affaires étrangères puis au ministère grec des "
            "Affaires étrangères. Le ministère des Affaires étrangères a publié un communiqué.",
            "ministère des Affaires étrangères",
            "",
        ),
    ],
)
def test_a_short_form_is_the_organisation_named_with_its_nationality(mentions, text, canonical, code):
    m = mentions(text)["ministère des Affaires étrangères"]
    assert m.canonical.lower() == canonical.lower() and m.country_code == code


@pytest.mark.parametrize(
    ("text", "coinage"),
    [("Les banques craignent un Brexit sans accord.", True), ("Le Grexit reste possible.", True), ("Exit", False)],
)
def test_a_country_leaving_is_no_name(nlp, text, coinage):
    from extract.components.entities.debris import exit_coinage

    doc = nlp.make_doc(text)
    word = next(t for t in doc if t.text.lower().endswith("exit"))
    assert exit_coinage(doc[word.i : word.i + 1]) is coinage
    if coinage:
        assert word.text not in {text[m.start : m.end] for m in nlp(text)._.mentions}


@pytest.mark.parametrize(
    ("text", "organisation", "name", "person"),
    [
        # the name after a role and its organisation is a person's
        ("L'ex-patron de Volvo Trucks Ingmar Falkstedt a démissionné.", (3, 5), (5, 7), True),
        ("Le fondateur de Volvo Trucks Ingmar Falkstedt a démissionné.", (3, 5), (5, 7), True),
        # not after a word that is no role
        ("Le siège de Volvo Trucks Ingmar Falkstedt a fermé.", (3, 5), (5, 7), False),
    ],
)
def test_the_name_after_a_role_in_an_organisation_is_a_person(nlp, text, organisation, name, person):
    from spacy.tokens import Span

    from extract.components.entities.debris import after_role_in_organisation

    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, *organisation, label="ORG"), Span(doc, *name, label="ORG")]
    assert after_role_in_organisation(doc[name[0] : name[1]]) is person


@pytest.mark.parametrize(
    ("text", "start", "end", "ends"),
    [
        # a person's name goes on over its regnal number...
        ("le roi Frédéric III arrive", 2, 3, "Frédéric III"),
        ("le pape Léon XIII écrit", 2, 3, "Léon XIII"),
        ("le roi François Ier arrive", 2, 3, "François Ier"),
        # ...not over a capital letter alone or a word
        ("le témoin Louis I a parlé", 2, 3, "Louis"),
        ("le témoin Louis Vinet a parlé", 2, 3, "Louis"),
    ],
)
def test_a_person_name_takes_its_regnal_number(nlp, text, start, end, ends):
    from extract.components.entities.debris import regnal_end

    doc = nlp.make_doc(text)
    assert doc[start : regnal_end(doc, end)].text == ends


@pytest.mark.parametrize(
    ("text", "start", "end", "building"),
    [
        ("la reine reçoit au Palais de Buckingham demain", 4, 7, True),
        ("les délégués logent au Marina Palace Resort demain", 4, 7, True),
        ("le Château de Versailles rouvre", 1, 4, True),
        # an institution, or a name that only starts with a building's word
        ("le Palais Royal Club ouvre", 1, 4, False),
        ("le Tour de France passe", 1, 4, False),
        ("la Banque de France prête", 1, 4, False),
    ],
)
def test_a_building_name_is_a_place(nlp, text, start, end, building):
    from extract.components.entities.debris import names_a_building

    doc = nlp.make_doc(text)
    assert names_a_building(doc[start:end]) is building


@pytest.mark.parametrize(
    ("text", "start", "person"),
    [
        ("Selon M. Carmona, le budget est tenu.", 2, True),
        ("Selon Mme Brissac, le budget est tenu.", 2, True),
        ("le candidat Ouattara parle", 2, True),
        # a place after a preposition, or after a capitalised word that is no title
        ("Il vit à Carmona depuis mai.", 3, False),
        ("La Mairie Carmona ferme.", 2, False),
    ],
)
def test_a_name_after_a_title_is_a_person(nlp, text, start, person):
    from extract.components.entities.debris import after_person_noun

    doc = nlp.make_doc(text)
    assert after_person_noun(doc[start : start + 1]) is person


@pytest.mark.parametrize(
    ("text", "surface", "kind", "code"),
    [
        # the name after "agence/organe de presse" is the press outlet
        ("Le communiqué a été diffusé par l'organe de presse Zawra, proche du groupe.", "Zawra", "organisation", ""),
        # a glacier named after a place is a landmark in that place's country; one after no known place has none
        ("Le glacier Saint-Gervais recule chaque été.", "glacier Saint-Gervais", "place", "FR"),
        ("Le glacier Vatnajökull Sud recule chaque été.", "glacier Vatnajökull Sud", "place", ""),
    ],
)
def test_heads_of_press_outlets_and_natural_features(mentions, text, surface, kind, code):
    m = mentions(text)[surface]
    assert m.kind == kind and m.country_code == code


def test_a_press_head_needs_its_press(mentions):
    m = mentions("Le communiqué a été diffusé par l'organe de Zawra, proche du groupe.").get("Zawra")
    assert m is None or m.kind != "organisation"


@pytest.mark.parametrize(
    ("text", "start", "institution"),
    [
        ("La Commission a proposé une directive.", 1, True),
        ("Le Conseil a rejeté le texte.", 1, True),
        # a heading or a word after no article is no institution
        ("Astronomie : une comète visible cette semaine.", 0, False),
        ("Une Commission mixte se réunira.", 1, False),
    ],
)
def test_a_capitalised_word_after_the_definite_article_is_an_institution(nlp, text, start, institution):
    from extract.components.entities.debris import after_definite_article

    doc = nlp.make_doc(text)
    assert after_definite_article(doc[start : start + 1]) is institution


def test_the_commission_is_an_organisation(mentions):
    assert mentions("La Commission a proposé une directive sur les déchets.")["Commission"].kind == "organisation"
