"""Fixtures for the end-to-end tests: the real RumourBot (all cogs) against the stand-in.

* ``world``: a per-test SQLite file database in ``tmp_path``, prepared with
  ``open_database`` and holding the hand-made dataset of :mod:`integration_world` (built
  once per session and copied, so each test starts from the same rows quickly);
* ``clock``: the bot's clock (real time plus an offset the test moves forward);
* ``standin`` (from :mod:`bot.standin.pytest_fixtures`) and ``rumour_bot``: the bot started
  against the stand-in with ``bot.start(token)``, like ``rumour-bot run``;
* ``start_bot``: start further bot instances on the same database and stand-in (restarts).
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from integration_world import BotStarter, Clock, World, load_dataset

from bot.app import RumourBot, create_bot
from bot.services import open_database
from bot.settings import Settings
from bot.standin import BotEndpoint, StandIn, connected_bot
from bot.standin.pytest_fixtures import standin

__all__ = ["clock", "rumour_bot", "standin", "start_bot", "world"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/integration/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.integration)


def _settings(database: Path) -> Settings:
    return Settings(_env_file=None, database_url=f"sqlite:///{database}")  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "rumours.sqlite3"
    engine = open_database(_settings(path))
    try:
        load_dataset(engine)
    finally:
        engine.dispose()
    return path


@pytest.fixture
def world(template_database: Path, tmp_path: Path) -> Iterator[World]:
    path = tmp_path / "rumours.sqlite3"
    shutil.copyfile(template_database, path)
    settings = _settings(path)
    engine = open_database(settings)  # schema at head, reference data: idempotent
    yield World(settings, engine)
    engine.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def start_bot(world: World, clock: Clock, standin: StandIn) -> BotStarter:
    """``async with start_bot() as bot``: one more bot instance on the same DB and stand-in."""

    def factory(endpoint: BotEndpoint, **kwargs: Any) -> RumourBot:
        bot_settings = world.settings.model_copy(update={
            "discord_api_base_url": endpoint.api_base_url, "discord_token": endpoint.token})
        # discord.py waits guild_ready_timeout (2 s by default) after the last GUILD_CREATE
        # before on_ready: a test bot need not.
        kwargs.setdefault("guild_ready_timeout", 0.05)
        return create_bot(bot_settings, kwargs.pop("engine", world.engine), clock=clock,
                          **kwargs)

    @contextlib.asynccontextmanager
    async def start(**kwargs: Any) -> AsyncIterator[RumourBot]:
        async with connected_bot(lambda endpoint: factory(endpoint, **kwargs),
                                 standin) as bot:
            yield bot

    return start


@pytest.fixture
async def rumour_bot(start_bot: BotStarter) -> AsyncIterator[RumourBot]:
    async with start_bot() as bot:
        yield bot
