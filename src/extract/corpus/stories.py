"""Stories: the event mentions of several articles that report one real-world event.

`build_stories(events, documents)` returns the `stories` table and the
`story_id` of every event row. The joining rule (also in docs/tables.md):

1. **Which mentions.** Rows with a category; where the table has `modality`,
   only `asserted` and `planned` ones. The others get no `story_id`.
2. **Order.** Mentions are taken by their article's `published` (undated
   articles last), then `doc_id`, then `event_id`. Each joins the best story
   already formed that it agrees with, else starts a new one. Mentions of one
   document that share a `coref_id` (when the column exists) go together.
3. **Agreement** of a mention with a story, dimension by dimension; any
   *conflict* keeps them apart:
   - *family*: the categories' family (`CATEGORY_FAMILIES`) must be equal.
   - *date*: the days the two `date_value`s cover must nest: equal, or one
     coarser and containing the other ("2019-03" contains "2019-03-12"; the
     week "2019-W11" contains its days). Disjoint or only overlapping spans
     conflict. A value naming no definite days counts as no date.
   - *place*: two specific places (cities, regions: not a country) must be
     the same name (case folded); otherwise the country codes must be equal
     (a place agrees with its own country). No place and no code: unknown.
   - *participants*: the agents and targets (else `actors`), as case-folded
     names and country codes: both known and sharing nothing conflict; both
     known and sharing one agree; otherwise unknown.
4. **Joining.** With date *and* place known and agreeing, a mention joins.
   A mention or story with *no date* joins only when the place is the same
   specific place and the participants agree (share a name or a code); one
   with *no place nor country* only when the dates are equal or nested
   within a span of at most 7 days and the participants agree; and in both
   cases only when exactly one story qualifies. Without date and place a
   mention never joins: it is a story of its own.
5. **Best story**: the most points (date: equal 2, nested 1; place: same
   specific place 2, same country 1; participants agree 1), then the
   earliest story. A story's date is its most precise member date, its place
   its first specific place (else country), its participants the union.
6. **`story_id`**: `s` + the first 12 hex digits of the SHA-1 of the first
   member's `doc_id#event_id` (the earliest by rule 2): it does not depend on
   the story's position, so adding later articles keeps the ids of the
   stories they join.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from extract.components.events.categories import CAMEO_ROOT, FAMILY
from extract.corpus.dates import DAY_PRECISE, Span, span_of

KEPT_MODALITIES = ("asserted", "planned")
AGREE, UNKNOWN, CONFLICT = 1, 0, -1


def text(value: object) -> str | None:
    """A cell as a non-empty string, else None (None, NaN, NA and "" are missing)."""
    if value is None or (not isinstance(value, str | list | tuple) and pd.isna(value)):
        return None
    value = str(value).strip()
    return value or None


def items(value: object) -> list[str]:
    """A list cell (`list<string>`, or `; `-joined text as in CSV and the v1 `actors`) as a list of strings."""
    if isinstance(value, list | tuple) or (hasattr(value, "tolist") and not isinstance(value, str)):
        return [str(v) for v in list(value) if text(v)]  # type: ignore[call-overload]
    value = text(value)
    return [part.strip() for part in value.split(";") if part.strip()] if value else []


@dataclass(slots=True)
class Mention:
    key: str
    row: int
    doc_id: str
    published: str | None
    category: str
    family: str
    date_value: str | None
    span: Span | None
    place: str | None
    specific: bool  # the place is a city, region...: not a country
    country: str | None
    agents: list[str]
    targets: list[str]
    codes: list[str]
    goldstein: float | None
    latitude: float | None = None
    longitude: float | None = None

    @property
    def participants(self) -> set[str]:
        return {p.casefold() for p in self.agents + self.targets} | set(self.codes)


@dataclass(slots=True)
class Story:
    first: Mention
    members: list[Mention] = field(default_factory=list)
    span: Span | None = None
    date_value: str | None = None
    place: str | None = None
    specific: bool = False
    country: str | None = None
    participants: set[str] = field(default_factory=set)

    def add(self, m: Mention) -> None:
        self.members.append(m)
        if m.span is not None and (self.span is None or self.span.contains(m.span)):
            self.span, self.date_value = m.span, m.date_value
        if m.place and (self.place is None or (m.specific and not self.specific)):
            self.place, self.specific = m.place, m.specific
        self.country = self.country or m.country
        self.participants |= m.participants


def _date(m: Mention, s: Story) -> tuple[int, int]:
    if m.span is None or s.span is None:
        return UNKNOWN, 0
    if not m.span.nests(s.span):
        return CONFLICT, 0
    return AGREE, 2 if m.span == s.span else 1


def _place(m: Mention, s: Story) -> tuple[int, int]:
    if m.specific and s.specific:
        same = m.place is not None and s.place is not None and m.place.casefold() == s.place.casefold()
        return (AGREE, 2) if same else (CONFLICT, 0)
    if m.country and s.country:
        return (AGREE, 1) if m.country == s.country else (CONFLICT, 0)
    return UNKNOWN, 0  # no place nor code on one side, or a place without a code


def _participants(m: Mention, s: Story) -> tuple[int, int]:
    mine = m.participants
    if not mine or not s.participants:
        return UNKNOWN, 0
    return (AGREE, 1) if mine & s.participants else (CONFLICT, 0)


def _fit(m: Mention, s: Story) -> tuple[str, int] | None:
    """How `m` may join `s` ("full" or "weak", which needs to be unambiguous) and its points; None if it may not."""
    if m.family != s.first.family:
        return None
    checks = [_date(m, s), _place(m, s), _participants(m, s)]
    if any(verdict == CONFLICT for verdict, _ in checks):
        return None
    (date, d_pts), (place, p_pts), (people, a_pts) = checks
    points = d_pts + p_pts + a_pts
    if date == AGREE and place == AGREE:
        return "full", points
    if people != AGREE:
        return None
    if date == UNKNOWN and place == AGREE and p_pts == 2:
        return "weak", points
    if place == UNKNOWN and date == AGREE:
        assert m.span is not None and s.span is not None
        if max(m.span.days, s.span.days) <= DAY_PRECISE:
            return "weak", points
    return None


def _choose(m: Mention, stories: list[Story]) -> Story | None:
    full: list[tuple[int, int, Story]] = []
    weak: list[tuple[int, int, Story]] = []
    for number, story in enumerate(stories):
        fit = _fit(m, story)
        if fit is not None:
            (full if fit[0] == "full" else weak).append((-fit[1], number, story))
    if full:
        return min(full, key=lambda f: f[:2])[2]
    return weak[0][2] if len(weak) == 1 else None


def story_id(key: str) -> str:
    return "s" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


Locate = Callable[[str | None, str | None], tuple[float | None, float | None]]


def build_stories(
    events: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    countries: set[str] | frozenset[str] = frozenset(),
    locate: Locate | None = None,
) -> tuple[pd.DataFrame, list[str | None]]:
    """The `stories` rows and, aligned with `events`' rows, each row's `story_id` (None when not in a story).

    `countries` are the (case-folded) names that denote a country rather than a
    specific place; `locate(place, country_code)` gives a story's coordinates
    when its members have none.
    """
    mentions = _mentions(events, documents, countries)
    stories: list[Story] = []
    by_coref: dict[tuple[str, str], Story] = {}
    corefs = _column(events, "coref_id")
    for m in mentions:
        coref = text(corefs[m.row]) if corefs is not None else None
        story = by_coref.get((m.doc_id, coref)) if coref else None
        if story is None:
            story = _choose(m, stories)
        if story is None:
            story = Story(first=m)
            stories.append(story)
        story.add(m)
        if coref:
            by_coref.setdefault((m.doc_id, coref), story)
    ids: list[str | None] = [None] * len(events)
    rows = []
    for story in stories:
        sid = story_id(story.first.key)
        for m in story.members:
            ids[m.row] = sid
        rows.append(_story_row(sid, story, locate))
    return pd.DataFrame(rows, columns=list(_STORY_COLUMNS)), ids


_STORY_COLUMNS = (
    "story_id", "category", "cameo_root", "goldstein", "date_value", "place", "place_country_code", "latitude",
    "longitude", "agents", "targets", "n_articles", "n_mentions", "first_published", "last_published", "doc_ids",
    "event_ids",
)  # fmt: skip


def _story_row(sid: str, story: Story, locate: Locate | None) -> tuple:
    members = story.members
    category = Counter(m.category for m in members).most_common(1)[0][0]
    codes = Counter(m.country for m in members if m.country)
    code = codes.most_common(1)[0][0] if codes else None
    scores = [m.goldstein for m in members if m.goldstein is not None]
    placed = [m for m in members if m.latitude is not None and m.longitude is not None]
    lat, lon = (placed[0].latitude, placed[0].longitude) if placed else (None, None)
    if lat is None and locate is not None:
        lat, lon = locate(story.place, code)
    published = sorted(m.published for m in members if m.published)
    return (
        sid,
        category,
        CAMEO_ROOT.get(category) or None,
        sum(scores) / len(scores) if scores else None,
        story.date_value,
        story.place,
        code,
        lat,
        lon,
        list(dict.fromkeys(a for m in members for a in m.agents)),
        list(dict.fromkeys(t for m in members for t in m.targets)),
        len({m.doc_id for m in members}),
        len(members),
        published[0] if published else None,
        published[-1] if published else None,
        list(dict.fromkeys(m.doc_id for m in members)),
        [m.key for m in members],
    )


def _column(frame: pd.DataFrame, name: str) -> list | None:
    return frame[name].tolist() if name in frame.columns else None


def _mentions(events: pd.DataFrame, documents: pd.DataFrame, countries: set[str] | frozenset[str]) -> list[Mention]:
    published = {d: text(p) for d, p in zip(documents["doc_id"], documents["published"])}
    n = len(events)

    def col(name: str) -> list:
        return events[name].tolist() if name in events.columns else [None] * n

    doc_ids, event_ids, categories, dates = col("doc_id"), col("event_id"), col("category"), col("date_value")
    places, codes_of, modalities = col("place"), col("place_country_code"), col("modality")
    check_modality = "modality" in events.columns
    if "agents" in events.columns:
        agents_of, targets_of = col("agents"), col("targets")
        codes_a, codes_b = col("agent_country_codes"), col("target_country_codes")
    else:  # the v1 table: `actors` (agent first) stand for the agents
        agents_of, targets_of = col("actors"), [None] * n
        codes_a, codes_b = col("actor_country_codes"), [None] * n
    goldsteins, latitudes, longitudes = col("goldstein"), col("latitude"), col("longitude")
    mentions = []
    for row in range(n):
        category = text(categories[row])
        if category is None or category not in FAMILY:
            continue
        if check_modality and text(modalities[row]) not in KEPT_MODALITIES:
            continue
        doc_id, place, date_value = str(doc_ids[row]), text(places[row]), text(dates[row])
        mentions.append(
            Mention(
                key=f"{doc_id}#{event_ids[row]}",
                row=row,
                doc_id=doc_id,
                published=published.get(doc_id),
                category=category,
                family=FAMILY[category],
                date_value=date_value,
                span=span_of(date_value),
                place=place,
                specific=place is not None and place.casefold() not in countries,
                country=text(codes_of[row]),
                agents=items(agents_of[row]),
                targets=items(targets_of[row]),
                codes=items(codes_a[row]) + items(codes_b[row]),
                goldstein=_float(goldsteins[row]),
                latitude=_float(latitudes[row]),
                longitude=_float(longitudes[row]),
            )
        )
    mentions.sort(key=lambda m: (m.published is None, m.published or "", m.doc_id, m.row))
    return mentions


def _float(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]
