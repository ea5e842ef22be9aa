import pytest

from extract.evaluate.metrics import f1, prf, ratio


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((3, 4, 3, 6), (0.75, 0.5, 0.6)),  # 3 of 4 predictions right, 3 of 6 gold found
        ((0, 0, 0, 5), (0.0, 0.0, 0.0)),  # nothing predicted
        ((2, 2, 1, 1), (1.0, 1.0, 1.0)),  # two predictions matching the one gold item
        ((0, 3, 0, 0), (0.0, 0.0, 0.0)),  # no gold at all
    ],
)
def test_prf(counts, expected):
    assert prf(*counts) == pytest.approx(expected)


def test_ratio_and_f1_of_nothing_are_zero():
    assert ratio(1, 0) == 0.0 and f1(0.0, 0.0) == 0.0
