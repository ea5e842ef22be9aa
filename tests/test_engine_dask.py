"""The Dask engine: shards read like the whole input, tables equal the local engine's, --resume."""

from __future__ import annotations

import math
import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from conftest import read_table
from extract.engines.shards import absolute, plan_shards, read_shard
from extract.errors import UsageError
from extract.finish import MANIFEST
from extract.read import find_sources, read_articles
from extract.run import run
from extract.schema import COLUMNS, DERIVED_TABLES, ROW_TABLES, SCHEMAS, TABLES

distributed = pytest.importorskip("distributed")
from extract.engines.dask import STAGING, run_dask  # noqa: E402

PUBLISHED = "2018-12-17"
SHARD = 3
# Sort keys (row order aside); a duplicate id keeps its doc_id, so documents also sorts on the digest.
KEYS = {
    table: ["doc_id", COLUMNS[table][1]] if table != "documents" else ["doc_id", "source_path", "sha256"]
    for table in ROW_TABLES
} | {"stories": ["story_id"], "corpus_entities": ["kind", "canonical", "country_code"]}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, data_dir):
    """Two .txt articles, then JSON Lines records: no id, blank line, duplicates, English, empty, broken."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(data_dir / "articles", root / "articles")
    shutil.copy(data_dir / "dask" / "records.jsonl", root / "records.jsonl")
    return [root / "articles", root / "records.jsonl"]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        yield cluster


@pytest.fixture(scope="module")
def local_out(tmp_path_factory, corpus, nlp):
    out = tmp_path_factory.mktemp("local")
    run(corpus, out=out, published=PUBLISHED)
    return out


@pytest.fixture(scope="module")
def dask_out(tmp_path_factory, corpus, cluster):
    out = tmp_path_factory.mktemp("dask")
    summary = run_dask(corpus, out=out, published=PUBLISHED, scheduler=cluster.scheduler_address, shard_size=SHARD)
    return out, summary


def _sorted(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    return frame.sort_values(KEYS[table]).reset_index(drop=True)


@pytest.mark.parametrize("size", [1, 2, 3, 4, 100])
def test_shards_read_the_same_records_as_the_whole_input(corpus, size):
    sources = [absolute(source) for source in find_sources(corpus)]
    shards = plan_shards(sources, size)
    sharded = [article for shard in shards for article in read_shard(shard, published=PUBLISHED)]
    whole = list(read_articles(corpus, published=PUBLISHED))
    assert [shard.size for shard in shards[:-1]] == [size] * (len(shards) - 1)
    assert len(shards) == math.ceil(len(whole) / size)
    assert [(a.doc_id, a.text, a.error, a.published) for a in sharded] == [
        (a.doc_id, a.text, a.error, a.published) for a in whole
    ]


@pytest.mark.parametrize("table", TABLES)
def test_dask_tables_equal_the_local_engine(local_out, dask_out, table):
    out, _ = dask_out
    expected = _sorted(read_table(local_out, table), table)
    got = _sorted(read_table(out, table), table)
    pd.testing.assert_frame_equal(got, expected)
    assert (out / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0].split(",") == COLUMNS[table]
    assert sorted((out / f"{table}.csv").read_text(encoding="utf-8").splitlines()) == sorted(
        (local_out / f"{table}.csv").read_text(encoding="utf-8").splitlines()
    )


@pytest.mark.parametrize("table", ROW_TABLES)
def test_dask_writes_one_part_per_shard_with_the_schema(dask_out, table):
    out, summary = dask_out
    parts = sorted((out / f"{table}.parquet").iterdir())
    assert len(parts) == math.ceil(summary.documents / SHARD)
    assert [part.name for part in parts] == [f"part-{n:06d}.parquet" for n in range(len(parts))]
    for part in parts:
        assert pq.read_schema(part).remove_metadata() == SCHEMAS[table]
    assert not (out / STAGING).exists()


@pytest.mark.parametrize("table", DERIVED_TABLES)
def test_dask_writes_the_corpus_tables_as_one_file_each(dask_out, table):
    out, _ = dask_out
    assert pq.read_schema(out / f"{table}.parquet").remove_metadata() == SCHEMAS[table]
    assert len(read_table(out, table)) > 0


def test_dask_summary_counts_every_record(dask_out):
    out, summary = dask_out
    documents = read_table(out, "documents")
    assert summary.documents == len(documents) == 10
    assert (summary.ok, summary.errors, summary.skipped) == (5, 3, 2)
    duplicates = documents[documents.error.fillna("").str.startswith("duplicate id")]
    assert sorted(duplicates.doc_id) == ["rabat-accord", "tunis-serment"]
    assert summary.rows == {table: len(read_table(out, table)) for table in TABLES}


class Interrupt(KeyboardInterrupt):
    pass


def _interrupt_after_first(counts):
    raise Interrupt


def test_resume_after_an_interrupted_run_completes_without_duplicates(tmp_path, corpus, cluster, local_out):
    out = tmp_path / "out"
    with pytest.raises(Interrupt):
        run_dask(
            corpus,
            out=out,
            published=PUBLISHED,
            scheduler=cluster.scheduler_address,
            shard_size=SHARD,
            on_shard=_interrupt_after_first,
        )
    assert not any((out / f"{table}.parquet").exists() for table in TABLES)  # no half-written table
    kept = len(list((out / STAGING).glob("shard-*/summary.json")))
    assert kept >= 1

    rerun: list[int] = []
    summary = run_dask(
        corpus,
        out=out,
        published=PUBLISHED,
        scheduler=cluster.scheduler_address,
        shard_size=SHARD,
        resume=True,
        on_shard=lambda counts: rerun.append(counts["shard"]),
    )
    n_shards = math.ceil(summary.documents / SHARD)
    assert len(rerun) == n_shards - kept  # the completed shards were not run again
    for table in TABLES:
        got = read_table(out, table)
        assert not got.duplicated(KEYS[table]).any()  # by key: list cells (agents, targets) are unhashable
        pd.testing.assert_frame_equal(_sorted(got, table), _sorted(read_table(local_out, table), table))


def test_resume_refuses_inputs_that_changed(tmp_path, corpus, cluster):
    out = tmp_path / "out"
    inputs = tmp_path / "in"
    shutil.copytree(corpus[0], inputs)
    with pytest.raises(Interrupt):
        run_dask([inputs], out=out, scheduler=cluster.scheduler_address, shard_size=1, on_shard=_interrupt_after_first)
    (inputs / "nouveau.txt").write_text("Un article ajouté après l'interruption.", encoding="utf-8")
    with pytest.raises(UsageError, match="changed since the interrupted run"):
        run_dask([inputs], out=out, scheduler=cluster.scheduler_address, shard_size=1, resume=True)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--resume"], "--resume needs --engine dask"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
        (["--engine", "spark"], "Invalid value for '--engine'"),  # a choice the CLI checks; run() checks it too
        (["--engine", "dask", "-"], "cannot read standard input"),
    ],
)
def test_cli_engine_usage_errors(tmp_path, corpus, args, message):
    from extract.cli import app

    inputs = [] if "-" in args else [str(corpus[0])]
    result = CliRunner().invoke(app, ["run", *inputs, "--out", str(tmp_path), *args], input="")
    assert result.exit_code == 2
    assert message in result.output


def test_cli_engine_dask_starts_and_closes_a_local_cluster(tmp_path, corpus):
    from extract.cli import app

    result = CliRunner().invoke(
        app, ["run", str(corpus[0]), "--out", str(tmp_path), "--engine", "dask", "-n", "2", "--format", "parquet"]
    )
    assert result.exit_code == 0, result.output
    assert len(read_table(tmp_path, "documents")) == 2
    assert (tmp_path / "mentions.parquet").is_dir()


def test_engines_take_turns_in_one_out_folder(tmp_path, corpus, cluster, nlp):
    out = tmp_path / "out"
    run_dask([corpus[0]], out=out, scheduler=cluster.scheduler_address, shard_size=1)
    assert (out / "mentions.parquet").is_dir()
    run([corpus[0]], out=out)
    assert (out / "mentions.parquet").is_file()
    run_dask([corpus[0]], out=out, scheduler=cluster.scheduler_address, shard_size=1)
    assert (out / "mentions.parquet").is_dir()
    assert len(read_table(out, "documents")) == 2
    assert (
        sorted(
            path.name
            for path in out.iterdir()
            if path.name.startswith(".") and path.name not in (".extract.lock", MANIFEST)
        )
        == []
    )


@pytest.mark.parametrize("select", [{0}, {1, 2, 3}, {0, 4, 5, 9}, {2, 6, 7, 8, 9}, set()])
def test_shards_of_selected_records_read_those_records(corpus, select):
    sources = [absolute(source) for source in find_sources(corpus)]
    shards = plan_shards(sources, 2, select=select)
    sharded = [article for shard in shards for article in read_shard(shard, published=PUBLISHED)]
    whole = [a for n, a in enumerate(read_articles(corpus, published=PUBLISHED)) if n in select]
    assert [(a.doc_id, a.text, a.error, a.published) for a in sharded] == [
        (a.doc_id, a.text, a.error, a.published) for a in whole
    ]
    assert all(shard.size <= 2 for shard in shards)


def test_update_on_the_dask_engine_equals_a_full_run(tmp_path, corpus, cluster, data_dir):
    inputs = tmp_path / "in"
    shutil.copytree(corpus[0], inputs)
    out = tmp_path / "out"
    run([inputs, corpus[1]], out=out, published=PUBLISHED, fmt="parquet")  # a local run, then a Dask update
    shutil.copy(data_dir / "events" / "accord-doha.txt", inputs / "accord-doha.txt")
    with open(inputs / "bruxelles-sommet.txt", "a", encoding="utf-8") as handle:
        handle.write("\nLe Maroc a rappelé son ambassadeur à Paris mardi.\n")
    done: list[int] = []
    summary = run_dask(
        [inputs, corpus[1]],
        out=out,
        published=PUBLISHED,
        fmt="both",
        scheduler=cluster.scheduler_address,
        shard_size=1,
        update=True,
        on_shard=lambda counts: done.append(counts["documents"]),
    )
    assert (summary.documents, summary.kept) == (2, 9)
    assert done == [1, 1]  # one task per new or changed record, none for the others
    assert not (out / STAGING).exists()
    full = tmp_path / "full"
    run([inputs, corpus[1]], out=full, published=PUBLISHED, fmt="both")
    for table in TABLES:
        pd.testing.assert_frame_equal(_sorted(read_table(out, table), table), _sorted(read_table(full, table), table))
        assert sorted((out / f"{table}.csv").read_text(encoding="utf-8").splitlines()) == sorted(
            (full / f"{table}.csv").read_text(encoding="utf-8").splitlines()
        )
