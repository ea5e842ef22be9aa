"""Where the shipped data files are, and the one reader of their headed TSV format.

Every table in `extract/resources/` starts with `#` lines naming its source, licence
and the script in `tools/resources/` that rebuilds it, then a header row.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """The rows of a resource TSV: `#` comment lines, then a header row, then data."""
    with path.open(encoding="utf-8") as handle:
        lines = (line.rstrip("\n") for line in handle if not line.startswith("#") and line.strip())
        header = next(lines).split("\t")
        for line in lines:
            cells = line.split("\t")
            yield dict(zip(header, cells + [""] * (len(header) - len(cells))))
