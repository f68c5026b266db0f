"""/feeds through the stand-in: moderators add, list and remove feeds; servers are isolated."""

from __future__ import annotations

import pytest
from integration_world import command

from bot.app import RumourBot
from bot.standin import CommandNotAvailable, StandIn


async def test_add_list_remove(standin: StandIn, rumour_bot: RumourBot) -> None:
    empty = await command(standin, "feeds list")
    assert empty.ephemeral and "No feeds yet" in empty.embeds[0]["description"]
    added = await command(standin, "feeds add", {"url": "https://news.example.com/rss"})
    assert added.ephemeral and added.content.startswith("Following https://news.example.com/rss")
    again = await command(standin, "feeds add", {"url": "HTTPS://news.example.com/rss#top"})
    assert "already" in again.content
    listed = await command(standin, "feeds list")
    [field] = listed.embeds[0]["fields"]
    assert "news.example.com/rss" in field["name"] and "0 article(s)" in field["value"]
    local = await command(standin, "feeds add", {"url": "http://127.0.0.1:8080/rss"})
    assert "local or private" in local.content
    removed = await command(standin, "feeds remove", {"feed": "https://news.example.com/rss"})
    assert removed.ephemeral and removed.content.startswith("Stopped following")
    assert "No feeds yet" in (await command(standin, "feeds list")).embeds[0]["description"]


async def test_fans_cannot_manage_feeds(standin: StandIn, rumour_bot: RumourBot) -> None:
    with pytest.raises(CommandNotAvailable, match="manage_guild"):
        await command(standin, "feeds add", {"url": "https://news.example.com/rss"},
                      user="fan")


async def test_feeds_of_one_server_are_not_shown_in_another(
        standin: StandIn, rumour_bot: RumourBot) -> None:
    other = standin.add_guild("Other Server")
    standin.add_channel(other, "general")
    await command(standin, "feeds add", {"url": "https://news.example.com/rss"})
    owner = standin.owner.username
    listed = await command(standin, "feeds list", user=owner, guild=other)
    assert "No feeds yet" in listed.embeds[0]["description"]
    refused = await command(standin, "feeds remove", {"feed": "https://news.example.com/rss"},
                            user=owner, guild=other)
    assert refused.content.startswith("This server does not follow")
    still = await command(standin, "feeds list")
    assert len(still.embeds[0]["fields"]) == 1
