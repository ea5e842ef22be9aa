"""Precision, recall and F1: the one definition every score in `extract evaluate` uses."""

from __future__ import annotations


def ratio(part: int, whole: int) -> float:
    """`part / whole`, 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(correct_predicted: int, n_predicted: int, correct_gold: int, n_gold: int) -> tuple[float, float, float]:
    """(precision, recall, F1) from the right predictions and the found gold items.

    The two counts differ where one gold item can match several predictions
    (or the reverse); for one-to-one matches pass the same number twice.
    """
    precision, recall = ratio(correct_predicted, n_predicted), ratio(correct_gold, n_gold)
    return precision, recall, f1(precision, recall)
