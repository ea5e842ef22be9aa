"""The extract_timex component: French time expressions and their TIMEX3 values.

Sentences written for these tests. Unless a row says otherwise the article is
published on Monday 17 December 2018 (ISO week 2018-W51).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from extract.pipeline.spans import Timex

MONDAY = dt.date(2018, 12, 17)


@pytest.fixture(scope="session")
def timexes(nlp):
    """Annotate a text published on a date; return [(text, type, value, anchor)]."""
    assert "extract_timex" in nlp.pipe_names

    def annotate(text: str, published: dt.date | None = MONDAY) -> list[tuple[str, str, str, str]]:
        doc = nlp.make_doc(text)
        doc._.published = published
        doc = nlp(doc)
        assert all(isinstance(t, Timex) for t in doc._.timexes)
        return [(text[t.start : t.end], t.type, t.value, t.anchor) for t in doc._.timexes]

    return annotate


# (sentence, expected text, expected value); published MONDAY
FORMS = [
    # absolute dates
    ("L'accord a été signé le 17 décembre 2018 à Rabat.", "le 17 décembre 2018", "2018-12-17"),
    ("La loi du 17/12/2018 entre en vigueur.", "17/12/2018", "2018-12-17"),
    ("Le sommet s'est tenu le 3 mars.", "le 3 mars", "2018-03-03"),
    ("Le sommet se tiendra le 3 mars.", "le 3 mars", "2019-03-03"),
    ("Le salon ouvre ses portes le 10 janvier.", "le 10 janvier", "2019-01-10"),  # no tense: the nearest
    ("Le parti a été fondé en 2004.", "2004", "2004"),
    ("Les élections auront lieu en mars 2019.", "mars 2019", "2019-03"),
    ("La réforme entrera en vigueur début 2020.", "début 2020", "2020-01"),
    ("La ville a été fondée au XIIe siècle.", "XIIe siècle", "11XX"),
    ("La musique des années 90 revient.", "années 90", "199X"),
    ("Le contrat a pris fin le samedi 1er décembre.", "le samedi 1er décembre", "2018-12-01"),
    # weekdays, by the tense of their verb or dernier / prochain
    ("Le ministre a démissionné mardi.", "mardi", "2018-12-11"),
    ("Le ministre se rendra à Alger jeudi.", "jeudi", "2018-12-20"),
    ("Les deux pays se réuniront vendredi.", "vendredi", "2018-12-21"),
    ("Il a été arrêté jeudi dernier.", "jeudi dernier", "2018-12-13"),
    ("Le vote aura lieu mardi prochain.", "mardi prochain", "2018-12-18"),
    ("Le quotidien paraît ce lundi.", "ce lundi", "2018-12-17"),
    ("Dimanche, le train est arrivé en retard.", "Dimanche", "2018-12-16"),
    ("Huit migrants sont morts mardi soir au large des Canaries.", "mardi soir", "2018-12-11TEV"),
    ("Défaite de Marseille samedi à Lyon.", "samedi", "2018-12-15"),  # no verb: the nearest
    ("Concert de jazz à Besançon mardi.", "mardi", "2018-12-18"),
    ("Ils ont manifesté contre sa candidature à l'élection du 18 avril.", "18 avril", "2019-04-18"),
    # words relative to the publication date
    ("Il est arrivé hier à Paris.", "hier", "2018-12-16"),
    ("Le Parlement vote aujourd'hui le budget.", "aujourd'hui", "2018-12-17"),
    ("Le président recevra demain son homologue.", "demain", "2018-12-18"),
    ("L'attaque de la semaine dernière a fait trois morts.", "la semaine dernière", "2018-W50"),
    ("Les deux pays se réuniront la semaine prochaine.", "la semaine prochaine", "2018-W52"),
    ("Les négociations reprendront le mois prochain.", "le mois prochain", "2019-01"),
    ("Les exportations ont baissé l'an dernier.", "l'an dernier", "2017"),
    ("Les ventes ont progressé cette année.", "cette année", "2018"),
    ("Le navire a coulé il y a trois jours.", "il y a trois jours", "2018-12-14"),
    ("Il y a un an jour pour jour, le pays votait.", "Il y a un an jour pour jour", "2017-12-17"),
    ("Le rapport sera publié dans deux semaines.", "dans deux semaines", "2019-W01"),
    # parts of the day
    ("Des manifestants se sont rassemblés lundi soir devant la mairie.", "lundi soir", "2018-12-17TEV"),
    ("Les forces de l'ordre sont intervenues jeudi à l'aube.", "jeudi à l'aube", "2018-12-13TMO"),
    (
        "Deux voitures ont été incendiées dans la nuit de samedi à dimanche.",
        "la nuit de samedi à dimanche",
        "2018-12-15TNI",
    ),
    ("Le ministre a été reçu ce matin.", "ce matin", "2018-12-17TMO"),
    ("L'incendie a repris hier soir.", "hier soir", "2018-12-16TEV"),
    ("Hier, dans la matinée, le suspect s'est rendu.", "la matinée", "2018-12-16TMO"),
    ("Le maire a été réélu en fin de matinée.", "fin de matinée", "2018-12-17TMO"),
    # clock times, on the day the sentence names
    ("L'explosion s'est produite vers 18 h 50.", "18 h 50", "2018-12-17T18:50"),
    ("Hier, peu après 5 heures, un incendie s'est déclaré.", "5 heures", "2018-12-16T05:00"),
    ("Dimanche, le train est arrivé à 22h30.", "22h30", "2018-12-16T22:30"),
    ("Le débat commencera demain à 20 h.", "20 h", "2018-12-18T20:00"),
    # durations
    ("Les combats ont duré trois jours.", "trois jours", "P3D"),
    ("Il a été condamné à 46 mois de prison.", "46 mois", "P46M"),
    ("Les pourparlers pourraient durer plusieurs semaines.", "plusieurs semaines", "PXW"),
    ("La grève a paralysé le pays pendant plusieurs jours.", "plusieurs jours", "PXD"),
    ("Les prix ont augmenté au cours des derniers mois.", "derniers mois", "PXM"),
    ("La réunion a duré deux heures.", "deux heures", "PT2H"),
    ("La tempête souffle depuis quarante-huit heures.", "quarante-huit heures", "PT48H"),
    ("Le vote a été reporté d'une heure et demie.", "une heure et demie", "PT90M"),
    ("Le conflit dure depuis plus de vingt ans.", "plus de vingt ans", "P20Y"),
    ("Le feu a été maîtrisé après quinze heures de lutte.", "quinze heures", "PT15H"),
    ("Il a purgé une peine de 2 ans.", "2 ans", "P2Y"),
    ("Le pays est en guerre depuis 2019.", "2019", "2019"),  # "depuis" is a signal, 2019 the date
    # sets
    ("Le festival se tient chaque année à Avignon.", "chaque année", "P1Y"),
    ("Le marché a lieu tous les lundis.", "tous les lundis", "XXXX-WXX-1"),
    ("La cellule fonctionne 24h / 24.", "24h / 24", "PT1H"),
    ("La population augmente de 2 % par an.", "an", "P1Y"),
    ("La permanence est ouverte le mardi.", "le mardi", "XXXX-WXX-2"),  # a habit, in the present
    # lists and ranges: one expression per member
    ("Les élections se tiendront les 15 et 16 juin.", "15", "2019-06-15"),
    ("Les élections se tiendront les 15 et 16 juin.", "16 juin", "2019-06-16"),
    ("Le salon aura lieu du 3 au 5 mars.", "3", "2019-03-03"),
    ("Le salon aura lieu du 3 au 5 mars.", "5 mars", "2019-03-05"),
    ("Les scrutins des 30 juin et 7 juillet ont été annulés.", "30 juin", "2018-06-30"),
    ("Les scrutins des 30 juin et 7 juillet ont été annulés.", "7 juillet", "2018-07-07"),
    # seasons and holidays
    ("La sécheresse de l'été dernier a ruiné les récoltes.", "l'été dernier", "2018-SU"),
    ("Les familles se retrouveront à Noël.", "Noël", "2018-12-25"),
    ("Les attentats pendant les fêtes de fin d'année sont redoutés.", "les fêtes de fin d'année", "2018-12"),
    ("Le chantier sera achevé fin décembre.", "fin décembre", "2018-12"),
    ("Le gouvernement doit trancher d'ici la fin décembre.", "la fin décembre", "2018-12"),
    ("Les touristes renoncent à l'Europe à la fin de l'année.", "la fin de l'année", "2018-12"),
    # anchored on the previous expression
    ("Le juge a été saisi le 3 décembre. Le lendemain, le suspect a été libéré.", "Le lendemain", "2018-12-04"),
    (
        "Le séisme a frappé le 2 décembre. Trois jours plus tard, une réplique a été ressentie.",
        "Trois jours plus tard",
        "2018-12-05",
    ),
    ("En 2010, il a été élu. Deux ans plus tard, il a démissionné.", "Deux ans plus tard", "2012"),
    # more forms
    ("Le confinement a débuté le 17 mars à midi.", "midi", "2018-03-17T12:00"),
    ("Le chômage a reculé au dernier trimestre.", "dernier trimestre", "2018-Q3"),
    ("Au premier semestre 2019, la croissance a ralenti.", "premier semestre 2019", "2019-H1"),
    ("Les marchés ont chuté en une journée.", "une journée", "P1D"),
    ("Le bilan de ce week-end s'alourdit.", "ce week-end", "2018-W51-WE"),
    ("La décision est attendue mi-mars.", "mi-mars", "2019-03"),
    ("Les heurts ont eu lieu dans la nuit du 3 au 4 décembre.", "la nuit du 3 au 4 décembre", "2018-12-03TNI"),
    ("Le week-end dernier, la police a arrêté trois suspects.", "Le week-end dernier", "2018-W50-WE"),
    ("Les travaux reprendront l'année prochaine.", "l'année prochaine", "2019"),
    ("Le scrutin a lieu tous les deux ans.", "tous les deux ans", "P2Y"),
    ("Les chrétiens ont célébré Pâques.", "Pâques", "2018-04-01"),
    ("L'hiver dernier a été rude.", "L'hiver dernier", "2017-WI"),
    ("Il a patienté un quart d'heure.", "un quart d'heure", "PT15M"),
    ("Le traité est entré en vigueur le 1er janvier 2019.", "le 1er janvier 2019", "2019-01-01"),
    # references without a calendar value
    ("Le dialogue est maintenant rompu.", "maintenant", "PRESENT_REF"),
    ("Ces jours-ci, les prix flambent.", "Ces jours-ci", "PRESENT_REF"),
    # anaphora counted from the story, not from an event named or the day of a report
    ("L'armée a lancé jeudi des manœuvres, au lendemain de la visite du ministre.", "lendemain", "2018-12-13"),
    (
        "La police a arrêté jeudi deux hommes, a indiqué vendredi le parquet. Un troisième a été interpellé le même jour.",
        "le même jour",
        "2018-12-13",
    ),
    (
        "En octobre, des otages avaient été enlevés, avant d'être libérés une semaine plus tard.",
        "une semaine plus tard",
        "2018-10",
    ),
    ("Les syndicats ont annoncé une grève à partir de jeudi.", "jeudi", "2018-12-20"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), FORMS)
def test_timex_form_is_found_with_its_value(timexes, sentence, text, value):
    found = {t[0]: t[2] for t in timexes(sentence)}
    assert text in found, f"{text!r} not found in {sorted(found)}"
    assert found[text] == value


NOTHING = [
    "Un Français de 29 ans a été interpellé.",  # an age
    "Pierre Dupont, 45 ans, a été entendu.",
    "Une fillette âgée de 8 ans a été blessée.",
    "Un chauffeur de bus de 38 ans a été agressé.",
    "Une femme d'une quarantaine d'années a été secourue.",
    "Il avait 29 ans.",
    "Les deux suspects, âgés de 19 et 22 ans, ont été écroués.",
    "Des enfants âgés de moins de trois ans ont été vaccinés.",
    "Les 300 manifestants ont été dispersés.",  # bare numbers
    "Plus de 2000 personnes ont manifesté.",
    "Il a été élu avec 52 % des voix.",
    "Le bilan a été lourd.",  # "été", the past participle
    "Les négociations ont été difficiles et les accords ont été signés.",
    "Le mur mesure trois mètres.",  # measures
    "Le convoi a parcouru 46 kilomètres.",
    "Le quotidien Le Monde a été racheté.",  # a newspaper, not a frequency
    "L'accord du Vendredi saint reste fragile.",  # a name
    "Il a joué une seconde fois.",
    "Les 3/4 des élus ont voté contre.",  # a fraction, not 3 April
    "Noël Mamère a été réélu député.",  # a name, not Christmas
]


@pytest.mark.parametrize("sentence", NOTHING)
def test_timex_not_a_time_expression(timexes, sentence):
    assert timexes(sentence) == []


TYPES_AND_ANCHORS = [
    ("L'accord a été signé le 17 décembre 2018.", "le 17 décembre 2018", "DATE", "absolute"),
    ("Le quotidien paraît ce lundi.", "ce lundi", "DATE", "published"),
    ("Le juge a été saisi le 3 décembre. Le lendemain, il a tranché.", "Le lendemain", "DATE", "previous"),
    ("Les combats ont duré trois jours.", "trois jours", "DURATION", "none"),
    ("Le marché a lieu tous les lundis.", "tous les lundis", "SET", "none"),
    ("L'explosion s'est produite vers 18 h 50.", "18 h 50", "TIME", "published"),
    ("Des manifestants se sont rassemblés lundi soir.", "lundi soir", "TIME", "published"),
]


@pytest.mark.parametrize(("sentence", "text", "type_", "anchor"), TYPES_AND_ANCHORS)
def test_timex_type_and_anchor(timexes, sentence, text, type_, anchor):
    found = {t[0]: t for t in timexes(sentence)}
    assert found[text][1] == type_
    assert found[text][3] == anchor


UNPUBLISHED = [
    ("Le ministre s'est exprimé lundi.", "lundi", "XXXX-WXX-1"),
    ("Les élections auront lieu en décembre.", "décembre", "XXXX-12"),
    ("Il est arrivé hier à Paris.", "hier", "XXXX-XX-XX"),
    ("L'attaque de la semaine dernière a fait trois morts.", "la semaine dernière", "XXXX-WXX"),
    ("L'explosion s'est produite vers 18 h 50.", "18 h 50", "XXXX-XX-XXT18:50"),
    ("Les touristes renoncent à l'Europe à la fin de l'année.", "la fin de l'année", "XXXX-12"),
    ("Le ministre se rendra à Alger jeudi prochain.", "jeudi prochain", "XXXX-WXX-4"),
    ("L'accord a été signé le 17 décembre 2018.", "le 17 décembre 2018", "2018-12-17"),
    # a clock time next to an unresolved "hier" does not borrow the earlier absolute day
    (
        "Le 17 décembre 2018, un accord a été signé. Hier, deux suspects ont été interpellés vers 18 h 50.",
        "18 h 50",
        "XXXX-XX-XXT18:50",
    ),
]


@pytest.mark.parametrize(("sentence", "text", "value"), UNPUBLISHED)
def test_timex_without_publication_date_stays_unresolved(timexes, sentence, text, value):
    found = {t[0]: t for t in timexes(sentence, published=None)}
    assert found[text][2] == value
    assert found[text][3] in ("none", "absolute")


def test_timex_offsets_point_into_the_text(timexes, nlp):
    text = "Mardi soir,\nle 3 mars 2019 à 22h30, puis chaque année."
    doc = nlp.make_doc(text)
    doc._.published = MONDAY
    doc = nlp(doc)
    assert [text[t.start : t.end] for t in doc._.timexes] == ["Mardi soir", "le 3 mars 2019", "22h30", "chaque année"]
    assert doc._.timexes[2].value == "2019-03-03T22:30"


def test_timex_seed_article(timexes, data_dir):
    path = data_dir.parent.parent / "data" / "raw" / "maroc-cellule-securite.jsonl"
    record = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert record["published"].startswith("2018-12-17")
    found = {t[0]: t for t in timexes(record["text"], published=MONDAY)}
    assert found["ce lundi"][2] == "2018-12-17"
    assert found["la semaine dernière"][2] == "2018-W50"
    assert found["la fin de l'année"][2] == "2018-12"
    assert found["24h / 24"][1] == "SET"
    assert found["les fêtes de fin d'année"][1] == "DATE"
