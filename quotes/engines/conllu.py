"""CoNLL-U files as Analyses: a hand-annotated file stands in for a perfect stanza model.

The file is read by stanza's own reader into a real ``stanza.Document`` and converted by the
same ``analysis_from_document`` the engine uses, so whatever detection does with a gold file it
does with a model's output. Two annotation layers stanza's reader does not turn into objects
are added to the Document first:

* GUM / CorefUD coreference in MISC (``Entity=(3-person-...`` opens entity 3, ``Entity=3)``
  closes it) becomes ``doc.coref``, the chains stanza's coref processor would have produced;
* the same mentions, where they are names, become token NER tags (``person`` -> PERSON ...),
  unless the file already carries stanza's own ``ner=`` tags, which then win.
"""
from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import regex

from ..errors import GoldFormatError, InputError
from .base import Analysis
from .stanza import analysis_from_document, longest, require_stanza

# GUM entity types -> OntoNotes labels, for those with a clear counterpart. "place" is mostly
# countries and cities in news (GPE), though a region or a river would be LOC in OntoNotes.
# abstract, substance, plant and animal have no OntoNotes name and are left out.
ETYPE_LABELS = {
    "person": "PERSON",
    "organization": "ORG",
    "place": "GPE",
    "event": "EVENT",
    "time": "DATE",
    "object": "PRODUCT",
}

# One bracket of an Entity= value: "(id-attrs)" a one-word mention, "(id-attrs" an opening,
# "id)" a closing. Attributes never contain brackets in the CorefUD format.
BRACKET = regex.compile(r"\((?P<unit>[^()]*)\)|\((?P<open>[^()]*)|(?P<close>[^()]+)\)")
# `# global.Entity = GRP-etype-infstat-...` names the attribute order of the brackets.
GLOBAL_ENTITY = regex.compile(r"^#\s*global\.Entity\s*=\s*(\S+)")


class Edge(str, enum.Enum):
    OPEN = "open"
    CLOSE = "close"
    UNIT = "unit"  # opens and closes on the same word


@attrs.frozen
class Bracket:
    edge: Edge
    key: str  # the entity id with any discontinuity marker: "3" or "3[1/2]"
    etype: str | None = None

    @property
    def entity(self) -> str:
        return self.key.split("[", 1)[0]


@attrs.frozen
class GoldMention:
    """A mention read from the Entity= brackets: words [start, end) of one sentence (0-based)."""

    entity: str
    etype: str | None
    sentence: int
    start: int
    end: int


def parse_entity_brackets(value: str, *, etype_field: int = 1) -> tuple[Bracket, ...]:
    """The brackets of one word's Entity= value, in the order they are written."""
    brackets = []
    position = 0
    for match in BRACKET.finditer(value):
        if match.start() != position:
            raise GoldFormatError(f"cannot read Entity={value!r} at character {position}")
        position = match.end()
        if match.group("close") is not None:
            brackets.append(Bracket(Edge.CLOSE, match.group("close")))
            continue
        edge = Edge.UNIT if match.group("unit") is not None else Edge.OPEN
        fields = match.group(edge.value).split("-")
        etype = fields[etype_field] if len(fields) > etype_field else None
        brackets.append(Bracket(edge, fields[0], etype))
    if position != len(value):
        raise GoldFormatError(f"cannot read Entity={value!r} at character {position}")
    return tuple(brackets)


def etype_field(comments: Iterable[Any]) -> int:
    """Position of etype among a bracket's dash-separated fields (the id is field 0)."""
    for comment in comments:
        match = GLOBAL_ENTITY.match(str(comment))
        if match:
            fields = match.group(1).split("-")
            return fields.index("etype") if "etype" in fields else 1
    return 1


def _entity_value(misc: str | None) -> str | None:
    for piece in (misc or "").split("|"):
        if piece.startswith("Entity="):
            return piece[len("Entity=") :]
    return None


