"""The NER figures side by side: bare md, md + rules, trained + rules, trained bare.

    PYTHONPATH=src python training/evaluate_ner.py [--data DIR] [--markdown]

Scores LOC/ORG/PER exact spans (`extract evaluate`'s scorer) on Sequoia dev
(the `dev` ids of sequoia-ne-splits.tsv; all of it, and its `annodis.er`
news part) and on HIPE-2020 French dev. Only reads the data: trains nothing.
The same figures come from the CLI, for instance:

    awk -F'\\t' '$2 == "dev" {print $1}' DIR/sequoia-ne-splits.tsv > build/sequoia-dev.ids
    extract --ner md evaluate DIR/sequoia-ne-dev.jsonl --ids build/sequoia-dev.ids --subset annodis.er --baseline
    extract evaluate DIR/sequoia-ne-dev.jsonl --ids build/sequoia-dev.ids --subset annodis.er --baseline
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval"
SYSTEMS = ("bare md", "md + rules", "trained + rules", "trained bare")
LABELS = ("LOC+ORG+PER", "LOC", "ORG", "PER")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)

    from extract.evaluate import evaluate

    ids = Path(tempfile.mkdtemp()) / "sequoia-dev.ids"
    with (args.data / "sequoia-ne-splits.tsv").open(encoding="utf-8") as handle:
        ids.write_text(
            "".join(line for line in handle if line.rstrip("\n").split("\t")[1:2] == ["dev"]), encoding="utf-8"
        )
    sets = {
        "Sequoia dev": dict(gold=args.data / "sequoia-ne-dev.jsonl", ids=ids),
        "Sequoia dev news (annodis.er)": dict(gold=args.data / "sequoia-ne-dev.jsonl", ids=ids, subset="annodis.er"),
        "HIPE-2020 fr dev": dict(gold=args.data / "hipe2020-fr-dev.jsonl"),
    }
    rows = []
    for name, options in sets.items():
        for ner in ("md", "trained"):
            os.environ["EXTRACT_NER"] = ner
            frame = evaluate(baseline=True, **options)["mentions"]  # type: ignore[arg-type]
            for system, kind in ((frame.system.iloc[0], "bare"), ("extract", "rules")):
                scores = frame[frame.system == system].set_index("label")
                title = {"bare": f"bare {ner}" if ner == "md" else "trained bare", "rules": f"{ner} + rules"}[kind]
                rows.append((name, title, {lab: scores.loc[lab] for lab in LABELS}))
    order = {s: i for i, s in enumerate(SYSTEMS)}
    rows.sort(key=lambda r: (list(sets).index(r[0]), order[r[1]]))
    header = ["data", "system", *[f"{lab} F1" for lab in LABELS], "P", "R"]
    lines = []
    for name, system, scores in rows:
        main_ = scores["LOC+ORG+PER"]
        lines.append(
            [
                name,
                system,
                *[f"{scores[lab].f1:.3f}" for lab in LABELS],
                f"{main_.precision:.3f}",
                f"{main_.recall:.3f}",
            ]
        )
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + " --- |" * len(header))
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(x) for x in col) for col in zip(header, *lines)]
        for line in [header, *lines]:
            print("  ".join(x.ljust(w) for x, w in zip(line, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
