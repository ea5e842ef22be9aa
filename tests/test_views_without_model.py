"""The views of a finished run (`show` of a doc_id, `report`, `evaluate --pred`) load no model and no spaCy."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from extract.run import run

# Runs the CLI in this process, then says whether spaCy was imported on the way.
VIEW = """
import sys
from extract.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    print("SPACY_IMPORTED", "spacy" in sys.modules, file=sys.stderr)
"""


@pytest.fixture(scope="module")
def finished(tmp_path_factory, data_dir, nlp):
    out = tmp_path_factory.mktemp("views") / "out"
    inputs = data_dir / "articles"
    assert run([inputs], out=out, published="2018-12-17", fmt="both").ok == 2
    gold = out.parent / "gold.jsonl"
    text = (inputs / "rabat-accord.txt").read_text(encoding="utf-8")
    gold.write_text(json.dumps({"id": "rabat-accord", "text": text, "entities": [], "timex": []}) + "\n")
    return out, inputs, gold


@pytest.mark.parametrize("view", ["show", "report", "evaluate"])
def test_a_view_of_a_finished_run_imports_no_spacy(finished, view):
    out, inputs, gold = finished
    args = {
        "show": ["show", "rabat-accord", "--out", str(out), "--input", str(inputs)],
        "report": ["report", str(inputs), "--out", str(out)],
        "evaluate": ["evaluate", str(gold), "--pred", str(out)],
    }[view]
    done = subprocess.run([sys.executable, "-c", VIEW, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "SPACY_IMPORTED False" in done.stderr, done.stderr[-2000:]
