"""Score time expressions against gold TIMEX3 annotations (the evaluation JSON Lines format (`id`, `text`, `entities`, `timex`, `doc_date`))."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from extract.evaluate.metrics import prf, ratio

COLUMNS = ["metric", "precision", "recall", "f1", "accuracy", "n_gold", "n_pred", "n_correct"]
TYPE_COLUMNS = ["type", "n_gold", "n_found", "recall", "n_valued", "n_value_ok", "value_accuracy"]
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


def score_timexes(gold: list[dict], pred: Mapping[str, list[dict]]) -> pd.DataFrame:
    """Extent and value scores of predicted time expressions, one row per metric set.

    Args:
        gold: records with `id`, `text` and `timex` `[[start, end, TYPE, value, tid], ...]`.
        pred: doc id → list of dicts with `start`, `end`, `type`, `value` (offsets into
            the same text). A document missing from `pred` counts as predicting nothing.

    Returns:
        A DataFrame with columns `metric, precision, recall, f1, accuracy, n_gold,
        n_pred, n_correct` and three rows:

        - `extent_strict`: a prediction is correct when its (start, end) equals a gold
          expression's. P = correct / predicted, R = correct / gold.
        - `extent_relaxed`: predictions and gold expressions of a document are paired
          one-to-one when they overlap by at least one character (largest overlap
          first, then earliest); P, R and F1 count the pairs. `accuracy` is the share
          of pairs whose TIMEX3 type also agrees.
        - `value`: over the relaxed pairs. `accuracy` (value accuracy) is the share of
          pairs whose gold value is not null and whose values are equal, out of pairs
          with a non-null gold value; P/R/F1 (value F1) count a prediction as correct
          when it is paired and its value equals the gold value, out of all
          predictions and all gold expressions with a value.

        Only documents in `gold` are scored.
    """
    totals = {
        "gold": 0,
        "pred": 0,
        "strict": 0,
        "pairs": 0,
        "type_ok": 0,
        "valued_pairs": 0,
        "value_ok": 0,
        "gold_valued": 0,
    }
    for record in gold:
        gold_spans = [(int(s), int(e), str(t), v) for s, e, t, v, *_ in record.get("timex") or []]
        predicted = [
            (int(p["start"]), int(p["end"]), str(p.get("type", "")), p.get("value")) for p in pred.get(record["id"], [])
        ]
        totals["gold"] += len(gold_spans)
        totals["pred"] += len(predicted)
        totals["gold_valued"] += sum(1 for g in gold_spans if g[3] is not None)
        gold_extents = {(g[0], g[1]) for g in gold_spans}
        totals["strict"] += len({(p[0], p[1]) for p in predicted} & gold_extents)
        for g, p in pair_by_overlap(gold_spans, predicted):
            totals["pairs"] += 1
            totals["type_ok"] += g[2] == p[2]
            if g[3] is not None:
                totals["valued_pairs"] += 1
                totals["value_ok"] += str(g[3]) == str(p[3])
    rows = [
        row("extent_strict", totals["strict"], totals["pred"], totals["strict"], totals["gold"], None),
        row(
            "extent_relaxed",
            totals["pairs"],
            totals["pred"],
            totals["pairs"],
            totals["gold"],
            ratio(totals["type_ok"], totals["pairs"]),
        ),
        row(
            "value",
            totals["value_ok"],
            totals["pred"],
            totals["value_ok"],
            totals["gold_valued"],
            ratio(totals["value_ok"], totals["valued_pairs"]),
        ),
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def recall_by_type(gold: list[dict], pred: Mapping[str, list[dict]]) -> pd.DataFrame:
    """Relaxed recall and value accuracy per gold TIMEX3 type, over the pairs of `score_timexes`.

    One row per type (`DATE`, `TIME`, `DURATION`, `SET`, then any other type the gold
    uses, then `all`): `n_gold` gold expressions of that type, `n_found` paired with a
    prediction (overlap, one to one), `recall` = n_found / n_gold; `n_valued` of the
    found ones have a gold value, `n_value_ok` of those got it, `value_accuracy` =
    n_value_ok / n_valued. A missed expression of a type shows which rules are missing.
    """
    counts: dict[str, list[int]] = {}
    for record in gold:
        gold_spans = [(int(s), int(e), str(t), v) for s, e, t, v, *_ in record.get("timex") or []]
        predicted = [
            (int(p["start"]), int(p["end"]), str(p.get("type", "")), p.get("value")) for p in pred.get(record["id"], [])
        ]
        for g in gold_spans:
            counts.setdefault(g[2], [0, 0, 0, 0])[0] += 1
        for g, p in pair_by_overlap(gold_spans, predicted):
            row_counts = counts[g[2]]
            row_counts[1] += 1
            if g[3] is not None:
                row_counts[2] += 1
                row_counts[3] += str(g[3]) == str(p[3])
    order = [t for t in TIMEX_TYPES if t in counts] + sorted(set(counts) - set(TIMEX_TYPES))
    totals = [sum(counts[t][i] for t in order) for i in range(4)]
    rows = [
        {
            "type": name,
            "n_gold": n_gold,
            "n_found": n_found,
            "recall": ratio(n_found, n_gold),
            "n_valued": n_valued,
            "n_value_ok": n_ok,
            "value_accuracy": ratio(n_ok, n_valued),
        }
        for name, (n_gold, n_found, n_valued, n_ok) in [(t, counts[t]) for t in order] + [("all", totals)]
    ]
    return pd.DataFrame(rows, columns=TYPE_COLUMNS)


def pair_by_overlap(gold: list[tuple], pred: list[tuple]) -> Iterable[tuple[tuple, tuple]]:
    """One-to-one pairs of overlapping (start, end, ...) spans, largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g[1], p[1]) - max(g[0], p[0])
            if overlap > 0:
                candidates.append((-overlap, g[0], p[0], gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, _, _, gi, pi in sorted(candidates):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        yield gold[gi], pred[pi]


def row(metric: str, correct_p: int, n_pred: int, correct_r: int, n_gold: int, accuracy: float | None) -> dict:
    precision, recall, f1 = prf(correct_p, n_pred, correct_r, n_gold)
    return {
        "metric": metric,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": accuracy,
        "n_gold": n_gold,
        "n_pred": n_pred,
        "n_correct": correct_r,
    }
