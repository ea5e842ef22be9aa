"""Property-based tests: offsets always point into the text as read; one documents row per record."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.pipeline.clean import _compose, prepare
from extract.pipeline.process import annotate_batch
from extract.read import read_articles
from extract.read.article import Article
from extract.schema import COLUMNS

FRAGMENTS = [
    "Le Maroc",
    " et ",
    "la France",
    " ont signé un accord à Rabat",
    " mardi dernier",
    ". ",
    "L'attaque de Strasbourg",
    " le 17 décembre 2018",
    "\n\n",
    "\r\n",
    "\u200b",
    "\u200f",
    "\u00a0",
    "\ufeff",
    "e\u0301",
    "Te\u0301he\u0301ran",
    "Interpol",
    "…",
    "\x00",
    "MN",
    "Commentaires",
    "🙂",
]
texts = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), min_size=1, max_size=30).map("".join)
RELAXED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(texts)
@RELAXED
def test_offset_map_is_monotone_and_covers_each_character(text):
    prepared = _compose(text)
    if prepared.starts is None:
        assert prepared.text == text
        return
    previous_end = 0
    for i, char in enumerate(prepared.text):
        start, end = prepared.starts[i], prepared.ends[i]
        assert previous_end <= start or prepared.starts[i - 1] == start  # a composed group may yield several chars
        assert start < end
        assert char in unicodedata.normalize("NFC", text[start:end])
        previous_end = end


@given(texts)
@RELAXED
def test_cleaning_preserves_length_beyond_composition(text):
    assert len(prepare(text).text) == len(_compose(text).text)


@given(texts)
@RELAXED
def test_every_row_points_into_the_original_text(nlp, text):
    article = Article(doc_id="p", source_path="p", text=text, published="2018-12-17")
    [rows] = annotate_batch(nlp, [article])
    assert len(rows.tables["documents"]) == 1
    for table in ("mentions", "timexes", "events"):
        columns = COLUMNS[table]
        start, end = columns.index("start"), columns.index("end")
        value = columns.index("trigger" if table == "events" else "text")
        for row in rows.tables[table]:
            assert 0 <= row[start] < row[end] <= len(text)
            assert text[row[start] : row[end]] == row[value]


records = st.one_of(
    st.fixed_dictionaries({"text": st.one_of(texts, st.integers(), st.none(), st.lists(st.integers(), max_size=2))}),
    st.fixed_dictionaries(
        {
            "id": st.sampled_from(["a", "b", "c"]),
            "text": texts,
            "published": st.sampled_from(["2018-12-17", "bad", None]),
        }
    ),
    st.just("{not json"),
    st.just("[1, 2]"),
)


@given(st.lists(records, min_size=1, max_size=12))
@settings(max_examples=60, deadline=None)
def test_every_input_record_is_one_article(tmp_path_factory, records):
    path = tmp_path_factory.mktemp("prop") / "in.jsonl"
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = list(read_articles([path]))
    assert len(articles) == len(records)
    for article, record in zip(articles, records):
        usable = isinstance(record, dict) and isinstance(record.get("text"), str)
        assert (article.error is None) <= usable
