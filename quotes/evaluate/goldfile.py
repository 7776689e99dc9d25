"""Reading gold JSON files (``*.gold.json``, the hand-annotation format of the seed and the BBC set).

Receives a gold file and its article; hands on validated :class:`GoldItem` objects (with the line
each begins on, for error messages), the article's path as the file's "article" field resolves,
and each item's place in the article (:func:`locate_items`). Malformed files raise
:class:`quotes.errors.GoldFormatError` naming the file, the line and the problem.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Sequence

import attrs

from ..errors import GoldFormatError, InputError
from ..model import Kind, SpeakerType
from .common import fail, read_text


@attrs.frozen
class GoldItem:
    """One hand-annotated attribution of a gold JSON file."""

    index: int
    line: int | None
    kind: Kind
    content: str  # the start of the quoted or reported words
    speaker: str | None
    aliases: tuple[str, ...] = ()
    type: SpeakerType | None = None
    has_via: bool = False  # whether the item says anything about a conduit (null is a statement)
    via: str | None = None
    cue: str | None = None
    optional: bool = False
    where: str | None = None


def _gold_item(index: int, raw: Any, line: int | None, path: str) -> GoldItem:
    def problem(text: str) -> GoldFormatError:
        return fail(path, line, f"attribution {index + 1}: {text}")

    if not isinstance(raw, dict):
        raise problem("is not an object")
    content = raw.get("content")
    if not isinstance(content, str) or not content.strip():
        raise problem("'content' must be a non-empty string")
    try:
        kind = Kind(raw.get("kind"))
    except ValueError:
        raise problem(f"'kind' must be one of {[k.value for k in Kind]}, not {raw.get('kind')!r}") from None
    speaker = raw.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        raise problem("'speaker' must be a string or null")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise problem("'aliases' must be a list of strings")
    type_ = None
    if raw.get("type") is not None:
        try:
            type_ = SpeakerType(raw["type"])
        except ValueError:
            raise problem(f"'type' must be one of {[t.value for t in SpeakerType]}, not {raw['type']!r}") from None
    via = raw.get("via")
    if via is not None and not isinstance(via, str):
        raise problem("'via' must be a string or null")
    optional = raw.get("optional", False)
    if not isinstance(optional, bool):
        raise problem("'optional' must be true or false")
    return GoldItem(
        index=index,
        line=line,
        kind=kind,
        content=content,
        speaker=speaker,
        aliases=tuple(aliases),
        type=type_,
        has_via="via" in raw,
        via=via,
        cue=raw.get("cue") if isinstance(raw.get("cue"), str) else None,
        optional=optional,
        where=raw.get("where") if isinstance(raw.get("where"), str) else None,
    )


def _item_lines(raw: str, items: list[Any]) -> list[int | None]:
    """The line on which each element of the top-level "attributions" array begins.

    The json module keeps no positions, so walk the array again with ``raw_decode``; a file whose
    layout defeats this still loads, its errors just name no line.
    """
    decoder = json.JSONDecoder()
    for found in re.finditer(r'"attributions"\s*:\s*\[', raw):
        position = found.end()
        lines: list[int | None] = []
        try:
            while len(lines) < len(items):
                while raw[position] in " \t\r\n,":
                    position += 1
                value, end = decoder.raw_decode(raw, position)
                if value != items[len(lines)]:
                    break
                lines.append(raw.count("\n", 0, position) + 1)
                position = end
        except (json.JSONDecodeError, IndexError):
            continue
        if len(lines) == len(items):
            return lines
    return [None] * len(items)


def read_gold_file(path: str | os.PathLike[str]) -> tuple[str, tuple[GoldItem, ...]]:
    """(the "article" field, the items) of a gold JSON file, validated."""
    raw = read_text(Path(path))
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as error:
        raise fail(str(path), error.lineno, f"not JSON: {error.msg}") from None
    if not isinstance(document, dict) or not isinstance(document.get("attributions"), list):
        raise fail(str(path), 1, 'expected an object with an "attributions" list')
    article = document.get("article")
    if article is not None and not isinstance(article, str):
        raise fail(str(path), 1, '"article" must be a path string')
    items = document["attributions"]
    lines = _item_lines(raw, items)
    return article or "", tuple(_gold_item(i, item, lines[i], str(path)) for i, item in enumerate(items))


def resolve_article_path(
    gold_path: str | os.PathLike[str], article_field: str, article: str | os.PathLike[str] | None = None
) -> Path:
    """Where the article of a gold file is: ``article`` if given, else the "article" field read
    against the gold file's parent folder (the project root for ``gold/x.gold.json``), the gold
    file's own folder, its further ancestors (``fixtures/gold/`` inside a project), then the
    current directory."""
    if article is not None:
        return Path(article)
    if not article_field:
        raise InputError(f"{gold_path}: no \"article\" field; name the article explicitly")
    folder = Path(gold_path).resolve().parent
    bases = [folder.parent, folder, *folder.parent.parents, Path.cwd()]
    for base in bases:
        candidate = base / article_field
        if candidate.is_file():
            return candidate
    raise InputError(f"{gold_path}: article {article_field!r} not found beside the gold file or in {Path.cwd()}")


_QUOTE_CLASSES = {c: "[\"“”„″]" for c in "\"“”„″"} | {c: "['‘’‚′]" for c in "'‘’‚′"}


def _needle(content: str, *, bounded: bool) -> str:
    """A pattern for gold words that forgives quote style and whitespace, nothing else."""
    parts = []
    for piece in re.split(r"(\s+)", content.strip()):
        if not piece:
            continue
        parts.append(r"\s+" if piece.isspace() else "".join(_QUOTE_CLASSES.get(c, re.escape(c)) for c in piece))
    body = "".join(parts)
    if bounded:
        # Whole words first, so the gold "full" is not found inside "successful".
        body = (r"(?<!\w)" if re.match(r"\w", content.strip()) else "") + body
        body += r"(?!\w)" if re.search(r"\w$", content.strip()) else ""
    return body


def content_occurrences(article: str, content: str) -> list[tuple[int, int]]:
    """Every place the gold words occur, best tier first: whole words, then anywhere, then
    ignoring case; the first tier with any hit is the answer."""
    for flags in (0, re.IGNORECASE):
        for bounded in (True, False):
            hits = [(m.start(), m.end()) for m in re.finditer(_needle(content, bounded=bounded), article, flags)]
            if hits:
                return hits
    return []


def locate_content(
    article: str, content: str, *, after: int = 0, taken: frozenset[tuple[int, int]] = frozenset()
) -> tuple[int, int] | None:
    """The occurrence of gold words to score: the first at or after ``after`` that no earlier item
    has ``taken``, else the first not taken, else the first.

    Gold files list attributions in reading order, so walking forward keeps repeated words apart:
    a headline's "heroic feats" and the body's are two items and each takes its own occurrence.
    Returns None when the words are not in the article at all.
    """
    hits = content_occurrences(article, content)
    if not hits:
        return None
    free = [h for h in hits if h not in taken]
    return next((h for h in free if h[0] >= after), free[0] if free else hits[0])


def locate_items(article: str, items: Sequence[GoldItem], *, path: str = "<gold>") -> list[tuple[int, int]]:
    """Each item's place in the article, walking in file order (see :func:`locate_content`)."""
    places: list[tuple[int, int]] = []
    after = 0
    for item in items:
        where = locate_content(article, item.content, after=after, taken=frozenset(places))
        if where is None:
            raise fail(path, item.line, f"attribution {item.index + 1}: {item.content!r} is not in the article")
        places.append(where)
        after = where[0]
    return places
