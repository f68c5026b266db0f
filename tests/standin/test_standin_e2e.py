"""End-to-end: the real discord.py client (MiniBot) against the local Discord stand-in."""

from __future__ import annotations

import asyncio
import time

import discord
import pytest
from discord.http import Route
from standin_minibot import MiniBot, make_minibot

from bot.standin import (
    CommandNotAvailable,
    StandIn,
    UncleanShutdownError,
    UnknownRouteError,
    connected_bot,
    running_standin,
)


def _paths(standin: StandIn) -> list[tuple[str, str | None, int]]:
    return [(r.method, r.template, r.status) for r in standin.requests]


async def test_login_sync_ready_and_guild_create(standin: StandIn, minibot: MiniBot) -> None:
    calls = _paths(standin)
    assert ("GET", "/users/@me", 200) in calls
    assert ("GET", "/oauth2/applications/@me", 200) in calls
    assert ("GET", "/gateway/bot", 200) in calls
    assert ("PUT", "/applications/{app_id}/commands", 200) in calls
    names = {c["name"] for c in standin.registered_commands()}
    assert {"ping", "player", "slow", "digest", "reset"} <= names

    assert minibot.user is not None and minibot.user.id == standin.bot_user.id
    assert minibot.application_id == standin.application_id
    guild = minibot.get_guild(standin.guild().id)
    assert guild is not None and guild.name == "Transfer Talk"
    assert {c.name for c in guild.text_channels} == {"general", "rumours"}
    assert {"@everyone", "Moderator", "Admin"} <= {r.name for r in guild.roles}
    member = guild.get_member(standin.user("mod").id)
    assert member is not None and member.guild_permissions.manage_guild
    assert guild.chunked and guild.member_count == 4
    assert standin.identifies == 1 and standin.heartbeats >= 1


async def test_slash_command_round_trip(standin: StandIn, minibot: MiniBot) -> None:
    handle = await standin.send_command("ping")
    reply = await handle.response()
    assert reply.type == 4 and reply.content == "pong" and not reply.ephemeral
    assert [m.content for m in standin.channel_messages("general")] == ["pong"]
    assert handle.latency is not None and handle.latency < 1


async def test_subcommand_group_and_typed_options(standin: StandIn, minibot: MiniBot) -> None:
    reply = await (await standin.send_command("digest preview", {"count": "5"})).response()
    assert reply.content == "digest with 5 items"
    reply = await (await standin.send_command("greet", {"member": "mod", "loud": "yes"})
                   ).response()
    assert reply.content == "HI MOD"
    with pytest.raises(ValueError, match="needs option"):
        await standin.send_command("greet")
    with pytest.raises(CommandNotAvailable, match="needs a subcommand"):
        await standin.send_command("digest")


async def test_embed_and_buttons_and_select(standin: StandIn, minibot: MiniBot) -> None:
    reply = await (await standin.send_command("player", {"name": "Teun Koopmeiners"})
                   ).response()
    embed = reply.embeds[0]
    assert embed["title"] == "Teun Koopmeiners"
    assert [f["name"] for f in embed["fields"]] == ["Club", "Rumours"]
    assert reply.message is not None

    pressed = await standin.press_button(reply.message, "Follow", user="mod")
    follow = await pressed.response()
    assert follow.type == 4 and follow.ephemeral
    assert follow.content == "Following Teun Koopmeiners"

    refreshed = await (await standin.press_button(reply.message, "refresh")).response()
    assert refreshed.type == 7
    assert refreshed.message is not None and refreshed.message.id == reply.message.id
    assert standin.message(reply.message.id).content == "Teun Koopmeiners (refreshed)"

    picked = await (await standin.select(reply.message, "club", ["Arsenal"])).response()
    assert picked.content == "Teun Koopmeiners to ars"
    with pytest.raises(ValueError, match="not options"):
        await standin.select(reply.message, "club", ["Chelsea"])


