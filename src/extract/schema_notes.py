"""The prose of `docs/tables.md` beside the column tables: how dates are resolved, event modality,
argument sources, coreference, and the known limits. `extract.schema_docs.render()` puts them in place.
"""

DATES = """\
Time expressions are found by rules on the parse and given a TIMEX3 value:

- **Absolute** expressions keep their own value: "le 15 septembre 2019" → `2019-09-15`,
  "en février 2021" → `2021-02`, "en 2015" → `2015` (`anchor` = `absolute`).
- **Relative** expressions are resolved against the article's `published` date:
  "lundi", "jeudi dernier", "la semaine dernière" → `2018-W50`, "le mois prochain",
  "ce lundi", "hier" (`anchor` = `published`).
- **A weekday, or a day or month without a year**, has two candidates: the
  occurrence on or before the publication date and the one on or after it.
  "dernier"/"prochain" pick the side. Otherwise the tense of the verb it modifies
  decides: past → the one before ("a remporté dimanche", published Monday 17
  December 2018 → `2018-12-16`; "s'était réuni le 3 janvier" → `2018-01-03`),
  future → the one after ("se réunira dimanche" → `2018-12-23`; "reprendront le 15
  janvier" → `2019-01-15`). With a present tense (for a weekday, see the cut-off
  below), no verb, or when the day is a noun's ("le scrutin de dimanche", "la
  conférence du 30 octobre", "l'annonce jeudi soir de ..."), the nearest of the two
  wins: "le scrutin de dimanche" → `2018-12-16`, "Réunion le 3 janvier" →
  `2019-01-03`.
  **Cut-off of the tense, and the present tense.** A past or future tense places the
  day whatever the distance, since it never names a day on the other side. A present
  tense places a weekday ahead (the next one on or after the publication day: a coming
  event, "Les députés votent mardi le budget", published Wednesday 9 January 2019 →
  `2019-01-15`, not the day before; "votent mercredi" → that day, `2019-01-09`) only
  when it is the weekday's own verb with at most 4 tokens between them ("Le ministre
  reçoit les syndicats lundi" → `2019-01-14`; "se réunit lundi", a present the tagger
  may read as a passé simple, likewise). Beyond that cut-off, or when the day
  belongs to a noun or an adjective ("l'annonce jeudi soir de sa démission", "l'équipe,
  très faible mardi face à Lyon, reste en tête" → `2019-01-08`), the nearest
  occurrence wins. A day or month with a date in the present keeps the nearest ("Le
  sommet se tient le 3 janvier", published 17 December 2018 → `2019-01-03`; "Le 3
  janvier, les troupes entrent dans la ville", published 10 January → `…-01-03` of that
  year). A date a thing is moved to is ahead whatever the tense: "a été repoussé au 3
  janvier" → `2019-01-03` ("a été annulé le 3 janvier" → `2018-01-03`), "des
  législatives anticipées à l'automne" → the coming autumn. After a generic date ("En
  été, les prix grimpent.", `XXXX-SU`) a day or month told in the present in the same
  or the next sentence is a habit, in no year: "entre le 15 juillet et le 15 août, les
  hôtels affichent complet" → `XXXX-07-15`, `XXXX-08-15` ("Le festival a ouvert le 15
  juillet" keeps its year). A day after the object of a verb of announcing
  dates that object, not the announcement: "a annoncé des élections les 30 juin et 7
  juillet", published 10 June 2024 → `2024-06-30`, `2024-07-07`; "a annoncé jeudi
  des élections" → the Thursday before. "Annoncé(e)s mercredi" is past; "annoncée
  pour mercredi" future.
- **Anchored on an earlier expression**: "le même jour", "le lendemain", "une semaine plus tard"
  (`anchor` = `previous`). A day that dates a report ("..., a indiqué vendredi le
  parquet") is not counted from.
- **A weekday counted in a month or season**: "le premier dimanche de mars" →
  `2019-03-03`, "le dernier lundi du mois" → the last Monday of the publication's month,
  "l'an prochain, le premier dimanche du printemps" → `2019-03-24` (the year of the
  sentence, else the policy above).
- **Counted from an event**: "le même jour qu'un attentat", "au lendemain de
  l'attaque", "deux jours après l'explosion" count from the day the article gives that
  event (a sentence naming the same event, or one of its kin: attentat/attaque,
  élection/scrutin, séisme/secousse), earlier sentences first, else later ones; the
  clause's own day wins when it has one ("a lancé jeudi des manœuvres, au lendemain
  de la visite" → that Thursday). When the article dates no such event, "le
  lendemain" counts from the expression before it and "deux jours après l'explosion"
  is a duration (`P2D`, extent "deux jours"); months and years after an event stay
  durations ("six ans après sa victoire" → `P6Y`).
- **A clock time** takes its day from the day expression on the same verb in its
  sentence, else the nearest one in the sentence, else the last day before it; never
  from a report's day.
- **Times of day** add a time or a part of day: "vendredi soir" → `2023-09-08TEV`,
  "à 18h50" → `…T18:50`. A hedged clock time stays a time: "à environ 21 heures",
  "aux alentours de 18 h" → `…T21:00`, `…T18:00` ("pendant environ 21 heures" is a
  duration, `PT21H`). "Minuit" ends the day it is told on ("vendredi à minuit" →
  `…-21T24:00`); "après minuit" opens it (`…T00:00`). "Quelques heures plus tard",
  "quelques instants plus tôt" fall on the day of the expression before them (a
  `DATE`, `anchor` = `previous`); with no day to count from they are a `DURATION`
  (`PTXH`).
- **Not dates**: a number that names or counts something ("la résolution 1405",
  "l'article 1240", "le vol AF 1234", "au 1200 rue ...", "3-1") and a season inside a
  name or a kind ("les Jeux olympiques d'hiver", "les sports d'hiver", "l'heure d'été",
  "le Printemps arabe") give no expression; "les mois d'été", "l'été prochain" do.
- **Durations and sets** are not dates: "pendant trois jours" → `P3D`, "plusieurs jours"
  → `PXD`, "pendant des années" → `PXY`, "depuis longtemps" → `PXY`, "toute la journée"
  → `P1D`, "une visite d'un jour" → `P1D`, "chaque année" → `P1Y` and "des patrouilles
  quotidiennes" → `P1D` (type `SET`) (`anchor` = `none`).
- **References without a calendar value** (type `TIME`, as French TimeBank marks them):
  "actuellement", "désormais", "maintenant" → `PRESENT_REF`; the "ici" of "d'ici à dix
  ans", "d'ici deux ans" (before a length) → `PRESENT_REF`, of "d'ici le 30 juin" (before a
  date) the publication day; "à l'époque", "il y a
  longtemps" → `PAST_REF`; "bientôt" → `FUTURE_REF`. "Ce jour" is the publication day.
- **A weekday told again** in the present or with no verb ("Le village célébrera la
  Pentecôte dimanche. Dimanche soir, le comité organise un bal.") is the day its first
  bare mention named; with a tense of its own it is placed again by that tense. A
  headline in capitals, which the tagger cannot read, takes a future tense from a
  future ending ("LE VILLAGE FERA LA FÊTE DIMANCHE").
- **Without a publication date** relative expressions are never resolved against
  today: they keep unresolved parts (`XXXX-WXX-1` for "lundi").
- **Events** are dated by the expression attached to their trigger in the parse
  (`events.timex_id`), else by their sentence or a coreferent mention (see *Event
  arguments and their sources*); where the text dates an event only by the article
  ("viennent de mettre en place", or an asserted statement, appeal, signing, arrest…
  told in the present or passé composé with no date in its sentence: "Moscou appelle au
  calme", "22 accords ont été signés"), `date_value` is the publication date and
  `timex_id` is empty. A headline's present tense ("Washington et les talibans
  signent un accord") usually reports the day before: it is dated only by a
  coreferent mention that the text dates.
"""

