"""quotes.report: the sourcing tables, their totals, and `quotes report` in every format.

Most tests use hand-built results (``make_result``), so they pin the counting rules and do not
move when detection changes; the CLI tests run the real analyzer on the seed.
"""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

import quotes
from quotes import analyze, render, report
from quotes.report import build_report, combine, join_person_names
from quotes.cli import main
from quotes.model import ArticleResult, Attribution, Kind, Span, Speaker, SpeakerType

from .conftest import ROOT

SEED = str(ROOT / "seeds" / "north-korea-kursk.txt")

# name -> (type, named, affiliation)
PEOPLE = {
    "Jane Roe": (SpeakerType.PERSON, True, "Ruritania"),
    "officials": (SpeakerType.GROUP, False, None),
    "Acme Corp": (SpeakerType.ORGANIZATION, True, "Ruritania"),
    "state media": (SpeakerType.MEDIA, False, "Ruritania"),
    "John Doe": (SpeakerType.PERSON, True, "Freedonia"),
}


def make_result(name: str, text: str, specs: list[tuple], *, anywhere: bool = False) -> ArticleResult:
    """An ArticleResult from (kind, quoted words, speaker name or None[, via, cue, mention]):
    spans are found in ``text`` left to right, so ``article[start:end] == text`` holds."""
    speakers: dict[str, Speaker] = {}
    attributions = []
    at = 0
    for n, spec in enumerate(specs):
        kind, words, who, *rest = spec
        via, cue, mention = (rest + [None, None, None])[:3]
        start = text.index(words, 0 if anywhere else at)
        at = start + len(words)
        speaker = None
        if who is not None:
            if who not in speakers:
                type_, named, affiliation = PEOPLE[who]
                speakers[who] = Speaker(len(speakers), who, type_, named, affiliation=affiliation)
            speaker = speakers[who]

        def span(s: str | None) -> Span | None:
            # The occurrence nearest the quoted words: "said" after one quote, not the first "said".
            if s is None:
                return None
            found = [m.start() for m in re.finditer(re.escape(s), text)]
            i = min(found, key=lambda i: abs(i - start))
            return Span(i, i + len(s), s)

        attributions.append(Attribution(n, Kind(kind), Span(start, at, words), span(cue), span(mention),
                                        speaker, via, 0.9))
    return ArticleResult(name, text, tuple(attributions), tuple(speakers.values()))


TEXT = ('"We will win the vote," Jane Roe said. Officials said the count was late. '
        'Acme Corp called it "a fair result" and Jane Roe said it was "over". "No comment," someone said.')

SPECS = [
    ("direct", "We will win the vote", "Jane Roe"),
    ("indirect", "the count was late", "officials"),
    ("partial", "a fair result", "Acme Corp", "state media"),
    ("partial", "over", "Jane Roe"),
    ("direct", "No comment", None),
]


@pytest.fixture
def one() -> report.Report:
    return report.build_report(make_result("one", TEXT, SPECS))


@pytest.mark.parametrize("name, expected", [
    # name: (type, direct, partial, indirect, words, via)
    ("Jane Roe", ("person", 1, 1, 0, 6, ())),  # 5 words quoted directly + 1 partial
    ("officials", ("group", 0, 0, 1, 0, ())),  # reported speech quotes no words
    ("Acme Corp", ("organization", 0, 1, 0, 3, ("state media",))),
    (report.UNATTRIBUTED, ("unknown", 1, 0, 0, 2, ())),
])
def test_speaker_rows(one, name, expected):
    row = next(s for s in one.speakers if s.name == name)
    t = row.tally
    assert (row.type, t.direct, t.partial, t.indirect, t.words, row.via) == expected


@pytest.mark.parametrize("name", ["Nobody", "state media"])  # a conduit is not a source
def test_no_row_for_who_never_speaks(one, name):
    assert name not in {s.name for s in one.speakers}


def test_speakers_ranked_by_attributions_then_words_unattributed_last(one):
    assert [s.name for s in one.speakers] == ["Jane Roe", "Acme Corp", "officials", report.UNATTRIBUTED]


