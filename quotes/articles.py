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
import regex

from .errors import InputError

Warn = Callable[[str], None]


@attrs.frozen
class Article:
    name: str  # the path as given (inside a folder: relative to it), or "stdin"
    text: str
    source: str  # where it came from, for messages

    @classmethod
    def from_bytes(cls, data: bytes, *, name: str, source: str, encoding: str | None = None, warn: Warn | None = None) -> "Article":
        return cls(name, decode(data, source=source, encoding=encoding, warn=warn), source)

    @classmethod
    def from_path(cls, path: str | os.PathLike, *, name: str | None = None, encoding: str | None = None,
                  warn: Warn | None = None) -> "Article":
        """``name`` defaults to the path as given."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise unreadable(path, error, folder_hint="give its .txt files or the folder itself") from None
        return cls.from_bytes(data, name=name or os.fspath(path), source=str(path), encoding=encoding, warn=warn)


def unreadable(path: str | os.PathLike, error: OSError, *, folder_hint: str) -> InputError:
    """The one-line error for a file that cannot be opened."""
    if isinstance(error, FileNotFoundError):
        return InputError(f"{path}: no such file")
    if isinstance(error, IsADirectoryError):
        return InputError(f"{path}: is a folder; {folder_hint}")
    return InputError(f"{path}: cannot read: {error.strerror or error}")


def decode(data: bytes, *, source: str, encoding: str | None = None, warn: Warn | None = None) -> str:
    """Bytes to text: ``encoding`` if given, else a BOM decides, then UTF-8, then cp1252.

    Every fallback is said on ``warn``. A byte-order mark is never part of the text. Binary
    data (NUL bytes that are not UTF-16) is an ``InputError``, as is an unknown encoding or
    bytes that are not valid in the encoding asked for.
    """
    say = warn or (lambda message: None)
    if encoding:
        text = _decode_as(data, encoding, source)
    elif data.startswith(codecs.BOM_UTF8):
        text = _decode_lenient(data[len(codecs.BOM_UTF8) :], "utf-8", "UTF-8", source, say)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_lenient(data, "utf-16", "UTF-16", source, say)
    elif b"\x00" in data[:SAMPLE]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            say(f"{source}: no byte-order mark; read as {utf16.upper()}")
            text = _decode_lenient(data, utf16, utf16.upper(), source, say)
        elif _mostly_binary(data[:SAMPLE]):
            raise InputError(f"{source}: looks like a binary file, not text (it has NUL bytes)")
        else:
            text = _utf8_or_cp1252(data, source, say)
    else:
        text = _utf8_or_cp1252(data, source, say)
    if text.startswith("\ufeff"):
        text = text[1:]
    return _without_lone_surrogates(text, source, say)


SAMPLE = 8192  # bytes looked at to tell text from binary


def _decode_as(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"{source}: unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{source}: not valid {encoding} at byte {error.start}") from None
    except (UnicodeError, ValueError, TypeError) as error:  # codecs such as 'undefined' or 'idna'
        raise InputError(f"{source}: cannot decode as {encoding}: {error}") from None


def _decode_lenient(data: bytes, codec: str, label: str, source: str, say: Warn) -> str:
    """Decode; bytes that are not valid become U+FFFD, and that is said."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        say(f"{source}: not valid {label} at byte {error.start}; bad bytes replaced")
        return data.decode(codec, errors="replace")


def _utf8_or_cp1252(data: bytes, source: str, say: Warn) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        say(f"{source}: not valid UTF-8 at byte {error.start}; read as cp1252 (use --encoding to choose)")
        return data.decode("cp1252", errors="replace")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the NULs fall on one side of each byte pair, as in
    mostly-ASCII UTF-16 text; None otherwise."""
    sample = data[:SAMPLE]
    if len(data) % 2 or len(sample) < 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if other.count(0) == 0 and zeros.count(0) * 2 >= len(zeros):
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec
    return None


def _without_lone_surrogates(text: str, source: str, say: Warn) -> str:
    """Lone surrogates (from 'utf-7' or 'utf-16' input) cannot be printed: U+FFFD instead."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        say(f"{source}: has unpaired surrogate code points; replaced")
        text = SURROGATE.sub("\ufffd", text)
    return text


SURROGATE = regex.compile("[\ud800-\udfff]")


def _mostly_binary(sample: bytes) -> bool:
    # Text with a few stray NULs is still text; a file that is a tenth NULs is not.
    return sample.count(0) * 10 >= len(sample) or b"\x00\x00\x00" in sample


@attrs.frozen
class ArticlePath:
    """One input to read: a file (``path``), or stdin (``path == "-"``), and its article name."""

    path: str
    name: str


def expand_paths(paths: list[str], *, warn: Warn | None = None) -> Iterator[ArticlePath]:
    """Files as given, folders as the .txt files anywhere under them, '-' as stdin.

    An article is named by its path as given; a file found in a folder by its path relative to
    that folder, with '/' separators (``business/001.txt``), so a folder's names do not depend
    on where it lives. A folder's files come in sorted order (by path, folder by folder); hidden
    files and folders (a name starting with '.') are skipped. After a folder's last file,
    ``warn`` hears how many were read from it. Two inputs with the same name are said on
    ``warn``: their rows could not be told apart.
    """
    seen: set[str] = set()
    for given in paths:
        if given != "-" and os.path.isdir(given):
            found = folder_files(given)
            if not found:
                raise InputError(f"{given}: no .txt files in this folder or its subfolders")
            for relative in found:
                yield _named(ArticlePath(os.path.join(given, *relative.split("/")), relative), seen, warn)
            if warn is not None:
                warn(f"read {len(found)} file{'s' if len(found) != 1 else ''} from {given}")
        else:
            yield _named(ArticlePath(given, "stdin" if given == "-" else given), seen, warn)


def folder_files(folder: str) -> list[str]:
    """The .txt files under ``folder`` as sorted relative paths with '/' separators. Symbolic
    links to folders are not followed (no cycles)."""
    found: list[tuple[str, ...]] = []
    for top, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".")]
        inside = Path(top).relative_to(folder).parts
        found.extend((*inside, f) for f in files
                     if f.endswith(".txt") and not f.startswith(".") and os.path.isfile(os.path.join(top, f)))
    return ["/".join(parts) for parts in sorted(found)]


def _named(source: "ArticlePath", seen: set[str], warn: Warn | None) -> "ArticlePath":
    if source.name in seen and warn is not None:
        warn(f"two inputs are named {source.name!r}; their results cannot be told apart")
    seen.add(source.name)
    return source


def read_articles(paths: list[str], *, encoding: str | None = None, warn: Warn | None = None) -> Iterator[Article]:
    for source in expand_paths(paths, warn=warn):
        if source.path == "-":
            yield Article.from_bytes(sys.stdin.buffer.read(), name="stdin", source="stdin", encoding=encoding, warn=warn)
        else:
            yield Article.from_path(source.path, name=source.name, encoding=encoding, warn=warn)
