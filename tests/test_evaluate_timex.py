"""score_timexes: extent (strict, relaxed one-to-one) and value scores of time expressions."""

from __future__ import annotations

import pytest

from extract.evaluate.timex import score_timexes

TEXT = "Il est venu le 3 mars 2019 et repartira demain soir, trois jours plus tard."
#        0         1         2         3         4         5         6         7
#        0123456789012345678901234567890123456789012345678901234567890123456789012345
LE_3_MARS = [12, 26, "DATE", "2019-03-03", "t1"]  # "le 3 mars 2019"
DEMAIN_SOIR = [40, 51, "TIME", "2019-03-04TEV", "t2"]  # "demain soir"
TROIS_JOURS = [53, 74, "DATE", "2019-03-06", "t3"]  # "trois jours plus tard"


def gold(*timexes):
    return [{"id": "d1", "text": TEXT, "timex": list(timexes), "doc_date": "2019-03-03"}]


def pred(*rows):
    return {"d1": [{"start": s, "end": e, "type": t, "value": v} for s, e, t, v in rows]}


def scores(table):
    return {
        row.metric: (
            round(row.precision, 3),
            round(row.recall, 3),
            round(row.f1, 3),
            None if row.accuracy is None or row.accuracy != row.accuracy else round(row.accuracy, 3),
        )
        for row in table.itertuples()
    }


CASES = [
    pytest.param(
        gold(LE_3_MARS, DEMAIN_SOIR),
        pred((12, 26, "DATE", "2019-03-03"), (40, 51, "TIME", "2019-03-04TEV")),
        {"extent_strict": (1.0, 1.0, 1.0, None), "extent_relaxed": (1.0, 1.0, 1.0, 1.0), "value": (1.0, 1.0, 1.0, 1.0)},
        id="perfect",
    ),
    pytest.param(
        gold(LE_3_MARS),
        pred((15, 21, "DATE", "2019-03-03")),  # "3 mars": overlaps, not exact
        {"extent_strict": (0.0, 0.0, 0.0, None), "extent_relaxed": (1.0, 1.0, 1.0, 1.0), "value": (1.0, 1.0, 1.0, 1.0)},
        id="overlap-counts-relaxed-only",
    ),
    pytest.param(
        gold(LE_3_MARS),
        pred((12, 21, "DATE", "2019-03-03"), (22, 26, "DATE", "2019")),  # "le 3 mars" + "2019"
        {
            "extent_strict": (0.0, 0.0, 0.0, None),
            "extent_relaxed": (0.5, 1.0, 0.667, 1.0),
            "value": (0.5, 1.0, 0.667, 1.0),
        },
        id="one-to-one-largest-overlap-wins",
    ),
    pytest.param(
        gold(LE_3_MARS, DEMAIN_SOIR),
        pred((12, 26, "DATE", "2018-03-03"), (40, 51, "DATE", "2019-03-04TEV")),
        {"extent_strict": (1.0, 1.0, 1.0, None), "extent_relaxed": (1.0, 1.0, 1.0, 0.5), "value": (0.5, 0.5, 0.5, 0.5)},
        id="wrong-value-and-wrong-type",
    ),
    pytest.param(
        gold(LE_3_MARS, DEMAIN_SOIR, TROIS_JOURS),
        pred((40, 51, "TIME", "2019-03-04TEV"), (0, 2, "DATE", "2019")),
        {
            "extent_strict": (0.5, 0.333, 0.4, None),
            "extent_relaxed": (0.5, 0.333, 0.4, 1.0),
            "value": (0.5, 0.333, 0.4, 1.0),
        },
        id="misses-and-false-alarms",
    ),
    pytest.param(
        gold([12, 26, "DATE", None, "t1"], DEMAIN_SOIR),
        pred((12, 26, "DATE", "2019-03-03"), (40, 51, "TIME", "2019-03-04TEV")),
        {
            "extent_strict": (1.0, 1.0, 1.0, None),
            "extent_relaxed": (1.0, 1.0, 1.0, 1.0),
            "value": (0.5, 1.0, 0.667, 1.0),
        },
        id="gold-without-value-left-out-of-value-recall-and-accuracy",
    ),
    pytest.param(
        gold(LE_3_MARS),
        {},
        {"extent_strict": (0.0, 0.0, 0.0, None), "extent_relaxed": (0.0, 0.0, 0.0, 0.0), "value": (0.0, 0.0, 0.0, 0.0)},
        id="document-without-predictions",
    ),
]


@pytest.mark.parametrize(("gold_records", "predicted", "expected"), CASES)
def test_score_timexes(gold_records, predicted, expected):
    assert scores(score_timexes(gold_records, predicted)) == expected


def test_score_timexes_counts_and_columns():
    table = score_timexes(gold(LE_3_MARS, DEMAIN_SOIR), pred((12, 26, "DATE", "2019-03-03")))
    assert list(table.columns) == ["metric", "precision", "recall", "f1", "accuracy", "n_gold", "n_pred", "n_correct"]
    assert table.set_index("metric").loc["extent_relaxed", ["n_gold", "n_pred", "n_correct"]].tolist() == [2, 1, 1]


def test_score_timexes_ignores_predictions_for_documents_not_in_gold():
    predicted = pred((12, 26, "DATE", "2019-03-03")) | {"other": [{"start": 0, "end": 2, "type": "DATE", "value": "X"}]}
    assert scores(score_timexes(gold(LE_3_MARS), predicted))["extent_strict"] == (1.0, 1.0, 1.0, None)


def test_recall_by_type_counts_found_and_right_values_per_gold_type():
    from extract.evaluate.timex import recall_by_type

    table = recall_by_type(
        gold(LE_3_MARS, DEMAIN_SOIR, TROIS_JOURS),
        pred((12, 26, "DATE", "2019-03-03"), (53, 60, "DURATION", "P3D")),  # "trois jours" found, wrong value
    )
    rows = {r.type: (r.n_gold, r.n_found, round(r.recall, 3), r.n_value_ok) for r in table.itertuples()}
    assert list(table.columns) == ["type", "n_gold", "n_found", "recall", "n_valued", "n_value_ok", "value_accuracy"]
    assert rows == {"DATE": (2, 2, 1.0, 1), "TIME": (1, 0, 0.0, 0), "all": (3, 2, 0.667, 1)}
