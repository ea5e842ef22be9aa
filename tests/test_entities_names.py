"""The name index finds what spaCy's PhraseMatcher found, in its order, and is built once per set of tables."""

from __future__ import annotations

import pickle

import pytest
from spacy.matcher import PhraseMatcher

from extract import cache
from extract.components.entities.gazetteer import is_acronym, surface_variants
from extract.components.entities.names import NameIndex, build_index

SENTENCES = [
    "Le président du Sénégal a reçu à Dakar le ministre français des Affaires étrangères.",
    "L'ONU et l'Union européenne ont salué l'accord conclu à Genève entre Kiev et Moscou.",
    "Des Marocains et des Espagnols ont manifesté devant l'ambassade des États-Unis à Madrid.",
    "La Géorgie, la Georgia et Tbilissi : trois noms que l'OTAN ne confond pas.",
    "Le FMI a prêté 3 milliards de dollars à la Côte d'Ivoire, selon Abidjan.",
    "Saint-Pierre-et-Miquelon, Bruxelles et la Nouvelle-Calédonie étaient à l'ordre du jour.",
]


def phrase_matches(nlp, doc):
    """What the component found before the index: two PhraseMatchers over Docs of the names."""
    component = nlp.get_pipe("extract_entities")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for table in component.kb.tables():
        plain = {v for n in table.patterns if not is_acronym(n) for v in surface_variants(n)}
        acronyms = {v for n in table.patterns if is_acronym(n) for v in surface_variants(n)}
        lower.add(table.kind, [nlp.make_doc(n) for n in sorted(plain)])
        exact.add(table.kind, [nlp.make_doc(n) for n in sorted(acronyms)])
    strings = nlp.vocab.strings
    return [(strings[m], s, e, False) for m, s, e in lower(doc)] + [(strings[m], s, e, True) for m, s, e in exact(doc)]


@pytest.fixture(scope="module")
def reference(nlp):
    return {text: phrase_matches(nlp, nlp.make_doc(text)) for text in SENTENCES}


@pytest.mark.parametrize("text", SENTENCES)
def test_the_index_finds_what_the_phrase_matcher_found_in_its_order(nlp, reference, text):
    names = nlp.get_pipe("extract_entities").names
    assert names(nlp.make_doc(text)) == reference[text]
    assert reference[text], "the sentence names something the tables know"


def test_plain_names_match_in_any_case_and_acronyms_only_as_written(nlp):
    index = NameIndex()
    index.add("organisation", [("Nations", "unies")], [("ONU",)])
    index.finish()
    doc = nlp.make_doc("Les nations Unies et l'ONU, pas l'Onu.")
    assert index(doc) == [("organisation", 1, 3, False), ("organisation", 5, 6, True)]


def test_several_tables_knowing_the_same_words_come_place_first(nlp):
    index = NameIndex()
    for kind in ("country", "nationality", "place", "organisation"):
        index.add(kind, [("Jordan",)], [])
    index.finish()
    assert [kind for kind, *_ in index(nlp.make_doc("Jordan"))] == ["place", "country", "nationality", "organisation"]


def test_the_index_survives_pickling(nlp):
    component = nlp.get_pipe("extract_entities")
    doc = nlp.make_doc(SENTENCES[1])
    assert pickle.loads(pickle.dumps(component.names))(doc) == component.names(doc)


def test_a_name_with_an_apostrophe_is_split_by_the_tokenizer(nlp):
    component = nlp.get_pipe("extract_entities")
    index = build_index(nlp, component.kb)
    country = index.kinds.index("country")
    assert tuple(t.lower_ for t in nlp.make_doc("Côte d'Ivoire")) in index.lower[country]
    assert tuple(t.lower_ for t in nlp.make_doc("Côte d’Ivoire")) in index.lower[country]  # either apostrophe


class Builds:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return {"built": self.calls}


def test_a_build_is_made_once_and_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path))
    build = Builds()
    assert cache.cached("thing", ["a", "b"], build) == {"built": 1}
    assert cache.cached("thing", ["a", "b"], build) == {"built": 1}
    assert build.calls == 1


def test_a_changed_key_is_a_new_build(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path))
    table = tmp_path / "table.tsv"
    table.write_text("one\n")
    build = Builds()
    cache.cached("thing", [cache.file_digest(table)], build)
    table.write_text("two\n")
    assert cache.cached("thing", [cache.file_digest(table)], build) == {"built": 2}


def test_a_damaged_file_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path))
    build = Builds()
    cache.cached("thing", ["k"], build)
    (stored,) = tmp_path.glob("thing-*.pickle")
    stored.write_bytes(b"not a pickle")
    assert cache.cached("thing", ["k"], build) == {"built": 2}
    assert pickle.loads(stored.read_bytes()) == {"built": 2}


def test_only_the_latest_builds_of_a_name_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path))
    for n in range(cache.KEEP + 3):
        cache.cached("thing", [str(n)], Builds())
    assert len(list(tmp_path.glob("thing-*.pickle"))) == cache.KEEP


@pytest.mark.parametrize("setting", ["off", "0", ""])
def test_the_cache_can_be_turned_off(tmp_path, monkeypatch, setting):
    monkeypatch.setenv(cache.ENV, setting)
    build = Builds()
    cache.cached("thing", ["k"], build)
    cache.cached("thing", ["k"], build)
    assert build.calls == 2


def test_a_folder_that_cannot_be_written_only_costs_a_build(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv(cache.ENV, str(blocked / "cache"))
    assert cache.cached("thing", ["k"], Builds()) == {"built": 1}


def test_the_entity_component_reads_its_tables_from_the_cache(nlp, tmp_path, monkeypatch):
    import extract.components.entities.component as component

    monkeypatch.setenv(cache.ENV, str(tmp_path))
    first = nlp.create_pipe("extract_entities")
    monkeypatch.setattr(component, "build_index", lambda *a: pytest.fail("rebuilt although cached"))
    second = nlp.create_pipe("extract_entities")
    doc = nlp.make_doc(SENTENCES[0])
    assert second.names(doc) == first.names(doc)
