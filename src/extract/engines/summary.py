"""What a run did, and what one Dask shard reports: the one summary both engines fill."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from extract.schema import TABLES


class ShardCounts(TypedDict, total=False):
    """One shard's counts as a Dask task returns them (and stores them as JSON)."""

    shard: int
    documents: int
    ok: int
    error: int
    skipped: int
    rows: dict[str, int]


@dataclass
class RunSummary:
    """What a run did: counts per status and per table, the files written, the time taken.

    With `--update`, `documents` and the status counts are the records processed
    this time; `kept` the unchanged ones; `rows` the tables' sizes after it.
    """

    out: Path
    documents: int = 0
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    rows: dict[str, int] = field(default_factory=lambda: {name: 0 for name in TABLES})
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    kept: int = 0  # --update: records unchanged since the previous run, whose rows were kept

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def line(self) -> str:
        kept = f" ({self.kept} unchanged, kept)" if self.kept else ""
        return (
            f"{self.documents} documents{kept}: {self.ok} ok, {self.errors} errors, {self.skipped} skipped; "
            f"{self.rows['mentions']} mentions, {self.rows['timexes']} time expressions, "
            f"{self.rows['events']} events, {self.rows['stories']} stories in {self.seconds:.1f} s → {self.out}"
        )

    def add_document(self, status: str) -> None:
        """Count one annotated record by its `documents.status`: ok, error or skipped."""
        self.documents += 1
        self.ok += status == "ok"
        self.errors += status == "error"
        self.skipped += status == "skipped"

    def add_shard(self, counts: ShardCounts) -> None:
        """Add one finished shard's counts."""
        self.documents += counts["documents"]
        self.ok += counts["ok"]
        self.errors += counts["error"]
        self.skipped += counts["skipped"]
        for table, n in counts["rows"].items():
            self.rows[table] += n
