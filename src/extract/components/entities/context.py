"""Context decides the link: the country a name's phrase or its article states picks among namesakes.

"le PDS allemand", "la poste américaine", "le Conseil constitutionnel
sénégalais": a nationality or country right after an organisation's name
states its country (for a common-noun name, so does where it is: "le Parti
travailliste au pouvoir en Israël"). When the knowledge base has an entry in that country, it
is the one; when its entries are all in another country, the link is wrong:
the mention keeps a generic canonical name ("Conseil constitutionnel
(Sénégal)"), the stated country and no Wikidata id. A name that is a common
noun phrase ("Parti travailliste", "Cour suprême") in an article about one
country that never names the entry's country is read the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Doc

from extract.components.entities.candidates import Candidate
from extract.components.entities.gazetteer import NameTable, fold, strip_article
from extract.pipeline.spans import Mention

OF = {"de", "du", "des", "d'", "d’"}
IN = {"en", "au", "aux", "dans"}
ARTICLES = {"le", "la", "les", "l'", "l’"}


def stated_country(doc: Doc, c: Candidate, places: Mapping[int, tuple[str, str]], *, where: bool) -> str:
    """The country stated right after the name: "... sénégalais", "... de Hongrie", or "".

    With `where` (a common-noun name), also where it is: "le Parti travailliste
    au pouvoir en Israël"; not for a proper name ("la CIA en Irak" is American).
    """
    at = c.end
    if at < len(doc) and doc[at].lower_ in OF:
        found = places.get(at + 1)
        return found[1] if found and found[0] == "country" else ""
    found = places.get(at)
    if found and found[0] == "nationality":
        return found[1]
    if not where:
        return ""
    if [t.lower_ for t in doc[at : at + 2]] == ["au", "pouvoir"]:
        at += 2
    if at < len(doc) and doc[at].lower_ in IN:
        at += 1
        if at < len(doc) and doc[at].lower_ in ARTICLES:
            at += 1
        found = places.get(at)
        return found[1] if found and found[0] == "country" else ""
    return ""


def dominant_country(mentions: list[Mention]) -> str:
    """The country an article names most (countries and nationalities), when one clearly leads."""
    counts = Counter(m.country_code for m in mentions if m.kind in ("country", "nationality") and m.country_code)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return ""
    return ranked[0][0]


def link_in_context(
    doc: Doc,
    text: str,
    mentions: list[Mention],
    chosen: list[Candidate],
    phrases: list[Candidate],
    common: frozenset[str],
    countries: Mapping[str, str],
) -> list[Mention]:
    """`mentions` (one per `chosen`) with organisations linked to the country their context states.

    `text` is `doc.text`; `countries` maps a code to the country's canonical name.
    """
    places = {p.start: (p.kind, p.entries[0].country_code) for p in phrases if p.kind in ("country", "nationality")}
    named = {m.country_code for m in mentions if m.kind in ("country", "nationality") and m.country_code}
    dominant = dominant_country(mentions)
    relinked: dict[str, Mention] = {}
    out = list(mentions)
    for i, (m, c) in enumerate(zip(mentions, chosen)):
        if m.kind != "organisation" or not c.entries:
            continue
        common_name = generic(doc[c.start : c.end].text, common)
        code = stated_country(doc, c, places, where=common_name)
        if not code and dominant and common_name:
            entry_countries = {e.country_code for e in c.entries}
            if "" not in entry_countries and not entry_countries & named:
                code = dominant  # "le Parti travailliste" in an article about Israel alone
        if not code or code == m.country_code:
            continue
        same = next((e for e in c.entries if e.country_code == code), None)
        if same is not None:
            out[i] = replace(m, canonical=same.canonical, country_code=code, wikidata_id=same.wikidata_id)
        elif m.country_code:  # the knowledge base's entry is another country's
            name = strip_article(text[m.start : m.end])
            out[i] = replace(m, canonical=f"{name} ({countries.get(code, code)})", country_code=code, wikidata_id="")
        else:
            continue
        relinked[fold(strip_article(text[m.start : m.end]))] = out[i]
    if not relinked:
        return out
    # The other mentions of the same name in the article are the same entity.
    for i, m in enumerate(out):
        if m.kind == "organisation":
            key = fold(strip_article(text[m.start : m.end]))
            if key in relinked and out[i] is not relinked[key]:
                r = relinked[key]
                out[i] = replace(m, canonical=r.canonical, country_code=r.country_code, wikidata_id=r.wikidata_id)
    return out


def generic(name: str, common: frozenset[str]) -> bool:
    """A name that is a common noun phrase ("Parti travailliste", "Cour suprême"), not a proper name or acronym."""
    words = strip_article(name).split()
    if len(words) < 2 or words[0].isupper() or words[0].lower() not in common:
        return False
    return all(w.islower() for w in words[1:])  # "agence Reuters" is Reuters


def short_forms(mentions: list[Mention], nationalities: NameTable) -> list[Mention]:
    """ "le ministère des Affaires étrangères" in an article naming "le ministère russe des Affaires étrangères".

    An organisation's name the knowledge base does not link that is another
    organisation's name in the article without its nationality adjective is that
    organisation, when the article has only one such longer name.
    """
    longer: dict[str, set[int]] = {}
    for i, m in enumerate(mentions):
        if m.kind != "organisation":
            continue
        words = m.canonical.split()
        for j in range(1, len(words) - 1):
            if words[j].islower() and nationalities.lookup(words[j]):
                longer.setdefault(fold(" ".join(words[:j] + words[j + 1 :])), set()).add(i)
    if not longer:
        return mentions
    out = list(mentions)
    for i, m in enumerate(mentions):
        if m.kind != "organisation" or m.wikidata_id:
            continue
        found = {mentions[k].canonical: mentions[k] for k in longer.get(fold(m.canonical), ())}
        if len(found) == 1:
            r = next(iter(found.values()))
            out[i] = replace(m, canonical=r.canonical, country_code=r.country_code, wikidata_id=r.wikidata_id)
    return out
