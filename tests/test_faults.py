"""Faults: Ctrl-C, a full disk, a read-only output folder, an empty input folder."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import read_table
from extract.cli import app
from extract.schema import TABLES

ARTICLE = "Le Maroc et l'Espagne ont signé mardi à Rabat un accord de coopération. " * 4


def _corpus(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": ARTICLE}) + "\n" for i in range(n)), encoding="utf-8")
    return path


def test_ctrl_c_ends_without_traceback_and_keeps_previous_tables(tmp_path, nlp):
    out = tmp_path / "out"
    small = _corpus(tmp_path / "small.jsonl", 2)
    assert CliRunner().invoke(app, ["run", str(small), "--out", str(out)]).exit_code == 0
    before = {t: (out / f"{t}.parquet").read_bytes() for t in TABLES}

    big = _corpus(tmp_path / "big.jsonl", 3000)
    process = subprocess.Popen(
        [sys.executable, "-m", "extract.cli", "run", str(big), "--out", str(out), "--batch-size", "8"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # As from a terminal: an ignored SIGINT is inherited through exec, and an earlier test in this
        # process (the Dask cluster's) may leave it ignored, which the run would then rightly honour.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    while not any(".tmp-" in p.name for p in out.iterdir()):  # the run has started writing
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.2)
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == "extract: error: interrupted; the previous tables were left as they were"
    assert {t: (out / f"{t}.parquet").read_bytes() for t in TABLES} == before
    assert not [p for p in out.iterdir() if ".tmp-" in p.name]


def test_full_disk_gives_one_line_and_exit_1(tmp_path, nlp, monkeypatch):
    import extract.write.writer

    class FullDisk:
        def __init__(self, *args, **kwargs):
            pass

        def write_batch(self, batch):
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self):
            pass

    monkeypatch.setattr(extract.write.writer.pq, "ParquetWriter", FullDisk)
    result = CliRunner().invoke(app, ["run", str(_corpus(tmp_path / "c.jsonl", 2)), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"extract: error: --out {tmp_path / 'out'}: no space left on the device; the previous tables are untouched"
    ]
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith((".parquet", ".csv")) or ".tmp-" in p.name]


def _read_only_mount(path: Path) -> bool:
    """Bind-mount `path` read-only (root ignores permission bits, so chmod is no test)."""
    if os.geteuid() != 0:
        path.chmod(0o555)
        return True
    done = subprocess.run(["mount", "--bind", str(path), str(path)], capture_output=True)
    if done.returncode:
        return False
    done = subprocess.run(["mount", "-o", "remount,bind,ro", str(path)], capture_output=True)
    if done.returncode:
        subprocess.run(["umount", str(path)])
        return False
    return True


def test_read_only_out_folder_is_a_clear_error(tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    if not _read_only_mount(out):
        pytest.skip("cannot make a read-only folder here (no bind mounts)")
    try:
        result = CliRunner().invoke(app, ["run", str(_corpus(tmp_path / "c.jsonl", 1)), "--out", str(out)])
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(out)])
        else:
            out.chmod(0o755)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and ("not writable" in lines[0] or "cannot write" in lines[0]), result.output


def test_empty_folder_writes_empty_tables_and_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(app, ["run", str(tmp_path / "empty"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "no articles found" in result.output
    for table in TABLES:
        assert read_table(tmp_path / "out", table).empty
