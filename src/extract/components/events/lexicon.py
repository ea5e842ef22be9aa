"""The trigger lexicon: `resources/triggers.tsv`, one entry per lemma pattern with its category and CAMEO root."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.components.resources import RESOURCES, read_tsv

TRIGGERS_FILE = "triggers.tsv"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: a lemma pattern and what it means."""

    pattern: str
    category: str
    cameo_root: str
    requires: frozenset[str]

    @property
    def lemma(self) -> str:
        """The entry as a reader writes it: "s'écraser", "se réunir", "mettre en place"."""
        words = [w for w in self.pattern.split() if w != "_"]
        text = " ".join(words)
        text = re.sub(r"\bde le\b", "du", re.sub(r"\bà le\b", "au", text))
        text = re.sub(r"\b(de|le) (?=[aeéèêiîoôuh])", lambda m: m.group(1)[0] + "'", text)
        if "refl" in self.requires:
            text = ("s'" if text[0] in "aeéèêiîoôuh" else "se ") + text
        return text


@lru_cache(maxsize=4)
def load_triggers(path: str | None = None) -> tuple[Trigger, ...]:
    """Read the shipped trigger lexicon, or the one at `path`, once per process."""
    rows = read_tsv(Path(path) if path is not None else RESOURCES / TRIGGERS_FILE)
    return tuple(
        Trigger(
            pattern=row["pattern"].strip(),
            category=row["category"].strip(),
            cameo_root=row["cameo_root"].strip(),
            requires=frozenset(r.strip() for r in row["requires"].split(",") if r.strip()),
        )
        for row in rows
    )
