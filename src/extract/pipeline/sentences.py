"""The `paragraph_breaks` component: sentence starts fixed before the parser runs.

Left alone, the parser runs a headline into the first paragraph ("... à Doha
\\n\\nLes États-Unis ont signé") and sometimes splits inside a noun phrase,
losing subjects. News text marks its sentences well, so this component decides
every boundary: a sentence starts after a line break that ends a paragraph (a
blank line, or a newline after closing punctuation) and after sentence-final
punctuation followed by a capital; nowhere else. A single newline inside a
sentence (hard-wrapped text) is not a boundary. Runs before the parser, which
respects the boundaries it is given.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

SENTENCE_END = frozenset({".", "!", "?", "…", "...", "»."})
CLOSING = frozenset({"»", '"', ")", "”"})


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Does token i close a sentence (punctuation, or a closing quote right after it)?"""
    token = doc[i]
    if token.text in SENTENCE_END:
        return True
    return token.text in CLOSING and i > 0 and doc[i - 1].text in SENTENCE_END


@Language.component("paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """Set `is_sent_start` on every token from line breaks and closing punctuation."""
    last_word = -1  # index of the last non-space token seen
    text = doc.text  # built from the tokens on every access: once per doc, not once per token
    for token in doc:
        if token.i == 0:
            continue
        if token.is_space:
            token.is_sent_start = False
            continue
        if last_word < 0:
            token.is_sent_start = False  # only space before: still the first sentence
            last_word = token.i
            continue
        gap = text[doc[last_word].idx + len(doc[last_word].text) : token.idx]
        newlines = gap.count("\n")
        ended = _ends_sentence(doc, last_word)
        token.is_sent_start = newlines >= 2 or (newlines == 1 and ended) or (ended and token.text[:1].isupper())
        last_word = token.i
    return doc
