"""quotes.check: the newsroom rules as a table, and `quotes check`'s exit codes.

The rule tests use hand-built results (they pin the rules, not the detector); the exit-code
tests run the real analyzer on the seed and on an article whose every source is anonymous.
"""
from __future__ import annotations

import json

import pytest

from quotes import check
from quotes.cli import main

from .conftest import ROOT
from .test_report import make_result

SEED = str(ROOT / "seeds" / "north-korea-kursk.txt")

TEXT = ('"We will win," Jane Roe said. Officials said the count was late. "It was fair," state media said. '
        '"No comment." Acme Corp said it would appeal.')

ATTRIBUTIONS = {
    "named-only": [("direct", "We will win", "Jane Roe")],
    "anonymous-only": [("indirect", "the count was late", "officials"), ("direct", "It was fair", "state media")],
    "one-of-each": [("direct", "We will win", "Jane Roe"), ("indirect", "the count was late", "officials")],
    "two-named-one-anonymous": [
        ("direct", "We will win", "Jane Roe"), ("indirect", "the count was late", "officials"),
        ("indirect", "it would appeal", "Acme Corp")],
    "unattributed-direct": [("direct", "We will win", "Jane Roe"), ("direct", "No comment", None)],
    "unattributed-partial": [("direct", "We will win", "Jane Roe"), ("partial", "No comment", None)],
    "nothing": [],
}


@pytest.mark.parametrize("article, max_share, min_named, failing", [
    # positive cases: the rule fires
    ("anonymous-only", 0.5, 1, ["anonymous-share", "too-few-named-sources"]),
    ("one-of-each", 0.4, 1, ["anonymous-share"]),  # 50% anonymous > 40%
    ("two-named-one-anonymous", 0.3, 1, ["anonymous-share"]),  # 33% > 30%
    ("named-only", 0.5, 2, ["too-few-named-sources"]),
    ("nothing", 0.5, 1, ["too-few-named-sources"]),  # no sources: no share, but too few named
    ("unattributed-direct", 0.5, 1, ["unattributed-direct-quote"]),
    # negative cases: it does not
    ("named-only", 0.5, 1, []),
    ("one-of-each", 0.5, 1, []),  # exactly the share asked is allowed
    ("two-named-one-anonymous", 0.34, 2, []),
    ("anonymous-only", 1.0, 0, []),
    ("nothing", 0.0, 0, []),
    ("unattributed-partial", 0.5, 1, []),  # only a *direct* quote needs a speaker
])
def test_rules(article, max_share, min_named, failing):
    result = make_result(article, TEXT, ATTRIBUTIONS[article])
    failures = check.check_article(result, check.Thresholds(max_share, min_named))
    assert [f.rule for f in failures] == failing
    assert all(f.article == article for f in failures)


@pytest.mark.parametrize("article, rule, quotes", [
    ("unattributed-direct", "unattributed-direct-quote", ["No comment"]),
    ("anonymous-only", "anonymous-share", ["the count was late", "It was fair"]),
    ("named-only", "too-few-named-sources", ["We will win"]),
])
def test_failures_carry_the_quotes_as_evidence(article, rule, quotes):
    result = make_result(article, TEXT, ATTRIBUTIONS[article])
    failure = next(f for f in check.check_article(result, check.Thresholds(0.5, 2)) if f.rule == rule)
    assert [e.quote for e in failure.evidence] == quotes
    for e in failure.evidence:
        assert TEXT[e.start:e.end] == e.quote


# (kind, words, speaker, via, cue, mention) -> the reason the quote has no speaker, or None
REASON_TEXT = 'Jane Roe spoke. "Hello there." He said: "Not now." Told "again" somebody. "Fine," the mayor said.'


