"""Is this article French? A real language identifier (lingua), on a sample of the text."""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# The languages a French-news scraper actually meets. Restricting the set keeps
# the detector small and fast; anything else still scores low as French.
CANDIDATES = (
    Language.FRENCH,
    Language.ENGLISH,
    Language.GERMAN,
    Language.SPANISH,
    Language.ITALIAN,
    Language.PORTUGUESE,
    Language.DUTCH,
    Language.CATALAN,
    Language.ROMANIAN,
    Language.ARABIC,
    Language.TURKISH,
    Language.RUSSIAN,
    Language.POLISH,
)
SAMPLE_CHARS = 2000
MIN_LETTERS = 40  # below this, too short to tell: treated as French


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).build()


def not_french(text: str) -> str | None:
    """The detected language's name if `text` is clearly not French, else None."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    values = detector().compute_language_confidence_values(sample)
    best = values[0]
    if best.language == Language.FRENCH:
        return None
    french = next((v.value for v in values if v.language == Language.FRENCH), 0.0)
    if best.value >= 0.5 and french < 0.2:
        return best.language.name.capitalize()
    return None
