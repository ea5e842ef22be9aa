"""Find the name tables' names in running text with dict lookups instead of spaCy's PhraseMatcher.

The PhraseMatcher needs one `Doc` per pattern: building 46,000 of them (and the
43,000 lexemes they add to the vocab) was the larger part of loading the
pipeline. A name here is the tuple of its tokens' texts, lower-cased for plain
names (the PhraseMatcher's `LOWER`) and as written for acronyms (`ORTH`); a doc
is scanned once, looking up at each token only the lengths of the names that
start with that word. The matches are the PhraseMatcher's, in its order: by start,
then by end, then place, country, nationality, organisation (`tests/test_entities_names.py` compares the two).

The token tuples are built once per set of resource files, tokenizer and
package version, and kept in the cache (`extract.cache`), so a process loads
them in a fraction of a second instead of tokenizing every name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.entities.gazetteer import Knowledge, is_acronym, surface_variants

Key = tuple[str, ...]
# Where several tables know the same words ("Georgia", "Québec"), the order in which
# their matches come; the overlap rules see them in this order.
SAME_SPAN_ORDER = {"place": 0, "country": 1, "nationality": 2, "organisation": 3}


@dataclass
class NameIndex:
    """The names of each table as token tuples, and the lengths of those starting with each first word."""

    kinds: list[str] = field(default_factory=list)
    lower: list[set[Key]] = field(default_factory=list)  # per kind: plain names, lower-cased tokens
    exact: list[set[Key]] = field(default_factory=list)  # per kind: acronyms, tokens as written
    lower_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    exact_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def add(self, kind: str, plain: Iterable[Key], acronyms: Iterable[Key]) -> None:
        self.kinds.append(kind)
        self.lower.append({tuple(word.lower() for word in key) for key in plain if key})
        self.exact.append({key for key in acronyms if key})

    def finish(self) -> NameIndex:
        self.lower_lengths = _lengths(self.lower)
        self.exact_lengths = _lengths(self.exact)
        return self

    def __call__(self, doc: Doc) -> list[tuple[str, int, int, bool]]:
        """(kind, start, end, exact) for every table name in `doc`: the plain names, then the acronyms."""
        lower = [token.lower_ for token in doc]
        orth = [token.text for token in doc]
        return self._scan(lower, self.lower, self.lower_lengths, False) + self._scan(
            orth, self.exact, self.exact_lengths, True
        )

    def _scan(
        self, words: list[str], tables: list[set[Key]], lengths: dict[str, tuple[int, ...]], exact: bool
    ) -> list[tuple[str, int, int, bool]]:
        found: list[tuple[int, int, int, int]] = []  # (start, end, rank, table): the PhraseMatcher's order
        n = len(words)
        for start, word in enumerate(words):
            for length in lengths.get(word, ()):
                end = start + length
                if end > n:
                    break
                key = tuple(words[start:end])
                for t, names in enumerate(tables):
                    if key in names:
                        found.append((start, end, SAME_SPAN_ORDER.get(self.kinds[t], t), t))
        found.sort()
        return [(self.kinds[t], start, end, exact) for start, end, _, t in found]


def _lengths(tables: list[set[Key]]) -> dict[str, tuple[int, ...]]:
    by_first: dict[str, set[int]] = {}
    for names in tables:
        for key in names:
            by_first.setdefault(key[0], set()).add(len(key))
    return {first: tuple(sorted(lengths)) for first, lengths in by_first.items()}


def build_index(nlp: Language, knowledge: Knowledge) -> NameIndex:
    """Every matchable name of every table, split as the tokenizer splits it.

    Names of letters and spaces only are split on the spaces (what the tokenizer
    does with them, and much faster); the others go through the tokenizer.
    """
    index = NameIndex()
    for table in knowledge.tables():
        plain: set[str] = set()
        acronyms: set[str] = set()
        for name in table.patterns:
            (acronyms if is_acronym(name) else plain).update(surface_variants(name))
        index.add(table.kind, _split(nlp, plain), _split(nlp, acronyms))
    return index.finish()


def _split(nlp: Language, names: set[str]) -> list[Key]:
    simple = sorted(n for n in names if n.replace(" ", "").isalpha())
    other = sorted(names.difference(simple))
    tokenizer = nlp.tokenizer
    split = [tuple(n.split()) for n in simple]
    split += [tuple(token.text for token in doc) for doc in tokenizer.pipe(other)]  # type: ignore[union-attr]  # spaCy types Language.tokenizer as a plain callable; the Tokenizer has pipe()
    return split