@pytest.mark.parametrize("spec, reason", [
    (("direct", "Hello there", None), "no-cue"),  # no cue, no mention: no frame claims it
    (("direct", "Not now", None, None, "said", None), "cue-without-speaker"),
    (("direct", "Not now", None, None, "said", "He"), "unresolved-pronoun"),
    (("direct", "Hello there", None, None, None, "He"), "unresolved-pronoun"),  # lent by a neighbour
    (("direct", "again", None, None, "Told", "somebody"), "unresolved-mention"),
    # negative: a quote with a speaker has no reason, whatever its mention
    (("direct", "Fine", "Jane Roe", None, "said", "the mayor"), None),
    (("direct", "Not now", "Jane Roe", None, "said", "He"), None),
])
def test_why_a_quote_has_no_speaker(spec, reason):
    result = make_result("r", REASON_TEXT, [spec])
    assert (check.reason(result.attributions[0]) or (None,))[0] == reason
    failures = check.check_article(result, check.Thresholds(1.0, 0))
    if reason is None:
        assert failures == []
    else:
        [failure] = failures
        assert failure.evidence[0].reason == reason and failure.rule == "unattributed-direct-quote"


LOCATED = 'First line.\r\nSecond "one" here.\n\nA fourth line with words: "two"\rFifth "three"'


@pytest.mark.parametrize("words, line, column, paragraph", [
    ("one", 2, 9, "Second \"one\" here."),  # CRLF ends line 1; columns count from 1
    ("two", 4, 28, "A fourth line with words: \"two\""),  # the blank line counts
    ("three", 5, 8, "Fifth \"three\""),  # a lone CR ends a line too
])
def test_evidence_says_line_column_and_paragraph(words, line, column, paragraph):
    result = make_result("loc", LOCATED, [("direct", words, None)])
    [failure] = check.check_article(result, check.Thresholds(1.0, 0))
    e = failure.evidence[0]
    assert (e.line, e.column, e.paragraph) == (line, column, paragraph)
    assert LOCATED.splitlines()[line - 1][column - 1 : column - 1 + len(words)] == words


@pytest.mark.parametrize("text, first_words", [
    ("one two three", "one two three"),
    ("  a b c d e f g h i j  ", "a b c d e f g h …"),  # eight words, then an ellipsis
    ("", ""),
])
def test_a_paragraphs_first_words(text, first_words):
    assert check.Lines(text).paragraph(0) == first_words


@pytest.mark.parametrize("article, limits, rule, numbers", [
    ("anonymous-only", (0.5, 1), "anonymous-share",
     {"anonymous_sources": 2, "sources": 2, "anonymous_share": 1.0, "max_anonymous_share": 0.5}),
    ("two-named-one-anonymous", (0.3, 1), "anonymous-share",
     {"anonymous_sources": 1, "sources": 3, "anonymous_share": 1 / 3, "max_anonymous_share": 0.3}),
    ("named-only", (0.5, 2), "too-few-named-sources", {"named_sources": 1, "min_named_sources": 2}),
    ("nothing", (0.5, 1), "too-few-named-sources", {"named_sources": 0, "min_named_sources": 1}),
    ("unattributed-direct", (0.5, 1), "unattributed-direct-quote", {}),
])
def test_failures_carry_their_numbers(article, limits, rule, numbers):
    result = make_result(article, TEXT, ATTRIBUTIONS[article])
    failure = next(f for f in check.check_article(result, check.Thresholds(*limits)) if f.rule == rule)
    assert failure.numbers == numbers
    assert failure.to_dict()["numbers"] == numbers


@pytest.mark.parametrize("share, named", [(-0.1, 1), (1.5, 1), (0.5, -1)])
def test_thresholds_out_of_range_are_refused(share, named):
    with pytest.raises(ValueError):
        check.Thresholds(share, named)


def test_text_output_names_article_rule_and_quote():
    results = [make_result("anonymous-only", TEXT, ATTRIBUTIONS["anonymous-only"])]
    text = check.format_text(check.check_all(results))
    assert "FAIL anonymous-only: anonymous-share: 2 of 2 sources are anonymous" in text
    assert "“the count was late”" in text
    assert "    line 1, column 46, in the paragraph “\"We will win,\" Jane Roe said. Officials said …”" in text
    assert text.rstrip().endswith("2 failures in 1 of 1 article")


# ------------------------------------------------------------------ the command and exit codes

ANONYMOUS = ('"We will strike at dawn," a senior official said on Monday.\n'
             "Officials said the plan was ready.\n"
             '"It is over," sources told reporters.\n')


