"""News gold (`X.gold.json`): reading it, and how its names, texts and values are compared.

Names are compared case- and accent-folded without a leading article (le, la,
les, l'); time expressions by their folded words; an accepted value ending in
`*` matches any value it begins. The measures are in `extract.evaluate.news`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from extract.errors import UsageError

_ARTICLE = re.compile(r"^(?:les|le|la|l')\s*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "`": "'", "\u00a0": " "})


# --- reading the gold -------------------------------------------------------------------------


def is_news_gold(path: str | Path) -> bool:
    """Whether `path` is gold in this format: a `.json` file (the JSON Lines gold is `.jsonl`)."""
    return Path(path).suffix.lower() == ".json"


def load_news_gold(path: str | Path) -> dict[str, dict]:
    """The `docs` of a news gold file: doc_id → that document's gold."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path}: no such gold file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("docs"), dict) or not data["docs"]:
        raise UsageError(f"{path}: news gold needs a non-empty 'docs' object (doc_id → gold)")
    return {str(doc_id): doc for doc_id, doc in data["docs"].items()}


def texts_beside(gold: str | Path) -> Path:
    """Where the texts of `X.gold.json` are: `X.jsonl` in the same folder."""
    gold = Path(gold)
    stem = gold.name[: -len(".gold.json")] if gold.name.endswith(".gold.json") else gold.stem
    return gold.with_name(f"{stem}.jsonl")


# --- comparing --------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Case- and accent-folded text with one kind of apostrophe and single spaces."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_APOSTROPHES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def fold_name(text: str) -> str:
    """`fold`, without a leading article: "l'Union africaine" and "Union africaine" compare equal."""
    return _ARTICLE.sub("", fold(text), count=1)


def value_matches(value: object, accepted: Iterable[str]) -> bool:
    """Whether a TIMEX3 value is accepted: equal to one, or beginning with one that ends in `*`."""
    if value is None or (isinstance(value, float) and value != value) or not str(value):
        return False
    value = str(value)
    return any(value.startswith(a[:-1]) if a.endswith("*") else value == a for a in accepted)


def tokens(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", fold(text)))


def text_match(gold: tuple[str, ...], pred: tuple[str, ...]) -> int:
    """2 for the same words, 1 when one is a run of the other's words, else 0."""
    if not gold or not pred:
        return 0
    if gold == pred:
        return 2
    short, long = (gold, pred) if len(gold) < len(pred) else (pred, gold)
    return int(any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1)))


def max_matching(edges: Mapping[int, list[int]]) -> dict[int, int]:
    """A maximum one-to-one matching of left items to right items (augmenting paths)."""
    right_of: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges.get(left, []):
            if right in seen:
                continue
            seen.add(right)
            if right not in right_of or augment(right_of[right], seen):
                right_of[right] = left
                return True
        return False

    for left in edges:
        augment(left, set())
    return {left: right for right, left in right_of.items()}
