"""Regenerate countries.tsv: French names of every ISO 3166-1 country.

Sources: CLDR French territory names (babel), pycountry's French translations
of the ISO 3166-1 short and official names, and the curated aliases below
(forms news uses that neither source has: short forms, acronyms, older names).

    python tools/resources/make_countries.py > src/extract/resources/countries.tsv
"""

from __future__ import annotations

import gettext
import sys

import babel
import pycountry

# Canonical name where CLDR's short name is not the one French news uses.
CANONICAL = {
    "CD": "République démocratique du Congo",
    "CG": "République du Congo",
    "MM": "Birmanie",
    "CZ": "République tchèque",
    "HK": "Hong Kong",
    "MO": "Macao",
    "PS": "Palestine",
    "SX": "Sint Maarten",
    "VN": "Vietnam",
}

# Curated aliases: code -> forms. All-caps forms are matched case-sensitively.
ALIASES = {
    "AE": ["Émirats", "EAU", "Emirats arabes unis"],
    "BA": ["Bosnie"],
    "CD": ["RDC", "RD Congo", "Congo-Kinshasa", "Zaïre", "République démocratique du Congo"],
    "CF": ["Centrafrique", "RCA", "République centrafricaine"],
    "CG": ["Congo", "Congo-Brazzaville", "République du Congo"],
    "CI": ["Côte-d'Ivoire"],
    "CN": ["République populaire de Chine", "RPC"],
    "CZ": ["Tchéquie", "République tchèque"],
    "DE": ["RFA", "République fédérale d'Allemagne"],
    "DO": ["République dominicaine"],
    "GB": ["Grande-Bretagne", "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"],
    "IL": ["État hébreu", "État d'Israël"],
    "IR": ["République islamique d'Iran"],
    "KP": ["Corée du Nord", "RPDC"],
    "KR": ["Corée du Sud"],
    "MA": ["Royaume du Maroc"],
    "MU": ["île Maurice", "Île Maurice"],
    "RE": ["île de la Réunion", "Île de la Réunion"],
    "MK": ["Macédoine"],
    "MM": ["Myanmar"],
    "NL": ["Hollande"],
    "PS": ["Territoires palestiniens", "État de Palestine"],
    "RU": ["Fédération de Russie"],
    "SA": ["Arabie Saoudite", "royaume saoudien"],
    "SY": ["République arabe syrienne"],
    "SZ": ["Swaziland"],
    "TL": ["Timor oriental"],
    "TW": ["Taiwan"],
    "US": ["États-Unis d'Amérique", "USA", "Etats-Unis"],
    "VA": ["Saint-Siège", "Cité du Vatican"],
    "VN": ["Viêt Nam", "Viet Nam", "Vietnam"],
    "XK": ["Kosovo"],
}

# Forms a source gives that collide with common words or first names;
# they are dropped (the country keeps its other forms).
DROP = {"Réunion", "Dominique", "Maurice", "Jersey", "Man", "Guernesey", "Grenade"}
# Forms that name a place rather than a country: a continent (places.tsv has them).
DROP |= {"Antarctique"}


def clean(name: str) -> str | None:
    """A usable surface form, or None for ISO's inverted `Name, qualifier` forms."""
    name = name.strip()
    if not name or "," in name or "(" in name:
        return None
    return name


def rows() -> list[tuple[str, str, list[str]]]:
    """(code, canonical, aliases) for every ISO 3166-1 country, plus Kosovo."""
    territories = babel.Locale("fr").territories
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    out = []
    countries = [(c.alpha_2, c) for c in pycountry.countries] + [("XK", None)]
    for code, country in countries:
        forms: list[str] = []
        if code in territories:
            forms.append(territories[code])
        if country is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    forms.append(fr.gettext(value))
        forms += ALIASES.get(code, [])
        candidates = [CANONICAL.get(code), territories.get(code), *forms]
        canonical = next(c for c in map(clean, filter(None, candidates)) if c)
        seen, aliases = set(), []
        for raw in [canonical, *forms]:
            form = clean(raw) if raw else None
            if form and form not in seen and form not in DROP:
                seen.add(form)
                aliases.append(form)
        out.append((code, canonical, aliases))
    return out


def main() -> None:
    out = sys.stdout
    out.write("# French country names keyed by ISO 3166-1 alpha-2 code.\n")
    out.write("# Sources: CLDR French territory names (babel), pycountry iso3166-1 French\n")
    out.write("# translations (short and official names), curated aliases in the script.\n")
    out.write("# Regenerate: python tools/resources/make_countries.py > src/extract/resources/countries.tsv\n")
    out.write("# columns: code, canonical, aliases (every form matched, |-separated; all-caps ones case-sensitively)\n")
    out.write("code\tcanonical\taliases\n")
    for code, canonical, aliases in rows():
        out.write(f"{code}\t{canonical}\t{'|'.join(aliases)}\n")


if __name__ == "__main__":
    main()
