"""The Dask engine on a cluster started by hand: a scheduler and two workers, each its own command.

A worker is killed while it runs a task; the tables must still hold every row
once (they equal the local engine's), and `--update` then runs on the same
cluster. The workers load the model themselves (about 10 s each on a busy
machine), so this takes a minute or two: `-m "not cluster"` leaves it out.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import extract
from conftest import read_table
from extract.run import run
from extract.schema import COLUMNS, ROW_TABLES, TABLES

distributed = pytest.importorskip("distributed")
from extract.engines.dask import STAGING  # noqa: E402

pytestmark = pytest.mark.cluster

PUBLISHED = "2018-12-17"
KEYS = {
    table: ["doc_id", COLUMNS[table][1]] if table != "documents" else ["doc_id", "source_path", "sha256"]
    for table in ROW_TABLES
} | {"stories": ["story_id"], "corpus_entities": ["kind", "canonical", "country_code"]}
TIMEOUT = 300  # seconds for any one step: the machine is shared


def _sorted(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    return frame.sort_values(KEYS[table]).reset_index(drop=True)


def _wait(condition, what: str, *, timeout: float = TIMEOUT, alive=()):
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        for process in alive:
            assert process.poll() is None, f"{process.args[2]} ended (code {process.returncode}) before {what}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)
    return value


@pytest.fixture
def cluster(tmp_path):
    """`dask scheduler` and two `dask worker` commands (no nanny: killing one ends that worker)."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(Path(extract.__file__).parents[1]), os.environ.get("PYTHONPATH", "")]),
    }
    scheduler_file = tmp_path / "scheduler.json"
    started: list[subprocess.Popen] = []

    def start(name: str, *args: str) -> subprocess.Popen:
        log = open(tmp_path / f"{name}.log", "wb")
        process = subprocess.Popen(
            [sys.executable, "-m", *args], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path
        )
        started.append(process)
        return process

    try:
        start("scheduler", "distributed.cli.dask_scheduler", "--port", "0", "--no-dashboard",
              "--scheduler-file", str(scheduler_file))  # fmt: skip
        _wait(scheduler_file.is_file, "the scheduler file", alive=started)
        for n in (1, 2):
            start(f"worker-{n}", "distributed.cli.dask_worker", "--scheduler-file", str(scheduler_file),
                  "--nworkers", "1", "--nthreads", "1", "--no-nanny", "--no-dashboard")  # fmt: skip
        address = json.loads(scheduler_file.read_text())["address"]
        with distributed.Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=TIMEOUT)
        yield address, started[1:]
    finally:
        for process in reversed(started):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in started:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _extract(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "extract", "run", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(extract.__file__).parents[1])},
    )


def _assert_equal_tables(got: Path, expected: Path) -> None:
    for table in TABLES:
        frame = read_table(got, table)
        lists_as_tuples = frame.map(lambda v: tuple(v) if hasattr(v, "__len__") and not isinstance(v, str) else v)
        assert not lists_as_tuples.duplicated().any(), table
        pd.testing.assert_frame_equal(_sorted(frame, table), _sorted(read_table(expected, table), table))


def test_a_worker_killed_mid_run_loses_and_duplicates_no_row(tmp_path, cluster, data_dir, nlp):
    address, workers = cluster
    inputs = tmp_path / "in"
    shutil.copytree(data_dir / "articles", inputs)
    shutil.copy(data_dir / "dask" / "records.jsonl", inputs / "records.jsonl")
    out = tmp_path / "out"
    common = ["--published", PUBLISHED, "--engine", "dask", "--scheduler", address, "--shard-size", "2"]
    extraction = _extract(str(inputs), "--out", str(out), *common)

    # A task makes `.shard-N.tmp-<worker pid>-…` before it loads the model (~10 s): kill that worker then.
    by_pid = {worker.pid: worker for worker in workers}

    def busy_worker():
        staging = out / STAGING
        for temp in staging.glob(".shard-*.tmp-*") if staging.is_dir() else ():
            pid = int(temp.name.split(".tmp-")[1].split("-")[0])
            if pid in by_pid:
                return by_pid[pid]
        return None

    victim = _wait(busy_worker, "a worker to start a task", alive=[extraction])
    victim.kill()
    victim.wait(timeout=30)
    assert extraction.poll() is None  # killed mid-run
    _, stderr = extraction.communicate(timeout=TIMEOUT)
    assert extraction.returncode == 1, stderr  # the corpus has broken records, as rows
    assert "10 documents: 5 ok, 3 errors, 2 skipped" in stderr
    assert not (out / STAGING).exists()
    local = tmp_path / "local"
    run([inputs], out=local, published=PUBLISHED)
    _assert_equal_tables(out, local)

    # --update on the same cluster (one worker left): only the new article is sent to it.
    shutil.copy(data_dir / "events" / "accord-doha.txt", inputs / "accord-doha.txt")
    update = _extract(str(inputs), "--out", str(out), *common, "--update")
    _, stderr = update.communicate(timeout=TIMEOUT)
    assert update.returncode == 0, stderr  # the exit code is that of the records processed this time
    assert "1 documents (10 unchanged, kept): 1 ok, 0 errors, 0 skipped" in stderr
    run([inputs], out=local, published=PUBLISHED)
    _assert_equal_tables(out, local)
