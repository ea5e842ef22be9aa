"""The `extract_entities` component: entity mentions with kind and canonical name.

For now each mention is a span the French NER found, its kind following the
NER label. Countries, nationalities, places and organisations resolved
against the shipped knowledge base build on this.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.annotate.spans import Mention, register_extensions

KIND_OF_LABEL = {"LOC": "place", "ORG": "organisation", "PER": "person", "MISC": "other"}


def ner_mentions(doc: Doc) -> list[Mention]:
    """One mention per NER span, its kind from its label and its text as canonical."""
    return [
        Mention(
            start=ent.start_char,
            end=ent.end_char,
            label=ent.label_,
            kind=KIND_OF_LABEL.get(ent.label_, "other"),
            canonical=ent.text,
        )
        for ent in doc.ents
    ]


class EntityMentions:
    """Set `doc._.mentions` from the NER spans."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = ner_mentions(doc)
        return doc


@Language.factory("extract_entities")
def make_entity_mentions(nlp: Language, name: str) -> EntityMentions:
    register_extensions()
    return EntityMentions()