async def test_deferred_then_edited(standin: StandIn, minibot: MiniBot) -> None:
    handle = await standin.send_command("slow")
    assert await handle.callback() == 5
    reply = await handle.response()
    assert reply.type == 5 and reply.content == "done thinking"
    assert reply.message is not None and not reply.message.flags & 128  # no longer loading
    assert handle.original_edits == 1


async def test_follow_ups(standin: StandIn, minibot: MiniBot) -> None:
    handle = await standin.send_command("steps")
    assert (await handle.response()).content == "step 1"
    followups = await handle.wait_followups(2)
    assert [m.content for m in followups] == ["step 2", "step 3 (just you)"]
    assert [m.ephemeral for m in followups] == [False, True]
    assert [m.content for m in standin.channel_messages()] == ["step 1", "step 2"]


async def test_defer_then_followup_replaces_placeholder(standin: StandIn,
                                                        minibot: MiniBot) -> None:
    handle = await standin.send_command("later")
    reply = await handle.response()
    assert reply.content == "arrived later"
    assert handle.followups == []


async def test_autocomplete(standin: StandIn, minibot: MiniBot) -> None:
    choices = await standin.autocomplete("player", {"name": "koop"}, "name")
    assert choices == [{"name": "Teun Koopmeiners", "value": "Teun Koopmeiners"}]
    everything = await standin.autocomplete("player", {}, "name")
    assert len(everything) == 6


async def test_channel_message(standin: StandIn, minibot: MiniBot) -> None:
    handle = await standin.send_command("announce", {"channel": "#rumours", "text": "Here we go"})
    posted = await standin.wait_for_message("rumours", after=None, timeout=5) if not \
        standin.channel_messages("rumours") else standin.channel_messages("rumours")[0]
    assert posted.content == "Here we go" and posted.author_id == standin.bot_user.id
    reply = await handle.response()
    assert reply.ephemeral and reply.content == "posted in #rumours"


async def test_direct_message_and_closed_dms(standin: StandIn, minibot: MiniBot) -> None:
    reply = await (await standin.send_command("dm", {"text": "psst"}, user="mod")).response()
    assert reply.content == "sent you a DM"
    assert [m.content for m in standin.dms("mod")] == ["psst"]

    standin.close_dms("fan")
    reply = await (await standin.send_command("dm", {"text": "psst"}, user="fan")).response()
    assert reply.content == "cannot DM you (50007)"
    assert standin.dms("fan") == []


async def test_permission_guarded_command(standin: StandIn, minibot: MiniBot) -> None:
    with pytest.raises(CommandNotAvailable, match="needs manage_guild"):
        await standin.send_command("reset", user="fan")
    assert (await (await standin.send_command("reset", user="mod")).response()).content == \
        "reset done"
    assert (await (await standin.send_command("reset", user="olivia")).response()).content == \
        "reset done"
    # explicit permissions override the role-derived ones
    handle = await standin.send_command("reset", user="fan",
                                        permissions=discord.Permissions(manage_guild=True))
    assert (await handle.response()).content == "reset done"


async def test_modal(standin: StandIn, minibot: MiniBot) -> None:
    handle = await standin.send_command("feedback")
    reply = await handle.response()
    assert reply.type == 9 and reply.modal is not None and reply.modal["title"] == "Feedback"
    submitted = await standin.submit_modal(handle, {"text": "great bot"})
    assert (await submitted.response()).content == "thanks for: great bot"


async def test_unknown_route_is_recorded(standin: StandIn, minibot: MiniBot) -> None:
    with pytest.raises(discord.NotFound):
        await minibot.http.request(Route("GET", "/voice/regions"))
    assert [(r.method, r.path) for r in standin.unknown_requests] == [("GET", "/voice/regions")]
    standin.unknown_requests.clear()  # expected here; otherwise the fixture fails the test


