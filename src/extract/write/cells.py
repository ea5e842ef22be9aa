"""CSV cells a spreadsheet opens safely, and back: the formula guard, list cells, and the CSV reader that undoes both."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from extract.schema import LIST_COLUMNS, LIST_SEPARATOR, SCHEMAS

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


def csv_cell(value: object) -> object:
    """One value as its CSV cell: text guarded, a list `; `-joined (empty for an empty list)."""
    if isinstance(value, (list, tuple)):
        value = LIST_SEPARATOR.join(value) or None
    return neutralise(value) if isinstance(value, str) else value


def split_list(value: object) -> list[str]:
    """A `; `-joined CSV cell back as its list (an empty or missing cell is an empty list)."""
    return value.split(LIST_SEPARATOR) if isinstance(value, str) and value else []


def read_csv_table(path: Path, table: str) -> pd.DataFrame:
    """One of our CSV tables as a DataFrame with the schema's types and the original strings.

    Integer columns are nullable `Int64`, float columns `float64`, text columns `string`,
    list columns lists of `str`; empty cells are missing values (empty lists) and the
    formula guard is undone, so the frame holds what the Parquet file holds. A column added
    to the schema since the file was written (`events.story_id`) is absent from the frame.
    """
    import pandas as pd

    types = {f.name: _pandas_type(f.type) for f in SCHEMAS[table]}
    frame = pd.read_csv(path, dtype=types, keep_default_na=False, na_values=[""])
    lists = set(LIST_COLUMNS[table])
    for name, kind in types.items():
        if kind == "string" and name in frame.columns:
            frame[name] = frame[name].map(unneutralise, na_action="ignore")
            frame[name] = frame[name].map(split_list) if name in lists else frame[name].astype("string")
    return frame


def _pandas_type(arrow_type: pa.DataType) -> str:
    if pa.types.is_integer(arrow_type):
        return "Int64"
    if pa.types.is_floating(arrow_type):
        return "float64"
    return "string"
