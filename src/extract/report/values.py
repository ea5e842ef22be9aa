"""Plain values the report's parts share: the category colours, missing values as text, the day of a TIMEX3 value."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

# Categories in SPEC order, coloured by family: cooperation (blue/green), conflict (orange/red), other (purple/grey).
CATEGORY_COLOURS = {
    "statement": "#6c8ebf", "appeal": "#4f81bd", "intent_cooperate": "#3a9ad9", "consult": "#1f78b4",
    "diplomatic_cooperation": "#33a02c", "material_cooperation": "#2ca25f", "aid": "#66c2a4", "yield": "#99d8c9",
    "investigate": "#bfa14a", "demand": "#e6ab02", "disapprove": "#fdae61", "reject": "#f46d43",
    "threaten": "#e6550d", "protest": "#d95f0e", "military_posture": "#a63603", "reduce_relations": "#c51b7d",
    "coerce": "#ae017e", "assault": "#d7301f", "fight": "#b30000", "mass_violence": "#67000d",
    "disaster": "#756bb1", "accident": "#9e9ac8", "election": "#636363",
}  # fmt: skip


def esc_none(value) -> str:
    """The value as text; a missing value (None, NaN, NA) is empty."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def day_of(value) -> dt.date | None:
    """The first day a TIMEX3 date value covers (`2018-12-17`, `2018-W50`, `2018-12`, `2018`), else None."""
    if not isinstance(value, str):
        return None
    value = value.split("T", 1)[0]
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        return dt.date(*map(int, match.groups()))
    if match := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return dt.date(int(match[1]), int(match[2]), 1)
    if match := re.fullmatch(r"(\d{4})", value):
        return dt.date(int(match[1]), 1, 1)
    return None
