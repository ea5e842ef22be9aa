"""Speed-ups of the model's components leave their output unchanged."""

from __future__ import annotations

import pytest
import spacy

from extract.pipeline import DEFAULT_MODEL
from extract.pipeline.speed import IndexedWords, index_lemma_tables

TEXTS = [
    "Les policiers marocains ont interpellé lundi trois suspects soupçonnés de préparer des attentats.",
    "Les dirigeants européens se réuniront jeudi à Bruxelles ; ils signeraient un accord sur les frontières.",
    "Des inondations ont ravagé les villages côtiers, où les secours recherchaient encore des disparus.",
]


@pytest.fixture(scope="module")
def stock():
    return spacy.load(DEFAULT_MODEL, exclude=["ner"])


@pytest.fixture(scope="module")
def fast():
    return index_lemma_tables(spacy.load(DEFAULT_MODEL, exclude=["ner"]))


@pytest.mark.parametrize("text", TEXTS)
def test_indexed_lemma_tables_give_the_same_lemmas(stock, fast, text):
    assert [token.lemma_ for token in fast(text)] == [token.lemma_ for token in stock(text)]


def test_lemma_index_becomes_sets(nlp):
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert table and all(isinstance(words, IndexedWords) for words in table.values())