@pytest.mark.parametrize("table, key, expected", [
    # (sources, direct, partial, indirect)
    ("by_type", "person", (1, 1, 1, 0)),
    ("by_type", "group", (1, 0, 0, 1)),
    ("by_type", "organization", (1, 0, 1, 0)),
    ("by_type", report.UNATTRIBUTED_TYPE, (0, 1, 0, 0)),  # unattributed words are no source
    ("by_affiliation", "Ruritania", (2, 1, 2, 0)),
    ("by_affiliation", report.NO_AFFILIATION, (1, 1, 0, 1)),
])
def test_group_rows(one, table, key, expected):
    g = next(g for g in getattr(one, table) if g.key == key)
    assert (g.sources, g.tally.direct, g.tally.partial, g.tally.indirect) == expected


@pytest.mark.parametrize("table, absent", [("by_type", "media"), ("by_affiliation", "Freedonia")])
def test_groups_with_no_attributions_are_not_listed(one, table, absent):
    assert absent not in {g.key for g in getattr(one, table)}


@pytest.mark.parametrize("share, expected", [
    ("named", 3 / 5), ("anonymous", 1 / 5), ("unattributed", 1 / 5),
    ("direct", 2 / 5), ("partial", 2 / 5), ("indirect", 1 / 5),
    ("named_sources", 2 / 3), ("anonymous_sources", 1 / 3),
])
def test_shares(one, share, expected):
    assert one.shares()[share] == pytest.approx(expected)


def test_shares_of_an_article_without_attributions_are_none():
    empty = report.build_report(make_result("empty", "Nothing said.", []))
    assert set(empty.shares().values()) == {None}
    assert (empty.tally.attributions, empty.sources) == (0, 0)


def test_total_joins_sources_by_name_across_articles(one):
    other = report.build_report(make_result("two", '"Yes," Jane Roe said. "No," John Doe said.', [
        ("direct", "Yes", "Jane Roe"), ("direct", "No", "John Doe")]))
    total = report.combine([one, other])
    jane = next(s for s in total.speakers if s.name == "Jane Roe")
    assert (jane.tally.direct, jane.tally.partial, jane.articles) == (2, 1, 2)
    assert total.articles == 2
    assert total.tally.attributions == one.tally.attributions + other.tally.attributions
    assert (total.named_sources, total.anonymous_sources) == (3, 1)


@pytest.mark.parametrize("n, tables", [(1, ["one"]), (2, ["one", "one", report.TOTAL])])
def test_reports_for_adds_a_total_only_for_many(n, tables):
    results = [make_result("one", TEXT, SPECS)] * n
    assert [r.article for r in report.reports_for(results)] == tables


def test_every_table_adds_up_to_the_attributions(one):
    for table in (one.speakers, one.by_type, one.by_affiliation):
        assert sum(x.tally.attributions for x in table) == one.tally.attributions == 5


def test_csv_rows_have_a_table_column_and_fixed_fields(one):
    rows = list(csv.DictReader(io.StringIO(report.to_report_csv([one]))))
    assert tuple(rows[0]) == report.ROW_FIELDS
    assert {r["table"] for r in rows} == {"speaker", "type", "affiliation", "share"}
    share = {r["name"]: r for r in rows if r["table"] == "share"}
    assert (share["anonymous"]["attributions"], share["anonymous"]["sources"], share["anonymous"]["share"]) == ("1", "1", "0.2")


def test_table_fits_80_columns_and_names_every_speaker(one):
    text = report.to_table([one])
    assert max(len(line) for line in text.splitlines()) <= 80
    for name in ("Jane Roe", "officials", "Acme Corp", report.UNATTRIBUTED):
        assert name in text


# ------------------------------------------------------------------ the command, on the seed


@pytest.mark.parametrize("fmt, marker", [
    ("table", "13 sources: named 8 (62%), anonymous 5 (38%)"),
    ("csv", f"{SEED},speaker,Kim Jong Un,person,True,North Korea,North Korean state media,1,2,1,1,4"),
    ("html", "<svg"),
])
def test_report_command_formats(capsys, fmt, marker):
    assert main(["report", SEED, "--format", fmt]) == 0
    assert marker in capsys.readouterr().out