MODALITY = """\
Every matched trigger that is an event is a row; `modality` says how the text presents it.
A trigger that is part of a name ("l'Instance supérieure pour les élections") or a statement
without speaker or addressee is no event and has no row.

| modality | the text says | e.g. |
| --- | --- | --- |
| `asserted` | it happened or is happening | "a signé samedi un accord", "l'attaque de mardi" |
| `planned` | announced or scheduled: future tense, "aller"/"devoir" + infinitive, "prévu", "prochain", a date after publication outside the past tense | "le sommet se tiendra du 17 au 18 février", "le prochain sommet" |
| `hypothetical` | proposed, possible, conditional, wanted, demanded, refused or feared | "ont accepté le principe d'un sommet", "a proposé la tenue d'un sommet", "si l'armée attaquait", "d'éventuelles attaques", "exige la libération" |
| `negated` | it did not happen, or was foiled or called off | "n'a pas été arrêté", "aucune attaque", "sans combattre", "a déjoué un attentat" |
| `generic` | a definition or a habit | "l'extradition est une procédure", "toute attaque", "chaque année" |

The journalistic conditional past ("l'aviation aurait bombardé jeudi un hôpital") reports an
unconfirmed event: `asserted`, without a date. Hypothetical, negated and generic rows get a
date only from an expression of their own phrase, never from the sentence, the article or
the publication date.

**Views use `asserted` and `planned`**: `extract show` (`--all-events` for every row), the
report, the notebook and their counts leave the other rows out and say how many
(`extract.views.shown`, `events_caption`). In pandas: `events[events.modality.isin(["asserted", "planned"])]`.
"""

