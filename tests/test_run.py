"""extract.run end to end: the tables, their schemas, offsets, statuses and atomic writes."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import read_table
from extract.errors import UsageError
from extract.run import run
from extract.schema import COLUMNS, SCHEMAS, TABLES

SEED = "maroc-cellule-securite.txt"


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory, data_dir, nlp):
    out = tmp_path_factory.mktemp("seed-out")
    source = tmp_path_factory.mktemp("seed-in")
    shutil.copy(data_dir / "seed" / SEED, source / SEED)
    summary = run([source], out=out, published="2018-12-17")
    return out, summary


def test_seed_run_writes_every_table_in_both_formats(seed_run):
    out, summary = seed_run
    assert summary.exit_code == 0
    assert summary.documents == summary.ok == 1
    for table in TABLES:
        assert (out / f"{table}.parquet").is_file()
        assert (out / f"{table}.csv").is_file()


@pytest.mark.parametrize("table", TABLES)
def test_tables_match_the_schema_column_for_column(seed_run, table):
    out, _ = seed_run
    assert pq.read_schema(out / f"{table}.parquet").remove_metadata() == SCHEMAS[table]
    header = (out / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == COLUMNS[table]


def test_seed_documents_row(seed_run, data_dir):
    out, _ = seed_run
    [doc] = read_table(out, "documents").to_dict("records")
    text = (data_dir / "seed" / SEED).read_text(encoding="utf-8")
    assert doc["doc_id"] == "maroc-cellule-securite"
    assert doc["status"] == "ok"
    assert doc["published"] == "2018-12-17"
    assert doc["n_chars"] == len(text)
    assert doc["title"].startswith("Le Maroc et trois pays européens")
    assert doc["n_sentences"] >= 10 and doc["n_tokens"] > 300


def test_seed_mentions_point_into_the_text_and_skip_debris(seed_run, data_dir):
    out, _ = seed_run
    text = (data_dir / "seed" / SEED).read_text(encoding="utf-8")
    mentions = read_table(out, "mentions")
    assert len(mentions) > 10
    for row in mentions.itertuples():
        assert text[row.start : row.end] == row.text
    title_end = text.index("\n\n") + 2
    repeated_title = (title_end, text.index("\n\n", title_end))
    assert not ((mentions.start >= repeated_title[0]) & (mentions.end <= repeated_title[1])).any()
    assert not mentions.text.str.contains("MN|Commentaires").any()
    assert mentions.mention_id.tolist() == list(range(1, len(mentions) + 1))


def test_cut_paragraph_is_one_sentence(seed_run, data_dir):
    out, _ = seed_run
    mentions = read_table(out, "mentions").set_index("text")
    assert mentions.loc["CIA", "sentence_id"] == mentions.loc["Interpol", "sentence_id"].max()


def test_entities_group_mentions(seed_run):
    out, _ = seed_run
    mentions = read_table(out, "mentions")
    entities = read_table(out, "entities")
    assert entities.n_mentions.sum() == len(mentions)
    assert not entities.duplicated(["doc_id", "kind", "canonical"]).any()


def _run_texts(tmp_path, texts: dict[str, str], **kwargs):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()), encoding="utf-8")
    out = tmp_path / "out"
    return run([src], out=out, **kwargs), out


BODY = "Le Maroc et la France ont signé un accord à Rabat. Le ministre belge s'est rendu à Strasbourg."


@pytest.mark.parametrize(
    "text",
    [
        BODY.replace(". ", ".\r\n\r\n"),
        unicodedata.normalize("NFD", "À Téhéran, le président iranien a reçu le ministre français. " + BODY),
        BODY.replace("Maroc", "Ma\u200broc").replace("la France", "la\u200b France").replace(" ", "\u00a0", 3),
        "Le\u200f Maroc\u200e et l\u2019Espagne ont signé à Madrid. " + BODY,
    ],
    ids=["crlf", "nfd", "zero-width-nbsp", "bidi-apostrophe"],
)
def test_offsets_hold_on_hostile_text(tmp_path, nlp, text):
    summary, out = _run_texts(tmp_path, {"a": text})
    assert summary.ok == 1
    mentions = read_table(out, "mentions")
    assert len(mentions) >= 3
    for row in mentions.itertuples():
        assert text[row.start : row.end] == row.text


def test_article_longer_than_max_length_is_chunked(tmp_path, nlp):
    filler = "\n" * (nlp.max_length + 10)
    text = "Le Maroc a signé un accord à Rabat." + filler + "\n\nLa Belgique a signé un accord à Bruxelles."
    summary, out = _run_texts(tmp_path, {"long": text})
    assert summary.ok == 1
    mentions = read_table(out, "mentions")
    late = mentions[mentions.start > nlp.max_length]
    assert "Bruxelles" in late.text.tolist()
    for row in mentions.itertuples():
        assert text[row.start : row.end] == row.text


def test_statuses_and_exit_code(tmp_path, nlp):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text(BODY, encoding="utf-8")
    (src / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (src / "english.txt").write_text(
        "The minister said on Tuesday that the agreement between the two countries would be signed next week in London.",
        encoding="utf-8",
    )
    (src / "binary.txt").write_bytes(bytes(range(256)) * 8)
    summary = run([src], out=tmp_path / "out")
    documents = read_table(tmp_path / "out", "documents").set_index("doc_id")
    assert documents.loc["ok", "status"] == "ok"
    assert documents.loc["empty", "status"] == "skipped"
    assert documents.loc["english", "status"] == "skipped"
    assert documents.loc["english", "error"] == "not French (detected English)"
    assert documents.loc["binary", "status"] == "error"
    assert summary.exit_code == 1
    assert (summary.ok, summary.skipped, summary.errors) == (1, 2, 1)


def test_interrupted_run_leaves_previous_tables_whole(tmp_path, nlp):
    _, out = _run_texts(tmp_path, {"a": BODY})
    before = {t: (out / f"{t}.parquet").read_bytes() for t in TABLES}

    def interrupt(article, rows):
        raise KeyboardInterrupt

    src = tmp_path / "second.jsonl"
    src.write_text(json.dumps({"id": "b", "text": BODY}) + "\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        run([src], out=out, on_document=interrupt)
    assert {t: (out / f"{t}.parquet").read_bytes() for t in TABLES} == before
    assert not [p for p in out.iterdir() if ".tmp-" in p.name]


def test_out_naming_a_file_is_a_usage_error(tmp_path, data_dir):
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="is a file"):
        run([data_dir / "batch.jsonl"], out=tmp_path / "file")


def test_second_run_into_the_same_out_is_refused(tmp_path, data_dir):
    from extract.write import OutputLock

    out = tmp_path / "out"
    out.mkdir()
    with OutputLock(out):
        with pytest.raises(UsageError, match="another extract run"):
            run([data_dir / "batch.jsonl"], out=out)


def test_the_output_lock_is_refused_to_another_process_and_freed_on_release(tmp_path):
    import os
    import subprocess
    import sys

    import extract
    from extract.write import OutputLock

    out = tmp_path / "out"
    out.mkdir()
    held = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from extract.write import OutputLock\n"
            "with OutputLock(Path(sys.argv[1])):\n    print('held', flush=True); sys.stdin.read()",
            str(out),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(Path(extract.__file__).parents[1]), os.environ.get("PYTHONPATH", "")]),
        },
    )
    try:
        assert held.stdout.readline().strip() == "held"
        with pytest.raises(UsageError, match="another extract run"):
            with OutputLock(out):
                pass
    finally:
        held.communicate("")
    with OutputLock(out):  # free again once the other process let go
        pass
    with OutputLock(out):  # and once this one did
        pass


def test_two_processes_give_the_same_tables(tmp_path, data_dir, nlp):
    one = run([data_dir / "articles", data_dir / "batch.jsonl"], out=tmp_path / "one", fmt="parquet")
    two = run(
        [data_dir / "articles", data_dir / "batch.jsonl"],
        out=tmp_path / "two",
        fmt="parquet",
        n_process=2,
        batch_size=2,
    )
    assert one.documents == two.documents == 5
    for table in TABLES:
        assert read_table(tmp_path / "one", table).equals(read_table(tmp_path / "two", table))
