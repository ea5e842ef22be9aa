"""Score a run against hand gold for real news: countries, organisations, places, time expressions, dated events.

The gold is one JSON object (`X.gold.json`, texts beside it in `X.jsonl`;
read and compared by `extract.evaluate.news_gold`):
`{"_about": ..., "docs": {doc_id: {...}}}` where each document gives

- `countries` (ISO alpha-2) and `countries_ok` (codes neither required nor penalised);
- `organisations` (alias lists) and `organisations_ok` (names neither required nor penalised);
- `places` (`[[aliases], country_code]`, `''` where no country is expected);
- `timex` (`[text, [accepted values]]`) and `timex_ok` (texts neither required nor penalised);
- `events` (`[[accepted categories], [accepted date values]]`): expected dated events;
  `events_undated` is not scored.

An accepted value ending in `*` matches any value it begins (`2018-03*`). Names
are compared case- and accent-folded, without a leading article (le, la, les, l').

Every measure is one row of `measure, n_gold, n_pred, tp, fp, fn, precision,
recall, f1, share`: `tp` and `fn` count gold items (found, not found), `fp`
and `n_pred` predictions (wrong, judged), so precision is `(n_pred - fp) /
n_pred` and recall `tp / n_gold`; they differ from the one-to-one counts where
several predictions may match one gold item (two mentions of one event, two
entities for one organisation). The measures that judge an attribute of
matched items (a place's country) give `share` instead: right (`tp`) over the
matched items (`n_gold`); `fp` counts a wrong attribute, `fn` a missing one.

The measures (each function's docstring says more):

- `countries`: the codes of the `country` entities, per document, against the gold codes.
- `organisations`, `places`: an entity of that kind matches an alias list when its
  canonical or a mention's text is one of the aliases; `place country`: of the gold
  places found, those whose first-mentioned matching entity has the gold code.
- `timex text`, `timex value`: gold expressions found by a predicted one with the same
  words or one containing the other, and found with an accepted value.
- `events dated`: expected dated events found by a row with an accepted category and
  date value, one row per gold event; rows with `modality` other than asserted or
  planned are left out when the run has that column.
- `event place country`, `event agents`: the gold has neither per event, so those of
  the events found are judged against the article's gold countries, places and
  organisations: a plausibility check, not a match. A `disaster` (earthquake, flood,
  storm) has no agent, as GDELT leaves its Actor1 empty: none is right, any is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from extract.evaluate.metrics import f1, ratio
from extract.evaluate.news_gold import (
    fold_name,
    max_matching,
    text_match,
    tokens,
    value_matches,
)

COLUMNS = ["measure", "n_gold", "n_pred", "tp", "fp", "fn", "precision", "recall", "f1", "share"]
# Event rows a user is shown by default (SPEC: modality); used when the run has the column.
SHOWN_MODALITIES = ("asserted", "planned")
# Events nobody does (an earthquake, a flood): their right agents are none (GDELT's empty Actor1).
AGENTLESS_CATEGORIES = frozenset({"disaster"})

# --- the measures -----------------------------------------------------------------------------


@dataclass
class Count:
    """Counts of one measure, added up over documents."""

    n_gold: int = 0
    n_pred: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Count) -> None:
        for name in ("n_gold", "n_pred", "tp", "fp", "fn"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value) or value == ""


def _text(value: object) -> str:
    return "" if _is_missing(value) else str(value)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Object cells with None for missing values (pandas NA does not compare)."""
    return frame.astype(object).where(frame.notna(), None)


def _rows(frame: pd.DataFrame | None, doc_id: str) -> list[dict]:
    if frame is None or frame.empty:
        return []
    return frame[frame["doc_id"] == doc_id].to_dict("records")


