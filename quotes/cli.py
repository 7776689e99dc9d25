"""The command line: a thin layer over the library.

Library errors (``QuotesError``) become one line on stderr and exit status 2; rows are built
once by ``render`` and printed in the format asked for.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Callable, Sequence

from . import analyze, render
from .articles import read_articles
from .engines import ENGINES
from .errors import QuotesError

USAGE_ERROR = 2


def _warn(message: str) -> None:
    print(f"quotes: {message}", file=sys.stderr)


def _engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=ENGINES, default="rules", help="NLP engine (default: rules, needs no model)")
    parser.add_argument("--model-dir", help="stanza model folder (default: $STANZA_RESOURCES_DIR)")


def _input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a text file, a folder of .txt files, or - for stdin")
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
        out.write(render.to_csv(rows, render.CONTRACT_FIELDS))
    elif args.format == "json":
        results = [render.result_dict(result) for result in _analyze_all(args)]
        json.dump(results if len(results) != 1 else results[0], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "html":
        from .page import article_page

        results = list(_analyze_all(args))
        out.write(article_page(results))
    else:
        for n, result in enumerate(_analyze_all(args)):
            if n:
                out.write("\n")
            out.write(f"== {result.name} ==\n")
            out.write(render.attributions_table(result) + "\n\n")
            out.write(render.summary_table(result) + "\n")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from . import evaluate

    if args.gold.endswith(".json"):
        report = evaluate.evaluate_gold_file(args.gold, engine=args.engine, article=args.article)
    else:
        report = evaluate.evaluate_brat(args.gold, engine=args.engine, limit=args.limit)
    if args.format == "json":
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from tabulate import tabulate

        sys.stdout.write(tabulate(report.summary_rows(), headers=report.summary_headers) + "\n")
        if isinstance(report, evaluate.GoldReport):
            sys.stdout.write("\n" + tabulate(report.rows(), headers=report.row_headers) + "\n")
    return 0


def cmd_models(args: argparse.Namespace) -> int:
    from .engines.stanza import download_models

    where = download_models(args.dir)
    print(f"English stanza models are in {where}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotes", description="Who speaks in the news, and through whom.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__import__('quotes').__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    p = commands.add_parser("analyze", help="list every attribution in articles")
    _input_options(p)
    _engine_options(p)
    p.add_argument("--format", choices=("table", "csv", "json", "jsonl", "html"), default="table")
    p.set_defaults(run=cmd_analyze)

    p = commands.add_parser("evaluate", help="score against annotations (brat folder or .gold.json)")
    p.add_argument("--gold", required=True, help="a PolNeAR-style folder (text/, attributions/) or a FILE.gold.json")
    p.add_argument("--article", help="the article a .gold.json describes (default: its 'article' field)")
    p.add_argument("--limit", type=int, help="score only the first N articles")
    p.add_argument("--format", choices=("table", "json"), default="table")
    _engine_options(p)
    p.set_defaults(run=cmd_evaluate)

    p = commands.add_parser("models", help="manage stanza's English models")
    models = p.add_subparsers(dest="action", metavar="ACTION")
    models.required = True
    d = models.add_parser("download", help="download stanza's English models (needs the network)")
    d.add_argument("--dir", help="where to put them (default: $STANZA_RESOURCES_DIR or stanza's default)")
    d.set_defaults(run=cmd_models)

    for register in EXTRA_COMMANDS:
        register(commands)
    return parser


# Modules that add subcommands (report, batch, check) register here: name -> add(subparsers).
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except QuotesError as error:
        _warn(str(error))
        return USAGE_ERROR
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        _warn("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
