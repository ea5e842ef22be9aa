"""The events rules of modality, argument sources, agents/targets and coreference, one sentence at a time.

Each row is a sentence written for these tests beside a look-alike that must not take the
rule; `ANY` leaves a field unchecked. Published date for all: Wednesday 12 June 2019.
"""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2019, 6, 12)
ANY = object()


@pytest.fixture(scope="module")
def events_of(nlp):
    def annotate(text: str):
        doc = nlp.make_doc(text)
        doc._.published = PUBLISHED
        return nlp(doc)._.events

    return annotate


def one(events, category: str):
    found = [e for e in events if e.category == category]
    assert found, f"no {category}: {[(e.trigger_lemma, e.category) for e in events]}"
    return found[0]


# (sentence, category, modality)
MODALITY = [
    ("Le sommet se tiendra du 17 au 18 mars à Dakar.", "consult", "planned"),
    ("Le sommet s'est tenu du 17 au 18 mars à Dakar.", "consult", "asserted"),
    ("Le président va signer un accord avec le Maroc.", "diplomatic_cooperation", "planned"),
    ("Le président a signé un accord avec le Maroc.", "diplomatic_cooperation", "asserted"),
    ("Les deux pays ont accepté le principe d'une rencontre.", "consult", "hypothetical"),
    ("Les deux pays ont organisé une rencontre à Genève.", "consult", "asserted"),
    ("Le président a proposé la tenue d'un sommet sur le climat.", "consult", "hypothetical"),
    ("Le Japon a proposé son aide à l'Indonésie.", "aid", "asserted"),
    ("Si l'armée attaquait la ville, les habitants fuiraient.", "assault", "hypothetical"),
    ("L'armée a attaqué la ville.", "assault", "asserted"),
    ("Dans le cas où l'armée attaquerait la ville, les habitants fuiraient.", "assault", "hypothetical"),
    ("Dans la ville où l'armée a attaqué, les habitants ont fui.", "assault", "asserted"),
    # the intent itself is asserted, the meeting it is about is not
    ("Les deux pays ont accepté le principe d'une rencontre.", "intent_cooperate", "asserted"),
    ("Le président a proposé la tenue d'un sommet sur le climat.", "intent_cooperate", "asserted"),
    ("Le suspect n'a pas été arrêté.", "coerce", "negated"),
    ("Le suspect a été arrêté lundi.", "coerce", "asserted"),
    ("La police a déjoué un attentat.", "assault", "negated"),
    ("L'extradition est une procédure longue.", "material_cooperation", "generic"),
    ("L'extradition du suspect a eu lieu mardi.", "material_cooperation", "asserted"),
    ("Les habitants manifestent chaque samedi.", "protest", "generic"),
    ("Les habitants ont manifesté samedi.", "protest", "asserted"),
]


@pytest.mark.parametrize(("sentence", "category", "modality"), MODALITY)
def test_modality(events_of, sentence, category, modality):
    assert one(events_of(sentence), category).modality == modality


