"""Reusable pytest fixtures for tests that drive a bot through the stand-in.

Import them into a ``conftest.py``::

    from bot.standin.pytest_fixtures import bot_fixture, standin  # noqa: F401

    rumour_bot = bot_fixture(make_rumour_bot)   # factory(BotEndpoint) -> bot

A test then asks for ``standin`` and ``rumour_bot``; both are started before and stopped
after the test (the bot first), with unknown routes, leftover tasks and unclosed aiohttp
sessions turned into failures. Needs pytest-asyncio.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import discord
import pytest_asyncio

from .harness import BotEndpoint, connected_bot, running_standin
from .server import StandIn

__all__ = ["bot_fixture", "standin"]

ClientT = TypeVar("ClientT", bound=discord.Client)


@pytest_asyncio.fixture
async def standin() -> AsyncIterator[StandIn]:
    """A fresh stand-in (default world) on 127.0.0.1; strict about unknown routes."""
    async with running_standin() as running:
        yield running


def bot_fixture(
    factory: Callable[[BotEndpoint], ClientT | Awaitable[ClientT]], **connect_options: Any
) -> Any:
    """Make a fixture that starts ``factory``'s bot against the ``standin`` fixture."""

    @pytest_asyncio.fixture
    async def _bot(standin: StandIn) -> AsyncIterator[ClientT]:
        async with connected_bot(factory, standin, **connect_options) as bot:
            yield bot

    return _bot
