"""Score the pipeline against gold files.

Two gold formats: the evaluation JSON Lines (`id`, `text`, `entities`, `timex`,
`doc_date`; spans with offsets), and the news gold `X.gold.json` (`docs`: per
article the countries, organisations, places, time expressions and dated
events an analyst expects; see `extract.evaluate.news`).

from extract.evaluate import evaluate
scores = evaluate("sequoia-ne-dev.jsonl", baseline=True)
scores["mentions"]   # a DataFrame: system, label, precision, recall, f1, ...
scores = evaluate("realnews-dev.gold.json", pred="data/out")
scores["news"]       # a DataFrame: measure, n_gold, n_pred, tp, fp, fn, precision, recall, f1, share
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from extract.errors import UsageError
from extract.evaluate.gold import load_gold
from extract.evaluate.mentions import GOLD_LABEL_OF_KIND, Spans, gold_spans, score_mentions
from extract.evaluate.news import score_news
from extract.evaluate.news_gold import is_news_gold, load_news_gold, texts_beside
from extract.pipeline import DEFAULT_MODEL
from extract.read.article import Article
from extract.runs import read_table
from extract.schema import COLUMNS


def predict(records: list[dict], *, model: str = DEFAULT_MODEL) -> dict[str, list[tuple]]:
    """Run the whole pipeline over the gold texts; the `mentions` and `timexes` rows per gold id."""
    from extract.engines.local import annotate_stream

    articles = [
        Article(doc_id=str(r["id"]), source_path="gold", text=r["text"], published=r.get("doc_date") or None)
        for r in records
    ]
    predicted: dict[str, list[tuple]] = {"mentions": [], "timexes": []}
    for _, rows in annotate_stream(articles, model=model):
        predicted["mentions"].extend(rows.tables["mentions"])
        predicted["timexes"].extend(rows.tables["timexes"])
    return predicted


def mention_spans(rows: list[tuple]) -> Spans:
    """Gold-comparable (start, end, label) spans from `mentions` rows."""
    index = {name: i for i, name in enumerate(COLUMNS["mentions"])}
    spans: Spans = {}
    for row in rows:
        label = GOLD_LABEL_OF_KIND.get(row[index["kind"]])
        if label:
            spans.setdefault(row[index["doc_id"]], set()).add((row[index["start"]], row[index["end"]], label))
    return spans


def bare_ner_spans(records: list[dict], *, model: str = DEFAULT_MODEL) -> Spans:
    """What the bare model's NER finds on the same texts: the baseline."""
    from extract.pipeline.load import load_model

    nlp = load_model(model, disable=["lemmatizer"])
    spans: Spans = {}
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=64)):
        spans[str(record["id"])] = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
    return spans


def _read_run(pred: Path, table: str) -> list[tuple]:
    frame = read_table(pred, table)
    frame = frame.astype(object).where(frame.notna(), None)
    return [tuple(row) for row in frame[COLUMNS[table]].itertuples(index=False)]


def evaluate(
    gold: str | Path,
    *,
    pred: str | Path | None = None,
    model: str = DEFAULT_MODEL,
    baseline: bool = False,
    subset: str | None = None,
    texts: str | Path | None = None,
    ids: str | Path | None = None,
) -> dict[str, pd.DataFrame]:
    """Score mentions, and time expressions where the gold has them (`timexes`, and
    `timex types`: recall and value accuracy per TIMEX3 type).

    With `pred`, score the tables of a finished run (doc_ids must be the gold
    ids); else run the pipeline over the gold texts. With `baseline`, the bare
    model's NER is scored on the same texts, side by side. With `ids`, a file
    of gold ids (the first tab-separated field of each line), only those
    records are scored.

    A `.json` gold is news gold: the one frame `news` of measures, over a run
    of `texts` (default: `X.jsonl` beside `X.gold.json`) or the run in `pred`.
    """
    if is_news_gold(gold):
        if baseline:
            raise UsageError("{baseline} scores NER spans: it needs JSON Lines gold, not news gold", option="baseline")
        return {"news": evaluate_news(gold, texts=texts, pred=pred, model=model, subset=subset)}
    if texts is not None:
        raise UsageError("{texts} is for news gold (X.gold.json); JSON Lines gold holds its texts", option="texts")
    records = load_gold(gold, subset=subset, ids=ids)
    if pred is not None:
        predicted = {table: _read_run(Path(pred), table) for table in ("mentions", "timexes")}
    else:
        predicted = predict(records, model=model)
    results: dict[str, pd.DataFrame] = {}
    if any(r.get("entities") for r in records):
        truth = gold_spans(records)
        frames = []
        if baseline:
            frames.append(score_mentions(truth, bare_ner_spans(records, model=model), system=f"bare {model}"))
        frames.append(score_mentions(truth, mention_spans(predicted["mentions"]), system="extract"))
        results["mentions"] = pd.concat(frames, ignore_index=True)
    if any(r.get("timex") for r in records):
        from extract.evaluate.timex import recall_by_type, score_timexes

        index = {name: i for i, name in enumerate(COLUMNS["timexes"])}
        by_doc: dict[str, list[dict]] = {}
        for row in predicted["timexes"]:
            by_doc.setdefault(row[index["doc_id"]], []).append(
                {key: row[index[key]] for key in ("start", "end", "type", "value")}
            )
        results["timexes"] = score_timexes(records, by_doc)
        results["timex types"] = recall_by_type(records, by_doc)
    return results


def evaluate_news(
    gold: str | Path,
    *,
    texts: str | Path | None = None,
    pred: str | Path | None = None,
    model: str = DEFAULT_MODEL,
    subset: str | None = None,
) -> pd.DataFrame:
    """Score a finished run (`pred`), or a run over `texts` made now, against news gold.

    `texts` defaults to `X.jsonl` beside `X.gold.json`; `subset` keeps the gold
    documents whose id starts with it. See `extract.evaluate.news` for the measures.
    """
    docs = load_news_gold(gold)
    if subset is not None:
        docs = {doc_id: doc for doc_id, doc in docs.items() if doc_id.startswith(subset)}
        if not docs:
            raise UsageError(f"{gold}: no gold documents with ids starting {subset!r}")
    if pred is not None:
        return score_news(docs, _read_news_tables(Path(pred)))
    import tempfile

    from extract.run import run

    source = Path(texts) if texts is not None else texts_beside(gold)
    if not source.is_file():
        raise UsageError(f"{source}: no texts for {Path(gold).name} (give them with texts=...)")
    with tempfile.TemporaryDirectory(prefix="extract-evaluate-") as out:
        run([source], out=out, fmt="parquet", model=model)
        return score_news(docs, _read_news_tables(Path(out)))


def _read_news_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {table: read_table(out, table) for table in ("entities", "mentions", "timexes", "events")}
