"""Time expressions on the held-out articles of tests/data/timex-heldout and timex-heldout2 (issue 14).

The eight articles of timex-heldout and their gold were written by hand before the rules
of issue 14 changed, and the rules were not tuned to them. Measured when they were done:
value F1 0.984 (0.896 before). The six of timex-heldout2 were written before the second
session's rules (the present tense, the cut-off) and measured once when they were done:
0.944; two of its three misses showed the passé simple look-alike ("se réunit"), fixed
since as a class, so its 0.981 now flatters. The floor leaves room for one or two more
misses, not for a regression. Scoring follows the realnews gold format: a gold expression is found when a
predicted one contains it or is contained in it (case and accents folded) with an
accepted value ('*' = prefix); `timex_ok` texts are neither required nor penalised.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest

FLOOR = 0.95


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def overlaps(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return a in b or b in a


def accepted(value: str, values: list[str]) -> bool:
    return any(value.startswith(v[:-1]) if v.endswith("*") else value == v for v in values)


def value_f1(gold: dict, predicted: dict[str, list[tuple[str, str]]]) -> tuple[float, list[str]]:
    """Value F1 over the documents of `gold`, and what went wrong, for the failure message."""
    found = expected = scored = 0
    wrong: list[str] = []
    for doc_id, entry in gold.items():
        rows = predicted.get(doc_id, [])
        used: set[int] = set()
        for text, values in entry["timex"]:
            expected += 1
            hit = next(
                (k for k, (t, v) in enumerate(rows) if k not in used and overlaps(text, t) and accepted(v, values)),
                None,
            )
            if hit is None:
                wrong.append(f"{doc_id}: {text!r} {values}")
            else:
                used.add(hit)
                found += 1
        for k, (t, v) in enumerate(rows):
            if k not in used and not any(overlaps(ok, t) for ok in entry.get("timex_ok", [])):
                scored += 1
                if not any(overlaps(text, t) for text, _ in entry["timex"]):
                    wrong.append(f"{doc_id}: false {t!r} {v}")
    precision = found / (found + scored) if found + scored else 0.0
    recall = found / expected if expected else 0.0
    return (2 * precision * recall / (precision + recall) if precision + recall else 0.0), wrong


SETS = {"timex-heldout": 8, "timex-heldout2": 6}  # folder → number of articles


@pytest.fixture(scope="module", params=sorted(SETS))
def heldout(data_dir, request):
    folder = data_dir / request.param
    articles = [json.loads(line) for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["docs"]
    assert len(articles) == SETS[request.param]
    return articles, gold


def test_timex_heldout_articles_have_gold(heldout):
    articles, gold = heldout
    assert {a["id"] for a in articles} == set(gold)
    for article in articles:
        for text, values in gold[article["id"]]["timex"]:
            assert text in article["text"] and values


def test_timex_heldout_value_f1_stays_above_its_floor(nlp, heldout):
    articles, gold = heldout
    predicted = {}
    for article in articles:
        doc = nlp.make_doc(article["text"])
        doc._.published = dt.date.fromisoformat(article["published"])
        doc = nlp(doc)
        predicted[article["id"]] = [(article["text"][t.start : t.end], t.value) for t in doc._.timexes]
    f1, wrong = value_f1(gold, predicted)
    assert f1 >= FLOOR, f"held-out value F1 {f1:.3f} < {FLOOR}: " + "; ".join(wrong)
