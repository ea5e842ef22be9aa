"""Readers: every input form, doc_id rules, encodings and malformed records."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from extract.errors import UsageError
from extract.read import find_sources, read_articles


def articles(*inputs, **kwargs):
    return list(read_articles(list(inputs), **kwargs))


def test_txt_title_is_first_non_empty_line_and_id_is_relative_path(tmp_path):
    folder = tmp_path / "corpus" / "2019"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("\n\n  Le titre  \n\nLe corps du texte.", encoding="utf-8")
    [article] = articles(tmp_path / "corpus")
    assert article.doc_id == "2019/a"
    assert article.source_path == "2019/a.txt"
    assert article.title == "Le titre"
    assert article.text == "\n\n  Le titre  \n\nLe corps du texte."


def test_folder_walk_is_recursive_and_ignores_other_files(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "deep.txt").write_text("Texte.", encoding="utf-8")
    (tmp_path / "top.txt").write_text("Texte.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("pas un article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("caché", encoding="utf-8")
    assert [a.doc_id for a in articles(tmp_path)] == ["top", "x/y/deep"]


def test_jsonl_fields_and_fallback_ids(data_dir):
    found = articles(data_dir / "batch.jsonl")
    assert [a.doc_id for a in found] == ["alger-2019-03", "tunis-2019-10", "batch.jsonl:3"]
    assert found[0].published == "2019-03-08"
    assert found[0].title == "Manifestation à Alger"
    assert all(a.error is None for a in found)


def test_malformed_jsonl_lines_become_error_records(tmp_path):
    path = tmp_path / "mixed.ndjson"
    path.write_bytes(
        b'{"id": "ok", "text": "Bonjour."}\n'
        b"{not json\n"
        b'["a", "list"]\n'
        b'{"id": "n", "text": 42}\n'
        b'{"id": "l", "text": ["a"]}\n'
        b'{"id": "z", "text": null}\n'
        b'{"id": "d", "text": "Bonjour.", "published": "hier"}\n'
    )
    found = articles(path)
    assert [a.doc_id for a in found] == ["ok", "mixed.ndjson:2", "mixed.ndjson:3", "n", "l", "z", "d"]
    errors = [a.error for a in found]
    assert errors[0] is None
    assert "not valid JSON" in errors[1]
    assert "not an object" in errors[2]
    assert errors[3] == "text must be a string, got int"
    assert errors[4] == "text must be a string, got list"
    assert errors[5] == "text is missing"
    assert "invalid published date" in errors[6]


def test_duplicate_id_is_an_error_for_the_later_record(tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_text('{"id": "a", "text": "Un."}\n{"id": "a", "text": "Deux."}\n', encoding="utf-8")
    first, second = articles(path)
    assert first.error is None and first.text == "Un."
    assert second.doc_id == "a"
    assert second.error.startswith("duplicate id 'a'")


def test_csv_and_parquet_rows(tmp_path):
    frame = pd.DataFrame({"id": ["c1", None], "text": ["Le Maroc.", "La France."], "published": ["2020-01-01", None]})
    frame.to_csv(tmp_path / "t.csv", index=False)
    frame.to_parquet(tmp_path / "t.parquet")
    found = articles(tmp_path / "t.csv", published="2021-05-05")
    assert [(a.doc_id, a.text, a.published) for a in found] == [
        ("c1", "Le Maroc.", "2020-01-01"),
        ("t.csv:2", "La France.", "2021-05-05"),
    ]
    found = articles(tmp_path / "t.parquet")
    assert [(a.doc_id, a.text, a.published) for a in found] == [
        ("c1", "Le Maroc.", "2020-01-01"),
        ("t.parquet:2", "La France.", None),
    ]


def test_csv_without_text_column_is_a_usage_error(tmp_path):
    (tmp_path / "bad.csv").write_text("id,body\n1,Bonjour\n", encoding="utf-8")
    with pytest.raises(UsageError, match="no 'text' column"):
        articles(tmp_path / "bad.csv")


def test_html_main_text_and_title(tmp_path):
    page = """<html><head><title>Attentat à Strasbourg - Le Journal</title></head><body>
    <nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
    <article><h1>Attentat à Strasbourg</h1>
    <p>Un homme a ouvert le feu mardi soir sur le marché de Noël de Strasbourg, faisant plusieurs victimes.</p>
    <p>Le parquet antiterroriste a ouvert une enquête et les forces de l'ordre recherchent toujours le suspect.</p>
    <p>La ministre a annoncé un renforcement de la sécurité sur tous les marchés de Noël de France.</p>
    </article><footer>Mentions légales · Contact · Publicité</footer></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [article] = articles(tmp_path / "page.html")
    assert article.doc_id == "page"
    assert "ouvert le feu mardi soir" in article.text
    assert "Mentions légales" not in article.text
    assert "Strasbourg" in article.title