# (sentence, category, date value, date source, place, place source)
SOURCES = [
    # the clause
    ("Des rebelles ont attaqué mardi un poste à Gao.", "assault", "2019-06-11", "clause", ANY, ANY),
    # a relative "où" clause gives the place; the date is the clause's
    (
        "Les ministres sont attendus à Addis-Abeba, où le sommet se tiendra du 17 au 18 février.",
        "consult", "2020-02-17", "clause", "Addis-Abeba", "sentence",
    ),
    # the sentence's one date expression, when nothing in the clause dates the event
    ("Le 3 mars, un attentat, revendiqué par le groupe État islamique, a été commis à Gao.",
     "assault", "2019-03-03", "clause", "Gao", ANY),
    # ... but not the day of a statement
    ("Le ministre a déclaré mardi que l'attaque avait fait dix morts.", "assault", "", "", ANY, ANY),
    # a date heading a list item dates the events of that item (from the clause when the parse
    # attaches it there, else by the list-item rule: `sentence`)
    ("Les précédents\n— 8 octobre 2005 : Au Pakistan, un séisme fait plus de 70 000 morts.\n— 26 décembre 2004 : "
     "Un tsunami dévaste les côtes de l'océan Indien.", "disaster", "2005-10-08", ANY, "Pakistan", ANY),
    # ... but not a date that names a toll
    ("Un séisme a fait 8 800 morts au Népal, selon un bilan du 25 avril 2015.", "disaster", "", "", ANY, ANY),
    # the article: a coreferent mention
    ("Des hommes armés ont attaqué mardi un hôtel à Sousse. L'attaque a fait 38 morts.",
     "assault", "2019-06-11", "clause", "Sousse", ANY),
    # the publication date, when the clause dates the event by the article
    ("Le Maroc et la France viennent de signer un accord.", "diplomatic_cooperation", "2019-06-12", "publication", ANY, ANY),
    # ... and when a present or passé composé tells it as news, with no date in its sentence
    ("Le Maroc et la France ont signé un accord.", "diplomatic_cooperation", "2019-06-12", "publication", ANY, ANY),
    ("Le Maroc et la France avaient signé un accord.", "diplomatic_cooperation", "", "", ANY, ANY),
    # ... but not a title, which reports the day before
    ("Le Maroc et la France signent un accord\nLes deux ministres étaient à Rabat.",
     "diplomatic_cooperation", "", "", ANY, ANY),
    ("Le Maroc et la France signent un accord.\nLes deux ministres étaient à Rabat.",
     "diplomatic_cooperation", "2019-06-12", "publication", ANY, ANY),
    ("Le Maroc et la France signeront un accord.", "diplomatic_cooperation", "", "", ANY, ANY),
    ("Le syndicat appelle les salariés à la grève.", "appeal", "2019-06-12", "publication", ANY, ANY),
    ("Le 3 juin, le syndicat a appelé les salariés à la grève.", "appeal", "2019-06-03", "clause", ANY, ANY),
    ("Les militaires ont déclaré avoir renversé le président.", "coerce", "2019-06-12", "publication", ANY, ANY),
    ("Les militaires affirment vouloir renverser le président.", "coerce", "", "", ANY, ANY),
    ("La junte a décrété la fermeture des frontières et l'instauration d'un couvre-feu.",
     "coerce", "2019-06-12", "publication", ANY, ANY),
    ("Les insurgés ont décrété la fermeture des frontières et un couvre-feu.",
     "coerce", "2019-06-12", "publication", ANY, ANY),
    ("La junte avait décrété un couvre-feu.", "coerce", "", "", ANY, ANY),
    ("Le parti, dans un communiqué publié en 2017, appelle ses militants au calme.",
     "appeal", "2019-06-12", "publication", ANY, ANY),
    ("DAKAR, 12 juin (Reuters) - Le Sénégal et la Gambie ont signé un accord.",
     "diplomatic_cooperation", "2019-06-12", ANY, ANY, ANY),
    # ... nor a bound expression, nor the date just after it ("depuis lundi soir 26 octobre")
    ("Depuis lundi soir 10 juin, les résultats de l'élection arrivent lentement.", "election", "", "", ANY, ANY),
    ("Lundi soir 10 juin, les électeurs ont voté lors de l'élection municipale.", "election", "2019-06-10", ANY, ANY, ANY),
    # ... not the day of a later step in the conditional
    ("Le suspect serait présenté lundi au juge pour que la demande d'extradition soit examinée.",
     "demand", "", "", ANY, ANY),
    ("La demande d'extradition a été déposée lundi auprès du juge.", "demand", "2019-06-10", ANY, ANY, ANY),
    # ... but never violence nor disasters, told days after they happen
    ("Des rebelles ont attaqué un poste à Gao.", "assault", "", "", ANY, ANY),
    ("Un séisme a frappé le nord du pays.", "disaster", "", "", ANY, ANY),
    # a noun trigger the parser left without its happening verb still takes the verb's date
    ("Les chefs d'État devraient être présents à Dakar, où le 12e sommet des dirigeants se tiendra du 3 au 4 juillet.",
     "consult", "2019-07-03", ANY, ANY, ANY),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "category", "date", "date_source", "place", "place_source"), SOURCES)
def test_argument_sources(events_of, sentence, category, date, date_source, place, place_source):
    event = one(events_of(sentence), category)
    assert event.date_value == date
    if date_source is not ANY:
        assert event.date_source == date_source
    if place is not ANY:
        assert event.place == place
    if place_source is not ANY:
        assert event.place_source == place_source


