"""Stories: the event mentions of several articles that report one real-world event.

`build_stories(events, documents, mentions=...)` returns the `stories`
table and the `story_id` of every event row. The joining rule (also in
docs/tables.md):

1. **Which mentions.** Rows with a category; where the table has `modality`,
   only `asserted` and `planned` ones. The others get no `story_id`. For the
   unscheduled categories (assault, fight, mass_violence, accident, disaster:
   reported after they happen), a date after the article's publication is a
   misread tense and is dropped (unless `planned`).
2. **Within an article** mentions that share a `coref_id` are one event, and
   a mention not joined so is the same event as the first earlier one whose
   categories are compatible and whose date and place do not conflict (rule
   4; within an article a country does not conflict with a place abroad:
   "Cessez-le-feu en Libye", "l'accord conclu à Genève"): `coref_id` also needs
   compatible agents, so alone it splits one event into several, which rule 3
   then keeps out of one story. An event with no place nor country takes the
   one place the article's title names, else its one country (a title naming
   several gives none); an
   undated one made only of unscheduled categories gets the week before
   publication as its *window*.
3. **Across articles** the events are taken by `published` (undated articles
   last), then `doc_id`, then `event_id`. Each joins the best story already
   formed that it agrees with (and that holds no other event of its own
   article: the article told them apart), else starts a new one.
4. **Agreement**, dimension by dimension; any *conflict* keeps them apart:
   - *categories*: every category of one must share a story family (table
     below) with every category of the other. A category may be in several
     families ("fight" is the clashes of a protest and the combat of an
     attack; "yield" the ceasefire an agreement signs), but the linkage is
     complete: a story told as "manifestation" and "heurts" never takes an
     "attentat" through their common "fight", and negotiations (`consult`)
     stay apart from the agreement they lead to.
   - *date*: the days the two `date_value`s cover must nest: equal, or one
     coarser and containing the other ("2019-03" contains "2019-03-12"; the
     week "2019-W11" contains its days). Disjoint or only overlapping spans
     conflict. A value naming no definite days (`P3D`, `XXXX-WXX-1`) counts as
     no date; a window agrees *weakly* with a date it contains. A date the
     article gives only by itself (`date_source` `publication`: "viennent de
     signer") covers the 7 days up to it. Relative dates ("mardi", "hier",
     "la semaine dernière") are resolved against publication upstream
     (`timexes`), so they nest like the others.
   - *place*: two specific places (a city, a region: not a country, and with
     a country code, so not "Sahel") must be the same name (case folded), or
     one must lie in the other (GeoNames' divisions: "Lyon" in "Rhône",
     1 point); otherwise the country codes must be equal (a place agrees with its own
     country), or the one that is only a country must be among the other's
     participants ("le cessez-le-feu en Libye" agrees, with no points, with
     Libyans signing in Geneva). No place and no code: unknown.
   - *participants*: agents and targets, as case-folded names and country
     codes (v1 tables: `actors`; a mention with none, or from v1 tables, adds
     the entities named in the trigger's sentence): sharing one agrees (an
     agent of one may be a target of the other); sharing none conflicts only
     when both come from `agents`/`targets` and both name agents (one
     article's attackers and another's victims do not conflict); otherwise
     unknown.
   A story is compared through what its members say together (rule 6), so
   one account's date or place is checked against the story's, never
   chained through a single member (no single linkage).
5. **Joining.** With date *and* place known and agreeing, an event joins.
   With *no date* (or only a window) it joins only when the place is the same
   specific place and the participants agree; with *no place nor country*
   only when the participants agree and the dates (or window) nest within
   at most 7 days; and in both cases only when exactly one story qualifies.
   With neither date nor place it starts a story of its own.
6. **Best story**: the most points (date: equal 2, nested 1; place: same
   specific place 2, same country 1; participants agree 1), then the
   earliest story. A story's date is its most precise member date, its place
   its first specific place (else country), its participants the union.
7. **`story_id`**: `s` + the first 12 hex digits of the SHA-1 of the first
   member's `doc_id#event_id` (the earliest by rule 3): it does not depend on
   the story's position, so adding later articles keeps the ids of the
   stories they join.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from itertools import groupby

import pandas as pd

from extract.components.events.categories import CAMEO_ROOT
from extract.corpus.clusters import Cluster, article_clusters, block_keys, fit
from extract.corpus.mentions import Regions, article_places, read_mentions

Locate = Callable[[str | None, str | None], tuple[float | None, float | None]]
STORY_COLUMNS = (
    "story_id", "category", "cameo_root", "goldstein", "date_value", "place", "place_country_code", "latitude",
    "longitude", "agents", "targets", "n_articles", "n_mentions", "first_published", "last_published", "doc_ids",
    "event_ids",
)  # fmt: skip


def story_id(key: str) -> str:
    """The id of the story whose first member is `key` (`doc_id#event_id`)."""
    return "s" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def build_stories(
    events: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    mentions: pd.DataFrame | None = None,
    countries: set[str] | None = None,
    locate: Locate | None = None,
    regions: Regions | None = None,
) -> tuple[pd.DataFrame, list[str | None]]:
    """The `stories` rows and, aligned with `events`' rows, each row's `story_id` (None when in no story).

    `mentions` gives v1 tables their sentence participants and each article's
    headline place; `countries` are
    the case-folded names that denote a country rather than a specific place;
    `locate(place, country_code)` gives a story's coordinates when no member has any;
    `regions(place, country_code)` the case-folded names of the divisions a place lies in.
    """
    found = read_mentions(events, documents, mentions, countries or set(), regions)
    places = article_places(mentions, documents)
    accounts: list[Cluster] = []
    for doc_id, group in groupby(sorted(found, key=lambda m: (m.doc_id, m.row)), key=lambda m: m.doc_id):
        members = list(group)
        accounts += article_clusters(members, places.get(doc_id), members[0].published)
    accounts.sort(key=lambda c: (c.members[0].published is None, c.members[0].published or "", c.members[0].doc_id,
                                 c.members[0].row))  # fmt: skip
    stories: list[Cluster] = []
    index: dict[tuple, list[int]] = {}  # block key -> numbers of the stories that have it
    docs: list[set[str]] = []  # the articles of each story
    for account in accounts:
        candidates = sorted({n for key in block_keys(account) for n in index.get(key, ())})
        number = _choose(account, [(n, stories[n]) for n in candidates if account.members[0].doc_id not in docs[n]])
        if number is None:
            number = len(stories)
            stories.append(account)
            docs.append(set())
        else:
            stories[number].merge(account)
        docs[number].add(account.members[0].doc_id)
        for key in block_keys(stories[number]) | block_keys(account):
            if number not in index.setdefault(key, []):
                index[key].append(number)
    ids: list[str | None] = [None] * len(events)
    rows = []
    for story in stories:
        sid = story_id(story.members[0].key)
        for m in story.members:
            ids[m.row] = sid
        rows.append(_story_row(sid, story, locate))
    return pd.DataFrame(rows, columns=list(STORY_COLUMNS)), ids


def _choose(account: Cluster, candidates: list[tuple[int, Cluster]]) -> int | None:
    """The number of the story `account` joins among `candidates` (those of other articles), or None."""
    full: list[tuple[int, int]] = []
    weak: list[tuple[int, int]] = []
    for number, story in candidates:
        found = fit(account, story)
        if found is not None:
            (full if found[0] == "full" else weak).append((-found[1], number))
    if full:
        return min(full)[1]
    return weak[0][1] if len(weak) == 1 else None


def _story_row(sid: str, story: Cluster, locate: Locate | None) -> tuple:
    members = story.members
    category = Counter(m.category for m in members).most_common(1)[0][0]
    codes = Counter(m.country for m in members if m.country)
    code = codes.most_common(1)[0][0] if codes else story.country
    scores = [m.goldstein for m in members if m.goldstein is not None]
    placed = [m for m in members if m.latitude is not None and m.longitude is not None]
    lat, lon = (placed[0].latitude, placed[0].longitude) if placed else (None, None)
    if lat is None and locate is not None and (story.place or code):
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
