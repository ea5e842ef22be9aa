"""extract: French news articles in, the facts in them out as tables."""

__version__ = "0.1.0"
