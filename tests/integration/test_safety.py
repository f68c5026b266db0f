"""Rumour data is hostile text: nothing the bot posts may ping anyone or restyle itself."""

from __future__ import annotations

from typing import Any

import pytest
from integration_world import (
    EVIL,
    EVIL_CLUB,
    BotStarter,
    Clock,
    World,
    bot_messages,
    command,
    ingest,
    link,
    message_text,
)

from bot.domain import PlayerFact, Status
from bot.standin import Message, StandIn

pytestmark = pytest.mark.integration

PINGS = ("@everyone", "@here", "<@&")


def assert_harmless(message: Message) -> None:
    # Button and menu labels are plain text in Discord, never markdown or mentions.
    text = message_text(message, components=False)
    for ping in PINGS:
        assert ping not in text, (ping, text)
    assert "**Evil**" not in text  # markdown escaped: shown as typed, not bold


def posting_bodies(standin: StandIn) -> list[dict[str, Any]]:
    """Every request body with which the bot created or changed a visible message."""
    bodies = []
    for request in standin.requests:
        body = request.body if isinstance(request.body, dict) else None
        if body is None or request.template is None:
            continue
        if request.template.endswith("/callback"):
            if body.get("type") in (4, 7):
                bodies.append(body.get("data") or {})
        elif request.method in ("POST", "PATCH") and (
                request.template.startswith("/webhooks/")
                or request.template.startswith("/channels/{channel_id}/messages")):
            bodies.append(body)
    return bodies


async def test_injected_names_never_ping_or_restyle(standin: StandIn, start_bot: BotStarter,
                                                    world: World, clock: Clock) -> None:
    evil = world.player(EVIL)
    # A second "Evil" makes the name ambiguous, so it also shows up in a choice list.
    ingest(world.engine, "Evil twin.", source="The Sun",
           links=[link("Evil Twin @here", "Everton", Status.INTEREST, ["The Sun"])],
           players=[PlayerFact("Evil Twin @here", "Burnley")])
    async with start_bot() as bot:
        card = await command(standin, "rumours", {"player": str(evil)})
        assert card.message is not None
        assert card.embeds[0]["title"].startswith(r"\*\*Evil\*\* @")
        sources = await (await standin.press_button(card.message, "Sources")).response()
        subscribed = await (await standin.press_button(card.message, "Subscribe",
                                                       user="fan")).response()
        assert subscribed.content.startswith("You now follow ")
        await command(standin, "subscriptions", user="fan")
        ambiguous = await command(standin, "rumours", {"player": "evil"}, user="fan")
        assert ambiguous.ephemeral and "matches several players" in ambiguous.content
        await command(standin, "rumours", {"player": "@everyone <@&123456789012345678>"},
                      user="fan")
        await command(standin, "rumours", {"player": "Evil Evrtone"}, user="olivia")
        await command(standin, "club", {"club": str(world.club(EVIL_CLUB))})
        await command(standin, "club", {"club": "Everton"})
        await command(standin, "latest")
        await command(standin, "rumour add", {"player": str(evil), "club": "Everton",
                                              "status": "agreed", "fee": "£12m",
                                              "source": "@everyone <@&345678901234567890>"})
        await command(standin, "rumour audit")
        await command(standin, "digest setup", {"channel": "rumours", "time": "09:00",
                                                "timezone": "UTC"})
        await command(standin, "digest preview")
        # An alert DM about the evil player for the fan who subscribed above.
        ingest(world.engine, "Evil moves on.", source="The Sun",
               links=[link(EVIL, "Everton", Status.MEDICAL, ["The Sun"], "Burnley")],
               players=[PlayerFact(EVIL, "Burnley")])
        subscriptions = bot.get_cog("Subscriptions")
        assert subscriptions is not None
        assert await subscriptions.send_alerts() == 1  # type: ignore[attr-defined]
        await standin.wait_until(lambda: bool(standin.dms("fan")))
        assert sources.embeds

    messages = bot_messages(standin)
    assert len(messages) >= 12
    for message in messages:
        assert_harmless(message)
    bodies = posting_bodies(standin)
    assert len(bodies) >= 12
    for body in bodies:
        assert body.get("allowed_mentions") == {"parse": []}, body
