"""The stanza engine: tokens, lemmas, UPOS, dependencies, entities and coreference from a model.

stanza (and torch under it) is an optional extra, so the import is guarded: without it this
module still imports, ``is_available`` is False and building the engine raises
``EngineUnavailable`` naming the install command. Models are never downloaded behind the
user's back: the pipeline is built with ``download_method=None`` and a missing model becomes an
``EngineUnavailable`` naming ``quotes models download``.

``analysis_from_document`` is the one place a stanza ``Document`` becomes the neutral
``Analysis``; the engine, the CoNLL-U reader and the tests all go through it.
"""
from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import regex

from ..errors import EngineUnavailable, InputError
from .base import Analysis, CorefChain, Entity, Sentence, Token
from .rules import split_paragraphs

try:
    import stanza as _stanza
except ImportError:  # the light install: rules only
    _stanza = None

is_available = _stanza is not None

INSTALL_HINT = "pip install 'quotes[stanza]'"
DOWNLOAD_HINT = "quotes models download"
LANGUAGE = "en"
# The processors detection and resolution read. sentiment and constituency are left out: nothing
# downstream uses them and each costs a model load.
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
COREF = "coref"

# CoNLL-03 style models say PER where OntoNotes (stanza's default English NER) says PERSON;
# the neutral Analysis promises OntoNotes names.
LABELS = {"PER": "PERSON"}

# A possessive clitic ends some mentions: token-level NER tags all of "Trump's" (one token,
# words Trump + 's), and GUM's mentions include it ("North Korea's"). The entity is the name.
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})

# `# newpar` and `# newdoc` open a paragraph in CoNLL-U; `# newpar_block = ...` (GUM) does not.
NEW_PARAGRAPH = regex.compile(r"^#\s*new(?:par|doc)(?:\s|$)")


# --- model location and the pipeline ---------------------------------------------------------


def require_stanza() -> Any:
    """The stanza module, or EngineUnavailable naming the install command."""
    if not is_available:
        raise EngineUnavailable(f"the stanza engine needs stanza and torch: {INSTALL_HINT}")
    return _stanza


def resolve_model_dir(model_dir: str | os.PathLike | None = None) -> str:
    """Where the models live: the argument, else $STANZA_RESOURCES_DIR, else stanza's default."""
    if model_dir is not None:
        return os.fspath(model_dir)
    from_env = os.environ.get("STANZA_RESOURCES_DIR")
    if from_env:
        return from_env
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return DEFAULT_MODEL_DIR


def _has_files(path: str) -> bool:
    return os.path.isdir(path) and any(os.scandir(path))


def missing_models(model_dir: str, processors: Sequence[str] = PROCESSORS) -> tuple[str, ...]:
    """The pieces of an English model install that are not on disk, as paths relative to model_dir.

    Only checks that resources.json and a non-empty folder per processor exist: cheap enough to run
    when the engine is built, and it catches the common case (nothing downloaded yet). A damaged
    model file still surfaces, as EngineUnavailable, when the pipeline is first built.
    """
    wanted = ["resources.json", LANGUAGE] + [os.path.join(LANGUAGE, name) for name in processors]
    missing = []
    for relative in wanted:
        path = os.path.join(model_dir, relative)
        present = os.path.isfile(path) if relative.endswith(".json") else _has_files(path)
        if not present:
            missing.append(relative)
    return tuple(missing)


def coref_ready(model_dir: str) -> bool:
    """Whether the installed stanza can run coreference here, without downloading anything.

    stanza >= 1.7 ships a coref processor, but English coref is an optional download and needs
    transformers and peft; asking for it without them would fail the whole pipeline.
    """
    if not is_available or importlib.util.find_spec("stanza.pipeline.coref_processor") is None:
        return False
    if any(importlib.util.find_spec(name) is None for name in ("transformers", "peft")):
        return False
    return _has_files(os.path.join(model_dir, LANGUAGE, COREF))


def _models_message(model_dir: str, missing: Iterable[str]) -> str:
    return (
        f"stanza's English models are not in {model_dir} (missing: {', '.join(missing)}); "
        f"run `{DOWNLOAD_HINT}` (or set STANZA_RESOURCES_DIR to where they are)"
    )


_PIPELINE_LOCK = threading.Lock()
# (model folder, processors asked for) -> the loaded Pipeline. A dict rather than functools.cache
# so that a pipeline which fell back to no coref is remembered, not retried on every article.
_PIPELINES: dict[tuple[str, tuple[str, ...]], Any] = {}


