"""Score the events component on hand-written articles with hand-written expectations.

The articles (`tests/data/heldout/articles.jsonl`) and what each must and must
not yield (`tests/data/heldout/expected.json`, format in its `_format` key)
were written before reading the trigger lexicon and the rules, so that the
figures measure how the component generalises rather than how well it fits
its own tests.

Figures printed:
- dated recall: expected events whose date is required (null not acceptable)
  matched one-to-one by an output with an acceptable category and date;
- dated precision: outputs with a date that agree in category and date with
  some expected event of the article (two mentions of one event both count);
- category recall: expected events matched one-to-one on category alone;
- must-not false positives: outputs whose trigger overlaps a must-not phrase.

Outputs are the asserted and planned events, as every view shows them: a negated,
hypothetical or generic row is the component saying the event did not happen.

A day value accepts the same day with a part of day or a clock time
(`2021-01-15` accepts `2021-01-15TMO`, `2021-01-15T07:00`).

Example:
    python benchmarks/events_heldout.py
    python benchmarks/events_heldout.py data/raw/demo.jsonl ../notes/demo-expected.json -v
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES = ROOT / "tests" / "data" / "heldout" / "articles.jsonl"
DEFAULT_EXPECTED = ROOT / "tests" / "data" / "heldout" / "expected.json"


@dataclass
class Scores:
    dated_expected: int = 0
    dated_found: int = 0
    dated_outputs: int = 0
    dated_outputs_right: int = 0
    expected: int = 0
    category_found: int = 0
    must_not_hits: int = 0
    place_checked: int = 0
    place_right: int = 0
    actors_checked: int = 0
    actors_right: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def dated_recall(self) -> float:
        return self.dated_found / self.dated_expected if self.dated_expected else 0.0

    @property
    def dated_precision(self) -> float:
        return self.dated_outputs_right / self.dated_outputs if self.dated_outputs else 0.0

    @property
    def category_recall(self) -> float:
        return self.category_found / self.expected if self.expected else 0.0


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def date_accepted(output: str, accepted: list) -> bool:
    """Whether an output date value (empty = undated) is among the accepted ones."""
    for value in accepted:
        if value is None:
            if not output:
                return True
        elif output == value or (len(value) == 10 and output.startswith(value + "T")):
            return True
    return False


def requires_date(event: dict) -> bool:
    return None not in _as_list(event["date"])


def agrees(output, event: dict) -> bool:
    return output.category in _as_list(event["category"]) and date_accepted(output.date_value, _as_list(event["date"]))


SHOWN = ("asserted", "planned")


def score_article(doc, expectation: dict, scores: Scores, doc_id: str) -> None:
    events = [e for e in doc._.events or [] if e.modality in SHOWN]
    expected = expectation["events"]
    scores.expected += len(expected)
    # One-to-one on category and date, the events whose date is required first.
    used: set[int] = set()
    for event in sorted(expected, key=lambda e: not requires_date(e)):
        match = next((i for i, out in enumerate(events) if i not in used and agrees(out, event)), None)
        if requires_date(event):
            scores.dated_expected += 1
        if match is None:
            if requires_date(event):
                scores.notes.append(f"{doc_id}: missed {event['trigger']!r} {event['category']} {event['date']}")
            continue
        used.add(match)
        if requires_date(event):
            scores.dated_found += 1
        out = events[match]
        if event.get("place"):
            scores.place_checked += 1
            scores.place_right += out.place_country_code == event["place"]
            if out.place_country_code != event["place"]:
                scores.notes.append(
                    f"{doc_id}: place of {event['trigger']!r} is "
                    f"{out.place!r} {out.place_country_code!r}, not {event['place']}"
                )
        if event.get("actors"):
            scores.actors_checked += 1
            codes = out.agent_country_codes + out.target_country_codes
            scores.actors_right += set(event["actors"]) <= set(codes)
            if not set(event["actors"]) <= set(codes):
                scores.notes.append(f"{doc_id}: actors of {event['trigger']!r} are {codes}, not {event['actors']}")
    # Category alone, one-to-one.
    used = set()
    for event in expected:
        match = next(
            (i for i, out in enumerate(events) if i not in used and out.category in _as_list(event["category"])), None
        )
        if match is not None:
            used.add(match)
            scores.category_found += 1
        else:
            scores.notes.append(f"{doc_id}: no {event['category']} at all ({event['trigger']!r})")
    for out in events:
        if out.date_value:
            scores.dated_outputs += 1
            if any(agrees(out, event) for event in expected):
                scores.dated_outputs_right += 1
            else:
                scores.notes.append(
                    f"{doc_id}: wrong dated output {doc.text[out.start : out.end]!r} {out.category} {out.date_value}"
                )
    for phrase in expectation.get("not", []):
        start = doc.text.find(phrase["text"])
        if start < 0:
            raise ValueError(f"{doc_id}: must-not phrase not in text: {phrase['text']!r}")
        end = start + len(phrase["text"])
        for out in events:
            if (
                out.start < end
                and start < out.end
                and out.category == phrase.get("category", out.category)
                and (out.date_value or not phrase.get("dated"))
            ):
                scores.must_not_hits += 1
                scores.notes.append(
                    f"{doc_id}: must-not {doc.text[out.start : out.end]!r} {out.category} {out.date_value}"
                )


def read_articles(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def score(articles: list[dict], expected: dict, nlp) -> Scores:
    scores = Scores()
    for article in articles:
        if article["id"] not in expected:
            continue
        doc = nlp.make_doc(article["text"])
        doc._.published = dt.date.fromisoformat(article["published"][:10])
        doc = nlp(doc)
        score_article(doc, expected[article["id"]], scores, article["id"])
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("expected", nargs="?", type=Path, default=DEFAULT_EXPECTED)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    from extract.pipeline.load import load_pipeline

    expected = json.loads(args.expected.read_text(encoding="utf-8"))
    s = score(read_articles(args.articles), expected, load_pipeline())
    if args.verbose:
        print("\n".join(s.notes))
    print(f"dated recall (category+date): {s.dated_found}/{s.dated_expected} = {s.dated_recall:.2f}")
    print(f"dated precision:              {s.dated_outputs_right}/{s.dated_outputs} = {s.dated_precision:.2f}")
    print(f"category-only recall:         {s.category_found}/{s.expected} = {s.category_recall:.2f}")
    print(f"must-not false positives:     {s.must_not_hits}")
    print(f"place right (matched events): {s.place_right}/{s.place_checked}")
    print(f"actors right (matched):       {s.actors_right}/{s.actors_checked}")


if __name__ == "__main__":
    main()
