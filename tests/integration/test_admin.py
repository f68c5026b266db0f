"""/help, /about, moderators' /rumour add|remove|audit, permissions and the error handler."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from integration_world import KOOP, BotStarter, World, command, field_named

from bot.app import RumourBot
from bot.standin import CommandNotAvailable, StandIn
from bot.standin.models import MANAGE_GUILD
from db.session import create_db_engine

pytestmark = pytest.mark.integration


async def test_help_and_about(standin: StandIn, rumour_bot: RumourBot) -> None:
    help_reply = await command(standin, "help", user="fan")
    assert help_reply.ephemeral
    [embed] = help_reply.embeds
    assert embed["title"] == "rumour-bot commands"
    listed = {f["name"].split()[0].lstrip("/") for f in embed["fields"]}
    registered = {c["name"] for c in standin.registered_commands()}
    assert {"rumours", "club", "latest", "subscribe", "unsubscribe", "subscriptions",
            "digest", "rumour", "about"} <= listed
    # Every command of the bot is explained (/help itself aside).
    assert registered - {"help"} <= listed

    about = await command(standin, "about", user="fan")
    assert about.ephemeral
    [embed] = about.embeds
    assert embed["title"].startswith("rumour-bot ")
    tiers = field_named(embed, "Reliability tiers")["value"]
    assert all(f"**{n}**" in tiers for n in (1, 2, 3, 4))
    assert "30 days" in field_named(embed, "Cold links")["value"]


async def test_fan_is_refused_moderator_commands(standin: StandIn,
                                                 rumour_bot: RumourBot) -> None:
    options = {"player": KOOP, "club": "Liverpool", "status": "agreed"}
    # What a fan sees in Discord: the commands are not offered at all.
    for name, opts in [("rumour add", options), ("rumour remove", options),
                       ("rumour audit", {}), ("digest preview", {})]:
        opts = {k: v for k, v in opts.items() if name != "rumour remove" or k != "status"}
        with pytest.raises(CommandNotAvailable, match="manage_guild"):
            await standin.send_command(name, opts, user="fan")
    # A server may override the defaults; the bot checks Manage Server again itself.
    for command_name in ("rumour", "digest"):
        standin.global_commands[command_name]["default_member_permissions"] = None
    for name, opts in [("rumour add", options), ("rumour remove", {"player": KOOP,
                                                                   "club": "Chelsea"}),
                       ("rumour audit", {}), ("digest setup", {
                           "channel": "general", "time": "09:00", "timezone": "UTC"})]:
        reply = await command(standin, name, opts, user="fan")
        assert reply.ephemeral
        assert reply.content == "You need the Manage Server permission for this command."
    # Nothing was changed.
    audit = await command(standin, "rumour audit")
    assert audit.content == "No changes recorded yet."


async def test_corrections_stay_in_their_server(standin: StandIn, start_bot: BotStarter,
                                                world: World) -> None:
    other = standin.add_guild("Other Place")
    standin.add_role(other, "Moderator", MANAGE_GUILD)
    standin.add_channel(other, "talk")
    standin.add_user("othermod", roles=["Moderator"], guild=other)
    here: dict[str, Any] = {"user": "mod"}
    there: dict[str, Any] = {"user": "othermod", "guild": other}
    async with start_bot():
        added = await command(standin, "rumour add", {
            "player": KOOP, "club": "Liverpool", "status": "agreed", "fee": "£60m",
            "source": "Club statement"}, **here)
        assert added.ephemeral
        assert added.content == ("Recorded for this server: Teun Koopmeiners → Liverpool "
                                 "(agreed).")
        removed = await command(standin, "rumour remove", {"player": "Koopmeiners",
                                                           "club": "Chelsea"}, **here)
        assert removed.content == "Hidden in this server: Teun Koopmeiners → Chelsea."
        bad_fee = await command(standin, "rumour add", {
            "player": KOOP, "club": "Everton", "status": "bid", "fee": "loads"}, **here)
        assert bad_fee.ephemeral and bad_fee.content.startswith("Could not read the fee")

        card = await command(standin, "rumours", {"player": KOOP}, **here)
        fields = [f["name"] for f in card.embeds[0]["fields"]]
        assert "→ Liverpool" in fields and "→ Chelsea" not in fields
        liverpool = field_named(card.embeds[0], "→ Liverpool")["value"]
        assert "£60m fee" in liverpool and "agreed" in liverpool
        assert card.message is not None
        sources = await (await standin.press_button(card.message, "Sources")).response()
        assert "Club statement" in field_named(sources.embeds[0], "→ Liverpool")["value"]

        elsewhere = await command(standin, "rumours", {"player": KOOP}, **there)
        fields = [f["name"] for f in elsewhere.embeds[0]["fields"]]
        assert "→ Chelsea" in fields and "→ Liverpool" not in fields
        assert "2 sources, best tier 1" in field_named(elsewhere.embeds[0],
                                                       "→ Chelsea")["value"]

        audit = await command(standin, "rumour audit", **here)
        assert audit.ephemeral
        lines = audit.content.splitlines()
        assert len(lines) == 2
        mod_id = standin.user("mod").id
        assert all(f"<@{mod_id}>" in line for line in lines)
        assert any("rumour_add: Teun Koopmeiners → Liverpool: agreed fee=60000000 GBP "
                   "source=Club statement" in line for line in lines), lines
        assert any("rumour_remove: Teun Koopmeiners → Chelsea" in line for line in lines)
        assert (await command(standin, "rumour audit", **there)).content == \
            "No changes recorded yet."


async def test_unavailable_database_gets_a_short_private_answer(
        standin: StandIn, rumour_bot: RumourBot, caplog: pytest.LogCaptureFixture) -> None:
    card = await command(standin, "rumours", {"player": KOOP}, user="fan")
    assert card.message is not None
    # Nothing listens on port 1: every connection is refused at once.
    nowhere = create_db_engine("postgresql://rumour:rumour@127.0.0.1:1/rumours")
    healthy, rumour_bot.engine = rumour_bot.engine, nowhere
    rumour_bot.forget_reports()  # as when the report cache expires
    try:
        with caplog.at_level(logging.ERROR):
            for name, options in [("rumours", {"player": KOOP}), ("subscriptions", {}),
                                  ("latest", {}), ("club", {"club": "Chelsea"})]:
                reply = await command(standin, name, options, user="fan")
                assert reply.ephemeral and not reply.embeds, (name, reply.embeds)
                assert reply.content == ("The rumour database is unavailable right now; try "
                                         "again in a minute.")
            preview = await command(standin, "digest preview")
            assert preview.ephemeral
            assert preview.content == ("The rumour database is unavailable right now; try "
                                       "again in a minute.")
            # Buttons on earlier messages answer the same way instead of failing silently.
            for button in ("Sources", "Subscribe"):
                pressed = await (await standin.press_button(card.message, button,
                                                            user="fan")).response()
                assert pressed.ephemeral
                assert pressed.content == ("The rumour database is unavailable right now; "
                                           "try again in a minute.")
    finally:
        rumour_bot.engine = healthy
        nowhere.dispose()
    assert "database unavailable in /rumours" in caplog.text
    again = await command(standin, "rumours", {"player": KOOP}, user="mod")
    assert again.embeds  # back to normal


async def test_unexpected_error_leaks_nothing(standin: StandIn, rumour_bot: RumourBot,
                                              monkeypatch: pytest.MonkeyPatch,
                                              caplog: pytest.LogCaptureFixture) -> None:
    card = await command(standin, "rumours", {"player": KOOP}, user="fan")
    assert card.message is not None

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret: postgresql://rumour:hunter2@db/rumours")

    monkeypatch.setattr(rumour_bot, "run_db", broken)
    rumour_bot.forget_reports()  # as when the report cache expires
    with caplog.at_level(logging.ERROR):
        for name, options in [("rumours", {"player": KOOP}), ("subscribe", {"player": KOOP}),
                              ("latest", {})]:
            reply = await command(standin, name, options, user="fan")
            assert reply.ephemeral and not reply.embeds
            assert reply.content == "Something went wrong on our side; it has been logged."
        pressed = await (await standin.press_button(card.message, "Sources", user="fan")
                         ).response()
        assert pressed.ephemeral
        assert pressed.content == "Something went wrong on our side; it has been logged."
    assert "hunter2" in caplog.text  # logged for the operators...
    for message in standin.messages.values():  # ...never shown to users
        assert "hunter2" not in message.content
        assert all("hunter2" not in str(embed) for embed in message.embeds)


async def test_club_shows_the_servers_corrections(standin: StandIn,
                                                  rumour_bot: RumourBot) -> None:
    await command(standin, "rumour remove", {"player": KOOP, "club": "Chelsea"})
    await command(standin, "rumour add", {"player": KOOP, "club": "Liverpool",
                                          "status": "agreed"})
    chelsea = await command(standin, "club", {"club": "Chelsea"})
    assert "Koopmeiners" not in field_named(chelsea.embeds[0], "Incoming")["value"]
    liverpool = await command(standin, "club", {"club": "Liverpool"})
    assert "Teun Koopmeiners" in field_named(liverpool.embeds[0], "Incoming")["value"]
