"""notebooks/explore.ipynb runs top to bottom on a fresh clone and shows every view; its .py pair matches."""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

from extract.schema import TABLES

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"
NOTEBOOK = NOTEBOOKS / "explore.ipynb"


def _sources(notebook) -> list[tuple[str, str]]:
    return [(cell.cell_type, cell.source.strip()) for cell in notebook.cells]


def test_the_pair_is_in_step_and_committed_without_outputs():
    ipynb = nbformat.read(NOTEBOOK, as_version=4)
    script = jupytext.read(NOTEBOOKS / "explore.py")
    assert _sources(ipynb) == _sources(script), "run: jupytext --sync notebooks/explore.py"
    assert not [cell for cell in ipynb.cells if cell.get("outputs")], "clear the outputs before committing"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The notebook executed on the demo corpus, with an empty output folder: it runs the extraction itself."""
    out = tmp_path_factory.mktemp("notebook") / "out"
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXTRACT_OUT", str(out))
        NotebookClient(
            notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
        ).execute()
    return notebook, out


def _outputs(notebook, kind: str) -> list:
    return [o for cell in notebook.cells for o in cell.get("outputs", []) if kind in o.get("data", {})]


def test_it_ran_the_extraction_into_the_empty_folder(executed):
    _, out = executed
    assert sorted(p.name for p in out.glob("*.parquet")) == sorted(f"{t}.parquet" for t in TABLES)


def test_it_draws_the_charts(executed):
    notebook, _ = executed
    # top countries and organisations, the co-occurrence heatmap, the events timeline, the stories, the map
    assert len(_outputs(notebook, "image/png")) == 5


def test_it_shows_the_tables_and_one_article_with_displacy(executed):
    notebook, _ = executed
    pages = [o["data"]["text/html"] for o in _outputs(notebook, "text/html")]
    assert any('class="entities"' in page and "COUNTRY" in page for page in pages), "no displaCy rendering"
    assert any("Maroc (MA)" in page for page in pages), "no places-by-country table"
    assert not [o for cell in notebook.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def test_it_counts_asserted_and_planned_events_and_says_so(executed):
    notebook, out = executed
    import pandas as pd

    from extract.views import events_caption, shown

    events = pd.read_parquet(out / "events.parquet")
    caption = events_caption(len(shown(events)), len(events))
    printed = "".join(o.get("text", "") for cell in notebook.cells for o in cell.get("outputs", []))
    assert caption in printed
    assert "{'documents'" in printed and f"'events': {len(shown(events))}" in printed
