"""Score our time expressions and dateparser's on the same gold file, side by side.

Also times the pipeline over the gold texts with and without `extract_timex`, to give
the component's share of pipeline time.

Example:
    python benchmarks/timex_dateparser.py ../shared/eval/fr-timebank-dev.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
import warnings
from pathlib import Path

import pandas as pd

from extract.evaluate.timex import score_timexes
from extract.pipeline.load import load_pipeline

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "fr-timebank-dev.jsonl"


def read_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def publication_date(record: dict) -> dt.date | None:
    value = record.get("doc_date")
    return dt.date.fromisoformat(value[:10]) if value else None


def docs_of(nlp, gold: list[dict]):
    for record in gold:
        doc = nlp.make_doc(record["text"])
        doc._.published = publication_date(record)
        yield doc


def ours(gold: list[dict], rounds: int = 3) -> tuple[dict[str, list[dict]], dict[str, float]]:
    """Our predictions, and seconds for the pipeline with and without the timex component."""
    nlp = load_pipeline()
    if "extract_timex" not in nlp.pipe_names:
        nlp.add_pipe("extract_timex", last=True)
    docs = list(nlp.pipe(docs_of(nlp, gold)))  # also the warm-up round
    without, with_timex, alone = [], [], []
    component = nlp.get_pipe("extract_timex")
    for _ in range(rounds):  # alternate, keep the fastest of each: the machine is shared
        started = time.perf_counter()
        with nlp.select_pipes(disable=["extract_timex"]):
            list(nlp.pipe(docs_of(nlp, gold)))
        without.append(time.perf_counter() - started)
        started = time.perf_counter()
        docs = list(nlp.pipe(docs_of(nlp, gold)))
        with_timex.append(time.perf_counter() - started)
        started = time.perf_counter()
        for doc in docs:
            component(doc)
        alone.append(time.perf_counter() - started)
    pred = {
        record["id"]: [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in doc._.timexes]
        for record, doc in zip(gold, docs)
    }
    fastest = {"pipeline_s": without, "pipeline_with_timex_s": with_timex, "timex_alone_s": alone}
    return pred, {name: min(times, default=float("nan")) for name, times in fastest.items()}


def value_of(moment: dt.datetime) -> tuple[str, str]:
    if moment.time() == dt.time(0, 0):
        return "DATE", moment.date().isoformat()
    return "TIME", moment.strftime("%Y-%m-%dT%H:%M")


def dateparser_predictions(gold: list[dict]) -> dict[str, list[dict]]:
    """dateparser.search.search_dates on each whole text, relative to its doc_date."""
    from dateparser.search import search_dates

    pred: dict[str, list[dict]] = {}
    for record in gold:
        published = publication_date(record)
        settings = {"RELATIVE_BASE": dt.datetime.combine(published, dt.time())} if published else {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(record["text"], languages=["fr"], settings=settings) or []
        rows, cursor = [], 0
        for text, moment in found:
            start = record["text"].find(text, cursor)
            if start < 0:
                start = record["text"].find(text)
            if start < 0:
                continue
            cursor = start + len(text)
            kind, value = value_of(moment)
            rows.append({"start": start, "end": start + len(text), "type": kind, "value": value})
        pred[record["id"]] = rows
    return pred


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--no-dateparser", action="store_true", help="score only our component")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (the fastest counts)")
    args = parser.parse_args()
    gold = read_gold(args.gold)
    pred, seconds = ours(gold, rounds=args.rounds)
    tables = {"extract_timex": score_timexes(gold, pred)}
    if not args.no_dateparser:
        tables["dateparser"] = score_timexes(gold, dateparser_predictions(gold))
    table = pd.concat(tables, names=["system"]).reset_index(level=0).reset_index(drop=True)
    pd.set_option("display.width", 120)
    print(f"gold: {args.gold} ({len(gold)} documents)")
    print(table.round(3).to_string(index=False))
    share = (seconds["pipeline_with_timex_s"] - seconds["pipeline_s"]) / seconds["pipeline_s"]
    print(
        f"pipeline without extract_timex: {seconds['pipeline_s']:.2f} s; with: "
        f"{seconds['pipeline_with_timex_s']:.2f} s ({share:+.1%}); "
        f"extract_timex alone on parsed docs: {seconds['timex_alone_s']:.3f} s "
        f"({seconds['timex_alone_s'] / seconds['pipeline_s']:.1%} of the pipeline)"
    )


if __name__ == "__main__":
    main()
