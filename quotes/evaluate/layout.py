"""Which kind of annotation a ``--gold`` path is, and the scorer for it.

Receives the path given to ``quotes evaluate --gold`` with the options; hands on the report of
the matching scorer:

- a file whose name ends in ``.json``: one gold file (:func:`.score_gold.evaluate_gold_file`);
- a folder holding ``text/`` and ``attributions/``: PolNeAR's brat layout
  (:func:`.score_brat.evaluate_brat`), checked first so such folders score as they always have;
- a folder holding ``*.gold.json`` files: a gold set (:func:`.gold_set.evaluate_gold_dir`).

Anything else is a :class:`quotes.errors.GoldFormatError` that names both folder layouts.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import GoldFormatError, InputError
from .gold_set import GOLD_SUFFIX, GoldSetReport, evaluate_gold_dir, gold_files
from .score_brat import BratReport, evaluate_brat
from .score_gold import GoldReport, evaluate_gold_file

Report = BratReport | GoldReport | GoldSetReport


def evaluate_path(
    gold: str | os.PathLike[str],
    *,
    engine: str = "rules",
    article: str | os.PathLike[str] | None = None,
    limit: int | None = None,
) -> Report:
    """Score the analyzer against whatever ``gold`` is (see the module's docstring).

    ``article`` names the article of a single gold file and is refused with a folder of them;
    ``limit`` takes the first articles of a folder by name.
    """
    path = Path(gold)
    if str(gold).endswith(".json"):
        return evaluate_gold_file(path, engine=engine, article=article)
    if (path / "text").is_dir() and (path / "attributions").is_dir():
        return evaluate_brat(gold, engine=engine, limit=limit)
    if path.is_dir() and gold_files(path):
        if article is not None:
            raise InputError(f"{path}: --article names the article of one .gold.json file, not of a folder")
        return evaluate_gold_dir(path, engine=engine, limit=limit)
    raise GoldFormatError(
        f"{path}: expected the folders text/ and attributions/ (PolNeAR layout), *{GOLD_SUFFIX} files,"
        " or a .gold.json file"
    )
