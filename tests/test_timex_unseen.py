"""Time expressions on text the rules were not written for (issue 14).

Sentences written for these tests. Each rule is a row beside a look-alike that must
not trigger it; every row gives its own publication date.
"""

from __future__ import annotations

import datetime as dt

import pytest

MONDAY = dt.date(2018, 12, 17)  # ISO week 2018-W51
JUNE_10 = dt.date(2024, 6, 10)  # a Monday
NEW_YEAR = dt.date(2019, 1, 4)  # a Friday
WEDNESDAY = dt.date(2019, 1, 9)
MAY_21 = dt.date(2019, 5, 21)  # a Tuesday
AUGUST_1 = dt.date(2019, 8, 1)  # a Thursday


@pytest.fixture(scope="session")
def timexes(nlp):
    """Annotate a text published on a date; return [(text, type, value, anchor)]."""

    def annotate(text: str, published: dt.date | None) -> list[tuple[str, str, str, str]]:
        doc = nlp.make_doc(text)
        doc._.published = published
        doc = nlp(doc)
        return [(text[t.start : t.end], t.type, t.value, t.anchor) for t in doc._.timexes]

    return annotate


def value_of(timexes, sentence: str, published: dt.date | None, text: str) -> str:
    found = {t[0]: t[2] for t in timexes(sentence, published)}
    assert text in found, f"{text!r} not found in {sorted(found)}"
    return found[text]


# One policy for a day without a year or week (docs/tables.md, "How dates are resolved"):
# the verb's past tense takes the occurrence on or before the publication date, its future
# the one on or after; present tense, no verb, or a noun's day: the nearest occurrence.
POLICY = [
    # weekdays: past → the last one, future → the next one, else the nearest
    ("Les électeurs ont voté dimanche dans le calme.", MONDAY, "dimanche", "2018-12-16"),
    ("Les électeurs voteront dimanche.", MONDAY, "dimanche", "2018-12-23"),
    ("Le bilan du scrutin de dimanche reste incertain.", MONDAY, "dimanche", "2018-12-16"),
    ("Le scrutin de dimanche prochain reste incertain.", MONDAY, "dimanche prochain", "2018-12-23"),
    ("Ce dimanche soir, la foule a envahi les rues.", MONDAY, "Ce dimanche soir", "2018-12-16TEV"),
    (
        "La fermeture des bureaux ce dimanche soir laisse place à l'attente.",
        MONDAY,
        "ce dimanche soir",
        "2018-12-16TEV",
    ),
    ("L'annonce jeudi soir de sa démission aggrave la crise.", NEW_YEAR, "jeudi soir", "2019-01-03TEV"),  # a noun's
    # the present on the weekday's own verb, at most PRESENT_REACH tokens away: a coming day
    ("Les députés votent mardi le budget.", WEDNESDAY, "mardi", "2019-01-15"),  # not yesterday
    ("Les députés ont voté mardi le budget.", WEDNESDAY, "mardi", "2019-01-08"),
    ("Les députés votent mercredi le budget.", WEDNESDAY, "mercredi", "2019-01-09"),  # today
    ("Le ministre reçoit les syndicats lundi.", WEDNESDAY, "lundi", "2019-01-14"),
    ("Le conseil municipal se réunit lundi.", WEDNESDAY, "lundi", "2019-01-14"),  # a present, not a passé simple
    ("Le conseil municipal s'est réuni lundi.", WEDNESDAY, "lundi", "2019-01-07"),
    ("L'équipe, très faible mardi face à Lyon, reste en tête du classement.", WEDNESDAY, "mardi", "2019-01-08"),
    ("Le sommet se tient le 3 janvier.", MONDAY, "le 3 janvier", "2019-01-03"),  # a dated day: the nearest
    ("Le 3 janvier, les troupes entrent dans la ville.", dt.date(2019, 1, 10), "Le 3 janvier", "2019-01-03"),
    # a date moved to ("repoussé au", "anticipées à") is ahead whatever the verb's tense
    ("Le sommet a été repoussé au 3 janvier.", MONDAY, "3 janvier", "2019-01-03"),
    ("Le sommet a été annulé le 3 janvier.", MONDAY, "le 3 janvier", "2018-01-03"),
    ("L'hypothèse d'élections anticipées à l'automne séduisait la majorité.", MAY_21, "l'automne", "2019-FA"),
    ("Les élections organisées à l'automne avaient été calmes.", MAY_21, "l'automne", "2018-FA"),
    # a habit told in the present after a generic date: no particular year
    (
        "En été, les prix grimpent. Entre le 15 juillet et le 15 août, les hôtels affichent complet.",
        MONDAY,
        "le 15 août",
        "XXXX-08-15",
    ),
    ("En été, les prix grimpent. Le festival a ouvert le 15 juillet.", AUGUST_1, "le 15 juillet", "2019-07-15"),
    ("Cet été, les prix grimpent. Les hôtels affichent complet le 15 août.", AUGUST_1, "le 15 août", "2019-08-15"),
    ("Le ministre se rendra à Alger jeudi soir.", NEW_YEAR, "jeudi soir", "2019-01-10TEV"),
    ("Les mesures annoncées mercredi par le gouvernement seront appliquées.", MONDAY, "mercredi", "2018-12-12"),
    ("La visite annoncée pour mercredi a été reportée.", MONDAY, "mercredi", "2018-12-19"),
    ("Le président reçoit jeudi son homologue.", MONDAY, "jeudi", "2018-12-20"),  # nearest: ahead 3, back 4
    # counted from the Sunday of the vote, not from the publication date
    (
        "Le calme a régné durant le scrutin de dimanche. Les résultats seront proclamés le vendredi suivant le scrutin.",
        dt.date(2019, 2, 25),
        "le vendredi suivant",
        "2019-03-01",
    ),
    # days without a year
    ("Le président a annoncé des élections législatives les 30 juin et 7 juillet.", JUNE_10, "7 juillet", "2024-07-07"),
    (
        "Le président a annoncé des élections législatives les 30 juin et 7 juillet.",
        JUNE_10,
        "les 30 juin",
        "2024-06-30",
    ),
    ("Le président a annoncé jeudi des élections anticipées.", JUNE_10, "jeudi", "2024-06-06"),
    ("Le stade a été inauguré le 20 juin.", JUNE_10, "le 20 juin", "2023-06-20"),
    ("La finale se jouera le 20 juin.", JUNE_10, "le 20 juin", "2024-06-20"),
    ("Les négociations reprendront le 15 janvier.", MONDAY, "le 15 janvier", "2019-01-15"),
    ("Le traité avait été signé le 28 décembre.", NEW_YEAR, "le 28 décembre", "2018-12-28"),
    ("Réunion des ministres le 3 janvier à Bruxelles.", MONDAY, "le 3 janvier", "2019-01-03"),  # no verb: nearest
    ("Les ministres s'étaient réunis le 3 janvier.", MONDAY, "le 3 janvier", "2018-01-03"),
    ("La conférence sur le climat du 30 octobre s'annonce tendue.", dt.date(2019, 10, 2), "30 octobre", "2019-10-30"),
]


