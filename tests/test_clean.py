"""Cleaning for the model, and the offset map back to the text as read."""

from __future__ import annotations

import unicodedata

import pytest

from extract.pipeline.clean import blank_boilerplate, chunks, prepare


@pytest.mark.parametrize(
    "text, word",
    [
        ("Le\u200b Maroc a signé.", "Maroc"),
        ("Le Ma\u200broc a signé.", "Ma\u200broc"),
        (unicodedata.normalize("NFD", "À Téhéran, l'été."), unicodedata.normalize("NFD", "Téhéran")),
        ("Le\u00a0Maroc\u202fet\u200fla France", "France"),
        ("Ligne un\r\nLe Maroc\r\n", "Maroc"),
        ("a\x00b Maroc", "Maroc"),
    ],
    ids=["zero-width-between", "zero-width-inside", "nfd", "nbsp-rlm", "crlf", "nul"],
)
def test_cleaned_spans_map_back_to_the_original(text, word):
    prepared = prepare(text)
    clean_word = unicodedata.normalize("NFC", word.replace("\u200b", ""))
    start = prepared.text.index(clean_word)
    orig_start, orig_end = prepared.to_original(start, start + len(clean_word))
    assert text[orig_start:orig_end] == word


def test_clean_text_is_composed_and_free_of_format_characters():
    prepared = prepare(unicodedata.normalize("NFD", "Le\u200b Maroc et Téhéran"))
    assert prepared.text == "Le Maroc et Téhéran"


def test_text_without_changes_keeps_identity_offsets():
    prepared = prepare("Le Maroc et l'Espagne.")
    assert prepared.starts is None
    assert prepared.to_original(3, 8) == (3, 8)


def test_repeated_title_and_trailing_debris_are_blanked():
    text = "Un titre ici\n\nUn titre ici\n\nLe corps. Fin.\n\nMN\n\nCommentaires"
    blanked = blank_boilerplate(text)
    assert len(blanked) == len(text)
    assert blanked.startswith("Un titre ici\n\n            \n\nLe corps. Fin.")
    assert "MN" not in blanked and "Commentaires" not in blanked


def test_last_real_paragraph_is_not_blanked():
    text = "Titre\n\nCorps du texte.\n\nLe Maroc a réagi."
    assert blank_boilerplate(text) == text


def test_paragraph_cut_mid_sentence_is_joined():
    text = "un avertissement adressé par...\n\nla CIA aux voyageurs."
    cleaned = prepare(text).text
    assert "\n" not in cleaned and "..." not in cleaned
    assert len(cleaned) == len(text)
    assert "Fin.\n\nla suite" == prepare("Fin.\n\nla suite").text


def test_chunks_cut_at_paragraphs_and_cover_the_text():
    text = ("Un paragraphe assez long. " * 20 + "\n\n") * 30
    pieces = chunks(text, 2000)
    assert len(pieces) > 1
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 2000 for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert all(piece.endswith("\n\n") for _, piece in pieces[:-1])


def test_chunks_fall_back_to_a_hard_cut():
    pieces = chunks("x" * 2500, 1000)
    assert [len(p) for _, p in pieces] == [1000, 1000, 500]