def _new_pipeline(model_dir: str, processors: tuple[str, ...]) -> Any:
    stanza = require_stanza()
    try:
        return stanza.Pipeline(
            lang=LANGUAGE,
            dir=model_dir,
            processors=",".join(processors),
            download_method=None,  # never touch the network: models come from `quotes models download`
            logging_level="WARN",
        )
    except Exception as exc:
        # Whatever stanza raises while loading (FileNotFoundError, ValueError for a language
        # resources.json lacks, PipelineRequirementsException, a torch error on a damaged file)
        # means one thing to the user: these models cannot run here, and reinstalling them is the fix.
        raise EngineUnavailable(
            f"stanza could not load its English models from {model_dir} ({_first_line(exc)}); "
            f"run `{DOWNLOAD_HINT}` to install them again"
        ) from exc


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip() and set(line.strip()) != {"-"}]
    return lines[0] if lines else type(exc).__name__


def _load_pipeline(model_dir: str, processors: tuple[str, ...]) -> Any:
    try:
        return _new_pipeline(model_dir, processors)
    except EngineUnavailable:
        if COREF not in processors:
            raise
        # Coref is the extra that most often cannot load offline (its transformer comes from the
        # Hugging Face cache); the rest of the parse is still worth having.
        return _new_pipeline(model_dir, tuple(p for p in processors if p != COREF))


def pipeline(model_dir: str, processors: tuple[str, ...]) -> Any:
    """The stanza Pipeline for these models, built on first use and then shared by the process."""
    key = (model_dir, processors)
    with _PIPELINE_LOCK:  # two threads analysing at once must not load the models twice
        if key not in _PIPELINES:
            _PIPELINES[key] = _load_pipeline(model_dir, processors)
        return _PIPELINES[key]


def download_models(model_dir: str | os.PathLike | None = None, *, coref: bool = False) -> str:
    """Fetch stanza's English models for `quotes models download`; returns the folder used.

    The one function here that goes to the network. coref=True also fetches the optional English
    coreference model (it needs transformers and peft at run time).
    """
    stanza = require_stanza()
    target = resolve_model_dir(model_dir)
    processors = list(PROCESSORS)
    if coref:
        from stanza.resources.default_packages import optional_coref

        processors.append(COREF)
        packages: dict[str, str] = {COREF: optional_coref[LANGUAGE]}
    else:
        packages = {}
    try:
        stanza.download(LANGUAGE, model_dir=target, processors=",".join(processors), package=packages or "default")
    except (OSError, ValueError, KeyError) as exc:  # requests' errors are OSErrors
        raise EngineUnavailable(f"could not download stanza's English models into {target}: {exc}") from exc
    return target


class StanzaEngine:
    """A stanza pipeline behind the Engine protocol.

    Building the engine only checks that stanza and its models are present; the models load on
    the first ``analyze`` call, once per process.
    """

    name = "stanza"

    def __init__(self, model_dir: str | os.PathLike | None = None) -> None:
        require_stanza()
        self.model_dir = resolve_model_dir(model_dir)
        missing = missing_models(self.model_dir)
        if missing:
            raise EngineUnavailable(_models_message(self.model_dir, missing))
        self.processors = PROCESSORS + ((COREF,) if coref_ready(self.model_dir) else ())

    def analyze(self, text: str) -> Analysis:
        if not text.strip():
            return empty_analysis(text, self.name)
        doc = pipeline(self.model_dir, self.processors)(with_paragraph_breaks(text))
        return analysis_from_document(doc, text=text, engine=self.name)


def empty_analysis(text: str, engine: str) -> Analysis:
    return Analysis.from_tokens(text, engine, (), (), split_paragraphs(text))


def with_paragraph_breaks(text: str) -> str:
    """The text with a blank line between paragraphs, so stanza never runs a sentence across two.

    News exports put one paragraph on a line, but stanza only treats a blank line as a paragraph
    break, and would join a headline with no full stop to the first sentence of the body. The
    inserted newlines are whitespace, so tokens still align with the original text afterwards.
    """
    paragraphs = split_paragraphs(text)
    pieces = []
    position = 0
    for (_, end), (next_start, _) in zip(paragraphs, paragraphs[1:]):
        gap = text[end:next_start]
        pieces.append(text[position:end])
        pieces.append(gap if gap.count("\n") >= 2 else gap + "\n\n")
        position = next_start
    pieces.append(text[position:])
    return "".join(pieces)


# --- Document -> Analysis ----------------------------------------------------------------------


