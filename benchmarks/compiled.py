"""A copy of the working tree with the extraction engine compiled by mypyc.

    .venv/bin/python benchmarks/compiled.py           # build (or reuse) it, print its path
    .venv/bin/python benchmarks/compiled.py --test    # ... and run tests/extraction against it

Editable installs stay pure Python (see setup.py), so the compiled engine is built in a copy:
``build/mypyc/rumour-bot``, with ``build/mypyc/shared`` pointing at ``../shared`` so the copy's
tests and benchmarks find the corpus as the checkout's do. The copy is refreshed from the
working tree on every call; the engine is recompiled only when a source of ``bot/`` or the build
files changed (about a minute on one core). CI runs ``--test``; ``bench_extraction.py``
measures both builds.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "mypyc"
TREE = BUILD / "rumour-bot"
COPIED_DIRS = ("bot", "cogs", "db", "tests", "seeds", "benchmarks")
COPIED_FILES = ("setup.py", "pyproject.toml", "README.md", "alembic.ini")
STAMP = ".compiled-from"


def _ignore(_directory: str, names: list[str]) -> set[str]:
    return {n for n in names if n in ("__pycache__", ".hypothesis") or n.endswith((".so", ".pyc"))}


def source_digest() -> str:
    """What the compiled modules depend on: every source of ``bot/`` (mypyc reads the modules
    the engine imports too) and the build files."""
    digest = hashlib.sha256()
    paths = [*sorted((ROOT / "bot").rglob("*.py")), ROOT / "setup.py", ROOT / "pyproject.toml"]
    for path in paths:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _refresh_copy() -> None:
    TREE.mkdir(parents=True, exist_ok=True)
    for name in COPIED_DIRS:
        target = TREE / name
        if target.exists():
            # keep the compiled modules; every source is copied afresh
            for path in target.rglob("*"):
                if path.is_file() and path.suffix != ".so":
                    path.unlink()
        shutil.copytree(ROOT / name, target, ignore=_ignore, dirs_exist_ok=True)
    for name in COPIED_FILES:
        shutil.copy2(ROOT / name, TREE / name)
    shared = ROOT.parent / "shared"
    link = BUILD / "shared"
    if shared.is_dir() and not link.exists():
        link.symlink_to(shared)


def build() -> Path:
    """The compiled copy, built if its sources changed since the last build."""
    digest = source_digest()
    _refresh_copy()
    stamp = TREE / STAMP
    if stamp.exists() and stamp.read_text() == digest and is_compiled(TREE):
        return TREE
    for stale in (TREE / "bot").rglob("*.so"):
        stale.unlink()
    for stale in TREE.glob("*.so"):
        stale.unlink()
    print(f"compiling the extraction engine with mypyc in {TREE} (about a minute) ...")
    log = BUILD / "build.log"
    with log.open("w") as out:
        done = subprocess.run(
            [sys.executable, "setup.py", "build_ext", "--inplace"],
            cwd=TREE,
            env={**os.environ, "RUMOUR_BOT_COMPILE": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    if done.returncode != 0 or not is_compiled(TREE):
        tail = log.read_text().splitlines()[-25:]
        raise SystemExit("mypyc build failed (full log: {}):\n{}".format(log, "\n".join(tail)))
    stamp.write_text(digest)
    return TREE


def is_compiled(tree: Path) -> bool:
    """Whether ``tree`` imports a compiled engine (checked by importing it there)."""
    probe = "from bot.extraction import engine_build as b; raise SystemExit(b() != 'compiled')"
    return subprocess.run([sys.executable, "-c", probe], cwd=tree).returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--test", action="store_true", help="run tests/extraction against the compiled engine"
    )
    args = parser.parse_args(argv)
    tree = build()
    print(tree)
    if not args.test:
        return 0
    # `python -m pytest` from the copy puts the copy first on sys.path: its compiled `bot`
    # is imported, not the checkout's editable install
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/extraction"]
    env = {**os.environ, "RUMOUR_BOT_EXPECT_COMPILED": "1"}
    return subprocess.run(command, cwd=tree, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