def predicted_entities(tables: Mapping[str, pd.DataFrame], doc_id: str, kind: str) -> list[dict]:
    """The document's entities of one kind, each with `names` (canonical and mention texts, folded).

    Mentions belong to an entity by (doc_id, kind, canonical). Without an entities
    table the entities are the mentions grouped that way.
    """
    mentions = [m for m in _rows(tables.get("mentions"), doc_id) if m.get("kind") == kind]
    entities = [e for e in _rows(tables.get("entities"), doc_id) if e.get("kind") == kind]
    if tables.get("entities") is None:
        firsts: dict[str, dict] = {}
        for m in sorted(mentions, key=lambda m: m.get("start") or 0):
            firsts.setdefault(_text(m.get("canonical")) or _text(m.get("text")), m)
        entities = [
            {"canonical": key, "country_code": m.get("country_code"), "first_start": m.get("start")}
            for key, m in firsts.items()
        ]
    out = []
    for entity in sorted(entities, key=lambda e: e.get("first_start") or 0):
        canonical = _text(entity.get("canonical"))
        names = {fold_name(canonical)} if canonical else set()
        names |= {
            fold_name(_text(m.get("text")))
            for m in mentions
            if (_text(m.get("canonical")) or _text(m.get("text"))) == canonical
        }
        names.discard("")
        out.append({"canonical": canonical, "country_code": _text(entity.get("country_code")), "names": names})
    return out


def score_countries(doc: dict, tables: Mapping[str, pd.DataFrame], doc_id: str) -> Count:
    """Codes of the country entities against the gold codes; `countries_ok` codes left out of both."""
    ok = set(doc.get("countries_ok") or ())
    gold = set(doc.get("countries") or ()) - ok
    pred = {e["country_code"] for e in predicted_entities(tables, doc_id, "country") if e["country_code"]} - ok
    return Count(n_gold=len(gold), n_pred=len(pred), tp=len(gold & pred), fp=len(pred - gold), fn=len(gold - pred))


def score_names(gold_lists: list[list[str]], ok: Iterable[str], entities: list[dict]) -> tuple[Count, list[list[int]]]:
    """Entities against gold alias lists, and for each list the indices of the entities matching it.

    An entity matches a list when one of its names is one of the aliases (folded).
    Recall is over the lists matched, precision over the entities matching one; an
    entity matching no list but an `ok` name is not judged.
    """
    matches = []
    for aliases in gold_lists:
        folded = {fold_name(a) for a in aliases}
        matches.append([i for i, e in enumerate(entities) if e["names"] & folded])
    right = set().union(*matches) if matches else set()
    ok_names = {fold_name(name) for name in ok}
    unjudged = sum(1 for i, e in enumerate(entities) if i not in right and e["names"] & ok_names)
    found = sum(1 for m in matches if m)
    count = Count(
        n_gold=len(gold_lists),
        n_pred=len(entities) - unjudged,
        tp=found,
        fp=len(entities) - unjudged - len(right),
        fn=len(gold_lists) - found,
    )
    return count, matches


def score_organisations(doc: dict, tables: Mapping[str, pd.DataFrame], doc_id: str) -> Count:
    entities = predicted_entities(tables, doc_id, "organisation")
    return score_names(list(doc.get("organisations") or ()), doc.get("organisations_ok") or (), entities)[0]


def score_places(doc: dict, tables: Mapping[str, pd.DataFrame], doc_id: str) -> tuple[Count, Count]:
    """Places found, and, of the gold places found, those whose (first-mentioned) entity has the gold country."""
    gold = [(list(aliases), code or "") for aliases, code in doc.get("places") or ()]
    entities = predicted_entities(tables, doc_id, "place")
    count, matches = score_names([aliases for aliases, _ in gold], (), entities)
    country = Count()
    for (_, code), matched in zip(gold, matches):
        if matched:
            country.n_gold += 1
            if entities[matched[0]]["country_code"] == code:
                country.tp += 1
            else:
                country.fp += 1
    return count, country