def gold_mentions(doc: Any) -> tuple[GoldMention, ...]:
    """Every mention the Entity= brackets of the Document's words mark, in text order.

    A mention opened in one sentence and closed in another cannot be a stanza CorefMention (they
    are sentence-bound) and is dropped; so is a bracket left open at the end of the file.
    """
    field = etype_field(doc.sentences[0].comments) if doc.sentences else 1
    open_at: dict[str, list[tuple[int, int, str | None]]] = {}
    mentions = []
    for s_index, sentence in enumerate(doc.sentences):
        for w_index, word in enumerate(sentence.words):
            value = _entity_value(word.misc)
            if value is None:
                continue
            for bracket in parse_entity_brackets(value, etype_field=field):
                if bracket.edge is Edge.UNIT:
                    mentions.append(GoldMention(bracket.entity, bracket.etype, s_index, w_index, w_index + 1))
                elif bracket.edge is Edge.OPEN:
                    open_at.setdefault(bracket.key, []).append((s_index, w_index, bracket.etype))
                elif open_at.get(bracket.key):
                    o_sentence, o_word, etype = open_at[bracket.key].pop()
                    if o_sentence == s_index:
                        mentions.append(GoldMention(bracket.entity, etype, s_index, o_word, w_index + 1))
                else:
                    raise GoldFormatError(
                        f"Entity bracket {bracket.key}) in sentence {s_index + 1} closes nothing"
                    )
    return tuple(sorted(mentions, key=lambda m: (m.sentence, m.start, -m.end)))


def mention_head(words: Sequence[Any], start: int, end: int) -> int:
    """Index of a mention's syntactic head: its first word attached outside the mention."""
    for index in range(start, end):
        head = words[index].head
        if not isinstance(head, int) or not start < head <= end:
            return index
    return start


def is_named(words: Sequence[Any], mention: GoldMention) -> bool:
    return words[mention_head(words, mention.start, mention.end)].upos == "PROPN"


# Punctuation that joins the parts of one name: "Kim Jong-un", "AT&T", "St. Louis".
NAME_JOINERS = frozenset({"-", "‐", "–", "&", "."})


def _is_name_word(words: Sequence[Any], index: int) -> bool:
    return words[index].upos == "PROPN"


def name_words(words: Sequence[Any], mention: GoldMention) -> tuple[int, int] | None:
    """The name inside a mention: the run of proper nouns around its head, or None.

    "Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov"; "the ministry" -> None. This is what a
    perfect NER model would tag; GUM's mentions are whole noun phrases, titles and all. A joiner
    between two proper nouns stays in ("Kim Jong-un"); any other word ends the name, so "Bank of
    England" is cut to the part around its head.
    """
    head = mention_head(words, mention.start, mention.end)
    if not _is_name_word(words, head):
        return None
    first, last = head, head
    while True:
        if first - 1 >= mention.start and _is_name_word(words, first - 1):
            first -= 1
        elif first - 2 >= mention.start and words[first - 1].text in NAME_JOINERS and _is_name_word(words, first - 2):
            first -= 2
        else:
            break
    while True:
        if last + 1 < mention.end and _is_name_word(words, last + 1):
            last += 1
        elif last + 2 < mention.end and words[last + 1].text in NAME_JOINERS and _is_name_word(words, last + 2):
            last += 2
        else:
            break
    return first, last + 1


def representative(doc: Any, mentions: Sequence[GoldMention]) -> int:
    """The mention that names the entity: the first with a proper-noun head, else the longest.

    stanza's own rule (longest mention) would pick "a spokeswoman for the ministry who ..." over
    "Jane Roe"; a gold file can do better, since the name is what resolution reports.
    """
    for index, mention in enumerate(mentions):
        if is_named(doc.sentences[mention.sentence].words, mention):
            return index
    return longest([(m.start, m.end) for m in mentions])


