"""Build hook for the optional compiled extraction engine.

With ``RUMOUR_BOT_COMPILE=1`` the extraction engine (``bot/extraction`` and ``bot/text.py``) is
compiled with mypyc: the same source, about 1.9x faster (profile-guided, see
benchmarks/compiled.py), and the build the speed target of the
extraction benchmark is measured on. Without it (the default, and every editable install for
development) rumour-bot is pure Python, so an edited source is always what runs: a compiled
module next to its source would shadow it.

    RUMOUR_BOT_COMPILE=1 python setup.py build_ext --inplace   # one plain build

``benchmarks/compiled.py`` builds and tests a compiled copy of the working tree.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent


def compiled_modules() -> list[str]:
    """Every module of the engine: mypyc compiles them as one group, calling across modules
    natively, so the group is all or nothing."""
    paths = [*sorted((ROOT / "bot" / "extraction").glob("*.py")), ROOT / "bot" / "text.py"]
    return [str(p.relative_to(ROOT)) for p in paths]


def ext_modules() -> list[object]:
    if os.environ.get("RUMOUR_BOT_COMPILE") != "1":
        return []
    from mypyc.build import mypycify  # the mypy package; only needed for this build

    os.chdir(ROOT)  # mypycify takes paths relative to the project
    return list(mypycify(compiled_modules(), opt_level="3"))


setup(ext_modules=ext_modules())