def score_timex(doc: dict, tables: Mapping[str, pd.DataFrame], doc_id: str) -> tuple[Count, Count]:
    """Gold expressions found (text), and found with an accepted value (value).

    Gold items and predicted expressions are paired one-to-one, an accepted value
    first, then the same words before one containing the other. Unpaired predictions
    whose text matches no gold and no `timex_ok` text are false positives (others
    repeat a judged expression and are not counted); for the value, a paired
    prediction with a wrong value is a false positive as well.
    """
    gold = [(tokens(text), list(values)) for text, values in doc.get("timex") or ()]
    ok = [tokens(text) for text in doc.get("timex_ok") or ()]
    pred = [(tokens(_text(r.get("text"))), _text(r.get("value"))) for r in _rows(tables.get("timexes"), doc_id)]
    candidates = []
    for gi, (g_tokens, values) in enumerate(gold):
        for pi, (p_tokens, value) in enumerate(pred):
            kind = text_match(g_tokens, p_tokens)
            if kind:
                candidates.append((not value_matches(value, values), -kind, gi, pi))
    paired: dict[int, int] = {}
    for _, _, gi, pi in sorted(candidates):
        if gi not in paired and pi not in paired.values():
            paired[gi] = pi
    used = set(paired.values())
    spurious = sum(
        1
        for pi, (p_tokens, _) in enumerate(pred)
        if pi not in used and not any(text_match(t, p_tokens) for t in [g for g, _ in gold] + ok)
    )
    right = sum(1 for gi, pi in paired.items() if value_matches(pred[pi][1], gold[gi][1]))
    judged = len(paired) + spurious
    found = Count(n_gold=len(gold), n_pred=judged, tp=len(paired), fp=spurious, fn=len(gold) - len(paired))
    valued = Count(n_gold=len(gold), n_pred=judged, tp=right, fp=judged - right, fn=len(gold) - right)
    return found, valued


def shown_events(frame: pd.DataFrame | None) -> pd.DataFrame | None:
    """Event rows counted: those with modality asserted or planned when the run has the column."""
    if frame is None or "modality" not in frame.columns:
        return frame
    return frame[frame["modality"].isin(SHOWN_MODALITIES)]


def _names(value: object) -> list[str]:
    """A list cell: a list (Parquet, DuckDB) or `; `-joined text (CSV)."""
    if value is None or isinstance(value, str | float) and _is_missing(value):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return [str(part) for part in value]  # type: ignore[attr-defined]


def _agents(row: dict) -> tuple[list[str], list[str]]:
    """Who did it and their countries: `agents` (version 2), else `actors`."""
    if "agents" in row:
        return _names(row.get("agents")), _names(row.get("agent_country_codes"))
    return _names(row.get("actors")), _names(row.get("actor_country_codes"))


def score_events(doc: dict, tables: Mapping[str, pd.DataFrame], doc_id: str) -> tuple[Count, Count, Count]:
    """Expected dated events found, and the place country and the agents of the events found.

    A gold event is found by a predicted row with an accepted category and date
    value; each row finds at most one gold event (a maximum one-to-one matching).
    Precision is over the rows with a date value: right when the row could match
    some gold event (so several mentions of one event are all right).

    The gold gives no place and no agents per event, so both are judged against
    the article: a found event's place country is right (tp) when it is one of
    the article's gold countries (with `countries_ok`) or gold place countries,
    wrong (fp) when it is another, missing (fn) when the row has none; its agents
    are right when one of them is one of the article's gold organisations (any
    alias, folded) or has one of its gold countries, wrong when none is, missing
    when the row names none. Nobody does a `disaster` (GDELT leaves Actor1 empty
    for one): its right agents are none, so a row with no agent is right (tp) and
    one with any agent, or an agent's country, wrong (fp).
    """
    gold = [(set(categories), list(values)) for categories, values in doc.get("events") or ()]
    rows = [r for r in _rows(shown_events(tables.get("events")), doc_id) if _text(r.get("date_value"))]
    edges = {
        gi: [
            ri
            for ri, r in enumerate(rows)
            if _text(r.get("category")) in categories and value_matches(r.get("date_value"), values)
        ]
        for gi, (categories, values) in enumerate(gold)
    }
    matching = max_matching(edges)
    right_rows = set().union(*edges.values()) if edges else set()
    found = Count(
        n_gold=len(gold),
        n_pred=len(rows),
        tp=len(matching),
        fp=len(rows) - len(right_rows),
        fn=len(gold) - len(matching),
    )
    countries = set(doc.get("countries") or ()) | set(doc.get("countries_ok") or ())
    place_countries = countries | {code for _, code in doc.get("places") or () if code}
    organisations = {fold_name(alias) for aliases in doc.get("organisations") or () for alias in aliases}
    place, agents = Count(n_gold=len(matching)), Count(n_gold=len(matching))
    for ri in matching.values():
        code = _text(rows[ri].get("place_country_code"))
        _judge(place, given=bool(code), right=code in place_countries)
        names, codes = _agents(rows[ri])
        if _text(rows[ri].get("category")) in AGENTLESS_CATEGORIES:
            _judge(agents, given=True, right=not names and not codes)
            continue
        right = bool({fold_name(name) for name in names} & organisations or set(codes) & countries)
        _judge(agents, given=bool(names), right=right)
    return found, place, agents


