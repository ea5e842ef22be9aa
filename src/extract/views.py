"""What the views show of the events table by default: the asserted and planned events, and a caption saying so.

`show`, `report` and the notebook count and list the events a user should read as
having happened or being scheduled; the hypothetical, negated and generic rows stay in
the tables (`modality`) and the caption says how many are not shown:

    from extract.views import shown, events_caption
    events = tables["events"]
    visible = shown(events)
    print(events_caption(len(visible), len(events)))
    # asserted and planned events; 12 hypothetical/negated/generic not shown
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from extract.schema import MODALITIES, SHOWN_MODALITIES

if TYPE_CHECKING:
    import pandas as pd


def shown(events: pd.DataFrame, modalities: Iterable[str] = SHOWN_MODALITIES) -> pd.DataFrame:
    """The rows of the events table whose modality is one of `modalities` (asserted, planned)."""
    if "modality" not in events.columns:
        return events
    return events[events["modality"].isin(list(modalities))]


def events_caption(n_shown: int, n_all: int, modalities: Iterable[str] = SHOWN_MODALITIES) -> str:
    """ "asserted and planned events; 2 hypothetical/negated/generic not shown"."""
    wanted = tuple(modalities)
    if set(wanted) >= set(MODALITIES):
        return "events of every modality"
    hidden = [m for m in MODALITIES if m not in wanted]
    caption = f"{' and '.join(wanted)} events"
    if n_all > n_shown:
        caption += f"; {n_all - n_shown} {'/'.join(hidden)} not shown"
    return caption
