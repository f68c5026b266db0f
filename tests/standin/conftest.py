"""Fixtures for the stand-in tests: ``standin`` and ``minibot`` (the small test bot).

Other integration tests reuse the same machinery through
:mod:`bot.standin.pytest_fixtures` (``standin`` + ``bot_fixture(factory)``).
"""

from __future__ import annotations

import pytest
from standin_minibot import make_minibot

from bot.standin.pytest_fixtures import bot_fixture, standin

__all__ = ["minibot", "standin"]

minibot = bot_fixture(make_minibot)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/standin/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.integration)
