"""What every column of the five tables means, kept next to the schema so the two cannot drift.

`SCHEMAS` in `extract.schema` gives the names and Arrow types; `DOCS` here gives
each column's meaning and an example value, `EVENT_CATEGORIES` (from
`extract.components.events.categories`) the event categories, and `render()` writes them all as Markdown. `docs/tables.md` is that
rendering, committed; a test fails when a column is undocumented or the file is
stale. Regenerate it with:

    python -m extract.schema_docs docs/tables.md
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from extract.components.events.categories import EVENT_CATEGORIES
from extract.schema import SCHEMAS
from extract.write import DUCKDB_TYPES


@dataclass(frozen=True)
class Column:
    """One column's meaning and an example value as it appears in the table."""

    meaning: str
    example: str


@dataclass(frozen=True)
class TableDoc:
    row: str
    key: str
    columns: dict[str, Column]


DOCS: dict[str, TableDoc] = {
    "documents": TableDoc(
        row="input record (article), whether or not it could be annotated",
        key="doc_id",
        columns={
            "doc_id": Column(
                "The record's `id`; else its path relative to the input root without the suffix; else `<file>:<line>`.",
                "maroc-cellule-securite",
            ),
            "source_path": Column(
                "The input file, relative to the input root given on the command line (`-` for stdin).", "demo.jsonl"
            ),
            "title": Column(
                "The record's `title`; for `.txt` the first non-empty line; for HTML the page title. Empty when none.",
                "Mali : 53 soldats tués dans l'attaque d'un camp militaire",
            ),
            "published": Column(
                "Publication date, ISO 8601 as given (or `--published`); empty when unknown.", "2019-11-03"
            ),
            "n_chars": Column("Length of `text` in Python characters.", "771"),
            "n_sentences": Column("Sentences found by the parser (0 when not annotated).", "6"),
            "n_tokens": Column("Tokens, whitespace excluded (0 when not annotated).", "140"),
            "status": Column(
                "`ok`, `error` (could not be read or annotated) or `skipped` (empty text, not French).", "ok"
            ),
            "error": Column(
                "Why the record is not `ok`, in one sentence; empty when `ok`.",
                "line 3 is not valid JSON (Expecting value)",
            ),
            "sha256": Column(
                "SHA-256 of the text as read (of the raw bytes when it could not be decoded).", "79d145a9de8b…"
            ),
        },
    ),
    "mentions": TableDoc(
        row="entity mention in the text",
        key="doc_id, mention_id",
        columns={
            "doc_id": Column("The document (`documents.doc_id`).", "mali-attaque-indelimane"),
            "mention_id": Column("1-based, in text order within the document.", "3"),
            "sentence_id": Column("1-based sentence number within the document.", "1"),
            "start": Column("Character offset of the first character in the record's `text`.", "184"),
            "end": Column("Offset one past the last character: `text[start:end] == mention.text`.", "190"),
            "text": Column("The mention as written.", "les services marocains"),
            "label": Column(
                "The NER label (`PER`, `LOC`, `ORG`, `MISC`), or the rule that found or retyped it (`country_rule`, …).",
                "LOC",
            ),
            "kind": Column("`country`, `nationality`, `place`, `organisation`, `person` or `other`.", "country"),
            "canonical": Column(
                "One name per real-world entity, the same across documents (`Daesh`, `EI`, `l'État islamique` → one).",
                "État islamique",
            ),
            "country_code": Column(
                "ISO 3166-1 alpha-2: the country itself (country, nationality), the country a place lies in, an organisation's home country; empty for supranational places.",
                "ML",
            ),
            "wikidata_id": Column(
                "Wikidata Q-identifier when the entity is in the shipped tables; else empty.", "Q912"
            ),
        },
    ),
    "entities": TableDoc(
        row="distinct entity (kind + canonical) in a document",
        key="doc_id, entity_id",
        columns={
            "doc_id": Column("The document.", "mali-attaque-indelimane"),
            "entity_id": Column("1-based, in order of first mention.", "2"),
            "kind": Column("As in `mentions.kind`.", "organisation"),
            "canonical": Column(
                "As in `mentions.canonical`; join on (`kind`, `canonical`) across documents.",
                "Organisation des Nations unies",
            ),
            "country_code": Column("As in `mentions.country_code`.", "FR"),
            "wikidata_id": Column("As in `mentions.wikidata_id`.", "Q1065"),
            "n_mentions": Column("How many mentions of this entity the document has.", "2"),
            "first_start": Column("`start` of its first mention.", "412"),
        },
    ),
    "timexes": TableDoc(
        row="time expression",
        key="doc_id, timex_id",
        columns={
            "doc_id": Column("The document.", "liban-explosion-beyrouth"),
            "timex_id": Column("1-based, in text order; `events.timex_id` points here.", "2"),
            "sentence_id": Column("1-based sentence number.", "2"),
            "start": Column("Character offset in `text`.", "210"),
            "end": Column("End offset (exclusive): `text[start:end] == timex.text`.", "222"),
            "text": Column("The expression as written.", "mardi"),
            "type": Column("TimeML type: `DATE`, `TIME`, `DURATION` or `SET`.", "DATE"),
            "value": Column(
                "TIMEX3 value (see *How dates are resolved*); partly `X` when it cannot be resolved.", "2020-08-04"
            ),
            "anchor": Column(
                "What the value was resolved against: `published`, `absolute`, `previous` (an earlier expression) or `none`.",
                "published",
            ),
        },
    ),
    "events": TableDoc(
        row="event mention (a trigger word or phrase)",
        key="doc_id, event_id",
        columns={
            "doc_id": Column("The document.", "libye-cessez-le-feu-geneve"),
            "event_id": Column("1-based, in text order.", "1"),
            "sentence_id": Column("1-based sentence number of the trigger.", "1"),
            "start": Column("Character offset of the trigger in `text`.", "119"),
            "end": Column("End offset (exclusive) of the trigger.", "128"),
            "trigger": Column("The trigger as written.", "ont signé"),
            "trigger_lemma": Column("Its lemma (lemmas of a multiword trigger, space-separated).", "signer"),
            "category": Column("One of the event categories below.", "diplomatic_cooperation"),
            "cameo_root": Column("Two-digit CAMEO root code; empty for `disaster`, `accident`, `election`.", "05"),
            "date_value": Column(
                "TIMEX3 value of the expression that dates the event, or the publication date when only the article dates it; empty when unknown.",
                "2020-10-23",
            ),
            "timex_id": Column("The dating expression (`timexes.timex_id`); empty when none in the text.", "1"),
            "place": Column("Canonical name of the place or country where it happened, when stated.", "Genève"),
            "place_country_code": Column("ISO code of that place's country.", "CH"),
            "actors": Column(
                "Canonical names of the participants, agent first, joined by `; `.",
                "Tripoli; Khalifa Haftar; Nations unies",
            ),
            "actor_country_codes": Column(
                "The distinct country codes of the actors, in actor order (agent first), joined by `; `; actors without a country add none, so the two columns are not aligned one for one.",
                "LY",
            ),
            "sentence": Column(
                "The sentence holding the trigger, for reading the event in context.",
                "Les délégations militaires … ont signé vendredi à Genève un accord de cessez-le-feu permanent …",
            ),
        },
    ),
}

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
  janvier" → `2019-01-15`). With a present tense, no verb, or when the day is a
  noun's ("le scrutin de dimanche", "la conférence du 30 octobre", "l'annonce jeudi
  soir de ..."), the nearest of the two wins: "le scrutin de dimanche" →
  `2018-12-16`, "Réunion le 3 janvier" → `2019-01-03`, "reçoit jeudi" (three days
  ahead, four back) → `2018-12-20`. A day after the object of a verb of announcing
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
  "actuellement", "désormais", "maintenant" → `PRESENT_REF`; "à l'époque", "il y a
  longtemps" → `PAST_REF`; "bientôt" → `FUTURE_REF`. "Ce jour" is the publication day.
