"""Check the organisation knowledge base (organisations.tsv) and print one line per problem.

The file is curated by hand; run this after every edit:

    python tools/resources/check_organisations.py [PATH]

Exit status 0 when the file is clean, 1 when problems were found.
"""

from __future__ import annotations

import gettext
import re
import sys
import unicodedata
from pathlib import Path

import pycountry

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "src" / "extract" / "resources" / "organisations.tsv"
COLUMNS = ["canonical", "wikidata_id", "country_code", "type", "aliases", "source"]
TYPES = {"international", "government", "armed_group", "party", "media", "company", "other"}
SOURCES = {"wikidata", "manual"}
QID = re.compile(r"Q[1-9]\d*")
# A lower-case leading article means the article was not stripped; a capitalised one
# belongs to a title ("Le Monde", "La Presse") and is kept on purpose.
LEADING_ARTICLE = re.compile(r"(le|la|les) |l['’]")


def fold(text: str) -> str:
    """Key under which the matcher confuses two forms: case, accents, apostrophes and spacing ignored."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.casefold().split())


def country_names() -> set[str]:
    """Folded English and French names of every ISO 3166-1 country, as pycountry ships them."""
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    names = set()
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                names.add(fold(name))
                names.add(fold(french.gettext(name)))
    return names


def check(path: Path = DEFAULT_PATH) -> list[str]:
    """Return the problems found in the knowledge base at `path`, one readable line each."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    problems: list[str] = []
    comments = []
    while lines and lines[0].startswith("#"):
        comments.append(lines.pop(0))
    header_text = "\n".join(comments)
    if not comments:
        problems.append("no '#' comment header naming the source")
    else:
        if "source" not in header_text.casefold():
            problems.append("comment header does not name the source")
        if "check_organisations.py" not in header_text:
            problems.append("comment header does not name the checker script")
    if not lines or lines[0].split("\t") != COLUMNS:
        problems.append(f"line {len(comments) + 1}: header row must be: {' '.join(COLUMNS)}")
        return problems

    countries = country_names()
    alias_owner: dict[str, tuple[str, str]] = {}  # folded alias -> (canonical, alias as written)
    canonical_line: dict[str, int] = {}
    qid_owner: dict[str, str] = {}
    rows = []
    for number, line in enumerate(lines[1:], start=len(comments) + 2):
        where = f"line {number}"
        fields = line.split("\t")
        if len(fields) != len(COLUMNS):
            problems.append(f"{where}: {len(fields)} columns instead of {len(COLUMNS)}")
            continue
        canonical, qid, country, kind, aliases, source = fields
        where = f"line {number} ({canonical})"
        rows.append((where, canonical))
        if not canonical or canonical != canonical.strip():
            problems.append(f"{where}: canonical name is empty or padded with spaces")
        key = fold(canonical)
        if key in canonical_line:
            problems.append(f"{where}: canonical name already used on line {canonical_line[key]}")
        canonical_line.setdefault(key, number)
        if qid and not QID.fullmatch(qid):
            problems.append(f"{where}: wikidata_id {qid!r} is not of the form Q<digits>")
        if qid in qid_owner:
            problems.append(f"{where}: wikidata_id {qid} already given to {qid_owner[qid]!r}")
        if qid:
            qid_owner.setdefault(qid, canonical)
        if source not in SOURCES:
            problems.append(f"{where}: source {source!r} is not one of {', '.join(sorted(SOURCES))}")
        elif (source == "wikidata") != bool(qid):
            problems.append(f"{where}: source must be 'wikidata' exactly when a wikidata_id is given")
        if country and pycountry.countries.get(alpha_2=country) is None:
            problems.append(f"{where}: country_code {country!r} is not an ISO 3166-1 alpha-2 code")
        if kind not in TYPES:
            problems.append(f"{where}: type {kind!r} is not one of {', '.join(sorted(TYPES))}")
        if kind == "international" and country:
            problems.append(f"{where}: international bodies have no home country ({country})")
        forms = aliases.split("|") if aliases else []
        if not forms:
            problems.append(f"{where}: no aliases")
        for form in forms:
            if not form or form != form.strip() or "  " in form:
                problems.append(f"{where}: alias {form!r} is empty or badly spaced")
                continue
            if "’" in form:
                problems.append(f"{where}: alias {form!r} uses ’; write apostrophes as '")
            if LEADING_ARTICLE.match(form):
                problems.append(f"{where}: alias {form!r} starts with an article the matcher strips")
            folded = fold(form)
            if folded in countries:
                problems.append(f"{where}: alias {form!r} is a country name")
            owner = alias_owner.get(folded)
            if owner and owner[0] != canonical:
                problems.append(f"{where}: alias {form!r} already claimed by {owner[0]!r} as {owner[1]!r}")
            alias_owner.setdefault(folded, (canonical, form))
    for where, canonical in rows:
        owner = alias_owner.get(fold(canonical))
        if owner and owner[0] != canonical:
            problems.append(f"{where}: canonical name is an alias of {owner[0]!r}")
    return problems


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT_PATH
    problems = check(path)
    for problem in problems:
        print(f"{path.name}: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
