"""Exact-span scores of entity mentions against gold LOC/ORG/PER/MISC spans."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from extract.evaluate.metrics import prf

LABELS = ("LOC", "ORG", "PER", "MISC")
# Our kinds as the gold corpora label them. Nationalities ("les Américains",
# "marocains") are not named entities in Sequoia or HIPE, so they are not scored.
GOLD_LABEL_OF_KIND = {
    "country": "LOC",
    "place": "LOC",
    "organisation": "ORG",
    "person": "PER",
    "other": "MISC",
}

Spans = dict[str, set[tuple[int, int, str]]]


def gold_spans(records: list[dict]) -> Spans:
    return {str(r["id"]): {(int(s), int(e), str(label)) for s, e, label in r.get("entities") or ()} for r in records}


def score_mentions(gold: Spans, pred: Spans, *, system: str) -> pd.DataFrame:
    """Precision, recall and F1 per label, over LOC/ORG/PER, and over all labels (micro-averaged).

    A predicted span counts only if its start, end and label all equal a gold span's.
    """
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for doc_id, spans in gold.items():
        predicted = pred.get(doc_id, set())
        for _, _, label in spans:
            n_gold[label] += 1
        for _, _, label in predicted:
            n_pred[label] += 1
        for _, _, label in spans & predicted:
            tp[label] += 1
    rows = []
    groups = [(label, (label,)) for label in LABELS] + [("LOC+ORG+PER", ("LOC", "ORG", "PER")), ("all", LABELS)]
    for name, labels in groups:
        t = sum(tp[label] for label in labels)
        g = sum(n_gold[label] for label in labels)
        p = sum(n_pred[label] for label in labels)
        precision, recall, f1 = prf(t, p, t, g)
        rows.append(
            {
                "system": system,
                "label": name,
                "precision": precision,
                "recall": recall,
                "f1": f1,
                "gold": g,
                "predicted": p,
                "correct": t,
            }
        )
    return pd.DataFrame(rows)
