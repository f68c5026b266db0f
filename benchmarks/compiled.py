"""A copy of the working tree with the extraction engine compiled by mypyc.

    .venv/bin/python benchmarks/compiled.py           # build (or reuse) it, print its path
    .venv/bin/python benchmarks/compiled.py --test    # ... and run tests/extraction against it

Editable installs stay pure Python (see setup.py), so the compiled engine is built in a copy:
``build/mypyc/rumour-bot``, with ``build/mypyc/shared`` pointing at ``../shared`` so the copy's
tests and benchmarks find the corpus as the checkout's do. The copy is refreshed from the
working tree on every call; the engine is recompiled only when a source of ``bot/`` or the build
files changed (about three minutes on one core: a profile-guided build, see ``compile_engine``).
CI runs ``--test``; ``bench_extraction.py`` measures both builds.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import IO

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
    the engine imports too), the build files and this build procedure."""
    digest = hashlib.sha256()
    build_files = [ROOT / "setup.py", ROOT / "pyproject.toml", Path(__file__).resolve()]
    paths = [*sorted((ROOT / "bot").rglob("*.py")), *build_files]
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
    print(f"compiling the extraction engine with mypyc in {TREE} (about three minutes) ...")
    log = BUILD / "build.log"
    with log.open("w") as out:
        compile_engine(TREE, out)
    if not is_compiled(TREE):
        raise SystemExit(f"mypyc build left no compiled engine (log: {log})")
    stamp.write_text(digest)
    return TREE


# what the instrumented engine runs to learn its hot paths: the held-out sets that have been
# studied anyway (not the benchmark's own articles, not the honest halves' labels -- only text)
TRAINING_SETS = ("benchmarks/heldout/articles", "benchmarks/heldout3/articles")
_TRAIN = """
import sys
from pathlib import Path
from bot.extraction import Extractor
from bot.reference import load_reference
extractor = Extractor(load_reference())
texts = [p.read_text(encoding="utf-8") for d in sys.argv[1:] for p in sorted(Path(d).glob("*.txt"))]
for _ in range(3):
    for text in texts:
        extractor.extract(text)
"""


def compile_engine(tree: Path, out: IO[str]) -> None:
    """mypyc build of ``tree`` in place, profile-guided (about 1.1x faster than a plain -O3
    build, measured alternately): compile with instrumentation, run the engine over training
    text, compile again with the profile. ``RUMOUR_BOT_PGO=0`` makes one plain build."""
    for stale in [*(tree / "bot").rglob("*.so"), *tree.glob("*.so")]:
        stale.unlink()
    env = {**os.environ, "RUMOUR_BOT_COMPILE": "1"}
    if os.environ.get("RUMOUR_BOT_PGO") == "0":
        _setup(tree, {**env, "CFLAGS": _CALLS}, out)
        return
    shutil.rmtree(tree / "build", ignore_errors=True)
    generate = f"-fprofile-generate -fprofile-update=single {_CALLS}"
    _setup(tree, {**env, "CFLAGS": generate, "LDFLAGS": "-fprofile-generate"}, out)
    training = [str(tree / d) for d in TRAINING_SETS if (tree / d).is_dir()]
    _run([sys.executable, "-c", _TRAIN, *training], tree, os.environ.copy(), out)
    use = f"-fprofile-use -fprofile-correction -Wno-missing-profile {_CALLS}"
    _setup(tree, {**env, "CFLAGS": use}, out, "--force")


# calls between the compiled functions of the one shared library go direct, as CPython's own
# build does (a few per cent in alternated runs)
_CALLS = "-fno-semantic-interposition -fno-plt"


def _setup(tree: Path, env: dict[str, str], out: IO[str], *extra: str) -> None:
    _run([sys.executable, "setup.py", "build_ext", "--inplace", *extra], tree, env, out)


def _run(command: list[str], cwd: Path, env: dict[str, str], out: IO[str]) -> None:
    out.flush()
    if subprocess.run(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT).returncode:
        out.flush()
        log = Path(getattr(out, "name", ""))
        tail = log.read_text().splitlines()[-25:] if log.is_file() else []
        raise SystemExit("engine build step failed: {}\n{}".format(command[:4], "\n".join(tail)))


def is_compiled(tree: Path) -> bool:
    """Whether ``tree`` imports a compiled engine (checked by importing it there)."""
    probe = "from bot.extraction import engine_build as b; raise SystemExit(b() != 'compiled')"
    return subprocess.run([sys.executable, "-c", probe], cwd=tree).returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--test", action="store_true", help="run tests/extraction against the compiled engine"
    )
    parser.add_argument(
        "--in-place",
        action="store_true",
        help="compile this checkout itself (for building images only: compiled modules next "
        "to their sources shadow any later edit)",
    )
    args = parser.parse_args(argv)
    if args.in_place:
        compile_engine(ROOT, sys.stdout)
        return 0 if is_compiled(ROOT) else 1
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