def test_stdin_jsonl():
    stream = io.BytesIO(json.dumps({"text": "Le Maroc."}).encode() + b"\n")
    [article] = articles("-", stdin=stream)
    assert (article.doc_id, article.source_path, article.text) == ("<stdin>:1", "-", "Le Maroc.")


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"Le Maroc et l'Espagne", "Le Maroc et l'Espagne"),
        (b"\xef\xbb\xbfLe Maroc", "Le Maroc"),
        ("Téhéran, l'été, «citation» — œuvre".encode("cp1252"), "Téhéran, l'été, «citation» — œuvre"),
        ("Les élèves étaient à Besançon pour la fête".encode("latin-1"), "Les élèves étaient à Besançon pour la fête"),
    ],
    ids=["utf8", "utf8-bom", "cp1252", "latin1"],
)
def test_text_encodings(tmp_path, raw, expected):
    (tmp_path / "a.txt").write_bytes(raw)
    [article] = articles(tmp_path / "a.txt")
    assert article.error is None
    assert article.text == expected


def test_mixed_encodings_in_one_jsonl_file(tmp_path):
    (tmp_path / "m.jsonl").write_bytes(
        '{"id": "u", "text": "Téhéran"}\n'.encode() + '{"id": "w", "text": "Téhéran"}\n'.encode("cp1252")
    )
    assert [a.text for a in articles(tmp_path / "m.jsonl")] == ["Téhéran", "Téhéran"]


@pytest.mark.parametrize(
    "raw",
    [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(256)) * 4],
    ids=["pdf", "png", "random-bytes"],
)
def test_binary_file_is_an_error_record(tmp_path, raw):
    (tmp_path / "b.txt").write_bytes(raw)
    [article] = articles(tmp_path / "b.txt")
    assert article.text is None
    assert article.error.startswith("not text")
    assert article.sha256 is not None


@pytest.mark.parametrize("bad", ["missing.txt", "nowhere/"])
def test_missing_input_is_a_usage_error(tmp_path, bad):
    with pytest.raises(UsageError, match="no such file or folder"):
        find_sources([tmp_path / bad])


def test_invalid_default_published_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("Texte.", encoding="utf-8")
    with pytest.raises(UsageError, match="^published: "):
        articles(tmp_path, published="17/12/2018")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_text_with_a_utf16_or_utf32_bom(tmp_path, encoding):
    (tmp_path / "a.txt").write_text("Titre\n\nLe Maroc a signé à Téhéran.", encoding=encoding)
    [article] = articles(tmp_path / "a.txt")
    assert article.error is None
    assert article.text == "Titre\n\nLe Maroc a signé à Téhéran."


def test_csv_exported_by_a_french_spreadsheet(tmp_path):
    # `;` separator and a BOM, as French spreadsheets export; UTF-16 as some others do
    content = 'id;title;text\r\nx1;Un titre;"Le Maroc et l\'Espagne; la suite"\r\n'
    (tmp_path / "semi.csv").write_bytes("\ufeff".encode("utf-8") + content.encode("utf-8"))
    (tmp_path / "u16.csv").write_text("id,text\nx2,Le Maroc\n", encoding="utf-16")
    found = articles(tmp_path / "semi.csv", tmp_path / "u16.csv")
    assert [(a.doc_id, a.title, a.text) for a in found] == [
        ("x1", "Un titre", "Le Maroc et l'Espagne; la suite"),
        ("x2", None, "Le Maroc"),
    ]


def test_csv_with_a_very_long_article(tmp_path):
    text = "Le Maroc a signé un accord. " * 10_000
    pd.DataFrame([{"id": "big", "text": text}]).to_csv(tmp_path / "big.csv", index=False)
    [article] = articles(tmp_path / "big.csv")
    assert article.error is None and article.text == text


def test_html_page_without_an_article_is_skipped(tmp_path):
    page = (
        "<html><head><title>Journal</title></head><body><nav>Accueil | Contact | Mentions légales</nav></body></html>"
    )
    (tmp_path / "empty.html").write_text(page, encoding="utf-8")
    [article] = articles(tmp_path / "empty.html")
    assert article.skipped == "no article text found in the page"


def test_html_date_comes_from_markup_not_from_a_copyright_year(tmp_path):
    body = (
        "<p>"
        + "Le Maroc et l'Espagne ont signé lundi à Rabat un accord de coopération sur les frontières. " * 3
        + "</p>"
    )
    (tmp_path / "nodate.html").write_text(
        f"<html><body><article>{body}</article><footer>© 2015 Journal</footer></body></html>", encoding="utf-8"
    )
    meta = '<meta property="article:published_time" content="2018-12-17T09:00:00+01:00">'
    (tmp_path / "dated.html").write_text(
        f"<html><head>{meta}</head><body><article>{body}</article></body></html>", encoding="utf-8"
    )
    dated, nodate = articles(tmp_path, published="2020-02-02")
    assert dated.published.startswith("2018-12-17")
    assert nodate.published == "2020-02-02"


def test_run_output_inside_the_input_folder_is_not_read_back(tmp_path):
    (tmp_path / "a.txt").write_text("Texte.", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mentions.csv").write_text("doc_id,start\n", encoding="utf-8")
    assert [s.relative for s in find_sources([tmp_path], exclude=[tmp_path / "out"])] == ["a.txt"]


def test_empty_default_published_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("Texte.", encoding="utf-8")
    with pytest.raises(UsageError, match="empty date"):
        articles(tmp_path, published=" ")
