"""The hostile battery: what scrapers really produce, in one run over one folder.

Every input record must end as exactly one `documents` row with a clear status,
every offset must point into the text as read, and names must still resolve
through zero-width characters, decomposed accents and odd spaces.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from conftest import read_table
from extract.run import run

BODY = "Le Maroc et la France ont signé un accord à Rabat, a annoncé le ministère."


@pytest.fixture(scope="module")
def battery(tmp_path_factory, nlp):
    src = tmp_path_factory.mktemp("hostile")
    (src / "zero-width.txt").write_text(
        "Titre\n\nLe\u200b Maroc et l'Alg\u200ce\u0301rie ont signé un accord.", encoding="utf-8"
    )
    (src / "nfd.txt").write_text(
        unicodedata.normalize("NFD", "Titre\n\nLe ministre est arrivé à Téhéran lundi."), encoding="utf-8"
    )
    (src / "crlf.txt").write_bytes("Titre\r\n\r\nLe Maroc et la Belgique coopèrent.\r\n".encode())
    (src / "nul.txt").write_bytes("Titre\n\nLe Maroc\x00 et l'Espagne ont signé un accord.".encode())
    (src / "rtl-nbsp.txt").write_text(
        "Titre\n\nLe\u00a0Maroc\u200f et\u202fl\u2019Espagne ont signé.", encoding="utf-8"
    )
    (src / "cp1252.txt").write_bytes("Titre\n\nLe président a quitté Téhéran pour l'Algérie.".encode("cp1252"))
    (src / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(200)))
    (src / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (src / "english.txt").write_text(
        "The ministers of Morocco and Spain signed an agreement on Tuesday in Rabat, the ministry said in a statement.",
        encoding="utf-8",
    )
    (src / "german.txt").write_text(
        "Die Außenminister Marokkos und Spaniens haben am Dienstag in Rabat ein Abkommen unterzeichnet, teilte das Ministerium mit.",
        encoding="utf-8",
    )
    (src / "empty.txt").write_text("\n \n", encoding="utf-8")
    records = [
        {"id": "number", "text": 12},
        {"id": "null", "text": None},
        {"id": "list", "text": ["Le Maroc"]},
        {"id": "bad-date", "text": BODY, "published": "32/13/2018"},
        {"id": "good", "text": BODY, "published": "2018-12-17T08:30:00+01:00"},
        {"id": "good", "text": BODY},
    ]
    lines = [json.dumps(r) for r in records] + ["{truncated", '"a string"']
    (src / "records.jsonl").write_bytes(
        ("\n".join(lines) + "\n").encode("utf-8") + '{"id": "latin", "text": "À Téhéran"}\n'.encode("cp1252")
    )
    long_text = (
        "Le Maroc a signé.\n\n"
        + ("\n" * 1_200_000)
        + "La Belgique et Interpol coopèrent à Bruxelles.\n\n"
        + "\n" * 300_000
    )
    (src / "long.txt").write_text(long_text, encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile-out")
    summary = run([src], out=out)
    texts = {p.stem: p for p in src.iterdir()}
    return summary, out, texts, long_text


def _documents(out):
    return read_table(out, "documents").set_index("doc_id", drop=False)


def test_one_documents_row_per_record(battery):
    summary, out, texts, _ = battery
    documents = read_table(out, "documents")
    # 12 one-article files + 9 JSON lines
    assert len(documents) == 12 + 9 == summary.documents
    assert summary.exit_code == 1


@pytest.mark.parametrize(
    "doc_id, status, error",
    [
        ("binary", "error", "not text: an executable"),
        ("image", "error", "not text: a PNG image"),
        ("english", "skipped", "not French (detected English)"),
        ("german", "skipped", "not French (detected German)"),
        ("empty", "skipped", "empty text"),
        ("number", "error", "text must be a string, got int"),
        ("null", "error", "text is missing"),
        ("list", "error", "text must be a string, got list"),
        ("bad-date", "error", "invalid published date '32/13/2018' (expected ISO 8601, e.g. 2018-12-17)"),
        ("records.jsonl:7", "error", "line 7 is not valid JSON (Expecting property name enclosed in double quotes)"),
        ("records.jsonl:8", "error", "line 8 is a JSON str, not an object"),
        ("latin", "ok", None),
        ("long", "ok", None),
    ],
)
def test_status_and_one_line_reason(battery, doc_id, status, error):
    _, out, _, _ = battery
    row = _documents(out).loc[doc_id]
    assert row.status == status
    assert (row.error if isinstance(row.error, str) else None) == error
    if error:
        assert "\n" not in error


def test_duplicate_id_keeps_the_first_and_flags_the_second(battery):
    _, out, _, _ = battery
    rows = read_table(out, "documents").query("doc_id == 'good'")
    assert rows.status.tolist() == ["ok", "error"]
    assert rows.error.iloc[1].startswith("duplicate id 'good'")
    assert rows.published.iloc[0] == "2018-12-17T08:30:00+01:00"


@pytest.mark.parametrize(
    "doc_id, codes",
    [
        ("zero-width", {"MA", "DZ"}),
        ("nfd", {"IR"}),
        ("crlf", {"MA", "BE"}),
        ("nul", {"MA", "ES"}),
        ("rtl-nbsp", {"MA", "ES"}),
        ("cp1252", {"IR", "DZ"}),
    ],
)
def test_names_resolve_through_hostile_characters(battery, doc_id, codes):
    _, out, texts, _ = battery
    mentions = read_table(out, "mentions").query("doc_id == @doc_id")
    assert codes <= set(mentions.country_code.dropna())
    text = texts[doc_id].read_bytes()
    from extract.read.decode import decode

    original = decode(text)
    for row in mentions.itertuples():
        assert original[row.start : row.end] == row.text


def test_mentions_past_the_first_million_characters(battery):
    _, out, _, long_text = battery
    mentions = read_table(out, "mentions").query("doc_id == 'long'")
    late = mentions[mentions.start > 1_000_000]
    assert {"Belgique", "Interpol", "Bruxelles"} <= set(late.text)
    for row in mentions.itertuples():
        assert long_text[row.start : row.end] == row.text
    assert _documents(out).loc["long", "n_chars"] == len(long_text)
