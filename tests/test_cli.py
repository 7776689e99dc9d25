"""The command line: formats, exit codes and one-line errors."""
import json

import pytest

from quotes.cli import main
from quotes.render import CONTRACT_FIELDS

from .conftest import ROOT

SEED = str(ROOT / "seeds" / "north-korea-kursk.txt")


def not_a_terminal(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)

    def no_terminal(fd=1):
        raise OSError("not a terminal")

    monkeypatch.setattr("os.get_terminal_size", no_terminal)


def test_table_is_the_default_and_fits_80_columns(capsys, monkeypatch):
    not_a_terminal(monkeypatch)
    assert main(["analyze", SEED]) == 0
    out = capsys.readouterr().out
    assert "Dmitry Peskov" in out and "Kim Jong Un" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_jsonl_has_the_contract_on_every_line(capsys):
    assert main(["analyze", SEED, "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= 22
    text = open(SEED, encoding="utf-8").read()
    for n, line in enumerate(lines):
        row = json.loads(line)
        assert tuple(row)[: len(CONTRACT_FIELDS)] == CONTRACT_FIELDS
        assert row["article"] == SEED and row["index"] == n  # a file is named by its path as given
        assert text[row["start"] : row["end"]] == row["text"]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_other_formats(capsys, fmt):
    assert main(["analyze", SEED, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Dmitry Peskov" in out


def test_stdin_is_named_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("“Yes,” she said.".encode())))
    assert main(["analyze", "-", "--format", "jsonl"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["article"] == "stdin" and row["text"] == "Yes"


@pytest.mark.parametrize("args", [["analyze", "missing.txt"], ["analyze", str(ROOT / "tests")]])
def test_input_errors_are_one_line_and_exit_2(capsys, args):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("quotes: ")


def test_bom_is_not_part_of_the_text(tmp_path, capsys):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff“Yes,” she said.\r\nMore text.".encode("utf-8"))
    assert main(["analyze", str(path), "--format", "jsonl"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert (row["start"], row["text"]) == (1, "Yes")


def test_stanza_without_models_fails_at_once_with_one_line(tmp_path, monkeypatch, capsys):
    pytest.importorskip("stanza")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert main(["analyze", "--engine", "stanza", SEED]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "quotes models download" in err


def test_stanza_not_installed_names_the_extra(monkeypatch, capsys):
    from quotes.engines import get_engine

    stanza_engine = pytest.importorskip("quotes.engines.stanza")
    monkeypatch.setattr(stanza_engine, "is_available", False)
    get_engine.cache_clear()
    try:
        assert main(["analyze", "--engine", "stanza", SEED]) == 2
    finally:
        get_engine.cache_clear()
    assert "pip install 'quotes[stanza]'" in capsys.readouterr().err


def test_evaluate_scores_the_seed_gold(capsys):
    gold = str(ROOT / "fixtures" / "seed" / "north-korea-kursk.gold.json")
    assert main(["evaluate", "--gold", gold, "--article", SEED, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["required_found"]["hit"] == report["required_found"]["total"] == 22


def test_an_output_that_cannot_carry_the_text_is_one_line_and_exit_2(capsys, monkeypatch):
    import io

    ascii_out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr("sys.stdout", ascii_out)
    assert main(["analyze", SEED, "--format", "jsonl"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "PYTHONIOENCODING=utf-8" in err


def widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


@pytest.mark.parametrize("command", ["analyze", "report"])
@pytest.mark.parametrize("width, at_least", [(72, 62), (80, 70), (132, 100)])
def test_width_sets_the_tables_width(capsys, monkeypatch, command, width, at_least):
    not_a_terminal(monkeypatch)
    assert main([command, SEED, "--width", str(width)]) == 0
    out = capsys.readouterr().out
    assert at_least <= widest(out) <= width  # takes the room it is given, and no more


@pytest.mark.parametrize("terminal, columns_env, expected", [
    (None, None, 80),  # not a terminal: 80
    (120, None, 120),  # a terminal: its width
    (None, "100", 100),  # $COLUMNS says so, as for any program that honours it
    (None, "12", 40),  # too narrow a terminal: the narrowest we lay out
])
def test_default_width_is_the_terminals(capsys, monkeypatch, terminal, columns_env, expected):
    import os

    not_a_terminal(monkeypatch)
    if terminal:
        monkeypatch.setattr("os.get_terminal_size", lambda fd=1: os.terminal_size((terminal, 40)))
    if columns_env:
        monkeypatch.setenv("COLUMNS", columns_env)
    assert main(["report", SEED]) == 0
    default = capsys.readouterr().out
    assert main(["report", SEED, "--width", str(expected)]) == 0
    assert default == capsys.readouterr().out


@pytest.mark.parametrize("terminal, args, expected", [
    (120, [], 120),
    (120, ["-o", "{out}"], 80),  # a file outlives the terminal it was written from
    (120, ["-o", "{out}", "--width", "100"], 100),
])
def test_a_file_gets_80_columns_unless_told(tmp_path, capsys, monkeypatch, terminal, args, expected):
    import os

    not_a_terminal(monkeypatch)
    monkeypatch.setattr("os.get_terminal_size", lambda fd=1: os.terminal_size((terminal, 40)))
    out = tmp_path / "out.txt"
    assert main(["report", SEED, *(a.format(out=out) for a in args)]) == 0
    written = out.read_text(encoding="utf-8") if "-o" in args else capsys.readouterr().out
    assert main(["report", SEED, "--width", str(expected)]) == 0
    assert written == capsys.readouterr().out


@pytest.mark.parametrize("value", ["0", "39", "wide", "-80"])
def test_width_must_be_a_number_of_40_or_more(capsys, value):
    with pytest.raises(SystemExit) as stop:
        main(["report", SEED, "--width", value])
    assert stop.value.code == 2 and "--width" in capsys.readouterr().err


# ------------------------------------------------------------------ help and examples

import argparse  # noqa: E402
import shlex  # noqa: E402

from quotes.cli import build_parser  # noqa: E402


def commands(parser: argparse.ArgumentParser, name: str = "quotes"):
    """(name, parser) for the program and every subcommand, however deep."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub, subparser in action.choices.items():
                yield from commands(subparser, f"{name} {sub}")


def without_help(parser: argparse.ArgumentParser) -> list[str]:
    return [action.dest for action in parser._actions if not action.help or action.help == argparse.SUPPRESS]


def examples(parser: argparse.ArgumentParser) -> list[str]:
    """The example lines that end the command's --help."""
    text = parser.format_help().rstrip("\n")
    if "\nexamples:\n" not in text:
        return []
    tail = text.rsplit("\nexamples:\n", 1)[1].splitlines()
    return [line.strip() for line in tail] if all(line.startswith("  quotes ") for line in tail) else []


COMMANDS = dict(commands(build_parser()))


def test_every_command_is_listed():
    assert {"quotes analyze", "quotes report", "quotes check", "quotes batch", "quotes evaluate",
            "quotes models download"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_has_help(name):
    assert without_help(COMMANDS[name]) == []


@pytest.mark.parametrize("name", COMMANDS)
def test_every_help_ends_with_two_or_three_examples_that_parse(name, capsys):
    lines = examples(COMMANDS[name])
    assert 2 <= len(lines) <= 3
    for line in lines:
        words = shlex.split(line.split(" < ")[0])[1:]  # no shell redirection; no program name
        try:
            build_parser().parse_args(words)
        except SystemExit as stop:  # only --help may stop, and it stops with 0
            assert stop.code == 0, line


def toy(*, option_help: str | None, epilog: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotes toy", epilog=epilog,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--format", help=option_help)
    return parser


@pytest.mark.parametrize("parser, missing, found", [
    (toy(option_help="how to print", epilog="examples:\n  quotes toy\n  quotes toy --format x"), [], 2),
    (toy(option_help=None, epilog="examples:\n  quotes toy\n  quotes toy --format x"), ["format"], 2),
    (toy(option_help=argparse.SUPPRESS, epilog=None), ["format"], 0),
    (toy(option_help="x", epilog="examples:\n  quotes toy\nthen something else"), [], 0),  # not at the end
])
def test_the_help_checks_catch_what_they_should(parser, missing, found):
    assert without_help(parser) == missing and len(examples(parser)) == found


# ------------------------------------------------------------------ -o/--output

GOLD = str(ROOT / "fixtures" / "seed" / "north-korea-kursk.gold.json")


@pytest.mark.parametrize("args, code", [
    (["analyze", SEED], 0),
    (["analyze", SEED, "--format", "jsonl"], 0),
    (["analyze", SEED, "--format", "html"], 0),
    (["report", SEED, "--format", "csv"], 0),
    (["check", SEED], 0),
    (["check", SEED, "--min-named-sources", "99", "--format", "json"], 1),  # a failed check still writes
    (["evaluate", "--gold", GOLD, "--article", SEED], 0),
])
def test_output_writes_to_the_file_what_would_be_printed(tmp_path, capsys, monkeypatch, args, code):
    not_a_terminal(monkeypatch)
    assert main(args) == code
    printed = capsys.readouterr().out
    target = tmp_path / "out"
    target.write_text("old content that must go", encoding="utf-8")
    assert main([*args, "-o", str(target)]) == code
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert target.read_bytes().decode("utf-8") == printed  # byte for byte: CSV keeps its \r\n


@pytest.mark.parametrize("where, reason", [
    ("{tmp}/no-such-folder/out.txt", "No such file or directory"),
    ("{tmp}", "Is a directory"),
    ("/dev/full", "No space left on device"),  # opens, then cannot write
])
@pytest.mark.parametrize("command", [["analyze", SEED], ["report", SEED], ["check", SEED],
                                     ["evaluate", "--gold", GOLD, "--article", SEED]])
def test_an_unwritable_output_is_one_line_and_exit_2(tmp_path, capsys, where, reason, command):
    path = where.format(tmp=tmp_path)
    assert main([*command, "--output", path]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [f"quotes: {path}: cannot write: {reason}"]