def gold_coref(doc: Any, mentions: Sequence[GoldMention]) -> list[Any]:
    """stanza CorefChains for the entities mentioned more than once, in order of first mention.

    An entity mentioned once (GUM marks those too) links nothing, and stanza's coref model does
    not output such singletons either.
    """
    require_stanza()
    from stanza.models.coref.coref_chain import CorefChain, CorefMention

    by_entity: dict[str, list[GoldMention]] = {}
    for mention in mentions:
        by_entity.setdefault(mention.entity, []).append(mention)
    chains = []
    for group in by_entity.values():
        if len(group) < 2:
            continue
        chosen = representative(doc, group)
        best = group[chosen]
        words = doc.sentences[best.sentence].words[best.start : best.end]
        chains.append(
            CorefChain(
                len(chains),
                [CorefMention(m.sentence, m.start, m.end) for m in group],
                " ".join(w.text for w in words),
                chosen,
            )
        )
    return chains


def gold_ner(doc: Any, mentions: Sequence[GoldMention]) -> list[tuple[int, int, int, str]]:
    """(sentence, first token, last token + 1, label) for each named mention, without overlaps.

    Token-level, as stanza's NER is. Where names nest ("the U.S. State Department" holds "U.S.")
    the longer wins: NER tags are flat.
    """
    runs = []
    for mention in mentions:
        label = ETYPE_LABELS.get(mention.etype or "")
        sentence = doc.sentences[mention.sentence]
        name = name_words(sentence.words, mention) if label else None
        if name is None:
            continue
        token_index = {id(token): i for i, token in enumerate(sentence.tokens)}
        first = token_index[id(sentence.words[name[0]].parent)]
        last = token_index[id(sentence.words[name[1] - 1].parent)]
        runs.append((mention.sentence, first, last + 1, label))
    taken: set[tuple[int, int]] = set()
    chosen = []
    for run in sorted(runs, key=lambda r: (r[1] - r[2], r[0], r[1])):
        cells = {(run[0], t) for t in range(run[1], run[2])}
        if not cells & taken:
            taken |= cells
            chosen.append(run)
    return sorted(chosen)


def bioes(length: int, label: str) -> list[str]:
    if length == 1:
        return [f"S-{label}"]
    return [f"B-{label}"] + [f"I-{label}"] * (length - 2) + [f"E-{label}"]


def add_gold_layers(doc: Any) -> Any:
    """Turn the Entity= brackets of a freshly read Document into doc.coref and NER tags.

    Changes the Document it is given (one just read, that nobody else holds) and returns it.
    """
    mentions = gold_mentions(doc)
    if not mentions:
        return doc
    has_ner = any(t.ner and t.ner != "O" for s in doc.sentences for t in s.tokens)
    if not has_ner:
        for s_index, first, end, label in gold_ner(doc, mentions):
            tokens = doc.sentences[s_index].tokens
            for token, tag in zip(tokens[first:end], bioes(end - first, label)):
                token.ner = tag
    doc.coref = gold_coref(doc, mentions)
    return doc


def read_document(path: str | os.PathLike) -> Any:
    """A CoNLL-U file as a stanza Document, gold coreference and entities included."""
    require_stanza()
    from stanza.utils.conll import CoNLL

    if not os.path.isfile(path):
        raise InputError(f"no such CoNLL-U file: {os.fspath(path)}")
    try:
        # Empty nodes (ids like 21.1, GUM's ellipsis copies) have no characters; skip them.
        doc = CoNLL.conll2doc(input_file=os.fspath(path), ignore_gapping=True)
    except (ValueError, IndexError) as exc:
        raise GoldFormatError(f"{os.fspath(path)} is not CoNLL-U we can read: {exc}") from exc
    return add_gold_layers(doc)


def read_conllu(path: str | os.PathLike, *, engine: str = "conllu") -> Analysis:
    """A CoNLL-U file as the neutral Analysis, its text rebuilt from the tokens, one line a paragraph."""
    return analysis_from_document(read_document(path), engine=engine)