async def test_unknown_route_fails_strict_standin() -> None:
    with pytest.raises(UnknownRouteError, match="/voice/regions"):
        async with running_standin() as standin, connected_bot(make_minibot, standin) as bot:
            with pytest.raises(discord.NotFound):
                await bot.http.request(Route("GET", "/voice/regions"))


async def test_rate_limit_429_is_retried(standin: StandIn, minibot: MiniBot) -> None:
    standin.rate_limit("POST", "/channels/{channel_id}/messages", retry_after=0.3)
    started = time.perf_counter()
    handle = await standin.send_command("announce", {"channel": "rumours", "text": "after 429"})
    reply = await handle.response()
    assert reply.content == "posted in #rumours"
    assert time.perf_counter() - started >= 0.3
    posts = [r.status for r in standin.requests if r.template == "/channels/{channel_id}/messages"]
    assert posts == [429, 200]
    assert [m.content for m in standin.channel_messages("rumours")] == ["after 429"]


async def test_rate_limit_on_follow_up_webhook(standin: StandIn, minibot: MiniBot) -> None:
    standin.rate_limit("POST", "/webhooks/{app_id}/{token}", retry_after=0.2)
    handle = await standin.send_command("steps")
    followups = await handle.wait_followups(2)
    assert [m.content for m in followups] == ["step 2", "step 3 (just you)"]


async def test_forbidden_channel_post(standin: StandIn, minibot: MiniBot) -> None:
    channel = standin.channel("rumours")
    standin.fail("POST", f"/channels/{channel.id}/messages", 403, code=50013,
                 message="Missing Permissions")
    reply = await (await standin.send_command("announce", {"channel": "rumours", "text": "x"})
                   ).response()
    assert reply.content == "cannot post (50013)"
    assert standin.channel_messages("rumours") == []


async def test_late_acknowledgement_is_rejected(minibot: MiniBot, standin: StandIn) -> None:
    standin.interaction_ack_deadline = 0.0
    handle = await standin.send_command("ping")
    await standin.wait_until(lambda: handle.expired, 5, "the late callback")
    assert handle.callback_type is None
    assert any(r.status == 404 and r.template and r.template.endswith("/callback")
               for r in standin.requests)


async def test_wrong_token_fails_login() -> None:
    async with running_standin() as standin:
        bot = MiniBot(standin.api_base_url)
        try:
            with pytest.raises(discord.LoginFailure):
                await bot.login("not-the-token")
        finally:
            await bot.close()


async def test_clean_shutdown_reports_leaks() -> None:
    class LeakyBot(MiniBot):
        async def setup_hook(self) -> None:
            await super().setup_hook()
            self.leak = asyncio.create_task(asyncio.sleep(60), name="leaky")

    async with running_standin() as standin:
        with pytest.raises(UncleanShutdownError, match="leaky"):
            async with connected_bot(lambda ep: LeakyBot(ep.api_base_url), standin):
                pass


async def test_clean_shutdown_leaves_nothing_behind() -> None:
    before = set(asyncio.all_tasks())
    async with running_standin() as standin:
        async with connected_bot(make_minibot, standin) as bot:
            await (await standin.send_command("player", {"name": "Jonathan David"})).response()
        assert bot.is_closed()
        assert standin._bot_sessions() == []
    leftover = [t for t in asyncio.all_tasks() - before
                if not t.done() and t is not asyncio.current_task()]
    assert leftover == []


async def test_user_message_reaches_bot(standin: StandIn, minibot: MiniBot) -> None:
    seen: asyncio.Future[discord.Message] = asyncio.get_running_loop().create_future()

    async def on_message(message: discord.Message) -> None:
        if not seen.done():
            seen.set_result(message)

    minibot.add_listener(on_message)
    sent = await standin.post_user_message("hello bot", user="fan", channel="general")
    got = await asyncio.wait_for(seen, 5)
    assert got.id == sent.id and got.author.id == standin.user("fan").id
