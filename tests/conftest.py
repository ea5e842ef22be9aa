"""Session fixtures: the French pipeline is loaded once for the whole test run."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from extract import runs

DATA = Path(__file__).parent / "data"

# The built name index goes to a folder of this test run, not the user's cache; the
# CLI tests' subprocesses inherit it, so the whole run builds it once.
os.environ.setdefault("EXTRACT_CACHE_DIR", tempfile.mkdtemp(prefix="extract-test-cache-"))


@pytest.fixture(scope="session")
def nlp():
    from extract.pipeline.load import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


def read_table(out: Path, table: str) -> pd.DataFrame:
    """A table of a finished run, read back the way every view reads it (Parquet first)."""
    return runs.read_table(out, table)
