"""Writers: CSV safety, atomic replacement, schemas."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from extract.schema import COLUMNS
from extract.write import TableWriter, neutralise, read_csv_table, unneutralise


@pytest.mark.parametrize(
    "cell, expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+33 6 12", "'+33 6 12"),
        ("-2 degrés", "'-2 degrés"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcachée", "'\tcachée"),
        ("Le Maroc", "Le Maroc"),
        ("", ""),
        ("'quoted", "''quoted"),
        ("l'Élysée", "l'Élysée"),
    ],
)
def test_formula_cells_are_neutralised(cell, expected):
    assert neutralise(cell) == expected


ROUND_TRIP = ["=1+1", "'quoted", "''", "'", "-5", "@x", "plain", "'=x", "''=x", "\tx", "", "l'Élysée"]


@pytest.mark.parametrize("cell", ROUND_TRIP)
def test_the_formula_guard_is_undone_exactly(cell):
    guarded = neutralise(cell)
    assert unneutralise(guarded) == cell
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("cell", ["'=1+1", "''", "'quoted", "plain", "'"])
def test_unneutralise_strips_only_a_guard(cell):
    # a cell neutralise never writes (a lone `'` before ordinary text) is kept as it is
    expected = cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "'") else cell
    assert unneutralise(cell) == expected


def _mention(text: str, doc_id: str = "d") -> tuple:
    return (doc_id, 1, 1, 0, len(text), text, "ORG", "organisation", text, None, None, None, None, None, None)


def test_csv_neutralises_every_text_cell_but_parquet_keeps_the_value(tmp_path):
    writer = TableWriter(tmp_path, ("parquet", "csv"))
    writer.add("mentions", [_mention("=1+1", doc_id="@evil"), _mention('Le "Monde", quotidien\nparisien')])
    writer.commit()
    with open(tmp_path / "mentions.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == COLUMNS["mentions"]
    assert rows[1][0] == "'@evil" and rows[1][5] == "'=1+1" and rows[1][8] == "'=1+1"
    assert rows[2][5] == 'Le "Monde", quotidien\nparisien'
    frame = pd.read_parquet(tmp_path / "mentions.parquet")
    assert frame.text.tolist() == ["=1+1", 'Le "Monde", quotidien\nparisien']
    assert frame.country_code.isna().all()


def test_nothing_is_in_place_before_commit_and_abort_cleans_up(tmp_path):
    writer = TableWriter(tmp_path, ("parquet", "csv"))
    writer.add("mentions", [_mention("Interpol")])
    assert not (tmp_path / "mentions.parquet").exists()
    writer.abort()
    assert list(tmp_path.iterdir()) == []


def test_rows_are_written_in_row_groups(tmp_path, monkeypatch):
    import extract.write.writer

    monkeypatch.setattr(extract.write.writer, "ROW_GROUP", 10)
    writer = TableWriter(tmp_path, ("parquet",))
    for i in range(35):
        writer.add("mentions", [_mention(f"m{i}")])
    writer.commit()
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(tmp_path / "mentions.parquet")
    assert parquet.metadata.num_rows == 35
    assert parquet.num_row_groups == 4


def test_a_csv_table_reads_back_as_the_original_strings(tmp_path):
    writer = TableWriter(tmp_path, ("parquet", "csv"))
    cells = [cell for cell in ROUND_TRIP if cell]  # an empty cell is a null in CSV (README)
    writer.add("mentions", [_mention(cell, doc_id=cell) for cell in cells])
    writer.commit()
    frame = read_csv_table(tmp_path / "mentions.csv", "mentions")
    assert frame.text.tolist() == frame.doc_id.tolist() == cells
    expected = pd.read_parquet(tmp_path / "mentions.parquet")
    pd.testing.assert_frame_equal(
        frame.astype(object).where(frame.notna(), None),
        expected.astype(object).where(expected.notna(), None),
        check_dtype=False,
    )