@pytest.fixture
def anonymous_article(tmp_path):
    path = tmp_path / "anonymous-only.txt"
    path.write_text(ANONYMOUS, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def seed_sources():
    """The seed's (anonymous share of sources, named sources) as the analyzer sees them today:
    the thresholds below sit just either side, so the tests follow detection changes."""
    from quotes import analyze, report

    rep = report.build_report(analyze(open(SEED, encoding="utf-8").read()))
    return rep.shares()["anonymous_sources"], rep.named_sources


@pytest.mark.parametrize("args, code", [
    ([SEED], 0),  # the defaults: the seed has a third of its sources anonymous, many named
    ([SEED, "--max-anonymous-share", "SHARE-"], 1),
    ([SEED, "--max-anonymous-share", "SHARE"], 0),  # exactly the share is allowed
    ([SEED, "--min-named-sources", "NAMED"], 0),
    ([SEED, "--min-named-sources", "NAMED+"], 1),
    (["ANON"], 1),
    (["ANON", "--max-anonymous-share", "1", "--min-named-sources", "0"], 0),
    (["ANON", SEED], 1),  # one failing article fails the run
    (["missing.txt"], 2),
])
def test_exit_codes(anonymous_article, seed_sources, capsys, args, code):
    share, named = seed_sources
    assert 0 < share <= 0.5 and named >= 1
    values = {"ANON": anonymous_article, "SHARE-": str(share - 0.01), "SHARE": str(share),
              "NAMED": str(named), "NAMED+": str(named + 1)}
    assert main(["check", *(values.get(a, a) for a in args)]) == code
    out, err = capsys.readouterr()
    if code == 2:
        assert err.startswith("quotes: ") and not out
    else:
        assert ("all checks passed" in out) == (code == 0)


@pytest.mark.parametrize("bad", [["--max-anonymous-share", "1.5"], ["--max-anonymous-share", "half"],
                                 ["--min-named-sources", "-1"]])
def test_usage_errors_exit_2(capsys, bad):
    with pytest.raises(SystemExit) as stop:
        main(["check", SEED, *bad])
    assert stop.value.code == 2


def test_json_output_on_the_anonymous_article(anonymous_article, capsys):
    assert main(["check", anonymous_article, "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["passed"] is False and data["articles"] == [anonymous_article]
    rules = {f["rule"]: f for f in data["failures"]}
    assert set(rules) == {"anonymous-share", "too-few-named-sources"}
    assert "We will strike at dawn" in [e["quote"] for e in rules["anonymous-share"]["evidence"]]
    assert rules["too-few-named-sources"]["numbers"] == {"named_sources": 0, "min_named_sources": 1}
    share = rules["anonymous-share"]["numbers"]
    assert share["anonymous_share"] == 1.0 and share["max_anonymous_share"] == 0.5
    first = rules["anonymous-share"]["evidence"][0]
    assert (first["line"], first["column"], first["reason"]) == (1, 2, None)
    assert first["paragraph"].startswith('"We will strike at dawn,"')


@pytest.mark.parametrize(
    "text, uncertain",
    [
        # A paragraph's free quote credited to the previous paragraph's speaker: a weak link.
        ('"We will win," Jane Roe said.\n\n"It is hard."\n', ["It is hard"]),
        # Negatives: a name at the cue, and a quote in the same paragraph as its credit, are sure.
        ('"We will win," Jane Roe said. "It is hard."\n', []),
        ('"It is hard," Jane Roe said.\n', []),
    ],
)
def test_weak_links_are_shown_as_uncertain_not_as_fact(tmp_path, capsys, text, uncertain):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path), "--format", "json"]) == 0  # a weak link is no failure
    data = json.loads(capsys.readouterr().out)
    found = [e for entry in data["uncertain"] for e in entry["evidence"]]
    assert [e["quote"] for e in found] == uncertain
    assert all(e["uncertain"] and e["speaker"] == "Jane Roe" and e["speaker_reason"] for e in found)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert ("Jane Roe? (uncertain:" in out) is bool(uncertain)
