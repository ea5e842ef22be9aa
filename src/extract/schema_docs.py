"""What every column of the seven tables means, kept next to the schema so the two cannot drift.

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

from extract.components.events.categories import EVENT_CATEGORIES, goldstein_of
from extract.schema import SCHEMAS
from extract.schema_notes import COREFERENCE, DATES, LIMITS, MODALITY, SOURCES
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
                "Wikidata Q-identifier when the entity is in the shipped tables (countries always); else empty.",
                "Q912",
            ),
            "geonames_id": Column(
                "GeoNames id of a country or place (text, like `wikidata_id`); empty for other kinds, and for a "
                'facility found through its head noun ("aéroport de Genève"), which lies in a known place.',
                "2449067",
            ),
            "latitude": Column(
                "WGS84 latitude in degrees of a place (a facility: its town's), or a country's centroid; else empty.",
                "16.77348",
            ),
            "longitude": Column("WGS84 longitude in degrees, as `latitude`.", "-3.00742"),
            "feature": Column(
                "What a country or place is: `country`, `continent`, `region` (région, US state, canton), "
                "`subregion` (département, province), `capital`, `city`, `sea`, `lake`, `river`, `mountain`, "
                "`landmark`, `historical`; empty for other kinds.",
                "city",
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
            "geonames_id": Column("As in `mentions.geonames_id`.", "2449067"),
            "latitude": Column("As in `mentions.latitude`.", "16.77348"),
            "longitude": Column("As in `mentions.longitude`.", "-3.00742"),
            "feature": Column("As in `mentions.feature`.", "city"),
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
            "goldstein": Column(
                "Goldstein conflict-cooperation score of the CAMEO root (-10 to +10; GDELT's root-level values, `resources/goldstein.tsv`); empty for the three non-political categories.",
                "3.5",
            ),
            "modality": Column(
                "`asserted`, `planned`, `hypothetical`, `negated` or `generic` (see *Event modality*). Views and counts use `asserted` and `planned`.",
                "asserted",
            ),
            "date_value": Column(
                "TIMEX3 value of the expression that dates the event (from its clause, its sentence or a coreferent mention), or the publication date when only the article dates it; empty when unknown.",
                "2020-10-23",
            ),
            "date_source": Column(
                "Where the date came from: `clause`, `sentence`, `article` (a coreferent mention) or `publication` (see *Event arguments and their sources*); empty when undated.",
                "clause",
            ),
            "timex_id": Column(
                "The dating expression (`timexes.timex_id`; for `article`, the coreferent's); empty when none in the text.",
                "1",
            ),
            "place": Column("Canonical name of the place or country where it happened, when stated.", "Genève"),
            "place_country_code": Column("ISO code of that place's country.", "CH"),
            "place_source": Column(
                "Where the place came from: `clause`, `sentence` or `article`; empty when none.", "clause"
            ),
            "agents": Column(
                "Who did it (GDELT's Actor1): canonical names of the agent's mentions, `list<string>` (`; `-joined in CSV). A nationality adjective inside another phrase adds a country code, not a name.",
                "Tripoli; Khalifa Haftar",
            ),
            "agent_country_codes": Column(
                "The distinct country codes of the agents, in order, `list<string>`; agents without a country add none, so the two lists are not aligned one for one.",
                "LY",
            ),
            "targets": Column(
                "To whom or with whom (GDELT's Actor2): object, passive subject, `contre`/`avec`/`entre`/`de`/`à` complements, `list<string>`.",
                "Nations unies",
            ),
            "target_country_codes": Column(
                'The distinct country codes of the targets, `list<string>` ("l\'attentat contre un hôtel tunisien" → `TN`).',
                "TN",
            ),
            "coref_id": Column(
                "Mentions of the same real event in this document share it (1-based in order of first mention; see *Event coreference*).",
                "1",
            ),
            "story_id": Column(
                "The story (`stories.story_id`) this mention belongs to, across articles; empty for a mention left out of stories (one neither asserted nor planned, or with no category).",
                "s3f9c2a1b7d04",
            ),
            "sentence": Column(
                "The sentence holding the trigger, for reading the event in context.",
                "Les délégations militaires … ont signé vendredi à Genève un accord de cessez-le-feu permanent …",
            ),
        },
    ),
}

_LIST = "A list in Parquet and DuckDB, items joined by `; ` in CSV."
DOCS["stories"] = TableDoc(
    row="real-world event reported by one or more articles (a cluster of event mentions; see *How stories are formed*)",
    key="story_id",
    columns={
        "story_id": Column(
            "`s` + 12 hex digits of the SHA-1 of the first member's `doc_id#event_id`.", "s3f9c2a1b7d04"
        ),
        "category": Column("The members' most frequent category (the first member's on a tie).", "assault"),
        "cameo_root": Column("CAMEO root of that category; empty for the non-political ones.", "18"),
        "goldstein": Column("Mean Goldstein score of the members, where the events table has one; else empty.", "-9.0"),
        "date_value": Column(
            "The most precise TIMEX3 value among the members' dates; empty when none is dated.", "2018-12-11"
        ),
        "place": Column(
            "The first specific place (city, region) among the members, else the country named.", "Strasbourg"
        ),
        "place_country_code": Column("The members' most frequent place country code.", "FR"),
        "latitude": Column(
            "WGS84 latitude of the place: from the tables where they have it, else GeoNames, else the country's centroid.",
            "48.58392",
        ),
        "longitude": Column("WGS84 longitude, as `latitude`.", "7.74553"),
        "agents": Column(
            f"Distinct agents of the members, in order (`actors` where the events table has no `agents`). {_LIST}",
            "Chérif Chekatt",
        ),
        "targets": Column(f"Distinct targets of the members, in order. {_LIST}", "France"),
        "n_articles": Column("Distinct articles with a member.", "3"),
        "n_mentions": Column("Event mentions in the story.", "4"),
        "first_published": Column("Earliest `published` of the articles with a member.", "2018-12-12"),
        "last_published": Column("Latest `published` of the articles with a member.", "2018-12-14"),
        "doc_ids": Column(f"The articles, in the order they joined. {_LIST}", "strasbourg-attaque; strasbourg-enquete"),
        "event_ids": Column(f"The members as `doc_id#event_id`. {_LIST}", "strasbourg-attaque#1; strasbourg-enquete#2"),
    },
)
DOCS["corpus_entities"] = TableDoc(
    row="distinct entity across the corpus (the `entities` rows of every article, grouped)",
    key="kind, canonical, country_code",
    columns={
        "kind": Column("As in `entities`.", "country"),
        "canonical": Column("As in `entities`.", "Maroc"),
        "country_code": Column("As in `entities`.", "MA"),
        "wikidata_id": Column("The first non-empty `wikidata_id` of its rows.", "Q1028"),
        "geonames_id": Column(
            "The first non-empty `geonames_id` of its rows (empty while `entities` has none).", "2542007"
        ),
        "latitude": Column("The first non-empty `latitude` of its rows (WGS84).", "32.0"),
        "longitude": Column("The first non-empty `longitude` of its rows (WGS84).", "-6.0"),
        "n_articles": Column("Articles naming it.", "4"),
        "n_mentions": Column("Its mentions over all articles (sum of `entities.n_mentions`).", "11"),
        "first_published": Column("Earliest `published` of those articles.", "2018-12-17"),
        "last_published": Column("Latest `published` of those articles.", "2018-12-20"),
    },
)


def _story_rule() -> str:
    """The joining rule, from the docstring of `extract.corpus.stories` (its one source)."""
    from extract.corpus import stories

    doc = stories.__doc__ or ""
    return doc[doc.index("1. ") :].strip() + "\n"


def _story_families() -> list[tuple[str, tuple[str, ...]]]:
    from extract.corpus.families import STORY_FAMILIES

    return list(STORY_FAMILIES.items())


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
        "Every run writes seven tables (`DIR/<table>.parquet`, `.csv`, or all seven in "
        "`DIR/extract.duckdb`): five with the rows of each article, and `stories` and "
        "`corpus_entities`, derived from all of them at the end of the run. Offsets are Python character offsets into the record's `text` "
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
            arrow = str(field.type).replace("list<item: string>", "list<string>")
            kind = f"{arrow} / {DUCKDB_TYPES[field.type]}"
            lines.append(f"| `{field.name}` | {kind} | {_cell(column.meaning)} | `{_cell(column.example)}` |")
        lines.append("")
    lines += ["## Event categories", "", "| category | CAMEO root | Goldstein | covers | e.g. |"]
    lines += ["| --- | --- | --- | --- | --- |"]
    for category, root, covers, examples in EVENT_CATEGORIES:
        score = goldstein_of(root)
        shown = "—" if score is None else f"{score:+.1f}"
        lines.append(f"| `{category}` | {root or '—'} | {shown} | {_cell(covers)} | {_cell(examples)} |")
    lines += ["", "## How dates are resolved", "", DATES]
    lines += ["## Event modality", "", MODALITY, "## Event arguments and their sources", "", SOURCES]
    lines += ["## Event coreference", "", COREFERENCE]
    lines += ["## How stories are formed", "", "The event mentions of all articles are clustered into stories:", ""]
    lines += [_story_rule(), "Story families (rule 4; `extract.corpus.families`):", "", "| family | categories |"]
    lines += ["| --- | --- |", *(f"| `{family}` | {', '.join(members)} |" for family, members in _story_families())]
    lines += ["", "## Known limits", "", LIMITS]
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
