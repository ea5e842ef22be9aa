"""The `extract_events` component: what happened, who did it, where and when.

Sets `doc._.events` to a list of `Event`, one per event mention, read from the
parse, `doc._.mentions` and `doc._.timexes` (either may be None: the events are
then found without agents/targets/places or without dates).

How an event is found and what is deliberately left out:

- **Triggers** are lemma patterns from `resources/triggers.tsv` (single words
  and multiword expressions such as "mettre en place", "ouvrir le feu",
  "s'écraser"), matched with spaCy PhraseMatchers (a token `Matcher` for the
  entries with gaps, "ouvrir _ enquête"); overlapping matches keep the
  longest ("attaque chimique" over "attaque"). Each carries a SPEC category
  and CAMEO root code, and may require a part of speech, a reflexive, a
  plural subject ("se retrouver": a meeting of several parties) or a visit
  ("se rendre", "arriver": a named visitor or office holder and a destination,
  so not "se rendre aux autorités" nor "arriver en tête").
- **Senses** (`senses.py`): a trigger word used in another sense is no event:
  a figurative quantity or metaphor ("l'avalanche de condamnations", "un séisme
  politique"), sport ("signer un doublé", "deux essais refusés"), a meeting with
  no one ("rencontrer des difficultés"), the verb of an event named as its
  subject ("un séisme frappe": one disaster, no strike), an action a warrant asks
  for ("une notice rouge pour l'arrestation de": the notice is the event).
- **Modality** (`modality.py`): every trigger is a row with its modality; only a
  trigger that is part of a name, or a speech category without participants, is
  dropped. `negated`: "n'a pas signé", "aucune attaque", "sans combattre", "a déjoué
  un attentat"; `generic`: "toute attaque", "l'extradition est une procédure";
  `hypothetical`: possible, averted, proposed or wanted ("d'éventuelles attaques",
  "pour prévenir un attentat", "le principe d'un sommet", "a proposé la tenue d'un
  sommet"), an action only demanded, promised, refused or threatened ("exige la
  libération": the demand is asserted, the release hypothetical), a verb in the
  conditional, under a modal "pouvoir" or after "si" ("si l'armée attaquait");
  `planned`: future tense, "aller"/"devoir" + infinitive, "prévu", "prochain", a date
  after publication outside the past tense ("le sommet se tiendra du 17 au 18
  février"); else `asserted`. A noun trigger whose clause is hypothetical ("les
  combats pourraient durer") and the journalistic conditional past ("l'aviation
  aurait bombardé jeudi un hôpital") are asserted, without a date.
- **Reporting verbs** (annoncer, déclarer, affirmer, selon) are not in the
  lexicon: the event is their complement, which is matched on its own.
  Statement-like categories (statement, appeal, demand, disapprove) are
  reported only when the speaker or target is in the sentence ("Paris a
  condamné l'attaque"), i.e. when the statement itself is the news.
- **Date**: the DATE/TIME expression attached to the trigger (in its subtree
  or on the path up from the expression); else one attached to the verb that
  governs it ("a eu lieu mardi"); else the conjunct trigger's date; else the
  nearest one in the same clause. A clause on a noun trigger that tells the
  event itself dates it: a support verb ("l'état de siège, instauré le 6 mai")
  or a relative clause with the trigger as subject ("l'explosion qui a ravagé
  le port le 4 août"). A trigger named by "au lendemain de" / "à la veille de"
  is not dated by that expression (the day is counted from it). An
  expression that dates one trigger does not date another through these
  fallbacks. When the text dates the event
  only by the article, the **publication date** is used (`timex` None):
  "viennent de mettre en place". Then (`sources.py`) the sentence's one unclaimed
  date, a date heading the list item, and (`coref.py`) a coreferent mention's date;
  last, an asserted event told as news (present or passé composé, no date in its
  sentence, not violence, disasters nor elections) takes the publication date.
  Hypothetical, negated and generic triggers take only an expression of their own.
  A bare "revendiqué" claim gives a date before it to the attack it claims
  (`claims.py`).
- **Agents and targets** (GDELT's Actor1/Actor2): the agent first (subject and
  its conjuncts, the subject of the governing verb for "viennent de signer", the
  passive agent "par un commando", nationality adjectives on a noun trigger "tirs
  iraniens", the subject of a support verb "a lancé une offensive", the claimant of
  a claimed attack), then the targets (object, passive subject, "de"/"contre"/
  "entre"/"avec"/"à" complements), each mapped to the canonical names and country
  codes of the mentions in it; a nationality adjective inside another phrase ("un
  hôtel tunisien") adds a code, not a name.
- **Place**: the first place or country mention in a complement introduced by
  à/en/au/dans/sur/près de/au large de (for noun triggers also "de" + a place:
  "l'attentat de Nice"), searched down the trigger's complements.
"""