@pytest.mark.parametrize(("sentence", "published", "text", "value"), POLICY)
def test_timex_day_without_year_or_week_follows_the_policy(timexes, sentence, published, text, value):
    assert value_of(timexes, sentence, published, text) == value


# Kinds: a hedged clock time stays a TIME; a vague "quelques heures plus tard" is the day
# of the expression before it; "minuit" ends the day it is told on, "après minuit" opens it.
KINDS = [
    ("Le policier a été tué jeudi à environ 21 heures.", MONDAY, "21 heures", "TIME", "2018-12-13T21:00"),
    ("Les secouristes ont marché pendant environ 21 heures.", MONDAY, "environ 21 heures", "DURATION", "PT21H"),
    ("Le cortège est arrivé aux alentours de 18 h.", MONDAY, "18 h", "TIME", "2018-12-17T18:00"),
    ("Les renforts sont arrivés autour de 23 heures.", MONDAY, "23 heures", "TIME", "2018-12-17T23:00"),
    ("L'hôtel est à environ trois heures de route.", MONDAY, "environ trois heures", "DURATION", "PT3H"),
    ("La tempête dure depuis environ trois heures.", MONDAY, "environ trois heures", "DURATION", "PT3H"),
    (
        "L'explosion a eu lieu mardi. Quelques heures plus tard, le groupe l'a revendiquée.",
        MONDAY,
        "Quelques heures plus tard",
        "DATE",
        "2018-12-11",
    ),
    ("Quelques heures plus tard, le groupe l'a revendiquée.", None, "Quelques heures plus tard", "DURATION", "PTXH"),
    (
        "L'explosion a eu lieu mardi. Quelques jours plus tard, le groupe l'a revendiquée.",
        MONDAY,
        "Quelques jours plus tard",
        "DATE",
        "FUTURE_REF",
    ),
    (
        "La préfecture a revu le bilan annoncé quelques instants plus tôt.",
        MONDAY,
        "quelques instants plus tôt",
        "DATE",
        "2018-12-17",
    ),
    ("Le couvre-feu prendra fin vendredi à minuit.", MONDAY, "minuit", "TIME", "2018-12-21T24:00"),
    ("Les tirs ont commencé dimanche peu après minuit.", MONDAY, "minuit", "TIME", "2018-12-16T00:00"),
    ("La fête a repris dimanche à minuit et demi.", MONDAY, "minuit et demi", "TIME", "2018-12-16T00:30"),
    # "d'ici" before a length is the present seen from; before a date, the publication day
    ("La dette pourrait doubler d'ici à dix ans.", MONDAY, "ici", "TIME", "PRESENT_REF"),
    ("Le port sera agrandi d'ici deux ans.", MONDAY, "ici", "TIME", "PRESENT_REF"),
    ("Le texte sera adopté d'ici le 30 juin.", MONDAY, "ici", "DATE", "2018-12-17"),
    ("La ligne sera achevée d'ici à 2025.", MONDAY, "ici", "DATE", "2018-12-17"),
]


