"""extract: French news articles in, the facts in them out as tables."""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

try:  # the one version is pyproject.toml's, as installed
    __version__ = _version("extract-news-fr")
except PackageNotFoundError:  # run from a source tree that is not installed
    __version__ = "0+unknown"
