"""Doc → rows: the rows one annotated article contributes to each table (see `extract.schema`)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc

from extract.pipeline.clean import Prepared
from extract.pipeline.spans import Mention
from extract.read.article import Article
from extract.schema import Rows


def _empty_to_none(value: str | None) -> str | None:
    return value if value else None


def _description(mention: Mention) -> tuple:
    """The columns a mention and its entity share: country, Wikidata, and where it is on the map."""
    return (
        _empty_to_none(mention.country_code),
        _empty_to_none(mention.wikidata_id),
        _empty_to_none(mention.geonames_id),
        mention.latitude,
        mention.longitude,
        _empty_to_none(mention.feature),
    )


def document_row(
    article: Article, *, status: str, error: str | None = None, n_sentences: int = 0, n_tokens: int = 0
) -> tuple:
    return (
        article.doc_id,
        article.source_path,
        _empty_to_none(article.title.strip() if article.title else None),
        article.published,
        len(article.text) if article.text is not None else None,
        n_sentences,
        n_tokens,
        status,
        error,
        article.sha256,
    )


def unread_rows(article: Article, *, status: str, error: str | None) -> Rows:
    """The single `documents` row of a record that was not annotated."""
    rows = Rows()
    rows.tables["documents"].append(document_row(article, status=status, error=error))
    return rows


class _Sentences:
    """Sentence numbering over an article's chunks, by character offset in the cleaned text."""

    def __init__(self, docs: Sequence[tuple[int, Doc]]):
        self.starts: list[int] = []
        self.spans: list[tuple[int, int]] = []
        for offset, doc in docs:
            for sent in doc.sents:
                self.starts.append(offset + sent.start_char)
                self.spans.append((offset + sent.start_char, offset + sent.end_char))

    def id_of(self, position: int) -> int:
        return max(bisect.bisect_right(self.starts, position), 1)

    def span_of(self, sentence_id: int) -> tuple[int, int]:
        return self.spans[sentence_id - 1]


def article_rows(article: Article, prepared: Prepared, docs: Sequence[tuple[int, Doc]]) -> Rows:
    """All table rows of one annotated article; every offset mapped back into `article.text`."""
    text = article.text
    assert text is not None, "only a record that was read is annotated"
    sentences = _Sentences(docs)
    rows = Rows()
    n_tokens = sum(sum(1 for token in doc if not token.is_space) for _, doc in docs)
    rows.tables["documents"].append(
        document_row(article, status="ok", n_sentences=len(sentences.starts), n_tokens=n_tokens)
    )

    mentions = rows.tables["mentions"]
    entity_of: dict[tuple[str, str], list] = {}
    for offset, doc in docs:
        for mention in doc._.mentions or ():
            start, end = prepared.to_original(offset + mention.start, offset + mention.end)
            if end <= start:
                continue
            mention_id = len(mentions) + 1
            described = _description(mention)
            mentions.append(
                (
                    article.doc_id,
                    mention_id,
                    sentences.id_of(offset + mention.start),
                    start,
                    end,
                    text[start:end],
                    mention.label,
                    mention.kind,
                    mention.canonical,
                    *described,
                )
            )
            key = (mention.kind, mention.canonical)
            if key not in entity_of:
                entity_of[key] = [described, 0, start]
            entity_of[key][1] += 1
    for entity_id, ((kind, canonical), (described, count, first)) in enumerate(entity_of.items(), start=1):
        rows.tables["entities"].append((article.doc_id, entity_id, kind, canonical, *described, count, first))

    timex_ids: dict[tuple[int, int], int] = {}
    for offset, doc in docs:
        for index, timex in enumerate(doc._.timexes or ()):
            start, end = prepared.to_original(offset + timex.start, offset + timex.end)
            if end <= start:
                continue
            timex_id = len(rows.tables["timexes"]) + 1
            timex_ids[(offset, index)] = timex_id
            rows.tables["timexes"].append(
                (
                    article.doc_id,
                    timex_id,
                    sentences.id_of(offset + timex.start),
                    start,
                    end,
                    text[start:end],
                    timex.type,
                    _empty_to_none(timex.value),
                    timex.anchor,
                )
            )

    coref_ids: dict[tuple[int, int], int] = {}  # (chunk offset, coref within the chunk) → id in the document
    for offset, doc in docs:
        for event in doc._.events or ():
            start, end = prepared.to_original(offset + event.start, offset + event.end)
            if end <= start:
                continue
            sentence_id = sentences.id_of(offset + event.start)
            s_start, s_end = prepared.to_original(*sentences.span_of(sentence_id))
            group = (offset, event.coref or -len(rows.tables["events"]) - 1)  # 0: a group of its own
            coref_id = coref_ids.setdefault(group, len(coref_ids) + 1)
            rows.tables["events"].append(
                (
                    article.doc_id,
                    len(rows.tables["events"]) + 1,
                    sentence_id,
                    start,
                    end,
                    text[start:end],
                    event.trigger_lemma,
                    event.category,
                    _empty_to_none(event.cameo_root),
                    event.goldstein,
                    event.modality,
                    _empty_to_none(event.date_value),
                    _empty_to_none(event.date_source) if event.date_value else None,
                    timex_ids.get((offset, event.timex)) if event.timex is not None else None,
                    _empty_to_none(event.place),
                    _empty_to_none(event.place_country_code),
                    _empty_to_none(event.place_source) if event.place else None,
                    list(event.agents),
                    list(event.agent_country_codes),
                    list(event.targets),
                    list(event.target_country_codes),
                    coref_id,
                    None,  # story_id: filled at the end of the run (extract.corpus.derive)
                    text[s_start:s_end].strip(),
                )
            )
    return rows
