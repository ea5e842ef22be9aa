"""Which event categories may name one real event across articles: the story families.

    >>> compatible({"protest"}, {"fight"})       # "la manifestation" / "des heurts ont éclaté"
    True
    >>> compatible({"protest", "fight"}, {"assault"})   # every pair must share a family
    False

A category may be in several families: "fight" is clashes at a protest and the
combat of an attack, "yield" a ceasefire one article tells as "ont signé un
accord" and another as "le cessez-le-feu". Two groups of mentions may be one
event only when *every* category of one shares a family with *every* category
of the other (complete linkage on categories): a protest told with clashes
never joins an attack through their common "fight".

Kept apart on purpose (the gold conventions of `tests/data/stories/`):
negotiations and the agreement they lead to ("après dix-huit mois de
négociations", consult, vs "ont signé", diplomatic cooperation); an arrest and
the protest or attack it follows; a claim, a tribute, a condemnation and the
attack they are about.
"""

from __future__ import annotations

from extract.components.events.categories import CATEGORIES

STORY_FAMILIES: dict[str, tuple[str, ...]] = {
    "statement": ("statement", "appeal"),
    "meeting": ("consult", "intent_cooperate", "aid"),  # a summit and the pledges made at it
    "agreement": ("diplomatic_cooperation", "material_cooperation", "intent_cooperate", "aid", "yield"),
    "verbal_conflict": ("demand", "disapprove", "reject", "threaten"),
    "law_enforcement": ("investigate", "coerce"),
    "unrest": ("protest", "fight"),  # "la manifestation a dégénéré", "des heurts ont éclaté"
    "pressure": ("military_posture", "reduce_relations"),
    "violence": ("assault", "fight", "mass_violence", "accident"),  # "l'explosion" before "l'attentat"
    "disaster": ("disaster",),
    "election": ("election",),
}
# Reported after they happen, never announced ahead: a date after the article's publication is a
# misread tense, and an undated mention happened in the week before it.
UNSCHEDULED: frozenset[str] = frozenset({"assault", "fight", "mass_violence", "accident", "disaster"})

_FAMILIES_OF: dict[str, frozenset[str]] = {
    category: frozenset(f for f, members in STORY_FAMILIES.items() if category in members) for category in CATEGORIES
}


def _groups() -> dict[str, str]:
    """Category → the name of its group: the families linked by a shared category, merged (blocking keys)."""
    group: dict[str, str] = {}
    for family, members in STORY_FAMILIES.items():
        names = {group[c] for c in members if c in group} | {family}
        name = min(names, key=list(STORY_FAMILIES).index)
        for category, old in list(group.items()):
            if old in names:
                group[category] = name
        for category in members:
            group[category] = name
    return group


GROUP: dict[str, str] = _groups()


def compatible(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """Every category of `a` shares a story family with every category of `b`."""
    return all(_FAMILIES_OF.get(x, frozenset()) & _FAMILIES_OF.get(y, frozenset()) for x in a for y in b)


def unscheduled(categories: set[str] | frozenset[str]) -> bool:
    return bool(categories) and all(c in UNSCHEDULED for c in categories)
