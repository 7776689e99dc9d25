"""quotes: who speaks in the news, and through whom.

    >>> import quotes
    >>> result = quotes.analyze('"We will win," Jane Roe said.')
    >>> [(a.kind.value, a.speaker.name) for a in result.attributions]
    [('direct', 'Jane Roe')]
"""
from __future__ import annotations

from .engines import Analysis, get_engine
from .errors import EngineUnavailable, GoldFormatError, InputError, QuotesError
from .model import ArticleResult, Attribution, Gender, Kind, Span, Speaker, SpeakerType, Summary

__version__ = "0.1.0"

__all__ = [
    "analyze",
    "analyze_analysis",
    "Analysis",
    "ArticleResult",
    "Attribution",
    "EngineUnavailable",
    "Gender",
    "GoldFormatError",
    "InputError",
    "Kind",
    "QuotesError",
    "Span",
    "Speaker",
    "SpeakerType",
    "Summary",
]


def analyze(text: str, *, engine: str = "rules", name: str = "article", model_dir: str | None = None) -> ArticleResult:
    """Find every attribution in one article and resolve its speaker."""
    return analyze_analysis(get_engine(engine, model_dir).analyze(text), name=name)


def analyze_analysis(analysis: Analysis, *, name: str = "article") -> ArticleResult:
    """Detection and resolution over an analysis some engine (or a gold file) already filled."""
    from .detect import detect
    from .resolve import resolve

    attributions, speakers = resolve(analysis, detect(analysis))
    return ArticleResult(
        name=name, text=analysis.text, attributions=attributions, speakers=speakers, engine=analysis.engine
    )
