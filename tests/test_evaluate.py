"""quotes.evaluate: brat reading, the match and subset rules, speaker scoring, gold JSON files.

The analyzer is replaced by hand-built results throughout, so these tests pin the scoring rules
and do not move when detection gets better or worse. Fixtures are invented (fixtures/brat,
fixtures/gold); none comes from PolNeAR.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import quotes.evaluate as evaluate
from quotes.errors import GoldFormatError, InputError
from quotes.evaluate import (
    BratGold,
    dump_errors,
    error_rows,
    evaluate_brat,
    evaluate_gold_file,
    gold_item_matches,
    is_speech_cue,
    locate_content,
    parse_ann,
    read_gold_file,
    resolve_article_path,
    spans_match,
    speaker_correct,
)
from quotes.model import ArticleResult, Attribution, Kind, Span, Speaker, SpeakerType

ROOT = Path(__file__).resolve().parents[1]
BRAT = ROOT / "fixtures" / "brat"
GOLD = ROOT / "fixtures" / "gold" / "harbor-mayor.gold.json"


# ----------------------------------------------------------------------------- helpers


def find(text: str, words: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(words, start + 1)
    return start, start + len(words)


def attribution(
    text: str,
    words: str,
    *,
    kind: Kind = Kind.INDIRECT,
    speaker: str | None = None,
    type: SpeakerType = SpeakerType.PERSON,
    mention: str | None = None,
    mention_occurrence: int = 1,
    via: str | None = None,
    occurrence: int = 1,
    index: int = 0,
) -> Attribution:
    start, end = find(text, words, occurrence)
    mention_span = Span.of(text, *find(text, mention, mention_occurrence)) if mention else None
    who = Speaker(id=index, name=speaker, type=type, named=True) if speaker else None
    return Attribution(
        index=index,
        kind=kind,
        content=Span.of(text, start, end),
        cue=None,
        speaker_mention=mention_span,
        speaker=who,
        via=via,
        confidence=1.0,
    )


def fake_analyzer(monkeypatch: pytest.MonkeyPatch, build) -> None:
    """Replace the analyzer: ``build(text, name)`` returns attributions or raises."""

    def analyze(text: str, *, engine: str = "rules", name: str = "article") -> ArticleResult:
        found = tuple(build(text, name))
        return ArticleResult(name=name, text=text, attributions=found, speakers=())

    monkeypatch.setattr(evaluate, "analyze", analyze)


# ----------------------------------------------------------------------------- brat parsing

ARTICLE = "Ann said: “Fine.” Then, “Done,” she added. Polls show it. Bo wrote that we win.\nEnd."


def _ann(*lines: str) -> str:
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "ann, expected",
    [
        pytest.param(
            _ann("T1\tSource 0 3\tAnn", "T2\tCue 4 8\tsaid", "T3\tContent 10 17\t“Fine.”",
                 "T4\tAttribution 4 8\tsaid", "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1"),
            [("E1", ((10, 17),), "Ann", "said")],
            id="plain",
        ),
        pytest.param(
            _ann("T1\tSource 0 3\tAnn", "T2\tCue 4 8\tsaid", "T3\tContent 10 17;24 31\t“Fine.” “Done,”",
                 "T4\tAttribution 4 8\tsaid", "E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3"),
            [("E1", ((10, 17), (24, 31)), "Ann", "said")],
            id="discontinuous content",
        ),
        pytest.param(
            _ann("T1\tCue 49 53\tshow", "T2\tContent 54 56\tit", "T3\tAttribution-no-source 49 53\tshow",
                 "E1\tAttribution-no-source:T3 Cue:T1 Content:T2"),
            [("E1", ((54, 56),), None, "show")],
            id="no-source event",
        ),
        pytest.param(
            _ann("T1\tDiscard 43 48\tPolls", "T2\tDiscuss 0 8\tAnn said", "T3\tSource 58 60\tBo",
                 "T4\tCue 61 66\twrote", "T5\tContent 72 78\twe win", "T6\tAttribution 61 66\twrote",
                 "E1\tAttribution:T6 Source:T3 Cue:T4 Content:T5"),
            [("E1", ((72, 78),), "Bo", "wrote")],
            id="Discard and Discuss are not attributions",
        ),
        pytest.param(
            _ann("T1\tSource 0 3\tAnn", "T2\tCue 4 8\tsaid", "T3\tContent 10 17\t“Fine.”",
                 "T4\tContent 24 31\t“Done,”", "T5\tAttribution 4 8\tsaid",
                 "E1\tAttribution:T5 Cue:T2 Source:T1 Content:T3 Content2:T4"),
            [("E1", ((10, 17), (24, 31)), "Ann", "said")],
            id="Content2 adds fragments",
        ),
        pytest.param(
            _ann("T1\tDiscuss 67 83\tthat we win.", "End", "T2\tCue 61 66\twrote", "T3\tContent 72 78\twe win",
                 "T4\tAttribution 61 66\twrote", "#1\tAnnotatorNotes T1\tunsure",
                 "E1\tAttribution:T4 Cue:T2 Content:T3"),
            [("E1", ((72, 78),), None, "wrote")],
            id="text column running onto the next line",
        ),
        pytest.param(
            _ann("T1\tAttribution 4 8\tsaid", "T2\tCue 4 8\tsaid", "E1\tAttribution:T1 Cue:T2", "E2\tAttribution:T1"),
            [],
            id="events without content are dropped",
        ),
        pytest.param(
            _ann("E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1", "T1\tSource 0 3\tAnn", "T2\tCue 4 8\tsaid",
                 "T3\tContent 10 17\t“Fine.”", "T4\tAttribution 4 8\tsaid"),
            [("E1", ((10, 17),), "Ann", "said")],
            id="events before their spans",
        ),
    ],
)
def test_parse_ann(ann: str, expected: list) -> None:
    golds = parse_ann(ann, ARTICLE)
    assert [(g.id, g.content, g.source_text, g.cue_text) for g in golds] == expected


def test_parse_ann_reads_offsets_not_the_text_column() -> None:
    (gold,) = parse_ann(_ann("T1\tContent 10 17\twrong words", "T2\tCue 4 8\tx", "T3\tAttribution 4 8\tx",
                             "E1\tAttribution:T3 Cue:T2 Content:T1"), ARTICLE)  # fmt: skip
    assert gold.content_text == "“Fine.”"


@pytest.mark.parametrize(
    "ann, line, message",
    [
        ("junk before anything\n", 1, "not a brat annotation line"),
        ("T1\tContent ten 17\tx\n", 1, "cannot read the span"),
        ("T1\tCue 4 8\tsaid\nT2\tContent 10 500\tx\n", 2, "outside the article"),
        ("T1\tContent 17 10\tx\n", 1, "outside the article"),
        ("T1\tCue 4 8\tsaid\nE1\tAttribution:T1 Content:T9\n", 2, "T9"),
        ("T1\tCue 4 8\tsaid\nE1\tAttribution:T1 Content\n", 2, "ROLE:ID"),
        ("T1\tCue 4 8\tsaid\nE1\tAttribution:T1 Cue:T1\nstray words\n", 3, "not a brat annotation line"),
    ],
)
def test_parse_ann_errors_name_file_and_line(ann: str, line: int, message: str) -> None:
    with pytest.raises(GoldFormatError, match=rf"^x\.ann:{line}: .*{message}"):
        parse_ann(ann, ARTICLE, path="x.ann")


def test_first_annotator_by_file_name() -> None:
    pairs = evaluate.brat_pairs(BRAT)
    assert [(name, ann.name) for name, _, ann in pairs] == [
        ("council-harbor-vote", "council-harbor-vote_ab12.ann"),
        ("storm-schools", "storm-schools_cd34.ann"),
    ]


def test_crlf_texts_keep_their_offsets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_bytes("Title\r\nAnn said we win.\r\n".encode())
    ann = "T1\tSource 7 10\tAnn\nT2\tCue 11 15\tsaid\nT3\tContent 16 22\twe win\nT4\tAttribution 11 15\tsaid\n"
    ann += "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    (tmp_path / "attributions" / "a_x.ann").write_bytes(("\ufeff" + ann).encode())  # a BOM is tolerated
    fake_analyzer(monkeypatch, lambda text, name: [attribution(text, "we win", speaker="Ann")])
    report = evaluate_brat(tmp_path)
    assert report.articles[0].gold[0].gold.content_text == "we win"
    assert report.recall("speech").hit == 1 and report.speaker_accuracy("speech").hit == 1


def test_not_a_brat_directory(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="text/ and attributions/"):
        evaluate_brat(tmp_path)


# ----------------------------------------------------------------------------- the match rule


@pytest.mark.parametrize(
    "gold, system, matches",
    [
        (((10, 20),), (10, 20), True),  # same span
        (((10, 20),), (15, 30), True),  # 5 shared: exactly half the gold
        (((10, 20),), (16, 40), False),  # 4 shared: under half of gold (5) and of system (12)
        (((10, 20),), (0, 30), True),  # gold inside a long system span: all of the gold
        (((10, 100),), (40, 50), True),  # a short system span inside long gold: all of the system
        (((10, 100),), (45, 57), True),  # 12 shared of a 12-character span
        (((10, 20),), (19, 21), True),  # 1 shared is half of a 2-character system span
        (((10, 20),), (19, 22), False),  # 1 shared: under half of 10 and of 3
        (((10, 20),), (20, 30), False),  # touching is not sharing
        (((10, 20),), (15, 15), False),  # an empty system span shares nothing
        (((0, 10), (20, 30)), (10, 20), False),  # the gap of discontinuous gold is not gold
        (((0, 10), (20, 30)), (5, 25), True),  # 10 shared: half of a 20-character span
        (((0, 10), (20, 30)), (5, 27), True),  # 12 shared, system 22: over half
        (((0, 10), (20, 30)), (8, 40), False),  # 12 shared: under half of gold (30) and system (32)
        (((0, 10), (20, 30)), (0, 30), True),  # 20 shared: gold length counts its gap (30), system 30
    ],
)
def test_spans_match(gold, system, matches: bool) -> None:
    assert spans_match(gold, *system) is matches


# ----------------------------------------------------------------------------- subsets


@pytest.mark.parametrize(
    "cue, speech",
    [
        ("said", True),
        ("Said", True),
        ("said:", True),
        ("says", True),
        ("told reporters", True),
        ("telling", True),
        ("according to", True),
        ("According to", True),
        ("added", True),
        ("wrote", True),
        ("written", True),
        ("denied", True),
        ("statement", True),
        ("statements", True),
        ("interviews", True),
        ("testified", True),
        ("replied", True),
        ("tweeted", True),
        ("has said", False),  # the first word decides; auxiliaries are not speech words
        ("also told", False),
        ("believes", False),
        ("polls show", False),
        ("reportedly", False),  # an adverb, not an inflection
        ("statesman", False),
        (":", False),
        ("", False),
    ],
)
def test_is_speech_cue(cue: str, speech: bool) -> None:
    assert is_speech_cue(cue) is speech


def _gold(content: str, cue: str | None, source: bool = True) -> BratGold:
    return BratGold(
        id="E1", line=1, content=((0, len(content)),), content_text=content,
        source=((100, 103),) if source else None, source_text="Ann" if source else None, cue_text=cue,
    )  # fmt: skip


@pytest.mark.parametrize(
    "content, cue, source, subsets",
    [
        ("“We will win,”", "said", True, ("quoted", "speech")),
        ('"We will win,"', "said", True, ("quoted", "speech")),
        ("we will win", "said", True, ("speech", "speech-indirect")),
        ("we will win", "told", True, ("speech", "speech-indirect")),
        ("we will win", "according to", True, ("speech", "speech-indirect")),
        ("they would “win big” soon", "argued", True, ("quoted", "speech")),  # mixed is quoted
        ("“We will win,”", "believes", True, ("quoted",)),
        ("we will win", "believes", True, ()),
        ("we will win", "has said", True, ()),
        ("they ‘won’", "said", True, ("speech", "speech-indirect")),  # single marks are not quotes
        ("“We will win,”", "said", False, ()),  # both subsets need a Source
        ("we will win", "said", False, ()),
    ],
)
def test_subsets(content: str, cue: str, source: bool, subsets: tuple) -> None:
    gold = _gold(content, cue, source)
    assert gold.subsets == subsets
    assert gold.in_subset("all")


# ----------------------------------------------------------------------------- speaker rule

SPEAKER_TEXT = "Mayor Ana Ortiz said on Monday that she agreed. President Obama also spoke, she said."


@pytest.mark.parametrize(
    "source_words, speaker, mention, right",
    [
        ("Mayor Ana Ortiz", None, "Ortiz", True),  # the mention overlaps the Source
        ("Mayor Ana Ortiz", "Lee Park", "Ana", True),  # the mention decides even if the name is off
        ("Mayor Ana Ortiz", "Ana Ortiz", "she", True),  # a name word occurs in the Source
        ("Mayor Ana Ortiz", "Mrs. Ortiz", None, True),
        ("Mayor Ana Ortiz", "ORTIZ", None, True),
        ("Mayor Ana Ortiz", "Lee Park", "she", False),
        ("Mayor Ana Ortiz", "the Mayor", None, False),  # titles and function words say nothing
        ("President Obama", "the President", None, False),
        ("President Obama", "President Barack Obama", None, True),
        ("Mayor Ana Ortiz", None, None, False),
        ("Mayor Ana Ortiz", None, "Monday", False),
    ],
)
def test_speaker_correct(source_words: str, speaker: str | None, mention: str | None, right: bool) -> None:
    source = (find(SPEAKER_TEXT, source_words),)
    system = attribution(SPEAKER_TEXT, "she agreed", speaker=speaker, mention=mention)
    assert speaker_correct(source, source_words, system) is right


# ----------------------------------------------------------------------------- brat report


def _brat_system(text: str, name: str) -> list[Attribution]:
    if name == "storm-schools":
        raise RuntimeError("boom")
    return [
        # Matches E2 (discontinuous quoted gold); the mention is the Source's "Ortiz".
        attribution(text, "“This is the most important thing we will do this year,”", kind=Kind.DIRECT,
                    speaker="Ana Ortiz", mention="Ortiz", mention_occurrence=2, index=0),
        # Matches E1 with half of it; speaker judged by name words, the mention is missing.
        attribution(text, "The city council voted 7-2 on Tuesday to rebuild", speaker="Ana Ortiz", index=1),
        # Matches E3 ("According to"), with the wrong speaker.
        attribution(text, "repairs will cost about $40 million", speaker="Ray Dunn", index=2),
        # The headline: no gold.
        attribution(text, "Council approves harbor plan", speaker=None, index=3),
    ]  # fmt: skip


@pytest.fixture
def brat_report(monkeypatch: pytest.MonkeyPatch) -> evaluate.BratReport:
    fake_analyzer(monkeypatch, _brat_system)
    return evaluate_brat(BRAT)


@pytest.mark.parametrize(
    "measure, expected",
    [
        ("gold all", 11),
        ("gold quoted", 2),
        ("gold speech", 7),
        ("gold speech-indirect", 5),
        ("system", 4),
        ("recall all", (3, 11)),
        ("recall quoted", (1, 2)),
        ("recall speech", (3, 7)),
        ("recall speech-indirect", (2, 5)),
        ("precision", (3, 4)),
        ("speaker quoted", (1, 1)),
        ("speaker speech", (2, 3)),
        ("exceptions", 1),
    ],
)
def test_brat_figures(brat_report: evaluate.BratReport, measure: str, expected) -> None:
    rows = {row[0]: row for row in brat_report.summary_rows()}
    if isinstance(expected, tuple):
        hit, total = expected
        assert rows[measure][2] == f"{hit}/{total}"
        assert rows[measure][1] == round(hit / total, 3)
    else:
        assert rows[measure][1] == expected


def test_brat_exceptions_are_listed_and_the_run_goes_on(brat_report: evaluate.BratReport) -> None:
    assert brat_report.exceptions == (("storm-schools", "RuntimeError: boom"),)
    assert len(brat_report.articles) == 2


def test_brat_misses_and_false_positives(brat_report: evaluate.BratReport) -> None:
    speech_misses = brat_report.misses("speech")
    assert [(m.article, m.cue, m.subsets) for m in speech_misses] == [
        ("council-harbor-vote", "wrote", ("speech", "speech-indirect")),
        ("storm-schools", "said", ("quoted", "speech")),
        ("storm-schools", "warned", ("speech", "speech-indirect")),
        ("storm-schools", "reported", ("speech", "speech-indirect")),
    ]
    assert len(brat_report.misses()) == 8
    assert [(f.content, f.speaker) for f in brat_report.false_positives()] == [("Council approves harbor plan", None)]


def test_brat_errors_dump(brat_report: evaluate.BratReport) -> None:
    stream = io.StringIO()
    count = dump_errors(brat_report, stream, subset="quoted")
    lines = stream.getvalue().splitlines()
    assert count == 2 and len(lines) == 3
    assert lines[0].split("\t") == list(evaluate.ERROR_HEADERS)
    assert lines[1].split("\t")[:3] == ["miss", "storm-schools", "quoted,speech"]
    assert lines[2].split("\t")[:3] == ["extra", "council-harbor-vote", "indirect"]
    assert all(len(line.split("\t")) == len(evaluate.ERROR_HEADERS) for line in lines)
    assert len(error_rows(brat_report)) == 9


def test_brat_rows_and_json(brat_report: evaluate.BratReport) -> None:
    rows = brat_report.rows()
    assert [len(r) for r in rows] == [len(brat_report.row_headers)] * 2
    assert rows[0][:3] == ["council-harbor-vote", 7, "1/1"]
    assert rows[1][-1] == "RuntimeError: boom"
    data = json.loads(json.dumps(brat_report.to_dict(details=True)))
    assert data["recall"]["quoted"] == {"hit": 1, "total": 2, "value": 0.5}
    assert data["speaker_accuracy"]["speech"]["hit"] == 2
    assert len(data["misses"]) == 8 and len(data["false_positives"]) == 1


def test_brat_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_analyzer(monkeypatch, lambda text, name: [])
    report = evaluate_brat(BRAT, limit=1)
    assert [a.name for a in report.articles] == ["council-harbor-vote"]
    assert report.precision().value is None and report.recall().hit == 0


def test_several_system_attributions_on_one_gold_any_speaker_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    def build(text: str, name: str) -> list[Attribution]:
        if name != "storm-schools":
            return []
        return [
            attribution(text, "“We are not taking chances,”", kind=Kind.DIRECT, speaker="Someone Else", index=0),
            attribution(text, "“Buses stay home.”", kind=Kind.DIRECT, speaker="Lee Park", index=1),
        ]

    fake_analyzer(monkeypatch, build)
    report = evaluate_brat(BRAT)
    storm = report.articles[1]
    assert storm.gold[0].matches == (0, 1) and storm.gold[0].speaker_ok is True


# ----------------------------------------------------------------------------- gold JSON


@pytest.mark.parametrize(
    "article, words, after, expected",
    [
        ("a successful and full day", "full", 0, "full@17"),  # whole words first
        ("wonderfully", "full", 0, "full@6"),  # then anywhere
        ("He said “Rumor” was true", '"rumor"', 0, "“Rumor”@8"),  # quote style and case forgiven
        ("it’s over", "it's over", 0, "it’s over@0"),
        ("we  will\nwin", "we will win", 0, "we  will\nwin@0"),
        ("win, win", "win", 1, "win@5"),  # the first at or after the previous item
        ("win, win", "win", 9, "win@0"),  # none after: the first
        ("nothing", "else", 0, None),
    ],
)
def test_locate_content(article: str, words: str, after: int, expected: str | None) -> None:
    where = locate_content(article, words, after=after)
    assert (f"{article[where[0]:where[1]]}@{where[0]}" if where else None) == expected


def test_repeated_gold_words_take_their_own_occurrences() -> None:
    article_field, items = read_gold_file(GOLD)
    text = resolve_article_path(GOLD, article_field).read_text(encoding="utf-8")
    places = evaluate.locate_items(text, items)
    assert places[0] == find(text, "historic day", 1)  # the headline, optional
    assert places[1] == find(text, "historic day", 2)  # the body


@pytest.mark.parametrize(
    "gold, system, matches",
    [
        ((10, 20), (0, 30), True),  # the gold words inside the system span
        ((10, 20), (10, 20), True),  # exactly the gold words
        ((10, 20), (10, 21), True),
        ((10, 20), (9, 20), True),
        ((10, 20), (11, 40), False),  # starts one character late: containment, no overlap arm
        ((10, 20), (0, 19), False),  # stops one character short
        ((10, 20), (15, 40), False),  # half of the gold words is not enough
        ((10, 20), (12, 18), False),  # inside the gold words, not around them
        ((10, 20), (20, 30), False),
        ((10, 20), (12, 12), False),
    ],
)
def test_gold_item_matches(gold, system, matches: bool) -> None:
    assert gold_item_matches(gold, *system) is matches


def test_article_path_resolution(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("x", encoding="utf-8")
    gold = tmp_path / "gold" / "a.gold.json"
    assert resolve_article_path(gold, "seeds/a.txt") == tmp_path / "seeds" / "a.txt"
    assert resolve_article_path(GOLD, "fixtures/gold/harbor-mayor.txt") == GOLD.parent / "harbor-mayor.txt"
    assert resolve_article_path(gold, "seeds/a.txt", article="elsewhere.txt") == Path("elsewhere.txt")
    with pytest.raises(InputError, match="missing.txt"):
        resolve_article_path(gold, "seeds/missing.txt")


def _harbor_system(text: str, name: str) -> list[Attribution]:
    return [
        attribution(text, "“historic day”", kind=Kind.PARTIAL, speaker="Ana Ortiz", index=0),
        attribution(text, "work on the wall would start in spring", kind=Kind.DIRECT, speaker="Ana Ortiz", index=1),
        attribution(text, "“We have waited long enough.", kind=Kind.DIRECT, speaker="ortiz", via="her office",
                    index=2),
        attribution(text, "costs could rise", speaker="The Port Authority", type=SpeakerType.ORGANIZATION,
                    via="the Harbor Gazette", index=3),
        attribution(text, "historic day", kind=Kind.PARTIAL, speaker="Ana Ortiz", index=4),  # the optional headline
        attribution(text, "The wall will be built", kind=Kind.DIRECT, speaker="Ana Ortiz", index=5),  # no gold
    ]  # fmt: skip


@pytest.fixture
def gold_report(monkeypatch: pytest.MonkeyPatch) -> evaluate.GoldReport:
    fake_analyzer(monkeypatch, _harbor_system)
    return evaluate_gold_file(GOLD)


@pytest.mark.parametrize(
    "measure, expected",
    [
        ("required found", "4/5"),
        ("optional found", "1/1"),
        ("speaker right", "4/4"),
        ("via right", "3/4"),  # "her office" where the gold says no conduit
        ("type right", "4/4"),
        ("kind right", "3/4"),  # reported words called direct
    ],
)
def test_gold_figures(gold_report: evaluate.GoldReport, measure: str, expected: str) -> None:
    rows = {row[0]: row for row in gold_report.summary_rows()}
    assert rows[measure][2] == expected


def test_gold_extras_and_rows(gold_report: evaluate.GoldReport) -> None:
    assert [s.text for s in gold_report.extras] == ["The wall will be built"]
    rows = gold_report.rows()
    assert [len(r) for r in rows] == [len(gold_report.row_headers)] * 6
    assert rows[0][:2] == [1, "opt"]
    assert [r[7] for r in rows] == ["ok", "ok", "ok", "ok", "ok", "NO"]
    assert rows[3][8:] == ["ok", "NO", "ok", "ok"]
    assert rows[5][8:] == ["", "", "", ""]
    data = json.loads(json.dumps(gold_report.to_dict()))
    assert data["required_found"] == {"hit": 4, "total": 5, "value": 0.8}
    assert data["extras"] == 1 and data["items"][4]["system_via"] == "the Harbor Gazette"


@pytest.mark.parametrize(
    "gold_speaker, aliases, system_speaker, right",
    [
        ("Ana Ortiz", [], "Ana Ortiz", True),
        ("Ana Ortiz", [], "ana  ortiz", True),
        ("Ana Ortiz", ["Ortiz"], "Ortiz", True),
        ("port authority", [], "The Port Authority", True),  # a leading "the" is ignored
        ("Ana Ortiz", [], "Mayor Ana Ortiz", False),  # names are compared whole
        ("Ana Ortiz", ["Mayor Ortiz"], "Luis Ortiz", False),  # another person with the same surname
        ("Ana Ortiz", ["Ms Ortiz"], "Mr Ortiz", False),
        ("Ana Ortiz", ["Ms Ortiz"], "Ortiz", False),  # a bare surname is not the alias "Ms Ortiz"
        ("Ana Ortiz", ["Ms Ortiz"], "ms ortiz", True),
        ("a port spokesman", [], "Port spokesman", True),  # a leading "a" is ignored
        ("Ana O'Neill", [], "Ana O’Neill", True),  # curly and straight apostrophes
        ("Ana Ortiz", [], None, False),
        (None, [], None, True),  # gold says nobody, and nobody was found
    ],
)
def test_gold_speaker_rule(gold_speaker, aliases, system_speaker, right: bool) -> None:
    text = "Ortiz said costs could rise."
    item = evaluate.GoldItem(index=0, line=1, kind=Kind.INDIRECT, content="costs could rise",
                             speaker=gold_speaker, aliases=tuple(aliases))  # fmt: skip
    system = [attribution(text, "costs could rise", speaker=system_speaker)]
    row = evaluate.judge_item(item, find(text, "costs could rise"), system)
    assert row.speaker_ok is right


@pytest.mark.parametrize(
    "name, normalized",
    [
        ("Ana Ortiz", "ana ortiz"),
        ("  ANA\n Ortiz ", "ana ortiz"),  # case and whitespace
        ("The Port Authority", "port authority"),  # one leading article
        ("a council spokeswoman", "council spokeswoman"),
        ("an executive spokesman", "executive spokesman"),
        ("the The", "the"),  # only one article goes
        ("Theo Ash", "theo ash"),  # a word that starts like "the" stays
        ("A. Smith", "a. smith"),  # an initial is not an article
        ("Ortiz's", "ortiz"),  # possessive
        ("Manufacturers' group", "manufacturers group"),
        ("Ana O’Neill", "ana o'neill"),  # curly apostrophe; the inner one stays
        ("“Ortiz,”", "ortiz"),  # punctuation around the name
        ("(BRC)", "brc"),
        ("S&P", "s&p"),  # punctuation inside stays
        ("Mr Ortiz", "mr ortiz"),  # titles stay
        ("Sir Alan Budd", "sir alan budd"),
        ("", ""),
    ],
)
def test_normalize_name(name: str, normalized: str) -> None:
    assert evaluate.normalize_name(name) == normalized


@pytest.mark.parametrize(
    "system_via, gold_via, same",
    [
        ("Harbor Gazette", "Harbor Gazette", True),
        ("the Harbor Gazette", "Harbor Gazette", True),
        ("The Harbor Gazette newspaper", "harbor gazette", True),  # the medium word aside
        ("Radio Kent", "BBC Radio Kent", True),  # more words in front of the same outlet
        ("BBC Radio Four", "BBC Radio 4", True),
        ("Gazette", "Harbor Gazette", False),  # one word is too little to call it the same
        ("Harbor Times", "Harbor Gazette", False),
        ("BBC Sport", "BBC Sport Wales", False),  # a different outlet of the same network
        (None, "Harbor Gazette", False),
        ("Harbor Gazette", None, False),
    ],
)
def test_same_outlet(system_via, gold_via, same: bool) -> None:
    assert evaluate.same_outlet(system_via, gold_via) is same


def test_gold_analyzer_failure_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    def build(text: str, name: str) -> list[Attribution]:
        raise ValueError("no")

    fake_analyzer(monkeypatch, build)
    report = evaluate_gold_file(GOLD)
    assert report.error == "ValueError: no" and report.found().hit == 0


def _write_gold(tmp_path: Path, body: str) -> Path:
    (tmp_path / "a.txt").write_text("Ann said we will win.", encoding="utf-8")
    path = tmp_path / "a.gold.json"
    path.write_text(body, encoding="utf-8")
    return path


ITEM = '{"kind": "indirect", "content": "we will win", "speaker": "Ann"}'


@pytest.mark.parametrize(
    "body, line, message",
    [
        ('{"article": "a.txt",\n "attributions": [\n' + ITEM + ",\n]}", 4, "not JSON"),
        ('{"article": "a.txt", "attributions": {}}', 1, "attributions"),
        ('{"article": "a.txt",\n "attributions": [\n' + ITEM + ',\n {"kind": "indirect"}\n]}', 4, "'content'"),
        ('{"article": "a.txt",\n "attributions": [\n  {"kind": "quoted", "content": "we"}\n]}', 3, "'kind'"),
        ('{"article": "a.txt",\n "attributions": [\n' + ITEM.replace('"Ann"', '"Ann", "type": "robot"') + "\n]}",
         3, "'type'"),
        ('{"article": "a.txt",\n "attributions": [\n' + ITEM.replace("we will win", "they lost") + "\n]}",
         3, "not in the article"),
    ],
)
def test_gold_file_errors_name_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = _write_gold(tmp_path, body)
    with pytest.raises(GoldFormatError, match=rf"a\.gold\.json:{line}: .*{message}"):
        evaluate_gold_file(path, article=tmp_path / "a.txt")