def document_text(doc: Any) -> str:
    """Rebuild the text of a Document that has none (one read from CoNLL-U) from its tokens.

    Tokens are joined by their SpaceAfter annotation; a sentence that opens a paragraph
    (`# newpar`, `# newdoc`) starts a new line, so split_paragraphs finds the paragraphs again.
    """
    pieces: list[str] = []
    for sentence in doc.sentences:
        if not sentence.tokens:
            continue
        if pieces:
            separator = pieces.pop()  # the previous sentence's final spaces_after
            if _opens_paragraph(sentence) and "\n" not in separator:
                separator = "\n"
            pieces.append(separator)
        for token in sentence.tokens:
            pieces.append(token.text)
            pieces.append(_spaces_after(token))
    if pieces:
        pieces.pop()  # nothing after the last token
    return "".join(pieces)


def _spaces_after(token: Any) -> str:
    # Token.spaces_after appeared in stanza 1.5; before it SpaceAfter=No stayed in the MISC column.
    spaces = getattr(token, "spaces_after", None)
    if spaces is not None:
        return spaces
    return "" if "SpaceAfter=No" in (token.misc or "") else " "


def _opens_paragraph(sentence: Any) -> bool:
    return any(NEW_PARAGRAPH.match(str(comment)) for comment in sentence.comments)


