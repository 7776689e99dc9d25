"""quotes.config and `quotes check --config`: the desk's thresholds and accepted failures.

A bad file is one stderr line and exit 2, before any article is read; a failure the file
allows is reported as allowed and does not fail the run.
"""
from __future__ import annotations

import json

import pytest

from quotes import config
from quotes.check import Thresholds
from quotes.cli import main
from quotes.errors import ConfigError

# A desk's article: two anonymous sources, no named one, and a quote whose "He" points to nobody
# (no person has been quoted or named before it).
DESK = ('The council voted on Tuesday.\nHe added: "Nobody will stop us."\n'
        '"We will strike at dawn," a senior official said.\nOfficials said the plan was ready.\n')


@pytest.mark.parametrize("toml, thresholds, allow", [
    ("", (0.5, 1), []),
    ("max_anonymous_share = 0.25\nmin_named_sources = 3\n", (0.25, 3), []),
    ("max_anonymous_share = 1\n", (1.0, 1), []),  # an integer share is a number too
    ("min_named_sources = 0\n", (0.5, 0), []),
    ('[[allow]]\narticle = "a.txt"\nrule = "anonymous-share"\n', (0.5, 1), [("a.txt", "anonymous-share", None)]),
    ('[[allow]]\narticle = "x/b.txt"\nrule = "too-few-named-sources"\nnote = "agreed"\n'
     '[[allow]]\narticle = "c.txt"\nrule = "unattributed-direct-quote"\n', (0.5, 1),
     [("x/b.txt", "too-few-named-sources", "agreed"), ("c.txt", "unattributed-direct-quote", None)]),
])
def test_a_good_file(tmp_path, toml, thresholds, allow):
    path = tmp_path / "quotes.toml"
    path.write_text(toml, encoding="utf-8")
    loaded = config.load(path)
    assert loaded.thresholds() == Thresholds(*thresholds)
    assert [(a.article, a.rule, a.note) for a in loaded.allow] == allow


@pytest.mark.parametrize("toml, message", [
    ("max_anon_share = 0.4\n", "unknown key 'max_anon_share'; the keys are: max_anonymous_share, min_named_sources, allow"),
    ("max_anonymous_share = 1.5\n", "max_anonymous_share must be a number from 0 to 1, not 1.5"),
    ("max_anonymous_share = -0.1\n", "max_anonymous_share must be a number from 0 to 1"),
    ('max_anonymous_share = "half"\n', "max_anonymous_share must be a number from 0 to 1, not 'half'"),
    ("max_anonymous_share = nan\n", "max_anonymous_share must be a number from 0 to 1"),
    ("max_anonymous_share = true\n", "max_anonymous_share must be a number"),
    ("min_named_sources = 1.5\n", "min_named_sources must be a whole number, 0 or more, not 1.5"),
    ("min_named_sources = -1\n", "min_named_sources must be a whole number"),
    ("min_named_sources = false\n", "min_named_sources must be a whole number"),
    ('allow = "a.txt"\n', "allow must be a list of tables"),
    ('[[allow]]\narticle = "a.txt"\n', "allow entry 1: rule is missing"),
    ('[[allow]]\nrule = "anonymous-share"\n', "allow entry 1: article is missing"),
    ('[[allow]]\narticle = "a.txt"\nrule = "anon-share"\n',
     "allow entry 1: unknown rule 'anon-share'; the rules are: unattributed-direct-quote, anonymous-share, too-few-named-sources"),
    ('[[allow]]\narticle = "a.txt"\nrule = "named-sources"\n', "unknown rule 'named-sources'"),  # the old id
    ('[[allow]]\narticle = 3\nrule = "anonymous-share"\n', "allow entry 1: article must be a non-empty string, not 3"),
    ('[[allow]]\narticle = ""\nrule = "anonymous-share"\n', "article must be a non-empty string"),
    ('[[allow]]\narticle = "a"\nrule = "anonymous-share"\n[[allow]]\narticle = "b"\nrule = "anonymous-share"\nwhy = "x"\n',
     "allow entry 2: unknown key 'why'; the keys are: article, rule, note"),
    ("max_anonymous_share = \n", "not valid TOML"),
    ("[thresholds]\nmax_anonymous_share = 0.4\n", "unknown key 'thresholds'"),
])
def test_a_bad_file_names_the_key(tmp_path, toml, message):
    path = tmp_path / "quotes.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        config.load(path)
    assert str(error.value).startswith(f"{path}: ") and message in str(error.value)


