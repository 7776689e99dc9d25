"""Run a measurement against another git revision of this project, in the same run.

``checkout(REV)`` makes a temporary detached worktree of REV (removed afterwards); code that
sets ``PYTHONPATH`` to it and starts a subprocess imports that revision's ``quotes`` package
instead of this checkout's. Used by ``batch_throughput.py --against`` and ``same_output.py``.
"""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def checkout(rev: str) -> Iterator[Path]:
    """A temporary worktree of ``rev`` (a commit, branch or tag)."""
    sha = subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="quotes-rev-") as scratch:
        tree = Path(scratch) / sha[:12]
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(tree), sha], cwd=ROOT, check=True)
        try:
            yield tree
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)


def run_in(tree: Path, args: list[str]) -> str:
    """Run ``python ARGS`` with ``tree``'s quotes package first on the path; its stdout."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed in {tree}:\n{done.stderr}")
    return done.stdout