# (text, category, place, place source)
PLACES = [
    # the place a disaster hits, object of "frapper"
    ("Le séisme qui a frappé l'Algérie mardi a fait 300 morts.", "disaster", "Algérie", "clause"),
    ("Le séisme qui a surpris l'Algérie mardi a fait 300 morts.", "disaster", "", ""),
    ("Un séisme de magnitude 6,1 frappe le nord de la Grèce, faisant dix morts.", "disaster", "Grèce", "clause"),
    ("Un attentat a frappé jeudi Mossoul.", "assault", "Mossoul", "clause"),
    ("Un attentat a inquiété jeudi Mossoul.", "assault", "", ""),
    # a place in a complement of a locative complement; conjoined places: the first
    ("Dimanche, dans le centre de la ville afghane de Kandahar, un attentat a tué dix personnes.",
     "assault", "Kandahār", ANY),
    ("En Équateur et en Colombie, des pluies torrentielles ont fait 600 morts.", "disaster", "Équateur", ANY),
    # an event caused by another takes its place
    ("Un séisme au large du Chili a provoqué un tsunami.", "disaster", "Chili", ANY),
    # a wire story's dateline places the events whose sentence names no place
    ("RABAT, 12 juin (AFP) - La police a arrêté mardi trois suspects.", "coerce", "Rabat", "article"),
    ("RABAT, 12 juin (AFP) - La police a arrêté mardi trois suspects à Tanger.", "coerce", "Tanger", "clause"),
    ("Rabat, la capitale, a vu la police arrêter mardi trois suspects.", "coerce", "", ""),
    # a claim is placed at the attack it claims
    ("Le groupe État islamique a revendiqué, dans un message de son agence, l'attentat de Madrid.",
     "statement", "Madrid", "sentence"),
    ("Le groupe État islamique a revendiqué l'attentat.", "statement", "", ""),
]  # fmt: skip


@pytest.mark.parametrize(("text", "category", "place", "place_source"), PLACES)
def test_place(events_of, text, category, place, place_source):
    event = one(events_of(text), category)
    assert event.place == place
    if place_source is not ANY:
        assert event.place_source == place_source


def test_the_dateline_s_agency_is_no_participant(events_of):
    event = one(events_of("RABAT, 12 juin (AFP) - La police a arrêté mardi trois suspects."), "coerce")
    assert (event.agents, event.targets, event.target_country_codes) == ([], [], [])


def test_an_event_caused_by_another_takes_its_place_only_when_it_has_none(events_of):
    tsunami = [
        e for e in events_of("Un séisme au large du Chili a provoqué un tsunami.") if e.trigger_lemma == "tsunami"
    ]
    assert [(e.place, e.place_source) for e in tsunami] == [("Chili", "sentence")]
    other = [e for e in events_of("Un séisme au large du Chili a rappelé un tsunami.") if e.trigger_lemma == "tsunami"]
    assert [e.place for e in other] in ([], [""])


def test_each_list_item_is_dated_by_its_own_heading(events_of):
    events = events_of(SOURCES[4][0])
    assert [(e.trigger_lemma, e.date_value) for e in events] == [("séisme", "2005-10-08"), ("tsunami", "2004-12-26")]
    assert events[0].coref != events[1].coref


def test_the_second_mention_takes_date_and_place_from_the_first(events_of):
    first, second = [e for e in events_of(SOURCES[6][0]) if e.category == "assault"]
    assert first.coref == second.coref
    assert (second.date_value, second.date_source, second.place_source) == ("2019-06-11", "article", "article")


def test_a_claim_keeps_its_own_date_and_not_the_attack_s(events_of):
    events = events_of("Le 3 mars, un attentat, revendiqué par le groupe État islamique, a été commis à Gao.")
    assert one(events, "statement").date_value == ""
    own = events_of("Le groupe État islamique a revendiqué jeudi l'attentat de Sousse.")
    assert one(own, "statement").date_value == "2019-06-06"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Un attentat a frappé mardi un marché de Kaboul. Le groupe a revendiqué l'attaque quelques heures plus tard.",
         "2019-06-11"),
        # told as news: the claim is of the publication's day, still not of the attack's
        ("Un attentat a frappé mardi un marché de Kaboul. Le groupe a revendiqué l'attaque.", "2019-06-12"),
    ],
)  # fmt: skip
def test_a_claim_hours_after_the_attack_is_of_the_attack_s_day(events_of, text, date):
    assert one(events_of(text), "statement").date_value == date


