"""The configuration file of ``quotes check``: the thresholds a desk agrees on and the failures
it accepts, article by article. TOML, for example::

    max_anonymous_share = 0.4
    min_named_sources = 2

    [[allow]]
    article = "politics/003.txt"
    rule = "anonymous-share"
    note = "whistleblower story; the desk agreed on 12 May"

A key this module does not know, or a value of the wrong type or out of range, is a
``ConfigError`` naming the file and the key: a typo must not silently loosen a check.
"""
from __future__ import annotations

import os
from typing import Any

import attrs

from .check import RULES, Thresholds
from .errors import ConfigError

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser as a package
    import tomli as tomllib  # type: ignore[no-redef]

KEYS = ("max_anonymous_share", "min_named_sources", "allow")
ALLOW_KEYS = ("article", "rule", "note")


@attrs.frozen
class Allow:
    """One accepted failure: every failure of ``rule`` in ``article`` (named as check names it)."""

    article: str
    rule: str
    note: str | None = None

    def covers(self, article: str, rule: str) -> bool:
        return self.article == article and self.rule == rule


@attrs.frozen
class CheckConfig:
    max_anonymous_share: float | None = None
    min_named_sources: int | None = None
    allow: tuple[Allow, ...] = ()

    def thresholds(self, max_anonymous_share: float | None = None, min_named_sources: int | None = None) -> Thresholds:
        """The command line's values, else the file's, else the defaults."""
        default = Thresholds()
        return Thresholds(
            _first(max_anonymous_share, self.max_anonymous_share, default.max_anonymous_share),
            _first(min_named_sources, self.min_named_sources, default.min_named_sources),
        )


def _first(*values):
    return next(v for v in values if v is not None)


def load(path: str | os.PathLike) -> CheckConfig:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a configuration file") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not valid UTF-8 at byte {error.start}") from None
    return parse(data, source=str(path))


def parse(data: dict[str, Any], *, source: str = "config") -> CheckConfig:
    _known(data, KEYS, source)
    share = data.get("max_anonymous_share")
    if share is not None and (not _number(share) or not 0 <= share <= 1):
        raise ConfigError(f"{source}: max_anonymous_share must be a number from 0 to 1, not {share!r}")
    named = data.get("min_named_sources")
    if named is not None and (not isinstance(named, int) or isinstance(named, bool) or named < 0):
        raise ConfigError(f"{source}: min_named_sources must be a whole number, 0 or more, not {named!r}")
    entries = data.get("allow", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ConfigError(f"{source}: allow must be a list of tables ([[allow]] entries)")
    return CheckConfig(None if share is None else float(share), named,
                       tuple(_allow(e, f"{source}: allow entry {n}") for n, e in enumerate(entries, 1)))


def _allow(entry: dict[str, Any], where: str) -> Allow:
    _known(entry, ALLOW_KEYS, where)
    for key in ("article", "rule"):
        if key not in entry:
            raise ConfigError(f"{where}: {key} is missing")
    for key in ALLOW_KEYS:
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            raise ConfigError(f"{where}: {key} must be a non-empty string, not {entry[key]!r}")
    if entry["rule"] not in RULES:
        raise ConfigError(f"{where}: unknown rule {entry['rule']!r}; the rules are: {', '.join(RULES)}")
    return Allow(entry["article"], entry["rule"], entry.get("note"))


def _known(table: dict[str, Any], keys: tuple[str, ...], where: str) -> None:
    unknown = [k for k in table if k not in keys]
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}; the keys are: {', '.join(keys)}")


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