- **A weekday told again** in the present or with no verb ("Le village célébrera la
  Pentecôte dimanche. Dimanche soir, le comité organise un bal.") is the day its first
  bare mention named; with a tense of its own it is placed again by that tense. A
  headline in capitals, which the tagger cannot read, takes a future tense from a
  future ending ("LE VILLAGE FERA LA FÊTE DIMANCHE").
- **Without a publication date** relative expressions are never resolved against
  today: they keep unresolved parts (`XXXX-WXX-1` for "lundi").
- **Events** are dated by the expression attached to their trigger in the parse
  (`events.timex_id`); where the text dates an event only by the article
  ("viennent de mettre en place"), `date_value` is the publication date and
  `timex_id` is empty. A headline's present tense ("Washington et les talibans
  signent un accord") usually reports the day before, so it is left undated.
"""

LIMITS = """\
- Rules and tables, not a trained model for entities beyond the French NER: a name absent
  from the shipped tables keeps the NER's kind (`place`, `organisation`, `person`, `other`)
  with no country code or Wikidata id.
- A place name shared by several countries is resolved to the one the article names, else
  to the most populous; small villages may get no country.
- Events are trigger words with their syntactic arguments: one sentence, no coreference
  ("l'attaque" two paragraphs later is a second event row), no merging of the same event
  told twice. Negated, hypothetical and merely possible events are left out on purpose.
- Actors and places come from mentions inside the trigger's syntactic arguments; a parse
  error loses them or picks a wrong one.
- Dates: a relative expression whose tense is ambiguous can land a week or a year off;
  fuzzy expressions ("ces dernières années") keep `X` parts. A present tense told of a
  coming event ("le Parlement vote mardi", written on a Friday) takes the nearest
  Tuesday, the one before; a habitual date ("entre le 15 juillet et le 15 août, le
  camping affiche complet") gets this year's. Where the parser misreads a sentence the
  tense it reads, and so the side, can be wrong.
- Offsets are exact, but sentence numbers follow the parser's sentence split, which can
  cut after abbreviations.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render() -> str:
    """The whole of `docs/tables.md`: tables, columns, categories, dates, limits."""
    lines = [
        "# The tables",
        "",
        "<!-- Generated from src/extract/schema_docs.py and src/extract/schema.py by "
        "`python -m extract.schema_docs docs/tables.md`; do not edit by hand. -->",
        "",
        "Every run writes five tables (`DIR/<table>.parquet`, `.csv`, or all five in "
        "`DIR/extract.duckdb`). Offsets are Python character offsets into the record's `text` "
        "exactly as read; ids and `sentence_id` are 1-based within a document. Missing values "
        "are nulls in Parquet and DuckDB, empty cells in CSV.",
        "",
    ]
    for table, schema in SCHEMAS.items():
        doc = DOCS[table]
        lines += [f"## `{table}`", "", f"One row per {doc.row}. Key: `{doc.key}`.", ""]
        lines += ["| column | type (Arrow / DuckDB) | meaning | example |", "| --- | --- | --- | --- |"]
        for field in schema:
            column = doc.columns[field.name]
            kind = f"{field.type} / {DUCKDB_TYPES[field.type]}"
            lines.append(f"| `{field.name}` | {kind} | {_cell(column.meaning)} | `{_cell(column.example)}` |")
        lines.append("")
    lines += ["## Event categories", "", "| category | CAMEO root | covers | e.g. |", "| --- | --- | --- | --- |"]
    for category, root, covers, examples in EVENT_CATEGORIES:
        lines.append(f"| `{category}` | {root or '—'} | {_cell(covers)} | {_cell(examples)} |")
    lines += ["", "## How dates are resolved", "", DATES, "## Known limits", "", LIMITS]
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m extract.schema_docs docs/tables.md", file=sys.stderr)
        return 2
    Path(args[0]).write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
