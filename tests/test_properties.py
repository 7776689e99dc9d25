"""Property tests: whatever the text, analysis does not raise and every span indexes the article.

Three sources of text: arbitrary Unicode, text built from the pieces detection reacts to
(quote marks, cue words, names, punctuation, line breaks), and arbitrary bytes through the
decoder and the command line. Examples are kept few and small so the suite stays quick.
"""
from __future__ import annotations

import contextlib
import io
import os
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotes
from quotes.articles import decode
from quotes.cli import main
from quotes.detect import scan_quotes
from quotes.errors import InputError
from quotes.model import ArticleResult, Span

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

QUOTE_MARKS = ["“", "”", '"', "‘", "’", "'", "«", "»"]
CUES = ["said", "says", "told", "according to", "added", "saying", "claimed", "reported", "statement read", "said that"]
NAMES = ["Jane Roe", "Kim Jong Un", "the spokesman", "officials", "he", "she", "Mr.", "Reuters", "U.S.", "North Korea’s"]
WORDS = ["we", "will", "win", "the", "war", "that", "a", "and", "in", "on Monday", "who", "not", "has"]
PUNCTUATION = [",", ".", ":", ";", "!", "?", "…", "—", "-", "(", ")", "...", " - "]
SPACE = [" ", " ", " ", "\n", "\r\n", "\t", "\n\n"]
PIECES = QUOTE_MARKS + CUES + NAMES + WORDS + PUNCTUATION + SPACE

news_like = st.lists(st.sampled_from(PIECES), max_size=120).map(lambda parts: "".join(parts))
spaced_news = st.lists(st.sampled_from(PIECES), max_size=120).map(lambda parts: " ".join(parts))
marks_only = st.lists(st.sampled_from(QUOTE_MARKS + [" ", "a", "\n"]), max_size=200).map("".join)


def spans_of(result: ArticleResult) -> list[tuple[str, Span]]:
    spans: list[tuple[str, Span]] = []
    for a in result.attributions:
        spans.append(("content", a.content))
        if a.cue is not None:
            spans.append(("cue", a.cue))
        if a.speaker_mention is not None:
            spans.append(("speaker_mention", a.speaker_mention))
    for speaker in result.speakers:
        spans.extend(("mention", m) for m in speaker.mentions)
    return spans


def assert_spans_hold(text: str, result: ArticleResult) -> None:
    """``0 <= start <= end <= len(article)`` and ``article[start:end] == text`` for every span."""
    assert result.text == text
    for what, span in spans_of(result):
        assert 0 <= span.start <= span.end <= len(text), (what, span)
        assert text[span.start : span.end] == span.text, (what, span)


def check(text: str) -> ArticleResult:
    result = quotes.analyze(text)
    assert_spans_hold(text, result)
    assert [a.index for a in result.attributions] == list(range(len(result.attributions)))
    return result


@FAST
@given(st.text(max_size=300))
def test_arbitrary_text(text):
    check(text)


@FAST
@given(news_like)
def test_text_made_of_quote_marks_cues_names_and_punctuation(text):
    check(text)


@FAST
@given(spaced_news)
def test_the_same_pieces_with_spaces_between(text):
    check(text)


@FAST
@given(marks_only)
def test_quote_marks_in_any_order(text):
    check(text)


@FAST
@given(marks_only, st.booleans())
def test_top_level_quotes_are_ordered_and_disjoint(text, next_opens):
    """Detection builds its units by bisection over quotes: they must be sorted and not overlap."""
    found = scan_quotes(text, 0, len(text), next_paragraph_opens=next_opens)
    for q in found:
        assert 0 <= q.start < q.inner_start <= q.inner_end <= q.end <= len(text)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


@FAST
@given(st.binary(max_size=400), st.sampled_from([None, None, "utf-8", "cp1252", "utf-16", "latin-1", "utf-7", "undefined", "nope"]))
def test_decoding_raises_only_input_errors(data, encoding):
    try:
        text = decode(data, source="x", encoding=encoding, warn=lambda message: None)
    except InputError:
        return
    assert isinstance(text, str) and not text.startswith("\ufeff")
    text.encode("utf-8")  # printable: no lone surrogates
    check(text)


@settings(max_examples=40, deadline=None)
@given(st.one_of(st.binary(max_size=300), news_like.map(lambda t: t.encode("utf-8")), news_like.map(lambda t: t.encode("cp1252", "replace"))))
def test_the_command_line_exits_0_or_2_with_one_line(data):
    fd, path = tempfile.mkstemp(suffix=".txt")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["analyze", path, "--format", "jsonl"])
        assert status in (0, 2)
        assert len(err.getvalue().splitlines()) <= 1
        if status == 2:
            assert err.getvalue().startswith("quotes: ")
    finally:
        os.unlink(path)


# The rules engine cuts text with the standard library's re when every character is one re and
# regex read alike, and with regex otherwise: both must give the same tokens.
TOKEN_TEXT = st.text(
    alphabet=st.sampled_from(list("abcXYZ019 .,'’-\u00e9\u00fc\u0142\u03b1\u0436\u2014\u201c\u201d\u00ad\u200b\u200d!?()\n")),
    max_size=200,
)


@FAST
@given(TOKEN_TEXT)
def test_both_tokenizers_agree(text):
    from quotes.engines.rules import _DISAGREEING, _tokens

    if _DISAGREEING.search(text) is not None:
        return
    assert _tokens(text, 0, len(text), True) == _tokens(text, 0, len(text), False)


@FAST
@given(TOKEN_TEXT)
def test_token_arrays_index_the_text(text):
    from quotes.engines import get_engine

    analysis = get_engine("rules").analyze(text)
    assert [text[s:e] for s, e in zip(analysis.starts, analysis.ends)] == list(analysis.words)
    assert all(s.first_token <= s.last_token for s in analysis.sentences)
