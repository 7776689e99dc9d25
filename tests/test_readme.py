"""The README shows what the tool prints: its example outputs are regenerated from the tool."""
from __future__ import annotations

import re
import shlex

import pytest

from quotes.cli import build_parser, main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def block_after(sentence: str) -> str:
    """The first ```text block after ``sentence`` in the README."""
    at = README.index(sentence)
    return re.search(r"```text\n(.*?)```", README[at:], re.S).group(1)


@pytest.mark.parametrize("sentence, args", [
    ("`quotes analyze seeds/north-korea-kursk.txt` in an 80-column terminal",
     ["analyze", "seeds/north-korea-kursk.txt", "--width", "80"]),
    ("`quotes report seeds/north-korea-kursk.txt` prints every name on one line",
     ["report", "seeds/north-korea-kursk.txt", "--width", "110"]),
])
def test_shown_output_is_what_the_tool_prints(capsys, monkeypatch, sentence, args):
    monkeypatch.chdir(ROOT)
    assert main(args) == 0
    printed = capsys.readouterr().out
    shown = block_after(sentence)
    if "\n...\n" in shown:  # the middle is cut: what is shown starts and ends the same
        head, tail = shown.split("\n...\n")
        assert printed.startswith(head + "\n") and printed.endswith(tail)
        assert len(printed) > len(shown)
    else:
        assert printed == shown


def synopsis() -> list[str]:
    at = README.index("## Commands")
    return re.search(r"```sh\n(.*?)```", README[at:], re.S).group(1).splitlines()


@pytest.mark.parametrize("line", synopsis())
def test_every_option_in_the_synopsis_exists(line):
    words = shlex.split(line)[1:]
    command = [w for w in words[:2] if not w.startswith("-") and w.isalpha() and w.islower() and w != "PATH..."]
    parser = build_parser()
    for name in command:
        parser = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction").choices[name]
    known = {option for action in parser._actions for option in action.option_strings}
    for option in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", line):
        assert option in known, (line, option)
