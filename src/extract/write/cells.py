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

    Integer columns are nullable `Int64`, floats `Float64`, text columns `string`, list
    columns lists of strings (split on `; `; an empty cell is an empty list); empty cells are
    missing values and the formula guard is undone, so the frame holds what the Parquet file holds.
    """
    import pandas as pd

    schema = SCHEMAS[table]
    types = {f.name: _pandas_type(f.type) for f in schema}
    frame = pd.read_csv(path, dtype=types, keep_default_na=False, na_values=[""])
    for f in (f for f in schema if f.name in frame.columns):  # a column added since the run was written is absent
        if types[f.name] == "string":
            frame[f.name] = frame[f.name].map(unneutralise, na_action="ignore").astype("string")
        if pa.types.is_list(f.type):
            frame[f.name] = [[] if pd.isna(v) else [p for p in v.split("; ") if p] for v in frame[f.name]]
    return frame


def _pandas_type(kind: pa.DataType) -> str:
    if pa.types.is_integer(kind):
        return "Int64"
    return "Float64" if pa.types.is_floating(kind) else "string"
