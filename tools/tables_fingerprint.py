"""Fingerprint the tables `extract run` writes on the demo corpus and the test articles.

A refactoring must not change a byte of them: run this before and after and
compare the two listings (`diff`). Usage:

    python tools/tables_fingerprint.py > before.txt   # on the old commit
    python tools/tables_fingerprint.py > after.txt    # on the new one
    diff before.txt after.txt
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

from extract.run import run

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "demo": ([ROOT / "data" / "raw"], None),
    "tests": ([ROOT / "tests" / "data" / d for d in ("events", "entities", "articles")], "2019-03-15"),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, (inputs, published) in CORPORA.items():
            out = Path(tmp) / name
            run(inputs, out=out, fmt="both", published=published)
            for path in sorted(out.glob("*.csv")) + sorted(out.glob("*.parquet")):
                digest = (
                    hashlib.sha256(path.read_bytes()).hexdigest() if path.suffix == ".csv" else _parquet_digest(path)
                )
                print(f"{digest}  {name}/{path.name}")


def _parquet_digest(path: Path) -> str:
    """The Parquet table's schema and rows (the file's bytes also hold the writer's version)."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    return hashlib.sha256(str(table.schema).encode() + str(table.to_pylist()).encode()).hexdigest()


if __name__ == "__main__":
    sys.exit(main())
