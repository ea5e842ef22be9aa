"""Clusters of event mentions (one article's account of an event, or a story) and when two agree.

The rule they implement is written out in `extract.corpus.stories`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from extract.corpus.dates import Span
from extract.corpus.families import compatible, unscheduled
from extract.corpus.mentions import Mention, day_of

AGREE, WEAK, UNKNOWN, CONFLICT = 2, 1, 0, -1
# A span of at most this many days dates a mention precisely enough to join a story without a place.
DAY_PRECISE = 7


@dataclass(slots=True)
class Cluster:
    """Mentions taken as one event, with what they say together: the most precise date, the specific place..."""

    family: str  # the group of story families, for blocking (`extract.corpus.families.GROUP`)
    members: list[Mention] = field(default_factory=list)
    categories: set[str] = field(default_factory=set)
    span: Span | None = None
    date_value: str | None = None
    window: Span | None = None  # no date: the week before the article's publication (unscheduled families)
    place: str | None = None
    specific: bool = False
    regions: frozenset[str] = frozenset()  # the divisions its specific place lies in (case folded)
    country: str | None = None
    participants: set[str] = field(default_factory=set)
    explicit: bool = False
    agents: bool = False  # some member has `agents` of its own (SPEC v2)

    def add(self, m: Mention) -> None:
        self.members.append(m)
        self.categories.add(m.category)
        self._take(m.span, m.date_value, m.place, m.specific, m.country, m.regions)
        self.participants |= m.participants
        self.explicit = self.explicit or m.explicit
        self.agents = self.agents or (m.explicit and bool(m.agents))

    def merge(self, other: Cluster) -> None:
        self.members += other.members
        self.categories |= other.categories
        self._take(other.span, other.date_value, other.place, other.specific, other.country, other.regions)
        self.participants |= other.participants
        self.explicit = self.explicit or other.explicit
        self.agents = self.agents or other.agents

    def _take(self, span, date_value, place, specific, country, regions) -> None:
        if span is not None and (self.span is None or self.span.contains(span)):
            self.span, self.date_value = span, date_value
        finer = specific and self.specific and (self.place or "").casefold() in regions  # Lyon in the Rhône
        if place and (self.place is None or (specific and not self.specific) or finer):
            self.place, self.specific, self.regions = place, specific, regions
            self.country = country or self.country
        self.country = self.country or country


def date_fit(a: Cluster, b: Cluster) -> tuple[int, int]:
    if a.span is not None and b.span is not None:
        return (AGREE, 2 if a.span == b.span else 1) if a.span.nests(b.span) else (CONFLICT, 0)
    for dated, window in ((a, b.window), (b, a.window)):
        if dated.span is not None and window is not None:
            return (WEAK, 0) if window.contains(dated.span) else (CONFLICT, 0)
    return UNKNOWN, 0


def place_fit(a: Cluster, b: Cluster, within: bool = False) -> tuple[int, int]:
    """Same specific place (2), same country (1); a country alone agrees (0) with a place abroad when
    the other's participants include it ("le cessez-le-feu en Libye", "les Libyens ont signé à Genève"),
    and within one article (`within`) it does not conflict with one."""
    if a.specific and b.specific:
        first, second = (a.place or "").casefold(), (b.place or "").casefold()
        if first == second:
            return AGREE, 2
        inside = a.country == b.country and (first in b.regions or second in a.regions)
        return (AGREE, 1) if inside else (CONFLICT, 0)  # "Lyon" lies in "Rhône": as good as its country
    if a.country and b.country:
        if a.country == b.country:
            return AGREE, 1
        if any(not c.specific and c.country in other.participants for c, other in ((a, b), (b, a))):
            return AGREE, 0
        return (UNKNOWN, 0) if within and a.specific != b.specific else (CONFLICT, 0)  # two countries: two events
    return UNKNOWN, 0


def participants_fit(a: Cluster, b: Cluster) -> tuple[int, int]:
    if not a.participants or not b.participants:
        return UNKNOWN, 0
    if a.participants & b.participants:
        return AGREE, 1
    # Disjoint: a conflict only when both name agents (one article's attackers, the other's victims is no conflict).
    return (CONFLICT, 0) if a.explicit and b.explicit and a.agents and b.agents else (UNKNOWN, 0)


def fit(a: Cluster, story: Cluster) -> tuple[str, int] | None:
    """How `a` may join `story`: ("full" | "weak", points), or None. A weak join must be the only one."""
    if a.family != story.family or not compatible(a.categories, story.categories):
        return None
    (date, d_pts), (place, p_pts), (people, a_pts) = date_fit(a, story), place_fit(a, story), participants_fit(a, story)
    if CONFLICT in (date, place, people):
        return None
    points = d_pts + p_pts + a_pts
    if date == AGREE and place == AGREE:
        return "full", points
    if people != AGREE:
        return None
    if date in (UNKNOWN, WEAK) and place == AGREE and p_pts == 2:
        return "weak", points
    if place == UNKNOWN and date in (AGREE, WEAK):
        spans = [s for s in (a.span or a.window, story.span or story.window) if s is not None]
        if max(s.days for s in spans) <= DAY_PRECISE:
            return "weak", points
    return None


def article_clusters(
    mentions: list[Mention], place: tuple[str, str, bool] | None, published: str | None
) -> list[Cluster]:
    """One article's mentions as events: a mention joins the event of its `coref_id` (where the table has
    it), else the first earlier one whose categories are compatible (`extract.corpus.families`) and
    whose date and place do not conflict. A cluster with no place nor country takes `place` (the
    headline's place or country, when given); an undated one of unscheduled categories the week
    before publication as its window."""
    clusters: list[Cluster] = []
    chains: dict[str, Cluster] = {}
    for m in mentions:
        single = Cluster(m.family)
        single.add(m)
        target = chains.get(m.coref) if m.coref else None
        if target is None:
            target = next((c for c in clusters if _compatible(single, c)), None)
        if target is None:
            clusters.append(single)
            target = single
        else:
            target.add(m)
        if m.coref:
            chains.setdefault(m.coref, target)
    day = day_of(published)
    for cluster in clusters:
        if place is not None and cluster.place is None and cluster.country is None:
            cluster.place, cluster.country, cluster.specific = place
        if cluster.span is None and day is not None and unscheduled(cluster.categories):
            cluster.window = Span(day - dt.timedelta(days=DAY_PRECISE - 1), day)
    return clusters


def _compatible(a: Cluster, b: Cluster) -> bool:
    if a.family != b.family or not compatible(a.categories, b.categories):
        return False
    return date_fit(a, b)[0] != CONFLICT and place_fit(a, b, within=True)[0] != CONFLICT


def block_keys(c: Cluster) -> set[tuple]:
    """Keys a cluster shares with every story it could join, so that only stories sharing one are compared.

    Every join (`fit`) is one of: nesting dates (which share a month) and agreeing places, that is the
    same specific place, the same country, or a country among the other's participants; without a
    date, the same specific place; with a date or window, a shared participant. So the keys are the
    specific place, and per month of the cluster's date its specific place, its country and each
    participant (as a country, with the other's country), and per month of its date or window each
    participant. A key per month alone would compare every story of a month's news with every other.
    """
    keys: set[tuple] = set()
    family = c.family
    if c.specific and c.place:
        keys.add(("place", family, c.place.casefold()))
    for month in _months(c.span):
        if c.specific and c.place:
            keys.add(("spot", family, *month, c.place.casefold()))
        for country in (c.country, *c.participants):
            if country:
                keys.add(("country", family, *month, country))
    for month in _months(c.span) | _months(c.window):
        for participant in c.participants:
            keys.add(("who", family, *month, participant))
    return keys


def _months(span: Span | None) -> set[tuple[int, int]]:
    """The (year, month) pairs a span touches."""
    if span is None:
        return set()
    months = set()
    year, month = span.first.year, span.first.month
    while (year, month) <= (span.last.year, span.last.month):
        months.add((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
