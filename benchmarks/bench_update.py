"""`extract run --update` against a full run: a corpus of N articles, then M new ones, side by side.

    python benchmarks/bench_update.py --articles 2000 --new 20

Builds N short synthetic articles (JSON Lines; `--min-words` joins texts into
news-length ones) from the French texts under
`tests/data/` (each text once per article, with a closing sentence that
varies the id, the place and the day), runs `extract run` on them, adds M new
articles in a second file, and times, each as a whole fresh process (imports
and model load included):

- `extract run --update` on the N + M articles (M annotated, N kept);
- a full `extract run` on the same N + M articles into another folder;
- `extract run --update` again with nothing new (no model is loaded);
- the model load alone (`load_pipeline()` in a fresh process),

then checks that the updated tables equal the full run's, row for row after
sorting, and prints the figures and the ratio the issue targets (< 10 %).
Extra options after `--` go to every `extract run` (`-- --n-process 2`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLACES = ["Rabat", "Paris", "Bruxelles", "Alger", "Madrid", "Dakar", "Tunis", "Genève", "Beyrouth", "Lyon"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def texts() -> list[str]:
    folders = ["events", "articles", "entities"]
    found = [
        p.read_text(encoding="utf-8").strip() for f in folders for p in sorted((ROOT / "tests/data" / f).glob("*.txt"))
    ]
    return [text for text in found if text]


def write_articles(path: Path, first: int, count: int, published: str, min_words: int = 0) -> None:
    """Articles `first`... : one test text each, or consecutive texts joined up to `min_words` words."""
    pool = texts()
    with path.open("w", encoding="utf-8") as handle:
        for n in range(first, first + count):
            parts = [pool[n % len(pool)]]
            while sum(len(part.split()) for part in parts) < min_words:
                parts.append(pool[(n + len(parts)) % len(pool)])
            ending = f"Dépêche {n} : une délégation est attendue {DAYS[n % 7]} à {PLACES[n % len(PLACES)]}."
            record = {"id": f"bench-{n:06d}", "published": published, "text": "\n\n".join([*parts, ending])}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def timed(command: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    started = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr}")
    print(f"  {seconds:7.1f} s  {done.stderr.strip().splitlines()[-1]}", flush=True)
    return seconds


def same_tables(a: Path, b: Path) -> list[str]:
    """The tables whose rows differ between two runs, row order aside."""
    sys.path.insert(0, str(ROOT / "src"))
    from extract.runs import read_table
    from extract.schema import COLUMNS, TABLES

    differ = []
    for table in TABLES:
        x, y = (read_table(folder, table) for folder in (a, b))
        keys = ["doc_id", COLUMNS[table][1]] if "doc_id" in x.columns and table != "documents" else list(x.columns)
        x, y = (frame.astype(str).sort_values(keys).reset_index(drop=True) for frame in (x, y))  # lists as text
        if not x.equals(y):
            differ.append(table)
    return differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles of the first run (default 2000)")
    parser.add_argument("--new", type=int, default=20, help="articles added before the update (default 20)")
    parser.add_argument("--published", default="2019-01-15")
    parser.add_argument(
        "--min-words",
        type=int,
        default=0,
        help="join test texts into articles of at least this many words (default 0: one text, about 75 words)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("extra", nargs="*", help="options for every extract run, after --")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="extract-bench-update-"))
    inputs = work / "in"
    inputs.mkdir()
    write_articles(inputs / "corpus.jsonl", 0, args.articles, args.published, args.min_words)
    run = [sys.executable, "-m", "extract", "run", str(inputs), "--format", "parquet", *args.extra]
    words = sum(len(json.loads(line)["text"].split()) for line in (inputs / "corpus.jsonl").open(encoding="utf-8"))
    print(
        f"{args.articles} articles ({words / args.articles:.0f} words each on average), then {args.new} new; "
        f"extract run {' '.join(run[4:])}",
        flush=True,
    )

    print("first run (N articles):")
    timed([*run, "--out", str(work / "updated")])
    write_articles(inputs / "new.jsonl", args.articles, args.new, args.published, args.min_words)
    print("--update (N + M articles, M new):")
    update = timed([*run, "--out", str(work / "updated"), "--update"])
    print("full run (N + M articles):")
    full = timed([*run, "--out", str(work / "full")])
    print("--update, nothing new:")
    nothing = timed([*run, "--out", str(work / "updated"), "--update"])
    print("model load alone (fresh process):")
    load = timed([sys.executable, "-c", "from extract.pipeline.load import load_pipeline; load_pipeline(); "
                  "import sys; print('loaded', file=sys.stderr)"])  # fmt: skip

    differ = same_tables(work / "updated", work / "full")
    print()
    print("| run | seconds | vs full |\n| --- | ---: | ---: |")
    print(f"| full run, {args.articles + args.new} articles | {full:.1f} | 100 % |")
    print(f"| --update, {args.new} new | {update:.1f} | {100 * update / full:.1f} % |")
    print(f"| --update, nothing new | {nothing:.1f} | {100 * nothing / full:.1f} % |")
    print(f"| model load alone | {load:.1f} | {100 * load / full:.1f} % |")
    print(f"\nupdate / full = {update / full:.3f} (target < 0.10); without the model load: "
          f"{(update - load) / (full - load):.3f}")  # fmt: skip
    print("tables equal to the full run's" if not differ else f"tables DIFFER: {', '.join(differ)}")
    if args.keep:
        print(f"kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    if differ:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
