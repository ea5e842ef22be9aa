"""Measure the stories (clustering of event mentions across articles) against the hand-made gold.

    PYTHONPATH=src python benchmarks/bench_stories.py              # runs extract on the test corpus
    PYTHONPATH=src python benchmarks/bench_stories.py --out DIR    # scores a finished run instead
    PYTHONPATH=src python benchmarks/bench_stories.py --articles heldout.jsonl --gold heldout_gold.jsonl

The corpus and its gold are `tests/data/stories/` (see its README). Prints the
pairwise precision, recall and F1, the gold mentions the run did not find and the
run's stories with their members.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "stories"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="a finished run of tests/data/stories/articles.jsonl")
    parser.add_argument("--articles", default="articles.jsonl", help="in tests/data/stories/ (or heldout.jsonl)")
    parser.add_argument("--gold", default="gold.jsonl", help="in tests/data/stories/ (or heldout_gold.jsonl)")
    parser.add_argument("--quiet", action="store_true", help="print the figures only")
    args = parser.parse_args(argv)
    from extract.evaluate.stories import load_gold, score_stories
    from extract.runs import load_tables

    with tempfile.TemporaryDirectory() as temp:
        out = args.out
        if out is None:
            from extract.run import run

            out = Path(temp)
            run([CORPUS / args.articles], out=out, fmt="parquet")
        tables = load_tables(out)
    scores = score_stories(tables["events"], load_gold(CORPUS / args.gold))
    print(
        f"stories: pairwise precision {scores.precision:.3f}, recall {scores.recall:.3f}, F1 {scores.f1:.3f} "
        f"({scores.correct_pairs} correct of {scores.predicted_pairs} predicted pairs, {scores.gold_pairs} gold pairs)"
    )
    if args.quiet:
        return 0
    print(f"gold mentions not found by the run: {scores.missing or 'none'}")
    print(f"run mentions not in the gold: {scores.unlisted or 'none'}")
    stories = tables["stories"]
    for story in stories[stories["n_mentions"] > 1].itertuples(index=False):
        print(f"  {story.story_id} {story.category} {story.date_value} {story.place}: {', '.join(story.event_ids)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
