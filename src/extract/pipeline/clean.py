"""Prepare an article's text for the model, keeping a map back to the original offsets.

The model sees a cleaned copy of the text:

- format characters (zero-width spaces and joiners, bidi marks, soft hyphens,
  BOMs) are dropped and decomposed accents composed (NFC), so "le\u200b Maroc"
  and a decomposed "Téhéran" match like any other; these change lengths, so an
  offset map records where each cleaned character came from;
- NUL and control characters, non-breaking and other exotic spaces, carriage
  returns and typographic apostrophes are replaced one for one;
- scraped-page debris (the title repeated under itself, a trailing
  "Commentaires", author initials such as "MN") is blanked with spaces;
- a paragraph break that cuts a sentence ("adressé par...\n\nla CIA") is
  replaced with spaces, so the parser sees one sentence.

`Prepared.to_original(start, end)` maps a span of the cleaned text back to the
text exactly as read: `text[start:end]` is then the mention as it stands.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

# Characters that carry no text: dropped before matching.
_FORMAT = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
# One-for-one replacements (same length, so no offset bookkeeping).
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\t\x0b\x0c]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_APOSTROPHES = re.compile("[\u2019\u02bc\u2032]")

# Lines scrapers leave at the end of an article.
_TRAILING = re.compile(
    r"(?i:commentaires?|\d+\s+commentaires?|réagir|partager|imprimer|envoyer|publicité|lire aussi|"
    r"tous droits réservés|abonnez-vous|newsletter|(?:©|\(c\)).*|source\s*:.*)"
    r"|[A-Z]{1,3}(?:\s*[/,-]\s*[A-Z]{1,3})?\.?"  # author initials: "MN", "J.-P.", "AB/CD"
)
# A paragraph break inside a sentence: no closing punctuation (or an ellipsis)
# before it, a lower-case letter after it.
_CUT_PARAGRAPH = re.compile(r"(?<=[^\s.!?:;»\"])(\.\.\.|…)?(\s*\n\s*\n\s*)(?=[a-zàâäçéèêëîïôöùûüÿœæ])")


@dataclass(slots=True)
class Prepared:
    """The cleaned text and, where lengths changed, the map back to the original."""

    text: str
    starts: array | None = None  # original start of each cleaned character
    ends: array | None = None  # original end of each cleaned character
    original_length: int = 0

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned-text span to the span of the original text it came from."""
        if self.starts is None or self.ends is None:  # prepare() sets both or neither
            return start, end
        if end <= start:
            position = self.starts[start] if start < len(self.starts) else self.original_length
            return position, position
        return self.starts[start], self.ends[end - 1]


def prepare(text: str) -> Prepared:
    """Clean `text` for the model and keep the offset map (see the module docstring)."""
    prepared = _compose(text)
    cleaned = prepared.text
    cleaned = _CONTROLS.sub(" ", cleaned)
    cleaned = _SPACES.sub(" ", cleaned)
    cleaned = cleaned.replace("\r\n", " \n").replace("\r", "\n")
    cleaned = _APOSTROPHES.sub("'", cleaned)
    cleaned = blank_boilerplate(cleaned)
    cleaned = _CUT_PARAGRAPH.sub(lambda m: " " * len(m.group(0)), cleaned)
    prepared.text = cleaned
    return prepared


def _compose(text: str) -> Prepared:
    """Drop format characters and compose to NFC, recording the offset map if anything changed."""
    if not _FORMAT.search(text) and unicodedata.is_normalized("NFC", text):
        return Prepared(text, original_length=len(text))
    pieces: list[str] = []
    starts = array("q")
    ends = array("q")
    n = len(text)
    i = 0
    while i < n:
        char = text[i]
        if _FORMAT.match(char):
            i += 1
            continue
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or _FORMAT.match(text[j])):
            j += 1
        group = "".join(c for c in text[i:j] if not _FORMAT.match(c))
        composed = unicodedata.normalize("NFC", group) if j - i > 1 or not char.isascii() else group
        for c in composed:
            pieces.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    return Prepared("".join(pieces), starts, ends, n)


def blank_boilerplate(text: str) -> str:
    """Blank the title repeated under itself and the debris lines after the last paragraph."""
    lines = text.split("\n")
    offsets = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    blank: list[int] = []
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) >= 2 and lines[filled[0]].strip() == lines[filled[1]].strip():
        blank.append(filled[1])
    for i in reversed(filled[2:]):
        if len(blank) > 6 or not _TRAILING.fullmatch(lines[i].strip()):
            break
        blank.append(i)
    if not blank:
        return text
    chars = list(text)
    for i in blank:
        for k in range(offsets[i], offsets[i] + len(lines[i])):
            chars[k] = " "
    return "".join(chars)


def chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut a text longer than `limit` into (offset, piece) chunks at paragraph boundaries.

    Falls back to a line break, then a sentence end, then a space, and only then
    a hard cut, so no chunk exceeds `limit` characters.
    """
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for separator in ("\n\n", "\n", ". ", " "):
            found = window.rfind(separator, limit // 2)
            if found > 0:
                cut = found + len(separator)
                break
        if cut <= 0:
            cut = limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces
