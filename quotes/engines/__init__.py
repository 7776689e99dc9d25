"""NLP engines: each turns text into the neutral ``Analysis``.

``rules`` needs nothing and runs everywhere; ``stanza`` is an optional extra, imported only
when asked for, so that the default install stays light.
"""
from __future__ import annotations

import functools

from ..errors import EngineUnavailable
from .base import Analysis, CorefChain, Engine, Entity, Sentence, Token
from .rules import RulesEngine

ENGINES = ("rules", "stanza")

__all__ = ["Analysis", "CorefChain", "Engine", "Entity", "Sentence", "Token", "ENGINES", "get_engine"]


@functools.cache
def get_engine(name: str, model_dir: str | None = None) -> Engine:
    """The engine called ``name``, built once per process (stanza's pipeline is slow to load)."""
    if name == "rules":
        return RulesEngine()
    if name == "stanza":
        from .stanza import StanzaEngine  # guarded: stanza and torch are an optional extra

        return StanzaEngine(model_dir=model_dir)
    raise EngineUnavailable(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
