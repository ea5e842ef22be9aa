"""The entity component: mentions of countries, nationalities, places, organisations and people, each resolved to one entity.

`component` (the factory and the spaCy component), `candidates` (candidate spans and
the constants that judge them), `resolve` (settling overlaps, picking an entry,
one entity per article), `gazetteer` (the name tables), `acronyms`, `named_heads`.
"""
