"""/digest setup|preview|off and the daily digest delivery, through the stand-in."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, timedelta
from typing import cast

import pytest
from integration_world import (
    KOOP,
    BotStarter,
    Clock,
    World,
    assert_embed_limits,
    command,
    ingest,
    link,
)
from sqlmodel import Session, select

from bot.app import RumourBot
from bot.changes import change_row
from bot.delivery import claim_digest, due_period, part_nonce, record_part
from bot.domain import PlayerFact, Status
from bot.embeds import digest_embeds
from bot.standin import CommandNotAvailable, Message, StandIn
from bot.standin.models import SEND_MESSAGES
from cogs.digest import DigestCog
from db.models import DigestDelivery, GuildSettings

pytestmark = pytest.mark.integration


def digest_cog(bot: RumourBot) -> DigestCog:
    # load_extension imports the cog module afresh: not the class imported here.
    cog = bot.get_cog("DigestCog")
    assert cog is not None and type(cog).__name__ == "DigestCog"
    return cast(DigestCog, cog)


async def eventually(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.01)


async def setup_soon(standin: StandIn, clock: Clock, minutes: int = 10) -> str:
    """Set the digest for a few minutes from now (UTC); returns the HH:MM."""
    at = (clock() + timedelta(minutes=minutes)).astimezone(UTC).strftime("%H:%M")
    reply = await command(standin, "digest setup", {"channel": "rumours", "time": at,
                                                    "timezone": "UTC"})
    assert reply.ephemeral and reply.content.startswith(f"Daily digest set for {at} (UTC)")
    return at


def posts(standin: StandIn, channel: str = "rumours") -> int:
    """POSTs the bot made to a channel (recorded as they happen, unlike visibility)."""
    path = f"/channels/{standin.channel(channel).id}/messages"
    return sum(1 for r in standin.requests if r.method == "POST" and r.path == path)


async def shown(standin: StandIn, count: int, channel: str = "rumours") -> list[Message]:
    """The channel's messages once ``count`` are visible (the stand-in shows a message a
    moment after answering the bot)."""
    await standin.wait_until(lambda: len(standin.channel_messages(channel)) >= count)
    messages = standin.channel_messages(channel)
    assert len(messages) == count
    return messages


def news(world: World, n: int = 0) -> None:
    ingest(world.engine, f"Liverpool join the race for Koopmeiners ({n}).", source="BBC Sport",
           title=f"Koopmeiners: Liverpool {n}",
           links=[link(KOOP, "Liverpool", Status.TALKS, ["BBC Sport"], "Atalanta")],
           players=[PlayerFact(KOOP, "Atalanta")])


async def test_setup_preview_off(standin: StandIn, rumour_bot: RumourBot,
                                 world: World) -> None:
    rumours = standin.channel("rumours")
    reply = await command(standin, "digest setup", {
        "channel": "rumours", "time": "9:30", "timezone": "Europe/London",
        "min_tier": "tier 2 or better"})
    assert reply.ephemeral
    assert reply.content == f"Daily digest set for 09:30 (Europe/London) in <#{rumours.id}>."
    with Session(world.engine) as session:
        settings = session.get(GuildSettings, standin.guild().id)
        assert settings is not None and settings.digest_enabled
        assert (settings.digest_channel_id, settings.min_tier) == (rumours.id, 2)
        assert settings.configured_by == standin.user("mod").id

    preview = await command(standin, "digest preview")
    assert preview.ephemeral and preview.embeds
    assert preview.embeds[0]["title"] == "Transfer digest"
    names = [f["name"] for e in preview.embeds for f in e.get("fields", [])]
    assert KOOP in names
    assert_embed_limits(preview.embeds)

    off = await command(standin, "digest off")
    assert off.ephemeral
    assert off.content == "Daily digest switched off. `/digest setup` switches it on again."
    again = await command(standin, "digest off")
    assert again.content == "The digest was not switched on."
    assert standin.channel_messages("rumours") == []


@pytest.mark.parametrize(("options", "error"), [
    ({"time": "09:00", "timezone": "Mars/Olympus_Mons"},
     "'Mars/Olympus_Mons' is not a time zone name: use an IANA name such as Europe/London"),
    ({"time": "25:61", "timezone": "Europe/London"},
     "'25:61' is not a time of day: use HH:MM, e.g. 09:00 or 18:30"),
    ({"time": "soon", "timezone": "UTC"},
     "'soon' is not a time of day: use HH:MM, e.g. 09:00 or 18:30"),
])
async def test_setup_refuses_bad_time_or_zone(standin: StandIn, rumour_bot: RumourBot,
                                              world: World, options: dict[str, str],
                                              error: str) -> None:
    reply = await command(standin, "digest setup", {"channel": "general", **options})
    assert reply.ephemeral and reply.content == error
    with Session(world.engine) as session:
        assert session.get(GuildSettings, standin.guild().id) is None


async def test_timezone_autocomplete(standin: StandIn, rumour_bot: RumourBot) -> None:
    choices = await standin.autocomplete("digest setup", {"timezone": "europe/lon"},
                                         "timezone", user="mod")
    assert choices[0] == {"name": "Europe/London", "value": "Europe/London"}
    empty = await standin.autocomplete("digest setup", {}, "timezone", user="mod")
    assert 0 < len(empty) <= 25 and all(c["name"].startswith("Europe/") for c in empty)
    york = await standin.autocomplete("digest setup", {"timezone": "new york"}, "timezone",
                                      user="mod")
    assert {"name": "America/New_York", "value": "America/New_York"} in york


async def test_fan_is_refused(standin: StandIn, rumour_bot: RumourBot) -> None:
    # Discord hides the command from members without Manage Server...
    with pytest.raises(CommandNotAvailable, match="manage_guild"):
        await standin.send_command("digest setup", {"channel": "rumours", "time": "09:00",
                                                    "timezone": "UTC"}, user="fan")
    # ...and if a server admin lets everyone see it, the bot still checks.
    standin.global_commands["digest"]["default_member_permissions"] = None
    for name, options in [("digest setup", {"channel": "rumours", "time": "09:00",
                                            "timezone": "UTC"}),
                          ("digest preview", {}), ("digest off", {})]:
        reply = await command(standin, name, options, user="fan")
        assert reply.ephemeral
        assert reply.content == "You need the Manage Server permission for this command."


async def test_digest_is_posted_once_when_due(standin: StandIn, rumour_bot: RumourBot,
                                              world: World, clock: Clock) -> None:
    await setup_soon(standin, clock)
    news(world)
    cog = digest_cog(rumour_bot)
    await cog.tick()  # not due yet
    assert posts(standin) == 0

    clock.advance(minutes=15)
    await cog.tick()
    [posted] = await shown(standin, 1)
    [embed] = posted.embeds
    assert embed["title"] == "Transfer digest"
    assert [f["name"] for f in embed["fields"]] == [KOOP]  # only news since the setup
    assert "→ Liverpool: new link (talks)" in embed["fields"][0]["value"]
    assert_embed_limits(posted.embeds)

    await cog.tick()
    clock.advance(minutes=30)
    await cog.tick()
    assert posts(standin) == 1
    with Session(world.engine) as session:
        [delivery] = session.exec(select(DigestDelivery)).all()
        assert delivery.state == "sent" and delivery.message_ids == [posted.id]

    # Tomorrow's digest covers what came after today's.
    tomorrow = clock.advance(days=1)
    ingest(world.engine, "Arsenal bid for Ødegaard? No: Real Madrid do.", source="Marca",
           links=[link("Martin Ødegaard", "Real Madrid", Status.BID, ["Marca"], "Arsenal")],
           players=[PlayerFact("Martin Ødegaard", "Arsenal")],
           at=tomorrow - timedelta(hours=1))
    await cog.tick()
    messages = await shown(standin, 2)
    assert [f["name"] for f in messages[1].embeds[0]["fields"]] == ["Martin Ødegaard"]


async def test_restart_mid_send_continues_without_repeating(
        standin: StandIn, start_bot: BotStarter, world: World, clock: Clock) -> None:
    names = [f"Digest Player Number {n:02d} With A Longish Name" for n in range(40)]
    clubs = ["Fulham", "Everton", "Brentford", "Wolverhampton Wanderers", "Crystal Palace"]
    guild = standin.guild().id
    async with start_bot() as first:
        await setup_soon(standin, clock)
        for n, name in enumerate(names):
            ingest(world.engine, f"{name} is wanted everywhere ({n}).", source="ESPN",
                   links=[link(name, club, Status.INTEREST, ["ESPN"], "Bournemouth")
                          for club in clubs],
                   players=[PlayerFact(name, "Bournemouth")])
        now = clock.advance(minutes=15)
        with Session(world.engine) as session:
            settings = session.get(GuildSettings, guild)
            assert settings is not None
            period = due_period(settings, now, timedelta(hours=6))
        assert period is not None
        # The first instance claims the digest, posts part one, records it... and dies.
        job = claim_digest(world.engine, guild, period, now, change_row)
        assert job is not None
        parts = digest_embeds(job.digest)
        assert len(parts) >= 3
        channel = first.get_channel(standin.channel("rumours").id)
        assert channel is not None
        message = await channel.send(embed=parts[0],  # type: ignore[union-attr]
                                     nonce=part_nonce(guild, period, 0))
        record_part(world.engine, job.delivery_id, message.id)

        # /latest and /digest preview hold the same news: one message each, within limits.
        latest = await command(standin, "latest", {"hours": 1})
        assert_embed_limits(latest.embeds)
        assert latest.embeds[-1]["footer"]["text"].endswith("more players not shown")
        preview = await command(standin, "digest preview")
        assert_embed_limits(preview.embeds)
        assert preview.embeds[-1]["footer"]["text"].endswith("more players not shown")

    clock.advance(minutes=6)  # the dead sender's hold on the delivery (if any) runs out
    async with start_bot() as second:
        await digest_cog(second).tick()
        await digest_cog(second).tick()
        posted = await shown(standin, len(parts))
    assert posts(standin) == len(parts)
    assert [m.embeds[0]["title"] for m in posted] == (
        ["Transfer digest"] + ["Transfer digest (continued)"] * (len(parts) - 1))
    fields = [f["name"] for m in posted for f in m.embeds[0]["fields"]]
    assert sorted(fields) == sorted(names)  # every player once: nothing repeated or lost
    for m in posted:
        assert_embed_limits(m.embeds)
    with Session(world.engine) as session:
        [delivery] = session.exec(select(DigestDelivery)).all()
        assert delivery.state == "sent"
        assert delivery.message_ids == [m.id for m in posted]


async def delete_channel(standin: StandIn, bot: RumourBot, name: str) -> int:
    channel = standin.channel(name)
    standin.guild().channels.pop(channel.id)
    standin.channels.pop(channel.id)
    await standin.dispatch("CHANNEL_DELETE", channel.payload())
    await eventually(lambda: bot.get_channel(channel.id) is None)
    return channel.id


@pytest.mark.parametrize("failure", ["deleted", "deleted-unseen", "forbidden"])
async def test_digest_pauses_and_tells_admins_once(standin: StandIn, rumour_bot: RumourBot,
                                                   world: World, clock: Clock,
                                                   failure: str) -> None:
    await setup_soon(standin, clock)
    news(world)
    channel_id = standin.channel("rumours").id
    if failure == "deleted":
        await delete_channel(standin, rumour_bot, "rumours")
    elif failure == "deleted-unseen":  # deleted, but the bot missed the gateway event
        standin.fail("POST", f"/channels/{channel_id}/messages", 404, code=10003,
                     message="Unknown Channel", times=100)
    else:
        standin.fail("POST", f"/channels/{channel_id}/messages", 403, code=50013,
                     message="Missing Permissions", times=100)
    cog = digest_cog(rumour_bot)
    clock.advance(minutes=15)
    await cog.tick()
    attempts = [r for r in standin.requests
                if r.method == "POST" and r.path == f"/channels/{channel_id}/messages"]
    assert len(attempts) <= 1
    await standin.wait_until(lambda: bool(standin.dms("mod")))
    [told] = standin.dms("mod")  # the admin who set the digest up
    assert told.content.startswith("The daily transfer digest is paused: ")
    assert "/digest setup" in told.content
    with Session(world.engine) as session:
        settings = session.get(GuildSettings, standin.guild().id)
        assert settings is not None and settings.digest_paused_reason

    for _ in range(2):  # later ticks neither retry nor tell the admins again
        clock.advance(minutes=5)
        await cog.tick()
    clock.advance(days=1)
    await cog.tick()
    assert [r for r in standin.requests if r.method == "POST"
            and r.path == f"/channels/{channel_id}/messages"] == attempts
    assert len(standin.dms("mod")) == 1
    assert standin.channel_messages("general") == []


async def test_setup_after_a_pause_resumes_with_the_held_news(
        standin: StandIn, rumour_bot: RumourBot, world: World, clock: Clock) -> None:
    at = await setup_soon(standin, clock)
    news(world)
    standin.fail("POST", f"/channels/{standin.channel('rumours').id}/messages", 403,
                 code=50013, message="Missing Permissions")
    clock.advance(minutes=15)
    cog = digest_cog(rumour_bot)
    await cog.tick()
    await standin.wait_until(lambda: bool(standin.dms("mod")))
    reply = await command(standin, "digest setup", {"channel": "general", "time": at,
                                                    "timezone": "UTC"})
    assert reply.content.startswith(f"Daily digest set for {at} (UTC)")
    await cog.tick()  # today's digest is still due: it goes out in the new channel
    assert posts(standin, "general") == 1
    [posted] = await shown(standin, 1, "general")
    assert [f["name"] for f in posted.embeds[0]["fields"]] == [KOOP]


async def test_setup_refuses_a_channel_the_bot_cannot_post_in(
        standin: StandIn, start_bot: BotStarter) -> None:
    guild = standin.guild()
    for role in guild.roles.values():  # @everyone and the bot's own role
        role.permissions &= ~SEND_MESSAGES
    async with start_bot():
        reply = await command(standin, "digest setup", {"channel": "rumours", "time": "09:00",
                                                        "timezone": "UTC"})
    rumours = standin.channel("rumours").id
    assert reply.ephemeral
    assert reply.content == (f"I cannot post in <#{rumours}>: give me Send Messages there "
                             "first.")


async def test_rate_limited_digest_post_is_waited_out_and_sent_once(
        standin: StandIn, rumour_bot: RumourBot, world: World, clock: Clock) -> None:
    await setup_soon(standin, clock)
    news(world)
    standin.rate_limit("POST", f"/channels/{standin.channel('rumours').id}/messages",
                       retry_after=0.05)
    clock.advance(minutes=15)
    await digest_cog(rumour_bot).tick()
    [posted] = await shown(standin, 1)
    assert posts(standin) == 2  # the 429, then the retry
    assert [f["name"] for f in posted.embeds[0]["fields"]] == [KOOP]
    await digest_cog(rumour_bot).tick()
    assert posts(standin) == 2


async def test_crash_between_post_and_record_does_not_post_twice(
        standin: StandIn, start_bot: BotStarter, world: World, clock: Clock) -> None:
    """The part went out but the process died before recording it: the resumed delivery
    sends it again with the same nonce, and Discord (here the stand-in) returns the earlier
    message instead of posting a second one."""
    guild = standin.guild().id
    async with start_bot() as first:
        await setup_soon(standin, clock)
        news(world)
        now = clock.advance(minutes=15)
        with Session(world.engine) as session:
            settings = session.get(GuildSettings, guild)
            assert settings is not None
            period = due_period(settings, now, timedelta(hours=6))
        assert period is not None
        job = claim_digest(world.engine, guild, period, now, change_row)
        assert job is not None
        channel = first.get_channel(standin.channel("rumours").id)
        await channel.send(embed=digest_embeds(job.digest)[0],  # type: ignore[union-attr]
                           nonce=part_nonce(guild, period, 0))
        # ...and dies here, before record_part.
    clock.advance(minutes=6)

    def delivered() -> DigestDelivery | None:
        with Session(world.engine) as session:
            delivery = session.exec(select(DigestDelivery)).one()
            return delivery if delivery.state == "sent" else None

    async with start_bot() as second:
        await digest_cog(second).tick()  # or the start-up tick already did it
        await eventually(lambda: delivered() is not None)
        [posted] = await shown(standin, 1)
    assert posts(standin) == 2  # the bot did send twice...
    assert len(standin.channel_messages("rumours")) == 1  # ...but only one message exists
    delivery = delivered()
    assert delivery is not None and delivery.message_ids == [posted.id]


async def test_filter_limits_the_digest_to_chosen_clubs(
        standin: StandIn, rumour_bot: RumourBot, world: World, clock: Clock) -> None:
    bad = await command(standin, "digest filter", {"clubs": "Liverpool, Nowhere Rovers"})
    assert bad.ephemeral and "Nowhere Rovers" in bad.content
    assert "Nothing was changed" in bad.content
    ok = await command(standin, "digest filter", {"clubs": "spurs, Liverpool", "min_tier": 2})
    assert ok.content == ("The digest now covers Tottenham Hotspur, Liverpool, from sources of "
                          "tier 2 or better.")
    with pytest.raises(CommandNotAvailable):  # Discord hides it from members without it
        await command(standin, "digest filter", {"clubs": ""}, user="fan")
    with Session(world.engine) as session:
        settings = session.get(GuildSettings, standin.guild().id)
        assert settings is not None and settings.min_tier == 2
        assert settings.club_filter == [world.club("Tottenham Hotspur"), world.club("Liverpool")]
