"""Score the stories of a run against a hand-made clustering: pairwise precision and recall.

A gold file holds one story per line: `{"story": name, "mentions": [[doc_id, trigger, n], ...]}`
(`n`, the n-th mention with that trigger text in the article, defaults to 1). A
pair of gold mentions is *predicted* together when the run gives them one
`story_id`, and *gold* together when they are in one gold story; precision is
the share of predicted pairs that are gold, recall the share of gold pairs
predicted. A gold mention the run did not find is in no predicted pair (it
costs recall); run mentions the gold does not list are reported, not scored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import pandas as pd

GoldKey = tuple[str, str, int]  # doc_id, trigger as written, n-th of that trigger in the article


@dataclass
class StoryScores:
    precision: float
    recall: float
    f1: float
    predicted_pairs: int
    gold_pairs: int
    correct_pairs: int
    missing: list[GoldKey] = field(default_factory=list)  # gold mentions the run did not find
    unlisted: list[GoldKey] = field(default_factory=list)  # run mentions the gold does not list


def load_gold(path: str | Path) -> dict[GoldKey, str]:
    """Gold mention → its gold story name."""
    gold: dict[GoldKey, str] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            for doc_id, trigger, *n in record["mentions"]:
                gold[(doc_id, trigger, n[0] if n else 1)] = record["story"]
    return gold


def predicted_stories(events: pd.DataFrame) -> dict[GoldKey, str | None]:
    """Each event mention of the run, keyed as in the gold, → its `story_id`."""
    seen: dict[tuple[str, str], int] = {}
    found: dict[GoldKey, str | None] = {}
    for doc_id, trigger, story in zip(events["doc_id"], events["trigger"], events["story_id"]):
        n = seen[(doc_id, trigger)] = seen.get((doc_id, trigger), 0) + 1
        found[(str(doc_id), str(trigger), n)] = None if pd.isna(story) else str(story)
    return found


def score_stories(events: pd.DataFrame, gold: dict[GoldKey, str]) -> StoryScores:
    """Pairwise precision and recall of the run's `story_id`s against `gold`."""
    found = predicted_stories(events)
    keys = sorted(gold)
    predicted = correct = gold_pairs = 0
    for a, b in combinations(keys, 2):
        same_gold = gold[a] == gold[b]
        sa, sb = found.get(a), found.get(b)
        same_run = sa is not None and sa == sb
        gold_pairs += same_gold
        predicted += same_run
        correct += same_gold and same_run
    precision = correct / predicted if predicted else 1.0
    recall = correct / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return StoryScores(
        precision,
        recall,
        f1,
        predicted,
        gold_pairs,
        correct,
        missing=[k for k in keys if k not in found],
        unlisted=[k for k in found if k not in gold],
    )
