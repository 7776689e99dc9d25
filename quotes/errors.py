"""Typed library errors: the CLI turns each into one line on stderr and exit status 2."""


class QuotesError(Exception):
    """Base of every error quotes raises on purpose."""


class InputError(QuotesError):
    """An input could not be read or decoded."""


class EngineUnavailable(QuotesError):
    """An NLP engine was asked for but cannot run here; the message says what to install."""


class GoldFormatError(QuotesError):
    """An annotation file for `quotes evaluate` is not in a format we read."""


class ConfigError(QuotesError):
    """A configuration file (``quotes check --config``) is missing, not TOML or holds a bad key or value."""