@pytest.mark.parametrize("make, message", [
    (lambda tmp: tmp / "missing.toml", "no such file"),
    (lambda tmp: tmp, "is a folder"),
    (lambda tmp: [(tmp / "b.toml").write_bytes(b"x = '\xff'\n"), tmp / "b.toml"][1], "not valid UTF-8 at byte 5"),
])
def test_a_file_that_cannot_be_read(tmp_path, make, message):
    with pytest.raises(ConfigError, match=message):
        config.load(make(tmp_path))


@pytest.mark.parametrize("flags, file, expected", [
    ((None, None), {}, (0.5, 1)),
    ((None, None), {"max_anonymous_share": 0.2, "min_named_sources": 4}, (0.2, 4)),
    ((0.7, None), {"max_anonymous_share": 0.2, "min_named_sources": 4}, (0.7, 4)),  # the command line wins
    ((0.0, 0), {"max_anonymous_share": 0.2, "min_named_sources": 4}, (0.0, 0)),  # zero is a value, not "unset"
])
def test_command_line_overrides_the_file(flags, file, expected):
    assert config.parse(file).thresholds(*flags) == Thresholds(*expected)


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.txt").write_text(DESK, encoding="utf-8")
    return tmp_path


ALL_RULES = ["unattributed-direct-quote", "anonymous-share", "too-few-named-sources"]


@pytest.mark.parametrize("toml, code, failing, allowed", [
    ("", 1, ALL_RULES, []),
    # allowing one rule for this article leaves the others failing
    ('[[allow]]\narticle = "a.txt"\nrule = "anonymous-share"\n', 1,
     ["unattributed-direct-quote", "too-few-named-sources"], ["anonymous-share"]),
    # allowing all three passes the run, and says what was allowed
    ("".join(f'[[allow]]\narticle = "a.txt"\nrule = "{r}"\n' for r in ALL_RULES), 0, [], ALL_RULES),
    # thresholds from the file: anonymous sources are fine on this desk
    ('max_anonymous_share = 1.0\nmin_named_sources = 0\n', 1, ["unattributed-direct-quote"], []),
    # negative: an entry names the article as check does ("a.txt" inside the folder given), not another way
    ('[[allow]]\narticle = "desk/a.txt"\nrule = "anonymous-share"\n', 1, ALL_RULES, []),
    ('[[allow]]\narticle = "b.txt"\nrule = "anonymous-share"\n', 1, ALL_RULES, []),
])
def test_check_with_a_config(desk, capsys, toml, code, failing, allowed):
    (desk / "quotes.toml").write_text(toml, encoding="utf-8")
    assert main(["check", "desk", "--config", "quotes.toml", "--format", "json"]) == code
    data = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in data["failures"]] == failing
    assert [a["rule"] for a in data["allowed"]] == allowed
    assert data["passed"] is (code == 0)


def test_allowed_failures_are_said_in_text(desk, capsys):
    (desk / "quotes.toml").write_text('[[allow]]\narticle = "a.txt"\nrule = "anonymous-share"\nnote = "agreed"\n',
                                      encoding="utf-8")
    main(["check", "desk", "--config", "quotes.toml", "--min-named-sources", "0"])
    out = capsys.readouterr().out.splitlines()
    assert out[-2].startswith("allowed a.txt: anonymous-share: 2 of 2 sources are anonymous") and out[-2].endswith("(allowed: agreed)")
    assert out[-1] == "1 failure in 1 of 1 article; 1 failure allowed"


@pytest.mark.parametrize("toml", ["max_anonymous_share = 2\n", "bogus = 1\n", "[[allow]]\n"])
def test_a_bad_config_is_one_line_and_exit_2_before_any_article(desk, capsys, toml):
    (desk / "quotes.toml").write_text(toml, encoding="utf-8")
    assert main(["check", "missing-article.txt", "--config", "quotes.toml"]) == 2
    out, err = capsys.readouterr()
    assert not out and len(err.splitlines()) == 1 and err.startswith("quotes: quotes.toml: ")
