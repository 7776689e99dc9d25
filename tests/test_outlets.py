"""The whole analyzer on the project's own articles in other outlets' house styles.

fixtures/gold/outlets/ holds eight invented articles written the way different newsrooms write:
a wire story (dateline, "Reporting by" line), an agency story (dateline, "contributed to this
report"), a broadsheet feature (present-tense "says", a headline), a court report, a match report,
a science story, a magazine Q&A interview (unquoted "Q:"/"A:" paragraphs) and a broadcast
transcript ("HARLAN: ...", "GOV. ADA BRILL (D): ..."). Each is annotated by hand with the guide
the BBC development set follows.

The figures on them are not the point: eight articles are too few. The slips are. Every miss, wrong
speaker and extra the analyzer makes on them is pinned in ``slips.json``, so a change that fixes
one shows up in review as a line taken out of that file, and a change that adds one fails here.
After a change that fixes slips, write the file again with

    python -m quotes evaluate --gold fixtures/gold/outlets --misses --format json \\
        | python tests/test_outlets.py > fixtures/gold/outlets/slips.json
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from quotes.cli import main
from quotes.evaluate.goldfile import locate_content, read_gold_file

OUTLETS = Path(__file__).resolve().parents[1] / "fixtures" / "gold" / "outlets"
SLIP_FIELDS = ("what", "article", "kind", "words", "gold_speaker", "system_speaker")


def slips_of(report: dict) -> list[dict]:
    """The slips of an ``evaluate --misses --format json`` report, without the offsets and
    sentences (which a fixed typo in an article would move, without any change of behaviour)."""
    return [{field: slip[field] for field in SLIP_FIELDS} for slip in report["slips"]]


@pytest.mark.parametrize("gold", sorted(OUTLETS.glob("*.gold.json")), ids=lambda p: p.name.split(".")[0])
def test_every_gold_item_is_in_its_article(gold: Path) -> None:
    text = gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    _, items = read_gold_file(gold)
    assert items
    for item in items:
        assert locate_content(text, item.content) is not None, item.content


def test_the_slips_on_other_outlets_copy_are_the_pinned_ones(capsys) -> None:
    assert main(["evaluate", "--gold", str(OUTLETS), "--misses", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == 8
    assert report["exceptions"] == []
    pinned = json.loads((OUTLETS / "slips.json").read_text(encoding="utf-8"))
    assert slips_of(report) == pinned


if __name__ == "__main__":  # write slips.json from a report on stdin (see the docstring)
    json.dump(slips_of(json.load(sys.stdin)), sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