def test_report_json_for_many_articles_has_each_and_the_total(capsys):
    assert main(["report", SEED, SEED, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["article"] for a in data["articles"]] == [SEED] * 2
    assert data["total"]["articles"] == 2
    assert data["total"]["attributions"] == 2 * data["articles"][0]["attributions"]
    kim = next(s for s in data["total"]["speakers"] if s["name"] == "Kim Jong Un")
    assert kim["articles"] == 2


@pytest.mark.parametrize("paths", [[SEED], [SEED, SEED]])
def test_analyze_prints_each_articles_attributions_then_what_report_prints(capsys, paths):
    assert main(["analyze", *paths, "--width", "80"]) == 0
    analyzed = capsys.readouterr().out
    assert main(["report", *paths, "--width", "80"]) == 0
    reported = capsys.readouterr().out
    seed = analyze(open(SEED, encoding="utf-8").read(), name=SEED)
    head = f"== {SEED} ==\n"
    assert analyzed == reported.replace(head, head + render.attributions_table(seed, 80) + "\n\n")
    assert ("== (total) == (2 articles)" in analyzed) is (len(paths) > 1)


def test_report_missing_file_is_exit_2(capsys):
    assert main(["report", "no-such-file.txt"]) == 2
    assert capsys.readouterr().err.startswith("quotes: ")


# ------------------------------------------------------------------ one word for each idea

WORDS_TEXT = "Officials said the count was late. “We will win,” she said. “It is over,” Jane Roe said."


@pytest.mark.parametrize("args", [["analyze"], ["report"], ["analyze", "--format", "html"]])
@pytest.mark.parametrize("word, present", [
    ("indirect", True),  # the kinds are direct, partial, indirect ...
    ("direct", True),
    ("unattributed", True),  # ... and an attribution with no speaker is unattributed
    (r"\brep\b", False),  # not "rep", "dir", "part", "reported", "nobody" or "(unknown)"
    (r"\bdir\b", False),
    (r"\bpart\b", False),
    (r"\breported \d", False),
    (r"<th>reported", False),
    (r"\bnobody\b", False),
    (r"\(unknown\)", False),
])
def test_human_output_says_one_word_for_each_idea(tmp_path, capsys, args, word, present):
    article = tmp_path / "words.txt"
    article.write_text(WORDS_TEXT, encoding="utf-8")
    assert main([*args, str(article)]) == 0
    out = capsys.readouterr().out
    assert bool(re.search(word, out)) is present


@pytest.mark.parametrize("fmt, key, absent", [("json", '"indirect"', '"reported"'), ("csv", ",indirect,", ",reported,")])
def test_report_data_name_the_kinds_as_the_json_lines_do(capsys, fmt, key, absent):
    assert main(["report", SEED, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert key in out and absent not in out


@pytest.mark.parametrize(
    "names, joined",
    [
        # One full name for a surname: its short forms join it.
        (["Tony Blair", "Mr Blair", "Blair"], {"Mr Blair": "Tony Blair", "Blair": "Tony Blair"}),
        (["Mr Roe"], {}),
        # Two forms of one full name: the fuller wins.
        (["Menzies Campbell", "Sir Menzies Campbell"], {"Menzies Campbell": "Sir Menzies Campbell"}),
        # Negatives: two full names with the surname leave the short forms alone ...
        (["Tony Blair", "Cherie Blair", "Mr Blair"], {}),
        # ... and so do short forms of both genders.
        (["Jane Roe", "Mr Roe", "Ms Roe"], {}),
        # Different surnames never join.
        (["Tony Blair", "Mr Brown"], {}),
    ],
)
def test_join_person_names_across_articles(names, joined):
    assert join_person_names(names) == joined


def test_a_person_is_one_row_across_articles():
    one = quotes.analyze("Prime Minister Tony Blair said the bill was fair.", name="one")
    two = quotes.analyze("Mr Blair said the bill had safeguards.", name="two")
    total = combine([build_report(one), build_report(two)])
    assert [(row.name, row.articles, row.tally.attributions) for row in total.speakers] == [("Tony Blair", 2, 2)]
