"""Reading articles from files, folders and stdin, decoded the way a newsroom export needs.

Offsets are into the text as decoded: a byte-order mark is not part of the text and line
endings are kept as they are in the file, so ``article[start:end] == text`` holds for every
span quotes reports.
"""
from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path
from typing import Callable, Iterator

import attrs

from .errors import InputError

Warn = Callable[[str], None]


@attrs.frozen
class Article:
    name: str  # the file's stem, or "stdin"
    text: str
    source: str  # where it came from, for messages

    @classmethod
    def from_bytes(cls, data: bytes, *, name: str, source: str, encoding: str | None = None, warn: Warn | None = None) -> "Article":
        return cls(name, decode(data, source=source, encoding=encoding, warn=warn), source)

    @classmethod
    def from_path(cls, path: str | os.PathLike, *, encoding: str | None = None, warn: Warn | None = None) -> "Article":
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{path}: is a folder; give its .txt files or the folder itself") from None
        except OSError as error:
            raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
        return cls.from_bytes(data, name=path.stem, source=str(path), encoding=encoding, warn=warn)


def decode(data: bytes, *, source: str, encoding: str | None = None, warn: Warn | None = None) -> str:
    """Bytes to text: a BOM decides, then UTF-8, then cp1252 (said on ``warn``)."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"{source}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise InputError(f"{source}: not valid {encoding} at byte {error.start}") from None
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096] and _mostly_binary(data[:4096]):
        raise InputError(f"{source}: looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if warn is not None:
            warn(f"{source}: not valid UTF-8 at byte {error.start}; read as cp1252 (use --encoding to choose)")
        return data.decode("cp1252", errors="replace")


def _mostly_binary(sample: bytes) -> bool:
    # Text with a few stray NULs is still text; a file that is a tenth NULs is not.
    return sample.count(0) * 10 >= len(sample) or b"\x00\x00\x00" in sample


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Files as given, folders as their .txt files (sorted), '-' as stdin."""
    for given in paths:
        if given != "-" and os.path.isdir(given):
            found = sorted(p for p in Path(given).iterdir() if p.suffix == ".txt" and p.is_file())
            if not found:
                raise InputError(f"{given}: folder has no .txt files")
            yield from (str(p) for p in found)
        else:
            yield given


def read_articles(paths: list[str], *, encoding: str | None = None, warn: Warn | None = None) -> Iterator[Article]:
    for path in expand_paths(paths):
        if path == "-":
            yield Article.from_bytes(sys.stdin.buffer.read(), name="stdin", source="stdin", encoding=encoding, warn=warn)
        else:
            yield Article.from_path(path, encoding=encoding, warn=warn)
