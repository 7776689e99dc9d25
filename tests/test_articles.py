"""quotes.articles: which files a PATH stands for, and what each article is called.

A file is named by its path as given; a file found in a folder by its path relative to that
folder, so business/001.txt and sport/001.txt stay apart. Folders are read recursively, in
sorted order, and one stderr line says how many files were read.
"""
from __future__ import annotations

import io
import json
import os

import pytest

from quotes.articles import read_articles
from quotes.cli import main
from quotes.errors import InputError

QUOTE = '"We will win," Jane Roe said.\n'


def _tree(root, files):
    for name in files:
        path = root.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(QUOTE, encoding="utf-8")


@pytest.mark.parametrize("files, names", [
    (["b.txt", "a.txt"], ["a.txt", "b.txt"]),
    # a folder of folders: the path inside the folder tells same-named files apart
    (["sport/001.txt", "business/001.txt", "top.txt"], ["business/001.txt", "sport/001.txt", "top.txt"]),
    (["a/b.txt", "a/b/c.txt", "a/a.txt"], ["a/a.txt", "a/b/c.txt", "a/b.txt"]),  # sorted by path parts
    # not articles: other extensions, hidden files and hidden folders
    (["x.txt", "notes.md", ".hidden.txt", ".git/y.txt", "txt"], ["x.txt"]),
])
def test_a_folder_is_read_recursively_in_sorted_order(tmp_path, files, names):
    _tree(tmp_path / "in", files)
    said = []
    folder = str(tmp_path / "in")
    articles = list(read_articles([folder], warn=said.append))
    assert [a.name for a in articles] == names
    assert [a.source for a in articles] == [os.path.join(folder, *n.split("/")) for n in names]
    assert said == [f"read {len(names)} file{'s' if len(names) > 1 else ''} from {folder}"]


@pytest.mark.parametrize("files", [[], ["notes.md"], [".hidden/a.txt"]])
def test_a_folder_without_txt_files_is_an_error(tmp_path, files):
    _tree(tmp_path / "in", files)
    (tmp_path / "in").mkdir(exist_ok=True)
    with pytest.raises(InputError, match="no .txt files in this folder or its subfolders"):
        list(read_articles([str(tmp_path / "in")]))


@pytest.mark.parametrize("given, name", [
    ("one.txt", "one.txt"),  # a file: its path as given
    ("./sub/../one.txt", "./sub/../one.txt"),  # as given, not tidied
    ("-", "stdin"),
])
def test_a_file_is_named_by_its_path_as_given(tmp_path, monkeypatch, given, name):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, ["one.txt", "sub/keep.txt"])
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(QUOTE.encode())))
    said = []
    assert [a.name for a in read_articles([given], warn=said.append)] == [name]
    assert said == []  # the count line is for folders only


@pytest.mark.parametrize("paths, warned", [
    (["in/a/x.txt", "in/b/x.txt"], False),
    (["in/a", "in/b"], True),  # both folders hold an x.txt
    (["in/a/x.txt", "in/a/x.txt"], True),
])
def test_two_inputs_with_one_name_are_said(tmp_path, monkeypatch, paths, warned):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path / "in", ["a/x.txt", "b/x.txt"])
    said = []
    list(read_articles(paths, warn=said.append))
    assert any("two inputs are named 'x.txt'" in s or "two inputs are named 'in/a/x.txt'" in s for s in said) is warned


@pytest.mark.parametrize("command", [["analyze", "--format", "jsonl"], ["report", "--format", "json"],
                                     ["check", "--format", "json", "--min-named-sources", "2"]])
def test_every_command_names_articles_by_path(tmp_path, capsys, command):
    _tree(tmp_path / "bbc", ["sport/001.txt", "business/001.txt"])
    main([*command, str(tmp_path / "bbc")])
    out, err = capsys.readouterr()
    assert err == f"quotes: read 2 files from {tmp_path / 'bbc'}\n"
    if command[0] == "analyze":
        names = [json.loads(line)["article"] for line in out.splitlines()]
    elif command[0] == "report":
        names = [r["article"] for r in json.loads(out)["articles"]]
    else:
        names = [f["article"] for f in json.loads(out)["failures"]]
    assert names == ["business/001.txt", "sport/001.txt"]