# (sentence, category, agents, agent codes, targets, target codes); ANY = not checked
ROLES = [
    ("L'attentat contre un hôtel tunisien a été revendiqué par l'État islamique.",
     "assault", ["État islamique"], ANY, [], ["TN"]),
    ("La France a expulsé deux diplomates russes.", "reduce_relations", ["France"], ["FR"], [], ["RU"]),
    ("Les Russes ont expulsé deux diplomates français.", "reduce_relations", ["Russie"], ["RU"], [], ["FR"]),
    ("Des milliers de personnes ont manifesté contre Marine Le Pen à Paris.",
     "protest", [], [], ["Marine Le Pen"], ANY),
    ("Le président a signé un accord avec le Maroc.", "diplomatic_cooperation", ANY, ANY, ["Maroc"], ["MA"]),
    # a claim whose attack the parser hangs on another complement still gives the attack its agent
    ("Le groupe État islamique a revendiqué lundi, dans un message de son agence, l'attentat de Madrid.",
     "assault", ["État islamique"], ANY, ANY, ANY),
    ("Al-Qaïda a revendiqué mercredi, via un site de ses partisans, l'attaque de Mossoul.",
     "assault", ["Al-Qaïda"], ANY, ANY, ANY),
    ("Le groupe État islamique a publié lundi, dans un message de son agence, une photo de l'attentat de Madrid.",
     "assault", [], [], ANY, ANY),
    # the passive agent of a verb that issues the noun trigger; not of any passive
    ("Un mandat d'arrêt a été délivré par l'Espagne contre l'ancien ministre.", "coerce", ["Espagne"], ["ES"], ANY, ANY),
    ("La manifestation a été dispersée par la police espagnole.", "protest", [], [], ANY, ANY),
    # "par" misattached to the noun's complement: the agent, not a target
    ("Après l'expulsion de dix Iraniens par l'Allemagne, Téhéran a protesté.",
     "reduce_relations", ["Allemagne"], ["DE"], ["Iran"], ["IR"]),
    ("Après l'expulsion de dix Iraniens vers l'Allemagne, Téhéran a protesté.", "reduce_relations", [], [], ANY, ANY),
    # who announces or decides the noun trigger does it; not who criticises it
    ("Après l'annonce par Moscou de l'expulsion de dix diplomates, Londres a protesté.",
     "reduce_relations", ["Moscou"], ["RU"], ANY, ANY),
    ("Après la critique par Moscou de l'expulsion de dix diplomates, Londres a protesté.",
     "reduce_relations", [], [], ANY, ANY),
    # an organisation or country holding a meeting; a city is its place
    ("Le sommet de l'Union européenne s'est ouvert jeudi à Bruxelles.", "consult", ["Union européenne"], ANY, [], ANY),
    ("Le sommet de Bruxelles s'est ouvert jeudi.", "consult", [], [], ANY, ANY),
    # a state organ with a nationality adjective: the state acts; other nouns give only the code
    ("Les autorités marocaines ont arrêté mardi trois suspects.", "coerce", ["Maroc"], ["MA"], ANY, ANY),
    ("Les supporters marocains ont manifesté mardi.", "protest", [], ["MA"], ANY, ANY),
    ("Le président nigérien Mohamed Bazoum a signé un accord avec le Tchad.",
     "diplomatic_cooperation", ["Mohamed Bazoum"], ["NE"], ["Tchad"], ["TD"]),
    # an organisation's attack or warrant: its author; an attack on an institution, an arrest of a person: not
    ("Deux précédents attentats de Daech ont fait dix morts.", "assault", ["État islamique"], ANY, [], ANY),
    ("L'attaque de la mairie de Lyon a fait dix morts.", "assault", [], [], ANY, ANY),
    ("Le parquet a reçu une notice rouge d'Interpol.", "coerce",
     ["Organisation internationale de police criminelle"], ANY, [], ANY),
    ("L'arrestation de Carlos Ghosn a eu lieu lundi.", "coerce", [], [], ["Carlos Ghosn"], ANY),
    # nobody does a disaster: the country it strikes is no agent; who attacks a country is one
    ("Un violent séisme a frappé le Pérou dimanche soir.", "disaster", [], [], ANY, ANY),
    ("Des inondations ont ravagé le sud du Chili la semaine dernière.", "disaster", [], [], ANY, ANY),
    ("La Russie a bombardé l'Ukraine dimanche soir.", "fight", ["Russie"], ["RU"], ANY, ANY),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "category", "agents", "agent_codes", "targets", "target_codes"), ROLES)