SOURCES = """\
Date and place are looked for in this order; `date_source` and `place_source` name the step
that found them (empty when none did):

1. `clause`: the trigger's own clause: the expression attached to the trigger or to the verb
   that governs it ("a eu lieu mardi"), a place in its complements ("l'attentat de Nice",
   "s'est écrasé près d'Addis-Abeba").
2. `publication` (dates only): the clause dates the event by the article ("viennent de
   mettre en place"); and, after the sentence and the article gave nothing, an asserted
   event told as news: a verb in the present or passé composé ("appelle", "a menacé",
   "ont été signés"), a past infinitive under one ("ont déclaré avoir renversé"), or a noun
   such a verb decrees or names as done ("ont décrété la fermeture des frontières et
   l'instauration d'un couvre-feu"), in a sentence with no date of its own (a wire
   dateline "MOSCOU, 15 avril (Reuters) -" and the date of a described noun, "dans un
   communiqué reçu lundi", do not count) that is not a title. Not the imperfect or
   pluperfect ("avait appelé"), a future or conditional; never violence, disasters or
   accidents (reported days after) nor elections (the vote day is stated or unknown).
3. `sentence`: the one date expression of the sentence that no other event claims and that
   does not date a reporting verb, or the one place in a locative phrase that is no
   event's place or actor ("à Addis-Abeba, où le sommet se tiendra du 17 au 18 février"); a
   date heading a list item dates the events of that item ("— 25 avril 2015 : Au Népal,
   plus de 8 800 personnes sont tuées par un séisme" gives the date, and the sentence the place).
   Also `sentence` (places only): the place of the event that causes this one ("un séisme au large du Chili a provoqué un tsunami": the tsunami's
   place is Chili); and a claim's place, when the attack it claims is told in its sentence.
4. `article`: a coreferent mention elsewhere in the article (see *Event coreference*); and
   a claim of responsibility without a place of its own is placed at the attack it claims
   once coreference has completed that attack (SPEC is silent: a claim is about the attack,
   so an analyst counting events by place finds the claim beside the attack); last, a wire
   story's dateline city ("RABAT, 12 mars (AFP) - …", upper case, then an agency in
   parentheses) places its events whose sentence names no place or country (SPEC is silent:
   the dateline is the article's setting, and its agency is never a participant).

The clause's place also includes what a disaster or an attack strikes: the object of
*frapper, toucher, secouer, ravager, dévaster, balayer, inonder, endeuiller* ("le séisme qui
a frappé l'Algérie", "un séisme frappe le nord de la Grèce", "un attentat a frappé
Kaboul"). A locative phrase may hold the place deeper ("dans le centre de la ville de
Kandahar"); of conjoined locative places ("en Turquie et en Syrie") the first is the place.
`place_country_code` is the place's code, else that of a nationality adjective inside the
place's name ("l'île indonésienne de Java": `ID`). No place is inferred from an agent's
country ("le Royaume-Uni a expulsé …" has no place): SPEC gives the place only where stated. Nor from a brief's heading ("Libye : reprise des
pourparlers" names the topic; the talks are held at Genève).

An expression is not the event's when it dates a reporting verb ("a déclaré mardi que
l'attaque …"), a noun the trigger only modifies or a noun described by a participle ("les
résultats du premier tour, sans écart par rapport aux chiffres diffusés lundi"), or is
counted from the event ("le vendredi suivant le scrutin", "au lendemain du séisme"), is
bound or follows a bound one ("depuis lundi soir 26 octobre"), or dates a later step in the
conditional ("il serait présenté jeudi au juge pour que la demande d'extradition soit examinée").
A noun trigger the parser left before its happening verb ("à Dakar, où le sommet se tiendra
du 17 au 18 mars", misread) takes that verb's date. A bare
noun modifying another ("au premier tour de scrutin en 2012", "une tentative d'attentat")
names a kind of event: it takes no sentence date and no coreferent.

A claim of responsibility is dated by its own words, never by the attack it claims: in "Le
3 mars, un attentat, revendiqué par le groupe, a été commis à Gao" the date is the attack's,
and the claimant is the attack's agent ("l'attentat contre un hôtel tunisien a été
revendiqué par l'État islamique": agents `État islamique`, target countries `TN`).

**Agents and targets** are GDELT's Actor1 and Actor2: the agent is the subject, the passive
agent ("par un commando"), a nationality adjective on the trigger ("tirs iraniens") or the
subject of a support verb ("a lancé une offensive"); the targets are the object, the passive
subject and the `contre`/`avec`/`entre`/`de`/`à` complements ("manifestation contre Le Pen":
target Le Pen). A nationality adjective inside another phrase gives a country code, not a
name ("un hôtel tunisien": target country `TN`, no target named Tunisie).

More agents, each rule beside a look-alike in `tests/test_events_rules.py`:

- the passive agent of a verb that issues the noun trigger (*délivrer, émettre, décider,
  ordonner, décréter, prononcer, annoncer*): "un mandat d'arrêt a été délivré par l'Espagne"
  gives agent Espagne; any other passive does not ("la manifestation a été dispersée par la
  police": the police is no protester);
- a `par` complement the parser hangs on the noun's complement: "l'expulsion de dix
  Iraniens par l'Allemagne" gives agent Allemagne, target Iran;
- the `par` complement of an announcement or decision governing the trigger ("l'annonce par
  Moscou de l'expulsion": agent Moscou; not "la critique par Moscou de l'expulsion");
- the organisation or country a meeting's `de` complement names holds it ("le sommet de
  l'Union africaine": agent, "le sommet de Bruxelles": the place); an organisation's
  `attentat` or warrant names its author ("les attentats de Daech", "une notice rouge
  d'Interpol"), but "l'attaque de la mairie" names a target and "l'arrestation de X" the
  one arrested;
- a state organ with a nationality adjective names the state ("les autorités marocaines",
  "le ministre algérien des Affaires étrangères": agent Maroc, Algérie) unless a person is
  named ("le président nigérien Mohamed Bazoum": agent Mohamed Bazoum, code `NE`); other
  nouns give the code only ("les supporters marocains": code `MA`, no name);
- a claim whose object the parser misattaches ("a revendiqué lundi, dans un message de son
  agence, l'attentat de Madrid") still claims the first violence trigger after it that
  hangs on it with no verb between, and hands it its claimant.

Disasters have no agent (an earthquake is done by no one; GDELT leaves Actor1 empty): a
`disaster` row names no agents, and the country it strikes is its place or a target ("un
séisme frappe le Japon", "le séisme japonais": place or target Japon). `extract evaluate`'s
`event agents` share counts a disaster with no agents as right and one with any as wrong.
"""

