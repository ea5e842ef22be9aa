"""The event categories: the one table every part reads (the trigger lexicon's check, the docs, the report).

Plain Python, no spaCy: `extract.schema_docs` and the report import it without loading the pipeline.
"""

from __future__ import annotations

from functools import lru_cache

from extract.components.resources import RESOURCES, read_tsv

GOLDSTEIN_FILE = "goldstein.tsv"

# category, CAMEO root, what it covers, French examples (the SPEC's table).
EVENT_CATEGORIES: list[tuple[str, str, str, str]] = [
    (
        "statement",
        "01",
        "make a public statement, claim or deny responsibility (not every reporting verb)",
        "revendiquer, démentir, rendre hommage",
    ),
    ("appeal", "02", "appeal, request", "appeler à, exhorter"),
    ("intent_cooperate", "03", "express intent to cooperate", "promettre, s'engager à"),
    ("consult", "04", "consult, meet, negotiate", "se réunir, sommet, rencontre, conférence"),
    (
        "diplomatic_cooperation",
        "05",
        "engage in diplomatic cooperation",
        "signer un accord, reconnaître l'indépendance",
    ),
    (
        "material_cooperation",
        "06",
        "engage in material cooperation",
        "cellule commune, patrouilles conjointes, échange d'informations",
    ),
    ("aid", "07", "provide aid", "prêt, aide, don, proposer son aide"),
    ("yield", "08", "yield, release, withdraw", "libérer, se retirer"),
    ("investigate", "09", "investigate", "ouvrir une enquête"),
    ("demand", "10", "demand", "exiger, réclamer"),
    ("disapprove", "11", "disapprove, criticise, accuse", "dénoncer, condamner, accuser"),
    ("reject", "12", "reject, refuse", "rejeter, refuser"),
    ("threaten", "13", "threaten", "menacer, ultimatum"),
    ("protest", "14", "protest, demonstrate, strike", "manifestation, grève"),
    ("military_posture", "15", "exhibit force posture", "mobiliser, déployer des troupes"),
    ("reduce_relations", "16", "reduce relations", "sanctions, fermer la frontière, expulser"),
    ("coerce", "17", "coerce, arrest, restrict", "arrêter, interpeller, état d'urgence, loi martiale"),
    ("assault", "18", "unconventional violence", "attentat, attaque, assassinat, sabotage"),
    ("fight", "19", "conventional military force", "offensive, combats, bombardements, frappes"),
    ("mass_violence", "20", "unconventional mass violence", "massacre"),
    ("disaster", "", "natural or industrial disaster (not CAMEO)", "séisme, incendie, inondation"),
    ("accident", "", "accident (not CAMEO)", "s'écraser, naufrage, s'échouer, collision"),
    ("election", "", "election, referendum (not CAMEO)", "élections, scrutin, référendum"),
]

CATEGORIES: tuple[str, ...] = tuple(category for category, _, _, _ in EVENT_CATEGORIES)
CAMEO_ROOT: dict[str, str] = {category: root for category, root, _, _ in EVENT_CATEGORIES}

# Families of categories that different articles use for one real event ("l'attentat", "la fusillade",
# "les combats"; "le sommet", "ont signé"): stories across articles (`extract.corpus`) join mentions
# of one family. The cooperative CAMEO roots are one family, the violent ones another; an accident joins
# the violence ("l'explosion" is an accident trigger until an attacker is named: "l'attentat").
CATEGORY_FAMILIES: dict[str, tuple[str, ...]] = {
    "statement": ("statement", "appeal"),
    "cooperation": ("intent_cooperate", "consult", "diplomatic_cooperation", "material_cooperation", "aid"),
    "yield": ("yield",),
    "verbal_conflict": ("demand", "disapprove", "reject", "threaten"),
    "law_enforcement": ("investigate", "coerce"),
    "protest": ("protest",),
    "pressure": ("military_posture", "reduce_relations"),
    "violence": ("assault", "fight", "mass_violence", "accident"),
    "disaster": ("disaster",),
    "election": ("election",),
}
FAMILY: dict[str, str] = {category: family for family, members in CATEGORY_FAMILIES.items() for category in members}
# Families whose events are reported after they happen, never announced ahead: a date after the
# article's publication is a misread tense, and an undated mention happened in the week before it.
UNSCHEDULED_FAMILIES: tuple[str, ...] = ("violence", "disaster")


@lru_cache(maxsize=1)
def goldstein_scores() -> dict[str, float]:
    """CAMEO root → Goldstein score, from `resources/goldstein.tsv` (GDELT's root-level values)."""
    return {row["cameo_root"]: float(row["goldstein"]) for row in read_tsv(RESOURCES / GOLDSTEIN_FILE)}


def goldstein_of(cameo_root: str) -> float | None:
    """The Goldstein score of a CAMEO root; None for the non-political categories (no root)."""
    return goldstein_scores().get(cameo_root) if cameo_root else None