def align_tokens(text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
    """Character spans of consecutive token forms in text, skipping only whitespace between them.

    Raises InputError naming the first token that is not where it should be, rather than
    returning offsets that do not index the text.
    """
    spans = []
    cursor = 0
    for number, form in enumerate(forms):
        while cursor < len(text) and text[cursor].isspace():
            cursor += 1
        end = _match_form(text, cursor, form)
        if end is None:
            found = text[cursor : cursor + len(form) + 10]
            raise InputError(
                f"token {number} {form!r} does not match the text at offset {cursor} ({found!r}); "
                "the document's tokens were not made from this text"
            )
        spans.append((cursor, end))
        cursor = end
    return spans


def _match_form(text: str, start: int, form: str) -> int | None:
    """End of form in text at start, or None. Whitespace inside the text's token is tolerated
    because a tokenizer may drop it from a form ("12 000" -> "12000")."""
    if text.startswith(form, start):
        return start + len(form)
    position = start
    for char in form:
        if char.isspace():
            continue
        while position < len(text) and text[position].isspace() and position > start:
            position += 1
        if position >= len(text) or text[position] != char:
            return None
        position += 1
    return position if position > start else None


def split_word_spans(surface: str, start: int, forms: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of the words of a multi-word token inside its surface text.

    "didn't" -> did + n't split cleanly. When the words are not pieces of the surface (a model
    that expands "won't" to will + n't), each word gets the whole token's span: the text still
    indexes the article, at the cost of two tokens covering the same characters.
    """
    if len(forms) == 1:
        return [(start, start + len(surface))]
    pattern = "".join(f"({regex.escape(form)})\\s*" for form in forms)
    match = regex.fullmatch(pattern, surface, flags=regex.IGNORECASE)
    if match is None:
        return [(start, start + len(surface))] * len(forms)
    return [(start + match.start(i + 1), start + match.end(i + 1)) for i in range(len(forms))]


def _word_spans(doc: Any, text: str) -> Iterator[list[tuple[Any, int, int]]]:
    """Per sentence, each syntactic word with its character span in text."""
    sentences = [s for s in doc.sentences if s.tokens]
    token_spans = iter(align_tokens(text, (t.text for s in sentences for t in s.tokens)))
    for sentence in sentences:
        placed = []
        for token in sentence.tokens:
            start, end = next(token_spans)
            words = token.words or []
            spans = split_word_spans(text[start:end], start, [w.text for w in words])
            placed.extend((word, w_start, w_end) for word, (w_start, w_end) in zip(words, spans))
        yield placed


def _document_head(head: Any, base: int, size: int) -> int | None:
    """stanza's sentence-local 1-based head (0 = root) as a document-wide token index."""
    if not isinstance(head, int) or head < 1 or head > size:
        return None
    return base + head - 1


def _tokens_and_sentences(doc: Any, text: str) -> tuple[list[Token], list[Sentence], dict[int, int]]:
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    index_of_word: dict[int, int] = {}  # id(stanza Word) -> neutral token index
    for placed in _word_spans(doc, text):
        if not placed:
            continue
        base = len(tokens)
        for word, start, end in placed:
            index_of_word[id(word)] = len(tokens)
            tokens.append(
                Token(
                    start=start,
                    end=end,
                    text=text[start:end],
                    lemma=word.lemma,
                    upos=word.upos,
                    head=_document_head(word.head, base, len(placed)),
                    deprel=word.deprel,
                )
            )
        sentences.append(Sentence(tokens[base].start, tokens[-1].end, base, len(tokens)))
    return tokens, sentences, index_of_word


def _entity_runs(doc: Any) -> Iterator[tuple[list[Any], str]]:
    """(stanza tokens, type) per entity: doc.ents when built, else decoded from the tokens' tags.

    A Document read from CoNLL-U carries `ner=` tags on its tokens but builds no ents until it
    has text, and building them here would change the caller's Document.
    """
    if doc.ents:
        for ent in doc.ents:
            if ent.tokens:
                yield list(ent.tokens), ent.type
        return
    from stanza.models.ner.utils import decode_from_bioes

    for sentence in doc.sentences:
        tags = [token.ner for token in sentence.tokens]
        if not any(tag and tag != "O" for tag in tags):
            continue
        for found in decode_from_bioes(tags):
            yield sentence.tokens[found["start"] : found["end"] + 1], found["type"]


def trim_possessive(words: Sequence[Any]) -> list[Any]:
    """The words without a trailing possessive clitic, unless that is all there is."""
    words = list(words)
    while len(words) > 1 and words[-1].text in POSSESSIVES and words[-1].upos in (None, "PART", "ADP"):
        words.pop()
    return words


def _entities(doc: Any, text: str, tokens: Sequence[Token], index_of_word: dict[int, int]) -> list[Entity]:
    entities = []
    for ent_tokens, label in _entity_runs(doc):
        words = trim_possessive([w for t in ent_tokens for w in (t.words or []) if id(w) in index_of_word])
        if not words or not label:
            continue
        start = tokens[index_of_word[id(words[0])]].start
        end = tokens[index_of_word[id(words[-1])]].end
        entities.append(Entity(start, end, text[start:end], LABELS.get(label, label)))
    return entities


def _coref(doc: Any, tokens: Sequence[Token], index_of_word: dict[int, int]) -> list[CorefChain]:
    """doc.coref (stanza >= 1.7) as character-span chains in text order.

    Zero-anaphora mentions (empty nodes, for pro-drop languages) have no characters and are
    left out. When stanza picked no representative, the longest mention stands in, as stanza's own
    rule does.
    """
    chains = []
    for chain in getattr(doc, "coref", None) or ():
        spans: dict[tuple[int, int], bool] = {}
        for number, mention in enumerate(chain.mentions):
            span = _mention_span(doc, mention, tokens, index_of_word)
            if span is not None:
                is_representative = number == chain.representative_index
                spans[span] = spans.get(span, False) or is_representative
        if not spans:
            continue
        ordered = tuple(sorted(spans))
        chosen = [i for i, span in enumerate(ordered) if spans[span]]
        representative = chosen[0] if chosen else longest(ordered)
        chains.append(CorefChain(mentions=ordered, representative=representative))
    return sorted(chains, key=lambda c: c.mentions[0])


def longest(spans: Sequence[tuple[int, int]]) -> int:
    """Index of the longest span, the earliest on a tie."""
    return max(range(len(spans)), key=lambda i: (spans[i][1] - spans[i][0], -i))


def _mention_span(
    doc: Any, mention: Any, tokens: Sequence[Token], index_of_word: dict[int, int]
) -> tuple[int, int] | None:
    if not isinstance(mention.start_word, int) or mention.end_word <= mention.start_word:
        return None
    words = trim_possessive(doc.sentences[mention.sentence].words[mention.start_word : mention.end_word])
    indices = [index_of_word[id(w)] for w in words if id(w) in index_of_word]
    if not indices:
        return None
    return tokens[indices[0]].start, tokens[indices[-1]].end


def analysis_from_document(doc: Any, text: str | None = None, engine: str = "stanza") -> Analysis:
    """The neutral Analysis of a stanza Document.

    text is the article the Document was made from; without it the Document's own text is used,
    and a Document with neither (read from CoNLL-U) has its text rebuilt from its tokens. Token
    offsets are always found by laying the tokens over that text, so they index it exactly even
    when the Document's own offsets are missing or refer to a differently spaced copy.

    One Token per syntactic word: a multi-word token ("didn't") becomes its words (did, n't),
    so every dependency head has a token to point at.
    """
    if text is None:
        text = doc.text if doc.text is not None else document_text(doc)
    tokens, sentences, index_of_word = _tokens_and_sentences(doc, text)
    return Analysis.from_tokens(
        text,
        engine,
        tokens,
        sentences,
        split_paragraphs(text),
        entities=_entities(doc, text, tokens, index_of_word),
        coref=_coref(doc, tokens, index_of_word),
    )
