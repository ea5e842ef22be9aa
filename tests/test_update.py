"""extract run --update: only new and changed records are annotated, and the tables equal a full run's."""

from __future__ import annotations

import errno
import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

import extract.cli
import extract.engines.local
import extract.finish
from extract.finish import MANIFEST
from extract.run import run
from extract.schema import COLUMNS, ROW_TABLES, TABLES
from extract.write import DUCKDB_FILE, read_csv_table

PUBLISHED = "2018-12-17"
# Sort keys (row order aside); a duplicate id keeps its doc_id, so documents also sorts on the digest.
KEYS = {
    table: ["doc_id", COLUMNS[table][1]] if table != "documents" else ["doc_id", "source_path", "sha256"]
    for table in ROW_TABLES
} | {"stories": ["story_id"], "corpus_entities": ["kind", "canonical", "country_code"]}


def _sorted(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    return frame.sort_values(KEYS[table]).reset_index(drop=True)


def _read(out: Path, table: str, fmt: str) -> pd.DataFrame:
    """One table as one format holds it (not the reader's preference), sorted."""
    if fmt == "parquet":
        frame = pd.read_parquet(out / f"{table}.parquet")
    elif fmt == "csv":
        frame = read_csv_table(out / f"{table}.csv", table)
    else:
        with duckdb.connect(str(out / DUCKDB_FILE), read_only=True) as con:
            frame = con.sql(f'SELECT * FROM "{table}"').to_arrow_table().to_pandas()
    return _sorted(frame, table)


def _snapshot(out: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(out)): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.name != ".extract.lock"
    }


def _first_version(root: Path, data_dir: Path) -> Path:
    """Two .txt articles, a JSON Lines file with no-id, duplicate, English, empty and broken records."""
    inputs = root / "in"
    shutil.copytree(data_dir / "articles", inputs)
    shutil.copy(data_dir / "dask" / "records.jsonl", inputs / "records.jsonl")
    shutil.copy(data_dir / "events" / "greve-sncf.txt", inputs / "greve-sncf.txt")
    return inputs


