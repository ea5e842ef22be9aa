"""The end of every run: what is built from the whole set of tables once they are in place.

`finish_run` is the last step of a full run (either engine) and of `--update`:
it leaves a small manifest, `DIR/.extract-run.json`, with the options the rows
depend on, which `--update` checks before it keeps any of them.

The corpus tables (`stories`, `corpus_entities`, and `events.story_id`) are not
built here but just before the tables are renamed into place, so that they are
committed with the five per-article tables in one step: by `TableWriter.commit`
(local runs and `--update`, from every row the writer received, kept ones
included) and by the Dask engine's `_assemble` (from the shards), both calling
`extract.corpus.derive`.
"""

from __future__ import annotations

import json
from pathlib import Path

from extract.pipeline.load import PIPES
from extract.write import write_text_atomic

MANIFEST = ".extract-run.json"


def run_options(model: str) -> dict:
    """The options every row of a run depends on (beyond each record's own fields)."""
    return {"model": model, "pipes": list(PIPES)}


def read_manifest(out: Path) -> dict | None:
    """The options of the run that wrote the tables in `out`, or None (no run, or one from before manifests)."""
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def finish_run(out: Path, formats: tuple[str, ...], *, model: str) -> list[Path]:
    """The one end-of-run step: runs once the per-article tables of `out` are in place; returns the files written.

    Called by `extract.run.run` (local engine), `extract.engines.dask.run_dask`
    and `extract.update.run_update` alike. The corpus tables are already written
    (see the module docstring).
    """
    manifest = {**run_options(model), "formats": list(formats)}
    return [write_text_atomic(out / MANIFEST, json.dumps(manifest, indent=1) + "\n")]
