"""Sentence starts fixed before the parser: paragraphs, headlines, closing punctuation."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, sentences",
    [
        (
            "Un titre sans point\n\nLes États-Unis ont signé un accord.",
            ["Un titre sans point", "Les États-Unis ont signé un accord."],
        ),
        (
            "M. Macron est venu à Paris. Il a signé.",
            ["M. Macron est venu à Paris.", "Il a signé."],
        ),
        (
            "Il a dit « non. » Puis il est parti.",
            ["Il a dit « non. »", "Puis il est parti."],
        ),
        (
            "Les talibans ont signé un accord\navec les États-Unis à Doha.",
            ["Les talibans ont signé un accord\navec les États-Unis à Doha."],
        ),
        (
            "Le sommet s'est ouvert.\nLes dirigeants sont arrivés.",
            ["Le sommet s'est ouvert.", "Les dirigeants sont arrivés."],
        ),
    ],
    ids=["headline", "abbreviation", "closing-quote", "hard-wrapped", "newline-after-period"],
)
def test_sentence_boundaries(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences
