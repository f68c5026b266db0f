"""/subscribe, /unsubscribe, /subscriptions and the alert DMs, through the stand-in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import pytest
from integration_world import (
    KOOP,
    ODEGAARD,
    BotStarter,
    World,
    fee,
    field_named,
    ingest,
    link,
)
from integration_world import (
    command as shared_command,
)
from sqlmodel import Session, select

from bot.app import RumourBot
from bot.domain import PlayerFact, Status
from bot.standin import Reply, StandIn
from cogs.subscriptions import Subscriptions
from db.models import AlertDelivery, UserState

pytestmark = pytest.mark.integration


def alerts_cog(bot: RumourBot) -> Subscriptions:
    # load_extension imports the cog module afresh: not the class imported here.
    cog = bot.get_cog("Subscriptions")
    assert cog is not None and type(cog).__name__ == "Subscriptions"
    return cast(Subscriptions, cog)


async def command(standin: StandIn, name: str, options: Mapping[str, Any] | None = None,
                  user: str = "fan", **where: Any) -> Reply:
    """Fans use these commands: "fan" by default."""
    return await shared_command(standin, name, options, user=user, **where)


def dm_requests(standin: StandIn, user: str) -> int:
    channel = standin.dm_channel(user).id
    return sum(1 for r in standin.requests
               if r.method == "POST" and r.path == f"/channels/{channel}/messages")


async def test_subscribe_list_unsubscribe_are_private(standin: StandIn,
                                                      rumour_bot: RumourBot) -> None:
    empty = await command(standin, "subscriptions")
    assert empty.ephemeral and empty.content.startswith("You follow no players yet")
    reply = await command(standin, "subscribe", {"player": "Koopmeiners"})
    assert reply.ephemeral
    assert reply.content == ("You now follow Teun Koopmeiners (any source, any news): you get "
                             "a DM when a new club, fee or status is reported.")
    reply = await command(standin, "subscribe", {"player": "odegaard",
                                                 "min_tier": "tier 1 or better",
                                                 "min_status": "bid"})
    assert reply.ephemeral
    assert "Martin Ødegaard (sources of tier 1 or better, bid or further)" in reply.content
    listing = await command(standin, "subscriptions")
    assert listing.ephemeral
    assert listing.content == ("You follow:\n• Martin Ødegaard (tier ≤ 1, bid+)\n"
                               "• Teun Koopmeiners (tier ≤ 4, interest+)")
    # Someone else's list is their own.
    other = await command(standin, "subscriptions", user="mod")
    assert other.content.startswith("You follow no players yet")

    gone = await command(standin, "unsubscribe", {"player": "Teun Koopmeiners"})
    assert gone.ephemeral and gone.content == "You no longer follow Teun Koopmeiners."
    again = await command(standin, "unsubscribe", {"player": "Teun Koopmeiners"})
    assert again.content == "You were not following Teun Koopmeiners."
    listing = await command(standin, "subscriptions")
    assert listing.content == "You follow:\n• Martin Ødegaard (tier ≤ 1, bid+)"
    assert standin.channel_messages("general") == []  # nothing public


async def test_subscription_cap(standin: StandIn, rumour_bot: RumourBot, world: World) -> None:
    names = [f"Capped Player{chr(65 + n // 26)}{chr(65 + n % 26)}" for n in range(25)]
    ingest(world.engine, "Everyone wants the capped players.", source="ESPN",
           links=[link(name, "Fulham", Status.INTEREST, ["ESPN"]) for name in names],
           players=[PlayerFact(name, "Brentford") for name in names])
    await rumour_bot.refresh_directory()
    for name in names:
        player_id = world.player(name)
        reply = await command(standin, "subscribe", {"player": str(player_id)})
        assert reply.content.startswith(f"You now follow {name}"), reply.content
    refused = await command(standin, "subscribe", {"player": KOOP})
    assert refused.ephemeral
    assert refused.content == ("You already follow 25 players, the most allowed. Unsubscribe "
                               "from one first (/subscriptions lists them).")
    # Changing the thresholds of one already followed is still fine.
    update = await command(standin, "subscribe", {"player": str(world.player(names[0])),
                                                  "min_status": "talks"})
    assert update.content.startswith(f"Updated: you follow {names[0]}")


async def test_alert_dms_batched_once_per_user_with_working_unsubscribe(
        standin: StandIn, start_bot: BotStarter, world: World) -> None:
    async with start_bot() as bot:
        await command(standin, "subscribe", {"player": KOOP}, user="mod")
        await command(standin, "subscribe", {"player": ODEGAARD}, user="mod")
        await command(standin, "subscribe", {"player": KOOP, "min_status": "bid"}, user="fan")
        # Marca is a tier-2 source: not good enough for someone wanting tier 1 only.
        await command(standin, "subscribe", {"player": ODEGAARD,
                                             "min_tier": "tier 1 or better"}, user="olivia")
        ingest(world.engine, "Koopmeiners: Chelsea agree a fee; Manchester United join in.",
               source="The Athletic", title="Koopmeiners latest",
               links=[link(KOOP, "Chelsea", Status.AGREED, ["The Athletic"], "Atalanta"),
                      link(KOOP, "Manchester United", Status.INTEREST, ["The Athletic"],
                           "Atalanta")],
               players=[PlayerFact(KOOP, "Atalanta")])
        ingest(world.engine, "Real Madrid bid €80m for Ødegaard.", source="Marca",
               links=[link(ODEGAARD, "Real Madrid", Status.BID, ["Marca"], "Arsenal")],
               fees=[fee(ODEGAARD, "Real Madrid", 80_000_000, "EUR")],
               players=[PlayerFact(ODEGAARD, "Arsenal")])

        sent = await alerts_cog(bot).send_alerts()
        assert sent == 2
        await standin.wait_until(lambda: bool(standin.dms("mod") and standin.dms("fan")))
        [mod_dm] = standin.dms("mod")
        [fan_dm] = standin.dms("fan")
        [embed] = mod_dm.embeds
        assert embed["title"] == "Transfer news about players you follow"
        koop = field_named(embed, KOOP)["value"]
        assert "→ Chelsea: bid → agreed" in koop
        assert "→ Manchester United: new link (interest)" in koop
        odegaard = field_named(embed, ODEGAARD)["value"]
        assert "contact → bid" in odegaard and "new fee €80m bid" in odegaard
        # The fan wants bids or further: the Manchester United interest is not for them.
        fan_fields = fan_dm.embeds[0]["fields"]
        assert [f["name"] for f in fan_fields] == [KOOP]
        assert "agreed" in fan_fields[0]["value"]
        assert "Manchester United" not in fan_fields[0]["value"]
        labels = sorted(c["label"] for c in mod_dm.iter_components())
        assert labels == [f"Unsubscribe: {ODEGAARD}", f"Unsubscribe: {KOOP}"]

        assert standin.dms("olivia") == []
        assert await alerts_cog(bot).send_alerts() == 0  # each change is told once
        assert len(standin.dms("mod")) == 1 and len(standin.dms("fan")) == 1

        reply = await (await standin.press_button(mod_dm, f"Unsubscribe: {KOOP}",
                                                  user="mod")).response()
        assert reply.ephemeral and reply.content == f"You no longer follow {KOOP}."

    async with start_bot():  # the buttons keep working after a restart
        reply = await (await standin.press_button(mod_dm, f"Unsubscribe: {ODEGAARD}",
                                                  user="mod")).response()
        assert reply.content == f"You no longer follow {ODEGAARD}."
        listing = await command(standin, "subscriptions", user="mod")
        assert listing.content.startswith("You follow no players yet")


async def test_closed_dms_are_marked_and_not_retried(standin: StandIn, rumour_bot: RumourBot,
                                                    world: World) -> None:
    await command(standin, "subscribe", {"player": KOOP}, user="fan")
    await command(standin, "subscribe", {"player": KOOP}, user="mod")
    standin.close_dms("fan")
    ingest(world.engine, "Chelsea and Atalanta agree.", source="BBC Sport",
           links=[link(KOOP, "Chelsea", Status.AGREED, ["BBC Sport"], "Atalanta")],
           players=[PlayerFact(KOOP, "Atalanta")])
    assert await alerts_cog(rumour_bot).send_alerts() == 1  # the mod's DM
    await standin.wait_until(lambda: bool(standin.dms("mod")))
    assert len(standin.dms("mod")) == 1 and standin.dms("fan") == []
    attempts = dm_requests(standin, "fan")
    assert attempts == 1
    fan_id = standin.user("fan").id
    with Session(world.engine) as session:
        state = session.get(UserState, fan_id)
        assert state is not None and state.dms_closed_at is not None
        states = session.exec(select(AlertDelivery.state).where(
            AlertDelivery.user_id == fan_id)).all()
        assert states == ["dm_closed"]

    ingest(world.engine, "Medical booked.", source="BBC Sport",
           links=[link(KOOP, "Chelsea", Status.MEDICAL, ["BBC Sport"], "Atalanta")],
           players=[PlayerFact(KOOP, "Atalanta")])
    assert await alerts_cog(rumour_bot).send_alerts() == 1  # the mod again, not the fan
    assert dm_requests(standin, "fan") == attempts
    await standin.wait_until(lambda: len(standin.dms("mod")) == 2)


async def test_one_users_dm_error_does_not_stop_the_others(standin: StandIn,
                                                          rumour_bot: RumourBot,
                                                          world: World) -> None:
    await command(standin, "subscribe", {"player": KOOP}, user="fan")
    await command(standin, "subscribe", {"player": KOOP}, user="mod")
    ingest(world.engine, "Chelsea and Atalanta agree.", source="BBC Sport",
           links=[link(KOOP, "Chelsea", Status.AGREED, ["BBC Sport"], "Atalanta")],
           players=[PlayerFact(KOOP, "Atalanta")])
    # The first DM attempt gets a 403 that is not "cannot send messages to this user".
    standin.fail("POST", "/channels/{channel_id}/messages", 403, code=50001,
                 message="Missing Access")
    assert await alerts_cog(rumour_bot).send_alerts() == 1
    await standin.wait_until(lambda: len(standin.dms("fan")) + len(standin.dms("mod")) == 1)
    with Session(world.engine) as session:
        states = sorted(session.exec(select(AlertDelivery.state)).all())
    assert states == ["failed", "sent"]  # the refused one is not left pending
