"""The `extract_events` spaCy component: the lexicon and matcher built once per pipeline, `doc._.events` set per Doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.events.extractor import EventExtractor
from extract.components.events.lexicon import load_triggers
from extract.components.events.matcher import build_matcher
from extract.pipeline.spans import register_extensions
from extract.pipeline.speed import Serialisable


class EventTagger(Serialisable):
    """Set `doc._.events`; the lexicon and matcher are built once per pipeline."""

    def __init__(self, nlp: Language, triggers_path: str | None = None) -> None:
        self.nlp = nlp
        triggers = load_triggers(triggers_path)
        self.triggers = {t.pattern: t for t in triggers}
        self.matcher = build_matcher(nlp.vocab, triggers)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = EventExtractor(doc, self.matcher, self.triggers).events()
        return doc


@Language.factory(
    "extract_events",
    default_config={"triggers": None},
    requires=["doc._.mentions", "doc._.timexes", "token.lemma", "token.pos", "token.dep", "token.morph"],
    assigns=["doc._.events"],
)
def make_event_tagger(nlp: Language, name: str, triggers: str | None) -> EventTagger:
    """`triggers`: path of a lexicon in the format of resources/triggers.tsv; None is the shipped one."""
    register_extensions()
    return EventTagger(nlp, triggers)
