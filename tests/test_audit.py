"""quotes audit: periods, reading batch CSVs by header name, the counts (recomputed here from the
attributions CSV by other code), the formats and the command line.

fixtures/audit/stories.csv is invented: three outlets, an empty
outlet, dates in four forms and one that is no date, an empty text (an error row), an article
with no attributions and one with an unattributed quote. fixtures/audit/attributions.csv and
summary.csv are what ``quotes batch stories.csv --text-column text --id-column id`` wrote, with
the outlet and date columns added after ``article`` (as ``batch --keep outlet,date`` writes them).
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import random
import re
import tracemalloc
from collections import Counter, defaultdict

import pytest

from quotes import audit
from quotes.audit import render as audit_render
from quotes.audit.read import cell
from quotes.cli import main

from .conftest import ROOT

FIXTURES = ROOT / "fixtures" / "audit"
STORIES = FIXTURES / "stories.csv"
# Each story's month, read by eye from stories.csv (not by the code under test).
MONTHS = {"p1": "2026-10", "p2": "2026-10", "p3": "2026-11", "p4": "2026-11", "v1": "2026-10", "v2": "2026-11",
          "v3": "unknown", "v4": "2026-11", "n1": "2026-11", "x1": "2026-10", "v5": "2026-11"}


# ------------------------------------------------------------------ dates and periods

@pytest.mark.parametrize("value, month, week, year", [
    ("2026-11-29", "2026-11", "2026-W48", "2026"),
    ("2026-11-29T10:00:00Z", "2026-11", "2026-W48", "2026"),
    ("2026-11-30T23:30:00-05:00", "2026-11", "2026-W49", "2026"),  # the date as written, not in UTC
    ("2026/11/29 10:00", "2026-11", "2026-W48", "2026"),
    ("29 November 2026", "2026-11", "2026-W48", "2026"),
    ("29 Nov. 2026", "2026-11", "2026-W48", "2026"),
    ("November 29, 2026", "2026-11", "2026-W48", "2026"),
    ("Sun, 29 Nov 2026 10:00:00 +0000", "2026-11", "2026-W48", "2026"),
    ("Thursday 1st January 2026", "2026-01", "2026-W01", "2026"),
    ("2027-01-01", "2027-01", "2026-W53", "2027"),  # an ISO week that straddles New Year
    ("  2026-02-01 ", "2026-02", "2026-W05", "2026"),
    # not dates this reads: all go to unknown, never dropped
    ("03/04/2026", "unknown", "unknown", "unknown"),  # March or April?
    ("2026-02-30", "unknown", "unknown", "unknown"),
    ("29 Novembre 2026", "unknown", "unknown", "unknown"),
    ("last week", "unknown", "unknown", "unknown"),
    ("", "unknown", "unknown", "unknown"),
    ("20261129", "unknown", "unknown", "unknown"),
    ("29 Nov 26", "unknown", "unknown", "unknown"),
])
def test_a_date_goes_to_its_period_or_to_unknown(value, month, week, year):
    assert [audit.period_of(value, p) for p in ("month", "week", "year")] == [month, week, year]


@pytest.mark.parametrize("value, expected", [
    ("'=HYPERLINK(1)", "=HYPERLINK(1)"),  # what batch writes for a cell that begins like a formula
    ("'-12", "-12"),
    ("'@desk", "@desk"),
    ("'Abdullah", "'Abdullah"),  # an apostrophe before a letter is the name's own
    ("'", "'"),
    ("Harbour Post", "Harbour Post"),
])
def test_a_spreadsheet_safe_cell_is_read_as_it_was_meant(value, expected):
    assert cell(value) == expected


# ------------------------------------------------------------------ the numbers, recomputed

def write_csv(path, rows: list[dict], fields=None) -> str:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields or list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory):
    """The batch over the stories, with outlet and date carried by ``--keep``, as a user runs it."""
    where = tmp_path_factory.mktemp("audit")
    a, s = where / "a.csv", where / "s.csv"
    assert main(["batch", str(STORIES), "--text-column", "text", "--id-column", "id", "--keep", "outlet,date",
                 "--attributions", str(a), "--summary", str(s), "--quiet"]) == 0
    attributions, summary = read_csv(a), read_csv(s)
    assert list(attributions[0])[:3] == ["article", "outlet", "date"]
    return str(a), str(s), attributions, summary


def recount(attributions: list[dict], summary: list[dict] | None) -> dict:
    """The audit's numbers per (outlet, month), counted the plain way: sets and counters over
    the rows, months from MONTHS."""
    def keys(outlet, article):
        return [(outlet or "(none)", MONTHS[article]), (outlet or "(none)", "(all)"), ("(total)", "(all)")]

    cells: dict = defaultdict(lambda: {"articles": set(), "errors": 0, "attributions": 0, "unattributed": 0,
                                       "kind": Counter(), "sources": {}})
    for row in summary or ():
        for key in keys(row["outlet"], row["article"]):
            if row["error"]:
                cells[key]["errors"] += 1
            else:
                cells[key]["articles"].add(row["article"])
    for row in attributions:
        for key in keys(row["outlet"], row["article"]):
            c = cells[key]
            c["articles"].add(row["article"])
            c["attributions"] += 1
            c["kind"][row["kind"]] += 1
            if not row["speaker"]:
                c["unattributed"] += 1
            else:
                c["sources"].setdefault((row["article"], row["speaker"], row["speaker_type"], row["named"]),
                                        row["gender"])
    out = {}
    for key, c in cells.items():
        sources = c["sources"]
        persons = [g for (_, _, t, _), g in sources.items() if t == "person"]
        out[key] = {
            "articles": len(c["articles"]), "errors": c["errors"], "attributions": c["attributions"],
            "unattributed": c["unattributed"], "sources": len(sources),
            "kind": {k: c["kind"][k] for k in ("direct", "partial", "indirect")},
            "named": {"named": sum(n == "True" for *_, n in sources), "anonymous": sum(n == "False" for *_, n in sources)},
            "type": {t: sum(st == t for _, _, st, _ in sources) for t in ("person", "organization", "media", "group", "unknown")},
            "gender": {"female": persons.count("female"), "male": persons.count("male"),
                       "unknown": sum(g not in ("female", "male") for g in persons)},
        }
    return out


def audited(attributions_path, summary_path=None) -> dict:
    args = ["audit", attributions_path, "--by", "outlet", "--period", "month", "--date-column", "date",
            "--format", "json", "--quiet"]
    if summary_path:
        args += ["--summary", summary_path]
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(args) == 0
    cells = {}
    for c in json.loads(buffer.getvalue())["cells"]:
        key = (c["group"]["outlet"] if c["group"] else "(total)", c["period"])
        cells[key] = {k: c[k] for k in ("articles", "errors", "attributions", "unattributed", "sources")}
        cells[key].update({t: c[t]["counts"] for t in ("kind", "named", "type", "gender")})
    return cells


@pytest.mark.parametrize("with_summary", [True, False])
def test_audit_by_outlet_and_month_matches_a_plain_recount_of_the_attributions(batch_run, with_summary):
    a, s, attributions, summary = batch_run
    expected = recount(attributions, summary if with_summary else None)
    assert audited(a, s if with_summary else None) == expected


def test_the_recount_sees_what_the_stories_hold(batch_run):
    """The recount is not vacuous: the stories give an unknown month, a (none) outlet, an error,
    an article with no attributions, an unattributed quote and women, men and unknowns."""
    *_, attributions, summary = batch_run
    counted = recount(attributions, summary)
    assert ("Valley Courier", "unknown") in counted and ("(none)", "2026-11") in counted
    total = counted["(total)", "(all)"]
    assert total["errors"] == 1 and total["unattributed"] >= 1
    assert total["articles"] == 10 and recount(attributions, None)["(total)", "(all)"]["articles"] == 9
    assert all(total["gender"].values()) and total["named"]["anonymous"] > 0


def test_the_shares_are_the_counts_over_their_whole(batch_run):
    a, s, *_ = batch_run
    result = audit.audit_file(a, summary_path=s, by=["outlet"], period="month", date_column="date")
    for c in result.cells:
        for b in audit_render.breakdowns(c):
            assert sum(n for _, n in b.parts) == b.whole
            shares = [audit_render.share(n, b.whole) for _, n in b.parts]
            assert shares == [None] * len(shares) if not b.whole else abs(sum(shares) - 1) < 0.01


# ------------------------------------------------------------------ hand-made CSVs

HEADER = ["article", "index", "kind", "speaker", "speaker_type", "named", "gender", "outlet"]


def rows_csv(tmp_path, rows: list[tuple], header=HEADER, name="a.csv") -> str:
    path = tmp_path / name
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def top_of(result, group: str) -> list[tuple[str, int, int]]:
    cell_ = next(c for c in result.cells if c.group == (group,))
    return [(s.name, s.attributions, s.articles) for s in cell_.top]


@pytest.mark.parametrize("rows, expected", [
    # one person's forms across articles join under the one full name
    ([("1", 0, "direct", "Tony Blair", "person", "True", "male", "X"),
      ("2", 0, "direct", "Mr Blair", "person", "True", "male", "X"),
      ("3", 0, "indirect", "Blair", "person", "True", "", "X"),
      ("3", 1, "indirect", "officials", "group", "False", "", "X")],
     [("Tony Blair", 3, 3), ("officials", 1, 1)]),
    # two full names for a surname: the short form stays apart
    ([("1", 0, "direct", "Tony Blair", "person", "True", "male", "X"),
      ("2", 0, "direct", "Cherie Blair", "person", "True", "female", "X"),
      ("3", 0, "direct", "Blair", "person", "True", "", "X")],
     [("Blair", 1, 1), ("Cherie Blair", 1, 1), ("Tony Blair", 1, 1)]),
    # an unnamed group is joined by its words, and a name of another type is not a person's form
    ([("1", 0, "direct", "officials", "group", "False", "", "X"),
      ("1", 1, "direct", "officials", "group", "False", "", "X"),
      ("2", 0, "direct", "officials", "group", "False", "", "X"),
      ("2", 1, "direct", "Acme Blair", "organization", "True", "", "X"),
      ("2", 2, "direct", "Blair", "organization", "True", "", "X")],
     [("officials", 3, 2), ("Acme Blair", 1, 1), ("Blair", 1, 1)]),
])
def test_most_quoted_joins_a_persons_forms_across_articles(tmp_path, rows, expected):
    result = audit.audit_file(rows_csv(tmp_path, rows), by=["outlet"])
    assert top_of(result, "X") == expected


def test_columns_are_read_by_name_in_any_order_and_extra_columns_are_ignored(tmp_path):
    rows = [("1", 0, "direct", "Ann Lee", "person", "True", "female", "X"),
            ("1", 1, "partial", "", "unknown", "False", "", "X"),
            ("2", 0, "indirect", "police", "group", "False", "", "Y")]
    plain = audit_render.to_json(audit.audit_file(rows_csv(tmp_path, rows), by=["outlet"]))
    order = [7, 5, 0, 3, 2, 6, 1, 4]
    shuffled = rows_csv(tmp_path, [tuple(r[i] for i in order) + ("extra",) for r in rows],
                        header=[HEADER[i] for i in order] + ["desk"], name="b.csv")
    assert audit_render.to_json(audit.audit_file(shuffled, by=["outlet"])) == plain


@pytest.mark.parametrize("rows, message", [
    ([("1", 0, "quoted", "Ann Lee", "person", "True", "", "X")], "line 2: kind 'quoted' is not one of"),
    ([("1", 0, "direct", "Ann Lee", "robot", "True", "", "X")], "line 2: speaker_type 'robot' is not one of"),
    ([("1", 0, "direct", "Ann Lee", "person", "maybe", "", "X")], "line 2: named 'maybe' is not True or False"),
    ([("1", 0, "direct", "Ann Lee", "person", "True", "", "X"), ("2", 0, "direct", "Bo", "person", "True", "", "X"),
      ("1", 1, "direct", "Ann Lee", "person", "True", "", "X")], "line 4: the attributions of article '1' are not together"),
])
def test_a_row_the_audit_cannot_count_is_one_line_and_exit_2(tmp_path, capsys, rows, message):
    assert main(["audit", rows_csv(tmp_path, rows), "--by", "outlet"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("quotes: ")


@pytest.mark.parametrize("args, message", [
    (["--by", "desk"], "no column 'desk'"),
    (["--by", "outlet", "--period", "month"], "--period needs --date-column"),
    (["--by", "outlet", "--date-column", "date"], "--date-column needs --period"),
    (["--by", "outlet", "--summary", "nowhere.csv"], "nowhere.csv: cannot read"),
    (["--by", "count"], "--by 'count': the audit's CSV has a column of that name"),
])
def test_a_column_or_option_that_does_not_fit_is_one_line_and_exit_2(tmp_path, capsys, args, message):
    path = rows_csv(tmp_path, [("1", 0, "direct", "Ann Lee", "person", "True", "", "X")])
    assert main(["audit", path, *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


@pytest.mark.parametrize("content, message", [
    ("", "empty file"),
    ("article,kind\n1,direct\n", "no column 'speaker'"),
    ("a,b\n\"unclosed\n", "no column"),
])
def test_a_file_that_is_no_attributions_csv_is_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "x.csv"
    path.write_text(content, encoding="utf-8")
    assert main(["audit", str(path), "--by", "outlet"]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("fmt, says", [("table", "no articles"), ("json", '"cells": []')])
def test_a_batch_with_no_attributions_audits_to_nothing_and_says_so(tmp_path, capsys, fmt, says):
    assert main(["audit", rows_csv(tmp_path, []), "--by", "outlet", "--format", fmt]) == 0
    out, err = capsys.readouterr()
    assert says in out and "audited 0 attributions in 0 articles" in err


def test_a_column_only_in_the_summary_is_joined_by_row(tmp_path):
    """Two input rows with one id are two articles: the join is by the batch's row number."""
    attributions = rows_csv(tmp_path, [("a", 0, "direct", "Ann Lee", "person", "True", "female", 1),
                                       ("a", 0, "direct", "Bo Day", "person", "True", "male", 2)],
                            header=HEADER[:-1] + ["row"])
    summary = rows_csv(tmp_path, [(1, "a", "North", ""), (2, "a", "South", ""), (3, "b", "South", ""),
                                  (4, "c", "South", "empty text")],
                       header=["row", "article", "desk", "error"], name="s.csv")
    result = audit.audit_file(attributions, summary_path=summary, by=["desk"])
    got = {c.group: (c.articles, c.errors, c.attributions, c.genders) for c in result.cells}
    assert got == {("North",): (1, 0, 1, (1, 0, 0)), ("South",): (2, 1, 1, (0, 1, 0)),
                   ("(total)",): (3, 1, 2, (1, 1, 0))}
    with pytest.raises(audit.AuditError, match="add --summary"):
        audit.audit_file(attributions, by=["desk"])