def test_agents_and_targets(events_of, sentence, category, agents, agent_codes, targets, target_codes):
    event = one(events_of(sentence), category)
    for want, got in (
        (agents, event.agents),
        (agent_codes, event.agent_country_codes),
        (targets, event.targets),
        (target_codes, event.target_country_codes),
    ):
        if want is not ANY:
            assert got == want, (event.agents, event.agent_country_codes, event.targets, event.target_country_codes)
    assert event.place not in event.agents + event.targets


def test_goldstein_is_the_cameo_root_s_and_empty_for_disasters(events_of):
    events = events_of("Un séisme a frappé lundi le Japon. La police a arrêté mardi trois hommes.")
    assert one(events, "coerce").goldstein == -7.0
    assert one(events, "disaster").goldstein is None


# (text, category, whether the mentions of that category share one coref group)
COREFERENCE = [
    ("Des hommes armés ont attaqué mardi un hôtel à Sousse. L'attentat a fait 38 morts.", "assault", True),
    ("Des hommes armés ont attaqué mardi un hôtel à Sousse. Une autre attaque a visé jeudi un poste à Gafsa.",
     "assault", False),
    ("Un attentat a frappé lundi Kaboul. L'attentat de mardi à Kandahar a fait dix morts.", "assault", False),
    ("Des milliers d'Algériens manifestent. Ils ont manifesté vendredi à Alger.", "protest", True),
    ("Le cyclone a frappé le Mozambique le 14 mars. Des inondations ont ensuite dévasté la région.",
     "disaster", False),
    ("La Russie a condamné mardi l'attaque. L'Iran a condamné l'attaque.", "disapprove", False),
    ("Moscou a expulsé lundi dix diplomates. L'expulsion de diplomates russes par Londres a suivi.",
     "reduce_relations", False),
    # a bare noun modifying another names a kind, not the election told before
    ("Le scrutin s'est déroulé dimanche. Le taux était de 40 % au premier tour de scrutin en 2012.",
     "election", False),
    ("Le scrutin s'est déroulé dimanche. Le scrutin a été jugé régulier.", "election", True),
]  # fmt: skip


@pytest.mark.parametrize(("text", "category", "same"), COREFERENCE)
def test_coreference(events_of, text, category, same):
    mentions = [
        e for e in events_of(text) if e.category == category or (category == "assault" and e.category == "fight")
    ]
    assert len(mentions) >= 2, [(e.trigger_lemma, e.category) for e in events_of(text)]
    assert (len({e.coref for e in mentions}) == 1) is same, [(e.trigger_lemma, e.coref) for e in mentions]


def test_coref_numbers_count_from_one_in_order_of_first_mention(events_of):
    events = events_of(
        "Un séisme a frappé lundi le Japon. La police a arrêté mardi trois hommes. Le séisme a fait dix morts."
    )
    assert [e.coref for e in events] == [1, 2, 1]


@pytest.mark.parametrize(
    ("text", "category", "date"),
    [
        # wire copy wrapped inside its sentences: a line break inside a several-word trigger
        ("Un mandat \nd'arrêt international a été lancé contre lui en 2004.", "coerce", "2004"),
        ("Un mandat d'arrêt international a été lancé contre lui en 2004.", "coerce", "2004"),
        # ... and not a trigger made of words that only follow each other across the break
        ("Son mandat \nà la tête du parti a pris fin en 2004.", "coerce", None),
    ],
)
def test_a_line_break_inside_a_trigger(events_of, text, category, date):
    found = [e for e in events_of(text) if e.category == category]
    if date is None:
        assert found == []
    else:
        assert [e.date_value for e in found] == [date]