def _second_version(inputs: Path, data_dir: Path) -> set[str]:
    """Add an article, change one, and change a JSON Lines record's text; return the doc_ids touched."""
    shutil.copy(data_dir / "events" / "accord-doha.txt", inputs / "accord-doha.txt")
    with open(inputs / "greve-sncf.txt", "a", encoding="utf-8") as handle:
        handle.write("\nLe Maroc a rappelé son ambassadeur à Paris mardi.\n")
    lines = (inputs / "records.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    record = json.loads(lines[-1])
    record["text"] = record["text"].replace("lundi", "mardi")
    lines[-1] = json.dumps(record, ensure_ascii=False) + "\n"
    (inputs / "records.jsonl").write_text("".join(lines), encoding="utf-8")
    return {"accord-doha", "greve-sncf", "records.jsonl:9"}


@pytest.fixture(scope="module")
def updated(tmp_path_factory, data_dir, nlp):
    """A run of the first version updated to the second, and a full run of the second."""
    root = tmp_path_factory.mktemp("update")
    inputs = _first_version(root, data_dir)
    out = root / "updated"
    first = run([inputs], out=out, published=PUBLISHED, fmt="both,duckdb")
    touched = _second_version(inputs, data_dir)
    seen: list[str] = []
    summary = run(
        [inputs],
        out=out,
        published=PUBLISHED,
        fmt="both,duckdb",
        update=True,
        on_document=lambda article, rows: seen.append(article.doc_id),
    )
    run([inputs], out=root / "full", published=PUBLISHED, fmt="both,duckdb")
    return out, root / "full", first, summary, seen, touched


@pytest.mark.parametrize("fmt", ["parquet", "csv", "duckdb"])
@pytest.mark.parametrize("table", TABLES)
def test_update_equals_a_full_run_row_for_row(updated, table, fmt):
    out, full, *_ = updated
    pd.testing.assert_frame_equal(_read(out, table, fmt), _read(full, table, fmt))


def test_update_annotates_only_new_and_changed_records(updated):
    out, full, first, summary, seen, touched = updated
    assert first.documents == 11
    assert sorted(seen) == sorted(touched)
    assert (summary.documents, summary.kept) == (3, 9)
    assert summary.ok + summary.errors + summary.skipped == 3
    assert summary.rows == {table: len(pd.read_parquet(full / f"{table}.parquet")) for table in TABLES}
    assert "3 documents (9 unchanged, kept)" in summary.line()
    assert not [p for p in out.iterdir() if ".tmp-" in p.name or ".old-" in p.name]


def test_update_with_nothing_new_loads_no_model(tmp_path, data_dir, nlp, monkeypatch):
    inputs = _first_version(tmp_path, data_dir)
    out = tmp_path / "out"
    run([inputs], out=out, published=PUBLISHED, fmt="parquet")
    before = {table: _read(out, table, "parquet") for table in TABLES}

    def no_model(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(extract.engines.local, "load_pipeline", no_model)
    summary = run([inputs], out=out, published=PUBLISHED, fmt="parquet", update=True)
    assert (summary.documents, summary.kept) == (0, 11)
    for table in TABLES:
        pd.testing.assert_frame_equal(_read(out, table, "parquet"), before[table])


def test_records_gone_from_the_inputs_keep_their_rows(tmp_path, nlp):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Le Maroc et l'Espagne ont signé un accord à Rabat.", encoding="utf-8")
    (inputs / "b.txt").write_text("La France a condamné l'attaque menée à Bamako.", encoding="utf-8")
    out = tmp_path / "out"
    run([inputs], out=out)
    mentions = _read(out, "mentions", "parquet")
    (inputs / "b.txt").unlink()
    (inputs / "c.txt").write_text("L'Algérie a fermé sa frontière avec le Maroc.", encoding="utf-8")
    summary = run([inputs], out=out, update=True)
    assert (summary.documents, summary.kept) == (1, 1)
    assert sorted(_read(out, "documents", "parquet").doc_id) == ["a", "b", "c"]
    kept = _read(out, "mentions", "parquet").query("doc_id != 'c'").reset_index(drop=True)
    pd.testing.assert_frame_equal(kept, mentions)


def test_a_changed_published_date_reaches_the_records_without_one(tmp_path, nlp):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Le Maroc a signé lundi un accord avec l'Espagne.", encoding="utf-8")
    out = tmp_path / "out"
    run([inputs], out=out, published="2018-12-17")
    summary = run([inputs], out=out, published="2019-03-04", update=True)
    assert summary.documents == 1
    [published] = _read(out, "documents", "parquet").published
    assert published == "2019-03-04"


def test_interrupted_update_leaves_the_previous_tables_whole(tmp_path, data_dir, nlp, monkeypatch):
    inputs = _first_version(tmp_path, data_dir)
    out = tmp_path / "out"
    run([inputs], out=out, published=PUBLISHED, fmt="both,duckdb")
    before = _snapshot(out)
    _second_version(inputs, data_dir)
    import extract.write.writer

    real_flush = extract.write.writer.TableWriter.flush

    def full_disk_on_new_rows(self, table):  # kept rows go in as Arrow; the new ones are buffered and flushed
        if table == "mentions" and self.buffers[table]:
            raise extract.write.writer.disk_error(self.out, OSError(errno.ENOSPC, "No space left on device"))
        real_flush(self, table)

    monkeypatch.setattr(extract.write.writer.TableWriter, "flush", full_disk_on_new_rows)
    result = CliRunner().invoke(
        extract.cli.app,
        ["run", str(inputs), "--out", str(out), "--published", PUBLISHED, "--format", "both,duckdb", "--update"],
    )
    assert result.exit_code == 1
    assert "no space left on the device; the previous tables are untouched" in result.output
    assert _snapshot(out) == before
    assert not [p for p in out.iterdir() if ".tmp-" in p.name]


def test_update_without_a_previous_run_is_a_full_run(tmp_path, data_dir, nlp):
    out = tmp_path / "out"
    summary = run([data_dir / "articles"], out=out, update=True)
    assert (summary.documents, summary.kept) == (2, 0)
    assert len(_read(out, "documents", "parquet")) == 2


def test_update_of_a_csv_run_rewrites_csv_with_the_formats_asked(tmp_path, data_dir, nlp):
    inputs = _first_version(tmp_path, data_dir)
    out = tmp_path / "out"
    run([inputs], out=out, published=PUBLISHED, fmt="csv")
    _second_version(inputs, data_dir)
    summary = run([inputs], out=out, published=PUBLISHED, fmt="parquet", update=True)
    assert summary.documents == 3
    run([inputs], out=tmp_path / "full", published=PUBLISHED, fmt="both")
    for table in TABLES:
        for fmt in ("parquet", "csv"):  # the CSV tables are not left behind, out of date
            pd.testing.assert_frame_equal(_read(out, table, fmt), _read(tmp_path / "full", table, fmt))


def test_update_refuses_tables_made_with_another_model(tmp_path, data_dir, nlp):
    out = tmp_path / "out"
    run([data_dir / "articles"], out=out, fmt="parquet")
    manifest = json.loads((out / MANIFEST).read_text())
    (out / MANIFEST).write_text(json.dumps({**manifest, "model": "fr_core_news_lg"}))
    result = CliRunner().invoke(extract.cli.app, ["run", str(data_dir / "articles"), "--out", str(out), "--update"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"extract: error: --update: the tables in {out} were made with another model; "
        "run without --update to rebuild them"
    )


def test_full_runs_and_updates_end_with_the_same_step(tmp_path, data_dir, nlp, monkeypatch):
    """The corpus tables built at the end of a run are built by one function, whatever the run."""
    import extract.engines.dask
    import extract.run
    import extract.update

    calls: list[Path] = []
    real = extract.finish.finish_run

    def spy(out, formats, *, model):
        calls.append(out)
        return real(out, formats, model=model)

    for module in (extract.run, extract.update, extract.engines.dask):
        monkeypatch.setattr(module, "finish_run", spy)
    out = tmp_path / "out"
    run([data_dir / "articles"], out=out, fmt="parquet")
    run([data_dir / "articles"], out=out, fmt="parquet", update=True)
    assert calls == [out, out]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--update", "--engine", "dask", "--resume"], "--update and --resume do not combine"),
        (["--shard-size", "5"], "--shard-size needs --engine dask"),
    ],
)
def test_cli_update_usage_errors(tmp_path, data_dir, args, message):
    result = CliRunner().invoke(extract.cli.app, ["run", str(data_dir / "articles"), "--out", str(tmp_path), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_update_from_standard_input(tmp_path, nlp):
    records = [
        {"id": f"d{n}", "text": f"Le Maroc a signé un accord avec l'Espagne à Rabat, dépêche {n}."} for n in range(3)
    ]
    lines = [json.dumps(record, ensure_ascii=False) + "\n" for record in records]
    out = tmp_path / "out"
    invoke = CliRunner().invoke
    assert invoke(extract.cli.app, ["run", "-", "--out", str(out)], input="".join(lines[:2])).exit_code == 0
    result = invoke(extract.cli.app, ["run", "-", "--out", str(out), "--update"], input="".join(lines))
    assert result.exit_code == 0, result.output
    assert "1 documents (2 unchanged, kept)" in result.output
    assert sorted(_read(out, "documents", "parquet").doc_id) == ["d0", "d1", "d2"]