@pytest.mark.parametrize(("sentence", "published", "text", "type_", "value"), KINDS)
def test_timex_kind_and_value(timexes, sentence, published, text, type_, value):
    found = {t[0]: t for t in timexes(sentence, published)}
    assert text in found, f"{text!r} not found in {sorted(found)}"
    assert found[text][1:3] == (type_, value)


# Numbers inside names and references, and seasons inside names, are never dates.
NOT_DATES = [
    "Le Conseil de sécurité a voté la résolution 1405 à l'unanimité.",
    "L'article 1240 du Code civil s'applique.",
    "Le vol 1234 a été dérouté vers Nice.",
    "Le vol AF 1234 a atterri sans encombre.",
    "Le juge a ouvert le dossier 2011 contre l'entreprise.",
    "Le suspect habitait au 1200 rue de la Paix.",
    "L'équipe a gagné sur le score de 3-1.",
    "Les Jeux olympiques d'hiver s'ouvrent à Pékin.",
    "Les stations de sports d'hiver manquent de neige.",
    "Le passage à l'heure d'été inquiète les agriculteurs.",
    "Le Printemps arabe a bouleversé la région.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_timex_numbers_and_seasons_in_names_are_not_dates(timexes, sentence):
    assert timexes(sentence, MONDAY) == []


# Look-alikes that are dates.
STILL_DATES = [
    ("La résolution, votée en 1405, a été oubliée.", "1405", "1405"),
    ("Le vol a été annulé en 2011.", "2011", "2011"),
    ("Les Jeux olympiques se tiendront l'été prochain.", "l'été prochain", "2019-SU"),
    ("Les prix montent pendant les mois d'été.", "les mois d'été", "XXXX-SU"),
    ("Le conflit a éclaté au printemps 2011.", "printemps 2011", "2011-SP"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), STILL_DATES)
def test_timex_look_alikes_of_names_stay_dates(timexes, sentence, text, value):
    assert value_of(timexes, sentence, MONDAY, text) == value


WEDNESDAY = dt.date(2018, 12, 19)

# Anchors: an expression counted from an event takes the day the article gives that event,
# wherever it gives it; a clock time takes the day of the expression on its verb, never a
# report's day ("..., a annoncé mardi la police").
ANCHORS = [
    (
        "Cet attentat est intervenu le même jour qu'une attaque à Kaboul. L'attentat a eu lieu vendredi près du marché.",
        MONDAY,
        "le même jour",
        "2018-12-14",
    ),
    (
        "Le suspect a été arrêté mardi. Son complice a été interpellé le même jour.",
        MONDAY,
        "le même jour",
        "2018-12-11",
    ),
    (
        "L'explosion a eu lieu jeudi à Lyon. Le 3 décembre, le maire avait été menacé. "
        "Deux jours après l'explosion, la police a arrêté un suspect.",
        MONDAY,
        "Deux jours après",
        "2018-12-15",
    ),
    ("Deux jours après l'explosion, la police a arrêté un suspect.", MONDAY, "Deux jours", "P2D"),
    ("Six ans après sa victoire, il revient.", MONDAY, "Six ans", "P6Y"),
    (
        "Au lendemain de l'attaque, le gouvernement a décrété un deuil national. L'attaque avait eu lieu jeudi.",
        MONDAY,
        "lendemain",
        "2018-12-14",
    ),
    (
        "L'incendie s'est déclaré lundi soir, a annoncé mardi la police. Les pompiers sont arrivés vers 18 h 50.",
        WEDNESDAY,
        "18 h 50",
        "2018-12-17T18:50",
    ),
    ("Le ministre a annoncé mardi sa démission. Il est parti vers 18 h.", WEDNESDAY, "18 h", "2018-12-18T18:00"),
    (
        "Le feu, qui a pris lundi soir, a été signalé vers 18 h 50, a indiqué mardi le préfet.",
        WEDNESDAY,
        "18 h 50",
        "2018-12-17T18:50",
    ),
]


@pytest.mark.parametrize(("sentence", "published", "text", "value"), ANCHORS)
def test_timex_counted_from_the_event_or_the_governing_day(timexes, sentence, published, text, value):
    assert value_of(timexes, sentence, published, text) == value


TUESDAY = dt.date(2018, 12, 18)

# Recall: what French TimeBank marks and the rules used to miss.
FOUND = [
    ("Le suspect était recherché depuis longtemps.", MONDAY, "longtemps", "DURATION", "PXY"),
    ("Il y a longtemps que la ville attend un pont.", MONDAY, "Il y a longtemps", "DATE", "PAST_REF"),
    ("À l'époque, le pays était en guerre.", MONDAY, "l'époque", "TIME", "PAST_REF"),
    ("La nécropole remonte à l'époque romaine.", MONDAY, "l'époque romaine", "TIME", "PAST_REF"),
    ("Les combats ont duré pendant des années.", MONDAY, "des années", "DURATION", "PXY"),
    ("Le suspect est actuellement en détention.", MONDAY, "actuellement", "TIME", "PRESENT_REF"),
    ("Le pays dispose désormais d'une armée.", MONDAY, "désormais", "TIME", "PRESENT_REF"),
    ("La confusion a régné toute la journée.", MONDAY, "toute la journée", "DURATION", "P1D"),
    ("Des patrouilles quotidiennes sillonnent la ville.", MONDAY, "quotidiennes", "SET", "P1D"),
    ("L'attaque a eu lieu mardi en plein après-midi.", MONDAY, "plein après-midi", "TIME", "2018-12-11TAF"),
    ("Le président a effectué une visite d'un jour à Alger.", MONDAY, "un jour", "DURATION", "P1D"),
    ("Les talibans ont pris le pays en une seule semaine.", MONDAY, "une seule semaine", "DURATION", "P1W"),
    ("Le journal a révélé ce jour l'affaire.", MONDAY, "ce jour", "DATE", "2018-12-17"),
    # a headline in capitals, which the tagger cannot read: the future ending still counts
    ("LE VILLAGE FERA LA FÊTE DIMANCHE.", TUESDAY, "DIMANCHE", "DATE", "2018-12-23"),
    ("LE VILLAGE A FAIT LA FÊTE DIMANCHE.", TUESDAY, "DIMANCHE", "DATE", "2018-12-16"),
]


@pytest.mark.parametrize(("sentence", "published", "text", "type_", "value"), FOUND)
def test_timex_found_where_french_timebank_marks_one(timexes, sentence, published, text, type_, value):
    test_timex_kind_and_value(timexes, sentence, published, text, type_, value)


NOT_FOUND = [
    "Le suspect a longtemps hésité.",
    "L'époque de la guerre froide est révolue.",
    "Tout le monde est parti.",
    "La presse quotidienne est en crise.",
    "Les grands quotidiens ont titré sur la crise.",
    "Un jour, il reviendra.",
    "Il a attendu quelques instants.",
]


@pytest.mark.parametrize("sentence", NOT_FOUND)
def test_timex_look_alikes_of_vague_expressions_are_not_found(timexes, sentence):
    assert timexes(sentence, MONDAY) == []


def test_timex_a_weekday_told_again_in_the_present_is_the_same_day(timexes):
    text = "Le village célébrera la Pentecôte dimanche. Dimanche soir, le comité organise un grand bal."
    assert [t[2] for t in timexes(text, TUESDAY)] == ["2019-06-09", "2018-12-23", "2018-12-23TEV"]
    text = "Le match a eu lieu samedi. Le suivant se jouera samedi."  # a tense of its own: another Saturday
    assert [t[2] for t in timexes(text, TUESDAY)] == ["2018-12-15", "2018-12-22"]


NTH_WEEKDAY = [
    ("La fête aura lieu le premier dimanche de mars.", MONDAY, "le premier dimanche de mars", "2019-03-03"),
    ("Le conseil se réunit le dernier lundi du mois.", MONDAY, "le dernier lundi du mois", "2018-12-31"),
    (
        "Le rassemblement se tiendra l'an prochain, le premier dimanche du printemps.",
        MONDAY,
        "le premier dimanche du printemps",
        "2019-03-24",
    ),
    ("Le premier ministre a parlé dimanche.", MONDAY, "dimanche", "2018-12-16"),  # a title, not a rank
]


@pytest.mark.parametrize(("sentence", "published", "text", "value"), NTH_WEEKDAY)
def test_timex_weekday_counted_in_a_month_or_season(timexes, sentence, published, text, value):
    assert value_of(timexes, sentence, published, text) == value