@pytest.mark.parametrize("with_summary", [False, True])
def test_rows_of_several_files_are_told_apart_by_file_and_row(tmp_path, with_summary):
    """A batch on Dask over several files numbers rows per file and writes ``file`` first: row 1
    of two files is two articles, with or without the summary."""
    header = ["file", *HEADER[:-1], "row", "outlet"]
    attributions = rows_csv(tmp_path, [("a.csv", "1", 0, "direct", "Ann Lee", "person", "True", "female", 1, "X"),
                                       ("b.csv", "1", 0, "direct", "Bo Day", "person", "True", "male", 1, "X"),
                                       ("b.csv", "1", 1, "direct", "Bo Day", "person", "True", "male", 1, "X")],
                            header=header)
    summary = rows_csv(tmp_path, [("a.csv", 1, "1", "X", ""), ("b.csv", 1, "1", "X", ""), ("b.csv", 2, "2", "X", "")],
                       header=["file", "row", "article", "outlet", "error"], name="s.csv")
    result = audit.audit_file(attributions, summary_path=summary if with_summary else None, by=["outlet"])
    total = next(c for c in result.cells if c.group == ("X",))
    assert (total.articles, total.attributions, total.sources) == ((3, 3, 2) if with_summary else (2, 3, 2))


def test_formula_cells_come_back_as_written(tmp_path):
    path = rows_csv(tmp_path, [("1", 0, "direct", "'=Ann Lee", "person", "True", "", "'-Wire")])
    result = audit.audit_file(path, by=["outlet"])
    assert result.cells[0].group == ("-Wire",) and result.cells[0].top[0].name == "=Ann Lee"
    out = audit_render.to_audit_csv(result)
    assert "'-Wire" in out and "\n-Wire" not in out  # and written safe again