def _judge(count: Count, *, given: bool, right: bool) -> None:
    """One matched event's attribute: not given (fn), right (tp) or wrong (fp)."""
    if not given:
        count.fn += 1
    elif right:
        count.tp += 1
    else:
        count.fp += 1


MEASURES = (
    "countries",
    "organisations",
    "places",
    "place country",
    "timex text",
    "timex value",
    "events dated",
    "event place country",
    "event agents",
)
# Measures of an attribute of matched items: `share` (right / matched), no P/R/F1.
SHARES = ("place country", "event place country", "event agents")


def score_news_by_doc(gold: Mapping[str, dict], tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The counts of every measure per gold document: `doc_id, measure, n_gold, n_pred, tp, fp, fn`.

    Documents missing from the run count as predicting nothing; documents of the
    run not in the gold are not scored. A document whose gold `timex` list is
    empty is not scored for time expressions.
    """
    tables = {name: _plain(frame) for name, frame in tables.items() if frame is not None}
    rows = []
    for doc_id, doc in gold.items():
        counts: dict[str, Count] = {"countries": score_countries(doc, tables, doc_id)}
        counts["organisations"] = score_organisations(doc, tables, doc_id)
        counts["places"], counts["place country"] = score_places(doc, tables, doc_id)
        if doc.get("timex"):
            counts["timex text"], counts["timex value"] = score_timex(doc, tables, doc_id)
        counts["events dated"], counts["event place country"], counts["event agents"] = score_events(
            doc, tables, doc_id
        )
        for measure, count in counts.items():
            rows.append({"doc_id": doc_id, "measure": measure, **vars(count)})
    return pd.DataFrame(rows, columns=["doc_id", "measure", "n_gold", "n_pred", "tp", "fp", "fn"])


def score_news(gold: Mapping[str, dict], tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per measure, micro-averaged over the gold documents (see the module docstring).

    Args:
        gold: doc_id → document gold, as `load_news_gold` returns it.
        tables: the run's `entities`, `mentions`, `timexes` and `events` frames
            (`extract.runs.read_table`); a missing table predicts nothing.
    """
    by_doc = score_news_by_doc(gold, tables)
    rows = []
    for measure in MEASURES:
        total = Count()
        for record in by_doc[by_doc["measure"] == measure].to_dict("records"):
            total.add(Count(**{k: int(record[k]) for k in ("n_gold", "n_pred", "tp", "fp", "fn")}))
        row: dict[str, object] = {"measure": measure, **vars(total)}
        if measure in SHARES:
            row["n_pred"] = total.tp + total.fp  # matched items with a prediction of the attribute
            row.update(precision=None, recall=None, f1=None, share=ratio(total.tp, total.n_gold))
        else:
            precision, recall = ratio(total.n_pred - total.fp, total.n_pred), ratio(total.tp, total.n_gold)
            row.update(precision=precision, recall=recall, f1=f1(precision, recall), share=None)
        rows.append(row)
    return pd.DataFrame(rows, columns=COLUMNS)
