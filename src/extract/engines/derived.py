"""The Dask engine's end-of-run step: the corpus tables from all the shards, and `events` with its `story_id`.

`derive_from_parts` reads the shards' `documents`, `entities` and `events` parts
(in shard order) and calls `extract.corpus.derive`, the step the local engine's
writer takes too; `write_derived` writes its results under temporary names
for `_assemble` to swap in with the other tables: `events` keeps one part per
shard, `stories` and `corpus_entities` are one file each.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from extract.engines.shards import Shard
from extract.schema import DERIVED_TABLES
from extract.write import ROW_GROUP, arrow_table, write_csv, write_parquet


def derive_from_parts(folders: list[Path]) -> tuple[dict[str, pd.DataFrame], list[int]]:
    """`extract.corpus.derive` on the concatenated parts of the shard folders (each holds `<table>.parquet`).

    Also returns the number of `events` rows of each shard, to cut `events` back into its parts.
    """
    from extract.corpus import derive

    tables = {
        name: pd.concat([pd.read_parquet(folder / f"{name}.parquet") for folder in folders], ignore_index=True)
        for name in ("documents", "mentions", "entities", "events")
    }
    sizes = [pq.ParquetFile(folder / "events.parquet").metadata.num_rows for folder in folders]
    return derive(tables), sizes


def write_derived(
    out: Path,
    tag: str,
    shards: list[Shard],
    derived: dict[str, pd.DataFrame],
    sizes: list[int],
    formats: tuple[str, ...],
) -> list[tuple[Path, Path]]:
    """Write `events` and the derived tables under temporary names; return the (temporary, final) pairs."""
    ready: list[tuple[Path, Path]] = []
    events = arrow_table(derived["events"], "events")
    if "parquet" in formats:
        folder = out / f".events.parquet.tmp-{tag}"
        folder.mkdir()
        ready.append((folder, out / "events.parquet"))
        offset = 0
        for shard, size in zip(shards, sizes):
            part = events.slice(offset, size)
            offset += size
            write_parquet(part, folder / f"part-{shard.index:06d}.parquet", ROW_GROUP)
    if "csv" in formats:
        temp = out / f".events.csv.tmp-{tag}"
        ready.append((temp, out / "events.csv"))
        write_csv(events, temp)
    for table in DERIVED_TABLES:
        data = arrow_table(derived[table], table)
        if "parquet" in formats:
            temp = out / f".{table}.parquet.tmp-{tag}"
            ready.append((temp, out / f"{table}.parquet"))
            write_parquet(data, temp, ROW_GROUP)
        if "csv" in formats:
            temp = out / f".{table}.csv.tmp-{tag}"
            ready.append((temp, out / f"{table}.csv"))
            write_csv(data, temp)
    return ready
