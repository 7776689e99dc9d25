"""quotes evaluate --gold DIR for a folder of *.gold.json files: figures, slips, layouts, errors.

The analyzer is replaced by hand-built results (as in test_evaluate.py), so the tables pin the
scoring rules. The articles and gold files in fixtures/gold/desk/ are the project's own.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import quotes.evaluate as evaluate
from quotes.cli import main
from quotes.errors import GoldFormatError, InputError
from quotes.evaluate.common import sentence_around
from quotes.model import Attribution, Kind, SpeakerType

from .test_evaluate import BRAT, GOLD, attribution, fake_analyzer

ROOT = Path(__file__).resolve().parents[1]
DESK = ROOT / "fixtures" / "gold" / "desk"
ORG, GROUP = SpeakerType.ORGANIZATION, SpeakerType.GROUP


def _desk_system(text: str, name: str) -> list[Attribution]:
    if name == "ferry-fares":
        return [
            # The headline: finds the optional item, so it is no extra; never required.
            attribution(text, "will rise", kind=Kind.PARTIAL, speaker="Island Ferries", type=ORG, index=0),
            attribution(text, "Island Ferries will raise fares by 8% in April", speaker="Island Ferries", type=ORG,
                        index=1),
            # Mark Bellamy's words given to Jane Bellamy: same surname, another person.
            attribution(text, "We have held prices for three years and fuel has doubled,", kind=Kind.DIRECT,
                        speaker="Jane Bellamy", mention="Jane Bellamy", index=2),
            # An alias of the gold speaker; the conduit with its network left off is the same outlet.
            attribution(text, "the smallest we could manage", kind=Kind.PARTIAL, speaker="Mr Bellamy",
                        mention="Mr Bellamy", via="Radio Kent", index=3),
            attribution(text, "the rise would hurt families who depend on the crossing", speaker="passenger groups",
                        index=4),  # type person where the gold says group
            attribution(text, "Islanders cannot simply drive to the mainland,", kind=Kind.DIRECT,
                        speaker="Councillor Jane Bellamy", index=5),
            attribution(text, "is not related to the chief executive", speaker="Jane Bellamy", index=6),  # no gold
        ]  # fmt: skip
    return [
        attribution(text, "The central library will open on Sundays from next month", speaker="Northfield Council",
                    type=ORG, index=0),
        # "a council spokeswoman" in the gold: the leading article is set aside. Reported words called direct.
        attribution(text, "the change would cost about 40,000 pounds a year", kind=Kind.DIRECT,
                    speaker="Council spokeswoman", index=1),
        attribution(text, "People have asked for this for a long time,", kind=Kind.DIRECT, speaker="Ruth O’Connor",
                    index=2),  # a curly apostrophe where the gold has a straight one
        attribution(text, "Reading should not stop at the weekend.", kind=Kind.DIRECT, speaker="Ruth O'Connor",
                    via="Evening Standard", index=3),  # the wrong paper
    ]  # fmt: skip


@pytest.fixture
def desk(monkeypatch: pytest.MonkeyPatch) -> evaluate.GoldSetReport:
    fake_analyzer(monkeypatch, _desk_system)
    return evaluate.evaluate_gold_dir(DESK)


@pytest.mark.parametrize(
    "measure, expected",
    [
        ("articles", 2),
        ("required", 12),  # 14 items, 2 of them optional
        ("optional", 2),
        ("system", 11),
        ("required found", "9/12"),
        ("full quotes found", "4/5"),  # "Nobody asked us" missed
        ("speaker right (of found)", "8/9"),  # Jane Bellamy for Mark Bellamy
        ("end to end", "8/12"),
        ("precision", "10/11"),  # the headline finds an optional item and counts; one extra
        ("type right", "8/9"),
        ("via right (named via)", "1/2"),  # Radio Kent right, Evening Standard wrong
        ("kind right", "8/9"),
        ("exceptions", 0),
    ],
)
def test_folder_totals(desk: evaluate.GoldSetReport, measure: str, expected) -> None:
    rows = {row[0]: row for row in desk.summary_rows()}
    assert (rows[measure][2] if isinstance(expected, str) else rows[measure][1]) == expected


@pytest.mark.parametrize(
    "article, expected",
    [
        ("ferry-fares", [6, "5/6", "2/2", "4/5", "4/6", "6/7", "4/5", "1/1", "5/5", ""]),
        ("library-hours", [6, "4/6", "2/3", "4/4", "4/6", "4/4", "4/4", "0/1", "3/4", ""]),
        ("total", [12, "9/12", "4/5", "8/9", "8/12", "10/11", "8/9", "1/2", "8/9", ""]),
    ],
)
def test_folder_rows(desk: evaluate.GoldSetReport, article: str, expected: list) -> None:
    rows = {row[0]: row[1:] for row in desk.rows()}
    assert rows[article] == expected
    assert len(desk.row_headers) == len(expected) + 1


def test_folder_json_has_the_same_figures(desk: evaluate.GoldSetReport) -> None:
    data = json.loads(json.dumps(desk.to_dict(details=True)))
    assert data["total"]["end_to_end"] == {"hit": 8, "total": 12, "value": 0.6667}
    assert [a["article"] for a in data["per_article"]] == ["ferry-fares", "library-hours"]
    assert data["per_article"][1]["via"]["total"] == 1
    assert len(data["slips"]) == len(desk.slips()) == 5


@pytest.mark.parametrize(
    "n, what, article, words, gold_speaker, system_speaker, mention, sentence",
    [
        (0, "miss", "ferry-fares", "the council would ask for a discount", "Jane Bellamy", None, None,
         "Councillor Jane Bellamy, who is not related to the chief executive, said the council would ask for a "
         "discount for residents."),
        (1, "miss", "library-hours", "they had not been consulted", "Staff at the library", None, None,
         "Staff at the library said they had not been consulted."),
        (2, "miss", "library-hours", "Nobody asked us", "one librarian", None, None,
         '"Nobody asked us," one librarian said.'),
        (3, "wrong speaker", "ferry-fares", "We have held prices for three years", "Mark Bellamy", "Jane Bellamy",
         "Jane Bellamy",
         '"We have held prices for three years and fuel has doubled," said chief executive Mark Bellamy.'),
        (4, "extra", "ferry-fares", "is not related to the chief executive", None, "Jane Bellamy", None,
         "Councillor Jane Bellamy, who is not related to the chief executive, said the council would ask for a "
         "discount for residents."),
    ],
)  # fmt: skip
def test_folder_slips(desk, n, what, article, words, gold_speaker, system_speaker, mention, sentence) -> None:
    slip = desk.slips()[n]
    assert (slip.what, slip.article, slip.words) == (what, article, words)
    assert (slip.gold_speaker, slip.system_speaker, slip.mention) == (gold_speaker, system_speaker, mention)
    assert slip.sentence == sentence


@pytest.mark.parametrize(
    "text, words, sentence",
    [
        ("Title line\nAnn said we win. Bo said no.", "we win", "Ann said we win."),
        ("Title line\nAnn said we win. Bo said no.", "Title", "Title line"),  # a line is a sentence
        ('He said: "Go now." Then he left.', "Go now.", 'He said: "Go now."'),  # closing mark kept
        ('"One. Two," she said. Next.', "One. Two,", '"One. Two," she said.'),  # words across a stop
        ("a " * 200 + "we win " + "b " * 200, "we win", None),  # longer than 160: a window, cut both sides
    ],
)
def test_sentence_around(text: str, words: str, sentence: str | None) -> None:
    start = text.index(words)
    found = sentence_around(text, start, start + len(words))
    if sentence is None:
        assert len(found) <= 162 and found.startswith("…") and found.endswith("…") and "we win" in found
    else:
        assert found == sentence


# ----------------------------------------------------------------------------- layouts and the CLI


@pytest.mark.parametrize(
    "gold, report",
    [
        (BRAT, evaluate.BratReport),  # PolNeAR layout, as before
        (DESK, evaluate.GoldSetReport),
        (GOLD, evaluate.GoldReport),
        (ROOT / "fixtures" / "conllu", GoldFormatError),  # neither layout
        (ROOT / "fixtures" / "nowhere", GoldFormatError),
    ],
)
def test_layout_is_detected(monkeypatch: pytest.MonkeyPatch, gold: Path, report: type) -> None:
    fake_analyzer(monkeypatch, lambda text, name: [])
    if issubclass(report, Exception):
        with pytest.raises(report, match="text/ and attributions/.*gold.json"):
            evaluate.evaluate_path(gold)
    else:
        assert isinstance(evaluate.evaluate_path(gold), report)


def test_article_is_refused_with_a_folder() -> None:
    with pytest.raises(InputError, match="--article"):
        evaluate.evaluate_path(DESK, article=DESK / "ferry-fares.txt")


@pytest.mark.parametrize(
    "options, present, absent",
    [
        ([], ["ferry-fares", "library-hours", "total", "end to end", "via right (named via)"], ["wrong speaker"]),
        (["--misses"], ["miss ", "wrong speaker", "extra ", "Staff at the library said they had not been consulted.",
                        "said chief executive Mark Bellamy."], []),
        (["--limit", "1"], ["ferry-fares"], ["library-hours"]),
    ],
)  # fmt: skip
def test_cli_folder_table(monkeypatch, capsys, options: list, present: list, absent: list) -> None:
    fake_analyzer(monkeypatch, _desk_system)
    assert main(["evaluate", "--gold", str(DESK), *options]) == 0
    out = capsys.readouterr().out
    assert all(p in out for p in present) and not any(a in out for a in absent)


@pytest.mark.parametrize("gold", [DESK, GOLD, BRAT])
def test_cli_misses_in_json(monkeypatch, capsys, gold: Path) -> None:
    fake_analyzer(monkeypatch, _desk_system if gold == DESK else lambda text, name: [])
    assert main(["evaluate", "--gold", str(gold), "--misses", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    if gold == BRAT:
        assert "misses" in data and "false_positives" in data
    else:
        assert {s["what"] for s in data["slips"]} <= {"miss", "wrong speaker", "extra"} and data["slips"]
        assert all(s["sentence"] and s["article"] for s in data["slips"])
    if gold == DESK:
        assert [s["what"] for s in data["slips"]] == ["miss"] * 3 + ["wrong speaker", "extra"]


@pytest.mark.parametrize(
    "name, body, problem",
    [
        ("broken", '{"article": "ferry-fares.txt",\n "attributions": [\n  {"kind": "direct",}\n]}', r":3: not JSON"),
        ("nocontent", '{"article": "ferry-fares.txt", "attributions": [{"kind": "direct"}]}',
         r":1: attribution 1: 'content' must be a non-empty string"),
        ("badkind", '{"article": "ferry-fares.txt", "attributions": [{"kind": "quote", "content": "We"}]}',
         r":1: attribution 1: 'kind' must be one of"),
        ("elsewhere", '{"article": "ferry-fares.txt", "attributions": [{"kind": "direct", "content": "Not here"}]}',
         r":1: attribution 1: 'Not here' is not in the article"),
        ("orphan", '{"article": "missing.txt", "attributions": []}', r": article 'missing.txt' not found"),
    ],
)  # fmt: skip
def test_a_malformed_gold_file_in_a_folder_is_one_line_and_exit_2(tmp_path, capsys, name, body, problem) -> None:
    for good in DESK.iterdir():
        shutil.copy(good, tmp_path / good.name)
    (tmp_path / f"{name}.gold.json").write_text(body, encoding="utf-8")
    assert main(["evaluate", "--gold", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert captured.out == "" and len(err.splitlines()) == 1
    assert err.startswith("quotes: ") and f"{name}.gold.json" in err
    assert re.search(problem, err)
