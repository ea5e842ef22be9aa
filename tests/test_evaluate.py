"""Scoring mentions against gold spans."""

from __future__ import annotations

import pytest

from extract.evaluate.mentions import score_mentions


def test_exact_span_scores_per_label_and_overall():
    gold = {"d": {(0, 5, "LOC"), (10, 15, "ORG"), (20, 25, "PER")}}
    pred = {"d": {(0, 5, "LOC"), (10, 14, "ORG"), (20, 25, "LOC")}}
    scores = score_mentions(gold, pred, system="x").set_index("label")
    assert scores.loc["LOC", "precision"] == pytest.approx(0.5)
    assert scores.loc["LOC", "recall"] == pytest.approx(1.0)
    assert scores.loc["ORG", "f1"] == 0.0
    assert scores.loc["PER", "recall"] == 0.0
    overall = scores.loc["LOC+ORG+PER"]
    assert (overall.correct, overall.gold, overall.predicted) == (1, 3, 3)
    assert overall.f1 == pytest.approx(1 / 3)


def test_documents_missing_from_predictions_count_as_misses():
    scores = score_mentions({"a": {(0, 1, "PER")}, "b": {(0, 1, "PER")}}, {"a": {(0, 1, "PER")}}, system="x")
    assert scores.set_index("label").loc["PER", "recall"] == pytest.approx(0.5)
