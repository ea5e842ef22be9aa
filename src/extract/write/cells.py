"""CSV cells a spreadsheet opens safely, and back: the formula guard and the CSV reader that undoes it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from extract.schema import SCHEMAS

if TYPE_CHECKING:
    import pandas as pd

# Characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A cell that starts with one of these gets a `'`; a `'` among them keeps the guard reversible.
GUARDED_START = FORMULA_START + ("'",)


def neutralise(value: str) -> str:
    """Prefix a text cell that a spreadsheet would run as a formula with `'`.

    A cell that already starts with `'` gets one more, so the guard is reversible:
    `unneutralise(neutralise(v)) == v` for every string.
    """
    return "'" + value if value.startswith(GUARDED_START) else value


def unneutralise(value: str) -> str:
    """Undo `neutralise`: drop exactly one leading `'` when the rest is a guarded start."""
    return value[1:] if value.startswith("'") and value[1:].startswith(GUARDED_START) else value


def read_csv_table(path: Path, table: str) -> pd.DataFrame:
    """One of our CSV tables as a DataFrame with the schema's types and the original strings.

    Integer columns are nullable `Int64`, float columns `float64` (NaN where empty), text
    columns `string`; empty cells are missing
    values and the formula guard is undone, so the frame holds what the Parquet file holds.
    """
    import pandas as pd

    types = {f.name: _pandas_type(f.type) for f in SCHEMAS[table]}
    frame = pd.read_csv(path, dtype=types, keep_default_na=False, na_values=[""])
    for name, kind in types.items():
        if kind == "string":
            frame[name] = frame[name].map(unneutralise, na_action="ignore").astype("string")
    return frame


def _pandas_type(arrow_type: pa.DataType) -> str:
    if pa.types.is_integer(arrow_type):
        return "Int64"
    if pa.types.is_floating(arrow_type):
        return "float64"
    return "string"