COREFERENCE = """\
Mentions of one real event in an article share `coref_id`. A mention joins an earlier group when:

- **same family**: the same category, or the violence family (`assault`, `fight`,
  `mass_violence`) for attacks ("l'attaque de mardi … l'attentat … ces frappes");
- **same modality**;
- **compatible date**: none, or one period inside the other (`2018-12-11` inside `2018-W50`);
- **compatible place**: none, the same place, or a place inside the country named;
- **no conflicting agents**: both name agents and share neither a name nor a country;
- **an anaphor or the same word**: a definite or demonstrative noun ("l'attentat", "ces
  raids") joins the latest compatible group; a verb or a bare noun only a group with the same
  word ("manifestent" … "ont manifesté"); disasters and accidents only on the same word
  (a flood after a cyclone is another event);
- **a referent**: a bare noun modifying another ("au premier tour de scrutin") joins no
  group and no mention joins it;
- **not a new event**: an indefinite noun ("une offensive", "des tirs") starts its own group
  unless the group is only the headline's; so do "un autre attentat", "une nouvelle attaque",
  "un attentat similaire".

The asserted and planned mentions of a group then complete each other: a mention without a
date, place, agents or targets takes the group's (the most precise date, the first place),
with source `article`: the headline "Séisme meurtrier en Indonésie" takes the date of "le
séisme s'est produit vendredi". Coreference stays within one article (and within one chunk of
a very long one); the same event across articles is joined in `stories` (see *How stories are formed*).
"""


