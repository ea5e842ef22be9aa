"""Our spaCy components, one package each: `entities` (extract_entities), `timex` (extract_timex), `events` (extract_events).

Each registers its factory in `<package>.component`, listed under
`[project.entry-points.spacy_factories]` so `nlp.add_pipe("extract_timex")` works in
any process once the distribution is installed.
"""
