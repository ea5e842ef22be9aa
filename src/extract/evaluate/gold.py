"""Gold files in the evaluation JSON Lines format (`id`, `text`, `entities`, `timex`, `doc_date`): one JSON object per line."""

from __future__ import annotations

import json
from pathlib import Path

from extract.errors import UsageError


def read_ids(path: str | Path) -> set[str]:
    """The ids listed in `path`: the first tab-separated field of each non-empty line not starting with #."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path}: no such ids file")
    with path.open(encoding="utf-8") as handle:
        return {line.split("\t")[0].strip() for line in handle if line.strip() and not line.startswith("#")}


def load_gold(path: str | Path, *, subset: str | None = None, ids: str | Path | None = None) -> list[dict]:
    """The gold records of `path` (only ids starting with `subset`, and only those listed in the file `ids`, if given)."""
    wanted = read_ids(ids) if ids is not None else None
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path}: no such gold file")
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str) or "id" not in record:
                raise UsageError(f"{path}:{number}: a gold record needs 'id' and 'text'")
            if subset is not None and not str(record["id"]).startswith(subset):
                continue
            if wanted is None or str(record["id"]) in wanted:
                records.append(record)
    if not records:
        raise UsageError(
            f"{path}: no gold records"
            + (f" with ids starting {subset!r}" if subset else "")
            + (f" among the ids of {ids}" if ids is not None else "")
        )
    return records
