"""The command line: a thin layer over the library.

Library errors (``QuotesError``) become one line on stderr and exit status 2; rows are built
once by ``render`` and printed in the format asked for.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sys
from typing import Callable, Iterator, Sequence

from . import analyze, render, report
from .articles import read_articles
from .engines import ENGINES
from .errors import QuotesError
from .tables import DEFAULT_WIDTH

USAGE_ERROR = 2
CHECK_FAILED = 1
TERMINATED = 128 + 15  # the shell's status for SIGTERM; Ctrl-C is 130


def _warn(message: str) -> None:
    print(f"quotes: {message}", file=sys.stderr)


def _engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=ENGINES, default="rules", help="NLP engine (default: rules, needs no model)")
    parser.add_argument("--model-dir", help="stanza model folder (default: $STANZA_RESOURCES_DIR)")


MIN_WIDTH = 40


def _width_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--width", type=_width, metavar="N",
                        help="wrap tables to N columns (default: the terminal's width; 80 when not a terminal or with -o)")


def _width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if width < MIN_WIDTH:
        raise argparse.ArgumentTypeError(f"must be {MIN_WIDTH} or more, not {value}")
    return width


def _table_width(args: argparse.Namespace) -> int:
    """--width; else 80 for -o FILE (a file outlives the terminal); else the terminal's width
    ($COLUMNS first), 80 when standard output is not a terminal."""
    if args.width:
        return args.width
    if getattr(args, "output", None):
        return DEFAULT_WIDTH
    return max(MIN_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)


def _raw_csv_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--raw-csv", action="store_true",
                        help="write CSV cells exactly; by default a cell that begins like a formula (= + - @) "
                             "gets a leading apostrophe so spreadsheets do not run it")


def _input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a text file, a folder (every .txt file under it, recursively), or - for stdin")
    parser.add_argument("--encoding", help="decode input with this encoding (default: UTF-8, else cp1252 with a warning)")


def _analyze_all(args: argparse.Namespace):
    for article in read_articles(args.paths, encoding=args.encoding, warn=_warn):
        yield analyze(article.text, engine=args.engine, name=article.name, model_dir=args.model_dir)


def cmd_analyze(args: argparse.Namespace) -> int:
    out = sys.stdout
    if args.format == "jsonl":
        for result in _analyze_all(args):
            out.write(render.to_jsonl(render.attribution_rows(result)))
    elif args.format == "csv":
        rows = [row for result in _analyze_all(args) for row in render.attribution_rows(result)]
        out.write(render.to_csv(rows, render.CONTRACT_FIELDS, raw=args.raw_csv))
    elif args.format == "json":
        results = [render.result_dict(result) for result in _analyze_all(args)]
        json.dump(results if len(results) != 1 else results[0], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "html":
        from .page import article_page

        results = list(_analyze_all(args))
        out.write(article_page(results))
    else:
        for chunk in report.analysis_tables(_analyze_all(args), _table_width(args)):
            out.write(chunk)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    results = list(_analyze_all(args))
    if args.format == "html":
        from .page import article_page

        sys.stdout.write(article_page(results))
        return 0
    built = report.reports_for(results)
    if args.format == "csv":
        sys.stdout.write(report.to_report_csv(built, raw=args.raw_csv))
    elif args.format == "json":
        sys.stdout.write(report.to_json(built))
    else:
        sys.stdout.write(report.to_table(built, _table_width(args)))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from . import check, config

    settings = config.load(args.config) if args.config else config.CheckConfig()
    limits = settings.thresholds(args.max_anonymous_share, args.min_named_sources)
    outcome = check.check_all(_analyze_all(args), limits, allow=settings.allow)
    sys.stdout.write(check.format_json(outcome) if args.format == "json" else check.format_text(outcome))
    return 0 if outcome.passed else CHECK_FAILED


def cmd_batch(args: argparse.Namespace) -> int:
    from . import batch

    if args.jobs < 1:
        raise QuotesError(f"--jobs must be 1 or more, not {args.jobs}")
    try:
        stats = _run_dask(args) if args.dask else _run_batch(batch, args)
    except batch.Terminated:
        _warn("terminated")
        return TERMINATED
    if not args.quiet:
        _warn(stats.line())
    return 0


def _run_batch(batch, args: argparse.Namespace):
    if len(args.input) > 1:
        raise QuotesError("the local batch reads one INPUT; several files (or a glob) need --dask")
    if args.out_dir is not None:
        raise QuotesError("--out-dir is for --dask; the local batch writes --attributions and --summary")
    return batch.batch_file(
        args.input[0],
        text_column=args.text_column,
        id_column=args.id_column,
        attributions_path=args.attributions,
        summary_path=args.summary,
        db_path=args.db,
        keep=batch.parse_keep(args.keep),
        format=args.input_format,
        delimiter=args.delimiter,
        encoding=args.encoding,
        jobs=args.jobs,
        engine=args.engine,
        model_dir=args.model_dir,
        warn=_warn,
        say=None if args.quiet else _warn,
        progress=False if args.quiet else None,
        raw_csv=args.raw_csv,
    )


def cmd_audit(args: argparse.Namespace) -> int:
    from . import audit
    from .audit import render as audit_render

    result = audit.audit_file(args.attributions, by=args.by, summary_path=args.summary, period=args.period,
                              date_column=args.date_column, top=args.top)
    if args.format == "csv":
        sys.stdout.write(audit_render.to_audit_csv(result, raw=args.raw_csv))
    elif args.format == "json":
        sys.stdout.write(audit_render.to_json(result))
    elif args.format == "html":
        from .audit.page import audit_page

        sys.stdout.write(audit_page(result))
    else:
        sys.stdout.write(audit_render.to_table(result, _table_width(args)))
    if args.format in ("csv", "json") or args.output:
        for note in audit_render.notes(result)[1:]:  # the table and the page show them; elsewhere, say them here
            _warn(note)
    if not args.quiet:
        _warn(audit_render.summary_line(result))
    return 0


def _run_dask(args: argparse.Namespace):
    from .batch import BatchOptions, parse_delimiter, parse_keep
    from .batch.cluster import require_distributed, run_dask

    require_distributed()
    if args.jobs != 1:
        raise QuotesError("--jobs is for the local batch; with --dask the cluster's workers do the work")
    options = BatchOptions(text_column=args.text_column, id_column=args.id_column, format=args.input_format,
                           delimiter=args.delimiter and parse_delimiter(args.delimiter), encoding=args.encoding,
                           engine=args.engine, model_dir=args.model_dir, keep=parse_keep(args.keep))
    return run_dask(args.input, options, address=args.dask, attributions_path=args.attributions,
                    summary_path=args.summary, out_dir=args.out_dir, db_path=args.db, raw_csv=args.raw_csv, warn=_warn,
                    say=None if args.quiet else _warn, progress=None if args.quiet else _warn)


def _share(value: str) -> float:
    try:
        share = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= share <= 1.0:
        raise argparse.ArgumentTypeError(f"a share is between 0 and 1, not {value}")
    return share


def _count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if count < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return count


def cmd_evaluate(args: argparse.Namespace) -> int:
    from . import evaluate

    report = evaluate.evaluate_path(args.gold, engine=args.engine, article=args.article, limit=args.limit)
    sys.stdout.write(evaluate.format_report(report, args.format, misses=args.misses))
    return 0


def cmd_models(args: argparse.Namespace) -> int:
    from .engines.stanza import download_models

    where = download_models(args.dir)
    print(f"English stanza models are in {where}")
    return 0


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def _command(commands: argparse._SubParsersAction, name: str, help: str, *examples: str) -> argparse.ArgumentParser:
    """A subcommand whose --help ends with its examples (kept as written)."""
    return commands.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".",
                               epilog=_examples(*examples), formatter_class=argparse.RawDescriptionHelpFormatter)


def _output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE instead of standard output (replacing it, as > FILE would)")


def _add_analyze(commands: argparse._SubParsersAction) -> None:
    p = _command(commands, "analyze", "list every attribution in articles, then their sourcing tables",
                 "quotes analyze seeds/north-korea-kursk.txt",
                 "quotes analyze articles/ --format jsonl -o attributions.jsonl",
                 "quotes analyze - --format html -o page.html < article.txt")
    _input_options(p)
    _engine_options(p)
    p.add_argument("--format", choices=("table", "csv", "json", "jsonl", "html"), default="table",
                   help="table (default): attributions and sourcing tables; csv or jsonl: one row per "
                        "attribution; json: everything; html: a self-contained page for a class")
    _width_option(p)
    _output_option(p)
    _raw_csv_option(p)
    p.set_defaults(run=cmd_analyze)


def _add_report(commands: argparse._SubParsersAction) -> None:
    p = _command(commands, "report", "sourcing tables: per speaker, type and affiliation, and shares",
                 "quotes report seeds/north-korea-kursk.txt",
                 "quotes report articles/ --format csv -o sourcing.csv",
                 "quotes report articles/ --width 120")
    _input_options(p)
    _engine_options(p)
    p.add_argument("--format", choices=("table", "csv", "json", "html"), default="table",
                   help="table (default); csv: one row per table row; json; html: a self-contained page")
    _width_option(p)
    _output_option(p)
    _raw_csv_option(p)
    p.set_defaults(run=cmd_report)


def _add_check(commands: argparse._SubParsersAction) -> None:
    p = _command(commands, "check", "newsroom checks; exit 1 when an article fails one",
                 "quotes check articles/",
                 "quotes check story.txt --max-anonymous-share 0.3 --min-named-sources 2",
                 "quotes check articles/ --format json -o checks.json")
    _input_options(p)
    _engine_options(p)
    p.add_argument("--max-anonymous-share", type=_share, metavar="SHARE",
                   help="fail when more than this share of an article's sources are anonymous (default: 0.5)")
    p.add_argument("--min-named-sources", type=_count, metavar="N",
                   help="fail when an article has fewer named sources (default: 1)")
    p.add_argument("--config", metavar="FILE.toml",
                   help="thresholds and allowed failures agreed by the desk; the options above override it")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (default): one line per failure and its quotes; json: for scripts")
    _output_option(p)
    p.set_defaults(run=cmd_check)


def _add_batch(commands: argparse._SubParsersAction) -> None:
    p = _command(commands, "batch", "analyse a CSV or JSON Lines file, streamed, into two CSVs or SQLite",
                 "quotes batch stories.csv --text-column body --id-column id "
                 "--attributions attributions.csv --summary summary.csv",
                 "quotes batch stories.jsonl --text-column text --keep outlet,date --db stories.sqlite --jobs 2",
                 "quotes batch 'archive/*.jsonl' --text-column text --attributions a.csv --summary s.csv "
                 "--dask local:2")
    p.add_argument("input", metavar="INPUT", nargs="+",
                   help="a CSV or JSON Lines file, or - for stdin; with --dask, several files or quoted globs "
                        "('archive/*.jsonl')")
    p.add_argument("--text-column", required=True, metavar="COL", help="the column (or JSON key) with the article text")
    p.add_argument("--id-column", metavar="COL", help="the column with the article id (default: the row number)")
    p.add_argument("--attributions", metavar="OUT.csv",
                   help="one row per attribution (give --attributions, --summary or --db, or several; "
                        "with --dask, both CSVs or --out-dir)")
    p.add_argument("--summary", metavar="OUT.csv", help="one row per input row, in input order")
    p.add_argument("--db", metavar="OUT.sqlite",
                   help="also (or instead) write the results to this SQLite file, replacing an earlier one: "
                        "tables articles, attributions, speakers")
    p.add_argument("--keep", action="append", metavar="COL[,COL...]",
                   help="carry these input columns (e.g. outlet,date) into every output, right after the article id")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="processes to use (default: 1)")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="run on Dask: a running scheduler (tcp://host:8786; the workers must read INPUT at the same "
                        "path) or local[:N], N worker processes here (default: one per core); needs "
                        "pip install 'quotes[dask]'")
    p.add_argument("--out-dir", metavar="DIR",
                   help="with --dask, instead of --attributions and --summary: the workers write one pair per "
                        "partition in DIR (<file stem>.<k>.attributions.csv and .summary.csv)")
    p.add_argument("--input-format", choices=("csv", "jsonl"), help="default: from the extension, else the first byte")
    p.add_argument("--delimiter", metavar="CHAR", help="CSV column separator, e.g. ';' or tab (default: sniffed)")
    p.add_argument("--quiet", action="store_true",
                   help="no progress bar or partition lines, delimiter or summary line on stderr")
    _raw_csv_option(p)
    p.add_argument("--encoding", help="decode text fields with this encoding (default: UTF-8, else cp1252)")
    _engine_options(p)
    p.set_defaults(run=cmd_batch)


def _add_audit(commands: argparse._SubParsersAction) -> None:
    p = _command(commands, "audit", "sourcing audit of a batch's CSVs, per group of its own columns and per period",
                 "quotes audit attributions.csv --by outlet",
                 "quotes audit attributions.csv --summary summary.csv --by outlet --period month --date-column date",
                 "quotes audit attributions.csv --by outlet --by desk --format html -o audit.html")
    p.add_argument("attributions", metavar="ATTRIBUTIONS.csv", help="the attributions CSV quotes batch wrote")
    p.add_argument("--summary", metavar="SUMMARY.csv",
                   help="the summary CSV of the same run: counts every article (those without attributions too) "
                        "and gives the columns the attributions CSV lacks, joined by article")
    p.add_argument("--by", action="append", required=True, metavar="COL",
                   help="group by this column (repeat for several: --by outlet --by desk)")
    p.add_argument("--period", choices=("month", "week", "year"),
                   help="also group by the period of each article's date (needs --date-column)")
    p.add_argument("--date-column", metavar="COL",
                   help="the column with each article's date (2026-11-29, 2026-11-29T10:00:00Z, 29 November 2026, "
                        "November 29, 2026); any other goes to the period 'unknown'")
    p.add_argument("--top", type=_count, default=5, metavar="N",
                   help="list the N most-quoted sources of each group (default: 5; 0 for none)")
    p.add_argument("--format", choices=("table", "csv", "json", "html"), default="table",
                   help="table (default); csv: one row per group, period and measure; json; "
                        "html: a self-contained page of charts")
    p.add_argument("--quiet", action="store_true", help="no line on stderr saying how long it took")
    _width_option(p)
    _output_option(p)
    _raw_csv_option(p)
    p.set_defaults(run=cmd_audit)


def _add_evaluate(commands: argparse._SubParsersAction) -> None:
    p = _command(commands, "evaluate", "score against annotations (brat folder, .gold.json, or a folder of them)",
                 "quotes evaluate --gold fixtures/seed/north-korea-kursk.gold.json",
                 "quotes evaluate --gold bbc-gold/ --misses",
                 "quotes evaluate --gold polnear/dev --format json -o scores.json")
    p.add_argument("--gold", required=True, metavar="PATH",
                   help="a PolNeAR-style folder (text/, attributions/), a FILE.gold.json, or a folder of *.gold.json "
                        "files with their articles beside them")
    p.add_argument("--article", help="the article a single .gold.json describes (default: its 'article' field)")
    p.add_argument("--limit", type=int, metavar="N", help="score only the first N articles of a folder, by name")
    p.add_argument("--misses", action="store_true",
                   help="also list what went wrong: for gold files every required item missed, found with the wrong "
                        "speaker, and every extra system attribution, each with its sentence; for PolNeAR the misses "
                        "and false positives")
    p.add_argument("--format", choices=("table", "json"), default="table",
                   help="table (default): the scores; json: the same, for scripts")
    _engine_options(p)
    _output_option(p)
    p.set_defaults(run=cmd_evaluate)


def _add_models(commands: argparse._SubParsersAction) -> None:
    p = _command(commands, "models", "manage stanza's English models",
                 "quotes models download",
                 "quotes models download --dir ~/stanza_resources")
    models = p.add_subparsers(dest="action", metavar="ACTION", help="download: fetch the models once")
    models.required = True
    d = _command(models, "download", "download stanza's English models (needs the network)",
                 "quotes models download",
                 "quotes models download --dir ~/stanza_resources")
    d.add_argument("--dir", help="where to put them (default: $STANZA_RESOURCES_DIR or stanza's default)")
    d.set_defaults(run=cmd_models)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotes", description="Who speaks in the news, and through whom.",
        epilog=_examples("quotes analyze seeds/north-korea-kursk.txt",
                         "quotes report articles/ --format html -o page.html",
                         "quotes analyze --help"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__import__('quotes').__version__}",
                        help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", help="one of these; COMMAND --help for more")
    commands.required = True
    _add_analyze(commands)
    _add_report(commands)
    _add_check(commands)
    _add_batch(commands)
    _add_audit(commands)
    _add_evaluate(commands)
    _add_models(commands)
    for register in EXTRA_COMMANDS:
        register(commands)
    return parser


# Modules that add subcommands (report, batch, check) register here: name -> add(subparsers).
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[None]:
    """With -o FILE, standard output goes to FILE for the whole command, whatever the command
    (analyze, report, check, evaluate print to sys.stdout and need not know). A file that
    cannot be opened or written is a QuotesError: one line, exit 2."""
    if path is None:
        yield
        return
    try:
        stream = open(path, "w", encoding="utf-8")
    except OSError as error:
        raise QuotesError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        with stream, contextlib.redirect_stdout(stream):
            yield
    except OSError as error:  # a full disk, a vanished mount: raised by a write or the final flush
        raise QuotesError(f"{path}: cannot write: {error.strerror or error}") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with _output(getattr(args, "output", None)):
            return args.run(args)
    except QuotesError as error:
        _warn(str(error))
        return USAGE_ERROR
    except BrokenPipeError:
        return 0
    except UnicodeEncodeError as error:
        # The terminal or pipe cannot carry the article's characters: say how to fix it.
        _warn(f"cannot print {error.object[error.start:error.end]!r} in {error.encoding}; set PYTHONIOENCODING=utf-8")
        return USAGE_ERROR
    except KeyboardInterrupt:
        _warn("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
