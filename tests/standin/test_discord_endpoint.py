"""bot.discord_endpoint: how DISCORD_API_BASE_URL reaches discord.py."""

from __future__ import annotations

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route
from standin_minibot import make_minibot

from bot.discord_endpoint import (
    DISCORD_DEFAULT_API_BASE,
    DISCORD_DEFAULT_GATEWAY,
    normalise_api_base,
    restore_discord_endpoint,
    set_api_base,
)
from bot.standin import StandIn, connected_bot


@pytest.mark.parametrize(("given", "expected"), [
    ("http://127.0.0.1:9000", "http://127.0.0.1:9000/api/v10"),
    ("http://127.0.0.1:9000/", "http://127.0.0.1:9000/api/v10"),
    ("http://127.0.0.1:9000/api", "http://127.0.0.1:9000/api/v10"),
    ("http://127.0.0.1:9000/api/v9", "http://127.0.0.1:9000/api/v9"),
    ("https://discord.com/api/v10", "https://discord.com/api/v10"),
])
def test_normalise_api_base(given: str, expected: str) -> None:
    assert normalise_api_base(given) == expected


def test_rejects_non_http() -> None:
    with pytest.raises(ValueError):
        normalise_api_base("ws://127.0.0.1:9000")


def test_empty_setting_leaves_discord_defaults() -> None:
    restore_discord_endpoint()
    assert set_api_base(None) == DISCORD_DEFAULT_API_BASE
    assert set_api_base("") == DISCORD_DEFAULT_API_BASE
    assert DiscordWebSocket.DEFAULT_GATEWAY == DISCORD_DEFAULT_GATEWAY


async def test_bot_uses_standin_gateway_then_restores_defaults(standin: StandIn) -> None:
    async with connected_bot(make_minibot, standin):
        assert standin.api_base_url == Route.BASE
        assert str(DiscordWebSocket.DEFAULT_GATEWAY) == standin.gateway_url
    assert Route.BASE == DISCORD_DEFAULT_API_BASE
    assert DiscordWebSocket.DEFAULT_GATEWAY == DISCORD_DEFAULT_GATEWAY


async def test_base_url_without_version_works(standin: StandIn) -> None:
    async with connected_bot(lambda ep: make_minibot(
            type(ep)(standin.base_url, ep.token, ep.application_id, ep.guild_ids)), standin) as bot:
        assert bot.is_ready()