# ------------------------------------------------------------------ output and the command line

@pytest.mark.parametrize("quiet, said", [(False, True), (True, False)])
def test_the_command_says_how_long_it_took_unless_quiet(capsys, quiet, said):
    args = ["audit", str(FIXTURES / "attributions.csv"), "--by", "outlet"] + (["--quiet"] if quiet else [])
    assert main(args) == 0
    err = capsys.readouterr().err
    line = re.search(r"quotes: audited 20 attributions in 9 articles in \d+\.\d s\n", err)
    assert bool(line) is said


@pytest.mark.parametrize("fmt, starts", [("table", "== outlet: "), ("csv", "outlet,table,name,"),
                                         ("json", "{"), ("html", "<!DOCTYPE html>")])
def test_every_format_writes_with_o(tmp_path, capsys, fmt, starts):
    out = tmp_path / "out"
    assert main(["audit", str(FIXTURES / "attributions.csv"), "--summary", str(FIXTURES / "summary.csv"),
                 "--by", "outlet", "--format", fmt, "-o", str(out), "--quiet"]) == 0
    assert out.read_text(encoding="utf-8").startswith(starts)
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_unknown_periods_and_empty_groups_are_said_on_stderr_where_the_output_cannot(capsys, fmt):
    assert main(["audit", str(FIXTURES / "attributions.csv"), "--summary", str(FIXTURES / "summary.csv"),
                 "--by", "outlet", "--period", "month", "--date-column", "date", "--format", fmt, "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "1 article with an empty or unreadable 'date' is in the period 'unknown'" in err
    assert "1 article with an empty 'outlet' is in the group '(none)'" in err


def test_csv_rows_hold_the_json_numbers():
    result = audit.audit_file(str(FIXTURES / "attributions.csv"), summary_path=str(FIXTURES / "summary.csv"),
                              by=["outlet"], period="month", date_column="date")
    rows = list(csv.DictReader(io.StringIO(audit_render.to_audit_csv(result, raw=True))))
    data = json.loads(audit_render.to_json(result))
    for c, rows_of in zip(data["cells"], _by_cell(rows), strict=True):
        for table in ("kind", "named", "type", "gender"):
            assert {r["name"]: int(r["count"]) for r in rows_of if r["table"] == table} == c[table]["counts"]
        assert [r["name"] for r in rows_of if r["table"] == "source"] == [s["name"] for s in c["most_quoted"]]


def _by_cell(rows):
    cells: dict = {}
    for r in rows:
        cells.setdefault((r["outlet"], r["period"]), []).append(r)
    return list(cells.values())


def test_the_readme_shows_what_audit_prints(capsys, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    at = readme.index("### Sourcing audits: `quotes audit`")
    command = re.search(r"```sh\n\$ (quotes audit .*?)\n```", readme[at:], re.S).group(1)
    shown = re.search(r"```text\n(.*?)```", readme[at:], re.S).group(1)
    monkeypatch.chdir(ROOT)
    assert main(command.split()[1:] + ["--quiet"]) == 0
    printed = capsys.readouterr().out
    head, tail = shown.split("\n...\n")  # the middle blocks are cut: the first and the last are whole
    assert printed.startswith(head + "\n\n== ") and printed.endswith("\n\n" + tail)


# ------------------------------------------------------------------ streaming

def generated(path, count: int, seed: int = 13) -> str:
    """``count`` attribution rows in articles of 1 to 20, over 4 outlets and 3 years of dates."""
    rng = random.Random(seed)
    names = [f"Person {n}" for n in range(400)] + ["officials", "police", "a spokeswoman"]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article", "outlet", "date", "index", "kind", "text", "speaker", "speaker_type", "named",
                         "gender", "row"])
        written = article = 0
        while written < count:
            article += 1
            outlet, date = f"Outlet {article % 4}", f"{2024 + article % 3}-{1 + article % 12:02d}-15"
            for index in range(min(rng.randint(1, 20), count - written)):
                name = rng.choice(names)
                person = name.startswith("Person")
                writer.writerow([article, outlet, date, index, rng.choice(("direct", "partial", "indirect")),
                                 "words " * 20, name, "person" if person else "group", person,
                                 rng.choice(("female", "male", "")) if person else "", article])
                written += 1
    return str(path)


@pytest.mark.parametrize("count", [2_000, 40_000])
def test_memory_stays_flat_however_many_rows(tmp_path, count):
    path = generated(tmp_path / "big.csv", count)
    tracemalloc.start()
    try:
        result = audit.audit_file(path, by=["outlet"], period="month", date_column="date")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.total.attributions == count
    assert peak < 3_000_000  # the rows alone are 5 MB at 40,000; counters per cell are what stays


def test_a_group_named_like_the_total_stays_a_group(tmp_path):
    path = rows_csv(tmp_path, [("1", 0, "direct", "Ann Lee", "person", "True", "female", "(total)"),
                               ("2", 0, "direct", "Bo Day", "person", "True", "male", "Wire")])
    result = audit.audit_file(path, by=["outlet"])
    assert [(c.group, c.is_total, c.attributions) for c in result.cells] == [
        (("(total)",), False, 1), (("Wire",), False, 1), (("(total)",), True, 2)]