LIMITS = """\
- Rules and tables, not a trained model for entities beyond the French NER: a name absent
  from the shipped tables keeps the NER's kind (`place`, `organisation`, `person`, `other`)
  with no country code or Wikidata id.
- Places are looked up in GeoNames (`extract.geo`) only once judged to be places: a place
  name shared by several countries is resolved to the one the article names, else to the
  most populous (French places first); a name GeoNames does not know keeps the country its
  sentence names, or none.
- A national organisation whose knowledge-base entry is another country's than the one its
  phrase states ("le PDS allemand") gets a generic canonical `name (country)` and no
  Wikidata id: a missing link rather than a wrong one.
- Events are trigger words with their syntactic arguments; coreference is by rules within
  one article (same family, compatible date, place and agents), so two mentions of one event
  told with different words and no definite article stay two groups, and two attacks on
  the same day with no place may share one.
- Agents, targets and places come from mentions inside the trigger's syntactic arguments;
  a parse error loses them or picks a wrong one. An actor the NER does not find as an entity
  ("les Occidentaux") is not named.
- Dates: a relative expression whose tense is ambiguous can land a week or a year off;
  fuzzy expressions ("ces dernières années") keep `X` parts. A present tense told of a
  coming event ("le Parlement vote mardi", written on a Friday) takes the nearest
  Tuesday, the one before; a habitual date ("entre le 15 juillet et le 15 août, le
  camping affiche complet") gets this year's. Where the parser misreads a sentence the
  tense it reads, and so the side, can be wrong.
- Offsets are exact, but sentence numbers follow the parser's sentence split, which can
  cut after abbreviations.
"""
