"""Event coreference within one Doc: the mentions of one real event share a `coref` number.

A mention joins an earlier group it is compatible with, else starts its own:

- **same family**: the same category, or one violence family for assault, fight and
  mass_violence ("l'attaque de mardi … l'attentat … ces frappes");
- **same modality**: an asserted election and a planned one are two events;
- **compatible date**: none, or one period inside the other (`2018-12-11` in `2018-W50`);
- **compatible place**: none, the same place, or a place inside the country named;
- **no conflicting agents**: both name agents (or their countries) and share none, or the
  agent of one is the target of the other ("Moscou expulse …" and "l'expulsion de
  diplomates russes");
- **an anaphor or the same word**: a definite or demonstrative noun ("l'attentat",
  "ces raids") joins the latest compatible group; any other mention (a verb, a bare
  noun) only a group with the same word ("manifestent" … "ont manifesté", "naufrage" …
  "a fait naufrage"); a group with the same word is preferred to a later one;
- **not a new event**: an indefinite noun ("une offensive", "des tirs") starts a group
  of its own, unless the group's mentions are all in the first sentence (the headline);
  so does "un autre attentat", "une nouvelle attaque", "un attentat similaire";
- a bare noun modifying another ("au premier tour de scrutin", "une tentative d'attentat")
  names a kind, not an event told before: it joins no group and none joins it;
- disasters and accidents join only on the same word ("le cyclone" … "des inondations"
  are two events).

Then the asserted and planned mentions of a group complete each other: one without a date,
place, agents or targets takes the group's (the most precise date; the first place, agents,
targets), with source `article`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extract.pipeline.spans import Event
from extract.schema import SHOWN_MODALITIES

FAMILIES = {"assault": "violence", "fight": "violence", "mass_violence": "violence"}
# Categories whose mentions join only on the same word: a flood after a cyclone is another event.
SAME_WORD_CATEGORIES = frozenset({"disaster", "accident"})


@dataclass(slots=True)
class Referent:
    """What the parse says about a mention, beside its Event: whether it introduces a new event."""

    new: bool = False  # "un autre attentat": never joins a group
    indefinite: bool = False  # "une offensive": joins only a headline group
    anaphor: bool = False  # "l'attentat", "ces frappes": may join a group of other words
    word: str = ""  # the trigger's word stem ("manif" for manifester, manifestation)
    headline: bool = False  # in the document's first sentence
    closed: bool = False  # a bare noun modifying another ("au premier tour de scrutin"): no referent to share
    place_kind: str = ""
    undated: bool = False  # an alleged event ("aurait bombardé"): no date, not even the group's


def family(category: str) -> str:
    return FAMILIES.get(category, category)


def period(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 date value covers, or None for other values."""
    value = value.split("T", 1)[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = dt.date(int(m[1]), int(m[2]), 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def dates_agree(a: str, b: str) -> bool:
    """Whether two date values can be of one event: either missing, or one period inside the other."""
    if not a or not b:
        return True
    pa, pb = period(a), period(b)
    if pa is None or pb is None:
        return a == b
    return (pa[0] <= pb[0] and pb[1] <= pa[1]) or (pb[0] <= pa[0] and pa[1] <= pb[1])


def places_agree(a: Event, ra: Referent, b: Event, rb: Referent) -> bool:
    if not a.place or not b.place or a.place == b.place:
        return True
    if a.place_country_code and a.place_country_code == b.place_country_code:
        return "country" in (ra.place_kind, rb.place_kind)  # "en Tunisie" and "à Sousse"
    return False


def agents_agree(a: Event, b: Event) -> bool:
    """No conflicting agents: both named and none shared, or one's agent the other's target."""
    for x, y in ((a, b), (b, a)):
        reversed_roles = set(x.agent_country_codes) & set(y.target_country_codes)
        if reversed_roles and not set(x.agent_country_codes) & set(y.agent_country_codes):
            return False  # "Moscou expulse" and "l'expulsion de diplomates russes": two events
    if not a.agents or not b.agents or set(a.agents) & set(b.agents):
        return True
    return bool(set(a.agent_country_codes) & set(b.agent_country_codes))


def compatible(events: list[Event], referents: list[Referent], group: list[int], i: int) -> bool:
    e, r = events[i], referents[i]
    for j in group:
        o = events[j]
        if family(o.category) != family(e.category) or o.modality != e.modality:
            return False
        if not dates_agree(o.date_value, e.date_value) or not places_agree(o, referents[j], e, r):
            return False
        if not agents_agree(o, e):
            return False
    return True


def resolve(events: list[Event], referents: list[Referent]) -> None:
    """Set `coref` on every event (1-based, in order of first mention) and complete each group."""
    groups: list[list[int]] = []
    for i in range(len(events)):
        target = None if referents[i].new or referents[i].closed else _group_for(events, referents, groups, i)
        if target is None:
            groups.append([i])
        else:
            target.append(i)
    for number, group in enumerate(groups, start=1):
        for i in group:
            events[i].coref = number
        if len(group) > 1:
            shown = [i for i in group if events[i].modality in SHOWN_MODALITIES]
            complete([events[i] for i in shown], [referents[i] for i in shown])


def _group_for(events: list[Event], referents: list[Referent], groups: list[list[int]], i: int) -> list[int] | None:
    r = referents[i]
    fitting = [g for g in reversed(groups) if not referents[g[0]].closed and compatible(events, referents, g, i)]
    if r.indefinite:
        fitting = [g for g in fitting if all(referents[j].headline for j in g)]
    same_word = [g for g in fitting if any(referents[j].word == r.word for j in g)]
    if same_word:
        return same_word[0]
    if r.anaphor and events[i].category not in SAME_WORD_CATEGORIES and fitting:
        return fitting[0]
    return None


def complete(group: list[Event], referents: list[Referent]) -> None:
    """Each mention without date, place, agents or targets takes the group's, from `article`."""
    dated = [e for e in group if e.date_value]
    placed = [e for e in group if e.place]
    best = max(dated, key=lambda e: len(e.date_value.split("T")[0])) if dated else None
    for e, r in zip(group, referents):
        if best is not None and not e.date_value and not r.undated:
            e.date_value, e.timex, e.date_source = best.date_value, best.timex, "article"
        if placed and not e.place:
            e.place, e.place_country_code, e.place_source = placed[0].place, placed[0].place_country_code, "article"
        if not e.agents and not e.agent_country_codes:
            donor = next((o for o in group if o.agents or o.agent_country_codes), None)
            if donor is not None:
                e.agents, e.agent_country_codes = list(donor.agents), list(donor.agent_country_codes)
        if not e.targets and not e.target_country_codes:
            donor = next((o for o in group if o.targets or o.target_country_codes), None)
            if donor is not None:
                e.targets, e.target_country_codes = list(donor.targets), list(donor.target_country_codes)
