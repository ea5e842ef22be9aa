"""The shipped organisation knowledge base: well-formed, and resolving the names users rely on."""

import csv
import importlib.util
import re
import unicodedata
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[1] / "tools" / "resources"  # the scripts that rebuild and check the tables

RESOURCES = Path(__file__).resolve().parent.parent / "src" / "extract" / "resources"
KB = RESOURCES / "organisations.tsv"


def load_checker():
    spec = importlib.util.spec_from_file_location("check_organisations", TOOLS / "check_organisations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


checker = load_checker()


def read_rows(path=KB):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = read_rows()
ARTICLE = re.compile(r"(?i)(le|la|les) |l['’]")


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char)).casefold()


def resolve(mention):
    """Look a mention up the way the matcher is specified to: as written, then without its article;
    all-caps aliases case-sensitively, the others ignoring case and accents."""
    candidates = [mention, ARTICLE.sub("", mention, count=1)]
    for candidate in candidates:
        for row in ROWS:
            for alias in row["aliases"].split("|"):
                if alias == candidate if alias.isupper() else fold(alias) == fold(candidate):
                    return row
    return None


def test_shipped_file_passes_the_checker():
    assert checker.check(KB) == []


def test_checker_command_exits_zero_on_the_shipped_file(capsys):
    assert checker.main([str(KB)]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    "mentions, wikidata_id, country_code, kind",
    [
        (
            ["Daesh", "Daech", "EI", "État islamique", "l'État islamique", "Etat islamique", "ISIS", "EIIL", "Isis"],
            "Q2429253",
            "",
            "armed_group",
        ),
        (
            ["ONU", "Nations unies", "Organisation des Nations unies", "l'Organisation des Nations unies"],
            "Q1065",
            "",
            "international",
        ),
        (["OTAN", "Alliance atlantique", "l'Alliance atlantique"], "Q7184", "", "international"),
        (
            [
                "Département d'État américain",
                "Département d'Etat",
                "le Département d'Etat américain",
                "State Department",
            ],
            "Q789915",
            "US",
            "government",
        ),
        (["CIA", "la CIA"], "Q37230", "US", "government"),
        (["Interpol", "l'Interpol"], "Q8475", "", "international"),
        (["Al Ahdath Al Maghribia"], "", "MA", "media"),
        (["UE", "Union européenne", "l'Union européenne"], "Q458", "", "international"),
        (["DGST", "la DGST", "Direction générale de la surveillance du territoire"], "", "MA", "government"),
        (["Le Monde"], "Q12461", "FR", "media"),
    ],
)
def test_every_form_of_an_organisation_resolves_to_one_entry(mentions, wikidata_id, country_code, kind):
    entries = [resolve(mention) for mention in mentions]
    assert None not in entries, dict(zip(mentions, entries))
    assert len({entry["canonical"] for entry in entries}) == 1
    entry = entries[0]
    assert (entry["wikidata_id"], entry["country_code"], entry["type"]) == (wikidata_id, country_code, kind)


@pytest.mark.parametrize(
    "mention, country_code",
    [
        ("Guardia Civil", "ES"),
        ("Gendarmerie royale", "MA"),
        ("Gendarmerie royale du Canada", "CA"),
        ("Tsahal", "IL"),
        ("Gardiens de la révolution", "IR"),
        ("Bundeswehr", "DE"),
        ("Hezbollah", "LB"),
        ("PNAT", "FR"),
        ("Quai d'Orsay", "FR"),
        ("Sûreté de l'État", "BE"),
        ("Le Soir", "BE"),
        ("APS", "DZ"),
        ("Radio-Canada", "CA"),
    ],
)
def test_organisations_carry_their_home_country(mention, country_code):
    entry = resolve(mention)
    assert entry is not None and entry["country_code"] == country_code


@pytest.mark.parametrize(
    "word", ["orange", "total", "renaissance", "carrefour", "libération", "monde", "standard", "maroc", "Maroc"]
)
def test_ordinary_words_and_country_names_resolve_to_nothing(word):
    assert resolve(word) is None


def write_kb(tmp_path, *rows):
    header = KB.read_text(encoding="utf-8").split("canonical\t", 1)[0] + "\t".join(checker.COLUMNS) + "\n"
    path = tmp_path / "organisations.tsv"
    path.write_text(header + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


GOOD = ("Organisation des Nations unies", "Q1065", "", "international", "ONU|Nations unies", "wikidata")


@pytest.mark.parametrize(
    "row, problem",
    [
        (("Daesh", "2429253", "", "armed_group", "Daesh", "wikidata"), "not of the form Q<digits>"),
        (("CIA", "", "USA", "government", "CIA", "manual"), "not an ISO 3166-1 alpha-2 code"),
        (("CIA", "", "US", "agency", "CIA", "manual"), "type 'agency'"),
        (("Interpol", "", "FR", "international", "Interpol", "manual"), "no home country"),
        (("Nations unies bis", "", "", "international", "ONU", "manual"), "already claimed"),
        (("Royaume chérifien", "", "MA", "government", "Maroc", "manual"), "is a country name"),
        (("Les États-Unis", "", "US", "government", "États-Unis", "manual"), "is a country name"),
        (("Le Monde", "", "FR", "media", "le Monde", "manual"), "starts with an article"),
        (("Quai d'Orsay", "", "FR", "government", "Quai d’Orsay", "manual"), "write apostrophes as '"),
        (("CIA", "Q37230", "US", "government", "CIA", "manual"), "source must be 'wikidata'"),
        (("CIA", "Q37230", "US", "government", "CIA"), "5 columns"),
    ],
)
def test_checker_reports_each_broken_row(tmp_path, row, problem):
    problems = checker.check(write_kb(tmp_path, GOOD, row))
    assert len(problems) == 1 and problem in problems[0], problems


def test_checker_command_exits_one_with_a_line_per_problem(tmp_path, capsys):
    path = write_kb(tmp_path, GOOD, ("ONU bis", "Q1065", "XX", "international", "ONU", "wikidata"))
    assert checker.main([str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4, lines  # duplicate Q-id, unknown country, home country, alias claimed twice


def test_checker_requires_the_header_row(tmp_path):
    path = tmp_path / "organisations.tsv"
    path.write_text(
        "# Source: hand-made. Checked by check_organisations.py\n" + "\t".join(GOOD) + "\n", encoding="utf-8"
    )
    assert any("header row" in problem for problem in checker.check(path))
